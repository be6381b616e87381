"""Loaders: read PBF reports (and later budgets and financial exports) into the DuckDB store."""
