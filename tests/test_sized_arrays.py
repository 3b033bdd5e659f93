"""The font subsetting's sized arrays made as open arrays (sized_arrays.py): the same
arrays, and the same PDF, without a C type parsed for each size."""

from __future__ import annotations

import pytest

from manualgen.build import BuildOptions, build
from manualgen.sized_arrays import _OpenArrays

from .conftest import page, write_site

ffi = pytest.importorskip("weasyprint.text.ffi").ffi


def test_a_sized_array_has_the_items_and_the_length_it_asked_for():
    arrays = _OpenArrays(ffi)
    made = arrays.new("unsigned int[5]", [9, 7, 5, 3, 1])
    assert len(made) == 5 and list(made) == [9, 7, 5, 3, 1]
    zeroed = arrays.new("char[4]")
    assert len(zeroed) == 4 and ffi.sizeof(zeroed) == 4 and zeroed[0] == b"\0"
    short = arrays.new("unsigned int[4]", [1, 2])  # fewer items: zeros after, as cffi does
    assert list(short) == [1, 2, 0, 0]
    pointer = arrays.new("unsigned int *", 100)
    assert pointer[0] == 100
    assert arrays.sizeof("unsigned int") == ffi.sizeof("unsigned int")


def test_no_sized_type_is_parsed_while_fonts_are_subset(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Willkommen."),
        "content/de/eins.md": page("Eins", 1, body="Ein Satz mit **fetten** und *schrägen* "
                                   "Wörtern, `Code` und Ziffern 0123456789."),
    })
    parsed = ffi._parsed_types if hasattr(ffi, "_parsed_types") else None
    if parsed is None:
        pytest.skip("this cffi keeps its parsed types elsewhere")
    seen = set(parsed)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True, jobs=1))
    assert result.results[0].pdf is not None
    new = [name for name in set(parsed) - seen if isinstance(name, str) and "[" in name]
    assert not any(name.rstrip().endswith("]") and not name.rstrip().endswith("[]")
                   for name in new), new


def test_the_pdf_is_the_same_with_open_arrays(tmp_path, monkeypatch):
    import contextlib

    import manualgen.sized_arrays as sized

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Willkommen, **alle**: äöü ß 0123."),
    })
    with_open = build(site, BuildOptions(langs=["de"], out=tmp_path / "a", no_cache=True,
                                         jobs=1)).results[0].pdf.read_bytes()
    monkeypatch.setattr(sized, "open_arrays_for_fonts", contextlib.nullcontext)
    plain = build(site, BuildOptions(langs=["de"], out=tmp_path / "b", no_cache=True,
                                     jobs=1)).results[0].pdf.read_bytes()
    assert with_open == plain
