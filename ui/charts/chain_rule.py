"""The chain-rule page's own chart: one layer's factor split into weights and activation."""

import math

import altair as alt
import pandas as pd

from ui.charts.common import COLORS, GREY, color_scale, finish, finite_rows, template

FACTOR_PARTS = ("weight", "activation", "total")
PART_COLORS = {"weight": "weights", "activation": "activation", "total": "simulated"}


def factor_domain(values: list[float], margin: float = 0.35) -> tuple[float, float]:
    """A log-scale domain holding every value and 1, padded by ``margin`` decades each side."""
    logs = [math.log10(v) for v in values] + [0.0]
    return 10.0 ** (min(logs) - margin), 10.0 ** (max(logs) + margin)


def factor_data(measured_log10: dict[str, float], expected: dict[str, float],
                labels: dict[str, str]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The factor chart's datasets (measured bars, theory ticks, extent) and the parts whose
    measured factor cannot be drawn on a log axis (zero, infinite or undefined)."""
    bars = pd.DataFrame({"part": list(FACTOR_PARTS), "label": [labels[p] for p in FACTOR_PARTS],
                         "value": [10.0 ** measured_log10[p] for p in FACTOR_PARTS]})
    bars, _ = finite_rows(bars, ["value"], positive=("value",))
    theory = pd.DataFrame({"label": [labels[p] for p in expected],
                           "value": list(expected.values())})
    extent = factor_extent(list(bars["value"]) + list(theory["value"]))
    dropped = [part for part in FACTOR_PARTS if part not in set(bars["part"])]
    return {"bars": bars, "theory": theory, "extent": extent}, dropped


def factor_extent(values: list[float]) -> pd.DataFrame:
    """The factor chart's ``extent`` dataset: the ends of ``factor_domain``."""
    return pd.DataFrame({"value": list(factor_domain(values))})


@template
def factor_template(
    *,
    labels: tuple[str, ...],
    y_title: str,
    measured_title: str,
    theory_title: str,
    one_label: str,
    title: str | None = None,
    height: int = 360,
) -> alt.TopLevelMixin:
    """Bars from 1 to each part's measured mean factor on a log axis, theory as black ticks.

    ``labels``: the translated names of FACTOR_PARTS ("name|formula" shows on two lines).
    Named datasets: ``bars`` (part, label, value > 0), ``theory`` (label, value > 0; a part
    without a theory value has no row), ``extent`` (value: the axis ends, not drawn).
    """
    keys = [PART_COLORS[part] for part in FACTOR_PARTS]
    y_scale = alt.Scale(type="log", nice=False)
    # "name|formula" labels break into two lines, so three fit under a half-width chart
    x = alt.X("label:N", sort=list(labels), title=None, scale=alt.Scale(domain=list(labels)),
              axis=alt.Axis(labelAngle=0, labelLimit=200, labelFontWeight="bold",
                            labelOverlap=False, labelExpr="split(datum.label, '|')"))
    y = alt.Y("value:Q", scale=y_scale, title=y_title, axis=alt.Axis(format="~g"))
    colour = alt.Color("label:N", scale=color_scale(keys, list(labels)), legend=None)
    tooltip = [alt.Tooltip("label:N", title=""),
               alt.Tooltip("value:Q", title=measured_title, format=".4g")]
    extent = alt.Chart(alt.NamedData("extent")).mark_point(opacity=0).encode(y=y)
    measured = alt.Chart(alt.NamedData("bars")).encode(x=x)
    bar = measured.mark_bar(size=56, opacity=0.85).encode(
        y=y, y2=alt.datum(1.0), color=colour, tooltip=tooltip)
    # one text layer (a filtered layer may be empty, and Vega warns of an infinite extent):
    # the number sits above a bar that rises from 1 and below one that falls from it
    numbers = measured.transform_calculate(offset="datum.value >= 1 ? -10 : 14").mark_text(
        fontSize=13, fontWeight="bold").encode(
        y=y, yOffset=alt.YOffset("offset:Q", scale=None), text=alt.Text("value:Q", format=".3~g"))
    one = alt.Chart(pd.DataFrame({"value": [1.0], "label": [one_label]}))
    one_rule = one.mark_rule(color=GREY, strokeWidth=1.5).encode(
        y=y, tooltip=alt.Tooltip("label:N", title=""))
    ticks = alt.Chart(alt.NamedData("theory")).mark_tick(
        color=COLORS["theory"], thickness=3, size=80).encode(
        x=x, y=y, tooltip=[alt.Tooltip("label:N", title=""),
                           alt.Tooltip("value:Q", title=theory_title, format=".4g")])
    return finish(alt.layer(extent, one_rule, bar, numbers, ticks), title=title,
                  height=height)
