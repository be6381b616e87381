"""The chart script the app serves (`static/plotly-cartesian.min.js`, plotly.js's cartesian build) is
the plotly.js the installed plotly was made for, and holds every kind of trace the charts use."""
from __future__ import annotations

import re
from pathlib import Path

import plotly

from tests.charts_drawn import figures
from tests.conftest import ROOT
from ui.plot import BUNDLE

VERSION = re.compile(r"plotly\.js (?:\([a-z -]+\) )?v(\d+\.\d+\.\d+)")


def _version(path: Path) -> str:
    return VERSION.search(path.read_text(encoding="utf-8")[:400]).group(1)


def test_the_served_bundle_is_the_plotly_js_that_plotly_ships():
    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert _version(BUNDLE) == _version(shipped)
    assert (ROOT / "static" / "plotly.js-LICENSE.txt").read_text().startswith("MIT License")


def test_the_app_serves_static_files():
    assert "enableStaticServing = true" in (ROOT / ".streamlit" / "config.toml").read_text()


def test_every_trace_the_pages_draw_is_in_the_bundle(sample_db, monkeypatch):
    """The trace types the code builds (`go.Bar(`…) and those each page draws on the samples are all
    registered by the bundle."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LENS_DB", str(sample_db))
    monkeypatch.chdir(ROOT)
    text = BUNDLE.read_text(encoding="utf-8")
    built = {m.lower() for f in [*(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py")]
             for m in re.findall(r"\bgo\.([A-Z][A-Za-z]+)\(", f.read_text()) if m != "Figure"}
    assert built >= {"bar", "scatter", "heatmap"}
    kinds = set(built)
    for page in ("overview", "delivery", "gender", "indicators", "project"):
        app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=90).run()
        assert not app.exception
        kinds |= {trace.get("type", "scatter") for figure in figures(app) for trace in figure["data"]}
    assert kinds >= {"bar"}
    for kind in kinds:
        assert f'moduleType:"trace",name:"{kind}"' in text, kind


def test_no_page_draws_with_st_plotly_chart():
    """Every chart goes through `ui.plot.show`: one `st.plotly_chart` would have each visit read
    Streamlit's own 4.7 MB plotly.js again (about 1.3 s here)."""
    sources = [*(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py"), ROOT / "app.py"]
    assert not [f.name for f in sources if "plotly_chart(" in f.read_text()]
