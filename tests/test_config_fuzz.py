"""Fuzzing the config reader: whatever the files hold, a ConfigError with findings, never a crash."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.config import load_settings
from manualgen.errors import ManualgenError

HUGO_TOML = """\
baseURL = "https://example.org/docs/"
title = "Fuzz"
defaultContentLanguage = "de"
staticDir = ["static", "more"]
ignoreFiles = ['\\.wip$']
[languages.de]
label = "Deutsch"
contentDir = "content/de"
weight = 1
direction = "ltr"
[languages.no]
languageName = "Norsk"
weight = 2
[[module.mounts]]
source = "docs/no"
target = "content/guide"
[module.mounts.sites.matrix]
languages = ["no", "! de"]
[[module.mounts]]
source = "img"
target = "static/img/logos"
"""

MANUALGEN_TOML = """\
[manual]
name = "fuzz"
logo = "logo.png"
keywords = ["a", "b"]
[print]
paper = "a5"
toc_depth = 2
margin_top = "20mm"
image_ppi = 300
stylesheets = ["print.css"]
[labels.de]
contents = "Inhalt"
[languages.no]
title = "Håndbok"
"""

KEYS = ["languages", "module", "mounts", "source", "target", "lang", "sites", "matrix", "contentDir",
        "staticDir", "assetDir", "baseURL", "defaultContentLanguage", "weight", "params", "title",
        "label", "languageName", "direction", "locale", "languageCode", "disabled", "disableLanguages",
        "ignoreFiles", "cascade", "markup", "goldmark", "de", "no", "en", "version", "buildDrafts",
        "manual", "print", "paths", "labels", "paper", "toc_depth", "image_ppi", "stylesheets", "logo",
        "static", "hugo_config", "output", "name", "keywords"]

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.sampled_from(["content", "static/x", "content/../..", "../..", "{", "**", "! de",
                                     "rtl", "a4", "", "/", "\\", "no", "yes", "20mm", "(", "config", "a\x00b",
                                     "[[a", "x" * 300, "https://[x/", "//h:port/", "http://a]b"]),
                    st.text(max_size=12))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=5)),
    max_leaves=30)
TREES = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8)

# Mutations of a valid file: cut a slice out, or put some text in.
NOISE = st.lists(st.sampled_from(list('[]{}="\',:-#.\n\t \\0a\u00e9\u2028\ufeff') + ["[[", "]]", "no", "*"]),
                 max_size=8).map("".join)


def _mutated(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 10)))
        text = text[:start] + data.draw(NOISE) + text[end:]
    return text


def _load(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        for name, text in files.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_settings(site)
        except ManualgenError as error:  # ConfigError included: a finding, never a traceback
            assert str(error)


FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.data())
def test_mutated_hugo_toml_and_manualgen_toml(data):
    _load({"hugo.toml": _mutated(HUGO_TOML, data), "manualgen.toml": _mutated(MANUALGEN_TOML, data)})


@FUZZ
@given(st.data())
def test_mutated_hugo_yaml(data):
    text = yaml.safe_dump(yaml.safe_load(json.dumps({"title": "x", "languages": {"no": {"weight": 1}}})))
    _load({"config/_default/hugo.yaml": _mutated(HUGO_TOML.replace(" = ", ": "), data),
           "config/_default/languages.yaml": _mutated(text, data)})


@FUZZ
@given(TREES, TREES)
def test_any_structure_in_hugo_yaml_json_and_manualgen(hugo, manualgen):
    _load({"hugo.yaml": yaml.safe_dump(hugo, allow_unicode=True),
           "config/_default/params.json": json.dumps(hugo.get("params", {})),
           "manualgen.toml": "\n".join(f"{k} = {json.dumps(v)}" for k, v in manualgen.items()
                                       if isinstance(v, (str, int, bool)) and not isinstance(v, float))})


@FUZZ
@given(TREES)
def test_any_structure_in_hugo_json(hugo):
    _load({"hugo.json": json.dumps(hugo)})
