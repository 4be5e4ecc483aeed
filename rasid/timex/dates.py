"""DATE and TIME mentions with ISO 8601 values, resolved against the publication date.

Rules read the normalized view token by token: a head word (a number, a month or weekday name,
أمس, الأسبوع, التسعينيات, الساعة …) starts an expression, which then takes in the words around
it that belong to it. The word lists are data (rasid/data/timex/).

Values, and their precision (`Mention.precision`):

    day       2021-10-26        أمس، الخميس، 15 مارس 2024، 27/10/2021، السابع من أبريل، 15 رمضان 1442 هـ
    week      2021-W42          الأسبوع الماضي، هذا الأسبوع، قبل أسبوعين (an ISO week)
    month     2021-06           يونيو الماضي، مارس 2024، الشهر الجاري
    year      2020              العام الماضي، عام 2013
    decade    199X              تسعينيات القرن الماضي، منتصف الثمانينيات
    century   19XX              القرن الماضي، القرن العشرين
    duration  P10Y PT48H PXW    عشر سنوات، خلال 48 ساعة، منذ أسابيع (X: a vague count)
    range     2021-04-13/2021-05-12   a Hijri month or year without a day, as the Gregorian days
                                it covers (a Hijri day is converted to its Gregorian day)
    time      T22:00            الساعة العاشرة مساء (type TIME; the day it falls on is not given)

Durations are ISO 8601, so hours, minutes and seconds take the T (PT48H); decades and centuries
are counted in years (عقدين: P20Y).

Conventions:
- The mention is the expression itself: prepositions and cue words before it (في، منذ، خلال،
  لمدة، عام before a year) stay outside, so "عام 2013" gives the mention "2013". What changes the
  meaning stays inside: a part of the day (مساء أمس; the value stays the day), يوم, a weekday
  before a full date, where in a period (مطلع الشهر الجاري keeps the month as its value), an
  approximation (نحو عشر سنوات), and قبل/منذ when they make a duration a date (قبل أسبوعين).
- Relative expressions resolve against the publication date; without one they are still
  mentions, with value and precision None (never resolved against today). Absolute ones and
  durations keep their values. A day that the calendar lacks (31 فبراير) is no date at all.
- A weekday alone is the latest such day on or before the publication date; with الماضي it is
  strictly before, with المقبل/القادم strictly after. After a relative day (أمس الثلاثاء) the
  weekday joins the mention, and the relative day gives the value.
- "يونيو الماضي" is the latest June before the publication month, "يونيو المقبل" the next after it.
  A month name alone (and a day and month without a year) is the latest such month no later than
  LOOKAHEAD_MONTHS after the publication month: news says "الماضي" of a month long past, but
  names the coming months bare ("الانتخابات في ديسمبر", published in October). Hijri months
  follow the same rules in the Hijri calendar.
- قبل + a duration is a date that far before publication, at the duration's unit: قبل أسبوعين is
  the ISO week of the day 14 days back, قبل 3 أيام that day, قبل عامين the year. منذ is the same
  for hours, days and weeks (منذ 3 أيام), but makes a span of months and years (منذ عشر سنوات:
  "for ten years"). Either one followed by من counts from another event (قبل 3 أيام من
  الانتخابات), so the expression stays a duration.
- A unit with no number is a duration only after a cue (لمدة شهر, أقل من شهر, منذ أسابيع), with
  واحد after it (يوم واحد), or as a dual (يومين).
- A four-digit number 1900-2099 is a year only in a date context: after a cue (cues.tsv year_cue:
  عام، منذ، في، خلال …), after another year (عامي 2012 و2013), closing quotes or brackets after a
  name («أزواد 2012»), or standing alone between commas; or with an era (2013م، 1442 هـ).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from hijridate import Gregorian, Hijri

from rasid.document import Document
from rasid.text.normalize import Normalized, normalize
from rasid.timex.lexicon import (
    ARTICLE,
    Phrases,
    approximations,
    cue_words,
    cues,
    rows,
    spellings,
    with_proclitics,
)
from rasid.timex.scan import (
    CONJUNCTION,
    Tokens,
    document_regions,
    number_words,
    numeral_heads,
    original_span,
    read_numeral,
    tokenize,
    worth_reading,
)

REQUIRES = ("text", "normalized", "sentences")
PROVIDES = ("dates",)

LOOKAHEAD_MONTHS = 2
YEARS = range(1900, 2100)           # a bare four-digit number in a date context
YEARS_WITH_MONTH = range(1000, 3000)  # after a month name
HIJRI_YEARS = range(1300, 1501)
# Units with which منذ makes a date (منذ 3 أيام); with longer ones it makes a span.
_SINCE_IS_DATE = frozenset({"S", "MIN", "H", "D", "W"})
_ISO_UNIT = {"S": "TS", "MIN": "TM", "H": "TH", "D": "D", "W": "W", "M": "M", "Y": "Y",
             "DE": "Y", "CE": "Y"}
_UNIT_YEARS = {"DE": 10, "CE": 100}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_CLOCK_AFTER_WORD = re.compile(r"(\d{1,2})[:.](\d{2})")  # الساعة 21.00
_CLOSERS = frozenset('")]')
_LIST_MARKS = frozenset(",.;:")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date, time or duration in a text: text[start:end], with its normalized value."""

    start: int
    end: int
    text: str
    type: str                 # DATE or TIME
    value: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class _Month:
    number: int
    hijri: bool
    anchored: bool            # a date only beside a day, a year or another month word


@dataclass(frozen=True, slots=True)
class _Unit:
    code: str                 # Y M W D H MIN S DE CE
    alone: str                # 1, 2, some or -: what the word counts with no number before it


@dataclass(frozen=True)
class _Lexicon:
    """The date word lists; tables of type Mapping[str, tuple[int, str]] map a word as written,
    proclitic and all, to (proclitic length, the word)."""

    months: Phrases[_Month]
    weekdays: Mapping[str, tuple[int, str]]
    weekday_numbers: Mapping[str, int]
    relative_days: Phrases[int]
    relative_after: Mapping[str, int]          # الماضي -> -1
    relative_before: Mapping[str, tuple[int, str]]
    units: Mapping[str, _Unit]
    definite_units: Mapping[str, str]          # الأسبوع -> W
    parts_before: Mapping[str, tuple[int, str]]
    parts_after: Mapping[str, str]             # adverb -> how it reads a clock hour
    decades: Mapping[str, int]
    ordinals: Phrases[int]
    clock_fractions: Phrases[int]
    modifiers: Mapping[str, tuple[int, str]]
    year_cues: Mapping[str, tuple[int, str]]
    year_words: Mapping[str, tuple[int, str]]
    day_words: Mapping[str, tuple[int, str]]
    decade_words: Mapping[str, tuple[int, str]]
    equivalents: Mapping[str, tuple[int, str]]
    anchors: Mapping[str, tuple[int, str]]     # قبل, منذ
    duration_cues: Mapping[str, tuple[int, str]]
    duration_phrases: Phrases[str]
    words: Mapping[str, frozenset[str]]        # cues.tsv roles of single words
    heads: Mapping[str, tuple[int, str]]       # every word that may start an expression


@dataclass(slots=True)
class _Hit:
    """An expression found in a token list, before it is mapped back to the original text."""

    start: int                # where it starts in the normalized text (after a proclitic)
    end: int                  # the token after its last
    type: str
    value: str | None
    precision: str | None


def _spelled(word: str) -> list[str]:
    return [words[0] for words in spellings(word)]


def _merge(*tables: Mapping[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Tables of words with proclitics, where a word as written beats a proclitic reading."""
    merged: dict[str, tuple[int, str]] = {}
    for table in tables:
        for word, hit in table.items():
            if hit[0] == 0 or word not in merged:
                merged[word] = hit
    return merged


@cache
def _lexicon() -> _Lexicon:
    months = Phrases((name, _Month(int(number), calendar == "hijri", context == "anchored"))
                     for name, number, calendar, context in rows("months.tsv"))
    weekday_numbers = {w: int(n) for name, n in rows("weekdays.tsv") for w in _spelled(name)}
    units = {w: _Unit(code, alone) for word, code, alone in rows("calendar_units.tsv")
             for w in _spelled(word)}
    definite_units = {ARTICLE + w: unit.code for w, unit in units.items()
                      if unit.code in ("Y", "M", "W") and unit.alone == "1"}
    relative = rows("relative_words.tsv")
    parts = rows("parts_of_day.tsv")
    decades = {w: int(digit) for word, digit in rows("decades.tsv") for w in _spelled(word)}
    decades.update({ARTICLE + w: digit for w, digit in list(decades.items())})
    roles = ("month_word", "day_word", "clock_word", "century_word", "decade_word", "year_word",
             "equivalent", "hijri_era", "gregorian_era", "of", "year_link", "ago", "since", "time_zone")
    words = {role: cue_words(role) for role in roles}
    relative_days = Phrases((p, int(days)) for p, days in rows("relative_days.tsv"))
    ordinals = Phrases((p, int(n)) for p, n in rows("ordinals.tsv"))
    single_cues = [*cue_words("duration_cue"), *words["ago"], *words["since"]]
    return _Lexicon(
        months=months,
        weekdays=with_proclitics(weekday_numbers),
        weekday_numbers=weekday_numbers,
        relative_days=relative_days,
        relative_after={w: int(d) for word, d, position in relative if position == "after"
                        for w in _spelled(word)},
        relative_before=with_proclitics(w for word, _, position in relative if position == "before"
                                        for w in _spelled(word)),
        units=units,
        definite_units=definite_units,
        parts_before=with_proclitics(w for word, position, _ in parts if position == "before"
                                     for w in _spelled(word)),
        parts_after={w: clock for word, position, clock in parts if position == "after"
                     for w in _spelled(word)},
        decades=decades,
        ordinals=ordinals,
        clock_fractions=Phrases((p, int(m)) for p, m in rows("clock.tsv")),
        modifiers=with_proclitics(cue_words("modifier")),
        year_cues=with_proclitics([*cue_words("year_cue"), *cue_words("modifier")], prepositions=True),
        year_words=with_proclitics(words["year_word"], prepositions=True),
        day_words=with_proclitics(words["day_word"]),
        decade_words=with_proclitics(words["decade_word"]),
        equivalents=with_proclitics(words["equivalent"]),
        anchors=with_proclitics([*words["ago"], *words["since"]]),
        duration_cues=with_proclitics(single_cues),
        duration_phrases=cues()["duration_cue"],
        words=words,
        heads=_merge(
            with_proclitics([*months.first_words, *words["month_word"], *weekday_numbers,
                             *relative_days.first_words, *definite_units, *decades,
                             *words["century_word"], *words["clock_word"], *ordinals.first_words,
                             *units]),
            numeral_heads()),
    )


class _Reader:
    """Reads the time expressions of one token list, left to right; an expression never takes
    in a token that an earlier one holds."""

    def __init__(self, tokens: Tokens, published: date | None) -> None:
        self.tokens = tokens
        self.words = tokens.words
        self.starts = tokens.starts
        self.published = published
        self.lex = _lexicon()
        self.floor = 0       # the first token no expression holds yet
        self.year_end = -1   # the token after the last year read, for lists of years

    def read(self) -> list[_Hit]:
        hits = []
        words, heads = self.words, self.lex.heads
        i = 0
        while i < len(words):
            word = words[i]
            hit = None
            if word[0].isdigit():
                hit = self._digits(i)
            elif (head := heads.get(word)) is not None:
                hit = self._word(i, *head)
            if hit is None:
                i += 1
            else:
                hits.append(hit)
                i = self.floor = hit.end
        return hits

    def _digits(self, i: int) -> _Hit | None:
        word = self.words[i]
        return (self._numeric_date(i) or self._clock(i, 0, word) or self._day_date(i)
                or self._duration(i, 0, word) or self._year(i))

    def _word(self, i: int, prefix: int, base: str) -> _Hit | None:
        readers = (self._clock, self._ordinal_date, self._month, self._relative_day, self._weekday,
                   self._relative_period, self._decade, self._century, self._duration)
        return next((hit for read in readers if (hit := read(i, prefix, base)) is not None), None)

    # -- helpers

    def _resolved(self, resolve: Callable[[date], tuple[str | None, str]]) -> tuple[str | None, str | None]:
        """A relative expression's (value, precision): (None, None) without a publication date,
        or when it falls outside the calendars."""
        if self.published is None:
            return None, None
        value, precision = resolve(self.published)
        return (value, precision) if value is not None else (None, None)

    def _take_before(self, first: int, start: int, table: Mapping[str, tuple[int, str]]) -> tuple[int, int]:
        """(first, start) extended over the word before when it is in `table`. An expression
        whose first word carries a proclitic (وأمس) takes in nothing before it."""
        j = first - 1
        if j < self.floor or start != self.starts[first]:
            return first, start
        hit = table.get(self.words[j])
        return (first, start) if hit is None else (j, self.starts[j] + hit[0])

    def _day(self, first: int, prefix: int, end: int, value: str | None) -> _Hit:
        """A day expression over tokens first..end-1, with the words around it that qualify it:
        a weekday before a full date (الخميس الموافق 21 أكتوبر), يوم, a part of the day before it
        (مساء أمس) or after it (الخميس صباحا)."""
        start = self.starts[first] + prefix
        equivalent = self._take_before(first, start, self.lex.equivalents)
        if equivalent != (first, start):
            weekday = self._take_before(*equivalent, self.lex.weekdays)
            if weekday != equivalent:
                first, start = weekday
        else:
            first, start = self._take_before(first, start, self.lex.weekdays)
        first, start = self._take_before(first, start, self.lex.day_words)
        first, start = self._take_before(first, start, self.lex.parts_before)
        if self.tokens.word(end) in self.lex.parts_after:
            end += 1
        return _Hit(start, end, "DATE", value, "day" if value else None)

    def _period(self, first: int, prefix: int, end: int, value: str | None, precision: str | None) -> _Hit:
        """A month, year or longer, with a word before it that says where in it (مطلع، نهاية)."""
        first, start = self._take_before(first, self.starts[first] + prefix, self.lex.modifiers)
        return _Hit(start, end, "DATE", value, precision if value else None)

    # -- days

    def _numeric_date(self, i: int) -> _Hit | None:
        """27/10/2021, 27-10-2021, 2021-10-27: day first unless the year is."""
        match = _NUMERIC_DATE.fullmatch(self.words[i])
        if match is None:
            return None
        first, month, last = match.groups()
        if len(first) == 4 and len(last) <= 2:
            year, day = first, last
        elif len(last) == 4 and len(first) <= 2:
            year, day = last, first
        else:
            return None
        value = _iso_day(int(year), int(month), int(day))
        return None if value is None else self._day(i, 0, i + 1, value)

    def _day_date(self, i: int) -> _Hit | None:
        """15 مارس 2024, 15 من مارس, ١٥ رمضان ١٤٤٢ هـ, 15 يونيو الماضي, 15 مارس (this year's)."""
        word = self.words[i]
        if not word.isdigit():
            return None
        j = i + 1 + (self.tokens.word(i + 1) in self.lex.words["of"])
        return self._date_of_month(i, 0, int(word), j)

    def _ordinal_date(self, i: int, prefix: int, base: str) -> _Hit | None:
        """السابع من أبريل, الحادي عشر من سبتمبر 2001."""
        ordinal = self.lex.ordinals.match(self.words, i, base)
        if ordinal is None or self.tokens.word(ordinal[0]) not in self.lex.words["of"]:
            return None
        return self._date_of_month(i, prefix, ordinal[1], ordinal[0] + 1)

    def _date_of_month(self, i: int, prefix: int, day: int, j: int) -> _Hit | None:
        """Day `day` (written at token i) of the month named at token j, with its year if one
        follows, else the year the month resolves to."""
        named = self._month_name(j) if 1 <= day <= 31 else None
        if named is None:
            return None
        end, month = named
        in_calendar = _hijri_day if month.hijri else _iso_day
        year = self._year_after(end, month)
        if year is not None:
            end, number = year
            value = in_calendar(number, month.number, day)
            return None if value is None else self._day(i, prefix, end, value)
        end, year_of = self._month_relation(end, month)
        value, _ = self._resolved(lambda today: (in_calendar(year_of(today), month.number, day), "day"))
        return None if value is None and self.published is not None else self._day(i, prefix, end, value)

    def _relative_day(self, i: int, prefix: int, base: str) -> _Hit | None:
        """أمس, اليوم, غدا, أول أمس …, with the weekday that may follow (أمس الثلاثاء)."""
        hit = self.lex.relative_days.match(self.words, i, base)
        if hit is None:
            return None
        end, days = hit
        after = self.tokens.word(end)
        if after in self.lex.weekday_numbers:
            end += 1
        elif base.startswith(ARTICLE) and (after.startswith(ARTICLE) or after[:1].isdigit()):
            return None  # اليوم التالي, اليوم الأول, اليوم 15 من الاحتجاجات: a day, not today
        value, _ = self._resolved(lambda today: ((today + timedelta(days=days)).isoformat(), "day"))
        return self._day(i, prefix, end, value)

    def _weekday(self, i: int, prefix: int, base: str) -> _Hit | None:
        """الخميس, الخميس الماضي, الخميس المقبل, or a weekday before a full date."""
        weekday = self.lex.weekday_numbers.get(base)
        if weekday is None:
            return None
        j = i + 1 + (self.tokens.word(i + 1) in self.lex.words["equivalent"])
        if self.tokens.word(j)[:1].isdigit() and (dated := self._day_date(j) or self._numeric_date(j)):
            return dated
        direction = self.lex.relative_after.get(self.tokens.word(i + 1))
        end = i + 1 if direction is None else i + 2
        value, _ = self._resolved(
            lambda today: (_weekday_date(today, weekday, direction).isoformat(), "day"))
        return self._day(i, prefix, end, value)

    # -- clock times

    def _clock(self, i: int, prefix: int, base: str) -> _Hit | None:
        """الساعة 10 صباحا, الساعة العاشرة والنصف, 10:30, العاشرة مساء, 10 صباحا."""
        lex = self.lex
        if base in lex.words["clock_word"]:
            time = self._clock_time(i + 1, _CLOCK_AFTER_WORD)
        elif _CLOCK.fullmatch(base):
            time = self._clock_time(i, _CLOCK)
        elif self.tokens.word(i + 1) in lex.words["time_zone"]:  # 19.00 بتوقيت غرينتش
            time = self._clock_time(i, _CLOCK_AFTER_WORD)
        else:  # a bare hour is a time only with a part of the day after it
            time = self._clock_time(i, _CLOCK)
            if time is None or not self._bare_hour(i, time[0]):
                return None
        if time is None:
            return None
        end, hour, minute = time
        reading = lex.parts_after.get(self.tokens.word(end))
        if reading is not None:
            hour = _clock_hour(hour, reading)
            end += 1
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        return _Hit(self.starts[i] + prefix, end, "TIME", f"T{hour:02d}:{minute:02d}", "time")

    def _bare_hour(self, i: int, end: int) -> bool:
        """Whether an hour with no clock word (10 صباحا, العاشرة مساء) is one: a part of the day
        follows it, and not one that begins a day expression (2-1 مساء السبت), nor after a dash
        or a slash."""
        if self.tokens.glued(i) and self.tokens.word(i - 1) in ("-", "/"):
            return False
        after = self.tokens.word(end + 1)
        return (self.tokens.word(end) in self.lex.parts_after and after not in self.lex.weekday_numbers
                and self.lex.relative_days.match(self.words, end + 1) is None)

    def _clock_time(self, j: int, written: re.Pattern[str]) -> tuple[int, int, int] | None:
        """(end, hour, minute) of a clock time at token j: hours and minutes as `written` has
        them (10:30), an hour (10, العاشرة) and a fraction of it (والنصف, إلا ربعا)."""
        word = self.tokens.word(j)
        if match := written.fullmatch(word):
            return j + 1, int(match[1]), int(match[2])
        if word.isdigit() and int(word) <= 24:
            end, hour = j + 1, int(word)
        elif (ordinal := self.lex.ordinals.match(self.words, j)) and ordinal[1] <= 12:
            end, hour = ordinal
        else:
            return None
        minute = 0
        if fraction := self.lex.clock_fractions.match(self.words, end):
            end, minute = fraction
            if minute < 0:
                hour, minute = hour - 1, 60 + minute
        return end, hour, minute

    # -- months, weeks, years, decades, centuries

    def _month_name(self, j: int, first: str | None = None) -> tuple[int, _Month] | None:
        """A month name at token j, or a double form of one month (أبريل/نيسان, آب (أغسطس),
        سبتمبر أيلول)."""
        hit = self.lex.months.match(self.words, j, first)
        if hit is None:
            return None
        end, month = hit
        mark = self.tokens.word(end)
        separated = mark in ("/", "-", "(")
        other = self.lex.months.match(self.words, end + separated)
        if other is not None:
            close, partner = other
            closed = mark != "(" or self.tokens.word(close) == ")"
            if closed and (partner.number, partner.hijri) == (month.number, month.hijri):
                end = close + (mark == "(")
                month = _Month(month.number, month.hijri, month.anchored and partner.anchored)
        return end, month

    def _year_after(self, j: int, month: _Month) -> tuple[int, int] | None:
        """(end, year) of the year after a month name: 2024, عام 2024, من العام 2024, 1442 هـ."""
        words = self.lex.words
        k = j + (self.tokens.word(j) in words["of"])
        k += self.tokens.word(k) in self.lex.year_words
        word = self.tokens.word(k)
        if not (word.isdigit() and int(word) in (HIJRI_YEARS if month.hijri else YEARS_WITH_MONTH)):
            return None
        end = k + 1
        if self.tokens.word(end) in words["hijri_era"] | words["gregorian_era"]:
            end += 1
        return end, int(word)

    def _month_relation(self, end: int, month: _Month) -> tuple[int, Callable[[date], int]]:
        """(end, the month's year as a function of the publication date) for a month without a
        year: يونيو الماضي, مارس من العام الماضي, or a month alone (see LOOKAHEAD_MONTHS)."""
        direction = self.lex.relative_after.get(self.tokens.word(end))
        calendar = _hijri_month_of if month.hijri else _month_of
        if direction is not None:
            return end + 1, lambda today: _year_of_month(month.number, *calendar(today), direction)
        k = end + (self.tokens.word(end) in self.lex.words["of"])
        year_word = self.tokens.word(k)
        shift = self.lex.relative_after.get(self.tokens.word(k + 1))
        if year_word.startswith(ARTICLE) and year_word in self.lex.year_words and shift is not None:
            return k + 2, lambda today: calendar(today)[0] + shift
        return end, lambda today: _year_of_month(month.number, *calendar(today), None)

    def _month(self, i: int, prefix: int, base: str) -> _Hit | None:
        """مارس 2024, أبريل/نيسان 2017, شهر رمضان, يونيو الماضي, مارس من العام الماضي, يونيو."""
        with_word = base in self.lex.words["month_word"]
        named = self._month_name(i + 1) if with_word else self._month_name(i, base)
        if named is None:
            return None
        end, month = named
        year = self._year_after(end, month)
        if year is not None:
            end, number = year
            return self._period(i, prefix, end, *_month_value(month, number))
        relation_end, year_of = self._month_relation(end, month)
        if month.anchored and not with_word and relation_end == end:
            return None
        value, precision = self._resolved(lambda today: _month_value(month, year_of(today)))
        return self._period(i, prefix, relation_end, value, precision)

    def _relative_period(self, i: int, prefix: int, base: str) -> _Hit | None:
        """الأسبوع الماضي, الشهر الجاري, العام المقبل, هذا الأسبوع."""
        unit = self.lex.definite_units.get(base)
        if unit is None:
            return None
        direction = self.lex.relative_after.get(self.tokens.word(i + 1))
        first, end = i, i + 2
        if direction is None:
            start = self.starts[i] + prefix
            this = self._take_before(i, start, self.lex.relative_before)
            if this == (i, start):
                return None
            first, prefix = this[0], this[1] - self.starts[this[0]]
            direction, end = 0, i + 1
        value, precision = self._resolved(lambda today: _shifted_period(today, unit, direction))
        return self._period(first, prefix, end, value, precision)

    def _year(self, i: int) -> _Hit | None:
        """A year: 2013 after a date cue, 2013م, 1442 هـ (a Hijri year, as a range)."""
        word = self.words[i]
        if len(word) != 4 or not word.isdigit():
            return None
        year, end = int(word), i + 1
        era = self.tokens.word(end)
        if era in self.lex.words["hijri_era"] and year in HIJRI_YEARS:
            value, precision, end = _hijri_range(year, 1, 12), "range", end + 1
        elif era in self.lex.words["gregorian_era"] and year in YEARS_WITH_MONTH and (
                len(era) > 1 or self.tokens.glued(end)):  # 2013م, but 2500 م may be metres
            value, precision, end = str(year), "year", end + 1
        elif year in YEARS and self._year_context(i):
            value, precision = str(year), "year"
        else:
            return None
        self.year_end = end
        # A word saying where in the year joins it, over the year word (مطلع عام 2020) or not
        # (منتصف 2020); the year word alone is a cue, like في, and stays out.
        cue = self._take_before(i, self.starts[i], self.lex.year_words)
        modifier = self._take_before(*cue, self.lex.modifiers)
        start = modifier[1] if modifier != cue else self.starts[i]
        return _Hit(start, end, "DATE", value, precision if value else None)

    def _year_context(self, i: int) -> bool:
        """Whether a bare four-digit number at token i stands where a year does."""
        before, after = self.tokens.word(i - 1), self.tokens.word(i + 1)
        if before in self.lex.year_cues:
            return True
        if before in self.lex.words["year_link"] and self.year_end == i - 1:
            return True  # عامي 2012 و2013
        if after in _CLOSERS and (before in ('(', '"') or _is_arabic_word(before)):
            return True  # «أزواد 2012», (2015)
        return before == "," and (not after or after in _LIST_MARKS or after in _CLOSERS)

    def _century_at(self, k: int) -> tuple[int, int | None] | None:
        """(end, century number) of القرن الماضي, القرن العشرين, القرن الـ20 at token k; the
        number is None for a relative century without a publication date."""
        if self.tokens.word(k) not in self.lex.words["century_word"]:
            return None
        direction = self.lex.relative_after.get(self.tokens.word(k + 1))
        if direction is not None:
            return k + 2, None if self.published is None else self.published.year // 100 + 1 + direction
        ordinal = self.lex.ordinals.match(self.words, k + 1)
        if ordinal is not None and ordinal[1] > 12:
            return ordinal
        j = k + 1 + (self.tokens.word(k + 1) == ARTICLE and self.tokens.glued(k + 2))
        word = self.tokens.word(j)
        return (j + 1, int(word)) if word.isdigit() and 1 <= int(word) <= 30 else None

    def _decade(self, i: int, prefix: int, base: str) -> _Hit | None:
        """تسعينيات القرن الماضي, منتصف الثمانينيات (the latest such decade), عقد السبعينيات."""
        digit = self.lex.decades.get(base)
        if digit is None:
            return None
        end = i + 1
        century = self._century_at(end + (self.tokens.word(end) in self.lex.words["of"]))
        if century is not None:
            end, number = century
            value = None if number is None else f"{number - 1:02d}{digit}X"
        else:
            value, _ = self._resolved(lambda today: (_latest_decade(today, digit), "decade"))
        first, start = self._take_before(i, self.starts[i] + prefix, self.lex.decade_words)
        return self._period(first, start - self.starts[first], end, value, "decade")

    def _century(self, i: int, prefix: int, base: str) -> _Hit | None:
        """القرن الماضي → 19XX, القرن الحادي والعشرين → 20XX."""
        century = self._century_at(i) if base in self.lex.words["century_word"] else None
        if century is None:
            return None
        end, number = century
        return self._period(i, prefix, end, None if number is None else f"{number - 1:02d}XX", "century")

    # -- durations

    def _duration(self, i: int, prefix: int, base: str) -> _Hit | None:
        """A number and a unit of time (عشر سنوات, 48 ساعة, يومين, لمدة شهر, منذ أسابيع): a
        duration, or a date when قبل or منذ makes it one (قبل أسبوعين, منذ 3 أيام)."""
        lex, tokens = self.lex, self.tokens
        numeral = read_numeral(tokens, i)
        if numeral is not None:
            unit = lex.units.get(tokens.word(numeral.end))
            if unit is None:
                return None
            count, start, end = numeral.value, numeral.offset, numeral.end + 1
        else:
            unit = lex.units.get(base)
            if unit is None:
                return None
            start, end = self.starts[i] + prefix, i + 1
            if unit.alone == "2":
                count = Decimal(2)
            elif unit.alone != "some" and self._is_one(end):
                count, end = Decimal(1), end + 1  # يوم واحد, يوما واحدا
            elif unit.alone in ("1", "some") and self._counts_alone(i, start):
                count = Decimal(1) if unit.alone == "1" else None
            else:
                return None
        if count is not None and (half := self._and_fraction(end)) is not None:
            count, end = count + half[1], half[0]
        first = i
        approx = approximations()[0].match_before(self.words, i, self.floor)
        if approx is not None and start == self.starts[i]:
            first = approx[0]
            start = self.starts[first]
        if after := approximations()[1].match(self.words, end):
            end = after[0]
        anchor = self._take_before(first, start, lex.anchors)
        if anchor != (first, start):
            cue = lex.anchors[self.words[anchor[0]]][1]
            counts_from_us = tokens.word(end) not in lex.words["of"]
            if cue in lex.words["ago"] and counts_from_us:
                if count is None:
                    return None  # قبل أيام: some days ago, no date to give
                value, precision = self._resolved(lambda today: _ago(today, unit.code, count))
                return _Hit(anchor[1], end, "DATE", value, precision)
            if unit.code in _SINCE_IS_DATE and count is not None and counts_from_us:
                value, precision = self._resolved(lambda today: _ago(today, unit.code, count))
                return _Hit(anchor[1], end, "DATE", value, precision)
        return _Hit(start, end, "DATE", _duration_value(unit.code, count), "duration")

    def _counts_alone(self, i: int, start: int) -> bool:
        """Whether a unit with no number before it is a duration: after a cue (لمدة شهر, أقل من
        شهر, منذ أسابيع) and not the head of a longer name (شهر رمضان, عام 2013, يوم الخميس)."""
        if start != self.starts[i]:
            return False
        after = self.tokens.word(i + 1)
        if after[:1].isdigit() or after.startswith(ARTICLE) or self.lex.months.match(self.words, i + 1):
            return False
        return (self._take_before(i, start, self.lex.duration_cues) != (i, start)
                or self.lex.duration_phrases.match_before(self.words, i, self.floor) is not None
                or approximations()[0].match_before(self.words, i, self.floor) is not None)

    def _is_one(self, j: int) -> bool:
        """Whether token j is the number word one (واحد, واحدة), alone."""
        hit = number_words().match(self.words, j)
        return hit is not None and hit[0] == j + 1 and hit[1].kind == "unit" and hit[1].value == 1

    def _and_fraction(self, j: int) -> tuple[int, Decimal] | None:
        """(end, value) of و + a fraction after a unit: ساعة ونصف, عامين ونصف."""
        word = self.tokens.word(j)
        if not word.startswith(CONJUNCTION):
            return None
        hit = number_words().match(self.words, j, word[1:])
        return (hit[0], hit[1].value) if hit and hit[1].kind == "fraction" else None


# -- calendar arithmetic


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _hijri_day(year: int, month: int, day: int) -> str | None:
    try:
        return Hijri(year, month, day).to_gregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _hijri_range(year: int, first_month: int, last_month: int) -> str | None:
    """The Gregorian days of Hijri months first..last of a year, as an ISO interval."""
    try:
        first = Hijri(year, first_month, 1).to_gregorian()
        last = Hijri(year, last_month, Hijri(year, last_month, 1).month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return f"{first.isoformat()}/{last.isoformat()}"


def _month_of(today: date) -> tuple[int, int]:
    return today.year, today.month


def _hijri_month_of(today: date) -> tuple[int, int]:
    hijri = Gregorian.fromdate(today).to_hijri()
    return hijri.year, hijri.month


def _month_value(month: _Month, year: int) -> tuple[str | None, str]:
    if month.hijri:
        return _hijri_range(year, month.number, month.number), "range"
    return f"{year:04d}-{month.number:02d}", "month"


def _year_of_month(month: int, year: int, current: int, direction: int | None) -> int:
    """The year of a named month, seen from month `current` of `year` (in one calendar):
    direction -1 the last such month before the current one, 1 the next after it, 0 this year's,
    None the latest no later than LOOKAHEAD_MONTHS after it."""
    if direction == 0:
        return year
    if direction == -1:
        return year if month < current else year - 1
    if direction == 1:
        return year if month > current else year + 1
    latest = current + LOOKAHEAD_MONTHS
    return next(y for y in (year + 1, year, year - 1) if (y - year) * 12 + month <= latest)


def _weekday_date(today: date, weekday: int, direction: int | None) -> date:
    """The latest such weekday on or before today; strictly before for -1; strictly after for 1."""
    if direction == 1:
        return today + timedelta(days=(weekday - today.isoweekday() - 1) % 7 + 1)
    back = (today.isoweekday() - weekday) % 7
    return today - timedelta(days=back or 7 if direction == -1 else back)


def _clock_hour(hour: int, reading: str) -> int:
    """A 12-hour clock reading on the 24-hour clock: am (12 is midnight), pm (add 12 to 1-11),
    night (add 12 to 6-11; 12 is midnight, 1-5 are small hours)."""
    if hour == 12 and reading != "pm":
        return 0
    if (reading == "pm" and hour < 12) or (reading == "night" and 6 <= hour < 12):
        return hour + 12
    return hour


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    years, month_index = divmod(year * 12 + month - 1 + months, 12)
    return years, month_index + 1


def _shifted_period(today: date, unit: str, shift: int) -> tuple[str, str]:
    """The week, month or year `shift` of them from the one `today` is in."""
    if unit == "W":
        return _iso_week(today + timedelta(weeks=shift)), "week"
    if unit == "M":
        return "{:04d}-{:02d}".format(*_add_months(today.year, today.month, shift)), "month"
    return f"{today.year + shift:04d}", "year"


def _latest_decade(today: date, digit: int) -> str:
    """The latest decade with this tens digit that has begun by today: الثمانينيات → 198X."""
    hundreds = today.year // 100
    if hundreds * 100 + digit * 10 > today.year:
        hundreds -= 1
    return f"{hundreds:02d}{digit}X"


def _ago(today: date, unit: str, count: Decimal) -> tuple[str, str]:
    """The date `count` units before today, as precise as the unit."""
    whole = int(count)
    if unit in ("S", "MIN", "H"):
        day = today - timedelta(days=whole // 24 if unit == "H" else 0)
        return day.isoformat(), "day"
    if unit == "D":
        return (today - timedelta(days=whole)).isoformat(), "day"
    if unit == "W":
        return _iso_week(today - timedelta(weeks=whole)), "week"
    if unit == "M":
        return "{:04d}-{:02d}".format(*_add_months(today.year, today.month, -whole)), "month"
    return f"{today.year - whole * _UNIT_YEARS.get(unit, 1):04d}", "year"


def _duration_value(unit: str, count: Decimal | None) -> str:
    """ISO 8601: P10Y, P1M, PT48H, P1.5Y; X for a vague count (PXW); decades and centuries in years."""
    number = "X" if count is None else format((count * _UNIT_YEARS.get(unit, 1)).normalize(), "f")
    iso = _ISO_UNIT[unit]
    return f"PT{number}{iso[1]}" if iso.startswith("T") else f"P{number}{iso}"


def _is_arabic_word(word: str) -> bool:
    return word[:1].isalpha() and not word[:1].isascii()


# -- the library function and the stage


def _expressions(text: str, normalized: Normalized, regions: Iterable[tuple[int, int]],
                 published: date | None) -> list[TimeExpression]:
    found = []
    heads = _lexicon().heads.keys()
    for region_start, region_end in regions:
        if not worth_reading(normalized.text, region_start, region_end, heads):
            continue
        tokens = tokenize(normalized.text, region_start, region_end)
        for hit in _Reader(tokens, published).read():
            start, end = original_span(text, normalized, hit.start, tokens.ends[hit.end - 1])
            found.append(TimeExpression(start, end, text[start:end], hit.type, hit.value, hit.precision))
    return found


def find_dates(text: str, published: date | None = None) -> list[TimeExpression]:
    """Dates, times and durations in `text`; relative ones resolve against `published`."""
    normalized = normalize(text)
    return _expressions(text, normalized, [(0, len(normalized.text))], published)


def run(doc: Document) -> Document:
    published = date.fromisoformat(doc.published) if doc.published else None
    for found in _expressions(doc.text, doc.normalized, document_regions(doc), published):
        doc.add_mention(found.start, found.end, found.type, value=found.value, precision=found.precision)
    return doc
