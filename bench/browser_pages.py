"""Whole-page timings in a real browser (headless Debian Chromium driven by Playwright): for each
page, the time from navigation until its headline figures are on screen, and until Streamlit has
finished running the page (its "running" status gone and nothing more drawn for 300 ms). Rows are
named `browser:<page>`: `headline_s`/`finished_s` with the app's scripts in the browser cache (a
person's every visit after the first), `cold_*` for a browser that has never seen the app.

What counts as "on screen" is an element a person reads first, visible (see `_WATCH`): the metric
values on Overview, Delivery, Gender, Indicators and Project, the file list on Data (a table drawn on
a canvas: its frame holds no text, so text is never the signal).
`switch_headline_s`/`switch_finished_s` time the same page reached from another one through the
sidebar's navigation, as a person moves around the app (no page load: the scripts, plotly.js
included, are already running in the tab).
`--film DIR` also saves the compositor's screenshots of each page's first visit (from Chromium's
trace, taken off the page's main thread), named by milliseconds since the navigation: a stopwatch
to check the timings by eye. `browser:floor` times Streamlit's own floor (a page of one title and
one metric) the same way, first: the machine's speed at that moment, beside the pages' rows.
Then the views of `bench.page_runs.views` (`browser:overview:as_of`, `browser:project:6reports`),
each visited once to fill the server's caches (`first_view_finished_s`), then `runs` times.

    python -m bench.browser_pages --db /tmp/p20k.duckdb --projects 20000
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.page_runs import views
from tests.app_server import serve

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 1000}
HEADLINE = {
    "overview": '[data-testid="stMetricValue"]',
    "delivery": '[data-testid="stMetricValue"]',
    "gender": '[data-testid="stMetricValue"]',
    "indicators": '[data-testid="stMetricValue"]',
    "project": '[data-testid="stMetricValue"]',
    "data": '[data-testid="stDataFrame"] canvas',
}
# Measured inside the page: a MutationObserver installed before the page's own scripts notes when
# the headline element is first *visible* (not only in the document: React keeps content that is
# waiting for a script, plotly.js say, in the DOM under `display: none` behind a grey skeleton, and
# plotly draws its SVG there — checked against the compositor's own screenshots, `--film`) and
# outside stale, greyed-out content, then the end of the animation frame that draws it (the task
# after it: plotly draws its points in that frame's callbacks, which can take a second); and the
# end of the frame after the last change to the page.
_WATCH = """(() => {
  const L = window.__lens = {want: null, seen: null, pending: false, last: 0, lastFrame: 0};
  const after = note => requestAnimationFrame(() => {  // the task after the frame: its drawing done
    const channel = new MessageChannel();
    channel.port1.onmessage = () => note(performance.now());
    channel.port2.postMessage(0);
  });
  L.arm = (selector, title) => {
    L.want = {selector, title}; L.seen = null; L.pending = false; L.t0 = performance.now(); check();
  };
  function fresh() {
    const ok = [...document.querySelectorAll(L.want.selector)].some(
      e => !e.closest('[data-stale="true"]') && e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}));
    return ok && (!L.want.title || [...document.querySelectorAll('h1')].some(h => h.textContent.trim() === L.want.title));
  }
  function check() {
    L.last = performance.now();
    after(now => { L.lastFrame = Math.max(L.lastFrame, now); });
    if (L.want && L.seen === null && !L.pending && fresh()) {
      L.pending = true;
      after(now => { L.seen = now; });
    }
  }
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  L.arm(%s, null); L.t0 = 0;
})();"""
_QUIET = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const busy = !app || app.dataset.testScriptState !== 'notRunning'
    || document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]');
  const L = window.__lens;
  return busy || L.seen === null ? -1 : performance.now() - L.last;
}"""


def _watch(tab, selector: str) -> None:
    tab.add_init_script(_WATCH % json.dumps(selector))


def _finish(tab) -> tuple[float, float]:
    """(headline, finished) by the page's clock, in seconds from its arming: once Streamlit shows no
    run, nothing is stale or still loading, and the page has not changed for 300 ms."""
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        if tab.evaluate(_QUIET) >= 300:
            break
        time.sleep(0.05)
    seen, t0, last = tab.evaluate("() => [window.__lens.seen, window.__lens.t0, window.__lens.lastFrame]")
    return (seen - t0) / 1000, (max(last, seen) - t0) / 1000


def time_page(context, url: str, page: str, film: Path | None = None, query: str = "") -> tuple[float, float]:
    """(seconds to headline, seconds to finished) for one visit in a new tab (a new Streamlit session),
    from the start of the navigation (the page's time origin) to the frames that draw them; `query`
    is the URL's parameters (`?as_of=…`)."""
    tab = context.new_page()
    _watch(tab, HEADLINE[page])
    if film is not None:
        context.browser.start_tracing(page=tab, screenshots=True,
                                      categories=["devtools.timeline", "blink.user_timing", "loading"])
    tab.goto(f"{url}/{_path(page)}{query}", wait_until="commit")
    result = _finish(tab)
    if film is not None:
        _save_film(context.browser.stop_tracing(), film, page)
    tab.close()
    return result


def _save_film(trace: bytes, folder: Path, page: str) -> None:
    """The compositor's own screenshots of the visit (Chromium's trace, drawn off the page's main
    thread), named by milliseconds since the navigation started: a stopwatch to check the timings."""
    import base64

    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    start = min(e["ts"] for e in events if e.get("name") == "navigationStart")
    for event in events:
        if event.get("name") == "Screenshot" and event["ts"] >= start:
            shot = folder / f"{page}-{(event['ts'] - start) // 1000:05d}ms.jpg"
            shot.write_bytes(base64.b64decode(event["args"]["snapshot"]))


def _path(page: str) -> str:
    """The page's URL path: the Overview is the app's default page, at the root (`/overview` does not exist)."""
    return "" if page == "overview" else page


TITLES = {"overview": "Overview", "delivery": "Delivery", "gender": "Gender", "indicators": "Indicators",
          "project": "Project", "data": "Data"}


def time_switch(context, url: str, page: str) -> tuple[float, float]:
    """(headline, finished) seconds for `page` reached by a click in the sidebar's navigation from
    another page of the same tab (from the Overview; the Overview itself from the Data page), timed
    from the click by the page's clock."""
    tab = context.new_page()
    start = "overview" if page != "overview" else "data"  # a person starts on the Overview, the default page
    _watch(tab, HEADLINE[start])
    tab.goto(f"{url}/{_path(start)}", wait_until="commit")
    _finish(tab)
    tab.evaluate("""([selector, title]) => {
      window.__lens.arm(selector, title);
      [...document.querySelectorAll('[data-testid="stSidebarNav"] a')].find(a => a.textContent.includes(title)).click();
    }""", [HEADLINE[page], TITLES[page]])
    result = _finish(tab)
    tab.close()
    return result


def _context(browser):
    """A browser context whose Playwright calls that take a timeout (navigation, new tabs, waits) give
    up after a minute: a stalled visit once held a whole `python -m bench` run for 20 minutes.
    (`evaluate` takes none; `_finish` bounds its own loop.)"""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    return context


FLOOR_APP = """import streamlit as st
st.title("Floor")
st.metric("Projects", "20,000")
"""


def floor_row(runs: int = 5) -> dict:
    """Streamlit's own floor on this machine, now: a page of one title and one metric, timed the same
    way (`browser:floor`), to tell the machine's speed from the app's in the rows beside it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "floor.py"
        script.write_text(FLOOR_APP)
        with serve(Path(work), script=script) as url, sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            context = _context(browser)
            times = []
            for run in range(runs + 1):
                tab = context.new_page()
                _watch(tab, '[data-testid="stMetricValue"]')
                tab.goto(url, wait_until="commit")
                timing = _finish(tab)  # waited for on the first visit too: closing a tab mid-load once hung
                if run:  # the first visit fills the browser's cache
                    times.append(timing)
                tab.close()
            browser.close()
    heads, ends = [h for h, _ in times], [f for _, f in times]
    return {"name": "browser:floor", "n": 0, "headline_s": round(statistics.median(heads), 3),
            "finished_s": round(statistics.median(ends), 3), "median_s": round(statistics.median(ends), 3),
            "p90_s": round(max(ends), 3), "runs": runs}


def browser_rows(db: Path, projects: int, runs: int = 5, film: Path | None = None) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as work, serve(Path(work), db, LENS_READ_ONLY="1") as url:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for page in HEADLINE:
                cold = _context(browser)  # nothing cached: a person's very first visit
                first = time_page(cold, url, page, film)
                cold.close()
                warm = _context(browser)
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
            for name, page, params in views(db):  # the Overview as of a date, a project of six reports
                query = "?" + urlencode(params)
                context = _context(browser)
                first = time_page(context, url, page, query=query)  # the server's first computation of the view
                timed = [time_page(context, url, page, query=query) for _ in range(runs)]
                context.close()
                ends = [end for _, end in timed]
                rows.append({"name": f"browser:{name}", "n": projects, "params": params,
                             "headline_s": round(statistics.median(head for head, _ in timed), 3),
                             "finished_s": round(statistics.median(ends), 3), "median_s": round(statistics.median(ends), 3),
                             "p90_s": round(max(ends), 3), "runs": runs, "first_view_finished_s": round(first[1], 3)})
            browser.close()
    return rows


def rows_in_child(db: Path, projects: int, runs: int = 5, timeout: float = 900, tries: int = 2) -> list[dict]:
    """The floor row and the pages' rows, measured by `python -m bench.browser_pages` in a process of
    its own, given up and started again after `timeout` seconds: a Playwright call that never
    returned (twice, in the floor measurement, with no CPU used) once held a whole `python -m bench`
    for 20 minutes. A row says so if every try timed out."""
    import os
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-m", "bench.browser_pages", "--db", str(db), "--projects", str(projects),
               "--runs", str(runs)]
    for attempt in range(1, tries + 1):
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                 cwd=Path(__file__).resolve().parent.parent, start_new_session=True)
        try:
            out, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:  # the child's server and browser go with it
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            continue
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if child.returncode == 0 and rows:
            return [row | {"tries": attempt} for row in rows]
    return [{"name": "browser:error", "n": projects, "median_s": None, "p90_s": None, "runs": 0,
             "error": f"no result in {tries} tries of {timeout:.0f} s"}]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing store (else one is built per size)")
    parser.add_argument("--projects", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--film", type=Path, help="save the screenshots of each page's first visit here")
    args = parser.parse_args()
    if args.film:
        args.film.mkdir(parents=True, exist_ok=True)
    print(json.dumps(floor_row()), flush=True)
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
