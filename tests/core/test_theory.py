"""Tests for core.theory: closed forms, quadrature, and the law checked on sampled networks."""

import math

import numpy as np
import pytest

from core import theory
from core.activations import LEAKY_SLOPE, activation
from core.ensemble import init_weights
from core.mlp import Mlp
from core.mlp_logspace import log10_gradient_norms
from core.theory import (
    expected_log10_growth,
    gradient_factor,
    mean_square_derivative,
    theory_applies,
    weight_factor,
)


def trapezoid_expectation(f, q: float) -> float:
    """E[f(z)], z ~ N(0, q), by a fine trapezoid rule on [-12 sd, 12 sd] (independent oracle)."""
    z = np.linspace(-12, 12, 200_001) * math.sqrt(q)
    density = np.exp(-(z**2) / (2 * q)) / math.sqrt(2 * math.pi * q)
    return float(np.trapezoid(f(z) * density, z))


def test_homogeneous_constants():
    assert mean_square_derivative("relu") == 0.5
    assert mean_square_derivative("leaky_relu", q=7.0) == pytest.approx((1 + LEAKY_SLOPE**2) / 2)
    assert mean_square_derivative("linear", q=0.01) == 1.0


@pytest.mark.parametrize("name", ["relu", "leaky_relu", "linear"])
def test_homogeneous_constants_match_integral(name):
    # ReLU's step makes the trapezoid rule first order: error ~ grid step ~ 1e-4 relative
    _, dphi = activation(name)
    expected = trapezoid_expectation(lambda z: dphi(z) ** 2, 3.0)
    assert mean_square_derivative(name, q=3.0) == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("name", ["tanh", "sigmoid"])
@pytest.mark.parametrize("q", [0.1, 1.0, 4.0, 25.0])
def test_quadrature_matches_integral_and_depends_on_variance(name, q):
    # smooth integrand: both rules agree to ~1e-8 or better
    _, dphi = activation(name)
    expected = trapezoid_expectation(lambda z: dphi(z) ** 2, q)
    assert mean_square_derivative(name, q) == pytest.approx(expected, rel=1e-6)
    assert mean_square_derivative(name, q) < mean_square_derivative(name, q / 2)  # saturation


def test_bad_variance_and_name():
    with pytest.raises(ValueError):
        mean_square_derivative("tanh", q=0.0)
    with pytest.raises(ValueError, match="choose one of"):
        mean_square_derivative("swish")


def test_factors():
    assert weight_factor("he", 1.5, 100, 30) == pytest.approx(2 * 1.5**2)
    assert weight_factor("xavier", 1.0, 100, 300) == pytest.approx(100 * 2 / 400)
    assert gradient_factor("relu", "he", 1.7, 64, 64) == pytest.approx(1.7**2)
    assert gradient_factor("linear", "lecun", 0.9, 64, 32) == pytest.approx(0.81)
    assert [theory_applies(a) for a in ("relu", "leaky_relu", "linear", "tanh", "sigmoid")] == [
        True, True, True, False, False]


@pytest.mark.parametrize("name", ["tanh", "sigmoid"])
def test_theory_refuses_saturating_activations(name):
    with pytest.raises(ValueError, match="theory does not apply"):
        expected_log10_growth([8, 8], name, "he", 1.0)
    with pytest.raises(ValueError, match="theory does not apply"):
        gradient_factor(name, "he", 1.0, 8, 8)


@pytest.mark.parametrize(("name", "c"), [("relu", 5 / 4), ("linear", 1 / 2)])
@pytest.mark.parametrize("gain", [0.8, 1.0, 1.2, 3.0])
def test_constant_width_closed_form(name, c, gain):
    init = "he" if name == "relu" else "lecun"
    n, depth = 256, 50
    growth = expected_log10_growth([n] * (depth + 1), name, init, gain)
    layers_above = depth - np.arange(depth + 1)
    expected = layers_above * (math.log10(gain) - c / (n * math.log(10)))
    np.testing.assert_allclose(growth, expected, rtol=1e-12, atol=1e-12)
    no_drift = expected_log10_growth([n] * (depth + 1), name, init, gain, drift=False)
    np.testing.assert_allclose(no_drift, layers_above * math.log10(gain), atol=1e-12)


def test_guide_numbers():
    widths = [256] * 51
    assert expected_log10_growth(widths, "relu", "he", 1.2)[0] == pytest.approx(3.85, abs=0.01)
    assert expected_log10_growth(widths, "relu", "he", 0.8)[0] == pytest.approx(-4.95, abs=0.01)


@pytest.mark.parametrize(("name", "init", "gain"), [
    ("relu", "he", 1.0), ("relu", "he", 1.2), ("linear", "lecun", 1.0), ("leaky_relu", "he", 0.9),
])
def test_law_holds_on_sampled_networks(name, init, gain):
    # 20 independent width-256 depth-50 networks (4 chunks of 5 to bound memory), 4 rows each;
    # the network means are independent, so their standard error bounds the comparison
    width, depth = 256, 50
    network_means = []
    for chunk in range(4):
        weights = init_weights([width] * (depth + 1), init, gain, seed=chunk, samples=5)
        rng = np.random.default_rng(100 + chunk)
        x, upstream = rng.standard_normal((2, 5, 4, width))
        logs = log10_gradient_norms(Mlp(weights, name), x, upstream)
        network_means.append((logs[0] - logs[-1]).mean(axis=-1))
    means = np.concatenate(network_means)
    standard_error = means.std(ddof=1) / math.sqrt(means.size)
    expected = expected_log10_growth([width] * (depth + 1), name, init, gain)[0]
    assert abs(means.mean() - expected) < 3 * standard_error


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "linear", "tanh", "sigmoid"])
def test_factor_parts_multiply_where_the_theory_applies(activation):
    parts = theory.factor_parts(activation, "he", 1.5, 64)
    assert parts["weight"] == pytest.approx(2 * 1.5**2)  # He: n Var[w] = 2 g^2
    if theory.theory_applies(activation):
        assert parts["total"] == pytest.approx(parts["weight"] * parts["activation"])
    else:
        assert set(parts) == {"weight"}
