"""Gradient clipping: what clipping by value and by norm do to a gradient, in 2-D, in a deep
network, and on a loss surface with a cliff."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.cliff import CLIFF_DEFAULTS, CLIFF_REGION, C, cliff_trajectory, loss_grid
from core.clipping import EPS
from core.clipping_demo import (
    BATCH,
    CLIFF_MINIMUM,
    CLIFF_SLOPE,
    METHODS,
    VALLEY_SLOPE,
    clip_2d,
    compare_to_original,
    deep_gradient_summary,
    polar_vector,
    run_summary,
)
from ui.charts.clipping import (
    MAP_WIDTH,
    SQUARE,
    cliff_map_template,
    histogram_template,
    layer_norm_template,
    per_step_template,
    vector_data,
    vector_template,
)
from ui.charts.common import PRESENTER_HEIGHT, finite_rows
from ui.controls import Controls, section
from ui.display import explain, show_chart
from ui.format import decade_count, short_number
from ui.i18n import sentences, t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup, presenter_mode

GRID = 50  # loss-surface cells per side: 2,500 rectangles
BIN_WIDTH = 0.25  # histogram bins, in decades
KINDS = ("weight", "bias")  # the rows of deep_gradient_summary's per-layer norms
ANGLE_KEPT = 0.005  # degrees: clipping by value "kept the direction" below this turn
SHORTENED = 1e-5  # relative: clipping by norm "shortened" the 2-D arrow by more than this
EVEN_DECADES = 0.005  # clipping by value lowered the layers "evenly" within this
EPS_TEXT = f"{EPS:g}".replace("e-0", "e-")  # PyTorch's 1e-6, as the prose writes it


# ---------------------------------------------------------------- computation (cached)


@st.cache_data(max_entries=64)
def geometry(magnitude: float, angle: float, threshold: float) -> pd.DataFrame:
    """The three 2-D vectors with their norms, angles to the original and clipped components."""
    g = polar_vector(magnitude, angle)
    rows = []
    for method, vec in clip_2d(g, threshold).items():
        measures = compare_to_original(g, vec)
        rows.append({"method": method, "x": vec[0], "y": vec[1], "norm": measures["norm"],
                     "angle_to_original": measures["angle"], "cosine": measures["cosine"],
                     "changed": int(np.sum(vec != g))})
    return pd.DataFrame(rows)


@st.cache_data(max_entries=32)
def deep_gradient(depth: int, width: int, gain: float, ratio: float, seed: int) -> dict:
    """deep_gradient_summary, with its histogram and per-layer norms as tidy frames."""
    summary = deep_gradient_summary(depth, width, gain, ratio, seed, BIN_WIDTH)
    edges = summary["edges"]
    bins = [pd.DataFrame({"method": method, "start": edges[:-1], "end": edges[1:],
                          "count": summary["counts"][method]}) for method in METHODS]
    norms = [pd.DataFrame({"method": method, "kind": kind, "layer": np.arange(1, depth + 1),
                           "log10_norm": summary["norms"][method][row]})
             for method in METHODS for row, kind in enumerate(KINDS)]
    return {**summary, "bins": pd.concat(bins, ignore_index=True),
            "norms": pd.concat(norms, ignore_index=True)}


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
                        **run_summary(run.path, run.grad_norm, run.clipped, threshold,
                                      CLIFF_REGION)}
    return runs


# ---------------------------------------------------------------- helpers


def method_labels(lang: str, methods=METHODS) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(method ids, their translated names), in the fixed order none, value, norm."""
    return tuple(methods), tuple(t(f"method.{m}", lang) for m in methods)


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with a translated ``label`` column next to ``method``."""
    return frame.assign(label=frame["method"].map({m: t(f"method.{m}", lang) for m in METHODS}))


def equal_aspect_width(width: int, width_per_height: float) -> int:
    """An equal-aspect chart's width: in presenter mode show_chart makes it PRESENTER_HEIGHT
    tall, so it is widened to match."""
    return round(PRESENTER_HEIGHT * width_per_height) if presenter_mode() else width


# ---------------------------------------------------------------- sections


def formulas(lang: str) -> None:
    """Both correct rules, and the original article's formula as the misconception."""
    fact, myth = st.columns(2, gap="large")
    with fact.container(border=True):
        st.markdown(f":green[**{t('fact.label', lang)}**] " + t("cl.math.fact", lang))
        st.markdown(f"*{t('method.value', lang)}*")
        st.latex(r"g_i \leftarrow \min\big(\max(g_i,\,-v),\,v\big)")
        st.markdown(f"*{t('method.norm', lang)}*")
        st.latex(r"g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\lVert g\rVert+\varepsilon}\Big),"
                 rf"\quad \varepsilon = 10^{{{math.log10(EPS):.0f}}}")
        st.caption(t("cl.math.fact.caption", lang, eps=EPS_TEXT))
    with myth.container(border=True):
        st.markdown(f":red[**{t('myth.label', lang)}**] " + t("cl.math.myth", lang))
        st.latex(r"\begin{aligned}\text{clip} \leftarrow \max\big(&0,\ \text{clip},\\ "
                 r"&\min(\max(0,\text{clip}),\ \text{threshold})\big)\\ "
                 r"= \max(&0,\ \text{clip})\end{aligned}")
        explain(t("cl.math.myth.why", lang), lang)


@section("geometry")
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
    chart = vector_template(
        x_title=t("cl.a.x", lang), y_title=t("cl.a.y", lang), legend_title=t("cl.method", lang),
        keys=keys, labels=labels, title=t("cl.a.chart", lang),
        width=equal_aspect_width(SQUARE, 1.0))
    data = vector_data(frame, threshold, extent, t("cl.a.box", lang, t=threshold),
                       t("cl.a.circle", lang, t=threshold))
    # Fixed width, not "stretch": a stretched chart would no longer have equal axes.
    show_chart(chart, "vectors_2d", controls, container=middle, width="content", data=data)
    with right:
        for row in frame.itertuples():
            with st.container(border=True):
                st.markdown(f"**{row.label}**")
                norm_col, angle_col = st.columns(2)
                norm_col.metric(t("cl.a.metric.norm", lang), short_number(row.norm))
                angle_col.metric(t("cl.a.metric.angle", lang), f"{row.angle_to_original:.1f}°",
                                 help=t("cl.a.metric.angle.help", lang))
    st.caption(geometry_caption(frame.set_index("method"), threshold, lang))


def geometry_caption(vectors: pd.DataFrame, threshold: float, lang: str) -> str:
    """What each rule did to the 2-D gradient, chosen by the computed vectors."""
    value, norm = vectors.loc["value"], vectors.loc["norm"]
    if value.changed == 0:
        key = "cl.a.caption.inside"
    elif value.angle_to_original <= ANGLE_KEPT:
        key = "cl.a.caption.kept"
    else:
        key = "cl.a.caption.bent_both" if value.changed == 2 else "cl.a.caption.bent_one"
    text = t(key, lang, angle=value.angle_to_original, t=threshold)
    lengths = {"before": short_number(vectors.loc["none"].norm), "after": short_number(norm.norm)}
    if norm.norm < vectors.loc["none"].norm * (1 - SHORTENED):
        return sentences([text, t("cl.a.caption.norm_short", lang, **lengths)], lang)
    return sentences([text, t("cl.a.caption.norm_kept", lang, t=threshold, **lengths)], lang)


@section("network")
def network_section(lang: str, controls: Controls) -> None:
    """(b) The gradient of a deep ReLU MLP, clipped both ways to the same length."""
    st.subheader(t("cl.b.title", lang))
    explain(t("cl.b.question", lang, batch=BATCH), lang)
    cols = st.columns(5)
    depth = controls.slider("depth", "cl.b.depth", 2, 40, 12, container=cols[0])
    width = controls.slider("width", "cl.b.width", 8, 64, 32, container=cols[1])
    gain = controls.slider("gain", "cl.b.gain", 0.5, 3.0, 2.0, step=0.1, help_key="cl.b.gain.help",
                           container=cols[2])
    keep = controls.slider("keep", "cl.b.keep", 1, 99, 10, help_key="cl.b.keep.help",
                           container=cols[3])
    seed = controls.seed(container=cols[4])
    result = deep_gradient(depth, width, float(gain), keep / 100.0, seed)
    st.markdown(sentences([t("cl.b.thresholds", lang, total=short_number(result["total"]),
                             keep=keep, c=short_number(result["c"]),
                             v=short_number(result["v"]), size=result["size"]),
                           t("cl.b.spread", lang, span=result["span"], **result["spread"])],
                          lang))
    for method, column in zip(METHODS, st.columns(3), strict=True):
        m = result["metrics"][method]
        with column.container(border=True):
            st.markdown(f"**{t(f'method.{method}', lang)}**")
            norm_col, changed_col = st.columns(2)
            norm_col.metric(t("cl.b.metric.norm", lang), short_number(m["norm"]))
            st.metric(t("cl.b.metric.cosine", lang), f"{m['cosine']:.6f}",
                     help=t("cl.b.metric.cosine.help", lang, angle=m["angle"]))
            changed_col.metric(t("cl.b.metric.changed", lang), f"{100 * m['changed']:.1f}%",
                     help=t("cl.b.metric.changed.help", lang))
    keys, labels = method_labels(lang)
    hist_col, layer_col = st.columns(2, gap="large")
    rule = pd.DataFrame({"x": [math.log10(result["v"])],
                         "what": [t("cl.b.hist.rule", lang, v=short_number(result["v"]))]})
    show_chart(histogram_template(
        x_title=t("cl.b.hist.x", lang), y_title=t("cl.b.hist.y", lang),
        legend_title=t("cl.method", lang), keys=keys, labels=labels,
        title=t("cl.b.hist.title", lang)), "component_histogram", controls, container=hist_col,
        data={"bins": labelled(result["bins"], lang), "rule": rule})
    hist_caption = t("cl.b.hist.caption", lang, shift=decade_count(abs(result["shift"])))
    if result["zeros"]:
        hist_caption = sentences([hist_caption, t("cl.b.hist.zeros", lang, zeros=result["zeros"],
                                                  size=result["size"])], lang)
    hist_col.caption(hist_caption)
    kind_labels = {k: t(f"cl.b.kind.{k}", lang) for k in KINDS}
    norms = labelled(result["norms"], lang)
    norms = norms.assign(kind=norms["kind"].map(kind_labels))
    show_chart(layer_norm_template(
        x_title=t("cl.b.layers.x", lang), y_title=t("cl.b.layers.y", lang),
        legend_title=t("cl.method", lang), kind_title=t("cl.b.kind", lang), keys=keys,
        labels=labels, kind_labels=tuple(kind_labels.values()),
        title=t("cl.b.layers.title", lang)), "layer_norms", controls, container=layer_col,
        data={"norms": norms})
    layer_col.caption(layers_caption(result, lang))


def layers_caption(result: dict, lang: str) -> str:
    """What each rule did to the per-layer norms, chosen by the computed changes."""
    parts = [t("cl.b.layers.norm", lang, shift=decade_count(abs(result["shift"])))]
    value = result["changes"]["value"]
    even = value["most"] - value["least"] < EVEN_DECADES
    parts.append(t("cl.b.layers.value_even" if even else "cl.b.layers.value_uneven", lang,
                   least=value["least"], most=value["most"]))
    untouched = value["untouched"].reshape(len(KINDS), -1).sum(axis=1)
    if untouched.any():
        parts.append(t("cl.b.layers.untouched", lang, weights=int(untouched[0]),
                       biases=int(untouched[1])))
    before, after = value["spread_before"], value["spread_after"]
    if not even and round(before, 2) != round(after, 2):
        parts.append(t("cl.b.layers.narrows" if after < before else "cl.b.layers.widens", lang,
                       before=before, after=after))
    return sentences(parts, lang)


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
        w = run["end"]
        with column.container(border=True):
            st.markdown(f"**{t(f'method.{method}', lang)}**")
            a, b = st.columns(2)
            a.metric(t("cl.c.metric.loss", lang), short_number(run["loss"][-1]))
            b.metric(t("cl.c.metric.clipped", lang), str(run["n_clipped"]),
                     help=t("cl.c.metric.clipped.help", lang))
            if run["exit"] is not None:
                p = run["path"][run["exit"]]
                st.caption(t("cl.c.left", lang, step=run["exit"], w1=p[0], w2=p[1],
                             end1=w[0], end2=w[1]))
            else:
                st.caption(t("cl.c.ended", lang, w1=w[0], w2=w[1], dist=run["distance"],
                             m1=CLIFF_MINIMUM[0], m2=CLIFF_MINIMUM[1]))
            if run["diverged_at"] is not None:
                st.caption(t("cl.c.diverged", lang, step=run["diverged_at"]))


def steps_caption(runs: dict, shown: list[str], lang: str) -> str:
    """The gradient-norm chart's caption, every sentence chosen by the runs' numbers."""
    parts = [t("cl.c.steps.dots", lang)]
    if "norm" in shown:
        parts.append(t("cl.c.steps.norm", lang))
    if "value" in shown:
        n = runs["value"]["above_unclipped"]
        parts.append(t("cl.c.steps.value", lang))
        parts.append(t("cl.c.steps.value_unclipped", lang, n=n) if n
                     else t("cl.c.steps.value_all", lang))
    with_steps = [m for m in shown if runs[m]["peak"] is not None]
    if with_steps:
        top = max(with_steps, key=lambda m: runs[m]["peak"])  # first of equals, METHODS order
        run = runs[top]
        if run["peak"] > VALLEY_SLOPE:
            parts.append(t("cl.c.steps.spike", lang, peak=run["peak"], step=run["peak_step"],
                           method=t(f"method.{top}", lang), valley=VALLEY_SLOPE,
                           move=run["peak_move"]))
        else:
            parts.append(t("cl.c.steps.no_spike", lang, peak=run["peak"], valley=VALLEY_SLOPE))
    return sentences(parts, lang)


@section("cliff")
def cliff_section(lang: str, controls: Controls) -> None:
    """(c) Gradient descent on a loss with a cliff, with and without clipping."""
    st.subheader(t("cl.c.title", lang))
    explain(t("cl.c.question", lang, cliff=CLIFF_SLOPE, valley=VALLEY_SLOPE,
              ratio=CLIFF_SLOPE / VALLEY_SLOPE), lang)
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
    marks = pd.DataFrame({
        "w1": [values["w1"], CLIFF_MINIMUM[0]], "w2": [values["w2"], CLIFF_MINIMUM[1]],
        "what": [t("cl.c.start", lang),
                 t("cl.c.minimum", lang, m1=CLIFF_MINIMUM[0], m2=CLIFF_MINIMUM[1])],
        "shape": ["circle", "cross"]})
    cliff_map = cliff_map_template(
        region=CLIFF_REGION, x_title=t("cl.c.w1.axis", lang), y_title=t("cl.c.w2.axis", lang),
        loss_title=t("cl.c.loss", lang), legend_title=t("cl.method", lang), keys=keys,
        labels=labels, title=t("cl.c.map.title", lang),
        width=equal_aspect_width(MAP_WIDTH, (x1 - x0) / (y1 - y0)))
    show_chart(cliff_map, "cliff_map", controls, container=map_col, width="content",
               data={"grid": cliff_surface(), "paths": labelled(points, lang), "marks": marks},
               csv="paths")
    map_col.caption(t("cl.c.map.caption", lang, c=C))
    loss_rows, dropped_loss = finite_rows(labelled(points, lang), ["step", "loss"],
                                          positive=("loss",))
    step_rows, dropped_norm = finite_rows(labelled(steps, lang), ["step", "grad_norm"],
                                          positive=("grad_norm",))
    common = {"x_title": t("cl.c.step", lang), "legend_title": t("cl.method", lang),
              "keys": keys, "labels": labels}
    show_chart(per_step_template(
        field="loss", y_title=t("cl.c.loss.axis", lang), title=t("cl.c.loss.title", lang),
        **common), "cliff_loss", controls, container=step_col, data={"steps": loss_rows})
    rules = pd.DataFrame({"y": [float(values["threshold"])],
                          "what": [t("cl.c.rule", lang, t=values["threshold"])]})
    show_chart(per_step_template(
        field="grad_norm", y_title=t("cl.c.norm.axis", lang), title=t("cl.c.norm.title", lang),
        clipped_title=t("cl.c.metric.clipped", lang), rule=True, **common), "cliff_grad_norm",
        controls, container=step_col, data={"steps": step_rows, "rules": rules})
    caption = steps_caption(runs, values["shown"], lang)
    if dropped_loss or dropped_norm:
        caption = sentences([caption, t("cl.c.dropped", lang, n=dropped_loss + dropped_norm)],
                            lang)
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
st.markdown(t("cl.refs", lang, eps=EPS_TEXT))
