"""Broken input found by running the whole command line on damaged configuration, templates,
content and pictures: each is a finding at its file and line, never a traceback, and no PDF
that would be wrong is written."""

from __future__ import annotations

import json

import pytest

from manualgen.cli import main

from .conftest import HUGO_TOML, page, write_site

PAGES = {"content/de/_index.md": page("Start", body="Text.\n"),
         "content/fr/_index.md": page("Accueil", body="Texte.\n")}


def check_json(capsys, site, *args):
    status = main(["check", "--site", str(site), "--all", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def config_errors(doc):
    return [f for f in doc["findings"] if f["code"] == "config"]


@pytest.mark.parametrize("hugo, manualgen, where", [
    (HUGO_TOML.replace('title = "Test manual"', f'title = "{"w" * 300}"'), None, ("hugo.toml", 2)),
    (HUGO_TOML, f'[manual]\nname = "{"n" * 300}"\n', ("manualgen.toml", 2)),
    (HUGO_TOML.replace("[languages.fr]", f"[languages.{'x' * 300}]"), None, ("hugo.toml", 14)),
])
def test_a_pdf_name_too_long_for_the_file_system_is_a_config_error_at_its_source(
        tmp_path, capsys, hugo, manualgen, where):
    files = dict(PAGES, **({"manualgen.toml": manualgen} if manualgen else {}))
    site = write_site(tmp_path / "site", files, hugo=hugo)
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert "more than a file system takes (255)" in problem["message"]
    assert (problem["file"], problem["line"]) == where
    assert main(["build", "--site", str(site), "--all", "--out", str(tmp_path / "out")]) == 1
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("pattern", ["{lang:>999999999}.pdf", "{lang.__class__}.pdf",
                                     "{lang[0]}-{name}.pdf", "{name!r}-{lang}.pdf", "{}-{lang}.pdf"])
def test_an_output_pattern_reads_nothing_but_name_and_lang(tmp_path, capsys, pattern):
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "manualgen.toml": f"[manual]\noutput = '{pattern}'\n"}))
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert "is not {name} or {lang}" in problem["message"]
    assert (problem["file"], problem["line"]) == ("manualgen.toml", 2)


def test_braces_doubled_in_an_output_pattern_are_braces(tmp_path, capsys):
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "manualgen.toml": "[manual]\nname = 'm'\noutput = '{{x}}-{name}-{lang}.pdf'\n"}))
    assert main(["build", "--site", str(site), "--lang", "de", "--out", str(tmp_path / "out"),
                 "--no-cache"]) == 0
    assert [p.name for p in (tmp_path / "out").glob("*.pdf")] == ["{x}-m-de.pdf"]


def test_a_language_code_that_is_a_path_names_its_line_in_the_hugo_config(tmp_path, capsys):
    hugo = HUGO_TOML.replace("[languages.fr]", '[languages."a/b"]')
    site = write_site(tmp_path / "site", PAGES, hugo=hugo)
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert "not a file name in the output folder" in problem["message"]
    assert (problem["file"], problem["line"]) == ("hugo.toml", 14)


@pytest.mark.parametrize("logo", ["content/de/_index.md", "hugo.toml"])
def test_a_logo_that_is_not_a_picture_is_a_config_error_at_its_line(tmp_path, capsys, logo):
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "manualgen.toml": f"[manual]\nname = 'm'\nlogo = '{logo}'\n"}))
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert "is not a picture" in problem["message"]
    assert (problem["file"], problem["line"]) == ("manualgen.toml", 3)


def _id_logging_site(tmp_path, ignore: str = ""):
    hugo = HUGO_TOML.replace('title = "Test manual"\n', f'title = "Test manual"\n{ignore}\n')
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Before {{< t >}} after.\n"),
        "layouts/shortcodes/t.html": 'in{{ warnidf "w-1" "careful %d" 5 }}'
                                     '{{ if false }}{{ end }}{{ erroridf "My-ID" "broken %s" "here" }}\n',
    }, hugo=hugo)


def test_erroridf_and_warnidf_report_as_hugo_logs_them(tmp_path, capsys):
    site = _id_logging_site(tmp_path)
    status = main(["check", "--site", str(site), "--lang", "de", "--format", "json"])
    found = {(f["code"], f["severity"], f["line"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert status == 1
    assert {("shortcode-template", "error", 4), ("shortcode-template", "warning", 4)} <= found


@pytest.mark.parametrize("ignore", ['ignoreLogs = ["my-id", "W-1"]', 'ignoreLogs = ["MY-ID", "w-1"]'])
def test_ids_hugo_is_told_to_ignore_print_the_shortcode_without_a_finding(tmp_path, capsys, ignore):
    site = _id_logging_site(tmp_path, ignore)
    status = main(["check", "--site", str(site), "--lang", "de", "--format", "json"])
    assert status == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_one_id_to_ignore_may_be_written_without_a_list(tmp_path, capsys):
    site = _id_logging_site(tmp_path, 'ignoreLogs = "my-id"')
    status = main(["check", "--site", str(site), "--lang", "de", "--format", "json"])
    assert status == 0
    assert [f["severity"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["warning"]


@pytest.mark.parametrize("named", ["../outside/hugo.toml", "{outside}/hugo.toml", "link/hugo.toml"])
def test_a_hugo_config_outside_the_site_is_refused_unread(tmp_path, capsys, named):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "hugo.toml").write_text("title = [\n")  # read, it would be a second error
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "manualgen.toml": f"hugo_config = '{named.format(outside=outside)}'\n"}))
    (site / "link").symlink_to(outside)
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert "is outside the folder of manualgen.toml" in problem["message"]
    assert (problem["file"], problem["line"]) == ("manualgen.toml", 1)


@pytest.mark.parametrize("hugo, line", [
    (HUGO_TOML.replace("weight = 1\n", "weight = 1\ndisabled = true\n")
     .replace("weight = 2\n", "weight = 2\ndisabled = true\n"), 12),
    (HUGO_TOML.replace('defaultContentLanguage = "de"\n',
                       'defaultContentLanguage = "de"\ndisableLanguages = ["de", "fr"]\n'), 4),
])
@pytest.mark.parametrize("command", [["build"], ["build", "--all"], ["check"], ["check", "--all"]])
def test_every_language_disabled_is_a_config_error_not_a_traceback_or_silence(
        tmp_path, capsys, hugo, line, command):
    site = write_site(tmp_path / "site", PAGES, hugo=hugo)
    out = ["--out", str(tmp_path / "out")] if command[0] == "build" else []
    status = main([*command, "--site", str(site), *out])
    err = capsys.readouterr().err
    assert status == 1
    assert f"hugo.toml:{line}: error: every language is disabled" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("setting, key, line", [
    ('buildDrafts = "maybe"', "buildDrafts", 4),
    ("enableEmoji = [true]", "enableEmoji", 4),
    ('[markup.goldmark.parser]\nautoHeadingID = "sometimes"', "markup.goldmark.parser.autoHeadingID", 5),
    ("[markup]\ngoldmark = 1", "markup.goldmark", 5),
    ('[markup.goldmark]\nrenderer = "x"', "markup.goldmark.renderer", 5),
    ("[markup]\nhighlight = [1]", "markup.highlight", 5),
    ('[menus]\nmain = "x"', "menus.main", 5),
    ("menus = [1]", "menus", 4),
    ('cascade = "x"', "cascade", 4),
])
def test_hugo_settings_hugo_cannot_decode_stop_at_their_line(tmp_path, capsys, setting, key, line):
    hugo = HUGO_TOML.replace("[markup.goldmark.renderer]\nunsafe = true\n", "").replace('defaultContentLanguage = "de"\n', f'defaultContentLanguage = "de"\n{setting}\n')
    site = write_site(tmp_path / "site", PAGES, hugo=hugo)
    status, doc = check_json(capsys, site)
    assert status == 1
    (problem,) = config_errors(doc)
    assert problem["message"].startswith(key) and "Hugo stops too" in problem["message"]
    assert (problem["file"], problem["line"]) == ("hugo.toml", line)


@pytest.mark.parametrize("value", ['"true"', "1", '"F"', '"yes"', "0.5"])
def test_switches_hugo_decodes_are_not_refused(tmp_path, capsys, value):
    hugo = HUGO_TOML.replace('defaultContentLanguage = "de"\n',
                             f'defaultContentLanguage = "de"\nbuildDrafts = {value}\n')
    site = write_site(tmp_path / "site", PAGES, hugo=hugo)
    status, doc = check_json(capsys, site)
    assert (status, config_errors(doc)) == (0, [])


@pytest.mark.parametrize("body, line", [
    ("Text.\n\n```python\ncode\n\n## Not a heading\n", 6),
    ("Text.\n\n- item\n\n  ~~~~\n  code\n", 8),
    ("Text.\n\n> ```\n> quoted code\n", 6),
])
def test_a_code_block_never_closed_is_a_warning_at_its_line(tmp_path, capsys, body, line):
    site = write_site(tmp_path / "site", dict(PAGES, **{"content/de/_index.md": page("Start", body=body)}))
    status, doc = check_json(capsys, site)
    found = [(f["code"], f["severity"], f["file"], f["line"]) for f in doc["findings"]]
    assert status == 0
    assert ("unclosed-fence", "warning", "content/de/_index.md", line) in found


def test_closed_code_blocks_and_blocks_ended_by_their_list_item_are_not_reported(tmp_path, capsys):
    body = "```\na\n```\n\n- item\n\n  ```\n  b\n\nafter the list\n\n~~~~\n```\n~~~~\n"
    site = write_site(tmp_path / "site", dict(PAGES, **{"content/de/_index.md": page("Start", body=body)}))
    status, doc = check_json(capsys, site)
    assert (status, doc["findings"]) == (0, [])


def _svg_with_font(src: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="20"><style>'
            f"@font-face {{ font-family: x; src: url({src}) }} text {{ font-family: x }}</style>"
            '<text y="15">a</text></svg>')


@pytest.mark.parametrize("src, refused", [
    ("'{outside}/font.woff'", True), ("http://127.0.0.1:9/font.woff", True),
    ('"../../../outside/font.woff"', True), ("font.woff", False), ("missing.woff", True),
    ("data:font/woff;base64,d09GRg==", True),
])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_font_an_svg_loads_from_outside_the_site_is_refused_by_check_and_build(
        tmp_path, capsys, src, refused, command):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "font.woff").write_bytes(b"wOFF")
    svg = _svg_with_font(src.format(outside=tmp_path / "outside"))
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "content/de/_index.md": page("Start", body="![A drawing](/img/d.svg)\n"),
        "static/img/d.svg": svg, "static/img/font.woff": b"wOFF"}))
    out = ["--out", str(tmp_path / "out"), "--no-cache"] if command == "build" else ["--format", "json"]
    status = main([command, "--site", str(site), "--lang", "de", *out])
    printed = capsys.readouterr()
    if command == "check":
        found = ("refused-resource", "static/img/d.svg", 1) in [
            (f["code"], f["file"], f["line"]) for f in json.loads(printed.out)["findings"]]
    else:
        found = "static/img/d.svg:1: error: resource refused" in printed.err
    assert (found, status) == (refused, 1 if refused else 0)


def _doubling_svg(steps: int) -> str:
    """Each group draws the one before twice: 2**steps copies of one square."""
    groups = "".join(f'<g id="g{i}"><use href="#g{i - 1}"/><use href="#g{i - 1}"/></g>'
                     for i in range(1, steps + 1))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><defs>'
            f'<g id="g0"><rect width="1" height="1"/></g>{groups}</defs><use href="#g{steps}"/></svg>')


@pytest.mark.parametrize("where", ["file", "inline"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_an_svg_whose_uses_double_thirty_times_is_refused_at_once(tmp_path, capsys, where, command):
    svg = _doubling_svg(30)
    body = "![A drawing](/img/d.svg)\n" if where == "file" else f"Text.\n\n{svg}\n"
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "content/de/_index.md": page("Start", body=body), "static/img/d.svg": svg}))
    out = ["--out", str(tmp_path / "out"), "--no-cache"] if command == "build" else []
    assert main([command, "--site", str(site), "--lang", "de", *out]) == 1
    printed = capsys.readouterr()
    assert "repeat its parts into more than 200,000 elements" in printed.out + printed.err


def test_an_svg_that_uses_a_symbol_many_times_prints(tmp_path, capsys):
    uses = "".join(f'<use href="#dot" x="{i % 50}" y="{i // 50}"/>' for i in range(2000))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="40"><defs><g id="dot">'
           f'<rect width="1" height="1"/><rect width="1" height="1"/></g></defs>{uses}</svg>')
    site = write_site(tmp_path / "site", dict(PAGES, **{
        "content/de/_index.md": page("Start", body="![Dots](/img/d.svg)\n"), "static/img/d.svg": svg}))
    status, doc = check_json(capsys, site)
    assert (status, [f["code"] for f in doc["findings"]]) == (0, ["drift-screenshots"])


def test_a_text_is_searched_once_through_for_the_line_of_what_is_asked():
    from manualgen.content import SourceText

    text = SourceText("intro\n```\nsee /y here\n```\n[a]: /y\nlast /y\n/z at the start\nends with /q")
    assert text.find_line("/y") == 3
    assert text.find_line("/y", outside_code=True) == 5
    assert text.find_line("/y", after=6) == 6
    assert text.find_line("/y", after=7) == 3  # not after it: from the first line again
    assert text.find_line("/y", first=4) == 5
    assert text.find_line("/z") == 7 and text.find_line("/q") == 8
    assert text.find_line("here\n```") is None  # a needle never spans two lines
    assert text.find_line("/y", first=9) is None and text.find_line("") is None
    assert text.find_line("See Y", literal=False) == 3


def test_thousands_of_links_to_a_missing_page_name_the_line_that_gives_its_address(tmp_path, capsys):
    # each link's address was looked for line by line through the whole page (5,000: 7 s)
    body = "[link][a] and [other][b]\n" * 2000 + "\n[a]: /nowhere\n[b]: /nothing\n"
    site = write_site(tmp_path / "site", dict(PAGES, **{"content/de/_index.md": page("Start", body=body)}))
    status, doc = check_json(capsys, site)
    found = [(f["line"], f["message"][:20]) for f in doc["findings"] if f["code"] == "broken-link"]
    assert status == 0 and found == [(2005, 'link "/nowhere" poin'), (2006, 'link "/nothing" poin')]


@pytest.mark.parametrize("src", ["../../../outside/secret.png", "{outside}/secret.png",
                                 "/img/../../../outside/secret.png"])
def test_a_picture_outside_the_site_is_refused_without_being_opened(tmp_path, capsys, monkeypatch, src):
    import builtins

    from .conftest import png_bytes

    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.png").write_bytes(png_bytes())
    opened = []

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr("manualgen.assemble.resources.open", spy, raising=False)
    address = src.format(outside=tmp_path / "outside")
    body = f'![A picture]({address})\n\n<img src="{address}" alt="b">\n'
    site = write_site(tmp_path / "site", dict(PAGES, **{"content/de/_index.md": page("Start", body=body)}))
    status, doc = check_json(capsys, site)
    assert [p for p in opened if "outside" in p] == []
    assert status == 1 or "missing-image" in {f["code"] for f in doc["findings"]}


@pytest.mark.parametrize("inner, refused", [
    ("<image href='/etc/passwd'/>", True), ("<image href='img/box.png'/>", True),
    ("<style>@font-face { src: url(/tmp/x.woff) }</style>", True),
    ("<rect width='5' height='5'/>", False),
])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_data_svg_may_load_nothing_but_data_images(tmp_path, capsys, inner, refused, command):
    svg = f"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'>{inner}</svg>"
    site = write_site(tmp_path / "site", dict(PAGES, **{"content/de/_index.md": page("Start", body=f"![A drawing]({svg})\n")}))
    out = ["--out", str(tmp_path / "out"), "--no-cache"] if command == "build" else []
    status = main([command, "--site", str(site), "--lang", "de", *out])
    printed = capsys.readouterr()
    said = "content/de/_index.md:4: error: image \"data:image/svg+xml" in printed.out + printed.err
    assert (status, said) == ((1, True) if refused else (0, False))
