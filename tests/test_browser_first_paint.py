"""Headline figures first, in the real app in headless Chromium: on a fresh visit each page with
charts shows its figures before any chart is even sent (`ui/first_paint.py`), then draws them all,
and the "drawing the charts" line is gone at the end — in English and French."""
from __future__ import annotations

import json
import os

import pytest

from bench.browser_pages import _finish, _watch
from tests.app_server import serve
from tests.test_browser_home import CHROMIUM, FLAGS

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

# the first chart's (or table's) arrival, by the page's clock (bench's watcher notes the figures')
_LATER = """([selector, line]) => new MutationObserver(() => {
  if (!window.__laterAt && document.querySelector(selector)) window.__laterAt = performance.now();
  if (!window.__lineAt && document.body && document.body.textContent.includes(line)) window.__lineAt = performance.now();
}).observe(document, {subtree: true, childList: true, characterData: true})"""
CHART, TABLE = '[data-testid="stPlotlyChart"]', '[data-testid="stDataFrame"]'
# path → what follows the figures, how many of them the samples give, the line shown while they come
VISITS = {"/": (CHART, 2, "Drawing the rest"), "/delivery?lang=fr": (CHART, 2, "Affichage du reste"),
          "/gender": (CHART, 3, "Drawing the rest"), "/indicators?lang=fr": (TABLE, 1, "Affichage du reste"),
          "/project?project=PBF/MLI/A-2&lang=fr": (TABLE, 3, "Affichage du reste")}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("first-paint")) as url:
        yield url


@pytest.mark.parametrize("path", list(VISITS))
def test_figures_come_before_the_charts_then_everything(app_url, path):
    from playwright.sync_api import sync_playwright

    later, count, placeholder = VISITS[path]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        _watch(tab, '[data-testid="stMetricValue"]')
        tab.add_init_script(script=f"({_LATER})({json.dumps([later, placeholder])})")
        tab.goto(app_url + path, wait_until="commit")
        _finish(tab)
        figures_at, line_at, later_at = tab.evaluate("() => [window.__lens.seen, window.__lineAt, window.__laterAt]")
        assert None not in (figures_at, line_at, later_at), (figures_at, line_at, later_at)
        assert line_at < later_at and figures_at < later_at, (figures_at, line_at, later_at)  # nothing sent with them
        tab.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
        drawn = tab.locator(later).count()
        assert drawn >= count, f"{path}: {drawn} of {later}"
        assert placeholder not in tab.inner_text("body")
        browser.close()
