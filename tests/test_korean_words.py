"""Korean words are not broken inside (assemble/word_joins.py): lines break at the spaces
between words, as Korean pages set with ``word-break: keep-all``, which WeasyPrint 70
ignores; the joiners that keep the words whole are not in the text a reader copies, nor in
the bookmarks."""

from __future__ import annotations

import re

import pytest

from manualgen.assemble.html import parse_fragment, serialize_children
from manualgen.assemble.word_joins import joined, keep_korean_words_whole

from .conftest import (
    bookmark_titles,
    build_all,
    page,
    png_bytes,
    skip_without_fonts_for,
    write_site,
)
from .geometry import outside_text_block

WJ = "\u2060"


def _joined(html: str) -> str:
    root = parse_fragment(html)
    keep_korean_words_whole(root)
    return serialize_children(root).replace(WJ, "|")


def test_letters_of_a_korean_word_are_joined_across_inline_elements():
    assert _joined("<p>설정 <b>파일</b>을 12자</p>") == "<p>설|정 <b>파|일</b>|을 12|자</p>"
    assert _joined("<p><b>Dataloom</b>은 좋다</p>") == "<p><b>Dataloom</b>|은 좋|다</p>"


def test_code_han_text_and_line_ends_are_left_as_they_are():
    assert _joined("<p><code>키값</code>을 쓴다</p>") == "<p><code>키값</code>|을 쓴|다</p>"
    assert _joined("<pre>코드 블록</pre>") == "<pre>코드 블록</pre>"
    assert _joined("<p>中文 說明 漢字를</p>") == "<p>中文 說明 漢字|를</p>"  # Han alone breaks
    assert _joined("<p>다음<br>줄<wbr>끝</p><p>새</p>") == "<p>다|음<br>줄<wbr>끝</p><p>새</p>"
    assert _joined("<p>Hello world</p>") == "<p>Hello world</p>"


def test_a_title_is_joined_as_text():
    assert joined("파일 업로드") == f"파{WJ}일 업{WJ}로{WJ}드"
    assert joined("Upload a file") == "Upload a file"


# Written for this test: sentences about a file upload, a long title, and a table whose
# narrow column holds one long compound word.
SENTENCE = ("파일을 업로드하기 전에 시스템은 파일의 형식과 크기와 인코딩을 검사합니다. "
            "검사에 실패하면 화면에 오류 메시지가 표시되고 고쳐야 할 부분이 안내됩니다. ")
TITLE = "업로드한 파일의 형식과 크기와 인코딩을 시스템이 검사하는 방법과 그 결과를 확인하는 방법"
LONG_WORD = "데이터베이스연결설정관리도구모음집합체"
HUGO = """\
baseURL = "https://example.org/"
title = "Dataloom"
defaultContentLanguage = "ko"
[languages.ko]
languageName = "한국어"
languageCode = "ko-KR"
contentDir = "content/ko"
weight = 1
[languages.ko.params]
title = "사용자 설명서"
"""


def _site(root):
    table = ("| 번호 | 이름 | 설명 | 값 |\n|---|---|---|---|\n"
             f"| 1 | {LONG_WORD} | {SENTENCE} | 예 |\n")
    return write_site(root, {
        "content/ko/_index.md": page("사용자 설명서", body=SENTENCE * 6),
        "content/ko/upload.md": page(TITLE, 1, body=f"{SENTENCE * 4}\n\n{table}\n\n"
                                     f"![{TITLE}](/img/shot.png)\n\n**Dataloom**은 {SENTENCE}"),
        "static/img/shot.png": png_bytes(1200, 700),
    }, hugo=HUGO)


@pytest.fixture(scope="module")
def korean_pdf(tmp_path_factory):
    skip_without_fonts_for(SENTENCE + TITLE + LONG_WORD)
    root = tmp_path_factory.mktemp("ko")
    status, said = build_all(_site(root / "site"), root / "out")
    assert status == 0, said
    return root / "out" / "dataloom-ko.pdf"


def _lines(pdf) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    return [line for index in range(len(document))
            for line in document[index].get_textpage().get_text_range().split("\r\n")]


def test_lines_break_between_korean_words_only(korean_pdf):
    written = SENTENCE + TITLE + " Dataloom은 사용자 설명서 한국어 언어 날짜 목차 페이지 번호 이름 설명 값 예"
    words = {word.rstrip(".") for word in written.split()}
    printed = {word.rstrip(".") for line in _lines(korean_pdf) for word in line.split()
               if re.search("[\uac00-\ud7a3]", word)}
    # only the word longer than its table column breaks inside
    assert {word for word in printed - words if word not in LONG_WORD} == set()


def test_the_joiners_are_not_in_the_text_nor_the_bookmarks(korean_pdf):
    assert not [line for line in _lines(korean_pdf) if WJ in line]
    assert bookmark_titles(korean_pdf)[:3] == ["목차", "사용자 설명서", TITLE]


def test_a_word_longer_than_its_column_still_breaks_inside_the_page(korean_pdf):
    assert outside_text_block(korean_pdf) == []


def test_the_joiners_only_add_to_the_text_and_never_to_code():
    import random

    pieces = ["설정", "파일을", " ", "Dataloom", "12", "中文", "。", "<b>", "</b>", "<code>키</code>",
              "<br>", "<em>", "</em>", "<!-- 주석 -->", "<kbd>확인</kbd>", "<a href='#x'>", "</a>"]
    rng = random.Random(7)
    for _ in range(300):
        html = "<p>" + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) + "</p><pre>코드 블록</pre>"
        root = parse_fragment(html)
        before = serialize_children(root)
        keep_korean_words_whole(root)
        after = serialize_children(root)
        assert after.replace(WJ, "") == before
        assert all(WJ not in "".join(el.itertext()) for el in root.iter() if el.tag in ("code", "kbd", "pre"))
