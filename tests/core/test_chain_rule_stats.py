"""The chain-rule page's measurements: work cap, log-space means, factors, growth, float limits."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.chain_rule_stats import (
    WORK_CAP,
    capped_work,
    dead_share,
    first_layer_beyond,
    log10_mean_of_powers,
    log10_step_squares,
    mean_factors,
    simulate,
    total_growth,
)
from core.network import init_weights, per_layer_factors
from core.theory import expected_log10_growth


@given(st.integers(1, 200), st.integers(4, 512), st.integers(1, 32))
def test_capped_work_stays_under_the_cap_and_cuts_samples_before_width(depth, width, samples):
    used_samples, used_width = capped_work(depth, width, samples)
    assert depth * used_width**2 * used_samples <= WORK_CAP
    assert 1 <= used_samples <= samples and 1 <= used_width <= width
    if used_width < width:
        assert used_samples == 1
    if depth * width**2 * samples <= WORK_CAP:
        assert (used_samples, used_width) == (samples, width)


def test_capped_work_keeps_as_much_as_fits():
    assert capped_work(200, 128, 32) == (3, 128)  # 3 * 200 * 128^2 = 9.8e6 <= 1.2e7 < 4 * ...
    samples, width = capped_work(200, 512, 32)
    assert samples == 1 and 200 * width**2 <= WORK_CAP < 200 * (width + 1) ** 2


def test_log10_mean_of_powers_matches_numpy_and_survives_huge_values():
    x = np.array([0.3, -1.2, 2.0, np.nan])
    assert math.isclose(log10_mean_of_powers(x), math.log10(np.mean(10 ** x[:3])), rel_tol=1e-12)
    assert math.isclose(log10_mean_of_powers(np.array([500.0, 500.0])), 500.0)
    # -inf is an exact zero: it counts in the mean
    assert math.isclose(log10_mean_of_powers(np.array([0.0, -np.inf])), math.log10(0.5))
    assert log10_mean_of_powers(np.array([-np.inf, np.nan])) == -math.inf


def test_step_squares_agree_with_core_per_layer_factors():
    """The log-space ratio equals core's realised squared ratio, drawn from the same networks."""
    run = simulate(8, 16, "relu", "he", 1.3, 2, 3, seed=3)
    weights = init_weights([16] * 9, "he", 1.3, seed=3, samples=2)
    x, upstream = np.random.default_rng([3, 1]).standard_normal((2, 2, 3, 16))
    factors = per_layer_factors(weights, x, "relu", upstream)
    np.testing.assert_allclose(log10_step_squares(run.grad),
                               np.log10(factors["total"].reshape(8, -1)), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(run.weight, factors["weight"].reshape(8, -1))


def test_step_squares_are_nan_below_a_zero_gradient():
    grad = np.array([[-np.inf], [-np.inf], [0.5], [1.0]])  # died between layers 2 and 1
    steps = log10_step_squares(grad)
    assert np.isnan(steps[0, 0]) and np.isneginf(steps[1, 0]) and steps[2, 0] == -1.0


def test_relu_he_factors_split_into_weights_times_half():
    """He et al. 2015 Eq. 13-14: n Var[w] = 2 gain^2, E[relu'^2] = 1/2, product gain^2.

    64 layers x 16 runs at width 128: each realised squared factor has relative sd
    sqrt(5/128) = 0.2, so the mean's sd is below 0.2/sqrt(64) = 2.5% even if the 16 runs
    were fully correlated; 0.03 in log10 is 7%.
    """
    gain = 1.5
    factors = mean_factors(simulate(64, 128, "relu", "he", gain, 4, 4, seed=1))
    assert factors["weight"] == pytest.approx(math.log10(2 * gain**2), abs=0.01)
    assert factors["activation"] == pytest.approx(math.log10(0.5), abs=0.02)
    assert factors["total"] == pytest.approx(math.log10(gain**2), abs=0.03)


@pytest.mark.parametrize(("gain", "decades"), [(1.2, 3.85), (0.8, -4.95)])
def test_total_growth_matches_the_guide_and_theory(gain, decades):
    """GUIDE: width 256, depth 50, ReLU He: +3.85 (gain 1.2), -4.95 (gain 0.8), sd 0.23.

    Median of 24 runs from 6 networks: the sd of the median is at most 0.23 / sqrt(6) * 1.25
    = 0.12 (inputs of one network are correlated), so 0.4 is more than 3 sd.
    """
    run = simulate(50, 256, "relu", "he", gain, 6, 4, seed=0)
    theory = expected_log10_growth([256] * 51, "relu", "he", gain)[0]
    assert theory == pytest.approx(decades, abs=0.01)
    assert total_growth(run.grad) == pytest.approx(decades, abs=0.4)


def test_gain_shifts_relu_growth_by_exactly_depth_log10_gain():
    base = simulate(30, 32, "relu", "he", 1.0, 2, 4, seed=5)
    scaled = simulate(30, 32, "relu", "he", 2.5, 2, 4, seed=5)
    np.testing.assert_allclose(scaled.grad[0] - scaled.grad[-1],
                               base.grad[0] - base.grad[-1] + 30 * math.log10(2.5), atol=1e-9)


def test_simulate_measures_absolute_norms():
    run = simulate(10, 64, "tanh", "xavier", 1.0, 3, 5, seed=2)
    assert run.grad.shape == run.act.shape == (11, 15)
    assert run.weight.shape == run.activation.shape == (10, 15)
    assert np.median(run.grad[-1]) == pytest.approx(math.log10(8.0), abs=0.1)  # ||u|| ~ sqrt(64)
    assert np.median(run.act[0]) == pytest.approx(math.log10(8.0), abs=0.1)


def test_narrow_deep_relu_networks_die_and_wide_ones_do_not():
    narrow = simulate(50, 4, "relu", "he", 1.0, 8, 4, seed=0)
    assert dead_share(narrow.grad) > 0.5
    assert dead_share(simulate(50, 128, "relu", "he", 1.0, 2, 4, seed=0).grad) == 0.0
    assert dead_share(np.array([[0.0, -np.inf], [1.0, 2.0]])) == 0.5


def test_first_layer_beyond_follows_the_direction_of_travel():
    layers = np.arange(6)
    median = np.array([50.0, 40.0, 30.0, 20.0, 10.0, 0.0])
    assert first_layer_beyond(layers, median, 38.5, above=True, backward=True) == 1
    assert first_layer_beyond(layers, median, 38.5, above=True, backward=False) == 0
    assert first_layer_beyond(layers, median, 5.0, above=False, backward=False) == 5
    assert first_layer_beyond(layers, median, 60.0, above=True, backward=True) is None
    assert first_layer_beyond(np.array([2, 3]), np.array([-40.0, -1.0]), -37.9,
                              above=False, backward=True) == 2
