"""The clipping page's chart datasets, built from core results without Streamlit."""

import math

import numpy as np
import pandas as pd
import pytest

from core.cliff import CLIFF_MINIMUM, CLIFF_REGION, cliff_loss, cliff_runs
from core.clip_effects import deep_gradient_summary
from core.clipping import EPS
from ui.charts import clipping_data as data
from ui.charts.clipping import MAP_WIDTH, SQUARE
from ui.charts.common import PRESENTER_HEIGHT


def test_method_labels_and_labelled():
    assert data.method_labels("en") == (("none", "value", "norm"),
                                        ("no clipping", "clip by value", "clip by norm"))
    assert data.method_labels("en", ["norm"]) == (("norm",), ("clip by norm",))
    frame = data.labelled(pd.DataFrame({"method": ["norm", "none"], "x": [1, 2]}), "en")
    assert frame.columns.tolist() == ["method", "x", "label"]
    assert frame.label.tolist() == ["clip by norm", "no clipping"]


def test_picture_extent_holds_the_vector_and_the_box_corner():
    assert data.picture_extent(3.0, 1.0) == pytest.approx(1.15 * 3.0)
    assert data.picture_extent(1.0, 2.0) == pytest.approx(1.15 * 2.0 * math.sqrt(2))


def test_widths_keep_equal_aspect_in_presenter_mode():
    assert data.picture_width(False) == SQUARE and data.picture_width(True) == PRESENTER_HEIGHT
    (x0, x1), (y0, y1) = CLIFF_REGION
    assert data.map_width(False) == MAP_WIDTH
    assert data.map_width(True) == round(PRESENTER_HEIGHT * (x1 - x0) / (y1 - y0))
    assert data.equal_aspect_width(300, 2.0, True) == 2 * PRESENTER_HEIGHT


def test_deep_gradient_frames_hold_every_bin_and_layer():
    depth = 4
    summary = deep_gradient_summary(depth, 8, 2.0, 0.1, 0, 0.25)
    bins = data.histogram_bins(summary)
    n_bins = len(summary["edges"]) - 1
    assert len(bins) == 3 * n_bins and bins.method.unique().tolist() == ["none", "value", "norm"]
    np.testing.assert_array_equal(bins.end - bins.start, np.diff(summary["edges"])[0])
    for method in ("none", "value", "norm"):
        counts = bins[bins.method == method]["count"].to_numpy()
        np.testing.assert_array_equal(counts, summary["counts"][method])
    norms = data.layer_norm_rows(summary)
    assert len(norms) == 3 * 2 * depth
    weights = norms[(norms.method == "value") & (norms.kind == "weight")]
    assert weights.layer.tolist() == [1, 2, 3, 4]
    np.testing.assert_array_equal(weights.log10_norm, summary["norms"]["value"][0])
    biases = norms[(norms.method == "norm") & (norms.kind == "bias")]
    np.testing.assert_array_equal(biases.log10_norm, summary["norms"]["norm"][1])
    frames = data.summary_frames(summary)
    pd.testing.assert_frame_equal(frames["bins"], bins)
    pd.testing.assert_frame_equal(frames["norms"], norms)


def test_kinds_are_translated():
    assert data.kind_labels("en") == {"weight": "weights W_l", "bias": "biases b_l"}
    frame = data.kind_labelled(pd.DataFrame({"kind": ["bias", "weight"], "x": [1, 2]}), "en")
    assert frame.kind.tolist() == ["biases b_l", "weights W_l"] and frame.x.tolist() == [1, 2]


def test_the_norm_rule_and_prose_write_pytorchs_epsilon():
    assert EPS == 1e-6 and data.EPS_TEXT == "1e-6"
    assert data.NORM_RULE.endswith(r"\varepsilon = 10^{-6}")
    assert r"\frac{c}{\lVert g\rVert+\varepsilon}" in data.NORM_RULE


def test_lines_and_marks():
    rule = data.value_threshold_rule(100.0, "v = 100")
    assert rule.to_dict("list") == {"x": [2.0], "what": ["v = 100"]}
    assert data.threshold_line(2.0, "t").to_dict("list") == {"y": [2.0], "what": ["t"]}
    marks = data.cliff_marks((-4.0, 3.5), "start", "minimum")
    assert marks.w1.tolist() == [-4.0, CLIFF_MINIMUM[0]] and marks.w2.tolist() == [3.5, 0.0]
    assert marks["shape"].tolist() == ["circle", "cross"]


def test_cliff_cells_cover_the_region_without_gaps():
    grid = 5
    cells = data.cliff_cells(grid)
    assert len(cells) == grid * grid
    (x0, x1), (y0, y1) = CLIFF_REGION
    dx = (x1 - x0) / (grid - 1)
    assert cells.w1.min() == pytest.approx(x0 - dx / 2)
    assert (cells.w1_end - cells.w1 > dx).all()  # each rectangle overlaps its neighbour
    centres = np.stack([cells.w1 + dx / 2, cells.w2 + (y1 - y0) / (grid - 1) / 2], -1)
    np.testing.assert_allclose(cells.loss, cliff_loss(centres), rtol=1e-12)


def test_path_frames_and_log_axis_rows():
    runs = cliff_runs((-4.0, 3.5), 0.5, 40, 2.0)
    points, steps = data.path_frames(runs, ["none", "norm"])
    assert points.method.unique().tolist() == ["none", "norm"]
    assert len(points) == 2 * 41 and len(steps) == 2 * 40
    np.testing.assert_array_equal(points[points.method == "norm"][["w1", "w2"]],
                                  runs["norm"]["path"])
    np.testing.assert_array_equal(steps[steps.method == "none"].grad_norm,
                                  runs["none"]["grad_norm"])
    losses, norms, dropped = data.log_axis_rows(points, steps)
    assert dropped == 0 and len(losses) == len(points) and len(norms) == len(steps)
    points.loc[3, "loss"] = 0.0
    steps.loc[0, "grad_norm"] = np.inf
    losses, norms, dropped = data.log_axis_rows(points, steps)
    assert dropped == 2 and len(losses) == len(points) - 1 and losses.index.equals(
        pd.RangeIndex(len(losses)))
