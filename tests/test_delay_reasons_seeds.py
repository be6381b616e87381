"""Delay-reason categories on every reason written in the seeds (47), each checked by reading the
reason text: 13 land in "other" ("Pas de retard", "Idem.", work described as under way)."""
from __future__ import annotations

import pytest

from loaders.parse import parse_path
from metrics.delay_reasons import categorise_reason
from tests.conftest import SAMPLES

SEED_FILES = {"caf-cmr": "caf-cmr-traite-2021.txt", "ml-cadre": "ml-cadre-crise-centre-annual-2020.txt",
              "ml-peers": "ml-peers-for-peace-final-2019.txt"}
EXPECTED = [
    ('caf-cmr', '1.1', ['government/partner dependency', 'data not yet collected']),
    ('caf-cmr', '1.2', ['recruitment/staffing', 'data not yet collected']),
    ('caf-cmr', '1.1.1', ['data not yet collected']),
    ('caf-cmr', '1.1.2', ['data not yet collected']),
    ('caf-cmr', '1.2.1', ['recruitment/staffing', 'data not yet collected']),
    ('caf-cmr', '1.2.2', ['recruitment/staffing', 'data not yet collected']),
    ('caf-cmr', '1.2.3', ['recruitment/staffing', 'data not yet collected']),
    ('caf-cmr', '1.2.4', ['recruitment/staffing', 'data not yet collected']),
    ('caf-cmr', '1.3.1', ['other']),
    ('caf-cmr', '1.3.2', ['other']),
    ('caf-cmr', '1.3.3', ['recruitment/staffing']),
    ('caf-cmr', '1.3.4', ['recruitment/staffing']),
    ('caf-cmr', '1.3.5', ['other']),
    ('caf-cmr', '1.3.6', ['other']),
    ('caf-cmr', '1.3.7', ['other']),
    ('caf-cmr', '1.3.8', ['security']),
    ('caf-cmr', '1.3.9', ['other']),
    ('caf-cmr', '2.1', ['data not yet collected']),
    ('caf-cmr', '2.3', ['recruitment/staffing']),
    ('caf-cmr', '2.1.1', ['other']),
    ('caf-cmr', '2.1.2', ['government/partner dependency']),
    ('caf-cmr', '2.1.3', ['other']),
    ('caf-cmr', '2.2.1', ['recruitment/staffing']),
    ('caf-cmr', '2.2.2', ['recruitment/staffing']),
    ('caf-cmr', '2.2.3', ['recruitment/staffing']),
    ('caf-cmr', '3.1', ['other']),
    ('caf-cmr', '3.2', ['other']),
    ('caf-cmr', '3.3', ['recruitment/staffing']),
    ('caf-cmr', '3.1.1', ['recruitment/staffing']),
    ('caf-cmr', '3.1.2', ['recruitment/staffing']),
    ('caf-cmr', '3.1.4', ['other']),
    ('caf-cmr', '3.2.4', ['recruitment/staffing']),
    ('ml-cadre', '1.1.1', ['covid-19']),
    ('ml-cadre', '1.1.2', ['other']),
    ('ml-cadre', '1.2.1', ['covid-19']),
    ('ml-cadre', '2.1', ['covid-19']),
    ('ml-cadre', '2.2', ['covid-19']),
    ('ml-cadre', '2.1.2', ['other']),
    ('ml-cadre', '2.2.1', ['covid-19']),
    ('ml-cadre', '3.1', ['political/institutional change']),
    ('ml-cadre', '3.2', ['covid-19']),
    ('ml-cadre', '3.1.1', ['political/institutional change']),
    ('ml-cadre', '3.1.2', ['political/institutional change']),
    ('ml-cadre', '3.2.1', ['covid-19']),
    ('ml-cadre', '3.2.2', ['covid-19']),
    ('ml-peers', '2.2.2', ['data not yet collected']),
    ('ml-peers', '2.3.1', ['data not yet collected']),
]


def seed_reasons() -> dict[tuple[str, str], str]:
    reasons = {}
    for short, name in SEED_FILES.items():
        for row in parse_path(SAMPLES / name)["indicators"]:
            if row["reason"]:
                reasons[(short, row["code"])] = row["reason"]
    return reasons


REASONS = seed_reasons()


def test_every_seed_reason_is_listed():
    assert set(REASONS) == {(seed, code) for seed, code, _ in EXPECTED} and len(REASONS) == 47


@pytest.mark.parametrize("seed, code, categories", EXPECTED)
def test_seed_reason_category(seed, code, categories):
    assert categorise_reason(REASONS[(seed, code)]) == categories


def test_how_many_seed_reasons_are_other():
    assert sum(categories == ["other"] for _, _, categories in EXPECTED) == 13
