"""The "Explosion vs vanishing" page: runs, compares on one axis, remedies act truthfully."""

import json

import numpy as np
import pytest

from tests.apptest import (
    assert_all_finite,
    chart_datasets,
    charts,
    cold_rerun_seconds,
    export_ids,
    folded,
    move_widget,
    open_page,
    texts,
)
from ui.charts.common import PRESENTER_HEIGHT
from ui.i18n import t

PAGE = "pages/5_explosion_vs_vanishing.py"
REMEDIES = ("good", "bn", "res", "clip")


def growth(at, side: str) -> float:
    """The total-growth readout of the left ("l") or right ("r") column, in decades."""
    metric = at.metric[0 if side == "l" else 2]
    return float(metric.value.split()[0])


def verdicts(at) -> tuple[str, str]:
    return at.metric[1].value, at.metric[3].value


def y_extents(at) -> list:
    """The y-extent each layer-profile chart must show (the first two charts are the columns)."""
    return [list(chart_datasets(chart)["extent"]["y"]) for chart in charts(at)[:2]]


def test_default_view_compares_vanishing_and_exploding_on_one_axis():
    at = open_page(PAGE)
    assert not at.exception
    assert len(charts(at)) == 8  # 2 profiles, 2 weight gradients, 2 depth curves, 2 phases
    assert_all_finite(at)
    assert verdicts(at) == ("vanishing", "exploding")
    assert growth(at, "l") < -10 and growth(at, "r") > 3
    left, right = y_extents(at)
    assert left == right and left[0] <= growth(at, "l") and left[1] >= growth(at, "r")
    assert "| **Batch normalisation** (a *normalisation*, not a regularisation)" in texts(at)
    assert len(export_ids(at)) == 8 and not folded(at)


def test_controls_at_their_minimum_and_maximum_run_cleanly():
    lows = {"l_act": "linear", "r_act": "leaky_relu", "l_gain": "0.25", "r_gain": "0.25",
            "l_depth": "1", "r_depth": "1", "width": "16", "max_norm": "0.1", "seed": "0"}
    highs = {"l_act": "tanh", "r_act": "relu", "l_init": "normal", "r_init": "normal",
             "l_gain": "4", "r_gain": "4", "l_depth": "100", "r_depth": "100", "width": "128",
             "max_norm": "10", "seed": "9999", **{f"l_{k}": "true" for k in REMEDIES}}
    for params in (lows, highs):
        at = open_page(PAGE, params)
        assert not at.exception, params
        assert not at.warning, params
        assert len(charts(at)) == 8
        assert_all_finite(at)


def test_heaviest_link_is_capped_and_answers_quickly():
    params = {"l_depth": "100", "r_depth": "100", "width": "128", "r_act": "tanh",
              **{f"{side}_{k}": "true" for side in "lr" for k in REMEDIES}}
    at = open_page(PAGE, params)
    assert not at.exception
    assert any("reduced from 8 to 4" in info.value for info in at.info)
    assert_all_finite(at)
    elapsed = cold_rerun_seconds(at)
    assert not at.exception
    assert elapsed < 10, elapsed  # about 1 s on an idle 2-core machine; generous under load


def test_batch_norm_and_residual_pull_the_vanishing_column_toward_zero():
    at = open_page(PAGE)
    plain = growth(at, "l")
    at.checkbox(key="l_bn").check().run()
    with_bn = growth(at, "l")
    at.checkbox(key="l_bn").uncheck().run()
    at.checkbox(key="l_res").check().run()
    with_res = growth(at, "l")
    assert abs(with_bn) < 1 < abs(plain) and abs(with_res) < 1
    assert at.metric[1].value == "stable"


def test_clipping_scales_the_update_but_not_the_growth():
    at = open_page(PAGE)
    before = growth(at, "r")
    at.checkbox(key="r_clip").check().run()  # reruns only the clipping section
    factor = float(at.metric[-1].value.lstrip("×"))
    assert 0 < factor < 1e-3
    frame = chart_datasets(charts(at)[1])["profile"]  # the section's second chart: network B
    clipped = frame[frame.series.str.startswith("after")].set_index("layer")["median"]
    unclipped = frame[frame.series.str.startswith("before")].set_index("layer")["median"]
    shift = unclipped - clipped  # per network exactly constant; medians mix networks slightly
    assert shift.std() < 0.1 and abs(shift.mean() + np.log10(factor)) < 0.2
    at.run()  # the whole page again: the backward pass, and so the growth, is untouched
    assert growth(at, "r") == before


def test_more_depth_explodes_more_and_better_init_fixes_it():
    at = open_page(PAGE)
    base = growth(at, "r")
    at.slider(key="r_depth").set_value(60).run()
    assert growth(at, "r") > base + 3
    at.checkbox(key="r_good").check().run()
    assert abs(growth(at, "r")) < 1
    assert "He (Kaiming)" in texts(at)


def test_the_url_seeds_both_columns():
    at = open_page(PAGE, {"l_act": "tanh", "r_gain": "2", "r_bn": "true", "width": "32"})
    assert not at.exception
    assert at.selectbox(key="l_act").value == "tanh"
    assert at.slider(key="r_gain").value == 2.0
    assert at.checkbox(key="r_bn").value is True
    assert at.slider(key="width").value == 32


def test_malformed_links_show_a_notice_not_a_traceback():
    at = open_page(PAGE, {"l_depth": "abc", "r_depth": "100000", "l_gain": "-1",
                          "r_act": "<script>", "l_bn": "maybe", "zzz": "1"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    for key in ("l_depth", "r_depth", "l_gain", "r_act", "l_bn", "zzz"):
        assert key in warning, key
    assert at.slider(key="r_depth").value == 100
    assert at.slider(key="l_gain").value == 0.25
    assert at.selectbox(key="r_act").value == "relu"
    assert_all_finite(at)


def test_phase_diagrams_are_finite_and_show_the_stable_band_at_gain_one():
    at = open_page(PAGE)
    right = chart_datasets(charts(at)[7])["cells"]
    assert np.all(np.isfinite(right[["growth", "shown", "g0", "g1"]].to_numpy(dtype=float)))
    deep = right[right.depth >= 20]
    stable = deep[deep.stable.astype(bool)]
    assert len(stable) and stable.gain.between(0.8, 1.25).all()
    assert right[right.depth == 1].stable.astype(bool).all()  # one layer: every gain < 10x
    assert right.shown.abs().max() <= 10


def test_chinese():
    at = open_page(PAGE, {"lang": "zh"})
    assert not at.exception
    body = texts(at)
    for term in ("梯度爆炸与梯度消失", "批量归一化", "残差连接", "梯度裁剪", "总增长", "相图"):
        assert term in body, term
    assert "Total growth" not in body and "Phase diagram" not in body


def test_presenter_mode_folds_the_explanations_and_every_chart_has_an_export_menu():
    at = open_page(PAGE, {"present": "1"})
    assert not at.exception
    assert export_ids(at) == [f"{chart}_{side}" for chart in (
        "gradient_profile", "weight_gradients", "depth_growth", "phase_diagram")
        for side in ("left", "right")]
    assert all(json.loads(chart.proto.spec)["height"] == PRESENTER_HEIGHT for chart in charts(at))
    for key in ("ex.intro", "ex.math_factor", "ex.weights_intro", "ex.depth_intro"):
        assert t(key, "en") in folded(at), key
    assert t("ex.phase_intro", "en", tol="1") in folded(at)
    assert verdicts(at) == ("vanishing", "exploding")  # readouts stay


# The first slider (page-wide: every section redraws) and the clipping section's own controls
# (only that fragment reruns; AppTest then holds only its elements): specs stay, data move.
CLIPPING_CHARTS = [2, 3]


@pytest.mark.parametrize(("key", "value"), [("l_gain", 1.3), ("r_depth", 60), ("width", 32)])
def test_a_page_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(key, value):
    at = open_page(PAGE)
    changed = move_widget(at, at.slider(key=key), value)
    side = 1 if key.startswith("r_") else 0
    for index in (side, 2 + side, 4 + side, 6 + side):  # the column's chart in every section
        assert changed[index], (key, index)
    assert_all_finite(at)


@pytest.mark.parametrize(("key", "value"), [("max_norm", 0.5), ("l_clip", True)])
def test_a_clipping_control_reruns_only_its_section_with_the_same_specs(key, value):
    at = open_page(PAGE, {"l_clip": "true", "r_clip": "true"} if key == "max_norm" else {})
    widget = at.slider(key=key) if key == "max_norm" else at.checkbox(key=key)
    changed = move_widget(at, widget, value, redrawn=CLIPPING_CHARTS)
    assert changed[2], key  # only the section reran; network A's weight gradients changed
    assert f"{key}={str(value).lower()}" in at.sidebar.code[0].value  # the share link follows
