"""Statistics of per-layer log10 norms over many runs (what the chain-rule page reports).

Inputs are arrays of shape (layers, runs) as core.ensemble.measure_layers returns them.
"""

import math

import numpy as np

from core.ensemble import LayerMeasures
from core.floats import first_index_above, first_index_below


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
