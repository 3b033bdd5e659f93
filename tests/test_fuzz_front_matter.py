"""Front matter a random generator wrote that crashed manualgen or hung it: each stops with
the file and line, as Hugo stops, or is read as Hugo reads it."""

import json
import time

import pytest

from manualgen.cli import main
from manualgen.front_matter import go_int

from .conftest import page, write_site

ONE = 'baseURL = "https://example.org/"\ntitle = "T"\n'
BIG = "9" * 5000


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: A\nweight: !!int ''\n---\nText.\n", 3),  # IndexError
    ('{"title": "A",\n "weight": ' + BIG + "}\nText.\n", 2),  # ValueError in json
    ('+++\ntitle = "A"\nweight = ' + BIG + "\n+++\nText.\n", 3),  # ValueError in tomllib
])
def test_a_number_that_cannot_be_read_is_an_error_at_its_line(tmp_path, capsys, text, line):
    # hugo 0.149.1 and 0.168.0 stop for each (the JSON one makes 0.168.0 panic)
    site = write_site(tmp_path / "site", {"content/_index.md": page("Home", body="Hi.\n"),
                                          "content/a.md": text}, hugo=ONE)
    assert main(["check", "--site", str(site), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = [f for f in findings if f["file"] == "content/a.md"]
    assert [(f["severity"], f["line"]) for f in found] == [("error", line)], found


def test_a_yaml_number_past_64_bits_is_text_as_hugo_reads_it(tmp_path, capsys):
    # go-yaml keeps a number too large for a float as its text: Hugo warns of nothing and
    # leaves the page unweighted; manualgen said "int value ... cannot be read"
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/a.md": f"---\ntitle: A\nweight: {BIG}\n---\nText.\n"}, hugo=ONE)
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["file"] == "content/a.md"]
    assert [(f["severity"], f["line"]) for f in found] == [("warning", 3)]
    assert len(found[0]["message"]) < 200


def test_gos_number_syntax_is_read_in_linear_time():
    started = time.process_time()
    assert go_int("9" * 100_000 + "x") is None  # the pattern backtracked: 16,000 digits 4.6 s
    assert time.process_time() - started < 0.5
    assert [go_int(t) for t in ("08", "09", "010", "0_10", "1_0", "1__0", "0x_1F", "0")] == [
        None, None, 8, 8, 10, None, 31, 0]


def test_a_highlight_line_start_of_08_is_an_error_not_a_crash(tmp_path, capsys):
    # "08" passed the pattern and int("0o8") raised ValueError; Go's ParseInt refuses it
    body = '{{< highlight go "linenos=table,linenostart=08" >}}\nx := 1\n{{< /highlight >}}\n'
    site = write_site(tmp_path / "site", {"content/_index.md": page("Home", body=body)}, hugo=ONE)
    assert main(["check", "--site", str(site), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert any("linenostart" in f["message"] and f["line"] == 4 for f in found), found


def test_a_tab_pyyaml_refuses_leaves_the_other_tabs_as_written():
    # hugo 0.149.1 gives description "a\tb\n", q "c\td", s "e\tf" (0.168.0 "ef"): one
    # refused tab made every tab of the front matter a space
    from manualgen.front_matter import read_yaml

    data, _ = read_yaml('title:\tA\ndescription: |\n  a\tb\nq: "c\td"\ns: e\tf\nt: g\t# note\n')
    assert data == {"title": "A", "description": "a\tb\n", "q": "c\td", "s": "e\tf", "t": "g"}


def test_a_tab_that_indents_is_still_an_error_at_its_line(tmp_path, capsys):
    site = write_site(tmp_path / "site", {"content/_index.md": page("Home", body="Hi.\n"),
                                          "content/a.md": "---\ntitle: A\n\tweight: 2\n---\nText.\n"},
                      hugo=ONE)
    assert main(["check", "--site", str(site), "--format", "json"]) == 1
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["file"] == "content/a.md"]
    assert [(f["severity"], f["line"]) for f in found] == [("error", 3)]


def test_an_escaped_quote_hugo_0153_refuses_is_read_with_a_warning_at_its_line(tmp_path, capsys):
    # 'title: "C\'est"': hugo 0.149.1 reads "C'est"; 0.168.0 stops ("[2:8] found unknown
    # escape character '\''"); an escaped backslash before a quote is no such escape
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/a.md": '---\ntitle: A\ndescription: "C\\\'est"\nsummary: "a\\\\\\\\\'b"\n'
                        "note: 'it''s'\n---\nText.\n"}, hugo=ONE)
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    found = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["file"] == "content/a.md"]
    assert [(f["severity"], f["line"]) for f in found] == [("warning", 3)], found
    assert "0.153" in found[0]["message"]


def test_build_names_each_crash_input_at_its_line(tmp_path, capsys):
    # every input above that crashed, in one site: manualgen build stops with each at its
    # file and line, and no traceback
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/a.md": "---\ntitle: A\nweight: !!int ''\n---\nText.\n",
        "content/b.md": '{"title": "B",\n "weight": ' + BIG + "}\nText.\n",
        "content/c.md": '+++\ntitle = "C"\nweight = ' + BIG + "\n+++\nText.\n",
        "content/d.md": page("D", body='{{< highlight go "linenostart=08" >}}\nx\n{{< /highlight >}}\n'),
    }, hugo=ONE)
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache", "-q"])
    said = capsys.readouterr().err
    assert status == 1 and "Traceback" not in said
    for where in ("content/a.md:3: error", "content/b.md:2: error", "content/c.md:3: error",
                  "content/d.md:4:1: error"):
        assert where in said, said
