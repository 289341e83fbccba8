"""Input-gradient saliency of a trained MLP (core.training), and how far two explanations agree.

The explanation of a two-class model at a point x is the gradient of its logit margin,
s(x) = d(z_1 - z_0)/dx, a vector in the plane. ``params`` are ``(weights, biases)`` as
core.training stores them: W[l] of shape (out, in), b[l] of shape (out,), h = a @ W.T + b.

Overflow: a model trained in the exploding regime can hold weights of 1e100 and more, and its
margin, saliency and per-layer gradients overflow float64. For positively homogeneous
activations (ReLU, leaky ReLU, linear) the network is first rescaled exactly: each W[l] is
divided by c_l = max|W[l]| and b[l] by c_0 ... c_l. That leaves every ReLU mask unchanged and
divides the margin by prod c_l, so gradients are computed on weights of size <= 1 and the
scale is carried as log10 (``scaled_out``). Other activations are computed as they are.
"""

import math

import numpy as np

from core import mlp
from core.activations import is_positively_homogeneous
from core.logspace import unit_and_log10_norm

Params = tuple[list[np.ndarray], list[np.ndarray]]
MAX_LOG10 = 300.0  # values shown as numbers are capped at 1e300 (float64 ends at 1.8e308)


# ---------------------------------------------------------------- the network, rescaled


def scale_params(params: Params, gain: float) -> Params:
    """Every weight times ``gain``, the biases of layer l (1-based) times gain^l.

    For a ReLU network and gain > 0 this multiplies every pre-activation of layer l by gain^l
    exactly: the masks, the decision boundary and the saliency direction stay, and the margin
    and the saliency are multiplied by gain^L (larger for gain > 1, smaller for gain < 1).
    """
    weights, biases = params
    with np.errstate(over="ignore", invalid="ignore"):  # 0 * inf: a zero bias stays zero
        factors = np.float64(gain) ** np.arange(1, len(biases) + 1)
        return ([w * gain for w in weights],
                [np.where(b == 0, 0.0, b * f) for b, f in zip(biases, factors, strict=True)])


def layer_log10_scales(weights: list[np.ndarray], activation: str) -> np.ndarray:
    """log10 c_l, c_l = max|W[l]| (1 for an all-zero layer or a non-homogeneous activation)."""
    if not is_positively_homogeneous(activation):
        return np.zeros(len(weights))
    peaks = np.array([float(np.max(np.abs(w))) if w.size else 0.0 for w in weights])
    return np.log10(np.where(peaks > 0, peaks, 1.0))


def rescaled(params: Params, activation: str) -> tuple[Params, np.ndarray]:
    """(the network with W[l] / c_l and b[l] / (c_0...c_l), log10 c_l per layer)."""
    weights, biases = params
    log_c = layer_log10_scales(weights, activation)
    cumulative = np.cumsum(log_c)
    with np.errstate(under="ignore"):
        new_weights = [w / 10.0 ** lc for w, lc in zip(weights, log_c, strict=True)]
        new_biases = [b * 10.0 ** -cum for b, cum in zip(biases, cumulative, strict=True)]
    return (new_weights, new_biases), log_c


def margin_upstream(n_out: int) -> np.ndarray:
    """The row vector that turns logits into the margin z_1 - z_0."""
    upstream = np.zeros(n_out)
    upstream[0], upstream[1] = -1.0, 1.0
    return upstream


# ---------------------------------------------------------------- gradients


def network(params: Params, activation: str) -> mlp.Mlp:
    """The engine's network of a classifier: biases, and linear logits as the last layer."""
    weights, biases = params
    return mlp.Mlp(weights, activation, biases=biases, linear_output=True)


def input_gradients(params: Params, x: np.ndarray, activation: str,
                    upstream: np.ndarray) -> list[np.ndarray]:
    """[g_0..g_L]: gradient of (logits @ upstream) with respect to a_0 = x, a_1, ..., logits
    (plain float64, no rescaling)."""
    return mlp.input_gradients(network(params, activation), x, upstream)


def saliency(params: Params, x: np.ndarray, activation: str) -> tuple[np.ndarray, np.ndarray]:
    """(unit saliency direction per point (n, 2), log10 of its magnitude (n,)), overflow-free.

    A point where the gradient is exactly zero (every path through dead ReLUs) has a zero
    direction and log10 magnitude -inf.
    """
    small, log_c = rescaled(params, activation)
    g0 = input_gradients(small, x, activation, margin_upstream(len(small[1][-1])))[0]
    unit, log_norm = unit_and_log10_norm(g0)
    return unit, log_norm + float(np.sum(log_c))


def layer_log10_norms(params: Params, x: np.ndarray, activation: str) -> np.ndarray:
    """log10 ||d margin / d a_l|| for l = 0 (input) .. L (logits), shape (L + 1, n).

    g_l of the real network is g_l of the rescaled one times c_l ... c_{L-1}.
    """
    small, log_c = rescaled(params, activation)
    gradients = input_gradients(small, x, activation, margin_upstream(len(small[1][-1])))
    above = np.concatenate([np.cumsum(log_c[::-1])[::-1], [0.0]])  # sum of log c_k, k >= l
    return np.stack([unit_and_log10_norm(g)[1] + add for g, add in zip(gradients, above,
                                                                    strict=True)])


def log10_margin(params: Params, x: np.ndarray, activation: str) -> tuple[np.ndarray, np.ndarray]:
    """(sign of the margin z_1 - z_0, log10 |margin|) per point, overflow-free."""
    small, log_c = rescaled(params, activation)
    logits = mlp.forward(network(small, activation), x).activations[-1]
    margin = logits @ margin_upstream(logits.shape[1])
    with np.errstate(divide="ignore"):
        return np.sign(margin), np.log10(np.abs(margin)) + float(np.sum(log_c))


def class1_probability(params: Params, x: np.ndarray, activation: str) -> np.ndarray:
    """P(class 1) = sigmoid(z_1 - z_0) for a two-class model, in [0, 1], never NaN."""
    sign, log_abs = log10_margin(params, x, activation)
    magnitude = 10.0 ** np.minimum(log_abs, MAX_LOG10)  # -inf -> 0
    return 0.5 * (1.0 + np.tanh(0.5 * sign * magnitude))


def unsure_share(probability: np.ndarray, margin: float = 0.01) -> float:
    """Share of points whose P(class 1) lies strictly between ``margin`` and 1 - ``margin``."""
    p = np.asarray(probability, dtype=float)
    return float(np.mean((p > margin) & (p < 1.0 - margin)))


# ---------------------------------------------------------------- the plane


def grid_points(x_range: tuple[float, float], y_range: tuple[float, float],
                n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x centres (n,), y centres (n,), points (n*n, 2)) of an n x n grid, x varying fastest."""
    xs = np.linspace(*x_range, n)
    ys = np.linspace(*y_range, n)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def data_extent(x: np.ndarray, pad: float = 0.25) -> tuple[tuple[float, float],
                                                         tuple[float, float]]:
    """A square box around the data (its longer side, centred), padded by ``pad``."""
    low, high = x.min(axis=0), x.max(axis=0)
    centre, half = (low + high) / 2, float(np.max(high - low)) / 2 + pad
    return ((float(centre[0] - half), float(centre[0] + half)),
            (float(centre[1] - half), float(centre[1] + half)))


# ---------------------------------------------------------------- agreement


def cosine_agreement(u: np.ndarray, v: np.ndarray) -> tuple[float, int]:
    """(mean cosine between the rows of u and v, number of rows used).

    Rows where either vector is zero (no explanation there) are left out; with none left
    the agreement is 0. Symmetric, and 1 for identical maps.
    """
    nu, nv = np.linalg.norm(u, axis=1), np.linalg.norm(v, axis=1)
    used = (nu > 0) & (nv > 0)
    if not used.any():
        return 0.0, 0
    cos = np.sum(u[used] * v[used], axis=1) / (nu[used] * nv[used])
    return float(np.mean(np.clip(cos, -1.0, 1.0))), int(used.sum())


def ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n of ``values`` (ties get their average rank; -inf ranks lowest)."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    ranked = np.empty(len(values))
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    for start, end in zip(starts, ends, strict=True):
        ranked[order[start:end]] = (start + end + 1) / 2  # mean of ranks start+1 .. end
    return ranked


def rank_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rho: the Pearson correlation of the ranks (1 if both are constant alike)."""
    ra, rb = ranks(a), ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denominator = math.sqrt(float(np.sum(ra * ra)) * float(np.sum(rb * rb)))
    if denominator == 0:
        return 1.0 if np.array_equal(ra, rb) else 0.0
    return float(np.clip(np.sum(ra * rb) / denominator, -1.0, 1.0))


def direction_stability(params: Params, x: np.ndarray, activation: str, sigma: float,
                        repeats: int, seed: int) -> tuple[float, int]:
    """(mean cosine between s(x) and s(x + delta), pairs used), delta ~ N(0, sigma^2 I).

    1 means a nudge of size sigma never turns the explanation; lower means noise.
    """
    rng = np.random.default_rng(seed)
    unit, _ = saliency(params, x, activation)
    nudged = x[None] + sigma * rng.standard_normal((repeats, *x.shape))
    moved, _ = saliency(params, nudged.reshape(-1, x.shape[1]), activation)
    return cosine_agreement(np.tile(unit, (repeats, 1)), moved)


def angle_degrees(cosine: float) -> float:
    """The angle whose cosine is ``cosine`` (clipped to [-1, 1]), in degrees."""
    return math.degrees(math.acos(min(max(cosine, -1.0), 1.0)))
