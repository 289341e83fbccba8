"""Floating-point limits, in log10, and where a log10 curve crosses them."""

import numpy as np

FLOAT32_MAX_LOG10 = float(np.log10(np.finfo(np.float32).max))  # 38.53: 3.40e38
FLOAT32_TINY_LOG10 = float(np.log10(np.finfo(np.float32).tiny))  # -37.93: smallest normal 1.18e-38
FLOAT64_MAX_LOG10 = float(np.log10(np.finfo(np.float64).max))  # 308.25


def first_index_above(log10_values: np.ndarray, limit: float) -> int | None:
    """Index of the first entry of a 1-D log10 sequence above ``limit`` (None if none is)."""
    hits = np.flatnonzero(np.asarray(log10_values) > limit)
    return int(hits[0]) if hits.size else None


def first_index_below(log10_values: np.ndarray, limit: float) -> int | None:
    """Index of the first entry of a 1-D log10 sequence below ``limit`` (None if none is)."""
    hits = np.flatnonzero(np.asarray(log10_values) < limit)
    return int(hits[0]) if hits.size else None
