"""Weight clipping: does bounding every weight tame the gradient, and what does it cost?"""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS
from core.clipping import clip_weights
from core.datasets import DATASETS, make_dataset
from core.network import init_std, init_weights, log10_gradient_norms
from core.training import TrainConfig, clipped_spectral_bound, spectral_norms
from core.weight_clipping import clip_in_place, clip_stats, train_clip_sweep
from ui.charts.common import COLORS, GREY, PURPLE, finite_rows
from ui.charts.layers import profile_template
from ui.charts.weight_clipping import (
    bound_frame,
    histogram_frames,
    histogram_template,
    loss_template,
)
from ui.controls import Controls, section
from ui.display import explain, show_chart, work_capped_notice
from ui.format import caret_power_of_ten, word_list
from ui.frames import decade_extent, float32_limits, profile_frame, shown_rows
from ui.i18n import sentences, t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

MAX_SAMPLES, BATCH = 8, 4
MAX_WORK = 8_000_000  # weights held per rerun: depth * width^2 * samples (64 MB of float64)
SPECTRAL_LAYERS = 3  # exact SVDs of the first, middle and last layer (LAPACK is the slow part)
BINS = 60
TRAIN = {"depth": 4, "width": 32, "steps": 300, "batch_size": 64, "lr": 0.1, "eval_every": 5}
DATA_POINTS, DATA_NOISE = 400, 0.1
CLIP_MULTIPLES = (None, 4, 2, 1)  # training runs: no clipping, then 4c, 2c, c
CLASSES = 2  # the toy data sets are two-class problems
REGIME_DECADES = 1.0  # |log10 ratio| beyond this counts as exploding or vanishing
PILE_MOVE = 2.0  # percentage points: a smaller change of the share at +-c "barely moved"
SERIES = ("unclipped", "clipped")


def samples_for(depth: int, width: int) -> int:
    """How many random networks fit in the work budget (at least one)."""
    return max(1, min(MAX_SAMPLES, MAX_WORK // (depth * width * width)))


def histogram_edges(c: float, spread: float) -> np.ndarray:
    """BINS equal bins over a symmetric range that shows both the weights and +-c."""
    half = max(4.0 * spread, 1.15 * c)
    return np.linspace(-half, half, BINS + 1)


def shares(stats: dict, clipped: bool) -> dict:
    """Histogram shares (%) for ``histogram_frames``: all weights, or the clipped ones."""
    if not clipped:
        return {"inside": 100 * stats["before"]}
    return {"inside": 100 * stats["inside"],
            "atoms": (100 * stats["at_low"], 100 * stats["at_high"])}


def fresh_weights(depth: int, width: int, gain: float, seed: int) -> list[np.ndarray]:
    """The He-initialised networks of sections 1 and 2 (core.network keeps their normals)."""
    return init_weights([width] * (depth + 1), "he", gain, seed,
                        samples=samples_for(depth, width))


# ---------------------------------------------------------------- cached computations
# Split by what each depends on: the activation does not touch the weights, c does not touch
# the unclipped gradients, and the fresh network's depth and width do not touch training.


def spectral_layers(depth: int) -> np.ndarray:
    """The first, middle and last layer (fewer in a shallower network)."""
    return np.unique(np.linspace(0, depth - 1, min(SPECTRAL_LAYERS, depth)).round().astype(int))


def spectral_matrices(depth: int, width: int, gain: float, seed: int) -> list[np.ndarray]:
    """The SPECTRAL_LAYERS layers of the first network whose ||W||_2 section 2 reports."""
    weights = fresh_weights(depth, width, gain, seed)
    return [weights[i][0] for i in spectral_layers(depth)]


@st.cache_data(max_entries=16)
def unclipped_spectral(depth: int, width: int, gain: float, seed: int) -> float:
    """Median ||W||_2 of the unclipped layers (exact SVDs; independent of c)."""
    return float(np.median(spectral_norms(spectral_matrices(depth, width, gain, seed))))


@st.cache_data(max_entries=16)
def weight_summary(c: float, depth: int, width: int, gain: float, seed: int) -> dict:
    """Section 1 and the spectral norms of section 2: the weights before and after clipping."""
    weights = fresh_weights(depth, width, gain, seed)
    edges = histogram_edges(c, init_std("he", width, width, gain))
    stats = clip_stats(weights, c, edges)
    layers = spectral_layers(depth)
    clipped = clip_weights([weights[i][0] for i in layers], c)
    return {
        "samples": len(weights[0]),
        "edges": edges,
        "before": shares(stats, clipped=False),
        "after": shares(stats, clipped=True),
        "at_bound": stats["at_low"] + stats["at_high"],
        "weight_factor": stats["factor"],
        "spectral": [unclipped_spectral(depth, width, gain, seed),
                     float(np.median(spectral_norms(clipped)))],
        "spectral_layers": len(layers),
        "bound": clipped_spectral_bound(c, (width, width)),
    }


@st.cache_data(max_entries=32)
def gradient_summary(clip: float | None, depth: int, width: int, gain: float, activation: str,
                     seed: int) -> dict:
    """log10(||g_l|| / ||g_L||) per layer of the fresh networks, clipped at ``clip`` (or not):
    the profile (median, 10-90% band) and the median at the input."""
    weights = fresh_weights(depth, width, gain, seed)  # fresh arrays: clamped in place
    if clip is not None:
        clip_in_place(weights, clip)
    rng = np.random.default_rng(seed + 1)
    x, upstream = rng.standard_normal((2, len(weights[0]), BATCH, width))
    log10_norms = log10_gradient_norms(weights, x, activation, upstream)
    ratios = log10_norms - log10_norms[-1]
    first = ratios[0][np.isfinite(ratios[0])]
    return {"profile": profile_frame(ratios, "unclipped" if clip is None else "clipped"),
            "at_input": float(np.median(first)) if first.size else -math.inf}


@st.cache_data(max_entries=16)
def training_runs(clips: tuple, gain: float, activation: str, dataset: str, seed: int) -> list:
    """Small summaries of training runs, one per weight bound in ``clips`` (None: unclipped),
    trained side by side; the last run also gets its weights at +-c at the start and end."""
    data = make_dataset(dataset, DATA_POINTS, DATA_NOISE, seed)
    config = TrainConfig(**TRAIN, activation=activation, gain=gain, seed=seed)
    results = train_clip_sweep(config, clips, data)
    runs = [{"clip": r.clip, "steps": r.eval_steps - 1, "loss": r.loss, "accuracy": r.accuracy,
             "diverged_at": r.diverged_at} for r in results]
    last = clips[-1]
    if last is not None:
        edges = histogram_edges(last, 0.0)
        start, end = (clip_stats(ws, last, edges) for ws in (results[-1].start,
                                                               results[-1].weights))
        runs[-1].update(edges=edges, start=shares(start, clipped=True),
                        end=shares(end, clipped=True),
                        at_bound=tuple(s["at_low"] + s["at_high"] for s in (start, end)))
    return runs


# ---------------------------------------------------------------- text helpers


def multiple_name(multiple: int) -> str:
    """4 -> '4c', 1 -> 'c'."""
    return "c" if multiple == 1 else f"{multiple}c"


def run_label(clip_multiple: int | None, lang: str) -> str:
    """Legend label of a training run: 'unclipped' or 'clipped at 4c' (no number: the chart's
    spec stays the same when c moves)."""
    if clip_multiple is None:
        return t("wc.series.unclipped", lang)
    return t("wc.series.clipped_at_multiple", lang, bound=multiple_name(clip_multiple))


def run_metric_label(clip_multiple: int | None, c: float, lang: str) -> str:
    """A training run's name with its bound's value: 'clipped at 4c = 0.4'."""
    if clip_multiple is None:
        return t("wc.series.unclipped", lang)
    return t("wc.series.clipped_at", lang, bound=multiple_name(clip_multiple),
             c=round(clip_multiple * c, 6))


def series_labels(lang: str) -> tuple[str, str]:
    return t("wc.series.unclipped", lang), t("wc.series.clipped_c", lang)


# ---------------------------------------------------------------- sections 1 and 2


@section("network")
def network_section(lang: str, controls: Controls, c: float, gain: float, activation: str,
                    seed: int) -> None:
    """Sections 1 and 2: one fresh network, its own depth and width."""
    cols = st.columns(2)
    depth = controls.slider("depth", "wc.control.depth", 1, 100, 50, container=cols[0])
    width = controls.slider("width", "wc.control.width", 8, 256, 128, step=8, container=cols[1])
    summary = weight_summary(c, depth, width, gain, seed)
    if summary["samples"] < MAX_SAMPLES:
        work_capped_notice(lang, t("wc.capped_what", lang), MAX_SAMPLES, summary["samples"])
    section_histogram(summary, c, width, gain, lang, controls)
    gradients = [gradient_summary(clip, depth, width, gain, activation, seed)
                 for clip in (None, c)]
    section_gradients(summary, gradients, c, depth, width, lang, controls)


def section_histogram(net: dict, c: float, width: int, gain: float, lang: str,
                      controls: Controls) -> None:
    st.subheader(t("wc.hist.header", lang))
    labels = series_labels(lang)
    bins, atoms = histogram_frames(net["edges"], dict(zip(labels, (net["before"], net["after"]),
                                                          strict=True)), c)
    left, right = st.columns([3, 1])
    show_chart(histogram_template(
        x_title=t("wc.hist.x", lang), y_title=t("wc.hist.y", lang),
        series_title=t("wc.hist.series", lang), series_labels=labels,
        series_colours=(COLORS["unclipped"], COLORS["clipped"]), title=t("wc.hist.title", lang),
        bin_titles=(t("wc.hist.from", lang), t("wc.hist.to", lang))),
        "weight_histogram", controls, container=left,
        data={"bins": bins, "atoms": atoms, "bounds": bound_frame(c, t("wc.bound_rule", lang,
                                                                        c=c))},
        export_title=t("wc.hist.export_title", lang, c=c))
    before, after = net["weight_factor"]
    right.metric(t("wc.metric.at_bound", lang), f"{100 * net['at_bound']:.1f}%")
    right.metric(t("wc.metric.weight_factor", lang), f"{after:#.3g}", f"{after - before:+#.3g}",
                 delta_color="off", delta_arrow="off",
                 help=t("wc.metric.weight_factor.help", lang))
    right.caption(t("wc.metric.weight_factor.before", lang, value=f"{before:#.3g}"))
    st.caption(histogram_caption(net, c, init_std("he", width, width, gain), lang))


def histogram_caption(net: dict, c: float, std: float, lang: str) -> str:
    """Section 1's caption: how many weights clipping moved, and what it did to n·Var[w]."""
    values = {"std": f"{std:.4f}", "c": c, "ratio": f"{c / std:.2f}"}
    if net["at_bound"] == 0:
        return t("wc.hist.caption.none", lang, **values)
    before, after = net["weight_factor"]
    return sentences([t("wc.hist.caption", lang, share=f"{100 * net['at_bound']:.1f}",
                        **values),
                      t("wc.hist.factor.lowered", lang, before=f"{before:#.3g}",
                        after=f"{after:#.3g}")], lang)


def section_gradients(net: dict, gradients: list[dict], c: float, depth: int, width: int,
                      lang: str, controls: Controls) -> None:
    st.subheader(t("wc.grad.header", lang))
    explain(t("wc.grad.bound_intro", lang), lang)
    st.latex(r"|w_{ij}| \le c \;\Rightarrow\; \|W\|_2 \le \|W\|_F \le c\sqrt{mn}, \qquad "
             r"\frac{\|g_0\|}{\|g_L\|} \le \prod_{l=1}^{L} \|W_l\|_2 \,"
             r"\max|\varphi'| \le \big(c\sqrt{mn}\big)^{L}")
    labels = dict(zip(SERIES, series_labels(lang), strict=True))
    profile = pd.concat([g["profile"].assign(series=labels[key])
                         for g, key in zip(gradients, SERIES, strict=True)], ignore_index=True)
    layers = np.arange(depth + 1)
    cap = pd.DataFrame({"layer": layers, "value": (depth - layers) * math.log10(net["bound"])})
    extent = decade_extent(profile["low"], profile["high"], cap["value"])
    show_chart(profile_template(
        x_title=t("label.layer", lang), y_title=t("label.grad_ratio", lang),
        series_title=t("wc.hist.series", lang), series_keys=SERIES,
        series_labels=tuple(labels.values()), title=t("wc.grad.title", lang),
        theory_label=t("wc.grad.cap", lang), float32=True, height=460),
        "gradient_ratio", controls,
        data={"profile": profile, "extent": extent, "theory": shown_rows(cap, {}),
              "limits": float32_limits(extent, t("float32.overflow", lang),
                                       t("float32.underflow", lang))},
        export_title=t("wc.grad.export_title", lang, depth=depth, width=width))
    st.caption(t("wc.grad.caption", lang, depth=depth, width=width, networks=net["samples"],
                 batch=BATCH))
    at_input = [g["at_input"] for g in gradients]
    cap_total = depth * math.log10(net["bound"])
    cols = st.columns(5)
    cols[0].metric(t("wc.metric.ratio_unclipped", lang), caret_power_of_ten(at_input[0]))
    cols[1].metric(t("wc.metric.ratio_clipped", lang), caret_power_of_ten(at_input[1]))
    cols[2].metric(t("wc.metric.spectral", lang), f"{net['spectral'][0]:.3g} → "
                   f"{net['spectral'][1]:.3g}",
                   help=t("wc.metric.spectral.help", lang, layers=net["spectral_layers"]))
    cols[3].metric(t("wc.metric.bound", lang), f"{net['bound']:.3g}")
    cols[4].metric(t("wc.metric.cap", lang, depth=depth), caret_power_of_ten(cap_total))
    st.markdown(verdict(net, at_input, cap_total, c, lang))


def gradient_regime(log10_ratio: float) -> str:
    """'vanishing', 'stable' or 'exploding' by REGIME_DECADES."""
    if log10_ratio < -REGIME_DECADES:
        return "vanishing"
    return "exploding" if log10_ratio > REGIME_DECADES else "stable"


def cap_outcome(bound: float, cap_total: float) -> str:
    """What the cap (c sqrt(mn))^L alone guarantees: forced vanishing, shrinking, no
    explosion, or nothing (loose)."""
    if bound < 1:
        return "forced" if cap_total < -REGIME_DECADES else "shrinks"
    return "rules_out" if cap_total <= REGIME_DECADES else "loose"


def verdict(net: dict, at_input: list, cap_total: float, c: float, lang: str) -> str:
    """What the numbers of section 2 mean, in words, each sentence chosen by the numbers."""
    before, after = at_input
    limits = {"low": f"10^{-REGIME_DECADES:g}", "high": f"10^{REGIME_DECADES:g}"}
    regime = gradient_regime(after)
    parts = [t("wc.verdict.moved", lang, c=c, before=caret_power_of_ten(before),
               after=caret_power_of_ten(after),
               regime=t(f"regime.{regime}", lang), rule=t(f"wc.rule.{regime}", lang, **limits))]
    parts.append(t(f"wc.verdict.{cap_outcome(net['bound'], cap_total)}", lang,
                   bound=f"{net['bound']:.3g}", cap=caret_power_of_ten(cap_total), **limits))
    if net["at_bound"] == 0:
        parts.append(t("wc.verdict.untouched", lang))
    elif net["bound"] >= 1:
        factor_before, factor_after = net["weight_factor"]
        parts.append(t("wc.verdict.factor", lang, before=f"{factor_before:#.3g}",
                       after=f"{factor_after:#.3g}"))
    return sentences(parts, lang)


# ---------------------------------------------------------------- section 3


TRAIN_TEXT = {"depth": TRAIN["depth"], "width": TRAIN["width"], "steps": TRAIN["steps"],
              "lr": TRAIN["lr"], "batch": TRAIN["batch_size"], "points": DATA_POINTS,
              "every": TRAIN["eval_every"]}


@section("training")
def training_section(lang: str, controls: Controls, c: float, gain: float, activation: str,
                     seed: int) -> None:
    """Section 3: the same small network trained unclipped and clipped at 4c, 2c and c."""
    st.subheader(t("wc.train.header", lang))
    multiples = [multiple_name(m) for m in CLIP_MULTIPLES if m is not None]
    explain(t("wc.train.intro", lang, multiples=word_list(multiples, lang)), lang)
    dataset = controls.select("data", "wc.control.data", DATASETS, "moons", "wc.data.",
                              help_key="wc.control.data.help", container=st.columns(3)[0])
    # the unclipped run does not depend on c: it stays cached while c moves
    clipped = tuple(round(m * c, 10) for m in CLIP_MULTIPLES if m is not None)
    runs = (training_runs((None,), gain, activation, dataset, seed)
            + training_runs(clipped, gain, activation, dataset, seed))
    section_training(runs, c, dataset, lang, controls)


def section_training(runs: list, c: float, dataset: str, lang: str, controls: Controls) -> None:
    labels = tuple(run_label(m, lang) for m in CLIP_MULTIPLES)
    keys = tuple("unclipped" if m is None else "clipped" for m in CLIP_MULTIPLES)
    curves = []
    for run, label, multiple in zip(runs, labels, CLIP_MULTIPLES, strict=True):
        curves.append(pd.DataFrame({"step": run["steps"], "loss": run["loss"], "series": label}))
        if run["diverged_at"] is not None:
            st.warning(t("wc.train.diverged", lang, run=run_metric_label(multiple, c, lang),
                         step=run["diverged_at"]))
    curves, dropped = finite_rows(pd.concat(curves, ignore_index=True), ["step", "loss"],
                                  positive=("loss",))
    data_name = t(f"wc.data.{dataset}", lang)
    show_chart(loss_template(
        x_title=t("wc.train.x", lang), y_title=t("wc.train.y", lang),
        series_title=t("wc.train.series", lang), series_labels=labels, series_keys=keys,
        title=t("wc.train.title", lang)), "training_loss", controls, data={"curves": curves},
        export_title=t("wc.train.export_title", lang, data=data_name))
    for column, run, multiple in zip(st.columns(len(runs)), runs, CLIP_MULTIPLES, strict=True):
        final = run["loss"][-1] if len(run["loss"]) else float("nan")
        accuracy = run["accuracy"][-1] if len(run["accuracy"]) else float("nan")
        column.metric(t("wc.metric.final", lang, run=run_metric_label(multiple, c, lang)),
                      f"{final:.3f}", t("wc.metric.accuracy", lang, acc=f"{100 * accuracy:.0f}"),
                      delta_color="off", delta_arrow="off")
    caption = t("wc.train.caption", lang, **TRAIN_TEXT, data=data_name,
                guess=f"{math.log(CLASSES):.3f}", classes=CLASSES)
    if dropped:
        caption = sentences([caption, t("wc.train.dropped", lang, n=dropped)], lang)
    st.caption(caption)
    pile_up(runs[-1], c, lang, controls)


def pile_up(run: dict, c: float, lang: str, controls: Controls) -> None:
    labels = (t("wc.series.start", lang), t("wc.series.end", lang, steps=TRAIN["steps"]))
    bins, atoms = histogram_frames(run["edges"], dict(zip(labels, (run["start"], run["end"]),
                                                          strict=True)), c)
    show_chart(histogram_template(
        x_title=t("wc.hist.x", lang), y_title=t("wc.hist.y", lang),
        series_title=t("wc.pile.series", lang), series_labels=labels,
        series_colours=(GREY, PURPLE), title=t("wc.pile.title", lang),
        bin_titles=(t("wc.hist.from", lang), t("wc.hist.to", lang))),
        "weight_pileup", controls,
        data={"bins": bins, "atoms": atoms, "bounds": bound_frame(c, t("wc.bound_rule", lang,
                                                                        c=c))},
        export_title=t("wc.pile.export_title", lang, c=c))
    start, end = (100 * share for share in run["at_bound"])
    st.markdown(t(f"wc.pile.{pile_change(start, end)}", lang, start=f"{start:.1f}",
                  end=f"{end:.1f}", steps=TRAIN["steps"], c=c))


def pile_change(start: float, end: float) -> str:
    """How the share (%) of weights at +-c moved in training: none, grew, shrank or same."""
    if max(start, end) < PILE_MOVE:
        return "none"
    if end > start + PILE_MOVE:
        return "grew"
    return "shrank" if end < start - PILE_MOVE else "same"


# ---------------------------------------------------------------- the page

lang = page_setup("weight_clipping")
st.title(t("page.weight_clipping", lang))
controls = Controls(lang)
c = controls.slider("c", "wc.control.c", 0.005, 1.0, 0.1, step=0.005, fmt="%.3f",
                    help_key="wc.control.c.help")
gain = controls.slider("gain", "wc.control.gain", 0.5, 2.0, 1.2, step=0.05,
                       help_key="wc.control.gain.help")
activation = controls.select("act", "wc.control.act", ACTIVATIONS, "relu", "act.")
seed = controls.seed()

explain(t("wc.intro", lang), lang)
st.latex(r"w \leftarrow w - \eta\,\nabla_w \mathcal{L}, \qquad "
         r"w \leftarrow \min\big(\max(w, -c),\, c\big)")
network_section(lang, controls, c, gain, activation, seed)
training_section(lang, controls, c, gain, activation, seed)
st.caption(t("wc.sources", lang))
controls.presets(PRESETS["weight_clipping"], LABEL_PREFIXES["weight_clipping"])
controls.report()
