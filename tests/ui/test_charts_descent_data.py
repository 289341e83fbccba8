"""The gradient-descent page's schedule table: exact cells from hand-made runs."""

import math

import numpy as np

from core.descent import ScheduleRun
from ui.charts.descent_data import schedule_table

RUNS = {  # on f(x) = x^2/2, 2/lambda = 2: rates of 3 grow |x|, rates below 2 shrink it
    "constant": ScheduleRun(np.full(3, 3.0), np.log10([1.0, 2.0, 4.0, 8.0]), None),
    "step": ScheduleRun(np.array([3.0, 1.5, 1.0]),
                        np.array([0.0, math.log10(2), math.log10(0.5), -math.inf]), None),
}
NAMES = {"constant": "Const", "step": "Step"}


def test_schedule_table_writes_each_schedules_course():
    table = schedule_table(RUNS, ["constant", "step"], NAMES, 1.0, "en")
    assert table.to_dict("records") == [
        {"schedule": "Const", "η_k < 2/λ from step": "—",  # never below 2/lambda
         "largest |x_k| (step)": "8.000e+0 (3)", "final |x_k|": "8.000e+0"},
        {"schedule": "Step", "η_k < 2/λ from step": "1",
         "largest |x_k| (step)": "2.000e+0 (1)", "final |x_k|": "0"}]  # an exact zero


def test_schedule_table_threshold_follows_the_curvature():
    # at lambda = 0.5, 2/lambda = 4: the constant rate 3 is already below it at step 0
    table = schedule_table(RUNS, ["constant"], NAMES, 0.5, "zh")
    assert list(table.columns) == ["调度", "η_k < 2/λ 的起始步", "最大 |x_k|（步）", "最终 |x_k|"]
    assert table.iloc[0, 1] == "0"
