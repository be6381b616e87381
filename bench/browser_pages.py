"""Whole-page timings in a real browser (headless Debian Chromium driven by Playwright): for each
page, the time from navigation until its headline figures are on screen, and until Streamlit has
finished running the page (its "running" status gone and nothing more drawn for 300 ms). Rows are
named `browser:<page>`: `headline_s`/`finished_s` with the app's scripts in the browser cache (a
person's every visit after the first), `cold_*` for a browser that has never seen the app.

What counts as "on screen" is an element a person reads first: the metric values on Overview and
Project, the first chart on Delivery and Gender (its SVG drawn, not only its frame), the table on
Indicators (a canvas: its frame holds no text, so text is never the signal), the file list on Data.
`switch_headline_s`/`switch_finished_s` time the same page reached from another one through the
sidebar's navigation, as a person moves around the app (no page load: the scripts, plotly.js
included, are already running in the tab).
`--film DIR` also saves a screenshot every 250 ms of one page, to check the timings against a
stopwatch by eye.

    python -m bench.browser_pages --db /tmp/p20k.duckdb --projects 20000
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from tests.app_server import serve

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 1000}
HEADLINE = {
    "overview": '[data-testid="stMetricValue"]',
    "delivery": '[data-testid="stPlotlyChart"] .main-svg',
    "gender": '[data-testid="stDataFrame"] canvas',
    "indicators": '[data-testid="stDataFrame"] canvas',
    "project": '[data-testid="stMetricValue"]',
    "data": '[data-testid="stDataFrame"] canvas',
}
_SETTLED = """() => {
  const running = document.querySelector('[data-testid="stStatusWidget"]');
  const busy = running && /running|en cours/i.test(running.innerText || '');
  const stale = document.querySelector('[data-stale="true"]');
  return !busy && !stale ? document.body.innerHTML.length : -1;
}"""

_FRESH = """selector => [...document.querySelectorAll(selector)].some(e => !e.closest('[data-stale="true"]'))"""


def time_page(context, url: str, page: str, film: Path | None = None) -> tuple[float, float]:
    """(seconds to headline, seconds to finished) for one visit in a new tab (a new Streamlit session)."""
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(f"{url}/{_path(page)}", wait_until="commit")
    tab.wait_for_selector(HEADLINE[page], state="attached", timeout=120_000)
    headline = time.perf_counter() - started
    frames = []

    def filmed(now: float) -> None:
        if film is not None and now - started >= 0.25 * len(frames):
            frames.append(now - started)
            tab.screenshot(path=str(film / f"{page}-{int(1000 * (now - started)):05d}ms.png"))

    finished = _settle(tab, started, filmed)
    tab.close()
    return headline, finished


def _path(page: str) -> str:
    """The page's URL path: the Overview is the app's default page, at the root (`/overview` does not exist)."""
    return "" if page == "overview" else page


TITLES = {"overview": "Overview", "delivery": "Delivery", "gender": "Gender", "indicators": "Indicators",
          "project": "Project", "data": "Data"}


def _settle(tab, started: float, tick=None) -> float:
    """Seconds from `started` until Streamlit has finished and nothing more is drawn for 300 ms."""
    last, steady_since = None, None
    while time.perf_counter() - started < 120:
        size = tab.evaluate(_SETTLED)
        now = time.perf_counter()
        if size >= 0 and size == last:
            if steady_since is not None and now - steady_since >= 0.3:
                break
        else:
            steady_since = now if size >= 0 else None
        last = size
        if tick is not None:
            tick(now)
        time.sleep(0.05)
    return (steady_since or time.perf_counter()) - started


def time_switch(context, url: str, page: str) -> tuple[float, float]:
    """(headline, finished) seconds for `page` reached by a click in the sidebar's navigation from
    another page of the same tab (from the Overview; the Overview itself from the Data page)."""
    tab = context.new_page()
    start = "overview" if page != "overview" else "data"  # a person starts on the Overview, the default page
    tab.goto(f"{url}/{_path(start)}", wait_until="commit")
    tab.wait_for_selector(HEADLINE[start], state="attached", timeout=120_000)
    _settle(tab, time.perf_counter())
    started = time.perf_counter()
    tab.locator('[data-testid="stSidebarNav"] a').filter(has_text=TITLES[page]).first.click()
    tab.wait_for_function("title => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === title)",
                          arg=TITLES[page], timeout=120_000)
    tab.wait_for_function(_FRESH, arg=HEADLINE[page], timeout=120_000)  # the new page's, not the old one's
    headline = time.perf_counter() - started
    finished = _settle(tab, started)
    tab.close()
    return headline, finished


def browser_rows(db: Path, projects: int, runs: int = 3, film: Path | None = None) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as work, serve(Path(work), db, LENS_READ_ONLY="1") as url:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for page in HEADLINE:
                cold = browser.new_context(viewport=VIEWPORT)  # nothing cached: a person's very first visit
                first = time_page(cold, url, page, film)
                cold.close()
                warm = browser.new_context(viewport=VIEWPORT)
                time_page(warm, url, page)  # the browser caches the app's scripts, as on any later visit
                heads, ends = [], []
                for _ in range(runs):
                    head, end = time_page(warm, url, page)
                    heads.append(head)
                    ends.append(end)
                switches = [time_switch(warm, url, page) for _ in range(runs)]
                warm.close()
                rows.append({"name": f"browser:{page}", "n": projects, "headline_s": round(statistics.median(heads), 3),
                             "finished_s": round(statistics.median(ends), 3), "median_s": round(statistics.median(ends), 3),
                             "p90_s": round(max(ends), 3), "runs": runs, "cold_headline_s": round(first[0], 3),
                             "cold_finished_s": round(first[1], 3),
                             "switch_headline_s": round(statistics.median(h for h, _ in switches), 3),
                             "switch_finished_s": round(statistics.median(f for _, f in switches), 3)})
            browser.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing store (else one is built per size)")
    parser.add_argument("--projects", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--film", type=Path, help="save a screenshot every 250 ms of each page's first visit here")
    args = parser.parse_args()
    if args.film:
        args.film.mkdir(parents=True, exist_ok=True)
    if args.db:
        for row in browser_rows(args.db, args.projects[0], args.runs, args.film):
            print(json.dumps(row), flush=True)
        return 0
    from bench.make_portfolio import build

    with tempfile.TemporaryDirectory() as folder:
        for size in args.projects:
            db = Path(folder) / f"p{size}.duckdb"
            build(db, size, seed=7)
            for row in browser_rows(db, size, args.runs, args.film):
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
