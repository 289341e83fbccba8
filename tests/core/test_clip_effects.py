"""Tests for core.clip_effects: exact inverse threshold, histograms, per-layer changes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.clip_effects import (
    EVEN_DECADES,
    clip_both_to,
    deep_gradient_summary,
    layer_changes,
    layer_outcome,
    log10_histogram,
    log10_tensor_norms,
    mlp_gradients,
    value_threshold_for_norm,
)
from core.clipping import clip_grad_value, compare_to_original, global_norm


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


def test_log10_tensor_norms_hand_example():
    norms = log10_tensor_norms([np.array([3.0, 4.0]), np.zeros(2), np.array([[0.1]])])
    np.testing.assert_allclose(norms[[0, 2]], [math.log10(5.0), -1.0], rtol=1e-15)
    assert norms[1] == -np.inf


def test_layer_changes_hand_example():
    before, after = np.array([2.0, 1.0, 0.0]), np.array([1.5, 1.0, -0.25])
    out = layer_changes(before, after)
    assert (out["least"], out["most"]) == (0.0, 0.5)
    assert out["untouched"].tolist() == [False, True, False]
    assert (out["spread_before"], out["spread_after"]) == (2.0, 1.75)


def changes(least, most, untouched, before, after):
    return {"least": least, "most": most, "untouched": np.array(untouched),
            "spread_before": before, "spread_after": after}


def test_layer_outcome_hand_examples():
    # 2 layers: tensors (w1, w2, b1, b2); b2 untouched, the spread narrows from 3 to 2.5
    out = layer_outcome(changes(0.0, 0.5, [False, False, False, True], 3.0, 2.5))
    assert out == {"even": False, "untouched": {"weight": 0, "bias": 1}, "spread": "narrows"}
    out = layer_outcome(changes(0.0, 0.5, [True, False, True, True], 1.0, 1.25))
    assert out == {"even": False, "untouched": {"weight": 1, "bias": 2}, "spread": "widens"}
    assert layer_outcome(changes(0.0, 0.5, [False] * 4, 1.0, 1.004))["spread"] is None
    even = layer_outcome(changes(1.0, 1.0 + EVEN_DECADES / 2, [False] * 4, 3.0, 2.0))
    assert even["even"] and even["spread"] is None  # an even change keeps the spread


def test_deep_gradient_summary_is_consistent_with_its_parts():
    depth, ratio, bin_width = 6, 0.1, 0.25
    out = deep_gradient_summary(depth, 16, 2.0, ratio, 3, bin_width)
    assert out["shift"] == pytest.approx(math.log10(ratio), abs=1e-6)
    assert out["drop"] == -out["shift"] > 0  # the decades norm clipping takes off
    np.testing.assert_allclose(np.diff(out["edges"]), bin_width)
    for method in ("none", "value", "norm"):
        assert out["counts"][method].sum() + out["zeros"] == out["size"]
        assert out["norms"][method].shape == (2, depth)
    norm = out["changes"]["norm"]  # one factor for every tensor
    assert norm["least"] == pytest.approx(norm["most"], abs=1e-9) and not norm["untouched"].any()
    assert layer_outcome(norm)["even"]
    value = out["changes"]["value"]
    assert value["least"] == 0.0 and value["untouched"].any()  # small tensors left alone
    assert value["most"] > -math.log10(ratio)  # ... so others must shrink more than norm's
    assert not layer_outcome(value)["even"]
