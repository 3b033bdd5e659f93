"""Markdown and shortcodes rendered as Hugo (Goldmark) renders them, one behaviour per test.

``assert_renders(source, expected)`` converts a page body the way a build does
(``build.page_converter``) and compares the HTML with whitespace between tags ignored.  The
expected HTML is what Hugo 0.149 gives for the same source, with manualgen's print markup
where its templates differ from the web ones on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from manualgen.build import page_converter
from manualgen.config import load_settings
from manualgen.convert import typographer_replacements
from manualgen.errors import ContentError, Findings
from manualgen.heading_ids import IdFactory, hugo_anchor

from .conftest import HUGO_TOML, write_site

ATTRIBUTES = "[markup.goldmark.parser.attribute]\nblock = true\n"


def squeeze(html: str) -> str:
    """HTML with the white space between tags (and at the ends of lines) removed."""
    return re.sub(r">\s+<", "><", re.sub(r"\s*\n\s*", "\n", html.strip()))


class Site:
    """A tiny Hugo site in tmp_path and the converter a build would use for it."""

    def __init__(self, root: Path, files: dict[str, str] | None = None, hugo: str = HUGO_TOML,
                 lang: str = "de") -> None:
        write_site(root, {"content/de/_index.md": "---\ntitle: Home\n---\n", **(files or {})}, hugo)
        self.findings = Findings()
        self.converter = page_converter(load_settings(root), lang, self.findings)
        self.root = root

    def render(self, source: str) -> str:
        page = SimpleNamespace(body=source, body_line=5, path=self.root / "content/de/page.md",
                               rel="page.md", lang="de")
        html = self.converter.convert(page)
        self.converter.finish()
        return html


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML + ATTRIBUTES)


@pytest.fixture
def assert_renders(site):
    def check(source: str, expected: str) -> None:
        assert squeeze(site.render(source)) == squeeze(expected)

    return check


# --- raw HTML blocks -------------------------------------------------------------------------


def test_raw_html_block_runs_to_the_blank_line_and_is_not_markdown(assert_renders):
    assert_renders('<div class="x">\n*not emphasis* and "quotes"\n</div>\n\n*emphasis*',
                   '<div class="x">\n*not emphasis* and "quotes"\n</div>\n<p><em>emphasis</em></p>')


def test_markdown_resumes_after_a_blank_line_inside_an_open_div(assert_renders):
    assert_renders('<div class="left_col">\n\n**bold**\n\n</div>',
                   '<div class="left_col">\n<p><strong>bold</strong></p>\n</div>')


def test_a_div_interrupts_a_paragraph_but_an_inline_tag_does_not(assert_renders):
    assert_renders("Text\n<div>x</div>", "<p>Text</p>\n<div>x</div>")
    assert_renders("Text\n<span>x</span>", "<p>Text\n<span>x</span></p>")


def test_html_comment_block_ends_at_its_closing_marker(assert_renders):
    assert_renders("<!--\nnote\n-->\n*text*", "<!--\nnote\n-->\n<p><em>text</em></p>")


def test_pre_block_keeps_blank_lines(assert_renders):
    assert_renders("<pre>\na\n\n*b*\n</pre>\n\nc", "<pre>\na\n\n*b*\n</pre>\n<p>c</p>")


# --- lists and tables after a paragraph line, nesting -------------------------------------------


def test_list_right_after_a_paragraph_line(assert_renders):
    assert_renders("Steps:\n- one\n- two", "<p>Steps:</p><ul><li>one</li><li>two</li></ul>")
    assert_renders("Steps:\n1. one\n2. two", "<p>Steps:</p><ol><li>one</li><li>two</li></ol>")


def test_only_an_ordered_list_from_one_interrupts_a_paragraph(site):
    assert "<ol" not in site.render("In\n2. two")


def test_ordered_list_keeps_its_start_number(assert_renders):
    assert_renders("3. three\n4. four", '<ol start="3"><li>three</li><li>four</li></ol>')


def test_table_right_after_a_paragraph_line(assert_renders):
    assert_renders(
        "Values:\n| a | b |\n|---|---|\n| 1 | 2 |",
        "<p>Values:</p><table><thead><tr><th>a</th><th>b</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>")


def test_lists_nest_by_two_spaces(assert_renders):
    assert_renders("- a\n  - b\n    - c\n- d",
                   "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>")


def test_lists_nest_by_four_spaces(assert_renders):
    assert_renders("1. a\n    - b\n2. c", "<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>")


# --- typographer -------------------------------------------------------------------------------


def test_typographer_quotes_dashes_ellipsis_and_angle_quotes(assert_renders):
    assert_renders('"Hello" it\'s -- a --- b... <<x>>',
                   "<p>\u201cHello\u201d it\u2019s \u2013 a \u2014 b\u2026 \u00abx\u00bb</p>")


def test_typographer_follows_goldmark_not_smartypants(assert_renders):
    # After "=" Goldmark opens the quote; a quote it cannot place stays straight.
    assert_renders('geschlecht="2" alter="37"',
                   "<p>geschlecht=\u201c2\u201d alter=\u201c37\u201d</p>")
    assert_renders('**grund=" "** fehlt', '<p><strong>grund=" \u201c</strong> fehlt</p>')


def test_typographer_apostrophes(assert_renders):
    assert_renders("l'eau, the dogs' bone, 'twas in the '90s",
                   "<p>l\u2019eau, the dogs\u2019 bone, \u2019twas in the \u201990s</p>")


def test_typographer_leaves_code_and_raw_html_alone(assert_renders):
    assert_renders("`it's -- x`", "<p><code>it's -- x</code></p>")
    assert_renders("<p>it's -- raw</p>", "<p>it's -- raw</p>")


def test_typographer_can_be_turned_off(tmp_path):
    off = Site(tmp_path, hugo=HUGO_TOML + "[markup.goldmark.extensions]\ntypographer = false\n")
    assert squeeze(off.render("\"a\" -- b")) == '<p>"a" -- b</p>'


def test_typographer_replacements_are_per_block():
    assert typographer_replacements('a "b') == [(2, 1, "\u201c")]
    assert typographer_replacements('b" c') == []  # nothing open in this block


# --- heading ids ---------------------------------------------------------------------------------


def test_heading_ids_keep_letters_and_drop_punctuation(assert_renders):
    assert_renders("## Écran d'accueil\n\n## Ändern von *Benutzer*-Rechten",
                   '<h2 id="écran-daccueil">\u00c9cran d\u2019accueil</h2>'
                   '<h2 id="ändern-von-benutzer-rechten">\u00c4ndern von <em>Benutzer</em>-Rechten</h2>')


def test_duplicate_heading_ids_are_numbered(assert_renders):
    assert_renders("# A\n\n## A\n\n### A",
                   '<h1 id="a">A</h1><h2 id="a-1">A</h2><h3 id="a-2">A</h3>')


def test_heading_id_comes_from_the_text(assert_renders):
    # Hugo 0.149.1 and 0.168.0 make it from the text: the link's address is no part of it
    # (more in test_heading_ids.py).
    assert_renders("## See [docs](https://x.org/a--b)",
                   '<h2 id="see-docs">See <a href="https://x.org/a--b">docs</a></h2>')


def test_heading_attributes_and_setext_headings(assert_renders):
    assert_renders("## Foo {#bar .note}\n\nTitle\n=====",
                   '<h2 class="note" id="bar">Foo</h2><h1 id="title">Title</h1>')


def test_hugo_anchor_and_id_factory():
    assert hugo_anchor("Contrôle des cas, vue canton") == "contrôle-des-cas-vue-canton"
    assert hugo_anchor("snake_case & more") == "snake_case--more"
    assert hugo_anchor("Tab\tsep  double") == "tabsep--double"  # Hugo 0.168.0: a tab is no "-"
    ids = IdFactory()
    assert [ids.generate(t) for t in ("?", "?", "x")] == ["heading", "heading-1", "x"]
    assert ids.generate("?", heading=False) == "id"


# --- GFM extensions and the rest -----------------------------------------------------------------


def test_strikethrough_with_one_or_two_tildes(assert_renders):
    assert_renders("~~gone~~ and ~also~", "<p><del>gone</del> and <del>also</del></p>")


def test_autolinks(assert_renders):
    assert_renders(
        "See https://example.org/a_b. or www.example.org and mail spiges@bfs.admin.ch.",
        '<p>See <a href="https://example.org/a_b">https://example.org/a_b</a>. or '
        '<a href="https://www.example.org">www.example.org</a> and mail '
        '<a href="mailto:spiges@bfs.admin.ch">spiges@bfs.admin.ch</a>.</p>')
    assert_renders("<https://x.org>", '<p><a href="https://x.org">https://x.org</a></p>')


def test_autolink_runs_over_a_closing_quote_as_in_goldmark(assert_renders):
    assert_renders('href="https://x.org/a.html" end',
                   '<p>href=\u201c<a href="https://x.org/a.html%22">https://x.org/a.html"</a> end</p>')


def test_task_lists(site):
    html = site.render("- [x] done\n- [ ] open")
    assert re.search(r"<li[^>]*><input[^>]*checked[^>]*/?> done</li>", html)
    assert re.search(r"<li[^>]*><input(?![^>]*checked)[^>]*/?> open</li>", html)


def test_footnotes(site):
    html = site.render("Text[^1]\n\n[^1]: The note.")
    assert '<a class="footnote-ref" href="#fn:1">1</a>' in html
    assert '<div class="footnotes" role="doc-endnotes">' in html
    assert '<li id="fn:1">' in html and "The note." in html


def test_definition_lists(assert_renders):
    assert_renders("Term\n: Definition", "<dl><dt>Term</dt><dd>Definition</dd></dl>")


def test_a_fence_inside_a_definition_is_a_code_block_in_it(assert_renders):
    """As Hugo 0.149 renders it: the fence, indented to the definition's text, is the
    definition's code block (it printed as inline code with "bash" in its text)."""
    assert_renders("Term\n: Definition first.\n\n    ```bash\n    echo hi\n    ```\n\n"
                   ": Second.\n\n    More text.\n",
                   '<dl><dt>Term</dt><dd>Definition first.\n<pre><code class="language-bash">'
                   "echo hi\n</code></pre></dd><dd><p>Second.</p><p>More text.</p></dd></dl>")
    assert_renders("Term\n: Text\n  ```\n  a = 1\n  ```\n",
                   "<dl><dt>Term</dt><dd>Text\n<pre><code>a = 1\n</code></pre></dd></dl>")


def test_block_attributes_when_enabled(assert_renders, tmp_path):
    assert_renders("A paragraph\n{.note}", '<p class="note">A paragraph</p>')
    off = Site(tmp_path / "off")
    assert "{.note}" in off.render("A paragraph\n{.note}")


def test_hard_line_breaks(assert_renders):
    assert_renders("one\\\ntwo  \nthree", "<p>one<br>\ntwo<br>\nthree</p>")


# --- shortcodes ----------------------------------------------------------------------------------


I18N_DE = """\
collapsible_block_click_to_expand_click_text = "Antwort"
release_notes_title = "Versionshinweise"
release_notes_new_version_text = "Ein neuer Release."
release_notes_improvements_title = "Anpassungen"
release_notes_fixed_bugs_title = "Behobene Fehler"
release_notes_new_features_title = "Neu"
release_notes_next_features_title = "Folgt"
[items]
one = "ein Eintrag"
other = "{{ .Count }} Einträge"
"""


@pytest.fixture
def team_site(tmp_path) -> Site:
    return Site(tmp_path, {"i18n/de.toml": I18N_DE})


def test_insert_image_and_line_break(team_site):
    # Each alone in its paragraph: Hugo drops the <p> around a lone shortcode.
    html = team_site.render('{{<insertImage image="a.png" class="edge" description="Login">}}\n\n'
                            "{{<lineBreak>}}")
    assert squeeze(html) == '<img class="edge" src="/docs/img/a.png" alt="Login" /><br />'


def test_insert_image_default_alt(team_site):
    assert 'alt="no description available"' in team_site.render('{{<insertImage image="a.png">}}')


def test_link_inside_a_paragraph(team_site):
    html = team_site.render('See {{<link url="https://x.org/?a&b" newTab="true">}}here{{</link>}}.')
    assert re.sub(r"\s+", " ", html) == (
        '<p>See <a href="https://x.org/?a&amp;b" target="_blank" rel="noopener noreferrer" '
        ">here</a >.</p>")


def test_link_to_a_site_page_gets_the_base_path(team_site):
    # The default language is not in a sub-folder here (defaultContentLanguageInSubdir).
    assert 'href="/docs/plattform/"' in team_site.render('{{<link url="/plattform/">}}x{{</link>}}')


def test_markdown_shortcode_inside_raw_html(team_site):
    html = team_site.render('<div class="left_col">\n{{<markdown>}}\n1. **Eins**\n2. Zwei\n'
                            "{{</markdown>}}\n</div>")
    assert squeeze(html) == ('<div class="left_col"><ol><li><strong>Eins</strong></li>'
                             "<li>Zwei</li></ol></div>")


def test_markdown_shortcode_drops_the_p_of_a_single_paragraph(team_site):
    assert team_site.render("{{<markdown>}}it's *so*{{</markdown>}}") == "it\u2019s <em>so</em>"


def test_alert_with_title_and_markdown_content(team_site):
    html = team_site.render('{{<alert color="warning" title="Achtung">}}\nIt\'s **wichtig**\n{{</alert>}}')
    assert squeeze(html) == squeeze(
        '<aside class="alert alert-warning" role="note">'
        '<h4 class="alert-title alert-heading">Achtung</h4>'  # the title only, as in Docsy
        '<div class="alert-body">\nIt\u2019s <strong>wichtig</strong>\n</div></aside>')


@pytest.mark.parametrize("color,kind", [("info", "info"), ("error", "danger"), (None, "primary"),
                                        ("success", "success")])
def test_alert_colours(team_site, color, kind):
    param = f' color="{color}"' if color else ""
    assert f'class="alert alert-{kind}"' in team_site.render(f"{{{{<alert{param}>}}}}x{{{{</alert>}}}}")


FAQ = """\
{{<faqBlock>}}
Alle öffnen: {{<collapsibleGroupCommand groupId="g">}}
{{<numberedList>}}
{{<listItem>}}
Frage?
{{<collapsibleBlock groupId="g">}}
{{<markdown>}}
- Antwort eins
{{</markdown>}}
{{</collapsibleBlock>}}
{{</listItem>}}
{{</numberedList>}}
{{</faqBlock>}}
"""


def test_faq_block_prints_every_answer_open_under_its_label(team_site):
    assert squeeze(team_site.render(FAQ)) == squeeze(
        '<div class="faq-block ">\nAlle öffnen: \n<ol class="numbered-list ">\n'
        '<li class="list-item ">\nFrage?\n<div class="faq-answer ">'
        '<p class="faq-answer-label mg-label">Antwort</p><div class="faq-answer-body">\n'
        "<ul>\n<li>Antwort eins</li>\n</ul>\n</div></div>\n</li>\n</ol>\n</div>")


def test_unordered_list_shortcode(team_site):
    html = team_site.render("{{<unorderedList>}}{{<listItem>}}a{{</listItem>}}{{</unorderedList>}}")
    assert squeeze(html) == '<ul class="unordered-list "><li class="list-item ">\na\n</li></ul>'


def test_layout_grid_row_column(team_site):
    html = team_site.render('{{<layouts/grid>}}{{<layouts/row>}}{{<layouts/column width="50">}}A'
                            '{{</layouts/column>}}{{<layouts/column>}}B{{</layouts/column>}}'
                            "{{</layouts/row>}}{{</layouts/grid>}}")
    assert 'class="container grid-layout' in html and 'class="row row-layout' in html
    assert '<div class="column-layout " data-width="50">' in html
    assert re.search(r'<div class="column-layout ">\s*B', html)


def test_release_notes_with_their_sections(team_site):
    html = team_site.render('{{<releaseNotes date="22.07.2025" version="1.2" responsible="BFS">}}\n'
                            "{{<releaseNotes/improvements>}}\nA\n{{</releaseNotes/improvements>}}\n"
                            "{{<releaseNotes/fixedBugs>}}B{{</releaseNotes/fixedBugs>}}\n"
                            "{{<releaseNotes/newFeatures>}}C{{</releaseNotes/newFeatures>}}\n"
                            "{{<releaseNotes/nextFeatures>}}D{{</releaseNotes/nextFeatures>}}\n"
                            "{{</releaseNotes>}}")
    text = re.sub(r"\s+", " ", html)
    assert "<h2>Versionshinweise - 22.07.2025 - Version 1.2</h2>" in text
    assert "<p>Ein neuer Release.</p>" in text
    for title, body in [("Anpassungen", "A"), ("Behobene Fehler", "B"), ("Neu", "C"), ("Folgt", "D")]:
        assert f"<h3>{title}</h3> {body} </div>" in text
    assert '<p class="release-responsible">BFS</p>' in text


def test_table_of_contents_and_group_command_print_nothing(team_site):
    assert team_site.render('{{<table_of_contents>}}\n\n{{<collapsibleGroupCommand groupId="x">}}').strip() == ""


def test_hugo_and_docsy_shortcodes(tmp_path):
    hugo = HUGO_TOML.replace("[params]\n", '[params]\nproduct = "Dataloom"\n')
    site = Site(tmp_path, hugo=hugo)
    assert site.render('{{< param "product" >}}') == "Dataloom"
    assert site.render('[x]({{< ref "plattform/import.md" >}})') == '<p><a href="plattform/import.md">x</a></p>'
    assert site.render('[x]({{< relref "import.md" >}})') == '<p><a href="import.md">x</a></p>'
    html = site.render('{{< figure src="/img/a.png" alt="A" caption="The *caption*" >}}')
    assert '<img src="/img/a.png" alt="A"' in html and "<em>caption</em>" in html
    html = site.render('{{< highlight go >}}\nif a < b && c {}\n{{< /highlight >}}')
    assert 'class="language-go"' in html and "if a &lt; b &amp;&amp; c {}" in html
    html = site.render('{{< details summary="More" >}}Hidden *text*{{< /details >}}')
    assert "More" in html and "<em>text</em>" in html
    html = site.render('{{% pageinfo %}}Draft *page*{{% /pageinfo %}}')
    assert "<em>page</em>" in html and "{{" not in html
    html = site.render('{{< imgproc "shot.png" Fill "400x300" >}}Caption{{< /imgproc >}}')
    assert '<img src="shot.png"' in html and "<figcaption>Caption</figcaption>" in html


def test_tabpane_prints_every_tab_under_its_title(tmp_path):
    # Docsy: a tab holds code unless it (or its tabpane) says text=true; more in
    # test_docsy_shortcodes.py.
    site = Site(tmp_path)
    html = site.render('{{< tabpane >}}{{< tab header="Shell" lang="sh" >}}echo "<x>"{{< /tab >}}'
                       '{{< tab header="Text" text=true >}}<em>md</em>{{< /tab >}}{{< /tabpane >}}')
    assert '<p class="tab-title">Shell</p>' in html and "echo &#34;&lt;x&gt;&#34;" in html
    assert '<p class="tab-title">Text</p>' in html and "<em>md</em>" in html


def test_docsy_alert(tmp_path):
    html = Site(tmp_path).render('{{% alert title="Note" color="info" %}}Some *text*{{% /alert %}}')
    assert '<h4 class="alert-title alert-heading">Note</h4>' in html and "<em>text</em>" in html


# --- translation strings ---------------------------------------------------------------------------

T_TEMPLATE = "{{ T('items', get('n') | int) }}|{{ T('title') }}"


@pytest.mark.parametrize("name,text", [
    ("de.toml", 'title = "Titel"\n[items]\none = "ein Eintrag"\nother = "{{ .Count }} Einträge"\n'),
    ("de.yaml", 'title: Titel\nitems:\n  one: ein Eintrag\n  other: "{{ .Count }} Einträge"\n'),
    ("de.json", '{"title": "Titel", "items": {"one": "ein Eintrag", "other": "{{ .Count }} Einträge"}}'),
])
def test_T_reads_toml_yaml_and_json_with_one_and_other_forms(tmp_path, name, text):
    site = Site(tmp_path, {f"i18n/{name}": text, "manualgen/shortcodes/count.html": T_TEMPLATE})
    assert site.render('{{< count n="1" >}}') == "ein Eintrag|Titel"
    assert site.render('{{< count n="3" >}}') == "3 Einträge|Titel"


def test_site_template_overrides_a_builtin_one(tmp_path):
    site = Site(tmp_path, {"manualgen/shortcodes/alert.html": '<div class="mine">{{ inner }}</div>'})
    assert site.render("{{<alert>}}x{{</alert>}}") == '<div class="mine">x</div>'


def test_templates_get_params_inner_page_and_language(tmp_path):
    template = ("{{ get(0) }}/{{ get(1) }}/{{ positional | length }}/{{ params.k }}/{{ inner }}/"
                "{{ page.rel }}/{{ lang }}")
    site = Site(tmp_path, {"manualgen/shortcodes/show.html": template})
    assert site.render('{{< show "a" "b" >}}<b>in</b>{{< /show >}}') == "a/b/2//<b>in</b>/page.md/de"
    assert site.render('{{< show k="v" />}}') == "//0/v//page.md/de"


# --- unknown and broken shortcodes -------------------------------------------------------------------


def test_unknown_shortcode_warns_with_file_and_line_and_keeps_its_content(site):
    html = site.render("Intro\n\n{{< mystery >}}*inner*{{< /mystery >}}")
    assert "<em>inner</em>" in html and "{{" not in html and "mystery" not in html
    (warning,) = site.findings.warnings
    assert warning.code == "unknown-shortcode" and warning.line == 7
    assert warning.message.startswith('unknown shortcode "mystery"')
    assert warning.format().startswith(f"{warning.location()}: warning: unknown shortcode")


def test_unclosed_shortcode_is_an_error_at_its_opening_tag(site):
    with pytest.raises(ContentError) as caught:
        site.render("Text\n{{<markdown>}}\nnever closed")
    assert caught.value.finding().line == 6


def test_mismatched_closing_tag_is_an_error(site):
    with pytest.raises(ContentError):
        site.render("{{<faqBlock>}}x{{</numberedList>}}")



def test_a_tag_split_by_markdown_is_printed_as_hugo_does_and_reported(team_site):
    # The link's multi-line output inside {{<markdown>}}: Goldmark reads "  >text</a" as a
    # block quote and the rest as text.  Hugo prints that; manualgen too, with a warning.
    html = team_site.render('{{<markdown>}}\n- item\n\n{{<link url="https://x.org/page">}}Text'
                            "{{</link>}}\n{{</markdown>}}")
    assert "&lt;a" in html and "<blockquote>" in html
    (warning,) = team_site.findings.warnings
    assert warning.code == "tag-as-text" and '"<a"' in warning.message
    assert warning.line == 8  # body starts on line 5: the {{<link>}} line


def test_an_angle_bracket_the_writer_escaped_is_text_not_a_split_tag(site):
    # A default value written as **"\\<none>"** or &lt;unset&gt; shows its brackets on purpose:
    # no warning, while a real tag split by Markdown still gets one.
    html = site.render('* `PASSWORD`: **"\\<none>"**: the default.\n\nOr &lt;unset&gt; here.\n')
    assert "&lt;none&gt;" in html and "&lt;unset&gt;" in html
    assert not site.findings.warnings
    site.render("<div\n\n>text &lt;div in prose</div>\n")
    assert [w.code for w in site.findings.warnings] == ["tag-as-text"]


def test_typographer_marks_set_in_the_hugo_config_are_used(tmp_path):
    # Swiss usage: guillemets in every language, set once in the site's Goldmark settings.
    hugo = HUGO_TOML + (
        "[markup.goldmark.extensions.typographer]\n"
        'leftDoubleQuote = "&laquo;"\nrightDoubleQuote = "&raquo;"\n'
        'leftSingleQuote = "&lsaquo;"\nrightSingleQuote = "&rsaquo;"\nellipsis = "..."\n')
    site = Site(tmp_path, hugo=hugo)
    html = site.render("Klicken Sie auf \"Speichern\" und 'Weiter'\n\nDas ist's... gut.")
    assert "\u00abSpeichern\u00bb" in html and "\u2039Weiter\u203a" in html
    assert "..." in html  # the site's own ellipsis
    assert "ist\u2019s" in html  # the apostrophe is not a closing quote


def test_typographer_with_default_marks_prints_goldmarks_characters(tmp_path):
    html = Site(tmp_path).render("Klicken Sie auf \"Speichern\" -- fertig...")
    assert "\u201cSpeichern\u201d" in html and "\u2013" in html and "\u2026" in html


def test_imgproc_finds_its_image_in_the_page_bundle_by_name(tmp_path):
    import io

    from PIL import Image

    from manualgen.build import BuildOptions, build

    from .conftest import page

    jpeg = io.BytesIO()
    Image.new("RGB", (600, 300), (120, 90, 60)).save(jpeg, format="JPEG")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/tour/index.md": page("Tour", 1, body='{{< imgproc sunset Fill "600x300" >}}'
                                                      "Abendrot{{< /imgproc >}}\n"),
        "content/de/tour/images/sunset-2024.jpg": jpeg.getvalue(),
    })
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    assert [f.code for f in result.findings] == []


@pytest.mark.parametrize("source, present, absent", [
    ("A{{% comment %}}Nur für Autoren: Bild ersetzen{{% /comment %}}B", ["AB"], ["Autoren"]),
    ('{{< youtube id="w7Ft2ymGmfc" title="Anmelden" >}}',
     ['href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"', "Anmelden"], ["<iframe"]),
    ("{{< vimeo 146022717 >}}", ['href="https://vimeo.com/146022717"'], ["<iframe"]),
    ('{{< card header="**Kopf**" footer="Fuss" >}}Inhalt *hier*{{< /card >}}',
     ['class="card"', "<strong>Kopf</strong>", "<em>hier</em>", "Fuss"], []),
])
def test_hugo_and_docsy_shortcodes_print_what_paper_can_show(site, source, present, absent):
    html = site.render(source)
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html
    assert not site.findings.warnings  # all known: no "unknown shortcode"


def test_readfile_prints_a_file_of_the_site_and_reports_one_outside_it(tmp_path):
    site = Site(tmp_path, files={
        "content/de/includes/hinweis.md": "Bitte **vorher** speichern.\n",
        "content/de/beispiel.yaml": "key: value\n",
    })
    html = site.render('{{< readfile file="/includes/hinweis.md" >}}\n\n'
                       '{{< readfile file="beispiel.yaml" lang="yaml" >}}')
    assert "<strong>vorher</strong>" in html
    assert '<code class="language-yaml">key: value' in html
    assert not site.findings.warnings
    html = site.render('{{< readfile file="../../../etc/hostname" >}}')
    (warning,) = site.findings.warnings
    assert warning.code == "missing-include" and warning.line == 5
    assert "page.md" in str(warning.file)


# --- markdownify (front-matter descriptions, as Docsy renders them) ----------------------------


def test_markdownify_renders_inline_markdown_decodes_entities_and_keeps_raw_html(site):
    html = site.converter.markdownify('**Bold** &mdash; &#8212; <img src="x.png"> &amp; &lt;b&gt;')
    assert html == '<strong>Bold</strong> \u2014 \u2014 <img src="x.png"> &amp; &lt;b&gt;'


def test_markdownify_keeps_paragraphs_when_there_are_several_and_code_as_written(site):
    assert site.converter.markdownify("One\n\nTwo") == "<p>One</p>\n<p>Two</p>"
    assert site.converter.markdownify("`&mdash;`") == "<code>&amp;mdash;</code>"
    assert site.converter.markdownify('A &quot;quote&#34;') == "A &quot;quote&#34;"


def test_an_unknown_shortcode_warns_once_per_name_with_its_first_place_and_count(tmp_path):
    site = Site(tmp_path, hugo=HUGO_TOML + ATTRIBUTES)
    pages = ["{{< mystery >}}a{{< /mystery >}}\n\n{{% mystery %}}*b*{{% /mystery %}}",
             "Text\n\n{{< other >}}\n{{< mystery />}}"]
    html = [site.converter.convert(SimpleNamespace(body=body, body_line=5, lang="de", rel=f"p{i}.md",
                                                   path=tmp_path / f"content/de/p{i}.md"))
            for i, body in enumerate(pages)]
    site.converter.finish()
    assert "a" in html[0] and "<em>b</em>" in html[0]
    warnings = sorted(site.findings.warnings, key=lambda f: f.message)
    assert [(w.code, w.file.endswith("p0.md"), w.line) for w in warnings] == [
        ("unknown-shortcode", True, 5), ("unknown-shortcode", False, 7)]
    assert '"mystery" (used 3 times in this language, first here)' in warnings[0].message
    assert '"other" (used once' in warnings[1].message
