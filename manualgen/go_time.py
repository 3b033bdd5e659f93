"""Go's time layouts (``"2006-01-02"``, ``"Jan 2, 2006"``, ``"15:04 MST"``) for Hugo's
``time.Format`` and ``dateFormat`` in a site's own templates: a date written as text or read
from front matter, printed in the layout's words (English month and day names, as Go's)."""

from __future__ import annotations

import datetime as dt
import re

from .go_dates import YearZero, as_datetime

__all__ = ["go_format", "go_weekday", "go_year", "read_time"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Go's layout elements, longest first where one begins another
_ELEMENT = re.compile(r"January|Jan|Monday|Mon|MST|2006|Z07:00|Z0700|-07:00|-0700|-07|"
                      r"[.,](?:0+|9+)(?!\d)|002|__2|_2|15|06|01|02|03|04|05|PM|pm|1|2|3|4|5")


def read_time(value: object) -> dt.datetime | None:
    """A value as Hugo's time functions read it: a date, text in one of Hugo's date shapes,
    or an integer of Unix seconds (within the years Python holds); None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return as_datetime(value)


def go_year(when: dt.datetime) -> int:
    """The year as Go has it: 0 for a date of Go's year 0 (held in year 4)."""
    return 0 if isinstance(when, YearZero) else when.year


def go_weekday(when: dt.datetime) -> int:
    """Monday 0 … Sunday 6, as in Python; year 0 began 1,461 days (208 weeks and 5 days)
    before year 4, which holds it."""
    return (when.weekday() - 1461) % 7 if isinstance(when, YearZero) else when.weekday()


def go_format(layout: str, when: dt.datetime) -> str:
    """``when`` written in Go's ``layout``."""
    return _ELEMENT.sub(lambda m: _element(m.group(), when), layout)


def _element(element: str, when: dt.datetime) -> str:
    if element[0] in ".," and len(element) > 1:
        digits = f"{when.microsecond:06d}000"[:len(element) - 1]
        return element[0] + digits if element[1] == "0" else (
            element[0] + digits.rstrip("0") if digits.rstrip("0") else "")
    hour12 = when.hour % 12 or 12
    fixed = {
        "January": _MONTHS[when.month - 1], "Jan": _MONTHS[when.month - 1][:3],
        "Monday": _DAYS[go_weekday(when)], "Mon": _DAYS[go_weekday(when)][:3],
        "2006": f"{go_year(when):04d}", "06": f"{go_year(when) % 100:02d}", "01": f"{when.month:02d}",
        "1": str(when.month), "02": f"{when.day:02d}", "2": str(when.day), "_2": f"{when.day:>2}",
        "002": f"{when.timetuple().tm_yday:03d}", "__2": f"{when.timetuple().tm_yday:>3}",
        "15": f"{when.hour:02d}", "03": f"{hour12:02d}", "3": str(hour12),
        "04": f"{when.minute:02d}", "4": str(when.minute), "05": f"{when.second:02d}",
        "5": str(when.second), "PM": "PM" if when.hour >= 12 else "AM",
        "pm": "pm" if when.hour >= 12 else "am",
    }
    if element in fixed:
        return fixed[element]
    return _zone(element, when)


def _zone(element: str, when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    if element == "MST":
        name = when.tzname()
        # a zone without a name (a fixed offset) prints as -0700, as Go prints it
        return "UTC" if not offset and name in (None, "UTC", "UTC+00:00") else (
            name if name and not name.startswith("UTC") else _offset(offset, "-0700"))
    if element.startswith("Z") and not offset:
        return "Z"
    return _offset(offset, element.lstrip("Z").replace("0700", "-0700") if element.startswith("Z")
                   else element)


def _offset(offset: dt.timedelta, shape: str) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    if shape == "-07":
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{rest:02d}" if ":" in shape else f"{sign}{hours:02d}{rest:02d}"
