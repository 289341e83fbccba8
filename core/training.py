"""The project's trainer: mini-batch training of the MLP classifier of core.classifier.

    config = TrainConfig(depth=4, width=32, weight_clip=0.1)
    result = train(config, make_dataset("moons"))

Each step is core.train_step.take_step: gradients on a mini-batch, optional gradient clipping,
the optimiser's update at the step's learning rate (core.optimizers.step_learning_rates),
optional weight clipping. Weight clipping also applies once at initialisation, so the
constraint holds from step 0. A mid-run switch (core.switches) changes the clipping, learning
rate or weight clipping from its step on.

Divergence: a run stops at the first step whose loss (on the mini-batch or the evaluated data),
global gradient norm or update is not finite or exceeds float32's largest value (3.4e38, where a
float32 training run would overflow), and reports that step in ``TrainResult.diverged_at`` and
what happened in ``TrainResult.divergence``; the returned arrays hold only the steps before it.
"""

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.activations import check_activation
from core.classifier import Params, evaluate, init_params, init_running, update_running
from core.ensemble import INITS
from core.optimizers import OPTIMIZERS, init_optimizer, step_learning_rates
from core.param_measures import difference_norm, layer_norms, share_at_bound, total_norm
from core.schedules import SCHEDULES
from core.switches import Switch, after_switch, switch_step
from core.train_step import clip_changed, clip_params, take_step

GRAD_CLIP_METHODS = ("norm", "value")
FLOAT32_MAX = float(np.finfo(np.float32).max)  # 3.4028235e38
PROGRESS_CALLS = 25  # how often train() reports progress over a run


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a training run (hashable, so it can key a cache)."""

    depth: int = 4
    width: int = 32
    activation: str = "relu"
    init: str = "he"
    gain: float = 1.0
    lr: float = 0.1
    steps: int = 500
    batch_size: int = 64
    weight_clip: float | None = None
    grad_clip: float | None = None
    grad_clip_method: str = "norm"
    snapshot_steps: tuple[int, ...] = ()
    eval_every: int = 1
    seed: int = 0
    optimizer: str = "sgd"
    schedule: str = "constant"
    batch_norm: bool = False
    residual: bool = False
    switch: Switch | None = None

    def __post_init__(self):
        for name in ("depth", "width", "steps", "batch_size", "eval_every"):
            value = getattr(self, name)
            if not (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
                raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
        check_activation(self.activation)
        if self.init not in INITS:
            raise ValueError(f"unknown init {self.init!r}; choose one of {', '.join(INITS)}")
        for name in ("gain", "lr"):
            if not _positive(getattr(self, name)):
                raise ValueError(f"{name} must be a finite number > 0, got {getattr(self, name)!r}")
        for name in ("weight_clip", "grad_clip"):
            value = getattr(self, name)
            if value is not None and not _positive(value):
                raise ValueError(f"{name} must be None or a finite number > 0, got {value!r}")
        for name, value, choices in (("grad_clip_method", self.grad_clip_method, GRAD_CLIP_METHODS),
                                     ("optimizer", self.optimizer, OPTIMIZERS),
                                     ("schedule", self.schedule, SCHEDULES)):
            if value not in choices:
                raise ValueError(f"{name} must be one of {choices}, got {value!r}")
        for name in ("batch_norm", "residual"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be True or False, got {getattr(self, name)!r}")
        if self.switch is not None and not isinstance(self.switch, Switch):
            raise ValueError(f"switch must be None or a Switch, got {self.switch!r}")
        if any(not (0 <= s <= self.steps) for s in self.snapshot_steps):
            raise ValueError(f"snapshot_steps must lie in 0..{self.steps}, "
                             f"got {self.snapshot_steps}")


def _positive(value) -> bool:
    """True for a finite real number > 0."""
    return (isinstance(value, int | float | np.floating) and not isinstance(value, bool)
            and math.isfinite(value) and value > 0)


@dataclass(frozen=True)
class Divergence:
    """Where and how a run diverged: the step (1-based), the quantity, log10 of its size.

    quantity is "loss" (cross-entropy on the mini-batch or the evaluated data), "gradient"
    (global gradient norm before clipping) or "update" (norm of the parameter change).
    log10_value is finite when the value was a finite number beyond float32's range, +inf when
    it overflowed even float64, and NaN when it was not a number (e.g. inf - inf).
    """

    step: int
    quantity: str
    log10_value: float

    @property
    def overflowed_float32(self) -> bool:
        """True if the value was a number too large for float32 (not NaN)."""
        return not math.isnan(self.log10_value)


@dataclass(frozen=True)
class TrainResult:
    """Per-step records of a run (index k = step k+1) and the final parameters.

    loss, accuracy: on the whole training set at the weights the step's gradient was taken at,
    every ``eval_every`` steps, at the (1-based) steps in ``eval_steps`` (loss[0] is the initial
    loss); with batch normalisation in evaluation mode (running statistics). batch_loss: the
    mini-batch loss that was differentiated, every step.
    grad_norm: global 2-norm of all gradients before gradient clipping (what PyTorch's
    clip_grad_norm_ returns); grad_norm_clipped: the same after clipping; clipped: whether
    clipping changed the gradient (norm: total > max_norm; value: some |g_i| > clip value).
    layer_grad_norms: shape (steps, depth), the 2-norm of each layer's [dW, db (, dgamma,
    dbeta)]. update_norm: 2-norm of the change of all parameters in the step (weight clipping
    included). lr: the learning rate used at each step. at_clip: share of weights (not
    biases) at +-weight_clip after the step's update (0 without weight clipping). snapshots:
    step -> copy of the weights after that many updates. diverged_at: the first step (1-based)
    that diverged, or None; divergence: what diverged there.
    gammas, betas, running_means, running_vars: batch-norm parameters and running statistics
    per hidden layer (empty lists without batch normalisation).
    """

    loss: np.ndarray
    accuracy: np.ndarray
    eval_steps: np.ndarray
    batch_loss: np.ndarray
    grad_norm: np.ndarray
    layer_grad_norms: np.ndarray
    at_clip: np.ndarray
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    snapshots: dict[int, list[np.ndarray]] = field(default_factory=dict)
    diverged_at: int | None = None
    grad_norm_clipped: np.ndarray = field(default_factory=lambda: np.zeros(0))
    clipped: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    update_norm: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lr: np.ndarray = field(default_factory=lambda: np.zeros(0))
    divergence: Divergence | None = None
    gammas: list[np.ndarray] = field(default_factory=list)
    betas: list[np.ndarray] = field(default_factory=list)
    running_means: list[np.ndarray] = field(default_factory=list)
    running_vars: list[np.ndarray] = field(default_factory=list)

    @property
    def steps_run(self) -> int:
        """Number of finite steps recorded."""
        return len(self.batch_loss)

    @property
    def params(self) -> Params:
        """The final parameters as the groups the network functions take."""
        if self.gammas:
            return self.weights, self.biases, self.gammas, self.betas
        return self.weights, self.biases

    @property
    def running(self) -> tuple[list, list] | None:
        """(running means, running variances) of batch normalisation, or None without it."""
        return (self.running_means, self.running_vars) if self.running_means else None


# ---------------------------------------------------------------- the loop


def minibatches(n: int, batch_size: int, rng: np.random.Generator):
    """Index arrays of mini-batches, reshuffled every epoch; the tail of an epoch is dropped."""
    batch_size = min(batch_size, n)
    while True:
        order = rng.permutation(n)
        for start in range(0, n - batch_size + 1, batch_size):
            yield order[start:start + batch_size]


def _log10_size(value: float) -> float:
    """log10 |value|: +inf for an infinite value, NaN for NaN."""
    return math.log10(abs(value)) if math.isfinite(value) and value != 0 else (
        math.nan if math.isnan(value) else (math.inf if value else -math.inf))


def within_float32(values: float | np.ndarray) -> bool | np.ndarray:
    """Whether a value (or each of an array's) is a number float32 can hold: not inf or NaN,
    and no larger than float32's largest."""
    return abs(values) <= FLOAT32_MAX  # False for inf and for NaN


def _diverged(step: int, checks: tuple) -> Divergence | None:
    """The first (quantity, value) that is not finite or beyond float32, as a Divergence."""
    for quantity, value in checks:
        if not within_float32(value):
            return Divergence(step, quantity, _log10_size(value))
    return None


def train(config: TrainConfig, data: tuple[np.ndarray, np.ndarray],
          progress: Callable[[int, int], None] | None = None,
          live: Callable[[int, int, Callable[[], TrainResult]], None] | None = None
          ) -> TrainResult:
    """Train the MLP on (X, y) for config.steps mini-batch steps; stop at divergence.

    ``progress(done, total)`` (optional) is called about PROGRESS_CALLS times during the run;
    ``live(done, total, records)`` (optional) at the same steps, where ``records()`` returns
    the run so far as a TrainResult (built only when called, during the call of ``live``).
    """
    x, y = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=np.int64)
    params = clip_params(init_params(config, x.shape[1], int(y.max()) + 1), config)
    running = init_running(params)
    state = init_optimizer(params, config.optimizer)
    later, at = after_switch(config), switch_step(config)
    rates = np.where(np.arange(1, config.steps + 1) < at, step_learning_rates(config),
                     step_learning_rates(later))
    batches = minibatches(len(x), config.batch_size, np.random.default_rng((config.seed, 1)))
    report_every = max(1, config.steps // PROGRESS_CALLS)
    evals, steps, snapshots = [], [], {}
    if 0 in config.snapshot_steps:
        snapshots[0] = [w.copy() for w in params[0]]
    divergence = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for step in range(1, config.steps + 1):
            evaluated = (step - 1) % config.eval_every == 0
            metrics = (evaluate(params, x, y, config.activation, config.residual, running)
                       if evaluated else (0.0, 0.0))
            index = next(batches)
            active = config if step < at else later
            new_params, batch_loss, grads, clipped, trace = take_step(
                params, x[index], y[index], active, float(rates[step - 1]), state)
            norms = layer_norms(grads)
            total = total_norm(norms)
            update = difference_norm(new_params, params)
            divergence = _diverged(step, (("loss", metrics[0]), ("loss", batch_loss),
                                          ("gradient", total), ("update", update)))
            if divergence is not None:
                break
            fired = clip_changed(grads, clipped)
            after = total_norm(layer_norms(clipped)) if fired else total
            params = new_params
            if running is not None:
                running = update_running(running, trace, len(index))
            if evaluated:
                evals.append((step, *metrics))
            at_clip = (0.0 if active.weight_clip is None
                       else share_at_bound(params[0], active.weight_clip))
            steps.append((batch_loss, total, at_clip, after, fired, update,
                          float(rates[step - 1]), norms))
            if step in config.snapshot_steps:
                snapshots[step] = [w.copy() for w in params[0]]
            if step % report_every == 0 or step == config.steps:
                if progress is not None:
                    progress(step, config.steps)
                if live is not None:
                    live(step, config.steps, functools.partial(
                        _result, config, evals, steps, params, running, snapshots, None))
    return _result(config, evals, steps, params, running, snapshots, divergence)


def _result(config, evals, steps, params, running, snapshots, divergence) -> TrainResult:
    """Pack the per-step records into arrays (empty ones if step 1 already diverged)."""
    eval_steps, loss, accuracy = (np.array(column, dtype=float) for column in
                                  (zip(*evals, strict=True) if evals else ([], [], [])))
    columns = [np.array([row[i] for row in steps], dtype=float) for i in range(7)]
    batch_loss, grad_norm, at_clip, after, fired, update, rates = columns
    layer_grad_norms = np.array([row[7] for row in steps], dtype=float).reshape(-1, config.depth)
    extra = {}
    if len(params) == 4:
        extra = {"gammas": params[2], "betas": params[3], "running_means": running[0],
                 "running_vars": running[1]}
    return TrainResult(loss=loss, accuracy=accuracy, eval_steps=eval_steps.astype(int),
                       batch_loss=batch_loss, grad_norm=grad_norm,
                       layer_grad_norms=layer_grad_norms, at_clip=at_clip, weights=params[0],
                       biases=params[1], snapshots=snapshots,
                       diverged_at=None if divergence is None else divergence.step,
                       grad_norm_clipped=after, clipped=fired.astype(bool), update_norm=update,
                       lr=rates, divergence=divergence, **extra)
