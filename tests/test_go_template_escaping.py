"""A site's own simple shortcode template (go_template.py) escapes what it prints by its place
in the HTML, as Hugo's html/template does; strings in actions may hold "}}"; a field of the
value ``with`` tested fails as in Hugo.  The expected texts are what hugo 0.149.1 wrote for
the same templates and calls."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.go_template import Call, NotSimple, TemplateFailed, compile_template, run_template

from .conftest import check_findings, page, write_site


def run(source: str, *positional, inner: str = "", **named) -> str:
    def get(key):
        return positional[key] if isinstance(key, int) and key < len(positional) else named.get(key, "")

    return run_template(compile_template(source), Call(get=get, inner=inner, markdownify=str))


def test_values_in_attributes_are_escaped_as_hugo_escapes_them():
    template = ('<a title="{{ .Get "t" }}">T</a>|<a href="{{ .Get "u" }}">U</a>|'
                '<img src="{{ .Get "u" }}">|<a href="/x?q={{ .Get "t" }}">Q</a>|'
                '<div title="{{ .Inner }}">I</div>|<div data-x="{{ .Get "t" }}">D</div>|'
                '<a href="{{ .Inner }}">IU</a>|<a href="x/{{ .Get "u" }}">RU</a>')
    assert run(template, t="a b\"c<d>&e'f+g", u="javascript:alert(1)", inner='<b>in</b> "q"') == (
        '<a title="a b&#34;c&lt;d&gt;&amp;e&#39;f&#43;g">T</a>|<a href="#ZgotmplZ">U</a>|'
        '<img src="#ZgotmplZ">|<a href="/x?q=a%20b%22c%3cd%3e%26e%27f%2bg">Q</a>|'
        '<div title="in &#34;q&#34;">I</div>|<div data-x="a b&#34;c&lt;d&gt;&amp;e&#39;f&#43;g">D</div>|'
        '<a href="%3cb%3ein%3c/b%3e%20%22q%22">IU</a>|<a href="x/javascript:alert%281%29">RU</a>')


@pytest.mark.parametrize("address, printed, after_text", [
    ("https://ex.org/a b?q=é&r=<1>", "https://ex.org/a%20b?q=%c3%a9&amp;r=%3c1%3e",
     "x/https://ex.org/a%20b?q=%c3%a9&amp;r=%3c1%3e"),
    ("mailto:a@b.c", "mailto:a@b.c", "x/mailto:a@b.c"),
    ("HTTPS://ex.org/%zz x", "HTTPS://ex.org/%25zz%20x", "x/HTTPS://ex.org/%25zz%20x"),
    ("data:image/png;base64,AAA", "#ZgotmplZ", "x/data:image/png;base64,AAA"),
    ("tel:123", "#ZgotmplZ", "x/tel:123"),
    ("/rel/path#frag", "/rel/path#frag", "x//rel/path#frag"),
    (" javascript:x", "#ZgotmplZ", "x/%20javascript:x"),
])
def test_addresses_are_filtered_and_normalized_as_hugo_does(address, printed, after_text):
    assert run('<a href="{{ .Get "u" }}">U</a>|<a href="x/{{ .Get "u" }}">RU</a>', u=address) == \
        f'<a href="{printed}">U</a>|<a href="{after_text}">RU</a>'


def test_html_in_an_attribute_loses_its_tags_and_keeps_its_entities():
    template = ('<div title="{{ .Inner }}">I</div>|<a href="{{ .Inner }}">IU</a>|'
                '{{ .Get "t" | safeHTML }}|<p title="{{ .Get "t" | safeHTML }}">')
    assert run(template, t="<i>x</i> &amp; y", inner='a &amp; b < c &copy; "q"') == (
        '<div title="a &amp; b &lt; c &copy; &#34;q&#34;">I</div>|'
        '<a href="a%20&amp;amp;%20b%20%3c%20c%20&amp;copy;%20%22q%22">IU</a>|'
        '<i>x</i> &amp; y|<p title="x &amp; y">')


def test_attributes_written_by_a_branch_join_as_in_hugo():
    template = ('<img src="{{ .Get "src" }}" {{ with .Get "width" }}width="{{ . }}"{{ end }}>|'
                '<input {{ if .Get "d" }}disabled{{ end }}>|'
                '<p class="x {{ with .Get "c" }}c-{{ . }}{{ end }}">|'
                '<a href="{{ .Get "src" }}{{ with .Get "a" }}#{{ . }}{{ end }}">')
    assert run(template, src="a b.png", width="30", d="1", c="r&d", a="x y") == (
        '<img src="a%20b.png" width="30">|<input disabled>|<p class="x c-r&amp;d">|'
        '<a href="a%20b.png#x%20y">')
    assert run(template, src="a.png") == '<img src="a.png" >|<input >|<p class="x ">|<a href="a.png">'


def test_html_comments_of_the_template_are_left_out():
    assert run('a|<!-- {{ .Get "t" }} -->|<textarea>x</textarea>b', t="x") == \
        "a||<textarea>x</textarea>b"


@pytest.mark.parametrize("source, named", [
    ('<script>var x = {{ .Get "t" }};</script>', "an action inside <script>"),
    ('<style>p { color: {{ .Get "t" }} }</style>', "an action inside <style>"),
    ('<a onclick="{{ .Get "t" }}">', "an action in an event attribute (on…)"),
    ('<p style="background: url({{ .Get "t" }})">', "an action in a style attribute"),
    ('<div onclick={{ .Get "t" }}>', "an action in an unquoted attribute value"),
    ('<title>{{ .Get "t" }}</title>', "an action inside <title>"),
    ('<img srcset="{{ .Get 0 }}">', "an action in a srcset attribute"),
    ('{{ if .Get 0 }}<a href="{{ else }}<b title="{{ end }}x">',
     "an if or with whose branches end in different places of the HTML"),
])
def test_values_in_places_hugo_escapes_otherwise_are_not_run(source, named):
    with pytest.raises(NotSimple) as caught:
        compile_template(source)
    assert str(caught.value) == named


@pytest.mark.parametrize(("value", "printed"), [
    # Hugo 0.149.1's output for <div {{ .Get 0 }}>x</div>
    ("hidden", "<div hidden>x</div>"), ("Bold", "<div bold>x</div>"),
    ("Data-X", "<div ZgotmplZ>x</div>"), ("onclick", "<div ZgotmplZ>x</div>"),
    ("A B", "<div ZgotmplZ>x</div>"), ("href", "<div ZgotmplZ>x</div>"), ("", "<div ZgotmplZ>x</div>"),
])
def test_a_value_among_a_tags_attributes_is_one_plain_attribute_name(value, printed):
    assert run('<div {{ .Get 0 }}>x</div>', value) == printed


def test_safe_html_attr_prints_attributes_as_written():
    assert run('<div{{ .Get 0 | safeHTMLAttr }}>y</div>', ' class="a" id="b"') == \
        '<div class="a" id="b">y</div>'


def test_an_address_whose_part_depends_on_a_branch():
    # the with's branch may end the path: a value after it has no known escaping (Go refuses it)
    assert run('<a href="{{ .Get 0 }}{{ with .Get 1 }}#{{ . }}{{ end }}">', "a", "b") == '<a href="a#b">'
    with pytest.raises(NotSimple, match="may end its path"):
        compile_template('<a href="{{ .Get 0 }}{{ with .Get 1 }}#{{ . }}{{ end }}{{ .Get 2 }}">')


def test_strings_in_actions_may_hold_closing_braces():
    assert run('[{{ "a}}b" }}][{{ `c}}d` }}][{{ "e\\"}}f" }}]') == "[a}}b][c}}d][e&#34;}}f]"
    assert run('{{ "x := y" }}|{{/* a }} b */}}|{{ `multi\nline` }}') == "x := y||multi\nline"
    with pytest.raises(NotSimple, match="not closed"):
        compile_template('{{ "a}} b')
    with pytest.raises(NotSimple, match="not closed"):
        compile_template("{{ /* " * 20000)  # not searched again from each "{{"
    with pytest.raises(NotSimple, match="comment that is not closed"):
        compile_template("{{/* " * 20000)


def test_a_field_of_the_value_with_tested_fails_as_in_hugo():
    with pytest.raises(TemplateFailed) as caught:
        run('{{ with .Get "x" }}[{{ .Inner }}]{{ end }}', x="1")
    assert (str(caught.value), caught.value.line, caught.value.column) == (
        "can't evaluate field Inner in type string", 1, 24)
    with pytest.raises(TemplateFailed, match="field Get in type template.HTML") as caught:
        run('a\n{{ with .Inner }}\n{{ $.Inner }} {{ .Get "y" }}{{ end }}', inner="x")
    assert (caught.value.line, caught.value.column) == (3, 18)
    # $. still reaches the shortcode, and an empty with runs nothing
    assert run('{{ with .Get "x" }}[{{ $.Inner }}|{{ . }}]{{ end }}{{ with .Get "n" }}{{ .Inner }}{{ end }}',
               x="1", inner="in") == "[in|1]"


def test_the_failure_stops_the_build_at_the_shortcode_naming_the_templates_line(tmp_path):
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, "Text\n\n{{< winner x=\"1\" >}}in{{< /winner >}}\n"),
        "layouts/shortcodes/winner.html": '{{ with .Get "x" }}[{{ .Inner }}]{{ end }}',
    })
    findings = [f for f in check_findings(site) if f["severity"] == "error"]
    assert [(f["code"], f["file"], f["line"]) for f in findings] == [
        ("shortcode-template", "content/de/a.md", 7)]
    assert ("shortcode \"winner\" failed in its template layouts/shortcodes/winner.html:1:24: "
            "can't evaluate field Inner in type string") in findings[0]["message"]


def test_blocks_nested_deeper_than_a_hundred_are_not_run():
    # each level is run by a call of its own: 1,000 levels raised RecursionError
    with pytest.raises(NotSimple, match="nested more than 100 deep"):
        compile_template("{{ if 1 }}" * 1000 + "x" + "{{ end }}" * 1000)
    assert run("{{ if 1 }}" * 100 + "x" + "{{ end }}" * 100) == "x"


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_characters="\r"), max_size=40))
def test_a_value_never_leaves_its_place(value):
    """Whatever a shortcode is given, its text and title stay text and its address cannot
    run script: parsed back, the link holds the value as written."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.tags, self.text = [], ""

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

        def handle_data(self, data):
            self.text += data

    printed = run('<a href="{{ .Get 0 }}" title="{{ .Get 0 }}">{{ .Get 0 }}</a>', value)
    reader = Reader()
    reader.feed(printed)
    reader.close()
    value = value.replace("\0", "\ufffd")  # as Go writes a NUL
    assert [tag for tag, _ in reader.tags] == ["a"]
    attrs = reader.tags[0][1]
    assert attrs["title"] == value and reader.text == value
    assert not re.match(r"\s*(javascript|data|vbscript):", attrs["href"], re.IGNORECASE)


_PIECES = ["{{", "}}", "{{- ", " -}}", '"', "`", "'", "/*", "*/", "<", ">", "=", ' href="', " title='",
           ".Inner", ".Get 0", '.Get "x"', "with", "if", "end", "else", "$x :=", "$x", "|",
           "markdownify", "safeHTML", "\n", "<!--", "-->", "<script>", "</script>", "<a", " ", ".",
           "$.Inner", "default", ".Site.Params.p", ".Param", "(", "?", "#", "-3", "\\", "\0", "<title>"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_any_template_is_run_or_refused_never_a_crash(source):
    try:
        nodes = compile_template(source)
    except NotSimple:
        return
    call = Call(get=lambda key: {0: "v", "x": "x<y"}.get(key, ""), inner="<b>in</b>",
                markdownify=str, param=lambda name: {"p": {"a": 1}}.get(name),
                page_param=lambda name: [1, 2], show=str)
    try:
        run_template(nodes, call)
    except (TemplateFailed, NotSimple):  # NotSimple: what it reached when run ({{ . }}: the shortcode)
        pass


def test_whether_a_template_takes_content_is_read_from_its_actions_in_one_pass():
    import time

    from manualgen.shortcodes import reads_inner

    assert reads_inner('{{ "}}" }} {{ .Inner }}') and reads_inner("{{ `a}}` }}{{- .InnerDeindent -}}")
    assert not reads_inner('{{ "}} .Inner {{" }}') and not reads_inner("{{/* .Inner */}}")
    assert not reads_inner("{{/* note */ .Inner }}")  # a comment Go refuses: not read on
    started = time.process_time()
    assert not reads_inner("{{" * 50_000)  # each "{{" was searched to the end: 58 s
    assert time.process_time() - started < 0.5


def test_an_attributes_kind_is_read_from_its_name_as_go_reads_it():
    from manualgen.go_escape import attr_kind

    kinds = {"href": "url", "data-src": "url", "xlink:href": "url", "xmlns:x": "url",
             "imageurl": "url", "data": "url", "onsrc": "js", "data-onclick": "js", "ONCLICK": "js",
             "style": "css", "srcset": "srcset", "title": "plain", "class": "plain"}
    assert {name: attr_kind(name) for name in kinds} == kinds


def test_an_address_hugo_refuses_prints_the_links_words_with_a_warning(tmp_path):
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, 'Ruf {{< link href="tel:123" >}}die Hotline{{< /link >}} an.\n'),
        "layouts/shortcodes/link.html": '<a href="{{ .Get "href" }}">{{ .Inner }}</a>',
    })
    warnings = [f for f in check_findings(site) if f["code"] == "broken-link"]
    assert [(f["file"], f["line"], f["column"]) for f in warnings] == [("content/de/a.md", 5, 5)]
    assert '"#ZgotmplZ", nowhere' in warnings[0]["message"]
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    html = result.results[0].html.read_text(encoding="utf-8")
    assert "Ruf <a>die Hotline</a> an." in html and "ZgotmplZ" not in html


def test_a_field_of_a_table_with_tested_prints_nothing():
    call = Call(get=lambda key: "", inner="INNER", markdownify=str,
                param=lambda name: {"social": {"a": 1}}.get(name))
    printed = run_template(compile_template(
        "{{ with .Site.Params.social }}[{{ .Inner }}]{{ end }}"), call)
    assert printed == "[]"  # a key the table lacks, not the shortcode's content


@pytest.mark.parametrize("source", ['<span title="{{ .Get 0 }}', "<a href='{{ .Get 0 }}>x</a>",
                                    '{{ .Get 0 }}<b class="x"'])
def test_a_template_that_ends_inside_a_tag_fails_as_hugos(source):
    """The page's text after the shortcode would land in the open attribute (the PDF lost
    it without a word); Hugo refuses such a template: "ends in a non-text context"."""
    with pytest.raises(TemplateFailed, match="non-text context"):
        run(source, "hint")
    assert run('<span title="{{ .Get 0 }}">y</span>', "hint") == '<span title="hint">y</span>'
