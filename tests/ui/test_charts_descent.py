"""Frames and chart builders of gradient descent on one curvature, without Streamlit."""

import json

import numpy as np
import pandas as pd
import pytest

from core.descent import gd_quadratic_log10
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


def test_parabola_template_joins_the_iterates_in_step_order():
    template = charts.parabola_template(x_title="x", y_title="f", step_title="k", title="t")
    assert marks(template) == ["line", "line", "circle", "text"]
    assert spec(template)["layer"][1]["encoding"]["order"]["field"] == "step"
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.4, 5)
    iterates, _ = charts.iterate_frame(4.0, logs[:, 0], signs[:, 0], 10.0)
    check_datasets(template, {"curve": charts.parabola_frame(4.0, 1.1), "iterates": iterates})


def test_iterate_bound_keeps_ten_times_the_start_and_the_first_step():
    logs, _ = gd_quadratic_log10(4.0, 1.0, 0.4, 12)  # |x_1| = 0.6
    assert charts.iterate_bound(1.0, logs[:, 0]) == 10.0
    logs, _ = gd_quadratic_log10(10.0, 0.5, 2.0, 12)  # |x_1| = 9.5 > 10 * 0.5
    assert charts.iterate_bound(0.5, logs[:, 0]) == pytest.approx(9.5)
    logs, _ = gd_quadratic_log10(4.0, 2.0, 0.6, 0)  # no step yet: the start alone
    assert charts.iterate_bound(2.0, logs[:, 0]) == 20.0
    assert charts.iterate_bound(0.0, np.array([-np.inf, -np.inf])) == 1.0


def test_parabola_data_names_the_first_step_left_off():
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.6, 12)  # |x_k| = 1.4^k, bound 10
    data, first_off, bound = charts.parabola_data(4.0, 1.0, logs[:, 0], signs[:, 0])
    assert bound == 10.0 and first_off == 7 == len(data["iterates"])  # 1.4^7 = 10.5
    assert data["curve"]["x"].max() == pytest.approx(1.1 * 1.4 ** 6)
    logs, signs = gd_quadratic_log10(4.0, 1.0, 0.4, 12)
    data, first_off, _ = charts.parabola_data(4.0, 1.0, logs[:, 0], signs[:, 0])
    assert first_off is None and len(data["iterates"]) == 13
    assert data["curve"]["x"].max() == pytest.approx(1.1)
    check_datasets(charts.parabola_template(x_title="x", y_title="f", step_title="k", title="t"),
                   data)


def test_stability_data_reaches_past_2_over_lambda_and_past_the_step():
    data = charts.stability_data(4.0, 0.4, "oscillating", ["1/λ", "2/λ"], "η = 0.4")
    curve = data["curve"]
    assert curve["eta"].max() == pytest.approx(0.625)  # 2.5/lambda
    np.testing.assert_allclose(curve["factor"], np.abs(1 - 4.0 * curve["eta"]), rtol=1e-15)
    assert data["rules"]["x"].tolist() == [0.25, 0.5]
    assert data["rules"]["y"].iloc[0] == pytest.approx(1.5)  # |1 - 0.625*4|, the curve's top
    assert data["current"][["eta", "factor"]].iloc[0].tolist() == pytest.approx([0.4, 0.6])
    far = charts.stability_data(4.0, 2.0, "diverging", ["a", "b"], "c")
    assert far["curve"]["eta"].max() == pytest.approx(2.3)  # 1.15 * eta
    assert far["current"]["side"].tolist() == ["right"]
    template = charts.stability_template(x_title="eta", y_title="factor", title="t",
                                         one_label="edge")
    check_datasets(template, far)
