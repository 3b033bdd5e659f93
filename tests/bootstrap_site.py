"""A small site in the shape of Bootstrap's documentation (twbs/bootstrap, Hugo era): the
Hugo config at the project's root mounts ``site/content`` and ``site/layouts``, the docs live
under ``docs/<version>/``, and the pages use the site's own shortcodes: ``example`` (the
HTML rendered and its source below), ``callout`` around a ``partial`` that names a Markdown
file of ``layouts/partials/callouts``, ``docsref`` inside a link, ``placeholder`` pictures,
``bs-table``, ``js-docs``/``scss-docs`` (a named region of a source file of the project),
``param`` and ``markdown``; the Sass file is in the mounted assets folder, the JavaScript
file outside the folders manualgen reads (as in Bootstrap's repository).  An inline shortcode (``{{< name.inline >}}``) holds Go template
code.  Planted for ``check``: a ``js-docs`` whose file is not in the project and an
``scss-docs`` whose region the file lacks.  The library and its words are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import write_site

HUGO_YML = """\
languageCode: "en"
title: "Gridkit"
baseURL: "https://gridkit.example.org"
enableInlineShortcodes: true
disableKinds: ["404", "taxonomy", "term", "RSS"]
markup:
  goldmark:
    renderer:
      unsafe: true
module:
  mounts:
    - source: site/content
      target: content
    - source: site/layouts
      target: layouts
    - source: site/static
      target: static
    - source: site/assets
      target: assets
params:
  docs_version: "2.1"
  current_version: "2.1.4"
  repo: "https://github.com/example/gridkit"
"""

def _region_template(kind: str) -> str:
    """A template that prints the region ``name`` of a source file, found as the real ones
    find it: a regular expression with a choice inside a repeat, which manualgen does not
    run (Python's engine can take exponential time on it)."""
    return ('{{- $name := .Get "name" -}}{{- $text := readFile (.Get "file") -}}'
            f'{{{{- $from := printf "// {kind}-docs-start %s\\n" $name -}}}}'
            f'{{{{- $to := printf "// {kind}-docs-end %s" $name -}}}}'
            '{{- $found := findRE (printf `%s(?:.|\\n)*%s` $from $to) $text 1 -}}'
            '{{- with $found }}{{ highlight (replace (replace (index . 0) $from "") $to "") "'
            f'{kind}" "" }}}}{{{{ else }}}}{{{{ errorf "no region %q" $name }}}}{{{{ end -}}}}\n')


# The site's own Hugo templates, in the folder the config mounts as layouts: our own words,
# built from the same kinds of actions as the real ones, which decide what manualgen does with
# them: the callout, markdown and example ones are simple enough to run (the example shaped
# as the real one: its preview, a toolbar with the language and two icon buttons, the code
# through replaceRE and highlight); the others (site.Data, relref, a region's regular
# expression, partial, replace) are printed by manualgen's own templates.
LAYOUTS = {
    "example.html":
        '{{- $class := .Get "class" -}}\n{{- $lang := .Get "lang" | default "html" -}}\n'
        '{{- $preview := .Get "show_preview" | default true -}}\n'
        '{{- $markup := .Get "show_markup" | default true -}}\n'
        '<div class="bd-example-snippet bd-code-snippet">\n'
        '  {{- if eq $preview true -}}\n'
        '  <div class="bd-example{{ with $class }} {{ . }}{{ end }}">{{- .Inner -}}</div>\n'
        '  {{- end -}}\n'
        '  {{- if eq $markup true -}}\n'
        '    {{- if eq $preview true -}}\n'
        '      <div class="d-flex highlight-toolbar"><small class="text-uppercase">{{- $lang -}}</small>\n'
        '        <button type="button" class="btn-edit" title="Open it in an online editor">'
        '<svg class="bi" role="img" aria-label="Edit"><use xlink:href="#pencil"/></svg></button>\n'
        '        <button type="button" class="btn-clipboard" title="Copy to clipboard">'
        '<svg class="bi" role="img" aria-label="Copy"><use xlink:href="#clipboard"/></svg></button>\n'
        '      </div>\n'
        '    {{- end -}}\n'
        '    {{- $code := replaceRE `<svg class="bd-placeholder-img ?(.*?)".*?</svg>` '
        '`<img src="..." class="$1" alt="...">` .Inner -}}\n'
        '    {{- highlight (trim $code "\\n") $lang "" -}}\n'
        '  {{- end -}}\n</div>\n',
    "callout.html":
        '{{- $css_class := .Get 0 | default "info" -}}\n\n'
        '<div class="bd-callout bd-callout-{{ $css_class }}">\n{{ .Inner | markdownify }}\n</div>\n',
    "partial.html": '{{- partial (.Get 0) . -}}\n',
    "docsref.html": '{{- relref . (path.Join "docs" $.Site.Params.docs_version (.Get 0)) | relURL -}}\n',
    "placeholder.html":
        '{{- $background := .Get "background" | default (index $.Site.Data.grays 5).hex -}}\n'
        '{{- $text := .Get "text" | default (printf "%sx%s" (.Get "width") (.Get "height")) -}}\n'
        '<svg class="bd-placeholder-img{{ with .Get "class" }} {{ . }}{{ end }}" '
        'width="{{ .Get "width" | default "100%" }}" height="{{ .Get "height" | default "180" }}">'
        '<rect width="100%" height="100%" fill="{{ $background }}"/>'
        '<text x="50%" y="50%">{{ $text }}</text></svg>',
    "bs-table.html":
        '{{- $html := .Inner | markdownify -}}\n'
        '{{- replace $html "<table>" (printf `<table class="%s">` (.Get 0 | default "table")) | safeHTML -}}\n',
    "js-docs.html": _region_template("js"),
    "scss-docs.html": _region_template("scss"),
    "markdown.html": '{{- .Inner | markdownify -}}\n',
    "param.html":
        '{{- $name := .Get 0 -}}\n{{- with $name -}}{{- $value := $.Page.Param . -}}'
        '{{- with $value }}{{ . }}{{ end -}}{{- end -}}\n',
}

HOME = """\
---
title: Gridkit
layout: home
---
"""

DOCS_INDEX = """\
---
title: Documentation
---

Everything about Gridkit {{< param current_version >}}.
"""

INTRODUCTION = """\
---
layout: docs
title: Introduction
description: Start with Gridkit's ready-made files or its package.
group: getting-started
aliases:
  - "/docs/"
toc: true
---

## Quick start

Add the stylesheet to the `<head>` of your page. Version {{< param current_version >}} is
the newest.

```html
<link href="gridkit.min.css" rel="stylesheet">
```

{{< callout warning >}}
Gridkit needs **HTML5**: pages in quirks mode render oddly.
{{< /callout >}}

See the [alerts]({{< docsref "/components/alerts" >}}) and the
[colour utilities]({{< docsref "/utilities/colors#text-colours" >}}) next.
"""

ALERTS = """\
---
layout: docs
title: Alerts
description: Short messages for what a reader has just done.
group: components
toc: true
---

## Examples

Write an alert with the class `.alert` and one of the colour classes:

{{< example >}}
<div class="alert alert-primary" role="alert">
  A plain alert: read it and carry on.
</div>
<div class="alert alert-danger" role="alert">
  Something went wrong while saving.
</div>
{{< /example >}}

{{< callout info >}}
{{< partial "callouts/colour-is-not-enough.md" >}}
{{< /callout >}}

### With a picture

{{< example class="d-flex gap-2" >}}
<div class="card">
  {{< placeholder width="100%" height="120" class="card-img-top" text="Picture on top" >}}
  <div class="card-body">A card with a placeholder picture.</div>
</div>
{{< /example >}}

### Only the markup

{{< example show_preview="false" lang="js" >}}
const alert = gridkit.Alert.getOrCreate('#myAlert')
alert.close()
{{< /example >}}

### Generated

{{< example >}}
{{< alerts.inline >}}
{{- range (index $.Site.Data "colours") }}
<div class="alert alert-{{ .name }}" role="alert">A {{ .name }} alert.</div>
{{- end -}}
{{< /alerts.inline >}}
{{< /example >}}

## Classes

{{< bs-table "table table-sm" >}}
| Class | What it does |
| --- | --- |
| `.alert` | The frame and the padding |
| `.alert-dismissible` | Room for a close button |
{{< /bs-table >}}

## JavaScript

### Data attributes

{{< js-docs name="data-api" file="js/src/alert.js" >}}

### Methods

{{< js-docs name="methods" file="js/src/missing.js" >}}

## Sass

{{< scss-docs name="alert-variables" file="site/assets/scss/_variables.scss" >}}

{{< scss-docs name="no-such-region" file="site/assets/scss/_variables.scss" >}}

{{< markdown >}}
Every variable ends in `!default`, so **your** value wins.
{{< /markdown >}}
"""

COLORS = """\
---
layout: docs
title: Colours
description: Text colour utilities.
group: utilities
toc: true
---

{{< callout info >}}
{{< partial "callouts/colour-is-not-enough.md" >}}
{{< /callout >}}

## Text colours

{{< example >}}
<p class="text-primary">.text-primary</p>
<p class="text-muted">.text-muted</p>
{{< /example >}}

Back to the [alerts]({{< docsref "/components/alerts#examples" >}}).
"""

CALLOUT_COLOUR = """\
##### Colour alone is not enough

A colour only adds meaning for readers who see it. Say the same thing in the text too, or
with a hidden label for screen readers.
"""

ALERT_JS = """\
/**
 * gridkit alert.js
 */
import Base from './base.js'

// js-docs-start data-api
enableDismissTrigger(Alert, 'close')
// js-docs-end data-api

export default Alert
"""

VARIABLES_SCSS = """\
// Variables

// scss-docs-start alert-variables
$alert-padding-y:       1rem !default;
$alert-padding-x:       1rem !default;
// scss-docs-start alert-inner
$alert-border-width:    1px !default;
// scss-docs-end alert-inner
// scss-docs-end alert-variables
"""


def files() -> dict[str, str]:
    found = {"hugo.yml": HUGO_YML}
    found.update({f"site/layouts/shortcodes/{name}": text for name, text in LAYOUTS.items()})
    found.update({
        "site/content/_index.html": HOME,
        "site/content/docs/2.1/_index.md": DOCS_INDEX,
        "site/content/docs/2.1/getting-started/introduction.md": INTRODUCTION,
        "site/content/docs/2.1/components/alerts.md": ALERTS,
        "site/content/docs/2.1/utilities/colors.md": COLORS,
        "site/layouts/partials/callouts/colour-is-not-enough.md": CALLOUT_COLOUR,
        "data/grays.yml": "".join(f"- name: {n}\n  hex: '#{h}'\n" for n, h in (
            ("100", "f8f9fa"), ("200", "e9ecef"), ("300", "dee2e6"), ("400", "ced4da"),
            ("500", "adb5bd"), ("600", "6c757d"))),
        "js/src/alert.js": ALERT_JS,
        "site/assets/scss/_variables.scss": VARIABLES_SCSS,
    })
    return found


def write_bootstrap_site(root: Path) -> Path:
    return write_site(root, files(), hugo=None)
