"""The gradient-descent page's table of learning-rate schedules, shaped from core.descent's runs
(the charts' frames are in ui/charts/descent.py and ui/charts/schedules.py)."""

import pandas as pd

from core.descent import ScheduleRun, first_shrinking_step, peak_step
from ui.format import scientific_from_log10
from ui.i18n import t

NOT_REACHED = "—"  # an em dash: the rate never falls below 2/lambda


def schedule_table(runs: dict[str, ScheduleRun], keys: list[str], names: dict[str, str],
                   curvature: float, lang: str) -> pd.DataFrame:
    """Per schedule: when the rate falls below 2/lambda, the peak of |x| and the final |x|."""
    rows = []
    for k in keys:
        below, logs = first_shrinking_step(runs[k].rates, curvature), runs[k].log10_abs
        peak = peak_step(logs)
        rows.append({t("gd.c.series", lang): names[k],
                     t("gd.c.col_below", lang): NOT_REACHED if below is None else str(below),
                     t("gd.c.col_peak", lang): t(
                         "gd.c.peak_cell", lang, value=scientific_from_log10(logs[peak], 1.0, 3),
                         k=peak),
                     t("gd.c.col_final", lang): scientific_from_log10(logs[-1], 1.0, 3)})
    return pd.DataFrame(rows)
