"""The weight clipping page's questions: the option marked correct is the one the numbers,
recomputed here independently (the random networks clipped by hand and their gradients taken
through the MLP engine, checked against He et al.'s per-layer factor; the trainer run directly),
fall in; at the question's preset or the current settings, and at random settings drawn from
the page's table."""

import functools
import math
import random

import numpy as np
import pytest

from core import weight_bounds
from core.datasets import make_dataset
from core.ensemble import draw_inputs
from core.mlp import Mlp
from core.mlp_logspace import log10_gradient_norms
from core.training import TrainConfig
from core.weight_clipping import train_clip_sweep
from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions.weight_clipping import (
    QUESTIONS,
    REGIMES,
    SAME_LOSS,
    TRAIN_OPTIONS,
    training_outcome,
)
from ui.tables.weight_clipping import TABLE

PAGE = "pages/3_weight_clipping.py"
QUESTION = {q.id: q for q in QUESTIONS}
RANDOM = 4
CHANCE = weight_bounds.CHANCE_LOSS


def random_settings(seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [table_settings(TABLE, rng) for _ in range(RANDOM)]


RANDOM_IDS = ["defaults", *[f"random{i}" for i in range(RANDOM)]]


def answered(question_id: str, current: dict, at: dict | None = None):
    """The question's scenario (or the settings ``at``) and answer, with the why sentence
    formatted in both languages."""
    question = QUESTION[question_id]
    settings = question.scenario(TABLE, current) if at is None else {**TABLE.defaults, **at}
    answer = question.answer(settings)
    assert answer.correct in question.options
    for lang in LANGUAGES:
        text = t(f"q.weight_clipping.{question_id}.{answer.why}", lang, **answer.numbers)
        assert text.strip() and "{" not in text
    return settings, answer


# ---------------------------------------------------------------- the gradient questions


def clipped_by_hand(settings: dict) -> tuple[list, float, float]:
    """The page's random networks with every weight clamped here; the median log10
    ||g_0|| / ||g_L|| of their gradients, and the mean n Var[w] of the clipped layers."""
    return _clipped_by_hand(tuple(sorted(settings.items())))


@functools.cache
def _clipped_by_hand(items: tuple) -> tuple[list, float, float]:
    settings = dict(items)
    depth, width, c = settings["depth"], settings["width"], settings["c"]
    weights = weight_bounds.random_networks(depth, width, settings["gain"], settings["seed"])
    clipped = [np.minimum(np.maximum(w, -c), c) for w in weights]
    x, upstream = draw_inputs(settings["seed"], len(weights[0]), weight_bounds.BATCH, width)
    norms = log10_gradient_norms(Mlp(clipped, settings["act"]), x, upstream)
    ratios = (norms[0] - norms[-1]).ravel()
    finite = ratios[np.isfinite(ratios)]
    median = float(np.median(finite)) if finite.size else -math.inf
    n_var = float(np.mean([width * np.mean(w**2) for w in clipped]))
    return weights, median, n_var


def regime_of(log10_ratio: float) -> str:
    return ("vanishes" if log10_ratio < -1 else "explodes" if log10_ratio > 1 else "stable")


@pytest.mark.parametrize("current", [{}, *random_settings(78)], ids=RANDOM_IDS)
def test_wgan_clipping_makes_the_gradient_vanish_whatever_the_current_settings(current):
    settings, answer = answered("wgan", current)
    assert settings == dict(TABLE.presets["wgan_c_001"])
    _, median, n_var = clipped_by_hand(settings)
    assert answer.correct == regime_of(median) == "vanishes"
    # He et al.: through ReLU layers each squares the norm by n Var[w] / 2 on average
    theory = settings["depth"] / 2 * math.log10(n_var / 2)
    assert median == pytest.approx(theory, abs=3.0)
    assert answer.numbers["after"] == f"10^{median:.1f}"


@pytest.mark.parametrize("current", [{}, *random_settings(90)], ids=RANDOM_IDS)
def test_a_loose_bound_leaves_the_explosion_whatever_the_current_settings(current):
    settings, answer = answered("loose", current)
    assert settings == dict(TABLE.presets["no_real_clipping"])
    weights, median, _ = clipped_by_hand(settings)
    assert max(float(np.abs(w).max()) for w in weights) < settings["c"]  # nothing to clip
    # ReLU, He init (GUIDE): L log10(gain) - 5/4 L / (n ln 10) decades on average
    depth, width = settings["depth"], settings["width"]
    theory = depth * math.log10(settings["gain"]) - 1.25 * depth / (width * math.log(10))
    assert median == pytest.approx(theory, abs=0.5)
    assert (answer.correct, answer.why) == (regime_of(median), "why_untouched")
    assert answer.correct == "explodes"


@pytest.mark.parametrize(("changes", "option"), [
    ({"c": 0.2, "depth": 50, "gain": 1.2}, "stable"),
    ({"c": 0.3, "depth": 50, "gain": 1.2}, "explodes"),
    ({"c": 0.05, "depth": 50, "gain": 1.2}, "vanishes")])
def test_every_regime_is_reached(changes, option):
    settings = {**TABLE.defaults, **changes}
    answer = QUESTION["wgan"].answer(settings)
    assert answer.correct == option == regime_of(clipped_by_hand(settings)[1])
    for lang in LANGUAGES:
        assert "{" not in t(f"q.weight_clipping.wgan.{answer.why}", lang, **answer.numbers)
    assert set(REGIMES) == {"explodes", "stable", "vanishes"}


# ---------------------------------------------------------------- the training question


def final_losses(settings: dict) -> tuple[float, float]:
    """(unclipped, clipped at c) final losses, from the trainer called directly."""
    return _final_losses(tuple(sorted(settings.items())))


@functools.cache
def _final_losses(items: tuple) -> tuple[float, float]:
    settings = dict(items)
    data = make_dataset(settings["data"], weight_bounds.DATA_POINTS, weight_bounds.DATA_NOISE,
                        settings["seed"])
    config = TrainConfig(**weight_bounds.TRAINING, activation=settings["act"],
                         gain=settings["gain"], seed=settings["seed"])
    runs = train_clip_sweep(config, (None, settings["c"]), data)
    return tuple(float(r.loss[-1]) if len(r.loss) else math.nan for r in runs)


def outcome_by_hand(unclipped: float, clipped: float) -> str:
    unclipped = unclipped if math.isfinite(unclipped) else math.inf
    if clipped < unclipped - SAME_LOSS:
        return "better"
    if abs(clipped - unclipped) <= SAME_LOSS:
        return "same"
    return "stuck" if clipped >= CHANCE - SAME_LOSS else "worse"


@pytest.mark.parametrize("current", [{}, *random_settings(12)], ids=RANDOM_IDS)
def test_training_answer_at_its_preset_agrees_with_the_trainer(current):
    settings, answer = answered("training", current)
    assert settings == dict(TABLE.presets["wgan_c_001"])  # current ones do not matter
    unclipped, clipped = final_losses(settings)
    assert answer.correct == outcome_by_hand(unclipped, clipped) == "stuck"  # WGAN's c: no
    assert unclipped < CHANCE - SAME_LOSS < clipped  # learning, though unclipped it does
    assert float(answer.numbers["clipped"]) == pytest.approx(clipped, rel=5e-3)


@pytest.mark.parametrize(("changes", "option"), [
    ({"c": 0.975, "gain": 2.0, "act": "linear", "data": "moons", "seed": 4935}, "better"),
    ({"c": 1.0}, "same"), ({}, "worse"), ({"c": 0.01}, "stuck")])
def test_every_training_option_is_reached(changes, option):
    settings, answer = answered("training", {}, at=changes)
    assert answer.correct == option == outcome_by_hand(*final_losses(settings))
    if option == "better":  # the unclipped run blew up; the clipped one could not
        assert answer.why == "why_diverged"


def test_training_outcome_edges():
    assert training_outcome(0.30, 0.36) == "better"
    assert training_outcome(0.30, 0.32) == "same"
    assert training_outcome(0.30, math.nan) == "better"  # nothing recorded: infinitely high
    assert training_outcome(0.50, 0.01) == "worse"
    assert training_outcome(CHANCE - SAME_LOSS, 0.01) == "stuck"
    assert training_outcome(CHANCE, CHANCE) == "same"  # neither learns: no difference
    assert set(TRAIN_OPTIONS) == {"better", "same", "worse", "stuck"}


# ---------------------------------------------------------------- the card on the page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_checks_a_prediction_on_the_page(lang):
    at = open_page(PAGE, {"lang": "zh"} if lang == "zh" else None)
    assert not at.exception, at.exception
    at.toggle(key="quiz_on_weight_clipping").set_value(True).run()
    assert not at.exception, at.exception
    settings = dict(TABLE.presets["wgan_c_001"])
    expected = regime_of(clipped_by_hand(settings)[1])  # "vanishes"
    at.radio(key="quiz_weight_clipping_wgan").set_value("explodes").run()
    at.button(key="quiz_check_weight_clipping").click().run()
    assert not at.exception, at.exception
    label = t(f"q.weight_clipping.wgan.{expected}", lang, times="10")
    assert [e.value for e in at.error] == [t("quiz.wrong", lang, option=label)]
    assert any("‖g₀‖/‖g_L‖" in m.value and "10^-55" in m.value for m in at.markdown)
