"""Where discovery and ordering must agree with Hugo (0.120–0.147, checked against Hugo's own
build of the same small sites): the dates Hugo falls back on, files of disabled languages,
bundles shared by translations, and untitled pages in the order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import write_site

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ONE_LANGUAGE = 'baseURL = "https://example.org/"\ntitle = "T"\n'


def order(site, lang="en"):
    findings = Findings()
    home = discover(load_settings(site), lang, findings, NOW)
    return [p.title for p in home.walk()][1:], findings


def fm(**keys) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in keys.items()) + "---\nText.\n"


def test_a_page_dated_in_the_future_is_not_published_yet(tmp_path):
    # Hugo's publishDate falls back on date: a post dated next year waits for its day.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/later.md": fm(title="Later", date="2099-01-01"),
        "content/now.md": fm(title="Now", date="2020-01-01"),
    }, hugo=ONE_LANGUAGE)
    assert order(site)[0] == ["Now"]


def test_the_build_future_switch_prints_a_page_dated_in_the_future(tmp_path):
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/later.md": fm(title="Later", date="2099-01-01"),
    }, hugo=ONE_LANGUAGE + "buildFuture = true\n")
    assert order(site)[0] == ["Later"]


def test_a_page_without_date_is_ordered_by_its_publish_date_or_lastmod(tmp_path):
    # Hugo's date falls back on publishDate, pubdate, published, lastmod, modified: newest first.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", lastmod="2021-01-01"),
        "content/b.md": fm(title="B", publishDate="2023-01-01"),
        "content/c.md": fm(title="C", date="2022-01-01"),
        "content/d.md": fm(title="D"),
    }, hugo=ONE_LANGUAGE)
    assert order(site)[0] == ["B", "C", "A", "D"]


def test_the_sites_front_matter_date_order_is_read(tmp_path):
    hugo = ONE_LANGUAGE + '[frontmatter]\ndate = ["lastmod", ":default"]\npublishDate = ["publishDate"]\n'
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", date="2024-01-01", lastmod="2020-01-01"),
        "content/b.md": fm(title="B", date="2022-01-01"),
        "content/later.md": fm(title="Later", date="2099-01-01"),  # publishDate alone decides
    }, hugo=hugo)
    assert order(site)[0] == ["Later", "B", "A"]


BY_FILENAME = ONE_LANGUAGE + """defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
[languages.de]
weight = 3
disabled = true
"""


def test_a_page_of_a_disabled_language_is_printed_in_no_language(tmp_path):
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A"),
        "content/c.de.md": fm(title="C de"),
        "content/c.fr.md": fm(title="C fr"),
    }, hugo=BY_FILENAME)
    assert order(site, "en")[0] == ["A"]
    assert order(site, "fr")[0] == ["C fr"]


def test_a_bundle_of_one_language_keeps_its_resources_out_of_the_others(tmp_path):
    # bund/ is a leaf bundle (in French): its extra.md is a resource, a page in no language.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A"),
        "content/bund/index.fr.md": fm(title="Bundle fr"),
        "content/bund/extra.md": fm(title="Resource"),
    }, hugo=BY_FILENAME)
    assert order(site, "en")[0] == ["A"]
    assert order(site, "fr")[0] == ["Bundle fr"]


def test_an_untitled_page_is_ordered_by_its_empty_title(tmp_path):
    # Hugo sorts by link title: "" comes before any other; the print shows the file's name.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="Alpha"),
        "content/zebra.md": "No front matter.\n",
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert titles == ["Zebra", "Alpha"]
    assert [f.code for f in findings.warnings] == ["missing-title"]


def test_escaped_surrogates_in_front_matter_are_read_as_go_reads_them(tmp_path, capsys):
    # "\ud83d\ude00" is one emoji; a lone "\udc00" is U+FFFD.  Python kept the lone
    # surrogates, and printing them (a finding, the HTML) crashed check and build.
    from manualgen.cli import main

    site = write_site(tmp_path, {
        "content/_index.md": '---\ntitle: "\\ud83d\\ude00 x\\udc00"\ndate: "\\udc00"\n---\nText.\n',
        "content/j.md": '{"title": "J\\udc00", "weight": 1}\nText.\n',
    }, hugo=ONE_LANGUAGE)
    home = discover(load_settings(site), "en", Findings(), NOW)
    assert home.title == "\U0001f600 x\ufffd" and home.children[0].title == "J\ufffd"
    assert main(["check", "--site", str(site)]) == 1  # Hugo refuses the date too
    assert "is not a date" in capsys.readouterr().out


def test_escaped_surrogates_in_a_yaml_or_json_config_do_not_crash_a_build(tmp_path):
    from manualgen.build import BuildOptions, build

    for name, text in (("hugo.yaml", 'title: "T\\udc00"\n'), ("hugo.json", '{"title": "T\\udc00"}')):
        site = write_site(tmp_path / name, {name: text, "content/_index.md": fm(title="Home")},
                          hugo=None)
        assert load_settings(site).title == "T\ufffd"
        out = tmp_path / name / "out"
        assert build(site, BuildOptions(out=out, html=True, no_cache=True, jobs=1)).ok


def test_a_folder_with_index_and_underscore_index_is_a_section(tmp_path):
    # Hugo takes _index.md: the folder is a branch bundle, index.md is left out, and the
    # other pages in it are pages (not a leaf bundle's resources).
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/index.md": fm(title="Root index"),
        "content/both/_index.md": fm(title="Branch"),
        "content/both/index.md": fm(title="Leaf"),
        "content/both/z.md": fm(title="Z"),
    }, hugo=ONE_LANGUAGE)
    assert order(site)[0] == ["Branch", "Z"]


def test_a_page_or_section_published_later_is_left_out_with_a_note(tmp_path):
    """Never silently: a writer who dates a page after the manual's date hears why it is
    missing, at the line of the date; a draft is no web page and gets no note."""
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/later.md": fm(title="Later", date="2099-01-01"),
        "content/soon/_index.md": fm(title="Soon", publishDate="2099-05-01"),
        "content/soon/inside.md": fm(title="Inside"),
        "content/draft.md": fm(title="Draft", draft="true", date="2099-01-01"),
        "content/now.md": fm(title="Now", date="2020-01-01"),
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert titles == ["Now"]
    notes = {Path(f.file).name: f for f in findings if f.code == "not-printed"}
    assert set(notes) == {"later.md", "_index.md"}
    assert notes["later.md"].line == 3 and "2099-01-01" in notes["later.md"].message
    assert "buildFuture" in notes["_index.md"].message and "page below" in notes["_index.md"].message


def test_numbers_as_dates_order_and_publish_pages_as_hugo_does(tmp_path):
    # Hugo 0.149.1 reads a whole number as seconds since 1970: "date: 20240105" is
    # 1970-08-23, so the page sorts after one dated 2000 (newest first) and an
    # "expiryDate: 20240105" has long expired.  Python's fromisoformat read 2024-01-05.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="Number", date=20240105),
        "content/b.md": fm(title="Year2000", date="2000-01-01"),
        "content/c.md": fm(title="Gone", expiryDate=20240105),
        "content/d.md": "+++\ntitle = \"Toml\"\ndate = 2024\n+++\n",
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert titles == ["Year2000", "Number", "Toml"]
    assert not findings.errors
    by_file = {Path(f.file).name: f for f in findings.warnings}
    assert "1970-08-23 06:15:05 UTC" in by_file["a.md"].message and by_file["a.md"].line == 3
    assert "1970-01-01 00:33:44 UTC" in by_file["d.md"].message and by_file["d.md"].line == 3


def test_dates_hugo_cannot_read_are_errors_at_their_line(tmp_path):
    # Each of these makes Hugo 0.149.1 stop: 'the "date" front matter field is not a
    # parsable date'.  manualgen names the file, the line and the value as written.
    bad = {"1.5": "1.5", "true": "true", "[1, 2]": "[1, 2]", "{a: 1}": '{"a": 1}',
           '"20240105"': '"20240105"', '"2024-01-05 10:00"': '"2024-01-05 10:00"',
           "2024-02-30": '"2024-02-30"', "99999999999999": "99999999999999"}
    files = {"content/_index.md": fm(title="Home")}
    for n, written in enumerate(bad):
        files[f"content/p{n}.md"] = fm(title=f"P{n}", weight=n + 1, lastmod=written)
    files["content/j.md"] = '{"title": "J", "publishDate": 2024}\nText.\n'  # JSON: a float
    # Hugo stops for the dates of drafts and expired pages too, which the manual leaves out
    files["content/draft.md"] = fm(title="D", draft="true", date="abc", lastmod=2024)
    files["content/gone.md"] = fm(title="G", expiryDate="2000-01-01", lastmod="abc")
    site = write_site(tmp_path, files, hugo=ONE_LANGUAGE)
    _titles, findings = order(site)
    shown = sorted((Path(f.file).name, f.line, f.message.split(" is not")[0])
                   for f in findings.errors)
    assert shown == sorted([(f"p{n}.md", 4, f"lastmod {v}") for n, v in enumerate(bad.values())]
                           + [("j.md", 1, "publishDate 2024"), ("draft.md", 4, 'date "abc"'),
                              ("gone.md", 4, 'lastmod "abc"')])
    assert not findings.warnings


def test_a_date_written_as_text_in_json_front_matter_is_read_as_in_yaml(tmp_path):
    # Hugo 0.168.0 builds these pages; only a JSON number (a float to Hugo) stops it.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/old.md": '{"title": "Old", "date": "2019-12-31"}\nText.\n',
        "content/new.md": '{\n "title": "New",\n "date": "2021-06-15T10:00:00Z",\n'
                          ' "expiryDate": "2099-01-01"\n}\nText.\n',
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert titles == ["New", "Old"]
    assert not findings.errors and not findings.warnings


def test_two_pages_at_one_web_address_are_both_printed_and_reported(tmp_path):
    # Hugo 0.168.0 writes one /s-a/index.html for the two slugs (and one /guide/ for the page
    # beside the section of its name): the web site shows one page of each pair.
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", slug="s-a"),
        "content/b.md": fm(title="B", weight=1, slug="S-A"),
        "content/c.md": fm(title="C", url="/s-a/"),
        "content/guide.md": fm(title="Guide page"),
        "content/guide/_index.md": fm(title="Guide"),
        "content/guide/p.md": fm(title="P"),
        "content/fine.md": fm(title="Fine", slug="own"),
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert sorted(titles) == ["A", "B", "C", "Fine", "Guide", "Guide page", "P"]
    shown = sorted((Path(f.file).name, f.line, f.message.split(" have")[0])
                   for f in findings.warnings if f.code == "same-address")
    assert shown == [("_index.md", 1, "this page and content/guide.md"),
                     ("b.md", 4, "this page and content/a.md"),
                     ("c.md", 3, "this page and content/a.md")]


def test_a_section_is_dated_by_the_sections_below_it_built_or_not(tmp_path):
    # Hugo 0.168.0 builds this order, and 0.149.1 does for the four sections first: each
    # is dated 2024-06-01 by the _index.md below it, which is a draft, expired, or published
    # later.  A draft page's date does not count in Hugo ≥ 0.153, so "pages" sorts after
    # the dated pages (0.149 to 0.152 counted it).
    files = {"content/_index.md": fm(title="Home"),
             "content/new.md": fm(title="New", date="2020-01-01"),
             "content/old.md": fm(title="Old", date="2010-01-01")}
    hidden = {"draft": {"draft": "true"}, "gone": {"expiryDate": "2020-01-01"},
              "later": {"publishDate": "2031-01-01"}}
    for name, keys in hidden.items():
        files[f"content/{name}/p.md"] = fm(title=f"P {name}")
        files[f"content/{name}/sub/_index.md"] = fm(title=f"Sub {name}", date="2024-06-01", **keys)
    files["content/undated/_index.md"] = fm(title="Undated")
    files["content/undated/sub/_index.md"] = fm(title="Sub undated")
    files["content/undated/sub/deeper/_index.md"] = fm(title="Deeper", date="2024-06-01",
                                                       draft="true")
    files["content/pages/p.md"] = fm(title="P pages")
    files["content/pages/d.md"] = fm(title="Draft page", date="2024-06-01", draft="true")
    site = write_site(tmp_path, files, hugo=ONE_LANGUAGE)
    home = discover(load_settings(site), "en", Findings(), NOW)
    assert [page.rel.split("/")[0] for page in home.children] == [
        "draft", "gone", "later", "undated", "new.md", "old.md", "pages"]


def test_pages_alike_in_weight_date_and_title_follow_their_lower_cased_paths(tmp_path):
    # Hugo 0.149.1 and 0.168.0 both build this order: their last tie-break is the page's
    # lower-cased path (.Path) compared as if it ended in "/" ("a-b" before "a"), where the
    # file names' bytes put "B.md" and "Zsec/" first.
    names = ["B.md", "a.md", "Intro1.md", "a2/index.md", "Zsec/_index.md", "sub/x.md", "p10.md",
             "a-b.md"]
    files = {"content/_index.md": fm(title="Home"), "content/s/_index.md": fm(title="S")}
    files |= {f"content/s/{name}": fm(title="Same") for name in names}
    site = write_site(tmp_path, files, hugo=ONE_LANGUAGE)
    home = discover(load_settings(site), "en", Findings(), NOW)
    assert [page.rel for page in home.children[0].children] == [  # each path as if it ended in /
        "s/a-b.md", "s/a.md", "s/a2/index.md", "s/B.md", "s/Intro1.md", "s/p10.md", "s/sub/x.md",
        "s/Zsec/_index.md"]


@pytest.mark.parametrize("written, printed", [
    ("true", False), ("'T'", False), ("'1'", False), ("'True'", False), ("1", False),
    ("false", True), ("'yes'", True), ("'F'", True), ("' true'", True), ("'tRUE'", True)])
def test_draft_is_read_as_hugos_cast_to_bool_reads_it(tmp_path, written, printed):
    # Hugo 0.149.1 and 0.168.0 publish the page or not as ``printed`` says
    site = write_site(tmp_path, {"content/_index.md": fm(title="Home"),
                                 "content/a.md": fm(title="A", weight=1),
                                 "content/z.md": fm(title="Z", weight=2, draft=written)},
                      hugo=ONE_LANGUAGE)
    titles, _findings = order(site)
    assert titles == (["A", "Z"] if printed else ["A"])


@pytest.mark.parametrize("written, place", [
    ("'2'", 0), ("true", 0), ("2.5", 0), ("'+5'", 1), ("'  4 '", 2), ("'1_0'", 2), ("abc", 2)])
def test_weight_is_read_as_hugos_cast_to_int_reads_it(tmp_path, written, place):
    # Hugo 0.149.1 and 0.168.0 put Z where ``place`` says, between A (3) and B (6)
    site = write_site(tmp_path, {"content/_index.md": fm(title="Home"),
                                 "content/a.md": fm(title="A", weight=3),
                                 "content/b.md": fm(title="B", weight=6),
                                 "content/z.md": fm(title="Z", weight=written)},
                      hugo=ONE_LANGUAGE)
    titles, _findings = order(site)
    assert titles.index("Z") == place


@pytest.mark.parametrize("written, place", [
    ("'2.0'", 0), ("'-2.0'", 0), ("'2.5'", 0), ("'010'", 1), ("'0_10'", 1), ("'1_0'", 1),
    ("'0x5'", 1), ("'08'", 2), ("'1e1'", 2), ("'2.5x'", 2), ("'" + "9" * 5000 + "'", 2),
    ("9" * 30, 2), ("'9223372036854775808'", 2)])
def test_weight_as_text_is_read_with_gos_number_prefixes(tmp_path, written, place):
    # hugo 0.149.1 and 0.168.0 give these weights: 2, -2, 2, 8 (octal), 8, 10, 5, and 0 for
    # the rest ("08" is no octal number; past 64 bits) -- except a bare 30-digit number,
    # which 0.149.1 reads as the smallest int64 and 0.168.0 as 0: manualgen follows 0.168
    site = write_site(tmp_path, {"content/_index.md": fm(title="Home"),
                                 "content/a.md": fm(title="A", weight=3),
                                 "content/b.md": fm(title="B", weight=12),
                                 "content/z.md": fm(title="Z", weight=written)},
                      hugo=ONE_LANGUAGE)
    titles, _findings = order(site)
    assert titles.index("Z") == place


def test_dates_in_gos_other_shapes_order_pages_as_hugo_reads_them(tmp_path):
    # Hugo 0.149.1 also reads Go's e-mail, Unix and Ruby date shapes and "02 Jan 2006"
    # (checked with the hugo binary: the dates below are the ones it gives the pages);
    # "5 Jan 2024" (one digit) and "Jan 5, 2024" stop it.
    from manualgen.content import _as_datetime

    utc = dt.UTC
    read = {
        "05 Jan 2024": dt.datetime(2024, 1, 5, tzinfo=utc),
        "Fri, 05 Jan 2024 10:00:00 +0200": dt.datetime(2024, 1, 5, 8, tzinfo=utc),
        "Fri, 05 Jan 2024 10:00:00 CET": dt.datetime(2024, 1, 5, 10, tzinfo=utc),
        "05 Jan 70 10:00 +0100": dt.datetime(1970, 1, 5, 9, tzinfo=utc),
        "Friday, 05-Jan-24 10:00:00 UTC": dt.datetime(2024, 1, 5, 10, tzinfo=utc),
        "2024-01-05 10:00:00.123 +0100 CET": dt.datetime(2024, 1, 5, 9, 0, 0, 123000, tzinfo=utc),
        "Fri Jan  5 10:00:00 2024": dt.datetime(2024, 1, 5, 10, tzinfo=utc),
        "Fri Jan 05 10:00:00 +0100 2024": dt.datetime(2024, 1, 5, 9, tzinfo=utc),
        "FRI, 05 JAN 2024 10:00:00 +0000": dt.datetime(2024, 1, 5, 10, tzinfo=utc),
    }
    for text, date in read.items():
        assert _as_datetime(text) == date, text
    # Go's hour takes one digit; its names and digits are ASCII, its AM/PM and zone names capitals
    assert _as_datetime("Fri, 05 Jan 2024 9:00:00 +0000") == dt.datetime(2024, 1, 5, 9, tzinfo=utc)
    for refused in ("5 Jan 2024", "Jan 5, 2024", "05 Jan 2024 ", "31 Feb 2024", "13:04PM",
                    "Fri, 05 Jan 2024 10:00 +0000", "Fri, 5 Jan 2024 10:00:00 +0000",
                    "05 \u017fep 2024", "\u0660\u0665 Jan \u0662\u0660\u0662\u0664", "3:04pm",
                    "Fri, 05 Jan 2024 10:00:00 abcd"):
        assert _as_datetime(refused) is None, refused
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="Mail", date='"Fri, 05 Jan 2024 10:00:00 +0000"'),
        "content/b.md": fm(title="Short", date='"05 Feb 2024"'),
        "content/c.md": fm(title="Iso", date="2024-01-20"),
    }, hugo=ONE_LANGUAGE)
    titles, findings = order(site)
    assert titles == ["Short", "Iso", "Mail"]  # newest first
    assert not findings.errors and not findings.warnings


def test_a_time_without_a_date_is_in_year_zero_as_hugo_orders_it(tmp_path):
    # hugo 0.149.1 dates "3:04PM", "Jan 2 15:04:05" (and "Feb 29 …", year 0 being a leap
    # year) in year 0, before Go's zero time that a page without a date has: its order was
    # old, none, k4, k2, k5, k1, with these Unix times
    from manualgen.content import _as_datetime

    dates = {"k1": "3:04PM", "k2": "Jan 2 15:04:05", "k4": "Feb 29 10:00:00", "k5": "02 Jan 0000"}
    assert {k: _as_datetime(v).timestamp() for k, v in dates.items()} == {
        "k1": -62167164960, "k2": -62167078555, "k4": -62162085600, "k5": -62167132800}
    files = {"content/_index.md": fm(title="Home"), "content/none.md": fm(title="none"),
             "content/old.md": fm(title="old", date="0001-01-01T00:00:01Z")}
    files.update({f"content/{k}.md": fm(title=k, date=v) for k, v in dates.items()})
    titles, findings = order(write_site(tmp_path, files, hugo=ONE_LANGUAGE))
    assert titles == ["old", "none", "k4", "k2", "k5", "k1"]
    assert not findings.errors and not findings.warnings


def test_a_time_alone_is_no_date_as_in_hugo(tmp_path):
    # hugo 0.149.1: 'the "date" front matter field is not a parsable date' for each
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", date="10:30:00"),
        "content/b.md": "+++\ntitle = 'B'\ndate = 10:30:00.5\n+++\nText.\n",
    }, hugo=ONE_LANGUAGE)
    _titles, findings = order(site)
    assert sorted(f.message.split(" is not")[0] for f in findings.errors) == [
        'date "10:30:00"', "date 10:30:00.5"]  # as written (Python wrote 10:30:00.500000)


def test_a_table_with_dates_for_keys_is_reported_as_written(tmp_path):
    # YAML reads the key 2024-01-01 as a date; the message shows the value as written
    # (JSON cannot write a date as a key: the build stopped with a TypeError).
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", date="{2024-01-01: 1}"),
    }, hugo=ONE_LANGUAGE)
    _titles, findings = order(site)
    assert [f.message.split(" is not")[0] for f in findings.errors] == ['date {"2024-01-01": 1}']


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["Mon", "Jan", "Feb", ",", " ", "02", "2", "29", "2006", "0000",
                                 "15", ":", "04", "05", ".999", "-0700", "+0100", "MST", "GMT+3",
                                 "PM", "am", "-", "T", "Z", "Monday", "06", "_", "\u0660", "\u017f",
                                 "99999"]), max_size=14).map("".join))
def test_any_date_text_is_read_or_refused(text):
    from manualgen.content import _as_datetime

    date = _as_datetime(text)
    assert date is None or date.tzinfo is not None and -62167219200 <= date.timestamp()


def test_a_url_or_alias_that_is_a_web_address_is_an_error_as_in_hugo(tmp_path):
    # hugo 0.149.1 stops: 'URLs with protocol (http*) not supported: "http://[x/"' and
    # 'http* aliases not supported'; "http://[x/" raised Python's "Invalid IPv6 URL" here
    site = write_site(tmp_path, {
        "content/_index.md": fm(title="Home"),
        "content/a.md": fm(title="A", url='"http://[x/"'),
        "content/b.md": fm(title="B", aliases='["/old/b/", "https://e.org/b"]'),
        "content/c.md": fm(title="C", aliases='["//[y/", "../[z"]'),  # read, not refused
    }, hugo=ONE_LANGUAGE)
    _titles, findings = order(site)
    assert sorted((Path(f.file).name, f.line, f.message.split(",")[0]) for f in findings.errors) == [
        ("a.md", 3, 'url "http://[x/" is a web address'),
        ("b.md", 3, 'alias "https://e.org/b" is a web address')]
