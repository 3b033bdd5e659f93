"""Congo (jpanther/congo), Blowfish's parent: its shortcodes share Blowfish's print forms
(alert, badge, button, chart, figure, icon, katex, lead, mermaid, swatches), checked here
as Congo's own documentation page writes them, plus its profile card."""

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

CONGO_TEMPLATES = ["alert", "badge", "button", "chart", "figure", "icon", "katex", "lead",
                   "mermaid", "swatches", "profile", "screenshot", "congo-figure"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def test_the_profile_prints_the_authors_name_headline_and_bio(tmp_path):
    toml = ('baseURL = "https://congo.example.org/"\ntitle = "Congo"\ndefaultContentLanguage = "de"\n'
            '[languages.de]\ncontentDir = "content/de"\n[params.author]\nname = "Nuno"\n'
            'headline = "Only *human*"\nbio = "About you"\nimage = "img/author.jpg"\n')
    site = Site(tmp_path, hugo=toml)
    html = site.render('{{< profile align="center" >}}')
    assert '<p class="mg-profile-name"><strong>Nuno</strong></p>' in html
    assert "Only <em>human</em>" in html and "About you" in html and "author.jpg" not in html
    assert Site(tmp_path / "none").render("{{< profile >}}").strip() == ""


def test_the_alert_named_by_its_icon_keeps_its_words(site):
    html = site.render('{{< alert "twitter" >}}\nDon\'t forget to [follow me](https://twitter.com/j).\n'
                       "{{< /alert >}}")
    assert 'class="alert alert-primary"' in html and "twitter" not in html.replace("twitter.com", "")
    assert '<a href="https://twitter.com/j">follow me</a>' in html


def test_a_screenshot_is_the_bundles_file_whose_name_holds_src(tmp_path):
    site = Site(tmp_path, {"content/de/tour/index.md": "---\ntitle: Tour\n---\n",
                           "content/de/tour/b-home-dark.png": png_bytes(),
                           "content/de/tour/a-home-light.png": png_bytes()})
    page = SimpleNamespace(body="", body_line=5, path=tmp_path / "content/de/tour/index.md",
                           rel="tour/index.md", lang="de")

    def render(call: str) -> str:
        page.body = call
        html = squeeze(site.converter.convert(page))
        site.converter.finish()
        return html

    html = render('{{< screenshot src="home" caption="The *home* page" href="https://x.org" >}}')
    assert html == ('<figure class="screenshot-figure"><img src="a-home-light.png" alt="The home page" />'
                    "<figcaption><p>The <em>home</em> page</p></figcaption></figure>")
    assert 'alt="Dark"' in render('{{< screenshot src="dark" alt="Dark" >}}')
    assert not site.findings.warnings
    assert render('{{< screenshot src="missing" >}}') == ""
    assert [f.code for f in site.findings.warnings] == ["missing-image"]


def test_congo_figure_prints_as_the_figure(site):
    html = site.render('{{< congo-figure src="a.png" alt="Alt" caption="A *caption*" >}}')
    assert '<img src="a.png" alt="Alt"' in html and "A <em>caption</em>" in html


@pytest.fixture(scope="module")
def congo_text(tmp_path_factory):
    root = tmp_path_factory.mktemp("congo")
    body = """\
        {{< alert >}}
        **ALERT-WORDS** This action is destructive!
        {{< /alert >}}

        {{< badge >}}
        BADGE-WORDS
        {{< /badge >}}

        {{< button href="https://example.com/act" target="_self" >}}
        BUTTON-WORDS
        {{< /button >}}

        {{< chart >}}
        type: 'bar',
        data: { labels: ['CHART-TOMATO'] }
        {{< /chart >}}

        {{< figure src="abstract.png" alt="Abstract" caption="FIGURE-CAPTION by [Jr Korpa](https://unsplash.com/@jrkorpa)" >}}

        **Output:** {{< icon "github" >}}

        {{< katex >}}
        \\\\(f(a,b,c) = (a^2+b^2+c^2)^3\\\\)

        {{< lead >}}
        LEAD-WORDS
        {{< /lead >}}

        {{< mermaid >}}
        graph LR;
        A[MERMAID-LEMONS]-->B[Lemonade];
        {{< /mermaid >}}

        {{< swatches "#64748b" "#3b82f6" "#06b6d4" >}}
        """
    write_site(root, {"content/_index.md": page_md("Home", body="Home.\n"),
                      "content/docs/shortcodes/index.md": page_md("Shortcodes", 1, body),
                      "content/docs/shortcodes/abstract.png": png_bytes()},
               'baseURL = "https://congo.example.org/"\ntitle = "Congo"\ntheme = "congo"\n'
               "[markup.goldmark.renderer]\nunsafe = true\n")
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return root, " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())


def test_the_documented_shortcodes_keep_their_words_in_the_pdf(congo_text):
    _root, text = congo_text
    for words in ("ALERT-WORDS", "BADGE-WORDS", "BUTTON-WORDS", "example.com/act", "CHART-TOMATO",
                  "FIGURE-CAPTION", "unsplash.com/@jrkorpa", "f(a,b,c)", "LEAD-WORDS",
                  "MERMAID-LEMONS", "#64748b", "#06b6d4"):
        assert words in text, words
    for stray in ("{{<", "{{%", "github"):
        assert stray not in text, stray


def test_the_formulas_katex_typesets_on_the_web_print_as_formulas(congo_text):
    # {{< katex >}} loads KaTeX's auto-render for the page: the web shows a typeset formula
    _root, text = congo_text
    assert "f(a,b,c) = (a² + b² + c²)³" in text and "\\(" not in text and "^" not in text


def test_only_a_page_that_loads_katex_has_its_delimiters_read_as_math(tmp_path):
    body = ("Price \\\\(a^2\\\\) and $$x_1$$ here.\n\n`\\(code^2\\)`\n\n"
            "```\n\\[block^2\\]\n```\n")
    root = write_site(tmp_path / "site", {
        "content/_index.md": page_md("Home", body="Home.\n"),
        "content/a.md": page_md("With", 1, "{{< katex >}}\n\n" + body),
        "content/b.md": page_md("Without", 2, body),
    }, 'baseURL = "https://congo.example.org/"\ntitle = "Congo"\n')
    out = tmp_path / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())
    with_katex, without = text.split("Without")[-2], text.split("Without")[-1]
    assert "Price a² and x₁ here." in with_katex
    assert "\\(code^2\\)" in with_katex and "\\[block^2\\]" in with_katex  # code stays
    assert "Price \\(a^2\\) and $$x_1$$ here." in without


def test_check_finds_nothing_unknown_in_the_congo_site(congo_text, capsys):
    root, _ = congo_text
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--format", "json"]) == 0
    out = capsys.readouterr().out
    for code in ("unknown-shortcode", "shortcode-template", "missing-image"):
        assert f'"{code}"' not in out, code


_KEYS = ["href", "target", "download", "src", "alt", "caption", "class", "nozoom", "default",
         "align", "icon", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "#fff", "#zz", "github", "https://x.org",
                                     "abstract.jpg", "center"]), st.text(max_size=12))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(CONGO_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=3),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    prints_cleanly(site, shortcode_call(name, named, positional, inner, markdown))
