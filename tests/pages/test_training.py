"""The training lab: finite charts, divergence said in words, the remedies through the page,
URL-bound controls that survive bad links, both languages."""

import numpy as np
import pytest

from tests.apptest import (
    assert_all_finite,
    chart_datasets,
    chart_frames,
    charts,
    move_widget,
    open_page,
    texts,
)

PAGE = "pages/6_training_lab.py"
SHORT = {"steps": "100"}


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def frames_with(at, column: str) -> list:
    return [f for chart in charts(at) for f in chart_frames(chart) if column in f]


def link_notices(at) -> list[str]:
    return [w.value for w in at.warning if w.proto.icon == ":material/link_off:"]


def test_default_view_trains_and_draws_finite_charts():
    at = open_page(PAGE)
    assert not at.exception
    assert len(charts(at)) == 5  # loss, accuracy, gradient norm, heatmap, boundary
    assert_all_finite(at)
    assert float(metric(at, "accuracy A").rstrip("%")) > 90
    assert "trained for 500 steps" in at.success[0].value
    loss = frames_with(at, "loss")[0]
    assert (loss["loss"] > 0).all() and loss["step"].max() >= 490
    cells = frames_with(at, "step_from")[0]
    assert set(cells["layer"]) == {1, 2, 3, 4} and len(cells) <= 3000
    grid = frames_with(at, "x_from")[0]
    assert len(grid) == 3600 and grid["p"].between(0, 1).all()
    assert not link_notices(at)


def test_exploding_preset_diverges_and_norm_clipping_rescues_it():
    at = open_page(PAGE)
    at.selectbox(key="preset").set_value("exploding_norm").run()
    assert not at.exception
    assert at.checkbox(key="cmp").value is True
    assert_all_finite(at)
    said = " ".join(e.value for e in at.error)
    assert "**A** diverged at step" in said and "beyond float32" in said
    assert float(metric(at, "accuracy B").rstrip("%")) > 90
    assert int(metric(at, "steps clipped B")) > 0
    step = int(said.split("diverged at step ")[1].split(":")[0])
    # A's curves stop before the step that diverged; B's run to the end
    loss = frames_with(at, "loss")[0]
    a = loss[loss["series"] == "A"]
    assert a["step"].max() < step and loss["step"].max() >= 490
    # the clipped gradient never exceeds the threshold; clip events are drawn
    lines = frames_with(at, "kind")[0]
    after = lines[lines["kind"] == "after clipping"]
    assert (after["log10_norm"] <= 1e-9).all()
    assert len(frames_with(at, "log10_norm")) >= 2
    assert "Gradient clipping by norm" in texts(at)


def test_vanishing_preset_stalls_and_residual_connections_rescue_it():
    at = open_page(PAGE)
    at.selectbox(key="preset").set_value("residual").run()
    assert not at.exception
    assert_all_finite(at)
    assert float(metric(at, "accuracy A").rstrip("%")) < 60
    assert float(metric(at, "accuracy B").rstrip("%")) > 90
    assert "did not learn" in at.warning[0].value
    # the heatmaps: A's first layer gets far less gradient than B's
    heat_a, heat_b = frames_with(at, "step_from")
    first = [h[h["layer"] == 1]["log10_norm"].mean() for h in (heat_a, heat_b)]
    assert first[0] < first[1] - 3


def test_more_steps_lower_the_loss_and_clipping_fires():
    short = open_page(PAGE, {"steps": "50"})
    long = open_page(PAGE, {"steps": "1000"})
    assert float(metric(long, "loss A")) < float(metric(short, "loss A"))
    clipped = open_page(PAGE, {**SHORT, "clip": "norm", "thr": "0.1"})
    assert int(metric(clipped, "steps clipped A")) > 50
    rules = frames_with(clipped, "label")
    assert any(np.isclose(r["log10_norm"], -1).all() for r in rules if "log10_norm" in r)


def test_controls_at_their_minimum_and_maximum():
    low = {"data": "xor", "depth": "2", "width": "4", "act": "sigmoid", "init": "lecun",
           "gain": "0.1", "opt": "sgd", "lr": "0.0001", "sched": "cosine", "steps": "50",
           "clip": "value", "thr": "0.1", "wc": "0.02", "bn": "true", "res": "true",
           "seed": "0", "cmp": "true", "bclip": "none", "bthr": "0.1", "blr": "10",
           "bsched": "step", "bopt": "adam", "binit": "normal", "bbn": "off", "bres": "off",
           "bwc": "off"}
    high = {"data": "spirals", "depth": "16", "width": "64", "act": "linear", "init": "normal",
            "gain": "4", "opt": "adam", "lr": "10", "sched": "inverse_time", "steps": "2000",
            "clip": "norm", "thr": "10", "wc": "1", "bn": "true", "res": "true",
            "seed": "9999", "cmp": "true", "bclip": "value", "bthr": "10", "blr": "0.0001",
            "bsched": "exponential", "bopt": "momentum", "binit": "xavier", "bbn": "on",
            "bres": "on", "bwc": "0.02"}
    for params in (low, high):
        at = open_page(PAGE, params)
        assert not at.exception, params
        assert len(charts(at)) >= 5
        assert_all_finite(at)
        assert not link_notices(at)
        for loss in frames_with(at, "loss"):
            assert (loss["loss"] > 0).all()
    assert "number of training steps (A) was reduced from 2000" in texts(at)


def test_divergence_at_the_first_step_is_said_and_nothing_breaks():
    at = open_page(PAGE, {"depth": "16", "width": "64", "gain": "4", "lr": "10",
                          "act": "linear", "steps": "50"})
    assert not at.exception
    assert_all_finite(at)
    assert "diverged at step" in at.error[0].value


def test_url_seeds_the_controls():
    at = open_page(PAGE, {**SHORT, "depth": "6", "lr": "0.03", "opt": "adam", "bn": "true",
                          "cmp": "true", "bres": "on"})
    assert at.slider(key="depth").value == 6
    assert at.selectbox(key="lr").value == "0.03"
    assert at.selectbox(key="opt").value == "adam"
    assert at.checkbox(key="bn").value is True
    assert at.selectbox(key="bres").value == "on"
    assert "B: clip by norm at 1, residual" in texts(at)


def test_malformed_link_warns_and_still_draws():
    at = open_page(PAGE, {"depth": "abc", "width": "100000", "gain": "-1", "act": "<script>",
                          "lr": "1e9", "bn": "maybe", "steps": "50", "zoom": "2"})
    assert not at.exception
    assert len(charts(at)) == 5
    notice = " ".join(link_notices(at))
    for key in ("depth", "width", "gain", "act", "lr", "bn", "zoom"):
        assert f"`{key}" in notice, key
    assert at.slider(key="width").value == 64 and at.slider(key="depth").value == 4


def test_chinese():
    at = open_page(PAGE, {**SHORT, "lang": "zh", "cmp": "true"})
    assert not at.exception
    body = texts(at)
    assert "训练实验室" in body and "梯度范数" in body and "准确率" in body
    assert "Loss and accuracy" not in body and "trained for" not in body


@pytest.mark.parametrize(("params", "key", "value"), [
    ({**SHORT}, "depth", 6),
    ({**SHORT}, "gain", 2.0),
    ({**SHORT, "clip": "norm", "cmp": "true"}, "thr", 2.0),
    ({**SHORT, "cmp": "true"}, "bthr", 3.0),
    ({**SHORT}, "seed", 5),
])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(params, key,
                                                                               value):
    at = open_page(PAGE, params)
    changed = list(move_widget(at, at.slider(key=key), value).values())
    run_b_only = key == "bthr"  # B's charts change, A's do not
    assert any(changed) and (run_b_only or changed[0])  # the loss chart follows A


def test_a_control_of_run_b_does_not_retrain_run_a(monkeypatch):
    import core.training

    at = open_page(PAGE, {**SHORT, "cmp": "true"})
    trained = []
    original = core.training.train
    monkeypatch.setattr(core.training, "train",
                        lambda config, *a, **k: trained.append(config) or original(config, *a,
                                                                                   **k))
    at.slider(key="bthr").set_value(3.0).run()
    assert not at.exception
    assert [config.grad_clip for config in trained] == [3.0]  # only B, clipped at its new 3


SWITCH = {**SHORT, "cmp": "true", "bclip": "same", "bswitch": "clip_norm", "bat": "30",
          "bthr": "0.2"}


def switch_rows(at) -> list:
    """The ``switch`` dataset of every chart that has one."""
    return [chart_datasets(chart)["switch"] for chart in charts(at)
            if "switch" in chart_datasets(chart)]


def test_a_switch_is_marked_on_every_curve_and_moving_its_step_changes_data_not_spec():
    at = open_page(PAGE, SWITCH)
    assert not at.exception
    assert_all_finite(at)
    rows = switch_rows(at)
    assert len(rows) == 3  # loss, accuracy, gradient norm
    for frame in rows:
        assert frame[["step", "show"]].to_dict("records") == [{"step": 30, "show": 1.0}]
    assert "B: from step 30: clip by norm at 0.2" in texts(at)
    assert any("At step 30 B turned on clipping by norm at 0.2" in i.value for i in at.info)
    changed = move_widget(at, at.slider(key="bat"), 60)
    assert all(changed[index] for index in range(3))
    assert [int(frame["step"].iloc[0]) for frame in switch_rows(at)] == [60] * 3
    assert_all_finite(at)


def test_without_a_switch_the_rule_has_one_hidden_row_and_no_switch_text():
    at = open_page(PAGE, {**SHORT, "cmp": "true"})
    rows = switch_rows(at)
    assert len(rows) == 3 and all(list(frame["show"]) == [0.0] for frame in rows)
    assert not any(i.proto.icon == ":material/swap_horiz:" for i in at.info)
    weightless = open_page(PAGE, {**SHORT, "cmp": "true", "bswitch": "weight_clip"})
    assert "takes B's c" in texts(weightless)
    assert all(list(frame["show"]) == [0.0] for frame in switch_rows(weightless))


def test_switch_preset_and_chinese():
    at = open_page(PAGE, {"lang": "zh"})
    at.selectbox(key="preset").set_value("switch_clip").run()
    assert not at.exception
    assert_all_finite(at)
    body = texts(at)
    assert "从第 60 步起按范数裁剪，阈值 1" in body and "在第 60 步，B 开启了按范数裁剪" in body
    assert "At step" not in body


def test_live_curves_redraw_while_training_end_as_the_final_charts_and_a_rerun_does_not_train(
        monkeypatch):
    import streamlit as st

    import core.training
    import ui.display
    import ui.training_live

    live, final = [], {}
    draw, show = ui.training_live.vega, ui.display.show_chart
    monkeypatch.setattr(ui.training_live, "vega",
                        lambda place, chart, data: live.append((chart, data))
                        or draw(place, chart, data))
    monkeypatch.setattr(ui.display, "show_chart",
                        lambda chart, chart_id, controls, **k: final.update(
                            {chart_id: (chart, k["data"])}) or show(chart, chart_id, controls,
                                                                     **k))
    st.cache_data.clear()
    params = {"steps": "1000", "cmp": "true", "bclip": "norm", "bthr": "0.5"}
    at = open_page(PAGE, params)
    assert not at.exception
    loss_draws = [data for chart, data in live if chart == final["loss"][0]]
    grad_draws = [data for chart, data in live if chart == final["grad_norm"][0]]
    assert len(loss_draws) >= 4 and len(grad_draws) >= 4  # both runs, first and last step
    sizes = [len(data["curves"]) for data in loss_draws]
    assert sizes[0] < sizes[-1] and len(set(sizes)) > 2  # the curves grow as the runs train
    for data in loss_draws + grad_draws:
        for frame in data.values():
            assert np.isfinite(frame.select_dtypes("number").to_numpy(dtype=float)).all()
    # the last live frame is the final chart: same template, same datasets
    for draws, chart_id in ((loss_draws, "loss"), (grad_draws, "grad_norm")):
        last, done = draws[-1], final[chart_id][1]
        assert last.keys() == done.keys(), chart_id
        for name in done:
            assert last[name].reset_index(drop=True).equals(done[name].reset_index(drop=True)), \
                (chart_id, name)
    # the live slot is empty again: only the final charts (curves, norms, 2 heatmaps, 2 maps)
    assert len(charts(at)) == 7
    before = [chart_frames(chart) for chart in charts(at)]
    trained = []
    monkeypatch.setattr(core.training, "train", lambda *a, **k: trained.append(a))
    count = len(live)
    at.run()
    assert not at.exception and trained == [] and len(live) == count  # cached: no training
    after = [chart_frames(chart) for chart in charts(at)]
    assert all(x.equals(y) for xs, ys in zip(before, after, strict=True)
               for x, y in zip(xs, ys, strict=True))
