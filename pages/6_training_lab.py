"""Training lab: train a small MLP on toy data, watch it explode or stall, and try the remedies."""

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS
from core.datasets import DATASETS, make_dataset
from core.descent import SCHEDULES
from core.lab_measures import (
    halved_at,
    initial_measures,
    majority_share,
    median_log10_ratio,
    silent_from,
)
from core.network import INITS
from core.theory import gradient_factor, theory_applies, weight_factor
from core.training import (
    ADAM_EPS,
    MOMENTUM,
    OPTIMIZERS,
    TrainConfig,
    clipped_spectral_bound,
    predict_proba,
    schedule_parameters,
    train,
)
from ui.charts.common import COLORS, finite_rows
from ui.charts.training import (
    accuracy_template,
    boundary_template,
    grad_norm_template,
    heatmap_template,
    loss_template,
)
from ui.controls import Controls
from ui.display import explain, show_chart, work_capped_notice
from ui.format import e_power_of_ten
from ui.frames import shown_rows
from ui.i18n import sentences, t
from ui.i18n.training import LR_CHOICES, WC_CHOICES
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.presets import TRAINING_DEFAULTS as DEFAULTS
from ui.shell import page_setup

POINTS, NOISE, BATCH = 400, 0.1, 64
MAX_WORK = 8_000_000  # steps * depth * max(width, 32)^2 (x1.5 with batch norm) per run
MIN_STEPS = 20
GRID = 60  # decision-boundary grid, GRID x GRID predictions
LINE_POINTS = 500  # gradient-norm buckets per run
HEAT_CELLS = 2400  # heatmap cells per run (layers x step buckets)
METHODS = ("none", "value", "norm")
FLAGS = ("same", "on", "off")
COLOURS = {"A": COLORS["none"], "B": COLORS["norm"]}
CHANCE = 50.0  # accuracy (%) of guessing on two balanced classes
LEARNT = 60.0  # final accuracy (%) from which a run counts as having learnt
ONE_CLASS = 0.95  # share of points in one predicted class from which a run "predicts one class"
FADED = 2.0  # decades the forward signal must lose before a story says it fades
SIGMOID_SLOPE = 0.25  # max of sigmoid'(z), at z = 0

# ---------------------------------------------------------------- configurations


def work(config: TrainConfig) -> float:
    """Cost units of a run: steps x depth x max(width, 32)^2, x1.5 with batch norm."""
    return config.steps * per_step(config)


def per_step(config: TrainConfig) -> float:
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


def config_b(a: TrainConfig, v: dict) -> TrainConfig:
    """Configuration B: A with the overrides of the B group ("same" keeps A's setting)."""
    changes = {}
    if v["bclip"] != "same":
        changes["grad_clip"] = None if v["bclip"] == "none" else v["bthr"]
        changes["grad_clip_method"] = "norm" if v["bclip"] == "none" else v["bclip"]
    if v["blr"] != "same":
        changes["lr"] = float(v["blr"])
    for key, field in (("bsched", "schedule"), ("bopt", "optimizer"), ("binit", "init")):
        if v[key] != "same":
            changes[field] = v[key]
    for key, field in (("bbn", "batch_norm"), ("bres", "residual")):
        if v[key] != "same":
            changes[field] = v[key] == "on"
    if v["bwc"] != "same":
        changes["weight_clip"] = None if v["bwc"] == "off" else float(v["bwc"])
    return replace(a, **changes)


def describe_b(a: TrainConfig, b: TrainConfig, lang: str) -> str:
    """What B changes, in words (e.g. "clip by norm at 1")."""
    parts = []
    if (a.grad_clip, a.grad_clip_method) != (b.grad_clip, b.grad_clip_method):
        parts.append(t("tl.diff.noclip", lang) if b.grad_clip is None else
                     t("tl.diff.clip", lang, method=t(f"method.{b.grad_clip_method}", lang),
                       thr=f"{b.grad_clip:g}"))
    if a.lr != b.lr:
        parts.append(t("tl.diff.lr", lang, lr=f"{b.lr:g}"))
    if a.schedule != b.schedule:
        parts.append(t("tl.diff.sched", lang, sched=t(f"tl.sched.{b.schedule}", lang)))
    if a.optimizer != b.optimizer:
        parts.append(t("tl.diff.opt", lang, opt=t(f"tl.opt.{b.optimizer}", lang)))
    if a.init != b.init:
        parts.append(t("tl.diff.init", lang, init=t(f"init.{b.init}", lang)))
    if a.batch_norm != b.batch_norm:
        parts.append(t("tl.diff.bn_on" if b.batch_norm else "tl.diff.bn_off", lang))
    if a.residual != b.residual:
        parts.append(t("tl.diff.res_on" if b.residual else "tl.diff.res_off", lang))
    if a.weight_clip != b.weight_clip:
        parts.append(t("tl.diff.nowc", lang) if b.weight_clip is None else
                     t("tl.diff.wc", lang, c=f"{b.weight_clip:g}"))
    return t("tl.diff.sep", lang).join(parts) or t("tl.diff.none", lang)


# ---------------------------------------------------------------- training (cached)


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
               "clipped": int(result.clipped.sum()), "depth": config.depth}
    summary["edges"], summary["p"] = boundary(result, config, data[0])
    with np.errstate(all="ignore"):
        summary["majority"] = majority_share(predict_proba(result, config, data[0])[:, 1])
    if n == 0:
        return summary
    norms = result.layer_grad_norms
    summary |= {"grad0": float(result.grad_norm[0]), "ratio": median_log10_ratio(norms),
                "silent": silent_from(norms), "first_layer": (norms[0, 0], norms[-1, 0]),
                "lr": (float(result.lr[0]), float(result.lr[-1]), halved_at(result.lr))}
    starts = bucket_starts(n, LINE_POINTS)
    summary["line"] = {"step": starts + 1,
                       "before": np.maximum.reduceat(result.grad_norm, starts),
                       "after": np.maximum.reduceat(result.grad_norm_clipped, starts),
                       "fired": np.logical_or.reduceat(result.clipped, starts)}
    summary["line_bucket"] = int(starts[1] - starts[0]) if len(starts) > 1 else 1
    heat_starts = bucket_starts(n, max(1, HEAT_CELLS // config.depth))
    summary["heat"] = {"starts": heat_starts, "ends": np.append(heat_starts[1:], n),
                       "log10": bucket_mean_log10(result.layer_grad_norms, heat_starts)}
    summary["max_grad"] = float(result.grad_norm.max())
    return summary


@st.cache_data(max_entries=32, show_spinner=False)
def run(config: TrainConfig, dataset: str, _progress_text: str = "") -> dict:
    """Train one configuration; a progress bar shows while it runs (not on a cache hit)."""
    data = make_dataset(dataset, POINTS, NOISE, config.seed)
    slot = st.empty()

    def progress(done: int, total: int) -> None:
        slot.progress(done / total, text=_progress_text.format(done=done, total=total))

    result = train(config, data, progress=progress)
    slot.empty()
    return summarise(result, config, data)


@st.cache_data(max_entries=32, show_spinner=False)
def at_start(config: TrainConfig, dataset: str) -> dict:
    """The network of ``config`` before its first update (core.lab_measures.initial_measures)."""
    return initial_measures(config, make_dataset(dataset, POINTS, NOISE, config.seed)[0])


# ---------------------------------------------------------------- frames for the charts


def divergence_frame(runs: dict, lang: str, first_step: int) -> pd.DataFrame:
    """One row per diverged run (where its charts stop); with none, one hidden row."""
    rows = [{"step": s["divergence"][0] - 1, "series": key,
             "label": t("tl.chart.diverged", lang, run=key), "text": status_text(s, label, lang)}
            for key, (label, s) in runs.items() if s["divergence"] is not None]
    frame = pd.DataFrame(rows, columns=["step", "series", "label", "text"])
    return shown_rows(frame, {"step": first_step, "series": "A", "label": "", "text": ""})


def curve_frames(runs: dict) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(loss rows > 0, accuracy rows, number of zero losses left out of the log axis)."""
    frames = [pd.DataFrame({"step": s["eval"]["step"], "loss": s["eval"]["loss"],
                            "accuracy": s["eval"]["acc"], "series": key})
              for key, (_, s) in runs.items()]
    curves = pd.concat(frames, ignore_index=True)
    losses, dropped = finite_rows(curves[["step", "loss", "series"]], ["step", "loss"],
                                  positive=("loss",))
    accuracy, _ = finite_rows(curves[["step", "accuracy", "series"]], ["step", "accuracy"])
    return losses, accuracy, dropped


def norm_frames(runs: dict, configs: dict, lang: str) -> dict[str, pd.DataFrame]:
    """The gradient-norm chart's datasets: lines, clip events, thresholds, all in log10."""
    before, after = t("tl.chart.kind.before", lang), t("tl.chart.kind.after", lang)
    lines, events, rules = [], [], []
    for key, (_, s) in runs.items():
        if "line" not in s:
            continue
        line = s["line"]
        lines.append(pd.DataFrame({"step": line["step"], "log10_norm": np.log10(line["before"]),
                                   "series": key, "kind": before}))
        config = configs[key]
        if config.grad_clip is None:
            continue
        lines.append(pd.DataFrame({"step": line["step"], "log10_norm": np.log10(line["after"]),
                                   "series": key, "kind": after}))
        fired = line["fired"]
        events.append(pd.DataFrame({"step": line["step"][fired],
                                    "log10_norm": np.log10(line["before"][fired]),
                                    "series": key}))
        if config.grad_clip_method == "norm":
            rules.append({"log10_norm": math.log10(config.grad_clip), "series": key,
                          "label": t("tl.chart.threshold", lang, run=key,
                                     thr=f"{config.grad_clip:g}")})
    lines = finite_rows(pd.concat(lines, ignore_index=True), ["step", "log10_norm"])[0]
    events = finite_rows(pd.concat(events, ignore_index=True), ["step", "log10_norm"])[0] \
        if events else pd.DataFrame({"step": pd.Series(dtype=int),
                                     "log10_norm": pd.Series(dtype=float),
                                     "series": pd.Series(dtype=str)})
    rules = pd.DataFrame(rules) if rules else pd.DataFrame(
        {"log10_norm": pd.Series(dtype=float), "series": pd.Series(dtype=str),
         "label": pd.Series(dtype=str)})
    # a layer with nothing to show keeps one hidden row inside the lines' range
    where = {"log10_norm": float(lines["log10_norm"].iloc[0]), "series": "A"}
    return {"lines": lines,
            "events": shown_rows(events, {**where, "step": int(lines["step"].iloc[0])}),
            "thresholds": shown_rows(rules, {**where, "label": ""})}


def heat_frame(s: dict) -> tuple[pd.DataFrame, int]:
    """(cells with a finite log10 norm, number of blank cells where the gradient was 0)."""
    heat = s["heat"]
    values = heat["log10"]
    steps, layers = np.meshgrid(np.arange(len(heat["starts"])), np.arange(s["depth"]),
                                indexing="ij")
    cells = pd.DataFrame({"step_from": heat["starts"][steps.ravel()],
                          "step_to": heat["ends"][steps.ravel()],
                          "layer": layers.ravel() + 1, "log10_norm": values.ravel()})
    return finite_rows(cells, ["log10_norm"])


def heat_extent(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The whole decades around every run's cells: one colour scale for A's and B's maps."""
    values = pd.concat([cells["log10_norm"] for cells in frames])
    low, high = (math.floor(values.min()), math.ceil(values.max())) if len(values) else (-1, 1)
    return pd.DataFrame({"log10_norm": [float(low), float(max(high, low + 1))]})


def grid_frames(s: dict, data, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(GRID x GRID cells of P(class 1), the data points with translated class labels)."""
    ex, ey = s["edges"]
    iy, ix = np.meshgrid(np.arange(GRID), np.arange(GRID), indexing="ij")
    grid = pd.DataFrame({"x_from": ex[ix.ravel()], "x_to": ex[ix.ravel() + 1],
                         "y_from": ey[iy.ravel()], "y_to": ey[iy.ravel() + 1],
                         "p": s["p"].ravel()})
    grid = finite_rows(grid, ["p"])[0]
    labels = np.array([t("tl.chart.class0", lang), t("tl.chart.class1", lang)])
    points = pd.DataFrame({"x": data[0][:, 0], "y": data[0][:, 1], "label": labels[data[1]]})
    return grid, points


# ---------------------------------------------------------------- words


def outcome(s: dict) -> str:
    """"diverged", "trained" (final accuracy >= LEARNT) or "stalled"."""
    if s["divergence"] is not None:
        return "diverged"
    return "trained" if s["eval"]["acc"][-1] >= LEARNT else "stalled"


def status_text(s: dict, label: str, lang: str) -> str:
    """What happened to a run, in one sentence."""
    if outcome(s) == "diverged":
        step, quantity, value = s["divergence"]
        key = ("tl.status.diverged_nan" if math.isnan(value) else
               "tl.status.diverged_inf" if math.isinf(value) else "tl.status.diverged")
        return t(key, lang, run=label, step=step, last=step - 1,
                 quantity=t(f"tl.quantity.{quantity}", lang),
                 value=e_power_of_ten(value) if math.isfinite(value) else "")
    acc, loss = s["eval"]["acc"][-1], s["eval"]["loss"][-1]
    return t(f"tl.status.{outcome(s)}", lang, run=label, steps=s["steps"], acc=f"{acc:.1f}",
             loss=f"{loss:.3g}", learnt=f"{LEARNT:g}", chance=f"{CHANCE:g}")


def show_status(s: dict, label: str, lang: str) -> None:
    text = status_text(s, label, lang)
    show = {"diverged": (st.error, ":material/warning:"),
            "stalled": (st.warning, ":material/trending_flat:"),
            "trained": (st.success, ":material/check_circle:")}[outcome(s)]
    show[0](text, icon=show[1])


def story_numbers(runs: dict, configs: dict, starts: dict) -> dict:
    """Every number a preset's story may name, formatted, from the runs and their networks."""
    ca, sa = configs["A"], starts["A"]
    n_var = weight_factor(ca.init, ca.gain, ca.width, ca.width)
    numbers = {"depth": ca.depth, "hidden": sa["hidden"], "width": ca.width,
               "gain": f"{ca.gain:g}", "lr": f"{ca.lr:g}", "momentum": f"{MOMENTUM:g}",
               "eps": f"{ADAM_EPS:g}", "spread0": f"{sa['spread'][0]:.1f}",
               "n_var": f"{n_var:.3g}", "cap": f"{n_var * SIGMOID_SLOPE ** 2:.3g}"}
    if theory_applies(ca.activation):
        factor = gradient_factor(ca.activation, ca.init, ca.gain, ca.width, ca.width)
        numbers["factor"] = f"{factor:.3g}"
    for key, (_, s) in runs.items():
        k, start, config = key.lower(), starts[key], configs[key]
        hidden_n_var = start["n_var"][1:-1]  # the width x width layers
        numbers |= {f"steps_{k}": s["steps"], f"clipped_{k}": s["clipped"],
                    f"spread_{k}": f"{start['spread'][-1]:.1f}",
                    f"n_var_{k}": f"{np.mean(hidden_n_var):.1f}" if len(hidden_n_var) else "",
                    f"at_bound_{k}": f"{100 * start['at_bound']:.0f}",
                    f"skips_{k}": start["skips"], f"majority_{k}": f"{100 * s['majority']:.0f}",
                    f"thr_{k}": f"{config.grad_clip:g}" if config.grad_clip else ""}
        if "grad0" in s:
            numbers |= {f"grad0_{k}": f"{s['grad0']:.3g}", f"ratio_{k}": f"{s['ratio']:.1f}",
                        f"silent_{k}": s["silent"], f"loss_{k}": f"{s['eval']['loss'][-1]:.3g}",
                        f"half_{k}": s["lr"][2] if s["lr"][2] is not None else "–",
                        f"end_{k}": f"{s['lr'][1]:.3g}",
                        f"g1_start_{k}": f"{s['first_layer'][0]:.2g}",
                        f"g1_end_{k}": f"{s['first_layer'][1]:.2g}"}
    if "B" in configs:
        cb, spectral = configs["B"], sa["spectral"][1:-1]
        decay = schedule_parameters(cb.schedule, cb.steps).get("decay", 0.0) * cb.steps
        numbers |= {"decay": f"{decay:g}", "spec_lo": f"{np.min(spectral, initial=np.inf):.2g}",
                    "spec_hi": f"{np.max(spectral, initial=0.0):.2g}"}
        if cb.weight_clip is not None:
            bound = clipped_spectral_bound(cb.weight_clip, (cb.width, cb.width))
            numbers |= {"c": f"{cb.weight_clip:g}", "bound": f"{bound:.2g}",
                        "ncc": f"{cb.width * cb.weight_clip ** 2:.2g}"}
    return numbers


def story_clauses(preset: str, runs: dict, configs: dict, starts: dict) -> list[str]:
    """The keys of the sentences after a preset's opening, each chosen by the numbers."""
    a, b = runs["A"][1], runs.get("B", (None, {}))[1]
    keys = []
    if preset == "lr_high":
        if a.get("silent") is not None:
            keys.append("tl.story.lr_high.silent")
        if a["majority"] >= ONE_CLASS:
            keys.append("tl.story.lr_high.one_class")
    elif preset == "lr_decay" and a.get("silent") is not None and b.get("silent") is None:
        keys.append("tl.story.lr_decay.silent")
    elif preset == "vanishing" and "first_layer" in a:
        keys.append("tl.story.vanishing.adam")
        spread = starts["A"]["spread"]
        if spread[-1] <= spread[0] - FADED:
            keys.append("tl.story.vanishing.forward")
    elif preset == "weight_clip" and configs["B"].weight_clip is not None:
        bound = clipped_spectral_bound(configs["B"].weight_clip, (configs["B"].width,) * 2)
        loose = bound > float(np.max(starts["A"]["spectral"][1:-1], initial=0.0))
        keys += ["tl.story.weight_clip." + ("loose" if loose else "tight"),
                 "tl.story.weight_clip.limit"]
    return keys


def run_outcomes(runs: dict, lang: str) -> str:
    """"At these settings A diverges at step 4 and B reaches 100.0% accuracy."."""
    parts = []
    for key, (_, s) in runs.items():
        state = outcome(s)
        acc = s["eval"]["acc"][-1] if len(s["eval"]["acc"]) else 0.0
        parts.append(t(f"tl.story.run.{state}", lang, run=key, acc=f"{acc:.1f}",
                       chance=f"{CHANCE:g}",
                       step=s["divergence"][0] if s["divergence"] is not None else ""))
    return t("tl.story.outcome", lang, outcomes=t("tl.story.and", lang).join(parts))


def story(preset: str, runs: dict, configs: dict, starts: dict, lang: str) -> str:
    """A preset's teaching story: its set-up, what the numbers show, how the runs ended."""
    numbers = story_numbers(runs, configs, starts)
    keys = [f"tl.story.{preset}", *story_clauses(preset, runs, configs, starts)]
    parts = [t(key, lang, **numbers) for key in keys] + [run_outcomes(runs, lang)]
    if preset == "exploding":
        parts.append(t("tl.story.next", lang))
    return sentences(parts, lang)


def show_metrics(runs: dict, configs: dict, lang: str) -> None:
    """One row of readouts per run."""
    for key, (_, s) in runs.items():
        c = st.columns(4)
        done = len(s["eval"]["acc"]) > 0
        c[0].metric(t("tl.metric.acc", lang, run=key),
                    f"{s['eval']['acc'][-1]:.1f}%" if done else "–")
        c[1].metric(t("tl.metric.loss", lang, run=key),
                    f"{s['eval']['loss'][-1]:.3g}" if done else "–")
        c[2].metric(t("tl.metric.max_grad", lang, run=key),
                    f"{s['max_grad']:.3g}" if "max_grad" in s else "–")
        c[3].metric(t("tl.metric.clipped", lang, run=key),
                    f"{s['clipped']}" if configs[key].grad_clip is not None else "–")


# ---------------------------------------------------------------- the page

lang = page_setup("training")
st.title(t("page.training", lang))
controls = Controls(lang)
controls.presets(PRESETS["training"], LABEL_PREFIXES["training"])
side = st.sidebar
side.subheader(t("tl.group.data", lang))
v = {"data": controls.select("data", "tl.control.data", DATASETS, DEFAULTS["data"], "tl.data."),
     "depth": controls.slider("depth", "tl.control.depth", 2, 16, DEFAULTS["depth"],
                              help_key="tl.control.depth.help"),
     "width": controls.slider("width", "tl.control.width", 4, 64, DEFAULTS["width"], step=4),
     "act": controls.select("act", "tl.control.act", ACTIVATIONS, DEFAULTS["act"], "act."),
     "init": controls.select("init", "tl.control.init", INITS, DEFAULTS["init"], "init."),
     "gain": controls.slider("gain", "tl.control.gain", 0.1, 4.0, DEFAULTS["gain"], step=0.05,
                             help_key="tl.control.gain.help")}
side.subheader(t("tl.group.optim", lang))
v |= {"opt": controls.select("opt", "tl.control.opt", OPTIMIZERS, DEFAULTS["opt"], "tl.opt.",
                             help_key="tl.control.opt.help"),
      "lr": controls.select("lr", "tl.control.lr", LR_CHOICES, DEFAULTS["lr"], "tl.lr."),
      "sched": controls.select("sched", "tl.control.sched", SCHEDULES, DEFAULTS["sched"],
                               "tl.sched.", help_key="tl.control.sched.help"),
      "steps": controls.slider("steps", "tl.control.steps", 50, 2000, DEFAULTS["steps"],
                               step=50, help_key="tl.control.steps.help",
                               help_values={"batch": BATCH})}
side.subheader(t("tl.group.remedies", lang))
v |= {"clip": controls.select("clip", "tl.control.clip", METHODS, DEFAULTS["clip"], "method."),
      "thr": controls.slider("thr", "tl.control.thr", 0.1, 10.0, DEFAULTS["thr"], step=0.1,
                             help_key="tl.control.thr.help"),
      "wc": controls.select("wc", "tl.control.wc", WC_CHOICES, DEFAULTS["wc"], "tl.wc.",
                            help_key="tl.control.wc.help"),
      "bn": controls.toggle("bn", "tl.control.bn", DEFAULTS["bn"], help_key="tl.control.bn.help"),
      "res": controls.toggle("res", "tl.control.res", DEFAULTS["res"],
                             help_key="tl.control.res.help"),
      "seed": controls.seed()}
side.subheader(t("tl.group.compare", lang))
v["cmp"] = controls.toggle("cmp", "tl.control.cmp", DEFAULTS["cmp"],
                           help_key="tl.control.cmp.help")
group_b = side.expander(t("tl.group.b", lang), expanded=v["cmp"])
v |= {"bclip": controls.select("bclip", "tl.control.bclip", ("same", *METHODS),
                               DEFAULTS["bclip"], "tl.bmethod.", container=group_b),
      "bthr": controls.slider("bthr", "tl.control.bthr", 0.1, 10.0, DEFAULTS["bthr"], step=0.1,
                              container=group_b),
      "blr": controls.select("blr", "tl.control.blr", ("same", *LR_CHOICES), DEFAULTS["blr"],
                             "tl.blr.", container=group_b),
      "bsched": controls.select("bsched", "tl.control.bsched", ("same", *SCHEDULES),
                                DEFAULTS["bsched"], "tl.bsched.", container=group_b),
      "bopt": controls.select("bopt", "tl.control.bopt", ("same", *OPTIMIZERS),
                              DEFAULTS["bopt"], "tl.bopt.", container=group_b),
      "binit": controls.select("binit", "tl.control.binit", ("same", *INITS), DEFAULTS["binit"],
                               "tl.binit.", container=group_b),
      "bbn": controls.select("bbn", "tl.control.bbn", FLAGS, DEFAULTS["bbn"], "tl.bflag.",
                             container=group_b),
      "bres": controls.select("bres", "tl.control.bres", FLAGS, DEFAULTS["bres"], "tl.bflag.",
                              container=group_b),
      "bwc": controls.select("bwc", "tl.control.bwc", ("same", *WC_CHOICES), DEFAULTS["bwc"],
                             "tl.bwc.", container=group_b)}
controls.report()

explain(t("tl.intro", lang), lang)
preset = controls.matching_preset()
story_slot = st.empty()

asked = {"A": config_a(v)}
if v["cmp"]:
    asked["B"] = config_b(asked["A"], v)
configs = {key: capped(config) for key, config in asked.items()}
for key, config in configs.items():
    if config.steps < asked[key].steps:
        work_capped_notice(lang, t("tl.capped_what", lang, run=key), asked[key].steps,
                           config.steps)
labels = {"A": t("tl.run.a", lang)}
if "B" in configs:
    labels["B"] = t("tl.run.b", lang, diff=describe_b(configs["A"], configs["B"], lang))
runs = {key: (labels[key], run(config, v["data"], t("tl.progress", lang, run=key, done="{done}",
                                                      total="{total}")))
        for key, config in configs.items()}
if preset in PRESETS["training"]:
    starts = {key: at_start(config, v["data"]) for key, config in configs.items()}
    story_slot.info(story(preset, runs, configs, starts, lang), icon=":material/school:")
for label, s in runs.values():
    show_status(s, label, lang)
show_metrics(runs, configs, lang)

series = tuple(runs)  # the runs are "A" (and "B") in every chart; the text says what B is
common = {"x_title": t("tl.chart.x", lang), "series_title": t("tl.chart.series", lang),
          "series_labels": series, "series_colours": tuple(COLOURS[key] for key in series)}

st.subheader(t("tl.section.curves", lang))
losses, accuracy, zero_losses = curve_frames(runs)
data_name = t(f"tl.data.{v['data']}", lang)
if len(accuracy):
    stops = divergence_frame(runs, lang, first_step=0)
    left, right = st.columns(2)
    with left:
        show_chart(loss_template(y_title=t("tl.chart.loss.y", lang),
                                 title=t("tl.chart.loss.title", lang, n=POINTS), **common),
                   "loss", controls, data={"curves": losses, "stops": stops},
                   export_title=t("tl.chart.loss.export", lang, n=POINTS, data=data_name))
    with right:
        show_chart(accuracy_template(y_title=t("tl.chart.acc.y", lang),
                                     title=t("tl.chart.acc.title", lang, n=POINTS),
                                     chance=CHANCE,
                                     chance_label=t("tl.chart.chance", lang,
                                                    chance=f"{CHANCE:g}"), **common),
                   "accuracy", controls, data={"curves": accuracy, "stops": stops},
                   export_title=t("tl.chart.acc.export", lang, n=POINTS, data=data_name))
    st.caption(t("tl.caption.curves", lang, n=POINTS, data=data_name,
                 every=configs["A"].eval_every))
    if zero_losses:
        st.caption(t("tl.caption.loss_zero", lang, n=zero_losses))
else:
    st.warning(t("tl.status.no_step", lang, run=", ".join(series)))

st.subheader(t("tl.section.gradients", lang))
if any("line" in s for _, s in runs.values()):
    norms = norm_frames(runs, configs, lang)
    clipping = any(config.grad_clip is not None for config in configs.values())
    thresholds = any(config.grad_clip is not None and config.grad_clip_method == "norm"
                     for config in configs.values())
    kinds = (t("tl.chart.kind.before", lang), t("tl.chart.kind.after", lang))
    show_chart(grad_norm_template(y_title=t("tl.chart.grad.y", lang),
                                  kind_title=t("tl.chart.kind", lang), kind_labels=kinds,
                                  event_label=t("tl.chart.event", lang),
                                  title=t("tl.chart.grad.title", lang), clipping=clipping,
                                  thresholds=thresholds, **common),
               "grad_norm", controls,
               data={"lines": norms["lines"], "stops": divergence_frame(runs, lang, 1),
                     **({"events": norms["events"]} if clipping else {}),
                     **({"thresholds": norms["thresholds"]} if thresholds else {})})
    bucket = max(s.get("line_bucket", 1) for _, s in runs.values())
    st.caption(sentences([t("tl.caption.grad", lang)]
                         + ([t("tl.caption.grad_bucket", lang, bucket=bucket)] if bucket > 1
                            else []), lang))
heats = {key: heat_frame(s) for key, (_, s) in runs.items() if "heat" in s}
if heats:
    extent = heat_extent([cells for cells, _ in heats.values()])
    for column, (key, (cells, blank)) in zip(st.columns(len(heats)), heats.items(), strict=True):
        with column:
            if len(cells):
                show_chart(heatmap_template(x_title=t("tl.chart.x", lang),
                                            y_title=t("tl.chart.heat.y", lang),
                                            colour_title=t("tl.chart.heat.colour", lang),
                                            title=t("tl.chart.heat.title", lang, run=key)),
                           f"heatmap_{key.lower()}", controls,
                           data={"cells": cells, "extent": extent})
            if blank:
                st.caption(t("tl.caption.heat_zero", lang, n=blank))
    first = next(s for _, s in runs.values() if "heat" in s)
    size = int(first["heat"]["ends"][0] - first["heat"]["starts"][0])
    st.caption(sentences([t("tl.caption.heat", lang)]
                         + ([t("tl.caption.heat_bucket", lang, bucket=size)] if size > 1
                            else []), lang))

st.subheader(t("tl.section.boundary", lang))
data = make_dataset(v["data"], POINTS, NOISE, v["seed"])
class_labels = (t("tl.chart.class0", lang), t("tl.chart.class1", lang))
for column, (key, (_, s)) in zip(st.columns(len(runs)), runs.items(), strict=True):
    grid, points = grid_frames(s, data, lang)
    with column:
        show_chart(boundary_template(x_title="x₁", y_title="x₂",
                                     p_title=t("tl.chart.boundary.p", lang),
                                     class_title=t("tl.chart.class", lang),
                                     class_labels=class_labels,
                                     title=t("tl.chart.boundary.title", lang, run=key)),
                   f"boundary_{key.lower()}", controls, data={"grid": grid, "points": points},
                   export_title=t("tl.chart.boundary.export", lang, run=key, steps=s["steps"]))
st.caption(t("tl.caption.boundary", lang, grid=GRID,
             steps=t("tl.diff.sep", lang).join(
                 t("tl.caption.boundary.run", lang, run=key, steps=s["steps"])
                 for key, (_, s) in runs.items())))

st.subheader(t("tl.section.how", lang))
explain(t("tl.how", lang, batch=BATCH), lang)
st.latex(r"\theta_{k+1} = \operatorname{clip}_c\!\Big(\theta_k - \eta_k\,"
         r"\operatorname{opt}\big(\operatorname{clip}(\nabla_\theta L_{B_k}(\theta_k))\big)\Big),"
         r"\qquad a_l = [a_{l-1} +]\ \varphi\big(\mathrm{BN}(W_l a_{l-1} + b_l)\big)")
st.caption(t("tl.sources", lang))
