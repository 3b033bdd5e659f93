"""WeasyPrint: a fetcher that serves only the site and manualgen's styles, options, findings.

Documents are rendered against a virtual base URL (``https://manualgen.invalid/``) that the
fetcher maps to real folders.  That keeps the network out (nothing is ever opened but local
files below the allowed roots, symlinks resolved) and makes the bytes independent of the
folder the site lives in: WeasyPrint names image objects after their URL.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import itertools
import logging
import mimetypes
import os
import re
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from . import (
    chapters,
    data_url,
    glyph_text,
    heap,
    page_numbers,
    painted,
    png_embed,
    shared_styles,
    sized_arrays,
    tagging,
)
from .errors import Findings
from .parsed_sheets import ParsedSheets
from .patching import patched

VIRTUAL_HOST = "manualgen.invalid"
VIRTUAL_BASE = f"https://{VIRTUAL_HOST}/"

_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".html": "text/html",
}


def content_type(path: Path) -> str:
    return _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class Roots:
    """Virtual URL prefixes (``site/``, ``styles/``, ``cache/`` …) and the folders they serve."""

    def __init__(self, mapping: dict[str, Path]) -> None:
        self.mapping = {name: path.resolve() for name, path in mapping.items()}

    def url_for(self, path: Path) -> str | None:
        """The virtual URL of a file below one of the roots, or None (also for a name no
        file can have, one with a NUL character)."""
        if "\x00" in str(path):
            return None
        real = path.resolve()
        for name, root in self.mapping.items():
            try:
                rel = real.relative_to(root)
            except ValueError:
                continue
            # Quoted: a file named "a#b.png" or "100%41.png" is not a fragment or an escape.
            return VIRTUAL_BASE + name + "/" + quote(rel.as_posix())
        return None

    def path_for(self, url: str) -> Path | None:
        """The real file behind a virtual URL, or None if it escapes every root."""
        if not url.startswith(VIRTUAL_BASE):
            return None
        rest = unquote(urlsplit(url).path)[1:]
        name, _, rel = rest.partition("/")
        root = self.mapping.get(name)
        if root is None or "\x00" in rel:
            return None
        real = (root / rel).resolve()
        try:
            real.relative_to(root)
        except ValueError:
            return None
        return real


_CSS_ADDRESS = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3""")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def stylesheet_refusals(sheets: list[Path], roots: Roots, findings: Findings, lang: str) -> None:
    """What the fetcher will refuse in the site's own stylesheets (a url() or @import outside
    the site, or of no file, or a picture that cannot be drawn), and a circle of @imports (WeasyPrint follows it until Python's
    recursion limit, then drops the sheet), found without a layout: check then says what
    build will."""
    for sheet in sheets:
        for address, line, path, is_import in _sheet_addresses(sheet, roots):
            if path is None or not path.is_file():
                findings.error("refused-resource", f"resource refused: {shorten(address)} ("
                               f"{'outside the site' if path is None else 'no such file'})",
                               sheet, line, lang=lang)
            elif is_import and _imports_back(path, sheet, roots, {sheet}):
                findings.error("refused-resource", f'the @import of "{shorten(address)}" leads '
                               "back to this stylesheet, which then never loads: remove the "
                               "@import that closes the circle", sheet, line, lang=lang)
            elif not is_import and (problem := _picture_problem(path)):
                findings.error("image-unreadable", f'image "{shorten(address)}": {problem}',
                               sheet, line, lang=lang)


def logo_refusal(logo: Path | None, findings: Findings, lang: str) -> None:
    """A cover logo that cannot be drawn, found without a layout (check)."""
    if logo is not None and logo.is_file() and (problem := _picture_problem(logo)):
        findings.error("image-unreadable", f'the logo "{logo.name}" cannot print: {problem}',
                       logo, lang=lang)


def _picture_problem(path: Path) -> str | None:
    """Why a picture a stylesheet or the cover shows cannot be drawn (damaged, an SVG
    WeasyPrint cannot draw), or None; fonts and other files are not looked at."""
    from .images import PREPARED_SUFFIXES, inspect

    if path.suffix.lower() not in PREPARED_SUFFIXES | {".svg"}:
        return None
    return inspect(path, full=True).problem


def _sheet_addresses(sheet: Path, roots: Roots) -> list[tuple[str, int, Path | None, bool]]:
    """Each address a stylesheet fetches: (as written, line, the file it names or None when
    that is outside the roots, whether it is an @import)."""
    base = roots.url_for(sheet)
    try:
        text = sheet.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []  # the configuration reports a stylesheet it cannot find
    text = _CSS_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    found = []
    for match in _CSS_ADDRESS.finditer(text):
        address = (match.group(2) if match.group(2) is not None else match.group(4)).strip()
        is_import = match.group(4) is not None or text[max(0, match.start() - 12):
                                                         match.start()].rstrip().endswith("@import")
        if (not address or address.startswith("#") or data_url.is_data_url(address)
                or (match.group(4) is not None and "{" in text[:match.start()])):
            continue  # an @import after a rule is ignored, not fetched
        path = roots.path_for(urljoin(base or VIRTUAL_BASE, address))
        found.append((address, text.count("\n", 0, match.start()) + 1, path, is_import))
    return found


def _imports_back(sheet: Path, start: Path, roots: Roots, seen: set[Path]) -> bool:
    """Whether ``sheet``'s @imports lead (directly or through others) to ``start``."""
    if sheet == start:
        return True
    if sheet in seen:
        return False  # a circle that does not pass through ``start``: reported at its own
    seen.add(sheet)
    return any(is_import and path is not None and path.is_file()
               and _imports_back(path, start, roots, seen)
               for _, _, path, is_import in _sheet_addresses(sheet, roots))


def make_fetcher(roots: Roots, refusals: list[str], fetched: dict[str, str] | None = None,
                 relational: set[str] | None = None):
    """A ``weasyprint.urls.URLFetcher`` that serves only files below ``roots``, and the
    images written into a page or an SVG as ``data:`` addresses (see data_url.py).  A refused
    address is recorded (WeasyPrint only logs a refusal inside an SVG) by its first and last
    characters: a data: address can run to megabytes.  ``fetched``, when given, receives a
    digest of each file served (the layout of a chapter is reused only with the same files,
    chapters.py), and ``relational`` the address of each stylesheet with a ``:has()``
    that can style a chapter by what other chapters hold (such a manual is laid out whole,
    see chapters.looks_across)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    def refuse(url: str, reason: str):
        refusals.append(f"{shorten(url)} ({reason})")
        return ValueError(f"manualgen refused {shorten(url)}: {reason}")

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if data_url.is_data_url(url):
                image = data_url.decode(url)
                if image.problem:
                    raise refuse(url, image.problem)
                return URLFetcherResponse(url, body=image.data,
                                          headers={"Content-Type": image.media_type})
            path = roots.path_for(url)
            if path is None or not path.is_file():
                raise refuse(url, "outside the site" if path is None else "no such file")
            data = path.read_bytes()
            if fetched is not None:
                fetched[url] = hashlib.sha256(data).hexdigest()
            if (relational is not None and path.suffix.lower() == ".css"
                    and chapters.looks_across(data.decode("utf-8", "replace"))):
                relational.add(url)
            return URLFetcherResponse(url, body=data, headers={"Content-Type": content_type(path)})

    return SiteFetcher(allowed_protocols={"https", "data"}, timeout=1)


def shorten(address: str, limit: int = 120) -> str:
    """An address for a message: whole up to ``limit`` characters, else its start and end
    around an ellipsis (a data: address would fill a screen)."""
    if len(address) <= limit:
        return address
    keep = (limit - 1) // 2
    return f"{address[:keep]}…{address[-keep:]}"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclasses.dataclass
class Made:
    """What :func:`render_pdf` made: the number of pages written (0: none); with ``keep``,
    the layout for the next render of the same language in this process; laid out chapter by
    chapter (``keep`` or a ``store``), the titles of the chapters laid out afresh and the
    number reused (chapters.py)."""

    pages: int
    layout: chapters.Kept | None = None
    laid_out: list[str] = dataclasses.field(default_factory=list)
    reused: int = 0


def render_pdf(
    html: str,
    target: Path,
    *,
    roots: Roots,
    pdf_variant: str | None,
    findings: Findings,
    lang: str,
    source_file: Path | None = None,
    progress=None,
    adjust=None,
    timings: dict[str, float] | None = None,
    kept: chapters.Kept | None = None,
    keep: bool = False,
    store=None,
    sheets: ParsedSheets | None = None,
    strict: bool = False,
) -> Made:
    """Render ``html`` to ``target`` atomically; WeasyPrint's messages become findings.
    Nothing is written when one of them is an error, or a warning with ``strict`` (the
    build then fails, and the PDF of the last good build stays as it was).

    ``adjust(document)`` may change the laid-out pages before they are written (the change
    bars of an edition, change_bars.py).  ``timings``, when given, receives the seconds of
    the ``layout`` and of the ``write``.  With ``keep``, the layout is laid out chapter by
    chapter and recorded for the next call, which is given it as ``kept`` and reuses the
    pages of the chapters that did not change (``--watch``, issue 11).  ``store`` (a
    chapter_store.Store) does the same across runs: chapters are read from it and written
    to it.  ``sheets``: the stylesheets parsed by earlier layouts, used again where their
    files did not change (parsed_sheets.py)."""
    import weasyprint

    from . import leaders  # imports WeasyPrint's boxes

    timings = {} if timings is None else timings
    if sheets is not None:
        sheets.checked(_reader(roots))

    refusals: list[str] = []
    fetched: dict[str, str] = {}
    relational: set[str] = set()
    by_chapters = keep or store is not None
    fetcher = make_fetcher(roots, refusals, fetched if by_chapters else None,
                           relational if by_chapters else None)
    session = None
    with _weasyprint_messages(progress) as capture, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # The stylesheets are <link>ed from the document itself, so they load through the
        # fetcher once and their @font-face rules share the document's font configuration.
        document = weasyprint.HTML(string=html, base_url=VIRTUAL_BASE, url_fetcher=fetcher)
        with png_embed.passthrough(), shared_styles.sharing(), leaders.slim_leaders(), \
                (sheets.in_use() if sheets else contextlib.nullcontext()):
            t0 = time.perf_counter()
            fonts = sheets.font_config if sheets else None
            with frozen_collector(collect=False), heap.layout_garbage_released():
                if by_chapters:
                    rendered, session, earlier = _lay_out_by_chapters(
                        document, kept, fetched, relational, store, fonts)
                else:
                    with page_numbers.settled():
                        rendered = document.render(font_config=fonts, presentational_hints=True)
                if adjust is not None:
                    adjust(rendered)
            large = len(rendered.pages) >= heap.LARGE  # memory worth the time it costs
            heap.trim()  # what the layout freed handed back before the PDF is written
            timings["layout"] = time.perf_counter() - t0
            if progress is not None and session is not None and session.reused:
                progress("layout", f"{len(session.reused)} of {session.count()} chapters "
                         "unchanged, their pages reused")
            if progress is not None:
                progress("write", "writing the PDF")
            options = {"uncompressed_pdf": False}
            if pdf_variant and pdf_variant != "none":
                options["pdf_variant"] = pdf_variant
            t0 = time.perf_counter()
            if session is not None:
                session.let_go(keep)
            data = _written(rendered, pdf_variant, options, large, keep)
            timings["write"] = time.perf_counter() - t0
    for url in refusals:
        findings.error("refused-resource", f"resource refused: {url}", source_file, lang=lang)
    _findings_from_log(capture.records, caught, findings, lang, source_file)
    if findings.errors or (strict and findings.warnings):
        return Made(0)
    write_atomic(target, data)
    if session is None:
        return Made(len(rendered.pages))
    laid_out = session.laid_out(earlier)
    return Made(len(rendered.pages), session.record if keep else None, laid_out,
                session.count() - len(laid_out))


def _written(rendered, pdf_variant: str | None, options: dict, large: bool,
             keep: bool = False) -> bytes:
    """The PDF's bytes, written with what keeps the writing's memory down (each page deflated
    once painted, the heap trimmed; a large manual's pages released once painted) and the
    collector on for its garbage only.  Releasing pages makes each page's structure elements
    as it is painted: 0.1 s more for a 42-page language, for memory that is no concern there.
    ``keep``: the layout stays for the next save (--watch), and its lines keep their shapes
    for the next painting (painted.shapes_kept)."""
    with frozen_collector(collect=True), remembered_page_references(), \
            pages_deflated_as_painted(pdf_variant), heap_trimmed_while_painting(), \
            tagging.languages_marked(), tagging.decorations_as_artifacts(), \
            glyph_text.glyphs_mapped(), glyph_text.joiners_drawn(), \
            sized_arrays.open_arrays_for_fonts(), \
            (released_as_painted(pdf_variant) if large else contextlib.nullcontext()), \
            (painted.shapes_kept() if keep else contextlib.nullcontext()):
        return write_pdf(rendered, pdf_variant, options)


@contextlib.contextmanager
def _weasyprint_messages(progress) -> Iterator[_Capture]:
    """WeasyPrint's log records kept (to become findings) and not shown, and its progress
    passed to ``progress``, within the block."""
    logger = logging.getLogger("weasyprint")
    capture = _Capture()
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    progress_logger = logging.getLogger("weasyprint.progress")
    progress_handler = _ProgressHandler(progress) if progress is not None else None
    if progress_handler is not None:
        progress_logger.addHandler(progress_handler)
    try:
        yield capture
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
        if progress_handler is not None:
            progress_logger.removeHandler(progress_handler)


def parse_sheets(sheets: ParsedSheets, urls: list[str], roots: Roots) -> None:
    """Parse the stylesheets at ``urls`` into ``sheets`` in this process, and load their
    fonts: a build does it once before its languages' processes fork, not once in each."""
    import html

    import weasyprint

    links = "".join(f'<link rel="stylesheet" href="{html.escape(url)}">' for url in urls)
    document = weasyprint.HTML(string=f"<!DOCTYPE html><html><head>{links}</head></html>",
                               base_url=VIRTUAL_BASE, url_fetcher=make_fetcher(roots, []))
    logger = logging.getLogger("weasyprint")
    propagate, logger.propagate = logger.propagate, False  # kept, and said by each build
    try:
        with sheets.in_use():
            document.render(font_config=sheets.font_config)
    except Exception:  # the layout meets it again, and reports it
        logging.getLogger("manualgen").debug("parsing the stylesheets ahead failed", exc_info=True)
        sheets.forget()
    finally:
        logger.propagate = propagate


def _reader(roots: Roots):
    """``read(address)``: the bytes a fetcher would serve for it now, or None."""
    fetcher = make_fetcher(roots, [])

    def read(url: str) -> bytes | None:
        try:
            return fetcher(url).read()
        except (ValueError, OSError):  # refused, or gone: as a layout would find it
            return None

    return read


def _lay_out_by_chapters(document, kept: chapters.Kept | None, fetched: dict[str, str],
                         relational: set[str], store, fonts=None):
    """``document`` laid out reusing the unchanged chapters of ``kept``; again, with those
    chapters laid out afresh, when a reused chapter's "see page N" moved (chapters.py).
    Also returns the keys of the chapters laid out by the attempts before the last (which
    the last one may take from the store, as they were just made).  ``fonts``: the font
    configuration of kept stylesheets (parsed_sheets.py), else each attempt makes one."""
    from weasyprint.text.fonts import FontConfiguration

    refuse: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    while True:
        fetched.clear()
        relational.clear()
        font_config = fonts if fonts is not None else FontConfiguration()
        session = chapters.Session(kept, fetched, relational, refuse=refuse, store=store)
        try:
            with chapters.chapter_layout(session, font_config):
                rendered = document.render(font_config=font_config, presentational_hints=True,
                                           cache=session.images)
        except (RecursionError, MemoryError):
            raise
        except Exception:  # a fault of the reuse must not cost the manual: once more, afresh
            if kept is None and store is None:
                raise
            logging.getLogger("manualgen").debug("chapter reuse failed", exc_info=True)
            return _lay_out_by_chapters(document, None, fetched, relational, None, fonts)
        stale = session.stale() - refuse
        if not stale:
            return rendered, session, earlier
        refuse |= stale
        earlier |= session.fresh()


@contextlib.contextmanager
def frozen_collector(collect: bool):
    """Python's cyclic garbage collector kept off what already exists while WeasyPrint works.

    A layout makes millions of small objects that live until the PDF is written, and no
    cycles worth collecting (measured: the same peak memory with the collector on or off);
    every collection would walk all of them again.  So the layout runs with the collector
    off (``collect=False``).  Writing the PDF does leave cyclic garbage (about 0.5 MiB a
    page), so it runs with the collector on (``collect=True``) but with the laid-out pages
    frozen: collections then walk only what the writing makes.  Everything is unfrozen, and
    the collector as it was, after; in a forked worker the frozen objects' memory pages also
    stay shared with the parent."""
    was_enabled = gc.isenabled()
    gc.freeze()
    if collect:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def remembered_page_references() -> contextlib.AbstractContextManager:
    """pydyf's ``PDF.page_references`` builds a new tuple of every page's reference each time
    it is read, and WeasyPrint reads it for each tagged box and each link target: quadratic
    in the pages (1,200 pages: 205,000 reads, 246 million references made, more than half of
    the writing).  While the PDF is written it is remembered per PDF and recomputed only when
    a page has been added (pydyf only ever appends to ``/Kids``): the same values, once."""
    import pydyf

    original = pydyf.PDF.page_references

    def page_references(pdf) -> tuple:
        kids = pdf.pages["Kids"]
        known = pdf.__dict__.get("_manualgen_page_references")
        if known is None or known[0] is not kids or known[1] != len(kids):
            known = (kids, len(kids), original.fget(pdf))
            pdf.__dict__["_manualgen_page_references"] = known
        return known[2]

    return patched(pydyf.PDF, "page_references", property(page_references))


def pages_deflated_as_painted(pdf_variant: str | None) -> contextlib.AbstractContextManager:
    """Each page's content stream deflated as soon as the page is painted (issue 11, memory).
    pydyf keeps every drawing operation of every page as a bytes object of its own until the
    whole PDF is written, and deflates them then: a 1,200-page manual grew by 270 MiB while
    it was written.  Deflated at once, a page's operations take a fraction of that, and the
    bytes are the same: what pydyf does when it writes, done earlier (tagging.deflate_now).
    A PDF/A's streams are settled by the finisher instead (tagging.clear_stream_ends)."""
    if pdf_variant and pdf_variant.startswith("pdf/a"):
        return contextlib.nullcontext()
    return _after_painting(tagging.deflate_now)


def _after_painting(then) -> contextlib.AbstractContextManager:
    """Within the block, ``then(stream)`` runs after WeasyPrint has painted each page."""
    from weasyprint import document as wdocument

    original = wdocument.Page.paint

    def paint(page, stream, *args, **kwargs):
        painted = original(page, stream, *args, **kwargs)
        then(stream)
        return painted

    return patched(wdocument.Page, "paint", paint)


def released_as_painted(pdf_variant: str | None):
    """Each page's boxes let go once it is painted (painted.py); not for a PDF/A, which
    :func:`write_pdf` may write twice."""
    if pdf_variant and pdf_variant.startswith("pdf/a"):
        return contextlib.nullcontext()
    from weasyprint.pdf import VARIANTS

    tagged = bool(VARIANTS.get(pdf_variant or "", (None, {}))[1].get("pdf_tags"))
    return painted.pages_released_as_painted(tagged)


def heap_trimmed_while_painting(every: int = heap.EVERY) -> contextlib.AbstractContextManager:
    """The heap trimmed every ``every`` pages painted (see heap.py): what the painting of a
    page frees (its Pango layouts, its drawing operations once deflated) goes back to the
    system instead of staying in the resident set."""
    count = itertools.count(1)

    def trim(_stream) -> None:
        if next(count) % every == 0:
            heap.trim()

    return _after_painting(trim)


def preload(language_tags: list[str]) -> None:
    """Import WeasyPrint and load the hyphenation dictionaries of ``language_tags`` now, in
    the process that forks the workers: each worker then finds them in its memory instead of
    importing and parsing them again.  Only for a build that will lay a PDF out (a check, or
    a build with nothing to do, must not pay the import)."""
    import pyphen
    import weasyprint  # noqa: F401  (the import is the point)

    for tag in language_tags:
        found = pyphen.language_fallback(tag)
        if found:
            pyphen.Pyphen(lang=found)  # cached by pyphen (hdcache), shared with the workers


def write_pdf(rendered, pdf_variant: str | None, options: dict) -> bytes:
    """The PDF's bytes. A PDF/A whose object or cross-reference stream (compressed by pydyf
    as it writes, after the finisher) happens to end with a carriage return is written again
    with a no-op entry added, so that no stream's /Length is ambiguous (see
    tagging.clear_stream_ends); the choice depends on the bytes only, so it stays
    reproducible."""
    archival = bool(pdf_variant) and pdf_variant.startswith("pdf/a")
    for variation in range(4):
        data = rendered.write_pdf(finisher=_finisher(pdf_variant, variation), **options)
        if not archival or b"\r\nendstream" not in data:
            break
    return data


def _finisher(pdf_variant: str | None, variation: int = 0):
    """What manualgen adds once WeasyPrint has made the PDF's objects: page labels, and the
    repairs of the structure tree and of the variant's loose ends (see tagging.py).
    ``variation`` (0 to 3) adds entries that change no meaning: the page labels' start
    number 1 (the default) and the structure tree's next parent-tree key (an untagged PDF:
    the viewer preference to show the title, which a tagged one has already)."""
    repair = tagging.finisher(pdf_variant)

    def finish(document, pdf) -> None:
        _page_labels(document, pdf, start=bool(variation & 1))
        _plain_bookmarks(pdf)
        repair(document, pdf)
        if variation & 2:
            tagging.next_parent_key(pdf)
            _show_title(pdf)

    return finish


def _plain_bookmarks(pdf) -> None:
    """Bookmarks without the word joiners (U+2060) that keep Korean words whole on the page
    (assemble/word_joins.py): a joiner only forbids a line break, and a bookmark is a
    viewer's line of text, copied and searched as written."""
    import pydyf

    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and "Dest" in obj:
            title = obj.get("Title")
            if isinstance(title, pydyf.String) and "\u2060" in str(title.string):
                title.string = str(title.string).replace("\u2060", "")


def _show_title(pdf) -> None:
    import pydyf

    if "ViewerPreferences" not in pdf.catalog:
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})


def _page_labels(document, pdf, start: bool = False) -> None:
    """Page labels that match the printed page numbers (the cover counts as page 1)."""
    import pydyf

    style = pydyf.Dictionary({"S": "/D"})
    if start:
        style["St"] = 1
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array([0, style])})


class _ProgressHandler(logging.Handler):
    def __init__(self, callback) -> None:
        super().__init__(logging.INFO)
        self.callback = callback

    def emit(self, record: logging.LogRecord) -> None:
        self.callback("weasyprint", record.getMessage())


_NO_VALUE = re.compile(r"^Ignored `([\w-]+): ` at (\d+:\d+), no value\.$")


def _explained(message: str) -> str:
    """WeasyPrint's word for a style left with no value, said in the writer's terms: it is
    most often a CSS variable (``var(--color-primary)``) that the site's theme defines for
    the web and the manual's stylesheets do not."""
    found = _NO_VALUE.match(message)
    if found is None:
        return message
    return (f"{message} The style \"{found.group(1)}\" has no value in print: a CSS variable "
            "it names (var(--…)) is defined by the site's theme for the web, not by the "
            "manual's stylesheets, or the value is empty; define the variable in a print "
            "stylesheet ([print] stylesheets in manualgen.toml) if the style matters")


def _findings_from_log(records, caught, findings: Findings, lang: str, source_file) -> None:
    for record in records:
        message = record.getMessage()
        if record.name == "weasyprint.progress" or "HarfBuzz-Subset" in message:
            continue  # progress, and a note about the machine's libraries, not the site
        if record.levelno >= logging.ERROR:
            if "refused" in message and "manualgen" in message:
                continue
            if "Failed to load stylesheet" in message and "RecursionError" in message:
                url = message.split(" at ", 1)[-1].split(" : ", 1)[0]
                findings.error("refused-resource", f"the stylesheet {url} was not loaded: its "
                               "@imports lead back to it; remove the @import that closes the "
                               "circle", source_file, lang=lang)
            elif "Failed to load stylesheet" in message:
                findings.error("refused-resource", message, source_file, lang=lang)
            elif ("Failed to load image" in message or "Failed to load inline SVG" in message
                  or "Failed to render SVG" in message):  # a picture missing from the PDF
                findings.error("image-unreadable", message, source_file, lang=lang)
            else:
                code = "pdf-variant" if ("required" in message or "Missing" in message) else "render"
                findings.warning(code, message, source_file, lang=lang)
        elif record.levelno >= logging.WARNING:
            findings.warning("css", _explained(message), source_file, lang=lang)
    for warning in caught:
        # HarfBuzz: a note about the machine's libraries; ResourceWarning: a file WeasyPrint
        # itself leaves open (its sRGB profile, for PDF/A). Neither is about the site.
        if "HarfBuzz" in str(warning.message) or issubclass(warning.category, ResourceWarning):
            continue
        findings.warning("render", f"{warning.category.__name__}: {warning.message}", source_file,
                         lang=lang)


def write_atomic(target: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside the target, then move it into place: a reader never
    sees half a file. ``durable`` also waits for the disk (for PDFs; the cache skips it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
