"""Charts of gradient descent on two curvatures: the paths over the loss contours and the
distance to the minimum per step, for the chosen step and the best fixed step."""

import altair as alt
import numpy as np
import pandas as pd

from core.descent import quadratic_loss
from ui.charts.common import BLACK, COLORS, GREY, finish, template
from ui.charts.layers import log10_axis

PATH_COLORS = {"current": COLORS["simulated"], "optimal": COLORS["theory"]}
SQUARE = 360
RING_HALVINGS = range(-3, 9)  # contours at the start's loss times 2^3 down to 2^-8


# ---------------------------------------------------------------- frames


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


def contour_data(L: float, mu: float, start: tuple[float, float], paths: dict[str, np.ndarray],
                 half_width: float) -> tuple[dict[str, pd.DataFrame], int]:
    """The contour chart's datasets (``rings`` around the start's loss level, ``paths`` by
    series label) and the most points cut from one path at ``half_width``."""
    f0 = quadratic_loss([L, mu], start)
    frames, cuts = zip(*(path_frame(path, label, half_width) for label, path in paths.items()),
                       strict=True)
    return ({"rings": contour_frame(L, mu, [f0 * 2.0 ** -k for k in RING_HALVINGS]),
             "paths": pd.concat(frames, ignore_index=True)}, max(cuts))


# ---------------------------------------------------------------- templates


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
