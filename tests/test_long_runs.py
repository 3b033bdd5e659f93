"""A very long run of text without a place to break gets places where a line may end
(WeasyPrint's time grows with the square of such a run); ordinary text is untouched."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from manualgen.assemble.long_runs import BREAK_EVERY, LONG_RUN, break_long_runs
from manualgen.build import BuildOptions, build

from .conftest import page, write_site


def test_only_runs_longer_than_the_limit_get_breaks():
    long, short = "a" * (LONG_RUN + 5), "b" * (LONG_RUN - 1)
    root = ET.fromstring(f"<div><pre>{long} x</pre><p>{short}<b>c</b>{long}</p>"
                         f"<svg><text>{long}</text></svg></div>")
    break_long_runs(root)
    pre, p, svg = root
    pieces = pre.text.split(" ")[0].split("\u200b")
    assert "".join(pieces) == long and {len(x) for x in pieces[:-1]} == {BREAK_EVERY}
    assert p.text == short and "\u200b" in p[0].tail  # the text after <b>, in the paragraph
    assert svg[0].text == long  # an SVG's text is drawn, not laid out


def test_a_blob_in_a_code_block_prints_whole_and_a_token_as_written(tmp_path):
    blob, token = "QUJD" * 5000, "eyJ" + "x" * 900
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=f"```\n{blob}\n```\n\nToken: `{token}`\n")})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    assert not result.findings.errors
    html = result.results[0].html.read_text(encoding="utf-8")
    assert blob not in html and blob in html.replace("\u200b", "")
    assert token in html
