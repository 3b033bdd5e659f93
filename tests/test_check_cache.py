"""``check`` leaves no cache folder behind: it prepares no image and reuses no PDF, so a check
run from any folder (a CI job's checkout, a writer's home) must not create
``.manualgen-cache/`` there; ``--no-cache`` is accepted as build accepts it."""

from manualgen.cli import main

from .conftest import page, png_bytes, write_site


def _site(tmp_path):
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Willkommen.\n"),
        "content/de/a.md": page("A", 1, "![Bild](/img/a.png)\n"),
        "static/img/a.png": png_bytes(),
    })


def test_check_writes_no_cache_folder_where_it_runs(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["check", "--site", str(site), "--lang", "de"]) == 0
    assert not (work / ".manualgen-cache").exists()
    assert not (site / ".manualgen-cache").exists()
    assert list(work.iterdir()) == []


def test_check_accepts_no_cache(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--site", str(site), "--lang", "de", "--no-cache"]) == 0
    assert "0 errors" in capsys.readouterr().out
    assert not (tmp_path / ".manualgen-cache").exists()


def test_build_still_keeps_its_cache(tmp_path, monkeypatch, capsys):
    site = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--site", str(site), "--lang", "de", "--out", "out", "-q"]) == 0
    assert (tmp_path / ".manualgen-cache" / "img").is_dir()
