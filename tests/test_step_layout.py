"""Step blocks the example manual does not have, checked in the PDF itself.

A small site holds the variants seen on real Docsy sites and a few harder ones: inline-style
flex blocks (widths, picture on the left, three columns, two pictures in a column, phone
screens), ``layouts/row`` columns, a text column with a list, a table, code and an alert, a
step whose text is longer than a page, a tall screenshot, a run of steps that crosses page
breaks. It is built on A4, A5 and Letter (one-sided), and the PDF must show every step's
text on the page of its pictures, every picture inside the page area, never enlarged beyond
its pixels at 96 px/in and never distorted.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image, ImageDraw

from manualgen.cli import main

from .conftest import page, write_site

MM = 72 / 25.4  # PDF points per mm
# (paper, sides) → (smallest side margin, top and bottom margin, step picture max height) in mm
PAPERS = {("a4", "twoside"): (15, 20, 120), ("a5", "twoside"): (12, 15, 85),
          ("letter", "oneside"): (20, 20, 120)}

SIZES = {"wide": (1900, 700), "dialog": (1200, 900), "phone": (400, 1600), "strip": (2400, 300),
         "small": (300, 200), "tall": (400, 3000), "form": (600, 450), "square": (800, 800),
         "icon": (24, 24)}
LONG = ("Dieser Absatz beschreibt eine Einstellung im Detail, mit allen Ausnahmen und "
        "Sonderfällen, die im Alltag vorkommen können. ") * 4


def flex(marker, pictures, text="", *, text_style="flex: 1", media_style="flex: 1", left=False):
    images = "\n".join(f'<img src="/img/{p}.png" alt="">' for p in pictures)
    text_col = f'<div style="{text_style}">\n\n{marker} {text or "Klicken Sie auf Weiter."}\n\n</div>'
    media_col = f'<div style="{media_style}">\n{images}\n</div>'
    cols = (media_col, text_col) if left else (text_col, media_col)
    return f'<div style="display: flex; gap: 20px">\n{cols[0]}\n{cols[1]}\n</div>\n\n&nbsp;\n'


def row(marker, picture, width=""):
    attr = f' width="{width}"' if width else ""
    return (f"{{{{<layouts/grid>}}}}{{{{<layouts/row>}}}}{{{{<layouts/column{attr}>}}}}\n"
            f"{{{{<markdown>}}}}\n{marker} Wählen Sie die Zeile.\n{{{{</markdown>}}}}\n"
            f"{{{{</layouts/column>}}}}{{{{<layouts/column>}}}}\n"
            f'{{{{<insertImage image="{picture}.png" class="edge">}}}}\n'
            f"{{{{</layouts/column>}}}}{{{{</layouts/row>}}}}{{{{</layouts/grid>}}}}\n")


def two_column(marker, picture, markdown):
    return (f'<div class="two_column">\n\n<div class="left_col">\n{{{{<markdown>}}}}\n'
            f"{marker} {markdown}\n{{{{</markdown>}}}}\n</div>\n\n<div class=\"right_col\">\n"
            f'{{{{<insertImage image="{picture}.png" class="edge max-w-90">}}}}\n</div>\n</div>\n\n'
            f"&nbsp;\n")


def framework(marker, picture, outer, inner=("", "")):
    """A step laid out by a CSS framework's classes (the site's stylesheet is not read)."""
    return (f'<div class="{outer}">\n<div class="{inner[0]}">\n\n{marker} Tragen Sie den '
            f'Wert ein und speichern Sie.\n\n</div>\n<div class="{inner[1]}">\n\n'
            f'![Maske](/img/{picture}.png)\n\n</div>\n</div>\n\n')


# (marker, pictures in document order, markdown); the marker opens the step's text
STEPS = [
    ("Schritt-01", ["wide"], flex("Schritt-01", ["wide"], text_style="width: 40%",
                                  media_style="width: 60%")),
    ("Schritt-02", ["dialog"], flex("Schritt-02", ["dialog"], text_style="flex: 1",
                                    media_style="flex: 0 0 60%", left=True)),
    ("Schritt-03", ["phone"], flex("Schritt-03", ["phone"])),
    ("Schritt-04", ["form", "square"],
     ('<div style="display: flex">\n<div style="flex: 1">\n\nSchritt-04 Drei Spalten.\n\n</div>\n'
      '<div style="flex: 1">\n<img src="/img/form.png" alt="">\n</div>\n'
      '<div style="flex: 1">\n<img src="/img/square.png" alt="">\n</div>\n</div>\n')),
    ("Schritt-05", ["form", "dialog"], flex("Schritt-05", ["form", "dialog"])),
    ("Schritt-06", ["phone", "phone", "phone"], flex("Schritt-06", ["phone", "phone", "phone"])),
    ("Schritt-07", ["dialog"], two_column(
        "Schritt-07", "dialog",
        "Füllen Sie aus:\n\n- Vorname\n- Name\n\n| Feld | Pflicht |\n|---|---|\n| Name | ja |\n\n"
        "```\ncurl -X POST https://example.org/api/v1/upload --data @datei.xml\n```\n\n"
        '{{<alert color="warning">}}\nHöchstens 50 MB.\n{{</alert>}}')),
    ("Schritt-08", ["dialog"], row("Schritt-08", "dialog", "50")),
    ("Schritt-09", ["small"], row("Schritt-09", "small")),
    ("Vorher-Nachher", ["phone", "phone"],
     ('### Vorher-Nachher\n\n<div class="two_column">\n<div class="left_col">\n'
      '<img src="/img/phone.png" alt="Vorher">\n</div>\n<div class="right_col">\n'
      '<img src="/img/phone.png" alt="Nachher">\n</div>\n</div>\n')),
    ("Symbol-Satz", ["icon"], "Symbol-Satz: Klicken Sie auf ![Menü](/img/icon.png) oben rechts.\n"),
    ("Schritt-10", ["strip"], flex("Schritt-10", ["strip"])),
    ("Schritt-11", ["tall"], flex("Schritt-11", ["tall"])),
    ("Schritt-12", ["dialog"], "## Kopf-12 Ein langer Schritt\n\n" + two_column(
        "Schritt-12", "dialog",
        "\n\n".join(f"Absatz-{i:02d}. {LONG}" for i in range(16)) + "\n\nEnde-12.")),
    ("Schritt-13", ["form"], two_column(
        "Schritt-13", "form",
        "Wählen Sie nacheinander:\n\n" + "\n".join(
            f"{i}. Punkt-{i:02d}: Wählen Sie die Option {i} und bestätigen Sie mit OK."
            for i in range(1, 46)))),
    ("Rahmen-1", ["dialog"], framework("Rahmen-1", "dialog", "grid grid-cols-1 md:grid-cols-2 gap-4")),
    ("Rahmen-2", ["form"], framework("Rahmen-2", "form", "flex flex-col md:flex-row", ("w-1/2", "w-1/2"))),
    ("Rahmen-3", ["wide"], framework("Rahmen-3", "wide", "d-flex gap-3", ("w-50", "w-50"))),
    ("Rahmen-4", ["square"], framework("Rahmen-4", "square", "columns", ("column", "column is-half"))),
    ("Rahmen-5", ["dialog"], framework("Rahmen-5", "dialog", "grid-x grid-margin-x",
                                        ("cell medium-6", "cell medium-6"))),
] + [
    (f"Schritt-{n}", [pic], two_column(f"Schritt-{n}", pic, "Klicken Sie auf die Schaltfläche "
                                       "und prüfen Sie das Ergebnis. " * (1 + n % 4)))
    for n, pic in zip(range(14, 30), ["wide", "dialog", "phone", "small", "square", "form"] * 3)
]


def screenshot(path, size):
    w, h = size
    im = Image.new("RGB", size, (248, 249, 250))
    draw = ImageDraw.Draw(im)
    draw.rectangle([0, 0, w - 1, min(40, h // 5)], fill=(29, 79, 145))
    for y in range(60, h - 30, 40):
        draw.rectangle([20, y, w - 20, y + 24], outline=(170, 170, 170), fill="white")
    draw.rectangle([0, 0, w - 1, h - 1], outline=(200, 0, 0), width=3)
    im.save(path)


@pytest.fixture(scope="module", params=sorted(PAPERS), ids=lambda p: f"{p[0]}-{p[1]}")
def built(request, tmp_path_factory):
    paper, sides = request.param
    root = tmp_path_factory.mktemp(f"steps-{paper}")
    body = "Einleitung.\n\n" + "\n".join(markdown for _m, _p, markdown in STEPS) + "\nSchluss.\n"
    write_site(root, {
        "manualgen.toml": f'hugo_config = "hugo.toml"\n[print]\npaper = "{paper}"\nsides = "{sides}"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/steps/_index.md": page("Schritte", 1, "Kapitel."),
        "content/de/steps/1_all.md": page("Alle Varianten", 1, body),
    })
    (root / "static/img").mkdir(parents=True)
    for name, size in SIZES.items():
        screenshot(root / f"static/img/{name}.png", size)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--html",
                 "--no-cache", "--jobs", "1", "-q"]) == 0
    pdf = next(out.glob("*.pdf"))
    return PAPERS[request.param], pdf, pdf.with_suffix(".html").read_text(encoding="utf-8")


def pdf_layout(pdf):
    """(text of each page, pictures in reading order as (page, (left, bottom, right, top)))."""
    doc = pdfium.PdfDocument(pdf)
    texts, pictures = [], []
    for number in range(len(doc)):
        pg = doc[number]
        texts.append(pg.get_textpage().get_text_range())
        boxes = [obj.get_bounds() for obj in
                 pg.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=5)]
        pictures += [(number, box) for box in sorted(boxes, key=lambda b: (-round(b[3]), b[0]))]
    sizes = [doc[n].get_size() for n in range(len(doc))]
    return texts, pictures, sizes


def page_of(texts, needle):
    found = [n for n, text in enumerate(texts) if needle in text]
    assert found, f"{needle!r} is not in the PDF"
    return found[0]


def test_each_step_shares_a_page_with_its_pictures(built):
    _geometry, pdf, _html = built
    texts, pictures, _sizes = pdf_layout(pdf)
    assert len(pictures) == sum(len(p) for _m, p, _md in STEPS), "a picture vanished or doubled"
    assert len({n for n, _box in pictures}) >= 8, "too few pages to cross page breaks"
    queue = iter(pictures)
    for marker, names, _markdown in STEPS:
        text_page = page_of(texts, marker)
        for name in names:
            picture_page, _box = next(queue)
            assert picture_page == text_page, (
                f"{marker}: text on page {text_page + 1}, {name} on page {picture_page + 1}")


def test_pictures_stay_in_the_page_area_unstretched_and_never_enlarged(built):
    (side, top_bottom, step_max), pdf, _html = built
    _texts, pictures, sizes = pdf_layout(pdf)
    names = [name for _m, pics, _md in STEPS for name in pics]
    for (number, (left, bottom, right, top)), name in zip(pictures, names):
        width, height = sizes[number]
        where = f"{name} on page {number + 1}"
        assert left >= side * MM - 1 and right <= width - side * MM + 1, f"{where}: beside the text"
        assert bottom >= top_bottom * MM - 1 and top <= height - top_bottom * MM + 1, (
            f"{where}: above or below the text")
        px_w, px_h = SIZES[name]
        assert right - left <= px_w * 0.75 + 0.5, f"{where}: enlarged beyond 96 px/in"
        assert (right - left) / (top - bottom) == pytest.approx(px_w / px_h, rel=0.03), (
            f"{where}: distorted")
        assert top - bottom <= step_max * MM + 1, f"{where}: taller than a step picture may be"
        if name == "icon":  # in the line of text, no taller than it
            assert top - bottom <= 1.4 * 10 + 0.5, f"{where}: an icon as tall as a picture"


def test_a_step_taller_than_a_page_is_cut_cleanly(built):
    _geometry, pdf, html = built
    texts, _pictures, _sizes = pdf_layout(pdf)
    # The heading stays with the step, the step's head with its picture (first test), and
    # nothing of the text is lost; the rest follows at full width.
    assert page_of(texts, "Kopf-12") == page_of(texts, "Schritt-12")
    everything = "".join(texts)
    for i in range(16):
        assert f"Absatz-{i:02d}" in everything
    assert page_of(texts, "Ende-12") > page_of(texts, "Schritt-12")
    assert html.count('class="step-more"') == 2
    # A long numbered list is cut between items and keeps counting.
    for i in range(1, 46):
        assert f"Punkt-{i:02d}" in everything
    start = re.search(r'<ol start="(\d+)">\s*<li>\s*Punkt-(\d+)', html)
    assert start and start.group(1) == str(int(start.group(2)))


def test_layout_classes(built):
    _geometry, _pdf, html = built
    assert html.count('class="columns columns-3 columns-media"') == 1  # text + two pictures
    assert 'class="step-media stack stack-row" style="--stack: 3"' in html  # three phones
    assert 'class="step-media stack" style="--stack: 2"' in html
    assert "&nbsp;" not in html and "\u00a0</p>" not in html
    assert re.search(r'<img [^>]*icon\.png[^>]*>', html).group().count("inline-image") == 1


# --- the reshaping alone (no PDF) -------------------------------------------------------


def reshape(tmp_path, html, paper="a4"):
    from types import SimpleNamespace

    from manualgen.assemble.html import parse_fragment, serialize_children
    from manualgen.assemble.steps import standalone_figures, steps
    from manualgen.config import load_settings
    from manualgen.geometry import PrintGeometry

    site = write_site(tmp_path / "site", {
        "manualgen.toml": f'hugo_config = "hugo.toml"\n[print]\npaper = "{paper}"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
    })
    ctx = SimpleNamespace(geometry=PrintGeometry.from_settings(load_settings(site)),
                          labels={"figure": "Abbildung", "missing_image": "Bild fehlt"})
    job = SimpleNamespace(ctx=ctx, page=SimpleNamespace(title=""))
    root = parse_fragment(html)
    steps(root, job)
    standalone_figures(root, job)
    return serialize_children(root)


def img(name, w, h):
    return (f'<img class="screenshot" src="/img/{name}.png" alt="" width="{w}" height="{h}" '
            f'data-aspect="{w / h:.3f}">')


def test_a_flex_column_stacks_and_an_inline_grid_is_a_step(tmp_path):
    stacked = reshape(tmp_path / "a", '<div style="display: flex; flex-direction: column">'
                      f'<div><p>Oben</p></div><div>{img("a", 1200, 900)}</div></div>')
    assert "step" not in stacked and "display" not in stacked  # WeasyPrint's flex loses content
    grid = reshape(tmp_path / "b", '<div style="display: grid; grid-template-columns: 1fr 2fr">'
                   f'<div><p>Text</p></div><div>{img("a", 1200, 900)}</div></div>')
    assert '<div class="step"><div class="step-text"><p>Text</p>' in grid
    text_only = reshape(tmp_path / "c", '<div style="display:grid;grid-template-columns:'
                        'repeat(2, minmax(0, 1fr)) 2fr"><div>A</div><div>B</div><div>C</div></div>')
    assert re.findall(r'--w: ([\d.]+)%', text_only) == ["25", "25", "50"]
    written = reshape(tmp_path / "d", '<div class="row row-layout"><div class="column-layout" '
                      'data-width="30 %">A</div><div class="column-layout" data-width="x">B</div>'
                      '<div class="column-layout">C</div></div>')
    assert re.findall(r'style="([^"]*)"', written) == ["--w: 30%"]


@pytest.mark.parametrize("outer, inner, is_step", [
    ("grid grid-cols-2", ("", ""), True), ("grid sm:grid-cols-3", ("", ""), True),
    ("flex items-start", ("", ""), True), ("md:flex", ("", ""), True),
    ("flex flex-col lg:flex-row", ("", ""), True), ("d-md-flex", ("", ""), True),
    ("d-flex flex-column flex-md-row", ("", ""), True), ("columns", ("column", "column"), True),
    ("grid-x", ("cell", "cell"), True), ("pure-g", ("pure-u-1-2", "pure-u-1-2"), True),
    ("flex flex-col", ("", ""), False), ("d-flex flex-column", ("", ""), False),
    ("grid grid-cols-1", ("", ""), False), ("grid", ("", ""), False),
    ("columns", ("box", "box"), False), ("flexible", ("", ""), False),
])
def test_a_css_frameworks_row_of_text_and_picture_is_a_step(tmp_path, outer, inner, is_step):
    """Tailwind, Bootstrap, Bulma, Foundation and Pure lay columns out by class: a row of
    text and a screenshot is a step (kept on one page); a box stacked at every width is not."""
    out = reshape(tmp_path, f'<div class="{outer}"><div class="{inner[0]}"><p>Text</p></div>'
                  f'<div class="{inner[1]}">{img("a", 1200, 900)}</div></div>')
    assert ('<div class="step"><div class="step-text"><p>Text</p>' in out) is is_step, out


@pytest.mark.parametrize("html", [
    # a picture of the box's own beside its two columns: nothing is dropped
    ('<div class="d-flex"><div><p>Text</p></div><div>{shot}</div><img src="/img/b.png" '
     'alt="" width="900" height="600"></div>'),
    # a grid of cards, more of them than its columns: not one row of six
    '<div class="grid grid-cols-3">' + "".join(f"<div><p>Karte {n}</p></div>" for n in range(6))
    + "</div>",
    '<div class="columns is-multiline">' + "".join(
        f'<div class="column is-one-third"><p>Karte {n}</p></div>' for n in range(6)) + "</div>",
    # an alert's icon beside its words is no screenshot; a namespace prefix is no breakpoint
    '<div class="flex items-center"><div>{icon}</div><div><p>Ein Hinweis.</p></div></div>',
    '<div class="hx:flex hx:rounded-lg"><div>{shot}</div><div><p>Text</p></div></div>',
])
def test_a_frameworks_box_that_is_not_a_step_prints_as_written(tmp_path, html):
    """Found by review: classes alone made columns of card grids (one row of six), dropped
    a picture beside the columns and printed an alert's icon as a screenshot."""
    html = html.format(shot=img("a", 1200, 900), icon=img("i", 24, 24))
    out = reshape(tmp_path, html)
    assert "step" not in out and "columns-" not in out, out
    assert out.count("<img") == html.count("<img") and out.count("<p>") == html.count("<p>")


def test_content_beside_the_two_columns_is_kept(tmp_path):
    html = reshape(tmp_path, '<div class="two_column"><p>Vorher</p><div class="left_col"><p>Text'
                   f'</p></div><div class="right_col">{img("a", 800, 600)}</div><p>Danach</p></div>')
    assert re.search(r"<p>Vorher</p>\s*<div class=\"step\">.*</div>\s*<p>Danach</p>", html, re.DOTALL)
    # An empty column leaves no columns: the picture is a figure of its own.
    html = reshape(tmp_path / "b", '<div class="two_column"><div class="left_col">\u00a0</div>'
                   f'<div class="right_col">{img("a", 800, 600)}</div></div>')
    assert "step" not in html and "column" not in html.replace("right_col", "")
    assert '<figure class="screenshot-figure">' in html


def test_a_long_list_beside_a_picture_goes_on_below_it(tmp_path):
    items = "".join(f"<li>Punkt {i}: wählen Sie die Option {i} und bestätigen Sie mit OK.</li>"
                    for i in range(1, 61))
    source = (f'<div class="two_column"><div class="left_col"><p>Start</p><ol start="3">{items}'
              f'</ol><p>Ende</p></div><div class="right_col">{img("a", 1200, 900)}</div></div>')
    html = reshape(tmp_path, source)
    head, more = html.split('<div class="step-more">')
    assert 'class="step step-split"' in head and "Punkt 1:" in head and "Ende" in more
    first_rest = int(re.search(r"Punkt (\d+):", more).group(1))
    assert f'<ol start="{first_rest + 2}">' in more  # the numbering goes on
    assert all(f"Punkt {i}:" in html for i in range(1, 61))
    # One paragraph longer than a page cannot be cut: the step may break instead.
    long = reshape(tmp_path / "b", '<div class="two_column"><div class="left_col"><p>'
                   + "Wort " * 3000 + f'</p></div><div class="right_col">{img("a", 800, 600)}'
                   "</div></div>")
    assert 'class="step step-long"' in long


def test_icons_in_a_sentence_stay_in_the_line(tmp_path):
    html = reshape(tmp_path, f'<p>Klicken Sie auf {img("icon", 24, 24)} oben.</p>'
                   f'<div><strong>Dann</strong> auf {img("button", 120, 32)}</div>'
                   f'<div>Code:\n{img("strip", 806, 60)}</div><p>{img("alone", 24, 24)}</p>')
    assert html.count("inline-image") == 2
    # An icon in a column's text does not make the column's picture one of a stack.
    columns = reshape(tmp_path / "b", '<div style="display: flex"><div>Text</div><div>Auf '
                      f'{img("icon", 24, 24)} klicken: {img("a", 800, 600)}</div>'
                      f'<div>{img("b", 800, 600)}</div></div>')
    assert "inline-image" in columns and "stack" not in columns
    assert re.search(r'<figure class="screenshot-figure"><img[^>]*alone', html)


def test_a_numbered_step_with_its_screenshot_under_it_stays_on_one_page(tmp_path):
    """Steps written as a Markdown list, the screenshot indented under each item's text, and
    a sentence that introduces a screenshot: text and picture are never a page apart."""
    files = {"content/fr/_index.md": page("Accueil", body="Texte.\n")}
    items = "".join(f"{i}. Klicken Sie auf **Schritt {i}** und prüfen Sie das Formular.\n\n"
                    f"   ![Dialog](/img/{'dialog' if i % 2 else 'wide'}.png)\n\n"
                    for i in range(1, 9))
    intro = "".join(f"Ansicht {i} zeigt die Übersicht.\n\n![Ansicht](/img/dialog.png)\n\n"
                    for i in range(1, 5))
    files["content/de/_index.md"] = page("Liste", body=f"So geht es:\n\n{items}\n{intro}")
    site = write_site(tmp_path / "site", files)
    (site / "static/img").mkdir(parents=True)
    for name in ("dialog", "wide"):
        screenshot(site / f"static/img/{name}.png", SIZES[name])
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "--no-cache",
                 "-q"]) == 0
    pdf = pdfium.PdfDocument(out / "test-manual-de.pdf")
    seen = 0
    for index in range(len(pdf)):
        pg = pdf[index]
        text = pg.get_textpage().get_text_range()
        markers = len(re.findall(r"Schritt \d|Ansicht \d", text))
        images = sum(1 for obj in pg.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]))
        assert markers == images, f"page {index + 1}: {markers} texts, {images} pictures"
        seen += markers
    assert seen == 12
