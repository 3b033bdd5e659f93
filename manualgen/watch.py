"""``manualgen build --watch``: rebuild when a file changes, and say how long it took.

Polling modification times needs no new dependency and works on every file system (network
folders and containers included).  The files known are looked at ten times a second (a few
hundred ``stat`` calls: about a millisecond); the list of files, which reads the site's
configuration, is made again once a second, to see new pages.  On Linux the wait between two
looks also ends as soon as a file in a watched folder is closed after writing, renamed or
deleted (inotify, :class:`Wakeup`): the save is then seen at once instead of up to a tenth
of a second later.  What changed is still decided by the modification times alone.  What is watched is what the cache
hashes (:func:`manualgen.cache.language_inputs`) plus manualgen's own styles; the rebuild
itself is an ordinary incremental build, so only the languages whose documents changed are
rendered again.  After each rebuild it says, per language, whether it was rebuilt (and the
seconds of each stage) or left as it was: where an edit's seconds went is then visible.
"""

from __future__ import annotations

import ctypes
import os
import select
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from .errors import ManualgenError

POLL_SECONDS = 0.1
RELIST_EVERY = 10  # polls: the list of watched files is made again once a second
STAGES = ("discover", "render", "assemble", "images", "layout", "write")


def snapshot(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """(mtime in ns, size) of every path; a missing file is simply absent."""
    seen: dict[Path, tuple[int, int]] = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        seen[path] = (st.st_mtime_ns, st.st_size)
    return seen


def watched_files(site: Path) -> list[Path]:
    """Every file a build of ``site`` may read (all languages), found again on each poll."""
    from .cache import language_inputs
    from .config import BUILTIN_STYLES, load_settings

    settings = load_settings(site)
    paths: list[Path] = []
    for lang in settings.languages:
        paths.extend(language_inputs(settings, lang))
    paths.extend(p for p in BUILTIN_STYLES.rglob("*") if p.is_file())
    return sorted(set(paths))


def describe(result: Any) -> list[str]:
    """One line per language of a build's result (a :class:`~manualgen.build.BuildResult`):
    rebuilt with its stage times, left as it was, or no PDF."""
    lines = []
    for item in getattr(result, "results", None) or []:
        if item.skipped:
            continue
        if item.reused:
            lines.append(f"[{item.lang}] unchanged, PDF kept")
            continue
        stages = [f"{name} {item.timings[name]:.2f}" for name in STAGES if name in item.timings]
        total = sum(item.timings.get(name, 0.0) for name in STAGES)
        what = "rebuilt" if item.pdf is not None else "no PDF (see the findings above)"
        lines.append(f"[{item.lang}] {what}: {total:.1f} s ({', '.join(stages)})"
                     if stages else f"[{item.lang}] {what}")
        if item.reused_chapters and item.pdf is not None:
            lines.append(f"[{item.lang}] laid out again: {_titles(item.laid_out)}; "
                         f"{item.reused_chapters} chapter(s) reused")
    return lines


def _titles(titles: list[str], most: int = 3) -> str:
    if not titles:
        return "only the contents"
    shown = ", ".join(titles[:most])
    return shown + (f" and {len(titles) - most} more" if len(titles) > most else "")


def watch(site: Path, rebuild: Callable[[], Any], say: Callable[[str], None],
          sleep: Callable[[float], None] | None = None, rounds: int | None = None) -> int:
    """Run ``rebuild`` now and after every change; Ctrl-C ends it with status 0.
    ``rebuild`` may return the build's result, to be described language by language.
    ``sleep``: the wait between two looks (tests pass their own); by default a
    :class:`Wakeup` on the watched folders."""
    with Wakeup() as wakeup:
        return _watch(site, rebuild, say, sleep or wakeup.wait, rounds, wakeup)


def _watch(site: Path, rebuild: Callable[[], Any], say: Callable[[str], None],
           sleep: Callable[[float], None], rounds: int | None, wakeup: Wakeup) -> int:
    try:
        for line in describe(rebuild()):
            say(line)
        files = _safe_files(site, [])
        wakeup.add(files)
        before = snapshot(files)
        say("watching for changes (Ctrl-C to stop)")
        n = 0
        while rounds is None or n < rounds:
            n += 1
            sleep(POLL_SECONDS)
            if n % RELIST_EVERY == 0:
                files = _safe_files(site, files)
                wakeup.add(files)
            now = snapshot(files)
            if now == before:
                continue
            changed = sorted({p for p in now.keys() | before.keys() if now.get(p) != before.get(p)})
            names = ", ".join(p.name for p in changed[:3]) + (" …" if len(changed) > 3 else "")
            say(f"changed: {names}")
            t0 = time.perf_counter()
            result = rebuild()
            for line in describe(result):
                say(line)
            say(f"rebuilt in {time.perf_counter() - t0:.1f} s; watching")
            files = _safe_files(site, files)
            wakeup.add(files)
            before = _as_read(now, files)
    except KeyboardInterrupt:
        say("stopped")
    return 0


def _as_read(seen: dict[Path, tuple[int, int]], files: list[Path]) -> dict[Path, tuple[int, int]]:
    """The files as a rebuild read them: as ``seen`` just before it started, so that a file
    saved (or deleted) while it ran counts as changed at the next poll; a file the new list
    adds (a new page, a stylesheet the configuration now names) as it is now."""
    return {**snapshot([path for path in files if path not in seen]), **seen}


def _safe_files(site: Path, known: list[Path]) -> list[Path]:
    """The files to watch; those ``known`` while the configuration cannot be read (a
    half-saved config: the build says so), so that its next save is seen, and nothing
    else counts as changed meanwhile."""
    try:
        return watched_files(site)
    except (ManualgenError, OSError, ValueError):
        return known


class Wakeup:
    """A wait that ends early when a file in a watched folder is written, renamed or deleted
    (Linux inotify through the C library; elsewhere, or when the system refuses, a plain
    sleep).  It only shortens the wait: :func:`watch` still compares modification times.

    The events asked for come when a writer is done (a file closed after writing, moved in
    or out, created, deleted, its attributes changed), not at each write: an editor that
    writes a page in several pieces wakes it once it has closed the file."""

    _EVENTS = 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x4  # CLOSE_WRITE MOVED_FROM/TO CREATE DELETE ATTRIB
    _NONBLOCK_CLOEXEC = 0o4000 | 0o2000000
    SETTLE = 0.02  # seconds for the other files of the same save to be written

    def __init__(self) -> None:
        self._fd = -1
        self._libc = None

    def __enter__(self) -> Self:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(self._NONBLOCK_CLOEXEC)
        except (OSError, AttributeError, TypeError):  # not Linux (Windows: no CDLL(None))
            return self
        if fd >= 0:
            self._fd, self._libc = fd, libc
        return self

    def __exit__(self, *exc) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def add(self, files: list[Path]) -> None:
        """Watch the folders holding ``files``.  Asked again for the folders already
        watched (the kernel keeps one watch a folder): a folder deleted and made again is
        watched again."""
        if self._fd < 0:
            return
        for folder in sorted({path.parent for path in files}):
            self._libc.inotify_add_watch(self._fd, os.fsencode(folder), self._EVENTS)

    def wait(self, seconds: float) -> None:
        """Return after ``seconds``, or soon after a watched folder changes."""
        if self._fd < 0:
            time.sleep(seconds)
            return
        poller = select.poll()  # not select(), which refuses descriptors from 1024 on
        poller.register(self._fd, select.POLLIN)
        if poller.poll(seconds * 1000):
            time.sleep(self.SETTLE)
            self._drain()

    def _drain(self) -> None:
        try:
            while os.read(self._fd, 65536):
                pass
        except BlockingIOError:
            pass
