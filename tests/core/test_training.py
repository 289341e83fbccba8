"""The trainer: exact gradients, learning, clipping invariants, divergence handling."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.classifier import init_params, loss_and_gradients, softmax_cross_entropy
from core.clipping import global_norm
from core.datasets import make_dataset
from core.ensemble import init_weights
from core.param_measures import (
    clipped_spectral_bound,
    network_difference_norms,
    network_norms,
    share_at_bound,
    spectral_norms,
    weight_histogram,
)
from core.train_step import clip_gradients
from core.training import TrainConfig, train

MOONS = make_dataset("moons", 200, 0.1, seed=0)


def numeric_gradient(params, x, y, activation, h=1e-6):
    """Central finite differences of the loss with respect to every parameter."""
    grads = ([np.zeros_like(w) for w in params[0]], [np.zeros_like(b) for b in params[1]])
    for group, out in zip(params, grads, strict=True):
        for p, g in zip(group, out, strict=True):
            for i in np.ndindex(p.shape):
                old = p[i]
                p[i] = old + h
                up, _ = loss_and_gradients(params, x, y, activation)
                p[i] = old - h
                down, _ = loss_and_gradients(params, x, y, activation)
                p[i] = old
                g[i] = (up - down) / (2 * h)
    return grads


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "leaky_relu", "linear"])
def test_gradients_match_central_differences(activation):
    # Central differences have error O(h^2 f''') + O(eps f / h) ~ 1e-10 here, far below 1e-6.
    rng = np.random.default_rng(1)
    config = TrainConfig(depth=3, width=5, activation=activation, seed=2)
    weights, biases = init_params(config, 2, 3)
    biases = [0.1 * rng.standard_normal(b.shape) for b in biases]
    x, y = rng.standard_normal((6, 2)), np.array([0, 1, 2, 0, 1, 2])
    _, analytic = loss_and_gradients((weights, biases), x, y, activation)
    numeric = numeric_gradient((weights, biases), x, y, activation)
    for a, n in zip(analytic[0] + analytic[1], numeric[0] + numeric[1], strict=True):
        scale = np.maximum(np.abs(a), np.abs(n)).max()
        assert np.abs(a - n).max() / scale < 1e-6


def test_softmax_cross_entropy_closed_form_and_stability():
    loss, grad = softmax_cross_entropy(np.zeros((4, 2)), np.array([0, 1, 0, 1]))
    assert loss == pytest.approx(np.log(2), rel=1e-15)
    np.testing.assert_allclose(grad, [[-0.125, 0.125], [0.125, -0.125]] * 2)
    loss, grad = softmax_cross_entropy(np.array([[1000.0, 0.0]]), np.array([1]))
    assert loss == pytest.approx(1000.0) and np.all(np.isfinite(grad))


def test_weights_come_from_core_ensemble():
    config = TrainConfig(depth=3, width=8, gain=1.3, seed=4)
    weights, biases = init_params(config, 2, 2)
    for ours, theirs in zip(weights, init_weights([2, 8, 8, 2], "he", 1.3, 4), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    assert all(np.all(b == 0) for b in biases)


def test_loss_decreases_at_the_defaults():
    result = train(TrainConfig(steps=300), MOONS)
    assert result.diverged_at is None and result.steps_run == 300
    assert result.loss[-1] < 0.25 * result.loss[0]
    assert result.accuracy[-1] > 0.95


def test_records_have_the_documented_shapes():
    config = TrainConfig(depth=3, steps=40, eval_every=10, snapshot_steps=(0, 20, 40))
    result = train(config, MOONS)
    assert result.layer_grad_norms.shape == (40, 3)
    np.testing.assert_array_equal(result.eval_steps, [1, 11, 21, 31])
    assert len(result.loss) == len(result.accuracy) == 4
    assert sorted(result.snapshots) == [0, 20, 40]
    np.testing.assert_allclose(result.grad_norm, np.linalg.norm(result.layer_grad_norms, axis=1))
    np.testing.assert_array_equal(result.snapshots[40][0], result.weights[0])
    assert np.all(result.at_clip == 0)


def test_same_config_same_run():
    a, b = (train(TrainConfig(steps=30, seed=7), MOONS) for _ in range(2))
    np.testing.assert_array_equal(a.batch_loss, b.batch_loss)


@settings(max_examples=8, deadline=None)
@given(c=st.floats(0.01, 1.0), lr=st.floats(0.05, 2.0), seed=st.integers(0, 50))
def test_weight_clip_holds_after_every_step(c, lr, seed):
    snapshots = tuple(range(0, 31))
    result = train(TrainConfig(steps=30, lr=lr, weight_clip=c, seed=seed,
                               snapshot_steps=snapshots), MOONS)
    for weights in result.snapshots.values():
        assert max(np.abs(w).max() for w in weights) <= c
    assert all(np.abs(b).max() <= c for b in result.biases)
    last = result.steps_run
    assert result.at_clip[-1] == pytest.approx(share_at_bound(result.snapshots[last], c))


def test_a_small_clip_puts_weights_on_the_bound():
    result = train(TrainConfig(steps=5, weight_clip=0.05), MOONS)
    assert result.at_clip[0] > 0.5  # He weights have std 0.25 in the hidden layers
    assert share_at_bound([np.array([-0.05, 0.0, 0.05, 0.01])], 0.05) == 0.5


def test_gradient_clipping_by_norm_and_by_value():
    grads = ([np.array([[3.0, 4.0]])], [np.array([12.0])])
    by_norm = clip_gradients(grads, TrainConfig(grad_clip=1.0))
    np.testing.assert_allclose(by_norm[0][0], [[3 / 13, 4 / 13]], rtol=1e-6)
    by_value = clip_gradients(grads, TrainConfig(grad_clip=3.5, grad_clip_method="value"))
    np.testing.assert_array_equal(by_value[1][0], [3.5])
    assert clip_gradients(grads, TrainConfig()) is grads


def test_gradient_clipping_by_norm_bounds_every_update():
    config = TrainConfig(steps=20, lr=5.0, grad_clip=0.01, snapshot_steps=tuple(range(21)))
    result = train(config, MOONS)
    assert np.all(result.grad_norm > 0.01)  # so the clip was active at every step
    for step in range(1, 21):
        before, after = result.snapshots[step - 1], result.snapshots[step]
        moved = np.sqrt(sum(np.sum((a - b) ** 2) for a, b in zip(after, before, strict=True)))
        assert moved <= 5.0 * 0.01 * (1 + 1e-9)


def test_divergence_is_detected_and_arrays_stay_finite():
    result = train(TrainConfig(steps=200, lr=1e8, snapshot_steps=(200,)), MOONS)
    assert result.diverged_at is not None and 1 <= result.diverged_at <= 200
    assert result.steps_run == result.diverged_at - 1
    for array in (result.loss, result.accuracy, result.batch_loss, result.grad_norm,
                  result.layer_grad_norms, result.at_clip):
        assert np.all(np.isfinite(array))
    assert all(np.all(np.isfinite(w)) for w in result.weights + result.biases)
    assert 200 not in result.snapshots


@pytest.mark.parametrize("bad", [dict(depth=0), dict(width=2.5), dict(steps=True),
                                 dict(activation="swish"), dict(init="orthogonal"),
                                 dict(lr=0), dict(gain=float("nan")), dict(weight_clip=-1),
                                 dict(grad_clip=float("inf")), dict(grad_clip_method="max"),
                                 dict(steps=10, snapshot_steps=(11,)), dict(eval_every=0)])
def test_bad_config_raises(bad):
    with pytest.raises(ValueError):
        TrainConfig(**bad)


def test_spectral_norm_and_its_clipping_bound():
    rng = np.random.default_rng(0)
    w = rng.standard_normal((6, 9))
    assert spectral_norms([w])[0] == pytest.approx(np.sqrt(np.linalg.eigvalsh(w.T @ w)[-1]))
    c = 0.3
    clipped = np.clip(w, -c, c)
    bound = clipped_spectral_bound(c, clipped.shape)
    assert bound == pytest.approx(c * np.sqrt(54))
    assert spectral_norms([clipped])[0] <= np.linalg.norm(clipped) <= bound
    assert spectral_norms([np.full((6, 9), c)])[0] == pytest.approx(bound, rel=1e-12)  # tight


@settings(max_examples=30, deadline=None)
@given(c=st.floats(1e-3, 10.0), m=st.integers(1, 12), n=st.integers(1, 12),
       seed=st.integers(0, 10**6))
def test_clipped_matrices_never_exceed_the_bound(c, m, n, seed):
    w = np.clip(3 * c * np.random.default_rng(seed).standard_normal((m, n)), -c, c)
    assert spectral_norms([w])[0] <= clipped_spectral_bound(c, (m, n)) * (1 + 1e-12)


def test_weight_histogram_shares_sum_to_one():
    values = [np.array([-1.0, -0.5, 0.0, 0.5, 1.0])]
    shares = weight_histogram(values, np.linspace(-1, 1, 5))
    np.testing.assert_allclose(shares, [0.2, 0.2, 0.2, 0.4])


def test_network_norms_are_each_networks_global_norm():
    rng = np.random.default_rng(1)
    arrays = [rng.standard_normal((3, 4, 5)), rng.standard_normal((3, 4))]
    expected = [global_norm([a[k] for a in arrays]) for k in range(3)]
    np.testing.assert_allclose(network_norms(arrays), expected, rtol=1e-14)
    moved = [a + 1.0 for a in arrays]  # 24 entries per network, each moved by 1
    np.testing.assert_allclose(network_difference_norms(moved, arrays), np.sqrt(24), rtol=1e-14)
    with np.errstate(over="ignore"):
        assert np.all(np.isinf(network_norms([np.full((2, 3), 1e200)])))
