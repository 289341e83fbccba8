"""The gradient-clipping page's questions: the option marked correct is the one the numbers,
recomputed here independently (closed form in 2-D, the clipping rules by hand on the network's
gradient, the descent on the cliff stepped by hand), fall in; at the question's preset or the
current settings, and at random settings drawn from the page's table."""

import math
import random

import numpy as np
import pytest

from core.cliff import VALLEY_SLOPE, cliff_gradient
from core.clip_effects import clip_both_to, mlp_gradients
from core.clipping import ANGLE_KEPT, EPS
from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions import bucket
from ui.questions.clipping import (
    ARROW_OPTIONS,
    CLIFF_OPTIONS,
    DEEP_EDGES,
    DEEP_OPTIONS,
    QUESTIONS,
    TURN_EDGE,
    cliff_outcome,
)
from ui.tables.clipping import TABLE

PAGE = "pages/2_gradient_clipping.py"
QUESTION = {q.id: q for q in QUESTIONS}
RANDOM = 5


def random_settings(seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [table_settings(TABLE, rng) for _ in range(RANDOM)]


def answered(question_id: str, current: dict, at: dict | None = None):
    """The question's scenario (or the settings ``at``) and answer, with the why sentence
    formatted in both languages."""
    question = QUESTION[question_id]
    settings = question.scenario(TABLE, current) if at is None else {**TABLE.defaults, **at}
    answer = question.answer(settings)
    assert answer.correct in question.options
    for lang in LANGUAGES:
        text = t(f"q.clipping.{question_id}.{answer.why}", lang, **answer.numbers)
        assert text.strip() and "{" not in text
    return settings, answer


# ---------------------------------------------------------------- (a) the 2-D arrow


def arrow_expected(settings: dict) -> tuple[str, float]:
    """Closed form: the box clamps each component; the angle between the polar angles."""
    a = math.radians(settings["ang"])
    g = np.array([settings["mag"] * math.cos(a), settings["mag"] * math.sin(a)])
    clipped = np.clip(g, -settings["thr"], settings["thr"])
    turn = abs(math.degrees(math.atan2(clipped[1], clipped[0]) - math.atan2(g[1], g[0])))
    turn = min(turn, 360 - turn)
    if turn <= ANGLE_KEPT:
        return "keeps", turn
    return ("small_turn" if turn < TURN_EDGE else "large_turn"), turn


ARROWS = {  # hand-made arrows, one per outcome
    "inside": ({"mag": 0.5, "ang": 30, "thr": 1.0}, "keeps", "why_inside"),
    "axis": ({"mag": 3.0, "ang": 0, "thr": 1.0}, "keeps", "why_kept"),
    "diagonal": ({"mag": 3.0, "ang": -135, "thr": 1.0}, "keeps", "why_kept"),
    "small": ({"mag": 1.1, "ang": 20, "thr": 1.0}, "small_turn", "why_bent"),
    "large": ({"mag": 4.0, "ang": 75, "thr": 1.0}, "large_turn", "why_bent"),
}


@pytest.mark.parametrize("case", ARROWS)
def test_arrow_every_option_is_reached(case):
    current, option, why = ARROWS[case]
    _, answer = answered("arrow", {}, at=current)
    assert (answer.correct, answer.why) == (option, why)
    assert arrow_expected({**TABLE.defaults, **current})[0] == option


@pytest.mark.parametrize("current", [{}, *random_settings(12)],
                         ids=["defaults", *[f"random{i}" for i in range(RANDOM)]])
def test_arrow_answer_at_its_preset_agrees_with_the_closed_form(current):
    settings, answer = answered("arrow", current)
    assert settings == dict(TABLE.presets["clipping_saves_cliff"])  # current ones do not matter
    option, turn = arrow_expected(settings)
    assert answer.correct == option
    assert float(answer.numbers["angle"]) == pytest.approx(turn, abs=0.051)


def test_arrow_options_cover_every_angle():
    assert set(ARROW_OPTIONS) == {"keeps", "small_turn", "large_turn"}
    assert bucket(TURN_EDGE - 1e-9, (TURN_EDGE,), ARROW_OPTIONS[1:]) == "small_turn"
    assert bucket(TURN_EDGE, (TURN_EDGE,), ARROW_OPTIONS[1:]) == "large_turn"


# ---------------------------------------------------------------- (b) a deep network


def deep_expected(settings: dict) -> float:
    """The angle between the gradient and its clip by value, computed here by hand."""
    weights, biases = mlp_gradients(settings["depth"], settings["width"],
                                    float(settings["gain"]), settings["seed"])
    grads = weights + biases
    out = clip_both_to(grads, settings["keep"] / 100.0)
    g = np.concatenate([x.ravel() for x in grads])
    v = np.clip(g, -out["value_threshold"], out["value_threshold"])  # the rule, by hand
    cosine = float(g @ v / (np.linalg.norm(g) * np.linalg.norm(v)))
    assert np.linalg.norm(v) == pytest.approx(settings["keep"] / 100 * np.linalg.norm(g),
                                              rel=1e-6)  # the same length as by norm
    return math.degrees(math.acos(min(1.0, cosine)))


@pytest.mark.parametrize("current", [{}, *random_settings(34)],
                         ids=["defaults", *[f"random{i}" for i in range(RANDOM)]])
def test_deep_answer_at_its_preset_agrees_with_the_gradient_clipped_by_hand(current):
    settings, answer = answered("deep", current)
    assert settings == dict(TABLE.presets["clipping_saves_cliff"])  # current ones do not matter
    angle = deep_expected(settings)
    assert answer.correct == bucket(angle, DEEP_EDGES, DEEP_OPTIONS)
    assert float(answer.numbers["angle"]) == pytest.approx(angle, abs=0.051)
    assert answer.numbers["norm_angle"] == "0.0"  # clipping by norm keeps the direction


@pytest.mark.parametrize(("keep", "option"), [(99, "under_5"), (90, "up_to_20"),
                                              (50, "up_to_45"), (10, "beyond_45")])
def test_deep_every_option_is_reached(keep, option):
    current = {"keep": keep}  # at the default network (depth 12, gain 2)
    _, answer = answered("deep", {}, at=current)
    assert answer.correct == option == bucket(deep_expected({**TABLE.defaults, **current}),
                                              DEEP_EDGES, DEEP_OPTIONS)


def test_deep_bucket_edges():
    assert [bucket(a, DEEP_EDGES, DEEP_OPTIONS) for a in (4.99, 5.0, 19.99, 20.0, 44.99, 45.0)] \
        == ["under_5", "up_to_20", "up_to_20", "up_to_45", "up_to_45", "beyond_45"]


# ---------------------------------------------------------------- (c) the cliff


def cliff_expected(settings: dict) -> tuple[str, int]:
    """Descent clipped by norm, stepped here: which steps had ||g|| > threshold."""
    w = np.array([settings["w1"], settings["w2"]], dtype=float)
    lr, threshold = settings["lr"], settings["ct"]
    norms, flags = [], []
    for _ in range(settings["steps"]):
        g = cliff_gradient(w)
        n = float(np.hypot(g[0], g[1]))
        norms.append(n)
        flags.append(n > threshold)
        w = w - lr * g * min(1.0, threshold / (n + EPS))
    norms, flags = np.array(norms), np.array(flags)
    if not flags.any():
        option = "never"
    elif flags.all():
        option = "every"
    elif (norms[flags] > VALLEY_SLOPE).all():
        option = "cliff_only"
    else:
        option = "also_gentle"
    return option, int(flags.sum())


@pytest.mark.parametrize("current", [{}, *random_settings(56)],
                         ids=["defaults", *[f"random{i}" for i in range(RANDOM)]])
def test_cliff_answer_at_its_preset_whatever_the_current_settings(current):
    settings, answer = answered("cliff", current)
    assert settings == dict(TABLE.presets["clipping_saves_cliff"])
    option, clipped = cliff_expected(settings)
    assert (answer.correct, answer.numbers["n"]) == (option, str(clipped))
    assert option == "cliff_only"  # the preset's point: only the step on the cliff face


@pytest.mark.parametrize(("changes", "option"), [
    ({"w2": -1.0}, "never"), ({"ct": 10.0}, "cliff_only"), ({"ct": 1.1}, "cliff_only"),
    ({"ct": 1.0}, "also_gentle"), ({"ct": 0.1}, "every")])
def test_cliff_every_option_is_reached(changes, option):
    settings = {**TABLE.presets["clipping_saves_cliff"], **changes}
    answer = QUESTION["cliff"].answer(settings)
    assert answer.correct == option == cliff_expected(settings)[0]
    # the why sentence says the threshold is above every gentle slope only when it is
    assert (answer.why == "why_cliff_only") == (option == "cliff_only"
                                               and changes.get("ct", 2.0) > VALLEY_SLOPE)
    for lang in LANGUAGES:
        assert "{" not in t(f"q.clipping.cliff.{answer.why}", lang, **answer.numbers)


def test_cliff_outcome_by_hand():
    flags = np.array([False, True, False])
    assert cliff_outcome(np.array([0.5, 60.0, 0.5]), flags) == "cliff_only"
    assert cliff_outcome(np.array([0.5, VALLEY_SLOPE, 0.5]), flags) == "also_gentle"
    assert cliff_outcome(np.ones(3), np.zeros(3, bool)) == "never"
    assert cliff_outcome(np.ones(3), np.ones(3, bool)) == "every"
    assert set(CLIFF_OPTIONS) == {"never", "cliff_only", "also_gentle", "every"}


# ---------------------------------------------------------------- the card on the page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_checks_a_prediction_on_the_page(lang):
    at = open_page(PAGE, {"lang": "zh"} if lang == "zh" else None)
    assert not at.exception, at.exception
    at.toggle(key="quiz_on_clipping").set_value(True).run()
    assert not at.exception, at.exception
    expected, turn = arrow_expected(dict(TABLE.defaults))  # 15 degrees: "large_turn"
    values = {"edge": "10"}
    wrong = next(o for o in ARROW_OPTIONS if o != expected)
    at.radio(key="quiz_clipping_arrow").set_value(wrong).run()
    at.button(key="quiz_check_clipping").click().run()
    assert not at.exception, at.exception
    label = t(f"q.clipping.arrow.{expected}", lang, **values)
    assert [e.value for e in at.error] == [t("quiz.wrong", lang, option=label)]
    assert any(f"{turn:.1f}°" in m.value for m in at.markdown)  # the why, with the angle
    at.radio(key="quiz_clipping_arrow").set_value(expected).run()
    at.button(key="quiz_check_clipping").click().run()
    assert [s.value for s in at.success] == [t("quiz.right", lang, option=label)]
