"""Step pages a random generator wrote (lists beside screenshots, columns, odd list numbers)
that lost words, numbered a list otherwise than the web or crashed; found by fuzzing the
steps passes through the whole check, each kept as the smallest page that showed it."""

import time
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pypdfium2 as pdfium
import pytest

from manualgen.assemble import PAGE_PASSES
from manualgen.assemble.estimate import _split_list
from manualgen.assemble.html import parse_fragment, text_of
from manualgen.assemble.lists import html_integer, item_numbers
from manualgen.cli import main
from manualgen.geometry import PrintGeometry

from .conftest import page, png_bytes, write_site

SHOT = '<img class="screenshot" src="/s.png" alt="" width="1200" height="800" data-aspect="1.5">'


def _through_steps(html: str) -> ET.Element:
    """The page's tree through the passes from the list numbers to the captioned figures."""
    job = SimpleNamespace(ctx=SimpleNamespace(geometry=PrintGeometry(), labels={}),
                          page=SimpleNamespace(title=""))
    root = parse_fragment(html)
    for name, run in PAGE_PASSES:
        if name in ("list-starts", "steps", "figures", "keep-with-screenshots"):
            run(root, job)
    return root


@pytest.mark.parametrize(("written", "read"), [
    (" 7", 7), ("+4", 4), ("2.5", 2), ("1e3", 1), ("-3", -3), ("x", None), ("--5", None),
    ("²", None), ("٣", None), ("", None), ("9" * 5000, None), ("2147483648", None),
    ("-2147483648", -2147483648), ("0000000000012", 12)])
def test_a_list_number_is_read_as_a_browser_reads_it(written, read):
    assert html_integer(written) == read


def test_the_last_step_moved_beside_its_picture_is_numbered_as_on_the_web():
    # <ol start=" 7">: the web numbers 7, 8, …; the step moved apart was numbered from 1 (a
    # list too long to share a page with its picture: only its last step goes with it)
    opening = "".join(f"<li>Open part {n}.</li>" for n in range(30))
    for start, last in ((" 7", "37"), ("+4", "34"), ("²", "31"), ("9" * 5000, "31")):
        root = _through_steps(f'<ol start="{start}">{opening}<li>Click Save.</li></ol>'
                              f"<figure class=\"screenshot-figure\">{SHOT}</figure>")
        lists = list(root.iter("ol"))
        assert [li.text for li in lists[-1]] == ["Click Save."]
        assert lists[-1].get("start") == last, start


def test_words_after_an_empty_column_are_kept():
    # the text after a column left empty was its tail, removed with it
    root = _through_steps('<div style="display: flex"><div style="flex: 1"></div>Stray words'
                          f'<div style="flex: 1"><p>Click Save.</p></div><div>{SHOT}</div></div>')
    assert "Stray words" in text_of(root)


def test_words_after_the_picture_column_follow_the_step():
    # they followed the picture into the step, printed before the step's own text
    root = _through_steps(f'<div class="two_column"><div>{SHOT}</div>Then close it.'
                          '<div><p>Click Save.</p></div></div>')
    step, after = list(root)
    assert "step" in step.get("class") and text_of(step) == "Click Save."
    assert after.tag == "p" and after.text == "Then close it."


def test_a_list_cut_across_pages_keeps_its_id_once_and_its_numbers():
    items = "".join(f"<li>Step {n} {'words ' * 60}</li>" for n in range(40))
    block = parse_fragment(f'<ol id="s" reversed>{items}</ol>')[0]
    first, rest = _split_list(block, 150.0, 100.0, 150.0, 10.0)
    assert rest.get("id") is None and first.get("id") == "s"
    assert item_numbers(first) + item_numbers(rest) == list(range(40, 0, -1))


def test_a_list_number_of_5000_digits_prints(tmp_path, capsys):
    # ValueError in the steps pass ("²"), and in WeasyPrint's own reading of the number
    body = (f'<ol start="{"9" * 5000}">\n<li>One.</li>\n<li>Click Save.</li>\n</ol>\n\n'
            '![shot](/s.png)\n\n<ol start="²">\n<li>Open.</li>\n<li>Close.</li>\n</ol>\n\n'
            "![shot](/s.png)\n")
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body),
                                          "static/s.png": png_bytes(600, 400)})
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q",
                 "--jobs", "1"]) == 0
    pdf = pdfium.PdfDocument(str(out / "test-manual-de.pdf"))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Click Save." in text and "Close." in text


def test_one_id_written_thousands_of_times_is_renamed_in_linear_time():
    # each repeat counted up from "-1" again: 16,000 <div id="a"> took 24 s to check
    from manualgen.assemble.clean import prefix_ids

    root = parse_fragment('<p id="a-2">x</p>' + '<div id="a">x</div>' * 20000)
    started = time.process_time()
    written = prefix_ids(root, "p")
    assert time.process_time() - started < 2
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(set(ids)) == len(ids) == 20001 and len(written) == 20001
    assert ids[:4] == ["p--a-2", "p--a", "p--a-1", "p--a-3"]


def test_a_style_attribute_that_is_no_css_is_a_warning_at_its_line_not_a_crash(tmp_path, capsys):
    # tinycss2 cannot write back the ParseError of style="x", which the shared styles of the
    # layout keyed on (TypeError: every build of such a page stopped); WeasyPrint's own
    # warning named no page
    body = ('Intro.\n\n<div style="x">One</div>\n\n<div style="color: red; x; }">Two</div>\n\n'
            '<div style="display: grid; grid-template-=">Three</div>\n')
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--html",
                 "--jobs", "1"]) == 0
    said = capsys.readouterr().err
    lines = [line.split(": warning")[0] for line in said.splitlines() if "[css" in line]
    assert lines == ["content/de/_index.md:6", "content/de/_index.md:8", "content/de/_index.md:10"]
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    assert '<div style="color: red">Two</div>' in html and "<div>One</div>" in html


def test_the_shared_styles_key_takes_a_part_that_is_no_declaration():
    # a style a site's own layout writes reaches WeasyPrint without the page passes
    import tinycss2

    from manualgen.shared_styles import _text

    x = tuple(tinycss2.parse_blocks_contents("x"))
    red = tuple(tinycss2.parse_blocks_contents("color: red; x"))
    assert _text(x) != _text(red) and _text(red) == _text(tuple(tinycss2.parse_blocks_contents("color: red; x")))
