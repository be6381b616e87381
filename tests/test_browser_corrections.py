"""A person signed in through the trusted proxy header corrects a budget on the Project page, in
the real app in headless Chromium, and sees the new figures on the Overview; a person the roles
file makes a viewer sees no form."""
from __future__ import annotations

import os

import pytest

from tests.app_server import serve
from tests.test_browser_home import ARTIFACTS, CHROMIUM, FLAGS

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

HEADER = "X-Forwarded-Email"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("browser-corrections")
    roles = work / "roles.toml"
    roles.write_text('[users]\n"steward@un.org" = "editor"\n[default]\nrole = "viewer"\n', encoding="utf-8")
    with serve(work, LENS_TRUSTED_USER_HEADER=HEADER, LENS_ROLES=str(roles)) as url:
        yield url, work / "portfolio.duckdb"


def _metrics(page) -> dict[str, str]:
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    values = page.locator("[data-testid='stMetricValue']").all_inner_texts()
    return {label.strip(): value.strip() for label, value in zip(labels, values, strict=False)}


def _settled(page) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=90_000)
    page.wait_for_selector("[data-testid='stMetricValue']", timeout=90_000)


def correct_the_budget(page, app_url: str) -> None:
    """The Mali sample's budget corrected to 2,000,000 through the Project page's form, as an editor does."""
    page.goto(app_url + "/project?project=PBF/MLI/A-2&lang=en")
    _settled(page)
    page.get_by_text("Correct or enter a figure").click()
    page.get_by_label("New value").fill("2000000")
    page.get_by_label("Reason (required)").fill("budget revision of March 2021")
    page.get_by_role("button", name="Save the correction").click()
    wait_or_tell(page, "() => [...document.querySelectorAll(\"[data-testid='stMetricLabel']\")]"
                       ".some(e => e.innerText.includes('Budget ✎'))", "correction")


def wait_or_tell(page, condition: str, name: str, arg=None, timeout: int = 90_000) -> None:
    """Wait for `condition` (JavaScript); if it never holds, fail with what the page shows instead
    (its error boxes and toasts, the start of its text) and a screenshot in tests/artifacts/."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, arg=arg, timeout=timeout)
    except PlaywrightTimeout:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"timeout-{name}.png"), full_page=True)
        shown = page.evaluate("() => [...document.querySelectorAll(\"[data-testid='stAlert'], "
                              "[data-testid='stToast'], [data-testid='stException']\")].map(e => e.innerText)")
        state = page.evaluate("() => document.querySelector(\"[data-testid='stApp']\")"
                              "?.getAttribute('data-test-script-state')")
        text = page.evaluate("() => document.body.innerText.slice(0, 1500)")
        raise AssertionError(f"waited {timeout / 1000:.0f} s for {condition} ({arg})\nscript: {state}\n"
                             f"alerts: {shown}\npage: {text}") from None


def test_an_editor_corrects_a_budget_and_the_overview_follows(app_url):
    import duckdb
    from playwright.sync_api import sync_playwright

    app_url, db = app_url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        viewer = browser.new_context(extra_http_headers={HEADER: "guest@un.org"})
        page = viewer.new_page()
        page.goto(app_url + "/project?project=PBF/MLI/A-2&lang=en")
        _settled(page)
        assert page.get_by_text("Correct or enter a figure").count() == 0  # a viewer gets no form
        viewer.close()

        editor = browser.new_context(extra_http_headers={HEADER: "steward@un.org"}, viewport={"width": 1400, "height": 1000})
        page = editor.new_page()
        page.goto(app_url + "/?lang=en")
        _settled(page)
        page.wait_for_function("() => [...document.querySelectorAll(\"[data-testid='stMetricLabel']\")]"
                               ".some(e => e.innerText.trim() === 'Budget')", timeout=90_000)
        before = _metrics(page)
        correct_the_budget(page, app_url)
        page.goto(app_url + "/?lang=en")
        _settled(page)
        page.wait_for_function("before => document.querySelector(\"[data-testid='stMetricValue']\") && "
                               "[...document.querySelectorAll(\"[data-testid='stMetricValue']\")][1].innerText !== before",
                               arg=before["Budget"], timeout=90_000)
        after = _metrics(page)
        editor.close()
        browser.close()
    assert (before["Budget"], after["Budget"]) == ("$7.1M", "$7.6M")
    assert after["Delivery rate"] != before["Delivery rate"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT made_by, new_value FROM corrections").fetchall() == [("steward@un.org", "2000000")]
    con.close()
