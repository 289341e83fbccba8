"""Strings of the clipping page's questions (ui/questions/clipping.py)."""

STRINGS: dict[str, dict[str, str]] = {}
