"""Questions of the gradient-descent page (see ui/questions/__init__.py).

The 1-D answers run the page's own call (``core.descent.gd_quadratic_log10`` on λ/2 x², as
``run_1d`` does) and read |x_k| and its sign off the iterates the |x_k| chart draws; the 2-D
answer runs section (b)'s calls (``two_curvatures``, then the best fixed step's iterates and
``log10_norm``, as ``run_2d`` does) and reads the distance chart's last point.
"""

import math

from core.conditioning import log10_norm, two_curvatures
from core.descent import first_zero_step, gd_quadratic_log10, regime_thresholds, step_factor
from ui.format import (
    decade_count,
    e_power_of_ten,
    plain,
    scientific_from_log10,
    short_number,
    significant,
    superscript_digits,
)
from ui.questions import Answer, Question, bucket, check_questions
from ui.tables.descent import TABLE

START_2D = (0.5, 1.0)  # as pages/4_gradient_descent.py: the 2-D runs' start
SHRINK_DECADES = 6  # as the page: "steps to shrink the distance 10^6 times"
SAME_SIZE = 1e-9  # decades: |x_k| within this of |x_0| has not moved (eta = 2/lambda, eta = 0)
COURSE_OPTIONS = ("closer", "closer_flipping", "same_size", "away")
SHRINK_EDGES = (1, 3, 6)  # decades the distance shrinks: under 10x, 10-1000x, 1000x-10^6x, more
SHRINK_OPTIONS = ("under_10", "up_to_1e3", "up_to_1e6", "beyond_1e6")


def run_1d(settings: dict):
    """log10|x_k| and sign(x_k), k = 0..steps, as the page's run_1d."""
    logs, signs = gd_quadratic_log10(settings["lam"], settings["x0"], settings["eta"],
                                     settings["k"])
    return logs[:, 0], signs[:, 0]


def course(logs, signs) -> str:
    """What x did over the run: closer to 0 (with or without sign flips), same size, away."""
    if math.isinf(logs[0]):  # x0 = 0: it sits at the minimum
        return "same_size"
    change = logs[-1] - logs[0]
    if change > SAME_SIZE:
        return "away"
    if change >= -SAME_SIZE:
        return "same_size"
    flipped = any(s * signs[0] < 0 for s in signs[1:])
    return "closer_flipping" if flipped else "closer"


def course_answer(settings: dict) -> Answer:
    """Where x is after k steps of gradient descent on λ/2 x², from the iterates."""
    logs, signs = run_1d(settings)
    option = course(logs, signs)
    lam, eta = settings["lam"], settings["eta"]
    numbers = {"eta": plain(eta), "lam": plain(lam), "k": str(settings["k"]),
               "x0": plain(settings["x0"]), "xk": scientific_from_log10(logs[-1], signs[-1]),
               "factor": significant(step_factor(eta, lam), 4),
               "two": significant(regime_thresholds(lam)[1], 4)}
    zero = first_zero_step(logs)
    if zero == 0:
        return Answer(option, numbers, why="why_at_minimum")
    if zero is not None:
        return Answer(option, {**numbers, "zero": str(zero)}, why="why_exact_zero")
    return Answer(option, numbers, why=f"why_{option}")


def best_step_answer(settings: dict) -> Answer:
    """How many times closer the best fixed step brings x in k2 steps, as one of four ranges."""
    pair = two_curvatures(settings["L"], settings["mu"], settings["frac"], SHRINK_DECADES)
    logs, _ = gd_quadratic_log10([pair.L, pair.mu], START_2D, pair.best_lr, settings["k2"])
    distance = log10_norm(logs)
    shrunk = distance[0] - distance[-1]
    numbers = {"best": significant(pair.best_lr, 4), "rate": significant(pair.best_rate, 4),
               "kappa": significant(pair.kappa, 4), "k": str(settings["k2"]),
               "times": times(shrunk),
               "decades": decade_count(shrunk) if math.isfinite(shrunk) else "∞",
               "target": power_label(SHRINK_DECADES), "steps": str(pair.best_steps)}
    if not math.isfinite(shrunk):  # kappa = 1: the best step lands on the minimum at once
        return Answer(SHRINK_OPTIONS[-1], numbers, why="why_exact")
    return Answer(bucket(shrunk, SHRINK_EDGES, SHRINK_OPTIONS), numbers)


def times(decades: float) -> str:
    """A factor given in decades, for prose: 7.39, 3090, 1e17; ∞ if infinite."""
    if not math.isfinite(decades):
        return "∞"
    return short_number(10.0 ** decades) if decades < 5 else e_power_of_ten(decades)


def power_label(decades: int) -> str:
    """10 to a whole power, for an option: 10, 100, 1000, 10⁶."""
    return str(10**decades) if decades <= 3 else "10" + superscript_digits(str(decades))


def one_d_values(settings: dict, lang: str) -> dict:
    return {"eta": plain(settings["eta"]), "lam": plain(settings["lam"]),
            "x0": plain(settings["x0"]), "k": settings["k"]}


def two_d_values(settings: dict, lang: str) -> dict:
    low, mid, high = (power_label(edge) for edge in SHRINK_EDGES)
    return {"L": plain(settings["L"]), "mu": plain(settings["mu"]), "k": settings["k2"],
            "low": low, "mid": mid, "high": high}


QUESTIONS = check_questions(TABLE, (
    Question("past_limit", COURSE_OPTIONS, course_answer, preset="lr_past_2_over_lambda",
             chart="abs_x_per_step", prompt_values=one_d_values),
    Question("here", COURSE_OPTIONS, course_answer, chart="abs_x_per_step",
             prompt_values=one_d_values),
    Question("best_step", SHRINK_OPTIONS, best_step_answer, preset="ill_conditioned",
             chart="distance_per_step", prompt_values=two_d_values),
))
