"""Questions of the explanations page (see ui/questions/__init__.py).

Each answer builds the views the page builds at the question's setting: the models of
``core.saliency_study.model_runs`` (steps within the page's work cap), trained through the
page's own cache of ``trained_run`` (the same function with the same cache parameters, so a run
the page trained is not trained again), and ``saliency_view`` of each, then reads the numbers
the page's agreement and scaling sections show.
"""

import streamlit as st

from core import saliency_study as X
from ui.format import caret_power_of_ten_or_zero, fixed, percent_number, plain
from ui.questions import Answer, Question, check_questions
from ui.tables.explanations import TABLE

# The page's `trained` (pages/7_explanations.py): the same function and max_entries share one
# st.cache_data cache (a different max_entries would replace the page's cache).
trained = st.cache_data(max_entries=24)(X.trained_run)

SCALING_OPTIONS = ("same", "some", "scrambled")
CHECK_OPTIONS = ("seeds", "nudge", "both", "neither")
CLIP_OPTIONS = ("raised", "same", "lowered")


def views(settings: dict, keys: tuple[str, ...], seeds: int = 2) -> dict[str, list[dict]]:
    """The page's saliency views of the models ``keys`` (their first ``seeds`` seeds)."""
    steps = X.steps_for(settings["depth"], settings["width"], settings["steps"])
    runs = X.model_runs(settings["data"], settings["depth"], settings["width"],
                        float(settings["gain"]), float(settings["lr"]), steps,
                        float(settings["c"]) if settings["clip"] else None, settings["seed"])
    # as the page's `explained`: trained(*args), then the view with (data, data_seed, seed)
    return {key: [X.saliency_view(trained(*args), args[0], args[8], args[7], scale)
                  for args, scale in runs[key][:seeds]] for key in keys}


def scaling_option(cosine: float, moved: int) -> str:
    """"same" (every direction kept, to cosine EXACT, and no class changed), "scrambled"
    (directions agree less than AGREE) or "some" (in between)."""
    if cosine > X.EXACT and moved == 0:
        return "same"
    return "scrambled" if cosine < X.AGREE else "some"


def scaling_answer(settings: dict) -> Answer:
    """Scaling the trained reference by g: do its saliency directions change?"""
    found = views(settings, ("reference", "scaled"), seeds=1)
    numbers = X.scaling_numbers(found, settings["depth"], settings["gain"])
    option = scaling_option(numbers["cosine"], numbers["moved"])
    return Answer(option, {"measured": fixed(numbers["measured"], 3),
                           "predicted": fixed(numbers["predicted"], 3),
                           "cos": fixed(numbers["cosine"], 4), "moved": str(numbers["moved"]),
                           "points": str(numbers["points"])}, why=f"why_{option}")


def check_option(seed_level: str, stability: float) -> str:
    """Which check flags the explanation: the seeds (their agreement level is not "agree"),
    a nudge (stability below AGREE), both or neither."""
    seeds, nudge = seed_level != "agree", stability < X.AGREE
    return ("both" if seeds and nudge else "seeds" if seeds else "nudge" if nudge
            else "neither")


def check_answer(settings: dict) -> Answer:
    """Which check says the studied model's explanation cannot be trusted?"""
    found = views(settings, ("reference", "studied"))
    scores = X.agreement_scores(found)
    studied, reference = scores["studied"], scores["reference"]
    level = X.level(studied["cosine"], studied["used"])
    stability = found["studied"][0]["stability"]
    option = check_option(level, stability)
    numbers = {"cos": fixed(studied["cosine"], 2), "ref": fixed(reference["cosine"], 2),
               "stab": fixed(stability, 3),
               "ref_stab": fixed(found["reference"][0]["stability"], 3),
               "used": percent_number(studied["used"]),
               "acc": percent_number(found["studied"][0]["accuracy"]),
               "ref_acc": percent_number(found["reference"][0]["accuracy"]),
               "agree": plain(X.AGREE)}
    return Answer(option, numbers, why="why_empty" if level == "empty" else f"why_{option}")


def clip_answer(settings: dict) -> Answer:
    """Does clipping the studied model's gradient raise its seed agreement?"""
    found = views(settings, ("unclipped", "studied"))
    scores = X.agreement_scores(found)
    option = X.clipping_change(scores)
    return Answer(option, {
        "before": fixed(scores["unclipped"]["cosine"], 2),
        "after": fixed(scores["studied"]["cosine"], 2), "c": plain(settings["c"]),
        "grad_before": caret_power_of_ten_or_zero(found["unclipped"][0]["grad_log10"]),
        "grad_after": caret_power_of_ten_or_zero(found["studied"][0]["grad_log10"])},
        why=f"why_{option}")


def scenario_values(settings: dict, lang: str) -> dict:
    return {"depth": settings["depth"], "gain": plain(settings["gain"]),
            "lr": plain(settings["lr"]), "c": plain(settings["c"]),
            "ref_gain": plain(X.REFERENCE["gain"]), "ref_lr": plain(X.REFERENCE["lr"]),
            "agree": plain(X.AGREE), "same": plain(X.SAME),
            "share": percent_number(X.NUDGE_SHARE, None)}


QUESTIONS = check_questions(TABLE, (
    Question("scaling", SCALING_OPTIONS, scaling_answer, preset="exploding",
             chart="field_scaled", prompt_values=scenario_values),
    Question("check", CHECK_OPTIONS, check_answer, preset="exploding", chart="agreement",
             prompt_values=scenario_values),
    Question("clip", CLIP_OPTIONS, clip_answer, preset="exploding_clipped", chart="agreement",
             prompt_values=scenario_values),
))
