"""Chart templates of the clipping page, without Streamlit: structure, colours, data refusals."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.clipping import (
    MAP_WIDTH,
    SQUARE,
    circle_frame,
    cliff_map_template,
    histogram_template,
    layer_norm_template,
    per_step_template,
    vector_data,
    vector_template,
)
from ui.charts.common import COLORS, check_datasets

KEYS = ("none", "value", "norm")
LABELS = ("no clipping", "clip by value", "clip by norm")
NAMES = dict(legend_title="method", keys=KEYS, labels=LABELS)
REGION = ((-5.0, 5.0), (-2.5, 4.5))


def spec(tmpl) -> dict:
    return tmpl.chart().to_dict()  # validates against the Vega-Lite schema


def dataset_names(d: dict) -> set[str]:
    """The named datasets a spec's layers read (inline constants excluded)."""
    names = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("data"), dict) and "name" in node["data"]:
                names.add(node["data"]["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({key: value for key, value in d.items() if key != "datasets"})
    return names - set(d.get("datasets", {}))


def vectors(x_value=1.0) -> pd.DataFrame:
    return pd.DataFrame({"method": list(KEYS), "label": list(LABELS), "x": [3.0, x_value, 0.9],
                         "y": [1.0, 1.0, 0.3], "norm": [3.16, 1.41, 0.95],
                         "angle_to_original": [0.0, 26.6, 0.0]})


def vector_chart(**changes):
    return vector_template(**({"x_title": "g1", "y_title": "g2", "title": "T", **NAMES}
                              | changes))


def test_vector_chart_is_square_and_uses_the_method_colours():
    d = spec(vector_chart())
    assert d["width"] == d["height"] == SQUARE and d["autosize"]["type"] == "pad"
    text = json.dumps(d)
    for key in KEYS:
        assert COLORS[key] in text
    assert "triangle" in text
    for layer in d["layer"]:  # no axis domain: the extent is data
        for channel in ("x", "y"):
            assert "domain" not in layer.get("encoding", {}).get(channel, {}).get("scale", {})
    assert dataset_names(d) == {"vectors", "segments", "box", "circle", "extent"}
    presenter = spec(vector_chart(width=560))
    assert presenter["width"] == presenter["height"] == 560


def test_vector_data_holds_the_picture_and_its_extent():
    data = vector_data(vectors(), 1.0, 3.5, "box |g_i| ≤ 1", "circle ‖g‖ = 1")
    assert data["extent"].x.tolist() == [-3.5, 3.5] and data["extent"].y.tolist() == [-3.5, 3.5]
    assert data["box"].what.tolist() == ["box |g_i| ≤ 1"]
    np.testing.assert_allclose(np.hypot(data["circle"].x, data["circle"].y), 1.0)
    tips = data["segments"][data["segments"].end == 1]
    assert tips.x.tolist() == [3.0, 1.0, 0.9]
    assert (data["segments"][data["segments"].end == 0][["x", "y"]] == 0).all().all()
    # the triangle points along the vector: (1, 1) at 45 degrees is turned 45 degrees clockwise
    assert data["vectors"].set_index("method").rotate["value"] == pytest.approx(45.0)
    check_datasets(vector_chart(), data)
    with pytest.raises(ValueError, match="vectors"):
        check_datasets(vector_chart(), vector_data(vectors(np.inf), 1.0, 3.5, "b", "c"))


def test_circle_frame_lies_on_the_circle():
    frame = circle_frame(2.5)
    np.testing.assert_allclose(np.hypot(frame.x, frame.y), 2.5)
    assert frame.order.is_monotonic_increasing


def test_histogram_chart_has_sqrt_counts_and_the_v_rule_as_data():
    d = spec(histogram_template(x_title="x", y_title="y", title="T", **NAMES))
    text = json.dumps(d)
    assert '"type": "sqrt"' in text and "step-after" in text and COLORS["value"] in text
    assert dataset_names(d) == {"bins", "rule"}


def test_layer_norm_chart_dashes_the_biases_and_refuses_nan():
    tmpl = layer_norm_template(x_title="l", y_title="n", kind_title="k",
                               kind_labels=("weights", "biases"), title="T", **NAMES)
    d = spec(tmpl)
    assert "[6, 4]" in json.dumps(d) and dataset_names(d) == {"norms"}
    norms = pd.DataFrame({"layer": [1, 2] * 2, "label": ["no clipping"] * 4,
                          "kind": ["weights"] * 2 + ["biases"] * 2,
                          "log10_norm": [3.0, 3.1, 2.0, 1.0]})
    check_datasets(tmpl, {"norms": norms})
    with pytest.raises(ValueError):
        check_datasets(tmpl, {"norms": norms.assign(log10_norm=[np.nan, 1, 2, 3])})


def cliff_map(**changes):
    return cliff_map_template(**({"region": REGION, "x_title": "w1", "y_title": "w2",
                                  "loss_title": "loss", "title": "T", **NAMES} | changes))


def test_cliff_map_chart_has_equal_aspect_log_colour_and_clipped_paths():
    d = spec(cliff_map())
    assert d["width"] == MAP_WIDTH and d["height"] == round(MAP_WIDTH * 7 / 10)
    text = json.dumps(d)
    assert '"type": "log"' in text and '"clip": true' in text
    assert dataset_names(d) == {"grid", "paths", "marks"}
    grid = pd.DataFrame({"w1": [0.0], "w1_end": [1.0], "w2": [0.0], "w2_end": [1.0],
                         "loss": [2.0]})
    paths = pd.DataFrame({"label": ["no clipping"] * 2, "step": [0, 1], "w1": [0.0, 0.5],
                          "w2": [0.0, -30.0], "loss": [1.0, 2.0]})
    marks = pd.DataFrame({"w1": [0.0, 3.0], "w2": [0.0, 0.0], "what": ["start", "minimum"],
                          "shape": ["circle", "cross"]})
    check_datasets(cliff_map(), {"grid": grid, "paths": paths, "marks": marks})
    with pytest.raises(ValueError, match="grid"):  # zero loss cannot go on a log colour scale
        check_datasets(cliff_map(), {"grid": grid.assign(loss=0.0), "paths": paths,
                                     "marks": marks})


def test_cliff_map_draws_only_the_methods_shown():
    d = spec(cliff_map(keys=("norm",), labels=("clip by norm",)))
    sizes = json.dumps(d)
    assert '"range": [2.5]' in sizes and COLORS["none"] not in sizes


def test_per_step_chart_log_axis_rule_and_clipped_dots():
    tmpl = per_step_template(field="grad_norm", y_title="n", x_title="k", title="T",
                             clipped_title="clipped", rule=True, **NAMES)
    d = spec(tmpl)
    text = json.dumps(d)
    assert '"type": "log"' in text and "datum.clipped" in text
    assert dataset_names(d) == {"steps", "rules"}
    steps = pd.DataFrame({"label": ["clip by norm"] * 3, "step": [0, 1, 2],
                          "grad_norm": [1.0, 60.0, 0.5], "clipped": [False, True, False]})
    rules = pd.DataFrame({"y": [2.0], "what": ["threshold 2"]})
    check_datasets(tmpl, {"steps": steps, "rules": rules})
    with pytest.raises(ValueError, match="steps"):
        check_datasets(tmpl, {"steps": steps.assign(grad_norm=[1.0, 0.0, 2.0]), "rules": rules})
    plain = spec(per_step_template(field="loss", y_title="f", x_title="k", title="T", **NAMES))
    assert dataset_names(plain) == {"steps"} and "datum.clipped" not in json.dumps(plain)
