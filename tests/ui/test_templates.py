"""Chart templates: one spec per set of arguments, built once, data only in named datasets."""

import pandas as pd
import pytest

from ui.charts.common import (
    PRESENTER_HEIGHT,
    check_datasets,
    log_scale_fields,
    template_spec,
)
from ui.charts.layers import profile_template
from ui.frames import decade_extent, float32_limits


def profile(**changes):
    kwargs = {"x_title": "layer", "y_title": "norm", "series_title": "series",
              "series_keys": ("simulated",), "series_labels": ("median",), "float32": True,
              "theory_label": "theory"} | changes
    return profile_template(**kwargs)


def test_equal_arguments_give_equal_templates_and_one_cached_spec():
    assert profile() == profile()
    assert hash(profile()) == hash(profile())
    first, second = template_spec(profile()), template_spec(profile())
    assert first == second and first is not second  # a fresh copy: callers may add datasets
    first["datasets"] = {"profile": []}
    assert "datasets" not in template_spec(profile())


def test_presenter_mode_is_a_taller_spec_of_the_same_chart():
    normal, big = template_spec(profile()), template_spec(profile(), presenter=True)
    assert big["height"] == PRESENTER_HEIGHT and normal["height"] < PRESENTER_HEIGHT


def test_a_structural_argument_changes_the_layers():
    with_theory = template_spec(profile())
    without = template_spec(profile(theory_label=None, float32=False))
    assert len(with_theory["layer"]) == len(without["layer"]) + 3
    profile(theory_label=None).chart().to_dict()  # valid Vega-Lite


def test_list_arguments_are_refused_so_templates_stay_hashable():
    with pytest.raises(TypeError):
        template_spec(profile(series_keys=["simulated"]))


def test_log_scale_fields_are_found_in_nested_layers():
    spec = {"layer": [{"encoding": {"y": {"field": "value", "scale": {"type": "log"}},
                                    "x": {"field": "step"}}},
                      {"layer": [{"encoding": {"x": {"field": "norm",
                                                     "scale": {"type": "log"}}}}]}]}
    assert log_scale_fields(spec) == {"value", "norm"}


def test_check_datasets_refuses_non_finite_numbers_and_ignores_text():
    good = {"profile": pd.DataFrame({"layer": [0, 1], "series": ["a", "a"], "median": [0.0, 1.0],
                                     "low": [-1.0, 0.0], "high": [1.0, 2.0]})}
    check_datasets(profile(), good)
    bad = {"profile": good["profile"].assign(high=[1.0, float("inf")])}
    with pytest.raises(ValueError, match="profile"):
        check_datasets(profile(), bad)


def test_decade_extent_and_float32_limits():
    extent = decade_extent(pd.Series([-0.4, 2.2]), [float("-inf"), 37.6])
    assert list(extent["y"]) == [-1, 38]
    limits = float32_limits(extent, "overflow", "underflow")
    assert list(limits["label"]) == ["overflow"]  # 38.53 is within a decade of 38
    assert list(limits["show"]) == [1.0]
    hidden = float32_limits(decade_extent([0.0, 36.9]), "o", "u")  # 38.53 > 37 + 1
    assert list(hidden["show"]) == [0.0] and list(hidden["y"]) == [0.0]  # on the axis' extent
    assert list(decade_extent([float("nan")])["y"]) == [-1.0, 1.0]
