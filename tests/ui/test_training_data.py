"""The training lab's chart datasets, from the summaries of two short real runs."""

import math
from dataclasses import replace

import numpy as np
import pytest

from core import lab
from core.switches import Switch
from core.training import TrainConfig
from ui.charts.training_data import (
    curve_frames,
    divergence_frame,
    grid_frames,
    heat_extent,
    heat_frame,
    norm_frames,
    readout_texts,
    switch_frame,
)

CALM = TrainConfig(depth=3, width=8, steps=40, eval_every=5, lr=0.1, grad_clip=1.0)
WILD = TrainConfig(depth=8, width=32, steps=20, eval_every=5, gain=2.0, lr=0.5)  # diverges


@pytest.fixture(scope="module")
def runs():
    return {"A": lab.trained_summary(CALM, "moons"), "B": lab.trained_summary(WILD, "moons")}


def test_divergence_rows_name_the_diverged_run_or_one_hidden_row(runs):
    words = {"A": ("A stops", "a"), "B": ("B stops", "b")}
    frame = divergence_frame(runs, words, first_step=0)
    assert runs["B"]["divergence"] is not None
    assert list(frame["series"]) == ["B"] and list(frame["show"]) == [1.0]
    assert frame["step"].iloc[0] == lab.last_finite_step(runs["B"])
    calm = divergence_frame({"A": runs["A"]}, words, first_step=0)
    assert runs["A"]["divergence"] is None
    assert list(calm["show"]) == [0.0] and list(calm["label"]) == [""]


def test_the_switch_row_is_bs_switch_step_or_one_hidden_row():
    b = replace(CALM, switch=Switch(12, "lower_lr", 0.01))
    frame = switch_frame({"A": CALM, "B": b}, "B switches", "lr 0.01", first_step=1)
    assert frame.to_dict("records") == [{"step": 12, "label": "B switches", "text": "lr 0.01",
                                         "show": 1.0}]
    for configs in ({"A": CALM}, {"A": CALM, "B": CALM},
                    {"A": CALM, "B": replace(b, switch=Switch(41, "lower_lr", 0.01))}):
        hidden = switch_frame(configs, "B switches", "", first_step=1)
        assert hidden.to_dict("records") == [{"step": 1, "label": "", "text": "", "show": 0.0}]


def test_curves_keep_only_positive_finite_losses_and_count_the_rest(runs):
    losses, accuracy, dropped = curve_frames(runs)
    assert (losses["loss"] > 0).all() and np.isfinite(losses["loss"]).all()
    evaluated = sum(len(s["eval"]["step"]) for s in runs.values())
    assert len(losses) + dropped <= evaluated and len(accuracy) <= evaluated
    assert set(losses["series"]) <= {"A", "B"} and accuracy["accuracy"].between(0, 100).all()


def test_norm_frames_draw_clipping_only_for_the_run_that_clips(runs):
    configs = {"A": CALM, "B": WILD}
    frames = norm_frames(runs, configs, ("before", "after"), {"A": "c = 1", "B": ""})
    lines = frames["lines"]
    assert set(lines[lines["series"] == "B"]["kind"]) == {"before"}  # B does not clip
    assert set(lines[lines["series"] == "A"]["kind"]) == {"before", "after"}
    assert np.isfinite(lines["log10_norm"]).all()
    thresholds = frames["thresholds"]
    assert list(thresholds["log10_norm"]) == [math.log10(1.0)] and list(thresholds["show"]) == [1]
    fired = runs["A"]["line"]["fired"]
    assert fired.any() and len(frames["events"]) == fired.sum()
    assert list(frames["events"]["show"]) == [1.0] * int(fired.sum())


def test_heat_cells_cover_every_layer_and_one_extent_holds_both_runs(runs):
    cells = {key: heat_frame(s)[0] for key, s in runs.items()}
    assert set(cells["A"]["layer"]) == set(range(1, CALM.depth + 1))
    assert (cells["A"]["step_to"] > cells["A"]["step_from"]).all()
    extent = heat_extent(list(cells.values()))
    values = np.concatenate([c["log10_norm"] for c in cells.values()])
    low, high = extent["log10_norm"]
    assert low <= values.min() and high >= values.max() and low == math.floor(low)


def test_the_boundary_grid_and_the_points_are_labelled_by_class(runs):
    data = lab.training_data("moons", CALM.seed)
    grid, points = grid_frames(runs["A"], data, ("class 0", "class 1"))
    assert len(grid) == lab.GRID ** 2 and grid["p"].between(0, 1).all()
    assert (grid["x_to"] > grid["x_from"]).all() and (grid["y_to"] > grid["y_from"]).all()
    assert set(points["label"]) == {"class 0", "class 1"} and len(points) == len(data[0])


def test_readout_texts_write_core_readouts_as_the_metrics_show_them():
    assert readout_texts((97.25, 0.01234, 12345.0, 3)) == ("97.2%", "0.0123", "1.23e+04", "3")
    assert readout_texts((100.0, 0.0, 0.5, 0)) == ("100.0%", "0", "0.5", "0")
    assert readout_texts((None,) * 4) == ("–",) * 4


def test_readout_texts_of_a_real_run(runs):
    accuracy, loss, max_grad, clipped = lab.readouts(runs["A"], CALM)
    assert readout_texts((accuracy, loss, max_grad, clipped)) == (
        f"{accuracy:.1f}%", f"{loss:.3g}", f"{max_grad:.3g}", str(clipped))
