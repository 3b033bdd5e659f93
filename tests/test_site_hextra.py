"""A site in the shape of the Hextra theme's documentation (tests/hextra_site.py): four
languages translated by file name, Japanese and Chinese in their own fonts and Persian right
to left, print whole and as their web pages read: each language's pages in Hugo's order and
only its own, Hextra's shortcodes as the theme renders them (hero words and button, callouts
by type, cards as page references, numbered steps, every tab, details open, file trees,
GitHub alerts), no markup left over, and the writers' mistakes named with file and line
(an unclosed shortcode too, as Hugo refuses it)."""

from __future__ import annotations

import re
import textwrap

import pytest

from manualgen.cli import main

from .conftest import (
    body_text,
    bookmark_titles,
    build_test_site,
    check_findings,
    drawn_by_installed_fonts,
    page,
    printed_pages,
    write_site,
)
from .hextra_site import FILES, TITLES, write_hextra_site

LANGS = ("en", "fa", "ja", "zh-cn")


@pytest.fixture(scope="module")
def hextra_build(tmp_path_factory) -> tuple:
    """The exit status and the output of `build --all`, and where the PDFs are."""
    return build_test_site(write_hextra_site, tmp_path_factory.mktemp("hextra"))


@pytest.fixture(scope="module")
def hextra_pdfs(hextra_build) -> dict[str, str]:
    """The text of each language's pages without running heads and feet, white space made
    single spaces."""
    status, said, out = hextra_build
    assert status == 0, said
    return {lang: body_text(out / f"hexa-{lang}.pdf") for lang in LANGS}


@pytest.fixture(scope="module")
def hextra_check(tmp_path_factory) -> list[dict]:
    return check_findings(write_hextra_site(tmp_path_factory.mktemp("hextra") / "site"))


def line_of(path: str, needle: str) -> int:
    text = textwrap.dedent(FILES[path]).lstrip("\n")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_each_language_prints_its_own_pages_in_hugos_order(hextra_build, hextra_check):
    _status, _said, out = hextra_build
    for lang in LANGS:
        expected = [t for t in TITLES[lang] if t != "بلاگ"]
        # (after the contents and the home page)
        assert bookmark_titles(out / f"hexa-{lang}.pdf")[2:] == expected, lang
    # Persian's blog page has no text and no posts: web-only, and check says so
    (empty,) = [f for f in hextra_check if f["code"] == "not-printed" and f["lang"] == "fa"]
    assert empty["file"].endswith("content/blog/_index.fa.md")


def test_no_shortcode_markup_html_tag_or_markdown_reaches_paper(hextra_pdfs):
    for lang, text in hextra_pdfs.items():
        assert "{{" not in text and "}}" not in text, lang
        assert "**" not in text and "](" not in text and "&nbsp;" not in text, lang
        assert not re.search(r"</?(div|span|img|a|p)\b|\[!\w+\]", text), lang


def test_each_language_prints_its_own_words(hextra_pdfs):
    assert "Hexa はボランティアが書いています。" in hextra_pdfs["ja"]
    assert "Hexa 由志愿者编写。" in hextra_pdfs["zh-cn"]
    # the zero-width non-joiner of "نوشته‌اند" is in the PDF's text too (glyph_text.joiners_drawn)
    assert "Hexa را داوطلبان نوشته\u200cاند." in hextra_pdfs["fa"]
    assert "volunteers" not in hextra_pdfs["ja"] + hextra_pdfs["zh-cn"] + hextra_pdfs["fa"]


def test_cjk_and_persian_text_is_drawn_by_a_font(hextra_build):
    _status, _said, out = hextra_build
    for lang, sample in (("ja", "概要"), ("zh-cn", "关于"), ("fa", "درباره")):
        if not drawn_by_installed_fonts(sample):
            pytest.skip("no installed font draws CJK or Arabic script")
        chars = [c for *_size, _text, page in printed_pages(out / f"hexa-{lang}.pdf")
                 for c, left, _bottom, right, _top in page if c in sample and right > left]
        assert chars, lang


def test_the_home_page_prints_its_hero_words_and_its_button_as_a_page_reference(hextra_pdfs):
    assert ("Set up in minutes Docs that build themselves A fast theme for documentation "
            "sites. Get started (see page") in hextra_pdfs["en"]
    assert "Quick to load Pages are plain HTML with little script." in hextra_pdfs["en"]
    assert "はじめる (→" in hextra_pdfs["ja"]


def test_callouts_and_github_alerts_print_as_labelled_notes(hextra_pdfs):
    en = hextra_pdfs["en"]
    assert "Hexa is still young. Found a problem? Open an issue (https://github.com/example/hexa/issues)!" in en
    assert "NOTE A default callout. WARNING A warning. CAUTION Something went wrong." in en
    for label, words in (("TIP", "Put a page’s pictures beside it"),
                         ("WARNING", "Raw HTML needs markup.goldmark.renderer.unsafe.")):
        assert f"{label} {words}" in en
    assert "翻訳はファイル名で区別します（page.ja.md）。" in hextra_pdfs["ja"]
    assert "中文与 English 混排时无需加空格。" in hextra_pdfs["zh-cn"]


def test_cards_link_to_the_pages_they_name_relative_to_the_page(hextra_pdfs):
    en = hextra_pdfs["en"]
    assert "Getting Started (see page" in en and "Build your first site with Hexa" in en
    assert "Organize Files (see page" in en and "Markdown (see page" in en
    assert "Shortcodes (see page" in en and " new " in en  # the card's tag


def test_steps_tabs_details_and_file_trees_print_as_on_the_web(hextra_pdfs):
    en = hextra_pdfs["en"]
    assert ("1. Create the site hugo new site my-site --format=yaml 2. Add the theme Edit "
            "hugo.yaml:") in en and "3. Preview hugo server --buildDrafts" in en
    assert "How do I update the theme? Run hugo mod get -u in the site’s folder." in en
    assert ("JSON JSON: JavaScript Object Notation YAML hello: world TOML TOML: Tom’s Obvious "
            "Markup Language") in en
    assert "content/ _index.md docs/ _index.md getting-started.md hugo.yaml" in en
    assert "如何更新主题？ 在终端中运行 hugo mod get -u。" in hextra_pdfs["zh-cn"]


def test_markdown_extensions_as_goldmark_renders_them(hextra_pdfs):
    en = hextra_pdfs["en"]
    assert "Hexa renders bold, italic, struck and code text." in en
    assert "*a* a" in en and "Write the page" in en and "~~" not in en


def test_check_names_each_writers_mistake_with_file_and_line(hextra_check):
    def found(code: str) -> list[tuple]:
        return sorted((f["lang"], f["file"].split("site/")[-1], f["line"])
                      for f in hextra_check if f["code"] == code)

    ja_start = "content/docs/getting-started.ja.md"
    assert found("broken-link") == [("ja", ja_start, line_of(ja_start, "deploy-site"))]
    en_start = "content/docs/getting-started.md"
    assert found("remote-image") == [("en", en_start, line_of(en_start, "<img"))]
    # steps headings (###) right under the title skip a level: said where
    assert found("heading-skipped") == [
        ("fa", "content/docs/getting-started.fa.md", 8),
        ("zh-cn", "content/docs/getting-started.zh-cn.md", 8)]
    assert not found("unknown-shortcode") and not [f for f in hextra_check if f["severity"] == "error"]
    if not drawn_by_installed_fonts("👋"):  # printed as "[waving hand sign]", with a note
        assert not found("missing-glyphs")
        (emoji,) = found("glyph-stand-in")
        assert emoji[:2] == ("en", "content/docs/_index.md")


def test_an_unclosed_shortcode_of_the_themes_folder_is_an_error_at_its_line(tmp_path, capsys):
    # Hextra's own Chinese getting-started page once opened {{% steps %}} twice and closed
    # it once; Hugo refuses the page ('shortcode "steps" must be closed or self-closed',
    # because the theme's template reads .Inner), and so must the manual
    root = write_hextra_site(tmp_path / "site")
    (root / "hugo.yaml").write_text(FILES["hugo.yaml"] + "theme: hexa-theme\n", encoding="utf-8")
    steps = root / "themes/hexa-theme/layouts/shortcodes/steps.html"
    steps.parent.mkdir(parents=True)
    steps.write_text('<div class="steps">{{ .Inner | markdownify }}</div>\n', encoding="utf-8")
    page = root / "content/docs/getting-started.zh-cn.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("### 初始化站点", "### 初始化站点\n\n{{% steps %}}", 1), encoding="utf-8")
    status = main(["build", "--site", str(root), "--lang", "zh-cn", "--out", str(tmp_path / "out"),
                   "--no-cache", "-q"])
    said = capsys.readouterr()
    assert status == 1 and not (tmp_path / "out" / "hexa-zh-cn.pdf").exists()
    line = text.splitlines().index("{{% steps %}}") + 1
    assert (f'content/docs/getting-started.zh-cn.md:{line}: error: unclosed shortcode "steps"'
            in said.out + said.err)


@pytest.mark.parametrize("template, call, problem", [
    # a template that reads .Inner (or .InnerDeindent) must be closed or self-closed
    ("<aside>{{ .InnerDeindent }}</aside>", "{{< box >}}\n\nText.\n", 'unclosed shortcode "box"'),
    # one that does not must not be closed ("does not evaluate .Inner …, yet a closing tag
    # was provided", Hugo 0.149)
    ("<hr>", "{{< box >}}Text.{{< /box >}}", 'shortcode "box" does not take a closing tag'),
    # …a Go comment naming .Inner is no reading of it (Hugo 0.149 refuses the closing tag),
    # nor is a partial's: Hugo looks at the shortcode's own template only
    ("{{/* .Inner is not read */}}<hr>", "{{< box >}}Text.{{< /box >}}",
     'shortcode "box" does not take a closing tag'),
    # …nor are words outside an action, a string, or a parameter named Inner
    ('<!-- .Inner --><p title="{{ .Get 0 }}">{{ warnf "needs .Inner" }}{{ .Params.Inner }}</p>',
     "{{< box >}}Text.{{< /box >}}", 'shortcode "box" does not take a closing tag'),
    # …and the reading counts whatever the call's letter case ({{< Box >}} finds box.html)
    ("<aside>{{ $.Inner }}</aside>", "{{< Box >}}\n\nText.\n", 'unclosed shortcode "Box"'),
])
def test_the_sites_own_hugo_template_says_whether_a_shortcode_is_closed(tmp_path, template, call,
                                                                          problem):
    root = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, "Intro.\n\n" + call + "\n\nAfter.\n"),
        "layouts/shortcodes/box.html": template,
    })
    (finding,) = [f for f in check_findings(root) if f["severity"] == "error"]
    assert finding["message"] == problem and finding["line"] == 7  # the call, after the title and "Intro."
    assert finding["file"].endswith("content/de/a.md")


def test_a_self_closed_call_and_a_closed_one_print_whatever_the_template_reads(tmp_path):
    root = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, "{{< box />}}\n\n{{% box %}}Text.{{% /box %}}\n"),
        "layouts/shortcodes/box.html": "<aside>{{ .Inner }}</aside>",
    })
    assert not [f for f in check_findings(root) if f["severity"] == "error"]


def test_a_blog_post_prints_its_authors_and_date_under_its_title(hextra_pdfs):
    # Hextra's blog shows them there; authors are tables with a name (and a link, a picture)
    assert "Hexa v0.3 Ada, Lin · 2025-02-01 Version 0.3 adds tabs and steps." in hextra_pdfs["en"]
    assert "Hexa v0.3 2025/02/01 バージョン 0.3" in hextra_pdfs["ja"]
    assert "About Hexa is written by volunteers." in hextra_pdfs["en"]  # no post: no line


def test_the_closing_rule_comes_from_the_shortcodes_own_template_whatever_the_order(tmp_path):
    """``img.caption.html`` is the template of a shortcode "img.caption", not of "img"; and
    the answer for "Alert" and "alert" is the same, in whichever order they come."""
    for calls in ('{{< Alert "one" >}}\n\n{{< alert "two" >}}', '{{< alert "two" >}}\n\n{{< Alert "one" >}}'):
        root = write_site(tmp_path / f"site{len(calls)}{calls[4]}", {
            "content/de/_index.md": page("Start"),
            "content/de/a.md": page("A", 1, calls + '\n\n{{< img "a.png" >}}\n'),
            "layouts/shortcodes/alert.html": "<p>{{ .Get 0 }}</p>",
            "layouts/shortcodes/img.html": "<img src=\"{{ .Get 0 }}\">",
            "layouts/shortcodes/img.caption.html": "<figcaption>{{ .Inner }}</figcaption>",
        })
        assert not [f for f in check_findings(root) if f["severity"] == "error"], calls


def test_a_theme_outside_the_site_is_not_read(tmp_path):
    # an exampleSite names its theme ../.. away: a build reads nothing outside the site
    outside = tmp_path / "outside" / "t" / "layouts" / "shortcodes"
    outside.mkdir(parents=True)
    (outside / "box.html").write_text("<aside>{{ .Inner }}</aside>", encoding="utf-8")
    root = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, "{{< box >}}\n"),
    })
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text(encoding="utf-8").replace(
        'title = "Test manual"', f'title = "Test manual"\ntheme = "t"\nthemesDir = "{tmp_path / "outside"}"'),
        encoding="utf-8")
    assert not [f for f in check_findings(root) if f["severity"] == "error"]


def test_the_hugo_templates_of_shortcodes_are_inputs_of_the_cache_and_watch(tmp_path):
    # whether a call must be closed comes from them: an edit must rebuild, not reuse the PDF
    from manualgen.cache import language_inputs
    from manualgen.config import load_settings

    root = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "layouts/shortcodes/box.html": "<aside>{{ .Inner }}</aside>",
        "themes/t/layouts/_shortcodes/card.html": "<div>{{ .Get 0 }}</div>",
    })
    (root / "hugo.toml").write_text((root / "hugo.toml").read_text(encoding="utf-8").replace(
        'title = "Test manual"', 'title = "Test manual"\ntheme = "t"'), encoding="utf-8")
    inputs = language_inputs(load_settings(root), "de")
    assert root / "layouts/shortcodes/box.html" in inputs
    assert root / "themes/t/layouts/_shortcodes/card.html" in inputs


def test_an_author_written_as_yes_or_true_is_no_name():
    from types import SimpleNamespace

    from manualgen.assemble.document import _authors

    page = SimpleNamespace(meta={"authors": [True, "Ada", {"name": "Lin"}, 2024, False]})
    assert _authors(page) == ["Ada", "Lin", "2024"]  # YAML reads `yes` as true: it printed "True"


def test_an_author_written_in_markdown_prints_as_its_words():
    """Docsy shows ``author`` through markdownify: a link prints as its words, never as
    ``[A. Writer](https://…)``."""
    from types import SimpleNamespace

    from manualgen.assemble.document import _authors

    page = SimpleNamespace(meta={"author": "[A. Writer](https://github.com/awriter) (Example Org)"})
    assert _authors(page) == ["A. Writer (Example Org)"]
    page = SimpleNamespace(meta={"authors": ["**Ada**", "[](https://x.org)", "Lin"]})
    assert _authors(page) == ["Ada", "Lin"]
