"""Chart builders of the training lab: specs build, log axes get positive data, bad data raises."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import COLORS
from ui.charts.training import (
    accuracy_chart,
    boundary_chart,
    grad_norm_chart,
    layer_heatmap,
    loss_chart,
)

LABELS, COLOURS = ["A", "B"], [COLORS["none"], COLORS["norm"]]
SERIES = dict(x_title="step", series_title="run", series_labels=LABELS, series_colours=COLOURS)
STOP = pd.DataFrame({"step": [3], "series": ["A"], "label": ["A diverged"], "text": ["..."]})


def curves() -> pd.DataFrame:
    steps = np.arange(0, 50, 5)
    return pd.concat([pd.DataFrame({"step": steps, "loss": 0.7 * 0.9 ** steps,
                                    "accuracy": 50 + steps, "series": s}) for s in LABELS])


def spec(chart) -> dict:
    return chart.to_dict()


def layer_with(spec_: dict, mark: str) -> dict:
    return next(layer for layer in spec_["layer"] if (layer["mark"]["type"] if isinstance(
        layer["mark"], dict) else layer["mark"]) == mark)


def test_loss_chart_is_logarithmic_with_a_divergence_rule():
    s = spec(loss_chart(curves(), y_title="loss", title="Loss", divergence=STOP, **{
        k: v for k, v in SERIES.items()}))
    line = layer_with(s, "line")
    assert line["encoding"]["y"]["scale"]["type"] == "log"
    assert line["encoding"]["color"]["scale"]["range"] == COLOURS
    assert layer_with(s, "rule")["mark"]["color"] == COLORS["limit"]
    assert s["title"] == "Loss"


def test_loss_chart_refuses_zero_and_infinite_losses():
    for bad in (0.0, np.inf, np.nan):
        frame = curves()
        frame.loc[0, "loss"] = bad
        with pytest.raises(ValueError):
            loss_chart(frame, y_title="loss", title="Loss", **SERIES)


def test_accuracy_chart_has_a_chance_line_and_a_fixed_domain():
    s = spec(accuracy_chart(curves(), y_title="%", title="Acc", chance_label="chance", **SERIES))
    assert layer_with(s, "line")["encoding"]["y"]["scale"]["domain"] == [0, 100]
    assert "chance" in json.dumps(s)


def test_grad_norm_chart_draws_events_and_thresholds_in_log10():
    lines = pd.DataFrame({"step": [1, 2, 1, 2], "log10_norm": [41.0, 2.0, 0.0, 0.0],
                          "series": ["A", "A", "B", "B"],
                          "kind": ["before", "before", "after", "after"]})
    events = pd.DataFrame({"step": [1, 2], "log10_norm": [41.0, 2.0], "series": ["B", "B"]})
    rules = pd.DataFrame({"log10_norm": [0.0], "series": ["B"], "label": ["max_norm B = 1"]})
    chart = grad_norm_chart(lines, events, rules, y_title="norm", kind_title="gradient",
                            kind_labels=["before", "after"], event_label="clipped",
                            title="Norm", **SERIES)
    s = spec(chart)
    text = json.dumps(s)
    assert "triangle-down" in text and COLORS["clipped"] in text and "max_norm B = 1" in text
    assert "1e' + datum.value" in text  # powers-of-ten labels on a log10 axis
    empty = pd.DataFrame(columns=["step", "log10_norm", "series"])
    no_rules = pd.DataFrame(columns=["log10_norm", "series", "label"])
    spec(grad_norm_chart(lines, empty, no_rules, y_title="norm", kind_title="gradient",
                         kind_labels=["before", "after"], event_label="clipped", title="Norm",
                         **SERIES))  # no clipping: still a chart


def test_heatmap_uses_whole_decades_and_refuses_infinities():
    cells = pd.DataFrame({"step_from": [0, 0, 10, 10], "step_to": [10, 10, 20, 20],
                          "layer": [1, 2, 1, 2], "log10_norm": [-7.0, -1.0, -6.5, 0.2]})
    s = spec(layer_heatmap(cells, x_title="step", y_title="layer", colour_title="norm",
                           title="Heat", domain=(-7, 1)))
    colour = s["encoding"]["color"]
    assert colour["scale"]["domain"] == [-7, 1]
    assert colour["legend"]["values"] == [-7, -5, -3, -1, 1]
    cells.loc[0, "log10_norm"] = -np.inf
    with pytest.raises(ValueError):
        layer_heatmap(cells, x_title="step", y_title="layer", colour_title="norm", title="Heat",
                      domain=(-7, 1))


def test_boundary_chart_keeps_classes_off_the_run_colours():
    grid = pd.DataFrame({"x_from": [0.0, 1.0], "x_to": [1.0, 2.0], "y_from": [0.0, 0.0],
                         "y_to": [1.0, 1.0], "p": [0.1, 0.9]})
    points = pd.DataFrame({"x": [0.5, 1.5], "y": [0.5, 0.5], "label": ["class 0", "class 1"]})
    s = spec(boundary_chart(grid, points, x_title="x1", y_title="x2", p_title="P",
                            class_title="class", class_labels=["class 0", "class 1"],
                            title="Boundary"))
    text = json.dumps(s)
    assert COLORS["none"] not in text and COLORS["norm"] not in text
    rect = layer_with(s, "rect")
    assert rect["encoding"]["color"]["scale"]["domain"] == [0, 0.5, 1]
