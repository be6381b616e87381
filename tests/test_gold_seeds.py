"""Every seed document parsed and scored against its hand-checked gold file (≥ 98 % each)."""
from __future__ import annotations

import json

import pytest

from loaders.parse import parse_path
from tests.conftest import GOLD, SEEDS, load_scorer

SEED_NAMES = sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_files_are_present():
    assert len(SEED_NAMES) == 5, f"expected the five gold files in {GOLD}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_scores_at_least_98_percent(name):
    seed = next(SEEDS.glob(f"{name}.*"))
    parsed = json.loads(json.dumps(parse_path(seed)))  # what the CLI prints
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    result = load_scorer().score(gold, parsed)
    percent = 100.0 * result.ok / result.total
    assert percent >= 98.0, f"{name}: {result.ok}/{result.total}; misses: {result.misses[:10]}"


def test_samples_are_the_seeds_byte_for_byte():
    from tests.conftest import SAMPLES

    for seed in SEEDS.glob("*.txt"):
        assert (SAMPLES / seed.name).read_bytes() == seed.read_bytes()


def test_caf_cmr_values_read_exactly():
    parsed = parse_path(SEEDS / "caf-cmr-traite-2021.txt")
    by_code = {i["code"]: i for i in parsed["indicators"]}
    assert by_code["3.1.6"]["current"]["value"] == 126 and (by_code["3.1.6"]["women"], by_code["3.1.6"]["men"]) == (34, 92)
    assert by_code["3.1.7"]["current"]["value"] == 10  # `9 (RCA)` and `1 (Cameroun)` on two lines add up
    assert by_code["2.3"]["current"] == {"raw": "0", "value": 0, "unit": "percent"}
    assert {a["agency"]: a["budget_usd"] for a in parsed["project"]["agencies"]} == {"UNODC": 973520.0, "IOM": 2129278.0}
    assert parsed["report"]["gender_spent_usd"] == 437917.96
    assert any("3.2.4" in w and "kept as written" in w for w in parsed["warnings"])
    assert {c["author"] for c in by_code["1.1.2"]["comments"]} == {"Cedric Teyonou", "UNODC/IOM PBF", "Malika Groga Bada"}
    assert by_code["1.1"]["location"].startswith("results table, line ")
