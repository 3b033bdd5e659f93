"""Bad input never costs data or a clear message: file and line, what to do, no traceback.

Covers damaged text and images, unreadable files, odd file sizes, an unwritable output folder,
and the promise that a failed build leaves the previous PDF as it was; then input found by
hunting for crashes, hangs and silent losses: front matter nested thousands deep or with
values that cannot be used, broken links and pipes among the files, shortcodes and HTML nested
past what can be rendered, HTML that would hide or restyle other pages, odd images, addresses
and templates, output settings that overwrite PDFs, and inputs that took quadratic time.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from manualgen.cli import main
from manualgen.config import load_settings

from .conftest import page, png_bytes, write_site

HOME = {"content/de/_index.md": page("Start")}


def check_json(capsys, site: Path, *args: str) -> tuple[int, dict, str]:
    status = main(["check", "--site", str(site), "--format", "json", "--lang", "de", *args])
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


def codes(doc: dict) -> list[str]:
    return [f["code"] for f in doc["findings"]]


def finding(doc: dict, code: str) -> dict:
    found = [f for f in doc["findings"] if f["code"] == code]
    assert len(found) == 1, doc["findings"]
    return found[0]


def build_date_of(result):
    from manualgen.build import build_now

    return build_now(result.settings)


def huge_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny file whose header claims a gigantic picture (a decompression bomb)."""
    data = bytearray(png_bytes(1, 1))
    struct.pack_into(">II", data, 16, width, height)
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def noisy_png(size: int = 120) -> bytes:
    import io
    import random

    from PIL import Image

    rng = random.Random(7)
    image = Image.frombytes("RGB", (size, size), bytes(rng.randrange(256) for _ in range(size * size * 3)))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


# --- text ----------------------------------------------------------------------------------


def test_non_utf8_text_names_the_line_of_the_first_bad_byte(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": b"---\ntitle: A\n---\nok\n\xe9t\xe9\n"})
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-encoding")
    assert (f["file"], f["line"], f["severity"]) == ("content/de/a.md", 5, "error")
    assert "UTF-8" in f["message"]
    assert status == 1 and "Traceback" not in err


def test_unreadable_file_is_an_error_with_its_name(tmp_path, capsys, monkeypatch):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    original = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.md":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "unreadable-file")
    assert f["file"] == "content/de/a.md" and "Permission denied" in f["message"]
    assert status == 1 and "Traceback" not in err


def test_empty_file_and_front_matter_only_are_pages(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOME,
        "content/de/empty.md": "",
        "content/de/only.md": "---\ntitle: Only front matter\nweight: 2\n---\n",
        "content/de/toml.md": "+++\ntitle = 'TOML only'\n+++",
    })
    status, doc, _ = check_json(capsys, site)
    assert codes(doc) == ["missing-title"]  # the empty file: its name is printed as the title
    assert finding(doc, "missing-title")["file"] == "content/de/empty.md"
    assert status == 0


def test_enormous_file_is_refused_quickly_with_what_to_do(tmp_path, capsys):
    from manualgen.content import MAX_PAGE_BYTES

    big = "---\ntitle: Big\n---\n" + ("Ein Absatz mit Text.\n\n" * (MAX_PAGE_BYTES // 20 + 10))
    site = write_site(tmp_path, {**HOME, "content/de/big.md": big,
                                 "content/de/small.md": page("Small", 1, "![x](/img/none.png)\n")})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "file-too-large")
    assert (f["file"], f["line"]) == ("content/de/big.md", 1)
    assert "split" in f["message"]
    assert finding(doc, "missing-image")["file"] == "content/de/small.md"  # the others still checked
    assert status == 1


def test_unclosed_shortcode_names_its_opening_line(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page(
        "A", 1, "Intro\n\n{{< alert >}}\nnever closed\n")})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "unclosed-shortcode")
    assert (f["file"], f["line"]) == ("content/de/a.md", 7)
    assert status == 1


# --- images --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, data, words", [
    ("truncated.png", noisy_png()[:900], "truncated"),
    ("huge.png", huge_png(), "large"),
    ("text.png", b"this is not an image\n", "not an image"),
    ("empty.png", b"", "not an image"),
])
def test_each_image_is_checked_before_weasyprint_sees_it(tmp_path, capsys, name, data, words):
    site = write_site(tmp_path, {
        **HOME,
        "content/de/a.md": page("A", 1, f"Intro\n\n![Shot](/img/{name})\n"),
        f"static/img/{name}": data,
    })
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "image-unreadable")
    assert (f["file"], f["line"], f["severity"]) == ("content/de/a.md", 7, "error")
    assert name in f["message"] and words in f["message"]
    assert status == 1 and "Traceback" not in err


def damaged_pixels_png() -> bytes:
    """Every checksum right, the compressed pixels garbled: only decoding finds it."""
    data = bytearray(noisy_png(200))
    at = data.index(b"IDAT")
    length = struct.unpack(">I", data[at - 4:at])[0]
    for k in range(at + 4 + 60, at + 4 + min(length, 400)):
        data[k] ^= 0x5A
    struct.pack_into(">I", data, at + 4 + length, zlib.crc32(bytes(data[at:at + 4 + length])))
    return bytes(data)


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_image_whose_pixels_are_damaged_is_found_by_check_and_by_build(tmp_path, capsys,
                                                                          command):
    # Once imported, WeasyPrint makes Pillow lenient for the whole process (as in --watch,
    # where a second build runs after a render): the damage must be seen all the same.
    import weasyprint  # noqa: F401

    site = write_site(tmp_path / "site", {
        **HOME,
        "content/de/a.md": page("A", 1, "Intro\n\n![Shot](/img/bad.png)\n"),
        "static/img/bad.png": damaged_pixels_png(),
    })
    out = tmp_path / "out"
    args = ["--out", str(out), "--cache", str(tmp_path / "cache")] if command == "build" else []
    status = main([command, "--site", str(site), "--lang", "de", *args])
    err = capsys.readouterr()
    text = err.err + err.out
    assert status == 1 and "Traceback" not in text
    assert "content/de/a.md:7:" in text and "bad.png" in text and "image-unreadable" in text
    assert not (out / "test-manual-de.pdf").exists()


# --- configuration and output --------------------------------------------------------------


def test_broken_hugo_config_is_one_clear_error(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME}, hugo='baseURL = "https://x.org/"\ntitle = \n')
    status = main(["check", "--site", str(site)])
    err = capsys.readouterr().err
    assert status == 1
    assert "hugo.toml" in err and "Traceback" not in err


@pytest.mark.parametrize("where", ["file", "proc"])
def test_unwritable_output_folder_is_one_line_and_exit_1(tmp_path, capsys, where):
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    if where == "file":
        (tmp_path / "blocker").write_text("a file where a folder should be")
        out = tmp_path / "blocker" / "pdfs"
    else:
        if not Path("/proc/self").is_dir():
            pytest.skip("no /proc here")
        out = Path("/proc/manualgen-out")
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "-q"])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if "output" in line]
    assert len(lines) == 1 and str(out) in lines[0] and "--out" in lines[0]


# --- a failed build keeps the previous PDF --------------------------------------------------


def _build(site: Path, out: Path, *extra: str) -> int:
    return main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "-q", *extra])


def test_previous_pdf_survives_a_build_that_finds_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # any cache the build keeps stays in the test's folder
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "Fine.\n")})
    out = tmp_path / "out"
    assert _build(site, out) == 0
    pdf = out / load_settings(site).output_filename("de")
    before = pdf.read_bytes()
    assert before.startswith(b"%PDF")
    capsys.readouterr()

    (site / "content/de/a.md").write_text(page("A", 1, "{{< markdown >}}\nnever closed\n"),
                                          encoding="utf-8")
    assert _build(site, out) == 1
    err = capsys.readouterr().err
    assert "content/de/a.md:5:" in err and "unclosed-shortcode" in err
    assert "previous one is unchanged" in err
    assert pdf.read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_strict_makes_warnings_stop_the_build_and_keeps_the_old_pdf(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page(
        "A", 1, "![x](/img/missing.png)\n")})
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / load_settings(site).output_filename("de")
    pdf.write_bytes(b"%PDF-1.7 the previous manual")
    assert _build(site, out, "--strict") == 1
    err = capsys.readouterr().err
    assert "content/de/a.md:5:" in err and "missing-image" in err
    assert pdf.read_bytes() == b"%PDF-1.7 the previous manual"


# --- front matter and files ------------------------------------------------------------------


@pytest.mark.parametrize("name, text", [
    ("yaml.md", "---\ntitle: Y\nx: " + "[" * 3000 + "]" * 3000 + "\n---\nbody\n"),
    ("toml.md", "+++\ntitle = 'T'\nx = " + "[" * 3000 + "]" * 3000 + "\n+++\nbody\n"),
    ("json.md", '{"title": "J", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\nbody\n"),
])
def test_front_matter_nested_thousands_deep_is_an_error_not_a_crash(tmp_path, capsys, name, text):
    site = write_site(tmp_path, {**HOME, f"content/de/{name}": text,
                                 "content/de/b.md": page("B", 2, "![x](/img/none.png)\n")})
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")
    assert (f["file"], f["line"], f["severity"]) == (f"content/de/{name}", 1, "error")
    assert "nested too deeply" in f["message"]
    assert finding(doc, "missing-image")["file"] == "content/de/b.md"  # the others still checked
    assert status == 1 and "Traceback" not in err


def test_toml_front_matter_ending_too_soon_names_its_last_line(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": "+++\ntitle = 'A'\nweight = \n+++\nx\n"})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")
    assert (f["file"], f["line"]) == ("content/de/a.md", 3)
    assert status == 1


def test_front_matter_values_that_cannot_be_used_are_warned_about(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": (
        "---\ntitle: [Setup, Login]\nlinkTitle: Setup\nweight: 2.5\ndate: yesterday\n"
        "publishDate: 2024-02-30\nexpiryDate: !!int soon\n---\nText\n")})
    status, doc, err = check_json(capsys, site)
    found = {(f["line"], f["severity"], f["message"].split(" ")[0]) for f in doc["findings"]
             if f["code"] == "bad-front-matter"}
    # A tag PyYAML cannot make is a YAML error; the values it can make are checked one by one.
    assert found == {(7, "error", "invalid")}
    assert status == 1 and "Traceback" not in err

    (site / "content/de/a.md").write_text(
        (site / "content/de/a.md").read_text().replace("expiryDate: !!int soon\n", ""))
    status, doc, err = check_json(capsys, site)
    found = {(f["line"], f["severity"], f["message"].split(" ")[0]) for f in doc["findings"]
             if f["code"] == "bad-front-matter"}
    # Hugo stops at a date it cannot read ("not a parsable date"), and so does manualgen
    assert found == {(2, "warning", "title"), (4, "warning", "weight"), (5, "error", "date"),
                     (6, "error", "publishDate")}
    assert "using 2" in next(f["message"] for f in doc["findings"] if f["line"] == 4)
    assert status == 1 and "Traceback" not in err


def test_a_title_that_is_a_list_is_not_printed_as_python(tmp_path):
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path, {**HOME, "content/de/a.md": "---\ntitle: [a, b]\n---\nx\n"})
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    assert result.ok
    titles = [f.message for f in result.findings if f.code == "missing-title"]
    assert titles == ['page has no title; printing "A"']  # the file name, not "['a', 'b']"


def test_a_broken_symbolic_link_is_one_finding_and_the_rest_is_checked(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/b.md": page("B", 2, "![x](/img/none.png)\n")})
    (site / "content/de/gone.md").symlink_to("moved-away.md")
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "unreadable-file")
    assert f["file"] == "content/de/gone.md" and "moved-away.md" in f["message"]
    assert finding(doc, "missing-image")["file"] == "content/de/b.md"
    assert status == 1 and "Traceback" not in err


def test_a_named_pipe_in_the_site_does_not_hang_the_build(tmp_path):
    import os
    import subprocess
    import sys

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    (site / "static").mkdir()
    os.mkfifo(site / "static" / "pipe.png")  # reading it would wait for a writer forever
    os.mkfifo(site / "content/de/pipe.md")
    run = subprocess.run([sys.executable, "-m", "manualgen", "check", "--site", str(site),
                          "--lang", "de"], capture_output=True, text=True, timeout=60,
                         cwd=tmp_path, check=False)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr


def test_markdown_files_of_a_leaf_bundle_are_its_resources_not_pages(tmp_path):
    from manualgen.build import BuildOptions, build
    from manualgen.content import discover

    site = write_site(tmp_path, {**HOME,
                                 "content/de/bundle/index.md": page("Bundle", 1, "x\n"),
                                 "content/de/bundle/notes.md": page("Notes", 2, "x\n"),
                                 "content/de/bundle/sub/more.md": page("More", 3, "x\n")})
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    home = discover(result.settings, "de", result.findings, build_date_of(result))
    assert [p.title for p in home.children] == ["Bundle"]  # no empty "bundle" chapter either



# --- shortcodes ------------------------------------------------------------------------------


def test_shortcodes_nested_too_deep_name_the_line(tmp_path, capsys):
    deep = "Intro\n\n" + "{{< alert >}}\n" * 150 + "x\n" + "{{< /alert >}}\n" * 150
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, deep)})
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-shortcode")
    assert (f["file"], f["line"]) == ("content/de/a.md", 7 + 100)  # the 101st level
    assert "nested more than 100" in f["message"]
    assert status == 1 and "Traceback" not in err


def test_a_shortcode_tag_without_a_name_is_bad_syntax_not_unclosed(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "a {{< >}} b\n")})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-shortcode")
    assert (f["file"], f["line"]) == ("content/de/a.md", 5) and "without a name" in f["message"]
    assert status == 1


# --- HTML in pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("html", [
    "<div>" * 3000 + "x" + "</div>" * 3000,  # ElementTree's writer gave up
    "<blockquote>" * 150 + "x" + "</blockquote>" * 150,  # WeasyPrint's layout gave up
])
def test_html_nested_too_deep_is_one_error_on_its_page(tmp_path, capsys, monkeypatch, html):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, f"Intro\n\n{html}\n")})
    status = _build(site, tmp_path / "out")
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "content/de/a.md:7: error: this page's HTML is nested" in err and "page-failed" in err


def test_page_html_that_would_spoil_the_manual(tmp_path, capsys, monkeypatch):
    """A stray closing tag, an inline SVG, a <style> and an unclosed comment, each as Hugo
    shows it on the web: nothing of the page lost, nothing of it leaking into other pages."""
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {
        **HOME,
        "content/de/a.md": page("A", 1, (
            "Before\n\n</div></body></html>\n\nAfter the stray tags\n\n"
            '<svg width="20" height="10"><rect width="20" height="10" fill="red"/></svg>\n\n'
            "<style>body { display: none }</style>\n\nLast words\n")),
        "content/de/b.md": page("B", 2, "Shown\n\n<!-- a note never closed\n\nHidden as on the web\n"),
    })
    out = tmp_path / "out"
    assert _build(site, out, "--html") == 0
    err = capsys.readouterr().err
    assert "content/de/a.md:13: warning: a <style> in a page" in err and "page-style" in err
    assert "content/de/b.md:7: warning: the HTML comment" in err and "unclosed-comment" in err
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "After the stray tags" in html and "Last words" in html
    assert '<svg width="20" height="10"><title>Abbildung: After the stray tags</title><rect' in html
    assert "ns0:" not in html  # the drawing kept, with a title for its alternative text
    assert "display: none" not in html


def test_undefined_footnote_and_open_div_are_named_at_their_lines(tmp_path, capsys):
    """Two slips a writer makes that Hugo prints without a word: a footnote reference with no
    definition (it prints as "[^1]") and a <div> left open (the rest of the page goes in it)."""
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "Text with a note.[^1] And one that exists.[^2]\n\n"   # line 5
        "[^2]: The note.\n\n"
        "Code is not a footnote: `a[^x]`\n\n"                     # line 9
        '<div class="box">\n<div>\nInside\n</div>\n\n'          # line 11: the outer one is open
        "After the box\n")),
        "content/de/b.md": page("B", 2, "<div>\nClosed\n</div>\n\nFine.\n"),
    })
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    err = "".join(capsys.readouterr())
    assert 'content/de/a.md:5: warning: the footnote "[^1]" is never defined' in err
    assert "undefined-footnote" in err and "[^2]" not in err and "[^x]" not in err
    assert "content/de/a.md:11: warning: a <div> is never closed" in err and "unclosed-tag" in err
    assert "b.md" not in err


def test_table_row_with_a_cell_too_few_or_too_many_is_named(tmp_path, capsys):
    """A row that lost a | prints its missing cell empty, one with an extra | loses the cell
    past the last column: Hugo says nothing. Code blocks and escaped pipes are not rows."""
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "| Field | Value |\n|---|:--|\n| Mail | address |\n"     # lines 5-7
        "| Code  six digits |\n\n"                                 # line 8: one | lost
        "Field | Value\n--- | ---\na \\| b | c\nd | e | f\n\n"    # line 13: one | too many
        "```\n| a | b |\n|---|---|\n| c |\n```\n")),
        "content/de/b.md": page("B", 2, "| x | y |\n|---|---|\n| `p\\|q` | z |\n| 1 | 2 |\n"),
    })
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    err = "".join(capsys.readouterr())
    assert "content/de/a.md:8: warning: this table row has 1 cell, the table has 2: the " \
        "missing cells print empty" in err and "table-cells" in err
    assert "content/de/a.md:13: warning: this table row has 3 cells, the table has 2" in err
    assert err.count("table-cells") == 2 and "b.md" not in err


def test_a_reference_link_without_its_definition_is_named(tmp_path, capsys):
    """[text][name] with no [name]: line prints as written, brackets and all. Defined ones
    (any case), escaped brackets, code and citations ([1][2]) are no mistake."""
    site = write_site(tmp_path, {**HOME,
        "content/de/a.md": page("A", 1, (
            "Siehe [die Anleitung][anleitung] und [Hilfe][].\n\n"           # line 5
            "Oder [das Handbuch][Handbuch] und \\[kein\\]\\[Link\\].\n\n"  # line 7
            "Quellen [1][2], Code `a[i][j]`.\n\n[handbuch]: https://example.org/h\n")),
    })
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    err = "".join(capsys.readouterr())
    assert ('content/de/a.md:5: warning: the link "[die Anleitung][anleitung]" names a '
            'reference "anleitung" the page never defines') in err
    assert 'content/de/a.md:5: warning: the link "[Hilfe][]" names a reference "Hilfe"' in err
    assert err.count("undefined-link") == 2, err


@pytest.mark.parametrize("body", [
    "Zelle \\[row][col] wie geschrieben.\n",  # its first bracket escaped: printed on purpose
    "Drücken Sie [Ctrl][C].\n",  # keys, as the web prints them too
    "Siehe [die Seite][an].\n\n[an]: <https://example.net/a b>\n",  # a definition Goldmark reads
])
def test_brackets_meant_as_written_are_no_undefined_link(tmp_path, capsys, body):
    """Found by review: these printed an undefined-link warning (and failed --strict)."""
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    assert "undefined-link" not in "".join(capsys.readouterr())


def test_a_link_with_no_address_is_named_and_prints_as_text(tmp_path):
    """[text]() leads nowhere: its words print as text, and check names its line; an
    anchor without href (<a id>) is no link and no mistake."""
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path, {**HOME,
        "content/de/a.md": page("A", 1, "Text.\n\nSiehe [die Hilfe]() und <a id=\"hier\"></a>.\n"),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    found = [f for f in result.findings if f.code == "broken-link"]
    assert [(f.line, f.message.split(";")[0]) for f in found] == [
        (7, 'link "[die Hilfe]()" has no address')]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "<a>die Hilfe</a>" in html and 'href=""' not in html


def test_misspelt_shortcode_parameter_is_named_with_the_one_meant(tmp_path, capsys):
    """imgae= for image=: the template never reads it, so the picture has no file. The
    parameter is named with the one meant; a parameter no template name is close to is not."""
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "Intro\n\n"
        '{{< insertImage imgae="a.png" description="A form" >}}\n\n'   # line 7
        '{{< insertImage image="a.png" descripton="A form" >}}\n\n'    # line 9
        '{{< insertImage image="a.png" description="A form" data="x" >}}\n')),
        "static/img/a.png": png_bytes(4, 4),
    })
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    err = "".join(capsys.readouterr())
    assert 'content/de/a.md:7:1: warning: shortcode "insertImage" has no parameter "imgae", ' \
        'so it is not used and "image" is empty: did you mean image=?' in err
    assert 'a.md:9:1: warning: shortcode "insertImage" has no parameter "descripton"' in err
    assert err.count("unknown-param") == 2


def test_colon_in_a_front_matter_value_says_to_quote_it(tmp_path, capsys):
    """"title: Login: step 1" is a YAML error a writer cannot read ("mapping values are not
    allowed here"): the message says what to write instead."""
    site = write_site(tmp_path, {**HOME,
                                 "content/de/a.md": "---\ntitle: Login: step 1\nweight: 1\n---\nText\n",
                                 "content/de/b.md": "---\ntitle: Say \"hi\": it's me\n---\nText\n"})
    assert main(["check", "--site", str(site), "--lang", "de"]) == 1
    err = "".join(capsys.readouterr())
    assert 'content/de/a.md:2: error: invalid YAML front matter: mapping values are not allowed ' \
        'here; the value holds a colon and a space, which YAML reads as a new key: put it in ' \
        'quotes (title: "Login: step 1")' in err
    assert "content/de/b.md:2: error" in err and "(title: 'Say \"hi\": it''s me')" in err


def test_link_with_a_space_in_its_address_says_so(tmp_path, capsys):
    """[x](/b/ c/): Hugo makes no link of it; the warning names the space, not only the page."""
    site = write_site(tmp_path, {**HOME,
                                 "content/de/a.md": page("A", 1, "See [B](/de/b/ c/) and [C](/de/c/).\n"),
                                 "content/de/b.md": page("B", 2, "Text\n")})
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    err = "".join(capsys.readouterr())
    assert 'content/de/a.md:5: warning: link "/de/b/ c/" points to no page of this manual and no ' \
        "file of the site; it prints as plain text; the address holds a space: in Markdown Hugo " \
        "reads no link there" in err
    assert 'link "/de/c/" points to no page' in err and err.count("holds a space") == 1


def test_text_without_quotes_in_toml_front_matter_says_to_quote_it(tmp_path, capsys):
    """"parent = getting-started" reads as YAML would read it, but TOML stops ("Invalid
    value", as Volcano's docs once had it): the message says what to write instead."""
    site = write_site(tmp_path, {**HOME,
                                 "content/de/a.md": ("+++\ntitle = \"A\"\n[menu.docs]\n"
                                                     "  parent = getting-started  # group\n+++\nText\n"),
                                 "content/de/b.md": "+++\ntitle = \"B\"\nweight = +x\n+++\nText\n",
                                 "content/de/c.md": "+++\ntitle = \"C\"\ndraft = False\n+++\nText\n"})
    assert main(["check", "--site", str(site), "--lang", "de"]) == 1
    err = "".join(capsys.readouterr())
    assert ('content/de/a.md:4: error: invalid TOML front matter: Invalid value; TOML needs text '
            'in quotes: parent = "getting-started"') in err
    assert "content/de/b.md:3: error: invalid TOML front matter: Invalid value" in err
    assert "weight = " not in err  # a number written wrong is not text to quote
    assert ("content/de/c.md:3: error: invalid TOML front matter: Invalid value; TOML writes true "
            "and false in lower case: draft = false") in err


# --- images and links ------------------------------------------------------------------------


def test_addresses_and_nameless_images_have_their_own_lines(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "![a](//cdn.example.org/a.png)\n\n"           # line 5: an address, not a file
        '<img src="javascript:void(0)">\n\n'          # line 7
        '<img src="">\n\n'                            # line 9: no file at all
        "{{< insertImage >}}\n\n"                     # line 11: a shortcode without image=
        "![b](/img/gone.png)\n\n![c](/img/gone.png)\n"  # lines 13 and 15: one name twice
    ))})
    status, doc, err = check_json(capsys, site)
    got = sorted((f["code"], f["line"]) for f in doc["findings"])
    assert got == [("image-address", 7), ("missing-image", 9), ("missing-image", 11),
                   ("missing-image", 13), ("missing-image", 15), ("remote-image", 5)]
    assert status == 1 and "Traceback" not in err  # javascript: is no picture at all


def test_script_and_file_links_print_as_text(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "Intro\n\n[run](javascript:alert(1)) and [mine](file:///home/me/notes.txt)\n"))})
    status, doc, _ = check_json(capsys, site)
    links = [f for f in doc["findings"] if f["code"] == "broken-link"]
    assert [(f["line"], "cannot work in a PDF" in f["message"]) for f in links] == [(7, True)] * 2
    assert status == 0


def test_an_svg_that_is_not_xml_is_reported_by_check(tmp_path, capsys):
    laughs = ('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
              + ']><svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>')
    site = write_site(tmp_path, {**HOME,
                                 "content/de/a.md": page("A", 1, "![x](/img/cut.svg)\n\n![y](/img/lol.svg)\n"),
                                 "static/img/cut.svg": "<svg xmlns='http://www.w3.org/2000/svg'><rect",
                                 "static/img/lol.svg": laughs})
    status, doc, _ = check_json(capsys, site)
    found = sorted((f["line"], f["message"][:20]) for f in doc["findings"] if f["code"] == "image-unreadable")
    assert found == [(5, 'image "cut.svg": the'), (7, 'image "lol.svg": the')]
    assert status == 1


def test_refused_resource_inside_an_svg_names_the_svg(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n'
           '<image href="file:///etc/hostname" width="5" height="5"/></svg>\n')
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "![x](/img/a.svg)\n"),
                                          "static/img/a.svg": svg})
    assert _build(site, tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "static/img/a.svg:2: error: resource refused: file:///etc/hostname" in err


def test_a_16_bit_grey_png_is_printed_as_grey(tmp_path, capsys, monkeypatch):
    import io

    from PIL import Image

    monkeypatch.chdir(tmp_path)
    buf = io.BytesIO()
    Image.new("I;16", (64, 32), 30000).save(buf, format="PNG")
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "![x](/img/deep.png)\n"),
                                          "static/img/deep.png": buf.getvalue()})
    assert _build(site, tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert "Unknown image mode" not in err and "warning" not in err


# --- configuration ---------------------------------------------------------------------------


@pytest.mark.parametrize("setting, words", [
    ('[manual]\nname = "m"\noutput = "{nope}-{lang}.pdf"', 'manual.output "{nope}-{lang}.pdf" is not'),
    ('[manual]\nname = "m"\noutput = "{name}.pdf"', "for both de and fr: put {lang} in it"),
    ('[manual]\nname = "m"\noutput = "../{name}-{lang}.pdf"', "not a file name in the output"),
    ('[manual]\nname = "m"\n[print]\nimage_ppi = 0', "image_ppi must be between 50"),  # 1-px shots
    ('[manual]\nname = "m"\n[print]\ntoc_depth = "x"', '"print.toc_depth" must be a whole number'),
])
def test_output_settings_that_would_overwrite_or_spoil_pdfs(tmp_path, capsys, setting, words):
    site = write_site(tmp_path, {**HOME, "content/fr/_index.md": page("Accueil"),
                                 "manualgen.toml": setting + "\n"})
    status = main(["build", "--site", str(site), "--all", "--out", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    line = len(setting.split("\n"))
    assert f"manualgen.toml:{line}: error: " in err and words in err and "[config]" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- speed on odd input ----------------------------------------------------------------------


def test_one_long_line_and_one_long_word_take_linear_time():
    import time

    from manualgen.convert import _LINKIFY, typographer_replacements

    start = time.process_time()
    assert len(typographer_replacements("word 'quoted' -- " * 50_000)) == 150_000
    assert _LINKIFY.search("x" * 300_000) is None
    assert _LINKIFY.search("see x" * 10 + " me@example.org").group("email") == "me@example.org"
    assert time.process_time() - start < 5  # minutes before: both were quadratic


def test_a_page_that_writes_a_placeholder_keeps_its_text(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, (
        "Tokens mgsc0x, mgraw0x and mgsc99x are words here.\n\n{{< alert >}}Inside{{< /alert >}}\n"))})
    assert _build(site, tmp_path / "out", "--html") == 0  # was an IndexError (page-failed)
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "Tokens mgsc0x, mgraw0x and mgsc99x are words here." in html
    assert html.count("Inside") == 1 and "\u2060" not in html


# --- templates and translation files ---------------------------------------------------------


def test_broken_site_templates_are_findings_at_their_lines(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOME,
        "content/de/a.md": page("A", 1, "{{< broken >}}\n\n{{< divide >}}\n\n{{< alert >}}x{{< /alert >}}\n"),
        "manualgen/shortcodes/broken.html": "ok\n{% if %}\n",
        "manualgen/shortcodes/divide.html": "{{ 1 / 0 }}",
    })
    status, doc, err = check_json(capsys, site)
    got = sorted((f["file"], f["line"], f["message"][:30]) for f in doc["findings"])
    assert got == [
        ("content/de/a.md", 7, 'shortcode "divide" failed in i'),
        ("manualgen/shortcodes/broken.html", 2, 'the template of shortcode "bro'),
    ]
    assert "divide.html:1" in doc["findings"][0]["message"] + doc["findings"][1]["message"]
    assert status == 1 and "Traceback" not in err


def test_a_broken_document_template_is_one_error_at_its_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                          "manualgen/templates/manual.html": "<html>\n{{ meta.nope() }}\n"})
    assert _build(site, tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "manualgen/templates/manual.html:2: error: the document template failed" in err
    assert "Traceback" not in err


def test_a_bad_translation_file_stops_its_languages_with_one_line(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                 "i18n/de.yaml": "ok: fine\nbad: [\n"})
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-i18n")
    assert (f["file"], f["line"], f["lang"]) == ("i18n/de.yaml", 3, "de")
    assert "\n" not in f["message"] and "unicode string" not in f["message"]
    assert status == 1 and "Traceback" not in err


def test_blank_lines_before_the_front_matter_are_skipped_as_hugo_does(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME,  # bytes: write_site would strip the blank lines
                                 "content/de/a.md": b"\n\n---\ntitle: Late\n---\n![x](/img/no.png)\n",
                                 "content/de/b.md": b"\n  \n+++\ntitle = [\n+++\n"})
    status, doc, _ = check_json(capsys, site)
    assert finding(doc, "missing-image")["line"] == 6  # the page's title was read: no missing-title
    assert "missing-title" not in codes(doc)
    f = finding(doc, "bad-front-matter")
    assert (f["file"], f["line"]) == ("content/de/b.md", 4)
    assert status == 1


def test_css_that_weasyprint_ignores_is_reported_where_it_is_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {
        **HOME,
        "content/de/a.md": page("A", 1, 'Intro\n\n<p style="colr: red">x</p>\n'),
        "print/site.css": "p { margin: 0 }\nh2 { colour: blue }\n",
        "manualgen.toml": '[print]\nstylesheets = ["print/site.css"]\n',
    })
    assert _build(site, tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert "content/de/a.md:7: warning: Ignored `colr: red`" in err
    assert "print/site.css:2: warning: Ignored `colour: blue" in err


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    import subprocess
    import sys

    body = "".join(f"![x](/img/missing-{i}.png)\n\n" for i in range(2000))  # ~0.5 MB of JSON
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    proc = subprocess.Popen([sys.executable, "-m", "manualgen", "check", "--site", str(site),
                             "--lang", "de", "--format", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout.read(100).startswith(b"{")
    proc.stdout.close()  # as `| head` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_malformed_addresses_are_findings_not_a_crash(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        '[x](http://[::1) and <a href="%zz%">z</a>\n\n<img src="http://[bad/a.png">\n'))})
    status, doc, err = check_json(capsys, site)  # urlsplit raised ValueError: Invalid IPv6 URL
    assert sorted((f["code"], f["line"]) for f in doc["findings"]) == [
        ("broken-link", 5), ("remote-image", 7)]
    assert status == 0 and "Traceback" not in err  # warnings: the address prints


def test_an_unwritable_cache_costs_a_warning_not_the_build(tmp_path, capsys, monkeypatch):
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    (tmp_path / "blocker").write_text("a file where the cache folder should be")
    assert _build(site, tmp_path / "out", "--cache", str(tmp_path / "blocker" / "cache")) == 0
    err = capsys.readouterr().err
    assert "cache-unwritable" in err and "Traceback" not in err
    assert list((tmp_path / "out").glob("*.pdf"))
    if Path("/proc/self").is_dir():  # a read-only working folder: check needs no cache at all
        monkeypatch.chdir("/proc")
        status, doc, err = check_json(capsys, site)
        assert status == 0 and doc["findings"] == [] and not err


def test_a_damaged_cache_is_ignored(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    out, cache = tmp_path / "out", tmp_path / ".manualgen-cache"
    assert _build(site, out) == 0
    for record in (cache / "builds").glob("*.json"):
        record.write_text("[1, 2]")
    (cache / "stat-memo.json").write_text(json.dumps({str(site / "content/de/a.md"): 5}))
    assert _build(site, out) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_param_reads_the_page_first_and_says_when_there_is_none(tmp_path, capsys):
    from manualgen.build import BuildOptions, build, page_converter
    from manualgen.content import discover

    site = write_site(tmp_path, {**HOME, "content/de/a.md": (
        "---\ntitle: A\nProduct: Dataloom\n---\n"
        "{{< param product >}} {{< param version >}} {{< param nope >}} {{< param >}}\n")})
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    got = sorted((f.code, f.line, f.column) for f in result.findings)
    assert got == [("missing-param", 5, 45), ("missing-param", 5, 64)]
    home = discover(result.settings, "de", result.findings, build_date_of(result))
    html = page_converter(result.settings, "de", result.findings).convert(home.children[0])
    assert html.startswith("<p>Dataloom 2.0")  # the page's own value, then the site's


def test_old_mac_line_ends_are_line_ends(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": b"---\rtitle: CR\r---\rIntro\r\r![x](/img/no.png)\r"})
    status, doc, _ = check_json(capsys, site)
    assert codes(doc) == ["missing-image"] and finding(doc, "missing-image")["line"] == 6
    assert status == 0


def test_a_build_without_cache_reads_no_file_it_does_not_need(tmp_path, capsys, monkeypatch):
    """--no-cache reuses nothing, so the site's files (videos in static/, say) are not hashed."""
    import manualgen.cache

    def refuse(*args):
        raise AssertionError("every file of the site was hashed")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(manualgen.cache, "input_key", refuse)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n")})
    assert _build(site, tmp_path / "out", "--no-cache") == 0


def test_objects_embeds_and_style_urls_print_the_sites_files(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
    site = write_site(tmp_path / "site", {
        **HOME,
        "static/img/d.svg": svg,
        "content/de/a.md": page("A", 1, (
            '<object data="/img/d.svg" type="image/svg+xml">fallback</object>\n\n'
            '<embed src="/img/d.svg">\n\n'
            '<div style="height: 5mm; background: url(/img/d.svg)">x</div>\n\n'
            '<object data="/img/gone.svg">shown instead</object>\n')),
    })
    out = tmp_path / "out"
    assert _build(site, out, "--html") == 0  # was: resource refused, exit 1
    err = capsys.readouterr().err
    assert 'content/de/a.md:11: warning: <object>: "/img/gone.svg" is not a file of the site' in err
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert html.count("static/img/d.svg") == 3 and "<object>shown instead</object>" in html


def test_a_language_whose_home_page_is_a_draft_is_an_error_not_an_empty_manual(tmp_path, capsys):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo.\n", draft="true"),
        "content/de/a/_index.md": page("Kapitel", body="Text.\n", draft="true"),
        "content/de/a/p.md": page("Seite", body="Seite.\n"),
        "content/fr/_index.md": page("Accueil", body="Texte.\n"),
    })
    out = tmp_path / "out"
    status = main(["build", "--site", str(site), "--lang", "de", "--out", str(out), "--no-cache"])
    err = capsys.readouterr().err
    assert status == 1 and "nothing-to-print" in err and "home page is not published" in err
    assert "content/de/_index.md:3:" in err and not (out / "test-manual-de.pdf").exists()
    # --all: the other languages are built, this one is skipped with a warning.
    status = main(["build", "--site", str(site), "--all", "--out", str(out), "--no-cache"])
    assert status == 0 and (out / "test-manual-fr.pdf").exists()
    assert not (out / "test-manual-de.pdf").exists()


def test_a_language_begun_with_an_empty_home_page_is_printed_with_a_warning(tmp_path, capsys):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo.\n"),
        "content/fr/_index.md": page("Accueil"),
        "content/fr/a.md": page("Brouillon", body="Texte.\n", draft="true"),
    })
    out = tmp_path / "out"
    status = main(["build", "--site", str(site), "--lang", "fr", "--out", str(out), "--no-cache"])
    err = capsys.readouterr().err
    assert status == 0 and (out / "test-manual-fr.pdf").exists()
    assert "content/fr/_index.md: warning:" in err and "no text to print" in err


# --- found by mutating the team's handbook one edit at a time --------------------------------

FR_HOME = {"content/fr/_index.md": page("Accueil", body="Texte.\n")}


def test_a_word_of_200_000_letters_is_compared_in_linear_time():
    import time

    from manualgen.translations import identify

    start = time.process_time()
    identify("x" * 200_000)  # the address pattern was tried at every letter: minutes
    assert identify("Bitte schreiben Sie an support@example.org, wenn der Fehler bleibt.").lang == "de"
    assert time.process_time() - start < 5


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_image_the_system_refuses_is_an_error_at_its_line(tmp_path, capsys, monkeypatch, command):
    import builtins

    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path / "site", {**HOME, "content/de/a.md": page("A", 1, "x\n\n![S](/img/shot.png)\n"),
                                          "static/img/shot.png": png_bytes()})
    original = builtins.open

    def refusing_open(file, *args, **kwargs):  # what chmod 000 does to everyone but root
        if str(file).endswith("shot.png"):
            raise PermissionError(13, "Permission denied", str(file))
        return original(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    extra = ["--out", str(tmp_path / "out")] if command == "build" else []
    status = main([command, "--site", str(site), "--lang", "de", *extra])
    text = "".join(capsys.readouterr())
    assert status == 1 and "Traceback" not in text  # was the end of the run, without page or line
    assert 'content/de/a.md:7: error: image "shot.png": cannot read the file (Permission denied)' in text


def test_a_folder_of_pages_that_cannot_be_read_is_an_error(tmp_path, capsys, monkeypatch):
    import os

    site = write_site(tmp_path, {**HOME, **FR_HOME, "content/de/b.md": page("B", 2, "x\n"),
                                 "content/fr/b.md": page("B", 2, "x\n"),
                                 "content/de/locked/_index.md": page("Kapitel", 1),
                                 "content/de/locked/a.md": page("A", 1, "x\n"),
                                 "content/fr/locked/_index.md": page("Chapitre", 1),
                                 "content/fr/locked/a.md": page("A", 1, "x\n")})
    original = os.scandir

    def scandir(path="."):  # chmod 000 on the folder
        if str(path).endswith("de/locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status, doc, err = check_json(capsys, site, "--lang", "fr")
    # The chapter was left out of the manual without a word (exit 0).
    f = finding(doc, "unreadable-file")
    assert (f["file"], f["lang"]) == ("content/de/locked", "de") and "Permission denied" in f["message"]
    assert codes(doc) == ["unreadable-file"]  # the French pages are not "untranslated"
    assert status == 1 and "Traceback" not in err


@pytest.mark.parametrize("data, line, words", [
    (b"---\ntitle: A\n---\nok\nText\x00 mit NUL\n", 5, "NUL"),        # the character vanished
    ("---\ntitle: U\n---\nText\n".encode("utf-16-le"), 1, "UTF-16"),  # valid UTF-8, all NULs
    (b"---\rtitle: Mac\r---\rok\r\x8a\r", 5, "0x8a"),                  # MacRoman, old Mac lines
])
def test_text_that_is_not_utf8_text_is_bad_encoding_at_its_line(tmp_path, capsys, data, line, words):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": data})
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-encoding")
    assert (f["file"], f["line"]) == ("content/de/a.md", line) and words in f["message"]
    assert status == 1 and "Traceback" not in err


def test_odd_characters_in_translation_files_are_one_line_each(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                 "content/de/b.md": "---\ntitle: B\nslug: b\x01\n---\nx\n",
                                 "i18n/de.toml": b'[ok]\nother = "fine"\n[bad]\nother = "caf\xe9"\n'})
    status, doc, err = check_json(capsys, site)  # the i18n file was a UnicodeDecodeError traceback
    got = {(f["code"], f["file"], f["line"]) for f in doc["findings"]}
    assert got == {("bad-front-matter", "content/de/b.md", 3), ("bad-i18n", "i18n/de.toml", 4)}
    assert all("\n" not in f["message"] and "unicode string" not in f["message"]
               for f in doc["findings"])
    assert "U+0001" in finding(doc, "bad-front-matter")["message"]
    assert status == 1 and "Traceback" not in err


def test_a_byte_order_mark_in_config_and_translation_files_is_read(tmp_path, capsys):
    from .conftest import HUGO_TOML

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                 "hugo.toml": b"\xef\xbb\xbf" + HUGO_TOML.encode(),
                                 "i18n/de.toml": b'\xef\xbb\xbf[ok]\nother = "fine"\n'})
    status, doc, err = check_json(capsys, site)  # both were "Invalid statement" at line 1
    assert status == 0 and doc["findings"] == [] and "Traceback" not in err


def test_unclosed_shortcode_names_the_one_that_lacks_its_closing_tag(tmp_path, capsys):
    body = ("{{<faqBlock>}}\n{{<numberedList>}}\n{{<listItem>}}\nFrage?\n"
            "{{<collapsibleBlock>}}\n{{<collapsibleBlock>}}\nAntwort.\n{{</collapsibleBlock>}}\n"
            "{{</listItem>}}\n{{</numberedList>}}\n{{</faqBlock>}}\n")
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "unclosed-shortcode")
    # Hugo names faqBlock (line 5), whose closing tag is there; the doubled line 9 lacks one.
    assert (f["line"], f["message"]) == (9, 'unclosed shortcode "collapsibleBlock"')
    assert status == 1


def test_a_shortcode_that_lost_an_end_or_a_start_says_so(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        '{{<insertImage image="a.png" class="edge"\n</div>\n\n'   # line 5: ">}}" deleted
        'Text\n\ninsertImage image="b.png">}}\n'))})            # line 10: "{{<" deleted
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-shortcode")
    assert f["line"] == 6 and "the tag opened at line 5: is its >}} missing?" in f["message"]
    site.joinpath("content/de/a.md").write_text(page("A", 1, 'Text\n\ninsertImage image="b.png">}}\n'))
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-shortcode")  # printed as text, with no word
    assert (f["severity"], f["line"], f["column"]) == ("warning", 7, 26)
    assert f["message"] == '"insertImage image="b.png">}}" prints as text: the shortcode\'s "{{<" is missing'
    assert status == 0


def test_a_tag_end_inside_an_html_comment_prints_nothing_and_is_not_reported(tmp_path, capsys):
    # a note to translators that shows a tag's usage, with a "{{<note>}}" inside the note
    body = ('<!--\nHow to use the note (translators):\n{{</* note */>}} text {{</* /note */>}}\n'
            '{% note kind="tip" %}}\n  the words\n{% /note %}}\n-->\n\nText\n')
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    status, doc, _ = check_json(capsys, site)
    assert not [f for f in doc["findings"] if f["code"] == "bad-shortcode"]
    assert status == 0


@pytest.mark.parametrize("body, line, words", [
    ('{{<link url="x">}}a{{</link\n\n## Next\n', 7, "(the tag opened at line 5: is its >}} missing?)"),
    ('{{<insertImage image="a.png class="edge">}}\n', 5, '"a.png class=" (is a quote missing?)'),
    ('{{<link url="x" newTab="true"Text{{</link>}}\n', 5, '"true" (is the >}} missing?)'),
])
def test_a_shortcode_tag_that_lost_a_character_says_which(tmp_path, capsys, body, line, words):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-shortcode")
    assert f["line"] == line and f["message"].endswith(words)
    assert status == 1


def test_line_separators_and_form_feeds_do_not_shift_the_lines(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": (
        "---\ntitle: A\n---\nPasted\u2028text, a form\x0cfeed\n\n![x](/img/gone.png)\n\n[l](/nope/)\n"
    ).encode()})
    status, doc, _ = check_json(capsys, site)
    assert sorted((f["code"], f["line"]) for f in doc["findings"]) == [
        ("broken-link", 8), ("missing-glyphs", 4), ("missing-image", 6)]  # were 10 and 8
    # the form feed itself prints as an empty box (WeasyPrint's .notdef glyph)
    assert status == 0


def test_html_nested_too_deep_is_reported_at_its_line(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "Intro\n\n<p>fine</p>\n\n" + "<span>" * 500 + "deep\n"))})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "page-failed")
    assert (f["line"], status) == (9, 1)  # was the page's first line


def test_a_draft_that_is_neither_true_nor_false_is_warned_about(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": "---\ntitle: A\ndraft: maybe\n---\nx\n"})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")
    assert (f["line"], f["severity"]) == (3, "warning")
    assert "Hugo publishes the page, and the manual prints it" in f["message"]
    assert status == 0


def test_a_translation_that_cannot_be_read_is_not_reported_missing(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, **FR_HOME,  # folders paired in any case, as in Hugo
                                 "content/de/Benutzer/a.md": page("A", 1, "x\n"),
                                 "content/fr/benutzer/a.md": b"---\ntitle: A\n---\ncaf\xe9\n"})
    status, doc, _ = check_json(capsys, site, "--lang", "fr")
    assert codes(doc) == ["bad-encoding"]  # not also "the French manual lacks it" on the German page
    assert status == 1


@pytest.mark.parametrize("tag", ["<title>Oops", "<textarea>", '<iframe src="https://x.org/">', "<script>"])
def test_an_unclosed_element_that_hides_the_rest_of_the_page_is_reported(tmp_path, capsys, tag):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, f"Intro\n\n{tag}\n\nMore text.\n")})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "unclosed-tag")  # "More text." vanished from the PDF without a word
    assert f["line"] == 7 and "is never closed: the rest of the page" in f["message"]
    assert status == 0  # a warning, as an unclosed comment: the web hides the text too


def test_a_broken_tag_in_the_page_is_reported_at_its_own_line(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "Willkommen\n\n{{<alert>}}\nDer Text wird laufend aktualisiert.\n{{</alert>}}\n\n"
        '<a href="/x/\n'))})
    status, doc, _ = check_json(capsys, site)
    assert finding(doc, "tag-as-text")["line"] == 11  # was 8: the words before it, in the alert
    assert status == 0


def test_translation_and_config_files_with_old_mac_line_ends_or_cut_short(tmp_path, capsys):
    from .conftest import HUGO_TOML

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                 "i18n/de.toml": b'[ok]\rother = "fine"\r[more]\rother = "x"\r'})
    status, doc, err = check_json(capsys, site)  # was "Expected newline" at line 1
    assert status == 0 and doc["findings"] == [] and "Traceback" not in err
    cut = HUGO_TOML[:HUGO_TOML.index("[languages.fr]") + 6]
    (site / "hugo.toml").write_text(cut, encoding="utf-8")
    assert main(["check", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert f"hugo.toml:{len(cut.splitlines())}: error: invalid TOML" in err  # had no line


def test_an_i18n_key_that_lost_its_text_is_reported_once_on_its_file(tmp_path, capsys):
    notes = "{{< releaseNotes >}}\nx\n{{< /releaseNotes >}}\n\n"
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, notes * 2),
                                 # the "other = …" line under the key was deleted
                                 "i18n/de.toml": '[release_notes_title]\n\n[release_notes_new_version_text]\n'
                                                 'other = "Neu"\n',
                                 "i18n/fr.toml": '[release_notes_title]\nother = "Notes"\n'})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "missing-i18n")  # the German heading was empty, without a word
    assert (f["file"], f["line"], f["severity"]) == ("i18n/de.toml", 1, "warning")
    assert f["message"].startswith('the key "release_notes_title" has no text here, though i18n/fr.toml')
    assert f["message"].endswith("first at content/de/a.md:5")
    assert status == 0


def test_a_control_character_in_a_translation_or_config_file_is_named(tmp_path, capsys):
    from .conftest import HUGO_TOML

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "x\n"),
                                 "i18n/de.toml": b'[ok]\nother = "fine"\n[ba\x00d]\nother = "x"\n'})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-i18n")  # was "Expected ']' at the end of a table declaration"
    assert f["line"] == 3 and "control character U+0000" in f["message"] and status == 1
    (site / "hugo.toml").write_bytes(HUGO_TOML.encode().replace(b"[params]", b"[par\x08ams]"))
    assert main(["check", "--site", str(site)]) == 1
    assert "hugo.toml:4: error: the control character U+0008 is not allowed" in capsys.readouterr().err


def test_a_page_that_is_a_symbolic_link_to_itself_is_one_finding(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, **FR_HOME, "content/fr/loop.md": page("Boucle", 1, "x\n"),
                                 "content/de/b.md": page("B", 2, "x\n"), "content/fr/b.md": page("B", 2, "x\n")})
    (site / "content/de/loop.md").symlink_to(site / "content/de/loop.md")
    status, doc, err = check_json(capsys, site)  # was a RuntimeError "Symlink loop" traceback
    f = finding(doc, "unreadable-file")
    assert f["file"] == "content/de/loop.md" and "too many levels of symbolic links" in f["message"]
    assert codes(doc) == ["unreadable-file"]  # the French page is not "untranslated"
    assert status == 1 and "Traceback" not in err


@pytest.mark.parametrize("line, words, status", [
    ("  \u00a0weight: 2", "(the line holds the invisible U+00A0)", 1),
    ("\ufeffweight: 2", 'the key "weight" holds an invisible U+FEFF', 0),  # the weight was ignored
])
def test_an_invisible_character_in_front_matter_is_named(tmp_path, capsys, line, words, status):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": f"---\ntitle: A\n{line}\n---\nx\n".encode()})
    got, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")  # the line looked right in every editor
    assert f["line"] == 3 and words in f["message"] and got == status


def test_a_weight_that_is_true_is_quoted_as_written(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": "---\ntitle: A\nweight: true\n---\nx\n"})
    status, doc, _ = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")
    assert f["message"].startswith('weight "true" is not a whole number')  # was Python's "True"
    assert (f["line"], status) == (3, 0)


def test_a_front_matter_key_given_twice_is_a_warning_at_the_second_one(tmp_path, capsys):
    site = write_site(tmp_path, {
        **HOME,
        "content/de/a.md": "---\ntitle: Alter Titel\nweight: 1\nTitle: Neuer Titel\n"
                           "params:\n  title: nested, not a repeat\n---\nText.\n",
    })
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "bad-front-matter")
    assert (f["file"], f["line"], f["severity"]) == ("content/de/a.md", 4, "warning")
    assert '"Title" is given twice (lines 2 and 4); the first one is used' in f["message"]
    assert status == 0 and "Traceback" not in err
    (site / "content/de/a.md").write_text("---\ntitle: Alt\ntitle: Neu\n---\nText.\n",
                                          encoding="utf-8")
    _status, doc, _err = check_json(capsys, site)
    assert "(lines 2 and 3); the second one is used" in finding(doc, "bad-front-matter")["message"]


def test_a_screenshot_folder_that_may_not_be_read_is_not_called_missing(tmp_path, capsys,
                                                                        monkeypatch):
    site = write_site(tmp_path, {
        **HOME,
        "content/de/a.md": page("A", 1, "Intro\n\n![Shot](/img/locked/shot.png)\n"),
        "static/img/locked/shot.png": png_bytes(40, 30),
    })
    # A folder under chmod 000, as an ordinary user meets it (root, who runs CI, may read
    # anything): every look inside it is refused.
    locked = site / "static/img/locked"
    real_stat, real_open = Path.stat, Path.open

    def refuse(path):
        if locked in Path(path).parents:
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "stat", lambda self, **kw: refuse(self) or real_stat(self, **kw))
    monkeypatch.setattr(Path, "open", lambda self, *a, **kw: refuse(self) or real_open(self, *a, **kw))
    status, doc, err = check_json(capsys, site)
    f = finding(doc, "image-unreadable")
    assert (f["file"], f["line"]) == ("content/de/a.md", 7)
    assert "permission denied" in f["message"] and "static/img/locked/shot.png" in f["message"]
    assert "missing-image" not in codes(doc)
    assert status == 1 and "Traceback" not in err


def test_untitled_pages_are_printed_under_names_as_hugo_and_its_themes_make_them(tmp_path):
    """A page or section without a title is printed under the title Hugo Book and Geekdoc
    show in their menus (the words of its file or folder name, in title case), with a
    warning.  ``titleCaseStyle`` is the site's."""
    from manualgen.build import BuildOptions, build

    files = {**HOME, "content/de/getting-started/_index.md": "---\nweight: 1\n---\nx\n",
             "content/de/getting-started/create-a_site.md": "---\nweight: 1\n---\nx\n",
             "content/de/getting-started/for-you/index.md": "---\nweight: 2\n---\nx\n"}
    site = write_site(tmp_path / "ap", files)
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    titles = sorted(f.message for f in result.findings if f.code == "missing-title")
    assert titles == ['page has no title; printing "Create a Site"',
                      'page has no title; printing "For You"',
                      'page has no title; printing "Getting Started"']
    first = write_site(tmp_path / "first", {**files, "hugo.toml": 'titleCaseStyle = "firstupper"\n'
                                             + (tmp_path / "ap/hugo.toml").read_text()})
    result = build(first, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    assert 'page has no title; printing "Create a site"' in [f.message for f in result.findings]


def test_an_untitled_page_that_opens_with_a_heading_is_titled_by_it_once(tmp_path):
    """Hugo Book's and Geekdoc's pages often have no title but open with "# Heading": that
    heading titles the page in the manual and is not printed a second time below it.  A
    heading with attributes ({#id}, which links may name) stays, and the file names the page."""
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path, {**HOME,
                                 "content/de/columns.md": "---\nweight: 1\n---\n\n# Spalten im Satz\n\nText.\n",
                                 "content/de/kept.md": "---\nweight: 2\n---\n# Behalten {#own}\n\nMehr.\n"})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    messages = sorted(f.message for f in result.findings if f.code == "missing-title")
    assert messages == ['page has no title; printing "Kept"',
                        'page has no title; printing its first heading "Spalten im Satz"']
    html = result.results[0].html.read_text(encoding="utf-8")
    assert html.count("Spalten im Satz</h") == 1  # the title only, not the heading again
    assert '<h2 id="p-kept--own">Behalten</h2>' in html and "> Kept</h1>" in html


def test_a_heading_that_titles_its_page_prints_its_words_not_its_marks(tmp_path):
    """A page without front matter that opens with "# Words[](https://…)" (a heading with
    an empty permalink, as a translated home page of the CNCF glossary does) or with code,
    links and emphasis in its heading is titled by the words the heading shows: its
    Markdown marks do not reach the title, the contents or the running head."""
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path, {**HOME,
                                 "content/de/dienste.md": "\n# Dienste[](https://example.org/#dienste)\n\nText.\n",
                                 "content/de/werkzeug.md": "---\nweight: 2\n---\n"
                                 "# Mit [`kubectl`](https://kubernetes.io/) *arbeiten*\n\nMehr.\n"})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    messages = sorted(f.message for f in result.findings if f.code == "missing-title")
    assert messages == ['page has no title; printing its first heading "Dienste"',
                        'page has no title; printing its first heading "Mit kubectl arbeiten"']
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "[](" not in html and "`kubectl`" not in html and "*arbeiten*" not in html
    assert html.count("Dienste</h") == 1 and "Mit kubectl arbeiten</h" in html


@pytest.mark.parametrize("body, line", [
    ("".join(">" * (i + 1) + " Zitat\n\n" for i in range(1000)), 165),  # 1,000 quotes: 33 s
    ("".join("  " * i + "- Punkt\n" for i in range(1000)), 45),  # 1,000 lists: 5 s
    ("".join("\t" * i + "1. Punkt\n" for i in range(1000)), 45),
])
def test_quotes_and_lists_nested_past_the_layout_are_refused_at_once_at_their_line(
        tmp_path, capsys, body, line):
    import time

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    start = time.process_time()
    status, doc, err = check_json(capsys, site)
    assert time.process_time() - start < 5 and "Traceback" not in err
    f = finding(doc, "page-failed")
    assert (f["line"], status) == (line, 1) and "nests quotes or lists" in f["message"], f


def test_quote_marks_in_code_and_quotes_the_layout_takes_are_not_refused(tmp_path, capsys):
    fenced = "```\n" + "".join(">" * (i + 1) + "\n" for i in range(100)) + "```\n\n"
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        fenced + "> " * 30 + "tief\n\n" + "".join("  " * i + "- x\n" for i in range(20))))})
    status, doc, _err = check_json(capsys, site)
    assert status == 0 and doc["findings"] == [], doc["findings"]


def _laughs(levels: int) -> str:
    """YAML whose anchors and aliases expand to 9**levels values (a "billion laughs")."""
    lines = ["l0: &l0 [" + ", ".join(["ha"] * 9) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("files, where, code", [
    ({"content/de/a.md": "---\ntitle: A\n" + _laughs(7) + "---\nText\n"}, "content/de/a.md", "bad-front-matter"),
    ({"i18n/de.yaml": _laughs(7)}, "i18n/de.yaml", "bad-i18n"),
    ({"config/_default/params.yaml": _laughs(7)}, "config/_default/params.yaml", "config"),
])
def test_yaml_whose_aliases_expand_to_millions_of_values_is_refused_as_hugo_does(
        tmp_path, capsys, files, where, code):
    # 8 levels of front matter took 19 s and 1.2 GB, 9 levels would take minutes; Hugo stops:
    # "document contains excessive aliasing"
    site = write_site(tmp_path, {**HOME, **files})
    status, doc, err = check_json(capsys, site)
    assert status == 1 and "Traceback" not in err
    f = finding(doc, code)
    assert f["file"] == where and "excessive aliasing" in f["message"], f


def test_yaml_anchors_used_a_few_times_are_read(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": (
        "---\ntitle: A\nbase: &b {x: 1, y: 2}\nc: *b\nd: {<<: *b, z: 3}\n" + _laughs(3) + "---\nText\n")})
    status, doc, _err = check_json(capsys, site)
    assert (status, doc["findings"]) == (0, []), doc["findings"]


@pytest.mark.parametrize("front, printed, warned", [
    ('title: 2.0', "2", True), ('title = 3.10', "3.1", True), ('title: 0.0000001', "0.0000001", False)])
def test_a_title_that_is_a_number_prints_as_hugo_prints_it(tmp_path, capsys, front, printed, warned):
    # "2.0" printed where Hugo's page shows "2", and 1e-07 where it shows 0.0000001; a number
    # Hugo prints otherwise than it is written is a warning (a version 3.10 shows as 3.1)
    fence = "+++" if " = " in front else "---"
    site = write_site(tmp_path, {**HOME, "content/de/a.md": f"{fence}\n{front}\n{fence}\nText\n"})
    status, doc, _err = check_json(capsys, site)
    found = [(f["code"], f["line"]) for f in doc["findings"]]
    assert (status, found) == (0, [("bad-front-matter", 2)] if warned else []), doc["findings"]
    if warned:
        assert f'prints as "{printed}", as Hugo prints it' in doc["findings"][0]["message"]
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--no-cache", "--html", "--quiet"]) == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    assert f'<span class="title-num">1</span> {printed}</h1>' in html


GREET = {"manualgen.toml": '[paths]\nshortcodes = "sc"\n', "sc/greet.html": "{{ T('hello') }}|{{ T('count', 3) }}",
         "content/de/a.md": page("A", 1, "G: {{< greet >}}\n")}


@pytest.mark.parametrize("name, data, line, words", [
    ("de.toml", 'hello = "Hallo"\ncount = 5\n', 2, 'the text of "count" is a number'),
    ("de.yaml", "hello:\n  one: a\n  other: null\n", 1, 'the text of "hello" (its "other") is nothing'),
    ("de.json", '{"hello": "x", "count": {"other": true}}', 1, "true or false"),
    ("de.yaml", "- id: hello\n  translation: Hallo\n- 7\n", None, "item 2 of the list"),
    ("de.yaml", "hallo\n", 1, "a single value"),
])
def test_a_translation_that_is_not_text_stops_its_language_as_in_hugo(tmp_path, capsys, name, data,
                                                                       line, words):
    # printed as Python writes it: "5", "True", "None"; Hugo stops: "unsupported file format"
    site = write_site(tmp_path, {**HOME, **GREET, f"i18n/{name}": data})
    status, doc, _err = check_json(capsys, site)
    f = finding(doc, "bad-i18n")
    assert (status, f["file"], f["line"]) == (1, f"i18n/{name}", line) and words in f["message"], f


def test_a_translation_that_is_a_list_or_table_prints_nothing_as_in_hugo(tmp_path, capsys):
    # printed as Python writes it: "['a']", "{'x': 'y'}"
    site = write_site(tmp_path, {**HOME, **GREET, "i18n/de.toml": 'hello = ["a"]\n[count.other]\nx = "y"\n'})
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--no-cache", "--html", "--quiet"]) == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    assert "<p>G: |</p>" in html


@pytest.mark.parametrize("hugo, line, words", [
    ("baseURL: https://e.org/\ntitle: [Handbuch]\n", 2, "title is a list, not text"),
    ("baseURL: https://e.org/\nlanguages: [de, fr]\n", 2, "languages must be a table"),
    ("baseURL: https://e.org/\ndefaultContentLanguage: de\nlanguages:\n  de:\n    weight: eins\n", 5,
     'languages.de.weight "eins" must be a whole number'),
    ("baseURL: https://e.org/\ndefaultContentLanguage: de\nlanguages:\n  de:\n    languageName: {a: 1}\n", 5,
     "languages.de.languageName is a table"),
])
def test_hugo_settings_hugo_cannot_decode_are_config_errors_at_their_line(tmp_path, capsys, hugo, line,
                                                                          words):
    # the cover printed "[Handbuch]"; a list of languages became one English manual
    site = write_site(tmp_path, {**HOME, "hugo.yaml": hugo}, hugo=None)
    status, doc, _err = check_json(capsys, site)
    f = finding(doc, "config")
    assert (status, f["file"], f["line"]) == (1, "hugo.yaml", line) and words in f["message"], f


def test_thousands_of_headings_of_one_text_get_their_ids_in_linear_time():
    # each id tried "-1", "-2" … again from the start: 20,000 "---" lines took 30 s
    import time

    from manualgen.heading_ids import IdFactory

    ids, start = IdFactory(), time.process_time()
    ids.put("x-3")
    made = [ids.generate("x") for _ in range(20_000)]
    assert time.process_time() - start < 2
    assert made[:5] == ["x", "x-1", "x-2", "x-4", "x-5"] and made[-1] == "x-20000"


def test_a_block_of_thousands_of_setext_headings_is_read_line_by_line():
    # the whole block was split into lines again for each heading in it (quadratic)
    import time

    from manualgen.convert import _first_lines, _setext_end

    block = "Titel\n=====\n" * 50_000
    start = time.process_time()
    for _ in range(2_000):
        assert _setext_end(block) == 1
    lines, rest = _first_lines(block, 2)
    assert time.process_time() - start < 1
    assert lines == ["Titel", "====="] and rest == block[12:]


@pytest.mark.parametrize("body", [
    "Text " + "&amp; " * 100_000 + "\n",  # minutes: each entity rewrote the whole paragraph
    "<" * 200_000 + "\n",  # « for each "<<": the same
    '"a" *b* [c](d) `e` ' * 100_000 + "\n",  # 1.9 MB on one line: over two minutes
])
def test_a_paragraph_of_a_hundred_thousand_entities_is_refused_at_once(tmp_path, capsys, body):
    import time

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, "Intro.\n\n" + body)})
    start = time.process_time()
    status, doc, err = check_json(capsys, site)
    assert time.process_time() - start < 5 and "Traceback" not in err
    f = finding(doc, "page-failed")
    assert (status, f["line"]) == (1, 7) and "split it into paragraphs" in f["message"], f


def test_long_paragraphs_of_emphasis_code_and_tables_are_not_refused(tmp_path, capsys):
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, (
        "_a __b " * 5_000 + "\n\n" + "`x` " * 5_000 + "\n\n" + "|a|b|\n|-|-|\n" + "|&amp;|<b>x</b>|\n" * 3_000
        + "\n```\n" + "&amp;" * 50_000 + "\n```\n"))})
    status, doc, _err = check_json(capsys, site)
    assert "page-failed" not in codes(doc) and status == 0, doc["findings"]


def test_a_paragraph_of_a_hundred_thousand_quotes_is_printed_in_linear_time(tmp_path, capsys):
    # the typographer rewrote the paragraph's text once per quote it curled, and looked
    # through every quote for each piece of text: minutes for 100,000 quotes in one line
    import time

    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, '"a" ' * 100_000)})
    start = time.process_time()
    status, _doc, err = check_json(capsys, site)
    assert time.process_time() - start < 10 and status == 0 and "Traceback" not in err


def test_links_that_resolve_are_not_searched_for_in_the_source(tmp_path, capsys, monkeypatch):
    # each footnote link searched the page's whole text for its line, wanted only for a
    # finding: 3,000 footnotes took 45 s
    from manualgen.content import SourceText

    calls = []
    real = SourceText.find_line
    monkeypatch.setattr(SourceText, "find_line", lambda self, *a, **k: calls.append(a) or real(self, *a, **k))
    body = "".join(f"Satz[^{i}] und [A](a.md).\n\n[^{i}]: Note {i}\n\n" for i in range(200))
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body + "[weg](nirgends.md)\n")})
    status, doc, _err = check_json(capsys, site)
    assert status == 0 and [f["code"] for f in doc["findings"]] == ["broken-link"]
    assert doc["findings"][0]["line"] == 805
    assert len(calls) < 20, len(calls)


def test_go_template_code_in_a_translation_is_left_out_with_a_warning(tmp_path, capsys):
    # printed as written: "{{ if gt .Count 1 }}viele{{ end }}"; Hugo runs it
    site = write_site(tmp_path, {**HOME, **GREET, "i18n/de.toml": (
        '[hello]\nother = "{{ if gt .Count 1 }}viele{{ end }}"\n'
        '[count]\nother = "{{ printf \\"%d\\" .Count }} Stück"\n')})
    status, doc, _err = check_json(capsys, site)
    f = finding(doc, "bad-i18n")
    assert (status, f["severity"], f["file"], f["line"]) == (0, "warning", "i18n/de.toml", 1)
    assert "{{ if gt .Count 1 }}" in f["message"]
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--no-cache", "--html", "--quiet"]) == 0
    html = (tmp_path / "out" / "test-manual-de.html").read_text(encoding="utf-8")
    assert "<p>G: viele|3 Stück</p>" in html


def test_highlight_options_hugo_refuses_are_errors_at_their_line(tmp_path, capsys):
    # Hugo 0.149.1 stops at each of these ("1 error(s) decoding: 'linenostart' expected type
    # 'int'"); manualgen printed the code numbered from 1 without a word.
    body = (
        '{{< highlight go "linenos=table,linenostart=abc" >}}\npackage main\n{{< /highlight >}}\n\n'
        "- item\n\n  ```go {linenos=true,linenostart=x1}\n  a := 1\n  ```\n\n"
        "```go {linenos=true,linenostart=0x10}\nb := 2\n```\n\n"
        '```go {anchorlinenos=maybe}\nc := 3\n```\n\n'
        '{{< highlight lang="go" lineNoStart="1.5" >}}\nd\n{{< /highlight >}}\n')
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", body=body)})
    status, doc, err = check_json(capsys, site)
    found = sorted((f["line"], f["message"].split('"')[0] + f["message"].split('"')[1])
                   for f in doc["findings"] if f["code"] == "bad-highlight")
    first = 1 + page("A").count("\n")  # the body's first line
    assert found == [(first, "highlight option linenostart=abc"),
                     (first + 6, "highlight option linenostart=x1"),
                     (first + 14, "highlight option anchorlinenos=maybe"),
                     (first + 18, "highlight option linenostart=1.5")]
    assert status == 1 and "Traceback" not in err


def test_line_numbers_start_where_hugo_starts_them():
    from manualgen.shortcodes import code_block

    def numbers(options):
        return re.findall(r'<span class="ln">(-?\d+)</span>', code_block("a\nb", "go", options))

    assert numbers("linenos=inline,linenostart=-3") == ["-3", "-2"]  # Hugo prints -3 too
    assert numbers("linenos=true,linenostart=0x10") == ["16", "17"]
    assert numbers("linenos=true,linenostart=") == ["0", "1"]
    assert numbers("linenos=true,linenostart=abc") == ["1", "2"]  # and an error, above


@pytest.mark.parametrize("elsewhere, warned", [
    ("{{% notice tip %}}\nGeschlossen.\n{{% /notice %}}", True),  # closed elsewhere: takes content
    ("{{% notice tip /%}}", False),  # self-closed elsewhere: no sign it takes content
    ("Kein Hinweis.", False)])
def test_a_shortcode_left_open_that_the_language_closes_elsewhere_is_reported(
        tmp_path, elsewhere, warned):
    """Where no Hugo template of the shortcode can be read (a theme that is a Hugo module),
    a call left open is reported when another page closes the same shortcode: Hugo stops
    for it ("must be closed or self-closed"), and the manual would print its content after
    it instead of in it."""
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Willkommen."),
        "content/de/a.md": page("A", 1, body=elsewhere),
        "content/de/b.md": page("B", 2, body="Vorher.\n\n{{% notice warning %}}\nOffen.\n"),
    })
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    found = [(Path(f.file).name, f.line) for f in result.findings
             if f.code == "unclosed-shortcode"]
    assert found == ([("b.md", 7)] if warned else [])


def test_a_style_whose_css_variable_only_the_theme_defines_is_explained(tmp_path):
    """A page's inline style names a variable the theme's stylesheet defines for the web
    (var(--color-primary)), which the manual's stylesheets do not: WeasyPrint's "no value"
    is said in the writer's terms, with what to do, at the page's line."""
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "hugo.toml": ('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
                      '[markup.goldmark.renderer]\nunsafe = true\n'),
        "content/de/_index.md": page("Start", body=(
            'Text.\n\n<div style="background: var(--color-primary)">Box</div>\n'))})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True, jobs=1))
    [css] = [f for f in result.findings if f.code == "css"]
    assert css.line == 6 and Path(css.file).name == "_index.md"
    assert 'The style "background" has no value in print' in css.message
    assert "[print] stylesheets" in css.message


def test_thousands_of_undefined_references_are_named_in_linear_time(tmp_path, capsys):
    """Found by fuzzing: each reference searched the whole page twice (its escape, the
    definitions), 8,000 of them took 48 s of check; each is still named at its line, and
    one defined further down or escaped is still left alone."""
    import time

    links = "\n\n".join(f"siehe [die Worte {i}][marke {i}] hier" for i in range(6000))
    body = links + "\n\n[die Hilfe][Marke  X] und \\[a b][c d]\n\n[marke x]: /hilfe\n"
    site = write_site(tmp_path, {**HOME, "content/de/a.md": page("A", 1, body)})
    start = time.process_time()
    assert main(["check", "--site", str(site), "--lang", "de", "--format", "json"]) == 0
    assert time.process_time() - start < 8  # 15 s of CPU before, 2 s after
    found = [f for f in json.loads(capsys.readouterr().out)["findings"]
             if f["code"] == "undefined-link"]
    assert len(found) == 6000
    assert found[-1]["line"] == 5 + 2 * 5999 and "marke 5999" in found[-1]["message"]
