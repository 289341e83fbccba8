"""The training lab's questions: the answer marked correct agrees with the run, trained again
here with core.training.train on the lab's data and read from its raw record (not through
core.lab's summary); every option is reachable; the card works on the page (AppTest)."""

import functools
import random

import numpy as np
import pytest

import core.lab as lab
from core import training
from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.format import significant
from ui.i18n import LANGUAGES, t
from ui.questions.training import OUTCOMES, QUESTIONS
from ui.tables.training import TABLE

PAGE = "pages/6_training_lab.py"
BY_ID = {q.id: q for q in QUESTIONS}
# what each preset teaches (if a change to core moves one, the question needs a new look)
TAUGHT = {"lr_high": "stalls", "norm": "learns", "residual": "diverges"}
RUN = {"lr_high": "A", "norm": "B", "residual": "B"}
WHYS = {"lr_high": ("why_diverges", "why_stalls", "why_stalls_silent", "why_learns"),
        "norm": ("why_diverges", "why_stalls", "why_learns"),
        "residual": ("why_diverges", "why_stalls", "why_learns")}


def random_settings(rng: random.Random) -> dict:
    """A learner's current settings: every control drawn from the table (light sizes)."""
    values = table_settings(TABLE, rng)
    return {**values, "depth": min(values["depth"], 6), "steps": 50}


def answer(question_id: str, current: dict | None = None):
    question = BY_ID[question_id]
    return question.answer(question.scenario(TABLE, current or {}))


@functools.cache
def at_preset(question_id: str):
    """The question's answer at its preset, computed once per test session."""
    return answer(question_id)


def raw_run(settings: dict, run: str):
    """The run as the page configures it, trained by core directly: its raw record."""
    config = lab.capped(lab.asked_configs(settings)[run])
    return training.train(config, lab.training_data(settings["data"], config.seed))


def outcome_of(result) -> str:
    if result.divergence is not None:
        return "diverges"
    return "learns" if 100 * result.accuracy[-1] >= lab.LEARNT else "stalls"


@pytest.mark.parametrize("question_id", list(BY_ID))
def test_the_answer_is_the_outcome_of_the_run_trained_by_core(question_id):
    settings = BY_ID[question_id].scenario(TABLE, {})
    result = raw_run(settings, RUN[question_id])
    found = at_preset(question_id)
    assert found.correct == outcome_of(result) == TAUGHT[question_id]
    assert found.numbers["steps"] == str(result.steps_run)
    assert found.numbers["clipped"] == str(int(result.clipped.sum()))
    assert found.numbers["grad0"] == significant(float(result.grad_norm[0]))


def test_lr_high_stalls_without_any_explosion_its_hidden_layers_silent():
    result = raw_run(BY_ID["lr_high"].scenario(TABLE, {}), "A")
    assert result.divergence is None and result.grad_norm.max() < 10
    hidden = result.layer_grad_norms[:, :-1]
    assert not hidden[-1].any()  # the last step: no hidden layer gets a gradient
    assert at_preset("lr_high").why == "why_stalls_silent"
    assert 100 * result.accuracy[-1] == pytest.approx(lab.CHANCE, abs=5)


def test_norm_clipping_learns_though_the_raw_gradient_still_explodes():
    settings = BY_ID["norm"].scenario(TABLE, {})
    a, b = raw_run(settings, "A"), raw_run(settings, "B")
    assert a.divergence is not None and b.divergence is None
    assert b.grad_norm.max() > 100 * settings["bthr"]  # the explosion is still there
    assert np.all(b.grad_norm_clipped <= settings["bthr"] * (1 + 1e-6))
    assert at_preset("norm").numbers["max_grad"] == significant(float(b.grad_norm.max()))


def test_residual_b_starts_with_a_larger_gradient_than_a():
    settings = BY_ID["residual"].scenario(TABLE, {})
    a, b = raw_run(settings, "A"), raw_run(settings, "B")
    assert b.grad_norm[0] > a.grad_norm[0]
    found = at_preset("residual")
    assert found.numbers["step"] == str(b.divergence.step)
    assert found.numbers["grad0_a"] == significant(float(a.grad_norm[0]))


@pytest.mark.parametrize("seed", range(3))
def test_preset_questions_ignore_the_learners_settings(seed):
    current = random_settings(random.Random(seed))
    assert TABLE.with_changes(current)  # a setting the table accepts
    for question_id in BY_ID:
        assert answer(question_id, current) == at_preset(question_id)


def summary(divergence=None, acc=75.0, silent=None) -> dict:
    """A hand-made run summary (core.lab.summarise's keys the answers read)."""
    return {"divergence": divergence, "eval": {"acc": np.array([50.0, acc])}, "steps": 40,
            "grad0": 2.5, "max_grad": 7.0, "silent": silent, "majority": 0.5, "clipped": 3}


@pytest.mark.parametrize(("made", "option"), [
    (summary(divergence=(7, "loss", float("nan"))), "diverges"),
    (summary(acc=lab.LEARNT - 0.1), "stalls"),
    (summary(acc=lab.LEARNT), "learns"),
])
def test_every_option_is_reachable_at_the_bucket_edges(monkeypatch, made, option):
    monkeypatch.setattr(lab, "trained_summary", lambda config, dataset: made)
    for question_id in BY_ID:
        found = answer(question_id)
        assert found.correct == option
        for lang in LANGUAGES:
            text = t(f"q.training.{question_id}.{found.why}", lang, **found.numbers)
            assert text and "{" not in text


def test_a_silent_stall_has_its_own_sentence(monkeypatch):
    monkeypatch.setattr(lab, "trained_summary", lambda config, dataset: summary(acc=50, silent=9))
    assert answer("lr_high").why == "why_stalls_silent"
    assert answer("norm").why == "why_stalls"


@pytest.mark.parametrize("question_id", list(BY_ID))
def test_every_why_sentence_formats_in_both_languages(question_id):
    numbers = at_preset(question_id).numbers
    for why in WHYS[question_id]:
        for lang in LANGUAGES:
            text = t(f"q.training.{question_id}.{why}", lang, **numbers)
            assert text and "{" not in text
    assert set(BY_ID[question_id].options) == set(OUTCOMES)


def option_label(question_id: str, option: str, lang: str) -> str:
    question = BY_ID[question_id]
    values = question.prompt_values(question.scenario(TABLE, {}), lang)
    return t(f"q.training.{question_id}.{option}", lang, **values)


def test_the_card_on_the_page_checks_a_prediction_and_shows_the_setting():
    expected = outcome_of(raw_run(BY_ID["lr_high"].scenario(TABLE, {}), "A"))
    at = open_page(PAGE, {"steps": "100"})
    at.toggle(key="quiz_on_training").set_value(True).run()
    assert not at.exception
    wrong = next(option for option in OUTCOMES if option != expected)
    at.radio(key="quiz_training_lr_high").set_value(wrong).run()
    at.button(key="quiz_check_training").click().run()
    assert not at.exception
    label = option_label("lr_high", expected, "en")
    assert f"Not quite: the computation says {label}." in [e.value for e in at.error]
    assert any(m.value.startswith("A never diverged") for m in at.markdown)
    at.button(key="quiz_show_training").click().run()
    assert not at.exception
    assert (at.selectbox(key="data").value, at.selectbox(key="lr").value) == ("circles", "1")


def test_the_card_in_chinese():
    expected = at_preset("residual").correct
    at = open_page(PAGE, {"steps": "100", "lang": "zh"})
    at.toggle(key="quiz_on_training").set_value(True).run()
    at.get("button_group")[0].set_value(2).run()  # the third question: residual connections
    at.radio(key="quiz_training_residual").set_value(expected).run()
    at.button(key="quiz_check_training").click().run()
    assert not at.exception
    label = option_label("residual", expected, "zh")
    assert f"答对了：{label}。" in [s.value for s in at.success]
