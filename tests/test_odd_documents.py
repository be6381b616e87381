"""Documents that are not what we expect: a document Lens does not know is refused, other text
encodings are decoded, a shifted results-table row is reported rather than silently misread."""
from __future__ import annotations

import pytest

from loaders.errors import NotADocument
from loaders.parse import parse_bytes
from tests.conftest import SAMPLES


def test_a_document_lens_does_not_know_is_refused_not_made_a_project():
    """Minutes that happen to name a title and a country are no report: refused with one line
    (it used to be read for its fields, and became a project of its own)."""
    with pytest.raises(NotADocument) as refused:
        parse_bytes(b"Minutes of the steering committee\nPays : Niger\nTitre du projet : Jeunes et paix\n",
                    "minutes.txt")
    assert "not a PBF report, budget workbook or financial export" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_cp1252_and_utf16_exports_read_like_utf8():
    text = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8")
    reference = parse_bytes(text.encode("utf-8"), "report.txt")
    for encoding in ("cp1252", "utf-16"):
        source = text.replace("\u2002", " ") if encoding == "cp1252" else text  # cp1252 has no en space
        data = source.encode(encoding, errors="replace")
        record = parse_bytes(data, "report.txt")
        assert record["project"]["title"].startswith("Appui au nouveau cadre politique")
        assert len(record["indicators"]) == len(reference["indicators"]) == 18
        assert record["report"]["gender_allocated_usd"] == 324547.0


def test_a_row_missing_cells_is_reported():
    text = (SAMPLES / "ml-cadre-crise-centre-annual-2020.txt").read_text(encoding="utf-8")
    broken = text.replace("\tIndicateur 1.1.2\n\nDisponibilité d’une expertise technique permanente au sein du "
                          "secrétariat permanent sur le nexus humanitaire-paix et développement\n\t0\n\t1\n\t1\n\t1\n",
                          "\tIndicateur 1.1.2\n\nDisponibilité d’une expertise technique\n\t0\n\t1\n")
    assert broken != text
    record = parse_bytes(broken.encode(), "broken.txt")
    assert any("indicator row has" in w and "missing ones are left empty" in w for w in record["warnings"])


def test_report_without_type_says_so():
    record = parse_bytes((SAMPLES / "caf-cmr-traite-2021.txt").read_bytes(), "caf.txt")
    assert record["report"]["type"] is None
    assert "report type (semi-annual, annual or final) not stated" in record["warnings"]
