"""The one work cap: what a setting costs, and how much of what was asked fits in a rerun.

Every experiment that a link can make expensive (deep, wide, many samples, many steps) asks
here how many units it may run. Each cap was measured to keep one rerun near 0.3 s on the
2-core reference machine; the cost of one unit is stated beside it.
"""

import math

# Weight entries drawn per ensemble, depth * width^2 * samples: about 30 ns each for drawing and
# both passes, so 1.2e7 take about 0.35 s and 96 MB.
ENSEMBLE_ENTRIES = 12_000_000
# Weights held while clipping random networks, depth * width^2 * samples (64 MB of float64).
CLIPPED_ENTRIES = 8_000_000
# Training: steps * depth * max(width, 32)^2 (x1.5 with batch norm) per run.
TRAINING_WORK = 8_000_000
# Saliency models: steps * depth * (1 + width^2 / 3000) layer-steps of about 90 us each; a view
# trains up to six runs (two seeds of the reference, the studied model and its unclipped twin).
SALIENCY_WORK = 3300
SALIENCY_WIDTH_COST = 3000
# Explosion columns: weights drawn per column, depth * width^2 * samples, about 45 ns each for
# drawing and both passes over the batch: the deepest, widest column (100 x 128) keeps 4 samples.
COLUMN_ENTRIES = 100 * 128**2 * 4
# Simulated phase diagrams: gains * depth * width^2 per grid, about 20 ns each (its few networks
# per gain included): every gain of a 64-wide grid fits; a wider one draws every other gain.
PHASE_ENTRIES = 17 * 100 * 64**2


def affordable(asked: int, unit_cost: float, cap: float, minimum: int = 1,
               multiple: int = 1) -> int:
    """The most units, up to ``asked``, whose cost fits ``cap``; at least ``minimum``.

    With ``multiple`` > 1 a reduced count is rounded down to a multiple of it (unless that falls
    below ``minimum``); a count asked that fits is kept as it is.
    """
    fitting = int(cap // unit_cost) // multiple * multiple
    return max(minimum, min(asked, fitting))


def ensemble_size(depth: int, width: int, samples: int,
                  cap: float = ENSEMBLE_ENTRIES) -> tuple[int, int]:
    """(samples, width) with depth * width^2 * samples <= cap: fewer samples first, then width."""
    if depth * width * width <= cap:
        return affordable(samples, depth * width * width, cap), width
    return 1, max(1, math.isqrt(int(cap // depth)))


def clipped_networks(depth: int, width: int, most: int) -> int:
    """How many random networks of this size to clip and measure (1 to ``most``)."""
    return affordable(most, depth * width * width, CLIPPED_ENTRIES)


def phase_grid_fits(gains: int, depth: int, width: int) -> bool:
    """Whether a simulated phase diagram of ``gains`` gains up to ``depth`` fits PHASE_ENTRIES."""
    return gains * depth * width**2 <= PHASE_ENTRIES


def training_step_cost(depth: int, width: int, batch_norm: bool) -> float:
    """Cost units of one training step of the lab's networks."""
    return depth * max(width, 32) ** 2 * (1.5 if batch_norm else 1.0)


def training_steps(steps: int, depth: int, width: int, batch_norm: bool, minimum: int) -> int:
    """Training steps that fit TRAINING_WORK (at least ``minimum``)."""
    return affordable(steps, training_step_cost(depth, width, batch_norm), TRAINING_WORK,
                      minimum)


def saliency_steps(steps: int, depth: int, width: int) -> int:
    """Training steps of one saliency model within its budget: a multiple of 50, at least 50."""
    cost = depth * (1 + width**2 / SALIENCY_WIDTH_COST)
    return affordable(steps, cost, SALIENCY_WORK, minimum=50, multiple=50)
