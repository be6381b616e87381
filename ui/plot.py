"""Draws a plotly figure in the page with plotly.js's cartesian bundle (bar, scatter, heatmap…),
served by the app from `static/` — not with `st.plotly_chart`, whose browser side carries the whole of
plotly.js (4.7 MB) and reads it before it draws anything: about 1.3 s on every page load here, beside
0.7 s for this 1.5 MB bundle (docs/PERFORMANCE.md). The figure is the same plotly figure, defined
once in `ui.charts`; only the way it reaches the screen differs. The bundle is plotly.js's own build,
of the version the installed plotly ships (a test checks they agree).

The chart's space is kept while the bundle loads, so nothing below it jumps; if the bundle cannot be
read, the chart's place says so in the interface language."""
from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from ui.i18n import t

BUNDLE = Path(__file__).resolve().parent.parent / "static" / "plotly-cartesian.min.js"
# relative to the page's address, so that a server under a base path finds it too
_URL = "app/static/plotly-cartesian.min.js"
# One loader per tab, shared by every chart.
LOADER = """
function lensPlotly() {
  if (!window.__lensPlotly) window.__lensPlotly = new Promise((ok, fail) => {
    if (window.Plotly) return ok(window.Plotly);
    const script = document.createElement("script");
    script.src = "URL"; script.async = true;
    script.onload = () => window.Plotly ? ok(window.Plotly) : fail(new Error("no Plotly"));
    script.onerror = () => { window.__lensPlotly = null; fail(new Error(script.src)); };
    document.head.appendChild(script);
  });
  return window.__lensPlotly;
}
""".replace("URL", _URL)
_SCRIPT = LOADER + """
export default function(component) {
  const {data, parentElement} = component;
  let box = parentElement.querySelector(":scope > div.lens-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "lens-chart";
    box.style.width = "100%";
    parentElement.appendChild(box);
  }
  const figure = JSON.parse(data.figure);
  box.style.minHeight = (figure.layout.height || 450) + "px";
  let gone = false, width = 0;
  // the container's width changes without the window's (the sidebar opened or closed): redraw to fit
  const resized = new ResizeObserver(() => {
    if (box.offsetWidth !== width && box._fullLayout && window.Plotly) window.Plotly.Plots.resize(box);
    width = box.offsetWidth;
  });
  lensPlotly()
    .then(Plotly => gone ? null : Plotly.react(box, figure.data, figure.layout, data.config))
    .then(() => { width = box.offsetWidth; if (!gone) resized.observe(box); })
    .catch(() => { if (!gone) { box.textContent = data.failed; box.style.minHeight = ""; } });
  return () => { gone = true; resized.disconnect(); if (window.Plotly) window.Plotly.purge(box); };
}
"""
_chart = st.components.v2.component("lens_chart", js=_SCRIPT, isolate_styles=False)
def show(figure: go.Figure, key: str, config: dict) -> None:
    """Draws `figure` across the width of its container."""
    st.session_state.get("lens_language", "en")
    _chart(key=key, data={"figure": figure.to_json(), "config": config,
                          "failed": t("chart_not_drawn")})

