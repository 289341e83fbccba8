"""Chart templates of the training lab: loss, accuracy, gradient norm with clip events, per-layer
gradient heatmap, decision boundary.

Each builder is a ``@template``: its keyword arguments only shape the chart (translated titles,
which runs and layers exist); the data arrive as named datasets, documented per builder, so a
slider move sends new data under the same spec. Runs are labelled "A" and "B" (fixed), what B
changes is said in the page's text; ui/charts/training_data.py shapes the datasets.
"""

import json

import altair as alt
import pandas as pd

from ui.charts.common import BLACK, COLORS, GREY, YELLOW, finish, template
from ui.charts.layers import POWER_OF_TEN_LABELS, SHOW, log10_axis

LOSS_TICKS = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e6, 1e9, 1e12,
              1e15, 1e20, 1e25, 1e30, 1e35]
HEIGHT = 300


def _series_colour(title: str, labels: tuple[str, ...], colours: tuple[str, ...]) -> alt.Color:
    """Colour by the run label, fixed colours, legend in the given order."""
    return alt.Color("series:N", title=title, sort=list(labels),
                     scale=alt.Scale(domain=list(labels), range=list(colours)))


def _step_x(title: str) -> alt.X:
    return alt.X("step:Q", title=title, scale=alt.Scale(nice=False))


def _step_rules(dataset: str, dash: list[int], color: str, dy: int, name: str) -> list:
    """A vertical rule and its label per row of ``dataset`` (step, label, text, show, and
    ``name``: the tooltip's first line)."""
    base = alt.Chart(alt.NamedData(dataset)).encode(x="step:Q", opacity=SHOW)
    rule = base.mark_rule(strokeDash=dash, strokeWidth=2, color=color).encode(
        tooltip=[alt.Tooltip(f"{name}:N", title=""), alt.Tooltip("text:N", title="")])
    text = base.mark_text(align="left", dx=4, dy=dy, baseline="top", fontSize=12,
                          color=color).encode(y=alt.value(0), text="label:N")
    return [rule, text]


def _divergence_rules() -> list:
    """Dashed rules where a run diverged, from the ``stops`` dataset; a run that did not
    diverge has no row, no divergence one hidden row."""
    return _step_rules("stops", [6, 4], COLORS["limit"], dy=4, name="series")


def _switch_rules() -> list:
    """A dotted rule where run B switches, from the ``switch`` dataset; without a switch one
    hidden row."""
    return _step_rules("switch", [2, 3], COLORS["norm"], dy=20, name="label")


@template
def loss_template(*, x_title: str, y_title: str, series_title: str,
                  series_labels: tuple[str, ...], series_colours: tuple[str, ...], title: str,
                  height: int = HEIGHT) -> alt.TopLevelMixin:
    """Cross-entropy on the whole data set against the step, one line per run, log y-axis.

    Named datasets: ``curves`` (step, loss > 0, series), ``stops`` (see _divergence_rules),
    ``switch`` (see _switch_rules).
    """
    line = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5).encode(
        x=_step_x(x_title),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(values=LOSS_TICKS, format="~g", grid=True)),
        color=_series_colour(series_title, series_labels, series_colours),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("loss:Q", title=y_title, format=".4g")])
    return finish(alt.layer(line, *_divergence_rules(), *_switch_rules()), title=title,
                  height=height)


@template
def accuracy_template(*, x_title: str, y_title: str, series_title: str,
                      series_labels: tuple[str, ...], series_colours: tuple[str, ...],
                      title: str, chance: float, chance_label: str,
                      height: int = HEIGHT) -> alt.TopLevelMixin:
    """Accuracy (%) on the whole data set against the step, with the chance level.

    Named datasets: ``curves`` (step, accuracy, series), ``stops`` (see _divergence_rules),
    ``switch`` (see _switch_rules).
    """
    line = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5).encode(
        x=_step_x(x_title),
        y=alt.Y("accuracy:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
        color=_series_colour(series_title, series_labels, series_colours),
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("accuracy:Q", title=y_title, format=".1f")])
    level = alt.Chart(pd.DataFrame({"y": [chance], "label": [chance_label]}))
    rule = level.mark_rule(strokeDash=[4, 4], color=COLORS["theory"]).encode(
        y="y:Q", tooltip=alt.Tooltip("label:N", title=""))
    text = level.mark_text(align="left", dx=4, dy=-7, fontSize=12, color=COLORS["theory"]
                           ).encode(y="y:Q", x=alt.value(0), text="label:N")
    layers = [rule, text, line, *_divergence_rules(), *_switch_rules()]
    return finish(alt.layer(*layers), title=title, height=height)


@template
def grad_norm_template(*, x_title: str, y_title: str, series_title: str,
                       series_labels: tuple[str, ...], series_colours: tuple[str, ...],
                       kind_title: str, kind_labels: tuple[str, str], event_label: str,
                       title: str, clipping: bool, thresholds: bool,
                       height: int = 340) -> alt.TopLevelMixin:
    """Global gradient norm per step (log10 values), before (solid) and after (dashed)
    clipping, the steps where clipping fired (with ``clipping``) and the threshold max_norm as
    a rule per run (with ``thresholds``). All log10: a norm of 1e41 stays plottable.

    Named datasets: ``lines`` (step, log10_norm, series, kind: one of ``kind_labels``),
    ``stops`` (see _divergence_rules), ``switch`` (see _switch_rules); with ``clipping``
    ``events`` (step, log10_norm, series, show), with ``thresholds`` ``thresholds``
    (log10_norm, series, label, show).
    """
    colour = _series_colour(series_title, series_labels, series_colours)
    y = alt.Y("log10_norm:Q", title=y_title, axis=log10_axis(y_title),
              scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("series:N", title=series_title), alt.Tooltip("kind:N", title=kind_title),
               alt.Tooltip("step:Q", title=x_title), alt.Tooltip("norm:N", title=y_title)]
    line = alt.Chart(alt.NamedData("lines")).transform_calculate(
        norm="format(pow(10, datum.log10_norm), '.4g')").mark_line(strokeWidth=2).encode(
        x=_step_x(x_title), y=y, color=colour,
        strokeDash=alt.StrokeDash("kind:N", title=kind_title, sort=list(kind_labels),
                                  scale=alt.Scale(domain=list(kind_labels),
                                                  range=[[1, 0], [5, 3]])),
        detail="series:N", tooltip=tooltip)
    layers = [line]
    if thresholds:
        base = alt.Chart(alt.NamedData("thresholds")).encode(y="log10_norm:Q", opacity=SHOW)
        layers.append(base.mark_rule(strokeDash=[2, 2], strokeWidth=1.5, color=COLORS["theory"]
                                     ).encode(tooltip=[alt.Tooltip("label:N", title="")]))
        layers.append(base.mark_text(align="left", dx=4, dy=-7, fontSize=12,
                                     color=COLORS["theory"]).encode(x=alt.value(0),
                                                                    text="label:N"))
    if clipping:
        points = alt.Chart(alt.NamedData("events")).transform_calculate(
            event=json.dumps(event_label)).mark_point(
            shape="triangle-down", filled=True, size=50, color=COLORS["clipped"]).encode(
            x="step:Q", y="log10_norm:Q",
            opacity=alt.Opacity("show:Q", scale=alt.Scale(domain=[0, 1], range=[0, 0.8]),
                                legend=None),
            shape=alt.Shape("event:N", title="", scale=alt.Scale(range=["triangle-down"])),
            tooltip=[alt.Tooltip("series:N", title=series_title),
                     alt.Tooltip("event:N", title=""), alt.Tooltip("step:Q", title=x_title)])
        layers.append(points)
    layers += [*_divergence_rules(), *_switch_rules()]
    return finish(alt.layer(*layers).resolve_scale(shape="independent"), title=title,
                  height=height)


@template
def heatmap_template(*, x_title: str, y_title: str, colour_title: str, title: str,
                     height: int = 260) -> alt.TopLevelMixin:
    """Per-layer gradient norm over the steps: layer (rows) x step bucket (columns), colour =
    log10 of the norm (labelled as powers of ten).

    Named datasets: ``cells`` (step_from, step_to, layer (1-based), log10_norm) and ``extent``
    (log10_norm: the ends the colour scale must hold, so that A's and B's maps share one scale;
    not drawn).
    """
    legend = alt.Legend(title=colour_title, labelExpr=POWER_OF_TEN_LABELS, format="d",
                        tickMinStep=1, orient="right", gradientLength=180)
    colour = alt.Color("log10_norm:Q", scale=alt.Scale(scheme="viridis", clamp=True),
                       legend=legend)
    rect = alt.Chart(alt.NamedData("cells")).mark_rect().encode(
        x=alt.X("step_from:Q", title=x_title, scale=alt.Scale(nice=False, zero=False)),
        x2="step_to:Q",
        y=alt.Y("layer:O", title=y_title, sort="descending"),
        color=colour,
        tooltip=[alt.Tooltip("layer:O", title=y_title),
                 alt.Tooltip("step_from:Q", title=x_title), alt.Tooltip("step_to:Q", title=""),
                 alt.Tooltip("norm:N", title=colour_title)],
    ).transform_calculate(norm="format(pow(10, datum.log10_norm), '.3g')")
    extent = alt.Chart(alt.NamedData("extent")).mark_point(opacity=0).encode(color=colour)
    chart = finish(alt.layer(extent, rect), title=title, height=height)
    return chart.configure_legend(orient="right", symbolType="circle")


@template
def boundary_template(*, x_title: str, y_title: str, p_title: str, class_title: str,
                      class_labels: tuple[str, str], title: str,
                      height: int = 340) -> alt.TopLevelMixin:
    """The network's P(class 1) on a grid over the plane, with the training points on top.

    Class colours are the palette's unassigned neutrals (black, yellow), so they never read as
    a run's colour; the background fades grey -> white (the boundary, p = 0.5) -> yellow.

    Named datasets: ``grid`` (x_from, x_to, y_from, y_to, p in 0..1) and ``points`` (x, y,
    label: one of ``class_labels``).
    """
    labels = list(class_labels)
    cells = alt.Chart(alt.NamedData("grid")).mark_rect(opacity=0.85).encode(
        x=alt.X("x_from:Q", title=x_title, scale=alt.Scale(nice=False, zero=False)),
        x2="x_to:Q",
        y=alt.Y("y_from:Q", title=y_title, scale=alt.Scale(nice=False, zero=False)),
        y2="y_to:Q",
        color=alt.Color("p:Q", title=p_title,
                        scale=alt.Scale(domain=[0, 0.5, 1], range=[GREY, "#ffffff", YELLOW]),
                        legend=alt.Legend(format=".0%", gradientLength=160)),
        tooltip=[alt.Tooltip("p:Q", title=p_title, format=".3f")])
    dots = alt.Chart(alt.NamedData("points")).mark_point(filled=True, size=30, strokeWidth=0.8,
                                                         opacity=0.95).encode(
        x="x:Q", y="y:Q",
        fill=alt.Fill("label:N", title=class_title, sort=labels,
                      scale=alt.Scale(domain=labels, range=[BLACK, YELLOW])),
        stroke=alt.Stroke("label:N", title=class_title, sort=labels,
                          scale=alt.Scale(domain=labels, range=["#ffffff", BLACK])),
        shape=alt.Shape("label:N", title=class_title, sort=labels,
                        scale=alt.Scale(domain=labels, range=["circle", "triangle-up"])),
        tooltip=[alt.Tooltip("label:N", title=class_title),
                 alt.Tooltip("x:Q", title=x_title, format=".3f"),
                 alt.Tooltip("y:Q", title=y_title, format=".3f")])
    chart = finish(alt.layer(cells, dots).resolve_scale(color="independent"), title=title,
                   height=height)
    return chart.configure_legend(orient="right", symbolType="circle")
