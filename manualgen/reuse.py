"""What one language's build takes from the cache, and leaves there.

- Before anything is read: the *input key* (every file the language can read, see
  :mod:`manualgen.cache`). When it matches the last build's, the previous PDF is reused
  without Markdown, WeasyPrint or even its import.
- After the assembly: the *document key* (the merged HTML and every file it embeds). It
  catches edits that do not change this language's document.
- Screenshots prepared for their printed size, once for all languages and processes: a
  language claims an image with a lock, the others go on with the rest and then pick it up.
- Each language's rendered pages, under its input key: a language whose PDF is reused but
  which the translation check must read is not rendered again.  And the structure of each
  page the translation check compared, under the hash of what it was made from.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from . import cache as cache_module
from .cache import Cache
from .content import Page
from .errors import Finding, Findings
from .geometry import PrintGeometry
from .i18n import Fallback
from .images import (
    INSPECT_VERSION,
    ImageInfo,
    Prepared,
    _strict_decoding,
    inspect,
    prepare,
    prepared_name,
)
from .pdf import VIRTUAL_BASE, write_atomic
from .render import RenderedLanguage, RenderedPage


class LanguageState:
    """One language's record in the cache: reuse, prepared images, the PDF just written."""

    def __init__(self, cache: Cache, settings, lang: str, pdf_path: Path, fixed: str,
                 input_key: str, threads: int = 1) -> None:
        self.cache = cache
        self.settings = settings
        self.lang = lang
        self.pdf_path = pdf_path
        self.fixed = fixed
        self.input_key = input_key
        self.threads = max(1, threads)
        self.name = cache_module.record_name(settings, lang, pdf_path)
        self.record = cache.read_record(self.name)
        self.geometry = PrintGeometry.from_settings(settings)
        self.doc_key = ""
        self._inspected: dict[str, ImageInfo] = {}  # by file hash: a picture used on many pages

    # The cheap check, before anything is rendered ----------------------------------------

    def reuse_by_inputs(self) -> bool:
        return bool(self.record and self.record.get("input_key") == self.input_key
                    and self._restore_pdf())

    def _restore_pdf(self) -> bool:
        """Make sure the output holds the recorded PDF; True if it does (or now does again)."""
        record = self.record or {}
        digest = record.get("pdf_sha256")
        if not digest:
            return False
        try:
            stat = self.pdf_path.stat()
            if stat.st_size == record.get("pdf_size") and stat.st_mtime_ns == record.get("pdf_mtime_ns"):
                return True  # untouched since we wrote it: leave it (and its mtime) alone
        except OSError:
            pass
        stored = self.cache.pdf_path(digest)
        try:
            data = stored.read_bytes()
        except OSError:
            return False
        if cache_module.digest_bytes(data) != digest:
            return False
        write_atomic(self.pdf_path, data)
        stat = self.pdf_path.stat()
        self.record.update(pdf_size=stat.st_size, pdf_mtime_ns=stat.st_mtime_ns)
        self.cache.write_record(self.name, self.record)
        return True

    def recorded_findings(self) -> list[Finding]:
        return [Finding(**item) for item in (self.record or {}).get("findings", [])]

    @property
    def expected_pages(self) -> int:
        return int((self.record or {}).get("pdf_pages", 0))

    @property
    def content_pages(self) -> int:
        return int((self.record or {}).get("content_pages", 0))

    # Images ---------------------------------------------------------------------------

    def inspect(self, path: Path) -> ImageInfo:
        """:func:`manualgen.images.inspect`, remembered for this build and in the cache folder
        by the file's hash."""
        digest = self.cache.file_digest(path)
        if digest not in self._inspected:
            self._inspected[digest] = self._inspect(path, digest)
        return self._inspected[digest]

    def _inspect(self, path: Path, digest: str) -> ImageInfo:
        meta = self.cache.images / f"{digest}-{INSPECT_VERSION}.json"
        if self.cache.enabled:
            try:
                return ImageInfo(**json.loads(meta.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                pass
        info = inspect(path)
        if self.cache.enabled:
            cache_module.write_file(meta, json.dumps(dataclasses.asdict(info)).encode())
        return info

    def prepare_images(self, images: Iterable, findings: Findings) -> tuple[Callable, int]:
        """Prepare every screenshot of the document for its printed size (see images.py).

        Returns ``choose(use) -> URL | None`` for :meth:`AssembledDocument.html` and how many
        prepared files there are.  An image that cannot be decoded (its checksums were
        right, its pixel data is not) is an ``image-unreadable`` error at the first page and
        line that use it."""
        self.cache.images.mkdir(parents=True, exist_ok=True)
        wanted: dict[tuple[Path, int], object] = {}
        for use in images:
            key = (use.path, self._target(use))
            wanted.setdefault(key, use)  # the first use names the page for messages
        done: dict[tuple[Path, int], Prepared] = {}
        failed: list[tuple[object, Exception]] = []
        for wait in (False, True):
            todo = [key for key in wanted if done.get(key) is None]
            if todo:
                with _strict_decoding():  # one switch for all threads (see images.py)
                    self._prepare_all(todo, wait, done, failed, wanted)
        for use, exc in sorted(failed, key=lambda f: f[0].url):
            findings.error("image-unreadable", f'image "{use.path.name}": the image is damaged '
                           f"({exc}); export it again", use.page, use.line, lang=self.lang)

        def choose(use) -> str | None:
            prepared = done.get((use.path, self._target(use)))
            if prepared is None or prepared.path == use.path:
                return None
            return f"{VIRTUAL_BASE}cache/{prepared.path.name}"

        return choose, len(done)

    def _target(self, use) -> int:
        return self.geometry.target_width(use.context, use.info.width, use.info.height)

    def _prepare_all(self, todo, wait: bool, done: dict, failed: list, wanted: dict) -> None:
        locks = self.cache.root / "locks"

        def work(key: tuple[Path, int]):
            path, width = key
            digest = self.cache.file_digest(path)
            with claim(locks, prepared_name(digest, width), wait) as claimed:
                if not claimed:
                    return key, None  # another language is preparing it: come back later
                try:
                    return key, prepare(path, digest, width, self.cache.images,
                                        cache_module.write_file)
                except (OSError, SyntaxError, ValueError, EOFError) as exc:
                    failed.append((wanted[key], exc))  # reported by the caller, in order
                    return key, Prepared(path, 0, 0, "")

        if self.threads > 1 and len(todo) > 1:
            with concurrent.futures.ThreadPoolExecutor(self.threads) as pool:
                done.update(pool.map(work, todo))
        else:
            done.update(work(key) for key in todo)

    # The precise check, after the assembly ------------------------------------------------

    def reuse_by_document(self, html: str, files: Iterable[tuple[str, Path]]) -> bool:
        """True when the document and every file it embeds hash as at the last build (the
        previous PDF is then back in place)."""
        resources = [f"{url} {self.cache.file_digest(path)}" for url, path in files]
        for sheet in self.settings.stylesheets:
            try:
                resources.append(f"sheet {sheet} {self.cache.file_digest(sheet)}")
            except OSError:
                resources.append(f"sheet {sheet} -")
        self.doc_key = cache_module.document_key(self.fixed, html, resources)
        if self.record and self.record.get("document_key") == self.doc_key and self._restore_pdf():
            self.record["input_key"] = self.input_key  # next time the cheap check suffices
            self.cache.write_record(self.name, self.record)
            return True
        return False

    def store(self, pages: int, pdf_pages: int, findings: list[Finding]) -> None:
        """Remember the PDF just written, for the next build."""
        if not self.cache.enabled:
            return
        try:
            data = self.pdf_path.read_bytes()
            stat = self.pdf_path.stat()
        except OSError:
            return
        digest = cache_module.digest_bytes(data)
        self.cache.store_pdf(digest, data)
        self.record = {
            "input_key": self.input_key,
            "document_key": self.doc_key,
            "pdf_sha256": digest,
            "pdf_size": stat.st_size,
            "pdf_mtime_ns": stat.st_mtime_ns,
            "pdf_pages": pdf_pages,
            "content_pages": pages,
            "findings": [f.as_dict() for f in findings],
        }
        self.cache.write_record(self.name, self.record)


@contextlib.contextmanager
def claim(folder: Path, name: str, wait: bool):
    """An exclusive lock on ``name`` among processes and threads; yields False when another
    holds it and ``wait`` is False.  The system drops the lock if its holder dies."""
    if fcntl is None:  # no flock (Windows, which has no fork either): nothing to share
        yield True
        return
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / (name + ".lock"), "ab") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --- the translation check's record -------------------------------------------------------


def translation_record(cache: Cache, settings, langs: list[str], fixed: str,
                       input_keys: dict[str, str]) -> tuple[str, str] | None:
    """The cache record name and key of the translation check: every configured language's
    inputs (``input_keys`` has those the build computed already).  None without a cache.

    A build in which nothing changed replays the check's findings from it instead of
    reading and rendering every language only to compare them again."""
    if not cache.enabled:
        return None
    h = hashlib.sha256(fixed.encode() + repr(("translations", tuple(langs))).encode())
    for lang in sorted(settings.languages):
        key = input_keys.get(lang) or cache_module.input_key(cache, settings, lang, fixed)[0]
        h.update(key.encode())
    name = "translations-" + hashlib.sha256(
        str(Path(settings.site_root).resolve()).encode()).hexdigest()[:16]
    return name, h.hexdigest()


def recorded_structures(cache: Cache, settings, fixed: str) -> dict[str, list | None]:
    """The page structures the last translation check of this site found (see
    translations.structure_key), when manualgen and the options are the same (``fixed``,
    see cache.fixed_key); empty otherwise.  After one page is edited, the check parses
    only that page again."""
    record = cache.read_record(_structures_name(settings))
    if not record or record.get("key") != _structures_key(fixed):
        return {}
    pages = record.get("pages")
    return pages if isinstance(pages, dict) else {}


def record_structures(cache: Cache, settings, fixed: str, known: dict[str, list | None],
                      made: dict[str, list | None]) -> None:
    """Keep the structures of this check's pages (only these: the record does not grow),
    unless they are those already kept."""
    if cache.enabled and made and made != known:
        cache.write_record(_structures_name(settings), {"key": _structures_key(fixed),
                                                        "pages": made})


def _structures_name(settings) -> str:
    return "structures-" + hashlib.sha256(
        str(Path(settings.site_root).resolve()).encode()).hexdigest()[:16]


def _structures_key(fixed: str) -> str:
    return hashlib.sha256(fixed.encode()).hexdigest()


def recorded_translations(cache: Cache, record: tuple[str, str] | None) -> list[Finding] | None:
    """The findings of the last check whose inputs hashed the same, or None."""
    if record is None:
        return None
    name, key = record
    stored = cache.read_record(name)
    if stored and stored.get("key") == key:
        return [Finding(**item) for item in stored.get("findings", [])]
    return None


def record_translations(cache: Cache, record: tuple[str, str] | None,
                        found: list[Finding]) -> None:
    if record is not None:
        name, key = record
        cache.write_record(name, {"key": key, "findings": [f.as_dict() for f in found]})


# --- a language's rendered pages, for the translation check --------------------------------


def rendered_record_name(settings, lang: str) -> str:
    site = hashlib.sha256(str(Path(settings.site_root).resolve()).encode()).hexdigest()[:16]
    return f"rendered-{lang}-{site}"


def recorded_rendering(cache: Cache, settings, lang: str, input_key: str, home: Page,
                       labels: dict[str, str]) -> RenderedLanguage | None:
    """The pages of ``lang`` as its last rendering made them, when its input key is still
    the same (see :mod:`manualgen.cache`: the key covers every file a page's rendering can
    read, manualgen's code and the options); None otherwise.

    Speed (issue 11): after an edit to one language, every other language is read again
    only for the translation check; its Markdown need not be converted again.  Its
    rendering's findings are not replayed: use this only for a language read for that
    check, not for one whose problems the build reports."""
    if not input_key:
        return None
    record = cache.read_record(rendered_record_name(settings, lang))
    if not record or record.get("key") != input_key:
        return None
    pages = list(home.walk())
    stored = record.get("pages")
    try:
        if len(stored) != len(pages) or any(str(p.path) != s[0] for p, s in zip(pages, stored)):
            return None  # the same files, another tree: cannot happen with the same key
        rendered = tuple(_rendered_page(page, item) for page, item in zip(pages, stored))
    except (TypeError, ValueError, KeyError, IndexError):
        return None  # a damaged record: render again
    return RenderedLanguage(lang, home, rendered, labels, failed=bool(record.get("failed")))


def record_rendering(cache: Cache, settings, input_key: str, rendered: RenderedLanguage) -> None:
    """Keep a language's rendered pages under its input key, for the next build."""
    if not (cache.enabled and input_key):
        return
    pages = [[str(r.page.path), r.html, r.output_lines,
              [[f.key, f.text, str(f.file), f.line, str(f.source), f.source_line]
               for f in r.fallbacks], r.failed, r.description] for r in rendered.pages]
    cache.write_record(rendered_record_name(settings, rendered.lang),
                       {"key": input_key, "failed": rendered.failed, "pages": pages})


def _rendered_page(page: Page, item: list) -> RenderedPage:
    """One page of a rendering record; TypeError or ValueError when it is not one."""
    _path, html, lines, fallbacks, failed, description = item
    if not (isinstance(html, str) and isinstance(lines, dict) and isinstance(description, str)):
        raise TypeError("not a rendered page")
    return RenderedPage(page, html, {str(k): _number(v) for k, v in lines.items()},
                        tuple(Fallback(str(key), str(text), Path(file), _number(line, True),
                                       Path(source), _number(at, True))
                              for key, text, file, line, source, at in fallbacks),
                        failed=bool(failed), description=description)


def _number(value, optional: bool = False) -> int | None:
    """A line number read back from a record."""
    if value is None and optional:
        return None
    if type(value) is not int:
        raise TypeError("not a line number")
    return value
