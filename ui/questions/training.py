"""Questions of the training lab (see ui/questions/__init__.py).

Each answer trains the run the page trains at the question's setting (the page's configuration
within its work cap, ``core.lab.capped(core.lab.asked_configs(v)[run])``, then
``core.lab.trained_summary``) and reads the outcome its status line and curves show: diverged,
stalled below LEARNT, or learnt (``core.lab.outcome``).
"""

from core import lab
from ui.format import fixed, or_missing, percent_number, plain, significant
from ui.i18n import t
from ui.questions import Answer, Question, check_questions
from ui.tables.training import TABLE

OUTCOMES = ("diverges", "stalls", "learns")
OPTION = {"diverged": "diverges", "stalled": "stalls", "trained": "learns"}  # lab.outcome ->


def trained(settings: dict, run: str) -> dict:
    """Run ``run`` ("A" or "B") at ``settings``, as the page trains it (capped, same seed)."""
    config = lab.capped(lab.asked_configs(settings)[run])
    return lab.trained_summary(config, settings["data"])


def run_numbers(s: dict) -> dict[str, str]:
    """A run's numbers as the why sentences write them ('–' where the run has none)."""
    step = s["divergence"][0] if s["divergence"] is not None else None
    return {"step": or_missing(step, str), "acc": fixed(lab.final_accuracy(s), 1),
            "steps": str(s["steps"]), "grad0": or_missing(s.get("grad0"), significant),
            "max_grad": or_missing(s.get("max_grad"), significant),
            "silent": or_missing(s.get("silent"), str), "majority": percent_number(s["majority"]),
            "clipped": str(s["clipped"]), "chance": plain(lab.CHANCE), "learnt": plain(lab.LEARNT)}


def outcome_answer(s: dict, extra: dict[str, str]) -> Answer:
    """The run's outcome as an option, with its numbers and ``extra`` for the why sentence."""
    option = OPTION[lab.outcome(s)]
    return Answer(option, {**run_numbers(s), **extra}, why=f"why_{option}")


def lr_high_answer(settings: dict) -> Answer:
    """Does a rate far too high blow run A up, stall it, or let it learn?"""
    s = trained(settings, "A")
    found = outcome_answer(s, {})
    if found.correct == "stalls" and s.get("silent") is not None:
        return Answer(found.correct, found.numbers, why="why_stalls_silent")
    return found


def norm_answer(settings: dict) -> Answer:
    """Does clipping the gradient by norm save run B from A's explosion?"""
    return outcome_answer(trained(settings, "B"), {"thr": plain(settings["bthr"])})


def residual_answer(settings: dict) -> Answer:
    """Do residual connections save run B from A's explosion?"""
    a = trained(settings, "A")
    return outcome_answer(trained(settings, "B"),
                          {"grad0_a": or_missing(a.get("grad0"), significant),
                           "gain": plain(settings["gain"])})


def scenario_values(settings: dict, lang: str) -> dict:
    return {"depth": settings["depth"], "gain": plain(settings["gain"]), "lr": settings["lr"],
            "steps": settings["steps"], "thr": plain(settings["bthr"]),
            "opt": t(f"tl.opt.{settings['opt']}", lang), "data": t(f"tl.data.{settings['data']}",
                                                                   lang),
            "chance": plain(lab.CHANCE), "learnt": plain(lab.LEARNT)}


QUESTIONS = check_questions(TABLE, (
    Question("lr_high", OUTCOMES, lr_high_answer, preset="lr_high", chart="accuracy",
             prompt_values=scenario_values),
    Question("norm", OUTCOMES, norm_answer, preset="exploding_norm", chart="loss",
             prompt_values=scenario_values),
    Question("residual", OUTCOMES, residual_answer, preset="exploding",
             changes={"cmp": True, "bclip": "same", "bres": "on"}, chart="loss",
             prompt_values=scenario_values),
))
