"""Publication dates in the forms our sources write them."""

import pytest

from rasid.io.dates import to_iso_date


@pytest.mark.parametrize("value, expected", [
    ("2021-10-27", "2021-10-27"),
    ("2021-10-27T10:00:00Z", "2021-10-27"),
    ("2021-10-27T23:30:00+03:00", "2021-10-27"),
    ("  2015-07-25 23:29:06 ", "2015-07-25"),  # SaudiNewsNet
    ("Sun, 18 Feb 2018 21:50:44 +0400", "2018-02-18"),  # ANT, RSS
    ("Wed, 27 Oct 2021 01:15:00 +0300", "2021-10-27"),  # the writer's day, not UTC's 26th
    ("Wed, 27 Oct 2021 09:15:00 GMT", "2021-10-27"),
])
def test_dates_we_read(value: str, expected: str) -> None:
    assert to_iso_date(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "yesterday", "2021-13-45", "27/10/2021", "الأربعاء"])
def test_garbage_is_none(value: str) -> None:
    assert to_iso_date(value) is None
