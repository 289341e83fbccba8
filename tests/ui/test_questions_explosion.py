"""The explosion page's questions: the answer marked correct agrees with the numbers, recomputed
here from the raw per-layer gradient norms of core.remedies (median of log10 ||g_0||/||g_L||
over the examples, ±1 decade for the verdict) and checked against theory where one applies
(He et al. 2015: a plain He-initialised ReLU net at gain 1 moves about -5/4 L/(n ln 10)
decades; a sigmoid layer at most multiplies the expected squared norm by n Var[w] / 16)."""

import math
import random

import numpy as np
import pytest

from core import growth, remedies
from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions.explosion import QUESTIONS
from ui.tables.explosion import TABLE

PAGE = "pages/5_explosion_vs_vanishing.py"
BY_ID = {q.id: q for q in QUESTIONS}


def random_settings(rng: random.Random) -> dict:
    """A learner's current settings: every control drawn from the table."""
    return table_settings(TABLE, rng)


CURRENT = [random_settings(random.Random(seed)) for seed in range(4)]


def answer(question_id: str, current: dict | None = None):
    question = BY_ID[question_id]
    return question.answer(question.scenario(TABLE, current or {}))


def decades_by_hand(settings: dict, side: str) -> float:
    """Median over examples of log10 ||g_0|| - log10 ||g_L||, from the raw input-gradient norms
    (the page's sample cap, so the same networks)."""
    s = {key: settings[f"{side}_{key}"] for key in ("act", "init", "gain", "depth", "good",
                                                     "bn", "res")}
    samples = growth.column_samples(s["depth"], settings["width"])
    norms = remedies.simulate_remedies(
        s["act"], s["init"], float(s["gain"]), s["depth"], settings["width"],
        remedies.Remedies(s["good"], s["bn"], s["res"]), samples, remedies.BATCH,
        settings["seed"])["input"]
    values = (norms[0] - norms[-1]).ravel()
    return float(np.median(values[np.isfinite(values)]))


def verdict_by_hand(decades: float) -> str:
    return "exploding" if decades > 1 else "vanishing" if decades < -1 else "stable"


def bn_by_hand(settings: dict) -> str:
    a, b = (verdict_by_hand(decades_by_hand(settings, side)) == "exploding" for side in "lr")
    return {(True, True): "both", (True, False): "plain", (False, True): "batch_norm",
            (False, False): "neither"}[(a, b)]


def shrink_by_hand(settings: dict) -> str:
    """How many times smaller network A's input gradient is, in the four ranges (10, 100, 10^4)."""
    shrink = -decades_by_hand(settings, "l")
    return ("under_10" if shrink < 1 else "up_to_1e2" if shrink < 2
            else "up_to_1e4" if shrink < 4 else "beyond_1e4")


def test_bn_alone_makes_relu_explode_while_the_plain_net_stays():
    settings = BY_ID["bn_relu"].scenario(TABLE, {})
    assert settings["l_act"] == settings["r_act"] == "relu" and settings["r_bn"]
    assert not (settings["l_bn"] or settings["l_res"] or settings["r_res"])
    plain = decades_by_hand(settings, "l")
    theory = -1.25 * settings["l_depth"] / (settings["width"] * math.log(10))  # -0.25
    assert plain == pytest.approx(theory, abs=0.5)
    assert decades_by_hand(settings, "r") > 2
    found = answer("bn_relu")
    assert found.correct == "batch_norm" == bn_by_hand(settings)
    assert found.why == "why_batch_norm"


@pytest.mark.parametrize("current", CURRENT)
def test_bn_at_the_learners_width_and_seed(current):
    settings = BY_ID["bn_relu"].scenario(TABLE, current)
    assert (settings["width"], settings["seed"]) == (current["width"], current["seed"])
    assert answer("bn_relu", current).correct == bn_by_hand(settings)


@pytest.mark.parametrize(("changes", "option"), [
    ({"l_gain": 1.5, "r_act": "sigmoid", "r_init": "xavier"}, "plain"),
    ({"l_gain": 1.5}, "both"),
    ({"r_act": "sigmoid", "r_init": "xavier"}, "neither"),  # BN rescues the sigmoid
])
def test_every_bn_option_is_reached(changes, option):
    question = BY_ID["bn_relu"]
    settings = {**question.scenario(TABLE, {}), **changes}
    found = question.answer(settings)
    assert found.correct == option == bn_by_hand(settings)
    assert found.why == "why"


def test_residual_branches_stop_helping_at_depth_100():
    settings = BY_ID["residual_deep"].scenario(TABLE, {})
    assert settings["r_res"] and settings["r_depth"] == 100
    deep = decades_by_hand(settings, "r")
    at_30 = decades_by_hand({**settings, "r_depth": 30}, "r")
    assert verdict_by_hand(at_30) == "stable"  # what the prompt says of depth 30
    assert verdict_by_hand(deep) == "exploding" and deep > at_30 + 0.25
    found = answer("residual_deep")
    assert (found.correct, found.why) == ("explodes", "why_explodes_rising")


@pytest.mark.parametrize(("changes", "option"), [
    ({}, "explodes"),
    ({"r_act": "sigmoid", "r_init": "xavier", "r_gain": 1.0}, "stays"),
    ({"r_act": "sigmoid", "r_init": "xavier", "r_gain": 1.0, "r_res": False}, "vanishes"),
])
def test_every_residual_option_is_reached(changes, option):
    question = BY_ID["residual_deep"]
    settings = {**question.scenario(TABLE, {}), **changes}
    found = question.answer(settings)
    expected = {"stable": "stays", "exploding": "explodes", "vanishing": "vanishes"}[
        verdict_by_hand(decades_by_hand(settings, "r"))]
    assert found.correct == option == expected


def test_a_shallow_sigmoid_net_still_vanishes_by_its_per_layer_factor():
    settings = BY_ID["sigmoid_shallow"].scenario(TABLE, {})
    assert (settings["l_act"], settings["l_depth"]) == ("sigmoid", 5)
    assert verdict_by_hand(decades_by_hand({**settings, "l_depth": 30}, "l")) == "vanishing"
    decades = decades_by_hand(settings, "l")
    # Xavier: n Var[w] = 1, sigma' <= 1/4, so at most a quarter per layer (in the mean square)
    assert decades <= 5 * math.log10(1 / 4) + 0.3
    assert 2 <= -decades < 4
    found = answer("sigmoid_shallow")
    assert found.correct == "up_to_1e4"
    assert float(found.numbers["factor"]) == pytest.approx(10 ** (decades / 5), rel=0.01)


@pytest.mark.parametrize(("depth", "option"), [(1, "under_10"), (2, "up_to_1e2"),
                                               (5, "up_to_1e4"), (10, "beyond_1e4")])
def test_every_shrink_range_is_reached(depth, option):
    question = BY_ID["sigmoid_shallow"]
    settings = {**question.scenario(TABLE, {}), "l_depth": depth}
    assert question.answer(settings).correct == option == shrink_by_hand(settings)


def test_a_growing_network_is_not_called_smaller():
    question = BY_ID["sigmoid_shallow"]
    settings = {**question.scenario(TABLE, {}), "l_act": "relu", "l_init": "he",
                "l_gain": 2.0}
    found = question.answer(settings)
    assert decades_by_hand(settings, "l") > 0
    assert (found.correct, found.why) == ("under_10", "why_not_smaller")


@pytest.mark.parametrize("current", CURRENT)
def test_preset_questions_ignore_the_learners_settings(current):
    assert answer("residual_deep", current) == answer("residual_deep")
    assert answer("sigmoid_shallow", current) == answer("sigmoid_shallow")


def test_every_sentence_formats_in_both_languages():
    cases = [(q, q.scenario(TABLE, current)) for q in QUESTIONS for current in [{}, *CURRENT]]
    base = BY_ID["residual_deep"].scenario(TABLE, {})
    cases += [(BY_ID["residual_deep"], {**base, "r_act": "sigmoid", "r_init": "xavier",
                                        "r_res": res}) for res in (True, False)]
    cases += [(BY_ID["bn_relu"], {**BY_ID["bn_relu"].scenario(TABLE, {}), "l_gain": 1.5})]
    for question, settings in cases:
        found = question.answer(settings)
        for lang in LANGUAGES:
            values = question.prompt_values(settings, lang)
            for key in ("", *(f".{o}" for o in question.options)):
                assert "{" not in t(f"q.explosion.{question.id}{key}", lang, **values)
            text = t(f"q.explosion.{question.id}.{found.why}", lang, **found.numbers)
            assert text and "{" not in text
    why_explodes = t("q.explosion.residual_deep.why_explodes", "en", decades="+1.20",
                     depth="100", before="+1.10", depth0="30", tol="1")
    assert "+1.20" in why_explodes


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_checks_a_prediction_on_the_page(lang):
    at = open_page(PAGE, {"lang": "zh"} if lang == "zh" else None)
    assert not at.exception
    blocks = {getattr(element, "key", None) for element in at.main}
    assert {f"gl-chart-{q.chart}" for q in QUESTIONS} <= blocks  # the charts a card blurs
    at.toggle(key="quiz_on_explosion").set_value(True).run()
    question = BY_ID["bn_relu"]
    settings = question.scenario(TABLE, {})
    right = t(f"q.explosion.bn_relu.{bn_by_hand(settings)}", lang,
              **question.prompt_values(settings, lang))
    at.radio(key="quiz_explosion_bn_relu").set_value("plain").run()
    at.button(key="quiz_check_explosion").click().run()
    assert not at.exception
    assert t("quiz.wrong", lang, option=right) in [e.value for e in at.error]
    at.get("button_group")[0].set_value(2).run()  # the sigmoid question
    question = BY_ID["sigmoid_shallow"]
    settings = question.scenario(TABLE, {})
    option = shrink_by_hand(settings)
    at.radio(key="quiz_explosion_sigmoid_shallow").set_value(option).run()
    at.button(key="quiz_check_explosion").click().run()
    assert not at.exception
    right = t(f"q.explosion.sigmoid_shallow.{option}", lang,
              **question.prompt_values(settings, lang))
    assert t("quiz.right", lang, option=right) in [s.value for s in at.success]
