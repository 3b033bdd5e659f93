"""A site in the shape of opentelemetry.io (tests/otel_site.py) prints as its web pages read:
images in descriptions, snippets from _includes folders with their arguments, the English
fallback pages of the other languages."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from pypdf import PdfReader

from manualgen.cli import main

from .otel_site import write_otel_site


@pytest.fixture(scope="module")
def otel_check(tmp_path_factory) -> list[dict]:
    """The findings of `check --all` on the site."""
    root = write_otel_site(tmp_path_factory.mktemp("otel") / "site")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--site", str(root), "--all", "--format", "json"])
    return json.loads(out.getvalue())["findings"]


@pytest.fixture(scope="module")
def otel_build(tmp_path_factory) -> tuple:
    """The exit status and the output of `build --all`, and where the PDFs are."""
    root = write_otel_site(tmp_path_factory.mktemp("otel") / "site")
    out = root.parent / "out"
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        status = main(["build", "--site", str(root), "--all", "--out", str(out), "--no-cache"])
    return status, said.getvalue(), out


@pytest.fixture(scope="module")
def otel_pdfs(otel_build) -> dict[str, str]:
    """The text of each language's PDF."""
    status, said, out = otel_build
    assert status == 0, said
    return {lang: "\n".join(p.extract_text() for p in PdfReader(out / f"teletest-{lang}.pdf").pages)
            for lang in ("en", "es", "ja")}


def test_an_image_in_a_description_is_found_in_the_static_folder(otel_build, otel_pdfs):
    # opentelemetry.io's language pages put the language's logo in their description: it
    # reached WeasyPrint unresolved, was refused as outside the site, and no PDF was written
    status, said, _out = otel_build
    assert status == 0 and "refused-resource" not in said
    assert "The TeleTest SDK for" in otel_pdfs["en"]


def test_a_mounts_exclude_files_keeps_its_files_out(otel_pdfs):
    # es and ja mount the English docs as fallback pages with excludeFiles: specs/*
    assert "Specifications" in otel_pdfs["en"]
    assert "Specifications" not in otel_pdfs["es"] and "Specifications" not in otel_pdfs["ja"]
    assert "Language APIs & SDKs" in otel_pdfs["ja"]  # the rest of the English docs is there
