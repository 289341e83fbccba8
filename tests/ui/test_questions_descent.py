"""The gradient-descent page's questions: the answer marked correct agrees with the closed
forms x_k = (1 - eta*lambda)^k x_0 (GUIDE: lambda = 4, x0 = 1, eta = 0.6 gives x_10 =
28.9254655) and, for the best fixed step on curvatures (L, mu), a distance that shrinks by
exactly (kappa-1)/(kappa+1) per step (Goodfellow et al. 2016, Sec. 8.3)."""

import math
import random

import pytest

from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions.descent import QUESTIONS
from ui.tables.descent import TABLE

PAGE = "pages/4_gradient_descent.py"
BY_ID = {q.id: q for q in QUESTIONS}


def random_settings(rng: random.Random) -> dict:
    """A learner's current settings: every control drawn from the table."""
    return table_settings(TABLE, rng)


CURRENT = [random_settings(random.Random(seed)) for seed in range(5)]


def answer(question_id: str, current: dict | None = None):
    question = BY_ID[question_id]
    return question.answer(question.scenario(TABLE, current or {}))


def course_by_hand(lam: float, eta: float, x0: float, k: int) -> str:
    """The course of x from the closed form, in plain floats."""
    factor = 1.0 - eta * lam
    if x0 == 0 or math.isclose(abs(factor), 1.0, rel_tol=1e-12):
        return "same_size"
    if abs(factor) > 1:
        return "away"
    return "closer_flipping" if factor < 0 else "closer"


def shrink_by_hand(L: float, mu: float, k: int) -> str:
    """How many times closer the best fixed step gets in k steps: k log10((kappa+1)/(kappa-1))
    decades, in the question's four ranges (10, 1000, 10^6)."""
    kappa = max(L, mu) / min(L, mu)
    if kappa == 1:
        return "beyond_1e6"
    decades = k * math.log10((kappa + 1) / (kappa - 1))
    return ("under_10" if decades < 1 else "up_to_1e3" if decades < 3
            else "up_to_1e6" if decades < 6 else "beyond_1e6")


def test_the_guide_example_diverges_to_x10_28_93():
    settings = BY_ID["past_limit"].scenario(TABLE, {})
    assert (settings["lam"], settings["eta"], settings["x0"], settings["k"]) == (4.0, 0.6, 1.0, 10)
    found = answer("past_limit")
    assert found.correct == "away" == course_by_hand(4.0, 0.6, 1.0, 10)
    assert float(found.numbers["xk"]) == pytest.approx(28.9254655, rel=1e-4)
    assert found.numbers["two"] == "0.5" and found.why == "why_away"


@pytest.mark.parametrize("current", CURRENT)
def test_preset_questions_ignore_the_learners_settings(current):
    assert answer("past_limit", current) == answer("past_limit")
    assert answer("best_step", current) == answer("best_step")


@pytest.mark.parametrize("current", CURRENT)
def test_here_follows_the_closed_form_at_the_current_settings(current):
    found = answer("here", current)
    expected = course_by_hand(current["lam"], current["eta"], current["x0"], current["k"])
    assert found.correct == expected
    if current["x0"] != 0:
        xk = current["x0"] * (1 - current["eta"] * current["lam"]) ** current["k"]
        assert float(found.numbers["xk"]) == pytest.approx(xk, rel=1e-4, abs=1e-300)


@pytest.mark.parametrize(("eta", "x0", "option", "why"), [
    (0.1, 1.0, "closer", "why_closer"),
    (0.25, 1.0, "closer", "why_exact_zero"),  # eta = 1/lambda: at 0 after one step
    (0.4, -2.0, "closer_flipping", "why_closer_flipping"),
    (0.5, 1.0, "same_size", "why_same_size"),  # eta = 2/lambda: bounces forever
    (0.0, 1.0, "same_size", "why_same_size"),  # no step at all
    (0.4, 0.0, "same_size", "why_at_minimum"),
    (0.505, 1.0, "away", "why_away"),
])
def test_every_course_is_reached(eta, x0, option, why):
    current = {"lam": 4.0, "eta": eta, "x0": x0, "k": 12}
    found = answer("here", current)
    assert (found.correct, found.why) == (option, why)
    assert found.correct == course_by_hand(4.0, eta, x0, 12)


def test_the_ill_conditioned_valley_gets_less_than_10x_closer_in_100_steps():
    settings = BY_ID["best_step"].scenario(TABLE, {})
    assert (settings["L"], settings["mu"], settings["k2"]) == (50.0, 0.5, 100)
    found = answer("best_step")
    assert found.correct == "under_10" == shrink_by_hand(50.0, 0.5, 100)
    decades = 100 * math.log10(101 / 99)  # kappa = 100
    assert float(found.numbers["decades"]) == pytest.approx(decades, abs=0.005)
    assert found.numbers["steps"] == str(math.ceil(6 / math.log10(101 / 99)))  # 691


@pytest.mark.parametrize(("L", "mu", "k2", "option"), [
    (50.0, 0.5, 100, "under_10"), (10.0, 1.0, 20, "up_to_1e3"), (10.0, 1.0, 40, "up_to_1e6"),
    (10.0, 1.0, 200, "beyond_1e6"), (1.0, 10.0, 40, "up_to_1e6"),  # mu > L: swapped
    (5.0, 5.0, 5, "beyond_1e6"),  # kappa = 1: one step lands on the minimum
])
def test_every_shrink_range_is_reached(L, mu, k2, option):
    question = BY_ID["best_step"]
    found = question.answer({**question.scenario(TABLE, {}), "L": L, "mu": mu, "k2": k2})
    assert found.correct == option == shrink_by_hand(L, mu, k2)
    assert found.why == ("why_exact" if L == mu else "why")


@pytest.mark.parametrize("current", CURRENT[:3])
def test_best_step_by_hand_at_random_valleys(current):
    question = BY_ID["best_step"]
    found = question.answer(current)  # the answer function at any valley, not only the preset
    assert found.correct == shrink_by_hand(current["L"], current["mu"], current["k2"])


def test_every_sentence_formats_in_both_languages():
    cases = [(q, q.scenario(TABLE, current)) for q in QUESTIONS for current in [{}, *CURRENT]]
    cases += [(BY_ID["here"], {**TABLE.defaults, "x0": 0.0}),
              (BY_ID["here"], {**TABLE.defaults, "eta": 0.25}),
              (BY_ID["best_step"], {**TABLE.defaults, "L": 5.0, "mu": 5.0})]
    for question, settings in cases:
        found = question.answer(settings)
        for lang in LANGUAGES:
            values = question.prompt_values(settings, lang)
            for key in ("", *(f".{o}" for o in question.options)):
                assert "{" not in t(f"q.descent.{question.id}{key}", lang, **values)
            text = t(f"q.descent.{question.id}.{found.why}", lang, **found.numbers)
            assert text and "{" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_checks_a_prediction_on_the_page(lang):
    at = open_page(PAGE, {"lang": "zh"} if lang == "zh" else None)
    assert not at.exception
    blocks = {getattr(element, "key", None) for element in at.main}
    assert {f"gl-chart-{q.chart}" for q in QUESTIONS} <= blocks  # the charts a card blurs
    at.toggle(key="quiz_on_descent").set_value(True).run()
    question = BY_ID["past_limit"]
    labels = question.prompt_values(question.scenario(TABLE, {}), lang)
    right = t("q.descent.past_limit.away", lang, **labels)  # the closed form's course
    at.radio(key="quiz_descent_past_limit").set_value("closer_flipping").run()
    at.button(key="quiz_check_descent").click().run()
    assert not at.exception
    assert t("quiz.wrong", lang, option=right) in [e.value for e in at.error]
    at.radio(key="quiz_descent_past_limit").set_value("away").run()
    at.button(key="quiz_check_descent").click().run()
    assert t("quiz.right", lang, option=right) in [s.value for s in at.success]


def test_the_current_settings_question_reads_the_sliders_below_the_card():
    at = open_page(PAGE)
    at.toggle(key="quiz_on_descent").set_value(True).run()
    at.slider(key="eta").set_value(0.6).run()  # reruns only section (a)
    at.run()  # a full run: the card comes before the sliders
    at.get("button_group")[0].set_value(1).run()
    assert any("η = 0.6" in m.value for m in at.markdown)
    at.radio(key="quiz_descent_here").set_value("away").run()
    at.button(key="quiz_check_descent").click().run()
    assert not at.exception
    right = t("q.descent.here.away", "en", **BY_ID["here"].prompt_values(TABLE.defaults, "en"))
    assert t("quiz.right", "en", option=right) in [s.value for s in at.success]
