"""What the chain-rule page measures on a set of random networks: norms, factors, a work cap.

All results are log10 values or small per-layer arrays; the weights never leave ``simulate``.
"""

import math
import threading
from dataclasses import dataclass

import numpy as np

from core.floats import first_index_above, first_index_below
from core.network import (
    init_weights,
    log10_activation_norms,
    log10_gradient_norms,
    per_layer_factors,
)

# Weight entries (depth * width^2 * samples) drawn per run. Measured on 2 cores: about 30 ns
# per entry for drawing the weights plus the forward and backward passes, so 1.2e7 entries
# take about 0.35 s and 96 MB.
WORK_CAP = 12_000_000


def capped_work(depth: int, width: int, samples: int, cap: float = WORK_CAP) -> tuple[int, int]:
    """(samples, width) with depth * width^2 * samples <= cap: fewer samples first, then width."""
    fitting_samples = int(cap // (depth * width * width))
    if fitting_samples >= 1:
        return min(samples, fitting_samples), width
    return 1, max(1, math.isqrt(int(cap // depth)))


@dataclass(frozen=True)
class NetworkRun:
    """Per-layer measurements, one column per (network, input) pair.

    grad: log10 ||g_l||, shape (L+1, runs); act: log10 ||a_l||, shape (L+1, runs);
    weight, activation: the realised n Var[w] and E[phi'(z)^2] of layers 1..L, shape (L, runs).
    """

    grad: np.ndarray
    act: np.ndarray
    weight: np.ndarray
    activation: np.ndarray


# A simulation holds up to WORK_CAP weights (~96 MB) while it runs. Many threads (a server's
# sessions) calling at once would hold that many copies; two at a time keep both cores busy.
_RUNNING = threading.BoundedSemaphore(2)


def simulate(depth: int, width: int, activation: str, init: str, gain: float, samples: int,
             batch: int, seed: int) -> NetworkRun:
    """Draw ``samples`` networks and ``batch`` inputs each; measure every layer in log space.

    The loss is sum(u * a_L) with u ~ N(0, I): ||g_L|| is about sqrt(width), and every
    ||g_l|| is an absolute norm (what a float32 training run would have to store).
    At most two simulations run at once (the rest wait), which bounds the memory they hold.
    """
    with _RUNNING:
        return _simulate(depth, width, activation, init, gain, samples, batch, seed)


def _simulate(depth: int, width: int, activation: str, init: str, gain: float, samples: int,
              batch: int, seed: int) -> NetworkRun:
    widths = [width] * (depth + 1)
    weights = init_weights(widths, init, gain, seed, samples=samples)
    rng = np.random.default_rng([seed, 1])  # a stream independent of the weights' stream
    x, upstream = rng.standard_normal((2, samples, batch, width))
    factors = per_layer_factors(weights, x, activation, upstream)
    return NetworkRun(
        grad=_columns(log10_gradient_norms(weights, x, activation, upstream)),
        act=_columns(log10_activation_norms(weights, x, activation)),
        weight=_columns(factors["weight"]),
        activation=_columns(factors["activation"]),
    )


def _columns(values: np.ndarray) -> np.ndarray:
    """(layers, samples, batch) -> (layers, samples * batch)."""
    return values.reshape(len(values), -1)


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


def mean_factors(run: NetworkRun) -> dict[str, float]:
    """log10 of the mean over layers and runs of each part of the squared per-layer factor."""
    with np.errstate(divide="ignore"):
        return {
            "weight": log10_mean_of_powers(np.log10(run.weight)),
            "activation": log10_mean_of_powers(np.log10(run.activation)),
            "total": log10_mean_of_powers(log10_step_squares(run.grad)),
        }


def total_growth(grad: np.ndarray) -> float | None:
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
