"""Simple TeX formulas print as Unicode text; anything else as its TeX source."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from manualgen.build import BuildOptions, build
from manualgen.tex_text import tex_as_text

from .conftest import HUGO_TOML, page, skip_without_fonts_for, write_site


@pytest.mark.parametrize("tex, text", [
    (r"E = mc^2", "E = mc²"),
    (r"\tau = a + b \cdot n", "τ = a + b · n"),
    (r"-x \leq 2", "−x ≤ 2"),
    (r"\frac{1}{2}", "1/2"),
    (r"\frac{a+b}{c}", "(a + b)/c"),
    (r"\frac{n(n+1)}{2}", "n(n + 1)/2"),
    (r"\sqrt{a^2+b^2}", "√(a² + b²)"),
    (r"x_{max}", "xₘₐₓ"),
    (r"x_{\text{total}}", "xₜₒₜₐₗ"),
    (r"x_{\text{max load}}", "x_(max load)"),
    (r"\forall x \in \mathbb{R}: x^2 \geq 0", "∀x ∈ ℝ : x² ≥ 0"),
    (r"\sin x + \cos(y)", "sin\u2009x + cos(y)"),
    (r"\sum_{i=1}^n i", "∑ᵢ₌₁ⁿ\u2009i"),
    (r"f(x) = \left( \frac{a}{b} \right)^{2}", "f(x) = (a/b)²"),
    (r"\hat{x} + \vec{v}", "x\u0302 + v\u20d7"),
    (r"10\% \text{ of } n", "10% of n"),
    (r"p < 0.05", "p < 0.05"),
])
def test_simple_formulas_as_text(tex, text):
    assert tex_as_text(tex) == text


@pytest.mark.parametrize("tex", [
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}",  # an environment
    r"a \\ b",  # a line break
    r"\sqrt[3]{x}",  # an nth root
    r"\mathcal{L}",  # an unknown command
    r"\hat{xy}",  # an accent over more than one letter
    r"\frac{1}",  # a missing argument
    r"{a",  # an unclosed group
    r"a}",  # a stray brace
    r"\mathbb{x}",  # no double-struck small x in the table
])
def test_what_text_cannot_show_is_none(tex):
    assert tex_as_text(tex) is None


@given(st.lists(st.sampled_from(list("\\{}^_ax12+-=&$ ()[].") + [
    r"\frac", r"\sqrt", r"\alpha", r"\text", r"\left", r"\right", r"\hat", r"\mathbb",
    r"\sum", r"\,", r"\%"]), max_size=40).map("".join))
def test_any_tex_gives_text_or_none(tex):
    result = tex_as_text(tex)
    assert result is None or isinstance(result, str)


def test_a_formula_prints_as_text_in_the_pdf(tmp_path):
    """Every character of the text form is drawn by the manual's fonts: no missing glyph."""
    skip_without_fonts_for("τ·∑ᵢ₌₁ⁿ≤√∀∈ℝₘₐₓ")
    hugo = HUGO_TOML + ("[markup.goldmark.extensions.passthrough]\nenable = true\n"
                        "[markup.goldmark.extensions.passthrough.delimiters]\n"
                        "block = [['$$', '$$']]\ninline = [['$', '$']]\n")
    body = ("Die Kosten $\\tau = a + b \\cdot n$ wachsen mit $n^2$ und $x_{max}$.\n\n"
            "$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2} \\leq \\sqrt{x} \\quad \\forall x \\in "
            "\\mathbb{R}\n$$\n")
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)}, hugo)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      html=True))
    assert not [f for f in result.findings if f.severity != "info"], result.findings
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "τ = a + b · n" in html and "∑ᵢ₌₁ⁿ" in html and "\\frac" not in html
