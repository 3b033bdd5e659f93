"""Numbered lists whose numbers run past two digits get room for them.

manual.css gives a list 5.5 mm for its markers: "99." fits, "100." reaches 1 mm into the
margin (the binding side on a right-hand page), "1000." 3 mm. A list's widest number is
known before layout (its ``start``, its items, ``reversed``), so the list is told how many
digits it needs (``--digits``, class ``wide-numbers``), and the stylesheet widens it by a
digit's width for each one past two.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .html import add_class

_ROOMY = 2  # digits manual.css's list indent holds


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
    items = [li for li in ol if li.tag == "li"]
    step = -1 if ol.get("reversed") is not None else 1
    number = _integer(ol.get("start"), len(items) if step < 0 else 1)
    widest = 1
    for li in items:  # <li value="250"> sets its own number, and the next count on from it
        number = _integer(li.get("value"), number)
        widest = max(widest, abs(number) * (10 if number < 0 else 1))
        number += step
    return widest


def _integer(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default
