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
