"""manualgen against the naive pipeline, side by side, with the figures the targets need.

(a) manualgen: ``manualgen build --all`` in a subprocess (cache, image preparation, one
    process per language);
(b) naive: bare WeasyPrint, default options, one language after another.  On the corpus
    (the yardstick of issue 11) it renders Hugo's own HTML of the same pages
    (``reference/<lang>/``, in Hugo's order, each under its title) with the site's original
    images; on a synthetic site, manualgen's own merged HTML (written by ``--html``).
    Producing that HTML is not counted against (b).

For each: wall time, CPU time (all processes), peak memory (RSS summed over the process tree,
sampled every 20 ms), PDF size, and stage times.  Scenarios on the corpus: cold (empty cache),
one page edited (warm cache), nothing changed.  Synthetic sites (``--synthetic N``) are
generated deterministically into a temporary folder.

    .venv/bin/python benchmarks/bench.py --corpus ../shared/corpus/spiges-handbook
    .venv/bin/python benchmarks/bench.py --synthetic 100 --synthetic 1000 --naive-max 100
    .venv/bin/python benchmarks/bench.py ... --record    # append the tables to RESULTS.md
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
MANUALGEN_STAGES = ("discover", "render", "assemble", "images", "layout", "write")
# A fixed date, as CI sets it: otherwise an uncommitted edit in a site that is not a git
# checkout moves the date of its language's manual (its newest page), and the PDFs of two
# runs in two folders could not be compared byte for byte.
ENV = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))


def snapshot_code(work: Path, code: Path = ROOT) -> None:
    """Run a frozen copy of manualgen: an edit to the code mid-run would (rightly) empty the
    cache's keys and make the warm-cache figures meaningless.  ``code``: another checkout's
    folder (``--code``), to measure an earlier version under the same conditions."""
    target = work / "code"
    shutil.copytree(code / "manualgen", target / "manualgen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(code / "styles", target / "styles")
    # compiled once, as an installed manualgen is (PYTHONDONTWRITEBYTECODE would otherwise
    # make every measured run compile it again: 0.14 s)
    compileall.compile_dir(target / "manualgen", quiet=1)
    ENV["PYTHONPATH"] = str(target)


# --- measuring a subprocess --------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """RSS in bytes of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def run(cmd: list[str], **kw) -> dict:
    """Run ``cmd``; wall, CPU (user+sys of the tree), peak tree RSS, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, **kw)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0,):
        sys.stderr.write(err[-3000:])
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return {"wall": wall, "cpu": cpu, "rss": peak, "stdout": out, "stderr": err}


# --- the two pipelines ---------------------------------------------------------------------


def manualgen(site: Path, out: Path, cache: Path, jobs: int = 0) -> dict:
    cmd = [PY, str(HERE / "bench.py"), "_manualgen", str(site), str(out), str(cache), str(jobs)]
    result = run(cmd)
    result.update(json.loads(result["stdout"].strip().splitlines()[-1]))
    return result


def naive(html_files: list[Path], out: Path) -> dict:
    cmd = [PY, str(HERE / "bench.py"), "_naive", str(out)] + [str(h) for h in html_files]
    result = run(cmd)
    result.update(json.loads(result["stdout"].strip().splitlines()[-1]))
    return result


def _child_manualgen(site: str, out: str, cache: str, jobs: str) -> None:
    """In the measured process: build every language, time each stage from the progress."""
    from manualgen.build import BuildOptions, build

    marks: list[tuple[float, str, str]] = []
    start = time.perf_counter()

    def progress(stage: str, text: str) -> None:
        if stage != "weasyprint":
            m = re.match(r"\[([\w-]+)\]", text)
            marks.append((time.perf_counter(), stage, m.group(1) if m else ""))

    opts = BuildOptions(all=True, out=Path(out), cache_dir=Path(cache), jobs=int(jobs))
    result = build(Path(site), opts, progress=progress)
    end = time.perf_counter()
    stages = dict.fromkeys(("start",) + MANUALGEN_STAGES, 0.0)
    for r in result.results:
        for name in ("discover", "render", "assemble", "images"):
            stages[name] += r.timings.get(name, 0.0)
        stages["layout"] += r.timings.get("layout", 0.0)
        stages["write"] += r.timings.get("write", 0.0)
    first = min((t for t, _s, _l in marks), default=end)
    stages["start"] = first - start
    pdfs = [str(r.pdf) for r in result.results if r.pdf]
    print(json.dumps({"stages": stages, "pdfs": pdfs, "reused": [r.lang for r in result.results if r.reused],
                      "errors": len(result.findings.errors),
                      "pages": sum(r.pages for r in result.results)}))


def _child_naive(out: str, *html_files: str) -> None:
    """Bare WeasyPrint, default options, one language after another."""
    t0 = time.perf_counter()
    import weasyprint

    stages = {"import": time.perf_counter() - t0, "layout": 0.0, "write": 0.0}
    pdfs = []
    for html in html_files:
        t = time.perf_counter()
        doc = weasyprint.HTML(filename=html).render()
        stages["layout"] += time.perf_counter() - t
        t = time.perf_counter()
        target = Path(out) / (Path(html).stem + ".naive.pdf")
        doc.write_pdf(target)
        stages["write"] += time.perf_counter() - t
        pdfs.append(str(target))
    print(json.dumps({"stages": stages, "pdfs": pdfs}))


# --- checks on the output ------------------------------------------------------------------


def pdf_size(paths: list[str]) -> int:
    return sum(Path(p).stat().st_size for p in paths)


def pdf_pages(paths: list[str]) -> int:
    from pypdf import PdfReader  # installed with the test tools

    return sum(len(PdfReader(p).pages) for p in paths)


def image_ppi(paths: list[str]) -> list[tuple[int, int, float]]:
    """(width, height, ppi) of every image placement, from ``pdfimages -list``."""
    found = []
    for p in paths:
        listing = subprocess.run(["pdfimages", "-list", p], capture_output=True, text=True,
                                 check=False).stdout
        for line in listing.splitlines()[2:]:
            f = line.split()
            if len(f) >= 14 and f[2] == "image":
                found.append((int(f[3]), int(f[4]), min(float(f[12]), float(f[13]))))
    return found


# --- scenarios -----------------------------------------------------------------------------


def fmt_row(name: str, a: dict, b: dict | None) -> str:
    def ratio(x: float, y: float) -> str:
        return f"{x / y:.2f}" if y and x else "–"

    cpu_a = f"{a['cpu']:.2f} s" if a["cpu"] else "–"
    rss_a = f"{a['rss'] / 2**20:.0f} MiB" if a["rss"] else "–"

    size_a = pdf_size(a["pdfs"])
    if b is None:
        return (f"| {name} | {a['wall']:.2f} s | {cpu_a} | {rss_a} | "
                f"{size_a / 1e6:.2f} MB | – | – | – | – |")
    size_b = pdf_size(b["pdfs"])
    return (f"| {name} | {a['wall']:.2f} s | {cpu_a} | {rss_a} | {size_a / 1e6:.2f} MB "
            f"| {b['wall']:.2f} s | {b['cpu']:.2f} s | {b['rss'] / 2**20:.0f} MiB | {size_b / 1e6:.2f} MB "
            f"| **{ratio(a['wall'], b['wall'])}** | {ratio(a['cpu'], b['cpu'])} | {ratio(a['rss'], b['rss'])} "
            f"| **{ratio(size_a, size_b)}** |")


HEADER = ("| scenario | a wall | a CPU | a peak RSS | a PDF | b wall | b CPU | b peak RSS | b PDF "
          "| wall a/b | CPU a/b | RSS a/b | size a/b |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def stage_table(name: str, a: dict, b: dict | None) -> str:
    sa = a["stages"]
    sb = (b or {}).get("stages", {})
    total = a["wall"]
    own = sum(sa.get(k, 0.0) for k in ("start", "discover", "render", "assemble", "images"))
    lines = [(f"Stages, {name} (seconds; manualgen's are summed over languages, which run in "
              "parallel):"), "",
             "| stage | manualgen | naive |", "|---|---|---|"]
    for stage in ("start",) + MANUALGEN_STAGES:
        value_b = sb.get(stage) if stage in ("layout", "write") else (sb.get("import") if stage == "start" else None)
        lines.append(f"| {stage} | {sa.get(stage, 0.0):.2f} | {'' if value_b is None else f'{value_b:.2f}'} |")
    lines.append("")
    lines.append(f"manualgen's own work (start-up, discover, render, assemble, images) = {own:.2f} s of "
                 f"{sum(sa.values()):.2f} s of stage time summed over languages "
                 f"({100 * own / max(1e-9, sum(sa.values())):.1f} %); wall {total:.2f} s.")
    return "\n".join(lines)


def ppi_line(a: dict, b: dict | None) -> str:
    pa = image_ppi(a["pdfs"])
    low_a = [x for x in pa if x[2] < 199.5]
    text = (f"Image placements: {len(pa)}; below 200 ppi: {len(low_a)}; lowest {min((x[2] for x in pa), default=0):.0f} ppi")
    if b is not None:
        pb = image_ppi(b["pdfs"])
        low_b = [x for x in pb if x[2] < 199.5]
        text += (f" (naive, original images: {len(low_b)} below 200 ppi — those sources have fewer pixels "
                 "than 200 ppi needs, and are never upscaled)")
    return text + "."


def hugo_reference_html(site: Path, folder: Path) -> list[Path]:
    """One HTML file per language of Hugo's reference output (``reference/index.json``
    order), each page under an ``<h1>`` of its title, images from the site's static folder:
    what bare WeasyPrint is given as the yardstick."""
    reference = site / "reference"
    index = json.loads((reference / "index.json").read_text(encoding="utf-8"))
    static = (site / "static").resolve().as_uri()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for lang in sorted({entry["lang"] for entry in index}):
        parts = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head><body>']
        for entry in sorted((e for e in index if e["lang"] == lang
                                    and e.get("hugo_order") is not None),  # listed pages
                                   key=lambda e: e["hugo_order"]):
            page = reference / lang / (entry["path"][:-3] + ".html")
            body = page.read_text(encoding="utf-8") if page.is_file() else ""
            body = re.sub(r'(src|href)="/handbook/', rf'\1="{static}/', body)
            parts.append(f"<section><h1>{entry['title']}</h1>{body}</section>")
        target = folder / f"hugo-{lang}.html"
        target.write_text("".join(parts) + "</body></html>", encoding="utf-8")
        made.append(target)
    return made


def watch_scenario(site: Path, out: Path, cache: Path, jobs: int, page: Path,
                   saves: int = 5) -> list[dict]:
    """``build --all --watch`` running (its first build done): a page of ``page``'s language
    saved ``saves`` times, 2 s apart; for each save, the seconds until its PDF has been
    replaced.  The first save of the process reads the unchanged chapters back from the
    cache folder; the later ones take them from the process (see chapters.py)."""
    import signal

    lang = page.relative_to(site / "content").parts[0]
    cmd = [PY, "-m", "manualgen", "build", "--site", str(site), "--all", "--watch", "-q",
           "--out", str(out), "--cache", str(cache)] + (["--jobs", str(jobs)] if jobs else [])
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env=ENV, cwd=site)
    walls = []
    try:
        for line in proc.stderr:
            if "watching for changes" in line:
                break
        threading.Thread(target=proc.stderr.read, daemon=True).start()  # never a full pipe
        pdf = next(out.glob(f"*-{lang}.pdf"))
        for n in range(saves):
            before = pdf.stat().st_mtime_ns
            time.sleep(1.0 if n == 0 else 2.0)  # a new modification time; the last save done
            t0 = time.perf_counter()
            page.write_text(page.read_text(encoding="utf-8") + f"\nNoch ein Satz ({n}).\n",
                            encoding="utf-8")
            while pdf.stat().st_mtime_ns == before:
                if time.perf_counter() - t0 > 300 or proc.poll() is not None:
                    raise SystemExit("bench.py: --watch did not rewrite the PDF")
                time.sleep(0.01)
            walls.append(time.perf_counter() - t0)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # CPU and memory of a process that keeps running are not measured ("–").
    pdfs = [str(p) for p in sorted(out.glob("*.pdf"))]
    later = sorted(walls[1:])
    return [{"wall": walls[0], "cpu": 0.0, "rss": 0, "pdfs": pdfs},
            {"wall": statistics.median(later), "cpu": 0.0, "rss": 0, "pdfs": pdfs,
             "range": (later[0], later[-1])}]


def corpus_scenarios(site: Path, work: Path, jobs: int) -> list[str]:
    copy = work / "site"
    shutil.copytree(site, copy)
    cache, out, naive_out = work / "cache", work / "out", work / "naive"
    htmls = hugo_reference_html(copy, work / "html")
    naive_out.mkdir()
    b = naive(htmls, naive_out)
    cold = manualgen(copy, out, cache, jobs)
    page = sorted((copy / "content" / "de").rglob("*.md"))[len(list((copy / "content" / "de").rglob("*.md"))) // 2]
    page.write_text(page.read_text(encoding="utf-8") + "\n\nEin neuer Satz, für den Benchmark.\n", encoding="utf-8")
    edited = manualgen(copy, out, cache, jobs)
    unchanged = manualgen(copy, out, cache, jobs)
    saved, later = watch_scenario(copy, out, cache, jobs, page)
    lines = [HEADER,
             fmt_row("corpus, --all, empty cache", cold, b),
             fmt_row(f"corpus, one page edited ({page.relative_to(copy)}), warm cache", edited, b),
             fmt_row("corpus, nothing changed", unchanged, b),
             fmt_row("corpus, the same page saved again under `build --all --watch` (time to the "
                     "rewritten PDF): the first save of the watching process", saved, b),
             fmt_row(f"corpus, `build --all --watch`: its four later saves, the median "
                     f"({later['range'][0]:.2f}–{later['range'][1]:.2f} s)", later, b), "",
             (f"Reused languages: edited → {edited['reused']}, unchanged → {unchanged['reused']}; "
              f"pages: manualgen {pdf_pages(cold['pdfs'])}, naive {pdf_pages(b['pdfs'])}."), "",
             ppi_line(cold, b), "", stage_table("corpus, empty cache", cold, b)]
    return lines


def synthetic_scenarios(sizes: list[int], work: Path, jobs: int, naive_max: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    from synthetic import generate

    lines = [HEADER]
    per_page: dict[int, float] = {}
    details = []
    for n in sizes:
        site = generate(Path(os.environ.get("MANUALGEN_SYNTH_DIR", tempfile.gettempdir())) / f"manualgen-synth-{n}", n)
        out, cache = work / f"synth-{n}-out", work / f"synth-{n}-cache"
        a = manualgen(site, out, cache, jobs)
        b = None
        if n <= naive_max:
            html_out, naive_out = work / f"synth-{n}-html", work / f"synth-{n}-naive"
            subprocess.run([PY, "-m", "manualgen", "build", "--site", str(site), "--all", "--out", str(html_out),
                            "--html", "--no-cache", "-q"], check=False, capture_output=True, cwd=work, env=ENV)
            naive_out.mkdir()
            b = naive(sorted(html_out.glob("*.html")), naive_out)
        pages = pdf_pages(a["pdfs"])
        per_page[n] = a["wall"] / max(1, pages)
        lines.append(fmt_row(f"synthetic N={n} ×3 languages, empty cache ({pages} PDF pages)", a, b))
        details += ["", ppi_line(a, b), "", stage_table(f"synthetic N={n}", a, b)]
    if len(per_page) >= 2:
        small, large = min(per_page), max(per_page)
        ratio = per_page[large] / per_page[small]
        details += ["", (f"Wall time per PDF page: N={small}: {per_page[small] * 1000:.1f} ms, "
                         f"N={large}: {per_page[large] * 1000:.1f} ms (ratio {ratio:.2f}).")]
    return lines + details


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_manualgen":
        return _child_manualgen(*sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "_naive":
        return _child_naive(*sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--synthetic", type=int, action="append", default=[])
    parser.add_argument("--naive-max", type=int, default=100, help="skip the naive run above this N")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--record", action="store_true", help="append the figures to RESULTS.md")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the checkout whose manualgen to measure (default: this one)")
    args = parser.parse_args()
    if shutil.which("pdfimages") is None:
        sys.exit("bench.py: pdfimages is missing (apt install poppler-utils); it measures the "
                 "printed resolution of every image")
    work = Path(tempfile.mkdtemp(prefix="manualgen-bench-"))
    sections = []
    snapshot_code(work, args.code.resolve())
    try:
        if args.corpus:
            sections += ["### Corpus (both languages)", ""] + corpus_scenarios(args.corpus.resolve(), work, args.jobs)
        if args.synthetic:
            sections += ["", "### Synthetic site", ""]
            sections += synthetic_scenarios(args.synthetic, work, args.jobs,
                                                                              args.naive_max)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    head = (f"## {dt.date.today().isoformat()} — {platform.node() or 'machine'}: "
            f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
            f"Python {platform.python_version()}, `{' '.join(['benchmarks/bench.py'] + sys.argv[1:])}`")
    text = "\n".join([head, ""] + sections) + "\n"
    print(text)
    if args.record:
        with open(HERE / "RESULTS.md", "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
