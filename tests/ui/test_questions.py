"""Every page's questions: well formed, in both languages, about charts the page draws, and
with ids the room store accepts. (Each page's answers are checked against core in
tests/ui/test_questions_<page>.py.)"""

import importlib
import re
import string
from pathlib import Path

import pytest

from ui.i18n import LANGUAGES, STRINGS, t
from ui.questions import Question, bucket, check_questions
from ui.questions.registry import QUESTIONS
from ui.quiz import question_key
from ui.shell import PAGES_BY_ID

EXPLAINER_PAGES = ("chain_rule", "clipping", "weight_clipping", "descent", "explosion",
                   "training", "explanations")
CASES = [(page, q) for page in QUESTIONS for q in QUESTIONS[page]]
IDS = [f"{page}.{q.id}" for page, q in CASES]
ROOT = Path(__file__).resolve().parents[2]
PAGE_TABLES = {page: importlib.import_module(f"ui.tables.{page}").TABLE for page in QUESTIONS}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_explainer_page_has_two_or_three_questions():
    assert set(QUESTIONS) == set(EXPLAINER_PAGES)
    for page in EXPLAINER_PAGES:
        assert 2 <= len(QUESTIONS[page]) <= 3, page


@pytest.mark.parametrize(("page", "question"), CASES, ids=IDS)
def test_prompt_and_options_read_in_both_languages(page, question):
    table = PAGE_TABLES[page]
    settings = question.scenario(table, {})
    for lang in LANGUAGES:
        values = question.prompt_values(settings, lang) if question.prompt_values else {}
        keys = [f"q.{page}.{question.id}"] + [f"q.{page}.{question.id}.{option}"
                                               for option in question.options]
        for key in keys:  # every placeholder has a value (t() formats only when given some)
            assert placeholders(STRINGS[key][lang]) <= set(values), key
        assert t(keys[0], lang, **values).strip()
        labels = [t(key, lang, **values) for key in keys[1:]]
        assert len(set(labels)) == len(labels), labels  # options read differently


@pytest.mark.parametrize(("page", "question"), CASES, ids=IDS)
def test_ids_fit_the_room_store(page, question):
    assert re.fullmatch(r"[a-z0-9_.]{1,64}", question_key(page, question))
    for option in question.options:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", option)


@pytest.mark.parametrize(("page", "question"), CASES, ids=IDS)
def test_the_blurred_chart_is_one_the_page_draws(page, question):
    if question.chart is None:
        return
    source = (ROOT / PAGES_BY_ID[page].path).read_text(encoding="utf-8")
    prefix = question.chart.rpartition("_")[0]  # or an id per column: f"<prefix>_{SIDES[side]}"
    assert f'"{question.chart}"' in source or f'f"{prefix}_{{' in source, question.chart


def test_no_orphan_question_strings():
    known = {f"q.{page}.{q.id}" for page, q in CASES}
    for key in STRINGS:
        if key.startswith("q."):
            assert ".".join(key.split(".")[:3]) in known, key


def test_a_question_on_an_unknown_preset_or_control_is_refused():
    table = PAGE_TABLES["chain_rule"]

    def answer(settings):
        raise AssertionError("not called")

    with pytest.raises(KeyError):
        check_questions(table, (Question("a", ("x", "y"), answer, preset="nope"),))
    with pytest.raises(KeyError):
        check_questions(table, (Question("a", ("x", "y"), answer, changes={"nope": 1}),))
    with pytest.raises(ValueError):
        check_questions(table, (Question("a", ("x", "y"), answer, changes={"depth": 10**6}),))
    with pytest.raises(ValueError):
        check_questions(table, (Question("a", ("x",), answer),))


def test_a_scenario_starts_from_the_preset_or_the_current_settings():
    table = PAGE_TABLES["chain_rule"]
    on_preset = Question("a", ("x", "y"), lambda s: None, preset="exploding",
                         changes={"depth": 100})
    on_current = Question("b", ("x", "y"), lambda s: None, changes={"depth": 100})
    current = {"gain": 2.0, "act": "tanh"}
    assert on_preset.scenario(table, current) == {**table.presets["exploding"], "depth": 100}
    assert on_current.scenario(table, current) == {**table.defaults, **current, "depth": 100}


def test_bucket_edges():
    options = ("a", "b", "c")
    assert [bucket(v, (1.0, 4.0), options) for v in (-5, 0.99, 1.0, 3.99, 4.0, 1e9)] == \
        ["a", "a", "b", "b", "c", "c"]
    with pytest.raises(ValueError):
        bucket(0.0, (1.0,), options)
