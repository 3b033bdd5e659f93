"""A small site of the layouts writers produce that are hardest to print for a binder.

tests/hostile_site.py pushes sizes; this site pushes shapes: Bootstrap grids
(``row``/``col-md-6``) and inline CSS grid and flex blocks nested inside list items, grid
shortcodes of three and four columns inside a numbered list, steps with two and three
screenshots, SVG drawings that give only a viewBox (or nothing), a picture inside a table
cell, figures with captions of several lines, FAQ answers (``details``) holding pictures and
tables, alerts holding code, a 300-character unbroken cell, a long web address in running
text, headings that fall near the foot of a page, and a list of 200 items.

Each step's text opens with a ``Step-NN`` marker and its pictures are named after it
(``stepNN-a.png``…), so a test can find the page of both. ``write_binder_site(root)``
returns the site's :class:`Layout`: the markers of every block and each step's pictures.
"""

from __future__ import annotations

import dataclasses

from PIL import Image, ImageDraw

from .conftest import page, write_site

COMPOUND = "Krankenhausfinanzierungsdatenübermittlungsverordnungsänderung"
SVG_VIEWBOX = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100">'
               '<rect x="2" y="2" width="396" height="96" fill="#e8eef7" stroke="#1d4f91"/>'
               '<text x="20" y="60" font-size="30">Ablauf</text></svg>')
SVG_BARE = ('<svg xmlns="http://www.w3.org/2000/svg">'
            '<rect x="2" y="2" width="200" height="80" fill="#f7e8e8" stroke="#911d1d"/></svg>')


@dataclasses.dataclass
class Layout:
    """What the site holds: marker words, and each step's marker with its pictures."""

    words: list[str] = dataclasses.field(default_factory=list)
    steps: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    # a figure's picture → the marker words that open and end its caption
    figures: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    headings: list[str] = dataclasses.field(default_factory=list)
    tokens: list[str] = dataclasses.field(default_factory=list)  # hashes: printed as written
    pictures: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)

    def mark(self) -> str:
        word = f"Bm{len(self.words) + 1:04d}"
        self.words.append(word)
        return word

    def picture(self, name: str, size: tuple[int, int]) -> str:
        self.pictures[name] = size
        return f"/img/{name}.png"

    def step(self, sizes: list[tuple[int, int]]) -> tuple[str, list[str]]:
        marker = f"Step-{len(self.steps) + 1:02d}"
        names = [f"step{len(self.steps) + 1:02d}-{chr(97 + i)}" for i in range(len(sizes))]
        for name, size in zip(names, sizes):
            self.pictures[name] = size
        self.steps[marker] = names
        self.words.append(marker)
        return marker, names


def sentence(lay: Layout, words: int = 14) -> str:
    filler = ["Wählen", "Sie", "im", "Menü", "den", "Eintrag", "aus", "und", "prüfen", "Sie",
              "die", "angezeigten", "Werte", "sorgfältig", "bevor", "Sie", "weiterfahren"]
    return " ".join([lay.mark()] + (filler * 3)[: words - 1]) + "."


def screenshot(path, size):
    w, h = size
    im = Image.new("RGB", size, (248, 249, 250))
    draw = ImageDraw.Draw(im)
    draw.rectangle([0, 0, w - 1, max(2, min(40, h // 6))], fill=(29, 79, 145))
    for y in range(50, h - 20, 36):
        draw.rectangle([min(12, w // 4), y, max(w - 12, w * 3 // 4), y + 20],
                       outline=(170, 170, 170), fill="white")
    draw.rectangle([0, 0, w - 1, h - 1], outline=(200, 0, 0), width=max(1, min(3, w // 8)))
    im.save(path)


# --- steps -------------------------------------------------------------------------------

def two_column(lay: Layout, sizes, text: str) -> str:
    """A step as the example content writes it; several pictures stack in the right column."""
    marker, names = lay.step(sizes)
    images = "\n".join(f'{{{{<insertImage image="{n}.png" class="edge max-w-90" '
                       f'description="Bildschirm {n}">}}}}' for n in names)
    return (f'<div class="two_column">\n\n<div class="left_col">\n{{{{<markdown>}}}}\n'
            f"{marker} {text}\n{{{{</markdown>}}}}\n</div>\n\n<div class=\"right_col\">\n"
            f"{images}\n</div>\n</div>\n\n&nbsp;\n")


def bootstrap_row(lay: Layout, sizes, text: str, indent: str = "") -> str:
    """A step as Bootstrap's grid writes it: ``row`` and two ``col-md-6``."""
    marker, names = lay.step(sizes)
    images = "".join(f'<img src="/img/{n}.png" alt="Bildschirm {n}" class="img-fluid">'
                     for n in names)
    return (f'{indent}<div class="row"><div class="col-md-6">\n\n{indent}{marker} {text}\n\n'
            f'{indent}</div><div class="col-md-6">{images}</div></div>\n')


def css_grid(lay: Layout, sizes, text: str, indent: str = "") -> str:
    marker, names = lay.step(sizes)
    images = "".join(f'<img src="/img/{n}.png" alt="Bildschirm {n}">' for n in names)
    return (f'{indent}<div style="display: grid; grid-template-columns: 1fr 2fr; gap: 1rem">'
            f"<div>\n\n{indent}{marker} {text}\n\n{indent}</div><div>{images}</div></div>\n")


def css_flex(lay: Layout, sizes, text: str, indent: str = "") -> str:
    marker, names = lay.step(sizes)
    images = "".join(f'<img src="/img/{n}.png" alt="Bildschirm {n}">' for n in names)
    return (f'{indent}<div style="display:flex;gap:16px"><div style="flex:1">\n\n'
            f"{indent}{marker} {text}\n\n{indent}</div>"
            f'<div style="flex:1">{images}</div></div>\n')


def grid_item(lay: Layout, number: int, sizes) -> str:
    """A numbered item whose words introduce a row of grid shortcode columns, each column
    words over a picture: the item's words and every column are steps of their own."""
    marker, names = lay.step(sizes)
    cols = []
    for i, name in enumerate(names):
        column = f"{marker}{chr(97 + i)}"
        lay.steps[column] = [name]
        lay.words.append(column)
        cols.append(f"{{{{<layouts/column>}}}}\n{{{{<markdown>}}}}\n{column} {sentence(lay, 10)} "
                    f"{COMPOUND}\n{{{{</markdown>}}}}\n"
                    f'{{{{<insertImage image="{name}.png">}}}}\n{{{{</layouts/column>}}}}')
    return (f"{number}. {marker} {sentence(lay)}\n\n   {{{{<layouts/grid>}}}}{{{{<layouts/row>}}}}"
            f"{''.join(cols)}{{{{</layouts/row>}}}}{{{{</layouts/grid>}}}}\n")


def steps_page(lay: Layout) -> str:
    long_text = "\n\n".join(sentence(lay, 40) for _ in range(26))
    return "\n".join([
        "Einleitung.\n",
        two_column(lay, [(1200, 900)], long_text),
        two_column(lay, [(1200, 700), (1200, 700)], sentence(lay)),
        two_column(lay, [(800, 600), (800, 600), (800, 600)], sentence(lay)),
        two_column(lay, [(400, 2400)], sentence(lay)),
        two_column(lay, [(2400, 400)], sentence(lay)),
        two_column(lay, [(16, 16)], sentence(lay)),
        bootstrap_row(lay, [(1200, 900)], sentence(lay)),
        css_grid(lay, [(1200, 900)], sentence(lay)),
        css_flex(lay, [(1200, 900), (1200, 600)], sentence(lay)),
    ])


def nested_page(lay: Layout) -> str:
    """Columns inside list items: the shapes writers indent under a numbered step."""
    pad = "   "
    return "\n".join([
        f"1. {sentence(lay)}\n",
        bootstrap_row(lay, [(1200, 900)], sentence(lay), pad),
        f"2. {sentence(lay)}\n",
        css_grid(lay, [(1000, 800)], sentence(lay), pad),
        f"3. {sentence(lay)}\n",
        css_flex(lay, [(900, 700)], sentence(lay), pad),
        grid_item(lay, 4, [(1200, 900), (1800, 600), (400, 1600)]),
        grid_item(lay, 5, [(1200, 900), (1800, 600), (400, 1600), (1200, 900)]),
        f"- {sentence(lay)}\n",
        "  " + bootstrap_row(lay, [(1200, 800), (1200, 800)], sentence(lay)).replace("\n", "\n  "),
    ])


# --- blocks ------------------------------------------------------------------------------

def captioned_figure(lay: Layout, name: str, size: tuple[int, int], sentences: int) -> str:
    """A figure whose caption opens and ends with a marker word (``lay.figures``)."""
    first, last = lay.mark(), lay.mark()
    lay.figures[name] = (first, last)
    words = "Die Abbildung zeigt die Übersicht der Lieferungen mit allen Spalten und Werten,"
    caption = " ".join([first, *[words] * sentences, last])
    return (f'{{{{< figure src="{lay.picture(name, size)}" alt="Übersicht" '
            f'caption="{caption}" >}}}}\n')


def figures_and_drawings(lay: Layout) -> str:
    return "\n".join([
        f"{sentence(lay)}\n",
        captioned_figure(lay, "figure", (1800, 600), 6),
        f"{sentence(lay)}\n",
        captioned_figure(lay, "figure-tall", (500, 3000), 16),
        f"{sentence(lay)} ![Ablauf](/img/flow.svg) {lay.mark()}\n",
        f"![Leer](/img/bare.svg)\n\n{sentence(lay)}\n",
        f"{sentence(lay)} ![Symbol]({lay.picture('icon', (16, 16))}) {lay.mark()}\n",
        (f"| {lay.mark()} Bild | {lay.mark()} Text |\n|---|---|\n"
         f"| ![Dialog]({lay.picture('dialog', (1200, 900))}) | {sentence(lay)} |\n"
         f"| ![Hoch]({lay.picture('phone', (400, 1600))}) | {COMPOUND} {lay.mark()} |\n"),
    ])


def tables_and_code(lay: Layout) -> str:
    head = "| " + " | ".join(f"Spalte {lay.mark()}" for _ in range(12)) + " |"
    rows = ["| " + " | ".join(f"{lay.mark()} {COMPOUND[: 8 + i]}" for i in range(12)) + " |"
            for _ in range(3)]
    solid = lay.mark() + "".join(f"{i:02x}a7f3c9e1" for i in range(29))  # 300 characters
    lay.tokens.append(solid)
    long_url = (f"https://dataloom.example.org/api/v2/hospitals/deliveries/{lay.mark()}/"
                "validation-results/attachments?filter=status%3Dopen&sort=-created_at&"
                "page=12&per_page=100&fields=id,name,status,created_at,updated_at")
    code_line = (f"dataloom upload --hospital 4711 --year 2025 --file {lay.mark()}.xml "
                 + " ".join(f"--option-{i}=value{i}" for i in range(12)))[:200]
    return "\n".join([
        f"{sentence(lay)}\n",
        head, "|" + "---|" * 12, *rows, "",
        f"| {lay.mark()} Prüfsumme | Wert |\n|---|---|\n| SHA | {solid} |\n",
        (f"| {lay.mark()} | Beschreibung |\n|---|---|\n"
         f"| Kennung | {' '.join(sentence(lay, 40) for _ in range(3))} |\n"),
        f"```text\n{code_line}\n{code_line}\n```\n",
        f"{sentence(lay)} Die Adresse {long_url} öffnet die Liste. {sentence(lay)}\n",
        f"{sentence(lay)} Die {COMPOUND}{COMPOUND} {lay.mark()} gilt ab Januar.\n",
        (f'{{{{<alert color="info">}}}}\n{sentence(lay)}\n\n```bash\n{code_line}\n```\n'
         f"{{{{</alert>}}}}\n"),
    ])


def faq(lay: Layout) -> str:
    answers = []
    for picture in ("dialog", "phone"):
        answers.append(
            f"<details><summary>{lay.mark()} Wie lade ich eine {COMPOUND} hoch?</summary>\n\n"
            f"{sentence(lay)}\n\n![Dialog](/img/{picture}.png)\n\n"
            f"| {lay.mark()} Feld | Pflicht |\n|---|---|\n| Name | ja |\n| {COMPOUND} | nein |\n\n"
            "</details>\n")
    answers.append(
        f'{{{{<faqBlock>}}}}\n{{{{<numberedList>}}}}\n{{{{<listItem>}}}}\n{lay.mark()} Frage?\n'
        f'{{{{<collapsibleBlock groupId="g">}}}}\n{{{{<markdown>}}}}\n{sentence(lay)}\n\n'
        f"![Dialog](/img/dialog.png)\n\n| {lay.mark()} A | B |\n|---|---|\n| x | y |\n"
        f"{{{{</markdown>}}}}\n{{{{</collapsibleBlock>}}}}\n{{{{</listItem>}}}}\n"
        f"{{{{</numberedList>}}}}\n{{{{</faqBlock>}}}}\n")
    return "\n".join(answers)


def headings_page(lay: Layout) -> str:
    """Paragraphs of growing length between headings, so that some heading falls at the
    foot of a page whatever the paper."""
    parts = []
    for i in range(18):
        heading = f"Abschnitt {lay.mark()}"
        lay.headings.append(heading)
        parts.append(f"## {heading}\n\n" + "\n\n".join(sentence(lay, 30) for _ in range(1 + i % 4))
                     + "\n")
        if i % 3 == 2:
            parts.append(f"### Unterabschnitt {lay.mark()}\n\n{sentence(lay)}\n")
    return "\n".join(parts)


def long_list(lay: Layout) -> str:
    """200 numbered items, then a list that starts at 998 and counts past 1000."""
    return ("\n".join(f"{i}. Eintrag {lay.mark()}" for i in range(1, 201)) + "\n\nText.\n\n"
            + "\n".join(f"{i}. Posten {lay.mark()}" for i in range(998, 1003)) + "\n")


def write_binder_site(root, paper: str = "a4", sides: str = "twoside") -> Layout:
    """Write the site; return its layout."""
    lay = Layout()
    files = {
        "manualgen.toml": f'hugo_config = "hugo.toml"\n[print]\npaper = "{paper}"\n'
                          f'sides = "{sides}"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/b/_index.md": page("Binder", 1, "Kapitel."),
        "content/de/b/1_steps.md": page("Schritte", 1, steps_page(lay)),
        "content/de/b/2_nested.md": page("Verschachtelt", 2, nested_page(lay)),
        "content/de/b/3_figures.md": page("Abbildungen", 3, figures_and_drawings(lay)),
        "content/de/b/4_tables.md": page("Tabellen", 4, tables_and_code(lay)),
        "content/de/b/5_faq.md": page("Fragen", 5, faq(lay)),
        "content/de/b/6_headings.md": page("Überschriften", 6, headings_page(lay)),
        "content/de/b/7_list.md": page("Liste", 7, long_list(lay)),
        "static/img/flow.svg": SVG_VIEWBOX,
        "static/img/bare.svg": SVG_BARE,
    }
    write_site(root, files)
    (root / "static/img").mkdir(parents=True, exist_ok=True)
    shared = {"dialog": (1200, 900), "phone": (400, 1600), "wide": (1800, 600)}
    for name, size in {**lay.pictures, **shared}.items():
        screenshot(root / f"static/img/{name}.png", size)
    lay.pictures.update(shared)
    return lay
