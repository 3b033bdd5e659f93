"""Print forms of the shortcodes of Hextra and Docsy that manualgen ships, each checked on a
small page of its own: what the web shows (every tab, the folders of a file tree, a callout's
kind) reaches paper, and no theme shortcode is reported as unknown."""

from __future__ import annotations

import pytest

from .conftest import HUGO_TOML, ROOT
from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML + '[params]\nproduct = "Dataloom {1} ({0})"\n'.replace(
        "[params]\n", "[params.extra]\n"))


def no_unknown(site: Site) -> None:
    assert not [f for f in site.findings if f.code == "unknown-shortcode"], list(site.findings)


def test_hextra_callout_prints_as_an_alert_of_its_kind(site):
    html = squeeze(site.render('{{< callout type="warning" emoji="x" >}}Mind **this**.{{< /callout >}}'))
    assert html == ('<aside class="alert alert-warning callout" role="note"><p class="alert-label '
                    'mg-label">Achtung</p><div class="alert-body">\nMind <strong>this</strong>.'
                    "\n</div></aside>")
    assert 'class="alert alert-danger callout"' in site.render(
        '{{% callout type="error" %}}x{{% /callout %}}')
    no_unknown(site)


def test_hextra_tabs_print_every_tab_under_its_item_name(site):
    source = ('{{< tabs items="JSON,YAML" >}}\n{{< tab >}}**json** text{{< /tab >}}\n'
              '{{< tab >}}yaml text{{< /tab >}}\n{{< tab name="Third" >}}more{{< /tab >}}\n{{< /tabs >}}')
    html = squeeze(site.render(source))
    assert html.count('class="tab-title"') == 3
    for title, body in (("JSON", "<strong>json</strong> text"), ("YAML", "yaml text"), ("Third", "more")):
        assert f'<p class="tab-title">{title}</p><div class="tab-body"><p>{body}</p></div>' in html
    assert not site.findings.warnings


def test_hextra_steps_number_their_headings_and_keep_the_markdown(site):
    html = squeeze(site.render("{{% steps %}}\n\n### Install\n\nRun **it**.\n\n### Use\n\nDone.\n\n{{% /steps %}}"))
    assert html.startswith('<div class="mg-steps"><h3 id="install">Install</h3><p>Run <strong>it</strong>.</p>')
    no_unknown(site)


def test_hextra_filetree_prints_nested_folders_and_files(site):
    source = ('{{< filetree/container >}}\n{{< filetree/folder name="content" >}}\n'
              '{{< filetree/file name="_index.md" >}}\n{{< filetree/folder name="docs" state="closed" >}}\n'
              '{{< filetree/file name="a.md" >}}\n{{< /filetree/folder >}}\n{{< /filetree/folder >}}\n'
              '{{< filetree/file name="hugo.toml" >}}\n{{< /filetree/container >}}')
    html = squeeze(site.render(source))
    assert html == ('<div class="mg-filetree"><ul><li><span class="mg-folder">content</span><ul>'
                    '<li><span class="mg-file">_index.md</span></li><li><span class="mg-folder">docs'
                    '</span><ul><li><span class="mg-file">a.md</span></li></ul></li></ul></li><li>'
                    '<span class="mg-file">hugo.toml</span></li></ul></div>')


def test_hextra_cards_keep_titles_links_and_subtitles_and_icons_print_nothing(site):
    html = squeeze(site.render('{{< cards >}}\n{{< card link="../other/" title="Other" subtitle="More *here*" '
                               'icon="book-open" >}}\n{{< /cards >}}\n\nRead {{< icon "book-open" >}}this '
                               '{{< badge "new" >}}.'))
    assert '<p class="card-title"><strong><a href="../other/">Other</a></strong></p>' in html
    assert '<p class="card-subtitle">More <em>here</em></p>' in html
    assert "<p>Read this <span class=\"mg-badge\">new</span>.</p>" in html
    no_unknown(site)


def test_hextra_details_take_their_title_and_print_open(site):
    html = squeeze(site.render('{{% details title="More" closed="true" %}}Hidden **text**{{% /details %}}'))
    assert html.startswith("<details open><summary>More</summary>")
    assert "<strong>text</strong>" in html


def test_docsy_param_prints_the_value_with_its_placeholders_filled(site):
    assert site.render('Use {{% _param extra.product "2.0" %}} now.') == (
        "<p>Use Dataloom 2.0 (extra.product) now.</p>")
    site.render("{{% _param nowhere %}}")
    assert [f.code for f in site.findings.warnings] == ["missing-param"]


def test_the_template_example_of_the_site_owners_page_works(tmp_path):
    doc = (ROOT / "docs" / "site-owners.md").read_text(encoding="utf-8")
    template = doc.split("```html\n")[-1].split("```")[0]
    site = Site(tmp_path, {"manualgen/shortcodes/version-note.html": template})
    html = squeeze(site.render('{{< version-note since="2.1" >}}New **here**.{{< /version-note >}}'))
    assert html == ('<aside class="alert alert-info" role="note"><p class="alert-label mg-label">'
                    'Hinweis · 2.1</p><div class="alert-body"><p>New <strong>here</strong>.</p>'
                    "</div></aside>")
    assert not list(site.findings)


def test_hextra_tab_content_loses_its_shared_indentation_as_with_inner_deindent(site):
    source = ('{{< tabs items="JSON" >}}\n  {{< tab >}}\n    ```json\n    {"a": 1}\n    ```\n'
              "  {{< /tab >}}\n{{< /tabs >}}")
    html = site.render(source)
    assert '<pre><code class="language-json">{"a": 1}\n</code></pre>' in html


def test_hextra_landing_page_shortcodes_print_their_words_without_headings(site):
    source = ('{{< hextra/hero-container image="x.png" >}}\n{{< hextra/hero-badge >}}New{{< /hextra/hero-badge >}}\n'
              "{{< hextra/hero-headline >}}Build *fast*{{< /hextra/hero-headline >}}\n"
              "{{< hextra/hero-section >}}Why{{< /hextra/hero-section >}}\n"
              '{{< hextra/hero-button text="Start" link="docs/" >}}\n{{< /hextra/hero-container >}}\n\n'
              '{{< hextra/feature-grid >}}\n{{< hextra/feature-card title="Fast" subtitle="Very" link="a/" >}}\n'
              "{{< /hextra/feature-grid >}}")
    html = squeeze(site.render(source))
    for piece in ('<span class="mg-badge">New</span>', "<strong>Build <em>fast</em></strong>",
                  "<strong>Why</strong>", '<a href="docs/">Start</a>', '<a href="a/">Fast</a>', "Very"):
        assert piece in html, piece
    assert "<h" not in html.replace("<hr", "") and "x.png" not in html
    no_unknown(site)


def test_hextra_steps_keep_quotes_in_code_as_written(site):
    """The Markdown form's inner content goes back into the page as written: quotes in a
    code block were escaped twice and printed as &#34;."""
    html = site.render('{{% steps %}}\n\n### Run\n\n```sh\necho "hi" \'x\'\n```\n\n{{% /steps %}}')
    assert "&amp;#34;" not in html and "&#34;" not in html and "&amp;#39;" not in html
    assert 'echo &quot;hi&quot;' in html or 'echo "hi"' in html


def test_hextras_button_prints_its_words_framed_and_keeps_its_link(site):
    assert site.render('{{< hextra/button text="Get Started" link="https://e.org/docs/" >}}') == (
        '<span class="mg-button"><a href="https://e.org/docs/">Get Started</a></span>')
    assert '<a href="/docs/start/">' in site.render('{{< hextra/button text="Go" link="/start/" >}}')
    assert site.render('{{< search name="Docs" keybinding=true >}}') == ""  # a search box: nothing on paper
    no_unknown(site)
