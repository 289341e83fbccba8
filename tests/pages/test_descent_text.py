"""The gradient-descent page's outcome sentences agree with the numbers, at every setting.

Each expected outcome is worked out here from the closed form (x_{k+1} = (1 - eta*lam) x_k) or
from core's learning rates and iterates, never read back from the page's own choice. Then the
claim itself is checked against the iterates the page computes (e.g. "grows" only if |x| grows).
"""

import math
import string

import numpy as np
import pytest

from core.descent import gd_quadratic_log10
from core.schedules import decay_params, schedule_rates
from tests.apptest import chart_frames, charts, open_page, texts
from tests.pages.test_descent import MAX, MIN
from ui.i18n import t
from ui.presets import PRESETS

PAGE = "pages/4_gradient_descent.py"
TOL = 1e-9  # relative tolerance for eta*lam == 1 and == 2 (as core.descent.REGIME_TOL)
DECAYING = {"stp": "step", "exp": "exponential", "cos": "cosine", "inv": "inverse_time"}
REGIME_TEXTS = ("no_progress", "monotone", "one_step", "oscillating", "no_convergence",
                "diverging")
COURSES = ("turned", "held", "shrinks", "never")


def url(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def expected_regime(eta: float, lam: float) -> str:
    """The fixed-step regime on lam/2 x^2, from the product eta*lam alone."""
    p = eta * lam
    if p == 0:
        return "no_progress"
    if abs(p - 1) <= TOL:
        return "one_step"
    if abs(p - 2) <= 2 * TOL:
        return "no_convergence"
    return "monotone" if p < 1 else "oscillating" if p < 2 else "diverging"


def expected_course(rates: np.ndarray) -> str:
    """How |x| moves on x^2/2 under non-increasing rates: from where they sit against 2."""
    below = np.flatnonzero(rates < 2.0 * (1 - TOL))  # within TOL of 2 counts as 2
    if below.size == 0:
        return "never"
    if below[0] == 0:
        return "shrinks"
    return "turned" if rates[0] > 2.0 * (1 + TOL) else "held"


def literal_parts(key: str) -> list[str]:
    """The English template's text between placeholders (the parts long enough to be telling)."""
    parts = [text.strip() for text, *_ in string.Formatter().parse(t(key, "en"))]
    return [part for part in parts if len(part) >= 8]


def shows(body: str, key: str) -> bool:
    parts = literal_parts(key)
    assert parts, key
    return all(part in body for part in parts)


def settings_of(at) -> dict:
    values = {key: at.slider(key=key).value for key in MIN}
    values.update({key: at.checkbox(key=key).value for key in DECAYING})
    return values


def frames_with(at, column: str) -> list:
    return [f for chart in charts(at) for f in chart_frames(chart) if column in f]


# ---------------------------------------------------------------- the checks per section


def check_one_dimension(at, body: str, s: dict) -> str:
    name = expected_regime(s["eta"], s["lam"])
    assert next(m.value for m in at.metric if m.label == "regime") == t(f"gd.regime.{name}", "en")
    for other in REGIME_TEXTS:
        assert shows(body, f"gd.regime_text.{other}") == (other == name), (other, s)
    if s["x0"] == 0:
        return name
    # the claim against the iterates the page plots
    logs = frames_with(at, "log10_abs")[0].sort_values("step")["log10_abs"].to_numpy()
    steps = np.diff(logs)
    if name in ("monotone", "oscillating"):
        assert np.all(steps < 0), s
    elif name == "diverging":
        assert np.all(steps > 0), s
    elif name in ("no_progress", "no_convergence"):
        np.testing.assert_allclose(steps, 0.0, atol=1e-9)
    return name


def check_two_dimensions(at, body: str, s: dict) -> None:
    L, mu = max(s["L"], s["mu"]), min(s["L"], s["mu"])
    eta = s["frac"] * 2.0 / L
    own = max(abs(1 - eta * L), abs(1 - eta * mu))
    best = (L - mu) / (L + mu)
    if eta * L >= 2 * (1 - TOL):
        assert shows(body, "gd.b.no_shrink") and not shows(body, "gd.b.compare"), s
        # the steep coordinate (0.5 at the start) never shrinks, so neither does the distance
        dist = frames_with(at, "log10_dist")[0]
        mine = dist[dist.series.str.startswith("your step")]["log10_dist"]
        assert mine.min() >= math.log10(0.5) - 1e-9, s
    else:
        def needed(rate: float) -> int:
            return 1 if rate == 0 else max(1, math.ceil(6 / -math.log10(rate) - 1e-12))

        assert t("gd.b.compare", "en", own=needed(own), best=needed(best), factor="10^6") in body
        assert not shows(body, "gd.b.no_shrink")


def check_schedules(at, body: str, s: dict) -> None:
    eta0, steps, end = s["eta0"], s["k3"], s["end"]
    name = expected_regime(eta0, 1.0)
    lines = {t("gd.c.outcome.constant", "en", name="constant", eta=f"{eta0:g}",
               f=f"{abs(1 - eta0):.4g}", regime=t(f"gd.regime.{name}", "en"))}
    groups: dict[str, list[str]] = {}
    for key, schedule in DECAYING.items():
        if not s[key]:
            continue
        rates = schedule_rates(eta0, steps, schedule, end)
        course = expected_course(rates)
        groups.setdefault(course, []).append(t(f"gd.sched.{schedule}", "en"))
        # the claim against the iterates |x_k| from x0 = 1 (core's log form)
        logs, _ = gd_quadratic_log10(1.0, 1.0, eta0, steps, schedule,
                                     **decay_params(schedule, end, steps, eta0))
        moves = np.diff(logs[:, 0][np.isfinite(logs[:, 0])])  # an exact 0 (log -inf) ends it
        if course == "shrinks":
            assert np.all(moves < 0), (schedule, s)
        elif course == "never":
            assert np.all(moves >= -1e-12), (schedule, s)
        elif course == "turned":
            assert moves[0] > 0 and logs[-1, 0] < logs[:, 0].max(), (schedule, s)
        else:
            assert moves[0] == pytest.approx(0.0, abs=1e-12) and logs[-1, 0] < 0, (schedule, s)
    for course in COURSES:
        if course in groups:
            lines.add(t(f"gd.c.outcome.{course}", "en", names=", ".join(groups[course]),
                        steps=steps))
    shown = next(md.value for md in at.markdown if md.value.startswith("- **constant**"))
    assert {line.removeprefix("- ") for line in shown.split("\n")} == lines, s
    # the constant run itself
    logs, _ = gd_quadratic_log10(1.0, 1.0, eta0, steps)
    if name == "diverging":
        assert np.all(np.diff(logs[:, 0]) > 0)
    elif name in ("monotone", "oscillating"):
        assert np.all(np.diff(logs[:, 0]) < 0)


def check_seed_loop(body: str) -> None:
    assert t("gd.regime.monotone", "en") == t(f"gd.regime.{expected_regime(0.01, 1.0)}", "en")
    assert f"(1 − 0.01)^1000 = {0.99 ** 1000:.3e}".replace("e-05", "e-5") in body
    assert "the “monotone” regime" in body


def check_page(params: dict) -> tuple[object, dict]:
    at = open_page(PAGE, {key: url(value) for key, value in params.items()})
    assert not at.exception, params
    body = texts(at)
    s = settings_of(at)
    check_one_dimension(at, body, s)
    check_two_dimensions(at, body, s)
    check_schedules(at, body, s)
    check_seed_loop(body)
    return at, s


# ---------------------------------------------------------------- where the checks run

EXTREMES = [{key: bound[key]} for key in MIN for bound in (MIN, MAX)]


def test_defaults_and_every_slider_at_its_minimum_and_maximum():
    for params in [{}, *EXTREMES]:
        check_page(params)


# what each preset's label claims, worked out from the closed form
PRESET_REGIMES = {"monotone": "monotone", "one_step": "one_step", "oscillating": "oscillating",
                  "no_convergence": "no_convergence", "lr_past_2_over_lambda": "diverging"}


@pytest.mark.parametrize("preset", sorted(PRESETS["descent"]))
def test_every_preset_and_its_label(preset):
    values = PRESETS["descent"][preset]
    at, s = check_page(values)
    name = expected_regime(s["eta"], s["lam"])
    if preset in PRESET_REGIMES:
        assert name == PRESET_REGIMES[preset]
    if preset == "ill_conditioned":
        assert s["L"] / s["mu"] >= 10
    if preset == "decay_rescues":  # constant diverges, every shown decaying run ends below x0
        assert expected_regime(s["eta0"], 1.0) == "diverging"
        shown = [schedule for key, schedule in DECAYING.items() if s[key]]
        assert shown
        for schedule in shown:
            logs, _ = gd_quadratic_log10(1.0, 1.0, s["eta0"], s["k3"], schedule,
                                         **decay_params(schedule, s["end"], s["k3"], s["eta0"]))
            assert logs[-1, 0] < 0, schedule


def test_boundary_steps_that_the_sliders_can_hit_exactly():
    # eta0 = 2 (= 2/lambda: constant bounces, decaying runs hold then shrink), eta = 2/lambda,
    # frac = 1 (eta = 2/L exactly, which rounding must not turn into a finite step count)
    for params in ({"eta0": "2", "end": "0.5"}, {"eta0": "2", "end": "1"},
                   {"lam": "4", "eta": "0.5"}, {"frac": "1", "L": "49.5"},
                   {"eta0": "4", "end": "0.5", "k3": "10"}):
        check_page(params)


def test_random_settings():
    rng = np.random.default_rng(10)
    for _ in range(8):
        params = {
            "lam": round(rng.uniform(0.5, 10), 1), "eta": round(rng.uniform(0, 2) / 0.005) * 0.005,
            "x0": round(rng.uniform(-3, 3), 1), "k": int(rng.integers(1, 101)),
            "L": round(rng.uniform(1, 50) * 2) / 2, "mu": round(rng.uniform(0.1, 10), 1),
            "frac": round(rng.uniform(0.05, 1.2), 2), "k2": int(rng.integers(5, 201)),
            "eta0": round(rng.uniform(0.1, 4) / 0.05) * 0.05, "end": round(rng.uniform(0.01, 1), 2),
            "k3": int(rng.integers(10, 400)),
            **{key: bool(rng.integers(0, 2)) for key in DECAYING},
        }
        params = {k: round(v, 6) if isinstance(v, float) else v for k, v in params.items()}
        check_page(params)


def test_chinese_outcome_sentences_follow_the_same_choice():
    at = open_page(PAGE, {"lang": "zh", "eta0": "4", "end": "1"})
    body = texts(at)
    assert t("gd.regime.diverging", "zh") in body
    assert "在 10 步内" not in body and "60 步内学习率从未降到 2/λ 以下" in body
    peaks = at.dataframe[0].value[t("gd.c.col_peak", "zh")]
    assert peaks.str.endswith("（60）").all()
