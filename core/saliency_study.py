"""A saliency study: train a healthy reference, a scaled copy and a studied model on two seeds,
measure their input-gradient explanations (core.saliency), and reduce them to the numbers a
verdict is chosen by (seed agreement, the exact scaling law, explosion)."""

import math

import numpy as np

from core import saliency as S
from core import training
from core.classifier import evaluate
from core.datasets import make_dataset
from core.floats import FLOAT32_MAX_LOG10

ACT = "relu"
POINTS, NOISE, BATCH = 400, 0.1, 64
UNSURE = 0.01  # the "unsure region": UNSURE < P(class 1) < 1 - UNSURE
ARROWS, HEAT = 25, 40  # grid sizes: 25 x 25 saliency arrows over a 40 x 40 heatmap
NUDGE_SHARE, NUDGE_REPEATS = 0.01, 2  # sensitivity: nudges of 1% of the plotted square
REFERENCE = {"gain": 1.0, "lr": 0.1, "clip": None}  # the healthy model every view compares with
# Work of one training run, in units of one layer-step at small width (about 90 us of CPU):
# steps * depth * (1 + width^2 / 3000), measured. 3300 units are about 0.3 s, and a view
# trains up to six runs (two seeds of the reference, the studied model and its unclipped twin).
MAX_WORK, WIDTH_COST = 3300, 3000
AGREE, PARTLY = 0.7, 0.4  # mean cosine above which two explanations "agree" / "partly agree"
SAME = 0.05  # cosine differences below this are "about the same"
EXACT = 0.9999  # a cosine above this (and no point changing class) counts as "the same directions"
MOSTLY_FLAT = 0.5  # from this share of grid points with zero saliency, the story says so
MODELS = ("reference", "scaled", "unclipped", "studied")  # in every legend, in this order


# ---------------------------------------------------------------- models


def steps_for(depth: int, width: int, steps: int) -> int:
    """Training steps within the work budget, a multiple of 50 (at least 50)."""
    affordable = MAX_WORK / (depth * (1 + width**2 / WIDTH_COST))
    return max(50, min(steps, int(affordable // 50) * 50))


def seed_pair(seed: int) -> tuple[int, int]:
    """The two seeds every model is trained with: ``seed`` and the next one."""
    return seed, seed + 1


def model_runs(data: str, depth: int, width: int, gain: float, lr: float, steps: int,
               clip: float | None, seed: int) -> dict[str, list[tuple]]:
    """Each compared model's training arguments and weight scale, one entry per seed."""
    seeds = seed_pair(seed)
    common = (data, depth, width)
    ref = (REFERENCE["gain"], REFERENCE["lr"], steps, REFERENCE["clip"])
    runs = {"reference": [((*common, *ref, s, seeds[0]), 1.0) for s in seeds],
            "scaled": [((*common, *ref, s, seeds[0]), float(gain)) for s in seeds],
            "studied": [((*common, float(gain), float(lr), steps, clip, s, seeds[0]), 1.0)
                        for s in seeds]}
    if clip is not None:  # the same recipe without clipping, to measure what clipping changed
        runs["unclipped"] = [((*common, float(gain), float(lr), steps, None, s, seeds[0]), 1.0)
                             for s in seeds]
    return runs


def trained_run(dataset: str, depth: int, width: int, gain: float, lr: float, steps: int,
                clip: float | None, seed: int, data_seed: int) -> dict:
    """One training run's final parameters and a few numbers about the run."""
    x, y = make_dataset(dataset, POINTS, NOISE, data_seed)
    config = training.TrainConfig(depth=depth, width=width, activation=ACT, gain=gain, lr=lr,
                                  steps=steps, batch_size=BATCH, grad_clip=clip,
                                  eval_every=steps, seed=seed)
    result = training.train(config, (x, y))
    params = (result.weights, result.biases)
    with np.errstate(all="ignore"):
        _, accuracy = evaluate(params, x, y, ACT)
    peaks = [float(np.max(np.abs(w))) for w in result.weights]
    return {"params": params, "accuracy": accuracy, "diverged_at": result.diverged_at,
            "diverged_what": None if result.divergence is None else result.divergence.quantity,
            "steps_run": result.steps_run, "peak_log10": math.log10(max(max(peaks), 1e-300)),
            "grad_log10": (math.log10(float(result.grad_norm.max()))
                           if result.steps_run else float("nan"))}


def saliency_view(run: dict, dataset: str, data_seed: int, seed: int,
                  scale: float = 1.0) -> dict:
    """The saliency field, heatmap and per-layer gradient norms of one run (times ``scale``).

    ``seed`` draws the nudges of the stability measure; the grid covers the data of
    ``data_seed``.
    """
    params = S.scale_params(run["params"], scale) if scale != 1.0 else run["params"]
    x, _ = make_dataset(dataset, POINTS, NOISE, data_seed)
    x_range, y_range = S.data_extent(x)
    xs, ys, points = S.grid_points(x_range, y_range, ARROWS)
    hx, hy, heat_points = S.grid_points(x_range, y_range, HEAT)
    unit, log_norm = S.saliency(params, points, ACT)
    sigma = NUDGE_SHARE * (x_range[1] - x_range[0])
    stability, _ = S.direction_stability(params, points, ACT, sigma, NUDGE_REPEATS, seed)
    sign, _ = S.log10_margin(params, points, ACT)
    p = S.class1_probability(params, points, ACT)
    return {**{k: v for k, v in run.items() if k != "params"},
            "points": points, "cell": float(xs[1] - xs[0]), "unit": unit, "log_norm": log_norm,
            "heat_x": hx, "heat_y": hy,
            "heat_p": S.class1_probability(params, heat_points, ACT),
            "layers": S.layer_log10_norms(params, points, ACT), "stability": stability,
            "sigma": sigma, "sign": sign, "unsure": S.unsure_share(p, UNSURE)}


# ---------------------------------------------------------------- measures of a view


def median_log10(view: dict) -> float:
    """Median log10 saliency magnitude over the points where it is not zero."""
    alive = view["log_norm"][np.isfinite(view["log_norm"])]
    return float(np.median(alive)) if alive.size else float("-inf")


def flat_share(view: dict) -> float:
    """Share of grid points where the saliency is exactly zero (every path through dead ReLUs)."""
    return float(np.mean(~np.isfinite(view["log_norm"])))


def mostly_flat(view: dict) -> bool:
    """Whether at least MOSTLY_FLAT of the grid has exactly zero saliency."""
    return flat_share(view) >= MOSTLY_FLAT


def input_peak_log10(layers: np.ndarray) -> float:
    """The largest finite log10 gradient norm at the input (layer 0), 0 if there is none."""
    at_input = layers[0]
    finite = np.isfinite(at_input)
    return float(np.max(at_input[finite])) if finite.any() else 0.0


def has_finite_layers(layers: np.ndarray) -> bool:
    """Whether some per-layer gradient norm is non-zero (so the profile has a point)."""
    return bool(np.isfinite(layers).any())


def beyond_float32(layers: np.ndarray) -> bool:
    """Whether some input gradient norm is larger than float32 can hold."""
    return input_peak_log10(layers) > FLOAT32_MAX_LOG10


def layer_law(layers: np.ndarray, medians: np.ndarray, depth: int, gain: float) -> np.ndarray:
    """The scaled copy's predicted median per layer: the reference's plus (L - l) log10 g."""
    return medians + (depth - layers) * math.log10(gain)


# ---------------------------------------------------------------- agreement


def seed_agreement(first: dict, second: dict) -> dict:
    """Mean cosine and rank correlation between two seeds' fields, and the share compared."""
    cosine, used = S.cosine_agreement(first["unit"], second["unit"])
    rho = S.rank_correlation(first["log_norm"], second["log_norm"])
    return {"cosine": cosine, "rho": rho, "used": used / len(first["unit"])}


def agreement_scores(views: dict) -> dict:
    """Seed agreement of every model, in legend order (MODELS)."""
    return {key: seed_agreement(*views[key]) for key in MODELS if key in views}


def agreement_measures(scores: dict, views: dict) -> dict[str, tuple[float, float, float]]:
    """(seed cosine, rank correlation, stability under nudges) of every scored model."""
    return {key: (score["cosine"], score["rho"], views[key][0]["stability"])
            for key, score in scores.items()}


def level(cosine: float, used: float) -> str:
    """How far two explanations agree: "empty", "agree", "partly" or "disagree"."""
    if used < 0.5:
        return "empty"
    return "agree" if cosine >= AGREE else "partly" if cosine >= PARTLY else "disagree"


def compare(studied: float, reference: float) -> str:
    """"below", "same" or "above": the studied model's agreement against the reference's."""
    if abs(studied - reference) < SAME:
        return "same"
    return "below" if studied < reference else "above"


# ---------------------------------------------------------------- scaling and verdicts


def equal_when_rounded(a: float, b: float, digits: int) -> bool:
    """Whether a and b round to the same number at ``digits`` decimals, as their text shows it
    (-0.001 and 0.001 differ at 2: "-0.00" and "0.00"; NaN equals NaN)."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    # Python's float rounding is exact, as text formatting is; NumPy's round is not
    rounded_a, rounded_b = round(float(a), digits), round(float(b), digits)
    return rounded_a == rounded_b and math.copysign(1, rounded_a) == math.copysign(1, rounded_b)


def scaling_check(views: dict, seed_index: int) -> tuple[float, int]:
    """(cosine between the reference's and the scaled copy's directions, points that changed
    class) for one of the two seeds."""
    ref, scaled = views["reference"][seed_index], views["scaled"][seed_index]
    cosine, _ = S.cosine_agreement(ref["unit"], scaled["unit"])
    return cosine, int(np.sum(ref["sign"] != scaled["sign"]))


def scaling_numbers(views: dict, depth: int, gain: float) -> dict:
    """Measured and predicted shift of the median log10 saliency, and the first seed's check."""
    cosine, moved = scaling_check(views, 0)
    return {"measured": median_log10(views["scaled"][0]) - median_log10(views["reference"][0]),
            "predicted": depth * math.log10(gain), "cosine": cosine, "moved": moved,
            "points": len(views["reference"][0]["sign"])}


def scaling_holds(views: dict, scores: dict) -> bool:
    """Whether the scaled copy kept every direction and class on both seeds, and so the seed
    agreement as shown."""
    checks = [scaling_check(views, i) for i in range(len(views["reference"]))]
    same_agreement = equal_when_rounded(scores["scaled"]["cosine"],
                                        scores["reference"]["cosine"], 2)
    return all(cos > EXACT and moved == 0 for cos, moved in checks) and same_agreement


def scaling_verdict(views: dict, scores: dict, gain: float) -> str:
    """"identity" (g = 1: nothing was scaled), "same" (every direction, class and the shown
    agreement kept) or "changed" (rounding moved one of them)."""
    if gain == 1:
        return "identity"
    return "same" if scaling_holds(views, scores) else "changed"


def unsure_change(before: float, after: float) -> str:
    """"same" (equal as whole percents), "shrinks" or "grows": the unsure share after scaling."""
    if equal_when_rounded(100 * before, 100 * after, 0):
        return "same"
    return "shrinks" if after < before else "grows"


def exploded(studied: dict, reference: dict) -> bool:
    """Whether the studied run diverged or its largest gradient norm passed the reference's
    by more than a decade."""
    return (studied["diverged_at"] is not None
            or studied["grad_log10"] > reference["grad_log10"] + 1)


def clipping_change(scores: dict) -> str:
    """"raised", "same" or "lowered": what clipping did to the studied model's agreement."""
    before, after = scores["unclipped"]["cosine"], scores["studied"]["cosine"]
    return {"below": "raised", "same": "same", "above": "lowered"}[compare(before, after)]


def training_verdict(scores: dict, views: dict) -> str:
    """The unclipped studied model against the reference: "same", "above", "below",
    "below_exploded" or "empty"."""
    studied = scores["studied"]
    if level(studied["cosine"], studied["used"]) == "empty":
        return "empty"
    verdict = compare(studied["cosine"], scores["reference"]["cosine"])
    if verdict == "below" and exploded(views["studied"][0], views["reference"][0]):
        return "below_exploded"
    return verdict
