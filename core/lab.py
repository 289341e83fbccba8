"""The training lab's runs: configurations from control values, the work cap, and the small
summaries (bucketed gradient norms, decision boundary, outcome) that its charts and words show.

A control-value dict ``v`` uses the page's control keys (depth, width, act, ... bwc); "same" in
a B control keeps A's setting. B's switch (bswitch, at step bat) reuses B's threshold (bthr),
rate (blr) or weight-clipping bound (bwc) as its value; until the switch B keeps A's setting.
Runs train with ``core.training.train`` on ``core.datasets``.
"""

import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from core import training
from core.classifier import predict_proba
from core.datasets import make_dataset
from core.lab_measures import (
    halved_at,
    initial_measures,
    majority_share,
    median_log10_ratio,
    silent_from,
)
from core.switches import Switch, after_switch, switch_measures
from core.training import TrainConfig

POINTS, NOISE, BATCH = 400, 0.1, 64
MAX_WORK = 8_000_000  # steps * depth * max(width, 32)^2 (x1.5 with batch norm) per run
MIN_STEPS = 20
GRID = 60  # decision-boundary grid, GRID x GRID predictions
LINE_POINTS = 500  # gradient-norm buckets per run
HEAT_CELLS = 2400  # heatmap cells per run (layers x step buckets)
FLAGS = ("same", "on", "off")
# the learning rates and weight-clipping bounds offered, as the ids a link carries
LEARNING_RATES = ("0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3",
                  "10")
WEIGHT_CLIPS = ("off", "0.02", "0.05", "0.1", "0.2", "0.5", "1")
CHANCE = 50.0  # accuracy (%) of guessing on two balanced classes
LEARNT = 60.0  # final accuracy (%) from which a run counts as having learnt

# ---------------------------------------------------------------- configurations


def per_step(config: TrainConfig) -> float:
    """Cost units of one training step: depth x max(width, 32)^2, x1.5 with batch norm."""
    return config.depth * max(config.width, 32) ** 2 * (1.5 if config.batch_norm else 1.0)


def capped(config: TrainConfig) -> TrainConfig:
    """The configuration with its steps reduced to fit MAX_WORK (at least MIN_STEPS)."""
    steps = max(MIN_STEPS, min(config.steps, int(MAX_WORK // per_step(config))))
    return config if steps == config.steps else replace(
        config, steps=steps, eval_every=eval_every(steps))


def eval_every(steps: int) -> int:
    """Evaluate on all points about 100 times per run, at most every other step: one
    evaluation (400 rows) costs several training steps (64 rows) and would dominate the run."""
    return max(2, steps // 100)


def config_a(v: dict) -> TrainConfig:
    """Configuration A from the control values."""
    return TrainConfig(
        depth=v["depth"], width=v["width"], activation=v["act"], init=v["init"], gain=v["gain"],
        lr=float(v["lr"]), steps=v["steps"], batch_size=BATCH,
        weight_clip=None if v["wc"] == "off" else float(v["wc"]),
        grad_clip=None if v["clip"] == "none" else v["thr"],
        grad_clip_method="norm" if v["clip"] == "none" else v["clip"],
        eval_every=eval_every(v["steps"]), seed=v["seed"], optimizer=v["opt"],
        schedule=v["sched"], batch_norm=v["bn"], residual=v["res"])


def switch_b(a: TrainConfig, v: dict) -> Switch | None:
    """B's mid-run switch: its kind (bswitch) at step bat, with the value of the B control it
    reuses; None without one, or when that control gives no value (no weight-clipping bound)."""
    kind = v["bswitch"]
    if kind == "none":
        return None
    value = {"clip_norm": v["bthr"], "lower_lr": a.lr if v["blr"] == "same" else float(v["blr"]),
             "weight_clip": a.weight_clip if v["bwc"] in ("same", "off") else float(v["bwc"])
             }[kind]
    return None if value is None else Switch(v["bat"], kind, float(value))


def config_b(a: TrainConfig, v: dict) -> TrainConfig:
    """Configuration B: A with the overrides of the B group ("same" keeps A's setting); the
    control a switch reuses changes B only from the switch step on."""
    switch = v["bswitch"]
    changes = {"switch": switch_b(a, v)}
    if v["bclip"] != "same" and switch != "clip_norm":
        changes["grad_clip"] = None if v["bclip"] == "none" else v["bthr"]
        changes["grad_clip_method"] = "norm" if v["bclip"] == "none" else v["bclip"]
    if v["blr"] != "same" and switch != "lower_lr":
        changes["lr"] = float(v["blr"])
    for key, field in (("bsched", "schedule"), ("bopt", "optimizer"), ("binit", "init")):
        if v[key] != "same":
            changes[field] = v[key]
    for key, field in (("bbn", "batch_norm"), ("bres", "residual")):
        if v[key] != "same":
            changes[field] = v[key] == "on"
    if v["bwc"] != "same" and switch != "weight_clip":
        changes["weight_clip"] = None if v["bwc"] == "off" else float(v["bwc"])
    return replace(a, **changes)


def asked_configs(v: dict) -> dict[str, TrainConfig]:
    """The configurations the controls ask for: A, and B when comparing (before the cap)."""
    asked = {"A": config_a(v)}
    if v["cmp"]:
        asked["B"] = config_b(asked["A"], v)
    return asked


def clips_gradients(configs: dict[str, TrainConfig]) -> bool:
    """Whether any run clips its gradient."""
    return any(config.grad_clip is not None for config in configs.values())


def has_norm_threshold(configs: dict[str, TrainConfig]) -> bool:
    """Whether any run clips by norm (and so has a threshold line on the gradient-norm chart)."""
    return any(config.grad_clip is not None and config.grad_clip_method == "norm"
               for config in configs.values())


# ---------------------------------------------------------------- runs and their summaries


def training_data(dataset: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The lab's data set: POINTS points with NOISE, drawn with ``seed``."""
    return make_dataset(dataset, POINTS, NOISE, seed)


def bucket_starts(steps: int, count: int) -> np.ndarray:
    """First index of each of at most ``count`` equal groups of consecutive steps."""
    return np.arange(0, steps, max(1, math.ceil(steps / count)))


def bucket_mean_log10(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Mean of log10 over each group of rows, leaving out zeros (NaN if a group has none)."""
    with np.errstate(divide="ignore"):
        logs = np.log10(values)
    finite = np.isfinite(logs)
    sums = np.add.reduceat(np.where(finite, logs, 0.0), starts, axis=0)
    counts = np.add.reduceat(finite.astype(int), starts, axis=0)
    return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def boundary(result, config: TrainConfig, x: np.ndarray) -> tuple[list, np.ndarray]:
    """(grid edges per axis, P(class 1) on the GRID x GRID cell centres)."""
    lows, highs = x.min(axis=0) - 0.25, x.max(axis=0) + 0.25
    edges = [np.linspace(lows[i], highs[i], GRID + 1) for i in (0, 1)]
    gx, gy = np.meshgrid(*[(e[:-1] + e[1:]) / 2 for e in edges])
    with np.errstate(all="ignore"):
        p = predict_proba(result, config, np.column_stack([gx.ravel(), gy.ravel()]))[:, 1]
    return edges, p.reshape(GRID, GRID)


def summarise(result, config: TrainConfig, data) -> dict:
    """The small summaries the charts need (hundreds to a few thousand numbers)."""
    n = result.steps_run
    summary = {"steps": n, "asked": config.steps, "every": config.eval_every,
               "eval": {"step": result.eval_steps - 1, "loss": result.loss,
                        "acc": 100 * result.accuracy},
               "divergence": None if result.divergence is None else (
                   result.divergence.step, result.divergence.quantity,
                   result.divergence.log10_value),
               "clipped": int(result.clipped.sum()), "depth": config.depth,
               "switch": switch_measures(result, config)}
    summary["edges"], summary["p"] = boundary(result, config, data[0])
    with np.errstate(all="ignore"):
        summary["majority"] = majority_share(predict_proba(result, config, data[0])[:, 1])
    if n == 0:
        return summary
    norms = result.layer_grad_norms
    summary |= {"grad0": float(result.grad_norm[0]), "ratio": median_log10_ratio(norms),
                "silent": silent_from(norms), "first_layer": (norms[0, 0], norms[-1, 0]),
                "lr": (float(result.lr[0]), float(result.lr[-1]), halved_at(result.lr))}
    summary |= gradient_line(result)
    heat_starts = bucket_starts(n, max(1, HEAT_CELLS // config.depth))
    summary["heat"] = {"starts": heat_starts, "ends": np.append(heat_starts[1:], n),
                       "log10": bucket_mean_log10(result.layer_grad_norms, heat_starts)}
    summary["max_grad"] = float(result.grad_norm.max())
    return summary


def gradient_line(result) -> dict:
    """The gradient-norm line of a run with at least one step: "line" (per bucket of steps:
    first step, largest norm before and after clipping, whether clipping fired) and
    "line_bucket" (steps per point)."""
    starts = bucket_starts(result.steps_run, LINE_POINTS)
    return {"line": {"step": starts + 1,
                     "before": np.maximum.reduceat(result.grad_norm, starts),
                     "after": np.maximum.reduceat(result.grad_norm_clipped, starts),
                     "fired": np.logical_or.reduceat(result.clipped, starts)},
            "line_bucket": int(starts[1] - starts[0]) if len(starts) > 1 else 1}


def live_summary(result) -> dict:
    """The part of a summary the live curves draw, for a run still training (no boundary,
    no divergence yet): steps, eval and, after a step, the gradient line."""
    summary = {"steps": result.steps_run, "divergence": None,
               "eval": {"step": result.eval_steps - 1, "loss": result.loss,
                        "acc": 100 * result.accuracy}}
    return summary | (gradient_line(result) if result.steps_run else {})


def trained_summary(config: TrainConfig, dataset: str,
                    progress: Callable[[int, int], None] | None = None,
                    live: Callable[[int, int, Callable[[], dict]], None] | None = None) -> dict:
    """Train ``config`` on the lab's data set and summarise the run. ``live(done, total,
    partial)`` (optional) is called during the run; ``partial()`` is live_summary so far."""
    data = training_data(dataset, config.seed)
    watch = None if live is None else (
        lambda done, total, records: live(done, total, lambda: live_summary(records())))
    result = training.train(config, data, progress=progress,  # looked up per call: patchable
                            **({"live": watch} if watch is not None else {}))
    return summarise(result, config, data)


def start_measures(config: TrainConfig, dataset: str) -> dict:
    """The network of ``config`` before its first update (core.lab_measures.initial_measures)."""
    return initial_measures(config, training_data(dataset, config.seed)[0])


def line_bucket(summaries: list[dict]) -> int:
    """Steps per point of the gradient-norm lines: the largest over the runs (1 if none)."""
    return max(s.get("line_bucket", 1) for s in summaries)


def heat_bucket(summary: dict) -> int:
    """Steps per column of a run's heatmap."""
    return int(summary["heat"]["ends"][0] - summary["heat"]["starts"][0])


# ---------------------------------------------------------------- outcomes


def outcome(s: dict) -> str:
    """"diverged", "trained" (final accuracy >= LEARNT) or "stalled"."""
    if s["divergence"] is not None:
        return "diverged"
    return "trained" if s["eval"]["acc"][-1] >= LEARNT else "stalled"


def divergence_kind(s: dict) -> str:
    """What a diverged run's quantity became: "nan", "inf" or "large" (finite, past the limit)."""
    value = s["divergence"][2]
    return "nan" if math.isnan(value) else "inf" if math.isinf(value) else "large"


def last_finite_step(s: dict) -> int:
    """The last step of a diverged run before the one that diverged (where its charts stop)."""
    return s["divergence"][0] - 1


def final_accuracy(s: dict) -> float:
    """The last evaluated accuracy (%) of a run, 0 if it was never evaluated."""
    return s["eval"]["acc"][-1] if len(s["eval"]["acc"]) else 0.0


def readouts(s: dict, config: TrainConfig) -> tuple[float | None, float | None, float | None,
                                                      int | None]:
    """A run's final accuracy (%), final loss, largest gradient norm and steps clipped; None
    where the run has none (never evaluated, no step, no gradient clipping at any step: a
    mid-run switch may turn it on)."""
    done = len(s["eval"]["acc"]) > 0
    clips = config.grad_clip is not None or after_switch(config).grad_clip is not None
    return (float(s["eval"]["acc"][-1]) if done else None,
            float(s["eval"]["loss"][-1]) if done else None,
            s["max_grad"] if "max_grad" in s else None,
            s["clipped"] if clips else None)
