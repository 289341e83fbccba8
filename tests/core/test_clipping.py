"""Tests for core.clipping: hand-computed oracles (GUIDE 1), properties, and PyTorch if present."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core.clipping import (
    ANGLE_KEPT,
    SHORTENED,
    angle_degrees,
    clip_2d,
    clip_2d_measures,
    clip_grad_norm,
    clip_grad_value,
    clip_weights,
    compare_to_original,
    cosine_similarity,
    fraction_changed,
    global_norm,
    norm_clip_shortened,
    polar_vector,
    value_clip_outcome,
)

INF, NAN = float("inf"), float("nan")


def pair():
    return [np.array([3.0, 4.0]), np.array([12.0])]


# ---------------------------------------------------------------- oracles


def test_clip_grad_norm_guide_example():
    clipped, total = clip_grad_norm(pair(), 1.0)
    assert total == 13.0
    np.testing.assert_allclose(clipped[0], [0.230769, 0.307692], atol=1e-6)
    np.testing.assert_allclose(clipped[1], [0.923077], atol=1e-6)
    np.testing.assert_allclose(
        np.concatenate(clipped), np.array([3, 4, 12]) / (13 + 1e-6), rtol=1e-15
    )


def test_below_threshold_unchanged():
    clipped, total = clip_grad_norm(pair(), 100.0)
    assert total == 13.0
    for a, b in zip(clipped, pair(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_inf_norm_type():
    clipped, total = clip_grad_norm([np.array([3.0, -4.0]), np.array([12.0])], 1.0, norm_type=INF)
    assert total == 12.0
    np.testing.assert_allclose(np.concatenate(clipped), np.array([3, -4, 12]) / (12 + 1e-6))


def test_norm_type_1():
    clipped, total = clip_grad_norm([np.array([3.0, -4.0]), np.array([12.0])], 1.0, norm_type=1)
    assert total == 19.0
    np.testing.assert_allclose(np.concatenate(clipped), [3 / 19, -4 / 19, 12 / 19], atol=1e-6)


def test_error_if_nonfinite_raises():
    with pytest.raises(ValueError, match="non-finite"):
        clip_grad_norm([np.array([INF, 1.0])], 1.0, error_if_nonfinite=True)
    with pytest.raises(ValueError, match="non-finite"):
        clip_grad_norm([np.array([NAN, 1.0])], 1.0, error_if_nonfinite=True)


def test_nonfinite_like_torch():
    clipped, total = clip_grad_norm([np.array([INF, 4.0]), np.array([12.0])], 1.0)
    assert total == INF
    assert math.isnan(clipped[0][0]) and clipped[0][1] == 0.0 and clipped[1][0] == 0.0
    clipped, total = clip_grad_norm([np.array([NAN, 4.0])], 1.0)
    assert math.isnan(total) and np.all(np.isnan(clipped[0]))


def test_huge_gradients_do_not_overflow():
    clipped, total = clip_grad_norm([np.array([3e200, 4e200])], 1.0)
    assert total == pytest.approx(5e200, rel=1e-15)
    np.testing.assert_allclose(clipped[0], [0.6, 0.8], rtol=1e-12)
    assert global_norm([np.array([3e-200]), np.array([4e-200])]) == pytest.approx(5e-200, rel=1e-15)


def test_inputs_not_mutated():
    grads = pair()
    weights = [np.array([-5.0, 0.5, 5.0])]
    clip_grad_norm(grads, 1.0)
    clip_grad_value(grads, 1.0)
    clip_weights(weights, 1.0)
    np.testing.assert_array_equal(grads[0], [3.0, 4.0])
    np.testing.assert_array_equal(grads[1], [12.0])
    np.testing.assert_array_equal(weights[0], [-5.0, 0.5, 5.0])


def test_result_is_a_copy_even_when_unchanged():
    grads = pair()
    clipped, _ = clip_grad_norm(grads, 100.0)
    clipped[0][0] = 99.0
    assert grads[0][0] == 3.0


def test_empty_list():
    assert clip_grad_norm([], 1.0) == ([], 0.0)
    assert global_norm([]) == 0.0
    assert clip_grad_value([], 1.0) == []


def test_single_array_is_one_element_list():
    clipped, total = clip_grad_norm(np.array([3.0, 4.0]), 1.0)
    assert total == 5.0 and len(clipped) == 1
    assert len(clip_grad_value(np.array([[1.0, 2.0]]), 1.0)) == 1


def test_clip_grad_value_and_nan():
    out = clip_grad_value([np.array([5.0, -7.0, NAN, 0.5])], 6.0)[0]
    np.testing.assert_array_equal(out[[0, 1, 3]], [5.0, -6.0, 0.5])
    assert math.isnan(out[2])


def test_clip_weights():
    out = clip_weights([np.array([-0.3, 0.001, 0.2])], 0.01)[0]
    np.testing.assert_array_equal(out, [-0.01, 0.001, 0.01])


def test_measures():
    a = [np.array([1.0, 0.0])]
    assert cosine_similarity(a, [np.array([0.0, 2.0])]) == pytest.approx(0.0, abs=1e-15)
    assert angle_degrees(a, [np.array([1.0, 1.0])]) == pytest.approx(45.0, rel=1e-12)
    assert angle_degrees(a, [np.array([-3.0, 0.0])]) == pytest.approx(180.0, rel=1e-12)
    assert angle_degrees(a, [np.array([1.0, 1e-12])]) == pytest.approx(
        math.degrees(1e-12), rel=1e-6
    )
    assert cosine_similarity([np.array([1e200, 1e200])], [np.array([1.0, 1.0])]) == pytest.approx(
        1.0
    )
    assert (
        fraction_changed([np.array([1.0, 2.0, NAN, 4.0])], [np.array([1.0, 0.0, NAN, 4.0])]) == 0.25
    )
    assert global_norm(pair(), norm_type=1) == 19.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: clip_grad_norm(pair(), -1.0),
        lambda: clip_grad_norm(pair(), NAN),
        lambda: clip_grad_norm(pair(), 1.0, norm_type=0),
        lambda: clip_grad_norm(pair(), 1.0, norm_type=NAN),
        lambda: clip_grad_norm("abc", 1.0),
        lambda: clip_grad_norm([np.array(["a"])], 1.0),
        lambda: clip_grad_norm([np.array([1j])], 1.0),
        lambda: clip_grad_value(pair(), -0.5),
        lambda: clip_weights(pair(), NAN),
        lambda: cosine_similarity(pair(), [np.array([1.0, 2.0])]),
        lambda: cosine_similarity([np.zeros(2)], [np.ones(2)]),
        lambda: cosine_similarity([np.array([INF, 1.0])], [np.ones(2)]),
        lambda: angle_degrees(pair(), [np.ones(2), np.ones(2)]),
        lambda: fraction_changed([], []),
        lambda: fraction_changed(pair(), [np.ones(2)]),
    ],
)
def test_bad_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


# ---------------------------------------------------------------- properties

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
arrays = hnp.arrays(
    np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5), elements=finite
)
grad_lists = st.lists(arrays, min_size=1, max_size=4)
thresholds = st.floats(1e-3, 1e3)


@settings(max_examples=200, deadline=None)
@given(grad_lists, thresholds)
def test_norm_clipping_bounds_norm_keeps_direction(grads, max_norm):
    clipped, total = clip_grad_norm(grads, max_norm)
    after = global_norm(clipped)
    assert after <= max_norm * (1 + 1e-6)
    assert after <= total * (1 + 1e-12)
    if total > 0:
        assert cosine_similarity(grads, clipped) == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(grad_lists, thresholds)
def test_value_clipping_bounds_and_idempotent(grads, v):
    once = clip_grad_value(grads, v)
    assert all(np.all(np.abs(a) <= v) for a in once)
    for a, b in zip(once, clip_grad_value(once, v), strict=True):
        np.testing.assert_array_equal(a, b)


@settings(max_examples=200, deadline=None)
@given(grad_lists, thresholds)
def test_clip_weights_bounds(weights, c):
    assert all(np.all(np.abs(w) <= c) for w in clip_weights(weights, c))


# ---------------------------------------------------------------- PyTorch as reference


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0, INF])
def test_matches_torch(norm_type):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    for _ in range(20):
        grads = [rng.normal(scale=rng.uniform(0.1, 10), size=rng.integers(1, 6)) for _ in range(3)]
        params = []
        for g in grads:
            p = torch.nn.Parameter(torch.zeros(len(g), dtype=torch.float64))
            p.grad = torch.tensor(g, dtype=torch.float64)
            params.append(p)
        max_norm = float(rng.uniform(0.1, 20))
        ref = float(torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=norm_type))
        clipped, total = clip_grad_norm(grads, max_norm, norm_type=norm_type)
        assert total == pytest.approx(ref, rel=1e-12)
        for ours, p in zip(clipped, params, strict=True):
            np.testing.assert_allclose(ours, p.grad.numpy(), rtol=1e-12)


# ---------------------------------------------------------------- geometry: one 2-D vector


def test_polar_vector():
    np.testing.assert_allclose(polar_vector(2.0, 90.0), [0.0, 2.0], atol=1e-15)
    np.testing.assert_allclose(polar_vector(math.sqrt(2), 45.0), [1.0, 1.0], rtol=1e-15)


def test_clip_2d_hand_example():
    """g = (3, 1), t = 1: the box gives (1, 1) (45 deg), the circle (3, 1) / sqrt(10)."""
    out = clip_2d(np.array([3.0, 1.0]), 1.0)
    np.testing.assert_array_equal(out["value"], [1.0, 1.0])
    np.testing.assert_allclose(out["norm"], np.array([3.0, 1.0]) / (math.sqrt(10) + 1e-6))
    value = compare_to_original(out["none"], out["value"])
    assert value["angle"] == pytest.approx(45.0 - math.degrees(math.atan(1 / 3)), abs=1e-12)
    assert value["cosine"] == pytest.approx(4 / math.sqrt(20), rel=1e-15)
    norm = compare_to_original(out["none"], out["norm"])
    assert norm["cosine"] == pytest.approx(1.0, abs=3e-16) and norm["angle"] < 1e-12
    assert norm["norm"] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("angle", [0.0, 45.0, 90.0, 135.0, 180.0, -90.0])
def test_value_clipping_keeps_axis_and_diagonal_directions(angle):
    out = clip_2d(polar_vector(5.0, angle), 1.0)
    assert compare_to_original(out["none"], out["value"])["angle"] < 1e-6


@settings(max_examples=200, deadline=None)
@given(st.floats(0.01, 100), st.floats(-180, 180), st.floats(0.01, 10))
def test_norm_clip_keeps_direction_and_value_clip_stays_in_box(mag, angle, t):
    out = clip_2d(polar_vector(mag, angle), t)
    assert compare_to_original(out["none"], out["norm"])["angle"] < 1e-6
    assert np.linalg.norm(out["norm"]) <= t * (1 + 1e-12) + 1e-12
    assert np.max(np.abs(out["value"])) <= t


def test_clip_2d_measures_hand_example():
    """|g| = 3 at 30 deg, t = 1: the box corner (1, 1) is 15 deg off; the circle keeps 30 deg."""
    rows = {row["method"]: row for row in clip_2d_measures(3.0, 30.0, 1.0)}
    assert list(rows) == ["none", "value", "norm"]
    assert (rows["none"]["x"], rows["none"]["y"]) == pytest.approx(
        (1.5 * math.sqrt(3), 1.5), rel=1e-15)
    assert (rows["value"]["x"], rows["value"]["y"]) == (1.0, 1.0)
    assert rows["value"]["norm"] == pytest.approx(math.sqrt(2), rel=1e-15)
    assert rows["value"]["angle_to_original"] == pytest.approx(15.0, abs=1e-12)
    assert rows["value"]["cosine"] == pytest.approx(math.cos(math.radians(15)), rel=1e-15)
    assert (rows["norm"]["x"], rows["norm"]["y"]) == pytest.approx(
        (math.sqrt(3) / 2 * 3 / (3 + 1e-6), 0.5 * 3 / (3 + 1e-6)), rel=1e-15)
    assert rows["norm"]["norm"] == pytest.approx(3 / (3 + 1e-6), rel=1e-15)
    assert rows["none"]["angle_to_original"] == 0.0 and rows["none"]["cosine"] == 1.0
    assert [rows[m]["changed"] for m in rows] == [0, 2, 2]
    one = {row["method"]: row["changed"] for row in clip_2d_measures(3.0, 10.0, 1.0)}
    assert one == {"none": 0, "value": 1, "norm": 2}  # (2.95, 0.52): only x is above 1


def test_value_clip_outcome():
    assert value_clip_outcome(0, 0.0) == "inside"
    assert value_clip_outcome(2, 0.0) == value_clip_outcome(1, ANGLE_KEPT) == "kept"
    assert value_clip_outcome(1, 2 * ANGLE_KEPT) == "bent_one"
    assert value_clip_outcome(2, 15.0) == "bent_both"


@pytest.mark.parametrize(("magnitude", "angle", "outcome"), [
    (0.5, 30.0, "inside"), (3.0, 45.0, "kept"), (3.0, 90.0, "kept"), (3.0, 10.0, "bent_one"),
    (3.0, 30.0, "bent_both")])
def test_value_clip_outcome_of_2d_vectors(magnitude, angle, outcome):
    value = clip_2d_measures(magnitude, angle, 1.0)[1]
    assert value_clip_outcome(value["changed"], value["angle_to_original"]) == outcome


def test_norm_clip_shortened():
    assert norm_clip_shortened(3.0, 1.0)
    assert not norm_clip_shortened(1.0, 1.0 - SHORTENED / 2)  # the 1e-6 guard, not a clip
    assert not norm_clip_shortened(0.5, 0.5)
    rows = clip_2d_measures(1.0, 30.0, 1.0)  # length = threshold: scaled by 1 / (1 + 1e-6)
    assert rows[2]["norm"] < rows[0]["norm"] and not norm_clip_shortened(rows[0]["norm"],
                                                                          rows[2]["norm"])
