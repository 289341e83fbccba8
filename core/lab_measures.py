"""Measures of a training run (core.training) that the training lab's sentences are chosen by,
and the numbers and sentence keys of its presets' stories.

Each is a small exact reduction of what ``train`` records, or of the initial network, so a
sentence on the page can state a measured number instead of assuming an outcome.
"""

import math

import numpy as np

from core.classifier import forward, has_skip, init_params
from core.optimizers import ADAM_EPS, MOMENTUM
from core.param_measures import clipped_spectral_bound, share_at_bound, spectral_norms
from core.schedules import schedule_parameters
from core.theory import gradient_factor, theory_applies, weight_factor
from core.train_step import clip_params
from core.training import TrainConfig


def fan_in_mean_square(weights: list[np.ndarray]) -> np.ndarray:
    """n E[w^2] per layer (n = fan_in): the realised n Var[w] of the backward factor
    n Var[w] E[phi'(z)^2] (He et al. 2015, Eq. 13-14); ReLU is balanced at 2."""
    return np.array([w.shape[1] * float(np.mean(w * w)) for w in weights])


def median_log10_ratio(layer_grad_norms: np.ndarray) -> float:
    """Median over the steps of log10(first layer's gradient norm / last layer's), over the
    steps where both are non-zero; NaN if there is no such step."""
    norms = np.asarray(layer_grad_norms, dtype=float).reshape(len(layer_grad_norms), -1)
    both = (norms[:, 0] > 0) & (norms[:, -1] > 0)
    if not both.any():
        return math.nan
    return float(np.median(np.log10(norms[both, 0] / norms[both, -1])))


def silent_from(layer_grad_norms: np.ndarray) -> int | None:
    """The first step (1-based) from which no hidden layer gets any gradient (every hidden
    layer's gradient norm exactly 0) up to the end of the run; None if the last step has one."""
    norms = np.asarray(layer_grad_norms, dtype=float).reshape(len(layer_grad_norms), -1)
    if norms.shape[1] < 2 or not len(norms):
        return None
    alive = np.flatnonzero(np.any(norms[:, :-1] > 0, axis=1))
    if len(alive) and alive[-1] == len(norms) - 1:
        return None
    return int(alive[-1]) + 2 if len(alive) else 1


def majority_share(p1: np.ndarray) -> float:
    """Share of the points assigned to the more frequent predicted class (P(class 1) > 0.5)."""
    ones = float(np.mean(np.asarray(p1) > 0.5))
    return max(ones, 1.0 - ones)


def halved_at(rates: np.ndarray) -> int | None:
    """The first step (1-based) whose learning rate is at most half the first one, or None."""
    rates = np.asarray(rates, dtype=float)
    hits = np.flatnonzero(rates <= rates[0] / 2) if len(rates) else []
    return int(hits[0]) + 1 if len(hits) else None


def activation_spread_log10(params, x: np.ndarray, activation: str,
                            residual: bool = False) -> np.ndarray:
    """log10 of how much each layer's output varies across the rows of x: the mean over units
    of the standard deviation over the rows, for a_0 (the input) .. a_{L-1} (the last hidden
    layer); -inf for a layer whose output is the same for every row. Batch norm uses the
    statistics of x itself."""
    with np.errstate(all="ignore"):
        activations = forward(params, x, activation, residual)[1]
        spreads = np.array([float(np.mean(np.std(a, axis=0))) for a in activations])
        return np.log10(spreads)


def initial_measures(config: TrainConfig, x: np.ndarray, n_out: int = 2) -> dict:
    """What the network of ``config`` looks like at step 0, before any update (weight
    clipping, if set, already applied as in ``train``):

    n_var: n E[w^2] per layer; spectral: ||W||_2 per layer; at_bound: share of weights at
    +-weight_clip (0 without); spread: activation_spread_log10 on x per layer; skips: number of
    hidden layers with a residual connection (0 without); hidden: number of hidden layers."""
    params = clip_params(init_params(config, x.shape[1], n_out), config)
    weights = params[0]
    return {
        "n_var": fan_in_mean_square(weights),
        "spectral": spectral_norms(weights),
        "at_bound": (0.0 if config.weight_clip is None
                     else share_at_bound(weights, config.weight_clip)),
        "spread": activation_spread_log10(params, x, config.activation, config.residual),
        "skips": sum(has_skip(weights, layer, config.residual) for layer in range(len(weights))),
        "hidden": config.depth - 1,
    }


# ---------------------------------------------------------------- the presets' stories

ONE_CLASS = 0.95  # share of points in one predicted class from which a run "predicts one class"
FADED = 2.0  # decades the forward signal must lose before a story says it fades
SIGMOID_SLOPE = 0.25  # max of sigmoid'(z), at z = 0


def story_numbers(runs: dict, configs: dict, starts: dict) -> dict:
    """Every number a preset's story may name: "network" (A's setting and initial network),
    "runs" (run_numbers per run key) and, with a run B, "b" (b_numbers)."""
    ca, sa = configs["A"], starts["A"]
    n_var = weight_factor(ca.init, ca.gain, ca.width, ca.width)
    network = {"depth": ca.depth, "hidden": sa["hidden"], "width": ca.width, "gain": ca.gain,
               "lr": ca.lr, "momentum": MOMENTUM, "eps": ADAM_EPS, "spread0": sa["spread"][0],
               "n_var": n_var, "cap": n_var * SIGMOID_SLOPE ** 2}
    if theory_applies(ca.activation):
        network["factor"] = gradient_factor(ca.activation, ca.init, ca.gain, ca.width, ca.width)
    numbers = {"network": network,
               "runs": {key: run_numbers(s, configs[key], starts[key]) for key, s in runs.items()}}
    if "B" in configs:
        numbers["b"] = b_numbers(configs["B"], sa)
    return numbers


def run_numbers(s: dict, config: TrainConfig, start: dict) -> dict:
    """A story's numbers about one run; None where the run has no such number (no hidden
    width x width layer, no gradient clipping, a rate never halved)."""
    hidden_n_var = start["n_var"][1:-1]  # the width x width layers
    numbers = {"steps": s["steps"], "clipped": s["clipped"], "spread": start["spread"][-1],
               "n_var": float(np.mean(hidden_n_var)) if len(hidden_n_var) else None,
               "at_bound": start["at_bound"], "skips": start["skips"],
               "majority": s["majority"], "thr": config.grad_clip or None}
    if "grad0" in s:
        numbers |= {"grad0": s["grad0"], "ratio": s["ratio"], "silent": s["silent"],
                    "loss": s["eval"]["loss"][-1], "half": s["lr"][2], "end": s["lr"][1],
                    "g1_start": s["first_layer"][0], "g1_end": s["first_layer"][1]}
    return numbers


def b_numbers(cb: TrainConfig, sa: dict) -> dict:
    """A story's numbers about B's schedule and weight clipping against A's initial network:
    decay (the inverse-time decay constant times T: 20 in lr / (1 + 20 t/T), else 0),
    spec_lo/spec_hi (A's hidden ||W||_2 range) and, with weight clipping, c, bound (c sqrt(mn))
    and ncc (n c^2)."""
    spectral = sa["spectral"][1:-1]
    decay = schedule_parameters(cb.schedule, cb.steps).get("decay", 0.0) * cb.steps
    numbers = {"decay": decay, "spec_lo": float(np.min(spectral, initial=np.inf)),
               "spec_hi": float(np.max(spectral, initial=0.0))}
    if cb.weight_clip is not None:
        numbers |= {"c": cb.weight_clip,
                    "bound": clipped_spectral_bound(cb.weight_clip, (cb.width, cb.width)),
                    "ncc": cb.width * cb.weight_clip ** 2}
    return numbers


def story_clauses(preset: str, runs: dict, configs: dict, starts: dict) -> list[str]:
    """The keys of the sentences after a preset's opening, each chosen by the numbers."""
    a, b = runs["A"], runs.get("B", {})
    keys = []
    if preset == "lr_high":
        if a.get("silent") is not None:
            keys.append("tl.story.lr_high.silent")
        if a["majority"] >= ONE_CLASS:
            keys.append("tl.story.lr_high.one_class")
    elif preset == "lr_decay" and a.get("silent") is not None and b.get("silent") is None:
        keys.append("tl.story.lr_decay.silent")
    elif preset == "vanishing" and "first_layer" in a:
        keys.append("tl.story.vanishing.adam")
        spread = starts["A"]["spread"]
        if spread[-1] <= spread[0] - FADED:
            keys.append("tl.story.vanishing.forward")
    elif preset == "weight_clip" and configs["B"].weight_clip is not None:
        bound = clipped_spectral_bound(configs["B"].weight_clip, (configs["B"].width,) * 2)
        loose = bound > float(np.max(starts["A"]["spectral"][1:-1], initial=0.0))
        keys += ["tl.story.weight_clip." + ("loose" if loose else "tight"),
                 "tl.story.weight_clip.limit"]
    return keys
