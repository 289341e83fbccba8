"""A 2-D loss with a cliff, to show why gradient clipping helps.

Pascanu, Mikolov, Bengio 2013, Sec. 2.3 and Fig. 6 (and Goodfellow et al. 2016, Fig. 8.3):
where the loss has a steep wall, one gradient step that lands on it is huge and throws the
parameters far away; rescaling the gradient to a fixed norm keeps the step small.

The surface, in closed form (so the gradient is exact):

    f(w1, w2) = A * h(w1 - M) + B * h(w2) + H * sigmoid(K * (w2 - C)),   h(u) = sqrt(1 + u^2) - 1

A high plateau (w2 > C, height about H) ends in a cliff at w2 = C; below it a gentle valley
along w2 = 0 leads to the minimum at (M, 0). h has slope at most 1, so away from the cliff
every gradient is at most about sqrt(A^2 + B^2); on the cliff face it reaches H*K/4 = 75.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.clipping import METHODS, clip_grad_norm, clip_grad_value

A, B = 0.5, 1.0  # valley slopes along w1 and across (w2)
M = 3.0  # the minimum is at (M, 0)
H, K, C = 30.0, 10.0, 1.0  # cliff height, steepness and position (w2 = C)
CLIFF_REGION = ((-5.0, 5.0), (-2.5, 4.5))  # (w1 range, w2 range) worth plotting
VALLEY_SLOPE = math.hypot(A, B)  # off the cliff no gradient is longer than this
CLIFF_SLOPE = H * K / 4  # the cliff term's steepest slope (its sigmoid's peak)
CLIFF_MINIMUM = (M, 0.0)  # the minimum, to within about 0.01 in w2 (the cliff's tail)
CLIFF_TO_VALLEY = CLIFF_SLOPE / VALLEY_SLOPE  # how many times steeper the cliff is


# ---------------------------------------------------------------- the surface


def _h(u: np.ndarray) -> np.ndarray:
    """sqrt(1 + u^2) - 1, written to avoid cancellation near 0 and overflow for huge u."""
    return u * (u / (np.hypot(1.0, u) + 1.0))


def _dh(u: np.ndarray) -> np.ndarray:
    """h'(u) = u / sqrt(1 + u^2), bounded by 1."""
    return u / np.hypot(1.0, u)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z) via tanh: no overflow."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _dsigmoid(z: np.ndarray) -> np.ndarray:
    """sigmoid'(z) = e^-|z| / (1 + e^-|z|)^2, accurate in both tails."""
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def _points(w) -> np.ndarray:
    """Float64 array of shape (..., 2)."""
    arr = np.asarray(w, dtype=np.float64)
    if arr.ndim == 0 or arr.shape[-1] != 2:
        raise ValueError(f"points must have shape (..., 2) = (w1, w2), got shape {arr.shape}")
    return arr


def cliff_loss(w) -> np.ndarray:
    """f(w) for points of shape (..., 2); returns shape (...)."""
    p = _points(w)
    w1, w2 = p[..., 0], p[..., 1]
    with np.errstate(over="ignore"):  # K * w2 may overflow to +-inf: the sigmoid handles it
        return A * _h(w1 - M) + B * _h(w2) + H * _sigmoid(K * (w2 - C))


def cliff_gradient(w) -> np.ndarray:
    """Exact gradient of `cliff_loss`, same shape as `w` (..., 2)."""
    p = _points(w)
    w1, w2 = p[..., 0], p[..., 1]
    g1 = A * _dh(w1 - M)
    with np.errstate(over="ignore"):  # as in cliff_loss
        g2 = B * _dh(w2) + H * K * _dsigmoid(K * (w2 - C))
    return np.stack([g1, g2], axis=-1)


def loss_grid(
    x_range: tuple[float, float] = CLIFF_REGION[0],
    y_range: tuple[float, float] = CLIFF_REGION[1],
    n: int = 60,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(W1, W2, loss), each (n, n), on an n-by-n grid: W1 varies along columns, W2 along rows."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError(f"n must be a whole number >= 2, got {n!r}")
    axes = []
    for name, (lo, hi) in (("x_range", x_range), ("y_range", y_range)):
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
            raise ValueError(
                f"{name} must be two finite numbers (low, high) with low < high, got {(lo, hi)}"
            )
        axes.append(np.linspace(lo, hi, int(n)))
    W1, W2 = np.meshgrid(axes[0], axes[1])
    return W1, W2, cliff_loss(np.stack([W1, W2], axis=-1))


# ---------------------------------------------------------------- descent with or without clipping


@dataclass(frozen=True)
class CliffTrajectory:
    """Gradient descent on the cliff: k = 0..n for points, k = 0..n-1 for steps."""

    path: np.ndarray  # (n+1, 2) iterates w_0..w_n
    loss: np.ndarray  # (n+1,) f(w_k)
    grad_norm: np.ndarray  # (n,) ||grad f(w_k)|| before clipping
    clipped: np.ndarray  # (n,) bool: the clipping changed step k (see `_was_clipped`)
    diverged_at: int | None  # first k whose iterate was not finite (arrays stop before it), or None
    method: str
    lr: float
    threshold: float


def _was_clipped(g: np.ndarray, method: str, threshold: float) -> bool:
    """norm: ||g|| > threshold; value: some |g_i| > threshold; none: never."""
    if method == "norm":
        return bool(np.linalg.norm(g) > threshold)
    if method == "value":
        return bool(np.max(np.abs(g)) > threshold)
    return False


def _clip(g: np.ndarray, method: str, threshold: float) -> np.ndarray:
    """The gradient after clipping by `method`, via core.clipping."""
    if method == "norm":
        return clip_grad_norm([g], threshold)[0][0]
    if method == "value":
        return clip_grad_value([g], threshold)[0]
    return g


def _check_run(start, lr, steps, method, threshold) -> tuple[np.ndarray, float, int, float]:
    """Validated (start, lr, steps, threshold)."""
    w = np.array(start, dtype=np.float64)
    if w.shape != (2,) or not np.all(np.isfinite(w)):
        raise ValueError(f"start must be two finite numbers (w1, w2), got {start!r}")
    if isinstance(lr, bool) or not (
        isinstance(lr, (int, float, np.number)) and math.isfinite(lr) and lr > 0
    ):
        raise ValueError(f"lr must be a finite number > 0, got {lr!r}")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    try:
        t = float(threshold)
    except (TypeError, ValueError):
        raise ValueError(f"threshold must be a number, got {threshold!r}") from None
    if method != "none" and not (math.isfinite(t) and t > 0):
        raise ValueError(f"threshold must be a finite number > 0, got {threshold!r}")
    return w, float(lr), int(steps), t


def cliff_trajectory(start, lr: float, steps: int, method: str, threshold: float
                     ) -> CliffTrajectory:
    """Run w <- w - lr * clip(grad f(w)) from `start`; method "none", "value" or "norm".

    Stops early, without inf or NaN in any array, at the first iterate that is not finite
    (`diverged_at`). The gradient is bounded (about 75 at most), so that needs lr * 75 to
    overflow float64; an unclipped step from the cliff face moves up to about lr * 75.
    """
    w, lr, steps, threshold = _check_run(start, lr, steps, method, threshold)
    path, losses, norms, flags = [w], [float(cliff_loss(w))], [], []
    diverged_at = None
    for k in range(steps):
        g = cliff_gradient(w)
        with np.errstate(over="ignore", invalid="ignore"):
            nxt = w - lr * _clip(g, method, threshold)
            loss = float(cliff_loss(nxt))
        if not (np.all(np.isfinite(nxt)) and math.isfinite(loss)):
            diverged_at = k + 1
            break
        norms.append(float(np.linalg.norm(g)))
        flags.append(_was_clipped(g, method, threshold))
        path.append(nxt)
        losses.append(loss)
        w = nxt
    return CliffTrajectory(
        path=np.array(path),
        loss=np.array(losses),
        grad_norm=np.array(norms, dtype=np.float64),
        clipped=np.array(flags, dtype=bool),
        diverged_at=diverged_at,
        method=method,
        lr=lr,
        threshold=threshold,
    )


# ---------------------------------------------------------------- what the runs show


def first_exit(path: np.ndarray, region) -> int | None:
    """Index of the first point of `path` outside region ((x0, x1), (y0, y1)), or None."""
    (x0, x1), (y0, y1) = region
    p = np.asarray(path)
    outside = (p[:, 0] < x0) | (p[:, 0] > x1) | (p[:, 1] < y0) | (p[:, 1] > y1)
    hits = np.flatnonzero(outside)
    return int(hits[0]) if hits.size else None


def run_summary(path: np.ndarray, grad_norm: np.ndarray, clipped: np.ndarray, threshold: float,
                region) -> dict:
    """What the page says about one descent run on the cliff.

    "end", "distance" (to CLIFF_MINIMUM), "exit" (first_exit), "n_clipped" (steps clipped),
    "above_unclipped" (steps with ||g|| > threshold that were not clipped), "below_clipped"
    (clipped steps with ||g|| <= threshold), "peak" and "peak_step" (largest raw ||g||, None
    without steps), "peak_move" (how far that step moved the parameters) and "spike" (whether
    the peak exceeds VALLEY_SLOPE: only the cliff face has such a gradient).
    """
    path, grad_norm, clipped = np.asarray(path), np.asarray(grad_norm), np.asarray(clipped)
    end = path[-1]
    summary = {"end": (float(end[0]), float(end[1])),
               "distance": math.hypot(end[0] - CLIFF_MINIMUM[0], end[1] - CLIFF_MINIMUM[1]),
               "exit": first_exit(path, region), "n_clipped": int(clipped.sum()),
               "above_unclipped": int(np.sum((grad_norm > threshold) & ~clipped)),
               "below_clipped": int(np.sum((grad_norm <= threshold) & clipped)),
               "peak": None, "peak_step": None, "peak_move": None, "spike": False}
    if grad_norm.size:
        k = int(np.argmax(grad_norm))
        summary.update(peak=float(grad_norm[k]), peak_step=k,
                       peak_move=float(np.linalg.norm(path[k + 1] - path[k])),
                       spike=bool(grad_norm[k] > VALLEY_SLOPE))
    return summary


def cliff_runs(start, lr: float, steps: int, threshold: float) -> dict[str, dict]:
    """Per method: the run's arrays (path, loss, grad_norm, clipped, diverged_at) and its
    run_summary in CLIFF_REGION."""
    runs = {}
    for method in METHODS:
        run = cliff_trajectory(start, lr, steps, method, threshold)
        runs[method] = {"path": run.path, "loss": run.loss, "grad_norm": run.grad_norm,
                        "clipped": run.clipped, "diverged_at": run.diverged_at,
                        **run_summary(run.path, run.grad_norm, run.clipped, threshold,
                                      CLIFF_REGION)}
    return runs


def steepest_run(runs: dict[str, dict], methods) -> str | None:
    """Of `methods` (in order), the run with the largest raw gradient norm (the first of
    equals), or None if none took a step."""
    with_steps = [m for m in methods if runs[m]["peak"] is not None]
    return max(with_steps, key=lambda m: runs[m]["peak"]) if with_steps else None
