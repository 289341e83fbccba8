"""The chain-rule page's forward distributions: what phi sees at a few layers, and per layer the
share of weak units (dead or saturated) beside the backward factor E[phi'(z)^2].

Both charts are templates (``ui.charts.common.template``): titles and series labels are in the
spec, every number in named datasets. The frames come from ``core.preactivations`` through
``layer_frame`` (all layers, cached by the page); ``band_data`` and ``share_data`` pick the
shown layers, so the layer slider changes data only. ``weak_story`` puts the numbers in words.
"""

import json
import math

import altair as alt
import numpy as np
import pandas as pd

from core.preactivations import MAX_DERIVATIVE, QUANTILES, PreActivationStats
from ui.charts.common import BLACK, COLORS, GREY, finish, template
from ui.charts.layers import SHOW
from ui.format import e_power_of_ten, factor, percent, significant
from ui.frames import shown_rows
from ui.i18n import sentences, t

QUANTILE_COLUMNS = tuple(f"q{round(100 * q):02d}" for q in QUANTILES)  # q05 ... q95
IN_VIEW = 1.25  # a threshold tick is drawn up to this many times the largest |quantile| shown
WEAK_COLOUR, SQUARE_COLOUR = GREY, COLORS["activation"]


def layer_frame(stats: PreActivationStats) -> pd.DataFrame:
    """One row per layer l = 1..L: the quantiles of z_l / rms_l, log10 rms_l (-inf where all
    of z_l is 0), the weak share and E[phi'(z_l)^2]."""
    frame = pd.DataFrame(stats.quantiles, columns=list(QUANTILE_COLUMNS))
    frame.insert(0, "layer", np.arange(1, len(frame) + 1))
    return frame.assign(log10_rms=stats.log10_rms, weak=stats.weak,
                        square=stats.mean_square_derivative)


def rms_text(log10_rms: float) -> str:
    """An rms given as log10, as text: 1.26, 1e300 (beyond float64 too), 0 where all z are 0."""
    return e_power_of_ten(log10_rms) if math.isfinite(log10_rms) else "0"


def band_data(frame: pd.DataFrame, shown: list[int], threshold: float | None
              ) -> dict[str, pd.DataFrame]:
    """The band chart's datasets for the ``shown`` layers: ``bands`` (layer, the quantile
    columns, rms: text, weak: text) and ``thresholds`` (layer, y, show): the weak region's
    edge in units of each layer's rms, where it is in view (else one hidden row)."""
    rows = frame[frame["layer"].isin(shown)].reset_index(drop=True)
    bands = rows[["layer", *QUANTILE_COLUMNS]].assign(
        rms=[rms_text(v) for v in rows["log10_rms"]],
        weak=[percent(v, 1) for v in rows["weak"]])
    reach = IN_VIEW * float(np.abs(rows[list(QUANTILE_COLUMNS)].to_numpy()).max())
    ticks = []
    for layer, log_rms in zip(rows["layer"], rows["log10_rms"], strict=True):
        if threshold is None or not math.isfinite(log_rms):
            continue
        edge = 0.0 if threshold == 0 else 10.0 ** (math.log10(threshold) - log_rms)
        ticks += [(layer, y) for y in {edge, -edge} if abs(y) <= reach]
    thresholds = pd.DataFrame(ticks, columns=["layer", "y"]).astype({"layer": int, "y": float})
    return {"bands": bands,
            "thresholds": shown_rows(thresholds, {"layer": int(rows["layer"].iloc[0]), "y": 0.0})}


def share_data(frame: pd.DataFrame, shown: list[int], labels: tuple[str, str]
               ) -> dict[str, pd.DataFrame]:
    """The share chart's datasets: ``lines`` (layer, series, value) over every layer, the weak
    share and E[phi'^2] labelled by ``labels``; ``points`` the same at the ``shown`` layers."""
    weak, square = labels
    lines = pd.concat([frame[["layer"]].assign(series=weak, value=frame["weak"]),
                       frame[["layer"]].assign(series=square, value=frame["square"])],
                      ignore_index=True)
    return {"lines": lines, "points": lines[lines["layer"].isin(shown)].reset_index(drop=True)}


@template
def band_template(*, x_title: str, y_title: str, band_titles: tuple[str, str, str],
                  rms_title: str, weak_title: str, threshold_label: str, title: str,
                  height: int = 340) -> alt.TopLevelMixin:
    """Per shown layer, the spread of z_l / rms_l: a thin rule 5-95%, a box 25-75%, a black
    median tick; the weak region's edge as orange ticks (tanh/sigmoid: +-z*/rms, ReLU: 0).

    ``band_titles``: the tooltip names of the 5-95% range, the 25-75% range and the median.
    Named datasets: ``bands`` (layer, q05, q25, q50, q75, q95, rms: text, weak: text) and
    ``thresholds`` (layer, y, show), as ``band_data`` makes them.
    """
    outer, inner, median = band_titles
    x = alt.X("layer:O", title=x_title, axis=alt.Axis(labelAngle=0))
    y = alt.Y("q05:Q", title=y_title, scale=alt.Scale(zero=False, nice=True))
    tooltip = [alt.Tooltip("layer:O", title=x_title),
               alt.Tooltip("q50:Q", title=median, format=".2f"),
               alt.Tooltip("q25:Q", title=inner, format=".2f"), alt.Tooltip("q75:Q", format=".2f"),
               alt.Tooltip("q05:Q", title=outer, format=".2f"), alt.Tooltip("q95:Q", format=".2f"),
               alt.Tooltip("rms:N", title=rms_title), alt.Tooltip("weak:N", title=weak_title)]
    base = alt.Chart(alt.NamedData("bands")).encode(x=x, tooltip=tooltip)
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color=GREY, strokeWidth=1).encode(
        y="y:Q")
    whisker = base.mark_rule(color=COLORS["simulated"], strokeWidth=2).encode(y=y, y2="q95:Q")
    box = base.mark_bar(size=34, color=COLORS["simulated"], opacity=0.55).encode(
        y="q25:Q", y2="q75:Q")
    middle = base.mark_tick(color=BLACK, thickness=3, size=34).encode(y="q50:Q")
    edges = alt.Chart(alt.NamedData("thresholds")).transform_calculate(
        kind=json.dumps(threshold_label)).mark_tick(  # a string literal in Vega's expressions
        color=COLORS["activation"], thickness=3, size=48).encode(
        x=x, y="y:Q", opacity=SHOW,
        tooltip=[alt.Tooltip("kind:N", title=""), alt.Tooltip("y:Q", format=".3g")])
    return finish(alt.layer(zero, whisker, box, edges, middle), title=title, height=height)


@template
def share_template(*, x_title: str, y_title: str, labels: tuple[str, str], title: str,
                   height: int = 340) -> alt.TopLevelMixin:
    """The weak share and E[phi'(z)^2] against the layer, 0 to 1, dots at the shown layers.

    ``labels``: (weak share, E[phi'^2]) as the data's ``series`` names them.
    Named datasets: ``lines`` and ``points`` (layer, series, value), as ``share_data`` makes.
    """
    colour = alt.Color("series:N", title=None, sort=list(labels),
                       scale=alt.Scale(domain=list(labels), range=[WEAK_COLOUR, SQUARE_COLOUR]),
                       legend=alt.Legend(direction="vertical"))  # one label a line: narrow columns
    x = alt.X("layer:Q", title=x_title, scale=alt.Scale(nice=False),
              axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, 1]))
    tooltip = [alt.Tooltip("series:N", title=""), alt.Tooltip("layer:Q", title=x_title),
               alt.Tooltip("value:Q", format=".3f")]
    # E[phi'^2] dashed over the share: for ReLU the two meet at 1/2 and both stay visible
    dash = alt.StrokeDash("series:N", title=None, sort=list(labels),
                          scale=alt.Scale(domain=list(labels), range=[[1, 0], [6, 3]]))
    lines = alt.Chart(alt.NamedData("lines")).mark_line(strokeWidth=2.5).encode(
        x=x, y=y, color=colour, strokeDash=dash, tooltip=tooltip)
    points = alt.Chart(alt.NamedData("points")).mark_point(
        filled=True, size=60, opacity=1).encode(x=x, y=y, color=colour, tooltip=tooltip)
    return finish(alt.layer(lines, points), title=title, height=height)


def weak_key(activation: str) -> str:
    """The string suffix naming an activation's weak units: tanh and sigmoid saturate."""
    return "saturating" if activation in ("tanh", "sigmoid") else activation


def band_chart(lang: str, activation: str, threshold: float | None):
    """The band chart's template in ``lang`` for ``activation`` (its weak region's label)."""
    return band_template(
        x_title=t("cr.dist.band.x", lang), y_title=t("cr.dist.band.axis", lang),
        band_titles=(t("cr.dist.band.outer", lang), t("cr.dist.band.inner", lang),
                     t("cr.dist.band.median", lang)),
        rms_title=t("cr.dist.rms", lang), weak_title=share_labels(lang, activation)[0],
        threshold_label=t(f"cr.dist.edge.{weak_key(activation)}", lang,
                          z=significant(threshold or 0.0)),
        title=t("cr.dist.band.title", lang))


def share_labels(lang: str, activation: str) -> tuple[str, str]:
    """(the weak units' name for ``activation``, E[phi'^2]'s name) in ``lang``."""
    return t(f"cr.dist.weak.{weak_key(activation)}", lang), t("cr.dist.square", lang)


def share_chart(lang: str, activation: str):
    """The share chart's template in ``lang`` for ``activation``."""
    return share_template(x_title=t("cr.dist.band.x", lang), y_title=t("cr.dist.share.axis", lang),
                          labels=share_labels(lang, activation),
                          title=t("cr.dist.share.title", lang))


def weak_story(lang: str, activation: str, depth: int, numbers: dict,
               threshold: float | None) -> str:
    """The weak units and E[phi'(z)^2] in words, in the sentence ``core.preactivations.summary``
    chose (``numbers`` is that summary)."""
    square = factor(numbers["mean_square_derivative"])
    parts = [t(f"cr.dist.{numbers['kind']}", lang, weak=percent(numbers["weak"], 1),
               square=square, z=significant(threshold or 0.0),
               top=significant(MAX_DERIVATIVE[activation] ** 2))]
    if activation == "sigmoid":
        parts.append(t("cr.dist.sigmoid", lang))
    if numbers["trend"] is not None:
        parts.append(t(f"cr.dist.trend.{numbers['trend']}", lang, depth=depth,
                       first=percent(numbers["weak_first"], 1),
                       last=percent(numbers["weak_last"], 1)))
    parts.append(t("cr.dist.factor", lang, square=square))
    return sentences(parts, lang)


def method_note(lang: str, depth: int, runs: int, numbers: dict) -> str:
    """How to read the two charts, and how z was scaled (and why, where it would overflow)."""
    beyond = numbers["beyond"]
    return sentences([
        t("cr.dist.caption", lang, runs=runs),
        t("cr.dist.scale", lang, depth=depth, first=rms_text(numbers["log10_rms_first"]),
          last=rms_text(numbers["log10_rms_last"])),
        t("cr.dist.scale.beyond", lang, float=beyond,
          extreme=rms_text(numbers["log10_rms_extreme"])) if beyond else ""], lang)
