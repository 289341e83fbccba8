"""Chart builders of the weight-clipping page, tested without Streamlit."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import COLORS
from ui.charts.weight_clipping import _dash_patterns, loss_chart, weight_histogram_chart


def histogram_data():
    edges = np.linspace(-1, 1, 5)
    bins = pd.DataFrame({"series": ["a"] * 4, "left": edges[:-1], "right": edges[1:],
                         "share": [10.0, 40.0, 40.0, 10.0]})
    atoms = pd.DataFrame({"series": ["a", "a"], "x": [-0.5, 0.5], "at": [-0.5, 0.5],
                          "share": [20.0, 20.0],
                          "text": ["20.0%", "20.0%"]})
    return bins, atoms


def build_histogram(bins, atoms):
    return weight_histogram_chart(
        bins, atoms, 0.5, x_title="w", y_title="share (%)", series_title="weights",
        series_labels=["a"], series_colours=[COLORS["clipped"]], bound_label="±c",
        title="T", bin_titles=("von", "bis"))


def test_histogram_chart_layers_bins_bound_and_spikes():
    spec = build_histogram(*histogram_data()).to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
             for layer in spec["layer"][:3]]
    assert marks == ["bar", "rule", "bar"]
    assert [inner["mark"]["type"] for inner in spec["layer"][3]["layer"]] == ["text", "text"]
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "sqrt"
    assert json.dumps(spec["title"]).count("T") >= 1
    text = json.dumps(spec)
    assert COLORS["clipped"] in text and COLORS["limit"] in text and "von" in text


def test_histogram_chart_without_atoms_has_no_spikes():
    bins, atoms = histogram_data()
    spec = build_histogram(bins, atoms.iloc[:0]).to_dict()
    assert len(spec["layer"]) == 2


def test_histogram_chart_refuses_non_finite_values():
    bins, atoms = histogram_data()
    bins.loc[0, "share"] = np.inf
    with pytest.raises(ValueError):
        build_histogram(bins, atoms)


def curves(loss=(0.7, 0.5, 0.3)):
    return pd.DataFrame({"step": [0, 5, 10] * 2, "loss": list(loss) * 2,
                         "series": ["none"] * 3 + ["c"] * 3})


def test_loss_chart_log_axis_colours_and_dashes():
    chart = loss_chart(curves(), x_title="step", y_title="loss", series_title="run",
                       series_labels=["none", "c"], series_keys=["unclipped", "clipped"],
                       title="L")
    spec = chart.to_dict()
    encoding = spec["encoding"]
    assert encoding["y"]["scale"]["type"] == "log"
    assert encoding["color"]["scale"]["range"] == [COLORS["unclipped"], COLORS["clipped"]]
    assert encoding["strokeDash"]["scale"]["range"][0] == [1, 0]


def test_loss_chart_refuses_zero_on_the_log_axis():
    with pytest.raises(ValueError):
        loss_chart(curves((0.7, 0.0, 0.3)), x_title="s", y_title="l", series_title="r",
                   series_labels=["none", "c"], series_keys=["unclipped", "clipped"], title="L")


def test_tighter_clips_get_shorter_dashes():
    patterns = _dash_patterns(["unclipped", "clipped", "clipped", "clipped"])
    assert patterns[0] == [1, 0]
    assert [p[0] for p in patterns[1:]] == sorted((p[0] for p in patterns[1:]), reverse=True)
    assert len({tuple(p) for p in patterns}) == 4
