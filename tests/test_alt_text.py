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
