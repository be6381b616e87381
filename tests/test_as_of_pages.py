"""The pages as of a date and since a reporting round (issue 25), on the generated series of one
project (tests/variants/series.py; figures worked out in tests/test_as_of.py): the Overview's
headline changes since the previous round and its list of what changed, the as-of date from the
URL, and the Project page's last report and its warning when reports stop."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_history import PROJECT, _store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("asof-pages"), "text")


def _page(store, monkeypatch, page: str, **params) -> AppTest:
    monkeypatch.setenv("LENS_DB", str(store))
    monkeypatch.chdir(ROOT)
    app = AppTest.from_file(str(ROOT / "views" / f"{page}.py"), default_timeout=90)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _deltas(app) -> dict:
    return {m.label: (m.value, m.proto.delta) for m in app.metric}


@pytest.mark.parametrize("language,expected", [
    ("en", {"Delivery rate": ("55.0%", "+18.0 pts"), "Projects": ("1", "="), "Indicators": ("18", "")}),
    ("fr", {"Taux d'exécution": ("55,0\u00a0%", "+18,0 pts"), "Projets": ("1", "=")})])
def test_the_overview_compares_with_the_previous_round(store, monkeypatch, language, expected):
    app = _page(store, monkeypatch, "overview", lang=language)
    deltas = _deltas(app)
    assert {label: deltas[label] for label in expected} == expected  # 37 % → 55 %
    caption = next(c.value for c in app.caption if c.value.startswith(("Arrows", "Flèches")))
    assert caption.endswith("Indicators since then: 0 improved, 1 worsened." if language == "en"
                            else "Indicateurs depuis cette date : 0 en progrès, 1 en recul.")  # 1.1.1: on track → behind
    # every arrow is a change since (the GEWE share did not move); its distance to the PBF target said beside
    assert deltas["GEWE share" if language == "en" else "Part EGAF"][1] == "="
    assert ("GEWE share: −8.3 pts vs PBF 30%." if language == "en" else "Part EGAF : −8,3 pts vs cible PBF 30\u00a0%.") \
        in caption
    assert app.selectbox[0].value == "2020-12-31"  # the round before June 2021's
    changed = next(f.value for f in app.dataframe if "happened" in f.value.columns).iloc[0]
    # one column per question, read at 1400 px: delivery then → now, the indicators that moved, what else changed
    if language == "en":
        assert (changed["delivery"], changed["indicators"]) == ("37.0% → 55.0%", "1 worsened · 0 improved")
        assert changed["happened"] == "End date moved (31 Dec 2021 → 30 Jun 2022)"  # not behind at 60 % of the time
    else:
        assert (changed["delivery"], changed["indicators"]) == ("37,0\u00a0% → 55,0\u00a0%", "1 en recul · 0 en progrès")
        assert changed["happened"] == "Date de fin déplacée (31 déc. 2021 → 30 juin 2022)"


def test_the_overview_as_of_a_date_from_the_url(store, monkeypatch):
    app = _page(store, monkeypatch, "overview", lang="en", as_of="2020-12-31")
    assert _deltas(app)["Delivery rate"] == ("37.0%", "+17.0 pts")  # the November report, against June 2020's 20 %
    assert app.caption[0].value == "As of 31 Dec 2020: each project's latest report whose period had ended by then."
    assert app.date_input[0].value.isoformat() == "2020-12-31"
    app.selectbox[0].select_index(0).run()  # compared with nothing: no arrows but the target's, no list of changes
    assert [delta for _, delta in _deltas(app).values()] == ["", "", "", "−8.3 pts vs PBF 30%", ""]
    assert not any("happened" in f.value.columns for f in app.dataframe)


def test_as_of_the_end_of_2021_the_project_fell_behind_since_the_round_before(store, monkeypatch):
    """As of 31 Dec 2021, 80 % of the time has elapsed (Jan 2020 → Jun 2022) against 55 % delivered: behind; as
    of 31 Dec 2020, 40 % against November's 37 %: not behind. The list says so beside the end date moved."""
    app = _page(store, monkeypatch, "overview", lang="en", as_of="2021-12-31")
    changed = next(f.value for f in app.dataframe if "happened" in f.value.columns).iloc[0]
    assert changed["happened"] == "Fell behind · End date moved (31 Dec 2021 → 30 Jun 2022)"
    # the attention list says which report the rate is from: the time elapsed is taken at the date chosen
    why = next(f.value for f in app.dataframe if "why" in f.value.columns).iloc[0]["why"]
    assert why.startswith("delivery 55% (Jun 2021 report) after 80% of the time")
    french = _page(store, monkeypatch, "overview", lang="fr", as_of="2021-12-31")
    why = next(f.value for f in french.dataframe if "why" in f.value.columns).iloc[0]["why"]
    assert why.startswith("exécution 55\u00a0% (rapport de juin 2021) après 80\u00a0% du temps")
    today = next(f.value for f in _page(store, monkeypatch, "overview", lang="en").dataframe if "why" in f.value.columns)
    assert " report) " not in " ".join(today["why"])  # without a chosen date both are taken at the report's date


def test_the_project_page_says_when_the_last_report_came_and_when_reports_stopped(store, monkeypatch):
    app = _page(store, monkeypatch, "project", lang="en", project=PROJECT)
    assert "Last report: Jun 2021" in [c.value for c in app.caption]  # ended 30 Jun 2022: no report owed today
    assert app.caption[0].value.endswith("· figures and time elapsed as of 30 Jun 2021")  # the June report's date
    late = _page(store, monkeypatch, "project", lang="fr", project=PROJECT, as_of="2022-03-01")
    assert [w.value for w in late.warning if w.value.startswith("Aucun rapport")] == [
        "Aucun rapport depuis le 30 juin 2021 : plus de 7 mois pour un projet encore ouvert."]


@pytest.mark.parametrize("page", ["delivery", "gender", "indicators", "project", "data"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_runs_as_of_a_date_and_keeps_it_in_the_url(store, monkeypatch, page, language):
    app = _page(store, monkeypatch, page, lang=language, as_of="2020-12-31", project=PROJECT)
    assert app.date_input[0].value.isoformat() == "2020-12-31" and app.query_params["as_of"] == "2020-12-31"
    if page in ("delivery", "project"):  # the November report's 37 %, not June 2021's 55 %
        assert ("37.0%" if language == "en" else "37,0\u00a0%") in [m.value for m in app.metric]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_project_known_from_exports_shows_its_money_year_by_year(tmp_path, monkeypatch, language):
    from loaders.ingest import ingest
    from tests.conftest import SHARED

    db = tmp_path / "real.duckdb"
    ingest([SHARED / "realdata"], db)
    app = _page(db, monkeypatch, "project", lang=language, project="00014821")
    years = next(f.value for f in app.dataframe if "delivery_to_date" in f.value.columns)
    assert list(years["fiscal_year"]) == ["2011", "2012"]
    assert [round(v, 2) for v in years["delivery_to_date"]] == [99.77, 99.30]  # shown as percentages


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_project_page_as_of_a_date_shows_only_the_reports_by_then(store, monkeypatch, language):
    """As of 31 December 2020 the June 2021 report is not yet written: the report list, the indicators across
    reports and the outcome ratings stop at November 2020 (outcome 1 on track twice, not yet off track)."""
    app = _page(store, monkeypatch, "project", lang=language, project=PROJECT, as_of="2020-12-31")
    reports = next(f.value for f in app.dataframe if "implementation_rate" in f.value.columns)
    assert [round(r, 6) for r in reports["implementation_rate"]] == [20, 37]  # shown as %
    trajectory = next(f.value for f in app.dataframe if "changes" in f.value.columns).set_index("code")
    assert [c for c in trajectory.columns if "·" in c] == (["Jun 2020 · semi-annual", "Nov 2020 · annual"]
                                                          if language == "en" else
                                                          ["juin 2020 · semestriel", "nov. 2020 · annuel"])
    assert trajectory.loc["1.1.1", "target_raw"] == "30" and trajectory.loc["1.1.1", "changes"] == ""
    ratings = next(f.value for f in app.dataframe if "outcome" in f.value.columns and "changes" not in f.value.columns
                   and "code" not in f.value.columns)
    assert list(ratings.iloc[0].iloc[1:]) == (["on track"] * 2 if language == "en" else ["en bonne voie"] * 2)


def test_the_since_caption_names_the_gewe_target_only_over_enough_of_the_portfolio():
    """Over under half the portfolio's budget (3 of 96 projects on both portfolios together) the GEWE share
    is not judged against the PBF target: the caption leaves the distance out, the note says why."""
    from ui.i18n import versus
    from ui.since import since_caption

    judged = since_caption("2020-12-31", (0, 1), versus(0.311, "pbf_target"), judged=True)
    assert "GEWE share: +1.1 pts vs PBF 30%." in judged
    thin = since_caption("2020-12-31", (0, 1), versus(0.311, "pbf_target", judged=False), judged=False)
    assert "vs PBF" not in thin and thin.endswith("Indicators since then: 0 improved, 1 worsened.")
