"""Tests for core.profiles: log-space means, per-layer steps, dead runs, float limits, trends."""

import math

import numpy as np
import pytest

from core.profiles import (
    dead_share,
    factor_trend,
    first_layer_beyond,
    log10_mean_of_powers,
    log10_step_squares,
    median_total_growth,
)


def test_log10_mean_of_powers_matches_numpy_and_survives_huge_values():
    x = np.array([0.3, -1.2, 2.0, np.nan])
    assert math.isclose(log10_mean_of_powers(x), math.log10(np.mean(10 ** x[:3])), rel_tol=1e-12)
    assert math.isclose(log10_mean_of_powers(np.array([500.0, 500.0])), 500.0)
    # -inf is an exact zero: it counts in the mean
    assert math.isclose(log10_mean_of_powers(np.array([0.0, -np.inf])), math.log10(0.5))
    assert log10_mean_of_powers(np.array([-np.inf, np.nan])) == -math.inf


def test_step_squares_are_nan_below_a_zero_gradient():
    grad = np.array([[-np.inf], [-np.inf], [0.5], [1.0]])  # died between layers 2 and 1
    steps = log10_step_squares(grad)
    assert np.isnan(steps[0, 0]) and np.isneginf(steps[1, 0]) and steps[2, 0] == -1.0


def test_median_total_growth_leaves_out_dead_runs():
    grad = np.array([[3.0, -np.inf, 1.0, 2.0], [0.0, 0.0, 0.0, 0.5]])
    assert median_total_growth(grad) == 1.5  # median of 3, 1, 1.5
    assert median_total_growth(np.array([[-np.inf], [0.0]])) is None


def test_dead_share_counts_runs_with_a_zero_norm_anywhere():
    assert dead_share(np.array([[0.0, -np.inf], [1.0, 2.0]])) == 0.5
    assert dead_share(np.zeros((3, 4))) == 0.0


def test_first_layer_beyond_follows_the_direction_of_travel():
    layers = np.arange(6)
    median = np.array([50.0, 40.0, 30.0, 20.0, 10.0, 0.0])
    assert first_layer_beyond(layers, median, 38.5, above=True, backward=True) == 1
    assert first_layer_beyond(layers, median, 38.5, above=True, backward=False) == 0
    assert first_layer_beyond(layers, median, 5.0, above=False, backward=False) == 5
    assert first_layer_beyond(layers, median, 60.0, above=True, backward=True) is None
    assert first_layer_beyond(np.array([2, 3]), np.array([-40.0, -1.0]), -37.9,
                              above=False, backward=True) == 2


def test_factor_trend_is_balanced_within_one_percent():
    assert factor_trend(math.log10(1.005)) == "balanced"
    assert factor_trend(math.log10(1.02)) == "grows"
    assert factor_trend(math.log10(0.98)) == "shrinks"


def test_gain_profiles_equal_networks_drawn_at_each_gain():
    from core.ensemble import draw
    from core.mlp import Mlp
    from core.mlp_logspace import log10_gradient_norms
    from core.profiles import relu_gain_profiles

    depth, width, samples, batch, seed = 12, 16, 3, 2, 5
    profiles = relu_gain_profiles(depth, width, samples, batch, seed, (0.5, 1.0, 1.7))
    assert profiles.runs == samples * batch
    for gain, relative in profiles.relative.items():
        nets = draw([width] * (depth + 1), "he", gain, seed, samples, batch)
        direct = log10_gradient_norms(Mlp(nets.weights, "relu"), nets.x, nets.upstream)
        direct = (direct - direct[-1]).reshape(depth + 1, -1)
        # the same masks, only rescaled: equal up to float64 rounding over 12 layers
        np.testing.assert_allclose(relative, direct, rtol=0, atol=1e-12)
        assert profiles.growth[gain] == pytest.approx(float(np.median(direct[0])), abs=1e-12)
