"""Median time to parse the samples, and to ingest them into a fresh database (prints figures)."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from loaders.ingest import ingest  # noqa: E402
from loaders.parse import parse_path  # noqa: E402
from metrics.materialize import install  # noqa: E402

install()

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def main(runs: int = 7) -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    parse_times, ingest_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        for path in files:
            parse_path(path)
        parse_times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            ingest([SAMPLES], Path(folder) / "bench.duckdb")
            ingest_times.append(time.perf_counter() - started)
    parse_median = statistics.median(parse_times)
    print(f"parse: {len(files)} files, median {parse_median * 1000:.0f} ms "
          f"({len(files) / parse_median:.0f} reports/s, one core), {runs} runs")
    print(f"ingest into a fresh database: median {statistics.median(ingest_times) * 1000:.0f} ms, "
          f"p90 {sorted(ingest_times)[int(0.9 * (runs - 1))] * 1000:.0f} ms, {runs} runs")


if __name__ == "__main__":
    main()
