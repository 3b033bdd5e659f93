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
