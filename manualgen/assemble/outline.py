"""The outline of a manual: each page's anchor and chapter number, the contents, and the
index links are resolved against.  Computed once from the page tree, before any page is
reshaped; the pages themselves are not changed.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from ..content import Page
from ..heading_ids import hugo_anchor
from ..headings import close_gaps, heading_level, heading_text
from .html import parent_map, remove

_OWN_NUMBER = re.compile(r"^\s*\d+(\.\d+)*[.)]?\s+\S")


@dataclasses.dataclass
class TocEntry:
    anchor: str
    number: str
    title: str
    level: int
    children: list[TocEntry] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(eq=False)
class Entry:
    """A page as the document templates see it: the page's own fields (title, depth,
    description, …), its anchor and number in the manual, and its children as entries."""

    page: Page
    anchor: str
    number: str
    children: list[Entry] = dataclasses.field(default_factory=list)
    description: Markup | str = ""  # rendered as Hugo's markdownify renders it

    def __getattr__(self, name: str):
        # Only called for what the entry lacks: the page's own fields and properties.
        if name == "page":
            raise AttributeError(name)
        return getattr(self.page, name)


@dataclasses.dataclass
class Outline:
    """Anchors, numbers and the link index of one language's pages."""

    home: Entry
    entries: dict[Page, Entry]
    by_url: dict[str, Page]
    by_rel: dict[str, Page]

    def anchor(self, page: Page) -> str:
        return self.entries[page].anchor


def borrowed(home: Page, default_home: Page | None) -> frozenset[Page]:
    """The pages of a language whose file is a page of the default language too: a site
    mounts the default language's pages into a translation that lacks them (opentelemetry.io
    mounts its English docs into every language), so their text is in the default
    language."""
    if default_home is None:
        return frozenset()
    files = {page.path for page in default_home.walk() if page.path.suffix}
    return frozenset(page for page in home.walk() if page.path.suffix and page.path in files)


def build_outline(home: Page, numbering: bool, descriptions: dict[Page, str] | None = None
                  ) -> Outline:
    """Give every page a unique anchor and (with ``numbering``) its chapter number; the
    entries carry the pages' rendered descriptions."""
    anchors = _anchors(home)
    by_url, by_rel = link_index(home.walk())
    entries: dict[Page, Entry] = {}
    root = _entry(home, "", anchors, numbering, entries, numbered=False)
    for page, html in (descriptions or {}).items():
        if page in entries and html and not _says_the_title(html, page.title):
            entries[page].description = Markup(html)
    return Outline(root, entries, by_url, by_rel)


def _says_the_title(html: str, title: str) -> bool:
    """Whether a description is the page's title again (rclone's pages: "Overview of
    cloud storage systems" twice): printed under the title, it would repeat it."""
    said = " ".join(re.sub(r"<[^>]+>", "", html).split()).casefold()
    return bool(said) and said == " ".join((title or "").split()).casefold()


def link_index(pages) -> tuple[dict[str, Page], dict[str, Page]]:
    """The pages by address (their url and aliases) and by file path, as links name them."""
    by_url: dict[str, Page] = {}
    by_rel: dict[str, Page] = {}
    for page in pages:
        by_url[page.url.lower()] = page
        for alias in page.aliases:  # a link may still use an old address of the page
            by_url.setdefault(alias.lower(), page)
        by_rel[page.rel.lower()] = page
        by_rel[re.sub(r"\.\w+$", "", page.rel).lower()] = page
    return by_url, by_rel


def left_out_index(home: Page) -> Outline | None:
    """The pages of the site the manual leaves out (another section, a web-only page), for
    links to them; None when it leaves none out."""
    if not home.left_out:
        return None
    by_url, by_rel = link_index(home.left_out)
    return Outline(Entry(home, "", ""), {}, by_url, by_rel)


def _anchors(home: Page) -> dict[Page, str]:
    used: set[str] = set()
    out: dict[Page, str] = {}
    for page in home.walk():
        base = "p-" + (hugo_anchor(re.sub(r"(^|/)_?index\.\w+$", "", page.rel).replace("/", "-")
                                   .replace(".md", "")) or "home")
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        out[page] = anchor
    return out


def _entry(page: Page, number: str, anchors: dict[Page, str], numbering: bool,
           entries: dict[Page, Entry], numbered: bool = True) -> Entry:
    shown = number if numbered and numbering and not _OWN_NUMBER.match(page.title) else ""
    entry = Entry(page, anchors[page], shown)
    entries[page] = entry
    prefix = f"{number}." if number else ""
    entry.children = [_entry(child, f"{prefix}{count}", anchors, numbering, entries)
                      for count, child in enumerate(page.children, start=1)]
    return entry


def toc(outline: Outline, depth: int) -> list[TocEntry]:
    """The contents: every entry down to ``depth`` levels."""

    def entries(node: Entry) -> list[TocEntry]:
        return [TocEntry(child.anchor, child.number, child.page.title, child.page.depth,
                         entries(child))
                for child in node.children if child.page.depth <= depth]

    return entries(outline.home)


def title_level(page: Page) -> int:
    """The heading level of a page's title: its depth in the manual, h1 to h6."""
    return max(1, min(6, page.depth))


def repeated_title(root, job) -> None:
    """A page whose text opens with its own title as a first-level heading (Grafana's
    pages: ``# Configure mute timings`` below ``title: Configure mute timings``) shows the
    title once on the web, where the layout prints no other; the manual prints the title
    already, so the repeat is left out (its anchor stays for links to it)."""
    first = next((el for el in root if isinstance(el.tag, str)), None)
    if first is None or first.tag != "h1" or (root.text or "").strip():
        return
    said = " ".join("".join(first.itertext()).split()).casefold()
    if not said or said != " ".join((job.page.title or "").split()).casefold():
        return
    tail, anchor = first.tail, first.get("id")
    first.clear()
    if anchor:  # an empty span with an id stays (clean-up keeps it): links still land here
        first.tag, first.text, first.tail = "span", None, tail
        first.set("id", anchor)
    else:
        root.remove(first)
        root.text = (root.text or "") + (tail or "")


def headings(root, job) -> None:
    """A page's headings move down under its title (an h1 in a chapter's page becomes h3
    when the title is h2), so the outline of the whole manual has no gaps."""
    page = job.page
    _drop_empty_headings(root, job)
    own = title_level(page)
    shift = 0 if page.kind == "home" else own - 1
    for el in root.iter():
        if level := heading_level(el):
            el.tag = f"h{min(6, max(level + shift, own + 1))}"
    # the texts of the headings Markdown wrote (Hugo gives each an id; a template's has none)
    with_ids = {heading_text(el) for el in root.iter() if el.get("id") and heading_level(el)}
    changes = close_gaps(root, own)  # a screen reader's outline (PDF/UA) has no gaps
    written = [(text, line) for _old, _new, text, anchor in changes
               if (anchor or text not in with_ids)  # not a template's namesake of a written one
               and (line := _written_heading_line(job.page, text)) is not None]
    if written:  # a theme's template (an alert's title) is renumbered without a word
        text, line = written[0]
        more = f" (and {len(written) - 1} more on this page)" if len(written) > 1 else ""
        job.warning("heading-skipped", f'the heading "{text[:60]}" is more than one level '
                    "below the heading above it (or the page's title), so a reader's outline has "
                    f"a gap; it prints one level below that heading{more}: use the next level "
                    "down", line)


# A heading written with no words: "##" alone, or an empty link ("### [](https://…)", an
# anchor icon copied from GitHub) or anchor tag as its only content.
_EMPTY_WRITTEN = re.compile(r"^\s{0,3}#{1,6}(?:[ \t]+(?:\[\]\([^)]*\)|<a\b[^>]*>\s*</a>|[ \t])*)?#*[ \t]*$")
_PICTURES = {"img", "svg", "picture", "object", "embed", "video", "math"}


def _drop_empty_headings(root, job) -> None:
    """A heading with no words and no picture prints nothing a reader sees, but a screen
    reader announces it and the outline counts it: it is left out, with a warning at the
    first one the writer wrote.  Its id stays, on an empty anchor, for links to it."""
    parents = parent_map(root)
    empty = [el for el in root.iter() if heading_level(el) and not heading_text(el)
             and not any(isinstance(d.tag, str) and d.tag in _PICTURES for d in el.iter())]
    for el in empty:
        if el.get("id"):
            anchor = ET.Element("a", {"id": el.get("id")})
            anchor.tail = el.tail
            parent = parents[el]
            parent.insert(list(parent).index(el), anchor)
            el.tail = None
        remove(el, parents)
    if empty:
        lines = _empty_heading_lines(job.page.source.lines)
        more = f" (and {len(empty) - 1} more on this page)" if len(empty) > 1 else ""
        job.warning("empty-heading", f"a heading with no words{more} is left out of the PDF: on "
                    "the web it is an empty line a screen reader still announces; give it words "
                    "or delete it", lines[0] if lines else None)


def _empty_heading_lines(lines: list[str]) -> list[int]:
    """The numbers of the lines that write a heading with no words, outside code fences."""
    found, fence = [], ""
    for number, text in enumerate(lines, 1):
        opening = re.match(r"\s{0,3}(`{3,}|~{3,})", text)
        if fence:
            fence = "" if opening and opening.group(1)[0] == fence[0] and len(
                opening.group(1)) >= len(fence) else fence
        elif opening:
            fence = opening.group(1)
        elif _EMPTY_WRITTEN.match(text):
            found.append(number)
    return found


_WRITTEN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|<h[1-6]\b", re.IGNORECASE)


def _written_heading_line(page: Page, text: str) -> int | None:
    """The source line of a heading the writer wrote (``## …``, ``<h3>``, or a setext
    underline below it); None for one a shortcode's template made."""
    line = page.find_line(text, literal=False) if text else None
    if line is None:
        return None
    lines = page.source.lines
    here = lines[line - 1] if line <= len(lines) else ""
    below = lines[line] if line < len(lines) else ""
    if _WRITTEN_HEADING.search(here) or re.fullmatch(r"\s*(=+|-+)\s*", below or "x"):
        return line
    return None
