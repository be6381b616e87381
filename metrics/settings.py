"""Every threshold the metrics use, in one place (docs/METRICS.md explains each)."""
from __future__ import annotations

DELIVERY_GAP_BEHIND = 0.25  # time elapsed − delivery rate above this: behind
LOW_DELIVERY = 0.50  # delivery under this …
MONTHS_LEFT_WARNING = 6  # … with fewer months than this left: behind
GEWE_UN_MINIMUM = 0.15  # UN system-wide minimum (Secretary-General's Seven-Point Action Plan)
GEWE_PBF_TARGET = 0.30  # the PBF's own ambition
UNIT_MIXUP_RATIO = 3.0  # current above target by more than this factor: likely a unit mix-up
RATE_TOLERANCE = 0.005  # half a percentage point
MONEY_TOLERANCE = 0.5  # USD
IMPLAUSIBLE_DELIVERY = 1.5  # a delivery rate above this (or below 0) is a misread or mistyped figure: shown, left out of roll-ups
STALE_MONTHS = 7  # an open project whose last report's period ended longer ago than this: "no report since …"
