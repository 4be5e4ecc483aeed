"""Publication dates as the pipeline wants them: an ISO calendar date, `YYYY-MM-DD`.

Sources write dates many ways (ISO 8601 in HTML metadata, RFC 2822 in RSS and the ANT
corpus, "2015-07-25 23:29:06" in SaudiNewsNet); every reader funnels them through here.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime


def to_iso_date(value: str) -> str | None:
    """The calendar date of `value`, or None when it is not a date we can read.

    The date is taken in the writer's own time zone, not converted to UTC: an article
    stamped "Wed, 27 Oct 2021 01:15 +0300" was published on the 27th where it was written,
    and that is the day its "today" and "yesterday" refer to.
    """
    value = value.strip()
    if not value:
        return None
    try:
        # ISO 8601, including "2015-07-25 23:29:06" (a space for the T) and a trailing Z.
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
