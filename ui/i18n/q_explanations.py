"""Strings of the explanations page's questions (ui/questions/explanations.py)."""

STRINGS: dict[str, dict[str, str]] = {}
