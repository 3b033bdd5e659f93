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
