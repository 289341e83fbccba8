"""The explanations page's outcome sentences agree with models recomputed here from core/: at
the defaults, at every preset, and with each slider at its minimum and maximum. The page's
rules (work budget, thresholds) are restated here, not imported."""

import functools
import math

import numpy as np
import pytest

from core import saliency as S
from core.datasets import make_dataset
from core.training import TrainConfig, train
from tests.apptest import open_page
from ui.controls import url_value
from ui.presets import PRESETS

PAGE = "pages/7_explanations.py"
DEFAULTS = {"data": "moons", "depth": 4, "width": 32, "gain": 2.0, "lr": 0.5, "steps": 400,
            "clip": False, "c": 1.0, "seed": 0}
SLIDERS = {"depth": (2, 8), "width": (8, 64), "gain": (0.5, 4.0), "lr": (0.01, 1.0),
           "steps": (100, 1000), "c": (0.1, 10.0), "seed": (0, 9999)}
REFERENCE = (1.0, 0.1, None)  # gain, learning rate, clipping of the reference model
POINTS, NOISE, BATCH, ARROWS = 400, 0.1, 64, 25
AGREE, PARTLY, SAME, EXACT, UNSURE = 0.7, 0.4, 0.05, 0.9999, 0.01


def steps_used(depth: int, width: int, steps: int) -> int:
    """The page's work budget: 3300 units of steps x depth x (1 + width^2 / 3000)."""
    return max(50, min(steps, int(3300 / (depth * (1 + width**2 / 3000)) // 50) * 50))


@functools.lru_cache(maxsize=16)
def data(name: str, seed: int):
    return make_dataset(name, POINTS, NOISE, seed)


@functools.lru_cache(maxsize=128)
def model(v: tuple, recipe: tuple, seed: int) -> dict:
    """One trained model (seed ``seed``, data of v's seed) and its saliency on the grid."""
    name, depth, width, steps, data_seed = v
    gain, lr, clip = recipe
    x, y = data(name, data_seed)
    result = train(TrainConfig(depth=depth, width=width, gain=gain, lr=lr, steps=steps,
                               batch_size=BATCH, grad_clip=clip, eval_every=steps, seed=seed),
                   (x, y))
    _, _, points = S.grid_points(*S.data_extent(x), ARROWS)
    params = (result.weights, result.biases)
    unit, log_norm = S.saliency(params, points, "relu")
    return {"result": result, "params": params, "points": points, "unit": unit,
            "log_norm": log_norm,
            "grad_log10": math.log10(result.grad_norm.max()) if result.steps_run else math.nan}


def agreement(v: tuple, recipe: tuple, seeds: tuple) -> tuple[float, float]:
    """(mean cosine of the two seeds' saliency directions, share of points compared)."""
    first, second = (model(v, recipe, s) for s in seeds)
    cosine, used = S.cosine_agreement(first["unit"], second["unit"])
    return cosine, used / len(first["unit"])


def compare(studied: float, reference: float) -> str:
    if abs(studied - reference) < SAME:
        return "same"
    return "below" if studied < reference else "above"


def view(params: dict):
    at = open_page(PAGE, {key: url_value(value) for key, value in params.items()})
    assert not at.exception, params
    return at, {**DEFAULTS, **params}


def body(at) -> str:
    return "\n".join(str(md.value) for md in at.markdown)


def check_sentences(at, v: dict) -> None:
    """Every outcome sentence of the page against the recomputed models."""
    text = body(at)
    steps = steps_used(v["depth"], v["width"], v["steps"])
    key = (v["data"], v["depth"], v["width"], steps, v["seed"])
    seeds = (v["seed"], v["seed"] + 1)
    studied_recipe = (float(v["gain"]), float(v["lr"]), float(v["c"]) if v["clip"] else None)
    studied = model(key, studied_recipe, seeds[0])
    reference = model(key, REFERENCE, seeds[0])

    # section 1: diverged or finished; flat where the saliency is zero
    diverged = studied["result"].diverged_at
    if diverged is not None:
        assert f"diverged at step {diverged}**" in text
    else:
        assert f"finished all {steps} steps" in text
    flat = float(np.mean(~np.isfinite(studied["log_norm"])))
    assert ("exactly zero on" in text) == (flat >= 0.5)

    # section 3: the studied model's seed agreement, and against the reference's
    ref_cos, _ = agreement(key, REFERENCE, seeds)
    stud_cos, used = agreement(key, studied_recipe, seeds)
    level = ("empty" if used < 0.5 else "agree" if stud_cos >= AGREE
             else "partly" if stud_cos >= PARTLY else "disagree")
    said = {"empty": "can hardly be compared", "agree": "two seeds agree:**",
            "partly": "agree only partly", "disagree": "two seeds disagree:**"}
    assert said[level] in text, (level, stud_cos, used)
    verdict = compare(stud_cos, ref_cos)
    assert {"below": "below the reference model's", "same": "about the same as the reference",
            "above": "above the reference model's"}[verdict] in text

    # section 4: the scaled copy of the reference
    gain = float(v["gain"])
    x, _ = data(v["data"], v["seed"])
    _, _, points = S.grid_points(*S.data_extent(x), ARROWS)
    if gain == 1:
        assert "the scaled model is the reference itself" in text
    else:
        checks, units = [], []
        for s in seeds:
            base = model(key, REFERENCE, s)
            scaled = S.scale_params(base["params"], gain)
            unit, _ = S.saliency(scaled, points, "relu")
            sign, _ = S.log10_margin(scaled, points, "relu")
            ref_sign, _ = S.log10_margin(base["params"], points, "relu")
            cosine, _ = S.cosine_agreement(base["unit"], unit)
            checks.append(cosine > EXACT and not np.any(sign != ref_sign))
            units.append(unit)
        scaled_cos, _ = S.cosine_agreement(*units)
        holds = all(checks) and f"{scaled_cos:.2f}" == f"{ref_cos:.2f}"
        assert ("Scaling alone does not scramble" in text) == holds
        if holds:
            p_ref = S.class1_probability(reference["params"], points, "relu")
            p_scaled = S.class1_probability(S.scale_params(reference["params"], gain), points,
                                            "relu")
            before = 100 * np.mean((p_ref > UNSURE) & (p_ref < 1 - UNSURE))
            after = 100 * np.mean((p_scaled > UNSURE) & (p_scaled < 1 - UNSURE))
            if f"{before:.0f}" == f"{after:.0f}":
                assert f"unsure region stays at {after:.0f}%" in text
            else:
                verb = "shrinks" if after < before else "grows"
                assert f"unsure region {verb} from {before:.0f}% to {after:.0f}%" in text
            assert ("A growing scale" in text) == (gain > 1)
            assert ("A shrinking scale" in text) == (gain < 1)

    # conclusion
    if v["clip"]:
        before, _ = agreement(key, (gain, float(v["lr"]), None), seeds)
        change = compare(before, stud_cos)
        assert {"below": "made the explanation more consistent", "same": "changed little here",
                "above": "less consistent here"}[change] in text
    else:
        exploded = diverged is not None or studied["grad_log10"] > reference["grad_log10"] + 1
        if level == "empty":
            verdict = "empty"
        elif verdict == "below" and exploded:
            verdict = "below_exploded"
        assert {"empty": "left a model with hardly any explanation",
                "below_exploded": "Training in this regime is what degrades",
                "below": "although its gradients did not explode",
                "same": "training did not degrade the explanation",
                "above": "are the more consistent ones"}[verdict] in text


def test_defaults():
    at, v = view({})
    for key, (low, high) in SLIDERS.items():
        assert (at.slider(key=key).min, at.slider(key=key).max) == (low, high), key
    check_sentences(at, v)


@pytest.mark.parametrize("name", list(PRESETS["explanations"]))
def test_presets(name):
    at, v = view(dict(PRESETS["explanations"][name]))
    check_sentences(at, v)


@pytest.mark.parametrize("key", list(SLIDERS))
def test_each_slider_at_its_ends(key):
    for value in SLIDERS[key]:
        at, v = view({key: value})
        check_sentences(at, v)


@pytest.mark.parametrize("gain", [0.5, 1.0, 3.0])
def test_clipping_verdict_at_a_few_gains(gain):
    at, v = view({"gain": gain, "clip": True})
    check_sentences(at, v)
