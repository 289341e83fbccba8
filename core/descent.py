"""Gradient descent on a quadratic: the iterates, the regimes of a step size, and what a
decaying schedule does to |x|.

On f(x) = 1/2 sum_i lambda_i x_i^2 one step is x_{k+1} = (1 - eta_k lambda_i) x_k, so
x_k = prod_{j<k} (1 - eta_j lambda_i) x_0: each eigen-direction is a geometric sequence.
The learning rates eta_j come from core.schedules; the best fixed step on two curvatures is
in core.conditioning.

Source: Goodfellow, Bengio, Courville 2016, "Deep Learning", Sec. 4.3.1 and 8.3.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from core.checks import check_count, check_finite, check_positive
from core.schedules import SCHEDULES, decay_params, first_below, learning_rates

FLOAT64_MAX = float(np.finfo(np.float64).max)
REGIME_TOL = 1e-9  # relative tolerance for the boundary cases eta*L == 1 and == 2
COURSES = ("turned", "held", "shrinks", "never")  # how |x| moves under a decaying schedule


# ---------------------------------------------------------------- validation helpers


def _vector(values, name: str) -> np.ndarray:
    """A finite 1-D float64 copy (a scalar becomes length 1)."""
    arr = np.atleast_1d(np.array(values, dtype=np.float64))
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a number or a non-empty 1-D list, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite (no inf or NaN), got {values!r}")
    return arr


def _problem(eigenvalues, x0) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues and a start point of the same length (a scalar x0 is broadcast)."""
    lam = _vector(eigenvalues, "eigenvalues")
    x = _vector(x0, "x0")
    if x.size == 1:
        x = np.full_like(lam, x[0])
    if x.shape != lam.shape:
        raise ValueError(f"x0 has {x.size} entries but there are {lam.size} eigenvalues")
    return lam, x


# ---------------------------------------------------------------- gradient descent on a quadratic


def step_factors(
    eigenvalues, lr: float, steps: int, schedule: str | None = None, **schedule_params
) -> np.ndarray:
    """The multipliers 1 - eta_j * lambda_i, shape (steps, dim)."""
    lam = _vector(eigenvalues, "eigenvalues")
    rates = learning_rates(lr, steps, schedule or "constant", **schedule_params)
    return 1.0 - rates[:, None] * lam[None, :]


def gd_quadratic(
    eigenvalues, x0, lr: float, steps: int, schedule: str | None = None, **schedule_params
) -> np.ndarray:
    """Iterates x_0..x_steps of gradient descent on 1/2 sum lambda_i x_i^2, shape (steps+1, dim).

    Computed as x_0 * cumprod(1 - eta_j lambda_i), the closed form. Iterates beyond float64
    become +-inf (never NaN: an exact zero factor or x0 = 0 gives 0 from then on); use
    `gd_quadratic_log10` for values of any size and `divergence_step` to find the overflow.
    """
    lam, x = _problem(eigenvalues, x0)
    f = step_factors(lam, lr, steps, schedule, **schedule_params)
    with np.errstate(over="ignore", invalid="ignore"):
        prod = np.cumprod(f, axis=0)
        zero = np.logical_or.accumulate(f == 0.0, axis=0) | (x == 0.0)  # 0 * inf would give NaN
        path = np.where(zero, 0.0, x * prod)
    return np.vstack([x, path])


def gd_quadratic_log10(
    eigenvalues, x0, lr: float, steps: int, schedule: str | None = None, **schedule_params
) -> tuple[np.ndarray, np.ndarray]:
    """(log10|x_k|, sign(x_k)) for k = 0..steps, each of shape (steps+1, dim).

    log10|x_k| = log10|x_0| + sum_{j<k} log10|1 - eta_j lambda_i|: finite for any number of
    steps, except -inf (with sign 0) once an iterate is exactly 0, e.g. eta = 1/lambda
    reaches the minimum in one step, or x_0 = 0.
    """
    lam, x = _problem(eigenvalues, x0)
    f = step_factors(lam, lr, steps, schedule, **schedule_params)
    with np.errstate(divide="ignore"):
        logs = np.vstack([np.log10(np.abs(x)), np.log10(np.abs(f))])
    signs = np.vstack([np.sign(x), np.sign(f)])
    return np.cumsum(logs, axis=0), np.cumprod(signs, axis=0)


def divergence_step(
    eigenvalues,
    x0,
    lr: float,
    steps: int,
    schedule: str | None = None,
    limit: float = FLOAT64_MAX,
    **schedule_params,
) -> int | None:
    """First k with some |x_k| > limit (default: the float64 maximum), or None.

    Decided from the log form, so it works where `gd_quadratic` already shows inf; use
    limit=np.finfo(np.float32).max for float32. Within about 1e-13 relative of the limit the
    answer may be off by the rounding of the logarithms.
    """
    limit = check_positive(limit, "limit")
    logs, _ = gd_quadratic_log10(eigenvalues, x0, lr, steps, schedule, **schedule_params)
    over = np.flatnonzero(np.any(logs > math.log10(limit), axis=1))
    return int(over[0]) if over.size else None


def quadratic_loss(eigenvalues, path) -> np.ndarray:
    """f(x) = 1/2 sum_i lambda_i x_i^2 for each row of `path` (shape (..., dim) -> (...))."""
    lam = _vector(eigenvalues, "eigenvalues")
    x = np.asarray(path, dtype=np.float64)
    if x.ndim == 0 or x.shape[-1] != lam.size:
        raise ValueError(
            f"path must have last dimension {lam.size} (one per eigenvalue), got shape {x.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        return 0.5 * np.sum(lam * x**2, axis=-1)


def first_zero_step(log10_abs: np.ndarray) -> int | None:
    """First k where the log10 sequence is -inf (the iterate is exactly 0), or None."""
    hits = np.flatnonzero(np.isneginf(np.asarray(log10_abs, dtype=np.float64)))
    return int(hits[0]) if hits.size else None


def peak_step(log10_abs: np.ndarray) -> int:
    """The first step where |x_k| is largest (exact zeros, log10 = -inf, never win)."""
    logs = np.asarray(log10_abs, dtype=np.float64)
    return int(np.argmax(np.where(np.isfinite(logs), logs, -np.inf)))


# ---------------------------------------------------------------- regimes of a fixed step


def step_factor(lr: float, curvature: float) -> float:
    """1 - eta * L: what one step multiplies x by along curvature L (negative: x flips sign)."""
    return 1.0 - check_finite(lr, "lr") * check_finite(curvature, "curvature")


def contraction_factor(lr: float, curvature: float) -> float:
    """|1 - eta * L|: how much one step multiplies the distance along curvature L."""
    return abs(step_factor(lr, curvature))


def regime_thresholds(curvature: float) -> tuple[float, float]:
    """(1/L, 2/L): the step that reaches the minimum at once, and the step beyond which
    gradient descent on L/2 x^2 diverges."""
    L = check_positive(curvature, "curvature")
    return 1 / L, 2 / L


def contraction_curve(curvature: float, lr_max: float, points: int = 301
                      ) -> tuple[np.ndarray, np.ndarray]:
    """(eta, |1 - eta * L|) at ``points`` steps evenly spread over [0, lr_max]."""
    L = check_finite(curvature, "curvature")
    rates = np.linspace(0.0, check_finite(lr_max, "lr_max"), check_count(points, "points", 2))
    return rates, np.abs(1.0 - rates * L)


def regime(lr: float, curvature: float) -> str:
    """Which of the five behaviours fixed step eta shows on L/2 x^2 (Goodfellow et al., Sec. 4.3.1).

    "no_progress" (eta = 0), "monotone" (eta < 1/L), "one_step" (eta = 1/L),
    "oscillating" (1/L < eta < 2/L), "no_convergence" (eta = 2/L), "diverging" (eta > 2/L);
    the two boundaries are matched with relative tolerance 1e-9.
    """
    lr, L = check_finite(lr, "lr"), check_positive(curvature, "curvature")
    if lr < 0:
        raise ValueError(f"lr must be >= 0, got {lr}")
    t = lr * L
    if t == 0:
        return "no_progress"
    if math.isclose(t, 1.0, rel_tol=REGIME_TOL):
        return "one_step"
    if math.isclose(t, 2.0, rel_tol=REGIME_TOL):
        return "no_convergence"
    if t < 1:
        return "monotone"
    return "oscillating" if t < 2 else "diverging"


# ---------------------------------------------------------------- decaying schedules on L/2 x^2


class ScheduleRun(NamedTuple):
    """One schedule's run: its learning rates, log10|x_k| for k = 0..steps, the float64
    overflow step (or None)."""

    rates: np.ndarray
    log10_abs: np.ndarray
    overflow: int | None


def schedule_runs(lr: float, final_ratio: float, steps: int, curvature: float, x0: float
                  ) -> dict[str, ScheduleRun]:
    """Every schedule from ``lr`` down to ``final_ratio * lr`` on curvature/2 x^2 from x0."""
    runs = {}
    for schedule in SCHEDULES:
        params = decay_params(schedule, final_ratio, steps, lr)
        logs, _ = gd_quadratic_log10(curvature, x0, lr, steps, schedule, **params)
        runs[schedule] = ScheduleRun(learning_rates(lr, steps, schedule, **params), logs[:, 0],
                                     divergence_step(curvature, x0, lr, steps, schedule, **params))
    return runs


def first_shrinking_step(rates: np.ndarray, curvature: float) -> int | None:
    """First step whose rate is below 2/L, where |x| starts to shrink; a rate within REGIME_TOL
    of 2/L counts as equal (0.05**(1/9)**9 * 4 is 2 - 4e-16, which shrinks |x| by nothing
    visible)."""
    return first_below(rates, regime_thresholds(curvature)[1] * (1 - REGIME_TOL))


def schedule_course(rates: np.ndarray, curvature: float) -> str:
    """How |x| moves on L/2 x^2 under non-increasing learning rates (every schedule here):
    "shrinks" from the first step, "turned" (grows, then shrinks), "held" (level, then
    shrinks) or "never" shrinks."""
    below = first_shrinking_step(rates, curvature)
    if below is None:
        return "never"
    if below == 0:
        return "shrinks"
    return "turned" if rates[0] > regime_thresholds(curvature)[1] * (1 + REGIME_TOL) else "held"


def schedule_courses(rates: dict[str, np.ndarray], curvature: float) -> dict[str, list[str]]:
    """The schedules (keys of ``rates``) grouped by their course, in the order of COURSES."""
    groups: dict[str, list[str]] = {}
    for key, values in rates.items():
        groups.setdefault(schedule_course(values, curvature), []).append(key)
    return {course: groups[course] for course in COURSES if course in groups}


# ---------------------------------------------------------------- the seed article's example


ARTICLE_LR, ARTICLE_EPOCHS, ARTICLE_G0 = 0.01, 1000, 1.0  # the seed article's loop, as printed
ARTICLE_LOOP_SOURCE = (f"learning_rate = {ARTICLE_LR!r}\nepochs = {ARTICLE_EPOCHS}\n"
                       f"grad = {ARTICLE_G0!r}\nfor _ in range(epochs):\n"
                       "    grad = grad - learning_rate * grad")


def seed_article_loop(lr: float = ARTICLE_LR, epochs: int = ARTICLE_EPOCHS,
                      g0: float = ARTICLE_G0) -> float:
    """The article's loop `grad = grad - lr*grad`, run as written: it returns g0 * (1-lr)**epochs.

    That is gradient descent on g^2/2 and nothing more (0.99**1000 = 4.317e-5).
    """
    lr, grad = check_finite(lr, "lr"), check_finite(g0, "g0")
    for _ in range(check_count(epochs, "epochs")):
        grad = grad - lr * grad
    return grad
