"""The training lab's live curves: while runs train, the loss and gradient-norm charts are
drawn (a few times a second) into a placeholder with the runs so far, from the same templates
and dataset builders as the final charts.

The drawing happens inside the page's cached training function (core.lab.trained_summary's
``live`` callback) but is not recorded for replay: a cache hit draws nothing and sends no stale
frames (``not_replayed``). The placeholder is made by the page, outside the cached function.
"""

import time
from contextlib import contextmanager

import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import in_cached_function

from core import lab
from ui.charts import training as charts
from ui.charts import training_data
from ui.charts.common import Template, arrow_table, check_datasets, template_spec
from ui.format import plain
from ui.i18n import t
from ui.shell import figure_view, presenter_mode

INTERVAL = 0.25  # seconds between two redraws (the last step is always drawn)


def loss_chart(lang: str, common: dict) -> Template:
    """The loss chart's template (live and final)."""
    return charts.loss_template(y_title=t("tl.chart.loss.y", lang),
                                title=t("tl.chart.loss.title", lang, n=lab.POINTS), **common)


def grad_chart(configs: dict, lang: str, common: dict) -> Template:
    """The gradient-norm chart's template (live and final)."""
    return charts.grad_norm_template(
        y_title=t("tl.chart.grad.y", lang), kind_title=t("tl.chart.kind", lang),
        kind_labels=kinds(lang), event_label=t("tl.chart.event", lang),
        title=t("tl.chart.grad.title", lang), clipping=lab.clips_gradients(configs),
        thresholds=lab.has_norm_threshold(configs), **common)


def kinds(lang: str) -> tuple[str, str]:
    """The labels of the gradient before and after clipping."""
    return t("tl.chart.kind.before", lang), t("tl.chart.kind.after", lang)


def norm_data(runs: dict, configs: dict, lang: str) -> dict:
    """The gradient-norm chart's datasets except ``stops`` and ``switch``: the lines of
    ``runs``, and the events and thresholds the template draws when a run of ``configs``
    clips."""
    norms = training_data.norm_frames(runs, configs, kinds(lang), {
        key: t("tl.chart.threshold", lang, run=key, thr=plain(config.grad_clip))
        for key, config in configs.items() if config.grad_clip is not None})
    return {"lines": norms["lines"],
            **({"events": norms["events"]} if lab.clips_gradients(configs) else {}),
            **({"thresholds": norms["thresholds"]} if lab.has_norm_threshold(configs) else {})}


@contextmanager
def not_replayed():
    """Draw from inside a cached function without the drawing being recorded for replay."""
    token = in_cached_function.set(False)
    try:
        yield
    finally:
        in_cached_function.reset(token)


def vega(place, chart: Template, data: dict) -> dict:
    """Draw ``chart`` with its named datasets into ``place``; return the spec sent."""
    tables = {name: frame if isinstance(frame, pa.Table) else arrow_table(frame)
              for name, frame in data.items()}
    check_datasets(chart, tables)
    spec = template_spec(chart, presenter_mode())
    spec["datasets"] = {**spec.get("datasets", {}), **tables}
    place.vega_lite_chart(spec, width="stretch")
    return spec


class LiveCurves:
    """Redraws the loss and gradient-norm charts into ``slot`` while the runs train.

    ``watch(key)`` is the ``live`` callback for run ``key``; ``finished(key, summary)`` keeps a
    finished run on the charts while the next one trains; ``clear()`` empties the slot.
    ``frames`` counts the redraws and ``last`` holds the datasets of the latest one.
    """

    def __init__(self, slot, configs: dict, lang: str, common: dict, switch_rows):
        self.slot, self.configs, self.lang = slot, configs, lang
        self.charts = (loss_chart(lang, common), grad_chart(configs, lang, common))
        self.switch_rows = switch_rows  # first_step -> the switch dataset
        self.runs: dict = {}
        self.frames, self.last, self.drawn_at = 0, {}, -1.0

    def watch(self, key: str):
        """The ``live`` callback for run ``key`` (None in a figure-only view: one chart only)."""
        if figure_view() is not None:
            return None

        def live(done: int, total: int, partial) -> None:
            now = time.monotonic()
            if done < total and now - self.drawn_at < INTERVAL:
                return
            self.drawn_at = now
            self.draw({**self.runs, key: partial()})
        return live

    def finished(self, key: str, summary: dict) -> None:
        self.runs[key] = summary

    def draw(self, runs: dict) -> None:
        losses = training_data.curve_frames(runs)[0]
        if not len(losses):
            return
        hidden = {key: training_data.divergence_frame({}, {}, step) for key, step in
                  (("curves", 0), ("lines", 1))}
        self.last = {"loss": {"curves": losses, "stops": hidden["curves"],
                              "switch": self.switch_rows(0)}}
        with not_replayed(), self.slot.container():
            left, right = st.columns(2)
            vega(left, self.charts[0], self.last["loss"])
            if any("line" in s for s in runs.values()):
                self.last["grad_norm"] = {**norm_data(runs, self.configs, self.lang),
                                          "stops": hidden["lines"],
                                          "switch": self.switch_rows(1)}
                vega(right, self.charts[1], self.last["grad_norm"])
        self.frames += 1

    def clear(self) -> None:
        with not_replayed():
            self.slot.empty()
