"""What the explosion page reads off its simulated networks (core/remedies.py): each column's
total growth and verdict, the notes its numbers call for, one clipping factor, growth against
depth with and without residual branches, and the phase diagram's stable band.

Growth is measured in decades: log10 ||g_0|| / ||g_L||, the input gradient's norm over the
output's (He et al. 2015, Sec. 2.2: per layer the squared norm is multiplied by
n Var[w] E[phi'(z)^2]). Tested in tests/core/test_growth.py.
"""

from collections.abc import Callable

import numpy as np

from core.budget import COLUMN_ENTRIES, affordable, phase_grid_fits
from core.remedies import (
    BATCH,
    CRITICAL_GAINS,
    DEPTH_CURVE,
    SAMPLES,
    Remedies,
    critical_gain,
    depth_trend,
    effective_init,
    gain_shifts_growth,
    growth_against_depth,
    growth_grid,
    growth_per_example,
    log10_clip_coefficient,
    median_growth,
    per_layer_factor,
    shift_by_gain,
    simulate_remedies,
    stable_counts,
    verdict,
)
from core.theory import theory_applies

MIN_SAMPLES = 2
CURVE_SAMPLES = 2  # networks per depth in the growth-against-depth comparison (x BATCH inputs)
PHASE_GAINS = 2.0 ** (np.arange(-8, 9) / 4)  # 0.25 ... 4, a quarter octave apart
PHASE_DEPTHS = np.array([1, *range(5, 101, 5)])
PHASE_SAMPLES, PHASE_BATCH = 2, 8
CRITICAL_TOP = float(CRITICAL_GAINS[-1])  # the largest gain searched for sigmoid's critical one


# --- one column -------------------------------------------------------------------------------

def column_samples(depth: int, width: int) -> int:
    """Networks sampled per column: SAMPLES, fewer (at least 2) when the work would be too big."""
    return affordable(SAMPLES, depth * width**2, COLUMN_ENTRIES, minimum=MIN_SAMPLES)


def relative_to_output(log10_input_norms: np.ndarray) -> np.ndarray:
    """Each layer's log10 gradient norm minus the output layer's (the last row)."""
    norms = np.asarray(log10_input_norms, dtype=float)
    return norms - norms[-1]


def dead_share(growth: np.ndarray) -> float:
    """The share of examples whose total growth is not finite (an exactly zero gradient)."""
    return float(np.mean(~np.isfinite(np.asarray(growth, dtype=float))))


def column_readout(log10_input_norms: np.ndarray) -> dict:
    """Median total growth over the examples, its verdict, the dead share and the count."""
    growth = growth_per_example(log10_input_norms).ravel()
    median = median_growth(growth)
    return {"growth": median, "regime": verdict(median), "dead": dead_share(growth),
            "count": int(growth.size)}


def measure_column(activation: str, init: str, gain: float, depth: int, width: int,
                   remedies: Remedies, samples: int, seed: int) -> dict:
    """One column's simulation: per-layer log10 norms (input gradients relative to the output,
    weight gradients per network) and its readout (``column_readout``)."""
    run = simulate_remedies(activation, init, gain, depth, width, remedies, samples, BATCH, seed)
    return {"relative": relative_to_output(run["input"]), "weight": run["weight"],
            **column_readout(run["input"])}


def column_notes(activation: str, init: str, gain: float, depth: int, better_init: bool,
                 batch_norm: bool, residual: bool, growth: float) -> dict:
    """Which notes a column's numbers call for.

    "init": None (no better init), "same" (it is already the network's init at gain 1) or
    "uses"; "sigmoid": a plain sigmoid net that the better init leaves shrinking per layer,
    None or its verdict; "bn_explodes": batch norm without shortcuts still exploding;
    "factor": the per-layer factor 10^(growth / depth).
    """
    factor = per_layer_factor(growth, depth)
    notes = {"init": None, "sigmoid": None, "factor": factor,
             "bn_explodes": batch_norm and not residual and verdict(growth) == "exploding"}
    if better_init:
        chosen, _ = effective_init(activation, init, gain, True)
        notes["init"] = "same" if chosen == init and gain == 1.0 else "uses"
        if activation == "sigmoid" and not (batch_norm or residual) and factor < 1:
            notes["sigmoid"] = verdict(growth)
    return notes


def sigmoid_critical_gain(init: str, width: int, depth: int, seed: int) -> float | None:
    """The gain (times the init's std) where a plain sigmoid network stops vanishing, or None."""
    return critical_gain("sigmoid", init, width, depth, PHASE_SAMPLES, PHASE_BATCH, seed)


def clip_all_layers(log10_weight_norms: np.ndarray, max_norm: float
                    ) -> tuple[np.ndarray, float]:
    """(log10 weight-gradient norms after clipping by global norm, median clip factor).

    Rows are layers, columns networks; each network's layers share one factor.
    """
    coef = log10_clip_coefficient(log10_weight_norms, max_norm)
    return np.asarray(log10_weight_norms) + coef, float(10.0 ** np.median(coef))


# --- growth against depth ---------------------------------------------------------------------

GrowthAtDepths = Callable[[str, str, str, float, int, bool, int], np.ndarray]


def simulated_depth_growth(kind: str, activation: str, init: str, gain: float, width: int,
                           batch_norm: bool, seed: int) -> np.ndarray:
    """Total growth per example at each depth of DEPTH_CURVE, "plain" or "residual" nets."""
    return growth_against_depth(activation, init, gain, width, batch_norm, DEPTH_CURVE,
                                CURVE_SAMPLES, BATCH, seed, kinds=(kind,))[kind]


def depth_comparison(activation: str, init: str, gain: float, width: int, batch_norm: bool,
                     seed: int, growth_at: GrowthAtDepths) -> dict:
    """Growth at each depth of DEPTH_CURVE, plain and residual, and its median per depth.

    ``growth_at(kind, activation, init, gain, width, batch_norm, seed)`` simulates (the page
    passes a cached ``simulated_depth_growth``). Where a plain net's growth at any gain is its
    growth at gain 1 shifted by L log10(gain), the gain-1 curve serves every gain.
    """
    if gain_shifts_growth(activation, batch_norm):
        plain = shift_by_gain(growth_at("plain", activation, init, 1.0, width, batch_norm, seed),
                              DEPTH_CURVE, gain)
    else:
        plain = growth_at("plain", activation, init, gain, width, batch_norm, seed)
    growth = {"plain": plain,
              "residual": growth_at("residual", activation, init, gain, width, batch_norm, seed)}
    medians = {name: [median_growth(row) for row in values] for name, values in growth.items()}
    return {"growth": growth, "medians": medians, "count": plain.shape[1]}


def depth_readout(medians: dict[str, list[float]]) -> dict:
    """The numbers under a depth comparison: both medians at the deepest depth, and the
    residual trend over the deeper half (``depth_trend``) with its first and last median."""
    trend, start, end = depth_trend(DEPTH_CURVE, medians["residual"])
    residual = dict(zip(DEPTH_CURVE, medians["residual"], strict=True))
    return {"depth": DEPTH_CURVE[-1], "plain": medians["plain"][-1],
            "residual": medians["residual"][-1], "trend": trend, "start": start, "end": end,
            "first": residual[start], "last": residual[end]}


# --- phase diagram ----------------------------------------------------------------------------

def phase_gains(activation: str, width: int) -> np.ndarray:
    """The phase diagram's gains: every other one when a simulation would be too big."""
    fits = phase_grid_fits(len(PHASE_GAINS), int(PHASE_DEPTHS[-1]), width)
    return PHASE_GAINS if theory_applies(activation) or fits else PHASE_GAINS[::2]


def phase_grid(activation: str, init: str, width: int, seed: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    """(gains, depths, total growth in decades, "theory" or "simulation") of plain networks."""
    gains = phase_gains(activation, width)
    growth, method = growth_grid(activation, init, gains, PHASE_DEPTHS, width, PHASE_SAMPLES,
                                 PHASE_BATCH, seed)
    return gains, PHASE_DEPTHS, growth, method


def stable_band_change(growth: np.ndarray) -> tuple[str, int, int]:
    """(change, stable gains at the shallowest depth, at the deepest) of a (gains, depths) grid;
    change is "gone", "narrower", "same" or "wider"."""
    counts = stable_counts(growth)
    first, last = int(counts[0]), int(counts[-1])
    change = ("gone" if last == 0 < first else "narrower" if last < first
              else "same" if last == first else "wider")
    return change, first, last
