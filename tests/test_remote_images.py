"""Pictures on the web: a framed address and one warning each, offline; an address on the
site's own host is the site's file; the line named is the image's, not a code sample's."""

import json

import pypdfium2 as pdfium

from manualgen.cli import main

from .conftest import write_site

HUGO = 'baseURL = "https://example.org/docs/"\ndefaultContentLanguage = "en"\n'




def png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


PAGE = """---
title: Pictures
weight: 1
---
How to show a picture:

```markdown
![Logo](https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg)
```

![Logo](https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg)

![Own](https://example.org/docs/img/own.png)
"""


def test_a_remote_image_prints_its_address_and_builds_with_one_warning(tmp_path, capsys):
    site = write_site(tmp_path / "site", hugo=None, files={
        "hugo.toml": HUGO, "content/_index.md": "---\ntitle: Home\n---\n",
        "content/pics.md": PAGE, "static/img/own.png": png()})
    status = main(["check", "--site", str(site), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert status == 0
    assert [(f["code"], f["severity"], f["line"]) for f in findings] == [
        ("remote-image", "warning", 11)]  # line 8 is the code sample showing the markup
    assert "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg" in findings[0]["message"]

    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q"]) == 0
    [pdf_path] = out.glob("*.pdf")
    pdf = pdfium.PdfDocument(str(pdf_path))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg" in text.replace("\r\n", "")
    assert sum(len(list(pdf[i].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])))
               for i in range(len(pdf))) == 1  # the site's own picture, by its web address


def test_a_very_long_address_is_shortened_in_the_middle_only():
    from manualgen.pdf import shorten

    address = "https://example.com/" + "a" * 200 + "/end.png"
    short = shorten(address)
    assert len(short) <= 120 and short.startswith("https://example.com/aaa")
    assert short.endswith("/end.png") and "…" in short
    assert shorten("https://example.com/x.png") == "https://example.com/x.png"


def test_a_badge_that_links_elsewhere_keeps_its_address_inside_its_frame(tmp_path):
    """A picture on the web inside a link (a README badge: [![Release](https://img…)](https://…))
    prints its description and address inside one frame: the address is not a second link,
    which the HTML parser would take as the end of the outer one, leaving the frame empty
    and the address in running text."""
    import tinyhtml5

    badge = "[![Release](https://img.shields.io/badge/release-1.0-blue.svg)](https://example.com/releases)"
    site = write_site(tmp_path / "site", hugo=None, files={
        "hugo.toml": HUGO, "content/_index.md": "---\ntitle: Home\n---\n",
        "content/pics.md": f"---\ntitle: Badges\nweight: 1\n---\n{badge} and text after.\n"})
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "--html", "-q"]) == 0
    [html_path] = out.glob("*.html")
    tree = tinyhtml5.parse(html_path.read_bytes())
    ns = "{http://www.w3.org/1999/xhtml}"
    [frame] = [el for el in tree.iter(f"{ns}span") if "remote-image" in (el.get("class") or "")]
    assert "".join(frame.itertext()) == "Releasehttps://img.shields.io/badge/release-1.0-blue.svg"
    [outer] = [a for a in tree.iter(f"{ns}a") if a.get("href") == "https://example.com/releases"]
    assert frame in list(outer.iter())


def _char_rows(textpage, start: int, length: int) -> set[float]:
    """The rounded baselines (bottoms) of the characters from start: one per printed line."""
    rows = set()
    for index in range(start, start + length):
        left, bottom, right, _top = textpage.get_charbox(index, loose=True)
        if right > left:
            rows.add(round(bottom))
    return rows


def test_a_picture_on_the_web_in_a_gallery_prints_its_description_and_address_on_two_lines(tmp_path):
    """A gallery sets its pictures side by side with no line height between them; the frame of
    a picture on the web among them (a carousel's first image, say) keeps its own lines: the
    description above the address, not printed over it."""
    from .conftest import png_bytes

    site = write_site(tmp_path / "site", hugo=None, files={
        "hugo.toml": HUGO, "content/_index.md": "---\ntitle: Home\n---\n",
        "content/trip/index.md": "---\ntitle: Trip\nweight: 1\n---\nOur pictures:\n\n"
                                 '{{< carousel images="{https://pictures.example.net/hills.jpg,lake.png}" >}}\n',
        "content/trip/lake.png": png_bytes(300, 200)})
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q"]) == 0
    [pdf_path] = out.glob("*.pdf")
    pdf = pdfium.PdfDocument(str(pdf_path))
    for page in pdf:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if "pictures.example.net" in text:
            break
    label = text.index("carousel image 0")
    address = text.index("https://pictures.example.net")
    label_rows = _char_rows(textpage, label, len("carousel image 0"))
    address_rows = _char_rows(textpage, address, len("https://pictures.example.net"))
    assert len(label_rows) == 1 and len(address_rows) == 1
    assert min(label_rows) - min(address_rows) > 8  # the address a line (8.5 pt text) lower
