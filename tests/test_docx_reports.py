"""A .docx report in the English template: merged cells, a Word margin comment, labels that
differ from the French seeds. Built with python-docx in the test (no binary committed)."""
from __future__ import annotations

import pytest

from loaders.errors import UnreadableFile
from loaders.parse import parse_bytes
from tests.docx_factory import build_report_docx


@pytest.fixture(scope="module")
def parsed() -> dict:
    return parse_bytes(build_report_docx(), "english-report.docx")


def test_cover_fields_of_the_english_template(parsed):
    project, report = parsed["project"], parsed["report"]
    assert parsed["kind"] == "progress_report" and parsed["source"]["language"] == "en"
    assert project["title"] == "Youth and women in local peace committees"
    assert project["project_ids"] == ["00123456"] and project["countries"] == ["BFA"]
    assert (project["first_transfer_date"], project["end_date"]) == ("2021-02-03", "2022-12-31")
    assert (project["gender_marker"], project["risk_marker"]) == (2, 1)
    assert [(a["agency"], a["lead"], a["budget_usd"]) for a in project["agencies"]] == [
        ("UNDP", True, 1200000.0), ("UN Women", False, 800000.0)]
    assert project["total_budget_usd"] == 2000000.0
    assert report == {"type": "semi-annual", "date": "2022-06-15", "implementation_rate": 0.42,
                      "gender_allocated_usd": 600000.0, "gender_spent_usd": 150000.5,
                      "evaluation_budget_usd": 25000.0, "covid_adjustment_usd": None}


def test_every_results_row_is_read_through_merged_cells(parsed):
    rows = {i["code"]: i for i in parsed["indicators"]}
    assert list(rows) == ["1.1", "1.2", "1.1.1", "1.1.2"]
    assert (rows["1.2"]["level"], rows["1.2"]["outcome"], rows["1.2"]["output"]) == ("outcome", "1", None)
    assert (rows["1.1.2"]["level"], rows["1.1.2"]["output"]) == ("output", "1.1")
    assert rows["1.2"]["target"] == {"raw": "80%", "value": 80, "unit": "percent"}
    assert rows["1.2"]["baseline"]["unit"] == "percent"  # bare 0 beside a percent target
    assert rows["1.1.1"]["current"]["value"] == 1250 and rows["1.1.1"]["women"] == 640
    assert rows["1.1.2"]["baseline"] == {"raw": "TBD", "value": None, "unit": "text"}
    assert rows["1.1.2"]["milestone"] == {"raw": "", "value": None, "unit": None}
    assert rows["1.2"]["reason"] == "Survey delayed by insecurity"
    assert rows["1.1.1"]["location"] == "results table, table 2, row 4, cell 2"


def test_word_margin_comment_is_kept_on_its_row(parsed):
    rows = {i["code"]: i for i in parsed["indicators"]}
    assert rows["1.1.1"]["comments"] == [{"author": "PBF Secretariat", "text": "Please give the men too."}]
    assert parsed["comments"][0]["location"] == "table 2, row 4, cell 6"


def test_outcomes_and_outputs_from_the_table(parsed):
    assert parsed["outcomes"] == [{"number": "1", "statement": "Communities resolve land conflicts peacefully",
                                   "rating": None,
                                   "outputs": [{"number": "1.1", "statement": "Peers trained in mediation"}]}]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"x", "not a .docx document"),
    (b"%PDF-1.7 fake", "PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "not a .docx document"),
])
def test_files_that_are_not_docx_are_refused_in_plain_words(data, message):
    with pytest.raises(UnreadableFile, match=message) as caught:
        parse_bytes(data, "bad.docx")
    assert str(caught.value).startswith("bad.docx: ")


def test_truncated_docx_is_refused():
    data = build_report_docx()
    with pytest.raises(UnreadableFile, match="bad.docx"):
        parse_bytes(data[: len(data) // 2], "bad.docx")


def test_xml_entities_are_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(build_report_docx())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            target.writestr(item, data)
    with pytest.raises(UnreadableFile, match="entities"):
        parse_bytes(buffer.getvalue(), "xxe.docx")
