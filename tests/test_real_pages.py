"""What real theme documentation pages showed when printed (Hextra's and Docsy's own guides),
each reduced to a small input of our own: the call as those pages write it, and what Hugo
shows for it reaching paper."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.build import BuildOptions, build
from manualgen.notebook import notebook
from manualgen.shortcodes import needs_closing

from .conftest import HUGO_TOML, check_findings, page, write_site
from .test_convert import Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML)


def unknown(findings) -> list:
    return [f for f in findings if f.code == "unknown-shortcode"]


def test_relref_written_in_mixed_case_links_to_the_page(tmp_path):
    """Hextra's cards page links with {{% relRef "icon" %}}: Hugo's shortcode lookup ignores
    case, so it is Hugo's relref, not an unknown shortcode with an empty link."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/docs/_index.md": page("Docs", 1, body="Docs."),
        "content/de/docs/icon.md": page("Icons", 1, body="Icons."),
        "content/de/docs/cards.md": page("Cards", 2, body='See [icons]({{% relRef "icon" %}}).'),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert re.search(r'<a href="#p-docs-icon"[^>]*>icons</a>', html), html
    assert not unknown(result.findings) and "{{" not in html


def test_a_shortcode_is_found_whatever_the_case_of_the_call(tmp_path):
    site = Site(tmp_path, {"manualgen/shortcodes/myBox.html": "<b>{{ inner }}</b>"})
    assert "<b>x</b>" in site.render("{{< mybox >}}x{{< /mybox >}}")
    html = site.render('{{< Callout type="info" >}}Mind.{{< /Callout >}}')
    assert 'class="alert alert-info callout"' in html and "Mind." in html
    assert not unknown(site.findings), list(site.findings)


def test_an_unknown_shortcode_is_still_reported(site):
    site.render("{{< no-such-thing >}}")
    assert [f.message.split('"')[1] for f in unknown(site.findings)] == ["no-such-thing"]


def test_a_hextra_card_prints_its_tag(site):
    html = squeeze(site.render('{{< cards >}}\n  {{< card link="/" title="Beta API" tag="preview" '
                               'tagColor="yellow" >}}\n{{< /cards >}}'))
    assert '<span class="mg-badge">preview</span>' in html
    assert "Beta API" in html


def test_readfile_renders_the_shortcodes_of_the_file_it_reads(tmp_path):
    """Docsy's own guide reads includes/installation.md, whose alert opens and closes on the
    lines of its text; Hugo renders it (RenderString), so it is no literal {{% alert %}}."""
    site = Site(tmp_path, {"content/de/includes/install.md":
                           '**Setup**\n\n{{% alert title="Note" %}} Check the\nsystem. {{% /alert %}}\n\n1.  Download.\n'})
    html = squeeze(site.render('Before.\n\n{{% readfile "/includes/install.md" %}}\n\nAfter.'))
    assert "{{" not in html and "alert title" not in html
    assert '<h4 class="alert-title alert-heading">Note</h4>' in html
    assert "Check the\nsystem." in html and "<ol><li>Download.</li></ol>" in html


def test_readfile_of_a_file_that_reads_itself_is_a_finding(tmp_path):
    site = Site(tmp_path, {"content/de/loop.md": 'Again: {{% readfile "/loop.md" %}}\n'})
    html = site.render('{{% readfile "/loop.md" %}}')
    assert "Again:" in html
    assert [f.code for f in site.findings] == ["bad-shortcode"]


def test_a_hextra_term_prints_its_word_in_the_sentence(site):
    html = site.render('Good {{< term "SEO" >}} helps, as does a {{< term entry="static site generator" >}}.')
    assert "<p>Good SEO helps, as does a static site generator.</p>" in html
    assert not unknown(site.findings)


def test_hextra_media_prints_where_to_watch_or_hear_it(site):
    html = site.render('{{< media src="dQw4w9WgXcQ" provider="youtube" >}}\n\n'
                       '{{< media src="76979871" provider="vimeo" >}}\n\n'
                       '{{< media src="https://example.org/talk.mp3" type="audio" >}}\n\n'
                       '{{< media src="https://example.org/demo.mp4" >}}')
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert 'href="https://vimeo.com/76979871"' in html
    assert 'href="https://example.org/talk.mp3"' in html
    assert '<video src="https://example.org/demo.mp4"' in html
    assert not unknown(site.findings)


def test_a_closing_rule_holds_whatever_the_case_of_the_name():
    # {{< relRef >}} takes no inner content, as {{< relref >}}: a stray closing tag is an error
    assert needs_closing("relRef") is False and needs_closing("TabPane") is True
    assert needs_closing("insertImage") is False and needs_closing("insertimage") is False
    assert needs_closing("callout") is None


NOTEBOOK = {
    "metadata": {"language_info": {"name": "python"}},
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["## Load\n", "Read **the** data.\n"]},
        {"cell_type": "code", "execution_count": 3, "metadata": {},
         "source": ["x = 6 * 7\n", "print(x)"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["42\n"]},
                     {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                      "data": {"text/plain": ["'kept'"], "image/png": "iVBORw0KGgo=\n"}}]},
        {"cell_type": "code", "execution_count": 4, "metadata": {"tags": ["hide-cell"]},
         "source": "secret = 1", "outputs": []},
        {"cell_type": "code", "execution_count": 5, "metadata": {"jupyter": {"source_hidden": True}},
         "source": "hidden_source()", "outputs": [
             {"output_type": "error", "ename": "ValueError", "evalue": "bad",
              "traceback": ["\u001b[0;31mValueError\u001b[0m: bad"]}]},
    ],
}


def test_a_hextra_jupyter_notebook_prints_its_cells_and_outputs(tmp_path):
    site = Site(tmp_path, {"content/de/nb/index.md": "---\ntitle: NB\n---\n",
                           "content/de/nb/demo.ipynb": json.dumps(NOTEBOOK)})
    site_page = tmp_path / "content/de/nb/index.md"
    html = site.converter.convert(type("P", (), {
        "body": '{{< jupyter src="demo.ipynb" prompts=true >}}', "body_line": 5, "path": site_page,
        "rel": "nb/index.md", "lang": "de"})())
    site.converter.finish()
    assert "<strong>the</strong>" in html and ">Load</h2>" in html
    assert 'class="language-python"' in html and "x = 6 * 7" in html
    assert "In [3]:" in html and "Out[3]:" in html and "42\n" in html
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html and "'kept'" not in html
    assert "secret" not in html and "hidden_source" not in html
    assert "ValueError: bad" in html and "\u001b" not in html and "Out[5]" not in html
    assert not site.findings.warnings, list(site.findings)


def test_a_jupyter_file_that_is_no_notebook_is_a_finding_and_a_remote_one_its_address(tmp_path):
    site = Site(tmp_path, {"content/de/broken.ipynb": "{not json"})
    site.render('{{< jupyter "broken.ipynb" >}}\n\n{{< jupyter "missing.ipynb" >}}')
    assert [f.code for f in site.findings] == ["bad-shortcode", "missing-include"]
    html = site.render('{{< jupyter "https://example.org/a.ipynb" >}}')
    assert 'href="https://example.org/a.ipynb"' in html


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(["cells", "cell_type", "source", "outputs",
                                                        "output_type", "data", "metadata", "tags",
                                                        "jupyter", "text", "traceback", "attachments",
                                                        "text/plain", "image/png", "code", "markdown",
                                                        "stream", "error", "execute_result"]),
                                       inner, max_size=5), max_leaves=30)


_OUTPUT = st.fixed_dictionaries({
    "output_type": st.sampled_from(["stream", "error", "execute_result", "display_data", "x"]),
    "data": st.dictionaries(st.sampled_from(["text/plain", "image/png", "image/svg+xml", "text/html",
                                             "application/json", "text/markdown"]), _JSON),
    "text": _JSON, "traceback": _JSON, "ename": _JSON})
_CELL = st.fixed_dictionaries({
    "cell_type": st.sampled_from(["code", "markdown", "raw", "heading"]), "source": _JSON,
    "metadata": _JSON | st.fixed_dictionaries({"tags": _JSON, "jupyter": _JSON}),
    "outputs": st.lists(_OUTPUT | _JSON, max_size=3), "attachments": _JSON,
    "execution_count": _JSON})


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"cells": st.lists(_CELL | _JSON, max_size=4), "metadata": _JSON}) | _JSON)
def test_notebook_reads_any_json_without_failing(data):
    book = notebook(json.dumps(data))
    assert book is None or all(c["kind"] in ("code", "markdown", "raw") for c in book["cells"])


def test_a_hextra_gallery_prints_each_item_with_its_caption(tmp_path):
    site = Site(tmp_path, {"static/images/a.png": "x"})
    html = squeeze(site.render(
        '{{< gallery type="grid" cols="3" >}}\n  {{< gallery-item src="/images/a.png" caption="The **space**" >}}\n'
        '  {{< gallery-item src="https://example.org/b.jpg" thumb="https://example.org/t.jpg" '
        'width="1600" height="1200" caption="River valley" alt="A river" >}}\n{{< /gallery >}}'))
    assert '<img src="/images/a.png" alt="The space" /><figcaption><p>The <strong>space</strong></p>' in html
    assert '<img src="https://example.org/b.jpg" alt="A river" />' in html and "River valley" in html
    assert "t.jpg" not in html
    assert not site.findings.warnings, list(site.findings)


def test_hextra_pdf_and_image_grid_print_what_they_show(site):
    html = squeeze(site.render('{{< pdf "files/guide.pdf" >}}\n\n{{< image-grid >}}\n'
                               '/a.png|First *one*, /b.png\n/c.png|Third\n{{< /image-grid >}}'))
    assert '<span class="media-kind">PDF</span><a href="files/guide.pdf">files/guide.pdf</a>' in html
    assert [src for src in re.findall(r'<img src="([^"]*)"', html)] == ["/a.png", "/b.png", "/c.png"]
    assert "<p>First <em>one</em></p>" in html and 'alt="Third"' in html
    assert not unknown(site.findings)


def test_a_heading_repeated_inside_a_shortcode_gets_an_id_of_its_own(tmp_path, monkeypatch):
    """``## Setup`` on the page and again in a details block: Hugo numbers the second
    (setup-1); the PDF had two places named alike and a css warning."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/setup.md": page("Einrichten", 1, body=(
            "## Setup\n\nText.\n\n{{% details title=\"Mehr\" %}}\n## Setup\n\nInnen.\n"
            "{{% /details %}}\n\nSiehe [oben](#setup).\n")),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    assert not [f for f in result.findings if "twice" in f.message], \
        [f.format() for f in result.findings]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'id="p-setup--setup"' in html and 'id="p-setup--setup-1"' in html


@pytest.mark.parametrize(("call", "address"), [
    ("{{< vimeo_simple 48912912 >}}", "https://vimeo.com/48912912"),
    ('{{< twitter user="SanDiegoZoo" id="1453110110599868418" >}}',
     "https://x.com/SanDiegoZoo/status/1453110110599868418"),
    ('{{< twitter_simple user="GoHugoIO" id="877500564405444608" >}}',
     "https://x.com/GoHugoIO/status/877500564405444608"),
])
def test_hugos_older_embeds_print_where_to_find_them(site, call, address):
    """Hugo 0.149 still builds in vimeo_simple, twitter and twitter_simple (Clarity's rich
    content page calls vimeo_simple): paper prints the address, not an unknown shortcode."""
    html = site.render(f"Watch:\n\n{call}\n")
    assert f'<a href="{address}">' in html, html
    assert not unknown(site.findings), list(site.findings)


INLINE_STYLE = "{{< css.inline >}}\n<style>\n.emojify { font-size: 2rem; }\n</style>\n{{< /css.inline >}}\n"
INLINE_TEXT = '{{< year.inline >}}{{ now.Year }}{{< /year.inline >}}\n'


@pytest.mark.parametrize(("enabled", "body", "reported"), [
    (False, INLINE_TEXT, False),  # Hugo prints nothing for it: the PDF loses nothing
    (True, INLINE_STYLE, False),  # a style sheet: nothing a reader sees on the web page
    (True, INLINE_TEXT, True),    # Hugo prints the year; manualgen does not
])
def test_an_inline_shortcode_is_reported_only_where_the_web_page_shows_what_it_prints(
        tmp_path, enabled, body, reported):
    """Clarity's emoji page styles itself with {{< css.inline >}} and the site does not
    enable inline shortcodes: Hugo prints nothing there, so a warning would be a false alarm."""
    hugo = HUGO_TOML.replace("[params]", "enableInlineShortcodes = true\n[params]") if enabled else HUGO_TOML
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/emoji.md": page("Emoji", 1, body="Text.\n\n" + body),
    }, hugo=hugo)
    found = [f["file"] for f in check_findings(site) if f["code"] == "inline-shortcode"]
    assert found == (["content/de/emoji.md"] if reported else []), found


MATH_BODY = ("Inline: $ \\varphi = \\sqrt{4} $ and \\\\(a^2\\\\), block:\n\n$$x_1$$\n\n"
             "It costs $5 and $10.\n\n`$code^2$`\n")


def test_a_page_whose_theme_loads_katex_prints_its_formulas_as_formulas(tmp_path):
    """MemE loads KaTeX, with single dollars, for a page with katex = true (PaperMod and
    Hugo's own math partial: math: true): the web shows the formulas typeset.  A page without
    it keeps its dollars as written, as its web page does; a price stays a price."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/with.md": page("With", 1, body=MATH_BODY, katex=True),
        "content/de/without.md": page("Without", 2, body=MATH_BODY),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    with_math, without = html.split("Without</h")[0], html.split("Without</h")[1]
    assert '<span class="math math-text">φ = √4</span>' in with_math
    assert '<span class="math math-text">a²</span>' in with_math
    assert "x₁" in with_math and "It costs $5 and $10." in with_math
    assert "<code>$code^2$</code>" in with_math
    assert "$ \\varphi = \\sqrt{4} $" in without and "$$x_1$$" in without
    assert 'class="math' not in without


def test_a_site_that_enables_katex_for_every_page_prints_its_formulas(tmp_path):
    hugo = HUGO_TOML.replace("[params]\n", "[params]\nenableKaTeX = true\n")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/a.md": page("A", 1, body="So: $\\alpha + 1$."),
    }, hugo=hugo)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    assert '<span class="math math-text">α + 1</span>' in result.results[0].html.read_text(encoding="utf-8")


def test_a_link_to_a_home_page_with_nothing_to_print_leads_to_the_cover(tmp_path):
    """MemE's Chinese test page links [Internal Link](/); its site's home has no text, so the
    manual has no home chapter: the link's "see page" pointed at no element, and WeasyPrint
    cut its words short ("(参见第")."""
    site = write_site(tmp_path / "site", {
        "content/de/docs/_index.md": page("Docs", 1, body="Docs."),
        "content/de/docs/a.md": page("A", 1, body="Back [home](/) and [docs](/docs/)."),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    targets = re.findall(r'<a href="#([^"]+)"[^>]*>(?:home|docs)</a>', html)
    assert len(targets) == 2, targets
    for target in targets:
        assert html.count(f'id="{target}"') == 1, target
    assert re.search(rf'<section class="cover" id="{targets[0]}">', html)


def test_the_sites_highlight_settings_number_every_highlighted_block(tmp_path):
    """MemE's config sets [markup.highlight] lineNos = true: on the web every block with a
    language shows its line numbers; one without a language (no guessSyntax) is plain code,
    and a block's own linenos=false wins."""
    hugo = HUGO_TOML + "[markup.highlight]\nlineNos = true\nlineNoStart = 3\nguessSyntax = false\n"
    body = ("```js\nlet a = 1;\n```\n\n```\nplain text\n```\n\n"
            "```js {linenos=false}\nlet b = 2;\n```\n\n"
            "{{< highlight go >}}\nvar c = 3\n{{< /highlight >}}\n")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/a.md": page("A", 1, body=body),
    }, hugo=hugo)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    numbered = re.findall(r'<pre class="lines numbered">.*?</pre>', html, re.DOTALL)
    assert len(numbered) == 2, numbered
    assert '<span class="ln">3</span>let a = 1;' in numbered[0]
    assert '<span class="ln">3</span>var c = 3' in numbered[1]
    assert "<pre><code>plain text" in html and "let b = 2;" in html


def test_an_index_file_in_the_content_root_is_the_home_as_a_leaf_bundle(tmp_path):
    """DocuAPI's example site kept its API page as content/index.md: Hugo 0.149 makes that
    the home page, as a leaf bundle, and publishes no other page (it warns).  The manual
    printed it as a page beside an empty home, with the pages Hugo does not publish."""
    site = write_site(tmp_path / "site", {
        "content/de/index.md": page("API Reference", 10, body="# Introduction\n\nWelcome."),
        "content/de/errors.md": page("Errors", 20, body="Codes."),
        "content/de/docs/_index.md": page("Docs", 1, body="Docs."),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Welcome." in html and "Codes." not in html and "Docs." not in html
    assert html.count('id="p-home"') == 1
    [warning] = [f for f in result.findings if f.code == "home-bundle"]
    assert str(warning.file).endswith("content/de/index.md") and warning.line == 1 and "2 other page" in warning.message


def test_an_index_file_beside_the_homes_own_index_changes_nothing(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/index.md": page("Stray", body="Stray."),
        "content/de/errors.md": page("Errors", 20, body="Codes."),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Willkommen." in html and "Codes." in html and "Stray." not in html
    assert not [f for f in result.findings if f.code == "home-bundle"]


CODE_BOX = """{{- $language := .Get "lang" | default "" -}}
{{- $linenos := .Get "linenos" | default "false" -}}
{{- $options := "" -}}
{{- if eq $linenos "true" -}}{{- $options = "linenos=table" -}}{{- end -}}
<div class="code-container" dir="ltr"><span class="filename">{{ .Get "file" }}</span>
<div class="code-content">
{{- if $options -}}{{ highlight (trim .Inner "\\n") $language $options }}
{{- else -}}{{ highlight (trim .Inner "\\n") $language }}{{- end -}}
</div></div>
<style>.code-container { margin: 2rem 0; }</style>
"""


def test_a_sites_template_that_calls_highlight_prints_the_code_block(tmp_path):
    """A Persian blog's codefile shortcode wraps Hugo's highlight function: the template was
    not run (an unknown shortcode, the code printed as text), and the style sheet it writes
    for its box is the web's, not the paper's."""
    site = Site(tmp_path, {"layouts/shortcodes/codefile.html": CODE_BOX})
    html = site.render('{{< codefile file="hello.md" lang="bash" >}}\nsudo pacman -S hugo\n'
                       '{{< /codefile >}}\n\n{{< codefile lang="go" linenos="true" >}}\n'
                       'a := 1\nb := 2\n{{< /codefile >}}\n')
    assert '<pre><code class="language-bash" data-lang="bash">sudo pacman -S hugo</code></pre>' in html
    assert '<span class="ln">2</span>b := 2' in html
    assert "<style" not in html and "hello.md" in html
    assert not [f for f in site.findings if f.code in ("unknown-shortcode", "shortcode-template")]


def test_a_button_with_no_words_is_not_printed(tmp_path):
    """Bootstrap's example template writes an edit and a copy button holding only an icon:
    on paper each printed as an empty grey form control.  A button with words stays."""
    box = ('<div class="toolbar"><small>html</small>'
           '<button type="button" class="btn-edit" title="Edit it online"><svg class="bi" role="img" '
           'aria-label="Edit"><use xlink:href="#pencil"/></svg></button>'
           '<button type="button">Linux</button></div>{{ .Inner }}')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/a.md": page("A", 1, body="{{< box >}}Text.{{< /box >}}"),
        "layouts/shortcodes/box.html": box,
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "btn-edit" not in html and '<button type="button">Linux</button>' in html
    assert "<small>html</small>" in html and "Text." in html
