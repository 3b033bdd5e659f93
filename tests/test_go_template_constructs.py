"""A site's own shortcode template runs the Go template constructs real shortcodes use:
range (slices, maps by sorted key, numbers, else, break, continue), else if and else with,
variables set and assigned, printf, index, len, split, dict, slice, default, where, sort …,
.Site.Data and the site's own partials.  Each expected text is what hugo 0.149.1 printed for
the same template and call (checked side by side); a failure stops as Hugo's does, naming
the template's line, and a run that would not end stops with a message."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manualgen.go_template import Call, NotSimple, TemplateFailed, compile_template, run_template

from .conftest import check_findings, page, without_name_spans, write_site


def run(source: str, *positional, inner: str = "", partials: dict | None = None,
        data: dict | None = None, **named) -> str:
    def get(key):
        return positional[key] if isinstance(key, int) and key < len(positional) else named.get(key, "")

    compiled = {name: compile_template(text, partial=True) for name, text in (partials or {}).items()}

    def data_at(path):
        value = data or {}
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        return value

    call = Call(get=get, inner=inner, markdownify=str, named=bool(named),
                params=dict(named) if named else list(positional),
                partial=compiled.get, data=data_at)
    return run_template(compile_template(source), call)


@pytest.mark.parametrize("source, printed", [
    ('{{ range split (.Get 0) "," }}[{{ . }}]{{ end }}', "[a][b][][c]"),
    ('{{ range $i, $e := split (.Get 0) "," }}{{ $i }}={{ $e }};{{ end }}', "0=a;1=b;2=;3=c;"),
    ('{{ range $k, $v := dict "b" 2 "a" 1 "c" 3 }}{{ $k }}:{{ $v }} {{ end }}', "a:1 b:2 c:3 "),
    ("{{ range slice }}x{{ else }}empty{{ end }}", "empty"),
    ("{{ range 3 }}{{ . }}{{ end }}", "012"),
    (('{{ range $i, $e := slice "a" "b" "c" "d" }}{{ if eq $i 1 }}{{ continue }}{{ end }}'
     "{{ if eq $i 3 }}{{ break }}{{ end }}{{ $e }}{{ end }}"), "ac"),
    ("{{ $x := 1 }}{{ range slice 1 2 3 }}{{ $x = add $x . }}{{ end }}{{ $x }}", "7"),
    ("<ul>{{ range .Params }}<li>{{ . }}</li>{{ end }}</ul>", "<ul><li>a,b,,c</li></ul>"),
])
def test_range_walks_slices_maps_and_numbers_as_go_does(source, printed):
    assert run(source, "a,b,,c") == printed


def test_range_over_named_parameters_goes_by_sorted_key():
    assert run("{{ range $k, $v := .Params }}{{ $k }}={{ $v }};{{ end }}", z="1", a="2") == "a=2;z=1;"


def test_else_if_and_else_with_chain_under_one_end():
    chain = '{{ if eq (.Get 0) "a" }}A{{ else if eq (.Get 0) "b" }}B{{ else }}C{{ end }}'
    assert [run(chain, v) for v in "abz"] == ["A", "B", "C"]
    with_chain = '{{ with .Get "x" }}X{{ . }}{{ else with .Get "y" }}Y{{ . }}{{ else }}none{{ end }}'
    assert run(with_chain, y="2") == "Y2" and run(with_chain, x="1", y="2") == "X1"
    assert run(with_chain) == "none"


def test_a_variable_lives_in_its_block_and_assignment_reaches_the_outer_one():
    source = ('{{ $x := "a" }}{{ if true }}{{ $x := "b" }}{{ $x }}{{ end }}{{ $x }}'
              '{{ if true }}{{ $x = "c" }}{{ end }}{{ $x }}')
    assert run(source) == "bac"
    assert run('{{ with $v := .Get 0 }}{{ $v }}!{{ end }}', "hi") == "hi!"


@pytest.mark.parametrize("source, printed", [
    ('{{ printf "%s-%d-%v-%q-%05.2f-%x-%T" "a" 3 true "q" 3.14159 255 (dict) }}',
     "a-3-true-&#34;q&#34;-03.14-ff-map[string]interface {}"),
    ('{{ printf "%d %s" "str" 5 }}|{{ printf "%s" }}|{{ printf "a" 1 }}',
     "%!d(string=str) %!s(int=5)|%!s(MISSING)|a%!(EXTRA int=1)"),
    (('{{ index (slice "a" "b") 1 }}{{ index (dict "k" "v") "k" }}[{{ index (dict "k" "v") "z" }}]'
     '[{{ index (slice 1 2) 5 }}]{{ index "abc" 1 }}'), "bv[][]98"),
    ('{{ len "héllo" }} {{ len (slice 1 2) }} {{ len (dict "a" 1) }}', "6 2 1"),
    ('{{ default "d" "" }} {{ default "d" false }} {{ default "d" 0 }} {{ "" | default "p" }}', "d false d p"),
    ("{{ first 2 (slice 1 2 3) }} {{ last 2 (slice 1 2 3) }} {{ after 1 (slice 1 2 3) }}", "[1 2] [2 3] [2 3]"),
    ('{{ sort (slice "b" "a" "c") }} {{ sort (slice 3 1 2) "value" "desc" }} {{ sort (dict "x" 2 "y" 1) }}',
     "[a b c] [3 2 1] [2 1]"),
    ('{{ range where (slice (dict "n" 1) (dict "n" 2) (dict "n" 3)) "n" ">" 1 }}{{ .n }}{{ end }}', "23"),
    (('{{ if 0 }}a{{ end }}{{ if "" }}b{{ end }}{{ if slice }}c{{ end }}{{ if dict }}d{{ end }}'
     '{{ if 0.0 }}e{{ end }}{{ if "0" }}f{{ end }}{{ if false }}g{{ end }}'), "f"),
    ('{{ eq 1 1.0 }} {{ eq "1" 1 }} {{ eq (slice 1) (slice 1) }} {{ lt 1 2 }} {{ gt "b" "a" }} {{ lt "a" 1 }}',
     "false false true true true true"),
    ('{{ $d := dict "a" (dict "b" "deep") }}{{ $d.a.b }} {{ (index $d "a").b }} [{{ $d.zz }}] [{{ $d.y.z }}]',
     "deep deep [] []"),
    ('{{ slice 1 "a" true }} {{ dict "a" 1 "b" (slice 1 2) }} {{ 1.5 }} {{ 2.0 }}', "[1 a true] map[a:1 b:[1 2]] 1.5 2"),
    (('{{ replace "a.b.c" "." "-" }} {{ replaceRE "(a)(b)" "$2$1" "xaby" }} {{ hasPrefix "abc" "ab" }} '
     '{{ strings.TrimPrefix "v" "v1.2" }} {{ int "010" }} {{ int "12" }} {{ int 3.9 }} {{ add 1 2 }} '
     "{{ sub 5 2.5 }} {{ div 7 2 }} {{ mod -7 3 }} {{ mul 2 3 }}"), "a-b-c xbay true 1.2 8 12 3 3 2.5 3 -1 6"),
    (('{{ in (slice 1 2) 2 }} {{ in "abc" "b" }} {{ isset (dict "a" 1) "a" }} {{ isset (dict "a" 1) "b" }} '
     '{{ cond true "y" "n" }} {{ delimit (slice 1 2 3) ", " " and " }}'), "true true true false y 1, 2 and 3"),
    ('{{ jsonify (dict "b" "<x>" "a" 1) }} {{ htmlUnescape "&lt;b&gt;" }} {{ print "a" 1 2 "b" }}',
     '{"a":1,"b":"\\u003cx\\u003e"} &lt;b&gt; a1 2b'),
    ("{{ seq 3 }} {{ seq 2 4 }} {{ seq 1 2 7 }}", "[1 2 3] [2 3 4] [1 3 5 7]"),
    ('{{ "a" | printf "%s-%s" "b" }} {{ 3 | add 4 }} {{ slice "x" | len }}', "b-a 7 1"),
    ('{{ and 1 0 2 }} {{ or 0 "" 3 }} {{ and "a" "b" }} {{ not 0 }}', "0 3 b true"),
    ('{{ "a<b" }}<a title="{{ printf "%s" "x\\"y" }}">{{ safeHTML "<i>i</i>" }}</a>',
     'a&lt;b<a title="x&#34;y"><i>i</i></a>'),
])
def test_functions_print_what_hugo_prints(source, printed):
    assert run(source) == printed


@pytest.mark.parametrize("source, message, column", [
    # 1-based: Hugo's column (0-based) plus one, at the action or the operand Hugo names
    ('{{ errorf "bad %s" (.Get 0) }}', "bad x", 4),
    ('{{ range "abc" }}{{ . }}{{ end }}', "range can't iterate over abc", 10),
    ('{{ $x := "s" }}{{ $x.a }}', "can't evaluate field a in type string", 21),
    ('{{ dict "a" }}', "error calling dict: invalid dictionary call", 4),
    ("{{ div 1 0 }}", "error calling div: can't divide the value by 0", 4),
    ("{{ range $i, $e := 3 }}{{ $i }}{{ end }}", "can't use 3 to iterate over more than one variable", 20),
    ('{{ int "x" }}', ('error calling int: unable to cast "x" of type string to int: '
                      'strconv.ParseInt: parsing "x": invalid syntax'), 4),
    ("{{ $y }}", 'undefined variable "$y"', 4),
    ("{{ break }}", "{{break}} outside {{range}}", 4),
])
def test_a_failure_names_the_templates_line_and_column(source, message, column):
    with pytest.raises(TemplateFailed) as caught:
        run("\n" + source, "x")
    assert (str(caught.value), caught.value.line, caught.value.column) == (message, 2, column)


def test_a_failure_in_a_branch_not_taken_is_not_one():
    assert run('{{ if .Get 0 }}{{ errorf "needs no %s" "x" }}{{ end }}ok') == "ok"


def test_a_loop_too_long_and_a_partial_calling_itself_are_not_run():
    # Hugo would print a long loop, and stop only far deeper than this: past the bounds the
    # template is not run (the shortcode falls back with a warning naming why), no error
    started = time.process_time()
    with pytest.raises(NotSimple, match="more than 200000 steps"):
        run("{{ range 100000000 }}{{ . }}{{ end }}")
    with pytest.raises(NotSimple, match="more than 50 deep"):
        run('{{ partial "loop" 1 }}', partials={"loop": '{{ partial "loop" . }}'})
    with pytest.raises(NotSimple, match="nested more than 120 deep"):
        run('{{ partial "down" 1 }}', partials={
            "down": "{{ if 1 }}" * 90 + '{{ partial "down" . }}' + "{{ end }}" * 90})
    assert time.process_time() - started < 20


def test_partials_get_their_context_and_print_as_html():
    box = '<div class="box">{{ .t }}/{{ .n }}{{ with .more }} {{ partial "more" . }}{{ end }}</div>'
    partials = {"box": box, "more": "<i>{{ . }}</i>"}
    assert run('{{ partial "box" (dict "t" (.Get 0) "n" 2 "more" "m") }}', "<b>hi</b>",
               partials=partials) == '<div class="box">&lt;b&gt;hi&lt;/b&gt;/2 <i>m</i></div>'
    assert run('{{ partialCached "box" (dict "t" "y") "k" }}', partials=partials) == '<div class="box">y/</div>'


def test_the_sites_data_is_read_by_field_and_by_index():
    data = {"rel": [{"version": 1.2, "name": "one"}, {"version": 1.3, "name": "two"}],
            "nested": {"items": {"b": {"title": "Bee"}, "a": {"title": "Ay"}}}}
    assert run("{{ range $.Site.Data.rel }}<td>{{ .version }} {{ .name }}</td>{{ end }}", data=data) == \
        "<td>1.2 one</td><td>1.3 two</td>"
    assert run("{{ range $k, $v := .Site.Data.nested.items }}{{ $k }}:{{ $v.title }};{{ end }}",
               data=data) == "a:Ay;b:Bee;"
    assert run('{{ (index site.Data.rel 1).name }} {{ index .Site.Data.nested "items" "a" "title" }}',
               data=data) == "two Ay"


def test_define_template_and_block_run_as_go_runs_them():
    row = ('{{ define "row" }}<tr><td>{{ .a }}</td><td>{{ . }}</td></tr>{{ end }}<table>'
           '{{ range slice (dict "a" 1) (dict "a" "<2>") }}{{ template "row" . }}{{ end }}</table>')
    assert run(row) == "<table><tr><td>1</td><td>map[a:1]</td></tr><tr><td>&lt;2&gt;</td><td>map[a:&lt;2&gt;]</td></tr></table>"
    assert run('{{ block "b" (.Get 0) }}[{{ . }}]{{ end }}|{{ template "b" "y" }}', "x") == "[x]|[y]"
    countdown = '{{ define "n" }}{{ if gt . 0 }}{{ . }}{{ template "n" (sub . 1) }}{{ end }}{{ end }}'
    assert run(countdown + '{{ template "n" 3 }}') == "321"
    assert run('{{ template "t" }}{{ define "t" }}T{{ $ }}{{ end }}') == "T"
    with pytest.raises(NotSimple, match="nested more than 120 deep"):
        run('{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" 1 }}')
    with pytest.raises(TemplateFailed, match='no such template "missing"'):
        run('{{ template "missing" }}')


def test_what_is_still_not_run_is_named():
    for source, named in (('{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}', "{{ define … }}"),
                          ('<a href="{{ template "x" . }}">', "{{ template … }} outside text"),
                          ('{{ .Page.TableOfContents }}', '".Page.TableOfContents"'),
                          ("{{ .Page.Translations }}", '".Page.Translations"')):
        with pytest.raises(NotSimple) as caught:
            compile_template(source)
        assert str(caught.value) == named
    # the page's Store holds what this template set; a key another one left is not guessed at
    assert run('{{ .Page.Store.Add "q" (slice 1) }}{{ .Page.Scratch.Add "q" 2 }}{{ .Page.Store.Get "q" }}') \
        == "[1 2]"
    with pytest.raises(NotSimple, match='Scratch.Get "x", which the template did not set'):
        run('{{ .Page.Scratch.Get "x" }}')


def test_a_shortcode_with_a_partial_and_data_prints_in_the_manual(tmp_path):
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/a.md": page("A", 1, 'Versionen:\n\n{{< versions kind="lts" >}}\n\nAus: '
                                        '{{< stamp "veraltet" >}}\n'),
        "layouts/shortcodes/versions.html": (
            '<ul class="versions">{{ range $i, $r := where .Site.Data.releases.list "kind" (.Get "kind") }}'
            '{{ partial "release-item" (dict "release" $r "first" (eq $i 0)) }}{{ end }}</ul>'),
        "layouts/partials/release-item.html": (
            '<li{{ if .first }} class="newest"{{ end }}>{{ printf "%s (%s)" .release.name .release.date }}</li>'),
        "layouts/shortcodes/stamp.html": '{{ partial "theme-badge" (dict "t" (.Get 0)) }}',
        "data/releases/list.yaml": ("- {name: Hafen 3, date: '2025-04', kind: lts}\n"
                                    "- {name: Hafen 2.9, date: '2024-11', kind: edge}\n"
                                    "- {name: Hafen 2, date: '2023-10', kind: lts}\n"),
    })
    findings = check_findings(site)
    (unknown,) = [f for f in findings if f["code"] == "unknown-shortcode"]
    assert unknown["line"] == 9 and '(it uses the partial "theme-badge", which the site does not have)' \
        in unknown["message"]
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True, jobs=1))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert ('<ul class="versions"><li class="newest">Hafen 3 (2025-04)</li><li>Hafen 2 (2023-10)</li></ul>'
            in html)


def test_the_shortcodes_own_scratch_holds_what_it_set():
    source = ('{{ .Scratch.Set "a" 1 }}{{ .Scratch.Add "a" 2 }}{{ .Scratch.Get "a" }} '
              '{{ .Scratch.Add "l" (slice 1) }}{{ .Scratch.Add "l" 2 }}{{ .Scratch.Get "l" }} '
              '{{ .Store.SetInMap "m" "k" "v" }}{{ .Store.Get "m" }} '
              '{{ $.Scratch.Set "s" "x" }}{{ $.Scratch.Add "s" "y" }}{{ $.Scratch.Get "s" }}')
    assert run(source) == "3 [1 2] map[k:v] xy"  # as hugo 0.149.1 prints it
    # a key another template may have left (a tab for its tabs) is not guessed at
    with pytest.raises(NotSimple, match='Scratch.Get "tabs", which the template did not set'):
        run('{{ range .Scratch.Get "tabs" }}{{ . }}{{ end }}')


def test_the_pages_file_and_the_calls_place_are_hugos(tmp_path):
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/docs/sub/a.md": page("A", 1, "{{< where >}}\n\n{{< note >}}*Achtung*{{< /note >}}\n"),
        "layouts/shortcodes/where.html": (
            "<p>{{ .Page.File.Ext }}|{{ .Page.File.Path }}|{{ .Page.File.Dir }}|"
            "{{ .Page.File.BaseFileName }}|{{ .Name }}|{{ .Position }}</p>"),
        # Kubernetes' note: Markdown for a page in Markdown
        "layouts/shortcodes/note.html": (
            '<div class="alert">{{- if eq .Page.File.Ext "md" -}}{{- .Inner | markdownify -}}'
            "{{- else -}}{{- .Inner | htmlUnescape | safeHTML -}}{{- end -}}</div>"),
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True, jobs=1))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    source = site / "content/de/docs/sub/a.md"
    assert f"<p>md|docs/sub/a.md|docs/sub/|a|where|\"{source}:5:1\"</p>" in html
    assert '<div class="alert"><em>Achtung</em></div>' in html


def test_page_path_md5_now_and_an_event_attribute_print_as_hugo_prints_them(tmp_path, monkeypatch):
    # Flink's artifact shortcode: an id hashed from now, used in an onclick, and the page's
    # path in its error message.  The output of hugo 0.149.1 for the same call.
    from manualgen.build import BuildOptions, build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/docs/Sub/My Page.md": page("A", 1, '{{< art "x\'y<&/" >}}\n\n{{< when >}}\n'),
        "layouts/shortcodes/art.html": (
            '{{ $h := md5 "abc" }}<div id="{{ $h }}" onclick="copy(\'{{ $h }}\', \'{{ .Get 0 }}\')">'
            "{{ .Page.Path }}</div>"),
        "layouts/shortcodes/when.html": '<p id="{{ md5 now }}">{{ dateFormat "2006-01-02" now }}</p>',
    })
    out = tmp_path / "out"
    result = build(site, BuildOptions(langs=["de"], out=out, html=True, no_cache=True, jobs=1))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert ('<div id="p-docs-sub-my-page--900150983cd24fb0d6963f7d28e17f72" onclick="copy('
            "'900150983cd24fb0d6963f7d28e17f72', 'x\\u0027y\\u003c\\u0026\\/')\">/docs/sub/my-page</div>") in html
    assert ">2023-11-14</p>" in html  # now: the manual's date, the same on every build
    again = build(site, BuildOptions(langs=["de"], out=tmp_path / "again", html=True, no_cache=True, jobs=1))
    assert without_name_spans(again.results[0].html.read_text(encoding="utf-8")) == html


def test_site_baseurl_and_urls_parse_are_hugos():
    # Flink's img shortcode: (urls.Parse .Site.BaseURL).Path before the picture's path; the
    # values hugo 0.149.1 prints for the same template
    source = ('{{ .Site.BaseURL }}|{{ (urls.Parse .Site.BaseURL).Path }}|'
              '{{ $u := urls.Parse "https://a.org:8080/x%20y?q=1#f" }}{{ $u.Scheme }}|{{ $u.Host }}|'
              "{{ $u.Hostname }}|{{ $u.Port }}|{{ $u.Path }}|{{ $u.RawQuery }}|{{ $u.Fragment }}")
    call = Call(get=lambda key: "", inner="", markdownify=str,
                base_url="//nightlies.apache.org/flink/flink-docs-release-1.20/")
    assert run_template(compile_template(source), call) == (
        "//nightlies.apache.org/flink/flink-docs-release-1.20/|/flink/flink-docs-release-1.20/|"
        "https|a.org:8080|a.org|8080|/x y|q=1|f")


def test_t_with_a_count_picks_the_languages_plural_form_and_fills_the_count(tmp_path):
    # i18n in YAML and JSON, a site template's T "items" 3: what hugo 0.149.1 printed for the
    # same files (Korean has one form; Ukrainian's 3 is "few"); it printed "{{ .Count }}"
    from manualgen.build import BuildOptions, build

    hugo = ('baseURL = "https://example.org/"\ndefaultContentLanguage = "ko"\n'
            "[languages.ko]\nweight = 1\n[languages.uk]\nweight = 2\n")
    site = write_site(tmp_path / "site", {
        "i18n/ko.yaml": 'items:\n  one: "{{ .Count }}개 항목"\n  other: "{{ .Count }}개 항목들"\n',
        "i18n/uk.json": ('{"items": {"one": "{{ .Count }} елемент", "few": "{{ .Count }} елементи", '
                         '"many": "{{ .Count }} елементів", "other": "{{ .Count }} елемента"}}'),
        "layouts/shortcodes/n.html": '<p>[{{ T "items" 3 }}|{{ T "items" 1 }}|{{ T "items" (dict "Count" 11) }}|{{ T "items" "22" }}]</p>',
        "content/_index.md": page("시작"), "content/a.md": page("A", 1, "{{< n >}}\n"),
        "content/_index.uk.md": page("Початок"), "content/a.uk.md": page("A", 1, "{{< n >}}\n"),
    }, hugo)
    result = build(site, BuildOptions(langs=["ko", "uk"], out=tmp_path / "out", html=True, no_cache=True, jobs=1))
    # (without the joiners that keep Korean words whole on the page)
    html = {r.lang: without_name_spans(r.html.read_text(encoding="utf-8")).replace("\u2060", "") for r in result.results}
    assert "<p>[3개 항목들|1개 항목들|11개 항목들|]</p>" in html["ko"]
    assert "<p>[3 елементи|1 елемент|11 елементів|]</p>" in html["uk"]


def test_t_fills_the_fields_of_the_value_it_is_given(tmp_path):
    # what hugo 0.149.1 printed for the same files: a field from T's dict, "<no value>"
    # where T is given none (it printed the template code as written), and no false
    # tag-as-text warning for Go's "<no value>"
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "i18n/en.toml": 'reading = "{{ .Minutes }} min read"\n[files]\none = "{{ .Count }} file"\n'
                        'other = "{{ .Count }} files"\n',
        "layouts/shortcodes/tt.html": '[{{ T "reading" (dict "Minutes" 5) }}] [{{ T "files" }}] '
                                      '[{{ T "files" 2 }}] [{{ T "reading" }}] [{{ T "files" 1.5 }}] '
                                      '[{{ T "files" (dict "Count" 2.5) }}]',
        "content/_index.md": page("Start"), "content/a.md": page("A", 1, "{{< tt >}}\n"),
    }, 'baseURL = "https://example.org/"\n')
    result = build(site, BuildOptions(langs=["en"], out=tmp_path / "out", html=True, no_cache=True, jobs=1))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert ("[5 min read] [&lt;no value&gt; files] [2 files] [&lt;no value&gt; min read] [] "
            "[2.5 files]") in html
    assert [f.code for f in result.findings] == []


def test_dates_print_in_gos_layouts_and_anchorize_makes_hugos_ids():
    source = ('{{ time.Format "2006-01-02" "2024-03-05" }}|{{ time.Format "Jan 2, 2006" "2024-03-05" }}|'
              '{{ dateFormat "Monday, January 2 2006 15:04 MST" "2024-03-05T14:07:09Z" }}|'
              '{{ time.Format "02.01.06 3:04PM -07:00" "2024-11-20T09:05:00+02:00" }}|'
              '{{ (time.AsTime "2024-03-05").Format "2 Jan" }}')
    assert run(source) == ("2024-03-05|Mar 5, 2024|Tuesday, March 5 2024 14:07 UTC|"
                           "20.11.24 9:05AM &#43;02:00|5 Mar")  # as hugo 0.149.1 prints them
    assert run('{{ anchorize "Hello World! v1.2" }}|{{ replace "1.31" "." "-" | anchorize }}') == \
        "hello-world-v12|1-31"
    with pytest.raises(NotSimple, match="localized date layout"):
        run('{{ time.Format ":date_long" "2024-03-05" }}')


def test_a_themes_data_and_the_pages_language_are_read(tmp_path):
    from manualgen.build import BuildOptions, build

    from .conftest import HUGO_TOML

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/fr/_index.md": page("Début"),
        "content/de/a.md": page("A", 1, "Symbol: {{< sym ok >}} {{< lang >}}\n"),
        "content/fr/a.md": page("A", 1, "Symbole : {{< sym ok >}} {{< lang >}}\n"),
        "layouts/shortcodes/sym.html": (
            '{{- $icon := index site.Data.icons (.Get 0) -}}{{ if not $icon }}{{ errorf "no icon %q" (.Get 0) }}'
            '{{ end }}<span class="sym">{{ $icon.text }}</span>'),
        "layouts/shortcodes/lang.html": "[{{ .Site.Language.Lang }}|{{ .Site.LanguagePrefix }}|{{ .Page.Lang }}]",
        "themes/ink/data/icons.yaml": "ok: {text: '✓'}\nno: {text: '✗'}\n",
        "themes/ink/layouts/_default/single.html": "{{ .Content }}",
    }, hugo=HUGO_TOML.replace('title = "Test manual"', 'title = "Test manual"\ntheme = "ink"'))
    result = build(site, BuildOptions(langs=["de", "fr"], out=tmp_path / "out", html=True,
                                      no_cache=True, jobs=1))
    de, fr = (without_name_spans(r.html.read_text(encoding="utf-8")) for r in result.results)
    assert 'Symbol: <span class="sym">✓</span> [de||de]' in de
    assert 'Symbole : <span class="sym">✓</span> [fr|/fr|fr]' in fr


@pytest.mark.parametrize("source, value, printed", [
    ('<div style="--rows: {{ .Get 0 }};">', "3", '<div style="--rows: 3;">'),
    ('<div style="width: {{ .Get 0 }}%">', "50; color:red", '<div style="width: ZgotmplZ%">'),
    ('<div style="color: {{ .Get 0 }}">', "expression(alert(1))", '<div style="color: ZgotmplZ">'),
    ('<div style="{{ .Get 0 | safeCSS }}">', "min-height:98vh; border:none;",
     '<div style="min-height:98vh; border:none;">'),
    ('<div style="{{ .Get 0 }}">', "min-height:98vh;", '<div style="ZgotmplZ">'),
    ("<div style=\"font-family: 'a b'; color: {{ .Get 0 }}\">", "red",
     "<div style=\"font-family: 'a b'; color: red\">"),
    ('<div style="a: {{ .Get 0 }}">', "x\\41 y", '<div style="a: xAy">'),
    ('<div style="a: {{ .Get 0 }}">', "a--b", '<div style="a: ZgotmplZ">'),
    ('<div style="a: {{ .Get 0 }}">', "1px solid #ccc", '<div style="a: 1px solid #ccc">'),
    ('<a href="{{ .Get 0 | safeURL }}">', "tel:123 4", '<a href="tel:123%204">'),
    ('<a href="{{ .Get 0 }}">', "tel:123", '<a href="#ZgotmplZ">'),
    # an unquoted value: whatever could end it escaped; nothing at all is refused
    ("<time datetime={{ .Get 0 }}>", "a b=c'd", "<time datetime=a&#32;b&#61;c&#39;d>"),
    ("<p class={{ .Get 0 }}>", "", "<p class=ZgotmplZ>"),
    ("<p class=a{{ .Get 0 }} id=z>", "b c", "<p class=ab&#32;c id=z>"),
    ("<a href={{ .Get 0 }}>", "javascript:x", "<a href=#ZgotmplZ>"),
    ("<a href={{ .Get 0 }}>", "/a b?c=d", "<a href=/a%20b?c&#61;d>"),
    ("<p title={{ .Get 0 | safeHTML }}>", "<b>a</b> &amp; c", "<p title=a&#32;&amp;&#32;c>"),
])
def test_style_values_and_safe_addresses_are_written_as_hugo_writes_them(source, value, printed):
    # each as hugo 0.149.1 wrote it
    assert run(source, value) == printed


def test_an_action_inside_a_css_string_or_parenthesis_is_not_run():
    for source in ('<p style="font-family: \'{{ .Get 0 }}\'">', '<p style="background: url({{ .Get 0 }})">',
                   '<p style="/* {{ .Get 0 }} */">'):
        with pytest.raises(NotSimple, match="style attribute"):
            compile_template(source)


_PIECES = ["{{ ", " }}", "{{- ", " -}}", "range ", "if ", "else ", "else if ", "with ", "end", "break",
           "continue", "$i", "$e", ", ", " := ", " = ", "$x", ".", "$", " .Get 0", ' .Get "k"', " .Params",
           " .Inner", " .Site.Data.d", " .Site.Params.p", ".a", ".b", " printf ", '"%s %d %v %q %T %05.2f"',
           " index ", " len ", " split ", '","', " dict ", '"a"', " slice ", " 1", " -2", " 3.5", " true",
           " nil", " default ", " where ", " sort ", " first ", " after ", " seq ", " int ", " add ",
           " div ", " mod ", " replaceRE ", '"(a+)+$"', '"$1"', " delimit ", " jsonify ", " in ",
           " isset ", " cond ", " eq ", " lt ", " and ", " or ", " not ", "(", ")", " | ", ' partial "p" ',
           'define "t"', 'template "t" ', ' block "b" ', " errorf ", " time.Format ", '"2006"',
           " anchorize ", " safeCSS ", "<a href=\"", "<p style=\"a: ", "\">", "<b title=", ">", "x"]


@settings(max_examples=2500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50).map("".join))
def test_any_template_with_loops_and_functions_is_run_refused_or_failed_never_a_crash(source):
    try:
        nodes = compile_template(source)
    except NotSimple:
        return
    data = {"d": [{"a": 1, "b": "x"}, {"a": 2}], "p": {"a": [1, 2]}}
    partials = {"p": compile_template('{{ range . }}{{ . }}{{ end }}{{ partial "p" . }}', partial=True)}
    call = Call(get=lambda key: {0: "a,b", "k": "<v>"}.get(key, ""), inner="<b>in</b>",
                markdownify=str, params=["a,b"], param=lambda name: data.get(name),
                data=lambda path: data.get(path[0]) if len(path) == 1 else None,
                partial=partials.get)
    started = time.process_time()
    try:
        run_template(nodes, call)
    except (TemplateFailed, NotSimple):
        pass
    assert time.process_time() - started < 10


def test_title_of_one_word_is_hugos_and_of_several_is_not_guessed():
    # hugo 0.149.1: Warning|INFO|Note-Box|IPhone|X.y; "a tale of two cities": A Tale of Two Cities
    assert run('{{ title "warning" }}|{{ title "INFO" }}|{{ title "note-box" }}|{{ .Get 0 | title }}|'
               '{{ title "x.y" }}', "iPhone") == "Warning|INFO|Note-Box|IPhone|X.y"
    with pytest.raises(NotSimple, match="title of several words"):
        run('{{ title "a tale of two cities" }}')


def test_month_names_in_another_language_are_not_guessed():
    # hugo 0.149.1 writes time.Format's names in the page's language ("9. Oktober 2023 Mo.")
    # and the Time's own .Format in English ("October"): manualgen knows English only
    call = Call(get=lambda key: "", inner="", markdownify=str, lang="de")
    numbers = compile_template('{{ time.Format "02.01.2006" "2023-10-09" }}')
    assert run_template(numbers, call) == "09.10.2023"
    with pytest.raises(NotSimple, match='month or day names in the language "de"'):
        run_template(compile_template('{{ time.Format "2. January 2006" "2023-10-09" }}'), call)
    assert run_template(compile_template('{{ (time.AsTime "2023-10-09").Format "January" }}'), call) == \
        "October"


def test_the_pages_date_prints_as_gos_time():
    import datetime as dt

    when = dt.datetime(2024, 1, 5, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    call = Call(get=lambda key: "", inner="", markdownify=str, page_date=when)
    source = '{{ .Page.Date }}|{{ .Page.Date.Format "Jan 2, 2006" }}'
    # hugo 0.149.1, for date: 2024-01-05T10:20:00+01:00
    assert run_template(compile_template(source), call) == "2024-01-05 10:20:00 &#43;0100 &#43;0100|Jan 5, 2024"
    assert run_template(compile_template("{{ .Page.Date }}"), Call(get=str, inner="", markdownify=str)) == \
        "0001-01-01 00:00:00 &#43;0000 UTC"


def test_other_pages_are_reached_by_getpage_pages_and_relref(tmp_path):
    from manualgen.build import BuildOptions, build

    site = write_site(tmp_path / "site", {
        "content/de/_index.md": page("Start"),
        "content/de/guide/_index.md": page("Anleitung", 1, "Inhalt:\n\n{{< children >}}\n"),
        "content/de/guide/install.md": page("Installieren", 1, "Erst dies.\n", description="Wie man installiert"),
        "content/de/guide/use.md": page("Benutzen", 2, "Dann {{< see \"/guide/install\" >}} und "
                                        "{{< back \"install\" >}}.\n"),
        "layouts/shortcodes/children.html": (
            '<ul class="kids">{{ range .Page.Pages }}<li>{{ .Title }}: {{ .Description }}</li>{{ end }}</ul>'),
        "layouts/shortcodes/see.html": (
            '{{ with site.GetPage (.Get 0) }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>'
            '{{ else }}{{ errorf "no page %s" (.Get 0) }}{{ end }}'),
        "layouts/shortcodes/back.html": '<a href="{{ relref . (.Get 0) }}">zurück</a>',
    })
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True, jobs=1))
    html = without_name_spans(result.results[0].html.read_text(encoding="utf-8"))
    assert '<ul class="kids"><li>Installieren: Wie man installiert</li><li>Benutzen: </li></ul>' in html
    assert 'Dann <a href="#p-guide-install"' in html and ">Installieren</a> und <a href=\"#p-guide-install\"" in html


def test_a_field_of_hugos_objects_manualgen_does_not_know_falls_back():
    """Not a failure and not nothing: Hugo has these, manualgen does not follow them."""
    import datetime as dt

    call = Call(get=lambda key: "", inner="", markdownify=str, page_file={"Ext": "md"},
                page_date=dt.datetime(2024, 3, 5, tzinfo=dt.UTC), lang="en",
                pages=lambda page: [], get_page=lambda path: None)
    assert run_template(compile_template("{{ .Page.File.Ext }} {{ .Page.Date.Year }}"), call) == "md 2024"
    for source, named in (("{{ .Page.File.UniqueID }}", '"UniqueID" of *source.File'),
                          ("{{ .Site.Language.LanguageName }}", '"LanguageName" of *langs.Language'),
                          ("{{ .Page.Date.Month }}", '"Month" of a time'),
                          ("{{ range .Page.Pages.ByParam }}x{{ end }}", '"ByParam" of a list of pages'),
                          ("{{ .Page.File }}", "printing *source.File"),
                          ("{{ slice .Page.File }}", "printing *source.File"),
                          ('{{ printf "%v" (slice .Page.File) }}',
                           'the function "printf" given string, []interface {}')):
        with pytest.raises(NotSimple) as caught:
            run_template(compile_template(source), call)
        assert str(caught.value) == named


def test_what_python_cannot_run_as_go_does_is_not_run():
    """A printf width Go refuses prints as Go's fmt prints it (no gigabyte string); a
    regular expression Python's engine would read otherwise or take exponential time on,
    a where operator manualgen does not follow and 1,000 nested parentheses are not run."""
    assert run('{{ printf "%.999999999f" 1.5 }}') == "%!(NOVERB)%!(EXTRA float64=1.5)"
    for pattern in ("(a+)+$", "((a*)b)*", "(a|aa)+", r"\\p{Greek}", "[[:digit:]]+", "a{,2}"):
        with pytest.raises(NotSimple, match="regular expression"):
            run(f'{{{{ replaceRE "{pattern}" "x" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" }}}}')
    assert run('{{ replaceRE "\\\\d" "#" "a1\u0661b" }}') == "a#\u0661b"  # ASCII digits, as in Go
    with pytest.raises(NotSimple, match='operator "intersect"'):
        run('{{ where (slice (dict "t" (slice "x"))) "t" "intersect" (slice "x") }}')
    with pytest.raises(NotSimple, match="parenthesised"):
        run("{{ " + "(" * 1000 + "1" + ")" * 1000 + " }}")


def test_floats_print_and_text_sorts_as_hugo_does():
    """Go's %v prints a float from 1e6 on with an exponent (hugo 0.149.1: `mul 1.5 1000000`
    is 1.5e+06, not 1500000); Hugo sorts text by its collator: lower case first among equals,
    é after e."""
    assert run("{{ mul 1.5 1000000 }} {{ div 1.0 100000 }} {{ mul 2.0 1.0 }}") == "1.5e&#43;06 1e-05 2"  # "+" escaped as html/template escapes it
    assert run('{{ sort (slice "Zed" "alpha" "Alpha" "beta") }}') == "[alpha Alpha beta Zed]"
    assert run('{{ sort (slice "E" "e" "f" "é") }}') == "[e E é f]"


@pytest.mark.parametrize(("lang", "forms"), [
    # what hugo 0.149.1 picked for the counts 0, 1, 2, 3, 5, 6, 7, 11, 21, 101
    ("cy", "zero one two few other many other other other other"),
    ("ga", "other one two few few few many other other other"),
    ("mk", "other one other other other other other other one one"),
    ("is", "other one other other other other other other one one"),
])
def test_plural_forms_of_welsh_irish_macedonian_and_icelandic(lang, forms):
    from manualgen.i18n import plural_category

    counts = (0, 1, 2, 3, 5, 6, 7, 11, 21, 101)
    assert " ".join(plural_category(lang, n) for n in counts) == forms
