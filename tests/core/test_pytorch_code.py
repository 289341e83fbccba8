"""The "Copy as PyTorch" scripts: they compile for every page's defaults, presets and random
settings, and, where torch is importable, they run and print the page's number.

Comparisons: clipping of the 2-D gradient exactly (rel 1e-9: the same vector, the same rules);
random networks statistically, since torch draws other networks than core: the script's median
over its runs must lie in the 10-90% band of core's runs of the same setting (more runs on
core's side: its empirical band is close to the true one). The median of n >= 32 runs falls
outside the true 10-90% band only if at least n/2 runs do, with probability below 1e-8
(binomial, p = 0.1). Training by outcome (diverged, learnt or stalled), since the data and
initial weights differ.
"""

import contextlib
import io
import math
import random

import numpy as np
import pytest

from core import lab, pytorch_code, remedies, switches, weight_bounds
from core.clip_effects import deep_gradient_summary
from core.clipping import clip_2d_measures
from core.ensemble import measure_layers
from core.pytorch_training_code import training_code
from ui.control_table import Select, Slider, Toggle
from ui.presets import PRESETS
from ui.tables import chain_rule, clipping, explosion, training, weight_clipping

TABLES = {"chain_rule": chain_rule.TABLE, "clipping": clipping.TABLE,
          "weight_clipping": weight_clipping.TABLE, "explosion": explosion.TABLE,
          "training": training.TABLE}
GENERATORS = {"chain_rule": lambda v: pytorch_code.chain_rule_code(v, chain_rule.BATCH),
              "clipping": pytorch_code.clipping_code,
              "weight_clipping": pytorch_code.weight_clipping_code,
              "explosion": pytorch_code.explosion_code, "training": training_code}


def random_settings(table, rng: random.Random) -> dict:
    """Every control of ``table`` at a random value it can take."""
    values = {}
    for key, control in table.controls.items():
        if isinstance(control, Slider):
            steps = round((control.high - control.low) / control.grid_step)
            value = control.low + rng.randint(0, steps) * control.grid_step
            values[key] = int(value) if control.integer else round(value, 10)
        elif isinstance(control, Select):
            values[key] = rng.choice(list(control.options))
        elif isinstance(control, Toggle):
            values[key] = rng.random() < 0.5
    return table.with_changes(values)


def settings_of(page: str) -> list[dict]:
    rng = random.Random(13)
    return ([dict(TABLES[page].defaults)] + [dict(p) for p in PRESETS[page].values()]
            + [random_settings(TABLES[page], rng) for _ in range(5)])


@pytest.mark.parametrize("page", list(TABLES))
def test_every_setting_gives_a_script_that_compiles(page):
    for values in settings_of(page):
        code = GENERATORS[page](values)
        compile(code, f"<{page}>", "exec")
        assert "import torch" in code and "print(" in code


def test_values_are_written_exactly():
    """Floats through repr: the script holds the page's value, not a rounded one."""
    code = pytorch_code.chain_rule_code({**chain_rule.TABLE.defaults, "gain": 1.35}, 4)
    assert "GAIN = torch.nn.ReLU(), \"he\", 1.35" in code.replace("ACT, INIT, GAIN = ", "GAIN = ")
    assert pytorch_code.number(0.1 + 0.2) == "0.30000000000000004"
    assert pytorch_code.number(True) == "True" and pytorch_code.number(7) == "7"


def test_init_function_has_only_the_inits_used():
    one = pytorch_code.init_function(["xavier"])
    assert "xavier_normal_(w, gain=gain)" in one and "if init" not in one
    two = pytorch_code.init_function(["he", "normal"])
    assert 'if init == "he"' in two and 'elif init == "normal"' in two
    assert "lecun" not in two.split('"""')[2]


def test_work_caps_follow_the_page():
    """The script runs what the page shows: the capped samples and width, the capped steps."""
    code = pytorch_code.chain_rule_code({**chain_rule.TABLE.defaults, "depth": 200,
                                         "width": 512, "samples": 32}, 4)
    assert "DEPTH, WIDTH, SAMPLES, BATCH = 200, 244, 1, 4" in code
    values = {**training.TABLE.defaults, "depth": 16, "width": 64, "steps": 2000}
    steps = lab.capped(lab.config_a(values)).steps
    assert steps < 2000 and f'"steps": {steps},' in training_code(values)


# ---------------------------------------------------------------- running the scripts


@pytest.fixture
def torch():
    """torch, on one thread (small networks: threads only spin on a shared machine)."""
    torch = pytest.importorskip("torch")
    pytest.importorskip("torch.optim")  # a wheel installed without its dependencies lacks sympy
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield torch
    torch.set_num_threads(threads)


def run(code: str) -> dict[str, float | None]:
    """Execute a script; its printed "label: number" lines as {label: number}."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<generated>", "exec"), {"__name__": "__main__"})
    printed = {}
    for line in out.getvalue().splitlines():
        label, _, value = line.rpartition(": ")
        printed[label] = None if value == "None" else float(value)
    return printed


def within_band(value: float, runs: np.ndarray, low: float = 10, high: float = 90) -> bool:
    runs = runs[np.isfinite(runs)]
    return bool(np.percentile(runs, low) <= value <= np.percentile(runs, high))


def test_clipping_matches_core_exactly(torch):
    for values in settings_of("clipping"):
        printed = run(pytorch_code.clipping_code(values))
        rows = {row["method"]: row for row in
                clip_2d_measures(values["mag"], values["ang"], values["thr"])}
        for method, name in (("value", "clip_grad_value_"), ("norm", "clip_grad_norm_")):
            assert printed[f"{name} norm"] == pytest.approx(rows[method]["norm"], rel=1e-9)
            assert printed[f"{name} angle to the original (degrees)"] == pytest.approx(
                rows[method]["angle_to_original"], rel=1e-9, abs=1e-9)


SMALL = {"depth": 12, "width": 32}


def small(values: dict, **caps) -> dict:
    """The test's own setting: depth and width capped (the generator is not)."""
    caps = caps or SMALL
    return {**values, **{key: min(values[key], cap) for key, cap in caps.items()}}


def test_chain_rule_within_core_spread(torch):
    settings = [small(v) for v in settings_of("chain_rule")]
    settings += [small({**chain_rule.TABLE.defaults, "act": act, "init": init, "gain": gain})
                 for act, init, gain in (("tanh", "xavier", 1.0), ("sigmoid", "lecun", 2.0),
                                         ("leaky_relu", "normal", 0.25))]
    for values in settings:
        values = {**values, "samples": 8}  # 32 runs in the script
        printed = run(pytorch_code.chain_rule_code(values, chain_rule.BATCH))
        core = measure_layers(values["depth"], values["width"], values["act"], values["init"],
                              float(values["gain"]), 32, chain_rule.BATCH, values["seed"])
        assert within_band(printed["median log10 ||g_0||/||g_L||"],
                           core.grad[0] - core.grad[-1]), values


def test_weight_clipping_within_core_spread(torch):
    for values in [small(v) for v in settings_of("weight_clipping")]:
        printed = run(pytorch_code.weight_clipping_code(values))
        c, depth, width, gain = values["c"], values["depth"], values["width"], values["gain"]
        net = weight_bounds.clipped_weights(c, depth, width, gain, values["seed"])
        count = net["networks"] * depth * width**2  # weights on each side
        p = net["at_bound_percent"] / 100
        # two binomial shares of `count` weights each: 6 standard deviations of their difference
        assert abs(printed["weights at +-c (%)"] / 100 - p) <= 6 * math.sqrt(
            2 * max(p * (1 - p), 1 / count) / count) + 1e-12
        # n Var[w] = n mean(w^2) of Gaussian weights: relative std sqrt(2 / count) on each side
        assert printed["n Var[w] before"] == pytest.approx(net["weight_factor"][0],
                                                           rel=6 * math.sqrt(4 / count))
        for clip, label in ((None, "unclipped"), (c, "clipped")):
            runs = np.concatenate([weight_bounds.gradient_ratios(
                clip, depth, width, gain, values["act"], seed)[0].ravel()
                for seed in range(values["seed"], values["seed"] + 4)])
            assert within_band(printed[f"median log10 ||g_0||/||g_L|| {label}"], runs), values


def test_explosion_within_core_spread(torch):
    settings = [small(v, l_depth=12, r_depth=12, width=32) for v in settings_of("explosion")]
    for values in settings:
        printed = run(pytorch_code.explosion_code(values))
        for side, name in (("l", "left"), ("r", "right")):
            s = pytorch_code.explosion_side(values, side)
            fixes = remedies.Remedies(False, s["bn"], s["res"], values["max_norm"])
            core = remedies.simulate_remedies(s["act"], s["init"], s["gain"], s["depth"],
                                              values["width"], fixes, 32, remedies.BATCH,
                                              values["seed"])
            assert within_band(printed[f"{name}: median log10 ||g_0||/||g_L||"],
                               remedies.growth_per_example(core["input"]).ravel()), values
            if s["clip"]:  # the median of 8 networks: a 5-95% band (binomial, below 1e-3)
                factor = printed[f"{name}: median clip factor"]
                assert within_band(math.log10(factor), core["coef"], 5, 95), values


def outcome(printed: dict, run_key: str) -> str:
    if f"{run_key}: diverged at step" in printed:
        return "diverged"
    learnt = printed[f"{run_key}: final accuracy (%)"] >= lab.LEARNT
    return "trained" if learnt else "stalled"


@pytest.mark.parametrize("preset", ["defaults", "exploding", "exploding_norm", "lr_high",
                                    "lr_decay", "vanishing", "batch_norm", "weight_clip"])
def test_training_same_outcome_as_core(torch, preset):
    """Each run ends as the page's does: diverged, learnt (accuracy >= 60%) or stalled.

    Not "residual": its run B learns slowly (the page reaches 57% in 300 steps, 97% in 500),
    so whether it counts as learnt there depends on the draw, not on the code; nor
    "switch_clip", whose run A (momentum at 0.3) diverges late (step 78) on the page's draw
    and not on torch's. The switch itself: test_training_switch_lowers_the_rate_from_its_step."""
    values = dict(training.TABLE.defaults if preset == "defaults" else PRESETS["training"][preset])
    values["steps"] = min(values["steps"], 300)
    printed = run(training_code(values))
    configs = {key: lab.capped(config) for key, config in lab.asked_configs(values).items()}
    for key, config in configs.items():
        summary = lab.trained_summary(config, values["data"])
        assert outcome(printed, key) == lab.outcome(summary), (preset, key)
        if lab.outcome(summary) != "diverged":
            assert 0 <= printed[f"{key}: final loss"] < 10


def test_clipping_deep_gradient_within_core_spread(torch):
    """Both rules leave KEEP % of the norm (exact); the gradient's norm, and the cosine and the
    share changed by clipping by value: the median over 9 seeds within core's 10-90% band over
    30 seeds (the median of 9 lies beyond the true band only if 5 of 9 draws do: about 1e-3)."""
    values = {**clipping.TABLE.defaults, "depth": 8, "width": 16, "gain": 1.5, "keep": 20}
    printed = [run(pytorch_code.clipping_code({**values, "seed": seed})) for seed in range(9)]
    for one in printed:
        c = one["deep clip_grad_norm_ threshold c"]
        assert c == pytest.approx(0.2 * one["deep gradient norm"], rel=1e-12)
        assert one["deep clip_grad_value_ norm"] == pytest.approx(c, rel=1e-9)
        assert one["deep clip_grad_norm_ norm"] == pytest.approx(c, rel=1e-6)
        assert one["deep clip_grad_norm_ cosine"] == pytest.approx(1.0, abs=1e-12)
    summaries = [deep_gradient_summary(8, 16, 1.5, 0.2, seed, 0.25) for seed in range(30)]
    assert within_band(float(np.median([math.log10(one["deep gradient norm"])
                                        for one in printed])),
                       np.log10([summary["total"] for summary in summaries]))
    core = [summary["metrics"]["value"] for summary in summaries]
    for measure, label in (("cosine", "cosine"), ("changed", "changed (%)")):
        scale = 100 if measure == "changed" else 1
        runs = np.array([m[measure] * scale for m in core])
        assert within_band(float(np.median([one[f"deep clip_grad_value_ {label}"]
                                            for one in printed])), runs), measure


def test_training_switch_lowers_the_rate_from_its_step(torch):
    """A lowered rate (under a schedule) takes over at the switch step, scaled as core's."""
    values = {**training.TABLE.defaults, "steps": 50, "sched": "step", "cmp": True,
              "bclip": "same", "bswitch": "lower_lr", "blr": "0.01", "bat": 20}
    code = training_code(values)
    assert '"switch": {"at": 20, "kind": "lower_lr", "value": 0.01}' in code
    probe = code.replace("            opt.step()\n", "            opt.step()\n"
                         "            RATES.setdefault(name, []).append("
                         "opt.param_groups[0][\"lr\"])\n")
    namespace = {"RATES": {}}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(probe, "<generated>", "exec"), namespace)
    config = lab.capped(lab.asked_configs(values)["B"])
    core_rates = lab.training.step_learning_rates(switches.after_switch(config))
    assert namespace["RATES"]["B"][19:] == pytest.approx(list(core_rates[19:]), rel=1e-12)
    assert namespace["RATES"]["B"][:19] == pytest.approx([0.1] * 12 + [0.05] * 7, rel=1e-12)
