"""The project's trainer: a NumPy MLP with biases, softmax cross-entropy, mini-batch SGD.

    config = TrainConfig(depth=4, width=32, weight_clip=0.1)
    result = train(config, make_dataset("moons"))

Conventions (as core.network and PyTorch nn.Linear): W[l] has shape (out, in), b[l] shape
(out,), rows are examples, h_l = a_{l-1} @ W[l-1].T + b[l-1]. ``depth`` counts weight layers:
depth 4 is input -> 3 hidden layers of ``width`` -> logits. The last layer has no activation.

One step (``_step``): gradients of the mean loss on a mini-batch -> optional gradient clipping
(by norm or by value, PyTorch semantics) -> SGD update -> optional weight clipping (every weight
and bias clamped to [-c, c] after every update, WGAN Alg. 1; also once at initialisation, so the
constraint holds from step 0). Each stage is its own function so optimisers, schedules and
normalisation can be added as further stages.

A run stops at the first step whose loss, gradients or updated parameters are not finite and
reports that step in ``TrainResult.diverged_at``; the returned arrays hold only finite steps.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from core.activations import activation as activation_functions
from core.activations import check_activation
from core.clipping import clip_grad_norm, clip_grad_value, clip_weights, global_norm
from core.network import INITS, init_weights

GRAD_CLIP_METHODS = ("norm", "value")
Params = tuple[list[np.ndarray], list[np.ndarray]]  # (weights, biases)


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
        if self.grad_clip_method not in GRAD_CLIP_METHODS:
            raise ValueError(f"grad_clip_method must be one of {GRAD_CLIP_METHODS}, "
                             f"got {self.grad_clip_method!r}")
        if any(not (0 <= s <= self.steps) for s in self.snapshot_steps):
            raise ValueError(f"snapshot_steps must lie in 0..{self.steps}, "
                             f"got {self.snapshot_steps}")


def _positive(value) -> bool:
    """True for a finite real number > 0."""
    return (isinstance(value, int | float | np.floating) and not isinstance(value, bool)
            and math.isfinite(value) and value > 0)


@dataclass(frozen=True)
class TrainResult:
    """Per-step records of a run (index k = step k+1) and the final parameters.

    loss, accuracy: on the whole training set at the weights the step's gradient was taken at,
    every ``eval_every`` steps, at the (1-based) steps in ``eval_steps`` (loss[0] is the initial
    loss). batch_loss: the mini-batch loss that was differentiated, every step.
    grad_norm: global 2-norm of all gradients before gradient clipping (what PyTorch's
    clip_grad_norm_ returns); layer_grad_norms: shape (steps, depth), the 2-norm of each
    layer's [dW, db]. at_clip: share of weights (not biases) at +-weight_clip after the step's
    update (0 without weight clipping). snapshots: step -> copy of the weights after that many
    updates. diverged_at: the first step (1-based) that was not finite, or None.
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

    @property
    def steps_run(self) -> int:
        """Number of finite steps recorded."""
        return len(self.batch_loss)


# ---------------------------------------------------------------- the network


def init_params(config: TrainConfig, n_in: int, n_out: int) -> Params:
    """Weights from core.network.init_weights (same seed, same weights), zero biases."""
    widths = [n_in] + [config.width] * (config.depth - 1) + [n_out]
    weights = init_weights(widths, config.init, config.gain, config.seed)
    return weights, [np.zeros(w.shape[0]) for w in weights]


def forward(params: Params, x: np.ndarray, activation: str) -> tuple[list, list]:
    """(pre-activations [h_1..h_L], activations [a_0..a_{L-1}]); h_L are the logits."""
    phi, _ = activation_functions(activation)
    weights, biases = params
    pre_activations, activations = [], [np.asarray(x, dtype=float)]
    for layer, (w, b) in enumerate(zip(weights, biases, strict=True)):
        pre_activations.append(activations[-1] @ w.T + b)
        if layer < len(weights) - 1:
            activations.append(phi(pre_activations[-1]))
    return pre_activations, activations


def softmax_cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """(mean cross-entropy, its gradient with respect to the logits), via a stable log-sum-exp."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(len(y))
    loss = float(np.mean(log_sum - shifted[rows, y]))
    probabilities = np.exp(shifted - log_sum[:, None])
    probabilities[rows, y] -= 1.0
    return loss, probabilities / len(y)


def backward(params: Params, pre_activations: list, activations: list, dlogits: np.ndarray,
             activation: str) -> Params:
    """(dW list, db list) by the chain rule: delta_{l-1} = (delta_l @ W_l) * phi'(h_{l-1})."""
    _, dphi = activation_functions(activation)
    weights, _ = params
    dweights, dbiases, delta = [], [], dlogits
    for layer in reversed(range(len(weights))):
        dweights.append(delta.T @ activations[layer])
        dbiases.append(delta.sum(axis=0))
        if layer > 0:
            delta = (delta @ weights[layer]) * dphi(pre_activations[layer - 1])
    return dweights[::-1], dbiases[::-1]


def loss_and_gradients(params: Params, x: np.ndarray, y: np.ndarray,
                       activation: str) -> tuple[float, Params]:
    """(mean cross-entropy on (x, y), its gradients (dW list, db list))."""
    pre_activations, activations = forward(params, x, activation)
    loss, dlogits = softmax_cross_entropy(pre_activations[-1], y)
    return loss, backward(params, pre_activations, activations, dlogits, activation)


def evaluate(params: Params, x: np.ndarray, y: np.ndarray, activation: str) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) on (x, y)."""
    logits = forward(params, x, activation)[0][-1]
    loss, _ = softmax_cross_entropy(logits, y)
    return loss, float(np.mean(np.argmax(logits, axis=1) == y))


# ---------------------------------------------------------------- the stages of one step


def clip_gradients(grads: Params, config: TrainConfig) -> Params:
    """Gradient clipping over all parameters together (norm) or entry by entry (value)."""
    if config.grad_clip is None:
        return grads
    flat = grads[0] + grads[1]
    if config.grad_clip_method == "norm":
        flat, _ = clip_grad_norm(flat, config.grad_clip)
    else:
        flat = clip_grad_value(flat, config.grad_clip)
    return flat[: len(grads[0])], flat[len(grads[0]):]


def sgd_update(params: Params, grads: Params, lr: float) -> Params:
    """theta <- theta - lr * grad."""
    return tuple([p - lr * g for p, g in zip(ps, gs, strict=True)]
                 for ps, gs in zip(params, grads, strict=True))


def clip_params(params: Params, config: TrainConfig) -> Params:
    """Clamp every weight and bias to [-c, c] (WGAN clips all parameters), if configured."""
    if config.weight_clip is None:
        return params
    return tuple(clip_weights(ps, config.weight_clip) for ps in params)


def _step(params: Params, x: np.ndarray, y: np.ndarray, config: TrainConfig):
    """One SGD step on a mini-batch: (new params, batch loss, gradients before clipping)."""
    loss, grads = loss_and_gradients(params, x, y, config.activation)
    clipped = clip_gradients(grads, config)
    return clip_params(sgd_update(params, clipped, config.lr), config), loss, grads


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


def _batches(n: int, batch_size: int, rng: np.random.Generator):
    """Index arrays of mini-batches, reshuffled every epoch; the tail of an epoch is dropped."""
    batch_size = min(batch_size, n)
    while True:
        order = rng.permutation(n)
        for start in range(0, n - batch_size + 1, batch_size):
            yield order[start:start + batch_size]


def _all_finite(*arrays) -> bool:
    """True if every entry of every array (or list of arrays) is finite."""
    for item in arrays:
        for a in item if isinstance(item, list | tuple) else [item]:
            if not np.all(np.isfinite(a)):
                return False
    return True


def layer_norms(grads: Params) -> np.ndarray:
    """2-norm of each layer's gradient [dW, db] (rescaled, overflow-free, if the sum overflows)."""
    norms = np.sqrt([np.sum(dw * dw) + np.sum(db * db) for dw, db in zip(*grads, strict=True)])
    if np.all(np.isfinite(norms)):
        return norms
    return np.array([global_norm([dw, db]) for dw, db in zip(*grads, strict=True)])


def total_norm(norms: np.ndarray) -> float:
    """2-norm of the layer norms: the global gradient norm (overflow-free fallback)."""
    total = float(np.sqrt(np.sum(norms * norms)))
    return total if math.isfinite(total) else global_norm(norms)


def train(config: TrainConfig, data: tuple[np.ndarray, np.ndarray]) -> TrainResult:
    """Train the MLP on (X, y) for config.steps mini-batch SGD steps; stop at divergence."""
    x, y = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=np.int64)
    params = clip_params(init_params(config, x.shape[1], int(y.max()) + 1), config)
    batches = _batches(len(x), config.batch_size, np.random.default_rng((config.seed, 1)))
    evals, steps, snapshots = [], [], {}
    if 0 in config.snapshot_steps:
        snapshots[0] = [w.copy() for w in params[0]]
    diverged_at = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for step in range(1, config.steps + 1):
            evaluated = (step - 1) % config.eval_every == 0
            metrics = evaluate(params, x, y, config.activation) if evaluated else (0.0, 0.0)
            index = next(batches)
            new_params, batch_loss, grads = _step(params, x[index], y[index], config)
            norms = layer_norms(grads)
            if not _all_finite(metrics[0], batch_loss, norms, *new_params):
                diverged_at = step
                break
            params = new_params
            if evaluated:
                evals.append((step, *metrics))
            at_clip = (0.0 if config.weight_clip is None
                       else share_at_bound(params[0], config.weight_clip))
            steps.append((batch_loss, total_norm(norms), at_clip, norms))
            if step in config.snapshot_steps:
                snapshots[step] = [w.copy() for w in params[0]]
    return _result(config, evals, steps, params, snapshots, diverged_at)


def _result(config, evals, steps, params, snapshots, diverged_at) -> TrainResult:
    """Pack the per-step records into float arrays (empty ones if step 1 already diverged)."""
    eval_steps, loss, accuracy = (np.array(column, dtype=float) for column in
                                  (zip(*evals, strict=True) if evals else ([], [], [])))
    batch_loss, grad_norm, at_clip = (np.array([row[i] for row in steps], dtype=float)
                                      for i in range(3))
    layer_grad_norms = np.array([row[3] for row in steps], dtype=float).reshape(-1, config.depth)
    return TrainResult(loss=loss, accuracy=accuracy, eval_steps=eval_steps.astype(int),
                       batch_loss=batch_loss, grad_norm=grad_norm,
                       layer_grad_norms=layer_grad_norms, at_clip=at_clip, weights=params[0],
                       biases=params[1], snapshots=snapshots, diverged_at=diverged_at)
