"""Each cheap lever of issue 11 on and off, alternately, on the same machine and inputs.

On a shared machine the wall time of a whole build moves by seconds from one run to the next,
more than any one lever saves; so each lever is measured where it acts, alternating on and off
(``--rounds`` times), and the median printed:

- ``gc``: the collector off during layout and write: CPU seconds of one language's layout and
  write (corpus, German, in this process);
- ``images``: image preparation on one or two threads: the images stage, cold;
- ``preload``: what a forked worker no longer does: import WeasyPrint and load the
  hyphenation dictionary (a fresh interpreter, per language);
- ``workers``: 2 or 3 processes for the 3 languages of the example (wall of the build).

    .venv/bin/python benchmarks/levers.py --corpus ../shared/corpus/spiges-handbook
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")


def one_build(site: Path, langs: list[str], jobs: int) -> tuple[float, float, dict]:
    from manualgen.build import BuildOptions, build

    out = Path(tempfile.mkdtemp(prefix="manualgen-levers-"))
    options = BuildOptions(langs=langs, all=not langs, out=out, no_cache=True, jobs=jobs)
    t0, c0 = time.perf_counter(), time.process_time()
    result = build(site, options)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert not result.findings.errors, [f.format() for f in result.findings.errors]
    timings: dict[str, float] = {}
    for item in result.results:
        for key, value in item.timings.items():
            timings[key] = timings.get(key, 0.0) + value
    return wall, cpu, timings


def lever_gc(site: Path, rounds: int) -> dict:
    """CPU of layout + write with the collector on and off."""
    from manualgen import pdf

    real = pdf.frozen_collector
    found: dict[str, list[float]] = {"on": [], "off": []}
    for _ in range(rounds):
        for state in ("on", "off"):
            pdf.frozen_collector = ((lambda collect: contextlib.nullcontext()) if state == "on"
                                    else real)
            c0 = time.process_time()
            _w, _c, timings = one_build(site, ["de"], 1)
            found[state].append(time.process_time() - c0)
            found.setdefault(f"{state} layout+write wall", []).append(
                timings["layout"] + timings["write"])
    pdf.frozen_collector = real
    return found


def lever_images(site: Path, rounds: int) -> dict:
    from manualgen import build as build_module

    found: dict[str, list[float]] = {"1 thread": [], "2 threads": []}
    for _ in range(rounds):
        for threads in (1, 2):
            build_module.IMAGE_THREADS = threads
            _w, _c, timings = one_build(site, [], 1)
            found[f"{threads} thread{'s' if threads > 1 else ''}"].append(timings["images"])
    build_module.IMAGE_THREADS = 2
    return found


def lever_preload(rounds: int) -> dict:
    code = ("import time; t=time.perf_counter(); import weasyprint, pyphen; i=time.perf_counter()-t;"
            "t=time.perf_counter(); [pyphen.Pyphen(lang=pyphen.language_fallback(x)) for x in"
            " ('de','fr','it')]; print(i, time.perf_counter()-t)")
    found: dict[str, list[float]] = {"import weasyprint": [], "de+fr+it dictionaries": []}
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout.split()
        found["import weasyprint"].append(float(out[0]))
        found["de+fr+it dictionaries"].append(float(out[1]))
    return found


def lever_workers(rounds: int) -> dict:
    found: dict[str, list[float]] = {"2 processes": [], "3 processes": []}
    for _ in range(rounds):
        for jobs in (2, 3):
            wall, _c, _t = one_build(ROOT, [], jobs)
            found[f"{jobs} processes"].append(wall)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append", default=[])
    args = parser.parse_args()
    levers = {"gc": lambda: lever_gc(args.corpus, args.rounds),
              "images": lambda: lever_images(args.corpus, args.rounds),
              "preload": lambda: lever_preload(args.rounds),
              "workers": lambda: lever_workers(args.rounds)}
    report = {}
    for name, run in levers.items():
        if args.only and name not in args.only:
            continue
        found = run()
        report[name] = {key: {"median": round(statistics.median(v), 2),
                              "all": [round(x, 2) for x in v]} for key, v in found.items()}
        print(json.dumps({name: report[name]}), flush=True)


if __name__ == "__main__":
    main()
