"""The restricted fetcher, WeasyPrint findings and the atomic write."""

from __future__ import annotations

import os

import pytest

from manualgen.errors import Findings
from manualgen.pdf import VIRTUAL_BASE, Roots, make_fetcher, render_pdf, write_atomic

from .conftest import png_bytes


@pytest.fixture
def roots(tmp_path):
    site = tmp_path / "site"
    (site / "static").mkdir(parents=True)
    (site / "static" / "ok.png").write_bytes(png_bytes())
    (tmp_path / "secret.txt").write_text("secret")
    (site / "static" / "link.png").symlink_to(tmp_path / "secret.txt")
    return Roots({"site": site})


def test_fetcher_serves_files_below_a_root_with_a_content_type(roots):
    fetcher = make_fetcher(roots, [])
    response = fetcher.fetch(VIRTUAL_BASE + "site/static/ok.png")
    assert response.content_type == "image/png"
    assert response.read().startswith(b"\x89PNG")


@pytest.mark.parametrize("url", [
    VIRTUAL_BASE + "site/../secret.txt",
    VIRTUAL_BASE + "site/static/link.png",  # a symlink that leaves the site
    VIRTUAL_BASE + "other/x.png",
    "file:///etc/hostname",
    "http://example.com/x.png",
    "data:image/png;base64,iVBORw0KGgo=",
])
def test_fetcher_refuses_everything_else(roots, url):
    refusals: list[str] = []
    fetcher = make_fetcher(roots, refusals)
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    assert refusals and url.split(":")[0] in refusals[0]


def test_render_reports_each_refused_resource_and_writes_nothing(roots, tmp_path):
    html = f"""<html lang="de"><head><title>t</title>
    <link rel="attachment" href="../../../etc/passwd"></head><body>
    <img src="{VIRTUAL_BASE}site/static/ok.png" alt="ok">
    <img src="file:///etc/hostname" alt="x">
    <div style="background: url(../secret.txt)">x</div>
    <svg width="10" height="10"><image href="file:///etc/hostname" width="10" height="10"/></svg>
    </body></html>"""
    findings = Findings()
    target = tmp_path / "out.pdf"
    render_pdf(html, target, roots=roots, pdf_variant=None, findings=findings, lang="de")
    refused = [f for f in findings.errors if f.code == "refused-resource"]
    assert len(refused) >= 3
    assert not target.exists()


def test_render_writes_a_pdf_when_clean(roots, tmp_path):
    html = f'<html lang="de"><head><title>t</title></head><body><p>Hallo</p>' \
           f'<img src="{VIRTUAL_BASE}site/static/ok.png" alt="ok"></body></html>'
    findings = Findings()
    target = tmp_path / "out.pdf"
    render_pdf(html, target, roots=roots, pdf_variant="pdf/ua-1", findings=findings,
               lang="de")
    assert not findings.errors, list(findings)
    assert target.read_bytes().startswith(b"%PDF-")


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "manual.pdf"
    target.write_bytes(b"old")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["manual.pdf"]  # no temporary file left


def test_a_pdf_a_whose_stream_ends_with_a_carriage_return_is_written_again():
    """pydyf compresses the object and cross-reference streams after the finisher: when one
    ends with a carriage return, the PDF is written again with a no-op entry changed."""
    from manualgen.pdf import write_pdf

    class Rendered:
        def __init__(self):
            self.calls = []

        def write_pdf(self, finisher, **options):
            self.calls.append(finisher)
            return b"x\r\nendstream" if len(self.calls) == 1 else b"x\nendstream"

    rendered = Rendered()
    assert write_pdf(rendered, "pdf/a-3a", {}) == b"x\nendstream"
    assert len(rendered.calls) == 2
    untagged = Rendered()  # PDF/UA has no rule on it: written once
    assert write_pdf(untagged, "pdf/ua-1", {}) == b"x\r\nendstream"
    assert len(untagged.calls) == 1


def test_the_variations_change_the_bytes_and_not_the_meaning():
    import weasyprint

    from manualgen.pdf import _finisher

    page = pytest.importorskip("page", reason="page-validation is not installed")
    document = weasyprint.HTML(string='<html lang="de"><title>T</title><p>Text</p>').render()
    written = set()
    for variation in range(4):
        data = document.write_pdf(finisher=_finisher("pdf/a-3a", variation),
                                  pdf_variant="pdf/a-3a")
        written.add(data)
        for profile in ("3a", "ua1"):
            assert page.validate_pdf_bytes(data, profile=profile).failures == []
    assert len(written) == 4
    untagged = {document.write_pdf(finisher=_finisher("pdf/a-3b", variation),
                                   pdf_variant="pdf/a-3b") for variation in range(4)}
    assert len(untagged) == 4
