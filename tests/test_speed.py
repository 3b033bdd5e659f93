"""Issue 11's levers change no byte: the cyclic collector off during layout, WeasyPrint loaded
before the fork, more processes than cores, images on two threads; --watch says what it
rebuilt and how long each stage took."""

from __future__ import annotations

import contextlib
import gc
import os

import pytest

from manualgen import cli, jobs, pdf
from manualgen.build import BuildOptions, build

from .test_incremental import make_site


def test_processes_per_language_go_up_to_one_and_a_half_per_core(monkeypatch):
    monkeypatch.setattr(jobs, "default_jobs", lambda: 2)
    assert jobs.worker_count(0, 3) == 3  # 3 languages on 2 cores: all at once
    assert jobs.worker_count(0, 5) == 3
    assert jobs.worker_count(0, 1) == 1
    assert jobs.worker_count(1, 3) == 1  # --jobs wins
    assert jobs.worker_count(4, 2) == 2


def test_the_collector_is_off_in_layout_on_for_new_objects_in_writing_and_as_it_was_after():
    assert gc.isenabled()
    with pdf.frozen_collector(collect=False):
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pdf.frozen_collector(collect=True):
        assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.disable()
    try:
        with pdf.frozen_collector(collect=True):
            assert gc.isenabled()
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()


@pytest.mark.skipif(not jobs.can_fork(), reason="no fork on this system")
def test_the_levers_on_and_off_give_the_same_bytes(tmp_path, monkeypatch):
    """Off: one process, images on one thread, the collector as usual, nothing preloaded.
    On: three processes for three languages on two cores, two image threads, the collector
    off in layout and frozen in writing, WeasyPrint loaded before the fork."""
    from manualgen import build as build_module

    from .test_incremental import STEP, screenshot_bytes

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    (site / "static/img/second_de.png").write_bytes(screenshot_bytes("zwei"))
    with (site / "content/de/a.md").open("a", encoding="utf-8") as handle:
        handle.write(STEP.format(image="second_de.png"))
    (site / "content/it").mkdir()
    (site / "content/it/_index.md").write_text("---\ntitle: Inizio\n---\nBenvenuti.\n",
                                               encoding="utf-8")
    (site / "hugo.toml").write_text((site / "hugo.toml").read_text(encoding="utf-8").replace(
        "[languages.fr]", '[languages.it]\nlanguageName = "Italiano"\nweight = 3\n'
        'contentDir = "content/it"\n\n[languages.fr]'), encoding="utf-8")
    monkeypatch.setattr(jobs, "default_jobs", lambda: 2)
    outs = {}
    for name in ("off", "on"):
        if name == "off":
            monkeypatch.setattr(build_module, "IMAGE_THREADS", 1)
            monkeypatch.setattr(pdf, "frozen_collector", lambda collect: contextlib.nullcontext())
            monkeypatch.setattr(build_module.Run, "_preload", lambda self, todo: None)
        else:
            monkeypatch.undo()
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
            monkeypatch.setattr(jobs, "default_jobs", lambda: 2)
        options = BuildOptions(all=True, out=tmp_path / name, cache_dir=tmp_path / f"c-{name}",
                               jobs=1 if name == "off" else 0)
        result = build(site, options)
        assert not result.findings.errors, [f.format() for f in result.findings]
        outs[name] = {r.lang: r.pdf.read_bytes() for r in result.results}
        assert all("write" in r.timings and "layout" in r.timings for r in result.results)
    assert sorted(outs["off"]) == ["de", "fr", "it"]
    assert outs["off"] == outs["on"]


@pytest.mark.parametrize("cache", ["cache", "no-cache"])
def test_watch_says_which_language_it_rebuilt_and_each_stage(tmp_path, monkeypatch, cache):
    """Chapters come from the cache folder, or with --no-cache from the watching process."""
    from manualgen.watch import watch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    (site / "manualgen.toml").write_text('[print]\nchapter_start = "right"\n', encoding="utf-8")
    argv = ["build", "--site", str(site), "--all", "-q", "--jobs", "1",
            "--out", str(tmp_path / "out")] + (
        ["--cache", str(tmp_path / "cache")] if cache == "cache" else ["--no-cache"])
    said, rounds = [], []

    def sleep(_seconds):
        rounds.append(1)
        if len(rounds) == 1:
            target = site / "content/de/a.md"
            target.write_text(target.read_text(encoding="utf-8") + "\nMehr.\n", encoding="utf-8")
        elif len(rounds) >= 2:
            raise KeyboardInterrupt

    assert watch(site, cli._rebuild_for_watch(argv), said.append, sleep=sleep) == 0
    first, later = said[:said.index("watching for changes (Ctrl-C to stop)")], said
    assert [line.split(":")[0] for line in first] == ["[de] rebuilt", "[fr] rebuilt"]
    after = later[later.index("changed: a.md") + 1:]
    assert after[0].startswith("[de] rebuilt: ")
    assert all(f"{stage} " in after[0] for stage in ("render", "assemble", "layout", "write"))
    assert after[1] == "[de] laid out again: 1 Erfassen; 1 chapter(s) reused"  # not "Start"
    if cache == "cache":
        assert after[2] == "[fr] unchanged, PDF kept"
    else:  # nothing kept the French PDF's record: it is laid out again, all chapters reused
        assert after[2].startswith("[fr] rebuilt: ")
        assert after[3] == "[fr] laid out again: only the contents; 2 chapter(s) reused"
    assert said[-2].startswith("rebuilt in ") and said[-1] == "stopped"


def test_ctrl_c_during_a_rebuild_stops_the_watching(monkeypatch):
    def interrupted(argv, made=None, layouts=None, sheets=None, templates=None):
        return 130  # what main returns when Ctrl-C came during its build

    monkeypatch.setattr(cli, "main", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli._rebuild_for_watch(["build"])()


def test_a_build_with_nothing_to_lay_out_does_not_load_weasyprint(tmp_path):
    """A language without content (configured, never printed) must not make an unchanged
    build pay WeasyPrint's import: it is loaded only for languages with pages to lay out."""
    import subprocess
    import sys

    site = make_site(tmp_path / "site")
    (site / "hugo.toml").write_text((site / "hugo.toml").read_text(encoding="utf-8").replace(
        "[languages.fr]", '[languages.it]\nlanguageName = "Italiano"\nweight = 3\n'
        'contentDir = "content/it"\n\n[languages.fr]'), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from manualgen.build import BuildOptions, build;"
            f"o = BuildOptions(all=True, out=Path({str(tmp_path / 'out')!r}), "
            f"cache_dir=Path({str(tmp_path / 'cache')!r}), jobs=1);"
            f"r = build(Path({str(site)!r}), o); assert not r.findings.errors;"
            "print(sorted(x.lang for x in r.results if x.reused), 'weasyprint' in sys.modules)")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    first, again = (subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                   env=env, check=False) for _ in range(2))
    assert first.stdout.split("]")[-1].strip() == "True", first.stderr
    assert again.stdout.strip() == "['de', 'fr'] False", again.stderr


def test_page_references_are_remembered_while_writing_and_the_same():
    import pydyf

    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    plain, original = document.page_references, pydyf.PDF.__dict__["page_references"]
    with pdf.remembered_page_references():
        first = document.page_references
        assert first == plain and document.page_references is first  # made once
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert len(document.page_references) == 4  # a page added: made again
    assert pydyf.PDF.__dict__["page_references"] is original  # pydyf as it was


def test_the_translation_check_waits_for_the_pdfs_unless_it_can_stop_them(tmp_path, monkeypatch):
    """Without --strict the translation check cannot stop a PDF, so it runs after the
    printing (the PDF of an edit is there sooner); with --strict it runs first."""
    from manualgen import build as build_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    seen = []
    original = build_module.Run._check_translations

    def check(self, langs, sources, *rest):
        seen.append(sorted(p.name for p in (self.options.out).glob("*.pdf")))
        return original(self, langs, sources, *rest)

    monkeypatch.setattr(build_module.Run, "_check_translations", check)
    for strict, out in ((False, "loose"), (True, "strict")):
        result = build(site, BuildOptions(all=True, out=tmp_path / out, jobs=1, strict=strict,
                                          cache_dir=tmp_path / f"cache-{out}"))
        assert all(r.pdf is not None for r in result.results)
    assert seen == [["test-manual-de.pdf", "test-manual-fr.pdf"], []]
