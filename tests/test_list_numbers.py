"""Numbered lists past 99 are told how many digits their widest number has (the
stylesheet's rule ol.wide-numbers gives them room; tests/test_binder_pages.py checks the
printed page)."""

from __future__ import annotations

import pytest

from manualgen.assemble.html import parse_fragment
from manualgen.assemble.lists import widen_numbered_lists


def items(n: int, **values) -> str:
    return "".join(f'<li value="{values[str(i)]}">x</li>' if str(i) in values else "<li>x</li>"
                   for i in range(n))


@pytest.mark.parametrize(("html", "digits"), [
    (f"<ol>{items(99)}</ol>", None),
    (f"<ol>{items(100)}</ol>", 3),
    (f'<ol start="998">{items(5)}</ol>', 4),
    (f'<ol start="-100">{items(2)}</ol>', 4),
    (f"<ol reversed>{items(120)}</ol>", 3),
    (f'<ol reversed start="5">{items(3)}</ol>', None),
    (f"<ol>{items(3, **{'1': '250'})}</ol>", 3),
    (f'<ol start="junk">{items(3)}</ol>', None),
    (f'<ol type="a">{items(300)}</ol>', None),
])
def test_the_widest_number_sets_the_digits(html, digits):
    root = parse_fragment(html)
    widen_numbered_lists(root)
    ol = next(root.iter("ol"))
    if digits is None:
        assert "wide-numbers" not in (ol.get("class") or "")
    else:
        assert ol.get("class") == "wide-numbers"
        assert ol.get("style") == f"--digits: {digits}"


def test_a_style_of_the_list_is_kept():
    root = parse_fragment(f'<ol style="color: red;">{items(100)}</ol>')
    widen_numbered_lists(root)
    assert next(root.iter("ol")).get("style") == "color: red; --digits: 3"
