"""Tests for core.clipping_demo: geometry oracles, exact inverse threshold, MLP gradients by FD."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.cliff import CLIFF_REGION, cliff_trajectory
from core.clipping import clip_grad_value, global_norm
from core.clipping_demo import (
    VALLEY_SLOPE,
    clip_2d,
    clip_both_to,
    compare_to_original,
    deep_gradient_summary,
    first_exit,
    layer_changes,
    log10_histogram,
    mlp_gradients,
    polar_vector,
    run_summary,
    value_threshold_for_norm,
)
from core.network import forward, init_weights


def test_polar_vector():
    np.testing.assert_allclose(polar_vector(2.0, 90.0), [0.0, 2.0], atol=1e-15)
    np.testing.assert_allclose(polar_vector(math.sqrt(2), 45.0), [1.0, 1.0], rtol=1e-15)


def test_clip_2d_hand_example():
    """g = (3, 1), t = 1: the box gives (1, 1) (45 deg), the circle (3, 1) / sqrt(10)."""
    out = clip_2d(np.array([3.0, 1.0]), 1.0)
    np.testing.assert_array_equal(out["value"], [1.0, 1.0])
    np.testing.assert_allclose(out["norm"], np.array([3.0, 1.0]) / (math.sqrt(10) + 1e-6))
    value = compare_to_original(out["none"], out["value"])
    assert value["angle"] == pytest.approx(45.0 - math.degrees(math.atan(1 / 3)), abs=1e-12)
    assert value["cosine"] == pytest.approx(4 / math.sqrt(20), rel=1e-15)
    norm = compare_to_original(out["none"], out["norm"])
    assert norm["cosine"] == pytest.approx(1.0, abs=3e-16) and norm["angle"] < 1e-12
    assert norm["norm"] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("angle", [0.0, 45.0, 90.0, 135.0, 180.0, -90.0])
def test_value_clipping_keeps_axis_and_diagonal_directions(angle):
    out = clip_2d(polar_vector(5.0, angle), 1.0)
    assert compare_to_original(out["none"], out["value"])["angle"] < 1e-6


@settings(max_examples=200, deadline=None)
@given(st.floats(0.01, 100), st.floats(-180, 180), st.floats(0.01, 10))
def test_norm_clip_keeps_direction_and_value_clip_stays_in_box(mag, angle, t):
    out = clip_2d(polar_vector(mag, angle), t)
    assert compare_to_original(out["none"], out["norm"])["angle"] < 1e-6
    assert np.linalg.norm(out["norm"]) <= t * (1 + 1e-12) + 1e-12
    assert np.max(np.abs(out["value"])) <= t


def test_mlp_gradients_match_finite_differences():
    depth, width, gain, seed, batch = 3, 5, 1.7, 4, 6
    weights = init_weights([width] * (depth + 1), "he", gain, seed)
    rng = np.random.default_rng(seed + 1)
    x, u = rng.standard_normal((batch, width)), rng.standard_normal((batch, width))
    wg, bg = mlp_gradients(depth, width, gain, seed, batch)

    def loss(ws, bs):
        a = x
        for w, b in zip(ws, bs, strict=True):
            a = np.maximum(a @ w.T + b, 0.0)
        return float(np.sum(u * a))

    biases = [np.zeros(width) for _ in range(depth)]
    assert loss(weights, biases) == pytest.approx(np.sum(u * forward(weights, x, "relu")[1][-1]))
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


@settings(max_examples=200, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 40),
                  elements=st.floats(-1e6, 1e6, allow_subnormal=False)),
       st.floats(0.001, 1.0))
def test_value_threshold_for_norm_is_exact(g, ratio):
    total = global_norm(g)
    if total == 0:
        return
    v = value_threshold_for_norm([g], ratio * total)
    got = global_norm(clip_grad_value([g], v))
    assert got == pytest.approx(ratio * total, rel=1e-9)


def test_value_threshold_for_norm_examples_and_errors():
    assert value_threshold_for_norm([np.array([3.0, 4.0])], 5.0) == 4.0  # nothing to clip
    # [1, 10]: v in [1, 10] gives sqrt(1 + v^2) = 5 -> v = sqrt(24)
    assert value_threshold_for_norm([np.array([1.0, -10.0])], 5.0) == pytest.approx(math.sqrt(24))
    # both clipped: sqrt(2) v = 0.5
    assert value_threshold_for_norm([np.array([1.0, -10.0])], 0.5) == pytest.approx(0.5 / 2**0.5)
    assert value_threshold_for_norm([np.array([1e200, 1e200])], 1e200) == pytest.approx(
        1e200 / 2**0.5)
    with pytest.raises(ValueError):
        value_threshold_for_norm([np.zeros(3)], 1.0)
    with pytest.raises(ValueError):
        value_threshold_for_norm([np.ones(3)], 0.0)


def test_clip_both_to_same_norm_different_direction():
    wg, bg = mlp_gradients(8, 16, 2.0, 1)
    out = clip_both_to(wg + bg, 0.1)
    original = out["clipped"]["none"]
    value = compare_to_original(original, out["clipped"]["value"])
    norm = compare_to_original(original, out["clipped"]["norm"])
    assert value["norm"] == pytest.approx(0.1 * out["total"], rel=1e-9)
    assert norm["norm"] == pytest.approx(0.1 * out["total"], rel=1e-9)
    assert norm["cosine"] == pytest.approx(1.0, abs=3e-16) and value["cosine"] < 0.99


def test_log10_histogram_counts_and_zeros():
    counts, zeros = log10_histogram([np.array([0.0, 1e-3, -0.5, 20.0, 0.0])], np.arange(-4, 3))
    assert zeros == 2 and counts.tolist() == [0, 1, 0, 1, 0, 1]


def test_first_exit_at_the_cliff_defaults():
    none = cliff_trajectory(method="none")
    k = first_exit(none.path, CLIFF_REGION)
    assert k is not None and none.path[k, 1] < -20
    assert first_exit(cliff_trajectory(method="norm").path, CLIFF_REGION) is None


def test_layer_changes_hand_example():
    before, after = np.array([2.0, 1.0, 0.0]), np.array([1.5, 1.0, -0.25])
    out = layer_changes(before, after)
    assert (out["least"], out["most"]) == (0.0, 0.5)
    assert out["untouched"].tolist() == [False, True, False]
    assert (out["spread_before"], out["spread_after"]) == (2.0, 1.75)


def test_deep_gradient_summary_is_consistent_with_its_parts():
    depth, ratio = 6, 0.1
    out = deep_gradient_summary(depth, 16, 2.0, ratio, 3)
    assert out["shift"] == pytest.approx(math.log10(ratio), abs=1e-6)
    for method in ("none", "value", "norm"):
        assert out["counts"][method].sum() + out["zeros"] == out["size"]
        assert out["norms"][method].shape == (2, depth)
    norm = out["changes"]["norm"]  # one factor for every tensor
    assert norm["least"] == pytest.approx(norm["most"], abs=1e-9) and not norm["untouched"].any()
    value = out["changes"]["value"]
    assert value["least"] == 0.0 and value["untouched"].any()  # small tensors left alone
    assert value["most"] > -math.log10(ratio)  # ... so others must shrink more than norm's


def test_run_summary_at_the_cliff_defaults():
    none = cliff_trajectory(method="none")
    out = run_summary(none.path, none.grad_norm, none.clipped, 2.0, CLIFF_REGION)
    assert out["exit"] == 6 and out["peak_step"] == 5 and out["peak"] > 60 > VALLEY_SLOPE
    assert out["peak_move"] == pytest.approx(0.5 * out["peak"])  # unclipped: lr * ||g||
    assert out["n_clipped"] == 0 and out["above_unclipped"] == int((none.grad_norm > 2).sum())
    norm = cliff_trajectory(method="norm")
    out = run_summary(norm.path, norm.grad_norm, norm.clipped, 2.0, CLIFF_REGION)
    assert out["exit"] is None and out["distance"] < 0.1
    assert out["peak_move"] <= 0.5 * 2.0 + 1e-9 and out["above_unclipped"] == 0


def test_value_clipping_leaves_steps_above_the_threshold_unclipped():
    """Issue 10, item 2: ||g|| > v does not mean some |g_i| > v (4 such steps at v = 1)."""
    value = cliff_trajectory(method="value", threshold=1.0)
    out = run_summary(value.path, value.grad_norm, value.clipped, 1.0, CLIFF_REGION)
    assert out["above_unclipped"] == 4 and out["below_clipped"] == 0
