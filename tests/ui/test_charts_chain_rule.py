"""The chain-rule factor chart: log axis, bars from 1, theory ticks, data only in datasets."""

import math

import pandas as pd
import pytest

from ui.charts.chain_rule import FACTOR_PARTS, factor_domain, factor_extent, factor_template
from ui.charts.common import COLORS, check_datasets

LABELS = ("weights", "activation", "product")


def bars(weight=2.0, activation=0.5, total=1.0) -> pd.DataFrame:
    return pd.DataFrame({"part": list(FACTOR_PARTS), "label": list(LABELS),
                         "value": [weight, activation, total]})


def theory(*values) -> pd.DataFrame:
    return pd.DataFrame({"label": list(LABELS[: len(values)]), "value": list(values)})


def chart():
    return factor_template(labels=LABELS, y_title="factor (log scale)", measured_title="measured",
                           theory_title="theory", one_label="x1", title="One layer")


def layer_marks(spec):
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
            for layer in spec["layer"]]


def test_bars_start_at_one_on_a_log_axis_with_the_semantic_colours():
    spec = chart().chart().to_dict()  # validates against the Vega-Lite schema
    bar = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert bar["data"] == {"name": "bars"}
    assert bar["encoding"]["y"]["scale"]["type"] == "log"
    assert bar["encoding"]["y2"] == {"datum": 1.0}
    assert bar["encoding"]["color"]["scale"]["range"] == [
        COLORS["weights"], COLORS["activation"], COLORS["simulated"]]
    assert "tick" in layer_marks(spec) and "One layer" in str(spec["title"])


def test_the_spec_holds_no_data_and_no_domain_from_data():
    spec = chart().chart().to_dict()
    (constant,) = spec["datasets"].values()  # only the x1 reference rule is inline
    assert constant == [{"value": 1.0, "label": "x1"}]
    assert all("domain" not in str(layer["encoding"]["y"].get("scale", {}))
               for layer in spec["layer"])
    names = {layer["data"]["name"] for layer in spec["layer"] if "name" in layer.get("data", {})}
    assert names - set(spec["datasets"]) == {"bars", "theory", "extent"}


def test_the_extent_holds_every_value_and_one():
    low, high = factor_domain([0.5, 32.0, 2.0])
    assert low < 0.5 and high > 32.0
    low, high = factor_domain([4.0, 8.0])
    assert low < 1.0  # the reference rule at x1 stays in view
    assert math.isclose(math.log10(high) - math.log10(8.0), 0.35)
    assert list(factor_extent([4.0, 8.0])["value"]) == pytest.approx([low, high])


@pytest.mark.parametrize("bad", [0.0, -1.0, float("inf"), float("nan")])
def test_unplottable_values_are_refused_not_drawn_blank(bad):
    with pytest.raises(ValueError):
        check_datasets(chart(), {"bars": bars(total=bad), "theory": theory(2.0)})
    with pytest.raises(ValueError):
        check_datasets(chart(), {"bars": bars(), "theory": theory(bad)})
    check_datasets(chart(), {"bars": bars(), "theory": theory(2.0, 0.5, 1.0)})  # fine data pass


def test_factor_data_draws_finite_factors_and_names_the_rest():
    import math

    from ui.charts.chain_rule import factor_data

    labels = {"weight": "W", "activation": "A", "total": "T"}
    data, dropped = factor_data({"weight": math.log10(2.0), "activation": -math.inf,
                                 "total": math.nan}, {"weight": 2.0}, labels)
    assert dropped == ["activation", "total"]  # 10^-inf = 0 and NaN: not on a log axis
    assert list(data["bars"]["value"]) == [pytest.approx(2.0)]
    assert list(data["theory"]["label"]) == ["W"]
    low, high = data["extent"]["value"]
    assert low < 1.0 < 2.0 < high  # 1 (the balance line) and every value in view
