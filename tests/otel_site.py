"""A small site in the shape of opentelemetry.io (Docsy, Hugo modules): the languages have no
contentDir and reach their content through module mounts with ``lang``, English docs mounted
again into each other language as fallback pages, snippets in ``_includes`` folders that a
cascade keeps from being pages, the site's own ``include`` with ``{{ $key }}`` arguments,
per-language ``params.notes``, and pages written with the front matter keys and shortcode
calls the real site uses.  The text is our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import write_site

HUGO_YAML = """\
baseURL: https://otel.example.org
title: TeleTest
disableKinds: [taxonomy]
theme: [docsy]
disableAliases: true
enableGitInfo: true

defaultContentLanguage: en

languages:
  en:
    languageName: English
    languageCode: en-US
    params:
      description: The TeleTest project site
  es:
    languageName: Español
    params:
      description: El sitio del proyecto TeleTest
  ja:
    languageName: 日本語 (Japanese)
    params:
      description: TeleTestプロジェクトのサイト
      notes:
        docker-compose-v2: |
          `docker-compose` は古いコマンドです。詳しくは
          [Compose V2](https://docs.docker.com/compose/migrate/) を見てください。

markup:
  tableOfContents:
    endLevel: 5
  goldmark:
    extensions:
      linkify: false
    parser:
      attribute:
        block: true
      wrapStandAloneImageWithinParagraph: false
    renderer:
      unsafe: true
  highlight:
    noClasses: false

imaging:
  resampleFilter: CatmullRom
  quality: 75
  anchor: smart

# Netlify _redirects file
mediaTypes:
  text/netlify: {}

outputFormats:
  REDIRECTS:
    mediaType: text/netlify
    baseName: _redirects
    notAlternative: true

outputs:
  home: [HTML, RSS]
  section: [HTML]

services:
  rss: { limit: 20 }

security:
  funcs:
    getenv:
      - ^(BRANCH|BUILD_ID|CONTEXT)$

cascade:
  build: { list: never, publishResources: false, render: never }
  _target: { path: '{,/**}/_includes{,/**}' }

params:
  copyright:
    authors: >-
      TeleTest Authors | Docs [CC BY
      4.0](https://creativecommons.org/licenses/by/4.0)
    from_year: 2020
  github_repo: https://github.com/example/teletest.io
  github_branch: main
  ui:
    sidebar_menu_compact: true
  notes:
    docker-compose-v2: |
      `docker-compose` is the old command. For details, see
      [Compose V2](https://docs.docker.com/compose/migrate/).

module:
  mounts:
    ## en
    - source: content/en
      target: content
    - source: tmp/community/roadmap.md
      target: content/community/roadmap.md
    # fetched by a script before a build; absent in a fresh checkout
    - source: tmp/otel/specification
      target: content/docs/specs/otel

    ## es
    - source: content/es
      target: content
      lang: es
    # fallback pages
    - source: content/en/_includes
      target: content/_includes
      lang: es
    - excludeFiles: specs/*
      source: content/en/docs
      target: content/docs
      lang: es

    ## ja
    - source: content/ja
      target: content
      lang: ja
    # fallback pages
    - source: content/en/_includes
      target: content/_includes
      lang: ja
    - excludeFiles: specs/*
      source: content/en/docs
      target: content/docs
      lang: ja
"""

FILES = {
    "hugo.yaml": HUGO_YAML,
    # --- English -----------------------------------------------------------------------
    "content/en/_index.md": """\
        ---
        title: TeleTest
        description: >-
          Telemetry for test services, gathered and sent the same way everywhere
        show_banner: true
        developer_note:
          The cover block below takes any bundle image named "background" as its
          background.
        spelling: cSpell:ignore shortcode
        ---

        <div class="d-none"><a rel="me" href="https://social.example.org/@teletest"></a></div>

        {{< blocks/cover image_anchor="top" height="max" color="primary" >}}

        <!-- prettier-ignore -->
        ![TeleTest](/img/logos/teletest-horizontal.svg)
        {.otel-logo}

        <!-- prettier-ignore -->
        {{% param description %}}
        {.display-6}

        <div class="l-primary-buttons mt-5">

        - [Learn more](/docs/)
        - [Read the blog](/blog/)

        </div>
        {{< /blocks/cover >}}

        {{% blocks/lead color="white" %}}

        TeleTest is a made-up set of tools for this test site.

        > TeleTest is **stable** in
        > [one language](/docs/languages/python/) so far.

        {{% /blocks/lead %}}

        {{% blocks/section color="dark" type="row" %}}

        {{% blocks/feature icon="fas fa-chart-line" title="Traces and Metrics" %}}

        Gather telemetry from your services and send it on. {{% /blocks/feature %}}

        {{% blocks/feature icon="fab fa-github" title="Open Source" %}}

        Free to use, with [the source](https://github.com/example/teletest) open.

        {{% /blocks/feature %}}

        {{% /blocks/section %}}

        {{% blocks/section color="secondary" type="cncf" %}}

        **TeleTest is a [sample][] project**.<br> Made for tests.

        [![Sample logo][]][sample]

        [sample]: https://example.org
        [sample logo]: /img/logos/sample-white.svg

        {{% /blocks/section %}}
        """,
    "content/en/_includes/stable-note.md": """\
        ---
        ---

        The {{ $name }} parts marked stable keep their interfaces between minor releases.
        """,
    "content/en/docs/_index.md": """\
        ---
        title: Documentation
        linkTitle: Docs
        menu: { main: { weight: 10 } }
        htmltest:
          IgnoreDirs:
            - ^docs/specs/
        ---

        TeleTest is a set of APIs, SDKs and tools for **telemetry**: traces, metrics and
        logs. {{% include file="stable-note.md" name="TeleTest" %}}
        """,
    "content/en/docs/specs/_index.md": """\
        ---
        title: Specifications
        weight: 90
        ---

        The specification text is mounted from another repository.
        """,
    "content/en/docs/languages/_index.md": """\
        ---
        title: Language APIs & SDKs
        description: Instrumentation for each supported language.
        aliases: [/docs/instrumentation]
        weight: 20
        redirects: [{ from: /docs/instrumentation/*, to: ':splat' }]
        ---

        Pick the language of your service below.
        """,
    "content/en/docs/languages/_includes/index-intro.md": """\
        ---
        ---

        This is the TeleTest {{ $name }} documentation: what to install and how to send
        telemetry from a {{ $name }} service.

        {{ if $beta }}
        Parts of the {{ $name }} SDK are still in **beta**.
        {{ end }}

        | Traces              | Metrics              |
        | ------------------- | -------------------- |
        | {{ $tracesStatus }} | {{ $metricsStatus }} |

        {{ if not $beta }}
        Every part of the {{ $name }} SDK is stable.
        {{ end }}

        Status of the logs: {{ $status }}.
                """,
    "content/en/docs/languages/_includes/zipkin-setup.md": """\
        ## Zipkin

        ### Backend setup {#zipkin-setup}

        {{% alert title=Note %}}

        Skip this section if a Zipkin backend already runs.

        {{% /alert %}}

        Start one in a container:

        ```shell
        docker run --rm -d -p 9411:9411 --name zipkin openzipkin/zipkin
        ```
        """,
    "content/en/docs/languages/python/_index.md": """\
        ---
        title: Python
        description: >-
          <img width="35" class="img-initial otel-icon"
          src="/img/logos/32x32/Python_SDK.svg" alt="Python"> The TeleTest SDK for
          Python.
        aliases: [/python, /python/metrics]
        weight: 190
        ---

        {{% include file="index-intro.md" name="Python" beta="true" tracesStatus="Stable"
        metricsStatus="Beta" %}}

        ## Version support

        The SDK runs on Python 3.9 and later.

        ## Installation

        ```sh
        pip install teletest-api
        pip install teletest-sdk
        ```

        ## Repositories

        - Main repository: [teletest-python][]
        - Contrib repository: [teletest-python-contrib][]

        [teletest-python]: https://github.com/example/teletest-python
        [teletest-python-contrib]:
          https://github.com/example/teletest-python-contrib
        """,
    "content/en/docs/languages/python/exporters.md": """\
        ---
        title: Exporters
        weight: 50
        description: Process and export your telemetry data
        cSpell:ignore: LOWMEMORY
        ---

        <!-- markdownlint-disable no-duplicate-heading -->

        Exporters send the telemetry your service makes to a backend.

        ## OTLP

        ### Dependencies {#otlp-dependencies}

        Install the exporter for the protocol you use:

        {{< tabpane text=true >}} {{% tab "HTTP/Proto" %}}

        ```shell
        pip install teletest-exporter-http
        ```

        {{% /tab %}} {{% tab gRPC %}}

        ```shell
        pip install teletest-exporter-grpc
        ```

        {{% /tab %}} {{< /tabpane >}}

        {{% alert title="Note" color="info" %}}

        The variable `TT_TEMPORALITY` takes `CUMULATIVE` or `DELTA`:

        - `CUMULATIVE`
          - `Counter`: `CUMULATIVE`
        - `DELTA`
          - `Counter`: `DELTA`

        {{% /alert %}}

        {{% include "zipkin-setup.md" %}}

        ### Dependencies {#zipkin-dependencies}

        Then install the Zipkin exporter:

        ```sh
        pip install teletest-exporter-zipkin
        ```

        Run the demo with `docker compose up`.[^1]

        {{% alert title="Note" color="info" %}} {{% _param notes.docker-compose-v2 %}}
        {{% /alert %}}

        {{% docs/languages/exporters/outro python `https://teletest.example.org/api/exporter.html#SpanExporter` %}}

        ```python
        processor = SimpleSpanProcessor(OTLPSpanExporter(endpoint="your-endpoint-here"))
        ```

        {{% /docs/languages/exporters/outro %}}

        [^1]: {{% param notes.docker-compose-v2 %}}
        """,
    "content/en/docs/zero-code/_index.md": """\
        ---
        title: Zero-code Instrumentation
        linkTitle: Zero-code
        weight: 30
        ---
        """,
    "content/en/docs/zero-code/java/configuration.md": """\
        ---
        title: Agent Configuration
        linkTitle: Configuration
        weight: 10
        aliases: [agent-config]
        cSpell:ignore: teletest
        ---

        ## Turning the agent off {#disabling-the-agent}

        {{% config_option name="teletest.javaagent.enabled" %}}

        Set to `false` to turn the agent off.

        {{% /config_option %}}

        {{% config_option name="teletest.javaagent.debug" default=false %}} Set to
        `true` to see debug logs. {{% /config_option %}}

        {{% config_option
          name="teletest.service.name" envVar="TT_SERVICE" %}}
        The service's name. {{% /config_option %}}
        """,
    "content/en/community/_index.md": """\
        ---
        title: Community
        menu: { main: { weight: 40 } }
        ---

        How the project works together.
        """,
    "tmp/community/roadmap.md": """\
        # Roadmap

        What the project works on next: more languages.
        """,
    "content/en/blog/_index.md": """\
        ---
        title: Blog
        menu: { main: { weight: 50 } }
        outputs: [HTML, RSS]
        ---
        """,
    "content/en/blog/2024/first-release.md": """\
        ---
        title: TeleTest 1.0 is out
        linkTitle: TeleTest 1.0
        date: 2024-03-01
        author: >-
          [A. Writer](https://github.com/awriter) (Example Org)
        issue: 1234
        sig: SIG Comms
        cSpell:ignore: awriter
        ---

        The first stable release of TeleTest is out.

        {{% alert title="Upgrade" color="warning" %}} Read the
        [Python exporters](/docs/languages/python/exporters/) page before you upgrade.
        {{% /alert %}}
        """,
    # --- Spanish: translates two pages; the docs fall back on English -------------------
    "content/es/_index.md": """\
        ---
        title: TeleTest
        description: Telemetría para servicios de prueba.
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567
        ---

        TeleTest es un proyecto de telemetría inventado para este sitio de prueba.
        """,
    "content/es/docs/_index.md": """\
        ---
        title: Documentación
        linkTitle: Docs
        menu: { main: { weight: 10 } }
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567
        ---

        TeleTest reúne APIs, SDKs y herramientas de **telemetría**.
        {{% include file="stable-note.md" name="TeleTest" %}}
        """,
    # --- Japanese: translates the Python page; its exporters page falls back on English -
    "content/ja/_index.md": """\
        ---
        title: TeleTest
        description: テスト用サービスのテレメトリー。
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567
        ---

        TeleTestはこのテストサイトのための架空のテレメトリープロジェクトです。
        """,
    "content/ja/docs/_index.md": """\
        ---
        title: ドキュメント
        linkTitle: Docs
        menu: { main: { weight: 10 } }
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567
        ---

        TeleTestはトレース、メトリクス、ログのためのAPI、SDK、ツールの集まりです。
        """,
    "content/ja/docs/languages/python/_index.md": """\
        ---
        title: Python
        description: >-
          <img width="35" class="img-initial otel-icon"
          src="/img/logos/32x32/Python_SDK.svg" alt="Python"> PythonのためのTeleTest SDK。
        aliases: [/python, /python/metrics]
        weight: 190
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567 # patched
        ---

        {{% docs/languages/index-intro python /%}}

        ## バージョンサポート {#version-support}

        SDKはPython 3.9以降で動きます。

        ## インストール {#installation}

        ```sh
        pip install teletest-api
        ```

        {{% alert-md title="ビルド環境" color=warning %}}

        ビルドは**Linux**とmacOSで動きます。

        {{% /alert-md %}}

        Composeで起動します。[^1]

        [^1]: {{% param notes.docker-compose-v2 %}}
        """,
    "content/ja/docs/languages/_includes/zipkin-setup.md": """\
        ---
        default_lang_commit: 0123456789abcdef0123456789abcdef01234567
        ---

        ## Zipkin

        ### バックエンドの準備 {#zipkin-setup}

        Zipkinをコンテナで起動します。

        ```shell
        docker run --rm -d -p 9411:9411 --name zipkin openzipkin/zipkin
        ```
        """,
    "layouts/shortcodes/docs/languages/index-intro.md": """\
        {{ $lang := .Get 0 -}}
        {{ $name := (index $.Site.Data.instrumentation $lang).name -}}
        {{ partial "include.md" (dict "_dot" . "_path" "index-intro.md" "name" $name) -}}
        """,
    "static/img/logos/teletest-horizontal.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60">'
        '<rect width="240" height="60" fill="#425cc7"/></svg>\n'),
    "static/img/logos/sample-white.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
        '<rect width="120" height="40" fill="#dddddd"/></svg>\n'),
    "static/img/logos/32x32/Python_SDK.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32">'
        '<rect width="32" height="32" fill="#3572A5"/></svg>\n'),
}


def write_otel_site(root: Path) -> Path:
    """The site written into ``root`` (no hugo.toml: its config is hugo.yaml)."""
    return write_site(root, FILES, hugo=None)
