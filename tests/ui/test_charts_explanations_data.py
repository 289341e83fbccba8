"""The explanations page's chart data helpers: a view's field datasets and the models' colours."""

import numpy as np

from core import saliency_study as X
from ui.charts.common import COLORS
from ui.charts.explanations import (
    arrow_data,
    field_data,
    heat_frame,
    layer_law_frame,
    model_colour_keys,
)


def test_field_data_is_the_heat_cells_and_arrows_of_a_view():
    run = X.trained_run("moons", 2, 8, 1.0, 0.1, 50, None, 0, 0)
    view = X.saliency_view(run, "moons", 0, 0)
    data = field_data(view)
    assert list(data) == ["heat", "arrows"]
    assert data["heat"].equals(heat_frame(view["heat_x"], view["heat_y"], view["heat_p"]))
    assert data["arrows"].equals(arrow_data(view["points"], view["unit"], view["log_norm"],
                                            view["cell"]))
    assert np.isclose(data["heat"]["x2"] - data["heat"]["x"], view["heat_x"][1]
                      - view["heat_x"][0]).all()


def test_model_colours_follow_the_clip_switch_only():
    assert model_colour_keys(False)["studied"] == "exploding"
    assert model_colour_keys(True)["studied"] == "norm"
    assert set(model_colour_keys(True)) == set(X.MODELS)
    assert all(key in COLORS for key in model_colour_keys(True).values())


def test_layer_law_frame_adds_l_minus_layer_decades_to_the_reference_medians_at_gain_10():
    layers = np.array([[0.0, 2.0, 4.0], [1.0, 1.0, -np.inf], [-np.inf, -np.inf, -np.inf]])
    frame = layer_law_frame(layers, 2, 10.0)  # medians 2 and 1 (zeros left out); layer 2 has none
    assert frame["layer"].tolist() == [0, 1]
    assert np.allclose(frame["value"], [2.0 + 2, 1.0 + 1])
