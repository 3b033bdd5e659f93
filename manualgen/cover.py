"""The picture a page's front matter sets at its head, which the theme's layout shows above
the text: PaperMod's ``cover`` (``image``, ``alt``, ``caption``; ``hidden`` or
``hiddenInSingle`` keep it off the page itself) and Ananke's ``featured_image``.  On paper it
prints under the title, as a figure; a file of the page's bundle is found there, any other
name in the site's static folders, as the themes' ``absURL`` finds it."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from pathlib import Path

_TRUE = (True, "true", "yes")


@dataclasses.dataclass(frozen=True)
class Cover:
    src: str  # as the resources pass reads it: relative to the page, or from the site's root
    alt: str
    caption: str  # Markdown
    key: str  # the front matter key that set it, for messages


def page_cover(meta: dict, title: str, bundle: Path | None) -> Cover | None:
    """The cover a page's front matter (``meta``) sets, or None; ``bundle``: the folder of a
    leaf bundle's files (an ``index`` page), else None."""
    cover = _key(meta, "cover")
    if isinstance(cover, dict) and _text(_key(cover, "image")):
        if _key(cover, "hidden") in _TRUE or _key(cover, "hiddenInSingle") in _TRUE:
            return None
        caption = _text(_key(cover, "caption"))
        return Cover(_address(_text(_key(cover, "image")), bundle),
                     _text(_key(cover, "alt")) or caption, caption, "cover")
    featured = _text(_key(meta, "featured_image"))
    if featured:
        return Cover(_address(featured, bundle), title, "", "featured_image")
    return None


def cover_html(cover: Cover, markdownify: Callable[[str], str]) -> str:
    """The figure that prints ``cover`` (its caption's Markdown rendered)."""
    caption = f"<figcaption>{markdownify(cover.caption)}</figcaption>" if cover.caption else ""
    return (f'<figure class="mg-cover"><img src="{html.escape(cover.src)}" '
            f'alt="{html.escape(cover.alt)}">{caption}</figure>\n')


def _address(src: str, bundle: Path | None) -> str:
    """A name the bundle has stays relative to the page; another plain name is read from
    the site's root (static), as PaperMod's absURL and a browser below Ananke's page do."""
    if "://" in src or src.startswith(("/", "data:")):
        return src
    if bundle is not None and (bundle / src).is_file():
        return src
    return "/" + src.removeprefix("./")


def _key(table: dict, name: str):
    """A key in any letter case, as Hugo reads front matter."""
    return next((value for key, value in table.items() if str(key).lower() == name.lower()), None)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""
