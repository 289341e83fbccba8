"""Tests for core.cliff: exact gradient, and the teaching point at the defaults."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cliff import (
    CLIFF_DEFAULTS,
    CLIFF_REGION,
    cliff_gradient,
    cliff_loss,
    cliff_trajectory,
    loss_grid,
)

(X0, X1), (Y0, Y1) = CLIFF_REGION


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
    assert cliff_loss([3.0, 0.0]) < 0.01 < cliff_loss(CLIFF_DEFAULTS["start"]) - 20


def test_no_nan_far_away():
    far = np.array([[1e300, -1e300], [-1e200, 1e250]])
    assert np.all(np.isfinite(cliff_loss(far))) and np.all(np.isfinite(cliff_gradient(far)))


def run(method):
    return cliff_trajectory(method=method)


def test_teaching_point_at_defaults():
    plain, norm, value = run("none"), run("norm"), run("value")
    steps = CLIFF_DEFAULTS["steps"]
    for t in (plain, norm, value):
        assert t.path.shape == (steps + 1, 2) and t.loss.shape == (steps + 1,)
        assert t.grad_norm.shape == t.clipped.shape == (steps,) and t.diverged_at is None
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
    lr, thr = CLIFF_DEFAULTS["lr"], CLIFF_DEFAULTS["threshold"]
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
    t = cliff_trajectory(start=(-4.0, 1.0), lr=1e307, steps=10)  # on the face: lr * 75 overflows
    assert t.diverged_at == 1 and t.path.shape == (1, 2)
    assert len(t.loss) == 1 and len(t.grad_norm) == len(t.clipped) == 0
    for a in (t.path, t.loss, t.grad_norm):
        assert np.all(np.isfinite(a))


def test_inputs_not_mutated():
    start = np.array([-4.0, 3.5])
    cliff_trajectory(start=start, steps=5, method="norm")
    np.testing.assert_array_equal(start, [-4.0, 3.5])


@pytest.mark.parametrize(
    "call",
    [
        lambda: cliff_loss([1.0, 2.0, 3.0]),
        lambda: cliff_gradient(np.zeros((3, 3))),
        lambda: loss_grid(n=1),
        lambda: loss_grid(x_range=(1.0, 0.0)),
        lambda: loss_grid(y_range=(0.0, float("nan"))),
        lambda: cliff_trajectory(start=(0.0,)),
        lambda: cliff_trajectory(start=(0.0, float("nan"))),
        lambda: cliff_trajectory(lr=0.0),
        lambda: cliff_trajectory(lr=float("inf")),
        lambda: cliff_trajectory(steps=-1),
        lambda: cliff_trajectory(method="sign"),
        lambda: cliff_trajectory(method="norm", threshold=-1.0),
        lambda: cliff_trajectory(method="value", threshold=float("nan")),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
