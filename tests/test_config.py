"""Settings from a Hugo config and manualgen.toml; every problem reported together."""

from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.cache import Cache, input_key
from manualgen.cli import main
from manualgen.config import load_settings
from manualgen.errors import ConfigError

from .conftest import page, write_site


def test_languages_from_hugo_config_in_weight_order(tmp_path):
    site = write_site(tmp_path, {"content/de/_index.md": page("Home")})
    settings = load_settings(site)
    assert list(settings.languages) == ["de", "fr"]
    assert settings.languages["fr"].title == "Manuel de test"
    assert settings.languages["fr"].content_dirs == [(site / "content/fr").resolve()]
    assert settings.base_path == "/docs/"
    assert settings.version == "2.0"
    assert settings.default_language == "de"


def test_yaml_hugo_config_and_module_mounts(tmp_path):
    hugo = """\
baseURL: https://example.org/
defaultContentLanguage: en
languages:
  en: {weight: 1, languageName: English, title: Manual}
  it: {weight: 2, languageName: Italiano}
module:
  mounts:
    - {source: docs/en, target: content, lang: en}
    - {source: docs/it, target: content, lang: it}
    - {source: pictures, target: static}
"""
    (tmp_path / "hugo.yaml").write_text(hugo)
    settings = load_settings(tmp_path)
    assert settings.languages["it"].content_dirs == [(tmp_path / "docs/it").resolve()]
    assert (tmp_path / "pictures").resolve() in settings.static_dirs


def test_manualgen_toml_unknown_keys_are_all_reported_with_lines(tmp_path):
    write_site(tmp_path, {"content/de/_index.md": page("Home")})
    (tmp_path / "manualgen.toml").write_text(
        '[manual]\nname = "x"\ncolour = "red"\n\n[print]\npaper = "a3"\ntoc_depht = 2\n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    messages = {(p.line, p.message.split(" (")[0]) for p in info.value.problems}
    assert (3, 'unknown key "manual.colour"') in messages
    assert (7, 'unknown key "print.toc_depht"') in messages
    assert any("print.paper" in p.message and p.line == 6 for p in info.value.problems)


def test_hugo_config_syntax_error_has_a_line(tmp_path):
    (tmp_path / "hugo.toml").write_text('title = "x"\nbaseURL = \n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert info.value.problems[0].line == 2


# Hugo's configuration directory: config/_default/, then config/<environment>/ over it.
CONFIG_DIR_SITE = {
    "config/_default/hugo.toml": """
        title = "Test manual"
        defaultContentLanguage = "de"
        """,
    "config/_default/languages.toml": """
        [de]
        languageName = "Deutsch"
        contentDir = "content/de"
        weight = 1
        [fr]
        languageName = "Français"
        contentDir = "content/fr"
        weight = 2
        """,
    "config/_default/params.toml": 'version = "2.0"\n',
    "config/_default/params.fr.toml": 'title = "Manuel de test"\n',
    "config/_default/markup.yaml": "goldmark:\n  renderer:\n    unsafe: true\n",
    "content/de/_index.md": page("Start", body="Text."),
    "content/fr/_index.md": page("Accueil", body="Texte."),
}


def test_config_directory_alone_gives_languages_params_and_markup(tmp_path, monkeypatch):
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = write_site(tmp_path, CONFIG_DIR_SITE, hugo=None)
    settings = load_settings(site)
    assert settings.site_root == site.resolve()
    assert list(settings.languages) == ["de", "fr"]
    assert settings.languages["fr"].title == "Manuel de test"
    assert settings.languages["fr"].content_dirs == [(site / "content/fr").resolve()]
    assert settings.default_language == "de"
    assert settings.version == "2.0"
    assert settings.goldmark == {"renderer": {"unsafe": True}}
    assert [p.relative_to(site.resolve()).as_posix() for p in settings.config_files] == [
        "config/_default/hugo.toml", "config/_default/languages.toml",
        "config/_default/markup.yaml", "config/_default/params.fr.toml", "config/_default/params.toml"]


def test_config_directory_environment_overrides_default_and_root_file(tmp_path, monkeypatch):
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = write_site(tmp_path, {
        **CONFIG_DIR_SITE,
        "hugo.toml": 'title = "From the root file"\nbaseURL = "https://example.org/docs/"\n',
        "config/production/params.toml": 'version = "2.1"\n',
        "config/development/params.toml": 'version = "dev"\n',
        "config/production/languages.toml": "[FR]\nweight = 0\n",
    })
    settings = load_settings(site)
    assert settings.version == "2.1"
    assert settings.title == "Test manual"  # config/_default/hugo.toml over the root hugo.toml
    assert settings.base_path == "/docs/"  # what only the root file says is kept
    assert settings.languages["fr"].name == "Français"  # [FR] merged into [fr], not replacing it
    assert settings.config_files[0] == (site / "hugo.toml").resolve()
    monkeypatch.setenv("HUGO_ENVIRONMENT", "development")
    assert load_settings(site).version == "dev"


def test_hugo_config_may_name_a_config_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = write_site(tmp_path / "site", CONFIG_DIR_SITE, hugo=None)
    (tmp_path / "manualgen.toml").write_text('hugo_config = "site/config"\n')
    settings = load_settings(tmp_path)
    assert settings.site_root == site.resolve()
    assert settings.languages["de"].content_dirs == [(site / "content/de").resolve()]


def test_config_directory_errors_name_file_and_line_all_together(tmp_path):
    site = write_site(tmp_path, {
        **CONFIG_DIR_SITE,
        "config/_default/params.toml": 'version = "2.0"\ncolour = \n',
        "config/_default/menus.de.yaml": "main:\n  - name: Start\n   url: /\n",
    }, hugo=None)
    with pytest.raises(ConfigError) as info:
        load_settings(site)
    where = {(Path(p.file).as_posix(), p.line) for p in info.value.problems}  # site-relative
    assert ("config/_default/params.toml", 2) in where
    assert ("config/_default/menus.de.yaml", 3) in where


def test_a_change_in_the_config_directory_changes_the_cache_key(tmp_path):
    site = write_site(tmp_path, CONFIG_DIR_SITE, hugo=None)
    before, paths = input_key(Cache(tmp_path / "cache"), load_settings(site), "de", "")
    assert (site / "config/_default/params.toml").resolve() in paths
    (site / "config/_default/params.toml").write_text('version = "2.0.1"\n')
    after, _ = input_key(Cache(tmp_path / "cache"), load_settings(site), "de", "")
    assert after != before


def test_cli_builds_every_language_of_a_config_directory_site(tmp_path, capsys):
    site = write_site(tmp_path / "site", CONFIG_DIR_SITE, hugo=None)
    out = tmp_path / "out"
    argv = ["build", "--site", str(site), "--all", "--out", str(out), "--jobs", "1", "--no-cache", "-q"]
    assert main(argv) == 0, capsys.readouterr()
    assert sorted(p.name for p in out.glob("*.pdf")) == ["test-manual-de.pdf", "test-manual-fr.pdf"]


def test_cli_unknown_language_lists_the_configured_ones(tmp_path, capsys):
    write_site(tmp_path, {"content/de/_index.md": page("Home")})
    assert main(["build", "--site", str(tmp_path), "--lang", "xx", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert '"xx" is not configured' in err and "de, fr" in err


def test_cli_language_without_content_is_a_clear_error(tmp_path, capsys):
    write_site(tmp_path, {"content/de/_index.md": page("Home")})
    assert main(["check", "--site", str(tmp_path), "--lang", "fr"]) == 1
    assert "has no content" in capsys.readouterr().out


def test_cli_config_errors_exit_1_without_traceback(tmp_path, capsys):
    (tmp_path / "manualgen.toml").write_text("[manual]\nnope = 1\n")
    assert main(["check", "--site", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "manualgen.toml:2" in err and "Traceback" not in err


def test_cli_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["build", "--no-such-option"])
    assert info.value.code == 2


@pytest.mark.parametrize("setting, message", [
    ('paper = "a3"', "print.paper must be one of a4, a5, letter"),
    ('sides = "both"', 'print.sides must be "twoside" or "oneside"'),
    ('pdf_variant = "pdf/x-4"', "print.pdf_variant must be one of pdf/ua-1, pdf/a-3a, pdf/a-3b, pdf/a-3u, none"),
    ('margin_top = "2 cm"', 'print.margin_top must be a length such as "20mm"'),
    ('margin_inner = "20"', 'print.margin_inner must be a length such as "20mm"'),
    ("toc_depth = 7", "print.toc_depth must be between 1 and 6"),
    ("toc_depth = 0", "print.toc_depth must be between 1 and 6"),
    ("image_ppi = 2401", "print.image_ppi must be between 50 and 2400"),
    ("numbering = 1", '"print.numbering" must be true or false'),
    ("toc_depth = true", '"print.toc_depth" must be a whole number'),
])
def test_print_options_are_checked_against_the_schema_with_their_line(tmp_path, setting, message):
    write_site(tmp_path, {"content/de/_index.md": page("Home"),
                          "manualgen.toml": f'[manual]\nname = "m"\n\n[print]\n{setting}\n'})
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert [(p.file, p.line, p.message) for p in info.value.problems] == [("manualgen.toml", 5, message)]


def test_every_problem_of_both_files_is_reported_together(tmp_path):
    write_site(tmp_path, {"content/de/_index.md": page("Home"),
                          "manualgen.toml": '[print]\npaper = "a3"\ntoc_depth = 9\n[manual]\nlogo = "no.png"\n'},
               hugo='defaultContentLanguage = "xx"\nignoreFiles = ["(unclosed"]\n'
                    '[languages.de]\nweight = 1\n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    found = {(p.file, p.line, p.message.split(" (")[0].split(":")[0]) for p in info.value.problems}
    assert found == {
        ("manualgen.toml", 2, "print.paper must be one of a4, a5, letter"),
        ("manualgen.toml", 3, "print.toc_depth must be between 1 and 6"),
        ("manualgen.toml", 5, 'logo "no.png" does not exist'),
        ("hugo.toml", None, 'defaultContentLanguage "xx" is not among the languages'),
        ("hugo.toml", 2, 'ignoreFiles "(unclosed" is not a regular expression'),
    }


@pytest.mark.parametrize("name, text", [
    ("hugo.yaml", 'title: x\nmodule:\n  mounts:\n    - source: "docs\\0"\n      target: content\n'),
    ("hugo.json", '{"title": "x", "staticDir": ["st\\u0000atic"]}'),
])
def test_a_nul_character_in_a_setting_is_a_finding(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    (problem,) = info.value.problems
    assert problem.file == name and "holds a NUL character" in problem.message


@pytest.mark.parametrize("name, text", [
    ("hugo.yaml", "a: " + "[" * 50_000 + "]" * 50_000),
    ("hugo.json", '{"a": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    ("hugo.toml", "a = " + "[" * 50_000 + "]" * 50_000),
])
def test_lists_nested_too_deeply_are_a_finding_not_a_crash(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert [p.message for p in info.value.problems] == ["lists or tables nested too deeply to read"]


def test_file_names_too_long_for_the_system_are_findings(tmp_path):
    long = "y" * 300
    (tmp_path / "hugo.toml").write_text(f'title = "t"\nstaticDir = "{long}"\n[[module.mounts]]\n'
                                        f'source = "{long}"\ntarget = "static"\n')
    (tmp_path / "manualgen.toml").write_text(f'hugo_config = "{long}"\n[manual]\nlogo = "{long}"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert [(p.line, p.message[:20]) for p in info.value.problems] == [
        (1, 'hugo_config "yyyyyyy'), (3, 'logo "yyyyyyyyyyyyyy')]
