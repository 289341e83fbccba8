"""Explosion vs vanishing: two networks side by side, remedies switched on per column."""

import numpy as np
import pandas as pd
import streamlit as st

from core.activations import ACTIVATIONS
from core.network import INITS
from core.remedies import (
    Remedies,
    effective_init,
    growth_grid,
    simulate,
    total_growth,
    verdict,
)
from core.theory import theory_applies
from ui.charts.explosion import (
    CLAMP_DECADES,
    phase_chart,
    phase_frame,
    profile_chart,
    shared_y_domain,
    weights_chart,
)
from ui.controls import Controls
from ui.display import explain, show_chart
from ui.frames import profile_frame
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

SAMPLES, BATCH = 8, 32  # BN needs a batch: statistics over 32 inputs
WORK_BUDGET = 100 * 128**2 * 4  # weights drawn per column: depth * width^2 * samples
PHASE_GAINS = 2.0 ** (np.arange(-8, 9) / 4)  # 0.25 ... 4, a quarter octave apart
PHASE_DEPTHS = np.array([1, *range(5, 101, 5)])
PHASE_SAMPLES, PHASE_BATCH = 2, 8
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
                   better_init: bool, bn: bool, residual: bool, clip: float | None,
                   seed: int, samples: int) -> dict:
    """Small per-layer summaries of one column's simulation (quantiles, medians)."""
    remedies = Remedies(better_init, bn, residual, clip)
    result = simulate(activation, init, gain, depth, width, remedies, samples, BATCH, seed)
    relative = result["input"] - result["input"][-1]
    growth = total_growth(result["input"]).ravel()
    return {
        "profile": profile_frame(relative, ""),
        "weight": profile_frame(result["weight"], "", np.arange(1, depth + 1)),
        "clipped": profile_frame(result["clipped"], "", np.arange(1, depth + 1)),
        "growth": float(np.median(growth[np.isfinite(growth)])),
        "dead": float(np.mean(~np.isfinite(growth))),
        "coef": float(np.median(result["coef"])),
        "count": int(growth.size),
    }


@st.cache_data(max_entries=8)
def phase_grid(activation: str, init: str, width: int, seed: int):
    """(gains, depths, total growth in decades, "theory"/"simulation") of the plain network."""
    gains = phase_gains(activation, width)
    growth, method = growth_grid(activation, init, gains, PHASE_DEPTHS, width,
                                 PHASE_SAMPLES, PHASE_BATCH, seed)
    return gains, PHASE_DEPTHS, growth, method


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
    left, right = container.columns(2)
    for key, label, box in (("good", "ex.better_init", left), ("bn", "ex.bn", right),
                            ("res", "ex.residual", left), ("clip", "ex.clip", right)):
        settings[key] = controls.toggle(f"{side}_{key}", label, help_key=label + ".help",
                                        container=box)
    return settings


def shared_controls(controls: Controls) -> dict:
    """Width, clipping threshold and seed, in the sidebar."""
    st.sidebar.markdown(f"**{t('ex.shared', controls.lang)}**")
    return {
        "width": controls.slider("width", "ex.width", 16, 128, 64, step=16),
        "max_norm": controls.slider("max_norm", "ex.max_norm", 0.1, 10.0, 1.0, step=0.1,
                                    help_key="ex.max_norm.help"),
        "seed": controls.seed(),
    }


def run_column(settings: dict, shared: dict) -> dict:
    """The cached simulation for one column's settings."""
    samples = samples_for(settings["depth"], shared["width"])
    summary = column_summary(
        settings["activation"], settings["init"], float(settings["gain"]), settings["depth"],
        shared["width"], settings["good"], settings["bn"], settings["res"],
        float(shared["max_norm"]) if settings["clip"] else None, shared["seed"], samples)
    return {**summary, "samples": samples, "regime": verdict(summary["growth"])}


def init_note(settings: dict, lang: str) -> None:
    """Say which init the better-initialisation remedy picked (and when it changes nothing)."""
    if not settings["good"]:
        return
    init, _ = effective_init(settings["activation"], settings["init"], settings["gain"], True)
    same = init == settings["init"] and settings["gain"] == 1.0
    st.caption(t("ex.same_init" if same else "ex.uses_init", lang, init=t(f"init.{init}", lang)))
    if settings["activation"] == "sigmoid":
        st.caption(t("ex.sigmoid_note", lang))


def readouts(result: dict, lang: str) -> None:
    """Total growth and verdict of one column."""
    a, b = st.columns(2)
    a.metric(t("ex.growth", lang), t("ex.growth.value", lang, value=result["growth"]),
             help=t("ex.growth.help", lang, count=result["count"]))
    b.metric(t("ex.verdict", lang), t(f"regime.{result['regime']}", lang),
             help=t("ex.verdict.help", lang))


def profile_title(settings: dict, lang: str) -> str:
    """Chart title naming the column's activation, effective gain and depth."""
    _, gain = effective_init(settings["activation"], settings["init"], settings["gain"],
                                settings["good"])
    return t("ex.profile_title", lang, name=settings["name"],
             act=t(f"act.{settings['activation']}", lang), gain=f"{gain:g}",
             depth=settings["depth"])


def labelled(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """The frame with its series column set to ``label``."""
    return frame.assign(series=label)


def draw_profiles(columns, sides: dict, results: dict, lang: str, controls: Controls) -> None:
    """Each column's gradient profile on one shared y-axis, with readouts and notes."""
    frames = {}
    for side in sides:
        regime = t(f"regime.{results[side]['regime']}", lang)
        frames[side] = labelled(results[side]["profile"], f"{sides[side]['name']} ({regime})")
    y_domain = shared_y_domain(list(frames.values()))
    for column, side in zip(columns, sides, strict=True):
        settings, result = sides[side], results[side]
        with column:
            init_note(settings, lang)
            if result["samples"] < SAMPLES:
                st.info(t("notice.work_capped", lang, what=t("ex.work_samples", lang),
                          asked=SAMPLES, used=result["samples"]), icon=":material/speed:")
            readouts(result, lang)
            show_chart(profile_chart(
                frames[side], regime=result["regime"], y_domain=y_domain,
                x_title=t("label.layer", lang), y_title=t("ex.ratio_y", lang),
                series_title=t("ex.series_title", lang), title=profile_title(settings, lang)),
                f"gradient_profile_{SIDE_IDS[side]}", controls)
            if result["dead"] > 0:
                st.caption(t("ex.dead", lang, share=f"{result['dead']:.0%}"))
            if settings["bn"] and not settings["res"] and result["regime"] == "exploding":
                st.caption(t("ex.bn_explodes", lang))
    count = results["l"]["count"]
    st.caption(t("ex.profile_caption", lang, count=count, samples=results["l"]["samples"],
                 batch=BATCH))


def weight_frames(settings: dict, result: dict, lang: str, max_norm: float) -> tuple:
    """(frame, keys, labels) of one column's weight gradients, clipped ones if clipping is on."""
    keys, labels = ["unclipped"], [t("ex.unclipped", lang)]
    frames = [labelled(result["weight"], labels[0])]
    if settings["clip"]:
        keys.append("clipped")
        labels.append(t("ex.clipped", lang, c=f"{max_norm:g}"))
        frames.append(labelled(result["clipped"], labels[1]))
    return pd.concat(frames, ignore_index=True), keys, labels


def draw_weights(sides: dict, results: dict, shared: dict, lang: str,
                 controls: Controls) -> None:
    """Weight gradients before/after clipping, both columns on one y-axis."""
    st.subheader(t("ex.weights_title", lang))
    explain(t("ex.weights_intro", lang), lang)
    st.latex(r"\frac{\partial L}{\partial W_l} \leftarrow \frac{\partial L}{\partial W_l}"
             r"\cdot\min\Big(1,\frac{c}{\lVert g\rVert+10^{-6}}\Big),\qquad "
             r"\lVert g\rVert=\sqrt{\textstyle\sum_{l}\lVert\partial L/\partial W_l\rVert^2}")
    built = {side: weight_frames(sides[side], results[side], lang, shared["max_norm"])
             for side in sides}
    y_domain = shared_y_domain([frame for frame, _, _ in built.values()], include_zero=False)
    float32 = {"overflow": t("float32.overflow", lang), "underflow": t("float32.underflow", lang)}
    for column, side in zip(st.columns(2), sides, strict=True):
        frame, keys, labels = built[side]
        with column:
            show_chart(weights_chart(
                frame, keys=keys, labels=labels, y_domain=y_domain,
                x_title=t("ex.weights_x", lang), y_title=t("ex.weights_y", lang),
                series_title=t("ex.weights_series", lang), float32_labels=float32,
                title=t("ex.weights_chart_title", lang, name=sides[side]["name"])),
                f"weight_gradients_{SIDE_IDS[side]}", controls)
            if sides[side]["clip"]:
                st.metric(t("ex.clip_factor", lang),
                          t("ex.clip_factor.value", lang,
                            value=f"{10.0 ** results[side]['coef']:.2g}"),
                          help=t("ex.clip_factor.help", lang))
            else:
                st.caption(t("ex.clip_off_note", lang, name=sides[side]["name"]))
    st.caption(t("ex.weights_caption", lang, samples=results["l"]["samples"]))


def draw_phase(sides: dict, shared: dict, lang: str, controls: Controls) -> None:
    """One phase diagram per column (its activation and effective init), settings marked."""
    st.subheader(t("ex.phase_title", lang))
    explain(t("ex.phase_intro", lang), lang)
    for column, side in zip(st.columns(2), sides, strict=True):
        settings = sides[side]
        act = settings["activation"]
        init, gain = effective_init(act, settings["init"], settings["gain"], settings["good"])
        gains, depths, growth, method = phase_grid(act, init, shared["width"], shared["seed"])
        marks = pd.DataFrame({"gain": [gain], "depth": [settings["depth"]],
                              "label": [settings["name"]]})
        with column:
            if len(gains) < len(PHASE_GAINS):
                st.info(t("notice.work_capped", lang, what=t("ex.work_grid", lang),
                          asked=len(PHASE_GAINS), used=len(gains)), icon=":material/speed:")
            show_chart(phase_chart(
                phase_frame(gains, depths, growth), marks,
                x_title=t("ex.phase_gain", lang), y_title=t("ex.phase_depth", lang),
                colour_title=t("ex.phase_growth", lang, clamp=f"{CLAMP_DECADES:g}"),
                value_title=t("ex.phase_exact", lang),
                title=t("ex.phase_chart_title", lang, name=settings["name"],
                        act=t(f"act.{act}", lang), init=t(f"init.{init}", lang))),
                f"phase_diagram_{SIDE_IDS[side]}", controls)
            note = t("ex.phase_init_note", lang) if settings["good"] else ""
            st.caption(t("ex.phase_marked", lang, note=note))
            if method == "theory":
                st.caption(t("ex.phase_theory", lang, act=t(f"act.{act}", lang),
                             width=shared["width"]))
            else:
                st.caption(t("ex.phase_simulation", lang, act=t(f"act.{act}", lang),
                             samples=PHASE_SAMPLES, batch=PHASE_BATCH, width=shared["width"]))


def draw_math(lang: str) -> None:
    """The formulas behind each remedy."""
    with st.expander(t("ex.math_title", lang), icon=":material/functions:"):
        st.markdown(t("ex.math_bn", lang))
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
controls.presets(PRESETS["explosion"], LABEL_PREFIXES["explosion"])
controls.report()
results = {side: run_column(sides[side], shared) for side in sides}
draw_profiles(columns, sides, results, lang, controls)
draw_weights(sides, results, shared, lang, controls)
draw_phase(sides, shared, lang, controls)
draw_table(lang)
