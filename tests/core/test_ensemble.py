"""Tests for core.ensemble: initialisation, the one seed convention, and layer measurements."""

import math

import numpy as np
import pytest

from core.ensemble import (
    INITS,
    Ensemble,
    _NormalLayers,
    draw,
    draw_inputs,
    init_std,
    init_weights,
    measure_layers,
)
from core.mlp import Mlp, input_gradients
from core.profiles import (
    dead_share,
    log10_step_squares,
    mean_factors,
    median_total_growth,
)
from core.theory import expected_log10_growth

# --- initialisation ----------------------------------------------------------------------

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


# --- inputs: one convention ----------------------------------------------------------------

def test_inputs_come_from_the_seed_and_1_x_first_then_upstream():
    rng = np.random.default_rng([7, 1])
    x, upstream = rng.standard_normal((3, 5, 4)), rng.standard_normal((3, 5, 2))
    got_x, got_upstream = draw_inputs(7, 3, 5, 4, 2)
    np.testing.assert_array_equal(got_x, x)
    np.testing.assert_array_equal(got_upstream, upstream)
    x1, u1 = draw_inputs(7, None, 5, 4)  # one network: no leading axis, upstream as wide as x
    assert x1.shape == u1.shape == (5, 4)


def test_inputs_do_not_repeat_any_seeds_weights():
    # default_rng(seed + 1), the old convention, replayed seed + 1's weight normals as inputs
    x, _ = draw_inputs(3, None, 4, 8)
    for seed in range(10):
        normals = init_weights([8, 8], "normal", 1.0, seed)[0]
        assert not np.any(np.isin(x, normals))


def test_draw_is_init_weights_and_draw_inputs_of_one_seed():
    nets = draw([6, 5, 3], "xavier", 1.7, 4, samples=2, batch=7)
    assert isinstance(nets, Ensemble)
    for w, expected in zip(nets.weights, init_weights([6, 5, 3], "xavier", 1.7, 4, samples=2),
                           strict=True):
        np.testing.assert_array_equal(w, expected)
    x, upstream = draw_inputs(4, 2, 7, 6, 3)
    np.testing.assert_array_equal(nets.x, x)
    np.testing.assert_array_equal(nets.upstream, upstream)
    assert nets.x.shape == (2, 7, 6) and nets.upstream.shape == (2, 7, 3)


# --- measured layer by layer ---------------------------------------------------------------

def test_step_squares_are_the_realised_squared_ratios_of_the_drawn_networks():
    """The log-space measurement equals the plain float64 pass on the same draw."""
    run = measure_layers(8, 16, "relu", "he", 1.3, 2, 3, seed=3)
    nets = draw([16] * 9, "he", 1.3, 3, samples=2, batch=3)
    norms = np.stack([np.linalg.norm(g, axis=-1) for g in input_gradients(
        Mlp(nets.weights, "relu"), nets.x, nets.upstream)])
    realised = (norms[:-1] / norms[1:]) ** 2
    np.testing.assert_allclose(log10_step_squares(run.grad),
                               np.log10(realised.reshape(8, -1)), rtol=1e-9, atol=1e-12)
    weight = np.stack([16 * np.mean(w**2, axis=(-2, -1)) for w in nets.weights])
    np.testing.assert_allclose(run.weight, np.repeat(weight, 3, axis=1), rtol=1e-14)


def test_relu_he_factors_split_into_weights_times_half():
    """He et al. 2015 Eq. 13-14: n Var[w] = 2 gain^2, E[relu'^2] = 1/2, product gain^2.

    64 layers x 16 runs at width 128: each realised squared factor has relative sd
    sqrt(5/128) = 0.2, so the mean's sd is below 0.2/sqrt(64) = 2.5% even if the 16 runs
    were fully correlated; 0.03 in log10 is 7%.
    """
    gain = 1.5
    factors = mean_factors(measure_layers(64, 128, "relu", "he", gain, 4, 4, seed=1))
    assert factors["weight"] == pytest.approx(math.log10(2 * gain**2), abs=0.01)
    assert factors["activation"] == pytest.approx(math.log10(0.5), abs=0.02)
    assert factors["total"] == pytest.approx(math.log10(gain**2), abs=0.03)


@pytest.mark.parametrize(("gain", "decades"), [(1.2, 3.85), (0.8, -4.95)])
def test_total_growth_matches_the_guide_and_theory(gain, decades):
    """GUIDE: width 256, depth 50, ReLU He: +3.85 (gain 1.2), -4.95 (gain 0.8), sd 0.23.

    Median of 24 runs from 6 networks: the sd of the median is at most 0.23 / sqrt(6) * 1.25
    = 0.12 (inputs of one network are correlated), so 0.4 is more than 3 sd.
    """
    run = measure_layers(50, 256, "relu", "he", gain, 6, 4, seed=0)
    theory = expected_log10_growth([256] * 51, "relu", "he", gain)[0]
    assert theory == pytest.approx(decades, abs=0.01)
    assert median_total_growth(run.grad) == pytest.approx(decades, abs=0.4)


def test_gain_shifts_relu_growth_by_exactly_depth_log10_gain():
    base = measure_layers(30, 32, "relu", "he", 1.0, 2, 4, seed=5)
    scaled = measure_layers(30, 32, "relu", "he", 2.5, 2, 4, seed=5)
    np.testing.assert_allclose(scaled.grad[0] - scaled.grad[-1],
                               base.grad[0] - base.grad[-1] + 30 * math.log10(2.5), atol=1e-9)


def test_measure_layers_measures_absolute_norms():
    run = measure_layers(10, 64, "tanh", "xavier", 1.0, 3, 5, seed=2)
    assert run.grad.shape == run.act.shape == (11, 15)
    assert run.weight.shape == run.activation.shape == (10, 15)
    assert np.median(run.grad[-1]) == pytest.approx(math.log10(8.0), abs=0.1)  # ||u|| ~ sqrt(64)
    assert np.median(run.act[0]) == pytest.approx(math.log10(8.0), abs=0.1)


def test_relu_activation_factor_is_the_share_of_live_units():
    run = measure_layers(6, 256, "relu", "he", 1.0, 2, 4, seed=6)
    # the mean of 256 Bernoulli(1/2) masks: sd 1/32 per value, 4 sd = 0.125
    assert np.all(np.abs(run.activation - 0.5) < 0.125)
    assert set(np.unique(run.activation * 256).round(9) % 1) == {0.0}  # counts of live units


def test_narrow_deep_relu_networks_die_and_wide_ones_do_not():
    narrow = measure_layers(50, 4, "relu", "he", 1.0, 8, 4, seed=0)
    assert dead_share(narrow.grad) > 0.5
    assert dead_share(measure_layers(50, 128, "relu", "he", 1.0, 2, 4, seed=0).grad) == 0.0
