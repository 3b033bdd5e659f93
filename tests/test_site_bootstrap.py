"""A site in the shape of Bootstrap's documentation (tests/bootstrap_site.py) prints as its web
pages read: each example rendered and its HTML as code, callouts with the Markdown snippet a
partial names, docsref links leading to their page, bs-table tables, Sass regions as code;
what paper cannot print (an inline shortcode's Go template, a file outside the folders
manualgen reads) is reported at its line."""

from __future__ import annotations

import re

import pytest

from .bootstrap_site import write_bootstrap_site
from .conftest import body_text, build_test_site, check_findings


@pytest.fixture(scope="module")
def bootstrap_build(tmp_path_factory) -> tuple:
    return build_test_site(write_bootstrap_site, tmp_path_factory.mktemp("bootstrap"))


@pytest.fixture(scope="module")
def bootstrap_text(bootstrap_build) -> str:
    status, said, out = bootstrap_build
    assert status == 0, said
    return body_text(out / "gridkit-en.pdf")


@pytest.fixture(scope="module")
def bootstrap_html(bootstrap_build) -> str:
    return (bootstrap_build[2] / "gridkit-en.html").read_text(encoding="utf-8")


def test_pages_print_in_hugos_order_and_no_template_code_is_left(bootstrap_text):
    # what hugo 0.149.1 lists for docs/2.1/: Alerts, Colours, Introduction (by title)
    at = [bootstrap_text.rindex(title) for title in ("Alerts", "Colours", "Introduction")]
    assert at == sorted(at)
    assert "{{" not in bootstrap_text and "range (index" not in bootstrap_text
    assert "<table" not in bootstrap_text and "<svg" not in bootstrap_text


def test_an_example_prints_rendered_and_as_code(bootstrap_text, bootstrap_html):
    # rendered once, and once as code
    assert bootstrap_text.count("A plain alert: read it and carry on.") == 2
    assert '&lt;div class="alert alert-primary" role="alert"&gt;' in bootstrap_html
    assert '<div class="bd-example d-flex gap-2">' in bootstrap_html
    # the placeholder is a picture in the example and Bootstrap's <img> in its code
    assert re.search(r'<svg class="bd-placeholder-img card-img-top"[^>]*>.*Picture on top', bootstrap_html)
    assert '&lt;img src="..." class="card-img-top" alt="..."&gt;\n  &lt;div class="card-body"' in bootstrap_html
    # show_preview="false": the code only, in its lang=
    assert bootstrap_html.count("gridkit.Alert.getOrCreate") == 1
    assert '<code class="language-js"' in bootstrap_html


def test_a_callout_prints_the_markdown_file_its_partial_names(bootstrap_text, bootstrap_html):
    assert bootstrap_text.count("Colour alone is not enough") == 2  # on two pages
    assert bootstrap_text.count("with a hidden label for screen readers") == 2
    assert "Gridkit needs HTML5: pages in quirks mode render oddly." in bootstrap_text


def test_docsref_links_lead_to_their_page_of_the_manual(bootstrap_html):
    intro = bootstrap_html[bootstrap_html.index("Quick start"):]
    assert re.search(r'<a [^>]*href="#p-docs-21-components-alerts"[^>]*>alerts</a>', intro)
    assert re.search(r'<a [^>]*href="#p-docs-21-utilities-colors--text-colours"', intro)


def test_bs_table_sass_region_param_and_markdown(bootstrap_text, bootstrap_html):
    assert ".alert-dismissible Room for a close button" in bootstrap_text
    # the region without its markers, the inner region's markers and " !default"
    assert "$alert-padding-y: 1rem; $alert-padding-x: 1rem; $alert-border-width: 1px;" in bootstrap_text
    assert "scss-docs" not in bootstrap_text and "!default;" not in bootstrap_text
    assert "site/assets/scss/_variables.scss" in bootstrap_text  # the file's name on top
    assert "Everything about Gridkit 2.1.4." in bootstrap_text
    assert "so your value wins" in bootstrap_text


def test_check_reports_what_paper_cannot_print_with_file_and_line(tmp_path):
    findings = check_findings(write_bootstrap_site(tmp_path / "site"))
    found = sorted((f["code"], f["file"], f["line"]) for f in findings if f["severity"] != "info")
    alerts = "site/content/docs/2.1/components/alerts.md"
    assert found == [
        ("inline-shortcode", alerts, 45),
        ("missing-include", alerts, 65),  # js/src/alert.js: outside the folders read
        ("missing-include", alerts, 69),  # js/src/missing.js: no such file
        ("missing-include", alerts, 75),  # no region "no-such-region"
    ]
    messages = {f["line"]: f["message"] for f in findings}
    assert '"js/src/alert.js"' in messages[65] and "content, static, assets" in messages[65]
    assert '"no-such-region"' in messages[75]


def test_the_hugo_templates_of_mounted_layouts_are_the_sites_own(tmp_path):
    """Bootstrap mounts site/layouts at layouts/: a shortcode template there tells, as
    Hugo reads it, that the shortcode takes content, and names itself when unknown."""
    from .conftest import write_site

    def findings(name: str, body: str) -> dict:
        root = write_site(tmp_path / name, {
            "hugo.toml": 'title = "T"\n[[module.mounts]]\nsource = "site/layouts"\ntarget = "layouts"\n'
                         '[[module.mounts]]\nsource = "content"\ntarget = "content"\n',
            "site/layouts/shortcodes/boxed.html": "<div>{{ .Inner }}</div>\n",
            "site/layouts/shortcodes/stamp.html": "<b>{{ .Page.TableOfContents }}</b>\n",
            "content/_index.md": f"---\ntitle: Home\n---\n\n{body}\n",
        }, hugo=None)
        return {(f["code"], f["line"]): f["message"] for f in check_findings(root)}

    assert ("unclosed-shortcode", 5) in findings("a", "{{< boxed >}}")  # boxed reads .Inner
    said = findings("b", "{{< stamp >}}")[("unknown-shortcode", 5)]
    assert "site/layouts/shortcodes/stamp.html is a Hugo template" in said
