"""A circle of @imports in a site's stylesheets: check finds it at its line, build says so
plainly (WeasyPrint follows the circle to Python's recursion limit, then drops the sheet)."""

from __future__ import annotations

from manualgen.build import BuildOptions, build

from .conftest import page, write_site


def site_with(tmp_path, sheets: dict[str, str]):
    files = {"content/de/_index.md": page("Start", body="Hallo."),
             "manualgen.toml": '[print]\nstylesheets = ["print.css"]\n'}
    files.update(sheets)
    return write_site(tmp_path / "site", files)


def checked(site):
    result = build(site, BuildOptions(langs=["de"], check_only=True))
    return [f for f in result.findings if f.code == "refused-resource"]


def test_a_stylesheet_that_imports_itself_is_an_error_at_its_line(tmp_path):
    site = site_with(tmp_path, {"print.css": "h1 { color: red }\n@import url(print.css);\n"})
    found = checked(site)
    assert len(found) == 1 and found[0].line == 2 and "leads back" in found[0].message


def test_a_circle_through_another_sheet_is_found(tmp_path):
    site = site_with(tmp_path, {"print.css": '@import "more/b.css";\n',
                                "more/b.css": "@import url('../print.css');\np { margin: 0 }\n"})
    found = checked(site)
    assert len(found) == 1 and found[0].file == "print.css" and "more/b.css" in found[0].message


def test_imports_without_a_circle_are_fine(tmp_path):
    site = site_with(tmp_path, {"print.css": '@import "a.css";\n@import "b.css";\n',
                                "a.css": '@import "b.css";\n', "b.css": "p { margin: 0 }\n"})
    assert checked(site) == []


def test_build_says_what_the_circle_did(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = site_with(tmp_path, {"print.css": "@import url(print.css);\n"})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True, jobs=1))
    messages = [f.message for f in result.findings.errors]
    assert any("lead back" in m and "print.css" in m for m in messages), messages
