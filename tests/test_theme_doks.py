"""Print forms of the shortcodes of Doks (thuliteio/doks and its @thulite packages), written as
getdoks.org's own pages write them: callouts keep their kind and title, tabs every tab, link
cards their address, pictures, SVG logos and bundle videos reach the PDF, and Tabler icons
and dark-mode twins, which paper cannot show, are left out."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import page as page_md
from .conftest import png_bytes, write_site
from .test_convert import Site, squeeze
from .theme_calls import prints_cleanly, shortcode_call

DOKS_TEMPLATES = ["callout", "alert", "details", "tabs", "tab", "link-card", "card-grid",
                  "inline-svg", "img", "picture", "figure", "video", "card", "steps", "step",
                  "tree", "kroki", "preview", "math"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def test_a_callout_keeps_its_context_and_title(site):
    tip = squeeze(site.render('{{< callout context="tip" title="Did you know?" icon="rocket" >}}\n'
                              "Hyas **simplifies**.\n{{< /callout >}}"))
    assert tip == ('<aside class="alert alert-success callout" role="note"><p class="alert-title">'
                   'Did you know?</p><div class="alert-body"><p>Hyas <strong>simplifies</strong>.'
                   "</p></div></aside>")
    assert "rocket" not in tip
    danger = site.render("{{< callout danger >}}Mind the gap{{< /callout >}}")
    assert "alert-danger" in danger and ">Vorsicht<" in danger
    caution = site.render('{{< callout context="caution" >}}Careful{{< /callout >}}')
    assert "alert-warning" in caution and ">Vorsicht<" in caution


def test_the_other_themes_callouts_are_unchanged(site):
    hextra = site.render('{{< callout type="warning" >}}Hextra{{< /callout >}}')
    assert 'class="alert alert-warning callout"' in hextra
    relearn = site.render('{{% callout style="tip" title="Relearn" %}}x{{% /callout %}}')
    assert "relearn-box" in relearn and "Relearn" in relearn


def test_an_alert_takes_its_words_from_text_or_its_content(site):
    text = site.render('{{< alert context="info" text="Press <strong>B</strong>" />}}')
    assert 'class="alert alert-info"' in text and "Press <strong>B</strong>" in text
    inner = site.render('{{< alert context="warning" >}}Doks **alert**{{< /alert >}}')
    assert 'alert-warning' in inner and "<strong>alert</strong>" in inner
    docsy = site.render('{{< alert color="danger" title="Docsy" >}}x{{< /alert >}}')
    assert "alert-danger" in docsy and ">Docsy</h4>" in docsy


def test_tabs_and_details_print_every_tab_and_the_open_details(site):
    tabs = squeeze(site.render('{{< tabs "create-new-site" >}}\n{{< tab "npm" >}}\n\n```bash\n'
                               'npm create hyas@latest\n```\n\n{{< /tab >}}\n{{< tab "Yarn" >}}\n\n'
                               "```bash\nyarn create hyas\n```\n\n{{< /tab >}}\n{{< /tabs >}}"))
    assert tabs.index(">npm<") < tabs.index("npm create hyas@latest") < tabs.index(">Yarn<")
    assert "create-new-site" not in tabs
    details = site.render('{{< details "Start in open state" open >}}\nVisible.\n{{< /details >}}')
    assert "<summary>Start in open state</summary>" in details and "Visible." in details


def test_link_cards_print_their_title_as_a_link_and_their_description(site):
    card = squeeze(site.render('{{< link-card\n  title="Showcase"\n  description="Explore *Doks*"\n'
                               '  href="https://getdoks.org/showcase/"\n  target="_blank"\n>}}'))
    assert card == ('<div class="mg-link-card"><p class="mg-link-card-title"><strong>'
                    '<a href="https://getdoks.org/showcase/">Showcase</a></strong></p>'
                    '<p class="mg-link-card-description">Explore <em>Doks</em></p></div>')
    grid = squeeze(site.render('{{< card-grid >}}\n  {{< link-card title="A" href="/a/" >}}\n'
                               '  {{< link-card title="B" href="https://b.org/" >}}\n{{< /card-grid >}}'))
    assert grid.startswith('<div class="mg-card-grid"><div class="mg-link-card">')
    assert '<a href="/docs/a/">A</a>' in grid and '<a href="https://b.org/">B</a>' in grid


def test_svg_files_print_and_icons_and_dark_twins_do_not(site):
    logo = site.render('{{< inline-svg src="svgs/logos/netlify.svg" width="192px" height="79px" '
                       'class="svg-inline-custom svg-lightmode" >}}')
    assert '<img class="mg-inline-svg" src="svgs/logos/netlify.svg" alt="" ' in logo
    assert 'style="width: 192px; height: 79px"' in logo
    assert site.render('{{< inline-svg src="svgs/logos/dark.svg" class="svg-darkmode" >}}') == ""
    assert site.render('A {{< inline-svg "coffee" >}} icon.') == "<p>A  icon.</p>"
    assert site.render('{{< inline-svg src="hand-rock" stroke-width="1" >}}') == ""


def test_img_and_picture_print_the_picture_with_its_alt_text(site):
    img = site.render('{{< img src="images/zion.jpg" width=768 process="fill 1680x720" alt="Zion" >}}')
    assert '<img src="images/zion.jpg" alt="Zion" />' in img and "1680" not in img
    picture = site.render('{{< picture src="bird.jpg" alt="A bird" >}}')
    assert '<img src="bird.jpg" alt="A bird" />' in picture
    geekdoc = site.render('{{< img name="forest" >}}')
    assert not geekdoc.strip() and [f.code for f in site.findings.warnings] == ["missing-image"]


def test_a_bundle_video_named_without_suffix_finds_its_file_and_poster(tmp_path):
    site = Site(tmp_path, {"content/de/page/robin (540p).mp4": b"\x00",
                           "content/de/page/robin (540p).jpg": png_bytes(),
                           "content/de/page/other.webm": b"\x00"})
    site_page = tmp_path / "content/de/page/index.md"
    site_page.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    page = SimpleNamespace(body='{{< video src="robin (540p)" autoplay="true" muted="true" >}}',
                           body_line=5, path=site_page, rel="page/index.md", lang="de")
    html = site.converter.convert(page)
    assert '<video src="robin (540p).mp4" poster="robin (540p).jpg"' in html


def test_an_img_src_without_a_suffix_is_a_part_of_a_bundle_files_name(tmp_path):
    # a site's own img that matches src= against its bundle (.Resources.GetMatch "*src*")
    site = Site(tmp_path, {"content/de/guide/02-login-form.png": png_bytes(),
                           "content/de/guide/shots/01-start.png": png_bytes()})
    site_page = tmp_path / "content/de/guide/index.md"
    site_page.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    page = SimpleNamespace(body='{{< img src="login" alt="Log in" >}}\n\n{{< img src="shots/01-start.png" >}}'
                                '\n\n{{< img src="nothing" >}}',
                           body_line=5, path=site_page, rel="guide/index.md", lang="de")
    html = site.converter.convert(page)
    assert '<img src="02-login-form.png" alt="Log in" />' in html
    assert '<img src="shots/01-start.png" alt="" />' in html  # a path stays a path
    assert '<img src="nothing" alt="" />' in html  # no match: missing, as before


def test_steps_print_as_a_numbered_list_and_blowfishs_steps_are_unchanged(site):
    doks = squeeze(site.render("{{< steps >}}\n{{< step >}}\n**Install**\n\n```bash\nnpm install\n```\n\n"
                               "{{< /step >}}\n{{< step >}}\nOpen `localhost`.\n{{< /step >}}\n{{< /steps >}}"))
    assert doks.startswith('<div class="mg-steps"><ol><li class="mg-doks-step"><p><strong>Install</strong>')
    assert doks.count("<li ") == 2 and "<code>localhost</code>" in doks
    blowfish = squeeze(site.render('{{< steps >}}\n{{< step title="One" number="1" >}}\nText\n{{< /step >}}\n'
                                   "{{< /steps >}}"))
    assert '<p class="mg-step-lead"><strong>1</strong><strong>One</strong></p>' in blowfish and "<ol>" not in blowfish


def test_a_tree_leaves_out_the_icon_names_and_relearns_stays(site):
    tree = squeeze(site.render("{{< tree >}}\n\n- {folder} content\n  - {markdown} \\_index.md\n- {json} package.json\n"
                               "\n{{< /tree >}}"))
    assert tree == ('<div class="mg-filetree"><ul><li>content<ul><li>_index.md</li></ul></li><li>package.json'
                    "</li></ul></div>")
    relearn = squeeze(site.render("{{< tree >}}\n- docs | folder\n  - a.md | file | blue\n{{< /tree >}}"))
    assert "<li>docs<ul><li>a.md</li></ul></li>" in relearn and "folder" not in relearn


def test_kroki_preview_card_and_math_keep_their_content(site):
    kroki = site.render('{{< kroki type="plantuml" >}}\nA -> B\n{{< /kroki >}}')
    assert ">plantuml<" in kroki and "A -&gt; B" in kroki and 'class="language-plantuml"' in kroki
    preview = squeeze(site.render('{{< preview >}}\n{{< card title="Deploy" icon="cloud-upload" color="blue" >}}\n'
                                  "Push your site.\n{{< /card >}}\n{{< /preview >}}"))
    assert '<p class="card-title"><strong>Deploy</strong></p><p>Push your site.</p>' in preview
    assert "cloud-upload" not in preview
    assert '<span class="math">{(x+y)}^2</span>' in site.render("{{< math >}}${(x+y)}^2${{< /math >}}")


@pytest.fixture(scope="module")
def doks_pdf(tmp_path_factory):
    """A Doks site: a shortcodes page in a bundle with its picture, an SVG logo in the assets."""
    root = tmp_path_factory.mktemp("doks")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" '
           'height="40" fill="#0a8"/></svg>')
    body = """\
        {{< callout context="tip" title="TIP-TITLE" icon="rocket" >}}
        Tip body
        {{< /callout >}}

        {{< tabs "install" >}}
        {{< tab "npm" >}}

        ```bash
        NPM-COMMAND
        ```

        {{< /tab >}}
        {{< tab "Yarn" >}}
        YARN-TEXT
        {{< /tab >}}
        {{< /tabs >}}

        {{< link-card title="CARD-TITLE" description="CARD-DESCRIPTION" href="https://getdoks.org/" >}}

        {{< img src="bird.png" alt="A bird" >}}

        {{< inline-svg src="svgs/logo.svg" width="120px" >}} {{< inline-svg "coffee" >}}
        """
    write_site(root, {
        "content/_index.md": page_md("Home", body="Welcome.\n"),
        "content/docs/shortcodes/index.md": page_md("Shortcodes", 1, body),
        "content/docs/shortcodes/bird.png": png_bytes(),
        "assets/svgs/logo.svg": svg,
    }, 'baseURL = "https://doks.example.org/"\ntitle = "Doks"\n[markup.goldmark.renderer]\nunsafe = true\n')
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    reader = PdfReader(pdf)
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    images = sum(len(p.images) for p in reader.pages)
    return root, text, images


def test_the_built_pdf_keeps_the_words_and_pictures_and_no_syntax(doks_pdf):
    _root, text, images = doks_pdf
    for words in ("TIP-TITLE", "Tip body", "npm", "NPM-COMMAND", "Yarn", "YARN-TEXT", "CARD-TITLE",
                  "getdoks.org", "CARD-DESCRIPTION"):
        assert words in text, words
    for stray in ("{{<", "{{%", "<div", "coffee", "install"):
        assert stray not in text, stray
    assert images >= 1  # the bird (the SVG logo is drawn as vectors)


def test_check_finds_nothing_unknown_or_missing_in_the_doks_site(doks_pdf, capsys):
    root, _, _ = doks_pdf
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--format", "json"]) == 0
    out = capsys.readouterr().out
    for code in ("unknown-shortcode", "shortcode-template", "missing-image", "broken-link"):
        assert f'"{code}"' not in out, code


_KEYS = ["context", "title", "icon", "text", "href", "description", "target", "src", "alt",
         "class", "width", "height", "process", "caption", "autoplay", "poster", "open", "type",
         "color", "number", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "note", "danger", "light", "coffee",
                                     "x.svg", "a/b", "/", "..", "https://x.org", "<b>", "{}"]),
                    st.text(max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(DOKS_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=3),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    prints_cleanly(site, shortcode_call(name, named, positional, inner, markdown))
