"""The real app in headless Chromium (Playwright, Debian's /usr/bin/chromium): a person opening
the home page on the sample portfolio sees the headline counts and the projects."""
from __future__ import annotations

import os
import shutil
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
    env = dict(os.environ, LENS_DB=str(work / "portfolio.duckdb"), LENS_SAMPLES=str(SAMPLES))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
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
        shutil.rmtree(work, ignore_errors=True)


def test_person_sees_counts_and_projects(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(app_url)
        page.wait_for_selector("[data-testid='stDataFrame'] [role='gridcell']", state="attached", timeout=90_000)
        assert page.locator("h1").first.inner_text() == "PBF Portfolio Lens"
        metrics = page.locator("[data-testid='stMetricValue']").all_inner_texts()
        assert metrics == ["5", "72", "5"]
        cells = page.locator("[data-testid='stDataFrame'] [role='gridcell']").all_inner_texts()
        assert "Central African Republic, Cameroon" in cells and "UNODC (lead), IOM" in cells
        assert any(c.startswith("Appui au nouveau cadre politique") for c in cells)
        page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
        browser.close()
