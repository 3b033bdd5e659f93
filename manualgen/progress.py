"""What a build shows while it runs: one live line per language on a terminal, plain lines
elsewhere, nothing with ``--quiet``.

The stages are the build's own (discover, render, assemble, images, layout, write) and the
layout, the long part, gets a bar: WeasyPrint logs each page it lays out, and the number of
pages of the language's last build (from the cache) is the expected total.  Logs and CI get
one plain line per stage and no per-page noise.
"""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO

_LANG = re.compile(r"^\[([\w-]+)\]\s*(.*)$", re.DOTALL)
_PAGE = re.compile(r"Creating layout - Page (\d+)")
_ABOUT = re.compile(r"about (\d+) pages")
BAR = 24


class Reporter:
    """A ``progress(stage, text)`` callback for :func:`manualgen.build.build`."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False,
                 live: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = self.stream.isatty() if live is None else live
        self.lines: dict[str, str] = {}  # language → its current line (live mode)
        self.expected: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.drawn = 0

    def __call__(self, stage: str, text: str) -> None:
        if self.quiet:
            return
        m = _LANG.match(text)
        lang, message = (m.group(1), m.group(2)) if m else ("", text)
        about = _ABOUT.search(message)
        if about:
            self.expected[lang] = int(about.group(1))
        self.started.setdefault(lang, time.perf_counter())
        if not self.live:
            if stage != "weasyprint":
                print(f"{stage:>9}  {text}", file=self.stream, flush=True)
            return
        if stage == "weasyprint":
            page = _PAGE.search(message)
            if not page:
                return
            message = self._bar(lang, int(page.group(1)))
            stage = "layout"
        self.lines[lang] = f"{stage:>9}  [{lang}] {message}" if lang else f"{stage:>9}  {message}"
        self._draw()

    def _bar(self, lang: str, page: int) -> str:
        total = self.expected.get(lang, 0)
        if total <= 0:
            return f"page {page}"
        done = min(1.0, page / total)
        filled = round(done * BAR)
        return f"[{'#' * filled}{'.' * (BAR - filled)}] page {page}/~{total}"

    def _draw(self) -> None:
        out = self.stream
        if self.drawn:
            out.write(f"\x1b[{self.drawn}F")  # back to the first of our lines
        width = 100
        for line in self.lines.values():
            out.write("\x1b[2K" + line[:width] + "\n")
        self.drawn = len(self.lines)
        out.flush()

    def done(self) -> None:
        """Leave the live lines as they are; later output starts below them."""
        self.drawn = 0
        self.lines.clear()
