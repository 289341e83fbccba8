"""Weight clipping: does bounding every weight tame the gradient, and what does it cost?"""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS
from core.clipping import clip_weights
from core.datasets import DATASETS, make_dataset
from core.network import init_std, init_weights, log10_gradient_norms
from core.training import (
    TrainConfig,
    clipped_spectral_bound,
    share_at_bound,
    spectral_norms,
    train,
    weight_histogram,
)
from ui.charts.common import COLORS, GREY, PURPLE
from ui.charts.layers import layer_profile_chart
from ui.charts.weight_clipping import loss_chart, weight_histogram_chart
from ui.controls import Controls
from ui.display import explain, show_chart
from ui.frames import profile_frame
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

MAX_SAMPLES, BATCH = 8, 4
MAX_WORK = 8_000_000  # weights held per rerun: depth * width^2 * samples (64 MB of float64)
SPECTRAL_LAYERS = 3  # exact SVDs of the first, middle and last layer (LAPACK is the slow part)
BINS = 60
TRAIN = {"depth": 4, "width": 32, "steps": 300, "batch_size": 64, "lr": 0.1, "eval_every": 5}
DATA_POINTS, DATA_NOISE = 400, 0.1
CLIP_MULTIPLES = (None, 4, 2, 1)  # training runs: no clipping, then 4c, 2c, c


def samples_for(depth: int, width: int) -> int:
    """How many random networks fit in the work budget (at least one)."""
    return max(1, min(MAX_SAMPLES, MAX_WORK // (depth * width * width)))


def histogram_edges(c: float, spread: float) -> np.ndarray:
    """BINS equal bins over a symmetric range that shows both the weights and +-c."""
    half = max(4.0 * spread, 1.15 * c)
    return np.linspace(-half, half, BINS + 1)


def clipped_histogram(weights: list, c: float, edges: np.ndarray) -> dict:
    """Shares (%) of clipped weights strictly inside (-c, c) per bin, and exactly at -c and +c."""
    at_low = float(np.mean(np.concatenate([np.ravel(w) for w in weights]) <= -c))
    at_high = share_at_bound(weights, c) - at_low
    inside = [w[np.abs(w) < c] for w in weights]
    return {"inside": 100 * weight_histogram(inside, edges) * (1 - at_low - at_high),
            "atoms": (100 * at_low, 100 * at_high)}


def gradient_ratios(weights: list, x: np.ndarray, activation: str, upstream: np.ndarray):
    """log10(||g_l|| / ||g_L||), shape (L+1, samples, batch)."""
    log10_norms = log10_gradient_norms(weights, x, activation, upstream)
    return log10_norms - log10_norms[-1]


@st.cache_data(max_entries=16)
def fresh_network(c: float, depth: int, width: int, gain: float, activation: str, seed: int):
    """Everything sections 1 and 2 show about He-initialised networks before and after clipping."""
    samples = samples_for(depth, width)
    weights = init_weights([width] * (depth + 1), "he", gain, seed, samples=samples)
    clipped = clip_weights(weights, c)
    rng = np.random.default_rng(seed + 1)
    x, upstream = rng.standard_normal((2, samples, BATCH, width))
    edges = histogram_edges(c, init_std("he", width, width, gain))
    layers = np.unique(np.linspace(0, depth - 1, min(SPECTRAL_LAYERS, depth)).round().astype(int))
    return {
        "samples": samples,
        "edges": edges,
        "before": 100 * weight_histogram(weights, edges),
        "after": clipped_histogram(clipped, c, edges),
        "at_bound": share_at_bound(clipped, c),
        "weight_factor": [width * float(np.mean(np.concatenate([w.ravel() for w in ws]) ** 2))
                          for ws in (weights, clipped)],
        "ratios": [gradient_ratios(ws, x, activation, upstream) for ws in (weights, clipped)],
        "spectral": [float(np.median(spectral_norms([ws[i][0] for i in layers])))
                     for ws in (weights, clipped)],
        "spectral_layers": len(layers),
        "bound": clipped_spectral_bound(c, (width, width)),
    }


@st.cache_data(max_entries=16)
def training_runs(c: float, gain: float, activation: str, dataset: str, seed: int) -> list:
    """Small summaries of the training runs with no clipping and weights clipped at 4c, 2c, c."""
    data = make_dataset(dataset, DATA_POINTS, DATA_NOISE, seed)
    runs = []
    for multiple in CLIP_MULTIPLES:
        clip = None if multiple is None else multiple * c
        config = TrainConfig(**TRAIN, activation=activation, gain=gain, weight_clip=clip,
                             seed=seed, snapshot_steps=(0,))
        result = train(config, data)
        run = {"clip": clip, "steps": result.eval_steps - 1, "loss": result.loss,
               "accuracy": result.accuracy, "diverged_at": result.diverged_at}
        if multiple == 1:
            edges = histogram_edges(c, 0.0)
            run["edges"] = edges
            run["start"] = clipped_histogram(result.snapshots[0], c, edges)
            run["end"] = clipped_histogram(result.weights, c, edges)
            run["at_bound"] = (share_at_bound(result.snapshots[0], c),
                               share_at_bound(result.weights, c))
        runs.append(run)
    return runs


# ---------------------------------------------------------------- frames for the charts


def histogram_frames(edges, series: dict, c: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(bins, atoms) frames for weight_histogram_chart from {label: shares or clipped dict}."""
    bins, atoms = [], []
    for label, shares in series.items():
        inside = shares["inside"] if isinstance(shares, dict) else shares
        bins.append(pd.DataFrame({"series": label, "left": edges[:-1], "right": edges[1:],
                                  "share": inside}))
        if isinstance(shares, dict):
            for x, share in zip((-c, c), shares["atoms"], strict=True):
                if share > 0:
                    atoms.append({"series": label, "x": x, "share": share,
                                  "text": f"{share:.1f}%"})
    atoms = pd.DataFrame(atoms, columns=["series", "x", "share", "text"])
    # several series with a spike at the same +-c: nudge them apart by 1% of the axis
    nudge = 0.01 * (edges[-1] - edges[0]) * (atoms.groupby("x").cumcount() - (len(series) - 1) / 2)
    atoms["at"] = atoms["x"] + (nudge if len(series) > 1 and len(atoms) else 0.0)
    return pd.concat(bins, ignore_index=True), atoms


def decades(value: float) -> str:
    """A log10 value as a power of ten for a metric, e.g. 10^3.9."""
    return f"10^{value:.1f}"


# ---------------------------------------------------------------- sections


def section_histogram(net: dict, c: float, width: int, gain: float, lang: str,
                      controls: Controls) -> None:
    st.subheader(t("wc.hist.header", lang))
    labels = [t("wc.series.unclipped", lang), t("wc.series.clipped", lang, c=c)]
    bins, atoms = histogram_frames(net["edges"], dict(zip(labels, (net["before"], net["after"]),
                                                          strict=True)), c)
    chart = weight_histogram_chart(
        bins, atoms, c, x_title=t("wc.hist.x", lang), y_title=t("wc.hist.y", lang),
        series_title=t("wc.hist.series", lang), series_labels=labels,
        series_colours=[COLORS["unclipped"], COLORS["clipped"]],
        bound_label=t("wc.bound_rule", lang, c=c), title=t("wc.hist.title", lang, c=c),
        bin_titles=(t("wc.hist.from", lang), t("wc.hist.to", lang)))
    left, right = st.columns([3, 1])
    show_chart(chart, "weight_histogram", controls, container=left)
    before, after = net["weight_factor"]
    right.metric(t("wc.metric.at_bound", lang), f"{100 * net['at_bound']:.1f}%")
    right.metric(t("wc.metric.weight_factor", lang), f"{after:.3f}", f"{after - before:+.3f}",
                 delta_color="off", delta_arrow="off",
                 help=t("wc.metric.weight_factor.help", lang))
    right.caption(t("wc.metric.weight_factor.before", lang, value=f"{before:.3f}"))
    std = init_std("he", width, width, gain)
    st.caption(t("wc.hist.caption", lang, std=f"{std:.4f}", c=c, ratio=f"{c / std:.2f}",
                 share=f"{100 * net['at_bound']:.1f}"))


def section_gradients(net: dict, c: float, depth: int, width: int, lang: str,
                      controls: Controls) -> None:
    st.subheader(t("wc.grad.header", lang))
    explain(t("wc.grad.bound_intro", lang), lang)
    st.latex(r"|w_{ij}| \le c \;\Rightarrow\; \|W\|_2 \le \|W\|_F \le c\sqrt{mn}, \qquad "
             r"\frac{\|g_0\|}{\|g_L\|} \le \prod_{l=1}^{L} \|W_l\|_2 \,"
             r"\max|\varphi'| \le \big(c\sqrt{mn}\big)^{L}")
    keys = ["unclipped", "clipped"]
    labels = [t("wc.series.unclipped", lang), t("wc.series.clipped", lang, c=c)]
    frame = pd.concat([profile_frame(r, label) for r, label in zip(net["ratios"], labels,
                                                                   strict=True)])
    layers = np.arange(depth + 1)
    cap = pd.DataFrame({"layer": layers, "value": (depth - layers) * math.log10(net["bound"])})
    chart = layer_profile_chart(
        frame, x_title=t("label.layer", lang), y_title=t("label.grad_ratio", lang),
        series_title=t("wc.hist.series", lang), series_keys=keys, series_labels=labels,
        title=t("wc.grad.title", lang, depth=depth, width=width), theory=cap,
        theory_label=t("wc.grad.cap", lang),
        float32_labels={"overflow": t("float32.overflow", lang),
                        "underflow": t("float32.underflow", lang)}, height=460)
    show_chart(chart, "gradient_ratio", controls)
    at_input = [float(np.median(r[0][np.isfinite(r[0])])) if np.isfinite(r[0]).any()
                else -np.inf for r in net["ratios"]]
    cap_total = depth * math.log10(net["bound"])
    cols = st.columns(5)
    cols[0].metric(t("wc.metric.ratio_unclipped", lang), decades(at_input[0]))
    cols[1].metric(t("wc.metric.ratio_clipped", lang), decades(at_input[1]))
    cols[2].metric(t("wc.metric.spectral", lang), f"{net['spectral'][0]:.3g} → "
                   f"{net['spectral'][1]:.3g}",
                   help=t("wc.metric.spectral.help", lang, layers=net["spectral_layers"]))
    cols[3].metric(t("wc.metric.bound", lang), f"{net['bound']:.3g}")
    cols[4].metric(t("wc.metric.cap", lang, depth=depth), decades(cap_total))
    st.markdown(verdict(at_input, cap_total, c, net["bound"], lang))


def verdict(at_input: list, cap_total: float, c: float, bound: float, lang: str) -> str:
    """What the numbers of section 2 mean, in words."""
    before, after = at_input
    regime = ("vanishing" if after < -1 else "exploding" if after > 1 else "stable")
    text = t("wc.verdict.moved", lang, c=c, before=decades(before), after=decades(after),
             regime=t(f"regime.{regime}", lang))
    if bound < 1:
        text += " " + t("wc.verdict.forced", lang, bound=f"{bound:.3g}")
    else:
        text += " " + t("wc.verdict.cap", lang, cap=decades(cap_total))
    return text


def section_training(runs: list, c: float, dataset: str, lang: str, controls: Controls) -> None:
    labels, keys, curves = [], [], []
    for run in runs:
        clip = run["clip"]
        label = (t("wc.series.unclipped", lang) if clip is None
                 else t("wc.series.clipped", lang, c=round(clip, 6)))
        labels.append(label)
        keys.append("unclipped" if clip is None else "clipped")
        curves.append(pd.DataFrame({"step": run["steps"], "loss": run["loss"], "series": label}))
        if run["diverged_at"] is not None:
            st.warning(t("wc.train.diverged", lang, run=label, step=run["diverged_at"]))
    curves = pd.concat(curves, ignore_index=True)
    curves = curves[curves["loss"] > 0]
    chart = loss_chart(curves, x_title=t("wc.train.x", lang), y_title=t("wc.train.y", lang),
                       series_title=t("wc.train.series", lang), series_labels=labels,
                       series_keys=keys,
                       title=t("wc.train.title", lang, data=t(f"wc.data.{dataset}", lang)))
    show_chart(chart, "training_loss", controls)
    for column, run, label in zip(st.columns(len(runs)), runs, labels, strict=True):
        final = run["loss"][-1] if len(run["loss"]) else float("nan")
        accuracy = run["accuracy"][-1] if len(run["accuracy"]) else float("nan")
        column.metric(t("wc.metric.final", lang, run=label), f"{final:.3f}",
                      t("wc.metric.accuracy", lang, acc=f"{100 * accuracy:.0f}"),
                      delta_color="off", delta_arrow="off")
    st.caption(t("wc.train.caption", lang, **TRAIN_TEXT))
    pile_up(runs[-1], c, lang, controls)


def pile_up(run: dict, c: float, lang: str, controls: Controls) -> None:
    labels = [t("wc.series.start", lang), t("wc.series.end", lang, steps=TRAIN["steps"])]
    bins, atoms = histogram_frames(run["edges"], dict(zip(labels, (run["start"], run["end"]),
                                                          strict=True)), c)
    chart = weight_histogram_chart(
        bins, atoms, c, x_title=t("wc.hist.x", lang), y_title=t("wc.hist.y", lang),
        series_title=t("wc.pile.series", lang), series_labels=labels,
        series_colours=[GREY, PURPLE], bound_label=t("wc.bound_rule", lang, c=c),
        title=t("wc.pile.title", lang, c=c),
        bin_titles=(t("wc.hist.from", lang), t("wc.hist.to", lang)))
    show_chart(chart, "weight_pileup", controls)
    start, end = (100 * share for share in run["at_bound"])
    change = "grew" if end > start + 2 else "shrank" if end < start - 2 else "same"
    st.markdown(t(f"wc.pile.{change}", lang, start=f"{start:.1f}", end=f"{end:.1f}",
                  steps=TRAIN["steps"]))


TRAIN_TEXT = {"depth": TRAIN["depth"], "width": TRAIN["width"], "steps": TRAIN["steps"],
              "lr": TRAIN["lr"], "batch": TRAIN["batch_size"], "points": DATA_POINTS,
              "every": TRAIN["eval_every"]}

lang = page_setup("weight_clipping")
st.title(t("page.weight_clipping", lang))
controls = Controls(lang)
c = controls.slider("c", "wc.control.c", 0.005, 1.0, 0.1, step=0.005, fmt="%.3f",
                    help_key="wc.control.c.help")
depth = controls.slider("depth", "wc.control.depth", 1, 100, 50)
width = controls.slider("width", "wc.control.width", 8, 256, 128, step=8)
gain = controls.slider("gain", "wc.control.gain", 0.5, 2.0, 1.2, step=0.05,
                       help_key="wc.control.gain.help")
activation = controls.select("act", "wc.control.act", ACTIVATIONS, "relu", "act.")
seed = controls.seed()
dataset = controls.select("data", "wc.control.data", DATASETS, "moons", "wc.data.",
                          help_key="wc.control.data.help")
controls.presets(PRESETS["weight_clipping"], LABEL_PREFIXES["weight_clipping"])
controls.report()

explain(t("wc.intro", lang), lang)
st.latex(r"w \leftarrow w - \eta\,\nabla_w \mathcal{L}, \qquad "
         r"w \leftarrow \min\big(\max(w, -c),\, c\big)")
net = fresh_network(c, depth, width, gain, activation, seed)
if net["samples"] < MAX_SAMPLES:
    st.info(t("notice.work_capped", lang, what=t("wc.capped_what", lang), asked=MAX_SAMPLES,
              used=net["samples"]))
section_histogram(net, c, width, gain, lang, controls)
section_gradients(net, c, depth, width, lang, controls)

st.subheader(t("wc.train.header", lang))
explain(t("wc.train.intro", lang), lang)
section_training(training_runs(c, gain, activation, dataset, seed), c, dataset, lang, controls)
st.caption(t("wc.sources", lang))
