"""Broken pictures, addresses, text and tables found by running ``check`` and ``build`` on
damaged sites: each crashed with a traceback, hung, passed ``check`` and then failed the
build with no reason given, printed something wrong without a word, or replaced the last
good PDF in a build that failed.  Each test keeps the smallest site that showed it, and
fails without its fix."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.cli import main

from .conftest import page, png_bytes, write_site

HOME = {"content/de/_index.md": page("Start", body="Hallo\n")}
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       '{root}>{inside}</svg>')


def check_json(capsys, site) -> tuple[int, list[dict], str]:
    status = main(["check", "--site", str(site), "--format", "json", "--lang", "de"])
    out, err = capsys.readouterr()
    return status, json.loads(out)["findings"], err


def build(capsys, site, out) -> tuple[int, str]:
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(out),
                   "--cache", str(out.parent / "cache"), "--quiet"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("body", [
    "![Bild](/img/%00.png)",
    "![Bild](img%00.png)",
    '{{< figure src="/img/a%00.png" >}}',
])
def test_an_image_address_with_an_escaped_nul_is_a_missing_image_not_a_crash(tmp_path, capsys,
                                                                           body):
    # "%00" unquotes to a NUL, which no file name can hold: os.stat raised ValueError and
    # both check and build stopped with a traceback.
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=f"Intro\n\n{body}\n"),
        "static/img/a.png": png_bytes()})
    status, findings, err = check_json(capsys, site)
    assert "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("missing-image", "content/de/a.md", 6)]
    status, text = build(capsys, site, tmp_path / "out")
    assert status == 0 and "Traceback" not in text
    assert (tmp_path / "out" / "test-manual-de.pdf").is_file()


def test_an_svg_loading_a_file_name_with_a_nul_is_refused_at_its_line(tmp_path, capsys):
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="![Bild](/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(root='width="10" height="10"',
                                       inside='\n<image href="a%00.png" width="5" height="5"/>')})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("refused-resource", "static/img/x.svg", 2)]
    assert "NUL" in findings[0]["message"]


@pytest.mark.parametrize("root, inside, words", [
    # a viewBox WeasyPrint cannot read stopped the whole layout with a traceback
    ('viewBox="a b c"', "<rect width='5' height='5'/>", '"a" is not a number'),
    ('viewBox="0 0 10px 10px"', "<rect width='5' height='5'/>", '"10px" is not a number'),
    ('viewBox="0 0 10"', "<rect width='5' height='5'/>", "IndexError"),
    # these passed check; build said only "Failed to render SVG image"
    ('width="10" height="10"', ("<defs><clipPath id='c'><rect clip-path='url(#c)' width='5' "
     "height='5'/></clipPath></defs><rect width='10' height='10' clip-path='url(#c)'/>"),
     "draws itself endlessly"),
    ('width="10" height="10"', ("<defs><marker id='m'><path d='M0 0 L5 5' style='marker-end: "
     "url(#m)'/></marker></defs><path d='M0 0 L5 5' marker-end='url(#m)'/>"),
     "draws itself endlessly"),
    ('width="10" height="10"', ("<defs><mask id='m'><rect mask='url(#n)' width='5' height='5'/>"
     "</mask><mask id='n'><rect mask='url(#m)' width='5' height='5'/></mask></defs>"
     "<rect width='10' height='10' mask='url(#m)'/>"), "draws itself endlessly"),
    ('width="10" height="10"', "<rect width='5' height='5' transform='rotate(abc)'/>",
     '"abc" is not a number'),
    ('width="10" height="10" viewBox="0 0 10 10 10"', "<rect width='5' height='5'/>",
     "too many values"),
])
def test_an_svg_weasyprint_cannot_size_or_draw_is_the_same_error_in_check_and_build(
        tmp_path, capsys, root, inside, words):
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(root=root, inside=inside)})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert "x.svg" in findings[0]["message"] and words in findings[0]["message"]
    out = tmp_path / "out"
    status, text = build(capsys, site, out)
    assert status == 1 and "Traceback" not in text
    assert "content/de/a.md:6:" in text and words in text
    assert not (out / "test-manual-de.pdf").exists()


@pytest.mark.parametrize("inside", [
    # a pattern that fills itself, or gradients that name each other: WeasyPrint draws them
    ("<defs><pattern id='p' width='5' height='5'><rect width='5' height='5' fill='url(#p)'/>"
    "</pattern></defs><rect width='10' height='10' fill='url(#p)'/>"),
    ("<defs><linearGradient id='a' xlink:href='#b'/><linearGradient id='b' xlink:href='#a'/>"
    "</defs><rect width='10' height='10' fill='url(#a)'/>"),
    "<text font-size='12'>Text</text><path d='M 1 2 Q Z z' stroke='red'/>",
])
def test_an_svg_weasyprint_draws_is_not_reported(tmp_path, capsys, inside):
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(root='width="10" height="10"', inside=inside)})
    status, findings, _ = check_json(capsys, site)
    assert (status, findings) == (0, [])


@pytest.mark.parametrize("files", [
    {"static/img/x.svg": SVG.format(root='width="10" height="10"',
                                    inside='\n<image href="x.svg" width="5" height="5"/>')},
    {"static/img/x.svg": SVG.format(root='width="10" height="10"',
                                    inside='\n<image href="y.svg" width="5" height="5"/>'),
     "static/img/y.svg": SVG.format(root='width="10" height="10"',
                                    inside='<image href="x.svg" width="5" height="5"/>')},
])
def test_an_svg_that_loads_itself_through_its_pictures_is_an_error_in_check_too(tmp_path, capsys,
                                                                               files):
    # check passed; build failed with "Failed to render SVG image" and no reason
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/x.svg)\n"), **files})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "static/img/x.svg", 2)]
    assert "leads back to it" in findings[0]["message"]


@pytest.mark.parametrize("svg, words", [
    ('<svg width="20" height="20" viewBox="a b"><rect width="5" height="5"/></svg>',
     '"a" is not a number'),
    (('<svg width="20" height="20"><defs><marker id="m"><path d="M0 0 L5 5" marker-end="url(#m)"/>'
     '</marker></defs><path d="M0 0 L5 5" marker-end="url(#m)"/></svg>'), "draws itself"),
])
def test_an_svg_written_in_a_page_that_cannot_be_drawn_is_found_by_check_too(tmp_path, capsys,
                                                                            svg, words):
    # check passed; build said "Failed to render SVG image (an <svg> in a page)"
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=f"Intro\n\n{svg}\n\nText\n")})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert "an <svg> written in the page" in findings[0]["message"]
    assert words in findings[0]["message"]


def test_an_attachment_link_in_a_page_is_checked_as_its_other_files_are(tmp_path, capsys):
    # check said nothing; build refused the file outside the site and wrote no PDF
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=(
            'Intro\n\n<link rel="attachment" href="../../../../etc/hostname">\n\n'
            '<link rel="attachment" href="/files/data.csv">\n\nText\n')),
        "static/files/data.csv": "a,b\n1,2\n"})
    status, findings, err = check_json(capsys, site)
    assert status == 0 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("missing-image", "content/de/a.md", 6)]
    assert "etc/hostname" in findings[0]["message"] and "left out" in findings[0]["message"]
    status, text = build(capsys, site, tmp_path / "out")
    assert status == 0 and "Traceback" not in text
    pdf = (tmp_path / "out" / "test-manual-de.pdf").read_bytes()
    assert b"/EmbeddedFile" in pdf  # the site's own file is attached, as WeasyPrint does


def test_the_parts_of_an_svg_written_in_a_page_still_find_each_other(tmp_path, capsys):
    # The page's ids get its anchor as a prefix; the SVG's url(#…) and href="#…" kept the
    # old names, so a gradient, clip path, marker or <use> drew nothing, without a word.
    svg = ('<svg width="200" height="100" xmlns:xlink="http://www.w3.org/1999/xlink"><defs>'
           '<linearGradient id="g"><stop offset="0" stop-color="blue"/></linearGradient>'
           '<clipPath id="c"><circle cx="150" cy="50" r="40"/></clipPath>'
           '<g id="s"><rect width="20" height="20"/></g></defs>'
           '<rect width="100" height="100" style="fill: url(\'#g\')"/>'
           '<rect x="100" width="100" height="100" clip-path="url(#c)"/>'
           '<use href="#s" x="5"/><use xlink:href="#s" x="40"/></svg>')
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=f"Intro\n\n{svg}\n\nText\n")})
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                   "--no-cache", "--html", "--quiet"])
    assert status == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    drawing = html[html.index("<svg width=\"200\""):]
    drawing = drawing[:drawing.index("</svg>")]
    named = re.findall(r"url\(\s*'?#([^')]+)'?\s*\)|href=\"#([^\"]+)\"", drawing)
    ids = set(re.findall(r' id="([^"]+)"', drawing))
    assert len(named) == 4 and all((a or b) in ids for a, b in named), (named, ids)


def test_control_characters_in_the_text_are_named_at_their_page_by_check_too(tmp_path, capsys):
    # check said nothing; build printed them as empty boxes, with WeasyPrint's ".notdef"
    # warning and no file for the one in a title
    site = write_site(tmp_path / "site", {
        **HOME,
        "content/de/a.md": page("A", body="Intro\n\nEine Zeile\x0bumgebrochen in Word.\n"),
        "content/de/b.md": '---\ntitle: "B\\x07"\n---\nText\x0b\n'})
    status, findings, err = check_json(capsys, site)
    assert status == 0 and "Traceback" not in err
    found = [(f["code"], f["file"], f["line"]) for f in findings]
    assert found == [("missing-glyphs", "content/de/a.md", 6),
                     ("missing-glyphs", "content/de/b.md", 4)], findings
    assert "U+000B, which prints as an empty box" in findings[0]["message"]
    assert "U+0007, U+000B" in findings[1]["message"]


def test_a_span_beyond_htmls_limit_is_read_as_a_browser_reads_it(tmp_path, capsys):
    # WeasyPrint laid out all 100,000 columns of colspan="100000": two minutes for one cell
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=(
            '<table><tr><td colspan="100000">x</td><td rowspan="99999">y</td>'
            '<td colspan="³">z</td></tr></table>\n'))})
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                   "--no-cache", "--html", "--quiet"])
    assert status == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    assert 'colspan="1000"' in html and 'rowspan="65534"' in html and 'colspan="³"' in html


def test_a_strict_build_failed_by_a_layout_warning_keeps_the_last_good_pdf(tmp_path, capsys):
    # WeasyPrint's warnings come only at layout: --strict exited 1 for them, but the PDF
    # had been written over the good one already
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", body="Gut.\n")})
    out = tmp_path / "out"
    args = ["build", "--site", str(site), "--lang", "de", "--out", str(out), "--quiet",
            "--strict", "--cache", str(tmp_path / "cache")]
    assert main(args) == 0
    good = (out / "test-manual-de.pdf").read_bytes()
    (site / "content/de/a.md").write_text(page("A", body='<p style="font-size: -5px">Neu.</p>\n'))
    for extra in ([], ["--no-cache"]):
        capsys.readouterr()
        assert main(args + extra) == 1
        err = capsys.readouterr().err
        assert "font-size" in err and "no PDF written; the previous one is unchanged" in err
        assert (out / "test-manual-de.pdf").read_bytes() == good


@pytest.mark.parametrize("where, line", [
    ('[languages.de]\ncontentDir = "../.."\n', 4),
    ('contentDir = ".."\n', 3),
])
def test_a_content_folder_above_the_site_is_a_config_error_not_a_walk_of_the_disk(
        tmp_path, capsys, where, line):
    # contentDir = "../.." had every file below that folder walked and read as a page: with
    # "/" the whole disk, until a temporary file vanished under the walk ("No such file")
    site = write_site(tmp_path / "a" / "b" / "site", {**HOME},
                      hugo=f'title = "T"\ndefaultContentLanguage = "de"\n{where}')
    (tmp_path / "a" / "stray.md").write_text("---\ntitle: Not of the site\n---\n")
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [("config", "hugo.toml", line)]
    assert "holds the site itself" in findings[0]["message"]


BAD_SVG = SVG.format(root='width="10" height="10" viewBox="a b c"', inside="<rect width='5' height='5'/>")


@pytest.mark.parametrize("files, where, words", [
    # a picture an SVG loads, damaged or an SVG WeasyPrint cannot draw: build said only
    # "Failed to render SVG image" or "Failed to load image", check nothing
    ({"static/img/ok.svg": SVG.format(root='width="10" height="10"',
                                      inside='\n<image href="bad.svg" width="5" height="5"/>'),
      "static/img/bad.svg": BAD_SVG},
     ("static/img/ok.svg", 2), '<image> in ok.svg loads "bad.svg": the SVG cannot be drawn'),
    ({"static/img/ok.svg": SVG.format(root='width="10" height="10"',
                                      inside='\n<image href="t.png" width="5" height="5"/>'),
      "static/img/t.png": b"\x89PNG\r\n\x1a\nbroken"},
     ("static/img/ok.svg", 2), '<image> in ok.svg loads "t.png": not an image file'),
])
def test_a_picture_an_svg_loads_is_checked_as_the_pages_pictures_are(tmp_path, capsys, files,
                                                                       where, words):
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/ok.svg)\n"), **files})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [("image-unreadable", *where)]
    assert words in findings[0]["message"]


def test_a_data_svg_weasyprint_cannot_draw_is_found_by_check_too(tmp_path, capsys):
    import base64

    address = "data:image/svg+xml;base64," + base64.b64encode(BAD_SVG.encode()).decode()
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body=f"Intro\n\n![Bild]({address})\n")})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert '"a" is not a number' in findings[0]["message"]


@pytest.mark.parametrize("files, where", [
    ({"manualgen.toml": '[print]\nstylesheets = ["print.css"]\n',
      "print.css": "h1 { color: red; }\nbody { background: url(static/img/bad.svg); }\n"},
     ("print.css", 2)),
    ({"manualgen.toml": '[manual]\nlogo = "static/img/bad.svg"\n'}, ("static/img/bad.svg", None)),
])
def test_a_picture_the_sites_styles_or_cover_show_is_checked_too(tmp_path, capsys, files, where):
    # check passed; build failed with "Failed to render SVG image"
    site = write_site(tmp_path / "site", {**HOME, "static/img/bad.svg": BAD_SVG, **files})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [("image-unreadable", *where)]
    assert '"a" is not a number' in findings[0]["message"]


@pytest.mark.parametrize("mark, encoding, name", [
    (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
])
def test_a_page_saved_as_utf16_is_named_so(tmp_path, capsys, mark, encoding, name):
    # "not valid UTF-8 (byte 0xff)" left the writer to guess what byte 0xff is
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": mark + page("A", body="Text\n").encode(encoding),
        "i18n/de.toml": mark + "a = 'x'\n".encode(encoding)})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert {(f["code"], f["file"]) for f in findings} == {
        ("bad-encoding", "content/de/a.md"), ("bad-i18n", "i18n/de.toml")}
    assert all(f"the file is {name} text, not UTF-8" in f["message"] for f in findings)


def test_a_png_cut_after_its_pixels_is_the_same_error_in_check_and_build(tmp_path, capsys):
    # check decoded it (the pixels are all there) and passed; build's chunk check found the
    # end missing and failed
    data = png_bytes(60, 40)
    assert data.endswith(b"IEND\xaeB`\x82")
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/cut.png)\n"),
        "static/img/cut.png": data[:-12]})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert "truncated" in findings[0]["message"]
    status, text = build(capsys, site, tmp_path / "out")
    assert status == 1 and "content/de/a.md:6:" in text and "truncated" in text


@pytest.mark.parametrize("files", [
    {"content/de/a.md": page("A", body='Intro\n\n{{< include "a.md" >}}\n')},
    {"content/de/a.md": page("A", body='Intro\n\n{{< include "b.md" >}}\n'),
     "content/de/b.md": page("B", body='{{< include "a.md" >}}\n')},
])
def test_pages_that_include_each_other_are_named_at_the_include_in_the_page(tmp_path, capsys,
                                                                            files):
    # the finding named line 1 (the line of the innermost include in its own text)
    site = write_site(tmp_path / "site", {**HOME, **files})
    status, findings, err = check_json(capsys, site)
    assert status == 0 and "Traceback" not in err
    found = {(f["code"], f["file"], f["line"]) for f in findings}
    assert ("bad-shortcode", "content/de/a.md", 6) in found
    assert all(f["line"] != 1 for f in findings), findings


def test_a_json_front_matter_key_given_twice_is_a_warning_at_the_second_one(tmp_path, capsys):
    # YAML's were reported; JSON's second title won without a word
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": (
        '{\n  "title": "Alt",\n  "params": {"title": "inner"},\n  "weight": 1,\n'
        '  "title": "Neu"\n}\nText\n')})
    status, findings, err = check_json(capsys, site)
    assert status == 0 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("bad-front-matter", "content/de/a.md", 5)]
    assert '"title" is given twice (lines 2 and 5); the second one is used' in findings[0]["message"]


def test_an_svg_image_element_without_an_address_is_found_by_check_too(tmp_path, capsys):
    # check passed; build failed with "Failed to load image at None: TypeError"
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(root='width="10" height="10"',
                                       inside='<image width="5" height="5"/>')})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert "has no href" in findings[0]["message"]
    status, text = build(capsys, site, tmp_path / "out")
    assert status == 1 and "has no href" in text


# --- SVGs drawn at random -------------------------------------------------------------------
# Whatever an SVG holds, its inspection names a problem or none: it never raises (its size,
# its nesting and WeasyPrint's drawing of it are all tried).  FUZZ_EXAMPLES raises the count.

_SVG_TAGS = ["rect", "circle", "path", "polyline", "text", "tspan", "g", "use", "image", "marker",
             "clipPath", "mask", "pattern", "linearGradient", "stop", "filter", "feOffset", "svg",
             "symbol", "textPath", "style", "a"]
_SVG_ATTRS = ["width", "height", "x", "y", "r", "d", "points", "transform", "viewBox", "fill",
              "stroke", "stroke-dasharray", "font-size", "clip-path", "mask", "marker-end",
              "filter", "href", "id", "offset", "style", "preserveAspectRatio", "rotate"]
_SVG_VALUES = ["0", "-1", "10", "1e999", "nan", "abc", "", "50%", "1em", "10px", "inherit",
               "none", "url(#a)", "#a", "rotate(45)", "matrix(0 0 0 0 0 0)", "M0 0 L10 10",
               "M 0 0 Q", "0 0 10 10", "0 0 10", "1,2,3", "xMidYMid slice", "fill: url(#a)",
               "x.svg", "\u00e9"]


@st.composite
def _svg_elements(draw, depth=0) -> str:
    tag = draw(st.sampled_from(_SVG_TAGS))
    attrs = draw(st.dictionaries(st.sampled_from(_SVG_ATTRS), st.sampled_from(_SVG_VALUES),
                                 max_size=4))
    written = " ".join(f'{k}="{v}"' for k, v in attrs.items())
    inner = "".join(draw(st.lists(_svg_elements(depth + 1), max_size=2))) if depth < 3 else ""
    return f"<{tag} {written}>{draw(st.sampled_from(['', 'Hi']))}{inner}</{tag}>"


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(root=st.dictionaries(st.sampled_from(["width", "height", "viewBox"]),
                            st.sampled_from(_SVG_VALUES), max_size=3),
       body=st.lists(_svg_elements(), min_size=1, max_size=3))
def test_any_svg_is_inspected_without_raising(tmp_path_factory, root, body):
    from manualgen.images import inspect

    path = tmp_path_factory.mktemp("svg") / "x.svg"
    written = " ".join(f'{k}="{v}"' for k, v in root.items())
    path.write_text(SVG.format(root=written, inside="".join(body)), encoding="utf-8")
    info = inspect(path, full=True)
    assert info.format == "SVG" and (info.problem is None or isinstance(info.problem, str))


@pytest.mark.parametrize("root", ['width="0" height="0"', 'width="100" height="0px"'])
def test_an_svg_file_of_no_size_is_an_error_not_a_blank(tmp_path, capsys, root):
    # it printed as nothing, check and build silent
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body="Intro\n\n![Bild](/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(root=root, inside="<rect width='10' height='10'/>")})
    status, findings, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/a.md", 6)]
    assert "it prints as nothing" in findings[0]["message"]


def test_an_svg_written_in_a_page_with_no_size_is_a_sprite_sheet_and_not_reported(tmp_path,
                                                                                 capsys):
    svg = '<svg width="0" height="0"><defs><g id="icon"><rect width="5" height="5"/></g></defs></svg>'
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", body=f"{svg}\n\nText\n")})
    status, findings, _ = check_json(capsys, site)
    assert (status, findings) == (0, [])


def test_a_fragment_url_in_the_style_of_an_element_outside_an_svg_is_still_left_out(tmp_path,
                                                                                   capsys):
    # outside an <svg> "url(#x)" names nothing: left out with a warning, as before (kept, it
    # gave a CSS warning in build only)
    site = write_site(tmp_path / "site", {
        **HOME, "content/de/a.md": page("A", body='<p style="background: url(#x)">t</p>\n')})
    status, findings, _ = check_json(capsys, site)
    assert status == 0
    assert [(f["code"], f["line"]) for f in findings] == [("missing-image", 4)]


def test_an_embedded_page_prints_as_a_note_with_its_address(tmp_path, capsys):
    # an <iframe> (a YouTube film, a map) printed as an empty space, without a word
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", body=(
        '<iframe src="https://www.youtube.com/embed/abc" title="Film"></iframe>\n\nText\n\n'
        '<iframe src="https://maps.example.org/x"></iframe>\n'))})
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                   "--no-cache", "--html", "--quiet"])
    assert status == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    assert "<iframe" not in html
    assert re.search(r'<span class="media-kind mg-label">Video</span> <a href="https://www\.youtube'
                     r'\.com/embed/abc"[^>]*>Film</a>', html)
    assert re.search(r'<p class="media-link"><a href="https://maps\.example\.org/x"', html)


def test_the_control_characters_markdown_takes_out_are_named_at_their_line(tmp_path, capsys):
    # U+0002 and U+0003 vanished from the PDF without a word (Python-Markdown strips them;
    # Hugo passes them on): now a warning at the line, as for the other control characters
    site = write_site(tmp_path / "site", {
        **HOME,
        "content/de/a.md": page("A", body="Intro\n\nEin\x02Wort\x03 hier.\n"),
        "content/de/b.md": '---\ntitle: B\ndescription: "Kurz\\x03"\n---\nText\n',
        "content/de/c.html": page("C", body="<p>Roh\x02</p>\n")})
    status, findings, err = check_json(capsys, site)
    assert status == 0 and "Traceback" not in err
    found = [(f["code"], f["file"], f["line"]) for f in findings]
    assert found == [("missing-glyphs", "content/de/a.md", 6), ("missing-glyphs", "content/de/b.md", 3),
                     ("missing-glyphs", "content/de/c.html", 4)], findings
    assert "U+0002 and U+0003, which no font can print: the PDF leaves them out" in findings[0]["message"]
    assert "U+0003, which no font can print" in findings[1]["message"]
    assert "U+0002, which prints as an empty box" in findings[2]["message"]  # HTML: printed as is


_FRONT_LINES = ['title = "a', "title = 'b'", "[[x]", "[x]]", "a.b = 1", "a = {b = 1", "date = 07:32:00",
                'date = 1979-05-27T07:32:00Z', "weight = 0x1F", 'title: "x', "title: [a", "- a",
                "key: {a: 1", "date: 2024", "date: 1.5", "lastmod: true", "  : x", "&a x", "*a",
                '"title": "j",', '"weight": x', "}", "{", "]", "\t", "\ufeffx: 1", "\x00", "\x07",
                "title: 0o17", "title: 1:20", "title: !!binary aGk=", "title: !!int x", ""]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fence=st.sampled_from(["---", "+++", "{", ""]),
       lines=st.lists(st.sampled_from(_FRONT_LINES), max_size=8),
       close=st.booleans(),
       ending=st.sampled_from(["\n", "\r\n", "\r", "mixed"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
def test_any_broken_front_matter_is_read_or_named_at_a_line_of_the_file(
        tmp_path, fence, lines, close, ending, encoding):
    # TOML, YAML and JSON front matter with broken syntax, any line ends (old Mac CR alone,
    # mixed), any encoding: read, or one ContentError at a line the file has; never a crash.
    import datetime as dt

    from manualgen.content import _as_datetime, read_source
    from manualgen.errors import ContentError

    closing = {"---": ["---"], "+++": ["+++"], "{": ["}"], "": []}[fence] if close else []
    parts = [fence, *lines, *closing, "Body text", ""] if fence else [*lines, "Body", ""]
    if ending == "mixed":
        text = "".join(p + ("\n", "\r\n", "\r")[i % 3] for i, p in enumerate(parts))
    else:
        text = ending.join(parts)
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    path = tmp_path / "page.md"
    path.write_bytes(raw)
    try:
        _source, front = read_source(path)
    except ContentError as exc:
        finding = exc.finding()
        assert finding.line is None or 1 <= finding.line <= len(parts), finding
        return
    assert front.body_line >= 1
    for value in front.meta.values():  # every date key Hugo reads: a date or None, no raise
        assert _as_datetime(value) is None or isinstance(_as_datetime(value), dt.datetime)
