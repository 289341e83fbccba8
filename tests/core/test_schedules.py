"""Tests for core.schedules: the learning-rate formulas and the decay to a chosen end point."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.descent import gd_quadratic, gd_quadratic_log10
from core.schedules import (
    SCHEDULES,
    decay_params,
    first_below,
    learning_rates,
    schedule_parameters,
    schedule_rates,
)


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


def test_first_below():
    assert first_below(np.array([3.0, 2.5, 1.9, 1.0]), 2.0) == 2
    assert first_below(np.array([3.0, 2.5]), 2.0) is None
    assert first_below(np.array([2.0, 1.0]), 2.0) == 1  # strictly below


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
        lambda: first_below(np.array([1.0]), 0.0),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()



@pytest.mark.parametrize("steps", [4, 40, 300])
def test_schedule_parameters_shape_a_run_of_n_steps(steps):
    """step halves every N/4 steps; exponential and inverse_time reach lr/100 and lr/21 at step N
    (one past the last); cosine is CosineAnnealingLR with T_max = N; constant takes nothing."""
    def run(schedule: str, extra: int = 0) -> np.ndarray:
        """The rates of an N-step run (``extra`` steps past its end to see where it lands)."""
        return learning_rates(1.0, steps + extra, schedule, **schedule_parameters(schedule, steps))

    assert schedule_parameters("constant", steps) == schedule_parameters("cosine", steps) == {}
    j = np.arange(steps)
    np.testing.assert_array_equal(run("step"), 0.5 ** (j // (steps // 4)))
    assert run("exponential", extra=1)[steps] == pytest.approx(0.01)
    assert run("inverse_time", extra=1)[steps] == pytest.approx(1 / 21)
    np.testing.assert_allclose(run("cosine"), (1 + np.cos(np.pi * j / steps)) / 2)
