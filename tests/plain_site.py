"""A small Hugo site with no theme at all: its own ``layouts/`` (page templates and the
team's shortcodes under ``layouts/shortcodes``) and two languages.  The shortcodes are the
kind a team writes for itself: ``note`` (``{{ .Inner | markdownify }}``), ``warning``
(``{{ .Inner | .Page.RenderString }}``), ``screenshot`` (``src``, ``alt``, ``caption``),
``kbd`` and ``since`` (a parameter in some HTML), ``boxed`` (``with``/``else`` and a
variable), ``collapsible`` (its id made with ``printf`` and ``.Ordinal``) and
``release-table`` that ranges over ``site.Data``; besides Hugo's ``youtube`` and ``param``.  The product and the words are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_TOML = """\
baseURL = "https://handbook.example.org/"
title = "Tidewater Handbook"
defaultContentLanguage = "en"

[params]
support_mail = "help@tidewater.example.org"
product = "Tidewater"

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 1

[languages.nl]
contentDir = "content/nl"
languageName = "Nederlands"
weight = 2
"""

# The team's own Hugo templates (our words).
LAYOUTS = {
    "layouts/_default/baseof.html": "<!doctype html><html><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "layouts/_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    "layouts/_default/list.html":
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}"
        "<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}\n",
    "layouts/shortcodes/note.html":
        '<div class="note">\n  <p class="note-title">Note</p>\n  {{ .Inner | markdownify }}\n</div>\n',
    "layouts/shortcodes/warning.html":
        '{{/* A warning box; the text is Markdown. */}}\n'
        '<div class="warning" role="alert">{{ .Inner | .Page.RenderString }}</div>\n',
    "layouts/shortcodes/screenshot.html":
        '<figure class="screenshot">\n'
        '  <img src="{{ .Get "src" | relURL }}" alt="{{ .Get "alt" }}">\n'
        '  {{- with .Get "caption" }}\n  <figcaption>{{ . }}</figcaption>\n  {{- end }}\n'
        '</figure>\n',
    "layouts/shortcodes/kbd.html": '<kbd>{{ .Get 0 }}</kbd>',
    "layouts/shortcodes/since.html":
        '{{- $version := .Get 0 | default "1.0" -}}\n<span class="since">Since {{ $version }}</span>\n',
    "layouts/shortcodes/boxed.html":
        '<div class="boxed">\n{{- with .Get "title" }}<p class="boxed-title">{{ . }}</p>'
        '{{ else }}<p class="boxed-title">Good to know</p>{{ end }}\n'
        '{{ .Inner | markdownify }}\n</div>\n',
    "layouts/shortcodes/collapsible.html":
        '{{ $id := printf "c-%d" .Ordinal }}<details id="{{ $id }}"><summary>{{ .Get "title" }}'
        '</summary>{{ .Inner | markdownify }}</details>\n',
    "layouts/shortcodes/release-table.html":
        '<table>{{ range $.Site.Data.releases }}<tr><td>{{ .version }}</td>'
        '<td>{{ .date }}</td></tr>{{ end }}</table>\n',
}

HOME_EN = """\
---
title: Tidewater Handbook
---

How to run {{< param product >}} at the harbour office.
"""

HOME_NL = """\
---
title: Tidewater-handboek
---

Zo gebruikt u {{< param product >}} op het havenkantoor.
"""

START_EN = """\
---
title: Getting started
weight: 10
---

Open the tide planner and sign in.

{{< note >}}
Your first sign-in needs the **one-time code** from the welcome letter.
{{< /note >}}

{{< screenshot src="/images/planner.png" alt="The tide planner after sign-in" caption="The planner's start page" >}}

Press {{< kbd "Ctrl+K" >}} to search. Saved searches arrived in {{< since "2.3" >}}.

{{< warning >}}
Never share the code: it opens **your** account.
{{< /warning >}}

{{< boxed >}}
The planner keeps working offline for a day.
{{< /boxed >}}

{{< boxed title="Shortcut" >}}
Type `g p` to open the planner.
{{< /boxed >}}

Questions? Write to {{< param support_mail >}}.

{{< youtube id="w7Ft2ymGmfc" title="A tour of the planner" >}}

{{< collapsible title="Troubleshooting" >}}
If the code has **expired**, ask the harbour office for a new one.
{{< /collapsible >}}
"""

START_NL = """\
---
title: Aan de slag
weight: 10
---

Open de getijdenplanner en meld u aan.

{{< note >}}
Voor de eerste aanmelding hebt u de **eenmalige code** uit de welkomstbrief nodig.
{{< /note >}}

{{< screenshot src="/images/planner.png" alt="De getijdenplanner na het aanmelden" caption="De startpagina van de planner" >}}

Druk op {{< kbd "Ctrl+K" >}} om te zoeken. Opgeslagen zoekopdrachten kwamen in {{< since "2.3" >}}.

{{< warning >}}
Deel de code nooit: die opent **uw** account.
{{< /warning >}}

{{< boxed title="Sneltoets" >}}
Typ `g p` om de planner te openen.
{{< /boxed >}}

Vragen? Schrijf naar {{< param support_mail >}}.

{{< youtube id="w7Ft2ymGmfc" title="Een rondleiding door de planner" >}}
"""

RELEASES_EN = """\
---
title: Releases
weight: 20
---

Every release of the planner:

{{< release-table >}}

The newest release is always at the top.
"""

RELEASES_NL = """\
---
title: Versies
weight: 20
---

Alle versies van de planner:

{{< release-table >}}
"""


def files() -> dict[str, str | bytes]:
    found: dict[str, str | bytes] = {"hugo.toml": HUGO_TOML, **LAYOUTS}
    for lang, (home, start, releases) in (("en", (HOME_EN, START_EN, RELEASES_EN)),
                                          ("nl", (HOME_NL, START_NL, RELEASES_NL))):
        found[f"content/{lang}/_index.md"] = home
        found[f"content/{lang}/getting-started.md"] = start
        found[f"content/{lang}/releases.md"] = releases
    found["static/images/planner.png"] = png_bytes(320, 200, (40, 90, 160))
    found["data/releases.yaml"] = "- version: 2.3\n  date: 2024-03-01\n- version: 2.2\n  date: 2023-11-20\n"
    return found


def write_plain_site(root: Path) -> Path:
    return write_site(root, files(), hugo=None)
