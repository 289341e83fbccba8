"""Chart builders of the "Explanations" page, without Streamlit."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from ui.charts.explanations import (
    ARROW_SHARE,
    agreement_chart,
    arrow_frame,
    field_chart,
    heat_frame,
)

TITLES = {"title": "t", "x_title": "x1", "y_title": "x2", "p_title": "P",
          "magnitude_title": "log10", "angle_title": "angle"}


def small_field(log_norm=None):
    xs = ys = np.linspace(-1, 1, 3)
    gx, gy = np.meshgrid(xs, ys)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    unit = np.tile([[0.0, 1.0]], (9, 1))
    log_norm = np.zeros(9) if log_norm is None else log_norm
    return xs, ys, points, unit, log_norm


def test_heat_frame_cells_tile_the_grid():
    xs = ys = np.linspace(0, 1, 3)
    frame = heat_frame(xs, ys, np.linspace(0, 1, 9))
    assert len(frame) == 9
    assert np.allclose(frame.x2 - frame.x, 0.5) and np.allclose(frame.y2 - frame.y, 0.5)
    assert frame.x.min() == -0.25 and frame.y2.max() == 1.25


def test_arrows_point_along_the_saliency_and_are_centred():
    xs, ys, points, _, log_norm = small_field()
    unit = np.tile([[1.0, 0.0]], (9, 1))  # pointing right
    frame = arrow_frame(points, unit, log_norm, cell=1.0)
    assert len(frame) == 27  # shaft and two barbs per arrow
    shafts = frame.iloc[:9]
    assert np.allclose(shafts.x2 - shafts.x, ARROW_SHARE) and np.allclose(shafts.y2, shafts.y)
    assert np.allclose((shafts.x + shafts.x2) / 2, points[:, 0])
    assert np.allclose(frame.angle, 90.0)  # clockwise from up
    barbs = frame.iloc[9:]
    assert np.all(barbs.x2 < barbs.x)  # barbs point back from the head


def shaft_lengths(frame):
    shafts = frame.iloc[: len(frame) // 3]
    return np.hypot(shafts.x2 - shafts.x, shafts.y2 - shafts.y).to_numpy()


def test_arrow_length_is_proportional_to_the_magnitude():
    xs, ys, points, unit, _ = small_field()
    log_norm = np.array([0, 0, 0, 0, 0, 0, 0, -1, -np.inf])  # one ten times smaller, one dead
    lengths = shaft_lengths(arrow_frame(points, unit, log_norm, cell=1.0))
    assert len(lengths) == 8  # the dead point has no arrow
    assert np.allclose(lengths[:7], ARROW_SHARE) and math.isclose(lengths[7], ARROW_SHARE / 10)


def test_outliers_are_capped_and_huge_magnitudes_stay_finite():
    points = np.random.default_rng(0).uniform(-1, 1, (40, 2))
    unit = np.tile([[0.6, 0.8]], (40, 1))
    log_norm = np.r_[np.zeros(39), 300.0]
    frame = arrow_frame(points, unit, log_norm, cell=1.0)
    assert np.all(np.isfinite(frame.select_dtypes("number").to_numpy()))
    assert shaft_lengths(frame).max() == pytest.approx(ARROW_SHARE)


def test_all_dead_field_draws_the_heatmap_only():
    xs, ys, points, unit, _ = small_field()
    arrows = arrow_frame(points, unit, np.full(9, -np.inf), cell=1.0)
    assert arrows.empty
    chart = field_chart(heat_frame(xs, ys, np.full(9, 0.5)), arrows, **TITLES)
    assert json.loads(chart.to_json())["layer"][0]["mark"]["type"] == "rect"


def test_field_chart_refuses_non_finite_values():
    xs, ys, points, unit, log_norm = small_field()
    heat = heat_frame(xs, ys, np.r_[np.full(8, 0.5), np.nan])
    with pytest.raises(ValueError):
        field_chart(heat, arrow_frame(points, unit, log_norm, 1.0), **TITLES)


def test_field_chart_has_titled_axes_and_probability_scale():
    xs, ys, points, unit, log_norm = small_field()
    spec = json.loads(field_chart(heat_frame(xs, ys, np.full(9, 0.3)),
                                  arrow_frame(points, unit, log_norm, 1.0), **TITLES).to_json())
    cells = spec["layer"][0]["encoding"]
    assert cells["x"]["title"] == "x1" and cells["y"]["title"] == "x2"
    assert cells["color"]["scale"]["domain"] == [0, 0.5, 1]
    assert spec["title"] == "t"


def test_agreement_chart_orders_models_and_measures():
    frame = pd.DataFrame({"model": ["a", "a", "b", "b"], "measure": ["m1", "m2", "m1", "m2"],
                          "value": [0.9, 0.5, -0.2, 1.0], "text": ""})
    spec = json.loads(agreement_chart(frame, keys=["unclipped", "exploding"], labels=["a", "b"],
                                      measures=["m1", "m2"], title="T", x_title="X",
                                      model_title="M").to_json())
    dots = spec["layer"][1]["encoding"]
    assert dots["color"]["scale"]["domain"] == ["a", "b"]
    assert dots["color"]["scale"]["range"] == ["#0072B2", "#D55E00"]
    assert dots["y"]["sort"] == ["m1", "m2"] and dots["x"]["scale"]["domain"] == [-1, 1]
    bad = frame.assign(value=[0.1, np.inf, 0, 0])
    with pytest.raises(ValueError):
        agreement_chart(bad, keys=["unclipped", "exploding"], labels=["a", "b"],
                        measures=["m1", "m2"], title="T", x_title="X", model_title="M")
