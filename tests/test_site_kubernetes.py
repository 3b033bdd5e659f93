"""The Kubernetes website's shape (tests/k8s_site.py): its i18n folders, its own shortcodes
and its pages print as the web shows them, in English, German and Chinese."""

from __future__ import annotations

import re

import pytest

from manualgen.build import BuildOptions, build
from manualgen.i18n import Translator

from . import k8s_site
from .conftest import write_site


@pytest.fixture(scope="module")
def k8s(tmp_path_factory):
    """The site built once: {lang: printed HTML}, and the findings of the build."""
    root = write_site(tmp_path_factory.mktemp("k8s") / "site", k8s_site.files(), k8s_site.HUGO)
    out = root / "out"
    result = build(root, BuildOptions(all=True, out=out, html=True, no_cache=True))
    html = {lang: (out / f"kubernetes-{lang}.html").read_text(encoding="utf-8")
            for lang in ("en", "de", "zh-cn")}
    return html, result


def text_of(html: str) -> str:
    """The printed words, tags dropped and white space squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_translation_files_in_a_folder_per_language_are_read(tmp_path):
    root = write_site(tmp_path, {"i18n/de/de.toml": '[note]\nother = "Hinweis:"\n',
                                 "i18n/en/en.toml": '[note]\nother = "Note:"\n'})
    assert Translator("de", [root / "i18n"], fallback="en").translate("note") == "Hinweis:"
    assert Translator("fr", [root / "i18n"], fallback="en").translate("note") == "Note:"


def test_notes_take_their_label_from_the_site_translation_folders(k8s):
    html, _ = k8s
    assert "Note:" in html["en"] and "Hinweis:" in html["de"] and "说明：" in html["zh-cn"]
