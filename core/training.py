"""The project's trainer: a NumPy MLP with biases, softmax cross-entropy, mini-batch training.

    config = TrainConfig(depth=4, width=32, weight_clip=0.1)
    result = train(config, make_dataset("moons"))

Conventions (as core.network and PyTorch nn.Linear): W[l] has shape (out, in), b[l] shape
(out,), rows are examples, h_l = a_{l-1} @ W[l-1].T + b[l-1]. ``depth`` counts weight layers:
depth 4 is input -> 3 hidden layers of ``width`` -> logits. The last layer has no activation.

A hidden layer l computes, in this order (options in brackets):

    h_l = a_{l-1} W_l^T + b_l
    z_l = [BN(h_l) = gamma_l * (h_l - mean) / sqrt(var + 1e-5) + beta_l]   else z_l = h_l
    a_l = [a_{l-1} +] phi(z_l)

Batch normalisation (``batch_norm``, as PyTorch BatchNorm1d placed between Linear and the
activation): in training, mean and (biased) variance over the mini-batch, differentiated
exactly; running averages r <- 0.9 r + 0.1 stat (unbiased variance, momentum 0.1, starting at
mean 0 and variance 1) are used for evaluation and prediction. gamma and beta start at 1 and 0
and are learnt. Parameters then form four groups (weights, biases, gammas, betas) instead of two.
Residual connections (``residual``): a_l = a_{l-1} + phi(z_l) on every hidden layer whose input
has the layer's own width, i.e. all hidden layers but the first (which maps the 2-D input to
``width``). The identity path adds the upstream gradient unchanged: g_{l-1} = g_l + (...).

One step (``_step``): gradients of the mean loss on a mini-batch -> optional gradient clipping
(by norm or by value, PyTorch semantics) -> optimiser update at the step's learning rate ->
optional weight clipping (every weight and bias clamped to [-c, c] after every update, WGAN
Alg. 1; also once at initialisation, so the constraint holds from step 0; BN's gamma and beta
are not clipped). Optimisers follow torch.optim (https://pytorch.org/docs/stable/optim.html):

    sgd:       theta <- theta - lr g
    momentum:  b <- 0.9 b + g (b_0 = 0, so b_1 = g; dampening 0, not Nesterov);
               theta <- theta - lr b                                       (torch.optim.SGD)
    adam:      m <- 0.9 m + 0.1 g, v <- 0.999 v + 0.001 g^2, t <- t + 1,
               theta <- theta - lr (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)
                                                                            (torch.optim.Adam)

The learning rate of step j (0-based) comes from core.descent.learning_rates with the
parameters of ``schedule_parameters``.

Divergence: a run stops at the first step whose loss (on the mini-batch or the evaluated data),
global gradient norm or update is not finite or exceeds float32's largest value (3.4e38, where a
float32 training run would overflow), and reports that step in ``TrainResult.diverged_at`` and
what happened in ``TrainResult.divergence``; the returned arrays hold only the steps before it.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.activations import activation as activation_functions
from core.activations import check_activation
from core.clipping import EPS, clip_grad_norm, clip_grad_value, clip_weights, global_norm
from core.descent import SCHEDULES, learning_rates
from core.network import INITS, init_weights

GRAD_CLIP_METHODS = ("norm", "value")
OPTIMIZERS = ("sgd", "momentum", "adam")
MOMENTUM = 0.9  # torch.optim.SGD(momentum=0.9), the usual choice
ADAM_BETAS, ADAM_EPS = (0.9, 0.999), 1e-8  # torch.optim.Adam defaults
BN_EPS, BN_MOMENTUM = 1e-5, 0.1  # torch.nn.BatchNorm1d defaults
FLOAT32_MAX = float(np.finfo(np.float32).max)  # 3.4028235e38
PROGRESS_CALLS = 25  # how often train() reports progress over a run
Params = tuple[list[np.ndarray], ...]  # (weights, biases) or (weights, biases, gammas, betas)


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


# ---------------------------------------------------------------- the network


def init_params(config: TrainConfig, n_in: int, n_out: int) -> Params:
    """Weights from core.network.init_weights (same seed, same weights), zero biases;
    with batch normalisation also gamma = 1 and beta = 0 per hidden layer."""
    widths = [n_in] + [config.width] * (config.depth - 1) + [n_out]
    weights = init_weights(widths, config.init, config.gain, config.seed)
    biases = [np.zeros(w.shape[0]) for w in weights]
    if not config.batch_norm:
        return weights, biases
    hidden = [w.shape[0] for w in weights[:-1]]
    return weights, biases, [np.ones(n) for n in hidden], [np.zeros(n) for n in hidden]


def init_running(params: Params) -> tuple[list, list] | None:
    """BatchNorm1d's initial running statistics (mean 0, variance 1), or None without BN."""
    if len(params) < 4:
        return None
    return [np.zeros_like(g) for g in params[2]], [np.ones_like(g) for g in params[2]]


def has_skip(weights: list[np.ndarray], layer: int, residual: bool) -> bool:
    """Whether hidden layer ``layer`` (0-based) adds its input: a_l = a_{l-1} + phi(z_l)."""
    square = weights[layer].shape[0] == weights[layer].shape[1]
    return residual and 0 < layer < len(weights) - 1 and square


@dataclass
class Trace:
    """What the forward pass keeps for the backward pass."""

    pre_activations: list  # h_1 .. h_L (h_L: the logits)
    activations: list  # a_0 .. a_{L-1}
    inputs: list  # z_l, the inputs of phi (= h_l without batch norm)
    normalised: list  # batch norm: (h_l - mean) / sqrt(var + eps)
    inv_std: list  # batch norm: 1 / sqrt(var + eps) of the mini-batch
    batch_stats: list  # batch norm: (mean, biased variance) of the mini-batch


def _batch_norm(h, gamma, beta, running, layer, trace: Trace):
    """gamma * normalised h + beta, with mini-batch statistics (training) or running ones."""
    if running is None:
        mean = h.mean(axis=0)
        centred = h - mean
        var = np.einsum("ij,ij->j", centred, centred) / len(h)
        trace.batch_stats.append((mean, var))
    else:
        mean, var = running[0][layer], running[1][layer]
        centred = h - mean
    inv_std = 1.0 / np.sqrt(var + BN_EPS)
    normalised = centred * inv_std
    trace.normalised.append(normalised)
    trace.inv_std.append(inv_std)
    return gamma * normalised + beta


def trace_forward(params: Params, x: np.ndarray, activation: str, residual: bool = False,
                  running: tuple[list, list] | None = None) -> Trace:
    """The forward pass, keeping every intermediate; batch norm uses the mini-batch's
    statistics unless ``running`` (means, variances) is given (evaluation mode)."""
    phi, _ = activation_functions(activation)
    weights, biases = params[0], params[1]
    trace = Trace([], [np.asarray(x, dtype=float)], [], [], [], [])
    for layer, (w, b) in enumerate(zip(weights, biases, strict=True)):
        h = trace.activations[-1] @ w.T + b
        trace.pre_activations.append(h)
        if layer == len(weights) - 1:
            break
        z = (_batch_norm(h, params[2][layer], params[3][layer], running, layer, trace)
             if len(params) == 4 else h)
        trace.inputs.append(z)
        out = phi(z)
        if has_skip(weights, layer, residual):
            out = trace.activations[-1] + out
        trace.activations.append(out)
    return trace


def forward(params: Params, x: np.ndarray, activation: str, residual: bool = False,
            running: tuple[list, list] | None = None) -> tuple[list, list]:
    """(pre-activations [h_1..h_L], activations [a_0..a_{L-1}]); h_L are the logits."""
    trace = trace_forward(params, x, activation, residual, running)
    return trace.pre_activations, trace.activations


def softmax_cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """(mean cross-entropy, its gradient with respect to the logits), via a stable log-sum-exp."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(len(y))
    loss = float(np.mean(log_sum - shifted[rows, y]))
    probabilities = np.exp(shifted - log_sum[:, None])
    probabilities[rows, y] -= 1.0
    return loss, probabilities / len(y)


def batch_norm_backward(grad_out, normalised, inv_std, gamma):
    """(dgamma, dbeta, dh) of z = gamma * (h - mean) * inv_std + beta with batch statistics:
    dh = inv_std / N * (N dxhat - sum dxhat - xhat * sum(dxhat * xhat)), dxhat = gamma dz."""
    dxhat = grad_out * gamma
    n = len(grad_out)
    dh = inv_std / n * (n * dxhat - dxhat.sum(axis=0)
                        - normalised * np.sum(dxhat * normalised, axis=0))
    return np.sum(grad_out * normalised, axis=0), grad_out.sum(axis=0), dh


def trace_backward(params: Params, trace: Trace, dlogits: np.ndarray, activation: str,
                   residual: bool = False) -> Params:
    """Gradients of every parameter group by the chain rule through the trace:
    delta_{l-1} = (delta_l W_l [+ g_l on a residual layer]) * phi'(z_{l-1}), then BN's backward."""
    _, dphi = activation_functions(activation)
    weights = params[0]
    grads = tuple([None] * len(group) for group in params)
    delta, carried = dlogits, None  # gradients with respect to h_l and to a_l
    for layer in reversed(range(len(weights))):
        grads[0][layer] = delta.T @ trace.activations[layer]
        grads[1][layer] = delta.sum(axis=0)
        if layer == 0:
            break
        through = delta @ weights[layer]
        if has_skip(weights, layer, residual):
            through = through + carried  # a_l = a_{l-1} + phi(z_l): the identity path
        carried = through
        below = layer - 1
        delta = through * dphi(trace.inputs[below])
        if len(params) == 4:
            grads[2][below], grads[3][below], delta = batch_norm_backward(
                delta, trace.normalised[below], trace.inv_std[below], params[2][below])
    return grads


def backward(params: Params, pre_activations: list, activations: list, dlogits: np.ndarray,
             activation: str) -> Params:
    """(dW list, db list) of a plain network (no batch norm, no residual connections)."""
    trace = Trace(pre_activations, activations, pre_activations[:-1], [], [], [])
    return trace_backward(params[:2], trace, dlogits, activation)
def loss_and_gradients(params: Params, x: np.ndarray, y: np.ndarray, activation: str,
                       residual: bool = False) -> tuple[float, Params]:
    """(mean cross-entropy on (x, y), its gradients, one list per parameter group);
    batch normalisation in training mode (statistics of this batch)."""
    loss, grads, _ = _loss_gradients_trace(params, x, y, activation, residual)
    return loss, grads


def _loss_gradients_trace(params, x, y, activation, residual):
    trace = trace_forward(params, x, activation, residual)
    loss, dlogits = softmax_cross_entropy(trace.pre_activations[-1], y)
    return loss, trace_backward(params, trace, dlogits, activation, residual), trace


def evaluate(params: Params, x: np.ndarray, y: np.ndarray, activation: str,
             residual: bool = False, running: tuple[list, list] | None = None
             ) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) on (x, y); batch norm uses ``running`` statistics."""
    logits = trace_forward(params, x, activation, residual, running).pre_activations[-1]
    loss, _ = softmax_cross_entropy(logits, y)
    return loss, float(np.mean(np.argmax(logits, axis=1) == y))


def predict_proba(result: "TrainResult", config: TrainConfig, x: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (n, classes), of the trained network (evaluation mode)."""
    logits = trace_forward(result.params, x, config.activation, config.residual,
                           result.running).pre_activations[-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(shifted)
    return p / p.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------- the stages of one step


def schedule_parameters(schedule: str, steps: int) -> dict:
    """Parameters of core.descent.learning_rates for a run of ``steps`` steps:
    step: halve every steps/4 steps; exponential: gamma = 0.01^(1/steps) (1% of lr at the
    end); cosine: to 0 (CosineAnnealingLR, T_max = steps); inverse_time: decay = 20/steps
    (lr/21 at the end)."""
    if schedule == "exponential":
        return {"gamma": 0.01 ** (1.0 / steps)}
    if schedule == "inverse_time":
        return {"decay": 20.0 / steps}
    return {}


def step_learning_rates(config: TrainConfig) -> np.ndarray:
    """The learning rate of every step, shape (steps,)."""
    return learning_rates(config.lr, config.steps, config.schedule,
                          **schedule_parameters(config.schedule, config.steps))


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


def clip_fired(grads: Params, total: float, config: TrainConfig) -> bool:
    """Whether clipping changes the gradient: total > max_norm, or some |g_i| > clip value."""
    if config.grad_clip is None:
        return False
    if config.grad_clip_method == "norm":
        return config.grad_clip / (total + EPS) < 1.0  # clip_grad_norm_'s coefficient
    return any(float(np.max(np.abs(g))) > config.grad_clip for group in grads for g in group)


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


def clip_params(params: Params, config: TrainConfig) -> Params:
    """Clamp every weight and bias to [-c, c] (WGAN clips all parameters), if configured;
    batch norm's gamma and beta are left alone."""
    if config.weight_clip is None:
        return params
    return (*(clip_weights(ps, config.weight_clip) for ps in params[:2]), *params[2:])


def update_running(running: tuple[list, list], trace: Trace, batch: int) -> tuple[list, list]:
    """BatchNorm1d's running averages: r <- (1 - 0.1) r + 0.1 stat, unbiased variance."""
    unbiased = batch / max(batch - 1, 1)
    means = [(1 - BN_MOMENTUM) * r + BN_MOMENTUM * m
             for r, (m, _) in zip(running[0], trace.batch_stats, strict=True)]
    variances = [(1 - BN_MOMENTUM) * r + BN_MOMENTUM * unbiased * v
                 for r, (_, v) in zip(running[1], trace.batch_stats, strict=True)]
    return means, variances


def _step(params: Params, x: np.ndarray, y: np.ndarray, config: TrainConfig,
          lr: float | None = None, state: dict | None = None):
    """One step on a mini-batch: (new params, batch loss, gradients before clipping)."""
    new_params, loss, grads, _, _ = _full_step(params, x, y, config,
                                               config.lr if lr is None else lr,
                                               state or init_optimizer(params, config.optimizer))
    return new_params, loss, grads


def _full_step(params, x, y, config, lr, state):
    """One step: (new params, batch loss, raw gradients, clipped gradients, trace)."""
    loss, grads, trace = _loss_gradients_trace(params, x, y, config.activation, config.residual)
    clipped = clip_gradients(grads, config)
    direction = optimizer_direction(clipped, state, config.optimizer)
    new_params = clip_params(sgd_update(params, direction, lr), config)
    return new_params, loss, grads, clipped, trace


# ---------------------------------------------------------------- weight measures


def share_at_bound(weights: list[np.ndarray], c: float) -> float:
    """Share of entries with |w| >= c (after clipping to [-c, c]: exactly at +-c)."""
    flat = np.concatenate([np.ravel(w) for w in weights])
    return float(np.mean(np.abs(flat) >= c))


def spectral_norms(weights: list[np.ndarray]) -> np.ndarray:
    """Largest singular value ||W||_2 of each matrix (exact, by LAPACK's SVD)."""
    return np.array([np.linalg.svd(w, compute_uv=False)[..., 0] for w in weights])


def clipped_spectral_bound(c: float, shape: tuple[int, int]) -> float:
    """c * sqrt(m n): with every |w_ij| <= c, ||W||_2 <= ||W||_F <= c sqrt(m n).

    The bound is attained by the rank-one matrix with every entry c (its one singular value
    is c sqrt(m n)), so no better bound holds for all clipped matrices.
    """
    m, n = shape[-2:]
    return float(c) * math.sqrt(m * n)


def weight_histogram(weights: list[np.ndarray], edges: np.ndarray) -> np.ndarray:
    """Share of all entries in each bin [edges[i], edges[i+1]) (the last bin closed)."""
    flat = np.concatenate([np.ravel(w) for w in weights])
    counts, _ = np.histogram(flat, bins=edges)
    return counts / flat.size if flat.size else counts.astype(float)


# ---------------------------------------------------------------- the loop


def minibatches(n: int, batch_size: int, rng: np.random.Generator):
    """Index arrays of mini-batches, reshuffled every epoch; the tail of an epoch is dropped."""
    batch_size = min(batch_size, n)
    while True:
        order = rng.permutation(n)
        for start in range(0, n - batch_size + 1, batch_size):
            yield order[start:start + batch_size]


def layer_norms(grads: Params) -> np.ndarray:
    """2-norm of each layer's gradient [dW, db (, dgamma, dbeta)] (rescaled, overflow-free,
    if the sum of squares overflows). Batch-norm parameters belong to their hidden layer."""
    depth = len(grads[0])
    squares = [sum(float(np.sum(g[layer] * g[layer])) for g in grads if layer < len(g))
               for layer in range(depth)]
    norms = np.sqrt(squares)
    if np.all(np.isfinite(norms)):
        return norms
    return np.array([global_norm([g[layer] for g in grads if layer < len(g)])
                     for layer in range(depth)])


def total_norm(norms: np.ndarray) -> float:
    """2-norm of the layer norms: the global gradient norm (overflow-free fallback)."""
    total = float(np.sqrt(np.sum(norms * norms)))
    return total if math.isfinite(total) else global_norm(norms)


def _difference_norm(new: Params, old: Params) -> float:
    """2-norm of the change of all parameters (overflow-free if the sum overflows)."""
    deltas = [a - b for ns, os in zip(new, old, strict=True) for a, b in zip(ns, os, strict=True)]
    total = math.sqrt(sum(float(np.sum(d * d)) for d in deltas))
    return total if math.isfinite(total) else global_norm(deltas)


def _log10_size(value: float) -> float:
    """log10 |value|: +inf for an infinite value, NaN for NaN."""
    return math.log10(abs(value)) if math.isfinite(value) and value != 0 else (
        math.nan if math.isnan(value) else (math.inf if value else -math.inf))


def _diverged(step: int, checks: tuple) -> Divergence | None:
    """The first (quantity, value) that is not finite or beyond float32, as a Divergence."""
    for quantity, value in checks:
        if not (math.isfinite(value) and abs(value) <= FLOAT32_MAX):
            return Divergence(step, quantity, _log10_size(value))
    return None


def train(config: TrainConfig, data: tuple[np.ndarray, np.ndarray],
          progress: Callable[[int, int], None] | None = None) -> TrainResult:
    """Train the MLP on (X, y) for config.steps mini-batch steps; stop at divergence.

    ``progress(done, total)`` (optional) is called about PROGRESS_CALLS times during the run.
    """
    x, y = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=np.int64)
    params = clip_params(init_params(config, x.shape[1], int(y.max()) + 1), config)
    running = init_running(params)
    state = init_optimizer(params, config.optimizer)
    rates = step_learning_rates(config)
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
            new_params, batch_loss, grads, clipped, trace = _full_step(
                params, x[index], y[index], config, float(rates[step - 1]), state)
            norms = layer_norms(grads)
            total = total_norm(norms)
            update = _difference_norm(new_params, params)
            divergence = _diverged(step, (("loss", metrics[0]), ("loss", batch_loss),
                                          ("gradient", total), ("update", update)))
            if divergence is not None:
                break
            fired = clip_fired(grads, total, config)
            after = (total if not fired else
                     total_norm(layer_norms(clipped)))
            params = new_params
            if running is not None:
                running = update_running(running, trace, len(index))
            if evaluated:
                evals.append((step, *metrics))
            at_clip = (0.0 if config.weight_clip is None
                       else share_at_bound(params[0], config.weight_clip))
            steps.append((batch_loss, total, at_clip, after, fired, update,
                          float(rates[step - 1]), norms))
            if step in config.snapshot_steps:
                snapshots[step] = [w.copy() for w in params[0]]
            if progress is not None and (step % report_every == 0 or step == config.steps):
                progress(step, config.steps)
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
