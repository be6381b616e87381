"""Headline figures first. Streamlit's browser side loads each kind of element's script when the
first one arrives, and while one is loading it holds back everything sent with it: a page whose
metrics and charts arrive together shows neither until plotly.js (4.7 MB) has been read, about a
second on a laptop. So on a browser session's first run a page draws its headline figures, this
module's small script tells the server once the browser has drawn them, and the run it starts
draws the rest (charts, tables). Later runs of the session draw everything at once: the scripts
are loaded by then.

A session without a browser (AppTest, a bare run: no HTTP headers) has nothing to draw first."""
from __future__ import annotations

import streamlit as st

from ui.i18n import t

DRAWN = "lens_headline_drawn"
# after the frame that draws the figures (and this element, in the same commit), ask for the rest
_SCRIPT = """export default function(component) {
  requestAnimationFrame(() => setTimeout(() => component.setTriggerValue("drawn", true), 0));
}"""
_announce = st.components.v2.component("lens_first_paint", js=_SCRIPT)


def rest_of_page(language: str) -> bool:
    """Whether the page may draw what follows its headline figures now. False once per browser
    session — after the figures, with a line saying the rest follows — and the browser's signal
    reruns the page at once; a failed signal leaves the next interaction to draw them."""
    if st.session_state.get(DRAWN) or not st.context.headers:
        return True
    st.session_state[DRAWN] = True
    _announce(key="lens_first_paint", on_drawn_change=lambda: None)
    st.caption(t("drawing_charts", language))
    return False
