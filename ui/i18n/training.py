"""Strings of one page: key -> {"en": ..., "zh": ...}."""

STRINGS: dict[str, dict[str, str]] = {}
