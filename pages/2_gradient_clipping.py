"""Gradient clipping: what clipping by value and by norm do to a gradient, in 2-D, in a deep
network, and on a loss surface with a cliff."""

import pandas as pd
import streamlit as st

from core import cliff
from core.clip_effects import BATCH, deep_gradient_summary, layer_outcome
from core.clipping import METHODS, clip_2d_measures, norm_clip_shortened, value_clip_outcome
from core.pytorch_code import clipping_code
from ui.charts import clipping as charts
from ui.charts import clipping_data as data
from ui.controls import Controls, section
from ui.display import explain, show_chart
from ui.format import decade_count, short_number
from ui.i18n import sentences, t
from ui.pytorch import pytorch_block
from ui.quiz import quiz_card
from ui.shell import page_setup, presenter_mode
from ui.tables.clipping import TABLE

GRID = 50  # loss-surface cells per side: 2,500 rectangles
BIN_WIDTH = 0.25  # histogram bins, in decades


# ---------------------------------------------------------------- computation (cached)


@st.cache_data(max_entries=64)
def geometry(magnitude: float, angle: float, threshold: float) -> pd.DataFrame:
    """The three 2-D vectors with their norms, angles to the original and clipped components."""
    return pd.DataFrame(clip_2d_measures(magnitude, angle, threshold))


@st.cache_data(max_entries=32)
def deep_gradient(depth: int, width: int, gain: float, ratio: float, seed: int) -> dict:
    """deep_gradient_summary, its chart frames and what clipping by value did to the layers."""
    summary = deep_gradient_summary(depth, width, gain, ratio, seed, BIN_WIDTH)
    return {**summary, **data.summary_frames(summary),
            "value_layers": layer_outcome(summary["changes"]["value"])}


@st.cache_data(max_entries=8)
def cliff_surface() -> pd.DataFrame:
    """Loss on a GRID x GRID grid of the plotted region, one rectangle per cell."""
    return data.cliff_cells(GRID)


@st.cache_data(max_entries=64)
def cliff_runs(w1: float, w2: float, lr: float, steps: int, threshold: float) -> dict:
    """Each method's path, loss, raw gradient norm, clipped flags and run summary."""
    return cliff.cliff_runs((w1, w2), lr, steps, threshold)


# ---------------------------------------------------------------- sections


def formulas(lang: str) -> None:
    """Both correct rules, and the original article's formula as the misconception."""
    fact, myth = st.columns(2, gap="large")
    with fact.container(border=True):
        st.markdown(f":green[**{t('fact.label', lang)}**] " + t("cl.math.fact", lang))
        st.markdown(f"*{t('method.value', lang)}*")
        st.latex(r"g_i \leftarrow \min\big(\max(g_i,\,-v),\,v\big)")
        st.markdown(f"*{t('method.norm', lang)}*")
        st.latex(data.NORM_RULE)
        st.caption(t("cl.math.fact.caption", lang, eps=data.EPS_TEXT))
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
    values = controls.widgets("mag", "ang", "thr", container=left)
    magnitude, threshold = values["mag"], values["thr"]
    frame = data.labelled(geometry(float(magnitude), float(values["ang"]), float(threshold)), lang)
    keys, labels = data.method_labels(lang)
    chart = charts.vector_template(
        x_title=t("cl.a.x", lang), y_title=t("cl.a.y", lang), legend_title=t("cl.method", lang),
        keys=keys, labels=labels, title=t("cl.a.chart", lang),
        width=data.picture_width(presenter_mode()))
    vectors = charts.vector_data(frame, threshold, data.picture_extent(magnitude, threshold),
                                 t("cl.a.box", lang, t=threshold),
                                 t("cl.a.circle", lang, t=threshold))
    # Fixed width, not "stretch": a stretched chart would no longer have equal axes.
    show_chart(chart, "vectors_2d", controls, container=middle, width="content", data=vectors)
    with right:
        for row in frame.itertuples():
            with st.container(border=True):
                st.markdown(f"**{row.label}**")
                norm_col, angle_col = st.columns(2)
                norm_col.metric(t("cl.a.metric.norm", lang), short_number(row.norm))
                angle_col.metric(t("cl.a.metric.angle", lang),
                                 t("cl.a.metric.angle.value", lang, angle=row.angle_to_original),
                                 help=t("cl.a.metric.angle.help", lang))
    st.caption(geometry_caption(frame.set_index("method"), threshold, lang))


def geometry_caption(vectors: pd.DataFrame, threshold: float, lang: str) -> str:
    """What each rule did to the 2-D gradient, chosen by the computed vectors."""
    value, norm, none = vectors.loc["value"], vectors.loc["norm"], vectors.loc["none"]
    outcome = value_clip_outcome(value.changed, value.angle_to_original)
    text = t(f"cl.a.caption.{outcome}", lang, angle=value.angle_to_original, t=threshold)
    lengths = {"before": short_number(none.norm), "after": short_number(norm.norm)}
    key = "norm_short" if norm_clip_shortened(none.norm, norm.norm) else "norm_kept"
    return sentences([text, t(f"cl.a.caption.{key}", lang, t=threshold, **lengths)], lang)


@section("network")
def network_section(lang: str, controls: Controls) -> None:
    """(b) The gradient of a deep ReLU MLP, clipped both ways to the same length."""
    st.subheader(t("cl.b.title", lang))
    explain(t("cl.b.question", lang, batch=BATCH), lang)
    values = {key: controls.widget(key, container=column) for key, column in
              zip(("depth", "width", "gain", "keep", "seed"), st.columns(5), strict=True)}
    keep = values["keep"]
    result = deep_gradient(values["depth"], values["width"], float(values["gain"]), keep / 100.0,
                           values["seed"])
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
            st.metric(t("cl.b.metric.cosine", lang),
                      t("cl.b.metric.cosine.value", lang, cosine=m["cosine"]),
                      help=t("cl.b.metric.cosine.help", lang, angle=m["angle"]))
            changed_col.metric(t("cl.b.metric.changed", lang),
                               t("cl.b.metric.changed.value", lang, share=m["changed"]),
                               help=t("cl.b.metric.changed.help", lang))
    network_charts(lang, controls, result)


def network_charts(lang: str, controls: Controls, result: dict) -> None:
    """The components' histogram and the per-layer norms, each with its caption."""
    keys, labels = data.method_labels(lang)
    hist_col, layer_col = st.columns(2, gap="large")
    rule = data.value_threshold_rule(result["v"],
                                     t("cl.b.hist.rule", lang, v=short_number(result["v"])))
    show_chart(charts.histogram_template(
        x_title=t("cl.b.hist.x", lang), y_title=t("cl.b.hist.y", lang),
        legend_title=t("cl.method", lang), keys=keys, labels=labels,
        title=t("cl.b.hist.title", lang)), "component_histogram", controls, container=hist_col,
        data={"bins": data.labelled(result["bins"], lang), "rule": rule})
    zeros = (t("cl.b.hist.zeros", lang, zeros=result["zeros"], size=result["size"])
             if result["zeros"] else "")
    hist_col.caption(sentences([t("cl.b.hist.caption", lang,
                                  shift=decade_count(result["drop"])), zeros], lang))
    show_chart(charts.layer_norm_template(
        x_title=t("cl.b.layers.x", lang), y_title=t("cl.b.layers.y", lang),
        legend_title=t("cl.method", lang), kind_title=t("cl.b.kind", lang), keys=keys,
        labels=labels, kind_labels=tuple(data.kind_labels(lang).values()),
        title=t("cl.b.layers.title", lang)), "layer_norms", controls, container=layer_col,
        data={"norms": data.kind_labelled(data.labelled(result["norms"], lang), lang)})
    layer_col.caption(layers_caption(result, lang))


def layers_caption(result: dict, lang: str) -> str:
    """What each rule did to the per-layer norms, chosen by the computed changes."""
    parts = [t("cl.b.layers.norm", lang, shift=decade_count(result["drop"]))]
    value, outcome = result["changes"]["value"], result["value_layers"]
    parts.append(t("cl.b.layers.value_even" if outcome["even"] else "cl.b.layers.value_uneven",
                   lang, least=value["least"], most=value["most"]))
    untouched = outcome["untouched"]
    if untouched["weight"] or untouched["bias"]:
        parts.append(t("cl.b.layers.untouched", lang, weights=untouched["weight"],
                       biases=untouched["bias"]))
    if outcome["spread"] is not None:
        parts.append(t(f"cl.b.layers.{outcome['spread']}", lang, before=value["spread_before"],
                       after=value["spread_after"]))
    return sentences(parts, lang)


def cliff_controls(controls: Controls) -> dict:
    """The cliff's controls in two rows above its charts."""
    first, second = st.columns([1, 1, 1, 1.3, 1.3]), st.columns(3)
    values = {key: controls.widget(key, container=column) for key, column in
              zip((*METHODS, "ct", "lr", "steps", "w1", "w2"), (*first, *second), strict=True)}
    return {**values, "shown": [m for m in METHODS if values[m]]}


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
                             m1=cliff.CLIFF_MINIMUM[0], m2=cliff.CLIFF_MINIMUM[1]))
            if run["diverged_at"] is not None:
                st.caption(t("cl.c.diverged", lang, step=run["diverged_at"]))


def steps_caption(runs: dict, shown: list[str], dropped: int, lang: str) -> str:
    """The gradient-norm chart's caption, every sentence chosen by the runs' numbers (and the
    number of points the log axes left out)."""
    parts = [t("cl.c.steps.dots", lang)]
    if "norm" in shown:
        parts.append(t("cl.c.steps.norm", lang))
    if "value" in shown:
        n = runs["value"]["above_unclipped"]
        parts.append(t("cl.c.steps.value", lang))
        parts.append(t("cl.c.steps.value_unclipped", lang, n=n) if n
                     else t("cl.c.steps.value_all", lang))
    top = cliff.steepest_run(runs, shown)
    if top is not None:
        run, valley = runs[top], cliff.VALLEY_SLOPE
        if run["spike"]:
            parts.append(t("cl.c.steps.spike", lang, peak=run["peak"], step=run["peak_step"],
                           method=t(f"method.{top}", lang), valley=valley,
                           move=run["peak_move"]))
        else:
            parts.append(t("cl.c.steps.no_spike", lang, peak=run["peak"], valley=valley))
    if dropped:
        parts.append(t("cl.c.dropped", lang, n=dropped))
    return sentences(parts, lang)


@section("cliff")
def cliff_section(lang: str, controls: Controls) -> None:
    """(c) Gradient descent on a loss with a cliff, with and without clipping."""
    st.subheader(t("cl.c.title", lang))
    explain(t("cl.c.question", lang, cliff=cliff.CLIFF_SLOPE, valley=cliff.VALLEY_SLOPE,
              ratio=cliff.CLIFF_TO_VALLEY), lang)
    values = cliff_controls(controls)
    if not values["shown"]:
        st.info(t("cl.c.none_shown", lang), icon=":material/visibility_off:")
        return
    runs = cliff_runs(float(values["w1"]), float(values["w2"]), float(values["lr"]),
                      int(values["steps"]), float(values["ct"]))
    cliff_readout(lang, runs, values["shown"])
    cliff_charts(lang, controls, values, runs)


def cliff_charts(lang: str, controls: Controls, values: dict, runs: dict) -> None:
    """The descent paths on the loss map, and the loss and gradient norm per step."""
    points, steps = data.path_frames(runs, values["shown"])
    keys, labels = data.method_labels(lang, values["shown"])
    map_col, step_col = st.columns([1.25, 1], gap="large")
    minimum = cliff.CLIFF_MINIMUM
    marks = data.cliff_marks((values["w1"], values["w2"]), t("cl.c.start", lang),
                             t("cl.c.minimum", lang, m1=minimum[0], m2=minimum[1]))
    cliff_map = charts.cliff_map_template(
        region=cliff.CLIFF_REGION, x_title=t("cl.c.w1.axis", lang),
        y_title=t("cl.c.w2.axis", lang), loss_title=t("cl.c.loss", lang),
        legend_title=t("cl.method", lang), keys=keys, labels=labels,
        title=t("cl.c.map.title", lang), width=data.map_width(presenter_mode()))
    show_chart(cliff_map, "cliff_map", controls, container=map_col, width="content",
               data={"grid": cliff_surface(), "paths": data.labelled(points, lang), "marks": marks},
               csv="paths")
    map_col.caption(t("cl.c.map.caption", lang, c=cliff.C))
    loss_rows, step_rows, dropped = data.log_axis_rows(points, steps)
    common = {"x_title": t("cl.c.step", lang), "legend_title": t("cl.method", lang),
              "keys": keys, "labels": labels}
    show_chart(charts.per_step_template(
        field="loss", y_title=t("cl.c.loss.axis", lang), title=t("cl.c.loss.title", lang),
        **common), "cliff_loss", controls, container=step_col,
        data={"steps": data.labelled(loss_rows, lang)})
    rules = data.threshold_line(float(values["ct"]), t("cl.c.rule", lang, t=values["ct"]))
    show_chart(charts.per_step_template(
        field="grad_norm", y_title=t("cl.c.norm.axis", lang), title=t("cl.c.norm.title", lang),
        clipped_title=t("cl.c.metric.clipped", lang), rule=True, **common), "cliff_grad_norm",
        controls, container=step_col,
        data={"steps": data.labelled(step_rows, lang), "rules": rules})
    step_col.caption(steps_caption(runs, values["shown"], dropped, lang))


lang = page_setup("clipping")
st.title(t("page.clipping", lang))
controls = Controls(lang, TABLE)
explain(t("cl.intro", lang), lang)
quiz_card(lang, controls)
formulas(lang)
geometry_section(lang, controls)
network_section(lang, controls)
cliff_section(lang, controls)
controls.report()
st.subheader(t("cl.refs.title", lang))
st.markdown(t("cl.refs", lang, eps=data.EPS_TEXT))
pytorch_block(lang, lambda: clipping_code(controls.current_values()), controls)
