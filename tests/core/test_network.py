"""Tests for core.activations and core.network against independent oracles."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.activations import ACTIVATIONS, activation, is_positively_homogeneous
from core.network import (
    INITS,
    forward,
    init_std,
    init_weights,
    input_gradients,
    log10_activation_norms,
    log10_gradient_norms,
    per_layer_factors,
)

RNG = np.random.default_rng(12345)


def rows(batch: int, width: int, seed: int) -> np.ndarray:
    """Standard normal rows."""
    return np.random.default_rng(seed).standard_normal((batch, width))


def norms(arrays: list[np.ndarray]) -> np.ndarray:
    """Stack of per-row norms, shape (L+1, ..., batch)."""
    return np.stack([np.linalg.norm(a, axis=-1) for a in arrays])


# --- activations -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ACTIVATIONS)
def test_derivative_matches_central_difference(name):
    # away from ReLU's kink; central differences err by O(h^2 phi''') ~ 1e-12 at h = 1e-6
    phi, dphi = activation(name)
    z = np.concatenate([np.linspace(-6, -0.01, 50), np.linspace(0.01, 6, 50)])
    step = 1e-6
    numeric = (phi(z + step) - phi(z - step)) / (2 * step)
    np.testing.assert_allclose(dphi(z), numeric, rtol=1e-7, atol=1e-9)


def test_relu_derivative_is_zero_or_one():
    _, dphi = activation("relu")
    assert set(np.unique(dphi(RNG.standard_normal(1000)))) == {0.0, 1.0}
    assert dphi(np.array([0.0]))[0] == 0.0


def test_leaky_derivative_values():
    _, dphi = activation("leaky_relu")
    np.testing.assert_array_equal(dphi(np.array([-2.0, 3.0])), [0.01, 1.0])


def test_saturating_functions_do_not_overflow():
    z = np.array([-1e4, 1e4])
    with np.errstate(over="raise", invalid="raise"):  # harmless underflow of exp is fine
        for name in ("tanh", "sigmoid"):
            phi, dphi = activation(name)
            assert np.all(np.isfinite(phi(z))) and np.all(dphi(z) >= 0)


def test_unknown_activation_lists_choices():
    with pytest.raises(ValueError, match="relu, leaky_relu, tanh, sigmoid, linear"):
        activation("swish")
    with pytest.raises(ValueError):
        is_positively_homogeneous("gelu")


def test_homogeneous_set():
    assert [is_positively_homogeneous(a) for a in ACTIVATIONS] == [True, True, False, False, True]


# --- initialisation --------------------------------------------------------------------------

def test_init_std_formulas():
    assert init_std("he", 50, 10, 2.0) == pytest.approx(2.0 * np.sqrt(2 / 50))
    assert init_std("lecun", 50, 10, 1.0) == pytest.approx(np.sqrt(1 / 50))
    assert init_std("xavier", 50, 10, 1.0) == pytest.approx(np.sqrt(2 / 60))
    assert init_std("normal", 50, 10, 0.3) == 0.3
    with pytest.raises(ValueError, match="he, xavier, lecun, normal"):
        init_std("orthogonal", 3, 3)


@pytest.mark.parametrize("init", INITS)
def test_empirical_std_matches_scheme(init):
    # 600*400 entries: the sample std has relative standard error 1/sqrt(2N) ~ 1.4e-3; allow 4 SE
    weights = init_weights([400, 600], init=init, gain=1.3, seed=3)
    expected = init_std(init, 400, 600, 1.3)
    assert weights[0].shape == (600, 400)
    assert abs(weights[0].std() / expected - 1) < 4 / np.sqrt(2 * weights[0].size)
    assert abs(weights[0].mean()) < 4 * expected / np.sqrt(weights[0].size)


def test_shapes_seed_and_gain_proportionality():
    widths = [3, 7, 5, 2]
    a = init_weights(widths, seed=9)
    b = init_weights(widths, seed=9)
    c = init_weights(widths, gain=2.5, seed=9)
    assert [w.shape for w in a] == [(7, 3), (5, 7), (2, 5)]
    for wa, wb, wc in zip(a, b, c, strict=True):
        np.testing.assert_array_equal(wa, wb)
        np.testing.assert_allclose(wc, 2.5 * wa, rtol=1e-15)
    assert not np.array_equal(a[0], init_weights(widths, seed=10)[0])
    assert [w.shape for w in init_weights(widths, samples=4)] == [(4, 7, 3), (4, 5, 7), (4, 2, 5)]


@pytest.mark.parametrize("kwargs", [
    {"widths": [3]}, {"widths": [3, 0]}, {"widths": [3, 2.5]}, {"widths": [3, -1]},
    {"widths": [3, 4], "gain": 0.0}, {"widths": [3, 4], "gain": float("inf")},
    {"widths": [3, 4], "gain": float("nan")}, {"widths": [3, 4], "samples": 0},
    {"widths": [3, 4], "init": "kaiming"},
])
def test_bad_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        init_weights(**kwargs)


# --- forward and gradients -------------------------------------------------------------------

def loss(weights, x, name, upstream):
    """The scalar the gradients are taken of: sum(upstream * a_L)."""
    return np.sum(upstream * forward(weights, x, name)[1][-1])


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_input_gradient_matches_finite_differences(name):
    # central differences at step 1e-5: truncation ~1e-10, rounding ~1e-11 relative
    weights = init_weights([3, 4, 5, 2], gain=1.0, seed=7)
    x, upstream = rows(1, 3, 1), rows(1, 2, 2)
    pre, _ = forward(weights, x, name)
    if name in ("relu", "leaky_relu"):
        assert min(np.abs(h).min() for h in pre) > 1e-3  # no kink within the step
    step, numeric = 1e-5, np.zeros(3)
    for i in range(3):
        e = np.zeros((1, 3))
        e[0, i] = step
        numeric[i] = (loss(weights, x + e, name, upstream)
                      - loss(weights, x - e, name, upstream)) / (2 * step)
    analytic = input_gradients(weights, x, name, upstream)[0][0]
    assert np.linalg.norm(analytic - numeric) < 1e-6 * np.linalg.norm(analytic)


def test_gradient_shapes_with_samples():
    weights = init_weights([3, 4, 5, 2], samples=6)
    grads = input_gradients(weights, rows(8, 3, 0), "tanh", rows(8, 2, 1))
    assert [g.shape for g in grads] == [(6, 8, 3), (6, 8, 4), (6, 8, 5), (6, 8, 2)]
    assert log10_gradient_norms(weights, rows(8, 3, 0), "tanh", rows(8, 2, 1)).shape == (4, 6, 8)
    assert log10_activation_norms(weights, rows(8, 3, 0), "relu").shape == (4, 6, 8)
    factors = per_layer_factors(weights, rows(8, 3, 0), "relu", rows(8, 2, 1))
    assert {k: v.shape for k, v in factors.items()} == {k: (3, 6, 8) for k in factors}


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_samples_behave_like_separate_networks(name):
    stacked = init_weights([4, 6, 6, 3], samples=3, seed=5)
    x, upstream = rows(2, 4, 0), rows(2, 3, 1)
    together = log10_gradient_norms(stacked, x, name, upstream)
    for s in range(3):
        alone = log10_gradient_norms([w[s] for w in stacked], x, name, upstream)
        np.testing.assert_allclose(together[:, s], alone, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(ACTIVATIONS), depth=st.integers(1, 8), width=st.integers(1, 9),
       gain=st.floats(0.2, 5.0), seed=st.integers(0, 2**16), init=st.sampled_from(INITS))
def test_log_space_norms_equal_direct_norms(name, depth, width, gain, seed, init):
    # same arithmetic up to renormalisation: differences are a few ulps per layer
    weights = init_weights([width] * (depth + 1), init=init, gain=gain, seed=seed)
    x, upstream = rows(3, width, seed + 1), rows(3, width, seed + 2)
    with np.errstate(divide="ignore"):
        direct = np.log10(norms(input_gradients(weights, x, name, upstream)))
        direct_a = np.log10(norms(forward(weights, x, name)[1]))
    for got, want in ((log10_gradient_norms(weights, x, name, upstream), direct),
                      (log10_activation_norms(weights, x, name), direct_a)):
        finite = np.isfinite(want)
        np.testing.assert_allclose(got[finite], want[finite], rtol=1e-9, atol=1e-12)
        assert np.all(got[~finite] == -np.inf)


@pytest.mark.parametrize("gain", [10.0, 0.1])
def test_deep_extremes_stay_finite(gain):
    weights = init_weights([64] * 1001, gain=gain, seed=0)
    x, upstream = rows(2, 64, 0), rows(2, 64, 1)
    with np.errstate(all="raise"):
        grads = log10_gradient_norms(weights, x, "relu", upstream)
        acts = log10_activation_norms(weights, x, "relu")
    assert np.all(np.isfinite(grads)) and np.all(np.isfinite(acts))
    # 1000 layers of factor ~gain per layer: about +-1000 decades, far beyond float64's +-308
    assert abs(grads[0] - grads[-1]).min() > 900


def test_tiny_tanh_activations_stay_finite():
    # tanh(h) == h in float64 below 1e-8, so the forward stays exact in log space
    weights = init_weights([32] * 501, gain=0.1, seed=1)
    acts = log10_activation_norms(weights, rows(2, 32, 0), "tanh")
    assert np.all(np.isfinite(acts)) and acts[-1].max() < -400


def test_dead_relu_gives_minus_infinity_without_warnings():
    weights = [-np.abs(w) for w in init_weights([4, 5, 5, 3], seed=0)]
    x = np.abs(rows(2, 4, 0))  # positive input, negative weights: every unit of layer 1 dead
    with np.errstate(all="raise"):
        grads = log10_gradient_norms(weights, x, "relu", rows(2, 3, 1))
        acts = log10_activation_norms(weights, x, "relu")
        factors = per_layer_factors(weights, x, "relu", rows(2, 3, 1))
    # a_1 = 0 makes every later pre-activation 0 and ReLU'(0) = 0: only g_L survives
    assert np.all(np.isfinite(grads[-1])) and np.all(grads[:-1] == -np.inf)
    assert np.all(np.isfinite(acts[0])) and np.all(acts[1:] == -np.inf)
    assert np.all(factors["activation"] == 0)
    assert np.all(factors["total"][-1] == 0) and np.all(np.isnan(factors["total"][:-1]))


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(["relu", "linear", "leaky_relu"]), depth=st.integers(1, 10),
       width=st.integers(2, 8), scale=st.floats(0.05, 20.0), seed=st.integers(0, 2**16))
def test_weight_scale_shifts_log_norms_exactly(name, depth, width, scale, seed):
    # positive homogeneity: masks are unchanged, every layer contributes exactly log10(scale)
    weights = init_weights([width] * (depth + 1), seed=seed)
    scaled = [scale * w for w in weights]
    x, upstream = rows(2, width, seed), rows(2, width, seed + 1)
    shift = np.log10(scale)
    base_g = log10_gradient_norms(weights, x, name, upstream)
    base_a = log10_activation_norms(weights, x, name)
    finite = np.isfinite(base_g)
    layers = np.arange(depth + 1)[:, None]
    np.testing.assert_allclose(log10_gradient_norms(scaled, x, name, upstream)[finite],
                               (base_g + (depth - layers) * shift)[finite], rtol=1e-9, atol=1e-9)
    finite = np.isfinite(base_a)
    np.testing.assert_allclose(log10_activation_norms(scaled, x, name)[finite],
                               (base_a + layers * shift)[finite], rtol=1e-9, atol=1e-9)


def test_per_layer_total_is_realised_ratio():
    weights = init_weights([6, 7, 5, 4], seed=2)
    x, upstream = rows(3, 6, 0), rows(3, 4, 1)
    ratios = norms(input_gradients(weights, x, "tanh", upstream))
    factors = per_layer_factors(weights, x, "tanh", upstream)
    np.testing.assert_allclose(factors["total"], (ratios[:-1] / ratios[1:]) ** 2, rtol=1e-9)
    np.testing.assert_allclose(factors["weight"][1, 0], 7 * np.mean(weights[1] ** 2))  # fan_in 7


def test_relu_halves_and_weights_double():
    # He, width 256, depth 20, 4 networks x 8 rows: averages over 256 units per value
    gain, width = 1.3, 256
    weights = init_weights([width] * 21, gain=gain, seed=4, samples=4)
    factors = per_layer_factors(weights, rows(8, width, 0), "relu", rows(8, width, 1))
    act, weight, total = factors["activation"], factors["weight"], factors["total"]
    # activation share: mean of Bernoulli(1/2) over 256 units, SE 1/(2 sqrt(256 * count))
    assert abs(act.mean() - 0.5) < 4 * act.std() / np.sqrt(act.size)
    # weight share: 256^2 squared normals per layer, relative SE sqrt(2/256^2/count)
    assert abs(weight.mean() / (2 * gain**2) - 1) < 4 * np.sqrt(2 / width**2 / 80)
    # total vs product: per-value relative spread about sqrt(5/256) ~ 0.14
    assert abs(total.mean() / (act * weight).mean() - 1) < 4 * total.std() / np.sqrt(total.size)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu", "linear"])
def test_weight_gradients_match_finite_differences(activation):
    from core.network import weight_gradients

    rng = np.random.default_rng(7)
    weights = init_weights([3, 4, 2], "xavier", 1.0, seed=3)
    x = rng.standard_normal((5, 3))
    upstream = rng.standard_normal((5, 2))

    def loss(ws):
        return float(np.sum(upstream * forward(ws, x, activation)[1][-1]))

    analytic = weight_gradients(weights, x, activation, upstream)
    step = 1e-6
    for layer, w in enumerate(weights):
        assert analytic[layer].shape == w.shape
        for index in np.ndindex(w.shape):
            plus = [v.copy() for v in weights]
            minus = [v.copy() for v in weights]
            plus[layer][index] += step
            minus[layer][index] -= step
            numeric = (loss(plus) - loss(minus)) / (2 * step)
            assert abs(analytic[layer][index] - numeric) <= 1e-6 * max(1.0, abs(numeric))


def _fresh_normals(shapes, seed):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(shape) for shape in shapes]


@pytest.mark.parametrize("depths", [(5, 9, 3, 9), (9, 5), (1, 2, 3)])
def test_reused_normals_equal_a_fresh_draw_at_every_depth(depths):
    for depth in depths:
        weights = init_weights([16] * (depth + 1), "lecun", 1.5, seed=11, samples=2)
        fresh = _fresh_normals([(2, 16, 16)] * depth, seed=11)
        assert len(weights) == depth
        for w, z in zip(weights, fresh, strict=True):
            np.testing.assert_array_equal(w, z * 1.5 * np.sqrt(1 / 16))


def test_reused_normals_follow_a_change_of_shape_and_stay_within_their_budget():
    from core.network import _NormalLayers

    cache = _NormalLayers(budget_bytes=10_000)
    first = cache.layers(1, [(4, 3), (3, 4)])
    other = cache.layers(1, [(4, 3), (5, 4)])  # same start, other second layer: drawn afresh
    np.testing.assert_array_equal(other[0], first[0])
    np.testing.assert_array_equal(other[1], _fresh_normals([(4, 3), (5, 4)], 1)[1])
    for seed in range(20):
        cache.layers(seed, [(10, 10)] * 5)  # 4,000 bytes each
    assert cache._bytes() <= 10_000
    big = cache.layers(99, [(40, 40)] * 2)  # over the budget alone: kept, the others dropped
    assert cache._bytes() == sum(z.nbytes for z in big)
    weights = init_weights([3, 4, 2], seed=5)
    weights[0][:] = 0  # callers may change what they get; the cache keeps its own numbers
    assert np.any(init_weights([3, 4, 2], seed=5)[0] != 0)
