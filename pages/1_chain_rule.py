"""Chain rule: how the gradient norm grows or shrinks with depth, and which factor causes it."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import theory
from core.budget import ensemble_size
from core.ensemble import measure_layers
from core.floats import FLOAT32_MAX_LOG10, FLOAT32_TINY_LOG10
from core.preactivations import spread_layers, summary, weak_threshold
from core.profiles import (
    dead_share,
    factor_trend,
    first_layer_beyond,
    mean_factors,
    median_total_growth,
    theory_profile,
)
from core.pytorch_code import chain_rule_code
from ui.charts.chain_rule import FACTOR_PARTS, factor_data, factor_template
from ui.charts.forward import (
    band_chart,
    band_data,
    layer_frame,
    method_note,
    share_chart,
    share_data,
    share_labels,
    weak_story,
)
from ui.charts.layers import profile_template
from ui.controls import Controls, section
from ui.display import explain, show_chart, work_capped_notice
from ui.format import factor_from_log10
from ui.frames import decade_extent, float32_limits, profile_frame, shown_rows
from ui.i18n import sentences, t
from ui.pytorch import pytorch_block
from ui.quiz import quiz_card
from ui.shell import page_setup, presenter_mode
from ui.tables.chain_rule import BATCH, TABLE


@st.cache_data(max_entries=32)
def measure(depth: int, width: int, activation: str, init: str, gain: float, samples: int,
            seed: int) -> dict:
    """Everything the page shows for one setting: small per-layer frames and a few numbers."""
    run = measure_layers(depth, width, activation, init, gain, samples, BATCH, seed,
                         pre_activations=True)
    grad = profile_frame(run.grad, "simulated")
    act = profile_frame(run.act, "simulated")
    result = {
        "grad": grad,
        "act": act,
        "runs": run.grad.shape[1],
        "growth": median_total_growth(run.grad),
        "grad_dead": dead_share(run.grad),
        "act_dead": dead_share(run.act),
        "factors": mean_factors(run),
        "overflow": first_layer_beyond(grad.layer, grad["median"], FLOAT32_MAX_LOG10,
                                       above=True, backward=True),
        "underflow": first_layer_beyond(grad.layer, grad["median"], FLOAT32_TINY_LOG10,
                                        above=False, backward=True),
        "act_overflow": first_layer_beyond(act.layer, act["median"], FLOAT32_MAX_LOG10,
                                           above=True, backward=False),
        "theory": None,
        "theory_growth": None,
        "distributions": {"layers": layer_frame(run.pre_activations),
                          "summary": summary(run.pre_activations),
                          "threshold": weak_threshold(activation)},
    }
    expected = theory_profile(run, width, activation, init, gain)
    if expected is not None:
        line, result["theory_growth"] = expected
        result["theory"] = pd.DataFrame({"layer": np.arange(depth + 1), "value": line})
    theory_values = [] if result["theory"] is None else result["theory"]["value"]
    result["grad_extent"] = decade_extent(grad["low"], grad["high"], theory_values)
    # the line's rows, or one hidden row when no theory applies (the layer stays)
    result["theory_line"] = shown_rows(
        pd.DataFrame({"layer": [], "value": []}) if result["theory"] is None else result["theory"],
        {"layer": 0, "value": float(result["grad_extent"]["y"].min())})
    result["act_extent"] = decade_extent(act["low"], act["high"])
    return result


def read_controls(lang: str) -> tuple[dict, Controls]:
    """Create the sidebar controls (URL-bound); return (values, controls)."""
    controls = Controls(lang, TABLE)
    values = controls.widgets("depth", "width", "act", "init", "gain", "samples", "seed")
    return values, controls


def apply_work_cap(lang: str, values: dict) -> dict:
    """Reduce samples, then width, to bound the work; say so with an info note."""
    samples, width = ensemble_size(values["depth"], values["width"], values["samples"])
    for what, asked, used in (("samples", values["samples"], samples),
                              ("width", values["width"], width)):
        if used != asked:
            work_capped_notice(lang, t(f"cr.capped.{what}", lang), asked, used)
    return {**values, "samples": samples, "width": width}


def show_metrics(lang: str, values: dict, result: dict) -> None:
    """Total growth, per-layer factor and the float32 verdict as st.metric readouts."""
    growth_col, factor_col, float_col = st.columns(3)
    growth = result["growth"]
    theory_growth = (t("cr.metric.growth.value", lang, value=result["theory_growth"])
                     if result["theory"] is not None else t("cr.metric.na", lang))
    growth_col.metric(
        t("cr.metric.growth", lang),
        t("cr.metric.growth.value", lang, value=growth) if growth is not None
        else t("cr.metric.growth.dead", lang),
        help=t("cr.metric.growth.help", lang, theory=theory_growth))
    expected = theory.factor_parts(values["act"], values["init"], values["gain"], values["width"])
    factor_theory = (f"{expected['total']:#.3g}" if "total" in expected
                     else t("cr.metric.na", lang))
    factor_col.metric(
        t("cr.metric.factor", lang),
        t("cr.metric.factor.value", lang, value=factor_from_log10(result["factors"]["total"]),
          theory=factor_theory),
        help=t("cr.metric.factor.help", lang))
    if result["overflow"] is not None:
        label, verdict = t("cr.metric.overflow", lang), str(result["overflow"])
    elif result["underflow"] is not None:
        label, verdict = t("cr.metric.underflow", lang), str(result["underflow"])
    else:
        label, verdict = t("cr.metric.float32", lang), t("cr.metric.in_range.value", lang)
    float_col.metric(label, verdict, help=t("cr.metric.float32.help", lang))


def profile_data(lang: str, frame: pd.DataFrame, extent: pd.DataFrame,
                 theory_frame: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The named datasets of a profile chart: the measured band, its axis extent, the float32
    limits in view and (where it applies) the theory line."""
    data = {"profile": frame.assign(series=t("cr.series.label", lang)), "extent": extent,
            "limits": float32_limits(extent, t("float32.overflow", lang),
                                     t("float32.underflow", lang))}
    if theory_frame is not None:
        data["theory"] = theory_frame
    return data


def profile_chart(lang: str, y_title: str, title: str, theory: bool, height: int = 400):
    """The template of a measured per-layer profile: band, float32 rules, optional theory."""
    return profile_template(
        x_title=t("label.layer", lang), y_title=y_title, series_title=t("cr.series", lang),
        series_keys=("simulated",), series_labels=(t("cr.series.label", lang),), title=title,
        theory_label=t("cr.theory", lang) if theory else None, float32=True, height=height)


def runs_note(lang: str, values: dict, result: dict) -> str:
    return t("cr.runs", lang, depth=values["depth"], width=values["width"], runs=result["runs"],
             samples=values["samples"], batch=BATCH)


def gradient_section(lang: str, values: dict, result: dict, controls: Controls) -> None:
    """Chart (a): the absolute gradient norm per layer, theory line, float32 rules."""
    if result["grad_dead"] > 0:
        st.warning(t("cr.dead", lang, share=result["grad_dead"], runs=result["runs"]),
                   icon=":material/heart_broken:")
    if len(result["grad"]) < 2:
        st.error(t("cr.dead.all", lang), icon=":material/block:")
        return
    show_chart(profile_chart(lang, t("label.grad_norm", lang), t("cr.grad.title", lang),
                             theory=True),
               "gradient_per_layer", controls,
               data=profile_data(lang, result["grad"], result["grad_extent"],
                                 result["theory_line"]),
               export_title=t("cr.grad.export_title", lang, depth=values["depth"],
                              width=values["width"]))
    st.caption(sentences([runs_note(lang, values, result), t("cr.grad.caption", lang),
                          t("cr.grad.caption.theory", lang) if result["theory"] is not None
                          else t("cr.grad.caption.no_theory", lang,
                                 act=t(f"act.{values['act']}", lang))], lang))


def forward_section(lang: str, values: dict, result: dict, controls: Controls) -> None:
    """Chart (b): the forward signal per layer."""
    show_chart(profile_chart(lang, t("cr.act.axis", lang), t("cr.act.title", lang),
                             theory=False, height=360), "forward_signal", controls,
               data=profile_data(lang, result["act"], result["act_extent"]))
    parts = [runs_note(lang, values, result), t("cr.act.caption", lang)]
    if result["act_overflow"] is not None:
        parts.append(t("cr.act.float32", lang, layer=result["act_overflow"]))
    if result["act_dead"] > 0:
        parts.append(t("cr.act.dead", lang, share=result["act_dead"]))
    st.caption(sentences(parts, lang))


def factor_section(lang: str, values: dict, result: dict, controls: Controls) -> None:
    """Chart (c): the per-layer factor as weights x activation, measured vs theory."""
    expected = theory.factor_parts(values["act"], values["init"], values["gain"], values["width"])
    labels = {part: t(f"cr.factor.{part}", lang) for part in FACTOR_PARTS}
    data, dropped = factor_data(result["factors"], expected, labels)
    show_chart(factor_template(
        labels=tuple(labels[p] for p in FACTOR_PARTS), y_title=t("cr.factor.axis", lang),
        measured_title=t("cr.factor.measured", lang), theory_title=t("cr.factor.theory", lang),
        one_label=t("cr.factor.one", lang), title=t("cr.factor.title", lang)),
        "factor_split", controls, data=data)
    numbers = {"weight": factor_from_log10(result["factors"]["weight"]),
               "act": factor_from_log10(result["factors"]["activation"]),
               "total": factor_from_log10(result["factors"]["total"]),
               "weight_theory": f"{expected['weight']:#.3g}",
               "init": t(f"init.{values['init']}", lang)}
    if values["act"] == "relu":
        parts = [t("cr.factor.caption.relu", lang, **numbers)]
        if math.isfinite(result["factors"]["total"]):
            trend = factor_trend(result["factors"]["total"])
            parts.append(t(f"cr.factor.weights.{trend}", lang, **numbers))
    else:
        parts = [t("cr.factor.caption.other", lang, **numbers)]
    if not theory.theory_applies(values["act"]):
        parts.append(t("cr.factor.caption.saturating", lang,
                       act=t(f"act.{values['act']}", lang)))
    if dropped:
        parts.append(t("cr.factor.caption.dropped", lang,
                       parts=", ".join(labels[p].replace("|", " ") for p in dropped)))
    st.caption(sentences(parts, lang))


@section("distributions")
def distribution_section(lang: str, controls: Controls, values: dict, found: dict,
                         runs: int) -> None:
    """What phi sees: z_l at a few layers, and per layer the weak share and E[phi'(z)^2]."""
    st.subheader(t("cr.dist.title", lang))
    count = controls.widget("layers", container=st.columns(3)[0])
    shown, act = spread_layers(values["depth"], count), values["act"]
    left, right = st.columns([11, 9], gap="large")
    show_chart(band_chart(lang, act, found["threshold"]), "pre_activations", controls,
               container=left, data=band_data(found["layers"], shown, found["threshold"]))
    show_chart(share_chart(lang, act), "weak_units", controls, container=right,
               data=share_data(found["layers"], shown, share_labels(lang, act)))
    st.markdown(weak_story(lang, act, values["depth"], found["summary"], found["threshold"]))
    st.caption(method_note(lang, values["depth"], runs, found["summary"]))


def explanation(lang: str) -> None:
    """The chain rule as a product, the per-layer factor, and He's condition."""
    st.subheader(t("cr.why.title", lang))
    # A long derivation: in presenter mode the whole block (formulas too) folds away.
    with (st.expander(t("shell.explanation", lang), icon=":material/menu_book:")
          if presenter_mode() else st.container()):
        derivation(lang)


def derivation(lang: str) -> None:
    """The derivation's paragraphs and formulas."""
    st.markdown(t("cr.why.chain", lang))
    st.latex(r"g_0 = \frac{\partial \mathcal{L}}{\partial a_0} = W_1^{\top} D_1 \, W_2^{\top} D_2"
             r" \cdots W_L^{\top} D_L \, g_L, \qquad D_l = \operatorname{diag}\big(\varphi'(h_l)"
             r"\big)")
    st.markdown(t("cr.why.factor", lang))
    weights, activation = t("cr.why.weights", lang), t("cr.why.activation", lang)
    st.latex(r"\mathbb{E}\,\lVert g_{l-1}\rVert^2 = \underbrace{n\,\mathrm{Var}[w]}_{\text{"
             + weights + r"}}\cdot\underbrace{\mathbb{E}\big[\varphi'(z)^2\big]}_{\text{"
             + activation + r"}}\cdot\lVert g_l\rVert^2")
    st.markdown(t("cr.why.he", lang))
    st.latex(r"\text{ReLU: } \mathbb{E}[\varphi'^2] = \tfrac12 \;\Rightarrow\; "
             r"n\,\mathrm{Var}[w] = 2 \iff \mathrm{std}(w) = \sqrt{2/n}\ \text{(He)};\qquad "
             r"\mathrm{std}(w) = g\sqrt{2/n} \;\Rightarrow\; "
             r"\frac{\lVert g_0\rVert}{\lVert g_L\rVert} \approx g^{L}")


lang = page_setup("chain_rule")
st.title(t("page.chain_rule", lang))
values, controls = read_controls(lang)
values = apply_work_cap(lang, values)
explain(t("cr.intro", lang), lang)
quiz_card(lang, controls)
result = measure(values["depth"], values["width"], values["act"], values["init"],
                 float(values["gain"]), values["samples"], values["seed"])
show_metrics(lang, values, result)
gradient_section(lang, values, result, controls)
forward_column, factor_column = st.columns(2, gap="large")
with forward_column:
    forward_section(lang, values, result, controls)
with factor_column:
    factor_section(lang, values, result, controls)
distribution_section(lang, controls, values, result["distributions"], result["runs"])
controls.report()
explanation(lang)
pytorch_block(lang, chain_rule_code(values, BATCH))
