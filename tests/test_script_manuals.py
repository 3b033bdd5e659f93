"""Whole manuals in Chinese (Simplified and Traditional), Korean, Thai, Hindi, Tamil, Greek,
Vietnamese, Georgian, Amharic, Bengali, Lao, Khmer, Myanmar, Armenian, Japanese, Russian and
Ukrainian, and an English one with Thai, Hindi and Chinese words in it
(tests/scripts_site.py): each is built and its PDF read back.

What a reader would notice: a script drawn by the wrong face (Han characters in Japanese
forms in a Chinese manual, a Bengali stop in the Devanagari face) or by none (boxes), text
that does not copy or search as it was written, a line that opens with a closing mark or runs
off the page (Lao, Khmer and Myanmar have no spaces inside a phrase), words of the manual
(Contents, Page) in another language without a warning, the wrong /Lang, or PDF/UA
failures."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from pypdf import PdfReader

from manualgen.build import BuildOptions, build
from manualgen.i18n import label_table, labels_in_english, load_labels

from .conftest import skip_without_fonts_for
from .geometry import outside_text_block
from .scripts_site import WORDS, Words, pages, scripts_site

# The machine's faces each manual needs beyond the bundled Manual Sans and Manual Mono.
FACES = {
    "zh-hans": {"Noto-Sans-CJK-SC"}, "zh-hant": {"Noto-Sans-CJK-TC"},
    "ko": {"Noto-Sans-CJK-KR"}, "th": {"Noto-Sans-Thai"}, "hi": {"Noto-Sans-Devanagari"},
    "ta": {"Noto-Sans-Tamil"}, "el": set(), "vi": set(), "ka": {"Noto-Sans-Georgian"},
    "am": {"Noto-Sans-Ethiopic"},
    "lo": {"Noto-Sans-Lao"}, "km": {"Noto-Sans-Khmer"}, "my": {"Noto-Sans-Myanmar"},
    "hy": {"Noto-Sans-Armenian"}, "bn": {"Noto-Sans-Bengali"}, "ja": {"Noto-Sans-CJK-JP"},
    "ru": set(), "uk": set(),
    "en": {"Noto-Sans-Thai", "Noto-Sans-Devanagari", "Noto-Sans-CJK-SC"},
}
CLOSING = set("。，、．：；！？）」』】〕〉》”’।॥።፣፤။၊។៕։")  # and Indic, Ethiopic, Myanmar,
# Khmer and Armenian stops
OPENING = set("（「『【〔〈《“‘")


def _phrases(words: Words) -> list[str]:
    return [words.manual, words.start, words.settings, words.login, words.upload,
            words.open_page, words.alert, words.long, words.field, words.meaning,
            *(cell for row in words.rows for cell in row)]


def _faces(pdf) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            name = str(font.get_object()["/BaseFont"]).split("+")[-1]
            names.add(re.sub(r"-(Bold|Semi-Bold|Regular)$", "", name))
    return {name for name in names if not name.startswith("Manual-")}


def _lines(pdf) -> list[str]:
    document = pypdfium2.PdfDocument(str(pdf))
    return [line for index in range(len(document))
            for line in document[index].get_textpage().get_text_range().split("\r\n")]


@pytest.fixture(scope="module", params=sorted(WORDS))
def manual(request, tmp_path_factory):
    key = request.param
    skip_without_fonts_for("".join(pages(key, WORDS[key]).values()))
    root = tmp_path_factory.mktemp(key)
    site = scripts_site(root / "site", key)
    result = build(site, BuildOptions(langs=[key], out=root / "out", no_cache=True))
    (lang,) = result.results
    return key, result, lang.pdf


def test_each_script_is_drawn_by_its_own_face_and_none_is_missing(manual):
    key, result, pdf = manual
    assert pdf is not None and not result.findings.errors
    assert not [f for f in result.findings if f.code in ("missing-glyphs", "css", "glyph-stand-in")]
    assert _faces(pdf) == FACES[key]


def test_the_text_copies_as_it_was_written(manual):
    key, _, pdf = manual
    text = re.sub(r"\s+", "", "".join(_lines(pdf)))
    for phrase in _phrases(WORDS[key]):
        assert re.sub(r"\s+", "", phrase) in text, phrase


def test_no_line_opens_with_a_closing_mark_or_ends_with_an_opening_one(manual):
    _, _, pdf = manual
    lines = [line.strip() for line in _lines(pdf) if line.strip()]
    assert not [line for line in lines if line[0] in CLOSING or line[-1] in OPENING]


def test_no_text_runs_off_the_text_block(manual):
    _, _, pdf = manual
    assert outside_text_block(pdf) == []


def test_the_manuals_words_are_its_languages_or_english_with_a_warning(manual):
    key, result, pdf = manual
    locale = WORDS[key].locale
    contents = load_labels(key, locale=locale)["contents"]
    untranslated = [f for f in result.findings if f.code == "untranslated-labels"]
    if label_table(key, locale) is None:  # Lao, Khmer: no table yet
        assert contents == "Contents" and len(untranslated) == 1 and f'"{key}"' in untranslated[0].message
    else:  # Georgian's and Tamil's tables hold only the words a native source gave: the rest are named
        assert contents != "Contents" or key == "en"
        assert len(untranslated) == (1 if labels_in_english(key, locale=locale) else 0)
        assert all("contents" not in f.message.split(": ", 1)[1] for f in untranslated)
    reader = PdfReader(pdf)
    assert str(reader.trailer["/Root"]["/Lang"]) == locale
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert [str(item.title) for item in outline[:3]] == [contents, WORDS[key].manual,
                                                       f"1 {WORDS[key].start}"]
    assert str(reader.metadata.title) == WORDS[key].manual
    assert any(contents in line for line in _lines(pdf))  # the contents page is headed so


def test_the_manual_passes_pdf_ua(manual):
    _, _, pdf = manual
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    assert not validator.validate_pdf(pdf, profile="ua1").failures
