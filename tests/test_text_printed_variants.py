"""Text exports printed to PDF as plain text (issue 23, item 4): each sample report, the 2017
English report and every text variant of tests/test_layout_variants.py opened in LibreOffice
Writer as plain text and printed to PDF in a monospaced font (as an editor prints) and in a
proportional one (no table, no ruling, a cell's line at the first tab stop, long lines
wrapped), then scored against the same gold as the text itself — comments included, since the
printed text keeps them."""
from __future__ import annotations

import pytest

from loaders.parse import parse_bytes
from tests.test_layout_variants import ENGLISH_2017, REPORTS, TEXT_VARIANTS, _assert_scores, _seed, _to_pdf

FONTS = ("Liberation Mono", "Liberation Serif")


@pytest.fixture(scope="module", params=FONTS)
def printed(request, tmp_path_factory) -> dict[tuple[str, str], bytes]:
    folder = tmp_path_factory.mktemp("printed")
    texts = {(name, "as written"): _seed(name) for name in REPORTS + [ENGLISH_2017.name]}
    texts |= {(name, variant): make(_seed(name)) for name in REPORTS for variant, make in TEXT_VARIANTS.items()}
    for number, text in enumerate(texts.values()):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    _to_pdf(folder, "txt", request.param)
    return {key: (folder / f"{number}.pdf").read_bytes() for number, key in enumerate(texts)}


CASES = [(name, "as written") for name in REPORTS + [ENGLISH_2017.name]] + [
    (name, variant) for name in REPORTS for variant in sorted(TEXT_VARIANTS)]


@pytest.mark.parametrize("name,variant", CASES)
def test_a_text_printed_to_pdf_scores_like_the_text(printed, name, variant):
    record = parse_bytes(printed[(name, variant)], f"{name}.{variant}.pdf")
    assert record["source"]["format"] == "pdf"
    assert record["indicators"] and all(i["location"].startswith("results table, page ") for i in record["indicators"])
    _assert_scores(name, f"{variant}-printed", record)


def test_a_printed_text_keeps_its_reviewer_comments(printed):
    """`Comment by NAME:` cut over two lines, or glued to the text before it, is still a comment."""
    record = parse_bytes(printed[("caf-cmr-traite-2021", "as written")], "caf.pdf")
    authors = {c["author"] for c in record["comments"]}
    assert {"Malika Groga Bada", "Cedric Teyonou", "UNODC/IOM PBF", "Anatole N'Doma"} <= authors
    assert not any("Comment by" in (i["reason"] or "") for i in record["indicators"])
