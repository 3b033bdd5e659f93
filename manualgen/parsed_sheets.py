"""Stylesheets parsed once and used again by the next layouts (speed, issue 11).

Every layout parses the manual's ``<link>``ed stylesheets again (manualgen's manual.css
alone: about 90 ms) and registers the fonts of their ``@font-face`` rules again, which
unpacks every WOFF file (about 90 ms for the bundled faces).  Under ``--watch`` that is
paid on every save; in a cold build, by every language's process.

A :class:`ParsedSheets` keeps, for each stylesheet address, what parsing it made and did:

- the parsed rules (WeasyPrint's selector matcher) and the ``@page`` rules and counter
  styles the parse added to the document's;
- the address and digest of every file it read (the sheet, its ``@import``\\ s, its fonts),
  in order;
- what WeasyPrint logged meanwhile (a site stylesheet's unknown property is a finding on
  every build, not only on the first).

Its one font configuration holds the faces registered by those parses, so a kept sheet is
only valid with it: documents laid out within :meth:`ParsedSheets.in_use` are given that
font configuration.  When any file a kept parse read has changed (or can no longer be read),
:meth:`ParsedSheets.checked` forgets every sheet *and* the font configuration, since a font
face cannot be taken back out of one; the next layout then parses as a cold one does.

Using a kept sheet, the files it read are fetched again through the document's fetcher, so
that the fetcher sees exactly the reads of a fresh parse (the chapter keys and the check
for ``:has()`` rely on them, chapters.py).  A sheet whose parse added cascade layers or
colour profiles, or that is given a matcher (an ``@import`` within another sheet), is
parsed every time: those go into lists whose order a replay could not promise.

The PDF is the same, byte for byte: tests build the same documents with and without.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
from collections.abc import Callable, Iterator

from .patching import patched


@dataclasses.dataclass(frozen=True)
class _Sheet:
    """One stylesheet as a parse left it (see the module docstring)."""

    base_url: str
    matcher: object
    page_rules: tuple
    counter_styles: tuple[tuple[str, object], ...]
    reads: tuple[tuple[str, str], ...]  # (address, sha256) of each file read, in order
    logged: tuple[logging.LogRecord, ...]


class ParsedSheets:
    """Parsed stylesheets and the font configuration their ``@font-face`` rules filled."""

    def __init__(self) -> None:
        self._sheets: dict[tuple[str, str], _Sheet] = {}
        self._font_config = None  # made when first asked for: a check never imports WeasyPrint

    def count(self) -> int:
        """How many stylesheets are kept."""
        return len(self._sheets)

    @property
    def font_config(self):
        """The font configuration every document laid out within :meth:`in_use` is given."""
        if self._font_config is None:
            from weasyprint.text.fonts import FontConfiguration

            self._font_config = FontConfiguration()
        return self._font_config

    def checked(self, read: Callable[[str], bytes | None]) -> None:
        """Forget everything when a file read by a kept parse has changed: ``read(address)``
        gives a file's bytes now, or None when it cannot be read."""
        for sheet in self._sheets.values():
            if any(_digest(read(url)) != digest for url, digest in sheet.reads):  # "" both: refused
                self.forget()
                return

    def forget(self) -> None:
        """Keep nothing: the next layout parses every sheet, with a new font configuration."""
        self._sheets, self._font_config = {}, None

    def in_use(self) -> contextlib.AbstractContextManager:
        """Within the block, the ``<link>``ed stylesheets of documents laid out with
        :attr:`font_config` are parsed through this object."""
        from weasyprint import css

        return patched(css, "CSS", functools.partial(self._stylesheet, css.CSS))

    def _stylesheet(self, real, *args, **kw):
        url = kw.get("url")
        if (args or url is None or kw.get("matcher") is not None
                or kw.get("font_config") is not self.font_config):
            return real(*args, **kw)
        key = (url, kw.get("media_type", ""))
        sheet = self._sheets.get(key)
        if sheet is not None:
            return _replayed(real, sheet, kw)
        made, sheet = _parsed(real, kw)
        if sheet is not None:
            self._sheets[key] = sheet
        return made


def _digest(data: bytes | None) -> str:
    return "" if data is None else hashlib.sha256(data).hexdigest()


def _parsed(real, kw: dict) -> tuple[object, _Sheet | None]:
    """WeasyPrint's parse of the sheet, and what it made and did (None when it cannot be
    replayed: it added layers or colour profiles)."""
    page_rules, layers = kw.get("page_rules"), kw.get("layers")
    counters, profiles = kw.get("counter_style"), kw.get("color_profiles")
    before = (len(page_rules or ()), len(layers or ()), dict(counters or {}),
              dict(profiles or {}))
    reads: list[tuple[str, str]] = []
    with _logged() as logged:
        made = real(**{**kw, "url_fetcher": _recording(kw["url_fetcher"], reads)})
    if (page_rules is None or layers is None or counters is None or profiles is None
            or len(layers) != before[1] or profiles != before[3]):
        return made, None
    added = tuple((name, value) for name, value in counters.items()
                  if before[2].get(name, _MISSING) is not value)
    return made, _Sheet(made.base_url, made.matcher, tuple(page_rules[before[0]:]), added,
                        tuple(reads), tuple(logged))


_MISSING = object()


def _replayed(real, sheet: _Sheet, kw: dict):
    """A stylesheet object equal to what parsing the sheet for this document would make,
    with the document's lists filled as that parse would have filled them."""
    fetcher = kw["url_fetcher"]
    for url, _digest_then in sheet.reads:
        with contextlib.suppress(Exception):  # as before (checked() made sure of it)
            fetcher(url).read()
    kw["page_rules"].extend(sheet.page_rules)
    for name, value in sheet.counter_styles:
        kw["counter_style"][name] = value
    logger = logging.getLogger("weasyprint")
    for record in sheet.logged:
        logger.handle(record)
    made = object.__new__(real)
    made.base_url, made.matcher = sheet.base_url, sheet.matcher
    made.page_rules, made.layers = kw["page_rules"], kw["layers"]
    return made


def _recording(fetcher, reads: list[tuple[str, str]]):
    """``fetcher`` that also notes the address and digest of each file it serves."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Recording(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                response = fetcher(url)
            except Exception:
                reads.append((url, ""))  # refused: replayed too, so that it is refused again
                raise
            data = response.read()
            reads.append((url, _digest(data)))
            return URLFetcherResponse(response.url, body=data, headers=response.headers,
                                      status=response.status)

    made = Recording()
    made._fail_on_errors = fetcher._fail_on_errors
    return made


@contextlib.contextmanager
def _logged() -> Iterator[list[logging.LogRecord]]:
    """The records WeasyPrint logs within the block (they still reach its other handlers)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name == "weasyprint":  # not its progress
                records.append(record)

    logger, handler = logging.getLogger("weasyprint"), Keep(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
