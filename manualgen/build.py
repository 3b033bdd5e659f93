"""The orchestrator: one call per stage, top to bottom, for each language.

    config → discover → shortcodes + Markdown → assemble → PDF

``build()`` returns what it made and every finding; it raises only for problems that stop
everything (configuration, usage).  A language with errors gets no PDF, and its previous PDF
stays as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import __version__, report
from . import cache as cache_module
from .assemble import Assembler
from .cache import Cache
from .config import BUILTIN_STYLES, MANUALGEN_CONFIG, Settings, _line_of_key, load_settings
from .content import CONTENT_SUFFIXES, Page, discover
from .convert import PageConverter
from .errors import (
    ConfigError,
    ContentError,
    Finding,
    Findings,
    ManualgenError,
    UsageError,
    _show,
    set_display_root,
)
from .i18n import Translator, labels_in_english, load_labels
from .images import inspect
from .jobs import Background, default_jobs, run_languages
from .pdf import VIRTUAL_BASE, Roots, render_pdf, write_atomic
from .shortcodes import ShortcodeRenderer
from .translations import TranslationReport, check_translations

STAGES = ("discover", "render", "assemble", "layout", "write")


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
    pdf_variant: str | None = None  # --pdf-variant: overrides [print] pdf_variant


@dataclasses.dataclass
class LanguageResult:
    lang: str
    pdf: Path | None = None
    html: Path | None = None
    pages: int = 0
    skipped: bool = False
    reused: bool = False  # the previous PDF was kept: nothing it depends on changed
    timings: dict[str, float] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class BuildResult:
    settings: Settings
    results: list[LanguageResult]
    findings: Findings
    translations: TranslationReport | None = None  # the matrix and drift (manualgen check)

    @property
    def ok(self) -> bool:
        return not self.findings.errors


def build_date(settings: Settings) -> dt.datetime:
    """The manual's date: SOURCE_DATE_EPOCH, else the site's last commit, else its newest file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    try:
        out = subprocess.run(
            ["git", "-C", str(settings.site_root), "log", "-1", "--format=%ct", "--", "."],
            capture_output=True, text=True, timeout=5, check=False)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return dt.datetime.fromtimestamp(int(out.stdout.strip()), dt.UTC)
    except (OSError, subprocess.SubprocessError):
        pass
    newest = 0.0
    for lang in settings.languages.values():
        for folder in lang.content_dirs:
            if folder.is_dir():
                for path in folder.rglob("*"):
                    try:
                        # a page (not a broken link, a folder or a pipe)
                        if path.suffix.lower() in CONTENT_SUFFIXES and path.is_file():
                            newest = max(newest, path.stat().st_mtime)
                    except OSError:
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


def _format_date(date: dt.datetime, lang: str) -> str:
    if lang.startswith("en"):
        return date.strftime("%Y-%m-%d")
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def build(site: Path, options: BuildOptions, progress: Callable[[str, str], None] | None = None) -> BuildResult:
    """Build (or, with ``check_only``, check) the manuals of a site."""
    settings = load_settings(site)
    if options.pdf_variant:
        settings.print = dataclasses.replace(settings.print, pdf_variant=options.pdf_variant)
    set_display_root(settings.site_root)
    langs = choose_languages(settings, options)
    findings = Findings()
    date = build_date(settings)
    check_output_settings(settings, options.out)
    if not options.check_only:
        check_output_folder(options.out)
    cache = open_cache(options, findings)
    try:
        if options.check_only or options.strict:
            # With --strict, drift between translations stops a language's build: check first.
            translations = _check_translations(settings, langs, date, findings, options, cache)
            results = run_languages(settings, langs, options, findings, date, progress, cache)
        else:
            # Drift is a warning that changes no PDF, so the check runs in a process of its
            # own beside the renders (a core is idle while a single language renders); its
            # findings are listed first all the same.
            translations = None
            check = _start_translation_check(settings, langs, date, options, cache)
            try:
                built = Findings()
                built.extend(findings)
                results = run_languages(settings, langs, options, built, date, progress, cache)
                findings.extend(check.result())
                findings.extend(built)
            finally:
                check.cancel()
    finally:
        cache.close()
    return BuildResult(settings, results, findings, translations)


def _translation_key(settings: Settings, langs: list[str], date: dt.datetime, cache: Cache):
    """The cache record name and key of the translation check: every language's inputs."""
    fixed = cache_module.fixed_key(cache_module.environment_key(), settings,
                                   [("translations", tuple(langs))], date.isoformat())
    h = hashlib.sha256(fixed.encode())
    for lang in sorted(settings.languages):
        h.update(cache_module.input_key(cache, settings, lang, fixed)[0].encode())
    name = "translations-" + hashlib.sha256(
        str(Path(settings.site_root).resolve()).encode()).hexdigest()[:16]
    return name, h.hexdigest()


def _check_translations(settings: Settings, langs: list[str], date: dt.datetime,
                        findings: Findings, options: BuildOptions, cache: Cache):
    """The translation check, before the languages are built (``check``, ``--strict``).

    ``manualgen check`` always runs it (it prints the matrix, which is not stored)."""
    if options.check_only or not cache.enabled:
        return check_translations(settings, langs, date, findings)
    name, key = _translation_key(settings, langs, date, cache)
    recorded = _recorded_translations(cache, name, key)
    if recorded is not None:
        findings.extend(recorded)
        return None
    found = Findings()
    report_ = check_translations(settings, langs, date, found)
    findings.extend(found)
    _record_translations(cache, name, key, found)
    return report_


def _recorded_translations(cache: Cache, name: str, key: str) -> list[Finding] | None:
    """The findings of the last check whose inputs hashed to ``key``, or None."""
    record = cache.read_record(name)
    if record and record.get("key") == key:
        return [Finding(**item) for item in record.get("findings", [])]
    return None


def _record_translations(cache: Cache, name: str, key: str, found: Findings) -> None:
    cache.write_record(name, {"key": key, "findings": [f.as_dict() for f in found]})


def _translation_findings(settings: Settings, langs: list[str], date: dt.datetime,
                          cache: Cache | None, name: str, key: str) -> list[Finding]:
    found = Findings()
    check_translations(settings, langs, date, found)
    if cache is not None:
        _record_translations(cache, name, key, found)
    return list(found)


class _Replayed:
    def __init__(self, items: list[Finding]) -> None:
        self.items = items

    def result(self) -> list[Finding]:
        return self.items

    def cancel(self) -> None:
        pass


def _start_translation_check(settings: Settings, langs: list[str], date: dt.datetime,
                             options: BuildOptions, cache: Cache):
    """The check's findings: replayed when no input changed, else computed in the background."""
    name = key = ""
    if cache.enabled:
        name, key = _translation_key(settings, langs, date, cache)
        recorded = _recorded_translations(cache, name, key)
        if recorded is not None:
            return _Replayed(recorded)
    # With one language there is nothing to compare (nor to convert): not worth a process;
    # --jobs 1 asks for one process at a time.
    return Background(_translation_findings, settings, langs, date,
                      cache if cache.enabled else None, name, key,
                      parallel=len(settings.languages) > 1 and (options.jobs or default_jobs()) > 1)


def _nothing_to_print(home: Page, lang: str, options: BuildOptions, findings: Findings,
                      result) -> bool:
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
                 if (n := _line_of_key(home.path, key))), None)
    message = (f'language "{lang}" has nothing to print: its home page is not published (a '
               "draft, a publishDate to come, an expiryDate past or build options), so Hugo "
               "publishes nothing below it either")
    if options.all:
        findings.warning("nothing-to-print", message + "; no PDF for it", home.path, line, lang=lang)
        result.skipped = True
    else:
        findings.error("nothing-to-print", message, home.path, line, lang=lang)
    return True


def _language_tag(code: str, lang: str) -> str:
    """Hugo's ``languageCode`` (``de-CH``, ``de_CH``) as the document's language tag, which
    chooses the hyphenation patterns, the quote marks and the PDF's /Lang; the language's
    key when the code is not a language tag."""
    tag = code.replace("_", "-")
    return tag if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", tag) else lang


def open_cache(options: BuildOptions, findings: Findings) -> Cache:
    """The cache folder, or a throwaway one when it cannot be written (a read-only checkout):
    a cache only saves time, so its absence costs a warning (for a build), never the build."""
    if options.no_cache:
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
                           source, line)
            break
        if target in seen:
            problems.error("config", f'manual.output "{settings.output_name}" gives "{name}" for '
                           f"both {seen[target]} and {lang}: put {{lang}} in it", source, line)
            break
        seen[target] = lang
    if len(problems):
        raise ConfigError(list(problems))


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


def build_language(settings: Settings, lang: str, options: BuildOptions, findings: Findings,
                   date: dt.datetime, progress=None, state=None) -> LanguageResult:
    result = LanguageResult(lang)
    say = (lambda stage, text: progress(stage, f"[{lang}] {text}")) if progress else (lambda *a: None)
    errors_before = len(findings.errors)
    warnings_before = len(findings.warnings)

    # 1. discover
    t0 = time.perf_counter()
    home = discover(settings, lang, findings, date)
    result.timings["discover"] = time.perf_counter() - t0
    if home is None:
        dirs = ", ".join(_show(d) or "" for d in settings.languages[lang].content_dirs)
        if options.all:
            findings.warning("no-content", f'language "{lang}" has no content ({dirs}); no PDF for it',
                             lang=lang)
            result.skipped = True
        else:
            findings.error("no-content", f'language "{lang}" has no content: {dirs} is missing or empty',
                           lang=lang)
        return result
    pages = list(home.walk())
    if len(pages) == 1 and not home.body.strip() and _nothing_to_print(home, lang, options,
                                                                        findings, result):
        return result
    result.pages = len(pages)
    say("discover", f"{len(pages)} pages")

    # 2. shortcodes + Markdown
    t0 = time.perf_counter()
    labels = load_labels(lang, settings.labels.get(lang))
    english = labels_in_english(lang, settings.labels.get(lang))
    if english:
        source = next((f for f in settings.config_files if f.name == MANUALGEN_CONFIG), None)
        findings.warning("untranslated-labels", f'manualgen has no words of its own for "{lang}": '
                         f"{', '.join(english[:8])}{' …' if len(english) > 8 else ''} print in "
                         f"English; give them under [labels.{lang}] in {MANUALGEN_CONFIG}",
                         source, lang=lang)
    roots = make_roots(settings)
    if state:
        state.attach(roots)  # prepared images are served as cache/…
    try:
        converter = page_converter(settings, lang, findings, labels)
    except ContentError as exc:  # an i18n file that does not parse: this language stops here
        findings.add(dataclasses.replace(exc.finding(), lang=lang))
        return result
    for page in pages:
        try:
            page.html = converter.convert(page)
        except ContentError as exc:
            findings.add(dataclasses.replace(exc.finding(), lang=lang))
            page.html = ""
        except RecursionError:
            findings.error("page-failed", "this page is nested too deeply to render (lists, quotes "
                           "or emphasis hundreds of levels deep); simplify its markup",
                           page.path, page.body_line, lang=lang)
            page.html = ""
        except (MemoryError, ValueError, TypeError, KeyError, IndexError) as exc:
            # One page that trips the renderer must not hide the problems of all the others.
            findings.error("page-failed", f"this page could not be rendered ({type(exc).__name__}: "
                           f"{exc}); simplify its markup, and report the page to manualgen",
                           page.path, page.body_line, lang=lang)
            page.html = ""
    result.timings["render"] = time.perf_counter() - t0
    say("render", "Markdown and shortcodes rendered")

    # 3. assemble
    t0 = time.perf_counter()

    def image_hook(path: Path, img, page: Page, line):  # the assembler found it readable
        if options.check_only or not state:  # check: no preparation decodes the pixels later
            info = inspect(path, full=True)
        else:
            info = state.inspect(path)  # a jobs.LanguageState: remembered by the file's hash
        if state:
            state.note_image(path, roots.url_for(path), info, (page.path, line))
        if info.problem:
            findings.error("image-unreadable", f'image "{path.name}": {info.problem}', page.path, line,
                           lang=lang)
            return None
        if info.width and info.height:
            img.set("data-aspect", f"{info.aspect:.3f}")
            img.set("width", str(info.width))
            img.set("height", str(info.height))
        return path

    assembler = Assembler(settings, lang, findings, labels, roots, image_hook=image_hook)
    assembler.prepare(home)
    language = settings.languages[lang]
    stylesheets = [roots.url_for(BUILTIN_STYLES / "fonts.css"), roots.url_for(BUILTIN_STYLES / "manual.css")]
    stylesheets += [roots.url_for(sheet) for sheet in settings.stylesheets]
    stylesheets = [s for s in stylesheets if s]
    # Everything here is printed or goes into the PDF's metadata: in the manual's language.
    version_label = f"{labels['version']} {settings.version}" if settings.version else ""
    meta = {
        "title": settings.lang_title(lang),
        "subtitle": settings.lang_subtitle(lang),
        "publisher": settings.lang_publisher(lang),
        "author": settings.lang_author(lang),
        "description": settings.lang_subtitle(lang),
        "keywords": settings.lang_keywords(lang) + ([version_label] if version_label else []),
        "version": settings.version,
        "version_label": version_label,
        "language_name": language.name,
        "locale": _language_tag(language.locale, lang),
        "date": _format_date(date, lang),
        "date_iso": date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "logo": roots.url_for(settings.logo) if settings.logo else None,
        "generator_version": __version__,
    }
    html = assembler.document(home, meta, stylesheets)
    if state:
        for path in assembler.images:
            state.note_file(path, roots.url_for(path))
    result.timings["assemble"] = time.perf_counter() - t0
    say("assemble", f"{len(html) // 1024} KiB of HTML")

    out_dir = options.out
    pdf_path = out_dir / settings.output_filename(lang)
    if options.html:
        html_path = pdf_path.with_suffix(".html")
        try:
            write_atomic(html_path, debug_html(html, roots).encode("utf-8"))
            result.html = html_path
        except OSError as exc:
            findings.error("output", f"cannot write {html_path}: {exc.strerror}", lang=lang)

    if options.check_only:
        return result
    new_errors = len(findings.errors) > errors_before
    new_warnings = len(findings.warnings) > warnings_before or any(
        f.lang == lang for f in findings.warnings)  # translation drift found before
    if new_errors or (options.strict and new_warnings):
        say("layout", "not rendered: the findings above must be fixed first")
        return result

    if state:  # screenshots prepared for their printed size; then maybe nothing to render
        t0 = time.perf_counter()
        html, count = state.prepare_images(html, findings)
        result.timings["images"] = time.perf_counter() - t0
        say("images", f"{count} images prepared")
        if len(findings.errors) > errors_before:
            say("layout", "not rendered: the findings above must be fixed first")
            return result
        if state.reuse_by_document(html):
            findings.extend(state.recorded_findings())
            result.pdf, result.reused = pdf_path, True
            say("reuse", f"document unchanged; {pdf_path} reused")
            return result
        if state.expected_pages:
            say("layout", f"laying out, about {state.expected_pages} pages")

    # 4. layout and PDF
    t0 = time.perf_counter()
    lang_findings = Findings()
    try:
        render_pdf(html, pdf_path, roots=roots,
                   pdf_variant=settings.print.pdf_variant, findings=lang_findings, lang=lang,
                   source_file=None, progress=(lambda stage, text: say(stage, text)) if progress else None)
    except OSError as exc:
        findings.error("output", f"cannot write {pdf_path}: {exc.strerror or exc}", lang=lang)
        return result
    except RecursionError:  # pages are checked for this (assemble.MAX_NESTING); a last guard
        findings.error("page-failed", "WeasyPrint could not lay out this manual: its HTML is "
                       "nested too deeply; look for unclosed <div>s, lists or quotes", lang=lang)
        return result
    # URLs → the pages (or the SVGs and stylesheets) using them
    findings.extend(report.attribute(lang_findings, pages, roots,
                                     assembler.images + list(settings.stylesheets)))
    result.timings["layout"] = time.perf_counter() - t0
    if not lang_findings.errors and pdf_path.exists():
        result.pdf = pdf_path
        if state:
            state.store(result.pages, [f for f in findings if f.lang == lang])
    return result


def page_converter(settings: Settings, lang: str, findings: Findings,
                   labels: dict[str, str] | None = None) -> PageConverter:
    """The Markdown and shortcode converter of one language, as the build uses it.

    One place builds it so that the fidelity tests render pages exactly as a build does.
    """
    if labels is None:
        labels = load_labels(lang, settings.labels.get(lang))
    translator = Translator(lang, settings.i18n_dirs, fallback=settings.default_language)
    renderer = ShortcodeRenderer(settings.shortcode_dirs, findings, helpers=_helpers(settings, lang, labels))
    return PageConverter(settings.goldmark, renderer, translator, lang)


def make_roots(settings: Settings) -> Roots:
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
    # The site's own root first: its URLs then stay the same whatever folder holds it.
    return Roots(mapping)


def debug_html(html: str, roots: Roots) -> str:
    """The merged HTML with its virtual URLs turned into file URLs, for a browser."""
    for name, folder in sorted(roots.mapping.items(), key=lambda kv: -len(kv[0])):
        html = html.replace(f"{VIRTUAL_BASE}{name}/", folder.as_uri() + "/")
    return html


def _helpers(settings: Settings, lang: str, labels: dict[str, str]) -> dict:
    def site_path(rel: str) -> str:
        return settings.base_path + rel.lstrip("/")

    def link_url(url: str) -> str:
        if url.startswith("/") and not url.startswith(settings.base_path):
            prefix = settings.base_path
            if lang != settings.default_language or settings.default_in_subdir:
                prefix += lang + "/"
            return prefix + url.lstrip("/")
        return url

    def ref_url(path: str) -> str:
        return path

    def param(name: str, page_meta: dict | None = None) -> str:
        """Hugo's ``.Param``: the page's front matter (its own keys and its ``params``
        table, cascaded values included), then the language's and the site's params; keys
        are case-insensitive, "a.b" looks inside tables."""
        page_meta = page_meta or {}
        own = next((v for k, v in page_meta.items() if str(k).lower() == "params"), None)
        for table in (page_meta, own if isinstance(own, dict) else {},
                      settings.languages[lang].params, settings.params):
            value: object = table
            for part in name.split("."):
                value = next((v for k, v in value.items() if str(k).lower() == part.lower()),
                             None) if isinstance(value, dict) else None
            if value is not None:
                return str(value)
        return ""

    return {
        "site_path": site_path,
        "link_url": link_url,
        "ref_url": ref_url,
        "param": param,
        "label": lambda key: labels.get(key, key),
        "site": settings,
    }
