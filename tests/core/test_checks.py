"""Tests for core.checks: shared argument checks return the converted value or name the culprit."""

import math

import numpy as np
import pytest

from core.checks import check_count, check_finite, check_positive


def test_valid_values_come_back_converted():
    assert check_finite(np.float32(0.5), "x") == 0.5 and isinstance(check_finite(1, "x"), float)
    assert check_positive(2, "x") == 2.0
    assert check_count(np.int64(3), "n", minimum=3) == 3 and type(check_count(3, "n")) is int


@pytest.mark.parametrize("check, value, message", [
    (check_finite, True, "must be a number, got a bool"),
    (check_finite, "abc", "must be a number"),
    (check_finite, math.inf, "must be finite"),
    (check_finite, math.nan, "must be finite"),
    (check_positive, 0.0, "must be > 0"),
    (check_positive, -1, "must be > 0"),
    (check_count, 2.5, "must be a whole number"),
    (check_count, True, "must be a whole number"),
    (check_count, -1, "must be >= 0"),
])
def test_invalid_values_raise_naming_the_argument(check, value, message):
    with pytest.raises(ValueError, match=f"^lr {message}"):
        check(value, "lr")
