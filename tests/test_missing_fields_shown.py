"""What a report did not yield is named: on the Project page (EN and FR), in the Data page's
preview record, and in the store beside the file."""
from __future__ import annotations

import duckdb

from loaders.uploads import preview
from tests.conftest import SAMPLES
from tests.test_pages import run


def test_project_page_names_the_missing_fields(env):
    english = run("project", project="PBF IRF-217")
    assert any("implementation rate, gender marker" in w.value for w in english.warning), [w.value for w in english.warning]
    french = run("project", project="PBF IRF-217", lang="fr")
    assert any("taux de mise en œuvre, marqueur genre" in w.value for w in french.warning), [w.value for w in french.warning]
    complete = run("project", project="PBF/MLI/A-2")
    assert not any("Not found in the current report" in w.value for w in complete.warning)


def test_the_store_keeps_missing_with_the_source(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    rows = dict(con.execute("SELECT file_name, missing FROM sources WHERE kind = 'progress_report'").fetchall())
    con.close()
    assert rows["ml-peers-for-peace-final-2019.txt"] == ["report.implementation_rate", "project.gender_marker"]
    assert rows["ml-cadre-crise-centre-annual-2020.txt"] == []


def test_the_preview_lists_missing_before_storing():
    text = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8")
    cut = text[: text.index("\tBudget PBF total approuvé")] + text[text.index("Taux de mise en œuvre"):]
    item = preview(cut.encode("utf-8"), "cut.txt")
    assert item["missing"] == ["project.total_budget_usd", "project.agencies[].budget_usd"] and item["error"] is None


def test_an_unstated_report_type_is_no_figure_left_out(env):
    """The CAF–CMR report states no report type: said in a line of its own, not as a figure "left out
    of the figures above" (issue 24); French puts a space before its colon."""
    for lang, line in (("en", "Not stated in the current report: report type."),
                       ("fr", "Non indiqué dans le rapport en cours : type de rapport.")):
        page = run("project", project="00125232", lang=lang)
        assert not any("report type" in w.value or "type de rapport" in w.value for w in page.warning)
        assert line in [c.value for c in page.caption], [c.value for c in page.caption]
