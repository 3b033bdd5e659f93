"""Page numbers worked out in fewer rounds of pagination (issue 11, speed).

WeasyPrint prints a contents entry or a "see page N" (``target-counter()``) before it knows
the page it points to.  From nothing, its first round of pagination prints 0 there; the
second lays those pages out again, with the 0 still there, and only then works the number
out (because the total of pages, unknown in the first round, changed); the third prints
it.  The example manual laid out 38 pages a language for its 20.

- Once the first round ends, every ``target-counter()`` is worked out with the numbers that
  round found (:func:`settled_after_first_round`): the second round prints them, and no
  page is laid out a third time (29 layouts of a page for the example's 20).
- A layout that follows another one (``--watch``, or a build with the cache folder) starts
  from the numbers that one ended with (:class:`Numbers`, :func:`started_from`): the total
  of pages, each anchor's page counters, and for every ``target-counter()`` without a page
  counter of its own the counters of the page it was on.  The first round then prints the
  right numbers, and where nothing moved it is the only round (the corpus' contents page
  was laid out three times in every save).

Where anything moved, the layout goes as it does from nothing: an anchor whose counters
change when its page announces them (it moved, or it is new) marks every
``target-counter()`` to be worked out again on its page (``pending``), and every page
already made that shows one to be laid out again.  WeasyPrint would not notice this by
itself: a ``target-counter(attr(href), page)`` is filed under no anchor name, and only the
total of pages changing between the first round and the second makes WeasyPrint look at it
again.  So the pages come out as from WeasyPrint's own three rounds, byte for byte;
tests/test_page_numbers.py and tests/test_chapter_reuse.py compare them after edits that
move pages, and with numbers that are wrong on purpose.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Iterator

from .patching import patched

LOCAL_COUNTERS = frozenset({"counter()", "counters()"})


@dataclasses.dataclass(frozen=True)
class Numbers:
    """The page numbers a layout ended with."""

    total: int  # its number of pages
    anchors: dict[str, dict]  # each anchor's page counters
    lookups: dict[tuple, dict]  # each target-counter()'s key → the counters of its page


def recorded(context, total: int) -> Numbers:
    """The page numbers of the layout just made (``context``: its layout context), as its
    first round would have announced them had it known the total of pages."""
    collector = context.target_collector
    anchors = {name: {**copy.deepcopy(item.cached_page_counter_values), "pages": [total]}
               for name, item in collector.target_lookup_items.items()
               if item.state == "up-to-date" and item.cached_page_counter_values}
    lookups = {}
    seen: dict[tuple, int] = {}
    for (box, token), lookup in collector.counter_lookup_items.items():
        key = _lookup_key(box, token, seen)
        if key is not None and lookup.cached_page_counter_values:
            lookups[key] = copy.deepcopy(lookup.cached_page_counter_values)
    return Numbers(total, anchors, lookups)


def _lookup_key(box, token: str, seen: dict[tuple, int]) -> tuple | None:
    """A ``target-counter()``'s place, the same in the next layout of the same document:
    its box's tag, its element's attributes, and how many such came before it.  None for
    content that shows a page counter of its own, which must be worked out on its page."""
    if token != "content" or _shows_local_counter(box.style["content"]):
        return None
    element = box.element
    attributes = tuple(sorted(element.attrib.items())) if element is not None else ()
    base = (box.element_tag, token, attributes)
    seen[base] = seen.get(base, 0) + 1
    return (*base, seen[base])


def _shows_local_counter(content) -> bool:
    return not isinstance(content, (list, tuple)) or any(
        isinstance(item, tuple) and item and item[0] in LOCAL_COUNTERS for item in content)


@contextlib.contextmanager
def started_from(numbers: Numbers | None) -> Iterator[None]:
    """The layouts made inside start from ``numbers`` (see the module's docstring), or, with
    None, from nothing; either way their numbers are worked out once the first round ends
    (:func:`settled_after_first_round`)."""
    import weasyprint.layout as wlayout

    with patched(wlayout, "make_all_pages",
                 settled_after_first_round(wlayout.make_all_pages)), \
            (_prefilled(numbers) if numbers is not None else contextlib.nullcontext()):
        yield


@contextlib.contextmanager
def _prefilled(numbers: Numbers) -> Iterator[None]:
    import weasyprint.layout as wlayout
    from weasyprint.css.targets import TargetCollector

    start_pages = wlayout.initialize_page_maker
    collect_anchor = TargetCollector.collect_anchor
    collect_lookup = TargetCollector.collect_missing_counters
    announce = TargetCollector.cache_target_page_counters
    seen: dict[tuple, int] = {}

    def initialize_page_maker(context, root_box):
        start_pages(context, root_box)
        seen.clear()  # a layout again (chapters.py may make a second): keys count anew
        context.page_maker[0][3][1]["pages"] = [numbers.total]

    def anchor(self, anchor_name):
        collect_anchor(self, anchor_name)
        item = self.target_lookup_items.get(anchor_name) if isinstance(anchor_name, str) else None
        if item is not None and anchor_name in numbers.anchors and not item.cached_page_counter_values:
            item.cached_page_counter_values = copy.deepcopy(numbers.anchors[anchor_name])

    def lookup(self, parent_box, css_token, *args):
        known = (parent_box, css_token) in self.counter_lookup_items
        collect_lookup(self, parent_box, css_token, *args)
        item = self.counter_lookup_items.get((parent_box, css_token))
        if item is None or known or not self.collecting:
            return
        key = _lookup_key(parent_box, css_token, seen)
        if key in numbers.lookups:
            item.cached_page_counter_values = copy.deepcopy(numbers.lookups[key])

    def announced(self, anchor_name, page_counter_values, page_maker_index, page_maker):
        item = self.target_lookup_items.get(anchor_name)
        moved = (not self.collecting and item is not None and item.state == "up-to-date"
                 and item.cached_page_counter_values != page_counter_values)
        announce(self, anchor_name, page_counter_values, page_maker_index, page_maker)
        if moved:
            _work_out_again(self, page_maker)

    with patched(wlayout, "initialize_page_maker", initialize_page_maker), \
            patched(TargetCollector, "collect_anchor", anchor), \
            patched(TargetCollector, "collect_missing_counters", lookup), \
            patched(TargetCollector, "cache_target_page_counters", announced):
        yield


def settled_after_first_round(make_all_pages):
    """WeasyPrint's ``make_all_pages`` (a round of pagination), followed, after the first
    round, by every ``target-counter()`` worked out with the numbers that round found.

    From nothing, WeasyPrint's first round prints 0 for a page it has not reached; the
    second round lays the page out again with that 0 still there and only then works the
    number out (the total of pages changed, so it looks again); the third round prints it.
    Worked out here, after the first round, the number is printed by the second, and the
    third is not needed.  A text that comes out as it was laid out is left alone."""

    def rounds(context, root_box, html, pages):
        first = not pages
        count = 0
        for page in make_all_pages(context, root_box, html, pages):
            count += 1
            yield page
        if first:
            _settle(context, count)

    return rounds


def _settle(context, total: int) -> None:
    collector = context.target_collector
    for item in collector.target_lookup_items.values():
        if item.state == "up-to-date" and item.cached_page_counter_values:
            item.cached_page_counter_values["pages"] = [total]
    for (box, token), lookup in collector.counter_lookup_items.items():
        index = lookup.page_maker_index
        if (token != "content" or not lookup.missing_target_counters or index is None
                or index >= len(context.page_maker) or not lookup.cached_page_counter_values):
            continue
        values = {**lookup.cached_page_counter_values, "pages": [total]}
        shown = _shown(box)
        lookup.cached_page_counter_values = values
        lookup.parse_again(values)
        if _shown(box) != shown:
            context.page_maker[index][-1]["content_changed"] = True


def _shown(box) -> list:
    """The text a generated box shows."""
    return [getattr(child, "text", None) for child in box.descendants()]


def _work_out_again(collector, page_maker: list) -> None:
    """Every ``target-counter()`` worked out again on its page, and every page already made
    that shows one laid out again (an anchor moved)."""
    for (_box, token), lookup in collector.counter_lookup_items.items():
        if token != "content" or not lookup.missing_target_counters:
            continue
        lookup.pending = True
        index = lookup.page_maker_index
        if index is not None and index < len(page_maker):
            page_maker[index][-1]["content_changed"] = True
