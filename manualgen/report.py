"""Findings for people and for CI: text grouped by file, a stable JSON document, tables.

The text form is meant to be read top to bottom and fixed file by file: one block per file
(files with errors first), errors before warnings inside a block, each line starting with
``path:line:`` as compilers print it so editors can jump there, and one summary line at the
end.  The JSON form is a versioned schema (``docs/findings.md``): fields are only ever added,
and a change that would break a reader raises ``version``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from . import __version__
from .errors import ERROR, INFO, WARNING, Finding, show

JSON_VERSION = 1


_RANK = {ERROR: 0, WARNING: 1, INFO: 2}


def _finding_key(f: Finding) -> tuple:
    return (_RANK.get(f.severity, 1), f.line or 0, f.column or 0, f.code, f.lang or "", f.message)


def grouped(findings: Iterable[Finding]) -> list[tuple[str | None, list[Finding]]]:
    """(file, findings) blocks: findings without a file first, then files with errors, by path."""
    groups: dict[str | None, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.file, []).append(f)
    order = sorted(groups, key=lambda file: (file is not None,
                                             not any(f.is_error for f in groups[file]),
                                             file or ""))
    return [(file, sorted(groups[file], key=_finding_key)) for file in order]


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """All findings in the order the text form prints them."""
    return [f for _file, items in grouped(findings) for f in items]


def summary(findings: Iterable[Finding]) -> str:
    items = list(findings)
    errors = sum(1 for f in items if f.is_error)
    notes = sum(1 for f in items if f.severity == INFO)
    warnings = len(items) - errors - notes
    files = len({f.file for f in items if f.file})
    text = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if notes:
        text += f", {notes} note{'s' * (notes != 1)}"
    if files:
        text += f" in {files} file{'s' * (files != 1)}"
    return text


def format_text(findings: Iterable[Finding]) -> str:
    """Blocks per file separated by a blank line; no summary (the caller prints it last).
    A finding that several manuals share (a file every language reads, mounted into each)
    is one line naming all of them."""
    blocks = []
    for _file, items in grouped(findings):
        blocks.append("\n".join(_line(f, langs) for f, langs in _across_languages(items)))
    return "\n\n".join(blocks)


def _across_languages(items: list[Finding]) -> list[tuple[Finding, list[str]]]:
    """Each finding once, in order, with the languages it was found in."""
    found: dict[Finding, list[str]] = {}
    for f in items:
        found.setdefault(dataclasses.replace(f, lang=None), []).extend([f.lang] if f.lang else [])
    return list(found.items())


def _line(f: Finding, langs: list[str]) -> str:
    """``path:line:col: severity: message [code; langs]``: the languages say which manuals."""
    loc = f.location()
    tag = f"{f.code}; {', '.join(langs)}" if langs else f.code
    return f"{loc + ': ' if loc else ''}{f.severity}: {f.message} [{tag}]"


def to_json(findings: Iterable[Finding], *, command: str = "check", site: str | None = None,
            languages: list[str] | None = None, translations=None) -> dict:
    """The documented JSON document (docs/findings.md), version 1."""
    items = ordered(findings)
    errors = sum(1 for f in items if f.is_error)
    notes = sum(1 for f in items if f.severity == INFO)
    doc: dict = {
        "version": JSON_VERSION,
        "tool": f"manualgen {__version__}",
        "command": command,
        "site": site,
        "languages": languages or [],
        "summary": {
            "errors": errors,
            "warnings": len(items) - errors - notes,
            "notes": notes,
            "files": len({f.file for f in items if f.file}),
            "ok": errors == 0,
        },
        "findings": [f.as_dict() for f in items],
    }
    if translations is not None:
        doc["translations"] = translations.as_dict()
    return doc


def format_translations(report, findings: Iterable[Finding]) -> str:
    """The translation matrix, then every missing translation and drift as a table."""
    from .translations import CODES

    langs = report.langs
    lines = []
    if len(langs) < 2:
        lines.append(f"Only one language has content ({', '.join(langs) or 'none'}): "
                     "nothing to compare.")
        return "\n".join(lines)
    width = max([len("page")] + [len(row.label) for row in report.rows])
    cell = max(8, *(len(lang) + 2 for lang in langs))
    lines.append(f"Translations: {len(report.rows)} pages in {', '.join(langs)}")
    lines.append("")
    lines.append("page".ljust(width) + "  " + "".join(lang.ljust(cell) for lang in langs).rstrip())
    lines.append("-" * width + "  " + "".join(("-" * (cell - 2)).ljust(cell) for _ in langs).rstrip())
    for row in report.rows:
        statuses = "".join(report.status(row, lang).ljust(cell) for lang in langs).rstrip()
        lines.append(row.label.ljust(width) + "  " + statuses)
    drift = [f for f in findings if f.code in CODES]
    lines.append("")
    if not drift:
        lines.append("No missing translations and no drift.")
        return "\n".join(lines)
    lines.append(f"Missing translations and drift ({len(drift)}):")
    lines.append("")
    rows = [(f.location(), f.lang or "", f.code, f.message) for f in ordered(drift)]
    w0 = max(len("where"), *(len(r[0]) for r in rows))
    w1 = max(len("lang"), *(len(r[1]) for r in rows))
    w2 = max(len("code"), *(len(r[2]) for r in rows))
    lines.append(f"{'where'.ljust(w0)}  {'lang'.ljust(w1)}  {'code'.ljust(w2)}  message")
    lines.append(f"{'-' * w0}  {'-' * w1}  {'-' * w2}  -------")
    for where, lang, code, message in rows:
        lines.append(f"{where.ljust(w0)}  {lang.ljust(w1)}  {code.ljust(w2)}  {message}")
    return "\n".join(lines)


_URL = re.compile(r"(?:https://manualgen\.invalid/|file:|data:|https?://)[^\s'\"()<>]+")
_CODEPOINT = re.compile(r"\(U\+([0-9A-F]{4,6})\)")
_CSS_TEXT = re.compile(r"`([^`]{3,}?)\s*`|'\s*([^']{3,}?)\s*'")  # "Ignored `colr: red` at 1:1"


def attribute(findings: Iterable[Finding], pages, roots, resources=()) -> list[Finding]:
    """WeasyPrint's messages name a URL, a character or a CSS text, not a page: give each
    the page (and line) whose source holds it.

    A message such as "Failed to load image at https://manualgen.invalid/static0/img/a.png"
    is reported on the first page whose source mentions ``a.png``, with the URL replaced by
    the site's own path; a refused URL (outside the site) on the page that mentions its path;
    a character no font has ("… (U+0001)") on the page that holds it; a CSS declaration
    WeasyPrint ignored on the page (style attribute) or stylesheet that has it.  What no page
    mentions is looked for in ``resources`` (the SVG images and stylesheets the document
    loads: an SVG may point outside the site).  Messages about no file keep no file.
    """
    out = []
    for f in findings:
        found = _needles(f, roots) if f.file is None else None
        if found is None:
            out.append(f)
            continue
        needles, message, fallback, anywhere = found
        sources = [*pages, *(_Resource(path) for path in resources
                             if path.suffix.lower() in (".svg", ".css"))]
        where = _written_whole(f, roots, sources)
        if where is None:
            where = next(((page, line) for needle in needles for page in pages
                          for line in [_source_line(page, needle, anywhere)] if line), None)
        if where is None:
            where = next(((page, line) for needle in needles for page in sources[len(pages):]
                          for line in [_source_line(page, needle)] if line), None)
        if where is None:
            out.append(dataclasses.replace(f, message=message, file=fallback))
        else:
            page, line = where
            out.append(dataclasses.replace(f, message=message, file=str(page.path), line=line))
    return out


def _written_whole(f: Finding, roots, sources) -> tuple | None:
    """(source, line) of the page, stylesheet or SVG that wrote a refused address whole, as
    ``url("/img/a.png")`` or ``(/img/a.png)``: a page's "/docs/img/a.png" only holds it in
    part, and naming that page sent the reader to the wrong file."""
    from .pdf import VIRTUAL_BASE

    match = _URL.search(f.message)
    if not match or not match.group(0).startswith(VIRTUAL_BASE) or roots.path_for(match.group(0)):
        return None
    rest = unquote(urlsplit(match.group(0)).path)
    return next(((source, line) for source in sources for opening in "\"'("
                 for line in [_source_line(source, opening + rest)] if line), None)


def _needles(f: Finding, roots):
    """(texts to look for, message, file when none is found, search front matter too), or None."""
    from .pdf import VIRTUAL_BASE

    match = _URL.search(f.message)
    if match:
        url = match.group(0)
        path = roots.path_for(url)
        if path is not None:  # a file of the site: the page that names it, else the file
            shown = show(path, roots.mapping.get("site")) or str(path)
            return [path.name], f.message.replace(url, shown), shown, False
        if url == VIRTUAL_BASE:  # the document itself: an <svg> written in a page
            return ["<svg"], f.message.replace(url, "(an <svg> in a page)"), None, False
        # Refused: the page wrote the path part, maybe after some "../"; maybe in its front
        # matter (a description is printed as Markdown).
        rest = unquote(urlsplit(url).path) if url.startswith(VIRTUAL_BASE) else url
        needles = [n for n in (rest.lstrip("/"), rest.rstrip("/").rsplit("/", 1)[-1]) if n]
        return needles, f.message.replace(url, rest), None, True
    char = _CODEPOINT.search(f.message)
    if char:  # titles are in the front matter
        return [chr(int(char.group(1), 16))], f.message, None, True
    css = _CSS_TEXT.search(f.message) if f.code == "css" else None
    if css:
        return [(css.group(1) or css.group(2)).strip()], f.message, None, False
    return None


class _Resource:
    """A file the document loads (an SVG, a stylesheet), searched like a page from its first
    line; read only when a message names something in it."""

    def __init__(self, path) -> None:
        from .content import SourceText

        self.path = path
        try:
            self.source = SourceText(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            self.source = SourceText("")

    def find_line(self, needle: str, anywhere: bool = True) -> int | None:
        return self.source.find_line(needle)


def _source_line(page, needle: str, anywhere: bool = False) -> int | None:
    """The first line of the page's body (or, ``anywhere``, of its file) holding ``needle``."""
    return page.find_line(needle, anywhere=anywhere)


_NOTDEF = re.compile(r"\.notdef glyph rendered.*?\(U\+([0-9A-F]{4,6})\)")


def repeats_missing_glyphs(finding: Finding, findings: Iterable[Finding]) -> bool:
    """Whether ``finding`` is WeasyPrint's word about a character no font has (code ``css``)
    that a ``missing-glyphs`` finding of the same language already names, with the page and
    line that use it: one finding per character is enough."""
    found = _NOTDEF.search(finding.message) if finding.code == "css" else None
    return found is not None and any(
        other.code == "missing-glyphs" and other.lang == finding.lang
        and int(found.group(1), 16) in named_code_points(other.message) for other in findings)


_CODE_POINTS = re.compile(r"U\+([0-9A-F]{4,6})(?:\u2013U\+([0-9A-F]{4,6}))?")


def named_code_points(message: str) -> set[int]:
    """The code points a message names, one by one ("U+05EF") or as ranges
    ("U+1E29C–U+1E29F")."""
    return {code for low, high in _CODE_POINTS.findall(message)
            for code in range(int(low, 16), int(high or low, 16) + 1)}


def not_repeated(findings: Iterable[Finding], new: Iterable[Finding]) -> list[Finding]:
    """The ``new`` findings (the layout's) that say more than ``findings`` already do."""
    findings = list(findings)
    return [f for f in new if not repeats_missing_glyphs(f, findings)]

