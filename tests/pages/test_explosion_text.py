"""The explosion page's outcome sentences agree with the numbers, at every setting we try.

Each check recomputes the outcome from core/ (or from the plotted numbers, with its own rule),
never by reading which sentence the page picked: verdicts, the BN and sigmoid notes, the
residual trend under the growth-against-depth charts, and the phase diagrams' stable band.
"""

import random
import re

import numpy as np
import pytest

from core.remedies import (
    BATCH,
    BETTER_INIT,
    DEPTH_CURVE,
    Remedies,
    growth_against_depth,
    growth_per_example,
    simulate_remedies,
    simulated_growth_grid,
)
from tests.apptest import assert_all_finite, chart_datasets, charts, open_page
from ui.controls import url_value
from ui.i18n import t
from ui.presets import PRESETS

PAGE = "pages/5_explosion_vs_vanishing.py"
SIDES = ("l", "r")
STABLE, TREND = 1.0, 0.25  # the page's stable band and trend tolerance, in decades
SLIDERS = {"l_gain": (0.25, 4.0), "r_gain": (0.25, 4.0), "l_depth": (1, 100),
           "r_depth": (1, 100), "width": (16, 128), "max_norm": (0.1, 10.0), "seed": (0, 9999)}
SELECTS = {"l_act": ("relu", "linear"), "r_act": ("relu", "linear"),
           "l_init": ("he", "normal"), "r_init": ("he", "normal")}
TOGGLES = [f"{side}_{key}" for side in SIDES for key in ("good", "bn", "res", "clip")]
CHARTS = 8  # profiles, weight gradients, depth curves, phase diagrams: two of each


def column(at, side: str) -> dict:
    """The control values of one column, as the page reads them."""
    get = {"act": at.selectbox, "init": at.selectbox, "gain": at.slider, "depth": at.slider,
           "good": at.checkbox, "bn": at.checkbox, "res": at.checkbox, "clip": at.checkbox}
    return {key: widget(key=f"{side}_{key}").value for key, widget in get.items()}


def shared(at) -> dict:
    return {key: at.slider(key=key).value for key in ("width", "max_norm", "seed")}


def core_column(s: dict, sh: dict, samples: int) -> dict:
    """The column's simulation straight from core: median growth, dead share, clip factor."""
    init, gain = (BETTER_INIT[s["act"]], 1.0) if s["good"] else (s["init"], s["gain"])
    fix = Remedies(s["good"], s["bn"], s["res"])
    run = simulate_remedies(s["act"], s["init"], float(s["gain"]), s["depth"], sh["width"], fix,
                            samples, BATCH, sh["seed"])
    growth = growth_per_example(run["input"]).ravel()
    alive = growth[np.isfinite(growth)]
    return {"growth": float(np.median(alive)), "dead": float(np.mean(~np.isfinite(growth))),
            "init": init, "gain": gain}


def regime(growth: float) -> str:
    return "vanishing" if growth < -STABLE else "exploding" if growth > STABLE else "stable"


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


def frame_with(chart, column: str):
    return next(f for f in chart_datasets(chart).values() if column in f)


def check_columns(at) -> None:
    """Verdicts, numbers and the notes of both columns against a fresh core computation."""
    sh, caps = shared(at), captions(at)
    expected_bn, expected_sigmoid, expected_same, expected_rescue = [], [], [], 0
    for i, side in enumerate(SIDES):
        s = column(at, side)
        count = int(re.search(r"median over (\d+) examples", at.metric[2 * i].proto.help)[1])
        ref = core_column(s, sh, count // BATCH)
        shown = float(at.metric[2 * i].value)
        assert shown == pytest.approx(ref["growth"], abs=0.006), (side, s)
        assert at.metric[2 * i + 1].value == regime(ref["growth"]), (side, shown)
        per_layer = 10.0 ** (ref["growth"] / s["depth"])
        if s["bn"] and not s["res"] and ref["growth"] > STABLE:
            expected_bn.append(f"×{per_layer:.2f}")
            assert per_layer > 1
        plain_sigmoid = s["good"] and s["act"] == "sigmoid" and not (s["bn"] or s["res"])
        if plain_sigmoid and per_layer < 1:
            expected_sigmoid.append(f"about {per_layer:.2f} on average")
            expected_rescue += regime(ref["growth"]) == "vanishing"
            check_critical_gain(caps, s, sh)
        if s["good"] and ref["init"] == s["init"] and s["gain"] == 1.0:
            expected_same.append(t("ex.same_init", "en", init=t(f"init.{s['init']}", "en")))
        dead = f"{ref['dead']:.0%} of the examples have an exactly zero input gradient"
        assert any(c.startswith(dead) for c in caps) == (ref["dead"] > 0)
    assert sorted(c for c in caps if "already this network's setting" in c) == expected_same
    bn = [c for c in caps if c.startswith("Batch normalisation alone makes")]
    assert len(bn) == len(expected_bn) and all(f in " ".join(bn) for f in expected_bn)
    notes = [c for c in caps if "σ′ ≤ 1/4 is not the whole reason" in c]
    assert len(notes) == len(expected_sigmoid)
    assert all(f in " ".join(notes) for f in expected_sigmoid)
    assert sum(c.startswith("Xavier does not rescue sigmoid") for c in notes) == expected_rescue


def check_critical_gain(caps: list[str], s: dict, sh: dict) -> None:
    """The quoted critical gain separates vanishing from growth in a fresh simulation."""
    note = next(c for c in caps if "σ′ ≤ 1/4 is not the whole reason" in c)
    found = re.search(r"only near (\d+)× Xavier", note)
    if found is None:
        assert "no gain up to" in note
        return
    if s["depth"] >= 10:  # shallower, one layer's growth is within the sampling noise
        gains = [int(found[1]) / 1.5, int(found[1]) * 1.5]
        low, high = simulated_growth_grid("sigmoid", "xavier", gains, [s["depth"]],
                                          sh["width"], 4, 16, sh["seed"] + 7)[:, 0]
        assert low < 0 < high, (found[1], low, high)


def check_depth_curves(at) -> None:
    """Numbers and trend wording under each growth-against-depth chart, from its plotted data."""
    caps = captions(at)
    for i in range(2):
        data = frame_with(charts(at)[4 + i], "median")
        plain = data[data.series == "plain"].set_index("depth")["median"]
        residual = data[~(data.series == "plain")].set_index("depth")["median"]
        assert list(residual.index) == list(DEPTH_CURVE)
        deep, half = DEPTH_CURVE[-1], 50
        assert t("ex.depth_numbers", "en", depth=deep, plain=plain[deep],
                 residual=residual[deep]) in caps
        change = residual[deep] - residual[half]
        trend = "rising" if change > TREND else "falling" if change < -TREND else "level"
        assert t(f"ex.depth_trend.{trend}", "en", start=half, end=deep, first=residual[half],
                 last=residual[deep], tol=f"{TREND:g}") in caps


def check_phase_band(at) -> None:
    """The stable-band count under each phase diagram, from its plotted cells."""
    caps = captions(at)
    for i in range(2):
        cells = frame_with(charts(at)[6 + i], "stable")
        stable = cells.assign(ok=cells.growth.abs() <= STABLE).groupby("depth").ok.sum()
        first, last = int(stable.iloc[0]), int(stable.iloc[-1])
        change = ("gone" if last == 0 < first else "narrower" if last < first
                  else "same" if last == first else "wider")
        assert t(f"ex.phase_band.{change}", "en", tol="1", first=first, last=last,
                 n=cells.gain.nunique(), d0=int(stable.index[0]),
                 d1=int(stable.index[-1])) in caps


def whole_page(at):
    """Rerun until the whole page is drawn: a clipping control's change reruns only its section
    (AppTest then holds only that fragment's elements), on the run that notices the change."""
    for _ in range(3):
        if len(charts(at)) == CHARTS:
            return at
        at.run()
    raise AssertionError("the page did not draw all its charts")


def check(at) -> None:
    assert not at.exception
    assert_all_finite(at)  # every dataset a chart reads is sent, non-empty and finite
    check_columns(at)
    check_depth_curves(at)
    check_phase_band(at)


@pytest.mark.parametrize("preset", sorted(PRESETS["explosion"]))
def test_every_preset_says_what_its_numbers_show(preset):
    params = {k: url_value(v) for k, v in PRESETS["explosion"][preset].items()}
    check(open_page(PAGE, params))


def test_each_control_at_its_minimum_and_maximum():
    at = open_page(PAGE)
    widgets = [(at.slider, key, values) for key, values in SLIDERS.items()]
    widgets += [(at.selectbox, key, values) for key, values in SELECTS.items()]
    widgets += [(at.checkbox, key, (True,)) for key in TOGGLES]
    for kind, key, values in widgets:
        default = kind(key=key).value
        for value in values:
            if value != default:
                whole_page(kind(key=key).set_value(value).run())
                check(at)
        kind(key=key).set_value(default)  # back to the default with the next control's run


def test_random_settings():
    rng = random.Random(10)
    at = open_page(PAGE)
    for _ in range(4):
        for side in SIDES:
            at.selectbox(key=f"{side}_act").set_value(rng.choice(
                ["relu", "leaky_relu", "tanh", "sigmoid", "linear"]))
            at.selectbox(key=f"{side}_init").set_value(rng.choice(["he", "xavier", "lecun"]))
            at.slider(key=f"{side}_gain").set_value(rng.choice([0.5, 0.8, 1.0, 1.2, 1.5, 2.5]))
            at.slider(key=f"{side}_depth").set_value(rng.randint(1, 100))
            for key in ("good", "bn", "res"):
                at.checkbox(key=f"{side}_{key}").set_value(rng.random() < 0.4)
        at.slider(key="width").set_value(rng.choice([16, 32, 48, 64]))
        check(whole_page(at.run()))


def test_the_depth_curves_are_core_numbers_and_relu_residuals_keep_rising():
    at = open_page(PAGE)
    data = frame_with(charts(at)[5], "median")  # network B: ReLU, He, gain 1.5
    samples = int(re.search(r"at each, (\d+) random networks", " ".join(captions(at)))[1])
    growth = growth_against_depth("relu", "he", 1.5, 64, False, DEPTH_CURVE, samples, BATCH, 0)
    for name, label in (("plain", "plain"), ("residual", "residual (branches × 1/√L)")):
        plotted = data[data.series == label].set_index("depth")["median"]
        np.testing.assert_allclose(plotted.to_numpy(), np.median(growth[name], axis=1))
    assert plotted[100] > plotted[50] + TREND  # the help text's "still rises", at depth 100
