"""Tables: header rows that repeat, and column widths measured before WeasyPrint lays out."""

import xml.etree.ElementTree as ET

import pytest

from manualgen.assemble.html import parse_fragment
from manualgen.assemble.tables import _column_widths, _promote_header_row


def table(html: str) -> ET.Element:
    found = parse_fragment(html).find(".//table")
    assert found is not None
    return found


def test_first_row_of_th_becomes_the_thead():
    t = table("<table><tr><th>Name</th><th>Role</th></tr><tr><td>a</td><td>b</td></tr></table>")
    _promote_header_row(t)
    head = t.find("thead")
    assert head is not None
    assert [c.text for c in head.iter("th")] == ["Name", "Role"]
    assert [c.text for c in t.find("tbody").iter("td")] == ["a", "b"]


@pytest.mark.parametrize("html", [
    "<table><tr><th>Name</th><td>x</td></tr><tr><td>a</td><td>b</td></tr></table>",
    "<table><tr><th>Only a header</th></tr></table>",
    "<table><thead><tr><th>h</th></tr></thead><tr><th>h2</th></tr><tr><td>a</td></tr></table>",
])
def test_other_first_rows_stay_where_they_are(html):
    t = table(html)
    before = ET.tostring(t)
    _promote_header_row(t)
    assert ET.tostring(t) == before


def test_a_short_column_stays_narrow_and_long_text_takes_the_room():
    rows = "".join(f"<tr><td>{i}</td><td>{'word ' * 60}</td></tr>" for i in range(1, 13))
    widths = _column_widths(table(f"<table>{rows}</table>"))
    assert widths is not None and len(widths) == 2
    assert sum(widths) == pytest.approx(100)
    assert widths[0] < 15
    assert widths[1] > 85


def test_columns_that_fit_keep_the_proportions_of_their_content():
    widths = _column_widths(table(
        "<table><tr><td>EMPF_BAG</td><td>Federal Office of Public Health</td></tr></table>"))
    assert widths is not None
    assert widths[0] < widths[1]
    assert widths[0] > 15  # the code is not squeezed to the minimum


def test_widths_the_page_gives_in_per_cent_are_kept():
    widths = _column_widths(table(
        '<table><tr><th style="width:20%">a</th><th>b</th><th width="30%">c</th></tr>'
        "<tr><td>1</td><td>2</td><td>3</td></tr></table>"))
    assert widths == pytest.approx([20, 50, 30])


@pytest.mark.parametrize("html", [
    '<table><tr><td style="width: 120px">a</td><td>b</td></tr></table>',
    '<table><colgroup><col style="width:10%"><col></colgroup><tr><td>a</td><td>b</td></tr></table>',
    '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>',
    '<table><tr><td style="width:70%">a</td><td style="width:60%">b</td></tr></table>',
])
def test_tables_with_their_own_layout_are_left_to_weasyprint(html):
    assert _column_widths(table(html)) is None


def test_a_long_word_in_a_header_widens_its_column_but_a_long_token_in_a_cell_does_not():
    long = "x" * 60
    header = _column_widths(table(f"<table><tr><th>{long}</th><th>b</th></tr></table>"))
    cell = _column_widths(table(f"<table><tr><td>{long}</td><td>{'b ' * 80}</td></tr></table>"))
    assert header is not None and cell is not None
    assert header[0] > 80
    assert cell[0] < 50


def test_a_column_set_narrower_than_a_name_in_it_widens_as_in_a_browser():
    prose = "Er kann alle Daten lesen und kommentieren. " * 8
    html = ('<table><tr><th style="width:12%">Name</th><th>Aufgaben</th>'
            '<th style="width:30%">Verantwortung</th></tr>'
            f"<tr><td>KT_Admin_Abschlussuser</td><td>{prose}</td><td>{prose}</td></tr></table>")
    widths = _column_widths(table(html))
    assert widths is not None
    assert widths[0] >= 25  # the name's 22 characters and the cell's padding, of about 100
    assert sum(widths) == pytest.approx(100)
    assert widths[1] > 20 and widths[2] > 20  # the others gave the room
    # A long word that may be hyphenated does not widen a column set by the page.
    plain = html.replace("KT_Admin_Abschlussuser", "Abschlussbenutzerverwaltung")
    assert _column_widths(table(plain))[0] < widths[0]


def test_an_external_link_whose_text_is_its_address_prints_the_address_once():
    from manualgen.assemble.links import _same_address
    assert _same_address("https://www.bfs.admin.ch/", "https://www.bfs.admin.ch")
    assert _same_address("www.bfs.admin.ch", "https://www.bfs.admin.ch/")
    assert not _same_address("www.spiges.admin.ch", "https://www.spiges.admin.ch/home")
    assert not _same_address("", "https://example.org")



def test_a_short_column_keeps_its_width_beside_too_many_columns_of_long_words():
    # Columns whose long words cannot all fit on the line: the column of short codes keeps
    # its width ("Mk0057" and the padding, 9 of about 100 characters) and the columns of
    # long words, which may break anywhere, share the rest.
    url = "https://dataloom.example.org/api/v2/deliveries/validation-results"
    cells = "".join(f"<td>{url}</td>" for _ in range(5))
    widths = _column_widths(table(f"<table><tr><td>Mk0057</td>{cells}</tr></table>"))
    assert widths is not None and len(widths) == 6
    assert sum(widths) == pytest.approx(100)
    assert widths[0] == pytest.approx(9)
    assert widths[1:] == pytest.approx([91 / 5] * 5)
    # With twelve columns none can have its narrowest width: each gets the same share.
    cells = "".join(f"<td>{url}</td>" for _ in range(11))
    widths = _column_widths(table(f"<table><tr><td>Mk0057</td>{cells}</tr></table>"))
    assert widths == pytest.approx([100 / 12] * 12)


def test_a_table_sized_for_a_screen_takes_the_text_width_and_its_cells_their_shares():
    from manualgen.assemble.tables import tables

    root = parse_fragment(
        '<table style="width: 1400px; border: 0"><tr><td style="width:700px">a</td>'
        '<td width="350">b</td><td>c</td></tr>'
        '<tr><td style="width: 30mm">d</td><td>e</td><td>f</td></tr></table>'
        '<table width="300"><tr><td width="200">g</td><td>h</td></tr></table>')
    tables(root)
    wide, narrow = root.iter("table")
    assert wide.get("style") == "width: 100%; border: 0"
    cells = list(wide.iter("td"))
    # Their shares of the 1,400 px the page gave the table, the rest to the cell with none.
    assert cells[0].get("style") == "width:50.00%" and cells[1].get("width") == "25.00%"
    assert cells[3].get("style") == "width: 30mm"  # 30 mm fit: kept
    # 300 px (79 mm) fit on the page: kept as the page gave them.
    assert narrow.get("width") == "300" and next(narrow.iter("td")).get("width") == "200"
    # Without the table's width, a cell given none counts as wide as the average one given.
    root = parse_fragment('<table><tr><td width="900">a</td><td width="300">b</td>'
                          "<td>c</td></tr></table>")
    tables(root)
    assert [td.get("width") for td in root.iter("td")] == ["50.00%", "16.67%", None]


def test_a_screen_width_in_capitals_or_with_absurd_digits_is_fitted_too():
    from manualgen.assemble.html import parse_fragment
    from manualgen.assemble.tables import tables

    root = parse_fragment('<table style="WIDTH: 2000PX"><tr><td>a</td></tr></table>'
                          '<table width="9' + "9" * 400 + '"><tr><td>b</td></tr></table>')
    tables(root)
    first, second = root.iter("table")
    assert first.get("style") == "WIDTH: 100%"
    assert "nan" not in (second.get("width") or "")  # too many digits: not a length at all


def test_columns_given_screen_widths_take_their_share_of_the_text_width():
    from manualgen.assemble.html import parse_fragment
    from manualgen.assemble.tables import tables

    root = parse_fragment('<table><colgroup><col width="700"><col width="300"></colgroup>'
                          '<tr><td>a</td><td>b</td></tr></table>'
                          '<table><col style="width: 20mm"><col><tr><td>c</td><td>d</td></tr></table>')
    tables(root)
    wide, narrow = root.iter("table")
    assert [col.get("width") for col in wide.iter("col")] == ["70.00%", "30.00%"]  # 1000 px ran off
    assert next(narrow.iter("col")).get("style") == "width: 20mm"  # it fits: kept
