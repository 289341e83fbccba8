"""Strings of the descent page's questions (ui/questions/descent.py)."""

STRINGS: dict[str, dict[str, str]] = {}
