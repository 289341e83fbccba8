"""Turn core's arrays into the small tidy DataFrames the chart builders take."""

import math

import numpy as np
import pandas as pd

from core.floats import FLOAT32_MAX_LOG10, FLOAT32_TINY_LOG10

BAND_QUANTILES = (0.1, 0.9)


def profile_frame(log10_values: np.ndarray, series: str, layers: np.ndarray | None = None
                  ) -> pd.DataFrame:
    """Median and 10-90% band per layer of ``log10_values`` shaped (layers, ...samples).

    Entries of ``-inf`` (an exactly zero norm, e.g. every ReLU dead) are left out of the
    statistics; a layer with no finite entry at all is left out of the frame.
    """
    values = np.asarray(log10_values, dtype=float).reshape(len(log10_values), -1)
    values = np.where(np.isfinite(values), values, np.nan)
    keep = ~np.all(np.isnan(values), axis=1)
    layers = np.arange(len(values)) if layers is None else np.asarray(layers)
    kept = values[keep]
    # the same numbers; nanquantile goes row by row in Python, quantile at once
    quantile = np.nanquantile if np.isnan(kept).any() else np.quantile
    low, median, high = quantile(kept, [BAND_QUANTILES[0], 0.5, BAND_QUANTILES[1]], axis=1)
    return pd.DataFrame({"layer": layers[keep], "series": series, "median": median,
                         "low": low, "high": high})


def decade_extent(*values: pd.Series | np.ndarray) -> pd.DataFrame:
    """The whole decades around every finite value (log10), as the ``extent`` of a chart's axis.

    A profile chart holds these two values in view, so its axis always has labelled ticks.
    """
    finite = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values])
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return pd.DataFrame({"y": [-1.0, 1.0]})
    return pd.DataFrame({"y": [math.floor(finite.min()), math.ceil(finite.max())]})


def float32_limits(extent: pd.DataFrame, overflow_label: str, underflow_label: str
                   ) -> pd.DataFrame:
    """Rows (y, label, show) for the float32 limits within a decade of the axis ``extent``.

    With no limit in view it is one hidden row (show 0) on the extent: an empty dataset makes
    Vega warn of an infinite extent, and would leave the chart's layers without data.
    """
    low, high = float(extent["y"].min()) - 1, float(extent["y"].max()) + 1
    rows = [(FLOAT32_MAX_LOG10, overflow_label), (FLOAT32_TINY_LOG10, underflow_label)]
    kept = [(y, label, 1.0) for y, label in rows if low <= y <= high]
    ys, labels, show = zip(*(kept or [(float(extent["y"].min()), "", 0.0)]), strict=True)
    return pd.DataFrame({"y": list(ys), "label": list(labels), "show": list(show)})


def shown_rows(frame: pd.DataFrame, hidden: dict[str, object]) -> pd.DataFrame:
    """``frame`` with a ``show`` column of 1, or, if it is empty, one ``hidden`` row (show 0).

    A chart layer whose data may be absent draws its rows with opacity ``show``, so its
    dataset is never empty and its spec never changes.
    """
    if len(frame):
        return frame.assign(show=1.0)
    return pd.DataFrame([{**hidden, "show": 0.0}]).astype(
        {key: frame.dtypes[key] for key in hidden if key in frame})
