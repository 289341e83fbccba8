"""Chart templates of the training lab: specs validate, carry no data and no data-driven domain,
log axes refuse non-positive data, and an export renders with its data and title."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import COLORS, check_datasets
from ui.charts.training import (
    accuracy_template,
    boundary_template,
    grad_norm_template,
    heatmap_template,
    loss_template,
)
from ui.display import export_template_spec, vl_convert_svg

LABELS, COLOURS = ("A", "B"), (COLORS["none"], COLORS["norm"])
SERIES = dict(x_title="step", series_title="run", series_labels=LABELS, series_colours=COLOURS)
STOPS = pd.DataFrame({"step": [3], "series": ["A"], "label": ["A diverged"], "text": ["..."],
                      "show": [1.0]})
GRAD = dict(y_title="norm", kind_title="gradient", kind_labels=("before", "after"),
            event_label="clipped", title="Norm", **SERIES)


def curves() -> pd.DataFrame:
    steps = np.arange(0, 50, 5)
    return pd.concat([pd.DataFrame({"step": steps, "loss": 0.7 * 0.9 ** steps,
                                    "accuracy": 50.0 + steps, "series": s}) for s in LABELS])


def spec(tmpl) -> dict:
    return tmpl.chart().to_dict()  # validates against the Vega-Lite schema


def marks(spec_: dict) -> list[str]:
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
            for layer in spec_["layer"]]


def layer_with(spec_: dict, mark: str) -> dict:
    return spec_["layer"][marks(spec_).index(mark)]


def named(spec_: dict) -> set[str]:
    """The named datasets a spec reads (its data arrive with the page, not in the spec)."""
    return {layer["data"]["name"] for layer in spec_["layer"]
            if "name" in layer.get("data", {}) and layer["data"]["name"] not in
            spec_.get("datasets", {})}


def test_loss_template_is_logarithmic_with_divergence_rules_from_data():
    s = spec(loss_template(y_title="loss", title="Loss", **SERIES))
    line = layer_with(s, "line")
    assert line["encoding"]["y"]["scale"]["type"] == "log"
    assert line["encoding"]["color"]["scale"]["range"] == list(COLOURS)
    assert layer_with(s, "rule")["mark"]["color"] == COLORS["limit"]
    assert named(s) == {"curves", "stops", "switch"} and s["title"] == "Loss"


def test_a_zero_or_infinite_loss_is_refused():
    tmpl = loss_template(y_title="loss", title="Loss", **SERIES)
    check_datasets(tmpl, {"curves": curves(), "stops": STOPS})
    for bad in (0.0, np.inf, np.nan):
        frame = curves()
        frame.loc[0, "loss"] = bad
        with pytest.raises(ValueError):
            check_datasets(tmpl, {"curves": frame, "stops": STOPS})


def test_accuracy_template_has_a_chance_line_and_a_fixed_domain():
    s = spec(accuracy_template(y_title="%", title="Acc", chance=50.0, chance_label="chance (50%)",
                               **SERIES))
    assert layer_with(s, "line")["encoding"]["y"]["scale"]["domain"] == [0, 100]
    assert "chance (50%)" in json.dumps(s["datasets"])
    assert named(s) == {"curves", "stops", "switch"}


def test_grad_norm_template_draws_events_and_thresholds_only_when_clipping():
    s = spec(grad_norm_template(clipping=True, thresholds=True, **GRAD))
    text = json.dumps(s)
    assert "triangle-down" in text and COLORS["clipped"] in text
    assert "1e' + datum.value" in text  # powers-of-ten labels on a log10 axis
    assert named(s) == {"lines", "events", "thresholds", "stops", "switch"}
    plain = spec(grad_norm_template(clipping=False, thresholds=False, **GRAD))
    assert named(plain) == {"lines", "stops", "switch"}
    assert "triangle-down" not in json.dumps(plain)


def test_every_curve_marks_run_bs_switch_with_a_rule_shown_by_its_rows():
    for s in (spec(loss_template(y_title="loss", title="Loss", **SERIES)),
              spec(accuracy_template(y_title="%", title="Acc", chance=50.0, chance_label="c",
                                     **SERIES)),
              spec(grad_norm_template(clipping=True, thresholds=True, **GRAD))):
        switch = [layer for layer in s["layer"] if layer.get("data") == {"name": "switch"}]
        assert len(switch) == 2  # a dotted rule and its label
        for layer in switch:
            assert layer["encoding"]["x"]["field"] == "step"
            assert layer["encoding"]["opacity"]["field"] == "show"
        assert "60" not in json.dumps(switch)  # the step comes with the data


def test_heatmap_colour_scale_comes_from_the_data_and_its_extent():
    s = spec(heatmap_template(x_title="step", y_title="layer", colour_title="norm",
                              title="Heat"))
    rect = layer_with(s, "rect")
    colour = rect["encoding"]["color"]
    assert "domain" not in colour["scale"] and "values" not in colour["legend"]
    assert colour["legend"]["tickMinStep"] == 1
    assert named(s) == {"cells", "extent"}
    assert layer_with(s, "point")["encoding"]["color"]["field"] == "log10_norm"
    cells = pd.DataFrame({"step_from": [0, 0], "step_to": [10, 10], "layer": [1, 2],
                          "log10_norm": [-7.0, -np.inf]})
    with pytest.raises(ValueError):
        check_datasets(heatmap_template(x_title="step", y_title="layer", colour_title="norm",
                                        title="Heat"), {"cells": cells})


def test_boundary_template_keeps_classes_off_the_run_colours():
    s = spec(boundary_template(x_title="x1", y_title="x2", p_title="P", class_title="class",
                               class_labels=("class 0", "class 1"), title="Boundary"))
    text = json.dumps(s)
    assert COLORS["none"] not in text and COLORS["norm"] not in text
    assert layer_with(s, "rect")["encoding"]["color"]["scale"]["domain"] == [0, 0.5, 1]
    assert named(s) == {"grid", "points"}


def test_the_heatmap_exports_with_its_data_and_the_export_title():
    tmpl = heatmap_template(x_title="step", y_title="layer", colour_title="norm", title="Heat")
    cells = pd.DataFrame({"step_from": [0, 0, 10, 10], "step_to": [10, 10, 20, 20],
                          "layer": [1, 2, 1, 2], "log10_norm": [-7.0, -1.0, -6.5, 0.2]})
    extent = pd.DataFrame({"log10_norm": [-7.0, 1.0]})
    svg = vl_convert_svg(export_template_spec(tmpl, {"cells": cells, "extent": extent},
                                              title="Heat, depth 2"))
    assert "Heat, depth 2" in svg and ">1e-4<" in svg  # powers-of-ten legend
