"""One small site with every Hugo, Goldmark and theme feature of issue 12, built to a PDF:
no Markdown or shortcode syntax may be left in the text a reader sees."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import HUGO_TOML, write_site
from .conftest import page as page_md

SITE_TOML = HUGO_TOML + """
[markup.goldmark.parser.attribute]
block = true
[markup.goldmark.extensions.passthrough]
enable = true
[markup.goldmark.extensions.passthrough.delimiters]
block = [['\\[', '\\]'], ['$$', '$$']]
inline = [['\\(', '\\)'], ['$', '$']]
"""

BODY = r"""
> [!NOTE]
> Notes print as alerts.

> [!WARNING] Mind the gap
> Careful **now**.

1. Install it:

   ```sh {filename="install.sh"}
   pip install manualgen
   ```

2. Configure:
   ```yaml {linenos=table,hl_lines=[2]}
   baseURL: x
   title: y
   ```
3. Build.

| Key | Value |
|-----|-------|
| a   | 1     |
{.wide}

A paragraph with a class.
{.lead #intro}

## _Emphasis_ heading {#custom-id}

Inline math $a_1 * b_2$ and \(x^2\).

$$
\sum_{i=1}^n i
$$

{{< callout type="info" >}}A Hextra callout.{{< /callout >}}

{{< tabs items="One,Two" >}}
{{< tab >}}First tab{{< /tab >}}
{{< tab >}}Second tab{{< /tab >}}
{{< /tabs >}}

Show a shortcode literally: {{</* tabs */>}}.
"""


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory):
    root = tmp_path_factory.mktemp("features")
    write_site(root, {
        "content/de/_index.md": page_md("Start", body="Willkommen.\n"),
        "content/de/features.md": page_md("Funktionen", 1, BODY),
    }, SITE_TOML)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)


@pytest.mark.parametrize("syntax", ["[!NOTE]", "[!WARNING]", "{.", "{#", "$$", "```", "**", "{{<", "\\("])
def test_no_markdown_syntax_is_left_in_the_pdf(pdf_text, syntax):
    assert syntax not in pdf_text.replace("{{< tabs >}}", "")


def test_the_features_print_what_the_web_shows(pdf_text):
    for words in ("Hinweis", "Notes print as alerts", "Mind the gap", "install.sh",
                  "pip install manualgen", "title: y", "Emphasis heading", "∑ᵢ₌₁ⁿ",
                  "a₁ ∗ b₂", "x²", "A Hextra callout", "One", "First tab", "Two", "Second tab",
                  "{{< tabs >}}"):
        assert words.lower() in pdf_text.lower(), words
