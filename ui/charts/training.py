"""Charts of the training lab: loss, accuracy, gradient norm with clip events, per-layer
gradient heatmap, decision boundary. Each takes tidy DataFrames with translated labels."""

import math

import altair as alt
import pandas as pd

from ui.charts.common import BLACK, COLORS, GREY, YELLOW, assert_plottable, finish
from ui.charts.layers import POWER_OF_TEN_LABELS, log10_axis

LOSS_TICKS = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e6, 1e9, 1e12,
              1e15, 1e20, 1e25, 1e30, 1e35]
HEIGHT = 300


def _series_colour(title: str, labels: list[str], colours: list[str]) -> alt.Color:
    """Colour by the translated run label, fixed colours, legend in the given order."""
    return alt.Color("series:N", title=title, sort=labels,
                     scale=alt.Scale(domain=labels, range=colours))


def _step_x(title: str) -> alt.X:
    return alt.X("step:Q", title=title, scale=alt.Scale(nice=False))


def _divergence_rules(divergence: pd.DataFrame | None) -> list:
    """Dashed vertical rules at the steps where a run diverged, labelled."""
    if divergence is None or not len(divergence):
        return []
    assert_plottable(divergence, ["step"])
    base = alt.Chart(divergence).encode(x="step:Q")
    rule = base.mark_rule(strokeDash=[6, 4], strokeWidth=2, color=COLORS["limit"]).encode(
        tooltip=[alt.Tooltip("series:N", title=""), alt.Tooltip("text:N", title="")])
    text = base.mark_text(align="left", dx=4, dy=4, baseline="top", fontSize=12,
                          color=COLORS["limit"]).encode(y=alt.value(0), text="label:N")
    return [rule, text]


def loss_chart(curves: pd.DataFrame, *, x_title: str, y_title: str, series_title: str,
               series_labels: list[str], series_colours: list[str], title: str,
               divergence: pd.DataFrame | None = None, height: int = HEIGHT) -> alt.TopLevelMixin:
    """Cross-entropy on the whole data set against the step, one line per run, log y-axis.

    ``curves`` columns: step, loss (> 0), series. ``divergence`` (optional) columns: step,
    series, label, text: a dashed rule where a run stopped.
    """
    assert_plottable(curves, ["step", "loss"], positive=("loss",))
    line = alt.Chart(curves).mark_line(strokeWidth=2.5).encode(
        x=_step_x(x_title),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(values=LOSS_TICKS, format="~g", grid=True)),
        color=_series_colour(series_title, series_labels, series_colours),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("loss:Q", title=y_title, format=".4g")])
    layers = [line, *_divergence_rules(divergence)]
    return finish(alt.layer(*layers), title=title, height=height)


def accuracy_chart(curves: pd.DataFrame, *, x_title: str, y_title: str, series_title: str,
                   series_labels: list[str], series_colours: list[str], title: str,
                   chance_label: str, divergence: pd.DataFrame | None = None,
                   height: int = HEIGHT) -> alt.TopLevelMixin:
    """Accuracy (%) on the whole data set against the step, with the 50% chance level."""
    assert_plottable(curves, ["step", "accuracy"])
    line = alt.Chart(curves).mark_line(strokeWidth=2.5).encode(
        x=_step_x(x_title),
        y=alt.Y("accuracy:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
        color=_series_colour(series_title, series_labels, series_colours),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("accuracy:Q", title=y_title, format=".1f")])
    chance = alt.Chart(pd.DataFrame({"y": [50.0], "label": [chance_label]}))
    rule = chance.mark_rule(strokeDash=[4, 4], color=COLORS["theory"]).encode(
        y="y:Q", tooltip=alt.Tooltip("label:N", title=""))
    text = chance.mark_text(align="left", dx=4, dy=-7, fontSize=12, color=COLORS["theory"]
                            ).encode(y="y:Q", x=alt.value(0), text="label:N")
    layers = [rule, text, line, *_divergence_rules(divergence)]
    return finish(alt.layer(*layers), title=title, height=height)


def grad_norm_chart(lines: pd.DataFrame, events: pd.DataFrame, thresholds: pd.DataFrame, *,
                    x_title: str, y_title: str, series_title: str, series_labels: list[str],
                    series_colours: list[str], kind_title: str, kind_labels: list[str],
                    event_label: str, title: str, divergence: pd.DataFrame | None = None,
                    height: int = 340) -> alt.TopLevelMixin:
    """Global gradient norm per step (log10 values), before (solid) and after (dashed)
    clipping, the clipping threshold as a rule per run, and the steps where clipping fired.

    ``lines`` columns: step, log10_norm, series, kind (one of ``kind_labels``: before, after).
    ``events`` columns: step, log10_norm, series. ``thresholds`` columns: log10_norm, series,
    label. All log10: a norm of 1e41 stays plottable.
    """
    assert_plottable(lines, ["step", "log10_norm"])
    assert_plottable(events, ["step", "log10_norm"])
    assert_plottable(thresholds, ["log10_norm"])
    colour = _series_colour(series_title, series_labels, series_colours)
    y = alt.Y("log10_norm:Q", title=y_title, axis=log10_axis(y_title),
              scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("series:N", title=series_title), alt.Tooltip("kind:N", title=kind_title),
               alt.Tooltip("step:Q", title=x_title),
               alt.Tooltip("norm:N", title=y_title)]
    line = alt.Chart(lines).transform_calculate(
        norm="format(pow(10, datum.log10_norm), '.4g')").mark_line(strokeWidth=2).encode(
        x=_step_x(x_title), y=y, color=colour,
        strokeDash=alt.StrokeDash("kind:N", title=kind_title, sort=kind_labels,
                                  scale=alt.Scale(domain=kind_labels, range=[[1, 0], [5, 3]])),
        detail="series:N", tooltip=tooltip)
    layers = [line]
    if len(thresholds):
        base = alt.Chart(thresholds).encode(y="log10_norm:Q")
        layers.append(base.mark_rule(strokeDash=[2, 2], strokeWidth=1.5, color=COLORS["theory"]
                                     ).encode(tooltip=[alt.Tooltip("label:N", title="")]))
        layers.append(base.mark_text(align="left", dx=4, dy=-7, fontSize=12,
                                     color=COLORS["theory"]).encode(x=alt.value(0),
                                                                    text="label:N"))
    if len(events):
        points = alt.Chart(events.assign(event=event_label)).mark_point(
            shape="triangle-down", filled=True, size=50, color=COLORS["clipped"],
            opacity=0.8).encode(
            x="step:Q", y="log10_norm:Q",
            shape=alt.Shape("event:N", title="", scale=alt.Scale(range=["triangle-down"])),
            tooltip=[alt.Tooltip("series:N", title=series_title),
                     alt.Tooltip("event:N", title=""), alt.Tooltip("step:Q", title=x_title)])
        layers.append(points)
    layers += _divergence_rules(divergence)
    return finish(alt.layer(*layers).resolve_scale(shape="independent"), title=title,
                  height=height)


def layer_heatmap(cells: pd.DataFrame, *, x_title: str, y_title: str, colour_title: str,
                  title: str, domain: tuple[float, float], height: int = 260
                  ) -> alt.TopLevelMixin:
    """Per-layer gradient norm over the steps: layer (rows) x step bucket (columns), colour =
    log10 of the norm (a log colour scale labelled as powers of ten).

    ``cells`` columns: step_from, step_to, layer (1-based), log10_norm.
    """
    assert_plottable(cells, ["step_from", "step_to", "layer", "log10_norm"])
    low, high = domain
    every = max(1, math.ceil((high - low) / 6))
    legend = alt.Legend(title=colour_title, labelExpr=POWER_OF_TEN_LABELS, format="d",
                        orient="right", gradientLength=180,
                        values=list(range(math.ceil(low), math.floor(high) + 1, every)))
    rect = alt.Chart(cells).mark_rect().encode(
        x=alt.X("step_from:Q", title=x_title, scale=alt.Scale(nice=False, zero=False)),
        x2="step_to:Q",
        y=alt.Y("layer:O", title=y_title, sort="descending"),
        color=alt.Color("log10_norm:Q", scale=alt.Scale(scheme="viridis", domain=list(domain),
                                                        clamp=True), legend=legend),
        tooltip=[alt.Tooltip("layer:O", title=y_title),
                 alt.Tooltip("step_from:Q", title=x_title), alt.Tooltip("step_to:Q", title=""),
                 alt.Tooltip("norm:N", title=colour_title)],
    ).transform_calculate(norm="format(pow(10, datum.log10_norm), '.3g')")
    chart = finish(rect, title=title, height=height)
    return chart.configure_legend(orient="right", symbolType="circle")


def boundary_chart(grid: pd.DataFrame, points: pd.DataFrame, *, x_title: str, y_title: str,
                   p_title: str, class_title: str, class_labels: list[str], title: str,
                   height: int = 340) -> alt.TopLevelMixin:
    """The network's P(class 1) on a grid over the plane, with the training points on top.

    Class colours are the palette's unassigned neutrals (black, yellow), so they never read as
    a run's colour; the background fades grey -> white (the boundary, p = 0.5) -> yellow.

    ``grid`` columns: x_from, x_to, y_from, y_to, p (0..1). ``points`` columns: x, y, label
    (one of ``class_labels``).
    """
    assert_plottable(grid, ["x_from", "x_to", "y_from", "y_to", "p"])
    assert_plottable(points, ["x", "y"])
    cells = alt.Chart(grid).mark_rect(opacity=0.85).encode(
        x=alt.X("x_from:Q", title=x_title, scale=alt.Scale(nice=False, zero=False)),
        x2="x_to:Q",
        y=alt.Y("y_from:Q", title=y_title, scale=alt.Scale(nice=False, zero=False)),
        y2="y_to:Q",
        color=alt.Color("p:Q", title=p_title,
                        scale=alt.Scale(domain=[0, 0.5, 1], range=[GREY, "#ffffff", YELLOW]),
                        legend=alt.Legend(format=".0%", gradientLength=160)),
        tooltip=[alt.Tooltip("p:Q", title=p_title, format=".3f")])
    dots = alt.Chart(points).mark_point(filled=True, size=30, strokeWidth=0.8,
                                        opacity=0.95).encode(
        x="x:Q", y="y:Q",
        fill=alt.Fill("label:N", title=class_title, sort=class_labels,
                      scale=alt.Scale(domain=class_labels, range=[BLACK, YELLOW])),
        stroke=alt.Stroke("label:N", title=class_title, sort=class_labels,
                          scale=alt.Scale(domain=class_labels, range=["#ffffff", BLACK])),
        shape=alt.Shape("label:N", title=class_title, sort=class_labels,
                        scale=alt.Scale(domain=class_labels, range=["circle", "triangle-up"])),
        tooltip=[alt.Tooltip("label:N", title=class_title),
                 alt.Tooltip("x:Q", title=x_title, format=".3f"),
                 alt.Tooltip("y:Q", title=y_title, format=".3f")])
    chart = finish(alt.layer(cells, dots).resolve_scale(color="independent"), title=title,
                   height=height)
    return chart.configure_legend(orient="right", symbolType="circle")
