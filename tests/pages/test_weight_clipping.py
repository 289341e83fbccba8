"""The weight-clipping page: draws finite charts, reacts to its controls, survives bad links."""

import json

import numpy as np
import pytest

from tests.apptest import (
    assert_all_finite,
    chart_frames,
    charts,
    export_ids,
    folded,
    move_widget,
    open_page,
    texts,
)
from ui.charts.common import PRESENTER_HEIGHT
from ui.i18n import t

PAGE = "pages/3_weight_clipping.py"
SMALL = {"depth": "12", "width": "32"}  # keeps the tests light; the training part is fixed


def metric(at, label_start: str) -> str:
    """The value of the first metric whose label starts with ``label_start``."""
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def percent(value: str) -> float:
    return float(value.rstrip("%"))


def power(value: str) -> float:
    return float(value.removeprefix("10^"))


def profile(at, series_start: str):
    """Median log10 gradient ratio per layer of one series of the gradient chart."""
    frame = next(f for f in chart_frames(charts(at)[1]) if "median" in f)
    rows = frame[frame.series.str.startswith(series_start)]
    return rows.sort_values("layer")["median"].to_numpy()


def test_default_view_draws_four_finite_charts():
    at = open_page(PAGE)
    assert not at.exception
    assert len(charts(at)) == 4
    assert_all_finite(at)
    body = texts(at)
    assert "spectral" not in body.lower() or "c√(mn)" in body
    assert 0 < percent(metric(at, "weights at ±c")) < 100
    loss = next(f for f in chart_frames(charts(at)[2]) if "loss" in f)
    assert loss.series.nunique() == 4 and (loss.loss > 0).all()
    assert not at.warning
    assert len(export_ids(at)) == 4 and not folded(at)


def test_larger_c_puts_fewer_weights_on_the_bound():
    shares = [percent(metric(open_page(PAGE, {**SMALL, "c": c}), "weights at ±c"))
              for c in ("0.02", "0.1", "1.0")]
    assert shares[0] > shares[1] > shares[2]
    assert shares[0] > 90 and shares[2] < 1  # std at width 32, gain 1.2: 0.3


def test_small_c_makes_the_gradient_vanish():
    tight = open_page(PAGE, {**SMALL, "c": "0.02", "gain": "1"})
    loose = open_page(PAGE, {**SMALL, "c": "1.0", "gain": "1"})
    assert_all_finite(tight)
    tight_clipped, tight_free = profile(tight, "clipped"), profile(tight, "unclipped")
    # the ratio to the output shrinks layer by layer: vanishing
    assert tight_clipped[0] < tight_free[0] - 5
    assert np.all(np.diff(tight_clipped) > 0)
    # a loose bound changes almost nothing
    np.testing.assert_allclose(profile(loose, "clipped"), profile(loose, "unclipped"), atol=0.05)
    assert power(metric(tight, "‖g₀‖/‖g_L‖ clipped")) < power(metric(loose, "‖g₀‖/‖g_L‖ clipped"))
    assert "guarantees vanishing" in texts(tight)  # c sqrt(mn) = 0.64 < 1


def test_tighter_clipping_costs_training_loss():
    at = open_page(PAGE, SMALL)
    finals = [float(m.value) for m in at.metric if m.label.startswith("final loss")]
    assert len(finals) == 4
    assert finals[0] < finals[-1]  # unclipped learns more than clipped at c


def test_controls_at_their_minimum_and_maximum():
    low = {"c": "0.005", "depth": "1", "width": "8", "gain": "0.5", "act": "sigmoid",
           "seed": "0", "data": "xor"}
    high = {"c": "1.0", "depth": "100", "width": "256", "gain": "2.0", "act": "tanh",
            "seed": "9999", "data": "spirals"}
    for params in (low, high):
        at = open_page(PAGE, params)
        assert not at.exception, params
        assert len(charts(at)) == 4
        assert_all_finite(at)
        assert not at.warning
    assert "reduced from 8 to 1" in texts(at)  # the heaviest setting caps its work


def test_url_seeds_the_controls():
    at = open_page(PAGE, {**SMALL, "c": "0.25", "gain": "0.8", "act": "tanh", "data": "circles"})
    assert at.slider(key="c").value == 0.25
    assert at.slider(key="depth").value == 12
    assert at.slider(key="gain").value == 0.8
    assert at.selectbox(key="act").value == "tanh"
    assert at.selectbox(key="data").value == "circles"


def test_malformed_link_warns_and_still_draws():
    at = open_page(PAGE, {"depth": "abc", "width": "100000", "gain": "-1", "c": "nan",
                          "act": "<script>", "data": "blobs", "zoom": "3"})
    assert not at.exception
    assert len(charts(at)) == 4
    warning = " ".join(w.value for w in at.warning)
    for key in ("depth", "width", "gain", "act", "data", "zoom"):
        assert f"`{key}" in warning, key
    assert at.slider(key="width").value == 256 and at.slider(key="depth").value == 50


def test_chinese():
    at = open_page(PAGE, {**SMALL, "lang": "zh"})
    assert not at.exception
    body = texts(at)
    assert "权重裁剪" in body and "梯度" in body and "训练中的代价" in body
    assert "What it costs in training" not in body and "weights at ±c" not in body


def test_presenter_mode_folds_the_explanations_and_every_chart_has_an_export_menu():
    at = open_page(PAGE, {"present": "1", **SMALL})
    assert not at.exception
    assert export_ids(at) == ["weight_histogram", "gradient_ratio", "training_loss",
                              "weight_pileup"]
    assert all(json.loads(chart.proto.spec)["height"] == PRESENTER_HEIGHT for chart in charts(at))
    for key in ("wc.intro", "wc.grad.bound_intro"):
        assert t(key, "en") in folded(at), key
    assert t("wc.train.intro", "en", multiples="4c, 2c and c") in folded(at)
    assert len(at.get("latex")) == 2  # the update rule and the bound stay on screen


# A sidebar slider (c, gain) reruns the whole page; a section's slider (depth, width) reruns only
# its fragment, and AppTest then holds only that fragment's elements.
SECTIONS = {"page": [0, 1, 2, 3], "network": [0, 1]}


@pytest.mark.parametrize(("key", "value", "section"), [
    ("c", 0.2, "page"), ("gain", 1.5, "page"), ("depth", 16, "network"), ("width", 48, "network")])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(key, value,
                                                                              section):
    at = open_page(PAGE, SMALL)
    changed = move_widget(at, at.slider(key=key), value, redrawn=SECTIONS[section])
    assert all(changed.values()), (key, changed)


def test_only_what_depends_on_a_control_is_recomputed(monkeypatch):
    import core.weight_bounds

    trained = []
    sweep = core.weight_bounds.train_clip_sweep

    def counting(config, clips, data):
        trained.append(clips)
        return sweep(config, clips, data)

    monkeypatch.setattr(core.weight_bounds, "train_clip_sweep", counting)
    at = open_page(PAGE, SMALL)
    assert trained == [(None,), (0.4, 0.2, 0.1)]  # the unclipped run, the clipped ones together
    at.slider(key="c").set_value(0.3).run()
    assert trained[2:] == [pytest.approx((1.2, 0.6, 0.3))]  # the unclipped run stays cached
    for key, value in (("depth", 20), ("width", 64)):  # the fresh network's own controls
        at.slider(key=key).set_value(value).run()
        assert not at.exception
    assert len(trained) == 3  # ... do not retrain
