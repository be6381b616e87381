"""The real app in headless Chromium (Playwright, Debian's /usr/bin/chromium): a person opens
every page on the sample portfolio and sees its content, in English and French, with no error
box. Screenshots go to tests/artifacts/ (git-ignored)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, SAMPLES

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = ROOT / "tests" / "artifacts"
# page path → text a person must see on it
PAGES = {
    "/": "Projects needing attention",
    "/delivery": "Delivery rate / Time elapsed",
    "/gender": "Projects below the 30 % target",
    "/indicators": "Search statements and reasons",
    "/project?project=PBF/MLI/A-2": "Appui au nouveau cadre politique",
    "/data": "Files read",
    "/?lang=fr": "Projets à suivre",
    "/gender?country=MLI&lang=fr": "Part EGAF",
}

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("browser")
    port = free_port()
    env = dict(os.environ, LENS_DB=str(work / "portfolio.duckdb"), LENS_SAMPLES=str(SAMPLES),
               LENS_UPLOADS=str(work / "uploads"))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_person_sees_every_page(app_url):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, expected in PAGES.items():
            page.goto(app_url + path)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=90_000)
            page.wait_for_function("text => document.body.innerText.includes(text)", arg=expected, timeout=30_000)
            assert page.locator("[data-testid='stException']").count() == 0, path
            name = path.strip("/").replace("/", "-").replace("?", "_").replace("&", "_").replace("=", "-") or "overview"
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        page.goto(app_url + "/?lang=en")
        page.wait_for_function("() => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
                               ".map(e => e.innerText).join('|').startsWith('5|$7.1M')", timeout=90_000)
        browser.close()
