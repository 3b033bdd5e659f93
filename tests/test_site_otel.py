"""A site in the shape of opentelemetry.io (tests/otel_site.py) prints as its web pages read:
images in descriptions, snippets from _includes folders with their arguments, the English
fallback pages of the other languages."""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import build_test_site, check_findings
from .otel_site import write_otel_site


@pytest.fixture(scope="module")
def otel_check(tmp_path_factory) -> list[dict]:
    """The findings of `check --all` on the site."""
    return check_findings(write_otel_site(tmp_path_factory.mktemp("otel") / "site"))


@pytest.fixture(scope="module")
def otel_build(tmp_path_factory) -> tuple:
    """The exit status and the output of `build --all`, and where the PDFs are."""
    return build_test_site(write_otel_site, tmp_path_factory.mktemp("otel"))


@pytest.fixture(scope="module")
def otel_pdfs(otel_build) -> dict[str, str]:
    """The text of each language's PDF."""
    status, said, out = otel_build
    assert status == 0, said
    return {lang: "\n".join(p.extract_text() for p in PdfReader(out / f"teletest-{lang}.pdf").pages)
            for lang in ("en", "es", "ja")}


def test_an_image_in_a_description_is_found_in_the_static_folder(otel_build, otel_pdfs):
    # opentelemetry.io's language pages put the language's logo in their description: it
    # reached WeasyPrint unresolved, was refused as outside the site, and no PDF was written
    status, said, _out = otel_build
    assert status == 0 and "refused-resource" not in said
    assert "The TeleTest SDK for" in otel_pdfs["en"]


def test_a_mounts_exclude_files_keeps_its_files_out(otel_pdfs):
    # es and ja mount the English docs as fallback pages with excludeFiles: specs/*
    assert "Specifications" in otel_pdfs["en"]
    assert "Specifications" not in otel_pdfs["es"] and "Specifications" not in otel_pdfs["ja"]
    assert "Language APIs & SDKs" in otel_pdfs["ja"]  # the rest of the English docs is there


def test_include_finds_the_snippet_in_the_nearest_includes_folder(otel_pdfs):
    # {{% include "zipkin-setup.md" %}} from docs/languages/python/exporters.md is
    # docs/languages/_includes/zipkin-setup.md, a folder up; its own shortcodes render
    assert "Zipkin\n" in otel_pdfs["en"] and "Skip this section" in otel_pdfs["en"]
    # ja has no exporters page: the English one is mounted, and finds the snippet as the ja
    # site has it: ja's own translation first (its mount comes first), else the English one
    assert "Zipkinをコンテナで起動します。" in otel_pdfs["ja"] and "Skip this section" not in otel_pdfs["ja"]
    assert "Skip this section" in otel_pdfs["es"]


def test_include_fills_in_its_arguments_and_drops_the_front_matter(otel_pdfs):
    en = otel_pdfs["en"]
    assert "This is the TeleTest Python documentation" in en
    assert "still in beta" in en  # {{ if $beta }} … {{ end }}
    assert "Every part" not in en  # {{ if not $beta }}
    assert "$name" not in en and "{{ if" not in en and "{{ end" not in en and "Stable" in en
    assert "{{ $status }}" in en  # no argument for it: as written, as Hugo prints it
    # es has no _includes of its own: the English one mounted at content/_includes
    assert "The TeleTest parts marked stable" in otel_pdfs["es"]
    assert "$name" not in otel_pdfs["es"] and "—" not in otel_pdfs["es"]


def test_include_says_which_argument_it_left_unfilled(otel_check):
    left = [f for f in otel_check if f["code"] == "include-argument"]
    assert [(f["file"].split("content/")[-1], f["lang"]) for f in left] == [
        ("en/docs/languages/python/_index.md", "en"), ("en/docs/languages/python/_index.md", "es")]
    assert left[0]["message"] == ('include: "index-intro.md" prints {{ $status }} as written, as '
                                  "Hugo does: the call gives no status= argument")


def test_alert_md_prints_as_an_alert_with_its_title(otel_pdfs, otel_check):
    assert "ビルド環境\nビルドはLinuxとmacOSで動きます。" in otel_pdfs["ja"]
    assert not [f for f in otel_check if f["code"] == "unknown-shortcode" and "alert-md" in f["message"]]


def test_config_option_prints_the_property_its_variable_default_and_description(otel_pdfs):
    # (kept together: the names are not left at the foot of a page without the description)
    en = otel_pdfs["en"]
    assert ("System property: teletest.javaagent.enabled\nEnvironment variable: "
            "TELETEST_JAVAAGENT_ENABLED\nDescription:\nSet to false to turn the agent off.") in en
    assert "Default: false" in en and "Environment variable: TT_SERVICE" in en


def test_an_unknown_shortcode_with_its_own_hugo_template_says_so(otel_check):
    (unknown,) = [f for f in otel_check if f["code"] == "unknown-shortcode" and "index-intro" in f["message"]]
    assert unknown["lang"] == "ja" and unknown["line"] == 11
    assert unknown["message"] == (
        'unknown shortcode "docs/languages/index-intro" (used once in this language, first '
        "here): the site's layouts/shortcodes/docs/languages/index-intro.md is a Hugo template, "
        "which manualgen does not run (it uses the partial \"include.md\", which the site does not "
        "have); "
        "nothing is printed in its place; add a print template "
        "manualgen/shortcodes/docs/languages/index-intro.html to the site to print it properly")


def test_a_logo_in_a_description_prints_in_its_line(otel_build, otel_pdfs):
    # Docsy shows it before the description's words, as high as their line
    # (the logo is an SVG square: WeasyPrint draws it as a path of its own)
    import pypdfium2 as pdfium

    _status, _said, out = otel_build
    pdf = pdfium.PdfDocument(out / "teletest-en.pdf")
    for page in pdf:
        boxes = [obj.get_bounds() for obj in page.get_objects(max_depth=4)
                 if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH]
        logos = [b for b in boxes if 4 < b[2] - b[0] < 40 and abs((b[2] - b[0]) - (b[3] - b[1])) < 1]
        text = page.get_textpage()
        found = text.search("The TeleTest SDK for")
        hit = found.get_next()
        if hit is None:
            continue
        words = text.get_charbox(hit[0])  # left, bottom, right, top
        (logo,) = logos
        assert logo[2] <= words[0]  # on its left
        assert logo[1] < words[3] and logo[3] > words[1]  # in the same line
        assert logo[3] - logo[1] < 3 * (words[3] - words[1])
        return
    raise AssertionError("no page has the description")


def test_a_snippet_included_inside_a_paragraph_stays_in_it(otel_build, otel_pdfs):
    # Hugo puts the snippet's text where the call stands: "… logs. The TeleTest parts …"
    _status, _said, out = otel_build
    html = (out / "teletest-en.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"</?(?:span|strong)\b[^>]*>", "", html).split())  # <p> stay
    assert "and logs. The TeleTest parts marked stable" in text


def test_a_page_a_languages_mount_leaves_out_is_no_missing_translation(otel_check):
    # es and ja mount the English docs without specs/*: the site keeps the specs English.
    # Missing are the blog (2 pages) and the community section (2): no mount brings them.
    summaries = {f["lang"]: f["message"] for f in otel_check if f["code"] == "missing-translations"}
    assert summaries["es"].startswith("es: 4 of ") and summaries["ja"].startswith("ja: 4 of ")
    assert not [f for f in otel_check if f["code"] == "missing-translation"]


def test_what_bootstrap_hides_stays_hidden_on_paper(otel_pdfs):
    # the home page's <div class="d-none"> holds a rel="me" link for the fediverse only
    assert "social.example.org" not in otel_pdfs["en"]
    assert "Learn more" in otel_pdfs["en"]


def test_a_page_mounted_from_one_file_prints(otel_pdfs):
    # tmp/community/roadmap.md, mounted at content/community/roadmap.md
    assert "What the project works on next" in otel_pdfs["en"]


def test_a_snippet_with_an_unclosed_shortcode_is_printed_as_written_and_said(tmp_path):
    from .conftest import write_site
    root = write_otel_site(tmp_path / "site")
    write_site(root, {"content/en/docs/_includes/broken.md": "Text.\n\n{{% alert %}}\nNever closed.\n",
                      "content/en/docs/faulty.md": "---\ntitle: Faulty\n---\n\n"
                      '{{% include "broken.md" %}}\n\n{{% include "nowhere.md" %}}\n'}, hugo=None)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--site", str(root), "--lang", "en", "--format", "json"])
    found = {f["code"]: f["message"] for f in json.loads(out.getvalue())["findings"]
             if f["file"].endswith("docs/faulty.md")}
    assert found["bad-shortcode"].startswith('include: the shortcodes of "broken.md" cannot be rendered')
    assert found["missing-include"].endswith(
        "nor in an _includes folder beside the page or above it")


def test_a_blog_posts_author_written_as_a_link_prints_as_its_words(otel_pdfs):
    assert "A. Writer (Example Org) · 2024-03-01" in otel_pdfs["en"]
    assert "[A. Writer]" not in otel_pdfs["en"] and "](https://github.com" not in otel_pdfs["en"]
