"""The small process tools of jobs.py: a job in the background, a claim on an image."""

import os

import pytest

from manualgen import jobs


def _pid_and_square(x):
    return os.getpid(), x * x


def _fail():
    raise ValueError("broken on purpose")


def test_background_job_runs_in_another_process_and_returns_its_value():
    job = jobs.Background(_pid_and_square, 7)
    pid, value = job.result()
    assert value == 49
    assert pid != os.getpid()
    assert job.result() == (pid, 49)  # asked again: the same answer, no new process


def test_background_job_raises_the_childs_exception_in_the_parent():
    job = jobs.Background(_fail)
    with pytest.raises(ValueError, match="broken on purpose"):
        job.result()


def test_background_job_runs_in_place_when_not_parallel():
    job = jobs.Background(_pid_and_square, 3, parallel=False)
    assert job.result() == (os.getpid(), 9)
    job.cancel()  # nothing to cancel: no error


def test_an_image_claimed_by_one_worker_is_left_to_it_until_it_is_done(tmp_path):
    with jobs._claim(tmp_path, "shot", wait=False) as first:
        assert first
        with jobs._claim(tmp_path, "shot", wait=False) as second:
            assert not second  # another holds it: go on with the other images
        with jobs._claim(tmp_path, "other", wait=False) as third:
            assert third
    with jobs._claim(tmp_path, "shot", wait=True) as again:
        assert again
