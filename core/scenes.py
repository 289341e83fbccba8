"""The numbers the workshop's scenes quote, each computed from its page's preset (the full
settings of ``ui.presets.PRESETS``): theory for the chain rule, simulated explosion columns,
the 2-D clipping picture, the weights clipping pins, one-dimensional gradient descent."""

import math

import numpy as np

from core import growth, remedies, theory
from core.activations import activation as activation_functions
from core.clipping import clip_2d, clip_weights, compare_to_original, polar_vector
from core.descent import gd_quadratic, step_factors
from core.param_measures import share_at_bound
from core.weight_bounds import random_networks

SIDES = ("l", "r")  # the explosion page's columns (the prefixes of their settings)
COLUMN_SETTINGS = ("act", "init", "gain", "depth", "good", "bn", "res", "clip")


def chain_rule_numbers(p: dict) -> dict[str, float]:
    """n Var[w], and the expected growth in decades with the per-layer factor (theory); for an
    activation theory does not cover (sigmoid), its bound from phi'(0), the largest slope:
    E[phi'^2] <= phi'(0)^2, and the decades the gradient shrinks by at least."""
    n_var = theory.weight_factor(p["init"], p["gain"], p["width"], p["width"])
    if theory.theory_applies(p["act"]):
        widths = [p["width"]] * (p["depth"] + 1)
        growth = theory.expected_log10_growth(widths, p["act"], p["init"], p["gain"])[0]
        factor = theory.gradient_factor(p["act"], p["init"], p["gain"], p["width"], p["width"])
        return {"nvar": n_var, "decades": float(growth), "factor": factor}
    _, slope = activation_functions(p["act"])
    bound = n_var * float(slope(np.zeros(1))[0]) ** 2
    return {"nvar": n_var, "bound": bound, "decades": float(-0.5 * p["depth"] * np.log10(bound))}


def explosion_column(p: dict, side: str, **changes) -> dict[str, float]:
    """One explosion column (side "l" or "r") of preset ``p``, with ``changes`` to its
    settings, measured as the page measures it (``growth.measure_column`` and, when the column
    clips, ``growth.clip_all_layers``): the median growth in decades and the decades clipping
    shifts every layer down (0 without clipping)."""
    s = {key: p[f"{side}_{key}"] for key in COLUMN_SETTINGS} | changes
    measured = growth.measure_column(s["act"], s["init"], float(s["gain"]), s["depth"],
                                     p["width"], remedies.Remedies(s["good"], s["bn"], s["res"]),
                                     growth.column_samples(s["depth"], p["width"]), p["seed"])
    shift = 0.0
    if s["clip"]:
        _, factor = growth.clip_all_layers(measured["weight"], p["max_norm"])
        shift = -math.log10(factor)
    return {"growth": measured["growth"], "shift": shift}


def explosion_numbers(p: dict, plain: dict) -> dict[str, float]:
    """Both columns' growth and clipping shift, the left column of ``plain`` (the page's
    defaults) for comparison, and the right column at the largest depth of the page's curve."""
    cols = {side: explosion_column(p, side) for side in SIDES}
    deep = remedies.DEPTH_CURVE[-1]
    return {"left": cols["l"]["growth"], "right": cols["r"]["growth"],
            "before": explosion_column(plain, "l")["growth"], "deep": deep,
            "left_shift": cols["l"]["shift"], "right_shift": cols["r"]["shift"],
            "deep_right": explosion_column(p, "r", depth=deep)["growth"]}


def value_clipping_angle(p: dict) -> float:
    """The angle (degrees) clipping by value turns the 2-D gradient of the clipping page by."""
    g = polar_vector(p["mag"], p["ang"])
    return compare_to_original(g, clip_2d(g, p["thr"])["value"])["angle"]


def share_pinned(p: dict) -> float:
    """Share of the weight clipping page's random He-initialised networks
    (``weight_bounds.random_networks``) that clipping at c puts exactly at +-c."""
    weights = random_networks(p["depth"], p["width"], p["gain"], p["seed"])
    return share_at_bound(clip_weights(weights, p["c"]), p["c"])


def descent_numbers(p: dict) -> dict[str, float]:
    """On f(x) = lambda x^2 / 2: the step factor 1 - eta lambda, its size, x after k steps,
    and the last learning rate of the decaying schedules (eta0 times the end share)."""
    factor = float(step_factors([p["lam"]], p["eta"], 1)[0, 0])
    x_k = float(gd_quadratic([p["lam"]], [p["x0"]], p["eta"], p["k"])[-1, 0])
    return {"factor": factor, "size": abs(factor), "xk": x_k, "last": p["eta0"] * p["end"]}
