"""Tests for core.activations: each derivative against central differences, and the sets."""

import numpy as np
import pytest

from core.activations import ACTIVATIONS, activation, is_positively_homogeneous

RNG = np.random.default_rng(12345)

@pytest.mark.parametrize("name", ACTIVATIONS)
def test_derivative_matches_central_difference(name):
    # away from ReLU's kink; central differences err by O(h^2 phi''') ~ 1e-12 at h = 1e-6
    phi, dphi = activation(name)
    z = np.concatenate([np.linspace(-6, -0.01, 50), np.linspace(0.01, 6, 50)])
    step = 1e-6
    numeric = (phi(z + step) - phi(z - step)) / (2 * step)
    np.testing.assert_allclose(dphi(z), numeric, rtol=1e-7, atol=1e-9)


def test_relu_derivative_is_zero_or_one():
    _, dphi = activation("relu")
    assert set(np.unique(dphi(RNG.standard_normal(1000)))) == {0.0, 1.0}
    assert dphi(np.array([0.0]))[0] == 0.0


def test_leaky_derivative_values():
    _, dphi = activation("leaky_relu")
    np.testing.assert_array_equal(dphi(np.array([-2.0, 3.0])), [0.01, 1.0])


def test_saturating_functions_do_not_overflow():
    z = np.array([-1e4, 1e4])
    with np.errstate(over="raise", invalid="raise"):  # harmless underflow of exp is fine
        for name in ("tanh", "sigmoid"):
            phi, dphi = activation(name)
            assert np.all(np.isfinite(phi(z))) and np.all(dphi(z) >= 0)


def test_unknown_activation_lists_choices():
    with pytest.raises(ValueError, match="relu, leaky_relu, tanh, sigmoid, linear"):
        activation("swish")
    with pytest.raises(ValueError):
        is_positively_homogeneous("gelu")


def test_homogeneous_set():
    assert [is_positively_homogeneous(a) for a in ACTIVATIONS] == [True, True, False, False, True]
