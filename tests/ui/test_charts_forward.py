"""The forward-distribution charts: frames from core.preactivations, templates, the story."""

import math

import numpy as np
import pytest

from core.ensemble import measure_layers
from core.preactivations import (
    QUANTILES,
    PreActivationStats,
    summary,
    weak_threshold,
)
from ui.charts.common import check_datasets
from ui.charts.forward import (
    IN_VIEW,
    QUANTILE_COLUMNS,
    band_chart,
    band_data,
    layer_frame,
    rms_text,
    share_chart,
    share_data,
    share_labels,
    weak_story,
)
from ui.display import export_template_spec, vl_convert_svg


def z_stats(*args, **kwargs):
    """The pre-activation statistics of measure_layers(*args) (its networks and inputs)."""
    return measure_layers(*args, **kwargs, pre_activations=True).pre_activations


def stats(activation="tanh", log10_rms=(-0.5, 0.5, 300.0, -math.inf), weak=(0.1, 0.4)
          ) -> PreActivationStats:
    layers = len(log10_rms)
    quantiles = np.tile(np.array([-1.6, -0.7, 0.0, 0.7, 1.6]), (layers, 1))
    weak = np.linspace(*weak, layers)
    return PreActivationStats(activation, quantiles, np.array(log10_rms), weak, 1.0 - weak)


def named_data(spec: dict) -> set[str]:
    return {layer["data"]["name"] for layer in spec["layer"] if "name" in layer.get("data", {})}


def test_layer_frame_has_one_row_per_layer_from_one():
    frame = layer_frame(stats())
    assert list(frame["layer"]) == [1, 2, 3, 4]
    assert list(frame.columns) == ["layer", *QUANTILE_COLUMNS, "log10_rms", "weak", "square"]
    assert QUANTILE_COLUMNS == ("q05", "q25", "q50", "q75", "q95") and len(QUANTILES) == 5


def test_band_data_keeps_the_shown_layers_and_ticks_in_view():
    frame = layer_frame(stats())
    data = band_data(frame, [1, 2, 3, 4], weak_threshold("tanh"))
    assert list(data["bands"]["layer"]) == [1, 2, 3, 4]
    assert list(data["bands"]["rms"]) == ["0.316", "3.16", "1e300", "0"]
    ticks = data["thresholds"]
    # z* = 1.82 over rms 0.316 is 5.75, beyond 1.25 x 1.6 = 2: not drawn; layer 2's ticks
    # (1.82 / 3.16 = 0.58) and layer 3's (1.8e-300) are; layer 4 (all zero) has none
    assert set(ticks["layer"]) == {2, 3}
    assert (ticks["show"] == 1).all() and (ticks["y"].abs() <= IN_VIEW * 1.6).all()
    layer2 = sorted(ticks[ticks["layer"] == 2]["y"])
    assert layer2 == pytest.approx([-1.8184464592 / 10**0.5, 1.8184464592 / 10**0.5])


def test_relu_ticks_sit_at_zero_and_linear_has_a_hidden_row():
    frame = layer_frame(stats("relu", (0.1, 0.2)))
    relu = band_data(frame, [2], 0.0)["thresholds"]
    assert list(relu["layer"]) == [2] and list(relu["y"]) == [0.0]
    linear = band_data(frame, [1, 2], None)["thresholds"]
    assert len(linear) == 1 and list(linear["show"]) == [0.0]


def test_the_layer_choice_changes_rows_not_columns():
    frame = layer_frame(stats())
    few, all_ = share_data(frame, [1], ("w", "s")), share_data(frame, [1, 2, 3, 4], ("w", "s"))
    assert len(few["lines"]) == len(all_["lines"]) == 8  # every layer, both series
    assert len(few["points"]) == 2 and len(all_["points"]) == 8
    assert list(few["points"].columns) == list(all_["points"].columns)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "tanh", "sigmoid", "linear"])
def test_templates_validate_and_hold_no_data(activation):
    threshold = weak_threshold(activation)
    band = band_chart("en", activation, threshold)
    share = share_chart("zh", activation)
    band_spec, share_spec = band.chart().to_dict(), share.chart().to_dict()  # validated
    assert named_data(band_spec) - set(band_spec["datasets"]) == {"bands", "thresholds"}
    assert named_data(share_spec) == {"lines", "points"}
    assert list(band_spec["datasets"].values()) == [[{"y": 0.0}]]  # only the zero rule
    assert "datasets" not in share_spec
    labels = share_labels("zh", activation)
    assert share_spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == list(labels)


def test_real_extreme_data_passes_the_checks_and_exports():
    found = z_stats(200, 16, "relu", "normal", 30.0, 2, 2, seed=4)
    frame, threshold = layer_frame(found), weak_threshold("relu")
    bands = band_data(frame, [1, 100, 200], threshold)
    shares = share_data(frame, [1, 100, 200], share_labels("en", "relu"))
    check_datasets(band_chart("en", "relu", threshold), bands)  # finite: raises otherwise
    check_datasets(share_chart("en", "relu"), shares)
    assert bands["bands"]["rms"].iloc[-1].startswith("1e3")  # beyond float64, as text
    svg = vl_convert_svg(export_template_spec(band_chart("en", "relu", threshold), bands))
    assert svg.startswith("<svg") and "Pre-activations" in svg


def test_rms_text():
    assert rms_text(0.1) == "1.26" and rms_text(400.0) == "1e400" and rms_text(-math.inf) == "0"


def test_the_story_follows_the_numbers():
    relu = summary(stats("relu", (0.0,) * 4, weak=(0.5, 0.9)))  # mean 0.7, from 50% to 90%
    text = weak_story("en", "relu", 4, relu, 0.0)
    assert text.startswith("**70.0% of the units are dead**") and "more than half" in text
    assert "The share grows with depth: 50.0% at layer 1, 90.0% at layer 4." in text
    assert "the share of live units, 0.300" in text and "factor chart above (0.300)" in text
    half = weak_story("en", "relu", 4, summary(stats("relu", (0.0,) * 4, weak=(0.5, 0.5))), 0.0)
    assert "about ½ at any gain" in half and "grows with depth" not in half
    sigmoid = summary(stats("sigmoid", (0.0,) * 4))  # weak 10% .. 40%
    text = weak_story("zh", "sigmoid", 4, sigmoid, weak_threshold("sigmoid"))
    assert "sigmoid 的 φ′ 最大为 ¼" in text and "3.64" in text and "0.0625" in text
    assert "25.0%" in text and "0.750" in text  # mean weak share, mean E[phi'^2]
    assert "第 1 层为 10.0%，第 4 层为 40.0%" in text
