"""The orchestrator: one call per stage, top to bottom.

    settings → for each language: reuse? → discover → render
             → compare the translations (the rendered pages)
             → with --since: compare with the edition at that git revision (edition.py)
             → for each language to print: assemble → prepare images → PDF

``build()`` returns what it made and every finding; it raises only for problems that stop
everything (configuration, usage).  Each page is read and rendered once: the translation
check and the assembler read the same :class:`~manualgen.render.RenderedLanguage`.  A
language with errors gets no PDF, and its previous PDF stays as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import __version__, heap, report
from . import cache as cache_module
from .assemble import AssembledDocument, assemble
from .cache import Cache
from .change_bars import place_bars
from .chapter_store import Store
from .chapters import Kept
from .compiled_templates import CompiledTemplates
from .config import (
    BUILTIN_STYLES,
    MANUALGEN_CONFIG,
    Language,
    Settings,
    _line_of_key,
    load_settings,
)
from .content import Page, discover, find_files
from .edition import (
    LanguageChanges,
    Revision,
    changed_files,
    checked_out,
    compare,
    pages_only,
    render_old,
    resolve_revision,
)
from .errors import (
    ConfigError,
    Finding,
    Findings,
    ManualgenError,
    UsageError,
    show,
    shown_from,
)
from .fonts import Text, check_glyphs, control_characters, printed_text, with_stand_ins
from .hyphenation import load_dictionaries
from .i18n import format_date, label_table, labels_in_english
from .images import inspect
from .jobs import run_each_and, worker_count
from .languages import language_tag
from .parsed_sheets import ParsedSheets
from .pdf import (
    VIRTUAL_BASE,
    Made,
    Roots,
    logo_refusal,
    parse_sheets,
    preload,
    render_pdf,
    stylesheet_refusals,
    write_atomic,
)
from .render import (
    RenderedLanguage,
    RenderedPage,
    language_labels,
    page_converter,
    render_language,
)
from .reuse import (
    LanguageState,
    record_rendering,
    record_structures,
    record_translations,
    recorded_rendering,
    recorded_structures,
    recorded_translations,
    translation_record,
)
from .translations import TranslationReport, check_translations, summarise_missing
from .weasyprint_import import import_weasyprint

__all__ = ["BuildOptions", "BuildResult", "LanguageResult", "build", "build_now",
           "page_converter"]

STAGES = ("discover", "render", "assemble", "images", "layout", "write")
Progress = Callable[[str, str], None]
IMAGE_THREADS = 2  # speed (issue 11): Pillow decodes and encodes outside the GIL


@dataclasses.dataclass
class BuildOptions:
    langs: list[str] = dataclasses.field(default_factory=list)
    all: bool = False
    out: Path = Path("output")
    html: bool = False
    strict: bool = False
    check_only: bool = False
    jobs: int = 0  # processes for languages; 0: one per core (see jobs.py)
    cache_dir: Path = Path(".manualgen-cache")
    no_cache: bool = False  # build everything, reuse nothing (same bytes as with the cache)
    list_translations: bool = False  # check --translations: every missing page, not a summary
    pdf_variant: str | None = None  # --pdf-variant: overrides [print] pdf_variant
    sections: list[str] = dataclasses.field(default_factory=list)  # --section: overrides [manual] sections
    since: str = ""  # --since REV: compare with the site at that git revision ([edition] since)
    # --watch --no-cache (issue 11): lay out chapter by chapter, in this process, and keep the
    # layouts; ``layouts`` holds those of the last build, by language (with a cache folder
    # the chapters are kept there instead)
    keep_layouts: bool = False
    layouts: dict[str, Kept] = dataclasses.field(default_factory=dict)
    # --watch with a cache folder: a language laid out in this process (the only one to
    # print) keeps its layout here as well, for the next save (see Builder._keeps)
    keep_in_process: bool = False
    # --watch: the stylesheets parsed by the last build, used again (parsed_sheets.py)
    sheets: ParsedSheets | None = None
    # --watch: the Jinja templates compiled by the last build (compiled_templates.py)
    templates: CompiledTemplates | None = None


@dataclasses.dataclass
class LanguageResult:
    lang: str
    pdf: Path | None = None
    html: Path | None = None
    pages: int = 0
    skipped: bool = False
    reused: bool = False  # the previous PDF was kept: nothing it depends on changed
    timings: dict[str, float] = dataclasses.field(default_factory=dict)
    # with BuildOptions.keep_layouts: the layout for the next build, the chapters laid out
    # afresh (their titles) and the number reused
    layout: Kept | None = dataclasses.field(default=None, repr=False, compare=False)
    laid_out: list[str] = dataclasses.field(default_factory=list)
    reused_chapters: int = 0


@dataclasses.dataclass
class BuildResult:
    settings: Settings
    results: list[LanguageResult]
    findings: Findings
    translations: TranslationReport | None = None  # the matrix and drift (manualgen check)
    editions: dict[str, LanguageChanges] = dataclasses.field(default_factory=dict)  # --since

    @property
    def ok(self) -> bool:
        return not self.findings.errors


@dataclasses.dataclass(frozen=True)
class ManualDates:
    """The dates of a build.  ``now`` decides what is published (future, expired pages)
    and what a site template's ``now`` prints; ``of`` is each language's manual date, on
    its cover and in its metadata."""

    now: dt.datetime
    of: dict[str, dt.datetime]

    def key(self, langs: list[str], now: bool = True) -> str:
        """The dates of ``langs`` for a cache key, with the build's now unless ``now`` is
        false (a document's key: its HTML shows what was published)."""
        text = " ".join(f"{lang}={self.of[lang].isoformat()}" for lang in langs)
        return text + (f" now={self.now.isoformat()}" if now else "")


def build_now(settings: Settings) -> dt.datetime:
    """The build's now (:class:`ManualDates`): SOURCE_DATE_EPOCH, else the site's last
    commit, else its newest page in any language (the same input gives the same manual)."""
    return manual_dates(settings).now


def manual_dates(settings: Settings) -> ManualDates:
    """The build's now, and each language's manual date: the same, but without git the
    newest page of that language.  A page saved in one language then leaves the other
    manuals' dates, and bytes, as they were."""
    shared = _site_date(settings)
    if shared is not None:
        return ManualDates(shared, {lang: shared for lang in settings.languages})
    of = {lang: _newest_page(settings, lang) for lang in settings.languages}
    return ManualDates(max(of.values()), of)


def _site_date(settings: Settings) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH, else the time of the site's last commit; None without either."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    try:
        out = subprocess.run(
            ["git", "-C", str(settings.site_root), "log", "-1", "--format=%ct", "--", "."],
            capture_output=True, text=True, timeout=5, check=False)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return dt.datetime.fromtimestamp(int(out.stdout.strip()), dt.UTC)
    except (OSError, subprocess.SubprocessError):
        pass
    return None


def source_date_epoch() -> dt.datetime | None:
    """The date SOURCE_DATE_EPOCH sets, or None where it is unset or empty.  As the
    reproducible-builds convention asks, a value that is no whole number of seconds since
    1970 (within the years 1970 to 9999) stops the build: fontTools could not read it either,
    and the manual would print in other fonts."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit() and len(text) <= 12:
        try:
            return dt.datetime.fromtimestamp(int(text), dt.UTC)
        except (ValueError, OverflowError, OSError):  # past the year 9999
            pass
    shown = text if len(text) <= 40 else text[:40] + "…"
    raise UsageError(f'SOURCE_DATE_EPOCH is "{shown}": set it to the seconds since 1970 as a '
                     "whole number (1700000000 for 2023-11-14), or leave it unset")


def _newest_page(settings: Settings, lang: str) -> dt.datetime:
    """The modification time of the language's newest page (its content files, as
    :func:`discover` finds them), to the second; 2000-01-01 when it has none."""
    newest = 0.0
    for path in find_files(settings, lang, Findings()).values():
        try:
            newest = max(newest, path.stat().st_mtime)
        except OSError:  # gone since it was listed: discover reports it
            continue
    return dt.datetime.fromtimestamp(int(newest), dt.UTC) if newest else dt.datetime(
        2000, 1, 1, tzinfo=dt.UTC)


def choose_languages(settings: Settings, options: BuildOptions) -> list[str]:
    configured = list(settings.languages)
    if options.all:
        return configured
    if not options.langs:
        return [settings.default_language]
    chosen = []
    for code in options.langs:
        code = code.lower()
        if code not in settings.languages:
            raise UsageError(f'language "{code}" is not configured; configured: {", ".join(configured)}',
                             settings.config_files[-1] if settings.config_files else None)
        if code not in chosen:
            chosen.append(code)
    return chosen


def _refusals_without_layout(settings: Settings, roots: Roots, findings: Findings,
                             lang: str) -> None:
    """What the layout would refuse in the site's stylesheets and cover logo (check)."""
    stylesheet_refusals(settings.stylesheets, roots, findings, lang)
    logo_refusal(settings.logo, findings, lang)


def _glyphs(rendered: RenderedLanguage, document: AssembledDocument
            ) -> tuple[list[Finding], AssembledDocument]:
    """Characters no font has and control characters (they would print as boxes): pages
    first, for file and line; then the whole document (cover, contents, labels).  Returns
    the findings and the document with a stand-in for each symbol that has one
    (fonts.STAND_INS)."""
    texts = [Text(r.page.title + " " + printed_text(r.html), r.page.path, r.page.body_line)
             for r in rendered.pages]
    texts.append(Text(printed_text(document.html())))
    glyphs = check_glyphs(texts, rendered.lang)
    findings = glyphs.findings + control_characters(texts, rendered.lang)
    if not glyphs.stand_ins:
        return findings, document
    return findings, dataclasses.replace(
        document, marked=with_stand_ins(document.marked, glyphs.stand_ins))


def build(site: Path, options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build (or, with ``check_only``, check) the manuals of a site."""
    settings = load_settings(site)
    if options.pdf_variant:
        settings = dataclasses.replace(settings, print=dataclasses.replace(
            settings.print, pdf_variant=options.pdf_variant))
    if options.sections:
        settings = dataclasses.replace(settings, sections=tuple(options.sections))
    langs = choose_languages(settings, options)
    dates = manual_dates(settings)
    since = options.since or settings.edition_since
    revision = resolve_revision(site, since) if since else None  # before anything is written
    check_output_settings(settings, options.out)
    if not options.check_only:
        check_output_folder(options.out)
    findings = Findings()
    findings.extend(settings.config_warnings)
    cache = open_cache(options, findings)
    try:
        sheets = options.sheets if options.sheets is not None else ParsedSheets()
        templates = options.templates if options.templates is not None else CompiledTemplates()
        result = Run(settings, options, dates, cache, progress, revision, sheets,
                     templates).build(langs, findings)
    finally:
        cache.close()
    shown = Findings()  # the stages keep the paths they found; the user reads them from the site
    shown.extend(shown_from(result.findings, settings.site_root))
    return dataclasses.replace(result, findings=shown)


@contextlib.contextmanager
def _source_date(date: dt.datetime):
    """fontTools stamps every font subset with "now" unless SOURCE_DATE_EPOCH is set: the
    manual's own date keeps the PDF bytes the same from one run (and machine) to the next.
    A site template's ``now`` reads it too (shortcodes._manual_date)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(date.timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


@dataclasses.dataclass
class SourceLanguage:
    """One language read and rendered: its pages (None: no content) and what was found."""

    lang: str
    result: LanguageResult
    findings: Findings
    rendered: RenderedLanguage | None = None
    unreadable: set[Path] = dataclasses.field(default_factory=set)


@dataclasses.dataclass
class Run:
    """One build: the settings and options every stage reads, and the cache it shares."""

    settings: Settings
    options: BuildOptions
    dates: ManualDates
    cache: Cache
    progress: Progress | None = None
    revision: Revision | None = None  # --since: the edition to compare with
    # the stylesheets every layout of the build uses, parsed once (parsed_sheets.py)
    sheets: ParsedSheets = dataclasses.field(default_factory=ParsedSheets)
    # the Jinja templates compiled by every language of the build (compiled_templates.py)
    templates: CompiledTemplates = dataclasses.field(default_factory=CompiledTemplates)
    _editions: dict[str, LanguageChanges] = dataclasses.field(default_factory=dict)

    def build(self, langs: list[str], findings: Findings) -> BuildResult:
        """The stages, in order (see the module docstring)."""
        fixed = self._fixed_key(list(self.dates.of))  # the translation check reads every language
        states = {lang: self._state(lang) for lang in langs}
        reused = {lang: self._reused(lang, states[lang]) for lang in langs
                  if not self.options.check_only and self.cache.enabled
                  and not self._wants_layout(lang) and states[lang].reuse_by_inputs()}
        todo = [lang for lang in langs if lang not in reused]
        record = None if self.options.check_only else translation_record(
            self.cache, self.settings, langs, fixed, {lang: s.input_key for lang, s in states.items()})
        replay = recorded_translations(self.cache, record)
        # The translation check compares every configured language, so all are read for it.
        # It runs before the printing when it can stop it (--strict) or is all there is to do
        # (check); otherwise after, so that the PDFs are written without waiting for it.
        check_first = replay is None and (self.options.strict or self.options.check_only)
        wanted = (with_others(self.settings, todo) if check_first
                  else todo if replay is not None else with_default(self.settings, todo))
        keys = {lang: state.input_key for lang, state in states.items()}
        sources = {lang: self.read(lang, lang in todo, keys.get(lang, "")) for lang in wanted}
        report_: TranslationReport | None = None
        checked = replay
        if check_first:
            report_, checked = self._check_translations(langs, sources, fixed)
            record_translations(self.cache, record, checked)
        self._editions = self._compare_editions(todo, sources)
        seed = checked if self.options.strict else []
        printable = [lang for lang in todo  # with pages to lay out (speed, issue 11)
                     if sources[lang].rendered is not None and not sources[lang].rendered.failed]
        self._preload(printable)
        default_home = self._default_home(printable, sources)  # read here once, not per worker
        late = ((lambda: (report_, checked)) if checked is not None
                else (lambda: self._check_late(langs, todo, sources, record, fixed, keys)))
        workers = self._workers(printable)
        made, (report_, checked) = run_each_and(
            lambda lang, say: self.print_language(sources[lang], states[lang], seed,
                                                  default_home, say,
                                                  self._keeps(states[lang], workers)),
            todo, workers, late, self.progress)
        findings.extend(checked)
        results = []
        for lang in langs:
            result, items = reused[lang] if lang in reused else made[lang]
            findings.extend(items)
            results.append(result)
        return BuildResult(self.settings, results, findings,
                           report_ if self.options.check_only else None, self._editions)

    # Reuse ---------------------------------------------------------------------------------

    @functools.cached_property
    def _environment(self) -> str:
        """manualgen's code and the versions (cache.environment_key): hashed once a build,
        in the parent, for the fixed key and every language's chapter store."""
        return cache_module.environment_key() if self.cache.enabled else ""

    def _fixed_key(self, langs: list[str], now: bool = True) -> str:
        """What is the same for every language of the build, with the dates of ``langs``
        (:meth:`ManualDates.key`)."""
        env = self._environment
        opts = [(name, getattr(self.options, name)) for name in ("html", "strict", "check_only")]
        if self.settings.sections:  # --section prints another tree from the same files
            opts.append(("sections", self.settings.sections))
        opts.append(("since", self.revision.commit if self.revision else ""))
        return cache_module.fixed_key(env, self.settings, opts, self.dates.key(langs, now))

    def _state(self, lang: str) -> LanguageState:
        """Its inputs' key with the build's now; the key of its document without: a page
        saved in another language moves the now (without git), and this language's
        document, the same as before, keeps its PDF."""
        pdf_path = self.options.out / self.settings.output_filename(lang)
        # Without a cache nothing is reused: no need to hash every file of the site.
        key = (cache_module.input_key(self.cache, self.settings, lang, self._fixed_key([lang]))[0]
               if self.cache.enabled else "")
        return LanguageState(self.cache, self.settings, lang, pdf_path,
                             self._fixed_key([lang], now=False), key, threads=IMAGE_THREADS)

    def _reused(self, lang: str, state: LanguageState) -> tuple[LanguageResult, list[Finding]]:
        result = LanguageResult(lang, pdf=state.pdf_path, reused=True, pages=state.content_pages)
        self._say("reuse", lang, f"unchanged; {state.pdf_path} reused")
        return result, state.recorded_findings()

    def _wants_layout(self, lang: str) -> bool:
        """With kept layouts (--watch --no-cache), the first build lays every language out,
        even one whose PDF could be kept: the layout it keeps makes the next save quick."""
        return self.options.keep_layouts and lang not in self.options.layouts

    def _keeps(self, state: LanguageState, workers: int) -> bool:
        """Whether the language's layout stays in this process for the next build (--watch).
        With a cache folder, only when it is laid out here (one process: a worker's layout
        cannot be sent back) and its last PDF was not large (nor unknown: a first build
        keeps nothing, as it cannot tell before the layout): its chapters are then taken
        from memory at the next save instead of read back from the cache folder (0.1 s of
        the corpus' 1.6), and a large manual's layout, which the cache folder keeps anyway,
        does not hold the watching process's memory between saves."""
        if self.options.keep_layouts:
            return True
        return (self.options.keep_in_process and workers == 1
                and 0 < state.expected_pages < heap.LARGE)

    def _workers(self, todo: list[str]) -> int:
        if self.options.check_only or self.options.keep_layouts:
            return 1  # kept layouts live in this process: they cannot be sent from a worker
        return worker_count(self.options.jobs, len(todo))

    def _preload(self, todo: list[str]) -> None:
        """Speed (issue 11): import WeasyPrint and its hyphenation dictionaries once, in this
        process, when a PDF may be laid out (not for a check, nor for a build with nothing to
        do: ``todo`` holds only languages with pages to print)."""
        if self.options.check_only or not todo:
            return
        tags = [language_tag(self.settings.languages[lang].locale, lang) for lang in todo]
        load_dictionaries(tags, self.cache.root if self.cache.enabled else None)  # parsed once
        import_weasyprint()  # without compiler runs in the library search
        preload(tags)
        if self._workers(todo) > 1:  # each worker would parse them; one layout here does
            roots = make_roots(self.settings, self.cache.images)
            with _source_date(self.dates.now):  # the fonts' stamps: the workers use these
                parse_sheets(self.sheets, stylesheet_urls(self.settings, roots), roots)

    # Read: discover and render -------------------------------------------------------------

    def read(self, lang: str, own: bool, input_key: str = "") -> SourceLanguage:
        """Discover and render one language.  ``own``: a language of this build, whose
        problems are reported; another is read only for the translation check, and its
        pages are taken as rendered by an earlier build with the same ``input_key``."""
        with _source_date(self.dates.now):  # a site template's `now`
            return self._read(lang, own, input_key)

    def _read(self, lang: str, own: bool, input_key: str) -> SourceLanguage:
        source = SourceLanguage(lang, LanguageResult(lang), Findings())
        scratch = source.findings if own else Findings()
        t0 = time.perf_counter()
        try:
            home = discover(self.settings, lang, scratch, self.dates.now)
        except UsageError:  # a section this language lacks: only a language to print says so
            if own:
                raise
            home = None
        source.result.timings["discover"] = time.perf_counter() - t0
        source.unreadable = {_absolute(self.settings, f.file) for f in scratch.errors if f.file}
        if home is None:
            if own:
                no_content(self.settings, lang, source, self.options.all)
            return source
        pages = list(home.walk())
        if own and len(pages) == 1 and not home.body.strip() and _nothing_to_print(
                home, lang, self.options, scratch, source.result):
            return source
        source.result.pages = len(pages)
        self._say("discover", lang, f"{len(pages)} pages") if own else None
        t0 = time.perf_counter()
        labels = print_labels(self.settings, lang, scratch if own else Findings())
        known = None if own else recorded_rendering(self.cache, self.settings, lang, input_key,
                                                    home, labels)
        source.rendered = (known if known is not None
                           else render_language(self.settings, lang, home, scratch, labels,
                                                self.templates))
        if known is None:
            record_rendering(self.cache, self.settings, input_key, source.rendered)
        source.result.timings["render"] = time.perf_counter() - t0
        self._say("render", lang, "Markdown and shortcodes rendered") if own else None
        return source

    def _check_late(self, langs: list[str], todo: list[str], sources: dict[str, SourceLanguage],
                    record, fixed: str, keys: dict[str, str]
                    ) -> tuple[TranslationReport | None, list[Finding]]:
        """The translation check when it cannot stop a PDF: run while the languages print
        (in forked workers) or after them, reading the languages not read yet."""
        known = dict(sources)
        known.update({lang: self.read(lang, False, keys.get(lang, ""))
                      for lang in with_others(self.settings, todo) if lang not in known})
        report_, checked = self._check_translations(langs, known, fixed)
        record_translations(self.cache, record, checked)
        return report_, checked

    # Compare the editions (--since) ---------------------------------------------------------

    def _compare_editions(self, langs: list[str],
                          sources: dict[str, SourceLanguage]) -> dict[str, LanguageChanges]:
        """Each language's changes since the revision: the old site is read from git into a
        temporary folder, its pages rendered as these were (its findings are not this
        build's), and compared block by block with the current pages."""
        current = {lang: sources[lang].rendered for lang in langs
                   if lang in sources and sources[lang].rendered is not None}
        if self.revision is None or not current:
            return {}
        t0 = time.perf_counter()
        changed = changed_files(self.revision, (self.options.out, self.options.cache_dir))
        with checked_out(self.revision) as old_top:
            same = pages_only(changed, self.revision.top, old_top)
            try:
                old = load_settings(old_top / self.revision.site_rel)
            except ConfigError as exc:
                first = exc.problems[0].message if exc.problems else "no configuration"
                raise UsageError(f"--since {self.revision.name}: the site as it was then cannot "
                                 f"be read: {first}") from None
            changes = {}
            for lang, rendered in current.items():
                reuse = _unchanged_pages(rendered, old_top, self.revision, changed) if same else {}
                changes[lang] = compare(lang, self.revision.name,
                                        self._old_pages(old, lang, reuse), old, rendered,
                                        self.settings)
        for lang, found in changes.items():
            self._say("compare", lang, f"{len(found.pages)} pages changed since "
                      f"{self.revision.name} ({time.perf_counter() - t0:.1f} s)")
        return changes

    def _old_pages(self, old: Settings, lang: str,
                   reuse: dict[Path, RenderedPage]) -> RenderedLanguage | None:
        """The old edition's pages of ``lang``; those in ``reuse`` (by their old file) are
        not rendered again."""
        if lang not in old.languages:
            return None
        home = discover(old, lang, Findings(), self.dates.now)
        if home is None:
            return None
        with _source_date(self.dates.now):
            return render_old(old, lang, home, language_labels(self.settings, lang),
                              lambda page: reuse.get(Path(os.path.realpath(page.path))))

    # Compare the translations ---------------------------------------------------------------

    def _check_translations(self, langs: list[str], sources: dict[str, SourceLanguage],
                            fixed: str = ""):
        rendered = {lang: s.rendered for lang, s in sources.items() if s.rendered is not None}
        unreadable = set().union(*(s.unreadable for s in sources.values())) if sources else set()
        found = Findings()
        known = recorded_structures(self.cache, self.settings, fixed)  # pages parsed before
        report_ = check_translations(self.settings, rendered, unreadable, langs, found, known)
        record_structures(self.cache, self.settings, fixed, known, report_.structures)
        if self.options.list_translations:
            return report_, list(found)
        return report_, summarise_missing(list(found), report_)

    # Print: assemble, prepare the images, lay out and write ---------------------------------

    def print_language(self, source: SourceLanguage, state: LanguageState, seed: list[Finding],
                       default_home: Page | None, say: Progress | None, keep: bool = False
                       ) -> tuple[LanguageResult, list[Finding]]:
        """One language's PDF (in a process of its own when there are several);
        ``default_home``: the default language's pages, for links to pages this one lacks;
        ``keep``: its layout is kept for the next build (--watch, see :meth:`_keeps`)."""
        result, findings = source.result, Findings()
        findings.extend(source.findings)
        if source.rendered is None or source.rendered.failed:
            return result, list(findings)
        lang = source.lang
        roots = make_roots(self.settings, self.cache.images)
        t0 = time.perf_counter()
        fallback = default_home if lang != self.settings.default_language else None
        assembled = self._assemble(source.rendered, roots, findings, state, fallback)
        glyph_findings, document = _glyphs(source.rendered, assembled)
        findings.extend(glyph_findings)
        result.timings["assemble"] = time.perf_counter() - t0
        self._say("assemble", lang, f"{len(document.marked) // 1024} KiB of HTML", say)
        if self.options.html:
            write_html(document, roots, state.pdf_path, result, findings)
        if self.options.check_only:  # what the layout would refuse in the site's styles
            _refusals_without_layout(self.settings, roots, findings, lang)
            return result, list(findings)
        strict_seed = any(f.lang == lang for f in seed)
        if findings.errors or (self.options.strict and (findings.warnings or strict_seed)):
            self._say("layout", lang, "not rendered: the findings above must be fixed first", say)
            return result, list(findings)
        pages = [r.page for r in source.rendered.pages]
        with _source_date(self.dates.of[lang]):
            self._layout(document, pages, roots, state, result, findings, say, keep)
        return result, list(findings)

    def _assemble(self, rendered: RenderedLanguage, roots: Roots, findings: Findings,
                  state: LanguageState, fallback_home: Page | None) -> AssembledDocument:
        lang = rendered.lang
        labels = rendered.labels
        inspect_image = (functools.cache(lambda path: inspect(path, full=True))
                         if self.options.check_only else state.inspect)  # check: no preparation decodes the pixels later
        edition = self._editions.get(lang)
        return assemble(rendered, settings=self.settings, labels=labels, roots=roots,
                        findings=findings,
                        meta=document_meta(self.settings, lang, labels, roots, self.dates.of[lang],
                                           self.revision is not None),
                        stylesheets=stylesheet_urls(self.settings, roots, edition is not None),
                        inspect_image=inspect_image, fallback_home=fallback_home,
                        edition=edition, compiled=self.templates)

    def _default_home(self, printable: list[str],
                      sources: dict[str, SourceLanguage]) -> Page | None:
        """The default language's pages, when another language is printed (links to pages
        it lacks open the default language's page on the web); read only if not read yet."""
        default = self.settings.default_language
        if default not in self.settings.languages or all(lang == default for lang in printable):
            return None
        known = sources.get(default)
        if known is not None and known.rendered is not None:
            return known.rendered.home
        try:
            return discover(self.settings, default, Findings(), self.dates.now)
        except UsageError:  # the default language lacks the chosen section
            return None

    def _layout(self, document: AssembledDocument, pages: list[Page], roots: Roots,
                state: LanguageState, result: LanguageResult, findings: Findings,
                say: Progress | None, keep: bool = False) -> None:
        """Prepared screenshots, then (unless the same document made the last PDF) the PDF."""
        lang = document.lang
        t0 = time.perf_counter()
        choose, count = state.prepare_images(document.images, findings)
        result.timings["images"] = time.perf_counter() - t0
        self._say("images", lang, f"{count} images prepared", say)
        if findings.errors:
            self._say("layout", lang, "not rendered: the findings above must be fixed first", say)
            return
        html = document.html(choose)
        embedded = [(use.url, use.path) for use in document.images]
        embedded += [(roots.url_for(path) or str(path), path) for path in document.files]
        if not self._wants_layout(lang) and state.reuse_by_document(html, embedded):
            findings.extend(state.recorded_findings())
            result.pdf, result.reused = state.pdf_path, True
            self._say("reuse", lang, f"document unchanged; {state.pdf_path} reused", say)
            return
        if state.expected_pages:
            self._say("layout", lang, f"laying out, about {state.expected_pages} pages", say)
        made = self._render(html, pages, roots, document, state.pdf_path, findings, say,
                            result.timings, keep)  # speed (issue 11): layout and write apart
        result.layout, result.laid_out, result.reused_chapters = (
            made.layout, made.laid_out, made.reused)
        pdf_pages = made.pages
        if pdf_pages and not findings.errors and state.pdf_path.exists():
            result.pdf = state.pdf_path
            state.store(result.pages, pdf_pages, [f for f in findings if f.lang == lang])

    def _render(self, html: str, pages: list[Page], roots: Roots, document: AssembledDocument,
                pdf_path: Path, findings: Findings, say: Progress | None,
                timings: dict[str, float], keep: bool = False) -> Made:
        """Lay out and write the PDF: its page count (0 when it was not written) and, under
        --watch, its layout (the seconds of each go into ``timings``)."""
        lang = document.lang
        found = Findings()
        edition = lang in self._editions  # its change bars are drawn onto the laid-out pages
        adjust = change_bars(self.settings, lang) if edition else None
        store = None if edition else chapter_store(self.cache, lang, self.settings,
                                                   self._environment)
        try:
            made = render_pdf(html, pdf_path, roots=roots,
                              pdf_variant=self.settings.print.pdf_variant, findings=found,
                              lang=lang, source_file=None, adjust=adjust, timings=timings,
                              progress=(lambda stage, text: self._say(stage, lang, text, say))
                              if (say or self.progress) else None,
                              kept=self.options.layouts.get(lang), keep=keep,
                              store=store, sheets=self.sheets, strict=self.options.strict)
        except OSError as exc:
            findings.error("output", f"cannot write {pdf_path}: {exc.strerror or exc}", lang=lang)
            return Made(0)
        except RecursionError:  # pages are checked for this (MAX_NESTING); a last guard
            findings.error("page-failed", "WeasyPrint could not lay out this manual: its HTML is "
                           "nested too deeply; look for unclosed <div>s, lists or quotes",
                           lang=lang)
            return Made(0)
        # URLs → the pages (or the SVGs and stylesheets) using them
        findings.extend(report.not_repeated(findings, report.attribute(
            found, pages, roots, document.resources + list(self.settings.stylesheets))))
        return Made(0) if found.errors or (self.options.strict and found.warnings) else made

    def _say(self, stage: str, lang: str, text: str, say: Progress | None = None) -> None:
        target = say or self.progress
        if target is not None:
            target(stage, f"[{lang}] {text}")


def no_content(settings: Settings, lang: str, source: SourceLanguage, every: bool) -> None:
    """A language without content: an error when it was asked for, a warning and no PDF
    when every language is printed (``every``, --all)."""
    dirs = ", ".join(show(d, settings.site_root) or "" for d in settings.languages[lang].content_dirs)
    taker = _taken_by(settings, lang)
    why = (f'{dirs} is also a content folder of "{taker}" (the top-level contentDir names '
           f'it), and Hugo gives its pages to "{taker}": remove the top-level contentDir, or '
           "point it to another folder") if taker else _none_named_for(settings, lang, dirs)
    if every:
        source.findings.warning("no-content", f'language "{lang}" has no content ('
                                f'{why or dirs}); no PDF for it', lang=lang)
        source.result.skipped = True
    else:
        source.findings.error("no-content", f'language "{lang}" has no content: '
                              f'{why or dirs + " is missing or empty"}', lang=lang)


def write_html(document: AssembledDocument, roots: Roots, pdf_path: Path,
               result: LanguageResult, findings: Findings) -> None:
    """The document's HTML beside its PDF (--html), for a look at what was laid out."""
    html_path = pdf_path.with_suffix(".html")
    try:
        write_atomic(html_path, debug_html(document.html(), roots).encode("utf-8"))
        result.html = html_path
    except OSError as exc:
        findings.error("output", f"cannot write {html_path}: {exc.strerror}", lang=document.lang)


def document_meta(settings: Settings, lang: str, labels: dict[str, str], roots: Roots,
                  date: dt.datetime, edition: bool) -> dict:
    """What the cover and the PDF's metadata say, in the manual's language; ``edition``:
    --since, whose version and date the running foot prints."""
    language = settings.languages[lang]
    version_label = f"{labels['version']} {settings.version}" if settings.version else ""
    return {
        "title": settings.lang_title(lang),
        "subtitle": settings.lang_subtitle(lang),
        "publisher": settings.lang_publisher(lang),
        "author": settings.lang_author(lang),
        "description": settings.lang_subtitle(lang),
        "keywords": settings.lang_keywords(lang) + ([version_label] if version_label else []),
        "version": settings.version,
        "version_label": version_label,
        "language_name": cover_language_name(language, labels),
        "locale": language_tag(language.locale, lang),
        "direction": language.direction,  # "rtl": manual.html mirrors the document
        "date": format_date(date, labels),
        "date_iso": date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "logo": roots.url_for(settings.logo) if settings.logo else None,
        "generator_version": __version__,
        "edition": (" · ".join(filter(None, [version_label, format_date(date, labels)]))
                    if edition else ""),
    }


def change_bars(settings: Settings, lang: str) -> Callable:
    """The change bars' placement after layout, for a language with an edition."""
    twoside = settings.print.sides != "oneside"
    rtl = settings.languages[lang].direction == "rtl"
    return lambda document: place_bars(document, twoside, rtl)


def cover_language_name(language: Language, labels: dict[str, str]) -> str:
    """The language's label from the site's config; a language given none (Hugo then has no
    name for it either) is named in itself from the print labels, "Deutsch" and not "de"."""
    if language.name != language.code:
        return language.name
    return labels.get("language_name") or language.code


def print_labels(settings: Settings, lang: str, findings: Findings) -> dict[str, str]:
    """The language's print labels; the words that print in English are a finding."""
    overrides = settings.labels.get(lang)
    english = labels_in_english(lang, overrides, settings.languages[lang].locale)
    if english:
        source = next((f for f in settings.config_files if f.name == MANUALGEN_CONFIG),
                      None)
        whose = (f'manualgen\'s words for "{lang}" lack some'
                 if label_table(lang, settings.languages[lang].locale)
                 else f'manualgen has no words of its own for "{lang}"')
        findings.warning("untranslated-labels", f'{whose}: {", ".join(english[:8])}'
                         f'{" …" if len(english) > 8 else ""} print in English; give them '
                         f"under [labels.{lang}] in {MANUALGEN_CONFIG}", source, lang=lang)
    return language_labels(settings, lang)


def with_default(settings: Settings, todo: list[str]) -> list[str]:
    """``todo`` and the default language, whose pages the others link to when they lack
    one (read once, as a source, rather than discovered again for the links)."""
    default = settings.default_language
    if not todo or default in todo or default not in settings.languages:
        return todo
    return todo + [default]

def with_others(settings: Settings, todo: list[str]) -> list[str]:
    configured = list(settings.languages)
    if len(configured) < 2:
        return todo
    return todo + [lang for lang in configured if lang not in todo]


def chapter_store(cache: Cache, lang: str, settings: Settings, environment: str) -> Store | None:
    """Where a language's chapter layouts are kept between runs (issue 11): a build after an
    edit lays out only the chapters it changed.  None without a cache.

    Every kept chapter assumes manualgen's code, the versions and the print settings beyond
    its own key (chapters.py); not the manual's date or the options, which only the cover,
    the running foot and the metadata show (a site without git takes a language's date
    from its newest page, so each edit would change it)."""
    if not cache.enabled:
        return None
    salt = cache_module.fixed_key(environment, settings, [], "")
    return Store(cache.root / "layouts" / lang, salt, cache_module.write_file)


def _unchanged_pages(rendered: RenderedLanguage, old_top: Path, revision: Revision,
                     changed: set[str] | None) -> dict[Path, RenderedPage]:
    """The current pages whose file is the same at ``revision``, by where that file lies in
    the old edition's folder ``old_top``."""
    top = Path(os.path.realpath(revision.top))
    found = {}
    for item in rendered.pages:
        try:
            rel = Path(os.path.realpath(item.page.path)).relative_to(top).as_posix()
        except ValueError:
            continue
        if changed is not None and rel not in changed and not item.failed:
            found[Path(os.path.realpath(old_top)) / rel] = item
    return found


def _nothing_to_print(home: Page, lang: str, options: BuildOptions, findings: Findings,
                      result: LanguageResult) -> bool:
    """Only an empty home page to print. When the home page itself is not published, Hugo
    publishes nothing of the language: an error (with --all, a warning and no PDF, as for no
    content); True then. A language begun with an empty home page only is printed (a cover
    and an empty contents), with a warning."""
    if not (home.path.is_file() and not home.meta):
        file = home.path if home.path.is_file() else None
        findings.warning("nothing-to-print", f'language "{lang}" has no text to print: its home '
                         "page is empty and every other page is a draft, not published yet or "
                         "not listed", file, lang=lang)
        return False
    line = next((n for key in ("draft", "publishDate", "expiryDate", "build", "_build")
                 # the home Hugo drops was not kept: its file is read for the line
                 if (n := home.line_of_key(key) or _line_of_key(home.path, key))), None)
    message = (f'language "{lang}" has nothing to print: its home page is not published (a '
               "draft, a publishDate to come, an expiryDate past or build options), so Hugo "
               "publishes nothing below it either")
    if options.all:
        findings.warning("nothing-to-print", message + "; no PDF for it", home.path, line, lang=lang)
        result.skipped = True
    else:
        findings.error("nothing-to-print", message, home.path, line, lang=lang)
    return True


def warm_up(settings: Settings, sheets: ParsedSheets | None = None) -> None:
    """Load WeasyPrint and every language's hyphenation patterns now (``--watch``, between
    its first build and the first save): a first build that reused every PDF loaded
    neither, and the save would wait for them (about a second).  ``sheets``: the watching
    process's parsed stylesheets, which a first build that reused every PDF did not parse
    either (0.2 s of the first save on the corpus)."""
    tags = [language_tag(language.locale, lang) for lang, language in settings.languages.items()]
    load_dictionaries(tags, None)  # manualgen's own parser: pyphen's takes 0.4 s for German
    preload(tags)
    if sheets is not None and not sheets.count():
        roots = make_roots(settings)
        parse_sheets(sheets, stylesheet_urls(settings, roots), roots)


def stylesheet_urls(settings: Settings, roots: Roots, edition: bool = False) -> list[str]:
    """The addresses of the stylesheets a manual is laid out with: manualgen's own (and the
    edition's with ``edition``), then the site's."""
    names = ("fonts.css", "manual.css", "content.css") + (("edition.css",) if edition else ())
    sheets = [roots.url_for(BUILTIN_STYLES / name) for name in names]
    sheets += [roots.url_for(sheet) for sheet in settings.stylesheets]
    return [s for s in sheets if s]


def open_cache(options: BuildOptions, findings: Findings) -> Cache:
    """The cache folder, or a throwaway one when it cannot be written (a read-only checkout):
    a cache only saves time, so its absence costs a warning (for a build), never the build.
    ``check`` uses none: it prepares no image and reuses no PDF, so it must not leave a
    cache folder in whatever folder it is run from."""
    if options.no_cache or options.check_only:
        return Cache(None)
    folder = Path(options.cache_dir)
    try:
        (folder / "img").mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".manualgen-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        if not options.check_only:
            findings.warning("cache-unwritable", f'the cache folder "{folder}" cannot be written '
                             f"({exc.strerror or exc}); building without it: choose another with "
                             "--cache, or use --no-cache")
        return Cache(None)
    return Cache(folder)


def check_output_settings(settings: Settings, out: Path) -> None:
    """Each language's PDF its own file inside the output folder, and screenshots with pixels
    enough to print, or a configuration error.

    A pattern without ``{lang}`` would have each language overwrite the one before, and
    ``../`` would write beside (or over) anything.
    """
    source = next((f for f in settings.config_files if f.name == MANUALGEN_CONFIG), None)
    line = _line_of_key(source, "output") if source else None
    problems = Findings()
    seen: dict[Path, str] = {}
    folder = Path(os.path.abspath(out))
    for lang in settings.languages:
        try:
            name = settings.output_filename(lang)
        except (KeyError, IndexError, ValueError) as exc:
            problems.error("config", f'manual.output "{settings.output_name}" is not a file name '
                           f"pattern ({type(exc).__name__}: {exc}); use {{name}} and {{lang}}",
                           source, line)
            break
        target = Path(os.path.abspath(folder / name))
        if target.parent != folder:
            problems.error("config", f'manual.output "{settings.output_name}" gives "{name}", '
                           "not a file name in the output folder; choose the folder with --out",
                           *_output_blame(settings, lang, source, line))
            break
        if len(os.fsencode(name)) > NAME_MAX:
            problems.error("config", f'manual.output "{settings.output_name}" gives a file name of '
                           f"{len(os.fsencode(name))} bytes for {lang[:20]}, more than a file system "
                           f'takes ({NAME_MAX}): "{name[:60]}…"; shorten the name ([manual] name in '
                           f"{MANUALGEN_CONFIG}), the language code or manual.output", *_output_blame(settings, lang, source, line))
            break
        if target in seen:
            problems.error("config", f'manual.output "{settings.output_name}" gives "{name}" for '
                           f"both {seen[target]} and {lang}: put {{lang}} in it", source, line)
            break
        seen[target] = lang
    if len(problems):
        raise ConfigError(shown_from(problems, settings.site_root))


NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems


def _output_blame(settings: Settings, lang: str, source: Path | None,
                  line: int | None) -> tuple[Path | None, int | None]:
    """Where a PDF's file name that cannot be written comes from: manual.output when
    manualgen.toml sets it, else the language's code or the site's title in the Hugo config
    (the manual's name is made of the title unless [manual] name is set)."""
    if line is not None:
        return source, line
    hugo_files = [f for f in settings.config_files if f.name != MANUALGEN_CONFIG]
    name_line = _line_of_key(source, "name") if source else None
    lang_at_fault = "/" in lang or "\\" in lang or len(lang) > len(settings.name)
    keys = [f"languages.{lang}"] if lang_at_fault else []
    if name_line is not None and not lang_at_fault:
        return source, name_line
    for key in keys + ["title"]:
        for path in hugo_files:
            if (found := _line_of_key(path, key)) is not None:
                return path, found
    return source or (hugo_files[0] if hugo_files else None), None


def check_output_folder(out: Path) -> None:
    """Fail in a second, not after minutes of layout, when the PDFs cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".manualgen-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ManualgenError(f'cannot write to the output folder "{out}": {reason}; choose a '
                             "writable folder with --out", code="output-unwritable") from None


def make_roots(settings: Settings, cache_images: Path | None = None) -> Roots:
    """The folders the PDF may read, by virtual name (see pdf.py); prepared images last."""
    mapping = {"site": settings.site_root, "styles": BUILTIN_STYLES}
    for i, folder in enumerate(settings.static_dirs):
        mapping[f"static{i}"] = folder
    for i, lang in enumerate(settings.languages.values()):
        for j, folder in enumerate(lang.content_dirs):
            mapping[f"content-{lang.code}-{j}"] = folder
    for i, folder in enumerate(settings.assets_dirs):
        mapping[f"assets{i}"] = folder
    for i, sheet in enumerate(settings.stylesheets):
        mapping[f"sitestyle{i}"] = sheet.parent
    if settings.logo:
        mapping["logo"] = settings.logo.parent
    if cache_images is not None:
        mapping["cache"] = cache_images.resolve()  # prepared screenshots: cache/…
        mapping["remote"] = (cache_images.parent / "remote").resolve()  # remote_images = "fetch"
    # The site's own root first: its URLs then stay the same whatever folder holds it.
    return Roots(mapping)


def debug_html(html: str, roots: Roots) -> str:
    """The merged HTML with its virtual URLs turned into file URLs, for a browser."""
    for name, folder in sorted(roots.mapping.items(), key=lambda kv: -len(kv[0])):
        html = html.replace(f"{VIRTUAL_BASE}{name}/", folder.as_uri() + "/")
    return html


def _absolute(settings: Settings, file: str) -> Path:
    path = Path(file)  # realpath, not resolve(): a symbolic link to itself must not raise
    return Path(os.path.realpath(path if path.is_absolute() else settings.site_root / path))


def _shared_by_all(settings, lang: str) -> bool:
    """Every language reads ``lang``'s content folders and no other (translation by file
    name): a page belongs to the language its file name names, else to the default one."""
    own = settings.languages[lang].content_dirs
    return all(language.content_dirs == own for language in settings.languages.values())


def _none_named_for(settings, lang: str, dirs: str) -> str:
    """Why a language that shares every folder with the others has no page: none is named
    for it; "" for a language with folders of its own."""
    if not _shared_by_all(settings, lang):
        return ""
    return (f'no page of {dirs} is named for it, as page.{lang}.md would be; a page without a '
            f'language in its name is "{settings.default_language}"\'s')


def _taken_by(settings, lang: str) -> str:
    """The language that Hugo gives the pages of ``lang``'s content folder to, when that
    folder holds pages and is another language's folder too (a top-level contentDir naming
    a language's folder makes it the default language's); "" otherwise, and for folders
    every language shares (translation by file name: each page is its name's language)."""
    own = settings.languages[lang].content_dirs
    if _shared_by_all(settings, lang):
        return ""
    if not any(path.suffix.lower() in (".md", ".html") for folder in own if folder.is_dir()
               for path in folder.rglob("*")):
        return ""
    return next((code for code, language in settings.languages.items()
                 if code != lang and any(folder in language.content_dirs for folder in own)), "")
