"""Page numbers printed in the second round of pagination, not the third (issue 11, speed).

WeasyPrint prints a contents entry or a "see page N" (``target-counter()``) before it knows
the page it points to.  Its first round of pagination prints 0 there; the second lays those
pages out again with the 0 still there, and only then works the number out (because the
total of pages, unknown in the first round, changed); the third prints it.  The example
manual laid out 38 pages a language for its 20, and the corpus' first contents page was laid
out three times in every build and every save under ``--watch``.

Once the first round ends, every ``target-counter()`` is worked out here with the numbers
that round found, and its page marked to be laid out again where its text changed
(:func:`settled_after_first_round`): the second round prints the numbers, and no page is laid
out a third time (29 layouts of a page for the example's 20).  Every round after that goes
as WeasyPrint's own, and the numbers are the ones its third round printed, so the PDF is the
same, byte for byte (tests/test_page_numbers.py).

Starting a layout from the numbers the last one ended with (to print them right in the first
round) was tried and dropped: where a number's width decides whether a line wraps, and the
wrap decides the page it names ("see page 9" fits, "see page 10" wraps and pushes the page
to 10), two numberings agree with themselves, and a layout started from the old one can stay
there while a layout from nothing ends on the other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .patching import patched


@contextlib.contextmanager
def settled() -> Iterator[None]:
    """The layouts made inside work their numbers out once the first round of pagination
    ends (:func:`settled_after_first_round`)."""
    import weasyprint.layout as wlayout

    with patched(wlayout, "make_all_pages", settled_after_first_round(wlayout.make_all_pages)):
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
