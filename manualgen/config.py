"""Settings: one typed, validated object built from a Hugo config and ``manualgen.toml``.

The Hugo config (a root ``hugo.toml`` and/or a ``config/`` directory, merged as Hugo merges
them) says what the site is (languages, content folders, static folders, base URL,
version); ``manualgen.toml`` says what only a printed manual needs (file name, subtitle,
publisher, paper, extra styles).  Every problem in either file is collected and reported
together, each with its key, before anything is built.
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
import functools
import itertools
import json
import os
import posixpath
import re
import string
import tomllib
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlsplit

import yaml

from .errors import (
    ERROR,
    WARNING,
    ConfigError,
    Finding,
    not_utf8,
    readable_path,
    shown_from,
    utf8_name,
)
from .front_matter import AliasGuard, read_as_hugo, without_surrogates
from .inline_text import plain_html
from .languages import country_language, written_right_to_left
from .menus import config_entries
from .permalinks import PathStyle, read_rules, read_style, unknown_attribute

HUGO_CONFIG_NAMES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
CONFIG_EXTENSIONS = (".toml", ".yaml", ".yml", ".json")
# `hugo build` reads config/_default, then config/production; HUGO_ENVIRONMENT names another.
DEFAULT_ENVIRONMENT = "production"
MANUALGEN_CONFIG = "manualgen.toml"
PAPER_SIZES = ("a4", "a5", "letter")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3a", "pdf/a-3b", "pdf/a-3u", "none")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUILTIN_STYLES = PROJECT_ROOT / "styles"
BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclasses.dataclass
class Language:
    code: str
    name: str  # Hugo's label (or the older languageName); falls back to code
    weight: int
    content_dirs: list[Path]
    title: str
    description: str
    locale: str  # Hugo's locale (or the older languageCode), e.g. "de-CH"; falls back to code
    params: dict
    # Where each content folder sits below Hugo's content/ (a module mount's target subpath,
    # "docs" for target = "content/docs"); empty: every content folder is mounted at the root.
    mounts: list[tuple[Path, str]] = dataclasses.field(default_factory=list)
    direction: str = "ltr"  # "rtl" from Hugo's direction (or the older languageDirection)
    # A mount's includeFiles and excludeFiles, by its (folder, subpath) in ``mounts``
    file_filters: dict[tuple[Path, str], FileFilter] = dataclasses.field(default_factory=dict)
    # [languages.<code>.markup.goldmark]: what the language sets over the site's Goldmark
    # options (French typographer quotes « … », say), as Hugo merges them for its pages
    goldmark: dict = dataclasses.field(default_factory=dict)
    # [languages.<code>.permalinks]: the language's own patterns, in place of the site's
    permalinks: tuple | None = None
    # the label (languageName), locale (languageCode) and direction (languageDirection) as
    # the config writes them, for a template's .Language: Hugo guesses none of them
    written: dict = dataclasses.field(default_factory=dict)


CHAPTER_STARTS = ("auto", "right", "page")

# Hugo's default [frontmatter] configuration: the keys each of its dates is read from, the
# first one set wins (see content.page_date).  lastmod is not read.
# The date list's name for the date at the start of a file's name (2024-03-01-intro.md).
FILENAME_DATE = ":filename"
DEFAULT_DATE_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("date", "publishdate", "pubdate", "published", "lastmod", "modified"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "expirydate": ("expirydate", "unpublishdate"),
}


@dataclasses.dataclass
class PrintOptions:
    paper: str = "a4"
    sides: str = "twoside"  # or "oneside"
    # Page margins; "" keeps manual.css's default for the paper (A4/Letter: inner 25mm,
    # outer 15mm, top and bottom 20mm; A5 smaller). One-sided: inner is left, outer right.
    margin_inner: str = ""
    margin_outer: str = ""
    margin_top: str = ""
    margin_bottom: str = ""
    toc_depth: int = 3
    numbering: bool = True
    pdf_variant: str = "pdf/ua-1"
    image_ppi: int = 200  # target pixels per inch for screenshots at their printed size
    # Which top-level pages open on a recto (page.html): "auto" sections with sub-pages and long
    # pages (short single pages follow on), "right" all of them, "page" all on a new page.
    chapter_start: str = "auto"
    # Pictures on the web: "placeholder" prints their address in a frame (no network);
    # "fetch" downloads each once into the cache and prints it (see remote.py).
    remote_images: str = "placeholder"


@dataclasses.dataclass
class Settings:
    site_root: Path  # folder that holds the Hugo config or config/ (or manualgen.toml)
    config_files: list[Path]  # every file read, in the order read: build inputs for the cache
    title: str
    subtitle: str
    publisher: str
    author: str  # "": the publisher's name
    keywords: list[str]
    version: str
    base_url: str
    base_path: str  # path part of baseURL, always ends with "/"
    default_language: str
    default_in_subdir: bool
    languages: dict[str, Language]  # ordered by weight
    by_filename: bool  # translations by file name (page.fr.md) in one shared tree
    static_dirs: list[Path]
    assets_dirs: list[Path]
    i18n_dirs: list[Path]
    output_name: str  # template with {name} and {lang}
    name: str
    logo: Path | None
    stylesheets: list[Path]
    shortcode_dirs: list[Path]  # the site's own shortcode templates, searched first
    template_dirs: list[Path]  # the site's own page templates, searched first
    labels: dict[str, dict[str, str]]  # per-language label overrides
    language_overrides: dict[str, dict]  # [languages.<lang>] of manualgen.toml
    goldmark: dict
    params: dict
    print: PrintOptions
    # What Hugo publishes: its build environment (cascade targets name it), its
    # buildDrafts/buildFuture/buildExpired switches, the site's [[cascade]] entries and the
    # ignoreFiles patterns (matched against each content file's absolute path).
    environment: str = DEFAULT_ENVIRONMENT
    build_drafts: bool = False
    build_future: bool = False
    build_expired: bool = False
    cascade: list[dict] = dataclasses.field(default_factory=list)
    ignore_files: list[re.Pattern] = dataclasses.field(default_factory=list)
    # How Hugo titles a section that has no _index file (from its folder's name).
    pluralize_list_titles: bool = True
    capitalize_list_titles: bool = True
    title_case_style: str = "ap"
    # Hugo's summaryLength (the words of a page's automatic .Summary) and hasCJKLanguage
    summary_length: int = 70
    has_cjk_language: bool = False
    # The static mounts with where each sits below the site's root ("img/logos/32x32" for
    # target = "static/img/logos/32x32"), the least preferred first: see static_file.
    static_mounts: list[tuple[Path, str]] = dataclasses.field(default_factory=list)
    # A static mount's includeFiles and excludeFiles, by its (folder, subpath)
    static_filters: dict[tuple[Path, str], FileFilter] = dataclasses.field(default_factory=dict)
    # What is printed: the sections chosen ([manual] sections, --section; empty: the whole
    # site, as Hugo lists it), and the folders of the site's taxonomies (their list pages
    # are web-only).
    sections: tuple[str, ...] = ()
    # [manual] menu: the Hugo menu whose order the manual follows ("": Hugo's page order),
    # and that menu's entries in the Hugo config, per language (menus.py)
    menu: str = ""
    menu_entries: dict[str, tuple] = dataclasses.field(default_factory=dict)
    taxonomies: tuple[str, ...] = ("tags", "categories")
    edition_since: str = ""  # [edition] since: the git revision to compare with ("": none)
    # Hugo's [frontmatter]: for "date", "publishdate" and "expirydate", the front-matter keys
    # (lower case) that give it, the first one set wins.
    front_matter_dates: dict[str, tuple[str, ...]] = dataclasses.field(
        default_factory=lambda: dict(DEFAULT_DATE_KEYS))
    # Languages the Hugo config names but does not build (disabled): their files (page.de.md)
    # belong to no language that is printed.
    disabled_languages: tuple[str, ...] = ()
    # Hugo's [permalinks]: web addresses by pattern for the pages of a section (permalinks.py)
    permalinks: tuple = ()
    # disablePathToLower, removePathAccents and uglyURLs (permalinks.py)
    path_style: PathStyle = dataclasses.field(default_factory=PathStyle)
    # Where Hugo looks for layouts, the first found winning: the site's layouts folder, then
    # each theme's (``theme`` in the config, in themesDir); shortcode templates are read
    # there to tell, as Hugo does, which shortcodes take inner content.
    layout_dirs: list[Path] = dataclasses.field(default_factory=list)
    # The site's own of those (before the themes'): its layouts/, or what mounts place there.
    own_layout_dirs: list[Path] = dataclasses.field(default_factory=list)
    enable_emoji: bool = False  # Hugo's enableEmoji: ":smile:" in Markdown becomes the emoji
    # Hugo's [markup.highlight]: Chroma's defaults for every highlighted block (lineNos, …)
    highlight: dict = dataclasses.field(default_factory=dict)
    # Hugo's enableInlineShortcodes: without it Hugo prints nothing for {{< name.inline >}}
    enable_inline_shortcodes: bool = False
    # Hugo's ignoreLogs: the ids (in lower case) whose erroridf and warnidf say nothing
    ignore_logs: frozenset[str] = frozenset()
    # Hugo's refLinksErrorLevel: a ref/relref to no page stops the build (ERROR, the default;
    # any value but "warning", in any case) or is a warning; refLinksNotFoundURL: the
    # address Hugo writes in its place, as written ("" by default).
    ref_links_error: bool = True
    ref_links_not_found_url: str = ""
    # The content mounts as written (folder, place below content/, the languages it names or
    # None), for the order in which Hugo takes a page two folders hold: the first mount
    # wins.  Empty: no content mounts.
    content_mounts: list[tuple[Path, str, tuple[str, ...] | None]] = dataclasses.field(
        default_factory=list)
    # What the configuration holds that a build can go on with but the writer should know
    # (a theme outside the site, left out): reported by each build and check.
    config_warnings: tuple[Finding, ...] = ()

    def language(self, code: str) -> Language:
        return self.languages[code]

    def output_filename(self, lang: str) -> str:
        return fill_output_pattern(self.output_name, {"name": self.name, "lang": lang})

    def lang_title(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("title") or self.languages[lang].title or self.title

    def lang_subtitle(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("subtitle") or self.languages[lang].description or self.subtitle

    # A federal office has a name in each language: [languages.fr] publisher = "Office …".
    def lang_publisher(self, lang: str) -> str:
        return self.language_overrides.get(lang, {}).get("publisher") or self.publisher

    def lang_author(self, lang: str) -> str:
        over = self.language_overrides.get(lang, {})
        return over.get("author") or self.author or self.lang_publisher(lang)

    def lang_keywords(self, lang: str) -> list[str]:
        over = self.language_overrides.get(lang, {}).get("keywords")
        return [str(k) for k in (over if over is not None else self.keywords)]

    def static_file(self, site_path: str) -> Path | None:
        """The file Hugo publishes at ``site_path`` (an address below the site without its base
        path, "img/logos/32x32/a.png"), or None.

        As in Hugo, where two mounts hold the same address the later mount wins; a path that
        climbs out of the site, or a symbolic link leading out of its mount, finds nothing.
        """
        path = posixpath.normpath("/" + site_path.replace("\\", "/")).lstrip("/")
        if not path or path == "." or "\0" in path:
            return None
        parts = path.split("/")
        for folder, subpath in reversed(self.static_mounts):
            rest = _below(parts, subpath)
            files = self.static_filters.get((folder, subpath))
            if rest is None or (files is not None and not files.admits("/".join(rest))):
                continue  # elsewhere, or a file the mount's includeFiles/excludeFiles leave out
            if found := _file_in_mount(folder, rest):
                return found
        return None


def _below(parts: list[str], subpath: str) -> list[str] | None:
    """What is left of an address's parts below a mount's subpath, or None if it is elsewhere."""
    prefix = subpath.split("/") if subpath else []
    return parts[len(prefix):] if parts[:len(prefix)] == prefix else None


def _file_in_mount(folder: Path, rest: list[str]) -> Path | None:
    """The file ``rest`` names in a mounted folder (or the mounted file itself, when ``rest``
    is empty), if it is a file whose real path stays inside the mount."""
    candidate = folder.joinpath(*rest)
    try:
        if not candidate.is_file():
            return None
        real, base = candidate.resolve(), folder.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return candidate if real == base or real.is_relative_to(base) else None


@read_as_hugo
class HugoYamlLoader(AliasGuard):
    """YAML as Hugo reads it since 0.152 (goccy/go-yaml, YAML 1.2): only true and false are
    booleans.  PyYAML follows YAML 1.1, where yes/no/on/off are booleans too, so the
    Norwegian language key ``no`` became ``False`` and a value ``on`` became ``True``."""


def _resolved(path: Path) -> Path:
    """The real absolute path; a symbolic-link loop or a name the system refuses keeps the
    path as written (absolute), and the look-ups that follow simply find nothing there."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _is_file(path: Path) -> bool:
    """Path.is_file, but False for a name the system refuses (too long, a NUL byte)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


# --- reading files -------------------------------------------------------------------------


def load_data_file(path: Path, problems: list[Finding]) -> dict:
    """Read a TOML, YAML or JSON config file; a syntax error becomes a finding with its line."""
    data = _load_structured(path, problems)
    if not isinstance(data, dict):
        problems.append(Finding(ERROR, "config", "the file must hold a table of settings", str(path)))
        return {}
    return data


def load_site_data(path: Path, problems: list[Finding]) -> dict | list:
    """Read a file of the site's data folder (Hugo's ``site.Data``): a table, or a list as
    Hugo accepts from YAML and JSON (TOML cannot write one); a problem is a finding."""
    data = _load_structured(path, problems)
    if not isinstance(data, (dict, list)):
        problems.append(Finding(ERROR, "config", "the file must hold a table or a list", str(path)))
        return {}
    return data


def _load_structured(path: Path, problems: list[Finding]) -> object:
    """The data of a TOML, YAML or JSON file ({} after a problem, which is a finding)."""
    text = _read_config_text(path, problems)
    try:
        data = _parse_config_text(text, path, problems) if text is not None else {}
        nul_key = _key_holding_nul(data)
    except RecursionError:  # the parsers and the scan descend one call per level
        problems.append(Finding(ERROR, "config", "lists or tables nested too deeply to read", str(path)))
        return {}
    if nul_key is not None:  # YAML and JSON can write one as "\0"
        problems.append(_problem(path, nul_key, f'"{nul_key}" holds a NUL character, which no setting or file '
                                 "name may hold"))
        return {}
    return data


def _key_holding_nul(data: object, prefix: str = "") -> str | None:
    """The dotted key of the first string (key or value) with a NUL character in it, or None."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        dotted = f"{prefix}{key}"
        if "\0" in dotted or (isinstance(value, str) and "\0" in value):
            return dotted.replace("\0", "\\0")
        if (found := _key_holding_nul(value, dotted + ".")) is not None:
            return found
    return None


def _read_config_text(path: Path, problems: list[Finding]) -> str | None:
    """The file's text with Windows and old Mac line ends made plain, or None (a finding)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark: Windows editors
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends, as in pages
    except UnicodeDecodeError as exc:
        problems.append(Finding(ERROR, "config", f"{not_utf8(raw, exc.start)}; "
                                "save the file as UTF-8", str(path), raw[:exc.start].count(b"\n") + 1))
        return None
    except OSError as exc:
        problems.append(Finding(ERROR, "config", f"cannot read: {exc.strerror}", str(path)))
        return None
    if control := re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):  # not "Invalid statement"
        problems.append(Finding(ERROR, "config", f"the control character U+{ord(control.group()):04X} "
                                "is not allowed (a damaged file?)", str(path),
                                text.count("\n", 0, control.start()) + 1))
        return None
    return text


def _parse_config_text(text: str, path: Path, problems: list[Finding]) -> object:
    """TOML, YAML or JSON by the file's extension; a syntax error is a finding with its line."""
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(text)
        if path.suffix.lower() in (".yaml", ".yml"):  # a SafeLoader: no Python objects
            data = yaml.load(text, Loader=HugoYamlLoader)  # None for an empty file
            return without_surrogates({} if data is None else data)
        return without_surrogates(json.loads(text))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))  # else "at end of document": the last line
        line = int(m.group(1)) if m else len(text.rstrip("\n").split("\n"))
        problems.append(Finding(ERROR, "config", f"invalid TOML: {exc}", str(path), line))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Finding(ERROR, "config", f"invalid YAML: {getattr(exc, 'problem', exc)}", str(path),
                                mark.line + 1 if mark else None))
    except json.JSONDecodeError as exc:
        problems.append(Finding(ERROR, "config", f"invalid JSON: {exc.msg}", str(path), exc.lineno))
    return {}


def _line_of_key(path: Path, key: str, value: str | None = None) -> int | None:
    """Best-effort line number of a key in a config file, for messages; with ``value``, the
    first line of that key holding that text (one mount among several), else the key's."""
    index = _key_index(path)
    if index is None:
        return None
    found = index.at_start(key.split(".")[-1])
    parts = key.split(".")  # in config/_default/languages.toml the table is [fr], not [languages.fr]
    within = next((n for i in range(len(parts) - 1) if (n := index.within(parts[i:]))), None)
    if within is not None:  # languages.fr.title: the title under fr, not the site's
        later = bisect.bisect_right(found, within)
        found = itertools.chain([within], (found[n] for n in range(later, len(found))))
    first = None
    for number in found:  # the first, or with value the first holding it
        first = number if first is None else first
        if value is None or value in index.lines[number - 1]:
            return number
    return first


# A key as _KeyIndex finds it: at a line's start (after "- " or "[") or after one of "[.{,",
# maybe in quotes, before "=", ":", "]" or "."; a name with other characters is looked for
# line by line (_Keys.named).
_KEY_START = re.compile(r'^\s*(?:-\s*)?(?:\[+\s*)?"?([^\s"\[\]{},.=:]+)"?\s*(?:=|:|\]|\.)')
_KEY_ANYWHERE = re.compile(r'(?:^\s*(?:-\s*)?|[\[.{,]\s*)"?([^\s"\[\]{},.=:]+)"?\s*(?==|:|\]|\.)')
_PLAIN_NAME = re.compile(r'[^\s"\[\]{},.=:]+')


@dataclasses.dataclass
class _KeyIndex:
    """The lines of a config file and, for each key name (in lower case), the lines that
    name it, made in one pass: a config with thousands of bad values was read once per
    problem (2,000 languages: 33 s)."""

    lines: list[str]
    starts: dict[str, list[int]]  # names at a line's start
    anywhere: dict[str, list[int]]  # names after a line's start or one of "[.{,"

    def at_start(self, name: str) -> list[int]:
        if _PLAIN_NAME.fullmatch(name):
            return self.starts.get(name.lower(), [])
        pattern = re.compile(rf'^\s*(-\s*)?(\[+\s*)?"?{re.escape(name)}"?\s*(=|:|\]|\.)', re.IGNORECASE)
        return [number for number, line in enumerate(self.lines, 1) if pattern.search(line)]

    def within(self, parts: list[str]) -> int | None:
        """The line (1-based) of a dotted key's last part, each part looked for from the
        line of the part before it on: ``[languages.fr]`` (TOML), ``fr:`` under
        ``languages:`` (YAML), ``"fr": {`` (JSON) or ``fr.title = …``; None when a part is
        not found."""
        at = 1
        for part in parts:
            lines = self._anywhere(part)
            place = bisect.bisect_left(lines, at)
            if place == len(lines):
                return None
            at = lines[place]
        return at

    def _anywhere(self, name: str) -> list[int]:
        if _PLAIN_NAME.fullmatch(name):
            return self.anywhere.get(name.lower(), [])
        pattern = re.compile(rf'(^\s*(-\s*)?|[\[.{{,]\s*)"?{re.escape(name)}"?\s*(=|:|\]|\.)',
                             re.IGNORECASE)
        return [number for number, line in enumerate(self.lines, 1) if pattern.search(line)]


@functools.lru_cache(maxsize=32)
def _indexed(path: str, stamp: tuple[int, int]) -> _KeyIndex | None:
    """The _KeyIndex of the file at ``path`` as it is at ``stamp`` (its change time and size)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    starts: dict[str, list[int]] = {}
    anywhere: dict[str, list[int]] = {}
    for number, line in enumerate(lines, 1):
        if (found := _KEY_START.match(line)) is not None:
            starts.setdefault(found.group(1).lower(), []).append(number)
        for name in {m.group(1).lower() for m in _KEY_ANYWHERE.finditer(line)}:
            anywhere.setdefault(name, []).append(number)
    return _KeyIndex(lines, starts, anywhere)


def _key_index(path: Path) -> _KeyIndex | None:
    try:
        state = path.stat()
    except (OSError, ValueError):
        return None
    return _indexed(str(path), (state.st_mtime_ns, state.st_size))


def _ci_get(table: dict, key: str, default=None):
    """Hugo config keys are case-insensitive."""
    if not isinstance(table, dict):
        return default
    if key in table:
        return table[key]
    low = key.lower()
    for k, v in table.items():
        if isinstance(k, str) and k.lower() == low:
            return v
    return default


def fill_output_pattern(pattern: str, values: dict[str, str]) -> str:
    """``manual.output`` with each ``{name}`` and ``{lang}`` replaced (``{{`` and ``}}`` are
    braces).  Nothing else is read inside braces: Python's own formatting would let a
    pattern such as ``{lang:>999999999}`` write a gigabyte of spaces, or read attributes."""
    parts = []
    for text, field, spec, conversion in string.Formatter().parse(pattern):
        parts.append(text)
        if field is None:
            continue
        if field not in values or spec or conversion:
            raise ValueError(f'"{{{field}{"!" + conversion if conversion else ""}'
                             f'{":" + spec if spec else ""}}}" is not {{name}} or {{lang}}')
        parts.append(values[field])
    return "".join(parts)


def find_hugo_config(folder: Path) -> Path | None:
    """The site's root config file: the first of HUGO_CONFIG_NAMES, as Hugo picks it."""
    for name in HUGO_CONFIG_NAMES:
        candidate = folder / name
        if _is_file(candidate):
            return candidate
    return None


def config_dir_files(config_dir: Path, environment: str) -> list[Path]:
    """The files of Hugo's configuration directory in the order Hugo merges them.

    ``_default`` first, then the environment's folder, so that the environment wins; each
    folder is walked in name order, subfolders included.
    """
    return _config_files_below(config_dir / "_default") + _config_files_below(config_dir / environment)


def _config_files_below(folder: Path) -> list[Path]:
    if not _is_dir(folder):
        return []
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:  # unreadable: Hugo would fail on it too; nothing to merge from it
        return []
    for entry in entries:
        if _is_dir(entry):
            found += _config_files_below(entry)
        elif entry.suffix.lower() in CONFIG_EXTENSIONS:
            found.append(entry)
    return found


def _place(path: Path, data: dict) -> dict:
    """Put one config directory file's settings where Hugo puts them.

    ``hugo.toml`` and ``config.toml`` hold root keys; any other name is the key it fills
    (``params.toml`` → ``params``); a language suffix moves it under that language
    (``params.fr.toml`` → ``languages.fr.params``, ``menus.de.toml`` → ``languages.de.menus``,
    any other ``x.it.toml`` → ``languages.it``).
    """
    stem = path.stem
    if stem in ("hugo", "config"):
        return data
    name, _, lang = stem.rpartition(".") if "." in stem else (stem, "", "")
    if len(data) == 1 and str(next(iter(data))).lower() == name.lower():
        data = next(iter(data.values()))  # Hugo ≥ 0.162: "[params]" in params.toml is allowed
    if not lang:
        return {name: data}
    key = {"menu": "menus", "menus": "menus", "params": "params"}.get(name.lower())
    return {"languages": {lang: {key: data} if key else data}}


def _merge(base: dict, over: dict) -> None:
    """Merge ``over`` into ``base`` as Hugo does: a later key wins, tables merge key by key.

    Keys match case-insensitively, as all Hugo config keys do.
    """
    for key, value in over.items():
        same = next((k for k in base if str(k).lower() == str(key).lower()), key)
        if isinstance(base.get(same), dict) and isinstance(value, dict):
            _merge(base[same], value)
        else:
            base[same] = value


def read_hugo_config(files: list[Path], root_file: Path | None,
                     problems: list[Finding]) -> tuple[dict, dict[str, Path]]:
    """Merge the Hugo config files in order; also say which file last set each root key."""
    config: dict = {}
    origin: dict[str, Path] = {}
    for path in files:
        data = load_data_file(path, problems)
        if path != root_file:
            data = _place(path, data)
        for key in data:
            origin[str(key).lower()] = path
        _merge(config, data)
    return config, origin



# --- manualgen.toml schema -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Option:
    """One key of manualgen.toml: the type its value must have and what else it must meet.

    ``check`` returns what is wrong with a value of the right type ("must be between 1 and
    6"), or None when the value is fine; declaring it here keeps every rule beside its key.
    """

    kind: type
    check: Callable[[Any], str | None] | None = None


def _between(low: int, high: int) -> Callable[[int], str | None]:
    return lambda value: None if low <= value <= high else f"must be between {low} and {high}"


def _one_of(choices: tuple[str, ...], wording: str = "") -> Callable[[str], str | None]:
    wording = wording or f"must be one of {', '.join(choices)}"
    return lambda value: None if value in choices else wording


_LENGTH = re.compile(r"^\d+(\.\d+)?(mm|cm|in|pt|px)$")


def _length(value: str) -> str | None:
    """A CSS length in an absolute unit; "" keeps the paper's default."""
    return None if not value or _LENGTH.match(value) else 'must be a length such as "20mm"'


def _section_names_problem(value: list) -> str | None:
    """[manual] sections: folder names below content/ ("docs", "docs/guides")."""
    if not all(isinstance(name, str) and name.strip(" /") for name in value):
        return 'must list section folders below content/, such as ["docs"]'
    return None


def section_names(names) -> tuple[str, ...]:
    """Section names as content paths: no slashes around them, no duplicates."""
    return tuple(dict.fromkeys(str(n).strip().strip("/") for n in names if str(n).strip(" /")))


# key -> Option (or a bare type: no further check); nested tables are listed with their keys.
_MANUALGEN_SCHEMA: dict[str, object] = {
    "hugo_config": str,
    "manual": {
        "name": str,
        "output": str,
        "title": str,
        "subtitle": str,
        "publisher": str,
        "author": str,
        "keywords": list,
        "version": str,
        "logo": str,
        "sections": Option(list, _section_names_problem),
        "menu": str,
    },
    "print": {
        "paper": Option(str, _one_of(PAPER_SIZES)),
        "sides": Option(str, _one_of(("twoside", "oneside"), 'must be "twoside" or "oneside"')),
        "margin_inner": Option(str, _length),
        "margin_outer": Option(str, _length),
        "margin_top": Option(str, _length),
        "margin_bottom": Option(str, _length),
        "toc_depth": Option(int, _between(1, 6)),
        "numbering": bool,
        "pdf_variant": Option(str, _one_of(PDF_VARIANTS)),
        "image_ppi": Option(int, _between(50, 2400)),  # 1-pixel screenshots, or gigapixel ones
        "chapter_start": Option(str, _one_of(CHAPTER_STARTS)),
        "remote_images": Option(str, _one_of(("placeholder", "fetch"),
                                             'must be "placeholder" or "fetch"')),
        "stylesheets": list,
    },
    "paths": {
        "shortcodes": str,
        "templates": str,
        "static": list,
    },
    "labels": dict,  # labels.<lang>.<key> = "text"
    "languages": dict,  # languages.<lang>.<key>: _LANGUAGE_SCHEMA
    "edition": {
        "since": str,  # a git revision: mark what changed since (build --since)
    },
}

# [languages.<lang>]: what the cover and the PDF's metadata say, in that language.
_LANGUAGE_SCHEMA: dict[str, object] = {
    "title": str,
    "subtitle": str,
    "publisher": str,
    "author": str,
    "keywords": list,
}

_TYPE_NAMES = {str: "a string", list: "a list", bool: "true or false", dict: "a table"}


def _problem(path: Path | None, key: str, message: str, value: str | None = None) -> Finding:
    """A configuration problem at the line of ``key`` (holding ``value``) in ``path``."""
    return Finding(ERROR, "config", message, str(path) if path else None,
                   _line_of_key(path, key, value) if path else None)


def _option_problem(dotted: str, value: object, spec: object) -> str | None:
    """What is wrong with one value of manualgen.toml, or None."""
    option = spec if isinstance(spec, Option) else Option(spec)  # type: ignore[arg-type]
    if option.kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return f'"{dotted}" must be a whole number'
    elif not isinstance(value, option.kind):
        return f'"{dotted}" must be {_TYPE_NAMES[option.kind]}'
    wrong = option.check(value) if option.check else None
    return f"{dotted} {wrong}" if wrong else None


def _validate(data: dict, schema: dict, path: Path, prefix: str, problems: list[Finding]) -> None:
    """Check ``data`` against ``schema``: unknown keys, types and each option's own rule."""
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        expected = schema.get(key)
        if expected is None:
            known = ", ".join(sorted(schema))
            problems.append(_problem(path, dotted, f'unknown key "{dotted}" (known here: {known})'))
        elif isinstance(expected, dict):
            if isinstance(value, dict):
                _validate(value, expected, path, dotted + ".", problems)
            else:
                problems.append(_problem(path, dotted, f'"{dotted}" must be a table'))
        elif message := _option_problem(dotted, value, expected):
            problems.append(_problem(path, dotted, message))


def _table(data: dict, key: str) -> dict:
    """A sub-table of manualgen.toml; a value of another type was reported by _validate."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _print_options(printing: dict) -> PrintOptions:
    """The [print] table as PrintOptions; a value _validate refused keeps the default."""
    values = {}
    for field in dataclasses.fields(PrintOptions):
        value = printing.get(field.name)
        if value is not None and type(value) is type(field.default) and \
                _option_problem(field.name, value, _MANUALGEN_SCHEMA["print"][field.name]) is None:  # type: ignore[index]
            values[field.name] = value
    return PrintOptions(**values)


# --- where the configuration is ------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _Sources:
    """Which files configure the site, before any of them is read for its settings."""

    root: Path  # the site's root: contentDir, staticDir and mount sources are relative to it
    mg_path: Path | None  # manualgen.toml
    hugo_path: Path | None  # the root Hugo config file
    hugo_files: list[Path]  # the root file, then config/_default, then config/<environment>
    environment: str


def _locate(site: Path) -> tuple[Path, Path | None, Path | None]:
    """The site folder, its manualgen.toml and its root Hugo config file, from what was given."""
    resolved = _resolved(site)
    if not utf8_name(resolved):  # its path goes into addresses, cache keys and messages
        raise ConfigError([Finding(ERROR, "config", f'the site folder "{readable_path(resolved)}" has a name that is not '
                                   "UTF-8 text (shown as \ufffd); rename the folder, or move the site")])
    if _is_file(resolved):
        if resolved.name == MANUALGEN_CONFIG:
            return resolved.parent, resolved, None
        return resolved.parent, None, resolved
    if _is_dir(resolved):
        mg_path = resolved / MANUALGEN_CONFIG
        return resolved, mg_path if _is_file(mg_path) else None, find_hugo_config(resolved)
    raise ConfigError([Finding(ERROR, "config", f'the site folder "{site}" does not exist')])


def _named_hugo_config(named: str, mg_path: Path, hugo_path: Path | None,
                       problems: list[Finding]) -> tuple[Path | None, Path | None]:
    """manualgen.toml's hugo_config: a Hugo config file, or a config/ folder (with the site
    being the folder that holds it).  Returns (root config file, config folder)."""
    candidate = _resolved(mg_path.parent / named)
    if _outside(candidate, (mg_path.parent,)):
        problems.append(_problem(mg_path, "hugo_config", f'hugo_config "{named}" is outside the '
                                 f"folder of {MANUALGEN_CONFIG} ({candidate}), which manualgen does "
                                 f"not read; put {MANUALGEN_CONFIG} in the site's folder"))
        return hugo_path, None
    if _is_dir(candidate):
        return find_hugo_config(candidate.parent), candidate
    if _is_file(candidate):
        return candidate, None
    problems.append(_problem(mg_path, "hugo_config", f'hugo_config "{named}" does not exist'))
    return hugo_path, None


def _sources(site: Path, mg: dict, mg_path: Path | None, hugo_path: Path | None,
             problems: list[Finding]) -> _Sources:
    """Every Hugo config file in the order Hugo merges them: the root file first, then config/."""
    config_dir = None
    if mg_path is not None and isinstance(mg.get("hugo_config"), str):
        hugo_path, config_dir = _named_hugo_config(mg["hugo_config"], mg_path, hugo_path, problems)
    root = config_dir.parent if config_dir else hugo_path.parent if hugo_path else site
    environment = os.environ.get("HUGO_ENVIRONMENT") or DEFAULT_ENVIRONMENT
    files = ([hugo_path] if hugo_path else []) + config_dir_files(config_dir or root / "config", environment)
    return _Sources(root, mg_path, hugo_path, files, environment)


# --- what the Hugo config says -------------------------------------------------------------


def _base_path(base_url: str) -> str:
    """The path part of baseURL, always ending with "/": where the site's addresses start."""
    path = urlparse(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclasses.dataclass(frozen=True)
class Mount:
    """One entry of Hugo's module.mounts: a folder (or file) placed into a component folder.

    ``target = "content/docs"`` puts the source at the "docs" section: component "content",
    subpath "docs".  ``languages`` are the glob patterns of the mount's language (Hugo's older
    ``lang`` or, since 0.153, ``sites.matrix.languages``); None means no restriction.
    """

    source: Path
    component: str
    subpath: str = ""
    languages: tuple[str, ...] | None = None
    files: FileFilter | None = None  # includeFiles and excludeFiles, when either is set

    def serves(self, code: str) -> bool:
        """Whether the mount names language ``code`` (never true without a restriction)."""
        return self.languages is not None and _globs_match(self.languages, code)


@dataclasses.dataclass(frozen=True)
class FileFilter:
    """A mount's includeFiles and excludeFiles: Hugo's globs over the path below the mount's
    source ("/"-separated, "*" within a folder name, "**" across folders, any letter case),
    read as hugo 0.149.1 reads them (hugofs/glob.FilenameFilter): a path an include matches
    is in, whatever the excludes say; else one an exclude matches is out; else it is in only
    when there are no includes.  Hugo walks the folders with the same rule, so a folder that
    is out takes everything inside it along; with includes, a folder is in when it is one of
    the folders an include's own folder lies in ("sec" for "sec/*.md", every one for "**")."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def admits(self, rel: str) -> bool:
        """Whether the file at ``rel`` (below the mount's source) is mounted."""
        parts = [part for part in rel.lower().split("/") if part]
        if not parts:
            return True  # the mounted file itself
        folders = ["/" + "/".join(parts[:i]) for i in range(1, len(parts))]
        return all(self._admits(folder, True) for folder in folders) and self._admits(
            "/" + "/".join(parts), False)

    def _admits(self, path: str, folder: bool) -> bool:
        if any(_glob_regex(p, "/").match(path) for p in self.include):
            return True
        if folder and self.include and any(_glob_regex(p, "/").match(path)
                                           for p in _include_folders(self.include)):
            return True
        if any(_glob_regex(p, "/").match(path) for p in self.exclude):
            return False
        return not self.include


def _include_folders(include: tuple[str, ...]) -> tuple[str, ...]:
    """The folder patterns Hugo walks into for its includes: each folder an include's own
    folder lies in, from the mount's source down ("/", "/docs", "/docs/*" for "/docs/*/x.md")."""
    found: list[str] = []
    for pattern in include:
        parts = posixpath.dirname(pattern).split("/")
        for i in range(len(parts)):
            found.append("/" + "/".join(part for part in parts[:i + 1] if part))
    return tuple(dict.fromkeys(found))


def _glob_regex(pattern: str, separator: str = ".") -> re.Pattern:
    """A Hugo glob over dot-separated names (or ``separator``-separated paths) as a regular
    expression: ``*`` and ``?`` stay within a part, ``**`` crosses parts, ``{a,b}`` is a
    choice, ``[…]`` a set.

    Raises ValueError for a brace that is never closed; re.error for a bad set.
    """
    out, depth, i = [], 0, 0
    while i < len(pattern):
        char, i = pattern[i], i + 1
        if char == "*" and pattern[i:i + 1] == "*":
            out.append(".*")
            i += 1
        elif char in "*?":
            out.append(f"[^{re.escape(separator)}]" + ("*" if char == "*" else ""))
        elif char in "{},":
            opens, closes = char == "{", char == "}" and depth > 0
            out.append("(?:" if opens else ")" if closes else "|" if char == "," and depth else re.escape(char))
            depth += 1 if opens else -1 if closes else 0
        elif char == "[" and "]" in pattern[i + 1:]:
            end = pattern.index("]", i + 1)
            body = pattern[i:end]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(char))
    if depth:
        raise ValueError(f'"{pattern}" opens a brace that it does not close')
    return re.compile("".join(out) + r"\Z")


def _globs_match(patterns: tuple[str, ...], name: str) -> bool:
    """Hugo's rule for a list of globs: any pattern may match; one starting with "! " excludes."""
    result: bool | None = None
    for pattern in patterns:
        pattern = pattern.strip().lower()
        if not pattern:
            continue
        negate = pattern.startswith("! ")
        try:
            hit = bool(_glob_regex(pattern[2:] if negate else pattern).match(name.lower()))
        except (ValueError, re.error):
            hit = False  # reported when the mounts were read
        result = (result is not False and not hit) if negate else (bool(result) or hit)
    return bool(result)


def _mount_languages(raw: dict) -> tuple[str, ...] | None:
    """The language globs of a mount: sites.matrix.languages, else the deprecated lang."""
    sites = _ci_get(raw, "sites", {})
    languages = _ci_get(_ci_get(sites, "matrix", {}), "languages")
    if languages is None:
        lang = _ci_get(raw, "lang")
        return (str(lang),) if lang not in (None, "") else None
    if isinstance(languages, (str, int, float)):
        return (str(languages),)
    return tuple(str(x) for x in languages) if isinstance(languages, list) else None


def _read_mount(raw: object, root: Path, where: Path | None, problems: list[Finding]) -> Mount | None:
    """One module.mounts entry; a target that climbs out of its component is a finding."""
    if not isinstance(raw, dict) or not _ci_get(raw, "source"):
        return None
    target = str(_ci_get(raw, "target", "") or "").replace("\\", "/")
    parts = [part for part in target.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        problems.append(_problem(where, "target", f'module.mounts: target "{target}" must name a folder '
                                 "inside one of Hugo's component folders (content, static, assets, …)",
                                 target))
        return None
    languages = _mount_languages(raw)
    for pattern in languages or ():
        try:
            _glob_regex(pattern.strip().lower().removeprefix("! "))
        except (ValueError, re.error) as exc:
            key = "languages" if _ci_get(raw, "sites") else "lang"
            problems.append(_problem(where, key, f'module.mounts: the language pattern "{pattern}" '
                                     f"is not a glob: {exc}", pattern))
    source = _resolved(root / str(_ci_get(raw, "source")))
    include = _mount_globs(raw, "includeFiles", where, problems)
    exclude = _mount_globs(raw, "excludeFiles", where, problems)
    files = FileFilter(include, exclude) if include or exclude else None
    return Mount(source, parts[0].lower(), "/".join(parts[1:]), languages, files)


def _mount_globs(raw: dict, key: str, where: Path | None, problems: list[Finding]) -> tuple[str, ...]:
    """A mount's includeFiles or excludeFiles (one glob or a list) as patterns from "/";
    a pattern that is no glob is a finding and left out."""
    value = _ci_get(raw, key)
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    globs = []
    for item in items:
        pattern = "/" + str(item).replace("\\", "/").strip().lstrip("/").lower()
        try:
            _glob_regex(pattern, "/")
        except (ValueError, re.error) as exc:
            problems.append(_problem(where, key, f"module.mounts: {key} \"{item}\" is not a "
                                     f"glob: {exc}", str(item)))
            continue
        if pattern != "/":
            globs.append(pattern)
    return tuple(globs)


def _read_mounts(hugo: dict, root: Path, origin: dict[str, Path], problems: list[Finding]) -> list[Mount]:
    """module.mounts in the order written: for the same file, Hugo takes the later mount."""
    mounts = _ci_get(_ci_get(hugo, "module", {}) or {}, "mounts", []) or []
    where = origin.get("module")
    read = [_read_mount(raw, root, where, problems) for raw in (mounts if isinstance(mounts, list) else [])]
    return [mount for mount in read if mount is not None]


@dataclasses.dataclass(frozen=True)
class _Folders:
    """Where Hugo finds each component: the mounts, or the older *Dir keys where none is set."""

    content: list[Mount]
    static: list[tuple[Path, str]]  # (folder, subpath below static/), the least preferred first
    static_dirs: list[Path]  # the folders as manualgen searches them: mounts, staticDir, [paths]
    assets: list[Path]
    i18n: list[Path]
    layouts: list[Path]  # mounted on layouts/ (Bootstrap mounts site/layouts); [] when none is
    static_filters: dict[tuple[Path, str], FileFilter] = dataclasses.field(default_factory=dict)


def _mounted_folders(hugo: dict, root: Path, mounts: list[Mount], extra_static: list,
                     themes: list[_Theme]) -> _Folders:
    """Mounted folders, then staticDir, assetDir and i18nDir where no mount names those
    components.

    manualgen.toml's [paths] static folders come first among the static mounts: Hugo never
    sees them, so any folder Hugo publishes is preferred over them.
    """
    extras = [(_resolved(root / str(extra)), "") for extra in extra_static]
    static = [(m.source, m.subpath) for m in mounts if m.component == "static"]
    static_setting = _ci_get(hugo, "staticDir", None)
    if static_setting is not None or not static:
        for entry in static_setting if isinstance(static_setting, list) else [static_setting or "static"]:
            static.append((_resolved(root / str(entry)), ""))
    # the themes' static folders after the site's, as Hugo mounts them (the first theme wins)
    themes_static = [(_resolved(folder), "") for folder in _theme_layout_dirs(themes, root, "static")
                     if _is_dir(folder)]
    assets = [m.source for m in mounts if m.component == "assets"]
    if not assets:
        assets.append(_resolved(root / str(_ci_get(hugo, "assetDir", "assets"))))
    assets += [_resolved(folder) for folder in _theme_layout_dirs(themes, root, "assets") if _is_dir(folder)]
    i18n = [m.source for m in mounts if m.component == "i18n"]
    i18n = i18n or [_resolved(root / str(_ci_get(hugo, "i18nDir", "i18n") or "i18n"))]
    content = [m for m in mounts if m.component == "content"]
    static_dirs = _unique([folder for folder, _ in static + themes_static + extras])
    layouts = _unique([m.source for m in mounts if m.component == "layouts" and not m.subpath])
    filters = {(m.source, m.subpath): m.files for m in mounts
               if m.component == "static" and m.files is not None}
    return _Folders(content, extras + themes_static[::-1] + static, static_dirs, _unique(assets),
                    _unique(i18n), layouts, filters)


def _content_mounts(code: str, spec: dict, root: Path, hugo: dict, folders: _Folders) -> list[Mount]:
    """A language's content folders with their place below content/.  As in Hugo (checked
    with 0.149.1), content mounts replace every contentDir, the site's and the languages':
    a language reads the mounts naming it, in the order written.  A mount naming no language is the default language's: the other languages
    read it only for the files whose names name them (content.content_folders).  Without
    content mounts: the language's contentDir, else the site's."""
    if folders.content:
        default = code == _default_language(hugo)
        return [m for m in folders.content if m.serves(code) or (default and m.languages is None)]
    if _ci_get(spec, "contentDir"):
        return [Mount(_resolved(root / str(_ci_get(spec, "contentDir"))), "content")]
    return [Mount(_resolved(root / str(_ci_get(hugo, "contentDir", "content") or "content")), "content")]


def _language(code: str, spec: dict, root: Path, hugo: dict, folders: _Folders) -> Language:
    """One [languages.<code>] table of the Hugo config."""
    lparams = _ci_get(spec, "params", {}) or {}
    weight = _ci_get(spec, "weight", 0)
    mounts = _content_mounts(code, spec, root, hugo, folders)
    return Language(
        code=code,
        name=str(_first_set(spec, "label", "languageName") or code),
        weight=weight if isinstance(weight, int) else 0,
        content_dirs=[m.source for m in mounts],
        title=str(_ci_get(lparams, "title", "") or _ci_get(spec, "title", "") or ""),
        # a site's description may hold HTML (a link to its publisher): the cover prints its words
        description=plain_html(str(_ci_get(lparams, "description", "")
                                   or _ci_get(spec, "description", "") or "")),
        locale=country_language(str(_first_set(spec, "locale", "languageCode") or code)),
        params=lparams if isinstance(lparams, dict) else {},
        mounts=[(m.source, m.subpath) for m in mounts],
        file_filters={(m.source, m.subpath): m.files for m in mounts if m.files},
        direction=_direction(spec, lparams, str(_first_set(spec, "locale", "languageCode") or code)),
        goldmark=_ci_get(_ci_get(spec, "markup", {}), "goldmark", {}) or {},
        permalinks=read_rules(_ci_get(spec, "permalinks")) if isinstance(
            _ci_get(spec, "permalinks"), dict) else None,
        written={key: str(_first_set(spec, *names)) for key, names in _WRITTEN.items()
                 if _first_set(spec, *names) not in (None, "")},
    )


# Hugo 0.158's names of a language's fields, and the older ones it still reads
_WRITTEN = {"label": ("label", "languageName"), "locale": ("locale", "languageCode"),
            "direction": ("direction", "languageDirection")}


def goldmark_of(settings: Settings, lang: str) -> dict:
    """The Goldmark options ``lang``'s pages render with: the site's, with the language's own
    ``[languages.<lang>.markup.goldmark]`` merged over them key by key, as Hugo merges them."""
    merged = copy.deepcopy(settings.goldmark)
    language = settings.languages.get(lang)
    if language is not None and isinstance(language.goldmark, dict):
        _merge(merged, copy.deepcopy(language.goldmark))
    return merged


def _implicit_content_mounts(hugo: dict, root: Path, languages: dict[str, Language]
                             ) -> tuple[dict[str, Language], list[Mount]]:
    """Without content mounts, where some languages set a contentDir and others do not: as
    hugo 0.149.1 builds it, the site's contentDir is then mounted for no language, so its
    pages are the default language's (also when that one has a contentDir of its own), and
    the others' only when their names name them.  Hugo mounts the default language's
    folder first, then the others' by weight.  Returns the languages (the default one
    reading the site's folder too) and those mounts; no mounts where every language, or
    none, sets a contentDir."""
    site_dir = _resolved(root / str(_ci_get(hugo, "contentDir", "content") or "content"))
    lacking = [code for code, language in languages.items() if language.content_dirs == [site_dir]]
    default = _default_language(hugo)
    if not lacking or len(lacking) == len(languages) or default not in languages:
        return languages, []
    codes = sorted(languages, key=lambda code: code != default)  # weight order otherwise
    mounts: list[Mount] = []
    for code in codes:
        mount = (Mount(site_dir, "content") if code in lacking
                 else Mount(languages[code].content_dirs[0], "content", "", (code,)))
        if all(m.source != mount.source for m in mounts):
            mounts.append(mount)
    own = languages[default]
    if site_dir not in own.content_dirs:
        own = dataclasses.replace(own, content_dirs=[*own.content_dirs, site_dir],
                                  mounts=[*(own.mounts or [(d, "") for d in own.content_dirs]),
                                          (site_dir, "")])
    return {**languages, default: own}, mounts


def _with_theme_content(themes: list[_Theme], root: Path, languages: dict[str, Language],
                        folders: _Folders) -> tuple[dict[str, Language], _Folders]:
    """The themes' content folders mounted after the site's own, as Hugo mounts every
    theme's content/ (checked with 0.149.1: a theme's page shows on the site; the site's
    page of the same path wins).  Such a folder serves no language by name: its pages are
    the default language's, and another language's only where their file names name it
    (page.fr.md), as in a folder every language reads."""
    placed = [(folder, sub) for folder, sub in _theme_mounts(themes, root, "content")
              if _is_dir(folder) or _is_file(folder)]
    if not placed:
        return languages, folders
    extended = {}
    for code, language in languages.items():
        mounts = list(language.mounts or [(d, "") for d in language.content_dirs])
        mounts += [mount for mount in placed if mount not in mounts]
        extended[code] = dataclasses.replace(language, mounts=mounts, content_dirs=_unique(
            [*language.content_dirs, *(folder for folder, _sub in placed)]))
    if folders.content:  # mounts as written (or implied): the themes' come after them
        folders = dataclasses.replace(folders, content=[
            *folders.content, *(Mount(folder, "content", sub) for folder, sub in placed)])
    return extended, folders


def _direction(spec: dict, lparams: object, tag: str) -> str:
    """"rtl" or "ltr": Hugo's direction (or languageDirection); without either, Blowfish's
    ``params.rtl``, from which its layouts set the page's ``dir`` (any true value); without
    that, the direction the language (``tag``: its languageCode, else its key) is written
    in: a Hebrew or Persian manual printed left to right would read wrongly."""
    said = str(_first_set(spec, "direction", "languageDirection")).strip().lower()
    if said in ("rtl", "ltr"):
        return said
    if isinstance(lparams, dict) and _ci_get(lparams, "rtl") is not None:
        return "rtl" if _ci_get(lparams, "rtl") else "ltr"  # Go's truth, as its ``if`` tests it
    return "rtl" if written_right_to_left(country_language(tag)) else "ltr"


def _first_set(table: dict, *keys: str) -> object:
    """The value of the first key set: Hugo 0.158 renamed languageName to label,
    languageCode to locale and languageDirection to direction, and reads both."""
    return next((value for key in keys if (value := _ci_get(table, key)) not in (None, "")), "")


def _languages(hugo: dict, origin: dict[str, Path], root: Path, folders: _Folders,
               problems: list[Finding]) -> dict[str, Language]:
    """Every configured language Hugo builds (not disabled), ordered as Hugo orders them: by
    weight (0 last), then code."""
    raw = _ci_get(hugo, "languages", {}) or {}
    if not isinstance(raw, dict) or not raw:
        raw = {_default_language(hugo): {}}
    disabled = _ci_get(hugo, "disableLanguages", []) or []
    disabled = {str(c).lower() for c in (disabled if isinstance(disabled, list) else [disabled])}
    languages: dict[str, Language] = {}
    for code, spec in raw.items():
        code = str(code).lower()
        if isinstance(spec, dict):
            if code not in disabled and not _flag(_ci_get(spec, "disabled"), False):
                languages[code] = _language(code, spec, root, hugo, folders)
        else:
            problems.append(_problem(origin.get("languages"), code, f"languages.{code} must be a table"))
    return dict(sorted(languages.items(), key=lambda kv: (kv[1].weight or 10**9, kv[0])))


# Settings Hugo decodes as text (a number is taken as its digits) and, in a language's
# table, as a whole number: a list or table there stops Hugo ("failed to decode").
_TEXT_SETTINGS = ("title", "baseURL", "defaultContentLanguage", "contentDir", "languageCode",
                  "copyright", "refLinksErrorLevel", "refLinksNotFoundURL")
_LANGUAGE_TEXT = ("title", "label", "languageName", "locale", "languageCode", "direction",
                  "languageDirection", "contentDir")


def _check_permalinks(table: object, where_key: str, where: Path | None,
                      problems: list[Finding]) -> None:
    """A permalink pattern naming an attribute Hugo does not know: Hugo stops ("permalink
    attribute not recognised"), and the page's address would be a guess."""
    if not isinstance(table, dict):
        return
    patterns = [(f"{where_key}.{key}", value) for key, value in table.items() if isinstance(value, str)]
    patterns += [(f"{where_key}.{kind}.{key}", value) for kind, inner in table.items()
                 if isinstance(inner, dict) for key, value in inner.items() if isinstance(value, str)]
    for dotted, pattern in patterns:
        if (name := unknown_attribute(pattern)) is not None:
            problems.append(_problem(where, dotted.rsplit(".", 1)[-1], f'{dotted}: ":{name}" in '
                                     f'"{pattern}" is no attribute Hugo knows (:year, :slug, '
                                     ":title, :sections, …); Hugo stops too", pattern))


def _check_hugo_values(hugo: dict, origin: dict[str, Path], problems: list[Finding]) -> None:
    """Values of the Hugo config that Hugo refuses to decode, each at its key's line: they
    printed as Python writes a list ("[1]" as the manual's title), or a site whose
    ``languages`` is a list became one English manual."""
    for key in _TEXT_SETTINGS:
        _check_text_value(_ci_get(hugo, key), key, origin.get(key.lower()), problems)
    base_url = _ci_get(hugo, "baseURL")
    if isinstance(base_url, (str, int, float)) and (why := _unreadable_address(str(base_url))):
        problems.append(_problem(origin.get("baseurl"), "baseURL", f'baseURL "{base_url}" is not '
                                 f"an address ({why}); Hugo stops too"))
    _check_permalinks(_ci_get(hugo, "permalinks"), "permalinks", origin.get("permalinks"), problems)
    _check_decoded_types(hugo, origin, problems)
    raw = _ci_get(hugo, "languages")
    if raw is not None and not isinstance(raw, dict):
        problems.append(_problem(origin.get("languages"), "languages", "languages must be a "
                                 "table with one table per language ([languages.de]); Hugo stops "
                                 'too ("no languages configured")'))
        return
    for code, spec in (raw or {}).items():
        if not isinstance(spec, dict):
            continue  # reported by _languages
        where = origin.get("languages")
        for key in _LANGUAGE_TEXT:
            _check_text_value(_ci_get(spec, key), f"languages.{code}.{key}", where, problems)
        _check_permalinks(_ci_get(spec, "permalinks"), f"languages.{code}.permalinks", where, problems)
        weight = _ci_get(spec, "weight")
        if weight is not None and (isinstance(weight, bool) or not isinstance(weight, int)):
            problems.append(_problem(where, f"languages.{code}.weight", f'languages.{code}.weight '
                                     f'"{weight}" must be a whole number; Hugo stops too'))


# Hugo settings manualgen reads that Hugo decodes as a switch or as a table: a value of
# another kind stops Hugo ("failed to decode"), and here it would be taken for the default.
_HUGO_SWITCHES = ("buildDrafts", "buildFuture", "buildExpired", "pluralizeListTitles",
                  "capitalizeListTitles", "defaultContentLanguageInSubdir", "enableEmoji",
                  "markup.goldmark.renderer.unsafe", "markup.goldmark.extensions.linkify",
                  "markup.goldmark.parser.autoHeadingID")
_HUGO_TABLES = ("markup.goldmark", "markup.goldmark.renderer", "markup.goldmark.extensions",
                "markup.goldmark.parser", "markup.highlight", "markup.tableOfContents", "menus")
_GO_BOOLS = ("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False")
# YAML 1.1's words for true and false: Hugo < 0.152 read them so, later ones stop; a site
# written for the older Hugo keeps building, with the default (see _flag)
_YAML11_BOOLS = {"y", "yes", "n", "no", "on", "off"}


def _ci_path(table: object, dotted: str) -> object:
    """The value at a dotted path of the Hugo config (keys without case), None if absent."""
    for key in dotted.split("."):
        table = _ci_get(table, key) if isinstance(table, dict) else None
    return table


def _check_decoded_types(hugo: dict, origin: dict[str, Path], problems: list[Finding]) -> None:
    """Switches that are no switch (``buildDrafts = "yes"``), tables that are no table
    (``[markup] goldmark = 1``), ``menus`` entries and ``cascade`` that Hugo cannot decode."""
    for dotted in _HUGO_SWITCHES:
        value = _ci_path(hugo, dotted)
        if (value is not None and not isinstance(value, (bool, int, float)) and value not in _GO_BOOLS
                and str(value).lower() not in _YAML11_BOOLS):
            problems.append(_problem(origin.get(dotted.split(".")[0].lower()), dotted,
                                     f'{dotted} "{value}" is not true or false; Hugo stops too'))
    for dotted in _HUGO_TABLES:
        value = _ci_path(hugo, dotted)
        if value is not None and not isinstance(value, dict):
            problems.append(_problem(origin.get(dotted.split(".")[0].lower()), dotted,
                                     f"{dotted} must be a table; Hugo stops too"))
    menus = _ci_get(hugo, "menus")
    for name, entries in (menus.items() if isinstance(menus, dict) else ()):
        if not isinstance(entries, (list, dict)):
            problems.append(_problem(origin.get("menus"), f"menus.{name}", f"menus.{name} must be a "
                                     f"list of entries ([[menus.{name}]]); Hugo stops too"))
    cascade = _ci_get(hugo, "cascade")
    if cascade is not None and not isinstance(cascade, (list, dict)):
        problems.append(_problem(origin.get("cascade"), "cascade", "cascade must be a table or a "
                                 "list of tables ([[cascade]]); Hugo stops too"))


def _unreadable_address(address: str) -> str | None:
    """Why an address cannot be read (a "[" in its host, a port that is no number), as
    Hugo's (Go's) reading of baseURL fails too; None when it can."""
    try:
        urlsplit(address).port  # noqa: B018 - reading the port checks it
    except ValueError as exc:
        if "IPv6" in str(exc):
            return 'its host holds a "[" or "]"'
        return "its port is not a number" if "cast" in str(exc) else "its port is out of range"
    return None


def _check_text_value(value: object, dotted: str, where: Path | None, problems: list[Finding]) -> None:
    if isinstance(value, (list, dict)):
        what = "a list" if isinstance(value, list) else "a table"
        problems.append(_problem(where, dotted, f"{dotted} is {what}, not "
                                 "text; Hugo stops too: write it in quotes"))


def _default_language(hugo: dict) -> str:
    return str(_ci_get(hugo, "defaultContentLanguage", "en") or "en").lower()


def _check_default_language(default: str, languages: dict[str, Language], origin: dict[str, Path],
                            problems: list[Finding]) -> None:
    if not languages:  # every language is disabled: Hugo stops ("default language … is disabled")
        where = origin.get("disablelanguages") or origin.get("languages")
        problems.append(_problem(where, "disableLanguages" if origin.get("disablelanguages") else
                                 "disabled", f'every language is disabled, the default language '
                                 f'"{default}" too: Hugo builds nothing and stops; enable one'))
    elif default not in languages:
        where = origin.get("defaultcontentlanguage") or origin.get("languages")
        problems.append(Finding(ERROR, "config", f'defaultContentLanguage "{default}" is not among the '
                                f'languages ({", ".join(languages)})', str(where) if where else None))


def _check_content_folders(languages: dict[str, Language], root: Path, origin: dict[str, Path],
                           problems: list[Finding]) -> None:
    """A content folder that holds the site itself (contentDir = "../.." or "/") would have
    every file below it read as a page, far outside the site: the whole disk for "/"."""
    site = _resolved(root)
    for code, language in languages.items():
        for folder in language.content_dirs:
            if folder != site and site.is_relative_to(folder):
                where = origin.get("languages") or origin.get("contentdir")
                problems.append(_problem(where, "contentDir", f'the content folder of "{code}" '
                                         f"({folder}) holds the site itself: every file below it "
                                         "would be read as a page; name the site's own content "
                                         "folder"))
                break


def _ignore_logs(value: object) -> frozenset[str]:
    """Hugo's ``ignoreLogs``: one id or a list of them, compared without case."""
    values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return frozenset(str(item).lower() for item in values if isinstance(item, (str, int)))


def _ignore_files(hugo: dict, origin: dict[str, Path], problems: list[Finding]) -> list[re.Pattern]:
    """ignoreFiles: regular expressions matched against each content file's absolute path."""
    raw = _ci_get(hugo, "ignoreFiles", []) or []
    patterns = []
    for pattern in raw if isinstance(raw, list) else [raw]:
        try:
            with warnings.catch_warnings():  # "possible nested set": Go's RE2 reads "[[" plainly
                warnings.simplefilter("ignore", FutureWarning)
                patterns.append(re.compile(str(pattern)))
        except re.error as exc:
            problems.append(_problem(origin.get("ignorefiles"), "ignoreFiles",
                                     f'ignoreFiles "{pattern}" is not a regular expression: {exc}'))
    return patterns


def _cascade(hugo: dict) -> list[dict]:
    cascade = _ci_get(hugo, "cascade", []) or []
    return [c for c in (cascade if isinstance(cascade, list) else [cascade]) if isinstance(c, dict)]


# --- what manualgen.toml says about files and languages ------------------------------------


def _outside(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether a file named in manualgen.toml really lies (symbolic links followed) outside
    the site's folders: a build prints nothing from beyond the site."""
    return not any(path.is_relative_to(_resolved(folder)) for folder in folders)


def _stylesheets(printing: dict, mg_dir: Path, mg_path: Path | None, problems: list[Finding],
                 site: tuple[Path, ...] = ()) -> list[Path]:
    sheets = printing.get("stylesheets")
    found = []
    for sheet in sheets if isinstance(sheets, list) else []:
        sheet_path = _resolved(mg_dir / str(sheet))
        if not _is_file(sheet_path):
            problems.append(_problem(mg_path, "stylesheets", f'stylesheet "{sheet}" does not exist'))
        elif site and _outside(sheet_path, site):
            problems.append(_problem(mg_path, "stylesheets", f'stylesheet "{sheet}" is outside the '
                                     f"site ({sheet_path}): copy it into the site"))
        elif (line := _unreadable_number(sheet_path)) is not None:
            problems.append(Finding(ERROR, "config", f'stylesheet "{sheet}" holds a number of '
                                    "more than 4300 digits, which the layout cannot read: "
                                    "shorten it", str(sheet_path), line))
        found.append(sheet_path)
    return found


# A run of digits longer than Python reads as a number (sys.get_int_max_str_digits): the
# CSS parser of the layout stops on it with a ValueError
_TOO_LONG_NUMBER = re.compile(r"[0-9]{4301,}")


def _unreadable_number(sheet: Path) -> int | None:
    """The line of the first number in the stylesheet too long to read, or None."""
    try:
        text = sheet.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # the layout says what it cannot read
    found = _TOO_LONG_NUMBER.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _logo(manual: dict, mg_dir: Path, mg_path: Path | None, problems: list[Finding],
          site: tuple[Path, ...] = ()) -> Path | None:
    if not isinstance(manual.get("logo"), str):
        return None
    logo = _resolved(mg_dir / manual["logo"])
    if not _is_file(logo):
        problems.append(_problem(mg_path, "logo", f'logo "{manual["logo"]}" does not exist'))
    elif site and _outside(logo, site):
        problems.append(_problem(mg_path, "logo", f'logo "{manual["logo"]}" is outside the site '
                                 f"({logo}): copy it into the site"))
    elif not _is_picture_name(logo):
        problems.append(_problem(mg_path, "logo", f'logo "{manual["logo"]}" is not a picture: '
                                 "name a PNG, JPEG, GIF, WebP or SVG file"))
    return logo


def _is_picture_name(path: Path) -> bool:
    """Whether the file's name says it is a picture the cover can draw (WeasyPrint tells
    pictures by their type, which the file's suffix gives)."""
    from .images import PREPARED_SUFFIXES

    return path.suffix.lower() in PREPARED_SUFFIXES | {".svg"}


def _check_language_tables(mg: dict, languages: dict[str, Language], mg_path: Path | None,
                           problems: list[Finding]) -> None:
    """[labels.<lang>] and [languages.<lang>] must name configured languages and be tables."""
    for table_name in ("labels", "languages"):
        for code, value in _table(mg, table_name).items():
            if code not in languages:
                problems.append(_problem(mg_path, code, f'{table_name}.{code}: "{code}" is not a configured '
                                         f'language ({", ".join(languages)})'))
            elif not isinstance(value, dict):
                problems.append(_problem(mg_path, code, f"{table_name}.{code} must be a table"))
    for code, value in _table(mg, "languages").items():
        if isinstance(value, dict):
            _validate(value, _LANGUAGE_SCHEMA, mg_path, f"languages.{code}.", problems)  # type: ignore[arg-type]


# --- loading -------------------------------------------------------------------------------


def load_settings(site: Path) -> Settings:
    """Build the settings for the site at ``site`` (a folder or a config file).

    The steps: find the files, read manualgen.toml against its schema, merge the Hugo config
    files, read the mounts and languages from it, then check what only the whole can tell
    (files named, languages named).  Raises ConfigError with every problem found.
    """
    problems: list[Finding] = []
    folder, mg_path, hugo_path = _locate(site)
    mg = load_data_file(mg_path, problems) if mg_path else {}
    if mg_path:
        _validate(mg, _MANUALGEN_SCHEMA, mg_path, "", problems)
    sources = _sources(folder, mg, mg_path, hugo_path, problems)
    if not sources.hugo_files and mg_path is None:
        raise ConfigError([Finding(
            ERROR, "config",
            f"no {MANUALGEN_CONFIG} and no Hugo config ({', '.join(HUGO_CONFIG_NAMES[:4])}, …, "
            f'config/_default/) in the site folder "{site}"')])
    hugo, origin = read_hugo_config(sources.hugo_files, sources.hugo_path, problems)
    themes = _themes(hugo, origin, sources.root, sources.environment, problems)
    hugo = _with_theme_params(hugo, themes)
    extra_static = _table(mg, "paths").get("static")
    mounts = _read_mounts(hugo, sources.root, origin, problems)
    folders = _mounted_folders(hugo, sources.root, mounts, extra_static if isinstance(extra_static, list) else [],
                               themes)
    _check_hugo_values(hugo, origin, problems)
    languages = _languages(hugo, origin, sources.root, folders, problems)
    if not folders.content:
        languages, implicit = _implicit_content_mounts(hugo, sources.root, languages)
        folders = dataclasses.replace(folders, content=implicit)
    languages, folders = _with_theme_content(themes, sources.root, languages, folders)
    _check_default_language(_default_language(hugo), languages, origin, problems)
    _check_content_folders(languages, sources.root, origin, problems)
    mg_dir = mg_path.parent if mg_path else sources.root
    site = (sources.root, mg_dir)  # what a manualgen.toml may name: its folder, the site's
    stylesheets = _stylesheets(_table(mg, "print"), mg_dir, mg_path, problems, site)
    logo = _logo(_table(mg, "manual"), mg_dir, mg_path, problems, site)
    _check_language_tables(mg, languages, mg_path, problems)
    ignore_files = _ignore_files(hugo, origin, problems)
    if any(problem.is_error for problem in problems):  # named relative to the site, as every other finding
        raise ConfigError(shown_from(problems, sources.root))
    files = _ReadFiles(sources, mg, hugo, folders, languages, stylesheets, logo, ignore_files, themes)
    return dataclasses.replace(_settings(files), config_warnings=tuple(problems))


@dataclasses.dataclass(frozen=True)
class _ReadFiles:
    """Everything load_settings read and checked, handed to _settings in one piece."""

    sources: _Sources
    mg: dict
    hugo: dict
    folders: _Folders
    languages: dict[str, Language]
    stylesheets: list[Path]
    logo: Path | None
    ignore_files: list[re.Pattern]
    themes: list[_Theme]


def _default_language_title(hugo: dict, languages: dict[str, Language]) -> str:
    """The default language's own title: a site titled only under its languages (no
    top-level ``title``) is called so, rather than by the folder it was checked out to."""
    language = languages.get(_default_language(hugo))
    return language.title if language is not None else ""


def _settings(read: _ReadFiles) -> Settings:
    """The Settings object from checked configuration: only defaults and conversions here."""
    hugo, root, manual, paths = read.hugo, read.sources.root, _table(read.mg, "manual"), _table(read.mg, "paths")
    mg_dir = read.sources.mg_path.parent if read.sources.mg_path else root
    params = _ci_get(hugo, "params", {}) or {}
    params = params if isinstance(params, dict) else {}
    site_title = str(manual.get("title") or _ci_get(hugo, "title", "")
                     or _default_language_title(hugo, read.languages) or root.name)
    goldmark = _ci_get(_ci_get(hugo, "markup", {}) or {}, "goldmark", {}) or {}
    base_url = str(_ci_get(hugo, "baseURL", "") or "")
    dir_sets = [tuple(lang.content_dirs) for lang in read.languages.values()]
    return Settings(
        site_root=root,
        config_files=([read.sources.mg_path] if read.sources.mg_path else []) + read.sources.hugo_files,
        title=site_title,
        subtitle=str(manual.get("subtitle", "")),
        publisher=str(manual.get("publisher", "")),
        author=str(manual.get("author", "")),
        keywords=[str(k) for k in manual.get("keywords", [])],
        version=str(manual.get("version") or _ci_get(params, "version", "") or ""),
        base_url=base_url,
        base_path=_base_path(base_url),
        default_language=_default_language(hugo),
        default_in_subdir=_flag(_ci_get(hugo, "defaultContentLanguageInSubdir"), False),
        languages=read.languages,
        # Translations by file name: several languages share one content folder.
        by_filename=len(dir_sets) > 1 and len(set(dir_sets)) < len(dir_sets),
        static_dirs=read.folders.static_dirs,
        static_mounts=read.folders.static,
        static_filters=read.folders.static_filters,
        content_mounts=[(m.source, m.subpath, None if m.languages is None else tuple(
            code for code in read.languages if m.serves(code))) for m in read.folders.content],
        assets_dirs=read.folders.assets,
        # the themes' translations first: the site's own, read later, win (Translator)
        i18n_dirs=_theme_layout_dirs(read.themes, root, "i18n")[::-1] + read.folders.i18n,
        output_name=str(manual.get("output", "{name}-{lang}.pdf")),
        name=str(manual.get("name") or _slug(site_title) or "manual"),
        logo=read.logo,
        stylesheets=read.stylesheets,
        shortcode_dirs=[_resolved(mg_dir / str(paths.get("shortcodes", "manualgen/shortcodes")))],
        template_dirs=[_resolved(mg_dir / str(paths.get("templates", "manualgen/templates")))],
        labels={k: {str(a): str(b) for a, b in v.items()} for k, v in _table(read.mg, "labels").items()},
        language_overrides={k: dict(v) for k, v in _table(read.mg, "languages").items()},
        goldmark=goldmark if isinstance(goldmark, dict) else {},
        params=params,
        print=_print_options(_table(read.mg, "print")),
        environment=read.sources.environment,
        build_drafts=_flag(_ci_get(hugo, "buildDrafts"), False),
        build_future=_flag(_ci_get(hugo, "buildFuture"), False),
        build_expired=_flag(_ci_get(hugo, "buildExpired"), False),
        cascade=_cascade(hugo),
        ignore_files=read.ignore_files,
        pluralize_list_titles=_flag(_ci_get(hugo, "pluralizeListTitles"), True),
        capitalize_list_titles=_flag(_ci_get(hugo, "capitalizeListTitles"), True),
        title_case_style=str(_ci_get(hugo, "titleCaseStyle", "ap") or "ap").lower(),
        summary_length=_summary_length(_ci_get(hugo, "summaryLength", 70)),
        has_cjk_language=_flag(_ci_get(hugo, "hasCJKLanguage"), False),
        sections=section_names(manual.get("sections", [])) if isinstance(
            manual.get("sections"), list) and not _section_names_problem(manual["sections"]) else (),
        menu=str(manual.get("menu") or "").strip(),
        menu_entries={code: config_entries(hugo, code, str(manual.get("menu")).strip())
                      for code in read.languages} if str(manual.get("menu") or "").strip() else {},
        taxonomies=_taxonomies(hugo),
        edition_since=str(_table(read.mg, "edition").get("since") or ""),
        front_matter_dates=_front_matter_dates(hugo),
        disabled_languages=_disabled_languages(hugo, read.languages),
        permalinks=read_rules(_ci_get(hugo, "permalinks", {})),
        path_style=read_style(_flag(_ci_get(hugo, "disablePathToLower"), False),
                              _flag(_ci_get(hugo, "removePathAccents"), False),
                              _ci_get(hugo, "uglyURLs")),
        enable_emoji=_flag(_ci_get(hugo, "enableEmoji"), False),
        highlight=_ci_get(_ci_get(hugo, "markup", {}), "highlight", {})
        if isinstance(_ci_get(_ci_get(hugo, "markup", {}), "highlight", {}), dict) else {},
        enable_inline_shortcodes=_flag(_ci_get(hugo, "enableInlineShortcodes"), False),
        ignore_logs=_ignore_logs(_ci_get(hugo, "ignoreLogs")),
        ref_links_error=str(_ci_get(hugo, "refLinksErrorLevel", "") or "").strip().lower()
        != "warning",
        ref_links_not_found_url=str(_ci_get(hugo, "refLinksNotFoundURL", "") or ""),
        layout_dirs=_own_layout_dirs(root, read.folders.layouts) + _theme_layout_dirs(read.themes, root),
        own_layout_dirs=_own_layout_dirs(root, read.folders.layouts),
    )


def _own_layout_dirs(root: Path, mounted: list[Path]) -> list[Path]:
    """The site's layouts folder, or the folders its module mounts place at layouts/ (as
    Bootstrap mounts site/layouts): Hugo then no longer reads layouts/ itself."""
    inside = root.resolve()
    return [f for f in mounted if resolves_inside(f, inside)] or [root / "layouts"]


def _with_theme_params(hugo: dict, themes: list[_Theme]) -> dict:
    """The site's config with its themes' ``params`` under its own, merged key by key as
    Hugo merges a theme's config (checked with 0.149.1): a key the site sets wins, the
    first theme over the later ones.  A theme's shortcodes read their defaults there."""
    hugo = _with_theme_language_params(hugo, themes)
    merged: dict = {}
    for theme in reversed(themes):
        params = _ci_get(theme.config, "params", {})
        if isinstance(params, dict):
            _merge(merged, copy.deepcopy(params))
    if not merged:
        return hugo
    own = next((key for key in hugo if str(key).lower() == "params"), "params")
    if not isinstance(hugo.get(own, {}), dict):
        return hugo
    _merge(merged, copy.deepcopy(hugo.get(own, {})))
    return {**hugo, own: merged}


def _with_theme_language_params(hugo: dict, themes: list[_Theme]) -> dict:
    """The site's languages with their themes' ``[languages.<code>.params]`` as defaults, as
    hugo 0.149.1 reads them: under the language's own params and the site's params (a
    theme's ``languages.fr.params.hello`` prints in French unless the site sets ``hello``
    in either), over the themes' params.  A language only a theme names is not added."""
    table = _ci_get(hugo, "languages")
    if table is not None and not isinstance(table, dict):
        return hugo  # reported by _check_hugo_values
    table = dict(table or {_default_language(hugo): {}})
    site = _ci_get(hugo, "params", {})
    changed = False
    for code, spec in table.items():
        defaults: dict = {}
        for theme in reversed(themes):
            theirs = _ci_get(_ci_get(_ci_get(theme.config, "languages", {}) or {}, str(code), {})
                             or {}, "params", {})
            if isinstance(theirs, dict) and isinstance(defaults, dict):
                _merge(defaults, copy.deepcopy(theirs))
        defaults = _not_set_in(defaults, site if isinstance(site, dict) else {})
        own = _ci_get(spec, "params", {}) if isinstance(spec, dict) else None
        if not defaults or not isinstance(own, dict):
            continue
        _merge(defaults, copy.deepcopy(own))
        key = next((k for k in spec if str(k).lower() == "params"), "params")
        table[code], changed = {**spec, key: defaults}, True
    if not changed:
        return hugo
    key = next((k for k in hugo if str(k).lower() == "languages"), "languages")
    return {**hugo, key: table}


def _not_set_in(defaults: dict, table: dict) -> dict:
    """``defaults`` without the values ``table`` sets (key by key, tables inside tables too)."""
    kept = {}
    for key, value in defaults.items():
        same = _ci_get(table, str(key))
        if same is None:
            kept[key] = value
        elif isinstance(value, dict) and isinstance(same, dict) and (inner := _not_set_in(value, same)):
            kept[key] = inner
    return kept


def _theme_config(folder: Path, environment: str, problems: list[Finding]) -> tuple[dict, dict[str, Path]]:
    """A theme component's own config (its root file, hugo.toml …, and its config/
    folder), with the file that set each of its keys."""
    own_file = next((folder / name for name in HUGO_CONFIG_NAMES if _is_file(folder / name)), None)
    files = ([own_file] if own_file else []) + config_dir_files(folder / "config", environment)
    return read_hugo_config(files, own_file, problems)


def _theme_layout_dirs(themes: list[_Theme], root: Path, component: str = "layouts") -> list[Path]:
    """The layouts (or another component's) folders of the site's theme components, the
    first winning (see :func:`_themes`), each placed at the component's top."""
    return [folder for folder, subpath in _theme_mounts(themes, root, component) if not subpath]


def _theme_mounts(themes: list[_Theme], root: Path, component: str) -> list[tuple[Path, str]]:
    """(folder, place below the component) of each theme component's mounts of
    ``component``, the first component winning: the mounts its import lists
    (``[[module.imports.mounts]]``), else those its own config lists (Docsy's hugo.yaml,
    which mounts no content), else its folder of that name at the top, as Hugo mounts
    them.  Folders outside the site are left out: a build reads nothing there."""
    found = []
    for theme in themes:
        if theme.mounts is None:
            found.append((theme.folder / component, ""))
            continue
        for raw in theme.mounts:
            target = str(_ci_get(raw, "target", "") if isinstance(raw, dict) else "").strip("/")
            head, _, below = target.partition("/")
            if head.lower() == component and _ci_get(raw, "source"):
                found.append((theme.folder / str(_ci_get(raw, "source")), below.strip("/")))
    inside = root.resolve()
    # A build reads nothing outside the site: an exampleSite's themesDir = "../.." is left out.
    return [(f, sub) for f, sub in found if resolves_inside(f, inside)]


@dataclasses.dataclass(frozen=True)
class _Theme:
    """One theme component of the site, read once: its folder, the mounts declared for it
    (its import's, else its own config's; None: its folders by their names), its config."""

    folder: Path
    mounts: list | None
    config: dict


def _themes(hugo: dict, origin: dict[str, Path], root: Path, environment: str,
            problems: list[Finding]) -> list[_Theme]:
    """The site's theme components, the first winning, as Hugo finds them without a
    network: each ``theme`` (a name or a list), then each ``module.imports`` path not
    disabled, each followed at once by the components its own config names (a theme built
    on another: checked with hugo 0.149.1, the parent comes before the site's next theme);
    in _vendor/ when the site has vendored its modules (``hugo mod vendor`` writes
    _vendor/modules.txt), else in ``themesDir`` (by default themes/).  A module Hugo would
    download has no folder here and is left out.  A theme's config that does not parse is
    a problem at its line, as Hugo stops there; so is a theme that is a file; a theme
    outside the site (a link out of it) is left out with a warning (:func:`_unusable_theme`)."""
    themes_dir = root / str(_ci_get(hugo, "themesDir", "themes") or "themes")
    vendor = root / "_vendor"
    vendored = _is_file(vendor / "modules.txt")
    inside = root.resolve()
    themes: list[_Theme] = []

    def visit(config: dict, named_in: dict[str, Path], depth: int) -> None:
        for name, mounts in _component_names(config):
            found = vendor / name if vendored and _is_dir(vendor / name) else themes_dir / name
            if any(found == known.folder for known in themes):
                continue
            if problem := _unusable_theme(name, found, inside, named_in):
                problems.append(problem)
                continue
            if not _is_dir(found):  # a module Hugo would download: nothing here to read
                if not _downloadable(name):
                    problems.append(_missing_theme(name, found, root, named_in))
                continue
            own, own_origin = _theme_config(found, environment, problems)
            listed = _ci_get(_ci_get(own, "module", {}) or {}, "mounts", []) or []
            themes.append(_Theme(found, mounts or (listed if isinstance(listed, list) and listed
                                                   else None), own))
            if depth < 10 and own:
                visit(own, own_origin, depth + 1)

    visit(hugo, origin, 0)
    return themes


def _unusable_theme(name: str, found: Path, inside: Path, named_in: dict[str, Path]) -> Finding | None:
    """Why the theme component ``name``, looked for at ``found``, cannot be read: a file
    where its folder belongs (an error: hugo 0.149.1 stops, "not a directory"), or a folder
    outside the site, through a link or ``themesDir`` (a warning: a build reads nothing
    there, so its shortcodes, translations and params are not used, where Hugo uses them).
    None when it can, or when nothing is there (a module Hugo would download)."""
    where = named_in.get("theme") or named_in.get("module")
    key = "theme" if "theme" in named_in else "path"
    if not resolves_inside(found, inside) and (_is_dir(found) or _is_file(found)):
        try:
            real = str(found.resolve())
        except (OSError, RuntimeError, ValueError):
            real = str(found)
        finding = _problem(where, key, f'the theme "{name}" is in {real}, outside the site: '
                           "manualgen reads nothing outside the site, so its layouts, "
                           "shortcodes, translations and params are left out; copy the theme "
                           "into the site's themes folder", name)
        return dataclasses.replace(finding, severity=WARNING, code="theme-outside")
    if _is_file(found):
        return _problem(where, key, f'the theme "{name}" is a file ({found.parent.name}/{found.name}), not a '
                        "folder; Hugo stops too: name the theme's folder", name)
    return None


def _downloadable(name: str) -> bool:
    """Whether Hugo could fetch the theme component ``name`` as a module: a module path
    ("github.com/google/docsy", a dot in its first element), which a site with a go.mod
    downloads.  A name without one only names a folder of themes/, and when that is
    missing hugo 0.149.1 and 0.168.0 stop ("module "x" not found in themes/x; either add
    it as a Hugo Module or store it in themes")."""
    return "." in name.split("/")[0]


def _missing_theme(name: str, found: Path, root: Path, named_in: dict[str, Path]) -> Finding:
    where = named_in.get("theme") or named_in.get("module")
    key = "theme" if "theme" in named_in else "path"
    try:
        shown = found.relative_to(root).as_posix()
    except ValueError:
        shown = str(found)
    short = name if len(name) <= 60 else name[:60] + "…"
    shown = shown if len(shown) <= 80 else shown[:80] + "…"
    finding = _problem(where, key, f'the theme "{short}" is not in {shown}: no such folder, so '
                       "its layouts, shortcodes, translations and params are left out, and Hugo "
                       'stops for it ("module not found"): check the theme out there (git '
                       "submodule update --init) or correct its name", name)
    return dataclasses.replace(finding, severity=WARNING, code="theme-missing")


def _component_names(config: dict) -> list[tuple[str, list | None]]:
    """The theme components a config names, each with the mounts its import lists (None
    for none): ``theme`` (a name or a list), then the ``module.imports`` not disabled."""
    themes = _ci_get(config, "theme", []) or []
    named: list[tuple[object, object]] = [(n, None) for n in (
        [themes] if isinstance(themes, str) else themes if isinstance(themes, list) else [])]
    imports = _ci_get(_ci_get(config, "module", {}) or {}, "imports", []) or []
    named += [(_ci_get(entry, "path"), _ci_get(entry, "mounts"))
              for entry in (imports if isinstance(imports, list) else [])
              if isinstance(entry, dict) and not _flag(_ci_get(entry, "disable"), False)]
    seen: dict[str, list | None] = {}
    for name, mounts in named:
        text = str(name or "").strip("/")
        if text and text not in seen:
            seen[text] = mounts if isinstance(mounts, list) and mounts else None
    return list(seen.items())


def resolves_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its links followed, lies in ``root`` (a resolved folder)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a loop of links
        return False


def _disabled_languages(hugo: dict, built: dict[str, Language]) -> tuple[str, ...]:
    """The codes of the languages the config names (a [languages] table, disableLanguages)
    but that are not built."""
    raw = _ci_get(hugo, "languages", {})
    named = [str(code).lower() for code in raw] if isinstance(raw, dict) else []
    listed = _ci_get(hugo, "disableLanguages", []) or []
    named += [str(code).lower() for code in (listed if isinstance(listed, list) else [listed])]
    return tuple(code for code in dict.fromkeys(named) if code not in built)



def _front_matter_dates(hugo: dict) -> dict[str, tuple[str, ...]]:
    """The site's ``[frontmatter]`` date lists, ":default" replaced by Hugo's default list;
    ":filename" kept (discovery reads the date at the start of a file's or bundle's name);
    the other special names (":git", ":fileModTime") need what manualgen does not read and
    are passed over."""
    table = _ci_get(hugo, "frontmatter", {})
    table = table if isinstance(table, dict) else {}
    out = {}
    for which, default in DEFAULT_DATE_KEYS.items():
        given = _ci_get(table, which)
        if not isinstance(given, list):
            out[which] = default
            continue
        keys: list[str] = []
        for key in (str(k).lower() for k in given):
            keys += (default if key == ":default" else [key] if key == FILENAME_DATE
                     else [] if key.startswith(":") else [key])
        out[which] = tuple(dict.fromkeys(keys))
    return out


def _taxonomies(hugo: dict) -> tuple[str, ...]:
    """The folders Hugo makes taxonomy and term pages of: ``[taxonomies]``'s plural names
    (Hugo's default: tags and categories); none when both kinds are disabled."""
    disabled = _ci_get(hugo, "disableKinds", []) or []
    disabled = {str(k).lower() for k in disabled} if isinstance(disabled, list) else set()
    if {"taxonomy", "term"} <= disabled:
        return ()
    table = _ci_get(hugo, "taxonomies", None)
    if not isinstance(table, dict):
        return ("tags", "categories")
    return tuple(str(plural).strip("/").lower() for plural in table.values()
                 if isinstance(plural, str) and plural.strip("/"))


def _summary_length(value: object) -> int:
    """Hugo's summaryLength: a whole number (its text too); 70 when it is none."""
    if isinstance(value, bool):
        return 70
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.strip().lstrip("-").isdigit() else 70


def _flag(value: object, default: bool) -> bool:
    """A Hugo switch: a boolean, or a string Go's strconv.ParseBool reads ("true", "0", "F" …).

    Since Hugo reads YAML 1.2, ``buildDrafts: no`` is the string "no", which Hugo does not
    take for a boolean; such a value leaves the default, where bool("no") would be True.
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if isinstance(value, str) and value in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    return bool(value) if isinstance(value, int) and value in (0, 1) else default


def _unique(paths: list[Path]) -> list[Path]:
    seen: list[Path] = []
    for p in paths:
        if p not in seen:
            seen.append(p)
    return seen


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
