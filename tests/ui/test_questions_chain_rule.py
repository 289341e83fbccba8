"""The chain-rule page's questions: the answer marked correct agrees with the numbers, checked
against theory (He et al. 2015: the squared per-layer factor is n Var[w] * E[phi'(z)^2]) and
against core called directly."""

import math
import random

import pytest

from core import theory
from core.ensemble import measure_layers
from core.profiles import mean_factors, median_total_growth
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions import bucket
from ui.questions.chain_rule import GROWTH_EDGES, GROWTH_OPTIONS, QUESTIONS
from ui.tables.chain_rule import BATCH, TABLE

BY_ID = {q.id: q for q in QUESTIONS}
# the median of 32 runs' log10 growth over <= 100 layers of width 128 lies within a decade of
# the theory's L/2 * log10(factor) (the per-layer log factor has std ~ 1/sqrt(width))
THEORY_DECADES = 1.0


def random_settings(rng: random.Random) -> dict:
    """A learner's current settings: every control drawn from the table (light sizes)."""
    values = table_settings(TABLE, rng)
    return {**values, "depth": min(values["depth"], 40), "width": min(values["width"], 64)}


def growth(settings: dict) -> float:
    run = measure_layers(settings["depth"], settings["width"], settings["act"], settings["init"],
                         float(settings["gain"]), settings["samples"], BATCH, settings["seed"])
    return median_total_growth(run.grad)


def answer(question_id: str, current: dict | None = None):
    question = BY_ID[question_id]
    return question.answer(question.scenario(TABLE, current or {}))


def test_depth_100_at_gain_1_5_moves_beyond_1e12_as_theory_says():
    settings = BY_ID["depth_100"].scenario(TABLE, {})
    expected = settings["depth"] * math.log10(settings["gain"])  # He ReLU: g per layer
    measured = growth(settings)
    assert measured == pytest.approx(expected, abs=THEORY_DECADES)
    assert answer("depth_100").correct == bucket(measured, GROWTH_EDGES, GROWTH_OPTIONS)
    assert answer("depth_100").correct == "beyond_1e12"


def test_linear_network_still_explodes_from_the_weights_alone():
    settings = BY_ID["linear"].scenario(TABLE, {})
    assert settings["act"] == "linear"
    parts = theory.factor_parts("linear", settings["init"], settings["gain"], settings["width"])
    expected = settings["depth"] / 2 * math.log10(parts["weight"])  # E[phi'^2] = 1
    assert growth(settings) == pytest.approx(expected, abs=THEORY_DECADES)
    found = answer("linear")
    assert found.correct == "grows" and expected > 1
    assert found.numbers["weight"] == "2.00"


@pytest.mark.parametrize("seed", range(4))
def test_preset_questions_ignore_the_learners_settings(seed):
    current = random_settings(random.Random(seed))
    assert answer("depth_100", current) == answer("depth_100")
    assert answer("linear", current) == answer("linear")


@pytest.mark.parametrize("seed", range(5))
def test_factor_question_follows_the_measured_parts(seed):
    current = random_settings(random.Random(100 + seed))
    run = measure_layers(current["depth"], current["width"], current["act"], current["init"],
                         float(current["gain"]), current["samples"], BATCH, current["seed"])
    parts = mean_factors(run)
    below = (parts["weight"] < 0, parts["activation"] < 0)
    expected = {(True, True): "both", (True, False): "weights", (False, True): "activation",
                (False, False): "neither"}[below]
    assert answer("factor", current).correct == expected
    # and the weights' part is what theory says (n Var[w] of the realised weights)
    weight = theory.factor_parts(current["act"], current["init"], current["gain"],
                                 current["width"])["weight"]
    assert 10 ** parts["weight"] == pytest.approx(weight, rel=0.15)


@pytest.mark.parametrize(("gain", "option"), [(0.5, "both"), (1.0, "activation"),
                                              (2.0, "activation")])
def test_factor_question_with_he_relu(gain, option):
    # He ReLU: weights 2 g^2, activation 1/2
    assert answer("factor", {"act": "relu", "init": "he", "gain": gain}).correct == option


def test_linear_is_neither_or_weights():
    assert answer("factor", {"act": "linear", "init": "he", "gain": 1.0}).correct == "neither"
    assert answer("factor", {"act": "linear", "init": "lecun", "gain": 0.5}).correct == \
        "weights"


def test_every_why_sentence_formats_in_both_languages():
    for question in QUESTIONS:
        for current in ({}, {"act": "sigmoid", "init": "xavier", "depth": 30}):
            found = question.answer(question.scenario(TABLE, current))
            assert found.correct in question.options
            for lang in LANGUAGES:
                text = t(f"q.chain_rule.{question.id}.{found.why}", lang, **found.numbers)
                assert text and "{" not in text


def test_a_gradient_that_died_everywhere_has_its_own_sentence(monkeypatch):
    import ui.questions.chain_rule as questions

    monkeypatch.setattr(questions, "median_total_growth", lambda grad: None)
    assert (answer("depth_100").correct, answer("depth_100").why) == ("beyond_1e12", "why_dead")
    assert (answer("linear").correct, answer("linear").why) == ("shrinks", "why_dead")
