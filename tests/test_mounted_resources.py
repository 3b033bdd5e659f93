"""A mount's includeFiles and excludeFiles apply to a page bundle's pictures as to its
pages: hugo 0.149.1 publishes no file they leave out (no resource, nothing beside the page),
so the web page shows no picture; manualgen printed it without a word."""

import json

import pytest

from manualgen.cli import main

from .conftest import page, png_bytes, write_site

MOUNTED = ('baseURL = "https://example.org/"\ntitle = "T"\n[markup.goldmark.renderer]\n'
           'unsafe = true\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n')


@pytest.mark.parametrize("rule", ['excludeFiles = ["**.png"]', 'includeFiles = ["b/*.md", "*.md"]'])
def test_a_bundle_picture_the_mount_leaves_out_is_a_missing_image(tmp_path, capsys, rule):
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/b/index.md": page("B", body="Intro.\n\n![x](shot.png)\n"),
        "content/b/shot.png": png_bytes(60, 40),
    }, hugo=MOUNTED + rule + "\n")
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = [(f["code"], f["file"], f["line"]) for f in findings
             if f["file"] == "content/b/index.md" and "shot.png" in f["message"]]
    assert found == [("missing-image", "content/b/index.md", 6)], findings


def test_a_bundle_picture_the_mount_keeps_prints(tmp_path, capsys):
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/b/index.md": page("B", body="Intro.\n\n![x](shot.png)\n"),
        "content/b/shot.png": png_bytes(60, 40),
    }, hugo=MOUNTED + 'excludeFiles = ["**.psd"]\n')
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    assert [f for f in json.loads(capsys.readouterr().out)["findings"] if f["severity"] != "info"] == []


def test_a_static_picture_the_static_mount_leaves_out_is_a_missing_image(tmp_path, capsys):
    # hugo 0.149.1 publishes no static file then ("Static files 0"); manualgen printed it
    site = write_site(tmp_path / "site", {
        "content/_index.md": page("Home", body="Hi.\n"),
        "content/a.md": page("A", body="Intro.\n\n![x](/img/shot.png)\n\n![y](/img/kept.png)\n"),
        "static/img/shot.png": png_bytes(60, 40),
        "static/img/kept.png": png_bytes(60, 40),
    }, hugo=MOUNTED + '[[module.mounts]]\nsource = "static"\ntarget = "static"\n'
                      'excludeFiles = ["img/shot.png"]\n')
    assert main(["check", "--site", str(site), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["file"], f["line"]) for f in findings if f["severity"] != "info"] == [
        ("missing-image", "content/a.md", 6)], findings
