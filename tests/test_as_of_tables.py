"""The facts as of a date computed once per open store (metrics/as_of_tables.py) give every metric
the same answer as computing them afresh in each query: on a synthetic portfolio with several
reports per project, at dates that change which report is current, with and without filters, for
the headline figures, what changed since a round and the attention list. Kept only on a read-only
connection, at most KEEP dates, built once when two threads ask at the same moment."""
from __future__ import annotations

import threading

import duckdb
import pytest

import metrics.as_of_tables as as_of_tables
from bench.make_portfolio import build
from metrics import attention, changes, delivery, gender, indicators, quality, summary
from metrics.base import Filters
from tests.test_live_and_stored import _same

CALLS = [
    (summary.headline, ()), (delivery.delivery_by_country, ()), (delivery.delivery_by_agency, ()),
    (attention.projects_needing_attention, ()), (attention.projects_needing_attention, (5,)),
    (indicators.indicator_table, ()), (indicators.status_counts, ()), (indicators.delay_reason_counts, ()),
    (gender.gewe_by_project, ()), (gender.sex_disaggregated, ("project",)), (quality.quality_flags, ()),
]
DATES = ("2019-12-31", "2021-06-30", "2022-03-15")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("as-of-tables") / "synthetic.duckdb"
    build(db, 60, seed=5)
    return db


def _filters(con) -> list[Filters]:
    country = con.execute("SELECT countries[1] FROM mx_project_facts WHERE len(countries) > 0 LIMIT 1").fetchone()[0]
    agency = con.execute("SELECT agency FROM mx_agency_lines LIMIT 1").fetchone()[0]
    outcome = con.execute("SELECT project_key || '::' || outcome FROM mx_indicators WHERE outcome IS NOT NULL "
                          "LIMIT 1").fetchone()[0]
    return [Filters(as_of=d) for d in DATES] + [Filters(as_of=DATES[1], country=country),
                                                Filters(as_of=DATES[1], agency=agency),
                                                Filters(as_of=DATES[2], outcome=outcome)]


def _answers(con, filters: list[Filters]) -> list:
    answers = []
    for f in filters:
        answers += [function(con, f, *args) for function, args in CALLS]
        answers.append(changes.project_changes(con, f, "2019-06-30"))
        answers.append(changes.indicator_changes(con, f, "2020-12-31"))
    return answers


def test_the_tables_as_of_a_date_answer_as_the_queries_computed_afresh(store, monkeypatch):
    monkeypatch.setattr(as_of_tables, "KEEP", 10)
    with duckdb.connect(str(store), read_only=True) as con:
        filters = _filters(con)
        kept = _answers(con, filters)
        schemas = {row[0] for row in con.execute("SELECT schema_name FROM duckdb_schemas() "
                                                 "WHERE database_name = 'lens_as_of'").fetchall()}
        monkeypatch.setattr(as_of_tables, "ENABLED", False)
        afresh = _answers(con, filters)
    assert {"d20191231", "d20210630", "d20220315"} <= schemas  # the tables were built, and read
    for f, a, b in zip([f for f in filters for _ in range(len(CALLS) + 2)], kept, afresh, strict=True):
        _same(a, b, f"{f}")
    # the dates differ from each other: the comparison is not of one answer with itself
    assert kept[0]["projects"] < kept[len(CALLS) + 2]["projects"]
    assert sum(len(frame) for frame in kept[len(CALLS)::len(CALLS) + 2]) > 0  # some projects changed


def test_only_a_read_only_connection_keeps_them_and_at_most_keep_dates(store, tmp_path, monkeypatch):
    copy = tmp_path / "writable.duckdb"
    copy.write_bytes(store.read_bytes())
    with duckdb.connect(str(copy)) as con:  # a connection that may write computes afresh
        assert as_of_tables.tables_for(con, Filters(as_of="2021-06-30")) is None
    monkeypatch.setattr(as_of_tables, "KEEP", 2)
    with duckdb.connect(str(store), read_only=True) as con:
        assert as_of_tables.tables_for(con, Filters()) == ""  # today: the stored tables
        for day in ("2020-06-30", "2020-12-31", "2021-06-30"):
            assert as_of_tables.tables_for(con, Filters(as_of=day)) == f"lens_as_of.d{day.replace('-', '')}."
        kept = {row[0] for row in con.execute("SELECT schema_name FROM duckdb_schemas() WHERE database_name = "
                                              "'lens_as_of' AND schema_name LIKE 'd%'").fetchall()}
    assert kept == {"d20201231", "d20210630"}


def test_a_date_read_once_or_for_one_project_is_not_kept_but_read_when_kept(store):
    """A comparison's "then" (read once) and one project's statuses report by report are cheaper computed
    afresh than the whole portfolio kept: they build nothing, and read a date's tables already kept."""
    with duckdb.connect(str(store), read_only=True) as con:
        project = con.execute("SELECT min(project_key) FROM mx_project_facts").fetchone()[0]
        assert as_of_tables.tables_for(con, Filters(as_of="2020-03-31"), keep=False) is None
        assert as_of_tables.tables_for(con, Filters(project=project, as_of="2020-03-31")) is None
        assert con.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'lens_as_of'").fetchone()[0] \
            == 0  # nothing was built
        assert as_of_tables.tables_for(con, Filters(as_of="2020-03-31")) == "lens_as_of.d20200331."
        assert as_of_tables.tables_for(con, Filters(as_of="2020-03-31"), keep=False) == "lens_as_of.d20200331."
        assert as_of_tables.tables_for(con, Filters(project=project, as_of="2020-03-31")) == "lens_as_of.d20200331."


def test_two_threads_asking_for_one_date_build_it_once(store, monkeypatch):
    built = []
    real_build = as_of_tables._build
    monkeypatch.setattr(as_of_tables, "_build", lambda con, as_of, schema: (built.append(schema),
                                                                            real_build(con, as_of, schema)))
    with duckdb.connect(str(store), read_only=True) as con:
        answers, errors = [], []

        def ask():
            cursor = con.cursor()
            try:
                answers.append(summary.headline(cursor, Filters(as_of="2021-03-31"))["projects"])
            except Exception as error:  # noqa: BLE001 - the assertion below names it
                errors.append(error)
            finally:
                cursor.close()

        threads = [threading.Thread(target=ask) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors and built == ["d20210331"] and len(set(answers)) == 1 and answers[0] > 0


def test_a_date_pushed_out_between_finding_and_reading_its_tables_is_built_again(store, monkeypatch):
    """Another session's dates may drop this date's tables (past KEEP) after a query found them: the
    query builds them again instead of failing."""
    import metrics.query

    real = metrics.query.tables_for
    calls = []

    def dropped_after_finding(con, filters, keep=True):
        prefix = real(con, filters, keep)
        if prefix and not calls:  # the first time: gone before the query reads them
            con.execute(f"DROP SCHEMA {prefix.rstrip('.')} CASCADE")
        calls.append(prefix)
        return prefix

    monkeypatch.setattr(metrics.query, "tables_for", dropped_after_finding)
    with duckdb.connect(str(store), read_only=True) as con:
        kept = summary.headline(con, Filters(as_of="2020-09-30"))
        monkeypatch.setattr(as_of_tables, "ENABLED", False)
        afresh = summary.headline(con, Filters(as_of="2020-09-30"))
    assert calls[:2] == ["lens_as_of.d20200930."] * 2 and kept == afresh
