"""Metrics: the numbers pages show, defined once as SQL over the store (see docs/METRICS.md)."""
