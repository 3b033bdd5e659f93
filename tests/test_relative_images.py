"""A relative image is found as the browser finds it: against the page's address (its bundle,
the static folders below that address), before the page file's own folder."""

import datetime as dt

from manualgen.assemble.resources import resolve_image
from manualgen.config import load_settings
from manualgen.content import discover
from manualgen.errors import Findings

from .conftest import write_site

HUGO = 'baseURL = "https://example.org/"\ndefaultContentLanguage = "en"\n'


def pages(site):
    home = discover(load_settings(site), "en", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return {p.rel: p for p in home.walk()}


def test_relative_images_resolve_against_the_page_address(tmp_path):
    site = write_site(tmp_path, {
        "hugo.toml": HUGO,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/guide.md": "---\ntitle: Guide\n---\n![x](img/shot.png)\n",
        "content/docs/img/shot.png": b"file-folder",  # published at /docs/img/, not /docs/guide/img/
        "static/docs/guide/img/shot.png": b"served",
        "content/docs/bundle/index.md": "---\ntitle: Bundle\n---\n![x](shot.png)\n",
        "content/docs/bundle/shot.png": b"bundle",
        "content/docs/alone.md": "---\ntitle: Alone\n---\n![x](pics/only-here.png)\n",
        "content/docs/pics/only-here.png": b"fallback",
    })
    settings = load_settings(site)
    found = pages(site)
    assert resolve_image(settings, found["docs/guide.md"], "img/shot.png").read_bytes() == b"served"
    assert resolve_image(settings, found["docs/bundle/index.md"], "shot.png").read_bytes() == b"bundle"
    # nothing at the page's address: the file beside the page is still printed
    assert resolve_image(settings, found["docs/alone.md"],
                         "pics/only-here.png").read_bytes() == b"fallback"


def test_an_image_named_by_the_bundles_resources_front_matter_is_that_file(tmp_path):
    """Hugo 0.149.1's image render hook (on by default in a multilingual site) wrote
    /b/img/shot.png for ![](shot) and /b/img/one.png for ![](Pic): the first entry whose src
    matches a file names it, a glob too, whatever the letter case."""
    site = write_site(tmp_path, {
        "hugo.toml": HUGO,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/b/index.md": """\
            ---
            title: B
            resources:
            - src: img/shot.png
              name: shot
            - src: "img/*.png"
              name: pic
            - src: "**.png"
              name: "n-:counter"
            ---
            ![a](shot) ![b](Pic)
            """,
        "content/b/img/shot.png": b"shot",
        "content/b/img/one.png": b"one",
        "content/b/img/two.png": b"two",
        "content/plain.md": "---\ntitle: Plain\nresources: [{src: x.png, name: shot}]\n---\n",
    })
    settings = load_settings(site)
    bundle = pages(site)["b/index.md"]
    assert resolve_image(settings, bundle, "shot").read_bytes() == b"shot"
    assert resolve_image(settings, bundle, "Pic").read_bytes() == b"one"
    assert resolve_image(settings, bundle, "n-1") is None  # :counter names are not followed
    assert resolve_image(settings, bundle, "img/two.png").read_bytes() == b"two"
    assert resolve_image(settings, pages(site)["plain.md"], "shot") is None  # no bundle


def test_a_figure_from_the_media_library_and_a_name_in_another_case(tmp_path):
    """Academic's figure ``library="1"`` takes the picture from static/img/, Wowchemy's from
    assets/media/ (Volcano's docs); a picture named in another case than its file's is
    missing on Linux too, and the warning names the file meant."""
    from .conftest import build_all, check_findings, png_bytes

    site = write_site(tmp_path / "site", {
        "hugo.toml": HUGO,
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/arch.md": ("---\ntitle: Arch\n---\n"
                            '{{<figure library="1" src="arch_1.png" title="Scenarios">}}\n\n'
                            '{{< figure library="true" src="flow.png" >}}\n\n'
                            '{{<figure library="1" src="arch_2.png" title="Components">}}\n'),
        "static/img/arch_1.png": png_bytes(60, 30),
        "static/img/arch_2.PNG": png_bytes(60, 30),
        "assets/media/flow.png": png_bytes(50, 30, (20, 90, 200)),
    })
    missing = [f for f in check_findings(site) if f["code"] == "missing-image"]
    assert len(missing) == 1, missing
    assert missing[0]["line"] == 8 and '"arch_2.PNG"' in missing[0]["message"]
    assert "differs only in case" in missing[0]["message"]
    status, said = build_all(site, tmp_path / "out")
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert status == 0 and html.count("<img") == 2 and "Scenarios" in html, said


def test_a_climbing_address_finds_the_content_file_hugo_publishes_there(tmp_path):
    """"../pics/map.png" from docs/network/setup.md (address /docs/network/setup/) is
    /docs/network/pics/map.png, where Hugo publishes content/docs/network/pics/map.png, under
    a section or not, and in a language of its own folder (content/de, address /de/...)."""
    site = write_site(tmp_path, {
        "hugo.toml": HUGO + '[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n'
                            'contentDir = "content-de"\n',
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/network/setup.md": "---\ntitle: Setup\n---\n![Map](../pics/map.png)\n",
        "content/docs/network/pics/map.png": b"section-map",
        "content/loose/deep/note.md": "---\ntitle: Note\n---\n![Map](../art/plan.png)\n",
        "content/loose/deep/art/plan.png": b"loose-plan",
        "content-de/docs/_index.md": "---\ntitle: Doku\n---\n",  # Hugo 0.168 needs it for de's file
        "content-de/docs/network/setup.md": "---\ntitle: Aufbau\n---\n![Karte](../pics/karte.png)\n",
        "content-de/docs/network/pics/karte.png": b"german-map",
    })
    settings = load_settings(site)
    found = pages(site)
    assert resolve_image(settings, found["docs/network/setup.md"],
                         "../pics/map.png").read_bytes() == b"section-map"
    assert resolve_image(settings, found["loose/deep/note.md"],
                         "../art/plan.png").read_bytes() == b"loose-plan"
    assert resolve_image(settings, found["docs/network/setup.md"], "../../pics/map.png") is None
    german = discover(settings, "de", Findings(), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    [setup] = [p for p in german.walk() if p.rel == "docs/network/setup.md"]
    assert resolve_image(settings, setup, "../pics/karte.png").read_bytes() == b"german-map"
