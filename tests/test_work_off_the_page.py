"""Heavy work off the page (issue 26, item 1): reading and storing files runs in the worker process
(ui/worker.py), never in the thread that serves a page. One session stores 50 reports through the
Data page while another opens the Overview again and again: the Overview keeps finishing while the
ingest runs, the ingest lands whole, and a job whose worker died says so in one line."""
from __future__ import annotations

import os
import statistics
import time

import duckdb
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SAMPLES, settled
from ui import worker

MALI = SAMPLES / "ml-cadre-crise-centre-annual-2020.txt"


def _fifty_reports() -> list[tuple[str, bytes, str]]:
    """Fifty distinct progress reports: the Mali sample under fifty project numbers."""
    text = MALI.read_text(encoding="utf-8")
    return [(f"report-{k:02d}.txt", text.replace("PBF/MLI/A-2", f"PBF/MLI/A-{100 + k}").encode(), "text/plain")
            for k in range(50)]


def _page(name: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "views" / f"{name}.py"), default_timeout=120)
    app.query_params["lang"] = "en"
    return app


def _store_job(app: AppTest):
    try:
        return app.session_state["lens-jobs"]["store"][1]
    except KeyError:
        return None


def test_the_work_runs_in_another_process():
    assert worker.run(os.getpid) != os.getpid()


def test_a_page_keeps_running_while_another_session_stores_50_reports(tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.setenv("LENS_UPLOADS", str(tmp_path / "uploads"))
    monkeypatch.setenv("LENS_SAMPLES", str(SAMPLES))
    monkeypatch.chdir(ROOT)
    reader = _page("overview")
    reader.run()  # the store is built from the samples (in the worker), then read
    assert not reader.exception, [e.value for e in reader.exception]
    idle = []
    for _ in range(3):
        started = time.perf_counter()
        reader.run()
        idle.append(time.perf_counter() - started)

    editor = _page("data")
    editor.run()
    editor.file_uploader[0].set_value(_fifty_reports())
    settled(editor.run())  # the preview, read in the worker
    assert len(editor.dataframe[0].value) == 50
    next(b for b in editor.button if b.label == "Store these files").click().run()
    job = _store_job(editor)
    assert job is not None and not job.done()  # the page came back at once: the files are read elsewhere
    during = []
    while not job.done():
        started = time.perf_counter()
        reader.run()
        assert not reader.exception, [e.value for e in reader.exception]
        if not job.done():  # a whole page run finished while the ingest was still going
            during.append(time.perf_counter() - started)
    print(f"Overview while 50 reports were stored: {len(during)} runs, median {statistics.median(during or [0]):.2f} s "
          f"(idle median {statistics.median(idle):.2f} s)")
    assert len(during) >= 2

    settled(editor)
    assert not editor.exception, [e.value for e in editor.exception]
    assert [s.value for s in editor.success] == [
        "Files added: 50 · already stored: 0 · failed: 0 · refused in the preview, not stored: 0 — projects in the "
        "portfolio: 55."]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources WHERE file_name LIKE 'report-%'").fetchone() == (50,)
    reader.run()
    assert reader.metric[0].value == "55"  # the next run reads the new store


def test_a_job_whose_worker_died_says_so_in_one_line(tmp_path, monkeypatch):
    """A worker killed mid-job (out of memory, say) is a one-line error, and the next job gets a new worker."""
    import pytest

    job = worker.submit(time.sleep, 30)
    time.sleep(0.5)  # the worker has taken the job
    for process in list(worker._pool()._processes.values()):
        process.kill()
    with pytest.raises(worker.WorkerDied):
        job.result()
    from ui.language import speaking
    from ui.writes import write_error

    with speaking("fr"):
        assert write_error(worker.WorkerDied("the worker process stopped")).startswith("Le travail s'est arrêté")
    assert worker.run(os.getpid) != os.getpid()  # a new pool took over


def test_in_the_browser_the_page_follows_the_worker_until_the_files_are_stored(tmp_path):
    """In the real app the progress fragment reruns the page when the worker is done (AppTest has no
    browser to rerun it): five reports previewed, then stored, on a French page."""
    import pytest

    from tests.app_server import serve
    from tests.test_browser_home import CHROMIUM, FLAGS

    if not os.path.exists(CHROMIUM) and os.environ.get("CI") != "true":
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    files = []
    for name, data, _ in _fifty_reports()[:5]:
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    with serve(tmp_path) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.goto(url + "/data?lang=fr")
        page.wait_for_selector("[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=90_000)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(files)
        store = page.get_by_role("button", name="Enregistrer ces fichiers")
        store.wait_for(timeout=90_000)  # the preview came back from the worker
        store.click()
        page.wait_for_selector("[data-testid='stAlertContentSuccess']", timeout=90_000)
        assert page.locator("[data-testid='stAlertContentSuccess']").inner_text().startswith(
            "Fichiers ajoutés : 5 · déjà enregistrés : 0 · en échec : 0")
        browser.close()
