"""Names: brand and product names (an inner capital: SpiGes, eIAM, KT_Superuser), tokens
of letters and digits (hashes, keys), and addresses and file names (example.ch/login,
bericht.xlsx) are never hyphenated, while the words around them still are."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# A word (letters, digits, underscores) with a capital after its first character and a small
# letter somewhere: SpiGes, eIAM, JavaScript, PDFs, the role KT_Superuser; not BFS, CH-LOGIN
# or the parts of BFS-Nummer.
_WORD = re.compile(r"\w{4,}")
# What a name is kept with: the text up to the spaces or hard hyphens around it, where a
# line may break anyway ("(SpiGes).", but "SpiGes" alone in "SpiGes-Plattform").  An
# address or a file name is kept with everything up to the spaces around it, hard hyphens
# included: it is one span, so a line breaks inside it (after a hyphen, or anywhere when it
# is longer than the line), and no part of it is hyphenated ("sort=-crea-ted_at").
_SEGMENT = re.compile(r"[^\s\-]+")
_RUN = re.compile(r"\S+")
_NO_NAMES_INSIDE = {"pre", "code", "kbd", "samp", "script", "style", "svg", "math", "textarea"}
NAME_CLASS = "mg-name"


def is_name(word: str) -> bool:
    """A word with an inner capital: a product or brand name, never hyphenated."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def is_token(word: str) -> bool:
    """Letters and digits mixed, ten or more: a hash, a key, an identifier (a7f3c9e10ca7…),
    which a reader copies or types as printed: a hyphen inside it is a wrong character, so
    it is never hyphenated (a line may still break inside it where it must)."""
    return (len(word) >= 10 and sum(c.isdigit() for c in word) >= 2
            and any(c.isalpha() for c in word))


# An address or a file name a reader types as printed: a scheme (https://), an e-mail
# address, or a name with a dot before letters (example.ch/login, bericht.xlsx).
_ADDRESS = re.compile(r"://|\w@\w|\w\.[^\W\d_]{2,}\b")


def is_address(segment: str) -> bool:
    """A web or e-mail address, a domain or a file name: a hyphen put inside it at a line's
    end ("exam-ple.ch") is a character the reader would type."""
    return bool(_ADDRESS.search(segment))


def keep_names_whole(root: ET.Element) -> None:
    """Put each name with an inner capital (``is_name``), and each token of letters and
    digits (``is_token``), in a ``span.mg-name``.

    ``hyphens: auto`` splits "SpiGes" into "Spi-Ges", which reads as two words; the print
    CSS sets ``hyphens: manual`` on the span, so the name moves to the next line whole while
    the words around it, and the other parts of a compound ("SpiGes-Benutzerverwaltung"),
    are still hyphenated.  The span takes the punctuation stuck to the name: WeasyPrint
    cannot break a span (even with ``overflow-wrap: anywhere``, in a narrow table column)
    that follows text with no break between them, as in "(SpiGes)".  Code, drawings and
    formulas are left alone.
    """
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _NO_NAMES_INSIDE:
            continue
        children = list(el)
        stack.extend(children)
        if el.text and _WORD.search(el.text):
            el.text, spans = _split_names(el.text)
            for i, span in enumerate(spans):
                el.insert(i, span)
        for child in children:
            if child.tail and _WORD.search(child.tail):
                child.tail, spans = _split_names(child.tail)
                at = list(el).index(child) + 1
                for i, span in enumerate(spans):
                    el.insert(at + i, span)


def _name_segments(text: str):
    """The matches of the names and addresses in ``text``, in order: a whole run between
    spaces when it is an address, else each part between hard hyphens that holds a name."""
    for run in _RUN.finditer(text):
        if is_address(run.group(0)):
            yield run
            continue
        for m in _SEGMENT.finditer(text, run.start(), run.end()):
            if is_address(m.group(0)) or any(
                    is_name(word) or is_token(word) for word in _WORD.findall(m.group(0))):
                yield m


def _split_names(text: str) -> tuple[str, list[ET.Element]]:
    """The text before the first name, and a span per name whose tail is the text after
    (a link's text too: a linked address is hyphenated like any text)."""
    spans: list[ET.Element] = []
    head, pos = None, 0
    for m in _name_segments(text):
        if spans:
            spans[-1].tail = text[pos:m.start()]
        else:
            head = text[:m.start()]
        span = ET.Element("span", {"class": NAME_CLASS})
        span.text = m.group(0)
        spans.append(span)
        pos = m.end()
    if not spans:
        return text, []
    spans[-1].tail = text[pos:]
    return head or "", spans

