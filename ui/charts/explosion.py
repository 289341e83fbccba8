"""Charts of the "Explosion vs vanishing" page: shared-y layer profiles, growth against depth
with and without residual branches, and a phase diagram.

Every builder is a template (``ui.charts.common.template``): its spec holds no data and nothing
that moves with a control; the page sends the data as named datasets
(ui/charts/explosion_data.py).
"""

import altair as alt
import pandas as pd

from ui.charts.common import COLORS, GREY, Template, color_scale, finish, template
from ui.charts.layers import log10_axis, profile_template

CLAMP_DECADES = 10.0  # the phase diagram's colours saturate beyond +-10 decades
PHASE_HEIGHT = 340
REGIMES = ("vanishing", "stable", "exploding")  # a profile is coloured by its verdict
WEIGHT_KEYS = ("unclipped", "clipped")
DEPTH_KEYS = ("none", "norm")  # plain vs residual: the colours of "A vs with a remedy"
PHASE_TICKS = (0.25, 0.5, 1, 2, 4)


def profile_chart(*, regime_labels: tuple[str, str, str], x_title: str, y_title: str,
                  series_title: str, title: str) -> Template:
    """One network's per-layer log10 gradient ratio, coloured by its verdict.

    Datasets: ``profile`` (layer, series = one of ``regime_labels``, median, low, high) and
    ``extent`` (y) shared by both columns, so the two charts have one y-range.
    """
    return profile_template(x_title=x_title, y_title=y_title, series_title=series_title,
                            series_keys=REGIMES, series_labels=regime_labels, title=title,
                            height=360)


def weights_chart(*, labels: tuple[str, str], x_title: str, y_title: str, series_title: str,
                  title: str) -> Template:
    """Per-layer weight-gradient norms before and after clipping, float32 limits in view.

    Datasets: ``profile`` (layer, series = one of ``labels``, median, low, high), ``extent`` (y)
    and ``limits`` (y, label, show; ``ui.frames.float32_limits``).
    """
    return profile_template(x_title=x_title, y_title=y_title, series_title=series_title,
                            series_keys=WEIGHT_KEYS, series_labels=labels, title=title,
                            float32=True, height=300)


@template
def depth_template(*, labels: tuple[str, str], max_depth: int, stable: float, x_title: str,
                   y_title: str, series_title: str, title: str) -> alt.TopLevelMixin:
    """Median total growth (line, points) and its 10-90% band against depth, per series.

    Datasets: ``curves`` (depth, series = one of ``labels``: plain, residual; median, low,
    high, log10), ``extent`` (y) and ``here`` (depth: the network's own, a dotted rule).
    Dashed grey rules at +-``stable`` (constant, inline).
    """
    y_scale = alt.Scale(zero=False, nice=False)
    x = alt.X("depth:Q", title=x_title, scale=alt.Scale(domain=[0, max_depth], nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    colour = alt.Color("series:N", title=series_title,
                       scale=color_scale(list(DEPTH_KEYS), list(labels)))
    base = alt.Chart(alt.NamedData("curves")).encode(x=x, color=colour)
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("low:Q", scale=y_scale), y2="high:Q")
    tooltip = [alt.Tooltip("series:N", title=series_title),
               alt.Tooltip("depth:Q", title=x_title),
               alt.Tooltip("median:Q", title=y_title, format="+.2f"),
               alt.Tooltip("low:Q", format="+.2f"), alt.Tooltip("high:Q", format="+.2f")]
    line = base.mark_line(strokeWidth=2.5, point=True).encode(
        y=alt.Y("median:Q", axis=log10_axis(y_title), scale=y_scale), tooltip=tooltip)
    extent = alt.Chart(alt.NamedData("extent")).mark_point(opacity=0).encode(
        y=alt.Y("y:Q", scale=y_scale))
    limits = alt.Chart(pd.DataFrame({"y": [-stable, stable]})).mark_rule(
        color=GREY, strokeDash=[6, 4]).encode(y=alt.Y("y:Q", scale=y_scale))
    here = alt.Chart(alt.NamedData("here")).mark_rule(
        color=COLORS["theory"], strokeDash=[2, 3]).encode(x="depth:Q")
    return finish(alt.layer(extent, band, line, limits, here), title=title, height=320)


@template
def phase_template(*, x_title: str, y_title: str, colour_title: str, value_title: str,
                   title: str) -> alt.TopLevelMixin:
    """Heatmap of total growth over (gain, depth), diverging at 0, stable cells outlined.

    Datasets: ``cells`` (``explosion_data.phase_frame``) and ``marks`` (gain, depth, label:
    the network's current setting, a ringed dot). The axes span the cells (no domain in the spec).
    """
    x_scale = alt.Scale(type="log", nice=False)
    y_scale = alt.Scale(nice=False, zero=False)
    colour = alt.Color("shown:Q", title=colour_title, scale=alt.Scale(
        domain=[-CLAMP_DECADES, 0, CLAMP_DECADES],
        range=[COLORS["vanishing"], "#ffffff", COLORS["exploding"]], clamp=True),
        legend=alt.Legend(orient="right", direction="vertical", gradientLength=220,
                          titleOrient="left", titleLimit=300))
    base = alt.Chart(alt.NamedData("cells")).encode(
        x=alt.X("g0:Q", scale=x_scale, title=x_title,
                axis=alt.Axis(values=list(PHASE_TICKS), format="~g")),
        x2="g1:Q",
        y=alt.Y("d0:Q", scale=y_scale, title=y_title), y2="d1:Q",
        tooltip=[alt.Tooltip("gain:Q", title=x_title, format=".3f"),
                 alt.Tooltip("depth:Q", title=y_title),
                 alt.Tooltip("growth:Q", title=value_title, format="+.2f")])
    heat = base.mark_rect().encode(color=colour)
    stable = base.mark_rect(fill=None, stroke=COLORS["stable"], strokeWidth=1.5).encode(
        strokeOpacity=alt.StrokeOpacity("outline:Q", scale=None, legend=None))
    ring = alt.Chart(alt.NamedData("marks")).mark_point(
        shape="circle", size=260, filled=False, strokeWidth=3, color="white").encode(
        x=alt.X("gain:Q", scale=x_scale), y=alt.Y("depth:Q", scale=y_scale),
        tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("gain:Q", title=x_title),
                 alt.Tooltip("depth:Q", title=y_title)])
    dot = ring.mark_point(shape="circle", size=40, filled=True, color=COLORS["theory"])
    return finish(alt.layer(heat, stable, ring, dot), title=title, height=PHASE_HEIGHT)

