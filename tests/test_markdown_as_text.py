"""Markdown a shortcode prints as written (``markdown-as-text``): a warning at the call, the
printed text unchanged (Hugo prints the asterisks too)."""

from __future__ import annotations

import json
import time

import pytest

from manualgen.cli import main
from manualgen.markdown_left import markdown_left

from .conftest import page, write_site


@pytest.mark.parametrize("html, found", [
    ("<li>Unter **Validierung** importieren.</li>", ("bold", "**Validierung**")),
    ("<li>the __main__ text</li>", ("bold", "__main__")),
    ('<div>see [the form](https://example.org/f) now</div>', ("link", "[the form](https://example.org/f)")),
    ("<p>run `make all` first</p>", ("code", "`make all`")),
    ("<div>\n# Title\n</div>", ("heading", "# Title")),
    ("<div>\n- one\n- two\n</div>", ("list", "- one")),
])
def test_markdown_left_in_text_is_found(html, found):
    assert markdown_left(html) == [found]


@pytest.mark.parametrize("html", [
    "<li><strong>Validierung</strong> importieren.</li>",  # rendered
    "<pre><code>**x** and `y`\n- a\n- b\n# c</code></pre>",  # code is code
    "<p>the <code>`x`</code> and <kbd>**</kbd>, <samp>[a](/b)</samp></p>",
    '<a title="**x**" href="/a_[b](/c)">text</a>',  # attributes are no text
    "<p>call my__name__here or 2 ** 3 ** 4 and a * b</p>",  # no emphasis in a word or alone
    "<div>\n- a dash alone\n</div>",  # one dash is a dash
    "<p>see [1] (page 2) and [note](not an address)</p>",
    r"<p>\*\*not bold\*\* and \`x\`</p>",
    '<div class="mermaid">A[Start](/x) --> B</div>',
    "<p>issue #12 and C# code</p>",
    "<div><!-- **x** --> <pre>a <pre>b</pre> **c**</pre></div>",  # comments; nested verbatim
    "<p><code>open **x** and `y`",  # an element left open hides the rest
])
def test_no_markdown_is_found_where_there_is_none(html):
    assert markdown_left(html) == []


@pytest.mark.parametrize("html", [
    "<code>" * 20_000, '<div class="mermaid">' * 20_000, "<!--" * 20_000, "<" * 100_000,
    '<p class="x" ' * 20_000,
])
def test_the_search_takes_linear_time(html):
    # Lazy ".*?" up to a closing tag that never comes made 20,000 "<code>" take 19 s.
    started = time.process_time()
    assert markdown_left(html) == []
    assert time.process_time() - started < 1.0


def check(capsys, site) -> tuple[int, list[dict]]:
    status = main(["check", "--site", str(site), "--format", "json", "--lang", "de", "--no-cache"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def warnings(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["code"] == "markdown-as-text"]


LIST = """\
Text.

{{<unorderedList>}}
{{<listItem>}}
Plain words.
{{</listItem>}}

{{<listItem>}}
Import the file under **Validierung** again.
{{</listItem>}}
{{</unorderedList>}}
"""


def test_bold_printed_by_a_list_item_is_reported_at_the_item(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=LIST)})
    status, findings = check(capsys, site)
    found = warnings(findings)
    assert status == 0  # a warning: the build goes on
    assert len(found) == 1, findings
    assert found[0]["file"] == "content/de/_index.md" and found[0]["line"] == 11  # the second {{<listItem>}}
    assert found[0]["severity"] == "warning"
    assert '"**Validierung**"' in found[0]["message"] and '"listItem"' in found[0]["message"]


def test_the_printed_text_is_unchanged(tmp_path):
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=LIST)})
    out = tmp_path / "out"
    status = main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--html",
                   "--jobs", "1", "--lang", "de"])
    assert status == 0
    assert "Import the file under **Validierung** again." in (out / "test-manual-de.html").read_text()


@pytest.mark.parametrize("body", [
    # wrapped in {{<markdown>}}, as the corpus' pages do
    LIST.replace("Import the", "{{<markdown>}}\nImport the").replace("again.\n", "again.\n{{</markdown>}}\n"),
    # the {{% %}} form and a shortcode that reads its text as Markdown
    "{{% alert %}}\nImport under **Validierung**, see [the form](/docs/f/).\n{{% /alert %}}\n",
    "{{< alert >}}\nImport under **Validierung**.\n\n- one\n- two\n{{< /alert >}}\n",
    # asterisks in code and in a parameter are not the writer's Markdown in text
    "{{< highlight text >}}\n**x** and `y`\n{{< /highlight >}}\n",
    '{{<listItem class="**x**">}}\nPlain.\n{{</listItem>}}\n',
    # the page's own Markdown is rendered
    "Under **Validierung**, `code` and [a link](/docs/).\n",
])
def test_rendered_or_verbatim_text_is_not_reported(tmp_path, capsys, body):
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    status, findings = check(capsys, site)
    assert status == 0
    assert warnings(findings) == []


def test_each_call_is_reported_once_inside_one_block(tmp_path, capsys):
    body = ("{{<faqBlock>}}\n{{<numberedList>}}\n{{<listItem>}}\nA **b** and **c**.\n"
            "{{<collapsibleBlock>}}\nThe answer:\n- one\n- two\n{{</collapsibleBlock>}}\n"
            "{{</listItem>}}\n{{</numberedList>}}\n{{</faqBlock>}}\n")
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    _status, findings = check(capsys, site)
    found = sorted((f["line"], f["message"].split('"')[1]) for f in warnings(findings))
    assert found == [(6, "**b**"), (8, "- one")]


HTML_BLOCK = """\
Text.

<div class="two_column">
<div class="left_col">
**Schritt 1**: Klicken Sie auf [Speichern](/docs/save/).
</div>
<div class="right_col">

Here Markdown is read again: **bold**.

</div>
</div>

<div>

**Nach einer Leerzeile** gelesen.

</div>

<pre>
**as written**, in code
</pre>
"""


def test_markdown_inside_a_raw_html_block_is_reported_at_its_line(tmp_path, capsys):
    """Goldmark passes a raw HTML block on as it is, up to the next blank line: Markdown
    written on the line after <div> shows its asterisks, on the web too. After a blank line,
    and in <pre>, there is nothing to say."""
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=HTML_BLOCK)})
    status, findings = check(capsys, site)
    found = warnings(findings)
    assert status == 0 and len(found) == 1, findings
    assert found[0]["line"] == 8 and '"**Schritt 1**"' in found[0]["message"]
    assert "leave a blank line" in found[0]["message"]
