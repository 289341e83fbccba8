"""What each clipping rule does to a real gradient: a deep ReLU MLP's, clipped by value and by
norm to the same length, measured component by component and layer by layer.

The rules are core.clipping's, with PyTorch semantics.

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

from core.clipping import clip_grad_norm, clip_grad_value, compare_to_original, global_norm
from core.ensemble import draw
from core.mlp import Mlp, gradients

KINDS = ("weight", "bias")  # the rows of deep_gradient_summary's per-layer norms
EVEN_DECADES = 0.005  # clipping lowered the layers "evenly" if it removed this alike from each
BATCH = 32  # random inputs behind the gradient


def mlp_gradients(depth: int, width: int, gain: float, seed: int, batch: int = BATCH
                  ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(weight gradients, bias gradients) per layer of a He-init ReLU MLP with zero biases.

    Loss sum(u * a_L) over a batch of N(0, I) inputs x and upstream gradients u; the network
    and its inputs from core.ensemble.draw(..., "he", gain, seed, samples=None, batch).
    """
    nets = draw([width] * (depth + 1), "he", gain, seed, None, batch)
    net = Mlp(nets.weights, "relu", biases=[np.zeros(width) for _ in range(depth)])
    grads = gradients(net, nets.x, nets.upstream)
    return grads.weights, grads.biases


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


def layer_outcome(changes: dict) -> dict:
    """What layer_changes of the 2 * depth tensors (weights, then biases) says in words.

    "even": every tensor lost the same decades (within EVEN_DECADES); "untouched": how many
    weight and bias tensors kept their norm, by kind; "spread": "narrows" or "widens" when an
    uneven change moved the layers' spread at two decimals, else None.
    """
    even = changes["most"] - changes["least"] < EVEN_DECADES
    untouched = changes["untouched"].reshape(len(KINDS), -1).sum(axis=1)
    before, after = changes["spread_before"], changes["spread_after"]
    spread = None
    if not even and round(before, 2) != round(after, 2):
        spread = "narrows" if after < before else "widens"
    return {"even": bool(even), "untouched": dict(zip(KINDS, map(int, untouched), strict=True)),
            "spread": spread}


def deep_gradient_summary(depth: int, width: int, gain: float, ratio: float, seed: int,
                          bin_width: float) -> dict:
    """One MLP gradient clipped by value and by norm to ratio * ||g||.

    "total", "v", "c": ||g|| and the two thresholds; "size", "zeros": components and exact
    zeros; "span": decades between the largest and smallest nonzero |g_i|; "shift": decades
    the norm moved (log10 ratio, < 0) and "drop" its size; "edges" and "counts"[method]: the
    log10|g_i| histogram in bins `bin_width` decades wide; "metrics"[method]:
    compare_to_original; "norms"[method]: log10 norm per layer, shape (2, depth) for KINDS;
    "spread": decades spanned by the layers' weight and bias gradient norms;
    "changes"[method]: layer_changes of all 2 * depth tensors.
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
        norms[method] = after.reshape(len(KINDS), depth)
        changes[method] = layer_changes(before, after)
    shift = math.log10(metrics["norm"]["norm"] / out["total"])
    return {"total": out["total"], "v": out["value_threshold"], "c": out["norm_threshold"],
            "size": int(flat.size), "zeros": zeros, "span": float(logs.max() - logs.min()),
            "shift": shift, "drop": abs(shift), "edges": edges,
            "counts": counts, "metrics": metrics, "norms": norms,
            "spread": {kind: float(np.ptp(part[np.isfinite(part)]))
                       for kind, part in zip(KINDS, (before[:depth], before[depth:]),
                                             strict=True)},
            "changes": changes}
