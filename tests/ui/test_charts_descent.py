"""Frames and chart builders of the gradient-descent page, without Streamlit."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from core.descent import gd_quadratic_log10
from core.floats import FLOAT64_MAX_LOG10
from ui.charts import descent as charts
from ui.charts.common import check_datasets

SIGNS = ("pos", "neg")


def spec(chart) -> dict:
    """The template's Vega-Lite spec (validated against the schema)."""
    return chart.chart().to_dict()


def dataset_names(node) -> set[str]:
    names = set()
    if isinstance(node, dict):
        if isinstance(node.get("data"), dict) and "name" in node["data"]:
            names.add(node["data"]["name"])
        for value in node.values():
            names |= dataset_names(value)
    elif isinstance(node, list):
        for item in node:
            names |= dataset_names(item)
    return names


def marks(chart) -> list[str]:
    """Mark types of every layer (nested layers flattened)."""
    out = []

    def walk(node):
        if "layer" in node:
            for child in node["layer"]:
                walk(child)
        elif "mark" in node:
            mark = node["mark"]
            out.append(mark["type"] if isinstance(mark, dict) else mark)

    walk(spec(chart))
    return out


def test_iterate_frame_cuts_a_diverging_run_at_the_bound():
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.6, 12)  # |x_k| = 1.4^k
    frame, cut = charts.iterate_frame(4.0, logs[:, 0], signs[:, 0], bound=10.0)
    assert frame["step"].tolist() == list(range(7))  # 1.4^6 = 7.5 <= 10 < 1.4^7 = 10.5
    assert cut == 13 - 7
    np.testing.assert_allclose(frame["x"], (-1.4) ** np.arange(7), rtol=1e-12)
    np.testing.assert_allclose(frame["f"], 2.0 * frame["x"] ** 2, rtol=1e-12)


def test_iterate_frame_beyond_float64_stays_finite():
    logs, signs = gd_quadratic_log10(10.0, 1.0, 2.0, 300)  # 19^300 = 1e383
    frame, cut = charts.iterate_frame(10.0, logs[:, 0], signs[:, 0], bound=10.0)
    assert len(frame) == 1 and cut == 300
    assert np.isfinite(frame[["x", "f"]].to_numpy()).all()


def test_iterate_frame_keeps_the_exact_zero_as_zero():
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.25, 3)
    frame, cut = charts.iterate_frame(4.0, logs[:, 0], signs[:, 0], bound=10.0)
    assert frame["x"].tolist() == [1.0, 0.0, 0.0, 0.0] and cut == 0


def test_labels_skip_points_that_would_overprint():
    labels = charts._apart_labels(np.array([1.0, -0.5, 0.25, -0.125, 0.06, 0.03, -0.01]), 0.08)
    assert labels[:5] == ["0", "1", "2", "3", "4"]
    assert labels[5] == "" and labels[6] == ""  # within 0.08 of a labelled point


def test_log_abs_frame_drops_minus_infinity_and_labels_signs():
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.25, 3)
    frame = charts.log_abs_frame(logs[:, 0], signs[:, 0], ["1", "0", "0", "0"], SIGNS, "one_step")
    assert frame["step"].tolist() == [0]
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.4, 3)
    frame = charts.log_abs_frame(logs[:, 0], signs[:, 0], ["a"] * 4, SIGNS, "oscillating")
    assert frame["sign"].tolist() == ["pos", "neg", "pos", "neg"]
    assert set(frame["regime"]) == {"oscillating"} and set(frame["size"]) == {70.0}


def test_contour_frame_points_lie_on_their_level_set():
    frame = charts.contour_frame(10.0, 1.0, [0.5, 2.0])
    f = 0.5 * (10.0 * frame["x1"] ** 2 + frame["x2"] ** 2)
    np.testing.assert_allclose(f, frame["level"], rtol=1e-12)


def test_path_frame_stops_before_the_first_point_outside():
    path = np.array([[0.5, 1.0], [-1.0, 0.9], [2.0, 0.8], [-0.1, 0.7], [np.inf, 0.6]])
    frame, cut = charts.path_frame(path, "s", bound=1.5)
    assert frame["step"].tolist() == [0, 1] and cut == 3
    frame, cut = charts.path_frame(np.array([[0.5, 1.0], [np.nan, 0.0]]), "s", bound=1.5)
    assert len(frame) == 1 and cut == 1


def test_series_frame_leaves_out_non_finite_values():
    frame = charts.series_frame({"a": np.array([0.0, -np.inf]), "b": np.array([1.0, 2.0])}, "v")
    assert len(frame) == 3 and np.isfinite(frame["v"]).all()


def log_abs():
    return charts.log_abs_template(x_title="k", y_title="y", sign_title="s", sign_labels=SIGNS,
                                   value_title="v", title="t")


def test_log_abs_colours_by_the_regime_in_the_data():
    d = spec(log_abs())
    colour = d["layer"][0]["encoding"]["color"]
    assert colour["field"] == "regime" and colour["scale"]["domain"] == list(charts.REGIME_COLORS)
    assert colour["scale"]["range"] == list(charts.REGIME_COLORS.values())
    assert dataset_names(d) == {"points"} and "datasets" not in d


def test_infinite_data_is_refused_when_drawn():
    bad = pd.DataFrame({"step": [0, 1], "log10_abs": [0.0, np.inf], "sign": "pos", "value": "x",
                        "regime": "diverging", "size": 70.0})
    with pytest.raises(ValueError):
        check_datasets(log_abs(), {"points": bad})


def test_stability_template_draws_rules_and_the_current_step_from_data():
    lam = 4.0
    rates = np.linspace(0, 0.6, 61)
    curve = charts.stability_frame(np.abs(1 - rates * lam), rates)
    rules = charts.vrule_frame([0.25, 0.5], ["1/λ = 0.25", "2/λ = 0.5"], 1.4)
    current = charts.current_frame(0.4, 0.6, "η = 0.4", "oscillating", 0.6)
    template = charts.stability_template(x_title="eta", y_title="factor", title="t",
                                         one_label="edge")
    check_datasets(template, {"curve": curve, "rules": rules, "current": current})
    text = json.dumps(spec(template), ensure_ascii=False)
    assert "0.25" not in text and "η = 0.4" not in text  # the numbers are data
    assert dataset_names(spec(template)) >= {"curve", "rules", "current"}
    assert current["side"].tolist() == ["right"]  # right half: the label ends left of the point
    assert charts.current_frame(0.1, 0.6, "", "monotone", 0.6)["side"].tolist() == ["left"]
    assert rules["y"].tolist() == pytest.approx([1.4, 1.4 * 0.93])


def test_contour_template_has_equal_aspect():
    d = spec(charts.contour_template(half_width=1.2, series_keys=("current", "optimal"),
                                     series_labels=("cur", "opt"), x_title="x1", y_title="x2",
                                     series_title="s", step_title="k", title="t", size=300))
    assert d["width"] == d["height"] == 300
    assert d["autosize"]["type"] == "pad"
    scales = [layer["encoding"][axis]["scale"]["domain"] for layer in d["layer"][:3]
              for axis in ("x", "y")]
    assert all(domain == [-1.2, 1.2] for domain in scales)
    assert dataset_names(d) >= {"rings", "paths"}


def schedule_log():
    return charts.schedule_log_template(series_keys=("constant",), series_labels=("constant",),
                                        x_title="k", y_title="y", series_title="s", title="t")


def test_float64_rule_is_a_row_shown_only_when_reached():
    low = charts.float64_frame(10.0, "float64 max")
    high = charts.float64_frame(477.0, "float64 max")
    assert low["show"].tolist() == [0.0] and low["y"].tolist() == [10.0]  # hidden, in view
    assert high["show"].tolist() == [1.0] and high["y"].tolist() == [FLOAT64_MAX_LOG10]
    assert "float64 max" not in json.dumps(spec(schedule_log()))
    frame = pd.DataFrame({"step": [0, 1], "series": "constant", "log10_abs": [0.0, 477.0]})
    check_datasets(schedule_log(), {"log": frame, "limits": high})
    assert math.isclose(FLOAT64_MAX_LOG10, 308.2547, abs_tol=1e-3)


def test_schedule_lr_template_draws_the_threshold_and_one_colour_per_schedule():
    template = charts.schedule_lr_template(threshold=2.0, threshold_label="2/λ",
                                           series_keys=("constant", "exponential"),
                                           series_labels=("c", "e"), x_title="k", y_title="lr",
                                           series_title="s", title="t")
    d = spec(template)
    colour = next(layer["encoding"]["color"] for layer in d["layer"]
                  if "color" in layer.get("encoding", {}))
    assert colour["scale"]["range"] == [charts.SCHEDULE_COLORS["constant"],
                                        charts.SCHEDULE_COLORS["exponential"]]
    assert "2/λ" in json.dumps(d, ensure_ascii=False)
    band = charts.band_frame(2.0, 3.0)
    assert band["y"].tolist() == [2.0] and band["y2"].tolist() == [pytest.approx(3.15)]
    frame = pd.DataFrame({"step": [0, 1, 0, 1], "series": ["c", "c", "e", "e"],
                          "lr": [3.0, 3.0, 3.0, 1.0]})
    check_datasets(template, {"lr": frame, "band": band})


def test_parabola_template_joins_the_iterates_in_step_order():
    template = charts.parabola_template(x_title="x", y_title="f", step_title="k", title="t")
    assert marks(template) == ["line", "line", "circle", "text"]
    assert spec(template)["layer"][1]["encoding"]["order"]["field"] == "step"
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.4, 5)
    iterates, _ = charts.iterate_frame(4.0, logs[:, 0], signs[:, 0], 10.0)
    check_datasets(template, {"curve": charts.parabola_frame(4.0, 1.1), "iterates": iterates})
