"""The HB framework (Hugo Bootstrap, hbstack.dev) in print: its shortcodes come with Hugo
modules (hugomods/bootstrap, hugomods/asciinema) that are no folder of the site, and its own
docs site reads code snippets from each page bundle with ``.Resources.GetMatch``."""

from __future__ import annotations

import re

from .conftest import page
from .test_convert import Site, squeeze
from .test_own_layouts import _html


def test_alerts_print_framed_with_the_label_of_their_kind(tmp_path):
    site = Site(tmp_path)
    html = squeeze(site.render(
        "{{< bootstrap/alert info >}}\n{{% markdownify %}}\nUse `HUGO_MODULE_PROXY` here.\n"
        "{{% /markdownify %}}\n{{< /bootstrap/alert >}}\n\n"
        '{{% bs/alert style="danger" %}}Do **not** do that.{{% /bs/alert %}}\n\n'
        "{{< bs/alert >}}Plain words.{{< /bs/alert >}}"))
    assert ('<aside class="alert alert-info" role="note"><p class="alert-label mg-label">Information'
            '</p><div class="alert-body"><p>Use <code>HUGO_MODULE_PROXY</code> here.</p>') in html, html
    assert re.search(r'<aside class="alert alert-danger" role="note"><p class="alert-label mg-label">'
                     r"[^<]+</p><div class=\"alert-body\">\s*<p>Do <strong>not</strong> do that.</p>",
                     html), html
    assert '<aside class="alert alert-primary" role="note">' in html and "Plain words." in html
    assert not [f for f in site.findings if f.code == "unknown-shortcode"], list(site.findings)


def test_a_collapse_prints_open_under_its_heading_and_a_config_toggle_its_first_tab(tmp_path):
    site = Site(tmp_path)
    html = squeeze(site.render(
        '{{< bs/collapse "Install Go on Arch Linux" >}}\n```sh\nsudo pacman -S go\n```\n'
        "{{< /bs/collapse >}}\n\n"
        '{{% bootstrap/collapse heading="Schreibt Statistiken" style=primary expand=true %}}'
        "Sammelt die *Klassen*.{{% /bootstrap/collapse %}}\n\n"
        "{{< bs/config-toggle hugo >}}\nmodule:\n  proxy: https://goproxy.cn\n{{< /bs/config-toggle >}}\n\n"
        '{{< bootstrap/config-toggle filename=params langs="yaml,toml" >}}\nfoo: 1\n'
        "{{< /bootstrap/config-toggle >}}"))
    assert re.search(r'<details open class="mg-expand"><summary>Install Go on Arch Linux</summary>'
                     r'<pre[^>]*><code class="language-sh"[^>]*>sudo pacman -S go', html), html
    assert ('<summary>Schreibt Statistiken</summary><p>Sammelt die <em>Klassen</em>.</p></details>'
            in html), html
    # TOML first by default, as Hugo's transform.Remarshal writes it, under "hugo.toml"
    assert re.search(r'<div class="code-filename">hugo.toml</div><pre[^>]*><code class="language-toml"'
                     r"[^>]*>\[module\]\nproxy = &#39;https://goproxy.cn&#39;", html), html
    # a site that opens YAML first: the configuration as written, under "params.yaml"
    assert re.search(r'<div class="code-filename">params.yaml</div><pre[^>]*><code class="language-'
                     r'yaml"[^>]*>foo: 1', html), html
    assert not [f for f in site.findings if f.code == "unknown-shortcode"], list(site.findings)


def test_a_recording_of_asciinema_org_prints_its_address(tmp_path):
    html = Site(tmp_path).render("{{< asciinema id=576711 speed=2 >}}")
    assert "Asciinema</span> https://asciinema.org/a/576711</p>" in html


def test_a_snippet_found_in_the_bundle_by_a_glob_prints_as_the_page_wrote_it(tmp_path):
    """hbstack.dev's code-snippet: ``.Page.Resources.GetMatch "{code/NAME,codes/NAME}"`` and
    its ``.Content``, a file without an extension holding a fenced block; the glob is matched
    without regard to case, as Hugo matches it."""
    snippet = ('{{- $name := printf "{code/%s,codes/%s}" (.Get 0) (.Get 0) }}'
               "{{- with .Page.Resources.GetMatch $name }}{{- .Content | safeHTML }}"
               '{{- else }}{{- warnf "code snippet not found: %s" $name }}{{- end }}')
    html, findings = _html(tmp_path, {
        "layouts/shortcodes/code-snippet.html": snippet,
        "layouts/shortcodes/files.html": "{{ range .Page.Resources.Match \"codes/*\" }}[{{ .Name }}]{{ end }}",
        "content/de/install/index.md": page("Installieren", 1, body=(
            "Klonen:\n\n{{% code-snippet clone %}}\n\nDann:\n\n{{% code-snippet Config.YAML %}}\n\n"
            "{{% code-snippet fehlt %}}\n\nDateien: {{< files >}}\n")),
        "content/de/install/codes/clone": "```sh\ngit clone --depth 1 https://example.org/theme blog\n```\n",
        "content/de/install/codes/config.yaml": "```yaml\nbuild:\n  writeStats: true\n```\n",
    })
    body = html.split('id="p-install"')[1]
    assert re.search(r'<code class="language-sh"[^>]*>git clone --depth 1 https://example.org/theme blog',
                     body), body
    assert re.search(r'<code class="language-yaml"[^>]*>build:\n  writeStats: true', body), body
    assert "Dateien: [codes/clone][codes/config.yaml]" in body
    assert [f.message for f in findings if f.code == "shortcode-template"] == [
        ('shortcode "code-snippet" warns (its template\'s warnf): code snippet not found: '
         "{code/fehlt,codes/fehlt}")]
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings
