"""Reading thresholds of the template readers, in one place."""

BLOCK_MAX_PARAGRAPHS = 40  # the budget block of a cover page: header, agency rows, total, blank form lines
TOTAL_TOLERANCE_USD = 1.0  # agency lines that add up to the stated total within a dollar (cents rounded away)
