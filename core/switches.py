"""Mid-run switches: a run changes one setting at a chosen step.

    config = TrainConfig(lr=0.3, switch=Switch(step=50, kind="lower_lr", value=0.03))

``step`` is 1-based: the update of that step is the first one taken with the new setting, the
steps before it are exactly those of the run without the switch (same data, seed and batches;
the optimiser's state carries over). The kinds:

    clip_norm:   clip the gradient by its global norm at ``value`` (clip_grad_norm_)
    lower_lr:    the learning rate becomes ``value`` (a schedule goes on from the same step,
                 scaled to the new base rate)
    weight_clip: clamp every weight and bias to [-value, value] after each update
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from core.training import TrainConfig

SWITCHES = ("clip_norm", "lower_lr", "weight_clip")


@dataclass(frozen=True)
class Switch:
    """At (1-based) ``step``, turn on ``kind`` with ``value`` (a threshold, rate or bound)."""

    step: int
    kind: str
    value: float

    def __post_init__(self):
        if not (isinstance(self.step, int) and not isinstance(self.step, bool) and self.step >= 1):
            raise ValueError(f"switch step must be an integer >= 1, got {self.step!r}")
        if self.kind not in SWITCHES:
            raise ValueError(f"switch kind must be one of {SWITCHES}, got {self.kind!r}")
        value = self.value
        if not (isinstance(value, int | float) and not isinstance(value, bool)
                and math.isfinite(value) and value > 0):
            raise ValueError(f"switch value must be a finite number > 0, got {value!r}")


def after_switch(config: TrainConfig) -> TrainConfig:
    """The configuration the run trains with from its switch step on (itself without one)."""
    switch = config.switch
    if switch is None:
        return config
    change = {"clip_norm": {"grad_clip": switch.value, "grad_clip_method": "norm"},
              "lower_lr": {"lr": switch.value},
              "weight_clip": {"weight_clip": switch.value}}[switch.kind]
    return replace(config, switch=None, **change)


def switch_step(config: TrainConfig) -> int:
    """The first step trained with the switched setting (steps + 1 if there is none)."""
    return config.steps + 1 if config.switch is None else config.switch.step


def switch_measures(result, config: TrainConfig) -> dict | None:
    """What a run's switch did, from its records (core.training.TrainResult):

    at, kind, value; acted (the run reached the switch step); before (the setting it replaced:
    A's threshold, rate or bound, None for none); lr_before (the rate of the step before);
    grad_at (gradient norm at the switch step, before clipping); loss_at (loss on the data at
    the last evaluation before the switch acted); loss_end (the last evaluated loss);
    clipped_after, steps_after (steps clipped, steps taken from the switch on); at_bound
    (share of weights at +-value after the switch step); diverged (the step that diverged, or
    None). None without a switch.
    """
    switch = config.switch
    if switch is None:
        return None
    at, n = switch.step, result.steps_run
    acted = n >= at
    before = {"clip_norm": config.grad_clip if config.grad_clip_method == "norm" else None,
              "lower_lr": config.lr, "weight_clip": config.weight_clip}[switch.kind]
    measured = {"at": at, "kind": switch.kind, "value": switch.value, "acted": acted,
                "before": before, "diverged": result.diverged_at}
    if not acted:
        return measured
    evaluated = np.flatnonzero(result.eval_steps <= at)
    return measured | {
        "lr_before": float(result.lr[at - 2]) if at >= 2 else config.lr,
        "grad_at": float(result.grad_norm[at - 1]),
        "loss_at": float(result.loss[evaluated[-1]]),
        "loss_end": float(result.loss[-1]),
        "clipped_after": int(result.clipped[at - 1:].sum()),
        "steps_after": n - at + 1,
        "at_bound": float(result.at_clip[at - 1])}


def switch_clauses(measures: dict) -> list[str]:
    """The keys of the sentences that say what a switch did, chosen by its measures."""
    if not measures["acted"]:
        return ["tl.switch.diverged_before" if measures["diverged"] is not None
                else "tl.switch.never"]
    keys = [f"tl.switch.did.{measures['kind']}"]
    if measures["diverged"] is not None:
        keys.append("tl.switch.still_diverged")
    elif measures["loss_end"] < measures["loss_at"]:
        keys.append("tl.switch.fell")
    else:
        keys.append("tl.switch.not_fell")
    return keys
