"""Ordered pages → one HTML document for print: cover, contents, numbered chapters.

Each page's HTML (as Hugo renders it) is reshaped for paper here, in one place:

- step blocks (``two_column``, inline ``display: flex``, ``layouts/row``) become
  ``div.step > div.step-text + div.step-media`` that the print CSS keeps whole;
- spacer paragraphs (``&nbsp;``), comments and empty blocks go;
- images resolve to the site's files (static folders, base path, page bundles, assets), a
  missing one becomes a framed placeholder and a finding; placeholder alt texts are replaced
  by the step's own words;
- links inside the site become links inside the PDF; ids are made unique per page;
- headings move down under their page's title, so the outline has no gaps.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jinja2
import tinyhtml5
from markupsafe import Markup

from .config import BUILTIN_TEMPLATES, Settings
from .content import Page
from .convert import hugo_anchor
from .errors import Findings
from .pdf import Roots

PLACEHOLDER_ALTS = {"", "no description available", "image", "screenshot", "img", "bild", "capture"}
_OWN_NUMBER = re.compile(r"^\s*\d+(\.\d+)*[.)]?\s+\S")
_FLEX = re.compile(r"display\s*:\s*(inline-)?flex", re.IGNORECASE)
_NBSP_ONLY = re.compile(r"^[\s\u00a0\u200b]*$")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


@dataclasses.dataclass
class TocEntry:
    anchor: str
    number: str
    title: str
    level: int
    children: list[TocEntry] = dataclasses.field(default_factory=list)


# --- HTML helpers --------------------------------------------------------------------------


def parse_fragment(html: str) -> ET.Element:
    root = tinyhtml5.parse(f"<!DOCTYPE html><html><body><div>{html}</div></body></html>",
                           namespace_html_elements=False)
    body = root.find("body")
    assert body is not None
    div = body.find("div")
    return div if div is not None else body


def serialize_children(element: ET.Element) -> str:
    parts = [_escape_text(element.text or "")]
    for child in element:
        parts.append(ET.tostring(child, encoding="unicode", method="html"))
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def classes(el: ET.Element) -> list[str]:
    return (el.get("class") or "").split()


def add_class(el: ET.Element, *names: str) -> None:
    current = classes(el)
    for name in names:
        if name not in current:
            current.append(name)
    el.set("class", " ".join(current))


def text_of(el: ET.Element) -> str:
    return "".join(el.itertext())


def parent_map(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def remove(el: ET.Element, parents: dict) -> None:
    """Remove an element, keeping its tail text."""
    parent = parents.get(el)
    if parent is None:
        return
    index = list(parent).index(el)
    if el.tail and el.tail.strip():
        if index > 0:
            prev = parent[index - 1]
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _is_image_only(el: ET.Element) -> bool:
    """True when a column holds images (and nothing but whitespace, breaks or empty wrappers)."""
    images = [e for e in el.iter() if e.tag == "img" or "missing-image" in classes(e)]
    if not images:
        return False
    text = "".join(t for e in el.iter() if e.tag != "span" or "missing-image" not in classes(e)
                   for t in (e.text or "", e.tail or "") if e is not el or t is e.text)
    return not text.replace("\u00a0", "").strip()


# --- the assembler -------------------------------------------------------------------------


class Assembler:
    """Reshapes rendered pages for paper and merges them into one document."""

    def __init__(
        self,
        settings: Settings,
        lang: str,
        findings: Findings,
        labels: dict[str, str],
        roots: Roots,
        image_hook: Callable[[Path, ET.Element], Path] | None = None,
    ) -> None:
        self.settings = settings
        self.lang = lang
        self.findings = findings
        self.labels = labels
        self.roots = roots
        self.image_hook = image_hook
        self.pages: list[Page] = []
        self.by_url: dict[str, Page] = {}
        self.by_rel: dict[str, Page] = {}
        self.ids: dict[Page, set[str]] = {}
        self.images: list[Path] = []  # every image file the document uses

    # Anchors and numbers ------------------------------------------------------------------

    def prepare(self, home: Page) -> None:
        """Give every page its anchor and chapter number, and index pages for links."""
        used: set[str] = set()
        numbering = self.settings.print.numbering
        for page in home.walk():
            base = "p-" + (hugo_anchor(re.sub(r"(^|/)_?index\.\w+$", "", page.rel).replace("/", "-")
                                       .replace(".md", "")) or "home")
            anchor, n = base, 1
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            used.add(anchor)
            page.anchor = anchor
            self.pages.append(page)
            self.by_url[page.url.lower()] = page
            self.by_rel[page.rel.lower()] = page
            self.by_rel[re.sub(r"\.\w+$", "", page.rel).lower()] = page

        def number(node: Page, prefix: str) -> None:
            for count, child in enumerate(node.children, start=1):
                child_number = f"{prefix}{count}"
                child.number = "" if (not numbering or _OWN_NUMBER.match(child.title)) else child_number
                number(child, child_number + ".")

        number(home, "")

    def toc(self, home: Page) -> list[TocEntry]:
        depth = self.settings.print.toc_depth

        def entries(node: Page) -> list[TocEntry]:
            out = []
            for child in node.children:
                if child.depth > depth:
                    continue
                entry = TocEntry(child.anchor, child.number, child.title, child.depth, entries(child))
                out.append(entry)
            return out

        return entries(home)

    # Page bodies ----------------------------------------------------------------------------

    def parse(self, page: Page) -> ET.Element:
        """First pass over every page: parse, and learn its ids (links may point to them)."""
        root = parse_fragment(page.html)
        self._drop_noise(root)
        self._ids(page, root)
        return root

    def reshape(self, page: Page, root: ET.Element) -> str:
        """The page's HTML, made ready for paper (see the module docstring)."""
        self._images(page, root)
        self._steps(page, root)
        self._standalone_figures(root)
        self._links(page, root)
        self._headings(page, root)
        self._tables(root)
        self._drop_empty(root)
        return serialize_children(root)

    def _drop_noise(self, root: ET.Element) -> None:
        parents = parent_map(root)
        for el in list(root.iter()):
            if el.tag is ET.Comment:
                remove(el, parents)
        parents = parent_map(root)
        for el in list(root.iter("p")):
            if len(el) == 0 and _NBSP_ONLY.match(el.text or ""):
                remove(el, parents)

    def _drop_empty(self, root: ET.Element) -> None:
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

    def _ids(self, page: Page, root: ET.Element) -> None:
        """Prefix every id with the page's anchor so two pages may share a heading text."""
        ids = set()
        for el in root.iter():
            old = el.get("id")
            if old:
                el.set("id", f"{page.anchor}--{old}")
                ids.add(old)
        self.ids[page] = ids

    # Images -------------------------------------------------------------------------------

    def resolve_image(self, page: Page, src: str) -> Path | None:
        src = src.strip()
        parts = urlsplit(src)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        candidates: list[Path] = []
        base = self.settings.base_path
        if path.startswith("/"):
            rel = path[len(base):] if base != "/" and path.startswith(base) else path.lstrip("/")
            for variant in dict.fromkeys([rel, path.lstrip("/")]):
                for folder in self.settings.static_dirs + self.settings.assets_dirs:
                    candidates.append(folder / variant)
        else:
            candidates.append(page.path.parent / path)
            if page.kind == "page" and page.path.stem not in ("index", "_index"):
                candidates.append(page.path.parent / page.path.stem / path)
            page_dir = urljoin(page.url, path)
            rel = page_dir[len(base):] if page_dir.startswith(base) else page_dir.lstrip("/")
            for folder in self.settings.static_dirs + self.settings.assets_dirs:
                candidates.append(folder / rel)
                candidates.append(folder / path)
        for candidate in candidates:
            if candidate.is_file():
                return candidate
        return None

    def _images(self, page: Page, root: ET.Element) -> None:
        parents = parent_map(root)
        for img in list(root.iter("img")):
            src = img.get("src") or ""
            line = _line_in_source(page, Path(unquote(urlsplit(src).path)).name or src)
            if src.startswith("data:") or urlsplit(src).scheme in ("http", "https", "ftp", "file"):
                self.findings.error("remote-image",
                                    f'image "{src[:80]}" is not a file of the site; a manual is built '
                                    "from local files only: copy it into static/", page.path, line,
                                    lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            found = self.resolve_image(page, src)
            if found is None:
                self.findings.warning("missing-image",
                                      f'image "{src}" not found in the static folders, the page '
                                      "bundle or assets; the PDF shows a placeholder",
                                      page.path, line, lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            url = self.roots.url_for(found)
            if url is None:
                self.findings.error("refused-resource",
                                    f'image "{src}" resolves outside the site ({found}); refused',
                                    page.path, line, lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            if self.image_hook is not None:
                prepared = self.image_hook(found, img, page, line)
                if prepared is None:
                    self._placeholder(img, parents, src)
                    continue
                url = self.roots.url_for(prepared) or url
            self.images.append(found)
            img.set("src", url)
            img.set("data-source", found.name)
            add_class(img, "screenshot")

    def _placeholder(self, img: ET.Element, parents: dict, src: str) -> None:
        name = Path(unquote(urlsplit(src).path)).name or src
        span = ET.Element("span", {"class": "missing-image"})
        span.text = f"{self.labels['missing_image']}: {name}"
        span.tail = img.tail
        parent = parents.get(img)
        if parent is not None:
            index = list(parent).index(img)
            parent.remove(img)
            parent.insert(index, span)

    # Step blocks --------------------------------------------------------------------------

    def _columns_of(self, el: ET.Element) -> list[ET.Element] | None:
        cls = classes(el)
        kids = [c for c in el if c.tag in ("div", "section")]
        if "two_column" in cls:
            cols = [c for c in kids if {"left_col", "right_col"} & set(classes(c))]
            return cols or kids
        if "row-layout" in cls or ("row" in cls and any(
                c.startswith("col") for k in kids for c in classes(k))):
            return [k for k in kids if "column-layout" in classes(k)
                    or any(c == "col" or c.startswith("col-") for c in classes(k))] or kids
        if el.tag == "div" and _FLEX.search(el.get("style") or "") and len(kids) >= 2:
            return kids
        return None

    def _steps(self, page: Page, root: ET.Element) -> None:
        # Innermost first, so a flex block inside a column is handled before its parent.
        candidates = [el for el in root.iter() if el.tag == "div" and self._columns_of(el)]
        for el in reversed(candidates):
            columns = self._columns_of(el)
            if not columns:
                continue
            self._make_step(el, columns)
        # Grid wrappers (layouts/grid) only hold rows: they need no box of their own.
        for el in root.iter("div"):
            if "grid-layout" in classes(el):
                el.set("class", "grid-layout")

    def _make_step(self, el: ET.Element, columns: list[ET.Element]) -> None:
        media = [c for c in columns if _is_image_only(c)]
        texts = [c for c in columns if c not in media]
        style = el.get("style")
        el.attrib.pop("style", None)
        if len(columns) == 2 and len(media) == 1 and len(texts) == 1:
            text, image = texts[0], media[0]
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
            wide = any(_aspect(img) >= 3.2 for img in image.iter("img"))
            if wide:
                add_class(el, "step-wide")
            self._alt_from_text(image, text)
            return
        # Anything else: columns side by side, widths kept where given.
        for child in list(el):
            if child not in columns and not text_of(child).strip():
                el.remove(child)
        n = len(columns)
        el.set("class", f"columns columns-{n}")
        for col in columns:
            width = col.get("data-width") or _width_from(col)
            col.attrib.clear()
            col.set("class", "column")
            if width:
                col.set("style", f"--w: {width}%")
        del style

    def _alt_from_text(self, media: ET.Element, text: ET.Element) -> None:
        sentence = _first_sentence(" ".join(text_of(text).split()))
        if not sentence:
            return
        for img in media.iter("img"):
            if (img.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
                img.set("alt", sentence)

    def _standalone_figures(self, root: ET.Element) -> None:
        """An image alone in its paragraph (or at block level) becomes a figure."""
        parents = parent_map(root)
        for img in list(root.iter("img")):
            parent = parents.get(img)
            if parent is None:
                continue
            if any("step-media" in classes(a) or a.tag in ("figure", "a", "td", "th", "li")
                   for a in _ancestors(img, parents)):
                continue
            holder = parent
            if parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip() and not (
                    img.tail or "").strip():
                holder = parent
                holder.tag = "figure"
                holder.attrib.clear()
                holder.set("class", "screenshot-figure")
                if _aspect(img) >= 3.2:
                    add_class(holder, "figure-wide")
                continue
            if parent.tag in ("div", "section", "aside") or parent is root:
                figure = ET.Element("figure", {"class": "screenshot-figure"})
                index = list(parent).index(img)
                parent.remove(img)
                figure.append(img)
                figure.tail = img.tail
                img.tail = None
                parent.insert(index, figure)
        # Images outside steps: the text just before them says what they show (a question,
        # the sentence that introduces the screenshot); the file name is the last resort.
        last = ""
        for el in root.iter():
            if el.tag == "img":
                if (el.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
                    sentence = _first_sentence(last)
                    el.set("alt", f"{self.labels['figure']}: {sentence}" if sentence
                           else self._context_alt(el))
            elif el.tag in _TEXT_BLOCKS:
                lead = " ".join(_lead_text(el).split())
                if lead:
                    last = lead

    def _context_alt(self, img: ET.Element) -> str:
        name = img.get("data-source") or Path(urlsplit(img.get("src") or "").path).stem
        stem = Path(name).stem
        stem = re.sub(r"_(de|fr|it|rm|en)$", "", stem)
        return f"{self.labels['figure']}: {stem.replace('_', ' ')}"

    # Links --------------------------------------------------------------------------------

    def page_for(self, target: str, page: Page) -> tuple[Page | None, str]:
        """The page (and fragment) an internal link points to, or (None, "")."""
        parts = urlsplit(target)
        fragment = unquote(parts.fragment)
        path = unquote(parts.path)
        if not path:
            return page, fragment
        if path.endswith((".md", ".markdown")) or (not path.startswith("/") and "." in Path(path).name
                                                  and Path(path).suffix in (".md",)):
            base = Path(page.rel).parent
            candidate = (base / path).as_posix() if not path.startswith("/") else path.lstrip("/")
            candidate = _normpath(candidate)
            found = self.by_rel.get(candidate.lower()) or self.by_rel.get(
                re.sub(r"\.\w+$", "", candidate).lower())
            return found, fragment
        absolute = urljoin(page.url, path) if not path.startswith("/") else path
        if not absolute.endswith("/"):
            absolute += "/"
        found = self.by_url.get(absolute.lower())
        if found is None and not absolute.lower().startswith(self.settings.base_path.lower()):
            found = self.by_url.get((self.settings.base_path + absolute.lstrip("/")).lower())
        if found is None:
            lang_prefix = f"{self.settings.base_path}{self.lang}/"
            rel = absolute[len(self.settings.base_path):] if absolute.startswith(self.settings.base_path) else absolute.lstrip("/")
            found = self.by_url.get((lang_prefix + rel).lower())
        return found, fragment

    def _links(self, page: Page, root: ET.Element) -> None:
        see = self.labels["see_page"]
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            for attr in ("target", "rel"):
                a.attrib.pop(attr, None)
            if not href:
                continue
            scheme = urlsplit(href).scheme.lower()
            if scheme in ("mailto", "tel"):
                add_class(a, "contact")
                continue
            site_url = self.settings.base_url.rstrip("/")
            if scheme in ("http", "https") and not (site_url and href.startswith(site_url + "/")):
                add_class(a, "external")
                if _same_address(text_of(a), href):
                    add_class(a, "bare")  # the text is the address: print it once
                continue
            if scheme in ("http", "https"):
                href = href[len(site_url):] or "/"
                if not href.startswith("/"):
                    href = "/" + href
            elif scheme:
                add_class(a, "external")
                continue
            target, fragment = self.page_for(href, page)
            line = _line_in_source(page, href.split("#")[0] or href)
            if target is None:
                self.findings.warning("broken-link",
                                      f'link "{href}" points to no page of this manual; it prints as '
                                      "plain text", page.path, line, lang=self.lang)
                a.attrib.pop("href", None)
                add_class(a, "unresolved")
                continue
            anchor = target.anchor
            if fragment:
                if fragment in self.ids.get(target, set()) or target is page and fragment in self.ids.get(page, set()):
                    anchor = f"{target.anchor}--{fragment}"
                elif target.anchor != fragment:
                    self.findings.warning("missing-anchor",
                                          f'link "{href}": no heading or anchor "{fragment}" on the '
                                          "target page; it points to the page instead",
                                          page.path, line, lang=self.lang)
            a.set("href", "#" + anchor)
            add_class(a, "internal")
            a.set("data-see", see)

    # Headings -----------------------------------------------------------------------------

    def title_level(self, page: Page) -> int:
        return max(1, min(6, page.depth))

    def _headings(self, page: Page, root: ET.Element) -> None:
        shift = self.title_level(page) - 1
        if page.kind == "home":
            shift = 0
        for el in root.iter():
            if isinstance(el.tag, str) and re.fullmatch(r"h[1-6]", el.tag):
                level = int(el.tag[1])
                new = min(6, max(level + shift, self.title_level(page) + 1))
                el.tag = f"h{new}"

    def _tables(self, root: ET.Element) -> None:
        for table in list(root.iter("table")):
            add_class(table, "content-table")
            _promote_header_row(table)
            widths = _column_widths(table)
            if widths:
                colgroup = ET.Element("colgroup")
                for width in widths:
                    ET.SubElement(colgroup, "col", {"style": f"width: {width:.2f}%"})
                at = 1 if len(table) and table[0].tag == "caption" else 0
                table.insert(at, colgroup)
                add_class(table, "sized")

    # The document -------------------------------------------------------------------------

    def document(self, home: Page, meta: dict, stylesheets: list[str]) -> str:
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(d))
                                            for d in self.settings.template_dirs if d.is_dir()]
        loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
        env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                 trim_blocks=True, lstrip_blocks=True)
        roots = [(page, self.parse(page)) for page in home.walk()]
        bodies = {page.anchor: Markup(self.reshape(page, root)) for page, root in roots}
        template = env.get_template("manual.html")
        return template.render(
            home=home,
            chapters=home.children,
            bodies=bodies,
            toc=self.toc(home),
            labels=self.labels,
            meta=meta,
            stylesheets=stylesheets,
            settings=self.settings,
            lang=self.lang,
            title_level=self.title_level,
        )


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
    sentence = re.split(r"(?<=[.!?:])\s", words)[0]
    if len(sentence) > 160:
        sentence = sentence[:157].rsplit(" ", 1)[0] + "…"
    return sentence


def _same_address(text: str, href: str) -> bool:
    def norm(url: str) -> str:
        url = re.sub(r"^[a-z]+://", "", url.strip().lower())
        return url.removeprefix("www.").rstrip("/")
    return bool(text.strip()) and norm(text) == norm(href)


def _rows(table: ET.Element) -> list[ET.Element]:
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
    if len(_rows(table)) < 2:
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
_CELL_PADDING_CHARS = 3
_MIN_COLUMN_CHARS = 6  # the 3em min-width of a cell
_BREAKABLE_WORD_CHARS = 18  # td text may break anywhere; longer words do not widen a column
_CHARS_PER_PX = 1 / 6


def _cell_extent(cell: ET.Element) -> tuple[float, float]:
    """(narrowest, widest) width a cell wants, in characters."""
    text = " ".join("".join(cell.itertext()).split())
    words = text.split(" ") if text else []
    longest = max((len(w) for w in words), default=0)
    if cell.tag == "td":
        longest = min(longest, _BREAKABLE_WORD_CHARS)
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


def _column_widths(table: ET.Element) -> list[float] | None:
    """Column widths in per cent that approximate CSS's automatic table layout, or None
    where the table sets its own widths or has no regular grid to measure."""
    if table.find("colgroup") is not None or table.find("col") is not None:
        return None
    rows = _rows(table)
    narrow: list[float] = []
    wide: list[float] = []
    percent: list[float | None] = []  # widths the page gives in per cent
    for row in rows:
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
        return [p * 100 / given for p in percent]
    widths = _share([narrow[i] for i in free], [wide[i] for i in free],
                    _TEXT_WIDTH_CHARS * (100 - given) / 100)
    total = sum(widths)
    out = list(percent)
    for i, w in zip(free, widths, strict=True):
        out[i] = (100 - given) * w / total
    return out


def _share(narrow: list[float], wide: list[float], room: float) -> list[float]:
    """CSS 2.1's automatic layout in short: every column gets at least its narrowest width,
    and the room left goes to the columns in proportion to how much wider they want to be."""
    if sum(wide) <= room:
        return wide
    if sum(narrow) >= room:
        return narrow
    spare = room - sum(narrow)
    stretch = sum(h - lo for lo, h in zip(narrow, wide, strict=True)) or 1.0
    return [lo + spare * (h - lo) / stretch for lo, h in zip(narrow, wide, strict=True)]


_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")


def _given_width(cell: ET.Element) -> float | str | None:
    """A cell's own width in per cent, None when it has none, "other" for any other unit."""
    style = re.search(r"(?:^|;)\s*width\s*:\s*([^;]+)", cell.get("style") or "")
    value = style.group(1) if style else cell.get("width")
    if value is None:
        return None
    m = _PERCENT.match(value)
    return float(m.group(1)) if m else "other"


def _normpath(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def _ancestors(el: ET.Element, parents: dict):
    while el in parents:
        el = parents[el]
        yield el


def _aspect(img: ET.Element) -> float:
    try:
        return float(img.get("data-aspect") or 0)
    except ValueError:
        return 0.0


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


_source_cache: dict[Path, list[str]] = {}


def _line_in_source(page: Page, needle: str) -> int | None:
    """The first line of the page's source that mentions ``needle`` (for messages)."""
    if not needle:
        return None
    lines = _source_cache.get(page.path)
    if lines is None:
        try:
            lines = page.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        _source_cache[page.path] = lines
    for number, line in enumerate(lines, 1):
        if number >= page.body_line and needle in line:
            return number
    return None
