"""What bounding every weight to [-c, c] does: to the weights' spread, the layers' spectral
norms, a random network's gradients, and a small network's training.

Each |w_ij| <= c gives ||W||_2 <= ||W||_F <= c sqrt(mn), so through L layers the gradient ratio
||g_0|| / ||g_L|| is at most (c sqrt(mn))^L times max|phi'|^L (max|phi'| <= 1 here). WGAN clips
every weight to [-0.01, 0.01] (Arjovsky et al. 2017, Sec. 3); trained weights pile up at +-c
(Gulrajani et al. 2017, Sec. 3.2); n Var[w] is the per-layer weight factor of He et al. 2015
(Eq. 13-14).
"""

import math

import numpy as np

from core import budget
from core.clipping import clip_weights
from core.datasets import make_dataset
from core.ensemble import draw_inputs, init_std, init_weights
from core.mlp import Mlp
from core.mlp_logspace import log10_gradient_norms
from core.param_measures import clipped_spectral_bound, spectral_norms
from core.training import TrainConfig
from core.weight_clipping import clip_in_place, clip_stats, train_clip_sweep

MAX_NETWORKS = 8  # random networks measured at once (fewer when large: core.budget)
BATCH = 4  # random inputs per network
SPECTRAL_LAYERS = 3  # exact SVDs of the first, middle and last layer (LAPACK is the slow part)
BINS = 60
TRAINING = {"depth": 4, "width": 32, "steps": 300, "batch_size": 64, "lr": 0.1, "eval_every": 5}
DATA_POINTS, DATA_NOISE = 400, 0.1
CLIP_MULTIPLES = (None, 4, 2, 1)  # training runs: no clipping, then 4c, 2c, c
CLASSES = 2  # the toy data sets are two-class problems
CHANCE_LOSS = math.log(CLASSES)  # cross-entropy of guessing every class equally
REGIME_DECADES = 1.0  # |log10 ratio| beyond this counts as exploding or vanishing
PILE_MOVE = 2.0  # percentage points: a smaller change of the share at +-c "barely moved"


# ---------------------------------------------------------------- random networks, clipped


def random_networks(depth: int, width: int, gain: float, seed: int) -> list[np.ndarray]:
    """He-initialised networks of ``depth`` square layers, as many as the work cap allows."""
    return init_weights([width] * (depth + 1), "he", gain, seed,
                        samples=budget.clipped_networks(depth, width, MAX_NETWORKS))


def histogram_edges(c: float, spread: float, bins: int = BINS) -> np.ndarray:
    """``bins`` equal bins over a symmetric range that shows both the weights and +-c."""
    half = max(4.0 * spread, 1.15 * c)
    return np.linspace(-half, half, bins + 1)


def spectral_layers(depth: int, count: int = SPECTRAL_LAYERS) -> np.ndarray:
    """The first, middle and last layer (fewer in a shallower network)."""
    return np.unique(np.linspace(0, depth - 1, min(count, depth)).round().astype(int))


def first_network_layers(depth: int, width: int, gain: float, seed: int) -> list[np.ndarray]:
    """The spectral layers of the first random network."""
    weights = random_networks(depth, width, gain, seed)
    return [weights[i][0] for i in spectral_layers(depth)]


def median_spectral_norm(matrices: list[np.ndarray]) -> float:
    """Median ||W||_2 (exact SVDs) of ``matrices``."""
    return float(np.median(spectral_norms(matrices)))


def unclipped_spectral_norm(depth: int, width: int, gain: float, seed: int) -> float:
    """Median ||W||_2 of the first network's spectral layers, unclipped."""
    return median_spectral_norm(first_network_layers(depth, width, gain, seed))


def clipped_weights(c: float, depth: int, width: int, gain: float, seed: int) -> dict:
    """The random networks' weights before and after clipping to [-c, c].

    networks; edges of the histogram; stats (``core.weight_clipping.clip_stats``); std (He);
    c_over_std; at_bound_percent (share of weights moved to +-c, %); weight_factor (n Var[w]
    before, after) and its change; spectral_after (median ||W||_2 of the clipped spectral
    layers of the first network) and spectral_layers (how many); bound c sqrt(mn); note
    (``weights_note``).
    """
    weights = random_networks(depth, width, gain, seed)
    std = init_std("he", width, width, gain)
    edges = histogram_edges(c, std)
    stats = clip_stats(weights, c, edges)
    layers = spectral_layers(depth)
    before, after = stats["factor"]
    at_bound_percent = 100 * (stats["at_low"] + stats["at_high"])
    bound = clipped_spectral_bound(c, (width, width))
    return {
        "networks": len(weights[0]),
        "edges": edges,
        "stats": stats,
        "std": std,
        "c_over_std": c / std,
        "at_bound_percent": at_bound_percent,
        "weight_factor": (before, after),
        "weight_factor_change": after - before,
        "spectral_after": median_spectral_norm(clip_weights([weights[i][0] for i in layers],
                                                            c)),
        "spectral_layers": len(layers),
        "bound": bound,
        "note": weights_note(at_bound_percent, bound),
    }


# ---------------------------------------------------------------- gradients and their cap


def gradient_ratios(clip: float | None, depth: int, width: int, gain: float, activation: str,
                    seed: int) -> np.ndarray:
    """log10(||g_l|| / ||g_L||) for l = 0..L of every random network and input, clipped at
    ``clip`` (None: unclipped); shape (L+1, networks, BATCH)."""
    weights = random_networks(depth, width, gain, seed)  # fresh arrays: clamped in place
    if clip is not None:
        clip_in_place(weights, clip)
    x, upstream = draw_inputs(seed, len(weights[0]), BATCH, width)
    log10_norms = log10_gradient_norms(Mlp(weights, activation), x, upstream)
    return log10_norms - log10_norms[-1]


def median_at_input(ratios: np.ndarray) -> float:
    """Median of the finite ratios at layer 0 (-inf if none is finite)."""
    first = ratios[0][np.isfinite(ratios[0])]
    return float(np.median(first)) if first.size else -math.inf


def log10_cap(bound: float, depth: int) -> np.ndarray:
    """log10 of bound^(L-l) for l = 0..L: the most ||g_l|| / ||g_L|| can be."""
    return (depth - np.arange(depth + 1)) * math.log10(bound)


def gradient_regime(log10_ratio: float) -> str:
    """'vanishing', 'stable' or 'exploding' by REGIME_DECADES."""
    if log10_ratio < -REGIME_DECADES:
        return "vanishing"
    return "exploding" if log10_ratio > REGIME_DECADES else "stable"


def cap_outcome(bound: float, log10_cap_total: float) -> str:
    """What the cap bound^L alone guarantees: forced vanishing ("forced"), shrinking
    ("shrinks"), no explosion ("rules_out"), or nothing ("loose")."""
    if bound < 1:
        return "forced" if log10_cap_total < -REGIME_DECADES else "shrinks"
    return "rules_out" if log10_cap_total <= REGIME_DECADES else "loose"


def weights_note(at_bound_percent: float, bound: float) -> str | None:
    """What to add about the weights: "untouched" if clipping moved none, "factor" (it lowered
    n Var[w]) when the cap does not already force shrinking, else None."""
    if at_bound_percent == 0:
        return "untouched"
    return "factor" if bound >= 1 else None


# ---------------------------------------------------------------- training


def clip_bounds(c: float) -> tuple[float, ...]:
    """The clipped runs' bounds (4c, 2c, c), rounded so equal bounds are equal cache keys."""
    return tuple(round(m * c, 10) for m in CLIP_MULTIPLES if m is not None)


def last_or_nan(values: np.ndarray) -> float:
    """The last value of a run's record (NaN if the run recorded none)."""
    return float(values[-1]) if len(values) else math.nan


def training_runs(clips: tuple, gain: float, activation: str, dataset: str, seed: int
                  ) -> list[dict]:
    """One small summary per weight bound in ``clips`` (None: unclipped), trained side by side.

    Each: clip, steps (0-based), loss, accuracy, diverged_at, final_loss, final_accuracy_percent.
    The last run, if clipped, also gets edges, start and end (clip_stats of its weights at step 0
    and at the end) and at_bound_percent (its shares at +-c then, %).
    """
    data = make_dataset(dataset, DATA_POINTS, DATA_NOISE, seed)
    config = TrainConfig(**TRAINING, activation=activation, gain=gain, seed=seed)
    results = train_clip_sweep(config, clips, data)
    runs = [{"clip": r.clip, "steps": r.eval_steps - 1, "loss": r.loss, "accuracy": r.accuracy,
             "diverged_at": r.diverged_at, "final_loss": last_or_nan(r.loss),
             "final_accuracy_percent": 100 * last_or_nan(r.accuracy)} for r in results]
    last = clips[-1]
    if last is not None:
        edges = histogram_edges(last, 0.0)
        start, end = (clip_stats(ws, last, edges) for ws in (results[-1].start,
                                                               results[-1].weights))
        runs[-1].update(edges=edges, start=start, end=end,
                        at_bound_percent=tuple(100 * (s["at_low"] + s["at_high"])
                                               for s in (start, end)))
    return runs


def pile_change(start: float, end: float) -> str:
    """How the share (%) of weights at +-c moved in training: none, grew, shrank or same."""
    if max(start, end) < PILE_MOVE:
        return "none"
    if end > start + PILE_MOVE:
        return "grew"
    return "shrank" if end < start - PILE_MOVE else "same"
