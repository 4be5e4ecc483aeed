"""JSON Lines: one article per line, as corpora and scrapers write them.

Field names follow our own records and the two public corpora we read: ANT (`src`, `time`,
`docno`) and SaudiNewsNet (`content`, `date_extracted`). A bad line is reported on its own
and the rest of the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from rasid.document import Document
from rasid.errors import InputError
from rasid.io.dates import to_iso_date

# For each Document field, the record keys that may carry it, in order of preference.
_TEXT_KEYS = ("text", "content")
_DATE_KEYS = ("published", "time", "date", "date_extracted")
_SOURCE_KEYS = ("source", "src")
_ID_KEYS = ("id", "docno")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "true or false", type(None): "null"}


def read(text: str, where: str) -> Iterator[Document | InputError]:
    """A Document per good line, an InputError naming `where:LINE` per bad one."""
    # Split on \n only: str.splitlines would also cut at U+2028 and other separators that
    # JSON allows unescaped inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield from_line(line, f"{where}:{number}")


def from_line(line: str, where: str) -> Document | InputError:
    """One line's article, or an InputError naming `where`; for readers that split lines themselves."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, f"not valid JSON: {err.msg[:1].lower()}{err.msg[1:]} at column {err.colno}")
    return from_record(record, where)


def from_record(record: Any, where: str) -> Document | InputError:
    """One parsed record's article (field names and dates mapped as for a line), or an InputError;
    for the records of a JSON array."""
    if not isinstance(record, dict):
        return InputError(where, f"not a JSON object but {_JSON_TYPES[type(record)]}")
    key = next((k for k in _TEXT_KEYS if k in record), None)
    if key is None:
        return InputError(where, "no 'text' field")
    text = record[key]
    if not isinstance(text, str):
        return InputError(where, f"'{key}' field is {_JSON_TYPES[type(text)]}, not a string")
    if not text.strip():
        return InputError(where, f"empty '{key}' field")
    # Corpora number their records as often as they name them; true/false is neither.
    ids = (str(record[k]).strip() for k in _ID_KEYS if type(record.get(k)) in (str, int))
    record_id = next((i for i in ids if i), "")
    doc = Document(text=text, id=record_id, title=_string(record, ("title",)),
                   source=_string(record, _SOURCE_KEYS), url=_string(record, ("url",)), origin=where)
    date = _string(record, _DATE_KEYS)
    if date is not None:
        doc.published = to_iso_date(date)
        if doc.published is None:
            doc.warnings.append(f"publication date not understood: {date!r}")
    return doc


def _string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-blank string among `keys`, stripped; other types count as absent."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
