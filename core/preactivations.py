"""What phi sees: the pre-activations z_l = W_l a_(l-1) layer by layer, their spread, and the
share of units that pass almost no gradient back (dead ReLUs, saturated tanh or sigmoid units).

core.ensemble.measure_layers(..., pre_activations=True) measures them in the networks whose
gradients it measures, from the same forward pass. In a deep ReLU network z_l leaves float64's
range, so z_l is never formed: the forward pass of core.mlp_logspace carries a_(l-1) as unit
rows times 10^scale, and the spread is taken of z_l / rms_l, with rms_l = sqrt(mean z_l^2)
over every unit and run kept as log10.
A unit is *weak* where phi'(z) < WEAK_SHARE_OF_MAX * max phi': the backward pass multiplies
its gradient by less than a tenth of the most phi can pass.
"""

import math
from dataclasses import dataclass

import numpy as np

from core.activations import LEAKY_SLOPE, check_activation
from core.floats import FLOAT32_MAX_LOG10, FLOAT32_TINY_LOG10, FLOAT64_MAX_LOG10
from core.mlp import Mlp
from core.mlp_logspace import PER_ROW, LogTrace, forward

WEAK_SHARE_OF_MAX = 0.1
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
MAX_DERIVATIVE = {"relu": 1.0, "leaky_relu": 1.0, "tanh": 1.0, "sigmoid": 0.25, "linear": 1.0}
HALF_TOLERANCE = 0.05  # a ReLU dead share within 0.5 +- this is "half"
SATURATION_LEVELS = (0.05, 0.5)  # below: "none"; up to the second: "some"; above: "most"
TREND = 0.1  # a weak share that changes by this much from layer 1 to L has a trend
FLOAT64_TINY_LOG10 = math.log10(np.finfo(np.float64).tiny)  # -307.65
RANGES = (("float64", FLOAT64_TINY_LOG10, FLOAT64_MAX_LOG10),
          ("float32", FLOAT32_TINY_LOG10, FLOAT32_MAX_LOG10))  # log10 of the normal range


def weak_threshold(activation: str) -> float | None:
    """|z| beyond which a tanh/sigmoid unit is weak, 0 for ReLU and leaky ReLU (weak where
    z <= 0), None for linear (never weak)."""
    check_activation(activation)
    if activation == "tanh":  # sech^2 z = 0.1
        return math.acosh(math.sqrt(1.0 / WEAK_SHARE_OF_MAX))
    if activation == "sigmoid":  # s (1 - s) = 0.1 / 4
        s = (1.0 + math.sqrt(1.0 - WEAK_SHARE_OF_MAX)) / 2.0
        return math.log(s / (1.0 - s))
    if activation == "relu" or (activation == "leaky_relu" and LEAKY_SLOPE < WEAK_SHARE_OF_MAX):
        return 0.0
    return None


@dataclass(frozen=True)
class PreActivationStats:
    """Per layer l = 1..L (index l-1), over every unit of every (network, input) run.

    quantiles: (L, len(QUANTILES)) of z_l / rms_l; log10_rms: (L,), -inf where every z_l is 0;
    weak: (L,) share of units with phi'(z_l) < WEAK_SHARE_OF_MAX * max phi';
    mean_square_derivative: (L,) E[phi'(z_l)^2], the activation part of the backward factor.
    """

    activation: str
    quantiles: np.ndarray
    log10_rms: np.ndarray
    weak: np.ndarray
    mean_square_derivative: np.ndarray


def scale_free(v: np.ndarray, scale: np.ndarray) -> tuple[np.ndarray, float]:
    """(z / rms(z), log10 rms(z)) for z = 10^scale * v (scale per row), the rms over every
    entry, without forming z. All zero: (zeros, -inf)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        row_log = 0.5 * np.log10(np.sum(v * v, axis=-1, keepdims=True)) + scale
    finite = row_log[np.isfinite(row_log)]
    if not finite.size:
        return np.zeros_like(v), -math.inf
    top = float(finite.max())
    # mean z^2 = (sum over rows of ||z_row||^2) / entries, in units of 10^(2 top)
    mean_square = float(np.sum(10.0 ** (2.0 * (row_log - top)))) / v.size
    log10_rms = top + 0.5 * math.log10(mean_square)
    with np.errstate(under="ignore"):
        return v * 10.0 ** (scale - log10_rms), log10_rms


def layer_stats(net: Mlp, x: np.ndarray) -> PreActivationStats:
    """The statistics of every layer's z_l for inputs x (..., batch, in) of a bias-free net."""
    return trace_stats(net.activation, forward(net, x, PER_ROW, keep_pre=True))


def trace_stats(activation: str, trace: LogTrace) -> PreActivationStats:
    """The statistics of every layer's z_l from a log-space trace that kept them
    (``forward(..., keep_pre=True)``): what core.ensemble.measure_layers reuses."""
    top = MAX_DERIVATIVE[activation] * WEAK_SHARE_OF_MAX
    scaled = [scale_free(v, scale)
              for v, scale in zip(trace.pre_units, trace.pre_scales, strict=True)]
    flat = np.stack([v.reshape(-1) for v, _ in scaled])
    log10_rms = np.array([log_rms for _, log_rms in scaled])
    derivatives = np.stack([d.reshape(-1) for d in trace.derivatives])
    return PreActivationStats(activation, np.quantile(flat, QUANTILES, axis=1).T,
                              log10_rms, np.mean(derivatives < top, axis=1),
                              np.mean(derivatives**2, axis=1))


def spread_layers(depth: int, count: int) -> list[int]:
    """``count`` layers (at most ``depth``) spread evenly from 1 to ``depth``, both included."""
    return sorted({int(round(v)) for v in np.linspace(1, depth, max(1, min(count, depth)))})


def weak_kind(activation: str, weak_share: float) -> str:
    """The sentence that fits: "linear"; "<relu|leaky_relu>.<half|more>": "more" where the mean
    weak share passes 1/2 by more than HALF_TOLERANCE (whole layers went dark; z is symmetric,
    so less than half is only noise); "saturating.<none|some|most>" for tanh and sigmoid."""
    if activation == "linear":
        return "linear"
    if activation in ("relu", "leaky_relu"):
        return f"{activation}.{'more' if weak_share > 0.5 + HALF_TOLERANCE else 'half'}"
    low, high = SATURATION_LEVELS
    level = "none" if weak_share < low else "some" if weak_share <= high else "most"
    return f"saturating.{level}"


def summary(stats: PreActivationStats) -> dict:
    """The numbers the page's text gives: mean weak share and E[phi'(z)^2] over layers, the
    weak share at layers 1 and L and its trend, log10 rms at layers 1 and L and the most
    extreme one, and the widest float type whose normal range that leaves (None: float32's)."""
    weak = float(np.mean(stats.weak))
    first, last = float(stats.weak[0]), float(stats.weak[-1])
    trend = "up" if last - first >= TREND else "down" if first - last >= TREND else None
    finite = stats.log10_rms[np.isfinite(stats.log10_rms)]
    extreme = float(finite[np.argmax(np.abs(finite))]) if finite.size else 0.0
    beyond = next((name for name, tiny, top in RANGES if not tiny <= extreme <= top), None)
    return {
        "weak": weak, "kind": weak_kind(stats.activation, weak),
        "mean_square_derivative": float(np.mean(stats.mean_square_derivative)),
        "weak_first": first, "weak_last": last, "trend": trend,
        "log10_rms_first": float(stats.log10_rms[0]), "log10_rms_last": float(stats.log10_rms[-1]),
        "log10_rms_extreme": extreme, "beyond": beyond,
    }
