"""Tests for manualgen.shortcode_parser: Hugo's shortcode syntax, one test per form.

The hypothesis tests at the end check the parser as a whole: it never crashes on arbitrary
input, it reads back every well-formed tree it is given, and its line numbers are right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from manualgen.shortcode_parser import (
    Node,
    Shortcode,
    ShortcodeSyntaxError,
    Text,
    iter_shortcodes,
    parse,
)

CORPUS = Path("/work/shared/corpus/spiges-handbook/content")

NEEDS_CLOSING = {
    "markdown",
    "alert",
    "faqBlock",
    "numberedList",
    "unorderedList",
    "listItem",
    "collapsibleBlock",
    "link",
    "layouts/grid",
    "layouts/row",
    "layouts/column",
    "releaseNotes",
}
NEVER_CLOSED = {"insertImage", "lineBreak", "collapsibleGroupCommand"}


def corpus_rule(name: str) -> bool | None:
    """The corpus's shortcodes: which take inner content and which never do."""
    if name in NEEDS_CLOSING or name.startswith("releaseNotes/"):
        return True
    if name in NEVER_CLOSED:
        return False
    return None


def only(nodes: list[Node]) -> Shortcode:
    """The single shortcode of a one-node parse."""
    assert len(nodes) == 1 and isinstance(nodes[0], Shortcode), nodes
    return nodes[0]


def error_of(source: str, **kwargs) -> ShortcodeSyntaxError:
    with pytest.raises(ShortcodeSyntaxError) as info:
        parse(source, **kwargs)
    return info.value


# --- Tag forms -------------------------------------------------------------------------------


def test_plain_text_is_one_text_node() -> None:
    assert parse("Hello\nworld") == [Text("Hello\nworld", 1)]


def test_empty_source_gives_no_nodes() -> None:
    assert parse("") == []


def test_angle_bracket_shortcode_is_not_markdown() -> None:
    sc = only(parse("{{< lineBreak >}}"))
    assert (sc.name, sc.markdown, sc.children, sc.inner_source) == ("lineBreak", False, None, None)


def test_percent_shortcode_is_markdown() -> None:
    sc = only(parse("{{% lineBreak %}}"))
    assert sc.markdown is True


def test_paired_shortcode_has_children_and_inner_source() -> None:
    sc = only(parse('{{< alert color="info" >}}Be *careful*{{< /alert >}}'))
    assert sc.params == {"color": "info"}
    assert sc.children == [Text("Be *careful*", 1)]
    assert sc.inner_source == "Be *careful*"


def test_paired_markdown_shortcode() -> None:
    sc = only(parse("{{% markdown %}}\n# Title\n{{% /markdown %}}"))
    assert sc.markdown and sc.inner_source == "\n# Title\n"
    assert sc.children == [Text("\n# Title\n", 1)]


def test_empty_inner_content_is_an_empty_list() -> None:
    sc = only(parse("{{<faqBlock>}}{{</faqBlock>}}"))
    assert sc.children == [] and sc.inner_source == ""


def test_self_closing_tags_have_no_children() -> None:
    for source in (
        "{{< alert />}}",
        "{{% alert /%}}",
        "{{<alert/>}}",
        '{{< alert x="1" / >}}',
        "{{< alert x=1/>}}",
        "{{< alert x/ >}}",
    ):
        sc = only(parse(source, needs_closing=lambda name: True))
        assert sc.name == "alert" and sc.children is None and sc.inner_source is None


def test_whitespace_and_newlines_inside_delimiters() -> None:
    source = '{{<insertImage\n  image="a.png"\n  class="edge" >}}'
    sc = only(parse(source))
    assert sc.params == {"image": "a.png", "class": "edge"}
    nodes = parse("{{<   alert\n>}}x{{<  /alert  >}}")
    assert only(nodes).inner_source == "x"
    assert only(parse("{{<\n\talert >}}x{{<\n/\nalert >}}")).children == [Text("x", 2)]
    # a line end after a closing tag's name is "unclosed shortcode" in Hugo 0.149.1 (see below)
    assert error_of("{{<\n\talert >}}x{{<\n/\nalert\n>}}").line == 4


@pytest.mark.parametrize(
    "name", ["insertImage", "layouts/column", "releaseNotes/fixedBugs", "my-code_1", "a.b", "x1"]
)
def test_shortcode_names(name: str) -> None:
    sc = only(parse(f"{{{{< {name} >}}}}in{{{{< /{name} >}}}}"))
    assert sc.name == name and sc.inner_source == "in"


def test_name_followed_by_self_closing_slash() -> None:
    assert only(parse("{{< layouts/column/>}}")).name == "layouts/column"


# --- Parameters ------------------------------------------------------------------------------


def test_named_parameter_forms() -> None:
    source = '{{< x dq="say \\"hi\\"" raw=`a\n"b"\\n` bare=edge-1.5 >}}'
    assert only(parse(source)).params == {"dq": 'say "hi"', "raw": 'a\n"b"\\n', "bare": "edge-1.5"}


def test_spaces_around_equals_sign() -> None:
    assert only(parse('{{< x a = "1"  b=\n2 >}}')).params == {"a": "1", "b": "2"}


def test_positional_parameter_forms() -> None:
    sc = only(parse('{{< x "two words" `raw\nline` bare 3.14 "" >}}'))
    assert sc.positional == ["two words", "raw\nline", "bare", "3.14", ""]
    assert sc.params == {}


def test_only_escaped_quote_is_an_escape_in_double_quotes() -> None:
    assert only(parse(r'{{< x "C:\temp\new \"q\"" >}}')).positional == [r'C:\temp\new "q"']


def test_delimiters_inside_quoted_values_are_text() -> None:
    sc = only(parse('{{< x a="{{< b >}}" c=`%}} />}}` >}}'))
    assert sc.params == {"a": "{{< b >}}", "c": "%}} />}}"}


def test_a_quote_right_after_a_value_starts_the_next_positional_value() -> None:
    """Hugo 0.149.1 printed [a][b][c] for {{< p a"b"c >}}: its lexer ends a bare value at a
    quote and a quoted one at its closing quote (rclone's {{< rem … start" - DO NOT …" >}})."""
    assert only(parse('{{< a b"c" >}}')).positional == ["b", "c"]
    assert only(parse('{{< a "b"c `d`e >}}')).positional == ["b", "c", "d", "e"]
    assert only(parse('{{< rem options start" - DO NOT EDIT" >}}')).positional == [
        "options", "start", " - DO NOT EDIT"]


def test_bare_value_may_hold_url() -> None:
    assert only(parse("{{< x https://example.org/a >}}")).positional == ["https://example.org/a"]
    assert only(parse("{{< x url=/a?b=c&d=e >}}")).params == {"url": "/a?b=c&d=e"}


def test_mixing_named_and_positional_is_an_error() -> None:
    err = error_of('{{< x a="1" b >}}')
    assert "mix named and positional" in str(err)
    assert (err.line, err.column) == (1, 13)
    err = error_of("text\n  {{< x one two=2 >}}")
    assert (err.line, err.column) == (2, 13)


# --- Nesting and closing ---------------------------------------------------------------------


def test_nesting_to_any_depth() -> None:
    depth = 50
    source = "".join(f"{{{{< d{i} >}}}}" for i in range(depth)) + "core"
    source += "".join(f"{{{{< /d{i} >}}}}" for i in reversed(range(depth)))
    node = only(parse(source, needs_closing=lambda name: True))
    for i in range(depth):
        assert node.name == f"d{i}"
        assert node.children is not None
        if i < depth - 1:
            node = only(node.children)
    assert node.children == [Text("core", 1)]


def test_closing_tag_pairs_with_nearest_open_shortcode_of_same_name() -> None:
    outer = only(parse("{{< box >}}a{{< box >}}b{{< /box >}}c{{< /box >}}"))
    assert outer.inner_source == "a{{< box >}}b{{< /box >}}c"
    assert outer.children is not None
    inner = outer.children[1]
    assert isinstance(inner, Shortcode) and inner.inner_source == "b"


def test_unknown_shortcode_without_closing_tag_is_standalone() -> None:
    nodes = parse("{{< box >}}a{{< tip >}}b{{< /box >}}c")
    box = nodes[0]
    assert isinstance(box, Shortcode) and box.children is not None
    tip = box.children[1]
    assert isinstance(tip, Shortcode) and tip.children is None
    assert box.children == [Text("a", 1), tip, Text("b", 1)]
    assert nodes[1:] == [Text("c", 1)]


def test_unknown_shortcode_unclosed_at_end_is_standalone() -> None:
    nodes = parse("x {{< tip >}} y")
    assert [type(n) for n in nodes] == [Text, Shortcode, Text]
    assert only(nodes[1:2]).children is None


def test_required_closing_tag_missing_is_error_at_opening_tag() -> None:
    err = error_of("intro\n\n  {{< alert >}}\nbody", needs_closing=corpus_rule)
    assert str(err) == 'unclosed shortcode "alert"'
    assert (err.message, err.line, err.column) == ('unclosed shortcode "alert"', 3, 3)


def test_closing_tag_for_shortcode_without_inner_content_is_error() -> None:
    source = '{{< insertImage image="a.png" >}}\n{{< /insertImage >}}'
    err = error_of(source, needs_closing=corpus_rule)
    assert "insertImage" in str(err)
    assert (err.line, err.column) == (2, 1)


def test_shortcode_without_inner_content_is_never_paired() -> None:
    source = "{{< alert >}}{{< lineBreak >}}text{{< /alert >}}"
    alert = only(parse(source, needs_closing=corpus_rule))
    assert alert.children is not None
    assert [type(n) for n in alert.children] == [Shortcode, Text]


def test_crossed_closing_tags_close_the_innermost_as_hugo_does() -> None:
    # Hugo's parser closes the innermost open shortcode at any closing tag whose name is
    # still open; the site renders, so manualgen reads it the same way and warns.
    source = "{{<a>}}\n{{<b>}}x\n{{</a>}}y{{</b>}}"
    crossed: list[ShortcodeSyntaxError] = []
    a = only(parse(source, needs_closing=lambda name: True, warnings=crossed))
    assert a.name == "a" and a.inner_source == "\n{{<b>}}x\n{{</a>}}y"
    b = a.children[1]
    assert isinstance(b, Shortcode) and b.inner_source == "x\n"
    assert [(w.line, w.column) for w in crossed] == [(3, 1), (3, 10)]
    assert 'closes "b"' in crossed[0].message


def test_crossed_closing_tag_of_a_name_not_open_is_an_error() -> None:
    err = error_of("{{<a>}}{{<b>}}{{</c>}}", needs_closing=lambda name: True)
    assert str(err) == 'closing tag "/c" without opening tag'


def test_closing_tag_without_opening_is_error() -> None:
    err = error_of("a\nb {{< /alert >}}")
    assert str(err) == 'closing tag "/alert" without opening tag'
    assert (err.line, err.column) == (2, 3)


def test_closing_tag_may_use_other_delimiter_kind() -> None:
    sc = only(parse("{{% markdown %}}x{{< /markdown >}}"))
    assert sc.markdown and sc.inner_source == "x"


# --- Escapes and plain text ------------------------------------------------------------------


def test_escaped_shortcode_is_literal_text() -> None:
    assert parse('Use {{</* alert color="info" */>}} here') == [
        Text('Use {{< alert color="info" >}} here', 1)
    ]
    assert parse("{{%/* markdown */%}}") == [Text("{{% markdown %}}", 1)]


def test_escape_allows_whitespace_around_comment_markers() -> None:
    assert parse("{{< /* x */ >}}") == [Text("{{<  x  >}}", 1)]


def test_escaped_closing_tag_is_text_and_pairs_with_nothing() -> None:
    assert parse("{{</* /alert */>}}") == [Text("{{< /alert >}}", 1)]


def test_go_template_braces_are_text() -> None:
    source = "{{ .Title }} {{- range .Pages }}{{{< x >}}"
    nodes = parse(source)
    assert nodes[0] == Text("{{ .Title }} {{- range .Pages }}{", 1)
    assert only(nodes[1:]).column == 34


def test_text_keeps_every_character() -> None:
    source = "a\r\n {{< x >}} \t{{% y %}}z{{% /y %}}\n\n"
    nodes = parse(source)
    assert nodes == [
        Text("a\r\n ", 1),
        Shortcode("x", {}, [], None, False, 2, 2, None),
        Text(" \t", 2),
        Shortcode("y", {}, [], [Text("z", 2)], True, 2, 13, "z"),
        Text("\n\n", 2),
    ]


def test_line_offset_shifts_every_line() -> None:
    nodes = parse("a\n{{< x >}}\nb{{< /x >}}", line_offset=7)
    assert nodes[0] == Text("a\n", 8)
    sc = only(nodes[1:])
    assert (sc.line, sc.column) == (9, 1)
    assert sc.children == [Text("\nb", 9)]
    err = error_of("\n{{< /x >}}", line_offset=7)
    assert (err.line, err.column) == (9, 1)


def test_iter_shortcodes_is_depth_first_in_source_order() -> None:
    source = "{{<a>}}{{<b>}}{{<c>}}{{</b>}}{{<d>}}{{</a>}}{{<e>}}"
    assert [sc.name for sc in iter_shortcodes(parse(source))] == ["a", "b", "c", "d", "e"]


# --- Syntax errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message", "line", "column"),
    [
        ("x\n  {{< alert", "unterminated shortcode tag", 2, 3),
        ("{{< alert color=", "unterminated shortcode tag", 1, 1),
        ("{{< a >}}{{< /a", "unterminated shortcode tag", 1, 10),
        ('{{< a b="c >}}\nmore text', "unterminated quoted string", 1, 9),
        ("{{< a b=`c >}}", "unterminated back-quoted string", 1, 9),
        ('{{< a "b\\" >}}', "unterminated quoted string", 1, 7),
        ("{{< a {{< b >}}", "unterminated shortcode tag", 1, 1),
        ("{{< a %}}", "must end with >}}", 1, 1),
        ("{{% a >}}", "must end with %}}", 1, 1),
        ("{{% a />}}", "must end with %}}", 1, 1),
        ("{{</* a */%}}", "unterminated shortcode comment", 1, 1),
        ("{{< >}}", "without a name", 1, 1),
        ("{{< /a b >}}", "must not have parameters", 1, 8),
        ("{{< a >}}{{< /a />}}", "cannot be self-closing", 1, 17),
        ('{{< a "b"=c >}}', "invalid parameter name", 1, 7),
        ("{{< a b= >}}", 'parameter "b" has no value', 1, 7),
        ('{{< a k="v"c >}}', "unexpected 'c'", 1, 12),
        ("{{< a\n= >}}", "unexpected '='", 2, 1),
    ],
)
def test_syntax_errors_report_position(source: str, message: str, line: int, column: int) -> None:
    err = error_of(source)
    assert message in str(err)
    assert (err.line, err.column) == (line, column)


# --- Real pages ------------------------------------------------------------------------------


def strip_front_matter(text: str) -> tuple[str, int]:
    """Body after the front matter between the first two ``---`` lines, and lines removed."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return "\n".join(lines[index + 1 :]), index + 1
    return text, 0


# Pages of the corpus with crossed closing tags: "{{<markdown>}} ... {{</collapsibleBlock>}}
# {{</markdown>}}".  Hugo renders them (a closing tag there closes the innermost open
# shortcode, whatever its name); this parser reports the inner shortcode as unclosed.
CROSSED_TAGS: dict[str, tuple[str, int, int]] = {}  # pages expected to fail to parse


def test_every_corpus_page_parses() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus folder {CORPUS} is absent (real pages are test data, not shipped)")
    pages = sorted(CORPUS.rglob("*.md"))
    assert pages
    opening_tag = re.compile(r"\{\{[<%]\s*(?![/\s])")
    failures = []
    for page in pages:
        body, removed = strip_front_matter(page.read_text(encoding="utf-8"))
        known_error = CROSSED_TAGS.get(page.relative_to(CORPUS).as_posix())
        try:
            nodes = parse(body, line_offset=removed, needs_closing=corpus_rule)
        except ShortcodeSyntaxError as exc:
            if (str(exc), exc.line, exc.column) != known_error:
                failures.append(f"{page}:{exc.line}:{exc.column}: {exc}")
            continue
        if known_error:
            failures.append(f"{page}: expected {known_error}, parsed without error")
        shortcodes = list(iter_shortcodes(nodes))
        assert len(shortcodes) == len(opening_tag.findall(body)), page
        lines = page.read_text(encoding="utf-8").split("\n")
        for sc in shortcodes:
            assert lines[sc.line - 1][sc.column - 1 :].startswith("{{<"), (page, sc.line)
            if corpus_rule(sc.name) is True:
                assert sc.children is not None, (page, sc.line, sc.name)
    assert not failures, "\n".join(failures)


# --- Property tests --------------------------------------------------------------------------

FRAGMENTS = [
    "{{<",
    ">}}",
    "{{%",
    "%}}",
    "{{",
    "}}",
    "/",
    "/*",
    "*/",
    '"',
    '\\"',
    "`",
    "=",
    " ",
    "\n",
    "a",
    "alert",
    "/alert",
    "layouts/column",
    "x=1",
]
RULES = [
    lambda name: None,
    lambda name: True,
    lambda name: False,
    lambda name: {"alert": True, "a": False}.get(name),
]


@given(
    st.one_of(st.text(), st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3)).map("".join)),
    st.sampled_from(RULES),
)
def test_any_text_parses_or_raises_syntax_error(source: str, rule) -> None:
    try:
        nodes = parse(source, needs_closing=rule)
    except ShortcodeSyntaxError as exc:
        assert exc.line >= 1 and exc.column >= 1 and str(exc) == exc.message
    else:
        assert all(isinstance(node, Text | Shortcode) for node in nodes)


# Round trip: a generated tree is rendered to source, then read back.  The shortcode names
# fix the closing rule so the source is never ambiguous: REQUIRED names are paired or
# self-closed, LEAF names never paired, OPTIONAL names paired or self-closed.
REQUIRED = ["alert", "layouts/column", "releaseNotes/fixedBugs"]
LEAF = ["insertImage", "lineBreak"]
OPTIONAL = ["my-code_1", "v.2"]


def round_trip_rule(name: str) -> bool | None:
    return True if name in REQUIRED else False if name in LEAF else None


@dataclass
class Escape:
    """An escaped shortcode in a generated tree: becomes Text when parsed."""

    name: str
    args: list[str]


spaces = st.sampled_from(["", " ", "  ", "\n", "\t", " \n  "])
gaps = st.sampled_from([" ", "\n", "  ", " \n\t"])
keys = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,6}", fullmatch=True)
values = st.text(max_size=8)
texts = st.text(min_size=1, max_size=12).filter(lambda t: "{{" not in t and not t.endswith("{"))


@st.composite
def shortcodes(draw, children: st.SearchStrategy) -> Shortcode:
    name = draw(st.sampled_from(REQUIRED + LEAF + OPTIONAL))
    named = draw(st.booleans())
    params = draw(st.dictionaries(keys, values, max_size=3)) if named else {}
    positional = [] if named else draw(st.lists(values, max_size=3))
    paired = name not in LEAF and draw(st.booleans())
    kids = draw(children) if paired else None
    markdown = draw(st.booleans())
    return Shortcode(name, params, positional, kids, markdown, 0, 0, None)


escapes = st.builds(
    Escape, st.sampled_from(REQUIRED + LEAF), st.lists(st.from_regex(r"\w{1,5}", fullmatch=True))
)
trees = st.recursive(
    st.lists(texts.map(lambda t: Text(t, 0)) | escapes, max_size=3),
    lambda children: st.lists(
        st.one_of(texts.map(lambda t: Text(t, 0)), escapes, shortcodes(children)), max_size=4
    ),
    max_leaves=12,
)


class Renderer:
    """Writes a generated tree as source and builds the tree the parser should return."""

    def __init__(self, data, line_offset: int) -> None:
        self.data = data
        self.out: list[str] = []
        self.line_offset = line_offset

    @property
    def source(self) -> str:
        return "".join(self.out)

    def here(self) -> tuple[int, int]:
        source = self.source
        return source.count("\n") + 1 + self.line_offset, len(source) - source.rfind("\n")

    def value(self, value: str, positional: bool = False) -> str:
        """The value written bare (a positional one must start as Hugo's lexer wants),
        double-quoted or back-quoted."""
        forms = []
        if re.fullmatch(r"[\w-][\w.-]*" if positional else r"[\w.-]+", value):
            forms.append(value)
        if "\n" not in value and "\\" not in value:
            forms.append('"' + value.replace('"', '\\"') + '"')
        if "`" not in value:
            forms.append("`" + value + "`")
        assume(forms)
        return self.data.draw(st.sampled_from(forms))

    def tag(self, sc: Shortcode, *, closing: bool = False, self_closing: bool = False) -> str:
        left, right = ("{{%", "%}}") if sc.markdown else ("{{<", ">}}")
        draw = self.data.draw
        if closing:
            # a line end after the name would be "unclosed shortcode" (as in Hugo)
            after = draw(spaces).replace("\n", " ").replace("\r", " ")
            return f"{left}{draw(spaces)}/{draw(spaces)}{sc.name}{after}{right}"
        parts = [left, draw(spaces), sc.name]
        self.bare: set = set()  # the parameters written bare, as the parser records them
        for key, value in sc.params.items():
            written = self.value(value)
            self.bare |= {key} if written[:1] not in ('"', "`") else set()
            parts += [draw(gaps), key, draw(spaces), "=", draw(spaces), written]
        for index, value in enumerate(sc.positional):
            written = self.value(value, positional=True)
            self.bare |= {index} if written[:1] not in ('"', "`") else set()
            parts += [draw(gaps), written]
        if self_closing:
            parts += [draw(spaces), "/"]
        parts += [draw(spaces), right]
        return "".join(parts)

    def render(self, nodes: list) -> list[Node]:
        expected: list[Node] = []
        for node in nodes:
            if isinstance(node, Text | Escape):
                line = self.here()[0]
                if isinstance(node, Text):
                    text = source = node.text
                else:
                    body = " ".join([node.name, *node.args])
                    source, text = f"{{{{</* {body} */>}}}}", f"{{{{< {body} >}}}}"
                self.out.append(source)
                if expected and isinstance(expected[-1], Text):
                    expected[-1].text += text
                else:
                    expected.append(Text(text, line))
                continue
            line, column = self.here()
            if node.children is None:
                self_closing = node.name not in LEAF or self.data.draw(st.booleans())
                self.out.append(self.tag(node, self_closing=self_closing))
                expected.append(replace(node, line=line, column=column,
                                        self_closing=self_closing, bare=frozenset(self.bare)))
                continue
            self.out.append(self.tag(node))
            bare = frozenset(self.bare)
            inner_start = len(self.source)
            children = self.render(node.children)
            inner = self.source[inner_start:]
            self.out.append(self.tag(node, closing=True))
            expected.append(
                replace(node, children=children, line=line, column=column, inner_source=inner,
                        bare=bare)
            )
        return expected


@given(trees, st.integers(min_value=0, max_value=30), st.data())
def test_round_trip_of_well_formed_trees(tree: list, line_offset: int, data) -> None:
    renderer = Renderer(data, line_offset)
    expected = renderer.render(tree)
    parsed = parse(renderer.source, line_offset=line_offset, needs_closing=round_trip_rule)
    assert parsed == expected


# Line numbers: text fragments (with newlines) and standalone tags (spanning lines) in any
# order; every node must start on the line given by the newlines before it.
leaf_tags = st.sampled_from(
    [
        "{{< lineBreak >}}",
        '{{<insertImage\n  image="a.png"\n  class="edge" >}}',
        "{{% x\n`multi\nline`\n/%}}",
        '{{< y a="{{< z >}}" >}}',
    ]
)
line_texts = st.text(alphabet="ab {}\n\t%<>", min_size=1, max_size=10).filter(
    lambda t: "{{" not in t and not t.endswith("{")
)


@given(st.lists(line_texts | leaf_tags), st.integers(0, 20))
def test_line_numbers_count_newlines_before_each_node(pieces: list[str], line_offset: int) -> None:
    source = ""
    expected: list[tuple[str, int, int | str]] = []  # ("tag", line, column) / ("text", line, text)
    for piece in pieces:
        line = source.count("\n") + 1 + line_offset
        if piece.startswith(("{{<", "{{%")):
            expected.append(("tag", line, len(source) - source.rfind("\n")))
        elif expected and expected[-1][0] == "text":
            kind, first_line, text = expected[-1]
            expected[-1] = (kind, first_line, f"{text}{piece}")
        else:
            expected.append(("text", line, piece))
        source += piece
    nodes = parse(source, line_offset=line_offset)
    assert [
        ("tag", n.line, n.column) if isinstance(n, Shortcode) else ("text", n.line, n.text)
        for n in nodes
    ] == expected


# --- escapes and closing tags of shortcodes closed before (real Docsy sites) -----------------


def test_escaped_shortcodes_print_as_written_without_a_missing_opening_warning() -> None:
    warnings: list[ShortcodeSyntaxError] = []
    source = 'Use {{</* tabs */>}} and {{%/* x */%}}.\n\n```\n{{</* tab "A" */>}}\n```\n'
    nodes = parse(source, warnings=warnings)
    assert nodes == [Text('Use {{< tabs >}} and {{% x %}}.\n\n```\n{{< tab "A" >}}\n```\n', 1)]
    assert warnings == []


def test_a_real_stray_end_still_warns_beside_an_escape() -> None:
    warnings: list[ShortcodeSyntaxError] = []
    parse("{{</* ok */>}}\ninsertImage image=x.png>}}\n", warnings=warnings)
    assert [(w.line, "is missing" in w.message) for w in warnings] == [(2, True)]


def test_closing_a_shortcode_with_the_name_of_one_closed_before_closes_the_open_one() -> None:
    # Hugo's lexer remembers every name opened on the page, its parser closes the innermost
    # open shortcode: the page builds there, so it builds here, with a warning.
    warnings: list[ShortcodeSyntaxError] = []
    source = ("{{% blocks/lead %}}a{{% /blocks/lead %}}\n{{% blocks/section %}}\nb\n"
              "{{% /blocks/lead %}}\nc\n{{% /blocks/section %}}\n")
    nodes = parse(source, warnings=warnings)
    section = [n for n in nodes if isinstance(n, Shortcode)][1]
    assert section.name == "blocks/section" and section.inner_source == "\nb\n"
    assert "".join(n.text for n in nodes if isinstance(n, Text)) == "\n\nc\n\n"
    assert [(w.line, w.message.split(":")[0]) for w in warnings] == [
        (4, 'closing tag "/blocks/lead" closes "blocks/section" (opened at line 2)'),
        (6, 'closing tag "/blocks/section" closes nothing')]


def test_a_closing_tag_of_a_name_never_opened_is_still_an_error() -> None:
    err = error_of("{{% a %}}x{{% /a %}}{{% b %}}{{% /c %}}")
    assert str(err) == 'closing tag "/c" without opening tag'


_TAG_SOUP = st.lists(st.sampled_from([
    "{{< a >}}", "{{< /a >}}", "{{% b %}}", "{{% /b %}}", "{{< c />}}", "{{< /c >}}",
    "{{</* a */>}}", "x", "\n", ">}}", "%}}", "{{% /d %}}", "{{< d >}}"]), max_size=25).map("".join)
_RULES = st.sampled_from([lambda n: None, lambda n: True, lambda n: n == "a",
                          lambda n: False if n == "c" else None])


@given(_TAG_SOUP, _RULES)
def test_any_order_of_opening_closing_and_escaped_tags_parses_or_is_a_syntax_error(source, rule):
    try:
        nodes = parse(source, needs_closing=rule, warnings=[])
    except ShortcodeSyntaxError:
        return
    assert all(isinstance(node, (Text, Shortcode)) for node in nodes)


def test_a_tag_whose_end_was_deleted_says_so_in_its_message_and_its_text():
    """Found by fuzzing: the hint about the missing end went into ``message`` only."""
    with pytest.raises(ShortcodeSyntaxError) as caught:
        parse('{{<0\n"', needs_closing=lambda name: None)
    assert "is its >}} missing?" in caught.value.message and str(caught.value) == caught.value.message


# What Hugo 0.149.1 did with each closing tag split over lines (run 2026-12-07): a line end
# before or after the "/" is read; one after the name is 'unclosed shortcode' at its end.
@pytest.mark.parametrize("closing", ["{{%\n/alert %}}", "{{<\n/alert >}}", "{{< /\nalert >}}",
                                     "{{< /alert\t>}}"])
def test_a_closing_tag_may_break_its_line_before_the_name(closing: str) -> None:
    node = only(parse("{{< alert >}}\nhi\n" + closing, needs_closing=lambda name: True))
    assert node.name == "alert" and node.inner_source == "\nhi\n"


@pytest.mark.parametrize("closing", ["{{< /alert\n>}}", "{{% /alert \n%}}", "{{< /alert\n\n>}}"])
def test_a_closing_tag_broken_after_its_name_is_unclosed_as_in_hugo(closing: str) -> None:
    error = error_of("{{< alert >}}\nhi\n" + closing, needs_closing=lambda name: True)
    assert (error.line, error.column) == (3, 11) and "runs onto the next line" in error.message


def test_shortcodes_nested_thousands_deep_are_refused_in_linear_time() -> None:
    """Each level holds the text of the levels inside it: 20,000 levels took 8 s (and as
    many copies of the page's text) before the depth was checked."""
    import time

    from manualgen.shortcode_parser import ShortcodeSyntaxError, parse

    page = "{{< a >}}\n" * 20_000 + "{{< /a >}}\n" * 20_000
    started = time.process_time()
    with pytest.raises(ShortcodeSyntaxError) as caught:
        parse(page, line_offset=4)
    # a bound on a loaded machine, not a speed target: the quadratic build took 8 s
    assert time.process_time() - started < 4.0
    assert (caught.value.line, caught.value.column) == (4 + 101, 1)  # the 101st level
    assert "nested more than 100 shortcodes deep" in caught.value.message
    assert len(parse("{{< a >}}" * 100 + "{{< /a >}}" * 100)) == 1  # 100 levels are read


def test_stray_closing_delimiters_on_one_long_line_are_named_in_linear_time() -> None:
    import time

    from manualgen.shortcode_parser import parse

    warnings: list = []
    started = time.process_time()
    parse("{{</* a */>}} >}}" * 100_000, warnings=warnings)  # one line: 34 s before
    assert time.process_time() - started < 3.0
    assert len(warnings) == 100_000
    assert warnings[0].message == '"{{</* a */>}} >}}" prints as text: the shortcode\'s "{{<" is missing'
    unit = "{{</* a */>}} >}}"
    assert [w.message.split('" prints')[0] for w in warnings[:3]] == [
        '"' + unit, '"' + unit * 2, '"' + (unit * 3)[:40] + "…"]  # the line's start, cut
    warnings = []
    parse("x\n   foo >}}\n", warnings=warnings)
    assert (warnings[0].message, warnings[0].line) == ('"foo >}}" prints as text: the shortcode\'s "{{<" is missing', 2)


@pytest.mark.parametrize("value", ["/x", "+5", ".5", "$x", "#x"])
def test_a_bare_positional_value_must_start_with_a_letter_or_digit(value):
    """Hugo's lexer stops the build at `{{< sc /x >}}` ("Parameters with non-alphanumeric
    args must be quoted"); after a name (`a=/x`) and quoted, the same value is taken."""
    with pytest.raises(ShortcodeSyntaxError) as caught:
        parse(f"text\n{{{{< sc {value} >}}}}\n")
    assert caught.value.line == 2 and f'quoted ("{value}")' in caught.value.message
    assert parse(f'{{{{< sc a={value} >}}}}')[0].params == {"a": value}
    assert parse(f'{{{{< sc "{value}" -5 x.y _z é >}}}}')[0].positional == [value, "-5", "x.y", "_z", "é"]
