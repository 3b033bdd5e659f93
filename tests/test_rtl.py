"""Right-to-left manuals of a site manualgen has not seen (tests/rtl_site.py: Arabic, Hebrew
and Persian beside English, set right to left by the Hugo config alone): the order of mixed
text, where the binding, the contents and the running heads sit, what the PDF says about its
language and direction, and that every character is drawn inside the page."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from pypdf import PdfReader

from manualgen.assemble.bidi import isolate_runs, levels
from manualgen.assemble.html import parse_fragment, serialize_children
from manualgen.build import BuildOptions, build

from .conftest import notdef_fonts, printed_pages, skip_without_fonts_for
from .rtl_site import CODE_TOKEN, RTL_LANGS, WORDS, write_rtl_site

MM = 72 / 25.4
INNER, OUTER = 25 * MM, 15 * MM  # manual.css's default margins
LOCALES = {"en": "en-US", "ar": "ar", "he": "he-IL", "fa": "fa-IR"}


# --- the order of a run across inline elements (assemble/bidi.py) ---------------------------

ISOLATED = [
    # a name kept whole in a span (names.py), then its version
    ("rtl", '<p>واجهة ورموز <span class="mg-name">OAuth</span> 2.0</p>',
     '<p>واجهة ورموز <span dir="ltr" class="mg-bidi"><span class="mg-name">OAuth</span> 2.0</span></p>'),
    ("rtl", "<p>اضغط <kbd>Ctrl</kbd>+<kbd>C</kbd> للنسخ</p>",
     '<p>اضغط <span dir="ltr" class="mg-bidi"><kbd>Ctrl</kbd>+<kbd>C</kbd></span> للنسخ</p>'),
    # inline code beside left-to-right words is part of their run, as a browser reads its
    # letters (a trailing full stop goes to the paragraph's end, as on the web)
    ("rtl", "<p>النطاق <samp>upload</samp> <b>write</b> 12 هنا</p>",
     '<p>النطاق <span dir="ltr" class="mg-bidi"><samp>upload</samp> <b>write</b> 12</span> هنا</p>'),
    ("rtl", "<p>Auth required; default password <code>itoopie</code>.</p>",
     '<p><span dir="ltr" class="mg-bidi">Auth required; default password <code>itoopie</code></span>.</p>'),
    ("rtl", "<p>نص <code>git</code> and <code>make</code> نص</p>",
     '<p>نص <span dir="ltr" class="mg-bidi"><code>git</code> and <code>make</code></span> نص</p>'),
    # the run starts inside a bold element: the element is split, its id stays in front
    ("rtl", '<p><b id="k">افتح Dataloom</b> 3.2 هنا</p>',
     '<p><b id="k">افتح </b><span dir="ltr" class="mg-bidi"><b>Dataloom</b> 3.2</span> هنا</p>'),
    # ... or lies inside an emphasis, across a link
    ("rtl", '<ul><li>نص <em>Foo <a href="#x">Bar baz</a> qux</em> نهاية</li></ul>',
     ('<ul><li>نص <em><span dir="ltr" class="mg-bidi">Foo <a href="#x">Bar baz</a> qux</span></em>'
     ' نهاية</li></ul>')),
    ("rtl", '<p>نص <a href="#x">Open <b>Dataloom</b> now</a> و <b>X</b> وقت</p>',
     ('<p>نص <a href="#x"><span dir="ltr" class="mg-bidi">Open <b>Dataloom</b> now</span></a>'
     ' و <b>X</b> وقت</p>')),
    # Persian digits are European numbers to the algorithm: they follow the Latin letter
    ("rtl", "<p>سال ۱۴۰۴ را <b>X</b>۱۲ برگزینید</p>",
     '<p>سال ۱۴۰۴ را <span dir="ltr" class="mg-bidi"><b>X</b>۱۲</span> برگزینید</p>'),
    # a right-to-left phrase in a left-to-right manual
    ("ltr", "<p>The menu says <b>إرسال</b> الملف here.</p>",
     '<p>The menu says <span dir="rtl" class="mg-bidi"><b>إرسال</b> الملف</span> here.</p>'),
    ("ltr", "<p>Hebrew: <i>שלום</i> <b>עולם</b>!</p>",
     '<p>Hebrew: <span dir="rtl" class="mg-bidi"><i>שלום</i> <b>עולם</b></span>!</p>'),
]

LEFT_ALONE = [
    # inline code is a left-to-right isolate of its own in a right-to-left manual (manual.css)
    ("rtl", "<p>النطاق <code>upload:write</code> 12 هنا</p>"),
    ("rtl", "<p>نص <code>a <b>b</b> c</code> نص</p>"),
    ("rtl", "<p>افتح <code>--help</code> <code>|</code> الآن</p>"),
    # a run inside one text: Pango orders it already
    ("rtl", "<p>افتح صفحة <strong>Upload</strong> على العنوان Dataloom 3.2 الآن</p>"),
    ("rtl", '<p>نص <a href="#">https://example.org/a</a> واختر</p>'),
    # cells, list items and blocks are paragraphs of their own
    ("rtl", "<table><tbody><tr><td><code>year</code></td><td>2025 سنة</td></tr></tbody></table>"),
    ("rtl", "<div>Dataloom<p>3.2 نص</p></div>"),
    # code blocks read left to right whatever the manual
    ("rtl", '<pre><code><span class="k">echo</span> <span class="s">"hi"</span></code></pre>'),
    # an isolate the site wrote, and explicit bidi controls, are the author's
    ("rtl", '<p>نص <span dir="ltr">A</span> <b>B</b> نص</p>'),
    ("rtl", "<p>نص \u202aA <b>B</b>\u202c نص</p>"),
    # a left-to-right page without right-to-left letters
    ("ltr", "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then <b>Dataloom</b> 3.2.</p>"),
    # a left-to-right block inside a right-to-left manual runs left to right
    ("rtl", '<div dir="ltr"><p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> now</p></div>'),
]


@pytest.mark.parametrize(("direction", "html", "expected"), ISOLATED)
def test_a_run_of_the_other_direction_across_elements_gets_one_span(direction, html, expected):
    root = parse_fragment(html)
    isolate_runs(root, direction)
    assert serialize_children(root) == expected


@pytest.mark.parametrize(("direction", "html"), LEFT_ALONE)
def test_runs_that_print_right_already_are_left_alone(direction, html):
    root = parse_fragment(html)
    before = serialize_children(root)
    isolate_runs(root, direction)
    assert serialize_children(root) == before


def test_the_implicit_levels_follow_uax9():
    # "OAuth 2.0" in Arabic: the number after a Latin word takes its direction (W7), the
    # space between them too (N1), the spaces next to Arabic the paragraph's (N2)
    assert levels("ورموز OAuth 2.0 هنا", True) == [1] * 6 + [2] * 9 + [1] * 4
    # in English, Arabic with a number after it: the number is raised above the Arabic
    assert levels("says سلام 12 ok", False) == [0] * 5 + [1] * 5 + [2] * 2 + [0] * 3
    assert levels("a\u202bb", False) is None  # an explicit embedding: not ours to judge


# --- the manuals ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manuals(tmp_path_factory):
    skip_without_fonts_for("".join(WORDS[lang]["intro"] for lang in RTL_LANGS))
    root = tmp_path_factory.mktemp("rtl")
    site = write_rtl_site(root / "site")
    result = build(site, BuildOptions(all=True, out=root / "out", no_cache=True, jobs=1))
    # no error and no warning: no missing glyph, no CSS WeasyPrint ignores
    assert not [str(f) for f in result.findings if f.severity != "info"]
    return {r.lang: r.pdf for r in result.results}


def _find(chars, word):
    """The boxes of each occurrence of ``word`` in the page's characters (logical order)."""
    text = "".join(c[0] for c in chars)
    return [chars[m.start():m.end()] for m in re.finditer(re.escape(word), text)]


def _same_line(a, b):
    return abs((a[0][2] + a[0][4]) / 2 - (b[0][2] + b[0][4]) / 2) < 2


def _left_of(a, b) -> bool:
    return max(c[3] for c in a) <= min(c[1] for c in b) + 0.5


def _page_with(pages, needle):
    return next(page for page in pages if needle in page[2])


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_latin_words_split_by_elements_keep_their_order(manuals, lang):
    pages = printed_pages(manuals[lang])
    *_, chars = _page_with(pages, "Ctrl")
    # <kbd>Ctrl</kbd>+<kbd>C</kbd>: Ctrl, then + and C to its right
    (ctrl,) = _find(chars, "Ctrl")
    plus = [c for c in _find(chars, "+") if _same_line(c, ctrl)]
    assert plus and _left_of(ctrl, plus[0])
    # **Dataloom** 3.2: the version to the right of the name
    name = next(n for n in _find(chars, "Dataloom") if any(
        _same_line(n, v) for v in _find(chars, "3.2")))
    version = next(v for v in _find(chars, "3.2") if _same_line(name, v))
    assert _left_of(name, version)
    # a heading with a name kept whole (span.mg-name) and its version: "OAuth 2.0"
    *_, chars = _page_with(pages, WORDS[lang]["heading_api"].split()[0])
    for oauth in _find(chars, "OAuth"):
        version = [v for v in _find(chars, "2.0") if _same_line(oauth, v)]
        assert version and _left_of(oauth, version[0])


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_inline_code_keeps_its_punctuation_where_it_is_typed(manuals, lang):
    *_, chars = _page_with(printed_pages(manuals[lang]), "help")
    (word,) = _find(chars, "help")
    dashes = [c for c in chars if c[0] == "-" and _same_line([c], word)]
    assert len(dashes) == 2 and _left_of(dashes, word)  # "--help", not "help--"


def test_a_right_to_left_phrase_keeps_its_order_in_a_left_to_right_manual(manuals):
    *_, chars = _page_with(printed_pages(manuals["en"]), "Arabic screen says")
    # "**إرسال** الملف": the first word (bold) stands to the right of the second
    first = [c for c in chars if c[0] == "\u0625"]  # the alef of إرسال
    last = [c for c in chars if c[0] == "\u0641"]  # the feh of الملف
    assert first and last and _same_line(first, last)
    assert _left_of(last, first)


@pytest.mark.parametrize("lang", [*RTL_LANGS, "en"])
def test_the_pdf_says_its_language_and_bookmarks_read_in_its_direction(manuals, lang):
    reader = PdfReader(manuals[lang])
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == LOCALES[lang]
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    words = WORDS[lang]
    # the bookmarks are the titles in their logical order, numbered as printed
    assert any(t.endswith(f"1 {words['guide']}") for t in titles)
    assert any(t.endswith(f"1.3 {words['latin_title']}") for t in titles)
    if lang != "en":
        # A title that opens with Latin letters still reads right to left in a viewer that
        # takes a plain string's direction from its first strong letter (UAX #9, P2–P3).
        latin = next(t for t in titles if words["latin_title"] in t)
        assert latin.startswith("\u200f")


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_every_character_is_drawn_inside_its_page(manuals, lang):
    for width, height, _text, chars in printed_pages(manuals[lang]):
        for char, left, bottom, right, top in chars:
            if char.strip():
                assert OUTER - 1 <= left and right <= width - OUTER + 1, (char, left, right)
                assert 0 <= bottom and top <= height, char
    assert not notdef_fonts(manuals[lang])


def test_the_notdef_check_sees_an_empty_box(tmp_path):
    import weasyprint

    pdf = tmp_path / "boxes.pdf"
    weasyprint.HTML(string='<p lang="ar">نص \ue000 \u0860 ok</p>').write_pdf(pdf)
    assert notdef_fonts(pdf)


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_binding_contents_and_running_heads_are_mirrored(manuals, lang):
    pages = printed_pages(manuals[lang])
    words = WORDS[lang]

    def text_chars(chars, height):  # the text block: not the running head or foot
        return [c for c in chars if c[0].strip() and 25 * MM < c[2] < height - 25 * MM]

    # Page 1 of a right-to-left book is a left-hand page: its odd pages are bound on the
    # right, the even ones on the left.
    width, height, _text, chars = pages[2]  # the contents: page 3, a recto
    body = text_chars(chars, height)
    letters = [c for c in body if not c[0].isdigit() and c[0] not in ".·"]
    assert max(c[3] for c in letters) == pytest.approx(width - INNER, abs=2)
    # the leaders and page numbers on the left, at the outer margin
    digits = [c for c in body if c[0].isdigit() and c[3] < width / 2]
    assert digits and min(c[1] for c in digits) == pytest.approx(OUTER, abs=2)
    leaders = [c for c in body if c[0] in ".·" and c[3] < width / 2]
    assert len(leaders) > 20
    # the chapter opens on a recto; its running head and page number at the outer (left) edge
    chapter = next(i for i, page in enumerate(pages) if i > 3 and words["guide"] in page[2])
    assert chapter % 2 == 0
    width, height, _text, chars = pages[chapter]
    foot = [c for c in chars if c[0].strip() and c[4] < 25 * MM]
    digit = str(chapter + 1)[-1]
    number = [c for c in foot if c[0] in (digit, "۰۱۲۳۴۵۶۷۸۹"[int(digit)])]
    assert number and max(c[3] for c in number) < width / 2
    assert min(c[1] for c in foot) == pytest.approx(OUTER, abs=2)
    assert max(c[3] for c in text_chars(chars, height)) == pytest.approx(width - INNER, abs=2)
    head = [c for c in chars if c[0].strip() and c[2] > height - 25 * MM]
    assert head and max(c[3] for c in head) < width / 2
    # the next page, a verso, is bound on its left: its text and its page number reach the
    # outer (right) edge
    width, height, _text, chars = pages[chapter + 1]
    foot = [c for c in chars if c[0].strip() and c[4] < 25 * MM]
    assert max(c[3] for c in text_chars(chars, height)) == pytest.approx(width - OUTER, abs=2)
    assert max(c[3] for c in foot) == pytest.approx(width - OUTER, abs=2)
    head = [c for c in chars if c[0].strip() and c[2] > height - 25 * MM]
    assert head and min(c[1] for c in head) > width / 2
    # the cover, page 1, is a recto too: its title ends at the binding margin on the right
    width, height, _text, chars = pages[0]
    (title,) = _find(chars, "Dataloom")
    assert max(c[3] for c in chars if c[0].strip() and c[2] > height / 2) == pytest.approx(
        width - INNER, abs=2)
    assert title[0][1] > width / 3
    # the page labels count from the cover, as the printed numbers do
    labels = PdfReader(manuals[lang]).trailer["/Root"]["/PageLabels"]["/Nums"]
    assert list(labels)[:1] == [0] and labels[1]["/S"] == "/D"


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_a_numbered_lists_markers_stand_right_of_their_items(manuals, lang):
    year = "۱۴۰۴" if lang == "fa" else "2025"
    assert year in WORDS[lang]["list"][1]  # "choose the year …", the second item
    # the list stands just before the note on files over 20 MB
    _width, height, _text, chars = _page_with(printed_pages(manuals[lang]), "MB")
    line = max(_find(chars, year), key=lambda y: y[0][1])  # the table's year is further left
    # the marker "2." reads right to left: the digit at the right end of the line, its full
    # stop just left of it, in the list's indent at the start (right) edge of the text block
    digit = max((c for c in chars if c[0] == "2" and _overlap(c, line[0])), key=lambda c: c[3])
    assert all(c[3] <= digit[3] for c in chars if c[0].strip() and _same_line([c], line))
    assert [c for c in chars if c[0] == "." and _overlap(c, digit) and 0 <= digit[1] - c[3] < 4]
    body = [c for c in chars if c[0].strip() and 25 * MM < c[2] < height - 25 * MM]
    edge = max(c[3] for c in body)
    assert edge - 5.5 * MM < digit[3] <= edge


def _overlap(a, b) -> bool:
    """Whether two character boxes share some height (a full stop and its digit do)."""
    return a[2] < b[4] and b[2] < a[4]


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_code_reads_left_to_right_and_steps_put_the_picture_on_the_left(manuals, lang):
    doc = pypdfium2.PdfDocument(str(manuals[lang]))
    pages = printed_pages(manuals[lang])
    index = next(i for i, page in enumerate(pages) if CODE_TOKEN in page[2])
    width, _, _, chars = pages[index]
    (token,) = _find(chars, CODE_TOKEN)
    assert [c[1] for c in token] == sorted(c[1] for c in token)  # left to right
    (curl,) = _find(chars, "curl")
    assert curl[0][1] < width / 3  # at the left of the text block, not ranged right
    # the first step: its text on the right, its screenshot on the left
    index = next(i for i, page in enumerate(pages) if "Upload" in page[2])
    page = doc[index]
    images = [o.get_bounds() for o in page.get_objects()
              if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    (word,) = _find(pages[index][3], "Upload")
    assert images and max(b[2] for b in images) < min(c[1] for c in word)


# --- a translation that borrows the default language's pages ------------------------------

MOUNTED = """\
baseURL: https://example.org/
title: Dataloom
defaultContentLanguage: en
markup: {goldmark: {renderer: {unsafe: true}}}
languages:
  en: {languageName: English, languageCode: en-US, weight: 1}
  fa: {languageName: فارسی, languageCode: fa-IR, languageDirection: rtl, weight: 2}
module:
  mounts:
    - {source: content/en, target: content}
    - {source: content/fa, target: content, lang: fa}
    # the English docs stand in for the pages Persian lacks (as opentelemetry.io does)
    - {source: content/en/docs, target: content/docs, lang: fa}
"""


def test_a_page_borrowed_from_the_default_language_prints_in_its_language(tmp_path):
    from .conftest import write_site

    skip_without_fonts_for(WORDS["fa"]["intro"])
    site = write_site(tmp_path / "site", {
        "hugo.yaml": MOUNTED,
        "content/en/_index.md": "---\ntitle: Manual\n---\nWelcome.\n",
        "content/en/docs/_index.md": "---\ntitle: Docs\nweight: 2\n---\n",
        "content/en/docs/setup.md": "---\ntitle: Setup\n---\nInstall the tool, then run it. "
                                    "It takes about five minutes on a laptop.\n",
        "content/fa/_index.md": "---\ntitle: راهنما\n---\n" + WORDS["fa"]["intro"] + "\n",
        "content/fa/guide.md": "---\ntitle: شروع\nweight: 1\n---\n" + WORDS["fa"]["guide_text"]
                               + " " + WORDS["fa"]["step3"] + "\n",
    }, hugo=None)
    result = build(site, BuildOptions(langs=["fa"], out=tmp_path / "out", no_cache=True,
                                      html=True))
    (lang,) = result.results
    assert result.ok and lang.pdf is not None
    html = lang.html.read_text(encoding="utf-8")
    setup = html[html.index("Install the tool") - 400:html.index("Install the tool")]
    assert '<div class="page-body" lang="en-US" dir="ltr">' in setup
    # the docs section (a header, no body) and its page
    assert html.count('lang="en-US" dir="ltr"') == 3
    assert '<html lang="fa-IR" dir="rtl">' in html
    # in the structure tree: the borrowed page's elements say their language
    assert "en-US" in _struct_languages(lang.pdf)
    # on paper: the English paragraph starts at the left of the text block, the Persian one
    # ends at its right
    pages = printed_pages(lang.pdf)
    width, height, _, chars = _page_with(pages, "Install the tool")
    (install,) = _find(chars, "Install")
    (laptop,) = _find(chars, "laptop.")
    lines = [c for c in chars if c[0].strip() and 25 * MM < c[2] < height - 25 * MM]
    assert install[0][1] == pytest.approx(min(c[1] for c in lines), abs=1)
    assert laptop[-1][3] < width - OUTER - 20  # the last line ends short, on the right side


def test_a_section_a_translation_by_file_name_lacks_is_its_own_not_borrowed(tmp_path):
    """content/docs/_index.md is the English section; the Persian site has no
    _index.fa.md, so Hugo makes its section itself (titled from the folder): a page of the
    Persian site, printed right to left, not the English page (it printed as English, left
    to right, with the English file's language)."""
    from .conftest import write_site

    skip_without_fonts_for(WORDS["fa"]["intro"])
    hugo = ("baseURL: https://example.org/\ndefaultContentLanguage: en\nlanguages:\n"
            "  en: {languageName: English, weight: 1}\n"
            "  fa: {languageName: فارسی, languageDirection: rtl, weight: 2}\n")
    site = write_site(tmp_path / "site", {
        "hugo.yaml": hugo,
        "content/_index.md": "---\ntitle: Manual\n---\nWelcome.\n",
        "content/_index.fa.md": "---\ntitle: راهنما\n---\n" + WORDS["fa"]["intro"] + "\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\nThe English section's text.\n",
        "content/docs/setup.md": "---\ntitle: Setup\n---\nInstall the tool.\n",
        "content/docs/setup.fa.md": "---\ntitle: شروع\n---\n" + WORDS["fa"]["guide_text"] + "\n",
    }, hugo=None)
    result = build(site, BuildOptions(langs=["fa"], out=tmp_path / "out", no_cache=True, html=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'dir="ltr"' not in html and "The English section" not in html
    assert '<h1 class="page-title" data-chapter="1 Docs">' in html


def _struct_languages(pdf) -> set[str]:
    """The /Lang of every structure element of ``pdf``."""
    found = set()
    stack = [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not hasattr(node, "get"):
            continue
        if "/Lang" in node:
            found.add(str(node["/Lang"]))
        kids = node.get("/K")
        kids = kids.get_object() if kids is not None else []
        stack.extend(kids if isinstance(kids, list) else [kids])
    return found


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_persian_pages_are_numbered_in_persian_digits(manuals, lang):
    _width, _height, text, chars = printed_pages(manuals[lang])[2]  # the contents, page 3
    # the running foot: "page 3 of N" and the version (3.2, as the site writes it)
    foot = "".join(c[0] for c in chars if c[0].strip() and c[4] < 25 * MM).replace("3.2", "")
    persian = lang == "fa"
    western = any(c in "0123456789" for c in foot)
    assert ("۳" in foot and not western) if persian else (western and "۳" not in foot)
    # the contents' page numbers too ("5" for the introduction)
    assert ("۵" in text) == persian and ("5" in text) != persian


def test_a_web_address_reads_left_to_right_in_a_right_to_left_paragraph(tmp_path):
    """A link to the web prints its address after its words; in a right-to-left paragraph
    the address keeps its own order: its final slash (CNCF's Arabic glossary links to
    https://…/kubernetes/) and the bracket after it fell to the paragraph's side,
    "(/https://example.org/guide(" as read left to right."""
    from .conftest import page, write_site

    skip_without_fonts_for("راجع الدليل الآن")
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://handbook.example/"\ndefaultContentLanguage = "ar"\n'
                     '[languages.ar]\nweight = 1\nlanguageDirection = "rtl"\n',
        "content/ar/_index.md": page("البداية", body="نص."),
        "content/ar/a.md": page("الروابط", 1, "راجع [الدليل](https://example.org/guide/) الآن.\n")})
    result = build(site, BuildOptions(langs=["ar"], out=tmp_path / "out", no_cache=True, jobs=1))
    pages = printed_pages(result.results[0].pdf)
    *_, chars = _page_with(pages, "example.org")
    (host,) = _find(chars, "example.org")
    line = sorted((c for c in chars if _same_line([c], host)), key=lambda c: c[1])
    # the brackets are left out: the opening one is drawn with the mirrored glyph, which a
    # text extraction reads as ")"; what matters is the address in its order
    shown = "".join(c[0] for c in line if c[0].isascii() and c[0] not in " ()")
    assert "https://example.org/guide/" in shown and "/https" not in shown, shown


def test_a_bare_web_address_prints_once_in_a_right_to_left_paragraph(tmp_path):
    """A link whose words are its address prints the address once, as in a left-to-right
    manual: the right-to-left rule that prints the address after a link's words also
    printed it after a bare address ("https://example.org/docs(https://example.org/docs)")."""
    from .conftest import page, write_site

    skip_without_fonts_for("انظر الموقع")
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "ar"\n[languages.ar]\nweight = 1\n'
                     'languageDirection = "rtl"\n',
        "content/ar/_index.md": page("البداية", body="انظر <https://example.org/docs> و "
                                                  "[الموقع](https://example.org/x).\n")})
    result = build(site, BuildOptions(langs=["ar"], out=tmp_path / "out", no_cache=True, jobs=1))
    text = "".join(p.extract_text() for p in PdfReader(result.results[0].pdf).pages)
    assert text.count("example.org/docs") == 1 and text.count("example.org/x") == 1, text
