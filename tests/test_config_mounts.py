"""Module mounts as Hugo reads them: language per mount, target subpaths, static look-up."""

from __future__ import annotations

import pytest

from manualgen.config import load_settings
from manualgen.errors import ConfigError

from .conftest import write_site

LANGS = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.nn]
weight = 2
[languages.sv]
weight = 3
"""


def _mounts(settings, code):
    root = settings.site_root
    return [(folder.relative_to(root).as_posix(), sub) for folder, sub in settings.languages[code].mounts]


def test_sites_matrix_languages_give_each_language_its_mounts(tmp_path):
    hugo = LANGS + """
[[module.mounts]]
source = "content/en"
target = "content"
[module.mounts.sites.matrix]
languages = ["en"]
[[module.mounts]]
source = "content/nordic"
target = "content"
[module.mounts.sites.matrix]
languages = "{nn,sv}"
[[module.mounts]]
source = "content/shared"
target = "content/shared"
[module.mounts.sites.matrix]
languages = ["**", "! sv"]
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    assert _mounts(settings, "en") == [("content/en", ""), ("content/shared", "shared")]
    assert _mounts(settings, "nn") == [("content/nordic", ""), ("content/shared", "shared")]
    assert _mounts(settings, "sv") == [("content/nordic", "")]
    assert settings.languages["nn"].content_dirs == [(tmp_path / "content/nordic").resolve(),
                                                     (tmp_path / "content/shared").resolve()]
    assert not settings.by_filename


def test_deprecated_lang_and_a_mount_for_any_language(tmp_path):
    hugo = LANGS + """
[[module.mounts]]
source = "docs/nn"
target = "content"
lang = "nn"
[[module.mounts]]
source = "docs/common"
target = "content/docs"
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    # A mount without a language is the default language's, at its subpath; the others
    # read it only for pages named for them (see the next tests).
    assert _mounts(settings, "nn") == [("docs/nn", "")]
    assert _mounts(settings, "en") == [("docs/common", "docs")]
    assert _mounts(settings, "sv") == []


def _found(settings) -> dict[str, list[str]]:
    from manualgen.content import find_files
    from manualgen.errors import Findings

    return {code: sorted(find_files(settings, code, Findings())) for code in settings.languages}


HOME = "---\ntitle: Start\n---\n"


@pytest.mark.parametrize("language_mounts", [True, False])
def test_a_mount_naming_no_language_holds_the_default_languages_pages(tmp_path, language_mounts):
    """As hugo 0.149.1 builds it: beside mounts that name their language (or languages with
    their own contentDir, which content mounts replace), a mount naming none gives its
    pages to the default language, and a page whose name names a language to that one."""
    hugo = ('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
            + ('' if language_mounts else 'contentDir = "content/de"\n')
            + '[languages.en]\nweight = 2\n'
            + ('' if language_mounts else 'contentDir = "content/en"\n'))
    if language_mounts:
        hugo += ''.join(f'[[module.mounts]]\nsource = "content/{code}"\ntarget = "content"\n'
                        f'lang = "{code}"\n' for code in ("de", "en"))
    hugo += '[[module.mounts]]\nsource = "shared"\ntarget = "content/common"\n'
    settings = load_settings(write_site(tmp_path, {
        "content/de/_index.md": HOME, "content/en/_index.md": HOME,
        "shared/page.md": HOME, "shared/other.en.md": HOME}, hugo=hugo))
    homes = ["_index.md"] if language_mounts else []  # contentDir gave way to the mounts
    assert _found(settings) == {"de": homes + ["common/page.md"],
                                "en": homes + ["common/other.md"]}


def test_a_mount_naming_no_language_is_not_another_languages_own(tmp_path):
    """As hugo 0.149.1 builds it: sv reads the mount without a language only for the page
    named for it; the page named for none is the default language's (en)."""
    hugo = LANGS + ('[[module.mounts]]\nsource = "docs/nn"\ntarget = "content"\nlang = "nn"\n'
                    '[[module.mounts]]\nsource = "docs/common"\ntarget = "content/docs"\n')
    settings = load_settings(write_site(tmp_path, {
        "docs/nn/_index.md": HOME, "docs/common/page.md": HOME,
        "docs/common/p2.sv.md": HOME}, hugo=hugo))
    assert _found(settings) == {"en": ["docs/page.md"], "nn": ["_index.md"],
                                "sv": ["docs/p2.md"]}


def test_a_language_without_mounts_keeps_its_content_dir(tmp_path):
    settings = load_settings(write_site(tmp_path, {}))  # conftest's contentDir per language
    assert _mounts(settings, "de") == [("content/de", "")]
    assert settings.languages["de"].content_dirs == [(tmp_path / "content/de").resolve()]


def test_mounts_in_a_config_directory_and_in_yaml(tmp_path, monkeypatch):
    monkeypatch.delenv("HUGO_ENVIRONMENT", raising=False)
    site = write_site(tmp_path, {
        "config/_default/hugo.yaml": "defaultContentLanguage: en\n",
        "config/_default/languages.yaml": "en: {weight: 1}\nnn: {weight: 2}\n",
        "config/_default/module.yaml": """\
            mounts:
              - source: src/en
                target: content/guide
                sites:
                  matrix:
                    languages: [en]
              - source: src/nn
                target: content/guide
                sites: {matrix: {languages: [nn]}}
              - source: pictures
                target: static/img/logos/32x32
            """,
    }, hugo=None)
    settings = load_settings(site)
    assert _mounts(settings, "en") == [("src/en", "guide")]
    assert _mounts(settings, "nn") == [("src/nn", "guide")]
    assert settings.static_mounts == [((site / "pictures").resolve(), "img/logos/32x32")]
    assert settings.static_dirs == [(site / "pictures").resolve()]


def test_static_file_resolves_addresses_through_the_static_mounts(tmp_path):
    hugo = """\
staticDir = ["static", "override"]
[[module.mounts]]
source = "logos"
target = "static/img/logos/32x32"
[[module.mounts]]
source = "files/one.txt"
target = "static/downloads/one.txt"
"""
    site = write_site(tmp_path, {
        "logos/a.png": b"logo", "files/one.txt": "1", "static/img/b.png": b"b",
        "static/same.txt": "from static", "override/same.txt": "from override",
        "outside.txt": "secret",
    }, hugo=hugo)
    settings = load_settings(site)
    assert settings.static_file("img/logos/32x32/a.png") == (site / "logos/a.png").resolve()
    assert settings.static_file("/img/b.png") == (site / "static/img/b.png").resolve()
    assert settings.static_file("downloads/one.txt") == (site / "files/one.txt").resolve()
    assert settings.static_file("same.txt").read_text() == "from override"  # the later one wins
    assert settings.static_file("img/logos/a.png") is None  # the mount sits deeper
    assert settings.static_file("img/logos/32x32") is None  # a folder, not a file
    assert settings.static_file("../outside.txt") is None
    assert settings.static_file("img/logos/32x32/../../../../outside.txt") is None
    assert settings.static_file("") is None


def test_static_file_refuses_a_symbolic_link_out_of_its_mount(tmp_path):
    site = write_site(tmp_path, {"secret.txt": "secret", "static/ok.txt": "ok"}, hugo='title = "x"\n')
    (site / "static/link.txt").symlink_to(site / "secret.txt")
    settings = load_settings(site)
    assert settings.static_file("ok.txt") == (site / "static/ok.txt").resolve()
    assert settings.static_file("link.txt") is None


@pytest.mark.parametrize("mount, words", [
    ('source = "x"\ntarget = "content/../../etc"', 'target "content/../../etc" must name a folder'),
    ('source = "x"\ntarget = ""', 'target "" must name a folder'),
    ('source = "x"\ntarget = "content"\nlang = "{en"', 'the language pattern "{en" is not a glob'),
])
def test_a_bad_mount_is_a_finding_with_its_line(tmp_path, mount, words):
    hugo = 'title = "x"\n\n[[module.mounts]]\n' + mount + "\n"
    with pytest.raises(ConfigError) as info:
        load_settings(write_site(tmp_path, {}, hugo=hugo))
    (problem,) = info.value.problems
    assert words in problem.message and problem.file == "hugo.toml"
    assert problem.line == hugo.split("\n").index(mount.split("\n")[-1].split("\n")[0]) + 1


def test_i18n_and_assets_mounts_replace_the_default_folders(tmp_path):
    hugo = """\
[[module.mounts]]
source = "translations"
target = "i18n"
[[module.mounts]]
source = "shared/assets"
target = "assets"
"""
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    assert settings.i18n_dirs == [(tmp_path / "translations").resolve()]
    assert settings.assets_dirs == [(tmp_path / "shared/assets").resolve()]
    plain = load_settings(write_site(tmp_path / "plain", {}, hugo='i18nDir = "lang"\n'))
    assert plain.i18n_dirs == [(tmp_path / "plain/lang").resolve()]


def test_a_symbolic_link_loop_as_a_mount_finds_nothing_and_does_not_crash(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    hugo = 'staticDir = "a"\n[[module.mounts]]\nsource = "a"\ntarget = "content"\n'
    settings = load_settings(write_site(tmp_path, {}, hugo=hugo))
    assert settings.static_file("x.png") is None
    assert settings.languages["en"].content_dirs == [tmp_path / "a"]


def test_exclude_and_include_files_filter_a_content_mount(tmp_path):
    # Hugo's globs, from the mount's source, "/" separated: a folder that matches takes its
    # files with it; includeFiles keeps only what matches
    from manualgen.config import load_settings
    from manualgen.content import find_files
    from manualgen.errors import Findings

    from .conftest import write_site
    root = write_site(tmp_path, {
        "hugo.yaml": """\
            defaultContentLanguage: en
            languages: {en: {}, fr: {}}
            module:
              mounts:
                - {source: content/en, target: content}
                - {source: content/fr, target: content, lang: fr}
                - {source: content/en/docs, target: content/docs, lang: fr,
                   excludeFiles: [specs/*, "**.draft.md"]}
                - {source: extra, target: content/extra, lang: fr, includeFiles: "keep/**"}
            """,
        "content/en/docs/a.md": "---\ntitle: A\n---\n",
        "content/en/docs/b.draft.md": "---\ntitle: B\n---\n",
        "content/en/docs/specs/_index.md": "---\ntitle: S\n---\n",
        "content/en/docs/specs/deep/x.md": "---\ntitle: X\n---\n",
        "content/fr/_index.md": "---\ntitle: Accueil\n---\n",
        "extra/keep/k.md": "---\ntitle: K\n---\n",
        "extra/drop/d.md": "---\ntitle: D\n---\n",
    }, hugo=None)
    files = find_files(load_settings(root), "fr", Findings())
    assert sorted(files) == ["_index.md", "docs/a.md", "extra/keep/k.md"]


# (includeFiles, excludeFiles) → the files of content/ hugo 0.149.1 published with them
GLOB_CASES = [
    (["*.{md,markdown}"], ["[x]*"], ["a.md", "b.markdown", "x1.md"]),  # an include wins over excludes
    (["**.md"], [], ["a.md", "x1.md"]),  # "/**.md" lies in "/": no folder below is walked
    (["sec/*"], [], ["sec/a2.md", "sec/b2.md"]),  # "*" stays within a folder name
    (["**"], ["sec"], ["a.md", "b.markdown", "sec/a2.md", "sec/b2.md", "sec/sec2/c3.md", "x1.md"]),
    (["sec"], [], []),  # a folder an include names is walked, but its files are not included
    ([], ["sec"], ["a.md", "b.markdown", "x1.md"]),  # an excluded folder takes its files along
    ([], ["/sec/*"], ["a.md", "b.markdown", "x1.md"]),
    (["sec/*/*.md"], [], ["sec/sec2/c3.md"]),
    (["SEC/**"], ["**/B*"], ["sec/a2.md", "sec/b2.md", "sec/sec2/c3.md"]),
]


@pytest.mark.parametrize("include, exclude, published", GLOB_CASES)
def test_include_and_exclude_files_are_read_as_hugo_reads_them(tmp_path, include, exclude, published):
    import json

    from manualgen.config import load_settings
    from manualgen.content import find_files
    from manualgen.errors import Findings

    names = ["a.md", "b.markdown", "x1.md", "sec/a2.md", "sec/b2.md", "sec/sec2/c3.md"]
    root = write_site(tmp_path, {
        "hugo.toml": ('defaultContentLanguage = "en"\n[[module.mounts]]\nsource = "content"\n'
                      f'target = "content"\nincludeFiles = {json.dumps(include)}\n'
                      f'excludeFiles = {json.dumps(exclude)}\n'),
        **{f"content/{name}": f"---\ntitle: {name}\n---\n" for name in names}}, hugo=None)
    assert sorted(find_files(load_settings(root), "en", Findings())) == published


def test_a_content_mount_of_one_file_is_the_page_at_its_target(tmp_path):
    # opentelemetry.io mounts single files: tmp/community/roadmap.md at content/community/…
    from manualgen.content import find_files
    from manualgen.errors import Findings

    root = write_site(tmp_path, {
        "hugo.yaml": """\
            defaultContentLanguage: en
            module:
              mounts:
                - {source: content/en, target: content}
                - {source: tmp/roadmap.md, target: content/community/roadmap.md}
                - {source: tmp/missing.md, target: content/community/missing.md}
            """,
        "content/en/_index.md": "---\ntitle: Home\n---\n",
        "tmp/roadmap.md": "# Roadmap\n",
    }, hugo=None)
    files = find_files(load_settings(root), "en", Findings())
    assert files == {"_index.md": root / "content/en/_index.md",
                     "community/roadmap.md": (root / "tmp/roadmap.md").resolve()}


def test_a_language_whose_pages_are_all_named_for_it_in_a_shared_mount_builds(tmp_path):
    """sv has no mount of its own: its one page is named for it in the mount of no
    language.  Its manual holds that page (the section above it was placed nowhere, a
    crash)."""
    from manualgen.build import BuildOptions, build

    hugo = LANGS + ('[[module.mounts]]\nsource = "docs/nn"\ntarget = "content"\nlang = "nn"\n'
                    '[[module.mounts]]\nsource = "docs/common"\ntarget = "content/docs"\n')
    site = write_site(tmp_path / "site", {
        "docs/nn/_index.md": HOME, "docs/common/page.md": "---\ntitle: Common page\n---\nx\n",
        "docs/common/p2.sv.md": "---\ntitle: Svensk sida\n---\nText.\n"}, hugo=hugo)
    result = build(site, BuildOptions(langs=["sv"], out=tmp_path / "out", no_cache=True,
                                      html=True))
    assert not result.findings.errors, [f.format() for f in result.findings]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Svensk sida" in html and "Common page" not in html


@pytest.mark.parametrize("fr_first", [True, False])
def test_a_page_two_folders_hold_comes_from_the_first_mount(tmp_path, fr_first):
    """As hugo 0.149.1 builds it: French's own p0.md and a p0.fr.md in the German mount are
    the same French page; the mount written first gives it, whichever is French's own."""
    mounts = [("mfr", "fr"), ("mde", "de")]
    hugo = ('defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
            '[languages.fr]\nweight = 2\n'
            + "".join(f'[[module.mounts]]\nsource = "{folder}"\ntarget = "content"\n'
                      f'lang = "{code}"\n' for folder, code in (mounts if fr_first else mounts[::-1])))
    site = write_site(tmp_path, {"mfr/p0.md": HOME, "mde/p0.fr.md": HOME}, hugo=hugo)
    from manualgen.content import find_files
    from manualgen.errors import Findings

    found = find_files(load_settings(site), "fr", Findings())
    assert found["p0.md"] == (site / ("mfr/p0.md" if fr_first else "mde/p0.fr.md")).resolve()


@pytest.mark.parametrize("default", ["de", "fr"])
def test_a_page_two_content_dirs_hold_comes_from_the_default_languages(tmp_path, default):
    """As hugo 0.149.1 builds it: without mounts, the default language's contentDir is
    mounted first, whatever the weights."""
    hugo = (f'defaultContentLanguage = "{default}"\n[languages.fr]\nweight = 1\n'
            'contentDir = "cfr"\n[languages.de]\nweight = 2\ncontentDir = "cde"\n')
    site = write_site(tmp_path, {"cfr/p0.md": HOME, "cde/p0.fr.md": HOME}, hugo=hugo)
    from manualgen.content import find_files
    from manualgen.errors import Findings

    found = find_files(load_settings(site), "fr", Findings())
    assert found["p0.md"] == (site / ("cde/p0.fr.md" if default == "de" else "cfr/p0.md")).resolve()


def test_the_sites_content_folder_is_the_default_languages_when_others_have_their_own(tmp_path):
    """As hugo 0.149.1 builds it: fr and en set a contentDir, de does not, so the site's
    content/ is mounted for no language: its page is French (the default language's, though
    French has a folder of its own), and German has none."""
    hugo = ('defaultContentLanguage = "fr"\n[languages.fr]\nweight = 1\ncontentDir = "cfr"\n'
            '[languages.de]\nweight = 2\n[languages.en]\nweight = 3\ncontentDir = "cen"\n')
    site = write_site(tmp_path, {"cfr/p0.md": HOME, "content/p1.md": HOME, "cen/p2.md": HOME,
                                 "cfr/p3.en.md": HOME}, hugo=hugo)
    assert _found(load_settings(site)) == {"fr": ["p0.md", "p1.md"], "de": [],
                                           "en": ["p2.md", "p3.md"]}
