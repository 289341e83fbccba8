"""Charts of the gradient-clipping page: the 2-D picture, the deep gradient, the cliff.

Every builder is a template (``ui.charts.common.template``): its arguments only shape the
chart, and its data arrive as named datasets, documented per builder. Nothing in a spec moves
with a slider: thresholds, labels with numbers and the 2-D picture's extent are data.
"""

import altair as alt
import numpy as np
import pandas as pd

from ui.charts.common import BLACK, COLORS, GREY, color_scale, finish, template
from ui.charts.layers import POWER_OF_TEN_LABELS, log10_axis

SQUARE = 330  # the 2-D picture is square so that the circle looks like a circle
MAP_WIDTH = 420  # the cliff map, drawn with equal aspect ratio


def method_colour(field: str, title: str, keys: tuple[str, ...],
                  labels: tuple[str, ...]) -> alt.Color:
    """Colour by clipping method: the same three colours on every page."""
    return alt.Color(f"{field}:N", title=title, scale=color_scale(list(keys), list(labels)))


def circle_frame(radius: float, points: int = 121) -> pd.DataFrame:
    """Points around the circle of `radius`, in drawing order."""
    angles = np.linspace(0.0, 2.0 * np.pi, points)
    return pd.DataFrame({"x": radius * np.cos(angles), "y": radius * np.sin(angles),
                         "order": np.arange(points)})


def vector_data(vectors: pd.DataFrame, threshold: float, extent: float, box_label: str,
                circle_label: str) -> dict[str, pd.DataFrame]:
    """The named datasets of ``vector_template`` from the three vectors (method, label, x, y,
    norm, angle_to_original), the threshold t and the half-width of the square to show."""
    vectors = vectors[["method", "label", "x", "y", "norm", "angle_to_original"]]
    return {
        "vectors": vectors.assign(  # Vega turns a shape clockwise; the triangle points up
            rotate=(90.0 - np.degrees(np.arctan2(vectors.y, vectors.x))) % 360.0),
        "segments": pd.concat([vectors.assign(x=0.0, y=0.0, end=0), vectors.assign(end=1)],
                              ignore_index=True),
        "box": pd.DataFrame({"x": [-threshold], "x2": [threshold], "y": [-threshold],
                             "y2": [threshold], "what": [box_label]}),
        "circle": circle_frame(threshold).assign(what=circle_label),
        "extent": pd.DataFrame({"x": [-extent, extent], "y": [-extent, extent]}),
    }


@template
def vector_template(*, x_title: str, y_title: str, legend_title: str, keys: tuple[str, ...],
                    labels: tuple[str, ...], title: str, width: int = SQUARE
                    ) -> alt.TopLevelMixin:
    """Arrows from the origin with the box [-t, t]^2 and the circle of radius t, equal aspect.

    Named datasets (``vector_data`` makes them): ``vectors`` (method, label, x, y, norm,
    angle_to_original, rotate), ``segments`` (the same, and end: 0 origin, 1 tip), ``box``
    (x, x2, y, y2, what), ``circle`` (x, y, order, what) and ``extent`` (x, y: two corners of
    the square shown, not drawn). ``width`` is also the height: the picture stays square.
    """
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(nice=False))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(nice=False))
    extent = alt.Chart(alt.NamedData("extent")).mark_point(opacity=0).encode(x=x, y=y)
    box = alt.Chart(alt.NamedData("box")).mark_rect(
        fill=COLORS["value"], fillOpacity=0.08, stroke=COLORS["value"], strokeDash=[6, 4],
        strokeWidth=1.5).encode(x=x, x2="x2:Q", y=y, y2="y2:Q", tooltip=["what:N"])
    circle = alt.Chart(alt.NamedData("circle")).mark_line(
        color=COLORS["norm"], strokeDash=[6, 4], strokeWidth=1.5).encode(
        x=x, y=y, order="order:Q", tooltip=["what:N"])
    axes = alt.Chart(pd.DataFrame({"zero": [0.0]}))
    zero_lines = (axes.mark_rule(color=GREY, strokeWidth=0.8).encode(x="zero:Q")
                  + axes.mark_rule(color=GREY, strokeWidth=0.8).encode(y="zero:Q"))
    colour = method_colour("label", legend_title, keys, labels)
    tooltip = [alt.Tooltip("label:N", title=legend_title),
               alt.Tooltip("x:Q", format=".4f"), alt.Tooltip("y:Q", format=".4f"),
               alt.Tooltip("norm:Q", format=".4f"),
               alt.Tooltip("angle_to_original:Q", format=".3f")]
    shafts = alt.Chart(alt.NamedData("segments")).mark_line(strokeWidth=3).encode(
        x=x, y=y, color=colour, detail="label:N", order="end:Q", tooltip=tooltip)
    tips = alt.Chart(alt.NamedData("vectors")).mark_point(
        shape="triangle", filled=True, size=260, opacity=1).encode(
        x=x, y=y, color=colour, angle=alt.Angle("rotate:Q", scale=None), tooltip=tooltip)
    chart = alt.layer(extent, box, circle, zero_lines, shafts, tips).properties(width=width)
    # "pad": the plot area itself is width x width (Streamlit's default "fit" would squeeze
    # the title and legend into the height and break the equal aspect ratio).
    return finish(chart, title=title, height=width).properties(
        autosize=alt.AutoSizeParams(type="pad"))


@template
def histogram_template(*, x_title: str, y_title: str, legend_title: str,
                       keys: tuple[str, ...], labels: tuple[str, ...],
                       title: str) -> alt.TopLevelMixin:
    """Counts of log10|g_i| per bin as step lines, one per method, and a rule at log10 v.

    Named datasets: ``bins`` (label: translated method, start, end: log10 bin edges, count)
    and ``rule`` (x: log10 v, what: its label).
    """
    colour = method_colour("label", legend_title, keys, labels)
    x = alt.X("start:Q", title=x_title,
              axis=alt.Axis(labelExpr=POWER_OF_TEN_LABELS, tickMinStep=1, format="d"),
              scale=alt.Scale(nice=False))
    tooltip = [alt.Tooltip("label:N", title=legend_title),
               alt.Tooltip("start:Q", format=".2f"), alt.Tooltip("end:Q", format=".2f"),
               alt.Tooltip("count:Q", title=y_title)]
    lines = alt.Chart(alt.NamedData("bins")).mark_line(
        interpolate="step-after", strokeWidth=2.5).encode(
        x=x, y=alt.Y("count:Q", title=y_title, scale=alt.Scale(type="sqrt")),
        color=colour, tooltip=tooltip)
    rule_data = alt.Chart(alt.NamedData("rule"))
    rule = rule_data.mark_rule(color=COLORS["value"], strokeDash=[6, 4],
                               strokeWidth=1.5).encode(
        x="x:Q", tooltip=[alt.Tooltip("what:N", title=""), alt.Tooltip("x:Q", format=".3f")])
    text = rule_data.mark_text(align="right", dx=-4, dy=8, color=COLORS["value"],
                               fontSize=12).encode(x="x:Q", y=alt.value(0), text="what:N")
    return finish(alt.layer(lines, rule, text), title=title, height=360)


@template
def layer_norm_template(*, x_title: str, y_title: str, legend_title: str, kind_title: str,
                        keys: tuple[str, ...], labels: tuple[str, ...],
                        kind_labels: tuple[str, ...], title: str) -> alt.TopLevelMixin:
    """log10 norm of each layer's weight and bias gradient, before and after each method.

    Named dataset ``norms``: layer, label (translated method), kind (one of ``kind_labels``),
    log10_norm.
    """
    colour = method_colour("label", legend_title, keys, labels)
    dash = alt.StrokeDash("kind:N", title=kind_title,
                          scale=alt.Scale(domain=list(kind_labels), range=[[1, 0], [6, 4]]))
    tooltip = [alt.Tooltip("label:N", title=legend_title), alt.Tooltip("kind:N", title=kind_title),
               alt.Tooltip("layer:Q", title=x_title),
               alt.Tooltip("log10_norm:Q", title=y_title, format=".3f")]
    base = alt.Chart(alt.NamedData("norms")).encode(
        x=alt.X("layer:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(nice=False)),
        y=alt.Y("log10_norm:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=colour, tooltip=tooltip)
    lines = base.mark_line(strokeWidth=2.2).encode(strokeDash=dash, detail="kind:N")
    points = base.mark_point(filled=True, size=30).encode(shape=alt.Shape("kind:N", legend=None))
    return finish(alt.layer(lines, points), title=title, height=360)


@template
def cliff_map_template(*, region: tuple[tuple[float, float], tuple[float, float]],
                       x_title: str, y_title: str, loss_title: str, legend_title: str,
                       keys: tuple[str, ...], labels: tuple[str, ...], title: str,
                       width: int = MAP_WIDTH) -> alt.TopLevelMixin:
    """Loss heatmap (log colour) with the descent paths drawn on top, clipped to ``region``.

    Named datasets: ``grid`` (w1, w2, w1_end, w2_end: cell corners, loss > 0), ``paths``
    (label: translated method, step, w1, w2, loss > 0) and ``marks`` (w1, w2, what, shape:
    the start and the minimum). The plot area's sides are proportional to ``region``'s.
    """
    (x0, x1), (y0, y1) = region
    x_scale = alt.Scale(domain=[x0, x1], nice=False)
    y_scale = alt.Scale(domain=[y0, y1], nice=False)
    heat = alt.Chart(alt.NamedData("grid")).mark_rect(clip=True).encode(
        x=alt.X("w1:Q", title=x_title, scale=x_scale, axis=alt.Axis(grid=False)), x2="w1_end:Q",
        y=alt.Y("w2:Q", title=y_title, scale=y_scale, axis=alt.Axis(grid=False)), y2="w2_end:Q",
        color=alt.Color("loss:Q", title=loss_title,
                        scale=alt.Scale(type="log", scheme="greys", reverse=False),
                        legend=alt.Legend(orient="bottom", direction="horizontal", format=".0e",
                                          gradientLength=300)),
        tooltip=[alt.Tooltip("w1:Q", format=".2f"), alt.Tooltip("w2:Q", format=".2f"),
                 alt.Tooltip("loss:Q", title=loss_title, format=".4g")])
    colour = method_colour("label", legend_title, keys, labels)
    tooltip = [alt.Tooltip("label:N", title=legend_title), alt.Tooltip("step:Q"),
               alt.Tooltip("w1:Q", format=".3f"), alt.Tooltip("w2:Q", format=".3f"),
               alt.Tooltip("loss:Q", format=".4g")]
    x_axis, y_axis = alt.Axis(grid=False, title=x_title), alt.Axis(grid=False, title=y_title)
    base = alt.Chart(alt.NamedData("paths")).encode(
        x=alt.X("w1:Q", scale=x_scale, axis=x_axis), y=alt.Y("w2:Q", scale=y_scale, axis=y_axis),
        color=colour, tooltip=tooltip)
    # Wider lines underneath: a path hidden under another one still shows as a rim.
    widths = alt.Size("label:N", scale=alt.Scale(domain=list(labels), range=[
        {"none": 3.0, "value": 6.0, "norm": 2.5}[k] for k in keys]), legend=None)
    lines = base.mark_line(clip=True).encode(order="step:Q", size=widths)
    dots = base.mark_point(filled=True, size=28, clip=True, opacity=1)
    landmarks = alt.Chart(alt.NamedData("marks")).mark_point(
        size=200, strokeWidth=2.5, color=BLACK, clip=True).encode(
        x=alt.X("w1:Q", scale=x_scale, axis=x_axis), y=alt.Y("w2:Q", scale=y_scale, axis=y_axis),
        shape=alt.Shape("shape:N", scale=None), tooltip=["what:N"])
    paths_layer = alt.layer(lines, dots, landmarks)
    chart = alt.layer(heat, paths_layer).resolve_scale(color="independent").properties(
        width=width)
    return finish(chart, title=title, height=round(width * (y1 - y0) / (x1 - x0))).properties(
        autosize=alt.AutoSizeParams(type="pad"))


@template
def per_step_template(*, field: str, y_title: str, x_title: str, legend_title: str,
                      keys: tuple[str, ...], labels: tuple[str, ...], title: str,
                      clipped_title: str | None = None, rule: bool = False,
                      height: int = 300) -> alt.TopLevelMixin:
    """``field`` per step on a log axis, one line per method; clipped steps as filled dots.

    Named datasets: ``steps`` (label: translated method, step, ``field`` > 0, and with
    ``clipped_title`` a bool column clipped) and, with ``rule``, ``rules`` (y > 0, what: a
    dashed horizontal rule and its label).
    """
    colour = method_colour("label", legend_title, keys, labels)
    tooltip = [alt.Tooltip("label:N", title=legend_title), alt.Tooltip("step:Q", title=x_title),
               alt.Tooltip(f"{field}:Q", title=y_title, format=".4g")]
    y_scale = alt.Scale(type="log")
    base = alt.Chart(alt.NamedData("steps")).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y(f"{field}:Q", title=y_title, scale=y_scale),
        color=colour, tooltip=tooltip)
    layers = [base.mark_line(strokeWidth=2)]
    if clipped_title is not None:
        # a dot on every step, sized 0 where it was not clipped: a filtered layer would be
        # empty when nothing is clipped, and Vega warns of an infinite extent
        layers.append(base.mark_point(filled=True, opacity=1).encode(
            size=alt.condition("datum.clipped", alt.value(80), alt.value(0)),
            tooltip=tooltip + [alt.Tooltip("clipped:N", title=clipped_title)]))
    if rule:
        rules = alt.Chart(alt.NamedData("rules")).encode(y=alt.Y("y:Q", scale=y_scale))
        layers.append(rules.mark_rule(color=BLACK, strokeDash=[6, 4], strokeWidth=1.5).encode(
            tooltip=[alt.Tooltip("what:N", title=""), alt.Tooltip("y:Q", format=".3g")]))
        layers.append(rules.mark_text(align="left", dx=4, dy=-7, fontSize=12,
                                      color=BLACK).encode(x=alt.value(0), text="what:N"))
    return finish(alt.layer(*layers), title=title, height=height)
