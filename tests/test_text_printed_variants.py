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


def test_a_word_list_with_a_hanging_indent_is_not_taken_for_a_printed_text(tmp_path):
    """Review: a Word PDF with no table but many indented lines (a bulleted list, its wraps indented too)
    must be read as laid out, not as a text export whose indented lines open cells."""
    import docx

    from loaders.formats.pdf_layout import open_document, page_layout
    from loaders.formats.pdf_text_print import text_print_paragraphs

    document = docx.Document()
    for _ in range(6):  # body text at the margin, more lines than the list has
        document.add_paragraph("During the period the project worked with local peace committees, women's groups and "
                               "youth associations in the two regions; the steering committee met twice and approved "
                               "the work plan, and the partners reported on the activities agreed for the year.")
    for k in range(12):
        document.add_paragraph(f"Item {k}: the project trained mediators in the regions of Mopti and Ségou and held "
                               "community dialogues on land, water and the return of displaced families.",
                               style="List Bullet")
    document.save(tmp_path / "list.docx")
    _to_pdf(tmp_path)
    pdf = open_document((tmp_path / "list.pdf").read_bytes())
    try:
        layouts = [page_layout(pdf[k]) for k in range(len(pdf))]
    finally:
        pdf.close()
    assert text_print_paragraphs(layouts) is None
