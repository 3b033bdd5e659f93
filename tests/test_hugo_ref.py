"""Hugo's ref and relref name pages by their content path, not by a web address."""

from __future__ import annotations

import re

import pytest

from manualgen.build import BuildOptions, build

from .conftest import page, without_name_spans, write_site

LINKS = ('[a]({{< ref "installation" >}}) [b]({{< ref "/docs/guide" >}}) '
         '[c]({{< relref "guide/" >}}) [d]({{< ref "other-page" >}}) '
         '[e]({{< ref "installation.md#setup" >}}) [f]({{< relref "../other/other-page.md" >}}) '
         '[h]({{< ref "nowhere" >}})')


def test_ref_and_relref_find_pages_as_hugo_does(tmp_path):
    """Beside the page, from the content folder, by a name no other page has, with or
    without the file's extension and with a fragment; a leaf bundle looks beside itself and
    in its section. A path that names no page is a broken link, as before."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/docs/_index.md": page("Docs", 1, body="Docs."),
        "content/de/docs/installation.md": page("Installation", 1, body="## Setup\n\nInstall."),
        "content/de/docs/guide/index.md": page("Guide", 2,
                                               body='Guide. [g]({{< ref "installation" >}})'),
        "content/de/docs/x.md": page("X", 3, body=LINKS),
        "content/de/other/_index.md": page("Other", 2, body="Other."),
        "content/de/other/other-page.md": page("Other page", 1, body="Hallo."),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    targets = {text: href for href, text in re.findall(r'<a href="([^"]*)"[^>]*>([a-h])</a>', html)}
    assert targets == {"a": "#p-docs-installation", "b": "#p-docs-guide", "c": "#p-docs-guide",
                       "d": "#p-other-other-page", "e": "#p-docs-installation--setup",
                       "f": "#p-other-other-page", "g": "#p-docs-installation"}
    broken = [f for f in result.findings if "nowhere" in f.message]
    assert len(broken) == 1 and broken[0].file.endswith("x.md")


def test_a_ref_to_no_page_is_reported_at_the_shortcode_line(tmp_path):
    """The link pass looked for the first line holding the words of the address ("icon"
    in a sentence above); the relref that wrote it is on its own line."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/cards.md": page("Karten", 1, body=(
            "Eine Karte mit einem icon hier.\n\nMehr Text.\n\n"
            'Siehe [Symbole]({{< relref "icon" >}}).\n')),
    })
    result = build(site, BuildOptions(langs=["de"], check_only=True))
    broken = [f for f in result.findings if f.code == "broken-link"]
    assert len(broken) == 1 and broken[0].line == 9, [f.format() for f in result.findings]


def test_a_ref_without_a_path_is_reported_at_its_place(tmp_path):
    # Hugo stops the build; manualgen printed an empty link without a word
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/a.md": page("A", 1, body='Text [x]({{< relref "" >}}) und {{< ref >}}.\n'),
    })
    result = build(site, BuildOptions(langs=["de"], check_only=True))
    found = [(f.code, f.line, f.column) for f in result.findings]
    assert found == [("broken-link", 5, 10), ("broken-link", 5, 33)], found
    assert all("without the path of a page" in f.message for f in result.findings)


def test_a_ref_to_no_page_in_running_text_is_reported_at_its_line(tmp_path):
    # only a ref inside a link's address was reported; one in a sentence printed its path
    # as words without a finding (Hugo stops: refLinksErrorLevel is ERROR by default)
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/a.md": page("A", 1, body=(
            'Siehe {{< ref "nirgends" >}} und {{% relref "auch/nicht.md" %}}.\n\n'
            '{{< alert >}}Dort {{< ref "fehlt" >}}.{{< /alert >}}\n\n'
            'Gut: {{< ref "a" >}}, [b]({{< ref "b" >}}) und <a href="{{< ref "c" >}}">c</a>.\n\n'
            '<a href={{< ref "d" >}}>d</a>\n')),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    found = sorted((f.code, f.line, f.message.split('"')[1]) for f in result.findings)
    assert found == [("broken-link", 5, "auch/nicht.md"), ("broken-link", 5, "nirgends"),
                     ("broken-link", 7, "fehlt"), ("broken-link", 9, "b"),
                     ("broken-link", 9, "c"), ("broken-link", 11, "d")], found
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert "Siehe <a class=\"unresolved\">nirgends</a> und" in html
    assert "Gut: https://example.org/docs/a/," in html  # a page it names: its permalink, as Hugo prints it


def test_a_ref_to_another_languages_page_prints_its_web_address(tmp_path):
    # lang="fr" was ignored: the link went to the German page of the same path
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/a.md": page("A", 1, body=(
            'Siehe [fr]({{< ref path="a" lang="fr" >}}), {{< relref path="docs/b.md#k" lang="FR" >}}\n'
            'und [xx]({{< ref path="a" lang="xx" >}}).\n')),
        "content/fr/_index.md": page("Accueil"), "content/fr/a.md": page("A"),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    found = sorted((f.code, f.line) for f in result.findings if f.file.endswith("de/a.md"))
    assert found == [("broken-link", 6), ("other-language-link", 5), ("other-language-link", 5)], found
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert '<a href="https://example.org/docs/fr/a/" class="external">fr</a>' in html
    assert ", https://example.org/docs/fr/docs/b/#k" in html and 'href="#p-a" class="internal"' not in html


def ref_site(tmp_path, config: dict[str, str] | None = None):
    """A page with a good ref, a ref to no page in a link and one in a sentence; a blog
    post the manual leaves out (only the docs section prints) that a ref may still name."""
    return write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/docs/_index.md": page("Docs", 1, body="Docs."),
        "content/de/docs/a.md": page("A", 1, body=(
            'Gut: [b]({{< ref "b" >}}), [Post]({{< ref "/blog/post" >}}).\n\n'
            'Siehe [weg]({{< relref "weg" >}}).\n\n'
            'Und {{< ref "nirgends" >}} hier.\n')),
        "content/de/docs/b.md": page("B", 2, body="B."),
        "content/de/blog/_index.md": page("Blog", 2, body="Blog."),
        "content/de/blog/post.md": page("Post", 1, body="Post."),
        "manualgen.toml": '[manual]\nsections = ["docs"]\n',
        **(config or {}),
    })


def test_a_ref_to_no_page_stops_the_build_as_hugo_does(tmp_path, capsys):
    """refLinksErrorLevel is ERROR by default: the build fails, with file and line, and the
    PDF an earlier build wrote stays."""
    from manualgen.cli import main

    site = ref_site(tmp_path)
    out = tmp_path / "out"
    source = site / "content/de/docs/a.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.split("Siehe")[0], encoding="utf-8")
    args = ["build", "--site", str(site), "--lang", "de", "--out", str(out), "--no-cache", "--quiet"]
    assert main(args) == 0  # a ref to a page the manual leaves out (a blog post) is no error
    capsys.readouterr()
    (pdf,) = out.glob("*.pdf")
    before = pdf.read_bytes()
    source.write_text(good, encoding="utf-8")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert 'a.md:7:13: error: relref "weg" names no page of the site' in err, err
    assert 'a.md:9:5: error: ref "nirgends" names no page of the site' in err, err
    assert pdf.read_bytes() == before


@pytest.mark.parametrize("where", ["hugo.toml", "config/_default/hugo.yaml"])
def test_with_ref_links_error_level_warning_it_is_a_warning(tmp_path, where):
    site = ref_site(tmp_path)
    if where == "hugo.toml":
        hugo = site / "hugo.toml"
        hugo.write_text('refLinksErrorLevel = "WARNING"\n' + hugo.read_text(encoding="utf-8"),
                        encoding="utf-8")
    else:  # a config folder beside the root file, merged as Hugo merges it
        write_site(site, {where: "refLinksErrorLevel: Warning\n"}, hugo=None)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    assert not result.findings.errors, [f.format() for f in result.findings]
    found = [(f.line, f.message) for f in result.findings.warnings if f.code == "broken-link"]
    assert [line for line, _ in found] == [7, 9]
    assert all("it prints as plain text (refLinksErrorLevel" in message for _, message in found)
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert '<a class="unresolved">weg</a>' in html and 'Und <a class="unresolved">nirgends</a>' in html
    assert 'href="https://example.org/docs/blog/post/"' in html  # the left-out post: its web address


def test_ref_links_not_found_url_takes_the_place_of_a_ref_to_no_page(tmp_path):
    site = ref_site(tmp_path)
    hugo = site / "hugo.toml"
    hugo.write_text('refLinksErrorLevel = "warning"\nrefLinksNotFoundURL = "https://example.org/404/"\n'
                    + hugo.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    assert not result.findings.errors
    messages = [f.message for f in result.findings.warnings if f.code == "broken-link"]
    assert len(messages) == 2 and all('Hugo writes "https://example.org/404/" (refLinksNotFoundURL)' in m
                                   for m in messages)
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert 'href="https://example.org/404/"' in html and ">weg</a>" in html
    assert "Und https://example.org/404/ hier." in html  # as Hugo writes it in running text


def test_a_ref_in_running_text_prints_the_web_address_and_a_relref_the_path(tmp_path):
    """Clarity's Portuguese page writes "Artigo original: {{< ref "markdown-syntax" >}}":
    Hugo's ref gives the page's permalink (with the baseURL's host), relref its path."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Home", body="Willkommen."),
        "content/de/post/syntax.md": page("Syntax", 1, body="Syntax."),
        "content/de/post/other.md": page("Other", 2, body=(
            'Original: {{< ref "syntax" >}}\n\nPfad: {{< relref "syntax" >}}\n')),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert "Original: https://example.org/docs/post/syntax/" in html
    assert "Pfad: /docs/post/syntax/" in html
