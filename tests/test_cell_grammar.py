"""The cell grammar of VALUES.md, rule by rule, plus property tests on the number grammar."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.normalise.cells import read_cell
from loaders.normalise.numbers import read_number
from loaders.normalise.sex import read_sex_split

COUNT_TARGET = read_cell("500")
PERCENT_TARGET = read_cell("50%")


@pytest.mark.parametrize("written, value", [
    ("1 080", 1080), ("1\u00a0356", 1356), ("1\u202f245\u202f996,00", 1245996.0), ("2,276", 2276),
    ("855,000", 855000), ("2,500,000", 2500000), ("0,5", 0.5), ("437 917.96", 437917.96),
    ("1498000.00", 1498000.0), ("$ 1498000", 1498000), ("USD 2,500,000", 2500000), ("$1 245 996,00", 1245996.0),
])
def test_numbers_follow_french_and_english_grouping(written, value):
    assert read_number(written) == value


@pytest.mark.parametrize("written", ["1e309", "NaN", "nan", "inf", "١٢٣", "1_000", "", "abc"])
def test_numbers_python_would_accept_are_refused(written):
    assert read_number(written) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_round_trip_in_both_styles(number):
    french = f"{number:,}".replace(",", "\u00a0")
    english = f"{number:,}"
    assert read_number(french) == number
    assert read_number(english) == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_french_decimal_comma_round_trips(units, cents):
    written = f"{units:,}".replace(",", " ") + f",{cents:02d}"
    assert read_number(written) == pytest.approx(units + cents / 100)


@pytest.mark.parametrize("written, value, unit", [
    ("", None, None), ("\u2002\u2002\u2002\u2002\u2002", None, None), ("TBD", None, "text"), ("N/A", None, "text"),
    ("A déterminer au début du programme", None, "text"), ("à préciser", None, "text"), ("-", None, "text"),
    ("Les restitutions se poursuivront en 2020 et 2021", None, "text"),
    ("Elles seront organisées en mars et Septembre 2021", None, "text"),
    ("L’indicateur sera atteint au derneier trimestre 2020 et au cours de 20216", None, "text"),
    ("15 dont 6 femmes", 15, "number"), ("6 (RCA : 4, CMR : 2)", 6, "number"),
    ("15. Cet indicateur sera atteint au cours de 2021", 15, "number"), ("50 au cours de 2021", 50, "number"),
    ("4 (2 vidéos de sensibilisation, 1 présentation PPT)", 4, "number"), ("1 (étude réalisée au Cameroun)", 1, "number"),
    ("2000 (RCA 1000, CMR 1000)", 2000, "number"),
    ("10 cas par trimestre", 10, "number"), ("9 (RCA)\n1 (Cameroun)", 10, "number"),
    ("20/20 des villages ciblés n’ont pas la capacité", None, "text"),
])
def test_cells_read_by_values_md(written, value, unit):
    cell = read_cell(written, COUNT_TARGET, "current")
    assert (cell.value, cell.unit) == (value, unit)


@pytest.mark.parametrize("written, value", [("50%", 50), ("50 %", 50), ("0%", 0), ("7.5%", 7.5)])
def test_percent_cells_beside_a_percent_target(written, value):
    cell = read_cell(written, PERCENT_TARGET, "current")
    assert (cell.value, cell.unit) == (value, "percent")


def test_bare_number_beside_percent_target_is_a_percent():
    assert read_cell("0", PERCENT_TARGET, "baseline").unit == "percent"
    assert read_cell("500 ménages", PERCENT_TARGET, "current").unit == "number"


@pytest.mark.parametrize("written, value", [
    ("270% (406)", 406), ("100 % / 500 PfP formés", 500), ("100%; les 20 villages", 20), ("50%", 250),
])
def test_percent_of_count_target_reads_the_count(written, value):
    cell = read_cell(written, COUNT_TARGET, "current")
    assert (cell.value, cell.unit) == (value, "number")


@pytest.mark.parametrize("written, total, women, men", [
    ("15 dont 6 femmes", 15, 6, None), ("126 : 34 femmes et 92 hommes", 126, 34, 92), ("(93h, 75f)", 168, 75, 93),
    ("74 (31 femmes / 43 hommes)", 74, 31, 43), ("1,250 (640 women)", 1250, 640, None),
    ("640 female / 610 male", 1250, 640, 610), ("1 fille (RCA)", 1, 1, None), ("12 filles et 3 femmes", 15, 3, None),
    ("168 PfP (93h, 75f) formés. 332 PfP (180h, 152 f) formés", 500, 227, 273),
    ("60 participants, dont 70% femmes", 60, 42, None), ("500 ménages, dont 190 dirigés par les femmes", 500, None, None),
])
def test_sex_disaggregation(written, total, women, men):
    split = read_sex_split(written, total)
    assert (split.women, split.men) == (women, men)


def test_split_contradicting_total_is_kept_and_flagged():
    split = read_sex_split("3 (1 femme / 3 hommes)", 3)
    assert (split.women, split.men, split.contradicts_total) == (1, 3, True)
