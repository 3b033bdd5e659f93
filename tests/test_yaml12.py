"""YAML as Hugo ≥ 0.152 reads it (YAML 1.2) in front matter and i18n files: only true and
false are booleans, so the words "No", "Yes", "On" and "Off" print as words."""

import datetime as dt

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings
from manualgen.i18n import Translator

from .conftest import write_site

HUGO = 'defaultContentLanguage = "nb"\n[languages.nb]\nweight = 1\n'


def test_words_that_yaml_1_1_took_for_booleans_stay_words(tmp_path):
    site = write_site(tmp_path, {
        "hugo.toml": HUGO,
        "content/_index.md": "---\ntitle: Start\n---\n",
        "content/a.md": "---\ntitle: No\nweight: 1\n---\nx\n",
        "content/b.md": "---\ntitle: B\ndraft: yes\n---\nx\n",
        "i18n/nb.yaml": "answer:\n  other: No\n",
    })
    settings = load_settings(site)
    findings = Findings()
    home = discover(settings, "nb", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    titles = [p.title for p in home.walk()]
    # "yes" is a word, which Hugo's strconv.ParseBool does not read as true: Hugo 0.168.0
    # publishes b.md, and the writer is told (0.149, reading YAML 1.1, left it out)
    assert titles == ["Start", "No", "B"]
    assert [(f.line, f.message.split(":")[0]) for f in findings.warnings] == [
        (3, 'draft "yes" is neither true nor false')]
    assert Translator("nb", settings.i18n_dirs).translate("answer") == "No"


# What Hugo 0.152.2 printed for each title (its YAML reader, goccy/go-yaml; run 2026-12-07).
NUMBER_TITLES = {
    "0o17": "15", "017": "15", "0x1F": "31", "0b101": "5", "1_000": "1000", "+12": "12",
    ".inf": "+Inf", "-.inf": "-Inf", ".nan": "NaN", "1.0": "1", "0.1e-2": "0.001",
    "1e3": "1e3", "1:20": "1:20", "yes": "yes", "on": "on", "Off": "Off",
    "!!binary aGk=": "hi", "2024-01-05": "2024-01-05",
    "2024-01-05T10:00:00Z": "2024-01-05T10:00:00Z",
}


def test_numbers_in_titles_print_as_hugo_prints_them(tmp_path):
    files = {"hugo.toml": HUGO, "content/_index.md": "---\ntitle: Start\n---\n"}
    for n, written in enumerate(NUMBER_TITLES):
        files[f"content/p{n}.md"] = f"---\ntitle: {written}\nweight: {n + 1}\n---\nx\n"
    site = write_site(tmp_path, files)
    findings = Findings()
    home = discover(load_settings(site), "nb", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert [p.title for p in home.walk()][1:] == list(NUMBER_TITLES.values())
    # a number printed otherwise than written is named at its line, with the way to keep it
    warned = {f.message.split(" is a number")[0] for f in findings.warnings}
    assert warned == {f"title {w}" for w, printed in NUMBER_TITLES.items()
                      if printed != w and not w.startswith("!!")}
    assert all(f.line == 2 for f in findings.warnings)


def test_the_config_reads_yaml_numbers_as_hugo_too(tmp_path):
    site = write_site(tmp_path, {
        "hugo.yaml": "title: 1:20\nparams:\n  n: 0o17\n",
        "content/_index.md": "---\ntitle: Start\n---\n",
    }, hugo=None)
    assert load_settings(site).title == "1:20"
