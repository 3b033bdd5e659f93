"""Bad input never costs data or a clear message: file and line, what to do, no traceback.

Covers damaged text and images, unreadable files, odd file sizes, an unwritable output folder,
and the promise that a failed build leaves the previous PDF as it was.
"""

from __future__ import annotations

import json
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
