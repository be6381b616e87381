"""`python -m bench [--quick] [--json] [--no-browser]`: parse and ingest throughput (text, Word,
ruled and unruled PDFs; OCR seconds per scanned page on one core and on all); every page's
queries at two portfolio sizes against the naive pandas way; every page whole (`pagerun:` under
AppTest, `browser:` in headless Chromium) at 1k, 5k and 20k projects; several browser sessions at
once at 1k and 20k (`concurrent:`, bench/concurrent_sessions.py: the server's CPU per visit, with an
ingest running, memory after 100 sessions); one report ingested into the largest store
(`grow:ingest`). Prints medians of repeated runs."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from bench.browser_pages import CHROMIUM, rows_in_child
from bench.concurrent_sessions import rows as concurrent_rows
from bench.docx_copies import docx_copy
from bench.make_portfolio import build
from bench.ocr_pages import ocr_rows
from bench.page_queries import PAGES, pandas_page, run_page
from bench.page_runs import page_runs
from bench.pdf_copies import pdf_copies
from loaders.ingest import ingest
from loaders.parse import parse_bytes
from metrics.base import Filters
from metrics.materialize import install

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def row(name: str, n: int, times: list[float], per: int | None = None, ratio: float | None = None) -> dict:
    median = statistics.median(times)
    result = {"name": name, "n": n, "median_s": round(median, 6),
              "p90_s": round(sorted(times)[min(len(times) - 1, int(0.9 * len(times)))], 6), "runs": len(times)}
    if per is not None:
        result["per_s"] = round(per / median, 1)
    if ratio is not None:
        result["ratio"] = round(ratio, 1)
    return result


def _parse_all(files: list[tuple[str, bytes]]) -> int:
    for name, data in files:
        parse_bytes(data, name)
    return len(files)


def parse_rows(copies: int, runs: int) -> list[dict]:
    seeds = sorted(SAMPLES.glob("*.txt"))
    txt = [(p.name, p.read_bytes()) for p in seeds] * copies
    docx_files = [(p.stem + ".docx", docx_copy(p)) for p in seeds] * copies
    rows = []
    cores = os.cpu_count() or 1
    for label, files in (("txt", txt), ("docx", docx_files)):
        rows.append(row(f"parse:{label}", len(files), timed(lambda f=files: _parse_all(f), runs), per=len(files)))
        chunks = [files[i::cores] for i in range(cores)]
        with ProcessPoolExecutor(cores) as pool:
            list(pool.map(_parse_all, chunks))  # warm the workers

            def parallel(c=chunks, p=pool):
                return sum(p.map(_parse_all, c))

            rows.append(row(f"parse:{label}:{cores}cores", len(files), timed(parallel, runs), per=len(files)))
    return rows


def pdf_rows(runs: int, seeds: int | None = None) -> list[dict]:
    """PDF parse speed on one core: reports per second and the time per 20 pages (the issue-11 target: ≤ 1 s)."""
    copies = pdf_copies(sorted(SAMPLES.glob("*.txt"))[:seeds])
    if copies is None:
        return [{"name": "parse:pdf", "n": 0, "median_s": 0.0, "p90_s": 0.0, "runs": 0, "skipped": "soffice missing"}]
    files = [(name, data) for name, data, _ in copies]
    pages = sum(p for _, _, p in copies)
    result = row("parse:pdf", len(files), timed(lambda: _parse_all(files), runs), per=len(files))
    result["views"] = pages
    result["s_per_20_pages"] = round(result["median_s"] / pages * 20, 3)
    return [result]


def unruled_row(runs: int, seeds: int | None = None) -> dict:
    """The same seed PDFs with every table border removed: the column-aware reader (issue 23: ≥ 8 reports/s)."""
    copies = pdf_copies(sorted(SAMPLES.glob("*.txt"))[:seeds], ruled=False)
    if copies is None:
        return {"name": "parse:pdf-unruled", "n": 0, "median_s": 0.0, "p90_s": 0.0, "runs": 0, "skipped": "soffice missing"}
    files = [(name, data) for name, data, _ in copies]
    pages = sum(p for _, _, p in copies)
    result = row("parse:pdf-unruled", len(files), timed(lambda: _parse_all(files), runs), per=len(files))
    result["views"] = pages
    result["s_per_20_pages"] = round(result["median_s"] / pages * 20, 3)
    return result


def ingest_row(copies: int, runs: int) -> dict:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "files"
        source.mkdir()
        for number in range(copies):
            for seed in SAMPLES.glob("*.txt"):  # distinct bytes, so every copy is a new file
                (source / f"{number}-{seed.name}").write_bytes(seed.read_bytes() + f"\n{number}\n".encode())
        files = len(list(source.iterdir()))
        for run in range(runs):
            started = time.perf_counter()
            ingest([source], Path(folder) / f"run{run}.duckdb")
            times.append(time.perf_counter() - started)
    return row("ingest", files, times, per=files)


def page_rows(db: Path, projects: int, runs: int) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    con.execute("SET enable_progress_bar = false")
    country = con.execute("SELECT countries[1] FROM mx_project_facts LIMIT 1").fetchone()[0]
    rows = []
    try:
        for page in PAGES:
            for label, filters in (("", Filters()), (":country", Filters(country=country))):
                run_page(con, page, filters)  # warm
                ours = timed(lambda p=page, f=filters: run_page(con, p, f), runs)
                naive = timed(lambda p=page, f=filters: pandas_page(con, p, f.country), max(1, runs // 3))
                ratio = statistics.median(naive) / statistics.median(ours)
                rows.append(row(f"page:{page}{label}", projects, ours, ratio=ratio))
                rows.append(row(f"page:{page}{label}:pandas", projects, naive))
    finally:
        con.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, few runs (under a minute)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line and measurement")
    parser.add_argument("--no-browser", action="store_true", help="leave out the headless-Chromium page timings")
    args = parser.parse_args(argv)
    install()
    sizes, runs, copies = ((100, 500), 2, 2) if args.quick else ((1000, 20000), 9, 20)  # quick: the harness, in CI
    emit = (lambda r: print(json.dumps(r), flush=True)) if args.json else _print
    quick_seeds = 1 if args.quick else None  # quick: one seed report laid out as PDF, French and English
    for result in parse_rows(copies, runs) + pdf_rows(runs, quick_seeds) + [unruled_row(runs, quick_seeds)]:
        emit(result)
    for result in ocr_rows(SAMPLES / "caf-cmr-traite-2021.txt", 1 if args.quick else 12, 1 if args.quick else 3):
        emit(result)
    emit(ingest_row(copies, max(1, runs // 3)))
    medians: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            db = Path(folder) / f"p{size}.duckdb"
            built = build(db, size, seed=1)
            emit({"name": "build", "n": size, "median_s": built["seconds"], "p90_s": built["seconds"], "runs": 1,
                  "indicators": built["indicators"]})
            for result in page_rows(db, size, runs):
                medians.setdefault(size, {})[result["name"]] = result["median_s"]
                emit(result)
            db.unlink()
        small, large = sizes
        for name in medians[small]:
            if name.endswith(":pandas"):
                continue
            emit({"name": f"growth:{name}", "n": large, "median_s": medians[large][name], "p90_s": medians[large][name],
                  "runs": runs, "ratio": round(medians[large][name] / medians[small][name], 1)})
        whole_sizes = (100,) if args.quick else (1000, 5000, 20000)
        browser = not args.quick and not args.no_browser and os.path.exists(CHROMIUM)
        for size in whole_sizes:
            db = Path(folder) / f"w{size}.duckdb"
            build(db, size, seed=7)
            for result in page_runs(db, size, 1 if args.quick else 3):
                emit(result)
            if browser:
                for result in rows_in_child(db, size, 5):
                    emit(result)
                if size in (1000, 20000):  # several people at once, straight to the app and behind nginx
                    for proxy in (False, True):
                        for result in concurrent_rows(db, size, memory=size == 20000, ingest=size == 20000, proxy=proxy):
                            emit(result)
            emit(grow_row(db, size, 1 if args.quick else 3))
    return 0


def grow_row(db: Path, projects: int, runs: int) -> dict:
    """One report ingested into the store (the CLI's own work: copy, write, narrowed refresh, swap)."""
    times = []
    report = SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"
    for run in range(runs):
        copy = db.with_name(f"grow{run}.duckdb")
        copy.write_bytes(db.read_bytes())
        started = time.perf_counter()
        ingest([report], copy)
        times.append(time.perf_counter() - started)
        copy.unlink()
    return row("grow:ingest", projects, times)


def _print(result: dict) -> None:
    keys = ("per_s", "ratio", "pages", "s_per_20_pages", "skipped", "first_s", "cached_s", "headline_s", "finished_s",
            "cold_headline_s", "cold_finished_s", "switch_headline_s", "switch_finished_s", "max_s", "failures",
            "cpu_per_visit_s", "ingest_s", "rss_10_mb", "rss_100_mb")
    extra = "".join(f"  {key}={result[key]}" for key in keys if key in result)
    print(f"{result['name']:<32} n={result['n']:<7} median {(result['median_s'] or 0) * 1000:9.1f} ms"
          f"  p90 {(result['p90_s'] or 0) * 1000:9.1f} ms  runs={result['runs']}{extra}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
