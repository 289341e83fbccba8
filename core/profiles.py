"""Statistics of per-layer log10 norms over many runs (what the chain-rule page reports).

Inputs are arrays of shape (layers, runs) as core.ensemble.measure_layers returns them.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.ensemble import LayerMeasures, draw
from core.floats import first_index_above, first_index_below
from core.mlp import Mlp
from core.mlp_logspace import log10_gradient_norms
from core.theory import expected_log10_growth, theory_applies


def log10_step_squares(grad: np.ndarray) -> np.ndarray:
    """log10 ||g_{l-1}||^2 / ||g_l||^2 for layers 1..L: NaN below an exactly zero gradient."""
    with np.errstate(invalid="ignore"):
        steps = 2.0 * (grad[:-1] - grad[1:])
    return np.where(np.isneginf(grad[1:]), np.nan, steps)


def log10_mean_of_powers(log10_values: np.ndarray) -> float:
    """log10 of the mean of 10**x over the non-NaN entries, without overflow (-inf counts as 0)."""
    values = np.asarray(log10_values, dtype=float).ravel()
    values = values[~np.isnan(values)]
    if values.size == 0 or np.all(np.isneginf(values)):
        return -math.inf
    top = float(values.max())
    return top + math.log10(float(np.mean(10.0 ** (values - top))))


def mean_factors(run: LayerMeasures) -> dict[str, float]:
    """log10 of the mean over layers and runs of each part of the squared per-layer factor."""
    with np.errstate(divide="ignore"):
        return {
            "weight": log10_mean_of_powers(np.log10(run.weight)),
            "activation": log10_mean_of_powers(np.log10(run.activation)),
            "total": log10_mean_of_powers(log10_step_squares(run.grad)),
        }


def median_total_growth(grad: np.ndarray) -> float | None:
    """Median over runs of log10 ||g_0|| / ||g_L|| among gradients that stayed nonzero."""
    growth = grad[0] - grad[-1]
    alive = growth[np.isfinite(growth)]
    return float(np.median(alive)) if alive.size else None


def dead_share(log10_norms: np.ndarray) -> float:
    """Share of runs whose norm is exactly zero (log10 = -inf) at some layer."""
    return float(np.mean(np.any(np.isneginf(log10_norms), axis=0)))


def first_layer_beyond(layers: np.ndarray, median: np.ndarray, limit: float,
                       above: bool, backward: bool) -> int | None:
    """The first layer, in the direction the signal travels, whose median is beyond ``limit``."""
    order = slice(None, None, -1) if backward else slice(None)
    values, names = np.asarray(median)[order], np.asarray(layers)[order]
    index = (first_index_above if above else first_index_below)(values, limit)
    return None if index is None else int(names[index])


def factor_trend(log10_factor: float, tolerance: float = 0.01) -> str:
    """"grows", "shrinks" or "balanced": a per-layer factor above, below or within
    ``tolerance`` (relative) of 1, given as log10."""
    if abs(10.0 ** log10_factor - 1.0) < tolerance:
        return "balanced"
    return "grows" if log10_factor > 0 else "shrinks"


@dataclass(frozen=True)
class GainProfiles:
    """log10 ||g_l|| / ||g_L|| per gain, shape (L+1, runs); the median growth at the input."""

    relative: dict[float, np.ndarray]
    growth: dict[float, float | None]

    @property
    def runs(self) -> int:
        return next(iter(self.relative.values())).shape[1]


def relu_gain_profiles(depth: int, width: int, samples: int, batch: int, seed: int,
                       gains: Sequence[float]) -> GainProfiles:
    """Profiles of He/ReLU networks at each gain, from one backward pass at gain 1.

    ReLU is positively homogeneous and the nets have no biases, so multiplying every weight by
    a leaves the ReLU masks as they are and multiplies g_l by a^(L-l) exactly (up to rounding).
    """
    nets = draw([width] * (depth + 1), "he", 1.0, seed, samples, batch)
    log10_norms = log10_gradient_norms(Mlp(nets.weights, "relu"), nets.x, nets.upstream)
    at_gain_one = (log10_norms - log10_norms[-1]).reshape(depth + 1, -1)
    layers_above = (depth - np.arange(depth + 1))[:, None]  # L - l
    relative = {gain: at_gain_one + layers_above * math.log10(gain) for gain in gains}
    return GainProfiles(relative, {gain: median_total_growth(values)
                                   for gain, values in relative.items()})


def theory_profile(run: LayerMeasures, width: int, activation: str, init: str, gain: float
                   ) -> tuple[np.ndarray, float] | None:
    """(expected log10 ||g_l|| for l = 0..L, expected log10 ||g_0|| / ||g_L||), anchored at the
    measured median output norm (about sqrt(width)); None where the theory does not apply."""
    if not theory_applies(activation):
        return None
    depth = run.grad.shape[0] - 1
    growth = expected_log10_growth([width] * (depth + 1), activation, init, gain)
    return growth + float(np.median(run.grad[-1])), float(growth[0])
