"""Short pages in any script: the HTML parser once took markup under 200 characters for a file
name, and failed with "File name too long" past 255 bytes (Japanese, Persian, Russian)."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.assemble.html import parse_fragment, text_of
from manualgen.cli import main

from .conftest import write_site

SHORT = {  # as a page's HTML: over 255 bytes in UTF-8, under 200 characters
    "ja": "ファイルをアップロードする前に、形式を確認してください。" * 4,
    "fa": "پیش از بارگذاری پرونده، قالب آن را بررسی کنید. " * 3,
    "ru": "Перед загрузкой файла проверьте формат и кодировку, пожалуйста. " * 2,
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_a_short_page_in_any_script_is_printed_not_a_crash(tmp_path, capsys, lang):
    site = write_site(tmp_path, {
        "hugo.toml": f'defaultContentLanguage = "{lang}"\n[languages.{lang}]\nweight = 1\n',
        "content/_index.md": "---\ntitle: Start\n---\n",
        "content/a.md": f"---\ntitle: A\nweight: 1\n---\n{SHORT[lang]}\n",
    })
    status = main(["check", "--site", str(site), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0 and not [f for f in doc["findings"] if f["severity"] == "error"]


def test_the_samples_are_what_failed():
    for text in SHORT.values():
        markup = f"<!DOCTYPE html><html><body><p>{text}</p></body></html>"
        assert len(markup.encode("utf-8")) > 255 and len(markup) < 200


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="<&\r\0"), max_size=300))
def test_any_short_text_parses_as_its_own_text(text):
    root = parse_fragment(text)
    assert root.tag == "body" and text_of(root) == text
