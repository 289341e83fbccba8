"""Charts of the "Explanations" page: saliency fields over the decision boundary, agreement dots.

The builders are ``@template``s: their keyword arguments only shape the chart, the data arrive
as named datasets (heat_frame and arrow_frame make the fields' data).
"""

import altair as alt
import numpy as np
import pandas as pd

from core.saliency_study import layer_law
from ui.charts.common import (
    BLUE,
    COLORS,
    GREY,
    ORANGE,
    PHONE_LABEL_LINES,
    color_scale,
    finish,
    template,
)
from ui.charts.layers import SHOW
from ui.frames import profile_frame, shown_rows

FIELD_HEIGHT = 470  # with the title and legend, a roughly square plot in a half-width column
ARROW_SHARE = 0.85  # the longest arrow spans this share of a grid cell
ARROW_QUANTILE = 0.95  # arrows up to this quantile of the magnitudes are drawn to scale
BARB = (0.35, 0.2)  # arrowhead barbs: back along the shaft, and sideways, as shares of its length


def heat_frame(xs: np.ndarray, ys: np.ndarray, probability: np.ndarray) -> pd.DataFrame:
    """Cells (x, x2, y, y2) of a grid of centres xs x ys with P(class 1) (x varying fastest)."""
    dx, dy = (xs[1] - xs[0]) / 2, (ys[1] - ys[0]) / 2
    gx, gy = np.meshgrid(xs, ys)
    return pd.DataFrame({"x": gx.ravel() - dx, "x2": gx.ravel() + dx, "y": gy.ravel() - dy,
                         "y2": gy.ravel() + dy, "p": np.asarray(probability, dtype=float)})


def arrow_frame(points: np.ndarray, unit: np.ndarray, log_norm: np.ndarray,
                cell: float) -> pd.DataFrame:
    """Segments (shaft and two barbs) of one arrow per point with a non-zero saliency.

    Arrows are centred on their points and drawn in data coordinates, so they point the right
    way whatever the chart's aspect ratio. Length is proportional to the magnitude, the 95th
    percentile spanning ARROW_SHARE of a cell (longer ones capped there), computed from log10
    magnitudes so that 1e300 is no problem.
    """
    alive = np.isfinite(log_norm)
    if not alive.any():
        return pd.DataFrame({column: pd.Series(dtype=float) for column in
                             ("x", "y", "x2", "y2", "angle", "log10", "px", "py")})
    top = np.quantile(log_norm[alive], ARROW_QUANTILE)
    length = ARROW_SHARE * cell * 10.0 ** np.minimum(log_norm[alive] - top, 0.0)
    u = unit[alive]
    along, across = length[:, None] * u, length[:, None] * np.column_stack([-u[:, 1], u[:, 0]])
    p = points[alive]
    tail, head = p - 0.5 * along, p + 0.5 * along
    starts = [tail, head, head]
    ends = [head, head - BARB[0] * along + BARB[1] * across,
            head - BARB[0] * along - BARB[1] * across]
    common = {"angle": np.degrees(np.arctan2(u[:, 0], u[:, 1])) % 360,
              "log10": log_norm[alive], "px": p[:, 0], "py": p[:, 1]}
    return pd.concat([pd.DataFrame({"x": a[:, 0], "y": a[:, 1], "x2": b[:, 0], "y2": b[:, 1],
                                    **common}) for a, b in zip(starts, ends, strict=True)],
                     ignore_index=True)


def arrow_data(points: np.ndarray, unit: np.ndarray, log_norm: np.ndarray,
               cell: float) -> pd.DataFrame:
    """The field chart's ``arrows`` dataset: arrow_frame with a ``show`` column, or one hidden
    zero-length segment at the first point where there is no arrow at all."""
    x, y = float(points[0, 0]), float(points[0, 1])
    return shown_rows(arrow_frame(points, unit, log_norm, cell),
                      {"x": x, "y": y, "x2": x, "y2": y, "angle": 0.0, "log10": 0.0, "px": x,
                       "py": y})


def model_colour_keys(clip: bool) -> dict[str, str]:
    """Each model's colour (a key of COLORS): the recipe without clipping is drawn as the
    exploding one, with clipping by norm as the clipped one; fixed by the clip switch alone."""
    return {"reference": "unclipped", "scaled": "weights", "unclipped": "exploding",
            "studied": "norm" if clip else "exploding"}


def field_data(view: dict) -> dict[str, pd.DataFrame]:
    """The field chart's named datasets (``heat``, ``arrows``) of one core.saliency_study view."""
    return {"heat": heat_frame(view["heat_x"], view["heat_y"], view["heat_p"]),
            "arrows": arrow_data(view["points"], view["unit"], view["log_norm"], view["cell"])}


def layer_law_frame(reference_layers: np.ndarray, depth: int, gain: float) -> pd.DataFrame:
    """The scaled copy's law per layer (core.saliency_study.layer_law), from the reference's
    per-layer medians as its profile (ui.frames.profile_frame) draws them."""
    reference = profile_frame(reference_layers, "")
    return pd.DataFrame({"layer": reference["layer"],
                         "value": layer_law(reference["layer"], reference["median"], depth, gain)})


@template
def field_template(*, title: str, x_title: str, y_title: str, p_title: str,
                   magnitude_title: str, angle_title: str,
                   height: int = FIELD_HEIGHT) -> alt.TopLevelMixin:
    """Saliency arrows d(z1 - z0)/dx over the model's P(class 1) heatmap.

    Named datasets: ``heat`` (x, x2, y, y2, p: the cells of heat_frame, never empty; they set
    the axes' extent) and ``arrows`` (x, y, x2, y2, angle, log10, px, py: arrow_frame's
    segments with ``show`` 1; where the saliency is zero everywhere, one hidden row, show 0:
    arrow_data makes it).
    """
    x_scale, y_scale = alt.Scale(nice=False, zero=False), alt.Scale(nice=False, zero=False)
    cells = alt.Chart(alt.NamedData("heat")).mark_rect(opacity=0.55).encode(
        x=alt.X("x:Q", title=x_title, scale=x_scale), x2="x2",
        y=alt.Y("y:Q", title=y_title, scale=y_scale), y2="y2",
        color=alt.Color("p:Q", title=p_title,
                        scale=alt.Scale(domain=[0, 0.5, 1], range=[BLUE, "#ffffff", ORANGE]),
                        legend=alt.Legend(gradientLength=140, direction="horizontal")),
        tooltip=[alt.Tooltip("p:Q", title=p_title, format=".4f")])
    tips = [alt.Tooltip("px:Q", title=x_title, format=".2f"),
            alt.Tooltip("py:Q", title=y_title, format=".2f"),
            alt.Tooltip("log10:Q", title=magnitude_title, format=".2f"),
            alt.Tooltip("angle:Q", title=angle_title, format=".0f")]
    segments = alt.Chart(alt.NamedData("arrows")).mark_rule(
        color=COLORS["theory"], strokeWidth=1.2).encode(
        x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), x2="x2", y2="y2",
        opacity=SHOW, tooltip=tips)
    return finish(alt.layer(cells, segments), title=title, height=height)


@template
def agreement_template(*, keys: tuple[str, ...], labels: tuple[str, ...],
                       measures: tuple[str, ...], title: str, x_title: str,
                       model_title: str) -> alt.TopLevelMixin:
    """Dots per model on each agreement measure (all in [-1, 1]; 1 = the same explanation).

    ``keys``: each model's colour (a key of COLORS), ``labels`` its translated name.
    Named dataset ``scores``: model (one of ``labels``), measure (one of ``measures``), value,
    text (the value as an angle).
    """
    colour = alt.Color("model:N", title=model_title, scale=color_scale(list(keys), list(labels)))
    y = alt.Y("measure:N", title=None, sort=list(measures),
              axis=alt.Axis(labelLimit=420, labelFontSize=13, labelExpr=PHONE_LABEL_LINES))
    x = alt.X("value:Q", title=x_title, scale=alt.Scale(domain=[-1, 1]))
    guides = pd.DataFrame({"value": [0.0, 1.0]})
    rules = alt.Chart(guides).mark_rule(color=GREY, strokeDash=[4, 4]).encode(x="value:Q")
    dots = alt.Chart(alt.NamedData("scores")).mark_point(filled=True, size=170,
                                                         opacity=0.9).encode(
        x=x, y=y, color=colour, yOffset=alt.YOffset("model:N", sort=list(labels)),
        tooltip=[alt.Tooltip("model:N", title=model_title), alt.Tooltip("measure:N", title=""),
                 alt.Tooltip("value:Q", title=x_title, format=".3f"),
                 alt.Tooltip("text:N", title="")])
    # 130 px for title, legend and axis: on a phone they wrap onto more lines
    return finish(alt.layer(rules, dots), title=title, height=130 + 60 * len(measures))
