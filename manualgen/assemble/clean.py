"""Clean-up: parse a page and take out what paper must not get.

``parse`` is the first look at every page (before any is reshaped, since links need the ids
of all pages): HTML that hides the rest of a page (an unclosed comment or ``<script>``) is
reported, nesting too deep to lay out is refused, comments, spacer paragraphs and a page's
own styles go, ``<details>`` open, and ids are prefixed with the page's anchor.
``drop_empty`` is the last pass: blocks that other passes emptied go too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..render import line_nested_past
from . import tab_bars
from .context import PageJob
from .html import MAX_NESTING, classes, nesting_depth, parent_map, parse_fragment, remove

_NBSP_ONLY = re.compile(r"^[\s\u00a0\u200b]*$")
# Elements whose content HTML reads as text up to their closing tag, whatever it holds.
_RAW_TEXT_OPENING = re.compile(r"<(title|textarea|script|style|iframe|xmp|noembed|noframes|noscript"
                               r"|plaintext)\b[^>]*>", re.IGNORECASE)
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)
# A footnote reference Markdown found no definition for: it is left as written.
_FOOTNOTE_AS_TEXT = re.compile(r"\[\^([^\]\s]+)\]")
# A reference link Markdown found no definition for: [text][name] or [text][] as written.
_REFERENCE_AS_TEXT = re.compile(r"(?<![\w\]\\])\[([^\[\]\n^]{1,200})\]\[([^\[\]\n]{0,100})\]")
_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_DELIMITER_ROW = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")


def parse(job: PageJob) -> ET.Element:
    """The page's tree, cleaned; its ids are recorded in the context for the links pass."""
    html = job.rendered.html
    unclosed_comment(job, html)
    unclosed_raw_text(job, html)
    unclosed_div(job, html)
    if job.page.markup == "markdown":
        table_rows_short_or_long(job)
    root = parse_fragment(html)
    undefined_footnotes(job, root)
    if job.page.markup == "markdown":
        undefined_references(job, root)
    depth = nesting_depth(root)
    if depth > MAX_NESTING:
        job.error("page-failed", f"this page's HTML is nested {depth} levels deep; a PDF can "
                  f"be laid out to about {MAX_NESTING}: close its <div>s, lists or quotes "
                  "sooner", line_nested_too_deep(job.page))
        root = parse_fragment("")
    drop_noise(root)
    drop_styles(job, root)
    unreadable_styles(job, root)
    tab_bars.name_panels(root)  # before the ids are prefixed (the buttons name them as
    drop_wordless_buttons(root)  # written), and before a tab of an icon alone goes
    tab_bars.name_script_tabs(root)
    for details in root.iter("details"):  # paper cannot fold: what it hides is printed
        details.set("open", "")
        details.attrib.pop("hidden", None)
    job.ctx.ids[job.page] = prefix_ids(root, job.anchor)
    return root


def line_nested_too_deep(page) -> int:
    """The line of the page's source where its own HTML tags open more than MAX_NESTING
    levels (an estimate from the tags as written), else the first line of its body."""
    return line_nested_past(page, MAX_NESTING) or page.body_line


def drop_noise(root: ET.Element) -> None:
    """Comments and spacer paragraphs (``&nbsp;`` only) are not content."""
    parents = parent_map(root)
    for el in list(root.iter()):
        if el.tag is ET.Comment:
            remove(el, parents)
    parents = parent_map(root)
    for el in list(root.iter("p")):
        if len(el) == 0 and _NBSP_ONLY.match(el.text or ""):
            remove(el, parents)


def unclosed_comment(job: PageJob, html: str) -> None:
    """An ``<!--`` without its ``-->`` hides the rest of the page, on the web as on paper."""
    pos = 0
    while (start := html.find("<!--", pos)) >= 0:
        end = html.find("-->", start + 4)
        if end < 0:
            words = html[start:start + 40].split("\n")[0].strip()
            line = job.line(words) or job.line("<!--")
            job.warning("unclosed-comment", f'the HTML comment "{words}" is never closed: the '
                        "rest of the page is hidden (as on the web); end it with -->", line)
            return
        pos = end + 3


def unclosed_raw_text(job: PageJob, html: str) -> None:
    """A ``<title>``, ``<textarea>``, ``<script>``, ``<iframe>`` … holds text, not HTML, up
    to its closing tag: without one the rest of the page becomes its hidden text."""
    for tag in _RAW_TEXT_OPENING.finditer(html):
        name = tag.group(1).lower()
        closing = re.compile(rf"</{name}\s*>", re.IGNORECASE)
        if name == "plaintext" or not closing.search(html, tag.end()):
            job.warning("unclosed-tag", f"<{name}> is never closed: the rest of the page is "
                        "read as its text and hidden (as on the web); close it with "
                        f"</{name}>", job.line(tag.group(0)[:40]) or job.line(f"<{tag.group(1)}"))
            return


def unclosed_div(job: PageJob, html: str) -> None:
    """A ``<div>`` without its ``</div>`` takes the rest of the page inside it: in a column
    or a flex box the steps that follow are laid out in that box."""
    tags = [m.group(1) for m in _DIV_TAG.finditer(html)]
    if tags.count("") <= tags.count("/"):
        return
    line = _line_of_open_div(job.page.body, job.page.body_line)
    job.warning("unclosed-tag", "a <div> is never closed: the rest of the page is laid out "
                "inside it; add its </div> (count the <div> and </div> from this line)", line)


def _line_of_open_div(body: str, body_line: int) -> int | None:
    """The source line of the innermost ``<div>`` the page's own text leaves open, if its
    text shows one (a shortcode's output may be what is unbalanced)."""
    open_lines: list[int] = []
    for m in _DIV_TAG.finditer(body):
        if not m.group(1):
            open_lines.append(body_line + body.count("\n", 0, m.start()))
        elif open_lines:
            open_lines.pop()
    return open_lines[-1] if open_lines else body_line


def undefined_footnotes(job: PageJob, root: ET.Element) -> None:
    """A footnote reference ``[^1]`` whose ``[^1]: …`` line is missing prints as written."""
    for m in (m for text in _texts_outside_code(root) for m in _FOOTNOTE_AS_TEXT.finditer(text)):
        job.warning("undefined-footnote", f'the footnote "{m.group(0)}" is never '
                    f'defined, so it prints as written: add a line "{m.group(0)}: '
                    'the note\'s text" to the page, or remove the reference',
                    job.line(m.group(0), outside_code=True))


def undefined_references(job: PageJob, root: ET.Element) -> None:
    """A reference link ``[text][name]`` (or ``[text][]``) whose ``[name]: address`` line is
    missing prints as written, brackets and all.  Two numbers (``[1][2]``, citations) are
    taken as meant."""
    body = job.page.body
    defined = _defined_labels(body)
    for m in (m for text in _texts_outside_code(root) for m in _REFERENCE_AS_TEXT.finditer(text)):
        label = m.group(2) or m.group(1)
        if _meant_as_written(m.group(1), m.group(2)) or not _written_unescaped(
                m.group(0), body) or _label_key(label) in defined:
            continue
        job.warning("undefined-link", f'the link "{m.group(0)}" names a reference "{label}" '
                    "the page never defines, so it prints as written: add a line "
                    f'"[{label}]: address" to the page, or write the address in the link',
                    job.line(m.group(0), outside_code=True))


def _meant_as_written(text: str, label: str) -> bool:
    """Citations ([1][2]) and keys ([Ctrl][C]): brackets a writer means to print."""
    if text.strip().isdigit() and label.strip().isdigit():
        return True
    return bool(label) and all(len(part) <= 5 and " " not in part.strip() for part in (text, label))


def _written_unescaped(shown: str, body: str) -> bool:
    """Whether the page writes ``shown`` with its first bracket unescaped (``\\[a][b]``
    prints as written on purpose; a shortcode's output is not in the page at all).  A plain
    search, not a pattern with a look-behind: a page of thousands of such links is read once
    for each, and the plain search skips ahead."""
    at = body.find(shown)
    while at != -1:
        if at == 0 or body[at - 1] != "\\":
            return True
        at = body.find(shown, at + 1)
    return False


def _label_key(label: str) -> str:
    """A reference's label as Markdown matches it: spaces collapsed, case folded."""
    return " ".join(label.split()).casefold()


def _defined_labels(body: str) -> set[str]:
    """The labels of the page's ``[label]: …`` lines (also those Goldmark reads and
    manualgen's Markdown does not, as ``[a]: <https://x/a b>``: no writer's mistake)."""
    return {_label_key(m.group(1)) for m in re.finditer(r"(?m)^[ \t]{0,3}\[([^\]\n]+)\]:", body)}


def _texts_outside_code(root: ET.Element) -> list[str]:
    """The texts and tails of the tree that lie outside code, in document order."""
    parents = parent_map(root)
    found = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and not _in_code(el, parents):
            found.append(el.text)
        if el.tail and not _in_code(parents.get(el), parents):
            found.append(el.tail)
    return found


def table_rows_short_or_long(job: PageJob) -> None:
    """A Markdown table row with a ``|`` too few or too many: the missing cell prints empty
    and the extra one is dropped, on the web as in the PDF, without a word from Hugo."""
    lines = job.page.body.split("\n")
    fence = ""
    columns = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence or _FENCE.match(stripped):
            fence = _fence_after(fence, stripped)
            columns = 0
            continue
        if columns and "|" in stripped:
            cells = _cell_count(stripped)
            if cells != columns:
                job.warning("table-cells", f"this table row has {cells} cell{'s' * (cells != 1)}"
                            f", the table has {columns}: {_cells_effect(cells, columns)}; check the "
                            "| between its cells (a | inside a cell is written \\|)",
                            job.page.body_line + i)
                columns = 0
            continue
        columns = 0
        if i and _DELIMITER_ROW.match(stripped) and "|" in lines[i - 1]:
            header = _cell_count(lines[i - 1].strip())
            columns = header if header == _cell_count(stripped) else 0


def _fence_after(fence: str, stripped: str) -> str:
    """The code fence open after this line (empty when none is)."""
    m = _FENCE.match(stripped)
    if not fence:
        return m.group(1) if m else ""
    closes = m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not m.group(2).strip()
    return "" if closes else fence


def _cell_count(row: str) -> int:
    row = row.replace("\\|", "")
    row = row.removeprefix("|")
    row = row.removesuffix("|")
    return row.count("|") + 1


def _cells_effect(cells: int, columns: int) -> str:
    if cells < columns:
        return "the missing cells print empty"
    return "the cells past the last column are not printed"


def _in_code(el: ET.Element | None, parents: dict) -> bool:
    while el is not None:
        if el.tag in ("code", "pre", "kbd", "samp"):
            return True
        el = parents.get(el)
    return False


def drop_styles(job: PageJob, root: ET.Element) -> None:
    """A page's own ``<style>`` (or stylesheet link) would style the whole manual, not just
    its page as on the web; ``body { display: none }`` would leave every page blank."""
    parents = parent_map(root)
    for el in list(root.iter()):
        is_sheet = el.tag == "link" and "stylesheet" in (el.get("rel") or "").lower().split()
        if el.tag != "style" and not is_sheet:
            continue
        job.warning("page-style", f"a <{el.tag}> in a page would style the whole manual; it is "
                    "left out: put print styles in a stylesheet of [print] stylesheets",
                    job.line(f"<{el.tag}"))
        remove(el, parents)


def unreadable_styles(job: PageJob, root: ET.Element) -> None:
    """A ``style`` attribute with a part that is no CSS declaration (``style="x"``,
    ``style="width 50%"``): a browser passes over that part, as WeasyPrint does, but
    WeasyPrint's warning names neither the page nor the line.  Said here, at the page's
    line, and the part left out, so the rest of the style still applies."""
    import tinycss2
    import tinycss2.ast

    for el in root.iter():
        style = el.get("style")
        if not style:
            continue
        try:
            nodes = tinycss2.parse_blocks_contents(style, skip_comments=True, skip_whitespace=True)
        except ValueError:  # a number of over 4300 digits, which Python refuses to read
            nodes = [tinycss2.ast.ParseError(1, 1, "number", "a number too long to read")]
        errors = [node for node in nodes if node.type == "error"]
        if not errors:
            continue
        shown = style if len(style) <= 80 else style[:80] + "…"
        job.warning("css", f'the style "{shown}" of a <{el.tag}> holds a part that is no CSS '
                    "declaration; that part is left out, as a browser leaves it out: write "
                    "name: value pairs, each ended by a semicolon",
                    job.line(f'style="{style[:40]}') or job.line(style[:40]))
        kept = [node for node in nodes if node.type != "error"]
        if kept:
            el.set("style", "; ".join(tinycss2.serialize([node]).rstrip("; ") for node in kept))
        else:
            del el.attrib["style"]


# What a carousel's indicator names for its script (Bootstrap 4: <li data-target="#c"
# data-slide-to="1">; Bootstrap 5 writes them as buttons)
_CONTROL_ATTRIBUTES = ("data-slide-to", "data-bs-slide-to", "data-target", "data-bs-target")


def drop_wordless_buttons(root: ET.Element) -> None:
    """A ``<button>`` with no words, only an icon (a code box's edit or copy button, a menu
    toggle), is a control of the web page: on paper it would print as an empty grey box.
    So is a list item with no words and no picture that only names a script's target (a
    carousel's indicator, a bar on the web): paper would print its number and nothing
    after it.  A list left without items goes with them."""
    parents = parent_map(root)
    for button in list(root.iter("button")):
        if not _has_words(button):
            remove(button, parents)
    emptied = []
    for item in list(root.iter("li")):
        if (any(item.get(a) for a in _CONTROL_ATTRIBUTES) and not _has_words(item)
                and item.find(".//img") is None):
            emptied.append(parents.get(item))
            remove(item, parents)
    for listing in dict.fromkeys(el for el in emptied if el is not None):
        if not len(listing) and not (listing.text or "").strip():
            remove(listing, parents)


def _has_words(el: ET.Element) -> bool:
    """Whether ``el`` holds words a reader sees (an ``<svg>``'s title is none)."""
    return bool("".join([el.text or ""] + [_words_outside_svg(child) for child in el]).strip())


def _words_outside_svg(el: ET.Element) -> str:
    """The text of ``el`` and what follows it, leaving out what an ``<svg>`` holds (its
    title names the icon, no word a reader sees)."""
    inner = "" if el.tag == "svg" else "".join(el.itertext())
    return inner + (el.tail or "")


def prefix_ids(root: ET.Element, anchor: str) -> set[str]:
    """Prefix every id with the page's anchor so two pages may share a heading text; the
    ids as written are returned (links name those).  An id the page already used (a
    heading repeated inside a shortcode's Markdown, rendered on its own) gets "-1", "-2"…
    as Hugo's heading ids do, instead of naming two places.  An ``<a name="x">`` (HTML's
    older anchor, which browsers still scroll to) is an id too."""
    ids: set[str] = set()
    renamed: dict[str, str] = {}
    tried: dict[str, int] = {}  # the last suffix tried for an id: those below it are taken
    for el in root.iter():
        old = el.get("id") or _old_anchor(el)
        if old:
            n = tried.get(old, 0)
            unique = f"{old}-{n}" if n else old
            while unique in ids:
                n += 1
                unique = f"{old}-{n}"
            tried[old] = n
            el.set("id", f"{anchor}--{unique}")
            renamed.setdefault(old, f"{anchor}--{unique}")
            ids.add(unique)
    if renamed:
        for svg in root.iter("svg"):
            _rename_svg_references(svg, renamed)
    return ids


def _old_anchor(el: ET.Element) -> str | None:
    """The name of an ``<a name="x">`` without an id, taken off it (the id that replaces it
    is the page's own, so two pages' anchors of the same name stay two)."""
    if el.tag != "a" or not el.get("name"):
        return None
    name = el.attrib.pop("name")
    return name.strip() or None


_SVG_URL = re.compile(r"""url\(\s*(['"]?)#([^'")\s]+)\1\s*\)""")
_HREFS = ("href", "xlink:href", "{http://www.w3.org/1999/xlink}href")


def _rename_svg_references(svg: ET.Element, renamed: dict[str, str]) -> None:
    """An SVG's parts name each other (``fill="url(#gradient)"``, ``<use href="#shape">``,
    markers, clip paths, masks): they follow their ids' new names, else the drawing loses
    them (a gradient fill printed as nothing)."""
    def rename(match: re.Match) -> str:
        new = renamed.get(match.group(2))
        return f"url(#{new})" if new else match.group(0)

    for el in svg.iter():
        for name, value in list(el.attrib.items()):
            if "url(" in value:
                el.set(name, _SVG_URL.sub(rename, value))
            elif (name in _HREFS and el.tag != "a" and value.startswith("#")
                  and value[1:] in renamed):
                el.set(name, "#" + renamed[value[1:]])


def drop_empty(root: ET.Element, job: PageJob | None = None) -> None:
    """Blocks left without text or pictures (a pass may have moved their content out)."""
    changed = True
    while changed:
        changed = False
        parents = parent_map(root)
        for el in list(root.iter()):
            if el is root or el.tag not in ("div", "p", "span", "section") or len(el):
                continue
            if "missing-image" in classes(el) or el.get("id"):
                continue
            if not (el.text or "").replace("\u00a0", "").strip():
                remove(el, parents)
                changed = True
