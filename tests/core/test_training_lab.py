"""The trainer's lab options: batch norm, residual connections, optimisers, schedules, clipping
records, divergence reports, and the remedies of the seed article's section 6, each turning a
diverging or stalled run into one that trains."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import mlp
from core.classifier import (
    evaluate,
    init_params,
    init_running,
    loss_and_gradients,
    network,
    predict_proba,
    update_running,
)
from core.datasets import make_dataset
from core.optimizers import (
    ADAM_EPS,
    MOMENTUM,
    init_optimizer,
    optimizer_direction,
)
from core.schedules import learning_rates, schedule_parameters
from core.train_step import clip_changed, clip_gradients
from core.training import FLOAT32_MAX, TrainConfig, train, within_float32

# The remedies, as the page's presets set them (400 points, noise 0.1, data seed 0, 500 steps).
EXPLODING = dict(depth=8, width=32, activation="relu", init="he", gain=2.0, lr=0.1, eval_every=5)
LR_TOO_HIGH = dict(optimizer="momentum", lr=1.0, eval_every=5)  # on circles
VANISHING = dict(depth=10, activation="sigmoid", init="xavier", optimizer="adam", lr=0.01,
                 eval_every=5)  # on circles


def data(name: str):
    return make_dataset(name, 400, 0.1, seed=0)


def numeric_gradients(params, x, y, activation, residual, h=1e-5):
    """Central finite differences of the loss with respect to every parameter of every group."""
    out = tuple([np.zeros_like(p) for p in group] for group in params)
    for group, grads in zip(params, out, strict=True):
        for p, g in zip(group, grads, strict=True):
            for i in np.ndindex(p.shape):
                old = p[i]
                p[i] = old + h
                up, _ = loss_and_gradients(params, x, y, activation, residual)
                p[i] = old - h
                down, _ = loss_and_gradients(params, x, y, activation, residual)
                p[i] = old
                g[i] = (up - down) / (2 * h)
    return out


@pytest.mark.parametrize("batch_norm", [False, True])
@pytest.mark.parametrize("residual", [False, True])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_gradients_match_central_differences(activation, residual, batch_norm):
    # Float64, h = 1e-5: truncation O(h^2 f''') and rounding O(eps f / h) are both ~1e-10
    # relative here, so 1e-6 leaves four orders of margin and still catches any wrong term.
    rng = np.random.default_rng(5)
    config = TrainConfig(depth=4, width=4, activation=activation, batch_norm=batch_norm,
                         residual=residual, seed=3)
    params = init_params(config, 2, 3)
    params = tuple([p + 0.2 * rng.standard_normal(p.shape) for p in group] for group in params)
    x, y = rng.standard_normal((7, 2)), np.array([0, 1, 2, 0, 1, 2, 1])
    _, analytic = loss_and_gradients(params, x, y, activation, residual)
    numeric = numeric_gradients(params, x, y, activation, residual)
    a = np.concatenate([g.ravel() for group in analytic for g in group])
    n = np.concatenate([g.ravel() for group in numeric for g in group])
    assert np.abs(a - n).max() / np.abs(n).max() < 1e-6
    if batch_norm:  # BN subtracts the batch mean: the bias before it has no effect at all
        assert all(np.abs(db).max() < 1e-12 for db in analytic[1][:-1])


@pytest.mark.parametrize("batch_norm, residual", [(False, False), (True, True)])
def test_many_networks_at_once_give_each_networks_loss_gradients_and_accuracy(batch_norm,
                                                                               residual):
    each = [init_params(TrainConfig(depth=4, width=6, seed=seed, batch_norm=batch_norm,
                                    residual=residual), 2, 2) for seed in range(3)]
    stacked = tuple([np.stack(arrays) for arrays in zip(*groups, strict=True)]
                    for groups in zip(*each, strict=True))
    x, y = (part[:32] for part in data("moons"))
    losses, grads = loss_and_gradients(stacked, x, y, "tanh", residual)
    eval_losses, accuracies = evaluate(stacked, x, y, "tanh", residual)
    for k, params in enumerate(each):
        loss, reference = loss_and_gradients(params, x, y, "tanh", residual)
        assert losses[k] == pytest.approx(loss, rel=1e-12)
        for group, ref_group in zip(grads, reference, strict=True):
            for mine, theirs in zip(group, ref_group, strict=True):
                np.testing.assert_allclose(mine[k], theirs, rtol=1e-10, atol=1e-15)
        assert (eval_losses[k], accuracies[k]) == pytest.approx(
            evaluate(params, x, y, "tanh", residual), rel=1e-12)


def test_residual_layers_add_their_input():
    config = TrainConfig(depth=4, width=6, residual=True, activation="tanh")
    params = init_params(config, 2, 2)
    x = np.random.default_rng(0).standard_normal((5, 2))
    trace = mlp.forward(network(params, "tanh", residual=True), x)
    a = trace.activations
    np.testing.assert_allclose(a[1], np.tanh(trace.pre_activations[0]))  # 2 -> 6: no skip
    for layer in (2, 3):
        skip = a[layer - 1] + np.tanh(trace.pre_activations[layer - 1])
        np.testing.assert_allclose(a[layer], skip)


def test_batch_norm_normalises_the_batch_and_running_averages_follow_pytorch():
    config = TrainConfig(depth=3, width=5, batch_norm=True)
    params = init_params(config, 2, 2)
    x = 3 + 2 * np.random.default_rng(1).standard_normal((16, 2))
    trace = mlp.forward(network(params, "relu"), x)
    z = trace.inputs[0]  # gamma = 1, beta = 0: zero mean, unit (biased) variance per unit
    np.testing.assert_allclose(z.mean(axis=0), 0, atol=1e-12)
    h = trace.pre_activations[0]
    var = h.var(axis=0)  # biased, as BatchNorm1d in training; eps = 1e-5 in the denominator
    np.testing.assert_allclose(z.var(axis=0), var / (var + 1e-5), rtol=1e-12)
    running = update_running(init_running(params), trace, len(x))
    np.testing.assert_allclose(running[0][0], 0.1 * h.mean(axis=0))
    np.testing.assert_allclose(running[1][0], 0.9 + 0.1 * h.var(axis=0, ddof=1))


def test_evaluation_mode_uses_the_running_statistics():
    config = TrainConfig(depth=3, width=5, batch_norm=True)
    params = init_params(config, 2, 2)
    x, y = data("moons")
    trace = mlp.forward(network(params, "relu"), x)
    stats = ([m for m, _ in trace.batch_stats], [v for _, v in trace.batch_stats])
    # running statistics equal to this batch's (biased) statistics give the training-mode output
    train_mode = loss_and_gradients(params, x, y, "relu")[0]
    assert evaluate(params, x, y, "relu", running=stats)[0] == pytest.approx(train_mode, rel=1e-12)
    assert evaluate(params, x, y, "relu", running=init_running(params))[0] != pytest.approx(
        train_mode, rel=1e-3)


def test_momentum_follows_torch_sgd():
    params = ([np.zeros(3)],)
    state = init_optimizer(params, "momentum")
    g = ([np.array([1.0, -2.0, 0.5])],)
    for t in range(1, 6):
        direction = optimizer_direction(g, state, "momentum")
        # b_t = sum_{k<t} 0.9^k g: the geometric sum
        np.testing.assert_allclose(direction[0][0], g[0][0] * (1 - MOMENTUM ** t) / (1 - MOMENTUM))


def test_adam_first_step_is_lr_times_the_sign():
    params = ([np.zeros(4)],)
    state = init_optimizer(params, "adam")
    g = np.array([3.0, -1e-3, 1e-9, 0.0])
    direction = optimizer_direction(([g],), state, "adam")[0][0]
    # m_hat = g, v_hat = g^2 after bias correction: d = g / (|g| + eps)
    np.testing.assert_allclose(direction, g / (np.abs(g) + ADAM_EPS), rtol=1e-9)
    assert direction[0] == pytest.approx(1.0, abs=1e-8) and direction[3] == 0


@settings(max_examples=10, deadline=None)
@given(g1=st.floats(-5, 5), g2=st.floats(-5, 5))
def test_adam_second_step_matches_the_closed_form(g1, g2):
    state = init_optimizer(([np.zeros(1)],), "adam")
    optimizer_direction(([np.array([g1])],), state, "adam")
    d = optimizer_direction(([np.array([g2])],), state, "adam")[0][0][0]
    m = (0.09 * g1 + 0.1 * g2) / (1 - 0.9 ** 2)
    v = (0.000999 * g1 ** 2 + 0.001 * g2 ** 2) / (1 - 0.999 ** 2)
    assert d == pytest.approx(m / (math.sqrt(v) + 1e-8), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("schedule", ["constant", "step", "exponential", "cosine", "inverse_time"])
def test_the_run_uses_core_schedules(schedule):
    config = TrainConfig(steps=40, lr=0.2, schedule=schedule, eval_every=10)
    result = train(config, data("moons"))
    expected = learning_rates(0.2, 40, schedule, **schedule_parameters(schedule, 40))
    np.testing.assert_array_equal(result.lr, expected)
    if schedule == "exponential":
        assert result.lr[-1] == pytest.approx(0.2 * 0.01 ** (39 / 40))


def test_sgd_update_size_is_lr_times_the_clipped_norm():
    result = train(TrainConfig(steps=30, lr=0.3, grad_clip=0.5, eval_every=10), data("moons"))
    np.testing.assert_allclose(result.update_norm, 0.3 * result.grad_norm_clipped, rtol=1e-9)
    assert np.all(result.clipped == (result.grad_norm > 0.5 + 1e-6))
    assert np.all(result.grad_norm_clipped <= 0.5 * (1 + 1e-9))
    np.testing.assert_array_equal(result.grad_norm_clipped[~result.clipped],
                                  result.grad_norm[~result.clipped])


def test_value_clipping_records():
    result = train(TrainConfig(steps=20, grad_clip=0.01, grad_clip_method="value", eval_every=10),
                   data("moons"))
    assert result.clipped.any()
    assert np.all(result.grad_norm_clipped <= result.grad_norm + 1e-15)
    assert np.all(result.grad_norm_clipped[result.clipped] < result.grad_norm[result.clipped])


@pytest.mark.parametrize("clip, method, changed", [
    (None, "norm", False), (3.8, "norm", False), (3.7, "norm", True),
    (3.0, "value", False), (2.5, "value", True),
])
def test_clip_changed_says_whether_clipping_changed_the_gradient(clip, method, changed):
    grads = ([np.array([[3.0, -1.0]])], [np.array([2.0])])  # global norm sqrt(14) = 3.74
    config = TrainConfig(grad_clip=clip, grad_clip_method=method)
    assert clip_changed(grads, clip_gradients(grads, config)) is changed


def test_progress_is_reported_up_to_the_last_step():
    calls = []
    train(TrainConfig(steps=100, eval_every=10), data("moons"),
          progress=lambda done, total: calls.append(done))
    assert calls == sorted(calls) and calls[-1] == 100 and 10 <= len(calls) <= 30


def test_predictions_are_probabilities_in_evaluation_mode():
    config = TrainConfig(steps=50, batch_norm=True, residual=True, eval_every=10)
    result = train(config, data("moons"))
    assert len(result.gammas) == len(result.running_means) == config.depth - 1
    grid = np.random.default_rng(0).uniform(-2, 2, (30, 2))
    p = predict_proba(result, config, grid)
    assert p.shape == (30, 2) and np.allclose(p.sum(axis=1), 1)
    x, y = data("moons")
    accuracy = np.mean(np.argmax(predict_proba(result, config, x), axis=1) == y)
    final = evaluate(result.params, x, y, "relu", True, result.running)[1]
    assert accuracy == pytest.approx(final)


# ---------------------------------------------------------------- divergence


def test_exploding_run_stops_and_says_what_overflowed():
    result = train(TrainConfig(**EXPLODING), data("moons"))
    d = result.divergence
    assert d is not None and result.diverged_at == d.step
    assert d.quantity in ("loss", "gradient", "update")
    assert d.log10_value > math.log10(FLOAT32_MAX)  # a number beyond float32, not a NaN
    assert result.steps_run == d.step - 1 == len(result.grad_norm) == len(result.update_norm)
    for array in (result.batch_loss, result.grad_norm, result.grad_norm_clipped,
                  result.layer_grad_norms, result.update_norm, result.loss):
        assert np.all(np.isfinite(array)) and np.all(np.abs(array) <= FLOAT32_MAX)


def test_within_float32_refuses_inf_nan_and_what_float32_cannot_hold():
    beyond = np.nextafter(FLOAT32_MAX, np.inf)
    values = np.array([0.0, -FLOAT32_MAX, FLOAT32_MAX, beyond, -beyond, np.inf, -np.inf, np.nan])
    np.testing.assert_array_equal(within_float32(values),
                                  [True, True, True, False, False, False, False, False])
    assert within_float32(1e38) and not within_float32(math.inf) and not within_float32(math.nan)


def test_not_a_number_is_reported_as_nan():
    result = train(TrainConfig(steps=50, lr=1e300, gain=3.0, depth=6), data("moons"))
    assert result.divergence is not None
    assert result.divergence.step <= 3


# ---------------------------------------------------------------- the remedies (section 6)


def test_gradient_clipping_by_norm_rescues_the_exploding_run():
    assert train(TrainConfig(**EXPLODING), data("moons")).diverged_at is not None
    rescued = train(TrainConfig(**EXPLODING, grad_clip=1.0), data("moons"))
    assert rescued.diverged_at is None and rescued.accuracy[-1] > 0.9
    assert rescued.clipped[:20].all()  # the huge early gradients were all clipped


def test_gradient_clipping_by_value_also_rescues_it():
    rescued = train(TrainConfig(**EXPLODING, grad_clip=0.1, grad_clip_method="value"),
                    data("moons"))
    assert rescued.diverged_at is None and rescued.accuracy[-1] > 0.9


def test_weight_clipping_rescues_it_but_too_tight_a_bound_stalls():
    rescued = train(TrainConfig(**EXPLODING, weight_clip=0.2), data("moons"))
    assert rescued.diverged_at is None and rescued.accuracy[-1] > 0.9
    tight = train(TrainConfig(**EXPLODING, weight_clip=0.05), data("moons"))
    assert tight.diverged_at is None and tight.accuracy[-1] < 0.6  # the capacity is gone


def test_batch_norm_rescues_the_exploding_run():
    rescued = train(TrainConfig(**EXPLODING, batch_norm=True), data("moons"))
    assert rescued.diverged_at is None and rescued.accuracy[-1] > 0.9


def test_learning_rate_decay_rescues_a_too_large_step():
    stalled = train(TrainConfig(**LR_TOO_HIGH), data("circles"))
    assert stalled.diverged_at is None and stalled.accuracy[-1] < 0.6
    rescued = train(TrainConfig(**LR_TOO_HIGH, schedule="inverse_time"), data("circles"))
    assert rescued.accuracy[-1] > 0.9
    assert rescued.lr[-1] < rescued.lr[0] / 20


def test_deep_sigmoid_vanishes_and_stalls():
    result = train(TrainConfig(**VANISHING), data("circles"))
    first, last = result.layer_grad_norms[0, 0], result.layer_grad_norms[0, -1]
    assert first < 1e-5 * last  # five decades lost between the last and the first layer
    assert result.accuracy[-1] < 0.6


@pytest.mark.parametrize("remedy", [dict(residual=True), dict(batch_norm=True)])
def test_residual_connections_and_batch_norm_rescue_the_deep_sigmoid(remedy):
    result = train(TrainConfig(**VANISHING, **remedy), data("circles"))
    assert result.accuracy[-1] > 0.9
    first, last = result.layer_grad_norms[0, 0], result.layer_grad_norms[0, -1]
    assert first > 1e-2 * last  # the gradient reaches the first layer


@pytest.mark.parametrize("bad", [dict(optimizer="rmsprop"), dict(schedule="linear"),
                                 dict(batch_norm=1), dict(residual="yes")])
def test_bad_lab_options_raise(bad):
    with pytest.raises(ValueError):
        TrainConfig(**bad)
