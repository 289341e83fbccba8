"""The weight-clipping page's chart datasets, shaped from core.weight_bounds' summaries.

The templates in ui/charts/weight_clipping.py and ui/charts/layers.py read these frames as
named datasets.
"""

import numpy as np
import pandas as pd

from core.weight_bounds import log10_cap
from ui.charts.common import finite_rows
from ui.charts.weight_clipping import bound_frame, histogram_frames
from ui.frames import decade_extent, float32_limits, shown_rows


def histogram_shares(stats: dict, clipped: bool) -> dict:
    """Shares (%) for ``histogram_frames`` from ``core.weight_clipping.clip_stats``: every
    weight before clipping, or, clipped, those strictly inside (-c, c) and those at -c, +c."""
    if not clipped:
        return {"inside": 100 * stats["before"]}
    return {"inside": 100 * stats["inside"],
            "atoms": (100 * stats["at_low"], 100 * stats["at_high"])}


def histogram_data(edges: np.ndarray, series: dict[str, dict], c: float, bound_label: str
                   ) -> dict[str, pd.DataFrame]:
    """The histogram's datasets (bins, atoms, bounds) from {label: shares}."""
    bins, atoms = histogram_frames(edges, series, c)
    return {"bins": bins, "atoms": atoms, "bounds": bound_frame(c, bound_label)}


def gradient_data(profiles: dict[str, pd.DataFrame], bound: float, depth: int,
                  float32_labels: tuple[str, str]) -> dict[str, pd.DataFrame]:
    """The gradient-ratio chart's datasets: each profile frame (``ui.frames.profile_frame``)
    under its label, the cap bound^(L-l) as the theory line, the axis extent, float32 limits."""
    profile = pd.concat([frame.assign(series=label) for label, frame in profiles.items()],
                        ignore_index=True)
    cap = pd.DataFrame({"layer": np.arange(depth + 1), "value": log10_cap(bound, depth)})
    extent = decade_extent(profile["low"], profile["high"], cap["value"])
    return {"profile": profile, "extent": extent, "theory": shown_rows(cap, {}),
            "limits": float32_limits(extent, *float32_labels)}


def loss_curves(runs: list[dict], labels: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    """(the loss curves' rows with a finite loss > 0, how many rows were left out)."""
    curves = pd.concat([pd.DataFrame({"step": run["steps"], "loss": run["loss"],
                                      "series": label})
                        for run, label in zip(runs, labels, strict=True)], ignore_index=True)
    return finite_rows(curves, ["step", "loss"], positive=("loss",))
