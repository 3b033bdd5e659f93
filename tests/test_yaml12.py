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
    home = discover(settings, "nb", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    titles = [p.title for p in home.walk()]
    assert titles == ["Start", "No"]  # b.md is a draft: "yes" still switches it on
    assert Translator("nb", settings.i18n_dirs).translate("answer") == "No"
