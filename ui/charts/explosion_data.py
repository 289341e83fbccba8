"""The explosion page's chart datasets, shaped from core.growth's measurements.

The templates in ui/charts/explosion.py read these frames as named datasets; each frame's
``series`` column holds the label the legend shows.
"""

import math

import numpy as np
import pandas as pd

from core.remedies import DEPTH_CURVE, STABLE_DECADES
from ui.charts.explosion import CLAMP_DECADES
from ui.format import percent_number
from ui.frames import BAND_QUANTILES, profile_frame

CURVE_KINDS = ("plain", "residual")  # the depth comparison's series, in legend order


def labelled(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    """The frame with its series column set to ``label``."""
    return frame.assign(series=label)


def shared_y_domain(frames: list[pd.DataFrame], pad: float = 0.5,
                    include_zero: bool = True) -> tuple[float, float]:
    """One y-range (log10) holding every band of every frame, so charts compare at a glance."""
    values = np.concatenate([f[["low", "high", "median"]].to_numpy().ravel() for f in frames])
    values = values[np.isfinite(values)]
    low, high = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    return math.floor(low - pad), math.ceil(high + pad)


def y_extent(frames: list[pd.DataFrame], include_zero: bool = True) -> pd.DataFrame:
    """``shared_y_domain`` as an ``extent`` dataset (y): every chart given it shows that range."""
    low, high = shared_y_domain(frames, include_zero=include_zero)
    return pd.DataFrame({"y": [float(low), float(high)]})


def layer_profile(relative: np.ndarray, label: str) -> pd.DataFrame:
    """Median and band per layer 0..L of the input gradients relative to the output."""
    return profile_frame(relative, label)


def weight_profile(log10_weight_norms: np.ndarray, label: str) -> pd.DataFrame:
    """Median and band per weight layer 1..L of the weight-gradient norms."""
    return profile_frame(log10_weight_norms, label, np.arange(1, len(log10_weight_norms) + 1))


def clipping_frame(log10_weight_norms: np.ndarray, clipped: np.ndarray | None,
                   labels: tuple[str, str]) -> pd.DataFrame:
    """Rows before clipping and, when ``clipped`` is given, after it (``labels`` in order)."""
    frames = [weight_profile(log10_weight_norms, labels[0])]
    if clipped is not None:
        frames.append(weight_profile(clipped, labels[1]))
    return pd.concat(frames, ignore_index=True)


def depth_frame(growth: dict[str, np.ndarray], labels: tuple[str, str]) -> pd.DataFrame:
    """Median and band of the total growth per depth of DEPTH_CURVE, plain then residual."""
    return pd.concat([profile_frame(growth[kind], label, np.array(DEPTH_CURVE)).rename(
        columns={"layer": "depth"}) for kind, label in zip(CURVE_KINDS, labels, strict=True)],
        ignore_index=True)


def phase_frame(gains: np.ndarray, depths: np.ndarray, growth: np.ndarray) -> pd.DataFrame:
    """Tidy cells of the (gain, depth) grid with their edges, exact and colour-clamped growth.

    ``stable`` marks |growth| <= STABLE_DECADES; ``outline`` is the same as a 0/1 opacity.
    """
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
    stable = np.abs(exact) <= STABLE_DECADES
    return pd.DataFrame({
        "gain": gains[gi], "depth": depths[di],
        "g0": g_edges[gi], "g1": g_edges[gi + 1], "d0": d_edges[di], "d1": d_edges[di + 1],
        "growth": exact, "shown": np.clip(exact, -CLAMP_DECADES, CLAMP_DECADES),
        "stable": stable, "outline": stable.astype(float),
    })


def setting_mark(gain: float, depth: int, label: str) -> pd.DataFrame:
    """The one (gain, depth) point a phase diagram rings: the network's own setting."""
    return pd.DataFrame({"gain": [gain], "depth": [depth], "label": [label]})


def depth_mark(depth: int) -> pd.DataFrame:
    """The one depth a growth-against-depth chart marks: the network's own."""
    return pd.DataFrame({"depth": [depth]})


def band_percent() -> dict[str, str]:
    """The band's quantiles as percentages for captions: {"low": "10", "high": "90"}."""
    return {"low": percent_number(BAND_QUANTILES[0], None),
            "high": percent_number(BAND_QUANTILES[1], None)}
