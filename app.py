"""PBF Portfolio Lens — the entry point. Routes to the six pages (pages/*.py) with st.navigation;
the Overview is the default page. Each page also runs on its own."""
from __future__ import annotations

import streamlit as st

from ui.context import render_language
from ui.i18n import t

st.session_state["lens_router"] = True
language = render_language()
PAGES = [
    ("pages/overview.py", "overview", ":material/dashboard:", True),
    ("pages/delivery.py", "delivery", ":material/payments:", False),
    ("pages/gender.py", "gender", ":material/balance:", False),
    ("pages/indicators.py", "indicators", ":material/flag:", False),
    ("pages/project.py", "project", ":material/folder_open:", False),
    ("pages/data.py", "data", ":material/upload:", False),
]
navigation = st.navigation([st.Page(path, title=t(key, language), icon=icon, default=default, url_path=key)
                            for path, key, icon, default in PAGES])
navigation.run()
