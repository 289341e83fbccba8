"""Tests for core.logspace: the unit array and log10 norm that every log-space pass carries."""

import numpy as np
import pytest

from core.logspace import unit_and_log10_norm


def test_rows_split_into_unit_vectors_and_log10_norms():
    unit, log_norm = unit_and_log10_norm(np.array([[3.0, 4.0], [0.0, -0.5]]))
    np.testing.assert_array_equal(unit, [[0.6, 0.8], [0.0, -1.0]])
    np.testing.assert_allclose(log_norm, [np.log10(5.0), np.log10(0.5)], rtol=1e-15)


def test_a_zero_row_stays_zero_with_log10_norm_minus_infinity():
    with np.errstate(divide="raise"):  # no warning leaks out: -inf is the documented result
        unit, log_norm = unit_and_log10_norm(np.array([[0.0, 0.0], [1.0, 0.0]]))
    np.testing.assert_array_equal(unit, [[0.0, 0.0], [1.0, 0.0]])
    assert log_norm[0] == -np.inf and log_norm[1] == 0.0


@pytest.mark.parametrize("magnitude", [1e-150, 1e-100, 1.0, 1e100, 1e150])
def test_huge_and_tiny_magnitudes_keep_an_exact_scale(magnitude):
    v = magnitude * np.array([[3.0, 4.0, 12.0]])  # squares stay inside float64
    unit, log_norm = unit_and_log10_norm(v)
    np.testing.assert_allclose(unit, [[3 / 13, 4 / 13, 12 / 13]], rtol=1e-14)
    assert log_norm[0] == pytest.approx(np.log10(13.0 * magnitude), abs=1e-13)


def test_axes_pair_gives_one_frobenius_norm_per_network():
    v = np.random.default_rng(0).standard_normal((3, 4, 5))
    v[1] = 0.0
    unit, log_norm = unit_and_log10_norm(v, (-2, -1))
    assert log_norm.shape == (3,) and log_norm[1] == -np.inf
    np.testing.assert_array_equal(unit[1], 0.0)
    for k in (0, 2):
        norm = np.linalg.norm(v[k])
        assert log_norm[k] == pytest.approx(np.log10(norm), rel=1e-15)
        np.testing.assert_allclose(unit[k], v[k] / norm, rtol=1e-15)


def test_matches_numpy_linalg_norm_bit_for_bit():
    scales = 10.0 ** np.arange(-150, 150, 50)[:, None]
    v = np.random.default_rng(1).standard_normal((6, 33)) * scales
    norm = np.linalg.norm(v, axis=-1)
    unit, log_norm = unit_and_log10_norm(v)
    np.testing.assert_array_equal(log_norm, np.log10(norm))
    np.testing.assert_array_equal(unit, v / norm[:, None])
