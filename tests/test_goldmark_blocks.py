"""Goldmark block syntax that real Hugo sites use and Python-Markdown reads otherwise:
fenced code in list items and with attributes, GitHub alerts, block attributes, math
passthrough.  Each test renders a small page the way a build does and checks the HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.goldmark import (
    Passthrough,
    alert_head,
    attribute_lines,
    extract_fences,
    extract_math,
    fence_info,
    parse_attributes,
)

from .conftest import HUGO_TOML
from .test_convert import ATTRIBUTES, Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML + ATTRIBUTES)


# --- fenced code ---------------------------------------------------------------------------


def test_a_fence_in_a_list_item_stays_a_code_block_and_the_numbering_goes_on(site):
    html = squeeze(site.render("1. One\n\n   ```sh\n   ls -l\n   ```\n\n2. Two\n3. Three\n"))
    assert '<li><p>One</p><pre><code class="language-sh">ls -l\n</code></pre></li>' in html
    assert html.count("<ol>") == 1 and html.count("<li>") == 3
    assert "<code>sh" not in html


def test_a_fence_inside_an_html_comment_stays_in_the_comment(site):
    # a commented-out example (Hugo Book's usage note): Goldmark passes the comment on whole,
    # to its "-->", the fence inside it too; the text after it prints
    source = ("Intro.\n\n<!--Lists the section's pages.\nExample\n```tpl\nsection\n```-->\n\n"
              "After.\n\n1. One\n\n   <!-- old step:\n   ```sh\n   rm -rf /\n   ```\n   -->\n\n"
              "   Kept.\n2. Two\n")
    html = squeeze(site.render(source))
    assert "<pre" not in html and "rm -rf" not in html.replace("<!--", "\0").split("\0")[0]
    assert "<p>After.</p>" in html and "<p>Kept.</p>" in html and html.count("<li>") == 2
    assert "<!--Lists the section's pages.\nExample\n```tpl\nsection\n```-->" in html


def test_a_fence_right_under_a_tight_item_keeps_the_item_tight(site):
    html = squeeze(site.render("- a\n  ```\n  x\n  ```\n- b\n"))
    assert html == '<ul><li>a\n<pre><code>x\n</code></pre></li><li>b</li></ul>'


def test_a_fence_in_a_nested_item_loses_only_its_own_indentation(site):
    html = site.render("- a\n  - b\n\n    ```\n      indented\n    plain\n    ```\n")
    assert "<pre><code>  indented\nplain\n</code></pre>" in html


def test_text_after_a_fence_that_is_not_indented_for_the_item_ends_the_list(site):
    html = squeeze(site.render("1. a\n   ```\n   x\n   ```\nAfter\n"))
    assert html.endswith("</ol><p>After</p>")


def test_fences_with_attributes_open_and_close_and_prose_stays_prose(site):
    source = ('```go {linenos=table,hl_lines=[2]}\npackage main\nfunc main() {}\n```\n\n'
              "Prose **bold**.\n\n"
              '```yaml {filename="hugo.yaml"}\nbaseURL: x\n```\n\nMore prose.\n\n'
              "~~~\n```\nnot a fence\n~~~\n\nLast.\n")
    html = site.render(source)
    assert "<p>Prose <strong>bold</strong>.</p>" in html
    assert "<p>More prose.</p>" in html and "<p>Last.</p>" in html
    assert '<span class="line hl"><span class="ln">2</span>func main() {}</span>' in html
    assert '<div class="code-filename">hugo.yaml</div>' in html
    assert "<pre><code>```\nnot a fence\n</code></pre>" in html
    assert "{linenos" not in html and "{filename" not in html


def test_an_unclosed_fence_runs_to_the_end_and_a_shorter_fence_does_not_close_it(site):
    html = site.render("````\ncode\n```\nstill code\n")
    assert html == "<pre><code>code\n```\nstill code\n</code></pre>"


def test_backticks_in_the_info_string_make_inline_code_not_a_fence(site):
    assert "<code>" in site.render("```a`b```") and "<pre>" not in site.render("```a`b```")


def test_a_fence_interrupts_a_paragraph(site):
    assert squeeze(site.render("Text\n```\nx\n```\n")) == "<p>Text</p><pre><code>x\n</code></pre>"


def test_fence_info_reads_language_and_attributes():
    assert fence_info('go {linenos=table,hl_lines=[2, "4-5"]}') == (
        "go", {"linenos": "table", "hl_lines": "2 4-5"})
    assert fence_info('{filename="a b.yaml" .wide #x}') == (
        "", {"filename": "a b.yaml", "class": "wide", "id": "x"})
    assert fence_info("python extra words") == ("python", {})


def test_parse_attributes_refuses_what_goldmark_would_print_as_text():
    assert parse_attributes("{.a .b #c k=v k2='w x'}") == {"class": "a b", "id": "c", "k": "v", "k2": "w x"}
    assert parse_attributes("{not valid=}") is None
    assert parse_attributes('{k="open}') is None
    assert parse_attributes("no braces") is None


# --- GitHub alerts -------------------------------------------------------------------------


def test_github_alerts_print_as_the_alert_shortcode_prints_them(site):
    html = squeeze(site.render("> [!NOTE]\n> A note with **bold**.\n"))
    assert html == ('<aside class="alert alert-info" role="note"><p class="alert-label mg-label">'
                    "Hinweis</p><div class=\"alert-body\"><p>A note with <strong>bold</strong>."
                    "</p></div></aside>")


@pytest.mark.parametrize("kind, css, label", [
    ("TIP", "alert-success", "Tipp"), ("IMPORTANT", "alert-primary", "Wichtig"),
    ("WARNING", "alert-warning", "Achtung"), ("CAUTION", "alert-danger", "Vorsicht"),
])
def test_each_alert_kind_has_its_frame_and_its_label_in_the_pages_language(site, kind, css, label):
    html = site.render(f"> [!{kind}]\n> Text.\n")
    assert f'class="alert {css}"' in html and f">{label}</p>" in html and "[!" not in html


def test_an_alert_title_replaces_the_label_and_is_markdown(site):
    html = squeeze(site.render("> [!WARNING]+ Mind *this*\n> Careful.\n"))
    assert '<h4 class="alert-title alert-heading">Mind <em>this</em></h4>' in html
    assert "alert-label" not in html and "+" not in html


def test_two_alerts_separated_by_a_blank_line_stay_two(site):
    html = site.render("> [!NOTE]\n> One.\n\n> [!TIP]\n> Two.\n\n> plain\n\n> quote\n")
    assert html.count("<aside") == 2 and html.count("<blockquote>") == 2


def test_an_alert_in_french_and_an_unknown_kind(tmp_path):
    french = Site(tmp_path, hugo=HUGO_TOML, lang="fr")
    assert ">Remarque</p>" in french.render("> [!NOTE]\n> x\n")
    assert ">Faq</p>" in french.render("> [!FAQ]\n> x\n")


def test_a_quote_that_only_mentions_an_alert_later_stays_a_quote(site):
    html = site.render("> Some text\n> [!NOTE] not first\n")
    assert "<blockquote>" in html and "[!NOTE]" in html


# --- block attributes ----------------------------------------------------------------------


def test_an_attribute_line_under_a_block_gives_it_the_attributes_and_prints_nothing(site):
    source = ("| a | b |\n|---|---|\n| 1 | 2 |\n{.wide}\n\n- one\n- two\n{.compact}\n\n"
              "> quote\n{.epigraph}\n\nPara\n{class=\"x y\" data-k=v #p1}\n")
    html = squeeze(site.render(source))
    assert '<table class="wide">' in html and "<td>{.wide}</td>" not in html
    assert '<ul class="compact"><li>one</li><li>two</li></ul>' in html
    assert '<blockquote class="epigraph"><p>quote</p></blockquote>' in html
    assert '<p class="x y" data-k="v" id="p1">Para</p>' in html
    assert "{" not in html


def test_an_attribute_line_after_a_blank_line_prints_nothing(site):
    assert squeeze(site.render("Para\n\n{.orphan}\n\nNext\n")) == "<p>Para</p><p>Next</p>"


def test_a_heading_keeps_its_id_and_takes_attributes_from_the_line_under_it(site):
    html = squeeze(site.render("## _Emphasis_ text {#my-id}\n{.x #other}\n"))
    assert html == '<h2 class="x" id="my-id"><em>Emphasis</em> text</h2>'


def test_attribute_lines_print_as_text_without_block_attributes(tmp_path):
    plain = Site(tmp_path, hugo=HUGO_TOML)
    assert "{.wide}" in plain.render("Para\n{.wide}\n")
    assert squeeze(plain.render("## _Emphasis_ text {#my-id}")) == (
        '<h2 id="my-id"><em>Emphasis</em> text</h2>')


def test_attributes_under_fenced_code_are_dropped_and_a_raw_html_block_keeps_its_text(site):
    assert squeeze(site.render("```\nx\n```\n{.c}\n")) == "<pre><code>x\n</code></pre>"
    # A raw HTML block runs to the blank line: the braces are part of it, as in Goldmark.
    assert squeeze(site.render("<div>raw</div>\n{.d}\n")) == "<div>raw</div>\n{.d}"


# --- math passthrough ----------------------------------------------------------------------

MATH = """
[markup.goldmark.extensions.passthrough]
enable = true
[markup.goldmark.extensions.passthrough.delimiters]
block = [['\\[', '\\]'], ['$$', '$$']]
inline = [['\\(', '\\)'], ['$', '$']]
"""


@pytest.fixture
def math_site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML + MATH)


def test_inline_math_prints_as_text_and_keeps_markdown_out(math_site):
    html = math_site.render(r"Let $a_1 * b_2 * c$ and \(x^{*}_i \cdot \alpha\) be *small*.")
    assert '<span class="math math-text">a₁ ∗ b₂ ∗ c</span>' in html
    assert '<span class="math math-text">x*ᵢ · α</span>' in html
    assert "<em>small</em>" in html and "$" not in html


def test_block_math_alone_on_its_lines_is_a_display_block(math_site):
    html = squeeze(math_site.render("Before\n\n$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n\n"
                                    "\\[\nE = mc^2\n\\]\n"))
    assert html == ('<p>Before</p><div class="math math-text display">∑ᵢ₌₁ⁿ\u2009i = n(n + 1)/2</div>'
                    '<div class="math math-text display">E = mc²</div>')


def test_math_text_cannot_show_prints_as_its_tex_source(math_site):
    html = math_site.render("$$\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n$$\n")
    assert '<div class="math display">\\begin{pmatrix} a &amp; b \\\\ c &amp; d \\end{pmatrix}</div>' in html


def test_math_in_code_stays_code_and_a_lone_dollar_is_text(math_site):
    html = math_site.render("Costs `$5 and $6` or 5 $ only.\n\n```\n$$x$$\n```\n")
    assert "<code>$5 and $6</code>" in html and "5 $ only" in html
    assert "<pre><code>$$x$$\n</code></pre>" in html


def test_without_passthrough_dollars_are_text(site):
    assert "$a$" in site.render("Price $a$")


def test_a_math_code_block_prints_as_display_math(site):
    assert site.render("```math\nx^2\n```") == '<div class="math math-text display">x²</div>'


# --- no text makes the new readers fail -------------------------------------------------------

PIECES = st.sampled_from([
    "```", "~~~", "````go {linenos=table,hl_lines=[2]}", '{filename="a.yaml"}', "{.c #i k=v}",
    "{", "}", "[", "]", "> ", "> [!NOTE]", "[!TIP] T", "- ", "1. ", "   ", "    ", "\t", "\n",
    "\n\n", "$", "$$", "\\(", "\\)", "\\[", "\\]", "`", "*", "_", "|", "---", "<div>", "</div>",
    "# ", "text", "é", "日本", "\x00", "\r", "&mdash;", '"', "'", "=",
])
SOURCES = st.lists(PIECES | st.text(max_size=5), max_size=40).map("".join)
DELIMITERS = Passthrough(block=(("$$", "$$"), ("\\[", "\\]")), inline=(("$", "$"), ("\\(", "\\)")))


@given(SOURCES)
def test_the_line_readers_take_any_text(text):
    lines = text.split("\n")
    assert isinstance(extract_fences(lines, lambda fence: "PH"), list)
    assert isinstance(attribute_lines(lines, []), list)
    assert isinstance(extract_math(text, DELIMITERS, lambda html: "PH"), str)
    alert_head(text)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory) -> Site:
    return Site(tmp_path_factory.mktemp("fuzz"), hugo=HUGO_TOML + ATTRIBUTES + MATH)


@settings(max_examples=150, deadline=None)
@given(text=SOURCES)
def test_the_converter_takes_any_text_with_every_feature_on(fuzz_site, text):
    # No shortcode may open: "{{{%" made "{ {{%" when only "{{" was split.
    assert isinstance(fuzz_site.render(text.replace("{", "{ ")), str)


@pytest.mark.parametrize("source, expected", [
    ("## _e_", '<h2 id="e"><em>e</em></h2>'),  # the id from the text, as Hugo 0.168.0 makes it
    ("## _e_ {.c}", '<h2 class="c" id="e"><em>e</em></h2>'),
    ('## _e_ {id="given"}', '<h2 id="given"><em>e</em></h2>'),
    ("## [link](x) {#l}", '<h2 id="l"><a href="x">link</a></h2>'),
    ("Setext _x_ {#s}\n---", '<h2 id="s">Setext <em>x</em></h2>'),
])
def test_heading_attributes_never_print_and_never_read_as_markdown(site, source, expected):
    assert squeeze(site.render(source)) == expected


def test_a_fence_inside_an_alert_or_a_quote_is_code(site):
    html = squeeze(site.render("> [!TIP]\n> Run this:\n>\n> ```sh\n> ls *.md\n> ```\n>\n> Done.\n"))
    assert ('<div class="alert-body"><p>Run this:</p><pre><code class="language-sh">ls *.md\n'
            "</code></pre><p>Done.</p></div>") in html
    assert squeeze(site.render("> ```\n> a\n")) == "<blockquote><pre><code>a\n</code></pre></blockquote>"


def test_tabs_in_an_items_indentation_count_as_columns(site):
    # (Python-Markdown turns every tab into spaces before reading: code keeps 4 spaces.)
    html = site.render("1. a\n\n\t```\n\tx\n\t```\n")
    assert "<pre><code>x\n</code></pre>" in html and "<ol>" in html


def test_a_fence_line_inside_a_raw_pre_block_is_no_fence(site):
    """Found by review: a ``` line inside <pre> opened a fence that ran to the page's end,
    and the page's last paragraphs were lost (Goldmark passes the <pre> block on as it is)."""
    html = site.render("Vorher.\n\n<pre>\n```\ncode\n</pre>\n\nAbsatz eins.\n\nAbsatz zwei.\n")
    assert "<p>Absatz eins.</p>" in html and "<p>Absatz zwei.</p>" in html, html
    assert "```\ncode\n</pre>" in html and "wzxhzdk" not in html
