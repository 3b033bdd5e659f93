"""Parse Hugo shortcodes in a page body into a tree of text and shortcode nodes.

manualgen renders pages without Hugo, so it has to read shortcodes the way Hugo does:
``{{< name params >}}`` (HTML output) and ``{{% name params %}}`` (Markdown output), closing
tags ``{{< /name >}}``, self-closing tags ``{{< name />}}``, nesting to any depth and the
escape ``{{</* name */>}}`` that shows a shortcode literally.  Everything that is not a tag is
kept as :class:`Text`, character for character, so nothing of the page is lost.

Whether an opening tag is followed by inner content cannot be told from the syntax alone
(Hugo decides it from the template), so the caller answers that through ``needs_closing``.

Deliberate choices where Hugo is silent or quirky:

* Inside ``"double quotes"`` only ``\\"`` is an escape (as in Hugo); a double-quoted value
  cannot span lines (as in Hugo), a back-quoted one can and has no escapes.
* Unquoted values end at whitespace, a quote or a closing delimiter (Hugo lets
  ``key=value>}}`` swallow the delimiter; here it closes the tag); positional ones also end
  at ``=``, which makes them a parameter name.
* A closing tag may use the other delimiter kind than its opening tag (Hugo does not compare
  them); ``markdown`` follows the opening tag.  A repeated named parameter: the last one wins.
* A self-closing tag satisfies a shortcode that needs a closing tag (its inner content is
  empty, as in Hugo).
* Crossed tags (``{{<a>}}{{<b>}}{{</a>}}{{</b>}}``) are an error when ``b`` needs its closing
  tag, reported at ``b``'s opening tag.  Hugo is more tolerant there: a closing tag closes the
  innermost open shortcode whatever its name, so such pages render in Hugo.
* The escape keeps everything but the ``/*`` and ``*/`` markers, so it is the one place where
  the Text nodes differ from the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

__all__ = [
    "Node",
    "Shortcode",
    "ShortcodeSyntaxError",
    "Text",
    "iter_shortcodes",
    "parse",
]


@dataclass
class Text:
    """A run of page text between tags (escaped shortcodes included, markers removed)."""

    text: str
    line: int  # 1-based line in the page file where this text starts


@dataclass
class Shortcode:
    """One shortcode call; ``children`` is None when it has no closing tag."""

    name: str
    params: dict[str, str]
    positional: list[str]
    children: list[Node] | None
    markdown: bool  # True for {{% %}}, False for {{< >}}
    line: int  # 1-based line of the opening "{{"
    column: int  # 1-based column (in characters) of the opening "{{"
    inner_source: str | None  # source between opening and closing tag; None without one
    self_closing: bool = False  # written {{< name />}}
    # the parameters written without quotes (names, and positions as numbers): Hugo reads
    # such a value as a number or a boolean when it looks like one (5, 2.5, true)
    bare: frozenset = frozenset()


Node: TypeAlias = Text | Shortcode


class ShortcodeSyntaxError(Exception):
    """A tag Hugo would reject; carries the position so the user can find it."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code: str | None = None  # for a warning that is not crossed-shortcode


MAX_DEPTH = 100  # shortcodes inside shortcodes; each level costs a template render

# Names: word characters, dots and dashes, with "/" only between segments so that
# "{{< a/>}}" is the self-closing "a", not a shortcode named "a/".
_NAME_RE = re.compile(r"\w[\w.-]*(?:/[\w.-]+)*")
_KEY_RE = re.compile(r"[\w.-]+")
_WS_RE = re.compile(r"\s*")
# An unquoted value: anything up to whitespace, a quote, "=", a closing delimiter
# (">}}", "%}}", "/>}}", "/%}}") or the start of another tag ("{{<", "{{%").  After "key="
# the value may contain "=".
_BARE_RE = re.compile(r"(?:[^\s\"`=/>%{]|/(?!\s*[>%]\}\})|[>%](?!\}\})|\{(?!\{[<%]))+")
_BARE_VALUE_RE = re.compile(r"(?:[^\s\"`/>%{]|/(?!\s*[>%]\}\})|[>%](?!\}\})|\{(?!\{[<%]))+")
# A double-quoted value on one line; only \" is an escape.  Possessive, so a string such as
# "a\" is unterminated rather than re-read with the backslash as text.
_QUOTED_RE = re.compile(r'"((?:\\"|[^"\n])*+)"')
_CLOSE = {"<": ">}}", "%": "%}}"}
_OTHER = {"<": "%", "%": "<"}


@dataclass
class _Tag:
    """A scanned tag: where it is in the source and what it says."""

    start: int
    end: int
    kind: str  # "<" or "%"
    name: str = ""
    closing: bool = False
    self_closing: bool = False
    params: dict[str, str] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    escaped_text: str | None = None  # set for {{</* ... */>}}
    bare: set = field(default_factory=set)  # the parameters written without quotes


class _Scanner:
    """Turns source offsets into line/column and reads one tag at a time."""

    def __init__(self, source: str, line_offset: int) -> None:
        self.src = source
        self.n = len(source)
        self.line_offset = line_offset
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset, line_offset included."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1 + self.line_offset, offset - self._line_starts[index] + 1

    def line_start(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self._line_starts[bisect_right(self._line_starts, offset) - 1]

    def error(self, message: str, offset: int) -> ShortcodeSyntaxError:
        line, column = self.position(offset)
        return ShortcodeSyntaxError(message, line, column)

    def skip_ws(self, pos: int) -> int:
        match = _WS_RE.match(self.src, pos)
        assert match is not None  # "\s*" always matches
        return match.end()

    def at_tag_end(self, pos: int, kind: str) -> bool:
        """True at anything that ends the parameter list: delimiters or a new tag."""
        src = self.src
        return src.startswith(("/>}}", "/%}}", ">}}", "%}}", "{{<", "{{%"), pos) or (
            src.startswith("/", pos) and src.startswith(_CLOSE[kind], self.skip_ws(pos + 1))
        )

    def scan_tag(self, start: int) -> _Tag:
        """Read the tag whose "{{" is at ``start``; raise on anything Hugo would refuse."""
        src = self.src
        kind = src[start + 2]
        close = _CLOSE[kind]
        pos = self.skip_ws(start + 3)
        if src.startswith("/*", pos):
            return self._scan_escape(start, kind, pos)
        closing = src.startswith("/", pos)
        if closing:
            pos = self.skip_ws(pos + 1)
        name_match = _NAME_RE.match(src, pos)
        if name_match is None:
            if pos >= self.n:
                raise self.error("unterminated shortcode tag", start)
            raise self.error("shortcode tag without a name", start)
        tag = _Tag(start=start, end=-1, kind=kind, name=name_match.group(), closing=closing)
        pos = name_match.end()
        if pos < self.n and not (src[pos].isspace() or self.at_tag_end(pos, kind)):
            raise self.error(f"unexpected {src[pos]!r} after shortcode name", pos)
        try:
            if closing:
                end_of_name, pos = pos, self.skip_ws(pos)
                broken = "\n" in src[end_of_name:pos] or "\r" in src[end_of_name:pos]
                if broken and src.startswith(close, pos):  # else: its end is missing, below
                    raise self.error(
                        f'closing tag "/{tag.name}" runs onto the next line, which Hugo reads as '
                        f'"unclosed shortcode": write {{{{{kind} /{tag.name} {close} on one line',
                        end_of_name)
                if not src.startswith(close, pos):
                    self._raise_bad_end(start, kind, pos)
                    if src.startswith("/", pos):
                        raise self.error(f'closing tag "/{tag.name}" cannot be self-closing', pos)
                    raise self.error(f'closing tag "/{tag.name}" must not have parameters', pos)
                tag.end = pos + 3
                return tag
            self._scan_params(tag, pos)
        except ShortcodeSyntaxError as exc:
            opened = self.position(start)[0]
            if exc.line > opened:  # a tag may span lines, but most often its end was deleted
                exc.message += f" (the tag opened at line {opened}: is its {close} missing?)"
                exc.args = (exc.message,)  # str(exc) says the same
            raise
        return tag

    def _raise_bad_end(self, start: int, kind: str, pos: int) -> None:
        """Raise for an end of input, a wrong delimiter kind or a following tag at ``pos``."""
        src = self.src
        if pos >= self.n or src.startswith(("{{<", "{{%"), pos):
            raise self.error("unterminated shortcode tag", start)
        other = _CLOSE[_OTHER[kind]]
        if src.startswith(other, pos) or (
            src.startswith("/", pos) and src.startswith(other, self.skip_ws(pos + 1))
        ):
            raise self.error(
                f"shortcode tag opened with {{{{{kind} must end with {_CLOSE[kind]}", start
            )

    def _scan_escape(self, start: int, kind: str, marker: int) -> _Tag:
        """``{{</* x */>}}``: the literal tag without the comment markers, as text."""
        end_re = re.compile(r"\*/\s*" + re.escape(_CLOSE[kind]))
        match = end_re.search(self.src, marker + 2)
        if match is None:
            raise self.error(
                "unterminated shortcode comment (missing */" + _CLOSE[kind] + ")", start
            )
        src = self.src
        text = (
            src[start:marker]
            + src[marker + 2 : match.start()]
            + src[match.start() + 2 : match.end()]
        )
        return _Tag(start=start, end=match.end(), kind=kind, escaped_text=text)

    def _scan_params(self, tag: _Tag, pos: int) -> None:
        """Read parameters up to the closing delimiter; fill ``tag`` in place."""
        src = self.src
        close = _CLOSE[tag.kind]
        while True:
            pos = self.skip_ws(pos)
            if src.startswith(close, pos):
                tag.end = pos + 3
                return
            if src.startswith("/", pos):
                after = self.skip_ws(pos + 1)
                if src.startswith(close, after):
                    tag.self_closing = True
                    tag.end = after + 3
                    return
            if pos >= self.n or self.at_tag_end(pos, tag.kind):
                self._raise_bad_end(tag.start, tag.kind, pos)
                raise self.error("unexpected end of shortcode tag", pos)  # not reached
            token_start = pos
            value, quoted, pos = self._read_value(pos, tag)
            after = self.skip_ws(pos)
            if src.startswith("=", after):
                if quoted or not _KEY_RE.fullmatch(value):
                    raise self.error(f"invalid parameter name {value!r}", token_start)
                if tag.positional:
                    raise self.error(
                        f'cannot mix named and positional parameters in shortcode "{tag.name}"',
                        token_start,
                    )
                pos = self.skip_ws(after + 1)
                if pos >= self.n or self.at_tag_end(pos, tag.kind):
                    self._raise_bad_end(tag.start, tag.kind, pos)
                    raise self.error(f'parameter "{value}" has no value', token_start)
                if src[pos] == "=":
                    raise self.error("unexpected '=' in shortcode tag", pos)
                tag.params[value], quoted, pos = self._read_value(pos, tag, named=True)
                if not quoted:
                    tag.bare.add(value)
            else:
                if tag.params:
                    raise self.error(
                        f'cannot mix named and positional parameters in shortcode "{tag.name}"',
                        token_start,
                    )
                if not quoted:
                    tag.bare.add(len(tag.positional))
                tag.positional.append(value)

    def _next_positional(self, end: int, tag: _Tag, quoted: bool, named: bool) -> bool:
        """Whether another positional value starts right after one, with no space between:
        Hugo's lexer ends a bare value at a quote and a quoted one at its closing quote
        (rclone writes ``{{< rem options start" - DO NOT EDIT …" >}}``: three values)."""
        if named or tag.params:
            return False
        return quoted or self.src[end] in "\"`"

    def _read_value(self, pos: int, tag: _Tag, named: bool = False) -> tuple[str, bool, int]:
        """Read one quoted, back-quoted or bare value at ``pos``: (value, quoted, end).

        A bare value after ``key=`` may contain "=" (``url=/a?b=c``); elsewhere "=" marks
        the end of a parameter name.
        """
        src = self.src
        char = src[pos]
        if char == '"':
            match = _QUOTED_RE.match(src, pos)
            if match is None:
                raise self.error("unterminated quoted string in shortcode parameter", pos)
            value, quoted, end = match.group(1).replace('\\"', '"'), True, match.end()
        elif char == "`":
            end = src.find("`", pos + 1)
            if end < 0:
                raise self.error("unterminated back-quoted string in shortcode parameter", pos)
            value, quoted, end = src[pos + 1 : end], True, end + 1
        else:
            match = (_BARE_VALUE_RE if named else _BARE_RE).match(src, pos)
            if match is None:
                raise self.error(f"unexpected {char!r} in shortcode tag", pos)
            if not named and not (char.isalnum() or char in "-_"):  # as Hugo's lexer
                raise self.error(f"unrecognized character {char!r} at the start of a parameter: "
                                 "a value that does not start with a letter or digit must be "
                                 f'quoted ("{match.group()[:40]}")', pos)
            value, quoted, end = match.group(), False, match.end()
        if end < self.n and not (
            src[end].isspace() or src[end] == "=" or self.at_tag_end(end, tag.kind)
            or self._next_positional(end, tag, quoted, named)
        ):
            # "a.png class=" then edge: a quote was deleted; "true" then text: the ">}}"
            hint = ""
            if char == '"':
                hint = f' "{value[:40]}" (is ' + ("a quote" if re.search(r"[\s=]", value) else
                                                  f"the {_CLOSE[tag.kind]}") + " missing?)"
            raise self.error(f"unexpected {src[end]!r} after parameter value{hint}", end)
        return value, quoted, end


def parse(
    source: str,
    *,
    line_offset: int = 0,
    needs_closing: Callable[[str], bool | None] = lambda name: None,
    warnings: list[ShortcodeSyntaxError] | None = None,
    max_depth: int = MAX_DEPTH,
) -> list[Node]:
    """Parse a page body (front matter already removed) into text and shortcode nodes.

    ``line_offset`` is added to every line so positions refer to the page file.
    ``needs_closing(name)`` says whether a shortcode takes inner content: True (closing tag
    required), False (closing tag forbidden) or None (closed only if a closing tag follows).
    Crossed closing tags (``{{<a>}}{{<b>}}{{</a>}}{{</b>}}``) are read as Hugo reads them and
    reported in ``warnings`` when a list is given.  A shortcode nested more than
    ``max_depth`` deep is a ShortcodeSyntaxError (each level holds the text of the levels
    inside it: 20,000 levels took seconds and gigabytes).
    """
    scanner = _Scanner(source, line_offset)
    escapes: list[tuple[int, int]] = []
    events = _scan(source, scanner, escapes)
    pairs = _pair(events, needs_closing, scanner, warnings)
    if warnings is not None:
        warnings += _stray_ends(source, events, scanner, escapes)
    return _build(source, events, pairs, scanner, max_depth)


def _comments(source: str) -> list[tuple[int, int]]:
    """The HTML comments of ``source`` (start, end), in order; one left open runs to the
    end.  One pass: each search starts where the last comment ended."""
    found: list[tuple[int, int]] = []
    at = source.find("<!--")
    while at >= 0:
        end = source.find("-->", at + 4)
        stop = len(source) if end < 0 else end + 3
        found.append((at, stop))
        at = source.find("<!--", stop)
    return found


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _stray_ends(source: str, events: list[Text | _Tag], scanner: _Scanner,
                escapes: list[tuple[int, int]] = ()) -> list[ShortcodeSyntaxError]:
    """">}}" or "%}}" outside every tag: a shortcode that lost its "{{<" prints as text (as
    on the web), "insertImage image=…>}}" in the middle of the manual.  An escaped tag
    (``{{</* x */>}}``, which prints as written) is a tag here too, and so is an HTML
    comment, which prints nothing (a note to translators that shows a tag's usage)."""
    comments = _comments(source)
    spans = sorted([(event.start, event.end) for event in events if isinstance(event, _Tag)]
                   + list(escapes))
    found = []
    text_starts: dict[int, int] = {}  # where each line's text begins, after its indentation
    for end in re.finditer(r"[>%]\}\}", source):
        if _inside(spans, end.start()) or _inside(comments, end.start()):
            continue
        # the line up to here, its first 40 characters when long (not sliced whole: a line
        # of 100,000 of them took seconds)
        line_start = scanner.line_start(end.start())
        if line_start not in text_starts:
            text_starts[line_start] = _WS_RE.match(source, line_start).end()
        begin = text_starts[line_start]
        text = (source[begin:end.end()] if end.end() - begin <= 50
                else source[begin:begin + 40] + "…")
        opening = "{{<" if end.group() == ">}}" else "{{%"
        problem = scanner.error(f'"{text}" prints as text: the shortcode\'s "{opening}" is missing',
                                end.start())
        problem.code = "bad-shortcode"
        found.append(problem)
    return found


def _scan(source: str, scanner: _Scanner, escapes: list[tuple[int, int]] | None = None
          ) -> list[Text | _Tag]:
    """Pass 1: the page as a flat list of texts (escapes merged in, their spans added to
    ``escapes``) and tags."""
    events: list[Text | _Tag] = []
    pending: list[str] = []  # text not yet turned into a node
    pending_line = 0

    def add_text(text: str, offset: int) -> None:
        nonlocal pending_line
        if text:
            if not pending:
                pending_line = scanner.position(offset)[0]
            pending.append(text)

    pos = text_start = 0
    n = len(source)
    while True:
        start = source.find("{{", pos)
        if start < 0 or start + 2 >= n:
            break
        if source[start + 2] not in "<%":
            pos = start + 1
            continue
        tag = scanner.scan_tag(start)
        add_text(source[text_start:start], text_start)
        pos = text_start = tag.end
        if tag.escaped_text is not None:
            add_text(tag.escaped_text, start)
            if escapes is not None:
                escapes.append((tag.start, tag.end))
            continue
        if pending:
            events.append(Text("".join(pending), pending_line))
            pending.clear()
        events.append(tag)
    add_text(source[text_start:], text_start)
    if pending:
        events.append(Text("".join(pending), pending_line))
    return events


def _pair(
    events: list[Text | _Tag],
    needs_closing: Callable[[str], bool | None],
    scanner: _Scanner,
    warnings: list[ShortcodeSyntaxError] | None = None,
) -> dict[int, int]:
    """Pass 2: match closing tags to opening tags; {opening index: closing index}.

    Kept apart from building the tree so that an unknown shortcode that turns out to be
    standalone costs nothing to "un-nest" (linear time even for thousands of them).
    """
    rules: dict[str, bool | None] = {}

    def rule(name: str) -> bool | None:
        if name not in rules:
            rules[name] = needs_closing(name)
        return rules[name]

    def unclosed(index: int) -> ShortcodeSyntaxError:
        tag = events[index]
        assert isinstance(tag, _Tag)
        return scanner.error(f'unclosed shortcode "{tag.name}"', tag.start)

    pairs: dict[int, int] = {}
    open_tags: list[int] = []  # indexes of opening tags that may still be closed
    # Hugo's lexer checks a closing tag's name against the names still open, while its
    # parser lets a closing tag close the innermost open shortcode, whatever its name.
    open_names: dict[str, int] = {}
    # Hugo's lexer keeps a name "open" once it was opened, so a closing tag may name a
    # shortcode closed before; its parser then closes the innermost open one.
    ever_opened: set[str] = set()
    for index, tag in enumerate(events):
        if isinstance(tag, Text):
            continue
        if not tag.closing:
            if not tag.self_closing and rule(tag.name) is not False:
                open_tags.append(index)
                open_names[tag.name] = open_names.get(tag.name, 0) + 1
                ever_opened.add(tag.name)
            continue
        stray = not open_names.get(tag.name)
        if stray and tag.name in ever_opened:
            if not open_tags:  # nothing left to close: the tag prints nothing
                if warnings is not None:
                    warnings.append(scanner.error(
                        f'closing tag "/{tag.name}" closes nothing: "{tag.name}" was closed '
                        "before and no shortcode is open here; delete it", tag.start))
                continue
            match = _innermost_needing_close(events, open_tags, rule)
            closed_name = _name_at(events, open_tags[match])
            open_names[closed_name] = max(0, open_names.get(closed_name, 0) - 1)
        elif stray:
            if rule(tag.name) is False:
                raise scanner.error(
                    f'shortcode "{tag.name}" does not take a closing tag', tag.start
                )
            raise scanner.error(f'closing tag "/{tag.name}" without opening tag', tag.start)
        else:
            open_names[tag.name] -= 1
            match = len(open_tags) - 1
            while match >= 0 and _name_at(events, open_tags[match]) != tag.name:
                if rule(_name_at(events, open_tags[match])) is True:
                    break  # a shortcode that needs closing is innermost: Hugo closes that one
                match -= 1
        if match < 0:
            raise scanner.error(f'closing tag "/{tag.name}" without opening tag', tag.start)
        closed = _name_at(events, open_tags[match])
        if closed != tag.name:
            opened = events[open_tags[match]]
            assert isinstance(opened, _Tag)
            advice = (f'"{tag.name}" was closed before; write "/{closed}" here' if stray else
                      "the closing tags are crossed; Hugo reads it so, but swap them to say "
                      "what you mean")
            problem = scanner.error(
                f'closing tag "/{tag.name}" closes "{closed}" (opened at line '
                f"{scanner.position(opened.start)[0]}): {advice}",
                tag.start,
            )
            if warnings is not None:
                warnings.append(problem)
        # Shortcodes opened after the matched one stay standalone (they need no closing).
        pairs[open_tags[match]] = index
        del open_tags[match:]
    if any(rule(_name_at(events, inner)) is True for inner in open_tags):
        # Hugo names the outermost shortcode, whose closing tag an inner one took: point
        # at the shortcode that lacks a closing tag of its own name, where the writer must look.
        lacking = _lacking_closing_tag(events, rule)
        raise unclosed(lacking if lacking is not None else
                       next(i for i in reversed(open_tags) if rule(_name_at(events, i)) is True))
    return pairs


def _innermost_needing_close(events: list[Text | _Tag], open_tags: list[int],
                             rule: Callable[[str], bool | None]) -> int:
    """The place in ``open_tags`` of the shortcode a stray closing tag closes: the innermost
    one that needs its closing tag, else the innermost."""
    for place in range(len(open_tags) - 1, -1, -1):
        if rule(_name_at(events, open_tags[place])) is True:
            return place
    return len(open_tags) - 1


def _lacking_closing_tag(events: list[Text | _Tag], rule: Callable[[str], bool | None]) -> int | None:
    """The first opening tag that needs a closing tag and gets none, when each closing tag
    closes the nearest open shortcode of its own name."""
    stack: list[int] = []
    lacking: list[int] = []
    for index, tag in enumerate(events):
        if isinstance(tag, Text) or tag.self_closing or rule(tag.name) is False:
            continue
        if not tag.closing:
            stack.append(index)
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if _name_at(events, stack[depth]) == tag.name:
                lacking += [i for i in stack[depth + 1:] if rule(_name_at(events, i)) is True]
                del stack[depth:]
                break
    lacking += [i for i in stack if rule(_name_at(events, i)) is True]
    return min(lacking, default=None)


def _name_at(events: list[Text | _Tag], index: int) -> str:
    tag = events[index]
    assert isinstance(tag, _Tag)
    return tag.name


def _build(
    source: str, events: list[Text | _Tag], pairs: dict[int, int], scanner: _Scanner,
    max_depth: int,
) -> list[Node]:
    """Pass 3: nest the flat events into the tree, using the pairs found before."""
    root: list[Node] = []
    # Open shortcodes: the node, where its inner source starts, the list its children go to.
    stack: list[tuple[Shortcode, int, list[Node]]] = []
    current = root
    closers = set(pairs.values())  # a closing tag that closes nothing prints nothing
    for index, event in enumerate(events):
        if isinstance(event, Text):
            current.append(event)
            continue
        if event.closing:
            if index not in closers:
                continue
            node, inner_start, _ = stack.pop()
            node.inner_source = source[inner_start : event.start]
            current = stack[-1][2] if stack else root
            continue
        line, column = scanner.position(event.start)
        if len(stack) >= max_depth:
            raise ShortcodeSyntaxError(
                f'shortcode "{event.name}" is nested more than {max_depth} shortcodes deep; '
                "close the shortcodes around it sooner", line, column)
        children: list[Node] | None = [] if index in pairs else None
        node = Shortcode(
            name=event.name,
            params=event.params,
            positional=event.positional,
            children=children,
            markdown=event.kind == "%",
            line=line,
            column=column,
            inner_source=None,
            self_closing=event.self_closing,
            bare=frozenset(event.bare),
        )
        current.append(node)
        if children is not None:
            stack.append((node, event.end, children))
            current = children
    return root


def iter_shortcodes(nodes: Iterable[Node]) -> Iterator[Shortcode]:
    """Every shortcode in the tree, depth-first in source order (no recursion limit)."""
    stack: list[Iterator[Node]] = [iter(nodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, Shortcode):
            yield node
            if node.children:
                stack.append(iter(node.children))
