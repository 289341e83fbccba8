"""Gradient clipping: what clipping by value and by norm do to a gradient, in 2-D, in a deep
network, and on a loss surface with a cliff."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.cliff import CLIFF_DEFAULTS, CLIFF_REGION, M, cliff_trajectory, loss_grid
from core.clipping_demo import (
    METHODS,
    clip_2d,
    clip_both_to,
    compare_to_original,
    first_exit,
    log10_histogram,
    mlp_gradients,
    polar_vector,
)
from ui.charts.clipping import (
    cliff_map_chart,
    histogram_chart,
    layer_norm_chart,
    per_step_chart,
    vector_chart,
)
from ui.charts.common import PRESENTER_HEIGHT, finite_rows
from ui.controls import Controls
from ui.display import explain, show_chart
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup, presenter_mode

GRID = 50  # loss-surface cells per side: 2,500 rectangles
BIN_WIDTH = 0.25  # histogram bins, in decades
KINDS = ("weight", "bias")


# ---------------------------------------------------------------- computation (cached)


@st.cache_data(max_entries=64)
def geometry(magnitude: float, angle: float, threshold: float) -> pd.DataFrame:
    """The three 2-D vectors with their norms and angles to the original."""
    g = polar_vector(magnitude, angle)
    rows = []
    for method, vec in clip_2d(g, threshold).items():
        measures = compare_to_original(g, vec)
        rows.append({"method": method, "x": vec[0], "y": vec[1], "norm": measures["norm"],
                     "angle_to_original": measures["angle"], "cosine": measures["cosine"]})
    return pd.DataFrame(rows)


@st.cache_data(max_entries=32)
def deep_gradient(depth: int, width: int, gain: float, ratio: float, seed: int) -> dict:
    """Metrics, histogram bins and per-layer norms of a deep MLP's gradient under each method."""
    weight_grads, bias_grads = mlp_gradients(depth, width, gain, seed)
    grads = weight_grads + bias_grads
    out = clip_both_to(grads, ratio)
    clipped = out["clipped"]
    flat = np.abs(np.concatenate([g.ravel() for g in grads]))
    logs = np.log10(flat[flat > 0])
    low = math.floor(min(logs.min(), math.log10(out["value_threshold"])) + math.log10(ratio))
    high = math.ceil(logs.max()) + BIN_WIDTH
    edges = np.arange(low, high + BIN_WIDTH / 2, BIN_WIDTH)
    bins, norms, metrics = [], [], {}
    for method in METHODS:
        counts, zeros = log10_histogram(clipped[method], edges)
        bins.append(pd.DataFrame({"method": method, "start": edges[:-1], "end": edges[1:],
                                  "count": counts}))
        metrics[method] = compare_to_original(grads, clipped[method])
        for kind, part in (("weight", clipped[method][:depth]), ("bias", clipped[method][depth:])):
            layer_norms = np.array([np.linalg.norm(g) for g in part])
            norms.append(pd.DataFrame({"method": method, "kind": kind,
                                       "layer": np.arange(1, depth + 1),
                                       "log10_norm": np.log10(layer_norms)}))
    return {"bins": pd.concat(bins, ignore_index=True), "norms": pd.concat(norms,
                                                                          ignore_index=True),
            "metrics": metrics, "zeros": zeros, "size": int(logs.size + zeros),
            "total": out["total"], "v": out["value_threshold"], "c": out["norm_threshold"]}


@st.cache_data(max_entries=8)
def cliff_surface() -> pd.DataFrame:
    """Loss on a GRID x GRID grid of the plotted region, one rectangle per cell."""
    W1, W2, Z = loss_grid(n=GRID)
    (x0, x1), (y0, y1) = CLIFF_REGION
    dx, dy = (x1 - x0) / (GRID - 1), (y1 - y0) / (GRID - 1)
    overlap = 0.53  # half a cell and a little more: no hairline seams between rectangles
    return pd.DataFrame({"w1": W1.ravel() - dx / 2, "w1_end": W1.ravel() + overlap * dx,
                         "w2": W2.ravel() - dy / 2, "w2_end": W2.ravel() + overlap * dy,
                         "loss": Z.ravel()})


@st.cache_data(max_entries=64)
def cliff_runs(w1: float, w2: float, lr: float, steps: int, threshold: float) -> dict:
    """Each method's path, loss, raw gradient norm and clipped flags (at most 201 points)."""
    runs = {}
    for method in METHODS:
        run = cliff_trajectory((w1, w2), lr, steps, method, threshold)
        runs[method] = {"path": run.path, "loss": run.loss, "grad_norm": run.grad_norm,
                        "clipped": run.clipped, "diverged_at": run.diverged_at,
                        "exit": first_exit(run.path, CLIFF_REGION)}
    return runs


# ---------------------------------------------------------------- helpers


def method_labels(lang: str, methods=METHODS) -> tuple[list[str], list[str]]:
    """(method ids, their translated names), in the fixed order none, value, norm."""
    return list(methods), [t(f"method.{m}", lang) for m in methods]


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with a translated ``label`` column next to ``method``."""
    return frame.assign(label=[t(f"method.{m}", lang) for m in frame["method"]])


def equal_aspect(chart, width_per_height: float):
    """In presenter mode show_chart makes a chart PRESENTER_HEIGHT tall: widen it to match."""
    if not presenter_mode():
        return chart
    return chart.properties(width=round(PRESENTER_HEIGHT * width_per_height))


def fmt(value: float) -> str:
    """Three significant digits; short scientific notation (1.39e-3) below 0.01 and from 1e5."""
    if value != 0 and not 0.01 <= abs(value) < 1e5:
        mantissa, exponent = f"{value:.2e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


# ---------------------------------------------------------------- sections


def formulas(lang: str) -> None:
    """Both correct rules, and the seed article's formula as the misconception."""
    fact, myth = st.columns(2, gap="large")
    with fact.container(border=True):
        st.markdown(f":green[**{t('fact.label', lang)}**] " + t("cl.math.fact", lang))
        st.markdown(f"*{t('method.value', lang)}*")
        st.latex(r"g_i \leftarrow \min\big(\max(g_i,\,-v),\,v\big)")
        st.markdown(f"*{t('method.norm', lang)}*")
        st.latex(r"g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\lVert g\rVert+\varepsilon}\Big),"
                 r"\quad \varepsilon = 10^{-6}")
        st.caption(t("cl.math.fact.caption", lang))
    with myth.container(border=True):
        st.markdown(f":red[**{t('myth.label', lang)}**] " + t("cl.math.myth", lang))
        st.latex(r"\begin{aligned}\text{clip} \leftarrow \max\big(&0,\ \text{clip},\\ "
                 r"&\min(\max(0,\text{clip}),\ \text{threshold})\big)\\ "
                 r"= \max(&0,\ \text{clip})\end{aligned}")
        explain(t("cl.math.myth.why", lang), lang)


def geometry_section(lang: str, controls: Controls) -> None:
    """(a) One 2-D gradient, the box and the circle."""
    st.subheader(t("cl.a.title", lang))
    explain(t("cl.a.question", lang), lang)
    left, middle, right = st.columns([1, 1.6, 1], gap="medium")
    with left:
        magnitude = controls.slider("mag", "cl.a.mag", 0.1, 5.0, 3.0, step=0.1,
                                    help_key="cl.a.mag.help", container=left)
        angle = controls.slider("ang", "cl.a.angle", -180, 180, 30, help_key="cl.a.angle.help",
                                container=left)
        threshold = controls.slider("thr", "cl.a.threshold", 0.1, 5.0, 1.0, step=0.1,
                                    help_key="cl.a.threshold.help", container=left)
    frame = labelled(geometry(float(magnitude), float(angle), float(threshold)), lang)
    keys, labels = method_labels(lang)
    extent = 1.15 * max(magnitude, threshold * math.sqrt(2.0))
    chart = vector_chart(
        frame, threshold, extent, x_title=t("cl.a.x", lang), y_title=t("cl.a.y", lang),
        legend_title=t("cl.method", lang), keys=keys, labels=labels,
        box_label=t("cl.a.box", lang, t=threshold), circle_label=t("cl.a.circle", lang,
                                                                    t=threshold),
        title=t("cl.a.chart", lang))
    # Fixed width, not "stretch": a stretched chart would no longer have equal axes.
    show_chart(equal_aspect(chart, 1.0), "vectors_2d", controls, container=middle,
               width="content")
    with right:
        for row in frame.itertuples():
            with st.container(border=True):
                st.markdown(f"**{row.label}**")
                norm_col, angle_col = st.columns(2)
                norm_col.metric(t("cl.a.metric.norm", lang), fmt(row.norm))
                angle_col.metric(t("cl.a.metric.angle", lang), f"{row.angle_to_original:.1f}°",
                                 help=t("cl.a.metric.angle.help", lang))
    value = frame.set_index("method").loc["value"]
    key = "cl.a.caption.bent" if value.angle_to_original > 0.005 else "cl.a.caption.kept"
    st.caption(t(key, lang, angle=value.angle_to_original) + " " + t("cl.a.caption", lang))


def network_section(lang: str, controls: Controls) -> None:
    """(b) The gradient of a deep ReLU MLP, clipped both ways to the same length."""
    st.subheader(t("cl.b.title", lang))
    explain(t("cl.b.question", lang), lang)
    cols = st.columns(5)
    depth = controls.slider("depth", "cl.b.depth", 2, 40, 12, container=cols[0])
    width = controls.slider("width", "cl.b.width", 8, 64, 32, container=cols[1])
    gain = controls.slider("gain", "cl.b.gain", 0.5, 3.0, 2.0, step=0.1, help_key="cl.b.gain.help",
                           container=cols[2])
    keep = controls.slider("keep", "cl.b.keep", 1, 99, 10, help_key="cl.b.keep.help",
                           container=cols[3])
    seed = controls.seed(container=cols[4])
    result = deep_gradient(depth, width, float(gain), keep / 100.0, seed)
    st.markdown(t("cl.b.thresholds", lang, total=fmt(result["total"]), keep=keep,
                  c=fmt(result["c"]), v=fmt(result["v"]), size=result["size"]))
    for method, column in zip(METHODS, st.columns(3), strict=True):
        m = result["metrics"][method]
        with column.container(border=True):
            st.markdown(f"**{t(f'method.{method}', lang)}**")
            norm_col, changed_col = st.columns(2)
            norm_col.metric(t("cl.b.metric.norm", lang), fmt(m["norm"]))
            st.metric(t("cl.b.metric.cosine", lang), f"{m['cosine']:.6f}",
                     help=t("cl.b.metric.cosine.help", lang, angle=m["angle"]))
            changed_col.metric(t("cl.b.metric.changed", lang), f"{100 * m['changed']:.1f}%",
                     help=t("cl.b.metric.changed.help", lang))
    keys, labels = method_labels(lang)
    hist_col, layer_col = st.columns(2, gap="large")
    show_chart(histogram_chart(
        labelled(result["bins"], lang), math.log10(result["v"]), x_title=t("cl.b.hist.x", lang),
        y_title=t("cl.b.hist.y", lang), legend_title=t("cl.method", lang), keys=keys,
        labels=labels, rule_label=t("cl.b.hist.rule", lang, v=fmt(result["v"])),
        title=t("cl.b.hist.title", lang)), "component_histogram", controls, container=hist_col)
    hist_col.caption(t("cl.b.hist.caption", lang, zeros=result["zeros"], size=result["size"],
                       shift=math.log10(keep / 100.0)))
    kind_labels = [t(f"cl.b.kind.{k}", lang) for k in KINDS]
    norms = labelled(result["norms"], lang)
    norms = norms.assign(kind=[t(f"cl.b.kind.{k}", lang) for k in norms["kind"]])
    show_chart(layer_norm_chart(
        norms, x_title=t("cl.b.layers.x", lang), y_title=t("cl.b.layers.y", lang),
        legend_title=t("cl.method", lang), kind_title=t("cl.b.kind", lang), keys=keys,
        labels=labels, kind_labels=kind_labels, title=t("cl.b.layers.title", lang)),
        "layer_norms", controls, container=layer_col)
    layer_col.caption(t("cl.b.layers.caption", lang))


def cliff_controls(lang: str, controls: Controls) -> dict:
    """The cliff's controls in two rows above its charts."""
    first = st.columns([1, 1, 1, 1.3, 1.3])
    shown = [m for m, col in zip(METHODS, first[:3], strict=True)
             if controls.toggle(m, f"method.{m}", default=True, container=col)]
    values = {"shown": shown}
    values["threshold"] = controls.slider("ct", "cl.c.threshold", 0.1, 10.0,
                                          CLIFF_DEFAULTS["threshold"], step=0.1,
                                          help_key="cl.c.threshold.help", container=first[3])
    values["lr"] = controls.slider("lr", "cl.c.lr", 0.05, 2.0, CLIFF_DEFAULTS["lr"], step=0.05,
                                   container=first[4])
    second = st.columns(3)
    values["steps"] = controls.slider("steps", "cl.c.steps", 1, 200, CLIFF_DEFAULTS["steps"],
                                      container=second[0])
    (x0, x1), (y0, y1) = CLIFF_REGION
    start = CLIFF_DEFAULTS["start"]
    values["w1"] = controls.slider("w1", "cl.c.w1", x0, x1, start[0], step=0.1,
                                   container=second[1])
    values["w2"] = controls.slider("w2", "cl.c.w2", y0, y1, start[1], step=0.1,
                                   container=second[2])
    return values


def path_frames(runs: dict, shown: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-point frame: step, w1, w2, loss; per-step frame: step, grad_norm, clipped)."""
    points, steps = [], []
    for method in shown:
        run = runs[method]
        n = len(run["path"])
        points.append(pd.DataFrame({"method": method, "step": np.arange(n),
                                    "w1": run["path"][:, 0], "w2": run["path"][:, 1],
                                    "loss": run["loss"]}))
        steps.append(pd.DataFrame({"method": method, "step": np.arange(n - 1),
                                   "grad_norm": run["grad_norm"], "clipped": run["clipped"]}))
    return pd.concat(points, ignore_index=True), pd.concat(steps, ignore_index=True)


def cliff_readout(lang: str, runs: dict, shown: list[str]) -> None:
    """Per method: final loss, clipped steps, and where the path ended (or left the plot)."""
    for method, column in zip(shown, st.columns(len(shown)), strict=True):
        run = runs[method]
        w = run["path"][-1]
        with column.container(border=True):
            st.markdown(f"**{t(f'method.{method}', lang)}**")
            a, b = st.columns(2)
            a.metric(t("cl.c.metric.loss", lang), fmt(run["loss"][-1]))
            b.metric(t("cl.c.metric.clipped", lang), f"{int(run['clipped'].sum())}",
                     help=t("cl.c.metric.clipped.help", lang))
            if run["exit"] is not None:
                p = run["path"][run["exit"]]
                st.caption(t("cl.c.left", lang, step=run["exit"], w1=p[0], w2=p[1],
                             end1=w[0], end2=w[1]))
            else:
                st.caption(t("cl.c.ended", lang, w1=w[0], w2=w[1],
                             dist=math.hypot(w[0] - M, w[1])))
            if run["diverged_at"] is not None:
                st.caption(t("cl.c.diverged", lang, step=run["diverged_at"]))


def cliff_section(lang: str, controls: Controls) -> None:
    """(c) Gradient descent on a loss with a cliff, with and without clipping."""
    st.subheader(t("cl.c.title", lang))
    explain(t("cl.c.question", lang), lang)
    values = cliff_controls(lang, controls)
    if not values["shown"]:
        st.info(t("cl.c.none_shown", lang), icon=":material/visibility_off:")
        return
    runs = cliff_runs(float(values["w1"]), float(values["w2"]), float(values["lr"]),
                      int(values["steps"]), float(values["threshold"]))
    points, steps = path_frames(runs, values["shown"])
    keys, labels = method_labels(lang, values["shown"])
    cliff_readout(lang, runs, values["shown"])
    map_col, step_col = st.columns([1.25, 1], gap="large")
    (x0, x1), (y0, y1) = CLIFF_REGION
    cliff_map = cliff_map_chart(
        cliff_surface(), labelled(points, lang), CLIFF_REGION, (M, 0.0),
        x_title=t("cl.c.w1.axis", lang), y_title=t("cl.c.w2.axis", lang),
        loss_title=t("cl.c.loss", lang), legend_title=t("cl.method", lang), keys=keys,
        labels=labels, start_label=t("cl.c.start", lang), minimum_label=t("cl.c.minimum", lang),
        title=t("cl.c.map.title", lang))
    show_chart(equal_aspect(cliff_map, (x1 - x0) / (y1 - y0)), "cliff_map", controls,
               container=map_col, width="content", data=labelled(points, lang))  # equal aspect
    map_col.caption(t("cl.c.map.caption", lang))
    loss_rows, dropped_loss = finite_rows(labelled(points, lang), ["step", "loss"],
                                          positive=("loss",))
    step_rows, dropped_norm = finite_rows(labelled(steps, lang), ["step", "grad_norm"],
                                          positive=("grad_norm",))
    common = {"x_title": t("cl.c.step", lang), "legend_title": t("cl.method", lang),
              "keys": keys, "labels": labels}
    show_chart(per_step_chart(
        loss_rows, "loss", y_title=t("cl.c.loss.axis", lang), title=t("cl.c.loss.title", lang),
        **common), "cliff_loss", controls, container=step_col)
    show_chart(per_step_chart(
        step_rows, "grad_norm", y_title=t("cl.c.norm.axis", lang),
        title=t("cl.c.norm.title", lang), rule_value=values["threshold"],
        rule_label=t("cl.c.rule", lang, t=values["threshold"]),
        clipped_title=t("cl.c.metric.clipped", lang), **common), "cliff_grad_norm", controls,
        container=step_col)
    caption = t("cl.c.steps.caption", lang)
    if dropped_loss or dropped_norm:
        caption += " " + t("cl.c.dropped", lang, n=dropped_loss + dropped_norm)
    step_col.caption(caption)


lang = page_setup("clipping")
st.title(t("page.clipping", lang))
controls = Controls(lang)
explain(t("cl.intro", lang), lang)
formulas(lang)
geometry_section(lang, controls)
network_section(lang, controls)
cliff_section(lang, controls)
controls.presets(PRESETS["clipping"], LABEL_PREFIXES["clipping"])
controls.report()
st.subheader(t("cl.refs.title", lang))
st.markdown(t("cl.refs", lang))
