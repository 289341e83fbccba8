"""Tests for core.descent against closed forms and the numbers in GUIDE 1."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.descent import (
    SCHEDULES,
    contraction_factor,
    divergence_step,
    gd_quadratic,
    gd_quadratic_log10,
    learning_rates,
    optimal_fixed_step,
    optimal_rate,
    quadratic_loss,
    regime,
    seed_article_loop,
)


def loop(eigenvalues, x0, rates):
    """Plain gradient descent, written as the textbook loop."""
    lam, x = np.asarray(eigenvalues, float), np.asarray(x0, float)
    out = [x]
    for eta in rates:
        x = x - eta * lam * x
        out.append(x)
    return np.array(out)


def test_guide_example():
    path = gd_quadratic(4.0, 1.0, 0.6, 10)
    assert path.shape == (11, 1)
    assert path[10, 0] == pytest.approx(28.9254655, rel=1e-9)
    assert path[10, 0] == pytest.approx((-1.4) ** 10, rel=1e-14)


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_matches_closed_form_and_loop(schedule):
    lam, x0 = [4.0, 1.0, 0.25], [1.0, -2.0, 3.0]
    rates = learning_rates(0.3, 25, schedule)
    path = gd_quadratic(lam, x0, 0.3, 25, schedule)
    closed = (
        np.array([np.prod(1 - rates[:k, None] * np.array(lam), axis=0) for k in range(26)]) * x0
    )
    np.testing.assert_allclose(path, closed, rtol=1e-13)
    np.testing.assert_allclose(path, loop(lam, x0, rates), rtol=1e-12)


def test_log_form_agrees_and_stays_finite():
    logs, signs = gd_quadratic_log10([4.0, 1.0], [1.0, -1.0], 0.6, 10)
    path = gd_quadratic([4.0, 1.0], [1.0, -1.0], 0.6, 10)
    np.testing.assert_allclose(signs * 10.0**logs, path, rtol=1e-12)
    logs, signs = gd_quadratic_log10(4.0, 1.0, 10.0, 10_000)
    assert np.all(np.isfinite(logs)) and logs[-1, 0] == pytest.approx(
        10_000 * math.log10(39), rel=1e-12
    )


def test_exact_zero_in_one_step():
    path = gd_quadratic(4.0, 1.0, 0.25, 3)
    np.testing.assert_array_equal(path[:, 0], [1.0, 0.0, 0.0, 0.0])
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.25, 3)
    assert logs[0, 0] == 0.0 and np.all(logs[1:, 0] == -np.inf) and np.all(signs[1:, 0] == 0)


def test_overflow_gives_inf_not_nan_and_divergence_step():
    path = gd_quadratic([4.0, 1.0], [1.0, 0.0], 10.0, 400)
    assert not np.any(np.isnan(path))
    assert np.isinf(path[-1, 0]) and path[-1, 1] == 0.0
    k = divergence_step([4.0, 1.0], [1.0, 0.0], 10.0, 400)
    assert k == math.floor(math.log10(np.finfo(np.float64).max) / math.log10(39)) + 1
    assert np.all(np.isfinite(path[:k])) and np.isinf(path[k, 0])
    assert divergence_step(4.0, 1.0, 0.1, 1000) is None
    k32 = divergence_step(4.0, 1.0, 10.0, 400, limit=float(np.finfo(np.float32).max))
    assert k32 == math.floor(math.log10(np.finfo(np.float32).max) / math.log10(39)) + 1


def test_learning_rate_formulas():
    j = np.arange(8)
    np.testing.assert_allclose(learning_rates(0.1, 8), np.full(8, 0.1))
    np.testing.assert_allclose(learning_rates(0.1, 8, "step"), 0.1 * 0.5 ** (j // 2))
    np.testing.assert_allclose(
        learning_rates(0.1, 8, "step", gamma=0.1, step_size=3), 0.1 * 0.1 ** (j // 3)
    )
    np.testing.assert_allclose(learning_rates(0.1, 8, "exponential"), 0.1 * 0.97**j)
    np.testing.assert_allclose(
        learning_rates(0.1, 8, "cosine"), 0.1 * (1 + np.cos(np.pi * j / 8)) / 2
    )
    np.testing.assert_allclose(
        learning_rates(0.1, 8, "cosine", lr_min=0.01), 0.01 + 0.09 * (1 + np.cos(np.pi * j / 8)) / 2
    )
    np.testing.assert_allclose(learning_rates(0.1, 8, "inverse_time"), 0.1 / (1 + 0.1 * j))
    assert learning_rates(0.1, 0).shape == (0,)
    assert gd_quadratic([1.0, 2.0], 1.0, 0.1, 0).shape == (1, 2)


@pytest.mark.parametrize(
    "lr,expected",
    [
        (0.0, "no_progress"),
        (0.1, "monotone"),
        (0.25, "one_step"),
        (0.25 * (1 + 1e-12), "one_step"),
        (0.4, "oscillating"),
        (0.5, "no_convergence"),
        (0.6, "diverging"),
    ],
)
def test_regime(lr, expected):
    assert regime(lr, 4.0) == expected


def test_regime_matches_the_iterates():
    for lr in (0.1, 0.4, 0.6):
        x = gd_quadratic(4.0, 1.0, lr, 20)[:, 0]
        r = regime(lr, 4.0)
        assert (np.all(np.diff(np.abs(x)) < 0) and np.all(x > 0)) == (r == "monotone")
        assert (abs(x[-1]) > 1) == (r == "diverging")
    assert np.all(np.abs(gd_quadratic(4.0, 1.0, 0.5, 20)) == 1.0)
    assert contraction_factor(0.6, 4.0) == pytest.approx(1.4)


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


def test_quadratic_loss():
    path = gd_quadratic([4.0, 1.0], [1.0, 2.0], 0.1, 3)
    np.testing.assert_allclose(
        quadratic_loss([4.0, 1.0], path), 0.5 * (4 * path[:, 0] ** 2 + path[:, 1] ** 2)
    )
    assert quadratic_loss([4.0, 1.0], [1.0, 2.0]) == pytest.approx(4.0)


def test_seed_article_loop():
    assert seed_article_loop(0.01, 1000) == pytest.approx(4.3171e-5, rel=1e-4)
    assert seed_article_loop(0.01, 1000, g0=3.0) == pytest.approx(3.0 * 0.99**1000, rel=1e-12)
    assert seed_article_loop(0.01, 1000) == pytest.approx(
        gd_quadratic(1.0, 1.0, 0.01, 1000)[-1, 0], rel=1e-12
    )
    assert seed_article_loop(0.5, 0, g0=2.0) == 2.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: learning_rates(-0.1, 10),
        lambda: learning_rates(float("nan"), 10),
        lambda: learning_rates(0.1, -1),
        lambda: learning_rates(0.1, 2.5),
        lambda: learning_rates(0.1, 10, "warmup"),
        lambda: learning_rates(0.1, 10, "cosine", gamma=0.5),
        lambda: learning_rates(0.1, 10, "step", step_size=0),
        lambda: learning_rates(0.1, 10, "exponential", gamma=-1),
        lambda: learning_rates(0.1, 10, "cosine", lr_min=0.2),
        lambda: learning_rates(0.1, 10, "inverse_time", decay=-1),
        lambda: gd_quadratic([1.0, 2.0], [1.0, 2.0, 3.0], 0.1, 5),
        lambda: gd_quadratic([], 1.0, 0.1, 5),
        lambda: gd_quadratic([[1.0]], 1.0, 0.1, 5),
        lambda: gd_quadratic([1.0, float("nan")], 1.0, 0.1, 5),
        lambda: divergence_step(1.0, 1.0, 0.1, 5, limit=-1.0),
        lambda: regime(-0.1, 1.0),
        lambda: regime(0.1, 0.0),
        lambda: regime(float("nan"), 1.0),
        lambda: optimal_fixed_step(1.0, 2.0),
        lambda: optimal_rate(1.0, 0.0),
        lambda: quadratic_loss([1.0, 2.0], np.zeros((3, 3))),
        lambda: seed_article_loop(0.1, -1),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
