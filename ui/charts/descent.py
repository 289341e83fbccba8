"""Charts of gradient descent on one curvature: the iterates on the parabola, |x_k| per step
and the contraction factor against the step size, with their frames.

Frames keep only finite values: iterates far off the parabola and exact zeros (log10 = -inf)
are left out, and the frame builders say how many were left out so the page can tell.
Templates (``ui.charts.common.template``) hold titles, labels and colours; everything that
moves with a slider (iterates, rules, the current step, its regime's colour) is data.
"""

import altair as alt
import numpy as np
import pandas as pd

from core.descent import contraction_curve, contraction_factor, regime_thresholds
from ui.charts.common import BLACK, COLORS, GREY, finish, template
from ui.charts.layers import log10_axis

REGIME_COLORS = {"monotone": COLORS["stable"], "one_step": COLORS["stable"],
                 "oscillating": COLORS["stable"], "no_convergence": GREY,
                 "no_progress": GREY, "diverging": COLORS["exploding"]}
LABELLED_STEPS = 8  # number only the first iterates: later ones pile up near the minimum


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


def iterate_bound(x0: float, log10_abs: np.ndarray) -> float:
    """How far from 0 the parabola chart reaches: ten times the start, and always step 1 (it
    shows the overshoot); 1 for a run that starts at the minimum."""
    if x0 == 0:
        return 1.0
    return max(10.0 * abs(x0), 10.0 ** log10_abs[min(1, len(log10_abs) - 1)])


def parabola_data(lam: float, x0: float, log10_abs: np.ndarray, signs: np.ndarray
                  ) -> tuple[dict[str, pd.DataFrame], int | None, float]:
    """The parabola chart's datasets (``curve``, ``iterates``), the first step left off (None
    if none was) and the bound |x| <= bound beyond which steps are left off."""
    bound = iterate_bound(x0, log10_abs)
    iterates, cut = iterate_frame(lam, log10_abs, signs, bound)
    half = 1.1 * max(float(iterates["x"].abs().max()), abs(x0), 0.1)
    first_left_off = len(iterates) if cut else None
    return {"curve": parabola_frame(lam, half), "iterates": iterates}, first_left_off, bound


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


def stability_data(lam: float, eta: float, regime: str, rule_labels: list[str],
                   current_label: str) -> dict[str, pd.DataFrame]:
    """The stability chart's datasets: |1 - eta*lambda| up to past 2/lambda and past eta, the
    rules at 1/lambda and 2/lambda (labelled ``rule_labels``) and the current step."""
    rates, factors = contraction_curve(lam, round(max(2.5 / lam, 1.15 * eta), 6))
    factor = contraction_factor(eta, lam)
    top = float(max(factors.max(), factor, 1.0))
    return {"curve": stability_frame(factors, rates),
            "rules": vrule_frame(list(regime_thresholds(lam)), rule_labels, top),
            "current": current_frame(eta, factor, current_label, regime, float(rates.max()))}


def series_frame(values: dict[str, np.ndarray], column: str) -> pd.DataFrame:
    """Long frame (step, series, column) from {label: values per step}, non-finite left out."""
    frames = [pd.DataFrame({"step": np.arange(len(v)), "series": label, column: np.asarray(v)})
              for label, v in values.items()]
    frame = pd.concat(frames, ignore_index=True)
    return frame[np.isfinite(frame[column])].reset_index(drop=True)


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
