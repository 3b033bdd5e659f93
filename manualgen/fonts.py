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

from .errors import INFO, WARNING, Finding

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
    are drawn with no glyph of their own.  A character this Python's Unicode database does
    not know (category Cn) needs one: it is most likely a letter of a script newer than the
    database (Nag Mundari and Kawi, Unicode 15, are unknown to Python 3.11)."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False
    category = unicodedata.category(char)
    return category[0] not in "CZ" or category in ("Co", "Cn")


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


# What prints in place of a symbol or emoji that no installed font draws, when a font does
# draw the stand-in (the bundled Source Sans has every one but the pointing hands, stars
# and ℹ): a manual printed without an emoji font shows a check mark, not an empty box,
# where the web shows ✅.  Colour is lost; the meaning is kept.  Regional indicators (a
# flag such as 🇨🇭) print as their two letters; skin tones and the keycap frame are left
# out (the emoji or digit they modify prints).
STAND_INS = {
    "\u2705": "\u2714", "\u2714": "\u2713", "\u2611": "\u2713",  # ✅ ✔ ☑
    "\u274c": "\u2718", "\u274e": "\u2612", "\u2716": "\u00d7",  # ❌ ❎ ✖
    "\u2718": "\u00d7", "\u2717": "\u00d7",
    "\u2757": "!", "\u2755": "!", "\u2753": "?", "\u2754": "?", "\u203c": "!!", "\u2049": "!?",
    "\u26a0": "!", "\u2139": "i", "\u26d4": "\u2298", "\U0001f6ab": "\u2298",
    "\u2795": "+", "\u2796": "\u2212", "\u2797": "\u00f7",
    "\u27a1": "\u2192", "\u2b05": "\u2190", "\u2b06": "\u2191", "\u2b07": "\u2193",
    "\U0001f449": "\u261e", "\U0001f448": "\u261c", "\U0001f446": "\u261d", "\U0001f447": "\u261f",
    "\u2b50": "\u2605", "\U0001f31f": "\u2605", "\u2764": "\u2665",
    "\u26aa": "\u25cb", "\u26ab": "\u25cf", "\u2b1b": "\u25a0", "\u2b1c": "\u25a1",
    **{chr(c): "\u25cf" for c in (0x1F534, 0x1F535, *range(0x1F7E0, 0x1F7E4 + 1))},  # 🔴 🔵 🟠…🟤
    **{chr(c): "\u25a0" for c in range(0x1F7E5, 0x1F7EB + 1)},  # 🟥 … 🟫
    **{chr(c): "\u2022" for c in (0x1F538, 0x1F539, 0x1F536, 0x1F537)},  # 🔸 🔹 🔶 🔷
    "\U0001f197": "OK", "\U0001f195": "NEW", "\U0001f193": "FREE", "\U0001f199": "UP!",
    **{chr(0x1F1E6 + i): chr(ord("A") + i) for i in range(26)},  # 🇦 … 🇿
    **{chr(c): "" for c in range(0x1F3FB, 0x1F3FF + 1)},  # skin tones
    "\u20e3": "",  # the keycap frame of 1️⃣
}


def _is_emoji(char: str) -> bool:
    """Whether ``char`` is in the emoji and pictograph blocks (:data:`_EMOJI_RANGES`)."""
    return any(low <= ord(char) <= high for low, high in _EMOJI_RANGES)


def emoji_name(char: str) -> str:
    """``[name]`` for an emoji or pictograph that Unicode names, else "".  One with no
    stand-in above prints so ("[waving hand sign]") when no font draws it, rather than as
    an empty box (WeasyPrint's .notdef glyph, which PDF/UA-1 refuses): the reader is told
    what the web page shows.  Letters of a script no font has stay boxes, with a warning."""
    name = unicodedata.name(char, "") if _is_emoji(char) else ""
    return f"[{name.lower()}]" if name else ""


@dataclass(frozen=True)
class GlyphCheck:
    """What the fonts cannot draw in a manual: the findings, and the characters that print
    as a stand-in (:data:`STAND_INS`) instead of an empty box."""

    findings: list[Finding]
    stand_ins: dict[str, str]


def missing_glyphs(texts: Iterable[Text], lang: str,
                   ranges: list[tuple[int, int]] | None = None) -> list[Finding]:
    """The findings of :func:`check_glyphs`."""
    return check_glyphs(texts, lang, ranges).findings


def check_glyphs(texts: Iterable[Text], lang: str,
                 ranges: list[tuple[int, int]] | None = None) -> GlyphCheck:
    """The characters of ``texts`` that neither the bundled fonts nor any installed font
    has: a note (code ``glyph-stand-in``) for those that print as a stand-in, and a warning
    (code ``missing-glyphs``) naming the rest, which print as empty boxes; each with the
    first file that uses one.

    ``ranges`` stands in for the installed fonts' coverage (tests); by default fontconfig is
    asked, and only when the bundled fonts leave characters over."""
    texts = list(texts)
    chars = _beyond_bundled(set().union(*(set(t.text) for t in texts)) if texts else set())
    if not chars:
        return GlyphCheck([], {})
    if ranges is None:
        ranges = system_ranges()
        if ranges is None:
            return GlyphCheck([], {})
    missing = uncovered(chars, ranges)
    if not missing:
        return GlyphCheck([], {})
    stand_ins = {c: STAND_INS[c] for c in missing
                 if c in STAND_INS and _drawn(STAND_INS[c], ranges)}
    stand_ins.update({c: named for c in missing - stand_ins.keys()
                      if (named := emoji_name(c)) and _drawn(named, ranges)})
    findings = []
    if stand_ins:
        findings.append(_stand_in_note(texts, stand_ins, lang))
    boxes = missing - stand_ins.keys()
    if boxes:
        findings.append(_boxes_warning(texts, boxes, lang))
    return GlyphCheck(findings, stand_ins)


def _beyond_bundled(chars: set[str]) -> set[str]:
    """The characters that need a glyph and that the bundled fonts lack (beyond Latin-1,
    whose characters they all have, their character maps are read)."""
    chars = {c for c in chars if ord(c) not in _LATIN1 and needs_glyph(c)}
    if chars:
        chars -= {chr(code) for code in bundled_coverage() & {ord(c) for c in chars}}
    return chars


def _drawn(text: str, ranges: list[tuple[int, int]]) -> bool:
    """Whether every character of ``text`` has a glyph in a bundled or installed font."""
    return not uncovered(_beyond_bundled(set(text)), ranges)


def _stand_in_note(texts: list[Text], stand_ins: dict[str, str], lang: str) -> Finding:
    ordered = sorted(stand_ins)
    shown = ", ".join(f"{_describe(c)} as {_shown(stand_ins[c])}" for c in ordered[:SHOWN])
    more = f" and {len(ordered) - SHOWN} more" if len(ordered) > SHOWN else ""
    message = (f'no installed font draws {len(ordered)} symbol{"s" if len(ordered) > 1 else ""} '
               f'of the "{lang}" manual, so {"they print" if len(ordered) > 1 else "it prints"} '
               f"as a stand-in: {shown}{more}; install a font that draws "
               f"{'them' if len(ordered) > 1 else 'it'} (an emoji font: Debian "
               f"{EMOJI_PACKAGE}) to print as on the web")
    return _finding(INFO, "glyph-stand-in", message, texts, set(stand_ins), lang)


def _boxes_warning(texts: list[Text], missing: set[str], lang: str) -> Finding:
    ordered = sorted(missing)
    shown = ", ".join(_describe(c) for c in ordered[:SHOWN])
    more = (f" and {len(ordered) - SHOWN} more ({code_ranges(ordered[SHOWN:])})"
            if len(ordered) > SHOWN else "")
    count = f"{len(ordered)} character{'s' if len(ordered) > 1 else ''}"
    message = (f'no installed font has {count} of the "{lang}" manual, which print as empty '
               f"boxes: {shown}{more}; install a font for them (Debian: {font_packages(missing)}) "
               "or name one in a site stylesheet")
    return _finding(WARNING, "missing-glyphs", message, texts, missing, lang)


def code_ranges(chars: list[str]) -> str:
    """Sorted characters as their code points, a run of consecutive ones as one range:
    "U+1E29C–U+1E29F, U+1E2A3"."""
    runs: list[list[int]] = []
    for code in (ord(c) for c in chars):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{low:04X}" if low == high else f"U+{low:04X}\u2013U+{high:04X}"
                     for low, high in runs)


def _finding(severity: str, code: str, message: str, texts: list[Text], chars: set[str],
             lang: str) -> Finding:
    first = next(t for t in texts if chars & set(t.text))
    return Finding(severity, code, message, str(first.file) if first.file else None,
                   _line_of(first, chars), lang=lang)


def _shown(stand_in: str) -> str:
    return f'"{stand_in}"' if stand_in else "nothing"


def with_stand_ins(markup: str, stand_ins: dict[str, str]) -> str:
    """``markup`` with each character of ``stand_ins`` in its text replaced by its stand-in;
    the emoji variation selector (U+FE0F) after one goes too, as it asks for a picture.
    Attributes that print (a running head's ``data-title``, an alt text) change too; an
    address (``href``, ``src``, …) keeps its characters, or the link would go elsewhere."""
    if not stand_ins:
        return markup
    pattern = re.compile("(" + "|".join(map(re.escape, sorted(stand_ins))) + ")\ufe0f?")

    def text(value: str) -> str:
        return pattern.sub(lambda m: stand_ins[m.group(1)], value)

    def attribute(m: re.Match) -> str:
        name = m.group(1).strip().rstrip("=").lower()
        return m.group(0) if name in _ADDRESS_ATTRIBUTES else m.group(1) + text(m.group(2))

    parts = _TAG_OR_TEXT.split(markup)  # text, tag, text, tag, …
    parts[::2] = [text(part) for part in parts[::2]]
    parts[1::2] = [_ATTRIBUTE.sub(attribute, tag) for tag in parts[1::2]]
    return "".join(parts)


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_ATTRIBUTE = re.compile(r"""(\s[^\s=<>"']+=)("[^"]*"|'[^']*')""")
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "srcset", "data", "poster", "action", "cite",
                                 "xlink:href", "formaction", "background"})


def font_packages(chars: set[str]) -> str:
    """The Debian packages to name for fonts that draw ``chars``: the Noto fonts for scripts,
    the emoji font for emoji; the emoji font alone when only pictographs of plane 1 are
    missing (the symbols below them are partly in the Noto symbol fonts)."""
    if not any(_is_emoji(c) for c in chars):
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
