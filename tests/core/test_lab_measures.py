"""The measures the training lab's sentences are chosen by, against hand-made cases and closed
forms."""

import math

import numpy as np
import pytest

from core.lab_measures import (
    activation_spread_log10,
    fan_in_mean_square,
    halved_at,
    initial_measures,
    majority_share,
    median_log10_ratio,
    silent_from,
)
from core.training import TrainConfig, init_params, step_learning_rates


def test_fan_in_mean_square_is_n_times_the_mean_square():
    weights = [np.full((3, 2), 0.5), np.array([[1.0, -1.0, 3.0]])]
    assert np.allclose(fan_in_mean_square(weights), [2 * 0.25, 3 * 11 / 3])


def test_he_initialisation_gives_about_two_gain_squared():
    config = TrainConfig(depth=6, width=256, gain=1.5)
    weights = init_params(config, 2, 2)[0]
    assert np.allclose(fan_in_mean_square(weights)[1:-1], 2 * 1.5**2, rtol=0.03)


def test_median_log10_ratio_leaves_out_zero_steps():
    norms = np.array([[1e-3, 1.0], [0.0, 1.0], [1e-5, 1e-1], [1e-2, 1.0]])
    assert median_log10_ratio(norms) == pytest.approx(-3.0)  # median of -3, -4, -2
    assert math.isnan(median_log10_ratio(np.zeros((3, 2))))


@pytest.mark.parametrize(("hidden_alive", "expected"), [
    ([True, True, True], None),            # still alive at the last step
    ([True, False, False], 2),             # silent from step 2 on
    ([False, False, False], 1),            # never received any
    ([False, True, False], 3),             # a gradient at step 2, silent from step 3
])
def test_silent_from_is_the_start_of_the_silent_tail(hidden_alive, expected):
    norms = np.ones((3, 3))
    norms[:, :-1] *= np.array(hidden_alive, dtype=float)[:, None]
    assert silent_from(norms) == expected


def test_majority_share_counts_the_larger_predicted_class():
    assert majority_share(np.array([0.1, 0.2, 0.9, 0.3])) == 0.75
    assert majority_share(np.full(5, 0.48)) == 1.0


def test_halved_at_matches_the_inverse_time_closed_form():
    config = TrainConfig(steps=500, lr=1.0, schedule="inverse_time")
    # lr / (1 + 20 j / 500) <= lr / 2 first at j = 25, i.e. the 26th step
    assert halved_at(step_learning_rates(config)) == 26
    assert halved_at(np.ones(10)) is None


def test_activation_spread_of_a_constant_layer_is_minus_infinity():
    params = ([np.zeros((3, 2)), np.ones((2, 3))], [np.zeros(3), np.zeros(2)])
    x = np.array([[0.0, 1.0], [2.0, 3.0]])
    spread = activation_spread_log10(params, x, "relu")
    assert spread[0] == pytest.approx(0.0)  # each input column has std 1
    assert spread[1] == -np.inf


def test_initial_measures_of_a_clipped_residual_network():
    config = TrainConfig(depth=5, width=16, gain=2.0, weight_clip=0.2, residual=True)
    x = np.random.default_rng(0).standard_normal((50, 2))
    measures = initial_measures(config, x)
    assert measures["hidden"] == 4 and measures["skips"] == 3  # every hidden layer but the first
    assert 0 < measures["at_bound"] < 1
    assert np.all(measures["n_var"][1:-1] <= 16 * 0.2**2 + 1e-12)  # |w| <= c caps n E[w^2]
    assert np.all(measures["spectral"] <= 0.2 * 16 + 1e-9)
    assert len(measures["spread"]) == 5
