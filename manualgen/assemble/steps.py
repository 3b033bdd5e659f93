"""Steps: a block of two columns, text beside a screenshot, becomes ``div.step >
div.step-text + div.step-media`` that the print CSS keeps on one page; a step estimated
taller than a page is cut between blocks (``div.step-more`` takes the rest).  Other column
blocks print side by side; an image alone in its paragraph becomes a figure, an icon stays
in its line; placeholder alt texts are replaced by the words that introduce the picture.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from ..geometry import PrintGeometry
from .context import PageJob
from .estimate import (
    _PORTRAIT,
    aspect,
    height_mm,
    image_height_mm,
    media_height_mm,
    split_blocks,
)
from .html import (
    DECORATIVE_ROLES,
    add_class,
    ancestors,
    classes,
    is_decorative,
    is_image_only,
    own_name,
    parent_map,
    text_of,
    whole_number,
)
from .lists import item_numbers
from .tables import table_columns

PLACEHOLDER_ALTS = {"", "no description available", "image", "screenshot", "img", "bild", "capture"}
_FLEX = re.compile(r"display\s*:\s*(inline-)?flex", re.IGNORECASE)
_FLEX_COLUMN = re.compile(r"flex-(?:direction|flow)\s*:\s*column", re.IGNORECASE)
_GRID = re.compile(r"display\s*:\s*(inline-)?grid", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")
# An image this high (and at most four times as wide) inside a sentence is an icon or a
# button, printed in the line.
_ICON_PX = 64


def columns_of(el: ET.Element) -> list[ET.Element] | None:
    cls = classes(el)
    kids = [c for c in el if c.tag in ("div", "section")]
    if "two_column" in cls:
        cols = [c for c in kids if {"left_col", "right_col"} & set(classes(c))]
        return cols or kids
    if "row-layout" in cls or ("row" in cls and any(
            c.startswith("col") for k in kids for c in classes(k))):
        return [k for k in kids if "column-layout" in classes(k)
                or any(c == "col" or c.startswith("col-") for c in classes(k))] or kids
    style = el.get("style") or ""
    if el.tag == "div" and len(kids) >= 2:
        if _FLEX.search(style) and not _FLEX_COLUMN.search(style):
            return kids  # a flex column stacks its children: text over picture, as written
        if _GRID.search(style) and len(_grid_tracks(style)) >= 2:
            return kids
        return _framework_columns(el, cls, kids)
    return None


# CSS frameworks' column blocks, named by class (the site's stylesheet is not read):
# Bulma's columns > column, Foundation's grid-x > cell, Pure's pure-g > pure-u-*, and a
# Tailwind or Bootstrap box laid out in a row (grid grid-cols-2, flex, md:flex, d-flex,
# d-md-flex) unless it is a column (flex-col, flex-column) at every width.  Classes say
# less than a style does (a flex box may be a card row, an alert with its icon), so only
# the step is taken from them: text beside one screenshot, nothing else in the box.
_TAILWIND_WIDTHS = r"(?:(?:sm|md|lg|xl|2xl|3xl):)+"  # Tailwind's "md:", "lg:md:"
_BOOTSTRAP_WIDTHS = r"(?:sm|md|lg|xl|xxl)"
_BREAKPOINTS = re.compile("^" + _TAILWIND_WIDTHS)
_BOOTSTRAP_FLEX = re.compile(rf"d(?:-{_BOOTSTRAP_WIDTHS})?-(?:inline-)?flex")
_ROW_AT_A_WIDTH = re.compile(rf"{_TAILWIND_WIDTHS}flex-row|flex-{_BOOTSTRAP_WIDTHS}-row")
_FRAMEWORK_CHILDREN = (("columns", lambda c: c == "column"), ("grid-x", lambda c: c == "cell"),
                       ("pure-g", lambda c: c.startswith("pure-u")))


def _framework_columns(el: ET.Element, cls: list[str],
                       kids: list[ET.Element]) -> list[ET.Element] | None:
    columns = _framework_row(cls, kids)
    if columns is None or len(columns) != 2 or len(el) != 2 or (el.text or "").strip():
        return None
    media = [c for c in columns if is_image_only(c)]
    if len(media) != 1 or not _screenshot_sized(media[0]):
        return None
    return columns


def _framework_row(cls: list[str], kids: list[ET.Element]) -> list[ET.Element] | None:
    """The children laid out side by side by the box's classes; None when they stack."""
    for parent_class, is_child in _FRAMEWORK_CHILDREN:
        if parent_class in cls:
            return [k for k in kids if any(is_child(c) for c in classes(k))]
    base = [_BREAKPOINTS.sub("", c) for c in cls]
    tracks = [whole_number(m.group(1)) or 0 for b in base
              if (m := re.fullmatch(r"grid-cols-([0-9]+)", b))]
    if "grid" in base and tracks and max(tracks) >= 2:
        return kids
    flex = any(b in ("flex", "inline-flex") for b in base) or any(
        _BOOTSTRAP_FLEX.fullmatch(c) for c in cls)
    column = any(c in ("flex-col", "flex-column") for c in cls) and not any(
        _ROW_AT_A_WIDTH.fullmatch(c) for c in cls)
    return kids if flex and not column else None


def _screenshot_sized(column: ET.Element) -> bool:
    """Whether the column's pictures are screenshots, not an icon beside the words (one
    whose file is at most _ICON_PX high and wide; a picture of unknown size counts)."""
    for img in column.iter("img"):
        width, height = whole_number(img.get("width") or ""), whole_number(img.get("height") or "")
        if width is None or height is None or max(width, height) > _ICON_PX:
            return True
    return any("missing-image" in classes(e) for e in column.iter())


def steps(root: ET.Element, job: PageJob) -> None:
    """Two-column blocks become steps (text beside its screenshot); other column blocks
    become columns; flex and grid boxes left become plain blocks."""
    geo = job.ctx.geometry
    # Innermost first, so a flex block inside a column is handled before its parent.
    candidates = [el for el in root.iter() if el.tag == "div" and columns_of(el)]
    parents = parent_map(root)  # a block's parent stays its parent while inner ones change
    for el in reversed(candidates):
        columns = columns_of(el)
        if not columns:
            continue
        _make_step(el, columns, parents.get(el), geo)
    # Grid wrappers (layouts/grid) only hold rows: they need no box of their own.
    for el in root.iter("div"):
        if "grid-layout" in classes(el):
            el.set("class", "grid-layout")
    # Flex or grid boxes left (a flex column, one child): plain blocks. WeasyPrint's flex
    # layout loses content across page breaks.
    for el in root.iter():
        style = el.get("style") or ""
        if _FLEX.search(style) or _GRID.search(style):
            style = re.sub(r"display\s*:\s*(inline-)?(flex|grid)\s*(!important)?\s*;?", "",
                           style, flags=re.IGNORECASE).strip()
            if style:
                el.set("style", style)
            else:
                el.attrib.pop("style")

def _make_step(el: ET.Element, columns: list[ET.Element], parent: ET.Element | None,
               geo: PrintGeometry) -> None:
    _tails_as_paragraphs(el)
    empty = [c for c in columns if not text_of(c).replace("\u00a0", " ").strip() and not any(
        e.tag == "img" or "missing-image" in classes(e) for e in c.iter())]
    for col in empty:
        el.remove(col)
    columns = [c for c in columns if c not in empty]
    if len(columns) < 2:  # one column left: no columns at all, its content flows
        el.attrib.clear()
        return
    media = [c for c in columns if is_image_only(c)]
    texts = [c for c in columns if c not in media]
    style = el.attrib.pop("style", "")
    if len(columns) == 2 and len(media) == 1 and len(texts) == 1:
        text, image = texts[0], media[0]
        _keep_outside(el, columns, parent)
        for child in list(el):
            el.remove(child)
        el.text = None
        text.attrib.clear()
        image.attrib.clear()
        text.set("class", "step-text")
        image.set("class", "step-media")
        el.append(text)
        el.append(image)
        el.set("class", "step")
        # A very wide screenshot, or a table too wide for the text column: text above,
        # picture under it, both full width.
        wide = any(aspect(img) >= 3.2 for img in image.iter("img")) or any(
            table_columns(t) >= 4 for t in text.iter("table"))
        if wide:
            add_class(el, "step-wide")
        _mark_stack(image)
        _alt_from_text(image, text)
        _fit_step(el, text, image, parent, wide, geo)
        return
    # Anything else: columns side by side, widths kept where given (or taken from the
    # grid's template), kept on one page when they hold a picture and can fit on one.
    for child in list(el):
        if child not in columns and not text_of(child).strip():
            el.remove(child)
    n = len(columns)
    el.set("class", f"columns columns-{n}")
    template = _grid_widths(style) if _GRID.search(style) else []
    widths = []
    for i, col in enumerate(columns):
        given = col.get("data-width") or _width_from(col) or (
            template[i] if i < len(template) else None)
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", given or "")
        width = min(100.0, float(m.group(1))) if m and float(m.group(1)) > 0 else None
        widths.append(width)
        col.attrib.clear()
        col.set("class", "column")
        if width:
            col.set("style", f"--w: {width:g}%")
    pictures = [c for c in columns if any(e.tag == "img" for e in c.iter())]
    for col in pictures:
        _mark_stack(col)
    if len(texts) == 1:
        for col in media:
            _alt_from_text(col, texts[0])
    if pictures and _columns_fit(columns, widths, geo):
        add_class(el, "columns-media")

def _tails_as_paragraphs(el: ET.Element) -> None:
    """Words written between or after the columns (an unclosed tag's text, Markdown left in a
    raw block) become paragraphs of their own, which the step or the columns keep in place
    or put before or after them: as a column's tail they were lost with an empty column, or
    followed the picture column into the step."""
    for child in list(el):
        words = (child.tail or "").strip()
        if words:
            para = ET.Element("p")
            para.text, para.tail, child.tail = words, child.tail[len(child.tail.rstrip()):], None
            el.insert(list(el).index(child) + 1, para)


def _keep_outside(el: ET.Element, columns: list[ET.Element],
                  parent: ET.Element | None) -> None:
    """What a step block holds besides its two columns goes before or after it."""
    if parent is None:
        return
    before, after = [], []
    if (el.text or "").replace("\u00a0", " ").strip():
        lead = ET.Element("p")
        lead.text = el.text.strip()
        before.append(lead)
    seen = False
    for child in el:
        if child in columns:
            seen = True
        elif text_of(child).replace("\u00a0", " ").strip() or any(
                e.tag == "img" for e in child.iter()):
            (after if seen else before).append(child)
    index = list(parent).index(el)
    for extra in before:
        if extra in el:
            el.remove(extra)
        parent.insert(index, extra)
        index += 1
    for extra in reversed(after):
        el.remove(extra)
        extra.tail = None
        parent.insert(index + 1, extra)
    if after:
        after[-1].tail, el.tail = el.tail, None

# How tall a step prints, estimated before layout ---------------------------------------
#
# A step is kept on one page (break-inside: avoid). One that cannot fit on any page would
# be pushed to a fresh page anyway and then cut, stranding its heading on the page
# before; and its text would run on for pages in a 40 % column. So a step whose text
# cannot fit is cut here, between blocks: the head stays beside its picture, the rest
# follows at full width ("step-more"). The estimate is rough and errs short: only
# steps clearly taller than a page are cut.

def _fit_step(step: ET.Element, text: ET.Element, media: ET.Element,
              parent: ET.Element | None, wide: bool, geo: PrintGeometry) -> None:
    if wide:
        height = (height_mm(text, geo.text_width_mm, geo.font_pt)
                  + media_height_mm(media, geo.text_width_mm, geo.step_max_height_mm))
        if height > geo.fits:
            add_class(step, "step-long")  # text first, picture at its end: may break
        return
    text_h = height_mm(text, geo.step_text_width, geo.font_pt)
    media_h = media_height_mm(media, geo.step_media_width, geo.step_max_height_mm)
    if max(text_h, media_h) <= geo.fits:
        return
    holder = text  # the blocks may sit in one wrapper <div>
    while len(holder) == 1 and holder[0].tag in ("div", "section", "article") and not (
            holder.text or "").strip() and not (holder[0].tail or "").strip():
        holder = holder[0]
    blocks = list(holder)
    loose = (holder.text or "").strip() or any((b.tail or "").strip() for b in blocks)
    head, rest = ([], []) if loose or parent is None else split_blocks(
        blocks, media_h, geo.page_height_mm * 0.7, geo.step_text_width, geo.font_pt)
    if not head or not rest:
        add_class(step, "step-long")  # one block taller than a page: let it break
        return
    for block in blocks:
        holder.remove(block)
    for block in head:
        holder.append(block)
    more = ET.Element("div", {"class": "step-more"})
    for block in rest:
        more.append(block)
    more.tail, step.tail = step.tail, None
    parent.insert(list(parent).index(step) + 1, more)
    add_class(step, "step-split")

def _columns_fit(columns: list[ET.Element], widths: list[float | None],
                 geo: PrintGeometry) -> bool:
    given = sum(w for w in widths if w)
    share = max(10.0, (100 - given) / max(1, widths.count(None)))
    tallest = 0.0
    for col, width in zip(columns, widths):
        mm = geo.text_width_mm * (width or share) / 100 - 5
        if any(e.tag == "img" for e in col.iter()) and is_image_only(col):
            tallest = max(tallest, media_height_mm(col, mm, geo.step_max_height_mm))
        else:
            tallest = max(tallest, height_mm(col, mm, geo.font_pt, geo.step_max_height_mm))
    return tallest <= geo.fits

def _alt_from_text(media: ET.Element, text: ET.Element) -> None:
    sentence = _first_sentence(" ".join(text_of(text).split()))
    if not sentence:
        return
    for img in media.iter("img"):
        if (img.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
            img.set("alt", sentence)

def standalone_figures(root: ET.Element, job: PageJob) -> None:
    """An image alone in its paragraph (or at block level) becomes a figure; an icon
    inside a sentence stays in the line."""
    parents = parent_map(root)
    for img in root.iter("img"):
        if _is_icon(img, parents):
            add_class(img, "inline-image")
    for img in list(root.iter("img")):
        if "inline-image" in classes(img):
            continue
        unit = _linked_picture(img, parents)  # the picture, or the link that only holds it
        parent = parents.get(unit)
        if parent is None or any("step-media" in classes(a) or a.tag in (
                "figure", "a", "td", "th", "li") for a in ancestors(unit, parents)):
            continue
        if _only_holds(parent, unit) and (parent.tag == "p" or _centring_box(parent, root)):
            identity = parent.get("id")
            parent.tag = "figure"
            parent.attrib.clear()
            parent.set("class", "screenshot-figure")
            if identity:
                parent.set("id", identity)
            if aspect(img) >= 3.2:
                add_class(parent, "figure-wide")
            continue
        if parent.tag in ("div", "section", "aside", "center") or parent is root:
            figure = ET.Element("figure", {"class": "screenshot-figure"})
            index = list(parent).index(unit)
            parent.remove(unit)
            figure.append(unit)
            figure.tail = unit.tail
            unit.tail = None
            parent.insert(index, figure)


def _linked_picture(img: ET.Element, parents: dict) -> ET.Element:
    """The ``<a>`` around a picture when it holds nothing else (a screenshot that opens its
    full size on the web: ``<a href="shot.png"><img src="shot.png"></a>``), else the
    picture: that link stands where the picture would, and becomes the figure's content."""
    link = parents.get(img)
    if (link is not None and link.tag == "a" and len(link) == 1 and not (link.text or "").strip()
            and not (img.tail or "").strip()):
        return link
    return img


def _only_holds(parent: ET.Element, img: ET.Element) -> bool:
    return (len(parent) == 1 and not (parent.text or "").strip()
            and not (img.tail or "").strip())


_CENTRING_STYLE = re.compile(
    r"\s*(?:(?:text-align\s*:\s*center|margin(?:-left|-right)?\s*:\s*[^;]*\bauto\b[^;]*"
    r"|display\s*:\s*block)\s*(?:;\s*|$))+", re.IGNORECASE)


def _centring_box(box: ET.Element, root: ET.Element) -> bool:
    """A ``<center>``, or a ``<div>`` with no class that only centres (``style="text-align:
    center"``, ``align="center"``) and only holds a screenshot: the web's way to centre a
    picture, which is the figure itself here, so the sentence that introduces it stays on
    its page (``p.intro-to-figure``).  A box styled otherwise (hidden, floated, sized) is
    left as it is."""
    if box is root or box.tag not in ("center", "div"):
        return False
    if box.tag == "center":
        return True
    style, align = box.get("style", ""), box.get("align", "center")
    return (set(box.attrib) <= {"style", "align", "id"} and align.strip().lower() == "center"
            and (not style.strip() or bool(_CENTRING_STYLE.fullmatch(style))))


def alt_texts(root: ET.Element, job: PageJob) -> None:
    """Every image without words of its own gets an alternative text (PDF/UA requires
    one): the text just before it says what it shows (a question, the sentence that
    introduces the screenshot, else the page title); the file name is the last resort.
    An ``<svg>`` written in the page gets a ``<title>``, its alternative text.  (A step's
    picture was given the words of its step by :func:`steps`.)"""
    title, labels = job.page.title, job.ctx.labels
    last = title  # an image that opens the page shows what the page is about
    drawn: set[int] = set()  # the elements of an <svg> written in the page
    parents = parent_map(root)
    for el in root.iter():
        if id(el) in drawn:
            continue
        if el.tag in ("img", "svg") and _decorative(el, parents):
            drawn.update(id(below) for below in el.iter() if below is not el)
        elif el.tag == "img":
            if (el.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
                sentence = _first_sentence(last)
                el.set("alt", f"{labels['figure']}: {sentence}" if sentence
                       else _context_alt(el, labels))
        elif el.tag == "svg":
            drawn.update(id(below) for below in el.iter() if below is not el)
            holder = next((a for a in ancestors(el, parents) if a.tag in ("a", "button")), None)
            _title_svg(el, labels, _first_sentence(last),
                       own_name(holder) if holder is not None else "")
        elif el.tag in _TEXT_BLOCKS and "mg-label" not in classes(el):  # not "Answer"
            lead = " ".join(_lead_text(el).split())
            if lead:
                last = lead

def _decorative(picture: ET.Element, parents: dict) -> bool:
    """A picture a screen reader skips (see :func:`html.is_decorative`) is marked
    ``aria-hidden="true"``, which makes it an artifact in the tagged PDF (not read aloud, as
    in a browser; :func:`manualgen.tagging.decorations_as_artifacts`), and gets no invented
    alternative text.  An ``<img>`` only when the page says so (``aria-hidden``, ``role``):
    an image in a link keeps the words its author gave it."""
    if picture.tag == "img":
        marked = picture.get("role", "").strip().lower() in DECORATIVE_ROLES or any(
            a.get("aria-hidden", "").strip().lower() == "true"
            for a in (picture, *ancestors(picture, parents)))
    else:
        marked = is_decorative(picture, parents)
    if marked:
        picture.set("aria-hidden", "true")
    return marked


def _title_svg(svg: ET.Element, labels: dict[str, str], sentence: str,
               holder_name: str = "") -> None:
    """An ``<svg>`` written in the page gets a ``<title>`` (its alternative text: WeasyPrint
    tags it as a figure whose /Alt is its title, and PDF/UA requires one) holding its
    accessible name (:func:`html.own_name`: ``aria-label``, its ``<title>``, a ``title``
    attribute); else ``<desc>`` or its text, else the name of the link or button it is the
    only content of (``holder_name``), else the words that introduce it, as for an image."""
    title = svg.find("title")
    desc = svg.find("desc")
    candidates = [own_name(svg), desc.text if desc is not None else "",
                  " ".join(text_of(t) for t in svg.iter("text")), holder_name]
    own = next((" ".join(c.split()) for c in candidates if c and c.strip()), "")
    words = own or (f"{labels['figure']}: {sentence}" if sentence else labels["figure"])
    if title is None:
        title = ET.Element("title")
        title.tail = svg.text
        svg.text = None
        svg.insert(0, title)
    title.text = words


def _context_alt(img: ET.Element, labels: dict[str, str]) -> str:
    name = img.get("data-source") or Path(urlsplit(img.get("src") or "").path).stem
    stem = Path(name).stem
    stem = re.sub(r"_(de|fr|it|rm|en)$", "", stem)
    return f"{labels['figure']}: {stem.replace('_', ' ')}"

# Links --------------------------------------------------------------------------------


_TEXT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "figcaption"}
_INLINE = {"a", "abbr", "b", "br", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "samp",
           "small", "span", "strong", "sub", "sup", "u", "var", "del", "ins"}


def _lead_text(el: ET.Element) -> str:
    """The text an element starts with, up to its first block (a list item's question, not
    its answer)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag not in _INLINE:
            break
        parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _first_sentence(words: str) -> str:
    if not words:
        return ""
    sentence = words
    for m in re.finditer(r"(?<=[.!?:])\s+(?=[A-ZÀ-Ý0-9«\"„“])", words):
        head = words[:m.start()]
        last = head.split()[-1].strip(".!?:()«»\"'")
        # A sentence ends before a capital, not after a few words, an initial ("F. Müller")
        # or inside parentheses; "z. B. den", "par ex. fall_id" go on in lower case.
        if len(head) >= 20 and len(last) >= 2 and head.count("(") <= head.count(")"):
            sentence = head
            break
    if len(sentence) > 160:
        sentence = sentence[:157].rsplit(" ", 1)[0] + "…"
    return sentence



def _width_from(col: ET.Element) -> str | None:
    style = col.get("style") or ""
    m = re.search(r"(?:flex(?:-basis)?|width)\s*:\s*(?:\d+\s+\d+\s+)?(\d+(?:\.\d+)?)%", style)
    if m:
        return m.group(1)
    for cls in classes(col):
        m = re.fullmatch(r"col-(?:\w+-)?(\d{1,2})", cls)
        if m:
            return str(round(int(m.group(1)) * 100 / 12, 2))
    return None



def keep_text_with_screenshots(root: ET.Element, job: PageJob | None = None) -> None:
    """A list item that shows a screenshot is kept on one page, text and picture ("1. Click
    Upload." with the dialog under it): ``li.item-with-media``; so is a paragraph whose
    lines hold words and a screenshot (``p.para-with-media``). A paragraph that introduces
    a screenshot figure stays with it: ``p.intro-to-figure``, and prints whole on the
    picture's page when the two fit on one (``p.intro-whole``). Icons in a line do not count.

    An item too tall for a page (a list nested eight levels deep, a screenshot at each) is
    not kept whole: WeasyPrint would push it, and then each of its sub-items, to a page of
    its own, leaving pages blank but for a line. Its sub-items that fit are kept whole.
    (Keeping the item's own words with its own screenshot, in a block of their own that
    may not break, made WeasyPrint leave more pages blank, not fewer.)"""
    geo = job.ctx.geometry if job is not None else PrintGeometry()
    for li in list(root.iter("li")):
        if not any(_is_screenshot(img) for img in li.iter("img")):
            continue
        if height_mm(li, geo.text_width_mm, geo.font_pt,
                     column_cap=geo.step_max_height_mm) <= geo.fits:
            add_class(li, "item-with-media")
        else:
            _own_words_with_own_picture(li, geo)
    for para in list(root.iter("p")):  # "Click Settings.<br>![shot](shot.png)": one paragraph
        if (any(_is_screenshot(img) for img in para.iter("img")) and text_of(para).strip()
                and height_mm(para, geo.text_width_mm, geo.font_pt) <= geo.fits):
            add_class(para, "para-with-media")
    pairs = []
    for parent in list(root.iter()):
        for before, el in itertools.pairwise(list(parent)):
            if _introduces_code(before, el):
                add_class(before, "intro-to-code")
            if _definition_before_picture(before, el):
                add_class(before, "intro-to-figure")
                if _fit_together(before, el, geo):
                    add_class(before, "intro-whole")
            if not (el.tag == "figure" and "screenshot-figure" in classes(el)
                    and not (before.tail or "").strip()):
                continue
            if before.tag == "p" or _one_step_list(before):
                add_class(before, "intro-to-figure")
            if before.tag == "p" and _fit_together([before], el, geo):
                add_class(before, "intro-whole")  # not split: all its lines on the picture's page
            if before.tag != "p" and _ends_in_step(before):
                pairs.append((parent, before, el))
    for parent, before, figure in pairs:
        held = _held_with_figure(parent, before, figure, geo)
        for block in held:
            add_class(block, "intro-to-figure")
        if held:
            _hold_together(parent, held, figure, geo)


def _own_words_with_own_picture(li: ET.Element, geo: PrintGeometry) -> None:
    """An item too tall to keep whole (sub-steps with screenshots of their own under it):
    the paragraph right above its own screenshot stays on the picture's page, whole when the
    two fit on one, as a paragraph introducing a figure does; its words were left at the
    foot of a page, the picture on the next."""
    for before, el in itertools.pairwise(list(li)):
        if (before.tag == "p" and el.tag == "p" and not (before.tail or "").strip()
                and _holds_one_screenshot(el) and _fit_together([before], el, geo)):
            add_class(before, "intro-to-figure")
            add_class(before, "intro-whole")


def _holds_one_screenshot(para: ET.Element) -> bool:
    """A paragraph holding a screenshot and nothing else (or the link around it)."""
    unit = para[0] if len(para) == 1 else None
    if unit is not None and unit.tag == "a" and len(unit) == 1 and not (unit.text or "").strip():
        unit, holder = unit[0], unit
    else:
        holder = None
    return (unit is not None and unit.tag == "img" and _is_screenshot(unit)
            and _only_holds(para, holder if holder is not None else unit)
            and (holder is None or not (unit.tail or "").strip()))


def _definition_before_picture(before: ET.Element, el: ET.Element) -> bool:
    """A definition with words, followed by one that holds only a screenshot (``: Select
    the range … as follows:`` then ``: ![curve](…)``): the words announce the picture."""
    return (before.tag == el.tag == "dd" and bool(text_of(before).strip())
            and not text_of(el).strip() and len(el) > 0
            and all(child.tag == "figure" and "screenshot-figure" in classes(child)
                    for child in el))


def _introduces_code(before: ET.Element, el: ET.Element) -> bool:
    """A paragraph that ends in a colon right before a code block ("register the type by
    the AppendType method:"): it stays on the page of the code it announces."""
    code = el.tag == "pre" or (el.tag == "div" and len(el) and el[0].tag == "pre"
                               and not (el.text or "").strip())
    return (before.tag == "p" and code and not (before.tail or "").strip()
            and text_of(before).rstrip().endswith((":", "：")))


def _ends_in_step(block: ET.Element) -> bool:
    """A list whose last item is a step in a few words (numbers the web shows as written)."""
    items = list(block)
    return (block.tag in ("ol", "ul") and bool(items) and all(i.tag == "li" for i in items)
            and block.get("reversed") is None and not any(i.get("value") for i in items)
            and _one_step_list(ET.Element(block.tag), items[-1]))


def _held_with_figure(parent: ET.Element, block: ET.Element, figure: ET.Element,
                      geo: PrintGeometry) -> list[ET.Element]:
    """What of a list of steps goes on the page of the screenshot after it: the whole list,
    with the paragraph that announces it ("Proceed as follows:"), when they fit on one page
    with the picture and every item is a step in a few words; else the list's last step,
    moved apart (nothing when even that does not fit)."""
    short = all(_one_step_list(ET.Element(block.tag), item) for item in block)
    if short and _fit_together([block], figure, geo):
        intro = _announcing_paragraph(parent, block)
        if intro is not None and _fit_together([intro, block], figure, geo):
            add_class(intro, "intro-whole")
            return [intro, block]
        return [block]
    if len(block) > 1:  # the list's last step, with the screenshot it is followed by
        apart = _last_step_apart(parent, block, figure, geo)
        return [apart] if apart is not None else []
    return [block]


def _announcing_paragraph(parent: ET.Element, block: ET.Element) -> ET.Element | None:
    """The paragraph right before ``block`` that ends in a colon, announcing it."""
    index = list(parent).index(block)
    before = parent[index - 1] if index else None
    if (before is None or before.tag != "p" or (before.tail or "").strip()
            or not text_of(before).rstrip().endswith((":", "："))):
        return None
    return before


def _last_step_apart(parent: ET.Element, block: ET.Element, figure: ET.Element,
                     geo: PrintGeometry) -> ET.Element | None:
    """The last item of a list, moved into a list of its own right after it (numbered on,
    ``start``), to be held with the screenshot after it: "3. Type a space in {}." and the
    picture of what then opens.  None when the step and its picture are too tall together."""
    last = list(block)[-1]
    if not _fit_together([last], figure, geo):
        return None
    # the list's attributes but its id, which stays with the list's start (one anchor)
    apart = ET.Element(block.tag, {k: v for k, v in block.attrib.items() if k != "id"})
    add_class(block, "list-goes-on")  # no list's gap before the step moved apart
    if block.tag == "ol":
        apart.set("start", str(item_numbers(block)[-1]))
    block.remove(last)
    apart.append(last)
    apart.tail, block.tail = block.tail, None
    parent.insert(list(parent).index(block) + 1, apart)
    return apart


def _fit_together(texts: list[ET.Element], figure: ET.Element, geo: PrintGeometry) -> bool:
    """Whether the blocks ``texts`` and the pictures of ``figure`` (one at least) fit on one
    page."""
    pictures = list(figure.iter("img"))
    tall = sum(height_mm(text, geo.text_width_mm, geo.font_pt) for text in texts) + sum(
        image_height_mm(img, geo.text_width_mm, geo.figure_max_height_mm) for img in pictures)
    return bool(pictures) and tall <= geo.fits


def _hold_together(parent: ET.Element, texts: list[ET.Element], figure: ET.Element,
                   geo: PrintGeometry) -> None:
    """A list (and the paragraph announcing it) and the figure after it in one block that
    may not break, when they fit on a page: WeasyPrint 70 does not keep a list with what
    follows it (``break-after: avoid`` on an ``<ol>`` is passed over), as it does a
    paragraph."""
    if not _fit_together(texts, figure, geo):
        return
    index = list(parent).index(texts[0])
    pair = ET.Element("div", {"class": "intro-with-figure"})
    pair.tail, figure.tail = figure.tail, None
    for block in [*texts, figure]:
        parent.remove(block)
    pair.extend([*texts, figure])
    parent.insert(index, pair)


_BLOCKS = frozenset({"p", "div", "pre", "ul", "ol", "table", "figure", "blockquote", "h1", "h2",
                     "h3", "h4", "h5", "h6", "dl"})


def _one_step_list(block: ET.Element, item: ET.Element | None = None) -> bool:
    """A numbered or bulleted list of one item in a few words, that a screenshot follows:
    the step ("1. Complete the input field.") its picture shows, written as a list of its
    own between the pictures; kept with it as an introducing sentence is.  ``item``: would
    the list be one, holding only that item."""
    items = [item] if item is not None else list(block)
    if not (block.tag in ("ol", "ul") and len(items) == 1 and items[0].tag == "li"):
        return False
    blocks = [child for child in items[0].iter() if child is not items[0] and child.tag in _BLOCKS]
    loose = len(blocks) == 1 and blocks[0].tag == "p" and blocks[0] in list(items[0])
    return (not blocks or loose) and len(text_of(items[0])) <= 300  # a loose list's <p>


_CAPTION_PT = 8.5  # manual.css: figcaption in --font-size-small
_FIGURE_SPACE_MM = 6.0  # the figure's margin and the caption's
_LEAST_PICTURE_MM = 40.0  # a picture is not made smaller than this for its caption


def fit_captioned_figures(root: ET.Element, job: PageJob | None = None) -> None:
    """A figure is kept on one page (break-inside: avoid) with its caption. When its picture,
    at the figure height manual.css allows, and a long caption together are taller than a
    page, the picture is held lower so both fit (an inline max-height): else WeasyPrint
    pushed the figure to a new page, leaving the page before almost empty, and then cut the
    caption from its picture anyway."""
    geo = job.ctx.geometry if job is not None else PrintGeometry()
    for figure in root.iter("figure"):
        pictures = list(figure.iter("img"))
        captions = [c for c in figure if c.tag == "figcaption"]
        if len(pictures) != 1 or not captions:
            continue
        caption = sum(height_mm(c, geo.text_width_mm, _CAPTION_PT) for c in captions)
        room = geo.fits - caption - _FIGURE_SPACE_MM
        picture = image_height_mm(pictures[0], geo.text_width_mm, geo.figure_max_height_mm)
        if _LEAST_PICTURE_MM <= room < picture:
            style = (pictures[0].get("style") or "").strip().rstrip(";")
            held = f"max-height: {room:.0f}mm"
            pictures[0].set("style", f"{style}; {held}" if style else held)


def _is_screenshot(img: ET.Element) -> bool:
    return "inline-image" not in classes(img)


def _is_icon(img: ET.Element, parents: dict) -> bool:
    """A small picture with words on its line: printed in the line, at text height."""
    width, height = whole_number(img.get("width") or ""), whole_number(img.get("height") or "")
    return (height is not None and height <= _ICON_PX and width is not None
            and width <= 4 * _ICON_PX and _in_running_text(img, parents))


def _in_running_text(img: ET.Element, parents: dict) -> bool:
    """True when words share the line with the image (in its block, or its link, span …)."""
    node = img
    while (parent := parents.get(node)) is not None:
        kids = list(parent)
        i = kids.index(node)
        before = (kids[i - 1].tail if i else parent.text) or ""
        if (before + (node.tail or "")).replace("\u00a0", " ").strip():
            return True
        for sibling in kids[max(0, i - 1):i] + kids[i + 1:i + 2]:
            if sibling.tag in _INLINE and text_of(sibling).strip():
                return True
        if parent.tag not in _INLINE:
            return False
        node = parent
    return False


def _mark_stack(col: ET.Element) -> None:
    """Pictures stacked in one column share its height (--stack: their number); portrait
    pictures alone in their column (phone screens) stand side by side instead."""
    parents = parent_map(col)
    pictures = [e for e in col.iter() if (e.tag == "img" and not _is_icon(e, parents))
                or "missing-image" in classes(e)]
    if len(pictures) < 2:
        return
    add_class(col, "stack")
    style = (col.get("style") or "").strip().rstrip(";")
    col.set("style", f"{style}; --stack: {len(pictures)}" if style else f"--stack: {len(pictures)}")
    if is_image_only(col) and all(0 < aspect(p) <= _PORTRAIT for p in pictures):
        add_class(col, "stack-row")
        for child in list(col):
            col.remove(child)
        col.text = None
        for picture in pictures:
            picture.tail = None
            col.append(picture)



def _grid_tracks(style: str) -> list[str]:
    """The column tracks of an inline grid-template-columns, repeat() expanded."""
    m = re.search(r"grid-template-columns\s*:\s*([^;]+)", style, re.IGNORECASE)
    return _track_list(m.group(1)) if m else []


def _track_list(text: str, in_repeat: bool = False) -> list[str]:
    """The tracks of a track list (up to 12), repeat() expanded; none where the list is
    one CSS refuses (a repeat() inside a repeat(): the browser drops the declaration)."""
    tokens, depth, current = [], 0, ""
    for char in text.strip() + " ":
        depth += (char == "(") - (char == ")")
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    tracks: list[str] = []
    for token in tokens:
        rep = re.fullmatch(r"repeat\(\s*([0-9]+)\s*,\s*(.+)\)", token, re.IGNORECASE)
        if token.lower().startswith("repeat(") and (in_repeat or not rep):
            return []  # nested, or auto-fill / auto-fit: as many columns as fit, unknown here
        if rep:
            count = whole_number(rep.group(1)) or 0
            if count > 12:  # more tracks than a step or columns block is read with
                return []
            tracks += _track_list(rep.group(2), in_repeat=True) * count
        else:
            tracks.append(token)
    return tracks if len(tracks) <= 12 else []


def _grid_widths(style: str) -> list[str | None]:
    """Each track's share of the width in %, where the template says it (fr or %)."""
    tracks = _grid_tracks(style)
    fractions = [re.search(r"(\d+(?:\.\d+)?)fr\)?$", t) for t in tracks]
    if tracks and all(fractions):
        total = sum(float(f.group(1)) for f in fractions if f) or 1.0
        return [f"{float(f.group(1)) * 100 / total:.2f}".rstrip("0").rstrip(".") for f in fractions if f]
    return [m.group(1) if (m := _PERCENT.match(t)) else None for t in tracks]


