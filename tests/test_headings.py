"""Headings renumbered so that no level is skipped (headings.close_gaps)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from manualgen.headings import close_gaps


def body(*tags: str) -> ET.Element:
    root = ET.Element("div")
    for i, tag in enumerate(tags):
        ET.SubElement(root, tag).text = f"Heading {i}"
    return root


def levels(root: ET.Element) -> list[str]:
    return [el.tag for el in root.iter() if el.tag != "div"]


def test_a_skipped_level_moves_up_and_keeps_what_belongs_under_it():
    root = body("h2", "h4", "h5", "h3")
    changes = close_gaps(root, title_level=1)
    assert levels(root) == ["h2", "h3", "h4", "h3"]
    assert changes == [("h4", "h3", "Heading 1", ""), ("h5", "h4", "Heading 2", "")]


def test_a_heading_right_under_the_title_goes_one_below_it():
    # the alert shortcode's <h5> directly under a page whose title is an h2
    root = body("h5", "h3")
    assert close_gaps(root, title_level=2) == [("h5", "h3", "Heading 0", "")]
    assert levels(root) == ["h3", "h3"]


def test_headings_without_gaps_are_left_alone():
    root = body("h3", "h4", "h4", "h3", "h4", "h5")
    assert close_gaps(root, title_level=2) == []
    assert levels(root) == ["h3", "h4", "h4", "h3", "h4", "h5"]


def test_nested_headings_and_their_text():
    root = ET.fromstring("<div><section><h4>Ein <em>kurzer</em>\n Titel</h4></section>"
                         "<p>Text</p><h6>Tief</h6></div>")
    changes = close_gaps(root, title_level=1)
    assert changes == [("h4", "h2", "Ein kurzer Titel", ""), ("h6", "h3", "Tief", "")]


def test_levels_stop_at_six():
    root = body("h5", "h6", "h6")
    close_gaps(root, title_level=5)
    assert levels(root) == ["h6", "h6", "h6"]


@given(st.lists(st.integers(1, 6), max_size=30), st.integers(0, 6))
def test_no_heading_is_ever_more_than_one_below_the_one_before(page_levels, title_level):
    root = body(*(f"h{n}" for n in page_levels))
    changes = close_gaps(root, title_level)
    previous = max(0, min(6, title_level))
    for tag in levels(root):
        level = int(tag[1])
        assert level <= min(6, previous + 1)
        previous = level
    assert len(changes) == sum(1 for a, b in zip(page_levels, levels(root), strict=True)
                               if f"h{a}" != b)
