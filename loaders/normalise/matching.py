"""How close a written label must be to the one Lens knows for the readers to take it (rapidfuzz
scores, 0–100): one place for the fuzzy-match cutoffs every reader uses."""
from __future__ import annotations

LABEL_CUTOFF = 88  # a template label or a workbook header with a typo, an accent lost, a word cut
NAME_CUTOFF = 90  # a short name (an export's column, a country): closer, as short names differ by little
FUZZY_MIN_LENGTH = 12  # labels shorter than this are matched exactly only (too many near neighbours)
COUNTRY_MIN_LENGTH = 5  # country names shorter than this are matched exactly only
