"""Tests for core.descent against closed forms, the textbook loop and the numbers in GUIDE 1."""

import math

import numpy as np
import pytest

from core.descent import (
    COURSES,
    contraction_curve,
    contraction_factor,
    divergence_step,
    first_shrinking_step,
    first_zero_step,
    gd_quadratic,
    gd_quadratic_log10,
    peak_step,
    quadratic_loss,
    regime,
    regime_thresholds,
    schedule_course,
    schedule_courses,
    schedule_runs,
    seed_article_loop,
    step_factor,
)
from core.schedules import SCHEDULES, decay_params, learning_rates


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
        lambda: gd_quadratic([1.0, 2.0], [1.0, 2.0, 3.0], 0.1, 5),
        lambda: gd_quadratic([], 1.0, 0.1, 5),
        lambda: gd_quadratic([[1.0]], 1.0, 0.1, 5),
        lambda: gd_quadratic([1.0, float("nan")], 1.0, 0.1, 5),
        lambda: divergence_step(1.0, 1.0, 0.1, 5, limit=-1.0),
        lambda: regime(-0.1, 1.0),
        lambda: regime(0.1, 0.0),
        lambda: regime(float("nan"), 1.0),
        lambda: quadratic_loss([1.0, 2.0], np.zeros((3, 3))),
        lambda: seed_article_loop(0.1, -1),
        lambda: regime_thresholds(0.0),
        lambda: contraction_curve(1.0, float("inf")),
        lambda: step_factor(float("nan"), 1.0),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_step_factor_thresholds_and_the_contraction_curve():
    assert step_factor(0.6, 4.0) == pytest.approx(-1.4)
    assert step_factor(0.1, 4.0) == pytest.approx(0.6)
    assert contraction_factor(0.6, 4.0) == abs(step_factor(0.6, 4.0))
    assert regime_thresholds(4.0) == (0.25, 0.5)
    one, two = regime_thresholds(3.0)
    assert regime(one, 3.0) == "one_step" and regime(two, 3.0) == "no_convergence"
    rates, factors = contraction_curve(4.0, 0.6, points=7)
    np.testing.assert_allclose(rates, np.linspace(0.0, 0.6, 7))
    assert factors.tolist() == [contraction_factor(eta, 4.0) for eta in rates]


def test_first_zero_step_finds_the_one_step_minimum():
    logs, _ = gd_quadratic_log10(4.0, 1.0, 0.25, 5)
    assert first_zero_step(logs[:, 0]) == 1
    logs, _ = gd_quadratic_log10(4.0, 1.0, 0.2, 5)
    assert first_zero_step(logs[:, 0]) is None


def test_peak_step_is_the_largest_iterate_and_never_an_exact_zero():
    path = np.abs(gd_quadratic(1.0, 1.0, 3.0, 30, "exponential", gamma=0.9)[:, 0])
    logs, _ = gd_quadratic_log10(1.0, 1.0, 3.0, 30, "exponential", gamma=0.9)
    assert peak_step(logs[:, 0]) == int(np.argmax(path)) > 0  # grew first, then shrank
    assert peak_step([-np.inf, -np.inf]) == 0
    assert peak_step([-np.inf, 2.0, 2.0]) == 1  # the first of equal peaks


@pytest.mark.parametrize("lr, ratio, steps", [(3.0, 0.05, 60), (4.0, 1.0, 1000), (0.5, 0.3, 10)])
def test_schedule_runs_match_the_rates_and_the_iterates(lr, ratio, steps):
    runs = schedule_runs(lr, ratio, steps, 1.0, 1.0)
    assert tuple(runs) == SCHEDULES
    for schedule, run in runs.items():
        params = decay_params(schedule, ratio, steps, lr)
        rates = learning_rates(lr, steps, schedule, **params)
        np.testing.assert_array_equal(run.rates, rates)
        with np.errstate(divide="ignore"):
            direct = np.concatenate([[0.0], np.cumsum(np.log10(np.abs(1 - rates)))])
        np.testing.assert_allclose(run.log10_abs, direct, atol=1e-9)
        over = np.flatnonzero(direct > math.log10(np.finfo(np.float64).max))
        assert run.overflow == (int(over[0]) if over.size else None)
    assert (runs["constant"].overflow is not None) == (lr == 4.0)  # 3^1000 = 1e477


def course_by_the_iterates(rates: np.ndarray) -> str:
    """How |x| moves on x^2/2, read from the iterates themselves (rates within 1e-9 of 2
    count as 2: |x| does not move)."""
    factors = np.abs(1 - rates)
    moves = np.where(np.abs(factors - 1) <= 1e-9, 0, np.sign(factors - 1))
    shrinking = np.flatnonzero(moves < 0)
    if shrinking.size == 0:
        return "never"
    if shrinking[0] == 0:
        return "shrinks"
    return "turned" if moves[0] > 0 else "held"


@pytest.mark.parametrize("lr, ratio, steps", [
    (3.0, 0.05, 60), (2.0, 0.5, 60), (4.0, 1.0, 60), (4.0, 0.5, 10), (1.5, 0.1, 30),
    (2.5, 0.7, 200), (4.0, 0.05, 10)])
def test_schedule_course_agrees_with_the_iterates(lr, ratio, steps):
    runs = schedule_runs(lr, ratio, steps, 1.0, 1.0)
    rates = {name: run.rates for name, run in runs.items()}
    for name, values in rates.items():
        assert schedule_course(values, 1.0) == course_by_the_iterates(values), name
    groups = schedule_courses(rates, 1.0)
    assert sorted(k for members in groups.values() for k in members) == sorted(rates)
    assert list(groups) == [course for course in COURSES if course in groups]


def test_first_shrinking_step_counts_a_rate_within_tolerance_of_2_over_l_as_equal():
    assert first_shrinking_step(np.array([3.0, 2.5, 1.9, 1.0]), 1.0) == 2
    assert first_shrinking_step(np.array([0.5, 0.6]), 4.0) is None  # 2/L = 0.5
    assert first_shrinking_step(np.array([4.0, 2.0 - 4e-16, 1.0]), 1.0) == 2
    assert schedule_course(np.array([2.0 + 4e-16, 1.0]), 1.0) == "held"
    assert schedule_course(np.array([3.0, 3.0]), 1.0) == "never"


def test_the_article_loop_shown_on_the_page_runs_to_the_value_the_page_states():
    from core.descent import ARTICLE_LOOP_SOURCE, seed_article_loop

    namespace: dict = {}
    exec(ARTICLE_LOOP_SOURCE, namespace)  # the code block, run as a reader would
    assert namespace["grad"] == seed_article_loop() == pytest.approx(0.99**1000, rel=1e-12)
