"""PBF Portfolio Lens — the entry point. Routes to the six pages (views/*.py) with st.navigation;
the Overview is the default page, at `/` (and `/overview` leads there). Each page also runs on its own."""
from __future__ import annotations

import streamlit as st

from ui.context import render_language
from ui.i18n import t

st.session_state["lens_router"] = True
render_language()
# No Material icon per page: Streamlit makes a page's icon the tab's icon, fetched from fonts.gstatic.com
# on every visit (and failing offline) before the page sets the app's own, served from static/.
PAGES = [
    ("views/overview.py", "overview", True),
    ("views/delivery.py", "delivery", False),
    ("views/gender.py", "gender", False),
    ("views/indicators.py", "indicators", False),
    ("views/project.py", "project", False),
    ("views/data.py", "data", False),
]
pages = [st.Page(path, title=t(key), default=default, url_path="home" if default else key)
         for path, key, default in PAGES]


def _to_overview() -> None:
    """`/overview` (a bookmark, a link written by hand) opens the Overview at `/` with its filters,
    instead of Streamlit's English "Page not found"."""
    st.switch_page(pages[0], query_params=st.query_params.to_dict())


hidden = [st.Page(_to_overview, title=t("overview"), url_path="overview", visibility="hidden")]
navigation = st.navigation(pages + hidden)
navigation.run()
