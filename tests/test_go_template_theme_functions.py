"""Functions and fields real themes' shortcodes use (Docsy's readfile, Geekdoc's include
and propertylist, Relearn's children, Hextra's jupyter …), run in a site's own shortcode
as Hugo runs them.  Each expected text is what hugo 0.149.1 printed for the same template
(checked side by side, and with hugo 0.168.0 where said)."""

from __future__ import annotations

from pathlib import Path

import pytest

from manualgen.go_template import Call, NotSimple, TemplateFailed, compile_template, run_template
from manualgen.own_templates import project_file


def run(source: str, root: Path | None = None, **fields) -> str:
    call = Call(get=lambda key: "", inner="", markdownify=str,
                project_file=(lambda name: project_file(root, name)) if root else (lambda name: None),
                **fields)
    return run_template(compile_template(source), call)


def test_readfile_and_fileexists_read_the_sites_folder(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.txt").write_text("a <b> text\n", encoding="utf-8")
    (tmp_path.parent / "outside.txt").write_text("secret", encoding="utf-8")
    source = ('[{{ readFile "data/x.txt" }}|{{ os.ReadFile "/data/x.txt" }}|{{ readFile "nope.txt" }}'
              '|{{ readFile "../outside.txt" }}|{{ readFile "data/x.txt" | printf "%T" }}]'
              '{{ fileExists "data/x.txt" }} {{ os.FileExists "data" }} {{ fileExists "nope" }} '
              '{{ fileExists "../outside.txt" }}')
    assert run(source, tmp_path) == ("[a &lt;b&gt; text\n|a &lt;b&gt; text\n||"
                                     "|string]true true false false")
    assert run('{{ readFile "data/x.txt" | safeHTML }}', tmp_path) == "a <b> text\n"


@pytest.mark.parametrize("source, message", [
    ('{{ readFile "" }}', "error calling readFile: invalid filename"),
    ('{{ fileExists "" }}', "error calling fileExists: fileExists needs a path to a file"),
    ('{{ readFile "data" }}', "error calling readFile: read {root}/data: is a directory"),
])
def test_readfile_and_fileexists_fail_where_hugo_does(tmp_path, source, message):
    (tmp_path / "data").mkdir()
    with pytest.raises(TemplateFailed) as failed:
        run(source, tmp_path)
    assert str(failed.value) == message.format(root=tmp_path)


def test_gos_html_escaper_is_written_as_gos_escaping_rewrites_it():
    source = ('<a title="{{ "a<b&\'c+" | html }}" href="/x?{{ "a b&c" | html }}">x</a>'
              '<i>{{ "x&y+" | html }}</i>{{ html "<b>" 3 }}{{ "<i>" | safeHTML | html }}'
              '{{ $x := "<u>" | html }}{{ $x }}{{ if html "" }}T{{ else }}F{{ end }}{{ html }}')
    assert run(source) == ('<a title="a&lt;b&amp;&#39;c+" href="/x?a%20b%26c">x</a><i>x&amp;y+</i>'
                           "&lt;b&gt;3&lt;i&gt;&amp;lt;u&amp;gt;F")
    with pytest.raises(NotSimple, match='the escaper "html" before the end of its pipeline'):
        compile_template('{{ "x<" | html | upper }}')  # Hugo: predefined escaper "html" disallowed


def test_reflect_tells_maps_from_slices():
    source = ('{{ reflect.IsMap (dict) }} {{ reflect.IsSlice (slice 1) }} {{ reflect.IsMap "x" }} '
              '{{ reflect.IsSlice (dict) }} {{ reflect.IsMap .Site.Params }} {{ reflect.IsSlice "ab" }}')
    assert run(source) == "true true false false true false"


CONFIG = ('baseURL = "https://example.org/docs/"\ntitle = "Site T"\ndefaultContentLanguage = "en"\n'
          '[languages.en]\nweight = 1\nlanguageName = "English"\n[languages.fr]\nweight = 2\n')


def rendered(root: Path, shortcodes: dict[str, str], extra: dict | None = None) -> dict[str, str]:
    """What each shortcode prints on docs/p.md of a small site of two languages (hugo's
    output of the same site was read for each expected text); no finding may be left."""
    import datetime as dt
    import re

    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings
    from manualgen.render import render_language

    body = "---\ntitle: Page Title\nweight: 3\n---\n\n" + "".join(
        f"@@{name}@@\n\n{{{{< {name} >}}}}\n\n" for name in shortcodes) + "@@end@@\n"
    files = {"hugo.toml": CONFIG, "content/_index.md": "---\ntitle: Home\n---\n",
             "content/docs/_index.md": "---\ntitle: Docs\nweight: 2\n---\n",
             "content/docs/q.md": "---\ntitle: Other Q\nweight: 5\ndescription: Q desc\n---\nWords.\n",
             "content/docs/sub/_index.md": "---\ntitle: Sub\n---\n",
             "content/docs/sub/deep.md": "---\ntitle: Deep\n---\nDeep text.\n",
             "content/docs/p.md": body, **(extra or {}),
             **{f"layouts/shortcodes/{name}.html": text for name, text in shortcodes.items()}}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    settings = load_settings(root)
    findings = Findings()
    home = discover(settings, "en", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    html = {r.page.rel: r.html for r in render_language(settings, "en", home, findings).pages}["docs/p.md"]
    assert [f.message for f in findings] == []
    parts = re.split(r"(?:<p>)?@@(\w+)@@(?:</p>)?", html)
    return {name: text.strip() for name, text in zip(parts[1::2], parts[2::2])}


def test_the_pages_language_ancestors_home_and_another_pages_file(tmp_path):
    printed = rendered(tmp_path, {
        "lang": ("{{ .Page.Language.Lang }}|{{ .Page.Language.LanguageName }}|"
                 "{{ .Page.Language.LanguageDirection }}|{{ .Page.Language.Weight }}|"
                 "{{ .Site.Language.LanguageName }}|{{ .Site.Language.LanguageCode }}"),
        "anc": ("{{ range .Page.Ancestors }}{{ .Title }},{{ end }}|{{ .Page.Parent.Parent.Title }}|"
                "{{ range (.Site.GetPage \"docs/sub/deep\").Ancestors.Reverse }}{{ .Title }}/{{ end }}"
                "{{ len .Site.Home.Ancestors }}"),
        "ofile": ('{{ with .Site.GetPage "docs/sub/deep" }}{{ .File.Filename | path.Base }}|{{ .File.Path }}|'
                  "{{ .File.Dir }}|{{ .Language.Lang }}{{ .Lang }}{{ end }}"),
        "oparams": '{{ with site.GetPage "docs/r" }}{{ .Params.p1 }}|{{ .Params.top }}|{{ .Param "p1" }}{{ end }}',
        "nothing": '[{{ .Get 1 | html }}]',
        "bundle": ('[{{ .Page.BundleType }}|{{ .Site.Home.BundleType }}|{{ (site.GetPage "docs").BundleType }}|'
                   '{{ (site.GetPage "docs/bun").BundleType }}]'),
    }, {"content/docs/r.md": "---\ntitle: R\ntop: T\nparams:\n  p1: nested\n---\n",
        "content/docs/bun/index.md": "---\ntitle: Bun\n---\nB.\n"})
    assert printed["lang"] == "en|English||1|English|en"
    assert printed["anc"] == "Docs,Home,|Home|Home/Docs/Sub/0"
    assert printed["ofile"] == "deep.md|docs/sub/deep.md|docs/sub/|enen"
    assert printed["oparams"] == "nested|T|nested"  # the front matter's params table too
    assert printed["nothing"] == "[&lt;no value&gt;]"  # Go's html prints nothing so
    assert printed["bundle"] == "[|branch|branch|leaf]"  # Hextra's jupyter asks


def test_pages_grouped_by_a_field_or_a_param_and_templates_exists(tmp_path):
    printed = rendered(tmp_path, {
        "weight": ('{{ range (.Site.GetPage "docs").Pages.GroupBy "Weight" }}'
                   "[{{ .Key }}:{{ range .Pages }}{{ .Title }};{{ end }}]{{ end }}"),
        "title": ('{{ range (.Site.GetPage "docs").Pages.GroupBy "Title" "desc" }}[{{ .Key }}]{{ end }}'),
        "param": ('{{ range (.Site.GetPage "docs").Pages.GroupByParam "description" }}'
                  "[{{ .Key }}:{{ range .Pages }}{{ .Title }};{{ end }}]{{ end }}"),
        "section": ('{{ range (.Site.GetPage "docs").Pages.GroupBy "Section" }}'
                    "[{{ .Key }}:{{ range .Pages.ByTitle.Reverse }}{{ .Title }};{{ end }}]{{ end }}"),
        "exists": ('{{ templates.Exists "partials/nope.html" }}|{{ templates.Exists "shortcodes/title.html" }}|'
                   '{{ templates.Exists "partials/box.html" }}|{{ templates.Exists "../hugo.toml" }}|'
                   '{{ templates.Exists "_partials/box.html" }}|{{ templates.Exists "_partials/old.html" }}|'
                   '{{ templates.Exists "partials/old.html" }}|{{ templates.Exists "_shortcodes/title.html" }}|'
                   '{{ templates.Exists "partials/box" }}|{{ templates.Exists "_default/single.html" }}|'
                   '{{ templates.Exists "single.html" }}'),
    }, {"layouts/_partials/box.html": "box", "layouts/partials/old.html": "old",
        "layouts/_default/single.html": "{{ .Content }}"})
    assert printed["weight"] == "[0:Sub;][3:Page Title;][5:Other Q;]"
    assert printed["title"] == "[Sub][Page Title][Other Q]"
    assert printed["param"] == "[Q desc:Other Q;]"
    assert printed["section"] == "[docs:Sub;Page Title;Other Q;]"
    # a file of _partials/ is not found as "partials/…", one of partials/ is found either way
    assert printed["exists"] == "false|true|false|false|true|true|true|true|false|true|true"


def test_templates_exists_does_not_guess_at_hugos_built_in_templates():
    """Hugo has built-in partials and shortcodes ("_partials/pagination.html" is there in
    hugo 0.149.1 and 0.168.0) that manualgen does not list."""
    with pytest.raises(NotSimple, match="one of Hugo's built-in templates"):
        run('{{ templates.Exists "_partials/pagination.html" }}')
    assert run('{{ templates.Exists "partials/pagination.html" }}') == "false"


@pytest.mark.parametrize("source, printed", [
    # JSON (a "{" first): numbers are float64, keys read as written
    (('{{ $d := unmarshal "{\\"a\\": [1, 2.5, \\"x\\"], \\"B\\": {\\"c\\": true}}" }}'
     '{{ printf "%T %v" (index $d.a 0) (index $d.a 0) }}|{{ index $d.a 1 }}|{{ $d.B.c }}|{{ $d.b }}'),
     "float64 1|2.5|true|"),
    # TOML (an "=" before any ":"): its integers and dates as Go's
    (('{{ $d := transform.Unmarshal "a = 1\\nb = \'x\'\\n[t]\\nk = 2024-01-02T03:04:05Z\\n" }}'
     '{{ $d.a }}|{{ $d.b }}|{{ printf "%T" $d.t.k }}'), "1|x|time.Time"),
    # CSV (only a ","): rows of texts; "[1, 2]" has no "{", so it is CSV too
    ('{{ unmarshal "a,b\\n1,2\\n" }}|{{ unmarshal "[1, 2]" }}', "[[a b] [1 2]]|[[[1  2]]]"),
    # a comma before any other mark: CSV, whatever follows
    ('{{ unmarshal "x,y:z" }}|{{ unmarshal "x,<b>" }}|{{ unmarshal "x,{y}\\n1,2" }}',
     "[[x y:z]]|[[x &lt;b&gt;]]|[[x {y}] [1 2]]"),
    ('{{ printf "%v" (unmarshal "") }}', "&lt;nil&gt;"),
])
def test_unmarshal_reads_json_toml_and_csv_as_hugo_does(source, printed):
    assert run(source) == printed


def test_unmarshal_of_yaml_is_not_guessed_at():
    """hugo 0.149.1 reads "b: [x, y]" as [x true] and cannot reach "$d.x.y" of "x: {y: 1}";
    0.168.0 reads [x y] and 1."""
    with pytest.raises(NotSimple, match="unmarshal of YAML"):
        run('{{ (unmarshal "x: {y: 1}").x.y }}')
    with pytest.raises(TemplateFailed) as failed:  # Hugo: … toml: incomplete number
        run('{{ unmarshal "a = = 1" }}')
    assert str(failed.value).startswith('error calling unmarshal: "_stream.toml:1:5": unmarshal failed: toml: ')


def test_an_address_gos_url_parse_refuses_is_left_as_written():
    """relURL and absURL of a file's text (readFile keeps its line end): Hugo leaves an
    address with a control character or a "%" that starts no escape as it is."""
    source = ('<a href="{{ relURL "a b\\n" }}">1</a><a href="{{ relURL "a\\tb" }}">2</a>'
              '<a href="{{ absURL "a\\nb" }}">3</a><a href="{{ relLangURL "x%zz" }}">4</a>'
              '<a href="{{ absURL "x%4" }}">5</a><a href="{{ relURL "%41b" }}">6</a>'
              '<a href="{{ relURL "x/1a:b" }}">7</a>')
    assert run(source, base_url="https://example.org/docs/") == (
        '<a href="a%20b%0a">1</a><a href="a%09b">2</a><a href="a%0ab">3</a><a href="x%25zz">4</a>'
        '<a href="x%254">5</a><a href="/docs/%41b">6</a><a href="/docs/x/1a:b">7</a>')


def test_plainify_makes_white_space_as_hugos_striphtml_does():
    """A line end is a space, a paragraph's end or a line break a new line, and a run of
    white space its first character; a text without tags stays as it is."""
    source = ('<pre>[{{ plainify "a\\n\\nb</p>  c<br>\\td<br />e  \\n f<p>g</p>" }}]'
              '[{{ plainify "no tags\\n\\n  here" }}][{{ plainify "<i>x</i>\\n\\n  y" }}]</pre>')
    assert run(source) == "<pre>[a b\nc\nd\ne fg\n][no tags\n\n  here][x y]</pre>"


def test_another_pages_content_words_and_summary_are_hugos(tmp_path):
    """Hugo-book's section and Relearn's children print a page's .Summary; the automatic one
    ends with the paragraph in which the 70th word falls (words counted in the HTML, tags'
    text too).  The page being rendered has no content yet: Hugo prints nothing and 0."""
    words = " ".join(f"w{i}" for i in range(30))
    printed = rendered(tmp_path, {
        "auto": ('{{ with site.GetPage "docs/long" }}{{ .Summary | plainify | countwords }}|{{ .Truncated }}|'
                 "{{ .WordCount }}|{{ .FuzzyWordCount }}|{{ .ReadingTime }}|{{ .Len }}{{ end }}"),
        "short": ('{{ with site.GetPage "docs/q" }}{{ .Summary }}|{{ .Truncated }}|{{ .Plain }}|{{ .PlainWords }}'
                  "|{{ .Content }}{{ end }}"),
        "longer": ('{{ with site.GetPage "docs/longer" }}{{ .Summary | plainify | countwords }}|{{ .Truncated }}|'
                   "{{ .WordCount }}{{ end }}"),
        "divided": '{{ with site.GetPage "docs/cut" }}{{ .Summary }}|{{ .Truncated }}|{{ .WordCount }}{{ end }}',
        "written": '{{ with site.GetPage "docs/front" }}{{ .Summary }}|{{ .Truncated }}{{ end }}',
        "own": ("[{{ .Page.WordCount }}|{{ .Page.Summary }}|{{ .Page.Plain }}|{{ .Page.ReadingTime }}|"
                "{{ .Page.Content }}|{{ .Page.Truncated }}|{{ .Page.Len }}|{{ .Page.PlainWords }}]"),
    }, {"content/docs/long.md": "---\ntitle: Long\n---\n" + "\n\n".join(
            [words + " first.", "## A heading here", words + " second.", "- item " + words, words + " fourth."]) + "\n",
        "content/docs/longer.md": "---\ntitle: Longer\n---\n" + "\n\n".join(
            [words + " one.", words + " two.", words + " three.", words + " four."]) + "\n",
        "content/docs/cut.md": "---\ntitle: Cut\n---\nBefore *the* cut.\n\n<!--more-->\n\nAfter the cut.\n",
        "content/docs/front.md": "---\ntitle: Front\nsummary: A *front* summary\n---\nBody text here.\n"})
    # all five blocks: the last </p> is after the 70th word; nothing follows, so not truncated
    # (hugo 0.168.0; 0.149.1 says truncated, for the line end after the last </p>)
    assert printed["auto"] == "127|false|127|200|1|553"
    assert printed["short"] == "<p>Words.</p>|false|Words.\n|[Words.]|<p>Words.</p>"
    assert printed["longer"] == "93|true|124"  # three paragraphs of four
    assert printed["divided"] == "<p>Before <em>the</em> cut.</p>|true|6"
    assert printed["written"] == "A <em>front</em> summary|false"
    assert printed["own"] == "[0|||0||false|0|[]]"


def test_the_content_of_a_page_with_shortcodes_is_not_guessed_at():
    """Its shortcodes would have to run as that page's, not as the calling page's."""
    class Other:
        body, meta, rel = "A {{< note >}}x{{< /note >}}.", {}, "docs/o.md"

    call = Call(get=lambda key: "", inner="", markdownify=str, get_page=lambda path: Other(),
                render_content=lambda page, text: None)
    with pytest.raises(NotSimple, match='the content of the page "docs/o.md"'):
        run_template(compile_template('{{ (site.GetPage "o").Summary }}'), call)


def test_relearns_pages_kind_and_limit_and_the_options_it_does_not_follow(tmp_path):
    """Relearn 9's pages: kind="leaf" lists pages only, "branch" sections only; limit=N the
    first N; where= and groupby= are named in a warning (the list is printed without them)."""
    import datetime as dt

    from manualgen.config import load_settings
    from manualgen.content import discover
    from manualgen.errors import Findings
    from manualgen.render import render_language

    files = {"hugo.toml": 'baseURL = "https://example.org/"\ntitle = "T"\n',
             "content/_index.md": "---\ntitle: Home\n---\n",
             "content/g/_index.md": ("---\ntitle: Guide\n---\nLEAF\n\n{{% pages kind=\"leaf\" %}}\n\nBRANCH\n\n"
                                     "{{% pages kind=\"branch\" %}}\n\nTWO\n\n{{% pages limit=\"2\" %}}\n\n"
                                     "WHERE\n\n{{% pages where=\"params.x = 1\" %}}\n\nCHILD\n\n"
                                     "{{% children limit=\"1\" %}}\n\nEND\n"),
             "content/g/a.md": "---\ntitle: Apage\nweight: 1\n---\nA.\n",
             "content/g/s/_index.md": "---\ntitle: Ssection\nweight: 2\n---\n",
             "content/g/s/in.md": "---\ntitle: Inner\n---\nI.\n",
             "content/g/z.md": "---\ntitle: Zpage\nweight: 3\n---\nZ.\n"}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    settings = load_settings(tmp_path)
    findings = Findings()
    home = discover(settings, "en", findings, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    html = {r.page.rel: r.html for r in render_language(settings, "en", home, findings).pages}["g/_index.md"]
    import re

    def titles(start, end):
        return re.findall(r">(Apage|Ssection|Inner|Zpage)<", html[html.index(start):html.index(end)])
    assert titles("LEAF", "BRANCH") == ["Apage", "Zpage"]  # Ssection left out, Inner with it
    assert titles("BRANCH", "TWO") == ["Ssection"]
    assert titles("TWO", "WHERE") == ["Apage", "Ssection"]
    assert titles("WHERE", "CHILD") == ["Apage", "Ssection", "Zpage"]
    assert titles("CHILD", "END") == ["Apage", "Ssection", "Zpage"]  # children has no limit
    (warned,) = [f for f in findings if f.code == "unknown-param"]
    assert warned.line == 18 and 'pages: where="params.x = 1" is not followed' in warned.message


def test_hugo_environment_is_the_builds():
    """hugo.Environment and its questions: the manual is built as Hugo builds the site to
    publish it (HUGO_ENVIRONMENT names another environment, for both), never by its server."""
    source = "[{{ hugo.Environment }}|{{ hugo.IsProduction }}|{{ hugo.IsDevelopment }}|{{ hugo.IsServer }}]"
    assert run(source) == "[production|true|false|false]"
    assert run(source, environment="development") == "[development|false|true|false]"
