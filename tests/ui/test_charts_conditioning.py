"""Frames and chart builders of gradient descent on two curvatures, without Streamlit."""

import numpy as np
import pytest

from core.descent import gd_quadratic
from tests.ui.test_charts_descent import dataset_names, spec
from ui.charts import conditioning as charts
from ui.charts.common import check_datasets


def test_contour_frame_points_lie_on_their_level_set():
    frame = charts.contour_frame(10.0, 1.0, [0.5, 2.0])
    f = 0.5 * (10.0 * frame["x1"] ** 2 + frame["x2"] ** 2)
    np.testing.assert_allclose(f, frame["level"], rtol=1e-12)


def test_path_frame_stops_before_the_first_point_outside():
    path = np.array([[0.5, 1.0], [-1.0, 0.9], [2.0, 0.8], [-0.1, 0.7], [np.inf, 0.6]])
    frame, cut = charts.path_frame(path, "s", bound=1.5)
    assert frame["step"].tolist() == [0, 1] and cut == 3
    frame, cut = charts.path_frame(np.array([[0.5, 1.0], [np.nan, 0.0]]), "s", bound=1.5)
    assert len(frame) == 1 and cut == 1


def test_contour_template_has_equal_aspect():
    d = spec(charts.contour_template(half_width=1.2, series_keys=("current", "optimal"),
                                     series_labels=("cur", "opt"), x_title="x1", y_title="x2",
                                     series_title="s", step_title="k", title="t", size=300))
    assert d["width"] == d["height"] == 300
    assert d["autosize"]["type"] == "pad"
    scales = [layer["encoding"][axis]["scale"]["domain"] for layer in d["layer"][:3]
              for axis in ("x", "y")]
    assert all(domain == [-1.2, 1.2] for domain in scales)
    assert dataset_names(d) >= {"rings", "paths"}


def test_contour_data_rings_around_the_start_and_the_longest_cut():
    start = (0.5, 1.0)
    paths = {"a": gd_quadratic([10.0, 1.0], start, 0.1, 20),
             "b": gd_quadratic([10.0, 1.0], start, 0.22, 20)}  # |1 - 2.2| = 1.2: leaves the view
    data, cut = charts.contour_data(10.0, 1.0, start, paths, half_width=1.15)
    f0 = 0.5 * (10.0 * 0.25 + 1.0)
    assert sorted(set(data["rings"]["level"])) == pytest.approx(
        sorted(f0 * 2.0 ** -k for k in range(-3, 9)))
    _, cut_b = charts.path_frame(paths["b"], "b", 1.15)
    assert cut == cut_b > 0
    assert set(data["paths"]["series"]) == {"a", "b"}
    template = charts.contour_template(half_width=1.15, series_keys=("current", "optimal"),
                                       series_labels=("a", "b"), x_title="x1", y_title="x2",
                                       series_title="s", step_title="k", title="t")
    check_datasets(template, data)
    assert np.isfinite(data["paths"][["x1", "x2"]].to_numpy()).all()
