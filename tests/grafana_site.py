"""A small site in the shape of Grafana's documentation (grafana/grafana, docs/sources): one
language, pages that repeat their title as a first ``#`` heading, front matter with
``labels.products``, ``keywords``, ``menuTitle`` and ``refs`` (``[text](ref:key)`` links),
and the website's own shortcodes: ``admonition type=…``, ``docs/shared lookup=…`` snippets
from a ``shared`` folder that is never a page, ``section withDescriptions``, ``param``,
``figure`` with ``max-width``, ``collapse``, ``code`` holding one fenced block per language,
``docs/public-preview`` and ``relref`` with anchors; a shortcode in a ``[//]: #`` comment.
Planted for ``check``: a snippet that does not exist and a collapse without a title.  The
product and the words are our own."""

from __future__ import annotations

from pathlib import Path

from .conftest import png_bytes, write_site

HUGO_TOML = """\
baseURL = "https://dashly.example.org/docs/dashly/latest/"
title = "Dashly"
languageCode = "en-US"
disableKinds = ["taxonomy", "term"]

[params]
PRODUCT_NAME = "Dashly"
"""

HOME = """\
---
title: Dashly documentation
description: Dashboards and alerts for small teams.
---

# Dashly documentation

Dashly draws your metrics and tells you when they go wrong.
"""

ALERTING = """\
---
title: Alerting
menuTitle: Alerts
description: Learn how alerts fire and who hears about them.
weight: 100
keywords:
  - dashly
  - alerting
labels:
  products:
    - cloud
    - oss
---

# Alerting

Alerts watch your queries and notify people when a condition holds.

{{< section withDescriptions="true" >}}
"""

CONTACT_POINTS = """\
---
title: Configure contact points
menuTitle: Contact points
description: Tell Dashly where notifications go.
weight: 200
---

# Configure contact points

A contact point is a list of places a notification is sent to.

{{< section >}}
"""

EMAIL = """\
---
title: Email
description: Send notifications by email.
weight: 10
---

# Email

Fill in the **SMTP** settings before you add an email contact point.
"""

MUTE_TIMINGS = """\
---
title: Configure mute timings
description: Stop notifications during a recurring period.
weight: 430
keywords:
  - mute
labels:
  products:
    - oss
refs:
  shared-silences:
    - pattern: /docs/dashly/
      destination: /docs/dashly/<DASHLY_VERSION>/alerting/silences/
    - pattern: /docs/dashly-cloud/
      destination: /docs/dashly-cloud/alerting/silences/
---

# Configure mute timings

A mute timing is a recurring interval in which no notification is sent.

{{< admonition type="note" >}}
Mute timings only silence the **notifications**; the rules are still evaluated.
{{< /admonition >}}

| | Mute timing | Silence |
| --- | --- | --- |
| **Period** | Repeats | Fixed start and end |

[//]: # '{{< docs/shared lookup="alerts/mute-vs-silence.md" source="dashly" version="<DASHLY_VERSION>" >}}'

## Label matching

{{< docs/shared lookup="alerts/label-matching.md" source="dashly" version="<DASHLY_VERSION>" >}}

## Add a mute timing

1. Open **Notification policies**.
1. Pick the matchers:

   {{< docs/shared lookup="alerts/pick-matchers.md" source="dashly" version="<DASHLY_VERSION>" >}}

1. Save the mute timing.

## Time intervals

A time interval names the days and hours it covers. Compare it with
[silences](ref:shared-silences), or read about [matchers](ref:label-matchers).

{{< docs/shared lookup="alerts/no-such-snippet.md" source="dashly" version="<DASHLY_VERSION>" >}}
"""

SILENCES = """\
---
title: Create silences
description: Stop notifications for a fixed time.
weight: 440
---

# Create silences

{{< docs/public-preview product="Silence previews" featureFlag="`silencePreview`" >}}

A silence stops the notifications of matching alerts until it ends. For repeating
periods use [mute timings]({{< relref "./mute-timings#time-intervals" >}}) instead.
{{< param "PRODUCT_NAME" >}} keeps expired silences for five days.

{{< figure src="/media/silence-form.png" alt="The form that creates a silence" caption="The silence form" max-width="600px" class="w-100p" >}}

{{< code >}}

```bash
dashctl silence add --matcher team=db --duration 2h
```

```python
client.silences.create(matchers={"team": "db"}, hours=2)
```

{{< /code >}}

{{< collapse >}}
Folded text without a title.
{{< /collapse >}}
"""

LABEL_MATCHING = """\
---
title: 'How label matching works'
labels:
  products:
    - oss
---

{{< collapse title="How label matching works" >}}

A label matcher has a **label**, an **operator** and a **value**.

| Operator | Matches |
| -------- | ------- |
| `=`      | equal values |
| `!=`     | other values |

{{< admonition type="caution" >}}
Several matchers must all match.
{{< /admonition >}}

{{< /collapse >}}
"""

PICK_MATCHERS = """\
---
title: Pick matchers
---

Each matcher narrows the alerts the timing applies to.
"""

MUTE_VS_SILENCE = """\
---
title: Mute timings and silences
---

This snippet is only mentioned in a comment.
"""


def write_grafana_site(root: Path) -> Path:
    """The site written into ``root``, with its picture."""
    files: dict[str, str | bytes] = {
        "hugo.toml": HUGO_TOML,
        "content/_index.md": HOME,
        "content/alerting/_index.md": ALERTING,
        "content/alerting/contact-points/_index.md": CONTACT_POINTS,
        "content/alerting/contact-points/email.md": EMAIL,
        "content/alerting/mute-timings.md": MUTE_TIMINGS,
        "content/alerting/silences.md": SILENCES,
        "content/shared/_index.md": ("---\nheadless: true\ncascade:\n  _build:\n"
                                     "    render: never\n    list: never\n---\n"),
        "content/shared/alerts/label-matching.md": LABEL_MATCHING,
        "content/shared/alerts/mute-vs-silence.md": MUTE_VS_SILENCE,
        "content/shared/alerts/pick-matchers.md": PICK_MATCHERS,
        "static/media/silence-form.png": png_bytes(300, 160, (230, 120, 30)),
    }
    return write_site(root, files, hugo=None)
