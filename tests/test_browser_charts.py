"""The charts in the real app in headless Chromium: every chart on each page is drawn by the chart
script the app serves (`ui/plot.py`), beside the page's figures, in English and French; and when that
script cannot be fetched, each chart's place says so in the page's language instead of staying blank."""
from __future__ import annotations

import os

import pytest

from bench.browser_pages import _finish, _watch
from tests.app_server import serve
from tests.test_browser_home import CHROMIUM, FLAGS

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

# plotly marks the element it has drawn in; each drawing has several `main-svg` layers
CHART, DRAWN, SVG = "div.lens-chart", "div.lens-chart.js-plotly-plot", "div.lens-chart svg.main-svg"
# path → how many charts the samples give there at least (no sample project has the two reports a
# project's line of delivery over time needs)
VISITS = {"/": 2, "/delivery?lang=fr": 2, "/gender": 3, "/gender?lang=fr": 3, "/project?project=PBF/MLI/A-2&lang=fr": 0}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("charts")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def _visit(browser, url: str, block_script: bool = False):
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    if block_script:
        tab.route("**/plotly-cartesian.min.js", lambda route: route.abort())
    _watch(tab, '[data-testid="stMetricValue"]')
    tab.goto(url, wait_until="commit")
    _finish(tab)
    if not block_script:  # a cold server can fall quiet before the chart script has arrived: give it time
        tab.wait_for_function(f"() => document.querySelectorAll('{DRAWN}').length >= "
                              f"document.querySelectorAll('{CHART}').length", timeout=20000)
    return tab


@pytest.mark.parametrize("path", list(VISITS))
def test_every_chart_is_drawn_beside_the_figures(app_url, browser, path):
    tab = _visit(browser, app_url + path)
    charts, drawn = tab.locator(CHART).count(), tab.locator(DRAWN).count()
    assert charts >= VISITS[path] and drawn == charts, f"{path}: {drawn} of {charts} charts drawn"
    assert tab.locator('[data-testid="stMetricValue"]').first.is_visible()
    body = tab.inner_text("body")
    assert "could not be drawn" not in body and "pas pu être affiché" not in body
    if "lang=fr" in path and charts:  # plotly's own text is the figure's: French titles, French number marks
        titles = tab.locator(f"{CHART} .gtitle").all_text_contents()
        assert titles and not any("Delivery rate" in t or "Time elapsed" in t for t in titles), titles
    tab.close()


def test_a_chart_follows_the_width_of_its_place(app_url, browser):
    """Narrower window, narrower chart: drawn again to fit its container, not cut off or left wide."""
    tab = _visit(browser, app_url + "/delivery")
    chart = tab.locator(SVG).first
    wide = chart.bounding_box()["width"]
    tab.set_viewport_size({"width": 900, "height": 1000})
    tab.wait_for_function("([s, w]) => document.querySelector(s).getBoundingClientRect().width < w - 100",
                          arg=[SVG, wide], timeout=10_000)
    box = tab.locator(CHART).first.bounding_box()
    assert chart.bounding_box()["width"] <= box["width"] + 1
    tab.close()


def test_a_chart_that_cannot_be_drawn_says_so(app_url, browser):
    tab = _visit(browser, app_url + "/delivery?lang=fr", block_script=True)
    tab.wait_for_function("() => document.body.innerText.includes('pas pu être affiché')", timeout=30_000)
    assert tab.locator(DRAWN).count() == 0
    assert tab.locator(CHART).first.inner_text().startswith("Ce graphique n’a pas pu être affiché")
    tab.close()


def test_the_chart_script_is_served_as_javascript(app_url):
    import urllib.request

    with urllib.request.urlopen(app_url + "/app/static/plotly-cartesian.min.js", timeout=30) as response:
        assert response.headers["Content-Type"].startswith(("text/javascript", "application/javascript"))
        assert b"plotly.js (cartesian" in response.read(400)


def test_no_request_leaves_the_machine(app_url, browser):
    """Every page's assets come from the app itself: the tab's icon too (a Material icon name made
    Streamlit fetch it from fonts.gstatic.com on every visit, three failed requests offline; issue 24)."""
    outside = []
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    tab.on("request", lambda request: outside.append(request.url)
           if not request.url.startswith((app_url, "data:", "blob:")) else None)
    for path in ("/", "/delivery", "/gender?lang=fr", "/indicators", "/project", "/data"):
        _watch(tab, '[data-testid="stMain"]')
        tab.goto(app_url + path, wait_until="commit")
        _finish(tab)
    icons = tab.evaluate("() => [...document.querySelectorAll('link[rel*=icon]')].map(l => l.href)")
    tab.close()
    assert outside == [] and icons and all(i.startswith(app_url) for i in icons), (outside, icons)
