"""Every glyph a PDF draws is mapped to text: a glyph that shares its cluster with another
(an Arabic letter under a vowel mark) was mapped to nothing, a malformed ToUnicode CMap."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

weasyprint = pytest.importorskip("weasyprint")

from manualgen import glyph_text

from .conftest import skip_without_fonts_for

WORD = "خاطئًا"  # yeh with hamza under a fathatan: two glyphs, one cluster
LATER = "ئ بئر"  # the same letter drawn alone further on


def to_unicode_maps(pdf: bytes) -> list[dict[str, str]]:
    """Every ToUnicode CMap of ``pdf`` as {glyph: UTF-16BE hex}."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    maps = []
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            stream = font.get_object().get("/ToUnicode")
            if stream is not None:
                text = stream.get_object().get_data().decode("latin-1")
                maps.append(dict(re.findall(r"<([0-9a-f]{4})> <([0-9a-f]*)>", text)))
    return maps


def pdf_of(text: str, *managers) -> bytes:
    html = (f'<html lang="ar" dir="rtl"><body style="font-family: Noto Sans Arabic">'
            f"<p>{text}</p></body></html>")
    document = weasyprint.HTML(string=html)
    if managers:
        with managers[0]:
            return document.write_pdf()
    return document.write_pdf()


def test_a_glyph_sharing_a_cluster_is_mapped_to_text():
    skip_without_fonts_for(WORD)
    before = to_unicode_maps(pdf_of(WORD))
    assert any(value == "" for cmap in before for value in cmap.values())  # what this fixes
    after = to_unicode_maps(pdf_of(WORD, glyph_text.glyphs_mapped()))
    values = [value for cmap in after for value in cmap.values()]
    assert values and "" not in values
    assert after[0].keys() == before[0].keys()  # the same glyphs: the same subset


def test_a_later_line_that_draws_the_glyph_alone_gives_it_its_text():
    skip_without_fonts_for(WORD)
    after = to_unicode_maps(pdf_of(f"{WORD} {LATER}", glyph_text.glyphs_mapped()))
    texts = {bytes.fromhex(value).decode("utf-16-be") for cmap in after for value in cmap.values()}
    assert "ئ" in texts  # the medial form's own letter, from the line that drew it alone
    assert "\u200b" not in texts


def test_text_with_no_shared_cluster_is_written_as_before():
    text = "Ein Satz ohne Besonderheiten, mit Zahlen 1 2 3."
    html = f'<html lang="de"><p>{text}</p></html>'
    plain = weasyprint.HTML(string=html).write_pdf(pdf_identifier=b"x")
    with glyph_text.glyphs_mapped():
        mapped = weasyprint.HTML(string=html).write_pdf(pdf_identifier=b"x")
    assert mapped == plain


def test_a_glyph_no_text_and_no_cmap_names_gets_a_zero_width_space():
    class Font:
        file_content, index = b"not a font", 0
        to_unicode = glyph_text.GlyphText()

    font = Font()
    font.to_unicode[5] = "a"
    font.to_unicode[9] = ""
    assert dict(font.to_unicode) == {5: "a"} and font.to_unicode.untold == {9}
    glyph_text.completed(font)
    assert dict(font.to_unicode) == {5: "a", 9: glyph_text.NO_TEXT}


PERSIAN = "می\u200cخواهم کتاب\u200cها"  # non-joiners inside two words
JOINED = "\u0644\u200d\u0627"  # a joiner between two letters


def page_text_and_picture(pdf: bytes):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[0]
    return page.get_textpage().get_text_range(), page.render(scale=4).to_pil().convert("RGB")


def test_joiners_stay_in_the_text_and_draw_nothing():
    """Pango shapes a ZWNJ/ZWJ to its empty glyph, which WeasyPrint draws as a move only:
    copied or searched, می‌خواهم read میخواهم (docs/languages.md)."""
    from PIL import ImageChops

    skip_without_fonts_for(PERSIAN)
    text = f"{PERSIAN} {JOINED}"
    before, picture_before = page_text_and_picture(pdf_of(text))
    assert "\u200c" not in before and "\u200d" not in before  # what this fixes
    after, picture_after = page_text_and_picture(pdf_of(text, glyph_text.joiners_drawn()))
    assert PERSIAN in after
    # The joiner needs an empty glyph of its own to stand in; Noto Sans Arabic has one spare
    # (its zero-width space) and gives it to the non-joiner: the joiner's text stays lost.
    assert JOINED not in after
    # Noto Sans Arabic draws its own ZWNJ glyph as a visible mark: an empty glyph stands in.
    assert ImageChops.difference(picture_before, picture_after).getbbox() is None


def test_a_persian_manual_keeps_its_non_joiners(tmp_path):
    import pypdfium2 as pdfium

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    skip_without_fonts_for(PERSIAN)
    hugo = ('title = "T"\ndefaultContentLanguage = "fa"\n[languages.fa]\nlanguageName = "فارسی"\n'
            'contentDir = "content/fa"\nlanguageDirection = "rtl"\nweight = 1\n')
    site = write_site(tmp_path / "site", {"content/fa/_index.md": page("خانه", body=PERSIAN)},
                      hugo=hugo)
    out = tmp_path / "out"
    assert not build(site, BuildOptions(langs=["fa"], out=out, no_cache=True, jobs=1)).findings.errors
    document = pdfium.PdfDocument(str(next(out.glob("*.pdf"))))
    assert PERSIAN in "".join(sheet.get_textpage().get_text_range() for sheet in document)
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    assert not validator.validate_pdf(next(out.glob("*.pdf")), profile="ua1").failures


# --- lines whose glyphs do not spell their text ------------------------------------------

HINDI = "उपयोगकर्ता पुस्तिका: पासवर्ड किसी को न बताएँ।"  # vowel signs before, a reph after
THAI = "เริ่มต้นใช้งาน ชื่อผู้ใช้"  # tone marks raised over vowel signs
LATER_HINDI = "शुरुआत"  # its last letter was drawn in a cluster of several glyphs above


def pdf_in(lang: str, family: str, lines: list[str], *managers) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    document = weasyprint.HTML(string=f'<html lang="{lang}"><body style="font-family: {family}">'
                                      f"{paragraphs}</body></html>")
    with contextlib.ExitStack() as stack:
        for manager in managers:
            stack.enter_context(manager)
        return document.write_pdf(pdf_variant="pdf/ua-1")


def pdfium_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


@pytest.mark.parametrize(("lang", "family", "text"), [
    ("hi", "Noto Sans Devanagari", HINDI), ("th", "Noto Sans Thai", THAI),
    ("ta", "Noto Sans Tamil", "அமைப்புகள் கடவுச்சொல்"), ("km", "Noto Sans Khmer", "ប្រព័ន្ធនឹងពិនិត្យទម្រង់"),
])
def test_a_line_drawn_out_of_its_texts_order_reads_as_its_text(lang, family, text):
    """A Hindi line copied from the PDF read पासवर्ड as सविडर्ड (its glyphs in the order
    they are drawn), a Thai one lost the letters under its tone marks: the line carries its
    text (ActualText)."""
    skip_without_fonts_for(text)
    before = pdfium_text(pdf_in(lang, family, [text]))
    assert text not in before  # what this fixes
    after = pdf_in(lang, family, [text], glyph_text.glyphs_mapped())
    assert text in pdfium_text(after)


def test_a_glyph_drawn_in_a_cluster_of_several_is_mapped_to_its_own_letter():
    """In पुस्तिका the letter त ends a cluster of three glyphs and was mapped to the whole
    cluster (स्ति) for the file: a later शुरुआत read शुरुआस्ति in every extractor that reads
    glyphs, ActualText or not (pypdf)."""
    import pypdf

    skip_without_fonts_for(HINDI)
    lines = [HINDI, LATER_HINDI]
    before = pypdf.PdfReader(io.BytesIO(pdf_in("hi", "Noto Sans Devanagari", lines))).pages[0]
    assert LATER_HINDI not in before.extract_text()  # what this fixes
    pdf = pdf_in("hi", "Noto Sans Devanagari", lines, glyph_text.glyphs_mapped())
    assert LATER_HINDI in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert LATER_HINDI in pdfium_text(pdf)


def test_lines_whose_glyphs_spell_them_are_written_as_before():
    text = "中文的句子。한국어 문장. Ελληνικά, русский, Tiếng Việt."
    skip_without_fonts_for(text)
    html = f'<html lang="zh"><p style="font-family: Noto Sans CJK SC">{text}</p></html>'
    plain = weasyprint.HTML(string=html).write_pdf(pdf_identifier=b"x")
    with glyph_text.glyphs_mapped():
        mapped = weasyprint.HTML(string=html).write_pdf(pdf_identifier=b"x")
    assert mapped == plain


def test_a_right_to_left_line_carries_no_actual_text():
    """poppler and pdfium reorder an ActualText as if it were drawn in that order: an
    Arabic line that carried its text copied backwards."""
    import pypdf

    text = "خاطئًا مُحَمَّد"
    skip_without_fonts_for(text)
    pdf = pdf_in("ar", "Noto Sans Arabic", [text, HINDI], glyph_text.glyphs_mapped())
    content = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    assert content.count(b"/ActualText") == 1  # the Hindi line's only


def test_a_line_of_several_inline_boxes_keeps_the_spaces_between_them():
    """The text a box carries ended where the next inline element (a link, bold, italic)
    began, without its last space: पासवर्ड and the link after it were extracted as one word."""
    line = 'किताब पासवर्ड <a href="#x">कि</a> <b>र्ड</b> <i>हिन्दी</i> अंत'
    skip_without_fonts_for("किताब")
    text = pdfium_text(pdf_in("hi", "Noto Sans Devanagari", [line], glyph_text.glyphs_mapped()))
    assert "पासवर्ड कि" in text and "कि र्ड" in text, text
