"""A Hugo site with no theme, whose team wrote its own small shortcodes (tests/plain_site.py),
prints as its web pages read: a shortcode template that is simple enough (HTML around its
parameters and content) is run as Hugo runs it, the site's own definition winning over a
theme's shortcode of the same name; one that is not (a range over site.Data) prints nothing
and is named, with the action it uses, at its file and line."""

from __future__ import annotations

import re

import pytest

from manualgen.go_template import Call, NotSimple, compile_template, run_template

from .conftest import body_text, build_all, build_test_site, check_findings, page, write_site
from .plain_site import write_plain_site


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory) -> tuple:
    return build_test_site(write_plain_site, tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def plain_html(plain_build) -> dict[str, str]:
    status, said, out = plain_build
    assert status == 0, said
    return {lang: (out / f"tidewater-handbook-{lang}.html").read_text(encoding="utf-8")
            for lang in ("en", "nl")}


def test_the_sites_own_simple_templates_print_as_hugo_prints_them(plain_html):
    en = plain_html["en"]
    # what hugo 0.149.1 wrote for the same page (its addresses made the manual's)
    assert ('<div class="note">\n  <p class="note-title">Note</p>\n  Your first sign-in needs the '
            "<strong>one-time code</strong> from the welcome letter.\n</div>") in en
    assert ('<div class="warning" role="alert">Never share the code: it opens '
            "<strong>your</strong> account.</div>") in en
    assert "<p>Press <kbd>Ctrl+K</kbd> to search. Saved searches arrived in <span " \
           'class="since">Since 2.3</span>' in en
    assert '<div class="boxed"><p class="boxed-title">Good to know</p>' in en
    assert '<div class="boxed"><p class="boxed-title">Shortcut</p>\nType <code>g p</code>' in en
    assert "How to run Tidewater at the harbour office." in en


def test_the_sites_screenshot_is_its_own_not_a_themes(plain_html):
    # Congo's screenshot (a bundle picture) has the same name: the site's own wins, as in Hugo
    for lang, alt in (("en", "The tide planner after sign-in"), ("nl", "De getijdenplanner na het aanmelden")):
        html = plain_html[lang]
        assert f'alt="{alt}"' in html and 'src="file://' in html
    assert "<figcaption>The planner's start page</figcaption>" in plain_html["en"]


def test_youtube_and_param_print_where_to_watch_and_the_value(plain_build):
    text = body_text(plain_build[2] / "tidewater-handbook-en.pdf")
    assert "A tour of the planner (https://www.youtube.com/watch?v=w7Ft2ymGmfc)" in text
    assert "Write to help@tidewater.example.org." in text
    assert "{{" not in text and "<div" not in text and "range" not in text


def test_a_template_too_complex_to_run_is_named_with_what_it_uses(tmp_path):
    files = {"layouts/shortcodes/harbourpics.html":
             '<div>{{ range .Page.Resources.ByType "image" }}{{ .Name }}{{ end }}{{ .Inner }}</div>\n',
             "content/en/extra.md": ("---\ntitle: Extra\nweight: 90\n---\n\n{{< harbourpics >}}\n"
                                     "Pictures of the **harbour**.\n{{< /harbourpics >}}\n")}
    site = write_plain_site(tmp_path / "site")
    for rel, text in files.items():
        (site / rel).write_text(text, encoding="utf-8")
    findings = [f for f in check_findings(site) if f["code"] == "unknown-shortcode"]
    assert [(f["file"], f["line"], f["lang"]) for f in findings] == [("content/en/extra.md", 6, "en")]
    assert ('unknown shortcode "harbourpics" (used once in this language, first here): the '
            "site's layouts/shortcodes/harbourpics.html is a Hugo template, which manualgen does "
            'not run (it uses ".Page.Resources.ByType"); its content is printed without it'
            ) in findings[0]["message"]


def test_a_collapsible_made_with_printf_and_its_ordinal_prints_open(plain_html):
    # as hugo 0.149.1 prints it (markdownify leaves one paragraph bare); open on paper
    assert ('<details id="p-getting-started--c-9" open=""><summary>Troubleshooting</summary>'
            "If the code has <strong>expired</strong>, ask the harbour office for a new one.</details>"
            ) in plain_html["en"]


def test_a_range_over_the_sites_data_prints_its_rows(plain_html):
    # what hugo 0.149.1 prints for release-table over data/releases.yaml
    rows = "<tr><td>2.3</td><td>2024-03-01</td></tr><tr><td>2.2</td><td>2023-11-20</td></tr>"
    assert rows in plain_html["en"] and rows in plain_html["nl"]


def run(source: str, *positional, inner: str = "", **named) -> str:
    def get(key):
        return positional[key] if isinstance(key, int) and key < len(positional) else named.get(key, "")

    return run_template(compile_template(source), Call(
        get=get, inner=inner, markdownify=lambda text: f"<md>{text.strip()}</md>",
        page_title="A page", param=lambda name: {"product": "Tidewater"}.get(name, ""),
        translate=lambda key: {"note": "Hinweis"}.get(key, "")))


def test_simple_go_templates():
    # escaped as Hugo's html/template escapes (+ and " as &#43; and &#34;)
    assert run('<kbd>{{ .Get 0 }}</kbd>', "Ctrl+<K>") == "<kbd>Ctrl&#43;&lt;K&gt;</kbd>"
    assert run('<a title="{{ .Get "t" }}">', t='say "hi"') == '<a title="say &#34;hi&#34;">'
    assert run("{{ .Inner }}", inner="<b>x</b>") == "<b>x</b>"
    assert run("{{ .Inner | markdownify }}", inner="x") == "<md>x</md>"
    assert run("{{ .Inner | $.Page.RenderString }}", inner="x\n") == "<md>x</md>"
    assert run('{{ .Get "x" | default "none" }}') == "none"
    assert run('{{ $v := .Get 0 | default "1.0" }}v{{ $v }}', "2") == "v2"
    assert run('{{ with .Get "c" }}<i>{{ . }}</i>{{ else }}-{{ end }}', c="cap") == "<i>cap</i>"
    assert run('{{ with .Get "c" }}<i>{{ . }}</i>{{ else }}-{{ end }}') == "-"
    assert run('{{ if .Get "a" }}{{ with .Get "b" }}[{{ . }}]{{ end }}!{{ end }}', a="1", b="2") == "[2]!"
    assert run("a  {{- /* note */ -}}  b") == "ab"
    assert run("{{ .Page.Title | upper }} {{ site.Params.product }} {{ i18n \"note\" }}") == \
        "A PAGE Tidewater Hinweis"
    assert run('{{ "<b>" | safeHTML }}') == "<b>"
    assert run('{{ $k := "t" }}{{ .Get $k }}', t="by name") == "by name"


def test_logic_functions_and_parenthesised_commands_run_as_go_runs_them():
    # a glossary entry's template: the term, then its short form or its English name
    term = ('<p>{{- if .Get "name" -}}<dfn id="{{ .Get "id" }}">{{ .Get "name" }}</dfn>'
            '{{- if or (.Get "short") (.Get "english") }} ({{ with .Get "short" }}<abbr>{{ . }}</abbr>'
            '{{ end }}{{ .Get "english" }}){{- end }}{{- else -}}<dfn>{{ .Get "short" }}</dfn>'
            '{{- end }}: {{ .Inner }}</p>')
    assert run(term, inner="a key pair", id="k", name="Schlüssel", short="PK") == \
        '<p><dfn id="k">Schlüssel</dfn> (<abbr>PK</abbr>): a key pair</p>'
    assert run(term, inner="a key pair", id="k", name="Schlüssel") == \
        '<p><dfn id="k">Schlüssel</dfn>: a key pair</p>'
    assert run(term, inner="x", short="CA") == "<p><dfn>CA</dfn>: x</p>"
    assert run('{{ or (.Get "a") (.Get "b") "none" }}', b="B") == "B"
    assert run('{{ or (.Get "a") (.Get "b") }}|{{ and (.Get "a") (.Get "b") }}', a="A") == "A|"
    assert run('{{ not (.Get "a") }} {{ eq (.Get 0) "x" "y" }} {{ .Get 0 | ne "y" }}', "y") == \
        "true true false"
    assert run('{{ if and (eq (.Get "k") "tip") (not (.Get "quiet")) }}TIP{{ end }}', k="tip") == "TIP"


@pytest.mark.parametrize("source, named", [
    ('{{ return "x" }}', "{{ return … }}"),
    ('{{ .Get 0 | pluralize }}', 'the function "pluralize"'),
    ('{{ (index .Page.TableOfContents "a") }}', '{{ (index .Page.TableOfContents "a") }}'),
    ('{{ .Page.TableOfContents }}', '".Page.TableOfContents"'),
    ("{{ or (.Get 0 }}", "{{ or (.Get 0 }}"),
    ("{{ .Get 0) }}", "{{ .Get 0) }}"),
    ("{{ .Page.Translations }}", '".Page.Translations"'),
    ("{{ if .Inner }}x", "{{ if }} without its end"),
    ("{{ end }}", "{{ end }} without its if, with or range"),
    ("x {{ .Inner", "an action that is not closed"),
])
def test_anything_else_is_not_run(source, named):
    with pytest.raises(NotSimple) as caught:
        compile_template(source)
    assert str(caught.value) == named


def test_a_shortcode_template_that_links_out_of_the_site_is_not_read(tmp_path):
    """A build reads nothing outside the site: a site's shortcode template that is a link
    to a file elsewhere is not run (nor read to tell whether it takes content)."""
    import os

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    secret = tmp_path / "elsewhere.html"
    secret.write_text("OUTSIDE-THE-SITE", encoding="utf-8")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Erste", 1, "Text {{< leak >}} hier.\n"),
    })
    (site / "layouts/shortcodes").mkdir(parents=True)
    os.symlink(secret, site / "layouts/shortcodes/leak.html")
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    assert "OUTSIDE-THE-SITE" not in result.results[0].html.read_text(encoding="utf-8")


def test_parameters_print_and_test_as_go_reads_them():
    """A site's param false is false for if and prints "false"; 2.0 prints 2, a list
    [a b]; .Page.Params is the page's own front matter only, .Param falls back to the
    site's."""
    from manualgen.shortcodes import go_text

    site = {"shownote": False, "ratio": 2.0, "tags": ["a", "b"], "owner": "Site"}
    page = {"colour": "blue"}
    call = Call(get=lambda key: "", inner="", markdownify=str,
                param=site.get, page_params=page.get,
                page_param=lambda name: page.get(name, site.get(name)),
                show=lambda raw: str(go_text(raw)))

    def run(source: str) -> str:
        return run_template(compile_template(source), call)

    assert run("{{ if .Site.Params.shownote }}SHOWN{{ end }}[{{ .Site.Params.shownote }}]") == "[false]"
    assert run("{{ .Site.Params.ratio }} {{ .Site.Params.tags }}") == "2 [a b]"
    assert run("{{ with .Site.Params.missing }}x{{ else }}none{{ end }}") == "none"
    assert run("[{{ .Page.Params.owner }}] {{ .Param \"owner\" }} {{ .Page.Params.colour }}") == \
        "[] Site blue"
    # Hugo's default keeps any bool: false is a value given (hugo 0.149.1 prints "false")
    assert run('{{ .Site.Params.shownote | default "off" }}') == "false"


def test_trim_markers_need_their_space_and_an_unclosed_action_is_refused_at_once():
    assert run("a {{-3}} b {{- 4 -}} c") == "a -3 b4c"  # as Go: "{{-3}}" is the number -3
    with pytest.raises(NotSimple, match="not closed"):
        compile_template("{{" * 20000)  # one pass, not one search to the end per "{{"


def test_string_functions_return_text_that_is_escaped_when_printed():
    # as Hugo 0.149.1 prints them (checked with the binary): upper, lower, trim and
    # htmlEscape give text, escaped when printed (htmlEscape's entities are escaped again);
    # plainify gives HTML
    assert run("{{ .Inner | upper }}", inner="<b>x</b>") == "&lt;B&gt;X&lt;/B&gt;"
    assert run('{{ htmlEscape "<a>" }}') == "&amp;lt;a&amp;gt;"
    assert run('{{ plainify "<b>a&amp;b</b>" }}') == "a&amp;b"


def test_a_variable_made_inside_a_block_ends_with_it():
    assert run('{{ $v := "out" }}{{ if .Get 0 }}{{ $v := "in" }}{{ $v }}{{ end }}-{{ $v }}', "x") == "in-out"


def test_a_comment_quoting_a_shortcode_call_ends_at_its_own_close():
    """A template that opens with a usage note quoting its call ({{< kbd "Ctrl" >}}, as the
    CNCF glossary's do) runs: a Go comment ends at its */, not at the first }} inside it; a
    comment that does not end at the delimiters is refused, as Go refuses it."""
    source = '{{/*\n\n  Usage: {{< kbd "Ctrl" >}} or {{% kbd %}}\n\n  */ -}}\n<kbd>{{ .Get 0 }}</kbd>'
    assert run(source, "Ctrl") == "<kbd>Ctrl</kbd>"
    assert run("a {{- /* {{ .Inner }} */ -}} b") == "ab"
    with pytest.raises(NotSimple, match="does not end at its"):
        compile_template("{{/* note */ .Inner }}")
    with pytest.raises(NotSimple, match="comment that is not closed"):
        compile_template("{{/* note }}")


def test_the_sites_own_tab_inside_a_theme_s_tabs_prints_every_tab_under_its_name(tmp_path):
    """A site that overrides only its theme's tab (KubeSphere's website: a simple tab.html
    for the theme's tabs) prints each tab under its name: manualgen's own tabs prints only
    the tabs its own tab hands it, so the site's tab output was lost, without a word.  When
    the site defines the tabs too, its own pair runs."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    tab = '<div class="tab-pane" title="{{ .Get 0 }}">\n  {{ .Inner | markdownify }}\n</div>'
    body = ('Vorher.\n\n{{< tabs >}}\n\n{{< tab "Schnelle Leitung" >}}\n\nInhalt **eins**.\n\n'
            '{{</ tab >}}\n\n{{< tab "Langsame Leitung" >}}\n\nInhalt zwei.\n\n{{</ tab >}}\n\n'
            "{{</ tabs >}}\n\nNachher.\n")
    files = {"content/de/_index.md": page("Start"), "content/de/a.md": page("Laden", 1, body),
             "layouts/shortcodes/tab.html": tab}
    site = write_site(tmp_path / "theme", files)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Inhalt <strong>eins</strong>." in html and "Inhalt zwei." in html
    assert '<p class="tab-title">Schnelle Leitung</p>' in html
    assert html.index("Vorher.") < html.index("Langsame Leitung") < html.index("Nachher.")

    own = write_site(tmp_path / "own", {**files, "layouts/shortcodes/tabs.html":
                                        '<div class="own-tabs">{{ .Inner }}</div>'})
    result = build(own, BuildOptions(langs=["de"], out=tmp_path / "out2", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert '<div class="own-tabs">' in html and 'title="Schnelle Leitung"' in html
    assert "Inhalt zwei." in html


def test_codetabs_named_by_their_tabs_print_each_under_its_name(tmp_path, capsys):
    """Dapr's tabs name their tabs by position ({{< tabs Stabil "Neueste Version" >}}) and
    each {{% codetab %}} is the tab at its place, whatever the site's own (Go) template of
    tabs (it could not read what the codetabs hand to it); the whole block was lost.  A tabs
    holding no tab manualgen knows runs the site's own template."""
    import json

    from manualgen.build import BuildOptions, build
    from manualgen.cli import main

    from .conftest import page, write_site

    own = ('{{- $guid := printf "tabs-%d" .Ordinal -}}<ul>{{- range .Params -}}<li>{{ . }}</li>'
           '{{- end -}}</ul><div class="tab-content" id="{{- $guid -}}-content">{{ .Inner }}</div>')
    body = ('Vorher.\n\n{{< tabs Stabil "Neueste Version" >}}\n\n{{% codetab %}}\n```bash\n'
            'pip install paket\n```\n{{% /codetab %}}\n\n{{% codetab %}}\nVorsicht: **neu**.\n\n'
            '```bash\npip install paket-dev\n```\n{{% /codetab %}}\n\n{{< /tabs >}}\n\nNachher.\n\n'
            "{{< tabs A B >}}\n{{% reiter %}}\nText im Reiter.\n{{% /reiter %}}\n{{< /tabs >}}\n")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"), "content/de/a.md": page("Laden", 1, body),
        "layouts/shortcodes/tabs.html": own})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert '<p class="tab-title">Stabil</p>' in html and '<p class="tab-title">Neueste Version</p>' in html
    assert "pip install paket\n" in html and "Vorsicht: <strong>neu</strong>." in html
    assert html.index("Vorher.") < html.index("Stabil") < html.index("paket-dev") < html.index("Nachher.")
    assert "Text im Reiter." in html
    main(["check", "--site", str(site), "--all", "--format", "json"])
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    # the second tabs holds no tab manualgen knows: the site's own template prints it
    assert "bad-shortcode" not in codes and "unknown-shortcode" in codes


def test_what_a_site_template_hides_until_a_click_prints(tmp_path):
    """A site's own expand (vitess.io's) writes its content box with style="display: none",
    which its script opens on a click: on paper the box prints open, as every expand does
    (it printed nothing, without a word).  A page's own hidden HTML stays hidden."""
    from pypdf import PdfReader

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    expand = ('<span class="expand">\n  <span class="expand-label" onclick="toggle(this)">'
              '{{ .Get 0 }}</span>\n  <div class="expand-content" style="display: none; '
              'margin: 4px">{{ .Inner | safeHTML }}</div>\n</span>\n')
    body = ('Davor.\n\n{{< expand "Mehr zeigen" >}}Der verborgene Hinweis.{{< /expand >}}\n\n'
            '<p style="display:none">Nur für die Suche.</p>\n\nDanach.\n')
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\nweight = 1\n[markup.goldmark.renderer]\nunsafe = true\n",
        "content/de/_index.md": page("Start"), "content/de/a.md": page("Anleitung", 1, body),
        "layouts/shortcodes/expand.html": expand})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True))
    text = "".join(p.extract_text() or "" for p in PdfReader(result.results[0].pdf).pages)
    assert "Mehr zeigen" in text and "Der verborgene Hinweis." in text and "Danach." in text
    assert "Nur für die Suche." not in text


def test_a_hidden_box_of_the_templates_own_words_stays_hidden(tmp_path):
    """Flink's artifact shortcode writes, under its code, a box "Copied to clipboard!" with
    style="display:none" that its script shows after a copy: the theme's feedback, not the
    page's text, so it is not printed; the code is."""
    from pypdf import PdfReader

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    artifact = ('<pre><code>{{ .Get 0 }}</code></pre>\n<div class="book-hint info" '
                'style="text-align:center;display:none" copyable="flink-module">\n'
                "  Copied to clipboard!\n</div>\n")
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://example.org/"\ndefaultContentLanguage = "de"\n'
                     "[languages.de]\nweight = 1\n",
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Anleitung", 1, "Davor.\n\n{{< artifact flink-runtime >}}\n\nDanach.\n"),
        "layouts/shortcodes/artifact.html": artifact})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True))
    text = "".join(p.extract_text() or "" for p in PdfReader(result.results[0].pdf).pages)
    assert "flink-runtime" in text and "Danach." in text
    assert "Copied to clipboard" not in text


def test_an_address_a_site_template_escaped_prints_as_a_browser_shows_it(tmp_path):
    """A site template's link is escaped as Hugo escapes it (caf%c3%a9); its printed
    address shows the letters, as a browser's address bar does, and keeps an escaped space;
    the link itself keeps Hugo's address."""
    from pypdf import PdfReader

    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n',
        "layouts/shortcodes/web.html": '<a href="{{ .Get 0 }}">{{ .Get 1 }}</a>',
        "content/de/_index.md": page("Start", body='Im {{< web "https://example.org/café/a b" '
                                                   '"Café" >}} gibt es Kuchen.\n')})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    assert not result.findings.errors, [f.format() for f in result.findings]
    html = result.results[0].html.read_text(encoding="utf-8")
    assert 'href="https://example.org/caf%c3%a9/a%20b"' in html
    text = "".join(p.extract_text() for p in PdfReader(result.results[0].pdf).pages)
    assert "(https://example.org/café/a%20b)" in " ".join(text.split()), text


def test_a_refused_address_is_left_out_in_either_quotes_and_only_there(tmp_path):
    """An address Hugo's escaping refuses (#ZgotmplZ) is left out wherever it stands, in
    single or double quotes, in a link or a picture: one broken-link warning at the call,
    no link to the page itself (missing-anchor) and no missing picture; the same words in
    a shortcode's text are no address."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    site = write_site(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n',
        "layouts/shortcodes/tel.html": "<a href='{{ .Get 0 }}'>{{ .Get 1 }}</a>",
        "layouts/shortcodes/pic.html": '<img src="{{ .Get 0 }}" alt="Bild">',
        "layouts/shortcodes/say.html": "<em>{{ .Inner }}</em>",
        "content/de/_index.md": page("Start", body=(
            'Ruf {{< tel "tel:123" "die Zentrale" >}} an.\n\n{{< pic "data:image/png;base64,AA" >}}\n\n'
            "{{< say >}}Das Wort #ZgotmplZ{{< /say >}}\n"))})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    codes = [(f.code, f.line) for f in result.findings if f.severity != "info"]
    assert sorted(codes) == [("broken-link", 4), ("broken-link", 6)], codes
    html = result.results[0].html.read_text(encoding="utf-8")
    assert html.count("ZgotmplZ") == 1 and "die Zentrale" in html  # only the text's word


@pytest.mark.parametrize("source, args, inner, printed", [
    # a "<" that opens no tag is written escaped, as Go does: a value cannot complete it
    ("<{{ .Get 0 }}>x", ("!-- ",), "", "&lt;!-- >x"),
    ("</{{ .Get 0 }}>x", ("div",), "", "&lt;/div>x"),
    ("a < b {{ .Get 0 }}", ("c",), "", "a &lt; b c"),
    # HTML in an attribute loses its tags and its script's code
    ('<p title="{{ .Inner }}">t</p>', (), "<script>zz</script>ok", '<p title="ok">t</p>'),
])
def test_template_text_and_values_are_escaped_as_hugo_writes_them(source, args, inner, printed):
    """Checked with hugo 0.149.1."""
    assert run(source, *args, inner=inner) == printed


@pytest.mark.parametrize("value, plain", [
    ("a <b>b</b> c", "a b c"), ("x <!-- y", "x "), ("<style>p{color:red}</style>ok", "ok"),
    ("a < b", "a < b"), ("<p>one</p><p>two</p>", "one\ntwo\n"), ("a<br>b", "a\nb"),
    ("<script>alert(1)</script>after", "after"), ("1 <2 and 3> 1", "1 <2 and 3> 1"),
    ("<a href='x>y'>t</a>", "t"), ("<b >x</b >", "x"), ("< b>x", "< b>x")])
def test_plainify_strips_as_hugo_does(value, plain):
    """Hugo 0.149.1's plainify, value by value (a comment left open runs to the end, the
    code of a script or style goes, a "<" that opens no tag stays)."""
    assert run("{{ .Get 0 | plainify }}", value) == plain


@pytest.mark.parametrize("source", ['{{ trim .Get 0 "x" }}', "{{ upper .Get 0 }}",
                                    "{{ .Get 0 .Get 1 }}", '{{ default "a" "b" "c" }}', "{{ .Get }}"])
def test_a_call_with_arguments_hugo_refuses_is_not_run(source):
    """Hugo 0.149.1 stops for these ("wrong number of args for trim: want 2 got 3"; a
    method given as a value is called without its argument): manualgen does not run the
    template, where it printed "0", "ab" or nothing."""
    with pytest.raises(NotSimple, match="argument"):
        compile_template(source)


def test_a_template_that_asks_whether_its_parameters_are_named_runs_both_ways(tmp_path):
    # one abbreviation template for both ways of calling it, as a team writes it
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, 'Die {{< short VM "virtuelle Maschine" >}} und '
                                        'die {{< short word="DNS" says="Namensdienst" >}}; '
                                        'leer: {{< short >}}.\n'),
        "layouts/shortcodes/short.html": (
            '{{ if .IsNamedParams }}<abbr title="{{ .Get "says" }}">{{ .Get "word" }}</abbr>'
            '{{ else }}<abbr title="{{ .Get 1 }}">{{ .Get 0 }}</abbr>{{ end }}'
            '[{{ $.IsNamedParams }}]'),
    })
    assert [f for f in check_findings(site) if f["code"] == "unknown-shortcode"] == []
    status, said = build_all(site, tmp_path / "out")
    assert status == 0, said
    html = next((tmp_path / "out").glob("*-de.html")).read_text(encoding="utf-8")
    assert '<abbr title="virtuelle Maschine">VM</abbr>[false]' in html
    assert '<abbr title="Namensdienst">DNS</abbr>[true]' in html
    assert 'leer: <abbr title=""></abbr>[false].' in html


def test_a_template_that_finds_a_page_with_getpage_links_to_it_in_its_language(tmp_path):
    # a "next step" card: the page's title and address from .Site.GetPage, as a team's
    # own shortcode writes it; a relref to a heading; a page that is not there prints nothing
    card = ('{{- $page := .Site.GetPage (.Get "page") -}}{{- with $page -}}'
            '<a href="{{ .RelPermalink }}" class="card">{{ .Title }}</a>{{- end -}}')
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Anmelden", 1, 'Weiter: {{< card page="b.md" >}}\n\n'
                                               'Fehlt: [{{< card page="nichts" >}}]\n\n'
                                               '{{< see ref="b#schritt" >}}\n\n{{< whose >}}\n'),
        "content/de/b.md": page("Einrichten", 2, "## Schritt {#schritt}\n\nText.\n"),
        "content/fr/_index.md": page("Accueil"),
        "content/fr/a.md": page("Connexion", 1, 'Suite : {{< card page="b" >}}\n'),
        "content/fr/b.md": page("Installer", 2, "Texte.\n"),
        "layouts/shortcodes/card.html": card,
        # a field of the found page that manualgen does not know: not run, and said so
        "layouts/shortcodes/whose.html": '{{ with .Site.GetPage "b" }}{{ .Page.Title }}{{ end }}',
        "layouts/shortcodes/see.html": ("<a href='{{ relref . (.Get \"ref\") }}'>"
                                        "{{ $p := site.GetPage \"b\" }}{{ $p.LinkTitle }}</a>"),
    })
    found = [f for f in check_findings(site) if f["code"] in ("unknown-shortcode", "broken-link")]
    assert len(found) == 1 and '"whose"' in found[0]["message"]
    assert 'it uses "Page" of *hugolib.pageState' in found[0]["message"]
    status, said = build_all(site, tmp_path / "out")
    assert status == 0, said
    de = (tmp_path / "out").glob("*-de.html").__next__().read_text(encoding="utf-8")
    fr = (tmp_path / "out").glob("*-fr.html").__next__().read_text(encoding="utf-8")
    assert re.search(r'<a href="#[^"]*b" class="card internal"[^>]*>Einrichten</a>', de), de
    assert "Fehlt: []" in de
    assert re.search(r"<a href=\"#[^\"]*schritt\"[^>]*>Einrichten</a>", de)
    assert re.search(r'<a href="#[^"]*b" class="card internal"[^>]*>Installer</a>', fr)




def test_jinja_and_go_templates_print_a_value_the_same_way():
    """One printer (go_values.go_print) for a site's Go template and manualgen's Jinja
    templates: nil inside a list is ``<nil>`` and a time is Go's Time.String(), as Hugo
    prints them; text, whole numbers and Jinja's own values pass unchanged."""
    import datetime as dt

    from manualgen.go_values import go_print
    from manualgen.shortcodes import go_text

    for value in ([1, None, "a"], {"b": True, "a": 2.0}, dt.datetime(2024, 1, 5, 10, 0), 1e-5):
        assert go_text(value) == go_print(value)
    assert go_text([1, None]) == "[1 <nil>]"
    assert go_text(dt.datetime(2024, 1, 5, 10, 0)) == "2024-01-05 10:00:00 +0000 UTC"
    assert go_text("x") == "x" and go_text(7) == 7 and go_text(None) == ""
    page = object()
    assert go_text(page) is page  # a value Go would print otherwise: Jinja's print


def test_getpage_finds_a_page_by_its_own_name_and_the_home_by_nothing(tmp_path):
    """Hugo's GetPage takes a name no other page has ("leaf" for docs/deep/leaf.md) and the
    empty path as the home page (checked with hugo 0.149.1, as "[Blatt] / [Start]")."""
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Seite", 1, "{{< find leaf >}} / {{< find \"\" >}}\n"),
        "content/de/docs/deep/leaf.md": page("Blatt", 2),
        "layouts/shortcodes/find.html": '{{ with .Site.GetPage (.Get 0) }}[{{ .Title }}]{{ else }}[-]{{ end }}',
    })
    status, said = build_all(site, tmp_path / "out")
    assert status == 0, said
    html = (tmp_path / "out").glob("*-de.html").__next__().read_text(encoding="utf-8")
    assert "[Blatt] / [Start]" in html


@pytest.mark.parametrize(("name", "template", "built_in"), [
    # hides its content until a click: a collapsible, printed as manualgen's framed box
    ("expand", '<span class="x">{{ .Get 0 }}</span><div style="display: none">{{ .Inner }}</div>', True),
    ("spoiler", '<span class="x">{{ .Get 0 }}</span><details><div>{{ .Inner }}</div></details>', True),
    # shows its content: the site's own markup, as the web shows it
    ("expand", '<div class="x"><b>{{ .Get 0 }}</b> {{ .Inner }}</div>', False),
])
def test_a_sites_own_collapsible_prints_as_a_framed_open_box(tmp_path, name, template, built_in):
    """vitess.io's own expand hides its content in a display:none box that a click opens;
    run as written, its label and content printed as two loose paragraphs, with nothing to
    show they belong together.  manualgen's expand prints the label as the title of a
    framed box that holds the content."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    body = f'Davor.\n\n{{{{< {name} "Mehr zeigen" >}}}}Der Hinweis.{{{{< /{name} >}}}}\n\nDanach.\n'
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n'
                     "[markup.goldmark.renderer]\nunsafe = true\n",
        "content/de/_index.md": page("Start"), "content/de/a.md": page("Anleitung", 1, body),
        f"layouts/shortcodes/{name}.html": template})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Der Hinweis." in html and "Mehr zeigen" in html
    assert ('class="x"' not in html) == built_in


def test_a_hidden_box_of_the_themes_translated_words_stays_hidden(tmp_path):
    """The same feedback box written as a translation of the theme's words ({{ T "copied" }})
    is the theme's text too: hidden on the web until a script shows it, left out of print."""
    from manualgen.build import BuildOptions, build

    from .conftest import page, write_site

    artifact = ('<pre><code>{{ .Get 0 }}</code></pre>\n'
                '<span style="display: none">{{ T "copied" }}</span>\n')
    site = write_site(tmp_path / "site", {
        "hugo.toml": 'defaultContentLanguage = "de"\n[languages.de]\nweight = 1\n',
        "i18n/de.toml": 'copied = "In die Zwischenablage kopiert!"\n',
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("Anleitung", 1, "Davor.\n\n{{< artifact ls-l >}}\n\nDanach.\n"),
        "layouts/shortcodes/artifact.html": artifact})
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", no_cache=True,
                                      jobs=1, html=True))
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for p in PdfReader(result.results[0].pdf).pages)
    assert "ls-l" in text and "Danach." in text
    assert "Zwischenablage" not in text
