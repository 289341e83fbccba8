"""Weight clipping: does bounding every weight tame the gradient, and what does it cost?"""

import streamlit as st

from core import weight_bounds
from core.pytorch_code import weight_clipping_code
from ui.charts.common import COLORS, GREY, PURPLE
from ui.charts.layers import profile_template
from ui.charts.weight_clipping import histogram_template, loss_template
from ui.charts.weight_clipping_data import (
    gradient_data,
    histogram_data,
    histogram_shares,
    loss_curves,
)
from ui.controls import Controls, section
from ui.display import explain, show_chart, work_capped_notice
from ui.format import (
    caret_power,
    caret_power_of_ten,
    factor,
    factor_change,
    fixed,
    percent_value,
    significant,
    tidy_decimal,
    word_list,
)
from ui.frames import profile_frame
from ui.i18n import sentences, t
from ui.pytorch import pytorch_block
from ui.quiz import quiz_card
from ui.shell import page_setup
from ui.tables.weight_clipping import TABLE

SERIES = ("unclipped", "clipped")
TRAINING = weight_bounds.TRAINING
STEPS = TRAINING["steps"]
TRAIN_TEXT = {"depth": TRAINING["depth"], "width": TRAINING["width"], "steps": STEPS,
              "lr": TRAINING["lr"], "batch": TRAINING["batch_size"],
              "points": weight_bounds.DATA_POINTS, "every": TRAINING["eval_every"]}


# ---------------------------------------------------------------- cached computations
# Split by what each depends on: the activation does not touch the weights, c does not touch
# the unclipped gradients, and the random networks' depth and width do not touch training.


@st.cache_data(max_entries=16)
def unclipped_spectral(depth: int, width: int, gain: float, seed: int) -> float:
    """Median ||W||_2 of the unclipped layers (independent of c)."""
    return weight_bounds.unclipped_spectral_norm(depth, width, gain, seed)


@st.cache_data(max_entries=16)
def weight_summary(c: float, depth: int, width: int, gain: float, seed: int) -> dict:
    """Section 1 and the spectral norms of section 2: the weights before and after clipping."""
    return {**weight_bounds.clipped_weights(c, depth, width, gain, seed),
            "spectral_before": unclipped_spectral(depth, width, gain, seed)}


@st.cache_data(max_entries=32)
def gradient_summary(clip: float | None, depth: int, width: int, gain: float, activation: str,
                     seed: int) -> dict:
    """The gradient ratios' profile (median, 10-90% band) and their median at the input."""
    ratios = weight_bounds.gradient_ratios(clip, depth, width, gain, activation, seed)
    return {"profile": profile_frame(ratios, "unclipped" if clip is None else "clipped"),
            "at_input": weight_bounds.median_at_input(ratios)}


@st.cache_data(max_entries=16)
def training_runs(clips: tuple, gain: float, activation: str, dataset: str, seed: int) -> list:
    """Small summaries of training runs, one per weight bound in ``clips``."""
    return weight_bounds.training_runs(clips, gain, activation, dataset, seed)


# ---------------------------------------------------------------- text helpers


def multiple_name(multiple: int) -> str:
    """4 -> '4c', 1 -> 'c'."""
    return "c" if multiple == 1 else f"{multiple}c"


def run_label(multiple: int | None, lang: str) -> str:
    """Legend label of a training run: 'unclipped' or 'clipped at 4c' (no number: the chart's
    spec stays the same when c moves)."""
    if multiple is None:
        return t("wc.series.unclipped", lang)
    return t("wc.series.clipped_at_multiple", lang, bound=multiple_name(multiple))


def run_metric_label(multiple: int | None, clip: float | None, lang: str) -> str:
    """A training run's name with its bound's value: 'clipped at 4c = 0.4'."""
    if multiple is None:
        return t("wc.series.unclipped", lang)
    return t("wc.series.clipped_at", lang, bound=multiple_name(multiple), c=tidy_decimal(clip))


def series_labels(lang: str) -> tuple[str, str]:
    return t("wc.series.unclipped", lang), t("wc.series.clipped_c", lang)


def histogram_chart(lang: str, labels: tuple[str, str], colours: tuple[str, str],
                    series_key: str, title_key: str):
    """The template of a weight histogram with its mass at +-c."""
    return histogram_template(
        x_title=t("wc.hist.x", lang), y_title=t("wc.hist.y", lang),
        series_title=t(series_key, lang), series_labels=labels, series_colours=colours,
        title=t(title_key, lang), bin_titles=(t("wc.hist.from", lang), t("wc.hist.to", lang)))


# ---------------------------------------------------------------- sections 1 and 2


@section("network")
def network_section(lang: str, controls: Controls, c: float, gain: float, activation: str,
                    seed: int) -> None:
    """Sections 1 and 2: the random networks, with their own depth and width."""
    cols = st.columns(2)
    depth = controls.widget("depth", container=cols[0])
    width = controls.widget("width", container=cols[1])
    net = weight_summary(c, depth, width, gain, seed)
    if net["networks"] < weight_bounds.MAX_NETWORKS:
        work_capped_notice(lang, t("wc.capped_what", lang), weight_bounds.MAX_NETWORKS,
                           net["networks"])
    histogram_section(lang, controls, net, c)
    gradients = [gradient_summary(clip, depth, width, gain, activation, seed)
                 for clip in (None, c)]
    gradient_section(lang, controls, net, gradients, c, depth, width)


def histogram_section(lang: str, controls: Controls, net: dict, c: float) -> None:
    st.subheader(t("wc.hist.header", lang))
    labels = series_labels(lang)
    shares = (histogram_shares(net["stats"], clipped=False),
              histogram_shares(net["stats"], clipped=True))
    left, right = st.columns([3, 1])
    show_chart(histogram_chart(lang, labels, (COLORS["unclipped"], COLORS["clipped"]),
                               "wc.hist.series", "wc.hist.title"),
               "weight_histogram", controls, container=left,
               data=histogram_data(net["edges"], dict(zip(labels, shares, strict=True)), c,
                                   t("wc.bound_rule", lang, c=c)),
               export_title=t("wc.hist.export_title", lang, c=c))
    before, after = net["weight_factor"]
    right.metric(t("wc.metric.at_bound", lang), percent_value(net["at_bound_percent"], 1))
    right.metric(t("wc.metric.weight_factor", lang), factor(after),
                 factor_change(net["weight_factor_change"]), delta_color="off", delta_arrow="off",
                 help=t("wc.metric.weight_factor.help", lang))
    right.caption(t("wc.metric.weight_factor.before", lang, value=factor(before)))
    st.caption(histogram_caption(net, c, lang))


def histogram_caption(net: dict, c: float, lang: str) -> str:
    """Section 1's caption: how many weights clipping moved, and what it did to n·Var[w]."""
    values = {"std": fixed(net["std"], 4), "c": c, "ratio": fixed(net["c_over_std"], 2)}
    if net["note"] == "untouched":
        return t("wc.hist.caption.none", lang, **values)
    before, after = net["weight_factor"]
    return sentences([t("wc.hist.caption", lang, share=fixed(net["at_bound_percent"], 1),
                        **values),
                      t("wc.hist.factor.lowered", lang, before=factor(before),
                        after=factor(after))], lang)


def gradient_section(lang: str, controls: Controls, net: dict, gradients: list[dict], c: float,
                     depth: int, width: int) -> None:
    st.subheader(t("wc.grad.header", lang))
    explain(t("wc.grad.bound_intro", lang), lang)
    st.latex(r"|w_{ij}| \le c \;\Rightarrow\; \|W\|_2 \le \|W\|_F \le c\sqrt{mn}, \qquad "
             r"\frac{\|g_0\|}{\|g_L\|} \le \prod_{l=1}^{L} \|W_l\|_2 \,"
             r"\max|\varphi'| \le \big(c\sqrt{mn}\big)^{L}")
    labels = dict(zip(SERIES, series_labels(lang), strict=True))
    show_chart(profile_template(
        x_title=t("label.layer", lang), y_title=t("label.grad_ratio", lang),
        series_title=t("wc.hist.series", lang), series_keys=SERIES,
        series_labels=tuple(labels.values()), title=t("wc.grad.title", lang),
        theory_label=t("wc.grad.cap", lang), float32=True, height=460),
        "gradient_ratio", controls,
        data=gradient_data({labels[key]: g["profile"]
                            for key, g in zip(SERIES, gradients, strict=True)},
                           net["bound"], depth,
                           (t("float32.overflow", lang), t("float32.underflow", lang))),
        export_title=t("wc.grad.export_title", lang, depth=depth, width=width))
    st.caption(t("wc.grad.caption", lang, depth=depth, width=width, networks=net["networks"],
                 batch=weight_bounds.BATCH))
    at_input = [g["at_input"] for g in gradients]
    cap_total = float(weight_bounds.log10_cap(net["bound"], depth)[0])
    cols = st.columns(5)
    cols[0].metric(t("wc.metric.ratio_unclipped", lang), caret_power_of_ten(at_input[0]))
    cols[1].metric(t("wc.metric.ratio_clipped", lang), caret_power_of_ten(at_input[1]))
    cols[2].metric(t("wc.metric.spectral", lang), significant(net["spectral_before"]) + " → "
                   + significant(net["spectral_after"]),
                   help=t("wc.metric.spectral.help", lang, layers=net["spectral_layers"]))
    cols[3].metric(t("wc.metric.bound", lang), significant(net["bound"]))
    cols[4].metric(t("wc.metric.cap", lang, depth=depth), caret_power_of_ten(cap_total))
    st.markdown(verdict(net, at_input, cap_total, c, lang))


def verdict(net: dict, at_input: list, cap_total: float, c: float, lang: str) -> str:
    """What the numbers of section 2 mean, in words (core.weight_bounds picks each sentence)."""
    before, after = at_input
    limits = {"low": caret_power(-weight_bounds.REGIME_DECADES),
              "high": caret_power(weight_bounds.REGIME_DECADES)}
    regime = weight_bounds.gradient_regime(after)
    outcome = weight_bounds.cap_outcome(net["bound"], cap_total)
    factor_before, factor_after = net["weight_factor"]
    note = net["note"]
    return sentences([
        t("wc.verdict.moved", lang, c=c, before=caret_power_of_ten(before),
          after=caret_power_of_ten(after), regime=t(f"regime.{regime}", lang),
          rule=t(f"wc.rule.{regime}", lang, **limits)),
        t(f"wc.verdict.{outcome}", lang, bound=significant(net["bound"]),
          cap=caret_power_of_ten(cap_total), **limits),
        t(f"wc.verdict.{note}", lang, before=factor(factor_before),
          after=factor(factor_after)) if note else ""], lang)


# ---------------------------------------------------------------- section 3


@section("training")
def training_section(lang: str, controls: Controls, c: float, gain: float, activation: str,
                     seed: int) -> None:
    """Section 3: the same small network trained unclipped and clipped at 4c, 2c and c."""
    st.subheader(t("wc.train.header", lang))
    multiples = [multiple_name(m) for m in weight_bounds.CLIP_MULTIPLES if m is not None]
    explain(t("wc.train.intro", lang, multiples=word_list(multiples, lang)), lang)
    dataset = controls.widget("data", container=st.columns(3)[0])
    # the unclipped run does not depend on c: it stays cached while c moves
    runs = (training_runs((None,), gain, activation, dataset, seed)
            + training_runs(weight_bounds.clip_bounds(c), gain, activation, dataset, seed))
    loss_section(lang, controls, runs, dataset)
    pile_up(lang, controls, runs[-1], c)


def loss_section(lang: str, controls: Controls, runs: list, dataset: str) -> None:
    multiples = weight_bounds.CLIP_MULTIPLES
    labels = tuple(run_label(m, lang) for m in multiples)
    names = [run_metric_label(m, run["clip"], lang)
             for run, m in zip(runs, multiples, strict=True)]
    for run, name in zip(runs, names, strict=True):
        if run["diverged_at"] is not None:
            st.warning(t("wc.train.diverged", lang, run=name, step=run["diverged_at"]))
    curves, dropped = loss_curves(runs, labels)
    data_name = t(f"wc.data.{dataset}", lang)
    show_chart(loss_template(
        x_title=t("wc.train.x", lang), y_title=t("wc.train.y", lang),
        series_title=t("wc.train.series", lang), series_labels=labels,
        series_keys=tuple("unclipped" if m is None else "clipped" for m in multiples),
        title=t("wc.train.title", lang)), "training_loss", controls, data={"curves": curves},
        export_title=t("wc.train.export_title", lang, data=data_name))
    for column, run, name in zip(st.columns(len(runs)), runs, names, strict=True):
        column.metric(t("wc.metric.final", lang, run=name), fixed(run["final_loss"], 3),
                      t("wc.metric.accuracy", lang, acc=fixed(run["final_accuracy_percent"], 0)),
                      delta_color="off", delta_arrow="off")
    caption = t("wc.train.caption", lang, **TRAIN_TEXT, data=data_name,
                guess=fixed(weight_bounds.CHANCE_LOSS, 3), classes=weight_bounds.CLASSES)
    if dropped:
        caption = sentences([caption, t("wc.train.dropped", lang, n=dropped)], lang)
    st.caption(caption)


def pile_up(lang: str, controls: Controls, run: dict, c: float) -> None:
    labels = (t("wc.series.start", lang), t("wc.series.end", lang, steps=STEPS))
    shares = (histogram_shares(run["start"], clipped=True),
              histogram_shares(run["end"], clipped=True))
    show_chart(histogram_chart(lang, labels, (GREY, PURPLE), "wc.pile.series", "wc.pile.title"),
               "weight_pileup", controls,
               data=histogram_data(run["edges"], dict(zip(labels, shares, strict=True)), c,
                                   t("wc.bound_rule", lang, c=c)),
               export_title=t("wc.pile.export_title", lang, c=c))
    start, end = run["at_bound_percent"]
    st.markdown(t(f"wc.pile.{weight_bounds.pile_change(start, end)}", lang,
                  start=fixed(start, 1), end=fixed(end, 1), steps=STEPS, c=c))


# ---------------------------------------------------------------- the page

lang = page_setup("weight_clipping")
st.title(t("page.weight_clipping", lang))
controls = Controls(lang, TABLE)
c, gain, activation, seed = controls.widgets("c", "gain", "act", "seed").values()

explain(t("wc.intro", lang), lang)
quiz_card(lang, controls)
st.latex(r"w \leftarrow w - \eta\,\nabla_w \mathcal{L}, \qquad "
         r"w \leftarrow \min\big(\max(w, -c),\, c\big)")
network_section(lang, controls, c, gain, activation, seed)
training_section(lang, controls, c, gain, activation, seed)
st.caption(t("wc.sources", lang))
controls.report()
pytorch_block(lang, lambda: weight_clipping_code(controls.current_values()), controls)
