"""Alt texts for PDF/UA: the site's description, else the text that goes with the image."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from manualgen.assemble.steps import _first_sentence
from manualgen.build import BuildOptions, build

from .conftest import page, write_site


def png(path, size=(400, 300)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 210, 220)).save(path)


BODY = """
![](/img/alone.png)

<div class="two_column">
<div class="left_col">

Click **Save** to keep the record. Then close the form.

</div>
<div class="right_col">
<img src="/img/step.png" alt="no description available">
</div>
</div>

1. How do I export the list?

   ![](/img/question.png)

![Upload dialog with the file chosen](/img/described.png)
"""


def alts(tmp_path) -> dict[str, str]:
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=BODY)})
    for name in ("step", "question", "described", "alone"):
        png(site / f"static/img/{name}.png")
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True,
                                      jobs=1))
    assert not result.findings.errors
    html = (tmp_path / "out").glob("*.html").__next__().read_text(encoding="utf-8")
    found = {}
    for tag in re.findall(r"<img [^>]*>", html):
        source = re.search(r'data-source="([^"]+)"', tag) or re.search(r'src="[^"]*/([^"/]+)"', tag)
        found[source.group(1)] = re.search(r'alt="([^"]*)"', tag).group(1)
    return found


def test_alt_texts_come_from_the_description_or_the_text_beside_the_image(tmp_path):
    found = alts(tmp_path)
    assert found["described.png"] == "Upload dialog with the file chosen"
    assert found["step.png"] == "Click Save to keep the record."  # the step's first sentence
    assert found["question.png"].endswith("How do I export the list?")  # the question it answers
    # Nothing before it on the page: the page's title, under the localized label.
    assert found["alone.png"] == "Abbildung: Start"


@pytest.mark.parametrize("text, sentence", [
    ("Attribut = variable (par ex. fall_id, burnr, etc.)", "Attribut = variable (par ex. fall_id, burnr, etc.)"),
    ("Wählen Sie z. B. den Kanton aus. Dann speichern.", "Wählen Sie z. B. den Kanton aus."),
    ("F. Müller prüft die Daten. Danach folgt Schritt 2.", "F. Müller prüft die Daten."),
    ("Kurz. Dann mehr Text hier.", "Kurz. Dann mehr Text hier."),
])
def test_the_first_sentence_does_not_end_at_an_abbreviation(text, sentence):
    assert _first_sentence(text) == sentence


def test_an_svg_written_in_the_page_gets_a_title_for_its_alternative_text(tmp_path):
    body = (
        "The chart below shows the uploads per month.\n\n"
        '<svg width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>\n\n'
        '<svg width="20" height="20" aria-label="Status: ready"><circle r="9" cx="10" cy="10"/></svg>\n\n'
        '<svg width="60" height="20"><text x="0" y="15">Step 1</text></svg>\n\n'
        '<svg width="20" height="20"><title>Kept as written</title><g><svg width="5" height="5">'
        '<rect width="5" height="5"/></svg></g></svg>\n')
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert not result.findings.errors
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert re.findall(r"<title>([^<]*)</title>", html.split("<body", 1)[1]) == [
        "Abbildung: The chart below shows the uploads per month.", "Status: ready", "Step 1",
        "Kept as written"]  # the inner <svg> is drawn with its outer one: no title of its own
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    assert not validator.validate_pdf(next(out.glob("*.pdf")), profile="ua1").failures


def test_an_image_in_a_description_gets_an_alternative_text_too(tmp_path):
    site = write_site(tmp_path / "site", {"content/de/_index.md": (
        "---\ntitle: Start\ndescription: 'Unser Werkzeug <img src=\"/img/icon.png\"> hilft'\n---\nText\n")})
    png(site / "static/img/icon.png", (40, 40))
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert not result.findings.errors and not result.findings.warnings
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    (tag,) = re.findall(r"<img [^>]*icon[^>]*>", html)
    assert 'alt="Abbildung: Start"' in tag  # the PDF's figure had no /Alt: PDF/UA-1 failed


def test_an_empty_description_of_a_drawing_gives_way_to_its_text():
    from types import SimpleNamespace

    from manualgen.assemble.html import parse_fragment
    from manualgen.assemble.steps import alt_texts

    root = parse_fragment('<p>Intro words.</p><svg width="9" height="9"><desc>  </desc>'
                          '<text x="0" y="8">Axis</text></svg>')
    job = SimpleNamespace(page=SimpleNamespace(title="Start"), ctx=SimpleNamespace(labels={"figure": "Figure"}))
    alt_texts(root, job)
    assert next(root.iter("title")).text == "Axis"


ICONS_BODY = (
    "The chart below shows the uploads per month.\n\n"
    '<svg width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>\n\n'
    '<p>Hidden <svg aria-hidden="true" width="12" height="12" style="color: #c00000">'
    '<rect width="12" height="12" fill="currentColor"/></svg> icon.</p>\n\n'
    '<p>Role <svg role="presentation" width="12" height="12"><circle r="5" cx="6" cy="6"/></svg>'
    ' none <svg role="none" width="12" height="12"><circle r="5" cx="6" cy="6"/></svg>.</p>\n\n'
    '<p><a href="https://example.org/dl"><svg width="12" height="12"><title>Pfeil</title>'
    '<rect width="12" height="12"/></svg> Herunterladen</a></p>\n\n'
    '<p><a href="https://example.org/home" aria-label="Startseite"><svg width="12" height="12">'
    '<rect width="12" height="12"/></svg></a></p>\n\n'
    '<p><span aria-hidden="true"><img src="/img/deco.png" width="12" height="12" alt=""></span>'
    ' Text.</p>\n')


def figure_alts(pdf) -> list[str]:
    """The /Alt of every /Figure in the PDF's structure tree, in reading order."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(pdf)
    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        element = stack.pop()
        if not isinstance(element, dict):
            continue
        if element.get("/S") == "/Figure":
            found.append(str(element.get("/Alt")))
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        stack.extend(reversed([k.get_object() for k in kids if hasattr(k, "get_object")]))
    return found


def test_decorative_icons_are_artifacts_not_figures(tmp_path):
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=ICONS_BODY)})
    png(site / "static/img/deco.png", (12, 12))
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert not result.findings.errors
    html = next(out.glob("*.html")).read_text(encoding="utf-8").split("<body", 1)[1]
    # No invented title for an icon a screen reader skips (a title written stays); an icon
    # that is all its link shows is named by the link.
    assert re.findall(r"<title>([^<]*)</title>", html) == [
        "Abbildung: The chart below shows the uploads per month.", "Pfeil", "Startseite"]
    pdf = next(out.glob("*.pdf"))
    # The chart and the link's only content are figures; the hidden and presentational icons,
    # the icon beside "Herunterladen" and the image under aria-hidden are not.
    assert figure_alts(pdf) == ["Abbildung: The chart below shows the uploads per month.",
                                "Startseite"]
    pypdf = pytest.importorskip("pypdf")
    contents = {str(a.get_object()["/A"]["/URI"]): str(a.get_object()["/Contents"])
                for sheet in pypdf.PdfReader(pdf).pages for a in sheet.get("/Annots") or []
                if "/URI" in a.get_object().get("/A", {})}
    # A link says its words, not the title of the icon beside them.
    assert contents == {"https://example.org/dl": "Herunterladen",
                        "https://example.org/home": "Startseite"}
    import pypdfium2
    colours = set()
    for sheet in pypdfium2.PdfDocument(str(pdf)):
        colours |= {c for _, c in sheet.render(scale=2).to_pil().convert("RGB").getcolors(1 << 20)}
    assert (192, 0, 0) in colours  # the hidden icon is drawn, in its currentColor
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    assert not validator.validate_pdf(pdf, profile="ua1").failures


def test_a_drawing_and_a_video_take_their_name_in_one_order(tmp_path):
    """aria-label, then an <svg>'s <title>, then the title attribute (WAI-ARIA accname):
    the drawing's alternative text and the video note's title read the same attributes."""
    both = 'aria-label="Upload,  monthly" title="Tooltip"'
    body = (f'<svg {both} width="9" height="9"><title>Drawn</title><rect width="9" height="9"/>'
            '</svg>\n\n<svg title="Tooltip" width="9" height="9"><title>Drawn</title>'
            '<rect width="9" height="9"/></svg>\n\n'
            f'<video {both} src="https://example.org/clip.mp4"></video>\n')
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    assert not result.findings.errors
    html = next(out.glob("*.html")).read_text(encoding="utf-8").split("<body", 1)[1]
    assert re.findall(r"<title>([^<]*)</title>", html) == ["Upload, monthly", "Drawn"]
    (note,) = re.findall(r'<div class="media-note video-note">(.*?)</div>', html, re.DOTALL)
    assert ">Upload, monthly</a>" in note


def test_a_decorative_picture_that_cannot_be_loaded_is_tagged_as_its_text(tmp_path):
    """WeasyPrint draws a picture it cannot load as its alternative text, in an inline box:
    that text is tagged as text (marking it an artifact left its marked content without an
    element, and the PDF/UA writing stopped on WeasyPrint's own check)."""
    import weasyprint

    from manualgen import tagging

    html = '<p>Hi <img aria-hidden="true" alt="icon" src="nothere.png"> there</p>'
    with tagging.decorations_as_artifacts():
        data = weasyprint.HTML(string=html, base_url=str(tmp_path) + "/").write_pdf(
            pdf_variant="pdf/ua-1")
    assert data.startswith(b"%PDF")
