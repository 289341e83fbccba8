"""Chart templates and frames of the "Explanations" page, without Streamlit."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import check_datasets
from ui.charts.explanations import (
    ARROW_SHARE,
    agreement_template,
    arrow_data,
    arrow_frame,
    field_template,
    heat_frame,
)
from ui.display import export_template_spec, vl_convert_svg

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


def test_all_dead_field_sends_one_hidden_arrow():
    xs, ys, points, unit, _ = small_field()
    assert arrow_frame(points, unit, np.full(9, -np.inf), cell=1.0).empty
    arrows = arrow_data(points, unit, np.full(9, -np.inf), cell=1.0)
    assert len(arrows) == 1 and arrows.show.tolist() == [0.0]
    assert (arrows.x == arrows.x2).all() and (arrows.y == arrows.y2).all()
    live = arrow_data(points, unit, np.zeros(9), cell=1.0)
    assert len(live) == 27 and (live.show == 1).all()


def field_spec() -> dict:
    return field_template(**TITLES).chart().to_dict()  # validates against the schema


def test_field_template_reads_named_data_and_fixes_no_domain():
    spec = field_spec()
    names = [layer["data"]["name"] for layer in spec["layer"]]
    assert names == ["heat", "arrows"]
    cells = spec["layer"][0]["encoding"]
    assert cells["x"]["title"] == "x1" and cells["y"]["title"] == "x2"
    assert "domain" not in cells["x"]["scale"] and "domain" not in cells["y"]["scale"]
    assert cells["color"]["scale"]["domain"] == [0, 0.5, 1]  # probabilities: fixed
    assert spec["layer"][1]["encoding"]["opacity"]["field"] == "show"
    assert spec["title"] == "t"


def test_field_data_with_a_non_finite_value_is_refused():
    xs, ys, points, unit, log_norm = small_field()
    heat = heat_frame(xs, ys, np.r_[np.full(8, 0.5), np.nan])
    with pytest.raises(ValueError):
        check_datasets(field_template(**TITLES),
                       {"heat": heat, "arrows": arrow_data(points, unit, log_norm, 1.0)})


def test_a_field_exports_with_its_data_and_title():
    xs, ys, points, unit, log_norm = small_field()
    data = {"heat": heat_frame(xs, ys, np.full(9, 0.3)),
            "arrows": arrow_data(points, unit, log_norm, 1.0)}
    svg = vl_convert_svg(export_template_spec(field_template(**TITLES), data,
                                              title="studied (gain 2), seed 7"))
    assert "studied (gain 2), seed 7" in svg and "x1" in svg


def test_agreement_template_orders_models_and_measures():
    spec = json.loads(agreement_template(keys=("unclipped", "exploding"), labels=("a", "b"),
                                         measures=("m1", "m2"), title="T", x_title="X",
                                         model_title="M").chart().to_json())
    dots = spec["layer"][1]["encoding"]
    assert spec["layer"][1]["data"] == {"name": "scores"}
    assert dots["color"]["scale"]["domain"] == ["a", "b"]
    assert dots["color"]["scale"]["range"] == ["#0072B2", "#D55E00"]
    assert dots["y"]["sort"] == ["m1", "m2"] and dots["x"]["scale"]["domain"] == [-1, 1]
    frame = pd.DataFrame({"model": ["a", "a", "b", "b"], "measure": ["m1", "m2", "m1", "m2"],
                          "value": [0.1, np.inf, 0, 0], "text": ""})
    with pytest.raises(ValueError):
        check_datasets(agreement_template(keys=("unclipped", "exploding"), labels=("a", "b"),
                                          measures=("m1", "m2"), title="T", x_title="X",
                                          model_title="M"), {"scores": frame})
