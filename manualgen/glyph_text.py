"""Every glyph the PDF draws mapped to text (its fonts' ``/ToUnicode``), as PDF/UA-1 asks.

WeasyPrint 70 maps a glyph to the text of its place in the first line that draws it (the
glyph's cluster, ``draw/text.py``).  A cluster drawn with more than one glyph gives all its
text to one of them and nothing to the others: an Arabic letter under a vowel mark
(``ئً`` in ``خاطئًا``), a Devanagari vowel sign drawn in two parts, a Latin letter with a
combining accent.  The other glyph was then mapped to no text at all, for the whole PDF,
even where a later line draws it alone, and written as ``<05e2> <>``: a malformed CMap
(page-validation: ``PDFUA1-FONT-UNICODE-MAPPING-001``), and a letter lost to search and
screen readers everywhere it appeared.

Here an empty mapping is not kept: a later line that draws the glyph with text maps it.  A
glyph that no line gives text gets the character its font maps to it (its own ``cmap``
entry: a vowel mark, a letter's presentation form), else a zero-width space, so that it is
mapped and adds nothing visible to the text.  A PDF whose glyphs all had text is written
byte for byte as before.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

from .patching import patched

NO_TEXT = "\u200b"  # for a glyph that neither a line nor its font gives a character


class GlyphText(dict):
    """A font's glyph → text map that keeps only mappings to some text; the glyphs that
    were drawn with none are remembered in ``untold``."""

    def __init__(self) -> None:
        super().__init__()
        self.untold: set[int] = set()

    def __setitem__(self, glyph: int, text: str) -> None:
        if text:
            super().__setitem__(glyph, text)
        else:
            self.untold.add(glyph)


def own_characters(file_content: bytes, index: int, glyphs: set[int]) -> dict[int, str]:
    """The character the font's ``cmap`` maps to each of ``glyphs`` (the lowest, when it
    maps several), for those it maps at all."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(file_content), fontNumber=index, lazy=True)
        ids = {name: glyph for glyph, name in enumerate(font.getGlyphOrder())}
        found: dict[int, str] = {}
        for code, name in sorted(font.getBestCmap().items()):
            glyph = ids.get(name)
            if glyph in glyphs and glyph not in found:
                found[glyph] = chr(code)
        return found
    except (TTLibError, KeyError, ValueError, AttributeError, AssertionError, OSError):
        return {}


def completed(font) -> None:
    """Every glyph ``font`` drew without text mapped to its own character or NO_TEXT, in
    glyph order (after the glyphs that have text)."""
    mapping = font.to_unicode
    untold = sorted(getattr(mapping, "untold", set()) - mapping.keys())
    if not untold:
        return
    own = own_characters(font.file_content, font.index, set(untold))
    for glyph in untold:
        dict.__setitem__(mapping, glyph, own.get(glyph, NO_TEXT))


@contextlib.contextmanager
def glyphs_mapped() -> Iterator[None]:
    """Within the block, the PDFs WeasyPrint writes map every glyph they draw to text."""
    import weasyprint.pdf as wpdf
    import weasyprint.pdf.stream as wstream

    original_font = wstream.Font
    original_build = wpdf.build_fonts_dictionary

    class MappedFont(original_font):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.to_unicode = GlyphText()

    def build_fonts_dictionary(pdf, fonts, *args, **kwargs):
        for font in fonts.values():
            completed(font)
        return original_build(pdf, fonts, *args, **kwargs)

    with patched(wstream, "Font", MappedFont), \
            patched(wpdf, "build_fonts_dictionary", build_fonts_dictionary):
        yield
