"""core.scenes: each number a workshop scene quotes, against a closed form or a statistic."""

import math

import numpy as np
import pytest

from core import remedies, scenes

CHAIN = {"depth": 100, "width": 128, "act": "relu", "init": "he", "gain": 1.5}
COLUMN = {"act": "relu", "init": "he", "gain": 1.5, "depth": 20, "good": False, "bn": False,
          "res": False, "clip": False}
EXPLOSION = {"width": 64, "max_norm": 1.0, "seed": 0,
             **{f"{side}_{key}": value for side in scenes.SIDES for key, value in COLUMN.items()}}


def relu_he_decades(depth: int, width: int, gain: float) -> float:
    """Expected growth of a ReLU/He network: L log10 g, less the finite-width drift
    5/4 L / (n ln 10) of the log of a product of random factors."""
    return depth * math.log10(gain) - 1.25 * depth / (width * math.log(10))


def test_chain_rule_relu_he_grows_by_a_factor_gain_squared_per_layer():
    numbers = scenes.chain_rule_numbers(CHAIN)
    assert numbers["nvar"] == pytest.approx(2 * 1.5**2)  # n Var[w] = n * 2 g^2 / n
    assert numbers["factor"] == pytest.approx(1.5**2)  # times E[relu'^2] = 1/2
    assert numbers["decades"] == pytest.approx(relu_he_decades(100, 128, 1.5))


def test_chain_rule_sigmoid_quotes_the_bound_from_the_slope_at_zero():
    numbers = scenes.chain_rule_numbers({**CHAIN, "act": "sigmoid", "init": "xavier",
                                         "gain": 1.0, "depth": 30})
    assert numbers["nvar"] == pytest.approx(1.0)  # Xavier, equal widths: n * 2 / 2n
    assert numbers["bound"] == pytest.approx(1 / 16)  # sigma'(0) = 1/4
    assert numbers["decades"] == pytest.approx(30 * math.log10(4))  # (1/16)^(L/2)
    assert "factor" not in numbers


def test_explosion_column_grows_as_theory_says_and_shifts_only_when_clipping():
    plain = scenes.explosion_column(EXPLOSION, "l")
    assert plain["growth"] == pytest.approx(relu_he_decades(20, 64, 1.5), abs=0.5)  # simulated
    assert plain["shift"] == 0
    clipped = scenes.explosion_column(EXPLOSION, "l", clip=True)
    assert clipped["shift"] > 0 and clipped["growth"] == pytest.approx(plain["growth"])
    deeper = scenes.explosion_column(EXPLOSION, "l", depth=40)
    assert deeper["growth"] == pytest.approx(relu_he_decades(40, 64, 1.5), abs=0.5)


def test_explosion_column_shift_is_what_clipping_takes_off_every_layer_of_a_clipped_run():
    run = remedies.simulate_remedies("relu", "he", 1.5, 20, 64, remedies.Remedies(clip=1.0),
                                     remedies.SAMPLES, remedies.BATCH, 0)
    removed = run["weight"] - run["clipped"]  # decades, one value per network in every layer
    np.testing.assert_allclose(removed, removed[:1].repeat(20, axis=0))
    shift = scenes.explosion_column({**EXPLOSION, "l_clip": True}, "l")["shift"]
    assert shift == pytest.approx(float(np.median(removed[0])), abs=1e-12)


def test_explosion_numbers_name_both_columns_and_the_deepest_right_column():
    numbers = scenes.explosion_numbers(EXPLOSION, EXPLOSION)
    assert numbers["left"] == numbers["before"] == scenes.explosion_column(EXPLOSION, "l")["growth"]
    assert numbers["deep"] == 100
    assert numbers["deep_right"] == pytest.approx(relu_he_decades(100, 64, 1.5), abs=0.5)


@pytest.mark.parametrize(("mag", "ang", "thr", "angle"), [
    (4.0, 75, 1.0, 30.0),  # both components clipped to 1: the vector turns to 45 degrees
    (3.0, 0, 1.0, 0.0),  # along an axis, clipping by value keeps the direction
    (0.5, 30, 1.0, 0.0),  # inside the box: nothing is clipped
])
def test_value_clipping_angle_by_hand(mag, ang, thr, angle):
    assert scenes.value_clipping_angle({"mag": mag, "ang": ang, "thr": thr}) == pytest.approx(
        angle, abs=1e-6)


def test_share_pinned_is_the_gaussian_tail_beyond_c():
    p = {"width": 128, "depth": 50, "gain": 1.2, "seed": 0, "c": 0.1}
    std = 1.2 * math.sqrt(2 / 128)
    assert scenes.share_pinned(p) == pytest.approx(math.erfc(0.1 / (std * math.sqrt(2))),
                                                    abs=0.01)
    assert scenes.share_pinned({**p, "c": 10.0}) == 0


@pytest.mark.parametrize(("lam", "eta"), [(4.0, 0.1), (4.0, 0.4), (4.0, 0.6)])
def test_descent_numbers_follow_x_k_equal_x0_times_the_factor_to_the_k(lam, eta):
    p = {"lam": lam, "eta": eta, "x0": 1.5, "k": 7, "eta0": 3.0, "end": 0.05}
    numbers = scenes.descent_numbers(p)
    factor = 1 - eta * lam
    assert numbers["factor"] == pytest.approx(factor) and numbers["size"] == abs(numbers["factor"])
    assert numbers["xk"] == pytest.approx(1.5 * factor**7)
    assert numbers["last"] == pytest.approx(0.15)
