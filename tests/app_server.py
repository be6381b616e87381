"""The real app served on a free localhost port for the browser tests: started with the given
settings, waited for until healthy, stopped afterwards."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT, SAMPLES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(work: Path, db: Path | None = None, script: Path = ROOT / "app.py", port: int | None = None,
          flags: tuple[str, ...] = (), **settings: str) -> Iterator[str]:
    """`streamlit run app.py` (or another script) on the samples (store in `work`, or the given
    `db`), with extra settings (environment) and Streamlit flags (`--secrets.files`, …), on the given
    port or a free one; yields its address."""
    with app_process(work, db, script, port, flags, **settings) as (url, _):
        yield url


@contextlib.contextmanager
def app_process(work: Path, db: Path | None = None, script: Path = ROOT / "app.py", port: int | None = None,
                flags: tuple[str, ...] = (), **settings: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """As `serve`, yielding the address and the server's process (its CPU and memory are read from /proc)."""
    port = port or free_port()
    env = dict(os.environ, LENS_DB=str(db or work / "portfolio.duckdb"), LENS_SAMPLES=str(SAMPLES),
               LENS_UPLOADS=str(work / "uploads"), **settings)
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", *flags],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=20)


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_in_front(prefix: Path, listen: int, first: str, second: str) -> subprocess.Popen:
    """Debian's nginx on `listen`, configured by docs/deploy/nginx.conf in front of the two app
    addresses (the same one twice for one process), its pid, logs and buffers under `prefix`."""
    import streamlit

    text = (ROOT / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for token, value in (("__LISTEN__", str(listen)), ("__FIRST__", first.rsplit(":", 1)[1]),
                         ("__SECOND__", second.rsplit(":", 1)[1]), ("__PREFIX__", str(prefix)),
                         ("__STREAMLIT_STATIC__", os.path.join(os.path.dirname(streamlit.__file__), "static")),
                         ("__APP_STATIC__", str(ROOT / "static"))):
        text = text.replace(token, value)
    if os.geteuid() == 0:  # run as root: nginx's workers would otherwise become `nobody`
        text = "user root;\n" + text
    prefix.mkdir(parents=True, exist_ok=True)
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
