"""The gradient-descent page: regimes, finite charts at any setting, schedules, the seed loop."""

import math

import numpy as np
import pytest

from tests.apptest import (
    assert_all_finite,
    chart_datasets,
    chart_frames,
    chart_specs,
    charts,
    move_widget,
    open_page,
    texts,
)

PAGE = "pages/4_gradient_descent.py"
N_CHARTS = 7  # parabola, |x_k|, stability, contours, distance, lr, schedule |x_k|
MIN = {"lam": "0.5", "eta": "0", "x0": "-3", "k": "1", "L": "1", "mu": "0.1", "frac": "0.05",
       "k2": "5", "eta0": "0.1", "end": "0.01", "k3": "10"}
MAX = {"lam": "10", "eta": "2", "x0": "3", "k": "100", "L": "50", "mu": "10", "frac": "1.2",
       "k2": "200", "eta0": "4", "end": "1", "k3": "1000"}


def frame_with(at, column: str, index: int = 0):
    """The ``index``-th dataset on the page that has ``column``."""
    found = [f for chart in charts(at) for f in chart_frames(chart) if column in f]
    return found[index]


def link_notices(at) -> list[str]:
    """The warnings about link parameters (not the regime callouts, which may be warnings too)."""
    return [w.value for w in at.warning if w.proto.icon == ":material/link_off:"]


def metric(at, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def test_default_view_draws_every_chart_with_finite_values():
    at = open_page(PAGE)
    assert not at.exception
    assert len(charts(at)) == N_CHARTS
    assert_all_finite(at)
    assert metric(at, "regime") == "oscillating"
    assert not link_notices(at)


@pytest.mark.parametrize("eta, name", [("0.1", "monotone"), ("0.25", "one step"),
                                       ("0.4", "oscillating"), ("0.5", "no convergence"),
                                       ("0.6", "diverging")])
def test_regime_readout_names_the_regime(eta, name):
    at = open_page(PAGE, {"lam": "4", "eta": eta})  # 1/λ = 0.25, 2/λ = 0.5
    assert not at.exception
    assert metric(at, "regime") == name


def test_guide_example_x10_and_its_alternating_sign():
    at = open_page(PAGE, {"lam": "4", "eta": "0.6", "x0": "1", "k": "10"})
    assert metric(at, "x after step 10") == "2.8925e+1"
    frame = frame_with(at, "log10_abs")
    assert frame["log10_abs"].iloc[-1] == pytest.approx(math.log10(28.9254655), abs=1e-9)
    signs = frame["sign"].tolist()
    assert signs[0::2] == ["x_k > 0"] * 6 and signs[1::2] == ["x_k < 0"] * 5
    assert "diverging" in texts(at)


def test_one_step_is_reported_not_plotted_as_minus_infinity():
    at = open_page(PAGE, {"lam": "4", "eta": "0.25"})
    assert "reaches 0 exactly at step 1" in texts(at)
    assert frame_with(at, "log10_abs")["step"].tolist() == [0]
    assert_all_finite(at)


def test_start_at_the_minimum_is_said_and_skips_the_log_chart():
    at = open_page(PAGE, {"x0": "0"})
    assert not at.exception
    assert "x₀ = 0 is already the minimum" in texts(at)
    assert len(charts(at)) == N_CHARTS - 1
    assert_all_finite(at)


def test_diverging_far_beyond_float64_keeps_every_plotted_value_finite():
    at = open_page(PAGE, {"lam": "10", "eta": "2", "k": "100", "frac": "1.2", "k2": "200",
                          "eta0": "4", "end": "1", "k3": "1000"})
    assert not at.exception
    assert len(charts(at)) == N_CHARTS
    assert_all_finite(at)
    constant = frame_with(at, "log10_abs", 1)
    assert constant["log10_abs"].max() > 400  # 3^1000 = 1e477, drawn in log form
    assert "passes the float64 maximum" in texts(at)
    assert metric(at, "x after step 100").endswith("e+127")  # 19^100 = 8.1e127


def test_decay_rescues_the_run_that_constant_loses():
    at = open_page(PAGE)
    frame = frame_with(at, "log10_abs", 1)
    final = frame.sort_values("step").groupby("series")["log10_abs"].last()
    peak = frame.groupby("series")["log10_abs"].max()
    assert final["constant"] == pytest.approx(60 * math.log10(2), abs=1e-9)  # |1 - 3| = 2
    for schedule in ("step", "exponential", "cosine", "1/t"):
        assert final[schedule] < 0 < final["constant"]
        assert peak[schedule] > 0  # it grew first: eta0 = 3 > 2/lambda
    rates = frame_with(at, "lr")
    assert (rates[rates.series == "constant"]["lr"] == 3.0).all()


def test_schedule_checkboxes_choose_the_lines():
    at = open_page(PAGE, {"stp": "false", "exp": "false", "inv": "false"})
    assert set(frame_with(at, "lr")["series"]) == {"constant", "cosine"}
    at.checkbox(key="cos").uncheck().run()
    assert set(frame_with(at, "lr")["series"]) == {"constant"}
    assert_all_finite(at)


def test_seed_loop_number_is_on_the_page():
    body = texts(open_page(PAGE))
    assert "4.317e-5" in body
    assert "grad = grad - learning_rate * grad" in "\n".join(c.value for c in open_page(PAGE).code)


@pytest.mark.parametrize("params", [MIN, MAX], ids=["min", "max"])
def test_every_control_at_its_limits(params):
    at = open_page(PAGE, params)
    assert not at.exception
    assert not link_notices(at)
    assert_all_finite(at)
    for key, value in params.items():
        assert at.slider(key=key).value == pytest.approx(float(value))
    if params is MIN:
        assert metric(at, "regime") == "no progress"  # eta = 0


def test_larger_monotone_step_shrinks_x_faster():
    at = open_page(PAGE, {"eta": "0.1"})
    before = frame_with(at, "log10_abs")["log10_abs"].iloc[-1]
    at.slider(key="eta").set_value(0.2).run()
    after = frame_with(at, "log10_abs")["log10_abs"].iloc[-1]
    assert after < before  # factor 0.6 per step instead of 0.2... |1 - 0.8| = 0.2 < 0.6


def test_best_step_beats_a_timid_step_on_the_distance_chart():
    at = open_page(PAGE, {"frac": "0.3"})
    frame = frame_with(at, "log10_dist")
    last = frame[frame.step == frame.step.max()].set_index("series")["log10_dist"]
    current = last[[s for s in last.index if s.startswith("your step")][0]]
    best = last[[s for s in last.index if s.startswith("best fixed step")][0]]
    assert best < current
    assert metric(at, "best fixed step") == "0.1818"
    assert metric(at, "its rate") == "0.8182"


def test_mu_above_L_is_swapped_with_a_note():
    at = open_page(PAGE, {"L": "2", "mu": "8"})
    assert not at.exception
    assert "swapped" in texts(at)
    assert metric(at, "condition number") == "4"


def test_url_seeds_the_controls():
    at = open_page(PAGE, {"lam": "2.5", "eta": "0.3", "k": "20", "cos": "false", "end": "0.2"})
    assert at.slider(key="lam").value == 2.5
    assert at.slider(key="eta").value == pytest.approx(0.3)
    assert at.slider(key="k").value == 20
    assert at.checkbox(key="cos").value is False and at.checkbox(key="stp").value is True
    assert at.slider(key="end").value == pytest.approx(0.2)
    assert metric(at, "x after step 20") == "9.0949e-13"  # 0.25^20


def test_malformed_link_warns_and_still_draws():
    at = open_page(PAGE, {"lam": "abc", "k": "100000", "eta": "-1", "cos": "<script>",
                          "bogus": "1"})
    assert not at.exception
    warning = "\n".join(link_notices(at))
    for key in ("lam", "k", "eta", "cos", "bogus"):
        assert f"`{key}" in warning
    assert at.slider(key="k").value == 100  # clamped, not reset
    assert at.slider(key="eta").value == 0.0
    assert len(charts(at)) == N_CHARTS
    assert_all_finite(at)


def test_chinese():
    at = open_page(PAGE, {"lang": "zh", "eta": "0.6"})
    assert not at.exception
    body = texts(at)
    assert "学习率调度" in body and "发散" in body and "4.317e-5" in body
    assert "Learning rate per step" not in body
    # regime ids ("diverging") key the colours inside chart specs; no English is shown
    shown = "\n".join(line for line in body.split("\n") if not line.startswith('{"'))
    assert "diverging" not in shown


def test_heaviest_setting_answers_quickly():
    import time

    at = open_page(PAGE)
    start = time.perf_counter()
    for key, value in MAX.items():
        at.query_params[key] = value
    at.slider(key="k3").set_value(1000)
    at.slider(key="k2").set_value(200)
    at.slider(key="k").set_value(100).run()
    assert not at.exception
    assert time.perf_counter() - start < 3.0  # includes AppTest's own overhead
    assert np.isfinite(frame_with(at, "log10_abs", 1)["log10_abs"]).all()


# One slider per section (the first is the page's first): the section reruns alone (AppTest then
# holds only the fragment's elements), its specs stay and its data move.
SECTIONS = {"one_dimension": [0, 1, 2], "two_dimensions": [3, 4], "schedules": [5, 6]}


@pytest.mark.parametrize(("key", "value", "section", "moved"), [
    ("lam", 5.0, "one_dimension", [0, 1, 2]), ("eta", 0.6, "one_dimension", [0, 1, 2]),
    ("k", 20, "one_dimension", [0, 1]),  # the stability curve does not depend on the steps
    ("L", 20.0, "two_dimensions", [3, 4]), ("frac", 0.5, "two_dimensions", [3, 4]),
    ("eta0", 2.5, "schedules", [5, 6]), ("k3", 400, "schedules", [5, 6])])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(key, value,
                                                                              section, moved):
    at = open_page(PAGE)
    changed = move_widget(at, at.slider(key=key), value, redrawn=SECTIONS[section])
    assert changed == {index: index in moved for index in SECTIONS[section]}, key


def test_the_regime_colour_and_the_float64_rule_are_data_not_spec():
    calm = open_page(PAGE)
    wild = open_page(PAGE, {"eta": "0.6", "eta0": "4", "end": "1", "k3": "1000"})
    assert chart_specs(calm) == chart_specs(wild)
    points = chart_datasets(charts(wild)[1])["points"]
    assert set(points["regime"]) == {"diverging"}
    assert set(chart_datasets(charts(calm)[1])["points"]["regime"]) == {"oscillating"}
    shown = chart_datasets(charts(wild)[6])["limits"]
    hidden = chart_datasets(charts(calm)[6])["limits"]
    assert shown["show"].tolist() == [1.0] and shown["label"].str.startswith("float64").all()
    assert hidden["show"].tolist() == [0.0]
