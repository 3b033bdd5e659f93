"""Importing WeasyPrint without its slowest part: the search for libraries by names that
do not exist on Linux.

WeasyPrint opens Pango, GObject, HarfBuzz and fontconfig through cffi, trying several names
for each library, the Windows ones first (``libgobject-2.0-0``, ``gobject-2.0-0``, …).  For
each name that is not a file cffi asks ``ctypes.util.find_library``, which on Linux runs
``ldconfig -p`` and then, when the name is not in that list, compiles an empty program with
``gcc`` and runs ``ld`` to be sure (see WeasyPrint issue #1125).  Sixteen of the 22 names
fail so on a Debian machine: 0.15 to 0.25 s of every build that lays out a PDF (a third of
the whole import), most of it in child processes.

Here, during the import only, a name is looked up in the ``ldconfig -p`` list alone.  On
Linux ``find_library`` returns a file name, not a path: whatever it finds is then opened by
``dlopen`` with its own search (the ldconfig cache, ``LD_LIBRARY_PATH``, the default
folders).  WeasyPrint always tries the library's own name as well (``libgobject-2.0.so.0``),
which ``dlopen`` opens with that same search, so the same files are loaded.  Elsewhere
(macOS, Windows), or when Python's ctypes has no such lookup, nothing changes.
"""

from __future__ import annotations

import contextlib
import sys


def import_weasyprint() -> None:
    """Import WeasyPrint now (for :func:`manualgen.pdf.preload`), without the compiler
    runs of the library search."""
    if "weasyprint" in sys.modules:
        return
    with ldconfig_only_library_search():
        import weasyprint  # noqa: F401  (the import is the point)


@contextlib.contextmanager
def ldconfig_only_library_search():
    """``ctypes.util.find_library`` answered from the ldconfig list alone, on Linux, until
    the block ends (the original is always put back)."""
    import ctypes.util

    ldconfig = getattr(ctypes.util, "_findSoname_ldconfig", None)  # CPython, Linux
    if not sys.platform.startswith("linux") or ldconfig is None:
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = ldconfig
    try:
        yield
    finally:
        ctypes.util.find_library = original
