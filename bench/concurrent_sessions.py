"""Several people at once (issue 26): `concurrent:<page>:<k>` rows — k browser sessions (headless
Chromium, one context each, as k people) opening the same page together on one app process;
median and slowest time to the page finished (its headline visible, Streamlit done running it),
failures, and the server process's own CPU seconds per page visit (utime + stime of the process
and all its threads, from /proc/<pid>/stat, over the burst, divided by k). `…:ingest` rows: the
same while another session stores 50 reports through the Data page (the reading runs in the app's
worker process, whose CPU is not the server's). `memory:sessions`: the server's resident memory
after 10 sessions have come and gone and after 100 (`ratio`: target ≤ 1.2).

    python -m bench.concurrent_sessions --db /tmp/p20k.duckdb --projects 20000 [--json]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.browser_pages import CHROMIUM, FLAGS, HEADLINE, VIEWPORT
from tests.app_server import app_process, free_port, nginx_in_front

SESSIONS = (1, 5, 10)
TICK = os.sysconf("SC_CLK_TCK")
_FINISHED = "[data-testid='stApp'][data-test-script-state='notRunning']"


def cpu_seconds(pid: int) -> float:
    """The process's own CPU time so far (user + system, all threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime: fields 14 and 15 of stat(5)


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _visit(browser, url: str, page: str) -> float | None:
    """One person opening the page in a fresh session: seconds to finished, None on failure."""
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        tab = await context.new_page()
        started = time.perf_counter()
        await tab.goto(f"{url}/{'' if page == 'overview' else page}?lang=en", wait_until="commit")
        await tab.wait_for_selector(HEADLINE[page], state="visible", timeout=180_000)
        await tab.wait_for_selector(_FINISHED, timeout=180_000)
        return time.perf_counter() - started
    except Exception:  # a timeout or a broken connection is a failure of that visit
        return None
    finally:
        await context.close()


async def _burst(browser, url: str, page: str, k: int, pid: int) -> dict:
    cpu = cpu_seconds(pid)
    times = await asyncio.gather(*(_visit(browser, url, page) for _ in range(k)))
    spent = cpu_seconds(pid) - cpu
    done = sorted(t for t in times if t is not None)
    return {"median_s": round(statistics.median(done), 3) if done else None, "max_s": round(done[-1], 3) if done else None,
            "p90_s": round(done[-1], 3) if done else None, "failures": k - len(done), "runs": k,
            "cpu_per_visit_s": round(spent / k, 3)}


def _reports(folder: Path, tag: str, count: int = 50) -> list[str]:
    """`count` distinct progress reports (the Mali sample under other project numbers, `tag` in them)."""
    text = (Path(__file__).resolve().parent.parent / "data" / "samples" / "ml-cadre-crise-centre-annual-2020.txt").read_text(
        encoding="utf-8")
    paths = []
    for k in range(count):
        path = folder / f"bench-report-{tag}-{k:02d}.txt"
        path.write_text(text.replace("PBF/MLI/A-2", f"PBF/BEN/{tag}-{k}"), encoding="utf-8")
        paths.append(str(path))
    return paths


async def _upload(browser, url: str, files: list[str]) -> float:
    """One editor storing the files through the Data page; seconds from the Store click to the result."""
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        tab = await context.new_page()
        await tab.goto(f"{url}/data?lang=en", wait_until="commit")
        await tab.wait_for_selector("[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=180_000)
        await tab.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
        store = tab.get_by_role("button", name="Store these files")
        await store.wait_for(timeout=180_000)
        started = time.perf_counter()
        await store.click()
        await tab.wait_for_selector("[data-testid='stAlertContentSuccess'], [data-testid='stAlertContentWarning']",
                                    timeout=600_000)
        return time.perf_counter() - started
    finally:
        await context.close()


def rows(db: Path, projects: int, pages: tuple[str, ...] = ("overview",), sessions: tuple[int, ...] = SESSIONS,
         memory: bool = True, ingest: bool = True, proxy: bool = False, flags: tuple[str, ...] = ()) -> list[dict]:
    """The `concurrent:` rows (and `memory:sessions`) for a store of `projects` projects; `proxy`: the
    browsers go through nginx (docs/deploy/nginx.conf), which serves the browser's code itself."""
    return asyncio.run(_measure(db, projects, pages, sessions, memory, ingest, proxy, flags))


async def _measure(db: Path, projects: int, pages, sessions, memory: bool, ingest: bool, proxy: bool,
                   flags: tuple[str, ...]) -> list[dict]:
    from playwright.async_api import async_playwright

    found = []
    suffix = ":proxied" if proxy else ""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        copy = work / "store.duckdb"  # the ingest rows write: the caller's store stays as it was
        copy.write_bytes(db.read_bytes())
        with app_process(work, copy, flags=flags) as (url, server):
            nginx = None
            if proxy:
                listen = free_port()
                nginx = nginx_in_front(work / "nginx", listen, url, url)
                url = f"http://127.0.0.1:{listen}"
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                for page in pages:
                    await _visit(browser, url, page)  # the server's first visit of the page (caches warm)
                    for k in sessions:
                        found.append({"name": f"concurrent:{page}:{k}{suffix}", "n": projects,
                                      **await _burst(browser, url, page, k, server.pid)})
                if ingest:
                    for k in sessions:  # new reports each time: 50 to read and add
                        upload = asyncio.ensure_future(_upload(browser, url, _reports(work, f"S{k}")))
                        await asyncio.sleep(3.0)  # the preview is read, the store clicked: the ingest runs
                        burst = await _burst(browser, url, pages[0], k, server.pid)
                        stored_s = await upload
                        found.append({"name": f"concurrent:{pages[0]}:{k}:ingest{suffix}", "n": projects, **burst,
                                      "ingest_s": round(stored_s, 2)})
                if memory:  # 100 sessions come and go, five at a time
                    sizes = {}
                    for batch in range(1, 21):
                        await asyncio.gather(*(_visit(browser, url, pages[0]) for _ in range(5)))
                        if batch * 5 in (10, 100):
                            await asyncio.sleep(5.0)  # closed sessions are let go
                            sizes[batch * 5] = resident_mb(server.pid)
                    found.append({"name": f"memory:sessions{suffix}", "n": projects, "median_s": 0.0, "p90_s": 0.0,
                                  "runs": 100, "rss_10_mb": round(sizes[10]), "rss_100_mb": round(sizes[100]),
                                  "ratio": round(sizes[100] / sizes[10], 2)})
                await browser.close()
            if nginx is not None:
                nginx.terminate()
                nginx.wait(timeout=20)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.concurrent_sessions", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--projects", type=int, required=True)
    parser.add_argument("--pages", default="overview")
    parser.add_argument("--sessions", default=",".join(map(str, SESSIONS)))
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--no-ingest", action="store_true")
    parser.add_argument("--proxy", action="store_true", help="through nginx (docs/deploy/nginx.conf)")
    parser.add_argument("--flag", action="append", default=[], help="a Streamlit flag for the app, e.g. "
                        "--flag=--runner.postScriptGC --flag=true (the setting before this change)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for row in rows(args.db, args.projects, tuple(args.pages.split(",")), tuple(int(k) for k in args.sessions.split(",")),
                    not args.no_memory, not args.no_ingest, args.proxy, tuple(args.flag)):
        print(json.dumps(row) if args.json else "  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
