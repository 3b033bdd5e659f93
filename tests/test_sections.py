"""What is printed: chosen sections (Docsy's print view as the model) and the web-only pages
a manual leaves out, each with a note in ``check``."""

import json

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.cli import main
from manualgen.selection import redirect_reason

from .conftest import page, write_site

HUGO = """\
baseURL = "https://example.org/"
title = "Docsy-shaped"
defaultContentLanguage = "en"
[languages.en]
languageName = "English"
contentDir = "content/en"
[languages.fa]
languageName = "Persian"
contentDir = "content/fa"
"""

DOCSY = {
    "content/en/_index.md": page("Docsy-shaped", body="{{< blocks/lead >}}Landing text{{< /blocks/lead >}}\n"),
    "content/en/docs/_index.md": page("Documentation", 1, "Welcome to the documentation.\n",
                                      description="All about it"),
    "content/en/docs/getting-started.md": page("Getting started", 2,
                                                "Install it. See [the posts](/blog/) and [home](/).\n"),
    "content/en/docs/concepts/_index.md": page("Concepts", 3, "How it works.\n"),
    "content/en/docs/concepts/model.md": page("Model", 1, "The model.\n"),
    "content/en/docs/overview.md": page("Overview", 1, "What it is.\n"),
    "content/en/blog/_index.md": page("Blog", 3, "News.\n"),
    "content/en/blog/first.md": page("First post", None, "Hello.\n", date="2024-01-01"),
    "content/en/blog/second.md": page("Second post", None, "Again.\n", date="2024-02-01"),
    "content/en/community/_index.md": page("Community", 4, "<!-- blocks go here -->\n",
                                           menu="{main: {weight: 40}}"),
    "content/en/search.md": page("Search results", None, "", layout="search"),
    "content/en/tags/_index.md": page("Tags", None, "All tags.\n"),
    "content/en/old-page.md": page("Old page", 5, "", redirect_to="/docs/overview/"),
    "content/en/moved.html": ("---\ntitle: Moved\nweight: 6\n---\n"
                              '<meta http-equiv="refresh" content="0; url=/docs/">\n'),
    "content/en/hidden.md": page("Hidden", 7, "Secret.\n", _build="{list: never}"),
    "content/en/noprint/_index.md": page("Web only", 8, "Only online.\n", no_print="true"),
    "content/en/noprint/inner.md": page("Inner", 1, "Inner text.\n"),
    "content/fa/_index.md": page("خانه", body="متن\n"),
    "content/fa/docs/_index.md": page("مستندات", 1, "مقدمه\n"),
}


def check(capsys, site, *args):
    status = main(["check", "--site", str(site), "--format", "json", *args])
    captured = capsys.readouterr()
    return status, (json.loads(captured.out) if captured.out.strip() else None), captured.err


def pdf_text(path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


@pytest.fixture
def site(tmp_path):
    return write_site(tmp_path / "site", DOCSY, hugo=HUGO)


def notes(doc, lang="en"):
    return {(f["file"], f["line"]): f["message"] for f in doc["findings"]
            if f["code"] == "not-printed" and f["lang"] == lang}


def test_web_only_pages_are_left_out_each_with_a_note(site, capsys):
    status, doc, _err = check(capsys, site, "--lang", "en")
    assert status == 0
    found = notes(doc)
    assert set(found) == {
        ("content/en/search.md", 3), ("content/en/tags/_index.md", None),
        ("content/en/old-page.md", 4), ("content/en/moved.html", None),
        ("content/en/hidden.md", 4), ("content/en/noprint/_index.md", 4),
        ("content/en/community/_index.md", None)}
    assert "search page" in found[("content/en/search.md", 3)]
    assert "taxonomy" in found[("content/en/tags/_index.md", None)]
    assert "redirect to /docs/overview/" in found[("content/en/old-page.md", 4)]
    assert "meta http-equiv" in found[("content/en/moved.html", None)]
    assert "list: never" in found[("content/en/hidden.md", 4)]
    assert "no_print" in found[("content/en/noprint/_index.md", 4)]
    assert "page below it" in found[("content/en/noprint/_index.md", 4)]
    assert "no text" in found[("content/en/community/_index.md", None)]
    assert all(f["severity"] == "info" for f in doc["findings"] if f["code"] == "not-printed")
    assert doc["summary"]["notes"] == len([f for f in doc["findings"] if f["severity"] == "info"])
    blog = [f for f in doc["findings"] if f["code"] == "blog-printed"]
    assert len(blog) == 1 and "2 posts" in blog[0]["message"]  # printed, but said


def test_the_whole_site_prints_without_web_only_pages(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "en", "--out", str(out), "--no-cache",
                 "--strict"]) == 0  # notes are not warnings: --strict builds
    err = capsys.readouterr().err
    assert "not-printed" not in err  # check prints the notes; build stays quiet about them
    text = pdf_text(out / "docsy-shaped-en.pdf")
    for printed in ("Getting started", "Model", "First post", "Landing text"):
        assert printed in text
    for left in ("Search results", "All tags", "Old page", "Moved", "Secret", "Only online",
                 "Inner text", "Community"):
        assert left not in text


def test_a_chosen_section_is_the_manual(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "en", "--section", "docs", "--out",
                 str(out), "--no-cache", "-q", "--html"]) == 0
    capsys.readouterr()
    html = (out / "docsy-shaped-en.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/blog/"' in html  # a page left out: its web address
    assert 'href="https://example.org/"' in html  # the landing page too
    text = pdf_text(out / "docsy-shaped-en.pdf")
    assert "Welcome to the documentation." in text  # the section's page: the introduction
    for left in ("Landing text", "First post", "News.", "Search results"):
        assert left not in text
    # Hugo's order below the section: Overview (1), Getting started (2), Concepts (3)
    assert text.index("Overview") < text.index("Getting started") < text.index("Concepts")
    assert "1 Overview" in text.replace("\r\n", "\n") or "1\nOverview" in text.replace("\r\n", "\n")
    status, doc, _err = check(capsys, site, "--lang", "en", "--section", "docs")
    assert status == 0
    assert doc["findings"] == []  # outside the section: no notes; the link to the blog works
    assert not [f for f in doc["findings"] if f["code"] == "blog-printed"]


def test_sections_from_the_config_and_several_sections(site, tmp_path, capsys):
    (site / "manualgen.toml").write_text('[manual]\nsections = ["docs/concepts", "BLOG"]\n')
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "en", "--out", str(out), "--no-cache",
                 "-q"]) == 0
    text = pdf_text(out / "docsy-shaped-en.pdf")
    assert "The model." in text and "First post" in text
    assert "Landing text" not in text and "Install it." not in text


def test_a_section_inside_another_chosen_one_prints_once(site, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "en", "--section", "docs/concepts",
                 "--section", "docs", "--out", str(out), "--no-cache", "-q", "--html"]) == 0
    html = (out / "docsy-shaped-en.html").read_text(encoding="utf-8")
    assert html.count("The model.") == 1 and "Install it." in html


def test_an_unknown_section_names_the_sections_there_are(site, capsys):
    status = main(["check", "--site", str(site), "--lang", "en", "--section", "guide"])
    err = capsys.readouterr().err
    assert status == 2
    assert 'no section "guide" in the en content' in err
    assert "are: blog, community, docs, tags." in err


def test_a_section_other_languages_lack_stops_only_their_builds(site, tmp_path, capsys):
    # fa has docs, not blog: building en alone with --section blog works
    assert main(["check", "--site", str(site), "--lang", "en", "--section", "blog"]) == 0
    assert main(["check", "--site", str(site), "--lang", "fa", "--section", "blog"]) == 2


def test_a_bad_sections_value_is_a_config_error(site, capsys):
    (site / "manualgen.toml").write_text('[manual]\nsections = "docs"\n')
    assert main(["check", "--site", str(site)]) == 1
    assert "manual.sections" in capsys.readouterr().err


values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["layout", "type", "redirect", "redirect_to", "outputs",
                                        "Layout", "_build", "no_print"]), values, max_size=4),
       st.text(max_size=80))
def test_any_front_matter_is_judged_without_a_crash(meta, body):
    found = redirect_reason(meta, body)
    assert found is None or found[0].startswith("a redirect")


def test_a_spacer_of_the_menu_is_left_out_but_an_untitled_page_with_text_is_printed(tmp_path, capsys):
    # a menu gap as Docsy sites make one: an empty title and no text
    site = write_site(tmp_path / "site", {
        "content/en/_index.md": page("Home", body="Welcome.\n"),
        "content/en/tools/_index.md": page("Tools", 1, "All tools.\n"),
        "content/en/tools/hammer.md": page("Hammer", 1, "Hit nails.\n"),
        "content/en/tools/gap.md": '---\ntitle: ""\nlinkTitle: ""\nweight: 2\n---\n\n<!-- gap -->\n',
        "content/en/tools/saw-blade.md": '---\ntitle: ""\nweight: 3\n---\n\nCut wood.\n',
    }, hugo=HUGO)
    status, doc, _err = check(capsys, site, "--lang", "en")
    assert status == 0
    found = notes(doc)
    assert list(found) == [("content/en/tools/gap.md", 2)]
    assert "empty entry of the web site's menu" in found[("content/en/tools/gap.md", 2)]
    untitled = [f["file"] for f in doc["findings"] if f["code"] == "missing-title"]
    assert untitled == ["content/en/tools/saw-blade.md"]  # printed, so said
    assert main(["build", "--site", str(site), "--lang", "en", "--out", str(tmp_path / "out"),
                 "--no-cache"]) == 0
    text = pdf_text(next((tmp_path / "out").glob("*-en.pdf")))
    assert "Saw Blade" in text and "Cut wood." in text and "Gap" not in text
