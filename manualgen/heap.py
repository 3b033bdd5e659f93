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
import gc
import sys
from collections.abc import Iterator

from .patching import patched

EVERY = 32  # pages painted between two trims
# Pages from which the layout's garbage is worth a full collection: one walks every object of
# the layout (0.04-0.1 s for a 42-page language, 5 s for 1,200 pages), and below this a
# manual's memory is no concern (about 1 MiB a page at the peak).
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
def collected_between_rounds(from_pages: int = LARGE) -> Iterator[None]:
    """The pages that a later round of WeasyPrint's pagination made again collected as soon
    as no round holds them, while the collector is off for the layout (pdf.frozen_collector).

    WeasyPrint lays a document out in rounds: the second makes again the pages whose
    "see page N" or contents numbers changed (the contents of a 1,200-page manual: 34 pages
    each holding some 40 lines of leader dots, one text box per dot: about 106 MiB a round),
    the third those that changed again.  A replaced page's boxes hold reference cycles, so
    with the collector off they stayed until the PDF was written: two old copies of the
    contents on top of the peak.  Each round still needs the round before it (it keeps the
    pages that did not change), so the copies of every round but the last are garbage once
    the last round is over: collected then, once (when the first page is handed on).  A
    collection walks every object of the layout (about 5 s of CPU for 1,200 pages on a
    loaded machine), so there is none between rounds, which would free one copy of the
    contents a round earlier (1,200 pages: layout peak 1,376 MiB with it, 1,392 without).
    Nothing is collected for a document laid out in one round, nor for one of fewer than
    ``from_pages`` pages."""
    import weasyprint.document as wdocument
    import weasyprint.layout as wlayout

    original_pages = wlayout.make_all_pages
    original_layout = wdocument.layout_document
    rounds = [0]

    def make_all_pages(context, root_box, html, pages):
        rounds[0] += 1
        return original_pages(context, root_box, html, pages)

    def layout_document(html, root_box, context, *args, **kwargs):
        rounds[0] = 0
        first = True
        for page in original_layout(html, root_box, context, *args, **kwargs):
            if first and rounds[0] >= 2 and len(context.page_maker) >= from_pages:
                gc.collect()
            first = False
            yield page

    with patched(wlayout, "make_all_pages", make_all_pages), \
            patched(wdocument, "layout_document", layout_document):
        yield
