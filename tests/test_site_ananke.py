"""A site in the shape of Hugo's quick-start with the Ananke theme, with PaperMod's front
matter (tests/ananke_site.py), prints as its web pages read: the cover picture a post's front
matter sets under its title (PaperMod's cover with its caption, Ananke's featured_image), the
contact form as a note of its fields in the theme's words, in English and German."""

from __future__ import annotations

import re

import pytest

from manualgen.cover import page_cover

from .ananke_site import write_ananke_site
from .conftest import body_text, build_test_site, check_findings


@pytest.fixture(scope="module")
def ananke_build(tmp_path_factory) -> tuple:
    return build_test_site(write_ananke_site, tmp_path_factory.mktemp("ananke"))


@pytest.fixture(scope="module")
def ananke_html(ananke_build) -> dict[str, str]:
    status, said, out = ananke_build
    assert status == 0, said
    return {lang: (out / f"field-notes-{lang}.html").read_text(encoding="utf-8") for lang in ("en", "de")}


def test_pages_print_in_hugos_order(ananke_build):
    status, said, out = ananke_build
    assert status == 0 and "warning" not in said, said
    # hugo 0.149.1 lists Posts before Contact (the section takes its newest post's date), and
    # the posts newest first
    text = body_text(out / "field-notes-en.pdf")
    at = [text.rindex(t) for t in ("Counting birds at dawn", "Setting up the weather mast", "Questions about")]
    assert at == sorted(at)
    assert "{{" not in text and "<form" not in text


def test_a_cover_prints_under_the_title_with_its_caption(ananke_html):
    en = ananke_html["en"]
    dawn = en[en.index("Counting birds at dawn"):en.index("Counting starts twenty")]
    assert re.search(r'<figure class="mg-cover"><img src="[^"]*/dawn-count/dawn\.png" '
                     r'alt="The marsh at dawn, seen from the hide"', dawn)
    assert "<figcaption>The view from the hide at five in the morning</figcaption>" in dawn
    assert "Der Blick aus dem Versteck um fünf Uhr morgens" in ananke_html["de"]


def test_a_featured_image_prints_under_the_title(ananke_html):
    for lang, title in (("en", "Setting up the weather mast"), ("de", "Den Wettermast aufstellen")):
        html = ananke_html[lang]
        post = html[html.index(title):]
        assert re.search(rf'<figure class="mg-cover"><img src="[^"]*/weather-mast/mast-cover\.png" '
                         rf'alt="{title}"', post[:2000])


def test_the_contact_form_prints_its_fields_in_the_themes_words(ananke_html):
    assert "Your Name · Email Address · Message" in ananke_html["en"]
    assert "Ihr Name · E-Mail-Adresse · Nachricht" in ananke_html["de"]
    assert ">Kontaktformular<" in ananke_html["de"]
    assert "https://notes.example.org/de/contact/" in ananke_html["de"]


def test_a_cover_is_found_as_the_theme_finds_it(tmp_path):
    (tmp_path / "here.png").write_bytes(b"x")
    assert page_cover({"cover": {"image": "here.png"}}, "T", tmp_path).src == "here.png"
    # not in the bundle (or no bundle): from the site's root, as PaperMod's absURL
    assert page_cover({"cover": {"image": "img/there.png"}}, "T", tmp_path).src == "/img/there.png"
    assert page_cover({"featured_image": "there.png"}, "T", None).src == "/there.png"
    assert page_cover({"cover": {"image": "https://x.org/a.png"}}, "T", None).src == "https://x.org/a.png"
    # kept off the page itself, or no picture
    assert page_cover({"cover": {"image": "a.png", "hiddenInSingle": True}}, "T", None) is None
    assert page_cover({"cover": {"image": "a.png", "hidden": "true"}}, "T", None) is None
    assert page_cover({"cover": {"caption": "no image"}}, "T", None) is None
    assert page_cover({"Cover": {"Image": "a.png", "Alt": "A"}}, "T", None).alt == "A"


def test_a_missing_cover_is_reported_at_its_front_matter_line(tmp_path):
    from .conftest import write_site

    root = write_site(tmp_path / "site", {
        "hugo.toml": 'title = "T"\n',
        "content/_index.md": "---\ntitle: Home\n---\n\nHello.\n",
        "content/post.md": "---\ntitle: A post\ncover:\n  image: gone.png\n---\n\nText.\n",
    })
    (found,) = [f for f in check_findings(root) if f["code"] == "missing-image"]
    assert (found["file"], found["line"]) == ("content/post.md", 3)
