"""A site in the shape of Docsy's own user guide (tests/docsy_guide_site.py) prints whole and
as its web pages read: every page in Hugo's order and no other (not the bundle's includes),
the theme's shortcodes as Docsy renders them (tabs under their headers, cards with their
parts, readfile of Markdown and code, a picture with its byline, conditional text), the
escaped shortcode calls as written, and the writers' mistakes named with file and line."""

from __future__ import annotations

import re
import textwrap

import pytest

from .conftest import body_text, bookmark_titles, build_test_site, check_findings
from .docsy_guide_site import FILES, TITLES_IN_ORDER, write_docsy_guide_site

SHORTCODES_PAGE = "content/en/docs/adding-content/shortcodes/index.md"


@pytest.fixture(scope="module")
def guide_build(tmp_path_factory) -> tuple:
    """The exit status and the output of `build --all`, and where the PDF is."""
    return build_test_site(write_docsy_guide_site, tmp_path_factory.mktemp("docsy-guide"))


@pytest.fixture(scope="module")
def guide_pdf(guide_build) -> str:
    """The printed text of the English PDF, its white space made single spaces."""
    status, said, out = guide_build
    assert status == 0, said
    return body_text(out / "lattice-en.pdf")


@pytest.fixture(scope="module")
def guide_check(tmp_path_factory) -> list[dict]:
    return check_findings(write_docsy_guide_site(tmp_path_factory.mktemp("docsy-guide") / "site"))


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``needle`` in a page's text as written to the site."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_every_page_is_printed_once_in_hugos_order(guide_build):
    _status, _said, out = guide_build
    # the bundle's includes/installation.md is no page: readfile prints it inside the page
    assert bookmark_titles(out / "lattice-en.pdf") == ["Contents", "Lattice", *TITLES_IN_ORDER]


def test_no_shortcode_markup_html_tag_or_markdown_reaches_paper(guide_pdf):
    # the three calls escaped with /* */ print as written, and nothing else of the kind
    assert re.findall(r"\{\{[<%][^}]*\}\}", guide_pdf) == [
        "{{< tabpane >}}", "{{< alert >}}", "{{% alert %}}"]
    outside_code = guide_pdf.replace('"**spruce*.jpg"', "")
    assert "**" not in outside_code and "](" not in outside_code and "&nbsp;" not in outside_code
    assert not re.search(r"</?(b|i|div|a|p|small)\b", guide_pdf)


def test_the_landing_page_prints_its_blocks_words(guide_pdf):
    assert "Lattice: a theme for docs Read the docs (see page" in guide_pdf
    assert "Quick to start Copy the example site" in guide_pdf


def test_imgproc_prints_its_caption_and_the_byline_of_the_front_matters_resources(guide_pdf):
    assert "A spruce shoot with its new buds. Photo: A. Forester / CC-BY-SA" in guide_pdf


def test_tabpanes_print_every_tab_under_its_header(guide_pdf):
    assert ('Settings: toml [params] flavour = "plain" yaml params: flavour: plain '
            "Greetings: English Welcome! German Willkommen!") in guide_pdf


def test_cards_print_header_title_subtitle_content_and_footer(guide_pdf):
    assert ("Spruce *1901 †1990 Height: 30 m A tall tree of the north. Planted by the first "
            "warden Fir *1925 Height: 25 m Its needles are soft.") in guide_pdf
    assert 'Go package main func main() { println("hi") }' in guide_pdf


def test_readfile_prints_markdown_with_its_shortcodes_and_code_in_its_list_item(guide_pdf):
    assert ("how to install the tool: Installation Note Check that your system is supported "
            "first.") in guide_pdf
    assert ("Write a configuration file config.yaml: pipeline: name: nightly steps: [fetch, "
            "build] Apply it with lattice apply config.yaml.") in guide_pdf


def test_conditional_text_follows_the_sites_build_condition(guide_pdf):
    assert "only in the web build" in guide_pdf and "only in the print build" not in guide_pdf


def test_embedded_pages_print_their_addresses(guide_pdf):
    assert "OPENAPI /openapi/petshop.yaml (https://lattice.example.org/openapi/petshop.yaml)" in guide_pdf
    assert "https://status.example.com/lattice/" in guide_pdf


def test_blog_posts_in_year_folders_belong_to_the_blog(guide_pdf):
    assert "2 Lattice Blog 2.1 A year of Lattice" in guide_pdf and "3 About Lattice" in guide_pdf


def test_blog_posts_print_their_author_and_date_as_docsys_blog_shows_them(guide_pdf):
    assert "A year of Lattice 2025-01-20 Looking back" in guide_pdf
    assert "Lattice 0.3 The Lattice team · 2024-03-02 Version 0.3 brings" in guide_pdf


def test_check_names_the_writers_mistakes_with_file_and_line(guide_check):
    mistakes = sorted((f["code"], f["file"].split("site/")[-1], f["line"])
                      for f in guide_check if f["severity"] != "info")
    content = textwrap.dedent(FILES["content/en/docs/adding-content/content.md"]).lstrip("\n")
    assert mistakes == [
        ("broken-link", "content/en/docs/adding-content/content.md",
         line_of(content, "[layouts]")),
        ("missing-include", SHORTCODES_PAGE,
         line_of(FILES[SHORTCODES_PAGE], "includes/deploy.yaml")),
        # the site names its theme, as Docsy's guide does, without its themes/docsy folder
        # (a checkout without the submodule): Hugo stops, manualgen prints with its own
        ("theme-missing", "hugo.yaml", 4),
    ]
