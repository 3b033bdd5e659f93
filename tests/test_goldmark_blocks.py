"""Goldmark block syntax that real Hugo sites use and Python-Markdown reads otherwise:
fenced code in list items and with attributes, GitHub alerts, block attributes, math
passthrough.  Each test renders a small page the way a build does and checks the HTML."""

from __future__ import annotations

import pytest

from manualgen.goldmark import fence_info, parse_attributes

from .conftest import HUGO_TOML
from .test_convert import ATTRIBUTES, Site, squeeze


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML + ATTRIBUTES)


# --- fenced code ---------------------------------------------------------------------------


def test_a_fence_in_a_list_item_stays_a_code_block_and_the_numbering_goes_on(site):
    html = squeeze(site.render("1. One\n\n   ```sh\n   ls -l\n   ```\n\n2. Two\n3. Three\n"))
    assert '<li><p>One</p><pre><code class="language-sh">ls -l\n</code></pre></li>' in html
    assert html.count("<ol>") == 1 and html.count("<li>") == 3
    assert "<code>sh" not in html


def test_a_fence_right_under_a_tight_item_keeps_the_item_tight(site):
    html = squeeze(site.render("- a\n  ```\n  x\n  ```\n- b\n"))
    assert html == '<ul><li>a\n<pre><code>x\n</code></pre></li><li>b</li></ul>'


def test_a_fence_in_a_nested_item_loses_only_its_own_indentation(site):
    html = site.render("- a\n  - b\n\n    ```\n      indented\n    plain\n    ```\n")
    assert "<pre><code>  indented\nplain\n</code></pre>" in html


def test_text_after_a_fence_that_is_not_indented_for_the_item_ends_the_list(site):
    html = squeeze(site.render("1. a\n   ```\n   x\n   ```\nAfter\n"))
    assert html.endswith("</ol><p>After</p>")


def test_fences_with_attributes_open_and_close_and_prose_stays_prose(site):
    source = ('```go {linenos=table,hl_lines=[2]}\npackage main\nfunc main() {}\n```\n\n'
              "Prose **bold**.\n\n"
              '```yaml {filename="hugo.yaml"}\nbaseURL: x\n```\n\nMore prose.\n\n'
              "~~~\n```\nnot a fence\n~~~\n\nLast.\n")
    html = site.render(source)
    assert "<p>Prose <strong>bold</strong>.</p>" in html
    assert "<p>More prose.</p>" in html and "<p>Last.</p>" in html
    assert '<span class="line hl"><span class="ln">2</span>func main() {}</span>' in html
    assert '<div class="code-filename">hugo.yaml</div>' in html
    assert "<pre><code>```\nnot a fence\n</code></pre>" in html
    assert "{linenos" not in html and "{filename" not in html


def test_an_unclosed_fence_runs_to_the_end_and_a_shorter_fence_does_not_close_it(site):
    html = site.render("````\ncode\n```\nstill code\n")
    assert html == "<pre><code>code\n```\nstill code\n</code></pre>"


def test_backticks_in_the_info_string_make_inline_code_not_a_fence(site):
    assert "<code>" in site.render("```a`b```") and "<pre>" not in site.render("```a`b```")


def test_a_fence_interrupts_a_paragraph(site):
    assert squeeze(site.render("Text\n```\nx\n```\n")) == "<p>Text</p><pre><code>x\n</code></pre>"


def test_fence_info_reads_language_and_attributes():
    assert fence_info('go {linenos=table,hl_lines=[2, "4-5"]}') == (
        "go", {"linenos": "table", "hl_lines": "2 4-5"})
    assert fence_info('{filename="a b.yaml" .wide #x}') == (
        "", {"filename": "a b.yaml", "class": "wide", "id": "x"})
    assert fence_info("python extra words") == ("python", {})


def test_parse_attributes_refuses_what_goldmark_would_print_as_text():
    assert parse_attributes("{.a .b #c k=v k2='w x'}") == {"class": "a b", "id": "c", "k": "v", "k2": "w x"}
    assert parse_attributes("{not valid=}") is None
    assert parse_attributes('{k="open}') is None
    assert parse_attributes("no braces") is None
