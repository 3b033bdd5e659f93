"""Controls of the web page that carry no words print nothing: an icon-only button, and a
carousel's indicators (bars on the web, a number with nothing after it on paper)."""

import xml.etree.ElementTree as ET

from manualgen.assemble.clean import drop_wordless_buttons
from manualgen.assemble.html import parse_fragment


def _cleaned(html: str) -> str:
    root = parse_fragment(html)
    drop_wordless_buttons(root)
    return ET.tostring(root, encoding="unicode")


def test_a_carousels_indicators_go_and_their_list_with_them():
    html = _cleaned('<div class="carousel"><ol class="carousel-indicators">'
                    '<li data-target="#shots" data-slide-to="0" class="active"></li>'
                    '<li data-target="#shots" data-slide-to="1"></li></ol>'
                    '<div class="carousel-item"><img src="a.png"/></div></div>')
    assert "<ol" not in html and "<li" not in html and 'src="a.png"' in html


def test_list_items_with_words_or_pictures_stay_and_so_does_a_list_of_empty_items():
    html = _cleaned('<ol><li data-bs-target="#shots" data-bs-slide-to="0">First view</li>'
                    '<li data-bs-target="#shots" data-bs-slide-to="1"><img src="t.png"/></li></ol>'
                    '<ul><li></li><li></li></ul>')
    assert "First view" in html and 't.png' in html
    assert html.count("<li") == 4  # items that name no script's target are the writer's
