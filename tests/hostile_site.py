"""A small site of hostile but realistic pages, drawn from a seed.

The shapes are the ones manuals print (steps with text beside a screenshot as the example
content writes them, tables, code, alerts, FAQ blocks, column layouts, math, footnotes),
pushed to sizes real pages reach: screenshots taller or wider than a page, a step longer
than a page, twelve-column tables of URLs and identifiers, 300-character code lines,
headings of 300 characters, lists eight levels deep.

Every block carries marker words (``Mk`` + a number, never in an alt text, which does not
print) so that a test can tell whether its text reached the PDF. ``write_hostile_site(root, seed)`` returns the markers it wrote.
"""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from .conftest import page, write_site

COMPOUNDS = ["Donaudampfschifffahrtsgesellschaftskapitänsmütze",
             "Rechtsschutzversicherungsgesellschaften",
             "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung",
             "Kraftfahrzeughaftpflichtversicherungsbedingungen"]
SIZES = {"tall": (500, 6000), "wide": (6000, 300), "tiny": (8, 8), "dialog": (1200, 900),
         "phone": (400, 1600), "strip": (3000, 120)}


class Markers:
    """Hands out numbered marker words and remembers them."""

    def __init__(self):
        self.words: list[str] = []

    def __call__(self) -> str:
        word = f"Mk{len(self.words) + 1:04d}"
        self.words.append(word)
        return word


def screenshot(path, size, rng):
    w, h = size
    im = Image.new("RGB", size, (248, 249, 250))
    draw = ImageDraw.Draw(im)
    for y in range(0, h, 40):
        draw.rectangle([4, y + 4, w - 4, y + 28], outline=(170, 170, 170),
                       fill=(rng.randrange(200, 255), 255, 255))
    draw.rectangle([0, 0, w - 1, h - 1], outline=(200, 0, 0), width=max(1, min(w, h) // 50))
    im.save(path)


def url(rng, mark):
    path = "/".join(rng.choice(["api", "v2", "hospitals", "deliveries", "validation-results",
                                "attachments"]) for _ in range(rng.randrange(3, 7)))
    return f"https://dataloom.example.org/{path}/{mark}?filter=status%3Dopen&sort=-created_at"


def identifier(rng, mark):
    return mark + "_" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                                for _ in range(rng.randrange(30, 60)))


def sentence(m, words=12):
    return " ".join([m()] + ["Klicken", "Sie", "auf", "Weiter", "und", "prüfen", "Sie",
                             "das", "Ergebnis"][: max(1, words - 1)]) + "."


def step(m, picture, text):
    """A step as the example content writes it: two_column, markdown beside insertImage."""
    return (f'<div class="two_column">\n\n<div class="left_col">\n{{{{<markdown>}}}}\n'
            f"{text}\n{{{{</markdown>}}}}\n</div>\n\n<div class=\"right_col\">\n"
            f'{{{{<insertImage image="{picture}.png" class="edge max-w-90" '
            f'description="Bildschirm">}}}}\n</div>\n</div>\n\n&nbsp;\n')


def steps_page(m, rng):
    long_text = "\n\n".join(sentence(m, 30) * 2 for _ in range(rng.randrange(28, 36)))
    return "\n".join([
        "## " + m() + " Schritte", "",
        step(m, "tall", sentence(m)),
        step(m, "wide", sentence(m)),
        step(m, "tiny", sentence(m)),
        step(m, "dialog", long_text),
        step(m, "phone", f"{sentence(m)}\n\n`{identifier(rng, m())}`\n\n{url(rng, m())}"),
    ])


def table(m, rng, columns=12, rows=4):
    def cell():
        kind = rng.randrange(4)
        if kind == 0:
            return url(rng, m())
        if kind == 1:
            return identifier(rng, m())
        if kind == 2:
            return rng.choice(COMPOUNDS) + m()
        return m()
    head = "| " + " | ".join(f"Spalte{m()}" for _ in range(columns)) + " |"
    rule = "|" + "---|" * columns
    body = ["| " + " | ".join(cell() for _ in range(columns)) + " |" for _ in range(rows)]
    return "\n".join([head, rule, *body]) + "\n"


def code_block(m, rng):
    spaced = " ".join(f"arg{m()}" for _ in range(30))
    solid = "".join(identifier(rng, m()) for _ in range(5))
    return f"```bash\ncurl -X POST {url(rng, m())} {spaced}\n{solid}\n```\n"


def nested_list(m, depth=8):
    lines = []
    for level in range(depth):
        pad = "  " * level
        lines.append(f"{pad}- {m()} Ebene {level + 1}")
        if level % 2:
            lines.append(f"{pad}  ![Bildschirm](/img/dialog.png)")
    return "\n".join(lines) + "\n"


def alert(m, rng):
    return (f'{{{{<alert color="warning">}}}}\n{sentence(m)}\n\n{table(m, rng, 6, 2)}\n'
            f"{code_block(m, rng)}\n{{{{</alert>}}}}\n")


def columns_html(m, count):
    cols = "\n".join(f'<div class="col">\n\n{sentence(m, 20)} '
                     f"{COMPOUNDS[i % len(COMPOUNDS)]}{m()}\n\n"
                     f'<img src="/img/{["dialog", "wide", "tall", "phone"][i]}.png" alt="Bildschirm">\n\n'
                     f"</div>" for i in range(count))
    return f'<div class="row">\n{cols}\n</div>\n'


def grid_shortcode(m, count):
    cols = "".join(f"{{{{<layouts/column>}}}}\n{{{{<markdown>}}}}\n{sentence(m, 16)} "
                   f"{COMPOUNDS[i % len(COMPOUNDS)]}{m()}\n{{{{</markdown>}}}}\n"
                   f'{{{{<insertImage image="{["dialog", "wide", "tall", "phone"][i]}.png">}}}}\n'
                   f"{{{{</layouts/column>}}}}" for i in range(count))
    return f"{{{{<layouts/grid>}}}}{{{{<layouts/row>}}}}{cols}{{{{</layouts/row>}}}}{{{{</layouts/grid>}}}}\n"


def faq(m):
    return (f'{{{{<faqBlock>}}}}\n{{{{<numberedList>}}}}\n{{{{<listItem>}}}}\n'
            f"{m()} {COMPOUNDS[0]}{m()}?\n"
            f'{{{{<collapsibleBlock groupId="g">}}}}\n{{{{<markdown>}}}}\n{sentence(m)}\n\n'
            f"| A{m()} | B{m()} |\n|---|---|\n| ![Bildschirm](/img/dialog.png) | {COMPOUNDS[1]}{m()} |\n"
            f"{{{{</markdown>}}}}\n{{{{</collapsibleBlock>}}}}\n{{{{</listItem>}}}}\n"
            f"{{{{</numberedList>}}}}\n{{{{</faqBlock>}}}}\n")


def blocks_page(m, rng):
    heading = " ".join([m()] + ["Überschrift"] * 24)[:300]
    return "\n".join([
        "## " + heading, "", sentence(m), "",
        table(m, rng), "",
        (f"| Bild{m()} | Text{m()} |\n|---|---|\n| ![Bildschirm](/img/wide.png) | {sentence(m)} |\n"
        f"| ![Bildschirm](/img/tall.png) | {COMPOUNDS[2]}{m()} |\n"), "",
        code_block(m, rng), "",
        (f"Inline: `{identifier(rng, m())}{identifier(rng, m())}` und "
        f"`{url(rng, m())}` {sentence(m)}"), "",
        nested_list(m), "",
        alert(m, rng), "",
        columns_html(m, 3), "", columns_html(m, 4), "",
        grid_shortcode(m, 3), "", grid_shortcode(m, 4), "",
        faq(m), "",
        f"{{{{< math >}}}}$$\\sum_{{i=1}}^{{n}} x_i^2 + \\frac{{a}}{{b}} {m()}$${{{{< /math >}}}}\n",
        f"{sentence(m)}[^1] {COMPOUNDS[3]}{m()}.\n\n[^1]: {m()} {url(rng, m())}\n",
    ])


def more_page(m, rng):
    """Blocks inside a step's narrow text column, pictures the page sizes itself, long
    titles and formulas."""
    in_step = (f"{sentence(m)}\n\n{code_block(m, rng)}\n{table(m, rng, 5, 2)}\n"
               f"> {COMPOUNDS[0]}{m()} {identifier(rng, m())}\n")
    formula = "+".join(f"x_{{{i}}}" for i in range(80))
    return "\n".join([
        step(m, "dialog", in_step),
        f'<img src="/img/dialog.png" width="3000" alt="Bildschirm">\n\n{sentence(m)}\n',
        (f'<table style="width: 1400px"><tr><td style="width: 700px">{m()} {url(rng, m())}</td>'
        f"<td>{identifier(rng, m())}</td></tr></table>\n"),
        f'{{{{< figure src="/img/wide.png" caption="{m()} {COMPOUNDS[2]} {url(rng, m())}" >}}}}\n',
        f"{{{{< math >}}}}$${formula} {m()}$${{{{< /math >}}}}\n",
        f"Term{m()}\n: {identifier(rng, m())} {sentence(m)}\n",
        f"## {identifier(rng, m())}{identifier(rng, m())}\n\n{sentence(m)}\n",
        f"<kbd>{identifier(rng, m())}</kbd> [{url(rng, m())}]({url(rng, m())})\n",
        # drawings written in the page (no title: PDF/UA wants their words) and emoji no
        # font of the machine may draw (they print as a stand-in)
        (f'{sentence(m)} <svg width="16" height="16"><circle cx="8" cy="8" r="7"/></svg> '
         f'\u2705 {m()} \u274c\ufe0f {m()} \U0001f1e8\U0001f1ed\n\n'
         '<svg width="300" height="40" aria-label="Ablauf"><rect width="300" height="40" '
         'fill="#ddd"/></svg>\n'),
    ])


def shortcodes_page(m, rng):
    """Theme shortcodes holding long words and wide pictures."""
    tabs = "".join(f'{{{{% tab header="Tab{m()}" %}}}}\n{code_block(m, rng)}\n{{{{% /tab %}}}}\n'
                   for _ in range(2))
    cards = "".join(f'{{{{< card header="{m()} {COMPOUNDS[i]}" >}}}}\n{identifier(rng, m())} '
                    f"{sentence(m)}\n{{{{< /card >}}}}\n" for i in range(3))
    gallery = "".join(f'<img src="/img/{name}.png" class="grid-w33" alt="Bildschirm">\n'
                      for name in ["wide", "tall", "dialog", "phone", "strip", "tiny"])
    return "\n".join([
        f"{sentence(m)}\n",
        f"{{{{< tabpane text=true >}}}}\n{tabs}{{{{< /tabpane >}}}}\n",
        f"{{{{< cardpane >}}}}\n{cards}{{{{< /cardpane >}}}}\n",
        f"{{{{< gallery >}}}}\n{gallery}{{{{< /gallery >}}}}\n",
        (f"{{{{< image-grid >}}}}\n/img/wide.png|{m()} {COMPOUNDS[3]}, /img/tall.png|{m()}\n"
        f"{{{{< /image-grid >}}}}\n"),
        (f"<details><summary>{m()} {COMPOUNDS[1]}{identifier(rng, m())}</summary>\n\n"
        f"{table(m, rng, 8, 2)}\n</details>\n"),
    ])


def write_hostile_site(root, seed: int = 1, paper: str = "a4", sides: str = "twoside"):
    """Write the site; return the marker words its pages hold."""
    rng = random.Random(seed)
    m = Markers()
    long_title = " ".join(["Einstellungen", "der", "Lieferung"] * 20)
    files = {
        "manualgen.toml": f'hugo_config = "hugo.toml"\n[print]\npaper = "{paper}"\n'
                          f'sides = "{sides}"\n',
        "content/de/_index.md": page("Start", 0, "Start."),
        "content/de/h/_index.md": page("Kapitel", 1, "Kapitel."),
        "content/de/h/1_steps.md": page("Schritte", 1, steps_page(m, rng)),
        "content/de/h/2_blocks.md": page("Blöcke", 2, blocks_page(m, rng)),
        "content/de/i/_index.md": page(f'"{m()} {COMPOUNDS[2]}{COMPOUNDS[1]} '
                                       f'{identifier(rng, m())} {long_title}"', 2,
                                       "Noch ein Kapitel."),
        "content/de/i/1_more.md": page(f'"{m()} {identifier(rng, m())} {long_title}"', 1,
                                       more_page(m, rng)),
        "content/de/i/2_shortcodes.md": page("Shortcodes", 2, shortcodes_page(m, rng)),
    }
    write_site(root, files)
    (root / "static/img").mkdir(parents=True, exist_ok=True)
    for name, size in SIZES.items():
        screenshot(root / f"static/img/{name}.png", size, rng)
    return m.words
