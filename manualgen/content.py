"""Content as Hugo sees it: discovery, build options and Hugo's default order.

A language's content becomes a tree of :class:`Page` objects (home → sections → pages), each
list of children sorted as Hugo sorts it.  Pages that Hugo would not list (drafts, ``_build``
options, headless bundles, future or expired dates) are left out; every page that cannot be
read is reported with its file and line.

Each content file is read once (:func:`read_source`; its front matter through
:mod:`manualgen.front_matter`).  The page keeps the text it was read from, so later stages
find the line of what they report (:meth:`Page.find_line`, :meth:`Page.line_of_key`) without
opening the file again.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import decimal
import errno
import functools
import html
import json
import math
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from . import front_matter, permalinks, selection
from .collation import collation_key
from .config import DEFAULT_DATE_KEYS, FILENAME_DATE, FileFilter, Settings
from .errors import ContentError, Findings, not_utf8, readable_path, show, utf8_name
from .front_matter import INVISIBLE as _INVISIBLE
from .front_matter import FrontMatter
from .go_dates import as_datetime as _as_datetime
from .inline_text import plain_inline
from .menus import menu_ordering_pages, order_keys, page_entry, page_ref_path
from .plurals import pluralize

# i18n reads its YAML files with front matter's loader; it still imports them from here.
_YamlLoader = front_matter._YamlLoader
yaml_problem = front_matter.yaml_problem

# Hugo's content formats, by file extension (a page's `markup` front matter overrides it).
# manualgen prints Markdown, HTML and Org (Hugo renders those itself); the others need an
# external program in Hugo too (asciidoctor, pandoc, rst2html), and a renderer manualgen lacks.
MARKUP_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
                    ".html": "html", ".htm": "html",
                    ".adoc": "asciidoc", ".ad": "asciidoc", ".asciidoc": "asciidoc",
                    ".org": "org", ".pandoc": "pandoc", ".pdc": "pandoc", ".rst": "rst"}
MARKUP_ALIASES = {"md": "markdown", "mdown": "markdown", "goldmark": "markdown", "htm": "html",
                  "asciidocext": "asciidoc", "adoc": "asciidoc", "ad": "asciidoc", "pdc": "pandoc"}
OTHER_FORMATS = {"asciidoc": "AsciiDoc", "pandoc": "Pandoc", "rst": "reStructuredText"}
PRINTED_FORMATS = ("markdown", "html", "org")
CONTENT_SUFFIXES = tuple(MARKUP_BY_SUFFIX)
MAX_PAGE_BYTES = 2_000_000  # real pages are a few hundred kB; Markdown slows past that


def normal_words(text: str) -> str:
    """Text reduced to its words, lower case, one space apart: what a rendered element and
    its source line still have in common once Markdown and shortcodes are gone."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def _key_pattern(key: str) -> re.Pattern:
    """A line that sets ``key`` in YAML, TOML or JSON front matter (``title:``, ``title =``,
    ``"title":``, ``[params]``, ``build.list =``, or JSON on one line: ``{"a": 1, "title":``),
    whatever the case (Hugo ignores it); a dotted key is found by its last part."""
    leaf = re.escape(key.split(".")[-1])
    return re.compile(rf"""(^\s*(\[+\s*)?["']?{leaf}["']?|[{{,]\s*"{leaf}")\s*(=|:|\]|\.)""",
                      re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class SourceText:
    """A content file's text as read once by discovery (BOM removed, line ends ``\n``), so
    that every later stage can name the line of what it reports without opening the file."""

    text: str = ""

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")  # only "\n": form feeds and U+2028 are not line ends here

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts in the text: a literal search runs over the whole text at
        once, and a line number is a bisection (thousands of broken links, each looked for
        line by line, took quadratic time: 20,000 took 80 s)."""
        starts, at = [0], -1
        while (at := self.text.find("\n", at + 1)) >= 0:
            starts.append(at + 1)
        return starts

    def _literal_line(self, needle: str, start: int, skip: frozenset[int]) -> int | None:
        """The first line from ``start`` on that holds ``needle``, not among ``skip``."""
        if "\n" in needle or start > len(self._line_starts):
            return None  # a needle never spans lines
        starts = self._line_starts
        position = starts[start - 1]
        while (at := self.text.find(needle, position)) >= 0:
            number = bisect.bisect_right(starts, at)
            if number not in skip:
                return number
            position = starts[number] if number < len(starts) else len(self.text) + 1
        return None

    @functools.cached_property
    def _normal_lines(self) -> list[str]:
        return [normal_words(line) for line in self.lines]

    @functools.cached_property
    def code_lines(self) -> frozenset[int]:
        """The lines inside fenced code blocks, fences included."""
        return frozenset(fenced_lines(self.lines))

    def find_line(self, needle: str, first: int = 1, after: int = 0, literal: bool = True,
                  outside_code: bool = False) -> int | None:
        """The first line, from ``first`` on, that holds ``needle``; from line ``after`` on
        when it is there (the next of several images of the same name).

        ``literal``: the text as written.  Otherwise the words of a rendered element (a
        heading, a paragraph): its first 6, 4, 3, 2 words, then its first word, are looked
        for as whole words, since markup may split or end the line.  ``outside_code``: not
        in a fenced code block (a sample that shows the markup of an image, say)."""
        if not needle:
            return None
        skip = self.code_lines if outside_code else frozenset()
        starts = dict.fromkeys((max(after, first, 1), max(first, 1)))
        if literal:
            return next((number for start in starts
                         if (number := self._literal_line(needle, start, skip)) is not None), None)
        words = normal_words(needle).split()
        haystack = self._normal_lines
        for text in [" ".join(words[:n]) for n in (6, 4, 3, 2) if len(words) >= n] or words[:1]:
            for start in starts:
                for number in range(start, len(haystack) + 1):
                    if f" {text} " in f" {haystack[number - 1]} " and number not in skip:
                        return number
        return None

    def line_of_key(self, key: str, end: int) -> int | None:
        """The first line before line ``end`` (the body's) that sets ``key``."""
        pattern = _key_pattern(key)
        return next((number for number, line in enumerate(self.lines[: max(0, end - 1)], 1)
                     if pattern.search(line)), None)


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def fenced_lines(lines: list[str]) -> set[int]:
    """The numbers (1-based) of the lines inside fenced code blocks, fences included."""
    inside: set[int] = set()
    opening = ""
    for number, line in enumerate(lines, 1):
        m = _FENCE.match(line)
        if opening:
            inside.add(number)
            rest = line.strip()[len(m.group(1)):].strip() if m else "x"
            if m and m.group(1)[0] == opening[0] and len(m.group(1)) >= len(opening) and not rest:
                opening = ""
        elif m:
            opening = m.group(1)
            inside.add(number)
    return inside


@dataclasses.dataclass(eq=False)
class Page:
    lang: str
    path: Path  # absolute path of the source file
    rel: str  # path relative to the language's content folder, posix, without language suffix
    kind: str  # "home", "section" or "page"
    meta: dict
    body: str  # text after the front matter
    body_line: int  # line number (1-based) of the body's first line in the file
    markup: str = "markdown"  # "html": the body is printed as written, shortcodes expanded; "org"
    title: str = ""
    link_title: str = ""
    untitled: bool = False  # Hugo's title is empty (``title`` is a fallback for the print)
    weight: int = 0
    date: dt.datetime | None = None
    description: str = ""
    url: str = ""  # Hugo's relative permalink, e.g. /handbook/fr/plattform/import/
    aliases: list[str] = dataclasses.field(default_factory=list)  # older addresses, as url
    translation_key: str = ""
    children: list[Page] = dataclasses.field(default_factory=list)
    parent: Page | None = dataclasses.field(default=None, repr=False)
    depth: int = 0  # 0 home, 1 chapter, 2 …
    # The file's whole text as discovery read it; empty for a section no file describes
    source: SourceText = dataclasses.field(default_factory=SourceText, repr=False)
    # On the manual's root only: the site's pages it leaves out (other sections, web-only
    # pages), which links may still name: they print with their web address.
    left_out: tuple[Page, ...] = dataclasses.field(default=(), repr=False)
    # On the manual's root only: the pages Hugo builds but never lists or renders on their
    # own (headless bundles, build options), which shortcodes still reach with GetPage:
    # hugoDocs' snippets in _common, its glossary terms.
    unlisted: tuple[Page, ...] = dataclasses.field(default=(), repr=False)

    @property
    def is_section(self) -> bool:
        return self.kind in ("home", "section")

    @property
    def bundle_dir(self) -> Path:
        return self.path.parent

    def line_of_key(self, key: str) -> int | None:
        """The line of the file's front matter that sets ``key`` (any case), for messages."""
        return self.source.line_of_key(key, self.body_line)

    def find_line(self, needle: str, after: int = 0, *, literal: bool = True,
                  anywhere: bool = False, outside_code: bool = False) -> int | None:
        """The first line of the page's body (``anywhere``: of the whole file, front matter
        included) that holds ``needle``, from line ``after`` on when it is there; see
        :meth:`SourceText.find_line` for ``literal`` and ``outside_code``."""
        return self.source.find_line(needle, 1 if anywhere else max(1, self.body_line), after,
                                     literal, outside_code)

    def walk(self):
        """This page and every descendant, in manual order."""
        yield self
        for child in self.children:
            yield from child.walk()


# --- front matter ----------------------------------------------------------------------------


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """Return (metadata, body, line number of the body's first line), as Hugo reads them
    (see :mod:`manualgen.front_matter`); errors name the file and the line inside it."""
    found = front_matter.parse(text, path)
    return found.meta, found.body, found.body_line


def _decode(raw: bytes, path: Path) -> str:
    """A page's bytes as text with ``\n`` line ends, or a ContentError at the bad byte's line."""
    def line_at(offset: int) -> int:  # Windows and old Mac line ends count once each
        before = raw[:offset].replace(b"\r\n", b"\n")
        return before.count(b"\n") + before.count(b"\r") + 1

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"{not_utf8(raw, exc.start)}; save the file as UTF-8",
            path, line_at(exc.start), code="bad-encoding") from None
    if b"\0" in raw:  # UTF-16 text, or a damaged file: the character would vanish from the PDF
        raise ContentError("a NUL byte is not text (is the file UTF-16, or damaged?); save the "
                           "file as UTF-8", path, line_at(raw.index(b"\0")), code="bad-encoding")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends


def read_source(path: Path) -> tuple[SourceText, FrontMatter]:
    """Read a content file, once: its text and its front matter, or a ContentError with the
    file and line (too large, unreadable, not UTF-8, bad front matter)."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:  # a dump or a generated file, not a page: it would take minutes
            raise ContentError(f"the file is {size / 1e6:.1f} MB, far beyond any page "
                               f"(limit {MAX_PAGE_BYTES // 1_000_000} MB); split it into pages",
                               path, 1, code="file-too-large")
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read the file: {exc.strerror}", path, code="unreadable-file") from None
    text = _decode(raw, path)
    return SourceText(text.removeprefix("\ufeff")), front_matter.parse(text, path)


def read_page_file(path: Path) -> tuple[dict, str, int]:
    """(metadata, body, line of the body's first line) of a content file."""
    _source, found = read_source(path)
    return found.meta, found.body, found.body_line


# --- build options -------------------------------------------------------------------------


def _ci(meta: dict, key: str, default=None):
    for k, v in meta.items():
        if isinstance(k, str) and k.lower() == key.lower():
            return v
    return default


# The dates Hugo reads from text in its RFC 3339 family: a day, or a day and a time to the
# second with an optional fraction and zone (its other shapes: go_dates.py).  Python's
# fromisoformat takes more ("20240105", "2024-W01", "2024-01-05 10:00"), which Hugo refuses
# as "not a parsable date".
_DATE_KEYS = ("date", "publishDate", "pubdate", "published", "lastmod", "modified", "expiryDate",
              "unpublishdate")


def page_date(meta: dict, which: str, settings: Settings | None = None) -> dt.datetime | None:
    """The page's ``which`` date ("date", "publishdate" or "expirydate") as Hugo reads it:
    from the first key of the site's ``[frontmatter]`` list (Hugo's default list when the
    site sets none) that holds a date.  So a page without a date is ordered by its
    publishDate or lastmod, and one dated in the future is not published yet."""
    found = _date_and_key(meta, which, settings)
    return found[0] if found else None


def _date_and_key(meta: dict, which: str, settings: Settings | None
                  ) -> tuple[dt.datetime, str] | None:
    """:func:`page_date`, and the front matter key (as written) that held it."""
    keys = (settings.front_matter_dates if settings else DEFAULT_DATE_KEYS).get(which, ())
    for key in keys:
        if key == "date" and which != "date":
            # in the other lists "date" is the page's date as its own list found it (a
            # lastmod, the date in its file name), as Hugo 0.149 and 0.168 read it
            if (found := _date_and_key(meta, "date", settings)) is not None:
                return found
            continue
        found = _ci_key(meta, key)
        value = _as_datetime(meta[found]) if found is not None else None
        if value is not None:
            return value, found
    return None


def is_scheduled(meta: dict, now: dt.datetime, settings: Settings | None = None) -> bool:
    """Whether Hugo builds this page at all: not a draft, not before its publishDate, not
    expired (unless the site's buildDrafts/buildFuture/buildExpired say otherwise).  A section
    that is not built takes its whole subtree with it."""
    if _truthy(_ci(meta, "draft", False)) and not (settings and settings.build_drafts):
        return False
    publish = page_date(meta, "publishdate", settings)
    if publish and publish > now and not (settings and settings.build_future):
        return False
    expiry = page_date(meta, "expirydate", settings)
    return not (expiry and expiry <= now and not (settings and settings.build_expired))


def is_listed(meta: dict, now: dt.datetime, settings: Settings | None = None) -> bool:
    """Whether Hugo lists this page and writes it to the web site (and so whether it belongs
    in a printed manual): built, not headless, listed, and rendered."""
    return (is_scheduled(meta, now, settings) and not _truthy(_ci(meta, "headless", False))
            and _build_option(meta, "list") and _build_option(meta, "render"))


def hides_subtree(meta: dict, now: dt.datetime, settings: Settings | None = None) -> bool:
    """Whether a section's front matter takes it, and every page below it, out of Hugo's page
    tree: a section that is not built, headless, or not listed (``build.list: never``) is in
    no list of its parent's, so nothing below it is reached from the home page.  A section
    that is listed but not rendered (``build.render: never``) stays in the tree."""
    return (not is_scheduled(meta, now, settings) or _truthy(_ci(meta, "headless", False))
            or not _build_option(meta, "list"))


# Values of the build options that turn them off: ``render: link`` gives a page an address
# but writes no page there, so a reader cannot open it either.  As hugo 0.149.1 reads them:
# the words exactly so written ("Never" and "false" in quotes leave the option on), or false
# or 0 (YAML's no), "0" in quotes too (hugo 0.149.1 and 0.168.0).
_BUILD_OFF = {"list": ("never",), "render": ("never", "link")}


def list_policy(meta: dict) -> str:
    """The page's ``build.list`` as hugo reads it: "never" (also false or 0), "local" (its
    section's lists only) or "always" (any other value: "Never" and "false" in quotes)."""
    if not _build_option(meta, "list"):
        return "never"
    return "local" if _build_value(meta, "list") == "local" else "always"


def _build_value(meta: dict, key: str) -> object:
    """The page's build option ``key`` as written (under ``build`` or the older ``_build``);
    "always" when it sets none."""
    build = _ci(meta, "_build", None) or _ci(meta, "build", None)
    return _ci(build, key, "always") if isinstance(build, dict) else "always"


def _build_option(meta: dict, key: str) -> bool:
    """Whether the page's build option ``key`` ("list" or "render", under ``build`` or the
    older ``_build``) is on; ``list: local`` is on: the page stays in its section's list."""
    value = _build_value(meta, key)
    if isinstance(value, (bool, int, float)):
        return bool(value)
    if value == "0":  # read as the number: off (the text "false" is not)
        return False
    return not (isinstance(value, str) and value in _BUILD_OFF[key])


# Hugo Book's and Geekdoc's switch that keeps a page (and a section's pages) out of the menu.
_HIDDEN_KEYS = ("bookHidden", "geekdocHidden")


def no_print(meta: dict) -> bool:
    """Docsy's ``no_print``: its print view leaves the page, and everything below it, out.
    So do a theme's hidden pages (``bookHidden``, ``geekdocHidden``): the manual's contents
    follow the menu, which never shows them (Geekdoc keeps include fragments so)."""
    return print_key(meta) is not None


def print_key(meta: dict) -> str | None:
    """The front-matter key (itself or under ``params``) that leaves the page out of the
    print, or None.  A hidden key counts only when it is true, as the themes test it."""
    params = _ci(meta, "params", None)
    tables = [meta] + ([params] if isinstance(params, dict) else [])
    if any(_param_on(_ci(table, "no_print", False)) for table in tables):
        return "no_print"
    for key in _HIDDEN_KEYS:
        for table in tables:
            value = _ci(table, key, False)
            if value is True or (isinstance(value, str) and value.strip().lower() == "true"):
                return key
    return None


# --- cascade -------------------------------------------------------------------------------

# Front matter keys that are one field under several names: a page that sets one of them
# is not given another by a cascade.
_SAME_FIELD = {"_build": "build", "pubdate": "publishdate", "published": "publishdate",
               "unpublishdate": "expirydate"}


def _field(key: str) -> str:
    return _SAME_FIELD.get(key.lower(), key.lower())


def logical_path(rel: str) -> str:
    """Hugo's logical path of a page (what ``cascade.target.path`` matches): ``/guide/setup``
    for guide/setup.md, guide/setup/index.md or guide/setup/_index.md; ``/`` for the home."""
    path = Path(rel)
    parts = list(path.parent.parts) if path.stem in ("index", "_index") else [*path.parent.parts, path.stem]
    return "/" + "/".join(re.sub(r"\s+", "-", p).lower() for p in parts if p != ".")


def glob_regex(pattern: str) -> re.Pattern:
    """A Hugo glob (``*`` within a path segment, ``**`` across, ``?``, ``[a-z]``, ``{a,b}``)
    as a regular expression; matched without regard to case, as Hugo does."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end
        elif c == "{":
            out.append("(?:")
            depth += 1
        elif c == "}" and depth:
            out.append(")")
            depth -= 1
        elif c == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    try:
        return re.compile("".join(out) + ")" * depth + r"\Z", re.IGNORECASE)
    except re.error:  # a pattern Hugo would reject matches nothing here
        return re.compile(r"(?!)")


def bundle_folders(settings: Settings, page: Page) -> list[Path]:
    """Every folder that holds files of the page's bundle: its own file's folder first, then
    the same folder in each other content folder mounted for its language.  Hugo merges the
    mounts, so a section described in content/en/docs owns the pictures a second mount keeps
    in its docs/ folder, and publishes them at the section's address."""
    parent = PurePosixPath(page.rel).parent
    folders = [page.path.parent]
    for root, target in content_roots(settings, page.lang):
        target = target.strip("/")
        if not target:
            folders.append(root / parent)
        elif parent == PurePosixPath(target) or PurePosixPath(target) in parent.parents:
            folders.append(root / parent.relative_to(target))
    return list(dict.fromkeys(folders))


def named_resource(page: Page, name: str) -> Path | None:
    """The file of the page's bundle that its ``resources`` front matter names ``name``, as
    Hugo's ``.Resources.Get`` finds it (the embedded image render hook looks images up so):
    each entry's ``src`` is a glob over the bundle's files, and the first entry matching a
    file gives its name, without regard to case.  Names with ``:counter`` are not followed."""
    entries = _ci(page.meta, "resources")
    if PurePosixPath(page.rel).stem not in ("index", "_index") or not isinstance(entries, list):
        return None
    folder = page.path.parent
    files = _bundle_files(folder)
    named: dict[str, str] = {}  # a bundle file's path → the name the first entry gave it
    for entry in (e for e in entries if isinstance(e, dict)):
        given, pattern = _ci(entry, "name"), _ci(entry, "src")
        if not isinstance(given, str) or not isinstance(pattern, str) or ":counter" in given:
            continue
        for rel in files:
            if glob_regex(pattern.lstrip("/")).match(rel):
                named.setdefault(rel, given)
    found = sorted(rel for rel, given in named.items() if given.lower() == name.lower())
    return folder / found[0] if found else None


def _bundle_files(folder: Path) -> tuple[str, ...]:
    """The files of a bundle folder (its resources and its index), posix paths below it."""
    return tuple(sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")
                        if path.is_file()))


def _targets(entry: dict, rel: str, kind: str, lang: str, settings: Settings) -> bool:
    """Whether a cascade entry's ``target`` (or ``_target``) takes in this page."""
    target = _ci(entry, "target", None) or _ci(entry, "_target", None)
    if not isinstance(target, dict):
        return True
    checks = (("path", logical_path(rel)), ("kind", kind), ("lang", lang),
              ("environment", settings.environment))
    for key, value in checks:
        pattern = _ci(target, key, None)
        if pattern and not glob_regex(str(pattern)).match(value):
            return False
    sites = _ci(target, "sites", None)
    matrix = _ci(sites, "matrix", None) if isinstance(sites, dict) else None
    languages = _ci(matrix, "languages", None) if isinstance(matrix, dict) else None
    return not isinstance(languages, list) or any(glob_regex(str(p)).match(lang) for p in languages)


def _cascade_entries(meta: dict) -> list[dict]:
    value = _ci(meta, "cascade", None)
    entries = value if isinstance(value, list) else [value]
    return [e for e in entries if isinstance(e, dict)]


def apply_cascade(meta: dict, entries: list[dict], rel: str, kind: str, lang: str,
                  settings: Settings) -> None:
    """Fill ``meta`` with the values cascaded to it, nearest ancestor first: a field the page
    sets itself, or that a nearer ancestor cascaded, is kept (``params`` key by key)."""
    for entry in entries:
        if not _targets(entry, rel, kind, lang, settings):
            continue
        for key, value in entry.items():
            if not isinstance(key, str) or key.lower() in ("target", "_target", "cascade"):
                continue
            if key.lower() == "params" and isinstance(value, dict):
                name = next((k for k in meta if isinstance(k, str) and k.lower() == "params"), None)
                if name is not None and isinstance(meta[name], dict):  # a copy: what was read stays
                    own = meta[name] = dict(meta[name])
                else:
                    own = meta["params"] = {}
                for name, item in value.items():
                    if _ci(own, str(name), None) is None:
                        own[name] = item
            elif not any(_field(k) == _field(key) for k in meta if isinstance(k, str)):
                meta[key] = value


def _truthy(value) -> bool:
    """A front matter switch of Hugo's (``draft``, ``headless``) as its cast.ToBool reads it:
    a text only as Go's strconv.ParseBool does ("true", "T", "1" …; "yes" is false)."""
    if isinstance(value, str):
        return value in _GO_BOOLS[:6]
    return bool(value)


def _param_on(value) -> bool:
    """A theme's switch in the front matter (Docsy's ``no_print``, a chapter page's
    ``chapter``), which the theme's template tests: "true", "yes" and "1" as text too."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


# --- ordering ------------------------------------------------------------------------------


# Go's zero time (0001-01-01 UTC) in Unix seconds: a page without a date is dated so in Hugo.
_ZERO_TIME = -62135596800


def hugo_sort_key(page: Page):
    """Hugo's default page order: weight (0 = unset, last), date newest first, link title, path.
    An untitled page's link title is empty (first), whatever fallback title the print shows.
    The path is Hugo's logical path, lower-cased (``.Path``: ``a.md`` before ``B.md``, a page
    before ``apage/`` … as Hugo 0.149.1 and 0.168.0 order them), the file's own name last."""
    weight = page.weight
    weighted = 0 if weight != 0 else 1
    # Hugo compares whole seconds (Go's Time.Unix); no date is Go's zero time, the oldest.
    ts = -math.floor(page.date.timestamp()) if page.date else -_ZERO_TIME
    title = page.link_title or ("" if page.untitled else page.title)
    # compared as Hugo compares them, each path ending in "/" ("/a-b/" before "/a/")
    path = logical_path(page.rel).rstrip("/") + "/"
    return (weighted, weight, ts, collation_key(title, page.lang), path, page.rel)


def sort_pages(pages: list[Page]) -> list[Page]:
    return sorted(pages, key=hugo_sort_key)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "if", "in", "nor", "of", "on",
                "or", "per", "so", "the", "to", "up", "v", "v.", "via", "vs", "vs.", "yet"}


def section_title(folder: str, settings: Settings) -> str:
    """Hugo's title for a section without an _index file: the folder's name, pluralized in
    English as Hugo does ("guide" → "Guides", "child" → "Children", plurals.py) and capitalized unless the site turns that off
    (pluralizeListTitles, capitalizeListTitles, titleCaseStyle)."""
    name = pluralize(folder) if settings.pluralize_list_titles else folder
    return title_cased(name, settings) if settings.capitalize_list_titles else name


def title_cased(text: str, settings: Settings) -> str:
    """``text`` in the site's title case (``titleCaseStyle``: "ap", the default, leaves the
    small words of English lower case but the first and the last; "go" capitalizes every
    word; "firstupper" only the first; "none" changes nothing)."""
    style = settings.title_case_style
    if style == "none":
        return text
    if style == "firstupper":
        return text[:1].upper() + text[1:]
    words = text.split(" ")
    last = max((i for i, w in enumerate(words) if w), default=0)
    # a word ends a title, or a part of it before a colon; the word after a colon begins one
    ends = {i for i, w in enumerate(words) if i == last or w.endswith(":")}
    begins = {0} | {i + 1 for i in ends}
    return " ".join(_title_word(w, i in begins or i in ends or style == "go", style)
                    for i, w in enumerate(words))


def _title_word(word: str, always: bool, style: str) -> str:
    """One word in title case, each part between hyphens and slashes too, as Hugo writes
    them: "only-sub" → "Only-Sub", "on/off" → "On/Off"; in "ap", "end-of-life" →
    "End-of-Life" and "and/or" → "and/or" (a small word after a hyphen or slash stays lower
    case) and "go to the-end" → "Go to The-End" (a hyphenated word's first part never does).
    The first letter is the one made a capital: "(in)" → "(In)", "**bold**" → "**Bold**"."""
    parts = re.split(r"([-/])", word)
    joined = len(parts) > 1 and "-" in parts

    def capital(n: int, part: str) -> bool:
        small = part.strip(_PUNCTUATION).lower() in _SMALL_WORDS
        if n == 0:
            return always or joined or not small
        return style == "go" or not small

    return "".join(part if n % 2 else _first_letter_up(part) if capital(n // 2, part) else part
                   for n, part in enumerate(parts))


_PUNCTUATION = "\"'()[]{}*_`.,;:!?«»„“”‘’"


def _first_letter_up(part: str) -> str:
    for at, char in enumerate(part):
        if char.isalnum():
            return part[:at] + char.upper() + part[at + 1:]
    return part


# --- URLs ----------------------------------------------------------------------------------


def urlize(segment: str, style: permalinks.PathStyle = permalinks.HUGO_DEFAULT) -> str:
    """A folder or file name as Hugo puts it into a page's address (permalinks.py)."""
    return permalinks.path_segment(segment, style)


def _page_url(settings: Settings, lang: str, rel: str, kind: str, meta: dict,
              sections: dict[str, tuple] | None = None) -> str:
    """The page's web address below the site: its ``url``, else the site's ``[permalinks]``
    pattern for its section, else its file's path.  ``sections``: the folders Hugo makes
    sections of (:func:`section_folders`), for the patterns that name them."""
    prefix = settings.base_path
    lang_prefix = lang + "/" if lang != settings.default_language or settings.default_in_subdir else ""
    explicit = _ci(meta, "url", None)
    if isinstance(explicit, str) and explicit.strip("/ "):
        # Hugo: with a leading slash the url is below the baseURL; without one, on a
        # multilingual site, below the baseURL and the language prefix.  "x.html" stays a file.
        path = explicit.strip()
        if not path.startswith("/") and len(settings.languages) > 1:
            path = lang_prefix + path
        path = prefix + path.lstrip("/")
        return path if Path(path.rstrip("/")).suffix else path.rstrip("/") + "/"
    prefix += lang_prefix
    style = settings.path_style
    # a page's section for [uglyURLs]: its top folder; a bundle at the top is in none
    top = rel.split("/")[0] if "/" in rel and not (Path(rel).stem == "index" and rel.count("/") == 1) else ""
    ugly = kind == "page" and style.is_ugly(top)
    rules = _permalink_rules(settings, lang)
    if rules and kind in ("page", "section"):
        pattern = _permalink(rules, settings, rel, kind, meta, sections)
        if pattern is not None:
            return prefix + _ugly(pattern.lstrip("/"), ugly)
    parts = rel.split("/")[:-1]
    stem = Path(rel).stem
    segments = [urlize(p, style) for p in parts]
    slug = _ci(meta, "slug", None)
    if kind == "page" and stem != "index":
        segments.append(_slug_segment(str(slug), ugly, style) if slug else urlize(stem, style))
    elif kind == "page" and stem == "index" and slug and segments:
        segments[-1] = _slug_segment(str(slug), ugly, style)
    path = "/".join(s for s in segments if s)
    return prefix + _ugly(path + "/" if path else "", ugly)


def _slug_segment(slug: str, ugly: bool, style: permalinks.PathStyle) -> str:
    """A page's slug in its address.  As a file of its own (uglyURLs) Hugo makes the slug
    and its ".html" one path, so a space that ends the slug stays a hyphen ("trail " →
    "trail-.html"; as a folder, "trail/"), checked with hugo 0.149.1."""
    if ugly:
        return permalinks.urlize(slug + ".html", False, style).removesuffix(".html")
    return permalinks.urlize(slug, False, style)


def _ugly(path: str, ugly: bool) -> str:
    """A page's path as a file of its own ("posts/a.html") where the site asks for uglyURLs."""
    return path.rstrip("/") + ".html" if ugly and path.endswith("/") and path.strip("/") else path


def _permalink_rules(settings: Settings, lang: str) -> tuple:
    """The language's own ``[languages.<lang>.permalinks]``, else the site's: as hugo
    0.149.1 reads them, a language's table takes the place of the site's whole."""
    language = settings.languages.get(lang)
    own = getattr(language, "permalinks", None)
    return own if own is not None else settings.permalinks


def _permalink(rules: tuple, settings: Settings, rel: str, kind: str, meta: dict,
               sections: dict[str, tuple] | None) -> str | None:
    """The page's path from the site's ``[permalinks]`` pattern for its section, or None."""
    parts = rel.split("/")[:-1]
    folders = [urlize(part, settings.path_style) for part in parts]
    stem = Path(rel).stem
    bundle = stem in ("index", "_index")
    above = parts[:-1] if kind == "page" and stem == "index" else parts  # a bundle is no section
    sections = sections or {}
    own = len(parts) if kind == "section" else next(
        (n for n in range(len(above), 0, -1) if "/".join(above[:n]) in sections),
        0 if sections else min(1, len(above)))
    # the sections above the page, each by its slug or title (:sectionslugs)
    chain = ["/".join(parts[:n]) for n in range(1, own + 1)]
    title, slug = _ci(meta, "title", None), _ci(meta, "slug", None)
    facts = permalinks.PageFacts(
        kind=kind, path="/".join(folders + ([] if bundle else [urlize(stem, settings.path_style)])).lower(),
        sections=tuple(folders[:own]),
        # Hugo's title: a page or _index.md without one has none (":title" is "")
        title=str(title) if isinstance(title, (str, int, float)) and not isinstance(title, bool) else "",
        slug=str(slug) if isinstance(slug, (str, int, float)) and not isinstance(slug, bool) else "",
        file_name=stem, base_name=rel.split("/")[-2] if bundle and folders else stem,
        date=page_date(meta, "date", settings) or (
            sections.get(_folder(rel), ("", None))[1] if kind == "section" else None),
        section_slugs=tuple(sections.get(folder, (folder.split("/")[-1],))[0] for folder in chain))
    rule = permalinks.rule_for(rules, facts)
    return permalinks.expand(rule.pattern, facts, settings.path_style) if rule is not None else None


def section_slugs(metas: dict[str, dict]) -> dict[str, str]:
    """The sections whose ``_index`` sets a ``slug``: folder → slug (a section's ``url`` sets
    its own address, its pages' still follow the slug in Hugo 0.168)."""
    out = {}
    for folder, meta in _section_meta(metas).items():
        slug = _ci(meta, "slug", None)
        if isinstance(slug, (str, int, float)) and not isinstance(slug, bool) and str(slug).strip():
            out[folder] = str(slug).strip()
    return out


def _slugged_url(settings: Settings, lang: str, rel: str, kind: str, meta: dict, url: str,
                 slugs: dict[str, str]) -> list[str]:
    """The page's address as Hugo ≥ 0.167 makes it, where a section's ``slug`` names the
    section in its own address and in those of the pages below it (``sec/_index.md`` with
    ``slug: guide``: /guide/, /guide/page/); Hugo up to 0.165 ignored it, as ``url`` does
    here.  A link written either way finds the page.  Nothing with a ``url`` or a permalink
    pattern, which decide the address alone."""
    parts = rel.split("/")[:-1]
    renamed = [slugs.get("/".join(parts[:n + 1]), part) for n, part in enumerate(parts)]
    if renamed == parts or _ci(meta, "url", None) or _permalink_rules(settings, lang):
        return []
    other = _page_url(settings, lang, "/".join(renamed + rel.split("/")[-1:]), kind, meta)
    return [other] if other != url else []


def _alias_urls(settings: Settings, lang: str, url: str, meta: dict) -> list[str]:
    """A page's ``aliases`` as addresses like its url: "/old" below the baseURL and the
    language prefix (and without the prefix, as older Hugo versions and writers' links have
    it), "old" or "../old" beside the page."""
    value = _ci(meta, "aliases", None)
    aliases = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    lang_prefix = lang + "/" if lang != settings.default_language or settings.default_in_subdir else ""
    out = []
    for alias in (str(a).strip() for a in aliases):
        if alias.startswith("/"):
            paths = [settings.base_path + lang_prefix + alias.lstrip("/"), settings.base_path + alias.lstrip("/")]
        elif alias and not alias.startswith(_WEB):  # a web address is an error (_check_addresses)
            try:
                paths = [posixpath.normpath(urljoin(url.rstrip("/"), alias))]
            except ValueError:  # "//[x": a host Python cannot read
                paths = []
        else:
            paths = []
        out += [p if Path(p.rstrip("/")).suffix else p.rstrip("/") + "/" for p in paths]
    return list(dict.fromkeys(out))


# --- discovery -----------------------------------------------------------------------------
#
# discover() is a chain of steps, each taking what the one before returned:
#   find files → read each once → cascade → keep what Hugo publishes and lists → pages
#   → tree of sections → Hugo's order.
# The cascade comes before the filter: a section may cascade ``draft`` or build options.


@dataclasses.dataclass(frozen=True)
class _Source:
    """A content file as read: where it is, its text, its front matter."""

    path: Path
    text: SourceText
    front: FrontMatter


def discover(settings: Settings, lang: str, findings: Findings, now: dt.datetime) -> Page | None:
    """Read every page of one language and return the home page with the sorted tree.

    Unreadable pages are reported as errors in ``findings`` and left out; the caller decides
    whether to go on.  Returns None when the language has no content at all.
    """
    files = find_files(settings, lang, findings)
    if not files:
        return None
    sources = read_files(files, findings, lang)
    metas = filename_dates(cascade(sources, settings, lang), settings)
    kept = printed(metas, now, settings)
    sections = section_folders(files, metas, settings) if _permalink_rules(settings, lang) else {}
    slugs = section_slugs(metas)
    pages = {rel: page for rel in kept
             if (page := make_page(rel, sources[rel], metas[rel], settings, lang, findings, sections,
                                   slugs))}
    check_dates_not_printed(sources, metas, set(kept), findings, lang)
    report_shared_addresses(pages, settings, findings, lang)
    home = build_tree(pages, set(files), metas, settings, lang, now, sections)
    root = selection.select(home, settings, lang, findings,
                            unlisted(metas, sources, set(kept), now, settings))
    _order(root, 0, _site_order(settings, lang))
    if settings.menu:
        _order_by_menu(root, settings, lang, findings)
    else:
        _note_menu_order(root, findings, lang)
        _note_title_ties(root, findings, lang)
    root.unlisted = unlisted_pages(sources, metas, set(kept), now, settings, lang,
                                   (sections, slugs))
    return root


def check_dates_not_printed(sources: dict[str, _Source], metas: dict[str, dict], kept: set[str],
                            findings: Findings, lang: str) -> None:
    """Hugo reads the dates of every page, drafts and expired ones too, and stops at one it
    cannot read: the same error for the pages the manual leaves out (no other finding)."""
    for rel in sorted(set(sources) - kept):
        report = _Reporter(sources[rel], findings, lang)
        for key in _DATE_KEYS:
            _check_date(_ci_key(metas[rel], key), metas[rel], sources[rel].front, report,
                        numbers=False)


def report_shared_addresses(pages: dict[str, Page], settings: Settings, findings: Findings,
                            lang: str) -> None:
    """A warning for each page whose web address another page of the language has already
    (two ``slug``s alike, a ``url`` that names another page's address, ``a.md`` beside
    ``a/_index.md``): Hugo writes one file over the other, so the web site shows one page
    where the manual prints both.  At the line of the page's ``url`` or ``slug``."""
    first: dict[str, Page] = {}
    for rel in sorted(pages):
        page = pages[rel]
        if not page.url:
            continue
        other = first.setdefault(page.url, page)
        if other is page:
            continue
        key = next((k for k in ("url", "slug") if _ci(page.meta, k, None)), None)
        line = page.line_of_key(key) if key else 1
        findings.warning("same-address", f"this page and {show(other.path, settings.site_root)} "
                         f"have the same web address, {page.url}: Hugo writes one over the "
                         "other, so the web site shows only one of them (the manual prints "
                         "both); give one of them its own slug or url", page.path, line,
                         lang=lang)


def unlisted_pages(sources: dict[str, _Source], metas: dict[str, dict], kept: set[str],
                   now: dt.datetime, settings: Settings, lang: str,
                   addresses: tuple[dict, dict]) -> tuple[Page, ...]:
    """The pages Hugo builds that the manual does not print because Hugo lists or renders
    them nowhere (headless, build options): a shortcode may still fetch one with GetPage.
    Drafts, scheduled and expired pages (and those below such a section) Hugo does not
    build.  Their own findings are not reported: they are not printed as pages.
    ``addresses``: the section folders and slugs :func:`discover` found (their web
    addresses are made from them)."""
    unbuilt = [_folder(rel) for rel, meta in _section_meta(metas).items()
               if not is_scheduled(meta, now, settings)]
    quiet = Findings()
    sections, slugs = addresses
    made = (make_page(rel, sources[rel], metas[rel], settings, lang, quiet, sections, slugs)
            for rel in sorted(set(metas) - kept)
            if is_scheduled(metas[rel], now, settings)
            and not any(_inside(_folder(rel), top) for top in unbuilt))
    return tuple(page for page in made if page is not None)


# Finding the files ---------------------------------------------------------------------------


def content_roots(settings: Settings, lang: str) -> list[tuple[Path, str]]:
    """The language's content folders, each with the folder below content/ where Hugo mounts
    it ("" for the top; "docs" for a module mount with ``target = "content/docs"``)."""
    language = settings.languages[lang]
    return list(language.mounts) or [(folder, "") for folder in language.content_dirs]


def left_out_by_mount(settings: Settings, lang: str, path: Path) -> bool:
    """Whether one of the language's content mounts, or a static mount, holds the file
    ``path`` but its includeFiles or excludeFiles leave it out: the site keeps it out of the
    language (or of the published files) on purpose."""
    filters = {**settings.languages[lang].file_filters, **settings.static_filters}
    if not filters:
        return False
    real = path.resolve()
    for (folder, _target), files in filters.items():
        source = folder.resolve()
        if real.is_relative_to(source) and not files.admits(real.relative_to(source).as_posix()):
            return True
    return False


def find_files(settings: Settings, lang: str, findings: Findings) -> dict[str, Path]:
    """Every content file of the language, by its path below content/ (posix, without a
    language suffix); the first folder that has a path wins, as Hugo's mounts do.  A leaf
    bundle's other content files are its resources, not pages.  As in Hugo, a language in
    the file's name wins over the folder's: content/en/page.fr.md is a French page, found
    in the other languages' folders too."""
    files: dict[str, Path] = {}
    every_language: set[str] = set()  # leaf bundles are folders, whatever the language
    for folder in content_folders(settings, lang):
        if folder.path.is_file() and folder.target.strip("/"):  # one file: the page at its target
            file_lang, _rel = _rel_of(folder.path, folder, settings)
            if file_lang == lang and _is_content_file(folder.path, folder.path, settings,
                                                      findings, lang):
                files.setdefault(folder.target.strip("/"), folder.path)
            continue
        if not folder.path.is_dir():
            continue
        if folder.own:
            _report_unreadable_folders(folder.path, findings, lang)
        named = f".{lang}."  # in another language's folder, only a name like page.fr.md
        for path in sorted(folder.path.rglob("*")):
            if not folder.own and named not in path.name.lower():
                continue
            rel_path = path.relative_to(folder.path).as_posix()
            if folder.files is not None and not folder.files.admits(rel_path):
                continue
            file_lang, rel = _rel_of(path, folder, settings)
            if not folder.own and file_lang != lang:
                continue
            if path.name == CONTENT_ADAPTER and path.is_file():
                _report_content_adapter(path, folder.path, settings, findings, lang)
            if _is_content_file(path, folder.path, settings, findings, lang):
                if file_lang == lang:
                    files.setdefault(rel, path)
                if folder.own:
                    every_language.add(rel)
    _report_unknown_file_languages(files, every_language, settings, findings, lang)
    _report_home_bundle(files, every_language | set(files), findings, lang)
    return _without_bundle_resources(files, every_language | set(files))


def _report_home_bundle(files: dict[str, Path], rels: set[str], findings: Findings,
                        lang: str) -> None:
    """An index.md (not _index.md) in the content folder's root, in any language (``rels``),
    makes the home page a leaf bundle: Hugo (which warns of it) publishes no other page,
    every other content file being a resource of the home.  A warning when that leaves pages
    of the language out: at its index file, else at the first page left out."""
    if Path(".") not in _leaf_bundles(rels):
        return
    home = next((rel for rel in files if Path(rel).stem == "index" and "/" not in rel), None)
    lost = sorted(rel for rel in files if rel != home)
    if not lost:
        return
    name = files[home].name if home else "An index file of another language"
    findings.warning("home-bundle", f"{name} in the content folder's root makes the home page a "
                     f"leaf bundle, as Hugo reads it: the {len(lost)} other page(s) of the language "
                     "are its resources, not pages, and neither the web site nor the manual has "
                     "them; name it _index.md", files[home or lost[0]], 1, lang=lang)


# ISO 639-1: a name's last dotted part that is one of these (with a region or script) reads as
# a language to a writer, though Hugo reads only the site's languages there
_ISO_639_1_CODES = """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr
cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os
pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"""
_ISO_639_1 = frozenset(_ISO_639_1_CODES.split())
_LANGUAGE_TAG = re.compile(r"([a-z]{2})(?:[-_](?:[a-z]{2}|[a-z]{4}|[0-9]{3}))?", re.IGNORECASE)


def _report_unknown_file_languages(files: dict[str, Path], every_language: set[str],
                                   settings: Settings, findings: Findings, lang: str) -> None:
    """A translation named for a language the site does not have (page.pt.md on a site with
    pt-br, Gitea's page.ru-ru.md before ru-ru was added) is published by Hugo as another page
    of this language, beside the page it translates: a warning on each such file."""
    for rel, path in files.items():
        base, _, suffix = Path(rel).stem.rpartition(".")
        tag = _LANGUAGE_TAG.fullmatch(suffix)
        original = posixpath.join(posixpath.dirname(rel), base + Path(rel).suffix)
        if not base or tag is None or tag.group(1).lower() not in _ISO_639_1 \
                or original not in every_language | set(files):
            continue
        near = [key for key in settings.languages if key.split("-")[0] == tag.group(1).lower()]
        advice = (f'name it {base}.{near[0]}{path.suffix}' if near else
                  f'add "{suffix}" to the site\'s languages, or name it for one of them')
        findings.warning("unknown-file-language", f'the file\'s name gives the language "{suffix}", '
                         f"which is not a language of the site ({', '.join(settings.languages)}): "
                         f'Hugo publishes it as a page of "{lang}" beside the page it translates; '
                         f"{advice}", path, lang=lang)


@dataclasses.dataclass(frozen=True)
class ContentFolder:
    """A content folder (or a mounted file) as one language finds it."""
    path: Path
    target: str  # where it sits below content/ ("" for the top)
    own: bool  # one of the language's folders (else another's: only pages named for it)
    owner: str  # the language of its files whose name names none
    files: FileFilter | None  # its mount's includeFiles and excludeFiles


def content_folders(settings: Settings, lang: str) -> list[ContentFolder]:
    """Every language's content folders, in the order Hugo mounts them (for a page two
    folders hold, the first wins): the content mounts as written, else the default
    language's folder, then the others'.  The language's own folders give it their pages;
    the others only those whose file names name it.  The files of a folder every language
    reads (translations by file name) are the default language's unless their names name
    another, except in a mount that names the language: there they are its own (a folder
    mounted for two languages by name gives its pages to both)."""
    readers: dict[tuple[Path, str], list[str]] = {}
    for code in [lang, *settings.languages]:
        for key in content_roots(settings, code):
            if code not in readers.setdefault(key, []):
                readers[key].append(code)
    every = len(settings.languages) > 1
    order = _mount_order(settings, lang)
    named = {(path, target) for path, target, codes in settings.content_mounts
             if codes is not None and lang in codes}  # mounted for the language by name
    shared = {(path, target) for path, target, codes in settings.content_mounts if codes is None}
    folders = []
    for (path, target), codes in sorted(readers.items(),
                                        key=lambda item: order.get(item[0], len(order))):
        owner = (lang if (path, target) in named
                 else settings.default_language if (path, target) in shared or (
                     every and len(codes) == len(settings.languages))
                 else codes[0])
        folders.append(ContentFolder(path, target, codes[0] == lang, owner,
                                     settings.languages[codes[0]].file_filters.get((path, target))))
    return folders


def _mount_order(settings: Settings, lang: str) -> dict[tuple[Path, str], int]:
    """The place of each content folder in Hugo's order, for ``lang``: where the content
    mounts as written first mount it for ``lang`` (a folder mounted for several languages
    sits where each language's mount is), else first mount it at all; without content
    mounts, the default language's folders before the other languages' (as hugo 0.149.1
    takes a page two folders hold)."""
    if settings.content_mounts:
        mounts = [((path, target), codes is None or lang in codes)
                  for path, target, codes in settings.content_mounts]
    else:
        codes = sorted(settings.languages, key=lambda code: code != settings.default_language)
        mounts = [(key, True) for code in codes for key in content_roots(settings, code)]
    order: dict[tuple[Path, str], int] = {}
    for index, (key, for_lang) in enumerate(mounts):
        if for_lang:
            order.setdefault(key, index)
    for index, (key, _for_lang) in enumerate(mounts):
        order.setdefault(key, index)
    return order


# Hugo's content adapter: a Go template in a content folder that adds pages as Hugo builds.
CONTENT_ADAPTER = "_content.gotmpl"


def _report_content_adapter(path: Path, root: Path, settings: Settings, findings: Findings,
                            lang: str) -> None:
    """A content adapter's pages exist only while Hugo runs it, which manualgen does not:
    say so, once per file and language, unless Hugo would not read the file either."""
    if any(part.startswith(".") for part in path.relative_to(root).parts) or any(
            pattern.search(str(path)) for pattern in settings.ignore_files):
        return
    findings.warning("content-adapter", "a content adapter: Hugo runs this Go template to add "
                     "pages as it builds the site; manualgen does not run Go templates, so the "
                     "pages it adds are not in the manual (write them as content files to "
                     "print them)", path, lang=lang)


def _report_unreadable_folders(root: Path, findings: Findings, lang: str) -> None:
    """rglob skips a folder it may not read without a word: say which, once."""
    for _ in os.walk(root, onerror=lambda exc: findings.error(
            "unreadable-file", f"cannot read the folder: {exc.strerror}; its pages are left "
            "out", exc.filename, lang=lang)):
        pass


def _is_content_file(path: Path, root: Path, settings: Settings, findings: Findings,
                     lang: str) -> bool:
    """A file Hugo reads as a page: a content suffix, no dot file or folder, not named by
    ignoreFiles (backups such as "page.md~" have no content suffix); a broken symbolic link
    is reported."""
    if path.suffix.lower() not in CONTENT_SUFFIXES:
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    if any(pattern.search(str(path)) for pattern in settings.ignore_files):
        return False
    if not utf8_name(path.relative_to(root)):
        findings.error("bad-file-name", "the name of the file or of a folder above it is not "
                       "UTF-8 text, so it cannot be printed (nor named in a link): rename it; "
                       "the page is left out", readable_path(path), lang=lang)
        return False
    if path.is_symlink():
        _report_linked_page(path, root, settings, findings, lang)
        return False
    return path.is_file() and _inside_site(path, root, settings, findings, lang)


def _report_linked_page(path: Path, root: Path, settings: Settings, findings: Findings,
                        lang: str) -> None:
    """A content file that is a symbolic link: Hugo (0.149.1) publishes no page from it, and
    says nothing; so the manual leaves it out, with a note (an error where the link is broken
    or leads out of the site)."""
    if not path.exists():  # a page that went missing
        _report_broken_link(path, findings, lang)
    elif _inside_site(path, root, settings, findings, lang) and path.is_file():
        findings.info(selection.CODE, f'the file is a symbolic link (to "{os.readlink(path)}"): '
                      "Hugo publishes no page from a linked file, so the web site lacks it too; "
                      "copy the file here to print it", path, lang=lang)


def _inside_site(path: Path, root: Path, settings: Settings, findings: Findings,
                 lang: str) -> bool:
    """A page that is a symbolic link to a file outside the site (and outside its content
    folder) is refused: a build prints nothing from beyond the site, as its images and
    stylesheets are refused."""
    real = path.resolve()
    if any(real.is_relative_to(folder.resolve()) for folder in (root, settings.site_root)):
        return True
    target = os.readlink(path) if path.is_symlink() else real
    findings.error("unreadable-file", f'the file is a symbolic link to "{target}", '
                   "outside the site; a build reads nothing outside the site, so the page is "
                   "left out: copy the file into the site instead", path, lang=lang)
    return False


def _report_broken_link(path: Path, findings: Findings, lang: str) -> None:
    try:
        path.stat()
        why = "which does not exist"
    except OSError as exc:  # a loop: "Too many levels of symbolic links"
        why = ("which does not exist" if exc.errno == errno.ENOENT else
               f"which cannot be read ({exc.strerror.lower()})")
    findings.error("unreadable-file", f'the file is a symbolic link to "{os.readlink(path)}", '
                   f"{why}; the page is left out", path, lang=lang)


def _rel_of(path: Path, folder: ContentFolder, settings: Settings) -> tuple[str | None, str]:
    """The file's language (None for a language the site disables) and its path below
    content/ (its mount's target first, without the language in its name)."""
    file_lang, stem = _language_of(path, settings)
    rel_path = path.relative_to(folder.path)
    if file_lang:
        rel_path = rel_path.parent / (stem + path.suffix)
    else:
        file_lang = folder.owner
    if file_lang in settings.disabled_languages:
        file_lang = None
    target = folder.target.strip("/")
    return file_lang, posixpath.join(target, rel_path.as_posix()) if target else rel_path.as_posix()


def _leaf_bundles(rels: Iterable[str]) -> set[Path]:
    """Folders holding an index.md (and no _index.md, which makes the folder a section): a
    leaf bundle is one page, whatever else it holds; the content root too, whose index.md
    is then the home page (as Hugo 0.149 reads it, warning)."""
    rels = list(rels)
    return {Path(rel).parent for rel in rels if Path(rel).stem == "index"} - _branch_bundles(rels)


def _branch_bundles(rels: Iterable[str]) -> set[Path]:
    """Folders holding an _index.md (the home's folder too)."""
    return {Path(rel).parent for rel in rels if Path(rel).stem == "_index"}


def _without_bundle_resources(files: dict[str, Path], rels: set[str]) -> dict[str, Path]:
    """Leave out the content files beside or below a leaf bundle's index (an _index.md in a
    folder of the bundle too): in Hugo they are the bundle's resources, not pages of their
    own; and an index.md beside an _index.md,
    which Hugo passes over for it.  ``rels`` are the content paths of every language: a
    folder that is a leaf bundle in one language (bund/index.fr.md) is one in all of them."""
    leaves, branches = _leaf_bundles(rels), _branch_bundles(rels)

    def kept(path: Path) -> bool:
        if path.stem == "index" and path.parent in branches:
            return False
        # a bundle's own index is its page; anything below a leaf bundle, an _index.md of a
        # folder in it too, is a resource of that bundle
        above = path.parents[1:] if path.stem in ("index", "_index") else path.parents
        return not any(leaf in above for leaf in leaves)

    return {rel: path for rel, path in files.items() if kept(Path(rel))}


def _language_of(path: Path, settings: Settings) -> tuple[str | None, str]:
    """For translations by file name: ("fr", "page") for page.fr.md, also for a language the
    site disables (its pages are then in no printed language); (None, stem) otherwise."""
    stem = path.stem
    if "." in stem:
        base, _, suffix = stem.rpartition(".")
        if suffix.lower() in settings.languages or suffix.lower() in settings.disabled_languages:
            return suffix.lower(), base
    return None, stem


# Reading, cascading, filtering ---------------------------------------------------------------


def read_files(files: dict[str, Path], findings: Findings, lang: str) -> dict[str, _Source]:
    """Each file read once, in path order; one that cannot be read is an error, left out."""
    sources = {}
    for rel, path in sorted(files.items()):
        try:
            text, front = read_source(path)
        except ContentError as exc:
            findings.add(dataclasses.replace(exc.finding(), lang=lang))
        else:
            sources[rel] = _Source(path, text, front)
    return sources


def cascade(sources: dict[str, _Source], settings: Settings, lang: str) -> dict[str, dict]:
    """Each page's front matter with what cascades to it: each section's values reach the
    section and the pages below it (the nearest section first), then the site config's [[cascade]].  The
    values read stay as they were; the pages get new dictionaries."""
    own = {rel: source.front.meta for rel, source in sources.items()}
    sections = _section_meta(own)
    metas = {}
    for rel, meta in own.items():
        # A section's cascade reaches the section itself too (its own values first), as in Hugo.
        folders = ([_folder(rel)] if Path(rel).stem == "_index" else []) + _folders_above(rel)
        entries = [e for folder in folders for e in _cascade_entries(sections.get(folder, {}))]
        metas[rel] = dict(meta)
        apply_cascade(metas[rel], entries + settings.cascade, rel, _kind(rel), lang, settings)
    return metas


_NAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[-_ ]+(.*))?")


def filename_dates(metas: dict[str, dict], settings: Settings) -> dict[str, dict]:
    """With ``:filename`` in the site's ``[frontmatter]`` date lists, the date at the start
    of a page's file name (of its folder's for a bundle: 2024-03-01-intro.md,
    2024-03-01-intro/index.md), kept under ``:filename`` where the lists find it; the rest
    of the name is the page's slug unless it sets one, as in Hugo."""
    if not any(FILENAME_DATE in keys for keys in settings.front_matter_dates.values()):
        return metas
    out = {}
    for rel, meta in metas.items():
        path = Path(rel)
        name = path.parent.name if path.stem in ("index", "_index") else path.stem
        match = _NAME_DATE.fullmatch(name)
        date = _as_datetime(match.group(1)) if match else None
        if date is None:
            out[rel] = meta
            continue
        out[rel] = meta | {FILENAME_DATE: date}
        if match.group(2) and _ci_key(meta, "slug") is None:
            out[rel]["slug"] = match.group(2)
    return out


def _section_meta(metas: dict[str, dict]) -> dict[str, dict]:
    """The front matter of each section's _index file, by the section's folder ("" the home)."""
    return {_folder(rel): meta for rel, meta in metas.items() if Path(rel).stem == "_index"}


def printed(metas: dict[str, dict], now: dt.datetime, settings: Settings) -> list[str]:
    """The pages Hugo publishes and lists and Docsy's print view keeps, in path order.

    A section Hugo does not build (a draft, before its publishDate, expired) or does not list
    (headless, ``build.list: never``) takes everything below it along: its pages are in no
    list of Hugo's page tree, nor in the web site's menus.  So does a section the print view
    leaves out (no_print)."""
    gone = [folder for folder, meta in _section_meta(metas).items()
            if not is_scheduled(meta, now, settings) or no_print(meta)
            or (folder and hides_subtree(meta, now, settings))]
    return [rel for rel, meta in metas.items()
            if not any(_inside(_folder(rel), top) for top in gone)
            and is_listed(meta, now, settings) and not no_print(meta)]


def unlisted(metas: dict[str, dict], sources: dict[str, _Source], kept: set[str],
             now: dt.datetime, settings: Settings) -> list[selection.LeftOut]:
    """The pages Hugo publishes that ``printed`` left out (build options, ``no_print``),
    and those it will publish later (dated after the manual's date), each with why, for a
    note; a section's left out once, with the count of its pages.  Drafts and expired pages
    are not web pages: no note."""
    sections = _section_meta(metas)
    unpublished = [f for f, m in sections.items() if not is_scheduled(m, now, settings)]
    out: list[selection.LeftOut] = []
    noted: list[str] = []
    # Sections before the pages in them: a section left out takes its pages along.
    for rel in sorted(set(metas) - kept, key=lambda r: (r.count("/"), Path(r).stem != "_index", r)):
        meta, folder, source = metas[rel], _folder(rel), sources[rel]
        later = _published_later(meta, now, settings)
        if later is not None and not any(_inside(folder, top) for top in noted):
            why, key = later
        elif (not is_scheduled(meta, now, settings)
                or any(_inside(folder, top) for top in unpublished + noted)):
            continue
        elif _truthy(_ci(meta, "headless", False)):
            if Path(rel).stem != "_index" or not folder:  # a bundle of snippets: no note
                continue
            why, key = "it is headless: Hugo lists it nowhere", "headless"
        else:
            why, key = (selection.redirect_reason(meta, source.front.body)
                        or _unlisted_reason(meta))
            if Path(rel).stem == "_index" and folder and any(
                    _inside(_folder(r), folder) for r in kept):  # a section not rendered
                why += ": only its title is printed, over the pages below it"
        below = 0
        inside = ([r for r in metas if r != rel and _inside(_folder(r), folder)]
                  if Path(rel).stem == "_index" and folder else [])
        if Path(rel).stem == "_index" and folder and (
                no_print(meta) or later is not None or hides_subtree(meta, now, settings)
                or (_cascades_build(source.front.meta) and not kept.intersection(inside))):
            noted.append(folder)  # a section or a folder of snippets goes whole: one note
            below = len(inside)
        line = next((n for k in ((key, "_build", "build", "cascade") if key else ()) if k
                     and (n := source.text.line_of_key(k, source.front.body_line))), None)
        out.append(selection.LeftOut(source.path, rel, why, line, below))
    return _cascaded_together(out, sources)


def _cascades_build(meta: dict) -> bool:
    """Whether a section's own front matter cascades build options to the pages below it."""
    return any(_ci(entry, "build", None) is not None or _ci(entry, "_build", None) is not None
               for entry in _cascade_entries(meta))


def _cascaded_together(out: list[selection.LeftOut], sources: dict[str, _Source]
                       ) -> list[selection.LeftOut]:
    """The pages of a printed section that its cascade leaves out (a glossary whose terms
    have no page of their own) in one note at the section's cascade, not one each."""
    groups: dict[tuple[str, str], list[selection.LeftOut]] = {}
    for item in out:
        if Path(item.rel).stem not in ("_index", "index"):
            groups.setdefault((_folder(item.rel), item.reason), []).append(item)
    merged: list[selection.LeftOut] = []
    for item in out:
        group = groups.get((_folder(item.rel), item.reason), [])
        section = sources.get(posixpath.join(_folder(item.rel), "_index.md"))
        if len(group) < 2 or section is None or not _cascades_build(section.front.meta):
            merged.append(item)
        elif item is group[0]:
            they = item.reason.replace("Hugo lists it nowhere", "Hugo lists them nowhere").replace(
                "it has no web page of its own", "they have no web page of their own")
            line = section.text.line_of_key("cascade", section.front.body_line)
            merged.append(selection.LeftOut(section.path, posixpath.join(_folder(item.rel), "_index.md"), (
                f"the {len(group)} pages below it, as its cascade says: {they}"), line))
    return merged


def _published_later(meta: dict, now: dt.datetime, settings: Settings
                     ) -> tuple[str, str] | None:
    """Why a page that is no draft is not published yet (its publish date, or its date, is
    after the manual's), and the key that dates it; None for any other page."""
    if settings.build_future or (_truthy(_ci(meta, "draft", False)) and not settings.build_drafts):
        return None
    found = _date_and_key(meta, "publishdate", settings)
    if found is None or found[0] <= now:
        return None
    why = (f"it is dated {found[0]:%Y-%m-%d}, after the manual's date {now:%Y-%m-%d}: "
           "Hugo publishes it from then on (buildFuture = true prints it now)")
    return why, found[1]


def _ci_key(meta: dict, key: str) -> str | None:
    """The key of ``meta`` that is ``key`` whatever its case, or None."""
    return next((k for k in meta if isinstance(k, str) and k.lower() == key.lower()), None)


def _unlisted_reason(meta: dict) -> tuple[str, str | None]:
    """Why ``is_listed`` or ``no_print`` left a published page out, and the key that says so."""
    build = _ci(meta, "_build", None) or _ci(meta, "build", None)
    build = build if isinstance(build, dict) else {}
    for key, what in (("list", "Hugo lists it nowhere"), ("render", "it has no web page of its own")):
        if not _build_option(meta, key):
            return f"{what} (build option {key}: {_as_written(_ci(build, key))})", key
    key = print_key(meta)
    if key == "no_print":
        return "Docsy's no_print leaves it out of the print view", "no_print"
    if key:
        return f"{key} hides it from the theme's menu, which the manual's contents follow", key
    return "Hugo does not list it", None


# Making pages --------------------------------------------------------------------------------


def section_folders(rels: Iterable[str], metas: dict[str, dict], settings: Settings
                    ) -> dict[str, tuple[str, dt.datetime | None]]:
    """The folders Hugo makes sections of, each with its slug, else its title (else its
    folder's name), and the newest date of the pages below it (a section's date when its
    _index sets none, as Hugo dates it), for the patterns that name them: the folders with
    an _index file, and the top-level ones that are not a leaf bundle (a folder deeper down
    without _index is no section: its pages are in the section above).  A section without
    an _index file is titled as Hugo titles it ("posts" → "Posts")."""
    rels = list(rels)
    leaves = {_folder(rel) for rel in rels if Path(rel).stem == "index"}
    indexes = {_folder(rel): rel for rel in rels if Path(rel).stem == "_index"}
    folders = set(indexes) | ({rel.split("/")[0] for rel in rels if "/" in rel} - leaves)

    def name(folder: str) -> str:
        meta = metas.get(indexes.get(folder, ""), {})
        own = _ci(meta, "slug", None) or _ci(meta, "title", None)
        return str(own) if isinstance(own, (str, int, float)) and str(own).strip() else section_title(folder, settings)
    # a section's own date, when it has one, is taken before this one (_permalink)
    newest = _newest_by_folder((rel, when) for rel in rels
                               if (when := page_date(metas.get(rel, {}), "date", settings)))
    return {folder: (name(folder), newest.get(folder)) for folder in sorted(folders) if folder}


def _newest_by_folder(dated: Iterable[tuple[str, dt.datetime]]) -> dict[str, dt.datetime]:
    """Each folder's newest date among the dated files in it or below it ("" the content
    folder): one walk up from each file (a scan of every file for every folder took minutes
    on a site of thousands of sections)."""
    newest: dict[str, dt.datetime] = {}
    for rel, when in dated:
        parts = rel.split("/")[:-1]
        for depth in range(len(parts), -1, -1):
            folder = "/".join(parts[:depth])
            if folder not in newest or when.timestamp() > newest[folder].timestamp():
                newest[folder] = when
    return newest


def make_page(rel: str, source: _Source, meta: dict, settings: Settings, lang: str,
              findings: Findings, sections: dict[str, tuple] | None = None,
              slugs: dict[str, str] | None = None) -> Page | None:
    """A page from its file and (cascaded) front matter; values that cannot be used are
    warned about at their line.  A page in a format manualgen cannot print keeps its title
    and its place, and prints its format and its web address as its text."""
    front = source.front
    report = _Reporter(source, findings, lang)
    markup = _markup(meta, source.path, report)
    kind = _kind(rel)
    title = report.text(meta, "title")
    untitled = not title  # Hugo's title stays empty, whatever the print shows
    weight = _weight(meta, report)
    _check_values(meta, front, report)
    body, body_line = front.body, front.body_line
    url = _page_url(settings, lang, rel, kind, meta, sections)
    if markup not in PRINTED_FORMATS:  # its place and title kept, its text on the web only
        body, markup = _format_note(markup, url, settings), "html"
    markdown = markup == "markdown"  # "# x" is a comment in Org, an element in HTML
    if not title and markdown and (found := _opening_heading(body)) is not None:
        title, taken = found  # the page's own "# Heading" titles it, and is printed once
        body, body_line = "\n".join(body.split("\n")[taken:]), body_line + taken
        if kind != "home":
            report.findings.warning("missing-title", f'page has no title; printing its first '
                                    f'heading "{title}"', report.source.path, 1, lang=report.lang)
    # a spacer of the menu is left out of the manual (selection.web_only): no warning
    quiet = kind == "page" and selection.is_spacer(meta, body)
    title = title or _fallback_title(rel, kind, settings, report, warn=not quiet)
    if markdown:
        body, body_line = _without_chapter_banner(meta, body, body_line, title)
    return Page(lang=lang, path=source.path, rel=rel, kind=kind, meta=meta, body=body,
                body_line=body_line, markup=markup, title=title,
                link_title=report.text(meta, "linkTitle"), untitled=untitled, weight=weight,
                date=page_date(meta, "date", settings),
                description=report.text(meta, "description"), url=url,
                aliases=_alias_urls(settings, lang, url, meta)
                + _slugged_url(settings, lang, rel, kind, meta, url, slugs or {}),
                translation_key=report.text(meta, "translationKey"), source=source.text)


_BANNER_LINE = re.compile(r"[ \t]*(#{1,6})[ \t]+(.*?)[ \t#]*$")


_OPENING_HEADING = re.compile(r" {0,3}# +(?P<text>[^{#\n][^{\n]*?)(?: +#+)? *")


def _opening_heading(body: str) -> tuple[str, int] | None:
    """The words of the level-1 heading a page without a title opens with ("# Columns", as
    Hugo Book's and Geekdoc's pages often do; its links, code and emphasis without their
    marks), and the number of lines up to and with it; None when the page opens otherwise,
    the heading carries attributes (its {#id} is linked to) or has no words."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _OPENING_HEADING.fullmatch(line)
        words = plain_inline(match.group("text")) if match else ""
        return (words, index + 1) if words else None
    return None


def _without_chapter_banner(meta: dict, body: str, body_line: int, title: str) -> tuple[str, int]:
    """The body of an old Relearn chapter page (``chapter = true``) without the banner it
    opens with ("### Chapter 2", then "# Basics"), which the theme shows instead of the page
    title: the manual prints its own numbered chapter heading, and the banner would repeat
    it.  Only headings before the first heading that names the page's title are taken, and
    only when that heading is there; ``body_line`` moves down by the lines taken."""
    if not _param_on(_ci(meta, "chapter", False)):
        return body, body_line
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _BANNER_LINE.fullmatch(line)
        if match is None:
            break
        if match.group(2).strip().casefold() == title.strip().casefold():
            rest = index + 1
            while rest < len(lines) and not lines[rest].strip():
                rest += 1
            return "\n".join(lines[rest:]), body_line + rest
    return body, body_line


@dataclasses.dataclass(frozen=True)
class _Reporter:
    """Warnings about one page's front matter, each at the line of its key."""

    source: _Source
    findings: Findings
    lang: str

    def warn(self, message: str, key: str | None = None, line: int | None = None) -> None:
        if key is not None:
            line = self.source.text.line_of_key(key, self.source.front.body_line)
        self.findings.warning("bad-front-matter", message, self.source.path, line, lang=self.lang)

    def error(self, message: str, key: str) -> None:
        line = self.source.text.line_of_key(key, self.source.front.body_line)
        self.findings.error("bad-front-matter", message, self.source.path, line, lang=self.lang)

    def written(self, key: str) -> str | None:
        """The value of a top-level ``key: value`` (``key = value``) line as written, or None."""
        line = self.source.text.line_of_key(key, self.source.front.body_line)
        lines = self.source.text.lines
        if line is None or not 0 < line <= len(lines):
            return None
        match = re.match(r"\s*[\"']?[\w-]+[\"']?\s*[:=]\s*([^#\s][^#]*?)\s*(?:#.*)?$", lines[line - 1])
        return match.group(1).rstrip(",") if match else None

    def text(self, meta: dict, key: str) -> str:
        """A front matter value printed as text; a list or table is reported, not printed."""
        value = _ci(meta, key, None)
        if isinstance(value, (list, dict)):
            self.warn(f"{key} is a {'list' if isinstance(value, list) else 'table'}, not text; "
                      "ignored", key)
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dt.date):  # YAML read a date: Hugo prints the text as written
            return self.written(key) or value.isoformat()
        if isinstance(value, (int, float)):
            printed = go_float_text(value) if isinstance(value, float) else str(value)
            written = self.written(key) or printed
            if printed != written and key.lower() != "translationkey":
                self.warn(f'{key} {written} is a number, not text: it prints as "{printed}", as '
                          f'Hugo prints it; quote it ({key}: "{written}") to print it as written',
                          key)
            return printed
        return "" if value is None else str(value).strip()


def go_float_text(value: float) -> str:
    """A number as Hugo prints a front matter float (Go's ``strconv.FormatFloat(f, 'f', -1,
    64)``): the shortest digits that read back, never an exponent, no ".0" (2.0 is "2")."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    text = format(decimal.Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _markup(meta: dict, path: Path, report: _Reporter) -> str:
    """The page's format (the ``markup`` key, else the file's suffix): "markdown", "html",
    "org", or one manualgen cannot print, with a warning."""
    markup = str(_ci(meta, "markup", "") or MARKUP_BY_SUFFIX[path.suffix.lower()]).lower()
    markup = MARKUP_ALIASES.get(markup, markup)
    if markup in PRINTED_FORMATS:
        return markup
    what = OTHER_FORMATS.get(markup)
    why = (f"the page is written in {what}, which Hugo renders with an outside program and "
           "manualgen cannot print" if what else f'the page\'s markup "{markup}" is none that '
           "manualgen prints")
    line = report.source.text.line_of_key("markup", report.source.front.body_line) or 1
    report.findings.warning("unsupported-format", f"{why} (it prints Markdown, HTML and Org); "
                            "the manual prints its title and its web address in its place",
                            path, line, lang=report.lang)
    return markup


def permalink(base_url: str, url: str) -> str:
    """Hugo's ``.Permalink`` of a page whose relative permalink is ``url``: the baseURL's
    scheme and host in front of it (``url`` already holds the baseURL's path)."""
    site = urlsplit(base_url)
    return f"{site.scheme}://{site.netloc}{url}" if site.scheme and site.netloc else url


def _format_note(markup: str, url: str, settings: Settings) -> str:
    """The text printed for a page in a format manualgen cannot print: the format's name
    and where the page is on the web, framed as a video's note is."""
    address = permalink(settings.base_url, url)
    name = OTHER_FORMATS.get(markup, markup)
    return (f'<div class="media-note format-note"><p class="media-link"><span class="media-kind '
            f'mg-label">{html.escape(name)}</span> <span class="media-address">'
            f"{html.escape(address)}</span></p></div>\n")


_INT64 = 2**63


def _weight(meta: dict, report: _Reporter) -> int:
    """The weight as a whole number, as Hugo's cast.ToInt makes it (hugo 0.149.1 and
    0.168.0 alike): a text as Go's ParseInt with base 0 reads it ("010" is 8, "0x10" 16,
    "1_0" 10) once a decimal part of digits is cut off ("2.0" and "2.5" are 2)."""
    weight = _ci(meta, "weight", 0)
    if isinstance(weight, int) and not isinstance(weight, bool) and -_INT64 <= weight < _INT64:
        return weight
    if isinstance(weight, str):
        whole = front_matter.go_int(_decimal_cut(weight)) if weight else None
        if whole is not None:
            return whole
    # a fraction truncated, true 1; a text Go cannot read, or past 64 bits, is unset
    whole = (int(weight) if isinstance(weight, bool) or isinstance(weight, float)
             and math.isfinite(weight) and -_INT64 <= weight < _INT64 else 0)
    shown = _as_written(weight)
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    report.warn(f'weight "{shown}" is not a whole number; using {whole}', "weight")
    return whole


def _decimal_cut(text: str) -> str:
    """A number's text without its decimal part, where that part is digits after whole
    ones ("2.50" → "2", "2." → "2"), as Hugo's cast.ToInt cuts it before parsing."""
    found = re.fullmatch(r"([+-]?[0-9]+)\.[0-9]*", text)
    return found.group(1) if found else text


def _check_values(meta: dict, front: FrontMatter, report: _Reporter) -> None:
    """Warn about dates that are not dates, keys with invisible characters, keys given
    twice and a draft value that is neither true nor false."""
    for key in _DATE_KEYS:
        _check_date(_ci_key(meta, key), meta, front, report)
    _check_addresses(meta, report)
    _check_build(meta, report)
    for key in meta:
        if isinstance(key, str) and (hidden := _INVISIBLE.search(key)):
            report.warn(f'the key "{_INVISIBLE.sub("", key)}" holds an invisible '
                        f"U+{ord(hidden.group()):04X}, so it is another key and is ignored; "
                        "retype it", key)
    for line in front.quote_escapes:
        report.warn("a double-quoted text holds \\' (an escaped quote): Hugo 0.149 reads it as "
                    "a quote, as manualgen does, but Hugo 0.153 and later stop for it (\"found "
                    "unknown escape character\"): write the quote without the backslash", line=line)
    for r in front.repeated:
        report.warn(f'the key "{r.key}" is given twice (lines {r.first} and {r.again}); the '
                    f"{r.used} one is used: delete the one you do not mean", line=r.again)
    draft = _ci(meta, "draft", None)  # "true", "T" and "1" left the page out already
    if isinstance(draft, str) and draft.strip() and draft not in _GO_BOOLS:
        report.warn(f'draft "{draft}" is neither true nor false: Hugo publishes the page, and '
                    "the manual prints it; write draft: true to keep it a draft", "draft")


# What Go's strconv.ParseBool reads, which Hugo's front matter decoding uses for a text
_GO_BOOLS = ("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False")


def _check_build(meta: dict, report: _Reporter) -> None:
    """An error for build options Hugo cannot decode, where it stops the whole build ("failed
    to decode build config in front matter"): ``build`` that is no table (``build: never``),
    a ``list`` or ``render`` that is a list or table, a ``publishResources`` text that is no
    true or false."""
    for key in (k for k in meta if isinstance(k, str) and k.lower() in ("build", "_build")):
        build = meta[key]
        if build is not None and not isinstance(build, dict):
            report.error(f"{key}: {_as_written(build)} is not a table of build options, and "
                         'Hugo stops with an error for it ("failed to decode build config"): '
                         f"name the option, as in {key}: {{list: never}} or {key}: {{render: never}}", key)
            continue
        for option, value in (build or {}).items():
            name = str(option).lower()
            bad = (name in ("list", "render") and isinstance(value, (list, dict))
                   or name == "publishresources" and isinstance(value, (list, dict))
                   or name == "publishresources" and isinstance(value, str) and value not in _GO_BOOLS)
            if bad:
                report.error(f"{key} option {option}: {_as_written(value)} is not a value Hugo "
                             "can read, and it stops with an error for it: write "
                             + ("never, always or local" if name == "list" else
                                "never, always or link" if name == "render" else "true or false"),
                             key)


_WEB = ("http://", "https://")


def _check_addresses(meta: dict, report: _Reporter) -> None:
    """An error for a ``url`` or an alias that is a web address, where Hugo stops too
    ("URLs with protocol (http*) not supported", "http* aliases not supported")."""
    url = _ci(meta, "url", None)
    if isinstance(url, str) and url.startswith(_WEB):
        report.error(f'url "{url}" is a web address, which Hugo refuses ("URLs with protocol '
                     '(http*) not supported"): write the page\'s path in the site, /guide/page/',
                     _ci_key(meta, "url"))
    aliases = _ci(meta, "aliases", None)
    for alias in aliases if isinstance(aliases, list) else [aliases]:
        if isinstance(alias, str) and alias.startswith(_WEB):
            report.error(f'alias "{alias}" is a web address, which Hugo refuses ("http* aliases '
                         'not supported"): write a path of the site, /old/page/',
                         _ci_key(meta, "aliases"))


def _check_date(key: str | None, meta: dict, front: FrontMatter, report: _Reporter,
                numbers: bool = True) -> None:
    """An error for a date Hugo cannot read (it stops the build with "not a parsable date"),
    a warning for a whole number (with ``numbers``), which Hugo reads as seconds since 1970."""
    value = meta[key] if key is not None else None
    if value in (None, ""):
        return
    # a JSON number is a float to Hugo, which it cannot read as a date; a JSON text is read
    # as in YAML or TOML
    json_number = front.format == "json" and isinstance(value, (int, float))
    date = None if json_number else _as_datetime(value)
    shown = f'"{value}"' if isinstance(value, str) else _as_written(value)
    if date is None:
        report.error(f'{key} {shown} is not a date Hugo can read: write 2024-05-31 or '
                     "2024-05-31T14:00:00+02:00 (Hugo stops with an error for it too)", key)
    elif numbers and isinstance(value, int) and not isinstance(value, bool):
        report.warn(f"{key} {shown} is a number, which Hugo reads as seconds since 1970: "
                    f"{date:%Y-%m-%d %H:%M:%S} UTC; write the date as 2024-05-31, as the page "
                    "is ordered and published by it", key)


def _fallback_title(rel: str, kind: str, settings: Settings, report: _Reporter,
                    warn: bool = True) -> str:
    """A page without a title is printed under the words of its file's (or bundle's, or
    section's folder's) name in the site's title case, with a warning: what the themes that
    show untitled pages in their menus print (Hugo Book, Geekdoc: "create-a-site" →
    "Create a Site"); Hugo itself gives such a page an empty title."""
    stem = Path(rel).stem
    fallback = Path(rel).parent.name if kind != "page" or stem == "index" else stem
    humanized = " ".join(fallback.replace("_", " ").replace("-", " ").split())
    title = title_cased(humanized, settings) if humanized else settings.lang_title(report.lang)
    if kind != "home" and warn:
        report.findings.warning("missing-title", f'page has no title; printing "{title}"',
                                report.source.path, 1, lang=report.lang)
    return title


# The tree ------------------------------------------------------------------------------------


def build_tree(pages: dict[str, Page], rels: set[str], metas: dict[str, dict],
               settings: Settings, lang: str, now: dt.datetime,
               named: dict[str, tuple] | None = None) -> Page:
    """The home page with every page below its section.  Sections are folders with an
    _index file, and top-level folders without one (unless they are bundles); a home page
    is made when the language has none.  ``rels`` are all the language's content files;
    ``metas`` the front matter of each, which dates the sections that have no date;
    ``named`` the sections' names and dates for permalink patterns (:func:`section_folders`)."""
    # _index.md before an index.md beside it, which Hugo then leaves out
    home = min((p for p in pages.values() if p.kind == "home"), key=lambda p: p.rel, default=None)
    if home is None:
        home = _made_section("", settings, lang, {})
    sections = {"": home} | {_folder(p.rel): p for p in pages.values() if p.kind == "section"}
    sections |= _unprinted_sections(pages, sections, _leaf_bundles(rels), metas, settings, lang, named)
    made = [s for s in sections.values() if s.rel not in pages]
    for page in list(pages.values()) + made:
        if page.kind != "home":
            page.parent = _parent_of(page, sections)
            page.parent.children.append(page)
    _date_sections(sections, metas, settings, now)
    return home


def _made_section(folder: str, settings: Settings, lang: str, meta: dict,
                  named: dict[str, tuple] | None = None) -> Page:
    """A section whose _index file is not printed, or that has none ("" the home page):
    titled, weighted and dated by that file's front matter (``meta``) when there is one.
    Its address takes the title Hugo gives it (``:title`` of a section without _index.md
    is "Guides" for guide/) and, for ``:year``, the date of its newest page (``named``)."""
    rel = posixpath.join(folder, "_index.md")
    kind = "section" if folder else "home"
    roots = content_roots(settings, lang) or [  # its pages are all named for it elsewhere
        *(content_roots(settings, settings.default_language)
          if settings.default_language in settings.languages else []),
        (settings.site_root / "content", "")]
    path = _path_below_content(rel, roots)
    if lang != settings.default_language and _default_languages_file(path, settings):
        # content/docs/_index.md is the default language's page (translations by file
        # name): this language's section would be _index.<lang>.md
        path = path.with_name(f"_index.{lang}{path.suffix}")
    own = _ci(meta, "title", None)
    title = own.strip() if isinstance(own, str) and own.strip() else (
        section_title(folder, settings) if folder else settings.lang_title(lang))
    weight = _ci(meta, "weight", 0)
    link_title = _ci(meta, "linkTitle", None)
    return Page(lang=lang, path=path, rel=rel, kind=kind, meta=dict(meta), body="", body_line=1,
                title=title, link_title=link_title.strip() if isinstance(link_title, str) else "",
                weight=weight if isinstance(weight, int) and not isinstance(weight, bool) else 0,
                date=page_date(meta, "date", settings),
                url=_page_url(settings, lang, rel, kind, {**meta, "title": title}, named))


def _default_languages_file(path: Path, settings: Settings) -> bool:
    """Whether ``path`` is a file of the default language's content folders, named for no
    language (so a page of the default language)."""
    if settings.default_language not in settings.languages or not path.is_file():
        return False
    if _language_of(path, settings)[0] is not None:
        return False
    return any(path.is_relative_to(folder) for folder, _ in content_roots(settings, settings.default_language))


def _path_below_content(rel: str, roots: list[tuple[Path, str]]) -> Path:
    """Where the file for ``rel`` would be: in the folder mounted nearest above it."""
    for folder, target in sorted(roots, key=lambda r: -len(r[1].strip("/"))):
        target = target.strip("/")
        if not target or rel.startswith(target + "/"):
            return folder / rel[len(target) + 1 if target else 0:]
    return roots[0][0] / rel


def _unprinted_sections(pages: dict[str, Page], sections: dict[str, Page], leaves: set[Path],
                        metas: dict[str, dict], settings: Settings, lang: str,
                        named: dict[str, tuple] | None = None) -> dict[str, Page]:
    """The sections above printed pages that have no printed page of their own: a top-level
    folder without _index.md (a section in Hugo, unless it is a bundle), and a section whose
    _index.md Hugo lists but does not render (``build.render: never``).  Hugo's page tree
    lists such a section with its pages below it, so they keep their chapter, under its
    title."""
    made: dict[str, Page] = {}
    section_meta = _section_meta(metas)
    for rel in pages:
        for folder in _folders_above(rel):
            if not folder or folder in sections or folder in made:
                continue
            if folder in section_meta or ("/" not in folder and Path(folder) not in leaves):
                made[folder] = _made_section(folder, settings, lang, section_meta.get(folder, {}), named)
    return made


def _date_sections(sections: dict[str, Page], metas: dict[str, dict], settings: Settings,
                   now: dt.datetime) -> None:
    """Give each section without a date of its own the newest date of the pages below it
    that Hugo builds, as Hugo does before it sorts (Hugo ≥ 0.153; unlisted pages and pages
    below a draft section count, drafts, future and expired pages do not; Hugo 0.149 to
    0.152 counted those too), so a section dated so sorts among dated pages.  A section's own
    date counts whether Hugo builds the section or not (a draft, future or expired
    ``_index.md`` below dates the sections above it in Hugo 0.168 too)."""
    newest = _newest_by_folder(
        (rel, date) for rel, meta in metas.items()
        if (date := page_date(meta, "date", settings))
        and (_kind(rel) == "section" or is_scheduled(meta, now, settings)))
    for folder, section in sections.items():
        if section.date is None and folder in newest:
            section.date = newest[folder]


def _parent_of(page: Page, sections: dict[str, Page]) -> Page:
    """The nearest section above a page (a section's or bundle's folder is its own)."""
    folder = Path(page.rel).parent
    if page.kind == "section" or Path(page.rel).stem == "index":
        folder = folder.parent
    while True:
        key = folder.as_posix() if folder.as_posix() != "." else ""
        if key in sections:
            return sections[key]
        folder = folder.parent


def _order(node: Page, depth: int, site_order: str = "") -> None:
    """Depths and Hugo's order, from the home page down; a section whose front matter (or
    the site's params) says ``ordersectionsby = "title"`` (the Relearn theme's key) lists
    its pages by title, as that theme's menu does."""
    node.depth = depth
    node.children = sort_pages(node.children)
    by = str(_ci(node.meta, "ordersectionsby", "") or site_order).strip().lower()
    if by == "title":
        node.children.sort(key=lambda page: (collation_key(page.title, page.lang), page.rel))
    for child in node.children:
        _order(child, depth + 1, site_order)


def _order_by_menu(root: Page, settings: Settings, lang: str, findings: Findings) -> None:
    """Each section's pages in the order of the menu ``[manual] menu`` names (menus.py):
    by the weights of their entries and of the entries above them; the pages the menu does
    not list after, in Hugo's order.  A menu with no entry in the language is named."""
    configured = settings.menu_entries.get(lang, ())
    by_ref = {page_ref_path(entry[3]): entry for entry in configured if len(entry) > 3 and entry[3]}
    entries = {page: page_entry(page.meta, settings.menu, page.link_title or page.title)
               or by_ref.get(page_ref_path(page.rel)) for page in root.walk()}
    keys = order_keys([*configured, *(entry for entry in entries.values() if entry is not None)])
    if not keys:
        findings.warning("menu-order", f'[manual] menu = "{settings.menu}": no page and no part '
                         "of the Hugo config puts an entry in that menu in this language, so the "
                         "pages keep Hugo's order; check the menu's name", lang=lang)

    def key(page: Page) -> tuple:
        entry = entries.get(page)
        return (0, keys.get(entry[0], ())) if entry is not None else (1, ())

    for page in root.walk():
        page.children.sort(key=key)


def _note_menu_order(root: Page, findings: Findings, lang: str) -> None:
    """A note when most pages are ordered by a menu's weights, not their own: the manual
    prints Hugo's page order, which is then by title; [manual] menu follows the menu."""
    pages = [page for page in root.walk() if page is not root]
    menu, count = menu_ordering_pages(page.meta for page in pages)
    if menu:
        # Hugo orders pages of equal weight by date, newest first, before their titles
        dated = len({page.date for page in pages if page.date is not None}) > 1
        order = "newest first, then by title," if dated else "by title"
        findings.info("menu-order", f'{count} pages have no weight but a weight in the menu '
                      f'"{menu}" (the web site\'s sidebar, it seems): the manual prints Hugo\'s page '
                      f'order, {order} for them; set [manual] menu = "{menu}" in manualgen.toml to '
                      "print the menu's order", lang=lang)


# Languages whose collator (Go's, which Hugo uses) has its own order of Han characters:
# Chinese by pinyin (by strokes for zh-TW), Japanese in JIS order, Korean its Hanja first.
# manualgen has none of these tables.
_HAN_ORDER = ("zh", "ja", "ko")


def _note_title_ties(root: Page, findings: Findings, lang: str) -> None:
    """A warning for each page that ties with an earlier one of its section on weight and
    date, both titled in Han characters, in Chinese, Japanese or Korean: Hugo breaks that tie
    by the language's order of Han characters (运 yun before 作 zuo in Chinese), the manual
    by the characters' code points."""
    if lang.split("-")[0].split("_")[0].lower() not in _HAN_ORDER:
        return
    for node in root.walk():
        first: dict[tuple, Page] = {}
        for page in node.children:
            tie = first.setdefault(hugo_sort_key(page)[:3], page)
            if tie is not page and _has_han(_sort_title(page)) and _has_han(_sort_title(tie)):
                findings.warning(
                    "title-order", f'"{page.title}" has the weight and date of "{tie.title}" '
                    f"({tie.rel}): Hugo orders the two by this language's order of Han characters, "
                    "which manualgen does not have, so the manual may print them in another order than the "
                    "web site's menu; give each page a weight of its own", page.path,
                    page.line_of_key("weight") or 1, lang=lang)


def _sort_title(page: Page) -> str:
    return page.link_title or page.title


def _has_han(text: str) -> bool:
    """Whether ``text`` holds a CJK ideograph (a Han character)."""
    return any(0x3400 <= ord(c) <= 0x4DBF or 0x4E00 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF
               or 0x20000 <= ord(c) <= 0x3FFFF for c in text)


def _site_order(settings: Settings, lang: str) -> str:
    """Relearn's ``params.ordersectionsby`` of the language, else of the site ("" if unset)."""
    for params in (settings.languages[lang].params, settings.params):
        value = _ci(params, "ordersectionsby", None) if isinstance(params, dict) else None
        if value:
            return str(value)
    return ""


def _folder(rel: str) -> str:
    """The folder of a content path, "" at the top."""
    folder = Path(rel).parent.as_posix()
    return "" if folder == "." else folder


def _inside(folder: str, top: str) -> bool:
    """Whether a content folder is ``top`` or below it ("" is the whole content folder)."""
    return top == "" or folder == top or folder.startswith(top + "/")


def _folders_above(rel: str) -> list[str]:
    """The folders whose sections hold a page, nearest first: a/b and a and "" for a/b/c.md;
    a and "" for the bundle a/b/index.md and for the section a/b/_index.md; none for the home."""
    folder = _folder(rel)
    if Path(rel).stem in ("index", "_index"):
        if folder == "":
            return []
        folder = _folder(folder)
    above = [folder]
    while folder:
        folder = _folder(folder)
        above.append(folder)
    return above


def _kind(rel: str) -> str:
    """Hugo's kind of a content file: an index.md at the top of the content is the home
    page (a bundle there is the home's, checked with hugo 0.149.1; _report_home_bundle), as
    _index.md is."""
    stem = Path(rel).stem
    if stem == "index" and "/" not in rel:
        return "home"
    if stem != "_index":
        return "page"
    return "home" if "/" not in rel else "section"


def _as_written(value) -> str:
    """A front-matter value as the writer wrote it: "true", not Python's "True"; a list and
    a table in flow style ([1, 2], {"a": 1})."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dt.time):  # TOML's local time: 10:30:00.5, not Python's 10:30:00.500000
        written = value.isoformat()
        return written.rstrip("0") if "." in written else written
    if isinstance(value, (list, dict)):
        return json.dumps(_string_keys(value), ensure_ascii=False, default=str,
                          separators=(", ", ": "))
    return str(value)


def _string_keys(value):
    """``value`` with every table's keys as text (YAML's keys may be dates or numbers,
    which JSON cannot write as keys)."""
    if isinstance(value, dict):
        return {k if isinstance(k, str) else _as_written(k): _string_keys(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(item) for item in value]
    return value


def all_pages(home: Page) -> list[Page]:
    return list(home.walk())
