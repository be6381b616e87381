"""What every page starts with: the store (built from the samples on first start), one read-only
connection per process, the language, the shared filter bar kept in the URL, and cached metric
queries keyed by the database version and the filter values."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from loaders.normalise.countries import country_name
from loaders.store.session import StoreOutdated, reading, upgrade
from metrics import catalog
from metrics.base import Filters
from metrics.materialize import install
from ui import jobs, worker
from ui.definitions import help_text
from ui.i18n import LANGUAGES, t, value_label
from ui.identity import read_only, sign_in_bar
from ui.language import current, speak
from ui.writes import LensError, show_waits, write_error

install()  # the app's writes (first build, uploads, removals) refresh the metric tables


def db_path() -> Path:
    """The store (LENS_DB, default data/portfolio.duckdb); read at each call, so tests can point elsewhere."""
    return Path(os.environ.get("LENS_DB", "data/portfolio.duckdb"))


def samples_path() -> Path:
    """The bundled sample portfolio (LENS_SAMPLES, default data/samples)."""
    return Path(os.environ.get("LENS_SAMPLES", "data/samples"))

_BUILD_LOCK = threading.Lock()
_URL_KEYS = {"country": "country", "agency": "agency", "outcome": "outcome", "report_type": "type",
             "gender_marker": "marker", "as_of": "as_of"}
EARLIEST = dt.date(2005, 1, 1)  # the PBF's first year: the date picker starts there


@dataclass
class Context:
    """A page's view of the portfolio."""

    filters: Filters
    version: tuple

    @property
    def language(self) -> str:
        """The run's language (ui/language.py), for what names it outright (a link's `lang=`)."""
        return current()

    def t(self, key: str) -> str:
        return t(key)

    def run(self, function: Callable, *args, filters: Filters | None = None) -> pd.DataFrame | dict:
        """`function(con, filters, *args)` — a metric function — cached per database version and filters."""
        chosen = self.filters if filters is None else filters
        return _own(_cached_metric(_register(function), self.version, dataclasses.astuple(chosen), args))

    def query(self, function: Callable, *args) -> pd.DataFrame:
        """`function(con, *args)` for metric functions without filters, cached likewise."""
        return _own(_cached_plain(_register(function), self.version, args))


_FUNCTIONS: dict[str, Callable] = {}


def _register(function: Callable) -> str:
    """The cache key of a metric function (its dotted name); the function itself is kept to be called."""
    key = f"{function.__module__}.{function.__qualname__}"
    _FUNCTIONS[key] = function
    return key


def ensure_database() -> None:
    """Build the store from the samples the first time, in the worker process; show progress while it is built."""
    with _BUILD_LOCK:
        if db_path().exists():
            return
        bar = st.progress(0.0, text="Building the portfolio database from the sample reports…")

        from loaders.ingest import ingest  # the readers (0.7 s to import) only when a store is to be built

        summary = worker.run(ingest, [samples_path()], db_path(),  # the same progress text as an upload's
                             shown=lambda step: bar.progress(jobs.fraction(step), text=jobs.step_text(step)))
        bar.empty()
        st.toast(summary.line())


@st.cache_resource
def _connection_holder() -> dict:
    return {"version": None, "connection": None, "lock": threading.Lock()}


def database_version() -> tuple:
    """Changes whenever an ingest swaps a new database file in."""
    path = db_path()
    if not path.exists():
        return (str(path), None)
    return (str(path), path.stat().st_mtime_ns)


def connection():
    """One read-only connection per process, reopened (old one closed) when the file changes."""
    holder = _connection_holder()
    version = database_version()
    with holder["lock"]:
        if holder["version"] != version:
            if holder["connection"] is not None:
                holder["connection"].close()
            try:
                holder["connection"] = reading(db_path())
            except StoreOutdated:
                if read_only():  # a read-only app never upgrades the store itself
                    raise
                # the app is a composition point: it brings an older store up to date, in the worker process
                worker.run(upgrade, db_path())
                holder["connection"] = reading(db_path())
            holder["version"] = database_version()
        return holder["connection"]


def _with_cursor(call):
    """Run `call(cursor)`; if an ingest swapped the file in and closed our connection meanwhile,
    reopen and try once more."""
    for attempt in (1, 2):
        try:
            cursor = connection().cursor()
        except duckdb.Error:
            if attempt == 2:
                raise
            continue
        try:
            return call(cursor)
        except duckdb.ConnectionException:
            if attempt == 2:
                raise
        finally:
            cursor.close()
    return None


def _own(value):
    """The caller's own copy of a cached result: a frame shares its data copy-on-write (pandas 3),
    so a page that changes it changes only its copy; anything else is copied whole."""
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else copy.deepcopy(value)


# Results are kept as objects (st.cache_resource), not pickled (st.cache_data): unpickling a
# 20,000-row frame on every run cost a page 0.17 s; the key holds the database version, so a
# write makes every entry stale, and `_own` gives each run its own copy.
@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_metric(key: str, version: tuple, filter_values: tuple, args: tuple):
    return _with_cursor(lambda cursor: _FUNCTIONS[key](cursor, Filters(*filter_values), *args))


@st.cache_resource(show_spinner=False, max_entries=256)
def _cached_plain(key: str, version: tuple, args: tuple):
    return _with_cursor(lambda cursor: _FUNCTIONS[key](cursor, *args))


FAVICON = "/app/static/favicon.png"  # static/favicon.png, served by the app's static serving (by nginx when
# deployed): no request to fonts.gstatic.com, as a Material icon name would make for the tab's icon on
# every visit. Given as a file path, Streamlit fell back to requesting the path itself (`/work/…/static/
# favicon.png`), which the app answered with its HTML page: no icon, and the server's folders in a URL.


def page_setup(title_key: str) -> Context | None:
    """Page config, store, language and filter bar. None when the store has nothing yet."""
    if st.session_state.get("lens_router"):
        speak(st.session_state["lens_language"])
    else:
        render_language()
    st.set_page_config(page_title=f"{t(title_key)} · PBF Portfolio Lens", page_icon=FAVICON,
                       layout="wide")
    sign_in_bar()
    show_waits()  # a write that has to wait for another shows a spinner where it was started
    try:
        ensure_database()
    except LensError as error:  # another write held the store past LENS_LOCK_TIMEOUT
        st.title(t(title_key))
        st.error(write_error(error))
        return None
    if not db_path().exists():
        st.title(t(title_key))
        st.info(t("empty_store"))
        return None
    context = Context(Filters(), database_version())
    try:
        options = context.query(catalog.filter_options)
    except StoreOutdated as error:  # a read-only app never upgrades the store itself
        st.title(t(title_key))
        st.error(t("store_outdated").format(hint=error.hint))
        return None
    except LensError as error:  # the upgrade of an older store waited past LENS_LOCK_TIMEOUT for another write
        st.title(t(title_key))
        st.error(write_error(error))
        return None
    options = options | {
        "outcome": lambda narrowed: context.run(catalog.outcome_options, filters=narrowed)}
    context.filters = _filter_bar(options)
    _write_url(context.filters)
    st.title(t(title_key))
    return context


def render_language() -> str:
    """The language toggle (rendered once per run: by the router, or by a page run on its own)."""
    if "lens_language" not in st.session_state:
        from_url = st.query_params.get("lang")
        browser = (getattr(st.context, "locale", None) or "en")[:2].lower()
        st.session_state["lens_language"] = from_url if from_url in LANGUAGES else (
            browser if browser in LANGUAGES else "en")
    labels = {"en": "English", "fr": "Français"}
    choice = st.sidebar.radio("Language / Langue", list(labels), format_func=labels.get, horizontal=True,
                              index=list(labels).index(st.session_state["lens_language"]))
    st.session_state["lens_language"] = choice
    speak(choice)  # every helper of this run reads it from here (ui/language.py)
    return choice


def _stored(name: str, choices: list):
    key = f"lens_filter_{name}"
    if key not in st.session_state:
        raw = st.query_params.get(_URL_KEYS[name])
        if name == "gender_marker" and raw is not None and raw.isdigit():
            raw = int(raw)
        st.session_state[key] = raw if raw in choices else None
    return st.session_state[key]


def _select(name: str, choices: list, label_of=None, help: str | None = None) -> object:
    stored = _stored(name, choices)
    options = [None] + choices
    value = st.sidebar.selectbox(
        t(name), options, index=options.index(stored) if stored in options else 0,
        format_func=lambda v: t("all") if v is None else (label_of(v) if label_of else str(v)), help=help)
    st.session_state[f"lens_filter_{name}"] = value
    return value


def _filter_bar(options: dict) -> Filters:
    st.sidebar.header(t("filters"))
    country = _select("country", options["country"], label_of=lambda c: f"{country_name(c)} ({c})")
    agency = _select("agency", options["agency"])
    outcome_labels = dict(options["outcome"](Filters(country=country, agency=agency)))
    outcome = _select("outcome", list(outcome_labels), label_of=lambda v: outcome_labels[v][:90])
    report_type = _select("report_type", options["report_type"], label_of=lambda v: value_label(v))
    marker = _select("gender_marker", options["gender_marker"], label_of=lambda m: f"GM{m}",
                     help=help_text("gender_marker"))
    return Filters(country=country, agency=agency, report_type=report_type, gender_marker=marker, outcome=outcome,
                   as_of=_as_of())


def _as_of() -> str | None:
    """The date the portfolio is shown as of (`as_of=YYYY-MM-DD` in the URL; empty: each project's
    latest report). A date the URL gives that is not one is ignored."""
    key = "lens_filter_as_of"
    if key not in st.session_state:
        try:
            st.session_state[key] = dt.date.fromisoformat(st.query_params.get("as_of") or "")
        except ValueError:
            st.session_state[key] = None
    chosen = st.sidebar.date_input(t("as_of_filter"), value=st.session_state[key], min_value=EARLIEST,
                                   max_value=dt.date.today(), format="DD/MM/YYYY" if current() == "fr" else "YYYY-MM-DD",
                                   help=help_text("as_of"))
    st.session_state[key] = chosen if isinstance(chosen, dt.date) else None
    return st.session_state[key].isoformat() if st.session_state[key] else None


def _write_url(filters: Filters) -> None:
    """Filters and language go back into the URL on every run (page switches clear it)."""
    language = current()
    params = {key: st.query_params[key] for key in st.query_params if key not in set(_URL_KEYS.values()) | {"lang"}}
    for name, url_key in _URL_KEYS.items():
        value = getattr(filters, name)
        if value is not None:
            params[url_key] = str(value)
    params["lang"] = language
    if dict(st.query_params) != params:
        st.query_params.from_dict(params)
