"""The best fixed step on an ill-conditioned quadratic L/2 x1^2 + mu/2 x2^2 (L >= mu > 0).

A fixed step eta multiplies the two coordinates by 1 - eta*L and 1 - eta*mu; the distance to
the minimum shrinks by the larger of the two in absolute value. The step 2/(L+mu) makes both
equal, at (kappa-1)/(kappa+1) with kappa = L/mu, the best any fixed step can do.

Source: Nesterov 2004, "Introductory Lectures on Convex Optimization", Theorem 2.1.15 in
Sec. 2.1.5 (step 2/(L+mu), rate (kappa-1)/(kappa+1)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.checks import check_finite, check_positive
from core.descent import contraction_factor, regime


def _curvatures(L: float, mu: float) -> tuple[float, float]:
    """Largest and smallest curvature, with L >= mu > 0."""
    L, mu = check_positive(L, "L"), check_positive(mu, "mu")
    if mu > L:
        raise ValueError(f"mu (smallest curvature) must be <= L (largest), got mu={mu}, L={L}")
    return L, mu


def optimal_fixed_step(L: float, mu: float) -> float:
    """2 / (L + mu): the fixed step that contracts the flattest and steepest directions equally."""
    L, mu = _curvatures(L, mu)
    return 2.0 / (L + mu)


def optimal_rate(L: float, mu: float) -> float:
    """(kappa - 1) / (kappa + 1) with kappa = L / mu: the contraction per step at 2/(L+mu)."""
    L, mu = _curvatures(L, mu)
    return (L - mu) / (L + mu)


@dataclass(frozen=True)
class TwoCurvatures:
    """A fixed step on L/2 x1^2 + mu/2 x2^2 (L >= mu), against the best fixed step."""

    L: float
    mu: float
    swapped: bool  # the curvatures were given smallest first
    lr: float  # the step: a fraction of 2/L
    best_lr: float  # 2/(L+mu)
    best_rate: float  # (kappa-1)/(kappa+1)
    rate: float  # the step's contraction per step: its worse direction
    steps: int | None  # steps to shrink the distance by the decades asked (None: never)
    best_steps: int | None

    @property
    def kappa(self) -> float:
        """The condition number L / mu."""
        return self.L / self.mu

    @property
    def shrinks(self) -> bool:
        """Whether the step shrinks the distance at all (it must stay below 2/L)."""
        return regime(self.lr, self.L) not in ("no_convergence", "diverging") and (
            self.steps is not None)


def two_curvatures(L: float, mu: float, fraction: float, decades: float) -> TwoCurvatures:
    """The step ``fraction * 2/L`` on curvatures L and mu (swapped if mu > L), its rate and
    the steps it and the best fixed step take to shrink the distance by 10**decades."""
    L, mu = check_positive(L, "L"), check_positive(mu, "mu")
    swapped = mu > L
    if swapped:
        L, mu = mu, L
    lr = check_finite(fraction, "fraction") * 2.0 / L
    rate = max(contraction_factor(lr, L), contraction_factor(lr, mu))
    best_rate = optimal_rate(L, mu)
    return TwoCurvatures(L, mu, swapped, lr, optimal_fixed_step(L, mu), best_rate, rate,
                         steps_to_shrink(rate, decades), steps_to_shrink(best_rate, decades))


def steps_to_shrink(rate: float, decades: float) -> int | None:
    """Fewest steps k with rate**k <= 10**-decades (None if rate >= 1; 1 if rate == 0)."""
    rate, decades = check_finite(rate, "rate"), check_positive(decades, "decades")
    if rate >= 1:
        return None
    if rate <= 0:
        return 1
    return max(1, math.ceil(decades / -math.log10(rate) - 1e-12))


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
