"""Lay a manual out chapter by chapter, reusing the pages of the chapters that did not change.

WeasyPrint paginates a document one page after another.  Each page starts where the last one
stopped (a *skip stack*: child indexes into the box tree) and in the state the last one left
(a left or right page, the next page's break and name, the page counters); these are the
entries of ``context.page_maker``, one per page and one after the last.  A chapter of the
manual (a child of ``<main>`` with a forced break before it) starts on a page of its own,
so its pages depend only on its content, the styles, and the state it starts in.

When a chapter's content and start state are as in an earlier layout (kept in the cache
folder by chapter_store.py, or in this process under ``--watch --no-cache``), its pages are
taken as they were instead of being laid out again.
They are spliced into the page maker with the entries WeasyPrint would have made, and the
anchors on them announce their new page numbers, so that the contents and the "see page N"
references of other chapters come out right.  What WeasyPrint does after pagination (margin
boxes: running heads, page numbers; string sets; bookmarks) then runs over every page as in
a cold layout, so the PDF is the same, byte for byte.

A reused chapter whose own text shows the page number of an anchor elsewhere ("see page N")
is checked after the layout (:meth:`Session.stale`): when that number moved, the caller lays
the document out again with that chapter made afresh.

The pages of a chapter kept in this process come from an earlier WeasyPrint document, so
its layout keeps that document's font configuration alive (``ChapterLayout.fonts``): its
fonts back the old pages.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urljoin

from . import page_numbers
from .patching import patched
from .xml_names import local_name

FORCED = frozenset({"page", "left", "right", "recto", "verso"})
PAGE_COUNTERS = frozenset({"page", "pages"})
STYLING = frozenset({"link", "style", "base"})  # what in the head can change a layout
URL_ATTRIBUTES = ("src", "href", "data", "poster", "{http://www.w3.org/1999/xlink}href")


@dataclasses.dataclass(frozen=True)
class Chapter:
    """A chapter of the document being laid out: where it starts, and its content's key."""

    key: str | None  # None: never reused (anonymous boxes, or nothing follows it reliably)
    label: str  # its title, for --watch to say which chapters it laid out
    first: int  # its first child of <main>
    start: dict  # the skip stack of its first page
    end: dict | None  # where the next chapter starts; None: the document ends with it
    path: tuple[int, int]  # (body's index in the root, main's index in body)
    members: tuple = dataclasses.field(default=(), compare=False)  # its top-level elements


@dataclasses.dataclass
class BarePage:
    """A laid-out page as pagination left it: before margin boxes and fixed boxes."""

    box: object
    children: list
    root_children: list

    def restore(self):
        root = self.children[0]
        root.children = list(self.root_children)
        self.box.children = list(self.children)
        return self.box


@dataclasses.dataclass
class ChapterLayout:
    """The pages of one chapter and what splicing them needs."""

    start: tuple  # the page maker's state at its first page (page numbers left out)
    start_page: int  # its first page number (matters only when ``page_dependent``)
    first: int  # its first child of <main> in that layout
    path: tuple[int, int]
    pages: list[BarePage]
    anchors: list[list[str]]  # per page, the anchors on it, in order
    inner: list[dict | None]  # per page but the last, where the next page resumed
    next_pages: list[dict]  # per page, the next page's break and name
    lookups: dict[str, dict]  # anchors whose page numbers its text shows, and their values
    page_dependent: bool  # its text or strings show its own page numbers
    fonts: object  # the font configuration its pages' fonts belong to (kept alive)
    draws_svg: bool = False  # an SVG on its pages (see _draws_svg)


@dataclasses.dataclass
class Kept:
    """What a layout leaves for the next one in the same process."""

    chapters: dict[str, ChapterLayout]


@dataclasses.dataclass
class Session:
    """One layout: the chapters it reused and laid out, and the record it leaves."""

    kept: Kept | None
    digests: dict[str, str]  # fetched URL → digest of its bytes
    relational: set[str] = dataclasses.field(default_factory=set)  # stylesheets with :has()
    extra_key: str = ""  # what every chapter depends on: head, styles, fonts (plan() sets it)
    refuse: frozenset[str] = frozenset()  # chapter keys to lay out afresh
    store: object = None  # a chapter_store.Store: chapters written by earlier runs
    images: dict = dataclasses.field(default_factory=dict)  # the render's images, by address
    record: Kept | None = None
    _used: dict[str, ChapterLayout | None] = dataclasses.field(default_factory=dict)  # reused
    _loaded: dict[str, ChapterLayout | None] = dataclasses.field(default_factory=dict)
    _chapters: list[Chapter] = dataclasses.field(default_factory=list)
    _roots: dict = dataclasses.field(default_factory=dict)
    _font_config: object = None
    _bare: dict[int, BarePage] = dataclasses.field(default_factory=dict)
    _carrying: set[int] = dataclasses.field(default_factory=set)  # pages leaving content over
    _stale: set[str] = dataclasses.field(default_factory=set)  # see stale()

    @property
    def reused(self) -> list[str]:
        """The keys of the chapters this layout took from an earlier one."""
        return list(self._used)

    def laid_out(self, earlier: frozenset[str] = frozenset()) -> list[str]:
        """The titles of the chapters laid out afresh, in this layout or (``earlier``, the
        keys laid out by an attempt before it, see :meth:`stale`) in an earlier one."""
        return [chapter.label for chapter in self._chapters
                if chapter.key not in self._used or chapter.key in earlier]

    def count(self) -> int:
        """The number of chapters of the document."""
        return len(self._chapters)

    def fresh(self) -> frozenset[str]:
        """The keys of the chapters this layout made (not reused)."""
        return frozenset(chapter.key for chapter in self._chapters
                         if chapter.key is not None and chapter.key not in self._used)

    def stale(self) -> set[str]:
        """The reused chapters whose "see page N" numbers moved in this layout."""
        return set(self._stale)

    def let_go(self, keep: bool) -> None:
        """Before the PDF is written: the chapters' pages no longer held here (the record,
        unless ``keep`` asks for it for the next layout in this process; the chapters reused
        or read back), so that each page's boxes go once it is painted (painted.py).  Only
        their keys stay, which :meth:`reused` and :meth:`laid_out` tell."""
        if not keep:
            self.record = None
        self._used = dict.fromkeys(self._used)
        self._loaded.clear()

    def _find_stale(self, context) -> None:
        """Noted when the layout ends, so that the layout's context (its page maker, the
        boxes its targets point to) is not kept while the PDF is written: it held 250 MiB
        of a 1,200-page manual that the writing could not reuse."""
        items = context.target_collector.target_lookup_items
        for key, used in self._used.items():
            for anchor, values in used.lookups.items():
                item = items.get(anchor)
                now = item.cached_page_counter_values if item is not None else None
                if _page_values(now) != _page_values(values):
                    self._stale.add(key)


@contextlib.contextmanager
def chapter_layout(session: Session, font_config) -> Iterator[Session]:
    """WeasyPrint's pagination replaced by one that splices reused chapters, and its layout
    recorded into ``session.record``, for the ``render()`` made inside."""
    import weasyprint.document as wdocument
    import weasyprint.layout as wlayout

    original_pages = wlayout.make_all_pages
    original_layout = wdocument.layout_document

    def make_all_pages(context, root_box, html, pages):
        return _make_all_pages(session, original_pages, context, root_box, html, pages)

    def layout_document(html, root_box, context, *args, **kwargs):
        pages = []
        for page in original_layout(html, root_box, context, *args, **kwargs):
            pages.append(page)
            yield page
        session._find_stale(context)
        session.record = _record(session, context, font_config, pages)
        session._bare.clear()
        session._carrying.clear()

    session._font_config = font_config
    with patched(wlayout, "make_all_pages", make_all_pages), \
            patched(wdocument, "layout_document", layout_document), page_numbers.settled():
        yield session


# Pagination ---------------------------------------------------------------------------------

def _make_all_pages(session: Session, original, context, root_box, html, pages):
    """WeasyPrint's ``make_all_pages``: the first round made here (splicing), the later ones
    (re-making the pages whose page numbers changed) by WeasyPrint."""
    if pages:
        _forget_replaced(session, pages)
        for page in original(context, root_box, html, pages):
            yield _bare(session, page, context)
        return
    if (not session._chapters and not _numbers_pages(context.style_for)
            and not _looks_around(session, html)):
        session._chapters = plan(root_box, html, session)
    yield from _first_round(session, context, root_box, html)


def _first_round(session: Session, context, root_box, html):
    from weasyprint.layout.page import remake_page

    starts = {_stack_key(chapter.start): chapter for chapter in session._chapters}
    context.rendered_notes = []
    index = 0
    while True:
        entry = context.page_maker[index]
        chapter = starts.get(_stack_key(entry[0]))
        kept = _reusable(session, context, chapter, entry)
        if kept is not None:
            session._used[chapter.key] = kept
            for page in _splice(context, html, index, chapter, kept, root_box):
                yield _bare(session, page, context)
                index += 1
            if context.page_maker[index][0] is None:
                _finish(context, index)
                return
            continue
        remake_state = entry[-1]
        remake_state.update(content_changed=False, pages_wanted=False, anchors=[],
                            content_lookups=[])
        page, resume_at = remake_page(index, context, root_box, html)
        yield _bare(session, page, context)
        index += 1
        if resume_at is None and not context.reported_footnotes:
            _finish(context, index)
            return


def _finish(context, count: int) -> None:
    """What WeasyPrint does when the last page is made."""
    context.page_maker = context.page_maker[:count + 1]
    context.broken_out_of_flow.clear()
    context.reported_footnotes.clear()


def _forget_replaced(session: Session, pages: list) -> None:
    """Only the pages of the round before (``pages``) remembered: a page that an earlier
    round made and a later one made again is garbage, and its boxes (the contents, some
    100 MiB a round in a 1,200-page manual) must not stay alive through the record."""
    live = {id(page) for page in pages}
    for key in [key for key in session._bare if key not in live]:
        del session._bare[key]
    session._carrying &= live


def _bare(session: Session, page, context):
    """Remember ``page`` as pagination leaves it (margin boxes are added later), and whether
    it leaves content over for the next page (the rest of a float or a footnote)."""
    session._bare[id(page)] = BarePage(page, list(page.children), list(page.children[0].children))
    if context.broken_out_of_flow or context.reported_footnotes:
        session._carrying.add(id(page))
    return page


def _reusable(session: Session, context, chapter: Chapter | None, entry) -> ChapterLayout | None:
    if chapter is None or chapter.key is None:
        return None
    if chapter.key in session.refuse or context.reported_footnotes or context.broken_out_of_flow:
        return None
    kept = _kept(session, chapter, context.style_for)
    if kept is None or kept.start != _state(entry):
        return None
    if kept.page_dependent and kept.start_page != _page_number(entry):
        return None
    return kept


def _kept(session: Session, chapter: Chapter, style_for) -> ChapterLayout | None:
    """The chapter's layout from the last layout in this process, or else from the store
    (read back with ``style_for``'s styles where they are the same)."""
    if session.kept is not None and chapter.key in session.kept.chapters:
        found = session.kept.chapters[chapter.key]
        if not found.draws_svg:  # else read back with this render's images, or laid out
            return found
    if session.store is None:
        return None
    if chapter.key not in session._loaded:  # asked again at the page after a blank one
        from .chapter_store import resolver

        found = session.store.load(chapter.key, resolver(
            session._font_config, session.images, session._roots, list(chapter.members),
            style_for._computed_styles))
        session._loaded[chapter.key] = found if isinstance(found, ChapterLayout) else None
    return session._loaded[chapter.key]


def _splice(context, html, index: int, chapter: Chapter, kept: ChapterLayout, root_box):
    """The kept pages of ``chapter`` at ``index``, with the page maker's entries after each
    as WeasyPrint would have made them, and their anchors' page numbers announced."""
    from weasyprint.formatting_structure.build import update_counters
    from weasyprint.layout.page import (
        _standardize_page_based_counters,
        _update_page_groups,
        set_page_type_computed_styles,
    )

    page_maker = context.page_maker
    seen = {anchor for item in page_maker[:index] for anchor in item[-1].get("anchors", ())}
    last = len(kept.pages) - 1
    for n, bare in enumerate(kept.pages):
        page = bare.restore()
        at = index + n
        resume, next_page, right_page, page_state, remake_state = page_maker[at]
        remake_state.update(content_changed=False, pages_wanted=False, anchors=[],
                            content_lookups=[])
        set_page_type_computed_styles(page.page_type, html, context.style_for)  # margin boxes
        page_state = copy.deepcopy(page_state)
        _update_page_groups(page_state[3], resume, next_page, root_box, page.page_type.blank)
        _standardize_page_based_counters(page.style, None)
        update_counters(page_state, page.style)
        for anchor in kept.anchors[n]:
            if anchor not in seen:
                seen.add(anchor)
                remake_state["anchors"].append(anchor)
                context.target_collector.cache_target_page_counters(
                    anchor, page_state[1], at, page_maker)
        resume_at = _moved(kept.inner[n], kept, chapter) if n < last else chapter.end
        item = (resume_at, kept.next_pages[n], not right_page, page_state,
                {"content_changed": False, "pages_wanted": False, "anchors": [],
                 "content_lookups": []})
        if at + 1 < len(page_maker):
            page_maker[at + 1] = item
        else:
            page_maker.append(item)
        context.current_page = at + 1
        yield page


def _inside(stack, chapter: Chapter) -> bool:
    """Whether a skip stack resumes inside ``chapter`` (the shape :func:`_moved` moves)."""
    if not isinstance(stack, dict) or len(stack) != 1:
        return False
    (body, inside), = stack.items()
    if body != chapter.path[0] or not isinstance(inside, dict) or len(inside) != 1:
        return False
    (main, rest), = inside.items()
    if main != chapter.path[1]:
        return False
    if rest is None:
        return chapter.first == 0
    return isinstance(rest, dict) and len(rest) == 1 and all(
        isinstance(child, int) and chapter.first <= child for child in rest)


def _moved(stack: dict | None, kept: ChapterLayout, chapter: Chapter) -> dict | None:
    """A skip stack inside a kept chapter, moved to where the chapter now is."""
    if stack is None:
        return None
    (body, inside), = stack.items()
    if body != kept.path[0] or not isinstance(inside, dict):
        return stack
    (main, rest), = inside.items()
    if main != kept.path[1]:
        return stack
    if not isinstance(rest, dict):
        return {chapter.path[0]: {chapter.path[1]: rest}}
    moved = {child - kept.first + chapter.first: value for child, value in rest.items()}
    return {chapter.path[0]: {chapter.path[1]: moved}}


# The chapters of a document ----------------------------------------------------------------

def plan(root_box, html, session: Session) -> list[Chapter]:
    """The chapters of the box tree under ``root_box``: the children of ``<main>`` that
    start with a forced page break, each with the children that run on after it."""
    found = _main_box(root_box)
    if found is None:
        return []
    body_index, main_index, body, main = found
    session.extra_key = _document_key(html, body, main, session.digests)
    root = html.etree_element
    session._roots = {"html": root, "body": body.element, "main": main.element,
                      **{local_name(child.tag): child for child in root
                         if isinstance(child.tag, str) and child is not body.element}}
    groups: list[list[int]] = []
    for index, child in enumerate(main.children):
        if groups and child.style["break_before"] not in FORCED:
            groups[-1].append(index)
        else:
            groups.append([index])
    main_last = main_index == len(body.children) - 1
    # what a selector sees of <main>'s children: a chapter's place among all of them
    # (`~`, :nth-of-type() reach past the neighbours)
    siblings = hashlib.sha256("\0".join(_opening(child) for child in main.children)
                              .encode()).hexdigest()
    chapters = []
    for number, group in enumerate(groups):
        first = group[0]
        start = ({body_index: {main_index: None}} if first == 0
                 else {body_index: {main_index: {first: None}}})
        following = groups[number + 1][0] if number + 1 < len(groups) else None
        end = None if following is None else {body_index: {main_index: {following: None}}}
        key = _chapter_key(main, group, siblings, session, first == 0, html.base_url or "")
        if following is None and not main_last:
            key = None
        label = _label(main.children[first].element)
        members = tuple(main.children[index].element for index in group)
        chapters.append(Chapter(key, label, first, start, end, (body_index, main_index), members))
    return chapters


def _numbers_pages(style_for) -> bool:
    """Whether an ``@page`` rule selects pages by their number (``:nth()``): a kept page's
    style is the one of its old place, so such a document is laid out as a whole."""
    return any(selector[2].index is not None
               for sheet, _, _ in style_for._sheets
               for _, selectors, _ in sheet.page_rules
               for selector in selectors)


def _looks_around(session: Session, html) -> bool:
    """Whether a stylesheet has a ``:has()`` that may style a chapter by what other
    chapters hold (see :func:`looks_across`): such a document is laid out whole."""
    if session.relational:
        return True
    return any(looks_across(node.text or "") for node in html.etree_element.iter()
               if local_name(node.tag) == "style")


_HAS = re.compile(r":has\(", re.IGNORECASE)
_COMPOUND_END = set(" \t\r\n,{};>+~()")


def looks_across(css: str) -> bool:
    """Whether ``css`` has a ``:has()`` that can see past a chapter: on an element that may
    hold the chapters (``main:has(.warning)``, or a selector without a tag), or on a
    chapter's own kind of element looking at its siblings (``section:has(+ section)``).
    ``tr:has(> th)`` looks only inside the row.  A ``:has()`` in a comment counts too: it
    costs the reuse, never the bytes."""
    for match in _HAS.finditer(css):
        start = match.start()
        while start > 0 and css[start - 1] not in _COMPOUND_END:
            start -= 1
        tag = re.match(r"[*]|[A-Za-z][\w-]*|", css[start:match.start()]).group(0).lower()
        sideways = css[match.end():].lstrip()[:1] in ("+", "~")
        if tag in ("html", "body", "main", "*", "") or (sideways and tag in ("section", "article")):
            return True
    return False


def _label(element) -> str:
    """A chapter's title (its first heading), or its id."""
    if element is None:
        return "?"
    for node in element.iter():
        if local_name(node.tag) in ("h1", "h2", "h3"):
            text = " ".join("".join(node.itertext()).split())
            if text:
                return text
    return element.get("id") or "?"


def _main_box(root_box):
    bodies = [(i, box) for i, box in enumerate(root_box.children) if box.element_tag == "body"]
    if len(bodies) != 1:
        return None
    body_index, body = bodies[0]
    mains = [(i, box) for i, box in enumerate(getattr(body, "children", ()))
             if box.element_tag == "main"]
    if len(mains) != 1:
        return None
    main_index, main = mains[0]
    return body_index, main_index, body, main


def _chapter_key(main, group: list[int], siblings: str, session: Session,
                 opens_main: bool, base: str) -> str | None:
    """What the chapter's layout depends on: the document's key, its elements and the files
    they show, its place among its siblings and what a selector sees of them (``siblings``:
    CSS may select ``:nth-child``, ``+`` or ``~``), and its generated text (counters and
    quotes run on from the chapters before)."""
    digest = hashlib.sha256()
    first = group[0]
    digest.update(f"{session.extra_key}\0{opens_main}\0{first}\0{len(main.children)}\0"
                  f"{siblings}\0".encode())
    for index in group:
        box = main.children[index]
        if box.element is None or box.element is main.element or box.element_tag in (None, "main"):
            return None  # an anonymous box: no element of its own to compare
        digest.update(ET.tostring(box.element))
        for text in _generated(box):
            digest.update(f"{text}\0".encode())
        for url in _urls(box.element, base):
            digest.update(f"{url}\0{session.digests.get(url, '')}\0".encode())
    return digest.hexdigest()


def _opening(box) -> str:
    """A sibling's tag and attributes (what a selector can see of it), or nothing."""
    if box is None:
        return ""
    element = box.element
    attributes = sorted(element.attrib.items()) if element is not None else []
    return f"{box.element_tag} {attributes}"


def _generated(box) -> Iterator[str]:
    """What CSS makes of a chapter besides its HTML: the text of its pseudo-elements and
    markers, its strings (``string-set``) and bookmark labels.  A counter or a quote that
    runs on from an earlier chapter (``counter-increment`` on the figures of every chapter)
    changes these and nothing in the chapter's HTML."""
    for child in box.descendants():
        if child.string_set or child.bookmark_label:
            yield repr((child.string_set, child.bookmark_label))
        if "::" in (child.element_tag or "") and isinstance(getattr(child, "text", None), str):
            yield child.text


def _urls(element, base: str) -> Iterator[str]:
    for node in element.iter():
        for name in URL_ATTRIBUTES:
            value = node.get(name)
            if value and not value.startswith("#"):
                yield urljoin(base, value)


def _document_key(html, body, main, digests: dict[str, str]) -> str:
    """What every chapter's layout depends on besides its own content: the styles in the
    document's head (not its title or dates: those go to the PDF's metadata), the root's and
    the body's attributes, and every resource loaded that no chapter names (stylesheets,
    fonts, their images)."""
    root = html.etree_element
    digest = hashlib.sha256(repr(sorted(root.attrib.items())).encode())
    for child in root:
        if child is not body.element:
            for node in child.iter():  # the styles; not the title, dates or keywords
                if local_name(node.tag) in STYLING:
                    digest.update(ET.tostring(node))
    digest.update(repr(sorted(body.element.attrib.items())).encode())
    named = {url for child in main.children if child.element is not None
             and child.element is not main.element
             for url in _urls(child.element, html.base_url or "")}
    for url in sorted(set(digests) - named):
        digest.update(f"{url}\0{digests[url]}\0".encode())
    return digest.hexdigest()


# The record ---------------------------------------------------------------------------------

def _record(session: Session, context, font_config, pages: list) -> Kept | None:
    """The layout just made, chapter by chapter: for the next layout in this process, and
    its chapters laid out afresh written to the store."""
    if any(context.running_elements.values()):
        return None  # running elements are placed by page number: not spliced
    bare = [session._bare.get(id(page)) for page in pages]
    if len(bare) != len(context.page_maker) - 1 or any(item is None for item in bare):
        return None
    chapters: dict[str, ChapterLayout] = {}
    stacks = [_stack_key(entry[0]) for entry in context.page_maker]
    styles = _styles_by_element(session, context)  # once for all the chapters written
    for chapter in session._chapters:
        if chapter.key is None:
            continue
        first = _last_index(stacks, _stack_key(chapter.start))
        if first is None or first >= len(bare):
            continue
        end = (len(bare) if chapter.end is None
               else _first_index(stacks, _stack_key(chapter.end), first + 1))
        if end is None or end <= first:
            continue
        reused = session._used.get(chapter.key)
        if reused is None and _carried(session, pages, first, end):
            continue
        layout = reused if reused is not None else _chapter_record(
            session, context, chapter, bare[first:end], first, font_config)
        if layout is not None:
            chapters[chapter.key] = layout
            if reused is None:
                _store(session, chapter, layout, font_config, styles)
    if session.store is not None:
        session.store.keep_only(list(chapters))
    return Kept(chapters)


def _carried(session: Session, pages: list, first: int, end: int) -> bool:
    """Whether the chapter on ``pages[first:end]`` shows content of the chapter before it
    (the rest of a float or a footnote left over) or leaves some of its own to the chapter
    after it: its pages are not its own alone, and are not kept."""
    before = first > 0 and id(pages[first - 1]) in session._carrying
    return before or id(pages[end - 1]) in session._carrying


def _styles_by_element(session: Session, context) -> dict:
    """The layout's computed styles by element, when chapters may be written to the store."""
    if session.store is None:
        return {}
    from .chapter_store import styles_by_element

    return styles_by_element(context.style_for._computed_styles)


def _store(session: Session, chapter: Chapter, layout: ChapterLayout, font_config,
           styles: dict) -> None:
    if session.store is None:
        return
    from .chapter_store import references

    refs, kinds = references(font_config, session.images, session._roots,
                             list(chapter.members), styles)
    with _as_paginated(layout.pages):  # without the margin boxes, which are made anew
        session.store.save(chapter.key, layout, refs, kinds)


@contextlib.contextmanager
def _as_paginated(pages: list[BarePage]):
    finished = [(bare.box.children, bare.children[0].children) for bare in pages]
    for bare in pages:
        bare.restore()
    try:
        yield
    finally:
        for bare, (children, root_children) in zip(pages, finished):
            bare.box.children = children
            bare.children[0].children = root_children


def _chapter_record(session: Session, context, chapter: Chapter, pages: list[BarePage],
                    first: int, fonts) -> ChapterLayout | None:
    page_maker = context.page_maker
    for bare in pages:
        if len(bare.children) > 1 and getattr(bare.children[1], "children", None):
            return None  # footnotes: placed per page, not spliced
    anchors = []
    links = set()
    svg = False
    for bare in pages:
        on_page = []
        for child in bare.box.descendants(placeholders=True):
            svg = svg or _draws_svg(child)
            anchor = child.style["anchor"]
            if anchor:
                on_page.append(anchor)
            if child.missing_link is not None:
                links.add(id(child.missing_link))
        anchors.append(on_page)
    found = _lookups(session, context, chapter, links)
    if found is None:
        return None
    lookups, page_dependent = found
    count = len(pages)
    inner = [page_maker[first + n + 1][0] for n in range(count - 1)]
    if not all(_inside(stack, chapter) for stack in inner):
        return None  # a page that resumes elsewhere than in the chapter: not spliced
    return ChapterLayout(
        start=_state(page_maker[first]),
        start_page=_page_number(page_maker[first]),
        first=chapter.first,
        path=chapter.path,
        pages=pages,
        anchors=anchors,
        inner=inner,
        next_pages=[page_maker[first + n + 1][1] for n in range(count)],
        lookups=lookups,
        page_dependent=page_dependent,
        fonts=fonts,
        draws_svg=svg,
    )


def _draws_svg(box) -> bool:
    """Whether the box draws an SVG (as its image, background or border).  WeasyPrint fetches
    what an SVG refers to (its <image>s) only when it draws it, through the render that
    loaded it: a page kept in memory would draw an old render's pictures."""
    images = [getattr(box, "replacement", None), getattr(box, "border_image", None)]
    background = getattr(box, "background", None)
    images.extend(layer.image for layer in getattr(background, "layers", None) or ())
    return any(type(image).__name__ == "SVGImage" for image in images)


def _lookups(session: Session, context, chapter: Chapter,
             links: set[int]) -> tuple[dict, bool] | None:
    """The page numbers of anchors that the chapter's text shows ("see page N"), and whether
    it shows its own (``counter(page)`` in its content, or in strings and bookmarks).

    The anchors are read from the boxes' ``content`` here: WeasyPrint files a lookup made
    through ``attr()`` (``target-counter(attr(href), page)``) under no anchor name.  None
    when the chapter shows another's text (``target-text()``): it is not kept."""
    collector = context.target_collector
    lookups: dict[str, dict] = {}
    dependent = False
    for box, token in collector.counter_lookup_items:
        if id(box) not in links:
            continue
        if _shows_total(box.style):
            return None  # the number of pages: known only once every page is made
        if token != "content" or _shows_page_counter(box.style):
            dependent = True
        targets = _targets(box)
        if targets is None:
            return None
        for anchor in targets:
            target = collector.target_lookup_items.get(anchor)
            values = target.cached_page_counter_values if target is not None else None
            lookups[anchor] = copy.deepcopy(values)
    return lookups, dependent


def _shows_page_counter(style) -> bool:
    content = style["content"]
    return isinstance(content, (list, tuple)) and any(
        kind in ("counter()", "counters()") and value[0] in PAGE_COUNTERS
        for kind, value in content)


def _shows_total(style) -> bool:
    """Whether the box's content, strings or bookmark label show the number of pages of the
    document (``counter(pages)``, ``target-counter(…, pages)``): a kept page would show
    the old one, and no state at the chapter's start tells the new one."""
    lists = [style["content"], style["bookmark_label"]]
    if isinstance(style["string_set"], (list, tuple)):
        lists.extend(values for _, values in style["string_set"])
    return any(
        (kind in ("counter()", "counters()") and value[0] == "pages")
        or (kind in ("target-counter()", "target-counters()") and value[1] == "pages")
        for items in lists if isinstance(items, (list, tuple))
        for kind, value in items)


def _targets(box) -> list[str] | None:
    """The anchors whose counters the box's ``content`` shows, resolved as WeasyPrint's
    ``TargetCollector.lookup_target`` resolves them; None if it shows an anchor's text."""
    from weasyprint.css.targets import anchor_name_from_token
    from weasyprint.urls import get_url_tuple

    content = box.style["content"]
    if not isinstance(content, (list, tuple)):
        return []
    found = []
    for kind, value in content:
        if kind == "target-text()":
            return None
        if kind not in ("target-counter()", "target-counters()"):
            continue
        token = value[0]
        if token[0] == "attr()":
            name, type_, fallback = token[1]
            attribute = box.element.get(name, fallback) if box.element is not None else fallback
            token = (("url", get_url_tuple(attribute, box.style.base_url)) if type_ == "url"
                     else ("string", attribute))
        anchor = anchor_name_from_token(token)
        if anchor is not None:
            found.append(anchor)
    return found


# Small helpers ------------------------------------------------------------------------------

def _state(entry) -> tuple:
    """The page maker's state at a page, comparable, without the page numbers."""
    _, next_page, right_page, page_state, _ = entry
    quote_depth, counters, scopes, groups = page_state
    others = sorted((name, tuple(values)) for name, values in counters.items()
                    if name not in PAGE_COUNTERS)
    return (repr(sorted(next_page.items())), right_page, repr(quote_depth), repr(others),
            repr([sorted(scope) for scope in scopes]),
            repr([(name, start) for name, _, start in groups]))  # counts: only :nth() reads them


def _page_number(entry) -> int:
    values = entry[3][1].get("page") or [0]
    return values[-1]


def _page_values(values: dict | None) -> object:
    if not values:
        return None
    return sorted((name, tuple(v)) for name, v in values.items() if name != "pages")


def _stack_key(stack) -> str:
    return repr(stack)


def _last_index(items: list[str], wanted: str) -> int | None:
    found = None
    for index, item in enumerate(items):
        if item == wanted:
            found = index
    return found


def _first_index(items: list[str], wanted: str, start: int) -> int | None:
    for index in range(start, len(items)):
        if items[index] == wanted:
            return index
    return None
