"""A site's own Go template given hostile input: what a fuzzer found (round six) and what
hugo 0.149.1 prints for the same template (checked side by side with the binary).  Each
run ends fast with Hugo's output, Hugo's failure at the template's line, or a fallback
(NotSimple) saying why; never a Python exception and never a hang."""

from __future__ import annotations

import time

import pytest

from manualgen.go_template import NotSimple, TemplateFailed

from .conftest import HUGO_TOML, page, write_site
from .test_go_template_constructs import run


@pytest.mark.parametrize("source", [
    '{{ time.Format "2006" .Scratch }}',
    "{{ markdownify site }}",
    '{{ T .Page }}',
    '{{ relURL .Site.Data }}',
    '{{ .Page | .RenderString "*x*" }}',
    "{{ .Get .Page }}",
    "{{ .Scratch.Set .Site 1 }}",
])
def test_hugos_objects_given_to_a_function_as_text_fall_back(source):
    with pytest.raises(NotSimple):
        run(source)


@pytest.mark.parametrize("source, message", [
    ("{{ range slice }}{{ else }}{{ break }}{{ end }}", "{{break}} outside {{range}}"),
    ("{{ range slice 1 }}{{ else }}{{ continue }}{{ end }}", "{{continue}} outside {{range}}"),
    (r"{{ print '\x' }}", "invalid syntax"),
    (r'{{ print "\q" }}', "invalid syntax"),
    (r'{{ print "\UFFFFFFFF" }}', "invalid syntax"),
    (r'{{ print "\uD800" }}', "invalid syntax"),
    (r'{{ print "\400" }}', "invalid syntax"),
    (r"""{{ print "\'" }}""", "invalid syntax"),
    (r"""{{ print '\"' }}""", "invalid syntax"),
    ("{{ 99999999999999999999 }}", 'integer overflow: "99999999999999999999"'),
    ("{{ 0xffffffffffffffffff }}", 'illegal number syntax: "0xffffffffffffffffff"'),
    ("{{ 1" + "0" * 5000 + " }}", "integer overflow"),
    ('{{ int "0xffffffffffffffffff" }}', "value out of range"),
    ('{{ delimit 5 "," }}', "error calling delimit: can't iterate over int"),
    ('{{ delimit nil "," }}', "error calling delimit: can't iterate over <nil>"),
    ("{{ jsonify (add 1e308 1e308) }}", "unsupported value: +Inf"),
])
def test_what_hugo_refuses_fails_at_the_template(source, message):
    with pytest.raises(TemplateFailed, match=None) as failed:
        run(source)
    assert message in str(failed.value)


@pytest.mark.parametrize("source, printed", [
    (r'{{ print "\101|\x41|\u00e9|\"" }}', 'A|A|é|&#34;'),
    ("{{ print '\\'' '\"' }}", "39 34"),
    ('{{ delimit "abc" "," }}', "97,98,99"),
    ("{{ mul 9223372036854775807 2 }}", "-2"),
    ("{{ add 9223372036854775807 1 }}", "-9223372036854775808"),
    ("{{ sub -9223372036854775808 1 }}", "9223372036854775807"),
    ("{{ $x := 2 }}{{ range 7 }}{{ $x = mul $x $x }}{{ end }}{{ $x }}", "0"),
    ("{{ int 1e308 }}", "-9223372036854775808"),
    ("{{ sub 1.5 0 }}|{{ add 0.5 0 }}|{{ div 3.0 2 }}", "1.5|0.5|1.5"),
    ("{{ div 9223372036854775807 1 }}|{{ div -7 2 }}|{{ mod -7 2 }}", "9223372036854775807|-3|-1"),
    ('{{ printf "%[3]d %d %[1]s %[5]d" "a" 2 3 }}', "3 %!d(MISSING) a %!d(BADINDEX)"),
    ('{{ printf "%[2]d %[1]d" 1 2 }}|{{ printf "%d %[1]d" 1 2 }}', "2 1|1 1"),
    ('{{ printf "%[0]d|%[x]d|%[2]d" 1 }}', "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)"),
    ('{{ printf "%#v|%#v|%#v|%#v|%#v" "a" 1 1.0 true nil }}', "&#34;a&#34;|1|1|true|&lt;nil&gt;"),
    ('{{ printf "%#v" (dict "b" 1 "a" (slice "x" 2.5)) }}',
     "map[string]interface {}{&#34;a&#34;:[]interface {}{&#34;x&#34;, 2.5}, &#34;b&#34;:1}"),
    ('{{ printf "%#U|%U|%U" 0x1F600 65 -1 }}', "U&#43;1F600 &#39;😀&#39;|U&#43;0041|U&#43;FFFFFFFFFFFFFFFF"),
    ('{{ printf "% x|% X|% f|% e|% s|% v|%+ d" "hi" "hi" 1.5 1.5 "s" 3 4 }}',
     "68 69|68 69| 1.500000| 1.500000e&#43;00|s| 3|&#43;4"),
    ('{{ printf "% d|% d" 5 -5 }}', " 5|-5"),
    ('{{ printf "%x|%x|%X|%x" 1.5 0.0 -2.75 1e300 }}',
     "0x1.8p&#43;00|0x0p&#43;00|-0X1.6P&#43;01|0x1.7e43c8800759cp&#43;996"),
    (('{{ printf "%d|%s|%x|%q|%5d|%t" (slice 1 nil "a") (slice "a" 2) (slice 10 "hi") (slice "a" 1) '
     '(slice 1 2) (slice true 1) }}|{{ printf "%d|%d" nil (dict "b" 2 "a" "x") }}'),
     ("[1 &lt;nil&gt; %!d(string=a)]|[a %!s(int=2)]|[a 6869]|[&#34;a&#34; &#39;\\x01&#39;]|[    1     2]|"
     "[true %!t(int=1)]|%!d(&lt;nil&gt;)|map[%!d(string=a):%!d(string=x) %!d(string=b):2]")),
    ('{{ printf "%q|%q|%q|%q|%q" 97 39 34 0x1F600 -1 }}',
     "&#39;a&#39;|&#39;\\&#39;&#39;|&#39;&#34;&#39;|&#39;😀&#39;|&#39;�&#39;"),
    ("{{ jsonify 1.0 }}", "1"),
    ("{{ jsonify (slice 1.0 2.5 1e21 1e-7 0.000001 100000000000000000000.0 -0.0) }}",
     "[1,2.5,1e+21,1e-7,0.000001,100000000000000000000,-0]"),
    ('{{ jsonify (dict "a" "<&>" "b" nil) }}', '{"a":"\\u003c\\u0026\\u003e","b":null}'),
])
def test_values_print_as_hugo_prints_them(source, printed):
    assert run(source) == printed


@pytest.mark.parametrize("source", [
    '{{ $d := dict }}{{ range 100 }}{{ $d = dict "a" $d "b" $d }}{{ end }}{{ jsonify $d }}',
    '{{ $d := dict }}{{ range 100 }}{{ $d = dict "a" $d "b" $d }}{{ end }}{{ $d }}',
    "{{ $d := slice }}{{ range 3000 }}{{ $d = slice $d }}{{ end }}{{ $d }}",
    "{{ $d := slice }}{{ range 3000 }}{{ $d = slice $d }}{{ end }}{{ printf \"%#v\" $d }}",
    ("{{ $a := slice }}{{ $b := slice }}{{ range 100 }}{{ $a = slice $a $a }}{{ $b = slice $b $b }}"
     "{{ end }}{{ eq $a $b }}"),
    '{{ $s := "ab" }}{{ range 60 }}{{ $s = add $s $s }}{{ end }}{{ len $s }}',
    '{{ $s := "ab" }}{{ range 60 }}{{ $s = replace $s "a" "aa" }}{{ end }}{{ len $s }}',
    ('{{ $s := "" }}{{ range 100000 }}{{ $s = printf "%s%s" $s "abcdefghijklmnopqrstuvwxyz" }}'
     "{{ end }}{{ len $s }}"),
    "{{ range 99999 }}{{ $.Scratch.Add \"k\" (slice 1) }}{{ end }}{{ len ($.Scratch.Get \"k\") }}",
])
def test_values_grown_past_reason_stop_in_seconds(source):
    started = time.process_time()
    try:
        run(source)
    except NotSimple:
        pass
    assert time.process_time() - started < 5


def test_scratch_add_grows_a_slice_without_changing_what_a_variable_read():
    source = ('{{ .Scratch.Set "k" (slice 1) }}{{ $a := .Scratch.Get "k" }}{{ .Scratch.Add "k" 2 }}'
              '{{ .Scratch.Add "k" (slice 3) }}{{ $a }}{{ .Scratch.Get "k" }}')
    assert run(source) == "[1][1 2 3]"


def _built(tmp_path, files: dict, hugo: str | None = HUGO_TOML) -> tuple[int, str, str]:
    """``manualgen build`` of a one-language site: its exit status, what it printed, and
    the manual's HTML (empty when none was written)."""
    import contextlib
    import io

    from manualgen.cli import main

    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Start"), **files}, hugo)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--no-cache",
                       "-q", "--html", "--jobs", "1"])
    html = tmp_path / "out" / "test-manual-de.html"
    return status, printed.getvalue(), html.read_text(encoding="utf-8") if html.exists() else ""


def test_the_sites_data_is_read_by_its_keys_as_written(tmp_path):
    # hugo 0.149.1 printed "Ann|bob|||||" for the same files: data keys, file and folder
    # names are case-sensitive (params are not)
    status, printed, html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< team >}}\n"),
        "layouts/shortcodes/team.html": (
            '<p>{{ .Site.Data.Team.Lead }}|{{ .Site.Data.Team.lead }}|{{ .Site.Data.team.lead }}|'
            '{{ .Site.Data.Team.mixed }}|{{ .Site.Data.Sub.Info.Key }}|{{ index .Site.Data.Team "mixed" }}|'
            '{{ with .Site.Data.Team }}{{ .MIXED }}{{ end }}|{{ index (dict "a" 1) "A" }}</p>'),
        "data/Team.yaml": "Lead: Ann\nlead: bob\nMixed: 1\n",
        "data/sub/Info.toml": "Key = 'v'\n",
    })
    assert status == 0, printed
    assert "<p>Ann|bob||||||</p>" in html


def test_get_of_a_negative_place_fails_as_hugos_does_when_the_call_has_places(tmp_path):
    status, printed, _html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< last >}}\n\n{{< last a=\"1\" >}}\n\n{{< last \"x\" >}}\n"),
        "layouts/shortcodes/last.html": "<p>[{{ .Get -1 }}]</p>",
    })
    assert status == 1 and "Traceback" not in printed
    assert "content/de/a.md:9:" in printed  # the third call, which has a positional parameter
    assert "a.md:5:" not in printed and "a.md:7:" not in printed
    assert "slice index out of range" in printed and "layouts/shortcodes/last.html:1:" in printed


def test_a_page_name_several_pages_have_stops_the_sites_getpage(tmp_path):
    # hugo 0.149.1: 'error calling GetPage: page reference "leaf" is ambiguous'; a page's
    # own GetPage of the same name is nothing
    status, printed, _html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< find >}}\n"),
        "content/de/x/leaf.md": page("L1", 1), "content/de/y/leaf.md": page("L2", 2),
        "content/de/z/only.md": page("O", 3),
        "layouts/shortcodes/find.html": (
            '{{ with .Page.GetPage "leaf" }}{{ .Title }}{{ end }}{{ with .Site.GetPage "only" }}{{ .Title }}{{ end }}\n'
            '{{ with .Site.GetPage "leaf" }}{{ .Title }}{{ end }}'),
    })
    assert status == 1 and "Traceback" not in printed
    assert 'page reference "leaf" is ambiguous' in printed
    assert "content/de/a.md:5:1:" in printed and "layouts/shortcodes/find.html:2:4:" in printed


def test_a_data_file_with_a_date_python_cannot_make_prints_it_as_written(tmp_path):
    # hugo 0.149.1 printed "0000-00-00|2024-13-45"; PyYAML's date raised ValueError, a traceback
    status, printed, html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< since >}}\n"),
        "layouts/shortcodes/since.html": "<p>{{ .Site.Data.team.since }}|{{ .Site.Data.team.bad }}</p>",
        "data/team.yaml": "since: 0000-00-00\nbad: 2024-13-45\n",
    })
    assert status == 0, printed
    assert "<p>0000-00-00|2024-13-45</p>" in html


@pytest.mark.parametrize("content, shown", [
    ("since: 0000-00-00\n", "0000-00-00"),  # a date PyYAML cannot make: text, as Hugo reads it
    ('{"a": ' + "[" * 400 + "]" * 400 + "}\n", '{"a": [[[['),  # too deep to write out: as written
    ("a: [1, {2: x, b: y}]\n", "a = [1, {2 = 'x', b = 'y'}]"),  # keys of two kinds: sorted as text
])
def test_a_code_toggle_python_cannot_read_or_write_prints(tmp_path, content, shown):
    status, printed, html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< code-toggle >}}\n" + content + "{{< /code-toggle >}}\n"),
    })
    assert status == 0 and "Traceback" not in printed, printed
    assert "mg-code-toggle" in html and shown in html.replace("&#34;", '"').replace("&quot;", '"')


@pytest.mark.parametrize("template, status, said", [
    ("<p>{{ markdownify site }}</p>", 0, "it uses the function \"markdownify\" given *hugolib.siteWrapper"),
    ("{{ range slice }}{{ else }}{{ break }}{{ end }}", 1, "layouts/shortcodes/t.html:1:"),
    ('<p>{{ print "\\q" }}</p>', 1, "invalid syntax"),
    ("<p>{{ 99999999999999999999 }}</p>", 1, "integer overflow"),
    ('<p>{{ delimit 5 "," }}</p>', 1, "can't iterate over int"),
    ('{{ $d := dict }}{{ range 100 }}{{ $d = dict "a" $d "b" $d }}{{ end }}<p>{{ jsonify $d }}</p>', 0,
     "more than 200000 items"),
    ('{{ $s := "ab" }}{{ range 60 }}{{ $s = add $s $s }}{{ end }}<p>{{ len $s }}</p>', 0,
     "a text or list grown in a loop"),
])
def test_a_build_with_a_hostile_template_says_where_and_never_crashes(tmp_path, template, status, said):
    code, printed, html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "Vorher.\n\n{{< t >}}\n\nNachher.\n"),
        "layouts/shortcodes/t.html": template,
    })
    assert code == status and "Traceback" not in printed, printed
    assert "content/de/a.md:7:1:" in printed and said in printed
    if status == 0:
        assert "Nachher." in html


def test_times_of_year_zero_unnamed_zones_and_unix_seconds_print_as_hugos():
    # hugo 0.149.1: "+0500|Mon|2024|24|UTC Sat 0000 00 Jan 1|0|-62167219200" and the two below
    assert run('{{ time.Format "MST|Mon|2006|06" "2024-01-01T00:00:00+05:00" }}|'
               '{{ time.Format "MST Mon 2006 06 Jan 2" "0000-01-01" }}|{{ (time.AsTime "0000-03-01").Year }}|'
               '{{ (time.AsTime "0000-01-01").Unix }}') == "&#43;0500|Mon|2024|24|UTC Sat 0000 00 Jan 1|0|-62167219200"
    assert run('{{ time.AsTime "0000-01-01" }}') == "0000-01-01 00:00:00 &#43;0000 UTC"
    assert run("{{ time.AsTime 1700000000 }}") == "2023-11-14 22:13:20 &#43;0000 UTC"
    with pytest.raises(NotSimple):  # Hugo prints year 3170843, which Python cannot hold
        run("{{ time.AsTime 99999999999999 }}")


def test_a_data_name_too_long_for_the_system_is_nothing(tmp_path):
    # index .Site.Data of a 5,000-character name raised OSError (File name too long)
    long = "x" * 5000
    status, printed, html = _built(tmp_path, {
        "content/de/a.md": page("A", 1, "{{< d >}}\n"),
        "layouts/shortcodes/d.html": f'<p>[{{{{ index .Site.Data "{long}" }}}}][{{{{ .Site.Data.{long}.k }}}}]</p>',
        "data/team.yaml": "k: v\n",
    })
    assert status == 0 and "Traceback" not in printed, printed
    assert "<p>[][]</p>" in html


def test_a_hugo_config_with_a_date_python_cannot_make_builds(tmp_path):
    # PyYAML raised ValueError (year 0 is out of range): a traceback before any page was read
    status, printed, html = _built(tmp_path, {
        "hugo.yaml": ("title: Test manual\ndefaultContentLanguage: de\nlanguages:\n  de:\n    contentDir: content/de\n"
                      "params:\n  since: 0000-00-00\n"),
        "content/de/a.md": page("A", 1, "{{< since >}}\n"),
        "layouts/shortcodes/since.html": "<p>[{{ .Site.Params.since }}]</p>",
    }, hugo=None)
    assert status == 0 and "Traceback" not in printed, printed
    assert "<p>[0000-00-00]</p>" in html


def test_work_done_in_partials_counts_for_the_whole_run():
    grow = '{{ $s := "ab" }}{{ range 20 }}{{ $s = add $s $s }}{{ end }}{{ len $s }}'
    started = time.process_time()
    with pytest.raises(NotSimple, match="a text or list grown in a loop"):
        run('{{ range 1000 }}{{ partial "grow" . }}{{ end }}', partials={"grow": grow})
    assert time.process_time() - started < 5
