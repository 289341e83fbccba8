"""core.growth against oracles: brute-force budgets and counts, hand-computed medians and clip
factors, the exact gain shift of ReLU networks, and He et al.'s closed form for the phase grid."""

import math

import numpy as np
import pytest

from core import budget, growth
from core.remedies import (
    CRITICAL_GAINS,
    DEPTH_CURVE,
    SAMPLES,
    Remedies,
    simulate_remedies,
    simulated_growth_grid,
)

BATCH = 32  # the page's batch (core.remedies.BATCH), written out: the counts below depend on it


@pytest.mark.parametrize("depth", [1, 7, 30, 55, 100])
@pytest.mark.parametrize("width", [16, 48, 64, 112, 128])
def test_column_samples_is_the_most_that_fits_between_two_and_eight(depth, width):
    fitting = [n for n in range(1, SAMPLES + 1)
               if depth * width**2 * n <= budget.COLUMN_ENTRIES]
    assert growth.column_samples(depth, width) == max(2, max(fitting, default=0))


def test_the_deepest_widest_column_keeps_four_samples_and_the_defaults_all_eight():
    assert growth.column_samples(100, 128) == 4
    assert growth.column_samples(30, 64) == SAMPLES == 8


def test_relative_to_output_subtracts_the_last_layer():
    norms = np.array([[3.0, -1.0], [2.5, 0.0], [1.0, 2.0]])
    np.testing.assert_array_equal(growth.relative_to_output(norms),
                                  [[2.0, -3.0], [1.5, -2.0], [0.0, 0.0]])


def test_dead_share_counts_the_non_finite_growths():
    assert growth.dead_share(np.array([0.5, -np.inf, 2.0, np.nan])) == 0.5
    assert growth.dead_share(np.array([[1.0, 2.0], [3.0, 4.0]])) == 0.0


def test_column_readout_is_the_median_over_live_examples_and_its_verdict():
    # layer 0 (input) and layer 2 (output) of 2 networks x 3 examples; one example is dead
    first = np.array([[4.0, 1.0, -np.inf], [5.0, 3.5, 2.0]])
    last = np.array([[1.0, 0.5, 0.0], [1.0, 1.0, 1.0]])
    norms = np.stack([first, np.zeros_like(first), last])
    readout = growth.column_readout(norms)
    # growths: 3, 0.5, dead, 4, 2.5, 1 -> live median of (0.5, 1, 2.5, 3, 4) is 2.5
    assert readout == {"growth": 2.5, "regime": "exploding", "dead": 1 / 6, "count": 6}
    assert growth.column_readout(norms * -0.5)["regime"] == "vanishing"  # median -1.25
    assert growth.column_readout(np.zeros((3, 2, 2)))["regime"] == "stable"


def test_measure_column_reads_the_remedies_simulation():
    fixes = Remedies(batch_norm=True)
    measured = growth.measure_column("tanh", "xavier", 1.3, 6, 16, fixes, 2, seed=3)
    run = simulate_remedies("tanh", "xavier", 1.3, 6, 16, fixes, 2, BATCH, 3)
    np.testing.assert_array_equal(measured["relative"], run["input"] - run["input"][-1])
    np.testing.assert_array_equal(measured["weight"], run["weight"])
    assert measured["count"] == 2 * BATCH
    alive = (run["input"][0] - run["input"][-1]).ravel()
    assert measured["growth"] == pytest.approx(float(np.median(alive)), abs=1e-12)


@pytest.mark.parametrize("gain", [0.5, 1.5, 3.0])
def test_a_relu_columns_growth_moves_by_exactly_depth_log10_gain(gain):
    """Scaling every W by the gain keeps the ReLU masks: each example shifts by L log10(gain)."""
    at_one = growth.measure_column("relu", "he", 1.0, 12, 16, Remedies(), 2, seed=5)
    at_gain = growth.measure_column("relu", "he", gain, 12, 16, Remedies(), 2, seed=5)
    assert at_gain["growth"] - at_one["growth"] == pytest.approx(12 * math.log10(gain),
                                                                 abs=1e-9)


def notes(activation="relu", init="he", gain=1.0, depth=30, good=False, bn=False, res=False,
          total=0.0):
    return growth.column_notes(activation, init, gain, depth, good, bn, res, total)


def test_column_notes_name_the_init_the_better_init_picks():
    assert notes()["init"] is None
    assert notes(good=True)["init"] == "same"  # He at gain 1 is already the better init
    assert notes(good=True, gain=1.5)["init"] == "uses"
    assert notes(good=True, init="xavier")["init"] == "uses"
    assert notes("tanh", "xavier", good=True)["init"] == "same"


def test_column_notes_explain_a_plain_sigmoid_net_the_better_init_leaves_shrinking():
    shrinking = notes("sigmoid", "xavier", good=True, total=-12.0)
    assert shrinking["sigmoid"] == "vanishing"
    assert shrinking["factor"] == pytest.approx(10 ** (-12.0 / 30))
    assert notes("sigmoid", "xavier", good=True, total=-0.4)["sigmoid"] == "stable"
    for quiet in (notes("sigmoid", good=True, total=0.3),  # grows per layer
                  notes("sigmoid", good=True, bn=True, total=-12.0),
                  notes("sigmoid", good=True, res=True, total=-12.0),
                  notes("sigmoid", total=-12.0),  # no better init
                  notes("tanh", good=True, total=-12.0),
                  notes("sigmoid", good=True, total=math.nan)):  # every example dead
        assert quiet["sigmoid"] is None


def test_column_notes_flag_batch_norm_alone_exploding():
    assert notes(bn=True, total=2.4)["bn_explodes"]
    assert notes(bn=True, total=2.4)["factor"] == pytest.approx(10 ** 0.08)
    assert not notes(bn=True, res=True, total=2.4)["bn_explodes"]
    assert not notes(bn=True, total=0.9)["bn_explodes"]
    assert not notes(total=2.4)["bn_explodes"]


def test_clip_all_layers_matches_clip_grad_norm_by_hand():
    # layer norms per network (columns): totals 13 (PyTorch's example), 0.5 and 2
    norms = np.log10(np.array([[5.0, 0.3, 1.2], [12.0, 0.4, 1.6]]))
    clipped, factor = growth.clip_all_layers(norms, max_norm=1.0)
    coefs = np.array([1.0 / (13.0 + 1e-6), 1.0, 1.0 / (2.0 + 1e-6)])
    np.testing.assert_allclose(10.0 ** clipped, 10.0 ** norms * coefs, rtol=1e-12)
    assert factor == pytest.approx(np.median(coefs), rel=1e-12)
    unclipped, one = growth.clip_all_layers(norms, max_norm=20.0)
    np.testing.assert_array_equal(unclipped, norms)
    assert one == 1.0


def fake_growth_at(calls):
    """A stand-in simulator: row d holds depth + offsets, one example dead; records its calls."""
    def growth_at(kind, activation, init, gain, width, batch_norm, seed):
        calls.append((kind, gain))
        rows = np.array(DEPTH_CURVE, dtype=float)[:, None] + np.array([0.0, 1.0, 2.0, -np.inf])
        return rows * (2.0 if kind == "residual" else 1.0) + gain
    return growth_at


def test_depth_comparison_reuses_the_gain_one_curve_only_where_gain_shifts_growth():
    calls = []
    shifted = growth.depth_comparison("relu", "he", 2.0, 16, False, 0, fake_growth_at(calls))
    assert calls == [("plain", 1.0), ("residual", 2.0)]
    at_one = fake_growth_at([])("plain", "relu", "he", 1.0, 16, False, 0)
    np.testing.assert_array_equal(shifted["growth"]["plain"],
                                  at_one + np.array(DEPTH_CURVE)[:, None] * math.log10(2.0))
    calls.clear()
    growth.depth_comparison("tanh", "xavier", 2.0, 16, False, 0, fake_growth_at(calls))
    growth.depth_comparison("relu", "he", 2.0, 16, True, 0, fake_growth_at(calls))
    assert calls == [("plain", 2.0), ("residual", 2.0)] * 2


def test_depth_comparison_medians_leave_out_dead_examples():
    result = growth.depth_comparison("tanh", "xavier", 1.5, 16, False, 0, fake_growth_at([]))
    assert result["count"] == 4
    np.testing.assert_allclose(result["medians"]["plain"], np.array(DEPTH_CURVE) + 1.0 + 1.5)
    np.testing.assert_allclose(result["medians"]["residual"],
                               2.0 * (np.array(DEPTH_CURVE) + 1.0) + 1.5)


def test_the_shifted_plain_curve_is_the_simulation_at_that_gain():
    direct = growth.simulated_depth_growth("plain", "relu", "he", 1.5, 16, False, 1)
    shifted = growth.depth_comparison("relu", "he", 1.5, 16, False, 1,
                                      growth.simulated_depth_growth)["growth"]["plain"]
    np.testing.assert_allclose(shifted, direct, atol=1e-9)
    assert direct.shape == (len(DEPTH_CURVE), growth.CURVE_SAMPLES * BATCH)


@pytest.mark.parametrize(("half", "deep", "trend"), [
    (1.0, 1.3, "rising"), (1.0, 0.7, "falling"), (1.0, 1.2, "level"), (1.0, 0.8, "level")])
def test_depth_readout_compares_depth_one_hundred_with_fifty(half, deep, trend):
    residual = [0.0, 0.1, 0.2, 0.3, 0.4, half, deep]
    plain = [float(d) for d in DEPTH_CURVE]
    readout = growth.depth_readout({"plain": plain, "residual": residual})
    assert readout == {"depth": 100, "plain": 100.0, "residual": deep, "trend": trend,
                       "start": 50, "end": 100, "first": half, "last": deep}


@pytest.mark.parametrize("width", [16, 32, 48, 64, 80, 96, 112, 128])
def test_phase_gains_halve_only_for_simulated_grids_over_the_budget(width):
    fits = len(growth.PHASE_GAINS) * 100 * width**2 <= budget.PHASE_ENTRIES
    assert len(growth.phase_gains("sigmoid", width)) == (17 if fits else 9)
    assert len(growth.phase_gains("relu", width)) == 17  # theory costs nothing
    np.testing.assert_array_equal(growth.phase_gains("tanh", 128), growth.PHASE_GAINS[::2])


def test_phase_grid_of_he_relu_is_he_et_als_closed_form():
    gains, depths, grid, method = growth.phase_grid("relu", "he", 64, seed=0)
    assert method == "theory" and grid.shape == (17, 21)
    closed = np.outer(np.log10(gains), depths) - 1.25 * depths / (64 * math.log(10))
    np.testing.assert_allclose(grid, closed, atol=1e-10)


def test_phase_grid_of_sigmoid_is_simulated_and_finite():
    gains, depths, grid, method = growth.phase_grid("sigmoid", "xavier", 16, seed=2)
    assert method == "simulation" and grid.shape == (len(gains), len(depths))
    assert np.all(np.isfinite(grid))
    assert grid[gains == 1.0, -1][0] < -10  # Xavier sigmoid vanishes at depth 100


def critical_grid(width: int) -> np.ndarray:
    """Simulated growth of plain sigmoid nets, depth 10, at every gain the search tries."""
    return simulated_growth_grid("sigmoid", "xavier", CRITICAL_GAINS, [10], width,
                                 growth.PHASE_SAMPLES, growth.PHASE_BATCH, 0)[:, 0]


def test_sigmoid_critical_gain_sits_at_the_first_crossing_from_below():
    critical, grid = growth.sigmoid_critical_gain("xavier", 64, 10, seed=0), critical_grid(64)
    i = int(np.searchsorted(CRITICAL_GAINS, critical)) - 1
    assert grid[i] < 0 <= grid[i + 1]
    assert np.all(grid[:i] < 0)


def test_sigmoid_critical_gain_is_none_where_the_growth_never_reaches_zero():
    grid = critical_grid(16)  # narrow: saturation wins before the growth turns positive
    assert np.all(grid < 0)
    assert growth.sigmoid_critical_gain("xavier", 16, 10, seed=0) is None


@pytest.mark.parametrize(("rows", "change"), [
    ([[0.5, 5.0], [0.0, 0.2], [-0.5, -3.0]], "narrower"),
    ([[0.5, 5.0], [2.0, 2.0], [-0.5, -3.0]], "gone"),
    ([[0.5, 0.5], [2.0, 2.0], [-0.5, -0.9]], "same"),
    ([[0.5, 0.5], [2.0, 0.9], [-1.5, -1.0]], "wider"),
    ([[3.0, 3.0], [2.0, 2.0]], "same"),
])
def test_stable_band_change_counts_stable_gains_at_both_ends(rows, change):
    grid = np.array(rows)
    first = sum(abs(row[0]) <= 1 for row in rows)
    last = sum(abs(row[-1]) <= 1 for row in rows)
    assert growth.stable_band_change(grid) == (change, first, last)
