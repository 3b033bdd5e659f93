"""Print forms of the Compose theme's shortcodes (onweru/compose), written as its example
site writes them: positional buttons, pictures and galleries, tips named by their kind,
tabs, notices, YouTube addresses and its layout blocks."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import page as page_md
from .conftest import png_bytes, write_site
from .test_convert import Site, squeeze
from .theme_calls import prints_cleanly, shortcode_call

COMPOSE_TEMPLATES = ["tip", "notice", "button", "tabs", "tab", "youtube", "picture", "gallery",
                     "block", "column", "center", "liteyoutube", "underline"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def test_a_tip_named_by_its_kind_prints_that_kind_and_relearns_title_still_works(site):
    warning = squeeze(site.render('{{< tip "warning" >}}\nBe __careful__\n{{< /tip >}}'))
    assert warning.startswith('<aside class="alert alert-warning relearn-box" role="note">'
                              '<p class="alert-label mg-label">Achtung</p>')
    assert "<strong>careful</strong>" in warning and ">warning<" not in warning
    plain = site.render("{{< tip >}}\nSomething of __interest__\n{{< /tip >}}")
    assert "alert-success" in plain and ">Tipp<" in plain
    relearn = site.render('{{% tip "Read this" %}}x{{% /tip %}}')
    assert '<p class="alert-title">Read this</p>' in relearn


def test_buttons_and_videos_keep_their_addresses(site):
    assert '<span class="mg-button"><a href="/docs/">doe nu mee</a></span>' in site.render(
        '{{< button "/docs/" "doe nu mee" >}}')
    assert '<a href="https://x.org/">Go</a>' in site.render('{{< button "https://x.org/" "Go" "button-big" >}}')
    for call in ('{{< youtube "25QyCxVkXwQ" >}}', '{{< youtube "https://www.youtube.com/watch?v=25QyCxVkXwQ" >}}'):
        assert site.render(call).count('href="https://www.youtube.com/watch?v=25QyCxVkXwQ"') == 1


def test_pictures_print_the_light_version_and_galleries_each_picture(site):
    picture = site.render('{{< picture "compose.svg" "compose-light.svg" "Compose Logo" >}}')
    assert '<img src="/docs/images/compose.svg" alt="Compose Logo" />' in picture and "light" not in picture
    gallery = squeeze(site.render('{{< gallery "images/a.jpg, images/b.jpg, images/c.jpg" "A:: B" >}}'))
    assert gallery == ('<figure class="mg-gallery"><img src="images/a.jpg" class="grid-w33" alt="A" />'
                       '<img src="images/b.jpg" class="grid-w33" alt="B" />'
                       '<img src="images/c.jpg" class="grid-w33" alt="" /></figure>')


def test_layout_blocks_and_tabs_print_their_content_in_order(site):
    html = squeeze(site.render('{{< block "grid-2" >}}\n{{< column "mt-2" >}}\n**Left**\n{{< /column >}}\n'
                               "{{< column >}}\nRight\n{{< /column >}}\n{{< /block >}}"))
    assert html.index("<strong>Left</strong>") < html.index("Right") and "grid-2" not in html
    tabs = squeeze(site.render('{{< tabs "tabgroupid" >}}\n{{< tab "macOS" >}}\nWith **brew**.\n{{< /tab >}}\n'
                               '{{< tab "Linux" >}}\nWith apt.\n{{< /tab >}}\n{{< /tabs >}}'))
    assert tabs.index(">macOS<") < tabs.index("<strong>brew</strong>") < tabs.index(">Linux<")


def test_liteyoutube_prints_where_to_watch_and_underline_its_rule_and_label(site):
    assert ('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in
            site.render('{{< liteyoutube videoid="dQw4w9WgXcQ" params="controls=0" >}}'))
    assert squeeze(site.render('{{< underline "Part two" >}}')) == '<hr /><p class="mg-rule-label">Part two</p>'
    assert squeeze(site.render("{{< underline >}}")) == "<hr />"
    assert not site.findings.warnings

@pytest.fixture(scope="module")
def compose_text(tmp_path_factory):
    root = tmp_path_factory.mktemp("compose")
    body = """\
        {{< tip "warning" >}}
        TIP-WARNING-WORDS
        {{< /tip >}}

        {{< button "https://example.com/join" "BUTTON-WORDS" >}}

        {{< gallery "images/a.png,images/b.png" "First::Second" >}}

        {{< tabs "tabgroupid" >}}
        {{< tab "TAB-MAC" >}}
        MAC-WORDS
        {{< /tab >}}
        {{< /tabs >}}

        {{< notice info "NOTICE-TITLE" >}}
        NOTICE-WORDS
        {{< /notice >}}
        """
    write_site(root, {"content/_index.md": page_md("Home", body="Home.\n"),
                      "content/docs/shortcodes.md": page_md("Shortcodes", 1, body),
                      "static/images/a.png": png_bytes(), "static/images/b.png": png_bytes()},
               'baseURL = "https://compose.example.org/"\ntitle = "Compose"\ntheme = "compose"\n')
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    reader = PdfReader(pdf)
    return root, " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split()), reader


def test_the_built_pdf_keeps_the_words_and_no_syntax(compose_text):
    _root, text, _reader = compose_text
    for words in ("TIP-WARNING-WORDS", "BUTTON-WORDS", "example.com/join", "TAB-MAC", "MAC-WORDS",
                  "NOTICE-TITLE", "NOTICE-WORDS"):
        assert words in text, words
    assert "{{<" not in text and "tabgroupid" not in text


def test_check_finds_both_gallery_pictures_and_no_unknown_shortcode(compose_text, capsys):
    root, _, _ = compose_text
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--format", "json"]) == 0
    out = capsys.readouterr().out
    for code in ("unknown-shortcode", "shortcode-template", "missing-image", "broken-link"):
        assert f'"{code}"' not in out, code


_KEYS = ["align", "title", "style", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "warning", "tip", "error", ",", "::", ", ,", "/", "..",
                                     "https://www.youtube.com/watch?v=x", "a.png"]), st.text(max_size=12))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(COMPOSE_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=2),
       positional=st.lists(_VALUES, max_size=4),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    prints_cleanly(site, shortcode_call(name, named, positional, inner, markdown))
