"""Explanations: is an input-gradient saliency map of an exploding network noise?"""

import pandas as pd
import streamlit as st

from core import saliency as S
from core import saliency_study as X
from ui.charts import explanations as charts
from ui.charts.layers import profile_template
from ui.controls import Controls
from ui.display import explain, show_chart, work_capped_notice
from ui.format import (
    caret_power_of_ten_or_zero,
    fixed,
    percent,
    percent_number,
    plain,
    signed_fixed,
)
from ui.frames import decade_extent, float32_limits, profile_frame, shown_rows
from ui.i18n import sentences, t
from ui.quiz import quiz_card
from ui.shell import page_setup
from ui.tables.explanations import TABLE

trained = st.cache_data(max_entries=24)(X.trained_run)


@st.cache_data(max_entries=32)
def explained(dataset: str, depth: int, width: int, gain: float, lr: float, steps: int,
              clip: float | None, seed: int, data_seed: int, scale: float = 1.0) -> dict:
    """One model's saliency view (core.saliency_study) with its field chart's datasets."""
    run = trained(dataset, depth, width, gain, lr, steps, clip, seed, data_seed)
    view = X.saliency_view(run, dataset, data_seed, seed, scale)
    return {**view, "field": charts.field_data(view)}


# ---------------------------------------------------------------- sections


def model_label(key: str, settings: dict, lang: str) -> str:
    """Legend label of a model: reference, scaled copy or the studied model with its settings."""
    if key == "reference":
        return t("xai.model.reference", lang, g=plain(X.REFERENCE["gain"]),
                 lr=plain(X.REFERENCE["lr"]))
    if key == "scaled":
        return t("xai.model.scaled", lang, g=plain(settings["gain"]))
    if key == "unclipped":
        return t("xai.model.unclipped", lang, g=plain(settings["gain"]), lr=plain(settings["lr"]))
    clip = t("xai.model.clip", lang, c=plain(settings["c"])) if settings["clip"] else ""
    return t("xai.model.studied", lang, g=plain(settings["gain"]), lr=plain(settings["lr"]),
             clip=clip)


def legend_label(key: str, lang: str) -> str:
    """A model's name in the charts: no numbers, so a slider move leaves every spec as it was."""
    return t(f"xai.legend.{key}", lang)


def section_models(views: dict, settings: dict, lang: str) -> None:
    """What training produced: accuracy, divergence, the largest weight and gradient."""
    st.subheader(t("xai.models.header", lang))
    reference, studied = views["reference"][0], views["studied"][0]
    cols = st.columns(4)
    cols[0].metric(t("xai.metric.acc_ref", lang), percent(reference["accuracy"]))
    cols[1].metric(t("xai.metric.acc_studied", lang), percent(studied["accuracy"]))
    cols[2].metric(t("xai.metric.grad", lang), caret_power_of_ten_or_zero(studied["grad_log10"]),
                   t("xai.metric.vs_ref", lang,
                     value=caret_power_of_ten_or_zero(reference["grad_log10"])),
                   delta_color="off", delta_arrow="off", help=t("xai.metric.grad.help", lang))
    cols[3].metric(t("xai.metric.peak", lang), caret_power_of_ten_or_zero(studied["peak_log10"]),
                   t("xai.metric.vs_ref", lang,
                     value=caret_power_of_ten_or_zero(reference["peak_log10"])),
                   delta_color="off", delta_arrow="off")
    st.markdown(run_story(studied, settings, lang))


def run_story(studied: dict, settings: dict, lang: str) -> str:
    """What happened to the studied run, in words chosen by its numbers."""
    if studied["diverged_at"] is not None:
        text = t("xai.story.diverged", lang, step=studied["diverged_at"],
                 quantity=t(f"xai.quantity.{studied['diverged_what']}", lang),
                 peak=caret_power_of_ten_or_zero(studied["peak_log10"]),
                 acc=percent_number(studied["accuracy"]))
    else:
        text = t("xai.story.finished", lang, steps=settings["steps_used"],
                 acc=percent_number(studied["accuracy"]),
                 peak=caret_power_of_ten_or_zero(studied["peak_log10"]))
    if X.mostly_flat(studied):
        text = sentences([text, t("xai.story.flat", lang,
                                  share=percent_number(X.flat_share(studied)))], lang)
    return text


def section_fields(views: dict, labels: dict, seeds: tuple, lang: str, controls) -> None:
    """The 2 x 2 grid of saliency fields: reference and studied model, two seeds each."""
    st.subheader(t("xai.fields.header", lang))
    explain(t("xai.fields.intro", lang), lang)
    st.latex(r"s(x)=\frac{\partial\,(z_1-z_0)}{\partial x}\in\mathbb{R}^2,\qquad "
             r"P(\text{class }1)=\sigma(z_1-z_0)")
    for row, seed in enumerate(seeds):
        for column, key in zip(st.columns(2), ("reference", "studied"), strict=True):
            with column:
                draw_field(views[key][row], key, row, f"field_{key}_{row}", lang, controls,
                           t("xai.fields.title", lang, model=labels[key], seed=seed))
    st.caption(sentences([t("xai.fields.caption", lang, n=X.ARROWS,
                            pct=percent_number(charts.ARROW_QUANTILE, None)),
                          t("xai.fields.seeds", lang, first=seeds[0], second=seeds[1])], lang))


def draw_field(view: dict, key: str, row: int, chart_id: str, lang: str, controls,
               export_title: str) -> None:
    """One saliency field over its heatmap, with a note where the saliency is zero."""
    title = t(f"xai.fields.title.{row + 1}", lang, model=legend_label(key, lang))
    chart = charts.field_template(title=title, x_title=t("xai.axis.x1", lang),
                                  y_title=t("xai.axis.x2", lang), p_title=t("xai.axis.p", lang),
                                  magnitude_title=t("xai.axis.log_mag", lang),
                                  angle_title=t("xai.axis.angle", lang))
    show_chart(chart, chart_id, controls, data=view["field"], export_title=export_title)
    flat = X.flat_share(view)
    if flat > 0:
        st.caption(t("xai.fields.flat", lang, share=percent_number(flat)))


def section_agreement(views: dict, labels: dict, keys: dict, lang: str, controls) -> dict:
    """Seed agreement, rank correlation and stability per model: chart, metrics, verdict."""
    st.subheader(t("xai.agree.header", lang))
    explain(t("xai.agree.intro", lang, share=percent_number(X.NUDGE_SHARE, None)), lang)
    st.latex(r"\mathrm{agreement}=\frac{1}{N}\sum_{i=1}^{N}"
             r"\frac{s_a(x_i)\cdot s_b(x_i)}{\lVert s_a(x_i)\rVert\,\lVert s_b(x_i)\rVert}")
    scores = X.agreement_scores(views)
    order = list(scores)
    short = {key: legend_label(key, lang) for key in order}
    measures = [t("xai.measure.cosine", lang), t("xai.measure.rho", lang),
                t("xai.measure.stability", lang)]
    rows = [{"model": short[key], "measure": measure, "value": value,
             "text": t("xai.angle_text", lang, angle=fixed(S.angle_degrees(value), 0))}
            for key, values in X.agreement_measures(scores, views).items()
            for measure, value in zip(measures, values, strict=True)]
    chart = charts.agreement_template(
        keys=tuple(keys[k] for k in order), labels=tuple(short[k] for k in order),
        measures=tuple(measures), title=t("xai.agree.title", lang),
        x_title=t("xai.agree.x", lang), model_title=t("xai.agree.model", lang))
    show_chart(chart, "agreement", controls, data={"scores": pd.DataFrame(rows)})
    for column, key in zip(st.columns(len(order)), order, strict=True):
        score = scores[key]
        column.metric(t("xai.metric.agree", lang, model=labels[key]), fixed(score["cosine"], 2),
                      t(f"xai.level.{X.level(score['cosine'], score['used'])}", lang),
                      delta_color="off", delta_arrow="off",
                      help=t("xai.metric.agree.help", lang, used=percent_number(score["used"])))
    st.markdown(agreement_story(scores, views, lang))
    return scores


def agreement_story(scores: dict, views: dict, lang: str) -> str:
    """The verdict on seed agreement, chosen by the measured numbers."""
    ref, stud = scores["reference"], scores["studied"]
    state = X.level(stud["cosine"], stud["used"])
    ref_stab, stud_stab = views["reference"][0]["stability"], views["studied"][0]["stability"]
    return sentences([
        t(f"xai.agree.{state}", lang, cos=fixed(stud["cosine"], 2),
          used=percent_number(stud["used"])),
        t(f"xai.agree.{X.compare(stud['cosine'], ref['cosine'])}", lang,
          ref=fixed(ref["cosine"], 2), studied=fixed(stud["cosine"], 2)),
        t("xai.agree.stability", lang, ref_cos=fixed(ref_stab, 3), studied_cos=fixed(stud_stab, 3),
          ref=fixed(S.angle_degrees(ref_stab), 1), studied=fixed(S.angle_degrees(stud_stab), 1),
          sigma=fixed(views["reference"][0]["sigma"], 3))], lang)


def section_scaling(views: dict, settings: dict, scores: dict, labels: dict, lang: str,
                    controls) -> None:
    """The reference model with every layer times g: what changes and what does not."""
    st.subheader(t("xai.scale.header", lang, g=plain(settings["gain"])))
    explain(t("xai.scale.intro", lang), lang)
    st.latex(r"W_l\to g\,W_l,\;\; b_l\to g^{\,l}\,b_l\quad\Longrightarrow\quad "
             r"z\to g^{L}z,\qquad s(x)\to g^{L}s(x)")
    ref, scaled = views["reference"][0], views["scaled"][0]
    numbers = X.scaling_numbers(views, settings["depth"], settings["gain"])
    left, right = st.columns([3, 2])
    with left:
        draw_field(scaled, "scaled", 0, "field_scaled", lang, controls,
                   t("xai.fields.title", lang, model=labels["scaled"], seed=settings["seed"]))
    with right:
        right.metric(t("xai.metric.scale_mag", lang), signed_fixed(numbers["measured"], 3),
                     t("xai.metric.predicted", lang, value=signed_fixed(numbers["predicted"], 3),
                       L=settings["depth"]),
                     delta_color="off", delta_arrow="off")
        right.metric(t("xai.metric.scale_cos", lang), fixed(numbers["cosine"], 4))
        right.metric(t("xai.metric.scale_moved", lang),
                     f"{numbers['moved']} / {numbers['points']}")
        bounds = {"low": percent_number(X.UNSURE, None), "high": percent_number(1 - X.UNSURE, None)}
        right.metric(t("xai.metric.unsure", lang, **bounds), percent(scaled["unsure"]),
                     t("xai.metric.unsure.was", lang, value=percent(ref["unsure"])),
                     delta_color="off", delta_arrow="off",
                     help=t("xai.metric.unsure.help", lang, **bounds))
    st.markdown(scaling_story(views, settings, scores, numbers, lang))


def scaling_story(views: dict, settings: dict, scores: dict, numbers: dict, lang: str) -> str:
    """Section 4's verdict, each sentence chosen by the measured numbers."""
    gain = settings["gain"]
    ref, scaled = views["reference"][0], views["scaled"][0]
    words = {"g": plain(gain), "measured": fixed(numbers["measured"], 3),
             "predicted": fixed(numbers["predicted"], 3), "cos": fixed(numbers["cosine"], 4),
             "moved": numbers["moved"], "ref": fixed(scores["reference"]["cosine"], 2),
             "scaled": fixed(scores["scaled"]["cosine"], 2),
             "before": percent_number(ref["unsure"]), "after": percent_number(scaled["unsure"])}
    verdict = X.scaling_verdict(views, scores, gain)
    if verdict != "same":
        return t(f"xai.scale.{verdict}", lang, **words)
    change = X.unsure_change(ref["unsure"], scaled["unsure"])
    return sentences([t("xai.scale.same", lang, **words),
                      t(f"xai.scale.unsure.{change}", lang, **words),
                      t("xai.scale.units." + ("up" if gain > 1 else "down"), lang)], lang)


def section_layers(views: dict, labels: dict, keys: dict, settings: dict, lang: str,
                   controls) -> None:
    """Median saliency magnitude per layer: reference, scaled copy (and its law), studied."""
    st.subheader(t("xai.layers.header", lang))
    explain(t("xai.layers.intro", lang), lang)
    shown = ("reference", "scaled", "studied")
    order = [k for k in shown if X.has_finite_layers(views[k][0]["layers"])]
    short = {k: legend_label(k, lang) for k in shown}
    frame = pd.concat([profile_frame(views[k][0]["layers"], short[k]) for k in order],
                      ignore_index=True)
    theory = charts.layer_law_frame(views["reference"][0]["layers"], settings["depth"],
                                    settings["gain"])
    extent = decade_extent(frame["low"], frame["high"], theory["value"])
    chart = profile_template(
        x_title=t("xai.layers.x", lang), y_title=t("xai.layers.y", lang),
        series_title=t("xai.agree.model", lang), series_keys=tuple(keys[k] for k in shown),
        series_labels=tuple(short[k] for k in shown), title=t("xai.layers.title", lang),
        theory_label=t("xai.layers.theory", lang), float32=True)
    show_chart(chart, "layers", controls, data={
        "profile": frame, "extent": extent,
        "theory": shown_rows(theory, {"layer": 0, "value": float(extent["y"].min())}),
        "limits": float32_limits(extent, t("float32.overflow", lang),
                                 t("float32.underflow", lang))})
    missing = [labels[k] for k in shown if k not in order]
    if missing:
        st.caption(t("xai.layers.missing", lang, models=", ".join(missing)))
    studied_layers = views["studied"][0]["layers"]
    if X.beyond_float32(studied_layers):
        st.caption(t("xai.layers.float32", lang, value=X.input_peak_log10(studied_layers)))
    st.caption(t("xai.layers.caption", lang))


def conclusion(scores: dict, views: dict, settings: dict, lang: str) -> None:
    """The page's answer for these settings, assembled from the measured numbers."""
    st.subheader(t("xai.end.header", lang))
    cosine, moved = X.scaling_check(views, 0)
    rounding = X.scaling_verdict(views, scores, settings["gain"]) == "changed"
    parts = [t("xai.end.scale.rounding" if rounding else "xai.end.scale", lang,
               cos=fixed(cosine, 4), moved=moved)]
    ref, stud = scores["reference"]["cosine"], scores["studied"]["cosine"]
    numbers = {"ref": fixed(ref, 2), "studied": fixed(stud, 2), "c": plain(settings["c"])}
    if settings["clip"]:
        before = scores["unclipped"]["cosine"]
        parts.append(t(f"xai.end.clipped.{X.clipping_change(scores)}", lang,
                       before=fixed(before, 2), **numbers))
    else:
        verdict = X.training_verdict(scores, views)
        if verdict == "empty":
            numbers["used"] = percent_number(scores["studied"]["used"])
        parts.append(t(f"xai.end.training.{verdict}", lang,
                       grad=caret_power_of_ten_or_zero(views["studied"][0]["grad_log10"]),
                       grad_ref=caret_power_of_ten_or_zero(views["reference"][0]["grad_log10"]),
                       **numbers))
    st.markdown("\n\n".join(parts))
    st.caption(t("xai.sources", lang))


# ---------------------------------------------------------------- the page


lang = page_setup("explanations")
st.title(t("page.explanations", lang))
controls = Controls(lang, TABLE)
settings = controls.widgets(*TABLE.controls)
controls.report()

settings["steps_used"] = X.steps_for(settings["depth"], settings["width"], settings["steps"])
explain(t("xai.intro", lang, batch=X.BATCH, gain=plain(X.REFERENCE["gain"]),
           lr=plain(X.REFERENCE["lr"])), lang)
quiz_card(lang, controls)
if settings["steps_used"] < settings["steps"]:
    work_capped_notice(lang, t("xai.capped_what", lang), settings["steps"],
                       settings["steps_used"])
runs = X.model_runs(settings["data"], settings["depth"], settings["width"],
                    float(settings["gain"]), float(settings["lr"]), settings["steps_used"],
                    float(settings["c"]) if settings["clip"] else None, settings["seed"])
views = {key: [explained(*args, scale=scale) for args, scale in per_seed]
         for key, per_seed in runs.items()}
labels = {key: model_label(key, settings, lang) for key in views}
keys = charts.model_colour_keys(settings["clip"])
section_models(views, settings, lang)
section_fields(views, labels, X.seed_pair(settings["seed"]), lang, controls)
scores = section_agreement(views, labels, keys, lang, controls)
section_scaling(views, settings, scores, labels, lang, controls)
section_layers(views, labels, keys, settings, lang, controls)
conclusion(scores, views, settings, lang)
