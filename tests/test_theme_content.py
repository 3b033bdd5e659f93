"""A theme's own content/ folder: Hugo mounts it after the site's, so its pages show on the
web site (the site's page of the same path wins), the default language's unless a file's
name names another.  ``hugo new theme`` makes such a folder with demo posts."""

from __future__ import annotations

from pathlib import Path

from manualgen.cache import language_inputs
from manualgen.config import load_settings
from manualgen.content import find_files
from manualgen.errors import Findings


def _page(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\nText of {title}.\n", encoding="utf-8")


def _site(root: Path, extra: str = "") -> Path:
    (root / "hugo.toml").write_text(
        'title = "T"\ntheme = "t"\ndefaultContentLanguage = "en"\n' + extra
        + "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ncontentDir = \"content.fr\"\n",
        encoding="utf-8")
    _page(root / "content" / "docs" / "install.md", "Site install")
    _page(root / "content.fr" / "docs" / "install.md", "Installer")
    theme = root / "themes" / "t" / "content"
    _page(theme / "docs" / "install.md", "Theme install")  # the site's page wins
    _page(theme / "posts" / "a.md", "Theme post")
    _page(theme / "posts" / "a.fr.md", "Article du thème")
    _page(theme / "posts" / "b.fr.md", "Seulement en français")
    return root


def _found(root: Path) -> dict[str, list[str]]:
    settings = load_settings(root)
    real = root.resolve()
    return {code: sorted(path.relative_to(real).as_posix()
                         for path in find_files(settings, code, Findings()).values())
            for code in settings.languages}


def test_a_themes_pages_join_the_site_and_the_sites_own_win(tmp_path):
    # as hugo 0.149.1 builds it (checked with the binary)
    assert _found(_site(tmp_path)) == {
        "en": ["content/docs/install.md", "themes/t/content/posts/a.md"],
        "fr": ["content.fr/docs/install.md", "themes/t/content/posts/a.fr.md",
               "themes/t/content/posts/b.fr.md"],
    }


def test_a_themes_pages_come_after_mounts_written_in_the_config(tmp_path):
    root = tmp_path
    extra = '[[module.mounts]]\nsource = "docs-en"\ntarget = "content"\nlang = "en"\n'
    _site(root, extra)
    _page(root / "docs-en" / "posts" / "a.md", "Mounted post")  # the mount wins over the theme
    # as hugo 0.149.1 builds it: mounts replace the contentDirs, the theme's folder follows
    assert _found(root) == {
        "en": ["docs-en/posts/a.md", "themes/t/content/docs/install.md"],
        "fr": ["themes/t/content/posts/a.fr.md", "themes/t/content/posts/b.fr.md"],
    }


def test_a_themes_pages_are_watched(tmp_path):
    root = _site(tmp_path)
    settings = load_settings(root)
    watched = {path.resolve() for path in language_inputs(settings, "en")}
    assert (root / "themes" / "t" / "content" / "posts" / "a.md").resolve() in watched


def test_a_theme_without_content_changes_nothing(tmp_path):
    (tmp_path / "hugo.toml").write_text('title = "T"\ntheme = "t"\n', encoding="utf-8")
    (tmp_path / "themes" / "t" / "layouts").mkdir(parents=True)
    _page(tmp_path / "content" / "a.md", "A")
    assert _found(tmp_path) == {"en": ["content/a.md"]}


def test_a_themes_static_files_are_published_after_the_sites(tmp_path):
    # as Hugo mounts a theme's static/: the site's file of the same address wins
    root = _site(tmp_path)
    theme_static = root / "themes" / "t" / "static" / "img"
    theme_static.mkdir(parents=True)
    (theme_static / "logo.png").write_bytes(b"theme")
    (theme_static / "only.png").write_bytes(b"theme")
    (root / "static" / "img").mkdir(parents=True)
    (root / "static" / "img" / "logo.png").write_bytes(b"site")
    settings = load_settings(root)
    assert settings.static_file("img/logo.png").read_bytes() == b"site"
    assert settings.static_file("img/only.png").read_bytes() == b"theme"
    assert settings.static_dirs[0] == (root / "static").resolve()


def test_a_themes_assets_are_searched_after_the_sites(tmp_path):
    root = _site(tmp_path)
    (root / "themes" / "t" / "assets").mkdir(parents=True)
    settings = load_settings(root)
    assert settings.assets_dirs == [(root / "assets").resolve(),
                                    (root / "themes" / "t" / "assets").resolve()]


def _module_site(root: Path, imports: str, folder: str) -> Path:
    """A site importing one module (as hugo 0.149.1 finds it offline: in themesDir, or in
    _vendor/ once ``hugo mod vendor`` has written _vendor/modules.txt)."""
    (root / "hugo.toml").write_text('title = "M"\n[module]\n' + imports, encoding="utf-8")
    _page(root / "content" / "a.md", "Site page")
    _page(root / folder / "content" / "b.md", "Module page")
    return root


def test_a_module_import_found_in_the_themes_folder_gives_its_pages(tmp_path):
    root = _module_site(tmp_path, '[[module.imports]]\npath = "foo"\n', "themes/foo")
    assert _found(root) == {"en": ["content/a.md", "themes/foo/content/b.md"]}


def test_a_vendored_module_gives_its_pages_and_shortcodes(tmp_path):
    root = _module_site(tmp_path, '[[module.imports]]\npath = "github.com/x/y"\n',
                        "_vendor/github.com/x/y")
    assert _found(root) == {"en": ["content/a.md"]}  # not vendored without modules.txt
    (root / "_vendor" / "modules.txt").write_text("# github.com/x/y v1.0.0\n", encoding="utf-8")
    assert _found(root) == {"en": ["_vendor/github.com/x/y/content/b.md", "content/a.md"]}
    settings = load_settings(root)
    assert root / "_vendor" / "github.com" / "x" / "y" / "layouts" in settings.layout_dirs


def test_a_disabled_module_import_is_left_out(tmp_path):
    root = _module_site(tmp_path, '[[module.imports]]\npath = "foo"\ndisable = true\n',
                        "themes/foo")
    assert _found(root) == {"en": ["content/a.md"]}


def test_a_themes_params_are_defaults_under_the_sites(tmp_path):
    # as hugo 0.149.1 merges them (checked with the binary): key by key, the site's winning
    root = _module_site(tmp_path, '[[module.imports]]\npath = "foo"\n[params]\nbar = "site"\n'
                        '[params.deep]\na = "site"\n', "themes/foo")
    (root / "themes" / "foo" / "hugo.toml").write_text(
        '[params]\nfoo = "theme"\nbar = "theme"\n[params.deep]\na = "theme"\nb = "theme"\n',
        encoding="utf-8")
    assert load_settings(root).params == {"foo": "theme", "bar": "site",
                                          "deep": {"a": "site", "b": "theme"}}


def test_a_themes_config_folder_gives_params_too(tmp_path):
    root = _module_site(tmp_path, '[[module.imports]]\npath = "foo"\n', "themes/foo")
    folder = root / "themes" / "foo" / "config" / "_default"
    folder.mkdir(parents=True)
    (folder / "params.toml").write_text('colour = "blue"\n', encoding="utf-8")
    assert load_settings(root).params == {"colour": "blue"}


def test_a_themes_own_mounts_say_which_folders_it_gives(tmp_path):
    # Docsy's hugo.yaml lists its mounts and no content: Hugo then mounts no content of it
    root = _module_site(tmp_path, '[[module.imports]]\npath = "foo"\n', "themes/foo")
    theme = root / "themes" / "foo"
    (theme / "hugo.yaml").write_text(
        "module:\n  mounts:\n    - source: layouts\n      target: layouts\n"
        "    - source: site-static\n      target: static\n"
        "    - source: ../../node_modules/x\n      target: assets/vendor/x\n", encoding="utf-8")
    (theme / "site-static").mkdir()
    settings = load_settings(root)
    assert _found(root) == {"en": ["content/a.md"]}
    assert theme / "layouts" in settings.layout_dirs
    assert (theme / "site-static").resolve() in settings.static_dirs


def test_a_theme_built_on_another_brings_it_and_runs_its_shortcodes(tmp_path):
    # as hugo 0.149.1 builds it: theme a names its own theme p, which comes before the
    # site's next theme b; a shortcode manualgen has no template of runs as p defines it
    from manualgen.build import BuildOptions, build

    (tmp_path / "hugo.toml").write_text('title = "T"\ntheme = ["a", "b"]\n', encoding="utf-8")
    (tmp_path / "themes" / "a").mkdir(parents=True)
    (tmp_path / "themes" / "a" / "hugo.toml").write_text('theme = "p"\n[params]\nfrom_a = 1\n',
                                                          encoding="utf-8")
    for theme, words in (("p", "from-p"), ("b", "from-b")):
        folder = tmp_path / "themes" / theme / "layouts" / "shortcodes"
        folder.mkdir(parents=True)
        (folder / "xyz.html").write_text(f"<em>{words}</em>", encoding="utf-8")
    (tmp_path / "themes" / "p" / "hugo.toml").write_text('[params]\nfrom_p = 2\n', encoding="utf-8")
    _page(tmp_path / "themes" / "p" / "content" / "parent.md", "Parent page")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text("---\ntitle: P\n---\n{{< xyz >}}\n", encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.params == {"from_a": 1, "from_p": 2}
    assert _found(tmp_path)["en"] == ["content/p.md", "themes/p/content/parent.md"]
    result = build(tmp_path, BuildOptions(all=True, out=tmp_path / "out", no_cache=True,
                                          jobs=1, html=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "from-p" in html and "from-b" not in html
    assert "unknown-shortcode" not in [f.code for f in result.findings]


def test_mounts_of_an_import_and_of_a_theme_place_their_pages_below_a_section(tmp_path):
    # as hugo 0.149.1 builds it: an import's own [[module.imports.mounts]] and a theme's
    # module.mounts replace their default folders (their content/ is not read) and may
    # place a folder below a section of the site
    (tmp_path / "hugo.toml").write_text(
        'title = "I"\ntheme = "parent"\n[module]\n[[module.imports]]\npath = "github.com/ex/docs"\n'
        '[[module.imports.mounts]]\nsource = "docs"\ntarget = "content/imported"\n', encoding="utf-8")
    vendored = tmp_path / "_vendor" / "github.com" / "ex" / "docs"
    _page(vendored / "docs" / "guide" / "g.md", "G")
    _page(vendored / "content" / "stray" / "s.md", "Stray")
    (tmp_path / "_vendor" / "modules.txt").write_text("# github.com/ex/docs v1.0.0\n", encoding="utf-8")
    theme = tmp_path / "themes" / "parent"
    _page(theme / "docs" / "guide" / "pg.md", "PG")
    _page(theme / "content" / "pc.md", "PC")
    (theme / "hugo.toml").write_text('[[module.mounts]]\nsource = "docs"\ntarget = "content/manual"\n',
                                     encoding="utf-8")
    _page(tmp_path / "content" / "a.md", "A")
    assert _found(tmp_path) == {"en": ["_vendor/github.com/ex/docs/docs/guide/g.md", "content/a.md",
                                       "themes/parent/docs/guide/pg.md"]}
    urls = {page: url for page, url in _urls_of(tmp_path).items()}
    assert urls == {"a.md": "/a/", "imported/guide/g.md": "/imported/guide/g/",
                    "manual/guide/pg.md": "/manual/guide/pg/"}


def _urls_of(root: Path) -> dict[str, str]:
    import datetime as dt

    from manualgen.content import discover

    home = discover(load_settings(root), "en", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return {page.rel: page.url for page in home.walk() if page.kind == "page"}
