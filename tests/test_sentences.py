"""Lens's own sentences in French (ui/sentences.py) and numbers in each language's own way
(ui/formats.py, Babel's CLDR data): hand-written examples of every form, and every status reason
and location the samples produce."""
from __future__ import annotations

import re

import duckdb
import pytest

from ui.formats import fmt_decimal, fmt_money, fmt_money_short, fmt_number, fmt_pct
from ui.sentences import flag_message, location, status_reason

ENGLISH = re.compile(r"\b(of|the|way|target|time|elapsed|current|baseline|milestone|reaches|line|row|cell|table|"
                     r"sheet|unknown|words|women|men)\b")


@pytest.mark.parametrize("english, french", [
    ("17% of the way to target, 59% of time elapsed", "17 % du chemin vers la cible, 59 % du temps écoulé"),
    ("-50% of the way to target, 59% of time elapsed", "-50 % du chemin vers la cible, 59 % du temps écoulé"),
    ("current 0 has moved away from target 30 since baseline 10, 59% of time elapsed",
     "l'actuel 0 s'est éloigné de la cible 30 depuis la base 10, 59 % du temps écoulé"),
    ("current 60 has reached milestone 50", "l'actuel 60 a atteint le jalon 50"),
    ("current 0.5 reaches target 0.4", "l'actuel 0,5 atteint la cible 0,4"),
    ("current 0 = baseline 0, 50% of time elapsed", "actuel 0 = base 0, 50 % du temps écoulé"),
    ("current 3 = baseline 3, unknown share of time elapsed", "actuel 3 = base 3, part du temps écoulé inconnue"),
    ("current is a placeholder (TBD)", "la valeur actuelle est à compléter (TBD)"),
    ("target equals baseline", "la cible est égale à la base"),
    ("40% of the way to target, 50% of time elapsed (no baseline: taken as 0)",
     "40 % du chemin vers la cible, 50 % du temps écoulé (pas de base : prise à 0)"),
])
def test_status_reasons_in_french(english, french):
    assert status_reason(english, "fr") == french
    assert status_reason(english, "en") == english


@pytest.mark.parametrize("english, french", [
    ("line 34", "ligne 34"), ("line 35; line 36", "ligne 35; ligne 36"), ("results table, line 576",
                                                                         "cadre de résultats, ligne 576"),
    ("page 3, table 1, row 4, cell 2", "page 3, tableau 1, ligne 4, cellule 2"),
    ("sheet 'Row table', cell B5", "feuille 'Row table', cellule B5"), ("row 54", "ligne 54"),
])
def test_locations_in_french(english, french):
    assert location(english, "fr") == french


def test_flags_in_french():
    assert flag_message("current is more than 10× the target (a unit mix-up?)", "fr") == \
        "l'actuel dépasse 10 fois la cible (erreur d'unité ?)"
    assert flag_message("12 women + 7.5 men", "fr") == "12 femmes + 7,5 hommes"
    assert flag_message("1 women + 3 men", "en") == "1 woman + 3 men"  # review: "1 women" on the Project page
    assert flag_message("1 women + 1 men", "fr") == "1 femme + 1 homme"
    assert flag_message("reviewer comment: Jane", "fr") == "commentaire de relecteur : Jane"
    assert flag_message(None, "fr") == ""


def test_every_sentence_the_samples_produce_reads_in_french(sample_db):
    con = duckdb.connect(str(sample_db), read_only=True)
    reasons = [r for (r,) in con.execute("SELECT DISTINCT status_reason FROM mx_indicators").fetchall() if r]
    places = [r for (r,) in con.execute("SELECT DISTINCT location FROM indicators UNION SELECT DISTINCT location "
                                        "FROM comments").fetchall() if r]
    con.close()
    assert len(reasons) > 20 and len(places) > 20
    english = [r for r in reasons if ENGLISH.search(status_reason(r, "fr"))]
    english += [p for p in places if ENGLISH.search(location(p, "fr"))]
    assert english == []


def test_numbers_each_language_writes_them():
    assert fmt_number(1245996.4, "en") == "1,245,996" and fmt_number(1245996.4, "fr") == "1\u202f245\u202f996"
    assert fmt_money(1498000, "en") == "$1,498,000" and fmt_money(1498000, "fr") == "1\u202f498\u202f000\u00a0$US"
    assert fmt_money(-1200, "en") == "-$1,200"
    assert fmt_money_short(7100798, "fr") == "7,1\u00a0M\u00a0$US" and fmt_money_short(7100798, "en") == "$7.1M"
    assert fmt_pct(0.217, "en") == "21.7%" and fmt_pct(0.217, "fr") == "21,7\u00a0%"
    assert fmt_decimal(3.14159, "fr") == "3,14" and fmt_decimal(2.0, "en") == "2"
    assert fmt_number(None, "fr") == fmt_pct(float("nan"), "en") == "—"


def test_percent_axes_are_written_the_french_way():
    import plotly.graph_objects as go

    from ui.charts import style
    figure = go.Figure(go.Bar(x=[0.1, 0.3], y=["a", "b"], orientation="h"))
    figure.update_xaxes(tickformat=".0%", range=[0, 0.46])
    with_language("fr", style, figure, "t")
    assert figure.layout.xaxis.tickvals == (0.0, 0.1, 0.2, 0.3, 0.4)
    assert figure.layout.xaxis.ticktext == ("0\u00a0%", "10\u00a0%", "20\u00a0%", "30\u00a0%", "40\u00a0%")
    english = go.Figure(go.Bar(x=[0.1], y=["a"], orientation="h"))
    english.update_xaxes(tickformat=".0%", range=[0, 0.46])
    assert with_language("en", style, english, "t").layout.xaxis.ticktext is None  # plotly's own `20%` is English already


def test_money_axes_and_hover_percentages_are_written_the_french_way():
    import plotly.graph_objects as go

    from ui.charts import style
    money = with_language("fr", style, go.Figure(go.Bar(x=["GM1", "GM2"], y=[3_102_798, 4_000_000])), "t")
    assert money.layout.yaxis.tickvals == (0.0, 1e6, 2e6, 3e6, 4e6, 5e6)  # steps of 1, 2, 2.5 or 5 × 10ⁿ
    assert money.layout.yaxis.ticktext == ("0", "1\u00a0M", "2\u00a0M", "3\u00a0M", "4\u00a0M", "5\u00a0M")
    people = with_language("fr", style, go.Figure(go.Bar(y=["a", "b"], x=[1200, 800], orientation="h")), "t")
    assert people.layout.xaxis.ticktext[5:7] == ("1\u00a0k", "1,2\u00a0k")
    assert with_language("fr", style, go.Figure(go.Bar(x=["a"], y=[12])), "t").layout.yaxis.ticktext is None  # nothing to write
    assert with_language("en", style, go.Figure(go.Bar(x=["a"], y=[3e6])), "t").layout.yaxis.ticktext is None  # `3M` is English

    points = go.Figure(go.Scatter(x=[0.1, 0.25], y=[0.3, None], customdata=[["A", 1], ["B", 2]],
                                  hovertemplate="%{customdata[0]}: %{x:.0%} / %{y:.1%} (%{customdata[1]})"))
    with_language("fr", style, points, "t")
    assert points.data[0].hovertemplate == "%{customdata[0]}: %{customdata[2]} / %{customdata[3]} (%{customdata[1]})"
    assert [list(row) for row in points.data[0].customdata] == [["A", 1, "10\u00a0%", "30,0\u00a0%"],
                                                                 ["B", 2, "25\u00a0%", "—"]]
    stacked = go.Figure([go.Bar(x=["a", "b"], y=[2462, 78]), go.Bar(x=["a", "b"], y=[780, 138])])
    stacked.update_layout(barmode="stack")
    assert max(with_language("fr", style, stacked, "t").layout.yaxis.tickvals) >= 3242  # 2,462 + 780 has a tick above
    gaps = with_language("fr", style, go.Figure(go.Bar(x=["a", "b"], y=[2_000_000, None])), "t")
    assert gaps.layout.yaxis.ticktext[:3] == ("0", "500\u00a0k", "1\u00a0M")  # a missing bar does not stop it
    single = go.Figure(go.Bar(x=["a"], y=[0.2], customdata=["A"], hovertemplate="%{customdata}: %{y:.0%}"))
    assert with_language("fr", style, single, "t").data[0].hovertemplate == "%{customdata}: %{y:.0%}"  # left whole, not split


def with_language(language, function, *args):
    from ui.language import speaking

    with speaking(language):
        return function(*args)
