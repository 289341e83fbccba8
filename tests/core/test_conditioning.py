"""Tests for core.conditioning against Nesterov's closed forms and direct computation."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.conditioning import (
    log10_norm,
    optimal_fixed_step,
    optimal_rate,
    steps_to_shrink,
    two_curvatures,
)
from core.descent import contraction_factor, gd_quadratic, gd_quadratic_log10


def test_optimal_step_contracts_both_directions_by_the_rate():
    L, mu = 10.0, 1.0
    eta, rate = optimal_fixed_step(L, mu), optimal_rate(L, mu)
    assert eta == pytest.approx(2 / 11) and rate == pytest.approx(9 / 11)
    assert contraction_factor(eta, L) == pytest.approx(rate, rel=1e-14)
    assert contraction_factor(eta, mu) == pytest.approx(rate, rel=1e-14)
    path = gd_quadratic([L, mu], [1.0, 1.0], eta, 5)
    np.testing.assert_allclose(np.abs(path[-1]), [rate**5, rate**5], rtol=1e-13)


@settings(max_examples=100, deadline=None)
@given(st.floats(1e-3, 1e3), st.floats(1e-3, 1e3), st.floats(0.0, 1.0))
def test_optimal_step_is_best(a, b, t):
    L, mu = max(a, b), min(a, b)
    other = t * 2 / L
    worst = max(contraction_factor(other, L), contraction_factor(other, mu))
    assert worst >= optimal_rate(L, mu) * (1 - 1e-12)


def test_log10_norm_matches_numpy_where_floats_suffice():
    logs, _ = gd_quadratic_log10([10.0, 1.0], [0.3, 1.0], 0.15, 30)
    direct = np.log10(np.linalg.norm(gd_quadratic([10.0, 1.0], [0.3, 1.0], 0.15, 30), axis=1))
    np.testing.assert_allclose(log10_norm(logs), direct, rtol=0, atol=1e-12)


def test_log10_norm_beyond_float64_and_with_zeros():
    assert log10_norm([[500.0, 500.0]])[0] == pytest.approx(500 + 0.5 * math.log10(2), abs=1e-12)
    assert log10_norm([[-np.inf, 2.0]])[0] == pytest.approx(2.0)
    assert np.isneginf(log10_norm([[-np.inf, -np.inf]])[0])


def test_optimal_step_distance_is_exactly_geometric():
    # at 2/(L+mu) both directions contract by the same factor: ||x_k|| = rate^k ||x_0||
    L, mu = 20.0, 1.0
    logs, _ = gd_quadratic_log10([L, mu], [0.2, 1.0], optimal_fixed_step(L, mu), 40)
    k = np.arange(41)
    expected = log10_norm(logs[:1])[0] + k * math.log10(optimal_rate(L, mu))
    np.testing.assert_allclose(log10_norm(logs), expected, atol=1e-10)


def test_steps_to_shrink():
    assert steps_to_shrink(0.1, 6) == 6
    assert steps_to_shrink(0.5, 3) == 10  # 0.5^10 = 9.8e-4 <= 1e-3 < 0.5^9
    assert steps_to_shrink(1.0, 3) is None
    assert steps_to_shrink(0.0, 3) == 1


@settings(max_examples=100, deadline=None)
@given(rate=st.floats(0.01, 0.999), decades=st.floats(0.5, 12))
def test_steps_to_shrink_is_the_fewest_steps(rate, decades):
    k = steps_to_shrink(rate, decades)
    assert k * math.log10(rate) <= -decades + 1e-9
    assert k == 1 or (k - 1) * math.log10(rate) > -decades - 1e-9


def test_two_curvatures_against_the_closed_forms():
    pair = two_curvatures(10.0, 1.0, 0.3, 6)
    assert not pair.swapped and pair.kappa == 10.0
    assert pair.lr == pytest.approx(0.06) and pair.best_lr == pytest.approx(2 / 11)
    assert pair.best_rate == pytest.approx(9 / 11)
    assert pair.rate == pytest.approx(max(abs(1 - 0.6), abs(1 - 0.06)))  # the flat direction
    assert pair.steps == steps_to_shrink(0.94, 6) and pair.best_steps == steps_to_shrink(9 / 11, 6)
    assert pair.shrinks and pair.best_steps < pair.steps


def test_two_curvatures_swaps_and_sees_when_the_step_never_shrinks():
    pair = two_curvatures(2.0, 8.0, 0.5, 6)
    assert pair.swapped and (pair.L, pair.mu) == (8.0, 2.0) and pair.kappa == 4.0
    assert pair.lr == pytest.approx(0.125)
    at_the_limit = two_curvatures(49.5, 1.0, 1.0, 6)  # eta = 2/L: the steep side bounces
    assert at_the_limit.rate == pytest.approx(1.0) and not at_the_limit.shrinks
    beyond = two_curvatures(10.0, 1.0, 1.2, 6)
    assert beyond.steps is None and not beyond.shrinks
    assert contraction_factor(beyond.lr, 10.0) == pytest.approx(1.4)


@pytest.mark.parametrize("call", [
    lambda: optimal_fixed_step(1.0, 2.0),
    lambda: optimal_rate(1.0, 0.0),
    lambda: two_curvatures(0.0, 1.0, 0.5, 6),
    lambda: two_curvatures(1.0, 1.0, float("nan"), 6),
    lambda: steps_to_shrink(0.5, 0.0),
])
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
