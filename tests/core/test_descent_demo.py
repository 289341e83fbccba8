"""Tests for core.descent_demo against direct computation and closed forms."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.descent import (
    SCHEDULES,
    gd_quadratic,
    gd_quadratic_log10,
    optimal_fixed_step,
    optimal_rate,
)
from core.descent_demo import (
    decay_params,
    first_below,
    first_zero_step,
    log10_norm,
    schedule_rates,
    scientific,
    steps_to_shrink,
)


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


def test_first_zero_step_finds_the_one_step_minimum():
    logs, _ = gd_quadratic_log10(4.0, 1.0, 0.25, 5)
    assert first_zero_step(logs[:, 0]) == 1
    logs, _ = gd_quadratic_log10(4.0, 1.0, 0.2, 5)
    assert first_zero_step(logs[:, 0]) is None


def test_scientific_reads_back_the_guide_example():
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.6, 10)
    mantissa, exponent = scientific(logs[10, 0], signs[10, 0], digits=6)
    assert mantissa == 2.892547
    assert exponent == 1
    assert scientific(477.25, -1.0)[1] == 477 and scientific(477.25, -1.0)[0] < 0
    assert scientific(-np.inf, 0.0) == (0.0, 0)
    assert scientific(math.log10(9.99999), 1.0, digits=3) == (1.0, 1)  # not 10.000e0
    assert scientific(math.log10(4.317124741e-5), 1.0, digits=3) == (4.317, -5)


@settings(max_examples=60, deadline=None)
@given(schedule=st.sampled_from([s for s in SCHEDULES if s != "constant"]),
       ratio=st.floats(0.01, 1.0), steps=st.integers(2, 500), lr=st.floats(0.01, 5.0))
def test_decay_reaches_the_final_ratio_at_the_last_step(schedule, ratio, steps, lr):
    rates = schedule_rates(lr, steps, schedule, ratio)
    assert rates[0] == pytest.approx(lr)
    if schedule == "cosine" and decay_params("cosine", ratio, steps, lr)["lr_min"] == 0:
        # the end point is below what cosine with lr_min = 0 can reach at j = steps-1
        assert rates[-1] >= ratio * lr
    else:
        assert rates[-1] == pytest.approx(ratio * lr, rel=1e-9)
    assert np.all(np.diff(rates) <= 1e-12)  # never increases


def test_decay_params_refuses_bad_input():
    with pytest.raises(ValueError):
        decay_params("exponential", 0.0, 10)
    with pytest.raises(ValueError):
        decay_params("warmup", 0.5, 10)
    assert decay_params("constant", 0.5, 10) == {}
    # the parameters feed core's runner unchanged
    params = decay_params("cosine", 0.1, 50, lr=3.0)
    logs, _ = gd_quadratic_log10(1.0, 1.0, 3.0, 50, "cosine", **params)
    direct = np.log10(np.abs(np.prod(1 - schedule_rates(3.0, 50, "cosine", 0.1))))
    assert logs[-1, 0] == pytest.approx(direct, abs=1e-9)


def test_first_below_and_steps_to_shrink():
    assert first_below(np.array([3.0, 2.5, 1.9, 1.0]), 2.0) == 2
    assert first_below(np.array([3.0, 2.5]), 2.0) is None
    assert steps_to_shrink(0.1, 6) == 6
    assert steps_to_shrink(0.5, 3) == 10  # 0.5^10 = 9.8e-4 <= 1e-3 < 0.5^9
    assert steps_to_shrink(1.0, 3) is None
    assert steps_to_shrink(0.0, 3) == 1
