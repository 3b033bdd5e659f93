"""Hugo's content model beyond plain Markdown pages: the formats Hugo reads and the files it
ignores, cascade, sections that Hugo does not build, sections without _index.md, and links
written with a page's url, slug or alias, or to a file of the site."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from manualgen.build import BuildOptions, build
from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import HUGO_TOML, page, write_site

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def discovered(site, lang="de"):
    findings = Findings()
    home = discover(load_settings(site), lang, findings, NOW)
    return {p.rel: p for p in home.walk()}, findings


def test_every_content_format_hugo_prints_is_a_page_and_ignored_files_are_not(tmp_path):
    hugo = HUGO_TOML.replace('[params]', "ignoreFiles = ['\\.wip\\.md$']\n[params]")
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Md", 1),
        "content/de/b.markdown": page("Markdown", 2),
        "content/de/c.mdown": page("Mdown", 3),
        "content/de/d.html": page("Html", 4, "<p>HTML</p>\n"),
        "content/de/e.htm": page("Htm", 5, "<p>HTM</p>\n"),
        "content/de/notes.txt": "not a page\n",
        "content/de/.hidden.md": page("Hidden", 6),
        "content/de/backup.md~": page("Backup", 7),
        "content/de/plan.wip.md": page("Work in progress", 8),
        "content/de/_unterstrich.md": page("Underscore", 9),  # Hugo prints these
        "content/de/buch.adoc": page("AsciiDoc", 10),
        "content/de/bundle/index.md": page("Bundle", 11),
        "content/de/bundle/part.rst": "a resource of the bundle, not a page\n",
    }, hugo=hugo)
    pages, findings = discovered(site)
    assert [p.title for p in pages.values()][1:] == [
        "Md", "Markdown", "Mdown", "Html", "Htm", "Underscore", "AsciiDoc", "Bundle"]
    assert pages["d.html"].markup == "html" and pages["a.md"].markup == "markdown"
    unsupported = [(f.code, f.file.rpartition("/")[2], f.line) for f in findings.warnings]
    assert unsupported == [("unsupported-format", "buch.adoc", 1)]
    # Hugo needs asciidoctor for it: the page keeps its place, and names where it is read
    assert pages["buch.adoc"].body == (
        '<div class="media-note format-note"><p class="media-link"><span class="media-kind '
        'mg-label">AsciiDoc</span> <span class="media-address">https://example.org/docs/buch/'
        "</span></p></div>\n")


def test_html_content_is_printed_as_written_with_its_shortcodes(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/roh.html": page("Roh", 1, "<p>*kein Markdown* {{< param version >}}</p>\n"),
        "content/de/md.md": page("Als HTML", 2, "<p>*auch nicht*</p>\n", markup="html"),
    })
    out = tmp_path / "out"
    assert build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1)).ok
    html = (out / "test-manual-de.html").read_text(encoding="utf-8")
    assert "<p>*kein Markdown* 2.0</p>" in html and "<p>*auch nicht*</p>" in html


@pytest.mark.parametrize("section_front_matter", [
    {"draft": "true"}, {"publishDate": "2099-01-01"}, {"expiryDate": "2001-01-01"},
    {"no_print": "true"},  # Docsy's print view leaves it out, with what is below it
    {"no_print": "'yes'"},  # Docsy's template tests it: a "yes" is on (unlike Hugo's draft)
])
def test_a_section_hugo_does_not_build_takes_its_pages_along(tmp_path, section_front_matter):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/intern/_index.md": page("Intern", 1, **section_front_matter),
        "content/de/intern/seite.md": page("Seite", 1),
        "content/de/intern/tief/mehr.md": page("Mehr", 2),
        "content/de/offen.md": page("Offen", 2),
    })
    pages, _ = discovered(site)
    assert [p.title for p in pages.values()] == ["Start", "Offen"]


def test_build_drafts_in_the_site_config_keeps_drafts(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/entwurf.md": page("Entwurf", 1, draft="true"),
    }, hugo=HUGO_TOML.replace("[params]", "buildDrafts = true\n[params]"))
    assert "entwurf.md" in discovered(site)[0]


def test_cascade_from_front_matter_and_from_the_site_config(tmp_path):
    hugo = HUGO_TOML.replace("[params]", """\
[[cascade]]
draft = true
[cascade._target]
path = "{/intern,/intern/**}"
[[cascade]]
[cascade.params]
produkt = "Widget"
[cascade._target]
path = "/werkzeuge/**"
kind = "page"
[params]""")
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/doku/_index.md": """\
            ---
            title: Doku
            weight: 1
            cascade:
              - _build:
                  list: never
                target:
                  path: /doku/alt/**
              - params:
                  farbe: rot
                weight: 7
            ---
            """,
        "content/de/doku/a.md": page("A", 1),  # its own weight wins over the cascade's
        "content/de/doku/b.md": page("B"),
        "content/de/doku/alt/_index.md": page("Alt", 9, "Alte Seiten.\n"),  # text: printed
        "content/de/doku/alt/x.md": page("Alt X", 1),
        # The cascade reaches the section itself, as in Hugo: a draft section, not built,
        # takes its pages along, even one that says draft: false
        "content/de/werkstatt/_index.md": page("Werkstatt", 2, "", cascade="{draft: true}"),
        "content/de/werkstatt/w1.md": page("W1 (Entwurf)"),
        "content/de/werkstatt/w2.md": page("W2", draft="false"),
        "content/de/werkzeuge/t.md": page("Werkzeug", 3),
        "content/de/intern/_index.md": page("Intern", 4),
        "content/de/intern/i.md": page("Innen", 1, draft="false"),
    }, hugo=hugo)
    pages, _ = discovered(site)
    assert [p.title for p in pages.values()] == [
        "Start", "Doku", "A", "B", "Alt", "Werkzeuges", "Werkzeug"]
    assert (pages["doku/a.md"].weight, pages["doku/b.md"].weight) == (1, 7)
    assert pages["doku/_index.md"].weight == 1  # its own weight, not its cascade's
    assert pages["doku/b.md"].meta["params"] == {"farbe": "rot"}
    assert pages["werkzeuge/t.md"].meta["params"] == {"produkt": "Widget"}
    assert "produkt" not in pages["doku/alt/_index.md"].meta["params"]  # not in /werkzeuge


@pytest.mark.parametrize("folder, hugo_extra, title", [
    ("anleitung", "", "Anleitungs"),  # Hugo pluralizes in English and capitalizes
    ("faq", "", "Faqs"),
    ("library", "", "Libraries"),
    ("class", "", "Classes"),
    ("tools", "", "Tools"),
    # what Hugo 0.149.1 wrote for hyphenated names, in its "ap" title case and in "go"
    ("only-sub", "", "Only-Subs"), ("a-b-c", "", "A-B-Cs"), ("über-uns", "", "Über-Uns"),
    ("go to the-end", "", "Go to The-Ends"), ("out-of-date", "", "Out-of-Dates"),
    ("out-of-date", 'titleCaseStyle = "go"\n', "Out-Of-Dates"),
    ("children", "", "Children"), ("person", "", "People"), ("analysis", "", "Analyses"),
    ("anleitung", "pluralizeListTitles = false\n", "Anleitung"),
    ("anleitung", "pluralizeListTitles = false\ncapitalizeListTitles = false\n", "anleitung"),
])
def test_a_top_level_folder_without_index_is_titled_as_hugo_titles_it(tmp_path, folder, hugo_extra,
                                                                       title):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        f"content/de/{folder}/seite.md": page("Seite", 1),
    }, hugo=HUGO_TOML.replace("[params]", hugo_extra + "[params]"))
    pages, _ = discovered(site)
    assert pages[f"{folder}/_index.md"].title == title


# what hugo 0.149.1 titled folders of these names (no _index file; its default settings):
# English plurals as its inflection package (flect) makes them, irregular ones included
_HUGO_SECTION_TITLES = [
    ('café', 'Cafés'), ('данные', 'Данныеs'), ('a-', 'A-S'), ('child-', 'Child-Children'),
    ('person.', 'Person.s'), ('news.ch', 'News.ches'), ('v2Guide', 'V2Guides'), ('x=y', 'X=ies'),
    ('foo~child', 'Foo~children'), ('a:child', 'A:children'), ('1.child', '1.children'),
    ('children', 'Children'),
    ('people', 'People'),
    ('person', 'People'),
    ('analysis', 'Analyses'),
    ('index', 'Indices'),
    ('octopus', 'Octupuses'),
    ('hero', 'Heroes'),
    ('knife', 'Knives'),
    ('data', 'Data'),
    ('news', 'News'),
    ('userGuide', 'UserGuides'),
    ('UserGuide', 'UserGuides'),
    ('user_guide', 'User_guides'),
    ('CHILD', 'Children'),
    ('API', 'APIs'),
    ('ID', 'IDs'),
    ('IDs', 'IDs'),
    ('status', 'Statuses'),
    ('museum', 'Museums'),
    ('tomato', 'Tomatoes'),
    ('zoo', 'Zoos'),
    ('wolf', 'Wolves'),
    ('quiz', 'Quizzes'),
    ('foo_person', 'Foo_people'),
    ('FooPerson', 'FooPeople'),
    ('criterion', 'Criteria'),
    ('matrix', 'Matrices'),
    ('appendix', 'Appendices'),
    ('medium', 'Media'),
    ('media', 'Media'),
    ('axis', 'Axes'),
    ('ox', 'Oxen'),
    ('mouse', 'Mice'),
    ('house', 'Houses'),
    ('leaf', 'Leaves'),
    ('roof', 'Roofs'),
    ('chief', 'Chiefs'),
    ('cactus', 'Cacti'),
    ('virus', 'Viruses'),
    ('campus', 'Campuses'),
    ('bus', 'Buses'),
    ('series', 'Series'),
    ('sheep', 'Sheep'),
    ('equipment', 'Equipment'),
    ('photo', 'Photos'),
    ('piano', 'Pianos'),
    ('video', 'Videoes'),
    ('city', 'Cities'),
    ('key', 'Keys'),
    ('day', 'Days'),
    ('soliloquy', 'Soliloquies'),
    ('datum', 'Data'),
    ('memorandum', 'Memoranda'),
    ('maximum', 'Maxima'),
    ('stadium', 'Stadiums'),
    ('woman', 'Women'),
    ('human', 'Humans'),
    ('german', 'Germen'),
    ('tooth', 'Teeth'),
    ('goose', 'Geese'),
    ('mongoose', 'Mongeese'),
    ('echo', 'Echoes'),
    ('potato', 'Potatoes'),
    ('cargo', 'Cargoes'),
    ('church', 'Churches'),
    ('wish', 'Wishes'),
    ('kiss', 'Kisses'),
    ('fez', 'Fezzes'),
    ('waltz', 'Waltzes'),
    ('buzz', 'Buzzes'),
    ('getting-started', 'Getting-Starteds'),
    ('release-notes', 'Release-Notes'),
    ('monitoring', 'Monitorings'),
    ('configuration', 'Configurations'),
]


def test_section_titles_take_the_plurals_hugo_makes():
    import types

    from manualgen.content import section_title

    settings = types.SimpleNamespace(pluralize_list_titles=True, capitalize_list_titles=True,
                                     title_case_style="ap")
    assert [(name, section_title(name, settings)) for name, _ in _HUGO_SECTION_TITLES] == \
        _HUGO_SECTION_TITLES


def test_a_section_hugo_does_not_list_takes_its_pages_along_with_a_note(tmp_path):
    """Hugo's tree has no place for the pages of a section it does not list (Hugo 0.149:
    they are written, but in no list and no menu), so the manual has none either."""
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/alt/_index.md": "---\ntitle: Archiv\n_build:\n  list: never\n  render: never\n---\n",
        "content/de/alt/seite.md": page("Seite", 1),
        "content/de/alt/tief/mehr.md": page("Mehr", 1),
        "content/de/kopf/_index.md": page("Kopflos", 3, headless="true"),
        "content/de/kopf/k.md": page("K", 1),
        "content/de/offen.md": page("Offen", 2),
    })
    pages, findings = discovered(site)
    assert [p.title for p in pages.values()] == ["Start", "Offen"]
    notes = {(Path(f.file).parent.name, f.line): f.message for f in findings if f.code == "not-printed"}
    assert "nor are the 2 pages below it" in notes[("alt", 4)]  # the line of list: never
    assert "headless" in notes[("kopf", 4)] and "nor is the page below it" in notes[("kopf", 4)]


def test_a_section_hugo_lists_but_does_not_render_keeps_its_pages_under_its_title(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/doku/_index.md": page("Doku", 1, "Text.\n"),
        "content/de/doku/alt/_index.md": "---\ntitle: Archiv\nweight: 1\nbuild:\n  render: never\n---\n",
        "content/de/doku/alt/seite.md": page("Seite", 1),
        "content/de/doku/neu.md": page("Neu", 2),
    })
    pages, findings = discovered(site)
    assert [(p.title, p.parent.title) for p in pages.values() if p.parent] == [
        ("Doku", "Start"), ("Archiv", "Doku"), ("Seite", "Archiv"), ("Neu", "Doku")]
    assert [f.message for f in findings if f.code == "not-printed"] == [
        ("not printed: it has no web page of its own (build option render: never): only its "
         "title is printed, over the pages below it")]


def test_url_front_matter_follows_hugos_rules(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, url="/ueber/uns"),
        "content/de/b.md": page("B", 2, url="datei.html"),
        "content/fr/_index.md": page("Accueil"),
        "content/fr/a.md": page("A", 1, url="/a-propos"),
        "content/fr/b.md": page("B", 2, url="sans-barre"),  # multilingual: below /fr/
        "content/fr/c.md": page("C", 3, slug="joli", aliases="[/ancien, voisin, ../haut]"),
    })
    de, _ = discovered(site, "de")
    fr, _ = discovered(site, "fr")
    assert [de["a.md"].url, de["b.md"].url] == ["/docs/ueber/uns/", "/docs/datei.html"]
    assert [fr["a.md"].url, fr["b.md"].url, fr["c.md"].url] == [
        "/docs/a-propos/", "/docs/fr/sans-barre/", "/docs/fr/joli/"]
    assert fr["c.md"].aliases == ["/docs/fr/ancien/", "/docs/ancien/", "/docs/fr/voisin/", "/docs/haut/"]


LINKS = """\
[Eigene URL](/ueber/uns/), [Slug](/docs/anleitung/kurz/), [Alias](/alt/pfad/),
[Formular](/files/form.pdf), [Tabelle](https://example.org/docs/files/liste.xlsx),
[Beilage](anleitung/bundle/beilage.pdf), [Fehlt](/files/fehlt.pdf).
"""


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    root = tmp_path_factory.mktemp("links")
    site = write_site(root / "site", {
        "content/de/_index.md": page("Start", body=LINKS),
        "content/de/anleitung/_index.md": page("Anleitung", 1),
        "content/de/anleitung/eigen.md": page("Eigen", 1, url="/ueber/uns/", aliases="[/alt/pfad/]"),
        "content/de/anleitung/slug.md": page("Slug", 2, slug="kurz"),
        "content/de/anleitung/bundle/index.md": page("Bundle", 3, "Die [Beilage](beilage.pdf).\n"),
        "content/de/anleitung/bundle/beilage.pdf": b"%PDF-1.4\n",
        "static/files/form.pdf": b"%PDF-1.4\n",
        "static/files/liste.xlsx": b"PK",
    })
    out = root / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    return result, (out / "test-manual-de.html").read_text(encoding="utf-8")


def link(html: str, text: str) -> str:
    return re.search(rf"<a [^>]*>{text}</a>|<a>{text}</a>", html).group(0)


def test_links_with_a_pages_url_slug_or_alias_reach_the_page(linked):
    _, html = linked
    assert 'href="#p-anleitung-eigen"' in link(html, "Eigene URL")
    assert 'href="#p-anleitung-slug"' in link(html, "Slug")
    assert 'href="#p-anleitung-eigen"' in link(html, "Alias")


def test_a_sections_slug_gives_the_address_newer_hugo_gives_it_as_well(tmp_path):
    # Hugo 0.168.0 names /docs/fr/guide/ and /docs/fr/guide/joli/ (and /docs/fr/guide/sous/p/)
    # what Hugo 0.165 and older named /docs/fr/section/…: a link written either way is found.
    # A section's url sets its own address; its pages still follow its slug.
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/fr/_index.md": page("Accueil"),
        "content/fr/section/_index.md": page("Section", 1, slug="guide"),
        "content/fr/section/c.md": page("C", 1, slug="joli"),
        "content/fr/section/sous/_index.md": page("Sous", 2),
        "content/fr/section/sous/p.md": page("P", 1),
        "content/fr/autre/_index.md": page("Autre", 2, slug="x", url="/ailleurs/"),
        "content/fr/autre/q.md": page("Q", 1),
    })
    fr, _ = discovered(site, "fr")
    assert [fr["section/_index.md"].url, fr["section/c.md"].url] == [
        "/docs/fr/section/", "/docs/fr/section/joli/"]
    assert (fr["section/_index.md"].aliases, fr["section/c.md"].aliases,
            fr["section/sous/p.md"].aliases, fr["autre/_index.md"].aliases,
            fr["autre/q.md"].aliases) == (
        ["/docs/fr/guide/"], ["/docs/fr/guide/joli/"], ["/docs/fr/guide/sous/p/"], [],
        ["/docs/fr/x/q/"])


def test_links_to_files_of_the_site_print_their_web_address(linked):
    result, html = linked
    assert 'href="https://example.org/docs/files/form.pdf" class="external"' in link(html, "Formular")
    assert 'href="https://example.org/docs/files/liste.xlsx"' in link(html, "Tabelle")
    # A page bundle's file is published beside its page, wherever the link comes from.
    address = 'href="https://example.org/docs/anleitung/bundle/beilage.pdf"'
    assert address in link(html, "Beilage") and html.count(address) == 2
    broken = [(f.file, f.line, f.message) for f in result.findings if f.code == "broken-link"]
    message = ('link "/files/fehlt.pdf" points to no page of this manual and no file of the '
               "site; it prints as plain text")
    assert broken == [("content/de/_index.md", 6, message)]


def test_a_link_to_another_languages_page_prints_its_web_address_with_a_warning(tmp_path):
    hugo = ('baseURL = "https://example.org/docs/"\ntitle = "T"\ndefaultContentLanguage = "de"\n'
            '[languages.de]\ncontentDir = "content/de"\n[languages.fr]\ncontentDir = "content/fr"\n')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo.\n"),
        "content/de/nurde.md": page("Nur Deutsch", body="Text.\n"),
        "content/fr/_index.md": page("Accueil", body="Voir [la page](/docs/de/nurde/#oben).\n"),
    }, hugo=hugo)
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["fr"], out=out, html=True, no_cache=True))
    (found,) = [f for f in result.findings if f.code == "other-language-link"]
    assert (found.file, found.line, found.lang) == ("content/fr/_index.md", 4, "fr")
    assert "German" in found.message
    assert not [f for f in result.findings if f.code == "broken-link"]
    html = (out / "t-fr.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/docs/de/nurde/#oben" class="external">la page</a>' in html


def mounted(site, mounts, lang="de"):
    """Discovery with the language's content folders mounted as a Hugo module would mount
    them: [(folder below the site, target below content/)]."""
    settings = load_settings(site)
    language = settings.languages[lang]
    settings.languages[lang] = dataclasses.replace(
        language, mounts=[(site / folder, target) for folder, target in mounts])
    findings = Findings()
    home = discover(settings, lang, findings, NOW)
    return {p.rel: p for p in home.walk()}, findings


def test_a_folder_mounted_below_content_is_a_section_of_its_own(tmp_path):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1),
        "docs-src/intro.md": page("Intro", 1),
        "docs-src/setup/_index.md": page("Setup", 2),
        "docs-src/setup/linux.md": page("Linux", 1),
        "more/intro.md": page("Second intro", 1),  # the same path: the first mount wins
        "more/extra.md": page("Extra", 2),
    })
    pages, findings = mounted(site, [("content/de", ""), ("docs-src", "docs"),
                                     ("more", "/docs/")])
    assert sorted(pages) == ["_index.md", "a.md", "docs/_index.md", "docs/extra.md",
                             "docs/intro.md", "docs/setup/_index.md", "docs/setup/linux.md"]
    docs = pages["docs/_index.md"]  # no _index.md: a top-level folder is a section all the same
    assert (docs.title, docs.parent.rel, docs.url) == ("Docs", "_index.md", "/docs/docs/")
    assert docs.path == site / "docs-src" / "_index.md"
    assert [c.title for c in docs.children] == ["Intro", "Extra", "Setup"]
    assert pages["docs/intro.md"].path == site / "docs-src/intro.md"
    assert pages["docs/setup/linux.md"].parent.title == "Setup"
    assert pages["docs/setup/linux.md"].url == "/docs/docs/setup/linux/"
    assert [p.title for p in pages["_index.md"].walk()] == [
        "Start", "A", "Docs", "Intro", "Extra", "Setup", "Linux"]
    assert not findings.errors


def test_a_deep_mount_and_translations_by_file_name(tmp_path):
    hugo = HUGO_TOML.replace('contentDir = "content/fr"', 'contentDir = "content/de"')
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/_index.fr.md": page("Accueil"),
        "guide/_index.md": page("Anleitung", 1),
        "guide/_index.fr.md": page("Guide", 1),
        "guide/step.md": page("Schritt", 1),
        "guide/step.fr.md": page("Étape", 1),
    }, hugo=hugo)
    mounts = [("content/de", ""), ("guide", "manual/guide")]
    de, _ = mounted(site, mounts, "de")
    fr, _ = mounted(site, mounts, "fr")
    assert de["manual/guide/step.md"].title == "Schritt"
    assert fr["manual/guide/step.md"].title == "Étape"
    assert fr["manual/guide/step.md"].url == "/docs/fr/manual/guide/step/"
    # "manual" has no _index.md: a section named after its folder, holding the guide
    assert [p.title for p in de["_index.md"].walk()] == ["Start", "Manuals", "Anleitung", "Schritt"]


def test_without_mounts_the_content_folders_sit_at_the_top(tmp_path):
    site = write_site(tmp_path, {"content/de/_index.md": page("Start"),
                                 "content/de/x/a.md": page("A", 1)})
    pages, _ = discovered(site)
    assert sorted(pages) == ["_index.md", "x/_index.md", "x/a.md"]
    assert pages["x/a.md"].url == "/docs/x/a/"


# hugo 0.149.1: whether the page is in .Site.RegularPages with these build options
@pytest.mark.parametrize("options, listed", [
    ("  list: never", False), ("  list: false", False), ("  list: 0", False),
    ("  list: Never", True), ("  list: 'false'", True), ("  list: sometimes", True),
    ("  render: never", False), ("  render: link", False), ("  render: 'false'", True),
    ("  list: '0'", False), ("  render: '0'", False), ("  list: '1'", True),
])
def test_build_options_are_read_as_hugo_reads_them(tmp_path, options, listed):
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/seite.md": f"---\ntitle: Seite\nbuild:\n{options}\n---\nText.\n",
    })
    pages, findings = discovered(site)
    assert ("seite.md" in pages) is listed and not findings.errors


@pytest.mark.parametrize("front, line", [
    ("build: never\n", 3), ("_build: [1]\n", 3), ("build:\n  publishResources: 'no'\n", 3),
    ("build:\n  list: [never]\n", 3),
])
def test_build_options_hugo_cannot_decode_are_an_error_at_their_line(tmp_path, front, line):
    # hugo stops the build: "failed to decode build config in front matter"
    site = write_site(tmp_path, {
        "content/de/_index.md": page("Start"),
        "content/de/seite.md": f"---\ntitle: Seite\n{front}---\nText.\n",
    })
    _pages, findings = discovered(site)
    errors = [(f.code, f.file.rpartition("/")[2], f.line) for f in findings.errors]
    assert errors == [("bad-front-matter", "seite.md", line)]
