"""Incremental builds: unchanged languages reuse their PDF, an edit rebuilds only its language."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from manualgen.build import BuildOptions, build

from .conftest import page, write_site


def screenshot_bytes(label: str) -> bytes:
    import io

    img = Image.new("RGBA", (1900, 700), (246, 247, 249, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 1900, 50), fill=(29, 79, 145, 255))
    for y in range(80, 680, 30):
        d.text((260, y), f"{label} row {y} value", fill=(20, 20, 20, 255))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


STEP = """
<div class="two_column">
<div class="left_col">

Click **Save** to keep the record.

</div>
<div class="right_col">
<img src="/img/{image}" alt="Form">
</div>
</div>
"""


def make_site(root: Path) -> Path:
    return write_site(root, {
        "content/de/_index.md": page("Start", body="Willkommen."),
        "content/de/a.md": page("Erfassen", 1, body="Text.\n" + STEP.format(image="shot_de.png")),
        "content/fr/_index.md": page("Accueil", body="Bienvenue."),
        "content/fr/a.md": page("Saisir", 1, body="Texte.\n" + STEP.format(image="shot_fr.png")),
        "static/img/shot_de.png": screenshot_bytes("de"),
        "static/img/shot_fr.png": screenshot_bytes("fr"),
    })


def run(site: Path, tmp: Path, **kw):
    options = BuildOptions(all=True, out=tmp / "out", cache_dir=tmp / "cache", jobs=1, **kw)
    result = build(site, options)
    assert not result.findings.errors, [f.format() for f in result.findings]
    return {r.lang: r for r in result.results}


def test_unchanged_build_reuses_pdfs_and_an_edit_rebuilds_its_language(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    first = run(site, tmp_path)
    assert not any(r.reused for r in first.values())
    stats = {lang: r.pdf.stat() for lang, r in first.items()}

    second = run(site, tmp_path)
    assert all(r.reused for r in second.values())
    for lang, r in second.items():
        assert r.pdf.stat().st_mtime_ns == stats[lang].st_mtime_ns  # not even rewritten
        assert r.pdf.stat().st_ino == stats[lang].st_ino

    before = first["fr"].pdf.read_bytes(), first["de"].pdf.read_bytes()
    (site / "content/de/a.md").write_text(page("Erfassen", 1, body="Neuer Text.\n" + STEP.format(
        image="shot_de.png")), encoding="utf-8")
    third = run(site, tmp_path)
    assert not third["de"].reused and third["fr"].reused
    assert third["de"].pdf.read_bytes() != before[1]
    assert third["fr"].pdf.read_bytes() == before[0]


def test_changed_screenshot_rebuilds_only_the_language_that_shows_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    run(site, tmp_path)
    (site / "static/img/shot_fr.png").write_bytes(screenshot_bytes("fr, fixed"))
    again = run(site, tmp_path)
    assert again["de"].reused and not again["fr"].reused


def test_cache_can_be_deleted_or_bypassed_with_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    first = {lang: r.pdf.read_bytes() for lang, r in run(site, tmp_path).items()}
    shutil.rmtree(tmp_path / "cache")
    rebuilt = run(site, tmp_path)
    assert not any(r.reused for r in rebuilt.values())
    assert {lang: r.pdf.read_bytes() for lang, r in rebuilt.items()} == first
    bypassed = run(site, tmp_path, no_cache=True)
    assert not any(r.reused for r in bypassed.values())
    assert {lang: r.pdf.read_bytes() for lang, r in bypassed.items()} == first


def test_deleted_output_is_restored_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    first = run(site, tmp_path)
    data = first["de"].pdf.read_bytes()
    first["de"].pdf.unlink()
    again = run(site, tmp_path)
    assert again["de"].reused and again["de"].pdf.read_bytes() == data


def test_watch_rebuilds_after_a_change_and_stops_cleanly(tmp_path):
    from manualgen.watch import watch

    site = make_site(tmp_path / "site")
    builds, said = [], []

    def rebuild():
        builds.append(1)

    def sleep(_seconds):
        if len(builds) == 1:
            target = site / "content/de/a.md"
            target.write_text(target.read_text(encoding="utf-8") + "\nMehr.\n", encoding="utf-8")
        elif len(builds) >= 2:
            raise KeyboardInterrupt

    assert watch(site, rebuild, said.append, sleep=sleep) == 0
    assert len(builds) == 2
    assert any(s.startswith("rebuilt in") for s in said) and said[-1] == "stopped"


def test_watch_sees_a_new_page_within_a_second(tmp_path):
    """The known files are polled ten times a second; the list of files is made again once a
    second, so a page added is seen by the tenth poll."""
    from manualgen.watch import RELIST_EVERY, watch

    site = make_site(tmp_path / "site")
    builds, said, polls = [], [], []

    def rebuild():
        builds.append(len(polls))

    def sleep(_seconds):
        polls.append(1)
        if len(polls) == 1:
            (site / "content/de/b.md").write_text("---\ntitle: Neu\n---\nNeu.\n", encoding="utf-8")
        if len(builds) >= 2:
            raise KeyboardInterrupt

    assert watch(site, rebuild, said.append, sleep=sleep, rounds=RELIST_EVERY + 1) == 0
    assert builds == [0, RELIST_EVERY]
    assert "changed: b.md" in said


def test_the_wait_between_looks_ends_when_a_watched_folder_changes(tmp_path):
    """A save wakes the watching at once (inotify) instead of at the next tenth of a second;
    a folder not asked for does not, and without inotify the wait is a plain sleep."""
    import threading

    from manualgen.watch import Wakeup

    watched, other = tmp_path / "watched", tmp_path / "other"
    watched.mkdir()
    other.mkdir()
    page = watched / "a.md"
    page.write_text("a", encoding="utf-8")
    with Wakeup() as wakeup:
        if wakeup._fd < 0:
            pytest.skip("no inotify on this system: the wait is a plain sleep")
        wakeup.add([page])
        threading.Timer(0.3, (other / "b.md").write_text, ("b",)).start()
        t0 = time.monotonic()
        wakeup.wait(1.0)
        assert time.monotonic() - t0 >= 0.95  # nothing watched changed: the whole wait
        threading.Timer(0.3, page.write_text, ("changed",)).start()
        t0 = time.monotonic()
        wakeup.wait(60.0)
        assert time.monotonic() - t0 < 30  # woken by the save, long before the minute
        t0 = time.monotonic()
        wakeup.wait(0.5)  # the save's events were read: the next wait is a whole one again
        assert time.monotonic() - t0 >= 0.45


def test_without_inotify_the_wait_is_a_sleep(tmp_path, monkeypatch):
    import ctypes

    from manualgen import watch as watch_module

    def no_library(*_args, **_kwargs):
        raise OSError("no C library")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    slept = []
    monkeypatch.setattr(watch_module.time, "sleep", slept.append)
    with watch_module.Wakeup() as wakeup:
        wakeup.add([tmp_path / "a.md"])
        wakeup.wait(0.1)
    assert slept == [0.1]


def test_an_unchanged_build_reports_the_same_translation_drift_without_checking_again(
        tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    (site / "content/fr/b.md").write_text(page("Seulement en français", 2, body="Texte."),
                                          encoding="utf-8")
    options = BuildOptions(all=True, out=tmp_path / "out", cache_dir=tmp_path / "cache", jobs=1)

    def missing(result):
        return sorted((f.code, f.lang, f.file) for f in result.findings
                      if f.code == "missing-translation")

    first = build(site, options)
    assert missing(first)
    # The check may run in a process of its own (beside the renders): count calls in a file.
    calls = tmp_path / "calls"
    import manualgen.build as build_module
    real = build_module.check_translations

    def counted(*args, **kwargs):
        with calls.open("a") as handle:
            handle.write("1")
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "check_translations", counted)
    second = build(site, options)
    assert missing(second) == missing(first) and not calls.exists()  # replayed from the cache

    (site / "content/de/b.md").write_text(page("Nur auf Deutsch", 2, body="Text."),
                                          encoding="utf-8")
    third = build(site, options)
    assert calls.read_text() == "1"
    assert missing(third) != missing(first)


def test_translation_findings_come_first_whether_checked_beside_the_renders_or_before(
        tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    (site / "content/fr/b.md").write_text(page("Seulement en français", 2,
                                               body="![Écran](nowhere.png)"), encoding="utf-8")

    def codes(**extra):
        options = BuildOptions(all=True, out=tmp_path / "out", no_cache=True, **extra)
        return [(f.code, f.lang) for f in build(site, options).findings]

    beside = codes(jobs=2)
    assert ("missing-translation", "de") in beside and ("missing-image", "fr") in beside
    assert beside.index(("missing-translation", "de")) < beside.index(("missing-image", "fr"))
    assert codes(jobs=1) == beside


def test_a_picture_inside_an_svg_is_part_of_what_the_pdf_is_made_from(tmp_path, monkeypatch):
    """Only the PNG that an SVG shows changes: the PDF is not reused (found by fuzzing)."""
    from .conftest import png_bytes

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'width="120" height="90"><image xlink:href="inner.png" width="120" height="90"/></svg>')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="![Plan](/img/plan.svg)\n"),
        "static/img/plan.svg": svg,
        "static/img/inner.png": png_bytes(color=(200, 30, 30)),
    })
    options = {"langs": ["de"], "jobs": 1}
    build(site, BuildOptions(out=tmp_path / "a", cache_dir=tmp_path / "cache", **options))
    (site / "static/img/inner.png").write_bytes(png_bytes(color=(30, 30, 200)))
    second = build(site, BuildOptions(out=tmp_path / "a", cache_dir=tmp_path / "cache", **options))
    fresh = build(site, BuildOptions(out=tmp_path / "b", no_cache=True, **options))
    assert not second.results[0].reused
    assert second.results[0].pdf.read_bytes() == fresh.results[0].pdf.read_bytes()


def test_a_watching_process_frees_what_each_rebuild_leaves(tmp_path, monkeypatch):
    """Each rebuild leaves cyclic garbage (boxes and styles refer to each other) that
    Python's collector would put off collecting while the watching process grows; the
    rebuild collects it once the PDF is written."""
    import gc

    from manualgen.cli import _rebuild_for_watch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = make_site(tmp_path / "site")
    rebuild = _rebuild_for_watch(["build", "--site", str(site), "--lang", "de", "-q",
                                  "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "c")])
    target = site / "content/de/a.md"
    for more in ("\nMehr.\n", "\nNoch mehr.\n"):
        target.write_text(target.read_text(encoding="utf-8") + more, encoding="utf-8")
        assert rebuild() is not None
        assert gc.collect() < 500  # what the test itself made since; a build leaves 10,000s


def test_watch_sees_a_save_made_while_it_rebuilds(tmp_path):
    """A page saved again while a rebuild runs (the rebuild read the earlier text) is built
    once more: the files are compared with what they were when the rebuild started."""
    from manualgen.watch import watch

    site = make_site(tmp_path / "site")
    target = site / "content/de/a.md"
    builds, said, polls = [], [], []

    def rebuild():
        builds.append(target.read_text(encoding="utf-8"))
        if len(builds) == 2:  # the writer saves again while this rebuild runs
            target.write_text(builds[-1] + "\nNoch mehr.\n", encoding="utf-8")
            os.utime(target, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))

    def sleep(_seconds):
        polls.append(1)
        if len(polls) == 1:
            target.write_text(target.read_text(encoding="utf-8") + "\nMehr.\n", encoding="utf-8")
        if len(polls) > 5:
            raise KeyboardInterrupt

    assert watch(site, rebuild, said.append, sleep=sleep) == 0
    assert len(builds) == 3 and builds[2].endswith("Noch mehr.\n")


def test_a_rebuild_that_fails_unexpectedly_is_said_and_the_watching_goes_on(tmp_path, monkeypatch, capsys):
    """A crash is a bug, but under --watch it should not end the session: the next save may
    well build."""
    import manualgen.build
    from manualgen.cli import _rebuild_for_watch

    site = make_site(tmp_path / "site")
    calls = []

    def broken(*_args, **_kwargs):
        calls.append(1)
        raise RuntimeError("BROKEN-ON-PURPOSE")

    monkeypatch.setattr(manualgen.build, "build", broken)
    rebuild = _rebuild_for_watch(["build", "--site", str(site), "--all", "--out", str(tmp_path / "o")])
    assert rebuild() is None and rebuild() is None and len(calls) == 2
    err = capsys.readouterr().err
    assert "BROKEN-ON-PURPOSE" in err and "still watching" in err and "Traceback" in err


def _pdf_dates(pdf: Path) -> str:
    import pypdf

    info = pypdf.PdfReader(pdf).metadata
    return f"{info.get('/CreationDate')} {info.get('/ModDate')}"


def test_without_git_a_page_saved_in_one_language_leaves_the_other_manual_as_it_was(
        tmp_path, monkeypatch):
    """No SOURCE_DATE_EPOCH and no git: each manual is dated by its own newest page, so an
    edit of a German page leaves the French PDF, its date and bytes, as they were (and a
    save under --watch lays out only the German manual)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no enclosing repository
    site = make_site(tmp_path / "site")
    for n, rel in enumerate(["content/de/_index.md", "content/de/a.md",
                             "content/fr/_index.md", "content/fr/a.md"]):
        os.utime(site / rel, (1_600_000_000 + n * 86400,) * 2)
    first = run(site, tmp_path)
    french = first["fr"].pdf.read_bytes()
    german_date = _pdf_dates(first["de"].pdf)
    assert "D:20200916" in _pdf_dates(first["fr"].pdf)  # the newest French page's day
    assert "D:20200914" in german_date

    (site / "content/de/a.md").write_text(page("Erfassen", 1, body="Neuer Text.\n" + STEP.format(
        image="shot_de.png")), encoding="utf-8")
    second = run(site, tmp_path)
    assert not second["de"].reused and second["fr"].reused
    assert second["fr"].pdf.read_bytes() == french
    assert _pdf_dates(second["de"].pdf) != german_date  # dated by the page just saved


def test_a_config_saved_half_written_is_one_rebuild_and_its_repair_another(tmp_path):
    """While the configuration cannot be read, the files watched stay those known: its
    broken save is one rebuild (which reports it), not a second one for every file
    "vanishing" from the list, and its repair is seen."""
    from manualgen.watch import RELIST_EVERY, watch

    site = make_site(tmp_path / "site")
    config = site / "hugo.toml"
    good = config.read_text(encoding="utf-8")
    builds, said, polls = [], [], []

    def sleep(_seconds):
        polls.append(1)
        if len(polls) == 1:
            config.write_text("baseURL = \n", encoding="utf-8")
        if len(polls) == 3 * RELIST_EVERY:
            time.sleep(0.01)  # a modification time of its own
            config.write_text(good, encoding="utf-8")

    assert watch(site, lambda: builds.append(len(polls)), said.append, sleep=sleep,
                 rounds=5 * RELIST_EVERY) == 0
    assert builds == [0, 1, 3 * RELIST_EVERY], said


def test_without_git_what_is_published_is_decided_by_the_whole_sites_newest_page(
        tmp_path, monkeypatch):
    """The build's now (what is published) is the site's newest page in any language, not
    the language's own: a translation scheduled before it prints in every language, as in
    Hugo (whose now is the clock), even when that language's pages are older."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    news = "---\ntitle: {}\nweight: 2\npublishDate: 2026-06-01\n---\nText.\n"
    site = make_site(tmp_path / "site")
    (site / "content/de/news.md").write_text(news.format("Neu"), encoding="utf-8")
    (site / "content/fr/news.md").write_text(news.format("Nouveau"), encoding="utf-8")
    for path in (site / "content/de").iterdir():
        os.utime(path, (1_735_689_600,) * 2)  # 2025-01-01, before the page's publishDate
    for path in (site / "content/fr").iterdir():
        os.utime(path, (1_793_491_200,) * 2)  # 2026-11-01
    result = build(site, BuildOptions(all=True, out=tmp_path / "out", cache_dir=tmp_path / "c",
                                      jobs=1, html=True))
    assert not [f for f in result.findings if f.code in ("not-printed", "missing-translation")
                and "news" in str(f.file)], [f.format() for f in result.findings]
    for item in result.results:
        assert 'id="p-news"' in item.html.read_text(encoding="utf-8"), item.lang
    assert "D:20250101" in _pdf_dates(next(r.pdf for r in result.results if r.lang == "de"))
