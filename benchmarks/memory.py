"""Where a large manual's memory goes: peak RSS per stage of one language, in one process.

Builds one language of a synthetic site (``synthetic.py``) in this process (``--jobs 1``, so
the layout runs here) while a thread samples the resident set every 20 ms; the build's own
progress messages say which stage is running.  With ``--tracemalloc`` it also counts the
Python objects alive when the layout ends (just before the PDF is written), grouped by the
module that made them: what tracemalloc does not see is memory of the C libraries (Pango,
HarfBuzz, fontconfig, Pillow's pixel buffers).

    .venv/bin/python benchmarks/memory.py 1450            # ~1,200 PDF pages, German only
    .venv/bin/python benchmarks/memory.py 150 --tracemalloc
    .venv/bin/python benchmarks/memory.py 1450 --gc-on    # the collector left on in layout
    .venv/bin/python benchmarks/memory.py 1450 --cache /tmp/c1450   # with a cache folder
    .venv/bin/python benchmarks/memory.py 1450 --cache /tmp/c1450 --edit   # then a page edited

Without ``--cache`` the build runs with ``--no-cache``.  With it, the build uses that cache
folder (a cold build when it is empty) and so keeps the chapters' layouts there, as a default
``manualgen build`` does; ``--edit`` first adds a sentence to the page in the middle, so that
the build reuses every other chapter from the previous run with the same folder.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# What the build says at the end of a stage → the stage that runs next.
NEXT = {"discover": "render", "render": "assemble", "assemble": "images", "images": "layout",
        "write": "write"}


def rss() -> int:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Sampler:
    """Peak RSS per stage, the stage being set from the build's progress messages."""

    def __init__(self) -> None:
        self.stage = "discover"
        self.peaks: dict[str, int] = {}
        self.started: dict[str, float] = {"discover": time.perf_counter()}
        self.done = threading.Event()

    def progress(self, stage: str, _text: str) -> None:
        following = NEXT.get(stage)
        if following and following != self.stage:
            self.stage = following
            self.started[following] = time.perf_counter()

    def run(self) -> None:
        while not self.done.is_set():
            self.peaks[self.stage] = max(self.peaks.get(self.stage, 0), rss())
            self.done.wait(0.02)


def python_objects_at_write(top: int):
    """tracemalloc's live Python memory by module, taken just before the PDF is written."""
    import tracemalloc

    from manualgen import pdf

    real = pdf.write_pdf
    taken = {}

    def write_pdf(rendered, variant, options):
        snapshot = tracemalloc.take_snapshot()
        stats = snapshot.statistics("filename")
        taken["total"] = sum(s.size for s in stats)
        taken["rss"] = rss()
        taken["top"] = [(_short(s.traceback[0].filename), s.size, s.count) for s in stats[:top]]
        return real(rendered, variant, options)

    pdf.write_pdf = write_pdf
    tracemalloc.start()
    return taken


def edit_middle_page(content: Path) -> None:
    """A sentence more at the end of the middle page (by name) of ``content``."""
    pages = sorted(content.rglob("*.md"))
    page = pages[len(pages) // 2]
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nEin neuer Satz ({time.time()}).\n",
                    encoding="utf-8")


def _short(filename: str) -> str:
    marker = "site-packages/"
    return filename.split(marker, 1)[1] if marker in filename else filename


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int, help="synthetic pages (N); PDF pages are about 0.83 N")
    parser.add_argument("--lang", default="de")
    parser.add_argument("--gc-on", action="store_true", help="leave the collector on in layout")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--cache", type=Path, help="the cache folder (default: --no-cache)")
    parser.add_argument("--edit", action="store_true",
                        help="add a sentence to the middle page before building")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from synthetic import generate

    from manualgen import pdf
    from manualgen.build import BuildOptions, build

    base = Path(os.environ.get("MANUALGEN_SYNTH_DIR", tempfile.gettempdir()))
    site = generate(base / f"manualgen-synth-{args.pages}-{args.lang}", args.pages,
                    langs=(args.lang,))
    if args.edit:
        edit_middle_page(site / "content" / args.lang)
    if args.gc_on:
        pdf.frozen_collector = lambda collect: contextlib.nullcontext()
    taken = python_objects_at_write(15) if args.tracemalloc else None
    sampler = Sampler()
    thread = threading.Thread(target=sampler.run, daemon=True)
    work = Path(tempfile.mkdtemp(prefix="manualgen-memory-"))
    thread.start()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    cache = {"cache_dir": args.cache} if args.cache else {"no_cache": True}
    result = build(site, BuildOptions(langs=[args.lang], out=work / "out", jobs=1, **cache),
                   progress=sampler.progress)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    sampler.done.set()
    thread.join()
    item = result.results[0]
    from pypdf import PdfReader

    pages = len(PdfReader(item.pdf).pages) if item.pdf else 0
    report = {"synthetic_pages": args.pages, "pdf_pages": pages, "wall": round(wall, 2),
              "cpu": round(cpu, 2), "ms_per_page": round(1000 * wall / max(1, pages), 1),
              "gc_in_layout": "on" if args.gc_on else "off",
              "cache": str(args.cache) if args.cache else "none", "edit": args.edit,
              "reused_chapters": item.reused_chapters,
              "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              "stage_peak_rss_mib": {k: round(v / 2**20) for k, v in sampler.peaks.items()},
              "stage_seconds": {k: round(v, 2) for k, v in item.timings.items()},
              "errors": len(result.findings.errors)}
    if taken is not None:
        report["python_at_write_mib"] = round(taken["total"] / 2**20)
        report["rss_at_write_mib"] = round(taken["rss"] / 2**20)
        report["python_by_module_mib"] = [(name, round(size / 2**20, 1), count)
                                          for name, size, count in taken["top"]]
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
