"""Figures a person can take at face value. On the samples, the real portfolio and two synthetic
ones (four hand-built projects, and 300 generated), every headline rate of the Overview, Delivery
and Gender pages equals the ratio of the sums its base sentence names, worked out here from the
per-project figures with pandas; and the country rows add up to the portfolio, or the page says
what they add up to and names the projects counted in several countries."""
from __future__ import annotations

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric

from bench.make_portfolio import build
from loaders.ingest import ingest
from tests.conftest import SAMPLES, SHARED
from tests.portfolio_factory import build_portfolio
from tests.test_what_a_person_reads import open_page
from ui.i18n import fmt_money_short, fmt_number, fmt_pct

PAGES = {"overview": ("delivery_rate", "gewe_share"), "delivery": ("delivery_rate",),
         "gender": ("gewe_share", "gewe_spend_rate")}
LABELS = {"delivery_rate": "Delivery rate", "gewe_share": "GEWE share", "gewe_spend_rate": "GEWE spend rate"}


@pytest.fixture(scope="module", params=["samples", "real", "samples+real", "hand-built", "generated"])
def store(request, tmp_path_factory):
    db = tmp_path_factory.mktemp(request.param) / "p.duckdb"
    if request.param in ("samples", "samples+real"):
        assert not ingest([SAMPLES], db).failures
    if request.param in ("real", "samples+real"):
        assert not ingest([SHARED / "realdata"], db).failures
    if request.param == "hand-built":
        build_portfolio(db)
    if request.param == "generated":
        build(db, 300, 5)
    return db


def facts(db) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT * FROM mx_project_facts").df()
    finally:
        con.close()


def expected_bases(f: pd.DataFrame) -> dict:
    """Each rate, its base in money and in projects, and the figure its page shows beside it, by hand."""
    included = f[f["left_out_reason"].isna()]
    delivered = included[included["delivery_rate"].notna()]
    gewe = f[f["gender_allocated_usd"].notna() & (f["budget_usd"] > 0)]
    spend = f[f["gender_spent_usd"].notna() & (f["gender_allocated_usd"] > 0)]
    return {
        "delivery_rate": (delivered["expenditure_estimate_usd"].sum() / delivered["budget_usd"].sum()
                          if delivered["budget_usd"].sum() else None, delivered["budget_usd"].sum(), len(delivered),
                          included["budget_usd"].sum()),
        "gewe_share": (gewe["gender_allocated_usd"].sum() / gewe["budget_usd"].sum() if len(gewe) else None,
                       gewe["budget_usd"].sum(), len(gewe), included["budget_usd"].sum()),
        "gewe_spend_rate": (spend["gender_spent_usd"].sum() / spend["gender_allocated_usd"].sum() if len(spend) else None,
                            spend["gender_allocated_usd"].sum(), len(spend),
                            f.loc[f["budget_usd"] > 0, "gender_allocated_usd"].sum()),
    }


def run(db, page: str, monkeypatch):
    # the Overview compared with nothing: its GEWE arrow is then the distance to the target checked here (compared
    # with a round, every arrow is the change since: tests/test_as_of_pages.py)
    app = open_page(db, page, "en", monkeypatch, **({"since": "none"} if page == "overview" else {}))
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_headline_rate_is_the_ratio_its_base_sentence_names(store, page, monkeypatch):
    f = facts(store)
    app = run(store, page, monkeypatch)
    shown = {m.label: m.value for m in app.metric}
    captions = " ".join(c.value for c in app.caption)
    projects = len(f)
    checked = 0
    for rate in PAGES[page]:
        value, base, n, beside = expected_bases(f)[rate]
        if LABELS[rate] not in shown:  # the Gender page shows no figures when no file gives a GEWE amount
            assert page == "gender" and not f["gender_allocated_usd"].notna().any()
            continue
        assert shown[LABELS[rate]] == fmt_pct(value, "en"), (rate, shown)
        sentence = (f"{LABELS[rate]} {fmt_pct(value, 'en')} is taken over {fmt_money_short(base, 'en')}"
                    f"{',' if rate != 'gewe_spend_rate' else ''}")
        needed = n != projects or abs(base - beside) >= 0.5 or (page, rate) == ("gender", "gewe_share")
        if value is None:
            assert LABELS[rate] + " " not in captions
        elif needed:
            assert sentence in captions, (sentence, captions)
            assert f"the {fmt_number(n, 'en')} of {fmt_number(projects, 'en')} projects" in captions
            checked += 1
        else:
            assert sentence not in captions  # over every project and the very figure beside it: nothing to say
    included = f[f["left_out_reason"].isna()]
    budgeted = included["budget_usd"].notna().sum()
    if page in ("overview", "delivery") and budgeted < projects:  # the budget says over how many projects it sums
        assert (f"Budget {fmt_money_short(included['budget_usd'].sum(), 'en')} adds up the {fmt_number(budgeted, 'en')} "
                f"of {fmt_number(projects, 'en')} projects") in captions, captions
        checked += 1
    share = next((m for m in app.metric if m.label == "GEWE share"), None)
    if share is not None and share.value != "—":  # the delta is judged only over half the budget or more
        _, base, _, _ = expected_bases(f)["gewe_share"]
        judged = base >= 0.5 * included["budget_usd"].sum()
        assert share.proto.delta.endswith("vs PBF 30%")
        assert (share.proto.color == Metric.MetricColor.GRAY) == (not judged)  # grey exactly when not judged
        assert ("too little to judge the portfolio against the target" in captions) != judged
    if page == "overview":
        checked += check_indicator_base(store, captions, projects)
    print(f"{page}: {checked} base sentences checked")


def check_indicator_base(db, captions: str, projects: int) -> int:
    """`The 72 indicators come from the 3 of 96 projects…` whenever some projects give no results table."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        total, with_table = con.execute("SELECT count(*), count(DISTINCT project_key) FROM mx_indicators").fetchone()
    finally:
        con.close()
    sentence = (f"The {fmt_number(total, 'en')} indicators come from the {fmt_number(with_table, 'en')} of "
                f"{fmt_number(projects, 'en')} projects")
    assert (sentence in captions) == (0 < with_table < projects), (sentence, captions)
    return int(sentence in captions)


def test_the_indicators_page_says_which_projects_its_counts_come_from(store, monkeypatch):
    app = run(store, "indicators", monkeypatch)
    check_indicator_base(store, " ".join(c.value for c in app.caption), len(facts(store)))


def test_country_rows_add_up_to_the_portfolio_or_the_page_says_by_how_much(store, monkeypatch):
    f = facts(store)
    included = f[f["left_out_reason"].isna()]
    rows = included.explode("countries").dropna(subset=["countries"])
    by_hand_rows, by_hand_total = rows["budget_usd"].sum(), included["budget_usd"].sum()
    joint = f[f["countries"].map(len) > 1]
    app = run(store, "delivery", monkeypatch)  # the By country tab is open first
    captions = " ".join(c.value for c in app.caption)
    if abs(by_hand_rows - by_hand_total) >= 0.5:
        assert (f"Country rows add up to {fmt_money_short(by_hand_rows, 'en')}; the portfolio is "
                f"{fmt_money_short(by_hand_total, 'en')}.") in captions, captions
    if len(joint):
        assert "count in full in each" in captions
    else:
        assert abs(by_hand_rows - by_hand_total) < 0.5 or (f["countries"].map(len) == 0).any()
        assert "Country rows add up to" not in captions or (f["countries"].map(len) == 0).any()
    overview = run(store, "overview", monkeypatch)
    captions = " ".join(c.value for c in overview.caption)
    per_country = int(f["countries"].map(len).sum())
    if per_country != len(f):
        assert f"Country rows add up to {fmt_number(per_country, 'en')} projects; the portfolio is " in captions
