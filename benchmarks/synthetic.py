"""A synthetic Hugo site for the benchmark: N pages in three languages, with screenshots.

Everything is drawn from a seeded ``random.Random`` and Pillow's built-in font, so the same
N gives the same bytes on every machine.  The site is written to a folder the caller names
(a temporary or cache folder): generated images are never committed.

Pages look like the real handbook's: an intro, step blocks (``two_column``: text beside a
screenshot), a small table, and on every fifth page a FAQ with collapsible answers.
Screenshots are about 1900×700 or 1200×900; most are UI-like (flat colours, text, tables),
one in eight is photo-like (gradients and noise), so the preparation has both kinds to do.

    .venv/bin/python benchmarks/synthetic.py 100 /tmp/synth-100
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

LANGS = {
    "de": ("Deutsch", "Synthetisches Handbuch", ["Schritt", "Wählen Sie", "Klicken Sie auf", "Prüfen Sie",
                                                 "Datei", "Lieferung", "Standort", "Meldung"]),
    "fr": ("Français", "Manuel synthétique", ["Étape", "Choisissez", "Cliquez sur", "Vérifiez",
                                              "fichier", "livraison", "site", "message"]),
    "it": ("Italiano", "Manuale sintetico", ["Passo", "Scegliete", "Cliccate su", "Verificate",
                                             "file", "fornitura", "sede", "messaggio"]),
}
WORDS = ["data", "upload", "portal", "report", "value", "status", "year", "check", "export", "import", "user", "role", "table", "field", "record", "list", "menu", "button", "filter", "period", "number", "name", "result", "error", "warning", "summary"]
PAGES_PER_SECTION = 20


def _sentence(rng: random.Random, vocab: list[str], n: int) -> str:
    words = [rng.choice(vocab + WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def ui_screenshot(rng: random.Random, width: int, height: int, label: str):
    """A web-application screen: header, sidebar, a form or table, text everywhere."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (width, height), (246, 247, 249))
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=15)
    small = ImageFont.load_default(size=13)
    accent = rng.choice([(29, 79, 145), (46, 112, 49), (154, 91, 0), (120, 40, 110)])
    d.rectangle((0, 0, width, 56), fill=accent)
    d.text((24, 18), f"Dataloom · {label}", fill="white", font=font)
    d.rectangle((0, 56, 230, height), fill=(34, 40, 49))
    for i in range(min(14, (height - 80) // 40)):
        d.text((24, 80 + i * 40), f"{rng.choice(WORDS).title()} {i + 1}", fill=(200, 205, 210), font=font)
    x0, y0 = 260, 86
    d.text((x0, y0), label, fill=(31, 35, 40), font=ImageFont.load_default(size=22))
    y = y0 + 50
    cols = rng.randint(3, 6)
    col_w = (width - x0 - 40) // cols
    d.rectangle((x0, y, width - 30, y + 36), fill=(225, 229, 235))
    for c in range(cols):
        d.text((x0 + 12 + c * col_w, y + 10), rng.choice(WORDS).upper(), fill=(60, 66, 72), font=small)
    y += 36
    while y < height - 60:
        if (y // 34) % 2:
            d.rectangle((x0, y, width - 30, y + 34), fill=(255, 255, 255))
        for c in range(cols):
            text = rng.choice(WORDS) if c else f"{rng.randint(1000, 99999)}"
            d.text((x0 + 12 + c * col_w, y + 10), text, fill=(31, 35, 40), font=small)
        y += 34
    bx = width - 200
    d.rounded_rectangle((bx, height - 52, bx + 160, height - 14), 6, fill=accent)
    d.text((bx + 40, height - 42), rng.choice(WORDS).title(), fill="white", font=font)
    return img


def photo_like(rng: random.Random, width: int, height: int):
    """Smooth gradients with noise: the kind of picture that JPEG is for."""
    from PIL import Image, ImageFilter

    small = Image.new("RGB", (32, 12))
    small.putdata([(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)) for _ in range(32 * 12)])
    img = small.resize((width, height), Image.Resampling.BICUBIC)
    noise = Image.effect_noise((width, height), 24).convert("RGB")
    img = Image.blend(img, noise, 0.18).filter(ImageFilter.SMOOTH)
    return img


def make_image(path: Path, seed: int, label: str) -> None:
    rng = random.Random(seed)
    size = (1900 + rng.randint(-30, 20), 700 + rng.randint(-80, 80)) if seed % 3 else (1200, 900)
    img = photo_like(rng, *size) if seed % 8 == 5 else ui_screenshot(rng, *size, label)
    if seed % 2:  # half of them RGBA with an opaque alpha, as screen-capture tools write them
        img = img.convert("RGBA")
    img.save(path, format="PNG", compress_level=6)


def generate(root: Path, pages: int, seed: int = 1, langs: tuple[str, ...] = tuple(LANGS)) -> Path:
    """Write the site (idempotent: an existing, complete site of the same size is kept).
    ``langs``: fewer languages (one, for the large-manual memory test, is much quicker)."""
    chosen = {lang: LANGS[lang] for lang in langs}
    marker = root / f".complete-{pages}-{seed}-{'-'.join(chosen)}"
    if marker.exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(_hugo_toml(chosen), encoding="utf-8")
    images = root / "static" / "img"
    images.mkdir(parents=True, exist_ok=True)
    n_images = max(4, pages // 2)
    for lang_index, lang in enumerate(LANGS):
        if lang not in chosen:
            continue
        for i in range(n_images):
            path = images / f"shot_{i:04d}_{lang}.png"
            if not path.exists():
                make_image(path, seed * 100_000 + lang_index * 10_000 + i, f"{lang.upper()} screen {i}")
    for lang, (_name, title, vocab) in chosen.items():
        rng = random.Random(f"{seed}-{lang}")
        base = root / "content" / lang
        base.mkdir(parents=True, exist_ok=True)
        (base / "_index.md").write_text(f"---\ntitle: {title}\n---\n\n{_sentence(rng, vocab, 20)}\n",
                                        encoding="utf-8")
        for p in range(pages):
            section = base / f"s{p // PAGES_PER_SECTION:03d}"
            if p % PAGES_PER_SECTION == 0:
                section.mkdir(exist_ok=True)
                (section / "_index.md").write_text(
                    f"---\ntitle: {vocab[0]} {p // PAGES_PER_SECTION + 1}\nweight: {p // PAGES_PER_SECTION + 1}\n---\n\n"
                    f"{_sentence(rng, vocab, 18)}\n", encoding="utf-8")
            (section / f"p{p:04d}.md").write_text(_page(rng, vocab, lang, p, n_images), encoding="utf-8")
    marker.write_text("ok\n")
    return root


def _page(rng: random.Random, vocab: list[str], lang: str, p: int, n_images: int) -> str:
    out = [f"---\ntitle: \"{vocab[4].title()} {p + 1} – {rng.choice(WORDS)}\"\nweight: {p % PAGES_PER_SECTION + 1}\n---\n",
           _sentence(rng, vocab, 30), ""]
    for step in range(2):
        image = f"shot_{(p + step * 7) % n_images:04d}_{lang}.png"
        out += ['<div class="two_column">', "", '<div class="left_col">', "{{<markdown>}}",
                f"**{vocab[0]} {step + 1}.** {vocab[2]} **{rng.choice(WORDS).title()}**. "
                + _sentence(rng, vocab, 14), "",
                f"1. {_sentence(rng, vocab, 8)}", f"2. {_sentence(rng, vocab, 8)}",
                "{{</markdown>}}", "</div>", "", '<div class="right_col">',
                f'{{{{<insertImage image="{image}" class="edge max-w-90" description="{vocab[4]} {p}">}}}}',
                "</div>", "</div>", ""]
    out += [f"| {vocab[4].title()} | {vocab[5].title()} | {vocab[6].title()} |", "|---|---|---|"]
    out += [f"| {rng.randint(1, 999)} | {rng.choice(WORDS)} {rng.choice(WORDS)} | {rng.choice(WORDS)} |"
            for _ in range(4)]
    out.append("")
    if p % 5 == 0:
        out += ["{{<faqBlock>}}", "{{<numberedList>}}"]
        for q in range(3):
            out += ["{{<listItem>}}", _sentence(rng, vocab, 9)[:-1] + "?",
                    f'{{{{<collapsibleBlock groupId="g{p}">}}}}', _sentence(rng, vocab, 24),
                    "{{</collapsibleBlock>}}", "{{</listItem>}}", ""]
        out += ["{{</numberedList>}}", "{{</faqBlock>}}", ""]
    return "\n".join(out) + "\n"


def _hugo_toml(langs: dict) -> str:
    lines = ['baseURL = "https://example.org/synth/"', 'title = "Synthetic manual"',
             'defaultContentLanguage = "de"', "defaultContentLanguageInSubdir = true",
             "[params]", 'version = "1.0"', "[markup.goldmark.renderer]", "unsafe = true", "[languages]"]
    for weight, (lang, (name, title, _vocab)) in enumerate(langs.items(), 1):
        lines += [f"[languages.{lang}]", f'languageName = "{name}"', f'contentDir = "content/{lang}"',
                  f"weight = {weight}", f"[languages.{lang}.params]", f'title = "{title}"']
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # synthetic.py N FOLDER [LANG ...]
    generate(Path(sys.argv[2]), int(sys.argv[1]), langs=tuple(sys.argv[3:]) or tuple(LANGS))
    print(sys.argv[2])
