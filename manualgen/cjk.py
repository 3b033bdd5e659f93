"""Goldmark's CJK extension, as Hugo turns it on with ``[markup.goldmark.extensions.cjk]``:
which line breaks inside a paragraph it removes between two characters (``eastAsianLineBreaks``,
in its ``simple`` or ``css3draft`` style).  A kept break prints as a space; a removed one
joins the characters, as Chinese and Japanese text is written without spaces."""

from __future__ import annotations

import unicodedata

# Goldmark's util.IsEastAsianWideRune: the Han, Hiragana, Katakana and Hangul scripts, the
# modifier letters (Lm) and the block "CJK Symbols and Punctuation".
_WIDE_RANGES = (
    (0x1100, 0x11FF), (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3000, 0x303F),
    (0x3041, 0x3096), (0x309D, 0x309F), (0x30A1, 0x30FA), (0x30FD, 0x30FF), (0x3131, 0x318E),
    (0x31F0, 0x31FF), (0x3200, 0x321E), (0x3260, 0x327E), (0x32D0, 0x32FE), (0x3300, 0x3357),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xD7B0, 0xD7FB),
    (0xF900, 0xFAD9), (0xFF66, 0xFF9D), (0xFFA0, 0xFFDC), (0x1B000, 0x1B16F),
    (0x20000, 0x3134F),
)
# The space-discarding set of CSS Text 3 (2020 draft), which Goldmark's css3draft style reads.
_DISCARDING_RANGES = (
    (0x2E80, 0x2FDF), (0x2FF0, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x3190, 0x31FF),
    (0x3200, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x16FE0, 0x16FFF), (0x1B000, 0x1B16F),
    (0x20000, 0x3134F),
)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3131, 0x318E), (0xA960, 0xA97C), (0xAC00, 0xD7A3),
                  (0xD7B0, 0xD7FB), (0xFFA0, 0xFFDC))


def _in(ranges: tuple[tuple[int, int], ...], char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def is_wide(char: str) -> bool:
    """Goldmark's IsEastAsianWideRune."""
    return _in(_WIDE_RANGES, char) or unicodedata.category(char) == "Lm"


def keeps_break(style: str, before: str, after: str) -> bool:
    """Whether a soft line break between ``before`` and ``after`` stays (as a space) in
    Goldmark's ``eastAsianLineBreaks`` of ``style`` ("simple", or "css3draft")."""
    if style != "css3draft":
        return not (is_wide(before) and is_wide(after))
    if "\u200b" in (before, after):
        return False
    if _full_width(before) and _full_width(after):
        return _in(_HANGUL_RANGES, before) or _in(_HANGUL_RANGES, after)
    return not any(_in(_DISCARDING_RANGES, char) or unicodedata.category(char)[0] == "P"
                   or char == "\u3000" for char in (before, after))


def _full_width(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W", "H")
