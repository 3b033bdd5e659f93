"""A small site in the shape of a Russian app manual built on Hextra (as BDManual's
ByeByeDPI-Manual is): Russian the default language and English the second, every file
translated by its name (``01-start.ru.md`` beside ``01-start.en.md``: the default language's
files carry their code too), chapters ordered by weight with numbered file names, the docs
section's page given its address with ``url`` and ``aliases``, screenshots as raw HTML
``<img … width="200">`` (also inside list items), collapsible lists as raw
``<details><summary>`` around fenced code, GitHub-style alerts written right under a list,
footnotes, a heading right under a paragraph line, and links to headings of other pages by
their Cyrillic anchors.  The text and the app are our own; only the shapes follow the real
site."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_YAML = """\
baseURL: /
relativeURLs: true
title: TihoProxy

languages:
  en:
    languageName: English
    weight: 2
    title: TihoProxy
  ru:
    languageName: Русский
    weight: 1
    title: TihoProxy

disableKinds:
  - RSS

module:
  imports:
    - path: github.com/imfing/hextra

defaultContentLanguage: ru

params:
  externalLinkDecoration: true
  navbar:
    displayTitle: true
  footer:
    enable: false

menu:
  main:
    - identifier: docs
      pageRef: /docs
      weight: 1
    - name: Поиск
      weight: 1
      params:
        type: search

markup:
  defaultMarkdownHandler: goldmark
  goldmark:
    renderer:
      unsafe: true
"""

FEATURES_RU = """\
---
title: Возможности
weight: 2
---

## Белый и чёрный списки

_Белый_ список: выбранные приложения **идут** через TihoProxy, остальные мимо него.
**Чёрный** список: наоборот.

> [!TIP]
> Чем **меньше трафика** идёт через TihoProxy, тем дольше держит батарея.

## История команд

<img src="/images/history.png" width="200">

Над списком есть строка `История`. Нажатие на неё открывает меню:

- `Удалить незакреплённые` — удаляет всё, что не закреплено.

- `Очистить историю` — удаляет всё.
> [!CAUTION]
> Эти действия **необратимы**!

Если **нажать** на команду, появится меню:

- Действие **Применить** — делает команду текущей

   <img src="/images/apply.png" width="200">

- Действие **Закрепить** — поднимает команду наверх списка

Если проценты у всех команд одинаковые, решение [здесь](/docs/03-problems/#у-команд-одинаковый-невысокий-процент).
Свои списки доменов описаны [ниже](#domain-list).

## Списки доменов

В приложение встроены списки доменов[^1]:
<details>
<summary>Видео</summary>

```
video.example.net
cdn.example.net
```

</details>

<details>
<summary>Почта</summary>

```
mail.example.org
```

</details>

Некоторые лаунчеры делают виджет из пунктов меню
### Виджет

<img src="/images/Снимок экрана 2025-03-01.png" width="500">

[^1]: Списки обновляются вместе с приложением.
"""

FILES = {
    "hugo.yaml": HUGO_YAML,
    "content/_index.ru.md": """\
        ---
        title: TihoProxy
        layout: hextra-home
        ---

        Руководство по приложению TihoProxy. Начните с раздела [Документация](/docs/).
        """,
    "content/_index.en.md": """\
        ---
        title: TihoProxy
        layout: hextra-home
        ---

        The TihoProxy manual. Start with the [documentation](/docs/).
        """,
    "content/docs/_index.ru.md": """\
        ---
        title: "Документация"
        aliases:
          - /docs/
        url: /docs/
        ---
        """,
    "content/docs/_index.en.md": """\
        ---
        title: "Documentation"
        ---
        """,
    "content/docs/01-start.ru.md": """\
        ---
        title: Начало работы
        weight: 1
        ---

        ## Установка

        Скачайте приложение на странице [загрузки](/docs/download/).

        ## Настройка

        1. Откройте приложение.
        2. Нажмите **Подобрать команду**.

           <img src="/images/start.png" width="200">

        3. Дождитесь конца проверки.
        """,
    "content/docs/01-start.en.md": """\
        ---
        title: Getting started
        weight: 1
        ---

        ## Installation

        Get the app from the [download](/docs/download/) page.

        ## Setup

        1. Open the app.
        2. Tap **Find a command**.

           <img src="/images/start.png" width="200">

        3. Wait for the test to end.
        """,
    "content/docs/02-features.ru.md": FEATURES_RU,
    "content/docs/02-features.en.md": """\
        ---
        title: Features
        weight: 2
        ---

        ## White and black lists

        Apps on the _white_ list go **through** TihoProxy; all others go around it.

        > [!TIP]
        > The **less traffic** goes through TihoProxy, the longer the battery lasts.

        If every command scores the same, see [here](/docs/03-problems/#every-command-scores-the-same).
        """,
    "content/docs/03-problems.ru.md": """\
        ---
        title: Проблемы
        weight: 3
        ---

        ## У команд одинаковый (невысокий) процент

        Проверьте, что в настройках выбран режим **VPN**.

        ## Приложение закрывается

        Обновите Android System WebView.
        """,
    "content/docs/03-problems.en.md": """\
        ---
        title: Problems
        weight: 3
        ---

        ## Every command scores the same

        Check that the **VPN** mode is chosen in the settings.
        """,
    "content/docs/download.ru.md": """\
        ---
        title: Загрузка
        ---

        Последняя версия: [GitHub](https://github.com/example/tihoproxy/releases).
        """,
    "content/docs/download.en.md": """\
        ---
        title: Download
        ---

        The latest version: [GitHub](https://github.com/example/tihoproxy/releases).
        """,
}

# Hugo 0.149's order, printed by a home template walking .Pages: the docs by weight, the
# download page (no weight) last.
TITLES = {
    "ru": ["Документация", "Начало работы", "Возможности", "Проблемы", "Загрузка"],
    "en": ["Documentation", "Getting started", "Features", "Problems", "Download"],
}


def write_manual_ru_site(root: Path) -> Path:
    """The site written into ``root`` (its config is hugo.yaml)."""
    files: dict[str, str | bytes] = dict(FILES)
    for name in ("history", "apply", "start"):
        files[f"static/images/{name}.png"] = png_bytes(40, 80)
    return write_site(root, files, hugo=None)
