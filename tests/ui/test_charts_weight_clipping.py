"""Chart templates and frames of the weight-clipping page, tested without Streamlit."""

import json

import numpy as np
import pandas as pd
import pytest

from core import weight_bounds as wb
from core.weight_clipping import clip_stats
from ui.charts.common import COLORS, check_datasets
from ui.charts.layers import profile_template
from ui.charts.weight_clipping import (
    bound_frame,
    dash_patterns,
    histogram_frames,
    histogram_template,
    loss_template,
)
from ui.charts.weight_clipping_data import (
    gradient_data,
    histogram_data,
    histogram_shares,
    loss_curves,
)
from ui.frames import profile_frame

EDGES = np.linspace(-1, 1, 5)


def histogram(labels=("a", "b")):
    return histogram_template(x_title="w", y_title="share (%)", series_title="weights",
                              series_labels=labels,
                              series_colours=(COLORS["unclipped"], COLORS["clipped"]),
                              title="T", bin_titles=("von", "bis"))


def frames(atoms=(20.0, 20.0)):
    return histogram_frames(EDGES, {"a": {"inside": [10.0, 40.0, 40.0, 10.0]},
                                    "b": {"inside": [0.0, 30.0, 30.0, 0.0], "atoms": atoms}},
                            0.5)


def layer_marks(spec: dict) -> list[str]:
    out = []
    for layer in spec["layer"]:
        if "layer" in layer:
            out += layer_marks(layer)
        else:
            mark = layer["mark"]
            out.append(mark["type"] if isinstance(mark, dict) else mark)
    return out


def test_histogram_layers_bins_bound_spikes_and_their_labels():
    spec = histogram().chart().to_dict()  # validates against the Vega-Lite schema
    assert layer_marks(spec) == ["bar", "rule", "bar", "text"]
    assert "transform_filter" not in json.dumps(spec) and "filter" not in json.dumps(spec)
    # one label layer, right of a spike at +c and left of one at -c
    assert "datum.x < 0 ? 'right' : 'left'" in json.dumps(spec["layer"][3])
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "sqrt"
    names = {layer["data"]["name"] for layer in spec["layer"] if "data" in layer}
    assert names >= {"bins", "bounds", "atoms"}
    text = json.dumps(spec)
    assert COLORS["clipped"] in text and COLORS["limit"] in text and "von" in text
    assert "T" in json.dumps(spec["title"])


def test_the_histogram_spec_holds_no_number_that_moves_with_c():
    spec = json.dumps(histogram().chart().to_dict())
    assert "0.5" not in spec and "domain\": [-" not in spec and "datasets" not in spec


def test_histogram_frames_put_the_mass_at_the_bound_into_spikes():
    bins, atoms = frames()
    assert len(bins) == 8 and set(bins.series) == {"a", "b"}
    assert atoms["x"].tolist() == [-0.5, 0.5] and atoms["text"].tolist() == ["20.0%"] * 2
    assert (atoms["show"] == 1).all()
    check_datasets(histogram(), {"bins": bins, "atoms": atoms, "bounds": bound_frame(0.5, "±c")})


def test_no_weight_on_the_bound_leaves_one_hidden_placeholder_spike():
    _, atoms = frames(atoms=(0.0, 0.0))
    assert len(atoms) == 1 and atoms["show"].tolist() == [0.0] and atoms["text"].tolist() == [""]


def test_spikes_of_two_series_at_the_same_bound_are_nudged_apart():
    _, atoms = histogram_frames(EDGES, {"s": {"inside": [0] * 4, "atoms": (5.0, 5.0)},
                                        "e": {"inside": [0] * 4, "atoms": (7.0, 7.0)}}, 0.5)
    left = atoms[atoms.x == -0.5]["at"].tolist()
    assert len(left) == 2 and left[0] != left[1]


def test_non_finite_histogram_data_is_refused_when_drawn():
    bins, atoms = frames()
    bins.loc[0, "share"] = np.inf
    with pytest.raises(ValueError):
        check_datasets(histogram(), {"bins": bins, "atoms": atoms,
                                     "bounds": bound_frame(0.5, "±c")})


def loss():
    return loss_template(x_title="step", y_title="loss", series_title="run",
                         series_labels=("none", "4c", "c"),
                         series_keys=("unclipped", "clipped", "clipped"), title="L")


def curves(values=(0.7, 0.5, 0.3)):
    return pd.DataFrame({"step": [0, 5, 10] * 2, "loss": list(values) * 2,
                         "series": ["none"] * 3 + ["c"] * 3})


def test_loss_chart_log_axis_colours_and_dashes():
    spec = loss().chart().to_dict()
    encoding = spec["layer"][0]["encoding"]
    assert {"name": "curves"} in (spec.get("data"), spec["layer"][0].get("data"))
    assert encoding["y"]["scale"]["type"] == "log"
    assert encoding["color"]["scale"]["range"] == [COLORS["unclipped"], COLORS["clipped"],
                                                   COLORS["clipped"]]
    assert encoding["strokeDash"]["scale"]["range"][0] == [1, 0]


def test_a_zero_loss_is_refused_on_the_log_axis():
    check_datasets(loss(), {"curves": curves()})
    with pytest.raises(ValueError):
        check_datasets(loss(), {"curves": curves((0.7, 0.0, 0.3))})


def test_tighter_clips_get_shorter_dashes():
    patterns = dash_patterns(("unclipped", "clipped", "clipped", "clipped"))
    assert patterns[0] == [1, 0]
    assert [p[0] for p in patterns[1:]] == sorted((p[0] for p in patterns[1:]), reverse=True)
    assert len({tuple(p) for p in patterns}) == 4


def test_histogram_bins_are_filled_from_zero():
    import vl_convert

    bins, atoms = frames()
    spec = histogram().chart().to_dict()
    spec["datasets"] = {"bins": bins.to_dict("records"), "atoms": atoms.to_dict("records"),
                        "bounds": bound_frame(0.5, "±c").to_dict("records")}
    update = vl_convert.vegalite_to_vega(spec)["marks"][0]["encode"]["update"]
    assert "y" in update and "y2" in update and "height" not in update  # not a 5-px strip


# ---------------------------------------------------------------- the page's datasets


def test_histogram_shares_of_real_weights_add_up_to_all_of_them():
    weights = [np.random.default_rng(0).normal(0, 0.3, (2, 16, 16))]
    edges = wb.histogram_edges(0.2, 0.3)
    stats = clip_stats(weights, 0.2, edges)
    before, after = histogram_shares(stats, clipped=False), histogram_shares(stats, clipped=True)
    assert "atoms" not in before and sum(before["inside"]) == pytest.approx(100)
    assert sum(after["inside"]) + sum(after["atoms"]) == pytest.approx(100)
    flat = weights[0].ravel()
    assert after["atoms"] == pytest.approx((100 * np.mean(flat <= -0.2),
                                            100 * np.mean(flat >= 0.2)))
    data = histogram_data(edges, {"a": before, "b": after}, 0.2, "±c")
    assert data["bounds"]["x"].tolist() == [-0.2, 0.2]
    assert sorted(data["atoms"]["x"]) == [-0.2, 0.2] and set(data["atoms"].series) == {"b"}
    check_datasets(histogram(), data)


def profile_chart():
    return profile_template(x_title="layer", y_title="ratio", series_title="s",
                            series_keys=("unclipped", "clipped"), series_labels=("u", "c"),
                            title="G", theory_label="cap", float32=True)


def test_gradient_data_labels_each_profile_and_draws_the_cap():
    ratios = np.linspace(-2, 0, 4)[:, None] + np.zeros((4, 3))
    profiles = {"u": profile_frame(ratios, "unclipped"), "c": profile_frame(ratios - 1, "clipped")}
    data = gradient_data(profiles, 0.5, 3, ("over", "under"))
    assert data["profile"].series.tolist() == ["u"] * 4 + ["c"] * 4
    np.testing.assert_allclose(data["theory"]["value"], 3 * np.log10(0.5) - np.arange(4) *
                               np.log10(0.5))
    assert data["theory"]["layer"].tolist() == [0, 1, 2, 3] and (data["theory"]["show"] == 1).all()
    assert data["extent"]["y"].tolist() == [-3, 0]  # whole decades around -3 .. 0
    check_datasets(profile_chart(), data)


def test_loss_curves_leave_out_what_a_log_axis_cannot_draw():
    runs = [{"steps": np.array([0, 5, 10]), "loss": np.array([0.7, 0.5, 0.0])},
            {"steps": np.array([0, 5]), "loss": np.array([0.7, np.inf])}]
    curves, dropped = loss_curves(runs, ("none", "c"))
    assert dropped == 2 and curves["series"].tolist() == ["none", "none", "c"]
    assert curves["loss"].tolist() == [0.7, 0.5, 0.7]
    check_datasets(loss(), {"curves": curves})
