"""Charts of the weight-clipping page: weight histograms with the mass at +-c, loss curves."""

import altair as alt
import pandas as pd

from ui.charts.common import COLORS, assert_plottable, finish

LOSS_TICKS = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


def _colour(title: str, labels: list[str], colours: list[str], symbol: str = "stroke"
            ) -> alt.Color:
    """A colour encoding that maps each translated series label to a fixed colour."""
    return alt.Color("series:N", title=title, scale=alt.Scale(domain=labels, range=colours),
                     sort=labels, legend=alt.Legend(symbolType=symbol))


def weight_histogram_chart(bins: pd.DataFrame, atoms: pd.DataFrame, c: float, *, x_title: str,
                           y_title: str, series_title: str, series_labels: list[str],
                           series_colours: list[str], bound_label: str, title: str,
                           bin_titles: tuple[str, str] = ("from", "to"),
                           height: int = 340) -> alt.TopLevelMixin:
    """Overlaid step histograms per series, plus the mass sitting exactly at -c and +c.

    ``bins`` columns: series, left, right, share (%), one row per bin and series; shares of
    weights strictly inside (-c, c) for a clipped series. ``atoms`` columns: series, x (+-c),
    share (%), text: the weights sitting exactly on the bound, drawn as thick spikes with
    their share written on top. Dashed rules mark +-c.
    """
    assert_plottable(bins, ["left", "right", "share"])
    assert_plottable(atoms, ["x", "share"])
    colour = _colour(series_title, series_labels, series_colours, symbol="square")
    y_scale = alt.Scale(type="sqrt")
    tooltip = [alt.Tooltip("series:N", title=series_title),
               alt.Tooltip("left:Q", title=bin_titles[0], format=".4f"),
               alt.Tooltip("right:Q", title=bin_titles[1], format=".4f"),
               alt.Tooltip("share:Q", title=y_title, format=".3f")]
    x = alt.X("left:Q", title=x_title, scale=alt.Scale(nice=False))
    bars = alt.Chart(bins).mark_bar(opacity=0.45, binSpacing=0).encode(
        x=x, x2="right:Q", y=alt.Y("share:Q", title=y_title, stack=None, scale=y_scale),
        color=colour,
        tooltip=tooltip)
    rules = alt.Chart(pd.DataFrame({"x": [-c, c], "kind": [bound_label] * 2})).mark_rule(
        color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5).encode(
        x="x:Q", tooltip=[alt.Tooltip("kind:N", title=""), alt.Tooltip("x:Q", format=".4f")])
    layers = [bars, rules]
    if len(atoms):
        spikes = alt.Chart(atoms).mark_bar(width=5).encode(
            x="at:Q", y=alt.Y("share:Q", stack=None, scale=y_scale), color=colour,
            tooltip=[alt.Tooltip("series:N", title=series_title),
                     alt.Tooltip("x:Q", title=x_title, format=".4f"),
                     alt.Tooltip("share:Q", title=y_title, format=".2f")])
        base = alt.Chart(atoms).encode(x="at:Q", y=alt.Y("share:Q", stack=None, scale=y_scale),
                                       text="text:N", color=colour)
        labels = (base.transform_filter("datum.x < 0").mark_text(align="right", dx=-6, fontSize=12,
                                                                  fontWeight="bold")
                  + base.transform_filter("datum.x > 0").mark_text(align="left", dx=6,
                                                                    fontSize=12, fontWeight="bold"))
        layers += [spikes, labels]
    return finish(alt.layer(*layers), title=title, height=height)


def loss_chart(curves: pd.DataFrame, *, x_title: str, y_title: str, series_title: str,
               series_labels: list[str], series_keys: list[str], title: str,
               height: int = 340) -> alt.TopLevelMixin:
    """Training loss against the step, one line per run, on a log y-axis.

    ``curves`` columns: step, loss (> 0), series (translated label). ``series_keys`` gives
    each run's meaning ("unclipped" or "clipped"); clipped runs share the clipped colour and
    are told apart by their dash pattern (tighter bound, shorter dashes).
    """
    assert_plottable(curves, ["step", "loss"], positive=("loss",))
    colours = [COLORS[key] for key in series_keys]
    dashes = _dash_patterns(series_keys)
    base = alt.Chart(curves).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(values=LOSS_TICKS, format="~g", grid=True)),
        color=_colour(series_title, series_labels, colours),
        strokeDash=alt.StrokeDash("series:N", title=series_title,
                                  scale=alt.Scale(domain=series_labels, range=dashes),
                                  sort=series_labels),
    )
    line = base.mark_line(strokeWidth=2.5).encode(
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("loss:Q", title=y_title, format=".4f")])
    return finish(line, title=title, height=height)


def _dash_patterns(series_keys: list[str]) -> list[list[int]]:
    """Solid for the unclipped run; for clipped runs, shorter dashes the later they come."""
    patterns = [[1, 0], [12, 4], [6, 4], [2, 3], [1, 2]]
    out, clipped = [], 0
    for key in series_keys:
        if key == "clipped":
            clipped += 1
            out.append(patterns[min(clipped, len(patterns) - 1)])
        else:
            out.append(patterns[0])
    return out
