"""Hostile input, round seven: what fuzzing the permalinks, the themes and modules, the i18n
files and the menus found, each checked against hugo 0.149.1 first.  Every case ends with a
message at a file and line, or a printed page; never a traceback."""

from __future__ import annotations

import math

import pytest

from manualgen.config import load_settings
from manualgen.errors import ConfigError
from manualgen.i18n import plural_category

from .conftest import build_all, check_findings, page, write_site

PLAIN = 'title = "T"\n'


@pytest.mark.parametrize("count", [math.inf, -math.inf, math.nan, "inf", "nan", "1e400", 10**400,
                                   "1" * 400])
def test_a_count_that_is_no_finite_number_is_the_other_form(count):
    # and no rule of a language turns it into a whole number (OverflowError, found by fuzzing)
    assert {plural_category(lang, count) for lang in ("en", "ar", "lv", "lt", "be", "cy")} == {"other"}


def _t_site(root, template: str):
    return write_site(root, {
        "i18n/en.toml": '[items]\none = "one item"\nother = "{{ .Count }} items"\n',
        "layouts/shortcodes/t.html": template,
        "content/a.md": page("A", body="Before {{< t >}} after."),
    }, hugo=PLAIN)


@pytest.mark.parametrize("template", ['{{ T "items" (dict "Count" (mul 1e308 10.0)) }}',
                                      '{{ T "items" (dict "Count" (sub 0.0 (mul 1e308 10.0))) }}'])
def test_t_with_an_infinite_count_prints_nothing_as_hugo_does(tmp_path, template):
    # hugo 0.149.1 prints "Before  after." (T gives nothing); manualgen raised OverflowError
    root = _t_site(tmp_path / "site", template)
    status, said = build_all(root, tmp_path / "out")
    assert status == 0, said
    assert "Traceback" not in said
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "Before  after." in html or "Before after." in html
    assert "items" not in html.split("Before", 1)[1].split("after.", 1)[0]


def test_a_theme_that_is_a_file_is_a_config_error_at_its_line(tmp_path):
    # hugo 0.149.1: 'failed to open dir "…/themes/file/": not a directory'
    root = write_site(tmp_path / "site", {"themes/file": "not a folder",
                                          "content/a.md": page("A")},
                      hugo='title = "T"\n\ntheme = ["ok", "file"]\n')
    (root / "themes" / "ok").mkdir()
    with pytest.raises(ConfigError) as raised:
        load_settings(root)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.code) == ("hugo.toml", 3, "config")
    assert '"file"' in problem.message and "not a folder" in problem.message
    status, said = build_all(root, tmp_path / "out")
    assert status == 1 and "hugo.toml:3: error:" in said and "Traceback" not in said


def test_a_theme_of_a_theme_that_is_a_file_is_an_error_in_that_themes_config(tmp_path):
    root = write_site(tmp_path / "site", {"themes/base/hugo.toml": 'title = "B"\ntheme = "leaf"\n',
                                          "themes/leaf": "x", "content/a.md": page("A")},
                      hugo='title = "T"\ntheme = "base"\n')
    with pytest.raises(ConfigError) as raised:
        load_settings(root)
    [problem] = raised.value.problems
    assert (problem.file, problem.line) == ("themes/base/hugo.toml", 2)


def test_a_theme_linked_from_outside_the_site_is_a_warning_at_the_theme_line(tmp_path):
    # hugo 0.149.1 reads the linked theme; manualgen reads nothing outside the site, and
    # says so instead of leaving the theme out without a word
    outside = tmp_path / "elsewhere"
    (outside / "layouts" / "shortcodes").mkdir(parents=True)
    (outside / "layouts" / "shortcodes" / "hi.html").write_text("secret", encoding="utf-8")
    root = write_site(tmp_path / "site", {"content/_index.md": page("Home"),
                                          "content/a.md": page("A", body="x {{< hi >}} y")},
                      hugo='title = "T"\ntheme = "linked"\n')
    (root / "themes").mkdir()
    (root / "themes" / "linked").symlink_to(outside)
    found = [(f["code"], f["severity"], f["file"], f["line"]) for f in check_findings(root)]
    assert ("theme-outside", "warning", "hugo.toml", 2) in found
    status, said = build_all(root, tmp_path / "out")
    assert status == 0, said
    assert "Traceback" not in said and "secret" not in next((tmp_path / "out").glob("*.html")).read_text()
    assert "hugo.toml:2: warning:" in said


def test_a_theme_name_too_long_for_the_file_system_is_a_missing_theme(tmp_path):
    # its static folder was looked for: OSError; hugo 0.149.1 and 0.168.0 stop ("module
    # not found"), as for any theme that is not in themes/
    root = write_site(tmp_path / "site", {"content/a.md": page("A"), "themes/other/hugo.toml": ""},
                      hugo='title = "T"\ntheme = ["' + "x" * 300 + '"]\n')
    status, said = build_all(root, tmp_path / "out")
    assert status == 0 and "Traceback" not in said, said
    warning = next(line for line in said.splitlines() if "theme-missing" in line)
    assert warning.startswith('hugo.toml:2: warning: the theme "xxx') and len(warning) < 500
    assert "<h1" in next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")


@pytest.mark.parametrize("config, line", [
    ('title = "T"\n\ntheme = "missing"\n', 3),
    ('title = "T"\ntheme = ["other", "a/b"]\n', 2),
    ('title = "T"\n[module]\n[[module.imports]]\npath = "missing"\n', 4)])
def test_a_theme_not_in_the_themes_folder_is_a_warning_at_its_line(tmp_path, config, line):
    # manualgen printed the site without a word; hugo 0.149.1 and 0.168.0 stop: 'module
    # "missing" not found in "themes/missing"; either add it as a Hugo Module or store it in
    # themes' (a module path such as github.com/x/y is one Hugo downloads: no warning)
    root = write_site(tmp_path / "site", {"content/a.md": page("A"), "themes/other/hugo.toml": ""},
                      hugo=config)
    found = [(f["code"], f["file"], f["line"]) for f in check_findings(root)]
    assert found == [("theme-missing", "hugo.toml", line)]


def test_a_module_path_theme_that_hugo_downloads_is_no_warning(tmp_path):
    root = write_site(tmp_path / "site", {"content/a.md": page("A"), "go.mod": "module x\n"},
                      hugo='title = "T"\ntheme = "github.com/google/docsy"\n')
    assert check_findings(root) == []


def test_a_themes_language_params_are_defaults_under_the_sites(tmp_path):
    # hugo 0.149.1 printed [theme-all/blue//site] in English and
    # [theme-fr/red/site-fr/site] in French; the site's own params win over the theme's
    # language params, the theme's language params over its params
    from manualgen.render import param_value

    root = write_site(tmp_path / "site", {
        "themes/th/hugo.toml": '[params]\nhello = "theme-all"\ncolor = "red"\n'
                               '[languages.fr.params]\nhello = "theme-fr"\nown = "theme-own-fr"\n'
                               'siteonly = "theme"\n[languages.en.params]\ncolor = "blue"\n'
                               '[languages.de.params]\nhello = "no such language"\n',
        "content/a.md": page("A")},
        hugo='title = "T"\ntheme = "th"\n[params]\nsiteonly = "site"\n[languages.en]\nweight = 1\n'
             '[languages.fr]\nweight = 2\n[languages.fr.params]\nown = "site-fr"\n')
    settings = load_settings(root)
    shown = {lang: [param_value(settings, lang, key) for key in ("hello", "color", "own", "siteonly")]
             for lang in settings.languages}
    assert shown == {"en": ["theme-all", "blue", None, "site"],
                     "fr": ["theme-fr", "red", "site-fr", "site"]}


def test_thousands_of_keys_printed_from_the_default_language_are_placed_in_linear_time(tmp_path):
    # each fallback's line was found by reading both files again and matching a pattern
    # against every line: 10,000 keys took 28 s
    import time

    from manualgen.i18n import Translator

    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "en.toml").write_text("".join(f'k{n} = "v{n}"\n' for n in range(5000)), encoding="utf-8")
    (folder / "fr.toml").write_text('# K4999 is still to translate\nother = "x"\n', encoding="utf-8")
    translator = Translator("fr", [folder], "en")
    started = time.process_time()
    assert [translator.translate(f"k{n}") for n in range(5000)][-1] == "v4999"
    assert time.process_time() - started < 2.0
    fallback = translator.used_fallbacks["k4999"]
    assert (fallback.source_line, fallback.line) == (5000, 1)
    assert translator.used_fallbacks["k1"].source_line == 2  # not k10's or k100's line
    assert translator.used_fallbacks["k1"].line is None
