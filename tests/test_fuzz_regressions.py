"""Inputs that once crashed or hung manualgen, found by mutating real pages; each is kept
as the smallest site that showed the problem, and asserts a finding or clean output."""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from manualgen.cli import main
from manualgen.convert import typographer_replacements
from manualgen.shortcodes import code_block

from .conftest import page, write_site


def _pdf_text(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_a_chapter_title_of_one_long_word_prints_a_short_running_head(tmp_path):
    # A 5,000-character title without a space hung the layout: WeasyPrint breaks the
    # running head in every page's margin box afresh, at a cost that grows with its square.
    title = "x" * 3000
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Intro.\n"),
        "content/de/a/_index.md": page(title, 1, body="Chapter text.\n\n" + "Paragraph.\n\n" * 120),
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--html",
                 "--jobs", "1"]) == 0
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    heads = re.findall(r'data-chapter="([^"]*)"', html)
    assert heads and all(len(head) <= 110 for head in heads)
    assert any(head.endswith("…") and head.startswith("1 xxx") for head in heads)
    text = _pdf_text(out / "test-manual-de.pdf")
    assert "Paragraph." in text and "xxxxxxxxxx" in text


def _commit_all(root) -> None:
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "one"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_check_since_on_markup_nested_thousands_deep_is_a_finding(tmp_path, capsys):
    # Comparing editions walked each block's inline markup recursively: 1,200 nested
    # <span>s raised RecursionError (an internal-error) instead of the depth finding.
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Old.\n")})
    _commit_all(site)
    deep = "<span>" * 1200 + "deep" + "</span>" * 1200
    (site / "content/de/_index.md").write_text(page("Start", body=deep + "\n"), encoding="utf-8")
    status = main(["check", "--site", str(site), "--format", "json", "--since", "HEAD"])
    doc = json.loads(capsys.readouterr().out)
    codes = {(f["code"], f["file"]) for f in doc["findings"]}
    assert status == 1
    assert ("page-failed", "content/de/_index.md") in codes
    assert not any(code == "internal-error" for code, _ in codes)


def test_an_attribute_name_starting_with_a_brace_prints_the_element(tmp_path, capsys):
    # <div {lass="x"> (a typo for class) gave the parser an attribute named "{lass", which
    # manualgen read as "{namespace}name" and failed on (ValueError, an internal-error).
    body = '<div {lass="left_col">Brace text</div>\n\n<p a"b=1 {e}f=2>Odd names</p>\n'
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    status = main(["check", "--site", str(site), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0 and doc["summary"]["errors"] == 0
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q",
                 "--jobs", "1"]) == 0
    text = _pdf_text(out / "test-manual-de.pdf")
    assert "Brace text" in text and "Odd names" in text


def test_highlighted_lines_out_of_range_or_not_ascii_digits(tmp_path, capsys):
    # hl_lines=["1-300000000"] built a set of 300 million numbers (a hang), and "²" passed
    # str.isdigit() but not int() (page-failed); both now mark only the block's own lines.
    body = ('```go {hl_lines=["1-300000000"]}\na\nb\n```\n\n'
            '```go {linenos=table,hl_lines=["1²"],linenostart="²"}\nc\n```\n\n'
            '{{< highlight go "hl_lines=2-999999999" >}}\nd\ne\n{{< /highlight >}}\n')
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body)})
    status = main(["check", "--site", str(site), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    # linenostart="²" is no number Hugo reads: it stops there, and manualgen names the fence
    first = 1 + page("Start").count("\n")
    assert status == 1 and [(f["code"], f["line"]) for f in doc["findings"]] == [
        ("bad-highlight", first + 5)]
    html = str(code_block("a\nb\nc", "go", "hl_lines=2-300000000,linenostart=²,linenos=true"))
    assert html.count('class="line hl"') == 2 and '<span class="ln">1</span>' in html


def test_a_fetched_image_address_with_a_space_in_its_host_is_a_warning(tmp_path, capsys):
    # With remote_images = "fetch", http.client's InvalidURL (not an OSError or ValueError)
    # escaped the fetch as a traceback; refused before any connection, so no network here.
    body = "Text.\n\n![shot](https://exa mple.invalid/x.png)\n"
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=body),
        "manualgen.toml": '[print]\nremote_images = "fetch"\n',
    })
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--cache",
                 str(tmp_path / "cache"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "content/de/_index.md:6: warning:" in err and "could not be fetched" in err
    assert "[remote-image; de]" in err
    assert "Text." in _pdf_text(out / "test-manual-de.pdf")


def test_an_inline_svg_image_outside_the_site_is_the_same_finding_in_check_and_build(
        tmp_path, capsys):
    from manualgen.cli import main

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text(  # unsafe: Hugo prints the page's inline SVG
        'defaultContentLanguage = "en"\n[markup.goldmark.renderer]\nunsafe = true\n', encoding="utf-8")
    (site / "content" / "_index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
    (site / "content" / "a.md").write_text(
        "---\ntitle: A\n---\nBefore.\n\n"
        '<svg width="20" height="20"><image href="/etc/passwd" width="10" height="10"/></svg>\n\n'
        "After.\n", encoding="utf-8")
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    import json

    checked = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["line"]) for f in checked] == [("missing-image", 6)]
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q"]) == 0
    assert "refused" not in capsys.readouterr().err and list(out.glob("*.pdf"))


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_long_run_of_quotes_is_typeset_in_linear_time(quote):
    # The typographer measured the run of quotes afresh at each quote of it: a line of
    # 20,000 straight quotes took 10 s (a page of 40,000, 45 s in check).
    started = time.process_time()
    typographer_replacements(quote * 20_000)
    assert time.process_time() - started < 1.0
    assert typographer_replacements(f"a {quote}b{quote} c") != []  # a quote pair still curls


def test_a_folder_whose_name_is_not_utf8_is_a_finding_not_a_crash(tmp_path, capsys):
    # Python keeps such bytes as lone surrogates; the page printed, and build stopped with
    # "UnicodeEncodeError: surrogates not allowed" when it encoded the manual's HTML.
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Text.\n")})
    folder = os.path.join(os.fsencode(site / "content/de"), b"Kapitel\xff")
    os.mkdir(folder)
    with open(os.path.join(folder, b"p.md"), "wb") as f:
        f.write(page("P", body="Text.\n").encode())
    status = main(["check", "--site", str(site), "--format", "json", "--no-cache"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert status == 1
    assert [(f["code"], f["file"]) for f in findings] == [("bad-file-name", "content/de/Kapitel\ufffd/p.md")]
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache", "-q",
                   "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 1 and "Traceback" not in err and "bad-file-name" in out + err


def test_an_image_that_is_a_named_pipe_is_an_error_not_a_hang(tmp_path):
    # Checking whether the file might be read opened it, and opening a named pipe waits for
    # a writer: check never ended.
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Text.\n\n![a](/img/x.png)\n")})
    (site / "static/img").mkdir(parents=True)
    os.mkfifo(site / "static/img/x.png")
    run = subprocess.run([sys.executable, "-m", "manualgen", "check", "--site", str(site), "--lang", "de",
                          "--no-cache"], capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False)
    assert run.returncode == 1, run.stderr
    assert ('content/de/_index.md:6: error: image "/img/x.png" cannot be read: it is not a regular file '
            "but a named pipe or a device (static/img/x.png)") in run.stdout


def test_an_attachment_whose_name_is_not_utf8_is_left_out_with_a_warning(tmp_path, capsys):
    # Relearn's attachments listed it; build stopped on "surrogates not allowed" (and check on
    # an imgproc whose pattern matched such a name).
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n"),
        "content/de/b/index.md": page("B", body="{{< attachments >}}\n"),
        "content/de/b/files/ok.pdf": b"%PDF-1.4",
    })
    with open(os.path.join(os.fsencode(site / "content/de/b/files"), b"\xff.pdf"), "wb") as f:
        f.write(b"%PDF-1.4")
    status = main(["check", "--site", str(site), "--format", "json", "--no-cache"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert status == 0
    assert [(f["code"], f["file"]) for f in findings] == [("bad-file-name", "content/de/b/files/\ufffd.pdf")]
    out = tmp_path / "out"
    status = main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--jobs", "1",
                   "--html"])
    assert status == 0 and "Traceback" not in capsys.readouterr().err
    assert "ok.pdf" in (out / "test-manual-de.html").read_text(encoding="utf-8")


def test_a_site_folder_whose_name_is_not_utf8_is_one_config_error(tmp_path, capsys):
    # Its path went into the cache's keys: "surrogates not allowed" and a traceback.
    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"site\xff"))
    site = write_site(Path(folder), {"content/de/_index.md": page("Start", body="Text.\n")})
    status = main(["check", "--site", str(site), "--format", "json", "--no-cache"])
    out, err = capsys.readouterr()
    findings = json.loads(out)["findings"]
    assert status == 1 and "Traceback" not in err
    assert [f["code"] for f in findings] == ["config"]
    assert "site\ufffd" in findings[0]["message"] and "not UTF-8" in findings[0]["message"]


def test_an_output_folder_whose_name_is_not_utf8_is_a_usage_error(tmp_path, capsys):
    # The PDF's path keyed the cache's records: a traceback escaped main.
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Text.\n")})
    out = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"out\xff"))
    with pytest.raises(SystemExit) as stop:
        main(["build", "--site", str(site), "--out", out, "--no-cache", "-q", "--jobs", "1"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "Traceback" not in err
    assert 'output folder "' in err and 'out\ufffd" has a name that is not UTF-8' in err


def test_a_build_with_its_cache_reads_no_file_a_link_leads_to_outside_the_site(tmp_path, capsys):
    """Found by fuzzing with an audit hook: the files a cache key hashes included a page and
    a picture that are symbolic links to files outside the site, so a build (the cache is
    on by default) read those files, although it then refused both."""
    from .conftest import png_bytes

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Secret\n---\nSecret words.\n", encoding="utf-8")
    (outside / "secret.png").write_bytes(png_bytes())
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Words.\n")})
    (site / "content/de/leak.md").symlink_to(outside / "secret.md")
    (site / "static/img").mkdir(parents=True)
    (site / "static/img/leak.png").symlink_to(outside / "secret.png")
    opened: list[str] = []

    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.path.realpath(os.fsdecode(args[0])))

    sys.addaudithook(hook)  # hooks cannot be removed: this one only records to its list
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "-q",
                   "--cache", str(tmp_path / "cache"), "--jobs", "1"])
    assert status == 1 and "outside the site" in capsys.readouterr().err
    assert not [path for path in opened if path.startswith(str(outside.resolve()))]
