"""Every walkthrough sentence holds at its scene's preset, checked against core/ directly.

A scene names one fixed setting (its preset), so a sentence's outcome words are checked here,
at that setting, by an independent computation: simulated networks where the sentence quotes
theory, closed forms where it quotes a simulation, and real training runs where it says a run
diverges or trains. The numbers it quotes must appear as computed.
"""

import math
from dataclasses import replace

import numpy as np
import pytest

from core import ensemble, profiles, remedies, weight_bounds
from core.cliff import M, cliff_trajectory
from core.datasets import make_dataset
from core.schedules import schedule_rates
from core.training import TrainConfig, train
from tests.apptest import open_page
from ui.presets import PRESETS, SCENES

PAGE = "pages/8_walkthrough.py"
STABLE = 1.0  # decades: the app's stable band


@pytest.fixture(scope="module")
def sentences() -> dict[tuple[str, str], str]:
    """Each scene's sentence as the page shows it (English)."""
    at = open_page(PAGE)
    shown = {}
    for number, scene in enumerate(SCENES, start=1):
        at.slider(key="scene").set_value(number).run()
        assert not at.exception
        shown[scene] = at.info[0].value
    return shown


def simulated_growth(p: dict, act: str, gain: float) -> float:
    """Median growth of the chain-rule page's network, simulated (4 inputs per network)."""
    run = ensemble.measure_layers(p["depth"], p["width"], act, p["init"], gain, p["samples"],
                                  4, p["seed"])
    return profiles.median_total_growth(run.grad)


def column(p: dict, side: str, depth: int | None = None) -> dict:
    """One explosion column at the preset: median growth and median log10 clip factor."""
    fix = remedies.Remedies(p[f"{side}_good"], p[f"{side}_bn"], p[f"{side}_res"],
                            p["max_norm"] if p[f"{side}_clip"] else None)
    run = remedies.simulate_remedies(p[f"{side}_act"], p[f"{side}_init"], p[f"{side}_gain"],
                                     depth or p[f"{side}_depth"], p["width"], fix, 8, 32,
                                     p["seed"])
    growth = remedies.growth_per_example(run["input"]).ravel()
    return {"growth": float(np.median(growth[np.isfinite(growth)])), "run": run}


def regime(growth: float) -> str:
    return "vanishing" if growth < -STABLE else "exploding" if growth > STABLE else "stable"


def check_chain_rule(preset: str, p: dict, text: str) -> None:
    growth = simulated_growth(p, p["act"], p["gain"])
    if preset == "healthy":
        assert regime(growth) == "stable" and "keeps its size" in text
    elif preset in ("exploding", "relu_not_the_cause"):
        assert regime(growth) == "exploding" and "explo" in text
        quoted = float(text.split(" decades")[0].split()[-1])
        assert abs(quoted - growth) < 0.5, (quoted, growth)  # theory vs simulated median
        if preset == "relu_not_the_cause":
            assert p["act"] == "linear" and p["init"] == "he"
    elif preset == "vanishing":
        # "at least X decades smaller in root mean square": the simulated RMS ratio
        grad = run_grad(p)
        rms = [profiles.log10_mean_of_powers(2 * g) / 2 for g in (grad[0], grad[-1])]
        at_least = p["depth"] * math.log10(4.0)  # (1/16)^(L/2) at n Var[w] = 1
        assert f"at least {at_least:.1f} decades smaller" in text
        assert rms[0] - rms[1] <= -at_least + 0.1 and regime(growth) == "vanishing"


def run_grad(p: dict) -> np.ndarray:
    return ensemble.measure_layers(p["depth"], p["width"], p["act"], p["init"], p["gain"],
                                   p["samples"], 4, p["seed"]).grad


def check_explosion(preset: str, p: dict, text: str) -> None:
    left, right = column(p, "l"), column(p, "r")
    quoted = {"left": f"{left['growth']:+.1f}", "right": f"{right['growth']:+.1f}"}
    named = ("left", "right")
    if preset == "defaults":
        assert (regime(left["growth"]), regime(right["growth"])) == ("vanishing", "exploding")
    elif preset == "bn_rescues_vanishing":
        before = column(PRESETS["explosion"]["defaults"], "l")["growth"]
        assert regime(before) == "vanishing" and regime(left["growth"]) != "vanishing"
        assert f"{before:+.1f} → {quoted['left']}" in text
        named = ("left",)
    elif preset == "bn_alone_explodes_relu":
        assert p["l_act"] == p["r_act"] == "relu" and p["r_bn"] and not p["l_bn"]
        assert (regime(left["growth"]), regime(right["growth"])) == ("stable", "exploding")
    elif preset == "residual_rescues":
        assert regime(left["growth"]) == regime(right["growth"]) == "stable"
        deep = column(p, "r", remedies.DEPTH_CURVE[-1])["growth"]
        assert deep > right["growth"] + STABLE and regime(deep) == "exploding"
        assert f"reaches {deep:+.1f} decades" in text
    elif preset == "clipping_only_caps":
        for side, result in (("sigmoid", left), ("ReLU", right)):
            shift = result["run"]["weight"] - result["run"]["clipped"]
            assert np.allclose(shift, shift[0]) and np.all(shift > 0)  # same shift, every layer
            assert f"{float(np.median(shift[0])):.1f} for the {side} network" in text
        return
    for name in named:
        assert f"({quoted[name]}" in text or f"{quoted[name]} " in text, name


def check_clipping(preset: str, p: dict, text: str) -> None:
    if preset == "value_bends_direction":
        g = p["mag"] * np.array([math.cos(math.radians(p["ang"])),
                                 math.sin(math.radians(p["ang"]))])
        clipped = np.clip(g, -p["thr"], p["thr"])
        turn = math.degrees(abs(math.atan2(clipped[1], clipped[0]) - math.atan2(g[1], g[0])))
        assert turn > 1 and f"by {turn:.0f}°" in text
    elif preset == "clipping_saves_cliff":
        runs = {m: cliff_trajectory((p["w1"], p["w2"]), p["lr"], p["steps"], m, p["ct"])
                for m in ("none", "value", "norm")}
        jumps = {m: np.linalg.norm(np.diff(r.path, axis=0), axis=1).max() for m, r in runs.items()}
        bound = p["lr"] * p["ct"] * math.sqrt(2)  # a value-clipped step is at most this long
        assert jumps["none"] > 10 * bound and max(jumps["value"], jumps["norm"]) <= bound
        for m in ("value", "norm"):
            assert np.linalg.norm(runs[m].path[-1] - [M, 0]) < 0.1, m  # reaches the minimum


def check_weight_clipping(preset: str, p: dict, text: str) -> None:
    shown = weight_bounds.clipped_weights(p["c"], p["depth"], p["width"], p["gain"], p["seed"])
    share = shown["at_bound_percent"] / 100  # the weight clipping page's own count
    assert share > 0.9 and f"{share:.0%} of the weights" in text  # "almost every" weight
    ratios = weight_bounds.gradient_ratios(p["c"], p["depth"], p["width"], p["gain"], p["act"],
                                           p["seed"])
    assert weight_bounds.median_at_input(ratios) < -24  # "dozens of decades"
    run = train(TrainConfig(depth=4, width=32, steps=300, batch_size=64, lr=0.1, eval_every=5,
                            gain=p["gain"], weight_clip=p["c"], seed=p["seed"]),
                make_dataset(p["data"], 400, 0.1, p["seed"]))
    assert abs(run.loss[-1] - run.loss[0]) < 1e-3 and abs(run.loss[-1] - math.log(2)) < 1e-3


def training_pair(p: dict, **b_changes) -> tuple:
    """Runs A and B of the training page at preset ``p`` (B differs by ``b_changes``)."""
    a = TrainConfig(depth=p["depth"], width=p["width"], activation=p["act"], init=p["init"],
                    gain=p["gain"], lr=float(p["lr"]), steps=p["steps"], batch_size=64,
                    optimizer=p["opt"], eval_every=5, seed=p["seed"])
    data = make_dataset(p["data"], 400, 0.1, p["seed"])
    return train(a, data), train(replace(a, **b_changes), data)


def check_training(preset: str, p: dict, text: str) -> None:
    if preset == "exploding_norm":
        a, b = training_pair(p, grad_clip=p["bthr"])
        assert a.diverged_at is not None and a.diverged_at <= 10  # "within a few steps"
        assert b.diverged_at is None and b.accuracy[-1] >= 0.9  # "and it trains"
    elif preset == "residual":
        a, b = training_pair(p, residual=True)
        first, last = a.layer_grad_norms[0, 0], a.layer_grad_norms[0, -1]
        assert a.accuracy[-1] <= 0.6 and first < 1e-4 * last  # barely learns, no gradient
        assert b.accuracy[-1] >= 0.9  # the same network trains


def check_descent(preset: str, p: dict, text: str) -> None:
    factor = 1 - p["eta"] * p["lam"]
    if preset == "oscillating":
        assert 1 / p["lam"] < p["eta"] < 2 / p["lam"] and -1 < factor < 0
        assert f"here {factor:+.3g} at η" in text
    elif preset == "lr_past_2_over_lambda":
        x_k = p["x0"] * factor ** p["k"]
        assert abs(factor) > 1 and f"to {x_k:.3g} after {p['k']} steps" in text
    elif preset == "decay_rescues":
        lam, x0 = 1.0, 1.0  # the descent page's section (c): f(x) = x^2 / 2 from x = 1
        assert p["eta0"] > 2 / lam and abs(1 - p["eta0"] * lam) > 1  # constant diverges
        rates = schedule_rates(p["eta0"], p["k3"], "exponential", p["end"])
        x = x0 * np.cumprod(1 - rates * lam)
        peak = int(np.argmax(np.abs(x)))
        assert rates[-1] < 2 / lam and 0 < peak < len(x) - 1  # it turns around ...
        assert abs(x[-1]) < 1e-3 * abs(x[peak])  # ... and converges
        assert f"decay exponentially to {rates[-1]:.3g}" in text


CHECKS = {"chain_rule": check_chain_rule, "explosion": check_explosion,
          "clipping": check_clipping, "weight_clipping": check_weight_clipping,
          "training": check_training, "descent": check_descent}


@pytest.mark.parametrize("scene", SCENES, ids=[f"{a}.{b}" for a, b in SCENES])
def test_scene_sentence_holds_at_its_preset(scene, sentences):
    page_id, preset_id = scene
    text = sentences[scene]
    assert "{" not in text  # every placeholder filled
    check = CHECKS.get(page_id)
    if check is None:  # explanations: the sentence defers the outcome to the page's numbers
        assert "the page" in text.lower()
        return
    check(preset_id, PRESETS[page_id][preset_id], text)


def test_chinese_scenes_are_filled_and_use_the_terms():
    at = open_page(PAGE, {"lang": "zh", "scene": "8"})
    text = at.info[0].value
    assert text.startswith("**讲解词：**") and "{" not in text and "残差连接" in text
