"""Numbers a page or a stylesheet writes that Python will not read as they are: more than
4300 digits (Python's limit), digits that are no ASCII ("²", "٣"), or counts so large that
a list of them fills the memory.  Each is read as a browser would, or named with its file
and line; none is a traceback."""

import json

import pytest

from manualgen.assemble.html import whole_number
from manualgen.cli import main

from .conftest import page, png_bytes, write_site

LONG = "9" * 5000


def _check(capsys, site) -> tuple[int, list[dict]]:
    status = main(["check", "--site", str(site), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def _site(tmp_path, body: str, **files):
    """The page in German, and in French too: the check of the translations reads the
    rendered pages before their pictures are found."""
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=body + "\n\nLast words.\n"),
        "content/fr/_index.md": page("Début", body=body + "\n\nLast words.\n"),
        "static/img/shot.png": png_bytes(), **files})


def test_whole_number_reads_ascii_digits_and_caps_long_ones():
    assert whole_number("640") == 640
    assert whole_number("007") == 7
    assert whole_number(LONG) == 10**18
    for text in ("²", "\u0663", "640px", "-1", "", " 5"):
        assert whole_number(text) is None


@pytest.mark.parametrize("body", [
    (f'<div class="grid grid-cols-{LONG}"><div><p>Words</p></div>'
    '<div><img src="/img/shot.png" alt="shot"></div></div>'),
    ('<div class="columns"><div class="column"><p>Words</p></div><div class="column">'
    '<img src="/img/none.png" width="²" height="³" alt="shot"></div></div>'),
    f'Words <img src="/img/none.png" width="{LONG}" height="2" alt="icon"> after.',
    f'<table><tr><td colspan="{LONG}">cell</td><td rowspan="{LONG}">cell</td></tr></table>',
    ('<div style="display:grid;grid-template-columns:repeat(400000000, 1fr)">'
    '<div><p>Words</p></div><div><img src="/img/shot.png" alt="shot"></div></div>'),
    # not a number but a nesting: repeat() inside repeat() 3,000 deep (RecursionError)
    ('<div style="display:grid;grid-template-columns:' + "repeat(2, " * 3000 + "1fr"
     + ")" * 3000 + '"><div><p>Words</p></div><div><img src="/img/shot.png"></div></div>'),
])
def test_a_page_number_too_long_or_not_ascii_is_read_without_a_traceback(tmp_path, capsys, body):
    status, findings = _check(capsys, _site(tmp_path, body))
    assert not [f for f in findings if f["code"] == "internal-error"], findings
    assert status == 0


def test_a_style_attribute_with_a_number_too_long_is_a_css_warning_at_its_line(tmp_path, capsys):
    body = f'Intro.\n\n<div style="width: {LONG}px"><p>Words</p></div>'
    status, findings = _check(capsys, _site(tmp_path, body))
    css = [f for f in findings if f["code"] == "css"]
    assert status == 0 and len(css) == 1 and css[0]["line"] == 6, findings


def test_a_stylesheet_with_a_number_too_long_is_a_config_error_at_its_line(tmp_path, capsys):
    site = _site(tmp_path, "Words.", **{
        "manualgen.toml": '[print]\nstylesheets = ["print.css"]\n',
        "print.css": f"p {{ color: red; }}\n\np {{ orphans: {LONG}; }}\n"})
    status, findings = _check(capsys, site)
    found = [f for f in findings if f["code"] == "config"]
    assert status == 1 and len(found) == 1, findings
    assert found[0]["file"].endswith("print.css") and found[0]["line"] == 3
    assert main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "-q",
                 "--no-cache"]) == 1
    assert not list((tmp_path / "out").glob("*.pdf"))
