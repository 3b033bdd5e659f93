"""Ordered pages → one HTML document for print: cover, contents, numbered chapters.

Each page's HTML (as Hugo renders it) is reshaped for paper here, in one place:

- step blocks (``two_column``, inline ``display: flex`` or ``grid``, ``layouts/row``) become
  ``div.step > div.step-text + div.step-media`` that the print CSS keeps whole; a step
  estimated taller than a page is cut between blocks (``div.step-more`` takes the rest);
- spacer paragraphs (``&nbsp;``), comments and empty blocks go;
- images resolve to the site's files (static folders, base path, page bundles, assets), a
  missing one becomes a framed placeholder and a finding; placeholder alt texts are replaced
  by the step's own words;
- links inside the site become links inside the PDF; ids are made unique per page;
- headings move down under their page's title, so the outline has no gaps;
- what paper cannot fold or play is printed whole: every ``<details>`` open, every
  ``<video>`` a framed note with its title, caption, address and poster.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit

import jinja2
import tinyhtml5
from markupsafe import Markup

from .config import BUILTIN_TEMPLATES, Settings
from .content import CONTENT_SUFFIXES, Page
from .convert import hugo_anchor
from .errors import Findings, _show
from .headings import close_gaps
from .images import PrintGeometry
from .pdf import Roots
from .shortcodes import template_frame

PLACEHOLDER_ALTS = {"", "no description available", "image", "screenshot", "img", "bild", "capture"}
_OWN_NUMBER = re.compile(r"^\s*\d+(\.\d+)*[.)]?\s+\S")
_FLEX = re.compile(r"display\s*:\s*(inline-)?flex", re.IGNORECASE)
_FLEX_COLUMN = re.compile(r"flex-(?:direction|flow)\s*:\s*column", re.IGNORECASE)
_GRID = re.compile(r"display\s*:\s*(inline-)?grid", re.IGNORECASE)
_NBSP_ONLY = re.compile(r"^[\s\u00a0\u200b]*$")
# An image this high (and at most four times as wide) inside a sentence is an icon or a
# button, printed in the line.
_ICON_PX = 64
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


@dataclasses.dataclass
class TocEntry:
    anchor: str
    number: str
    title: str
    level: int
    children: list[TocEntry] = dataclasses.field(default_factory=list)


# --- HTML helpers --------------------------------------------------------------------------


def split_url(url: str) -> SplitResult:
    """``urlsplit`` for any text a page may hold: a malformed address (``http://[oops``)
    keeps its scheme and host instead of raising ValueError."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(url.replace("[", "%5B").replace("]", "%5D"))


def parse_fragment(html: str) -> ET.Element:
    """A page's HTML as children of a ``body`` element.

    The body itself is the container (not a wrapper ``div``): a stray ``</div>`` or
    ``</body>`` in a page would close a wrapper, and the HTML parser would put the rest of the
    page after it, where nobody looks.
    """
    root = tinyhtml5.parse(f"<!DOCTYPE html><html><body>{html}</body></html>",
                           namespace_html_elements=False)
    body = root.find("body")
    assert body is not None
    _plain_names(body)
    return body


_NS_PREFIXES = {"http://www.w3.org/1999/xlink": "xlink:", "http://www.w3.org/XML/1998/namespace":
                "xml:", "http://www.w3.org/2000/xmlns/": "xmlns:"}


def _plain_names(root: ET.Element) -> None:
    """Inline SVG and MathML with their names as written.

    The parser puts them in their namespaces, which ElementTree writes as ``<ns0:svg>``: an
    unknown element to WeasyPrint, so the drawing would be lost.  Written as ``<svg>``, the
    HTML parser on WeasyPrint's side puts it back in its namespace.
    """
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = el.tag.split("}", 1)[1]
        for key in [k for k in el.attrib if k.startswith("{")]:
            namespace, local = key[1:].split("}", 1)
            el.attrib[_NS_PREFIXES.get(namespace, "") + local] = el.attrib.pop(key)


_CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""")

# Elements inside elements: WeasyPrint's layout recurses several calls per level and fails
# at about 150 levels (ElementTree's writer near 1000); real pages stay under 20.
MAX_NESTING = 80


def nesting_depth(root: ET.Element) -> int:
    """How many levels of elements ``root`` holds (without recursion: it may be thousands)."""
    deepest, stack = 0, [(root, 0)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in el)
    return deepest


# Elements whose content HTML reads as text up to their closing tag, whatever it holds.
_RAW_TEXT_OPENING = re.compile(r"<(title|textarea|script|style|iframe|xmp|noembed|noframes|noscript"
                               r"|plaintext)\b[^>]*>", re.IGNORECASE)
_RAW_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^<>]*?(/?)>")
# Tags that need no closing tag (void, or closed by the next one): they do not nest.
_NOT_NESTING = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody",
                "tfoot", "colgroup"}


def _line_nested_too_deep(page: Page) -> int:
    """The line of the page's source where its own HTML tags open more than MAX_NESTING
    levels (an estimate from the tags as written), else the first line of its body."""
    depth = 0
    for number, text in enumerate(page.body.split("\n"), page.body_line):
        for tag in _RAW_TAG.finditer(text):
            if tag.group(3) or tag.group(2).lower() in _NOT_NESTING:
                continue
            depth = max(0, depth - 1) if tag.group(1) else depth + 1
            if depth > MAX_NESTING:
                return number
    return page.body_line


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
        self.geometry = _Geometry.from_settings(settings)

    # Anchors and numbers ------------------------------------------------------------------

    def prepare(self, home: Page) -> None:
        """Give every page its anchor and chapter number, and index pages for links."""
        used: set[str] = set()
        _source_cache.clear()  # the pages may have changed since the last build (--watch)
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
            for alias in page.aliases:  # a link may still use an old address of the page
                self.by_url.setdefault(alias.lower(), page)
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
        self._unclosed_comment(page)
        self._unclosed_raw_text(page)
        root = parse_fragment(page.html)
        depth = nesting_depth(root)
        if depth > MAX_NESTING:
            self.findings.error("page-failed", f"this page's HTML is nested {depth} levels deep; "
                                f"a PDF can be laid out to about {MAX_NESTING}: close its "
                                "<div>s, lists or quotes sooner", page.path,
                                _line_nested_too_deep(page), lang=self.lang)
            root = parse_fragment("")
        self._drop_noise(root)
        self._drop_styles(page, root)
        for details in root.iter("details"):  # paper cannot fold: what it hides is printed
            details.set("open", "")
            details.attrib.pop("hidden", None)
        self._ids(page, root)
        return root

    def reshape(self, page: Page, root: ET.Element) -> str:
        """The page's HTML, made ready for paper (see the module docstring)."""
        self._videos(page, root)
        self._images(page, root)
        self._other_resources(page, root)
        self._steps(page, root)
        self._standalone_figures(root, page.title)
        _keep_text_with_screenshots(root)
        self._links(page, root)
        self._headings(page, root)
        self._tables(root)
        self._drop_empty(root)
        keep_names_whole(root)
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

    def _unclosed_comment(self, page: Page) -> None:
        """An ``<!--`` without its ``-->`` hides the rest of the page, on the web as on paper."""
        html, pos = page.html, 0
        while (start := html.find("<!--", pos)) >= 0:
            end = html.find("-->", start + 4)
            if end < 0:
                words = html[start:start + 40].split("\n")[0].strip()
                line = _line_in_source(page, words) or _line_in_source(page, "<!--")
                self.findings.warning("unclosed-comment", f'the HTML comment "{words}" is never '
                                      "closed: the rest of the page is hidden (as on the web); "
                                      "end it with -->", page.path, line, lang=self.lang)
                return
            pos = end + 3

    def _unclosed_raw_text(self, page: Page) -> None:
        """A ``<title>``, ``<textarea>``, ``<script>``, ``<iframe>`` … holds text, not HTML, up
        to its closing tag: without one the rest of the page becomes its hidden text."""
        for tag in _RAW_TEXT_OPENING.finditer(page.html):
            name = tag.group(1).lower()
            closing = re.compile(rf"</{name}\s*>", re.IGNORECASE)
            if name == "plaintext" or not closing.search(page.html, tag.end()):
                self.findings.warning("unclosed-tag", f"<{name}> is never closed: the rest of the "
                                      "page is read as its text and hidden (as on the web); close "
                                      f"it with </{name}>", page.path,
                                      _line_in_source(page, tag.group(0)[:40])
                                      or _line_in_source(page, f"<{tag.group(1)}"), lang=self.lang)
                return

    def _drop_styles(self, page: Page, root: ET.Element) -> None:
        """A page's own ``<style>`` (or stylesheet link) would style the whole manual, not just
        its page as on the web; ``body { display: none }`` would leave every page blank."""
        parents = parent_map(root)
        for el in list(root.iter()):
            is_sheet = el.tag == "link" and "stylesheet" in (el.get("rel") or "").lower().split()
            if el.tag != "style" and not is_sheet:
                continue
            self.findings.warning("page-style", f"a <{el.tag}> in a page would style the whole "
                                  "manual; it is left out: put print styles in a stylesheet of "
                                  "[print] stylesheets", page.path,
                                  _line_in_source(page, f"<{el.tag}"), lang=self.lang)
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
        for candidate in self._image_candidates(page, src):
            try:
                if candidate.is_file():
                    return candidate
            except OSError:  # a folder on the way that may not be read: see _access_denied
                continue
        return None

    def _image_candidates(self, page: Page, src: str) -> list[Path]:
        """Where Hugo would look for an image: static folders, assets, the page bundle."""
        src = src.strip()
        parts = split_url(src)
        if parts.scheme or parts.netloc:
            return []
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
        return candidates

    def _images(self, page: Page, root: ET.Element) -> None:
        parents = parent_map(root)
        # Images come in source order: the next one with the same text is further down.
        seen: dict[str, int] = {}

        def find(needle: str, after: int = 0) -> int | None:
            found = _line_in_source(page, needle, max(seen.get(needle, 0), after) + 1)
            if found:
                seen[needle] = found
            return found

        line = None
        for img in list(root.iter("img")):
            src = img.get("src") or ""
            parts = split_url(src.strip())
            name = Path(unquote(parts.path)).name
            line = ((page.output_lines.get(src) if src else None) or find(src.strip()) or find(name)
                    or find("<img", line or 0) or page.output_lines.get(src.strip()))
            if not src.strip() or src.strip().endswith("/"):
                self.findings.warning("missing-image", f'image without a file name (src "{src}"); '
                                      "the PDF shows a placeholder", page.path, line, lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            # Any address (http:, //host/, data:, javascript: …) but a drive letter (C:/…).
            if len(parts.scheme) > 1 or parts.netloc:
                self.findings.error("remote-image",
                                    f'image "{src[:80]}" is not a file of the site; a manual is built '
                                    "from local files only: copy it into static/", page.path, line,
                                    lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            found = self.resolve_image(page, src)
            if found is not None and (refused := _refusal(found)):  # there, but refused to us
                self.findings.error("image-unreadable", f'image "{found.name}": cannot read the '
                                    f"file ({refused.strerror or refused})", page.path, line,
                                    lang=self.lang)
                self._placeholder(img, parents, src)
                continue
            closed = None if found else next((c for c in self._image_candidates(page, src)
                                              if isinstance(_refusal(c), PermissionError)), None)
            if closed is not None:  # there, perhaps, but a folder on the way is closed to us
                self.findings.error("image-unreadable", f'image "{src}" cannot be read: '
                                    f"permission denied ({_show(closed)}); allow reading it",
                                    page.path, line, lang=self.lang)
                self._placeholder(img, parents, src)
                continue
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

    # Videos -------------------------------------------------------------------------------

    def _videos(self, page: Page, root: ET.Element) -> None:
        """Paper cannot play a video: each ``<video>`` (raw, or a theme's video shortcode)
        and each ``<audio>`` becomes a framed note, as youtube and vimeo print: the label "Video", its title
        linking to the address to watch it at, its caption, and its poster when that is a
        file of the site.  The fallback text inside ("your browser does not support…") goes.
        """
        parents = parent_map(root)
        for video in [el for el in root.iter() if el.tag in ("video", "audio")]:
            parent = parents.get(video)
            if parent is None:
                continue
            kind_label = self.labels[video.tag]  # "Video", or "Audio" for a recording
            src = (video.get("src") or next((source.get("src") for source in video.iter("source")
                                             if source.get("src")), None) or "").strip()
            title = " ".join((video.get("title") or video.get("aria-label") or "").split())
            note = ET.Element("div", {"class": f"media-note {video.tag}-note"})
            what = title or Path(unquote(split_url(src).path)).name
            poster = self._poster(page, (video.get("poster") or "").strip(),
                                  f"{kind_label}: {what}" if what else kind_label)
            if poster is not None:
                note.append(poster)
            line = ET.SubElement(note, "p", {"class": "media-link"})
            kind = ET.SubElement(line, "span", {"class": "media-kind mg-label"})
            kind.text = kind_label
            kind.tail = " "
            address = self._site_address(page, src) if src else ""
            if split_url(address).scheme in ("http", "https"):
                link = ET.SubElement(line, "a", {"href": address, "class": "external media-address"})
                link.text = title or address
                if not title:
                    add_class(link, "bare")
            else:  # no host to name (a site without baseURL): the path, as text
                if title:
                    kind.tail = f" {title} "
                if address:
                    ET.SubElement(line, "span", {"class": "media-address"}).text = (
                        f"({address})" if title else address)
            # A figure that only frames the video (and its caption) becomes the note itself;
            # so does a paragraph around it (Markdown wraps a one-line <video …></video>).
            captions = [c for c in parent if c.tag == "figcaption"]
            alone = all(c is video or c.tag == "figcaption" for c in parent) and not (
                (parent.text or "").strip() or any((c.tail or "").strip() for c in parent))
            if parent.tag in ("figure", "p") and alone and parent is not root:
                for caption in captions:
                    caption.tag = "p"
                    caption.attrib = {"class": "media-caption"}
                    caption.tail = None
                    note.append(caption)
                note.tail = parent.tail
                outer = parents[parent]
                index = list(outer).index(parent)
                outer.remove(parent)
                outer.insert(index, note)
            else:
                note.tail = video.tail
                index = list(parent).index(video)
                parent.remove(video)
                parent.insert(index, note)

    def _site_address(self, page: Page, src: str) -> str:
        """The web address of a file a page names: as written when it has a host; else the
        page's own file (relative) or the site's (leading "/"), on the site's host."""
        parts = split_url(src)
        if parts.scheme or parts.netloc:  # data:, blob:, javascript: … name nothing to visit
            return ("https:" + src) if src.startswith("//") else (
                src if parts.scheme.lower() in ("http", "https") else "")
        path = src if src.startswith("/") else urljoin(page.url or "/", src)
        return self._host() + path

    def _host(self) -> str:
        """``scheme://host`` of the site's baseURL, or "" when it names no host."""
        site = split_url(self.settings.base_url)
        return f"{site.scheme}://{site.netloc}" if site.scheme and site.netloc else ""

    def _poster(self, page: Page, src: str, alt: str) -> ET.Element | None:
        """The poster image of a video, or None: only a file of the site is printed (the
        images pass resolves it); a missing one is reported, an address is left out."""
        parts = split_url(src)
        if not src or parts.scheme or parts.netloc:
            return None
        if self.resolve_image(page, src) is None:
            self.findings.warning("missing-image", f'video poster "{src}" not found in the static '
                                  "folders, the page bundle or assets; the video is printed "
                                  "without it", page.path, page.output_lines.get(src)
                                  or _line_in_source(page, src), lang=self.lang)
            return None
        figure = ET.Element("figure", {"class": "video-poster"})
        ET.SubElement(figure, "img", {"src": src, "alt": alt})
        return figure

    def _other_resources(self, page: Page, root: ET.Element) -> None:
        """``<object data>``, ``<embed src>`` and ``url()`` in style attributes name the site's
        files as ``<img>`` does: point them at the files, or leave out what is not there
        (WeasyPrint would refuse the address and stop the build)."""
        parents = parent_map(root)
        for el in list(root.iter()):
            attr = {"object": "data", "embed": "src"}.get(el.tag if isinstance(el.tag, str) else "")
            if attr and el.get(attr):
                url = self._resource_url(page, el.get(attr) or "", f"<{el.tag}>")
                if url:
                    el.set(attr, url)
                elif el.tag == "object":
                    del el.attrib[attr]  # its own content is printed instead
                else:
                    remove(el, parents)
            style = el.get("style") or ""
            if "url(" in style:
                el.set("style", _CSS_URL.sub(lambda m: (
                    f'url("{url}")' if (url := self._resource_url(page, m.group(2), "url() in a style"))
                    else "none"), style))

    def _resource_url(self, page: Page, src: str, what: str) -> str | None:
        """The virtual URL of a file a page names, or None with a finding."""
        line = _line_in_source(page, src)
        parts = split_url(src.strip())
        found = None if (len(parts.scheme) > 1 or parts.netloc) else self.resolve_image(page, src)
        url = self.roots.url_for(found) if found else None
        if url:
            self.images.append(found)  # for the document key and the attribution of messages
        if found and url is None:
            self.findings.error("refused-resource", f'{what}: "{src}" resolves outside the site '
                                f"({found}); refused", page.path, line, lang=self.lang)
        elif url is None:
            self.findings.warning("missing-image", f'{what}: "{src[:80]}" is not a file of the '
                                  "site; it is left out", page.path, line, lang=self.lang)
        return url

    def _placeholder(self, img: ET.Element, parents: dict, src: str) -> None:
        name = Path(unquote(split_url(src).path)).name or src
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
        style = el.get("style") or ""
        if el.tag == "div" and len(kids) >= 2:
            if _FLEX.search(style) and not _FLEX_COLUMN.search(style):
                return kids  # a flex column stacks its children: text over picture, as written
            if _GRID.search(style) and len(_grid_tracks(style)) >= 2:
                return kids
        return None

    def _steps(self, page: Page, root: ET.Element) -> None:
        # Innermost first, so a flex block inside a column is handled before its parent.
        candidates = [el for el in root.iter() if el.tag == "div" and self._columns_of(el)]
        parents = parent_map(root)  # a block's parent stays its parent while inner ones change
        for el in reversed(candidates):
            columns = self._columns_of(el)
            if not columns:
                continue
            self._make_step(el, columns, parents.get(el))
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

    def _make_step(self, el: ET.Element, columns: list[ET.Element],
                   parent: ET.Element | None = None) -> None:
        empty = [c for c in columns if not text_of(c).replace("\u00a0", " ").strip() and not any(
            e.tag == "img" or "missing-image" in classes(e) for e in c.iter())]
        for col in empty:
            el.remove(col)
        columns = [c for c in columns if c not in empty]
        if len(columns) < 2:  # one column left: no columns at all, its content flows
            el.attrib.clear()
            return
        media = [c for c in columns if _is_image_only(c)]
        texts = [c for c in columns if c not in media]
        style = el.attrib.pop("style", "")
        if len(columns) == 2 and len(media) == 1 and len(texts) == 1:
            text, image = texts[0], media[0]
            self._keep_outside(el, columns, parent)
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
            wide = any(_aspect(img) >= 3.2 for img in image.iter("img")) or any(
                _table_columns(t) >= 4 for t in text.iter("table"))
            if wide:
                add_class(el, "step-wide")
            _mark_stack(image)
            self._alt_from_text(image, text)
            self._fit_step(el, text, image, parent, wide)
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
                self._alt_from_text(col, texts[0])
        if pictures and self._columns_fit(columns, widths):
            add_class(el, "columns-media")

    def _keep_outside(self, el: ET.Element, columns: list[ET.Element],
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

    def _fit_step(self, step: ET.Element, text: ET.Element, media: ET.Element,
                  parent: ET.Element | None, wide: bool) -> None:
        geo = self.geometry
        if wide:
            height = (_height_mm(text, geo.text_width, geo.font_pt)
                      + _media_height_mm(media, geo.text_width, geo.step_max_height))
            if height > geo.fits:
                add_class(step, "step-long")  # text first, picture at its end: may break
            return
        text_h = _height_mm(text, geo.step_text_width, geo.font_pt)
        media_h = _media_height_mm(media, geo.step_media_width, geo.step_max_height)
        if max(text_h, media_h) <= geo.fits:
            return
        holder = text  # the blocks may sit in one wrapper <div>
        while len(holder) == 1 and holder[0].tag in ("div", "section", "article") and not (
                holder.text or "").strip() and not (holder[0].tail or "").strip():
            holder = holder[0]
        blocks = list(holder)
        loose = (holder.text or "").strip() or any((b.tail or "").strip() for b in blocks)
        head, rest = ([], []) if loose or parent is None else _split_blocks(
            blocks, media_h, geo.page_height * 0.7, geo.step_text_width, geo.font_pt)
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

    def _columns_fit(self, columns: list[ET.Element], widths: list[float | None]) -> bool:
        geo = self.geometry
        given = sum(w for w in widths if w)
        share = max(10.0, (100 - given) / max(1, widths.count(None)))
        tallest = 0.0
        for col, width in zip(columns, widths):
            mm = geo.text_width * (width or share) / 100 - 5
            if any(e.tag == "img" for e in col.iter()) and _is_image_only(col):
                tallest = max(tallest, _media_height_mm(col, mm, geo.step_max_height))
            else:
                tallest = max(tallest, _height_mm(col, mm, geo.font_pt))
        return tallest <= geo.fits

    def _alt_from_text(self, media: ET.Element, text: ET.Element) -> None:
        sentence = _first_sentence(" ".join(text_of(text).split()))
        if not sentence:
            return
        for img in media.iter("img"):
            if (img.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
                img.set("alt", sentence)

    def _standalone_figures(self, root: ET.Element, title: str = "") -> None:
        """An image alone in its paragraph (or at block level) becomes a figure; an icon
        inside a sentence stays in the line."""
        parents = parent_map(root)
        for img in root.iter("img"):
            if _is_icon(img, parents):
                add_class(img, "inline-image")
        for img in list(root.iter("img")):
            parent = parents.get(img)
            if parent is None or "inline-image" in classes(img):
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
        # the sentence that introduces the screenshot, else the page title); the file name is
        # the last resort.
        last = title  # an image that opens the page shows what the page is about
        for el in root.iter():
            if el.tag == "img":
                if (el.get("alt") or "").strip().lower() in PLACEHOLDER_ALTS:
                    sentence = _first_sentence(last)
                    el.set("alt", f"{self.labels['figure']}: {sentence}" if sentence
                           else self._context_alt(el))
            elif el.tag in _TEXT_BLOCKS and "mg-label" not in classes(el):  # not "Answer"
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
        parts = split_url(target)
        fragment = unquote(parts.fragment)
        path = unquote(parts.path)
        if not path:
            return page, fragment
        if Path(path).suffix.lower() in (".md", ".markdown", ".mdown"):  # the page's file
            base = Path(page.rel).parent
            candidate = (base / path).as_posix() if not path.startswith("/") else path.lstrip("/")
            candidate = _normpath(candidate)
            found = self.by_rel.get(candidate.lower()) or self.by_rel.get(
                re.sub(r"\.\w+$", "", candidate).lower())
            return found, fragment
        absolute = urljoin(page.url, path) if not path.startswith("/") else path
        base = self.settings.base_path
        rel = absolute[len(base):] if absolute.startswith(base) else absolute.lstrip("/")
        # As written, then below the baseURL, then below the language's prefix; each with and
        # without a final "/" (a page's url may name a file: "x.html").
        for candidate in (absolute, base + rel, f"{base}{self.lang}/{rel}"):
            for key in (candidate, candidate.rstrip("/") + "/"):
                found = self.by_url.get(key.lower())
                if found is not None:
                    return found, fragment
        return None, fragment

    def other_language(self, href: str, page: Page) -> tuple[str, str] | None:
        """(language name, web address) when a link goes below another language's prefix
        (``/docs/de/…`` from a French page): a page of the German site, which the French
        manual does not hold. The address is "" when the baseURL names no host."""
        path = unquote(split_url(href).path)
        if not path.startswith("/"):
            return None
        from .translations import language_name

        base = self.settings.base_path
        rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
        prefix = rel.split("/", 1)[0].lower()
        code = next((c for c in self.settings.languages if c != self.lang and c.lower() == prefix),
                    None)
        if code is None:
            return None
        fragment = split_url(href).fragment
        host = self._host()
        return language_name(code), (
            host + base + rel + (f"#{fragment}" if fragment else "") if host else "")

    def site_file_address(self, page: Page, href: str) -> str | None:
        """The web address of a file of the site that a link names: a download in a static
        folder (published below the baseURL), or a file of a page bundle (published beside its
        page).  None when the site has no such file; "" when it has, but the baseURL names no
        host to print."""
        path = unquote(split_url(href).path)
        if not path or path.endswith("/"):
            return None
        absolute = posixpath.normpath(path if path.startswith("/") else urljoin(page.url, path))
        base = self.settings.base_path
        rel = absolute[len(base):] if absolute.startswith(base) else absolute.lstrip("/")
        if any(_file_inside(folder, rel) for folder in self.settings.static_dirs):
            address = base + rel
        else:  # the nearest page above the address owns it, if it is a bundle holding the file
            address, owner_url, name = "", absolute, ""
            while "/" in owner_url:
                owner_url, _, last = owner_url.rpartition("/")
                name = f"{last}/{name}" if name else last
                owner = self.by_url.get(owner_url.lower() + "/")
                if owner is not None:  # Hugo does not publish a bundle's content files
                    if (owner.path.stem in ("index", "_index") and _file_inside(owner.bundle_dir, name)
                            and Path(name).suffix.lower() not in CONTENT_SUFFIXES):
                        address = absolute
                    break
            if not address:
                return None
        host = self._host()
        return host + quote(address) if host else ""

    def _links(self, page: Page, root: ET.Element) -> None:
        see = self.labels["see_page"]
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            for attr in ("target", "rel"):
                a.attrib.pop(attr, None)
            if not href or "media-address" in classes(a):  # a video's address: as written
                continue
            scheme = split_url(href).scheme.lower()
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
            elif scheme in ("javascript", "vbscript", "data", "file"):
                # Script, inline data or a file of the writer's machine: nothing a reader of
                # the PDF could open.
                self.findings.warning("broken-link", f'link "{href[:80]}" cannot work in a PDF; it '
                                      "prints as plain text", page.path,
                                      page.output_lines.get(href) or _line_in_source(page, href[:80]),
                                      lang=self.lang)
                a.attrib.pop("href", None)
                add_class(a, "unresolved")
                continue
            elif scheme:
                add_class(a, "external")
                continue
            target, fragment = self.page_for(href, page)
            line = page.output_lines.get(href) or _line_in_source(page, href.split("#")[0] or href)
            address = self.site_file_address(page, href) if target is None else None
            if address is not None:  # a download (a form, a spreadsheet): its web address
                _link_to_web(a, address)
                continue
            other = self.other_language(href, page) if target is None else None
            if other is not None:  # the web page in another language: its address, with a word
                other_lang, web = other
                self.findings.warning(
                    "other-language-link", f'link "{href}" points to the {other_lang} site, not to '
                    f"this manual; it prints as its web address" + (f" {web}" if web else ""),
                    page.path, line, lang=self.lang)
                _link_to_web(a, web)
                continue
            if target is None:
                self.findings.warning("broken-link",
                                      f'link "{href}" points to no page of this manual and no file of '
                                      "the site; it prints as plain text", page.path, line, lang=self.lang)
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
            if {"footnote-ref", "footnote-backref"} & set(classes(a)):
                continue  # the note's number is its reference: no "(see page N)" after it
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
        close_gaps(root, self.title_level(page))  # h-pdfua: the lead adds the warnings

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
        try:
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
        except Exception as exc:  # noqa: BLE001 - the site's own manual.html or page.html
            file, line = template_frame(exc)
            if isinstance(exc, jinja2.TemplateSyntaxError):
                file, line = exc.filename, exc.lineno
            self.findings.error("template", f"the document template failed: {type(exc).__name__}: "
                                f"{exc}", file, line, lang=self.lang)
            return ""


# --- names are not hyphenated --------------------------------------------------------------

# A word (letters, digits, underscores) with a capital after its first character and a small
# letter somewhere: SpiGes, eIAM, JavaScript, PDFs, the role KT_Superuser; not BFS, CH-LOGIN
# or the parts of BFS-Nummer.
_WORD = re.compile(r"\w{4,}")
# What a name is kept with: the text up to the spaces or hard hyphens around it, where a
# line may break anyway ("(SpiGes).", but "SpiGes" alone in "SpiGes-Plattform").
_SEGMENT = re.compile(r"[^\s\-]+")
_NO_NAMES_INSIDE = {"pre", "code", "kbd", "samp", "script", "style", "svg", "math", "textarea"}
NAME_CLASS = "mg-name"


def is_name(word: str) -> bool:
    """A word with an inner capital: a product or brand name, never hyphenated."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def keep_names_whole(root: ET.Element) -> None:
    """Put each name with an inner capital (``is_name``) in a ``span.mg-name``.

    ``hyphens: auto`` splits "SpiGes" into "Spi-Ges", which reads as two words; the print
    CSS sets ``hyphens: manual`` on the span, so the name moves to the next line whole while
    the words around it, and the other parts of a compound ("SpiGes-Benutzerverwaltung"),
    are still hyphenated.  The span takes the punctuation stuck to the name: WeasyPrint
    cannot break a span (even with ``overflow-wrap: anywhere``, in a narrow table column)
    that follows text with no break between them, as in "(SpiGes)".  Code, drawings and
    formulas are left alone.
    """
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _NO_NAMES_INSIDE:
            continue
        children = list(el)
        stack.extend(children)
        if el.text and _WORD.search(el.text):
            el.text, spans = _split_names(el.text)
            for i, span in enumerate(spans):
                el.insert(i, span)
        for child in children:
            if child.tail and _WORD.search(child.tail):
                child.tail, spans = _split_names(child.tail)
                at = list(el).index(child) + 1
                for i, span in enumerate(spans):
                    el.insert(at + i, span)


def _split_names(text: str) -> tuple[str, list[ET.Element]]:
    """The text before the first name, and a span per name whose tail is the text after."""
    spans: list[ET.Element] = []
    head, pos = None, 0
    for m in _SEGMENT.finditer(text):
        if not any(is_name(word) for word in _WORD.findall(m.group(0))):
            continue
        if spans:
            spans[-1].tail = text[pos:m.start()]
        else:
            head = text[:m.start()]
        span = ET.Element("span", {"class": NAME_CLASS})
        span.text = m.group(0)
        spans.append(span)
        pos = m.end()
    if not spans:
        return text, []
    spans[-1].tail = text[pos:]
    return head or "", spans


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
        out = [p * 100 / given for p in percent]
    else:
        widths = _share([narrow[i] for i in free], [wide[i] for i in free],
                        _TEXT_WIDTH_CHARS * (100 - given) / 100)
        total = sum(widths)
        out = list(percent)
        for i, w in zip(free, widths, strict=True):
            out[i] = (100 - given) * w / total
    return _at_least_narrowest(out, [n * 100 / _TEXT_WIDTH_CHARS for n in narrow])


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


def _file_inside(folder: Path, rel: str) -> bool:
    """Whether ``folder/rel`` is a file that really lies inside ``folder`` (links followed)."""
    try:
        candidate = (folder / rel).resolve()
        return candidate.is_file() and candidate.is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


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


def _refusal(path: Path) -> OSError | None:
    """Why the system will not let the file be read (chmod 000 on it, or on a folder on its
    way), or None: it can be read, or it is simply not there."""
    try:
        path.stat()
        with open(path, "rb"):
            return None
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return exc


def _link_to_web(a: ET.Element, address: str) -> None:
    """A link that leaves the manual for the web site: printed with its address, or as
    plain text when the baseURL names no host ("" here)."""
    if address:
        a.set("href", address)
        add_class(a, "external")
        if _same_address(text_of(a), address):
            add_class(a, "bare")
    else:
        a.attrib.pop("href", None)


def _keep_text_with_screenshots(root: ET.Element) -> None:
    """A list item that shows a screenshot is kept on one page, text and picture ("1. Click
    Upload." with the dialog under it): ``li.item-with-media``. A paragraph that introduces
    a screenshot figure stays with it: ``p.intro-to-figure``. Icons in a line do not count."""
    for li in root.iter("li"):
        if any("inline-image" not in classes(img) for img in li.iter("img")):
            add_class(li, "item-with-media")
    for parent in root.iter():
        children = list(parent)
        for before, el in itertools.pairwise(children):
            if (before.tag == "p" and el.tag == "figure" and "screenshot-figure" in classes(el)
                    and not (before.tail or "").strip()):
                add_class(before, "intro-to-figure")


def _is_icon(img: ET.Element, parents: dict) -> bool:
    """A small picture with words on its line: printed in the line, at text height."""
    width, height = img.get("width") or "", img.get("height") or ""
    return (height.isdigit() and int(height) <= _ICON_PX and width.isdigit()
            and int(width) <= 4 * _ICON_PX and _in_running_text(img, parents))


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
    if _is_image_only(col) and all(0 < _aspect(p) <= _PORTRAIT for p in pictures):
        add_class(col, "stack-row")
        for child in list(col):
            col.remove(child)
        col.text = None
        for picture in pictures:
            picture.tail = None
            col.append(picture)


def _table_columns(table: ET.Element) -> int:
    return max((sum(1 for c in row if c.tag in ("td", "th")) for row in _rows(table)), default=0)


def _grid_tracks(style: str) -> list[str]:
    """The column tracks of an inline grid-template-columns, repeat() expanded."""
    m = re.search(r"grid-template-columns\s*:\s*([^;]+)", style, re.IGNORECASE)
    if not m:
        return []
    tokens, depth, current = [], 0, ""
    for char in m.group(1).strip() + " ":
        depth += (char == "(") - (char == ")")
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    tracks: list[str] = []
    for token in tokens:
        rep = re.fullmatch(r"repeat\(\s*(\d+)\s*,\s*(.+)\)", token, re.IGNORECASE)
        if rep:
            tracks += _grid_tracks(f"grid-template-columns: {rep.group(2)}") * int(rep.group(1))
        elif token.lower().startswith("repeat("):
            return []  # auto-fill / auto-fit: as many columns as fit, unknown here
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


# --- how tall a block prints, before layout (mm) ----------------------------------------------

_PT_MM = 25.4 / 72
_PX_MM = 25.4 / 96  # CSS sizes an image by its pixels at 96 px/in
# The text block manual.css leaves on each paper: paper height less top and bottom margins.
_PAGE_BODY_MM = {"a4": 257.0, "a5": 180.0, "letter": 239.4}
_PORTRAIT = 0.75  # width / height at most: a phone screen, printed side by side with others
_STACK_SHARE = 1.6  # manual.css: n stacked pictures share 1.6 × --step-media-max-height
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"address", "article", "aside", "blockquote", "details", "dd", "div",
                       "dl", "dt", "figcaption", "figure", "footer", "header", "hr", "li", "main",
                       "nav", "ol", "p", "pre", "section", "summary", "table", "ul"}


@dataclasses.dataclass(frozen=True)
class _Geometry:
    """The sizes manual.css gives the text block and a step, for the few layout decisions
    made before WeasyPrint lays the pages out."""

    text_width: float = 170.0
    page_height: float = 257.0
    font_pt: float = 10.0
    step_gap: float = 6.0
    step_max_height: float = 120.0

    @classmethod
    def from_settings(cls, settings: Settings) -> _Geometry:
        paper = settings.print.paper if settings.print.paper in _PAGE_BODY_MM else "a4"
        prints = PrintGeometry.from_settings(settings)
        a5 = paper == "a5"
        return cls(prints.text_width_mm, _PAGE_BODY_MM[paper], 9.5 if a5 else 10.0,
                   4.0 if a5 else 6.0, prints.step_max_height_mm)

    @property
    def step_text_width(self) -> float:
        return self.text_width * 0.4 - self.step_gap  # --step-text-width less --step-gap

    @property
    def step_media_width(self) -> float:
        return self.text_width * 0.6

    @property
    def fits(self) -> float:
        """The tallest block that surely fits on a page under a heading."""
        return self.page_height * 0.9


def _lines(text: str, width_mm: float, pt: float, em: float = 0.46) -> int:
    """Lines a text needs; 0.46 em a character (Source Sans 3 runs 0.48–0.5: errs short)."""
    words = " ".join(text.split())
    per_line = max(8, int(width_mm / (pt * _PT_MM * em)))
    return math.ceil(len(words) / per_line) if words else 0


def _image_height_mm(img: ET.Element, width: float, cap: float) -> float:
    fraction = 1.0
    for name in classes(img):
        m = re.fullmatch(r"max-w-(\d+)", name)
        if m:
            fraction = int(m.group(1)) / 100
    try:
        px_w, px_h = int(img.get("width") or 0), int(img.get("height") or 0)
    except ValueError:
        px_w = px_h = 0
    aspect = _aspect(img) or (px_w / px_h if px_w and px_h else 4 / 3)
    shown = min(width * fraction, px_w * _PX_MM) if px_w else width * fraction
    return min(shown / aspect, cap)


def _media_height_mm(media: ET.Element, width: float, cap: float) -> float:
    pictures = [e for e in media.iter() if e.tag == "img" or "missing-image" in classes(e)]
    if "stack-row" in classes(media):
        share = (width - 2.5 * (len(pictures) - 1)) / len(pictures)
        return max(_image_height_mm(p, share, cap) for p in pictures)
    if len(pictures) > 1:
        cap = min(cap, cap * _STACK_SHARE / len(pictures))
    heights = [_image_height_mm(p, width, cap) if p.tag == "img" else 8.0 for p in pictures]
    return sum(heights) + 2.5 * max(0, len(pictures) - 1)


def _height_mm(el: ET.Element, width: float, pt: float) -> float:
    """Roughly how tall ``el`` prints ``width`` mm wide in ``pt`` type, with manual.css's
    spacing. Good to a few lines: enough to tell a step that fits on a page from one that
    cannot."""
    tag = el.tag if isinstance(el.tag, str) else ""
    line = pt * 1.4 * _PT_MM
    if tag == "img":
        return _image_height_mm(el, width, 200.0)
    if tag in ("ul", "ol"):
        return sum(_height_mm(li, width - 5.5, pt) + 0.8 for li in el if li.tag == "li") + 2.2
    if tag == "pre":
        per_line = max(10, int((width - 7) / (8.2 * _PT_MM * 0.6)))
        rows = text_of(el).strip("\n").split("\n")
        return sum(max(1, math.ceil(len(r) / per_line)) for r in rows) * 8.2 * 1.35 * _PT_MM + 7
    if tag == "table":
        rows = _rows(el)
        cell_width = width / max(1, _table_columns(el)) - 4
        return sum(max([_lines(text_of(c), cell_width, 9) for c in r if c.tag in ("td", "th")]
                       + [1]) * 9 * 1.3 * _PT_MM + 2.5 for r in rows) + 6
    if tag in ("hr", "br"):
        return 8.0 if tag == "hr" else line
    margin = (7.0 if tag in _HEADINGS else 2.2 if tag in ("p", "dl", "blockquote", "figure")
              else 12.0 if "alert" in classes(el) else 0.0)
    if not any(c.tag in _BLOCKS for c in el):
        size = 12.0 if tag in _HEADINGS else pt
        pictures = sum(_image_height_mm(i, width, 200.0) for i in el.iter("img"))
        return _lines(text_of(el), width, size) * size * 1.4 * _PT_MM + pictures + margin
    total, run = margin, [el.text or ""]
    for child in el:
        if child.tag in _BLOCKS:
            total += _lines("".join(run), width, pt) * line + _height_mm(child, width, pt)
            run = []
        else:
            run.append(text_of(child))
        run.append(child.tail or "")
    return total + _lines("".join(run), width, pt) * line


def _split_blocks(blocks: list[ET.Element], beside: float, limit: float, width: float,
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
        height = _height_mm(block, width, pt)
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
        used += _height_mm(li, width - 5.5, pt) + 0.8
        if used > (want if count else room):
            break
        count += 1
    if count == 0 or count == len(items):
        return None, None
    rest = ET.Element(block.tag, dict(block.attrib))
    rest.text = block.text
    for li in items[count:]:
        block.remove(li)
        rest.append(li)
    if block.tag == "ol":
        try:
            start = int(block.get("start") or 1)
        except ValueError:
            start = 1
        rest.set("start", str(start + count))
    return block, rest


_source_cache: dict[Path, list[str]] = {}


def _line_in_source(page: Page, needle: str, after: int = 0) -> int | None:
    """The first line of the page's source that mentions ``needle`` (for messages), from
    line ``after`` on when it is there (the next of several images of the same name)."""
    if not needle:
        return None
    lines = _source_cache.get(page.path)
    if lines is None:
        try:
            lines = page.path.read_text(encoding="utf-8").split("\n")  # not U+2028, form feed…
        except (OSError, UnicodeDecodeError):
            lines = []
        _source_cache[page.path] = lines
    for start in dict.fromkeys((max(after, page.body_line), page.body_line)):
        for number in range(start, len(lines) + 1):
            if needle in lines[number - 1]:
                return number
    return None
