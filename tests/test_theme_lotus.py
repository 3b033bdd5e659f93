"""Print forms of Lotus Docs' shortcodes (colinwilson/lotusdocs), written as lotusdocs.dev
writes them: alerts with text= or content, tabs named by tabName=, Prism code blocks with
their numbers and marked lines, markdownify and table wrappers, and a markmap's outline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import page as page_md
from .conftest import write_site
from .test_convert import Site, squeeze
from .theme_calls import prints_cleanly, shortcode_call

LOTUS_TEMPLATES = ["alert", "tabs", "tab", "prism", "markdownify", "table", "markmap", "icon"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path)


def test_alerts_take_their_kind_from_context_and_their_words_from_text(site):
    plain = squeeze(site.render('{{< alert text="The default alert." />}}'))
    assert plain == ('<aside class="alert alert-primary" role="note"><p class="alert-label mg-label">'
                     'Hinweis</p><div class="alert-body">\nThe default alert.\n</div></aside>')
    html = site.render('{{% alert icon="🍅" context="info" text="An <strong>info</strong> alert." /%}}')
    assert "alert-info" in html and "An <strong>info</strong> alert." in html and "🍅" not in html
    paired = site.render('{{< alert icon="🛒" context="success" >}}\nA ***paired*** alert\n{{< /alert >}}')
    # Goldmark nests a run of three as emphasis around strong (Hugo 0.149 and 0.168)
    assert "alert-success" in paired and "<em><strong>paired</strong></em>" in paired


def test_tabs_print_each_tab_under_its_tab_name(site):
    html = squeeze(site.render('{{< tabs tabTotal="2" tabRightAlign="2" >}}\n{{< tab tabName="Windows" >}}\n\n'
                               "**Windows Content**\n\n{{< /tab >}}\n{{< tab tabName=\"Linux\">}}\n\nApt.\n\n"
                               "{{< /tab >}}\n{{< /tabs >}}"))
    assert html.index('<p class="tab-title">Windows</p>') < html.index("<strong>Windows Content</strong>")
    assert html.index("<strong>Windows Content</strong>") < html.index('<p class="tab-title">Linux</p>')
    assert "tabTotal" not in html and "Tab 0" not in html


def test_prism_prints_numbers_from_start_and_marks_lines_after_the_offset(site):
    html = site.render('{{< prism lang="html" line-numbers="true" start="48" line="49-50" line-offset="48" >}}\n'
                       "<a>\n<b>\n<c>\n{{< /prism >}}")
    assert '<pre class="lines numbered"><code class="language-html" data-lang="html">' in html
    assert ('<span class="line hl"><span class="ln">48</span>&lt;a&gt;</span><span class="line hl">'
            '<span class="ln">49</span>&lt;b&gt;</span><span class="line"><span class="ln">50</span>') in html
    marked = site.render('{{< prism lang="go" line="2" >}}\nx\ny\n{{< /prism >}}')
    assert '<span class="line hl">y</span>' in marked and 'class="ln"' not in marked
    assert '<code class="language-python"' in site.render("{{< prism python >}}\nprint(1)\n{{< /prism >}}")


def test_markdownify_table_and_markmap_wrap_markdown_as_the_web_shows_it(site):
    md = site.render("{{< markdownify >}}\n**Bold Text**: above.\n{{< /markdownify >}}")
    assert "<strong>Bold Text</strong>" in md
    table = site.render('{{< table "table-striped" >}}\n| A | B |\n|---|---|\n| 1 | 2 |\n{{< /table >}}')
    assert "<table>" in table and "<td>1</td>" in table and "table-striped" not in table
    markmap = site.render("{{< markmap >}}\n# Root\n## Branch\n{{< /markmap >}}")
    assert ">Markmap<" in markmap and "# Root\n## Branch" in markmap and "<h1" not in markmap
    assert "rocket" not in site.render('Go {{< icon "rocket_launch" >}} now.')


@pytest.fixture(scope="module")
def lotus_text(tmp_path_factory):
    root = tmp_path_factory.mktemp("lotus")
    body = """\
        {{% alert context="warning" text="ALERT-TEXT left empty deliberately." /%}}

        {{< tabs tabTotal="2" >}}
        {{< tab tabName="TAB-ONE" >}}

        {{< markdownify >}}
        MARKDOWNIFIED-TEXT
        {{< /markdownify >}}

        {{< prism lang="html" line="2" >}}
        <p>PRISM-CODE</p>
        {{< /prism >}}

        {{< /tab >}}
        {{< tab tabName="TAB-TWO" >}}
        SECOND-TAB
        {{< /tab >}}
        {{< /tabs >}}
        """
    write_site(root, {"content/_index.md": page_md("Home", body="Home.\n"),
                      "content/docs/shortcodes.md": page_md("Shortcodes", 1, body)},
               'baseURL = "https://lotus.example.org/"\ntitle = "Lotus"\ntheme = "lotusdocs"\n')
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    (pdf,) = out.glob("*.pdf")
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())


def test_the_built_pdf_keeps_every_tab_and_no_syntax(lotus_text):
    for words in ("ALERT-TEXT", "TAB-ONE", "MARKDOWNIFIED-TEXT", "<p>PRISM-CODE</p>", "TAB-TWO", "SECOND-TAB"):
        assert words in lotus_text, words
    for stray in ("{{<", "{{%", "tabName", "tabTotal"):
        assert stray not in lotus_text, stray


_KEYS = ["context", "text", "icon", "tabTotal", "tabRightAlign", "tabName", "lang", "line",
         "line-numbers", "start", "line-offset", "id", "unknown"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "0", "48", "2-4,6", "1-", "-3", "a-b",
                                     "99999999999", "info", "<b>"]), st.text(max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(LOTUS_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=3),
       inner=st.one_of(st.none(), st.text(max_size=40)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    prints_cleanly(site, shortcode_call(name, named, positional, inner, markdown))
