"""Small helpers for the gradient-descent page: norms in log form, schedule decay, exact zeros.

Everything here works on the log10 form of core.descent (``gd_quadratic_log10``), so it stays
finite however far a run diverges.
"""

from __future__ import annotations

import math

import numpy as np

from core.checks import check_count, check_finite, check_positive
from core.descent import SCHEDULES, learning_rates


def log10_norm(log10_abs: np.ndarray) -> np.ndarray:
    """log10 of the Euclidean norm of each row, from per-coordinate log10|x_i| (shape (k, dim)).

    A log-sum-exp in base 10: finite for coordinates of any size; -inf only where every
    coordinate is exactly 0.
    """
    logs = np.atleast_2d(np.asarray(log10_abs, dtype=np.float64))
    top = np.max(logs, axis=1)
    safe = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.sum(10.0 ** (2.0 * (logs - safe[:, None])), axis=1)
        return np.where(np.isneginf(top), -np.inf, safe + 0.5 * np.log10(total))


def first_zero_step(log10_abs: np.ndarray) -> int | None:
    """First k where the log10 sequence is -inf (the iterate is exactly 0), or None."""
    hits = np.flatnonzero(np.isneginf(np.asarray(log10_abs, dtype=np.float64)))
    return int(hits[0]) if hits.size else None


def scientific(log10_abs: float, sign: float, digits: int = 4) -> tuple[float, int]:
    """(mantissa, exponent) with sign * 10**log10_abs ~ mantissa * 10**exponent, the mantissa
    rounded to ``digits`` decimals and 1 <= |mantissa| < 10.

    Works beyond float64 (log10_abs = 477 gives exponent 477); an exact zero gives (0.0, 0).
    """
    if sign == 0 or math.isinf(log10_abs) and log10_abs < 0:
        return 0.0, 0
    exponent = math.floor(log10_abs)
    mantissa = round(10.0 ** (log10_abs - exponent), digits)
    if mantissa >= 10:  # 9.99999 rounds up to 10.0000
        mantissa, exponent = mantissa / 10.0, exponent + 1
    return math.copysign(mantissa, sign), int(exponent)


def decay_params(schedule: str, final_ratio: float, steps: int, lr: float = 1.0) -> dict:
    """Parameters of ``schedule`` (for core.descent.learning_rates) that bring the learning rate
    at the last step (j = steps-1) to ``final_ratio`` times its start ``lr``; {} for "constant".

    One knob for every schedule, so they can be compared at the same end point:
    step (gamma per drop, its default step size), exponential gamma, cosine lr_min,
    inverse_time decay. Cosine cannot end below its weight at j = steps-1 with lr_min = 0:
    there lr_min is 0 and the end point is a little higher.
    """
    r = check_finite(final_ratio, "final_ratio")
    if not 0 < r <= 1:
        raise ValueError(f"final_ratio must lie in (0, 1], got {final_ratio}")
    steps = check_count(steps, "steps", minimum=2)
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}")
    last = steps - 1
    if schedule == "constant":
        return {}
    if schedule == "step":
        drops = last // max(1, steps // 4)
        return {"gamma": r ** (1.0 / drops)}
    if schedule == "exponential":
        return {"gamma": r ** (1.0 / last)}
    if schedule == "cosine":
        c = (1.0 + math.cos(math.pi * last / steps)) / 2.0  # cosine's weight at the last step
        return {"lr_min": max(0.0, (r - c) / (1.0 - c)) * check_finite(lr, "lr")}
    return {"decay": (1.0 / r - 1.0) / last}


def schedule_rates(lr: float, steps: int, schedule: str, final_ratio: float) -> np.ndarray:
    """Learning rates of ``schedule`` from ``lr``, down to ``final_ratio * lr`` at the last step."""
    return learning_rates(lr, steps, schedule, **decay_params(schedule, final_ratio, steps, lr))


def first_below(rates: np.ndarray, threshold: float) -> int | None:
    """First step j whose learning rate is below ``threshold`` (e.g. 2/lambda), or None."""
    threshold = check_positive(threshold, "threshold")
    hits = np.flatnonzero(np.asarray(rates, dtype=np.float64) < threshold)
    return int(hits[0]) if hits.size else None


def steps_to_shrink(rate: float, decades: float) -> int | None:
    """Fewest steps k with rate**k <= 10**-decades (None if rate >= 1; 1 if rate == 0)."""
    rate, decades = check_finite(rate, "rate"), check_positive(decades, "decades")
    if rate >= 1:
        return None
    if rate <= 0:
        return 1
    return max(1, math.ceil(decades / -math.log10(rate) - 1e-12))
