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

A line whose glyphs do not spell its text one by one (Indic vowel signs drawn before their
consonant, Thai tone marks raised over a vowel) also carries its text as ``ActualText``
(:func:`drawn_as_text`), and its glyphs that share a cluster are mapped from elsewhere.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import io
import itertools
from collections.abc import Iterator

from .patching import patched

NO_TEXT = "\u200b"  # for a glyph that neither a line nor its font gives a character


class GlyphText(dict):
    """A font's glyph → text map that keeps only mappings to some text; the glyphs that
    were drawn with none are remembered in ``untold``.  A glyph in ``deferred`` (one that
    shares its cluster with other glyphs in the line being drawn) is not mapped from that
    line: the text it is given is its cluster's, not its own."""

    def __init__(self, deferred: frozenset[int] | set[int] = frozenset()) -> None:
        super().__init__()
        self.untold: set[int] = set()
        self.deferred = deferred

    def __setitem__(self, glyph: int, text: str) -> None:
        if text and glyph not in self.deferred:
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
    """Within the block, the PDFs WeasyPrint writes map every glyph they draw to text, and
    a line whose glyphs do not spell its text one by one carries its text as well
    (:func:`drawn_as_text`)."""
    import weasyprint.draw.text as wtext
    import weasyprint.pdf as wpdf
    import weasyprint.pdf.stream as wstream

    original_font = wstream.Font
    original_build = wpdf.build_fonts_dictionary
    deferred: set[int] = set()  # the glyphs sharing a cluster in the line being drawn

    class MappedFont(original_font):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.to_unicode = GlyphText(deferred)

    def build_fonts_dictionary(pdf, fonts, *args, **kwargs):
        for font in fonts.values():
            completed(font)
        return original_build(pdf, fonts, *args, **kwargs)

    with patched(wstream, "Font", MappedFont), \
            patched(wpdf, "build_fonts_dictionary", build_fonts_dictionary), \
            patched(wtext, "draw_first_line", drawn_as_text(wtext.draw_first_line, deferred)):
        yield


# --- joiners ---------------------------------------------------------------------------------

# Characters that change how the letters around them are drawn but draw nothing themselves:
# Persian writes the non-joiner inside words (می‌خواهم), and the joiner joins two letters.
JOINERS = ("\u200c", "\u200d")


# Characters whose glyph, in a font that has one, may stand for a joiner: fonts often draw
# the joiners themselves as a visible mark for editors (Noto Sans Arabic does), while a
# zero-width space or word joiner is usually an empty glyph.  Pango never draws any of them
# (they are default-ignorable), so such a glyph is free to carry the joiner's text.
STAND_INS = ("\u200b", "\u2060", "\ufeff")


def joiner_glyphs(file_content: bytes, index: int) -> dict[str, int]:
    """For each joiner, an empty glyph of the font (no outline) that may draw it: its own
    glyph when that is empty, else the empty glyph of a stand-in, one glyph per joiner."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(file_content), fontNumber=index, lazy=True)
        cmap, shapes = font.getBestCmap() or {}, font.getGlyphSet()
        found: dict[str, int] = {}
        for joiner in JOINERS:
            for character in (joiner, *STAND_INS):
                name = cmap.get(ord(character))
                if name is None or font.getGlyphID(name) in found.values():
                    continue
                pen = BoundsPen(shapes)
                shapes[name].draw(pen)
                if pen.bounds is None:
                    found[joiner] = font.getGlyphID(name)
                    break
        return found
    except (TTLibError, KeyError, ValueError, AttributeError, AssertionError, OSError):
        return {}


@contextlib.contextmanager
def joiners_drawn() -> Iterator[None]:
    """Within the block, a zero-width non-joiner or joiner is drawn as an empty glyph of its
    font (:func:`joiner_glyphs`) where the font has one, so the PDF's text keeps it.

    Pango shapes every default-ignorable character to its empty glyph, which WeasyPrint 70
    draws as a move only, with no glyph and so no text (``draw/text.py``): copied or
    searched, می‌خواهم read میخواهم.  The lines are laid out already when the PDF is
    written; each line's glyphs are changed as WeasyPrint takes it to draw, and the
    advance Pango gave (none) is kept, so nothing moves on the page."""
    from weasyprint.text import line_break

    original = line_break.Layout.get_first_line
    glyphs: dict[int, dict[str, int]] = {}  # a font face's address → its joiners' glyphs

    def get_first_line(self):
        line, index = original(self)
        _give_joiners_glyphs(line, self.text, glyphs)
        return line, index

    with patched(line_break.Layout, "get_first_line", get_first_line):
        yield


def _give_joiners_glyphs(line, text: str, glyphs: dict[int, dict[str, int]]) -> None:
    """Each of ``line``'s empty glyphs that stands for a joiner becomes the glyph
    :func:`joiner_glyphs` found for it in its font."""
    if not any(joiner in text for joiner in JOINERS):
        return
    from weasyprint.text.ffi import ffi, harfbuzz, pango
    from weasyprint.text.fonts import get_hb_object_data, get_pango_font_hb_face

    utf8 = text.encode()
    run = line.runs
    while run != ffi.NULL:
        item = run.data
        run = run.next
        string = item.glyphs
        for i in range(string.num_glyphs):
            if string.glyphs[i].glyph != pango.PANGO_GLYPH_EMPTY:
                continue
            start = item.item.offset + string.log_clusters[i]
            character = utf8[start:start + 3].decode("utf-8", "ignore")[:1]
            if character not in JOINERS:
                continue
            face = get_pango_font_hb_face(item.item.analysis.font)
            key = int(ffi.cast("uintptr_t", face))
            if key not in glyphs:
                glyphs[key] = joiner_glyphs(get_hb_object_data(face),
                                            harfbuzz.hb_face_get_index(face))
            if character in glyphs[key]:
                string.glyphs[i].glyph = glyphs[key][character]


# --- lines whose glyphs do not spell their text ----------------------------------------------

# Below this, every character is Latin, and the bundled fonts draw each as one glyph of its
# own, in the order of the text: nothing to ask Pango about.  Combining marks (U+0300 …)
# and every other script start here.
_SIMPLE_BELOW = "\u0300"


@dataclasses.dataclass(frozen=True)
class DrawnLine:
    text: str  # what the line reads
    shared: frozenset[int]  # its glyphs that share a cluster with another glyph


def drawn_as_text(draw_first_line, deferred: set[int]):
    """WeasyPrint's ``draw_first_line``, drawing a line whose glyphs do not spell its text
    one by one inside a marked-content span that carries the text (``/Span <</ActualText
    …>> BDC … EMC``); its glyphs that share a cluster are ``deferred`` meanwhile.

    A PDF maps each glyph to one piece of text for the whole file (``/ToUnicode``), and an
    extractor reads the glyphs in the order and at the places they are drawn.  Devanagari
    and Tamil draw a vowel sign before the consonant it follows (कि, கை) and a reph after
    the letters it precedes (र्ड), in clusters of several glyphs; Thai and Arabic raise and
    lower marks over their letters.  Glyph by glyph, a Hindi line copied or searched read
    पासवर्ड as सविडर्ड.  ``ActualText`` is the PDF's way to say what a run of glyphs reads:
    pdfium, poppler and Acrobat take it for copying, search and reading aloud.  A line
    whose every glyph is a cluster of its own, in order and on the baseline (Latin, Greek,
    Cyrillic, CJK, Hangul), is written exactly as before.

    A line with right-to-left text is written as before too: poppler and pdfium reorder an
    ActualText as if it were in the order drawn, so an Arabic line that carried its text
    came out backwards (خاطئًا مُحَمَّد as دَّمَحُم اًئطاخ in pdftotext)."""

    def draw(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs):
        line = None
        if text_overflow in ("clip", "none") and block_ellipsis == "none":
            line = drawn_line(textbox)  # (an ellipsis would change the line's text)
        if line is None:
            return draw_first_line(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs)
        deferred.update(line.shared)
        stream.begin_marked_content("Span", _actual_text(line.text))
        try:
            return draw_first_line(stream, textbox, text_overflow, block_ellipsis, *args, **kwargs)
        finally:
            stream.end_marked_content()
            deferred.clear()

    return draw


def _actual_text(text: str):
    import pydyf

    return pydyf.Dictionary({"ActualText": pydyf.String(text)})


def drawn_line(textbox) -> DrawnLine | None:
    """What ``textbox``'s first line reads and which of its glyphs share a cluster, when its
    glyphs do not spell it one by one (a cluster of several glyphs, clusters out of the
    text's order, a glyph raised or lowered off the baseline); else None."""
    if not textbox.text or max(textbox.text) < _SIMPLE_BELOW:
        return None
    from weasyprint.text.ffi import ffi

    line, _ = textbox.pango_layout.get_first_line()
    start, end, shared, moved = None, 0, set(), False
    run = line.runs
    while run != ffi.NULL:
        item = run.data
        run = run.next
        if item.item.analysis.level % 2:
            return None  # (right to left: see the docstring of drawn_as_text)
        offset, length = item.item.offset, item.item.length
        start = offset if start is None else min(start, offset)
        end = max(end, offset + length)
        string = item.glyphs
        glyphs = [string.glyphs[i] for i in range(string.num_glyphs)]
        clusters = [string.log_clusters[i] for i in range(string.num_glyphs)]
        shared |= sharing_glyphs([g.glyph for g in glyphs], clusters)
        moved = moved or any(g.geometry.y_offset for g in glyphs)
        moved = moved or not in_text_order(clusters)
    if start is None or not (shared or moved):
        return None
    # the space that ends a box before the next inline box stays: it parts two words
    text = textbox.pango_layout.text.encode()[start:end].decode("utf-8", "replace").rstrip("\n")
    return DrawnLine(text, frozenset(shared)) if text.strip() else None


def sharing_glyphs(glyphs: list[int], clusters: list[int]) -> set[int]:
    """The glyphs whose cluster has another glyph too."""
    counts = collections.Counter(clusters)
    return {glyph for glyph, cluster in zip(glyphs, clusters) if counts[cluster] > 1}


def in_text_order(clusters: list[int]) -> bool:
    """Whether a left-to-right run's clusters come in the text's order."""
    return all(a <= b for a, b in itertools.pairwise(clusters))
