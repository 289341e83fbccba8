"""The training lab's outcome sentences agree with runs recomputed here from core/: at the
defaults, at every preset (the stories), with each slider at its minimum and maximum, and at a
few random settings. The page's configuration rules are restated here, not imported."""

import functools
import math
from dataclasses import replace

import numpy as np
import pytest

from core.classifier import forward, init_params, predict_proba
from core.datasets import make_dataset
from core.switches import Switch
from core.train_step import clip_params
from core.training import TrainConfig, train
from tests.apptest import open_page
from ui.controls import url_value
from ui.presets import PRESETS
from ui.tables.training import TABLE

PAGE = "pages/6_training_lab.py"
POINTS, NOISE, BATCH, MAX_WORK, MIN_STEPS = 400, 0.1, 64, 8_000_000, 20
SLIDERS = {"depth": (2, 16), "width": (4, 64), "gain": (0.1, 4.0), "steps": (50, 2000),
           "thr": (0.1, 10.0), "bthr": (0.1, 10.0), "seed": (0, 9999)}
LEARNT = 60.0


# ---------------------------------------------------------------- the runs, recomputed


def with_steps(config: TrainConfig, steps: int) -> TrainConfig:
    """The run at ``steps`` steps, evaluated about 100 times (at most every other step)."""
    return replace(config, steps=steps, eval_every=max(2, steps // 100))


def capped(config: TrainConfig) -> TrainConfig:
    """Steps cut to MAX_WORK units of steps x depth x max(width, 32)^2 (x1.5 with batch norm)."""
    per_step = config.depth * max(config.width, 32) ** 2 * (1.5 if config.batch_norm else 1.0)
    return with_steps(config, max(MIN_STEPS, min(config.steps, int(MAX_WORK // per_step))))


def configs_for(v: dict) -> dict[str, TrainConfig]:
    """Configurations A (and B) as the page's controls define them."""
    a = with_steps(TrainConfig(
        depth=v["depth"], width=v["width"], activation=v["act"], init=v["init"],
        gain=float(v["gain"]), lr=float(v["lr"]), steps=v["steps"], batch_size=BATCH,
        weight_clip=None if v["wc"] == "off" else float(v["wc"]),
        grad_clip=None if v["clip"] == "none" else float(v["thr"]),
        grad_clip_method="norm" if v["clip"] == "none" else v["clip"], seed=v["seed"],
        optimizer=v["opt"], schedule=v["sched"], batch_norm=v["bn"], residual=v["res"]),
        v["steps"])
    configs = {"A": a}
    if v["cmp"]:
        b, switch = a, v["bswitch"]  # the control a switch reuses waits for the switch step
        if v["bclip"] != "same" and switch != "clip_norm":
            b = replace(b, grad_clip=None if v["bclip"] == "none" else float(v["bthr"]),
                        grad_clip_method="norm" if v["bclip"] == "none" else v["bclip"])
        if v["blr"] != "same" and switch != "lower_lr":
            b = replace(b, lr=float(v["blr"]))
        for key, name in (("bsched", "schedule"), ("bopt", "optimizer"), ("binit", "init")):
            if v[key] != "same":
                b = replace(b, **{name: v[key]})
        for key, name in (("bbn", "batch_norm"), ("bres", "residual")):
            if v[key] != "same":
                b = replace(b, **{name: v[key] == "on"})
        if v["bwc"] != "same" and switch != "weight_clip":
            b = replace(b, weight_clip=None if v["bwc"] == "off" else float(v["bwc"]))
        value = {"none": None, "clip_norm": float(v["bthr"]),
                 "lower_lr": a.lr if v["blr"] == "same" else float(v["blr"]),
                 "weight_clip": None if v["bwc"] in ("same", "off") else float(v["bwc"])
                 }[switch]
        if value is not None:
            b = replace(b, switch=Switch(int(v["bat"]), switch, value))
        configs["B"] = b
    return {key: capped(config) for key, config in configs.items()}


@functools.lru_cache(maxsize=64)
def data(name: str, seed: int):
    return make_dataset(name, POINTS, NOISE, seed)


@functools.lru_cache(maxsize=64)
def run(config: TrainConfig, dataset: str):
    return train(config, data(dataset, config.seed))


def outcome(result) -> str:
    if result.divergence is not None:
        return "diverged"
    return "trained" if 100 * result.accuracy[-1] >= LEARNT else "stalled"


# ---------------------------------------------------------------- what the page shows


def view(params: dict) -> tuple:
    """(AppTest, the full control values) for a page opened with ``params``."""
    v = {**TABLE.defaults, **params}
    at = open_page(PAGE, {key: url_value(value) for key, value in params.items()})
    assert not at.exception, params
    return at, v


def status(at, key: str):
    """The status box of run A or B: (kind, text)."""
    for kind in ("error", "warning", "success"):
        for element in at.get(kind):
            if str(element.value).startswith(f"**{key}"):
                return kind, element.value
    raise AssertionError(f"no status for run {key}")


def assert_statuses_agree(at, v: dict) -> dict:
    """Each run's status sentence and box agree with the run recomputed from core/."""
    results = {}
    for key, config in configs_for(v).items():
        result = results[key] = run(config, v["data"])
        kind, text = status(at, key)
        expected = outcome(result)
        assert kind == {"diverged": "error", "stalled": "warning", "trained": "success"}[expected]
        if expected == "diverged":
            assert f"diverged at step {result.divergence.step}:" in text, text
        else:
            acc = 100 * result.accuracy[-1]
            assert f"accuracy {acc:.1f}%" in text, (text, acc)
            assert ("did not learn" in text) == (expected == "stalled"), text
            assert f"trained for {config.steps} steps" in text or expected == "stalled"
    return results


def story(at) -> str:
    stories = [info.value for info in at.info if str(info.value).startswith("**")]
    assert len(stories) <= 1
    return stories[0] if stories else ""


def assert_outcome_clause(text: str, results: dict) -> None:
    """"At these settings A diverges at step 4 and B reaches 100.0% accuracy.", per run."""
    for key, result in results.items():
        state = outcome(result)
        if state == "diverged":
            assert f"{key} diverges at step {result.divergence.step}" in text
        else:
            verb = "reaches" if state == "trained" else "stays at"
            assert f"{key} {verb} {100 * result.accuracy[-1]:.1f}% accuracy" in text


# ---------------------------------------------------------------- independent measures


def first_last_log10(result) -> float:
    norms = result.layer_grad_norms
    keep = (norms[:, 0] > 0) & (norms[:, -1] > 0)
    return float(np.median(np.log10(norms[keep, 0] / norms[keep, -1])))


def silent_step(result) -> int | None:
    """First step of the tail in which no hidden layer gets any gradient."""
    alive = [bool(np.any(row[:-1] > 0)) for row in result.layer_grad_norms]
    if alive[-1]:
        return None
    last = max((i for i, a in enumerate(alive) if a), default=-1)
    return last + 2


def spread_log10(config: TrainConfig, x: np.ndarray) -> tuple[float, float]:
    """(input, last hidden layer) mean over units of the std over the data, at step 0."""
    params = clip_params(init_params(config, 2, 2), config)
    activations = forward(params, x, config.activation, config.residual)[1]
    return tuple(math.log10(np.mean(np.std(a, axis=0))) for a in (activations[0],
                                                                    activations[-1]))


def check_story(name: str, text: str, v: dict, results: dict) -> None:
    """The numbers and the chosen sentences of a preset's story, recomputed."""
    configs = configs_for(v)
    a, b = results["A"], results.get("B")
    x, y = data(v["data"], v["seed"])
    assert_outcome_clause(text, results)
    if name == "exploding":
        assert f"= {v['gain'] ** 2:.3g}," in text  # He + ReLU: n Var[w] E[phi'^2] = gain^2
        assert f"{v['depth'] - 1} hidden ReLU layers" in text
        assert f"first global gradient norm is {a.grad_norm[0]:.3g}" in text
    elif name == "exploding_norm":
        assert f"B's first gradient norm is {b.grad_norm[0]:.3g}" in text
        assert f"on {int(b.clipped.sum())} of its {b.steps_run} steps" in text
    elif name == "lr_high":
        silent = silent_step(a)
        assert (f"From step {silent} on no hidden layer" in text) == (silent is not None)
        ones = float(np.mean(predict_proba(a, configs["A"], x)[:, 1] > 0.5))
        majority = max(ones, 1 - ones)
        assert (f"same class for {100 * majority:.0f}%" in text) == (majority >= 0.95)
    elif name == "lr_decay":
        steps = configs["B"].steps
        assert f"halved at step {math.ceil(steps / 20) + 1}" in text  # lr/(1 + 20 j/T) <= lr/2
        assert f"ends at {float(v['lr']) / (1 + 20 * (steps - 1) / steps):.3g}" in text
        said = "receive no gradient from step" in text
        assert said == (silent_step(a) is not None and silent_step(b) is None)
    elif name == "vanishing":
        assert f"{v['depth'] - 1} hidden sigmoid layers" in text
        assert f"about 10^{first_last_log10(a):.1f} of the last layer's" in text
        first = a.layer_grad_norms[:, 0]
        assert f"is {first[0]:.2g} at step 1 and {first[-1]:.2g} at the last step" in text
        spread_in, spread_out = spread_log10(configs["A"], x)
        fades = "The forward signal fades too" in text
        assert fades == (spread_out <= spread_in - 2)
        if fades:
            assert f"only 10^{spread_out:.1f} (the inputs: 10^{spread_in:.1f})" in text
    elif name in ("residual", "batch_norm"):
        assert f"about 10^{first_last_log10(b):.1f} of its last layer's gradient" in text
        assert f"A's about 10^{first_last_log10(a):.1f}" in text
        if name == "residual":
            assert f"({v['depth'] - 2} of its {v['depth'] - 1} hidden layers" in text
        else:
            spreads = [spread_log10(configs[k], x)[1] for k in ("B", "A")]
            assert "10^{:.1f} in B and 10^{:.1f} in A".format(*spreads) in text
    elif name == "weight_clip":
        c, width = float(v["bwc"]), v["width"]
        unclipped = init_params(configs["A"], 2, 2)[0][1:-1]
        clipped = clip_params(init_params(configs["B"], 2, 2), configs["B"])[0]
        norms = [np.linalg.norm(w, 2) for w in unclipped]
        at_c = np.mean(np.concatenate([np.abs(w).ravel() for w in clipped]) >= c)
        n_var = [np.mean([w.shape[1] * np.mean(w**2) for w in ws[1:-1]])
                 for ws in (init_params(configs["A"], 2, 2)[0], clipped)]
        assert f"c·√(mn) = {c * width:.2g}" in text and f"{min(norms):.2g}–{max(norms):.2g}" in text
        assert ("is not what changes the run" in text) == (c * width > max(norms))
        assert f"{100 * at_c:.0f}% of B's weights sit at ±c" in text
        assert f"falls from about {n_var[0]:.1f} to {n_var[1]:.1f}" in text
        assert f"n·c² = {width * c * c:.2g}" in text
    elif name == "switch_clip":
        assert f"{v['depth'] - 1} hidden ReLU layers" in text and "rate 0.3;" in text
        assert a.loss[-1] > a.loss.min()  # "its loss climbs until the run diverges"
        early = int(np.sum(a.eval_steps <= v["bat"]))  # "B is the very same run until ..."
        assert early > 10 and np.array_equal(b.loss[:early], a.loss[:early])


# ---------------------------------------------------------------- the tests


def test_defaults_say_what_the_run_did():
    at, v = view({})
    for key, (low, high) in SLIDERS.items():
        assert (at.slider(key=key).min, at.slider(key=key).max) == (low, high), key
    assert_statuses_agree(at, v)
    assert story(at) == ""  # the defaults are no preset: no story


@pytest.mark.parametrize("name", list(PRESETS["training"]))
def test_each_preset_story_follows_the_runs(name):
    at, v = view(dict(PRESETS["training"][name]))
    results = assert_statuses_agree(at, v)
    text = story(at)
    assert text, name
    check_story(name, text, v, results)
    states = {key: outcome(result) for key, result in results.items()}
    if name in ("lr_decay", "residual", "batch_norm", "weight_clip", "exploding_norm"):
        assert states["A"] != "trained" and states["B"] == "trained"  # the label says: rescues
    if name.startswith("exploding") or name == "weight_clip":
        assert states["A"] == "diverged"  # labelled "Exploding"
    if name == "vanishing":
        assert first_last_log10(results["A"]) < -3  # labelled "Vanishing"


@pytest.mark.parametrize("key", list(SLIDERS))
def test_each_slider_at_its_ends(key):
    for value in SLIDERS[key]:
        at, v = view({key: value})
        assert_statuses_agree(at, v)
        assert story(at) == ""


def random_settings(rng: np.random.Generator) -> dict:
    """A random view with configuration B switched on (kept short: at most 200 steps)."""
    pick = lambda options: options[rng.integers(len(options))]  # noqa: E731
    return {"data": pick(["moons", "spirals", "circles", "xor"]), "depth": int(rng.integers(2, 9)),
            "width": 4 * int(rng.integers(1, 9)), "act": pick(["relu", "tanh", "sigmoid"]),
            "init": pick(["he", "xavier", "lecun"]), "gain": round(float(rng.uniform(0.5, 3)), 1),
            "opt": pick(["sgd", "momentum", "adam"]), "lr": pick(["0.01", "0.1", "1", "3"]),
            "steps": 50 * int(rng.integers(1, 5)), "clip": pick(["none", "norm", "value"]),
            "seed": int(rng.integers(0, 100)), "cmp": True, "bclip": pick(["same", "norm"]),
            "blr": pick(["same", "0.01"]), "bbn": pick(["same", "on"]),
            "bres": pick(["same", "on"])}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_settings(seed):
    at, v = view(random_settings(np.random.default_rng(seed)))
    assert_statuses_agree(at, v)


# ---------------------------------------------------------------- a mid-run switch


def switch_box(at) -> str:
    boxes = [i.value for i in at.info if i.proto.icon == ":material/swap_horiz:"]
    assert len(boxes) <= 1
    return boxes[0] if boxes else ""


def g3(value: float) -> str:
    return f"{value:.3g}"


@pytest.mark.parametrize("params", [
    {"data": "circles", "depth": 8, "opt": "momentum", "lr": "0.3", "steps": 200, "cmp": True,
     "bswitch": "clip_norm", "bat": 40, "bthr": 0.2},
    {"data": "circles", "depth": 8, "opt": "momentum", "lr": "0.3", "steps": 200, "cmp": True,
     "bswitch": "lower_lr", "bat": 70, "blr": "0.03", "bclip": "same"},
    {"steps": 100, "cmp": True, "bswitch": "weight_clip", "bat": 20, "bwc": "0.1"},
    {"steps": 100, "cmp": True, "bswitch": "lower_lr", "bat": 150, "blr": "0.01"},
    {"data": "circles", "depth": 8, "opt": "momentum", "lr": "0.3", "steps": 200, "cmp": True,
     "bswitch": "clip_norm", "bat": 120, "bclip": "same"},
    {"data": "circles", "depth": 8, "opt": "momentum", "lr": "0.3", "steps": 200, "cmp": True,
     "bswitch": "lower_lr", "bat": 70, "blr": "1", "bclip": "same"},
])
def test_the_switch_sentences_follow_the_run_recomputed(params):
    at, v = view(params)
    results = assert_statuses_agree(at, v)
    configs = configs_for(v)
    a, b, cb = results["A"], results["B"], configs["B"]
    text, at_step = switch_box(at), v["bat"]
    assert text
    same = replace(cb, switch=None) == configs["A"]
    if b.steps_run < at_step:  # the switch never acted
        if b.divergence is not None:
            assert f"B diverged at step {b.divergence.step}, before its switch" in text
        else:
            assert f"comes after its last step ({b.steps_run})" in text
        assert "At step" not in text
        return
    assert text.startswith(f"Until step {at_step} B's curves are exactly A's") == same
    if same:  # and they are: every record before the switch step is A's
        n = at_step - 1
        assert np.array_equal(a.grad_norm[:n], b.grad_norm[:n])
        assert np.array_equal(a.batch_loss[:n], b.batch_loss[:n])
    grad_at = g3(b.grad_norm[at_step - 1])
    if v["bswitch"] == "clip_norm":
        clipped = int(np.sum(b.grad_norm[at_step - 1:] > v["bthr"]))
        assert (f"clipping by norm at {v['bthr']:g}: its gradient norm at that step was "
                f"{grad_at}, and clipping changed the gradient on {clipped} of its "
                f"{b.steps_run - at_step + 1} steps") in text
    elif v["bswitch"] == "lower_lr":
        assert (f"learning rate went from {g3(b.lr[at_step - 2])} to {float(v['blr']):g}; "
                f"its gradient norm at that step was {grad_at}") in text
    else:
        share = b.at_clip[at_step - 1]
        assert f"after that step {100 * share:.0f}% of its weights sat at ±{v['bwc']}" in text
    loss_at = b.loss[b.eval_steps <= at_step][-1]
    if b.divergence is not None:
        assert f"B still diverged, at step {b.divergence.step}." in text
    elif b.loss[-1] < loss_at:
        assert f"B's loss fell from {g3(loss_at)} just before the switch to {g3(b.loss[-1])}" \
            in text
    else:
        assert f"B's loss went from {g3(loss_at)}" in text and "did not bring it down" in text
