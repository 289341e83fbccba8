"""Explosion vs vanishing: two networks side by side, remedies switched on per column."""

import math

import streamlit as st

from core import growth, remedies
from core.clipping import EPS as CLIP_EPS
from core.mlp import BN_EPS
from core.pytorch_code import explosion_code
from ui.charts import explosion as charts
from ui.charts import explosion_data as datasets
from ui.controls import Controls, section
from ui.display import explain, show_chart, work_capped_notice
from ui.format import e_power_of_ten, latex_power_of_ten, short_number
from ui.frames import float32_limits
from ui.i18n import t
from ui.pytorch import pytorch_block
from ui.quiz import quiz_card
from ui.shell import page_setup
from ui.tables.explosion import REMEDY_TOGGLES, SIDES, TABLE

TOL, TREND_TOL = short_number(remedies.STABLE_DECADES), short_number(remedies.TREND_DECADES)


@st.cache_data(max_entries=16)
def column_summary(act: str, init: str, gain: float, depth: int, width: int, good: bool,
                   bn: bool, res: bool, seed: int, samples: int) -> dict:
    """One column's measurement (``growth.measure_column``) and its gradient profile frame."""
    fixes = remedies.Remedies(good, bn, res)
    measured = growth.measure_column(act, init, gain, depth, width, fixes, samples, seed)
    profile = datasets.layer_profile(measured.pop("relative"), "")
    return {**measured, "profile": profile}


phase_grid = st.cache_data(growth.phase_grid, max_entries=8)
depth_growth = st.cache_data(growth.simulated_depth_growth, max_entries=32)
sigmoid_gain = st.cache_data(growth.sigmoid_critical_gain, max_entries=16)


@st.cache_data(max_entries=16)
def depth_curves(act: str, init: str, gain: float, width: int, bn: bool, seed: int) -> dict:
    """Plain and residual growth against depth; the plain curve at gain 1 is cached apart."""
    return growth.depth_comparison(act, init, gain, width, bn, seed, growth_at=depth_growth)


def read_shared(controls: Controls) -> dict:
    """Width and seed, in the sidebar (the clipping threshold lives in its section)."""
    st.sidebar.markdown(f"**{t('ex.shared', controls.lang)}**")
    return controls.widgets("width", "seed")


def read_column(controls: Controls, side: str, container) -> dict:
    """One column's network and remedies (URL keys l_act, ... / r_act, ...), without prefix."""
    name = t(f"ex.{SIDES[side]}", controls.lang)
    container.subheader(name)
    top, bottom = container.columns(2), container.columns(2)
    settings = {"name": name}
    for key, place in zip(("act", "init", "gain", "depth"), (*top, *bottom), strict=True):
        settings[key] = controls.widget(f"{side}_{key}", container=place)
    container.markdown(f"**{t('ex.remedies', controls.lang)}**")
    for key, box in zip(REMEDY_TOGGLES, container.columns(3), strict=True):
        settings[key] = controls.widget(f"{side}_{key}", container=box)
    return settings


def used_init(settings: dict) -> tuple[str, float]:
    """(init, gain) the column's network uses: the better init replaces both."""
    return remedies.effective_init(settings["act"], settings["init"], settings["gain"],
                                   settings["good"])


def run_column(settings: dict, shared: dict) -> dict:
    """The cached measurement of one column, its sample count and the notes it calls for."""
    samples = growth.column_samples(settings["depth"], shared["width"])
    result = column_summary(settings["act"], settings["init"], float(settings["gain"]),
                            settings["depth"], shared["width"], settings["good"], settings["bn"],
                            settings["res"], shared["seed"], samples)
    notes = growth.column_notes(settings["act"], settings["init"], settings["gain"],
                                settings["depth"], settings["good"], settings["bn"],
                                settings["res"], result["growth"])
    return {**result, "samples": samples, "notes": notes}


def setting_words(settings: dict, lang: str) -> dict:
    """The column's activation, effective init and gain, depth, as the captions name them."""
    init, gain = used_init(settings)
    return {"name": settings["name"], "act": t(f"act.{settings['act']}", lang),
            "init": t(f"init.{init}", lang), "gain": gain, "depth": settings["depth"],
            "bn": t("ex.depth_bn", lang) if settings["bn"] else ""}


def init_notes(settings: dict, result: dict, shared: dict, lang: str) -> None:
    """Which init the better-initialisation remedy picked, and why sigmoid still vanishes."""
    notes, (init, _) = result["notes"], used_init(settings)
    if notes["init"] is None:
        return
    st.caption(t(f"ex.{notes['init']}_init", lang, init=t(f"init.{init}", lang)))
    if notes["sigmoid"] is None:
        return
    critical = sigmoid_gain(init, shared["width"], settings["depth"], shared["seed"])
    why = t("ex.sigmoid_note.none" if critical is None else "ex.sigmoid_note.critical", lang,
            critical=critical, depth=settings["depth"], top=short_number(growth.CRITICAL_TOP))
    lead = "ex.sigmoid_note.vanishing" if notes["sigmoid"] == "vanishing" else "ex.sigmoid_note"
    st.caption(t(lead, lang, factor=notes["factor"], why=why))


def readouts(result: dict, lang: str) -> None:
    """Total growth and verdict of one column."""
    a, b = st.columns(2)
    a.metric(t("ex.growth", lang), t("ex.growth.value", lang, value=result["growth"]),
             help=t("ex.growth.help", lang, count=result["count"]))
    b.metric(t("ex.verdict", lang), t(f"regime.{result['regime']}", lang),
             help=t("ex.verdict.help", lang, tol=TOL))


def draw_profiles(columns, sides: dict, results: dict, shared: dict, lang: str,
                  controls: Controls) -> None:
    """Each column's gradient profile on one shared y-axis, with readouts and notes."""
    frames = {side: datasets.labelled(results[side]["profile"],
                                      t(f"regime.{results[side]['regime']}", lang))
              for side in sides}
    extent = datasets.y_extent(list(frames.values()))
    regime_labels = tuple(t(f"regime.{regime}", lang) for regime in charts.REGIMES)
    for column, side in zip(columns, sides, strict=True):
        settings, result = sides[side], results[side]
        words = setting_words(settings, lang)
        with column:
            init_notes(settings, result, shared, lang)
            if result["samples"] < remedies.SAMPLES:
                work_capped_notice(lang, t("ex.work_samples", lang), remedies.SAMPLES,
                                   result["samples"])
            readouts(result, lang)
            show_chart(charts.profile_chart(
                regime_labels=regime_labels, x_title=t("label.layer", lang),
                y_title=t("ex.ratio_y", lang), series_title=t("ex.verdict", lang),
                title=t("ex.profile_chart_title", lang, name=settings["name"])),
                f"gradient_profile_{SIDES[side]}", controls,
                data={"profile": frames[side], "extent": extent},
                export_title=t("ex.profile_title", lang, **words))
            st.caption(t("ex.profile_setting", lang, **words))
            if result["dead"] > 0:
                st.caption(t("ex.dead", lang, share=result["dead"]))
            if result["notes"]["bn_explodes"]:
                st.caption(t("ex.bn_explodes", lang, factor=result["notes"]["factor"]))
    st.caption(t("ex.profile_caption", lang, count=results["l"]["count"],
                 samples=results["l"]["samples"], batch=remedies.BATCH, **datasets.band_percent()))


@section("clipping")
def clipping_section(lang: str, controls: Controls, sides: dict, results: dict) -> None:
    """Weight gradients before/after clipping, both columns on one y-axis; its own controls."""
    st.subheader(t("ex.weights_title", lang))
    explain(t("ex.weights_intro", lang), lang)
    st.latex(r"\frac{\partial L}{\partial W_l} \leftarrow \frac{\partial L}{\partial W_l}"
             r"\cdot\min\Big(1,\frac{c}{\lVert g\rVert+"
             + latex_power_of_ten(math.log10(CLIP_EPS)) + r"}\Big),\qquad "
             r"\lVert g\rVert=\sqrt{\textstyle\sum_{l}\lVert\partial L/\partial W_l\rVert^2}")
    boxes = st.columns(3)
    clip = {side: controls.widget(f"{side}_clip", container=box)
            for side, box in zip(sides, boxes, strict=False)}
    max_norm = controls.widget("max_norm", container=boxes[2])
    labels = (t("ex.unclipped", lang), t("ex.clipped", lang))
    built = {}
    for side in sides:
        norms = results[side]["weight"]
        clipped, factor = growth.clip_all_layers(norms, max_norm) if clip[side] else (None, None)
        built[side] = (datasets.clipping_frame(norms, clipped, labels), factor)
    extent = datasets.y_extent([frame for frame, _ in built.values()], include_zero=False)
    limits = float32_limits(extent, t("float32.overflow", lang), t("float32.underflow", lang))
    for column, side in zip(st.columns(2), sides, strict=True):
        (frame, factor), name = built[side], sides[side]["name"]
        with column:
            show_chart(charts.weights_chart(
                labels=labels, x_title=t("ex.weights_x", lang), y_title=t("ex.weights_y", lang),
                series_title=t("ex.weights_series", lang),
                title=t("ex.weights_chart_title", lang, name=name)),
                f"weight_gradients_{SIDES[side]}", controls,
                data={"profile": frame, "extent": extent, "limits": limits},
                export_title=t("ex.weights_export_title", lang, name=name, c=max_norm))
            if factor is None:
                st.caption(t("ex.clip_off_note", lang, name=name))
                continue
            st.metric(t("ex.clip_factor", lang), t("ex.clip_factor.value", lang, value=factor),
                      help=t("ex.clip_factor.help", lang,
                             eps=e_power_of_ten(math.log10(CLIP_EPS))))
            st.caption(t("ex.clip_on_note", lang, name=name, c=max_norm))
    st.caption(t("ex.weights_caption", lang, samples=results["l"]["samples"],
                 **datasets.band_percent()))


def draw_depth(sides: dict, shared: dict, lang: str, controls: Controls) -> None:
    """Growth against depth with and without residual branches, at each column's settings."""
    st.subheader(t("ex.depth_title", lang))
    explain(t("ex.depth_intro", lang), lang)
    labels = (t("ex.depth_plain", lang), t("ex.depth_residual", lang))
    chart = charts.depth_template(
        labels=labels, max_depth=remedies.DEPTH_CURVE[-1], stable=remedies.STABLE_DECADES,
        x_title=t("ex.phase_depth", lang), y_title=t("ex.depth_y", lang),
        series_title=t("ex.series_title", lang), title=t("ex.depth_chart_name", lang))
    counts = []
    for column, (side, settings) in zip(st.columns(2), sides.items(), strict=True):
        init, gain = used_init(settings)
        curves = depth_curves(settings["act"], init, float(gain), shared["width"], settings["bn"],
                              shared["seed"])
        frame, words = datasets.depth_frame(curves["growth"], labels), setting_words(settings, lang)
        readout = growth.depth_readout(curves["medians"])
        with column:  # each its own y-axis: the residual curve must stay readable
            show_chart(chart, f"depth_growth_{SIDES[side]}", controls,
                       data={"curves": frame, "extent": datasets.y_extent([frame]),
                             "here": datasets.depth_mark(settings["depth"])},
                       export_title=t("ex.depth_chart_title", lang, **words))
            st.caption(t("ex.depth_setting", lang, **words))
            st.caption(t("ex.depth_numbers", lang, **readout))
            st.caption(t(f"ex.depth_trend.{readout['trend']}", lang, **readout, tol=TREND_TOL))
        counts.append(curves["count"])
    depths = t("ex.list_sep", lang).join(map(str, remedies.DEPTH_CURVE))
    st.caption(t("ex.depth_caption", lang, samples=growth.CURVE_SAMPLES, batch=remedies.BATCH,
                 count=counts[0], depths=depths, tol=TOL, **datasets.band_percent()))


def draw_phase(sides: dict, shared: dict, lang: str, controls: Controls) -> None:
    """One phase diagram per column (its activation and effective init), settings marked."""
    st.subheader(t("ex.phase_title", lang))
    explain(t("ex.phase_intro", lang, tol=TOL), lang)
    for column, side in zip(st.columns(2), sides, strict=True):
        settings = sides[side]
        words, (init, gain) = setting_words(settings, lang), used_init(settings)
        gains, depths, grid, method = phase_grid(settings["act"], init, shared["width"],
                                                 shared["seed"])
        change, first, last = growth.stable_band_change(grid)
        with column:
            if len(gains) < len(growth.PHASE_GAINS):
                work_capped_notice(lang, t("ex.work_grid", lang), len(growth.PHASE_GAINS),
                                   len(gains))
            show_chart(charts.phase_template(
                x_title=t("ex.phase_gain", lang), y_title=t("ex.phase_depth", lang),
                colour_title=t("ex.phase_growth", lang, clamp=short_number(charts.CLAMP_DECADES)),
                value_title=t("ex.phase_exact", lang),
                title=t("ex.phase_chart_name", lang, name=settings["name"])),
                f"phase_diagram_{SIDES[side]}", controls,
                data={"cells": datasets.phase_frame(gains, depths, grid),
                      "marks": datasets.setting_mark(gain, settings["depth"], settings["name"])},
                export_title=t("ex.phase_chart_title", lang, **words))
            note = t("ex.phase_init_note", lang) if settings["good"] else ""
            st.caption(t("ex.phase_marked", lang, note=note, **words))
            st.caption(t(f"ex.phase_band.{change}", lang, tol=TOL, first=first, last=last,
                         n=len(gains), d0=int(depths[0]), d1=int(depths[-1])))
            method_key = "ex.phase_theory" if method == "theory" else "ex.phase_simulation"
            st.caption(t(method_key, lang, act=words["act"], samples=growth.PHASE_SAMPLES,
                         batch=growth.PHASE_BATCH, width=shared["width"]))


def draw_math(lang: str) -> None:
    """The formulas behind each remedy."""
    with st.expander(t("ex.math_title", lang), icon=":material/functions:"):
        st.markdown(t("ex.math_bn", lang, batch=remedies.BATCH,
                      eps=e_power_of_ten(math.log10(BN_EPS))))
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
controls = Controls(lang, TABLE)
explain(t("ex.intro", lang) + "\n\n" + t("ex.math_factor", lang), lang)
st.latex(r"\frac{\lVert g_0\rVert}{\lVert g_L\rVert}\approx\prod_{l=1}^{L}"
         r"\sqrt{n\,\mathrm{Var}[w]\,\mathbb{E}\big[\varphi'(z_l)^2\big]}")
quiz_card(lang, controls)
draw_math(lang)
shared = read_shared(controls)
columns = st.columns(2, gap="large")
sides = {side: read_column(controls, side, column)
         for side, column in zip(SIDES, columns, strict=True)}
results = {side: run_column(sides[side], shared) for side in sides}
draw_profiles(columns, sides, results, shared, lang, controls)
clipping_section(lang, controls, sides, results)
draw_depth(sides, shared, lang, controls)
draw_phase(sides, shared, lang, controls)
draw_table(lang)
controls.report()
pytorch_block(lang, lambda: explosion_code(controls.current_values()), controls)
