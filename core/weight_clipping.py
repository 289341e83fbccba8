"""Weight clipping, measured fast: what clamping to [-c, c] does to many weights, and several
training runs that differ only in their bound, trained side by side.

``clip_stats`` reads millions of weights in a few passes without copying them.
``train_clip_sweep`` trains one network per bound at once (a leading run axis on every
array). It is ``core.training.train`` restricted to what weight clipping needs (plain SGD at a
constant learning rate, no gradient clipping, no batch norm, no residual connections): the
same initial weights, mini-batches, evaluation steps and divergence rule. Batched matrix
products add in another order, so results agree with ``train`` to rounding, not bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.activations import activation as activation_functions
from core.training import FLOAT32_MAX, TrainConfig, init_params, minibatches

# ---------------------------------------------------------------- many weights at once


def clip_stats(weights: list[np.ndarray], c: float, edges: np.ndarray) -> dict:
    """What clipping every entry of ``weights`` to [-c, c] does, as shares of all entries.

    ``edges``: equally spaced histogram edges. Returns "before" (share per bin of the
    unclipped weights, as core.training.weight_histogram), "inside" (share per bin of the
    weights strictly inside (-c, c), which clipping leaves alone), "at_low" / "at_high" (share
    clamped to -c / +c), "factor" (fan_in * mean of w^2, the realised n Var[w], before and
    after clipping). Every array's last axis is its fan-in.

    Millions of weights in a few passes: the work buffers are allocated once and reused for
    every array (fresh temporaries of this size cost more in page faults than in arithmetic).
    """
    bins = len(edges) - 1
    low, high = float(edges[0]), float(edges[-1])
    scale = bins / (high - low)
    size = max(np.size(w) for w in weights)
    real, index = np.empty(size), np.empty(size, dtype=np.intp)
    free, above = np.empty(size, dtype=bool), np.empty(size, dtype=bool)
    before, inside = np.zeros(bins + 2), np.zeros(bins + 2)  # with under- and overflow bins
    count = at_low = at_high = 0
    square_sum = clipped_square_sum = 0.0
    for w in weights:
        flat = np.ravel(w)
        n = flat.size
        x, idx, keep, big = real[:n], index[:n], free[:n], above[:n]
        count += n
        np.subtract(flat, low, out=x)
        x *= scale
        np.floor(x, out=x)
        np.clip(x, -1, bins, out=x)
        idx[...] = x
        idx[flat == high] = bins - 1  # the last bin is closed, as in np.histogram
        idx += 1
        before += np.bincount(idx, minlength=bins + 2)
        np.greater(flat, -c, out=keep)
        np.less(flat, c, out=big)
        at_low += n - int(np.count_nonzero(keep))
        at_high += n - int(np.count_nonzero(big))
        keep &= big
        inside += np.bincount(idx, weights=keep, minlength=bins + 2)
        # sums of squares without BLAS: its threads spin on a busy machine
        np.multiply(flat, flat, out=x)
        square_sum += float(x.sum())
        np.clip(flat, -c, c, out=x)
        x *= x
        clipped_square_sum += float(x.sum())
    fan_in = weights[0].shape[-1]
    return {"before": before[1:-1] / count, "inside": inside[1:-1] / count,
            "at_low": at_low / count, "at_high": at_high / count,
            "factor": (fan_in * square_sum / count, fan_in * clipped_square_sum / count)}


def clip_in_place(weights: list[np.ndarray], c: float) -> list[np.ndarray]:
    """Clamp every entry to [-c, c] in the arrays themselves (core.clipping.clip_weights
    copies; millions of fresh weights need not be copied twice)."""
    for w in weights:
        np.clip(w, -c, c, out=w)
    return weights


# ---------------------------------------------------------------- training runs side by side


@dataclass(frozen=True)
class ClipRun:
    """One run of the sweep, as ``core.training.TrainResult`` reports it.

    eval_steps (1-based), loss, accuracy: on the whole data set before the step's update,
    every ``eval_every`` steps, up to the step before divergence. diverged_at: the first step
    (1-based) whose loss, gradient norm or update was not finite or beyond float32, or None.
    start: the weights at step 0 (after clipping them once); weights: the weights at the end.
    """

    clip: float | None
    eval_steps: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    diverged_at: int | None
    start: list[np.ndarray]
    weights: list[np.ndarray]


def _check(config: TrainConfig) -> None:
    unsupported = {"optimizer": config.optimizer != "sgd",
                   "schedule": config.schedule != "constant",
                   "grad_clip": config.grad_clip is not None,
                   "batch_norm": config.batch_norm, "residual": config.residual}
    named = [name for name, used in unsupported.items() if used]
    if named:
        raise ValueError(f"train_clip_sweep supports plain SGD only; not {', '.join(named)}")


class _Parameters:
    """Every run's weights and biases in one (runs, P) buffer, with per-layer views into it.

    Weights are held transposed, (runs, in, out), so the forward pass multiplies contiguous
    blocks; one buffer makes the update, the clamp and the norms one array operation each.
    """

    def __init__(self, shapes: list[tuple[int, int]], runs: int):
        self.shapes = shapes
        self.flat = np.zeros((runs, sum(i * o + o for o, i in shapes)))
        self.weights, self.biases, start = [], [], 0  # (runs, in, out), (runs, out)
        for out, inp in shapes:
            self.weights.append(self.flat[:, start:start + inp * out].reshape(runs, inp, out))
            start += inp * out
            self.biases.append(self.flat[:, start:start + out])
            start += out

    def load(self, weights: list[np.ndarray], biases: list[np.ndarray]) -> None:
        """Set every run to the same network (weights in core's (out, in) convention)."""
        for view, w in zip(self.weights, weights, strict=True):
            view[...] = w.T
        for view, b in zip(self.biases, biases, strict=True):
            view[...] = b

    def run_weights(self, run: int) -> list[np.ndarray]:
        """One run's weights as core.training has them, (out, in), copied."""
        return [w[run].T.copy() for w in self.weights]


def _forward(params: _Parameters, x: np.ndarray, phi):
    """Pre-activations h_1..h_L and activations a_0..a_{L-1}, each (runs, batch, units)."""
    activations, pre = [x], []
    last = len(params.weights) - 1
    for layer, (w, b) in enumerate(zip(params.weights, params.biases, strict=True)):
        h = activations[-1] @ w  # (batch, in) @ (runs, in, out) broadcasts over the runs
        h += b[:, None, :]
        pre.append(h)
        if layer < last:
            activations.append(phi(h))
    return pre, activations


def _cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per run: mean cross-entropy and its gradient with respect to the logits."""
    shifted = logits - logits.max(axis=2, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=2))
    rows = np.arange(len(y))
    loss = np.mean(log_sum - shifted[:, rows, y], axis=1)
    probabilities = np.exp(shifted - log_sum[:, :, None])
    probabilities[:, rows, y] -= 1.0
    return loss, probabilities / len(y)


def _evaluate(params: _Parameters, x, y, phi) -> tuple[np.ndarray, np.ndarray]:
    logits = _forward(params, x, phi)[0][-1]
    loss, _ = _cross_entropy(logits, y)
    return loss, np.mean(np.argmax(logits, axis=2) == y, axis=1)


def _gradients(params: _Parameters, grads: _Parameters, x, y, phi, dphi) -> np.ndarray:
    """Fill ``grads`` with every run's gradients (chain rule); return the batch loss per run."""
    pre, activations = _forward(params, x, phi)
    loss, delta = _cross_entropy(pre[-1], y)
    for layer in reversed(range(len(params.weights))):
        below = activations[layer]
        below = below.transpose(0, 2, 1) if below.ndim == 3 else below.T
        np.matmul(below, delta, out=grads.weights[layer])
        np.sum(delta, axis=1, out=grads.biases[layer])
        if layer:
            delta = (delta @ params.weights[layer].transpose(0, 2, 1)) * dphi(pre[layer - 1])
    return loss


def _row_norms(flat: np.ndarray, work: np.ndarray) -> np.ndarray:
    """2-norm of each row (run), without BLAS (its threads spin on a busy machine)."""
    np.multiply(flat, flat, out=work)
    return np.sqrt(work.sum(axis=1))


def _clamp(flat: np.ndarray, bound: np.ndarray) -> None:
    """Clamp each row (run) to [-bound, bound] in place."""
    np.minimum(flat, bound, out=flat)
    np.maximum(flat, -bound, out=flat)


def train_clip_sweep(config: TrainConfig, clips: tuple[float | None, ...],
                     data: tuple[np.ndarray, np.ndarray]) -> list[ClipRun]:
    """Train ``config`` once per bound in ``clips`` (None: no clipping), all runs together.

    Every run starts from the same initial weights and sees the same mini-batches; each clamps
    every weight and bias to its own [-c, c] at the start and after every update. A run that
    diverges stops there (its arrays end at the step before), the others go on.
    """
    _check(config)
    x, y = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=np.int64)
    phi, dphi = activation_functions(config.activation)
    runs = len(clips)
    bound = np.array([[np.inf if c is None else float(c)] for c in clips])
    first_w, first_b = init_params(config, x.shape[1], int(y.max()) + 1)
    shapes = [w.shape for w in first_w]
    params, new, grads = (_Parameters(shapes, runs) for _ in range(3))
    params.load(first_w, first_b)
    _clamp(params.flat, bound)
    work = np.empty_like(params.flat)
    start = [params.run_weights(run) for run in range(runs)]
    batches = minibatches(len(x), config.batch_size, np.random.default_rng((config.seed, 1)))
    alive = np.ones(runs, dtype=bool)
    diverged_at: list[int | None] = [None] * runs
    finals: list[list[np.ndarray] | None] = [None] * runs
    records: list[tuple[int, np.ndarray, np.ndarray]] = []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        for step in range(1, config.steps + 1):
            evaluated = (step - 1) % config.eval_every == 0
            eval_loss = np.zeros(runs)
            if evaluated:
                eval_loss, accuracy = _evaluate(params, x, y, phi)
            index = next(batches)
            batch_loss = _gradients(params, grads, x[index], y[index], phi, dphi)
            np.multiply(grads.flat, config.lr, out=work)
            np.subtract(params.flat, work, out=new.flat)
            _clamp(new.flat, bound)
            gradient = _row_norms(grads.flat, work)
            np.subtract(new.flat, params.flat, out=grads.flat)  # the gradients are used up
            update = _row_norms(grads.flat, work)
            bad = ~_within_float32(eval_loss) | ~_within_float32(batch_loss)
            bad |= ~_within_float32(gradient) | ~_within_float32(update)
            for run in np.flatnonzero(alive & bad):
                diverged_at[run] = step
                finals[run] = params.run_weights(run)
            alive &= ~bad
            if evaluated:
                records.append((step, np.where(alive, eval_loss, np.nan),
                                np.where(alive, accuracy, np.nan)))
            if not alive.any():
                break
            params, new = new, params
    return [_run(clips[run], run, records, diverged_at[run], start[run],
                 finals[run] or params.run_weights(run))
            for run in range(runs)]


def _within_float32(values: np.ndarray) -> np.ndarray:
    return np.isfinite(values) & (np.abs(values) <= FLOAT32_MAX)


def _run(clip, run: int, records, diverged_at, start, weights) -> ClipRun:
    """One run's evaluations, up to the step before it diverged."""
    kept = [(step, loss[run], accuracy[run]) for step, loss, accuracy in records
            if diverged_at is None or step < diverged_at]
    steps, loss, accuracy = (np.array(column) for column in zip(*kept, strict=True)) if kept \
        else (np.array([], dtype=int), np.array([]), np.array([]))
    return ClipRun(clip=clip, eval_steps=steps.astype(int), loss=loss.astype(float),
                   accuracy=accuracy.astype(float), diverged_at=diverged_at, start=start,
                   weights=weights)
