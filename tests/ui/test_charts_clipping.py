"""Chart builders of the clipping page, without Streamlit: structure, colours, refusals."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.clipping import (
    MAP_WIDTH,
    SQUARE,
    circle_frame,
    cliff_map_chart,
    histogram_chart,
    layer_norm_chart,
    per_step_chart,
    vector_chart,
)
from ui.charts.common import COLORS

KEYS = ["none", "value", "norm"]
LABELS = ["no clipping", "clip by value", "clip by norm"]
NAMES = dict(legend_title="method", keys=KEYS, labels=LABELS)


def spec(chart) -> str:
    return json.dumps(chart.to_dict())


def vectors(x_value=1.0):
    return pd.DataFrame({"label": LABELS, "x": [3.0, x_value, 0.9], "y": [1.0, 1.0, 0.3],
                         "norm": [3.16, 1.41, 0.95], "angle_to_original": [0.0, 26.6, 0.0]})


def test_vector_chart_is_square_and_uses_the_method_colours():
    chart = vector_chart(vectors(), 1.0, 3.5, x_title="g1", y_title="g2", box_label="box",
                         circle_label="circle", title="T", **NAMES)
    d = chart.to_dict()
    assert d["width"] == d["height"] == SQUARE and d["autosize"]["type"] == "pad"
    text = spec(chart)
    for key in KEYS:
        assert COLORS[key] in text
    assert '"domain": [-3.5, 3.5]' in text
    assert "triangle" in text


def test_vector_chart_refuses_non_finite_vectors():
    with pytest.raises(ValueError):
        vector_chart(vectors(np.inf), 1.0, 3.5, x_title="g1", y_title="g2", box_label="b",
                     circle_label="c", title="T", **NAMES)


def test_circle_frame_lies_on_the_circle():
    frame = circle_frame(2.5)
    np.testing.assert_allclose(np.hypot(frame.x, frame.y), 2.5)
    assert frame.order.is_monotonic_increasing


def test_histogram_chart_has_sqrt_counts_and_the_v_rule():
    bins = pd.DataFrame({"label": LABELS * 2, "start": [0.0] * 3 + [0.25] * 3,
                         "end": [0.25] * 3 + [0.5] * 3, "count": [1, 2, 3, 0, 4, 5]})
    chart = histogram_chart(bins, 0.3, x_title="x", y_title="y", rule_label="v", title="T",
                            **NAMES)
    text = spec(chart)
    assert '"type": "sqrt"' in text and "step-after" in text and COLORS["value"] in text


def test_layer_norm_chart_dashes_the_biases():
    norms = pd.DataFrame({"layer": [1, 2] * 2, "label": ["no clipping"] * 4,
                          "kind": ["weights"] * 2 + ["biases"] * 2,
                          "log10_norm": [3.0, 3.1, 2.0, 1.0]})
    chart = layer_norm_chart(norms, x_title="l", y_title="n", kind_title="k",
                             kind_labels=["weights", "biases"], title="T", **NAMES)
    assert "[6, 4]" in spec(chart)
    with pytest.raises(ValueError):
        layer_norm_chart(norms.assign(log10_norm=[np.nan, 1, 2, 3]), x_title="l", y_title="n",
                         kind_title="k", kind_labels=["weights", "biases"], title="T", **NAMES)


def test_cliff_map_chart_has_equal_aspect_log_colour_and_clipped_paths():
    grid = pd.DataFrame({"w1": [0.0], "w1_end": [1.0], "w2": [0.0], "w2_end": [1.0],
                         "loss": [2.0]})
    paths = pd.DataFrame({"label": ["no clipping"] * 2, "step": [0, 1], "w1": [0.0, 0.5],
                          "w2": [0.0, -30.0], "loss": [1.0, 2.0]})
    region = ((-5.0, 5.0), (-2.5, 4.5))
    chart = cliff_map_chart(grid, paths, region, (3.0, 0.0), x_title="w1", y_title="w2",
                            loss_title="loss", start_label="s", minimum_label="m", title="T",
                            **NAMES)
    d = chart.to_dict()
    assert d["width"] == MAP_WIDTH and d["height"] == round(MAP_WIDTH * 7 / 10)
    text = spec(chart)
    assert '"type": "log"' in text and '"clip": true' in text
    with pytest.raises(ValueError):  # zero loss cannot go on a log colour scale
        cliff_map_chart(grid.assign(loss=0.0), paths, region, (3.0, 0.0), x_title="w1",
                        y_title="w2", loss_title="loss", start_label="s", minimum_label="m",
                        title="T", **NAMES)


def test_per_step_chart_log_axis_rule_and_clipped_dots():
    steps = pd.DataFrame({"label": ["clip by norm"] * 3, "step": [0, 1, 2],
                          "grad_norm": [1.0, 60.0, 0.5], "clipped": [False, True, False]})
    chart = per_step_chart(steps, "grad_norm", y_title="n", x_title="k", title="T",
                           rule_value=2.0, rule_label="threshold 2", clipped_title="clipped",
                           **NAMES)
    text = spec(chart)
    assert '"type": "log"' in text and "datum.clipped" in text and "threshold 2" in text
    with pytest.raises(ValueError):
        per_step_chart(steps.assign(grad_norm=[1.0, 0.0, 2.0]), "grad_norm", y_title="n",
                       x_title="k", title="T", **NAMES)
