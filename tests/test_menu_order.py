"""[manual] menu: a site whose sidebar is a Hugo menu (no page weights; each page's entry
has a weight and a parent, the groups are entries of the config) prints in that menu's
order, as Mastodon's and Volcano's docs are read on the web."""

import datetime as dt

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import write_site

HUGO = """\
baseURL = "https://example.org/"
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[[languages.en.menus.docs]]
identifier = "start"
name = "Getting started"
weight = 2
[[languages.en.menus.docs]]
identifier = "concepts"
name = "Concepts"
weight = 3
[[languages.en.menus.docs]]
identifier = "intro"
name = "Introduction"
weight = 1
"""


def _page(title: str, menu: str = "") -> str:
    return f"---\ntitle: {title}\n{menu}---\nText.\n"


def _site(tmp_path, menu_option: str):
    files = {
        "hugo.toml": HUGO,
        "content/en/_index.md": _page("Home"),
        "content/en/docs/_index.md": _page("Docs"),
        # file names and titles in the opposite order of the menu
        "content/en/docs/a-queue.md": _page("A queue", "menu:\n  docs:\n    parent: concepts\n    weight: 1\n"),
        "content/en/docs/b-install.md": _page("B install", "menu:\n  docs:\n    parent: start\n    weight: 1\n"),
        "content/en/docs/c-upgrade.md": _page("C upgrade", "menu:\n  docs:\n    parent: start\n    weight: 2\n"),
        "content/en/docs/d-overview.md": _page("D overview", "menu:\n  docs:\n    parent: intro\n"),
        "content/en/docs/e-faq.md": _page("E faq"),  # not in the menu: last
        "content/en/guide/_index.md": _page("Guide", "menu:\n  docs:\n    weight: 20\n"),
        "content/en/guide/y-first.md": _page("Y first", "menu: {docs: {weight: 5}}\n"),
        "content/en/guide/z-zero.md": _page("Z zero", "menu: docs\n"),  # weight 0: last
        "content/en/guide/x-second.md": _page("X second", "menu: {docs: {weight: 6}}\n"),
        "content/en/api/_index.md": _page("Api", "menu:\n  docs:\n    weight: 10\n"),
    }
    if menu_option:
        files["manualgen.toml"] = f'[manual]\nmenu = "{menu_option}"\n'
    return write_site(tmp_path / "site", files, hugo=None)


def _titles(site) -> list[tuple[int, str]]:
    home = discover(load_settings(site), "en", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return [(page.depth, page.title) for page in home.walk()][1:]


def test_the_manual_follows_the_menu_it_is_told_to(tmp_path):
    assert _titles(_site(tmp_path, "docs")) == [
        (1, "Api"), (1, "Guide"), (2, "Y first"), (2, "X second"), (2, "Z zero"),
        (1, "Docs"), (2, "D overview"), (2, "B install"), (2, "C upgrade"), (2, "A queue"),
        (2, "E faq")]


def test_without_the_option_the_order_is_hugos(tmp_path):
    assert _titles(_site(tmp_path, "")) == [
        (1, "Api"), (1, "Docs"), (2, "A queue"), (2, "B install"), (2, "C upgrade"),
        (2, "D overview"), (2, "E faq"), (1, "Guide"), (2, "X second"), (2, "Y first"),
        (2, "Z zero")]


def test_check_notes_a_menu_the_manual_does_not_follow(tmp_path, capsys):
    from manualgen.cli import main

    site = _site(tmp_path, "")
    assert main(["check", "--site", str(site), "--all"]) == 0
    said = "".join(capsys.readouterr())
    assert ('info: 7 pages have no weight but a weight in the menu "docs"' in said
            and 'set [manual] menu = "docs"' in said and "[menu-order; en]" in said)
    (site / "manualgen.toml").write_text('[manual]\nmenu = "docs"\n', encoding="utf-8")
    assert main(["check", "--site", str(site), "--all"]) == 0
    assert "menu-order" not in "".join(capsys.readouterr())


def test_a_menu_with_no_entries_is_named(tmp_path, capsys):
    from manualgen.cli import main

    site = _site(tmp_path, "dosc")  # misspelt
    assert main(["check", "--site", str(site), "--all"]) == 0
    said = "".join(capsys.readouterr())
    assert 'warning: [manual] menu = "dosc": no page and no part of the Hugo config' in said
    assert _titles(site) == _titles(_site(tmp_path / "plain", ""))


def test_a_menu_entry_orders_as_hugos_menu_does(tmp_path):
    """An entry without a weight takes its page's weight; equal weights go by name; a parent
    no entry defines stands as an entry without a weight, so its pages come last (hugo
    0.149.1 lists Bravo Delta Echo Foxtrot Alpha, then the parent "missing" with Charlie)."""
    entry = "menu:\n  docs:\n    weight: {}\n"
    files = {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "manualgen.toml": '[manual]\nmenu = "docs"\n',
        "content/_index.md": _page("Home"),
        "content/alpha.md": _page("Alpha", entry.format(5)),
        "content/bravo.md": _page("Bravo", "weight: 1\nmenu: docs\n"),
        "content/charlie.md": _page("Charlie", "menu:\n  docs:\n    parent: missing\n    weight: 1\n"),
        "content/delta.md": _page("Delta", entry.format(2)),
        "content/foxtrot.md": _page("Foxtrot", entry.format(3)),
        "content/echo.md": _page("Echo", entry.format(3)),
    }
    site = write_site(tmp_path / "site", files, hugo=None)
    assert [title for _depth, title in _titles(site)] == [
        "Bravo", "Delta", "Echo", "Foxtrot", "Alpha", "Charlie"]


def test_config_entries_place_the_pages_their_page_ref_names(tmp_path):
    """A menu of the config whose entries name their pages with pageRef (Hugo's docs, Doks,
    Hinode; here in config/_default/menus/menus.<lang>.toml) orders those pages, each
    language by its own menu, as hugo 0.149.1 lists site.Menus.docs for the same files."""
    menus = {"en": [("Zeta", "/docs/zeta", 1), ("Alpha", "docs/alpha.md", 2), ("Docs", "/docs/", 3)],
             "ko": [("알파", "/docs/alpha/", 1), ("제타", "/docs/zeta", 2)]}
    files = {"config/_default/hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n',
             "config/_default/languages.toml": "[en]\nweight = 1\n[ko]\nweight = 2\n",
             "manualgen.toml": '[manual]\nmenu = "docs"\n'}
    for lang, entries in menus.items():
        files[f"config/_default/menus/menus.{lang}.toml"] = "".join(
            f'[[docs]]\nname = "{name}"\npageRef = "{ref}"\nweight = {weight}\n'
            for name, ref, weight in entries)
        suffix = "" if lang == "en" else f".{lang}"
        files.update({f"content/_index{suffix}.md": _page("Home"),
                      f"content/docs/_index{suffix}.md": _page("Docs"),
                      f"content/docs/alpha{suffix}.md": _page("Alpha"),
                      f"content/docs/zeta{suffix}.md": _page("Zeta"),
                      f"content/other{suffix}.md": _page("Other")})
    site = write_site(tmp_path / "site", files, hugo=None)

    def titles(lang):
        home = discover(load_settings(site), lang, Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        return [page.title for page in home.walk()][1:]

    assert titles("en") == ["Docs", "Zeta", "Alpha", "Other"]
    assert titles("ko") == ["Docs", "Alpha", "Zeta", "Other"]


def test_config_entries_without_a_name_stay_apart(tmp_path):
    """Entries that give only a pageRef and a weight: Hugo names each by its page, so they
    order by their weights (zeta 1, mid 2, alpha 3); they merged into one entry, and the
    pages fell back to their titles' order."""
    files = {"hugo.toml": 'baseURL = "https://example.org/"\n'
                          + "".join(f'[[menus.docs]]\npageRef = "/docs/{ref}"\nweight = {w}\n'
                                    for ref, w in (("zeta", 1), ("alpha", 3), ("mid", 2))),
             "manualgen.toml": '[manual]\nmenu = "docs"\n',
             "content/_index.md": _page("Home"), "content/docs/_index.md": _page("Docs"),
             "content/docs/alpha.md": _page("Alpha"), "content/docs/mid.md": _page("Mid"),
             "content/docs/zeta.md": _page("Zeta")}
    site = write_site(tmp_path / "site", files, hugo=None)
    home = discover(load_settings(site), "en", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert [page.title for page in home.walk()][1:] == ["Docs", "Zeta", "Mid", "Alpha"]


def test_the_menu_note_says_hugo_orders_dated_pages_newest_first(tmp_path, capsys):
    """Pages with dates and no weight (Volcano's docs, each with a date) are in Hugo's order
    newest first, then by title: the note says so, not only "by title"."""
    from manualgen.cli import main

    menu = "menu:\n  docs:\n    parent: concepts\n    weight: {}\n"
    site = write_site(tmp_path / "site", {
        "hugo.toml": HUGO,
        "content/en/_index.md": _page("Home"),
        "content/en/docs/_index.md": _page("Docs"),
        **{f"content/en/docs/p{n}.md": (f"---\ntitle: P{n}\ndate: 2024-0{n}-01\n"
                                        f"{menu.format(n)}---\nText.\n") for n in range(1, 4)},
    }, hugo=None)
    assert main(["check", "--site", str(site), "--all"]) == 0
    said = "".join(capsys.readouterr())
    assert "newest first, then by title" in said and "[menu-order; en]" in said
