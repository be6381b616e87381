"""Builds .docx reports with python-docx for tests: an English-template PBF progress report
whose results table has vertically merged outcome cells, a spanned header and margin comments."""
from __future__ import annotations

import io

import docx

HEADER = ["", "Performance Indicators", "Indicator Baseline", "End of project Indicator Target",
          "Indicator Milestone", "Current indicator progress", "Reasons for Variance/ Delay (if any)"]
ROWS = [
    ("Outcome 1\nCommunities resolve land conflicts peacefully", "Indicator 1.1\nNumber of conflicts resolved",
     "0", "40", "20", "43 conflicts resolved", ""),
    (None, "Indicator 1.2\n% of households trusting local mechanisms", "0", "80%", "40%", "55%",
     "Survey delayed by insecurity"),
    ("Output 1.1\nPeers trained in mediation", "Indicator 1.1.1\nNumber of peers trained (sex-disaggregated)",
     "0", "500", "250", "1,250 (640 women)", "Recruitment of trainers took longer"),
    (None, "Indicator 1.1.2\nNumber of radio messages", "TBD", "10", "", "N/A", ""),
]


def build_report_docx() -> bytes:
    """An English progress report; row 1.1.1's current cell carries a Word comment."""
    document = docx.Document()
    cover = document.add_table(rows=0, cols=2)
    for label, value in [
        ("Country:", "Burkina Faso"), ("TYPE OF REPORT: SEMI-ANNUAL, ANNUAL OR FINAL:", "SEMI-ANNUAL"),
        ("DATE OF REPORT:", "15 June 2022"), ("Project Title:", "Youth and women in local peace committees"),
        ("Project Number from MPTF-O Gateway:", "00123456"),
        ("Type and name of recipient organizations:", "UNDP (Convening Agency)\nUN Women"),
        ("Date of first transfer:", "03/02/2021"), ("Project end date:", "31 December 2022"),
        ("Project Gender Marker:", "GM2"), ("Project Risk Marker:", "Medium"),
    ]:
        row = cover.add_row().cells
        row[0].text, row[1].text = label, value
    document.add_paragraph("Total PBF approved project budget (by recipient organization):")
    document.add_paragraph("UNDP $ 1,200,000")
    document.add_paragraph("UN Women $ 800,000")
    document.add_paragraph("Total: $ 2,000,000")
    document.add_paragraph("Approximate implementation rate as percentage of total project budget: 42%")
    document.add_paragraph("Indicate dollar amount from the project document to be allocated to activities "
                           "focussed on gender equality or women's empowerment: $ 600,000")
    document.add_paragraph("Amount expended to date on activities focussed on gender equality or women's "
                           "empowerment: $ 150,000.50")
    document.add_paragraph("Budget for final evaluation (mandatory): 25000")
    document.add_paragraph("PART IV: INDICATOR BASED PERFORMANCE ASSESSMENT")
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for col, text in enumerate(HEADER):
        table.cell(0, col).text = text
    for r, row in enumerate(ROWS, start=1):
        for col, text in enumerate(row):
            if text is not None:
                table.cell(r, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # outcome label spans its two indicator rows
    table.cell(3, 0).merge(table.cell(4, 0))
    current = table.cell(3, 5).paragraphs[0]
    document.add_comment(current.runs, text="Please give the men too.", author="PBF Secretariat", initials="PS")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
