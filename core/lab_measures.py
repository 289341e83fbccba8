"""Measures of a training run (core.training) that the training lab's sentences are chosen by.

Each is a small exact reduction of what ``train`` records, or of the initial network, so a
sentence on the page can state a measured number instead of assuming an outcome.
"""

import math

import numpy as np

from core.training import (
    TrainConfig,
    clip_params,
    has_skip,
    init_params,
    share_at_bound,
    spectral_norms,
    trace_forward,
)


def fan_in_mean_square(weights: list[np.ndarray]) -> np.ndarray:
    """n E[w^2] per layer (n = fan_in): the realised n Var[w] of the backward factor
    n Var[w] E[phi'(z)^2] (He et al. 2015, Eq. 13-14); ReLU is balanced at 2."""
    return np.array([w.shape[1] * float(np.mean(w * w)) for w in weights])


def median_log10_ratio(layer_grad_norms: np.ndarray) -> float:
    """Median over the steps of log10(first layer's gradient norm / last layer's), over the
    steps where both are non-zero; NaN if there is no such step."""
    norms = np.asarray(layer_grad_norms, dtype=float).reshape(len(layer_grad_norms), -1)
    both = (norms[:, 0] > 0) & (norms[:, -1] > 0)
    if not both.any():
        return math.nan
    return float(np.median(np.log10(norms[both, 0] / norms[both, -1])))


def silent_from(layer_grad_norms: np.ndarray) -> int | None:
    """The first step (1-based) from which no hidden layer gets any gradient (every hidden
    layer's gradient norm exactly 0) up to the end of the run; None if the last step has one."""
    norms = np.asarray(layer_grad_norms, dtype=float).reshape(len(layer_grad_norms), -1)
    if norms.shape[1] < 2 or not len(norms):
        return None
    alive = np.flatnonzero(np.any(norms[:, :-1] > 0, axis=1))
    if len(alive) and alive[-1] == len(norms) - 1:
        return None
    return int(alive[-1]) + 2 if len(alive) else 1


def majority_share(p1: np.ndarray) -> float:
    """Share of the points assigned to the more frequent predicted class (P(class 1) > 0.5)."""
    ones = float(np.mean(np.asarray(p1) > 0.5))
    return max(ones, 1.0 - ones)


def halved_at(rates: np.ndarray) -> int | None:
    """The first step (1-based) whose learning rate is at most half the first one, or None."""
    rates = np.asarray(rates, dtype=float)
    hits = np.flatnonzero(rates <= rates[0] / 2) if len(rates) else []
    return int(hits[0]) + 1 if len(hits) else None


def activation_spread_log10(params, x: np.ndarray, activation: str,
                            residual: bool = False) -> np.ndarray:
    """log10 of how much each layer's output varies across the rows of x: the mean over units
    of the standard deviation over the rows, for a_0 (the input) .. a_{L-1} (the last hidden
    layer); -inf for a layer whose output is the same for every row. Batch norm uses the
    statistics of x itself."""
    with np.errstate(all="ignore"):
        activations = trace_forward(params, x, activation, residual).activations
        spreads = np.array([float(np.mean(np.std(a, axis=0))) for a in activations])
        return np.log10(spreads)


def initial_measures(config: TrainConfig, x: np.ndarray, n_out: int = 2) -> dict:
    """What the network of ``config`` looks like at step 0, before any update (weight
    clipping, if set, already applied as in ``train``):

    n_var: n E[w^2] per layer; spectral: ||W||_2 per layer; at_bound: share of weights at
    +-weight_clip (0 without); spread: activation_spread_log10 on x per layer; skips: number of
    hidden layers with a residual connection (0 without); hidden: number of hidden layers."""
    params = clip_params(init_params(config, x.shape[1], n_out), config)
    weights = params[0]
    return {
        "n_var": fan_in_mean_square(weights),
        "spectral": spectral_norms(weights),
        "at_bound": (0.0 if config.weight_clip is None
                     else share_at_bound(weights, config.weight_clip)),
        "spread": activation_spread_log10(params, x, config.activation, config.residual),
        "skips": sum(has_skip(weights, layer, config.residual) for layer in range(len(weights))),
        "hidden": config.depth - 1,
    }
