"""Shared by the theme tests: a shortcode call written from fuzzed parts, and the check that
a template survives it."""

from __future__ import annotations

from manualgen.errors import ContentError


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "").replace('"', "").replace("{", "").replace("}", "") + '"'


def shortcode_call(name: str, named: dict[str, str], positional: list[str], inner: str | None,
                   markdown: bool) -> str:
    """``{{< name … >}}`` (or ``{{% %}}``) with positional or named parameters, and inner
    content when ``inner`` is not None; quotes and braces are left out of the values."""
    args = " ".join([_quote(v) for v in positional] if positional and not named
                    else [f"{k}={_quote(v)}" for k, v in named.items()])
    left, right = ("{{% ", " %}}") if markdown else ("{{< ", " >}}")
    body = (inner or "").replace("{", "").replace("}", "")
    return f"{left}{name} {args}{right}" + (f"{body}{left}/{name}{right}" if inner is not None else "")


def survives(site, source: str) -> None:
    """``source`` renders without a template error; wrong shortcode syntax (unclosed, bad
    quotes) is a finding of its own and fine."""
    try:
        site.render(source)
    except ContentError:
        return
    assert not [f for f in site.findings if f.code == "shortcode-template"], list(site.findings)


def prints_cleanly(site, source: str) -> None:
    """:func:`survives`, and what renders holds no shortcode left unrendered."""
    survives(site, source)
    try:
        html = site.render(source)
    except ContentError:  # wrong shortcode syntax: a finding of its own
        return
    assert "{{<" not in html and "{{%" not in html
