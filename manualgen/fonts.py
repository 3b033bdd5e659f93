"""Which characters of a manual no font can draw: they would print as empty boxes.

The bundled fonts (styles/fonts) cover Latin, Greek and Cyrillic; every other script is drawn
by a font of the machine, found through fontconfig as WeasyPrint (Pango) finds it. A manual
whose characters all lie in the bundled fonts costs one set difference and no font file is
opened: the check reads the bundled fonts' character maps only when a character lies outside
Latin-1, and asks fontconfig (one ``fc-list`` call, a few milliseconds from its cache) only
for characters the bundled fonts lack.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import WARNING, Finding

FONTS_DIR = Path(__file__).resolve().parent.parent / "styles" / "fonts"
BUNDLED_FONTS = ("SourceSans3-Regular.ttf.woff", "SourceCodePro-Regular.ttf.woff")
# Debian packages that hold the Noto fonts manual.css names for each script.
FONT_PACKAGES = "fonts-noto-core, fonts-noto-cjk"
# …and the one for emoji (👋, 🌐, ❓), which neither holds; WeasyPrint draws its colour glyphs.
EMOJI_PACKAGE = "fonts-noto-color-emoji"
# Code points of the emoji and pictographs that only an emoji font has (Unicode's
# Extended_Pictographic blocks: dingbats and symbols, then the pictographs of plane 1).
_EMOJI_RANGES = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
SHOWN = 12  # characters named in the message; the rest are counted
_TAG = re.compile(r"<[^>]*>")
_LATIN1 = frozenset(range(0x20, 0x100))


@dataclass(frozen=True)
class Text:
    """Printed text and where it comes from (a page's file and the line its body starts on)."""

    text: str
    file: Path | None = None
    line: int | None = None


def printed_text(markup: str) -> str:
    """The characters an HTML fragment prints: tags left out, entities decoded."""
    return html.unescape(_TAG.sub(" ", markup))


def needs_glyph(char: str) -> bool:
    """Spaces, controls and format characters (joiners, bidi marks, variation selectors)
    are drawn with no glyph of their own."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False
    return unicodedata.category(char)[0] not in "CZ" or unicodedata.category(char) == "Co"


@functools.cache
def bundled_coverage() -> frozenset[int]:
    """The code points of the bundled text and code fonts."""
    from fontTools.ttLib import TTFont  # only for a manual with characters beyond Latin-1

    covered: set[int] = set()
    for name in BUNDLED_FONTS:
        with TTFont(FONTS_DIR / name, lazy=True) as font:
            covered.update(font.getBestCmap() or {})
    return frozenset(covered)


def parse_charset(charset: str) -> list[tuple[int, int]]:
    """fontconfig's charset text ("20-7e a0 3b1-3c9") as inclusive ranges of code points."""
    ranges = []
    for item in charset.split():
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue  # not a range: fontconfig's format changed; skip the item, not the check
    return ranges


def system_ranges() -> list[tuple[int, int]] | None:
    """Every range of code points some installed font covers, or None when fontconfig's
    ``fc-list`` is not there to ask (then nothing can be said)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        done = subprocess.run([fc_list, "--format", "%{charset}\n"], capture_output=True,
                              text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return [r for line in done.stdout.splitlines() for r in parse_charset(line)]


def uncovered(chars: set[str], ranges: list[tuple[int, int]]) -> set[str]:
    """The characters no range holds (ranges merged, then one binary search per character)."""
    merged: list[list[int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    starts = [low for low, _ in merged]
    missing = set()
    for char in chars:
        at = bisect.bisect_right(starts, ord(char)) - 1
        if at < 0 or ord(char) > merged[at][1]:
            missing.add(char)
    return missing


def missing_glyphs(texts: Iterable[Text], lang: str,
                   ranges: list[tuple[int, int]] | None = None) -> list[Finding]:
    """One warning (code ``missing-glyphs``) naming the characters of ``texts`` that neither
    the bundled fonts nor any installed font has, with the first file that uses one.

    ``ranges`` stands in for the installed fonts' coverage (tests); by default fontconfig is
    asked, and only when the bundled fonts leave characters over."""
    texts = list(texts)
    chars = set().union(*(set(t.text) for t in texts)) if texts else set()
    chars = {c for c in chars if ord(c) not in _LATIN1 and needs_glyph(c)}
    if chars:
        chars -= {chr(code) for code in bundled_coverage() & {ord(c) for c in chars}}
    if not chars:
        return []
    if ranges is None:
        ranges = system_ranges()
        if ranges is None:
            return []
    missing = uncovered(chars, ranges)
    if not missing:
        return []
    first = next(t for t in texts if missing & set(t.text))
    ordered = sorted(missing)
    shown = ", ".join(_describe(c) for c in ordered[:SHOWN])
    more = f" and {len(ordered) - SHOWN} more" if len(ordered) > SHOWN else ""
    count = f"{len(ordered)} character{'s' if len(ordered) > 1 else ''}"
    message = (f'no installed font has {count} of the "{lang}" manual, which print as empty '
               f"boxes: {shown}{more}; install a font for them (Debian: {font_packages(missing)}) "
               "or name one in a site stylesheet")
    return [Finding(WARNING, "missing-glyphs", message, str(first.file) if first.file else None,
                    _line_of(first, missing), lang=lang)]


def font_packages(chars: set[str]) -> str:
    """The Debian packages to name for fonts that draw ``chars``: the Noto fonts for scripts,
    the emoji font for emoji; the emoji font alone when only pictographs of plane 1 are
    missing (the symbols below them are partly in the Noto symbol fonts)."""
    emoji = {c for c in chars if any(low <= ord(c) <= high for low, high in _EMOJI_RANGES)}
    if not emoji:
        return FONT_PACKAGES
    if all(ord(c) >= _EMOJI_RANGES[-1][0] for c in chars):
        return EMOJI_PACKAGE
    return f"{FONT_PACKAGES}, {EMOJI_PACKAGE}"


_PRINTED_CONTROLS = re.compile(r"[\x01-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


def control_characters(texts: Iterable[Text], lang: str) -> list[Finding]:
    """A warning (code ``missing-glyphs``) for each text that holds control characters
    other than tabs and line ends: WeasyPrint prints each as an empty box, and no font can
    help.  They come with text pasted from a word processor (U+000B is Word's line break)
    or from escapes in front matter (``title: "A\\x07"``).  A text without a file (the
    whole document: cover, contents) is reported only for characters no page holds."""
    findings, seen = [], set()
    for text in texts:
        found = sorted(set(_PRINTED_CONTROLS.findall(text.text)) - (seen if not text.file else set()))
        if not found:
            continue
        seen.update(found)
        shown = ", ".join(f"U+{ord(c):04X}" for c in found[:SHOWN])
        what = (f"the control character {shown}, which prints as an empty box: delete it"
                if len(found) == 1 else f"the control characters {shown}, which print as empty "
                "boxes: delete them")
        findings.append(Finding(
            WARNING, "missing-glyphs", f"the text holds {what} (a line break pasted from a word "
            "processor is one)", str(text.file) if text.file else None,
            _line_of(text, set(found)), lang=lang))
    return findings


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"{char} (U+{ord(char):04X}{' ' + name if name else ''})"


def _line_of(text: Text, missing: set[str]) -> int | None:
    """The line of the source file where one of ``missing`` first appears, else the line the
    text starts on (a character that came from a shortcode or an i18n string)."""
    if text.file is None:
        return text.line
    try:
        lines = text.file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return text.line
    return next((n for n, line in enumerate(lines, 1) if missing & set(line)), text.line)
