"""The gradient-clipping page: runs, plots finite data, and shows the three teaching points."""

import json

import numpy as np
import pytest

from core.cliff import CLIFF_REGION
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

PAGE = "pages/2_gradient_clipping.py"
(X0, X1), (Y0, Y1) = CLIFF_REGION


def page(**params):
    at = open_page(PAGE, {k: str(v) for k, v in params.items()})
    assert not at.exception, at.exception
    return at


def chart_titled(at, title: str):
    """The chart whose Vega-Lite spec has this title."""
    for chart in charts(at):
        spec_title = json.loads(chart.proto.spec).get("title")
        if title in (spec_title, getattr(spec_title, "get", lambda _: None)("text")):
            return chart
    raise AssertionError(f"no chart titled {title!r}")


def dataset(at, title: str, name: str):
    """The named dataset ``name`` of the chart titled ``title``."""
    return chart_datasets(chart_titled(at, title))[name]


def vectors(at):
    tips = dataset(at, "The gradient and its two clipped versions", "vectors")
    return tips.set_index("method")[["x", "y"]]


def metric(at, label: str) -> list[str]:
    return [m.value for m in at.metric if m.label == label]


def log_axis_fields(spec: dict) -> set[str]:
    """Fields plotted on a log scale anywhere in a (layered) spec."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for channel in ("x", "y", "color"):
                enc = node.get("encoding", {}).get(channel)
                if isinstance(enc, dict) and enc.get("scale", {}) and \
                        enc["scale"].get("type") == "log":
                    found.add(enc["field"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def assert_log_axes_positive(at):
    for chart in charts(at):
        fields = log_axis_fields(json.loads(chart.proto.spec))
        for frame in chart_frames(chart):
            for field in fields & set(frame.columns):
                assert (frame[field] > 0).all(), field


def test_default_view_draws_every_chart_with_finite_values():
    at = page()
    assert len(charts(at)) == 6
    assert_all_finite(at)
    assert_log_axes_positive(at)
    body = texts(at)
    assert "Pascanu" in body and "clip_grad_norm_" in body
    assert r"\max\big(&0" in body  # the article's formula shown as the myth
    assert not at.warning
    assert len(export_ids(at)) == 6 and not folded(at)


def test_norm_clipping_keeps_the_direction_value_clipping_bends_it():
    at = page()
    cosines = metric(at, "cosine to original")  # none, value, norm
    assert cosines[0] == "1.000000" and cosines[2] == "1.000000"
    assert float(cosines[1]) < 0.99
    angles = metric(at, "angle")  # the 2-D readout at 30 degrees
    assert angles[2] == "0.0°" and float(angles[1].rstrip("°")) > 5
    tips = vectors(at)
    assert tips.loc["value"].tolist() == [1.0, 1.0]  # the box corner
    assert np.hypot(*tips.loc["norm"]) == pytest.approx(1.0, abs=1e-5)


def test_value_clipping_keeps_an_axis_direction():
    at = page(ang=90)
    assert metric(at, "angle")[1] == "0.0°"
    assert "kept its direction (turned 0.00°)" in texts(at)


def test_changing_the_threshold_changes_the_drawn_vectors():
    small, large = vectors(page(thr=0.5)), vectors(page(thr=2.0))
    assert np.hypot(*large.loc["norm"]) > 3.5 * np.hypot(*small.loc["norm"])
    assert large.loc["value"].iloc[0] > small.loc["value"].iloc[0]
    assert large.loc["none"].tolist() == small.loc["none"].tolist()


def test_both_methods_clip_the_deep_gradient_to_the_chosen_length():
    at = page(keep=25)
    lengths = [float(v) for v in metric(at, "length ‖g‖")[3:]]
    assert lengths[1] == pytest.approx(0.25 * lengths[0], rel=0.02)
    assert lengths[2] == pytest.approx(0.25 * lengths[0], rel=0.02)
    changed = metric(at, "components changed")
    assert changed[0] == "0.0%" and float(changed[1].rstrip("%")) > 0


def test_cliff_no_clipping_leaves_the_region_norm_clipping_reaches_the_minimum():
    at = page()
    paths = dataset(at, "Descent paths on the loss surface", "paths")
    none = paths[paths.label == "no clipping"]
    inside = none.w1.between(X0, X1) & none.w2.between(Y0, Y1)
    assert not inside.all() and none.w2.min() < -20
    end = paths[paths.label == "clip by norm"].iloc[-1]
    assert np.hypot(end.w1 - 3.0, end.w2) < 0.1
    assert "Left the plotted region at step 6" in texts(at)


def test_gradient_norm_chart_marks_the_spike_and_the_threshold():
    at = page()
    data = chart_datasets(chart_titled(at, "Gradient norm before clipping"))
    steps = data["steps"]
    norm = steps[steps.label == "clip by norm"]
    assert norm.clipped.sum() == 1 and norm.grad_norm.max() > 50
    assert (norm[norm.clipped].grad_norm > 2.0).all()
    assert data["rules"].y.tolist() == [2.0] and data["rules"].what.tolist() == ["threshold 2"]


def test_hiding_methods_hides_their_paths():
    at = page(none="false", value="false")
    paths = dataset(at, "Descent paths on the loss surface", "paths")
    assert set(paths.label) == {"clip by norm"}
    at = page(none="false", value="false", norm="false")
    assert len(charts(at)) == 3 and at.info


@pytest.mark.parametrize("params", [
    {"mag": 0.1, "ang": -180, "thr": 0.1, "depth": 2, "width": 8, "gain": 0.5, "keep": 1,
     "seed": 0, "ct": 0.1, "lr": 0.05, "steps": 1, "w1": -5, "w2": -2.5},
    {"mag": 5, "ang": 180, "thr": 5, "depth": 40, "width": 64, "gain": 3, "keep": 99,
     "seed": 9999, "ct": 10, "lr": 2, "steps": 200, "w1": 5, "w2": 4.5},
])
def test_controls_at_their_limits_run_cleanly(params):
    at = page(**params)
    assert not at.warning
    assert_all_finite(at)
    assert_log_axes_positive(at)


def test_the_url_seeds_the_controls():
    at = page(mag=2.5, ang=-45, thr=0.7, depth=7, gain=1.3, keep=40, ct=3.5, lr=0.25, steps=12,
              w1=1.5, w2=-1)
    assert at.slider(key="mag").value == 2.5 and at.slider(key="ang").value == -45
    assert at.slider(key="depth").value == 7 and at.slider(key="keep").value == 40
    assert at.slider(key="lr").value == 0.25 and at.slider(key="w2").value == -1.0
    assert "Clipping to 40%" in texts(at)


def test_moving_the_learning_rate_slider_redraws_the_paths():
    at = page()
    before = dataset(at, "Loss per step", "steps")
    at.slider(key="steps").set_value(10).run()
    after = dataset(at, "Loss per step", "steps")
    assert after.step.max() == 10 and before.step.max() == 40


@pytest.mark.parametrize("params", [
    {"depth": "abc"}, {"depth": "100000"}, {"gain": "-1"}, {"none": "<script>"},
    {"thr": "nan"}, {"w1": "1e308"}, {"bogus": "1"},
])
def test_malformed_url_shows_a_notice_not_a_traceback(params):
    at = page(**params)
    assert at.warning, params
    assert charts(at)


def test_chinese():
    at = page(lang="zh")
    body = texts(at)
    assert "梯度裁剪" in body and "按范数裁剪" in body and "悬崖" in body
    assert "Descent paths" not in body and "Question" not in body


def test_presenter_mode_folds_the_questions_keeps_equal_aspect_and_exports_every_chart():
    at = page(present="1")
    assert export_ids(at) == ["vectors_2d", "component_histogram", "layer_norms", "cliff_map",
                              "cliff_loss", "cliff_grad_norm"]
    sizes = [(spec.get("width"), spec["height"])
             for spec in (json.loads(chart.proto.spec) for chart in charts(at))]
    assert all(height == PRESENTER_HEIGHT for _, height in sizes)
    (x0, x1), (y0, y1) = CLIFF_REGION
    assert sizes[0] == (PRESENTER_HEIGHT, PRESENTER_HEIGHT)  # the circle stays a circle
    assert sizes[3][0] / sizes[3][1] == pytest.approx((x1 - x0) / (y1 - y0), rel=0.01)
    for key in ("cl.intro", "cl.a.question", "cl.b.question", "cl.c.question"):
        assert t(key, "en").split("{")[0] in folded(at), key
    assert r"\max\big(&0" in texts(at)  # the myth's formula stays on screen


# One slider per section (the first is the page's first): the section reruns alone, its specs
# stay and its data move. (A section's slider reruns only its fragment: AppTest then holds only
# the fragment's elements.)
SECTIONS = {"geometry": [0], "network": [1, 2], "cliff": [3, 4, 5]}


@pytest.mark.parametrize(("key", "value", "section"), [
    ("mag", 4.2, "geometry"), ("thr", 0.6, "geometry"), ("depth", 7, "network"),
    ("keep", 40, "network"), ("lr", 0.3, "cliff"), ("ct", 3.5, "cliff"), ("w2", 2.0, "cliff")])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(key, value,
                                                                              section):
    at = page()
    changed = move_widget(at, at.slider(key=key), value, redrawn=SECTIONS[section])
    assert all(changed.values()), (key, changed)  # only the section reran, all of it changed


def test_a_section_rerun_keeps_the_share_link_and_the_preset_box_right():
    at = page()
    assert [box.value for box in at.selectbox if box.key == "preset"] == ["clipping_saves_cliff"]
    at.slider(key="depth").set_value(7).run()
    assert [code.value for code in at.sidebar.code][:1] == ["?depth=7"]  # then the iframe snippet
    assert [box.value for box in at.selectbox if box.key == "preset"] == ["custom"]
    at.slider(key="depth").set_value(12).run()  # back to the default: the preset matches again
    assert [code.value for code in at.sidebar.code][:1] == ["?"]
    assert [box.value for box in at.selectbox if box.key == "preset"] == ["clipping_saves_cliff"]
