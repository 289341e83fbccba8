"""Weight clipping measured: each number against numpy's own reference or a closed form."""

import math

import numpy as np
import pytest

from core import budget
from core import weight_bounds as wb
from core.datasets import make_dataset
from core.ensemble import draw_inputs, init_weights
from core.training import TrainConfig
from core.weight_clipping import train_clip_sweep


def relu_ratios(weights: list[np.ndarray], x: np.ndarray, upstream: np.ndarray) -> np.ndarray:
    """log10(||g_l|| / ||g_L||) by the plain chain rule of a ReLU network (float64 reference)."""
    pre, a = [], x
    for w in weights:
        pre.append(a @ np.swapaxes(w, -1, -2))
        a = np.maximum(pre[-1], 0.0)
    grads = [upstream]
    for w, h in zip(reversed(weights), reversed(pre), strict=True):
        grads.append((grads[-1] * (h > 0)) @ w)
    norms = np.log10(np.linalg.norm(np.stack(grads[::-1]), axis=-1))
    return norms - norms[-1]


def test_the_random_networks_are_he_networks_within_the_work_cap():
    for depth, width in ((1, 8), (12, 32), (50, 128), (100, 256)):
        weights = wb.random_networks(depth, width, 1.2, 0)
        networks = len(weights[0])
        assert len(weights) == depth and weights[0].shape == (networks, width, width)
        assert 1 <= networks <= wb.MAX_NETWORKS
        cost = depth * width * width
        assert networks * cost <= budget.CLIPPED_ENTRIES or networks == 1
        assert networks == wb.MAX_NETWORKS or (networks + 1) * cost > budget.CLIPPED_ENTRIES
    reference = init_weights([32] * 13, "he", 1.2, 0, samples=wb.MAX_NETWORKS)
    for w, expected in zip(wb.random_networks(12, 32, 1.2, 0), reference, strict=True):
        np.testing.assert_array_equal(w, expected)


def test_histogram_edges_show_the_weights_and_the_bound():
    edges = wb.histogram_edges(0.1, 0.2)
    assert len(edges) == wb.BINS + 1 and edges[-1] == pytest.approx(0.8) and edges[0] == -edges[-1]
    np.testing.assert_allclose(np.diff(edges), 1.6 / wb.BINS)
    assert wb.histogram_edges(1.0, 0.01)[-1] == pytest.approx(1.15)  # +-c stays in view


def test_spectral_layers_are_the_first_middle_and_last():
    assert wb.spectral_layers(1).tolist() == [0]
    assert wb.spectral_layers(2).tolist() == [0, 1]
    assert wb.spectral_layers(3).tolist() == [0, 1, 2]
    assert wb.spectral_layers(51).tolist() == [0, 25, 50]


@pytest.mark.parametrize("c", [0.005, 0.05, 0.3])
def test_clipped_weights_against_numpy(c):
    depth, width, gain, seed = 12, 32, 1.2, 3
    summary = wb.clipped_weights(c, depth, width, gain, seed)
    weights = wb.random_networks(depth, width, gain, seed)
    flat = np.concatenate([w.ravel() for w in weights])
    clipped = np.clip(flat, -c, c)
    assert summary["networks"] == len(weights[0])
    assert summary["at_bound_percent"] == pytest.approx(100 * np.mean(np.abs(flat) >= c))
    assert summary["weight_factor"] == pytest.approx((width * np.mean(flat**2),
                                                      width * np.mean(clipped**2)))
    assert summary["weight_factor_change"] == pytest.approx(width * np.mean(clipped**2)
                                                            - width * np.mean(flat**2))
    std = gain * math.sqrt(2 / width)
    assert summary["std"] == pytest.approx(std) and summary["c_over_std"] == pytest.approx(c / std)
    layers = [weights[i][0] for i in (0, 6, 11)]
    assert summary["spectral_layers"] == 3
    assert summary["spectral_after"] == pytest.approx(
        np.median([np.linalg.norm(np.clip(w, -c, c), ord=2) for w in layers]))
    assert wb.unclipped_spectral_norm(depth, width, gain, seed) == pytest.approx(
        np.median([np.linalg.norm(w, ord=2) for w in layers]))
    # the bound c sqrt(mn) is the spectral norm of the all-c matrix, and holds for every layer
    assert summary["bound"] == pytest.approx(np.linalg.norm(np.full((width, width), c), ord=2))
    assert summary["spectral_after"] <= summary["bound"]
    assert summary["note"] == ("factor" if c * width >= 1 else None)


def test_a_bound_above_every_weight_leaves_the_networks_untouched():
    summary = wb.clipped_weights(1.0, 4, 128, 1.2, 0)
    assert max(np.abs(w).max() for w in wb.random_networks(4, 128, 1.2, 0)) < 1.0
    assert summary["at_bound_percent"] == 0 and summary["note"] == "untouched"
    assert summary["weight_factor"][0] == summary["weight_factor"][1]


def test_gradient_ratios_follow_the_chain_rule():
    depth, width, gain, seed = 6, 16, 1.3, 4
    weights = wb.random_networks(depth, width, gain, seed)
    x, upstream = draw_inputs(seed, len(weights[0]), wb.BATCH, width)
    ratios = wb.gradient_ratios(None, depth, width, gain, "relu", seed)
    assert ratios.shape == (depth + 1, len(weights[0]), wb.BATCH)
    np.testing.assert_allclose(ratios, relu_ratios(weights, x, upstream), atol=1e-9)
    clipped = wb.gradient_ratios(0.05, depth, width, gain, "relu", seed)
    np.testing.assert_allclose(clipped, relu_ratios([np.clip(w, -0.05, 0.05) for w in weights],
                                                    x, upstream), atol=1e-9)
    # a bound above every weight changes nothing
    loose = float(max(np.abs(w).max() for w in weights))
    np.testing.assert_array_equal(wb.gradient_ratios(loose, depth, width, gain, "relu", seed),
                                  ratios)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
def test_no_clipped_ratio_exceeds_the_cap(activation):
    depth, width, c = 8, 16, 0.1
    ratios = wb.gradient_ratios(c, depth, width, 2.0, activation, 0)
    cap = wb.log10_cap(c * width, depth)
    finite = np.isfinite(ratios)
    assert np.all(ratios[finite] <= np.broadcast_to(cap[:, None, None], ratios.shape)[finite]
                  + 1e-9)


def test_log10_cap_is_the_bound_to_the_power_of_the_layers_above():
    np.testing.assert_allclose(wb.log10_cap(2.0, 3), np.log10([8.0, 4.0, 2.0, 1.0]))
    np.testing.assert_allclose(wb.log10_cap(0.5, 2), np.log10([0.25, 0.5, 1.0]))


def test_median_at_input_leaves_out_dead_gradients():
    ratios = np.array([[[-np.inf, 1.0, 3.0, 2.0]], [[0.0, 0.0, 0.0, 0.0]]])
    assert wb.median_at_input(ratios) == 2.0
    assert wb.median_at_input(np.full((2, 1, 3), -np.inf)) == -math.inf


@pytest.mark.parametrize("ratio, regime", [(-1.01, "vanishing"), (-1.0, "stable"), (0.0, "stable"),
                                           (1.0, "stable"), (1.01, "exploding")])
def test_gradient_regime(ratio, regime):
    assert wb.gradient_regime(ratio) == regime


@pytest.mark.parametrize("c, depth, width, outcome", [
    (0.005, 20, 128, "forced"),  # 0.64^20 = 10^-3.9
    (0.005, 2, 128, "shrinks"),  # 0.64^2 = 10^-0.39
    (0.01, 50, 104, "rules_out"),  # 1.04^50 = 10^0.85
    (0.01, 50, 128, "loose"),  # 1.28^50 = 10^5.4
])
def test_cap_outcome_from_the_closed_form(c, depth, width, outcome):
    bound = c * width
    assert wb.cap_outcome(bound, depth * math.log10(bound)) == outcome
    assert wb.cap_outcome(bound, float(wb.log10_cap(bound, depth)[0])) == outcome


def test_weights_note():
    assert wb.weights_note(0.0, 5.0) == "untouched" and wb.weights_note(0.0, 0.5) == "untouched"
    assert wb.weights_note(0.1, 1.0) == "factor"
    assert wb.weights_note(50.0, 0.99) is None


@pytest.mark.parametrize("start, end, change", [(0.5, 1.9, "none"), (10.0, 12.5, "grew"),
                                                (10.0, 7.5, "shrank"), (10.0, 11.9, "same"),
                                                (1.0, 3.5, "grew")])
def test_pile_change(start, end, change):
    assert wb.pile_change(start, end) == change


def test_clip_bounds_are_four_two_and_one_c_as_stable_keys():
    assert wb.clip_bounds(0.1) == (0.4, 0.2, 0.1)
    assert wb.clip_bounds(0.3) == (1.2, 0.6, 0.3)  # 4 * 0.3 is 1.2000000000000002 unrounded


def test_chance_loss_is_the_cross_entropy_of_a_uniform_guess():
    probabilities = np.full(wb.CLASSES, 1 / wb.CLASSES)
    assert wb.CHANCE_LOSS == pytest.approx(-np.log(probabilities[0]))


def test_last_or_nan():
    assert wb.last_or_nan(np.array([3.0, 2.0])) == 2.0
    assert math.isnan(wb.last_or_nan(np.array([])))


def test_training_runs_summarise_the_sweep():
    runs = wb.training_runs((None, 0.05), 1.2, "relu", "moons", 0)
    assert [run["clip"] for run in runs] == [None, 0.05]
    for run in runs:
        assert run["steps"][0] == 0 and np.all(np.diff(run["steps"]) == wb.TRAINING["eval_every"])
        assert run["final_loss"] == run["loss"][-1]
        assert run["final_accuracy_percent"] == pytest.approx(100 * run["accuracy"][-1])
    assert "edges" not in runs[0]
    # the clipped run's shares at +-c, against its weights counted directly
    config = TrainConfig(**wb.TRAINING, activation="relu", gain=1.2, seed=0)
    result = train_clip_sweep(config, (None, 0.05),
                              make_dataset("moons", wb.DATA_POINTS, wb.DATA_NOISE, 0))[-1]
    for share, weights in zip(runs[-1]["at_bound_percent"], (result.start, result.weights),
                              strict=True):
        flat = np.concatenate([w.ravel() for w in weights])
        assert share == pytest.approx(100 * np.mean(np.abs(flat) >= 0.05))
    assert runs[-1]["at_bound_percent"][0] > 50  # He std at width 32 is 0.3: most sit at +-c
