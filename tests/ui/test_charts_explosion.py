"""Chart templates of the "Explosion vs vanishing" page, without Streamlit."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import COLORS, check_datasets
from ui.charts.explosion import (
    CLAMP_DECADES,
    depth_template,
    phase_template,
    profile_chart,
    weights_chart,
)
from ui.charts.explosion_data import phase_frame

REGIME_LABELS = ("vanishing", "stable", "exploding")


def named_data(spec: dict) -> set[str]:
    """The datasets a spec reads that it does not hold itself (the page sends them)."""
    names = {layer["data"]["name"] for layer in spec["layer"] if "name" in layer.get("data", {})}
    return names - set(spec.get("datasets", {}))


def y_domains(spec: dict) -> list:
    return [layer["encoding"]["y"].get("scale", {}).get("domain") for layer in spec["layer"]
            if "y" in layer.get("encoding", {})]


def test_profile_chart_colours_by_verdict_and_reads_its_data_by_name():
    spec = profile_chart(regime_labels=REGIME_LABELS, x_title="layer", y_title="ratio",
                         series_title="verdict", title="A").chart().to_dict()  # validates
    text = json.dumps(spec)
    assert all(COLORS[regime] in text for regime in REGIME_LABELS)
    assert named_data(spec) == {"profile", "extent"}
    assert not any(y_domains(spec))  # the shared range comes as the extent dataset


def test_weights_chart_draws_both_series_and_the_float32_limits():
    spec = weights_chart(labels=("before", "after"), x_title="l", y_title="norm",
                         series_title="g", title="t").chart().to_dict()
    text = json.dumps(spec)
    assert COLORS["unclipped"] in text and COLORS["clipped"] in text
    assert named_data(spec) == {"profile", "extent", "limits"}


def depth_chart():
    return depth_template(labels=("plain", "residual"), max_depth=100, stable=1.0,
                          x_title="L", y_title="ratio", series_title="net", title="t")


def test_depth_chart_has_both_series_the_stable_band_and_no_data_in_its_spec():
    spec = depth_chart().chart().to_dict()
    text = json.dumps(spec)
    assert COLORS["none"] in text and COLORS["norm"] in text
    assert named_data(spec) == {"curves", "extent", "here"}
    (band,) = spec["datasets"].values()  # only the constant +-1 decade rules are inline
    assert band == [{"y": -1.0}, {"y": 1.0}]
    assert not any(y_domains(spec))


def test_depth_chart_refuses_non_finite_medians():
    rows = pd.DataFrame({"depth": [1, 10], "series": "plain", "median": [0.0, np.inf],
                         "low": [0.0, 0.0], "high": [0.0, 1.0]})
    with pytest.raises(ValueError):
        check_datasets(depth_chart(), {"curves": rows})


def phase_chart():
    return phase_template(x_title="gain", y_title="depth", colour_title="growth",
                          value_title="g", title="t")


def test_phase_chart_is_diverging_at_zero_outlines_without_a_filter_and_marks_the_setting():
    spec = phase_chart().chart().to_dict()
    text = json.dumps(spec)
    assert f'"domain": [{-CLAMP_DECADES}, 0, {CLAMP_DECADES}]' in text
    assert COLORS["vanishing"] in text and COLORS["exploding"] in text
    assert COLORS["stable"] in text and '"type": "log"' in text
    assert "filter" not in text  # an empty filtered layer would make Vega warn
    assert named_data(spec) == {"cells", "marks"}
    assert not any(y_domains(spec))


def test_phase_chart_refuses_non_finite_cells():
    cells = phase_frame(np.array([0.5, 1.0]), np.array([1, 2]),
                        np.array([[np.inf, 0.0], [0.0, 0.0]]))
    with pytest.raises(ValueError):
        check_datasets(phase_chart(), {"cells": cells})
