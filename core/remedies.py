"""Remedies for exploding and vanishing gradients, simulated exactly on a random MLP.

The network is the bias-free MLP of core/mlp.py (rows are examples, W[l] has shape (out, in),
leading sample axis for many networks at once), with constant width and any of these on:

- batch normalisation (Ioffe & Szegedy 2015), train mode, gamma = 1, beta = 0, eps = 1e-5:
  z_l = (h_l - mean_B h_l) / sqrt(var_B h_l + eps) over the batch, per unit, before phi.
- residual connections: a_l = a_{l-1} + r * phi(z_l) with the branch scale r = 1/sqrt(L), on
  every one of the L (square) weight layers. With r = 1 every block adds a full-size branch
  and a ReLU net's squared gradient grows like (1 + gain^2)^L. An expectation argument that
  treats the ReLU masks as independent of the backward signal suggests (1 + gain^2/L)^L <=
  exp(gain^2) for r = 1/sqrt(L), a bound in depth; it does not hold, because the forward
  activations (and so the masks) are correlated with the backward signal. Measured with
  growth_against_depth (ReLU, He, width 64): at gain 1.5 the median growth is about +0.5 /
  +1.0 / +2.4 decades at depth 10 / 30 / 100 with the branches, +1.6 / +5.0 / +16.5 without;
  it keeps rising with depth. With tanh, sigmoid or linear units, or with batch normalisation,
  it levels off in these measurements. Down-scaled branches are what Fixup (Zhang, Dauphin &
  Ma 2019) and SkipInit (De & Smith 2020) do; He et al. 2016 (r = 1) rely on BN inside the
  branch instead.
- gradient clipping by global norm (Pascanu et al. 2013, Alg. 1; PyTorch clip_grad_norm_):
  every layer's weight gradient is multiplied by the same coef = min(1, c / (total + 1e-6)),
  as core.clipping.clip_grad_norm does; log10_clip_coefficient is its log-space form.
- a better initialisation: He for ReLU-like units, Xavier for tanh/sigmoid/linear, at gain 1.

The loss is sum(upstream * a_L). Networks and inputs come from core/ensemble.py; the norms from
core/mlp_logspace.py with one scale per network (batch norm couples the rows), so no value
overflows or underflows float64 at any depth or gain.
"""

import math
from dataclasses import dataclass, replace

import numpy as np

from core.activations import activation as activation_functions
from core.activations import is_positively_homogeneous
from core.clipping import EPS
from core.ensemble import draw, draw_inputs, init_std, init_weights
from core.logspace import unit_and_log10_norm
from core.mlp import BatchNorm, Mlp
from core.mlp_logspace import PER_NETWORK, LogTrace, backward, chunked_matmul, forward
from core.theory import layer_log10_growth, theory_applies

STABLE_DECADES = 1.0  # |total growth| <= 1 decade (a factor of 10) counts as stable
SAMPLES, BATCH = 8, 32  # the page's experiment: networks per column, inputs each (BN's batch)
DEPTH_CURVE = (1, 5, 10, 20, 30, 50, 100)  # depths of the growth-against-depth comparison
TREND_DECADES = 0.25  # a median change beyond this over the deeper half is a trend
BETTER_INIT = {"relu": "he", "leaky_relu": "he", "tanh": "xavier", "sigmoid": "xavier",
               "linear": "xavier"}
LN10 = math.log(10.0)


@dataclass(frozen=True)
class Remedies:
    """Which remedies are on; clip is the max global norm c (None: no clipping)."""

    better_init: bool = False
    batch_norm: bool = False
    residual: bool = False
    clip: float | None = None


# --- the network ----------------------------------------------------------------------------

def residual_scale(depth: int) -> float:
    """Branch scale r = 1/sqrt(depth) of a residual block."""
    return 1.0 / math.sqrt(depth)


def effective_init(activation: str, init: str, gain: float, better_init: bool
                   ) -> tuple[str, float]:
    """(init, gain) actually used: the better init replaces both (He or Xavier at gain 1)."""
    return (BETTER_INIT[activation], 1.0) if better_init else (init, gain)


# --- clipping, in log space ---------------------------------------------------------------

def log10_clip_coefficient(log10_weight_norms: np.ndarray, max_norm: float) -> np.ndarray:
    """log10 min(1, c / (total + 1e-6)), total = global norm of all layers (axis 0)."""
    with np.errstate(divide="ignore"):
        log_total = np.logaddexp.reduce(2.0 * LN10 * np.asarray(log10_weight_norms),
                                        axis=0) / (2.0 * LN10)
        log_denominator = np.logaddexp(log_total * LN10, math.log(EPS)) / LN10
    return np.minimum(0.0, math.log10(max_norm) - log_denominator)


# --- the page's experiment -----------------------------------------------------------------

def network(weights, activation: str, remedies: Remedies) -> Mlp:
    """The engine's network for these weights with batch norm and residual branches as asked."""
    residual = residual_scale(len(weights)) if remedies.residual else None
    return Mlp(weights, activation, batch_norm=BatchNorm() if remedies.batch_norm else None,
               residual=residual)


def log10_norms(net: Mlp, x: np.ndarray, upstream: np.ndarray) -> dict[str, np.ndarray]:
    """{"input": log10 ||dL/da_l|| per example (L+1, ..., batch), "weight": log10 ||dL/dW_l||_F
    per network (L, ...)}, in log space with one scale per network."""
    norms = backward(net, forward(net, x, PER_NETWORK), upstream, PER_NETWORK,
                     weight_norms=True)
    return {"input": norms.inputs, "weight": norms.weights}


def simulate_remedies(activation: str, init: str, gain: float, depth: int, width: int,
                      remedies: Remedies, samples: int, batch: int, seed: int
                      ) -> dict[str, np.ndarray]:
    """Per-layer log10 gradient norms of `samples` random networks with the remedies on.

    Keys: "input" (depth+1, samples, batch) log10 ||dL/da_l|| per example, "weight"
    (depth, samples) log10 ||dL/dW_l|| before clipping, "clipped" the same after clipping
    (equal if clip is None), "coef" (samples,) log10 of the clip factor.
    """
    init, gain = effective_init(activation, init, gain, remedies.better_init)
    ensemble = draw([width] * (depth + 1), init, gain, seed, samples, batch)
    norms = log10_norms(network(ensemble.weights, activation, remedies), ensemble.x,
                        ensemble.upstream)
    coef = (np.zeros(samples) if remedies.clip is None
            else log10_clip_coefficient(norms["weight"], remedies.clip))
    return {**norms, "clipped": norms["weight"] + coef, "coef": coef}


def growth_per_example(log10_input_norms: np.ndarray) -> np.ndarray:
    """log10 ||dL/da_0|| - log10 ||dL/da_L|| per example: decades gained toward the input."""
    return log10_input_norms[0] - log10_input_norms[-1]


def median_growth(growth: np.ndarray) -> float:
    """Median over the examples whose input gradient is not exactly zero (NaN if none is)."""
    values = np.asarray(growth, dtype=float).ravel()
    values = values[np.isfinite(values)]
    return float(np.median(values)) if values.size else math.nan


def per_layer_factor(growth_decades: float, depth: int) -> float:
    """The factor one layer multiplies the gradient norm by, on average: 10^(growth / depth)."""
    return 10.0 ** (growth_decades / depth)


def verdict(growth_decades: float) -> str:
    """"vanishing" below -1 decade, "exploding" above +1, else "stable"."""
    if growth_decades < -STABLE_DECADES:
        return "vanishing"
    if growth_decades > STABLE_DECADES:
        return "exploding"
    return "stable"


# --- phase diagram -------------------------------------------------------------------------

def theory_growth_grid(activation: str, init: str, gains, depths, width: int) -> np.ndarray:
    """Expected total growth (decades), shape (gains, depths): depth * per-layer growth.

    Exact in expectation for relu/leaky_relu/linear (core/theory.py); constant width makes all
    layers equal, so the sum in expected_log10_growth is depth times one step.
    """
    steps = np.array([layer_log10_growth(activation, init, g, width, width) for g in gains])
    return steps[:, None] * np.asarray(depths, dtype=float)[None, :]


def simulated_growth_grid(activation: str, init: str, gains, depths, width: int,
                          samples: int, batch: int, seed: int) -> np.ndarray:
    """Median total growth (decades) over networks and inputs, shape (gains, depths).

    Forward mode: one pass of the deepest network carries a random tangent t_l = J_l t_0 for
    every gain at once (gains stacked in the batch; W = gain * std * Z shares Z), so depth d's
    growth is read off at layer d. E||J t||^2 / ||t||^2 = ||J||_F^2 / n = E||J^T u||^2 / ||u||^2
    for isotropic t, u: the same mean square as the backward growth the columns show.
    """
    phi, dphi = activation_functions(activation)
    gains = np.asarray(gains, dtype=float)
    depths = np.asarray(depths)
    z_weights = init_weights([width] * (int(depths.max()) + 1), "normal", 1.0, seed,
                             samples=samples)
    x, t = draw_inputs(seed, samples, batch, width)
    std = np.repeat([init_std(init, width, width, g) for g in gains], batch)[:, None]
    a = np.tile(x, (1, len(gains), 1))  # rows: gain-major, then batch
    t_unit, t_log = unit_and_log10_norm(np.tile(t, (1, len(gains), 1)))
    start = t_log.copy()
    growth = np.empty((len(gains), len(depths)))
    with np.errstate(under="ignore", divide="ignore", invalid="ignore"):
        for layer, z in enumerate(z_weights, start=1):
            zt = z.swapaxes(-1, -2)
            h = chunked_matmul(a, zt) * std
            a, slope = phi(h), dphi(h)
            t_unit, step = unit_and_log10_norm(slope * (chunked_matmul(t_unit, zt) * std))
            t_log = t_log + step
            for column in np.flatnonzero(depths == layer):
                decades = (t_log - start).reshape(samples, len(gains), batch)
                growth[:, column] = np.nanmedian(decades.transpose(1, 0, 2).reshape(
                    len(gains), -1), axis=1)
    return growth


def growth_grid(activation: str, init: str, gains, depths, width: int, samples: int,
                batch: int, seed: int) -> tuple[np.ndarray, str]:
    """(total growth in decades over (gains, depths), "theory" or "simulation")."""
    if theory_applies(activation):
        return theory_growth_grid(activation, init, gains, depths, width), "theory"
    return (simulated_growth_grid(activation, init, gains, depths, width, samples, batch, seed),
            "simulation")


# --- growth against depth, with and without residual branches ------------------------------

def growth_against_depth(activation: str, init: str, gain: float, width: int, batch_norm: bool,
                         depths, samples: int, batch: int, seed: int,
                         kinds: tuple[str, ...] = ("plain", "residual")) -> dict[str, np.ndarray]:
    """Total growth (decades) per example of plain and residual networks at each depth.

    {"plain": ..., "residual": ...} (those of ``kinds``), each shape (len(depths), samples *
    batch), the same numbers as ``simulate_remedies`` at each depth with the same seed. A plain
    network of depth L is the first L layers of the deepest one (same seed, same inputs), so
    one forward pass serves every depth; a residual one is drawn per depth (its branch scale
    1/sqrt(L) depends on L).
    """
    result = {}
    if "plain" in kinds:
        ensemble = draw([width] * (int(max(depths)) + 1), init, gain, seed, samples, batch)
        net = network(ensemble.weights, activation, Remedies(batch_norm=batch_norm))
        trace = forward(net, ensemble.x, PER_NETWORK)
        result["plain"] = np.stack([
            _input_growth(replace(net, weights=net.weights[:depth]), _first_layers(trace, depth),
                          ensemble.upstream) for depth in map(int, depths)])
    if "residual" in kinds:
        remedies = Remedies(batch_norm=batch_norm, residual=True)
        rows = []
        for depth in map(int, depths):
            ensemble = draw([width] * (depth + 1), init, gain, seed, samples, batch)
            net = network(ensemble.weights, activation, remedies)
            rows.append(_input_growth(net, forward(net, ensemble.x, PER_NETWORK),
                                      ensemble.upstream))
        result["residual"] = np.stack(rows)
    return result


def _first_layers(trace: LogTrace, depth: int) -> LogTrace:
    """The forward pass of a network's first ``depth`` layers, out of the whole network's."""
    return LogTrace(trace.units[:depth + 1], trace.scales[:depth + 1],
                    trace.derivatives[:depth], trace.normalised[:depth], trace.log_std[:depth])


def _input_growth(net: Mlp, trace: LogTrace, upstream: np.ndarray) -> np.ndarray:
    """Decades gained from a_L to a_0 per example (no weight gradients needed)."""
    return growth_per_example(backward(net, trace, upstream, PER_NETWORK).inputs).ravel()


def gain_shifts_growth(activation: str, batch_norm: bool) -> bool:
    """Whether a plain network's growth at gain g is its growth at gain 1 plus L·log10(g)
    exactly: true for positively homogeneous activations without batch norm (same masks)."""
    return is_positively_homogeneous(activation) and not batch_norm


def shift_by_gain(growth_at_one: np.ndarray, depths, gain: float) -> np.ndarray:
    """Plain networks' growth at ``gain`` from their growth at gain 1, rows per depth L:
    + L·log10(gain) (valid where ``gain_shifts_growth``)."""
    return growth_at_one + np.asarray(depths, dtype=float)[:, None] * math.log10(gain)


def depth_trend(depths, medians, tolerance: float = TREND_DECADES) -> tuple[str, int, int]:
    """("rising" | "falling" | "level", from_depth, to_depth) over the deeper half.

    Compares the median growth at the deepest depth with the one at the depth nearest half of
    it; a change within ``tolerance`` decades is "level".
    """
    depths, medians = np.asarray(depths), np.asarray(medians, dtype=float)
    start = int(np.argmin(np.abs(depths - depths[-1] / 2)))
    change = medians[-1] - medians[start]
    trend = "rising" if change > tolerance else "falling" if change < -tolerance else "level"
    return trend, int(depths[start]), int(depths[-1])


# --- the critical gain of a saturating activation -------------------------------------------

CRITICAL_GAINS = 2.0 ** (np.arange(0, 49) / 8)  # 1 ... 64 times the init's std, 1/8 octave


def critical_gain(activation: str, init: str, width: int, depth: int, samples: int, batch: int,
                  seed: int, gains=CRITICAL_GAINS) -> float | None:
    """The gain where the simulated total growth of the plain network crosses zero, or None.

    Linear interpolation in log(gain) between the two grid gains around the first sign change
    from below; None if the growth does not cross zero from below within ``gains``.
    """
    growth = simulated_growth_grid(activation, init, gains, [depth], width, samples, batch,
                                   seed)[:, 0]
    crossings = np.flatnonzero((growth[:-1] < 0) & (growth[1:] >= 0))
    if not crossings.size:
        return None
    i = int(crossings[0])
    lo, hi = math.log(gains[i]), math.log(gains[i + 1])
    share = -growth[i] / (growth[i + 1] - growth[i])
    return float(math.exp(lo + share * (hi - lo)))


def stable_counts(growth: np.ndarray, tolerance: float = STABLE_DECADES) -> np.ndarray:
    """Per depth (column) of a (gains, depths) grid: how many gains are stable (|g| <= tol)."""
    return np.sum(np.abs(np.asarray(growth, dtype=float)) <= tolerance, axis=0)

