"""A small site in the shape of the Hextra theme's documentation (imfing/hextra, folder
exampleSite): four languages in one content folder, translated by file name
(``getting-started.ja.md``, ``index.zh-cn.md``, ``_index.fa.md``), Persian right to left
through ``languageDirection``, pages that only some languages have, the theme imported as a
Hugo module, ``prev``/``next`` and ``sidebar`` front matter, and the theme's shortcodes as
the real pages call them: the home page's hero and feature grid, callout, cards with links
relative to the page, steps around fenced code, tabs, details, filetree, icon, and
GitHub-style alerts.  The text is our own; only the shapes follow the real site."""

from __future__ import annotations

from pathlib import Path

from .conftest import write_site

HUGO_YAML = """\
baseURL: "https://hexa.example.org/"
title: "Hexa"

enableRobotsTXT: true
hasCJKLanguage: true

outputs:
  home: [HTML]
  page: [HTML]
  section: [HTML, RSS]

defaultContentLanguage: en
languages:
  en:
    languageName: English
    weight: 1
    title: Hexa
  fa:
    languageName: فارسی
    languageCode: fa-ir
    languageDirection: rtl
    weight: 2
    title: هگزا
  ja:
    languageName: 日本語
    weight: 3
    title: Hexa
  zh-cn:
    languageName: 简体中文
    languageCode: zh-CN
    weight: 4
    title: Hexa

module:
  hugoVersion:
    extended: true
    min: "0.146.0"
  imports:
    - path: github.com/example/hexa-theme

markup:
  goldmark:
    renderer:
      unsafe: true
  highlight:
    noClasses: false

enableInlineShortcodes: true

menu:
  main:
    - identifier: documentation
      name: Documentation
      pageRef: /docs
      weight: 1
    - identifier: blog
      name: Blog
      pageRef: /blog
      weight: 2

params:
  description: A made-up theme's documentation, written for a test.
  navbar:
    displayTitle: true
  editURL:
    enable: true
    base: "https://github.com/example/hexa/edit/main/exampleSite/content"
"""


def home(badge: str, headline: str, subtitle: str, button: str, card: str, card_sub: str,
         layout: str = "hextra-home") -> str:
    return f"""\
---
title: {headline}
layout: {layout}
---

<div class="hx:mt-6 hx:mb-6">
{{{{< hextra/hero-badge >}}}}
  <div class="hx:w-2 hx:h-2 hx:rounded-full hx:bg-primary-400"></div>
  <span>{badge}</span>
  {{{{< icon name="arrow-circle-right" attributes="height=14" >}}}}
{{{{< /hextra/hero-badge >}}}}
</div>

<div class="hx:mt-6 hx:mb-6">
{{{{< hextra/hero-headline >}}}}
  {headline}
{{{{< /hextra/hero-headline >}}}}
</div>

<div class="hx:mb-12">
{{{{< hextra/hero-subtitle >}}}}
  {subtitle}
{{{{< /hextra/hero-subtitle >}}}}
</div>

<div class="hx:mb-6">
{{{{< hextra/hero-button text="{button}" link="docs" >}}}}
</div>

{{{{< hextra/feature-grid >}}}}
  {{{{< hextra/feature-card
    title="{card}"
    subtitle="{card_sub}"
  >}}}}
{{{{< /hextra/feature-grid >}}}}
"""


FILES = {
    "hugo.yaml": HUGO_YAML,
    # --- home ----------------------------------------------------------------------------
    "content/_index.md": home("Set up in minutes", "Docs that build themselves",
                              "A fast theme for **documentation** sites.", "Get started",
                              "Quick to load", "Pages are plain HTML with little script."),
    "content/_index.ja.md": home("数分で準備完了", "自分で組み上がるドキュメント",
                                 "**ドキュメント**サイトのための速いテーマ。", "はじめる",
                                 "軽い読み込み", "ページはほとんどスクリプトのないHTMLです。"),
    "content/_index.zh-cn.md": home("几分钟即可上手", "自动生成的文档",
                                    "为**文档**网站打造的快速主题。", "开始使用",
                                    "加载迅速", "页面是几乎不含脚本的 HTML。"),
    "content/_index.fa.md": home("در چند دقیقه آماده", "مستنداتی که خودشان ساخته می‌شوند",
                                 "پوسته‌ای سریع برای سایت‌های **مستندات**.", "شروع کنید",
                                 "بارگذاری سریع", "صفحه‌ها HTML ساده با اسکریپت کم هستند."),
    # --- docs ----------------------------------------------------------------------------
    "content/docs/_index.md": """\
        ---
        linkTitle: "Documentation"
        title: Introduction
        ---

        👋 Welcome to the Hexa documentation!

        ## What is Hexa?

        Hexa is a made-up [Hugo][hugo] theme for documentation sites.

        - **Clean design** - pages that are easy to read.
        - **Fast** - little script, small pages.

        {{< callout emoji="❓" >}}
          Hexa is still young.
          Found a problem? [Open an issue](https://github.com/example/hexa/issues)!
        {{< /callout >}}

        ## Next

        {{< cards >}}
          {{< card link="getting-started" title="Getting Started" icon="document-text" subtitle="Build your first site with Hexa" >}}
        {{< /cards >}}

        [hugo]: https://gohugo.io/
        """,
    "content/docs/_index.ja.md": """\
        ---
        linkTitle: "ドキュメント"
        title: はじめに
        ---

        Hexa のドキュメントへようこそ！

        ## Hexa とは？

        Hexa はドキュメントサイトのための架空の [Hugo](https://gohugo.io/) テーマです。

        {{< callout type="info" >}}
          Hexa はまだ開発中です。
        {{< /callout >}}

        {{< cards >}}
          {{< card link="getting-started" title="はじめる" icon="document-text" >}}
        {{< /cards >}}
        """,
    "content/docs/_index.zh-cn.md": """\
        ---
        linkTitle: "文档"
        title: 简介
        ---

        欢迎阅读 Hexa 文档！

        ## 什么是 Hexa？

        Hexa 是一个虚构的 [Hugo](https://gohugo.io/) 文档主题。
        """,
    "content/docs/_index.fa.md": """\
        ---
        linkTitle: "مستندات"
        title: معرفی
        ---

        به مستندات Hexa خوش آمدید!

        Hexa یک پوستهٔ ساختگی [Hugo](https://gohugo.io/) برای سایت‌های مستندات است.
        """,
    "content/docs/getting-started.md": """\
        ---
        title: Getting Started
        weight: 1
        next: /docs/guide
        prev: /docs
        ---

        ## Start from the template

        {{< icon "github" >}}&nbsp;[example/hexa-starter](https://github.com/example/hexa-starter)

        <img src="https://docs.example.com/assets/use-template.webp" width="500">

        [🌐 Demo ↗](https://example.github.io/hexa-starter/)

        ## Start a new project

        {{% steps %}}

        ### Create the site

        ```shell
        hugo new site my-site --format=yaml
        ```

        ### Add the theme

        Edit `hugo.yaml`:

        ```yaml
        module:
          imports:
            - path: github.com/example/hexa-theme
        ```

        ### Preview

        ```shell
        hugo server --buildDrafts
        ```

        {{% /steps %}}

        {{% details title="How do I update the theme?" %}}

        Run `hugo mod get -u` in the site's folder.

        {{% /details %}}

        ## Next

        {{< cards >}}
          {{< card link="../guide/organize-files" title="Organize Files" icon="document-duplicate" >}}
          {{< card link="../guide/markdown" title="Markdown" icon="markdown" >}}
        {{< /cards >}}
        """,
    "content/docs/getting-started.ja.md": """\
        ---
        title: はじめる
        weight: 1
        next: /docs/guide
        prev: /docs
        ---

        ## テンプレートから始める

        {{% steps %}}

        ### サイトを作る

        ```shell
        hugo new site my-site --format=yaml
        ```

        ### プレビュー

        `hugo server` を実行します。

        {{% /steps %}}

        {{< cards >}}
          {{< card link="../guide/organize-files" title="ファイルの整理" icon="document-duplicate" >}}
          {{< card link="../guide/deploy-site" title="サイトの公開" icon="server" >}}
        {{< /cards >}}
        """,
    "content/docs/getting-started.zh-cn.md": """\
        ---
        title: 快速开始
        weight: 1
        ---

        {{% steps %}}

        ### 初始化站点

        ```shell
        hugo new site my-site --format=yaml
        ```

        ### 本地预览

        瞧！你现在可以在 `http://localhost:1313/` 看到你的新站点。

        {{% /steps %}}

        {{% details title="如何更新主题？" %}}

        在终端中运行 `hugo mod get -u`。

        {{% /details %}}
        """,
    "content/docs/getting-started.fa.md": """\
        ---
        title: شروع به کار
        weight: 1
        ---

        {{% steps %}}

        ### ساخت سایت

        ```shell
        hugo new site my-site --format=yaml
        ```

        ### پیش‌نمایش

        دستور `hugo server` را اجرا کنید.

        {{% /steps %}}
        """,
    "content/docs/guide/_index.md": """\
        ---
        title: Guide
        weight: 2
        sidebar:
          open: true
        ---

        Learn how to write pages for a Hexa site.

        {{< cards >}}
          {{< card link="organize-files" title="Organize Files" icon="document-duplicate" >}}
          {{< card link="markdown" title="Markdown" icon="markdown" >}}
          {{< card link="shortcodes" title="Shortcodes" icon="puzzle" tag="new" >}}
        {{< /cards >}}
        """,
    "content/docs/guide/_index.ja.md": """\
        ---
        title: ガイド
        weight: 2
        ---

        Hexa サイトのページの書き方を学びます。
        """,
    "content/docs/guide/_index.zh-cn.md": """\
        ---
        title: 指南
        weight: 2
        ---

        了解如何为 Hexa 网站编写页面。
        """,
    "content/docs/guide/organize-files.md": """\
        ---
        title: Organize Files
        weight: 1
        prev: /docs/guide
        ---

        ## Directory structure

        {{< filetree/container >}}
          {{< filetree/folder name="content" >}}
            {{< filetree/file name="_index.md" >}}
            {{< filetree/folder name="docs" state="closed" >}}
              {{< filetree/file name="_index.md" >}}
              {{< filetree/file name="getting-started.md" >}}
            {{< /filetree/folder >}}
          {{< /filetree/folder >}}
          {{< filetree/file name="hugo.yaml" >}}
        {{< /filetree/container >}}

        > [!TIP]
        > Put a page's pictures beside it, in a folder of its own.
        """,
    "content/docs/guide/organize-files.ja.md": """\
        ---
        title: ファイルの整理
        weight: 1
        ---

        {{< filetree/container >}}
          {{< filetree/folder name="content" >}}
            {{< filetree/file name="_index.ja.md" >}}
          {{< /filetree/folder >}}
        {{< /filetree/container >}}

        > [!NOTE]
        > 翻訳はファイル名で区別します（`page.ja.md`）。
        """,
    "content/docs/guide/markdown.md": """\
        ---
        title: Markdown
        weight: 2
        ---

        Hexa renders **bold**, *italic*, ~~struck~~ and `code` text.

        | Syntax | Result |
        | :----- | -----: |
        | `*a*` | *a* |

        - [x] Write the page
        - [ ] Review it

        > [!WARNING]
        > Raw HTML needs `markup.goldmark.renderer.unsafe`.
        """,
    "content/docs/guide/markdown.zh-cn.md": """\
        ---
        title: Markdown
        weight: 2
        ---

        Hexa 支持**粗体**、*斜体*和 `代码`。

        > [!IMPORTANT]
        > 中文与 English 混排时无需加空格。
        """,
    "content/docs/guide/shortcodes/_index.md": """\
        ---
        title: Shortcodes
        weight: 9
        ---

        Hexa gives you shortcodes to enrich your pages.

        {{< cards >}}
          {{< card link="callout" title="Callout" icon="warning" >}}
          {{< card link="tabs" title="Tabs" icon="collection" >}}
        {{< /cards >}}

        <div style="padding-top:4rem"></div>
        """,
    "content/docs/guide/shortcodes/callout.md": """\
        ---
        title: Callout
        ---

        {{< callout emoji="💡" >}}
          A **default** callout.
        {{< /callout >}}

        {{< callout type="warning" >}}
          A warning.
        {{< /callout >}}

        {{< callout type="error" >}}
          Something went wrong.
        {{< /callout >}}
        """,
    "content/docs/guide/shortcodes/tabs.md": """\
        ---
        title: Tabs
        ---

        {{< tabs items="JSON,YAML,TOML" defaultIndex="1" >}}

          {{< tab >}}**JSON**: JavaScript Object Notation{{< /tab >}}
          {{< tab >}}

          ```yaml
          hello: world
          ```

          {{< /tab >}}
          {{< tab >}}**TOML**: Tom's Obvious Markup Language{{< /tab >}}

        {{< /tabs >}}
        """,
    # --- about: a leaf bundle translated by file name -------------------------------------
    "content/about/index.md": """\
        ---
        title: About
        toc: false
        ---

        Hexa is written by volunteers.
        """,
    "content/about/index.ja.md": """\
        ---
        title: 概要
        toc: false
        ---

        Hexa はボランティアが書いています。
        """,
    "content/about/index.zh-cn.md": """\
        ---
        title: 关于
        toc: false
        ---

        Hexa 由志愿者编写。
        """,
    "content/about/index.fa.md": """\
        ---
        title: درباره
        toc: false
        ---

        Hexa را داوطلبان نوشته‌اند.
        """,
    # --- blog ----------------------------------------------------------------------------
    "content/blog/_index.md": """\
        ---
        title: "Blog"
        ---

        <div style="text-align: center;">News from the Hexa team</div>
        """,
    "content/blog/_index.fa.md": """\
        ---
        title: "بلاگ"
        ---
        """,
    "content/blog/v0.3.md": """\
        ---
        title: Hexa v0.3
        date: 2025-02-01
        authors:
          - name: Ada
            link: https://github.com/example-ada
            image: https://github.com/example-ada.png
          - name: Lin
        tags: [release]
        ---

        Version 0.3 adds **tabs** and **steps**.

        <!--more-->

        The details follow.
        """,
    "content/blog/v0.3.ja.md": """\
        ---
        title: Hexa v0.3
        date: 2025-02-01
        ---

        バージョン 0.3 ではタブとステップが加わりました。
        """,
}

# Hugo 0.149's order of each language's pages, printed by a home template walking .Pages:
# no weights at the top, so the blog (dated by its newest post) comes first, then the
# undated About and docs by link title ("Documentation" after "About"; in Japanese the
# katakana "ドキュメント" before the kanji "概要").  Pages a language lacks are not borrowed
# from English; Japanese has a post but no blog/_index.ja.md, so Hugo makes the section and
# titles it "Blogs".
TITLES = {
    "en": ["Blog", "Hexa v0.3", "About", "Introduction", "Getting Started", "Guide",
           "Organize Files", "Markdown", "Shortcodes", "Callout", "Tabs"],
    "fa": ["بلاگ", "درباره", "معرفی", "شروع به کار"],
    "ja": ["Blogs", "Hexa v0.3", "はじめに", "はじめる", "ガイド", "ファイルの整理", "概要"],
    "zh-cn": ["关于", "简介", "快速开始", "指南", "Markdown"],
}


def write_hextra_site(root: Path) -> Path:
    """The site written into ``root`` (its config is hugo.yaml)."""
    return write_site(root, FILES, hugo=None)
