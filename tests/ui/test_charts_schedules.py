"""Frames and chart builders of the learning-rate schedules, without Streamlit."""

import json
import math

import numpy as np
import pandas as pd
import pytest

from core.floats import FLOAT64_MAX_LOG10
from tests.ui.test_charts_descent import spec
from ui.charts import schedules as charts
from ui.charts.common import check_datasets


def schedule_log():
    return charts.schedule_log_template(series_keys=("constant",), series_labels=("constant",),
                                        x_title="k", y_title="y", series_title="s", title="t")


def test_float64_rule_is_a_row_shown_only_when_reached():
    low = charts.float64_frame(10.0, "float64 max")
    high = charts.float64_frame(477.0, "float64 max")
    assert low["show"].tolist() == [0.0] and low["y"].tolist() == [10.0]  # hidden, in view
    assert high["show"].tolist() == [1.0] and high["y"].tolist() == [FLOAT64_MAX_LOG10]
    assert "float64 max" not in json.dumps(spec(schedule_log()))
    frame = pd.DataFrame({"step": [0, 1], "series": "constant", "log10_abs": [0.0, 477.0]})
    check_datasets(schedule_log(), {"log": frame, "limits": high})
    assert math.isclose(FLOAT64_MAX_LOG10, 308.2547, abs_tol=1e-3)


def test_schedule_lr_template_draws_the_threshold_and_one_colour_per_schedule():
    template = charts.schedule_lr_template(threshold=2.0, threshold_label="2/λ",
                                           series_keys=("constant", "exponential"),
                                           series_labels=("c", "e"), x_title="k", y_title="lr",
                                           series_title="s", title="t")
    d = spec(template)
    colour = next(layer["encoding"]["color"] for layer in d["layer"]
                  if "color" in layer.get("encoding", {}))
    assert colour["scale"]["range"] == [charts.SCHEDULE_COLORS["constant"],
                                        charts.SCHEDULE_COLORS["exponential"]]
    assert "2/λ" in json.dumps(d, ensure_ascii=False)
    band = charts.band_frame(2.0, 3.0)
    assert band["y"].tolist() == [2.0] and band["y2"].tolist() == [pytest.approx(3.15)]
    frame = pd.DataFrame({"step": [0, 1, 0, 1], "series": ["c", "c", "e", "e"],
                          "lr": [3.0, 3.0, 3.0, 1.0]})
    check_datasets(template, {"lr": frame, "band": band})


def test_thin_keeps_at_most_max_points_and_always_the_last_step():
    assert charts.thin(60).tolist() == list(range(60))
    assert charts.thin(400).tolist() == list(range(400))
    rows = charts.thin(1001)
    assert len(rows) <= charts.MAX_POINTS + 1 and rows[0] == 0 and rows[-1] == 1000
    assert set(np.diff(rows[:-1])) == {3}  # ceil(1001 / 400)


def test_thinned_points_says_how_many_iterates_are_drawn_when_thinned():
    assert charts.thinned_points(60) is None and charts.thinned_points(400) is None
    assert charts.thinned_points(1000) == len(charts.thin(1001)) < 1001
    assert charts.thinned_points(401) == len(charts.thin(402))


def test_rate_and_log_data_thin_every_series_at_the_same_steps():
    rates = {"c": np.full(1000, 3.0), "e": 3.0 * 0.99 ** np.arange(1000)}
    logs = {"c": np.arange(1001) * math.log10(2.0), "e": np.linspace(0, -5, 1001)}
    lr = charts.rate_data(rates, 2.0)
    assert set(lr["lr"].groupby("series")["step"].apply(tuple)) == {tuple(charts.thin(1000))}
    assert lr["band"]["y2"].tolist() == [pytest.approx(3.15)]
    log = charts.log_data(logs, "float64 max")
    assert log["log"]["step"].max() == 1000 and log["limits"]["show"].tolist() == [0.0]
    far = charts.log_data({"c": np.arange(1001) * math.log10(3.0)}, "float64 max")
    assert far["limits"]["show"].tolist() == [1.0]  # 3^1000 = 1e477
    short = charts.rate_data({"c": np.array([1.0, 0.5])}, 2.0)
    assert short["lr"]["step"].tolist() == [0, 1]
