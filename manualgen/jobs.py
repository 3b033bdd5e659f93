"""Running the languages of a build: reuse what is unchanged, render the rest in parallel.

One document renders on one core (WeasyPrint's layout is single-threaded), so the only way
to use a second core is a second document: each language that must be rendered gets its own
process (``--jobs``, default: the number of cores).  Before any of that, a language whose
inputs hash the same as at its last build gets its previous PDF back without Markdown,
WeasyPrint or even its import (see :mod:`manualgen.cache`).

Processes are forked, so the workers share the parent's settings without pickling them and
start without re-importing anything; their findings and results come back to the parent and
are merged in the order of the languages, so the output does not depend on which process
finished first.  Where ``fork`` does not exist the languages run one after another.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import multiprocessing
import os
import queue as queue_module
import time
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from . import cache as cache_module
from .cache import Cache
from .errors import Finding, Findings
from .images import (
    ImageInfo,
    Prepared,
    PrintGeometry,
    _strict_decoding,
    inspect,
    prepare,
    prepared_name,
    rewrite_images,
)
from .pdf import VIRTUAL_BASE, Roots, write_atomic

Progress = Callable[[str, str], None]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class LanguageState:
    """What one language's build needs from the cache, and what it leaves there."""

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
        self.sources: dict[str, tuple[Path, str]] = {}  # image URL → (file, digest)
        self.infos: dict[str, ImageInfo] = {}
        self.used_at: dict[str, tuple[Path, int | None]] = {}  # url → first page and line

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

    # Images ---------------------------------------------------------------------------

    def attach(self, roots: Roots) -> None:
        """Serve prepared images under the virtual ``cache/`` root."""
        self.cache.images.mkdir(parents=True, exist_ok=True)
        roots.mapping["cache"] = self.cache.images.resolve()

    def inspect(self, path: Path) -> ImageInfo:
        """:func:`manualgen.images.inspect`, remembered in the cache by the file's hash."""
        digest = self.cache.file_digest(path)
        meta = self.cache.images / f"{digest}.json"
        if self.cache.enabled:
            try:
                return ImageInfo(**json.loads(meta.read_text(encoding="utf-8")))
            except (OSError, ValueError, TypeError):
                pass
        info = inspect(path)
        if self.cache.enabled:
            cache_module.write_file(meta, json.dumps(dataclasses.asdict(info)).encode())
        return info

    def note_image(self, path: Path, url: str | None, info: ImageInfo,
                   where: tuple[Path, int | None] | None = None) -> None:
        if url:
            self.sources[url] = (path, self.cache.file_digest(path))
            self.infos[url] = info
            if where is not None:
                self.used_at.setdefault(url, where)

    def note_file(self, path: Path, url: str | None) -> None:
        """Another file the document embeds (``<object>``, ``<embed>``, a style's ``url()``):
        part of the document key, so that a changed file is not served from an old PDF."""
        if url and url not in self.sources:
            self.sources[url] = (path, self.cache.file_digest(path))

    def prepare_images(self, html: str, findings: Findings | None = None) -> tuple[str, int]:
        """Point every screenshot at a copy prepared for its printed size (see images.py).

        An image that cannot be decoded (its checksums were right, its pixel data is not) is
        an ``image-unreadable`` error at the first page and line that use it."""
        wanted: dict[tuple[str, int], None] = {}

        def collect(src: str, context: str) -> None:
            info = self.infos.get(src)
            if info and info.width and info.height and not info.problem:
                wanted[(src, self.geometry.target_width(context, info.width, info.height))] = None

        rewrite_images(html, collect)
        done: dict[tuple[str, int], Prepared] = {}

        locks = self.cache.root / "locks"
        failed: list[tuple[str, Path, Exception]] = []

        def work(item: tuple[str, int], wait: bool) -> tuple[tuple[str, int], Prepared | None]:
            path, digest = self.sources[item[0]]
            with _claim(locks, prepared_name(digest, item[1]), wait) as claimed:
                if not claimed:
                    return item, None  # another language is preparing it: come back later
                try:
                    return item, prepare(path, digest, item[1], self.cache.images,
                                         cache_module.write_file)
                except (OSError, SyntaxError, ValueError, EOFError) as exc:
                    failed.append((item[0], path, exc))  # reported below, in order
                    return item, Prepared(path, 0, 0, "")

        # Languages share most screenshots: each is prepared by whichever process gets to it
        # first, while the others go on with the rest and then pick it up from the cache.
        for wait in (False, True):
            todo = [item for item in wanted if done.get(item) is None]
            if todo:
                with _strict_decoding():  # one switch for all threads (see images.py)
                    self._prepare_all(todo, work, wait, done)

        for url, path, exc in sorted(failed, key=lambda f: f[0]):
            if findings is not None:
                page, line = self.used_at.get(url, (path, None))
                findings.error("image-unreadable", f'image "{path.name}": the image is damaged '
                               f"({exc}); export it again", page, line, lang=self.lang)

        def choose(src: str, context: str) -> str | None:
            info = self.infos.get(src)
            if not (info and info.width and info.height and not info.problem):
                return None
            prepared = done[(src, self.geometry.target_width(context, info.width, info.height))]
            if prepared.path == self.sources[src][0]:
                return None
            return f"{VIRTUAL_BASE}cache/{prepared.path.name}"

        return rewrite_images(html, choose), len(done)

    def _prepare_all(self, todo, work, wait: bool, done: dict) -> None:
        if self.threads > 1 and len(todo) > 1:
            with concurrent.futures.ThreadPoolExecutor(self.threads) as pool:
                done.update(pool.map(lambda item: work(item, wait), todo))
        else:
            done.update(work(item, wait) for item in todo)

    # The precise check, after the assembly ------------------------------------------------

    def document_key(self, html: str) -> str:
        resources = [f"{url} {digest}" for url, (_path, digest) in self.sources.items()]
        for sheet in self.settings.stylesheets:
            try:
                resources.append(f"sheet {sheet} {self.cache.file_digest(sheet)}")
            except OSError:
                resources.append(f"sheet {sheet} -")
        self.doc_key = cache_module.document_key(self.fixed, html, resources)
        return self.doc_key

    def reuse_by_document(self, html: str) -> bool:
        key = self.document_key(html)
        if self.record and self.record.get("document_key") == key and self._restore_pdf():
            self.record["input_key"] = self.input_key  # next time the cheap check suffices
            self.cache.write_record(self.name, self.record)
            return True
        return False

    def store(self, pages: int, findings: list[Finding]) -> None:
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
            "document_key": getattr(self, "doc_key", ""),
            "pdf_sha256": digest,
            "pdf_size": stat.st_size,
            "pdf_mtime_ns": stat.st_mtime_ns,
            "pdf_pages": _PAGES.take(),
            "content_pages": pages,
            "findings": [f.as_dict() for f in findings],
        }
        self.cache.write_record(self.name, self.record)


# --- running the languages ---------------------------------------------------------------

_SHARED: dict = {}  # what forked workers inherit from the parent


class _PageCounter(logging.Handler):
    """Counts the pages WeasyPrint lays out, for the next build's progress bar."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.pages = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Step 5 - Creating layout - Page %d" and record.args:
            self.pages = max(self.pages, int(record.args[0]))

    def take(self) -> int:
        pages, self.pages = self.pages, 0
        return pages


_PAGES = _PageCounter()
logging.getLogger("weasyprint.progress").addHandler(_PAGES)


def run_languages(settings, langs: list[str], options, findings: Findings, date: dt.datetime,
                  progress: Progress | None, cache: Cache | None = None) -> list:
    """Build each language (reusing, in-process or in parallel) and merge the findings.

    A ``cache`` passed in stays open (its owner closes it)."""
    from .build import LanguageResult

    own_cache = cache is None
    if cache is None:
        cache = Cache(None if options.no_cache else Path(options.cache_dir))
    # fontTools stamps every font subset with "now" unless SOURCE_DATE_EPOCH is set: the
    # manual's own date keeps the PDF bytes the same from one run (and machine) to the next.
    old_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(date.timestamp()))
    try:
        env = cache_module.environment_key()
        opts = [(f.name, getattr(options, f.name)) for f in dataclasses.fields(options)
                if f.name in ("html", "strict", "check_only")]
        fixed = cache_module.fixed_key(env, settings, opts, date.isoformat())
        states: dict[str, LanguageState] = {}
        results: dict[str, LanguageResult] = {}
        lang_findings: dict[str, list[Finding]] = {}
        for lang in langs:
            t0 = time.perf_counter()
            pdf_path = options.out / settings.output_filename(lang)
            # Without a cache nothing is reused: no need to hash every file of the site.
            key = cache_module.input_key(cache, settings, lang, fixed)[0] if cache.enabled else ""
            state = LanguageState(cache, settings, lang, pdf_path, fixed, key)
            states[lang] = state
            if not options.check_only and cache.enabled and state.reuse_by_inputs():
                result = LanguageResult(lang, pdf=pdf_path, reused=True)
                result.pages = int(state.record.get("content_pages", 0))
                result.timings["fingerprint"] = time.perf_counter() - t0
                results[lang] = result
                lang_findings[lang] = state.recorded_findings()
                if progress:
                    progress("reuse", f"[{lang}] unchanged; {pdf_path} reused")
        todo = [lang for lang in langs if lang not in results]
        jobs = max(1, options.jobs or default_jobs())
        use_processes = (jobs > 1 and len(todo) > 1 and not options.check_only
                         and "fork" in multiprocessing.get_all_start_methods())
        workers = min(jobs, len(todo)) if use_processes else 1
        for lang in todo:
            states[lang].threads = max(1, jobs // workers)
        if use_processes:
            built = _run_forked(settings, todo, options, date, states, progress, workers, list(findings))
        else:
            built = {}
            for lang in todo:
                own = Findings()
                own.extend(findings)  # earlier findings (translation drift) count for --strict
                built[lang] = (_build_one(settings, lang, options, own, date, progress, states[lang]),
                               list(own))
        for lang, (result, items) in built.items():
            results[lang] = result
            lang_findings[lang] = items
        for lang in langs:
            findings.extend(lang_findings.get(lang, []))
        return [results[lang] for lang in langs]
    finally:
        if old_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old_epoch
        if own_cache:
            cache.close()


def _build_one(settings, lang, options, findings, date, progress, state):
    from .build import build_language

    return build_language(settings, lang, options, findings, date, progress, state=state)


def _worker(lang: str):
    shared = _SHARED
    own = Findings()
    own.extend(shared["seed"])
    queue = shared["queue"]

    def progress(stage: str, text: str) -> None:
        queue.put((stage, text))

    result = _build_one(shared["settings"], lang, shared["options"], own, shared["date"],
                        progress if shared["progress"] else None, shared["states"][lang])
    queue.put(None)  # this language is done: the parent may stop waiting for its messages
    return result, list(own)


def _run_forked(settings, todo, options, date, states, progress, workers, seed):
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    _SHARED.update(settings=settings, options=options, date=date, states=states, queue=queue,
                   progress=progress is not None, seed=seed)
    pool = ctx.Pool(workers)  # forks now, before any thread exists in this process
    try:
        pending = {lang: pool.apply_async(_worker, (lang,)) for lang in todo}
        done_messages = 0
        while done_messages < len(todo) or not all(r.ready() for r in pending.values()):
            try:
                item = queue.get(timeout=0.1)
            except queue_module.Empty:
                if any(r.ready() and not r.successful() for r in pending.values()):
                    break
                continue
            if item is None:
                done_messages += 1
            elif progress is not None:
                progress(*item)
        built = {lang: pending[lang].get() for lang in todo}
        pool.close()
        return built
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _SHARED.clear()


@contextlib.contextmanager
def _claim(folder: Path, name: str, wait: bool):
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


class Background:
    """``fn(*args)`` run in a forked process while the caller goes on; ``result()`` waits.

    Where fork is missing (Windows) or the job is the only one, it runs in place, at once.
    An exception in the child is raised again by ``result()``.
    """

    def __init__(self, fn: Callable, *args, parallel: bool = True) -> None:
        self._process = None
        if not (parallel and "fork" in multiprocessing.get_all_start_methods()):
            self._value = fn(*args)
            return
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_background_child, args=(send, fn, args), daemon=True)
        self._process.start()
        send.close()

    def result(self):
        if self._process is None:
            return self._value
        try:
            status, value = self._receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            raise RuntimeError("the background job ended without a result") from None
        finally:
            self._process.join()
            self._receive.close()
            self._process = None
        if status == "error":
            raise value
        self._value = value
        return value

    def cancel(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._receive.close()
            self._process = None


def _background_child(send, fn, args) -> None:
    try:
        message = ("ok", fn(*args))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        message = ("error", exc)
    try:
        send.send(message)
    except Exception as exc:  # noqa: BLE001 - e.g. an exception that cannot be pickled
        send.send(("error", RuntimeError(f"{type(message[1]).__name__}: {message[1]}; {exc}")))
    send.close()
