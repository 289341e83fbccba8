"""Explosion vs vanishing: two networks side by side, remedies switched on per column."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS
from core.clipping import EPS as CLIP_EPS
from core.network import INITS
from core.remedies import (
    BATCH,
    BN_EPS,
    CRITICAL_GAINS,
    DEPTH_CURVE,
    SAMPLES,
    STABLE_DECADES,
    TREND_DECADES,
    Remedies,
    critical_gain,
    depth_trend,
    effective_init,
    gain_shifts_growth,
    growth_against_depth,
    growth_grid,
    log10_clip_coefficient,
    median_growth,
    per_layer_factor,
    shift_by_gain,
    simulate,
    stable_counts,
    total_growth,
    verdict,
)
from core.theory import theory_applies
from ui.charts.explosion import (
    CLAMP_DECADES,
    REGIMES,
    depth_template,
    phase_frame,
    phase_template,
    profile_chart,
    weights_chart,
    y_extent,
)
from ui.controls import Controls, section
from ui.display import explain, show_chart, work_capped_notice
from ui.frames import BAND_QUANTILES, float32_limits, profile_frame
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

WORK_BUDGET = 100 * 128**2 * 4  # weights drawn per column: depth * width^2 * samples
CURVE_SAMPLES = 2  # networks per depth in the growth-against-depth comparison (x BATCH inputs)
PHASE_GAINS = 2.0 ** (np.arange(-8, 9) / 4)  # 0.25 ... 4, a quarter octave apart
PHASE_DEPTHS = np.array([1, *range(5, 101, 5)])
PHASE_SAMPLES, PHASE_BATCH = 2, 8
CRITICAL_TOP = float(CRITICAL_GAINS[-1])  # the largest gain searched for sigmoid's critical one
PHASE_BUDGET = 17 * 100 * 64**2  # gains * depth * width^2 of the simulated phase diagram
SIDES = {  # URL prefix -> (title key, defaults: activation, init, gain, depth)
    "l": ("ex.left", ("sigmoid", "xavier", 1.0, 30)),
    "r": ("ex.right", ("relu", "he", 1.5, 30)),
}
SIDE_IDS = {"l": "left", "r": "right"}  # in chart ids (exported file names)


def samples_for(depth: int, width: int) -> int:
    """Sampled networks per column: SAMPLES, fewer (at least 2) when the work would be too big."""
    return int(max(2, min(SAMPLES, WORK_BUDGET // (depth * width**2))))


def phase_gains(activation: str, width: int) -> np.ndarray:
    """The phase diagram's gains: every other one when a simulation would be too big."""
    small = len(PHASE_GAINS) * 100 * width**2 <= PHASE_BUDGET
    return PHASE_GAINS if theory_applies(activation) or small else PHASE_GAINS[::2]


@st.cache_data(max_entries=16)
def column_summary(activation: str, init: str, gain: float, depth: int, width: int,
                   better_init: bool, bn: bool, residual: bool, seed: int, samples: int) -> dict:
    """Small per-layer summaries of one column's simulation (quantiles, medians).

    "weight_norms" (depth, samples) are the per-network log10 weight-gradient norms: the
    clipping section clips them without simulating again.
    """
    remedies = Remedies(better_init, bn, residual)
    result = simulate(activation, init, gain, depth, width, remedies, samples, BATCH, seed)
    relative = result["input"] - result["input"][-1]
    growth = total_growth(result["input"]).ravel()
    return {
        "profile": profile_frame(relative, ""),
        "weight": profile_frame(result["weight"], "", np.arange(1, depth + 1)),
        "weight_norms": result["weight"],
        "growth": median_growth(growth),
        "dead": float(np.mean(~np.isfinite(growth))),
        "count": int(growth.size),
    }


@st.cache_data(max_entries=8)
def phase_grid(activation: str, init: str, width: int, seed: int):
    """(gains, depths, total growth in decades, "theory"/"simulation") of the plain network."""
    gains = phase_gains(activation, width)
    growth, method = growth_grid(activation, init, gains, PHASE_DEPTHS, width,
                                 PHASE_SAMPLES, PHASE_BATCH, seed)
    return gains, PHASE_DEPTHS, growth, method


@st.cache_data(max_entries=32)
def depth_growth(kind: str, activation: str, init: str, gain: float, width: int, bn: bool,
                 seed: int) -> np.ndarray:
    """Total growth at each depth of DEPTH_CURVE of the plain or the residual network."""
    return growth_against_depth(activation, init, gain, width, bn, DEPTH_CURVE, CURVE_SAMPLES,
                                BATCH, seed, kinds=(kind,))[kind]


@st.cache_data(max_entries=16)
def depth_curves(activation: str, init: str, gain: float, width: int, bn: bool,
                 seed: int) -> dict:
    """Median and band of the total growth at each depth of DEPTH_CURVE, plain and residual."""
    if gain_shifts_growth(activation, bn):  # the plain curve at gain 1 serves every gain
        plain = shift_by_gain(depth_growth("plain", activation, init, 1.0, width, bn, seed),
                              DEPTH_CURVE, gain)
    else:
        plain = depth_growth("plain", activation, init, gain, width, bn, seed)
    growth = {"plain": plain,
              "residual": depth_growth("residual", activation, init, gain, width, bn, seed)}
    frames = {name: profile_frame(values, name, np.array(DEPTH_CURVE)).rename(
        columns={"layer": "depth"}) for name, values in growth.items()}
    medians = {name: [median_growth(row) for row in values] for name, values in growth.items()}
    return {"frames": frames, "medians": medians, "count": growth["plain"].shape[1]}


@st.cache_data(max_entries=16)
def sigmoid_gain(init: str, width: int, depth: int, seed: int) -> float | None:
    """The gain (times the init's std) where a plain sigmoid network stops vanishing, or None."""
    return critical_gain("sigmoid", init, width, depth, PHASE_SAMPLES, PHASE_BATCH, seed)


def column_controls(controls: Controls, side: str, container) -> dict:
    """One column's URL-bound controls (keys l_act, l_init, ... / r_act, ...)."""
    title_key, (act, init, gain, depth) = SIDES[side]
    container.subheader(t(title_key, controls.lang))
    top, bottom = container.columns(2), container.columns(2)
    settings = {
        "name": t(title_key, controls.lang),
        "activation": controls.select(f"{side}_act", "ex.activation", ACTIVATIONS, act, "act.",
                                      container=top[0]),
        "init": controls.select(f"{side}_init", "ex.init", INITS, init, "init.",
                                container=top[1]),
        "gain": controls.slider(f"{side}_gain", "ex.gain", 0.25, 4.0, gain, step=0.05,
                                help_key="ex.gain.help", container=bottom[0]),
        "depth": controls.slider(f"{side}_depth", "ex.depth", 1, 100, depth,
                                 container=bottom[1]),
    }
    container.markdown(f"**{t('ex.remedies', controls.lang)}**")
    boxes = container.columns(3)
    for key, label, box in (("good", "ex.better_init", boxes[0]), ("bn", "ex.bn", boxes[1]),
                            ("res", "ex.residual", boxes[2])):
        settings[key] = controls.toggle(f"{side}_{key}", label, help_key=label + ".help",
                                        container=box)
    return settings


def shared_controls(controls: Controls) -> dict:
    """Width and seed, in the sidebar (the clipping threshold lives in its section)."""
    st.sidebar.markdown(f"**{t('ex.shared', controls.lang)}**")
    return {
        "width": controls.slider("width", "ex.width", 16, 128, 64, step=16),
        "seed": controls.seed(),
    }


def run_column(settings: dict, shared: dict) -> dict:
    """The cached simulation for one column's settings."""
    samples = samples_for(settings["depth"], shared["width"])
    summary = column_summary(
        settings["activation"], settings["init"], float(settings["gain"]), settings["depth"],
        shared["width"], settings["good"], settings["bn"], settings["res"], shared["seed"],
        samples)
    return {**summary, "samples": samples, "regime": verdict(summary["growth"])}


def init_note(settings: dict, result: dict, shared: dict, lang: str) -> None:
    """Say which init the better-initialisation remedy picked (and when it changes nothing)."""
    if not settings["good"]:
        return
    init, _ = effective_init(settings["activation"], settings["init"], settings["gain"], True)
    same = init == settings["init"] and settings["gain"] == 1.0
    st.caption(t("ex.same_init" if same else "ex.uses_init", lang, init=t(f"init.{init}", lang)))
    if settings["activation"] == "sigmoid" and not (settings["bn"] or settings["res"]):
        sigmoid_note(settings["depth"], init, result, shared, lang)


def sigmoid_note(depth: int, init: str, result: dict, shared: dict, lang: str) -> None:
    """Why the better init leaves a plain sigmoid net vanishing: the per-layer factor, measured."""
    factor = per_layer_factor(result["growth"], depth)
    if not factor < 1:
        return
    lead = "ex.sigmoid_note.vanishing" if result["regime"] == "vanishing" else "ex.sigmoid_note"
    critical = sigmoid_gain(init, shared["width"], depth, shared["seed"])
    why = t("ex.sigmoid_note.none" if critical is None else "ex.sigmoid_note.critical", lang,
            critical=f"{critical or 0:.0f}", depth=depth, top=f"{CRITICAL_TOP:g}")
    st.caption(t(lead, lang, factor=f"{factor:.2f}", why=why))


def readouts(result: dict, lang: str) -> None:
    """Total growth and verdict of one column."""
    a, b = st.columns(2)
    a.metric(t("ex.growth", lang), t("ex.growth.value", lang, value=result["growth"]),
             help=t("ex.growth.help", lang, count=result["count"]))
    b.metric(t("ex.verdict", lang), t(f"regime.{result['regime']}", lang),
             help=t("ex.verdict.help", lang, tol=f"{STABLE_DECADES:g}"))


def setting_words(settings: dict, lang: str) -> dict[str, str]:
    """The column's activation, effective init and gain, depth, as the captions name them."""
    init, gain = effective_init(settings["activation"], settings["init"], settings["gain"],
                                settings["good"])
    return {"name": settings["name"], "act": t(f"act.{settings['activation']}", lang),
            "init": t(f"init.{init}", lang), "gain": f"{gain:g}", "depth": settings["depth"],
            "bn": t("ex.depth_bn", lang) if settings["bn"] else ""}


def band_percent() -> dict[str, str]:
    """The band's quantiles as percentages, for captions ("10", "90")."""
    return {"low": f"{100 * BAND_QUANTILES[0]:g}", "high": f"{100 * BAND_QUANTILES[1]:g}"}


def latex_power(value: float) -> str:
    """A power of ten as LaTeX (1e-06 -> 10^{-6})."""
    return f"10^{{{round(math.log10(value))}}}"


def power(value: float) -> str:
    """A power of ten as text (1e-06 -> "1e-6")."""
    return f"1e{round(math.log10(value))}"


def labelled(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """The frame with its series column set to ``label``."""
    return frame.assign(series=label)


def regime_labels(lang: str) -> tuple[str, ...]:
    return tuple(t(f"regime.{regime}", lang) for regime in REGIMES)


def draw_profiles(columns, sides: dict, results: dict, shared: dict, lang: str,
                  controls: Controls) -> None:
    """Each column's gradient profile on one shared y-axis, with readouts and notes."""
    frames = {side: labelled(results[side]["profile"], t(f"regime.{results[side]['regime']}",
                                                         lang)) for side in sides}
    extent = y_extent(list(frames.values()))
    for column, side in zip(columns, sides, strict=True):
        settings, result = sides[side], results[side]
        words = setting_words(settings, lang)
        with column:
            init_note(settings, result, shared, lang)
            if result["samples"] < SAMPLES:
                work_capped_notice(lang, t("ex.work_samples", lang), SAMPLES, result["samples"])
            readouts(result, lang)
            show_chart(profile_chart(
                regime_labels=regime_labels(lang), x_title=t("label.layer", lang),
                y_title=t("ex.ratio_y", lang), series_title=t("ex.verdict", lang),
                title=t("ex.profile_chart_title", lang, name=settings["name"])),
                f"gradient_profile_{SIDE_IDS[side]}", controls,
                data={"profile": frames[side], "extent": extent},
                export_title=t("ex.profile_title", lang, **words))
            st.caption(t("ex.profile_setting", lang, **words))
            if result["dead"] > 0:
                st.caption(t("ex.dead", lang, share=f"{result['dead']:.0%}"))
            if settings["bn"] and not settings["res"] and result["regime"] == "exploding":
                factor = per_layer_factor(result["growth"], settings["depth"])
                st.caption(t("ex.bn_explodes", lang, factor=f"{factor:.2f}"))
    count = results["l"]["count"]
    st.caption(t("ex.profile_caption", lang, count=count, samples=results["l"]["samples"],
                 batch=BATCH, **band_percent()))


def clipped_frame(result: dict, clip: bool, max_norm: float, labels: tuple[str, str]
                  ) -> tuple[pd.DataFrame, float | None]:
    """(rows before and, if on, after clipping; median clip factor or None), one column."""
    frames = [labelled(result["weight"], labels[0])]
    if not clip:
        return frames[0], None
    norms = result["weight_norms"]
    coef = log10_clip_coefficient(norms, max_norm)
    frames.append(labelled(profile_frame(norms + coef, "", np.arange(1, len(norms) + 1)),
                           labels[1]))
    return pd.concat(frames, ignore_index=True), float(10.0 ** np.median(coef))


@section("clipping")
def clipping_section(lang: str, controls: Controls, sides: dict, results: dict) -> None:
    """Weight gradients before/after clipping, both columns on one y-axis; its own controls."""
    st.subheader(t("ex.weights_title", lang))
    explain(t("ex.weights_intro", lang), lang)
    st.latex(r"\frac{\partial L}{\partial W_l} \leftarrow \frac{\partial L}{\partial W_l}"
             r"\cdot\min\Big(1,\frac{c}{\lVert g\rVert+" + latex_power(CLIP_EPS)
             + r"}\Big),\qquad "
             r"\lVert g\rVert=\sqrt{\textstyle\sum_{l}\lVert\partial L/\partial W_l\rVert^2}")
    boxes = st.columns(3)
    clip = {side: controls.toggle(f"{side}_clip", f"ex.clip.{side}", help_key="ex.clip.help",
                                  container=box) for side, box in zip(sides, boxes, strict=False)}
    max_norm = controls.slider("max_norm", "ex.max_norm", 0.1, 10.0, 1.0, step=0.1,
                               help_key="ex.max_norm.help", container=boxes[2])
    labels = (t("ex.unclipped", lang), t("ex.clipped", lang))
    built = {side: clipped_frame(results[side], clip[side], max_norm, labels) for side in sides}
    extent = y_extent([frame for frame, _ in built.values()], include_zero=False)
    limits = float32_limits(extent, t("float32.overflow", lang), t("float32.underflow", lang))
    for column, side in zip(st.columns(2), sides, strict=True):
        (frame, factor), name = built[side], sides[side]["name"]
        with column:
            show_chart(weights_chart(
                labels=labels, x_title=t("ex.weights_x", lang), y_title=t("ex.weights_y", lang),
                series_title=t("ex.weights_series", lang),
                title=t("ex.weights_chart_title", lang, name=name)),
                f"weight_gradients_{SIDE_IDS[side]}", controls,
                data={"profile": frame, "extent": extent, "limits": limits},
                export_title=t("ex.weights_export_title", lang, name=name, c=f"{max_norm:g}"))
            if factor is not None:
                st.metric(t("ex.clip_factor", lang),
                          t("ex.clip_factor.value", lang, value=f"{factor:.2g}"),
                          help=t("ex.clip_factor.help", lang, eps=power(CLIP_EPS)))
                st.caption(t("ex.clip_on_note", lang, name=name, c=f"{max_norm:g}"))
            else:
                st.caption(t("ex.clip_off_note", lang, name=name))
    st.caption(t("ex.weights_caption", lang, samples=results["l"]["samples"], **band_percent()))


def depth_frame(curves: dict, labels: tuple[str, str]) -> pd.DataFrame:
    """Plain and residual rows of one column's depth comparison, labelled for the legend."""
    return pd.concat([labelled(curves["frames"][name], label)
                      for name, label in zip(("plain", "residual"), labels, strict=True)],
                     ignore_index=True)


def depth_captions(curves: dict, lang: str) -> None:
    """The numbers at the deepest depth and the residual trend, worded from the medians."""
    medians = curves["medians"]
    st.caption(t("ex.depth_numbers", lang, depth=DEPTH_CURVE[-1], plain=medians["plain"][-1],
                 residual=medians["residual"][-1]))
    trend, start, end = depth_trend(DEPTH_CURVE, medians["residual"])
    values = dict(zip(DEPTH_CURVE, medians["residual"], strict=True))
    st.caption(t(f"ex.depth_trend.{trend}", lang, start=start, end=end, first=values[start],
                 last=values[end], tol=f"{TREND_DECADES:g}"))


def draw_depth(sides: dict, shared: dict, lang: str, controls: Controls) -> None:
    """Growth against depth with and without residual branches, at each column's settings."""
    st.subheader(t("ex.depth_title", lang))
    explain(t("ex.depth_intro", lang), lang)
    labels = (t("ex.depth_plain", lang), t("ex.depth_residual", lang))
    chart = depth_template(labels=labels, max_depth=DEPTH_CURVE[-1], stable=STABLE_DECADES,
                           x_title=t("ex.phase_depth", lang), y_title=t("ex.depth_y", lang),
                           series_title=t("ex.series_title", lang),
                           title=t("ex.depth_chart_name", lang))
    counts = []
    for column, (side, settings) in zip(st.columns(2), sides.items(), strict=True):
        act = settings["activation"]
        init, gain = effective_init(act, settings["init"], settings["gain"], settings["good"])
        curves = depth_curves(act, init, float(gain), shared["width"], settings["bn"],
                              shared["seed"])
        frame, words = depth_frame(curves, labels), setting_words(settings, lang)
        with column:  # each its own y-axis: the residual curve must stay readable
            show_chart(chart, f"depth_growth_{SIDE_IDS[side]}", controls,
                       data={"curves": frame, "extent": y_extent([frame]),
                             "here": pd.DataFrame({"depth": [settings["depth"]]})},
                       export_title=t("ex.depth_chart_title", lang, **words))
            st.caption(t("ex.depth_setting", lang, **words))
            depth_captions(curves, lang)
        counts.append(curves["count"])
    st.caption(t("ex.depth_caption", lang, samples=CURVE_SAMPLES, batch=BATCH, count=counts[0],
                 depths=t("ex.list_sep", lang).join(map(str, DEPTH_CURVE)),
                 tol=f"{STABLE_DECADES:g}", **band_percent()))


def draw_phase(sides: dict, shared: dict, lang: str, controls: Controls) -> None:
    """One phase diagram per column (its activation and effective init), settings marked."""
    st.subheader(t("ex.phase_title", lang))
    explain(t("ex.phase_intro", lang, tol=f"{STABLE_DECADES:g}"), lang)
    for column, side in zip(st.columns(2), sides, strict=True):
        settings = sides[side]
        act, words = settings["activation"], setting_words(settings, lang)
        init, gain = effective_init(act, settings["init"], settings["gain"], settings["good"])
        gains, depths, growth, method = phase_grid(act, init, shared["width"], shared["seed"])
        marks = pd.DataFrame({"gain": [gain], "depth": [settings["depth"]],
                              "label": [settings["name"]]})
        with column:
            if len(gains) < len(PHASE_GAINS):
                work_capped_notice(lang, t("ex.work_grid", lang), len(PHASE_GAINS), len(gains))
            show_chart(phase_template(
                x_title=t("ex.phase_gain", lang), y_title=t("ex.phase_depth", lang),
                colour_title=t("ex.phase_growth", lang, clamp=f"{CLAMP_DECADES:g}"),
                value_title=t("ex.phase_exact", lang),
                title=t("ex.phase_chart_name", lang, name=settings["name"])),
                f"phase_diagram_{SIDE_IDS[side]}", controls,
                data={"cells": phase_frame(gains, depths, growth), "marks": marks},
                export_title=t("ex.phase_chart_title", lang, **words))
            note = t("ex.phase_init_note", lang) if settings["good"] else ""
            st.caption(t("ex.phase_marked", lang, note=note, **words))
            band_caption(gains, depths, growth, lang)
            if method == "theory":
                st.caption(t("ex.phase_theory", lang, act=words["act"], width=shared["width"]))
            else:
                st.caption(t("ex.phase_simulation", lang, act=words["act"],
                             samples=PHASE_SAMPLES, batch=PHASE_BATCH, width=shared["width"]))


def band_caption(gains, depths, growth, lang: str) -> None:
    """How many gains are stable at the shallowest and at the deepest depth, worded by count."""
    counts = stable_counts(growth)
    first, last = int(counts[0]), int(counts[-1])
    change = ("gone" if last == 0 < first else "narrower" if last < first
              else "same" if last == first else "wider")
    st.caption(t(f"ex.phase_band.{change}", lang, tol=f"{STABLE_DECADES:g}", first=first,
                 last=last, n=len(gains), d0=int(depths[0]), d1=int(depths[-1])))


def draw_math(lang: str) -> None:
    """The formulas behind each remedy."""
    with st.expander(t("ex.math_title", lang), icon=":material/functions:"):
        st.markdown(t("ex.math_bn", lang, batch=BATCH, eps=power(BN_EPS)))
        st.latex(r"z=\frac{h-\mu_B}{\sqrt{\sigma_B^2+\epsilon}},\qquad "
                 r"\frac{\partial L}{\partial h}=\frac{1}{\sqrt{\sigma_B^2+\epsilon}}\Big("
                 r"\frac{\partial L}{\partial z}-\operatorname{mean}_B\frac{\partial L}{\partial z}"
                 r"-z\,\operatorname{mean}_B\Big(z\,\frac{\partial L}{\partial z}\Big)\Big)")
        st.markdown(t("ex.math_res", lang))
        st.latex(r"a_l=a_{l-1}+\tfrac{1}{\sqrt{L}}\,\varphi(W_l a_{l-1}),\qquad "
                 r"\frac{\partial a_l}{\partial a_{l-1}}=I+\tfrac{1}{\sqrt{L}}\,D_l W_l")
        st.markdown(t("ex.math_clip", lang))
        st.latex(r"\frac{\lVert c_{\mathrm{clip}}\,\partial L/\partial W_1\rVert}"
                 r"{\lVert c_{\mathrm{clip}}\,\partial L/\partial W_L\rVert}="
                 r"\frac{\lVert\partial L/\partial W_1\rVert}{\lVert\partial L/\partial W_L\rVert}")


def draw_table(lang: str) -> None:
    """Causes, symptoms and remedies, correcting the seed article."""
    st.subheader(t("ex.table_title", lang))
    rows = ("head", "cause", "depth", "symptom", "init", "bn", "res", "clip", "deeper")
    lines = [t(f"ex.table.{row}", lang) for row in rows]
    lines.insert(1, "|---|---|---|")
    st.markdown("\n".join(lines))
    st.caption(t("ex.table_caption", lang))


lang = page_setup("explosion")
st.title(t("page.explosion", lang))
controls = Controls(lang)
explain(t("ex.intro", lang) + "\n\n" + t("ex.math_factor", lang), lang)
st.latex(r"\frac{\lVert g_0\rVert}{\lVert g_L\rVert}\approx\prod_{l=1}^{L}"
         r"\sqrt{n\,\mathrm{Var}[w]\,\mathbb{E}\big[\varphi'(z_l)^2\big]}")
draw_math(lang)
shared = shared_controls(controls)
columns = st.columns(2, gap="large")
sides = {side: column_controls(controls, side, column)
         for side, column in zip(SIDES, columns, strict=True)}
results = {side: run_column(sides[side], shared) for side in sides}
draw_profiles(columns, sides, results, shared, lang, controls)
clipping_section(lang, controls, sides, results)
draw_depth(sides, shared, lang, controls)
draw_phase(sides, shared, lang, controls)
draw_table(lang)
controls.presets(PRESETS["explosion"], LABEL_PREFIXES["explosion"])
controls.report()
