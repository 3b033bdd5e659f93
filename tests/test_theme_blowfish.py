"""Print forms of the Blowfish theme's shortcodes, each checked on a small page or site of its
own: what the web page shows (a timeline's headers and badges, a gallery's pictures, a
button's address, a chart's data, the labels of tabs) reaches paper, and nothing of the
shortcode syntax is left."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import drawn_by_installed_fonts, png_bytes, write_site
from .test_convert import Site, squeeze
from .theme_calls import shortcode_call, survives

BLOWFISH_TEMPLATES = ["alert", "badge", "button", "figure", "gallery", "carousel", "lead",
                      "timeline", "timelineItem", "tabs", "tab", "katex", "mermaid", "chart",
                      "icon", "keyword", "keywordList", "github", "gitlab", "youtubeLite",
                      "mdimporter", "codeimporter", "swatches", "article", "typeit", "list",
                      "accordion", "accordionItem", "rtl", "ltr", "steps", "step", "codeberg",
                      "gitea", "forgejo", "huggingface", "email", "external", "stats", "stat",
                      "feature-grid", "feature", "cta", "embed-pdf"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def test_a_timeline_keeps_each_entrys_header_badge_subheader_and_content(site):
    source = ('{{< timeline >}}\n\n{{< timelineItem icon="github" header="First" badge="2020 - now" '
              'subheader="Where" >}}\nLorem ipsum.\n{{</ timelineItem >}}\n\n'
              '{{< timelineItem icon="code" header="Second" >}}\nWith html\n<ul>\n  <li>Tea</li>\n</ul>\n'
              "{{</ timelineItem >}}\n\n{{</ timeline >}}")
    html = squeeze(site.render(source))
    assert html.startswith('<div class="mg-timeline"><div class="mg-timeline-item"><p class="mg-timeline-header">'
                           '<strong>First</strong><span class="mg-badge">2020 - now</span></p>'
                           '<p class="mg-timeline-subheader">Where</p>')
    assert "Lorem ipsum." in html and "<li>Tea</li>" in html and "<strong>Second</strong>" in html
    assert "<h2" not in html  # the entries' headers do not join the manual's contents
    assert not site.findings.warnings


def test_a_gallery_keeps_its_pictures_in_a_figure_of_their_own(site):
    html = squeeze(site.render('{{< gallery >}}\n  <img src="a.jpg" class="grid-w33" />\n'
                               '  <img src="b.jpg" class="grid-w50 md:grid-w33" />\n{{< /gallery >}}'))
    assert html.startswith('<figure class="mg-gallery">')
    assert html.count("<img ") == 2 and 'class="grid-w50 md:grid-w33"' in html


def test_tabs_take_the_label_of_each_tab_or_the_labels_of_the_old_form(site):
    new = squeeze(site.render('{{< tabs >}}\n{{< tab label="Bundle" >}}\n**index.md**\n{{< /tab >}}\n'
                              '{{< tab label="Single" >}}\npage.md\n{{< /tab >}}\n{{< /tabs >}}'))
    assert ('<p class="tab-title">Bundle</p><div class="tab-body"><p><strong>index.md</strong></p>' in new
            and '<p class="tab-title">Single</p>' in new)
    old = squeeze(site.render('{{< tabs labels="Windows;; macOS" >}}\n{{< tab >}}\nchoco\n{{< /tab >}}\n'
                              "{{< tab >}}\nbrew\n{{< /tab >}}\n{{< /tabs >}}"))
    assert '<p class="tab-title">Windows</p>' in old and '<p class="tab-title">macOS</p>' in old
    assert "Tab 0" not in old + new and not site.findings.warnings


def test_badge_button_keyword_and_lead_keep_their_words(site):
    html = squeeze(site.render("{{< badge >}}\nNew article!\n{{< /badge >}}\n\n"
                               '{{< button href="https://example.org/get" target="_blank" >}}\nDownload\n'
                               "{{< /button >}}\n\n{{< keywordList >}}\n"
                               '{{< keyword icon="github" >}} **Important** skill {{< /keyword >}}\n'
                               "{{< /keywordList >}}\n\n{{< lead >}}\nWhen life gives you *lemons*.\n{{< /lead >}}"))
    assert '<span class="mg-badge">New article!</span>' in html
    assert '<span class="mg-button"><a href="https://example.org/get">Download</a></span>' in html
    assert '<span class="mg-badge mg-keyword"><strong>Important</strong> skill</span>' in html
    assert '<div class="mg-lead"><p>When life gives you <em>lemons</em>.</p></div>' in html


def test_chart_and_mermaid_print_their_source_as_written(site):
    chart = site.render("{{< chart >}}\ntype: 'bar',\ndata: { labels: ['Tomato'] }\n{{< /chart >}}")
    assert '<div class="code-filename">Chart</div>' in chart
    assert "type: &#39;bar&#39;,\ndata: { labels: [&#39;Tomato&#39;] }</code>" in chart
    mermaid = site.render("{{< mermaid >}}\ngraph LR;\nA[Lemons]-->B[Lemonade];\n{{< /mermaid >}}")
    assert "A[Lemons]--&gt;B[Lemonade];</code>" in mermaid


def test_cards_and_players_print_where_to_find_them(site):
    html = site.render('{{< github repo="nunocoracao/blowfish" >}}\n\n{{< gitlab projectID="278964" >}}\n\n'
                       '{{< youtubeLite id="SgXhGb-7QbU" label="Demo" >}}\n\n'
                       '{{< mdimporter url="https://raw.example.org/README.md" >}}\n\n'
                       '{{< codeimporter url="https://raw.example.org/x.go" type="go" >}}\n\n'
                       '{{< codeberg repo="a/b" >}}\n\n{{< gitea server="https://git.x.org/" repo="c/d" >}}\n\n'
                       '{{< huggingface dataset="e/f" >}}')
    for address in ("https://github.com/nunocoracao/blowfish", "https://gitlab.com/projects/278964",
                    "https://www.youtube.com/watch?v=SgXhGb-7QbU", "https://raw.example.org/README.md",
                    "https://raw.example.org/x.go", "https://codeberg.org/a/b", "https://git.x.org/c/d",
                    "https://huggingface.co/datasets/e/f"):
        assert f'href="{address}"' in html, address
    assert ">Demo</a>" in html


def test_steps_keep_each_steps_number_title_and_content(site):
    html = squeeze(site.render('{{< steps >}}\n{{< step title="Install **Hugo**" number="1" >}}\nRun it.\n'
                               "{{< /step >}}\n{{< step >}}\nThen.\n{{< /step >}}\n{{< /steps >}}"))
    assert ('<p class="mg-step-lead"><strong>1</strong><strong>Install <strong>Hugo</strong></strong></p>'
            '<div class="mg-step-body"><p>Run it.</p></div>') in html
    assert "<strong>•</strong><strong>Step</strong>" in html and "<p>Then.</p>" in html


def test_swatches_show_each_colour_with_its_code_and_refuse_what_is_no_colour(site):
    html = site.render('{{< swatches "#64748b" "#3b82f6" "red;background:url(x)" >}}')
    assert 'style="background-color: #64748b"' in html and "<code>#3b82f6</code>" in html
    assert "url(x)</code>" in html and "background:url" not in html.replace("<code>red;background:url(x)</code>", "")


def test_katex_and_list_print_nothing_and_are_no_unknown_shortcodes(site):
    html = site.render("{{< katex >}}\n\\\\(f(a) = a^2\\\\)\n\n{{< list limit=2 >}}")
    assert "f(a) = a^2" in html and "limit" not in html
    site.converter.finish()
    assert not [f for f in site.findings if f.code == "unknown-shortcode"]


# --- a whole site in three languages -----------------------------------------------------------

CONFIG = {
    "config/_default/hugo.toml": 'baseURL = "https://example.org/blowfish/"\ndefaultContentLanguage = "en"\n',
    "config/_default/markup.toml": "[goldmark.renderer]\nunsafe = true\n",
    "config/_default/languages.en.toml": 'languageName = "English"\nweight = 1\ntitle = "Blowfish"\n',
    "config/_default/languages.it.toml": 'languageName = "Italiano"\nweight = 2\ntitle = "Blowfish"\n',
    "config/_default/languages.ja.toml": 'languageName = "日本語"\nweight = 3\ntitle = "Blowfish"\n',
}
SHORTCODES = """---
title: "Shortcodes"
date: 2020-08-11
showTableOfContents: true
---

{{< alert "twitter" >}}
Don't forget to **follow** me.
{{< /alert >}}

{{< gallery >}}
  <img src="gallery/01.png" class="grid-w33" />
  <img src="gallery/02.png" class="grid-w33" />
{{< /gallery >}}

{{< timeline >}}
{{< timelineItem icon="star" header="Shortcodes" badge="AWESOME" >}}
With other shortcodes
{{< gallery >}}
  <img src="gallery/01.png" class="grid-w50" />
{{< /gallery >}}
{{</ timelineItem >}}
{{</ timeline >}}

{{< carousel images="{gallery/02.png}" >}}
"""


def test_email_and_external_print_the_address_and_the_card(site):
    assert site.render('Write {{< email email="a@b.org" text="to us" subject="Hi" >}}.') == (
        '<p>Write to us (<a href="mailto:a@b.org">a@b.org</a>).</p>')
    assert site.render('{{< email email="a@b.org" >}}') == '<a href="mailto:a@b.org">a@b.org</a>'
    card = squeeze(site.render('{{< external url="https://e.org/x" title="The *page*" description="Words" '
                               'thumbnail="t.png" stats2Value="9" >}}'))
    assert card == ('<div class="mg-link-card"><p class="mg-link-card-title"><strong><a href="https://e.org/x">'
                    'The <em>page</em></a></strong></p><p class="mg-link-card-description">Words</p></div>')
    assert '<a href="https://e.org/y">https://e.org/y</a>' in site.render('{{< external url="https://e.org/y" >}}')
    assert "t.png" not in card and not site.findings.warnings


def test_stats_features_and_calls_to_action_keep_their_words(site):
    stats = squeeze(site.render('{{< stats columns="4" >}}\n{{< stat value="42k" label="Downloads" >}}\nA *year*.\n'
                                "{{< /stat >}}\n{{< stat >}}{{< /stat >}}\n{{< /stats >}}"))
    assert stats == ('<div class="mg-stats"><div class="mg-stat"><p class="mg-stat-value">42k</p>'
                     '<p class="mg-stat-label"><strong>Downloads</strong></p><p>A <em>year</em>.</p></div>'
                     '<div class="mg-stat"><p class="mg-stat-value">0</p><p class="mg-stat-label"><strong>Metric'
                     "</strong></p></div></div>")
    feature = squeeze(site.render('{{< feature-grid >}}\n{{< feature icon="x" title="Fast" url="https://e.org/f" '
                                  'headingLevel="h3" >}}\nVery **fast**.\n{{< /feature >}}\n{{< /feature-grid >}}'))
    assert feature == ('<div class="mg-cards"><div class="mg-card"><p class="mg-card-title">Fast</p><p>Very '
                       '<strong>fast</strong>.</p><p class="mg-card-link"><a href="https://e.org/f">Learn more</a>'
                       "</p></div></div>")
    assert "<h3" not in feature
    assert site.render("{{< load-photoswipe >}}") == ""
    assert '<span class="mg-button"><a href="https://e.org/go">Start</a></span>' in site.render(
        '{{< cta url="https://e.org/go" label="Start" style="primary" >}}')
    pdf = site.render('{{< embed-pdf url="https://e.org/doc.pdf" hidePaginator="true" >}}')
    assert '<span class="media-kind">PDF</span> <a href="https://e.org/doc.pdf">' in pdf
    assert not site.findings.warnings

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("blowfish")
    write_site(root, {
        **CONFIG,
        "content/_index.md": '---\ntitle: "Welcome"\n---\n\n{{< lead >}}\nA powerful theme.\n{{< /lead >}}\n',
        "content/_index.it.md": '---\ntitle: "Benvenuti"\n---\n\n{{< lead >}}\nUn tema potente.\n{{< /lead >}}\n',
        "content/_index.ja.md": '---\ntitle: "ようこそ"\n---\n\n{{< lead >}}\n強力なテーマ。\n{{< /lead >}}\n',
        "content/docs/_index.md": '---\ntitle: "Documentation"\n---\n',
        "content/docs/installation/index.md": ('---\ntitle: "Installation"\ndate: 2020-08-16\n---\n\n'
                                               '{{< button href="https://github.com/nunocoracao/blowfish/releases/latest" '
                                               'target="_blank" >}}Download from Github{{< /button >}}\n'),
        "content/docs/installation/index.it.md": ('---\ntitle: "Installazione"\ndate: 2020-08-16\n---\n\n'
                                                  "![Schermata](shot.png)\n"),
        "content/docs/installation/shot.png": png_bytes(),
        "content/docs/setup.md": '---\ntitle: "Setup"\ndate: 2020-08-01\n---\n\nSet it up.\n',
        "content/docs/setup.it.md": ('---\ntitle: "Configurazione"\ndate: 2020-08-01\n---\n\n'
                                     "![Passo](img/step.png)\n"),
        "content/docs/setup/img/step.png": png_bytes(color=(200, 200, 10)),
        "content/docs/shortcodes/index.md": SHORTCODES,
        "content/docs/shortcodes/gallery/01.png": png_bytes(color=(10, 200, 10)),
        "content/docs/shortcodes/gallery/02.png": png_bytes(color=(10, 10, 200)),
    }, hugo=None)
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet", "--html"]) == 0
    texts = {pdf.stem.rsplit("-", 1)[1]: "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
             for pdf in out.glob("*.pdf")}
    return root, out, texts


def test_every_language_prints_without_shortcode_syntax(built):
    _, _, texts = built
    assert set(texts) == {"en", "it", "ja"}
    for text in texts.values():
        assert "{{<" not in text and "{{%" not in text and "<img" not in text
    assert "A powerful theme." in texts["en"]
    if drawn_by_installed_fonts("強力なテーマ。"):  # else the PDF holds missing-glyph boxes
        assert "強力なテーマ。" in texts["ja"]


def test_hugo_orders_the_undated_weightless_pages_by_date_newest_first(built):
    text = built[2]["en"]
    assert text.index("Installation") < text.index("Shortcodes")  # 2020-08-16 before 2020-08-11


def test_the_shortcodes_print_their_words_and_addresses(built):
    text = " ".join(built[2]["en"].split())
    for words in ("follow me", "Download from Github", "github.com/nunocoracao/blowfish/releases/latest",
                  "Shortcodes AWESOME", "With other shortcodes"):
        assert words in text, words


def test_the_galleries_pictures_and_a_translated_bundles_picture_are_in_the_pdf(built, capsys):
    root, out, _ = built
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--all", "--format", "json"]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not codes & {"missing-image", "unknown-shortcode", "shortcode-template", "broken-link"}
    (html,) = out.glob("*-en.html")
    galleries = html.read_text(encoding="utf-8").split('<figure class="mg-gallery">')[1:]
    pictures = [g[:g.index("</figure>")].count("<img ") for g in galleries]
    assert pictures == [2, 1, 1]  # the gallery, the timeline's gallery, the carousel
    assert "gallery/02.png" in galleries[2]


def test_pictures_beside_a_translated_page_are_found(tmp_path, capsys):
    """index.it.md is a bundle like index.md; page.it.md's pictures live at page/ as page.md's."""
    write_site(tmp_path, {
        **CONFIG,
        "content/docs/_index.md": '---\ntitle: "Docs"\n---\n',
        "content/docs/_index.it.md": '---\ntitle: "Documenti"\n---\n',
        "content/docs/setup.it.md": '---\ntitle: "Configurazione"\n---\n\n![Passo](img/step.png)\n',
        "content/docs/setup/img/step.png": png_bytes(),
        "content/docs/bundle/index.it.md": '---\ntitle: "Pacchetto"\n---\n\n![Foto](shot.png)\n',
        "content/docs/bundle/shot.png": png_bytes(),
    }, hugo=None)
    capsys.readouterr()
    assert main(["check", "--site", str(tmp_path), "--lang", "it", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert not [f for f in findings if f["code"] == "missing-image"], findings



def test_a_carousel_entry_brings_every_picture_its_glob_matches(tmp_path):
    """The theme's carousel adds ``.Resources.Match`` of each entry: "slides/*" is every picture
    of that folder, in name order, and a bare name matches a file beside the page only (not
    slides/c.png, as Hugo's glob is anchored at the bundle)."""
    write_site(tmp_path, {
        **CONFIG,
        "content/trip/index.md": '---\ntitle: "Trip"\n---\n\n{{< carousel images="slides/*" >}}\n\n'
                                 'MIDDLE\n\n{{< carousel images="{c.png,cover.png}" >}}\n',
        "content/trip/slides/b.png": png_bytes(),
        "content/trip/slides/a.png": png_bytes(),
        "content/trip/slides/c.png": png_bytes(),
        "content/trip/cover.png": png_bytes(),
    }, hugo=None)
    out = tmp_path / "out"
    assert main(["build", "--site", str(tmp_path), "--lang", "en", "--out", str(out),
                 "--no-cache", "--html", "-q"]) == 0
    (html,) = out.glob("*-en.html")
    first, second = html.read_text(encoding="utf-8").split("MIDDLE")
    assert [src.rsplit("/", 2)[-2:] for src in re.findall(r'<img src="([^"]+)"', first)] == [
        ["slides", "a.png"], ["slides", "b.png"], ["slides", "c.png"]]
    assert [src.rsplit("/", 1)[-1] for src in re.findall(r'<img src="([^"]+)"', second)] == ["cover.png"]

# --- odd parameters never crash a template ---------------------------------------------------

_KEYS = ["icon", "cardColor", "iconColor", "textColor", "href", "target", "src", "alt", "caption",
         "class", "nozoom", "images", "aspectRatio", "header", "badge", "subheader", "label",
         "labels", "repo", "projectID", "baseURL", "id", "url", "type", "link", "tag", "md",
         "title", "open", "number", "server", "model", "dataset", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "-1", ";;", ";;;;", "{}", "{,}",
                                     "*", "#fff", "#zzzzzz", "https://x.org", "gallery/*", ".."]),
                    st.text(max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(BLOWFISH_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=4),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    survives(site, shortcode_call(name, named, positional, inner, markdown))


def test_rtl_and_ltr_set_the_direction_of_their_content(site):
    assert '<div dir="rtl">' in site.render("{{% rtl %}}مرحبا **بكم**{{% /rtl %}}")
    assert '<div dir="ltr">\n<p>Hello</p>' in site.render("{{< ltr >}}Hello{{< /ltr >}}")


def test_an_article_card_prints_the_title_and_description_of_the_page_at_its_address(tmp_path):
    """Blowfish's article looks the page up by its address (RelPermalink) and shows its
    title and description; an address no page has, or the page itself, shows nothing."""
    root = write_site(tmp_path / "site", {
        **CONFIG,
        "content/_index.md": '---\ntitle: "Welcome"\n---\n\nHome.\n',
        "content/docs/_index.md": '---\ntitle: "Docs"\nweight: 1\n---\n',
        "content/docs/setup.md": '---\ntitle: "Setting up"\ndescription: "SETUP-DESCRIPTION"\n'
                                 'weight: 1\n---\n\nInstall it.\n',
        "content/docs/cards.md": '---\ntitle: "Cards"\nweight: 2\n---\n\n'
                                 '{{< article link="/blowfish/docs/setup/" >}}\n\n'
                                 'CARDS-MIDDLE\n\n{{< article link="/blowfish/docs/nowhere/" >}}\n\n'
                                 '{{< article link="/blowfish/docs/cards/" >}}\n',
    }, hugo=None)
    out = tmp_path / "out"
    assert main(["build", "--site", str(root), "--lang", "en", "--out", str(out), "--quiet",
                 "--html"]) == 0
    html = squeeze(next(out.glob("*.html")).read_text(encoding="utf-8"))
    card = html[html.index('<div class="mg-article-link">'):]
    card = card[:card.index("</div>") + 6]
    assert "Setting up" in card and "SETUP-DESCRIPTION" in card and "/blowfish/docs/setup/" not in card
    assert html.count('class="mg-article-link"') == 1  # nowhere and itself: nothing, as on the web
