"""Discovery, front matter formats, build options and Hugo's default order."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from manualgen.config import load_settings
from manualgen.content import discover, split_front_matter
from manualgen.errors import ContentError, Findings

from .conftest import page, write_site

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def titles(site, lang="de"):
    findings = Findings()
    home = discover(load_settings(site), lang, findings, NOW)
    return [p.title for p in home.walk()][1:], findings


def test_weight_then_unset_last_negative_first(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/a.md": page("Unset"),
        "content/de/b.md": page("Ten", 10),
        "content/de/c.md": page("Minus", -5),
        "content/de/d.md": page("Two", 2),
    })
    assert titles(site)[0] == ["Minus", "Two", "Ten", "Unset"]


def test_ties_by_date_newest_first_then_title_then_path(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/old.md": page("Old", 5, date="2020-01-01"),
        "content/de/new.md": page("New", 5, date="2024-01-01"),
        "content/de/zeta.md": page("Zeta", 7),
        "content/de/alpha.md": page("Alpha", 7),
        "content/de/x2.md": page("Same", 9),
        "content/de/x1.md": page("Same", 9),
    })
    got, _ = titles(site)
    assert got == ["New", "Old", "Alpha", "Zeta", "Same", "Same"]
    home = discover(load_settings(site), "de", Findings(), NOW)
    assert [p.rel for p in home.children][-2:] == ["x1.md", "x2.md"]


def test_link_title_sorts_before_title(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/a.md": page("Aaa", 1, linkTitle="Zzz"),
        "content/de/b.md": page("Bbb", 1),
    })
    assert titles(site)[0] == ["Bbb", "Aaa"]


def test_sections_and_pages_sort_together_at_any_depth(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/s/_index.md": page("Section", 1),
        "content/de/s/p2.md": page("Page 20", 20),
        "content/de/s/sub/_index.md": page("Sub", 10),
        "content/de/s/sub/deep/_index.md": page("Deep", 1),
        "content/de/s/sub/deep/leaf.md": page("Leaf", 1),
        "content/de/s/p5.md": page("Page 5", 5),
    })
    assert titles(site)[0] == ["Section", "Page 5", "Sub", "Deep", "Leaf", "Page 20"]


@pytest.mark.parametrize("text", [
    "---\ntitle: Yaml\nweight: 3\n---\nbody\n",
    "+++\ntitle = \"Yaml\"\nweight = 3\n+++\nbody\n",
    '{\n  "title": "Yaml",\n  "weight": 3\n}\nbody\n',
    "---\ntitle:\tYaml\nweight: 3\n---\nbody\n",  # Hugo accepts a tab after the key
    # and (Hugo 0.168.0) at the end of a value, before a comment, after a quoted value
    "---\ntitle: Yaml\t\nweight: 3\t# three\n---\nbody\n",
    "---\ntitle: \"Yaml\"\t\nweight:\t3\n---\nbody\n",
    "---\ntitle: Yaml\nweight: 3\n---",  # closing --- at the very end, no newline
])
def test_front_matter_formats(tmp_path, text):
    meta, body, _line = split_front_matter(text, tmp_path / "x.md")
    assert meta["title"] == "Yaml" and meta["weight"] == 3
    assert body.strip() in ("body", "")


def test_a_tab_inside_a_yaml_value_is_read_as_hugo_reads_it_and_one_that_indents_is_not(tmp_path):
    meta, _body, _line = split_front_matter("---\ntitle: Step\t1\n---\nx\n", tmp_path / "x.md")
    assert meta["title"] in ("Step\t1", "Step 1")  # a tab or a space: the same on paper
    with pytest.raises(ContentError) as info:  # Hugo 0.168.0: "found character that cannot start any token"
        split_front_matter("---\ntags:\n\t- a\n---\nx\n", tmp_path / "x.md")
    assert info.value.line == 3


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: ok\nweight: [1\n---\n", 3),
    ("+++\ntitle = \"ok\"\nweight = = 3\n+++\n", 3),
    ('{\n  "title": "ok",\n  "weight": \n}\n', 4),
    ("---\ntitle: never closed\n", 1),
])
def test_bad_front_matter_names_file_and_line(tmp_path, text, line):
    with pytest.raises(ContentError) as info:
        split_front_matter(text, tmp_path / "x.md")
    assert info.value.line == line
    assert info.value.code == "bad-front-matter"
    assert "x.md" in str(info.value)


def test_bad_page_is_reported_not_skipped_silently(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/good.md": page("Good", 1),
        "content/de/bad.md": "---\ntitle: [unclosed\n---\n",
        "content/de/latin1.md": "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
    })
    got, findings = titles(site)
    assert got == ["Good"]
    by_file = {f.file.split("/", f.file.count("/") - 2)[-1]: f for f in findings.errors}
    assert by_file["content/de/bad.md"].line == 2
    assert by_file["content/de/latin1.md"].code == "bad-encoding"
    assert by_file["content/de/latin1.md"].line == 2


def test_drafts_build_options_headless_and_dates_are_left_out(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Home"),
        "content/de/draft.md": page("Draft", 1, draft="true"),
        "content/de/nolist.md": "---\ntitle: NoList\n_build:\n  list: false\n  render: true\n---\n",
        "content/de/never.md": "---\ntitle: Never\nbuild:\n  list: never\n---\n",
        "content/de/norender.md": "---\ntitle: NoRender\n_build:\n  render: never\n---\n",
        "content/de/bundle/index.md": page("Headless", 1, headless="true"),
        "content/de/future.md": page("Future", 1, publishDate="2099-01-01"),
        "content/de/expired.md": page("Expired", 1, expiryDate="2001-01-01"),
        "content/de/kept.md": page("Kept", 1),
    })
    assert titles(site)[0] == ["Kept"]


def test_translations_by_file_name_in_one_tree(tmp_path):
    hugo = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fr]
weight = 2
"""
    site = write_site(tmp_path, {
        "content/_index.md": page("Home"),
        "content/_index.fr.md": page("Accueil"),
        "content/guide.md": page("Guide", 1),
        "content/guide.fr.md": page("Guide FR", 1),
        "content/only-en.md": page("Only English", 2),
    }, hugo=hugo)
    assert titles(site, "en")[0] == ["Guide", "Only English"]
    assert titles(site, "fr")[0] == ["Guide FR"]


def test_corpus_order_matches_hugo(corpus):
    index = json.loads((corpus / "reference" / "index.json").read_text(encoding="utf-8"))
    settings = load_settings(corpus)
    for lang in ("de", "fr"):
        expected = [e["path"] for e in sorted(
            (e for e in index if e["lang"] == lang and e["listed"]), key=lambda e: e["hugo_order"])]
        findings = Findings()
        home = discover(settings, lang, findings, NOW)
        assert [p.rel for p in home.walk()] == expected
        urls = {e["path"]: e["url"] for e in index if e["lang"] == lang and e["listed"]}
        assert {p.rel: p.url for p in home.walk()} == urls
        assert not findings.errors
