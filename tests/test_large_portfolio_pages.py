"""Pages on a portfolio of thousands (a synthetic 2,500-project store, `bench/make_portfolio.py`):
what a page sends the browser stays the size a person can read — the delivery scatter counts its
points per cell, the project chooser lists the largest and a search finds the rest — and every
page still reads well in both languages."""
from __future__ import annotations

import pytest

from bench.make_portfolio import build
from tests.charts_drawn import chart_elements, figures
from tests.test_what_a_person_reads import _check, open_page
from ui.charts import density_grid
from ui.i18n import fmt_pct, t

PAGES = ["overview", "delivery", "gender", "indicators", "project", "data"]


@pytest.fixture(scope="module")
def large_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("large") / "p2500.duckdb"
    build(db, 2500, seed=7)
    return db


def _page(db, page, monkeypatch, language="en", **params):
    return open_page(db, page, language, monkeypatch, **params)


def test_density_grid_counts_each_point_once_in_its_cell():
    """Worked by hand: cells of 0.05 over x 0–0.10 and y 0–0.10. (0, 0) and (0.04, 0.01) share the
    first cell; (0.05, 0.05) opens the next on both axes; 0.10 is the range's end, counted in the last."""
    grid = density_grid([0.0, 0.04, 0.05, 0.10], [0.0, 0.01, 0.05, 0.10], 0.05, (0.0, 0.10), (0.0, 0.10))
    assert [round(x, 3) for x in grid["x"]] == [0.025, 0.075] and [round(y, 3) for y in grid["y"]] == [0.025, 0.075]
    assert grid["z"] == [[2, None], [None, 2]]


def test_the_scatter_counts_thousands_of_projects_per_cell(large_db, monkeypatch):
    app = _page(large_db, "delivery", monkeypatch)
    assert not app.exception, [e.value for e in app.exception]
    specs = [c.proto.json for c in chart_elements(app)]
    scatter = next(f for f in figures(app) if "Time elapsed" in f["layout"]["title"]["text"])
    kinds = [trace.get("type", "scatter") for trace in scatter["data"]]
    assert kinds[0] == "heatmap" and "scattergl" not in kinds
    counted = sum(c for row in scatter["data"][0]["z"] for c in row if c)
    drawable = next(c.value for c in app.caption if "too many to draw" in c.value)
    assert drawable.startswith(f"{counted:,} projects")  # every plotted project is in one cell
    assert max(len(s) for s in specs) < 60_000  # was 1.5 MB at 20,000 projects, 190 KB at 2,500


def test_the_delivery_page_leads_with_its_figures(large_db, monkeypatch):
    app = _page(large_db, "delivery", monkeypatch, language="fr")
    labels = [m.label for m in app.metric]
    assert labels == ["Budget", "Dépenses", "Taux d'exécution", "Projets en retard"]
    behind, dated = app.metric[3].value, app.metric[3].proto.delta
    assert int(behind.replace("\u202f", "").replace("\xa0", "")) > 0 and dated.startswith("sur 2") and "évaluables" in dated
    heatmap = next(f for f in figures(app) if f["data"][0].get("type") == "heatmap")["data"][0]
    assert "%{x" not in heatmap["hovertemplate"] and "%{text}" in heatmap["hovertemplate"]
    r, c = next((r, c) for r, row in enumerate(heatmap["z"]) for c, n in enumerate(row) if n)  # a cell with projects
    cell = f"{t('time_elapsed', 'fr')} ≈ {fmt_pct(heatmap['x'][c], 'fr', 0)}<br>"
    assert heatmap["text"][r][c] == cell + f"{t('delivery_rate', 'fr')} ≈ {fmt_pct(heatmap['y'][r], 'fr', 0)}"
    assert "\xa0%" in cell  # `45 %`, as French writes it


def _chooser(app):
    return next(s for s in app.selectbox if s.label == "Project")


def test_the_chooser_lists_the_largest_and_finds_any_other(large_db, monkeypatch):
    app = _page(large_db, "project", monkeypatch)
    listed = [o.split(" · ")[0] for o in _chooser(app).options]
    assert len(listed) == 500
    assert any(c.value.startswith("Listing 500 of 2,500 projects") for c in app.caption)
    outside = next(f"{100000 + n:08d}" for n in range(2500) if f"{100000 + n:08d}" not in listed)
    app.text_input(key="project_search").input(outside).run()
    assert [o.split(" · ")[0] for o in _chooser(app).options] == [outside]
    assert not app.exception and outside in app.caption[0].value  # the page now shows that project
    app.text_input(key="project_search").input("no such project").run()
    assert any("No project matches" in i.value for i in app.info)
    app = _page(large_db, "project", monkeypatch, project=outside)  # named in the address: listed, chosen
    assert _chooser(app).value == outside


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("page", PAGES)
def test_large_portfolio_pages_read_well(large_db, page, language, monkeypatch):
    _check(large_db, page, language, monkeypatch)


def test_the_gender_page_leads_with_its_figures_and_a_share_below_target_points_down(large_db, monkeypatch):
    from streamlit.proto.Metric_pb2 import Metric

    app = _page(large_db, "gender", monkeypatch, language="fr")
    assert [m.label for m in app.metric] == ["EGAF alloué (USD)", "Part EGAF", "EGAF dépensé (USD)", "Taux de dépense EGAF"]
    share = app.metric[1]
    below = float(share.value.replace(",", ".").rstrip(" %\u202f\xa0")) < 30
    assert share.proto.delta.startswith("−" if below else "+")
    assert share.proto.delta.endswith(" vs cible PBF 30\xa0%")
    assert share.proto.color == (Metric.MetricColor.RED if below else Metric.MetricColor.GREEN)
    assert share.proto.direction == (Metric.MetricDirection.DOWN if below else Metric.MetricDirection.UP)


def test_delivery_draws_the_open_tab_only(large_db, monkeypatch):
    def titles(app):
        return [f["layout"]["title"]["text"] for f in figures(app)]

    app = _page(large_db, "delivery", monkeypatch)
    assert len(titles(app)) == 2  # the country bars and the scatter, not the agency or outcome bars
    app.session_state["delivery_by"] = "By agency"
    app.run()
    assert not app.exception and len(titles(app)) == 2
    agency = next(f for f in figures(app) if "Time" not in f["layout"]["title"]["text"])
    labels = set(agency["data"][0]["y"])
    assert labels and not labels & {"Mali", "Niger", "Togo"}  # agencies, not countries
