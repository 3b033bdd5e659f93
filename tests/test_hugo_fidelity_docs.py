"""Documentation Markdown where manualgen printed otherwise than Hugo.  Each expected HTML is
what /tmp/hugovenv/bin/hugo 0.168.0 printed for the same source, with Hugo's defaults and
``unsafe = true`` (white space between tags squeezed)."""

from __future__ import annotations

import re

import pytest

from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


@pytest.mark.parametrize(("source", "expected"), [
    ("Or (https://example.org/x).",
     '<p>Or (<a href="https://example.org/x">https://example.org/x</a>).</p>'),
    ("(see https://example.org/a_(b)).",
     '<p>(see <a href="https://example.org/a_(b)">https://example.org/a_(b)</a>).</p>'),
    ("https://example.org/x)). end", '<p><a href="https://example.org/x">https://example.org/x</a>)). end</p>'),
    ("(https://example.org/x.)", '<p>(<a href="https://example.org/x.">https://example.org/x.</a>)</p>'),
    ("url https://example.org/x?.)",
     '<p>url <a href="https://example.org/x?.">https://example.org/x?.</a>)</p>'),
    ("(https://example.org/x)!", '<p>(<a href="https://example.org/x">https://example.org/x</a>)!</p>'),
])
def test_a_bare_url_in_parentheses_before_a_full_stop_ends_before_them(site, source, expected):
    """Goldmark takes final punctuation off first, then an unbalanced ")"; manualgen took
    the "." alone and linked "https://example.org/x)"."""
    assert squeeze(site.render(source + "\n")) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("Term\n: First definition\n\n  Second paragraph of definition.",
     "<dl><dt>Term</dt><dd>First definition\n<p>Second paragraph of definition.</p></dd></dl>"),
    ("Term\n: First definition\n\n  - item a\n  - item b\n\nAfter.",
     "<dl><dt>Term</dt><dd>First definition\n<ul><li>item a</li><li>item b</li></ul></dd></dl><p>After.</p>"),
    ("Term\n:   Wide definition\n\n    More text.",
     "<dl><dt>Term</dt><dd>Wide definition\n<p>More text.</p></dd></dl>"),
    ("Term\n: def\ncontinued lazily\n\nTerm 2\n: def 2\n\n  more 2",
     "<dl><dt>Term</dt><dd>def\ncontinued lazily</dd><dt>Term 2</dt><dd>def 2\n<p>more 2</p></dd></dl>"),
    ("Term\n: def\n\nNot in it.", "<dl><dt>Term</dt><dd>def</dd></dl><p>Not in it.</p>"),
])
def test_a_block_indented_to_a_definitions_text_belongs_to_the_definition(site, source, expected):
    """Goldmark reads a paragraph or list indented by two spaces after ": " as more of the
    definition (Python-Markdown wants four, and printed it after the list); the first
    paragraph of a definition right under its term has no <p>."""
    assert squeeze(site.render(source + "\n")) == expected


@pytest.mark.parametrize(("source", "alt"), [
    ("![alt *with* emphasis](img.png)", "alt with emphasis"),
    ('![a **b** _c_](img.png "T")', "a b c"),
    ("![a<br>b](img.png)", "ab"),
    ("![Logo *x*][logo]\n\n[logo]: /img/logo.png", "Logo x"),
    ("![snake_case_name](img.png)", "snake_case_name"),
    ("![the `config.toml` file](img.png)", "the config.toml file"),
])
def test_an_images_alt_text_is_its_description_without_markup(site, source, alt):
    """The alt text is what a screen reader or tagged PDF gives for the image: Goldmark's is
    the description's plain text; manualgen's kept the asterisks."""
    html = squeeze(site.render(source + "\n"))
    assert re.fullmatch(r'<p><img alt="([^"]*)"[^>]*></p>', html).group(1) == alt


def test_a_heading_id_still_reads_the_description_of_its_image_as_written(site):
    assert squeeze(site.render("## ![a *b*](i.png)\n")) == '<h2 id="a"><img alt="a b" src="i.png"></h2>'


@pytest.mark.parametrize(("source", "expected"), [
    ("[b](/y (Paren))", '<p><a href="/y" title="Paren">b</a></p>'),
    ("![i](/a.png (Pic))", '<p><img alt="i" src="/a.png" title="Pic"></p>'),
    ("[k](/l\n(Title on next line))", '<p><a href="/l" title="Title on next line">k</a></p>'),
    ("[m](https://e.org/a_(b) (T))", '<p><a href="https://e.org/a_(b)" title="T">m</a></p>'),
    ("[e](/f(x))", '<p><a href="/f(x)">e</a></p>'),
])
def test_a_link_title_may_be_written_in_parentheses(site, source, expected):
    """Python-Markdown made "/y (Paren)" the address: a link that leads nowhere."""
    assert squeeze(site.render(source + "\n")).replace(' />', '>') == expected


TABLE = "  | a | b |\n  |---|---|\n  | 1 | 2 |\n"
TABLE_HTML = "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"


@pytest.mark.parametrize(("source", "expected"), [
    ("- Table:\n\n" + TABLE, f"<ul><li>Table:\n{TABLE_HTML}</li></ul>"),
    ("- Table:\n\n" + TABLE + "- next\n", f"<ul><li>Table:\n{TABLE_HTML}</li><li>next</li></ul>"),
    ("- Table:\n\n" + TABLE + "\n  after table\n",
     f"<ul><li><p>Table:</p>{TABLE_HTML}<p>after table</p></li></ul>"),
])
def test_a_blank_line_before_a_table_in_an_item_leaves_the_list_tight(site, source, expected):
    """Goldmark makes the table of a paragraph and forgets the blank line above it; manualgen
    printed the item's text as a paragraph, with its space above and below."""
    assert squeeze(site.render(source)) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("Email: <mailto:someone@example.org>",
     '<p>Email: <a href="mailto:someone@example.org">mailto:someone@example.org</a></p>'),
    ("<MAILTO:a@b.org>", '<p><a href="MAILTO:a@b.org">MAILTO:a@b.org</a></p>'),
])
def test_an_autolink_written_with_mailto_prints_as_written(site, source, expected):
    """Python-Markdown left "mailto:" out of the text (and doubled it in the address of
    "<MAILTO:…>")."""
    assert squeeze(site.render(source + "\n")) == expected
