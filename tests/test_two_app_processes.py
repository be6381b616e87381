"""Two app processes on one store (issue 26, item 4), as behind a load balancer with sticky
sessions: a correction saved through one process is what the other shows on its next run, and
each process's own page, open before the write, follows on its next run too."""
from __future__ import annotations

import os

import pytest

from tests.app_server import serve
from tests.test_browser_corrections import HEADER, _metrics, _settled, correct_the_budget
from tests.test_browser_home import CHROMIUM, FLAGS

if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)

BUDGET_LABEL = ("() => [...document.querySelectorAll(\"[data-testid='stMetricLabel']\")]"
                ".some(e => e.innerText.trim() === 'Budget')")


def test_a_correction_through_one_process_is_seen_by_the_other(tmp_path):
    import duckdb
    from playwright.sync_api import sync_playwright

    roles = tmp_path / "roles.toml"
    roles.write_text('[users]\n"steward@un.org" = "editor"\n[default]\nrole = "viewer"\n', encoding="utf-8")
    db = tmp_path / "shared.duckdb"
    settings = {"LENS_TRUSTED_USER_HEADER": HEADER, "LENS_ROLES": str(roles)}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with serve(tmp_path / "a", db, **settings) as first, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        editor = browser.new_context(extra_http_headers={HEADER: "steward@un.org"}, viewport={"width": 1400, "height": 1000})
        page = editor.new_page()
        page.goto(first + "/?lang=en")  # the first visit builds the store from the samples
        _settled(page)
        page.wait_for_function(BUDGET_LABEL, timeout=90_000)
        with serve(tmp_path / "b", db, **settings) as second:
            reader = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            reader.goto(second + "/?lang=en")
            _settled(reader)
            reader.wait_for_function(BUDGET_LABEL, timeout=90_000)
            before = _metrics(reader)["Budget"]
            correct_the_budget(page, first)
            reader.reload()  # the second process's next run
            _settled(reader)
            reader.wait_for_function("before => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
                                     ".length > 1 && document.querySelectorAll(\"[data-testid='stMetricValue']\")[1]"
                                     ".innerText !== before", arg=before, timeout=90_000)
            after = _metrics(reader)["Budget"]
        browser.close()
    assert (before, after) == ("$7.1M", "$7.6M")
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT made_by, new_value FROM corrections").fetchall() == [("steward@un.org", "2000000")]
    finally:
        con.close()
