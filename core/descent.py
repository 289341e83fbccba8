"""Gradient descent on a quadratic, step-size regimes and learning-rate schedules.

On f(x) = 1/2 sum_i lambda_i x_i^2 one step is x_{k+1} = (1 - eta_k lambda_i) x_k, so
x_k = prod_{j<k} (1 - eta_j lambda_i) x_0: each eigen-direction is a geometric sequence.

Sources:
- Nesterov 2004, "Introductory Lectures on Convex Optimization", Theorem 2.1.15 in
  Sec. 2.1.5 (step 2/(L+mu), rate (kappa-1)/(kappa+1)).
- Goodfellow, Bengio, Courville 2016, "Deep Learning", Sec. 4.3.1 and 8.3.
- Loshchilov & Hutter 2017, "SGDR", Eq. 5 (cosine schedule).
"""

from __future__ import annotations

import math

import numpy as np

from core.checks import check_count, check_finite, check_positive

SCHEDULES = ("constant", "step", "exponential", "cosine", "inverse_time")
FLOAT64_MAX = float(np.finfo(np.float64).max)
REGIME_TOL = 1e-9  # relative tolerance for the boundary cases eta*L == 1 and == 2

# the parameters each schedule accepts, with their defaults (None: depends on steps)
_SCHEDULE_PARAMS = {
    "constant": {},
    "step": {"gamma": 0.5, "step_size": None},
    "exponential": {"gamma": 0.97},
    "cosine": {"lr_min": 0.0},
    "inverse_time": {"decay": 0.1},
}


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


# ---------------------------------------------------------------- schedules


def _schedule_params(schedule: str, steps: int, params: dict) -> dict:
    """Defaults merged with the given parameters; unknown names are refused."""
    if schedule not in SCHEDULES:
        raise ValueError(f"unknown schedule {schedule!r}; choose one of {', '.join(SCHEDULES)}")
    allowed = _SCHEDULE_PARAMS[schedule]
    unknown = set(params) - set(allowed)
    if unknown:
        ok = ", ".join(allowed) or "no parameters"
        raise ValueError(f"schedule {schedule!r} takes {ok}; got {', '.join(sorted(unknown))}")
    merged = {**allowed, **params}
    if schedule == "step" and merged["step_size"] is None:
        merged["step_size"] = max(1, steps // 4)
    return merged


def learning_rates(lr: float, steps: int, schedule: str = "constant", **params) -> np.ndarray:
    """Learning rate eta_j for steps j = 0..steps-1, shape (steps,).

    - constant:      eta_j = lr
    - step:          eta_j = lr * gamma ** floor(j / step_size)
                     (defaults gamma=0.5, step_size=max(1, steps // 4))
    - exponential:   eta_j = lr * gamma ** j                       (default gamma=0.97)
    - cosine:        eta_j = lr_min + (lr - lr_min) * (1 + cos(pi j / steps)) / 2
                     (default lr_min=0; SGDR Eq. 5, PyTorch CosineAnnealingLR with T_max=steps)
    - inverse_time:  eta_j = lr / (1 + decay * j)                  (default decay=0.1)
    """
    lr = check_finite(lr, "lr")
    if lr < 0:
        raise ValueError(f"lr must be >= 0, got {lr}")
    steps = check_count(steps, "steps")
    p = _schedule_params(schedule, steps, params)
    j = np.arange(steps, dtype=np.float64)
    if schedule == "constant":
        return np.full(steps, lr)
    if schedule == "step":
        gamma = check_positive(p["gamma"], "gamma")
        size = check_count(p["step_size"], "step_size", minimum=1)
        return lr * gamma ** np.floor(j / size)
    if schedule == "exponential":
        return lr * check_positive(p["gamma"], "gamma") ** j
    if schedule == "cosine":
        lr_min = check_finite(p["lr_min"], "lr_min")
        if not 0 <= lr_min <= lr:
            raise ValueError(f"lr_min must lie in [0, lr] = [0, {lr}], got {lr_min}")
        return lr_min + (lr - lr_min) * (1 + np.cos(np.pi * j / max(steps, 1))) / 2
    decay = check_finite(p["decay"], "decay")
    if decay < 0:
        raise ValueError(f"decay must be >= 0, got {decay}")
    return lr / (1 + decay * j)


def _rates(lr: float, steps: int, schedule: str | None, params: dict) -> np.ndarray:
    """Schedule None means constant."""
    return learning_rates(lr, steps, schedule or "constant", **params)


# ---------------------------------------------------------------- gradient descent on a quadratic


def step_factors(
    eigenvalues, lr: float, steps: int, schedule: str | None = None, **schedule_params
) -> np.ndarray:
    """The multipliers 1 - eta_j * lambda_i, shape (steps, dim)."""
    lam = _vector(eigenvalues, "eigenvalues")
    return 1.0 - _rates(lr, steps, schedule, schedule_params)[:, None] * lam[None, :]


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


# ---------------------------------------------------------------- regimes of a fixed step


def contraction_factor(lr: float, curvature: float) -> float:
    """|1 - eta * L|: how much one step multiplies the distance along curvature L."""
    return abs(1.0 - check_finite(lr, "lr") * check_finite(curvature, "curvature"))


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


def _curvatures(L: float, mu: float) -> tuple[float, float]:
    """Largest and smallest curvature, with L >= mu > 0."""
    L, mu = check_positive(L, "L"), check_positive(mu, "mu")
    if mu > L:
        raise ValueError(f"mu (smallest curvature) must be <= L (largest), got mu={mu}, L={L}")
    return L, mu


def optimal_fixed_step(L: float, mu: float) -> float:
    """2 / (L + mu): the fixed step that contracts the flattest and steepest directions equally."""
    L, mu = _curvatures(L, mu)
    return 2.0 / (L + mu)


def optimal_rate(L: float, mu: float) -> float:
    """(kappa - 1) / (kappa + 1) with kappa = L / mu: the contraction per step at 2/(L+mu)."""
    L, mu = _curvatures(L, mu)
    return (L - mu) / (L + mu)


# ---------------------------------------------------------------- the seed article's example


def seed_article_loop(lr: float, epochs: int, g0: float = 1.0) -> float:
    """The article's loop `grad = grad - lr*grad`, run as written: it returns g0 * (1-lr)**epochs.

    That is gradient descent on g^2/2 and nothing more (0.99**1000 = 4.317e-5).
    """
    lr, grad = check_finite(lr, "lr"), check_finite(g0, "g0")
    for _ in range(check_count(epochs, "epochs")):
        grad = grad - lr * grad
    return grad
