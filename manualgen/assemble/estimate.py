"""How tall a block prints, estimated before layout (mm).

A step is kept on one page (break-inside: avoid).  One that cannot fit on any page would be
pushed to a fresh page anyway and then cut, stranding its heading on the page before; and
its text would run on for pages in a 40 % column.  So a step whose text cannot fit is cut
between blocks: the head stays beside its picture, the rest follows at full width.  The
estimate is rough and errs short: only steps clearly taller than a page are cut.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from ..geometry import MM_PER_UNIT
from .html import classes, text_of, whole_number
from .lists import item_numbers
from .tables import rows, table_columns

_PT_MM = MM_PER_UNIT["pt"]
_PX_MM = MM_PER_UNIT["px"]  # CSS sizes an image by its pixels at 96 px/in
_PORTRAIT = 0.75  # width / height at most: a phone screen, printed side by side with others
_STACK_SHARE = 1.6  # manual.css: n stacked pictures share 1.6 × --step-media-max-height
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"address", "article", "aside", "blockquote", "details", "dd", "div",
                       "dl", "dt", "figcaption", "figure", "footer", "header", "hr", "li", "main",
                       "nav", "ol", "p", "pre", "section", "summary", "table", "ul"}



def aspect(img: ET.Element) -> float:
    try:
        return float(img.get("data-aspect") or 0)
    except ValueError:
        return 0.0


def _lines(text: str, width_mm: float, pt: float, em: float = 0.46) -> int:
    """Lines a text needs; 0.46 em a character (Source Sans 3 runs 0.48–0.5: errs short)."""
    words = " ".join(text.split())
    per_line = max(8, int(width_mm / (pt * _PT_MM * em)))
    return math.ceil(len(words) / per_line) if words else 0


def image_height_mm(img: ET.Element, width: float, cap: float) -> float:
    fraction = 1.0
    for name in classes(img):
        m = re.fullmatch(r"max-w-([0-9]+)", name)
        if m:
            fraction = (whole_number(m.group(1)) or 0) / 100
    try:
        px_w, px_h = int(img.get("width") or 0), int(img.get("height") or 0)
    except ValueError:
        px_w = px_h = 0
    ratio = aspect(img) or (px_w / px_h if px_w and px_h else 4 / 3)
    shown = min(width * fraction, px_w * _PX_MM) if px_w else width * fraction
    return min(shown / ratio, cap)


def media_height_mm(media: ET.Element, width: float, cap: float) -> float:
    pictures = [e for e in media.iter() if e.tag == "img" or "missing-image" in classes(e)]
    if "stack-row" in classes(media):
        share = (width - 2.5 * (len(pictures) - 1)) / len(pictures)
        return max(image_height_mm(p, share, cap) for p in pictures)
    if len(pictures) > 1:
        cap = min(cap, cap * _STACK_SHARE / len(pictures))
    heights = [image_height_mm(p, width, cap) if p.tag == "img" else 8.0 for p in pictures]
    return sum(heights) + 2.5 * max(0, len(pictures) - 1)


def height_mm(el: ET.Element, width: float, pt: float, cap: float = 200.0,
              column_cap: float | None = None) -> float:
    """Roughly how tall ``el`` prints ``width`` mm wide in ``pt`` type, with manual.css's
    spacing, each picture at most ``cap`` mm tall, or ``column_cap`` in columns side by
    side (manual.css holds those to a step picture's height). Good to a few lines: enough
    to tell a step that fits on a page from one that cannot."""
    tag = el.tag if isinstance(el.tag, str) else ""
    line = pt * 1.4 * _PT_MM
    if tag == "img":
        return image_height_mm(el, width, cap)
    if tag in ("ul", "ol"):
        return sum(height_mm(li, width - 5.5, pt, cap, column_cap) + 0.8
                   for li in el if li.tag == "li") + 2.2
    if tag == "pre":
        per_line = max(10, int((width - 7) / (8.2 * _PT_MM * 0.6)))
        lines = text_of(el).strip("\n").split("\n")
        return sum(max(1, math.ceil(len(r) / per_line)) for r in lines) * 8.2 * 1.35 * _PT_MM + 7
    if tag == "table":
        cell_width = width / max(1, table_columns(el)) - 4
        return sum(max([_lines(text_of(c), cell_width, 9) for c in r if c.tag in ("td", "th")]
                       + [1]) * 9 * 1.3 * _PT_MM + 2.5 for r in rows(el)) + 6
    cols = [c for c in el if "column" in classes(c)] if "columns" in classes(el) else []
    if cols:  # side by side: as tall as the tallest column
        return max(height_mm(c, width / len(cols) - 5, pt, column_cap or cap) for c in cols) + 3.0
    if tag in ("hr", "br"):
        return 8.0 if tag == "hr" else line
    margin = (7.0 if tag in _HEADINGS else 2.2 if tag in ("p", "dl", "blockquote", "figure")
              else 12.0 if "alert" in classes(el) else 0.0)
    if not any(c.tag in _BLOCKS for c in el):
        size = 12.0 if tag in _HEADINGS else pt
        pictures = sum(image_height_mm(i, width, cap) for i in el.iter("img"))
        return _lines(text_of(el), width, size) * size * 1.4 * _PT_MM + pictures + margin
    total, run = margin, [el.text or ""]
    for child in el:
        if child.tag in _BLOCKS:
            total += (_lines("".join(run), width, pt) * line
                      + height_mm(child, width, pt, cap, column_cap))
            run = []
        else:  # words, and the pictures among them (an item's screenshot before its sub-list)
            run.append(text_of(child))
            total += sum(image_height_mm(i, width, cap) for i in child.iter("img"))
        run.append(child.tail or "")
    return total + _lines("".join(run), width, pt) * line


def split_blocks(blocks: list[ET.Element], beside: float, limit: float, width: float,
                  pt: float) -> tuple[list[ET.Element], list[ET.Element]]:
    """Cut a step's text into a head that fits ``beside`` mm (the picture's height) and the
    rest; the head holds at least one block, and never more than ``limit`` mm.

    Cuts fall between blocks, or between the items of a list (its numbering goes on); a
    heading never ends the head. The shorter the head, the less room the step needs on
    its page: a step pushed to the next page leaves that much paper blank."""
    head: list[ET.Element] = []
    used = 0.0
    want = beside + 10.0  # two lines below the picture are fine
    for i, block in enumerate(blocks):
        height = height_mm(block, width, pt)
        if used + height <= (want if head else limit):
            head.append(block)
            used += height
            continue
        if block.tag in ("ol", "ul"):
            first, second = _split_list(block, want - used, limit - used, width, pt)
            if first is not None and second is not None:
                head.append(first)
                return _no_trailing_heading(head, [second, *blocks[i + 1:]])
        return _no_trailing_heading(head, blocks[i:])
    return head, []


def _no_trailing_heading(head: list[ET.Element], rest: list[ET.Element]):
    while head and head[-1].tag in _HEADINGS:
        rest.insert(0, head.pop())
    return head, rest


def _split_list(block: ET.Element, want: float, room: float, width: float,
                pt: float) -> tuple[ET.Element | None, ET.Element | None]:
    """The list's first items, about ``want`` mm (at most ``room``), and a list of the rest."""
    items = [li for li in block if li.tag == "li"]
    used, count = 2.2, 0
    for li in items:
        used += height_mm(li, width - 5.5, pt) + 0.8
        if used > (want if count else room):
            break
        count += 1
    if count == 0 or count == len(items):
        return None, None
    # the list's attributes but its id, which stays with the list's start (one anchor)
    rest = ET.Element(block.tag, {k: v for k, v in block.attrib.items() if k != "id"})
    rest.text = block.text
    numbers = item_numbers(block) if block.tag == "ol" else []
    for li in items[count:]:
        block.remove(li)
        rest.append(li)
    if numbers:  # each part numbered on from where it begins (a reversed one counts its own items)
        block.set("start", str(numbers[0]))
        rest.set("start", str(numbers[count]))
    return block, rest
