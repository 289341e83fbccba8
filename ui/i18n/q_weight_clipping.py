"""Strings of the weight clipping page's questions (ui/questions/weight_clipping.py)."""

STRINGS: dict[str, dict[str, str]] = {}
