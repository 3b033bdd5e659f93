"""Writers' mistakes drawn at random in what earlier fuzzing left out: shortcode calls with odd
parameters, front matter values of the wrong type in all three formats, translation files and
Hugo settings of any shape.  Each site is checked within seconds, without a traceback, and
every finding about a file names it."""

from __future__ import annotations

import json
import math
import os
import time

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.cli import main

from .conftest import page

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")), deadline=None,
                suppress_health_check=list(HealthCheck))
HOME = {"content/de/_index.md": page("Start", body="Hallo.\n")}
HUGO = ('baseURL = "https://example.org/docs/"\ntitle = "T"\ndefaultContentLanguage = "de"\n'
        '[languages.de]\ncontentDir = "content/de"\nweight = 1\n'
        '[languages.fr]\ncontentDir = "content/fr"\nweight = 2\n')
FILE_CODES = {"bad-front-matter", "bad-encoding", "bad-shortcode", "unclosed-shortcode", "bad-i18n",
              "crossed-shortcode", "broken-link", "missing-param", "unknown-shortcode"}

# --- shortcode calls ---------------------------------------------------------------------------

NAMES = st.sampled_from(["alert", "ref", "relref", "highlight", "figure", "param", "tabpane", "tab",
                         "details", "markdown", "notice", "hint", "x", "a/b", "日本", ""])
PARAMS = st.sampled_from([
    'title="T"', '"pos"', "pos", "`raw\nover lines`", "`raw", '"open', "a=", "=b", 'a="x" "y"',
    "a=5", "b=true", 'lang="fr"', 'lang="xx"', 'path="nowhere"', '"hl_lines=a-b,linenostart=x"',
    '"\\"q\\""', "“x y”", "k=`v`", "\t", "\n", 'src=""', 'width="-5"', "a.b=c", "/"])
OPENERS = st.sampled_from(["{{<", "{{%", "{{</*", "{{< ", "{{%/*", "{{<\n"])
CLOSERS = st.sampled_from([">}}", "%}}", "*/>}}", "*/%}}", "/>}}", "", " >}}\n"])
INNERS = st.sampled_from(["", "Text", "## Überschrift\n\nText\n", "Titel\n=====\n", "- a\n- b\n",
                          "```\ncode\n```\n", "**b** [l](/u)", "{{< alert >}}innen{{< /alert >}}",
                          "{{% alert %}}# H{{% /alert %}}", "> zitat\n", "| a |\n|---|\n| b |\n"])


@st.composite
def shortcode_calls(draw) -> str:
    name = draw(NAMES)
    opener, closer = draw(OPENERS), draw(CLOSERS)
    params = " ".join(draw(st.lists(PARAMS, max_size=4)))
    call = f"{opener} {name} {params} {closer}"
    if draw(st.booleans()):
        call += draw(INNERS) + draw(st.sampled_from([f"{opener} /{name} {closer}", "{{< /alert >}}",
                                                     f"{{{{% /{name} %}}}}", ""]))
    return call


# --- front matter ------------------------------------------------------------------------------

VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**20), st.floats(allow_nan=True),
                   st.sampled_from(["", "zwei", "2024-13-45", "2024-01-01T10:00:00+99:00", "0000-01-01",
                                    "gestern", "/a/b", "../x", "{{< ref x >}}", "[", "2.0", "\\x07"]),
                   st.lists(st.sampled_from([1, "a", None]), max_size=2),
                   st.dictionaries(st.sampled_from(["a", "_target", "path", "weight", "main"]),
                                   st.sampled_from([1, "x", None]), max_size=2))
KEYS = st.sampled_from(["title", "weight", "date", "publishDate", "expiryDate", "lastmod", "aliases", "slug",
                        "url", "linkTitle", "description", "draft", "headless", "translationKey", "menu",
                        "cascade", "_build", "build", "resources", "params", "type", "layout", "outputs",
                        "markup", "no_print", "hidden", "bookHidden", "chapter", "tags", "keywords"])


def _toml_value(value) -> str:
    if value is None:
        return '""'
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def front_matter(kind: str, meta: dict) -> str:
    if kind == "yaml":
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
    if kind == "toml":
        return "+++\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in meta.items()) + "+++\n"
    return json.dumps(meta, default=str) + "\n"


# --- translation files and Hugo settings ---------------------------------------------------------

TEXTS = st.one_of(VALUES, st.dictionaries(st.sampled_from(["one", "other", "few", "zero"]), VALUES, max_size=3))
I18N = st.one_of(st.dictionaries(st.sampled_from(["hello", "count", "x"]), TEXTS, max_size=3),
                 st.lists(st.one_of(st.fixed_dictionaries({"id": st.sampled_from(["hello", 5]),
                                                           "translation": TEXTS}), VALUES), max_size=3),
                 VALUES)
SETTINGS = st.dictionaries(st.sampled_from([
    "title", "baseURL", "menus", "params", "cascade", "ignoreFiles", "markup", "module", "taxonomies",
    "frontmatter", "buildDrafts", "buildFuture", "staticDir", "copyright", "contentDir"]), VALUES, max_size=3)
LANGUAGE = st.dictionaries(st.sampled_from(["weight", "languageName", "title", "contentDir", "languageCode",
                                            "languageDirection", "params", "menus", "disabled"]),
                           VALUES, max_size=3)


def _checked(tmp_path_factory, capsys, files: dict[str, str], hugo: str | None = HUGO) -> list[dict]:
    site = tmp_path_factory.mktemp("site")
    for name, text in {**({"hugo.toml": hugo} if hugo else {}), **HOME, **files}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.process_time()
    status = main(["check", "--site", str(site), "--format", "json", "--no-cache", "--lang", "de"])
    out, err = capsys.readouterr()
    assert time.process_time() - start < 10, files
    assert "Traceback" not in err and status in (0, 1, 2), (status, err, files)
    findings = json.loads(out)["findings"] if status != 2 else []
    assert not [f for f in findings if f["code"] == "internal-error"], (findings, files)
    assert all(f["file"] for f in findings if f["code"] in FILE_CODES), (findings, files)
    return findings


@FUZZ
@given(calls=st.lists(shortcode_calls(), min_size=1, max_size=4), between=st.sampled_from(["\n\n", " ", "\n"]))
def test_shortcode_calls_with_odd_parameters_are_checked_without_a_traceback(tmp_path_factory, capsys,
                                                                               calls, between):
    _checked(tmp_path_factory, capsys, {"content/de/a.md": page("A", 1, body="Intro\n\n" + between.join(calls)),
                                        "content/de/nowhere.md": page("N", 2)})


@FUZZ
@given(kind=st.sampled_from(["yaml", "toml", "json"]), meta=st.dictionaries(KEYS, VALUES, max_size=5))
def test_front_matter_of_the_wrong_types_is_checked_without_a_traceback(tmp_path_factory, capsys, kind,
                                                                          meta):
    _checked(tmp_path_factory, capsys, {"content/de/a.md": front_matter(kind, meta) + "Text\n",
                                        "content/de/b.md": page("B", 1, body="[a](a.md)\n")})


@FUZZ
@given(data=I18N, kind=st.sampled_from(["toml", "yaml", "json"]))
def test_translation_files_of_any_shape_are_checked_without_a_traceback(tmp_path_factory, capsys, data,
                                                                          kind):
    if kind == "toml":
        text = ("".join(f"{k} = {_toml_value(v)}\n" for k, v in data.items()) if isinstance(data, dict)
                else f"x = {_toml_value(data)}\n")
    elif kind == "yaml":
        text = yaml.safe_dump(data, allow_unicode=True)
    else:
        text = json.dumps(data, default=str)
    _checked(tmp_path_factory, capsys, {
        f"i18n/de.{kind}": text, "manualgen.toml": '[paths]\nshortcodes = "sc"\n',
        "sc/greet.html": "{{ T('hello') }}|{{ T('count', 3) }}|{{ T('x', 1) }}",
        "content/de/a.md": page("A", 1, body="G: {{< greet >}}\n")})


@FUZZ
@given(top=SETTINGS, de=LANGUAGE, where=st.sampled_from(["hugo.yaml", "hugo.json", "hugo.toml"]))
def test_hugo_settings_of_any_shape_are_checked_without_a_traceback(tmp_path_factory, capsys, top, de,
                                                                      where):
    config = {"baseURL": "https://example.org/", "defaultContentLanguage": "de", **top,
              "languages": {"de": {"contentDir": "content/de", **de}}}
    if where == "hugo.yaml":
        text = yaml.safe_dump(config, allow_unicode=True)
    elif where == "hugo.json":
        text = json.dumps(config, default=str)
    else:
        text = "".join(f"{k} = {_toml_value(v)}\n" for k, v in config.items())
    _checked(tmp_path_factory, capsys, {where: text, "content/de/a.md": page("A", 1, body="Text\n")},
             hugo=None)

