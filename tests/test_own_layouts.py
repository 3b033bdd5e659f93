"""Sites with no theme and layouts of their own (Longhorn's, Linkerd's, rclone's kind):
their shortcodes read the page's address, wrap screenshots in links to themselves, and
the print must show what a reader of the web page sees."""

from __future__ import annotations

import re

import pytest

from manualgen.build import BuildOptions, build
from manualgen.go_functions import FUNCTIONS

from .conftest import HUGO_TOML, page, png_bytes, without_name_spans, write_site


def _html(tmp_path, files: dict, hugo: str = HUGO_TOML) -> tuple[str, list]:
    site = write_site(tmp_path / "site", {"content/de/_index.md": page("Home", body="Start."), **files},
                      hugo)
    result = build(site, BuildOptions(langs=["de"], out=tmp_path / "out", html=True, no_cache=True))
    return without_name_spans(result.results[0].html.read_text(encoding="utf-8")), list(result.findings)


def test_a_shortcode_reads_the_version_from_its_pages_address(tmp_path):
    """A versioned docs site prints the version a page belongs to by splitting the page's
    .Page.RelPermalink, even inside a code block."""
    html, findings = _html(tmp_path, {
        "layouts/shortcodes/doc-version.html":
            '{{- index (split (replace .Page.RelPermalink "/archives" "") "/") 3 -}}\n',
        "layouts/shortcodes/here.html": "<kbd>{{ .Page.Permalink }}</kbd>",
        "content/de/guide/2.4/_index.md": page("Guide", 1),
        "content/de/guide/2.4/setup.md": page(
            "Setup", 1, body="Get v{{< doc-version >}} from {{< here >}}.\n\n"
                             "```sh\ncurl -O https://get.example/v{{< doc-version >}}/tool\n```\n"),
    })
    assert "Get v2.4 from <kbd>https://example.org/docs/guide/2.4/setup/</kbd>." in html
    assert "https://get.example/v2.4/tool" in html
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings


def test_a_screenshot_linked_to_its_own_file_prints_without_the_files_address(tmp_path):
    """A figure shortcode (and Markdown's [![](x.png)](x.png)) wraps the screenshot in a link
    that opens it full size: the reader of the paper sees the picture, not its address."""
    html, findings = _html(tmp_path, {
        "static/img/dialog.png": png_bytes(),
        "content/de/guide/bundle/index.md": page(
            "Bundle", 1, body="[![Dialog](dialog.png)](dialog.png)\n\n"
                              "[![Dialog](/img/dialog.png)](/img/missing.png)\n"),
        "content/de/guide/bundle/dialog.png": png_bytes(),
        "layouts/shortcodes/shot.html":
            '<figure><a href="{{ .Get "src" | relURL }}" target="_blank">'
            '<img src="{{ .Get "src" | relURL }}"></a></figure>',
        "content/de/guide/steps.md": page("Steps", 2, body='1. Click **OK**.\n\n'
                                          '{{< shot src="/img/dialog.png" >}}\n'),
    })
    assert "dialog.png" not in re.sub(r"<img [^>]*>", "", html.split('id="p-guide-bundle"')[1])\
        .split("missing.png")[0], html
    assert not re.search(r'<a href="[^"]*dialog\.png"', html), html
    # a link to a picture the site does not have is still a broken link, and said so
    assert [f.message for f in findings if f.code == "broken-link"] == [
        ('link "/img/missing.png" points to no page of this manual and no file of the site; '
         "it prints as plain text")]


def test_a_partial_that_returns_an_icon_read_from_the_assets(tmp_path):
    """Linkerd's alert: a shortcode builds its classes with append and delimit, and calls a
    partial that reads an SVG with resources.Get and gives it back with return."""
    html, findings = _html(tmp_path, {
        "assets/icons/info.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
                                 '<circle cx="4" cy="4" r="3"/></svg>\n\n',
        "layouts/_partials/icon.html":
            '{{ $svg := "" }}{{ with resources.Get (printf "icons/%s.svg" .) }}'
            '{{ $svg = .Content }}{{ end }}'
            '{{ if $svg }}{{ return ($svg | replaceRE "<svg " "<svg class=\\"icon\\" " '
            '| chomp | safeHTML) }}{{ else }}{{ warnf "no icon %q" . }}{{ end }}',
        "layouts/shortcodes/tip.html":
            '{{- $class := slice "alert" }}{{ $class = $class | append "alert--tip" }}'
            '<div class="{{ delimit $class " " }}"><div class="alert__title">'
            '{{ partial "icon" "info" }}<h4>Tip</h4></div>{{ .Inner | markdownify }}'
            '{{ partial "icon" "none" }}</div>',
        "content/de/guide.md": page("Guide", 1, body="{{< tip >}}Use **both**.{{< /tip >}}\n"),
    })
    assert re.search(r'<div class="alert alert--tip"><div class="alert__title"><svg class="icon" '
                     r'[^>]*><circle [^>]*></circle></svg><h\d>Tip</h\d></div>Use <strong>both'
                     r'</strong>.</div>', html), html
    assert [f.message for f in findings if f.code == "shortcode-template"] == [
        'shortcode "tip" warns (its template\'s warnf): no icon "none"']
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings


def test_an_icon_beside_a_heading_is_decoration_with_its_namespace_as_written(tmp_path):
    html, _ = _html(tmp_path, {"content/de/guide.md": page("Guide", 1, body=(
        '<div class="note"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
        '<circle cx="4" cy="4" r="3"/></svg><h4>Careful</h4></div>\n\n'
        'Then <svg viewBox="0 0 8 8"><title>gear</title><circle r="3"/></svg> turns.\n'))})
    icon = re.search(r"<svg [^>]*>", html.split("Careful")[0].rsplit('class="note"', 1)[1]).group(0)
    assert 'aria-hidden="true"' in icon and 'xmlns="http://www.w3.org/2000/svg"' in icon, icon
    assert "xmlns:xmlns" not in html and "<title>gear</title>" in html


def test_the_pages_below_a_redirecting_section_are_printed_under_its_title(tmp_path):
    """Linkerd's docs folder: its _index.md only redirects (layout: redirect); Hugo still
    publishes every page below it."""
    html, findings = _html(tmp_path, {
        "content/de/docs/_index.md": "---\ntitle: Docs\nlayout: redirect\n"
                                     "params:\n  redirect: ./start\n---\n",
        "content/de/docs/start.md": page("Start", 1, body="Begin here."),
        "content/de/docs/tasks/more.md": page("More", 2, body="Then this."),
        "content/de/old/_index.md": "---\ntitle: Old\nlayout: redirect\n---\n",
    })
    assert "Begin here." in html and "Then this." in html
    assert re.search(r'<h1 class="page-title"[^>]*>.*Docs</h1>', html), html
    notes = sorted(f.message for f in findings if f.code == "not-printed")
    assert notes == ["not printed: a redirect (layout: redirect)",
                     ("not printed: a redirect (layout: redirect): only its title is printed, "
                      "over the pages below it")], notes


def test_a_table_made_from_a_folder_of_data_files(tmp_path):
    """rclone's features table: a range over hugo.Data.backends (one file per backend),
    sorted by name, a continue, urlize, in, isset, and a partial per cell."""
    html, findings = _html(tmp_path, {
        "data/backends/zeta.yaml": "name: Zeta Store\nbackend: zeta store\nfeatures: [Copy]\n",
        "data/backends/alpha.yaml": "name: Alpha\nbackend: Alpha\nfeatures: [IsLocal]\nprecision: 1\n",
        "data/backends/hidden.yaml": "name: Hidden\nbackend: hidden\nvirtual: true\n",
        "layouts/partials/yes.html": "{{ if . }}yes{{ else }}no{{ end }}",
        "layouts/shortcodes/backends.html":
            '<table><tbody>{{ range sort hugo.Data.backends "name" "asc" }}'
            "{{ if .virtual }}{{ continue }}{{ end }}"
            '<tr><td><a href="https://example.org/{{ .backend | urlize }}">{{ .name }}</a></td>'
            '<td>{{ partial "yes.html" (in .features "IsLocal") }}</td>'
            '<td>{{ if isset . "precision" }}{{ .precision }}{{ else }}-{{ end }}</td></tr>'
            "{{ end }}</tbody></table>",
        "content/de/guide.md": page("Guide", 1, body="{{< backends >}}\n"),
    })
    rows = re.findall(r"<tr>.*?</tr>", html, re.DOTALL)
    assert [re.sub(r"(?:<[^>]+>)+", "|", r) for r in rows] == [
        "|Alpha|yes|1|", "|Zeta Store|no|-|"], rows
    assert 'href="https://example.org/zeta-store"' in html
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings


@pytest.mark.parametrize(("text", "path"), [
    # what Hugo 0.149.1 printed for {{ . | urlize }}
    ("Hello World", "hello-world"), ("a.b_c/D", "a.b_c/d"), ("Café au lait", "caf%C3%A9-au-lait"),
    ("x?y=z&w", "xyzw"), ("100%", "100"), ("a  b", "a-b"), ("(paren)", "paren"),
    ("#hash", "#hash"), ("a--b c", "a--b-c"), ("a - b", "a-b"), (" lead", "lead"),
    ("trail ", "trail"), ("x%2Fy", "x%2fy"), ("A/B C", "a/b-c"), ("e\u0301t\u00e9", "e%CC%81t%C3%A9"),
])
def test_urlize_makes_the_path_hugo_makes(text, path):
    assert FUNCTIONS["urlize"][0](text) == path


def test_a_headings_own_permalink_prints_nothing_but_the_heading(tmp_path):
    """Gitea's h2 shortcode writes a "#" link to the heading itself before its words; a
    heading may also be all link to itself.  Neither is a cross-reference on paper."""
    html, _ = _html(tmp_path, {
        "layouts/shortcodes/h2.html": '{{ $anchorized := anchorize .Inner }}\n\n<h2 id="{{ $anchorized }}">'
                                      '\n\t<a href="#{{ $anchorized }}"><small>#</small></a>\n\t{{ .Inner }}\n</h2>\n',
        "content/de/guide.md": page("Guide", 1, body=(
            "{{< h2 >}}From Binary Files{{< /h2 >}}\n\nSee [the binaries](#from-binary-files).\n\n"
            '<h3 id="whole"><a href="#whole">All of it</a></h3>\n\nText.\n')),
    })
    heading = re.search(r"<h\d[^>]*>\s*From Binary Files\s*</h\d>", html)
    assert heading and "<small>" not in html, html
    assert re.search(r'<h\d id="[^"]*whole">(?:<a>)?All of it(?:</a>)?</h\d>', html), html
    assert re.search(r'<a href="#[^"]*from-binary-files" class="internal"[^>]*>the binaries</a>', html)


IMAGE_HOOK = """{{- $src := .Destination }}
{{- if not (or (hasPrefix .Destination "/") (hasPrefix .Destination "http")) }}
  {{- with $.Page.Resources.Get (strings.TrimPrefix "./" .Destination) }}
    {{- if eq .ResourceType "image" }}{{- $src = .RelPermalink }}{{- end }}
  {{- end }}
{{- end }}
{{- $a := merge (dict "alt" .Text "src" $src "class" "") .Attributes }}
{{- $attributes := "" }}
{{- range $k, $v := $a }}
  {{- if eq $k "class" }}{{- $v = printf "%s %s" "img" $v }}{{- end }}
  {{- if $v }}{{- $attributes = printf "%s %s=%q" $attributes $k $v }}{{- end }}
{{- end }}
{{- if .IsBlock }}
  <figure><img{{ $attributes | safeHTMLAttr }}>{{ with .Title }}<figcaption>{{ . | markdownify }}</figcaption>{{ end }}</figure>
{{- else }}
  <img{{ $attributes | safeHTMLAttr }}{{ with .Title }} title="{{ . }}"{{ end }}>
{{- end -}}
"""


def test_the_sites_image_render_hook_prints_its_figures_and_captions(tmp_path):
    """Linkerd's render-image.html: an image alone in its paragraph is a block (Goldmark's
    wrapStandAloneImageWithinParagraph off) printed as a figure with its title as caption;
    a bundle's picture is found with .Page.Resources.Get."""
    html, findings = _html(tmp_path, {
        "layouts/_default/_markup/render-image.html": IMAGE_HOOK,
        "static/img/top.png": png_bytes(),
        "content/de/guide/index.md": page("Guide", 1, body=(
            '![Topology](/img/top.png "The *whole* app")\n\n'
            "Click ![the gear](gear.png) then go on.\n")),
        "content/de/guide/gear.png": png_bytes(),
    }, HUGO_TOML + "[markup.goldmark.parser]\nwrapStandAloneImageWithinParagraph = false\n")
    assert re.search(r'<figure><img alt="Topology" class="img[^"]*" src="[^"]*top\.png"[^>]*>'
                     r"<figcaption>The <em>whole</em> app</figcaption></figure>", html), html
    assert re.search(r'Click\s+<img alt="the gear" class="img[^"]*" src="[^"]*gear\.png"[^>]*> then', html)
    assert not [f for f in findings if f.severity == "error"], findings


def test_an_image_hook_manualgen_cannot_run_leaves_the_image_as_goldmark_writes_it(tmp_path):
    html, findings = _html(tmp_path, {
        "layouts/_markup/render-image.html":
            '{{ with resources.GetRemote .Destination }}<img src="{{ .RelPermalink }}">{{ end }}',
        "static/img/top.png": png_bytes(),
        "content/de/guide.md": page("Guide", 1, body='![Top](/img/top.png "Top view")\n'),
    })
    assert re.search(r'<img alt="Top" src="[^"]*top\.png" title="Top view"', html), html
    assert not findings or all(f.severity != "error" for f in findings)


def test_a_description_that_repeats_the_title_is_printed_once(tmp_path):
    html, _ = _html(tmp_path, {
        "content/de/same.md": "---\ntitle: Overview of systems\ndescription: Overview of  systems\n"
                              "weight: 1\n---\nText.\n",
        "content/de/other.md": "---\ntitle: Memory\ndescription: The memory backend\nweight: 2\n---\nMore.\n",
    })
    assert "page-description" not in html.split('id="p-same"')[1].split('id="p-other"')[0]
    assert '<p class="page-description">The memory backend</p>' in html


def test_an_asset_address_made_by_a_shortcode_inside_an_image_prints_the_picture(tmp_path):
    """Contao's manual: ``![Dialog]({{% asset "images/x.png" %}}?classes=shadow)``, a shortcode
    that gives ``(resources.Get … | resources.Fingerprint).RelPermalink``; Hugo publishes the
    file below the baseURL's path. A path no asset has fails as Hugo's build does."""
    html, findings = _html(tmp_path, {
        "assets/images/dialog.png": png_bytes(),
        "layouts/shortcodes/asset.html":
            '{{ $res := resources.Get (.Get 0) }}{{- ($res | resources.Fingerprint).RelPermalink -}}',
        "layouts/shortcodes/where.html": '{{- (resources.Get (.Get 0)).RelPermalink -}}',
        "content/de/guide.md": page("Guide", 1, body=(
            'Öffne den Dialog.\n\n![Dialog]({{% asset "images/dialog.png" %}}?classes=shadow)\n\n'
            'Adresse: {{< where "images/dialog.png" >}}\n')),
        "content/de/broken.md": page("Broken", 2, body='![Nichts]({{% asset "images/none.png" %}})\n'),
    })
    assert re.search(r'<img [^>]*alt="Dialog"[^>]*src="file://[^"]*/assets/images/dialog\.png"', html) \
        or re.search(r'<img [^>]*src="file://[^"]*/assets/images/dialog\.png"[^>]*alt="Dialog"', html), html
    assert "Adresse: /docs/images/dialog.png" in html
    assert not [f for f in findings if f.code in ("missing-image", "unknown-shortcode")
                and "guide" in str(f.file)], findings
    (failed,) = [f for f in findings if f.code == "shortcode-template"]
    assert failed.severity == "error" and failed.line == 5 and failed.message.endswith(
        "error calling Fingerprint: <nil> can not be transformed"), failed.message


def test_a_themes_shortcode_called_as_its_partial_prints_through_manualgens_template(tmp_path):
    """Contao's faq shortcode hands its question and answer to Relearn's partial
    ``shortcodes/expand.html`` (the theme's documented way to reuse its shortcodes) and keeps
    them in ``.Page.Store`` for the page's layout: the question is printed above the answer,
    as the expand shortcode prints, whether the theme's partial is in the site or not."""
    faq = ('{{ $question := .Get 0 }}{{ if $question }}{{- partial "shortcodes/expand.html" (dict '
           '"page" .Page "content" .Inner "open" (.Get "open" | default "") "title" $question) }}'
           '{{ .Page.Store.Add "faqs" (slice (dict "question" $question "answer" .Inner)) }}{{ end }}')
    body = ('## Allgemein\n\n{{% faq "Wie ändere ich den Pfad?" %}}\nSetze `route_prefix` in der '
            '**config.yml**.\n{{% /faq %}}\n\n{{% faq "Wo ist das Log?" %}}\nIm Ordner `var/logs`.\n'
            '{{% /faq %}}\n')
    for theme in (False, True):
        files = {"layouts/shortcodes/faq.html": faq, "content/de/faq.md": page("FAQ", 1, body=body)}
        if theme:
            files["themes/relearn/layouts/partials/shortcodes/expand.html"] = (
                '{{ $id := partial "make-random-md5.hugo" }}<div class="expand">{{ .title }}'
                '{{ .content | safeHTML }}</div>')
        html, findings = _html(tmp_path / str(theme), files,
                               HUGO_TOML.replace('title = "Test manual"',
                                                 'title = "Test manual"\ntheme = "relearn"'))
        text = re.sub(r"\s+", " ", html.split('id="p-faq"')[1])
        assert re.search(r"<summary>Wie ändere ich den Pfad\?</summary> ?<p>Setze <code>route_prefix"
                         r"</code> in der <strong>config.yml</strong>.</p>", text), text
        assert "<summary>Wo ist das Log?</summary>" in text
        assert not [f for f in findings if f.code in ("unknown-shortcode", "shortcode-template")], findings


def test_a_tab_named_only_for_its_script_prints_its_name_above_its_content(tmp_path):
    """gobuffalo.io: the site's own tab writes its name in ``data-title``, which a script
    turns into the tab bar; on paper each tab prints under its name, as every tab does. A
    tab that prints its name itself keeps its one name."""
    html, findings = _html(tmp_path, {
        "layouts/shortcodes/codetabs.html": '<div class="codetab"><div class="tabs-container"></div>'
                                            '{{ .Inner }}</div>',
        "layouts/shortcodes/tab.html": '<div class="tab" data-title="{{ .Get 0 }}">\n'
                                       '{{ .Inner | markdownify }}\n</div>',
        "layouts/shortcodes/pane.html": '<div class="tab-pane" data-name="{{ .Get 0 }}">'
                                        '<p class="tab-title">{{ .Get 0 }}</p>{{ .Inner }}</div>',
        "content/de/helfer.md": page("Helfer", 1, body=(
            '{{< codetabs >}}\n{{< tab "actions/render.go" >}}\n```go\nr := render.New()\n```\n'
            '{{< /tab >}}\n{{< tab "Ausgabe" >}}\n```text\nHALLO\n```\n{{< /tab >}}\n'
            '{{< /codetabs >}}\n\n{{< pane "Schon benannt" >}}Text.{{< /pane >}}\n')),
    })
    body = html.split('id="p-helfer"')[1]
    assert re.findall(r'<p class="tab-title">([^<]*)</p>', body) == [
        "actions/render.go", "Ausgabe", "Schon benannt"], body
    assert body.index("actions/render.go</p>") < body.index("r := render.New()") \
        < body.index("Ausgabe</p>") < body.index("HALLO")
    assert not [f for f in findings if f.code == "unknown-shortcode"], findings
