"""The real app in headless Chromium (Playwright, Debian's /usr/bin/chromium): a person opens
every page on the sample portfolio and sees its content, in English and French, with no error
box. Screenshots go to tests/artifacts/ (git-ignored)."""
from __future__ import annotations

import os
import time

import pytest

from tests.app_server import serve
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = ROOT / "tests" / "artifacts"
# page path → text a person must see on it
PAGES = {
    "/": "Projects needing attention",
    "/delivery": "Delivery rate / Time elapsed",
    "/gender": "Projects below the 30% target",
    "/indicators": "Search statements and reasons",
    "/project?project=PBF/MLI/A-2": "Appui au nouveau cadre politique",
    "/data": "Files read",
    "/?lang=fr": "Projets à suivre",
    "/gender?country=MLI&lang=fr": "Part EGAF",
}

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve(tmp_path_factory.mktemp("browser")) as url:
        yield url


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


def test_the_tab_shows_lens_s_own_icon(app_url):
    """The favicon is an image the app serves from static/, not a URL made of the server's folders."""
    import urllib.request

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.goto(app_url + "/?lang=en")
        page.wait_for_function("() => [...document.querySelectorAll('link[rel~=\"icon\"]')]"
                               ".some(l => l.href.endsWith('/app/static/favicon.png'))", timeout=90_000)
        browser.close()
    with urllib.request.urlopen(app_url + "/app/static/favicon.png", timeout=30) as answer:
        assert answer.headers.get_content_type() == "image/png" and answer.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_bookmark_of_overview_opens_the_overview_with_its_filters(app_url):
    """`/overview` is the Overview's name in the sidebar's address scheme; Streamlit serves the
    default page at `/` only and answered "Page not found" (in English) there."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(app_url + "/overview?lang=fr&country=MLI")
        page.wait_for_function("text => document.body.innerText.includes(text)", arg="Projets à suivre", timeout=90_000)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=90_000)
        assert page.locator("[role='dialog']").count() == 0  # no "Page not found"
        assert page.url.endswith("/?lang=fr&country=MLI")
        assert page.locator("h1").first.inner_text() == "Vue d'ensemble"
        browser.close()


UPLOADER_WORDS = """() => {
    const zone = document.querySelector("[data-testid='stFileUploaderDropzone']");
    const button = zone.querySelector("button [data-testid='stMarkdownContainer'] p");
    const limits = zone.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span");
    const shown = e => getComputedStyle(e).fontSize === "0px" ? getComputedStyle(e, "::after").content : e.innerText;
    return [shown(button), shown(limits), zone.querySelector("button").getBoundingClientRect().width];
}"""


@pytest.mark.parametrize(("language", "button", "limits"), [
    ("fr", '"Importer"', '"50\u00a0Mo par fichier • TXT, DOCX, PDF, XLSX, CSV, JSON"'),
    ("en", "Upload", "50MB per file • TXT, DOCX, PDF, XLSX, CSV, JSON")])
def test_the_uploader_speaks_the_pages_language(app_url, language, button, limits):
    """Streamlit writes the uploader's button and limits in English only; a French page overlays them."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(app_url + f"/data?lang={language}")
        page.wait_for_selector("[data-testid='stFileUploaderDropzone'] button", timeout=90_000)
        deadline = time.monotonic() + 15  # the page's style sheet may land a moment after the widget (a busy machine)
        while True:
            shown_button, shown_limits, width = page.evaluate(UPLOADER_WORDS)
            if (shown_button, shown_limits) == (button, limits) or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        assert (shown_button, shown_limits) == (button, limits)
        assert width > 80  # the word is drawn inside the button, not squeezed out of it
        browser.close()
