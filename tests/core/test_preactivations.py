"""core.preactivations: per-layer spread of z_l, weak units and E[phi'(z)^2], against oracles."""

import math

import numpy as np
import pytest

from core.activations import activation as activation_functions
from core.ensemble import draw, measure_layers
from core.mlp import Mlp
from core.mlp import forward as plain_forward
from core.preactivations import (
    QUANTILES,
    layer_stats,
    scale_free,
    spread_layers,
    summary,
    weak_kind,
    weak_threshold,
)
from core.profiles import mean_factors

W1 = np.array([[1.0, -2.0], [0.5, 3.0]])
W2 = np.array([[1.0, 1.0], [-1.0, 0.5]])
X = np.array([[1.0, 1.0]])  # z_1 = [-1, 3.5]


def z_stats(*args, **kwargs):
    """The pre-activation statistics of measure_layers(*args) (its networks and inputs)."""
    return measure_layers(*args, **kwargs, pre_activations=True).pre_activations


def test_a_hand_computed_relu_network():
    stats = layer_stats(Mlp([W1, W2], "relu"), X)
    rms1 = math.sqrt((1.0 + 3.5**2) / 2)
    assert stats.log10_rms[0] == pytest.approx(math.log10(rms1), abs=1e-12)
    # two values -1 and 3.5: the p-quantile is -1 + 4.5 p (linear interpolation)
    expected = [(-1.0 + 4.5 * p) / rms1 for p in QUANTILES]
    np.testing.assert_allclose(stats.quantiles[0], expected, atol=1e-12)
    assert stats.weak[0] == 0.5 and stats.mean_square_derivative[0] == 0.5
    # a_1 = [0, 3.5], z_2 = [3.5, 1.75]: both live
    rms2 = math.sqrt((3.5**2 + 1.75**2) / 2)
    assert stats.log10_rms[1] == pytest.approx(math.log10(rms2), abs=1e-12)
    assert stats.quantiles[1][2] == pytest.approx(2.625 / rms2, abs=1e-12)
    assert stats.weak[1] == 0.0 and stats.mean_square_derivative[1] == 1.0


def test_a_hand_computed_tanh_layer():
    stats = layer_stats(Mlp([W1], "tanh"), X)
    sech2 = [1.0 / math.cosh(z) ** 2 for z in (-1.0, 3.5)]
    assert stats.weak[0] == 0.5  # |3.5| > 1.82 saturates, |-1| does not
    assert stats.mean_square_derivative[0] == pytest.approx(np.mean(np.square(sech2)), rel=1e-12)


def test_the_weak_edges_are_where_phi_prime_is_a_tenth_of_its_maximum():
    _, dtanh = activation_functions("tanh")
    _, dsigmoid = activation_functions("sigmoid")
    assert dtanh(np.array(weak_threshold("tanh"))) == pytest.approx(0.1, rel=1e-12)
    assert dsigmoid(np.array(weak_threshold("sigmoid"))) == pytest.approx(0.025, rel=1e-12)
    assert weak_threshold("relu") == 0.0 and weak_threshold("leaky_relu") == 0.0
    assert weak_threshold("linear") is None


def test_statistics_match_the_plain_engine():
    nets = draw([24] * 7, "xavier", 2.5, seed=3, samples=3, batch=5)
    net = Mlp(nets.weights, "tanh")
    stats = layer_stats(net, nets.x)
    for layer, z in enumerate(plain_forward(net, nets.x).inputs):
        rms = math.sqrt(float(np.mean(z**2)))
        assert stats.log10_rms[layer] == pytest.approx(math.log10(rms), abs=1e-10)
        np.testing.assert_allclose(stats.quantiles[layer], np.quantile(z / rms, QUANTILES),
                                   atol=1e-10)
        assert stats.weak[layer] == np.mean(np.abs(z) > weak_threshold("tanh"))


def test_half_the_relu_units_are_dead_at_he_init():
    stats = z_stats(10, 256, "relu", "he", 1.0, 4, 4, seed=0)
    assert abs(float(np.mean(stats.weak)) - 0.5) < 0.01
    assert np.all(np.abs(stats.weak - 0.5) < 0.04)  # 4096 units per layer: std 0.008
    np.testing.assert_allclose(stats.mean_square_derivative, 1.0 - stats.weak)
    assert summary(stats)["kind"] == "relu.half"


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_a_large_gain_saturates_and_a_small_one_does_not(activation):
    large = z_stats(8, 64, activation, "normal", 4.0, 2, 4, seed=1)
    small = z_stats(8, 64, activation, "xavier", 0.5, 2, 4, seed=1)
    assert np.all(large.weak > 0.8) and np.all(small.weak < 0.01)
    top = 1.0 if activation == "tanh" else 1 / 16
    assert np.all(large.mean_square_derivative < 0.1 * top)
    assert np.all(small.mean_square_derivative > 0.7 * top)  # layer 1: z ~ N(0, 0.5^2)
    assert summary(large)["kind"] == "saturating.most"
    assert summary(small)["kind"] == "saturating.none"


def test_beyond_float64_the_statistics_are_those_at_gain_one_shifted():
    depth, gain = 200, 30.0  # std 30: z grows about 30 sqrt(16/2) = 85-fold per layer
    big = z_stats(depth, 16, "relu", "normal", gain, 2, 2, seed=4)
    one = z_stats(depth, 16, "relu", "normal", 1.0, 2, 2, seed=4)
    layers = np.arange(1, depth + 1)
    # ReLU is positively homogeneous and the weights are proportional: z_l scales by gain^l
    np.testing.assert_allclose(big.log10_rms, one.log10_rms + layers * math.log10(gain),
                               atol=1e-9)
    np.testing.assert_allclose(big.quantiles, one.quantiles, atol=1e-9)
    np.testing.assert_array_equal(big.weak, one.weak)
    assert np.all(np.isfinite(big.quantiles)) and big.log10_rms[-1] > 308.3
    numbers = summary(big)
    assert numbers["beyond"] == "float64" and numbers["log10_rms_extreme"] > 308.3


def test_activation_part_equals_the_chain_rule_pages_factor():
    args = (20, 32, "tanh", "xavier", 2.0, 3, 4, 2)
    stats = z_stats(*args)
    run = measure_layers(*args)
    assert math.log10(float(np.mean(stats.mean_square_derivative))) == pytest.approx(
        mean_factors(run)["activation"], abs=1e-12)


def test_dead_rows_and_all_zero_layers_stay_finite():
    v, log_rms = scale_free(np.zeros((2, 3, 4)), np.full((2, 3, 1), -np.inf))
    assert log_rms == -math.inf and not v.any()
    stats = z_stats(40, 4, "relu", "he", 1.0, 8, 4, seed=0)  # narrow: rows die
    assert np.all(np.isfinite(stats.quantiles))
    numbers = summary(stats)
    assert numbers["kind"] == "relu.more" and numbers["trend"] == "up"
    assert numbers["weak_last"] > numbers["weak_first"] + 0.1


def test_spread_layers_and_kinds():
    assert spread_layers(50, 6) == [1, 11, 21, 30, 40, 50]
    assert spread_layers(3, 6) == [1, 2, 3] and spread_layers(1, 6) == [1]
    assert spread_layers(200, 2) == [1, 200]
    assert weak_kind("relu", 0.53) == "relu.half" and weak_kind("relu", 0.6) == "relu.more"
    assert weak_kind("relu", 0.4) == "relu.half"  # below half is noise: z is symmetric
    assert weak_kind("leaky_relu", 0.5) == "leaky_relu.half"
    assert weak_kind("tanh", 0.04) == "saturating.none"
    assert weak_kind("sigmoid", 0.3) == "saturating.some"
    assert weak_kind("tanh", 0.51) == "saturating.most"
    assert weak_kind("linear", 0.0) == "linear"
