"""Findings and errors: one model for every problem manualgen reports.

Every stage reports problems as :class:`Finding` objects (severity, stable code, file,
line, message).  Problems that make the output wrong are raised as
:class:`ManualgenError`, which the command line prints as ``path:line: message`` lines,
never as a traceback.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

ERROR = "error"
WARNING = "warning"
INFO = "info"  # a note: something left out on purpose (a web-only page), never a problem


@dataclasses.dataclass(frozen=True, order=True)
class Finding:
    """One problem in the site, with where it is and what to do about it."""

    severity: str  # "error", "warning" or "info"
    code: str  # stable identifier such as "missing-image"
    message: str
    file: str | None = None  # path as shown to the user (relative to the site when possible)
    line: int | None = None
    column: int | None = None
    lang: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self) -> str:
        if not self.file:
            return ""
        loc = self.file
        if self.line:
            loc += f":{self.line}"
            if self.column:
                loc += f":{self.column}"
        return loc

    def format(self) -> str:
        loc = self.location()
        prefix = f"{loc}: " if loc else ""
        return f"{prefix}{self.severity}: {self.message} [{self.code}]"

    def as_dict(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "lang": self.lang,
            "message": self.message,
        }


class Findings:
    """An ordered, de-duplicated collection of findings shared by the stages of a build."""

    def __init__(self) -> None:
        self._items: list[Finding] = []
        self._seen: set[Finding] = set()

    def add(self, finding: Finding) -> None:
        if finding not in self._seen:
            self._seen.add(finding)
            self._items.append(finding)

    def error(self, code: str, message: str, file=None, line=None, column=None, lang=None):
        self.add(Finding(ERROR, code, message, show(file), line, column, lang))

    def warning(self, code: str, message: str, file=None, line=None, column=None, lang=None):
        self.add(Finding(WARNING, code, message, show(file), line, column, lang))

    def info(self, code: str, message: str, file=None, line=None, column=None, lang=None):
        self.add(Finding(INFO, code, message, show(file), line, column, lang))

    def extend(self, findings) -> None:
        for f in findings:
            self.add(f)

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self._items if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self._items if f.severity == WARNING]

    @property
    def notes(self) -> list[Finding]:
        """What was left out on purpose: ``check`` says it, ``--strict`` ignores it."""
        return [f for f in self._items if f.severity == INFO]


def show(file, root: Path | None = None) -> str | None:
    """A file as findings name it: relative to ``root`` (the site) when below it, else as
    given.  Stages keep the paths they found; the build shows them relative to the site once,
    when it returns its findings (:func:`shown_from`)."""
    if file is None:
        return None
    root = root.resolve() if root is not None else None
    path = Path(file)
    if root is not None and path.is_absolute():
        try:  # the folders resolved, not the file: a symbolic link is shown by its own name
            return str((path.parent.resolve() / path.name).relative_to(root))
        except ValueError:
            pass
    return str(file)


_WIDE_MARKS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
               (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def not_utf8(raw: bytes, start: int) -> str:
    """What is wrong with bytes that are not UTF-8 at ``start``: a file saved as UTF-16 or
    UTF-32 (Windows Notepad's "Unicode") says so by its first bytes, and is named as such."""
    wide = next((name for mark, name in _WIDE_MARKS if raw.startswith(mark)), None)
    if wide:
        return f"the file is {wide} text, not UTF-8"
    return f"not valid UTF-8 (byte 0x{raw[start]:02x})"


def utf8_name(path) -> bool:
    """Whether a path's name is UTF-8 text: Python keeps other bytes as lone surrogates,
    which no HTML, PDF, cache key or terminal can take (:func:`readable_path` shows them)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def readable_path(path) -> str:
    """A path as text that can be printed: bytes of its name that are not UTF-8 (which
    Python keeps as lone surrogates) shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def shown_from(findings, root: Path) -> list[Finding]:
    """The findings with their files named relative to ``root`` (the site), as they are shown
    to the user: the build's findings when it returns them, the configuration's when it fails."""
    return [dataclasses.replace(f, file=show(f.file, root)) for f in findings]


class ManualgenError(Exception):
    """An expected failure: printed as one clear message, exit status 1."""

    code = "error"

    def __init__(self, message: str, file=None, line: int | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = show(file)
        self.line = line
        if code:
            self.code = code

    def finding(self) -> Finding:
        return Finding(ERROR, self.code, self.message, self.file, self.line)

    def __str__(self) -> str:
        return self.finding().format()


class ConfigError(ManualgenError):
    """One or more configuration problems, reported together."""

    code = "config"

    def __init__(self, problems: list[Finding]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems), code="config")

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class ContentError(ManualgenError):
    """A page that cannot be read or parsed (front matter, encoding, shortcode syntax)."""

    code = "bad-content"


class UsageError(ManualgenError):
    """Bad command-line usage: exit status 2."""

    code = "usage"


class BuildFailed(ManualgenError):
    """The build found errors; the findings have been printed already."""

    code = "build-failed"
