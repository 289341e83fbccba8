"""Measures of lists of arrays (weights, gradients, updates): norms that do not overflow, the
spectral norms of weight matrices and their bound under weight clipping, shares of entries."""

import math

import numpy as np

from core.classifier import Params
from core.clipping import global_norm


def layer_norms(grads: Params) -> np.ndarray:
    """2-norm of each layer's gradient [dW, db (, dgamma, dbeta)] (rescaled, overflow-free,
    if the sum of squares overflows). Batch-norm parameters belong to their hidden layer."""
    depth = len(grads[0])
    squares = [sum(float(np.sum(g[layer] * g[layer])) for g in grads if layer < len(g))
               for layer in range(depth)]
    norms = np.sqrt(squares)
    if np.all(np.isfinite(norms)):
        return norms
    return np.array([global_norm([g[layer] for g in grads if layer < len(g)])
                     for layer in range(depth)])


def total_norm(norms: np.ndarray) -> float:
    """2-norm of the layer norms: the global gradient norm (overflow-free fallback)."""
    total = float(np.sqrt(np.sum(norms * norms)))
    return total if math.isfinite(total) else global_norm(norms)


def difference_norm(new: Params, old: Params) -> float:
    """2-norm of the change of all parameters (overflow-free if the sum overflows)."""
    deltas = [a - b for ns, os in zip(new, old, strict=True) for a, b in zip(ns, os, strict=True)]
    total = math.sqrt(sum(float(np.sum(d * d)) for d in deltas))
    return total if math.isfinite(total) else global_norm(deltas)


def network_norms(arrays: list[np.ndarray]) -> np.ndarray:
    """2-norm of each network's entries, for arrays with a leading network axis (inf if the
    sum of squares overflows)."""
    rows = [a.reshape(len(a), -1) for a in arrays]
    return np.sqrt(sum(np.einsum("ij,ij->i", r, r) for r in rows))  # no squared copy


def network_difference_norms(new: list[np.ndarray], old: list[np.ndarray]) -> np.ndarray:
    """network_norms of new - old: the size of each network's update."""
    return network_norms([a - b for a, b in zip(new, old, strict=True)])


def share_at_bound(weights: list[np.ndarray], c: float) -> float:
    """Share of entries with |w| >= c (after clipping to [-c, c]: exactly at +-c)."""
    flat = np.concatenate([np.ravel(w) for w in weights])
    return float(np.mean(np.abs(flat) >= c))


def spectral_norms(weights: list[np.ndarray]) -> np.ndarray:
    """Largest singular value ||W||_2 of each matrix (exact, by LAPACK's SVD)."""
    return np.array([np.linalg.svd(w, compute_uv=False)[..., 0] for w in weights])


def clipped_spectral_bound(c: float, shape: tuple[int, int]) -> float:
    """c * sqrt(m n): with every |w_ij| <= c, ||W||_2 <= ||W||_F <= c sqrt(m n).

    The bound is attained by the rank-one matrix with every entry c (its one singular value
    is c sqrt(m n)), so no better bound holds for all clipped matrices.
    """
    m, n = shape[-2:]
    return float(c) * math.sqrt(m * n)


def weight_histogram(weights: list[np.ndarray], edges: np.ndarray) -> np.ndarray:
    """Share of all entries in each bin [edges[i], edges[i+1]) (the last bin closed)."""
    flat = np.concatenate([np.ravel(w) for w in weights])
    counts, _ = np.histogram(flat, bins=edges)
    return counts / flat.size if flat.size else counts.astype(float)
