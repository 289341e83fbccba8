"""Charts of the weight-clipping page: weight histograms with the mass at +-c, loss curves.

Both are templates (``ui.charts.common.template``): the spec holds titles, labels and colours;
the numbers arrive as named datasets, so moving a slider leaves the spec unchanged.
"""

import altair as alt
import numpy as np
import pandas as pd

from ui.charts.common import COLORS, finish, template
from ui.charts.layers import SHOW
from ui.format import percent_value
from ui.frames import shown_rows

LOSS_TICKS = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
DASHES = ([1, 0], [12, 4], [6, 4], [2, 3], [1, 2])  # solid, then shorter and shorter dashes


def histogram_frames(edges: np.ndarray, series: dict[str, dict], c: float
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(bins, atoms) for ``histogram_template`` from {label: shares}, where shares are
    {"inside": % per bin} plus, for a clipped series, "atoms": (% at -c, % at +c)."""
    bins, atoms = [], []
    for label, shares in series.items():
        bins.append(pd.DataFrame({"series": label, "left": edges[:-1], "right": edges[1:],
                                  "share": shares["inside"]}))
        for x, share in zip((-c, c), shares.get("atoms", ()), strict=False):
            if share > 0:
                atoms.append({"series": label, "x": x, "share": share,
                              "text": percent_value(share, 1)})
    atoms = pd.DataFrame(atoms, columns=["series", "x", "share", "text"]).astype(
        {"series": str, "x": float, "share": float, "text": str})
    # several series with a spike at the same +-c: nudge them apart by 1% of the axis
    nudge = 0.01 * (edges[-1] - edges[0]) * (atoms.groupby("x").cumcount() - (len(series) - 1) / 2)
    atoms["at"] = atoms["x"] + (nudge if len(series) > 1 and len(atoms) else 0.0)
    hidden = {"series": list(series)[-1], "x": c, "share": 0.0, "text": "", "at": c}
    return pd.concat(bins, ignore_index=True), shown_rows(atoms, hidden)


def bound_frame(c: float, label: str) -> pd.DataFrame:
    """The ``bounds`` dataset: dashed rules at -c and +c."""
    return pd.DataFrame({"x": [-c, c], "kind": [label] * 2})


def _colour(title: str, labels: tuple[str, ...], colours: tuple[str, ...],
            symbol: str = "stroke") -> alt.Color:
    """A colour encoding that maps each translated series label to a fixed colour."""
    return alt.Color("series:N", title=title,
                     scale=alt.Scale(domain=list(labels), range=list(colours)),
                     sort=list(labels), legend=alt.Legend(symbolType=symbol))


@template
def histogram_template(*, x_title: str, y_title: str, series_title: str,
                       series_labels: tuple[str, ...], series_colours: tuple[str, ...],
                       title: str, bin_titles: tuple[str, str] = ("from", "to"),
                       height: int = 340) -> alt.TopLevelMixin:
    """Overlaid step histograms per series, plus the mass sitting exactly at -c and +c.

    Named datasets:
    - ``bins``: series, left, right, share (%): one row per bin and series; for a clipped
      series the shares of the weights strictly inside (-c, c);
    - ``atoms``: series, x (-c or +c), at (x nudged so series do not overlap), share (%),
      text: the weights sitting exactly on the bound, thick spikes with their share beside
      them; show: 1, or 0 for the one placeholder row when no weight sits on the bound;
    - ``bounds``: x, kind: the dashed rules at -c and +c and what they are.
    """
    colour = _colour(series_title, series_labels, series_colours, symbol="square")
    y_scale = alt.Scale(type="sqrt")
    tooltip = [alt.Tooltip("series:N", title=series_title),
               alt.Tooltip("left:Q", title=bin_titles[0], format=".4f"),
               alt.Tooltip("right:Q", title=bin_titles[1], format=".4f"),
               alt.Tooltip("share:Q", title=y_title, format=".3f")]
    x = alt.X("left:Q", title=x_title, scale=alt.Scale(nice=False))
    # y2 = 0 makes each bin a filled rectangle: with x, x2 and y alone Vega-Lite draws a
    # 5-pixel horizontal strip at the bin's height
    bars = alt.Chart(alt.NamedData("bins")).mark_bar(opacity=0.45, binSpacing=0).encode(
        x=x, x2="right:Q", y=alt.Y("share:Q", title=y_title, stack=None, scale=y_scale),
        y2=alt.datum(0), color=colour, tooltip=tooltip)
    rules = alt.Chart(alt.NamedData("bounds")).mark_rule(
        color=COLORS["limit"], strokeDash=[6, 4], strokeWidth=1.5).encode(
        x="x:Q", tooltip=[alt.Tooltip("kind:N", title=""), alt.Tooltip("x:Q", format=".4f")])
    atoms = alt.Chart(alt.NamedData("atoms"))
    spikes = atoms.mark_bar(width=5).encode(
        x="at:Q", y=alt.Y("share:Q", stack=None, scale=y_scale), color=colour, opacity=SHOW,
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("x:Q", title=x_title, format=".4f"),
                 alt.Tooltip("share:Q", title=y_title, format=".2f")])
    # one text layer, outside each spike (two filtered layers could be empty: Vega warns)
    labels = atoms.transform_calculate(offset="datum.x < 0 ? -6 : 6").mark_text(
        align=alt.ExprRef("datum.x < 0 ? 'right' : 'left'"), fontSize=12,
        fontWeight="bold").encode(
        x="at:Q", y=alt.Y("share:Q", stack=None, scale=y_scale), text="text:N", color=colour,
        opacity=SHOW, xOffset=alt.XOffset("offset:Q", scale=None))
    return finish(alt.layer(bars, rules, spikes, labels), title=title, height=height)


@template
def loss_template(*, x_title: str, y_title: str, series_title: str,
                  series_labels: tuple[str, ...], series_keys: tuple[str, ...], title: str,
                  height: int = 340) -> alt.TopLevelMixin:
    """Training loss against the step, one line per run, on a log y-axis.

    Named dataset ``curves``: step, loss (> 0), series (one of ``series_labels``).
    ``series_keys`` gives each run's meaning ("unclipped" or "clipped"); clipped runs share
    the clipped colour and are told apart by their dash pattern (tighter bound, shorter dashes).
    """
    colours = tuple(COLORS[key] for key in series_keys)
    base = alt.Chart(alt.NamedData("curves")).encode(
        x=alt.X("step:Q", title=x_title, scale=alt.Scale(nice=False)),
        y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log"),
                axis=alt.Axis(values=LOSS_TICKS, format="~g", grid=True)),
        color=_colour(series_title, series_labels, colours),
        strokeDash=alt.StrokeDash("series:N", title=series_title,
                                  scale=alt.Scale(domain=list(series_labels),
                                                  range=dash_patterns(series_keys)),
                                  sort=list(series_labels)),
    )
    line = base.mark_line(strokeWidth=2.5).encode(
        tooltip=[alt.Tooltip("series:N", title=series_title),
                 alt.Tooltip("step:Q", title=x_title),
                 alt.Tooltip("loss:Q", title=y_title, format=".4f")])
    return finish(alt.layer(line), title=title, height=height)


def dash_patterns(series_keys: tuple[str, ...]) -> list[list[int]]:
    """Solid for the unclipped run; for clipped runs, shorter dashes the later they come."""
    out, clipped = [], 0
    for key in series_keys:
        if key == "clipped":
            clipped += 1
            out.append(DASHES[min(clipped, len(DASHES) - 1)])
        else:
            out.append(DASHES[0])
    return out
