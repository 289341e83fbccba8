"""Turn core's arrays into the small tidy DataFrames the chart builders take."""

import numpy as np
import pandas as pd

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
    low, median, high = np.nanquantile(kept, [BAND_QUANTILES[0], 0.5, BAND_QUANTILES[1]], axis=1)
    return pd.DataFrame({"layer": layers[keep], "series": series, "median": median,
                         "low": low, "high": high})
