"""What a person reads, on the samples and on the real UNDP portfolio, in English and French:
no internal column names (`raw_name`, `project_key`), no `None` or `nan`, no Streamlit help
printed on the page; French pages with French headers, options, chart titles and legends, French
table values (`en retard`, not `behind`) and table numbers written the French way (1 245 996 $US,
21,7 %), whatever the browser's own locale."""
from __future__ import annotations

import json
import re

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from loaders.ingest import ingest
from tests.charts_drawn import figures
from tests.conftest import ROOT, SAMPLES, SHARED
from ui.i18n import STATUS_LABELS, VALUE_LABELS, column_label, status_label, t, value_label

PAGES = ["overview", "delivery", "gender", "indicators", "project", "data"]
INTERNAL = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")  # snake_case: a column's own name, not a header
LAZY_PLURAL = re.compile(r"\w\((?:s|e|es|e\)\(s)\)")  # `flag(s)`, `saisi(e)s`: one or many, written for both
# ISO 3166's long forms: `Congo, The Democratic Republic of the`, `Bolivia, Plurinational State of`
ISO_LONG_NAME = re.compile(r"\w, (The |Republic of|Plurinational|Islamic|Bolivarian|United Republic|Province of|State of|"
                           r"République|État)")
NOT_A_VALUE = re.compile(r"\b(None|nan|NaN|DeltaGenerator)\b")
# English words that no French label, option or chart text of ours contains
ENGLISH = re.compile(r"\b(the|of|and|with|without|per|from|not|yet|time|delivery|funded|reported|rate|workbook|"
                     r"progress|baseline|target|current|women|men|choose|upload|none|behind|on track|spent|allocated|"
                     r"share|others?|projects?|elapsed|indicators?|outcomes?|agency|agencies|country|countries)\b",
                     re.IGNORECASE)
# Interface values (statuses, levels, sources, report types) whose French differs from the English
ENGLISH_VALUES = ({k for k in STATUS_LABELS if status_label(k, "fr") != k}
                  | {en for k, en in VALUE_LABELS.items() if value_label(k, "fr") != en}
                  | {k for k in VALUE_LABELS if value_label(k, "fr") != value_label(k, "en")})
# Columns whose sentences Lens writes itself (not text read from a file): French on a French page
OWN_SENTENCES = ("status_reason", "location", "message", "left_out_reason", "missing")
ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d")  # 1,245,996 or 21.7: English grouping or decimal point


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("real-pages") / "real.duckdb"
    assert not ingest([SHARED / "realdata"], db).failures
    return db


def _texts(app) -> list[str]:
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title", "text"):
        texts += [str(e.value) for e in getattr(app, kind)]
    texts += [f"{m.label} {m.value}" for m in app.metric]
    return texts


def _headers(app) -> list[str]:
    headers = []
    for frame in app.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        order = list(frame.proto.column_order) or list(frame.value.columns)
        headers += [config.get(c, {}).get("label", c) for c in order if c in frame.value.columns]
    return headers


def _chart_texts(app) -> list[str]:
    texts = []
    for spec in figures(app):
        layout = spec.get("layout", {})
        for part in [layout] + [layout.get(a, {}) for a in layout if a.startswith(("xaxis", "yaxis"))]:
            title = part.get("title")
            texts.append(title.get("text", "") if isinstance(title, dict) else str(title or ""))
        texts += [str(a.get("text", "")) for a in layout.get("annotations", [])]
        texts += [str(trace.get("name", "")) for trace in spec.get("data", [])]
    return [t for t in texts if t]


def _widget_texts(app) -> list[str]:
    texts = [str(w.label) for kind in ("selectbox", "multiselect", "radio", "text_input", "number_input",
                                       "button", "checkbox", "toggle") for w in getattr(app, kind)]
    texts += [str(tab.label) for tab in app.tabs]
    return texts


def _options(app) -> list[str]:
    return [str(o) for kind in ("selectbox", "multiselect", "radio") for w in getattr(app, kind) for o in w.options]


def _table_cells(frame) -> tuple[list[str], list[str]]:
    """(text cells of interface-valued columns, numbers as displayed) of one st.dataframe."""
    config = json.loads(frame.proto.columns or "{}")
    data = frame.value
    values = [str(v) for c in data.columns if data[c].dtype.kind not in "iufb"
              for v in data[c].dropna().unique()[:200]]
    shown = []
    styler = frame.proto.arrow_data.styler
    numeric = [c for c in data.columns if data[c].dtype.kind in "iuf"
               and (config.get(c, {}).get("type_config") or {}).get("type") in (None, "number")]
    if numeric:
        assert styler.display_values, f"numbers without the page's own format: {numeric}"
        display = pa.ipc.open_stream(styler.display_values).read_all().to_pandas()
        shown = [str(v) for c in numeric if c in display.columns for v in display[c].head(200)]
    return values, shown


PLOTLY_PERCENT = re.compile(r"%\{[^}]*%\}")  # `%{x:.1%}`: plotly writes 21,7% with no space


def _speaks_french(app, page) -> None:
    words = [t[:80] for t in _headers(app) + _chart_texts(app) + _widget_texts(app)
             + [m.label for m in app.metric] if ENGLISH.search(str(t))]
    assert words == [], f"{page} (fr) shows English: {words}"
    english = sorted({o for o in _options(app) if o in ENGLISH_VALUES})
    assert english == [], f"{page} (fr) offers English options: {english}"
    hovers = [trace.get("hovertemplate", "") for figure in figures(app) for trace in figure["data"]]
    percent = [h[:80] for h in hovers if PLOTLY_PERCENT.search(h)]
    assert percent == [], f"{page} (fr) hover labels write percentages plotly's way (21,7%): {percent}"
    for frame in app.dataframe:
        values, numbers = _table_cells(frame)
        english = sorted({v for v in values if v in ENGLISH_VALUES})
        assert english == [], f"{page} (fr) table shows English values: {english}"
        data = frame.value
        sentences = sorted({str(v)[:70] for c in OWN_SENTENCES if c in data.columns
                            for v in data[c].dropna().head(300) if ENGLISH.search(str(v)) or re.search(
                                r"\b(line|row|cell|sheet|page \d+, table)\b", str(v))})[:5]
        assert sentences == [], f"{page} (fr) table writes its own sentences in English: {sentences}"
        written = sorted({n for n in numbers if ENGLISH_NUMBER.search(n)})[:5]
        assert written == [], f"{page} (fr) table writes numbers the English way: {written}"


def open_page(db, page, language, monkeypatch, **params) -> AppTest:
    """One page run under AppTest on the given store, in the given language, with address parameters."""
    monkeypatch.setenv("LENS_DB", str(db))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=120)
    app.query_params["lang"] = language
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def _check(db, page, language, monkeypatch, **params):
    app = open_page(db, page, language, monkeypatch, **params)
    assert not app.exception, [e.value for e in app.exception]
    internal = [h for h in _headers(app) if INTERNAL.match(str(h))]
    assert internal == [], f"{page} ({language}) shows internal names as headers: {internal}"
    keys = [o[:60] for o in _options(app) if re.search(r"(^|· )(title|project|progress_report):", o)]
    assert keys == [], f"{page} ({language}) offers internal keys: {keys}"
    printed = [t[:80] for t in _texts(app) if NOT_A_VALUE.search(t)]
    assert printed == [], f"{page} ({language}) prints: {printed}"
    long_names = sorted({o[:60] for o in _options(app) + _texts(app) if ISO_LONG_NAME.search(o)})
    assert long_names == [], f"{page} ({language}) names a country the ISO way: {long_names}"  # issue 24
    codes = sorted({str(v) for f in app.dataframe if "countries" in f.value.columns
                    for v in f.value["countries"].head(50) if re.fullmatch(r"[A-Z]{3}(, [A-Z]{3})*", str(v))})[:3]
    assert codes == [], f"{page} ({language}) names countries by ISO code: {codes}"  # issue 24
    dashes = [tr.get("name") or "bar" for f in figures(app) for tr in f["data"] for axis in ("x", "y")
              if isinstance(tr.get(axis), list) and "—" in tr[axis]]
    assert dashes == [], f"{page} ({language}) labels a bar '—': {dashes}"  # say what it is (issue 24)
    plurals = [t[:80] for t in _texts(app) + _widget_texts(app) if LAZY_PLURAL.search(t)]
    assert plurals == [], f"{page} ({language}) writes a lazy plural: {plurals}"  # issue 24
    if language == "fr":
        _speaks_french(app, page)
    else:  # English writes 17%, not the French 17 % (issue 24)
        spaced = sorted({str(v)[:60] for frame in app.dataframe for c in OWN_SENTENCES if c in frame.value.columns
                         for v in frame.value[c].dropna().head(300) if re.search(r"\d %", str(v))})[:5]
        assert spaced == [], f"{page} (en) writes percentages the French way: {spaced}"
    return app


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_sample_pages_read_well(sample_db, tmp_path, monkeypatch, page, language):
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    params = {"project": "00125232"} if page == "project" else {}
    _check(db, page, language, monkeypatch, **params)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_real_portfolio_pages_read_well(real_db, page, language, monkeypatch):
    _check(real_db, page, language, monkeypatch)


def test_french_indicator_page_speaks_french_and_keeps_its_filters_in_the_url(sample_db, tmp_path, monkeypatch):
    db = tmp_path / "p.duckdb"
    db.write_bytes(sample_db.read_bytes())
    app = _check(db, "indicators", "fr", monkeypatch, status="behind", q="recrutement")
    table = app.dataframe[0].value
    assert set(table["status"]) == {"en retard"}
    assert all("recrutement" in (s + r).lower() for s, r in zip(table["statement"], table["reason"], strict=True))
    assert app.query_params["status"] in ("behind", ["behind"]) and app.query_params["q"] in ("recrutement", ["recrutement"])
    assert "Base → actuel → cible" in _headers(app)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_gender_with_no_gewe_figure_says_so_once(real_db, sample_db, language, monkeypatch):
    """The real portfolio's files hold no GEWE amount, marker or split by sex: no four "—" figures, no
    91-row table of dashes, one sentence that says what to ingest (issue 24)."""
    real = open_page(real_db, "gender", language, monkeypatch)
    assert [m.label for m in real.metric] == [] and len(real.dataframe) == 0
    assert [i.value for i in real.info] == [t("no_gender_figure", language)]
    samples = open_page(sample_db, "gender", language, monkeypatch)
    assert [m.label for m in samples.metric][:2] == [column_label("gewe_allocated_usd", language), t("gewe_share", language)]
    women = next(frame.value for frame in samples.dataframe if "women_share" in frame.value.columns)
    assert women["project"].str.startswith(("Peers for Peace", "Appui au nouveau", "Lutte contre")).all()  # titles


def test_an_outcome_opened_on_the_project_page_shows_its_indicators(sample_db, monkeypatch):
    """Closed outcomes are not drawn (a long project has dozens of tables); opening one draws its
    indicators, headed and written in the page's language."""
    app = open_page(sample_db, "project", "fr", monkeypatch, project="PBF/MLI/A-2")
    closed = len(app.dataframe)
    outcomes = [e for e in app.expander if e.label.startswith(("Résultat", "Effet"))]
    assert len(outcomes) == 3, [e.label for e in app.expander]
    for number in ("1", "2", "3"):
        app.session_state[f"outcome-PBF/MLI/A-2-{number}"] = True
    app.run()
    assert not app.exception and len(app.dataframe) == closed + 3
    assert [h for h in _headers(app) if INTERNAL.match(str(h))] == []
    _speaks_french(app, "project")


def test_a_count_takes_the_singular_or_the_plural_of_its_language():
    """`1 data-quality flag`, `2 data-quality flags`; French counts 0 and 1 as singular (CLDR)."""
    from ui.i18n import left_out_note, tn

    assert [tn("why_flags", n, "en") for n in (0, 1, 2)] == ["0 data-quality flags", "1 data-quality flag",
                                                              "2 data-quality flags"]
    assert [tn("why_flags", n, "fr") for n in (0, 1, 2)] == ["0 alerte qualité", "1 alerte qualité", "2 alertes qualité"]
    note = left_out_note({"delivery_implausible": 1, "spending_without_budget": 3}, "fr")
    assert "1 projet au taux" in note and "3 projets avec des dépenses" in note and "(s)" not in note


def test_countries_are_named_as_people_write_them():
    from loaders.normalise.countries import country_name

    assert [country_name(c, "en") for c in ("COD", "HTI", "CAF", "BOL", "XKX")] == [
        "Democratic Republic of the Congo", "Haiti", "Central African Republic", "Bolivia", "Kosovo"]
    assert [country_name(c, "fr") for c in ("COD", "HTI", "CAF", "BOL", "CIV")] == [
        "République démocratique du Congo", "Haïti", "République centrafricaine", "Bolivie", "Côte d’Ivoire"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_attention_list_shows_its_link_and_rates_first(real_db, language, monkeypatch):
    """At 1400 px the attention list's link to each project and its rates come before the long
    'why' sentence, and a project left out of the totals is never said to have an implausible
    'delivery -1,330% after 100% of the time' (issue 24)."""
    app = open_page(real_db, "overview", language, monkeypatch)
    frame = next(f for f in app.dataframe if "open" in f.value.columns)
    order = list(frame.proto.column_order) or list(frame.value.columns)
    assert order[:4] == ["title", "open", "delivery_rate", "time_elapsed"], order
    whys = [w for w in frame.value["why"] if re.search(r"-\d", str(w))]
    assert whys == [], whys


def test_the_warnings_counted_beside_files_can_be_read(real_db, monkeypatch):
    """The Data page counts 133 warnings on the real portfolio: each can be read below the list (issue 24)."""
    for language, title in (("en", "Warnings from reading the files"), ("fr", "Avertissements à la lecture des fichiers")):
        app = open_page(real_db, "data", language, monkeypatch)
        box = next(e for e in app.expander if e.label.startswith(title))
        listed = next(f for f in app.dataframe if "warning" in f.value.columns).value
        counted = int(next(f for f in app.dataframe if "warnings" in f.value.columns).value["warnings"].sum())
        assert f"({counted}" in box.label and len(listed) == counted > 0


def test_reviewer_comments_are_listed_once_on_the_project_page(sample_db, monkeypatch):
    """The CAF–CMR report's reviewer comments appear in the comments table, not again as flags (issue 24)."""
    app = open_page(sample_db, "project", "en", monkeypatch, project="00125232")
    tables = [f.value for f in app.dataframe]
    comments = next(t for t in tables if "author" in t.columns)
    flagged = [t for t in tables if "value_a" in t.columns]
    assert not any("code" in t.columns for t in flagged)  # the message says what the flag is, once
    assert len(comments) > 0 and flagged
    assert not any(str(v).startswith("reviewer comment") for t in flagged for v in t["message"]), flagged[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_delivery_page_does_not_send_its_reader_to_itself(real_db, language, monkeypatch):
    """'They are listed on the Delivery page', read on the Delivery page (issue 24): it says 'below'."""
    app = open_page(real_db, "delivery", language, monkeypatch)
    notes = [c.value for c in app.caption if "hors des totaux" in c.value or "Left out of the totals" in c.value]
    assert notes and not any("Delivery page" in n or "page Exécution financière" in n for n in notes), notes
    assert any("below" in n or "ci-dessous" in n for n in notes), notes


def test_a_project_known_from_exports_says_it_has_no_report_yet(real_db, monkeypatch):
    """Real portfolio: 'Reports over time' held one blank row beside a 70.3 % headline, and 'No
    indicator for these projects' for one project (issue 24)."""
    app = open_page(real_db, "project", "en", monkeypatch)
    captions = [c.value for c in app.caption]
    assert any(c.startswith("No progress report for this project yet") for c in captions), captions
    assert any(c.startswith("No indicator for this project") for c in captions), captions
    assert not [f for f in app.dataframe if "implementation_rate" in f.value.columns]


@pytest.mark.parametrize("language,amount,message", [
    ("en", "$518,414 (report_donors_pbf.csv)", "expenditure is above the budget (2013)"),
    ("fr", "518\u202f414\u00a0$US (report_donors_pbf.csv)", "les dépenses dépassent le budget (2013)")])
def test_a_flag_names_its_money_and_its_year(real_db, language, amount, message, monkeypatch):
    """Real portfolio: a flag read 'expenditure is above the budget 669.28 (report_donors_pbf.csv) vs
    628.0' — no unit, no year (issue 24). Its amounts are money in the page's format, its year named."""
    app = open_page(real_db, "project", language, monkeypatch, project="00049570")
    flags = next(f.value for f in app.dataframe if "value_a" in f.value.columns)
    row = flags[flags["value_a"].str.startswith(amount[:3])].iloc[0]
    assert row["value_a"] == amount and row["message"] == message


def test_a_negative_progress_says_the_indicator_moved_away(sample_db, monkeypatch):
    """Issue 24: `-50%` beside an empty bar and '-50% of the way to target' said nothing a reader could use."""
    app = open_page(sample_db, "indicators", "en", monkeypatch, status="behind")
    table = app.dataframe[0].value
    row = table[table["code"] == "2.2.2"].iloc[0]
    assert row["status_reason"] == "current 0 has moved away from target 30 since baseline 10, 59% of time elapsed"


def test_projects_behind_are_counted_of_those_that_can_be_judged(sample_db, monkeypatch):
    """Issue 24: 'Projects behind 1 of 3 with dates' beside '2 of 5 projects drawn' — a project with dates but no
    delivery rate cannot be behind; the base is the 2 with both."""
    app = open_page(sample_db, "delivery", "en", monkeypatch)
    behind = next(m for m in app.metric if m.label == "Projects behind")
    assert behind.value == "1" and behind.proto.delta == "of 2 that can be judged"
    assert any(c.value.startswith("2 of 5 projects drawn") for c in app.caption)


@pytest.mark.parametrize("language,rest", [("en", "And 2 more: no data 2."), ("fr", "Et 2 de plus : pas de données 2.")])
def test_the_indicator_cards_add_up_to_their_total(sample_db, monkeypatch, language, rest):
    """Review: the Indicators page's four status cards added up to 70 beside a total of 72 (two with no data)."""
    app = open_page(sample_db, "indicators", language, monkeypatch)
    assert [m.value for m in app.metric][0] == "72" and rest in [c.value for c in app.caption]


@pytest.mark.parametrize("language,start", [("en", "Not in these charts: "), ("fr", "Hors de ces graphiques : ")])
def test_projects_without_a_gender_marker_are_said_not_drawn(sample_db, real_db, language, start, monkeypatch):
    """Issue 24's review: on the samples and the real portfolio together, a bar of projects that state no
    marker dwarfed the markers' bars. The charts draw the stated markers; the rest is one sentence."""
    import duckdb

    both = real_db.with_name("both-markers.duckdb")
    if not both.exists():
        both.write_bytes(real_db.read_bytes())
        assert not ingest([SAMPLES], both).failures
    with duckdb.connect(str(both), read_only=True) as con:
        unstated = con.execute("SELECT count(*) FROM mx_project_facts WHERE gender_marker IS NULL").fetchone()[0]
    app = open_page(both, "gender", language, monkeypatch)
    said = [c.value for c in app.caption if c.value.startswith(start)]
    assert len(said) == 1 and f" {unstated} " in said[0], [c.value for c in app.caption]
