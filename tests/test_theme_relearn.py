"""Print forms of the Relearn theme's shortcodes and front matter, each checked on a small page
or site of its own: what the web page shows (a notice's title, every tab under its title, the
list of child pages, a button's address, the attached files) reaches paper, and nothing of the
shortcode syntax is left."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from manualgen.cli import main

from .conftest import HUGO_TOML, write_site
from .test_convert import Site, squeeze
from .theme_calls import shortcode_call, survives

RELEARN_TEMPLATES = ["notice", "note", "info", "tip", "warn", "callout", "expand", "tabs", "tab",
                     "button", "badge", "siteparam", "include", "math", "mermaid", "highlight",
                     "openapi", "swagger", "children", "attachments", "resources", "icon", "tree",
                     "card", "children-cards", "pages"]


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(tmp_path, hugo=HUGO_TOML.replace('version = "2.0"\n', 'version = "2.0"\n'
                                                 'author.name = "Sören"\n'))


def no_template_errors(site: Site) -> None:
    codes = [f.code for f in site.findings]
    assert "shortcode-template" not in codes and "unknown-shortcode" not in codes, list(site.findings)


# --- notice and its other names --------------------------------------------------------------


@pytest.mark.parametrize(("style", "label", "frame"), [
    ("caution", "Vorsicht", "danger"), ("important", "Wichtig", "primary"),
    ("info", "Information", "info"), ("note", "Hinweis", "info"), ("tip", "Tipp", "success"),
    ("warning", "Achtung", "warning")])
def test_a_notice_of_a_severity_prints_its_own_title_in_its_frame(site, style, label, frame):
    html = squeeze(site.render(f'{{{{% notice style="{style}" %}}}}\nA **{style}** box\n'
                               "{{% /notice %}}"))
    assert html.startswith(f'<aside class="alert alert-{frame} relearn-box" role="note">'
                           f'<p class="alert-label mg-label">{label}</p>')
    assert f"<p>A <strong>{style}</strong> box</p>" in html
    no_template_errors(site)


def test_a_notice_takes_its_title_by_name_or_place_and_spaces_mean_none(site):
    named = squeeze(site.render('{{% notice style="primary" title="There may be **pirates**" '
                                'icon="skull" %}}\nboxes\n{{% /notice %}}'))
    placed = squeeze(site.render('{{% notice primary "There may be **pirates**" "skull" %}}\n'
                                 "boxes\n{{% /notice %}}"))
    assert named == placed
    assert '<p class="alert-title">There may be <strong>pirates</strong></p>' in named
    untitled = site.render('{{% notice warning " " %}}\nNo title.\n{{% /notice %}}')
    assert "alert-label" not in untitled and "alert-title" not in untitled
    assert "No title." in untitled
    bar = squeeze(site.render('{{% notice style="accent" title="Just a bar" %}}\n{{% /notice %}}'))
    assert bar.endswith('<p class="alert-title">Just a bar</p></aside>')


def test_code_in_a_notice_keeps_its_quotes_and_blank_lines(site):
    html = site.render('{{% notice style="red" %}}\n```c\nprintf("Hello");\n\nreturn 0;\n```\n'
                       "{{% /notice %}}")
    assert '<code class="language-c">printf("Hello");\n\nreturn 0;\n</code>' in html
    assert "&#34;" not in html and "&amp;" not in html


def test_old_aliases_and_relearns_callout_print_as_notices(site):
    for name, label in (("note", "Hinweis"), ("info", "Information"), ("tip", "Tipp"),
                        ("warn", "Achtung")):
        html = site.render(f"{{{{% {name} %}}}}Alias text{{{{% /{name} %}}}}")
        assert f'<p class="alert-label mg-label">{label}</p>' in html and "Alias text" in html
    relearn = site.render('{{% callout style="tip" title="Hint" %}}Relearn{{% /callout %}}')
    assert '<p class="alert-title">Hint</p>' in relearn and "alert-success relearn-box" in relearn
    hextra = site.render('{{< callout type="warning" >}}Hextra{{< /callout >}}')
    assert 'class="alert alert-warning callout"' in hextra
    no_template_errors(site)


# --- expand, tabs, button, badge -------------------------------------------------------------


def test_expand_prints_open_under_its_title_named_positional_or_default(site):
    assert squeeze(site.render('{{% expand title="Expand **me**" %}}Thank you!{{% /expand %}}')) == (
        '<details open class="mg-expand"><summary>Expand <strong>me</strong></summary>'
        "<p>Thank you!</p></details>")
    assert "<summary>Why?</summary>" in site.render('{{% expand "Why?" "true" %}}x{{% /expand %}}')
    # the theme's default title ("Expand me…") only says what to click: not printed
    assert "<summary>" not in site.render("{{% expand %}}x{{% /expand %}}")


def test_tabs_print_every_tab_under_its_title_and_the_view_under_its_own(site):
    source = ('{{< tabs groupid="a" title="Install **with**" >}}\n'
              '{{% tab title="python" %}}\n```python\nprint("Hello")\n```\n{{% /tab %}}\n'
              '{{% tab name="bash" %}}\nBash is for **hackers**.\n{{% /tab %}}\n{{< /tabs >}}')
    html = squeeze(site.render(source))
    assert '<p class="tabs-title">Install <strong>with</strong></p>' in html
    assert '<p class="tab-title">python</p><div class="tab-body"><pre><code class="language-python">' in html
    assert 'print("Hello")' in html
    assert '<p class="tab-title">bash</p><div class="tab-body"><p>Bash is for <strong>hackers</strong>' in html
    assert not site.findings.warnings


def test_a_single_tab_stands_alone_without_a_warning(site):
    html = squeeze(site.render('{{% tab title="c" %}}\n```c\nprintf("x");\n```\n{{% /tab %}}'))
    assert html.startswith('<div class="tab"><p class="tab-title">c</p><div class="tab-body"><pre>')
    assert "&lt;pre&gt;" not in html and not site.findings.warnings


def test_a_button_keeps_its_words_and_where_it_leads(site):
    html = site.render('{{% button href="https://gohugo.io/" style="warning" %}}Get **Hugo**'
                       '{{% /button %}}')
    assert '<span class="mg-button"><a href="https://gohugo.io/">Get <strong>Hugo</strong></a></span>' in html
    assert '<a href="https://gohugo.io/">Tipp</a>' in site.render(
        '{{% button href="https://gohugo.io/" style="tip" %}}{{% /button %}}')
    script = site.render('{{% button href="javascript:alert(1)" %}}Shout{{% /button %}}')
    assert "javascript" not in script and '<span class="mg-button">Shout</span>' in script
    bare = site.render('{{% button href="https://x.org" icon="download" %}}{{% /button %}}')
    assert bare.count("<a ") == 1 and "https://x.org" in bare
    no_template_errors(site)


def test_a_badge_prints_its_title_and_its_words(site):
    html = site.render('Use {{% badge style="info" title="Hugo" %}}0.126.0{{% /badge %}} and '
                       '{{% badge style="note" title=" " %}}Change{{% /badge %}} and '
                       '{{% badge style="warning" %}}Red{{% /badge %}}.')
    assert ('<span class="mg-badge"><span class="mg-badge-title">Hugo</span> 0.126.0</span>' in html)
    assert '<span class="mg-badge">Change</span>' in html
    assert '<span class="mg-badge"><span class="mg-badge-title">Achtung</span> Red</span>' in html


# --- values, formulas, diagrams, code ----------------------------------------------------------


def test_siteparam_prints_a_site_parameter_and_nothing_for_an_unknown_one(site):
    assert site.render('Version {{% siteparam "version" %}} by {{% siteparam name="author.name" %}}'
                       '{{% siteparam "no.such" %}}.') == "<p>Version 2.0 by Sören.</p>"


def test_math_prints_the_tex_without_its_delimiters(site):
    block = site.render("{{< math align=\"left\" >}}\n$$\\sum_k a_k$$\n{{< /math >}}")
    assert '<div class="math display">\\sum_k a_k</div>' in block
    inline = site.render("Root {{< math >}}$\\sqrt{3}${{< /math >}} here")
    assert '<span class="math">\\sqrt{3}</span>' in inline


def test_mermaid_source_prints_as_written_under_its_caption(site):
    html = site.render("{{< mermaid align=\"left\" >}}\ngraph LR;\n    If --> Then\n{{< /mermaid >}}")
    assert '<div class="code-filename">Mermaid</div>' in html
    assert "graph LR;\n    If --&gt; Then</code>" in html  # no en dash, no paragraph


def test_highlight_takes_relearns_named_options_and_title(site):
    html = squeeze(site.render('{{< highlight lang="py" lineNos="true" hl_lines="2" title="hello.py" >}}\n'
                               "a = 1\nb = 2\n{{< /highlight >}}"))
    assert html.startswith('<div class="code-block"><div class="code-filename">hello.py</div>'
                           '<pre class="lines numbered"><code class="language-py"')
    assert '<span class="line hl"><span class="ln">2</span>b = 2</span>' in html


def test_openapi_names_its_specification(site):
    assert 'href="petstore.json">petstore.json</a>' in site.render('{{< openapi src="petstore.json" >}}')


def test_tree_prints_a_list_without_its_icons_or_the_tree_commands_output_as_it_is(site):
    listing = squeeze(site.render("{{< tree >}}\n- home | folder\n  - My Documents | folder | magic\n"
                                  "    - home.php | fa-fw fab fa-php | #888cc4\n{{< /tree >}}"))
    assert listing == ('<div class="mg-filetree"><ul><li>home<ul><li>My Documents<ul><li>home.php</li>'
                       "</ul></li></ul></li></ul></div>")
    command = site.render("{{< tree >}}\nC:.\n│   featured.png\n└───subdir\n        hugo.png\n{{< /tree >}}")
    assert "<pre><code>│   featured.png\n└───subdir\n        hugo.png</code></pre>" in command
    assert "C:." not in command


def test_include_in_its_old_positional_form_hides_the_first_heading_with_false(tmp_path):
    site = Site(tmp_path, files={"content/de/part.md": "## Part heading\n\nPart text.\n"})
    assert site.render('{{% include "part.md" false %}}') == "<p>Part text.</p>"
    assert "Part heading" in site.render('{{% include "part.md" %}}')


def test_attachments_list_no_file_that_lies_outside_the_content(tmp_path):
    site = Site(tmp_path, files={"content/de/page.files/ok.txt": "fine\n"})
    (tmp_path / "outside.txt").write_text("secret\n", encoding="utf-8")
    (tmp_path / "content/de/page.files/link.txt").symlink_to(tmp_path / "outside.txt")
    html = site.render("{{% attachments /%}}")
    assert "ok.txt" in html and "link.txt" not in html
    assert "(5 B)" in html


def test_a_relearn_card_links_its_title_to_href(site):
    html = squeeze(site.render('{{< card title="Guide" href="/guide/" >}}Read **this**.{{< /card >}}'))
    assert '<p class="card-title"><strong><a href="/guide/">Guide</a></strong></p>' in html
    assert "<p>Read <strong>this</strong>.</p>" in html


# --- a whole site: children, attachments, include, order, chapters -----------------------------

SITE = {
    "hugo.toml": """\
baseURL = "https://example.org/docs/"
title = "Relearn manual"
defaultContentLanguage = "en"
[params]
hugo.version = "0.141.0"
[markup.goldmark.renderer]
unsafe = true
[languages.en]
weight = 1
languageName = "English"
[languages.pir]
weight = 2
languageName = "Pirrrates"
""",
    "content/_index.en.md": "+++\narchetype = 'home'\ntitle = 'Home'\n+++\n\nWelcome.\n",
    "content/_index.pir.md": "+++\narchetype = 'home'\ntitle = 'Ahoy'\n+++\n\nAhoy {{% notice info %}}Arr{{% /notice %}}\n",
    "content/basics/_index.en.md": ('+++\nchapter = true\ntitle = "Basics"\nweight = 1\n'
                                    'ordersectionsby = "title"\n+++\n\n### Chapter 1\n\n# Basics\n\n'
                                    "Discover the basics.\n\n{{% children-cards %}}\n"),
    "content/basics/zeta.en.md": "+++\ntitle = 'Zeta'\nweight = 1\n+++\nZeta text.\n",
    "content/basics/alpha.en.md": "+++\ntitle = 'Alpha'\nweight = 2\n+++\nAlpha text.\n",
    "content/shortcodes/_index.en.md": ('+++\narchetype = "chapter"\ntitle = "Shortcodes"\nweight = 2\n+++\n\n'
                                        '{{% children description="true" depth="2" %}}\n'),
    "content/shortcodes/include/index.en.md": ('+++\ntitle = "Include"\nweight = 1\ndescription = "Other files"\n+++\n\n'
                                               '{{% include file="shortcodes/include/PART.md" %}}\n\n'
                                               '{{% include file="PART.md" hidefirstheading="true" %}}\n\n'
                                               "![Logo](logo.png)\n"),
    "content/shortcodes/include/PART.md": '## Included heading\n\nIncluded "text" here.\n',
    "content/shortcodes/attachments/index.en.md": ('+++\ntitle = "Attachments"\nweight = 2\n+++\n\n'
                                                   '{{% attachments /%}}\n\n'
                                                   '{{% attachments title="Only PDFs" pattern=".*\\.pdf" /%}}\n'),
    "content/shortcodes/attachments/files/manual.pdf": "%PDF" + "x" * 2044,
    "content/shortcodes/attachments/files/song.mp3": "y" * 100,
    "content/shortcodes/hidden.en.md": '+++\ntitle = "Secret"\nweight = 3\nhidden = true\n+++\nHidden text.\n',
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from .conftest import png_bytes

    root = tmp_path_factory.mktemp("relearn")
    write_site(root, {**SITE, "content/shortcodes/include/logo.png": png_bytes()}, hugo=None)
    out = root / "out"
    assert main(["build", "--site", str(root), "--all", "--out", str(out), "--quiet"]) == 0
    texts = {}
    for pdf in out.glob("*.pdf"):
        texts[pdf.stem.rsplit("-", 1)[1]] = "\n".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    return root, texts


def test_the_site_prints_without_shortcode_syntax_in_both_languages(built):
    _, texts = built
    assert set(texts) == {"en", "pir"}
    for text in texts.values():
        assert "{{<" not in text and "{{%" not in text and "<aside" not in text
    assert "Arr" in texts["pir"]


def test_children_lists_the_pages_below_without_hidden_ones(built):
    text = built[1]["en"]
    listing = text[text.index("Zeta text."):text.index("Included heading")]
    assert "Include" in listing and "Other files" in listing and "Attachments" in listing
    assert "Secret" not in listing


def test_children_cards_list_the_pages_below_as_children_does(built):
    text = built[1]["en"]
    cards = text[text.index("Discover the basics."):text.index("Alpha text")]
    assert cards.index("Alpha") < cards.index("Zeta")  # the section's order: by title


def test_ordersectionsby_title_and_a_chapter_banner_printed_once(built):
    text = built[1]["en"]
    assert text.index("Alpha text") < text.index("Zeta text")  # by title, not by weight
    assert "Chapter 1" not in text
    assert re.search(r"1\s+Basics\s*\nDiscover the basics", text)  # no second "Basics" heading


def test_include_prints_the_file_and_hides_its_first_heading_when_asked(built):
    text = built[1]["en"]
    assert text.count("Included heading") == 1  # the first include only
    assert text.count("Included “text” here.") == 2


def test_attachments_list_their_files_with_size_and_address(built):
    text = " ".join(built[1]["en"].split())
    assert "manual.pdf" in text and "(2 KB)" in text and "song.mp3" in text and "(100 B)" in text
    assert "https://example.org/docs/shortcodes/attachments/files/manual.pdf" in text.replace(" ", "")
    only = text[text.index("Only PDFs"):]
    assert "manual.pdf" in only and "song.mp3" not in only


def test_a_picture_and_a_file_of_a_translated_bundle_are_found(built, capsys):
    root, _ = built
    capsys.readouterr()
    assert main(["check", "--site", str(root), "--lang", "en", "--format", "json"]) == 0
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not codes & {"missing-image", "broken-link", "unknown-shortcode", "shortcode-template"}


def test_the_sites_ordersectionsby_orders_every_section_by_title(tmp_path):
    import datetime as dt

    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings

    write_site(tmp_path, {
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/b.md": "---\ntitle: Beta\nweight: 1\n---\n",
        "content/de/a.md": "---\ntitle: Alpha\nweight: 2\n---\n",
        "content/de/s/_index.md": "---\ntitle: Section\nweight: 3\nordersectionsby: weight\n---\n",
        "content/de/s/y.md": "---\ntitle: Ypsilon\nweight: 1\n---\n",
        "content/de/s/x.md": "---\ntitle: Xi\nweight: 2\n---\n",
    }, HUGO_TOML.replace('version = "2.0"\n', 'version = "2.0"\nordersectionsby = "title"\n'))
    home = discover(load_settings(tmp_path), "de", Findings(), dt.datetime.now(dt.UTC))
    assert [p.title for p in home.children] == ["Alpha", "Beta", "Section"]
    assert [p.title for p in home.children[2].children] == ["Ypsilon", "Xi"]  # its own key wins


# --- odd parameters never crash a template ---------------------------------------------------

_KEYS = ["style", "title", "icon", "color", "href", "name", "file", "src", "lang", "type",
         "expanded", "open", "pattern", "sort", "depth", "showhidden", "description", "options",
         "lineNos", "hl_lines", "linenostart", "hidefirstheading", "groupid", "unknown", "0"]
_VALUES = st.one_of(st.sampled_from(["", " ", "true", "false", "-1", "999", "[", "*", "$$", "$",
                                     "javascript:x", "../../etc/passwd", "/", "a.b.c", "info"]),
                    st.text(max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(RELEARN_TEMPLATES),
       named=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4),
       positional=st.lists(_VALUES, max_size=3),
       inner=st.one_of(st.none(), st.text(max_size=30)), markdown=st.booleans())
def test_odd_parameters_never_break_a_template(site, name, named, positional, inner, markdown):
    survives(site, shortcode_call(name, named, positional, inner, markdown))


def test_pages_lists_the_pages_below_or_leaves_their_content_to_them(tmp_path, capsys):
    """Relearn 9's pages: display="content" shows the pages below inline on the web, and the
    manual prints them right after the section, so nothing more there; the default display
    lists them as children does, leaving out those hidden under [params] (Relearn 9's front
    matter), which hidden="true" lists too."""
    write_site(tmp_path, {
        "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n',
        "content/_index.md": "+++\ntitle = 'Home'\n+++\n",
        "content/notes/_index.md": "+++\ntitle = 'Notes'\nweight = 1\n+++\nINLINE\n\n"
                                   '{{% pages display="content" hidden="true" %}}\n\nAFTER-INLINE\n',
        "content/notes/one.md": "+++\ntitle = 'Note one'\nweight = -1\n[params]\n  hidden = true\n+++\nFirst note text.\n",
        "content/notes/two.md": "+++\ntitle = 'Note two'\nweight = -2\n[params]\n  hidden = true\n+++\nSecond note text.\n",
        "content/guide/_index.md": "+++\ntitle = 'Guide'\nweight = 2\n+++\nLISTED\n\n{{% pages %}}\n\n"
                                   'ALL\n\n{{% pages hidden="true" %}}\n\nEND\n\n'
                                   'OTHER\n\n{{% pages pageref="/notes/" hidden="true" %}}\n\nSTOP\n',
        "content/guide/open.md": "+++\ntitle = 'Open page'\n+++\nOpen text.\n",
        "content/guide/quiet.md": "+++\ntitle = 'Quiet page'\n[params]\n  hidden = true\n+++\nQuiet text.\n",
    }, hugo=None)
    assert main(["check", "--site", str(tmp_path), "--format", "json"]) == 0
    assert "unknown-shortcode" not in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["build", "--site", str(tmp_path), "--out", str(out), "--no-cache", "-q"]) == 0
    text = "\n".join(p.extract_text() or "" for p in PdfReader(next(out.glob("*.pdf"))).pages)
    inline = text[text.index("INLINE"):text.index("AFTER-INLINE")]
    assert "Note" not in inline
    assert text.count("First note text.") == 1 and text.count("Second note text.") == 1
    assert text.index("Second note text.") < text.index("First note text.")  # weight -2 first
    listed = text[text.index("LISTED"):text.index("ALL")]
    every = text[text.index("ALL"):text.index("END")]
    assert "Open page" in listed and "Quiet page" not in listed
    assert "Open page" in every and "Quiet page" in every
    other = text[text.index("OTHER"):text.index("STOP")]  # pageref: another page's children
    assert "Note one" in other and "Note two" in other and "Open page" not in other
