"""What the assemble passes share: the context of one language's document, the job of one
page, the registry of passes in their order, and the assembled document they return.

A pass is a function ``(root, job) -> None`` over one page's tree.  It reads the context
(settings, labels, the outline of every page, the services it was given) and writes only
to the page's tree and to the context's collectors (findings, images found, ids).
"""

from __future__ import annotations

import dataclasses
import html as html_module
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

from ..content import Page
from ..errors import Findings
from ..geometry import PrintGeometry
from ..images import ImageInfo
from ..languages import language_tag
from ..pdf import Roots
from ..render import RenderedPage
from .outline import Outline

Pass = Callable[[ET.Element, "PageJob"], None]
_IMAGE_TOKEN = re.compile(r'"(mg-image:\d+)"')  # each <img>'s marked src (assemble/__init__.py)


@dataclasses.dataclass(frozen=True)
class ImageUse:
    """One ``<img>`` of the document showing a file of the site.

    ``context`` says how wide it prints ("step": a step's picture column, "full": up to the
    text width), which is what the preparation of screenshots needs; ``token`` marks its
    ``src`` in the document until the preparation has chosen the file to embed."""

    path: Path
    url: str
    info: ImageInfo
    page: Path
    line: int | None
    context: str
    token: str


@dataclasses.dataclass(frozen=True)
class FoundImage:
    """An image the images pass resolved to a file, before its context is known."""

    path: Path
    url: str
    info: ImageInfo
    page: Path
    line: int | None


@dataclasses.dataclass(frozen=True)
class AssembledDocument:
    """One language's manual as HTML, with every file it embeds.

    ``images`` are the screenshots in document order; ``files`` the other files of the site
    it uses (``<object>``, ``<embed>``, ``url()`` in styles).  ``html()`` gives the document
    with each image pointing at the file ``choose`` picks for it (its prepared copy), or at
    the source itself."""

    lang: str
    marked: str  # the HTML with a token in place of each image's src
    images: tuple[ImageUse, ...]
    files: tuple[Path, ...]

    def html(self, choose: Callable[[ImageUse], str | None] | None = None) -> str:
        # One pass over the document (issue 11): a replace per image was quadratic, 40 s for
        # a 1,200-page manual.  Each token's first occurrence, as before.
        urls = {use.token: (choose(use) if choose else None) or use.url for use in self.images}

        def swap(match: re.Match) -> str:
            url = urls.pop(match.group(1), None)
            return match.group(0) if url is None else f'"{html_module.escape(url, quote=True)}"'

        return _IMAGE_TOKEN.sub(swap, self.marked)

    @property
    def resources(self) -> list[Path]:
        """Every file the document embeds, for the attribution of WeasyPrint's messages."""
        return [use.path for use in self.images] + list(self.files)


@dataclasses.dataclass
class Context:
    """One language's document being assembled: inputs, services and collectors."""

    settings: object  # config.Settings
    lang: str
    labels: dict[str, str]
    roots: Roots
    findings: Findings
    outline: Outline
    inspect_image: Callable[[Path], ImageInfo]
    geometry: PrintGeometry
    # The default language's pages, for links to a page this language lacks (the web site
    # shows the default language's page there); None for the default language itself.
    fallback: Outline | None = None
    # The site's pages this manual leaves out (other sections, web-only pages): a link to
    # one prints its web address.
    left_out: Outline | None = None
    ids: dict[Page, set[str]] = dataclasses.field(default_factory=dict)  # learned by parse
    found_images: dict[ET.Element, FoundImage] = dataclasses.field(default_factory=dict)
    files: list[Path] = dataclasses.field(default_factory=list)
    # Edition comparison (--since): page → the blocks to mark (see changes.py); empty without.
    changes: dict[Page, object] = dataclasses.field(default_factory=dict)
    # The pages whose file is a page of the default language (outline.borrowed): their text
    # is in that language, and runs in its direction.
    borrowed: frozenset[Page] = frozenset()

    @property
    def direction(self) -> str:
        """"rtl" or "ltr": which way the language's text runs (Hugo's direction)."""
        return self.settings.languages[self.lang].direction

    def language_of(self, page: Page) -> tuple[str, str] | None:
        """The language tag and direction of a borrowed page's text (the default
        language's), or None for the manual's own pages."""
        if page not in self.borrowed:
            return None
        code = self.settings.default_language
        language = self.settings.languages[code]
        return language_tag(language.locale, code), language.direction


@dataclasses.dataclass
class PageJob:
    """One page going through the passes."""

    ctx: Context
    rendered: RenderedPage

    @property
    def page(self) -> Page:
        return self.rendered.page

    @property
    def anchor(self) -> str:
        return self.ctx.outline.anchor(self.page)

    @property
    def direction(self) -> str:
        """Which way the page's text runs: its language's (a borrowed page's is the default
        language's)."""
        borrowed = self.ctx.language_of(self.page)
        return borrowed[1] if borrowed else self.ctx.direction

    def line(self, needle: str, after: int = 0, outside_code: bool = False) -> int | None:
        """The source line of a text of the page's body (read once, with the page)."""
        return self.page.find_line(needle, after, outside_code=outside_code)

    def output_line(self, value: str) -> int | None:
        """The line of the shortcode that wrote this src or href, if one did."""
        return self.rendered.output_lines.get(value)

    def warning(self, code: str, message: str, line: int | None) -> None:
        self.ctx.findings.warning(code, message, self.page.path, line, lang=self.ctx.lang)

    def error(self, code: str, message: str, line: int | None) -> None:
        self.ctx.findings.error(code, message, self.page.path, line, lang=self.ctx.lang)


class Registry:
    """Passes by name, run in the order of their priority (as Python-Markdown's)."""

    def __init__(self) -> None:
        self._items: list[tuple[float, str, Pass]] = []

    def register(self, fn: Pass, name: str, priority: float) -> None:
        self._items = [item for item in self._items if item[1] != name]
        self._items.append((priority, name, fn))
        self._items.sort(key=lambda item: item[0])

    def __iter__(self) -> Iterator[tuple[str, Pass]]:
        return iter([(name, fn) for _priority, name, fn in self._items])
