"""A site in the shape of Hugo's own documentation (tests/hugodocs_site.py) prints as its web
pages read: snippets of the headless _common folder included in place (front matter left
out, shortcodes rendered), the glossary built from term pages that are never rendered on
their own, [term](g) links to its entries, code-toggle's TOML, the new-in and deprecated-in
callouts, tables and addresses from data files, and a clear word about a content adapter."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re

import pypdfium2 as pdfium
import pytest

from manualgen.cli import main
from manualgen.errors import WARNING, Finding
from manualgen.report import repeats_missing_glyphs

from .conftest import build_test_site, check_findings, page, without_name_spans, write_site
from .hugodocs_site import write_hugodocs_site


@pytest.fixture(scope="module")
def hugodocs_check(tmp_path_factory) -> list[dict]:
    """The findings of `check --all` on the site."""
    return check_findings(write_hugodocs_site(tmp_path_factory.mktemp("hugodocs") / "site"))


@pytest.fixture(scope="module")
def hugodocs_build(tmp_path_factory) -> tuple:
    """The exit status and the output of `build --all`, and where the PDFs are."""
    return build_test_site(write_hugodocs_site, tmp_path_factory.mktemp("hugodocs"))


@pytest.fixture(scope="module")
def hugodocs_pdfs(hugodocs_build) -> dict[str, str]:
    """The text of each language's PDF, its white space made single spaces."""
    status, said, out = hugodocs_build
    assert status == 0, said
    texts = {}
    for lang in ("en", "fr"):
        pdf = pdfium.PdfDocument(out / f"quill-{lang}.pdf")
        words = " ".join(page.get_textpage().get_text_range() for page in pdf)
        texts[lang] = " ".join(words.replace("\ufffe", "").split())
        pdf.close()
    return texts


@pytest.fixture(scope="module")
def hugodocs_html(hugodocs_build) -> dict[str, str]:
    _status, _said, out = hugodocs_build
    return {lang: without_name_spans((out / f"quill-{lang}.html").read_text(encoding="utf-8"))
            for lang in ("en", "fr")}


def codes(findings: list[dict], code: str) -> list[dict]:
    return [f for f in findings if f["code"] == code]


def test_no_shortcode_tag_front_matter_or_unknown_shortcode_reaches_paper(hugodocs_check,
                                                                          hugodocs_pdfs):
    for text in hugodocs_pdfs.values():
        assert "{{<" not in text and "{{%" not in text  # Go templates in code blocks do stay
        assert "_comment" not in text and "Keep this front matter" not in text
    # newtemplatesystem's words live in its Go template alone, which is simple enough to run
    # (a string piped to $.Page.RenderString): no shortcode is unknown
    assert not codes(hugodocs_check, "unknown-shortcode")
    assert "The template system changed in v0.50.0; see the overview" in hugodocs_pdfs["en"]


def test_included_snippets_print_in_place_with_their_shortcodes(hugodocs_pdfs):
    en = hugodocs_pdfs["en"]
    # with and without ".md"; the badge inside the snippet is rendered
    assert "Quill comes in two editions" in en and "New in v0.40.0" in en
    assert "Some features need other programs" in en
    assert "Keep the public folder out of version control" in en
    fr = hugodocs_pdfs["fr"]
    assert "Quill existe en deux éditions" in fr and "Prérequis" in fr
    assert "Quill comes in two editions" not in fr


def test_the_headless_folder_is_no_page_and_is_noted_once(hugodocs_check):
    about_common = [f for f in hugodocs_check if "_common" in (f["file"] or "")]
    assert [(f["code"], f["lang"]) for f in about_common] == [("not-printed", "en"), ("not-printed", "fr")]
    assert all(f["file"].endswith("_common/_index.md") and "pages below it" in f["message"]
               for f in about_common)


def test_the_glossary_prints_its_terms_and_term_links_lead_there(hugodocs_check, hugodocs_html,
                                                                 hugodocs_pdfs):
    assert not codes(hugodocs_check, "broken-link") and not codes(hugodocs_check, "missing-anchor")
    html = hugodocs_html["en"]
    assert '<dt id="p-quick-reference-glossary--page-bundle">page bundle</dt>' in html
    # [media types](g): the singular's entry; [page bundle](g) inside a term's own text
    assert re.search(r'<a href="#p-quick-reference-glossary--media-type"[^>]*>media types</a>', html)
    assert re.search(r'<a href="#p-quick-reference-glossary--page-bundle"[^>]*>page bundle</a>', html)
    assert re.search(r'<a href="#p-quick-reference-glossary--site"[^>]*>site</a>',
                     hugodocs_html["fr"])
    notes = [f for f in codes(hugodocs_check, "not-printed") if "glossary" in f["file"]]
    assert len(notes) == 2 and "the 8 pages below it" in notes[0]["message"]
    # glossary-term prints the term's text in the page
    assert "Sort order The order of a list of pages when nothing else is said" in hugodocs_pdfs["en"]


def test_code_toggle_prints_the_toml_tab_as_hugo_writes_it(hugodocs_pdfs):
    en = hugodocs_pdfs["en"]
    assert "hugo.toml [build] cacheResources = 'fallback' writeStats = false" in en  # data/docs
    assert "quill.toml [build] cacheResources = 'always' writeStats = true" in en
    # front matter: keys sorted, between +++ lines, under the file's own name
    assert "content/example.md +++ draft = false title = 'Example' weight = 5 +++" in en


def test_callouts_tables_and_addresses_from_the_sites_data(hugodocs_pdfs, hugodocs_html):
    en = hugodocs_pdfs["en"]
    # the site's own callout templates are run (strings.TrimLeft, RenderString): their
    # words, with the release notes' address printed after the version
    assert "New in v0.30.0 (https://example.org/releases/v0.30.0) Builds now report how long" in en
    assert "Deprecated in v0.45.0 (https://example.org/releases/v0.45.0) Use cacheResources" in en
    assert "text/html [html htm]" in en
    assert 'href="https://github.com/example/quill/blob/main/embedded/_markup/render-link.html"' in (
        hugodocs_html["en"])
    assert 'The description of this page reads: “Returns a string made of copies of the input.”' in en


def test_page_lists_follow_the_sections_and_the_filter(hugodocs_html):
    html = hugodocs_html["en"]
    strings = html[html.index("except for trimming"):html.index('<article class="page" id="p-functions-strings-repeat"')]
    assert "strings.Repeat" in strings and "strings.Truncate" in strings
    assert "strings.TrimSpace" not in strings  # data/page_filters leaves it out
    reference = html[html.index('id="p-quick-reference-functions"'):]
    assert re.search(r"<h\d[^>]*>strings</h\d>", reference)
    assert reference.index("strings.Repeat") < reference.index("strings.TrimSpace")


def test_a_code_blocks_file_attribute_is_its_caption(hugodocs_html):
    assert '<div class="code-filename">install.sh</div>' in hugodocs_html["en"]


def test_a_content_adapter_is_a_warning_at_its_file(hugodocs_check, hugodocs_build):
    adapters = codes(hugodocs_check, "content-adapter")
    assert len(adapters) == 1 and adapters[0]["file"].endswith("showcase/_content.gotmpl")
    assert adapters[0]["severity"] == "warning" and "does not run Go templates" in adapters[0]["message"]
    status, said, _out = hugodocs_build
    assert status == 0 and "content-adapter" in said


def test_a_functions_signatures_from_front_matter_print_under_its_title(hugodocs_pdfs):
    en = hugodocs_pdfs["en"]
    assert ("strings.Truncate Shortens a string to a length without cutting a word in half. "
            "Syntax strings.Truncate SIZE [ELLIPSIS] INPUT Returns template.HTML Alias truncate") in en
    assert "Syntax strings.Truncate SIZE [ELLIPSIS] INPUT" in hugodocs_pdfs["fr"]


def test_a_table_of_the_pages_of_a_section(hugodocs_html):
    html = hugodocs_html["en"]
    table = html[html.index("The string functions:"):html.index('<section class="section" id="p-functions-strings"')]
    assert "<th" in table and ">Function</th>" in table and ">Description</th>" in table
    assert re.search(r'<a href="#p-functions-strings-trimspace"[^>]*><code>strings.TrimSpace</code></a>', table)
    assert "Removes the white space at both ends of a string." in table


def test_weasyprints_notdef_word_is_left_out_when_missing_glyphs_names_the_character():
    # the site's :x: emoji had two warnings when no font drew it: one is enough
    glyphs = Finding(WARNING, "missing-glyphs", "no installed font has 1 character of the "
                     '"en" manual, which print as empty boxes: ❌ (U+274C CROSS MARK)',
                     "content/en/a.md", 8, None, "en")
    notdef = Finding(WARNING, "css", ".notdef glyph rendered for Unicode string unsupported by "
                     'fonts: "❌" (U+274C)', None, None, None, "en")
    assert repeats_missing_glyphs(notdef, [glyphs])
    assert not repeats_missing_glyphs(notdef, [])
    assert not repeats_missing_glyphs(dataclasses.replace(notdef, lang="fr"), [glyphs])
    assert not repeats_missing_glyphs(dataclasses.replace(glyphs, code="css"), [glyphs])


def test_a_qr_code_prints_what_it_holds(hugodocs_html):
    assert ('<p class="mg-qr">The source code: <a href="https://code.example.com/quill"'
            in hugodocs_html["en"])


def test_old_and_new_forms_of_the_sites_code_shortcodes(hugodocs_html, hugodocs_pdfs):
    html = hugodocs_html["en"]
    # a TOML date stays a date; "{{</ code-toggle >}}" closes it too
    assert "content/example.md +++ date = 2024-02-02T04:14:54-08:00 title = 'Example'" in (
        hugodocs_pdfs["en"])
    # code's file= is its caption and, without lang=, its language (.html: Go templates)
    assert ('<div class="code-filename">layouts/page.html</div>\n'
            '<pre><code class="language-go-html-template"') in html
    assert '<div class="code-filename">content/example.org</div>\n<pre><code class="language-text"' in html
    # eturl as a link reference definition's destination
    assert '<a href="https://github.com/example/quill/blob/main/embedded/robots.txt"' in html


def test_an_image_shown_through_a_filter_prints_the_filter_it_is_shown_through(hugodocs_html):
    html = hugodocs_html["en"]
    page = html[html.index('id="p-content-management-image-processing"'):]
    original, processed = (re.search(rf"<p[^>]*>{word}</p>", page) for word in ("Original", "Processed"))
    assert original and processed and original.start() < page.index("<img") < processed.start()
    assert '<code>filter="grayscale"</code>' in page


def test_a_section_whose_cascade_hides_only_some_pages_keeps_the_others(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/teile/_index.md": (
            "---\ntitle: Teile\ncascade:\n  - build:\n      render: never\n"
            "    target:\n      path: /teile/intern/**\n---\n"),
        "content/de/teile/offen.md": page("Offen", 1, "Sichtbar.\n"),
        "content/de/teile/intern/geheim.md": page("Geheim", 1, "Verborgen.\n"),
    })
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--site", str(site), "--all", "--format", "json"])
    notes = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "not-printed"]
    assert not any("pages below it" in f["message"] for f in notes
                   if f["file"].endswith("teile/_index.md"))


def test_a_glossary_link_to_no_entry_says_which_term(tmp_path):
    root = write_hugodocs_site(tmp_path / "site")
    about = root / "content/en/about/license.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee the [frobnicator](g).\n",
                     encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--site", str(root), "--lang", "en", "--format", "json"])
    (broken,) = [f for f in json.loads(out.getvalue())["findings"] if f["code"] == "broken-link"]
    assert '"[frobnicator](g)"' in broken["message"] and '"frobnicator"' in broken["message"]
    assert broken["file"] == "content/en/about/license.md" and broken["line"] == 14
