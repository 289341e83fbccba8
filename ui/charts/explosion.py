"""Charts of the "Explosion vs vanishing" page: shared-y layer profiles and a phase diagram."""

import math

import altair as alt
import numpy as np
import pandas as pd

from ui.charts.common import COLORS, assert_plottable, finish
from ui.charts.layers import layer_profile_chart

CLAMP_DECADES = 10.0
STABLE_DECADES = 1.0
PHASE_HEIGHT = 340


def shared_y_domain(frames: list[pd.DataFrame], pad: float = 0.5,
                    include_zero: bool = True) -> tuple[float, float]:
    """One y-range (log10) holding every band of every frame, so charts compare at a glance."""
    values = np.concatenate([f[["low", "high", "median"]].to_numpy().ravel() for f in frames])
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    return math.floor(low - pad), math.ceil(high + pad)


def profile_chart(profile: pd.DataFrame, *, regime: str, y_domain: tuple[float, float],
                  x_title: str, y_title: str, series_title: str, title: str) -> alt.TopLevelMixin:
    """One network's per-layer log10 gradient ratio, coloured by its regime, on a fixed y-range."""
    label = str(profile["series"].iloc[0])
    return layer_profile_chart(profile, x_title=x_title, y_title=y_title,
                               series_title=series_title, series_keys=[regime],
                               series_labels=[label], title=title, y_domain=y_domain,
                               height=360)


def weights_chart(frame: pd.DataFrame, *, keys: list[str], labels: list[str],
                  y_domain: tuple[float, float], x_title: str, y_title: str,
                  series_title: str, title: str,
                  float32_labels: dict[str, str] | None = None) -> alt.TopLevelMixin:
    """Per-layer weight-gradient norms before ("unclipped") and after ("clipped") clipping."""
    return layer_profile_chart(frame, x_title=x_title, y_title=y_title,
                               series_title=series_title, series_keys=keys,
                               series_labels=labels, title=title, y_domain=y_domain,
                               float32_labels=float32_labels, height=300)


def phase_frame(gains: np.ndarray, depths: np.ndarray, growth: np.ndarray) -> pd.DataFrame:
    """Tidy cells of the (gain, depth) grid with their edges, exact and colour-clamped growth."""
    gains, depths = np.asarray(gains, dtype=float), np.asarray(depths, dtype=float)
    log_g = np.log(gains)
    g_edges = np.exp(np.concatenate([[1.5 * log_g[0] - 0.5 * log_g[1]],
                                     (log_g[1:] + log_g[:-1]) / 2,
                                     [1.5 * log_g[-1] - 0.5 * log_g[-2]]]))
    d_edges = np.concatenate([[depths[0] - (depths[1] - depths[0]) / 2],
                              (depths[1:] + depths[:-1]) / 2,
                              [depths[-1] + (depths[-1] - depths[-2]) / 2]])
    d_edges = np.maximum(d_edges, 0.5)
    gi, di = np.meshgrid(np.arange(len(gains)), np.arange(len(depths)), indexing="ij")
    gi, di = gi.ravel(), di.ravel()
    exact = np.asarray(growth, dtype=float).ravel()
    return pd.DataFrame({
        "gain": gains[gi], "depth": depths[di],
        "g0": g_edges[gi], "g1": g_edges[gi + 1], "d0": d_edges[di], "d1": d_edges[di + 1],
        "growth": exact, "shown": np.clip(exact, -CLAMP_DECADES, CLAMP_DECADES),
        "stable": np.abs(exact) <= STABLE_DECADES,
    })


def phase_chart(cells: pd.DataFrame, marks: pd.DataFrame, *, x_title: str, y_title: str,
                colour_title: str, value_title: str, title: str) -> alt.TopLevelMixin:
    """Heatmap of total growth over (gain, depth), diverging at 0, stable band outlined.

    ``marks`` columns: gain, depth, label (the current setting of a network).
    """
    assert_plottable(cells, ["g0", "g1", "d0", "d1", "growth", "shown"], positive=("g0", "g1"))
    assert_plottable(marks, ["gain", "depth"], positive=("gain",))
    x_scale = alt.Scale(type="log", domain=[float(cells.g0.min()), float(cells.g1.max())],
                        nice=False)
    y_scale = alt.Scale(domain=[float(cells.d0.min()), float(cells.d1.max())], nice=False)
    colour = alt.Color("shown:Q", title=colour_title, scale=alt.Scale(
        domain=[-CLAMP_DECADES, 0, CLAMP_DECADES],
        range=[COLORS["vanishing"], "#ffffff", COLORS["exploding"]], clamp=True),
        legend=alt.Legend(orient="right", direction="vertical", gradientLength=220,
                          titleOrient="left", titleLimit=300))
    base = alt.Chart(cells).encode(
        x=alt.X("g0:Q", scale=x_scale, title=x_title, axis=alt.Axis(values=[0.25, 0.5, 1, 2, 4],
                                                                    format="~g")),
        x2="g1:Q",
        y=alt.Y("d0:Q", scale=y_scale, title=y_title), y2="d1:Q",
        tooltip=[alt.Tooltip("gain:Q", title=x_title, format=".3f"),
                 alt.Tooltip("depth:Q", title=y_title),
                 alt.Tooltip("growth:Q", title=value_title, format="+.2f")])
    heat = base.mark_rect().encode(color=colour)
    stable = base.transform_filter("datum.stable").mark_rect(
        fill=None, stroke=COLORS["stable"], strokeWidth=1.5)
    ring = alt.Chart(marks).mark_point(shape="circle", size=260, filled=False, strokeWidth=3,
                                       color="white").encode(
        x=alt.X("gain:Q", scale=x_scale), y=alt.Y("depth:Q", scale=y_scale),
        tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("gain:Q", title=x_title),
                 alt.Tooltip("depth:Q", title=y_title)])
    dot = ring.mark_point(shape="circle", size=40, filled=True, color=COLORS["theory"])
    return finish(alt.layer(heat, stable, ring, dot), title=title, height=PHASE_HEIGHT)
