"""One training step: gradients of the mean loss on a mini-batch -> optional gradient clipping
(by norm or by value, PyTorch semantics, core.clipping) -> optimiser update at the step's
learning rate (core.optimizers) -> optional weight clipping (every weight and bias clamped to
[-c, c], WGAN Alg. 1; batch norm's gamma and beta are not clipped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from core.classifier import Params, loss_gradients_and_trace
from core.clipping import clip_grad_norm, clip_grad_value, clip_weights
from core.mlp import Trace
from core.optimizers import optimizer_direction, sgd_update

if TYPE_CHECKING:
    from core.training import TrainConfig


def clip_gradients(grads: Params, config: TrainConfig) -> Params:
    """Gradient clipping over all parameters together (norm) or entry by entry (value)."""
    if config.grad_clip is None:
        return grads
    flat = [g for group in grads for g in group]
    if config.grad_clip_method == "norm":
        flat, _ = clip_grad_norm(flat, config.grad_clip)
    else:
        flat = clip_grad_value(flat, config.grad_clip)
    out, start = [], 0
    for group in grads:
        out.append(flat[start:start + len(group)])
        start += len(group)
    return tuple(out)


def clip_changed(grads: Params, clipped: Params) -> bool:
    """Whether gradient clipping changed the gradient (by norm: only when total > max_norm)."""
    return clipped is not grads and any(
        not np.array_equal(g, c) for gs, cs in zip(grads, clipped, strict=True)
        for g, c in zip(gs, cs, strict=True))


def clip_params(params: Params, config: TrainConfig) -> Params:
    """Clamp every weight and bias to [-c, c] (WGAN clips all parameters), if configured;
    batch norm's gamma and beta are left alone."""
    if config.weight_clip is None:
        return params
    return (*(clip_weights(ps, config.weight_clip) for ps in params[:2]), *params[2:])


def take_step(params: Params, x: np.ndarray, y: np.ndarray, config: TrainConfig, lr: float,
              state: dict) -> tuple[Params, float, Params, Params, Trace]:
    """One step: (new params, batch loss, raw gradients, clipped gradients, trace)."""
    loss, grads, trace = loss_gradients_and_trace(params, x, y, config.activation,
                                                  config.residual)
    clipped = clip_gradients(grads, config)
    direction = optimizer_direction(clipped, state, config.optimizer)
    new_params = clip_params(sgd_update(params, direction, lr), config)
    return new_params, loss, grads, clipped, trace
