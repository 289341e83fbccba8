"""Argument checks shared by core modules: each returns the value converted, or raises ValueError
naming the argument."""

import math

import numpy as np


def check_finite(value: float, name: str) -> float:
    """A finite real number (not NaN, not inf, not a bool)."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got a bool")
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return v


def check_positive(value: float, name: str) -> float:
    """A finite number > 0."""
    v = check_finite(value, name)
    if v <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")
    return v


def check_count(value: int, name: str, minimum: int = 0) -> int:
    """A whole number >= minimum (ints only: 2.5 steps makes no sense)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)
