"""`manualgen check`: one case per finding code, with its file, line and exit status.

Each test writes a tiny site, runs the command line in-process and reads the JSON document
(the schema in docs/findings.md), so the assertions are about the code, the file and the line,
not about the wording of messages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from manualgen.cli import main

from .conftest import ROOT, page, png_bytes, write_site

HOME = {"content/de/_index.md": page("Start")}


def run_check(capsys, site: Path, *args: str) -> tuple[int, dict]:
    """Run `manualgen check --format json` and return (exit status, the JSON document)."""
    status = main(["check", "--site", str(site), "--format", "json", *args])
    out = capsys.readouterr().out
    return status, json.loads(out)


def only(doc: dict, code: str) -> dict:
    found = [f for f in doc["findings"] if f["code"] == code]
    assert len(found) == 1, (code, doc["findings"])
    return found[0]


def site_with(tmp_path: Path, files: dict, hugo: str | None = None) -> Path:
    args = {"hugo": hugo} if hugo is not None else {}
    return write_site(tmp_path / "site", {**HOME, **files}, **args)


# --- one case per code ---------------------------------------------------------------------


@pytest.mark.parametrize("code, severity, status, body, line", [
    ("missing-image", "warning", 0, "Text.\n\n![Shot](/img/nowhere.png)\n", 7),
    ("unknown-shortcode", "warning", 0, "Text.\n\n{{< nosuch >}}\n", 7),
    ("unclosed-shortcode", "error", 1, "Text.\n\n{{< markdown >}}\nopen and never closed\n", 7),
    ("broken-link", "warning", 0, "Text.\n\nSee [nowhere](nowhere.md).\n", 7),
    ("missing-anchor", "warning", 0, "Text.\n\nSee [other](other.md#no-such-heading).\n", 7),
    ("remote-image", "warning", 0, "Text.\n\n![Shot](https://example.com/shot.png)\n", 7),
    ("image-address", "error", 1, "Text.\n\n![Shot](ftp://example.com/shot.png)\n", 7),
])
def test_each_page_finding_has_code_file_line_and_status(tmp_path, capsys, code, severity, status,
                                                         body, line):
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, body),
        "content/de/other.md": page("Other", 2, "## Heading\n"),
    })
    got, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, code)
    assert finding["severity"] == severity
    assert finding["file"] == "content/de/a.md"
    assert finding["line"] == line
    assert finding["lang"] == "de"
    assert got == status
    assert doc["summary"]["ok"] is (status == 0)


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: [unclosed\n---\nBody\n", 2),  # YAML
    ("+++\ntitle = \n+++\nBody\n", 2),  # TOML
    ('{\n  "title": "x",\n  "weight": ,\n}\nBody\n', 3),  # JSON
    ("---\ntitle: never closed\nBody\n", 1),
])
def test_bad_front_matter_names_the_line(tmp_path, capsys, text, line):
    site = site_with(tmp_path, {"content/de/a.md": text})
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "bad-front-matter")
    assert (finding["file"], finding["line"], finding["severity"]) == ("content/de/a.md", line, "error")
    assert status == 1


def test_missing_title(tmp_path, capsys):
    site = site_with(tmp_path, {"content/de/a.md": "---\nweight: 1\n---\nBody\n"})
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "missing-title")
    assert (finding["file"], finding["line"]) == ("content/de/a.md", 1)
    assert status == 0


def test_no_content_for_a_chosen_language_is_an_error(tmp_path, capsys):
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1)})
    status, doc = run_check(capsys, site, "--lang", "fr")
    assert only(doc, "no-content")["severity"] == "error"
    assert status == 1


def test_image_outside_the_site_is_refused(tmp_path, capsys):
    (tmp_path / "outside.png").write_bytes(png_bytes())
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, "Text.\n\n![x](../../../outside.png)\n")})
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "refused-resource")
    assert (finding["file"], finding["line"], finding["severity"]) == ("content/de/a.md", 7, "error")
    assert status == 1


def test_symlinked_image_leaving_the_site_is_refused(tmp_path, capsys):
    (tmp_path / "outside.png").write_bytes(png_bytes())
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, "![x](/img/link.png)\n")})
    (site / "static" / "img").mkdir(parents=True)
    (site / "static" / "img" / "link.png").symlink_to(tmp_path / "outside.png")
    status, doc = run_check(capsys, site, "--lang", "de")
    assert only(doc, "refused-resource")["line"] == 5
    assert status == 1


def test_a_page_that_fails_to_render_does_not_hide_the_others(tmp_path, capsys, monkeypatch):
    from manualgen.convert import PageConverter

    original = PageConverter.convert_with_lines

    def convert(self, page):
        if page.path.name == "bad.md":
            raise ValueError("simulated renderer failure")
        return original(self, page)

    monkeypatch.setattr(PageConverter, "convert_with_lines", convert)
    site = site_with(tmp_path, {
        "content/de/bad.md": page("Bad", 1, "Text\n"),
        "content/de/good.md": page("Good", 2, "![x](/img/missing.png)\n"),
    })
    status, doc = run_check(capsys, site, "--lang", "de")
    failed = only(doc, "page-failed")
    assert (failed["file"], failed["line"]) == ("content/de/bad.md", 5)
    assert only(doc, "missing-image")["file"] == "content/de/good.md"
    assert status == 1


def test_config_error_names_the_key_and_line(tmp_path, capsys):
    site = site_with(tmp_path, {"manualgen.toml": '[manual]\nname = "x"\nnaem = "typo"\n'})
    status, doc = run_check(capsys, site)
    finding = only(doc, "config")
    assert finding["file"] == "manualgen.toml"  # relative to the site, as all findings
    assert finding["line"] == 3
    assert "naem" in finding["message"]
    assert status == 1


@pytest.mark.parametrize("files, where", [
    ({"hugo.toml": 'title = "x"\nbaseURL = \n'}, "hugo.toml:2:"),
    ({"manualgen.toml": '[print]\npaper = "a9"\n'}, "manualgen.toml:2:"),
    ({"manualgen.toml": 'hugo_config = "nowhere.toml"\n'}, "manualgen.toml:1:"),
    ({"config/_default/params.toml": "version = \n"}, "config/_default/params.toml:1:"),
    ({"config/_default/languages.yaml": "de: 3\n"}, "config/_default/languages.yaml:1:"),
])
def test_config_errors_name_files_relative_to_the_site(tmp_path, capsys, files, where):
    site = site_with(tmp_path, files)
    assert main(["check", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(where), err
    assert str(tmp_path) not in err


def test_site_folder_problems_name_the_folder_as_given(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    status, doc = run_check(capsys, Path("empty"))
    [finding] = doc["findings"]
    assert status == 1 and finding["file"] is None
    assert 'in the site folder "empty"' in finding["message"]
    assert doc["site"] == str(tmp_path / "empty")  # absolute, as documented
    status, doc = run_check(capsys, Path("nowhere"))
    assert 'the site folder "nowhere" does not exist' in doc["findings"][0]["message"]


def test_no_content_names_the_folder_relative_to_the_site(tmp_path, capsys):
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1)})
    _status, doc = run_check(capsys, site, "--all")
    finding = only(doc, "no-content")
    assert "(content/fr)" in finding["message"] and str(tmp_path) not in finding["message"]


def test_unknown_language_is_bad_usage(tmp_path, capsys):
    site = site_with(tmp_path, {})
    assert main(["check", "--site", str(site), "--lang", "xx"]) == 2
    assert "xx" in capsys.readouterr().err


# --- output forms --------------------------------------------------------------------------


def broken_site(tmp_path: Path) -> Path:
    return site_with(tmp_path, {
        "content/de/a.md": page("A", 1, "![x](/img/none.png)\n\n{{< nosuch >}}\n"),
        "content/de/b.md": page("B", 2, "Text\n\n{{< markdown >}}\nnever closed\n"),
    })


def test_text_output_groups_by_file_errors_first_then_a_summary(tmp_path, capsys):
    site = broken_site(tmp_path)
    status = main(["check", "--site", str(site), "--lang", "de"])
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert status == 1
    assert lines[-1] == "1 error, 2 warnings in 2 files"
    body = [line for line in lines[:-1] if line]
    # b.md has the error: its block comes first; a.md's two warnings follow, by line.
    assert body[0].startswith("content/de/b.md:7:") and ": error: " in body[0]
    assert body[0].endswith("[unclosed-shortcode; de]")
    assert [line.split(":")[0] for line in body[1:]] == ["content/de/a.md"] * 2
    assert [int(line.split(":")[1]) for line in body[1:]] == [5, 7]
    # blocks are separated by one blank line
    assert lines.count("") == 1


def test_json_document_follows_the_documented_schema(tmp_path, capsys):
    site = broken_site(tmp_path)
    status, doc = run_check(capsys, site, "--lang", "de")
    assert status == 1
    assert doc["version"] == 1
    assert set(doc) >= {"version", "tool", "command", "site", "languages", "summary", "findings"}
    assert doc["summary"] == {"errors": 1, "warnings": 2, "notes": 0, "files": 2, "ok": False}
    assert doc["languages"] == ["de"]
    for finding in doc["findings"]:
        assert set(finding) == {"severity", "code", "file", "line", "column", "lang", "message"}
    assert [f["severity"] for f in doc["findings"]] == ["error", "warning", "warning"]


def test_a_clean_site_exits_zero(tmp_path, capsys):
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, "Just text.\n")})
    status = main(["check", "--site", str(site), "--lang", "de"])
    assert status == 0
    assert capsys.readouterr().out.strip() == "0 errors, 0 warnings"


def test_every_code_in_the_source_is_documented():
    """docs/findings.md lists every code manualgen can report (a CI reader relies on it)."""
    from manualgen.translations import CODES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "manualgen").glob("*.py"))
    patterns = [
        r"""\.(?:error|warning)\(\s*"([a-z][a-z-]+)\"""",
        r"""code\s*=\s*"([a-z][a-z-]+)\"""",
        r"""Finding\(\s*(?:ERROR|WARNING|"error"|"warning"),\s*"([a-z][a-z-]+)\"""",
        r"""code = "([a-z][a-z-]+)\"""",
    ]
    codes = {m for pattern in patterns for m in re.findall(pattern, source)} | set(CODES)
    codes -= {"error", "build-failed", "bad-content"}  # base classes, never reported as such
    docs = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z-]+)`", docs, re.MULTILINE))
    documented |= {"css", "render", "pdf-variant"}  # one row for the three WeasyPrint codes
    assert codes - documented == set()


def test_weasyprint_messages_are_attributed_to_the_page_using_the_file(tmp_path):
    from manualgen.content import Page, read_source
    from manualgen.errors import Finding, shown_from
    from manualgen.pdf import Roots
    from manualgen.report import attribute

    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, "Text.\n\n![x](/img/shot.png)\n"),
        "static/img/shot.png": png_bytes(),
    })
    path = site / "content/de/a.md"
    pages = [Page("de", path, "a.md", "page", {}, "", 5, source=read_source(path)[0])]
    raw = Finding("error", "image-unreadable",
                  "Failed to load image at 'https://manualgen.invalid/static0/img/shot.png'",
                  lang="de")
    [got] = shown_from(attribute([raw], pages, Roots({"static0": site / "static"})), site)
    assert (got.file, got.line, got.code) == ("content/de/a.md", 7, "image-unreadable")
    assert "static/img/shot.png" in got.message and "manualgen.invalid" not in got.message


def test_a_heading_that_skips_a_level_is_one_warning_at_its_line(tmp_path, capsys):
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, "## Oben\n\nText.\n\n#### Tief unten\n\n#### Noch tiefer\n"),
    })
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "heading-skipped")
    assert status == 0 and finding["file"] == "content/de/a.md" and finding["line"] == 9
    assert "Tief unten" in finding["message"] and "and 1 more" in finding["message"]


def test_a_heading_with_no_words_is_left_out_with_one_warning_at_its_line(tmp_path, capsys):
    # an empty link copied with a heading from GitHub, and "##" alone; "#" alone in a code
    # block is no heading
    body = ("## Schritt 1\n\n```sh\n#\necho\n```\n\nText.\n\n"
            "### [](https://github.com/org/demo#step-2)\n\n## Schritt 2\n\nMehr.\n\n##\n")
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, body)})
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "empty-heading")
    assert status == 0 and finding["file"] == "content/de/a.md" and finding["line"] == 14
    assert "and 1 more" in finding["message"]
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--html", "--no-cache"]) == 0
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "Schritt 2" in html and not re.search(r"<h\d[^>]*>\s*(<a[^>]*>\s*</a>)?\s*</h\d>", html)


def test_check_json_is_json_even_when_manualgen_fails(tmp_path, capsys, monkeypatch):
    import manualgen.build

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, "Text.\n")})
    monkeypatch.setattr(manualgen.build.Run, "build", broken)
    status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "internal-error")
    assert status == 1 and "ZeroDivisionError: a bug" in finding["message"]


def test_a_heading_a_shortcode_makes_is_renumbered_without_a_warning(tmp_path, capsys):
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, '## Oben\n\n{{< alert title="Achtung" >}}Text.{{< /alert >}}\n'
                                       "\n#### Von Hand\n"),
    })
    _status, doc = run_check(capsys, site, "--lang", "de")
    finding = only(doc, "heading-skipped")  # not the alert's title, which the template makes
    assert "Von Hand" in finding["message"] and "more on this page" not in finding["message"]


def test_an_alert_named_as_a_written_heading_does_not_blame_that_heading(tmp_path, capsys):
    # The alert's title "Achtung" is renumbered (its <h4> two levels below the "## Achtung"
    # above it); the writer's heading is well placed and must not be named for it.
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, "## Achtung\n\nText.\n\n"
                                       '{{< alert title="Achtung" >}}Mehr Text.{{< /alert >}}\n'),
    })
    _status, doc = run_check(capsys, site, "--lang", "de")
    assert [f for f in doc["findings"] if f["code"] == "heading-skipped"] == []


def test_a_finding_several_manuals_share_is_one_line_naming_them():
    """A file every language reads (a snippet mounted into each) gives the same finding in
    each manual: one line says so, with the languages; findings that differ stay apart."""
    from manualgen.errors import INFO, WARNING, Finding
    from manualgen.report import format_text

    shared = [Finding(INFO, "not-printed", "not printed", "content/en/_includes/a.md", 1, None, lang)
              for lang in ("en", "es", "ja")]
    own = Finding(WARNING, "missing-image", "no such image", "content/en/_includes/a.md", 3, None, "es")
    text = format_text([*shared, own])
    assert text.splitlines() == [
        "content/en/_includes/a.md:3: warning: no such image [missing-image; es]",
        "content/en/_includes/a.md:1: info: not printed [not-printed; en, es, ja]",
    ]


def test_an_old_style_named_anchor_is_a_link_target(tmp_path, capsys):
    """`<a name="x">` (HTML's older anchor, which browsers still scroll to) answers a link
    to #x on its page and from another page; a link to a name no page has is still
    reported."""
    from manualgen.build import BuildOptions, build

    body = ("Two parts:\n\n* [Basics](#basics)\n* [Later](#later)\n\n"
            '# <a name="basics">Die Grundlagen</a>\n\nText.\n')
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, body),
                                "content/de/b.md": page("B", 2, "See [the basics](../a/#basics).\n")})
    _, doc = run_check(capsys, site, "--lang", "de")
    anchors = [f for f in doc["findings"] if f["code"] == "missing-anchor"]
    assert [(f["file"], f["line"]) for f in anchors] == [("content/de/a.md", 8)]  # only #later
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    html = result.results[0].html.read_text(encoding="utf-8")
    target = re.search(r'<a id="([^"]+--basics)"', html).group(1)
    assert html.count(f'href="#{target}"') == 2 and 'name="basics"' not in html


def test_a_translation_named_for_a_language_the_site_lacks_is_reported(tmp_path, capsys):
    """Hugo publishes a.fr-ch.md (no such language: the site has fr) as another German page
    beside a.md: a warning on that file naming the site's language to use.  A name whose
    last part is no language (v1.2, notes.js) or that translates nothing is not reported."""
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, "Text."),
        "content/de/a.fr-ch.md": page("A (Suisse)", 2, "Texte."),
        "content/de/b.md": page("B", 3, "Text."),
        "content/de/b.js.md": page("B in JS", 4, "Text."),
        "content/de/c.ru.md": page("C", 5, "Текст."),
        "content/fr/a.md": page("A", 1, "Texte."),
    })
    _, doc = run_check(capsys, site, "--all")
    found = [f for f in doc["findings"] if f["code"] == "unknown-file-language"]
    assert [(f["file"], f["lang"], f["severity"]) for f in found] == [
        ("content/de/a.fr-ch.md", "de", "warning")]
    assert "a.fr.md" in found[0]["message"]


def test_an_address_without_its_scheme_is_read_as_a_browser_reads_it(tmp_path, capsys):
    """Flink's baseURL and its GitHub links start with "//": a browser opens them with the
    page's scheme.  The link to GitHub and the one to a file of the site print with their
    https addresses; neither is a broken link."""
    from manualgen.build import BuildOptions, build

    hugo = ('baseURL = "//docs.example.org/guide"\ndefaultContentLanguage = "de"\n'
            "[languages.de]\nweight = 1\n")
    body = ("See [the code](//github.com/acme/tool/blob/main/README.md) and "
            "[the form](//docs.example.org/guide/files/form.pdf).\n")
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, body),
                                "static/files/form.pdf": "%PDF-1.4\n"}, hugo=hugo)
    _, doc = run_check(capsys, site, "--lang", "de")
    assert not [f for f in doc["findings"] if f["code"] == "broken-link"]
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'href="https://github.com/acme/tool/blob/main/README.md"' in html
    assert 'href="https://docs.example.org/guide/files/form.pdf"' in html


def test_a_link_to_top_is_the_top_of_the_page_not_a_missing_anchor(tmp_path, capsys):
    """HTML scrolls "#top" to the top of the page when no element has that id (a theme's
    "Back to top" link): no warning; another fragment no heading has is still reported."""
    body = "Text.\n\n[Back to top](#top) and [up](#TOP).\n\n[Nowhere](#gone)\n"
    site = site_with(tmp_path, {"content/de/a.md": page("A", 1, body)})
    _, doc = run_check(capsys, site, "--lang", "de")
    anchors = [f for f in doc["findings"] if f["code"] == "missing-anchor"]
    assert [f["message"].split(":")[0] for f in anchors] == ['link "#gone"']


def test_a_link_hugo_made_from_a_baseurl_without_a_scheme_points_into_the_manual(tmp_path, capsys):
    """baseURL = "handbook.example.org" (no https://): Hugo's permalinks read
    "handbook.example.org/guide/setup/", which a theme's list of a section's pages writes
    as its links; they are the site's pages, not broken links."""
    from manualgen.build import BuildOptions, build

    hugo = ('baseURL = "handbook.example.org"\ntitle = "Handbook"\ndefaultContentLanguage = "de"\n'
            '[markup.goldmark.renderer]\nunsafe = true\n')
    site = site_with(tmp_path, {
        "content/de/guide/_index.md": page("Anleitung", 1, (
            '<dl><dt><a href="handbook.example.org/guide/setup/">Einrichten</a></dt></dl>\n\n'
            "[Weiter](handbook.example.org/guide/nowhere/)\n")),
        "content/de/guide/setup.md": page("Einrichten", 1, "Text.\n"),
    }, hugo=hugo)
    _, doc = run_check(capsys, site, "--lang", "de")
    broken = [f for f in doc["findings"] if f["code"] == "broken-link"]
    assert [f["message"].split('"')[1] for f in broken] == ["handbook.example.org/guide/nowhere/"]
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    html = result.results[0].html.read_text(encoding="utf-8")
    anchor = re.search(r'id="(p-[\w-]*guide-setup)"', html).group(1)  # the page Einrichten
    assert f'href="#{anchor}"' in html


def test_a_picture_of_a_section_bundle_named_by_its_web_address_prints(tmp_path, capsys):
    """Hugo publishes a bundle's files at its page's address: a page may show its section's
    screenshot as "/docs/anleitung/bilder/schritt.png" (the baseURL's path, the section's
    address, the file), or the home bundle's as "/docs/grafik/logo.png"."""
    from manualgen.build import BuildOptions, build

    site = site_with(tmp_path, {
        "content/de/anleitung/_index.md": page("Anleitung", 1, "Die Schritte.\n"),
        "content/de/anleitung/bilder/schritt.png": png_bytes(),
        "content/de/grafik/logo.png": png_bytes(color=(20, 90, 200)),
        "content/de/anleitung/erster.md": page("Erster Schritt", 1, (
            "(1) Öffnen Sie das Menü.\n\n![Menü](/docs/anleitung/bilder/schritt.png)\n\n"
            "![Logo](/docs/grafik/logo.png)\n\n![Fehlt](/docs/anleitung/bilder/fehlt.png)\n")),
    })
    _, doc = run_check(capsys, site, "--lang", "de")
    missing = [f["message"].split('"')[1] for f in doc["findings"] if f["code"] == "missing-image"]
    assert missing == ["/docs/anleitung/bilder/fehlt.png"]
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert html.count('alt="Menü"') == 1 and html.count('alt="Logo"') == 1
    assert "schritt.png" in html and "logo.png" in html and html.count("missing-image") == 1


def test_a_broken_link_is_named_at_its_own_line_not_where_its_address_is_part_of_another(
        tmp_path, capsys):
    """A relative address ("guide/steps/") that is part of an earlier link's longer address
    ("/guide/steps/#two") is named at the line that writes it: the longer link came first
    in the page's text and its line was given."""
    site = site_with(tmp_path, {
        "content/de/a.md": page("A", 1, (
            "Intro.\n\n"
            "Siehe [zwei](/anleitung/schritte/#zwei).\n\n"
            "Mehr Text.\n\n"
            "Oder [dort](anleitung/schritte/#drei) weiter.\n")),
    })
    _, doc = run_check(capsys, site, "--lang", "de")
    lines = {f["message"].split('"')[1]: f["line"] for f in doc["findings"]
             if f["code"] == "broken-link"}
    assert lines == {"/anleitung/schritte/#zwei": 7, "anleitung/schritte/#drei": 11}
