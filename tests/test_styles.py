"""Checks for the print stylesheets in styles/ (fonts.css, manual.css) under WeasyPrint."""

import logging
import re
from collections import defaultdict
from pathlib import Path

import pytest
import tinycss2
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

STYLES = Path(__file__).resolve().parent.parent / "styles"
FONTS = STYLES / "fonts"
CSS_FILES = sorted(STYLES.glob("*.css"))

# An environment notice, not about our CSS: Debian 12 has no libharfbuzz-subset >= 4.1.
ENVIRONMENT_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)

# Characters the manuals need: French, German, Italian, typographic punctuation, arrow.
NEEDED = "AZaz09ÀÂÆÇÈÉÊËÎÏÔŒÙÛÜàâæçèéêëîïôœùûüÿÄÖäößẞÌÍÒÓìíòó«»‹›„“”‚‘’–—…→←•€ \u00a0\u202f"


def links(*names):
    return "".join(f'<link rel="stylesheet" href="{(STYLES / n).as_uri()}">' for n in names)


def page_html(body, lang="fr", body_attrs='class="paper-a4 twoside"'):
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title>'
        f"{links('fonts.css', 'manual.css')}</head><body {body_attrs}>{body}</body></html>"
    )


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def weasy_log():
    handler = Capture()
    logger = logging.getLogger("weasyprint")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def render(html, base_url):
    from weasyprint import HTML

    return HTML(string=html, base_url=str(base_url)).render(presentational_hints=True)


def walk(box, step=None):
    """Yield (box, enclosing step element) for every box under box."""
    element = box.element
    if (
        element is not None
        and box.element_tag == "div"
        and "step" in (element.get("class") or "").split()
    ):
        step = element
    yield box, step
    for child in getattr(box, "children", None) or []:
        yield from walk(child, step)


# --- (a) fonts -------------------------------------------------------------------------


def font_face_sources():
    """(css file, url) for every url() in the src of every @font-face in styles/*.css."""
    found = []
    for css in CSS_FILES:
        rules = tinycss2.parse_stylesheet(
            css.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
        )
        for rule in rules:
            if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
                continue
            decls = tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            srcs = [d for d in decls if d.type == "declaration" and d.lower_name == "src"]
            assert srcs, f"{css.name}: @font-face without src"
            for decl in srcs:
                for token in decl.value:
                    if token.type == "url":
                        found.append((css, token.value))
                    elif token.type == "function" and token.lower_name == "url":
                        found.append((css, token.arguments[0].value))
    return found


def test_font_face_sources_exist_in_styles_fonts():
    sources = font_face_sources()
    assert len(sources) >= 6, "expected regular/italic/bold/bold italic + mono regular/bold"
    for css, url in sources:
        assert not re.match(r"^[a-z]+:", url), f"{css.name}: {url} must be a relative path"
        path = (css.parent / url).resolve()
        assert path.is_file(), f"{css.name}: {url} does not exist"
        assert path.parent == FONTS.resolve(), f"{css.name}: {url} is not in styles/fonts"


def test_fonts_cover_needed_characters_and_are_documented():
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    assert list(FONTS.glob("OFL*")), "licence file missing"
    for _css, url in font_face_sources():
        path = (STYLES / url).resolve()
        assert path.name in readme, f"{path.name} not named in fonts/README.md"
        cmap = TTFont(path).getBestCmap()
        missing = sorted({c for c in NEEDED if ord(c) not in cmap})
        assert not missing, f"{path.name} lacks {missing}"


# --- (b) the stylesheets parse cleanly ---------------------------------------------------


def test_stylesheets_render_without_css_warnings(weasy_log, tmp_path):
    body = (
        '<section class="cover"><p class="cover-kicker">K</p><h1 class="cover-title">Manuel</h1>'
        '<dl class="cover-meta"><dt>Version</dt><dd>1.0</dd></dl></section>'
        '<nav class="toc" id="toc"><h1 class="toc-title">Table</h1><ol class="toc-list">'
        '<li class="toc-entry toc-level-1"><a href="#ch-1"><span class="toc-num">1</span> '
        '<span class="toc-text">Accès</span></a></li></ol></nav>'
        '<main><section class="chapter" id="ch-1"><header class="page-header">'
        '<h1 class="page-title" data-chapter="Accès"><span class="title-num">1</span> Accès</h1>'
        '</header><div class="page-body"><p>« Texte » – voir <a class="internal" href="#toc" '
        'data-see="voir page">TdM</a>, <a class="external" href="https://example.org/a/b">site</a> '
        '→ <code>x</code></p><aside class="alert alert-warning" role="note">'
        '<p class="alert-label">Attention</p><div class="alert-body"><p>!</p></div></aside>'
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
        "<pre><code>code</code></pre></div></section></main>"
    )
    attrs = (
        'class="paper-a5 oneside" data-label-page="Seite" data-label-of="von" data-version="0.1"'
    )
    doc = render(page_html(body, lang="de", body_attrs=attrs), tmp_path)
    problems = [
        r.getMessage()
        for r in weasy_log.records
        if not r.getMessage().startswith(ENVIRONMENT_NOTICES)
    ]
    assert problems == []
    # every glyph came from the bundled fonts, none from the system
    families = {
        box.style["font_family"][0]
        for page in doc.pages
        for box, _ in walk(page._page_box)
        if type(box).__name__ == "TextBox"
    }
    assert families <= {"Manual Sans", "Manual Mono"}, families


def test_task_list_box_sits_on_the_line_of_its_text(tmp_path):
    body = ('<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled="" '
            'checked=""> Daten importiert</li></ul>')
    doc = render(page_html(body, lang="de"), tmp_path)
    boxes = [box for page in doc.pages for box, _ in walk(page._page_box)]
    [box] = [b for b in boxes if b.element_tag == "input"]
    [text] = [b for b in boxes if type(b).__name__ == "TextBox" and "Daten" in b.text]
    assert type(box).__name__ == "InlineBlockBox"  # a block box put the text on the next line
    assert abs(box.position_y - text.position_y) < 5
    assert not [b for b in boxes if (b.element_tag or "").endswith("::marker")]  # no bullet


def test_a_task_list_inside_a_task_item_is_indented_under_its_text(tmp_path):
    """MemE's test page nests task lists three deep; their boxes all stood in one column,
    so the reader could not tell which item belongs to which."""
    item = '<li class="task-list-item"><input type="checkbox" disabled=""> {}{}</li>'
    inner = f'<ul class="task-list">{item.format("Unterpunkt", "")}</ul>'
    body = f'<ul class="task-list">{item.format("Punkt", inner)}</ul>'
    doc = render(page_html(body, lang="de"), tmp_path)
    boxes = [box for page in doc.pages for box, _ in walk(page._page_box)]
    outer_box, inner_box = [b for b in boxes if b.element_tag == "input"]
    [outer_text] = [b for b in boxes if type(b).__name__ == "TextBox" and b.text.strip() == "Punkt"]
    assert inner_box.position_x > outer_box.position_x + 5
    assert abs(inner_box.position_x - outer_text.position_x) < 3  # under the item's words


def test_paper_size_and_page_labels(tmp_path):
    from weasyprint import HTML

    body = (
        '<section class="cover"><h1 class="cover-title">Handbuch</h1></section>'
        '<nav class="toc"><h1 class="toc-title">Inhalt</h1></nav>'
        '<main><section class="chapter"><header class="page-header"><h1 class="page-title" '
        'data-chapter="Zugang">1 Zugang</h1></header><div class="page-body"><p>x</p></div>'
        "</section></main>"
    )
    attrs = (
        'class="paper-a5 twoside" data-label-page="Seite" data-label-of="von" data-version="V 2"'
    )
    doc = HTML(string=page_html(body, "de", attrs), base_url=str(tmp_path)).render()
    mm = 25.4 / 96
    sizes = {(round(p.width * mm), round(p.height * mm)) for p in doc.pages}
    assert sizes == {(148, 210)}
    # cover, blank, toc, blank, chapter: chapters and TOC on right-hand (odd) pages
    assert len(doc.pages) == 5

    def margin_text(page):
        texts = {}
        for box in page._page_box.children:
            if type(box).__name__ == "MarginBox":
                texts[box.at_keyword] = "".join(
                    b.text for b, _ in walk(box) if type(b).__name__ == "TextBox"
                )
        return {k: v for k, v in texts.items() if v}

    assert margin_text(doc.pages[0]) == {}  # cover
    assert margin_text(doc.pages[1]) == {}  # blank
    assert margin_text(doc.pages[3]) == {}  # blank
    chapter = margin_text(doc.pages[4])
    assert chapter["@top-center"] == "Zugang"
    assert chapter["@bottom-right"] == "Seite 5 von 5"
    assert chapter["@bottom-left"] == "V 2"
    # mirrored margins on right pages: inner (left) wider than outer
    box = doc.pages[4]._page_box
    assert box.margin_left > box.margin_right


# --- (c) step blocks stay whole ----------------------------------------------------------

TEXT = (
    "Cliquez sur « Envoyer » dans la barre d’outils → la fenêtre de confirmation s’ouvre "
    "et affiche le résumé de la livraison avant l’envoi définitif. "
)
SIZES = [(1280, 800), (800, 1000), (1600, 500), (900, 700), (600, 900), (1200, 900)]


def steps_document(tmp_path, extra_css=""):
    parts = []
    for i, (w, h) in enumerate(SIZES):
        img = tmp_path / f"step-{i}.png"
        im = Image.new("RGB", (w, h), "#eef1f4")
        ImageDraw.Draw(im).rectangle([0, 0, w - 1, 40], fill="#1d4f91")
        im.save(img)
        paras = "".join(f"<p>S{i}-{j} {TEXT * (1 + i % 3)}</p>" for j in range(2 + i % 3))
        parts.append(
            f'<div class="step" data-step="{i}"><div class="step-text">{paras}</div>'
            f'<div class="step-media"><img class="screenshot edge" src="{img.name}" '
            f'alt="Étape {i}"></div></div>'
        )
    style = f"<style>{extra_css}</style>" if extra_css else ""
    body = (
        '<main><section class="chapter"><header class="page-header"><h1 class="page-title">'
        f'1 Steps</h1></header><div class="page-body">{"".join(parts)}</div></section></main>'
        f"{style}"
    )
    return page_html(body), len(parts)


def step_layout(doc):
    """{step: (pages holding its text, pages holding its image, text)}."""
    text_pages, img_pages, text = defaultdict(set), defaultdict(list), defaultdict(str)
    for number, page in enumerate(doc.pages, 1):
        for box, step in walk(page._page_box):
            if step is None:
                continue
            i = int(step.get("data-step"))
            kind = type(box).__name__
            if kind == "TextBox" and not (box.element_tag or "").endswith("::marker"):
                text_pages[i].add(number)
                text[i] += box.text
            elif box.element_tag == "img" and kind.endswith("ReplacedBox"):
                img_pages[i].append(number)
    return {i: (text_pages[i], img_pages[i], text[i]) for i in set(text_pages) | set(img_pages)}


def split_steps(doc, count):
    layout = step_layout(doc)
    assert sorted(layout) == list(range(count)), "a step vanished"
    bad = []
    for i, (tpages, ipages, text) in sorted(layout.items()):
        assert len(ipages) == 1, f"step {i}: image drawn {len(ipages)} times"
        assert text.count(f"S{i}-") == 2 + i % 3, f"step {i}: paragraphs lost"
        if tpages != set(ipages):
            bad.append((i, sorted(tpages), ipages))
    return bad


def test_steps_keep_text_and_image_on_one_page(tmp_path):
    html, count = steps_document(tmp_path)
    doc = render(html, tmp_path)
    assert len(doc.pages) >= 3, "test document too short to cross page breaks"
    assert split_steps(doc, count) == []


def test_step_check_detects_a_split(tmp_path):
    # Negative control: without break-inside: avoid the same document splits steps, so the
    # test above really can fail.
    html, count = steps_document(tmp_path, ".step { break-inside: auto !important; }")
    assert split_steps(render(html, tmp_path), count) != []


def test_step_images_keep_proportions_and_fit(tmp_path):
    html, _ = steps_document(tmp_path)
    doc = render(html, tmp_path)
    for page in doc.pages:
        pb = page._page_box
        for box, step in walk(pb):
            if (
                step is None
                or box.element_tag != "img"
                or not type(box).__name__.endswith("ReplacedBox")
            ):
                continue
            w, h = SIZES[int(step.get("data-step"))]
            assert box.width / box.height == pytest.approx(w / h, rel=0.02)
            assert box.position_x + box.margin_width() <= pb.margin_left + pb.width + 0.5
            assert box.height <= 120 * 96 / 25.4 + 0.5  # --step-media-max-height


# --- (e) hyphenation ---------------------------------------------------------------------


@pytest.mark.parametrize("html, expected", [
    ("<p>Die SpiGes-Plattform (SpiGes).</p>",
     '<p>Die <span class="mg-name">SpiGes</span>-Plattform <span class="mg-name">(SpiGes).</span></p>'),
    ("<p>Rolle KT_ErhV(stat_Abschlussuser)</p>",
     '<p>Rolle <span class="mg-name">KT_ErhV(stat_Abschlussuser)</span></p>'),
    ("<p><b>eIAM</b> und JavaScript</p>",
     '<p><b><span class="mg-name">eIAM</span></b> und <span class="mg-name">JavaScript</span></p>'),
    # identifiers are one word: not "SP_ErhV_Unterneh-men"
    ("<p>Rolle SP_ErhV_Unternehmen</p>",
     '<p>Rolle <span class="mg-name">SP_ErhV_Unternehmen</span></p>'),
    # capitals only at the start of words, or only capitals: ordinary words
    ("<p>Die BFS-Nummer im CH-LOGIN Portal</p>", "<p>Die BFS-Nummer im CH-LOGIN Portal</p>"),
    # code and drawings are left as written; the text after them is not
    ("<p><code>SpiGes</code> SpiGes</p>", '<p><code>SpiGes</code> <span class="mg-name">SpiGes</span></p>'),
    ('<svg><text x="0">SpiGes</text></svg>', '<svg><text x="0">SpiGes</text></svg>'),
    # addresses and file names a reader types as printed: never "exam-ple.ch"
    ("<p>Auf statistik.example.ch/login oder an info@example.ch, Datei bericht.xlsx.</p>",
     ('<p>Auf <span class="mg-name">statistik.example.ch/login</span> oder an '
     '<span class="mg-name">info@example.ch,</span> Datei <span class="mg-name">bericht.xlsx.</span></p>')),
    ("<p>Siehe https://www.bfs.admin.ch/projekt-spiges.html usw. z.B. 3.5 mal</p>",
     ('<p>Siehe <span class="mg-name">https://www.bfs.admin.ch/projekt-spiges.html</span> '
      'usw. z.B. 3.5 mal</p>')),
    # an address or a file name with hyphens is one span, whole: a line breaks inside it
    # (WeasyPrint does not break a word made of several spans, which ran off the page), and
    # no part of it is hyphenated
    ("<p>Datei Export_2025-12-31_final.xlsx und a.example.org/x?sort=-created_at</p>",
     ('<p>Datei <span class="mg-name">Export_2025-12-31_final.xlsx</span> und '
      '<span class="mg-name">a.example.org/x?sort=-created_at</span></p>')),
])
def test_names_with_an_inner_capital_are_marked(html, expected):
    from manualgen.assemble import keep_names_whole, parse_fragment, serialize_children

    root = parse_fragment(html)
    keep_names_whole(root)
    assert serialize_children(root) == expected


def hyphenated_lines(tmp_path, mark_names: bool) -> list[str]:
    """Lines ending in a hyphenation, when "SpiGes" sentences are set in narrow columns."""
    from manualgen.assemble import keep_names_whole, parse_fragment, serialize_children

    text = "Die Plattform SpiGes und die SpiGes-Benutzerverwaltung im Portal SpiGes. " * 4
    root = parse_fragment("".join(f'<p style="width: {w}mm">{text}</p>' for w in range(24, 60, 3)))
    if mark_names:
        keep_names_whole(root)
    # A page's description comes from the template, unmarked: it is never hyphenated.
    description = "".join(f'<p class="page-description" style="width: {w}mm">{text}</p>'
                          for w in range(24, 60, 6))
    doc = render(page_html(serialize_children(root) + description, lang="de"), tmp_path)
    return [b.text for page in doc.pages for b, _ in walk(page._page_box)
            if type(b).__name__ == "TextBox" and b.text.rstrip().endswith(("\u2010", "-"))]


def test_names_are_not_hyphenated_in_print(tmp_path):
    lines = hyphenated_lines(tmp_path, mark_names=True)
    assert not [line for line in lines if line.endswith(("Spi\u2010", "Spi-"))], lines
    assert any(line.endswith("\u2010") for line in lines)  # the other words still are


def test_hyphenation_check_detects_a_split_name(tmp_path):
    lines = hyphenated_lines(tmp_path, mark_names=False)
    assert [line for line in lines if line.endswith("Spi\u2010")]


def test_the_manual_marks_names_in_page_text(tmp_path):
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Die Plattform SpiGes.\n")})
    assert build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, check_only=True,
                                    no_cache=True)).ok
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert 'Die Plattform <span class="mg-name">SpiGes.</span>' in html


def test_a_long_name_in_a_narrow_table_column_still_wraps(tmp_path):
    """WeasyPrint does not break a span glued to the text before it, as in "(Name)": the span
    takes the parentheses, so overflow-wrap still keeps the name inside its column."""
    from manualgen.assemble import keep_names_whole, parse_fragment, serialize_children

    cell = "KT_ErhV(stat_Abschlussuser) und (SpiGesPlattformVerwaltung)."
    root = parse_fragment('<table class="sized" style="width: 60mm"><colgroup><col style="width: 35%">'
                          f'<col style="width: 65%"></colgroup><tr><td>{cell}</td><td>Text</td></tr>'
                          "</table>")  # the fixed layout manualgen gives tables
    keep_names_whole(root)
    doc = render(page_html(serialize_children(root), lang="de"), tmp_path)
    boxes = [b for page in doc.pages for b, _ in walk(page._page_box)]
    [first] = [b for b in boxes if type(b).__name__ == "TableCellBox"
               and "KT_" in "".join(b.element.itertext())]
    right = first.content_box_x() + first.width
    texts = [b for b in boxes if type(b).__name__ == "TextBox" and b.text.strip()
             and b.text.strip() != "Text"]
    assert texts and all(b.position_x + b.width <= right + 0.5 for b in texts), [
        (b.text, b.position_x + b.width, right) for b in texts]


def _div_boxes(body: str, tmp_path) -> dict:
    """The block boxes of the <div>s of ``body`` laid out with the manual's styles, by class."""
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>'
            f"{links('fonts.css', 'manual.css', 'content.css')}</head>"
            f'<body class="paper-a4 twoside">{body}</body></html>')
    doc = render(html, tmp_path)
    return {box.element.get("class"): box for page in doc.pages
            for box, _ in walk(page._page_box)
            if box.element_tag == "div" and type(box).__name__ == "BlockBox"}


def test_a_sites_own_hint_callout_or_admonition_box_prints_framed(tmp_path):
    """A site's own template that writes its box as ``<div class="hint hint-warning">``
    (Mastodon's docs), ``callout`` or ``admonition`` prints framed as a note or warning box."""
    body = ('<div class="hint hint-info"><p>Info.</p></div>'
            '<div class="hint hint-warning"><p>Careful.</p></div>'
            '<div class="admonition admonition-danger"><p>Stop.</p></div>'
            '<div class="plain"><p>Text.</p></div>')
    boxes = _div_boxes(body, tmp_path)
    framed = {name: box.style["border_top_width"] > 0 for name, box in boxes.items()}
    assert framed == {"hint hint-info": True, "hint hint-warning": True,
                      "admonition admonition-danger": True, "plain": False}
    colors = {name: box.style["border_top_color"] for name, box in boxes.items()}
    assert colors["hint hint-warning"] == colors["admonition admonition-danger"]
    assert colors["hint hint-warning"] != colors["hint hint-info"]


def test_a_panel_prints_framed_in_the_colour_of_its_status(tmp_path):
    """Techdoc's panel shortcode writes ``<div class="panel panel-danger">`` with a header and
    a body: on the web a coloured box, on paper a frame (a warning's colour for danger)."""
    body = ('<div class="panel panel-primary"><div class="panel-body"><p>Note.</p></div></div>'
            '<div class="panel panel-danger"><div class="panel-header"><h3>danger</h3></div>'
            '<div class="panel-body"><p>Stop.</p></div></div>')
    boxes = _div_boxes(body, tmp_path)
    primary, danger = boxes["panel panel-primary"], boxes["panel panel-danger"]
    assert primary.style["border_top_width"] > 0 and danger.style["border_top_width"] > 0
    assert boxes["panel-body"].style["border_top_width"] == 0
    assert primary.style["border_top_color"] != danger.style["border_top_color"]


def test_slates_notice_and_success_asides_print_framed(tmp_path):
    """DocuAPI (Slate's layout) writes <aside class="notice">, "warning" and "success" in
    its pages: the warning was framed, the other two printed as bare text."""
    body = ('<aside class="notice"><p>Replace the key.</p></aside>'
            '<aside class="success"><p>A happy kitten.</p></aside>'
            '<aside class="warning"><p>No Markdown here.</p></aside>')
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>'
            f"{links('fonts.css', 'manual.css', 'content.css')}</head>"
            f'<body class="paper-a4 twoside">{body}</body></html>')
    doc = render(html, tmp_path)
    boxes = {box.element.get("class"): box for page in doc.pages
             for box, _ in walk(page._page_box)
             if box.element_tag == "aside" and type(box).__name__ == "BlockBox"}
    assert all(box.style["border_top_width"] > 0 for box in boxes.values()), boxes
    colors = {name: box.style["border_top_color"] for name, box in boxes.items()}
    assert len(set(colors.values())) == 3, colors


def test_a_copy_button_is_not_printed_and_other_buttons_are(tmp_path):
    """A site's code-box shortcode writes <button class="copy-button" onclick="copyCode(this)">
    with an icon and the word "copy": it printed as an empty grey form control."""
    body = ('<div class="code-header"><span>hello.md</span>'
            '<button class="copy-button" onclick="copyCode(this)">copy</button>'
            '<button onclick="navigator.clipboard.writeText(x)">Kopieren</button>'
            '<button data-clipboard-target="#c">Clip</button>'
            '<button class="tab-button">Linux</button></div>')
    doc = render(page_html(body, lang="de"), tmp_path)
    texts = {b.text.strip() for page in doc.pages for b, _ in walk(page._page_box)
             if type(b).__name__ == "TextBox"}
    assert "hello.md" in texts and "Linux" in texts
    assert not texts & {"copy", "Kopieren", "Clip"}, texts
