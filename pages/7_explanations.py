"""Explanations: is an input-gradient saliency map of an exploding network noise?"""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import saliency as S
from core.datasets import DATASETS, make_dataset
from core.floats import FLOAT32_MAX_LOG10
from core.training import TrainConfig, evaluate, train
from ui.charts.explanations import (
    ARROW_QUANTILE,
    agreement_template,
    arrow_data,
    field_template,
    heat_frame,
)
from ui.charts.layers import profile_template
from ui.controls import Controls
from ui.display import explain, show_chart, work_capped_notice
from ui.format import caret_power_of_ten_or_zero
from ui.frames import decade_extent, float32_limits, profile_frame, shown_rows
from ui.i18n import sentences, t
from ui.presets import LABEL_PREFIXES, PRESETS
from ui.shell import page_setup

ACT = "relu"
POINTS, NOISE, BATCH = 400, 0.1, 64
UNSURE = 0.01  # the "unsure region": UNSURE < P(class 1) < 1 - UNSURE
ARROWS, HEAT = 25, 40  # grid sizes: 25 x 25 saliency arrows over a 40 x 40 heatmap
NUDGE_SHARE, NUDGE_REPEATS = 0.01, 2  # sensitivity: nudges of 1% of the plotted square
REFERENCE = {"gain": 1.0, "lr": 0.1, "clip": None}  # the healthy model every view compares with
# Work of one training run, in units of one layer-step at small width (about 90 us of CPU):
# steps * depth * (1 + width^2 / 3000), measured. 3300 units are about 0.3 s, and a view
# trains up to six runs (two seeds of the reference, the studied model and its unclipped twin).
MAX_WORK, WIDTH_COST = 3300, 3000
AGREE, PARTLY = 0.7, 0.4  # mean cosine above which two explanations "agree" / "partly agree"
SAME = 0.05  # cosine differences below this are "about the same"
EXACT = 0.9999  # a cosine above this (and no point changing class) counts as "the same directions"
MODELS = ("reference", "scaled", "unclipped", "studied")  # in every legend, in this order


def steps_for(depth: int, width: int, steps: int) -> int:
    """Training steps within the work budget, a multiple of 50 (at least 50)."""
    affordable = MAX_WORK / (depth * (1 + width**2 / WIDTH_COST))
    return max(50, min(steps, int(affordable // 50) * 50))


@st.cache_data(max_entries=24)
def trained(dataset: str, depth: int, width: int, gain: float, lr: float, steps: int,
            clip: float | None, seed: int, data_seed: int) -> dict:
    """One training run's final parameters and a few numbers about the run."""
    x, y = make_dataset(dataset, POINTS, NOISE, data_seed)
    config = TrainConfig(depth=depth, width=width, activation=ACT, gain=gain, lr=lr,
                         steps=steps, batch_size=BATCH, grad_clip=clip, eval_every=steps,
                         seed=seed)
    result = train(config, (x, y))
    params = (result.weights, result.biases)
    with np.errstate(all="ignore"):
        loss, accuracy = evaluate(params, x, y, ACT)
    peaks = [float(np.max(np.abs(w))) for w in result.weights]
    return {"params": params, "accuracy": accuracy, "diverged_at": result.diverged_at,
            "diverged_what": None if result.divergence is None else result.divergence.quantity,
            "steps_run": result.steps_run, "peak_log10": math.log10(max(max(peaks), 1e-300)),
            "grad_log10": (math.log10(float(result.grad_norm.max()))
                           if result.steps_run else float("nan"))}


@st.cache_data(max_entries=32)
def explained(dataset: str, depth: int, width: int, gain: float, lr: float, steps: int,
              clip: float | None, seed: int, data_seed: int, scale: float = 1.0) -> dict:
    """The saliency field, heatmap and per-layer gradient norms of one model (times ``scale``).

    ``seed`` draws the network and its mini-batches; both seeds see the data of ``data_seed``.
    """
    run = trained(dataset, depth, width, gain, lr, steps, clip, seed, data_seed)
    params = S.scale_params(run["params"], scale) if scale != 1.0 else run["params"]
    x, _ = make_dataset(dataset, POINTS, NOISE, data_seed)
    x_range, y_range = S.data_extent(x)
    xs, ys, points = S.grid_points(x_range, y_range, ARROWS)
    hx, hy, heat_points = S.grid_points(x_range, y_range, HEAT)
    unit, log_norm = S.saliency(params, points, ACT)
    sigma = NUDGE_SHARE * (x_range[1] - x_range[0])
    stability, _ = S.direction_stability(params, points, ACT, sigma, NUDGE_REPEATS, seed)
    sign, _ = S.log10_margin(params, points, ACT)
    p = S.class1_probability(params, points, ACT)
    return {**{k: v for k, v in run.items() if k != "params"},
            "points": points, "cell": float(xs[1] - xs[0]), "unit": unit, "log_norm": log_norm,
            "heat_frame": heat_frame(hx, hy, S.class1_probability(params, heat_points, ACT)),
            "arrows": arrow_data(points, unit, log_norm, float(xs[1] - xs[0])),
            "layers": S.layer_log10_norms(params, points, ACT), "stability": stability,
            "sigma": sigma, "sign": sign, "unsure": S.unsure_share(p, UNSURE)}


# ---------------------------------------------------------------- numbers -> words


def level(cosine: float, used: float) -> str:
    """How far two explanations agree: "empty", "agree", "partly" or "disagree"."""
    if used < 0.5:
        return "empty"
    return "agree" if cosine >= AGREE else "partly" if cosine >= PARTLY else "disagree"


def compare(studied: float, reference: float) -> str:
    """"below", "same" or "above": the studied model's agreement against the reference's."""
    if abs(studied - reference) < SAME:
        return "same"
    return "below" if studied < reference else "above"


def median_log10(view: dict) -> float:
    """Median log10 saliency magnitude over the points where it is not zero."""
    alive = view["log_norm"][np.isfinite(view["log_norm"])]
    return float(np.median(alive)) if alive.size else float("-inf")


def flat_share(view: dict) -> float:
    """Share of grid points where the saliency is exactly zero (every path through dead ReLUs)."""
    return float(np.mean(~np.isfinite(view["log_norm"])))


def seed_agreement(first: dict, second: dict) -> dict:
    """Mean cosine and rank correlation between two seeds' fields, and the share compared."""
    cosine, used = S.cosine_agreement(first["unit"], second["unit"])
    rho = S.rank_correlation(first["log_norm"], second["log_norm"])
    return {"cosine": cosine, "rho": rho, "used": used / len(first["unit"])}


# ---------------------------------------------------------------- sections


def model_label(key: str, settings: dict, lang: str) -> str:
    """Legend label of a model: reference, scaled copy or the studied model with its settings."""
    if key == "reference":
        return t("xai.model.reference", lang, g=f"{REFERENCE['gain']:g}",
                 lr=f"{REFERENCE['lr']:g}")
    if key == "scaled":
        return t("xai.model.scaled", lang, g=f"{settings['gain']:g}")
    if key == "unclipped":
        return t("xai.model.unclipped", lang, g=f"{settings['gain']:g}", lr=f"{settings['lr']:g}")
    clip = t("xai.model.clip", lang, c=f"{settings['c']:g}") if settings["clip"] else ""
    return t("xai.model.studied", lang, g=f"{settings['gain']:g}", lr=f"{settings['lr']:g}",
             clip=clip)


def legend_label(key: str, lang: str) -> str:
    """A model's name in the charts: no numbers, so a slider move leaves every spec as it was."""
    return t(f"xai.legend.{key}", lang)


def colour_keys(clip: bool) -> dict[str, str]:
    """Each model's colour (a key of COLORS): the recipe without clipping is drawn as the
    exploding one, with clipping by norm as the clipped one; fixed by the clip switch alone."""
    return {"reference": "unclipped", "scaled": "weights", "unclipped": "exploding",
            "studied": "norm" if clip else "exploding"}


def exploded(studied: dict, reference: dict) -> bool:
    """Whether the studied run diverged or its largest gradient norm passed the reference's
    by more than a decade."""
    return (studied["diverged_at"] is not None
            or studied["grad_log10"] > reference["grad_log10"] + 1)


def section_models(views: dict, settings: dict, lang: str) -> None:
    """What training produced: accuracy, divergence, the largest weight and gradient."""
    st.subheader(t("xai.models.header", lang))
    reference, studied = views["reference"][0], views["studied"][0]
    cols = st.columns(4)
    cols[0].metric(t("xai.metric.acc_ref", lang), f"{100 * reference['accuracy']:.0f}%")
    cols[1].metric(t("xai.metric.acc_studied", lang), f"{100 * studied['accuracy']:.0f}%")
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
                 acc=f"{100 * studied['accuracy']:.0f}")
    else:
        text = t("xai.story.finished", lang, steps=settings["steps_used"],
                 acc=f"{100 * studied['accuracy']:.0f}",
                 peak=caret_power_of_ten_or_zero(studied["peak_log10"]))
    flat = flat_share(studied)
    if flat >= 0.5:
        text = sentences([text, t("xai.story.flat", lang, share=f"{100 * flat:.0f}")], lang)
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
    st.caption(sentences([t("xai.fields.caption", lang, n=ARROWS,
                            pct=f"{100 * ARROW_QUANTILE:g}"),
                          t("xai.fields.seeds", lang, first=seeds[0], second=seeds[1])], lang))


def draw_field(view: dict, key: str, row: int, chart_id: str, lang: str, controls,
               export_title: str) -> None:
    """One saliency field over its heatmap, with a note where the saliency is zero."""
    title = t(f"xai.fields.title.{row + 1}", lang, model=legend_label(key, lang))
    chart = field_template(title=title, x_title=t("xai.axis.x1", lang),
                           y_title=t("xai.axis.x2", lang), p_title=t("xai.axis.p", lang),
                           magnitude_title=t("xai.axis.log_mag", lang),
                           angle_title=t("xai.axis.angle", lang))
    show_chart(chart, chart_id, controls, data={"heat": view["heat_frame"],
                                                "arrows": view["arrows"]},
               export_title=export_title)
    flat = flat_share(view)
    if flat > 0:
        st.caption(t("xai.fields.flat", lang, share=f"{100 * flat:.0f}"))


def section_agreement(views: dict, labels: dict, keys: dict, lang: str, controls) -> dict:
    """Seed agreement, rank correlation and stability per model: chart, metrics, verdict."""
    st.subheader(t("xai.agree.header", lang))
    explain(t("xai.agree.intro", lang, share=f"{100 * NUDGE_SHARE:g}"), lang)
    st.latex(r"\mathrm{agreement}=\frac{1}{N}\sum_{i=1}^{N}"
             r"\frac{s_a(x_i)\cdot s_b(x_i)}{\lVert s_a(x_i)\rVert\,\lVert s_b(x_i)\rVert}")
    order = [key for key in MODELS if key in views]
    short = {key: legend_label(key, lang) for key in order}
    scores = {key: seed_agreement(*views[key]) for key in order}
    measures = [t("xai.measure.cosine", lang), t("xai.measure.rho", lang),
                t("xai.measure.stability", lang)]
    rows = []
    for key, score in scores.items():
        stability = views[key][0]["stability"]
        for measure, value in zip(measures, (score["cosine"], score["rho"], stability),
                                  strict=True):
            rows.append({"model": short[key], "measure": measure, "value": value,
                         "text": t("xai.angle_text", lang,
                                   angle=f"{S.angle_degrees(value):.0f}")})
    chart = agreement_template(keys=tuple(keys[k] for k in order),
                               labels=tuple(short[k] for k in order), measures=tuple(measures),
                               title=t("xai.agree.title", lang), x_title=t("xai.agree.x", lang),
                               model_title=t("xai.agree.model", lang))
    show_chart(chart, "agreement", controls, data={"scores": pd.DataFrame(rows)})
    for column, key in zip(st.columns(len(order)), order, strict=True):
        score = scores[key]
        column.metric(t("xai.metric.agree", lang, model=labels[key]), f"{score['cosine']:.2f}",
                      t(f"xai.level.{level(score['cosine'], score['used'])}", lang),
                      delta_color="off", delta_arrow="off",
                      help=t("xai.metric.agree.help", lang, used=f"{100 * score['used']:.0f}"))
    st.markdown(agreement_story(scores, views, lang))
    return scores


def agreement_story(scores: dict, views: dict, lang: str) -> str:
    """The verdict on seed agreement, chosen by the measured numbers."""
    ref, stud = scores["reference"], scores["studied"]
    state = level(stud["cosine"], stud["used"])
    ref_stab, stud_stab = views["reference"][0]["stability"], views["studied"][0]["stability"]
    return sentences([
        t(f"xai.agree.{state}", lang, cos=f"{stud['cosine']:.2f}",
          used=f"{100 * stud['used']:.0f}"),
        t(f"xai.agree.{compare(stud['cosine'], ref['cosine'])}", lang,
          ref=f"{ref['cosine']:.2f}", studied=f"{stud['cosine']:.2f}"),
        t("xai.agree.stability", lang, ref_cos=f"{ref_stab:.3f}", studied_cos=f"{stud_stab:.3f}",
          ref=f"{S.angle_degrees(ref_stab):.1f}", studied=f"{S.angle_degrees(stud_stab):.1f}",
          sigma=f"{views['reference'][0]['sigma']:.3f}")], lang)


def section_scaling(views: dict, settings: dict, scores: dict, labels: dict, lang: str,
                    controls) -> None:
    """The reference model with every layer times g: what changes and what does not."""
    st.subheader(t("xai.scale.header", lang, g=f"{settings['gain']:g}"))
    explain(t("xai.scale.intro", lang), lang)
    st.latex(r"W_l\to g\,W_l,\;\; b_l\to g^{\,l}\,b_l\quad\Longrightarrow\quad "
             r"z\to g^{L}z,\qquad s(x)\to g^{L}s(x)")
    ref, scaled = views["reference"][0], views["scaled"][0]
    depth, gain = settings["depth"], settings["gain"]
    measured = median_log10(scaled) - median_log10(ref)
    predicted = depth * math.log10(gain)
    cosine, moved = scaling_check(views, 0)
    left, right = st.columns([3, 2])
    with left:
        draw_field(scaled, "scaled", 0, "field_scaled", lang, controls,
                   t("xai.fields.title", lang, model=labels["scaled"], seed=settings["seed"]))
    with right:
        right.metric(t("xai.metric.scale_mag", lang), f"{measured:+.3f}",
                     t("xai.metric.predicted", lang, value=f"{predicted:+.3f}", L=depth),
                     delta_color="off", delta_arrow="off")
        right.metric(t("xai.metric.scale_cos", lang), f"{cosine:.4f}")
        right.metric(t("xai.metric.scale_moved", lang), f"{moved} / {len(ref['sign'])}")
        bounds = {"low": f"{100 * UNSURE:g}", "high": f"{100 * (1 - UNSURE):g}"}
        right.metric(t("xai.metric.unsure", lang, **bounds), f"{100 * scaled['unsure']:.0f}%",
                     t("xai.metric.unsure.was", lang, value=f"{100 * ref['unsure']:.0f}%"),
                     delta_color="off", delta_arrow="off",
                     help=t("xai.metric.unsure.help", lang, **bounds))
    st.markdown(scaling_story(views, settings, scores, measured, predicted, lang))


def scaling_check(views: dict, seed_index: int) -> tuple[float, int]:
    """(cosine between the reference's and the scaled copy's directions, points that changed
    class) for one of the two seeds."""
    ref, scaled = views["reference"][seed_index], views["scaled"][seed_index]
    cosine, _ = S.cosine_agreement(ref["unit"], scaled["unit"])
    return cosine, int(np.sum(ref["sign"] != scaled["sign"]))


def scaling_holds(views: dict, scores: dict) -> bool:
    """Whether the scaled copy kept every direction and class on both seeds, and so the seed
    agreement as shown."""
    checks = [scaling_check(views, i) for i in range(len(views["reference"]))]
    same_agreement = (f"{scores['scaled']['cosine']:.2f}" == f"{scores['reference']['cosine']:.2f}")
    return all(cos > EXACT and moved == 0 for cos, moved in checks) and same_agreement


def scaling_story(views: dict, settings: dict, scores: dict, measured: float, predicted: float,
                  lang: str) -> str:
    """Section 4's verdict, each sentence chosen by the measured numbers."""
    gain = settings["gain"]
    ref, scaled = views["reference"][0], views["scaled"][0]
    cosine, moved = scaling_check(views, 0)
    numbers = {"g": f"{gain:g}", "measured": f"{measured:.3f}", "predicted": f"{predicted:.3f}",
               "cos": f"{cosine:.4f}", "moved": moved,
               "ref": f"{scores['reference']['cosine']:.2f}",
               "scaled": f"{scores['scaled']['cosine']:.2f}",
               "before": f"{100 * ref['unsure']:.0f}", "after": f"{100 * scaled['unsure']:.0f}"}
    if gain == 1:
        return t("xai.scale.identity", lang, **numbers)
    if not scaling_holds(views, scores):
        return t("xai.scale.changed", lang, **numbers)
    before, after = numbers["before"], numbers["after"]
    change = ("same" if before == after else
              "shrinks" if scaled["unsure"] < ref["unsure"] else "grows")
    return sentences([t("xai.scale.same", lang, **numbers),
                      t(f"xai.scale.unsure.{change}", lang, **numbers),
                      t("xai.scale.units." + ("up" if gain > 1 else "down"), lang)], lang)


def section_layers(views: dict, labels: dict, keys: dict, settings: dict, lang: str,
                   controls) -> None:
    """Median saliency magnitude per layer: reference, scaled copy (and its law), studied."""
    st.subheader(t("xai.layers.header", lang))
    explain(t("xai.layers.intro", lang), lang)
    shown = ("reference", "scaled", "studied")
    order = [k for k in shown if np.isfinite(views[k][0]["layers"]).any()]
    short = {k: legend_label(k, lang) for k in shown}
    frame = pd.concat([profile_frame(views[k][0]["layers"], short[k]) for k in order],
                      ignore_index=True)
    depth, gain = settings["depth"], settings["gain"]
    reference = profile_frame(views["reference"][0]["layers"], "")
    theory = pd.DataFrame({"layer": reference["layer"],
                           "value": reference["median"] + (depth - reference["layer"])
                           * math.log10(gain)})
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
    at_input = views["studied"][0]["layers"][0]
    peak = float(np.max(at_input[np.isfinite(at_input)])) if np.isfinite(at_input).any() else 0.0
    if peak > FLOAT32_MAX_LOG10:
        st.caption(t("xai.layers.float32", lang, value=peak))
    st.caption(t("xai.layers.caption", lang))


def conclusion(scores: dict, views: dict, keys: dict, settings: dict, lang: str) -> None:
    """The page's answer for these settings, assembled from the measured numbers."""
    st.subheader(t("xai.end.header", lang))
    cosine, moved = scaling_check(views, 0)
    parts = [t("xai.end.scale" if scaling_holds(views, scores) or settings["gain"] == 1
               else "xai.end.scale.rounding", lang, cos=f"{cosine:.4f}", moved=moved)]
    ref, stud = scores["reference"]["cosine"], scores["studied"]["cosine"]
    numbers = {"ref": f"{ref:.2f}", "studied": f"{stud:.2f}", "c": f"{settings['c']:g}"}
    if settings["clip"]:
        before = scores["unclipped"]["cosine"]
        change = {"below": "raised", "same": "same", "above": "lowered"}[compare(before, stud)]
        parts.append(t(f"xai.end.clipped.{change}", lang, before=f"{before:.2f}", **numbers))
    else:
        verdict = compare(stud, ref)
        if verdict == "below" and exploded(views["studied"][0], views["reference"][0]):
            verdict = "below_exploded"
        if level(stud, scores["studied"]["used"]) == "empty":
            verdict = "empty"
            numbers["used"] = f"{100 * scores['studied']['used']:.0f}"
        parts.append(t(f"xai.end.training.{verdict}", lang,
                       grad=caret_power_of_ten_or_zero(views["studied"][0]["grad_log10"]),
                       grad_ref=caret_power_of_ten_or_zero(views["reference"][0]["grad_log10"]),
                       **numbers))
    st.markdown("\n\n".join(parts))
    st.caption(t("xai.sources", lang))


# ---------------------------------------------------------------- the page


lang = page_setup("explanations")
st.title(t("page.explanations", lang))
controls = Controls(lang)
settings = {
    "data": controls.select("data", "xai.control.data", DATASETS, "moons", "xai.data."),
    "depth": controls.slider("depth", "xai.control.depth", 2, 8, 4),
    "width": controls.slider("width", "xai.control.width", 8, 64, 32, step=8),
    "gain": controls.slider("gain", "xai.control.gain", 0.5, 4.0, 2.0, step=0.1,
                            help_key="xai.control.gain.help"),
    "lr": controls.slider("lr", "xai.control.lr", 0.01, 1.0, 0.5, step=0.01,
                          help_key="xai.control.lr.help",
                          help_values={"batch": BATCH, "lr": f"{REFERENCE['lr']:g}"}),
    "steps": controls.slider("steps", "xai.control.steps", 100, 1000, 400, step=50),
    "clip": controls.toggle("clip", "xai.control.clip", False, help_key="xai.control.clip.help"),
    "c": controls.slider("c", "xai.control.c", 0.1, 10.0, 1.0, step=0.1),
    "seed": controls.seed(),
}
controls.presets(PRESETS["explanations"], LABEL_PREFIXES["explanations"])
controls.report()

settings["steps_used"] = steps_for(settings["depth"], settings["width"], settings["steps"])
explain(t("xai.intro", lang, batch=BATCH, gain=f"{REFERENCE['gain']:g}",
           lr=f"{REFERENCE['lr']:g}"), lang)
if settings["steps_used"] < settings["steps"]:
    work_capped_notice(lang, t("xai.capped_what", lang), settings["steps"],
                       settings["steps_used"])
common = (settings["data"], settings["depth"], settings["width"])
seeds = (settings["seed"], settings["seed"] + 1)
studied_clip = float(settings["c"]) if settings["clip"] else None
views = {
    "reference": [explained(*common, REFERENCE["gain"], REFERENCE["lr"],
                            settings["steps_used"], REFERENCE["clip"], s, seeds[0])
                  for s in seeds],
    "scaled": [explained(*common, REFERENCE["gain"], REFERENCE["lr"], settings["steps_used"],
                         REFERENCE["clip"], s, seeds[0], float(settings["gain"])) for s in seeds],
    "studied": [explained(*common, float(settings["gain"]), float(settings["lr"]),
                          settings["steps_used"], studied_clip, s, seeds[0]) for s in seeds],
}
if settings["clip"]:  # the same recipe without clipping, to measure what clipping changed
    views["unclipped"] = [explained(*common, float(settings["gain"]), float(settings["lr"]),
                                    settings["steps_used"], None, s, seeds[0]) for s in seeds]
labels = {key: model_label(key, settings, lang) for key in views}
keys = colour_keys(settings["clip"])
section_models(views, settings, lang)
section_fields(views, labels, seeds, lang, controls)
scores = section_agreement(views, labels, keys, lang, controls)
section_scaling(views, settings, scores, labels, lang, controls)
section_layers(views, labels, keys, settings, lang, controls)
conclusion(scores, views, keys, settings, lang)
