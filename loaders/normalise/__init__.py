"""Normalisers shared by every loader: numbers, cells, dates, countries, agencies, text."""
