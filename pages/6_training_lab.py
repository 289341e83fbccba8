"""Training lab: train a small MLP on toy data, watch it explode or stall, and try the remedies."""

from dataclasses import replace

import streamlit as st

from core import lab
from core.lab_measures import story_clauses, story_numbers
from core.pytorch_training_code import training_code
from core.training import TrainConfig
from ui.charts import training as charts
from ui.charts import training_data
from ui.charts.common import COLORS
from ui.controls import Controls
from ui.display import explain, show_chart, work_capped_notice
from ui.format import e_power_of_ten, fixed, plain, significant
from ui.i18n import sentences, t
from ui.pytorch import pytorch_block
from ui.quiz import quiz_card
from ui.shell import page_setup
from ui.tables.training import B_KEYS, DATA_KEYS, OPTIM_KEYS, REMEDY_KEYS, TABLE
from ui.training_live import LiveCurves, grad_chart, loss_chart, norm_data
from ui.training_text import describe_b, story_words, switch_label, switch_text

COLOURS = {"A": COLORS["none"], "B": COLORS["norm"]}
DIVERGED_KEYS = {"nan": "tl.status.diverged_nan", "inf": "tl.status.diverged_inf",
                 "large": "tl.status.diverged"}


@st.cache_data(max_entries=32, show_spinner=False)
def run(config: TrainConfig, dataset: str, _progress_text: str = "", _live=None) -> dict:
    """Train one configuration; a progress bar and the live curves (``_live``, a
    LiveCurves.watch callback) show while it runs (not on a cache hit)."""
    slot = st.empty()

    def progress(done: int, total: int) -> None:
        slot.progress(done / total, text=_progress_text.format(done=done, total=total))

    summary = lab.trained_summary(config, dataset, progress, _live)
    slot.empty()
    return summary


@st.cache_data(max_entries=32, show_spinner=False)
def at_start(config: TrainConfig, dataset: str) -> dict:
    """The network of ``config`` before its first update (core.lab.start_measures)."""
    return lab.start_measures(config, dataset)


# ---------------------------------------------------------------- words


def status_text(s: dict, label: str, lang: str) -> str:
    """What happened to a run, in one sentence."""
    if lab.outcome(s) == "diverged":
        step, quantity, value = s["divergence"]
        kind = lab.divergence_kind(s)
        return t(DIVERGED_KEYS[kind], lang, run=label, step=step, last=lab.last_finite_step(s),
                 quantity=t(f"tl.quantity.{quantity}", lang),
                 value=e_power_of_ten(value) if kind == "large" else "")
    acc, loss = s["eval"]["acc"][-1], s["eval"]["loss"][-1]
    return t(f"tl.status.{lab.outcome(s)}", lang, run=label, steps=s["steps"],
             acc=fixed(acc, 1), loss=significant(loss), learnt=plain(lab.LEARNT),
             chance=plain(lab.CHANCE))


def show_status(s: dict, label: str, lang: str) -> None:
    """A run's status sentence, as an error, warning or success by its outcome."""
    show = {"diverged": (st.error, ":material/warning:"),
            "stalled": (st.warning, ":material/trending_flat:"),
            "trained": (st.success, ":material/check_circle:")}[lab.outcome(s)]
    show[0](status_text(s, label, lang), icon=show[1])


def story(preset: str, runs: dict, configs: dict, starts: dict, lang: str) -> str:
    """A preset's teaching story: its set-up, what the numbers show, how the runs ended."""
    numbers = story_words(story_numbers(runs, configs, starts))
    keys = [f"tl.story.{preset}", *story_clauses(preset, runs, configs, starts)]
    ends = [t(f"tl.story.run.{lab.outcome(s)}", lang, run=key,
              acc=fixed(lab.final_accuracy(s), 1), chance=plain(lab.CHANCE),
              step=s["divergence"][0] if s["divergence"] is not None else "")
            for key, s in runs.items()]
    parts = [t(key, lang, **numbers) for key in keys]
    parts.append(t("tl.story.outcome", lang, outcomes=t("tl.story.and", lang).join(ends)))
    if preset == "exploding":
        parts.append(t("tl.story.next", lang))
    return sentences(parts, lang)


def show_switch(runs: dict, configs: dict, v: dict, lang: str) -> None:
    """What B's mid-run switch did, in words; a note if the switch lacks its value."""
    if "B" not in runs:
        return
    if runs["B"]["switch"] is not None:
        same = replace(configs["B"], switch=None) == configs["A"]
        st.info(switch_text(runs["B"]["switch"], same, runs["B"]["steps"], lang),
                icon=":material/swap_horiz:")
    elif v["bswitch"] != "none":
        st.caption(t("tl.switch.needs_c", lang))


def switch_rows(configs: dict, first_step: int, lang: str):
    """Where B's switch acts on the charts (a hidden row without one)."""
    b = configs.get("B")
    text = "" if b is None or b.switch is None else switch_label(b.switch, lang)
    return training_data.switch_frame(configs, t("tl.chart.switch", lang), text, first_step)


def stops(runs: dict, labels: dict, first_step: int, lang: str):
    """Where diverged runs' charts stop, with their chart label and status sentence."""
    words = {key: (t("tl.chart.diverged", lang, run=key), status_text(s, labels[key], lang))
             for key, s in runs.items() if s["divergence"] is not None}
    return training_data.divergence_frame(runs, words, first_step)


def show_metrics(runs: dict, configs: dict, lang: str) -> None:
    """One row of readouts per run."""
    names = ("tl.metric.acc", "tl.metric.loss", "tl.metric.max_grad", "tl.metric.clipped")
    for key, s in runs.items():
        texts = training_data.readout_texts(lab.readouts(s, configs[key]))
        for column, name, text in zip(st.columns(4), names, texts, strict=True):
            column.metric(t(name, lang, run=key), text)


# ---------------------------------------------------------------- sections


def read_controls(lang: str) -> tuple[dict, Controls]:
    """The sidebar's groups of controls (B's overrides folded in an expander), then presets."""
    controls = Controls(lang, TABLE)
    values = {}
    for group, keys in (("data", DATA_KEYS), ("optim", OPTIM_KEYS),
                        ("remedies", REMEDY_KEYS), ("compare", ("cmp",))):
        st.sidebar.subheader(t(f"tl.group.{group}", lang))
        values |= controls.widgets(*keys)
    group_b = st.sidebar.expander(t("tl.group.b", lang), expanded=values["cmp"])
    values |= controls.widgets(*B_KEYS, container=group_b)
    controls.report()
    return values, controls


def capped_configs(v: dict, lang: str) -> dict[str, TrainConfig]:
    """The runs' configurations within the work cap, with a notice for each one reduced."""
    asked = lab.asked_configs(v)
    configs = {key: lab.capped(config) for key, config in asked.items()}
    for key, config in configs.items():
        if config.steps < asked[key].steps:
            work_capped_notice(lang, t("tl.capped_what", lang, run=key), asked[key].steps,
                               config.steps)
    return configs


def section_curves(runs: dict, configs: dict, labels: dict, v: dict, common: dict,
                   lang: str, controls: Controls) -> None:
    """Loss and accuracy on the whole data set during training."""
    st.subheader(t("tl.section.curves", lang))
    losses, accuracy, zero_losses = training_data.curve_frames(runs)
    data_name = t(f"tl.data.{v['data']}", lang)
    if not len(accuracy):
        st.warning(t("tl.status.no_step", lang, run=", ".join(runs)))
        return
    stop_rows, switch = stops(runs, labels, 0, lang), switch_rows(configs, 0, lang)
    left, right = st.columns(2)
    with left:
        show_chart(loss_chart(lang, common), "loss", controls,
                   data={"curves": losses, "stops": stop_rows, "switch": switch},
                   export_title=t("tl.chart.loss.export", lang, n=lab.POINTS, data=data_name))
    with right:
        show_chart(charts.accuracy_template(y_title=t("tl.chart.acc.y", lang),
                                            title=t("tl.chart.acc.title", lang, n=lab.POINTS),
                                            chance=lab.CHANCE,
                                            chance_label=t("tl.chart.chance", lang,
                                                           chance=plain(lab.CHANCE)), **common),
                   "accuracy", controls,
                   data={"curves": accuracy, "stops": stop_rows, "switch": switch},
                   export_title=t("tl.chart.acc.export", lang, n=lab.POINTS, data=data_name))
    st.caption(t("tl.caption.curves", lang, n=lab.POINTS, data=data_name,
                 every=configs["A"].eval_every))
    if zero_losses:
        st.caption(t("tl.caption.loss_zero", lang, n=zero_losses))


def section_gradients(runs: dict, configs: dict, labels: dict, common: dict, lang: str,
                      controls: Controls) -> None:
    """The global gradient norm per step (before and after clipping)."""
    st.subheader(t("tl.section.gradients", lang))
    if not any("line" in s for s in runs.values()):
        return
    show_chart(grad_chart(configs, lang, common), "grad_norm", controls,
               data={**norm_data(runs, configs, lang), "stops": stops(runs, labels, 1, lang),
                     "switch": switch_rows(configs, 1, lang)})
    bucket = lab.line_bucket(list(runs.values()))
    st.caption(sentences([t("tl.caption.grad", lang)]
                         + ([t("tl.caption.grad_bucket", lang, bucket=bucket)] if bucket > 1
                            else []), lang))


def section_heatmaps(runs: dict, lang: str, controls: Controls) -> None:
    """Each run's gradient norm per layer and step bucket."""
    heats = {key: training_data.heat_frame(s) for key, s in runs.items() if "heat" in s}
    if not heats:
        return
    extent = training_data.heat_extent([cells for cells, _ in heats.values()])
    for column, (key, (cells, blank)) in zip(st.columns(len(heats)), heats.items(), strict=True):
        with column:
            if len(cells):
                show_chart(charts.heatmap_template(x_title=t("tl.chart.x", lang),
                                                   y_title=t("tl.chart.heat.y", lang),
                                                   colour_title=t("tl.chart.heat.colour", lang),
                                                   title=t("tl.chart.heat.title", lang, run=key)),
                           f"heatmap_{key.lower()}", controls,
                           data={"cells": cells, "extent": extent})
            if blank:
                st.caption(t("tl.caption.heat_zero", lang, n=blank))
    size = lab.heat_bucket(runs[next(iter(heats))])
    st.caption(sentences([t("tl.caption.heat", lang)]
                         + ([t("tl.caption.heat_bucket", lang, bucket=size)] if size > 1
                            else []), lang))


def section_boundary(runs: dict, v: dict, lang: str, controls: Controls) -> None:
    """Each run's decision boundary over the data."""
    st.subheader(t("tl.section.boundary", lang))
    data = lab.training_data(v["data"], v["seed"])
    class_labels = (t("tl.chart.class0", lang), t("tl.chart.class1", lang))
    for column, (key, s) in zip(st.columns(len(runs)), runs.items(), strict=True):
        grid, points = training_data.grid_frames(s, data, class_labels)
        with column:
            show_chart(charts.boundary_template(x_title="x₁", y_title="x₂",
                                                p_title=t("tl.chart.boundary.p", lang),
                                                class_title=t("tl.chart.class", lang),
                                                class_labels=class_labels,
                                                title=t("tl.chart.boundary.title", lang, run=key)),
                       f"boundary_{key.lower()}", controls,
                       data={"grid": grid, "points": points},
                       export_title=t("tl.chart.boundary.export", lang, run=key,
                                      steps=s["steps"]))
    st.caption(t("tl.caption.boundary", lang, grid=lab.GRID,
                 steps=t("tl.diff.sep", lang).join(
                     t("tl.caption.boundary.run", lang, run=key, steps=s["steps"])
                     for key, s in runs.items())))


def section_how(lang: str) -> None:
    """How a training step works, and the sources."""
    st.subheader(t("tl.section.how", lang))
    explain(t("tl.how", lang, batch=lab.BATCH), lang)
    st.latex(r"\theta_{k+1} = \operatorname{clip}_c\!\Big(\theta_k - \eta_k\,"
             r"\operatorname{opt}\big(\operatorname{clip}(\nabla_\theta L_{B_k}(\theta_k))"
             r"\big)\Big),"
             r"\qquad a_l = [a_{l-1} +]\ \varphi\big(\mathrm{BN}(W_l a_{l-1} + b_l)\big)")
    st.caption(t("tl.sources", lang))


# ---------------------------------------------------------------- the page

lang = page_setup("training")
st.title(t("page.training", lang))
v, controls = read_controls(lang)
explain(t("tl.intro", lang), lang)
quiz_card(lang, controls)
preset = controls.matching_preset()
story_slot = st.empty()
configs = capped_configs(v, lang)
labels = {"A": t("tl.run.a", lang)}
if "B" in configs:
    labels["B"] = t("tl.run.b", lang, diff=describe_b(configs["A"], configs["B"], lang))
series = tuple(configs)  # the runs are "A" (and "B") in every chart; the text says what B is
common = {"x_title": t("tl.chart.x", lang), "series_title": t("tl.chart.series", lang),
          "series_labels": series, "series_colours": tuple(COLOURS[key] for key in series)}
live = LiveCurves(st.empty(), configs, lang, common,
                  lambda first_step: switch_rows(configs, first_step, lang))
runs = {}
for key, config in configs.items():
    runs[key] = run(config, v["data"], t("tl.progress", lang, run=key, done="{done}",
                                         total="{total}"), live.watch(key))
    live.finished(key, runs[key])
live.clear()
if preset in TABLE.presets:
    starts = {key: at_start(config, v["data"]) for key, config in configs.items()}
    story_slot.info(story(preset, runs, configs, starts, lang), icon=":material/school:")
for key, s in runs.items():
    show_status(s, labels[key], lang)
show_switch(runs, configs, v, lang)
show_metrics(runs, configs, lang)
section_curves(runs, configs, labels, v, common, lang, controls)
section_gradients(runs, configs, labels, common, lang, controls)
section_heatmaps(runs, lang, controls)
section_boundary(runs, v, lang, controls)
section_how(lang)
pytorch_block(lang, training_code(v))
