"""Hugo Book's shortcodes and front matter in print: each shortcode on a small page of its
own (the old and the new ways the theme's example site writes them), one small site built to
a PDF for the page order and the hidden pages, and odd parameters for every template."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main
from manualgen.errors import ManualgenError
from manualgen.shortcodes import list_items

from .conftest import HUGO_TOML, write_site
from .conftest import page as page_md
from .test_convert import Site, squeeze

BOOK_TEMPLATES = ["hint", "columns", "tabs", "tab", "details", "expand", "button", "katex",
                  "mermaid", "section", "badge", "card", "image", "asciinema", "steps", "html",
                  "i18n"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def no_unknown(site: Site) -> None:
    assert not [f for f in site.findings if f.code == "unknown-shortcode"], list(site.findings)


def test_hints_print_as_alerts_of_their_kind_with_a_label(site):
    html = squeeze(site.render("{{% hint info %}}\n**Requirement**  \nHugo *extended*.\n{{% /hint %}}"))
    assert html.startswith('<aside class="alert alert-info hint" role="note"><p class="alert-label '
                           'mg-label">Information</p><div class="alert-body"><p><strong>Requirement'
                           "</strong><br>")
    assert "<em>extended</em>" in html
    assert 'class="alert alert-danger hint"' in site.render("{{< hint danger >}}Gone{{< /hint >}}")
    assert 'class="alert alert-success hint"' in site.render("{{% hint success %}}Ok{{% /hint %}}")
    plain = site.render("{{% hint %}}No kind{{% /hint %}}")
    assert "alert-primary" in plain and ">Hinweis<" in plain
    no_unknown(site)


def test_columns_split_at_the_separator_print_side_by_side_as_markdown(site):
    html = squeeze(site.render("{{< columns >}}\n## Left\nOne **a**\n\n<--->\n\n## Mid\nTwo\n"
                               "<--->\n## Right\nThree\n{{< /columns >}}"))
    assert html.count('<div class="column-layout">') == 3
    assert html.index(">Left<") < html.index(">Mid<") < html.index(">Right<")
    assert "<p>One <strong>a</strong></p>" in html and "<--->" not in html and "&lt;" not in html


def test_columns_of_a_list_print_one_column_per_item_in_the_given_ratio(site):
    source = ('{{% columns ratio="1:2" %}}\n- ### Sidebar\n  Narrow *text*.\n\n  ```sh\n  run it\n'
              "  ```\n\n- ### Content\n  Wide text.\n{{% /columns %}}")
    html = squeeze(site.render(source))
    assert '<div class="column-layout" data-width="33.3"><h3 id="sidebar">Sidebar</h3>' in html
    assert '<div class="column-layout" data-width="66.7"><h3 id="content">Content</h3>' in html
    assert "<p>Narrow <em>text</em>.</p>" in html and "run it" in html
    assert "<ul>" not in html


def test_list_items_are_split_at_their_markers_without_their_indentation():
    assert list_items("- ### A\n  one\n\n  ```\n  code\n  ```\n* B\n1. C\n   three") == [
        "### A\none\n\n```\ncode\n```", "B", "C\nthree"]
    assert list_items("  - indented list\n  - is one too") == ["indented list", "is one too"]
    assert list_items("Text first\n- then a list") is None
    assert list_items("") is None and list_items("-") == [""]


def test_columns_of_plain_text_print_it_as_written(site):
    html = squeeze(site.render("{{% columns %}}\nJust *one* paragraph.\n{{% /columns %}}"))
    assert html == '<div class="mg-columns"><p>Just <em>one</em> paragraph.</p></div>'


def test_every_tab_prints_under_its_name_new_and_legacy_forms(site):
    new = squeeze(site.render('{{< tabs >}}\n{{% tab "macOS" %}}\n```shell\nbrew install hugo\n```\n'
                              '{{% /tab %}}\n{{% tab "Linux" %}}\n**snap**\n{{% /tab %}}\n{{< /tabs >}}'))
    assert new.index(">macOS<") < new.index("brew install hugo") < new.index(">Linux<")
    assert "<strong>snap</strong>" in new
    legacy = squeeze(site.render('{{< tabs "uniqueid" >}}\n{{< tab "MacOS" >}}\n# MacOS\n\nThis is **it**.'
                                 '\n{{< /tab >}}\n{{< tab "Windows" >}}Win{{< /tab >}}\n{{< /tabs >}}'))
    assert legacy.count('class="tab-title"') == 2
    assert "<h1" in legacy and "<strong>it</strong>" in legacy and ">Windows<" in legacy
    assert not site.findings.warnings


def test_details_take_the_title_first_and_expand_prints_open(site):
    html = squeeze(site.render('{{% details "Which version?" %}}\nHugo **0.146**.\n{{% /details %}}'))
    assert html.startswith("<details open><summary>Which version?</summary>")
    assert "<strong>0.146</strong>" in html
    named = site.render('{{% details title="Named" open=true %}}x{{% /details %}}')
    assert "<summary>Named</summary>" in named
    default = squeeze(site.render("{{< expand >}}\n## Hidden\nText\n{{< /expand >}}"))
    assert default.startswith('<details open class="mg-expand"><h2') and "Expand" not in default
    custom = site.render('{{< expand "Custom Label" "..." >}}More{{< /expand >}}')
    assert "<summary>Custom Label</summary>" in custom and "..." not in custom
    no_unknown(site)


def test_buttons_print_their_words_as_links(site):
    html = site.render('{{<button href="https://github.com/x">}}Contribute{{</button>}} '
                       '{{< button relref="/docs/pages" >}}Front matter{{< /button >}}')
    assert '<span class="mg-button"><a href="https://github.com/x">Contribute</a></span>' in html
    assert '<span class="mg-button"><a href="/docs/pages">Front matter</a></span>' in html
    assert site.render('{{< button href="/" >}}{{< /button >}}').count(">/</a>") == 1


def test_katex_and_mermaid_keep_their_source_visible(site):
    display = site.render("{{< katex display=true >}}\nf(x) = \\int x\n{{< /katex >}}")
    assert '<div class="math display">f(x) = \\int x</div>' in display
    inline = site.render("Inline {{< katex >}}\\pi(x){{< /katex >}} here.")
    assert '<span class="math">\\pi(x)</span>' in inline
    # a bare call loads the script: only the mark render.py reads (the page's \( \) print as math)
    assert site.render("{{< katex />}}") == '<span class="mg-katex-auto-render"></span>'
    mermaid = site.render('{{< mermaid class="x" >}}\ngraph LR\n  A --> B\n{{< /mermaid >}}')
    assert 'class="language-mermaid"' in mermaid and "graph LR\n  A --&gt; B" in mermaid
    no_unknown(site)


def test_badges_cards_images_and_casts_keep_their_words(site):
    assert '<span class="mg-badge">Hugo · 0.158</span>' in site.render(
        '{{< badge style="info" title="Hugo" value="0.158" >}}')
    assert '<span class="mg-badge">Default</span>' in site.render('{{< badge value="Default" >}}')
    card = squeeze(site.render('{{< card image="pic.svg" href="/docs/x" >}}\n  ### With Image\n'
                               "  Text.\n  {{< /card >}}"))
    assert '<img src="pic.svg" alt="" />' in card and '<h3 id="with-image">With Image</h3>' in card
    assert '<a href="/docs/x">/docs/x</a>' in card and "mgh" not in card
    image = site.render('{{< image src="shot.png" alt="Alt" title="The title" >}}')
    assert '<img src="shot.png" alt="Alt" />' in image and "The title" in image
    cast = site.render('{{< asciinema\n  cast="demo.cast"\n  loop=true >}}')
    assert '<span class="media-kind">Asciinema</span> demo.cast' in cast
    no_unknown(site)


def test_steps_of_an_ordered_list_keep_their_numbers(site):
    html = squeeze(site.render("{{% steps %}}\n1. ## Create\n   Run `hugo`.\n\n2. ## Deploy\n   Done.\n"
                               "{{% /steps %}}"))
    assert html.startswith('<div class="mg-steps"><ol><li>')
    assert html.index("Create") < html.index("<code>hugo</code>") < html.index("Deploy")


BOOK_TOML = HUGO_TOML.replace('defaultContentLanguage = "de"', 'defaultContentLanguage = "de"\n'
                              "[markup.goldmark.parser.attribute]\ntitle = true")


def test_html_writes_its_content_as_it_is_and_i18n_the_sites_translation(tmp_path):
    site = Site(tmp_path, {"i18n/de.toml": '[Next]\nother = "Weiter"\n'})
    assert site.render('{{< html >}}<p class="x">Raw <b>HTML</b></p>{{< /html >}}') == (
        '<p class="x">Raw <b>HTML</b></p>')
    assert site.render('Go {{< i18n "Next" >}}.') == "<p>Go Weiter.</p>"
    assert site.render('Go {{< i18n "Missing" >}}.') == "<p>Go Missing.</p>"
    assert not site.findings.warnings

@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory):
    """A Book site: flat and collapsed sections, pages hidden from the menu (at the top of
    the front matter and under params), a section shortcode listing its pages."""
    root = tmp_path_factory.mktemp("book")
    write_site(root, {
        "content/de/_index.md": page_md("Start", body="Willkommen.\n"),
        "content/de/docs/_index.md": page_md("Docs", 1, "{{< section summary >}}\n"),
        "content/de/docs/zeta.md": page_md("Zeta", 1, "ZETA-TEXT\n", description="Zeta desc"),
        "content/de/docs/alpha.md": page_md("Alpha", 2, "## Head\n\nAlpha *first* words.\n\nALPHA-TEXT\n"),
        "content/de/docs/flat/_index.md": page_md("Flat", 3, "Flat intro.\n\nFLAT-TEXT\n", bookFlatSection="true",
                                                  bookCollapseSection="true"),
        "content/de/docs/flat/inner.md": page_md("Inner", None, "INNER-TEXT\n", bookToc="false"),
        "content/de/docs/hidden.md": page_md("Hidden", 4, "HIDDEN-TEXT\n", bookHidden="true"),
        "content/de/docs/secret/_index.md": "---\ntitle: Secret\nparams:\n  bookHidden: true\n---\n",
        "content/de/docs/secret/below.md": page_md("Below", 1, "BELOW-TEXT\n"),
    }, BOOK_TOML)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return root, "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)


def test_book_pages_print_in_hugo_order_and_hidden_ones_are_left_out(book_pdf):
    _root, text = book_pdf
    order = [text.index(w) for w in ("ZETA-TEXT", "ALPHA-TEXT", "FLAT-TEXT", "INNER-TEXT")]
    assert order == sorted(order)
    for word in ("HIDDEN-TEXT", "BELOW-TEXT", "{{<", "{{%"):
        assert word not in text, word
    listing = text[:text.index("ZETA-TEXT")]
    assert re.search(r"Zeta.*\n?.*Zeta desc", listing)
    assert re.search(r"Alpha.*\n?.*Alpha first words", listing)


def test_check_notes_the_hidden_pages_it_leaves_out(book_pdf, capsys):
    root, _ = book_pdf
    main(["check", "--site", str(root), "--lang", "de", "--format", "json"])
    out = capsys.readouterr().out
    assert out.count('"not-printed"') == 2 and "bookHidden" in out
    assert '"unknown-shortcode"' not in out


def render_or_refuse(site: Site, source: str) -> str:
    """The page's HTML, or "" when manualgen refuses the page with a finding of its own
    (a tab left open is an unclosed-shortcode error): never any other exception."""
    try:
        return site.render(source)
    except ManualgenError as exc:
        assert exc.code in ("unclosed-shortcode", "bad-shortcode"), exc
        return ""


ODD_CALLS = [
    "{{{{< {name} >}}}}", "{{{{< {name} >}}}}{{{{< /{name} >}}}}", '{{{{< {name} "" >}}}}x{{{{< /{name} >}}}}',
    '{{{{< {name} "a" "b" "c" "d" >}}}}x{{{{< /{name} >}}}}', '{{{{< {name} nope="?" >}}}}x{{{{< /{name} >}}}}',
    '{{{{% {name} ratio="x:0:-1" size="huge" display=false %}}}}\n- a\n<--->\n{{{{% /{name} %}}}}',
    '{{{{< {name} href="" relref="" src="" cast="" title="" value="" >}}}}{{{{< /{name} >}}}}',
    "{{{{% {name} %}}}}\n\n\n{{{{% /{name} %}}}}",
]


@pytest.mark.parametrize("name", BOOK_TEMPLATES)
@pytest.mark.parametrize("call", ODD_CALLS)
def test_odd_parameters_never_break_a_template(tmp_path, name, call):
    site = Site(tmp_path)
    html = render_or_refuse(site, call.format(name=name))
    assert "{{<" not in html and "{{%" not in html
    assert not [f for f in site.findings if f.code == "shortcode-template"], list(site.findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(BOOK_TEMPLATES),
       key=st.sampled_from(["", "title", "href", "ratio", "display", "src", "value", "open", "class"]),
       value=st.text(st.characters(blacklist_characters='"\\', blacklist_categories=("Cs",)), max_size=12),
       inner=st.text(max_size=30).filter(lambda t: "{{" not in t and "}}" not in t))
def test_fuzzed_parameters_never_break_a_template(tmp_path, name, key, value, inner):
    site = Site(tmp_path / "fuzz")
    param = f'{key}="{value}"' if key else f'"{value}"'
    render_or_refuse(site, f"{{{{< {name} {param} >}}}}{inner}{{{{< /{name} >}}}}")
    assert not [f for f in site.findings if f.code == "shortcode-template"], list(site.findings)
