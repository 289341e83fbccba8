"""Questions of the chain-rule page (see ui/questions/__init__.py).

Each answer runs the page's own core call (``core.ensemble.measure_layers`` with the page's
work cap) at the question's setting and reads the same statistics the metrics and charts show.
"""

from core.budget import ensemble_size
from core.ensemble import measure_layers
from core.profiles import mean_factors, median_total_growth
from ui.format import decade_count, factor_from_log10
from ui.i18n import t
from ui.questions import Answer, Question, bucket, check_questions
from ui.tables.chain_rule import BATCH, TABLE

GROWTH_EDGES = (1.0, 4.0, 12.0)  # decades: under 10x, up to 10^4x, up to 10^12x, beyond
GROWTH_OPTIONS = ("under_10", "up_to_1e4", "up_to_1e12", "beyond_1e12")
STAYS_WITHIN = 1.0  # decades either way: "stays within 10x"


def measured(settings: dict):
    """The page's run at ``settings`` (samples, then width, capped as the page caps them)."""
    samples, width = ensemble_size(settings["depth"], settings["width"], settings["samples"])
    return measure_layers(settings["depth"], width, settings["act"], settings["init"],
                          float(settings["gain"]), samples, BATCH, settings["seed"])


def growth_answer(settings: dict) -> Answer:
    """How many decades ||g_0|| / ||g_L|| moves (either way), as one of four ranges."""
    growth = median_total_growth(measured(settings).grad)
    if growth is None:  # every gradient died: it moved further than any finite range
        return Answer(GROWTH_OPTIONS[-1], {}, why="why_dead")
    return Answer(bucket(abs(growth), GROWTH_EDGES, GROWTH_OPTIONS),
                  {"decades": decade_count(abs(growth))},
                  why="why_up" if growth > 0 else "why_down")


def linear_answer(settings: dict) -> Answer:
    """Without any ReLU, does the gradient still grow, stay, or shrink?"""
    run = measured(settings)
    growth = median_total_growth(run.grad)
    if growth is None:
        return Answer("shrinks", {}, why="why_dead")
    option = ("grows" if growth > STAYS_WITHIN else "shrinks" if growth < -STAYS_WITHIN
              else "stays")
    factors = mean_factors(run)
    return Answer(option, {"decades": decade_count(abs(growth)),
                           "weight": factor_from_log10(factors["weight"])}, why=f"why_{option}")


def factor_answer(settings: dict) -> Answer:
    """Which part of the squared per-layer factor is below 1: weights, activation, both, none."""
    factors = mean_factors(measured(settings))
    weight_low, act_low = factors["weight"] < 0, factors["activation"] < 0
    option = ("both" if weight_low and act_low else "weights" if weight_low
              else "activation" if act_low else "neither")
    return Answer(option, {"weight": factor_from_log10(factors["weight"]),
                           "act": factor_from_log10(factors["activation"]),
                           "total": factor_from_log10(factors["total"])})


def scenario_values(settings: dict, lang: str) -> dict:
    return {"depth": settings["depth"], "gain": settings["gain"],
            "act": t(f"act.{settings['act']}", lang), "init": t(f"init.{settings['init']}", lang)}


QUESTIONS = check_questions(TABLE, (
    Question("depth_100", GROWTH_OPTIONS, growth_answer, preset="exploding",
             changes={"depth": 100}, chart="gradient_per_layer", prompt_values=scenario_values),
    Question("linear", ("grows", "stays", "shrinks"), linear_answer,
             preset="relu_not_the_cause", chart="gradient_per_layer",
             prompt_values=scenario_values),
    Question("factor", ("weights", "activation", "both", "neither"), factor_answer,
             chart="factor_split", prompt_values=scenario_values),
))
