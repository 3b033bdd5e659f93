"""The Kubernetes website's shape (tests/k8s_site.py): its i18n folders, its own shortcodes
and its pages print as the web shows them, in English, German and Chinese."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from manualgen.build import BuildOptions, build
from manualgen.i18n import Translator

from . import k8s_site
from .conftest import ROOT, without_name_spans, write_site


@pytest.fixture(scope="module")
def k8s(tmp_path_factory):
    """The site built once: {lang: printed HTML}, and the findings of the build."""
    root = write_site(tmp_path_factory.mktemp("k8s") / "site", k8s_site.files(), k8s_site.HUGO)
    out = root / "out"
    result = build(root, BuildOptions(all=True, out=out, html=True, no_cache=True))
    html = {lang: without_name_spans((out / f"kubernetes-{lang}.html").read_text(encoding="utf-8"))
            for lang in ("en", "de", "zh-cn")}
    return html, result


def text_of(html: str) -> str:
    """The printed words, tags dropped and white space squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_translation_files_in_a_folder_per_language_are_read(tmp_path):
    root = write_site(tmp_path, {"i18n/de/de.toml": '[note]\nother = "Hinweis:"\n',
                                 "i18n/en/en.toml": '[note]\nother = "Note:"\n'})
    assert Translator("de", [root / "i18n"], fallback="en").translate("note") == "Hinweis:"
    assert Translator("fr", [root / "i18n"], fallback="en").translate("note") == "Note:"


def test_notes_take_their_label_from_the_site_translation_folders(k8s):
    html, _ = k8s
    assert "Note:" in html["en"] and "Hinweis:" in html["de"] and "说明：" in html["zh-cn"]


def pods(html: str) -> str:
    """The printed text of the Pods page (up to the next chapter)."""
    start = html.index("Pods</h")
    return html[start:html.index("Tasks</h", start)]


def install(html: str) -> str:
    """The printed text of the task page, whose title is "… kubectl …" in every language."""
    start = html.index("Tasks</h")
    return html[start:html.index('id="p-docs-tasks-commented"', start) if "commented" in html
                else html.index("Glossary</h", start)]


def test_no_shortcode_is_unknown_or_left_in_the_text(k8s):
    html, result = k8s
    codes = {f.code for f in list(result.findings)}
    assert "unknown-shortcode" not in codes and "shortcode-template" not in codes
    for lang in html:
        assert "{{<" not in html[lang] and "{{%" not in html[lang]


def test_headings_print_the_site_words_for_their_key(k8s):
    html, _ = k8s
    assert re.search(r"<h\d[^>]*>Before you begin</h\d>", html["en"])
    assert re.search(r"<h\d[^>]*>Wie geht es weiter</h\d>", html["de"])
    assert re.search(r"<h\d[^>]*>准备开始</h\d>", html["zh-cn"])


def test_skew_and_version_check_print_versions_from_the_site_parameters(k8s):
    html, _ = k8s
    text = text_of(install(html["en"]))
    assert "v1.32 / v1.31." in text
    assert "release/v1.32.3/bin/linux/amd64/kubectl" in text
    assert ("Your Kubernetes server must be at or later than version v1.30. "
            "To check the version, enter kubectl version.") in text
    assert "Repository v1.32." in text


def test_tabs_print_code_markdown_and_included_pages_under_their_names(k8s):
    html, _ = k8s
    tabs = install(html["en"])
    assert re.search(r'tab-title">x86-64</p>\s*<div class="tab-body">\s*<pre><code class="language-bash"',
                     tabs)
    assert re.search(r'tab-title">Red Hat</p>\s*<div class="tab-body">\s*<p>Use <strong>yum</strong>',
                     tabs)
    bash = tabs[tabs.index('tab-title">Bash'):]
    assert "Introduction" in bash and "source &lt;(kubectl completion bash)" in bash
    assert "headless" not in tabs  # no front matter printed


def test_include_prints_the_page_without_its_front_matter(k8s):
    html, _ = k8s
    verify = text_of(install(html["de"]))
    assert "Beispieltext auf Deutsch. kubectl cluster-info." in verify
    assert "title:" not in verify and "---" not in verify


def test_glossary_tooltips_print_their_word_or_the_term_title(k8s):
    html, _ = k8s
    assert "Pods run on a Node." in text_of(pods(html["en"]))
    assert "Pod run on a Node." not in text_of(pods(html["zh-cn"]))


def test_feature_state_prints_the_state_given_or_the_gate_last_stage(k8s):
    html, _ = k8s
    text = text_of(pods(html["de"]))
    assert "FEATURE STATUS: Kubernetes v1.29 [beta]" in text
    assert "FEATURE STATUS: Kubernetes v1.29 [beta] (enabled by default: true)" in text


def test_code_sample_prints_the_english_example_in_every_language(k8s):
    html, _ = k8s
    for lang in html:
        page = pods(html[lang])
        assert re.search(r'<div class="code-filename">pods/simple-pod.yaml</div>\s*'
                         r'<pre><code class="language-yaml"[^>]*>apiVersion: v1\nkind: Pod', page)


def test_callouts_are_framed_under_the_site_words(k8s):
    html, _ = k8s
    page = pods(html["de"])
    for label in ("Hinweis:", "Achtung:", "Warnung:"):
        assert re.search(r'<aside class="alert[^"]*"[^>]*>\s*<p class="alert-label[^"]*">'
                         + label, page), label


def test_table_caption_and_thirdparty_notice(k8s):
    html, _ = k8s
    page = pods(html["en"])
    assert "<caption>Pod phases</caption>" in page
    assert "Note: Items on this page refer to third party products." in text_of(page)


def test_a_name_the_translation_kept_is_no_finding_on_the_original(k8s):
    _, result = k8s
    assert not [f for f in list(result.findings)
                if f.code == "untranslated-text" and f.lang == "en"]


def test_a_table_caption_stays_with_its_table_across_a_page_end():
    """Wherever the page ends, the caption (the Kubernetes website's table caption=) is on
    the page of the table's first row: never alone at the foot of the page before."""
    from weasyprint import CSS, HTML

    sheet = CSS(filename=str(ROOT / "styles" / "manual.css"))
    table = ("<table><caption>Pod phases</caption><thead><tr><th>Phase</th></tr></thead>"
             "<tbody><tr><td>Pending</td></tr><tr><td>Running</td></tr></tbody></table>")
    for space in range(200, 262, 3):  # the caption ends up at every place near the page end
        pdf = HTML(string=f'<div style="height: {space}mm"></div>{table}').write_pdf(
            stylesheets=[sheet])
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
        where = {word: next(i for i, t in enumerate(pages) if word in t)
                 for word in ("Pod phases", "Pending")}
        assert where["Pod phases"] == where["Pending"], space


def test_glossary_definition_prints_the_term_first_paragraph_after_prepend(k8s):
    html, _ = k8s
    assert "<p>In short, a sample text in English.</p>" in pods(html["en"])
    assert "<p>In short, a beispieltext auf Deutsch.</p>" in pods(html["de"])


def test_api_reference_links_the_api_page_with_its_kind_or_anchor(k8s):
    html, _ = k8s
    page = pods(html["en"])
    assert re.search(r'<a href="#p-docs-reference-kubernetes-api-workload-resources-pod-v1"'
                     r'[^>]*>(<span[^>]*>)?Pod(</span>)?</a>', page)
    assert re.search(r'<a href="#p-docs-reference-kubernetes-api-workload-resources-pod-v1--PodSpec"'
                     r"[^>]*>(<span[^>]*>)?PodSpec", page)


def test_include_finds_a_file_of_the_includes_bundle_and_prints_no_bundle(k8s):
    html, _ = k8s
    assert "Beispieltext auf Deutsch. You need a Kubernetes cluster." in text_of(install(html["de"]))
    assert "includes" not in text_of(html["de"]).lower()


@pytest.mark.parametrize("call, code, words", [
    ('{{< glossary_tooltip text="Knoten" term_id="nodes" >}}', "missing-glossary-term",
     'the term "nodes" is not in docs/reference/glossary/'),
    ('{{< skew nextPatchVersion >}}', "bad-shortcode", 'skew: "nextPatchVersion" is no version name'),
    ('{{% code_sample file="pods/missing.yaml" %}}', "missing-include",
     'code_sample: "pods/missing.yaml" is not printed'),
    ('{{< feature-state feature_gate_name="NoSuchGate" >}}', "bad-shortcode",
     'the feature gate "NoSuchGate" has no stages'),
    ('{{< feature-state state="gamma" >}}', "bad-shortcode", '"gamma" is not a feature state'),
    ('{{< glossary_definition term_id="pod" length="medium" >}}', "bad-shortcode",
     'length="medium" is neither short, long nor all'),
    ('{{< tabs >}}{{< tab name="Bash" include="included/none.md" />}}{{< /tabs >}}',
     "missing-include",
     'the include "included/none.md" is not printed'),
])
def test_a_bad_call_is_a_warning_at_its_line(tmp_path, call, code, words):
    from .test_convert import Site

    site = Site(tmp_path, k8s_site.files(["de"]), hugo=k8s_site.HUGO)
    site.render(f"Text.\n\n{call}\n")
    found = [f for f in site.findings if f.code == code]
    assert len(found) == 1 and words in found[0].message, [f.message for f in site.findings]
    assert found[0].line == 7 and found[0].file.endswith("page.md")


def test_skew_names_every_version_as_the_site_does(tmp_path):
    from .test_convert import Site

    site = Site(tmp_path, k8s_site.files(["de"]), hugo=k8s_site.HUGO)
    calls = ["currentVersion", "latestVersion", "nextMinorVersion", "prevMinorVersion",
             "oldestMinorVersion", "currentVersionAddMinor -2", 'currentVersionAddMinor 1 "-"',
             "currentPatchVersion"]
    html = site.render(" ".join(f"[{{{{< skew {c} >}}}}]" for c in calls))
    assert re.findall(r"\[([^\]]*)\]", html) == [
        "1.32", "1.32", "1.33", "1.31", "1.30", "1.30", "1-33", "1.32.3"]


@pytest.mark.parametrize("source", [
    "1. 第一步\n   <!--\n   English step.\n   -->\n   中文步骤。\n2. 第二步\n",
    "1. 第一步\n\n   <!-- English step. -->\n\n   中文步骤。\n\n2. 第二步\n",
    "- 第一步\n\n  <div>x</div>\n\n  中文步骤。\n- 第二步\n",
])
def test_html_in_a_list_item_keeps_the_item_and_the_list(tmp_path, source):
    """The Kubernetes website's translations keep the English in comments, also inside list
    items; Goldmark reads such a block, and the text after it, as part of the item."""
    from .test_convert import Site

    html = Site(tmp_path, hugo=k8s_site.HUGO).render(source)
    assert html.count("<li>") == 2 and html.count("<ol>") + html.count("<ul>") == 1, html
    assert re.search(r"<li>(?:(?!</li>).)*中文步骤。(?:(?!</li>).)*</li>", html, re.DOTALL), html


def test_english_kept_in_comments_prints_nothing_and_the_steps_stay_one_list(k8s):
    html, _ = k8s
    start = html["zh-cn"].index('id="p-docs-tasks-commented"')
    page = html["zh-cn"][start:html["zh-cn"].index("</article>", start)]
    assert "English" not in text_of(re.sub(r"<!--.*?-->", "", page, flags=re.DOTALL))
    assert "本页说明如何在 v1.32 上安装。" in text_of(page)
    assert re.search(r"<ol>\s*<li>(?:(?!</li>).)*中文步骤 v1.32。", page, re.DOTALL)
    assert page.count("<ol") == 1


@pytest.mark.parametrize("call", [
    '{{% code_sample file="pods/two.yaml" %}}',
    "{{% highlight yaml %}}\na: 1\n\n# two\n  \n- c\n{{% /highlight %}}",
])
def test_code_with_blank_lines_survives_a_percent_shortcode(tmp_path, call):
    """The output of {{% %}} goes through Markdown: a blank line in the code must not end
    its HTML (the rest read as a heading and a list)."""
    from .test_convert import Site

    files = {**k8s_site.files(["de"]), "content/en/examples/pods/two.yaml": "a: 1\n\n# two\n  \n- c\n"}
    html = Site(tmp_path, files, hugo=k8s_site.HUGO).render(f"{call}\n\nAfter.\n")
    code = re.search(r"<pre><code[^>]*>(.*?)</code></pre>", html, re.DOTALL)
    assert code and "<h1" not in html and "<li>" not in html, html
    lines = re.sub(r"<[^>]+>", "", code.group(1)).split("\n")
    assert [line.strip() for line in lines] == ["a: 1", "", "# two", "", "- c"]


def test_version_shortcodes_and_a_tab_that_includes_a_bundle_file(tmp_path):
    from .test_convert import Site

    files = {**k8s_site.files(["de"]),
             "content/de/docs/demo/index.md": "---\ntitle: Demo\n---\n",
             "content/de/docs/demo/podtemplate.json": '{"kind": "Pod"}\n'}
    site = Site(tmp_path, files, hugo=k8s_site.HUGO)
    page = SimpleNamespace(body=('[{{< latest-version >}}] [{{< latest-semver >}}] '
                                 '[{{< latest-release-notes >}}]\n\n{{< tabs name="t" >}}\n'
                                 '{{< tab name="JSON File" include="podtemplate" />}}\n{{< /tabs >}}\n'),
                           body_line=5, path=tmp_path / "content/de/docs/demo/index.md",
                           rel="docs/demo/index.md", lang="de")
    html = site.converter.convert(page)
    assert re.findall(r"\[([^\]]*)\]", html)[:2] == ["v1.32", "1.32"]
    assert "https://git.k8s.io/kubernetes/CHANGELOG/CHANGELOG-1.32.md" in html
    assert re.search(r'tab-title">JSON File</p>\s*<div class="tab-body">\s*'
                     r'<pre><code class="language-json"[^>]*>\{&#34;kind&#34;: &#34;Pod&#34;\}', html), html
