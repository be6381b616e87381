"""The layout-variant corpus: each sample report rewritten by tests/variants/ (English template
labels, other number groupings, tab-separated budget cells, a real Word file with Word tables,
a PDF of that Word file made by LibreOffice) and scored against the sample's own gold with
../shared/contracts/score.py. Each variant must reach 98 %; the money figures must be exact."""
from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess

import pytest

from loaders.parse import parse_bytes
from tests.conftest import GOLD, ROOT, SEEDS, load_scorer
from tests.variants.english import to_english
from tests.variants.numbers import STYLES, budget_as_cells, cover_as_cells, regroup
from tests.variants.word import to_docx

REPORTS = ["caf-cmr-traite-2021", "ml-cadre-crise-centre-annual-2020", "ml-peers-for-peace-final-2019"]
# A report on the 2017 English template, written for the tests with its own hand-written gold.
ENGLISH_2017 = ROOT / "tests" / "data" / "en-2017-progress-report"
MIN_SCORE = 0.98
MONEY_FIELDS = ("project.total_budget_usd", "project.agencies", "report.implementation_rate", "report.gender_")
SCORER = load_scorer()
TEXT_VARIANTS = {
    "english-labels": to_english,
    **{f"numbers-{style}": (lambda text, s=style: regroup(text, s)) for style in STYLES},
    "budget-as-cells": budget_as_cells,
    "english-numbers-english": lambda text: regroup(to_english(text), "english"),
    "cover-as-cells": cover_as_cells,
    "english-cover-as-cells": lambda text: cover_as_cells(to_english(text)),
}


def _seed(name: str) -> str:
    if name == ENGLISH_2017.name:
        return ENGLISH_2017.with_suffix(".txt").read_text(encoding="utf-8")
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def _gold(name: str, variant: str) -> dict:
    path = ENGLISH_2017.with_suffix(".gold.json") if name == ENGLISH_2017.name else GOLD / f"{name}.json"
    gold = copy.deepcopy(json.loads(path.read_text(encoding="utf-8")))
    if variant.startswith("english"):
        gold.pop("language", None)  # English labels over a French body: either answer is defensible
    if variant.endswith("pdf"):  # a PDF drops Word margin comments; nothing else changes
        gold.pop("comments", None)
        for indicator in gold.get("indicators", []):
            indicator.pop("comments", None)
    return gold


HEADLINE = ("project.total_budget_usd", "project.gender_marker", "report.type", "report.date",
            "report.implementation_rate", "report.gender_allocated_usd", "report.gender_spent_usd")


def _assert_located(variant: str, record: dict) -> None:
    """Every headline figure the file yielded says where it was read."""
    given = [f for f in HEADLINE if record[f.split(".")[0]].get(f.split(".")[1]) is not None]
    unplaced = [f for f in given if f not in record.get("locations", {})]
    assert unplaced == [], f"{variant}: read without a location: {unplaced}"


def _assert_scores(name: str, variant: str, record: dict) -> None:
    _assert_located(variant, record)
    gold = _gold(name, variant)
    result = SCORER.score(gold, record)
    assert result.ok / result.total >= MIN_SCORE, f"{variant}: {result.ok}/{result.total}\n" + "\n".join(result.misses)
    money = [m for m in result.misses if m.startswith(MONEY_FIELDS)]
    assert money == [], money


@pytest.mark.parametrize("variant", sorted(TEXT_VARIANTS))
@pytest.mark.parametrize("name", REPORTS)
def test_text_variants_score_against_the_gold(name, variant):
    text = TEXT_VARIANTS[variant](_seed(name))
    assert text != _seed(name), "the variant changed nothing"
    _assert_scores(name, variant, parse_bytes(text.encode("utf-8"), f"{name}.{variant}.txt"))


@pytest.fixture(scope="module")
def word_files(tmp_path_factory) -> dict[tuple[str, str], bytes]:
    folder = tmp_path_factory.mktemp("word")
    files = {}
    for name in REPORTS + [ENGLISH_2017.name]:
        versions = [("en", _seed(name))] if name == ENGLISH_2017.name else [("fr", _seed(name)), ("en", to_english(_seed(name)))]
        for language, text in versions:
            data = to_docx(text, f"{name}.txt")
            (folder / f"{name}.{language}.docx").write_bytes(data)
            files[(name, language)] = data
    return {"folder": folder, "files": files}


WORD_VARIANTS = [(name, language) for name in REPORTS for language in ("fr", "en")] + [(ENGLISH_2017.name, "en")]


@pytest.mark.parametrize("layout", ["as written", "cover as cells"])
def test_the_2017_english_report(layout):
    text = _seed(ENGLISH_2017.name)
    text = cover_as_cells(text) if layout == "cover as cells" else text
    _assert_scores(ENGLISH_2017.name, "text", parse_bytes(text.encode("utf-8"), "en-2017.txt"))


@pytest.mark.parametrize("name,language", WORD_VARIANTS)
def test_word_tables_variant(word_files, name, language):
    record = parse_bytes(word_files["files"][(name, language)], f"{name}.{language}.docx")
    assert record["source"]["format"] == "docx"
    offices = [o["location"] for a in record["project"]["agencies"] for o in a.get("offices", [])]
    assert offices and all(loc.startswith("table 1,") for loc in offices), offices  # read from the Word table
    _assert_scores(name, "english-docx" if language == "en" and name in REPORTS else "docx", record)


def _to_pdf(folder, kind: str = "docx", font: str = "Liberation Mono") -> None:
    """Every Word file (or text file, as plain UTF-8 text) of the folder printed to PDF by LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing; .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    names = sorted(str(p) for p in folder.glob(f"*.{kind}"))
    text_filter = [f"--infilter=Text (encoded):UTF8,LF,{font}"] if kind == "txt" else []
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", *text_filter,
                    "--convert-to", "pdf", "--outdir", str(folder), *names], check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def pdf_files(word_files) -> dict[tuple[str, str], bytes]:
    folder = word_files["folder"]
    _to_pdf(folder)
    return {key: (folder / f"{key[0]}.{key[1]}.pdf").read_bytes() for key in word_files["files"]}


PDF_LAYOUTS = {"unruled": {"ruled": False}, "unruled cover table": {"ruled": False, "cover_table": True},
               "cover table": {"cover_table": True}}


@pytest.fixture(scope="module")
def unruled_pdf_files(tmp_path_factory) -> dict[tuple[str, str, str], bytes]:
    """The Word variants with every table border removed, or the cover's fields laid out as a
    two-column table (its labels wrapping beside one-line values), printed to PDF."""
    folder = tmp_path_factory.mktemp("unruled")
    for name, language in WORD_VARIANTS:
        text = _seed(name) if language == "fr" or name == ENGLISH_2017.name else to_english(_seed(name))
        for layout, options in PDF_LAYOUTS.items():
            stem = f"{name}.{language}.{layout.replace(' ', '-')}"
            (folder / f"{stem}.docx").write_bytes(to_docx(text, f"{name}.txt", **options))
    _to_pdf(folder)
    return {(name, language, layout): (folder / f"{name}.{language}.{layout.replace(' ', '-')}.pdf").read_bytes()
            for name, language in WORD_VARIANTS for layout in PDF_LAYOUTS}


@pytest.mark.parametrize("name,language", WORD_VARIANTS)
def test_pdf_variant(pdf_files, name, language):
    record = parse_bytes(pdf_files[(name, language)], f"{name}.{language}.pdf")
    assert record["source"]["format"] == "pdf" and record["comments"] == []
    assert all(i["location"].startswith("results table, page ") for i in record["indicators"])
    _assert_scores(name, "english-pdf" if language == "en" and name in REPORTS else "pdf", record)


@pytest.mark.parametrize("layout", sorted(PDF_LAYOUTS))
@pytest.mark.parametrize("name,language", WORD_VARIANTS)
def test_unruled_pdf_variant(unruled_pdf_files, name, language, layout):
    """No ruling line on any page: the results table is rebuilt from the header's columns, and a
    cover's label that wraps beside its value is joined to it (issue 23)."""
    data = unruled_pdf_files[(name, language, layout)]
    assert (layout_tables(data) == 0) == layout.startswith("unruled")  # truly unruled: PDFium finds no rule
    record = parse_bytes(data, f"{name}.{language}.pdf")
    assert record["indicators"] and all(i["location"].startswith("results table, page ") for i in record["indicators"])
    _assert_scores(name, "english-pdf" if language == "en" and name in REPORTS else "pdf", record)


def layout_tables(data: bytes) -> int:
    """How many ruled tables PDFium and pdfplumber's algorithm find in the whole PDF."""
    from loaders.formats.pdf_layout import open_document, page_layout

    pdf = open_document(data)
    try:
        return sum(len(page_layout(pdf[k]).tables) for k in range(len(pdf)))
    finally:
        pdf.close()


def test_a_report_without_its_budget_block_names_what_is_missing():
    text = _seed("ml-cadre-crise-centre-annual-2020")
    start = text.index("\tBudget PBF total approuvé")
    end = text.index("Taux de mise en œuvre")
    record = parse_bytes((text[:start] + text[end:]).encode("utf-8"), "cut.txt")
    assert record["project"]["total_budget_usd"] is None
    assert "project.total_budget_usd" in record["missing"] and "project.agencies[].budget_usd" in record["missing"]
    assert record["report"]["implementation_rate"] == 0.37  # the rest is still read


def test_the_samples_miss_only_what_they_leave_blank():
    missing = {name: parse_bytes((SEEDS / f"{name}.txt").read_bytes(), f"{name}.txt")["missing"] for name in REPORTS}
    assert missing == {
        "caf-cmr-traite-2021": ["report.type"],  # `SEMESTRIEL, ANNUEL OU FINAL :` left blank
        "ml-cadre-crise-centre-annual-2020": [],
        "ml-peers-for-peace-final-2019": ["report.implementation_rate", "project.gender_marker"],
    }


def test_agency_lines_that_disagree_with_the_total_are_warned():
    text = _seed("ml-peers-for-peace-final-2019").replace("FAO : $ 820,000", "FAO : $ 720,000")
    record = parse_bytes(text.encode("utf-8"), "sum.txt")
    assert record["project"]["total_budget_usd"] == 2_500_000.0
    assert any("add up to $2,400,000.00 but the stated total is $2,500,000.00" in w for w in record["warnings"])


@pytest.mark.parametrize("layout", [
    "Recipient Organization\tAmount\nUNICEF\t$ 900 000,00\nUNDP\t$ 600 000,00\nTotal :\t$ 1 500 000,00",
    "Recipient Organization                    Amount\nUNICEF           $ 900,000.00\nUNDP    $ 600,000.00\n"
    "  Total: $ 1,500,000.00",
    "Recipient Organization Amount\nUNICEF\n$ 900000\nUNDP\n$ 600000\nTotal:\n$ 1500000",
])
def test_the_english_budget_block_in_any_layout(layout):
    text = ("PBF PROJECT PROGRESS REPORT\nCOUNTRY: Burkina Faso\nProject Title: Test\n"
            "Total PBF approved project budget (by recipient organization):\n" + layout +
            "\nApproximate implementation rate as percentage of total project budget: 40%\n")
    record = parse_bytes(text.replace("\t", "\n\t").encode("utf-8"), "en.txt")
    agencies = {a["agency"]: a["budget_usd"] for a in record["project"]["agencies"]}
    assert agencies == {"UNICEF": 900_000.0, "UNDP": 600_000.0}
    assert record["project"]["total_budget_usd"] == 1_500_000.0
    assert record["report"]["implementation_rate"] == 0.4


def test_a_recipient_that_is_not_a_un_agency_keeps_its_budget():
    text = ("PBF PROJECT PROGRESS REPORT\nCOUNTRY: Guatemala\nProject Title: Test\n"
            "Total PBF approved project budget (by recipient organization):\nRecipient Organization   Amount\n"
            "UNDP (Convening Agency)    $ 700,000\nNGO: Interpeace    $ 300,000\n   Total: $ 1,000,000\n")
    record = parse_bytes(text.encode("utf-8"), "ngo.txt")
    agencies = {a["agency"]: (a["budget_usd"], a["lead"]) for a in record["project"]["agencies"]}
    assert agencies == {"UNDP": (700_000.0, True), "Interpeace": (300_000.0, False)}
    assert not any("add up to" in w for w in record["warnings"])  # 700,000 + 300,000 is the stated total
    assert any("not a UN agency Lens knows" in w for w in record["warnings"])
