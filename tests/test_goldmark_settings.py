"""A site's ``[markup.goldmark]`` settings beyond Hugo's defaults.  Each expected HTML is
what the hugo binaries 0.149.1 and 0.168.0 give for the same source and settings (ids,
the classes of task lists and the footnotes' own markup aside, which manualgen prints its
own way for paper)."""

from __future__ import annotations

import pytest

from .conftest import HUGO_TOML
from .test_convert import Site, squeeze


def renders(tmp_path, settings: str, source: str) -> str:
    return squeeze(Site(tmp_path, hugo=HUGO_TOML + settings).render(source))


def renders_line(tmp_path, settings: str, source: str) -> str:
    """The HTML of a one-line source, its spaces between elements kept."""
    return Site(tmp_path, hugo=HUGO_TOML + settings).render(source).strip()


EVERY_EXTENSION = """\
| a | b |
|---|---|
| 1 | 2 |

~~gone~~ and ~one~

- [x] done

Term
: Definition

Text[^1].

[^1]: The note.
"""


def test_goldmarks_extensions_switched_off_leave_their_syntax_as_text(tmp_path):
    settings = ("[markup.goldmark.extensions]\ntable = false\nstrikethrough = false\n"
                "taskList = false\ndefinitionList = false\nfootnote = false\n")
    assert renders(tmp_path, settings, EVERY_EXTENSION) == (
        "<p>| a | b |\n|\u2014|\u2014|\n| 1 | 2 |</p><p>~~gone~~ and ~one~</p>"
        "<ul><li>[x] done</li></ul><p>Term\n: Definition</p><p>Text[^1].</p><p>[^1]: The note.</p>")


@pytest.mark.parametrize("settings", [
    "[markup.goldmark.extensions]\nfootnote = false\n",  # Hugo 0.149 and 0.168
    "[markup.goldmark.extensions.footnote]\nenable = false\n",  # Hugo 0.168 (0.149 refuses the table)
])
def test_footnotes_switched_off_print_as_written(tmp_path, settings):
    assert renders(tmp_path, settings, "Text[^1].\n\n[^1]: The note.\n") == (
        "<p>Text[^1].</p><p>[^1]: The note.</p>")


def test_a_footnote_table_without_enable_leaves_footnotes_on(tmp_path):
    settings = '[markup.goldmark.extensions.footnote]\nbacklinkHTML = "^"\n'
    assert 'class="footnote-ref"' in renders(tmp_path, settings, "Text[^1].\n\n[^1]: Note.\n")


@pytest.mark.parametrize("wraps, expected", [
    ("false", "<p>Term\n: one\n: two</p><p>Word</p><p>: three</p>"),
    ("true", "<p>Term<br>\n: one<br>\n: two</p><p>Word</p><p>: three</p>"),
])
def test_without_definition_lists_colon_lines_are_lines_of_the_paragraph(tmp_path, wraps, expected):
    hugo = (HUGO_TOML.replace("unsafe = true", f"unsafe = true\nhardWraps = {wraps}")
            + "[markup.goldmark.extensions]\ndefinitionList = false\n")
    html = squeeze(Site(tmp_path, hugo=hugo).render("Term\n: one\n: two\n\nWord\n\n: three\n"))
    assert html == expected


def test_one_extension_off_leaves_the_others_on(tmp_path):
    html = renders(tmp_path, "[markup.goldmark.extensions]\ntable = false\n", EVERY_EXTENSION)
    assert "<table>" not in html and "<del>gone</del>" in html and "<dl>" in html


def _extras(*names: str, strikethrough: bool = True) -> str:
    tables = "".join(f"[markup.goldmark.extensions.extras.{name}]\nenable = true\n" for name in names)
    return f"[markup.goldmark.extensions]\nstrikethrough = {str(strikethrough).lower()}\n" + tables


EXTRAS_SOURCE = "a ++ins++ b ==mark== H~2~O x^2^ ~~gone~~ ^^up^^ ===x=== +++y+++ ==*em*== **b ==m== b** x^*e*^"


@pytest.mark.parametrize("names, strikethrough, expected", [
    ((), True, ("<p>a ++ins++ b ==mark== H<del>2</del>O x^2^ <del>gone</del> ^^up^^ ===x=== +++y+++ "
     "==<em>em</em>== <strong>b ==m== b</strong> x^<em>e</em>^</p>")),
    (("insert", "mark", "subscript", "superscript", "delete"), True,
     ("<p>a <ins>ins</ins> b <mark>mark</mark> H<del>2</del>O x<sup>2</sup> <del>gone</del> <sup>up</sup> "
     "===x=== +++y+++ <mark><em>em</em></mark> <strong>b <mark>m</mark> b</strong> x^<em>e</em>^</p>")),
    (("subscript", "delete"), False,
     ("<p>a ++ins++ b ==mark== H<sub>2</sub>O x^2^ <del>gone</del> ^^up^^ ===x=== +++y+++ "
     "==<em>em</em>== <strong>b ==m== b</strong> x^<em>e</em>^</p>")),
    (("subscript",), False,
     ("<p>a ++ins++ b ==mark== H<sub>2</sub>O x^2^ <sub>gone</sub> ^^up^^ ===x=== +++y+++ "
     "==<em>em</em>== <strong>b ==m== b</strong> x^<em>e</em>^</p>")),
    (("delete",), False,
     ("<p>a ++ins++ b ==mark== H~2~O x^2^ <del>gone</del> ^^up^^ ===x=== +++y+++ "
     "==<em>em</em>== <strong>b ==m== b</strong> x^<em>e</em>^</p>")),
])
def test_the_extras_a_site_enables_print_as_hugo_prints_them(tmp_path, names, strikethrough, expected):
    assert renders_line(tmp_path, _extras(*names, strikethrough=strikethrough), EXTRAS_SOURCE) == expected


@pytest.mark.parametrize("source, expected", [
    ("~a~~ b", "<p><sub>a</sub>~ b</p>"),
    ("x^2 y^ z", "<p>x<sup>2 y</sup> z</p>"),
    ("a ^ b ^ c", "<p>a ^ b ^ c</p>"),
    ("`==code==` ==`code`==", "<p><code>==code==</code> <mark><code>code</code></mark></p>"),
])
def test_an_extra_opens_and_closes_by_commonmarks_flanking_rules(tmp_path, source, expected):
    settings = _extras("subscript", "superscript", "mark", strikethrough=False)
    assert renders_line(tmp_path, settings, source) == expected


CJK_SOURCE = "日本語\n中文字\n\nabc\n日本\n\n中文。\n한국어\n\nx dogs'\ny\n\n日\n**強**\n\n**強調**\\ の a\\ b\n"


@pytest.mark.parametrize("options, expected", [
    ("enable = false\neastAsianLineBreaks = true\nescapedSpace = true",
     ("<p>日本語\n中文字</p><p>abc\n日本</p><p>中文。\n한국어</p><p>x dogs'\ny</p>"
     "<p>日\n<strong>強</strong></p><p><strong>強調</strong>\\ の a\\ b</p>")),
    ("enable = true\neastAsianLineBreaks = true",
     ("<p>日本語中文字</p><p>abc\n日本</p><p>中文。한국어</p><p>x dogs'\ny</p>"
     "<p>日<strong>強</strong></p><p><strong>強調</strong>\\ の a\\ b</p>")),
    ("enable = true\neastAsianLineBreaks = true\neastAsianLineBreaksStyle = 'css3draft'",
     ("<p>日本語中文字</p><p>abc日本</p><p>中文。\n한국어</p><p>x dogs'y</p>"
     "<p>日<strong>強</strong></p><p><strong>強調</strong>\\ の a\\ b</p>")),
    ("enable = true\nescapedSpace = true",
     ("<p>日本語\n中文字</p><p>abc\n日本</p><p>中文。\n한국어</p><p>x dogs'\ny</p>"
     "<p>日\n<strong>強</strong></p><p><strong>強調</strong>の ab</p>")),
])
def test_the_cjk_extension_joins_lines_and_drops_escaped_spaces_as_hugo_does(tmp_path, options, expected):
    html = renders(tmp_path, f"[markup.goldmark.extensions.cjk]\n{options}\n", CJK_SOURCE)
    assert html == expected


@pytest.mark.parametrize("source, expected", [
    ("abc\n**x** y", "<p>abc<strong>x</strong> y</p>"),
    ("abc\n[link](https://e.org)", '<p>abc<a href="https://e.org">link</a></p>'),
    ("abc\n`code`", "<p>abc<code>code</code></p>"),
    ('abc\n"q" z', "<p>abc\u201cq\u201d z</p>"),
    ("abc\n<span>r</span>", "<p>abc<span>r</span></p>"),
    ("**x**\nabc", "<p><strong>x</strong>\nabc</p>"),
    ("abc\n\\*e", "<p>abc\n*e</p>"),
    ('x "quoted"\n~~one~~ y', "<p>x \u201cquoted\u201d\n<del>one</del> y</p>"),
])
def test_east_asian_line_breaks_go_before_anything_but_plain_text(tmp_path, source, expected):
    # Goldmark reads the characters around a break only where a text node follows it.
    settings = "[markup.goldmark.extensions.cjk]\nenable = true\neastAsianLineBreaks = true\n"
    assert renders_line(tmp_path, settings, source) == expected
