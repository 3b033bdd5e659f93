"""Running one function over several items (languages), in forked processes when it pays.

One document renders on one core (WeasyPrint's layout is single-threaded), so the only way
to use a second core is a second document: each language that must be laid out gets its own
process.  Processes are forked, so the workers share the parent's values (settings, the
rendered pages) without pickling them and start without re-importing anything; their
results come back to the parent in the order of the items, so the output does not depend
on which process finished first.  Where ``fork`` does not exist they run one after another.

This module knows nothing of manuals: it runs the function it is given.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import queue as queue_module
from collections.abc import Callable
from typing import TypeVar

Progress = Callable[[str, str], None]
T = TypeVar("T")
R = TypeVar("R")
# What a job is given: the item, and a progress callback (None when nobody listens).
Job = Callable[[str, Progress | None], T]
OVERCOMMIT = 1.5  # processes per core when --jobs is not given (see worker_count)


def default_jobs() -> int:
    """One process per core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(requested: int, items: int) -> int:
    """How many processes for ``items`` languages: ``requested`` (``--jobs``) when given,
    else up to 1.5 per core.  With more languages than cores, a language that would wait
    for a free core starts at once instead and the cores share it: the last one then ends
    sooner (3 languages on 2 cores: two rounds of layout become one and a half), for the
    memory of one more process."""
    if requested > 0:
        wanted = requested
    else:
        wanted = max(1, math.ceil(default_jobs() * OVERCOMMIT))
    return max(1, min(wanted, items))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_each(job: Job, items: list[str], workers: int,
             progress: Progress | None = None) -> dict[str, T]:
    """``job(item, progress)`` for every item, in ``workers`` forked processes (or in this
    one when there is one worker, one item, or no fork)."""
    return run_each_and(job, items, workers, lambda: None, progress)[0]


def run_each_and(job: Job, items: list[str], workers: int, other: Callable[[], R],
                 progress: Progress | None = None) -> tuple[dict[str, T], R]:
    """:func:`run_each`, and ``other()`` in this process while the forked workers run (after
    the items when they run here): the parent's own work overlaps theirs."""
    if workers <= 1 or len(items) <= 1 or not can_fork():
        results = {item: job(item, progress) for item in items}
        return results, other()
    return _run_forked(job, items, workers, progress, other)


def _run_forked(job: Job, items: list[str], workers: int, progress: Progress | None,
                other: Callable[[], R]) -> tuple[dict[str, T], R]:
    ctx = multiprocessing.get_context("fork")
    messages = ctx.Queue()
    # The pool forks now: the children inherit `job` (a closure over the parent's values)
    # through the initializer, so nothing of it is pickled.
    pool = ctx.Pool(min(workers, len(items)), initializer=_adopt,
                    initargs=(job, messages, progress is not None))
    try:
        pending = {item: pool.apply_async(_run_adopted, (item,)) for item in items}
        late = other()
        _relay(messages, pending, progress)
        results = {item: pending[item].get() for item in items}
        pool.close()
        return results, late
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _relay(messages, pending: dict, progress: Progress | None) -> None:
    """Pass the children's progress messages on until every job has ended."""
    done = 0
    while done < len(pending) or not all(r.ready() for r in pending.values()):
        try:
            item = messages.get(timeout=0.1)
        except queue_module.Empty:
            if any(r.ready() and not r.successful() for r in pending.values()):
                return  # a job raised: .get() raises it in the parent
            continue
        if item is None:
            done += 1
        elif progress is not None:
            progress(*item)


class _Adopted:
    """The job a forked worker runs (set once per worker by the pool's initializer)."""

    job: Job | None = None
    messages = None
    report = False


def _adopt(job: Job, messages, report: bool) -> None:
    _Adopted.job, _Adopted.messages, _Adopted.report = job, messages, report


def _run_adopted(item: str):
    messages = _Adopted.messages

    def progress(stage: str, text: str) -> None:
        messages.put((stage, text))

    try:
        return _Adopted.job(item, progress if _Adopted.report else None)
    finally:
        messages.put(None)  # this item is done: the parent may stop waiting for its messages
