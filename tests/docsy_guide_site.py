"""A small site in the shape of Docsy's own user guide (google/docsy, folder userguide): one
language whose content/en folder is mounted at content, a landing page written in HTML with
the block shortcodes, a docs tree with a page bundle that shows the theme's shortcodes
(tabpane and tab in code and text mode, cardpane and card, readfile of Markdown and of code
kept in the bundle's includes folder, imgproc with a byline from the front matter's
resources, iframe, swaggerui, pageinfo, alert, conditional-text), shortcode calls escaped
with ``/* */`` to show their source, and a blog whose posts sit in year folders that are no
sections.  The text is our own; only the shapes follow the real site."""

from __future__ import annotations

import io
from pathlib import Path

from .conftest import write_site

HUGO_YAML = """\
baseURL: https://lattice.example.org/
title: Lattice
enableRobotsTXT: true
theme: [docsy]

outputs:
  home: [HTML]
  page: [HTML]
  section: [HTML, RSS, print]

imaging:
  resampleFilter: CatmullRom
  quality: 75
  anchor: smart

languages:
  en:
    languageName: English
    params:
      description: Lattice lays out docs

markup:
  goldmark:
    parser:
      attribute:
        block: true
    renderer:
      unsafe: true
  highlight:
    noClasses: false

params:
  copyright:
    authors: >-
      Lattice Authors |
      [CC BY 4.0](https://creativecommons.org/licenses/by/4.0) |
    from_year: 2019
  version: 0.4.0
  github_repo: https://github.com/example/lattice
  buildCondition: lattice-web
  ui:
    sidebar_menu_compact: true
    feedback:
      enable: true

taxonomies:
  tag: tags

module:
  mounts:
    - source: content/en
      target: content
"""

LANDING = """\
+++
title = "Lattice"
linkTitle = "Lattice"
+++

{{< blocks/cover title="Lattice: a theme for docs" image_anchor="top" height="full" >}}
<div class="mx-auto">
\t<a class="btn btn-lg btn-primary me-3 mb-4" href="{{< relref "/docs" >}}">
\t\tRead the docs <i class="fa-solid fa-circle-right ms-2"></i>
\t</a>
\t<p class="lead mt-5">Pages that read well on every screen.</p>
\t{{< blocks/link-down color="info" >}}
</div>
{{< /blocks/cover >}}

{{% blocks/lead color="primary" %}}
Lattice is a made-up theme for **technical documentation**, written for this test.
{{% /blocks/lead %}}

{{< blocks/section color="dark" type="row" >}}
{{% blocks/feature icon="fa-lightbulb" title="Quick to **start**" %}}
Copy the example site and change the words.
{{% /blocks/feature %}}
{{% blocks/feature icon="fa-brands fa-github" title="Open to changes" url="https://github.com/example/lattice" %}}
Send a [pull request](https://github.com/example/lattice/pulls) with your fix.
{{% /blocks/feature %}}
{{< /blocks/section >}}
"""

SHORTCODES = """\
---
title: Lattice Shortcodes
linkTitle: Shortcodes
date: 2019-01-05
weight: 5
description: >
  Build pages with the theme's own shortcodes.
resources:
- src: "**spruce*.jpg"
  params:
    byline: "Photo: A. Forester / CC-BY-SA"
---

Lattice adds shortcodes of its own to Hugo's. A call with angle brackets,
`{{</* alert */>}}`, keeps its inner text as it is; a call with percent signs,
`{{%/* alert */%}}`, renders it as Markdown.

## Helpers

{{% alert title="Tip" %}}
Name a picture **featured** to use it as the page's card.
{{% /alert %}}

{{% pageinfo color="info" %}}
This page is a sample of every helper.
{{% /pageinfo %}}

{{< imgproc spruce Fill "400x300" >}}
A spruce shoot with its <i>new buds</i>.
{{< /imgproc >}}

The byline of a picture comes from the page's front matter:

```yaml
resources:
- src: "**spruce*.jpg"
  params:
    byline: "Photo: …"
```

{{< iframe src="https://status.example.com/lattice/" width="100%" >}}

## Tabbed panes

{{< tabpane langEqualsHeader=true >}}
{{< tab header="Settings:" disabled=true />}}
{{< tab "toml" >}}
[params]
flavour = "plain"
{{< /tab >}}
{{< tab "yaml" >}}
params:
  flavour: plain
{{< /tab >}}
{{< /tabpane >}}

{{< tabpane text=true right=true >}}
  {{% tab header="**Greetings**:" disabled=true /%}}
  {{% tab header="English" lang="en" %}}
  **Welcome!**
  {{% /tab %}}
  {{< tab header="German" lang="de" >}}
    <b>Willkommen!</b>
  {{< /tab >}}
{{< /tabpane >}}

## Card panes

{{% cardpane %}}
{{% card header="**Spruce**" title="\\*1901 &nbsp; †1990" subtitle="**Height:** 30 m" footer="Planted by the *first* warden" %}}
A tall tree of the north.
{{% /card %}}
{{% card header="**Fir**" title="\\*1925" subtitle="**Height:** 25 m" %}}
Its needles are soft.
{{% /card %}}
{{% /cardpane %}}

{{< card code=true header="**Go**" lang="go" >}}
package main

func main() { println("hi") }
{{< /card >}}

## Include external files

The following section explains how to install the tool:

{{% readfile "includes/installation.md" %}}

To set the tool up:

1.  Write a configuration file `config.yaml`:

    {{< readfile file="includes/config.yaml" code="true" lang="yaml" >}}

1.  Apply it with `lattice apply config.yaml`.

{{< readfile file="includes/deploy.yaml" code="true" lang="yaml" draft="true" >}}

## Conditional text

{{% conditional-text include-if="lattice-web" %}}
This line is only in the web build.
{{% /conditional-text %}}

{{% conditional-text include-if="lattice-print" %}}
This line is only in the print build.
{{% /conditional-text %}}
"""

INSTALLATION = """\
## Installation

{{% alert title="Note" color="primary" %}}
Check that your system is supported first.
{{% /alert %}}

1.  Download the files.

1.  Run the installer:

    `sudo sh install.sh`
"""

FILES = {
    "hugo.yaml": HUGO_YAML,
    "content/en/_index.html": LANDING,
    "content/en/about/_index.md": """\
        ---
        title: About Lattice
        linkTitle: About
        menu: {main: {weight: 10}}
        ---

        {{< blocks/cover title="About Lattice" image_anchor="bottom" height="auto" >}}
        A theme for pages that are read more than once.
        {{< /blocks/cover >}}

        {{% blocks/lead %}}
        Lattice started as the docs of a small library and grew from there.
        {{% /blocks/lead %}}
        """,
    "content/en/docs/_index.md": """\
        ---
        title: Welcome to Lattice
        linkTitle: Documentation
        menu: {main: {weight: 20}}
        weight: 20
        ---

        Lattice is a theme for **technical documentation** sites. These pages explain
        how to install it, how to write content for it and how to change its look.
        """,
    "content/en/docs/get-started/_index.md": """\
        ---
        title: Get started
        weight: 2
        description: Install the theme and build your first site.
        ---

        Pick the way that suits you best.
        """,
    "content/en/docs/get-started/quickstart.md": """\
        ---
        title: Quick start
        weight: 1
        description: >
          The fastest way to a working site.
        ---

        1.  Install Hugo (extended edition).
        1.  Copy the example site:

            ```bash
            git clone https://github.com/example/lattice-example.git my-site
            ```

        1.  Run `hugo server` in the new folder.
        """,
    "content/en/docs/get-started/other-options.md": """\
        ---
        title: Other setup options
        linkTitle: Other options
        weight: 3
        ---

        You can also add the theme as a Git submodule, or copy its files by hand.
        """,
    "content/en/docs/get-started/prerequisites.md": """\
        ---
        title: Prerequisites
        weight: 2
        ---

        | Tool | Version |
        |------|---------|
        | Hugo | 0.146 or later, extended |
        | Node | 20 or later |
        """,
    "content/en/docs/adding-content/_index.md": """\
        ---
        title: Content and customization
        weight: 3
        description: Write pages and change the theme's look.
        ---
        """,
    "content/en/docs/adding-content/content.md": """\
        ---
        title: Adding content
        weight: 1
        description: Sections, pages and page bundles.
        ---

        {{% pageinfo %}}
        These pages use the **docs** layout.
        {{% /pageinfo %}}

        A page bundle is a folder with an `index.md` and the files the page uses. The
        [layouts](/docs/adding-content/layouts/) page tells more.

        {{% alert title="Warning" color="warning" %}}
        A folder with `_index.md` is a section, not a bundle.
        {{% /alert %}}
        """,
    "content/en/docs/adding-content/lookandfeel.md": """\
        ---
        title: Look and feel
        weight: 2
        ---

        Override the colours in `assets/scss/_variables_project.scss`:

        ```scss
        $primary: #30638e;
        ```

        To show a shortcode call in a page without running it, write it as
        `{{</* tabpane */>}}`.
        """,
    "content/en/docs/adding-content/shortcodes/index.md": SHORTCODES,
    "content/en/docs/adding-content/shortcodes/includes/installation.md": INSTALLATION,
    "content/en/docs/adding-content/shortcodes/includes/config.yaml": """\
        pipeline:
          name: nightly
          steps: [fetch, build]
        """,
    "content/en/docs/adding-content/api.md": """\
        ---
        title: Pet Shop API
        type: swagger
        weight: 6
        description: Reference for the Pet Shop API
        ---

        {{< swaggerui src="/openapi/petshop.yaml" >}}
        """,
    "content/en/docs/best-practices/site-guidance.md": """\
        ---
        title: Site guidance
        weight: 1
        ---

        Keep one topic per page, and link to the page that explains a word.
        """,
    "content/en/blog/_index.md": """\
        ---
        title: Lattice Blog
        linkTitle: Blog
        menu: {main: {weight: 30}}
        ---
        """,
    "content/en/blog/2024/version-0.3.md": """\
        ---
        title: Lattice 0.3
        date: 2024-03-02
        author: The Lattice team
        ---

        Version 0.3 brings dark mode and a new print view.
        """,
    "content/en/blog/2025/year-in-review.md": """\
        ---
        title: A year of Lattice
        date: 2025-01-20
        ---

        Looking back at what changed in 2024.
        """,
    "static/openapi/petshop.yaml": "openapi: 3.0.0\ninfo: {title: Pet Shop, version: '1'}\npaths: {}\n",
}

# Hugo 0.149's order of the pages, printed by a home template walking .Pages: docs by
# weight (best-practices has no _index.md and is below docs, so no section: its page is one
# of docs'), then the blog (dated by its newest post), then About; posts newest first.
TITLES_IN_ORDER = [
    "Welcome to Lattice", "Site guidance", "Get started", "Quick start", "Prerequisites",
    "Other setup options", "Content and customization", "Adding content", "Look and feel",
    "Lattice Shortcodes", "Pet Shop API", "Lattice Blog", "A year of Lattice", "Lattice 0.3",
    "About Lattice",
]


def jpeg_bytes(width: int = 60, height: int = 40) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 60)).save(buf, format="JPEG")
    return buf.getvalue()


def write_docsy_guide_site(root: Path) -> Path:
    """The site written into ``root`` (its config is hugo.yaml)."""
    files: dict[str, str | bytes] = dict(FILES)
    files["content/en/docs/adding-content/shortcodes/spruce.jpg"] = jpeg_bytes()
    return write_site(root, files, hugo=None)
