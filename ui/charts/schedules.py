"""Charts of learning-rate schedules: the rate per step against 2/lambda, and |x_k| per step
with the float64 maximum when a run comes near it. Long runs are thinned to MAX_POINTS."""

import math

import altair as alt
import numpy as np
import pandas as pd

from core.floats import FLOAT64_MAX_LOG10
from ui.charts.common import BLUE, COLORS, GREEN, GREY, ORANGE, PURPLE, finish, template
from ui.charts.descent import series_frame
from ui.charts.layers import SHOW, log10_axis
from ui.frames import shown_rows

SCHEDULE_COLORS = {"constant": GREY, "step": ORANGE, "exponential": BLUE, "cosine": PURPLE,
                   "inverse_time": GREEN}
MAX_POINTS = 400  # per series


# ---------------------------------------------------------------- frames


def thin(n: int) -> np.ndarray:
    """At most MAX_POINTS step indices out of 0..n-1, the last one always included."""
    stride = max(1, math.ceil(n / MAX_POINTS))
    return np.unique(np.append(np.arange(0, n, stride), n - 1))


def thinned_points(steps: int) -> int | None:
    """How many of a run's steps+1 iterates the charts draw when a run of ``steps`` steps is
    thinned, or None when every step is drawn."""
    return len(thin(steps + 1)) if len(thin(steps)) < steps else None


def thinned_series(values: dict[str, np.ndarray], column: str) -> pd.DataFrame:
    """``series_frame`` of every series at the steps ``thin`` keeps (all series one length)."""
    rows = thin(len(next(iter(values.values()))))
    frame = series_frame({label: np.asarray(v)[rows] for label, v in values.items()}, column)
    frame["step"] = rows[frame["step"]]
    return frame


def band_frame(threshold: float, lr_max: float) -> pd.DataFrame:
    """The shaded band above the threshold 2/lambda, up to a little above the largest rate."""
    return pd.DataFrame({"y": [threshold], "y2": [max(lr_max, threshold) * 1.05]})


def float64_frame(log10_max: float, label: str) -> pd.DataFrame:
    """The float64 maximum as a rule (y, label, show) when a curve comes within a decade of it;
    otherwise one hidden row at ``log10_max`` (in view, so it does not stretch the axis)."""
    rows = pd.DataFrame({"y": [FLOAT64_MAX_LOG10], "label": [label]})
    if log10_max < FLOAT64_MAX_LOG10 - 1:
        rows = rows.iloc[:0]
    return shown_rows(rows, {"y": float(log10_max), "label": ""})


def rate_data(rates: dict[str, np.ndarray], threshold: float) -> dict[str, pd.DataFrame]:
    """The rate chart's datasets: ``lr`` per series label, the ``band`` above ``threshold``."""
    frame = thinned_series(rates, "lr")
    return {"lr": frame, "band": band_frame(threshold, frame["lr"].max())}


def log_data(log10_abs: dict[str, np.ndarray], float64_label: str) -> dict[str, pd.DataFrame]:
    """The |x_k| chart's datasets: ``log`` per series label, the float64 ``limits`` row."""
    frame = thinned_series(log10_abs, "log10_abs")
    return {"log": frame,
            "limits": float64_frame(float(frame["log10_abs"].max()), float64_label)}


# ---------------------------------------------------------------- templates


def _schedule_colour(series_keys: tuple[str, ...], series_labels: tuple[str, ...],
                     title: str) -> alt.Color:
    return alt.Color("series:N", title=title,
                     scale=alt.Scale(domain=list(series_labels),
                                     range=[SCHEDULE_COLORS[k] for k in series_keys]))


@template
def schedule_lr_template(*, threshold: float, threshold_label: str,
                         series_keys: tuple[str, ...], series_labels: tuple[str, ...],
                         x_title: str, y_title: str, series_title: str, title: str
                         ) -> alt.TopLevelMixin:
    """Learning rate per step for each schedule, the threshold 2/lambda (a constant of the
    page) as a labelled rule, the band above it shaded.

    Named datasets: ``lr`` (step, series, lr), ``band`` (y, y2: the shaded band, whose top
    also sets the axis).
    """
    y_scale = alt.Scale(zero=True, nice=False)
    danger = alt.Chart(alt.NamedData("band")).mark_rect(
        color=COLORS["exploding"], opacity=0.08).encode(y=alt.Y("y:Q", scale=y_scale), y2="y2:Q")
    rule_base = alt.Chart(pd.DataFrame({"y": [threshold], "label": [threshold_label]}))
    rule = rule_base.mark_rule(color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5).encode(
        y="y:Q")
    text = rule_base.mark_text(align="left", dx=4, dy=-8, color=COLORS["limit"], fontSize=12,
                               fontWeight="bold").encode(y="y:Q", x=alt.value(0), text="label:N")
    lines = alt.Chart(alt.NamedData("lr")).mark_line(
        strokeWidth=2.5, interpolate="step-after").encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("lr:Q", title=y_title, scale=y_scale),
        color=_schedule_colour(series_keys, series_labels, series_title),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("lr:Q", title=y_title, format=".5g")])
    return finish(alt.layer(danger, lines, rule, text), title=title)


@template
def schedule_log_template(*, series_keys: tuple[str, ...], series_labels: tuple[str, ...],
                          x_title: str, y_title: str, series_title: str, title: str
                          ) -> alt.TopLevelMixin:
    """log10|x_k| per step for each schedule, and the float64 maximum when in view.

    Named datasets: ``log`` (step, series, log10_abs), ``limits`` (y, label, show: 0 hides the
    placeholder row when no curve comes near the float64 maximum; ``float64_frame``).
    """
    y = alt.Y("log10_abs:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False))
    lines = alt.Chart(alt.NamedData("log")).mark_line(strokeWidth=2.5).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)), y=y,
        color=_schedule_colour(series_keys, series_labels, series_title),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("log10_abs:Q", title="log10|x_k|", format=".3f")])
    limit = alt.Chart(alt.NamedData("limits")).encode(
        y=alt.Y("y:Q", scale=alt.Scale(zero=False)), opacity=SHOW)
    rule = limit.mark_rule(color=COLORS["limit"], strokeDash=[6, 4])
    text = limit.mark_text(align="left", dx=4, dy=-8, color=COLORS["limit"], fontSize=12).encode(
        x=alt.value(0), text="label:N")
    return finish(alt.layer(lines, rule, text), title=title)
