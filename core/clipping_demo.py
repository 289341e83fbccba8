"""What the gradient-clipping page computes: a 2-D vector, a deep MLP's gradient, the cliff.

Pure NumPy on top of core.clipping (PyTorch semantics), core.network and core.cliff.

Why the MLP has (zero-initialised) biases: in a bias-free ReLU network every weight gradient
dLoss/dW_l = delta_l a_{l-1}^T scales like gain^(L-1) whatever l is (the backward factor
gain^(L-l) times the forward factor gain^(l-1)), so the layers' weight gradients have about the
same size. The bias gradients dLoss/db_l = sum over the batch of delta_l scale like gain^(L-l):
they differ by decades across layers, which is the heavy tail that clipping by value reshapes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from core.cliff import A, B, H, K, M
from core.clipping import (
    angle_degrees,
    clip_grad_norm,
    clip_grad_value,
    cosine_similarity,
    fraction_changed,
    global_norm,
)
from core.network import forward, init_weights, input_gradients

METHODS = ("none", "value", "norm")
BATCH = 32  # random inputs behind section 2's gradient
VALLEY_SLOPE = math.hypot(A, B)  # off the cliff no gradient of core.cliff is longer than this
CLIFF_SLOPE = H * K / 4  # the cliff term's steepest slope (its sigmoid's peak)
CLIFF_MINIMUM = (M, 0.0)  # the minimum, to within about 0.01 in w2 (the cliff's tail)


# ---------------------------------------------------------------- (a) one 2-D vector


def polar_vector(magnitude: float, angle_deg: float) -> np.ndarray:
    """(magnitude cos a, magnitude sin a) for an angle in degrees."""
    a = math.radians(angle_deg)
    return np.array([magnitude * math.cos(a), magnitude * math.sin(a)])


def clip_2d(g: np.ndarray, threshold: float) -> dict[str, np.ndarray]:
    """The vector unclipped, clipped by value (box [-t, t]^2) and by norm (circle of radius t)."""
    g = np.asarray(g, dtype=np.float64)
    return {
        "none": g.copy(),
        "value": clip_grad_value([g], threshold)[0],
        "norm": clip_grad_norm([g], threshold)[0][0],
    }


def compare_to_original(original, clipped) -> dict[str, float]:
    """Norm of `clipped`, its cosine and angle (degrees) to `original`, share of entries changed."""
    return {
        "norm": global_norm(clipped),
        "cosine": cosine_similarity(original, clipped),
        "angle": angle_degrees(original, clipped),
        "changed": fraction_changed(original, clipped),
    }


# ---------------------------------------------------------------- (b) a deep network's gradient


def mlp_gradients(depth: int, width: int, gain: float, seed: int, batch: int = BATCH
                  ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(weight gradients, bias gradients) per layer of a He-init ReLU MLP with zero biases.

    Loss sum(u * a_L) over a batch of N(0, I) inputs x and upstream gradients u (from
    default_rng(seed + 1)); weights from init_weights(..., "he", gain, seed).
    """
    weights = init_weights([width] * (depth + 1), "he", gain, seed)
    rng = np.random.default_rng(seed + 1)
    x = rng.standard_normal((batch, width))
    upstream = rng.standard_normal((batch, width))
    pre, acts = forward(weights, x, "relu")
    grads = input_gradients(weights, x, "relu", upstream)
    deltas = [(h > 0) * g for h, g in zip(pre, grads[1:], strict=True)]  # dLoss/dh_l
    weight_grads = [d.T @ a for d, a in zip(deltas, acts[:-1], strict=True)]
    bias_grads = [d.sum(axis=0) for d in deltas]
    return weight_grads, bias_grads


def value_threshold_for_norm(grads: Sequence, target: float) -> float:
    """The v at which clipping by value leaves a gradient of norm `target` (exact, via sorting).

    ||clip(g, v)||^2 = sum_{|g_i| <= v} g_i^2 + v^2 #{|g_i| > v} grows continuously with v,
    so between consecutive sorted |g_i| it is solved in closed form. target >= ||g|| gives
    max|g_i| (nothing is clipped).
    """
    a = np.sort(np.abs(np.concatenate([np.ravel(x) for x in grads])).astype(np.float64))
    if a.size == 0 or not np.all(np.isfinite(a)) or not (math.isfinite(target) and target > 0):
        raise ValueError("need a finite non-empty gradient and a finite target > 0")
    m = a[-1]
    if m == 0.0:
        raise ValueError("the gradient is zero: no clipping can give it a positive norm")
    s, t2 = a / m, (target / m) ** 2  # scaled by the largest entry: no overflow
    below = np.concatenate([[0.0], np.cumsum(s**2)[:-1]])  # sum of squares before index j
    at_j = below + s**2 * (s.size - np.arange(s.size))  # squared norm when v = s_j
    if t2 >= at_j[-1]:
        return float(m)
    j = int(np.searchsorted(at_j, t2))  # first j with at_j >= t2: v lies in [s_{j-1}, s_j]
    return float(m * math.sqrt((t2 - below[j]) / (s.size - j)))


def clip_both_to(grads: Sequence, ratio: float) -> dict:
    """Clip `grads` by value and by norm so both end with norm ratio * ||g||; thresholds too."""
    total = global_norm(grads)
    target = ratio * total
    v = value_threshold_for_norm(grads, target)
    return {
        "total": total,
        "value_threshold": v,
        "norm_threshold": target,
        "clipped": {
            "none": [np.array(g, dtype=np.float64) for g in grads],
            "value": clip_grad_value(grads, v),
            "norm": clip_grad_norm(grads, target)[0],
        },
    }


def log10_histogram(grads: Sequence, edges: np.ndarray) -> tuple[np.ndarray, int]:
    """(counts of log10|g_i| in the bins `edges`, number of exact zeros left out)."""
    flat = np.abs(np.concatenate([np.ravel(x) for x in grads]))
    nonzero = flat[flat > 0]
    counts, _ = np.histogram(np.log10(nonzero), bins=edges)
    return counts, int(flat.size - nonzero.size)


def log10_tensor_norms(grads: Sequence) -> np.ndarray:
    """log10 ||g_k|| of each tensor (-inf for an all-zero one)."""
    with np.errstate(divide="ignore"):
        return np.log10([np.linalg.norm(g) for g in grads])


def layer_changes(before: np.ndarray, after: np.ndarray) -> dict:
    """How a clipping changed per-tensor log10 norms (arrays of the same shape).

    "least"/"most": fewest and most decades removed from a tensor; "untouched": mask of the
    tensors whose norm did not change at all; "spread_before"/"spread_after": decades between
    the largest and the smallest tensor norm. All-zero tensors (-inf) count as untouched and
    are left out of the numbers.
    """
    finite = np.isfinite(before)
    removed = before[finite] - after[finite]
    return {"least": float(removed.min()), "most": float(removed.max()),
            "untouched": ~finite | (before == after),
            "spread_before": float(np.ptp(before[finite])),
            "spread_after": float(np.ptp(after[finite]))}


def deep_gradient_summary(depth: int, width: int, gain: float, ratio: float, seed: int,
                          bin_width: float = 0.25) -> dict:
    """Section 2's numbers: one MLP gradient clipped by value and by norm to ratio * ||g||.

    "total", "v", "c": ||g|| and the two thresholds; "size", "zeros": components and exact
    zeros; "span": decades between the largest and smallest nonzero |g_i|; "shift": decades
    the norm moved (log10 ratio, < 0); "edges" and "counts"[method]: the log10|g_i| histogram;
    "metrics"[method]: compare_to_original; "norms"[method]: log10 norm per layer, shape
    (2, depth) for (weights, biases); "spread": decades spanned by the layers' weight and bias
    gradient norms; "changes"[method]: layer_changes of all 2 * depth tensors.
    """
    weight_grads, bias_grads = mlp_gradients(depth, width, gain, seed)
    grads = weight_grads + bias_grads
    out = clip_both_to(grads, ratio)
    flat = np.abs(np.concatenate([g.ravel() for g in grads]))
    logs = np.log10(flat[flat > 0])
    low = math.floor(min(logs.min(), math.log10(out["value_threshold"])) + math.log10(ratio))
    edges = np.arange(low, math.ceil(logs.max()) + 1.5 * bin_width, bin_width)
    before = log10_tensor_norms(grads)
    counts, norms, metrics, changes = {}, {}, {}, {}
    original = np.concatenate([np.ravel(g) for g in grads])  # one vector: the same measures
    for method, clipped in out["clipped"].items():
        counts[method], zeros = log10_histogram(clipped, edges)
        metrics[method] = compare_to_original(
            original, np.concatenate([np.ravel(g) for g in clipped]))
        after = log10_tensor_norms(clipped)
        norms[method] = after.reshape(2, depth)
        changes[method] = layer_changes(before, after)
    return {"total": out["total"], "v": out["value_threshold"], "c": out["norm_threshold"],
            "size": int(flat.size), "zeros": zeros, "span": float(logs.max() - logs.min()),
            "shift": math.log10(metrics["norm"]["norm"] / out["total"]), "edges": edges,
            "counts": counts, "metrics": metrics, "norms": norms,
            "spread": {kind: float(np.ptp(part[np.isfinite(part)]))
                       for kind, part in (("weight", before[:depth]), ("bias", before[depth:]))},
            "changes": changes}


# ---------------------------------------------------------------- (c) the cliff


def first_exit(path: np.ndarray, region) -> int | None:
    """Index of the first point of `path` outside region ((x0, x1), (y0, y1)), or None."""
    (x0, x1), (y0, y1) = region
    p = np.asarray(path)
    outside = (p[:, 0] < x0) | (p[:, 0] > x1) | (p[:, 1] < y0) | (p[:, 1] > y1)
    hits = np.flatnonzero(outside)
    return int(hits[0]) if hits.size else None


def run_summary(path: np.ndarray, grad_norm: np.ndarray, clipped: np.ndarray, threshold: float,
                region) -> dict:
    """What section 3 says about one descent run on the cliff.

    "end", "distance" (to CLIFF_MINIMUM), "exit" (first_exit), "n_clipped" (steps clipped),
    "above_unclipped" (steps with ||g|| > threshold that were not clipped), "below_clipped"
    (clipped steps with ||g|| <= threshold), "peak" and "peak_step" (largest raw ||g||, None
    without steps) and "peak_move" (how far that step moved the parameters).
    """
    path, grad_norm, clipped = np.asarray(path), np.asarray(grad_norm), np.asarray(clipped)
    end = path[-1]
    summary = {"end": (float(end[0]), float(end[1])),
               "distance": math.hypot(end[0] - CLIFF_MINIMUM[0], end[1] - CLIFF_MINIMUM[1]),
               "exit": first_exit(path, region), "n_clipped": int(clipped.sum()),
               "above_unclipped": int(np.sum((grad_norm > threshold) & ~clipped)),
               "below_clipped": int(np.sum((grad_norm <= threshold) & clipped)),
               "peak": None, "peak_step": None, "peak_move": None}
    if grad_norm.size:
        k = int(np.argmax(grad_norm))
        summary.update(peak=float(grad_norm[k]), peak_step=k,
                       peak_move=float(np.linalg.norm(path[k + 1] - path[k])))
    return summary
