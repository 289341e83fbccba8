"""Questions of the explosion page (see ui/questions/__init__.py).

Each answer runs the page's own call for a column (``core.growth.measure_column`` with the
page's sample cap ``column_samples``, as ``run_column`` does) and reads the median total growth
and the verdict that the column's readouts and gradient-profile chart show.
"""

from core import growth, remedies
from ui.format import plain, signed_fixed, significant, superscript_digits
from ui.i18n import t
from ui.questions import Answer, Question, bucket, check_questions
from ui.tables.explosion import TABLE

COLUMN_KEYS = ("act", "init", "gain", "depth", "good", "bn", "res")
VERDICT_OPTIONS = {"stable": "stays", "exploding": "explodes", "vanishing": "vanishes"}
SHRINK_EDGES = (1, 2, 4)  # decades smaller: under 10x, 10-100x, 100x-10^4x, beyond
SHRINK_OPTIONS = ("under_10", "up_to_1e2", "up_to_1e4", "beyond_1e4")
RISING = remedies.TREND_DECADES  # deeper growth beyond this counts as still rising


def preset_settings(name: str) -> dict:
    """Every control's value in the preset ``name``."""
    return {**TABLE.defaults, **TABLE.presets[name]}


def column_changes(preset: str) -> dict:
    """Both columns' networks and remedies as in ``preset`` (width and seed stay the learner's).

    The "BN alone" question uses them instead of the preset, whose name would give it away.
    """
    values = preset_settings(preset)
    return {f"{side}_{key}": values[f"{side}_{key}"] for side in ("l", "r")
            for key in COLUMN_KEYS}


def measured(settings: dict, side: str) -> dict:
    """One column's measurement, as the page's run_column makes it (samples capped)."""
    s = {key: settings[f"{side}_{key}"] for key in COLUMN_KEYS}
    samples = growth.column_samples(s["depth"], settings["width"])
    return growth.measure_column(s["act"], s["init"], float(s["gain"]), s["depth"],
                                 settings["width"],
                                 remedies.Remedies(s["good"], s["bn"], s["res"]), samples,
                                 settings["seed"])


def per_layer(result: dict, depth: int) -> str:
    return significant(growth.per_layer_factor(result["growth"], depth), 3)


def bn_answer(settings: dict) -> Answer:
    """Which network explodes: A (no remedy), B (batch norm), both, neither."""
    a, b = measured(settings, "l"), measured(settings, "r")
    a_up, b_up = a["regime"] == "exploding", b["regime"] == "exploding"
    option = ("both" if a_up and b_up else "plain" if a_up
              else "batch_norm" if b_up else "neither")
    numbers = {"a": signed_fixed(a["growth"], 2), "b": signed_fixed(b["growth"], 2),
               "a_depth": str(settings["l_depth"]), "b_depth": str(settings["r_depth"]),
               "a_gain": plain(settings["l_gain"]), "b_factor": per_layer(b, settings["r_depth"]),
               "tol": significant(remedies.STABLE_DECADES)}
    return Answer(option, numbers, why="why_batch_norm" if option == "batch_norm" else "why")


def residual_answer(settings: dict) -> Answer:
    """What network B's gradient does at the question's depth with residual branches."""
    deep = measured(settings, "r")
    shallow = measured({**settings, "r_depth": RESIDUAL_BASE["r_depth"]}, "r")
    option = VERDICT_OPTIONS[deep["regime"]]
    rising = deep["growth"] > shallow["growth"] + RISING
    why = "why_explodes_rising" if option == "explodes" and rising else f"why_{option}"
    return Answer(option, {"decades": signed_fixed(deep["growth"], 2),
                           "depth": str(settings["r_depth"]),
                           "before": signed_fixed(shallow["growth"], 2),
                           "depth0": str(RESIDUAL_BASE["r_depth"]),
                           "tol": significant(remedies.STABLE_DECADES)}, why=why)


def shallow_answer(settings: dict) -> Answer:
    """How many times smaller ||g_0|| is than ||g_L|| in network A, as one of four ranges."""
    result, depth = measured(settings, "l"), settings["l_depth"]
    shrink = -result["growth"]
    return Answer(bucket(shrink, SHRINK_EDGES, SHRINK_OPTIONS),
                  {"decades": signed_fixed(result["growth"], 2), "depth": str(depth),
                   "factor": per_layer(result, depth)},
                  why="why" if shrink > 0 else "why_not_smaller")


def power_label(decades: int) -> str:
    """10 to a whole power, for an option: 10, 100, 1000, 10⁴."""
    return str(10**decades) if decades <= 3 else "10" + superscript_digits(str(decades))


def network_words(settings: dict, side: str, lang: str) -> dict:
    """One column's activation, init, gain and depth, named as the page names them."""
    return {f"{side}_act": t(f"act.{settings[f'{side}_act']}", lang),
            f"{side}_init": t(f"init.{settings[f'{side}_init']}", lang),
            f"{side}_gain": plain(settings[f"{side}_gain"]),
            f"{side}_depth": settings[f"{side}_depth"]}


def both_values(settings: dict, lang: str) -> dict:
    return {**network_words(settings, "l", lang), **network_words(settings, "r", lang),
            "a": t("ex.left", lang), "b": t("ex.right", lang), "width": settings["width"],
            "seed": settings["seed"], "tol": power_label(int(remedies.STABLE_DECADES))}


def residual_values(settings: dict, lang: str) -> dict:
    return {**network_words(settings, "r", lang), "b": t("ex.right", lang),
            "depth0": RESIDUAL_BASE["r_depth"], "tol": power_label(int(remedies.STABLE_DECADES))}


def shallow_values(settings: dict, lang: str) -> dict:
    low, mid, high = (power_label(edge) for edge in SHRINK_EDGES)
    return {**network_words(settings, "l", lang), "a": t("ex.left", lang),
            "depth0": DEFAULT_DEPTH, "low": low, "mid": mid, "high": high}


RESIDUAL_BASE = preset_settings("residual_rescues")
DEFAULT_DEPTH = preset_settings("defaults")["l_depth"]

QUESTIONS = check_questions(TABLE, (
    Question("bn_relu", ("plain", "batch_norm", "both", "neither"), bn_answer,
             changes=column_changes("bn_alone_explodes_relu"),
             chart="gradient_profile_right", prompt_values=both_values),
    Question("residual_deep", tuple(VERDICT_OPTIONS.values()), residual_answer,
             preset="residual_rescues", changes={"r_depth": 100},
             chart="gradient_profile_right", prompt_values=residual_values),
    Question("sigmoid_shallow", SHRINK_OPTIONS, shallow_answer, preset="defaults",
             changes={"l_depth": 5}, chart="gradient_profile_left",
             prompt_values=shallow_values),
))
