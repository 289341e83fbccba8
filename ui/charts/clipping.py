"""Charts of the gradient-clipping page: the 2-D picture, the deep gradient, the cliff."""

import altair as alt
import numpy as np
import pandas as pd

from ui.charts.common import BLACK, COLORS, GREY, assert_plottable, color_scale, finish
from ui.charts.layers import POWER_OF_TEN_LABELS, log10_axis

SQUARE = 330  # the 2-D picture is square so that the circle looks like a circle
MAP_WIDTH = 420  # the cliff map, drawn with equal aspect ratio


def method_colour(field: str, title: str, keys: list[str], labels: list[str]) -> alt.Color:
    """Colour by clipping method: the same three colours on every page."""
    return alt.Color(f"{field}:N", title=title, scale=color_scale(keys, labels))


def circle_frame(radius: float, points: int = 121) -> pd.DataFrame:
    """Points around the circle of `radius`, in drawing order."""
    angles = np.linspace(0.0, 2.0 * np.pi, points)
    return pd.DataFrame({"x": radius * np.cos(angles), "y": radius * np.sin(angles),
                         "order": np.arange(points)})


def vector_chart(vectors: pd.DataFrame, threshold: float, extent: float, *, x_title: str,
                 y_title: str, legend_title: str, keys: list[str], labels: list[str],
                 box_label: str, circle_label: str, title: str) -> alt.TopLevelMixin:
    """Arrows from the origin with the box [-t, t]^2 and the circle of radius t, equal aspect.

    ``vectors`` columns: label (translated method), x, y, norm, angle_to_original.
    """
    assert_plottable(vectors, ["x", "y", "norm", "angle_to_original"])
    domain = [-extent, extent]
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=domain, nice=False))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=domain, nice=False))
    box = alt.Chart(pd.DataFrame({"x": [-threshold], "x2": [threshold], "y": [-threshold],
                                  "y2": [threshold], "what": [box_label]})).mark_rect(
        fill=COLORS["value"], fillOpacity=0.08, stroke=COLORS["value"], strokeDash=[6, 4],
        strokeWidth=1.5).encode(x=x, x2="x2:Q", y=y, y2="y2:Q", tooltip=["what:N"])
    circle = alt.Chart(circle_frame(threshold).assign(what=circle_label)).mark_line(
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
    segments = pd.concat([vectors.assign(x=0.0, y=0.0, end=0), vectors.assign(end=1)],
                         ignore_index=True)
    shafts = alt.Chart(segments).mark_line(strokeWidth=3).encode(
        x=x, y=y, color=colour, detail="label:N", order="end:Q", tooltip=tooltip)
    # Vega rotates a shape clockwise in degrees; the triangle points up (90 deg) unrotated.
    tips = alt.Chart(vectors.assign(rotate=(90.0 - np.degrees(np.arctan2(vectors.y, vectors.x)))
                                    % 360.0)).mark_point(
        shape="triangle", filled=True, size=260, opacity=1).encode(
        x=x, y=y, color=colour, angle=alt.Angle("rotate:Q", scale=None), tooltip=tooltip)
    chart = alt.layer(box, circle, zero_lines, shafts, tips).properties(width=SQUARE)
    # "pad": the plot area itself is SQUARE x SQUARE (Streamlit's default "fit" would squeeze
    # the title and legend into the height and break the equal aspect ratio).
    return finish(chart, title=title, height=SQUARE).properties(
        autosize=alt.AutoSizeParams(type="pad"))


def histogram_chart(bins: pd.DataFrame, value_threshold_log10: float, *, x_title: str,
                    y_title: str, legend_title: str, keys: list[str], labels: list[str],
                    rule_label: str, title: str) -> alt.TopLevelMixin:
    """Counts of log10|g_i| per bin as step lines, one per method, and a rule at log10 v.

    ``bins`` columns: label (translated method), start, end (log10 bin edges), count.
    """
    assert_plottable(bins, ["start", "end", "count"])
    colour = method_colour("label", legend_title, keys, labels)
    x = alt.X("start:Q", title=x_title,
              axis=alt.Axis(labelExpr=POWER_OF_TEN_LABELS, tickMinStep=1, format="d"),
              scale=alt.Scale(nice=False))
    tooltip = [alt.Tooltip("label:N", title=legend_title),
               alt.Tooltip("start:Q", format=".2f"), alt.Tooltip("end:Q", format=".2f"),
               alt.Tooltip("count:Q", title=y_title)]
    lines = alt.Chart(bins).mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=x, y=alt.Y("count:Q", title=y_title, scale=alt.Scale(type="sqrt")),
        color=colour, tooltip=tooltip)
    rule_data = pd.DataFrame({"x": [value_threshold_log10], "what": [rule_label]})
    rule = alt.Chart(rule_data).mark_rule(color=COLORS["value"], strokeDash=[6, 4],
                                          strokeWidth=1.5).encode(
        x="x:Q", tooltip=[alt.Tooltip("what:N", title=""), alt.Tooltip("x:Q", format=".3f")])
    text = alt.Chart(rule_data).mark_text(align="right", dx=-4, dy=8, color=COLORS["value"],
                                          fontSize=12).encode(x="x:Q", y=alt.value(0),
                                                              text="what:N")
    return finish(alt.layer(lines, rule, text), title=title, height=360)


def layer_norm_chart(norms: pd.DataFrame, *, x_title: str, y_title: str, legend_title: str,
                     kind_title: str, keys: list[str], labels: list[str],
                     kind_labels: list[str], title: str) -> alt.TopLevelMixin:
    """log10 norm of each layer's weight and bias gradient, before and after each method.

    ``norms`` columns: layer, label (translated method), kind (translated), log10_norm.
    """
    assert_plottable(norms, ["layer", "log10_norm"])
    colour = method_colour("label", legend_title, keys, labels)
    dash = alt.StrokeDash("kind:N", title=kind_title,
                          scale=alt.Scale(domain=kind_labels, range=[[1, 0], [6, 4]]))
    tooltip = [alt.Tooltip("label:N", title=legend_title), alt.Tooltip("kind:N", title=kind_title),
               alt.Tooltip("layer:Q", title=x_title),
               alt.Tooltip("log10_norm:Q", title=y_title, format=".3f")]
    base = alt.Chart(norms).encode(
        x=alt.X("layer:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d"),
                scale=alt.Scale(nice=False)),
        y=alt.Y("log10_norm:Q", axis=log10_axis(y_title), scale=alt.Scale(zero=False)),
        color=colour, tooltip=tooltip)
    lines = base.mark_line(strokeWidth=2.2).encode(strokeDash=dash, detail="kind:N")
    points = base.mark_point(filled=True, size=30).encode(shape=alt.Shape("kind:N", legend=None))
    return finish(alt.layer(lines, points), title=title, height=360)


def cliff_map_chart(grid: pd.DataFrame, paths: pd.DataFrame, region, minimum, *, x_title: str,
                    y_title: str, loss_title: str, legend_title: str, keys: list[str],
                    labels: list[str], start_label: str, minimum_label: str,
                    title: str) -> alt.TopLevelMixin:
    """Loss heatmap (log colour) with the descent paths drawn on top, clipped to `region`.

    ``grid`` columns: w1, w2, w1_end, w2_end (cell corners), loss (> 0).
    ``paths`` columns: label (translated method), step, w1, w2, loss.
    """
    assert_plottable(grid, ["w1", "w2", "w1_end", "w2_end", "loss"], positive=("loss",))
    assert_plottable(paths, ["step", "w1", "w2"])
    (x0, x1), (y0, y1) = region
    x_scale = alt.Scale(domain=[x0, x1], nice=False)
    y_scale = alt.Scale(domain=[y0, y1], nice=False)
    heat = alt.Chart(grid).mark_rect(clip=True).encode(
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
    base = alt.Chart(paths).encode(x=alt.X("w1:Q", scale=x_scale, axis=x_axis),
                                   y=alt.Y("w2:Q", scale=y_scale, axis=y_axis),
                                   color=colour, tooltip=tooltip)
    # Wider lines underneath: a path hidden under another one still shows as a rim.
    widths = alt.Size("label:N", scale=alt.Scale(domain=labels, range=[
        {"none": 3.0, "value": 6.0, "norm": 2.5}[k] for k in keys]), legend=None)
    lines = base.mark_line(clip=True).encode(order="step:Q", size=widths)
    dots = base.mark_point(filled=True, size=28, clip=True, opacity=1)
    marks = pd.DataFrame({"w1": [paths.w1.iloc[0], minimum[0]], "w2": [paths.w2.iloc[0],
                                                                       minimum[1]],
                          "what": [start_label, minimum_label], "shape": ["circle", "cross"]})
    landmarks = alt.Chart(marks).mark_point(size=200, strokeWidth=2.5, color=BLACK,
                                            clip=True).encode(
        x=alt.X("w1:Q", scale=x_scale, axis=x_axis), y=alt.Y("w2:Q", scale=y_scale, axis=y_axis),
        shape=alt.Shape("shape:N", scale=None), tooltip=["what:N"])
    paths_layer = alt.layer(lines, dots, landmarks)
    # Equal aspect ratio: the plot area's sides are proportional to the region's.
    chart = alt.layer(heat, paths_layer).resolve_scale(color="independent").properties(
        width=MAP_WIDTH)
    return finish(chart, title=title, height=round(MAP_WIDTH * (y1 - y0) / (x1 - x0))).properties(
        autosize=alt.AutoSizeParams(type="pad"))


def per_step_chart(steps: pd.DataFrame, field: str, *, y_title: str, x_title: str,
                   legend_title: str, keys: list[str], labels: list[str], title: str,
                   rule_value: float | None = None, rule_label: str | None = None,
                   clipped_title: str | None = None, height: int = 300) -> alt.TopLevelMixin:
    """``field`` per step on a log axis, one line per method; clipped steps as filled dots.

    ``steps`` columns: label (translated method), step, ``field`` (> 0), clipped (bool).
    """
    assert_plottable(steps, ["step", field], positive=(field,))
    colour = method_colour("label", legend_title, keys, labels)
    tooltip = [alt.Tooltip("label:N", title=legend_title), alt.Tooltip("step:Q", title=x_title),
               alt.Tooltip(f"{field}:Q", title=y_title, format=".4g")]
    base = alt.Chart(steps).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False),
                axis=alt.Axis(tickMinStep=1, format="d")),
        y=alt.Y(f"{field}:Q", title=y_title, scale=alt.Scale(type="log")),
        color=colour, tooltip=tooltip)
    layers = [base.mark_line(strokeWidth=2)]
    if clipped_title is not None and steps["clipped"].any():  # an empty layer warns in Vega
        layers.append(base.transform_filter("datum.clipped").mark_point(
            filled=True, size=80, opacity=1).encode(
            tooltip=tooltip + [alt.Tooltip("clipped:N", title=clipped_title)]))
    if rule_value is not None:
        rule_data = pd.DataFrame({"y": [rule_value], "what": [rule_label]})
        rule = alt.Chart(rule_data).encode(y="y:Q")
        layers.append(rule.mark_rule(color=BLACK, strokeDash=[6, 4], strokeWidth=1.5).encode(
            tooltip=[alt.Tooltip("what:N", title=""), alt.Tooltip("y:Q", format=".3g")]))
        layers.append(rule.mark_text(align="left", dx=4, dy=-7, fontSize=12,
                                     color=BLACK).encode(x=alt.value(0), text="what:N"))
    return finish(alt.layer(*layers), title=title, height=height)
