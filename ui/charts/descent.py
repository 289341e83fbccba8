"""Charts of the gradient-descent page: tidy frames from core's arrays, and the templates.

Frames keep only finite values: iterates far off the parabola and exact zeros (log10 = -inf)
are left out, and the frame builders say how many were left out so the page can tell.
Templates (``ui.charts.common.template``) hold titles, labels and colours; everything that
moves with a slider (iterates, rules, the current step, its regime's colour) is data.
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
    finish,
    template,
)
from ui.charts.layers import SHOW, log10_axis
from ui.frames import shown_rows

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
                  sign_labels: tuple[str, str], regime: str) -> pd.DataFrame:
    """log10|x_k| per step, its sign as a label, an exact text, the regime (the colour) and
    the marker size; exact zeros left out."""
    log10_abs, signs = np.asarray(log10_abs, float), np.asarray(signs, float)
    frame = pd.DataFrame({"step": np.arange(len(log10_abs)), "log10_abs": log10_abs,
                          "sign": np.where(signs < 0, sign_labels[1], sign_labels[0]),
                          "value": text, "regime": regime})
    frame = frame[np.isfinite(frame["log10_abs"])].reset_index(drop=True)
    return frame.assign(size=70.0 if len(frame) <= 30 else 25.0)


def stability_frame(factors: np.ndarray, rates: np.ndarray) -> pd.DataFrame:
    """|1 - eta*lambda| against eta."""
    return pd.DataFrame({"eta": np.asarray(rates, float), "factor": np.asarray(factors, float)})


def vrule_frame(xs: list[float], labels: list[str], y_top: float) -> pd.DataFrame:
    """Labelled vertical rules (x, y, label); the labels stacked downwards from ``y_top``."""
    return pd.DataFrame({"x": xs, "label": labels,
                         "y": [y_top * (1 - 0.07 * i) for i in range(len(xs))]})


def current_frame(eta: float, factor: float, label: str, regime: str, eta_max: float
                  ) -> pd.DataFrame:
    """The current step on the stability curve. ``side``: how its label is aligned, "right"
    (ending left of the point) in the right half of the chart, else "left"."""
    return pd.DataFrame({"eta": [eta], "factor": [factor], "label": [label], "regime": [regime],
                         "side": ["right" if eta > eta_max / 2 else "left"]})


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


# ---------------------------------------------------------------- templates


def _regime_colour() -> alt.Color:
    """The colour of a fixed-step regime, from the ``regime`` column (no legend)."""
    return alt.Color("regime:N", scale=alt.Scale(domain=list(REGIME_COLORS),
                                                 range=list(REGIME_COLORS.values())),
                     legend=None)


@template
def parabola_template(*, x_title: str, y_title: str, step_title: str, title: str
                      ) -> alt.TopLevelMixin:
    """The parabola, and the iterates on it joined in order and numbered.

    Named datasets: ``curve`` (x, f), ``iterates`` (step, x, f, label).
    """
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(nice=False))
    y = alt.Y("f:Q", title=y_title)
    line = alt.Chart(alt.NamedData("curve")).mark_line(color=GREY, strokeWidth=2).encode(x=x, y=y)
    base = alt.Chart(alt.NamedData("iterates")).encode(x=x, y=y)
    tooltip = [alt.Tooltip("step:Q", title=step_title), alt.Tooltip("x:Q", format=".6g"),
               alt.Tooltip("f:Q", title=y_title, format=".6g")]
    path = base.mark_line(color=COLORS["simulated"], strokeWidth=1.5, opacity=0.7).encode(
        order="step:Q")
    dots = base.mark_circle(color=COLORS["simulated"], size=90, opacity=1).encode(tooltip=tooltip)
    numbers = base.mark_text(dy=-13, fontSize=13, fontWeight="bold", color=BLACK).encode(
        text="label:N")
    return finish(alt.layer(line, path, dots, numbers), title=title)


@template
def log_abs_template(*, x_title: str, y_title: str, sign_title: str,
                     sign_labels: tuple[str, str], value_title: str, title: str
                     ) -> alt.TopLevelMixin:
    """log10|x_k| per step (powers-of-ten axis); the marker shape shows the sign of x_k.

    Named dataset ``points``: step, log10_abs, sign (one of ``sign_labels``), value (text),
    regime (a key of REGIME_COLORS: the colour), size (of the markers).
    """
    base = alt.Chart(alt.NamedData("points")).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False), axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("log10_abs:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=_regime_colour())
    tooltip = [alt.Tooltip("step:Q", title=x_title), alt.Tooltip("value:N", title=value_title),
               alt.Tooltip("log10_abs:Q", title="log10|x|", format=".4f")]
    line = base.mark_line(strokeWidth=2)
    dots = base.mark_point(filled=True, opacity=1).encode(
        shape=alt.Shape("sign:N", title=sign_title,
                        scale=alt.Scale(domain=list(sign_labels),
                                        range=["circle", "triangle-down"])),
        size=alt.Size("size:Q", scale=None, legend=None), tooltip=tooltip)
    return finish(alt.layer(line, dots), title=title)


@template
def stability_template(*, x_title: str, y_title: str, title: str, one_label: str
                       ) -> alt.TopLevelMixin:
    """|1 - eta*lambda| against eta: thresholds 1/lambda and 2/lambda, the current eta marked.

    Named datasets: ``curve`` (eta, factor), ``rules`` (x, y, label: labelled vertical rules),
    ``current`` (eta, factor, label, regime, side: the label's alignment, "left"/"right").
    """
    x = alt.X("eta:Q", title=x_title, scale=alt.Scale(nice=False))
    y = alt.Y("factor:Q", title=y_title)
    stable = alt.Chart(pd.DataFrame({"y": [0.0], "y2": [1.0]})).mark_rect(
        color=COLORS["stable"], opacity=0.10).encode(y="y:Q", y2="y2:Q")
    one = alt.Chart(pd.DataFrame({"y": [1.0], "label": [one_label]}))
    one_rule = one.mark_rule(color=GREY, strokeDash=[3, 3]).encode(y="y:Q")
    one_text = one.mark_text(align="left", dx=4, dy=-7, color=GREY, fontSize=12).encode(
        y="y:Q", x=alt.value(0), text="label:N")
    line = alt.Chart(alt.NamedData("curve")).mark_line(
        color=COLORS["theory"], strokeWidth=2).encode(
        x=x, y=y, tooltip=[alt.Tooltip("eta:Q", title=x_title, format=".4f"),
                           alt.Tooltip("factor:Q", title=y_title, format=".4f")])
    rule_base = alt.Chart(alt.NamedData("rules")).encode(x="x:Q")
    rules = rule_base.mark_rule(color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5)
    rule_text = rule_base.mark_text(align="left", dx=4, dy=10, color=COLORS["limit"],
                                    fontSize=12, fontWeight="bold").encode(y="y:Q",
                                                                           text="label:N")
    point_base = alt.Chart(alt.NamedData("current")).encode(x="eta:Q", y="factor:Q")
    point = point_base.mark_point(filled=True, size=260, opacity=1, stroke=BLACK,
                                  strokeWidth=1).encode(
        color=_regime_colour(),
        tooltip=[alt.Tooltip("eta:Q", title=x_title, format=".4f"),
                 alt.Tooltip("factor:Q", title=y_title, format=".4f")])
    # one text layer, aligned by the data (two filtered layers could be empty: Vega warns)
    label = point_base.transform_calculate(
        offset="datum.side == 'left' ? 14 : -14").mark_text(
        align=alt.ExprRef("datum.side"), dy=-14, fontSize=13, fontWeight="bold",
        color=BLACK).encode(text="label:N", xOffset=alt.XOffset("offset:Q", scale=None))
    layers = [stable, one_rule, one_text, line, rules, rule_text, point, label]
    return finish(alt.layer(*layers), title=title)


def _dash(keys: tuple[str, ...], labels: tuple[str, ...], title: str) -> alt.StrokeDash:
    """Solid for the current step, dashed for the best one; shares the colour legend."""
    dashes = {"current": [1, 0], "optimal": [6, 3]}
    return alt.StrokeDash("series:N", title=title,
                          scale=alt.Scale(domain=list(labels), range=[dashes[k] for k in keys]))


def _path_colour(keys: tuple[str, ...], labels: tuple[str, ...], title: str) -> alt.Color:
    return alt.Color("series:N", title=title,
                     scale=alt.Scale(domain=list(labels), range=[PATH_COLORS[k] for k in keys]))


@template
def contour_template(*, half_width: float, series_keys: tuple[str, ...],
                     series_labels: tuple[str, ...], x_title: str, y_title: str,
                     series_title: str, step_title: str, title: str, size: int = SQUARE
                     ) -> alt.TopLevelMixin:
    """Gradient-descent paths over the loss contours, equal aspect (a square view, equal
    domains [-half_width, half_width], a constant of the page).

    Named datasets: ``rings`` (level, order, x1, x2), ``paths`` (step, x1, x2, series: one of
    ``series_labels``, keyed "current" / "optimal" by ``series_keys``).
    """
    domain = [-half_width, half_width]
    x = alt.X("x1:Q", title=x_title, scale=alt.Scale(domain=domain, nice=False))
    y = alt.Y("x2:Q", title=y_title, scale=alt.Scale(domain=domain, nice=False))
    rings = alt.Chart(alt.NamedData("rings")).mark_line(
        color=GREY, strokeWidth=1, opacity=0.55, clip=True).encode(
        x=x, y=y, detail="level:N", order="order:Q")
    base = alt.Chart(alt.NamedData("paths")).encode(
        x=x, y=y, color=_path_colour(series_keys, series_labels, series_title))
    tooltip = [alt.Tooltip("series:N", title=series_title),
               alt.Tooltip("step:Q", title=step_title),
               alt.Tooltip("x1:Q", format=".5g"), alt.Tooltip("x2:Q", format=".5g")]
    lines = base.mark_line(strokeWidth=2, clip=True).encode(
        order="step:Q", strokeDash=_dash(series_keys, series_labels, series_title))
    dots = base.mark_circle(size=36, opacity=1, clip=True).encode(tooltip=tooltip)
    minimum = alt.Chart(pd.DataFrame({"x1": [0.0], "x2": [0.0]})).mark_point(
        shape="cross", size=140, color=BLACK, filled=True).encode(x="x1:Q", y="x2:Q")
    # "pad" keeps width x height as the plot area itself (Streamlit's default "fit" would
    # squeeze title, legend and axes into it and break the equal aspect)
    chart = alt.layer(rings, lines, dots, minimum).properties(
        width=size, autosize=alt.AutoSizeParams(type="pad", contains="content"))
    return finish(chart, title=title, height=size)


@template
def distance_template(*, series_keys: tuple[str, ...], series_labels: tuple[str, ...],
                      x_title: str, y_title: str, series_title: str, title: str
                      ) -> alt.TopLevelMixin:
    """log10 of the distance to the minimum per step, one line per step size.

    Named dataset ``distance``: step, series (one of ``series_labels``), log10_dist.
    """
    chart = alt.Chart(alt.NamedData("distance")).mark_line(strokeWidth=2.5).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("log10_dist:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=_path_colour(series_keys, series_labels, series_title),
        strokeDash=_dash(series_keys, series_labels, series_title),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("log10_dist:Q", title="log10 ‖x_k‖", format=".3f")])
    # a layer, even of one: a single view names its mark "marks", the class the browser
    # tests look for on the chart's <svg>. Height: about the square chart's full height.
    return finish(alt.layer(chart), title=title, height=SQUARE + 100)


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
