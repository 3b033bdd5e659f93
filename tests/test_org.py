"""Org Mode pages, which Hugo renders itself (go-org): their ``#+KEY:`` front matter, their
text as go-org prints it (held against what Hugo 0.149.1 wrote), and their place in a build."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen import front_matter, org
from manualgen.build import BuildOptions, build
from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import page, write_site
from .test_hugo_order import hugo_binary, needs_hugo, write


def test_org_front_matter_is_read_as_hugo_reads_it():
    found = front_matter.parse(
        "#+TITLE: Installing\n#+WEIGHT: 2\n#+tags[]: setup  install\n#+alias: /a/\n#+alias: /b/\n"
        "#+filetags: :one:two:\n#+DATE: <2024-03-01 Fri>\n\n* Heading\n", Path("x.org"))
    assert found.meta == {"title": "Installing", "weight": "2", "tags": ["setup", "install"],
                          "alias": ["/a/", "/b/"], "filetags": ["one", "two"],
                          "date": "2024-03-01"}
    assert (found.format, found.body_line, found.body) == ("org", 8, "\n* Heading\n")


@pytest.mark.parametrize(("source", "expected"), [
    ("Some *bold*, /italic/, _under_, +struck+, =verb= and ~code~.",
     ('<p>Some <strong>bold</strong>, <em>italic</em>, <span style="text-decoration: '
     'underline;">under</span>, <del>struck</del>, <code class="verbatim">verb</code> and '
     "<code>code</code>.</p>")),
    ("[[https://example.org/docs][the *docs*]] and [[/x/]] a<b",
     ('<p><a href="https://example.org/docs">the <strong>docs</strong></a> and '
     '<a href="/x/">/x/</a> a&lt;b</p>')),
    ("* One\ntext\n** Two :tag:\n* Gone :noexport:\nhidden\n** Below it\n* COMMENT Also gone\n* Three",
     ('<h2 id="headline-1">One</h2>\n<p>text</p>\n<h3 id="headline-2">Two</h3>\n'
     '<h2 id="headline-3">Three</h2>')),
    ("- one\n- two\n  more\n  - nested\n- three\n\n1. first\n2. second",
     ("<ul>\n<li>one</li>\n<li>two\nmore\n<ul>\n<li>nested</li>\n</ul></li>\n<li>three</li>\n</ul>"
     "\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>")),
    ("- Term :: its text\n- Other :: more",
     "<dl>\n<dt>Term</dt>\n<dd>its text</dd>\n<dt>Other</dt>\n<dd>more</dd>\n</dl>"),
    ("#+BEGIN_SRC bash\n  echo <hi>\n,* not a headline\n#+END_SRC",
     '<pre><code class="language-bash">  echo &lt;hi&gt;\n* not a headline</code></pre>'),
    ("| a | b |\n|---+---|\n| x | 2 |",
     ('<table><thead><tr><th>a</th><th style="text-align: right;">b</th></tr></thead>'
      '<tbody><tr><td>x</td><td style="text-align: right;">2</td></tr></tbody></table>')),
    # alignment as go-org sets it: cookies (their row not printed), else numbers to the right
    ("| n | t | m |\n|---+---+---|\n| <l> | | <c> |\n| 1 | 1 | 2 |\n| 2.5 | b | c |\n| | |",
     ('<table><thead><tr><th style="text-align: left;">n</th><th>t</th><th style="text-align: '
     'center;">m</th></tr></thead><tbody><tr><td style="text-align: left;">1</td><td>1</td><td '
     'style="text-align: center;">2</td></tr><tr><td style="text-align: left;">2.5</td><td>b'
     '</td><td style="text-align: center;">c</td></tr><tr><td style="text-align: left;"></td>'
     "<td></td></tr></tbody></table>")),
    ("#+BEGIN_QUOTE\nSaid *this*.\n#+END_QUOTE\n: fixed\n-----\n# comment\n#+OPTIONS: toc:nil",
     "<blockquote>\n<p>Said <strong>this</strong>.</p>\n</blockquote>\n<pre>fixed</pre>\n<hr>"),
    ("#+CAPTION: The screen\n[[./shot.png]]",
     ('<figure class="screenshot-figure">\n<img src="./shot.png" alt="shot.png">'
     "<figcaption>The screen</figcaption>\n</figure>")),
    (":PROPERTIES:\n:ID: x\n:END:\nText", "<p>Text</p>"),
    ("[[https://x.y][the =code= and ~more~]]",  # it stopped the build with an IndexError
     ('<p><a href="https://x.y">the <code class="verbatim">code</code> and <code>more</code>'
     "</a></p>")),
    ("- [ ] todo\n- [X] done",
     ('<ul class="task-list">\n<li class="task-list-item"><input type="checkbox" disabled=""> todo'
     '</li>\n<li class="task-list-item"><input type="checkbox" disabled="" checked=""> done'
     "</li>\n</ul>")),
    ("* TODO [#A] First\n#+ATTR_HTML: :width 300\n[[file:shot.png]]",
     ('<h2 id="headline-1">TODO [A] First</h2>\n<p><img width="300" src="shot.png" '
     'alt="shot.png"></p>')),
    # footnotes print as Markdown's: numbered by first use, the list at the end
    ("A[fn:n] b[fn::inline] c[fn:n] d[fn:none].\n\n[fn:n] The *note*\ngoes on.\n\n\nAfter.",
     ('<p>A<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> b<sup '
     'id="fnref:2"><a class="footnote-ref" href="#fn:2">2</a></sup> c<sup id="fnref2:1"><a '
     'class="footnote-ref" href="#fn:1">1</a></sup> d[fn:none].</p>\n<p>After.</p>\n'
     '<div class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n<li id="fn:1">\n<p>The '
     '<strong>note</strong>\ngoes on. <a class="footnote-backref" href="#fnref:1">↩︎</a></p>\n'
     '</li>\n<li id="fn:2">\n<p>inline <a class="footnote-backref" href="#fnref:2">↩︎</a></p>'
     "\n</li>\n</ol>\n</div>")),
])
def test_org_text_prints_as_go_org_prints_it(source, expected):
    assert org.to_html(source) == expected


def test_an_org_page_without_a_title_is_not_titled_by_a_comment(tmp_path):
    site = write_site(tmp_path, {"content/de/_index.md": page("Start"),
                                 "content/de/notiz.org": "# a comment, not a heading\n\nText.\n"})
    findings = Findings()
    home = discover(load_settings(site), "de", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    notiz = next(p for p in home.walk() if p.rel == "notiz.org")
    assert (notiz.title, notiz.body) == ("Notiz", "# a comment, not a heading\n\nText.\n")
    assert [f.code for f in findings.warnings] == ["missing-title"]


def test_an_org_page_is_printed_in_its_place_with_its_shortcodes(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Erste", 1, "Text.\n"),
        "content/de/b.org": "#+TITLE: Org-Seite\n#+WEIGHT: 2\n\n* Schritt\n"
                            "Version {{< param version >}}, *fett*.\n",
        "content/de/c.md": page("Dritte", 3, "Text.\n"),
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert result.ok
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    html = html[html.index("<main"):]  # the chapters, after the contents
    assert "Version 2.0, <strong>fett</strong>." in html
    assert html.index("Erste") < html.index("Org-Seite") < html.index("Schritt") < html.index("Dritte")


SAMPLE = """\
#+TITLE: Sample

Some *bold*, /italic/, _under_, +struck+, =verb= and ~code~ text,
a [[https://example.org/docs][link]] and [[/docs/][another]].

* First step
Download it.

#+BEGIN_SRC bash
  curl -O https://example.org/tool.tar.gz
#+END_SRC

** Details
- one
- two
  more
  - nested
- three

1. first
2. second

- Term :: its text

* Second step
| Name | Value |
|------+-------|
| a    | 1     |

#+BEGIN_QUOTE
A quote.
#+END_QUOTE

: fixed width

* Hidden :noexport:
Not printed.
* Last
The end.
"""


def _words(markup: str) -> list[str]:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).split()


@needs_hugo
def test_the_text_of_an_org_page_is_what_hugo_prints(tmp_path):
    site = write(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "T"\n',
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/sample.org": SAMPLE,
        "layouts/_default/single.html": "{{ .Content }}",
        "layouts/_default/list.html": "",
    })
    subprocess.run([hugo_binary(), "-s", str(site), "-d", str(tmp_path / "public")],
                   check=True, capture_output=True, timeout=120)
    hugo_html = (tmp_path / "public/sample/index.html").read_text(encoding="utf-8")
    body = front_matter.parse(SAMPLE, Path("sample.org")).body
    assert _words(org.to_html(body)) == _words(hugo_html)


def test_many_attribute_lines_above_a_picture_give_it_the_first_width():
    # read one after another, not one call deeper per line (2,000 lines: RecursionError)
    text = "#+ATTR_HTML: :width 300\n" + "#+ATTR_HTML: :width 1\n" * 2000 + "[[file:a.png]]\n"
    assert org.to_html(text) == '<p><img width="300" src="a.png" alt="a.png"></p>'


def test_unclosed_blocks_and_many_footnotes_read_as_org_reads_them():
    text = "#+begin_src\n" * 3 + "#+begin_quote\nq\n#+end_quote\n"
    assert org.to_html(text).count("#+begin_src") == 3 and "<blockquote>" in org.to_html(text)
    notes = org.to_html(" ".join(f"a[fn::note {i}]" for i in range(300)))
    assert notes.count('<li id="fn:') == 300 and '<li id="fn:300">' in notes


# --- inline markup in one pass -------------------------------------------------------------

# the regular expressions org.py used before marked_spans, kept as the reference
_OLD_PRE, _OLD_POST = r"(?:(?<=[\s\-({'\"])|^)", r"(?=[\s\-.,:;!?'\")}\[\]]|$)"


def _old_spans(text: str, marks: str, made) -> str:
    import re

    if len(marks) > 1:
        pattern = re.compile(_OLD_PRE + r"([" + re.escape(marks) + r"])(\S|\S.*?\S)\1" + _OLD_POST)
        return pattern.sub(lambda m: made(m.group(1), m.group(2)), text)
    pattern = re.compile(_OLD_PRE + re.escape(marks) + r"(\S|\S.*?\S)" + re.escape(marks) + _OLD_POST)
    return pattern.sub(lambda m: made(marks, m.group(1)), text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("*/=~+_ab \n\t-.,({')}\"[]!\u00a0\x1c\u2028")),
               max_size=60),
       st.sampled_from(["*", "/", "+", "_", "=~"]))
def test_marked_spans_are_found_as_the_regular_expressions_found_them(text, marks):
    from manualgen.org import marked_spans

    def made(mark, inside):
        return f"<{mark}>{inside}</{mark}>"

    assert marked_spans(text, marks, made) == _old_spans(text, marks, made)


def test_a_long_line_of_unclosed_marks_takes_linear_time():
    import time

    from manualgen.org import inline

    for mark in "*=/":
        line = f" {mark}a" * 30_000  # 90 kB: 14 s each with the regular expressions
        started = time.process_time()
        assert inline(line) == line.replace("'", "&#x27;")
        assert time.process_time() - started < 1.5


def test_a_long_line_of_unclosed_inline_footnotes_takes_linear_time():
    import time

    from manualgen.org import inline

    line = "[fn:: a " * 30_000  # no "]": each "[fn:" was searched to the end (11 s)
    started = time.process_time()
    assert inline(line) == line
    assert time.process_time() - started < 1.0
    assert "<sup" in org.to_html("Text[fn:: a note] and [fn:: more\n")


_ORG_PIECES = ["*", "/", "=", "~", "+", "_", "[[", "]]", "][", "[fn:", "[fn::", "]", ":", "#+",
               "#+begin_src", "#+end_src", "#+BEGIN_QUOTE", "#+end_quote", "#+attr_html: :width 10",
               "#+caption:", "|", "|-", "- ", "1. ", ":PROPERTIES:", ":END:", "\n", " ", "a",
               "x.png", "http://e.org", "<l>", "<r5>", "-----", ": ", "::", "COMMENT", ":noexport:",
               "TODO ", "[#A]", "[ ]", "[X]", "\\\\", "&", "<", "\t", "#+TITLE: t", "#+tags[]: a b",
               "#+date: <2024-01-05 Fri>", "#+weight: x", "\x00", "\u2028"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_ORG_PIECES), max_size=50).map("".join))
def test_any_org_text_is_printed_and_its_front_matter_read_or_named(text):
    from manualgen.errors import ManualgenError

    org.to_html(text)
    try:
        front_matter.parse(text, Path("page.org"))
    except ManualgenError as exc:
        assert exc.line is not None


# the regular expressions of headlines and settings before they were read from the end
_OLD_HEADLINE = re.compile(r"^(\*+)[ \t]+(.*?)(?:[ \t]+(:[\w@#%:]+:))?[ \t]*$")
_OLD_SETTING = re.compile(r"^#\+([^:\s]+):[ \t]*(.*?)[ \t]*$")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("* \t:ab@#%_-\u00a0\r")), max_size=30))
def test_headlines_and_settings_are_read_as_the_regular_expressions_read_them(line):
    from manualgen.front_matter import _ORG_SETTING
    from manualgen.org import _HEADLINE, headline_parts

    old, new = _OLD_HEADLINE.match(line), _HEADLINE.match(line)
    assert (old is None) == (new is None)
    if old:
        assert (old.group(1), old.group(2), old.group(3)) == (new.group(1), *headline_parts(new.group(2)))
    setting = "#+" + line.lstrip("*")
    old, new = _OLD_SETTING.match(setting), _ORG_SETTING.match(setting)
    assert (old is None) == (new is None)
    if old:
        assert (old.group(1), old.group(2)) == (new.group(1), new.group(2).rstrip(" \t"))


def test_long_runs_of_spaces_in_headlines_captions_and_settings_take_linear_time():
    import time

    spaces = " " * 200_000  # 20,000 took 9 s in a headline, 2.5 s in a caption or a setting
    started = time.process_time()
    assert org.to_html(f"* a{spaces}b :t:\n") == '<h2 id="headline-1">a' + spaces + "b</h2>"
    assert "<figcaption>a" in org.to_html(f"#+caption: a{spaces}b\n[[x.png]]\n")
    found = front_matter.parse(f"#+title: a{spaces}b\n#+date: " + "<2024-01-01 " * 20_000
                               + "\n\nText.\n", Path("page.org"))
    assert found.meta["title"] == f"a{spaces}b"  # 20,000 open timestamps took 38 s
    assert time.process_time() - started < 2.0
