"""A small multilingual site in the shape of Hugo's quick-start with the Ananke theme (a
``themes/ananke`` folder, ``posts`` in English and German), and posts with PaperMod's front
matter: Ananke's ``featured_image``, ``omit_header_text`` and ``description``; PaperMod's
``cover`` (``image``, ``alt``, ``caption``, ``relative``), ``ShowToc`` and ``summary``; the
theme's ``form-contact`` on a contact page and Hugo's ``figure``.  The words are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_TOML = """\
baseURL = "https://notes.example.org/"
title = "Field Notes"
theme = "ananke"
defaultContentLanguage = "en"

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 1

[languages.de]
contentDir = "content/de"
languageName = "Deutsch"
weight = 2

[params]
description = "Notes from the field station"
featured_image = "/images/station.png"
"""

# The theme's own Hugo templates (our words; what manualgen reads is whether they use .Inner).
THEME = {
    "themes/ananke/layouts/shortcodes/form-contact.html":
        '<form action="{{ .Get "action" }}" method="POST"><label>{{ i18n "yourName" }}</label>'
        '<input type="text" name="name"><label>{{ i18n "emailAddress" }}</label>'
        '<input type="email" name="email"><label>{{ i18n "message" }}</label>'
        '<textarea name="message"></textarea><input type="submit" value="{{ i18n "send" }}"></form>\n',
    "themes/ananke/i18n/en.toml":
        'yourName = "Your Name"\nemailAddress = "Email Address"\nmessage = "Message"\n'
        'send = "Send"\nemailRequiredNote = "We need your email address to answer you."\n',
    "themes/ananke/i18n/de.toml":
        'yourName = "Ihr Name"\nemailAddress = "E-Mail-Adresse"\nmessage = "Nachricht"\n'
        'send = "Senden"\nemailRequiredNote = "Wir brauchen Ihre E-Mail-Adresse, um zu antworten."\n',
    "themes/ananke/theme.toml": 'name = "Ananke"\n',
}

HOME_EN = """\
---
title: Field Notes
description: What we saw at the station this season.
---

Short reports from the field station, newest first.
"""

HOME_DE = """\
---
title: Feldnotizen
description: Was wir in dieser Saison an der Station gesehen haben.
---

Kurze Berichte von der Feldstation.
"""

POSTS_EN = """\
---
title: Posts
omit_header_text: true
---
"""

POSTS_DE = """\
---
title: Beiträge
omit_header_text: true
---
"""

FIRST_EN = """\
---
title: Setting up the weather mast
date: 2024-04-02
description: How the mast went up in one afternoon.
featured_image: mast-cover.png
omit_header_text: true
tags: [equipment]
---

We raised the mast before the wind came back.

{{< figure src="/images/anemometer.png" title="The anemometer" caption="Mounted at **ten metres**." alt="An anemometer on top of the mast" >}}

## Anchoring

Four guy wires hold it; check them after each storm.
"""

FIRST_DE = """\
---
title: Den Wettermast aufstellen
date: 2024-04-02
description: Wie der Mast an einem Nachmittag stand.
featured_image: mast-cover.png
omit_header_text: true
---

Wir stellten den Mast auf, bevor der Wind zurückkam.

{{< figure src="/images/anemometer.png" title="Das Anemometer" caption="In **zehn Metern** Höhe montiert." >}}

## Verankerung

Vier Abspannseile halten ihn; prüfen Sie sie nach jedem Sturm.
"""

SECOND_EN = """\
---
title: Counting birds at dawn
date: 2024-05-11
summary: Our method for the dawn count, in five steps.
ShowToc: true
TocOpen: false
cover:
  image: dawn.png
  alt: The marsh at dawn, seen from the hide
  caption: The view from the hide at five in the morning
  relative: true
---

Counting starts twenty minutes before sunrise.

## Before you go

1. Check the tide table.
2. Take the tally sheet.
"""

SECOND_DE = """\
---
title: Vögel zählen im Morgengrauen
date: 2024-05-11
summary: Unsere Methode für die Morgenzählung.
ShowToc: true
cover:
  image: dawn.png
  alt: Die Marsch im Morgengrauen, vom Versteck aus
  caption: Der Blick aus dem Versteck um fünf Uhr morgens
  relative: true
---

Die Zählung beginnt zwanzig Minuten vor Sonnenaufgang.

## Vorbereitung

1. Gezeitentabelle prüfen.
2. Zählbogen mitnehmen.
"""

CONTACT_EN = """\
---
title: Contact
description: Write to the station team.
omit_header_text: true
menu: main
---

Questions about the data? Write to us:

{{< form-contact action="https://formspree.io/f/station" >}}
"""

CONTACT_DE = """\
---
title: Kontakt
description: Schreiben Sie dem Team der Station.
menu: main
---

Fragen zu den Daten? Schreiben Sie uns:

{{< form-contact action="https://formspree.io/f/station" >}}
"""


def files() -> dict[str, str | bytes]:
    found: dict[str, str | bytes] = {"hugo.toml": HUGO_TOML, **THEME}
    for lang, texts in (("en", (HOME_EN, POSTS_EN, FIRST_EN, SECOND_EN, CONTACT_EN)),
                        ("de", (HOME_DE, POSTS_DE, FIRST_DE, SECOND_DE, CONTACT_DE))):
        home, posts, first, second, contact = texts
        found[f"content/{lang}/_index.md"] = home
        found[f"content/{lang}/posts/_index.md"] = posts
        found[f"content/{lang}/posts/weather-mast/index.md"] = first
        found[f"content/{lang}/posts/weather-mast/mast-cover.png"] = png_bytes(400, 160, (70, 110, 150))
        found[f"content/{lang}/posts/dawn-count/index.md"] = second
        found[f"content/{lang}/posts/dawn-count/dawn.png"] = png_bytes(400, 200, (200, 150, 90))
        found[f"content/{lang}/contact.md"] = contact
    found["static/images/anemometer.png"] = png_bytes(300, 200, (90, 160, 90))
    found["static/images/station.png"] = png_bytes(300, 120, (120, 120, 120))
    return found


def write_ananke_site(root: Path) -> Path:
    return write_site(root, files(), hugo=None)
