"""The font subsetting's arrays made without parsing a C type for each size (speed, issue 11).

WeasyPrint 70 subsets each font with HarfBuzz (``pdf/fonts.py``), passing the glyphs to keep
in an array it makes with ``ffi.new(f'hb_codepoint_t[{n}]', glyphs)``.  cffi parses every
type it has not seen, with pycparser, for 10 to 20 ms, and ``hb_codepoint_t[412]`` and
``hb_codepoint_t[413]`` are two types: a font's subset costs a parse or two (11 of them,
0.1-0.2 s, in a cold build of one language of the corpus; a watching process pays them at
its first save).  An open array ``hb_codepoint_t[]`` given the same items is the same array,
and its type is parsed once per process.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from .patching import patched

_SIZED = re.compile(r"\s*([A-Za-z_][A-Za-z_0-9 ]*?)\s*\[\s*(\d+)\s*\]\s*")


class _OpenArrays:
    """A cffi FFI whose ``new('T[N]', items)`` makes ``new('T[]', items)`` (or ``N`` zeroed
    items): the same array, of a type parsed once.  Everything else is the FFI's own."""

    def __init__(self, ffi) -> None:
        self._ffi = ffi

    def __getattr__(self, name: str):
        return getattr(self._ffi, name)

    def new(self, cdecl, init=None):
        match = _SIZED.fullmatch(cdecl) if isinstance(cdecl, str) else None
        if match is not None:
            size = int(match[2])
            if init is None:
                return self._ffi.new(f"{match[1]}[]", size)
            if isinstance(init, (list, tuple)) and len(init) == size:
                return self._ffi.new(f"{match[1]}[]", init)
        return self._ffi.new(cdecl, init)


@contextlib.contextmanager
def open_arrays_for_fonts() -> Iterator[None]:
    """WeasyPrint's font module makes its sized arrays as open ones within the block."""
    import weasyprint.pdf.fonts as wfonts

    with patched(wfonts, "ffi", _OpenArrays(wfonts.ffi)):
        yield
