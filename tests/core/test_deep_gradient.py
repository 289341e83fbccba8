"""Tests for core.clip_effects.mlp_gradients: finite differences, the bias gradients' spread."""

import numpy as np
import pytest

from core.clip_effects import mlp_gradients
from core.ensemble import init_weights
from core.mlp import Mlp, forward


def test_mlp_gradients_match_finite_differences():
    depth, width, gain, seed, batch = 3, 5, 1.7, 4, 6
    weights = init_weights([width] * (depth + 1), "he", gain, seed)
    rng = np.random.default_rng([seed, 1])  # core.ensemble's inputs: x, then upstream
    x, u = rng.standard_normal((batch, width)), rng.standard_normal((batch, width))
    wg, bg = mlp_gradients(depth, width, gain, seed, batch)

    def loss(ws, bs):
        a = x
        for w, b in zip(ws, bs, strict=True):
            a = np.maximum(a @ w.T + b, 0.0)
        return float(np.sum(u * a))

    biases = [np.zeros(width) for _ in range(depth)]
    engine_output = forward(Mlp(weights, "relu"), x).activations[-1]
    assert loss(weights, biases) == pytest.approx(np.sum(u * engine_output))
    h = 1e-6  # loss is piecewise linear in each parameter: central differences are exact
    for layer in range(depth):  # away from a ReLU kink, up to rounding ~1e-9
        for (i, j) in [(0, 0), (2, 3), (4, 1)]:
            wp = [w.copy() for w in weights]
            wm = [w.copy() for w in weights]
            wp[layer][i, j] += h
            wm[layer][i, j] -= h
            fd = (loss(wp, biases) - loss(wm, biases)) / (2 * h)
            assert wg[layer][i, j] == pytest.approx(fd, abs=1e-6)
        for i in range(width):
            bp = [b.copy() for b in biases]
            bm = [b.copy() for b in biases]
            bp[layer][i] += h
            bm[layer][i] -= h
            fd = (loss(weights, bp) - loss(weights, bm)) / (2 * h)
            assert bg[layer][i] == pytest.approx(fd, abs=1e-6)


def test_bias_gradients_span_decades_weight_gradients_do_not():
    wg, bg = mlp_gradients(12, 32, 2.0, 0)
    w = np.log10([np.linalg.norm(g) for g in wg])
    b = np.log10([np.linalg.norm(g) for g in bg])
    assert w.max() - w.min() < 0.5  # gain^(L-1) for every layer
    assert b[0] - b[-1] > 2.5  # gain^(L-l): 11 * log10(2) = 3.3 decades expected
