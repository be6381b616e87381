"""Template readers: find the fields of PBF documents in the paragraphs a format reader produced."""
