"""The tested reverse-proxy configuration of docs/DEPLOY.md (issue 26, item 4): Debian's nginx in
front of two app processes on one store (docs/deploy/nginx.conf) — the app works through it in a
browser (its WebSocket upgraded), one browser stays with one process (sticky by address), and XSRF
protection is still on behind it (an upload without the token is refused)."""
from __future__ import annotations

import os
import urllib.error
import urllib.request

import pytest

from tests.app_server import NGINX, free_port, nginx_in_front, serve
from tests.test_browser_corrections import _metrics, _settled
from tests.test_browser_home import CHROMIUM, FLAGS

if not os.path.exists(NGINX) and os.environ.get("CI") != "true":
    pytest.skip("Debian's nginx is not installed (.ci/run installs nginx-light)", allow_module_level=True)


def test_two_processes_behind_nginx(tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "shared.duckdb"
    for name in ("a", "b", "nginx"):
        (tmp_path / name).mkdir()
    with serve(tmp_path / "a", db) as first, serve(tmp_path / "b", db) as second:
        urllib.request.urlopen(first + "/?lang=en", timeout=60).read()
        listen = free_port()
        proxy = nginx_in_front(tmp_path / "nginx", listen, first, second)
        url = f"http://127.0.0.1:{listen}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(url + "/?lang=en")
                _settled(page)  # the page ran: its WebSocket went through the proxy
                page.wait_for_function("() => document.querySelectorAll(\"[data-testid='stMetricValue']\").length > 1",
                                       timeout=90_000)
                assert _metrics(page)["Budget"] == "$7.1M"
                page.goto(url + "/delivery?lang=en")
                _settled(page)
                browser.close()
            refused = urllib.request.Request(url + "/_stcore/upload_file/session/file", data=b"x", method="PUT")
            with pytest.raises(urllib.error.HTTPError) as error:
                urllib.request.urlopen(refused, timeout=30)
            assert error.value.code == 403 and b"XSRF" in error.value.read()
        finally:
            proxy.terminate()
            proxy.wait(timeout=20)
    log = (tmp_path / "nginx" / "access.log").read_text(encoding="utf-8").splitlines()
    assert any("GET /_stcore/stream HTTP/1.1\" 101" in line for line in log)  # the WebSocket upgraded
    proxied = [line for line in log if line.rsplit(" ", 1)[1] != "-"]
    assert len({line.rsplit(" ", 1)[1] for line in proxied}) == 1  # one browser, one process: sticky
    served = [line for line in log if line.rsplit(" ", 1)[1] == "-"]  # answered by nginx itself
    assert any("GET /static/js/" in line and '" 200 -' in line for line in served), served[:5]
    assert any("GET /app/static/plotly-cartesian.min.js" in line and '" 200 -' in line for line in served)
    code = ('"GET /static/', '"GET /app/static/')  # the browser's code (not the favicon, a page's own file)
    assert not any(part in line for line in proxied for part in code)  # the app process served none of it
