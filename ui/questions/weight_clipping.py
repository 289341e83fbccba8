"""Questions of the weight clipping page (see ui/questions/__init__.py).

The gradient questions run the page's section 2 (``core.weight_bounds.gradient_ratios`` on the
random networks, unclipped and clipped at c, capped as the page caps them, with
``clipped_weights`` for the weights' side); the training question runs section 3's
``core.weight_bounds.training_runs`` exactly as the page calls it.
"""

import math

from core import weight_bounds
from ui.format import caret_power_of_ten, factor, plain, significant
from ui.i18n import t
from ui.questions import Answer, Question, check_questions
from ui.tables.weight_clipping import TABLE

REGIMES = ("explodes", "stable", "vanishes")  # option ids, by core.weight_bounds.gradient_regime
REGIME_OF = {"exploding": "explodes", "stable": "stable", "vanishing": "vanishes"}
TRAIN_OPTIONS = ("better", "same", "worse", "stuck")
SAME_LOSS = 0.05  # final losses this close count as "about the same"; as close to chance: stuck


def regime_answer(settings: dict) -> Answer:
    """What the median ||g_0|| / ||g_L|| does once every weight is clipped at c."""
    c, depth, width = float(settings["c"]), settings["depth"], settings["width"]
    gain, act, seed = float(settings["gain"]), settings["act"], settings["seed"]
    before, after = (weight_bounds.median_at_input(
        weight_bounds.gradient_ratios(clip, depth, width, gain, act, seed))
        for clip in (None, c))
    net = weight_bounds.clipped_weights(c, depth, width, gain, seed)
    option = REGIME_OF[weight_bounds.gradient_regime(after)]
    factor_before, factor_after = net["weight_factor"]
    numbers = {"before": caret_power_of_ten(before), "after": caret_power_of_ten(after),
               "c": plain(c), "std": significant(net["std"]),
               "share": significant(net["at_bound_percent"]),
               "factor_before": factor(factor_before), "factor_after": factor(factor_after),
               "bound": significant(net["bound"]),
               "times": plain(10 ** weight_bounds.REGIME_DECADES)}
    why = "why_untouched" if net["at_bound_percent"] == 0 else f"why_{option}"
    return Answer(option, numbers, why=why)


def finite_or_inf(loss: float) -> float:
    return loss if math.isfinite(loss) else math.inf


def training_outcome(clipped: float, unclipped: float) -> str:
    """The clipped run's final loss against the unclipped one's (non-finite: infinitely high)
    and against guessing (CHANCE_LOSS)."""
    clipped, unclipped = finite_or_inf(clipped), finite_or_inf(unclipped)
    if clipped < unclipped - SAME_LOSS:
        return "better"
    if clipped <= unclipped + SAME_LOSS:
        return "same"
    return "stuck" if clipped >= weight_bounds.CHANCE_LOSS - SAME_LOSS else "worse"


def training_answer(settings: dict) -> Answer:
    """How the run clipped at c ends, against the unclipped run (section 3 of the page)."""
    c, gain, act = float(settings["c"]), float(settings["gain"]), settings["act"]
    data, seed = settings["data"], settings["seed"]
    runs = (weight_bounds.training_runs((None,), gain, act, data, seed)
            + weight_bounds.training_runs(weight_bounds.clip_bounds(c), gain, act, data, seed))
    unclipped, clipped = runs[0], runs[-1]
    option = training_outcome(clipped["final_loss"], unclipped["final_loss"])
    numbers = {"c": plain(c), "clipped": significant(clipped["final_loss"]),
               "unclipped": significant(unclipped["final_loss"]),
               "acc_clipped": significant(clipped["final_accuracy_percent"]),
               "acc_unclipped": significant(unclipped["final_accuracy_percent"]),
               "chance": significant(weight_bounds.CHANCE_LOSS)}
    why = f"why_{option}"
    if unclipped["diverged_at"] is not None:
        why, numbers["step"] = "why_diverged", str(unclipped["diverged_at"])
    return Answer(option, numbers, why=why)


def network_values(settings: dict, lang: str) -> dict:
    return {"c": plain(settings["c"]), "depth": settings["depth"],
            "width": settings["width"], "gain": plain(settings["gain"]),
            "act": t(f"act.{settings['act']}", lang),
            "times": plain(10 ** weight_bounds.REGIME_DECADES)}


def training_values(settings: dict, lang: str) -> dict:
    return {"c": plain(settings["c"]), "gain": plain(settings["gain"]),
            "act": t(f"act.{settings['act']}", lang),
            "data": t(f"wc.data.{settings['data']}", lang),
            "steps": weight_bounds.TRAINING["steps"], "margin": plain(SAME_LOSS),
            "chance": significant(weight_bounds.CHANCE_LOSS)}


QUESTIONS = check_questions(TABLE, (
    Question("wgan", REGIMES, regime_answer, preset="wgan_c_001", chart="gradient_ratio",
             prompt_values=network_values),
    Question("loose", REGIMES, regime_answer, preset="no_real_clipping",
             chart="gradient_ratio", prompt_values=network_values),
    # on a preset: section 3's data set is a fragment's control (a prompt would go stale)
    Question("training", TRAIN_OPTIONS, training_answer, preset="wgan_c_001",
             chart="training_loss", prompt_values=training_values),
))
