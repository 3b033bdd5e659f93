"""The PDF itself: pages, bookmarks, metadata, page labels, contents page numbers, steps.

The example manual is built once (French, with its merged HTML); the layout checks re-render
that HTML with WeasyPrint to see on which page each box lands.
"""

from __future__ import annotations

import html
import re

import pytest
from pypdf import PdfReader

from manualgen.build import BuildOptions, build
from manualgen.cli import main
from manualgen.config import load_settings
from manualgen.errors import ConfigError

from . import conftest
from .conftest import ROOT, write_site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    assert main(["build", "--site", str(ROOT), "--lang", "fr", "--out", str(out), "--html", "-q"]) == 0
    return out / "dataloom-manual-fr.pdf", out / "dataloom-manual-fr.html"


@pytest.fixture(scope="module")
def laid_out(built):
    import weasyprint

    _pdf, html = built
    return weasyprint.HTML(filename=str(html)).render(presentational_hints=True)


def outline(reader):
    items = []

    def walk(nodes, depth):
        for node in nodes:
            if isinstance(node, list):
                walk(node, depth + 1)
            else:
                items.append((depth, node.title, reader.get_destination_page_number(node) + 1))

    walk(reader.outline, 0)
    return items


def test_metadata(built):
    meta = PdfReader(built[0]).metadata
    assert meta.title == "Manuel d'utilisation Dataloom"
    assert meta.subject and "Dataloom" in meta.subject
    assert meta.author == "Dataloom project (example)"
    assert "Version 1.4.0" in meta["/Keywords"]
    root = PdfReader(built[0]).trailer["/Root"]
    assert root["/Lang"] == "fr-CH"  # the example site's languageCode
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def head_of(folder, lang: str) -> str:
    """The <head> of the merged HTML a check writes for one language (no PDF: fast)."""
    [html] = folder.glob(f"*-{lang}.html")
    return html.read_text(encoding="utf-8").split("</head>")[0]


def meta_content(head: str, name: str) -> str:
    return html.unescape(re.search(rf'<meta name="{name}" content="([^"]*)"', head).group(1))


def test_metadata_is_in_the_language_of_the_manual(tmp_path):
    result = build(ROOT, BuildOptions(langs=["it"], out=tmp_path, html=True, check_only=True,
                                      no_cache=True))
    assert result.ok
    head = head_of(tmp_path, "it")
    keywords = meta_content(head, "keywords")
    assert "Versione 1.4.0" in keywords and "Version " not in keywords  # was English everywhere
    assert "example" not in keywords  # the example's own keywords are per language too
    assert "<title>Manuale d&#39;uso Dataloom</title>" in head
    assert "Istruzioni" in meta_content(head, "description")
    assert '<html lang="it-CH">' in head


def test_publisher_author_and_keywords_per_language(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": conftest.page("Start"),
        "content/fr/_index.md": conftest.page("Accueil"),
        "manualgen.toml": """\
            [manual]
            publisher = "Bundesamt für Statistik"
            keywords = ["Statistik"]
            [languages.fr]
            publisher = "Office fédéral de la statistique"
            keywords = ["statistique"]
            """,
    })
    out = tmp_path / "out"
    assert build(site, BuildOptions(all=True, out=out, html=True, check_only=True, no_cache=True)).ok
    de, fr = head_of(out, "de"), head_of(out, "fr")
    assert meta_content(de, "author") == "Bundesamt für Statistik"
    assert meta_content(de, "keywords") == "Statistik, Version 2.0"
    assert meta_content(fr, "author") == "Office fédéral de la statistique"
    assert meta_content(fr, "keywords") == "statistique, Version 2.0"
    assert "Office fédéral de la statistique</p>" in (out / "test-manual-fr.html").read_text()


def test_language_settings_are_checked_like_the_others(tmp_path):
    site = write_site(tmp_path, {"content/de/_index.md": conftest.page("Start"), "manualgen.toml": """\
        [languages.fr]
        keywords = "statistique"
        editor = "x"
        """})
    with pytest.raises(ConfigError) as info:
        load_settings(site)
    found = {(p.line, p.message.split(" (")[0]) for p in info.value.problems}
    assert found == {(2, '"languages.fr.keywords" must be a list'),
                     (3, 'unknown key "languages.fr.editor"')}


def test_page_labels_match_the_printed_numbers(built):
    reader = PdfReader(built[0])
    labels = reader.page_labels
    assert len(labels) == len(reader.pages)
    for index, page in enumerate(reader.pages):
        m = re.search(r"Page (\d+) sur (\d+)", page.extract_text() or "")
        if m:  # the cover and blank pages carry no footer
            assert labels[index] == m.group(1)
            assert m.group(2) == str(len(reader.pages))


def test_bookmarks_mirror_the_contents_and_point_where_pages_start(built):
    reader = PdfReader(built[0])
    marks = outline(reader)
    titles = [t for _d, t, _p in marks]
    assert titles[:3] == ["Table des matières", "Manuel d'utilisation Dataloom", "1 Premiers pas"]
    assert "1.1 Connexion" in titles and "4.1 Questions fréquentes" in titles
    # The contents lists the same entries with the same page numbers.
    toc_text = "\n".join(reader.pages[i].extract_text() for i in range(2, 4))
    for depth, title, page in marks[1:]:
        number = re.match(r"^(\d+(?:\.\d+)*)\s+", title)
        entry = title[number.end():] if number else title
        # Text extraction puts an entry's own number after its page number ("Connexion … 71.1").
        own = re.escape(number.group(1)) if number else ""
        m = re.search(re.escape(entry) + r"[ .]*?(\d+?)" + own + r"\s*$", toc_text, re.MULTILINE)
        assert m, f"{title!r} not in the contents"
        assert int(m.group(1)) == page, f"{title!r}: contents says {m.group(1)}, starts on {page}"
        assert entry in (reader.pages[page - 1].extract_text() or "")


def test_chapters_start_on_right_hand_pages(built):
    for depth, title, page in outline(PdfReader(built[0])):
        if depth == 0 and title[0].isdigit():
            assert page % 2 == 1, f"{title} starts on left-hand page {page}"


def boxes_by_class(document, css_class):
    """{element: set of page numbers} for every box of elements with that class."""
    found: dict = {}
    for number, page in enumerate(document.pages, 1):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and css_class in (element.get("class") or "").split():
                found.setdefault(element, set()).add(number)
    return found


def test_every_step_text_shares_a_page_with_its_screenshot(laid_out):
    steps = boxes_by_class(laid_out, "step")
    assert len(steps) >= 6
    texts = boxes_by_class(laid_out, "step-text")
    media = boxes_by_class(laid_out, "step-media")
    for step, pages in steps.items():
        assert len(pages) == 1, f"a step is split over pages {sorted(pages)}"
        text_el = next(c for c in step if "step-text" in (c.get("class") or ""))
        media_el = next(c for c in step if "step-media" in (c.get("class") or ""))
        assert texts[text_el] == media[media_el] == pages


def test_no_image_leaves_the_page_area(laid_out):
    checked = 0
    for page in laid_out.pages:
        box = page._page_box
        left = box.margin_left
        right = box.margin_width() - box.margin_right
        top = box.margin_top
        bottom = box.margin_height() - box.margin_bottom
        for child in box.descendants():
            if getattr(child, "element_tag", None) == "img" and hasattr(child, "width"):
                checked += 1
                assert child.position_x >= left - 0.5 and child.position_x + child.width <= right + 0.5
                assert child.position_y >= top - 0.5 and child.position_y + child.height <= bottom + 0.5
    assert checked >= 10


def test_faq_answers_print_open_with_their_label(built):
    text = "".join(p.extract_text() or "" for p in PdfReader(built[0]).pages)
    assert text.upper().count("RÉPONSE") >= 5
    assert "Tout ouvrir" not in text


def test_the_document_language_is_hugos_language_code(tmp_path):
    hugo = conftest.HUGO_TOML.replace('languageName = "Deutsch"',
                                      'languageName = "Deutsch"\nlanguageCode = "de_CH"')
    hugo = hugo.replace('languageName = "Français"',
                        'languageName = "Français"\nlanguageCode = "Französisch"')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": conftest.page("Start", body="Er sagte <q>Grüezi</q>."),
        "content/fr/_index.md": conftest.page("Accueil"),
    }, hugo=hugo)
    out = tmp_path / "out"
    assert build(site, BuildOptions(all=True, out=out, html=True, no_cache=True)).ok
    assert '<html lang="de-CH">' in (out / "test-manual-de.html").read_text(encoding="utf-8")
    # Not a language tag: the language's key instead.
    assert '<html lang="fr">' in (out / "test-manual-fr.html").read_text(encoding="utf-8")
    pdf = PdfReader(out / "test-manual-de.pdf")
    assert pdf.trailer["/Root"]["/Lang"] == "de-CH"
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "«Grüezi»" in text  # Swiss quote marks, not the German „…“


def test_pdf_a_3b_is_built_without_a_word_from_weasyprint(tmp_path):
    import io

    from PIL import Image

    shot = io.BytesIO()
    Image.new("RGB", (300, 200), (40, 90, 160)).save(shot, format="PNG")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": conftest.page("Start", body="Text.\n\n![Die Übersicht](/img/a.png)\n"),
        "content/fr/_index.md": conftest.page("Accueil", body="Texte."),
        "static/img/a.png": shot.getvalue(),
        "manualgen.toml": '[print]\npdf_variant = "pdf/a-3b"\n',
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, no_cache=True))
    assert result.ok and list(result.findings) == []
    pdf = PdfReader(out / "test-manual-de.pdf")
    root = pdf.trailer["/Root"]
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_a_language_without_built_in_labels_is_told_which_words_print_in_english(tmp_path):
    hugo = conftest.HUGO_TOML.replace("[languages.fr]", "[languages.xh]").replace(
        'languageName = "Français"', 'languageName = "isiXhosa"').replace(
        'contentDir = "content/fr"', 'contentDir = "content/xh"').replace(
        "[languages.fr.params]", "[languages.xh.params]")
    files = {"content/de/_index.md": conftest.page("Start"),
             "content/xh/_index.md": conftest.page("Isiqalo", body="Umbhalo.")}
    site = write_site(tmp_path / "site", files, hugo=hugo)
    result = build(site, BuildOptions(langs=["xh"], out=tmp_path / "out", no_cache=True))
    found = [f for f in result.findings if f.code == "untranslated-labels"]
    assert len(found) == 1 and found[0].lang == "xh"
    assert "contents" in found[0].message and "[labels.xh]" in found[0].message
    assert result.results[0].pdf is not None  # a warning: the manual is still printed

    (site / "manualgen.toml").write_text('[labels.xh]\ncontents = "Okuqulathiweyo"\npage = "Iphepha"\n',
                                         encoding="utf-8")
    again = build(site, BuildOptions(langs=["xh"], out=tmp_path / "out", no_cache=True))
    (found,) = [f for f in again.findings if f.code == "untranslated-labels"]
    assert found.file == "manualgen.toml"
    assert "contents" not in found.message.split(":")[1].split("print")[0]
    assert not [f for f in build(site, BuildOptions(langs=["de"], out=tmp_path / "out",
                                                   no_cache=True)).findings
                if f.code == "untranslated-labels"]


def test_a_country_code_as_the_language_key_prints_that_country_s_language(tmp_path):
    """[languages.cn] with no languageCode (apache/shardingsphere's documentation) is
    Chinese: its manual prints Chinese labels and is tagged zh-CN (which chooses the CJK
    font's forms), with no untranslated-labels warning."""
    hugo = conftest.HUGO_TOML.replace("[languages.fr]", "[languages.cn]").replace(
        'languageName = "Français"', 'languageName = "简体中文"').replace(
        'contentDir = "content/fr"', 'contentDir = "content/cn"').replace(
        "[languages.fr.params]", "[languages.cn.params]")
    files = {"content/de/_index.md": conftest.page("Start"),
             "content/cn/_index.md": conftest.page("开始", body="正文。")}
    site = write_site(tmp_path / "site", files, hugo=hugo)
    result = build(site, BuildOptions(langs=["cn"], out=tmp_path / "out", html=True, no_cache=True))
    assert not [f for f in result.findings if f.code == "untranslated-labels"]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html and "目录" in html


def test_a_nynorsk_manual_prints_nynorsk_labels(tmp_path):
    """DocuAPI's example site is in English and Nynorsk (nn): its labels printed in English
    with an untranslated-labels warning."""
    hugo = conftest.HUGO_TOML.replace("[languages.fr]", "[languages.nn]").replace(
        'languageName = "Français"', 'languageName = "Nynorsk"').replace(
        'contentDir = "content/fr"', 'contentDir = "content/nn"').replace(
        "[languages.fr.params]", "[languages.nn.params]")
    files = {"content/de/_index.md": conftest.page("Start"),
             "content/nn/_index.md": conftest.page("Innleiing", body="Velkomen."),
             "content/nn/a.md": conftest.page("Kattungar", 1, body="Sjå [innleiinga](/nn/).")}
    site = write_site(tmp_path / "site", files, hugo=hugo)
    result = build(site, BuildOptions(langs=["nn"], out=tmp_path / "out", html=True, no_cache=True))
    assert not [f for f in result.findings if f.code == "untranslated-labels"]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Innhald" in html and 'data-see="sjå side"' in html


def test_an_svg_without_a_size_in_a_sentence_prints_as_an_icon_in_the_line(tmp_path):
    """An <svg> with only a viewBox inside a sentence (an icon the theme sizes on the web)
    prints one letter high, within its line; one standing alone keeps the text width.  It
    printed as a picture the width of the page, the sentence broken around it."""
    from pypdf import PdfReader

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    icon = '<svg viewBox="0 0 16 16" aria-label="Zahnrad"><circle cx="8" cy="8" r="6"/></svg>'
    site = write_site(tmp_path / "site", {
        "hugo.toml": ('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
                      '[markup.goldmark.renderer]\nunsafe = true\n'),
        "content/de/_index.md": page("Start", body=(
            f"Klicken Sie auf {icon} oben rechts, dann weiter.\n\n"
            '<svg viewBox="0 0 200 100"><rect width="200" height="100"/></svg>\n'))})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    assert not result.findings.errors
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'aria-label="Zahnrad" style="height: 1em;' in html
    assert '<svg viewBox="0 0 200 100">' in html  # alone in its block: a diagram
    lines = [line for p in PdfReader(result.results[0].pdf).pages
             for line in p.extract_text().splitlines()]
    assert any("Klicken Sie auf" in line and "oben rechts" in line for line in lines), lines
