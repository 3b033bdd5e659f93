"""Korean words are not broken inside.

Korean puts spaces between its words and breaks lines only there (CSS ``word-break:
keep-all``, which Korean web pages set).  Unicode's line breaking (UAX #14) allows a break
between any two Hangul syllables, and between a syllable and the Latin word or number it is
written against ("Dataloom은", "12자"); WeasyPrint 70 does not know ``keep-all`` (it ignores
the declaration with a warning), so "업로드하기" printed as "업로드하" at the end of one line
and "기" at the start of the next.  A word joiner (U+2060) between two such letters forbids
the break and draws nothing; Pango still breaks there when one word is longer than the
whole line (``overflow-wrap``), and the joiner is left out of the PDF's text layer, so the
word copies and searches as written.  Code is left alone; the PDF's bookmarks are written
without the joiners (pdf.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from ..xml_names import local_name
from .html import set_slot_text, slot_text

WORD_JOINER = "\u2060"
# Hangul syllables, jamo (and their extensions) and compatibility jamo, full and half width
_HANGUL = re.compile("[\u1100-\u11ff\u3131-\u318e\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"
                     "\uffa0-\uffdc]")
_LETTER = r"[^\W_]"  # a letter or a digit of any script
# the places between two letters or digits where one of them is Hangul
_INSIDE = re.compile(f"(?<={_HANGUL.pattern})(?={_LETTER})|(?<={_LETTER})(?={_HANGUL.pattern})")
# elements inside a line: their text runs on from the text around them
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em",
                     "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
                     "sub", "sup", "time", "u", "var"})
# inline elements whose text is printed as written (never given a joiner)
_VERBATIM = frozenset({"code", "kbd", "samp", "var"})
_NOT_TEXT = frozenset({"pre", "script", "style", "svg", "math", "textarea"})


def keep_korean_words_whole(root: ET.Element) -> None:
    """Put a word joiner between every two letters of ``root``'s text (across inline
    elements too) where one of them is Hangul; code, drawings and formulas are left alone."""
    for run in _runs(root):
        _join_run(run)


def joined(text: str) -> str:
    """``text`` with a word joiner between every two letters where one is Hangul."""
    if not text or not _HANGUL.search(text):
        return text
    return "".join(_joined_pieces([text], [True]))


def joined_words(value):
    """The template filter ``keep_words``: ``joined`` for a title (a string) or a description
    of plain text (markup without elements); markup with elements has been through the
    page passes already and is returned as it is."""
    if isinstance(value, Markup):
        return value if "<" in value else Markup(joined(str(value)))
    return joined(value) if isinstance(value, str) else value


def _joins(left: str, right: str) -> bool:
    """Whether no line may break between ``left`` and ``right``: two letters or digits,
    one of them Hangul."""
    pair = left + right
    return len(pair) == 2 and bool(_INSIDE.search(pair))


def _joined_pieces(texts: list[str], writable: list[bool]) -> list[str]:
    """The texts of one run, in reading order, with the joiners put in; a joiner between
    two texts goes into the second when it may be written to, else into the first."""
    out, before = [], ""
    for index, text in enumerate(texts):
        if not writable[index] or not text:
            out.append(text)
            before = text[-1] if text else before
            continue
        pieces = [_INSIDE.sub(WORD_JOINER, text)]
        if _joins(before, text[0]):
            pieces.insert(0, WORD_JOINER)
        following = _next_text(texts, index)
        if following is not None and not writable[following] and _joins(text[-1], texts[following][0]):
            pieces.append(WORD_JOINER)
        out.append("".join(pieces))
        before = text[-1]
    return out


def _next_text(texts: list[str], index: int) -> int | None:
    for following in range(index + 1, len(texts)):
        if texts[following]:
            return following
    return None


def _join_run(run: list[tuple[ET.Element, str, bool]]) -> None:
    texts = [slot_text(element, where) for element, where, _ in run]
    if not any(_HANGUL.search(text) for text in texts):
        return
    for (element, where, _), old, new in zip(run, texts, _joined_pieces(texts, [w for *_, w in run])):
        if new != old:
            set_slot_text(element, where, new)


def _runs(root: ET.Element) -> list[list[tuple[ET.Element, str, bool]]]:
    """The texts of ``root`` as runs of (element, "text" or "tail", writable) a line may
    run through: a block, a picture, a line break, a ``<wbr>`` or code block ends a run."""
    runs: list[list[tuple[ET.Element, str, bool]]] = [[]]
    _collect(root, runs, verbatim=False, top=True)
    return [run for run in runs if run]


def _collect(element: ET.Element, runs: list, verbatim: bool, top: bool = False) -> None:
    name = local_name(element.tag).lower()
    inline = name in _INLINE and not top
    if not inline:
        runs.append([])
    if name not in _NOT_TEXT and isinstance(element.tag, str):
        inner = verbatim or name in _VERBATIM
        runs[-1].append((element, "text", not inner))
        for child in element:
            _collect(child, runs, inner)
    if not inline:
        runs.append([])
    if not top:
        runs[-1].append((element, "tail", not verbatim))


