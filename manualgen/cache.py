"""The build cache: prepared images, finished PDFs and what each language was built from.

A writer who changes nothing should get the PDFs back at once, and one who fixes a page
should wait only for the languages that page belongs to.  So every language build records
two keys in ``builds/``:

- the *input key*: a hash of every file the language can read (its content, the static and
  asset folders, i18n, shortcodes, templates, the configuration, the stylesheets), of
  manualgen's own code and styles, of the WeasyPrint/Pillow versions, the options and the
  manual's date.  It is cheap (no Markdown, no WeasyPrint import) and, when it matches, the
  previous PDF is reused;
- the *document key*: a hash of the merged HTML and of every file it embeds.  Computed after
  the assembly, it catches edits that do not change this language's document (another
  language's file in a shared folder, a comment in a page).

Files are hashed once per build, and a stat memo (size + mtime in nanoseconds) lets an
unchanged file skip even that, as git's index does.

The folder may be deleted at any time: every entry is found by content, written to a
temporary file and renamed into place, so two processes can share it.  ``Cache(None)`` is
``--no-cache``: a throwaway folder, nothing reused, the same output bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from .pdf import write_atomic

CACHE_FORMAT = "1"
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".manualgen-cache", "output"}


def write_file(target: Path, data: bytes) -> None:
    """Write a cache entry atomically, without waiting for the disk: an entry lost in a crash
    is simply made again; a half-written one is never seen (the rename guarantees it)."""
    write_atomic(target, data, durable=False)


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    """One cache folder (or, for ``--no-cache``, a temporary one that nothing is read from)."""

    def __init__(self, root: Path | None) -> None:
        self.enabled = root is not None
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="manualgen-nocache-"))
        self.root = root.resolve()
        self.images = self.root / "img"
        self._memo_path = self.root / "stat-memo.json"
        self._memo: dict[str, list] = {}
        self._memo_dirty = False
        self._digests: dict[Path, str] = {}
        if self.enabled:
            try:
                self._memo = json.loads(self._memo_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._memo = {}
            if not isinstance(self._memo, dict):
                self._memo = {}

    # Files ------------------------------------------------------------------------------

    def file_digest(self, path: Path) -> str:
        """sha256 of a file's bytes; unchanged files (same size and mtime) are not re-read."""
        found = self._digests.get(path)
        if found is not None:
            return found
        stat = path.stat()
        key = str(path)
        memo = self._memo.get(key)
        if (isinstance(memo, list) and len(memo) == 3 and memo[0] == stat.st_size
                and memo[1] == stat.st_mtime_ns):
            digest = memo[2]
        else:
            with open(path, "rb") as handle:  # in pieces: a static folder may hold videos
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            self._memo[key] = [stat.st_size, stat.st_mtime_ns, digest]
            self._memo_dirty = True
        self._digests[path] = digest
        return digest

    def save_memo(self) -> None:
        """Keep the stat memo for the next build (only entries for files that still exist)."""
        if not (self.enabled and self._memo_dirty):
            return
        keep = {k: v for k, v in self._memo.items() if os.path.exists(k)}
        try:
            write_file(self._memo_path, json.dumps(keep, sort_keys=True).encode())
        except OSError:
            pass  # a cache that cannot be written only costs time

    # Build records ----------------------------------------------------------------------

    def _record_path(self, name: str) -> Path:
        return self.root / "builds" / f"{name}.json"

    def read_record(self, name: str) -> dict | None:
        if not self.enabled:
            return None
        try:
            record = json.loads(self._record_path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        # A damaged or foreign file is no record: the build just does the work again.
        return record if isinstance(record, dict) and record.get("format") == CACHE_FORMAT else None

    def write_record(self, name: str, record: dict) -> None:
        record = dict(record, format=CACHE_FORMAT)
        try:
            write_file(self._record_path(name), json.dumps(record, sort_keys=True, indent=1).encode())
        except OSError:
            pass

    def store_pdf(self, digest: str, data: bytes) -> Path:
        target = self.root / "pdf" / f"{digest}.pdf"
        if not target.exists():
            write_file(target, data)
        return target

    def pdf_path(self, digest: str) -> Path:
        return self.root / "pdf" / f"{digest}.pdf"

    def close(self) -> None:
        """Save the memo; remove the folder if it was only a stand-in for ``--no-cache``."""
        if self.enabled:
            self.save_memo()
        else:
            shutil.rmtree(self.root, ignore_errors=True)


# --- what a build depends on -------------------------------------------------------------


def files_below(folder: Path, recursive: bool = True) -> list[Path]:
    """Every file below ``folder`` in a stable order, skipping VCS, caches and outputs."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        return []
    found: list[Path] = []
    if not recursive:
        return sorted(p for p in folder.iterdir() if p.is_file())
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        # Regular files only: reading a pipe or a link to a device would never end.
        found.extend(Path(dirpath) / name for name in sorted(filenames)
                     if not name.startswith(".#") and os.path.isfile(os.path.join(dirpath, name)))
    return found


def environment_key() -> str:
    """manualgen's code and styles, and the versions of what renders: part of every key."""
    from .config import BUILTIN_STYLES, BUILTIN_TEMPLATES

    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[:3]}\n".encode())
    for dist in ("manualgen", "weasyprint", "pydyf", "pillow", "tinycss2", "cssselect2", "fonttools"):
        try:
            h.update(f"{dist} {metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} -\n".encode())
    for folder in (package, BUILTIN_TEMPLATES, BUILTIN_STYLES):
        for path in files_below(folder):
            if path.suffix in (".pyc",):
                continue
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


# Folders of the default language's content that the pages of every language may read (the
# Kubernetes website's code samples and feature gates, kept in English): see shared_file.
SHARED_FOLDERS = ("examples", "docs/reference/command-line-tools-reference/feature-gates")


def language_inputs(settings, lang: str) -> list[Path]:
    """The files one language's manual can read, in a stable order."""
    language = settings.languages[lang]
    folders: list[tuple[Path, bool]] = [(d, True) for d in language.content_dirs]
    folders += [(path, True) for path in named_for_language(settings, lang)]
    default = settings.languages.get(settings.default_language, language)
    folders += [(d / shared, True) for d in default.content_dirs for shared in SHARED_FOLDERS]
    folders += [(d, True) for d in settings.static_dirs + settings.assets_dirs]
    folders.append((Path(settings.site_root) / "data", True))  # Geekdoc's include, propertylist
    folders += [(d, True) for d in settings.i18n_dirs + settings.shortcode_dirs + settings.template_dirs]
    # the Hugo templates of shortcodes: whether a shortcode must be closed (closing_rule);
    # the partials: Bootstrap's partial shortcode prints a snippet of them (partial_file)
    folders += [(d / sub, True) for d in settings.layout_dirs
                for sub in ("shortcodes", "_shortcodes", "partials", "_partials")]
    for sheet in settings.stylesheets:
        folders.append((sheet, False))
        if sheet.parent.resolve() != Path(settings.site_root).resolve():
            folders.append((sheet.parent, False))  # fonts and pictures beside the sheet
    folders += [(f, False) for f in settings.config_files]
    if settings.logo:
        folders.append((settings.logo, False))
    seen: set[Path] = set()
    paths: list[Path] = []
    site = Path(settings.site_root).resolve()
    for folder, recursive in folders:
        inside = (folder.resolve(), site)
        for path in files_below(folder, recursive):
            if path not in seen and _read_by_builds(path, inside):
                seen.add(path)
                paths.append(path)
    return paths


def _read_by_builds(path: Path, inside: tuple[Path, ...]) -> bool:
    """Whether a build may read the file: not a symbolic link that leads out of the folder
    it was found in and out of the site (the build refuses such a file, and its bytes are
    no input: reading them for a cache key would read outside the site)."""
    if not path.is_symlink():
        return True
    real = path.resolve()
    return any(real.is_relative_to(folder) for folder in inside)


def named_for_language(settings, lang: str) -> list[Path]:
    """The files in the other languages' content folders whose name names ``lang``
    (``content/en/page.fr.md`` is a French page, as in Hugo), the whole folder of a bundle
    (``bund/index.fr.md``: its pictures)."""
    own = set(settings.languages[lang].content_dirs)
    found: list[Path] = []
    for other in settings.languages.values():
        for folder in (d for d in other.content_dirs if d not in own):
            for path in files_below(folder):
                name = path.name.lower()
                if f".{lang}." in name:
                    found.append(path.parent if name.startswith("index.") else path)
    return list(dict.fromkeys(found))


def input_key(cache: Cache, settings, lang: str, fixed: str) -> tuple[str, list[Path]]:
    """The input key of one language (see the module docstring) and the files it covers."""
    h = hashlib.sha256(fixed.encode())
    h.update(f"lang {lang}\n".encode())
    paths = language_inputs(settings, lang)
    for path in paths:
        try:
            digest = cache.file_digest(path)
        except OSError:
            digest = "unreadable"
        h.update(f"{path}\0{digest}\n".encode())
    return h.hexdigest(), paths


def fixed_key(environment: str, settings, options: Iterable[tuple[str, object]], date_iso: str) -> str:
    """Everything that is the same for each language of a build: code, options, date."""
    parts = [f"env {environment}", f"date {date_iso}", f"print {settings.print!r}"]
    parts += [f"{name} {value!r}" for name, value in options]
    return "\n".join(parts)


def document_key(fixed: str, html: str, resources: Iterable[str]) -> str:
    """The document key: merged HTML plus the digests of what it embeds."""
    h = hashlib.sha256(fixed.encode())
    h.update(html.encode("utf-8"))
    for item in sorted(resources):
        h.update(item.encode() + b"\n")
    return h.hexdigest()


def record_name(settings, lang: str, pdf_path: Path) -> str:
    """Where one language's last build of one site into one output file is recorded."""
    key = f"{Path(settings.site_root).resolve()}\0{lang}\0{pdf_path.resolve()}"
    return f"{lang}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"
