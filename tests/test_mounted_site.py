"""A site laid out with module mounts, as large Hugo sites are: each language gets exactly
its pages, a section mounted below content/ sits where Hugo puts it, and a picture in a static
mount with a subpath is found at its published address."""

import io
import json

import pypdfium2 as pdfium
from PIL import Image

from manualgen.cli import main

from .conftest import write_site

HUGO_YAML = """\
baseURL: https://example.org/
defaultContentLanguage: en
languages:
  en:
    label: English
    weight: 1
  "no":
    label: Norsk
    weight: 2
module:
  mounts:
    - source: content/en
      target: content
      sites:
        matrix:
          languages: [en]
    - source: content/no
      target: content
      lang: "no"
    - source: docs-src
      target: content/docs
      sites:
        matrix:
          languages: [en]
    - source: logos
      target: static/img/logos/32x32
"""




def png():
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def page(title, weight, body=""):
    return f"---\ntitle: {title}\nweight: {weight}\n---\n{body}"


def site(tmp_path):
    return write_site(tmp_path / "site", hugo=None, files={
        "hugo.yaml": HUGO_YAML,
        "content/en/_index.md": page("Home", 0, "Welcome.\n"),
        "content/en/start.md": page("Start", 1, "Start here.\n"),
        "content/no/_index.md": page("Hjem", 0, "Velkommen.\n"),
        "content/no/start.md": page("Start (no)", 1, "Begynn her.\n"),
        "docs-src/_index.md": page("Docs", 2, "All the docs.\n"),
        "docs-src/guide.md": page("Guide", 1, "![Logo](/img/logos/32x32/logo.png)\n"),
        "logos/logo.png": png(),
    })


def test_each_language_gets_exactly_its_mounted_pages(tmp_path, capsys):
    root = site(tmp_path)
    out = tmp_path / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--no-cache",
                 "-q"]) == 0
    err = capsys.readouterr().err
    assert "missing-image" not in err
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert names == ["site-en.pdf", "site-no.pdf"]  # "no" is Norwegian, not false

    def text(name):
        pdf = pdfium.PdfDocument(str(out / name))
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))

    english, norwegian = text("site-en.pdf"), text("site-no.pdf")
    assert "Guide" in english and "Docs" in english and "Start here" in english
    assert "Guide" not in norwegian and "Begynn her" in norwegian
    assert "Norsk" in norwegian  # the language's label on the cover


def test_the_mounted_section_is_where_hugo_puts_it(tmp_path, capsys):
    root = site(tmp_path)
    assert main(["check", "--site", str(root), "--lang", "no", "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert not [f for f in findings if f["severity"] == "error" or "image" in f["code"]]
    import datetime as dt

    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings

    home = discover(load_settings(root), "en", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    urls = sorted(p.url for p in home.walk())
    assert urls == ["/", "/docs/", "/docs/guide/", "/start/"]
