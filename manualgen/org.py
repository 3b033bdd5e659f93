"""Emacs Org Mode pages as HTML, the way Hugo prints them: Hugo renders Org itself (with
go-org), so a site may hold ``.org`` pages beside its Markdown.

The common part of Org is read: headlines (``*`` is the page's second heading level, as in
go-org), paragraphs, plain, ordered and description lists, tables, ``#+BEGIN_SRC`` and the
other blocks, fixed-width lines, rules, and the inline markup (``*bold*``, ``/italic/``,
``_underline_``, ``+strike+``, ``=verbatim=``, ``~code~``, ``[[link][text]]``, images, bare
addresses).  Keywords (``#+TITLE:`` is front matter), comments and drawers print nothing.
The shortcodes of the page are expanded before, as tokens the text carries through.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable

_HEADLINE = re.compile(r"^(\*+)[ \t]+(.*)$")  # its title and tags: headline_parts
_ITEM = re.compile(r"^([ \t]*)([-+]|(?<=[ \t])\*|\d+[.)])(?:[ \t]+(.*))?$")
_BLOCK = re.compile(r"^[ \t]*#\+begin_(\w+)[ \t]*(.*)$", re.IGNORECASE)
_KEYWORD = re.compile(r"^[ \t]*#\+\S*:")
_CAPTION = re.compile(r"^[ \t]*#\+caption:[ \t]*(.*)$", re.IGNORECASE)  # .rstrip()ped
_TAGS = re.compile(r":[\w@#%:]+:")
_COMMENT = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_DRAWER = re.compile(r"^[ \t]*:(\w+):[ \t]*$")
_FIXED = re.compile(r"^[ \t]*:(?:[ \t]|$)")
_RULE = re.compile(r"^[ \t]*-{5,}[ \t]*$")
_TABLE = re.compile(r"^[ \t]*\|")
_CHECKBOX = re.compile(r"\[([ xX-])\][ \t]+")
_PRIORITY = re.compile(r"^((?:TODO|DONE)[ \t]+)?\[#([A-Z])\][ \t]*")
_END_OF_BLOCK = re.compile(r"^[ \t]*#\+end_(\S+?)[ \t]*$", re.IGNORECASE)
_ATTR_WIDTH = re.compile(r"^[ \t]*#\+attr_html:.*?:width[ \t]+(\S+)", re.IGNORECASE)
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$", re.IGNORECASE)

_LINK = re.compile(r"\[\[([^\[\]]+)\](?:\[([^\[\]]+)\])?\]")
_URL = re.compile(r"\bhttps?://[^\s<>\"'\]]*[^\s<>\"'\].,;:!?)]")
# Inline markup: a mark after the start, white space or one of _BEFORE, text that neither
# starts nor ends with white space, on one line, and the same mark before the end, white
# space or one of _AFTER.  Found by marked_spans in one pass (a regular expression with a
# lazy ".*?" searched to the end of the line again from each mark that is never closed).
_BEFORE, _AFTER = "-({'\"", "-.,:;!?'\")}[]"
_EMPHASIS = (("*", "<strong>", "</strong>"), ("/", "<em>", "</em>"), ("+", "<del>", "</del>"),
             ("_", '<span style="text-decoration: underline;">', "</span>"))


def to_html(text: str) -> str:
    """The HTML of an Org page's body (its front matter already taken off)."""
    lines, definitions = _footnote_definitions(text.split("\n"))
    notes = _Notes(definitions)
    body = _Reader(lines, notes).blocks(0)
    return body + notes.html()


_DEFINITION = re.compile(r"^\[fn:([^\]\s:]+)\][ \t]*(.*)$")
_REFERENCE = re.compile(r"\[fn:([^\]\s:]*)(?::([^\]]*))?\]")


def _footnote_definitions(lines: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The lines without the footnote definitions (``[fn:1] text`` at the start of a line,
    up to the next definition, headline or two blank lines), and the definitions by label."""
    kept, found, current = [], {}, None
    blanks = 0
    for line in lines:
        start = _DEFINITION.match(line)
        if start:
            current = found.setdefault(start.group(1), [])
            current.append(start.group(2))
            blanks = 0
            kept.append("")
            continue
        blanks = blanks + 1 if not line.strip() else 0
        if current is not None and not _HEADLINE.match(line) and blanks < 2:
            current.append(line)
            kept.append("")
            continue
        current = None
        kept.append(line)
    return kept, found


class _Notes:
    """The page's footnotes: numbered in the order of their first reference, printed as
    Markdown's footnotes are (a list at the end of the page, which the manual sets as notes
    at the foot of the page)."""

    def __init__(self, definitions: dict[str, list[str]]) -> None:
        self.definitions = definitions
        self.numbers: dict[str, int] = {}
        self.texts: dict[str, list[str]] = {}
        self.uses: dict[str, int] = {}

    def reference(self, label: str, text: str | None) -> str | None:
        """The mark of a reference ([fn:1], or [fn::text] / [fn:name:text] defined in
        place); None for a label nothing defines."""
        if text is not None:
            label = label or f"inline-{len(self.numbers) + 1}"
            self.texts.setdefault(label, [text])
        elif label in self.definitions:
            self.texts.setdefault(label, self.definitions[label])
        else:
            return None
        number = self.numbers.setdefault(label, len(self.numbers) + 1)
        self.uses[label] = self.uses.get(label, 0) + 1
        again = str(self.uses[label]) if self.uses[label] > 1 else ""  # ids stay unique
        return (f'<sup id="fnref{again}:{number}"><a class="footnote-ref" href="#fn:{number}">'
                f"{number}</a></sup>")

    def html(self) -> str:
        if not self.numbers:
            return ""
        items, labels, done = [], list(self.numbers), 0
        while done < len(labels):
            label = labels[done]
            number = self.numbers[label]
            text = _Reader(_dedented(self.texts[label]), self).blocks(0) or "<p></p>"
            back = f' <a class="footnote-backref" href="#fnref:{number}">↩︎</a>'
            text = text[:-4] + back + "</p>" if text.endswith("</p>") else text
            items.append(f'<li id="fn:{number}">\n{text}\n</li>')
            done += 1
            if len(self.numbers) > len(labels):  # the note referred to a note not seen yet
                labels = list(self.numbers)
        return ('\n<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n'
                + "\n".join(items) + "\n</ol>\n</div>")


class _Reader:
    """Reads the lines block by block; each reader returns its HTML and the next line."""

    def __init__(self, lines: list[str], notes: _Notes) -> None:
        self.lines = lines
        self.notes = notes
        self.headlines = 0
        self._ends: dict[str, list[int]] | None = None  # see _block_end

    def _block_end(self, kind: str, start: int, end: int) -> int | None:
        """The first line from ``start`` (before ``end``) that closes a block of ``kind``
        (``#+end_kind``); every line is looked at once for all blocks, so that a page of
        many unclosed blocks is not read again for each."""
        if self._ends is None:
            self._ends = {}
            for j, line in enumerate(self.lines):
                found = _END_OF_BLOCK.match(line)
                if found:
                    self._ends.setdefault(found.group(1).lower(), []).append(j)
        ends = self._ends.get(kind, [])
        at = bisect.bisect_left(ends, start)
        return ends[at] if at < len(ends) and ends[at] < end else None

    def inline(self, text: str) -> str:
        return inline(text, self.notes)

    def blocks(self, first: int, last: int | None = None) -> str:
        end = len(self.lines) if last is None else last
        out, i = [], first
        while i < end:
            piece, i = self._block(i, end)
            if piece:
                out.append(piece)
        return "\n".join(out)

    def _block(self, i: int, end: int) -> tuple[str, int]:
        line = self.lines[i]
        if not line.strip():
            return "", i + 1
        for test, read in self._readers():
            if test(line):
                return read(i, end)
        return self._paragraph(i, end)

    def _readers(self) -> list[tuple[Callable[[str], object], Callable[[int, int], tuple[str, int]]]]:
        return [(_HEADLINE.match, self._headline), (_BLOCK.match, self._special_block),
                (_DRAWER.match, self._drawer), (_CAPTION.match, self._captioned),
                (_ATTR_WIDTH.match, self._sized),
                (_KEYWORD.match, self._skip),
                (_COMMENT.match, self._skip), (_RULE.match, lambda i, _end: ("<hr>", i + 1)),
                (_FIXED.match, self._fixed_width), (_TABLE.match, self._table),
                (_ITEM.match, self._list)]

    def _skip(self, i: int, _end: int) -> tuple[str, int]:
        return "", i + 1

    def _headline(self, i: int, end: int) -> tuple[str, int]:
        found = _HEADLINE.match(self.lines[i])
        title, tags = headline_parts(found.group(2))
        if _not_exported(title, tags):  # the headline and its subtree are left out, as in go-org
            depth = len(found.group(1))
            j = i + 1
            while j < end and not ((below := _HEADLINE.match(self.lines[j]))
                                   and len(below.group(1)) <= depth):
                j += 1
            return "", j
        self.headlines += 1
        level = min(len(found.group(1)) + 1, 6)
        text = _PRIORITY.sub(lambda m: f"{m.group(1) or ''}[{m.group(2)}] ", title)
        return f'<h{level} id="headline-{self.headlines}">{self.inline(text)}</h{level}>', i + 1

    def _captioned(self, i: int, end: int) -> tuple[str, int]:
        """``#+CAPTION:`` above a block (a picture, a table): a figure with that caption."""
        caption = self.inline(_CAPTION.match(self.lines[i]).group(1).rstrip(" \t"))
        j = i + 1
        while j < end and _KEYWORD.match(self.lines[j]):  # #+NAME:, #+ATTR_HTML: …
            j += 1
        if j == end or not self.lines[j].strip():
            return "", j
        piece, after = self._block(j, end)
        piece = re.sub(r"^<p>(.*)</p>$", r"\1", piece, flags=re.DOTALL)
        kind = ' class="screenshot-figure"' if piece.startswith("<img ") else ""
        return f"<figure{kind}>\n{piece}<figcaption>{caption}</figcaption>\n</figure>", after

    def _sized(self, i: int, end: int) -> tuple[str, int]:
        """``#+ATTR_HTML: :width 300`` above a picture: the picture at that width."""
        width = _ATTR_WIDTH.match(self.lines[i]).group(1)
        while i + 1 < end and _ATTR_WIDTH.match(self.lines[i + 1]):  # the first one counts
            i += 1
        piece, after = self._block(i + 1, end) if i + 1 < end else ("", i + 1)
        if width.rstrip("px").isdigit():
            piece = piece.replace("<img ", f'<img width="{width.rstrip("px")}" ', 1)
        return piece, after

    def _drawer(self, i: int, end: int) -> tuple[str, int]:
        """:PROPERTIES: … :END: and the like: data for Emacs, nothing to print."""
        for j in range(i + 1, end):
            if self.lines[j].strip().lower() == ":end:":
                return "", j + 1
        return self._paragraph(i, end)  # no :END:, so no drawer: Org reads it as text

    def _special_block(self, i: int, end: int) -> tuple[str, int]:
        found = _BLOCK.match(self.lines[i])
        kind, args = found.group(1).lower(), found.group(2).split()
        stop = self._block_end(kind, i + 1, end)
        if stop is None:  # never closed: Org reads the line as text
            return self._paragraph(i, end)
        body = self.lines[i + 1:stop]
        return self._special_html(kind, args, body, i + 1, stop), stop + 1

    def _special_html(self, kind: str, args: list[str], body: list[str], first: int,
                      stop: int) -> str:
        if kind in ("src", "example"):
            lang = args[0] if kind == "src" and args else ""
            attrs = f' class="language-{html.escape(lang)}"' if lang else ""
            code = html.escape("\n".join(_unescaped_commas(body)), quote=False)
            return f"<pre><code{attrs}>{code}</code></pre>"
        if kind == "export":
            return "\n".join(body) if args and args[0].lower() == "html" else ""
        if kind == "comment":
            return ""
        if kind == "verse":
            return "<p>" + "<br>\n".join(self.inline(line) for line in body) + "</p>"
        inner = self.blocks(first, stop)
        if kind == "quote":
            return f"<blockquote>\n{inner}\n</blockquote>"
        return f'<div class="{html.escape(kind)}-block">\n{inner}\n</div>'

    def _fixed_width(self, i: int, end: int) -> tuple[str, int]:
        j = i
        while j < end and _FIXED.match(self.lines[j]):
            j += 1
        text = "\n".join(re.sub(r"^[ \t]*:[ \t]?", "", line) for line in self.lines[i:j])
        return f"<pre>{html.escape(text, quote=False)}</pre>", j

    def _table(self, i: int, end: int) -> tuple[str, int]:
        j = i
        while j < end and _TABLE.match(self.lines[j]):
            j += 1
        rows = [line.strip() for line in self.lines[i:j]]
        rule = next((n for n, row in enumerate(rows) if row.startswith("|-")), None)
        texts = [[c.strip() for c in row.strip("|").split("|")]
                 for row in rows if not row.startswith("|-")]
        head = len(rows[:rule]) if rule is not None and rule < len(rows) - 1 else 0
        cookies = [n for n, row in enumerate(texts)
                   if all(_COOKIE.match(c) for c in row) and any(row)]
        head -= sum(n < head for n in cookies)
        aligns = _alignments([row for n, row in enumerate(texts) if n not in cookies],
                             [texts[n] for n in cookies], head)
        cells = [[(self.inline(c), a) for c, a in zip(row, aligns + [""] * len(row), strict=False)]
                 for n, row in enumerate(texts) if n not in cookies]
        parts = ["<table>"]
        if head:
            parts.append("<thead>" + "".join(_row(r, "th") for r in cells[:head]) + "</thead>")
        parts.append("<tbody>" + "".join(_row(r, "td") for r in cells[head:]) + "</tbody>")
        return "".join(parts) + "</table>", j

    def _list(self, i: int, end: int) -> tuple[str, int]:
        first = _ITEM.match(self.lines[i])
        indent, ordered = len(first.group(1).expandtabs()), first.group(2)[0].isdigit()
        items, j = [], i
        while j < end:
            found = _ITEM.match(self.lines[j])
            if not found or len(found.group(1).expandtabs()) != indent \
                    or found.group(2)[0].isdigit() != ordered:
                break
            body_end = self._item_end(j + 1, end, indent)
            items.append((found.group(3) or "", j + 1, body_end))
            j = body_end
        described = not ordered and all(" :: " in text or text.endswith(" ::")
                                        for text, _s, _e in items)
        if described:
            return self._description_list(items), j
        tag = "ol" if ordered else "ul"
        boxes = [_CHECKBOX.match(text) for text, _s, _e in items]
        listed = []
        for (text, start, stop), box in zip(items, boxes, strict=True):
            if box:  # a checkbox prints as Markdown's task lists print
                checked = ' checked=""' if box.group(1) in "xX" else ""
                listed.append(f'<li class="task-list-item"><input type="checkbox" disabled=""'
                              f"{checked}> {self._item_html(text[box.end():], start, stop)}</li>")
            else:
                listed.append(f"<li>{self._item_html(text, start, stop)}</li>")
        opening = f'<{tag} class="task-list">' if any(boxes) else f"<{tag}>"
        return opening + "\n" + "\n".join(listed) + f"\n</{tag}>", j

    def _item_end(self, j: int, end: int, indent: int) -> int:
        """The line after an item: its body is the lines indented deeper than its bullet
        (blank lines inside; two blank lines in a row end the list, as in Org)."""
        blanks = 0
        while j < end:
            line = self.lines[j]
            if not line.strip():
                blanks += 1
                if blanks == 2:
                    break
            elif len(line) - len(line.lstrip(" \t")) > indent:
                blanks = 0
            else:
                break
            j += 1
        while j > 0 and not self.lines[j - 1].strip() and blanks:
            j, blanks = j - 1, blanks - 1
        return j

    def _item_html(self, text: str, start: int, stop: int) -> str:
        """An item's text and the lines below it; its first paragraph loses its <p>."""
        rest = _Reader([text, *_dedented(self.lines[start:stop])], self.notes)
        rest.headlines = self.headlines
        body = rest.blocks(0)
        self.headlines = rest.headlines
        if body.startswith("<p>") and (close := body.find("</p>")) >= 0:
            return body[3:close] + body[close + 4:]
        return body

    def _description_list(self, items: list[tuple[str, int, int]]) -> str:
        out = []
        for text, start, stop in items:
            term, _, said = text.partition(" ::")
            out.append(f"<dt>{self.inline(term.strip())}</dt>\n"
                       f"<dd>{self._item_html(said.strip(), start, stop)}</dd>")
        return "<dl>\n" + "\n".join(out) + "\n</dl>"

    def _paragraph(self, i: int, end: int) -> tuple[str, int]:
        j = i + 1
        while j < end and self.lines[j].strip() and not self._starts_block(self.lines[j]):
            j += 1
        text = "\n".join(line.strip() for line in self.lines[i:j])
        text = re.sub(r"\\\\$", "<br>", self.inline(text), flags=re.MULTILINE)
        return f"<p>{text}</p>", j

    def _starts_block(self, line: str) -> bool:
        return any(test(line) for test, _read in self._readers()
                   if test not in (_FIXED.match, _DRAWER.match))


def headline_parts(rest: str) -> tuple[str, str | None]:
    """A headline's title and its ``:tags:`` (None without), from what follows its stars
    and their space: the tags are its last word, after white space; found from the end (a
    regular expression tried a long run of spaces again from each space: seconds)."""
    body = rest.rstrip(" \t")
    cut = max(body.rfind(" "), body.rfind("\t")) + 1
    if cut and _TAGS.fullmatch(body, cut):
        return body[:cut].rstrip(" \t"), body[cut:]
    return body, None


def _not_exported(title: str, tags: str | None) -> bool:
    """A headline tagged ``:noexport:`` or starting with ``COMMENT``."""
    return ("noexport" in (tags or "").lower().split(":")
            or re.match(r"COMMENT(?:\s|$)", title) is not None)


_COOKIE = re.compile(r"^(?:<[lrc]?\d*>)?$")
_NUMBER = re.compile(r"^[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?$")
_ALIGN = {"l": "left", "r": "right", "c": "center"}


def _alignments(rows: list[list[str]], cookies: list[list[str]], head: int) -> list[str]:
    """Each column's alignment, as go-org sets it: a ``<l>``, ``<r>`` or ``<c>`` in a row of
    such cookies, else right for a column mostly of numbers (more than half of the body's
    cells that are not empty), else none."""
    width = max((len(row) for row in rows + cookies), default=0)
    out = []
    for n in range(width):
        cookie = next((row[n][1] for row in cookies if n < len(row) and len(row[n]) > 2), "")
        values = [row[n] for row in rows[head:] if n < len(row) and row[n]]
        numbers = sum(bool(_NUMBER.match(v)) for v in values)
        out.append(_ALIGN.get(cookie, "right" if values and numbers * 2 > len(values) else ""))
    return out


def _row(cells: list[tuple[str, str]], tag: str) -> str:
    return "<tr>" + "".join(
        f'<{tag} style="text-align: {align};">{cell}</{tag}>' if align else f"<{tag}>{cell}</{tag}>"
        for cell, align in cells) + "</tr>"


def _dedented(lines: list[str]) -> list[str]:
    depth = min((len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()),
                default=0)
    return [line[depth:] for line in lines]


def _unescaped_commas(lines: list[str]) -> list[str]:
    """In a block, Org escapes a line that would start a keyword or headline with a comma."""
    return [re.sub(r"^(\s*),(\*|#\+)", r"\1\2", line) for line in lines]


def inline(text: str, notes: _Notes | None = None) -> str:
    """Org's inline markup in one piece of text as HTML (the text escaped); footnote
    references become marks when ``notes`` is given."""
    slots: list[str] = []
    tag = f"{id(slots):x}"  # a link's text is read by a call of its own: its slots differ
    own = re.compile(f"\ue010{tag}:(\\d+)\ue011")

    def keep(piece: str) -> str:
        slots.append(piece)
        return f"\ue010{tag}:{len(slots) - 1}\ue011"

    def note(found: re.Match) -> str:
        mark = notes.reference(found.group(1), found.group(2)) if notes else None
        return keep(mark) if mark else found.group(0)

    text = marked_spans(text, "=~", lambda mark, inside: keep(_code(mark, inside)))
    # a footnote closes at a "]": none begins after the last one (each such "[fn:" was
    # searched to the end of the text, a line of 100,000 took minutes)
    closed = text.rfind("]") + 1
    text = _REFERENCE.sub(note, text[:closed]) + text[closed:]
    text = _LINK.sub(lambda m: keep(_link(m.group(1), m.group(2))), text)
    text = _URL.sub(lambda m: keep(f'<a href="{html.escape(m.group(0))}">'
                                   f"{html.escape(m.group(0))}</a>"), text)
    text = html.escape(text, quote=False)
    for mark, start, end in _EMPHASIS:
        text = marked_spans(text, mark, lambda _mark, inside, s=start, e=end: s + inside + e)
    for _ in range(len(slots) + 1):  # a link's text may hold code
        if not own.search(text):
            break
        text = own.sub(lambda m: slots[int(m.group(1))], text)
    return text


def marked_spans(text: str, marks: str, made) -> str:
    """``text`` with each span of Org markup written with one of ``marks`` (``*bold*``)
    replaced by ``made(mark, its inside)``, leftmost first, in time linear in the text."""
    closers = {mark: _closers(text, mark) for mark in marks}
    taken = {mark: 0 for mark in marks}  # how many of each mark's closers lie behind
    newlines = [i for i, c in enumerate(text) if c == "\n"] + [len(text)]
    line = 0
    out: list[str] = []
    at = 0
    for opener in (i for i, c in enumerate(text) if c in marks):
        if opener < at or not _opens(text, opener):
            continue
        mark = text[opener]
        ends, k = closers[mark], taken[mark]
        while k < len(ends) and ends[k] < opener + 2:
            k += 1
        taken[mark] = k
        while newlines[line] < opener:
            line += 1
        if k == len(ends) or ends[k] > newlines[line]:
            continue
        out += [text[at:opener], made(mark, text[opener + 1:ends[k]])]
        at = ends[k] + 1
    return "".join(out) + text[at:] if out else text


def _opens(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    return (before.isspace() or before in _BEFORE) and at + 1 < len(text) and not text[at + 1].isspace()


def _closers(text: str, mark: str) -> list[int]:
    """Where ``mark`` may close a span: after a character that is not white space, before
    the end, white space or one of _AFTER."""
    return [i for i in range(1, len(text)) if text[i] == mark and not text[i - 1].isspace()
            and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER)]


def _code(mark: str, text: str) -> str:
    cls = ' class="verbatim"' if mark == "=" else ""
    return f"<code{cls}>{html.escape(text, quote=False)}</code>"


def _link(target: str, text: str | None) -> str:
    """``[[target][text]]`` or ``[[target]]``: a link, or an image for a picture's file
    written without text (or as the text)."""
    address = target.removeprefix("file:")
    if text is None and _IMAGE.search(address):
        return f'<img src="{html.escape(address)}" alt="{html.escape(_file_name(address))}">'
    if text is not None and _IMAGE.search(text.removeprefix("file:")) and " " not in text:
        shown = text.removeprefix("file:")
        label = f'<img src="{html.escape(shown)}" alt="{html.escape(_file_name(shown))}">'
    else:
        label = inline(text) if text is not None else html.escape(target)
    return f'<a href="{html.escape(address)}">{label}</a>'


def _file_name(address: str) -> str:
    return address.rsplit("/", 1)[-1]
