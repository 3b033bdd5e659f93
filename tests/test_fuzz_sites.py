"""Broken or hostile sites found by mutating small sites (a fuzzer kept outside the repo) and
by probing what a build may read: each is the smallest site that showed the problem, and
asserts the finding (file, line, exit status) or that nothing from outside the site prints."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manualgen.cli import main

from .conftest import page, png_bytes, write_site

HOME = {"content/de/_index.md": page("Start", body="Text.\n")}
MARKER = "MGOUTSIDE-7f3a"


def check_json(capsys, site: Path) -> tuple[int, list[dict]]:
    status = main(["check", "--site", str(site), "--format", "json", "--lang", "de"])
    return status, json.loads(capsys.readouterr().out)["findings"]


def build_html(site: Path, out: Path) -> tuple[int, str]:
    status = main(["build", "--site", str(site), "--out", str(out), "--no-cache", "-q", "--html",
                   "--jobs", "1", "--lang", "de"])
    html = out / "test-manual-de.html"
    return status, html.read_text(encoding="utf-8") if html.exists() else ""


def outside_file(tmp_path: Path, name: str, text: str) -> Path:
    """A file beside the site, never part of it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- {{% %}} shortcodes: their inner Markdown printed as written --------------------------------


@pytest.mark.parametrize("opening, closing", [
    ("{{% steps %}}\n\n### Eins\n\n", "\n{{% /steps %}}"),
    ("{{% layouts/grid %}}\n{{% layouts/column %}}\n", "\n{{% /layouts/column %}}\n{{% /layouts/grid %}}"),
    ("{{% numberedList %}}\n{{% listItem %}}\n", "\n{{% /listItem %}}\n{{% /numberedList %}}"),
])
def test_the_inner_markdown_of_a_percent_shortcode_is_not_escaped(tmp_path, capsys, opening, closing):
    # The inner text of {{% %}} reached its template as a plain string, which Jinja escaped:
    # `a < b` printed as "a &lt; b", <b> as text, and an image's title broke its address
    # (a missing-image warning for "p.png "Titel"").
    body = (opening + 'Run `a < b && c` then <b>bold</b> ![Bild](/docs/img/p.png "Titel").\n'
            + closing + "\n")
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body=body),
                                          "static/img/p.png": png_bytes()})
    status, findings = check_json(capsys, site)
    assert status == 0
    assert not [f for f in findings if f["code"] in ("missing-image", "tag-as-text")], findings
    status, html = build_html(site, tmp_path / "out")
    assert status == 0
    assert "<code>a &lt; b &amp;&amp; c</code>" in html
    assert "<b>bold</b>" in html
    assert 'title="Titel"' in html and "&amp;lt;" not in html


# --- nothing from outside the site ---------------------------------------------------------


def test_a_page_that_is_a_symbolic_link_out_of_the_site_is_refused(tmp_path, capsys):
    secret = outside_file(tmp_path, "page.md", page("Leak", body=f"{MARKER}\n"))
    site = write_site(tmp_path / "site", HOME)
    os.symlink(secret, site / "content/de/leak.md")
    status, findings = check_json(capsys, site)
    assert status == 1
    found = [f for f in findings if f["code"] == "unreadable-file"]
    assert len(found) == 1 and found[0]["file"] == "content/de/leak.md"
    assert "outside the site" in found[0]["message"] and str(secret) in found[0]["message"]
    status, html = build_html(site, tmp_path / "out")
    assert status == 1 and MARKER not in html
    assert not (tmp_path / "out" / "test-manual-de.pdf").exists()


def test_a_page_linked_to_another_file_of_the_site_is_left_out_as_hugo_leaves_it_out(tmp_path, capsys):
    # hugo 0.149.1 publishes no page from a symbolic link in a content folder, and says nothing
    site = write_site(tmp_path / "site", {**HOME, "shared/page.md": page("Geteilt", body="Shared.\n")})
    os.symlink(site / "shared/page.md", site / "content/de/shared.md")
    status, findings = check_json(capsys, site)
    assert status == 0, findings
    notes = [f for f in findings if f["code"] == "not-printed" and f["file"] == "content/de/shared.md"]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and "symbolic link" in notes[0]["message"]
    status, html = build_html(site, tmp_path / "out")
    assert status == 0 and "Shared." not in html


@pytest.mark.parametrize("key, table, name, content", [
    ("stylesheets", "print", "s.css", f'body::before {{ content: "{MARKER}"; }}\n'),
    ("logo", "manual", "l.png", None),
])
@pytest.mark.parametrize("how", ["absolute", "relative", "symlink"])
def test_a_stylesheet_or_logo_outside_the_site_is_a_config_error(tmp_path, capsys, key, table,
                                                                  name, content, how):
    if content is None:
        secret = tmp_path / "elsewhere" / name
        secret.parent.mkdir()
        secret.write_bytes(png_bytes())
    else:
        secret = outside_file(tmp_path, name, content)
    site = write_site(tmp_path / "site", HOME)
    named = {"absolute": str(secret), "relative": f"../elsewhere/{name}", "symlink": f"print/{name}"}[how]
    if how == "symlink":
        (site / "print").mkdir()
        os.symlink(secret, site / "print" / name)
    value = f'["{named}"]' if key == "stylesheets" else f'"{named}"'
    (site / "manualgen.toml").write_text(f"[{table}]\n{key} = {value}\n", encoding="utf-8")
    status, findings = check_json(capsys, site)
    assert status == 1
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [("config", "manualgen.toml", 2)]
    assert "outside the site" in findings[0]["message"]
    status, _html = build_html(site, tmp_path / "out")
    assert status == 1 and not (tmp_path / "out" / "test-manual-de.pdf").exists()


def test_a_translation_file_linked_out_of_the_site_is_refused(tmp_path, capsys):
    secret = outside_file(tmp_path, "de.toml", f'[hello]\nother = "{MARKER}"\n')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="{{< hi >}}\n"),
        "manualgen/shortcodes/hi.html": "{{ T('hello') }}",
    })
    (site / "i18n").mkdir()
    os.symlink(secret, site / "i18n/de.toml")
    status, findings = check_json(capsys, site)
    assert status == 1
    found = [f for f in findings if f["code"] == "bad-i18n"]
    assert len(found) == 1 and found[0]["file"] == "i18n/de.toml"
    assert "symbolic link" in found[0]["message"]
    status, html = build_html(site, tmp_path / "out")
    assert status == 1 and MARKER not in html


@pytest.mark.parametrize("link, code", [
    ("manualgen/shortcodes/alert.html", "shortcode-template"),
    ("manualgen/templates/manual.html", "template"),
])
def test_a_site_template_linked_out_of_the_site_is_refused(tmp_path, capsys, link, code):
    secret = outside_file(tmp_path, "t.html", f"<p>{MARKER}</p>")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="{{< alert >}}Hinweis{{< /alert >}}\n"),
    })
    (site / link).parent.mkdir(parents=True)
    os.symlink(secret, site / link)
    status, findings = check_json(capsys, site)
    assert status == 1
    found = [f for f in findings if f["code"] == code]
    assert len(found) == 1 and found[0]["file"] == link, findings
    assert "outside the site" in found[0]["message"] and "line None" not in found[0]["message"]
    status, html = build_html(site, tmp_path / "out")
    assert status == 1 and MARKER not in html


# --- findings at the right file ------------------------------------------------------------


def test_an_address_refused_in_a_stylesheet_is_reported_there_not_on_a_page(tmp_path, capsys):
    # The refused "/img/x.png" was searched as "img/x.png", which the page's own (good)
    # "/docs/img/x.png" holds: the error named the page's line, not the stylesheet's.
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n\n![Bild](/docs/img/x.png)\n"),
        "static/img/x.png": png_bytes(),
        "print/site.css": 'h1 { color: red; }\np { background: url("/img/x.png"); }\n',
        "manualgen.toml": '[print]\nstylesheets = ["print/site.css"]\n',
    })
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache",
                   "-q", "--jobs", "1", "--lang", "de"])
    assert status == 1
    assert not (tmp_path / "out" / "test-manual-de.pdf").exists()
    err = capsys.readouterr().err
    assert "print/site.css:2: error: resource refused: /img/x.png" in err
    assert "content/de/_index.md" not in err


@pytest.mark.parametrize("name, address", [
    ("a#b.png", "a%23b.png"), ("a?b.png", "a%3Fb.png"), ("100%41.png", "100%2541.png"),
])
def test_an_image_whose_name_holds_a_url_character_prints(tmp_path, capsys, name, address):
    # The file's address in the document was not quoted: "a#b.png" became "a" and a
    # fragment, so check passed and build failed ("resource refused: static/img/a").
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=f"![Bild](/docs/img/{address})\n"),
        "static/img/" + name: png_bytes(),
    })
    status, findings = check_json(capsys, site)
    assert status == 0 and findings == []
    status, html = build_html(site, tmp_path / "out")
    assert status == 0, capsys.readouterr().err
    assert 'class="screenshot"' in html and "missing-image" not in html


def test_an_address_refused_in_a_description_names_its_line(tmp_path, capsys):
    # A description is printed as Markdown; a refused image in it was an error on no file.
    secret = tmp_path / "elsewhere" / "s.png"
    secret.parent.mkdir()
    secret.write_bytes(png_bytes())
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n"),
        "content/de/a.md": page("A", description=f"\"<img src='{secret.as_uri()}' alt='x'>\"",
                                body="Body.\n"),
    })
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache",
                   "-q", "--jobs", "1", "--lang", "de"])
    assert status == 1
    err = capsys.readouterr().err
    # (its images resolve as the body's do: a file outside the site is an image-address error)
    assert f'content/de/a.md:3: error: image "{secret.as_uri()}"' in err


# --- images WeasyPrint cannot lay out ---------------------------------------------------------

HUGE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="1e999">'
            '<rect width="5" height="5"/></svg>')


@pytest.mark.parametrize("body", [
    "![Bild](/docs/img/x.svg)",
    '<object data="/docs/img/x.svg" type="image/svg+xml"></object>',
    "Text.\n\n" + HUGE_SVG,
    "![Bild](data:image/svg+xml;base64,"
    + __import__("base64").b64encode(HUGE_SVG.encode()).decode() + ")",
])
def test_an_svg_whose_height_is_too_large_for_a_number_is_an_error_not_a_crash(tmp_path, capsys,
                                                                                body):
    # height="1e999" is infinite: WeasyPrint divided the width by it and by zero, and the
    # build stopped with a ZeroDivisionError traceback (check passed).
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body=body + "\n"),
        "static/img/x.svg": HUGE_SVG,
    })
    status, findings = check_json(capsys, site)
    assert status == 1
    found = [f for f in findings if f["code"] == "image-unreadable"]
    assert len(found) == 1, findings
    assert (found[0]["file"], found[0]["line"]) == ("content/de/_index.md", body.count("\n") + 4)
    assert 'height "1e999" is too large' in found[0]["message"]
    status, _html = build_html(site, tmp_path / "out")
    assert status == 1
    assert "Traceback" not in capsys.readouterr().err


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{}</svg>'


@pytest.mark.parametrize("inside, problem", [
    ("<g id='u'><use href='#u'/></g>", 'the SVG\'s <use> of "#u" draws itself'),
    ("<g id='a'><use href='#b'/></g><g id='b'><use href='#a'/></g>", "draws itself"),
    ("<g>" * 600 + "<rect width='1' height='1'/>" + "</g>" * 600,
     "nested more than 500 levels deep"),
])
def test_an_svg_weasyprint_cannot_draw_is_found_by_check_too(tmp_path, capsys, inside, problem):
    # check passed these; build stopped with only "Failed to render SVG image".
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n\n![Bild](/docs/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(inside),
    })
    status, findings = check_json(capsys, site)
    assert status == 1
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("image-unreadable", "content/de/_index.md", 6)]
    assert problem in findings[0]["message"]


def test_an_svg_that_uses_a_shape_twice_prints(tmp_path, capsys):
    inside = ("<defs><g id='s'><rect width='5' height='5'/></g><g id='t'><use href='#s'/></g></defs>"
              "<use href='#s'/><use href='#t' x='10'/><use href='#missing'/>")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n\n![Bild](/docs/img/x.svg)\n"),
        "static/img/x.svg": SVG.format(inside),
    })
    status, findings = check_json(capsys, site)
    assert status == 0 and findings == []
    status, _html = build_html(site, tmp_path / "out")
    assert status == 0


def test_check_finds_what_the_layout_will_refuse_in_the_sites_stylesheet(tmp_path, capsys):
    # check passed a site whose stylesheet named a file outside the site or none at all;
    # build then stopped with refused-resource errors at the stylesheet's lines.
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n"),
        "static/img/x.png": png_bytes(),
        "print/site.css": ('/* url(in-a-comment.png) */\n'
                           'p { background: url("/img/x.png"); }\n'
                           'h1 { background: url(../static/img/x.png); }\n'
                           "h2 { background: url('data:image/png;base64,AAAA'); }\n"
                           '@font-face { font-family: X; src: url(fonts/none.woff); }\n'),
        "manualgen.toml": '[print]\nstylesheets = ["print/site.css"]\n',
    })
    status, findings = check_json(capsys, site)
    assert status == 1
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("refused-resource", "print/site.css", 2), ("refused-resource", "print/site.css", 5)]
    assert "/img/x.png (outside the site)" in findings[0]["message"]
    assert "fonts/none.woff (no such file)" in findings[1]["message"]
    status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache",
                   "-q", "--jobs", "1", "--lang", "de"])
    assert status == 1


# --- input that took minutes ----------------------------------------------------------------


def test_a_page_leaving_thousands_of_tags_open_is_refused_before_it_is_parsed(tmp_path, capsys):
    # 77,000 unclosed <b>s on one line (a truncated file): Markdown and the HTML parser took
    # 50 s, both by the square of the count, before the depth was reported.
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Text.\n"),
        "content/de/a.md": page("A", body="Intro.\n\n" + "<b>x" * 6000 + "\n"),
    })
    status, findings = check_json(capsys, site)
    assert status == 1
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("page-failed", "content/de/a.md", 6)]
    assert "more than 5000 HTML tags open" in findings[0]["message"]


# --- whole sites drawn at random, and real pages damaged ----------------------------------------
# Whatever the config, translations and pages hold, check ends with findings (exit 0 or 1, JSON
# that parses), never a traceback; each error says which file.  FUZZ_EXAMPLES raises the count.

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")), deadline=None,
                suppress_health_check=list(HealthCheck))
BASE_HUGO = {"title": "T", "defaultContentLanguage": "de",
             "languages": {"de": {"contentDir": "content/de", "weight": 1},
                           "fr": {"contentDir": "content/fr", "weight": 2}}}
PIECES = st.sampled_from([
    "{{<", ">}}", "{{%", "%}}", "{{</", "{{% /", "`", "```\n", '"', "\\", "\n", "\n\n", " ", "x", "a=`b\nc`",
    "alert", "markdown", "listItem", "tabpane", "tab", "highlight", "ref", "param", "figure", "**b**",
    "[l](/u)", "# H\n", "- i\n", "|a|b|\n|-|-|\n", "<div>", "</div>", "<!--", "\x00", "\ufeff", "\u2028",
    "\r\n", "\r", "é", "x" * 2000, "[" * 300, "{{< x >}}" * 30, "> " * 60, "---\n", "+++\n", "{\n"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**20), st.floats(), st.text(max_size=6),
                    st.sampled_from(["de", "content/de", "", "..", "a\x00b", "2024-13-45", "[", "{{< x >}}"]))
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.sampled_from(["title", "weight", "menus", "main", "params", "name",
                                                        "languages", "de", "draft", "date", "cascade",
                                                        "_build", "url", "contentDir"]) | st.text(max_size=4),
                                       inner, max_size=4), max_leaves=15)
FRONT_KEYS = st.sampled_from(["title", "weight", "draft", "date", "publishDate", "linkTitle", "menu",
                              "cascade", "build", "_build", "headless", "translationKey", "slug", "url",
                              "aliases", "resources", "params", "type", "layout", "Weight"])


def _front_matter(kind: str, tree: dict) -> str:
    if kind == "yaml":
        return "---\n" + yaml.safe_dump(tree, allow_unicode=True) + "---\n"
    if kind == "json":
        return json.dumps(tree, default=str) + "\n"
    if kind == "toml":  # written by hand: a tree TOML cannot hold is a finding too
        return "+++\n" + "".join(f"{k} = {json.dumps(v, default=str)}\n" for k, v in tree.items()) + "+++\n"
    return ""


@st.composite
def damaged_pages(draw) -> bytes:
    kind = draw(st.sampled_from(["yaml", "yaml", "toml", "json", "none"]))
    text = _front_matter(kind, draw(st.dictionaries(FRONT_KEYS, TREES, max_size=4)))
    data = (text + draw(st.lists(PIECES, max_size=30).map("".join))).encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["as is", "as is", "bom", "crlf", "latin-1", "cut"]))
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    if how == "latin-1":
        return data + b"\xe9\xff"
    return data[:draw(st.integers(0, len(data)))] if how == "cut" else data


@st.composite
def random_sites(draw) -> dict[str, bytes]:
    extra = draw(st.dictionaries(st.sampled_from(["params", "menus", "languages", "markup", "module"]),
                                 TREES, max_size=2))
    where = draw(st.sampled_from(["hugo.toml", "hugo.yaml", "hugo.json", "config/_default/hugo.yaml",
                                  "config/_default/params.yaml"]))
    files = {"hugo.json": json.dumps(BASE_HUGO).encode()}
    dumped = yaml.safe_dump(extra) if where.endswith(".yaml") else json.dumps(extra, default=str)
    if where == "hugo.toml":  # the base as TOML, the extra tables after it as JSON values
        files = {"hugo.toml": ('title = "T"\ndefaultContentLanguage = "de"\n[languages.de]\n'
                               'contentDir = "content/de"\n[languages.fr]\ncontentDir = "content/fr"\n'
                               + "".join(f"{k} = {json.dumps(v, default=str)}\n" for k, v in extra.items()
                                         if not isinstance(v, dict))).encode()}
    elif where != "hugo.json":
        files[where] = dumped.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        name = draw(st.sampled_from(["i18n/de.toml", "i18n/de.yaml", "i18n/fr.json"]))
        files[name] = draw(st.sampled_from([b"[a]\nother = 'x'\n", b"a: {one: x, other: y}\n", b"- id: a\n",
                                            b'{"a": {"other": [1]}}', b"[a\n", b"\xff\xfe", b"a: null\n"]))
    names = ["content/de/_index.md", "content/de/docs/_index.md", "content/de/docs/a.md",
             "content/fr/_index.md", "content/de/docs/b/index.md", "content/de/c.html"]
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True)):
        files[name] = draw(damaged_pages())
    return files


FILE_CODES = {"bad-front-matter", "bad-encoding", "bad-shortcode", "unclosed-shortcode", "config", "bad-i18n",
              "bad-file-name", "unreadable-file"}


def _checked_without_traceback(capsys, site: Path, *extra: str) -> list[dict]:
    status = main(["check", "--site", str(site), "--format", "json", "--no-cache", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    assert status in (0, 1, 2), (status, err)  # 2: a language the config does not have
    findings = json.loads(out)["findings"] if status != 2 else []
    assert not [f for f in findings if f["code"] == "internal-error"], findings
    assert all(f["file"] for f in findings if f["code"] in FILE_CODES)  # no-content names its folder
    return findings


@FUZZ
@given(files=random_sites(), extra=st.sampled_from([["--lang", "de"], ["--all"], ["--all", "--translations"]]))
def test_a_site_drawn_at_random_is_checked_without_a_traceback(tmp_path_factory, capsys, files, extra):
    site = tmp_path_factory.mktemp("site")
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    _checked_without_traceback(capsys, site, *extra)


CORPUS_PAGES = ["content/de/FAQ/technische_fragen/1_allgemein.md", "content/fr/FAQ/Onboarding_eIAM/4_zugang.md",
                "content/de/release_notes/_2025.05.15.md", "hugo.toml"]


@FUZZ
@given(name=st.sampled_from(CORPUS_PAGES), cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), PIECES),
                                                         min_size=1, max_size=5))
def test_a_damaged_corpus_page_is_checked_without_a_traceback(corpus, tmp_path_factory, capsys, name, cuts):
    site = tmp_path_factory.mktemp("corpus") / "site"
    shutil.copytree(corpus, site, ignore=shutil.ignore_patterns("reference"))
    for path in site.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    text = (site / name).read_text(encoding="utf-8")
    for where, length, piece in cuts:  # cut a slice out and put a piece of syntax in
        at = int(where * len(text))
        text = text[:at] + piece + text[at + length:]
    (site / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    _checked_without_traceback(capsys, site, "--lang", "de" if "/fr/" not in name else "fr")
