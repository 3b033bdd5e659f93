"""A site in the shape of istio.io's documentation (tests/istio_site.py) prints as its web
pages read: command blocks as code with their prompts and output, callouts, boilerplate
snippets, every tab of a tabset under its name, glossary terms, in English and Chinese."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from .conftest import build_test_site, check_findings
from .istio_site import write_istio_site

LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def istio_build(tmp_path_factory) -> tuple:
    return build_test_site(write_istio_site, tmp_path_factory.mktemp("istio"))


@pytest.fixture(scope="module")
def istio_pdfs(istio_build) -> dict[str, str]:
    """The text of each language's PDF."""
    status, said, out = istio_build
    assert status == 0, said
    texts = {}
    for lang in LANGS:
        pdf = pdfium.PdfDocument(out / f"meshwork-{lang}.pdf")
        texts[lang] = "\n".join(p.get_textpage().get_text_range() for p in pdf).replace("\r", "")
        pdf.close()
    return texts


@pytest.fixture(scope="module")
def istio_html(istio_build) -> dict[str, str]:
    _status, _said, out = istio_build
    return {lang: (out / f"meshwork-{lang}.html").read_text(encoding="utf-8") for lang in LANGS}


@pytest.fixture(scope="module")
def istio_check(tmp_path_factory) -> list[dict]:
    return check_findings(write_istio_site(tmp_path_factory.mktemp("istio") / "site"))


def test_every_page_prints_in_hugos_order_and_no_shortcode_is_left(istio_pdfs):
    en = istio_pdfs["en"]
    order = ["Getting Started", "Install with meshctl", "Traffic Management"]
    at = [en.rindex(title) for title in order]
    assert at == sorted(at)
    zh = istio_pdfs["zh"]
    assert zh.rindex("入门") < zh.rindex("使用 meshctl 安装") < zh.rindex("流量管理")
    for text in istio_pdfs.values():
        assert "{{" not in text and "</" not in text and "<aside" not in text and "**" not in text
        assert "@samples" not in text
        assert "headless" not in text  # the boilerplates bundle is no page


def test_a_text_block_prints_its_commands_and_their_output_as_code(istio_pdfs, istio_html):
    en = istio_pdfs["en"]
    assert "$ meshctl install --profile=demo -y\n✔ Core installed\n✔ Gateways installed" in en
    assert "$ cat samples/shop/shop.yaml" in en  # the @file@ marks are the web's links
    assert "kind: MeshConfig\nspec:" in en  # yaml, its indentation kept:
    assert "kind: MeshConfig\nspec:\n  profile: default</code>" in istio_html["en"]
    assert '$ meshctl status -o json\n{"ready": true}' in en
    assert '<code class="language-bash"' in istio_html["en"]
    assert '<code class="language-yaml"' in istio_html["en"]


def test_a_boilerplate_prints_the_snippet_of_its_language(istio_pdfs, istio_html):
    assert istio_pdfs["en"].count("changes before the next release") == 2
    assert "<strong>gateway preview</strong>" in istio_html["en"]
    assert "在下一个版本之前会有变化" in istio_pdfs["zh"]


def test_every_tab_of_a_tabset_prints_under_its_name(istio_pdfs):
    en = istio_pdfs["en"]
    assert en.index("Minikube") < en.index("$ minikube tunnel") < en.index("Other platforms")
    flat = " ".join(en.split())  # (the PDF's text keeps one space of a run)
    assert flat.index("Other platforms") < flat.index("gateway LoadBalancer 80:31380/TCP")
    assert "Read the node port" in en  # the tab's Markdown is rendered
    zh = istio_pdfs["zh"]
    assert zh.index("Minikube") < zh.index("在第二个终端") < zh.index("其他平台") < zh.index("读取网关")


def test_callouts_print_in_frames_under_their_kind(istio_html):
    html = istio_html["en"]
    assert re.search(r'class="alert alert-success[^"]*"[^>]*>\s*<p[^>]*>Tip</p>', html)
    assert html.count("alert alert-success") == 2  # the tip and the idea
    assert "alert alert-warning" in html and "<strong>profile</strong>" in html


def test_a_glossary_term_prints_its_words_and_its_definition_once(istio_pdfs, istio_html):
    """On the web the definition (the glossary bundle's entry whose title is the term, in
    any case) shows when pointing at the term; paper prints it as a footnote, the first time
    a page uses the term."""
    en = " ".join(istio_pdfs["en"].split())
    assert "on a cluster1 you can throw away" in en  # the footnote's number after the term
    assert "Every service2 gets a proxy; the Cluster stays yours." in en  # once a page
    assert en.count("Cluster: A group of machines that run the mesh together. Its nodes reach "
                    "each other directly.") == 1  # its two paragraphs run on
    assert "Workload: A program that serves requests." in en  # {{< gloss "workload" >}}service
    assert '<span class="term">集群</span><span class="gloss-note">' in istio_html["zh"]
    assert "集群: 一组共同运行网格的机器。" in istio_pdfs["zh"]


def test_the_picture_of_an_image_is_its_link(istio_html):
    for lang in LANGS:
        assert re.search(r'<img [^>]*src="[^"]*dashboard\.png"', istio_html[lang])


def test_check_reports_the_writers_mistakes_with_file_and_line(istio_check):
    found = sorted((f["code"], f["file"].split("content/")[-1], f["line"]) for f in istio_check
                   if f["code"] not in ("missing-translations",))
    assert found == [
        ("bad-shortcode", "en/docs/setup/install/index.md", 28),  # bash without "$"
        ("bad-shortcode", "en/docs/setup/install/index.md", 32),  # tab without tabset
        ("missing-include", "en/docs/setup/install/index.md", 26),
    ]
    (prompt,) = [f for f in istio_check if f["line"] == 28]
    assert '"$" prompt' in prompt["message"]


def test_a_term_the_glossary_lacks_prints_its_words_and_is_reported(tmp_path):
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start", body="Hallo."),
        "content/de/a.md": page("A", 1, body="Ein {{< gloss >}}Knoten{{< /gloss >}} hier.\n"),
        "content/de/glossary/index.md": page("Glossar", 9, body="Begriffe."),
        "content/de/glossary/cluster.md": page("Cluster", body="Viele Knoten."),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    found = [(f.code, f.line, f.message) for f in result.findings if f.code == "missing-glossary-term"]
    message = ('gloss: "Knoten" is no entry of the glossary (glossary/): its words print '
               "without a definition (istio.io stops its build)")
    assert found == [("missing-glossary-term", 5, message)]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'Ein <span class="term">Knoten</span> hier.' in html
