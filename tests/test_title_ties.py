"""Two pages of a section with the same weight, titled in Han characters, in Chinese,
Japanese or Korean: Hugo breaks the tie by the language's order of Han characters (Chinese by
pinyin, Japanese in JIS order), which manualgen's collation does not have, so check says so
at the later page's weight."""

import datetime as dt

import pytest

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import write_site

HUGO = """\
baseURL = "https://example.org/"
defaultContentLanguage = "{lang}"
[languages.{lang}]
weight = 1
"""


def _page(title: str, weight: int) -> str:
    return f"+++\ntitle = \"{title}\"\nweight = {weight}\n+++\n\nText.\n"


def _site(tmp_path, lang: str, second_weight: int = 2):
    files = {
        "hugo.toml": HUGO.format(lang=lang),
        "content/_index.md": _page("首页", 1),
        "content/guide/_index.md": _page("指南", 1),
        # the same weight: Hugo's zh, zh-tw and ja put 安 before 備, code points the other way
        "content/guide/setup.md": _page("安装步骤", 2),
        "content/guide/backup.md": _page("備份数据", second_weight),
        "content/guide/latin.md": _page("Overview", 3),
        "content/guide/mixed.md": _page("Update", 3),
    }
    return write_site(tmp_path / "site", files, hugo=None)


def _findings(site, lang: str) -> list[str]:
    findings = Findings()
    discover(load_settings(site), lang, findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return [f"{f.file}:{f.line}: {f.message}" for f in findings if f.code == "title-order"]


@pytest.mark.parametrize("lang", ["zh", "zh-tw", "ja", "ko"])
def test_a_tie_of_han_titles_is_named_at_the_later_pages_weight(tmp_path, lang):
    said = _findings(_site(tmp_path, lang), lang)
    assert len(said) == 1
    assert "content/guide/setup.md:3: " in said[0]
    assert '"安装步骤" has the weight and date of "備份数据"' in said[0]
    assert "give each page a weight of its own" in said[0]


def test_no_warning_without_a_tie_or_outside_chinese_japanese_and_korean(tmp_path):
    assert _findings(_site(tmp_path / "a", "zh", second_weight=5), "zh") == []
    assert _findings(_site(tmp_path / "b", "en"), "en") == []
    assert _findings(_site(tmp_path / "c", "fr"), "fr") == []
