"""Strings of the training page's questions (ui/questions/training.py)."""

STRINGS: dict[str, dict[str, str]] = {}
