"""The command line: parse options, call build(), turn expected failures into messages.

Exit status: 0 success, 1 the build or check found errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from . import __version__, report, validate
from .config import PDF_VARIANTS
from .errors import (
    ERROR,
    INFO,
    ConfigError,
    Finding,
    ManualgenError,
    UsageError,
    readable_path,
    utf8_name,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors exit 2, as ours do
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="manualgen", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"manualgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def common(p):
        p.add_argument("--site", type=Path, default=Path("."),
                       help="the site: a folder with manualgen.toml and/or a Hugo config "
                            "(default: the current folder)")
        p.add_argument("--lang", action="append", default=[], metavar="LANG",
                       help="a language to build; may repeat (default: the site's default language)")
        p.add_argument("--all", action="store_true", help="every configured language")
        p.add_argument("--section", action="append", default=[], metavar="SECTION",
                       help="print only this section of the site (a folder below content/, "
                            "such as docs), as Docsy's print view does; may repeat; overrides "
                            "[manual] sections")
        p.add_argument("--since", metavar="REV", default="",
                       help="compare with the site at this git revision (tag, commit, branch): "
                            "list and mark what changed since ([edition] since)")

    b = sub.add_parser("build", help="build the PDF manuals",
                       description="Build one PDF manual per language.")
    common(b)
    b.add_argument("--out", type=Path, default=Path("output"),
                   help="output folder (default: output/ in the current folder)")
    b.add_argument("--html", action="store_true",
                   help="also write the merged HTML beside each PDF, for debugging")
    b.add_argument("--strict", action="store_true", help="warnings stop the build too")
    b.add_argument("--quiet", "-q", action="store_true", help="print only findings and the PDF paths")
    b.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="languages rendered at once, one process each (default: one per core)")
    b.add_argument("--cache", type=Path, default=Path(".manualgen-cache"), metavar="DIR",
                   help="cache folder for prepared images and reusable PDFs; safe to delete "
                        "(default: .manualgen-cache/ in the current folder)")
    b.add_argument("--no-cache", action="store_true",
                   help="reuse nothing: prepare every image and render every language")
    b.add_argument("--watch", action="store_true",
                   help="rebuild the languages affected by each change until Ctrl-C")
    b.add_argument("--validate", action="store_true",
                   help="check each PDF written with the validator page-validation (PDF/UA-1, "
                        "PDF/A); each failed rule is a warning (pip install 'manualgen[validate]')")
    b.add_argument("--pdf-variant", choices=PDF_VARIANTS, metavar="VARIANT",
                   help="the PDF standard to write, overriding [print] pdf_variant: "
                        f"{', '.join(PDF_VARIANTS)} (pdf/ua-1 and pdf/a-3a are tagged)")

    c = sub.add_parser("check", help="report every problem without writing a PDF",
                       description="Run every stage up to the merged HTML and report all findings.")
    common(c)
    c.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (grouped by file) or json (the schema in docs/findings.md)")
    c.add_argument("--translations", action="store_true",
                   help="print the translation matrix and the drift between languages as tables")
    c.add_argument("--pdf", action="store_true",
                   help="also check the PDFs a build wrote into --out with the validator "
                        "page-validation; each failed rule is a warning")
    c.add_argument("--out", type=Path, default=Path("output"),
                   help="with --pdf: the folder the PDFs were built into (default: output/)")
    c.add_argument("--pdf-variant", choices=PDF_VARIANTS, metavar="VARIANT",
                   help="with --pdf: the standard the PDFs were built as, if not [print] "
                        "pdf_variant")
    c.add_argument("--no-cache", action="store_true",
                   help="accepted for symmetry with build: check never reads or writes the "
                        "cache folder (it prepares no image and reuses no PDF)")
    return parser


def print_findings(findings, stream=None) -> None:
    """Grouped by file, errors first (see report.py); the caller prints the summary last."""
    stream = stream or sys.stderr
    text = report.format_text(findings)
    if text:
        print(text, file=stream)


def summary(findings) -> str:
    return report.summary(findings)


def _fail_json(findings, site) -> None:
    """A check that stops early still gives CI the documented JSON document."""
    json.dump(report.to_json(findings, site=readable_path(Path(site).resolve())), sys.stdout, indent=2,
              ensure_ascii=False)
    print()


def _validate(args, result) -> None:
    """The validator's verdict on each PDF: those just written (build --validate), or those
    an earlier build wrote into --out (check --pdf)."""
    variant = result.settings.print.pdf_variant
    if args.command == "build":
        validate.validate_results(result.results, variant, result.findings)
        return
    for lang_result in result.results:
        path = args.out / result.settings.output_filename(lang_result.lang)
        if path.is_file():
            validate.validate_pdf(path, validate.profiles_for(variant), result.findings,
                                  lang_result.lang)
        elif not lang_result.skipped:
            result.findings.warning("pdfua", f"no PDF to validate at {path}: build it first, "
                                    "or name its folder with --out", lang=lang_result.lang)


def run() -> None:
    """The ``manualgen`` command: :func:`main`, then an exit that does not free every object
    one by one (0.1–0.2 s for a build's objects; nothing is left to clean up: the cache's
    temporary folder and the edition's checkout are removed by their owners)."""
    import logging

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    logging.shutdown()
    os._exit(code)


def main(argv: list[str] | None = None, made: list | None = None,
         layouts: dict | None = None, sheets=None, templates=None) -> int:
    """The command line; ``made``, when given, receives the build's result, ``layouts``
    holds the layouts kept from the last build, ``sheets`` the stylesheets it parsed and
    ``templates`` the Jinja templates it compiled (all four for --watch)."""
    try:
        return _main(argv, made, layouts, sheets, templates)
    except BrokenPipeError:
        # The reader went away (manualgen check --format json | head): nothing more to say.
        # Standard output is pointed at /dev/null so that Python's last flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a command stopped by SIGPIPE


def _main(argv: list[str] | None, made: list | None = None, layouts: dict | None = None,
          sheets=None, templates=None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.all and args.lang:
        parser.error("--lang and --all cannot be combined")
    options = _options(args, parser)
    if args.command == "build" and args.watch:
        from .watch import watch

        again = [a for a in (sys.argv[1:] if argv is None else argv) if a != "--watch"]
        return watch(args.site, _rebuild_for_watch(again),
                     lambda text: print(f"{'watch':>9}  {text}", file=sys.stderr, flush=True))
    if layouts is not None and getattr(options, "no_cache", False):
        # --watch --no-cache: no cache folder keeps the chapters, so this process does
        options.keep_layouts, options.layouts = True, dict(layouts)
    elif layouts is not None and args.command == "build":
        # --watch: the cache folder keeps the chapters; a layout made here stays here too
        options.keep_in_process, options.layouts = True, dict(layouts)
    if sheets is not None and args.command == "build":
        options.sheets = sheets
    if templates is not None and args.command == "build":
        options.templates = templates
    result = _run(args, options)
    if isinstance(result, int):
        return result
    if made is not None:
        made.append(result)
    if getattr(args, "validate", False) or getattr(args, "pdf", False):
        _validate(args, result)
    if args.command == "check":
        return _report_check(args, result)
    return _report_build(options, result)


def _options(args, parser):
    """The build's options from the command line."""
    from .build import BuildOptions

    options = BuildOptions(langs=args.lang, all=args.all, pdf_variant=args.pdf_variant,
                           sections=args.section, since=args.since)
    if args.command == "build":
        if not utf8_name(args.out):  # it names the PDFs and keys the cache
            parser.error(f'the output folder "{readable_path(args.out)}" has a name that is not '
                         "UTF-8 text (shown as \ufffd); choose another with --out")
        options.out = args.out
        options.html = args.html
        options.strict = args.strict
        if args.jobs < 0:
            parser.error("--jobs must be 0 (one per core) or more")
        options.jobs, options.cache_dir, options.no_cache = args.jobs, args.cache, args.no_cache
    else:
        options.check_only = True
        options.list_translations = args.translations
    return options


def _run(args, options):
    """The build's result, or the exit status when it could not run (a clear message, no
    traceback, for every expected failure)."""
    from .build import build
    from .progress import Reporter

    progress = Reporter(sys.stderr, quiet=getattr(args, "quiet", False) or args.command != "build")
    as_json = args.command == "check" and args.format == "json"
    try:
        if getattr(args, "validate", False) or getattr(args, "pdf", False):
            validate.load_validator()  # before minutes of layout: say now if it is missing
        return build(args.site, options, progress=progress)
    except ConfigError as exc:
        if as_json:
            _fail_json(exc.problems, args.site)
            return 1
        print_findings(exc.problems)
        print(f"manualgen: configuration has {len(exc.problems)} problem(s); nothing built",
              file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"manualgen: error: {exc.message}", file=sys.stderr)
        return 2
    except ManualgenError as exc:
        if as_json:
            _fail_json([exc.finding()], args.site)
            return 1
        print(exc.finding().format(), file=sys.stderr)
        return 1
    except OSError as exc:  # a folder or file the system refuses: one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"manualgen: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("manualgen: interrupted; earlier PDFs are unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: CI that reads JSON still gets JSON, and the traceback
        if not as_json:
            raise
        import traceback

        traceback.print_exc()
        _fail_json([Finding(ERROR, "internal-error", f"manualgen failed ({type(exc).__name__}: "
                            f"{exc}); nothing was checked after it: please report this, with "
                            "the traceback printed on stderr")], args.site)
        return 1


def _report_check(args, result) -> int:
    findings = list(result.findings)
    root = result.settings.site_root
    if args.format == "json":
        langs = [r.lang for r in result.results]
        doc = report.to_json(findings, site=str(root), languages=langs,
                             translations=result.translations if args.translations else None)
        if result.editions:  # --since: what changed, page by page (docs/editions.md)
            doc["changes"] = {lang: changes.as_dict(root)
                              for lang, changes in result.editions.items()}
        json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.translations and result.translations is not None:
        print(report.format_translations(result.translations, findings), file=sys.stdout)
        print(summary(findings), file=sys.stdout)
    else:
        print_findings(findings, sys.stdout)
        for changes in result.editions.values():  # --since: what changed, page by page
            print(changes.format_text(root), file=sys.stdout)
        print(summary(findings), file=sys.stdout)
    return 1 if result.findings.errors else 0


def _report_build(options, result) -> int:
    findings = [f for f in result.findings if f.severity != INFO]  # notes: for check to print
    print_findings(findings)
    failed = bool(result.findings.errors) or (options.strict and bool(result.findings.warnings))
    for lang_result in result.results:
        if lang_result.pdf is None and not lang_result.skipped:
            print(f"manualgen: [{lang_result.lang}] no PDF written"
                  + ("; the previous one is unchanged" if (options.out / result.settings.output_filename(
                      lang_result.lang)).exists() else ""), file=sys.stderr)
    if findings:
        print(summary(findings), file=sys.stderr)
    for lang_result in result.results:
        if lang_result.pdf is not None:
            print(lang_result.pdf)
    return 1 if failed or any(r.pdf is None and not r.skipped for r in result.results) else 0


def _rebuild_for_watch(argv: list[str]):
    """The builds of --watch: each with its messages as without --watch, and its result for
    watch to say what each language took.  A save lays out only the chapters it changed
    (issue 11): their layouts come from the cache folder, or, with --no-cache, from this
    process, which then keeps them from one build to the next."""
    from .compiled_templates import CompiledTemplates
    from .parsed_sheets import ParsedSheets

    layouts: dict = {}
    sheets = ParsedSheets()  # parsed by the first build, used again by the others
    templates = CompiledTemplates()  # compiled by the first build, likewise
    warm: list = []

    def rebuild():
        made: list = []
        try:
            status = main(argv, made, layouts, sheets, templates)
        except Exception:  # noqa: BLE001  (a bug: said, and the watching goes on)
            print("manualgen failed unexpectedly (a bug: please report it with what follows); "
                  "still watching:\n" + traceback.format_exc(), file=sys.stderr, flush=True)
            return None
        if status == 130 and not made:
            raise KeyboardInterrupt  # Ctrl-C during a rebuild stops the watching too
        collect_garbage()
        if not made:
            return None
        layouts.update(kept_layouts(made[0].results, layouts))
        if not warm:
            from .build import warm_up

            warm_up(made[0].settings, sheets)
            warm.append(True)
        return made[0]

    return rebuild


def kept_layouts(results: list, layouts: dict) -> dict:
    """The layouts to keep for the next save, by language: each language laid out now
    leaves its new layout, or none (laid out in a worker, or too large to keep: its older
    one is let go, not kept alive until some later save); a language whose PDF was reused
    keeps what it had."""
    return {item.lang: item.layout for item in results
            if item.layout is not None or (not item.reused and item.lang in layouts)}


def collect_garbage() -> int:
    """Free the cyclic garbage a build leaves (a layout's boxes and styles refer to each
    other), once the PDF is written.  Python's collector would put the full collection off
    for as long as the objects that live on outnumber it: a watching process grew by about
    27 MiB a save on the corpus (400 MiB after 16 saves), and stays at about 160 MiB with
    this (0.2-0.3 s after each rebuild, while nothing waits for it)."""
    import gc

    return gc.collect()


_ = Finding  # re-exported for callers that build findings by hand
