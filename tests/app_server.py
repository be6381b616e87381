"""The real app served on a free localhost port for the browser tests: started with the given
settings, waited for until healthy, stopped afterwards."""
from __future__ import annotations

import contextlib
import os
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
    port or a free one."""
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
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
