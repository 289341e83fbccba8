"""The clipping page's outcome sentences agree with the numbers, at every setting we can reach.

Each sentence that states an outcome is one of several string keys; the page picks one from its
numbers. These tests recompute the outcome independently (closed forms, or core's primitives:
the MLP gradient, clip_grad_value, the cliff's gradient) and check that exactly the right key
is shown, with numbers that match. Settings: the defaults, every preset, every slider at its
minimum and maximum, each method hidden, and a few random settings.
"""

import math
import re

import numpy as np
import pytest

from core.cliff import CLIFF_REGION, A, B, M, cliff_gradient, cliff_trajectory
from core.clip_effects import mlp_gradients, value_threshold_for_norm
from core.clipping import clip_grad_value, global_norm
from tests.apptest import chart_frames, charts, open_page, texts
from ui.i18n import STRINGS
from ui.presets import PRESETS

PAGE = "pages/2_gradient_clipping.py"
SLIDERS = {  # key: (min, max), as the page declares them (checked below)
    "mag": (0.1, 5.0), "ang": (-180, 180), "thr": (0.1, 5.0), "depth": (2, 40),
    "width": (8, 64), "gain": (0.5, 3.0), "keep": (1, 99), "seed": (0, 9999),
    "ct": (0.1, 10.0), "lr": (0.05, 2.0), "steps": (1, 200), "w1": (-5.0, 5.0),
    "w2": (-2.5, 4.5),
}
METHODS = ("none", "value", "norm")
VALLEY = math.hypot(A, B)  # |h'| < 1: off the cliff no gradient is longer
(X0, X1), (Y0, Y1) = CLIFF_REGION


def url(settings: dict) -> dict[str, str]:
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in settings.items()}


DEFAULTS = PRESETS["clipping"]["clipping_saves_cliff"]  # this preset is the page's defaults
SETTINGS = (
    [pytest.param({}, id="defaults")]
    + [pytest.param(url(p), id=f"preset-{name}") for name, p in PRESETS["clipping"].items()
       if p != DEFAULTS]
    + [pytest.param({key: str(end)}, id=f"{key}-{which}") for key, ends in SLIDERS.items()
       for which, end in zip(("min", "max"), ends, strict=True) if end != DEFAULTS[key]]
    + [pytest.param({m: "false"}, id=f"hide-{m}") for m in METHODS]
    + [pytest.param({"ang": "75"}, id="one-component-capped"),
       pytest.param({"depth": "2", "width": "8", "gain": "0.5", "keep": "1"}, id="small-net"),
       pytest.param({"depth": "2", "gain": "1.0"}, id="value-widens-the-layers"),
       pytest.param({"ct": "1.0"}, id="value-leaves-steps-above-the-line")]
)


def random_settings(n: int, seed: int = 2024) -> list[dict[str, str]]:
    """``n`` settings with every slider drawn uniformly from its range (on a 0.1 grid)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        params = {}
        for key, (low, high) in SLIDERS.items():
            if isinstance(low, int):
                params[key] = str(int(rng.integers(low, high + 1)))
            else:
                params[key] = f"{round(rng.uniform(low, high) / 0.05) * 0.05:.2f}"
        out.append(params)
    return out


# ---------------------------------------------------------------- reading sentences


NUMBER = r"([-+−]?\d[\d.]*(?:e[-+]?\d+)?)"  # 3, -0.24, +3.72, 1.64e5, 1.39e-3


def _pattern(key: str, lang: str) -> tuple[re.Pattern, list[str]]:
    """A regex for string ``key``: a number per placeholder (any text for a method name)."""
    template = STRINGS[key][lang]
    names = re.findall(r"\{(\w+)[^}]*\}", template)
    parts = [re.escape(part) for part in re.split(r"\{\w+[^}]*\}", template)]
    regex = parts[0]
    for name, part in zip(names, parts[1:], strict=True):
        regex += ("(.+?)" if name == "method" else NUMBER) + part
    return re.compile(regex), names


def shown(key: str, body: str | None, lang: str = "en") -> list[dict[str, str]]:
    """Every occurrence of string ``key`` in ``body``, as {placeholder: text}."""
    if body is None:
        return []
    regex, names = _pattern(key, lang)
    return [dict(zip(names, m.groups(), strict=True)) for m in regex.finditer(body)]


def number(text: str) -> float:
    return float(text.replace("−", "-").rstrip("°%"))


def only(body: str | None, expected: str, variants: list[str], lang: str = "en",
         seen: set | None = None) -> dict[str, str]:
    """Exactly ``expected`` of ``variants`` is shown, once; returns its placeholders.

    With ``body`` None nothing is checked: ``expected`` is only recorded in ``seen``.
    """
    if seen is not None:
        seen.add(expected)
    if body is None:
        return {}
    for key in variants:
        found = shown(key, body, lang)
        if key == expected:
            assert len(found) == 1, (expected, found)
        else:
            assert not found, f"{key} shown, expected {expected}"
    return shown(expected, body, lang)[0]


def page(params: dict[str, str], lang: str = "en"):
    at = open_page(PAGE, {**params, **({"lang": lang} if lang != "en" else {})})
    assert not at.exception, at.exception
    values = {key: at.slider(key=key).value for key in SLIDERS}
    values.update({m: at.checkbox(key=m).value for m in METHODS})
    return at, values


# ---------------------------------------------------------------- (a) one vector


def check_geometry(body: str | None, s: dict, lang: str, seen=None) -> None:
    g = s["mag"] * np.array([math.cos(math.radians(s["ang"])), math.sin(math.radians(s["ang"]))])
    t = s["thr"]
    capped = int(np.sum(np.abs(g) > t))
    clipped = np.clip(g, -t, t)
    cos = np.dot(g, clipped) / (np.linalg.norm(g) * np.linalg.norm(clipped))
    angle = math.degrees(math.acos(min(1.0, cos)))
    if capped == 0:
        key = "cl.a.caption.inside"
    elif angle <= 0.005:
        key = "cl.a.caption.kept"
    else:
        key = "cl.a.caption.bent_both" if capped == 2 else "cl.a.caption.bent_one"
    got = only(body, key, ["cl.a.caption.inside", "cl.a.caption.kept", "cl.a.caption.bent_one",
                           "cl.a.caption.bent_both"], lang, seen)
    if "angle" in got:
        assert number(got["angle"]) == pytest.approx(angle, abs=0.011)
    shorter = s["mag"] > t  # ||g|| > c: the only case clipping by norm changes the arrow
    got = only(body, "cl.a.caption.norm_short" if shorter else "cl.a.caption.norm_kept",
               ["cl.a.caption.norm_short", "cl.a.caption.norm_kept"], lang, seen)
    if not got:
        return
    assert number(got["before"]) == pytest.approx(s["mag"], rel=5e-3)
    if shorter:
        assert number(got["after"]) == pytest.approx(t, rel=5e-3)
        assert number(got["after"]) < number(got["before"])


# ---------------------------------------------------------------- (b) a deep network


def check_network(body: str | None, s: dict, lang: str, seen=None) -> None:
    depth, ratio = s["depth"], s["keep"] / 100
    weight_grads, bias_grads = mlp_gradients(depth, s["width"], s["gain"], s["seed"])
    grads = weight_grads + bias_grads
    flat = np.concatenate([g.ravel() for g in grads])
    zeros = int(np.sum(flat == 0))
    v = value_threshold_for_norm(grads, ratio * global_norm(grads))
    before = np.log10([np.linalg.norm(g) for g in grads])
    after = np.log10([np.linalg.norm(g) for g in clip_grad_value(grads, v)])

    # The histogram moves left by |log10 ratio| decades: a magnitude, never negative.
    decades = -math.log10(ratio)
    got = only(body, "cl.b.hist.caption", ["cl.b.hist.caption"], lang, seen)
    if got:
        assert number(got["shift"]) == pytest.approx(decades, abs=0.006)
        assert number(got["shift"]) >= 0
    if zeros:
        got = only(body, "cl.b.hist.zeros", ["cl.b.hist.zeros"], lang, seen)
        assert not got or (int(got["zeros"]), int(got["size"])) == (zeros, flat.size)
    else:
        assert not shown("cl.b.hist.zeros", body, lang)

    got = only(body, "cl.b.spread", ["cl.b.spread"], lang, seen)
    if got:
        assert number(got["weight"]) == pytest.approx(np.ptp(before[:depth]), abs=0.006)
        assert number(got["bias"]) == pytest.approx(np.ptp(before[depth:]), abs=0.006)

    got = only(body, "cl.b.layers.norm", ["cl.b.layers.norm"], lang, seen)
    assert not got or number(got["shift"]) == pytest.approx(decades, abs=0.006)
    removed = before - after
    even = np.ptp(removed) < 0.005
    got = only(body, "cl.b.layers.value_even" if even else "cl.b.layers.value_uneven",
               ["cl.b.layers.value_even", "cl.b.layers.value_uneven"], lang, seen)
    assert not got or number(got["most"]) == pytest.approx(removed.max(), abs=0.006)
    untouched = (before == after).reshape(2, depth).sum(axis=1)
    if untouched.any():
        got = only(body, "cl.b.layers.untouched", ["cl.b.layers.untouched"], lang, seen)
        assert not got or (int(got["weights"]), int(got["biases"])) == tuple(untouched)
    else:
        assert not shown("cl.b.layers.untouched", body, lang)
    spread_before, spread_after = np.ptp(before), np.ptp(after)
    spreads = ["cl.b.layers.narrows", "cl.b.layers.widens"]
    if even or round(spread_before, 2) == round(spread_after, 2):
        assert not any(shown(key, body, lang) for key in spreads)
    else:
        narrows = spread_after < spread_before
        got = only(body, spreads[0] if narrows else spreads[1], spreads, lang, seen)
        if got:
            assert number(got["before"]) == pytest.approx(spread_before, abs=0.006)
            assert number(got["after"]) == pytest.approx(spread_after, abs=0.006)


# ---------------------------------------------------------------- (c) the cliff


def check_cliff(at, body: str | None, s: dict, lang: str, seen=None) -> None:
    methods = [m for m in METHODS if s[m]]
    if not methods:
        return
    thr = s["ct"]
    runs = {m: cliff_trajectory((s["w1"], s["w2"]), s["lr"], s["steps"], m, thr)
            for m in methods}
    norms = {m: np.linalg.norm(cliff_gradient(r.path[:-1]), axis=-1) for m, r in runs.items()}

    # Which steps are clipped: the sentences' claims, checked on the plotted dots.
    if at is not None:
        steps = next(f for f in chart_frames(next(c for c in charts(at) if "grad_norm" in
                                                   c.proto.spec)) if "clipped" in f.columns)
        if "norm" in methods:
            rows = steps[steps.method == "norm"]
            assert (rows.clipped == (rows.grad_norm > thr)).all()  # exactly the steps above
            assert shown("cl.c.steps.norm", body, lang)
        if "value" in methods:
            rows = steps[steps.method == "value"]
            assert (rows[rows.clipped].grad_norm > thr).all()  # its dots sit above the line
    if "value" in methods:
        g = cliff_gradient(runs["value"].path[:-1])
        n = int(np.sum((norms["value"] > thr) & ~(np.abs(g).max(axis=-1) > thr)))
        keys = ["cl.c.steps.value_unclipped", "cl.c.steps.value_all"]
        got = only(body, keys[0] if n else keys[1], keys, lang, seen)
        assert not got or not n or int(got["n"]) == n

    # The spike: only when some gradient is steeper than anything off the cliff.
    peaks = {m: norms[m].max() for m in methods if norms[m].size}
    if peaks:
        top = max(peaks, key=peaks.get)
        spike = peaks[top] > VALLEY
        keys = ["cl.c.steps.spike", "cl.c.steps.no_spike"]
        got = only(body, keys[0] if spike else keys[1], keys, lang, seen)
        assert not got or number(got["peak"]) == pytest.approx(peaks[top], rel=6e-3)
        if got and spike:
            k = int(np.argmax(norms[top]))
            path = runs[top].path
            assert int(got["step"]) == k
            assert number(got["move"]) == pytest.approx(np.linalg.norm(path[k + 1] - path[k]),
                                                        rel=6e-3)

    # Where each path went: "left the region" exactly when a point lies outside it.
    if body is None:
        seen |= {"cl.c.left", "cl.c.ended"} if seen is not None else set()
        return
    left = shown("cl.c.left", body, lang)
    ended = shown("cl.c.ended", body, lang)
    exits = {}
    for m, run in runs.items():
        p = run.path
        outside = np.flatnonzero((p[:, 0] < X0) | (p[:, 0] > X1) | (p[:, 1] < Y0) | (p[:, 1] > Y1))
        exits[m] = int(outside[0]) if outside.size else None
    assert sorted(int(g["step"]) for g in left) == sorted(k for k in exits.values()
                                                          if k is not None)
    inside_ends = sorted(math.hypot(r.path[-1][0] - M, r.path[-1][1])
                         for m, r in runs.items() if exits[m] is None)
    assert len(ended) == len(inside_ends)
    for got, dist in zip(sorted(ended, key=lambda g: number(g["dist"])), inside_ends,
                         strict=True):
        assert number(got["dist"]) == pytest.approx(dist, abs=0.006)


def check_page(params: dict[str, str], lang: str = "en") -> None:
    at, s = page(params, lang)
    body = texts(at)
    check_geometry(body, s, lang)
    check_network(body, s, lang)
    check_cliff(at, body, s, lang)


@pytest.mark.parametrize("params", SETTINGS)
def test_outcome_sentences_agree_with_the_numbers(params):
    check_page(params)


@pytest.mark.parametrize("params", [
    pytest.param({}, id="defaults"),
    pytest.param({"thr": "5.0", "mag": "0.1", "gain": "0.5", "ct": "10.0", "lr": "2.0"},
                 id="extremes"),
])
def test_outcome_sentences_agree_in_chinese(params):
    check_page(params, "zh")


@pytest.mark.parametrize("params", random_settings(3), ids=lambda p: "random")
def test_outcome_sentences_agree_at_random_settings(params):
    check_page(params)


def test_the_slider_ranges_above_are_the_page_s():
    at, _ = page({})
    for key, (low, high) in SLIDERS.items():
        slider = at.slider(key=key)
        assert (slider.min, slider.max) == (low, high), key


def test_the_settings_above_reach_every_variant_of_every_outcome_sentence():
    """The settings above are not vacuous: each variant is the expected one somewhere."""
    _, defaults = page({})
    seen: set[str] = set()
    for params in [p.values[0] for p in SETTINGS] + random_settings(3):
        s = {**defaults, **{key: (value == "true") if key in METHODS else
                            type(defaults[key])(float(value)) for key, value in params.items()}}
        check_geometry(None, s, "en", seen)
        check_network(None, s, "en", seen)
        check_cliff(None, None, s, "en", seen)
    variants = {"cl.a.caption.inside", "cl.a.caption.kept", "cl.a.caption.bent_one",
                "cl.a.caption.bent_both", "cl.a.caption.norm_short", "cl.a.caption.norm_kept",
                "cl.b.hist.zeros", "cl.b.layers.value_uneven", "cl.b.layers.untouched",
                "cl.b.layers.narrows", "cl.b.layers.widens", "cl.c.steps.value_unclipped",
                "cl.c.steps.value_all", "cl.c.steps.spike", "cl.c.steps.no_spike"}
    assert variants <= seen, variants - seen  # (value_even: no reachable setting shows it)
