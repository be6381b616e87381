"""Tests for PBF Portfolio Lens."""
