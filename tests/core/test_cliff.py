"""Tests for core.cliff: exact gradient, the teaching point, and what the runs show."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cliff import (
    CLIFF_MINIMUM,
    CLIFF_REGION,
    CLIFF_SLOPE,
    CLIFF_TO_VALLEY,
    VALLEY_SLOPE,
    A,
    B,
    H,
    K,
    cliff_gradient,
    cliff_loss,
    cliff_runs,
    cliff_trajectory,
    first_exit,
    loss_grid,
    run_summary,
    steepest_run,
)

(X0, X1), (Y0, Y1) = CLIFF_REGION
START, LR, STEPS, THRESHOLD = (-4.0, 3.5), 0.5, 40, 2.0  # the page opens with this run


def central_difference(w, h=1e-5):
    g = np.zeros(2)
    for i in range(2):
        e = np.zeros(2)
        e[i] = h
        g[i] = (cliff_loss(w + e) - cliff_loss(w - e)) / (2 * h)
    return g


@settings(max_examples=200, deadline=None)
@given(st.floats(X0, X1), st.floats(Y0, Y1))
def test_gradient_matches_finite_differences(w1, w2):
    w = np.array([w1, w2])
    g = cliff_gradient(w)
    assert np.linalg.norm(central_difference(w) - g) <= 1e-6 * np.linalg.norm(g) + 1e-9


def test_vectorised_shapes():
    pts = np.zeros((4, 3, 2))
    assert cliff_loss(pts).shape == (4, 3)
    assert cliff_gradient(pts).shape == (4, 3, 2)
    W1, W2, Z = loss_grid()
    assert W1.shape == W2.shape == Z.shape == (60, 60) and np.all(np.isfinite(Z))
    assert loss_grid(n=5)[2].shape == (5, 5)


def test_surface_has_a_cliff_and_a_gentle_valley():
    W1, W2, _ = loss_grid(n=60)
    norms = np.linalg.norm(cliff_gradient(np.stack([W1, W2], -1)), axis=-1)
    assert norms.max() > 50  # the cliff face
    assert np.median(norms) < 1.2  # almost everywhere else
    assert cliff_loss([3.0, 0.0]) < 0.01 < cliff_loss(START) - 20


def test_no_nan_far_away():
    far = np.array([[1e300, -1e300], [-1e200, 1e250]])
    assert np.all(np.isfinite(cliff_loss(far))) and np.all(np.isfinite(cliff_gradient(far)))


def run(method, threshold=THRESHOLD):
    return cliff_trajectory(START, LR, STEPS, method, threshold)


def test_teaching_point_at_the_opening_run():
    plain, norm, value = run("none"), run("norm"), run("value")
    for t in (plain, norm, value):
        assert t.path.shape == (STEPS + 1, 2) and t.loss.shape == (STEPS + 1,)
        assert t.grad_norm.shape == t.clipped.shape == (STEPS,) and t.diverged_at is None
    jumps = np.linalg.norm(np.diff(plain.path, axis=0), axis=1)
    assert jumps.max() > 20  # catapulted ...
    assert not np.all((plain.path[:, 1] >= Y0) & (plain.path[:, 1] <= Y1))  # ... out of the plot
    assert plain.loss[-1] > 10
    assert norm.loss[-1] < 0.01 and value.loss[-1] < 0.01  # clipped: down to the minimum
    for t in (norm, value):
        assert np.all((t.path[:, 0] >= X0) & (t.path[:, 0] <= X1))
        assert np.all((t.path[:, 1] >= Y0) & (t.path[:, 1] <= Y1))
    assert norm.clipped.any() and not plain.clipped.any()


def test_clipped_flags_and_step_bounds():
    lr, thr = LR, THRESHOLD
    norm, value = run("norm"), run("value")
    np.testing.assert_array_equal(norm.clipped, norm.grad_norm > thr)
    np.testing.assert_allclose(
        norm.grad_norm, np.linalg.norm(cliff_gradient(norm.path[:-1]), axis=1)
    )
    steps = np.diff(norm.path, axis=0)
    assert np.all(np.linalg.norm(steps, axis=1) <= lr * thr * (1 + 1e-12))
    raw = cliff_gradient(value.path[:-1])
    np.testing.assert_array_equal(value.clipped, np.abs(raw).max(axis=1) > thr)
    assert np.all(np.abs(np.diff(value.path, axis=0)) <= lr * thr * (1 + 1e-12))


def test_divergence_is_truncated_not_nan():
    t = cliff_trajectory((-4.0, 1.0), 1e307, 10, "none", THRESHOLD)  # on the face: lr*75 overflows
    assert t.diverged_at == 1 and t.path.shape == (1, 2)
    assert len(t.loss) == 1 and len(t.grad_norm) == len(t.clipped) == 0
    for a in (t.path, t.loss, t.grad_norm):
        assert np.all(np.isfinite(a))


def test_inputs_not_mutated():
    start = np.array([-4.0, 3.5])
    cliff_trajectory(start, LR, 5, "norm", THRESHOLD)
    np.testing.assert_array_equal(start, [-4.0, 3.5])


def trajectory(**changes):
    return cliff_trajectory(**{"start": START, "lr": LR, "steps": STEPS, "method": "none",
                               "threshold": THRESHOLD, **changes})


@pytest.mark.parametrize(
    "call",
    [
        lambda: cliff_loss([1.0, 2.0, 3.0]),
        lambda: cliff_gradient(np.zeros((3, 3))),
        lambda: loss_grid(n=1),
        lambda: loss_grid(x_range=(1.0, 0.0)),
        lambda: loss_grid(y_range=(0.0, float("nan"))),
        lambda: trajectory(start=(0.0,)),
        lambda: trajectory(start=(0.0, float("nan"))),
        lambda: trajectory(lr=0.0),
        lambda: trajectory(lr=float("inf")),
        lambda: trajectory(steps=-1),
        lambda: trajectory(method="sign"),
        lambda: trajectory(method="norm", threshold=-1.0),
        lambda: trajectory(method="value", threshold=float("nan")),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


# ---------------------------------------------------------------- what the runs show


def test_slopes_bound_the_valley_and_peak_on_the_cliff():
    assert VALLEY_SLOPE == pytest.approx(np.hypot(A, B), rel=1e-15)
    assert CLIFF_SLOPE == H * K / 4 == 75.0 and CLIFF_TO_VALLEY == pytest.approx(75 / 1.25**0.5)
    W1, W2, _ = loss_grid(n=200)
    norms = np.linalg.norm(cliff_gradient(np.stack([W1, W2], -1)), axis=-1)
    assert norms[np.abs(W2 - 1.0) > 1.0].max() < VALLEY_SLOPE  # off the cliff face
    assert CLIFF_SLOPE - 1 < norms.max() < CLIFF_SLOPE + VALLEY_SLOPE
    w2 = np.linspace(-0.1, 0.1, 20001)  # brute force: the true minimum is on w1 = M
    best = w2[np.argmin(cliff_loss(np.stack([np.full_like(w2, CLIFF_MINIMUM[0]), w2], -1)))]
    assert abs(best - CLIFF_MINIMUM[1]) < 0.02 and cliff_loss(CLIFF_MINIMUM) < 0.01


def test_first_exit_of_the_opening_run():
    none = run("none")
    k = first_exit(none.path, CLIFF_REGION)
    assert k is not None and none.path[k, 1] < -20
    assert np.all((none.path[:k, 1] >= Y0) & (none.path[:k, 1] <= Y1))
    assert first_exit(run("norm").path, CLIFF_REGION) is None
    assert first_exit(np.array([[0.0, 0.0], [5.0, 4.5], [5.1, 0.0]]), CLIFF_REGION) == 2


def test_run_summary_of_the_opening_run():
    none = run("none")
    out = run_summary(none.path, none.grad_norm, none.clipped, 2.0, CLIFF_REGION)
    assert out["exit"] == 6 and out["peak_step"] == 5 and out["peak"] > 60 > VALLEY_SLOPE
    assert out["peak_move"] == pytest.approx(0.5 * out["peak"])  # unclipped: lr * ||g||
    assert out["n_clipped"] == 0 and out["above_unclipped"] == int((none.grad_norm > 2).sum())
    assert out["spike"]
    norm = run("norm")
    out = run_summary(norm.path, norm.grad_norm, norm.clipped, 2.0, CLIFF_REGION)
    assert out["exit"] is None and out["distance"] < 0.1
    assert out["peak_move"] <= 0.5 * 2.0 + 1e-9 and out["above_unclipped"] == 0


def test_run_summary_hand_example():
    path = np.array([[3.0, 3.0], [3.0, 1.0], [3.0, 0.0]])
    out = run_summary(path, np.array([1.0, 0.5]), np.array([True, False]), 0.75, CLIFF_REGION)
    assert out["end"] == (3.0, 0.0) and out["distance"] == 0.0 and out["exit"] is None
    assert (out["n_clipped"], out["above_unclipped"], out["below_clipped"]) == (1, 0, 0)
    assert (out["peak"], out["peak_step"], out["peak_move"]) == (1.0, 0, 2.0)
    assert not out["spike"]  # 1.0 < VALLEY_SLOPE: a gradient the valley can have
    still = run_summary(path[:1], np.zeros(0), np.zeros(0, bool), 0.75, CLIFF_REGION)
    assert still["peak"] is None and still["peak_move"] is None and not still["spike"]


def test_value_clipping_leaves_steps_above_the_threshold_unclipped():
    """Issue 10, item 2: ||g|| > v does not mean some |g_i| > v (4 such steps at v = 1)."""
    value = run("value", threshold=1.0)
    out = run_summary(value.path, value.grad_norm, value.clipped, 1.0, CLIFF_REGION)
    assert out["above_unclipped"] == 4 and out["below_clipped"] == 0


def test_cliff_runs_are_each_methods_trajectory_and_summary():
    runs = cliff_runs(START, LR, STEPS, THRESHOLD)
    assert list(runs) == ["none", "value", "norm"]
    for method, result in runs.items():
        alone = run(method)
        np.testing.assert_array_equal(result["path"], alone.path)
        np.testing.assert_array_equal(result["grad_norm"], alone.grad_norm)
        assert result["diverged_at"] == alone.diverged_at
        summary = run_summary(alone.path, alone.grad_norm, alone.clipped, THRESHOLD,
                              CLIFF_REGION)
        assert {key: result[key] for key in summary} == summary


def test_steepest_run():
    runs = {"none": {"peak": 70.0}, "value": {"peak": 70.0}, "norm": {"peak": None}}
    assert steepest_run(runs, ("none", "value", "norm")) == "none"  # the first of equals
    assert steepest_run(runs, ("value", "norm")) == "value"
    assert steepest_run(runs, ("norm",)) is None
    opening = cliff_runs(START, LR, STEPS, THRESHOLD)
    assert steepest_run(opening, ("value", "norm")) in ("value", "norm")
    assert steepest_run(opening, ("none", "value", "norm")) == "none"
