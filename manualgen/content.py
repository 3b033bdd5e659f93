"""Content as Hugo sees it: discovery, front matter, build options and Hugo's default order.

A language's content becomes a tree of :class:`Page` objects (home → sections → pages), each
list of children sorted as Hugo sorts it.  Pages that Hugo would not list (drafts, ``_build``
options, headless bundles, future or expired dates) are left out; every page that cannot be
read is reported with its file and line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import functools
import math
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from . import front_matter
from .config import Settings
from .errors import ContentError, Findings
from .front_matter import INVISIBLE as _INVISIBLE
from .front_matter import FrontMatter

# i18n reads its YAML files with front matter's loader; it still imports them from here.
_YamlLoader = front_matter._YamlLoader
yaml_problem = front_matter.yaml_problem

# Hugo's content formats, by file extension (a page's `markup` front matter overrides it).
# manualgen prints Markdown and HTML; the others need a renderer it does not have.
MARKUP_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
                    ".html": "html", ".htm": "html",
                    ".adoc": "asciidoc", ".ad": "asciidoc", ".asciidoc": "asciidoc",
                    ".org": "org", ".pandoc": "pandoc", ".pdc": "pandoc", ".rst": "rst"}
MARKUP_ALIASES = {"md": "markdown", "mdown": "markdown", "goldmark": "markdown", "htm": "html",
                  "asciidocext": "asciidoc", "adoc": "asciidoc", "ad": "asciidoc", "pdc": "pandoc"}
OTHER_FORMATS = {"asciidoc": "AsciiDoc", "org": "Emacs Org Mode", "pandoc": "Pandoc",
                 "rst": "reStructuredText"}
CONTENT_SUFFIXES = tuple(MARKUP_BY_SUFFIX)
MAX_PAGE_BYTES = 2_000_000  # real pages are a few hundred kB; Markdown slows past that


def normal_words(text: str) -> str:
    """Text reduced to its words, lower case, one space apart: what a rendered element and
    its source line still have in common once Markdown and shortcodes are gone."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def _key_pattern(key: str) -> re.Pattern:
    """A line that sets ``key`` in YAML, TOML or JSON front matter (``title:``, ``title =``,
    ``"title":``, ``[params]``, ``build.list =``), whatever the case (Hugo ignores it); a
    dotted key is found by its last part."""
    leaf = re.escape(key.split(".")[-1])
    return re.compile(rf"""^\s*(\[+\s*)?["']?{leaf}["']?\s*(=|:|\]|\.)""", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class SourceText:
    """A content file's text as read once by discovery (BOM removed, line ends ``\n``), so
    that every later stage can name the line of what it reports without opening the file."""

    text: str = ""

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")  # only "\n": form feeds and U+2028 are not line ends here

    @functools.cached_property
    def _normal_lines(self) -> list[str]:
        return [normal_words(line) for line in self.lines]

    def find_line(self, needle: str, first: int = 1, after: int = 0, literal: bool = True) -> int | None:
        """The first line, from ``first`` on, that holds ``needle``; from line ``after`` on
        when it is there (the next of several images of the same name).

        ``literal``: the text as written.  Otherwise the words of a rendered element (a
        heading, a paragraph): its first 6, 4, 3, 2 words, then its first word, are looked
        for as whole words, since markup may split or end the line."""
        if not needle:
            return None
        if literal:
            needles, haystack = [needle], self.lines
        else:
            words = normal_words(needle).split()
            needles = [" ".join(words[:n]) for n in (6, 4, 3, 2) if len(words) >= n] or words[:1]
            haystack = self._normal_lines
        for text in needles:
            for start in dict.fromkeys((max(after, first), first)):
                for number in range(start, len(haystack) + 1):
                    line = haystack[number - 1]
                    if (text in line) if literal else f" {text} " in f" {line} ":
                        return number
        return None

    def line_of_key(self, key: str, end: int) -> int | None:
        """The first line before line ``end`` (the body's) that sets ``key``."""
        pattern = _key_pattern(key)
        return next((number for number, line in enumerate(self.lines[: max(0, end - 1)], 1)
                     if pattern.search(line)), None)


@dataclasses.dataclass(eq=False)
class Page:
    lang: str
    path: Path  # absolute path of the source file
    rel: str  # path relative to the language's content folder, posix, without language suffix
    kind: str  # "home", "section" or "page"
    meta: dict
    body: str  # text after the front matter
    body_line: int  # line number (1-based) of the body's first line in the file
    markup: str = "markdown"  # or "html": the body is printed as written, shortcodes expanded
    title: str = ""
    link_title: str = ""
    weight: int = 0
    date: dt.datetime | None = None
    description: str = ""
    url: str = ""  # Hugo's relative permalink, e.g. /handbook/fr/plattform/import/
    aliases: list[str] = dataclasses.field(default_factory=list)  # older addresses, as url
    translation_key: str = ""
    children: list[Page] = dataclasses.field(default_factory=list)
    parent: Page | None = dataclasses.field(default=None, repr=False)
    depth: int = 0  # 0 home, 1 chapter, 2 …
    anchor: str = ""  # id of this page in the merged document
    number: str = ""  # chapter number such as "2.3"
    html: str = ""  # rendered body
    # src and href values that shortcodes wrote → the shortcode's line, for messages about them
    output_lines: dict[str, int] = dataclasses.field(default_factory=dict, repr=False)
    # The file's whole text as discovery read it; empty for a section no file describes
    source: SourceText = dataclasses.field(default_factory=SourceText, repr=False)

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
                  anywhere: bool = False) -> int | None:
        """The first line of the page's body (``anywhere``: of the whole file, front matter
        included) that holds ``needle``, from line ``after`` on when it is there; see
        :meth:`SourceText.find_line` for ``literal``."""
        return self.source.find_line(needle, 1 if anywhere else max(1, self.body_line), after,
                                     literal)

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
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
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


def _as_datetime(value) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


_DATE_KEYS = ("date", "publishDate", "pubdate", "published", "expiryDate", "unpublishdate")


def is_scheduled(meta: dict, now: dt.datetime, settings: Settings | None = None) -> bool:
    """Whether Hugo builds this page at all: not a draft, not before its publishDate, not
    expired (unless the site's buildDrafts/buildFuture/buildExpired say otherwise).  A section
    that is not built takes its whole subtree with it."""
    if _truthy(_ci(meta, "draft", False)) and not (settings and settings.build_drafts):
        return False
    publish = _as_datetime(_ci(meta, "publishDate", None) or _ci(meta, "pubdate", None)
                           or _ci(meta, "published", None))
    if publish and publish > now and not (settings and settings.build_future):
        return False
    expiry = _as_datetime(_ci(meta, "expiryDate", None) or _ci(meta, "unpublishdate", None))
    return not (expiry and expiry <= now and not (settings and settings.build_expired))


def is_listed(meta: dict, now: dt.datetime, settings: Settings | None = None) -> bool:
    """Whether Hugo lists this page (and so whether it belongs in a printed manual)."""
    if not is_scheduled(meta, now, settings):
        return False
    if _truthy(_ci(meta, "headless", False)):
        return False
    build = _ci(meta, "_build", None) or _ci(meta, "build", None) or {}
    if isinstance(build, dict):
        listing = _ci(build, "list", "always")
        render = _ci(build, "render", "always")
        if listing is False or str(listing).lower() in ("never", "false"):
            return False
        if render is False or str(render).lower() in ("never", "false"):
            # Unrendered pages can still be listed, but they have no page of their own.
            return False
    return True


def no_print(meta: dict) -> bool:
    """Docsy's ``no_print``: its print view leaves the page, and everything below it, out."""
    params = _ci(meta, "params", None)
    return _truthy(_ci(meta, "no_print", False)) or (
        isinstance(params, dict) and _truthy(_ci(params, "no_print", False)))


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
                own = _ci(meta, "params", None)
                if not isinstance(own, dict):
                    own = meta["params"] = {}
                for name, item in value.items():
                    if _ci(own, str(name), None) is None:
                        own[name] = item
            elif not any(_field(k) == _field(key) for k in meta if isinstance(k, str)):
                meta[key] = value


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1")
    return bool(value)


# --- ordering ------------------------------------------------------------------------------


def hugo_sort_key(page: Page):
    """Hugo's default page order: weight (0 = unset, last), date newest first, link title, path."""
    weight = page.weight
    weighted = 0 if weight != 0 else 1
    ts = -page.date.timestamp() if page.date else 0.0
    title = page.link_title or page.title
    return (weighted, weight, ts, _collate(title), page.rel)


def _collate(text: str) -> tuple:
    """An approximation of Hugo's language collation: accents and case count last."""
    base = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in base if not unicodedata.combining(c))
    return (stripped.casefold(), text.casefold(), text)


def sort_pages(pages: list[Page]) -> list[Page]:
    return sorted(pages, key=hugo_sort_key)


_SMALL_WORDS = {"a", "an", "and", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so",
                "the", "to", "up", "yet"}


def section_title(folder: str, settings: Settings) -> str:
    """Hugo's title for a section without an _index file: the folder's name, pluralized in
    English ("guide" → "Guides") and capitalized unless the site turns that off
    (pluralizeListTitles, capitalizeListTitles, titleCaseStyle)."""
    name = folder
    if settings.pluralize_list_titles and name:
        if name.endswith(("ss", "x", "z", "ch", "sh")):
            name += "es"
        elif len(name) > 1 and name.endswith("y") and name[-2].lower() not in "aeiou":
            name = name[:-1] + "ies"
        elif not name.endswith("s"):
            name += "s"
    style = settings.title_case_style
    if not settings.capitalize_list_titles or style == "none":
        return name
    if style == "firstupper":
        return name[:1].upper() + name[1:]
    words = name.split(" ")
    return " ".join(w[:1].upper() + w[1:] if i == 0 or style == "go" or w.lower() not in _SMALL_WORDS
                    else w for i, w in enumerate(words))


# --- URLs ----------------------------------------------------------------------------------


def urlize(segment: str) -> str:
    """Hugo's path urlization as seen on the corpus: lower case, spaces to dashes."""
    return re.sub(r"\s+", "-", segment.strip()).lower()


def _page_url(settings: Settings, lang: str, rel: str, kind: str, meta: dict) -> str:
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
    parts = rel.split("/")[:-1]
    stem = Path(rel).stem
    segments = [urlize(p) for p in parts]
    if kind == "page" and stem != "index":
        slug = _ci(meta, "slug", None)
        segments.append(urlize(str(slug)) if slug else urlize(stem))
    elif kind == "page" and stem == "index":
        slug = _ci(meta, "slug", None)
        if slug and segments:
            segments[-1] = urlize(str(slug))
    path = "/".join(s for s in segments if s)
    return prefix + (path + "/" if path else "")


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
        elif alias:
            paths = [posixpath.normpath(urljoin(url.rstrip("/"), alias))]
        else:
            paths = []
        out += [p if Path(p.rstrip("/")).suffix else p.rstrip("/") + "/" for p in paths]
    return list(dict.fromkeys(out))


# --- discovery -----------------------------------------------------------------------------


def _language_of(path: Path, settings: Settings) -> tuple[str | None, str]:
    """For translations by file name: ("fr", "page") for page.fr.md; (None, stem) otherwise."""
    stem = path.stem
    if "." in stem:
        base, _, suffix = stem.rpartition(".")
        if suffix.lower() in settings.languages:
            return suffix.lower(), base
    return None, stem


def discover(settings: Settings, lang: str, findings: Findings, now: dt.datetime) -> Page | None:
    """Read every page of one language and return the home page with the sorted tree.

    Unreadable pages are reported as errors in ``findings`` and left out; the caller decides
    whether to go on.  Returns None when the language has no content at all.
    """
    language = settings.languages[lang]
    files: dict[str, tuple[Path, Path]] = {}  # rel -> (file, content root)
    for root in language.content_dirs:
        if not root.is_dir():
            continue
        for _ in os.walk(root, onerror=lambda exc: findings.error(
                "unreadable-file", f"cannot read the folder: {exc.strerror}; its pages are left "
                "out", exc.filename, lang=lang)):
            pass  # rglob below skips a folder it may not read without a word
        for path in sorted(root.rglob("*")):
            # Hugo ignores dot files and folders, backups ("page.md~") and what ignoreFiles names.
            if path.suffix.lower() not in CONTENT_SUFFIXES:
                continue
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            if any(pattern.search(str(path)) for pattern in settings.ignore_files):
                continue
            if not path.is_file():
                if path.is_symlink() and not path.exists():  # a page that went missing
                    try:
                        path.stat()
                        why = "which does not exist"
                    except OSError as exc:  # a loop: "Too many levels of symbolic links"
                        why = ("which does not exist" if exc.errno == errno.ENOENT else
                               f"which cannot be read ({exc.strerror.lower()})")
                    findings.error("unreadable-file", "the file is a symbolic link to "
                                   f'"{os.readlink(path)}", {why}; the page is left out', path,
                                   lang=lang)
                continue
            rel_path = path.relative_to(root)
            if settings.by_filename:
                file_lang, stem = _language_of(path, settings)
                if (file_lang or settings.default_language) != lang:
                    continue
                rel = (rel_path.parent / (stem + path.suffix)).as_posix()
            else:
                rel = rel_path.as_posix()
            files.setdefault(rel, (path, root))
    if not files:
        return None
    # A leaf bundle (a folder with index.md) holds one page; content files beside or below its
    # index are its resources in Hugo, not pages of their own.
    leaves = {Path(rel).parent for rel in files if Path(rel).stem == "index"} - {Path(".")}
    files = {rel: found for rel, found in files.items() if Path(rel).stem in ("index", "_index")
             or not any(leaf in Path(rel).parents for leaf in leaves)}

    read: dict[str, tuple[dict, str, int]] = {}
    parsed: dict[str, tuple[SourceText, FrontMatter]] = {}
    for rel, (path, _root) in sorted(files.items()):
        try:
            parsed[rel] = read_source(path)
        except ContentError as exc:
            findings.add(dataclasses.replace(exc.finding(), lang=lang))
        else:
            found = parsed[rel][1]
            read[rel] = (found.meta, found.body, found.body_line)

    # cascade: each section's values reach the pages below it (the nearest section first),
    # then the site config's [[cascade]].
    section_meta = {_folder(rel): meta for rel, (meta, _b, _l) in read.items()
                    if Path(rel).stem == "_index"}
    for rel, (meta, _body, _line) in read.items():
        entries = [e for folder in _folders_above(rel) for e in _cascade_entries(section_meta.get(folder, {}))]
        apply_cascade(meta, entries + settings.cascade, rel, _kind(rel), lang, settings)

    # A section Hugo does not build (a draft, before its publishDate, expired) takes everything
    # below it along, and so does one Docsy's print view leaves out (no_print).
    gone = [folder for folder, meta in section_meta.items()
            if not is_scheduled(meta, now, settings) or no_print(meta)]

    pages: dict[str, Page] = {}
    for rel, (meta, body, body_line) in read.items():
        path = files[rel][0]
        source = parsed[rel][0]

        def line_of(key: str, source=source, body_line=body_line) -> int | None:
            return source.line_of_key(key, body_line)
        if any(_inside(_folder(rel), top) for top in gone):
            continue
        if not is_listed(meta, now, settings) or no_print(meta):
            continue
        markup = str(_ci(meta, "markup", "") or MARKUP_BY_SUFFIX[path.suffix.lower()]).lower()
        markup = MARKUP_ALIASES.get(markup, markup)
        if markup not in ("markdown", "html"):
            what = OTHER_FORMATS.get(markup, f'"{markup}"')
            findings.warning("unsupported-format", f"the page is written in {what}, which "
                             "manualgen cannot print (it prints Markdown and HTML); it is left out "
                             "of the manual", path, line_of("markup") or 1, lang=lang)
            continue
        stem = Path(rel).stem
        kind = _kind(rel)

        def text(key: str, meta=meta, path=path, line_of=line_of) -> str:
            return _meta_text(meta, key, path, findings, lang, line_of)

        title = text("title")
        weight = _ci(meta, "weight", 0)
        if not isinstance(weight, int) or isinstance(weight, bool):
            try:
                whole = int(str(weight))
            except ValueError:
                # Hugo truncates a number with a fraction; anything else counts as unset.
                whole = int(weight) if isinstance(weight, float) and math.isfinite(weight) else 0
                findings.warning("bad-front-matter", f'weight "{_as_written(weight)}" is not a whole number; '
                                 f"using {whole}", path, line_of("weight"), lang=lang)
            weight = whole
        for key in _DATE_KEYS:
            value = _ci(meta, key, None)
            if value not in (None, "") and _as_datetime(value) is None:
                findings.warning("bad-front-matter", f'{key} "{value}" is not a date (write '
                                 "2024-05-31 or 2024-05-31T14:00:00+02:00); ignored",
                                 path, line_of(key), lang=lang)
        for key in meta:
            if isinstance(key, str) and (hidden := _INVISIBLE.search(key)):
                findings.warning("bad-front-matter", f'the key "{_INVISIBLE.sub("", key)}" holds an '
                                 f"invisible U+{ord(hidden.group()):04X}, so it is another key and "
                                 "is ignored; retype it", path, line_of(key), lang=lang)
        for r in parsed[rel][1].repeated:
            findings.warning("bad-front-matter", f'the key "{r.key}" is given twice (lines '
                             f"{r.first} and {r.again}); the {r.used} one is used: delete the one "
                             "you do not mean", path, r.again, lang=lang)
        draft = _ci(meta, "draft", None)  # "true", "yes" and "1" left the page out above
        if isinstance(draft, str) and draft.strip().lower() not in ("", "false", "f", "no", "0", "off"):
            findings.warning("bad-front-matter", f'draft "{draft}" is neither true nor false; the '
                             "page is printed, as Hugo prints it", path, line_of("draft"),
                             lang=lang)
        if not title:
            fallback = Path(rel).parent.name if kind != "page" or stem == "index" else stem
            title = fallback.replace("_", " ").replace("-", " ").strip() or settings.title
            if kind != "home":
                findings.warning("missing-title", f'page has no title; printing "{title}"', path, 1,
                                 lang=lang)
        page = Page(
            lang=lang,
            path=path,
            rel=rel,
            kind=kind,
            meta=meta,
            body=body,
            body_line=body_line,
            markup=markup,
            title=title,
            link_title=text("linkTitle"),
            weight=weight,
            date=_as_datetime(_ci(meta, "date", None)),
            description=text("description"),
            url=_page_url(settings, lang, rel, kind, meta),
            translation_key=text("translationKey"),
            source=source,
        )
        page.aliases = _alias_urls(settings, lang, page.url, meta)
        pages[rel] = page

    # Sections: folders with an _index file; the home page is the root.  Leaf bundles
    # (folders with index.md) are pages; their other files are resources.
    home = next((p for r, p in pages.items() if p.kind == "home"), None)
    if home is None:
        home = Page(lang=lang, path=language.content_dirs[0] / "_index.md", rel="_index.md",
                    kind="home", meta={}, body="", body_line=1,
                    title=settings.lang_title(lang), url=_page_url(settings, lang, "_index.md", "home", {}))
    sections: dict[str, Page] = {"": home}
    for rel, page in pages.items():
        if page.kind == "section":
            sections[str(Path(rel).parent.as_posix())] = page
    # A top-level folder without _index.md is still a section in Hugo (unless it is a bundle);
    # so is one whose _index.md is not listed: its pages keep their chapter, under its title.
    for rel in list(pages):
        parts = rel.split("/")
        if len(parts) > 1 and parts[0] not in sections and Path(parts[0]) not in leaves:
            folder = parts[0]
            own = _ci(section_meta.get(folder, {}), "title", None)
            title = own.strip() if isinstance(own, str) and own.strip() else section_title(folder, settings)
            sections[folder] = Page(
                lang=lang, path=language.content_dirs[0] / folder / "_index.md",
                rel=f"{folder}/_index.md", kind="section", meta={}, body="", body_line=1,
                title=title,
                url=_page_url(settings, lang, f"{folder}/_index.md", "section", {}))

    def parent_of(rel: str, is_section: bool) -> Page:
        folder = Path(rel).parent
        if is_section or Path(rel).stem == "index":
            folder = folder.parent
        while True:
            key = folder.as_posix() if folder.as_posix() != "." else ""
            if key in sections:
                return sections[key]
            folder = folder.parent

    for rel, page in list(pages.items()) + [(s.rel, s) for s in sections.values() if s.rel not in pages]:
        if page.kind == "home":
            continue
        parent = parent_of(rel, page.kind == "section")
        page.parent = parent
        parent.children.append(page)

    def finish(node: Page, depth: int) -> None:
        node.depth = depth
        node.children = sort_pages(node.children)
        for child in node.children:
            finish(child, depth + 1)

    finish(home, 0)
    return home


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
    if Path(rel).stem != "_index":
        return "page"
    return "home" if "/" not in rel else "section"


def _meta_text(meta: dict, key: str, path: Path, findings: Findings, lang: str,
               line_of: Callable[[str], int | None]) -> str:
    """A front matter value printed as text; a list or table is reported, not printed."""
    value = _ci(meta, key, None)
    if isinstance(value, (list, dict)):
        kind = "list" if isinstance(value, list) else "table"
        findings.warning("bad-front-matter", f"{key} is a {kind}, not text; ignored", path,
                         line_of(key), lang=lang)
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).strip()


def _as_written(value) -> str:
    """A front-matter value as the writer wrote it: "true", not Python's "True"."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def all_pages(home: Page) -> list[Page]:
    return list(home.walk())
