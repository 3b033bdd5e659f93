"""Configuration data written as TOML the way Hugo 0.149's ``transform.Remarshal "toml"``
writes it (seen with the real binary), less the blank lines code-toggle takes out."""

from __future__ import annotations

import datetime as dt

from manualgen.remarshal import read_data, to_toml


def test_keys_sorted_tables_indented_and_strings_quoted_as_hugo_writes_them():
    data = {"top": {
        "zeta": 1, "alpha": "it's", "list": ["html", "htm"], "mixed": [1, "a"],
        "nested": {"deep": {"x": 1.5, "y": "a\nb"}, "b": True},
        "arr": [{"name": "one", "v": 1}, {"name": "two", "v": 2}], "empty": {},
    }}
    assert to_toml(data) == (
        "[top]\n"
        "  alpha = \"it's\"\n"
        "  list = ['html', 'htm']\n"
        "  mixed = [1, 'a']\n"
        "  zeta = 1\n"
        "  [[top.arr]]\n"
        "    name = 'one'\n"
        "    v = 1\n"
        "  [[top.arr]]\n"
        "    name = 'two'\n"
        "    v = 2\n"
        "  [top.empty]\n"
        "  [top.nested]\n"
        "    b = true\n"
        "    [top.nested.deep]\n"
        "      x = 1.5\n"
        "      y = \"a\\nb\"\n")


def test_toml_yaml_and_json_are_read_and_dates_keep_their_kind():
    toml = read_data("title = 'Example'\ndate = 2024-02-02T04:14:54-08:00\n")
    assert isinstance(toml["date"], dt.datetime)
    assert to_toml(toml) == "date = 2024-02-02T04:14:54-08:00\ntitle = 'Example'\n"
    # YAML's dates are strings to Hugo: quoted when written out again
    assert to_toml(read_data("date: 2024-01-02\nt: x\n")) == "date = '2024-01-02'\nt = 'x'\n"
    assert read_data('{"a": {"b": [1, 2]}}') == {"a": {"b": [1, 2]}}
    assert read_data("just words") is None and read_data("a = [") is None


def test_keys_that_are_not_bare_are_quoted():
    assert to_toml({"text/html": {"suffixes": ["html"]}}) == "['text/html']\n  suffixes = ['html']\n"


def test_yaml_keys_of_several_kinds_in_an_inline_table_are_sorted_as_text():
    # a fuzzer's find: sorting 2 and "b" raised TypeError in the code-toggle shortcode
    assert to_toml(read_data("a: [1, {2: x, b: y}]\n")) == "a = [1, {2 = 'x', b = 'y'}]\n"


def test_a_date_pyyaml_cannot_make_and_data_too_deep_are_read_as_hugo_can():
    assert to_toml(read_data("since: 0000-00-00\n")) == "since = '0000-00-00'\n"
    assert read_data('{"a": ' + "[" * 400 + "]" * 400 + "}") is None
    assert read_data("[" * 100_000) is None
