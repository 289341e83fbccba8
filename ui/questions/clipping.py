"""Questions of the gradient-clipping page (see ui/questions/__init__.py).

One per section, each answered by the section's own core call: the 2-D arrow
(``core.clipping.clip_2d_measures``), a deep network's gradient clipped both ways to the same
length (``core.clip_effects.deep_gradient_summary``) and descent on the cliff
(``core.cliff.cliff_runs``).
"""

from core.cliff import VALLEY_SLOPE, cliff_runs
from core.clip_effects import deep_gradient_summary
from core.clipping import clip_2d_measures, value_clip_outcome
from ui.format import fixed, plain, short_number, significant
from ui.questions import Answer, Question, bucket, check_questions
from ui.tables.clipping import TABLE

BIN_WIDTH = 0.25  # the page's histogram bins (decades); the angle does not depend on them
TURN_EDGE = 10.0  # degrees: "turns a little" below this, "turns a lot" from it
ARROW_OPTIONS = ("keeps", "small_turn", "large_turn")
DEEP_EDGES = (5.0, 20.0, 45.0)  # degrees
DEEP_OPTIONS = ("under_5", "up_to_20", "up_to_45", "beyond_45")
CLIFF_OPTIONS = ("never", "cliff_only", "also_gentle", "every")


def arrow_answer(settings: dict) -> Answer:
    """Does clipping by value keep the 2-D arrow's direction, or turn it a little or a lot?"""
    rows = {row["method"]: row for row in clip_2d_measures(
        float(settings["mag"]), float(settings["ang"]), float(settings["thr"]))}
    none, value, norm = rows["none"], rows["value"], rows["norm"]
    outcome = value_clip_outcome(value["changed"], value["angle_to_original"])
    numbers = {"angle": fixed(value["angle_to_original"], 1), "changed": str(value["changed"]),
               "x0": significant(none["x"]), "y0": significant(none["y"]),
               "x1": significant(value["x"]), "y1": significant(value["y"]),
               "thr": plain(settings["thr"]), "norm": short_number(norm["norm"])}
    if outcome in ("inside", "kept"):
        return Answer("keeps", numbers, why=f"why_{outcome}")
    option = bucket(value["angle_to_original"], (TURN_EDGE,), ARROW_OPTIONS[1:])
    return Answer(option, numbers, why="why_bent")


def deep_answer(settings: dict) -> Answer:
    """How far clipping by value turns a deep network's gradient, at the same length as by
    norm (the page's section (b) at these settings)."""
    summary = deep_gradient_summary(settings["depth"], settings["width"],
                                    float(settings["gain"]), settings["keep"] / 100.0,
                                    settings["seed"], BIN_WIDTH)
    value, norm = summary["metrics"]["value"], summary["metrics"]["norm"]
    return Answer(bucket(value["angle"], DEEP_EDGES, DEEP_OPTIONS),
                  {"angle": fixed(value["angle"], 1), "cosine": fixed(value["cosine"], 3),
                   "changed": significant(100 * value["changed"]), "v": short_number(summary["v"]),
                   "norm_angle": fixed(norm["angle"], 1), "keep": str(settings["keep"])})


def cliff_outcome(grad_norm, clipped) -> str:
    """Which steps clipping changed: none, only cliff-face steps (a gradient longer than the
    valley's slope can be), every step, or some steps on the gentle slopes too."""
    if not clipped.any():
        return "never"
    if clipped.all():
        return "every"
    return "cliff_only" if (grad_norm[clipped] > VALLEY_SLOPE).all() else "also_gentle"


def cliff_answer(settings: dict) -> Answer:
    """On which steps of descent on the cliff clipping by norm changes the update."""
    lr = float(settings["lr"])
    runs = cliff_runs((float(settings["w1"]), float(settings["w2"])), lr,
                      int(settings["steps"]), float(settings["ct"]))
    norm, none = runs["norm"], runs["none"]
    option = cliff_outcome(norm["grad_norm"], norm["clipped"])
    taken = len(norm["grad_norm"])
    numbers = {"n": str(norm["n_clipped"]), "taken": str(taken), "ct": plain(settings["ct"]),
               "valley": significant(VALLEY_SLOPE), "move": short_number(lr * settings["ct"]),
               # the table's steps >= 1, and a norm-clipped step cannot overflow: taken >= 1
               "peak": short_number(norm["peak"]), "low": short_number(norm["grad_norm"].min()),
               "free_move": short_number(none["peak_move"])}
    why = f"why_{option}"
    if option == "cliff_only" and settings["ct"] <= VALLEY_SLOPE:
        why = "why_cliff_path"  # a gentle step could have been clipped; this path had none
    return Answer(option, numbers, why=why)


def arrow_values(settings: dict, lang: str) -> dict:
    return {"mag": plain(settings["mag"]), "ang": plain(settings["ang"]),
            "thr": plain(settings["thr"]), "edge": plain(TURN_EDGE)}


def deep_values(settings: dict, lang: str) -> dict:
    low, middle, high = (plain(edge) for edge in DEEP_EDGES)
    return {"depth": settings["depth"], "width": settings["width"],
            "gain": plain(settings["gain"]), "keep": settings["keep"], "low": low,
            "middle": middle, "high": high}


def cliff_values(settings: dict, lang: str) -> dict:
    return {"w1": plain(settings["w1"]), "w2": plain(settings["w2"]),
            "lr": plain(settings["lr"]), "steps": settings["steps"],
            "ct": plain(settings["ct"])}


# Each on the page's default preset: one setting that shows all three ideas at once.
QUESTIONS = check_questions(TABLE, (
    Question("arrow", ARROW_OPTIONS, arrow_answer, preset="clipping_saves_cliff",
             chart="vectors_2d", prompt_values=arrow_values),
    # the answer is the cosine metric beside the charts, not a picture: no chart to outline
    Question("deep", DEEP_OPTIONS, deep_answer, preset="clipping_saves_cliff",
             prompt_values=deep_values),
    Question("cliff", CLIFF_OPTIONS, cliff_answer, preset="clipping_saves_cliff",
             chart="cliff_grad_norm", prompt_values=cliff_values),
))
