"""Per-layer profiles: a log10 quantity against the layer index, one line per series."""

import json

import altair as alt

from ui.charts.common import (
    CHART_HEIGHT,
    COLORS,
    color_scale,
    finish,
    template,
)

# A layer whose rows may be placeholders draws each row with opacity ``show`` (0 or 1).
SHOW = alt.Opacity("show:Q", scale=None, legend=None)

# Label a log10 axis as powers of ten (1e-5 ... 1e3), so it reads like a log axis but can
# hold values far beyond what a float can represent.
POWER_OF_TEN_LABELS = "datum.value == 0 ? '1' : '1e' + datum.value"


def log10_axis(title: str) -> alt.Axis:
    """A y-axis for log10 values, labelled as powers of ten, ticks on whole decades."""
    return alt.Axis(title=title, labelExpr=POWER_OF_TEN_LABELS, tickMinStep=1, format="d",
                    tickCount=8)


@template
def profile_template(
    *,
    x_title: str,
    y_title: str,
    series_title: str,
    series_keys: tuple[str, ...],
    series_labels: tuple[str, ...],
    title: str | None = None,
    theory_label: str | None = None,
    float32: bool = False,
    height: int = CHART_HEIGHT,
) -> alt.TopLevelMixin:
    """Median log10 value per layer with a band (spread over sampled networks), per series.

    Named datasets (``ui.frames`` makes them):
    - ``profile``: layer, series (one of ``series_labels``), median, low, high (log10);
    - ``extent`` (optional): y, values the y axis must hold (e.g. whole decades), not drawn;
    - ``theory`` (with ``theory_label``): layer, value (log10), show, drawn dashed in black;
    - ``limits`` (with ``float32``): y, label, show, dashed rules where float32 leaves its range.
    ``show`` is each row's opacity (0 hides a placeholder row, ``ui.frames.shown_rows``).
    """
    colour = alt.Color("series:N", title=series_title,
                       scale=color_scale(list(series_keys), list(series_labels)))
    y_scale = alt.Scale(zero=False, nice=False)
    x = alt.X("layer:Q", title=x_title, scale=alt.Scale(nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    base = alt.Chart(alt.NamedData("profile")).encode(x=x, color=colour)
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("low:Q", scale=y_scale), y2="high:Q")
    tooltip = [
        alt.Tooltip("series:N", title=series_title),
        alt.Tooltip("layer:Q", title=x_title),
        alt.Tooltip("median:Q", title=y_title, format=".3f"),
        alt.Tooltip("low:Q", format=".3f"),
        alt.Tooltip("high:Q", format=".3f"),
    ]
    line = base.mark_line(strokeWidth=2.5).encode(
        y=alt.Y("median:Q", axis=log10_axis(y_title), scale=y_scale), tooltip=tooltip)
    extent = alt.Chart(alt.NamedData("extent")).mark_point(opacity=0).encode(
        y=alt.Y("y:Q", scale=y_scale))
    layers = [extent, band, line]
    if theory_label is not None:
        theory = alt.Chart(alt.NamedData("theory")).transform_calculate(
            kind=json.dumps(theory_label))  # a string literal in Vega's expression language
        layers.append(theory.mark_line(strokeDash=[5, 4], strokeWidth=2,
                                       color=COLORS["theory"]).encode(
            x="layer:Q", y=alt.Y("value:Q", scale=y_scale), detail="kind:N", opacity=SHOW,
            tooltip=[alt.Tooltip("kind:N", title=""), alt.Tooltip("layer:Q", title=x_title),
                     alt.Tooltip("value:Q", title=y_title, format=".3f")]))
    if float32:
        limits = alt.Chart(alt.NamedData("limits")).encode(y=alt.Y("y:Q", scale=y_scale),
                                                           opacity=SHOW)
        layers.append(limits.mark_rule(color=COLORS["limit"], strokeDash=[6, 4],
                                       strokeWidth=1.5))
        layers.append(limits.mark_text(align="left", dx=4, dy=-7, color=COLORS["limit"],
                                       fontSize=12).encode(x=alt.value(0), text="label:N"))
    return finish(alt.layer(*layers), title=title, height=height)
