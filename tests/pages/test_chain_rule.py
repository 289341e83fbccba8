"""The chain-rule page: charts, metrics, theory line, float32 verdict, URL handling, Chinese."""

import json
import re

import numpy as np
import pytest

from core.floats import FLOAT32_MAX_LOG10
from tests.apptest import (
    assert_all_finite,
    chart_datasets,
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

PAGE = "pages/1_chain_rule.py"
LIGHT = {"depth": "30", "width": "64", "samples": "4"}  # fast settings for behaviour tests


def page(**params):
    at = open_page(PAGE, {key: str(value) for key, value in params.items()})
    assert not at.exception, at.exception
    return at


def chart_titled(at, text):
    """The chart whose spec contains ``text`` (its title)."""
    found = [chart for chart in charts(at) if text in chart.proto.spec]
    assert len(found) == 1, f"{len(found)} charts titled {text!r}"
    return found[0]


def gradient_profile(at):
    """The measured gradient profile (layer, median, low, high) of the backward-pass chart."""
    frames = chart_frames(chart_titled(at, "Backward pass"))
    return next(frame for frame in frames if "median" in frame).set_index("layer")


def theory_frames(at):
    """The theory line's rows that are drawn (a hidden placeholder row has show 0)."""
    theory = chart_datasets(chart_titled(at, "Backward pass"))["theory"]
    shown = theory[theory["show"] == 1]
    return [shown] if len(shown) else []


def metric(at, label_start):
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def growth(at):
    return float(re.match(r"([+-]?\d+\.\d+)", metric(at, "Total growth")).group(1))


CHART_IDS = ["gradient_per_layer", "forward_signal", "factor_split", "pre_activations",
             "weak_units"]


def test_default_view_draws_five_finite_charts_and_the_readouts():
    at = page()
    assert len(charts(at)) == 5
    assert_all_finite(at)
    assert re.fullmatch(r"[+-]\d+\.\d\d decades", metric(at, "Total growth"))
    assert metric(at, "float32 (backward pass)") == "in range"
    assert len(at.get("latex")) >= 3
    profile = gradient_profile(at)
    assert list(profile.index) == list(range(51))
    # absolute norms: the output gradient of width 128 has norm about sqrt(128)
    assert abs(profile.loc[50, "median"] - np.log10(np.sqrt(128))) < 0.1
    assert export_ids(at) == CHART_IDS
    assert not folded(at)  # outside presenter mode nothing is folded


def test_relu_factor_chart_shows_weights_double_and_relu_halves():
    at = page()
    frames = chart_frames(chart_titled(at, "split into its two parts"))
    measured = next(f for f in frames if "part" in f).set_index("part")["value"]
    assert (measured > 0).all()
    assert measured["weight"] == pytest.approx(2.0, rel=0.02)
    assert measured["activation"] == pytest.approx(0.5, rel=0.03)
    assert measured["total"] == pytest.approx(1.0, rel=0.05)
    assert "Myth" in texts(at) and "halves" in texts(at)


def test_theory_line_is_drawn_for_relu_and_starts_at_the_measured_output_norm():
    at = page(**LIGHT)
    (theory,) = theory_frames(at)
    theory = theory.set_index("layer")["value"]
    profile = gradient_profile(at)
    assert theory.loc[30] == pytest.approx(profile.loc[30, "median"], abs=1e-9)
    assert abs(theory.loc[0] - profile.loc[0, "median"]) < 0.5


def test_no_theory_line_for_tanh_and_the_caption_says_why():
    at = page(act="tanh", **LIGHT)
    assert theory_frames(at) == []
    assert "No theory line for tanh" in texts(at)
    assert metric(at, "Per-layer factor").endswith("(theory n/a)")
    assert_all_finite(at)


def test_a_larger_gain_raises_the_total_growth():
    at = page(**LIGHT)
    before = growth(at)
    profile_before = gradient_profile(at).loc[0, "median"]
    at.slider(key="gain").set_value(1.5).run()
    assert not at.exception
    after = growth(at)
    # ReLU + He: the same networks scaled by 1.5 gain exactly 30 log10(1.5) = 5.28 decades
    assert after - before == pytest.approx(30 * np.log10(1.5), abs=0.011)  # 2 decimals
    assert gradient_profile(at).loc[0, "median"] > profile_before + 5


def test_overflow_metric_names_the_layer_where_the_median_crosses_float32_max():
    at = page(depth=200, gain=2)
    layer = int(metric(at, "float32 overflows at layer"))
    median = gradient_profile(at)["median"]
    assert median.loc[layer] > FLOAT32_MAX_LOG10
    assert (median.loc[layer + 1:] <= FLOAT32_MAX_LOG10).all()  # nothing above it overflowed
    limits = chart_datasets(chart_titled(at, "Backward pass"))["limits"]
    assert (limits["label"].str.contains("float32 overflow") & (limits["show"] == 1)).any()
    assert_all_finite(at)


def test_the_url_seeds_the_controls():
    at = page(depth=30, act="tanh", gain="1.5", init="xavier", samples=2, seed=7)
    assert not at.warning
    assert at.slider(key="depth").value == 30
    assert at.selectbox(key="act").value == "tanh"
    assert at.slider(key="gain").value == pytest.approx(1.5)
    assert at.selectbox(key="init").value == "xavier"
    assert at.slider(key="samples").value == 2 and at.slider(key="seed").value == 7
    assert not at.warning
    assert "Depth 30, width 128: median and 10–90% band over 8 runs (2 networks × 4 inputs)" \
        in texts(at)


@pytest.mark.parametrize(("key", "value"), [("depth", 37), ("gain", 1.35), ("width", 100),
                                            ("samples", 3), ("seed", 5)])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(key, value):
    at = page(**LIGHT)
    changed = move_widget(at, at.slider(key=key), value)
    assert changed[0] and changed[1]  # both profiles; the factor bars may round alike


@pytest.mark.parametrize("params", [{}, {"gain": "1.5"}, {"gain": "0.7"}, {"gain": "1.01"},
                                    {"init": "xavier"}, {"init": "normal", "gain": "0.1"},
                                    {"init": "lecun", "gain": "1.4"}])
def test_the_relu_factor_sentence_follows_the_measured_product(params):
    at = page(**LIGHT, **params)
    measured = chart_datasets(chart_titled(at, "split into its two parts"))["bars"]
    total = float(measured.set_index("part")["value"]["total"])
    body = texts(at)
    if abs(total - 1) < 0.01:
        assert "almost exactly" in body and "growth comes from" not in body
    elif total > 1:
        assert "The growth comes from the weights" in body and "too small" not in body
    else:
        assert "too small to make up" in body and "growth comes from" not in body
    init = t(f"init.{params.get('init', 'he')}", "en")
    assert f"theory for {init}:" in body  # the theory value is named for the chosen init


@pytest.mark.parametrize(("params", "expected"), [
    ({"depth": "abc", "gain": "-1", "act": "<script>"},
     {"depth": 50, "gain": 0.25, "act": "relu"}),
    ({"depth": "100000", "width": "1e9", "samples": "-3"},
     {"depth": 200, "width": 512, "samples": 1}),
])
def test_malformed_links_warn_and_open_at_valid_values(params, expected):
    at = page(**params)
    warning = "\n".join(w.value for w in at.warning)
    for key in params:
        assert f"`{key}=" in warning, key
    for key, value in expected.items():
        widget = at.selectbox(key=key) if key == "act" else at.slider(key=key)
        assert widget.value == pytest.approx(value) if key == "gain" else widget.value == value
    assert len(charts(at)) == 5
    assert_all_finite(at)


def test_the_heaviest_setting_is_capped_and_says_so():
    at = page(depth=200, width=512, samples=32, gain=4, act="tanh")
    notes = "\n".join(info.value for info in at.info)
    assert "reduced from 32 to 1" in notes and "reduced from 512 to" in notes
    assert_all_finite(at)


@pytest.mark.parametrize("act", ["relu", "leaky_relu", "tanh", "sigmoid", "linear"])
def test_every_activation_at_the_extremes_draws_finite_charts(act):
    at = page(depth=200, width=512, gain=4, samples=32, seed=9999, act=act, init="normal")
    assert len(charts(at)) == 5
    assert_all_finite(at)


def test_controls_at_their_minimum_run_cleanly():
    at = page(depth=1, width=4, gain="0.25", samples=1, seed=0, init="lecun")
    assert_all_finite(at)
    assert len(charts(at)) >= 2  # a one-layer width-4 ReLU net may die: then a notice replaces (a)
    assert at.slider(key="depth").value == 1 and at.slider(key="gain").value == 0.25


def test_gain_4_depth_200_relu_shows_about_120_decades():
    at = page(depth=200, gain=4)
    assert growth(at) == pytest.approx(200 * np.log10(4), abs=2)
    assert 0 < int(metric(at, "float32 overflows at layer")) < 200


def test_dead_relu_networks_get_a_notice_never_a_blank_chart():
    at = page(depth=50, width=4)
    warning = "\n".join(w.value for w in at.warning)
    assert re.search(r"exactly zero in \d+% of the \d+ runs", warning)
    for chart in charts(at):  # whatever is drawn has data
        assert any(len(frame) >= 1 for frame in chart_frames(chart))
    assert_all_finite(at)
    if len(charts(at)) < 3:
        assert at.error  # the missing chart is replaced by a message


def test_chinese():
    at = page(lang="zh", **LIGHT)
    body = texts(at)
    assert "链式法则" in body and "总增长" in body and "误区" in body
    assert "Total growth" not in body and "Backward pass" not in body
    assert "每层因子" in body and "float32（反向传播） 未越界" in body


def test_links_name_options_by_their_id_in_either_language():
    at = page(init="xavier", act="linear", lang="zh")
    assert at.selectbox(key="init").value == "xavier" and at.selectbox(key="act").value == "linear"
    assert not at.warning
    at = page(init="Xavier (Glorot)")
    assert at.selectbox(key="init").value == "he" and "init=Xavier (Glorot)" in at.warning[0].value


def test_underflow_metric_when_the_gradient_vanishes():
    at = page(depth=200, gain="0.5")
    layer = int(metric(at, "float32 underflows at layer"))
    median = gradient_profile(at)["median"]
    assert median.loc[layer] < -37.93 and (median.loc[layer + 1:] >= -37.93).all()
    assert growth(at) < -50


def test_presenter_mode_folds_the_explanations_and_every_chart_has_an_export_menu():
    at = page(present="1", **LIGHT)
    assert export_ids(at) == CHART_IDS
    assert len(charts(at)) == 5
    assert all(json.loads(chart.proto.spec)["height"] == PRESENTER_HEIGHT for chart in charts(at))
    assert t("cr.intro", "en") in folded(at) and t("cr.why.he", "en") in folded(at)
    assert len(at.get("latex")) >= 3  # folded with their derivation, not gone
    assert len(at.metric) == 3  # readouts stay visible
