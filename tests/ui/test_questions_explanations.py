"""The explanations page's questions: the answer marked correct agrees with saliency fields
computed here from core directly (train, then input gradients on the page's grid, cosines by
hand), with the exact scaling law as an oracle; every option is reachable at its bucket edges;
the card works on the page (AppTest)."""

import functools
import math
import random
from pathlib import Path

import numpy as np
import pytest

from core import saliency as S
from core import saliency_study as X
from core.datasets import make_dataset
from tests.apptest import open_page
from tests.settings import random_settings as table_settings
from ui.i18n import LANGUAGES, t
from ui.questions.explanations import (
    CHECK_OPTIONS,
    QUESTIONS,
    SCALING_OPTIONS,
    check_option,
    scaling_option,
)
from ui.tables.explanations import TABLE

PAGE = "pages/7_explanations.py"
BY_ID = {q.id: q for q in QUESTIONS}
TAUGHT = {"scaling": "same", "check": "seeds", "clip": "raised"}
WHYS = {"scaling": tuple(f"why_{o}" for o in SCALING_OPTIONS),
        "check": (*(f"why_{o}" for o in CHECK_OPTIONS), "why_empty"),
        "clip": ("why_raised", "why_same", "why_lowered")}


def answer(question_id: str, current: dict | None = None):
    question = BY_ID[question_id]
    return question.answer(question.scenario(TABLE, current or {}))


@functools.cache
def at_preset(question_id: str):
    """The question's answer at its preset, computed once per test session."""
    return answer(question_id)


def random_settings(rng: random.Random) -> dict:
    """A learner's current settings: every control drawn from the table."""
    return table_settings(TABLE, rng)


def grid(settings: dict) -> np.ndarray:
    """The page's 25 x 25 grid of arrows over the data of the first seed."""
    x, _ = make_dataset(settings["data"], X.POINTS, X.NOISE, settings["seed"])
    return S.grid_points(*S.data_extent(x), X.ARROWS)[2]


def params(settings: dict, seed: int, gain: float, lr: float, clip: float | None):
    """A model trained by core directly (no cache), on the data of the first seed."""
    steps = X.steps_for(settings["depth"], settings["width"], settings["steps"])
    return X.trained_run(settings["data"], settings["depth"], settings["width"], gain, lr, steps,
                         clip, seed, settings["seed"])["params"]


def mean_cosine(u: np.ndarray, v: np.ndarray) -> tuple[float, float]:
    """(mean cosine over the rows where both are non-zero, share of such rows), by hand."""
    nu, nv = np.linalg.norm(u, axis=1), np.linalg.norm(v, axis=1)
    both = (nu > 0) & (nv > 0)
    cos = np.sum(u[both] * v[both], axis=1) / (nu[both] * nv[both])
    return (float(cos.mean()) if both.any() else 0.0), float(both.mean())


def seed_cosine(settings: dict, gain: float, lr: float, clip: float | None):
    points = grid(settings)
    first, second = (S.saliency(params(settings, s, gain, lr, clip), points, X.ACT)[0]
                     for s in (settings["seed"], settings["seed"] + 1))
    return mean_cosine(first, second)


def test_scaling_keeps_every_direction_by_the_exact_law():
    settings = BY_ID["scaling"].scenario(TABLE, {})
    gain, depth = settings["gain"], settings["depth"]
    points = grid(settings)
    reference = params(settings, settings["seed"], X.REFERENCE["gain"], X.REFERENCE["lr"], None)
    scaled = S.scale_params(reference, gain)
    (u, log_u), (v, log_v) = (S.saliency(p, points, X.ACT) for p in (reference, scaled))
    alive = np.isfinite(log_u)
    # oracle: ReLU is positively homogeneous, so s(x) -> g^L s(x) point by point
    assert np.allclose(log_v[alive] - log_u[alive], depth * math.log10(gain), atol=1e-9)
    cosine, _ = mean_cosine(u, v)
    moved = int(np.sum(S.log10_margin(reference, points, X.ACT)[0]
                       != S.log10_margin(scaled, points, X.ACT)[0]))
    expected = "same" if cosine > X.EXACT and moved == 0 else (
        "scrambled" if cosine < X.AGREE else "some")
    found = at_preset("scaling")
    assert found.correct == expected == TAUGHT["scaling"]
    assert found.numbers["predicted"] == f"{depth * math.log10(gain):.3f}"
    assert found.numbers["moved"] == str(moved)


def test_check_seeds_disagree_while_each_map_is_stable():
    settings = BY_ID["check"].scenario(TABLE, {})
    cosine, used = seed_cosine(settings, float(settings["gain"]), float(settings["lr"]), None)
    points = grid(settings)
    sigma = X.NUDGE_SHARE * (points[:, 0].max() - points[:, 0].min())
    studied = params(settings, settings["seed"], float(settings["gain"]),
                     float(settings["lr"]), None)
    stability, _ = S.direction_stability(studied, points, X.ACT, sigma, X.NUDGE_REPEATS,
                                         settings["seed"])
    seeds_flag, nudge_flag = cosine < X.AGREE or used < 0.5, stability < X.AGREE
    expected = {(True, False): "seeds", (False, True): "nudge", (True, True): "both",
                (False, False): "neither"}[(seeds_flag, nudge_flag)]
    found = at_preset("check")
    assert found.correct == expected == TAUGHT["check"]
    assert found.numbers["cos"] == f"{cosine:.2f}"
    assert found.numbers["stab"] == f"{stability:.3f}"


def test_clipping_raises_the_seed_agreement():
    settings = BY_ID["clip"].scenario(TABLE, {})
    gain, lr = float(settings["gain"]), float(settings["lr"])
    before, _ = seed_cosine(settings, gain, lr, None)
    after, _ = seed_cosine(settings, gain, lr, float(settings["c"]))
    expected = ("same" if abs(after - before) < X.SAME
                else "raised" if after > before else "lowered")
    found = at_preset("clip")
    assert found.correct == expected == TAUGHT["clip"]
    assert (found.numbers["before"], found.numbers["after"]) == (f"{before:.2f}", f"{after:.2f}")


@pytest.mark.parametrize("seed", range(2))
def test_preset_questions_ignore_the_learners_settings(seed):
    current = random_settings(random.Random(seed))
    assert TABLE.with_changes(current)
    for question_id in BY_ID:
        assert answer(question_id, current) == at_preset(question_id)


@pytest.mark.parametrize(("cosine", "moved", "option"), [
    (1.0, 0, "same"), (X.EXACT, 0, "some"), (1.0, 1, "some"), (X.AGREE, 0, "some"),
    (X.AGREE - 1e-9, 0, "scrambled")])
def test_scaling_options_at_their_edges(cosine, moved, option):
    assert scaling_option(cosine, moved) == option


@pytest.mark.parametrize(("level", "stability", "option"), [
    ("disagree", X.AGREE, "seeds"), ("partly", 1.0, "seeds"), ("empty", 0.9, "seeds"),
    ("agree", X.AGREE - 1e-9, "nudge"), ("disagree", 0.2, "both"), ("agree", X.AGREE, "neither")])
def test_check_options_at_their_edges(level, stability, option):
    assert check_option(level, stability) == option


@pytest.mark.parametrize(("before", "after", "option"), [
    (0.25, 0.5, "raised"), (0.5, 0.5 + X.SAME / 2, "same"), (0.5, 0.25, "lowered")])
def test_clip_options(before, after, option):
    scores = {"unclipped": {"cosine": before}, "studied": {"cosine": after}}
    assert X.clipping_change(scores) == option


@pytest.mark.parametrize("question_id", list(BY_ID))
def test_every_why_sentence_formats_in_both_languages(question_id):
    numbers = at_preset(question_id).numbers
    for why in WHYS[question_id]:
        for lang in LANGUAGES:
            text = t(f"q.explanations.{question_id}.{why}", lang, **numbers)
            assert text and "{" not in text


def test_answers_train_through_the_pages_own_cache():
    # the same function with the same cache parameters shares the page's st.cache_data cache
    source = (Path(__file__).resolve().parents[2] / PAGE).read_text(encoding="utf-8")
    assert "trained = st.cache_data(max_entries=24)(X.trained_run)" in source


def option_label(question_id: str, option: str, lang: str) -> str:
    question = BY_ID[question_id]
    values = question.prompt_values(question.scenario(TABLE, {}), lang)
    return t(f"q.explanations.{question_id}.{option}", lang, **values)


def blur_styles(at) -> list[str]:
    return [el.proto.body for el in at.get("html") if "blur(" in el.proto.body]


def test_the_card_blurs_the_scaled_field_until_checked():
    expected = at_preset("scaling").correct
    at = open_page(PAGE)  # the defaults are the exploding preset: the question is on screen
    at.toggle(key="quiz_on_explanations").set_value(True).run()
    assert not at.exception
    assert blur_styles(at)  # the page below the card
    wrong = next(option for option in SCALING_OPTIONS if option != expected)
    at.radio(key="quiz_explanations_scaling").set_value(wrong).run()
    at.button(key="quiz_check_explanations").click().run()
    assert not at.exception
    label = option_label("scaling", expected, "en")
    assert f"Not quite: the computation says {label}." in [e.value for e in at.error]
    assert not blur_styles(at)
    assert any(".st-key-gl-chart-field_scaled" in el.proto.body for el in at.get("html"))
    assert any(m.value.startswith("Every saliency grew by 10^") for m in at.markdown)


def test_the_card_in_chinese():
    expected = at_preset("check").correct
    at = open_page(PAGE, {"lang": "zh"})
    at.toggle(key="quiz_on_explanations").set_value(True).run()
    at.get("button_group")[0].set_value(1).run()  # the second question: which check
    at.radio(key="quiz_explanations_check").set_value(expected).run()
    at.button(key="quiz_check_explanations").click().run()
    assert not at.exception
    label = option_label("check", expected, "zh")
    assert f"答对了：{label}。" in [s.value for s in at.success]
