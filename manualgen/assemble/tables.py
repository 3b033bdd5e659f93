"""Tables: a first row of header cells becomes the head (repeated on each page), and column
widths are estimated here so WeasyPrint can use the fixed table layout."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..geometry import MM_PER_UNIT
from .html import add_class, whole_number
from .names import _WORD, is_name

# HTML's limits: a browser reads a larger colspan or rowspan as these.  WeasyPrint takes
# the number as written, and lays out every column: colspan="100000" took two minutes.
_SPAN_LIMITS = {"colspan": 1000, "rowspan": 65534}


def tables(root: ET.Element, job=None) -> None:
    text_mm = job.ctx.geometry.text_width_mm if job is not None else 170.0
    for table in list(root.iter("table")):
        add_class(table, "content-table")
        _bound_spans(table)
        _fit_fixed_widths(table, text_mm)
        _promote_header_row(table)
        dense = table_columns(table) * _DENSE_COLUMN_MM > text_mm
        widths = _column_widths(table, _line_chars(text_mm, dense))
        if widths:
            colgroup = ET.Element("colgroup")
            for width in widths:
                ET.SubElement(colgroup, "col", {"style": f"width: {width:.2f}%"})
            at = 1 if len(table) and table[0].tag == "caption" else 0
            table.insert(at, colgroup)
            add_class(table, "sized")
        if dense:
            add_class(table, "dense")


def _line_chars(text_mm: float, dense: bool) -> float:
    """How many characters of table text one line of the paper holds."""
    return text_mm / _MM_PER_CHAR * (_TABLE_PT / _DENSE_PT if dense else 1.0)


# Columns narrower than this (the text width shared out) print in smaller type with less
# padding (manual.css, table.dense): at 9 pt with 4 mm of padding, twelve columns on A5
# left each about 6 mm, and "Spalte" broke into "Spa" and "lte".
_DENSE_COLUMN_MM = 20.0
_TABLE_PT, _DENSE_PT = 9.0, 7.5  # manual.css: table, table.dense


# A width in a unit of length, in mm: the web page's layout, sized for a screen.
_LENGTH = re.compile(r"^\s*(\d{1,7}(?:\.\d{1,7})?)\s*(px|pt|mm|cm|in|em|rem)?\s*$", re.IGNORECASE)
_MM = {**MM_PER_UNIT, None: MM_PER_UNIT["px"],  # a bare number is pixels
       "em": 10 * MM_PER_UNIT["pt"], "rem": 10 * MM_PER_UNIT["pt"]}  # the 10 pt body text
_STYLE_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([^;]+)", re.IGNORECASE)


def _length_mm(el: ET.Element) -> float | None:
    """``el``'s own width (style, else attribute) in mm when given as a length."""
    style = _STYLE_WIDTH.search(el.get("style") or "")
    m = _LENGTH.match(style.group(1) if style else el.get("width") or "")
    return float(m.group(1)) * _MM[m.group(2) and m.group(2).lower()] if m else None


def _set_width(el: ET.Element, value: str) -> None:
    style = el.get("style") or ""
    m = _STYLE_WIDTH.search(style)
    if m:
        el.set("style", style[:m.start(1)] + value + style[m.end(1):])
    if el.get("width") is not None:
        el.set("width", value)


def _fit_fixed_widths(table: ET.Element, text_mm: float) -> None:
    """A table, or a row of cells or its columns (``<col width="700">``), given a width in
    pixels (or another length) wider than the printed text (``<table style="width:
    1400px">``) ran off the paper: WeasyPrint keeps such widths. The table then takes the
    text's width and each such cell or column its share of the row in per cent; widths that
    fit are kept."""
    table_mm = _length_mm(table) or 0.0
    if table_mm > text_mm:
        _set_width(table, "100%")
    columns = [col for child in table for col in ([child] if child.tag == "col" else
                                                  child.iter("col") if child.tag == "colgroup" else [])]
    for line in [columns] + [[c for c in row if c.tag in ("td", "th")] for row in rows(table)]:
        _fit_line(line, table_mm, text_mm)


def _fit_line(cells: list[ET.Element], table_mm: float, text_mm: float) -> None:
    """The cells of a row (or the columns of a table) in per cent of the table when their
    widths in lengths add up to more than the text's width."""
    widths = [(cell, _length_mm(cell)) for cell in cells]
    sized = [mm for _cell, mm in widths if mm]
    total = sum(sized)
    if total <= text_mm:
        return
    # Each cell's share of the table as the page laid it out; without the table's width,
    # a cell given none is counted as wide as the average cell given one.
    whole = table_mm if table_mm >= total else total * len(widths) / len(sized)
    for cell, mm in widths:
        if mm:
            _set_width(cell, f"{mm * 100 / whole:.2f}%")


def _bound_spans(table: ET.Element) -> None:
    """Spans cut to HTML's limits, as a browser reads them."""
    for cell in table.iter():
        for name, limit in _SPAN_LIMITS.items():
            value = whole_number((cell.get(name) or "").strip())
            if value is not None and value > limit:
                cell.set(name, str(limit))


def rows(table: ET.Element) -> list[ET.Element]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _promote_header_row(table: ET.Element) -> None:
    """A first row made only of ``th`` cells becomes the ``thead``, so it repeats on each page."""
    if table.find("thead") is not None:
        return
    first = next((c for c in table if c.tag in ("tr", "tbody")), None)
    if first is None:
        return
    body = first if first.tag == "tbody" else table
    row = first if first.tag == "tr" else first.find("tr")
    cells = [c for c in row if c.tag in ("td", "th")] if row is not None else []
    if row is None or not cells or any(c.tag != "th" for c in cells):
        return
    if len(rows(table)) < 2:
        return
    body.remove(row)
    thead = ET.Element("thead")
    thead.append(row)
    at = next((i for i, c in enumerate(table) if c.tag not in ("caption", "colgroup", "col")),
              len(table))
    table.insert(at, thead)


# Column widths, measured in characters of table text. WeasyPrint's automatic table layout
# measures every cell's content several times and takes most of a render on table-heavy
# manuals; the same widths estimated here let it use the fixed layout instead.
_TEXT_WIDTH_CHARS = 100  # about one A4 text line of 9 pt table text
_MM_PER_CHAR = 1.7  # 170 mm / 100: a character of 9 pt table text
_CELL_PADDING_CHARS = 3
_MIN_COLUMN_CHARS = 6  # the 3em min-width of a cell
_BREAKABLE_WORD_CHARS = 18  # td text may break anywhere; longer words do not widen a column
_NAME_WORD_CHARS = 32  # … except names, which are not hyphenated (keep_names_whole)
_CHARS_PER_PX = 1 / 6


def _cell_extent(cell: ET.Element) -> tuple[float, float]:
    """(narrowest, widest) width a cell wants, in characters."""
    text = " ".join("".join(cell.itertext()).split())
    words = text.split(" ") if text else []
    if cell.tag == "td":  # a name (KT_Admin_Abschlussuser) is not hyphenated: it needs room
        longest = max((min(len(w), _NAME_WORD_CHARS if any(is_name(part) for part in
                                                          _WORD.findall(w))
                           else _BREAKABLE_WORD_CHARS) for w in words), default=0)
    else:
        longest = max((len(w) for w in words), default=0)
    narrow, wide = float(longest), float(len(text))
    for img in cell.iter("img"):
        try:
            px = float(img.get("width") or 0)
        except ValueError:
            px = 0
        wide = max(wide, px * _CHARS_PER_PX if px else 40)
        narrow = max(narrow, 12)
    return (max(narrow, _MIN_COLUMN_CHARS) + _CELL_PADDING_CHARS,
            max(wide, narrow, _MIN_COLUMN_CHARS) + _CELL_PADDING_CHARS)


def _column_widths(table: ET.Element,
                   line_chars: float = _TEXT_WIDTH_CHARS) -> list[float] | None:
    """Column widths in per cent that approximate CSS's automatic table layout on a line of
    ``line_chars`` characters, or None where the table sets its own widths or has no
    regular grid to measure."""
    if table.find("colgroup") is not None or table.find("col") is not None:
        return None
    table_rows = rows(table)
    narrow: list[float] = []
    wide: list[float] = []
    percent: list[float | None] = []  # widths the page gives in per cent
    for row in table_rows:
        column = 0
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            given = _given_width(cell)
            if given == "other":
                return None
            try:
                span = max(1, int(cell.get("colspan") or 1))
            except ValueError:
                span = 1
            while len(narrow) < column + span:
                narrow.append(_MIN_COLUMN_CHARS + _CELL_PADDING_CHARS)
                wide.append(_MIN_COLUMN_CHARS + _CELL_PADDING_CHARS)
            if given is not None and span == 1:
                while len(percent) <= column:
                    percent.append(None)
                percent[column] = max(percent[column] or 0.0, given)
            if span == 1:
                lo, hi = _cell_extent(cell)
                narrow[column] = max(narrow[column], lo)
                wide[column] = max(wide[column], hi)
            column += span
    if not narrow or any(c.get("rowspan") not in (None, "1") for c in table.iter("td")):
        return None
    percent += [None] * (len(narrow) - len(percent))
    given = sum(p for p in percent if p is not None)
    free = [i for i, p in enumerate(percent) if p is None]
    if given > 100 or (given == 100 and free):
        return None
    if not free:
        out = [p * 100 / given for p in percent]
    else:
        widths = _share([narrow[i] for i in free], [wide[i] for i in free],
                        line_chars * (100 - given) / 100)
        total = sum(widths)
        out = list(percent)
        for i, w in zip(free, widths, strict=True):
            out[i] = (100 - given) * w / total
    return _at_least_narrowest(out, [n * 100 / line_chars for n in narrow])


def _at_least_narrowest(widths: list[float], least: list[float]) -> list[float]:
    """A browser widens a column whose given width is narrower than its longest word (the
    width is a minimum in the automatic layout): the same here, taking the room from the
    columns that have more than they need, so that "KT_Admin_Abschlussuser" in a column set
    to 22 % is not cut in two."""
    if sum(least) > 100:
        return widths
    short = sum(max(0.0, lo - w) for w, lo in zip(widths, least, strict=True))
    if short <= 0:
        return widths
    spare = [max(0.0, w - lo) for w, lo in zip(widths, least, strict=True)]
    room = sum(spare)
    return [max(w, lo) if w <= lo else w - short * extra / room
            for w, lo, extra in zip(widths, least, spare, strict=True)]


def _share(narrow: list[float], wide: list[float], room: float) -> list[float]:
    """CSS 2.1's automatic layout in short: every column gets at least its narrowest width,
    and the room left goes to the columns in proportion to how much wider they want to be."""
    if sum(wide) <= room:
        return wide
    if sum(narrow) >= room:
        return _capped(narrow, room)
    spare = room - sum(narrow)
    stretch = sum(h - lo for lo, h in zip(narrow, wide, strict=True)) or 1.0
    return [lo + spare * (h - lo) / stretch for lo, h in zip(narrow, wide, strict=True)]


def _capped(narrow: list[float], room: float) -> list[float]:
    """Too many columns for the line: every column gets its narrowest width up to one cap,
    the same for all, chosen so they fill the room. A column of short codes keeps its
    width; the columns of long words, which may break anywhere, give up what they must.
    (Shrinking every column in proportion squeezed a column of six-character codes beside
    eleven columns of URLs to one letter a line.)"""
    rest, count = room, len(narrow)
    for width in sorted(narrow):
        if width * count > rest:
            cap = rest / count
            return [min(w, cap) for w in narrow]
        rest -= width
        count -= 1
    return narrow


_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def _given_width(cell: ET.Element) -> float | str | None:
    """A cell's own width in per cent, None when it has none, "other" for any other unit."""
    style = _STYLE_WIDTH.search(cell.get("style") or "")
    value = style.group(1) if style else cell.get("width")
    if value is None:
        return None
    m = _PERCENT.match(value)
    return float(m.group(1)) if m else "other"



def table_columns(table: ET.Element) -> int:
    return max((sum(1 for c in row if c.tag in ("td", "th")) for row in rows(table)), default=0)
