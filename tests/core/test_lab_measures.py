"""The measures the training lab's sentences are chosen by, against hand-made cases and closed
forms."""

import math

import numpy as np
import pytest

from core.classifier import init_params
from core.lab_measures import (
    activation_spread_log10,
    b_numbers,
    fan_in_mean_square,
    halved_at,
    initial_measures,
    majority_share,
    median_log10_ratio,
    run_numbers,
    silent_from,
    story_clauses,
    story_numbers,
)
from core.optimizers import step_learning_rates
from core.param_measures import clipped_spectral_bound
from core.theory import weight_factor
from core.training import TrainConfig


def test_fan_in_mean_square_is_n_times_the_mean_square():
    weights = [np.full((3, 2), 0.5), np.array([[1.0, -1.0, 3.0]])]
    assert np.allclose(fan_in_mean_square(weights), [2 * 0.25, 3 * 11 / 3])


def test_he_initialisation_gives_about_two_gain_squared():
    config = TrainConfig(depth=6, width=256, gain=1.5)
    weights = init_params(config, 2, 2)[0]
    assert np.allclose(fan_in_mean_square(weights)[1:-1], 2 * 1.5**2, rtol=0.03)


def test_median_log10_ratio_leaves_out_zero_steps():
    norms = np.array([[1e-3, 1.0], [0.0, 1.0], [1e-5, 1e-1], [1e-2, 1.0]])
    assert median_log10_ratio(norms) == pytest.approx(-3.0)  # median of -3, -4, -2
    assert math.isnan(median_log10_ratio(np.zeros((3, 2))))


@pytest.mark.parametrize(("hidden_alive", "expected"), [
    ([True, True, True], None),            # still alive at the last step
    ([True, False, False], 2),             # silent from step 2 on
    ([False, False, False], 1),            # never received any
    ([False, True, False], 3),             # a gradient at step 2, silent from step 3
])
def test_silent_from_is_the_start_of_the_silent_tail(hidden_alive, expected):
    norms = np.ones((3, 3))
    norms[:, :-1] *= np.array(hidden_alive, dtype=float)[:, None]
    assert silent_from(norms) == expected


def test_majority_share_counts_the_larger_predicted_class():
    assert majority_share(np.array([0.1, 0.2, 0.9, 0.3])) == 0.75
    assert majority_share(np.full(5, 0.48)) == 1.0


def test_halved_at_matches_the_inverse_time_closed_form():
    config = TrainConfig(steps=500, lr=1.0, schedule="inverse_time")
    # lr / (1 + 20 j / 500) <= lr / 2 first at j = 25, i.e. the 26th step
    assert halved_at(step_learning_rates(config)) == 26
    assert halved_at(np.ones(10)) is None


def test_activation_spread_of_a_constant_layer_is_minus_infinity():
    params = ([np.zeros((3, 2)), np.ones((2, 3))], [np.zeros(3), np.zeros(2)])
    x = np.array([[0.0, 1.0], [2.0, 3.0]])
    spread = activation_spread_log10(params, x, "relu")
    assert spread[0] == pytest.approx(0.0)  # each input column has std 1
    assert spread[1] == -np.inf


def test_initial_measures_of_a_clipped_residual_network():
    config = TrainConfig(depth=5, width=16, gain=2.0, weight_clip=0.2, residual=True)
    x = np.random.default_rng(0).standard_normal((50, 2))
    measures = initial_measures(config, x)
    assert measures["hidden"] == 4 and measures["skips"] == 3  # every hidden layer but the first
    assert 0 < measures["at_bound"] < 1
    assert np.all(measures["n_var"][1:-1] <= 16 * 0.2**2 + 1e-12)  # |w| <= c caps n E[w^2]
    assert np.all(measures["spectral"] <= 0.2 * 16 + 1e-9)
    assert len(measures["spread"]) == 5


# ---------------------------------------------------------------- the presets' stories


def start(spread=(0.0, -0.5), spectral=(1.0, 2.0, 3.0, 1.0)) -> dict:
    return {"n_var": np.array([1.0, 2.0, 4.0, 1.0]), "spectral": np.array(spectral),
            "at_bound": 0.25, "spread": np.array(spread), "skips": 0, "hidden": 3}


def run_summary(silent=None, majority=0.5) -> dict:
    return {"steps": 10, "clipped": 2, "majority": majority, "grad0": 1.5, "ratio": -0.25,
            "silent": silent, "eval": {"loss": np.array([0.7, 0.1234])},
            "lr": (0.1, 0.05, 6), "first_layer": (0.0123, 0.000456)}


def test_run_numbers_of_one_run():
    numbers = run_numbers(run_summary(), TrainConfig(grad_clip=1.0), start())
    assert numbers["n_var"] == 3.0  # the mean over the width x width layers (2 and 4)
    assert (numbers["spread"], numbers["at_bound"], numbers["thr"], numbers["loss"],
            numbers["half"], numbers["end"], numbers["g1_end"]) == (
        -0.5, 0.25, 1.0, 0.1234, 6, 0.05, 0.000456)
    unrun = {key: value for key, value in run_summary().items() if key != "grad0"}
    assert set(run_numbers(unrun, TrainConfig(), start())) == {
        "steps", "clipped", "spread", "n_var", "at_bound", "skips", "majority", "thr"}


def test_run_numbers_are_none_where_a_run_has_no_such_number():
    shallow = start() | {"n_var": np.array([1.0, 1.0])}  # no width x width layer
    numbers = run_numbers(run_summary() | {"lr": (0.1, 0.1, None)}, TrainConfig(), shallow)
    assert (numbers["n_var"], numbers["thr"], numbers["half"]) == (None, None, None)


def test_b_numbers_give_the_clipped_bound():
    cb = TrainConfig(width=16, weight_clip=0.1, schedule="inverse_time", steps=100)
    numbers = b_numbers(cb, start())
    assert (numbers["spec_lo"], numbers["spec_hi"], numbers["c"]) == (2.0, 3.0, 0.1)
    assert numbers["decay"] == pytest.approx(20.0)  # lr / (1 + 20 t / T)
    assert numbers["bound"] == pytest.approx(0.1 * 16) == clipped_spectral_bound(0.1, (16, 16))
    assert numbers["ncc"] == pytest.approx(16 * 0.01)
    assert "c" not in b_numbers(TrainConfig(), start())


def test_story_numbers_name_both_runs():
    configs = {"A": TrainConfig(), "B": TrainConfig(lr=0.01)}
    numbers = story_numbers({"A": run_summary(), "B": run_summary()}, configs,
                            {"A": start(), "B": start()})
    assert {"depth", "factor", "cap"} <= set(numbers["network"])
    assert set(numbers["runs"]) == {"A", "B"} and "decay" in numbers["b"]
    assert numbers["network"]["n_var"] == weight_factor("he", 1.0, 32, 32)
    assert numbers["network"]["cap"] == pytest.approx(numbers["network"]["n_var"] / 16)
    assert "b" not in story_numbers({"A": run_summary()}, {"A": TrainConfig()},
                                    {"A": start()})


@pytest.mark.parametrize(("preset", "a", "b", "spread", "expected"), [
    ("lr_high", run_summary(silent=3, majority=0.97), {}, (0.0, 0.0),
     ["tl.story.lr_high.silent", "tl.story.lr_high.one_class"]),
    ("lr_high", run_summary(), {}, (0.0, 0.0), []),
    ("lr_decay", run_summary(silent=3), run_summary(), (0.0, 0.0), ["tl.story.lr_decay.silent"]),
    ("vanishing", run_summary(), {}, (0.0, -2.5),
     ["tl.story.vanishing.adam", "tl.story.vanishing.forward"]),
    ("vanishing", run_summary(), {}, (0.0, -1.0), ["tl.story.vanishing.adam"]),
])
def test_story_clauses_follow_the_numbers(preset, a, b, spread, expected):
    runs = {"A": a, **({"B": b} if b else {})}
    configs = {"A": TrainConfig(), "B": TrainConfig()}
    assert story_clauses(preset, runs, configs, {"A": start(spread)}) == expected


def test_weight_clip_story_compares_the_bound_with_the_initial_norms():
    configs = {"A": TrainConfig(), "B": TrainConfig(width=16, weight_clip=0.1)}
    bound = clipped_spectral_bound(0.1, (16, 16))
    loose = story_clauses("weight_clip", {"A": run_summary()}, configs,
                          {"A": start(spectral=(1.0, bound / 2, 1.0))})
    tight = story_clauses("weight_clip", {"A": run_summary()}, configs,
                          {"A": start(spectral=(1.0, bound * 2, 1.0))})
    assert loose[0].endswith("loose") and tight[0].endswith("tight")
