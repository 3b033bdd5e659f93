"""The same inputs give byte-identical PDFs: across runs, folders, --jobs, hash seeds, zones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from manualgen.build import BuildOptions, build

from .test_incremental import make_site


def pdfs(result) -> dict[str, bytes]:
    assert not result.findings.errors, [f.format() for f in result.findings]
    return {r.lang: r.pdf.read_bytes() for r in result.results}


def test_same_bytes_from_another_folder_seed_and_time_zone(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "one" / "site")
    first = pdfs(build(site, BuildOptions(all=True, out=tmp_path / "out1", cache_dir=tmp_path / "c1",
                                          jobs=1)))
    copy = tmp_path / "elsewhere" / "deeper" / "copy"
    shutil.copytree(site, copy)
    env = dict(os.environ, PYTHONHASHSEED="12345", TZ="Pacific/Kiritimati", SOURCE_DATE_EPOCH="1700000000")
    subprocess.run([sys.executable, "-m", "manualgen", "build", "--all", "--quiet", "--out", "o",
                    "--cache", "c", "--jobs", "2"], cwd=copy, env=env, check=True,
                   capture_output=True)
    names = sorted(p.name for p in (tmp_path / "out1").glob("*.pdf"))
    assert names and len(names) == len(first)
    second = {name: (copy / "o" / name).read_bytes() for name in names}
    assert sorted(first.values()) == sorted(second.values())


def test_jobs_two_gives_the_same_bytes_as_jobs_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    one = pdfs(build(site, BuildOptions(all=True, out=tmp_path / "o1", no_cache=True, jobs=1)))
    two = pdfs(build(site, BuildOptions(all=True, out=tmp_path / "o2", no_cache=True, jobs=2)))
    assert one == two


def test_two_runs_without_source_date_epoch_are_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = make_site(tmp_path / "site")
    one = pdfs(build(site, BuildOptions(langs=["de"], out=tmp_path / "o1", no_cache=True, jobs=1)))
    import time

    time.sleep(1.1)  # the clock moves on: fontTools would stamp a new time into each font subset
    two = pdfs(build(site, BuildOptions(langs=["de"], out=tmp_path / "o2", no_cache=True, jobs=1)))
    assert one == two
