"""Learning-rate schedules: the rate of every step, the training lab's fixed shapes for a run of
N steps, and how to decay to a chosen end point.

Sources:
- Goodfellow, Bengio, Courville 2016, "Deep Learning", Sec. 8.3 (decaying the learning rate).
- Loshchilov & Hutter 2017, "SGDR", Eq. 5 (cosine schedule; PyTorch CosineAnnealingLR).
"""

from __future__ import annotations

import math

import numpy as np

from core.checks import check_count, check_finite, check_positive

SCHEDULES = ("constant", "step", "exponential", "cosine", "inverse_time")

# the parameters each schedule accepts, with their defaults (None: depends on steps)
_SCHEDULE_PARAMS = {
    "constant": {},
    "step": {"gamma": 0.5, "step_size": None},
    "exponential": {"gamma": 0.97},
    "cosine": {"lr_min": 0.0},
    "inverse_time": {"decay": 0.1},
}


def _schedule_params(schedule: str, steps: int, params: dict) -> dict:
    """Defaults merged with the given parameters; unknown names are refused."""
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}; choose one of {', '.join(SCHEDULES)}")
    allowed = _SCHEDULE_PARAMS[schedule]
    unknown = set(params) - set(allowed)
    if unknown:
        ok = ", ".join(allowed) or "no parameters"
        raise ValueError(f"schedule {schedule!r} takes {ok}; got {', '.join(sorted(unknown))}")
    merged = {**allowed, **params}
    if schedule == "step" and merged["step_size"] is None:
        merged["step_size"] = max(1, steps // 4)
    return merged


def learning_rates(lr: float, steps: int, schedule: str = "constant", **params) -> np.ndarray:
    """Learning rate eta_j for steps j = 0..steps-1, shape (steps,).

    - constant:      eta_j = lr
    - step:          eta_j = lr * gamma ** floor(j / step_size)
                     (defaults gamma=0.5, step_size=max(1, steps // 4))
    - exponential:   eta_j = lr * gamma ** j                       (default gamma=0.97)
    - cosine:        eta_j = lr_min + (lr - lr_min) * (1 + cos(pi j / steps)) / 2
                     (default lr_min=0; SGDR Eq. 5, PyTorch CosineAnnealingLR with T_max=steps)
    - inverse_time:  eta_j = lr / (1 + decay * j)                  (default decay=0.1)
    """
    lr = check_finite(lr, "lr")
    if lr < 0:
        raise ValueError(f"lr must be >= 0, got {lr}")
    steps = check_count(steps, "steps")
    p = _schedule_params(schedule, steps, params)
    j = np.arange(steps, dtype=np.float64)
    if schedule == "constant":
        return np.full(steps, lr)
    if schedule == "step":
        gamma = check_positive(p["gamma"], "gamma")
        size = check_count(p["step_size"], "step_size", minimum=1)
        return lr * gamma ** np.floor(j / size)
    if schedule == "exponential":
        return lr * check_positive(p["gamma"], "gamma") ** j
    if schedule == "cosine":
        lr_min = check_finite(p["lr_min"], "lr_min")
        if not 0 <= lr_min <= lr:
            raise ValueError(f"lr_min must lie in [0, lr] = [0, {lr}], got {lr_min}")
        return lr_min + (lr - lr_min) * (1 + np.cos(np.pi * j / max(steps, 1))) / 2
    decay = check_finite(p["decay"], "decay")
    if decay < 0:
        raise ValueError(f"decay must be >= 0, got {decay}")
    return lr / (1 + decay * j)


def schedule_parameters(schedule: str, steps: int) -> dict:
    """Parameters of learning_rates for a run of ``steps`` steps:
    step: halve every steps/4 steps; exponential: gamma = 0.01^(1/steps) (1% of lr at the
    end); cosine: to 0 (CosineAnnealingLR, T_max = steps); inverse_time: decay = 20/steps
    (lr/21 at the end)."""
    if schedule == "exponential":
        return {"gamma": 0.01 ** (1.0 / steps)}
    if schedule == "inverse_time":
        return {"decay": 20.0 / steps}
    return {}


def decay_params(schedule: str, final_ratio: float, steps: int, lr: float = 1.0) -> dict:
    """Parameters of ``schedule`` (for ``learning_rates``) that bring the learning rate at the
    last step (j = steps-1) to ``final_ratio`` times its start ``lr``; {} for "constant".

    One knob for every schedule, so they can be compared at the same end point:
    step (gamma per drop, its default step size), exponential gamma, cosine lr_min,
    inverse_time decay. Cosine cannot end below its weight at j = steps-1 with lr_min = 0:
    there lr_min is 0 and the end point is a little higher.
    """
    r = check_finite(final_ratio, "final_ratio")
    if not 0 < r <= 1:
        raise ValueError(f"final_ratio must lie in (0, 1], got {final_ratio}")
    steps = check_count(steps, "steps", minimum=2)
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}")
    last = steps - 1
    if schedule == "constant":
        return {}
    if schedule == "step":
        drops = last // max(1, steps // 4)
        return {"gamma": r ** (1.0 / drops)}
    if schedule == "exponential":
        return {"gamma": r ** (1.0 / last)}
    if schedule == "cosine":
        c = (1.0 + math.cos(math.pi * last / steps)) / 2.0  # cosine's weight at the last step
        return {"lr_min": max(0.0, (r - c) / (1.0 - c)) * check_finite(lr, "lr")}
    return {"decay": (1.0 / r - 1.0) / last}


def schedule_rates(lr: float, steps: int, schedule: str, final_ratio: float) -> np.ndarray:
    """Learning rates of ``schedule`` from ``lr``, down to ``final_ratio * lr`` at the last step."""
    return learning_rates(lr, steps, schedule, **decay_params(schedule, final_ratio, steps, lr))


def first_below(rates: np.ndarray, threshold: float) -> int | None:
    """First step j whose learning rate is below ``threshold`` (e.g. 2/lambda), or None."""
    threshold = check_positive(threshold, "threshold")
    hits = np.flatnonzero(np.asarray(rates, dtype=np.float64) < threshold)
    return int(hits[0]) if hits.size else None
