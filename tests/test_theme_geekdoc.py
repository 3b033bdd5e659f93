"""Geekdoc's shortcodes and front matter in print: each shortcode on a small page of its own,
include files read only from the site (a finding at the shortcode's line otherwise), the
property lists of data files, one small site built to a PDF, and odd parameters for every
template."""

from __future__ import annotations

import os
import re
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import HUGO_TOML, png_bytes, write_site
from .conftest import page as page_md
from .test_convert import Site, squeeze
from .test_theme_book import ODD_CALLS, render_or_refuse

GEEKDOC_TEMPLATES = ["hint", "columns", "expand", "tabs", "tab", "button", "mermaid", "katex",
                     "toc", "toc-tree", "include", "propertylist", "icon", "progress", "img",
                     "lazy-img"]

PROPERTIES = """\
---
properties:
  - name: prop1
    type: string
    description: The first *string* property.
    required: true
  - name: prop2
    type: int
    defaultValue: 10
    description:
      en: English words.
      de: Deutsche Worte.
    tags:
      de: [eins, zwei]
  - name: a-prop
    type: bool
    defaultValue: false
    description: Sorted first.
    required: true
"""


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, {
        "static/_includes/example.md.part": "A *Markdown* include.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
        "static/_includes/example.html.part": "<p class=\"raw\">Raw <b>HTML</b></p>\n",
        "data/properties/demo.yaml": PROPERTIES,
        "data/properties/broken.yaml": "properties:\n  - name: [unclosed\n",
        "content/de/_includes/include-page.md": ("_**Included page**_\n\n{{< hint type=tip >}}\n"
                                                 "Inside the *include*.\n{{< /hint >}}\n"),
        "content/de/_includes/fronted.md": "+++\ntitle = 'Part'\n+++\nAfter the *front matter*.\n",
        "content/de/_includes/loop.md": '{{< include file="/_includes/loop.md" type="page" >}}\n',
        "README.md": "Not part of what a build reads.\n",
    })


def render_page(site: Site, source: str, rel: str = "page.md", meta: dict | None = None) -> str:
    """Site.render for a page with front matter and a path of its own (bundles)."""
    page = SimpleNamespace(body=source, body_line=5, path=site.root / "content/de" / rel,
                           rel=rel, lang="de", meta=meta or {})
    html = site.converter.convert(page)
    site.converter.finish()
    return html


def codes(site: Site) -> list[str]:
    return [f.code for f in site.findings]


def test_hints_of_every_type_print_labelled_frames(site):
    expected = {"note": ("alert-info", "Hinweis"), "tip": ("alert-success", "Tipp"),
                "important": ("alert-primary", "Wichtig"), "caution": ("alert-danger", "Vorsicht"),
                "warning": ("alert-warning", "Achtung")}
    for kind, (cls, label) in expected.items():
        html = site.render(f"{{{{< hint type={kind} >}}}}\n**Markdown content**\\\nText.\n{{{{< /hint >}}}}")
        assert f'class="alert {cls} hint"' in html, kind
        assert f">{label}<" in html, (kind, html)
        assert "<strong>Markdown content</strong><br" in html
    assert 'alert-success' in site.render("{{< hint ok >}}Old style{{< /hint >}}")
    titled = site.render("{{< hint type=note icon=gdoc_github title=GitHub >}}x{{< /hint >}}")
    assert '<p class="alert-label mg-label">GitHub</p>' in titled and "gdoc_github" not in titled
    assert "unknown-shortcode" not in codes(site)


def test_include_reads_markdown_code_html_and_pages_of_the_site(site):
    md = squeeze(site.render('{{< include file="/static/_includes/example.md.part" >}}'))
    assert "<p>A <em>Markdown</em> include.</p>" in md and "<table" in md
    code = site.render('{{< include file="data/properties/demo.yaml" language="Yaml" '
                       'options="linenos=table,hl_lines=2" >}}')
    assert 'class="language-yaml"' in code and '<span class="line hl"><span class="ln">2</span>' in code
    html = site.render('{{< include file="/static/_includes/example.html.part" type="html" >}}')
    assert '<p class="raw">Raw <b>HTML</b></p>' in html
    page = squeeze(site.render('{{< include file="/_includes/include-page.md" type="page" >}}'))
    assert "<em><strong>Included page</strong></em>" in page
    assert 'class="alert alert-success hint"' in page and "<em>include</em>" in page
    assert "{{<" not in page and not site.findings.warnings
    fronted = site.render('{{< include file="_includes/fronted.md" type="page" >}}')
    assert fronted.strip() == "<p>After the <em>front matter</em>.</p>"


def test_include_refuses_files_outside_the_site_with_a_finding_at_its_line(site, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    outside.write_text("SECRET", encoding="utf-8")
    os.symlink(outside, tmp_path / "static" / "link.txt")
    source = ('Text.\n\n{{< include file="../../../etc/passwd" >}}\n\n'
              '{{< include file="/static/link.txt" >}}\n\n{{< include file="README.md" >}}\n\n'
              '{{< include file="/static/nothing.md" >}}\n\n{{< include file="a\x00b" >}}')
    html = site.render(source)
    assert "SECRET" not in html and "root:" not in html and "Not part" not in html
    found = [(f.code, f.line, f.message) for f in site.findings]
    assert [(c, line) for c, line, _ in found] == [("missing-include", 7), ("missing-include", 9),
                                                   ("missing-include", 11), ("missing-include", 13),
                                                   ("missing-include", 15)]
    assert "outside the site" in found[0][2] and "outside the site" in found[1][2]
    assert "only from the content" in found[2][2] and "no such file" in found[3][2]
    assert "cannot be a file name" in found[4][2]


def test_a_page_that_includes_itself_stops_with_a_warning(site):
    html = site.render('{{< include file="/_includes/loop.md" type="page" >}}')
    assert "bad-shortcode" in codes(site) and 'class="language-markdown"' in html


def test_propertylist_prints_each_property_sorted_in_the_pages_language(site):
    html = squeeze(site.render("{{< propertylist name=demo sort=name order=asc >}}"))
    assert html.index("a-prop") < html.index("prop1") < html.index("prop2")
    assert "<p>The first <em>string</em> property.</p>" in html and "Deutsche Worte." in html
    assert "English words" not in html
    assert '<span class="mg-badge">eins</span>' in html and '<span class="mg-badge">int</span>' in html
    # Geekdoc prints a default only when it is set: false is "none" there, as no default is
    assert ": 10</p>" in html and ": false</p>" not in html and html.count(": none</p>") == 2
    desc = squeeze(site.render("{{< propertylist name=demo sort=name order=desc >}}"))
    assert desc.index("prop2") < desc.index("prop1") < desc.index("a-prop")


def test_propertylist_without_its_data_warns_and_a_broken_file_is_a_finding(site):
    assert site.render("{{< propertylist name=nothing >}}").strip() == ""
    assert codes(site) == ["missing-data"]
    site.render("{{< propertylist name=broken >}}")
    broken = [f for f in site.findings if "broken.yaml" in (f.file or "")]
    assert broken and broken[0].line == 3 and "invalid YAML" in broken[0].message  # where PyYAML stops


def test_img_prints_the_named_resource_with_its_title_and_credits(site):
    (site.root / "content/de/gallery").mkdir(parents=True)
    (site.root / "content/de/gallery/forest-1.png").write_bytes(png_bytes())
    meta = {"resources": [{"name": "forest-1", "src": "forest-1.png", "title": "Forest (1)",
                           "params": {"credits": "[Jay](https://example.org/jay)"}}]}
    html = render_page(site, '{{< img name="forest-1" size="large" lazy=false >}}',
                       "gallery/_index.md", meta)
    assert '<img src="forest-1.png" alt="Forest (1)" />' in html
    assert 'Forest (1) (<a href="https://example.org/jay">Jay</a>)' in html
    render_page(site, '{{< img name="forest-9" >}}', "gallery/_index.md", meta)
    assert codes(site) == ["missing-image"]


def test_progress_columns_expand_and_buttons(site):
    progress = site.render("{{< progress title=Eating value=65 icon=gdoc_heart >}}")
    assert "Eating: 65 %" in progress and '<rect width="65"' in progress
    assert '<rect width="100"' in site.render("{{< progress value=250 >}}")
    columns = squeeze(site.render("{{< columns size=large >}}\n## Left\n<--->\n## Right\n{{< /columns >}}"))
    assert 'data-width="50"' in columns and columns.count('class="column-layout"') == 2
    expand = site.render('{{< expand "Custom Label" "..." >}}\n### More\nText\n{{< /expand >}}')
    assert "<summary>Custom Label</summary>" in expand
    button = site.render('{{< button size="large" relref="usage/getting-started/" >}}Start{{< /button >}}')
    assert '<span class="mg-button"><a href="usage/getting-started/">Start</a></span>' in button
    assert site.render('{{< icon "thumbs-up" >}}') == "" and site.render("{{< toc >}}") == ""
    assert "unknown-shortcode" not in codes(site)


GEEKDOC_TOML = HUGO_TOML


def test_lazy_img_prints_its_picture_with_its_alt_text(site):
    assert squeeze(site.render('{{< lazy-img src="/media/a.png" alt="Alt words" href="/docs/" >}}')) == (
        '<figure class="screenshot-figure"><img src="/media/a.png" alt="Alt words" /></figure>')
    assert site.render("{{< lazy-img >}}").strip() == ""

@pytest.fixture(scope="module")
def geekdoc_pdf(tmp_path_factory):
    """A Geekdoc site: a toc-tree over its section, a hidden include section, a flat section."""
    root = tmp_path_factory.mktemp("geekdoc")
    write_site(root, {
        "content/de/_index.md": page_md("Start", body="Willkommen.\n"),
        "content/de/tree/_index.md": page_md("Tree", 1, "TREE-TEXT\n\n{{< toc-tree >}}\n"),
        "content/de/tree/level-1/_index.md": page_md("Level One", 1, "L1-TEXT\n"),
        "content/de/tree/level-1/deeper.md": page_md("Deeper", 1, "DEEP-TEXT\n",
                                                     geekdocDescription="Deep words"),
        "content/de/tree/flat/_index.md": page_md("Flat", 2, "FLAT-TEXT\n", geekdocFlatSection="true"),
        "content/de/tree/flat/child.md": page_md("Flat child", 1, "CHILD-TEXT\n"),
        "content/de/tree/gone.md": page_md("Gone", 3, "GONE-TEXT\n", geekdocHidden="true"),
        "content/de/_includes/_index.md": "---\ngeekdocHidden: true\n---\n",
        "content/de/_includes/part.md": "PART-TEXT with {{< hint type=tip >}}a tip{{< /hint >}}\n",
        "content/de/usage.md": page_md("Usage", 2, '{{< include file="/_includes/part.md" type="page" >}}\n'),
    }, GEEKDOC_TOML)
    out = root / "out"
    assert main(["build", "--site", str(root), "--lang", "de", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)


def test_geekdoc_site_prints_the_tree_the_include_once_and_no_hidden_page(geekdoc_pdf):
    text = geekdoc_pdf
    tree = text[text.index("TREE-TEXT"):text.index("L1-TEXT")]
    assert tree.index("Level One") < tree.index("Deeper") < tree.index("Flat")
    assert "Deep words" in tree and "Flat child" not in tree and "Gone" not in tree
    assert "GONE-TEXT" not in text and text.count("PART-TEXT") == 1 and "a tip" in text
    assert "{{<" not in text and "{{%" not in text


@pytest.mark.parametrize("name", GEEKDOC_TEMPLATES)
@pytest.mark.parametrize("call", ODD_CALLS + ['{{{{< {name} file="/" name="." value="-5" >}}}}',
                                             '{{{{< {name} file="data" name=".." sort="x" >}}}}'])
def test_odd_parameters_never_break_a_template(site, name, call):
    html = render_or_refuse(site, call.format(name=name))
    assert "{{<" not in html and "{{%" not in html
    assert "shortcode-template" not in codes(site), list(site.findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(GEEKDOC_TEMPLATES),
       key=st.sampled_from(["", "type", "file", "name", "sort", "value", "language", "size", "title"]),
       value=st.text(st.characters(blacklist_characters='"\\', blacklist_categories=("Cs",)), max_size=12),
       inner=st.text(max_size=30).filter(lambda t: "{{" not in t and "}}" not in t))
def test_fuzzed_parameters_never_break_a_template(site, name, key, value, inner):
    param = f'{key}="{value}"' if key else f'"{value}"'
    render_or_refuse(site, f"{{{{< {name} {param} >}}}}{inner}{{{{< /{name} >}}}}")
    assert "shortcode-template" not in codes(site), list(site.findings)


def test_a_changed_data_file_is_printed_again_with_the_cache(tmp_path):
    """The property list reads data/: a build that reused the last PDF would print the old
    description, so data/ counts among what a language is built from."""
    root = write_site(tmp_path / "site", {
        "content/de/_index.md": page_md("Start", body="{{< propertylist name=demo >}}\n"),
        "data/properties/demo.yaml": "properties:\n  - name: one\n    description: FIRST-DESC\n",
    })
    args = ["build", "--site", str(root), "--lang", "de", "--out", str(tmp_path / "out"),
            "--cache", str(tmp_path / "cache"), "--quiet"]

    def text() -> str:
        assert main(args) == 0
        (pdf,) = (tmp_path / "out").glob("*.pdf")
        return "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)

    assert "FIRST-DESC" in text()
    (root / "data/properties/demo.yaml").write_text(
        "properties:\n  - name: one\n    description: SECOND-DESC\n", encoding="utf-8")
    assert "SECOND-DESC" in text()


ODD_PROPERTIES = """\
properties:
  - name: true
    type: {a: 1, B: [1, 2]}
    tags: [x, 1.0, null, [1, 2], 0.00001]
    defaultValue: [true, null, 2.0]
  - name: 2.50
    defaultValue: {b: 1, a: 2}
  - name: third
    defaultValue: true
"""


def test_propertylist_prints_values_that_are_not_text_as_hugo_does(site):
    # Python wrote True, None, 2.0, {'a': 1} and [1, 2] where Hugo prints true, nothing, 2,
    # map[a:1] and [1 2] (Go's %v; delimit for a list default, jsonify for a table).
    (site.root / "data/properties/odd.yaml").write_text(ODD_PROPERTIES, encoding="utf-8")
    html = site.render("{{< propertylist name=odd >}}")
    assert "<strong>true</strong>" in html and "<strong>2.5</strong>" in html
    assert '<span class="mg-badge">map[B:[1 2] a:1]</span>' in html
    badges = re.findall(r'<span class="mg-badge">([^<]*)</span>', html)
    assert badges[:7] == ["optional", "map[B:[1 2] a:1]", "x", "1", "", "[1 2]", "1e-05"]
    assert ": true, , 2</p>" in html and ': {"a": 2, "b": 1}</p>' in html
    assert ": true</p>" in html
    assert not re.search(r"True|None|\[1, 2\]|'|2\.0", html)
