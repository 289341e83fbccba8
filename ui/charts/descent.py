"""Charts of the gradient-descent page: tidy frames from core's arrays, and the Altair builders.

Frames keep only finite values: iterates far off the parabola and exact zeros (log10 = -inf)
are left out, and the frame builders say how many were left out so the page can tell.
"""

import altair as alt
import numpy as np
import pandas as pd

from core.floats import FLOAT64_MAX_LOG10
from ui.charts.common import (
    BLACK,
    BLUE,
    COLORS,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    assert_plottable,
    finish,
)
from ui.charts.layers import log10_axis

SCHEDULE_COLORS = {"constant": GREY, "step": ORANGE, "exponential": BLUE, "cosine": PURPLE,
                   "inverse_time": GREEN}
REGIME_COLORS = {"monotone": COLORS["stable"], "one_step": COLORS["stable"],
                 "oscillating": COLORS["stable"], "no_convergence": GREY,
                 "no_progress": GREY, "diverging": COLORS["exploding"]}
PATH_COLORS = {"current": COLORS["simulated"], "optimal": COLORS["theory"]}
LABELLED_STEPS = 8  # number only the first iterates: later ones pile up near the minimum
SQUARE = 360


# ---------------------------------------------------------------- frames


def parabola_frame(lam: float, half_width: float, points: int = 201) -> pd.DataFrame:
    """The loss f(x) = lambda/2 x^2 on [-half_width, half_width]."""
    x = np.linspace(-half_width, half_width, points)
    return pd.DataFrame({"x": x, "f": 0.5 * lam * x**2})


def iterate_frame(lam: float, log10_abs: np.ndarray, signs: np.ndarray, bound: float
                  ) -> tuple[pd.DataFrame, int]:
    """Iterates (step, x, f) with |x| <= bound, and how many later steps were left off.

    Decided in log form, so a run that left float64 long ago is simply cut, never overflowed.
    """
    log10_abs, signs = np.asarray(log10_abs, float), np.asarray(signs, float)
    inside = (log10_abs <= np.log10(bound)) | (signs == 0)
    keep = np.flatnonzero(~inside)
    last = int(keep[0]) if keep.size else len(log10_abs)
    with np.errstate(divide="ignore"):
        x = np.where(signs[:last] == 0, 0.0, signs[:last] * 10.0 ** log10_abs[:last])
    frame = pd.DataFrame({"step": np.arange(last), "x": x, "f": 0.5 * lam * x**2})
    frame["label"] = _apart_labels(x, 0.08 * max(float(np.abs(x).max(initial=0.0)), 1e-300))
    return frame, len(log10_abs) - last


def _apart_labels(x: np.ndarray, gap: float) -> list[str]:
    """Step numbers for the first LABELLED_STEPS points lying at least ``gap`` from every
    point labelled before (later iterates pile up near the minimum and would overprint)."""
    labels, placed = [], []
    for k, value in enumerate(x):
        ok = len(placed) < LABELLED_STEPS and all(abs(value - p) >= gap for p in placed)
        labels.append(str(k) if ok else "")
        if ok:
            placed.append(value)
    return labels


def log_abs_frame(log10_abs: np.ndarray, signs: np.ndarray, text: list[str],
                  sign_labels: tuple[str, str]) -> pd.DataFrame:
    """log10|x_k| per step, its sign as a label and an exact text; exact zeros left out."""
    log10_abs, signs = np.asarray(log10_abs, float), np.asarray(signs, float)
    frame = pd.DataFrame({"step": np.arange(len(log10_abs)), "log10_abs": log10_abs,
                          "sign": np.where(signs < 0, sign_labels[1], sign_labels[0]),
                          "value": text})
    return frame[np.isfinite(frame["log10_abs"])].reset_index(drop=True)


def stability_frame(factors: np.ndarray, rates: np.ndarray) -> pd.DataFrame:
    """|1 - eta*lambda| against eta."""
    return pd.DataFrame({"eta": np.asarray(rates, float), "factor": np.asarray(factors, float)})


def contour_frame(L: float, mu: float, levels: list[float], points: int = 121) -> pd.DataFrame:
    """Ellipses L/2 x1^2 + mu/2 x2^2 = c for each level c (one closed line per level)."""
    angle = np.linspace(0.0, 2.0 * np.pi, points)
    rows = [pd.DataFrame({"level": c, "order": np.arange(points),
                          "x1": np.sqrt(2 * c / L) * np.cos(angle),
                          "x2": np.sqrt(2 * c / mu) * np.sin(angle)}) for c in levels]
    return pd.concat(rows, ignore_index=True)


def path_frame(path: np.ndarray, series: str, bound: float) -> tuple[pd.DataFrame, int]:
    """2-D iterates (step, x1, x2) before the first one beyond ``bound`` (or non-finite), and
    how many were cut."""
    path = np.asarray(path, float)
    with np.errstate(invalid="ignore"):
        outside = ~np.all(np.abs(path) <= bound, axis=1)  # NaN and inf count as outside
    cut = np.flatnonzero(outside)
    last = int(cut[0]) if cut.size else len(path)
    frame = pd.DataFrame({"step": np.arange(last), "x1": path[:last, 0], "x2": path[:last, 1],
                          "series": series})
    return frame, len(path) - last


def series_frame(values: dict[str, np.ndarray], column: str) -> pd.DataFrame:
    """Long frame (step, series, column) from {label: values per step}, non-finite left out."""
    frames = [pd.DataFrame({"step": np.arange(len(v)), "series": label, column: np.asarray(v)})
              for label, v in values.items()]
    frame = pd.concat(frames, ignore_index=True)
    return frame[np.isfinite(frame[column])].reset_index(drop=True)


# ---------------------------------------------------------------- builders


def _vrules(rules: pd.DataFrame, y_top: float) -> alt.LayerChart:
    """Labelled vertical rules at x (columns x, label), labels stacked to stay legible."""
    rules = rules.assign(y=[y_top * (1 - 0.07 * i) for i in range(len(rules))])
    base = alt.Chart(rules).encode(x="x:Q")
    rule = base.mark_rule(color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5)
    text = base.mark_text(align="left", dx=4, dy=10, color=COLORS["limit"], fontSize=12,
                          fontWeight="bold").encode(y="y:Q", text="label:N")
    return rule + text


def parabola_chart(curve: pd.DataFrame, iterates: pd.DataFrame, *, x_title: str, y_title: str,
                   step_title: str, title: str) -> alt.TopLevelMixin:
    """The parabola, and the iterates on it joined in order and numbered."""
    assert_plottable(curve, ["x", "f"])
    assert_plottable(iterates, ["step", "x", "f"])
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(nice=False))
    y = alt.Y("f:Q", title=y_title)
    line = alt.Chart(curve).mark_line(color=GREY, strokeWidth=2).encode(x=x, y=y)
    base = alt.Chart(iterates).encode(x=x, y=y)
    tooltip = [alt.Tooltip("step:Q", title=step_title), alt.Tooltip("x:Q", format=".6g"),
               alt.Tooltip("f:Q", title=y_title, format=".6g")]
    path = base.mark_line(color=COLORS["simulated"], strokeWidth=1.5, opacity=0.7).encode(
        order="step:Q")
    dots = base.mark_circle(color=COLORS["simulated"], size=90, opacity=1).encode(tooltip=tooltip)
    numbers = base.mark_text(dy=-13, fontSize=13, fontWeight="bold", color=BLACK).encode(
        text="label:N")
    return finish(alt.layer(line, path, dots, numbers), title=title)


def log_abs_chart(frame: pd.DataFrame, *, colour: str, x_title: str, y_title: str,
                  sign_title: str, sign_labels: tuple[str, str], value_title: str,
                  title: str) -> alt.TopLevelMixin:
    """log10|x_k| per step (powers-of-ten axis); the marker shape shows the sign of x_k."""
    assert_plottable(frame, ["step", "log10_abs"])
    base = alt.Chart(frame).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False), axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("log10_abs:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)))
    tooltip = [alt.Tooltip("step:Q", title=x_title), alt.Tooltip("value:N", title=value_title),
               alt.Tooltip("log10_abs:Q", title="log10|x|", format=".4f")]
    line = base.mark_line(color=colour, strokeWidth=2)
    size = 70 if len(frame) <= 30 else 25
    dots = base.mark_point(color=colour, filled=True, size=size, opacity=1).encode(
        shape=alt.Shape("sign:N", title=sign_title,
                        scale=alt.Scale(domain=list(sign_labels),
                                        range=["circle", "triangle-down"])),
        tooltip=tooltip)
    return finish(alt.layer(line, dots), title=title)


def stability_chart(curve: pd.DataFrame, rules: pd.DataFrame, current: pd.DataFrame, *,
                    colour: str, x_title: str, y_title: str, title: str,
                    one_label: str) -> alt.TopLevelMixin:
    """|1 - eta*lambda| against eta: thresholds 1/lambda and 2/lambda, the current eta marked.

    ``rules``: x, label (vertical rules). ``current``: eta, factor, label.
    """
    assert_plottable(curve, ["eta", "factor"])
    assert_plottable(current, ["eta", "factor"])
    x = alt.X("eta:Q", title=x_title, scale=alt.Scale(nice=False))
    y = alt.Y("factor:Q", title=y_title)
    top = float(max(curve["factor"].max(), current["factor"].max(), 1.0))
    stable = alt.Chart(pd.DataFrame({"y": [0.0], "y2": [1.0]})).mark_rect(
        color=COLORS["stable"], opacity=0.10).encode(y="y:Q", y2="y2:Q")
    one = alt.Chart(pd.DataFrame({"y": [1.0], "label": [one_label]}))
    one_rule = one.mark_rule(color=GREY, strokeDash=[3, 3]).encode(y="y:Q")
    one_text = one.mark_text(align="left", dx=4, dy=-7, color=GREY, fontSize=12).encode(
        y="y:Q", x=alt.value(0), text="label:N")
    line = alt.Chart(curve).mark_line(color=COLORS["theory"], strokeWidth=2).encode(
        x=x, y=y, tooltip=[alt.Tooltip("eta:Q", title=x_title, format=".4f"),
                           alt.Tooltip("factor:Q", title=y_title, format=".4f")])
    point_base = alt.Chart(current).encode(x="eta:Q", y="factor:Q")
    point = point_base.mark_point(color=colour, filled=True, size=260, opacity=1,
                                  stroke=BLACK, strokeWidth=1).encode(
        tooltip=[alt.Tooltip("eta:Q", title=x_title, format=".4f"),
                 alt.Tooltip("factor:Q", title=y_title, format=".4f")])
    right_half = float(current["eta"].iloc[0]) > float(curve["eta"].max()) / 2
    label = point_base.mark_text(align="right" if right_half else "left",
                                 dx=-14 if right_half else 14, dy=-14, fontSize=13,
                                 fontWeight="bold", color=BLACK).encode(text="label:N")
    layers = [stable, one_rule, one_text, line, _vrules(rules, top), point, label]
    return finish(alt.layer(*layers), title=title)


def contour_chart(contours: pd.DataFrame, paths: pd.DataFrame, *, half_width: float,
                  series_labels: dict[str, str], x_title: str, y_title: str, series_title: str,
                  step_title: str, title: str, size: int = SQUARE) -> alt.TopLevelMixin:
    """Gradient-descent paths over the loss contours, equal aspect (a square view, equal domains).

    ``paths``: step, x1, x2, series (a label in ``series_labels`` values, keyed "current" /
    "optimal").
    """
    assert_plottable(contours, ["x1", "x2"])
    assert_plottable(paths, ["step", "x1", "x2"])
    domain = [-half_width, half_width]
    x = alt.X("x1:Q", title=x_title, scale=alt.Scale(domain=domain, nice=False))
    y = alt.Y("x2:Q", title=y_title, scale=alt.Scale(domain=domain, nice=False))
    rings = alt.Chart(contours).mark_line(color=GREY, strokeWidth=1, opacity=0.55, clip=True
                                          ).encode(x=x, y=y, detail="level:N", order="order:Q")
    keys = list(series_labels)
    colour = alt.Color("series:N", title=series_title,
                       scale=alt.Scale(domain=[series_labels[k] for k in keys],
                                       range=[PATH_COLORS[k] for k in keys]))
    base = alt.Chart(paths).encode(x=x, y=y, color=colour)
    tooltip = [alt.Tooltip("series:N", title=series_title),
               alt.Tooltip("step:Q", title=step_title),
               alt.Tooltip("x1:Q", format=".5g"), alt.Tooltip("x2:Q", format=".5g")]
    lines = base.mark_line(strokeWidth=2, clip=True).encode(
        order="step:Q", strokeDash=_dash(series_labels, series_title))
    dots = base.mark_circle(size=36, opacity=1, clip=True).encode(tooltip=tooltip)
    minimum = alt.Chart(pd.DataFrame({"x1": [0.0], "x2": [0.0]})).mark_point(
        shape="cross", size=140, color=BLACK, filled=True).encode(x="x1:Q", y="x2:Q")
    # "pad" keeps width x height as the plot area itself (Streamlit's default "fit" would
    # squeeze title, legend and axes into it and break the equal aspect)
    chart = alt.layer(rings, lines, dots, minimum).properties(
        width=size, autosize=alt.AutoSizeParams(type="pad", contains="content"))
    return finish(chart, title=title, height=size)


def distance_chart(frame: pd.DataFrame, *, series_labels: dict[str, str], x_title: str,
                   y_title: str, series_title: str, title: str) -> alt.TopLevelMixin:
    """log10 of the distance to the minimum per step, one line per step size."""
    assert_plottable(frame, ["step", "log10_dist"])
    keys = list(series_labels)
    labels = [series_labels[k] for k in keys]
    colour = alt.Color("series:N", title=series_title,
                       scale=alt.Scale(domain=labels, range=[PATH_COLORS[k] for k in keys]))
    dash = _dash(series_labels, series_title)
    chart = alt.Chart(frame).mark_line(strokeWidth=2.5).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("log10_dist:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=colour, strokeDash=dash,
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("log10_dist:Q", title="log10 ‖x_k‖", format=".3f")])
    # a layer, even of one: a single view names its mark "marks", the class the browser
    # tests look for on the chart's <svg>. Height: about the square chart's full height.
    return finish(alt.layer(chart), title=title, height=SQUARE + 100)


def _dash(series_labels: dict[str, str], title: str) -> alt.StrokeDash:
    """Solid for the current step, dashed for the best one; shares the colour legend."""
    keys = list(series_labels)
    dashes = {"current": [1, 0], "optimal": [6, 3]}
    return alt.StrokeDash("series:N", title=title,
                          scale=alt.Scale(domain=[series_labels[k] for k in keys],
                                          range=[dashes[k] for k in keys]))


def _schedule_colour(series_keys: list[str], series_labels: list[str], title: str) -> alt.Color:
    return alt.Color("series:N", title=title,
                     scale=alt.Scale(domain=series_labels,
                                     range=[SCHEDULE_COLORS[k] for k in series_keys]))


def schedule_lr_chart(frame: pd.DataFrame, *, threshold: float, threshold_label: str,
                      series_keys: list[str], series_labels: list[str], x_title: str,
                      y_title: str, series_title: str, title: str) -> alt.TopLevelMixin:
    """Learning rate per step for each schedule, with the 2/lambda threshold as a labelled rule."""
    assert_plottable(frame, ["step", "lr"])
    top = float(max(frame["lr"].max(), threshold) * 1.05)
    danger = alt.Chart(pd.DataFrame({"y": [threshold], "y2": [top]})).mark_rect(
        color=COLORS["exploding"], opacity=0.08).encode(y="y:Q", y2="y2:Q")
    rule_base = alt.Chart(pd.DataFrame({"y": [threshold], "label": [threshold_label]}))
    rule = rule_base.mark_rule(color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5).encode(
        y="y:Q")
    text = rule_base.mark_text(align="left", dx=4, dy=-8, color=COLORS["limit"], fontSize=12,
                               fontWeight="bold").encode(y="y:Q", x=alt.value(0), text="label:N")
    lines = alt.Chart(frame).mark_line(strokeWidth=2.5, interpolate="step-after").encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("lr:Q", title=y_title, scale=alt.Scale(domain=[0, top], nice=False)),
        color=_schedule_colour(series_keys, series_labels, series_title),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("lr:Q", title=y_title, format=".5g")])
    return finish(alt.layer(danger, lines, rule, text), title=title)


def schedule_log_chart(frame: pd.DataFrame, *, series_keys: list[str], series_labels: list[str],
                       x_title: str, y_title: str, series_title: str, title: str,
                       float64_label: str) -> alt.TopLevelMixin:
    """log10|x_k| per step for each schedule; the float64 maximum marked when in view."""
    assert_plottable(frame, ["step", "log10_abs"])
    lines = alt.Chart(frame).mark_line(strokeWidth=2.5).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("log10_abs:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=_schedule_colour(series_keys, series_labels, series_title),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("log10_abs:Q", title="log10|x_k|", format=".3f")])
    layers = [lines]
    if frame["log10_abs"].max() >= FLOAT64_MAX_LOG10 - 1:
        base = alt.Chart(pd.DataFrame({"y": [FLOAT64_MAX_LOG10], "label": [float64_label]}))
        layers.append(base.mark_rule(color=COLORS["limit"], strokeDash=[6, 4]).encode(y="y:Q"))
        layers.append(base.mark_text(align="left", dx=4, dy=-8, color=COLORS["limit"],
                                     fontSize=12).encode(y="y:Q", x=alt.value(0),
                                                         text="label:N"))
    return finish(alt.layer(*layers), title=title)
