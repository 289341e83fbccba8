"""core.saliency_study: the work budget, the compared models, a view's measures and verdicts."""

import math

import numpy as np
import pytest

from core import saliency_study as X
from core import training
from core.floats import FLOAT32_MAX_LOG10


def view(unit, log_norm=None, sign=None, **extra) -> dict:
    """A minimal saliency view: directions, log10 magnitudes, margin signs, and ``extra``."""
    unit = np.asarray(unit, dtype=float)
    log_norm = np.zeros(len(unit)) if log_norm is None else np.asarray(log_norm, dtype=float)
    sign = np.ones(len(unit)) if sign is None else np.asarray(sign, dtype=float)
    return {"unit": unit, "log_norm": log_norm, "sign": sign, "stability": 1.0, **extra}


ALONG_X = [[1.0, 0.0]] * 4
ALONG_Y = [[0.0, 1.0]] * 4


# ---------------------------------------------------------------- models


@pytest.mark.parametrize(("depth", "width", "steps", "expected"), [
    (4, 32, 400, 400),    # 3300 / (4 * 1.34) = 615 affordable: nothing capped
    (8, 64, 1000, 150),   # 3300 / (8 * 2.37) = 174: down to a multiple of 50
    (8, 64, 100, 100),    # fewer than affordable: kept
    (100, 64, 400, 50),   # never below 50
])
def test_steps_for_caps_work_to_a_multiple_of_50(depth, width, steps, expected):
    assert X.steps_for(depth, width, steps) == expected


def test_seed_pair_is_the_seed_and_the_next():
    assert X.seed_pair(41) == (41, 42)


def test_model_runs_compare_reference_scaled_and_studied_on_two_seeds():
    runs = X.model_runs("moons", 4, 32, 2.0, 0.5, 400, None, 7)
    assert list(runs) == ["reference", "scaled", "studied"]
    assert runs["reference"] == [(("moons", 4, 32, 1.0, 0.1, 400, None, s, 7), 1.0)
                                 for s in (7, 8)]
    assert [scale for _, scale in runs["scaled"]] == [2.0, 2.0]
    assert [args for args, _ in runs["scaled"]] == [args for args, _ in runs["reference"]]
    assert runs["studied"][1] == (("moons", 4, 32, 2.0, 0.5, 400, None, 8, 7), 1.0)


def test_model_runs_add_the_unclipped_twin_only_when_clipping():
    runs = X.model_runs("xor", 2, 8, 3.0, 0.2, 100, 1.5, 0)
    assert list(runs) == ["reference", "scaled", "studied", "unclipped"]
    assert [args[6] for args, _ in runs["studied"]] == [1.5, 1.5]
    assert [args[6] for args, _ in runs["unclipped"]] == [None, None]


def test_trained_run_goes_through_core_training_and_reports_its_numbers(monkeypatch):
    calls = []
    original = training.train
    monkeypatch.setattr(training, "train",
                        lambda config, *a, **k: calls.append(config) or original(config, *a, **k))
    run = X.trained_run("moons", 2, 8, 1.0, 0.1, 50, None, 0, 0)
    assert len(calls) == 1 and calls[0].steps == 50 and calls[0].batch_size == X.BATCH
    assert 0 <= run["accuracy"] <= 1 and run["diverged_at"] is None and run["steps_run"] == 50
    peak = max(float(np.max(np.abs(w))) for w in run["params"][0])
    assert run["peak_log10"] == pytest.approx(math.log10(peak))
    assert math.isfinite(run["grad_log10"])


def test_saliency_view_of_a_scaled_copy_shifts_magnitudes_by_depth_decades():
    run = X.trained_run("moons", 3, 8, 1.0, 0.1, 50, None, 0, 0)
    plain = X.saliency_view(run, "moons", 0, 0)
    scaled = X.saliency_view(run, "moons", 0, 0, scale=10.0)
    assert plain["unit"].shape == (X.ARROWS**2, 2) and plain["heat_p"].shape == (X.HEAT**2,)
    assert plain["layers"].shape == (4, X.ARROWS**2) and "params" not in plain
    assert plain["cell"] == pytest.approx(plain["points"][1, 0] - plain["points"][0, 0])
    assert X.median_log10(scaled) - X.median_log10(plain) == pytest.approx(3.0)
    assert np.array_equal(plain["sign"], scaled["sign"])
    assert 0 <= plain["unsure"] <= 1 and 0 < plain["stability"] <= 1


# ---------------------------------------------------------------- measures of a view


def test_median_and_flat_share_leave_out_and_count_zero_saliency():
    v = view(ALONG_X, log_norm=[1.0, 2.0, 9.0, -np.inf])
    assert X.median_log10(v) == 2.0
    assert X.flat_share(v) == 0.25
    assert X.median_log10(view(ALONG_X, log_norm=[-np.inf] * 4)) == -np.inf


def test_mostly_flat_from_half_the_grid_with_zero_saliency():
    assert X.mostly_flat(view(ALONG_X, log_norm=[-np.inf, -np.inf, 1.0, 2.0]))
    assert not X.mostly_flat(view(ALONG_X, log_norm=[-np.inf, 0.0, 1.0, 2.0]))


def test_input_peak_and_float32_look_at_the_input_layer_only():
    layers = np.array([[1.0, -np.inf, 30.0], [400.0, 0.0, 0.0]])
    assert X.input_peak_log10(layers) == 30.0 and not X.beyond_float32(layers)
    assert X.input_peak_log10(np.full((2, 3), -np.inf)) == 0.0
    assert X.beyond_float32(np.array([[FLOAT32_MAX_LOG10 + 1.0]]))
    assert X.has_finite_layers(layers) and not X.has_finite_layers(np.full((2, 3), -np.inf))


def test_layer_law_adds_a_decade_per_remaining_layer_at_gain_10():
    law = X.layer_law(np.array([0, 1, 2]), np.array([1.0, 1.0, 1.0]), 2, 10.0)
    assert law == pytest.approx([3.0, 2.0, 1.0])


# ---------------------------------------------------------------- agreement


def test_seed_agreement_of_identical_and_orthogonal_fields():
    same = X.seed_agreement(view(ALONG_X, [0, 1, 2, 3]), view(ALONG_X, [0, 1, 2, 3]))
    assert same == {"cosine": 1.0, "rho": 1.0, "used": 1.0}
    half = view([[1.0, 0.0], [1.0, 0.0], [0.0, 0.0], [0.0, 0.0]])
    crossed = X.seed_agreement(half, view(ALONG_Y))
    assert crossed["cosine"] == 0.0 and crossed["used"] == 0.5


def test_agreement_scores_and_measures_follow_the_legend_order():
    views = {key: [view(ALONG_X), view(ALONG_X)] for key in ("studied", "scaled", "reference")}
    views["studied"][0]["stability"] = 0.5
    scores = X.agreement_scores(views)
    assert list(scores) == ["reference", "scaled", "studied"]
    assert X.agreement_measures(scores, views)["studied"] == (1.0, 1.0, 0.5)


@pytest.mark.parametrize(("cosine", "used", "expected"), [
    (0.9, 0.4, "empty"), (0.7, 1.0, "agree"), (0.69, 1.0, "partly"), (0.4, 0.5, "partly"),
    (0.39, 1.0, "disagree"),
])
def test_level_thresholds(cosine, used, expected):
    assert X.level(cosine, used) == expected


@pytest.mark.parametrize(("studied", "reference", "expected"), [
    (0.80, 0.84, "same"), (0.70, 0.80, "below"), (0.90, 0.80, "above"),
])
def test_compare_treats_differences_under_005_as_the_same(studied, reference, expected):
    assert X.compare(studied, reference) == expected


# ---------------------------------------------------------------- scaling and verdicts


def scaling_views(scaled_unit, scaled_sign=None) -> dict:
    """Reference fields along x (log10 0) and a scaled copy (log10 2) on two seeds."""
    reference = view(ALONG_X)
    scaled = view(scaled_unit, log_norm=[2.0] * 4, sign=scaled_sign)
    return {"reference": [reference, reference], "scaled": [scaled, scaled]}


def test_scaling_numbers_measure_the_shift_and_predict_l_log_g():
    numbers = X.scaling_numbers(scaling_views(ALONG_X, [1, -1, 1, 1]), 2, 10.0)
    assert numbers == {"measured": 2.0, "predicted": 2.0, "cosine": 1.0, "moved": 1,
                       "points": 4}


def test_scaling_holds_needs_same_directions_classes_and_shown_agreement():
    scores = {"reference": {"cosine": 0.801}, "scaled": {"cosine": 0.799}}
    assert X.scaling_holds(scaling_views(ALONG_X), scores)
    assert not X.scaling_holds(scaling_views(ALONG_X, [1, -1, 1, 1]), scores)
    assert not X.scaling_holds(scaling_views(ALONG_Y), scores)
    assert not X.scaling_holds(scaling_views(ALONG_X),
                               {"reference": {"cosine": 0.81}, "scaled": {"cosine": 0.79}})


def test_scaling_verdict_is_identity_at_gain_1_else_whether_scaling_held():
    scores = {"reference": {"cosine": 0.801}, "scaled": {"cosine": 0.799}}
    moved = scaling_views(ALONG_X, [1, -1, 1, 1])
    assert X.scaling_verdict(moved, scores, 1.0) == "identity"
    assert X.scaling_verdict(scaling_views(ALONG_X), scores, 2.0) == "same"
    assert X.scaling_verdict(moved, scores, 2.0) == "changed"


@pytest.mark.parametrize(("a", "b", "digits", "expected"), [
    (0.801, 0.799, 2, True), (0.81, 0.79, 2, False),
    (0.125, 0.12, 2, True),  # 0.125 is exact in binary: the tie goes to even, 0.12
    (0.375, 0.38, 2, True), (0.995, 0.99, 2, True),  # 0.995 is 0.99499... in binary
    (-0.001, 0.001, 2, False),  # shown as "-0.00" and "0.00"
    (12.5, 12.0, 0, True), (13.5, 14.0, 0, True), (12.5, 13.0, 0, False),
    (math.nan, math.nan, 2, True), (math.nan, 0.5, 2, False),
])
def test_equal_when_rounded_matches_the_shown_text(a, b, digits, expected):
    assert X.equal_when_rounded(a, b, digits) is expected
    assert (f"{a:.{digits}f}" == f"{b:.{digits}f}") is expected


def test_equal_when_rounded_agrees_with_the_text_on_many_values():
    rng = np.random.default_rng(0)
    values = rng.uniform(-1, 1, 400).round(3)
    nearby = values + rng.choice([0.0, 0.001, 0.004, 0.005], 400)  # some round alike, some not
    outcomes = set()
    for a, b in zip(values, nearby, strict=True):
        for digits, scale in ((2, 1), (0, 100)):
            shown_equal = f"{scale * a:.{digits}f}" == f"{scale * b:.{digits}f}"
            assert X.equal_when_rounded(scale * a, scale * b, digits) == shown_equal
            outcomes.add(shown_equal)
    assert outcomes == {True, False}


@pytest.mark.parametrize(("before", "after", "expected"), [
    (0.101, 0.099, "same"), (0.2, 0.1, "shrinks"), (0.1, 0.2, "grows"),
])
def test_unsure_change_compares_whole_percents(before, after, expected):
    assert X.unsure_change(before, after) == expected


def test_exploded_by_divergence_or_a_decade_more_gradient():
    reference = {"diverged_at": None, "grad_log10": 0.0}
    assert X.exploded({"diverged_at": 12, "grad_log10": 0.0}, reference)
    assert X.exploded({"diverged_at": None, "grad_log10": 1.5}, reference)
    assert not X.exploded({"diverged_at": None, "grad_log10": 0.9}, reference)


@pytest.mark.parametrize(("unclipped", "studied", "expected"), [
    (0.5, 0.8, "raised"), (0.8, 0.82, "same"), (0.8, 0.5, "lowered"),
])
def test_clipping_change(unclipped, studied, expected):
    scores = {"unclipped": {"cosine": unclipped}, "studied": {"cosine": studied}}
    assert X.clipping_change(scores) == expected


@pytest.mark.parametrize(("studied", "used", "grad", "expected"), [
    (0.9, 1.0, 0.0, "same"), (0.5, 1.0, 0.0, "below"), (0.5, 1.0, 2.0, "below_exploded"),
    (0.5, 0.2, 2.0, "empty"), (0.99, 1.0, 0.0, "above"),
])
def test_training_verdict(studied, used, grad, expected):
    scores = {"reference": {"cosine": 0.9}, "studied": {"cosine": studied, "used": used}}
    views = {"reference": [{"diverged_at": None, "grad_log10": 0.0}],
             "studied": [{"diverged_at": None, "grad_log10": grad}]}
    if expected == "above":
        scores["reference"]["cosine"] = 0.8
    assert X.training_verdict(scores, views) == expected
