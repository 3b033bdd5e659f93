"""Hugo 0.149 reads ``\\'`` inside a double-quoted YAML text as a plain quote (Azuriom's
i18n files write "C\\'est la solution" throughout); YAML 1.2 has no such escape, and
PyYAML refused the file: a ``bad-i18n`` or ``bad-front-matter`` error that stopped a build
Hugo makes.  Other unknown escapes (``\\d``) still stop both."""

import datetime as dt

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import check_findings, write_site

QUOTE = "\\'"


def site(root, title: str, translation: str):
    return write_site(root, {
        "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "T"\ndefaultContentLanguage = "fr"\n',
        "content/_index.md": f'---\ntitle: "{title}"\n---\nBonjour.\n',
        "i18n/fr.yaml": f'docs:\n  faq: "{translation}"\n',
    }, hugo=None)


def test_an_escaped_quote_in_double_quotes_is_a_quote(tmp_path):
    root = site(tmp_path, f"C{QUOTE}est parti", f"Questions fr{QUOTE}équentes")
    # in front matter with a warning: Hugo 0.153 and later stop for it
    assert [(f["file"], f["line"]) for f in check_findings(root)] == [("content/_index.md", 2)]
    home = discover(load_settings(root), "fr", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert home.title == "C'est parti"


def test_an_escape_hugo_does_not_know_is_still_an_error(tmp_path):
    codes = {f["code"] for f in check_findings(site(tmp_path, "Bonjour", "A\\dB"))}
    assert "bad-i18n" in codes
