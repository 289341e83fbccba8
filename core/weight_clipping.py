"""Weight clipping, measured fast: what clamping to [-c, c] does to many weights, and several
training runs that differ only in their bound, trained side by side.

``clip_stats`` reads millions of weights in a few passes without copying them.
``train_clip_sweep`` trains one network per bound at once (a leading run axis on every array,
which core.classifier and the engine core.mlp take as many networks). It is
``core.training.train`` restricted to what weight clipping needs (plain SGD at a constant
learning rate, no gradient clipping, no batch norm, no residual connections): the same initial
weights, mini-batches, loss, gradients, update, evaluation steps and divergence rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.classifier import Params, evaluate, init_params, loss_gradients_and_trace
from core.optimizers import sgd_update
from core.param_measures import network_difference_norms, network_norms
from core.training import TrainConfig, minibatches, within_float32

# ---------------------------------------------------------------- many weights at once


def clip_stats(weights: list[np.ndarray], c: float, edges: np.ndarray) -> dict:
    """What clipping every entry of ``weights`` to [-c, c] does, as shares of all entries.

    ``edges``: equally spaced histogram edges. Returns "before" (share per bin of the
    unclipped weights, as core.param_measures.weight_histogram), "inside" (share per bin of the
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


def parameter_views(flat: np.ndarray, shapes: list[tuple[int, int]]) -> Params:
    """(weights, biases) of every run as views into one (runs, P) buffer, in core's convention
    ((runs, out, in) and (runs, out)). Each weight is stored transposed, (runs, in, out), so
    the forward pass's products a @ W.T read contiguous blocks (twice as fast as strided ones)."""
    runs, weights, biases, start = len(flat), [], [], 0
    for out, inp in shapes:
        block = flat[:, start:start + inp * out].reshape(runs, inp, out)
        weights.append(block.swapaxes(-1, -2))
        start += inp * out
        biases.append(flat[:, start:start + out])
        start += out
    return weights, biases


def flatten(params: Params) -> np.ndarray:
    """The (runs, P) buffer that parameter_views reads (weights, biases) from."""
    runs = len(params[0][0])
    return np.concatenate([part for w, b in zip(*params, strict=True)
                           for part in (w.swapaxes(-1, -2).reshape(runs, -1), b)], axis=1)


def run_weights(params: Params, run: int) -> list[np.ndarray]:
    """One run's weights, (out, in) each, copied."""
    return [w[run].copy() for w in params[0]]


def train_clip_sweep(config: TrainConfig, clips: tuple[float | None, ...],
                     data: tuple[np.ndarray, np.ndarray]) -> list[ClipRun]:
    """Train ``config`` once per bound in ``clips`` (None: no clipping), all runs together.

    Every run starts from the same initial weights and sees the same mini-batches; each clamps
    every weight and bias to its own [-c, c] at the start and after every update. A run that
    diverges stops there (its arrays end at the step before), the others go on.
    """
    _check(config)
    x, y = np.asarray(data[0], dtype=float), np.asarray(data[1], dtype=np.int64)
    runs = len(clips)
    bounds = np.array([[np.inf if c is None else float(c)] for c in clips])
    first = init_params(config, x.shape[1], int(y.max()) + 1)
    shapes = [w.shape for w in first[0]]
    flat = np.repeat(flatten(tuple([p[None] for p in group] for group in first)), runs, axis=0)
    params = parameter_views(clip_in_place([flat], bounds)[0], shapes)
    start = [run_weights(params, run) for run in range(runs)]
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
                eval_loss, accuracy = evaluate(params, x, y, config.activation)
            index = next(batches)
            batch_loss, grads, _ = loss_gradients_and_trace(params, x[index], y[index],
                                                            config.activation)
            gradient = flatten(grads)
            new = clip_in_place(sgd_update(([flat],), ([gradient],), config.lr)[0], bounds)
            ok = within_float32(eval_loss) & within_float32(batch_loss)
            ok &= within_float32(network_norms([gradient]))
            ok &= within_float32(network_difference_norms(new, [flat]))
            for run in np.flatnonzero(alive & ~ok):
                diverged_at[run] = step
                finals[run] = run_weights(params, run)
            alive &= ok
            if evaluated:
                records.append((step, np.where(alive, eval_loss, np.nan),
                                np.where(alive, accuracy, np.nan)))
            if not alive.any():
                break
            flat = new[0]
            params = parameter_views(flat, shapes)
    return [_run(clips[run], run, records, diverged_at[run], start[run],
                 finals[run] or run_weights(params, run))
            for run in range(runs)]


def _run(clip, run: int, records, diverged_at, start, weights) -> ClipRun:
    """One run's evaluations, up to the step before it diverged."""
    kept = [(step, loss[run], accuracy[run]) for step, loss, accuracy in records
            if diverged_at is None or step < diverged_at]
    steps, loss, accuracy = (np.array(column) for column in zip(*kept, strict=True)) if kept \
        else (np.array([], dtype=int), np.array([]), np.array([]))
    return ClipRun(clip=clip, eval_steps=steps.astype(int), loss=loss.astype(float),
                   accuracy=accuracy.astype(float), diverged_at=diverged_at, start=start,
                   weights=weights)
