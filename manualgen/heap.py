"""Freed memory handed back to the system while a large manual is laid out and written.

glibc's ``malloc`` keeps the memory a program frees for its own later use; it returns it to
the system only from the top of its heap, and a laid-out manual leaves its heap full of holes
(the Pango layouts of lines made and dropped, the temporary lists and dictionaries of each
page, WeasyPrint's box dictionaries over 512 bytes, which Python leaves to ``malloc``).
Measured on 300 synthetic pages when the layout ends: 191 MiB of heap, 97 MiB of it in use,
93 MiB free but still counted in the resident set.  ``malloc_trim`` gives the free pages
inside the heap back (issue 11, memory).  It changes no value the program computes, only
which of its pages the system keeps, so the PDF is the same byte for byte.

Elsewhere than glibc (macOS, musl) there is no ``malloc_trim``: nothing is done.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import sys
import weakref
from collections.abc import Iterator

from .patching import patched

EVERY = 32  # pages painted between two trims
# Pages from which a manual's pages are released as they are painted (pdf.released_as_painted):
# below this its memory is no concern (about 1 MiB a page at the peak), and releasing them
# costs time.
LARGE = 200


def trim() -> bool:
    """The heap's free pages handed back to the system; whether it could be done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    function(0)
    return True


@contextlib.contextmanager
def layout_garbage_released() -> Iterator[None]:
    """The layout's garbage freed by reference counting as soon as it is garbage, while the
    collector is off for the layout (pdf.frozen_collector), instead of by full collections.

    Two reference cycles of WeasyPrint 70 kept whole structures for the collector to find:
    - a laid-out page holds its footnote area among its children, and the area holds the page
      (``FootnoteAreaBox.page``).  WeasyPrint lays a document out in rounds, the second making
      again the pages whose "see page N" or contents numbers changed (the contents of a
      1,200-page manual: 34 pages, about 106 MiB a round), so every page a later round
      replaced stayed, with all its boxes, until a collection;
    - the layout context holds a partial of itself (``get_image_from_uri``) and its target
      collector holds closures over the collector (``parse_again``): once the document was
      rendered, the context, with its page maker, computed styles and formatting structure
      (1.8 million objects for 1,200 pages), waited for a collection too.
    A full collection walks every object alive: the two it took to free these cost 3.8 and
    5.3 s for 1,200 pages, the part of the layout that grew faster than the pages (issue 11).
    Here a replaced page lets go of its children when its round ends; a context refers to
    itself weakly from the start, and its collector lets go of its lookups when the next
    layout starts or this block ends.  Nothing else changes, so the PDF is the same byte for
    byte."""
    import weasyprint.document as wdocument
    import weasyprint.layout as wlayout

    original_pages = wlayout.make_all_pages
    original_layout = wdocument.layout_document
    contexts: list = []

    def make_all_pages(context, root_box, html, pages):
        previous = list(pages)
        made = set()
        for page in original_pages(context, root_box, html, pages):
            made.add(id(page))
            yield page
        for page in previous:
            if id(page) not in made:
                page.children = []

    def layout_document(html, root_box, context, *args, **kwargs):
        _released(contexts)  # rendered (manualgen renders again only after a render)
        contexts.append(context)
        context.get_image_from_uri = _without_itself(context.get_image_from_uri, context)
        return original_layout(html, root_box, context, *args, **kwargs)

    try:
        with patched(wlayout, "make_all_pages", make_all_pages), \
                patched(wdocument, "layout_document", layout_document):
            yield
    finally:
        _released(contexts)


def _without_itself(getter, context):
    """The context's image getter, ``partial(get_image_from_uri, ..., context=context)``, with
    the context referred to weakly: the same calls, and no cycle.  An SVG image that is
    drawn while the PDF is written loads its own pictures through the getter, and keeps
    the context alive itself (``SVGImage._context``).  Any other getter is left as it is."""
    if not (isinstance(getter, functools.partial) and getter.keywords.get("context") is context):
        return getter
    function, args = getter.func, getter.args
    keywords = {name: value for name, value in getter.keywords.items() if name != "context"}
    weak = weakref.ref(context)

    def get_image_from_uri(*more, **named):
        return function(*args, *more, **keywords, **named, context=weak())

    return get_image_from_uri


def _released(contexts: list) -> None:
    """The layout contexts of finished renders rid of the links that make them a cycle (their
    target collector's lookups hold closures over the collector): what they hold is freed
    with them.  ``contexts`` is emptied."""
    for context in contexts:
        collector = context.target_collector
        collector.target_lookup_items.clear()
        collector.counter_lookup_items.clear()
    contexts.clear()
