"""Strings of the explosion page's questions (ui/questions/explosion.py)."""

STRINGS: dict[str, dict[str, str]] = {}
