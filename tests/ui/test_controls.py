"""URL parameter parsing and clamping."""

import math

from hypothesis import given
from hypothesis import strategies as st

from ui.controls import parse_number, snap


def test_parse_number_rejects_what_is_not_a_finite_number():
    for raw in ("abc", "", "nan", "inf", "-inf", "1e999", "<script>", "1,5"):
        assert parse_number(raw, integer=False) is None, raw
    assert parse_number("12.7", integer=True) == 12
    assert parse_number("-1", integer=False) == -1.0
    assert parse_number("1e3", integer=True) == 1000


@given(st.floats(-1e12, 1e12), st.integers(0, 50), st.integers(1, 100), st.integers(1, 20))
def test_snap_lands_on_the_grid_inside_the_range(value, low, span, step):
    high = low + span * step
    snapped = snap(value, low, high, step)
    assert low <= snapped <= high
    assert math.isclose((snapped - low) / step, round((snapped - low) / step), abs_tol=1e-9)


def test_snap_clamps_to_the_nearest_end():
    assert snap(100000, 1, 200, 1) == 200
    assert snap(-1, 0.25, 4.0, 0.05) == 0.25
    assert snap(1.234, 0.25, 4.0, 0.05) == 1.25
