"""Numbered lists whose numbers run past two digits get room for them.

manual.css gives a list 5.5 mm for its markers: "99." fits, "100." reaches 1 mm into the
margin (the binding side on a right-hand page), "1000." 3 mm. A list's widest number is
known before layout (its ``start``, its items, ``reversed``), so the list is told how many
digits it needs (``--digits``, class ``wide-numbers``), and the stylesheet widens it by a
digit's width for each one past two.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .html import add_class

_ROOMY = 2  # digits manual.css's list indent holds
# HTML's rules for parsing integers: spaces, a sign, digits; what follows them is ignored
_HTML_INTEGER = re.compile(r"[\t\n\f\r ]*([+-]?)([0-9]+)")
_LONG = 2**31  # a browser reads ``start`` and ``value`` as a 32-bit long, or not at all


def html_integer(text: str | None) -> int | None:
    """An attribute's number as a browser reads it (``" 7"`` 7, ``"+4"`` 4, ``"2.5"`` 2), or
    None where it reads none (``"x"``, ``"²"``, ``"--5"``, a number past a 32-bit long)."""
    found = _HTML_INTEGER.match(text or "")
    if not found or len(found.group(2).lstrip("0")) > 10:
        return None
    number = int(found.group(2)) * (-1 if found.group(1) == "-" else 1)
    return number if -_LONG <= number < _LONG else None


def numbers_as_read(root: ET.Element) -> None:
    """Each list's ``start`` and each item's ``value`` written as the number a browser reads
    in it, or left out where it reads none: the passes that split a list number its parts
    from these, and WeasyPrint 70 stops with a Python error on a number of 4300 digits."""
    for el in root.iter():
        name = {"ol": "start", "li": "value"}.get(el.tag)
        if name is None or el.get(name) is None:
            continue
        number = html_integer(el.get(name))
        if number is None:
            del el.attrib[name]
        else:
            el.set(name, str(number))


def widen_numbered_lists(root: ET.Element) -> None:
    for ol in root.iter("ol"):
        if (ol.get("type") or "1") != "1":
            continue
        digits = len(str(_widest_number(ol)))
        if digits > _ROOMY:
            add_class(ol, "wide-numbers")
            style = (ol.get("style") or "").strip().rstrip(";")
            ol.set("style", f"{style}; --digits: {digits}" if style else f"--digits: {digits}")


def _widest_number(ol: ET.Element) -> int:
    """The number of the list's marker that prints widest, as a positive number with as
    many digits (a minus sign counts as one)."""
    return max([abs(n) * (10 if n < 0 else 1) for n in item_numbers(ol)] + [1])


def item_numbers(ol: ET.Element) -> list[int]:
    """The number a browser shows at each item of a numbered list: from its ``start`` (the
    item count when ``reversed``), on by one, down when reversed; ``<li value="250">`` sets
    its own number, and the next count on from it."""
    items = [li for li in ol if li.tag == "li"]
    step = -1 if ol.get("reversed") is not None else 1
    number = _or(html_integer(ol.get("start")), len(items) if step < 0 else 1)
    numbers = []
    for li in items:
        number = _or(html_integer(li.get("value")), number)
        numbers.append(number)
        number += step
    return numbers


def _or(number: int | None, default: int) -> int:
    return default if number is None else number
