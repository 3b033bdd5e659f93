"""Jinja templates compiled once per process (issue 11): the languages of a build and the
builds of --watch share them, and an edited template is compiled afresh."""

from __future__ import annotations

import jinja2

from manualgen.build import BuildOptions, build
from manualgen.cli import main
from manualgen.compiled_templates import CompiledTemplates

from .conftest import page, write_site

SHORTCODE = "manualgen/shortcodes/greeting.html"  # a print template of the site


def _site(tmp_path):
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Vorher {{< greeting >}} nachher\n"),
        "content/fr/_index.md": page("Début", body="Avant {{< greeting >}} après\n"),
        SHORTCODE: "<strong>Hallo</strong>",
    })


def test_the_second_language_compiles_no_template_the_first_compiled(tmp_path, monkeypatch):
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def compile_(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_)
    site = _site(tmp_path)
    result = build(site, BuildOptions(all=True, out=tmp_path / "out", html=True, no_cache=True,
                                      jobs=1, check_only=True))
    assert not result.findings.errors
    assert "greeting.html" in compiled and "manual.html" in compiled
    assert len(compiled) == len(set(compiled))  # each once, for both languages


def test_a_template_edited_between_two_builds_of_one_process_is_compiled_again(tmp_path):
    site = _site(tmp_path)
    templates = CompiledTemplates()
    argv = ["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
            "--no-cache", "--html", "--quiet"]
    assert main(argv, templates=templates) == 0
    kept = len(templates)
    html = next((tmp_path / "out").glob("*.html"))
    assert "<strong>Hallo</strong>" in html.read_text(encoding="utf-8") and kept
    (site / SHORTCODE).write_text("<em>Grüezi</em>", encoding="utf-8")
    assert main(argv, templates=templates) == 0
    text = html.read_text(encoding="utf-8")
    assert "<em>Grüezi</em>" in text and "Hallo" not in text
    assert len(templates) == kept  # the same template, its entry replaced
