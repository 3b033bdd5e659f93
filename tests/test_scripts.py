"""Every language, every script (issue 15): labels per language, right-to-left manuals,
fonts for scripts the bundled fonts lack, and which top-level pages open on a recto."""

from __future__ import annotations

import dataclasses
import re
import tomllib

import pypdfium2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen import build as build_module
from manualgen.build import BuildOptions, build
from manualgen.config import load_settings
from manualgen.errors import ConfigError
from manualgen.fonts import (
    GlyphCheck,
    Text,
    check_glyphs,
    missing_glyphs,
    parse_charset,
    uncovered,
    with_stand_ins,
)
from manualgen.i18n import LABELS_FILE, label_table, labels_in_english, load_labels

from .conftest import printed_pages, skip_without_fonts_for, write_site

MM = 72 / 25.4

HUGO = """\
baseURL = "https://example.org/docs/"
title = "Demo"
defaultContentLanguage = "{default}"
defaultContentLanguageInSubdir = true
[params]
version = "2.1"
[markup.goldmark.renderer]
unsafe = true
[languages.{code}]
languageName = "{name}"
contentDir = "content/{code}"
weight = 1
"""


def _page(title: str, weight: int, body: str) -> str:
    return f'---\ntitle: "{title}"\nweight: {weight}\n---\n{body}\n'


def _site(tmp_path, code: str, name: str, files: dict[str, str], toml: str = ""):
    hugo = HUGO.format(default=code, code=code, name=name)
    all_files = {f"content/{code}/{rel}": text for rel, text in files.items()}
    if toml:
        all_files["manualgen.toml"] = toml
    return write_site(tmp_path / "site", all_files, hugo=hugo)


def _build(site, code, tmp_path, monkeypatch, direction="ltr", html=False):
    """Build one language; ``direction`` is set on the language as the Hugo config reader
    will (languageDirection), until that reader lands."""
    real = load_settings

    def settings_with_direction(path):
        settings = real(path)
        language = settings.languages[code]
        settings.languages[code] = dataclasses.replace(language, direction=direction)
        return settings

    monkeypatch.setattr(build_module, "load_settings", settings_with_direction)
    result = build(site, BuildOptions(langs=[code], out=tmp_path / "out", no_cache=True, html=html))
    (lang_result,) = result.results
    return result, lang_result


def _chars(pdf_path):
    """Per page: (page width, [(char, left, right)] for every printed character but white
    space, its text)."""
    return [(width, [(char, left, right) for char, left, _, right, _ in chars if char.strip()],
             text) for width, _height, text, chars in printed_pages(pdf_path)]


# --- labels ---------------------------------------------------------------------------------


# Tables that hold only the words a native source gave (labels.toml names the sources).
SOURCED_ONLY = {"am", "az", "be", "cy", "eo", "ga", "gl", "is", "ka", "kn", "mk", "mr", "sq", "sw",
                "ta", "te"}
# The words every manual prints: no table may leave them to English.
ALWAYS_PRINTED = {"contents", "page", "of", "page_end", "see_page", "see_page_end", "language",
                  "language_name", "date_format", "note", "tip", "warning"}


def test_every_built_in_table_has_the_english_keys_it_can_ground():
    tables = tomllib.loads(LABELS_FILE.read_text(encoding="utf-8"))
    assert len(tables) >= 50
    english = set(tables["en"])
    for code, table in tables.items():
        assert set(table) <= english and ALWAYS_PRINTED <= set(table), code
        assert set(table) == english or code in SOURCED_ONLY, code
        words = [key for key in table if key not in ("page", "page_end", "see_page_end", "of")]
        assert all(table[key].strip() for key in words), code


@pytest.mark.parametrize(("tags", "table"), [
    (("de-CH",), "de"), (("pt-BR",), "pt-br"), (("pt",), "pt"), (("pt-PT",), "pt"),
    (("zh-Hant-TW",), "zh-tw"), (("zh-Hans",), "zh-cn"), (("zh",), "zh-cn"), (("zh-HK",), "zh-tw"),
    (("sr-Latn-RS",), "sr-latn"), (("no",), "nb"), (("nb-NO",), "nb"), (("ja_JP",), "ja"),
    (("jp", "ja-JP"), "ja"), (("english", ""), None), (("eo",), "eo"), (("gl-ES",), "gl"),
    (("ka-GE",), "ka"), (("sw-KE",), "sw"), (("be-BY",), "be"), (("xh",), None), (("",), None),
])
def test_language_tags_fall_back_one_subtag_at_a_time(tags, table):
    assert label_table(*tags) == table


def test_labels_per_language_and_the_sites_words_win():
    assert load_labels("fa")["contents"] == "فهرست مطالب"
    assert load_labels("ja")["contents"] == "目次"
    assert load_labels("de-CH")["see_page"] == "siehe Seite"
    assert load_labels("ru")["page"] == "Страница"
    assert load_labels("x-site", locale="ko-KR")["contents"] == "목차"
    assert load_labels("ja", {"contents": "もくじ"})["contents"] == "もくじ"
    assert load_labels("xh")["contents"] == "Contents"  # no table: English
    assert labels_in_english("es") == [] and labels_in_english("jp", locale="ja") == []
    english = labels_in_english("xh")
    assert "contents" in english and "page_end" not in english and "date_format" not in english
    # a table of sourced words only: the words it lacks print in English, and are named
    assert load_labels("gl")["contents"] == "Índice" and load_labels("gl")["answer"] == "Answer"
    assert "answer" in labels_in_english("gl") and "contents" not in labels_in_english("gl")
    assert "answer" not in labels_in_english("gl", {"answer": "Resposta"})


def test_japanese_manual_prints_its_own_words_and_the_language_name(tmp_path, monkeypatch):
    site = _site(tmp_path, "ja", "日本語", {
        "_index.md": _page("マニュアル", 0, "はじめに [管理](/ja/admin/) を参照。"),
        "admin/_index.md": _page("管理", 1, "管理者の説明。"),
        "admin/users.md": _page("ユーザー", 1, "ユーザーの追加。"),
    })
    result, lang = _build(site, "ja", tmp_path, monkeypatch, html=True)
    assert lang.pdf is not None and not result.findings.errors
    html = lang.html.read_text(encoding="utf-8")
    assert '<html lang="ja"' in html and 'dir="rtl"' not in html
    assert 'data-see="→" data-see-end="\u00a0ページ"' in html
    pages = _chars(lang.pdf)
    text = "\n".join(page[2] for page in pages)
    assert "目次" in text and "日本語" in text and "Contents" not in text
    assert re.search(r"\d+\s*/\s*\d+\s*ページ", text)  # the footer: "7 / 9 ページ"
    assert re.search(r"→\s*\d+\s*ページ", text)  # the link: "(→ 5 ページ)"



@pytest.mark.parametrize("key, code, expected", [("en", "en-US", "English"),
                                                 ("de", "de-CH", "Deutsch"),
                                                 ("ru", "ru-RU", "Русский"), ("xh", "xh", "xh"),
                                                 ("gl", "gl-ES", "Galego")])
def test_a_language_without_a_label_is_named_in_itself_on_the_cover(tmp_path, key, code,
                                                                    expected):
    """A one-language site (no [languages] table, as Grafana's docs) gives its language no
    name; the cover says "Deutsch", not the code "de" nor, for a language manualgen has no
    words for, "English"."""
    site = write_site(tmp_path / "site", {
        "hugo.toml": (f'title = "Handbuch"\nlanguageCode = "{code}"\n'
                      f'defaultContentLanguage = "{key}"\n'),
        "content/_index.md": _page("Start", 0, "Text."),
        "content/a.md": _page("Kapitel", 1, "Mehr Text."),
    }, hugo=None)
    result = build(site, BuildOptions(all=True, out=tmp_path / "out", no_cache=True))
    (lang,) = result.results
    cover = _chars(lang.pdf)[0][2]
    assert expected in cover.split() and (key not in cover.split() or key == expected)
    assert "English" not in cover or key == "en"
    assert load_labels("xh")["language_name"] == "xh"
    assert load_labels("pt-br")["language_name"] == "Português (Brasil)"

# --- right to left --------------------------------------------------------------------------

PERSIAN = {
    "_index.md": _page("راهنما", 0, "این راهنما نسخهٔ 2.1 از **Dataloom** را شرح می‌دهد."),
    "start/_index.md": _page("شروع کار", 1, "ورود به سامانه و آشنایی با صفحهٔ اصلی."),
    "start/login.md": _page("ورود", 1, "برای ورود نشانی ایمیل و گذرواژه لازم است.\n\n"
                                     "- نخست نشانی را وارد کنید.\n- سپس روی **ورود** بزنید.\n\n"
                                     "| بخش | کاربرد |\n|---|---|\n| داشبورد | وضعیت سال 2025 |\n"),
    "start/more.md": _page("بیشتر", 2, "متن دیگر."),
}


def test_a_right_to_left_manual_is_mirrored(tmp_path, monkeypatch):
    site = _site(tmp_path, "fa", "فارسی (Persian)", PERSIAN)
    result, lang = _build(site, "fa", tmp_path, monkeypatch, direction="rtl", html=True)
    assert lang.pdf is not None and not result.findings.errors
    html = lang.html.read_text(encoding="utf-8")
    assert '<html lang="fa" dir="rtl">' in html
    pages = _chars(lang.pdf)
    # Page 1 of a right-to-left book is a left-hand page: its rectos (odd pages, where the
    # contents and the chapters open) have the binding, the wide margin, on the right.
    toc_width, toc_chars, toc_text = pages[2]
    assert "فهرست مطالب" in toc_text
    letters = [c for c in toc_chars if not c[0].isdigit() and c[0] not in ".·"]
    assert max(right for _, _, right in letters) == pytest.approx(toc_width - 25 * MM, abs=2)
    # Leaders and page numbers on the left: the digits of the contents sit at the outer margin.
    digits = [c for c in toc_chars if c[0].isdigit()]
    assert min(left for _, left, _ in digits) == pytest.approx(15 * MM, abs=2)
    chapter = next(i for i, page in enumerate(pages) if "شروع کار" in page[2] and i > 2)
    assert chapter % 2 == 0  # an odd page number: a recto
    # The running head: the chapter's title at the outer (left) edge of the recto.
    assert "Contents" not in "".join(page[2] for page in pages)
    text = "".join(page[2] for page in pages)
    # (the text layer holds the visual order: parentheses come out mirrored)
    assert "فارسی" in text and "Persian" in text and "صفحه" in text and "2025" in text and "Dataloom" in text


def test_a_left_to_right_manual_keeps_its_binding_on_the_left_of_a_recto(tmp_path, monkeypatch):
    files = {"_index.md": _page("Manual", 0, "Intro."),
             "start/_index.md": _page("Start", 1, "Text."),
             "start/a.md": _page("A", 1, "Words.")}
    site = _site(tmp_path, "en", "English", files)
    _, lang = _build(site, "en", tmp_path, monkeypatch, html=True)
    assert 'dir=' not in lang.html.read_text(encoding="utf-8").split(">", 2)[1]
    width, chars, text = _chars(lang.pdf)[2]
    assert "Contents" in text
    assert min(left for _, left, _ in chars) == pytest.approx(25 * MM, abs=2)
    digits = [c for c in chars if c[0].isdigit()]
    assert max(right for _, _, right in digits) == pytest.approx(width - 15 * MM, abs=2)


# --- which top-level pages open on a recto ------------------------------------------------


GLOSSARY = {"_index.md": _page("Glossary", 0, "")} | {
    f"term-{n:02d}.md": _page(f"Term {n}", n, f"Term {n} means something short.") for n in range(1, 13)
} | {"guide/_index.md": _page("Guide", 50, "A chapter."),
     "guide/one.md": _page("One", 1, "Its page.")}


@pytest.mark.parametrize(("start", "blank_pages_at_most"), [("auto", 3), ("page", 3), ("right", 14)])
def test_short_top_level_pages_get_no_blank_page_each(tmp_path, monkeypatch, start, blank_pages_at_most):
    toml = f'[print]\nchapter_start = "{start}"\n' if start != "auto" else ""
    site = _site(tmp_path, "en", "English", GLOSSARY, toml)
    _, lang = _build(site, "en", tmp_path, monkeypatch, html=True)
    html = lang.html.read_text(encoding="utf-8")
    pages = _chars(lang.pdf)
    blank = sum(1 for _, chars, _ in pages if not chars)
    assert blank <= blank_pages_at_most  # the back of the cover and of the contents, at most
    term_pages = [i for i, page in enumerate(pages) if re.search(r"Term \d+ means", page[2])]
    guide = next(i for i, page in enumerate(pages) if "A chapter." in page[2])
    if start == "auto":
        assert 'class="chapter chapter-runon"' in html
        assert len(set(term_pages)) <= 2  # twelve short entries share a page or two
        assert guide % 2 == 0  # the section with sub-pages opens on a recto
    elif start == "page":
        assert len(set(term_pages)) == 12 and blank <= 3
    else:
        assert all(i % 2 == 0 for i in term_pages) and blank >= 11


def test_chapter_start_must_be_one_of_three(tmp_path):
    site = _site(tmp_path, "en", "English", GLOSSARY, '[print]\nchapter_start = "left"\n')
    with pytest.raises(ConfigError) as raised:
        build(site, BuildOptions(langs=["en"], out=tmp_path / "out", no_cache=True))
    assert "print.chapter_start must be one of auto, right, page" in str(raised.value)
    assert "manualgen.toml:2" in str(raised.value)


# --- fonts ------------------------------------------------------------------------------------


def test_missing_glyphs_names_the_language_the_characters_and_the_file(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: x\n---\nHello\nA rare sign: \u05ef here\n", encoding="utf-8")
    ranges = parse_charset("20-7e a0-ff 600-6ff")  # as if only one Arabic font were installed
    texts = [Text("Hello, Ελληνικά, русский"), Text("A rare sign: \u05ef and سلام", page, 4)]
    (finding,) = missing_glyphs(texts, "he", ranges=ranges)
    assert finding.code == "missing-glyphs" and finding.severity == "warning" and finding.lang == "he"
    assert "U+05EF" in finding.message and '"he"' in finding.message and "fonts-noto" in finding.message
    assert finding.file.endswith("page.md") and finding.line == 5
    assert "U+0633" not in finding.message  # Arabic: the installed font has it
    # Latin, Greek and Cyrillic are in the bundled fonts: nothing to ask fontconfig.
    assert missing_glyphs([Text("Hello, Ελληνικά, русский – “quoted”")], "en", ranges=[]) == []
    # Spaces, joiners and bidi marks need no glyph.
    assert missing_glyphs([Text("a\u200d\u200c\u200f\u00a0b\ufe0f")], "fa", ranges=[]) == []


def test_an_emoji_no_font_draws_prints_as_a_stand_in_the_bundled_font_has(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: x\n---\nIntro\nDone \u2705, failed \u274c\n", encoding="utf-8")
    texts = [Text("Intro"), Text("Done \u2705\ufe0f, failed \u274c, \U0001f1e8\U0001f1ed, 1\ufe0f\u20e3 "
                                 "\U0001f680 \U0001f449", page, 3)]
    check = check_glyphs(texts, "en", ranges=[])  # no installed font: only the bundled ones
    # The rocket has no stand-in, and the pointing hand's (\u261e) is in no font here: each
    # prints as its name in brackets, not as an empty box (which PDF/UA-1 refuses).
    assert check.stand_ins == {"\u2705": "\u2714", "\u274c": "\u2718", "\U0001f1e8": "C",
                               "\U0001f1ed": "H", "\u20e3": "", "\U0001f680": "[rocket]",
                               "\U0001f449": "[white right pointing backhand index]"}
    (note,) = check.findings
    assert note.code == "glyph-stand-in" and note.severity == "info"
    assert 'U+274C CROSS MARK) as "\u2718"' in note.message and "fonts-noto-color-emoji" in note.message
    assert note.file.endswith("page.md") and note.line == 5
    assert (with_stand_ins("<p title=\"\u2705\">\u2705\ufe0f ok \U0001f1e8\U0001f1ed 1\ufe0f\u20e3</p>", check.stand_ins)
            == "<p title=\"\u2714\">\u2714 ok CH 1\ufe0f</p>")
    # an address keeps its characters, or the link would go elsewhere
    assert (with_stand_ins('<a href="https://x.org/\u274c" data-title=\'\u274c\'>\u274c</a>', check.stand_ins)
            == '<a href="https://x.org/\u274c" data-title=\'\u2718\'>\u2718</a>')
    # Where an installed font draws the stand-in, it is used; where one draws the emoji, nothing changes.
    assert check_glyphs(texts[1:], "en", ranges=[(0x261E, 0x261E)]).stand_ins["\U0001f449"] == "\u261e"
    assert check_glyphs([Text("\u2705")], "en", ranges=[(0x2705, 0x2705)]) == GlyphCheck([], {})


def test_a_manual_with_emoji_prints_their_stand_ins_and_passes_pdf_ua(tmp_path, monkeypatch):
    from manualgen.fonts import system_ranges

    if uncovered({"\u2705", "\u274c", "\U0001f680"}, system_ranges() or []) != {
            "\u2705", "\u274c", "\U0001f680"}:
        pytest.skip("an installed font draws \u2705, \u274c and \U0001f680 (an emoji font): no stand-in needed")
    site = _site(tmp_path, "en", "English", {"_index.md": _page(
        "Status \u2705", 0, "| Feature | Works |\n|---|---|\n| Export | \u2705 |\n| Import | \u274c\ufe0f |\n"
        "\nLaunch \U0001f680 soon.\n")})
    result, lang = _build(site, "en", tmp_path, monkeypatch)
    assert not [f for f in result.findings if f.code == "missing-glyphs"]
    (note,) = [f for f in result.findings if f.code == "glyph-stand-in"]
    assert note.file.endswith("_index.md")
    text = "\n".join(page[2] for page in printed_pages(lang.pdf))
    assert "\u2714" in text and "\u2718" in text and "\u2705" not in text and "\u274c" not in text
    assert "Launch [rocket] soon." in text  # no stand-in of its own: its name
    assert "Status \u2714" in [str(item.title) for item in PdfReader(lang.pdf).outline]
    validator = pytest.importorskip("page", reason="page-validation is not installed")
    assert not validator.validate_pdf(lang.pdf, profile="ua1").failures  # no .notdef glyph


def test_uncovered_merges_ranges():
    ranges = parse_charset("20-7e 100-1ff 1f0-2ff zz 3000")
    assert uncovered({"a", "\u0250", "\u0300", "\u3000", "\u3001"}, ranges) == {"\u0300", "\u3001"}


@pytest.mark.parametrize(("code", "locale", "face"), [
    ("ja", "ja-JP", "Noto-Sans-CJK-JP"), ("zh-tw", "zh-Hant-TW", "Noto-Sans-CJK-TC"),
    ("zh-cn", "zh-CN", "Noto-Sans-CJK-SC"), ("ko", "ko", "Noto-Sans-CJK-KR"),
])
def test_han_characters_take_the_face_of_the_manuals_language(tmp_path, monkeypatch, code, locale, face):
    from manualgen.fonts import system_ranges

    if not any(low <= 0x65E5 <= high for low, high in system_ranges() or []):
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")
    site = _site(tmp_path, code, code, {"_index.md": _page("日本", 0, "日本語の文章、中文、한국어。")})
    hugo = site / "hugo.toml"
    hugo.write_text(hugo.read_text(encoding="utf-8") + f'languageCode = "{locale}"\n', encoding="utf-8")
    result, lang = _build(site, code, tmp_path, monkeypatch)
    assert not [f for f in result.findings if f.code == "missing-glyphs"]
    fonts = set()
    for page in PdfReader(lang.pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    cjk = {name.split("+")[-1] for name in fonts if "CJK" in name}
    assert cjk and all(name.startswith(face) for name in cjk), cjk


STEP = """
<div class="two_column">

<div class="left_col">
{{<markdown>}}
%s
{{</markdown>}}
</div>

<div class="right_col">

![%s](/img/shot.png)

</div>
</div>
"""


def test_right_to_left_steps_put_the_text_on_the_right_and_numbers_read_left_to_right(tmp_path, monkeypatch):
    from .conftest import png_bytes

    files = dict(PERSIAN)
    files["start/login.md"] = _page("ورود", 1, STEP % ("نشانی را در سال 2025 در Dataloom وارد کنید.", "صفحه"))
    site = _site(tmp_path, "fa", "فارسی", files)
    (site / "static" / "img").mkdir(parents=True)
    (site / "static" / "img" / "shot.png").write_bytes(png_bytes(1200, 800))
    result, lang = _build(site, "fa", tmp_path, monkeypatch, direction="rtl", html=True)
    assert lang.pdf is not None and not result.findings.errors
    assert 'class="step' in lang.html.read_text(encoding="utf-8")
    doc = pypdfium2.PdfDocument(str(lang.pdf))
    for index in range(len(doc)):
        page = doc[index]
        text = page.get_textpage()
        whole = text.get_text_range()
        if "Dataloom" not in whole or "وارد" not in whole:
            continue
        width = page.get_size()[0]
        at = whole.index("Dataloom")
        boxes = [text.get_charbox(at + i) for i in range(len("Dataloom"))]
        assert [b[0] for b in boxes] == sorted(b[0] for b in boxes)  # a Latin word, left to right
        year = whole.index("2025")
        boxes = [text.get_charbox(year + i) for i in range(4)]
        assert [b[0] for b in boxes] == sorted(b[0] for b in boxes)
        # The step's text stands in the right 40 % of the text width, the picture left of it.
        images = [obj for obj in page.get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
        assert images
        image_right = max(obj.get_bounds()[2] for obj in images)
        assert min(b[0] for b in boxes) > image_right
        assert min(obj.get_bounds()[0] for obj in images) < width / 3
        break
    else:
        pytest.fail("the step's text is on no page")


@pytest.mark.parametrize(("code", "text"), [
    ("ja", "アップロードダウンロードエクスポートインポートバリデーションコンフィギュレーション" * 4),
    ("bn", "অতিদীর্ঘশব্দপরীক্ষা" * 12),
    ("zh-cn", "本手册说明如何在系统中提交年度统计文件并检查其状态" * 5),
])
def test_long_cjk_and_indic_lines_stay_inside_the_page(tmp_path, monkeypatch, code, text):
    skip_without_fonts_for(text)  # boxes of missing glyphs break where the script would not
    body = f"{text}\n\n| A | B |\n|---|---|\n| {text} | {text[:20]} |\n"
    site = _site(tmp_path, code, code, {"_index.md": _page("T", 0, body)})
    _, lang = _build(site, code, tmp_path, monkeypatch)
    for width, chars, _ in _chars(lang.pdf):
        assert all(right <= width - 15 * MM + 1 for _, _, right in chars)
        assert all(left >= 15 * MM - 1 for _, left, _ in chars)


def test_check_reports_missing_glyphs_with_the_page_and_line(tmp_path, monkeypatch):
    from manualgen import fonts

    # As if the machine had no font beyond Latin, Greek and Cyrillic.
    monkeypatch.setattr(fonts, "system_ranges", lambda: parse_charset("20-7e a0-52f"))
    site = _site(tmp_path, "fa", "فارسی", {
        "_index.md": _page("Start", 0, "Only Latin here."),
        "a.md": _page("A", 1, "Latin.\n\nسلام دنیا\n"),
    })
    result = build(site, BuildOptions(langs=["fa"], out=tmp_path / "out", no_cache=True, check_only=True))
    (finding,) = [f for f in result.findings if f.code == "missing-glyphs"]
    assert finding.file == "content/fa/a.md" and finding.line == 7 and finding.lang == "fa"
    assert "U+0633 ARABIC LETTER SEEN" in finding.message and "fonts-noto-core" in finding.message


@given(st.text(max_size=40), st.text(max_size=40))
def test_label_lookup_and_charset_parsing_take_any_text(tag, charset):
    table = label_table(tag, charset)
    assert table is None or table in tomllib.loads(LABELS_FILE.read_text(encoding="utf-8"))
    for low, high in parse_charset(charset):
        assert isinstance(low, int) and isinstance(high, int)


def test_missing_emoji_name_the_emoji_font(tmp_path):
    # Hextra's pages open with 👋 and link with 🌐: the Noto script fonts have no emoji, so
    # the message names the emoji font (which WeasyPrint draws), alone or beside them
    # (they print as their names in brackets, with a note)
    ranges = parse_charset("20-7e a0-ff")
    (emoji_only,) = missing_glyphs([Text("👋 Welcome, 🌐 Demo")], "en", ranges=ranges)
    assert emoji_only.code == "glyph-stand-in" and "[waving hand sign]" in emoji_only.message
    assert "(an emoji font: Debian fonts-noto-color-emoji)" in emoji_only.message
    note, boxes = missing_glyphs([Text("👋 \u05ef")], "en", ranges=ranges)
    assert note.code == "glyph-stand-in" and boxes.code == "missing-glyphs"
    assert "(Debian: fonts-noto-core, fonts-noto-cjk)" in boxes.message
    (scripts,) = missing_glyphs([Text("\u05ef")], "he", ranges=ranges)
    assert "(Debian: fonts-noto-core, fonts-noto-cjk)" in scripts.message


def test_letters_of_a_script_newer_than_pythons_unicode_are_reported():
    """Ol Onal (Unicode 16) is unknown to the Unicode database of Python 3.11 to 3.13
    (category Cn): its letters were taken for unprintable characters, and a manual in it
    printed boxes with no missing-glyphs warning, only WeasyPrint's line per character."""
    (finding,) = missing_glyphs([Text("\U0001e5d0\U0001e5d1 \U0001e5d2")], "sat", ranges=[])
    assert finding.code == "missing-glyphs" and "U+1E5D0" in finding.message


def test_missing_glyphs_names_every_character_so_weasyprints_lines_are_not_repeated():
    from manualgen.errors import Finding
    from manualgen.report import repeats_missing_glyphs

    toto = "".join(chr(code) for code in range(0x1E290, 0x1E2A0)) + "\U0001e2a3"
    (finding,) = missing_glyphs([Text(toto)], "txo", ranges=[])
    assert "and 5 more (U+1E29C\u2013U+1E29F, U+1E2A3)" in finding.message
    for code in (0x1E290, 0x1E29D, 0x1E2A3):
        notdef = Finding("warning", "css", ".notdef glyph rendered for Unicode string unsupported "
                         f'by fonts: "{chr(code)}" (U+{code:04X})', lang="txo")
        assert repeats_missing_glyphs(notdef, [finding])
    other = Finding("warning", "css", '.notdef glyph rendered for Unicode string unsupported by '
                    'fonts: "\U0001e2a1" (U+1E2A1)', lang="txo")
    assert not repeats_missing_glyphs(other, [finding])


@pytest.mark.parametrize(("key", "locale", "quoted"), [
    ("zh-hans", "zh-Hans", "\u201c登录\u201d"), ("zh-tw", "zh-TW", "\u300c登录\u300d"),
    ("el", "el", "\u00abΣύνδεση\u00bb"), ("ko", "ko", "\u201c로그인\u201d"),
])
def test_a_quotation_takes_the_quotes_of_its_language(tmp_path, monkeypatch, key, locale, quoted):
    """Simplified Chinese quotes with “ ”, Traditional with 「 」 (the brackets were given to
    both); a <q> in a page prints its language's marks."""
    skip_without_fonts_for(quoted)
    site = _site(tmp_path, key, key, {"_index.md": _page("T", 0, f"A <q>{quoted[1:-1]}</q>.")})
    hugo = site / "hugo.toml"
    hugo.write_text(hugo.read_text(encoding="utf-8") + f'languageCode = "{locale}"\n', encoding="utf-8")
    _, lang = _build(site, key, tmp_path, monkeypatch)
    assert quoted in "".join(page[2] for page in _chars(lang.pdf))


def _faces_of(pdf_path, word: str) -> set[str]:
    """The fonts pdfium reads for the characters of ``word`` wherever it prints."""
    import ctypes

    from pypdfium2 import raw

    faces = set()
    document = pypdfium2.PdfDocument(str(pdf_path))
    for index in range(len(document)):
        text = document[index].get_textpage()
        for start in (m.start() for m in re.finditer(re.escape(word), text.get_text_range())):
            for i in range(len(word)):
                name = ctypes.create_string_buffer(256)
                raw.FPDFText_GetFontInfo(text.raw, start + i, name, 256, ctypes.byref(ctypes.c_int()))
                faces.add(name.value.decode().split("+")[-1])
    return faces


@pytest.mark.parametrize(("code", "word"), [("zh-cn", "强调"), ("th", "สำคัญ"), ("hi", "ज़रूरी")])
def test_emphasis_shows_in_a_script_with_no_italic(tmp_path, monkeypatch, code, word):
    """Noto's Chinese, Thai and Devanagari faces have no italic and WeasyPrint draws
    "italic" text upright: an emphasised word looked like the rest. It prints in bold."""
    skip_without_fonts_for(word)
    site = _site(tmp_path, code, code, {"_index.md": _page("T", 0, f"Plain {word[:1]} and *{word}* here.")})
    _, lang = _build(site, code, tmp_path, monkeypatch)
    faces = _faces_of(lang.pdf, word)
    assert faces and all("-Bold" in face for face in faces), faces  # (oblique in name only)

@pytest.mark.parametrize(("code", "text", "stop", "face"), [
    # after a consonant the danda was drawn by the Devanagari face (after a vowel sign, not)
    ("bn", "লগ ইন করার নাম।", "।", "Noto-Sans-Bengali"),
    ("or", "ଏହା ନାମ।", "।", "Noto-Sans-Oriya"),
    ("hy", "Վերբեռնեք ֆայլը։", "։", "Noto-Sans-Armenian"),
])
def test_a_stop_two_scripts_share_is_drawn_in_the_manuals_own_face(tmp_path, monkeypatch, code, text,
                                                                    stop, face):
    """The danda is in the Devanagari face and in Bengali's and Oriya's; Armenian's full stop
    in the Georgian face and Armenian's: the manual's own script's face draws it, not the one
    first in the fallback list."""
    skip_without_fonts_for(text)
    site = _site(tmp_path, code, code, {"_index.md": _page("T", 0, text)})
    _, lang = _build(site, code, tmp_path, monkeypatch)
    assert _faces_of(lang.pdf, stop) == {face}


def test_a_line_break_inside_chinese_or_japanese_text_prints_no_space(tmp_path, monkeypatch):
    """Writers of Chinese wrap their Markdown inside words; a browser joins the lines
    between two wide characters (CSS Text 3), WeasyPrint printed a space there."""
    site = _site(tmp_path, "zh", "中文", {
        "_index.md": _page("手册", 0, "首页。"),
        "guide.md": _page("指南", 1, (
            "它提供了一套目前缺\n少的机制，**调度**\n能力和\n`vcctl` 工具。\n\n"
            "日本語の文も\n同じです。English words\nkeep their space. 한국어\n문장.\n\n"
            "```\n代码\n保留\n```\n")),
    })
    result, lang = _build(site, "zh", tmp_path, monkeypatch, html=True)
    assert lang.pdf is not None and not result.findings.errors
    html = lang.html.read_text(encoding="utf-8").replace("\u2060", "")  # Korean words' joiners
    assert "目前缺少的机制，<strong>调度</strong>能力和\n<code>vcctl</code>" in html
    assert "日本語の文も同じです。English words\nkeep" in html
    assert "한국어\n문장" in html
    assert re.search(r"代码\n保留", html)
    text = "".join(page[2] for page in printed_pages(lang.pdf))
    assert "目前缺少的机制" in text and "调度能力和" in text and "文も同じです" in text
