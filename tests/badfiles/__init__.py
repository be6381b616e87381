"""The bad-file corpus (made by make_badfiles.py)."""
