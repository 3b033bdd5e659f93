"""Front matter read as Hugo reads it, through python-frontmatter's handlers."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.errors import ContentError
from manualgen.front_matter import HANDLERS, JsonHandler, TomlHandler, YamlHandler, parse

PATH = Path("/site/content/de/x.md")


@pytest.mark.parametrize("text, handler", [
    ("---\ntitle: A\n---\n", YamlHandler),
    ("+++\ntitle = 'A'\n+++\n", TomlHandler),
    ('{"title": "A"}\n', JsonHandler),
])
def test_python_frontmatter_picks_our_handler(text, handler):
    found = frontmatter.detect_format(text, HANDLERS)
    assert type(found) is handler
    fm, _body = found.split(text)
    assert found.load(fm) == {"title": "A"}


def test_no_front_matter_is_all_body():
    found = parse("Just text.\n--- not a fence\n", PATH)
    assert (found.meta, found.body, found.body_line, found.format) == (
        {}, "Just text.\n--- not a fence\n", 1, "")


@pytest.mark.parametrize("text, body_line", [
    ("---\ntitle: A\n---\nBody\n", 4),
    ("---\ntitle: A\n---", 4),  # closing fence at the very end: the body would start below it
    ("\n\n---\ntitle: A\n---\nBody\n", 6),  # blank lines before the front matter are skipped
    ('{"title": "A"}\nBody\n', 2),
    ('{\n "title": "A"\n}', 4),
    ("+++\ntitle = 'A'\n+++ \nBody\n", 4),  # a space after the fence
])
def test_body_line(text, body_line):
    found = parse(text, PATH)
    assert found.meta == {"title": "A"}
    assert found.body_line == body_line
    assert text.split("\n")[body_line - 1:] == (found.body.split("\n") if found.body else [])


def test_tab_after_key_is_accepted_as_hugo_does():
    assert parse("---\ntitle:\tA\nweight:\t\t2\n---\n", PATH).meta == {"title": "A", "weight": 2}


def test_repeated_keys_are_seen_while_reading():
    text = ("\n---\ntitle: Alt\nweight: 1\nTitle: Neu\n\"weight\": 2\n"
            "params:\n  title: nested, not a repeat\n  title: nested twice\n---\nText\n")
    found = parse(text, PATH)
    got = [(r.key, r.first, r.again, r.used) for r in found.repeated]
    # line 1 is blank: the lines are the file's
    assert got == [("Title", 3, 5, "first"), ("weight", 4, 6, "second")]
    assert found.meta["weight"] == 2


@pytest.mark.parametrize("text, line, words", [
    ("---\ntitle: A\nx: [1\n---\n", 3, "invalid YAML"),
    ("---\n- a\n- b\n---\n", 2, "key: value pairs"),
    ("+++\ntitle = 'A'\nx = \n+++\n", 3, "invalid TOML"),
    ('\n{"title": "A",\n "x": }\n', 3, "invalid JSON"),
    ("\n\n+++\ntitle = 'A'\n", 3, 'opened with "+++" is never closed'),
    ("---\ntitle: " + "[" * 5000 + "\n---\n", 1, "nested too deeply"),
])
def test_errors_name_file_and_line(text, line, words):
    with pytest.raises(ContentError) as info:
        parse(text, PATH)
    assert (info.value.line, info.value.code) == (line, "bad-front-matter")
    assert words in str(info.value) and "x.md" in str(info.value)


REAL = [
    ("---\ntitle: \"Benutzer verwalten\"\nlinkTitle: Benutzer\nweight: 20\n"
     "description: >\n  Wie man Benutzer anlegt.\ndate: 2024-05-31\ntags: [a, b]\n---\nText\n"),
    "+++\ntitle = \"Import\"\nweight = 3\n[params]\nno_print = true\n+++\nText\n",
    '{\n  "title": "Export",\n  "weight": 4,\n  "aliases": ["/old/"]\n}\nText\n',
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(REAL), st.data())
def test_mutated_front_matter_is_read_or_reported(text, data):
    """Real front matter with characters replaced, inserted or deleted: read, or a
    ContentError, never another exception."""
    chars = list(text)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(chars)))
        action = data.draw(st.sampled_from(["put", "insert", "delete"]))
        char = data.draw(st.sampled_from(list("-+{}[]:=\"'\t\n #!&*|>%@`\\,") + ["\x00", "\ufeff",
                                                                               "é", "\u2028"]))
        if action == "insert" or at == len(chars):
            chars.insert(at, char)
        elif action == "put":
            chars[at] = char
        else:
            del chars[at]
    _parse_or_report("".join(chars))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["---\n", "+++\n", "{", "\n---\n", ""]), st.text(max_size=200))
def test_random_text_is_read_or_reported(start, rest):
    _parse_or_report(start + rest)


def _parse_or_report(text: str) -> None:
    try:
        found = parse(text, PATH)
    except ContentError as exc:
        assert exc.line is None or exc.line >= 1
        return
    assert isinstance(found.meta, dict) and found.body_line >= 1


def test_json_keys_given_again_thousands_of_times_are_found_in_linear_time():
    import time

    text = "{" + ",\n".join(f'"k{i % 10}": {i}' for i in range(50_000)) + "}\nText.\n"
    started = time.process_time()
    found = parse(text, Path("page.md"))
    assert time.process_time() - started < 2.0  # each line was counted from the start: 9 s
    assert len(found.repeated) == 49_990
    assert (found.repeated[0].first, found.repeated[0].again) == (1, 11)
    assert found.repeated[-1].again == 50_000


def test_a_date_in_year_zero_is_read_as_hugo_reads_it():
    """hugo 0.149.1 builds a page dated 0000-03-01 (Go's year 0): its Unix time is Go's,
    where manualgen stopped the build with "Hugo stops with an error for it too"."""
    from manualgen.content import _as_datetime

    assert _as_datetime("0000-03-01").timestamp() == -62162035200
    assert _as_datetime("0000-03-01T10:00:00Z").timestamp() == -62162035200 + 36000
    assert _as_datetime("0000-02-30") is None
