"""A small site in the shape of Hugo's own documentation (gohugoio/hugoDocs and its
translations): one root hugo.toml whose languages reach their content through module mounts
with ``lang``, a headless ``_common`` section of snippets that pages pull in with
``{{% include "/_common/…" %}}``, a glossary whose terms are pages that are never rendered
(``cascade.build``), ``[term](g)`` links, data files read by ``code-toggle``, ``datatable``,
``eturl`` and ``list-pages-in-section``, the site's ``new-in``/``deprecated-in`` callouts,
image bundles shown through ``img``, ``params.functions_and_methods`` front matter, and a
content adapter.  The site's shortcodes live in ``layouts/_shortcodes`` as Go templates;
manualgen runs those it can (the callouts) and prints the others its own way.  The product, the words and the templates are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_TOML = r"""
baseURL                = "https://quill.example.org/"
defaultContentLanguage = "en"
enableEmoji            = true
pluralizeListTitles    = false
title                  = "Quill"
disableAliases         = true

[[cascade]]
  [cascade.params]
    searchable = true
  [cascade.target]
    kind = 'page'

[frontmatter]
  date        = ['date']
  expiryDate  = ['expirydate']
  lastmod     = [':git', 'lastmod', 'publishdate', 'date']
  publishDate = ['publishdate', 'date']

[languages]
  [languages.en]
    languageCode = "en-US"
    languageName = "English"
    weight       = 1
  [languages.fr]
    languageCode = "fr-FR"
    languageName = "Français"
    weight       = 2
    [languages.fr.params]
      description = "Le générateur de sites qui ne fait pas attendre"

[markup]
  [markup.goldmark]
    [markup.goldmark.extensions]
      [markup.goldmark.extensions.typographer]
        disable = false
      [markup.goldmark.extensions.passthrough]
        enable = true
        [markup.goldmark.extensions.passthrough.delimiters]
          block  = [['\[', '\]'], ['$$', '$$']]
          inline = [['\(', '\)']]
    [markup.goldmark.parser]
      autoDefinitionTermID = true
      wrapStandAloneImageWithinParagraph = false
      [markup.goldmark.parser.attribute]
        block = true
  [markup.highlight]
    lineNumbersInTable = false
    noClasses          = false
    wrapperClass       = 'highlight not-prose'

[module]
  [[module.mounts]]
    source = "assets"
    target = "assets"
  [[module.mounts]]
    lang   = 'en'
    source = 'content/en'
    target = 'content'
  [[module.mounts]]
    lang   = 'fr'
    source = 'content/fr'
    target = 'content'

[params]
  description = "The site generator that does not keep you waiting"
  ghrepo      = "https://github.com/example/quill-docs/"
  [params.render_hooks.link]
    errorLevel = 'warning'

[taxonomies]
  category = 'categories'

[menus]
  [[menus.global]]
    identifier = 'docs'
    name       = 'Docs'
    url        = '/documentation/'
    weight     = 5
"""

# The site's own shortcodes, as Go templates: enough for Hugo; manualgen runs those it can.
LAYOUTS = {
    "layouts/_shortcodes/new-in.html": """\
        {{- with $v := .Get 0 | strings.TrimLeft "vV" }}
          {{- $href := printf "https://example.org/releases/v%s" $v }}
          {{- with $.Inner }}
            {{- $text := printf "New in [v%s](%s)\\n\\n%s" $v $href (trim . "\\n") | $.Page.RenderString (dict "display" "block") }}
            <div class="callout green">{{ $text }}</div>
          {{- else }}
            <span class="badge"><a href="{{ $href }}">New in v{{ $v }}</a></span>
          {{- end }}
        {{- end }}
        """,
    "layouts/_shortcodes/deprecated-in.html": """\
        {{- with $v := .Get 0 | strings.TrimLeft "vV" }}
          {{- $href := printf "https://example.org/releases/v%s" $v }}
          {{- $text := printf "Deprecated in [v%s](%s)\\n\\n%s" $v $href (trim $.Inner "\\n") | $.Page.RenderString (dict "display" "block") }}
          <div class="callout orange">{{ $text }}</div>
        {{- end }}
        """,
    "layouts/_shortcodes/include.html": """\
        {{- with .Get 0 }}{{ with or ($.Page.GetPage .) (site.GetPage .) }}{{ .RenderShortcodes }}{{ end }}{{ end }}
        """,
    "layouts/_shortcodes/glossary-term.html": """\
        {{- with .Get 0 }}{{ with site.GetPage (printf "/quick-reference/glossary/%s" (urlize .)) }}
        {{ .RenderShortcodes }}{{ end }}{{ end -}}
        """,
    "layouts/_shortcodes/glossary.html": """\
        {{- with site.GetPage "/quick-reference/glossary" }}
          {{- range .Pages.ByTitle }}
        {{ .Title }}
        : {{ .RawContent | strings.TrimSpace | safeHTML }}
          {{ end }}
        {{- end }}
        """,
    "layouts/_shortcodes/code-toggle.html": """\
        {{- $code := .Inner }}{{ with .Get "config" }}{{ $code = index site.Data.docs.config . }}{{ end }}
        <div class="code-toggle">{{ with .Get "file" }}<div>{{ . }}.</div>{{ end }}
        {{- range slice "yaml" "toml" "json" }}{{ highlight ($code | transform.Remarshal .) . "" }}{{ end }}</div>
        """,
    "layouts/_shortcodes/datatable.html": """\
        {{- $list := index (index site.Data.docs (.Get 0)) (.Get 1) }}
        {{- $fields := after 2 .Params }}
        <table><tr>{{ range $fields }}<th>{{ if eq . "_key" }}Type{{ else }}{{ . }}{{ end }}</th>{{ end }}</tr>
        {{- range $k, $v := $list }}<tr>{{ range $field, $value := $v }}{{ $.Scratch.Set $field $value }}{{ end }}
        {{- range $fields }}<td>{{ if eq . "_key" }}{{ $k }}{{ else }}{{ $.Scratch.Get . }}{{ end }}</td>{{ end }}</tr>
        {{- end }}</table>
        """,
    "layouts/_shortcodes/eturl.html": """\
        {{- urls.JoinPath site.Data.embedded_template_urls.base_url (index site.Data.embedded_template_urls (.Get 0)) -}}
        """,
    "layouts/_shortcodes/list-pages-in-section.html": """\
        {{- $kind := .Get "filterType" | default "none" }}{{ $paths := slice }}
        {{- with .Get "filter" }}{{ $paths = index site.Data.page_filters . }}{{ end }}
        {{- with site.GetPage (.Get "path") }}{{ range .RegularPages.ByTitle }}
        {{- if or (eq $kind "none") (and (eq $kind "exclude") (not (in $paths .Path))) (and (eq $kind "include") (in $paths .Path)) }}
        [{{ .LinkTitle }}]({{ .Path }})
        : {{ .Description }}
        {{ end }}{{ end }}{{ end }}
        """,
    "layouts/_shortcodes/quick-reference.html": """\
        {{- with site.GetPage (.Get "section") }}{{ range .Sections }}
        ## {{ .LinkTitle }}
        {{ .Description }}
        {{ range .Pages }}
        [{{ .LinkTitle }}]({{ .Path }})
        : {{ .Description }}
        {{ end }}{{ end }}{{ end }}
        """,
    "layouts/_shortcodes/img.html": """\
        {{- with .Page.Resources.Get (.Get "src") }}{{ $shown := .Filter images.Grayscale }}
        <img src="{{ $shown.RelPermalink }}" alt="{{ $.Get "alt" }}">{{ end }}
        """,
    "layouts/_shortcodes/newtemplatesystem.html": """\
        <div class="callout orange">{{ "The template system changed in v0.50.0; see [the overview](/templates/)." | $.Page.RenderString }}</div>
        """,
    "layouts/_shortcodes/get-page-desc.html": """\
        {{- with $.Page.GetPage (.Get 0) }}{{ .Description }}{{ end -}}
        """,
    "layouts/_markup/render-link.html": """\
        <a href="{{ .Destination | safeURL }}">{{ .Text }}</a>
        """,
    "layouts/baseof.html": """\
        <!DOCTYPE html><html><body>{{ block "main" . }}{{ end }}</body></html>
        """,
    "layouts/single.html": """\
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
        """,
    "layouts/list.html": """\
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
        """,
    "layouts/home.html": """\
        {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
        """,
}

DATA = {
    "data/docs.yaml": """\
        # Settings shown by code-toggle config=… and datatable.
        config:
          build:
            cacheResources: fallback
            writeStats: false
          mediaTypes:
            application/json:
              suffixes: [json]
            text/html:
              suffixes: [html, htm]
            text/markdown:
              suffixes: [md, markdown]
        """,
    "data/embedded_template_urls.toml": """\
        'base_url' = 'https://github.com/example/quill/blob/main/embedded'
        'render-link' = '_markup/render-link.html'
        'robots' = 'robots.txt'
        """,
    "data/page_filters.yaml": """\
        # Pages that list-pages-in-section may leave out or keep.
        strings_trimming:
          - /functions/strings/trimspace
        """,
}

EN = {
    "content/en/_index.md": """\
        ---
        title: Quill documentation
        description: Build fast static sites from plain text.
        ---
        """,
    "content/en/_common/_index.md": """\
        ---
        cascade:
          build:
            list: never
            publishResources: false
            render: never
        ---

        <!--
        Snippets kept here are pulled into other pages with the include shortcode.
        None of them is a page of its own.
        -->
        """,
    "content/en/_common/gitignore-public.md": """\
        ---
        _comment: Keep this front matter.
        ---

        > [!NOTE]
        > Keep the `public` folder out of version control: Quill writes it again on every build.
        """,
    "content/en/_common/installation/01-editions.md": """\
        ---
        _comment: Keep this front matter.
        ---

        ## Editions

        Quill comes in two editions: _standard_ and _extended_.
        The extended edition adds image encoding {{< new-in 0.40.0 />}} and style
        sheet compilation.

        Feature|standard|extended
        :--|:-:|:-:
        Markdown rendering|:heavy_check_mark:|:heavy_check_mark:
        Image encoding|:x:|:heavy_check_mark:
        """,
    "content/en/_common/installation/02-prerequisites.md": """\
        ---
        _comment: Keep this front matter.
        ---

        ## Prerequisites

        Some features need other programs:

        Git
        : Needed to read each page's last change from the [repository](g) history.

        Go
        : Needed to use [modules](g) from other projects.
        """,
    "content/en/about/_index.md": """\
        ---
        title: About Quill
        linkTitle: About
        description: What Quill is and what it promises.
        categories: []
        keywords: []
        menu:
          docs:
            identifier: about-quill
            weight: 10
        weight: 10
        aliases: [/about-quill/]
        ---
        """,
    "content/en/about/introduction.md": """\
        ---
        title: Introduction
        description: Quill turns folders of text into web sites.
        categories: []
        keywords: [overview]
        weight: 10
        ---

        Quill reads a folder of Markdown files, applies templates, and writes a
        [site](g) you can serve from anywhere. Every build starts from scratch and
        finishes in well under a second for most projects.

        {{< new-in 0.30.0 >}}
        Builds now report how long each step took.
        {{< /new-in >}}
        """,
    "content/en/about/license.md": """\
        ---
        title: License
        description: Quill is free software under the Apache License 2.0.
        categories: []
        keywords: []
        weight: 20
        ---

        Quill is distributed under the Apache License, version 2.0. The text of this
        documentation is under a Creative Commons license.

        {{< qr text="https://code.example.com/quill" alt="The source code" />}}
        """,
    "content/en/installation/_index.md": """\
        ---
        title: Installation
        description: Install Quill on your computer.
        categories: []
        keywords: []
        weight: 20
        menu:
          docs:
            identifier: installation
            weight: 20
        ---
        """,
    "content/en/installation/linux.md": """\
        ---
        title: Linux
        description: Install Quill on Linux.
        categories: []
        keywords: []
        weight: 10
        ---

        {{% include "/_common/installation/01-editions.md" %}}

        {{% include "/_common/installation/02-prerequisites" %}}

        ## Prebuilt binaries

        Download the archive for your system from the release page, unpack it, and put
        the `quill` program on your `PATH`:

        ```sh {file="install.sh" copy=true}
        tar -xzf quill_0.50.0_linux-amd64.tar.gz
        sudo mv quill /usr/local/bin/
        ```

        {{% include "/_common/gitignore-public.md" %}}
        """,
    "content/en/configuration/_index.md": """\
        ---
        title: Configure Quill
        linkTitle: Configuration
        description: Settings for the whole project.
        categories: []
        keywords: []
        weight: 30
        ---
        """,
    "content/en/configuration/build.md": """\
        ---
        title: Configure the build
        linkTitle: Build
        description: Settings that change how Quill builds a project.
        categories: []
        keywords: [build, cache]
        weight: 10
        ---

        These are the default settings of the build:

        {{< code-toggle config=build />}}

        To keep the cache between builds, say so in the project's configuration:

        {{< code-toggle file=quill >}}
        [build]
        cacheResources = 'always'
        writeStats = true
        {{< /code-toggle >}}

        A page can set its own values in front matter:

        {{< code-toggle file=content/example.md fm=true >}}
        title = 'Example'
        draft = false
        weight = 5
        {{< /code-toggle >}}

        {{< deprecated-in 0.45.0 >}}
        Use `cacheResources` instead of `useResourceCache`.
        {{< /deprecated-in >}}

        ## Media types

        Quill knows these [media types](g) and their file suffixes:

        {{< datatable "config" "mediaTypes" "_key" "suffixes" >}}

        ## Sort order

        {{% glossary-term "default sort order" %}}

        See the [embedded link render hook] for how links are resolved.

        The cost of a build grows with the number of pages \\(n\\):

        \\[
        t = a + b \\cdot n
        \\]

        [embedded link render hook]: <{{% eturl render-link %}}>
        """,
    "content/en/functions/_index.md": """\
        ---
        title: Functions
        description: Use these functions in your templates.
        categories: []
        keywords: []
        weight: 40
        ---

        Use these functions within your templates. The string functions:

        {{% render-table-of-pages-in-section path=/functions/strings headingColumn1=Function %}}
        """,
    "content/en/functions/strings/_index.md": """\
        ---
        title: String functions
        linkTitle: strings
        description: Functions that work with strings.
        categories: []
        keywords: []
        menu:
          docs:
            parent: functions
        ---

        Use these functions to work with strings, except for trimming:

        {{% list-pages-in-section path=/functions/strings filter=strings_trimming filterType=exclude %}}
        """,
    "content/en/functions/strings/Truncate.md": """\
        ---
        title: strings.Truncate
        description: Shortens a string to a length without cutting a word in half.
        categories: []
        keywords: []
        params:
          functions_and_methods:
            aliases: [truncate]
            returnType: template.HTML
            signatures: ['strings.Truncate SIZE [ELLIPSIS] INPUT']
        aliases: [/functions/truncate]
        ---

        {{< new-in 0.48.0 />}}

        Markup in the input stays balanced:

        ```go-html-template
        {{ "<em>Stay balanced</em>" | safeHTML | truncate 8 }} → <em>Stay …</em>
        ```

        See also [`strings.TrimSpace`](/functions/strings/trimspace) and the
        [glossary](/quick-reference/glossary/#default-sort-order).
        """,
    "content/en/functions/strings/TrimSpace.md": """\
        ---
        title: strings.TrimSpace
        description: Removes the white space at both ends of a string.
        categories: []
        keywords: []
        params:
          functions_and_methods:
            aliases: [trim]
            returnType: string
            signatures: [strings.TrimSpace INPUT]
        ---

        ```go-html-template
        {{ trim "\\n  hello  \\n" }} → hello
        ```
        """,
    "content/en/functions/strings/Repeat.md": """\
        ---
        title: strings.Repeat
        description: Returns a string made of copies of the input.
        categories: []
        keywords: []
        params:
          functions_and_methods:
            aliases: []
            returnType: string
            signatures: [strings.Repeat COUNT INPUT]
        ---

        The description of this page reads: “{{% get-page-desc "/functions/strings/repeat" %}}”

        ```go-html-template
        {{ strings.Repeat 3 "ab" }} → ababab
        ```
        """,
    "content/en/templates/_index.md": """\
        ---
        title: Templates
        description: Write the templates that shape your pages.
        categories: []
        keywords: []
        weight: 50
        ---

        {{< newtemplatesystem >}}

        A template is a file of HTML with actions between double braces.
        """,
    "content/en/content-management/_index.md": """\
        ---
        title: Content management
        description: Organize and process the content of your project.
        categories: []
        keywords: []
        weight: 60
        ---
        """,
    "content/en/content-management/front-matter.md": """\
        ---
        title: Front matter
        description: Describe a page with a block of data at its top.
        categories: [content management]
        keywords: [front matter, toml]
        menu:
          docs:
            parent: content-management
            weight: 20
        weight: 20
        toc: true
        aliases: [/content/front-matter/]
        ---

        ## Fields

        A page opens with its fields, dated as TOML dates:

        {{< code-toggle file=content/example.md fm=true >}}
        title = 'Example'
        date = 2024-02-02T04:14:54-08:00
        [params]
        author = 'Ada Lovelace'
        {{</ code-toggle >}}

        {{% note %}}
        Custom fields go below `params`; see [parameters].

        [parameters]: #parameters
        {{% /note %}}

        <!-- Kept out of the documentation on purpose. -->

        ###### summary {#summary-field}

        (`string`) A short text about the page.

        ## Parameters

        The [`robots.txt`] template reads none of them.

        [`robots.txt`]: {{% eturl robots %}}

        {{< code file=layouts/page.html >}}
        {{ with .Params.author }}<p>{{ . }}</p>{{ end }}
        {{< /code >}}

        {{< code file=content/example.org lang=text >}}
        #+TITLE: Example
        {{< /code >}}
        """,
    "content/en/content-management/image-processing/index.md": """\
        ---
        title: Image processing
        description: Resize, crop and filter the pictures of a page.
        categories: []
        keywords: []
        weight: 10
        ---

        Apply a filter to a picture of the page bundle:

        {{< img
          src="lake.png"
          alt="A lake between hills"
          filter="grayscale"
          example=true
        >}}
        """,
    "content/en/showcase/_index.md": """\
        ---
        title: Showcase
        description: Sites built with Quill.
        categories: []
        keywords: []
        weight: 70
        ---

        Projects that build their sites with Quill.
        """,
    "content/en/showcase/_content.gotmpl": """\
        {{ range site.Data.showcase }}
          {{ $content := dict "mediaType" "text/markdown" "value" .summary }}
          {{ $.AddPage (dict "path" .slug "title" .name "content" $content) }}
        {{ end }}
        """,
    "content/en/quick-reference/_index.md": """\
        ---
        title: Quick reference
        description: Short lists of functions, methods and terms.
        categories: []
        keywords: []
        weight: 80
        ---
        """,
    "content/en/quick-reference/functions.md": """\
        ---
        title: Functions
        description: Every function, by namespace.
        categories: []
        keywords: []
        weight: 10
        ---

        {{% quick-reference section="functions" %}}
        """,
    "content/en/quick-reference/glossary/_index.md": """\
        ---
        title: Glossary
        description: Words used throughout the documentation.
        categories: []
        keywords: []
        build:
          render: always
          list: always
        cascade:
          build:
            render: never
            list: local
        layout: single
        weight: 20
        ---

        {{% glossary %}}
        """,
    "content/en/quick-reference/glossary/default-sort-order.md": """\
        ---
        title: default sort order
        ---

        The order of a list of pages when nothing else is said: by [weight](g), then by
        date, then by title.
        """,
    "content/en/quick-reference/glossary/weight.md": """\
        ---
        title: weight
        ---

        A number in front matter that places a page in a list: lighter pages come first.
        """,
    "content/en/quick-reference/glossary/media-type.md": """\
        ---
        title: media type
        ---

        A name for a kind of file, such as `text/html`, with the suffixes it may have.
        """,
    "content/en/quick-reference/glossary/module.md": """\
        ---
        title: module
        ---

        A project, or a part of one, that other projects can mount.
        """,
    "content/en/quick-reference/glossary/repository.md": """\
        ---
        title: repository
        ---

        A folder whose history a version control system such as Git keeps.
        """,
    "content/en/quick-reference/glossary/site.md": """\
        ---
        title: site
        ---

        The set of pages Quill writes for one language.
        """,
    "content/en/quick-reference/glossary/bundle.md": """\
        ---
        title: bundle
        ---

        See [page bundle](g).
        """,
    "content/en/quick-reference/glossary/page-bundle.md": """\
        ---
        title: page bundle
        ---

        A folder that holds a page and the files that belong to it.
        """,
}

FR = {
    "content/fr/_index.md": """\
        ---
        title: Documentation de Quill
        description: Des sites statiques rapides à partir de texte brut.
        ---
        """,
    "content/fr/_common/_index.md": """\
        ---
        cascade:
          build:
            list: never
            publishResources: false
            render: never
        ---
        """,
    "content/fr/_common/gitignore-public.md": """\
        ---
        _comment: Gardez ces métadonnées.
        ---

        > [!NOTE]
        > Ne versionnez pas le dossier `public` : Quill le réécrit à chaque construction.
        """,
    "content/fr/_common/installation/01-editions.md": """\
        ---
        _comment: Gardez ces métadonnées.
        ---

        ## Éditions

        Quill existe en deux éditions : _standard_ et _étendue_.
        L'édition étendue encode les images {{< new-in 0.40.0 />}}.
        """,
    "content/fr/_common/installation/02-prerequisites.md": """\
        ---
        _comment: Gardez ces métadonnées.
        ---

        ## Prérequis

        Git
        : Pour lire la dernière modification de chaque page dans l'historique du [site](g).
        """,
    "content/fr/about/_index.md": """\
        ---
        title: À propos de Quill
        linkTitle: À propos
        description: Ce qu'est Quill et ce qu'il promet.
        weight: 10
        ---
        """,
    "content/fr/about/introduction.md": """\
        ---
        title: Introduction
        description: Quill transforme des dossiers de texte en sites web.
        weight: 10
        ---

        Quill lit un dossier de fichiers Markdown, applique des modèles et écrit un
        [site](g) que vous pouvez servir de n'importe où.

        {{< new-in 0.30.0 >}}
        La construction indique la durée de chaque étape.
        {{< /new-in >}}
        """,
    "content/fr/installation/_index.md": """\
        ---
        title: Installation
        description: Installer Quill sur votre ordinateur.
        weight: 20
        ---
        """,
    "content/fr/installation/linux.md": """\
        ---
        title: Linux
        description: Installer Quill sous Linux.
        weight: 10
        ---

        {{% include "/_common/installation/01-editions.md" %}}

        {{% include "/_common/installation/02-prerequisites" %}}

        ## Binaires précompilés

        Téléchargez l'archive de votre système et placez le programme `quill` dans
        votre `PATH`.

        {{% include "/_common/gitignore-public.md" %}}
        """,
    "content/fr/functions/_index.md": """\
        ---
        title: Fonctions
        description: Les fonctions à utiliser dans vos modèles.
        weight: 40
        ---
        """,
    "content/fr/functions/strings/_index.md": """\
        ---
        title: Fonctions de chaînes
        linkTitle: strings
        description: Les fonctions qui travaillent sur les chaînes.
        ---

        {{% list-pages-in-section path=/functions/strings %}}
        """,
    "content/fr/functions/strings/Truncate.md": """\
        ---
        title: strings.Truncate
        description: Raccourcit une chaîne sans couper de mot.
        params:
          functions_and_methods:
            aliases: [truncate]
            returnType: template.HTML
            signatures: ['strings.Truncate SIZE [ELLIPSIS] INPUT']
        ---

        {{< new-in 0.48.0 />}}

        Le balisage reste équilibré.
        """,
    "content/fr/quick-reference/_index.md": """\
        ---
        title: Aide-mémoire
        description: Listes courtes de fonctions et de termes.
        weight: 80
        ---
        """,
    "content/fr/quick-reference/glossary/_index.md": """\
        ---
        title: Glossaire
        description: Les mots employés dans la documentation.
        build:
          render: always
          list: always
        cascade:
          build:
            render: never
            list: local
        weight: 20
        ---

        {{% glossary %}}
        """,
    "content/fr/quick-reference/glossary/site.md": """\
        ---
        title: site
        ---

        L'ensemble des pages que Quill écrit pour une langue.
        """,
    "content/fr/quick-reference/glossary/weight.md": """\
        ---
        title: weight
        ---

        Un nombre qui place une page dans une liste : les plus légères d'abord.
        """,
}


def write_hugodocs_site(root: Path) -> Path:
    """The site written into ``root``, with its picture."""
    files: dict[str, str | bytes] = {"hugo.toml": HUGO_TOML.lstrip("\n")}
    files.update(LAYOUTS)
    files.update(DATA)
    files.update(EN)
    files.update(FR)
    files["assets/.keep"] = ""
    files["content/en/content-management/image-processing/lake.png"] = png_bytes(320, 200, (60, 120, 170))
    return write_site(root, files, hugo=None)
