"""A site in the shape of Grafana's documentation (tests/grafana_site.py) prints as its web
pages read: the title once though the text repeats it as a "#" heading, admonitions,
shared snippets, section lists with descriptions, ref: links from the refs front matter,
code in several languages, collapsed blocks open, the public preview note."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from .conftest import build_test_site, check_findings
from .grafana_site import write_grafana_site


@pytest.fixture(scope="module")
def grafana_build(tmp_path_factory) -> tuple:
    return build_test_site(write_grafana_site, tmp_path_factory.mktemp("grafana"))


@pytest.fixture(scope="module")
def grafana_pdf(grafana_build) -> str:
    """The PDF's text, its white space made single spaces."""
    status, said, out = grafana_build
    assert status == 0, said
    pdf = pdfium.PdfDocument(out / "dashly-en.pdf")
    text = " ".join(p.get_textpage().get_text_range() for p in pdf)
    pdf.close()
    return " ".join(text.split())


@pytest.fixture(scope="module")
def grafana_html(grafana_build) -> str:
    _status, _said, out = grafana_build
    return (out / "dashly-en.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def grafana_check(tmp_path_factory) -> list[dict]:
    return check_findings(write_grafana_site(tmp_path_factory.mktemp("grafana") / "site"))


def test_every_page_prints_once_in_hugos_order(grafana_pdf):
    body = grafana_pdf[grafana_pdf.index("Dashboards and alerts for small teams"):]
    titles = ["1 Alerting", "1.1 Configure contact points", "1.1.1 Email",
              "1.2 Configure mute timings", "1.3 Create silences"]
    at = [body.find(f"{t} ") for t in titles]
    assert -1 not in at and at == sorted(at)
    # the "# Title" that opens each page's text is the title the manual prints already
    assert body.count("Create silences") == 2  # its title, and the section's list
    for word in ("{{", "</", "<aside", "](", "**", "ref:", "headless", "```"):
        assert word not in grafana_pdf
    assert "only mentioned in a comment" not in grafana_pdf  # Hugo drops [//]: # lines


def test_a_repeated_title_leaves_its_anchor(grafana_html):
    assert '<span id="p-alerting-silences--create-silences"></span>' in grafana_html
    assert not re.search(r"<h\d[^>]*>Create silences</h\d>", grafana_html)


def test_a_section_lists_its_pages_with_their_descriptions(grafana_pdf):
    assert ("Configure mute timings (see page 7) Stop notifications during a recurring "
            "period.") in grafana_pdf
    assert "Email (see page 7) 1.1.1 Email" in grafana_pdf  # no withDescriptions: titles only


def test_a_shared_snippet_prints_in_place_with_its_shortcodes(grafana_pdf, grafana_html):
    assert "Label matching How label matching works A label matcher has a label" in grafana_pdf
    assert '<aside class="alert alert-warning admonition"' in grafana_html  # type="caution"
    assert "Caution Several matchers must all match." in grafana_pdf.replace("CAUTION", "Caution")


def test_a_shared_snippet_in_a_list_step_stays_in_that_step(grafana_html):
    assert re.search(r"<li>\s*<p>Pick the matchers:</p>\s*<p>Each matcher narrows the alerts the "
                     r"timing applies to\.</p>\s*</li>", grafana_html)


def test_a_ref_link_leads_to_the_page_its_refs_name(grafana_html):
    assert re.search(r'<a href="#p-alerting-silences"[^>]*>silences</a>', grafana_html)
    assert '<a class="unresolved">matchers</a>' in grafana_html


def test_code_prints_each_language_under_its_name(grafana_pdf, grafana_html):
    assert "bash dashctl silence add --matcher team=db --duration 2h python client." in grafana_pdf
    assert "```" not in grafana_pdf
    assert '<code class="language-python"' in grafana_html


def test_the_preview_note_figure_relref_and_param(grafana_pdf, grafana_html):
    assert ("Public preview Silence previews is in public preview") in grafana_pdf
    assert "turn on the feature toggle <code>silencePreview</code>" in grafana_html
    assert "use mute timings (see page 8) instead" in grafana_pdf
    assert 'href="#p-alerting-mute-timings--time-intervals"' in grafana_html
    assert "Dashly keeps expired silences" in grafana_pdf
    assert "The silence form" in grafana_pdf and "silence-form.png" in grafana_html


def test_check_reports_the_writers_mistakes_with_file_and_line(grafana_check):
    found = sorted((f["code"], f["file"].split("content/")[-1], f["line"]) for f in grafana_check
                   if f["severity"] != "info")
    assert found == [("bad-shortcode", "alerting/silences.md", 29),
                     ("broken-link", "alerting/mute-timings.md", 48),
                     ("missing-include", "alerting/mute-timings.md", 50)]


def test_fenced_blocks_reads_only_a_run_of_fences():
    from manualgen.shortcodes import fenced_blocks

    assert fenced_blocks("\n```js {linenos=true}\na();\n```\n\n~~~\nplain\n~~~\n") == [
        ("js", "a();"), ("", "plain")]
    assert fenced_blocks("Run:\n```sh\nx\n```") is None  # text beside: printed as before
    assert fenced_blocks("```sh\nnever closed\n") is None
