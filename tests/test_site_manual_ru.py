"""A site in the shape of a Russian app manual on Hextra (tests/manual_ru_site.py): Russian the
default language and English the second, every file translated by its name, prints whole and
as its web pages read: the chapters in Hugo's order, Cyrillic anchors leading to their
headings on other pages, screenshots written as raw <img> (in list items too), raw
<details> around code, alerts written right under a list, a footnote, and the writers'
mistakes (an anchor that no heading has, a screenshot that is not in static/) named with
file and line."""

from __future__ import annotations

import re
import textwrap

import pytest

from .conftest import body_text, bookmark_titles, build_test_site, check_findings
from .manual_ru_site import FILES, TITLES, write_manual_ru_site

FEATURES = "content/docs/02-features.ru.md"


@pytest.fixture(scope="module")
def ru_build(tmp_path_factory) -> tuple:
    status, said, out = build_test_site(write_manual_ru_site, tmp_path_factory.mktemp("manual-ru"))
    assert status == 0, said
    return out


@pytest.fixture(scope="module")
def ru_pdfs(ru_build) -> dict[str, str]:
    return {lang: body_text(ru_build / f"tihoproxy-{lang}.pdf") for lang in TITLES}


@pytest.fixture(scope="module")
def ru_html(ru_build) -> str:
    return (ru_build / "tihoproxy-ru.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ru_check(tmp_path_factory) -> list[dict]:
    return check_findings(write_manual_ru_site(tmp_path_factory.mktemp("manual-ru") / "site"))


def line_of(path: str, needle: str) -> int:
    text = textwrap.dedent(FILES[path]).lstrip("\n")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_each_language_prints_its_chapters_in_hugos_order(ru_build):
    for lang, titles in TITLES.items():
        # (after the contents and the home page)
        assert bookmark_titles(ru_build / f"tihoproxy-{lang}.pdf")[2:] == titles, lang


def test_no_markup_is_left_and_each_language_keeps_its_words(ru_pdfs):
    for lang, text in ru_pdfs.items():
        assert not re.search(r"\{\{|\*\*|\]\(|\[!\w+\]|\[\^1\]|</?(img|details|summary)\b", text), lang
    assert "Если нажать на команду, появится меню:" in ru_pdfs["ru"]
    assert "Tap Find a command." in ru_pdfs["en"] and "Нажмите" not in ru_pdfs["en"]


def test_a_cyrillic_anchor_leads_to_the_heading_on_the_other_page(ru_html, ru_pdfs):
    heading = re.search(r'<h\d id="([^"]+)">У команд одинаковый', ru_html)
    assert heading and f'<a href="#{heading.group(1)}" class="internal"' in ru_html
    assert "решение здесь (см. стр." in ru_pdfs["ru"]
    assert "If every command scores the same, see here (see page" in ru_pdfs["en"]


def test_raw_screenshots_details_alerts_and_footnotes_print_as_on_the_web(ru_html, ru_pdfs):
    ru = ru_pdfs["ru"]
    # every raw <img> of static/ is a screenshot, the ones inside list items too
    shown = re.findall(r'<img [^>]*data-source="([^"]+)"', ru_html)
    assert shown == ["start.png", "history.png", "apply.png"]
    # <details>: the summary, then the code, open
    assert "Видео video.example.net cdn.example.net Почта mail.example.org" in ru
    # an alert written on the line under a list item is no part of the list
    assert "Очистить историю — удаляет всё. ВНИМАНИЕ Эти действия необратимы!" in ru
    assert "СОВЕТ Чем меньше трафика идёт через TihoProxy" in ru
    # a heading on the line under a paragraph line, and the footnote at the page's end
    assert "делают виджет из пунктов меню Виджет" in ru
    assert "Списки обновляются вместе с приложением." in ru


def test_check_names_the_writers_mistakes_with_file_and_line(ru_check):
    mistakes = sorted((f["code"], f["file"].split("site/")[-1], f["line"])
                      for f in ru_check if f["code"] in ("missing-anchor", "missing-image", "broken-link"))
    assert mistakes == [
        ("missing-anchor", FEATURES, line_of(FEATURES, "#domain-list")),
        ("missing-image", FEATURES, line_of(FEATURES, "Снимок экрана")),
    ]
    assert not [f for f in ru_check if f["severity"] == "error" or f["code"] == "unknown-shortcode"]
