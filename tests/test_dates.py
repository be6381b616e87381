"""Report dates in French and English, at the precision written (VALUES.md, "Dates")."""
from __future__ import annotations

import pytest

from loaders.normalise.dates import read_date


@pytest.mark.parametrize("written, iso", [
    ("Janvier 2020", "2020-01"), ("12/02/2021", "2021-02-12"), ("31 Décembre 2021", "2021-12-31"),
    ("12 NOVEMBRE 2019", "2019-11-12"), ("Novembre 2020", "2020-11"), ("2021", "2021"), ("15 June 2022", "2022-06-15"),
    ("1er mars 2021", "2021-03-01"), ("Sept. 2020", "2020-09"), ("14/08/2022", "2022-08-14"), ("2021-12-31", "2021-12-31"),
    (": Janvier 2018", "2018-01"), ("", None), ("pas de date", None), ("31/13/2021", "2021"),
])
def test_dates(written, iso):
    assert read_date(written) == iso
