"""The small process tools: jobs.run_each runs a function it is given, reuse.claim shares an
image among workers."""

import os

import pytest

from manualgen import jobs
from manualgen.reuse import claim

pytestmark = pytest.mark.skipif(not jobs.can_fork(), reason="no fork on this system")


def test_each_item_runs_in_a_process_of_its_own_and_results_come_back_in_order():
    parent = os.getpid()
    seen = []

    def job(item, progress):
        progress("stage", f"working on {item}")
        return os.getpid(), item * 2

    results = jobs.run_each(job, ["a", "b", "c"], workers=2,
                            progress=lambda stage, text: seen.append(text))
    assert list(results) == ["a", "b", "c"]
    assert [value for _pid, value in results.values()] == ["aa", "bb", "cc"]
    assert all(pid != parent for pid, _value in results.values())
    assert sorted(seen) == ["working on a", "working on b", "working on c"]


def test_one_worker_runs_the_items_in_this_process():
    results = jobs.run_each(lambda item, progress: (os.getpid(), progress), ["x", "y"], 1)
    assert results == {"x": (os.getpid(), None), "y": (os.getpid(), None)}


def test_the_parents_own_work_runs_while_the_workers_do(tmp_path):
    """run_each_and: ``other()`` runs in the parent after the workers have started (here it
    waits for a file each worker writes when it starts), and both results come back."""
    import time

    parent = os.getpid()

    def job(item, progress):
        (tmp_path / item).write_text("started", encoding="utf-8")
        time.sleep(0.3)
        return item.upper()

    def other():
        deadline = time.monotonic() + 30
        while not all((tmp_path / item).exists() for item in ("a", "b")):
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.01)
        return os.getpid()

    results, late = jobs.run_each_and(job, ["a", "b"], 2, other)
    assert results == {"a": "A", "b": "B"} and late == parent
    results, late = jobs.run_each_and(job, ["c"], 1, lambda: "after")
    assert results == {"c": "C"} and late == "after"


def test_an_exception_in_a_worker_is_raised_in_the_parent():
    def job(item, progress):
        if item == "bad":
            raise ValueError("broken on purpose")
        return item

    with pytest.raises(ValueError, match="broken on purpose"):
        jobs.run_each(job, ["good", "bad"], workers=2)


def test_an_image_claimed_by_one_worker_is_left_to_it_until_it_is_done(tmp_path):
    with claim(tmp_path, "shot", wait=False) as first:
        assert first
        with claim(tmp_path, "shot", wait=False) as second:
            assert not second  # another holds it: go on with the other images
        with claim(tmp_path, "other", wait=False) as third:
            assert third
    with claim(tmp_path, "shot", wait=True) as again:
        assert again
