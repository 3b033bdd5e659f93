"""Settings from a Hugo config and manualgen.toml; every problem reported together."""

from __future__ import annotations

import pytest

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
