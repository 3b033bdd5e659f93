"""The date texts Hugo reads beside the ISO ones: the e-mail, Unix and Ruby shapes of Go's
time package, and ``02 Jan 2006``, which Hugo's date conversion tries one after another
(spf13/cast's list of layouts).  A site written for Hugo may date its pages so
(``date: Fri, 05 Jan 2024 10:00:00 +0000``, ``date: 05 Jan 2024``); Hugo builds it, so
manualgen must read it too.

Read as Go reads them: month and weekday names in English, in any letter case (the weekday
is not checked against the date); a two-digit year from 69 on is 19xx, below it 20xx; a
named zone other than UTC/GMT counts as UTC (Go knows only the machine's own zone's
abbreviations, which a build on another machine must not depend on), GMT+3 as three hours
east; a time without a
date (``3:04PM``, ``Jan _2 15:04:05``) falls in Go's year 0, which Python cannot hold: it is
held in year 4 as a YearZero, whose ``timestamp()`` is Go's, so that such a page is ordered
after the pages without a date, as Hugo orders it.  A time alone (``10:30:00``) is no date
Hugo reads: it stops with "not a parsable date".

:func:`as_datetime` reads any front matter date value: the ISO shapes, a whole number of
seconds since 1970, TOML's dates, then the shapes above."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_DAYS = r"(?:mon|tue|wed|thu|fri|sat|sun)"
_LONG_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + ")"
# Go takes a fraction after the seconds even where the layout has none; RFC 822 has no seconds.
# Go's hour "15" takes one digit or two; minutes and seconds take two.
_TIME = r"(?P<hour>\d?\d):(?P<minute>\d\d):(?P<second>\d\d)(?P<fraction>\.\d+)?"
_MINUTES = r"(?P<hour>\d?\d):(?P<minute>\d\d)"
_NUMERIC = r"(?P<offset>[+-]\d{4})"
# A zone's name as Go takes it, in capitals: three letters, four ending in T, or GMT±h.
_NAMED = r"(?-i:(?P<zone>[A-Z]{3}|[A-Z]{3}T|GMT[+-]\d\d?))"

# Each Go layout of the list, as a pattern over the whole text (case-insensitive).
# ASCII only: Go's digits are 0-9, and its names match without regard to case in ASCII only
# (IGNORECASE alone would take "ſ" for "s" and Arabic-Indic digits for digits).
_LAYOUTS = [re.compile(pattern, re.IGNORECASE | re.ASCII) for pattern in (
    # RFC 1123 with a numeric or a named zone: Mon, 02 Jan 2006 15:04:05 -0700 / MST
    rf"{_DAYS}, (?P<day>\d\d) {_MONTH} (?P<year>\d{{4}}) {_TIME} (?:{_NUMERIC}|{_NAMED})",
    # RFC 822: 02 Jan 06 15:04 -0700 / MST
    rf"(?P<day>\d\d) {_MONTH} (?P<year2>\d\d) {_MINUTES} (?:{_NUMERIC}|{_NAMED})",
    # RFC 850: Monday, 02-Jan-06 15:04:05 MST
    rf"{_LONG_DAYS}, (?P<day>\d\d)-{_MONTH}-(?P<year2>\d\d) {_TIME} {_NAMED}",
    # Go's own Time.String(): 2006-01-02 15:04:05.999999999 -0700 MST
    rf"(?P<year>\d{{4}})-(?P<monthnum>\d\d)-(?P<day>\d\d) {_TIME} {_NUMERIC} {_NAMED}",
    # ANSI C and Unix date: Mon Jan _2 15:04:05 [MST] 2006
    rf"{_DAYS} {_MONTH} (?P<day>[ \d]?\d) {_TIME}(?: {_NAMED})? (?P<year>\d{{4}})",
    # Ruby: Mon Jan 02 15:04:05 -0700 2006
    rf"{_DAYS} {_MONTH} (?P<day>\d\d) {_TIME} {_NUMERIC} (?P<year>\d{{4}})",
    # 02 Jan 2006
    rf"(?P<day>\d\d) {_MONTH} (?P<year>\d{{4}})",
    # Kitchen: 3:04PM
    r"(?P<hour12>\d?\d):(?P<minute>\d\d)(?-i:(?P<half>[AP]M))",
    # Stamp: Jan _2 15:04:05, with or without a fraction
    rf"{_MONTH} (?P<day>[ \d]?\d) {_TIME}",
)]


class YearZero(dt.datetime):
    """A date of Go's year 0, held in year 4, the first leap year Python holds (29 February
    is a day of year 0 too): its Unix time is Go's, the 1,461 days of years 0 to 3 earlier."""

    def timestamp(self) -> float:
        return super().timestamp() - 1461 * 86400


def go_date(text: str) -> dt.datetime | None:
    """``text`` read with the first of Go's layouts that takes it, or None (Go takes no
    white space around it either)."""
    for layout in _LAYOUTS:
        match = layout.fullmatch(text)
        if match is not None:
            return _built(match.groupdict())
    return None


def _built(parts: dict) -> dt.datetime | None:
    year = _year(parts)
    month = (_MONTHS.get(parts["month"].lower(), 0) if parts.get("month")
             else int(parts.get("monthnum") or 1))
    hour = int(parts.get("hour") or 0)
    if parts.get("hour12"):
        hour = int(parts["hour12"])
        if hour > 12:
            return None
        hour = hour % 12 + (12 if parts["half"].upper() == "PM" else 0)
    fraction = parts.get("fraction") or ""
    micro = int((fraction[1:] + "000000")[:6]) if fraction else 0
    kind = YearZero if year == 0 else dt.datetime
    try:
        return kind(year or 4, month, int((parts.get("day") or "1").strip()), hour,
                    int(parts.get("minute") or 0), int(parts.get("second") or 0),
                    micro, tzinfo=_zone(parts.get("offset"), parts.get("zone")))
    except ValueError:  # 30 February, 25 o'clock
        return None


def _year(parts: dict) -> int:
    if parts.get("year"):
        return int(parts["year"])
    if parts.get("year2"):
        short = int(parts["year2"])
        return 1900 + short if short >= 69 else 2000 + short
    return 0  # a time without a date: Go's year 0


def _zone(offset: str | None, name: str | None = None) -> dt.timezone:
    if name and name.startswith("GMT") and len(name) > 3:  # GMT+3: three hours east
        return dt.timezone(dt.timedelta(hours=int(name[3:])))
    if not offset:
        return dt.UTC
    minutes = int(offset[1:3]) * 60 + int(offset[3:5])
    return dt.timezone(dt.timedelta(minutes=-minutes if offset[0] == "-" else minutes))


_HUGO_DATE = re.compile(r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d:\d\d(?:\.\d+)?) ?(Z|[+-]\d\d:?\d\d)?)?")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def unix_time(seconds: int) -> dt.datetime | None:
    """A whole number as Hugo reads it for a date: seconds since 1970 (``date: 2024`` is
    1970-01-01 00:33:44 UTC); None beyond the years Python can hold (1 to 9999)."""
    try:
        return _EPOCH + dt.timedelta(seconds=seconds)
    except OverflowError:
        return None


def as_datetime(value) -> dt.datetime | None:
    """A front matter date as Hugo reads it, or None for a value Hugo cannot read as one."""
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int):
        return unix_time(value)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if not isinstance(value, str):
        return None
    match = _HUGO_DATE.fullmatch(value.strip())
    if match is None:
        return go_date(value)  # Go's other layouts (RFC 1123, "02 Jan 2006", …)
    day, time, zone = match.groups()
    year_zero = day.startswith("0000-")  # Go's year 0, which Hugo reads: held in year 4
    try:
        parsed = dt.datetime.fromisoformat(
            f"{'0004' + day[4:] if year_zero else day}T{time or '00:00:00'}{zone or ''}")
    except ValueError:  # 2024-02-30, 25:00:00
        return None
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if year_zero:
        return YearZero(*parsed.timetuple()[:6], parsed.microsecond, tzinfo=parsed.tzinfo)
    return parsed
