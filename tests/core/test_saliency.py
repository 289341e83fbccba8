"""core.saliency: input gradients against finite differences, exact rescaling, agreement metrics."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import saliency as S
from core.classifier import forward, init_params
from core.datasets import make_dataset
from core.training import TrainConfig, train


def random_params(depth=4, width=8, seed=0, activation_scale=1.0):
    """An MLP with random weights and non-zero biases (so biases are exercised)."""
    weights, biases = init_params(TrainConfig(depth=depth, width=width, seed=seed), 2, 2)
    rng = np.random.default_rng(seed + 100)
    return weights, [activation_scale * 0.3 * rng.standard_normal(b.shape) for b in biases]


def margin(params, x, activation):
    logits = forward(params, x, activation)[0][-1]
    return logits[:, 1] - logits[:, 0]


def central_difference(params, x, activation, h=1e-6):
    """d margin / dx by central differences, one coordinate at a time."""
    grads = np.zeros_like(x)
    for i in range(x.shape[1]):
        step = np.zeros(x.shape[1])
        step[i] = h
        grads[:, i] = (margin(params, x + step, activation)
                       - margin(params, x - step, activation)) / (2 * h)
    return grads


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu", "linear"])
def test_input_gradient_matches_central_differences(activation):
    # Central differences have error O(h^2 f''') ~ 1e-12 for smooth activations; for ReLU the
    # margin is piecewise linear, so the difference is exact unless a kink lies within h of
    # x: the random points below sit at distance >> 1e-6 from every kink (checked by the
    # masks at x +- h agreeing). Rounding error ~ eps*|f|/h ~ 1e-10 relative: tolerance 1e-6.
    params = random_params(seed=3)
    x = np.random.default_rng(4).uniform(-1.5, 1.5, (40, 2))
    analytic = S.input_gradients(params, x, activation, S.margin_upstream(2))[0]
    numeric = central_difference(params, x, activation)
    rel = np.linalg.norm(analytic - numeric, axis=1) / np.linalg.norm(numeric, axis=1)
    assert np.all(rel < 1e-6), rel.max()


def test_every_layer_gradient_matches_central_differences():
    """g_l = d margin / d a_l, checked by perturbing a_l and running the rest of the network."""
    params = random_params(depth=3, width=6, seed=5)
    weights, biases = params
    x = np.random.default_rng(6).uniform(-1, 1, (5, 2))
    grads = S.input_gradients(params, x, "tanh", S.margin_upstream(2))
    _, activations = forward(params, x, "tanh")
    for layer in range(1, len(weights)):
        tail = (weights[layer:], biases[layer:])
        a = activations[layer]
        numeric = np.zeros_like(a)
        for j in range(a.shape[1]):
            step = np.zeros(a.shape[1])
            step[j] = 1e-6
            numeric[:, j] = (margin(tail, a + step, "tanh") - margin(tail, a - step, "tanh")) / 2e-6
        assert np.allclose(grads[layer], numeric, rtol=1e-6, atol=1e-9)


def test_saliency_is_the_input_gradient_as_direction_and_log10_norm():
    params = random_params(seed=7)
    x = np.random.default_rng(8).uniform(-1, 1, (30, 2))
    g = S.input_gradients(params, x, "relu", S.margin_upstream(2))[0]
    unit, log_norm = S.saliency(params, x, "relu")
    assert np.allclose(10.0 ** log_norm[:, None] * unit, g, rtol=1e-12, atol=0)


def test_scaling_a_relu_net_multiplies_saliency_by_gain_to_the_depth_and_keeps_direction():
    params = random_params(depth=5, seed=9)
    x = np.random.default_rng(10).uniform(-1, 1, (50, 2))
    unit, log_norm = S.saliency(params, x, "relu")
    unit_g, log_norm_g = S.saliency(S.scale_params(params, 3.0), x, "relu")
    alive = np.isfinite(log_norm)
    assert alive.mean() > 0.5 and np.array_equal(alive, np.isfinite(log_norm_g))
    assert np.allclose(log_norm_g[alive] - log_norm[alive], 5 * math.log10(3.0), atol=1e-12)
    assert np.allclose(unit_g, unit, atol=1e-12)
    sign, _ = S.log10_margin(params, x, "relu")
    sign_g, _ = S.log10_margin(S.scale_params(params, 3.0), x, "relu")
    assert np.array_equal(sign, sign_g)  # the decision boundary does not move


def test_huge_weights_stay_finite_in_log_space():
    """Weights of 1e120 overflow float64 in the plain pass; the rescaled pass is exact."""
    params = random_params(depth=4, seed=11)
    x = np.random.default_rng(12).uniform(-1, 1, (20, 2))
    huge = S.scale_params(params, 1e30)  # biases up to 1e120, margin ~ 1e120 * ...
    with np.errstate(over="ignore", invalid="ignore"):
        plain = S.input_gradients(huge, x, "relu", S.margin_upstream(2))[0]
    unit, log_norm = S.saliency(huge, x, "relu")
    _, log_ref = S.saliency(params, x, "relu")
    assert np.all(np.isfinite(log_norm)) and np.allclose(log_norm, log_ref + 120, atol=1e-9)
    assert np.all(np.isfinite(plain))  # 1e120 still fits; now push past float64
    bigger = S.scale_params((params[0], [0 * b for b in params[1]]), 1e90)  # margin ~ 1e360
    layers = S.layer_log10_norms(bigger, x, "relu")
    assert np.all(np.isfinite(layers)) and layers[0].min() > 300
    p = S.class1_probability(bigger, x, "relu")
    assert np.all(np.isfinite(p)) and np.all((p == 0) | (p == 1))


def test_layer_norms_match_the_plain_gradients():
    params = random_params(depth=4, seed=13)
    x = np.random.default_rng(14).uniform(-1, 1, (10, 2))
    plain = S.input_gradients(params, x, "relu", S.margin_upstream(2))
    layers = S.layer_log10_norms(params, x, "relu")
    assert layers.shape == (5, 10)
    expected = np.log10([np.linalg.norm(g, axis=1) for g in plain])
    assert np.allclose(layers, expected, atol=1e-12)
    assert np.allclose(layers[-1], math.log10(math.sqrt(2)))  # d margin / d logits = (-1, 1)


def test_probability_is_the_softmax_of_the_logits():
    params = random_params(seed=15)
    x = np.random.default_rng(16).uniform(-1, 1, (10, 2))
    logits = forward(params, x, "relu")[0][-1]
    softmax = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert np.allclose(S.class1_probability(params, x, "relu"), softmax[:, 1], atol=1e-14)


def test_dead_network_has_zero_saliency_and_no_nan():
    weights, biases = random_params(seed=17)
    biases = [b.copy() for b in biases]
    biases[0][:] = -100.0  # every first-layer ReLU off on the plane
    x = np.random.default_rng(18).uniform(-1, 1, (10, 2))
    unit, log_norm = S.saliency((weights, biases), x, "relu")
    assert np.all(unit == 0) and np.all(np.isneginf(log_norm))
    assert S.cosine_agreement(unit, unit) == (0.0, 0)


def test_grid_and_extent():
    xs, ys, points = S.grid_points((-1, 1), (0, 2), 5)
    assert points.shape == (25, 2) and np.allclose(points[:5, 0], xs) and np.all(points[:5, 1] == 0)
    x, _ = make_dataset("moons")
    (x0, x1), (y0, y1) = S.data_extent(x)
    assert math.isclose(x1 - x0, y1 - y0)
    assert x0 < x[:, 0].min() and x1 > x[:, 0].max() and y0 < x[:, 1].min() and y1 > x[:, 1].max()


# ---------------------------------------------------------------- agreement metrics


vectors = st.integers(2, 40).flatmap(lambda n: st.tuples(
    st.lists(st.floats(-10, 10), min_size=2 * n, max_size=2 * n),
    st.lists(st.floats(-10, 10), min_size=2 * n, max_size=2 * n)))


@given(vectors)
@settings(max_examples=60, deadline=None)
def test_cosine_agreement_is_symmetric_bounded_and_one_for_identical_maps(pair):
    u, v = (np.array(p).reshape(-1, 2) for p in pair)
    forward_, backward_ = S.cosine_agreement(u, v), S.cosine_agreement(v, u)
    assert forward_ == backward_
    assert -1 <= forward_[0] <= 1
    same, used = S.cosine_agreement(u, u)
    if used:
        assert same == pytest.approx(1.0, abs=1e-12)


def test_cosine_agreement_known_values():
    u = np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 3.0], [0.0, 0.0]])
    v = np.array([[0.0, 1.0], [0.0, 5.0], [-1.0, -1.0], [1.0, 0.0]])
    assert S.cosine_agreement(u, v) == (pytest.approx((0 + 1 - 1) / 3), 3)


@given(st.lists(st.floats(-1e6, 1e6), min_size=3, max_size=40),
       st.lists(st.floats(-1e6, 1e6), min_size=3, max_size=40))
@settings(max_examples=60, deadline=None)
def test_rank_correlation_is_symmetric_and_one_for_identical(a, b):
    n = min(len(a), len(b))
    a, b = np.array(a[:n]), np.array(b[:n])
    assert S.rank_correlation(a, b) == pytest.approx(S.rank_correlation(b, a), abs=1e-12)
    assert -1 <= S.rank_correlation(a, b) <= 1
    if len(np.unique(a)) > 1:
        assert S.rank_correlation(a, a) == pytest.approx(1.0)
        assert S.rank_correlation(a, 7 * a) == pytest.approx(1.0)  # a monotone map
        assert S.rank_correlation(a, -a) == pytest.approx(-1.0)


def test_ranks_average_ties_and_spearman_known_value():
    assert np.array_equal(S.ranks(np.array([10.0, 20.0, 20.0, -np.inf])), [2, 3.5, 3.5, 1])
    # Spearman of (1,2,3,4,5) and (5,6,7,8,7): ranks (1,2,3,4,5) and (1,2,3.5,5,3.5)
    a, b = np.arange(1.0, 6.0), np.array([5.0, 6, 7, 8, 7])
    ra, rb = S.ranks(a) - 3, S.ranks(b) - 3
    expected = np.sum(ra * rb) / math.sqrt(np.sum(ra**2) * np.sum(rb**2))
    assert S.rank_correlation(a, b) == pytest.approx(expected)
    assert S.rank_correlation(np.ones(5), np.arange(5.0)) == 0.0  # a constant map ranks nothing


def test_direction_stability_of_a_linear_model_is_one():
    params = random_params(seed=19)
    x = np.random.default_rng(20).uniform(-1, 1, (30, 2))
    cos, used = S.direction_stability(params, x, "linear", 0.1, 3, 0)
    assert cos == pytest.approx(1.0) and used == 90
    cos_relu, _ = S.direction_stability(params, x, "relu", 0.5, 3, 0)
    assert cos_relu < 1.0  # large nudges cross ReLU kinks


def test_angle_degrees():
    assert S.angle_degrees(1.0) == 0.0 and S.angle_degrees(0.0) == pytest.approx(90.0)
    assert S.angle_degrees(2.0) == 0.0


def test_trained_model_saliency_end_to_end():
    data = make_dataset("moons", 200, 0.1, 0)
    result = train(TrainConfig(depth=3, width=16, steps=100, seed=0), data)
    params = (result.weights, result.biases)
    _, _, points = S.grid_points(*S.data_extent(data[0]), 9)
    numeric = central_difference(params, points, "relu")
    analytic = S.input_gradients(params, points, "relu", S.margin_upstream(2))[0]
    assert np.allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_unsure_share_counts_probabilities_strictly_inside_the_margin():
    p = np.array([0.0, 0.01, 0.02, 0.5, 0.98, 0.99, 1.0])
    assert S.unsure_share(p, 0.01) == pytest.approx(3 / 7)
    assert S.unsure_share(p, 0.5) == 0.0
