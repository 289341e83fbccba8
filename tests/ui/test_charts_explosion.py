"""Chart builders of the "Explosion vs vanishing" page, without Streamlit."""

import json

import numpy as np
import pandas as pd
import pytest

from ui.charts.common import COLORS
from ui.charts.explosion import (
    CLAMP_DECADES,
    phase_chart,
    phase_frame,
    profile_chart,
    shared_y_domain,
    weights_chart,
)
from ui.frames import profile_frame


def frame(values, label="A"):
    return profile_frame(np.asarray(values, dtype=float)[:, None] + np.zeros((1, 4)), label)


def spec(chart) -> dict:
    return chart.to_dict()


def test_shared_y_domain_holds_both_frames_and_zero():
    low, high = shared_y_domain([frame([-19.0, -3.0, 0.0]), frame([5.2, 1.0, 0.0])])
    assert low <= -19.5 and high >= 5.7
    assert float(low).is_integer() and float(high).is_integer()
    assert shared_y_domain([frame([3.0, 4.0])], include_zero=False)[0] == 2


def test_profile_charts_share_the_given_y_domain_and_regime_colour():
    domain = (-20, 6)
    charts = [profile_chart(frame([-19.0, 0.0], "A (vanishing)"), regime="vanishing",
                            y_domain=domain, x_title="layer", y_title="ratio",
                            series_title="net", title="A"),
              profile_chart(frame([5.0, 0.0], "B (exploding)"), regime="exploding",
                            y_domain=domain, x_title="layer", y_title="ratio",
                            series_title="net", title="B")]
    for chart, regime in zip(charts, ("vanishing", "exploding"), strict=True):
        text = json.dumps(spec(chart))
        assert '"domain": [-20, 6]' in text
        assert COLORS[regime] in text


def test_weights_chart_draws_both_series():
    data = pd.concat([frame([3.0, 3.1], "before"), frame([-1.0, -0.9], "after")])
    text = json.dumps(spec(weights_chart(
        data, keys=["unclipped", "clipped"], labels=["before", "after"], y_domain=(-2, 4),
        x_title="l", y_title="norm", series_title="g", title="t")))
    assert COLORS["unclipped"] in text and COLORS["clipped"] in text


def test_phase_frame_edges_tile_the_grid_and_clamp_the_colour():
    gains = 2.0 ** (np.arange(-8, 9) / 4)
    depths = np.array([1, 5, 10, 100])
    growth = np.outer(np.log10(gains), depths) * 2
    cells = phase_frame(gains, depths, growth)
    assert len(cells) == gains.size * depths.size
    assert np.all((cells.g0 < cells.gain) & (cells.gain < cells.g1))
    assert np.all((cells.d0 < cells.depth) & (cells.depth < cells.d1))
    assert cells.g0.min() > 0 and cells.d0.min() > 0
    np.testing.assert_allclose(np.sort(cells.g1.unique())[:-1], np.sort(cells.g0.unique())[1:])
    assert cells.shown.max() == CLAMP_DECADES and cells.shown.min() == -CLAMP_DECADES
    assert cells.growth.max() > CLAMP_DECADES  # the exact value stays for the tooltip
    assert cells[np.isclose(cells.gain, 1.0)].stable.all()


def test_phase_chart_is_diverging_at_zero_and_marks_the_setting():
    gains = 2.0 ** (np.arange(-4, 5) / 4)
    depths = np.array([1, 10, 20])
    cells = phase_frame(gains, depths, np.outer(np.log10(gains), depths))
    marks = pd.DataFrame({"gain": [1.5], "depth": [10], "label": ["A"]})
    text = json.dumps(spec(phase_chart(cells, marks, x_title="gain", y_title="depth",
                                       colour_title="growth", value_title="g", title="t")))
    assert f'"domain": [{-CLAMP_DECADES}, 0, {CLAMP_DECADES}]' in text
    assert COLORS["vanishing"] in text and COLORS["exploding"] in text
    assert COLORS["stable"] in text and '"type": "log"' in text


def test_phase_chart_refuses_non_finite_cells():
    gains, depths = np.array([0.5, 1.0]), np.array([1, 2])
    cells = phase_frame(gains, depths, np.array([[np.inf, 0.0], [0.0, 0.0]]))
    marks = pd.DataFrame({"gain": [1.0], "depth": [1], "label": ["A"]})
    with pytest.raises(ValueError):
        phase_chart(cells, marks, x_title="", y_title="", colour_title="", value_title="",
                    title="")
