"""A page whose web page a site's own layout makes (it has no text of its own) is reported:
manualgen runs no Hugo template, so the PDF prints its title only."""

from __future__ import annotations

from manualgen.build import BuildOptions, build

from .conftest import page, write_site


def warnings_of(tmp_path, files: dict[str, str]) -> list:
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start", body="Text."),
                                          **files})
    result = build(site, BuildOptions(langs=["de"], check_only=True, no_cache=True))
    return [f for f in result.findings if f.code == "layout-not-run"]


def test_a_page_made_by_the_site_s_layout_is_a_warning_at_its_layout_line(tmp_path):
    found = warnings_of(tmp_path, {
        "content/de/glossar/index.md": "---\ntitle: Glossar\nweight: 3\nlayout: glossary\n---\n",
        "content/de/glossar/pod.md": "---\ntitle: Pod\n---\nEin Pod.\n",
        "layouts/docs/glossary.html": "{{ range .Resources }}{{ .Title }}{{ end }}",
    })
    assert len(found) == 1
    finding = found[0]
    assert finding.file.endswith("glossar/index.md") and finding.line == 4 and finding.lang == "de"
    assert '"glossary" (layouts/docs/glossary.html)' in finding.message
    assert "title only" in finding.message


def test_a_language_variant_of_the_layout_counts(tmp_path):
    found = warnings_of(tmp_path, {
        "content/de/versionen.md": "---\ntitle: Versionen\nlayout: releases\n---\n\n<!-- leer -->\n",
        "layouts/_default/releases.de.html": "{{ .Title }}",
    })
    assert [f.message.split("(")[1].split(")")[0] for f in found] == [
        "layouts/_default/releases.de.html"]


def test_no_warning_where_the_page_has_text_or_the_layout_does_not_make_it(tmp_path):
    assert warnings_of(tmp_path, {
        # its own text: the layout shows it (and maybe more)
        "content/de/a.md": "---\ntitle: A\nlayout: glossary\n---\nDer Text.\n",
        # Hugo's own kinds of template wrap a page's text
        "content/de/b.md": "---\ntitle: B\nlayout: single\n---\n",
        # no such layout in the site (a theme's, or none)
        "content/de/c.md": "---\ntitle: C\nlayout: gallery\n---\n",
        # a shortcode or partial of that name is not a page layout
        "content/de/d.md": "---\ntitle: D\nlayout: card\n---\n",
        "layouts/glossary.html": "x",
        "layouts/single.html": "x",
        "layouts/shortcodes/card.html": "x",
        "layouts/partials/card.html": "x",
    }) == []
