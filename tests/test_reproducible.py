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


def test_an_empty_source_date_epoch_prints_in_the_manuals_fonts(tmp_path, monkeypatch):
    """Found by fuzzing: with SOURCE_DATE_EPOCH set but empty, the stylesheets parsed for
    the workers before the layout loaded no font face (fontTools reads the variable to
    stamp each font), and every manual printed in fallback fonts with two css warnings."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    site = make_site(tmp_path / "site")
    result = build(site, BuildOptions(all=True, out=tmp_path / "out", no_cache=True, jobs=2))
    assert [r.lang for r in result.results if r.pdf is not None] == ["de", "fr"]
    assert not [f.format() for f in result.findings if "cannot be loaded" in f.message]


def test_a_source_date_epoch_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, capsys):
    site = make_site(tmp_path / "site")
    for value in ("1e9", "-5", "²", "253402300800", "9" * 5000):
        env = dict(os.environ, SOURCE_DATE_EPOCH=value)
        done = subprocess.run([sys.executable, "-m", "manualgen", "check", "--site", str(site)],
                              env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 2, (value[:20], done.stderr[-300:])
        assert "Traceback" not in done.stderr and "SOURCE_DATE_EPOCH is" in done.stderr
