"""PBF Portfolio Lens — the entry point. Routes to the six pages (views/*.py) with st.navigation;
the Overview is the default page. Each page also runs on its own."""
from __future__ import annotations

import streamlit as st

from ui.context import render_language
from ui.i18n import t

st.session_state["lens_router"] = True
language = render_language()
PAGES = [
    ("views/overview.py", "overview", ":material/dashboard:", True),
    ("views/delivery.py", "delivery", ":material/payments:", False),
    ("views/gender.py", "gender", ":material/balance:", False),
    ("views/indicators.py", "indicators", ":material/flag:", False),
    ("views/project.py", "project", ":material/folder_open:", False),
    ("views/data.py", "data", ":material/upload:", False),
]
navigation = st.navigation([st.Page(path, title=t(key, language), icon=icon, default=default, url_path=key)
                            for path, key, icon, default in PAGES])
navigation.run()
