"""``manualgen build --watch``: rebuild when a file changes, and say how long it took.

Polling modification times needs no new dependency and works on every file system (network
folders and containers included).  The files known are looked at ten times a second (a few
hundred ``stat`` calls: about a millisecond); the list of files, which reads the site's
configuration, is made again once a second, to see new pages.  What is watched is what the cache
hashes (:func:`manualgen.cache.language_inputs`) plus manualgen's own styles; the rebuild
itself is an ordinary incremental build, so only the languages whose documents changed are
rendered again.  After each rebuild it says, per language, whether it was rebuilt (and the
seconds of each stage) or left as it was: where an edit's seconds went is then visible.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
          sleep: Callable[[float], None] = time.sleep, rounds: int | None = None) -> int:
    """Run ``rebuild`` now and after every change; Ctrl-C ends it with status 0.
    ``rebuild`` may return the build's result, to be described language by language."""
    try:
        for line in describe(rebuild()):
            say(line)
        files = _safe_files(site)
        before = snapshot(files)
        say("watching for changes (Ctrl-C to stop)")
        n = 0
        while rounds is None or n < rounds:
            n += 1
            sleep(POLL_SECONDS)
            if n % RELIST_EVERY == 0:
                files = _safe_files(site)
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
            files = _safe_files(site)
            before = _as_read(now, files)
    except KeyboardInterrupt:
        say("stopped")
    return 0


def _as_read(seen: dict[Path, tuple[int, int]], files: list[Path]) -> dict[Path, tuple[int, int]]:
    """The files as a rebuild read them: as ``seen`` just before it started, so that a file
    saved (or deleted) while it ran counts as changed at the next poll; a file the new list
    adds (a new page, a stylesheet the configuration now names) as it is now."""
    return {**snapshot([path for path in files if path not in seen]), **seen}


def _safe_files(site: Path) -> list[Path]:
    try:
        return watched_files(site)
    except (ManualgenError, OSError, ValueError):  # a half-saved config: the next build says so
        return []
