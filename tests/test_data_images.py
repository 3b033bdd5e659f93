"""Pictures written as ``data:`` addresses: in a page, inside an SVG file of the site (as
diagram editors export them) and inside an ``<svg>`` in a page.  They print; a data: address
of something else, or a damaged one, is an error that ``check`` and ``build`` both report,
with no more than 120 characters of the address."""

import base64
import json

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen import data_url
from manualgen.cli import main

from .conftest import page, png_bytes, write_site

HUGO = ('baseURL = "https://example.org/"\ntitle = "Data"\ndefaultContentLanguage = "en"\n'
        '[markup.goldmark.renderer]\nunsafe = true\n')  # the pages draw inline SVG


def data_png(width=60, height=40) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(width, height)).decode()


def svg_with(href: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
            '     width="120" height="80">\n<rect width="120" height="80" fill="#eee"/>\n'
            f'<a xlink:href="https://example.com/more"><text x="5" y="75">more</text></a>\n'
            f'<image x="10" y="10" width="60" height="40" xlink:href="{href}"/>\n</svg>\n')


def site(tmp_path, body: str, svg: str | None = None):
    files = {"content/_index.md": page("Home", body="Hello.\n"),
             "content/a.md": page("Diagrams", 1, body)}
    if svg is not None:
        files["static/img/diagram.svg"] = svg
    return write_site(tmp_path / "site", files, hugo=HUGO)


def check(capsys, site_path):
    status = main(["check", "--site", str(site_path), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def build(tmp_path, capsys, site_path):
    out = tmp_path / "out"
    status = main(["build", "--site", str(site_path), "--out", str(out), "--no-cache", "-q"])
    return status, capsys.readouterr().err, out


def images_in(pdf_path) -> int:
    pdf = pdfium.PdfDocument(str(pdf_path))
    return sum(len(list(pdf[i].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=4)))
               for i in range(len(pdf)))


def test_an_svg_with_an_embedded_png_prints(tmp_path, capsys):
    path = site(tmp_path, "![Diagram](/img/diagram.svg)\n", svg_with(data_png()))
    assert check(capsys, path) == (0, [])
    status, err, out = build(tmp_path, capsys, path)
    assert status == 0, err
    [pdf] = out.glob("*.pdf")
    assert images_in(pdf) >= 1  # the PNG inside the SVG (no refusal at layout)


def test_a_data_image_in_a_page_prints(tmp_path, capsys):
    path = site(tmp_path, f"Before.\n\n![Inline]({data_png()})\n\nAfter.\n")
    assert check(capsys, path) == (0, [])
    status, err, out = build(tmp_path, capsys, path)
    assert status == 0, err
    [pdf] = out.glob("*.pdf")
    assert images_in(pdf) == 1


@pytest.mark.parametrize("href, words", [
    ("data:text/html;base64," + base64.b64encode(b"<script>x</script>" * 400).decode(),
     "data: address of text/html, not an image"),
    ("data:image/png;base64," + "iVBORw0KGgo" + "A" * 3000 + "!!", "base64 text is damaged"),
    ("data:image/png;base64," + base64.b64encode(png_bytes(300, 200)[:200]).decode(),
     "cannot be read"),
    ("https://example.com/" + "b" * 300 + "/pic.png", "outside the site"),
    ("../../../outside.png", "a file outside the site"),
])
def test_what_an_svg_cannot_print_is_found_by_check_and_build_alike(tmp_path, capsys, href, words):
    path = site(tmp_path, "![Diagram](/img/diagram.svg)\n", svg_with(href))
    status, findings = check(capsys, path)
    assert status == 1
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("refused-resource", "static/img/diagram.svg", 5)]
    message = findings[0]["message"]
    assert words in message and "diagram.svg" in message
    assert len(message) < 120 + 160
    assert (href in message) == (len(href) <= 120)  # whole when short, clipped when long
    status, err, out = build(tmp_path, capsys, path)
    assert status == 1 and not list(out.glob("*.pdf"))
    assert "static/img/diagram.svg:5: error:" in err and words in err
    assert max(len(line) for line in err.splitlines()) < 400  # no 70 KB of base64


def test_a_page_data_address_of_no_image_is_an_error_in_check_and_build(tmp_path, capsys):
    href = "data:text/plain;base64," + base64.b64encode(b"hello " * 100).decode()
    path = site(tmp_path, f"![Text]({href})\n")
    status, findings = check(capsys, path)
    assert status == 1
    assert [(f["code"], f["line"]) for f in findings] == [("image-address", 5)]
    assert "text/plain, not an image" in findings[0]["message"]
    assert "…" in findings[0]["message"] and len(findings[0]["message"]) < 220
    status, err, _out = build(tmp_path, capsys, path)
    assert status == 1 and "content/a.md:5: error:" in err and "[image-address" in err


def test_a_damaged_data_image_inside_an_inline_svg_is_found_by_check(tmp_path, capsys):
    bad = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"x" * 50).decode()
    body = (f'<svg width="50" height="50"><image width="50" height="50" href="{bad}"/></svg>\n\n'
            f'<svg width="50" height="50"><image width="50" height="50" href="{data_png()}"/></svg>\n')
    status, findings = check(capsys, site(tmp_path, body))
    assert status == 1
    assert [(f["code"], f["line"]) for f in findings] == [("image-unreadable", 5)]


def test_decode_refuses_what_is_no_image_and_caps_the_size():
    assert data_url.decode(data_png()).width == 60
    svg = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A//www.w3.org/2000/svg%22/%3E"
    assert data_url.decode(svg).problem is None
    assert "not an image" in data_url.decode("data:,hello").problem
    assert "not an image" in data_url.decode("data:font/woff2;base64,AAAA").problem
    assert "MB" in data_url.decode(data_png(), limit=100).problem
    assert "comma" in data_url.decode("data:image/png;base64").problem


def test_the_fetcher_serves_data_images_and_refuses_the_rest_briefly(tmp_path):
    from manualgen.pdf import Roots, make_fetcher

    refusals: list[str] = []
    fetcher = make_fetcher(Roots({"site": tmp_path}), refusals)
    response = fetcher.fetch(data_png())
    assert response.headers["Content-Type"] == "image/png"
    script = "data:text/html;base64," + base64.b64encode(b"<script>1</script>" * 5000).decode()
    with pytest.raises(ValueError, match="not an image"):
        fetcher.fetch(script)
    with pytest.raises(ValueError, match="outside the site"):
        fetcher.fetch("https://example.com/a.png")
    assert len(refusals) == 2 and all(len(r) < 200 for r in refusals)


def test_a_data_image_in_a_style_prints_and_other_data_is_left_out(tmp_path, capsys):
    good = f'<div style="width: 60px; height: 40px; background-image: url({data_png()})">x</div>'
    bad = '<div style="background: url(data:text/css;base64,Ym9keXt9)">y</div>'
    path = site(tmp_path, f"{good}\n\n{bad}\n")
    status, findings = check(capsys, path)
    assert status == 0
    assert [(f["code"], f["line"]) for f in findings] == [("missing-image", 7)]
    assert "text/css, not an image" in findings[0]["message"]
    status, err, out = build(tmp_path, capsys, path)
    assert status == 0, err
    [pdf] = out.glob("*.pdf")
    assert image_objects(pdf) == 1  # the background picture (drawn through a pattern)


def image_objects(pdf_path) -> int:
    """Image XObjects anywhere in the pages' resources (patterns and forms included)."""
    import pypdf

    seen: set = set()

    def walk(resources) -> int:
        count = 0
        for kind in ("/XObject", "/Pattern"):
            for ref in (resources.get(kind) or {}).values():
                key = getattr(ref, "idnum", id(ref))
                obj = ref.get_object()
                if key in seen:
                    continue
                seen.add(key)
                count += obj.get("/Subtype") == "/Image"
                if "/Resources" in obj:
                    count += walk(obj["/Resources"].get_object())
        return count

    return sum(walk(page["/Resources"].get_object()) for page in pypdf.PdfReader(pdf_path).pages)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300),
       st.sampled_from(["image/png", "image/svg+xml", "text/html", "", "image/png;base64"]))
def test_decode_never_raises(payload, media):
    found = data_url.decode(f"data:{media},{payload}")  # anything a page may hold: no crash
    assert isinstance(found.problem, str) or found.data  # a problem, or a picture to print
