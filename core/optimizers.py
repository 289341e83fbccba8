"""Optimisers of the trainer, as torch.optim (https://pytorch.org/docs/stable/optim.html), on
parameter groups (core.classifier.Params), and the learning rate of each step of a run
(core.schedules):

    sgd:       theta <- theta - lr g
    momentum:  b <- 0.9 b + g (b_0 = 0, so b_1 = g; dampening 0, not Nesterov);
               theta <- theta - lr b                                       (torch.optim.SGD)
    adam:      m <- 0.9 m + 0.1 g, v <- 0.999 v + 0.001 g^2, t <- t + 1,
               theta <- theta - lr (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)
                                                                            (torch.optim.Adam)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from core.classifier import Params
from core.schedules import learning_rates, schedule_parameters

if TYPE_CHECKING:
    from core.training import TrainConfig

OPTIMIZERS = ("sgd", "momentum", "adam")
MOMENTUM = 0.9  # torch.optim.SGD(momentum=0.9), the usual choice
ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8  # torch.optim.Adam defaults


def step_learning_rates(config: TrainConfig) -> np.ndarray:
    """The learning rate of every step, shape (steps,)."""
    return learning_rates(config.lr, config.steps, config.schedule,
                          **schedule_parameters(config.schedule, config.steps))


def sgd_update(params: Params, grads: Params, lr: float) -> Params:
    """theta <- theta - lr * grad."""
    return tuple([p - lr * g for p, g in zip(ps, gs, strict=True)]
                 for ps, gs in zip(params, grads, strict=True))


def init_optimizer(params: Params, optimizer: str) -> dict:
    """The optimiser's state: step count, momentum buffers / Adam's moment estimates."""
    zeros = tuple([np.zeros_like(p) for p in group] for group in params)
    if optimizer == "sgd":
        return {"t": 0}
    if optimizer == "momentum":
        return {"t": 0, "buf": zeros}
    return {"t": 0, "m": zeros, "v": tuple([np.zeros_like(p) for p in g] for g in params)}


def optimizer_direction(grads: Params, state: dict, optimizer: str) -> Params:
    """The step direction d (theta <- theta - lr d) and the updated state, as torch.optim."""
    state["t"] += 1
    if optimizer == "sgd":
        return grads
    if optimizer == "momentum":
        state["buf"] = tuple([MOMENTUM * b + g for b, g in zip(bs, gs, strict=True)]
                             for bs, gs in zip(state["buf"], grads, strict=True))
        return state["buf"]
    beta1, beta2 = ADAM_BETAS
    state["m"] = tuple([beta1 * m + (1 - beta1) * g for m, g in zip(ms, gs, strict=True)]
                       for ms, gs in zip(state["m"], grads, strict=True))
    state["v"] = tuple([beta2 * v + (1 - beta2) * g * g for v, g in zip(vs, gs, strict=True)]
                       for vs, gs in zip(state["v"], grads, strict=True))
    c1, c2 = 1 - beta1 ** state["t"], math.sqrt(1 - beta2 ** state["t"])
    return tuple([(m / c1) / (np.sqrt(v) / c2 + ADAM_EPS) for m, v in zip(ms, vs, strict=True)]
                 for ms, vs in zip(state["m"], state["v"], strict=True))
