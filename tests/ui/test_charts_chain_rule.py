"""The chain-rule factor chart: log axis, bars from 1, theory ticks, refuses unplottable data."""

import math

import pandas as pd
import pytest

from ui.charts.chain_rule import factor_chart, factor_domain
from ui.charts.common import COLORS


def bars(weight=2.0, activation=0.5, total=1.0) -> pd.DataFrame:
    return pd.DataFrame({"part": ["weight", "activation", "total"],
                         "label": ["weights", "activation", "product"],
                         "value": [weight, activation, total]})


def theory(*values) -> pd.DataFrame:
    labels = ["weights", "activation", "product"][: len(values)]
    return pd.DataFrame({"label": labels, "value": list(values)})


def build(bar_frame, theory_frame):
    return factor_chart(bar_frame, theory_frame, y_title="factor (log scale)",
                        measured_title="measured", theory_title="theory", one_label="x1",
                        title="One layer").to_dict()


def layer_marks(spec):
    return [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
            for layer in spec["layer"]]


def test_bars_start_at_one_on_a_log_axis_with_the_semantic_colours():
    spec = build(bars(), theory(2.0, 0.5, 1.0))
    bar = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert bar["encoding"]["y"]["scale"]["type"] == "log"
    assert bar["encoding"]["y2"] == {"datum": 1.0}
    assert bar["encoding"]["color"]["scale"]["range"] == [
        COLORS["weights"], COLORS["activation"], COLORS["simulated"]]
    assert "tick" in layer_marks(spec) and "One layer" in str(spec["title"])


def test_theory_ticks_are_left_out_when_there_is_no_theory():
    spec = build(bars(activation=0.1), theory(2.0))
    assert "tick" in layer_marks(spec)
    spec = build(bars(), theory().iloc[:0])
    assert "tick" not in layer_marks(spec)


def test_the_domain_holds_every_value_and_one():
    low, high = factor_domain([0.5, 32.0, 2.0])
    assert low < 0.5 and high > 32.0
    low, high = factor_domain([4.0, 8.0])
    assert low < 1.0  # the reference rule at x1 stays in view
    assert math.isclose(math.log10(high) - math.log10(8.0), 0.35)


@pytest.mark.parametrize("bad", [0.0, -1.0, float("inf"), float("nan")])
def test_unplottable_values_are_refused_not_drawn_blank(bad):
    with pytest.raises(ValueError):
        build(bars(total=bad), theory(2.0))
    with pytest.raises(ValueError):
        build(bars(), theory(bad))
