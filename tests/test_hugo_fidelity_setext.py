"""Setext headings ("text" over "---" or "===") as Hugo 0.168.0 (Goldmark) reads them.  Each
expected HTML is what /tmp/hugovenv/bin/hugo 0.168.0 printed for the same source with
``unsafe = true`` (white space between tags squeezed)."""

from __future__ import annotations

import pytest

from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


@pytest.mark.parametrize(("source", "expected"), [
    ("Line one\nline two\n---\n", '<h2 id="line-two">Line one\nline two</h2>'),
    ("Line one\nline two\n===\n", '<h1 id="line-two">Line one\nline two</h1>'),
    ("Intro\n\nLine one\nline two\n---\n\nAfter\n",
     '<p>Intro</p><h2 id="line-two">Line one\nline two</h2><p>After</p>'),
    ("Line one\nline two\n---\nmore\n", '<h2 id="line-two">Line one\nline two</h2><p>more</p>'),
    ("Line one\n    indented\n---\n", '<h2 id="indented">Line one\nindented</h2>'),
    ("Line a\nline b\n   ---   \n", '<h2 id="line-b">Line a\nline b</h2>'),
    ("Line a\nline b\n-\n", '<h2 id="line-b">Line a\nline b</h2>'),
    ("Line a\n#tag here\n---\n", '<h2 id="tag-here">Line a\n#tag here</h2>'),
    ("- item\n\n  Line a\n  line b\n  ---\n",
     '<ul><li><p>item</p><h2 id="line-b">Line a\nline b</h2></li></ul>'),
    ("1. item\n\n   Line a\n   line b\n   ===\n",
     '<ol><li><p>item</p><h1 id="line-b">Line a\nline b</h1></li></ol>'),
    ("> Line a\n> line b\n> ---\n", '<blockquote><h2 id="line-b">Line a\nline b</h2></blockquote>'),
    ("[ref]: /x\nLine a\n---\n", '<h2 id="line-a">Line a</h2>'),
])
def test_a_paragraph_of_several_lines_over_an_underline_is_one_heading(site, source, expected):
    """Python-Markdown took only the last line as heading text (or none: a paragraph and a
    rule); Goldmark takes the whole paragraph, and the id from its last line."""
    assert squeeze(site.render(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("Line one  \nline two\n---\n", '<h2 id="line-two">Line one<br>\nline two</h2>'),
    ("Line one\\\nline two\n---\n", '<h2 id="line-two">Line one<br>\nline two</h2>'),
])
def test_a_hard_line_break_in_a_heading_of_several_lines_stays(site, source, expected):
    assert squeeze(site.render(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("A *b*\nc `d`\n===\n", '<h1 id="c-d">A <em>b</em>\nc <code>d</code></h1>'),
    ("Line a\nline &amp; b\n---\n", '<h2 id="line--b">Line a\nline &amp; b</h2>'),
    ("Line *a\nb* c\n---\n", '<h2 id="c">Line <em>a\nb</em> c</h2>'),
    ("Line a `code\nspan` end\n---\n", '<h2 id="end">Line a <code>code\nspan</code> end</h2>'),
    ("Line a\nline b {#y}\n---\n", '<h2 id="y">Line a\nline b</h2>'),
    ("Line a {#x}\nline b\n---\n", '<h2 id="line-b">Line a {#x}\nline b</h2>'),
])
def test_the_id_of_a_heading_of_several_lines_is_made_of_its_last_line(site, source, expected):
    """Goldmark makes the id from the last line's text (an element begun on a line above is
    left out); attributes count only at the end of the last line."""
    assert squeeze(site.render(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("- item\n---\n", "<ul><li>item</li></ul><hr>"),
    ("> quote\n---\n", "<blockquote><p>quote</p></blockquote><hr>"),
    ("Para\n\n---\n", "<p>Para</p><hr>"),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n---\n", None),
    ("Term\n: def\n---\n", None),
    ("Line a\nline b\n***\n", "<p>Line a\nline b</p><hr>"),
    ("Line a\nline b\n    ---\n", "<p>Line a\nline b\n\u2014</p>"),
])
def test_an_underline_below_no_paragraph_is_no_heading(site, source, expected):
    """A list, quote, table or definition above "---", or a blank line, leave it a rule."""
    html = squeeze(site.render(source))
    assert "<h" not in html.replace("<hr", "")
    if expected is not None:
        assert html == expected


@pytest.mark.parametrize("rule", ["- - -", "* * *"])
def test_a_spaced_rule_under_a_paragraph_is_a_rule_not_a_list(site, rule):
    """Python-Markdown made a list of "-" in a list of "-" of it."""
    assert squeeze(site.render(f"Para\n{rule}\n")) == "<p>Para</p><hr>"
