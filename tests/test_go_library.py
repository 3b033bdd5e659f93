"""The strings, math, collections, path and encoding functions of Hugo's templates that
sites' shortcodes call (substr, truncate, humanize, math.Round, uniq, path.Base …), and the
page's kind, weight, section and type.  Each expected text is what the hugo binaries 0.149.1
and 0.168.0 both printed for the same template (checked side by side); before, a template
using any of them was not run and its shortcode printed nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from manualgen.go_template import Call, compile_template, run_template

from .conftest import HUGO_TOML
from .test_convert import Site


def run(source: str) -> str:
    return run_template(compile_template(source), Call(get=lambda key: "", inner="", markdownify=str))


def rendered_pages(root) -> dict[str, str]:
    """Every German page of the site at ``root``, rendered: {file below content/de: HTML}."""
    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings
    from manualgen.render import render_language

    settings = load_settings(root)
    findings = Findings()
    home = discover(settings, "de", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return {r.page.rel: r.html for r in render_language(settings, "de", home, findings).pages}


@pytest.mark.parametrize("source, printed", [
    ('{{ substr "Émile über" 1 3 }}', "mil"),
    ('{{ substr "abc" -2 }}', "bc"),
    ('{{ substr "abc" 5 }}', ""),
    ('{{ substr "abcdef" 1 -2 }}', "bcd"),
    ('{{ substr "abcdef" -3 2 }}', "de"),
    ('{{ substr "abcdef" -10 }}', "abcdef"),
    ('{{ slicestr "abcdef" 1 3 }}', "bc"),
    ('{{ slicestr "abcdef" 2 }}', "cdef"),
    ('{{ strings.Count "a" "banana" }}|{{ strings.Count "" "abc" }}', "3|4"),
    ('{{ strings.Repeat 3 "ab" }}', "ababab"),
    ('{{ strings.FirstUpper "émile" }}', "Émile"),
    ('{{ strings.TrimLeft "ab" "abcba" }}|{{ strings.TrimRight "ab" "abcba" }}', "cba|abc"),
    ('[{{ trim "  x  " "" }}]', "[  x  ]"),
    ('{{ countwords "Hello world <b>x</b>" }}|{{ countwords "日本語 テキスト abc" }}', "3|8"),
    # checked with hugo 0.149.1 and 0.168.0: a word beyond ASCII counts its letters only in
    # a text that holds Han, Hangul, Hiragana or Katakana
    (('{{ countwords "Привет мир" }}|{{ countwords "Привет мир 中文" }}|{{ countwords "café au lait" }}'
      '|{{ countwords "한국어 문장" }}|{{ countwords "مرحبا بالعالم" }}|{{ countwords "ab 中文x" }}'),
     "2|11|3|5|2|4"),
    ('{{ countrunes "a b c" }}', "3"),
    ('{{ humanize "my-first-post" }}|{{ humanize "myCamelPost" }}|{{ humanize "Alpha Beta" }}',
     "My first post|My camel post|Alpha beta"),
    ('{{ humanize 52 }}|{{ humanize "103" }}|{{ humanize 11 }}|{{ humanize 112 }}', "52nd|103rd|11th|112th"),
    ('{{ humanize "x<y & z" }}', "X y &amp; z"),
    ('{{ truncate 10 "Hello world, this is long" }}', "Hello …"),
    ('{{ truncate 10 "..." "Hello world, this is long" }}', "Hello..."),
    ('{{ truncate 5 "<b>Hello</b> world" }}', "&lt;b&gt;He …"),
    ('{{ truncate 8 "  pad  " }}', "  pad  "),
    ('{{ truncate 3 "日本語テキスト" }}', "日本語 …"),
    ('{{ truncate 12 ("<p>Hello <em>big</em> world out there</p>" | safeHTML) }}',
     "<p>Hello <em>big …</em></p>"),
    ('{{ math.Round 2.5 }}|{{ math.Round -2.5 }}|{{ math.Round "2.5" }}', "3|-3|3"),
    ('{{ math.Floor 2.7 }}|{{ math.Ceil 2.1 }}|{{ math.Abs -2 }}', "2|3|2"),
    ('{{ math.Max 1 5 3 }}|{{ math.Min (slice 3 1 2) }}|{{ math.Pow 2 10 }}', "5|1|1024"),
    ('{{ math.Sqrt 2 }}', "1.4142135623730951"),
    ('{{ float "2.50" }}|{{ float 3 | printf "%T" }}|{{ math.Round 2.4 | printf "%T" }}', "2.5|float64|float64"),
    ('{{ uniq (slice 1 1 2) }}|{{ complement (slice "a") (slice "a" "b") }}', "[1 2]|[b]"),
    ('{{ union (slice 1 2) (slice 2 3) }}|{{ intersect (slice 1 2) (slice 2 3) }}', "[1 2 3]|[2]"),
    ('{{ symdiff (slice 1 2) (slice 2 3) }}|{{ collections.Reverse (slice 1 2 3) }}', "[3 1]|[3 2 1]"),
    ('{{ path.Base "a/b.md" }}|{{ path.Dir "a/b.md" }}|{{ path.Ext "a/b.md" }}', "b.md|a|.md"),
    ('{{ path.Join "a" "b" "../c" }}|{{ path.BaseName "a/b.md" }}|{{ path.Base "" }}', "a/c|b|."),
    ('{{ path.Clean "a//b/./../c/" }}|{{ path.Base "/" }}|{{ path.Dir "abc" }}', "a/c|/|."),
    ('{{ emojify ":+1: :nonexistent: :heart:" }}', "👍 :nonexistent: ❤️"),
    ('{{ base64Encode "héllo" }}|{{ base64Decode "aGk=" }}', "aMOpbGxv|hi"),
    ('{{ findRE "[a-z]+" "ab 12 cd" }}|{{ findRE "a(b)" "abab" 1 }}', "[ab cd]|[ab]"),
])
def test_the_functions_print_what_hugo_prints(source, printed):
    assert run(source) == printed


def test_a_shortcode_reads_its_pages_kind_weight_section_and_type(tmp_path):
    site = Site(tmp_path, files={
        "layouts/shortcodes/facts.html": "[{{ .Page.Kind }}|{{ .Page.Weight }}|{{ .Page.Section }}|"
                                         "{{ .Page.Type }}|{{ .Page.IsPage }}|{{ .Page.LinkTitle }}]",
        "layouts/shortcodes/short.html": "{{ truncate 12 (.Get 0) }} ({{ substr (.Get 1) 0 2 }})",
    }, hugo=HUGO_TOML)
    page = site.root / "content/de/docs/p.md"
    page.parent.mkdir(parents=True)
    from types import SimpleNamespace

    facts = site.converter.convert(SimpleNamespace(
        body="{{< facts >}}\n\n{{< short \"Hello world, this is long\" \"Mehr\" >}}\n", body_line=5,
        path=page, rel="docs/p.md", lang="de", kind="page", weight=4, title="P", link_title="",
        meta={}))
    site.converter.finish()
    assert "[page|4|docs|docs|true|P]" in facts
    assert "Hello world, …" in facts and "(Me)" in facts
    assert not [f for f in site.findings if f.code == "unknown-shortcode"]


def run_on(source: str, base_url: str, prefix: str = "") -> str:
    call = Call(get=lambda key: "", inner="", markdownify=str, base_url=base_url,
                language_prefix=prefix)
    return run_template(compile_template(source), call)


@pytest.mark.parametrize("source, docs, root", [
    ('{{ absURL "x/y" }}', "https://example.org/docs/x/y", "https://example.org/x/y"),
    ('{{ absURL "/x/y" }}', "https://example.org/x/y", "https://example.org/x/y"),
    ('{{ absURL "" }}', "https://example.org/docs/", "https://example.org/"),
    ('{{ absURL "../up" }}', "https://example.org/up", "https://example.org/up"),
    ('{{ absURL 7 }}', "https://example.org/docs/7", "https://example.org/7"),
    ('{{ absURL "https://other.org/z" }}', "https://other.org/z", "https://other.org/z"),
    ('{{ relURL "x/y" }}', "/docs/x/y", "/x/y"),
    ('{{ relURL "/x/y" }}', "/x/y", "/x/y"),
    ('{{ relURL "" }}', "/docs/", "/"),
    ('{{ relURL "https://example.org/docs/a" }}', "/docs/a", "/docs/a"),
    ('{{ relURL "https://example.org/a" }}', "https://example.org/a", "/a"),  # not below the baseURL
    ('{{ absURL "x?q=1#f" }}', "https://example.org/docs/x?q=1#f", "https://example.org/x?q=1#f"),
    ('{{ absURL "a b/(c)%20" }}', "https://example.org/docs/a%20b/%28c%29%20", "https://example.org/a%20b/%28c%29%20"),
    ('{{ relURL "a b" }}', "/docs/a b", "/a b"),  # relURL leaves it as written
])
def test_site_addresses_are_made_as_hugo_makes_them(source, docs, root):
    assert run_on(source, "https://example.org/docs/") == docs
    assert run_on(source, "https://example.org/") == root


@pytest.mark.parametrize("source, printed", [
    ('{{ absLangURL "" }}', "https://example.org/docs/fr/"),
    ('{{ absLangURL "x" }}', "https://example.org/docs/fr/x"),
    ('{{ absLangURL "/x" }}', "https://example.org/fr/x"),
    ('{{ absLangURL "/fr/x" }}', "https://example.org/fr/x"),
    ('{{ relLangURL "x/" }}', "/docs/fr/x/"),
    ('{{ relLangURL "/x" }}', "/fr/x"),
])
def test_language_addresses_are_below_the_language(source, printed):
    assert run_on(source, "https://example.org/docs/", "/fr") == printed


def test_a_picture_and_a_link_at_absolute_site_addresses_are_the_sites_own(tmp_path, capsys):
    """absURL gives the whole address: the picture is still the site's file, the link the
    manual's page."""
    from manualgen.cli import main

    from .conftest import write_site

    root = write_site(tmp_path, {
        "content/de/_index.md": "---\ntitle: Start\n---\n{{< shot >}}\n\n"
                                '<div style="background: url(https://example.org/docs/img/a.png)">x</div>\n',
        "content/de/ziel.md": "---\ntitle: Ziel\n---\nText.\n",
        "layouts/shortcodes/shot.html": '<img src="{{ "img/a.png" | absURL }}" alt="A">'
                                        '<a href="{{ "ziel/" | absURL }}">Ziel</a>',
        "static/img/a.png": _png(),
    })
    status = main(["check", "--site", str(root), "--lang", "de"])
    said = capsys.readouterr()
    assert status == 0 and "warning:" not in said.err + said.out, said.err


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, format="PNG")
    return out.getvalue()


def test_parameters_written_without_quotes_are_numbers_and_booleans(tmp_path):
    """Hugo reads a bare 5 as an int, 2.50 as a float and false as a boolean (quoted, or
    007-like text beyond int64, they stay text): a template's `if .Get "open"` is false for
    open=false, and `eq (.Get 0) 5` holds for 5 (hugo 0.149.1 and 0.168.0 alike)."""
    from types import SimpleNamespace

    site = Site(tmp_path, files={
        "layouts/shortcodes/kinds.html": '{{ range .Params }}{{ printf "%T=%v;" . . }}{{ end }}',
        "layouts/shortcodes/box.html": '{{ if .Get "open" }}OPEN{{ else }}SHUT{{ end }}'
                                       '{{ if eq (.Get "cols") 2 }} TWO{{ end }}',
    }, hugo=HUGO_TOML)
    page = site.root / "content/de/p.md"
    html = site.converter.convert(SimpleNamespace(
        body='{{< kinds 5 "5" false 2.50 007 99999999999999999999 True `7` >}}\n\n'
             '{{< box open=false cols=2 >}}\n\n{{< box open="false" >}}\n',
        body_line=5, path=page, rel="p.md", lang="de"))
    site.converter.finish()
    assert ("int=5;string=5;bool=false;float64=2.5;int=7;string=99999999999999999999;"
            "string=True;string=7;") in html
    assert "SHUT TWO" in html and "OPEN" in html


def test_now_is_the_manuals_date_and_a_page_knows_its_sections(tmp_path, monkeypatch):
    """`now.Year` (a copyright line) and `now.Format` print the manual's date, as `now`
    already did; .Page.Parent, .CurrentSection and .FirstSection are the pages Hugo gives
    (a section's current section is itself, a top-level page's first section the home)."""
    from .conftest import write_site

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    shortcode = ("[{{ now.Year }}|{{ now.Format \"2006-01\" }}|{{ .Page.Parent.Title }}|"
                 "{{ .Page.CurrentSection.Title }}|{{ .Page.FirstSection.Title }}]")
    root = write_site(tmp_path, {
        "layouts/shortcodes/where.html": shortcode,
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/docs/_index.md": "---\ntitle: Docs\n---\n{{< where >}}\n",
        "content/de/docs/sub/_index.md": "---\ntitle: Sub\n---\n",
        "content/de/docs/sub/p.md": "---\ntitle: P\n---\n{{< where >}}\n",
        "content/de/top.md": "---\ntitle: Top\n---\n{{< where >}}\n",
    })
    html = rendered_pages(root)
    assert "[2026|2026-01|Sub|Sub|Docs]" in html["docs/sub/p.md"]
    assert "[2026|2026-01|Start|Docs|Docs]" in html["docs/_index.md"]
    assert "[2026|2026-01|Start|Start|Start]" in html["top.md"]


@pytest.mark.parametrize("text, titled", [
    ("the lord of the rings", "The Lord of the Rings"),
    ("what is it for", "What Is It For"),  # the last word, small or not
    ("x-ray and gamma-ray", "X-Ray and Gamma-Ray"),
    ("on/off switch", "On/Off Switch"),
    ("this and/or that", "This and/or That"),
    ("**bold** text", "**Bold** Text"),
    ("(in) the box", "(In) the Box"),
    ("jack-in-the-box", "Jack-in-the-Box"),
    ("HTML and CSS", "HTML and CSS"),
    ("  pad  ", "  Pad  "),
    ("a tale of two cities: the sequel", "A Tale of Two Cities: The Sequel"),
    ("how to: install", "How To: Install"),
    ("self-hosted vs cloud", "Self-Hosted vs Cloud"),
    ("as good as it gets", "As Good as It Gets"),
])
def test_title_of_several_words_is_hugos_ap_style(tmp_path, text, titled):
    """Hugo's `title` with its default titleCaseStyle (AP), as 0.149.1 and 0.168.0 print
    it; before, a title of several words was not run and its shortcode printed nothing."""
    from types import SimpleNamespace

    site = Site(tmp_path, files={"layouts/shortcodes/t.html": "[{{ title (.Get 0) }}]"}, hugo=HUGO_TOML)
    html = site.converter.convert(SimpleNamespace(
        body=f'{{{{< t "{text}" >}}}}\n', body_line=5, path=site.root / "content/de/p.md",
        rel="p.md", lang="de"))
    assert f"[{titled}]" in html.replace("&#34;", '"')


def test_a_parameter_the_call_lacks_is_nil(tmp_path):
    """Hugo's .Get of a parameter the call does not give is nil, not empty text: `eq (.Get 0)
    ""` is false, printf shows <nil>, default and with still take it as empty."""
    from types import SimpleNamespace

    site = Site(tmp_path, files={
        "layouts/shortcodes/p.html": '[{{ eq (.Get 0) "" }}|{{ printf "%v" (.Get "x") }}|'
                                     '{{ .Get 0 | default "d" }}|{{ with .Get 0 }}y{{ else }}n{{ end }}]',
    }, hugo=HUGO_TOML)
    html = site.converter.convert(SimpleNamespace(
        body='{{< p >}}\n\n{{< p "" >}}\n', body_line=5, path=site.root / "content/de/p.md",
        rel="p.md", lang="de"))
    assert "[false|&lt;nil&gt;|d|n]" in html and "[true|&lt;nil&gt;|d|n]" in html


CARDS = """{{ $_ := .Inner }}
<div class="cards"><ul class="card-nav">{{ range $i, $t := .Scratch.Get "cards" }}<li>{{ .name }}</li>{{ end }}</ul>
{{ range $i, $t := .Scratch.Get "cards" }}<div class="card-panel" {{ if ne $i 0 }}hidden{{ end }}>{{ .content }}</div>{{ end }}
</div>"""
CARD = """{{- .Parent.Scratch.Add "cards" (slice (dict "name" (.Get "name") "content" .Inner)) -}}
<i>{{ .Parent.Get "title" }}/{{ .Parent.Name }}</i>"""


def render_page(site: Site, body: str) -> str:
    from types import SimpleNamespace

    html = site.converter.convert(SimpleNamespace(
        body=body, body_line=5, path=site.root / "content/de/p.md", rel="p.md", lang="de"))
    site.converter.finish()
    return html


def test_a_sites_own_parts_hand_themselves_to_their_container_and_every_panel_prints(tmp_path):
    """A part reads its container through .Parent (.Parent.Get, .Parent.Scratch.Add), as
    Hugo runs it: the container prints what its parts left in its .Scratch.  A panel the
    web hides until it is clicked (the hidden attribute) prints too."""
    site = Site(tmp_path, files={"layouts/shortcodes/cards.html": CARDS,
                                 "layouts/shortcodes/card.html": CARD}, hugo=HUGO_TOML)
    html = render_page(site, '{{< cards title="T1" >}}\n{{< card name="One" >}}first{{< /card >}}\n'
                             '{{< card name="Two" >}}second{{< /card >}}\n{{< /cards >}}\n')
    assert "<li>One</li><li>Two</li>" in html
    assert '<div class="card-panel" >first</div><div class="card-panel" >second</div>' in html
    assert not [f for f in site.findings if f.code == "unknown-shortcode"]


def test_a_sites_own_tabs_that_hand_themselves_over_print_as_manualgens_tabs(tmp_path):
    """The same templates named tabs and tab: the web shows one panel at a time and names
    them on buttons, which on paper would part each panel from its name; manualgen's own
    tabs print each panel under its tab's name, as they do for a theme's tabs."""
    site = Site(tmp_path, files={"layouts/shortcodes/tabs.html": CARDS.replace("cards", "tabs"),
                                 "layouts/shortcodes/tab.html": CARD.replace("cards", "tabs")},
                hugo=HUGO_TOML)
    html = render_page(site, '{{< tabs title="T1" >}}\n{{< tab name="One" >}}first{{< /tab >}}\n'
                             '{{< tab name="Two" >}}second{{< /tab >}}\n{{< /tabs >}}\n')
    assert '<p class="tab-title">One</p>' in html and '<p class="tab-title">Two</p>' in html
    assert html.index("One") < html.index("first") < html.index("Two") < html.index("second")


@pytest.mark.parametrize("source, message", [
    ('{{ sort (slice 3 1) | delimit "," }}', "unable to cast [1 3] of type []interface {} to string"),
    ('{{ isset (slice "a") "name" }}', "isset unable to use key of type string as index"),
])
def test_calls_hugos_build_stops_at_stop_the_template(source, message):
    """A pipeline that hands delimit its list as the separator, isset of a name in a slice:
    Hugo 0.149.1 and 0.168.0 stop the build there, and so does the template here (before,
    it printed something the web site never shows)."""
    from manualgen.go_template import TemplateFailed

    with pytest.raises(TemplateFailed) as failed:
        run(source)
    assert message in str(failed.value)


def test_a_sections_pages_are_reordered_as_hugo_reorders_them(tmp_path, monkeypatch):
    """ByWeight, ByTitle (the language's collation), ByLinkTitle, ByDate (oldest first,
    undated first), Reverse, `sort .Pages "Title" "desc"`, `where` by a page's field and
    the site's RegularPages and Sections: the orders hugo 0.149.1 and
    0.168.0 print for these five pages; such a shortcode (a list of a section's pages) was
    not run."""
    from .conftest import write_site

    lists = {"w": ".Page.Pages.ByWeight", "t": ".Page.Pages.ByTitle", "l": ".Page.Pages.ByLinkTitle",
             "d": ".Page.Pages.ByDate", "r": ".Page.Pages.ByTitle.Reverse",
             "s": 'sort .Page.Pages "Title" "desc"',
             "x": 'where .Site.RegularPages "Section" "docs"',
             "y": 'where .Page.Pages "Weight" ">" 1', "z": ".Site.Sections",
             "v": 'sort .Page.Pages "Weight" "desc"'}
    body = "\n\n".join("{{< " + name + " >}}" for name in lists)
    files = {f"layouts/shortcodes/{name}.html": f"{name}:{{{{ range {source} }}}}[{{{{ .Title }}}}]{{{{ end }}}}"
             for name, source in lists.items()}
    files.update({
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/docs/_index.md": "---\ntitle: Docs\n---\n" + body + "\n",
        "content/de/docs/a.md": "---\ntitle: Zeta\nweight: 1\ndate: 2020-01-01\n---\nx\n",
        "content/de/docs/b.md": "---\ntitle: alpha\nweight: 2\ndate: 2022-01-01\n---\nx\n",
        "content/de/docs/c.md": "---\ntitle: Émile\ndate: 2021-01-01\n---\nx\n",
        "content/de/docs/d.md": "---\ntitle: beta\nlinkTitle: Aardvark\nweight: 2\n---\nx\n",
        "content/de/docs/e.md": "---\ntitle: Beta\nweight: 2\ndate: 2019-05-05\n---\nx\n",
    })
    root = write_site(tmp_path, files)
    html = rendered_pages(root)["docs/_index.md"]
    assert "w:[Zeta][alpha][Beta][beta][Émile]" in html
    assert "t:[alpha][beta][Beta][Émile][Zeta]" in html
    assert "l:[beta][alpha][Beta][Émile][Zeta]" in html
    assert "d:[beta][Beta][Zeta][Émile][alpha]" in html
    assert "r:[Zeta][Émile][Beta][beta][alpha]" in html
    assert "s:[Zeta][Émile][Beta][beta][alpha]" in html
    assert "x:[Zeta][alpha][Beta][beta][Émile]" in html  # the whole site's, then filtered
    assert "y:[alpha][Beta][beta]" in html and "z:[Docs]" in html
    assert "v:[alpha][Beta][beta][Zeta][Émile]" in html  # pages alike keep their order


def test_a_named_call_lacking_a_name_gives_empty_text(tmp_path):
    """Hugo gives nil only for a call without parameters, or for a name asked of positional
    ones; a name a named call lacks is empty text ("untitled", `int` 0), as in 0.149.1 and
    0.168.0."""
    site = Site(tmp_path, files={
        "layouts/shortcodes/p.html": '[{{ if eq (.Get "title") "" }}untitled{{ end }}|'
                                     '{{ printf "%v|%T" (.Get "x") (.Get "x") }}|{{ .Get "x" | int }}]'},
                hugo=HUGO_TOML)
    assert "[untitled||string|0]" in render_page(site, "{{< p y=1 >}}\n")


def test_a_hidden_element_that_holds_no_content_stays_hidden(tmp_path):
    """A lightbox's second picture, a tooltip, a "Copied!" message: hidden on the web until a
    click, so not printed (only a hidden panel holding the page's content is)."""
    site = Site(tmp_path, files={
        "layouts/shortcodes/tip.html": '<span class="tooltip" hidden>{{ .Get "tip" }}</span>{{ .Inner }}'
                                       '<span class="copied" hidden>{{ .Get "msg" | default "Copied!" }}</span>'},
                hugo=HUGO_TOML)
    html = render_page(site, '{{< tip tip="Tooltip words" >}}Hover me{{< /tip >}}\n')
    assert html.count(" hidden>") == 2 and "Hover me" in html


def test_pages_are_equal_to_themselves_and_a_pages_store_is_shared(tmp_path):
    """A page found in a list is the shortcode's own page (eq, in, complement, uniq), and
    .Page.Store goes on from one call to the next (a figure counter), as in Hugo."""
    from .conftest import write_site

    root = write_site(tmp_path, {
        "layouts/shortcodes/others.html": "{{ range complement (slice .Page) .Page.CurrentSection.RegularPages }}"
                                          "[{{ .Title }}]{{ end }}|{{ len (uniq (append .Page.Pages .Page.Pages)) }}",
        "layouts/shortcodes/fig.html": '{{ .Page.Store.Add "n" 1 }}Figure {{ .Page.Store.Get "n" }}.',
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/de/docs/a.md": "---\ntitle: A\n---\n{{< others >}}\n\n{{< fig >}}\n\n{{< fig >}}\n",
        "content/de/docs/b.md": "---\ntitle: B\n---\nx\n",
    })
    html = rendered_pages(root)["docs/a.md"]
    assert "[B]|0" in html
    assert "Figure 1." in html and "Figure 2." in html


def test_build_list_leaves_pages_out_of_the_lists_as_hugo_does(tmp_path):
    """``build.list``, as hugo 0.149.1 and 0.168.0 read it: false or "never" leave a page
    out of every list, "local" out of the site's lists only, and any other value ("false"
    in quotes, "Local") lists it everywhere.  The site's lists kept a page whose list is
    false; a section's lists left out the one whose list is the text "false"."""
    from .conftest import write_site

    def listed(title: str, weight: int, value: str) -> str:
        return f"---\ntitle: {title}\nweight: {weight}\nbuild:\n  list: {value}\n---\nx\n"

    root = write_site(tmp_path, {
        "layouts/shortcodes/all.html": "{{ range .Site.RegularPages }}[{{ .Title }}]{{ end }} /"
                                       " {{ range .Page.Pages }}<{{ .Title }}>{{ end }}",
        "content/de/_index.md": "---\ntitle: Start\n---\n",
        "content/de/docs/_index.md": "---\ntitle: Docs\n---\n{{< all >}}\n",
        "content/de/docs/a.md": listed("A", 1, "always"),
        "content/de/docs/b.md": listed("B", 2, "false"),
        "content/de/docs/c.md": listed("C", 3, "Local"),
        "content/de/docs/d.md": listed("D", 4, '"false"'),
        "content/de/docs/e.md": listed("E", 5, "local"),
        "content/de/docs/f.md": listed("F", 6, "never"),
    })
    html = rendered_pages(root)["docs/_index.md"]
    assert "[A][C][D] / &lt;A>&lt;C>&lt;D>&lt;E>" in html, html  # as hugo prints it
