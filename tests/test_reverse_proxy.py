"""The tested reverse-proxy configuration of docs/DEPLOY.md (issue 26, item 4): Debian's nginx in
front of two app processes on one store (docs/deploy/nginx.conf) — the app works through it in a
browser (its WebSocket upgraded), one browser stays with one process (sticky by address), and XSRF
protection is still on behind it (an upload without the token is refused)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.app_server import free_port, serve
from tests.conftest import ROOT
from tests.test_browser_corrections import _metrics, _settled
from tests.test_browser_home import CHROMIUM, FLAGS

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
if not os.path.exists(NGINX) and os.environ.get("CI") != "true":
    pytest.skip("Debian's nginx is not installed (.ci/run installs nginx-light)", allow_module_level=True)


def _nginx(prefix, listen: int, first: str, second: str) -> subprocess.Popen:
    text = (ROOT / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for token, value in (("__LISTEN__", str(listen)), ("__FIRST__", first.rsplit(":", 1)[1]),
                         ("__SECOND__", second.rsplit(":", 1)[1]), ("__PREFIX__", str(prefix))):
        text = text.replace(token, value)
    if os.geteuid() == 0:  # a test run as root: nginx's workers would otherwise become `nobody`
        text = "user root;\n" + text
    conf = prefix / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    server = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{listen}/_stcore/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise AssertionError(server.stderr.read().decode() if server.stderr else "nginx did not start")


def test_two_processes_behind_nginx(tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "shared.duckdb"
    for name in ("a", "b", "nginx"):
        (tmp_path / name).mkdir()
    with serve(tmp_path / "a", db) as first, serve(tmp_path / "b", db) as second:
        urllib.request.urlopen(first + "/?lang=en", timeout=60).read()
        listen = free_port()
        proxy = _nginx(tmp_path / "nginx", listen, first, second)
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
    assert len({line.rsplit(" ", 1)[1] for line in log}) == 1  # one browser, one process: sticky
