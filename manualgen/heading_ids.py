"""Heading ids as Hugo makes them: from the heading's text as Goldmark parsed it.

Hugo gives every heading without an id of its own one made from its *text*, after the
inline parsing, not from its source line (checked against the Hugo 0.149.1 and 0.168.0
binaries, which agree).  So ``## See [docs](https://x.org)`` is ``see-docs`` and
``[x](#see-docs)`` or ``relref "page.md#see-docs"`` only work in the manual if its ids are
made the same way:

- The text is the heading's inline content: text and code spans as written, named entities
  decoded (``caf&eacute;`` is "café"; numeric ones stay as written: ``&#233;`` gives "233"),
  typographer marks in, an emoji by its name (with ``enableEmoji``, ``:smile:`` is
  "smile"), raw HTML tags, autolinks, footnote references and math out.
- Of an element inside the heading (emphasis, link, image, code span) only its first piece
  of text counts, as Goldmark splits text into pieces: ``*a **b** c*`` gives "a ",
  ``_under_score_`` "under_" (the unmatched ``_`` ends the piece), ``*l'été*`` "l" (the
  typographer's apostrophe is a piece of its own), ``![Alt *em*](i.png)`` "Alt ".
- ``markup.goldmark.parser.autoHeadingIDType`` turns the text into an id: ``github`` (the
  default), ``github-ascii`` or ``blackfriday``; ``autoHeadingID = false`` gives none, and
  ``autoDefinitionTermID = true`` gives definition terms ids too.
- A heading with no text gets no id; one whose id comes out empty gets "heading" (a term
  "id"); an id already used on the page gets -1, -2 … (ids written as ``{#id}`` count).
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
import xml.etree.ElementTree as ET

from markdown import util as md_util
from markdown.treeprocessors import Treeprocessor

from .goldmark import ALERT_TITLE_CLASS

GITHUB, GITHUB_ASCII, BLACKFRIDAY = "github", "github-ascii", "blackfriday"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Python-Markdown's placeholders in text after the inline patterns: a backslash escape
# (the character's code) or a piece of stashed HTML (raw HTML, an entity, math).
_PLACEHOLDER = re.compile(f"{md_util.STX}(?:(\\d+)|wzxhzdk:(\\d+)){md_util.ETX}")
_ENTITY = re.compile(r"^&(?:#[xX]?)?[A-Za-z0-9]+;$")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
# manualgen's own tokens: a shortcode's output (Hugo has "HAHAHUGOSHORTCODE…" there, a
# number that changes from build to build) and raw blocks.
_TOKEN = re.compile(r"mg(?:sc|raw)\d+x")
_HUGO_PLACEHOLDER = re.compile(r"hahahugoshortcode\d+s\d+hbhb")
# Where Goldmark ends a piece of text inside an element: after a run of emphasis or
# strikethrough delimiters or backticks it could not pair, at a "[" (a link's opening)
# and at a line end.
_PIECE_END = re.compile(r"[*_~`]+|\[|\n")
# Go's unicode.IsSpace, which bytes.TrimSpace uses.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" \
            "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def _lower(ch: str) -> str:
    """Go's unicode.ToLower: one character for one ("İ" is "i", not "i" and a dot)."""
    low = ch.lower()
    return low if len(low) == 1 else low[0]


def _without_accents(text: str) -> str:
    """Hugo's text.RemoveAccents: decomposed, combining marks dropped, composed again."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def _github(text: str, ascii_only: bool) -> str:
    if ascii_only:
        text = _without_accents(text)
    out = []
    for ch in text.strip(_GO_SPACE):
        if ascii_only and not ch.isascii():
            continue
        if ch in "- ":
            out.append("-")
        elif ch == "_" or ch.isalpha() or unicodedata.category(ch) == "Nd":
            out.append(_lower(ch))
    return "".join(out)


def _blackfriday(text: str) -> str:
    """Letters and numbers (any kind, "²" too) in lower case, one "-" for each run of
    anything else between them."""
    out: list[str] = []
    dash = False
    for ch in text:
        if unicodedata.category(ch)[0] in "LN":
            if dash and out:
                out.append("-")
            dash = False
            out.append(_lower(ch))
        else:
            dash = True
    return "".join(out)


def hugo_anchor(text: str, kind: str = GITHUB) -> str:
    """A text as Hugo's anchor of ``autoHeadingIDType`` ``kind`` (an unknown kind is
    github, as in Hugo).  github: white space at the ends goes, letters, decimal digits (of
    any script) and "_" are kept in lower case, " " and "-" become "-", all else
    (punctuation, tabs, no-break spaces, combining marks) goes;
    github-ascii: the same after accents are taken off, ASCII only; blackfriday: see
    :func:`_blackfriday`."""
    if kind == BLACKFRIDAY:
        return _blackfriday(text)
    return _github(text, ascii_only=kind == GITHUB_ASCII)


class IdFactory:
    """Hugo's ids for one page: an empty id is "heading" ("id" for a definition term), an
    id already used gets "-1", "-2" …"""

    def __init__(self, kind: str = GITHUB) -> None:
        self.kind = kind
        self.used: set[str] = set()
        # per base, the last number tried: the first free one never goes down, since ids
        # are only ever added (without it, 20,000 headings of one text took 30 s)
        self.tried: dict[str, int] = {}

    def put(self, value: str) -> None:
        self.used.add(value)

    def generate(self, text: str, heading: bool = True) -> str:
        base = hugo_anchor(text, self.kind) or ("heading" if heading else "id")
        n = self.tried.get(base, 0)
        value = f"{base}-{n}" if n else base
        while value in self.used:
            n += 1
            value = f"{base}-{n}"
        self.tried[base] = n
        self.used.add(value)
        return value


class _Text:
    """Reads a heading's text the way Hugo's TextPlain reads Goldmark's nodes."""

    def __init__(self, stash: list, math: set[int], marks: dict, emoji: dict[int, str]) -> None:
        self.stash = stash  # Python-Markdown's stashed HTML (raw HTML, entities, math, emoji)
        self.math = math  # the stash entries that are math (passthrough): no text
        self.marks = marks  # (element, "text"/"tail") → where the typographer put marks
        self.emoji = emoji  # the stash entries that are emoji → their short names

    def of_block(self, el: ET.Element) -> str:
        """All of a heading's (or term's) own text, and the first piece of each element."""
        parts = _last_line(self._all(el.text or ""), [])
        for child in el:
            parts = [] if "\n" in "".join(child.itertext()) else parts + [self._first(child)]
            parts = _last_line(self._all(child.tail or ""), parts)
        return _decode_named_entities("".join(parts))

    def _stashed(self, index: int) -> tuple[str, bool]:
        """A stash entry's text, and whether it is a piece of its own (raw HTML, math)."""
        raw = self.stash[index] if index < len(self.stash) else ""
        if index in self.emoji:
            return self.emoji[index], True
        if not isinstance(raw, str) or index in self.math:
            return "", True
        if _ENTITY.match(raw):
            return raw, False
        return _TAG.sub("", raw).strip(), True

    def _all(self, text: str) -> str:
        def replace(m: re.Match) -> str:
            return chr(int(m.group(1))) if m.group(1) else self._stashed(int(m.group(2)))[0]

        return _TOKEN.sub("", _PLACEHOLDER.sub(replace, text))

    def _first(self, el: ET.Element) -> str:
        """The first piece of text inside an element (Goldmark's first child, and its first
        child, down to a piece of text)."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "img":
            return self._piece(el.get("alt") or "", [], source=True)
        if tag == "code":
            return html.unescape(el.text or "")  # Python-Markdown escaped it; Goldmark did not
        if tag == "sup" and (el.get("id") or "").startswith("fnref"):
            return ""  # a footnote reference: no text in Goldmark
        if tag == "a" and isinstance(el.text, md_util.AtomicString) and len(el) == 0:
            return ""  # an autolink: no text in Goldmark
        if el.text:
            return self._piece(el.text, self.marks.get((el, "text"), []))
        return self._first(el[0]) if len(el) else ""

    def _piece(self, text: str, marks: list[tuple[int, int]], source: bool = False) -> str:
        """The first piece of ``text`` as Goldmark splits it: up to a typographer mark (the
        mark alone if it comes first), raw HTML or math (their text if first), an unpaired
        delimiter run (taken in), a "[" or a line end.  In ``source`` (an image's
        description, as written) a run that opens emphasis ends the piece before it."""
        out: list[str] = []
        i = 0
        while i < len(text):
            mark = next((end for start, end in marks if start == i), None)
            if mark is not None:
                return "".join(out) if out else text[i:mark]
            m = _PLACEHOLDER.match(text, i)
            if m and m.group(2):
                value, own_piece = self._stashed(int(m.group(2)))
                if own_piece:
                    return "".join(out) if out else value
                out.append(value)
                i = m.end()
                continue
            if m:
                out.append(chr(int(m.group(1))))
                i = m.end()
                continue
            token = _TOKEN.match(text, i)
            if token:
                i = token.end()
                continue
            end = _PIECE_END.match(text, i)
            if end:
                if not (source and _opens_emphasis(text, i, end.end())):
                    out.append(end.group(0))
                return "".join(out)
            out.append(text[i])
            i += 1
        return "".join(out)


def _last_line(text: str, parts: list[str]) -> list[str]:
    """``parts`` with ``text`` after them, or only what follows its last line break: Goldmark
    makes the id of a heading of several lines (setext) from its last line, and leaves out
    an element that began on a line above (Hugo 0.168.0)."""
    if "\n" in text:
        return [text.rpartition("\n")[2]]
    return [*parts, text]


def _opens_emphasis(text: str, start: int, end: int) -> bool:
    """Whether the delimiter run ``text[start:end]`` opens emphasis that the same run closes
    later: followed by no space, an "_" not inside a word, a closing run further on."""
    run = text[start:end]
    if run[0] not in "*_~" or end >= len(text) or text[end].isspace():
        return False
    if run[0] == "_" and start > 0 and text[start - 1].isalnum():
        return False
    return run in text[end + 1:]


def without_shortcode_placeholders(anchor: str) -> str:
    """A Hugo heading id with the placeholders of ``{{< >}}`` shortcodes taken out, as
    manualgen makes that heading's id: Hugo's holds "hahahugoshortcode2s0hbhb" there, whose
    first number is the page's place in Hugo's build (two builds of one site with Hugo
    0.149.1 gave one page "…2s0…", then "…1s0…")."""
    return _HUGO_PLACEHOLDER.sub("", anchor)


def _decode_named_entities(text: str) -> str:
    """Goldmark's util.ResolveEntityNames: ``&eacute;`` → é; numeric references stay."""
    if "&" not in text:
        return text

    def decode(m: re.Match) -> str:
        return html.entities.html5.get(m.group(1) + ";", m.group(0))

    return _NAMED_ENTITY.sub(decode, text)


class HeadingIds(Treeprocessor):
    """Gives headings (and, with ``terms``, definition terms) Hugo's ids, in page order.

    Runs after the typographer, whose marks count as Goldmark's do.  A heading that was
    given an id in its line (``given``, from :class:`~manualgen.convert.HeadingAttributes`)
    keeps it and reserves it; an id from an attribute line below the heading gives way to
    the made one, as in Hugo.
    """

    def __init__(self, md, given: set, math: set[int], kind: str = GITHUB,
                 headings: bool = True, terms: bool = False) -> None:
        super().__init__(md)
        self.given = given  # the elements whose id the writer gave ({#id})
        self.math = math
        self.kind = kind
        self.tags = (HEADINGS if headings else ()) + (("dt",) if terms else ())

    def run(self, root: ET.Element) -> None:
        ids = IdFactory(self.kind)
        registry = self.md.treeprocessors  # a Registry: no .get()
        marks = registry["goldmark_typographer"].placed if "goldmark_typographer" in registry else {}
        # The emoji of this page by stash index (convert.py notes their names); the stash
        # starts anew with the next page, so they are taken out of the notes.
        names = getattr(self.md, "emoji_names", {})
        emoji = dict(names)
        names.clear()
        text = _Text(self.md.htmlStash.rawHtmlBlocks, self.math, marks, emoji)
        for el in root.iter():
            if el in self.given:
                ids.put(el.get("id", ""))
            elif el.tag in self.tags and el.get("class") != ALERT_TITLE_CLASS:
                plain = text.of_block(el)
                if plain:
                    el.set("id", ids.generate(plain, heading=el.tag != "dt"))
