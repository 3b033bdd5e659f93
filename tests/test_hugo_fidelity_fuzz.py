"""Any page text and any front matter: ``manualgen check`` reports, it never crashes.  The
alphabets lean on what the Goldmark readings of this branch look at (pipes, backslashes,
hashes, list markers, blank lines, raw HTML, emoji codes, dates)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.cli import main

from .conftest import HUGO_TOML, write_site
from .test_convert import Site

PIECES = list("ab1 \t\n\n|\\#-*+).`:<>/{}[]!~'\"=_") + [
    ":smile:", "<div>", "</div>", "<span>", "1) ", "- ", "   ", "| a |", "|---|", "> "]
# Braces kept apart: "{{<" opens a shortcode, whose syntax errors are findings by design
# (test_fuzz_sites.py draws those); here the Markdown readings are what is fuzzed.
MARKDOWN = st.lists(st.sampled_from(PIECES), max_size=60).map(
    lambda pieces: re.sub(r"\{(?=\{)", "{ ", "".join(pieces)))

SITE_TOML = ("enableEmoji = true\n" + HUGO_TOML.replace("unsafe = true", "unsafe = false")
             + "[markup.goldmark.parser.attribute]\nblock = true\n"
             + '[markup.goldmark.extensions]\nlinkifyProtocol = "ftp"\n')


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWN)
def test_the_converter_takes_any_text_with_the_hugo_switches(tmp_path_factory, text):
    site = Site(tmp_path_factory.mktemp("fz"), hugo=SITE_TOML)
    assert isinstance(site.render(text), str)


DATES = st.one_of(st.sampled_from(["2099-01-01", "2001-01-01", "", "tomorrow", "2024-02-30",
                                   "0000-00-00", "[]", "{a: 1}", "2024-01-01T25:00:00"]),
                  st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
KEYS = st.sampled_from(["date", "publishDate", "pubdate", "lastmod", "modified", "expiryDate",
                        "published", "title", "weight", "linkTitle"])


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.dictionaries(KEYS, DATES, max_size=4),
       order=st.lists(st.sampled_from([":default", ":git", "lastmod", "date", "bogus", ":filename"]),
                      max_size=3),
       body=MARKDOWN)
def test_check_takes_any_dates_and_front_matter_config(tmp_path_factory, capsys, keys, order, body):
    front = "".join(f"{key}: {_yaml(value)}\n" for key, value in keys.items())
    hugo = SITE_TOML + f"[frontmatter]\ndate = {json.dumps(order)}\npublishDate = {json.dumps(order)}\n"
    root: Path = write_site(tmp_path_factory.mktemp("site"), {
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/a.md": f"---\n{front}---\n{body}",
        "content/de/b.de.md": "---\ntitle: B\n---\n" + body,
    }, hugo=hugo)
    status = main(["check", "--site", str(root), "--format", "json", "--lang", "de"])
    out = capsys.readouterr().out
    assert status in (0, 1), out
    assert "Traceback" not in out
    json.loads(out)
