"""The explosion page's chart datasets, against medians and quantiles computed here."""

import numpy as np
import pandas as pd

from core import growth
from core.remedies import DEPTH_CURVE
from ui.charts.explosion import CLAMP_DECADES
from ui.charts.explosion_data import (
    band_percent,
    clipping_frame,
    depth_frame,
    depth_mark,
    labelled,
    layer_profile,
    phase_frame,
    setting_mark,
    shared_y_domain,
    weight_profile,
    y_extent,
)
from ui.frames import profile_frame

RNG = np.random.default_rng(4)


def quantiles(rows: np.ndarray) -> np.ndarray:
    """(low, median, high) per row, the band's 10-90% and the median, by numpy directly."""
    flat = rows.reshape(len(rows), -1)
    return np.quantile(flat, [0.1, 0.5, 0.9], axis=1)


def frame(values, label="A"):
    return profile_frame(np.asarray(values, dtype=float)[:, None] + np.zeros((1, 4)), label)


def test_shared_y_domain_holds_both_frames_and_zero():
    low, high = shared_y_domain([frame([-19.0, -3.0, 0.0]), frame([5.2, 1.0, 0.0])])
    assert low <= -19.5 and high >= 5.7
    assert float(low).is_integer() and float(high).is_integer()
    assert shared_y_domain([frame([3.0, 4.0])], include_zero=False)[0] == 2
    assert list(y_extent([frame([3.0, 4.0])], include_zero=False)["y"]) == [2.0, 5.0]


def test_phase_frame_edges_tile_the_grid_and_clamp_the_colour():
    gains = 2.0 ** (np.arange(-8, 9) / 4)
    depths = np.array([1, 5, 10, 100])
    grid = np.outer(np.log10(gains), depths) * 2
    cells = phase_frame(gains, depths, grid)
    assert len(cells) == gains.size * depths.size
    assert np.all((cells.g0 < cells.gain) & (cells.gain < cells.g1))
    assert np.all((cells.d0 < cells.depth) & (cells.depth < cells.d1))
    assert cells.g0.min() > 0 and cells.d0.min() > 0
    np.testing.assert_allclose(np.sort(cells.g1.unique())[:-1], np.sort(cells.g0.unique())[1:])
    assert cells.shown.max() == CLAMP_DECADES and cells.shown.min() == -CLAMP_DECADES
    assert cells.growth.max() > CLAMP_DECADES  # the exact value stays for the tooltip
    assert cells[np.isclose(cells.gain, 1.0)].stable.all()
    assert (cells.outline == cells.stable.astype(float)).all()


def test_labelled_replaces_only_the_series():
    frame = pd.DataFrame({"layer": [0, 1], "series": ["", ""], "median": [1.0, 2.0]})
    out = labelled(frame, "vanishing")
    assert list(out.series) == ["vanishing", "vanishing"]
    assert out.drop(columns="series").equals(frame.drop(columns="series"))


def test_layer_profile_counts_layers_from_zero_and_weights_from_one():
    relative = RNG.normal(size=(6, 3, 4))  # layers 0..5, 3 networks x 4 examples
    profile = layer_profile(relative, "A")
    assert list(profile.layer) == [0, 1, 2, 3, 4, 5] and set(profile.series) == {"A"}
    low, median, high = quantiles(relative)
    np.testing.assert_allclose(profile[["low", "median", "high"]].to_numpy().T,
                               [low, median, high])
    weights = weight_profile(RNG.normal(size=(5, 3)), "B")
    assert list(weights.layer) == [1, 2, 3, 4, 5]


def test_clipping_frame_adds_the_clipped_rows_only_when_clipping_is_on():
    norms = RNG.normal(size=(4, 5))  # 4 layers x 5 networks, log10
    off = clipping_frame(norms, None, ("before", "after"))
    assert list(off.series) == ["before"] * 4
    clipped, _ = growth.clip_all_layers(norms, max_norm=0.01)
    on = clipping_frame(norms, clipped, ("before", "after"))
    assert list(on.series) == ["before"] * 4 + ["after"] * 4
    assert list(on.index) == list(range(8))
    after = on[on.series == "after"]
    np.testing.assert_allclose(after["median"], np.median(clipped, axis=1))
    assert off.equals(on[on.series == "before"])


def test_depth_frame_has_plain_then_residual_rows_per_depth():
    values = {"plain": RNG.normal(size=(len(DEPTH_CURVE), 8)),
              "residual": RNG.normal(size=(len(DEPTH_CURVE), 8))}
    frame = depth_frame(values, ("plain net", "with shortcuts"))
    assert list(frame.columns) == ["depth", "series", "median", "low", "high"]
    assert list(frame.depth) == list(DEPTH_CURVE) * 2
    assert list(frame.series) == ["plain net"] * 7 + ["with shortcuts"] * 7
    np.testing.assert_allclose(frame["median"][:7], np.median(values["plain"], axis=1))
    np.testing.assert_allclose(frame["median"][7:], np.median(values["residual"], axis=1))


def test_marks_are_one_row_each():
    assert setting_mark(1.5, 30, "Network B").to_dict("records") == [
        {"gain": 1.5, "depth": 30, "label": "Network B"}]
    assert depth_mark(60).to_dict("records") == [{"depth": 60}]


def test_band_percent_writes_the_quantiles_as_whole_percentages():
    assert band_percent() == {"low": "10", "high": "90"}
