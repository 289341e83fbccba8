"""Gradient clipping and weight clipping, with PyTorch 2.x semantics, in pure NumPy, and the
geometry of the two gradient rules on one 2-D vector (clipping by value keeps it in a box,
clipping by norm in a circle).

Every function returns new float64 arrays and never changes its inputs.

`grads` (and `weights`) may be a sequence of array-likes (one per parameter tensor) or a
single ``np.ndarray``, which counts as a one-element list, as PyTorch accepts one tensor.
A plain list of numbers such as ``[3, 4]`` is a list of two scalar gradients; the global
norm is the same either way.

Sources:
- Pascanu, Mikolov, Bengio 2013, "On the difficulty of training recurrent neural
  networks", Sec. 3.2, Alg. 1 (clip by norm keeps the direction).
- PyTorch ``torch.nn.utils.clip_grad_norm_`` / ``clip_grad_value_`` (2.x).
- Arjovsky, Chintala, Bottou 2017, "Wasserstein GAN", Sec. 3 (weight clipping).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

EPS = 1e-6  # PyTorch's clip_grad_norm_ adds this to the total norm

ArrayList = list[np.ndarray]


# ---------------------------------------------------------------- validation helpers


def _as_list(arrays: np.ndarray | Sequence, name: str = "grads") -> ArrayList:
    """Float64 copies of `arrays`; a single ndarray counts as a one-element list."""
    if isinstance(arrays, np.ndarray):
        arrays = [arrays]
    if isinstance(arrays, (str, bytes)) or not isinstance(arrays, Sequence):
        raise ValueError(
            f"{name} must be a list of arrays or one array, got {type(arrays).__name__}"
        )
    out = []
    for i, a in enumerate(arrays):
        arr = np.asarray(a)
        if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
            raise ValueError(f"{name}[{i}] is not numeric (dtype {arr.dtype})")
        if np.iscomplexobj(arr):
            raise ValueError(f"{name}[{i}] is complex; only real gradients can be clipped")
        out.append(np.array(arr, dtype=np.float64))  # always a copy
    return out


def _check_threshold(value: float, name: str, allow_inf: bool = False) -> float:
    """A threshold must be a real number >= 0 (NaN is refused)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if math.isnan(v) or v < 0 or (math.isinf(v) and not allow_inf):
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return v


def _check_norm_type(norm_type: float) -> float:
    """p of the p-norm: any p > 0, or float('inf') for the max-abs norm."""
    try:
        p = float(norm_type)
    except (TypeError, ValueError):
        raise ValueError(
            f"norm_type must be a number > 0 or float('inf'), got {norm_type!r}"
        ) from None
    if math.isnan(p) or p <= 0:
        raise ValueError(f"norm_type must be > 0 or float('inf'), got {norm_type!r}")
    return p


def _flat(arrays: ArrayList) -> np.ndarray:
    """All arrays concatenated into one 1-D vector."""
    if not arrays:
        return np.zeros(0)
    return np.concatenate([a.ravel() for a in arrays])


def _same_shapes(a: ArrayList, b: ArrayList, what: str) -> None:
    """Refuse two lists of arrays that do not match array by array."""
    if len(a) != len(b):
        raise ValueError(f"{what}: the two lists have {len(a)} and {len(b)} arrays")
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x.shape != y.shape:
            raise ValueError(
                f"{what}: array {i} has shape {x.shape} in one list and {y.shape} in the other"
            )


# ---------------------------------------------------------------- norms


def _vector_norm(x: np.ndarray, p: float) -> float:
    """p-norm of a 1-D vector, scaled by max|x| first so 1e200 entries do not overflow."""
    if x.size == 0:
        return 0.0
    m = float(np.max(np.abs(x)))  # NaN if any entry is NaN
    if math.isnan(m) or math.isinf(m) or m == 0.0 or math.isinf(p):
        return m
    return m * float(np.sum(np.abs(x / m) ** p) ** (1.0 / p))


def global_norm(grads: np.ndarray | Sequence, norm_type: float = 2.0) -> float:
    """The norm_type-norm of all arrays concatenated (0.0 for an empty list)."""
    return _vector_norm(_flat(_as_list(grads)), _check_norm_type(norm_type))


# ---------------------------------------------------------------- clipping


def clip_grad_norm(
    grads: np.ndarray | Sequence,
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
) -> tuple[ArrayList, float]:
    """Scale all gradients by min(1, max_norm / (total + 1e-6)); return (clipped, total before).

    Like ``torch.nn.utils.clip_grad_norm_`` (Pascanu et al. 2013, Alg. 1), without mutation.
    A NaN total makes every entry NaN; an inf total gives coef 0, so finite entries become 0
    and infinite ones NaN (0 * inf), exactly as in PyTorch. With ``error_if_nonfinite`` a
    non-finite total raises ValueError instead. Unlike PyTorch the total norm is computed
    without overflow, so gradients of size 1e200 are clipped rather than zeroed.
    """
    arrays = _as_list(grads)
    max_norm = _check_threshold(max_norm, "max_norm", allow_inf=True)
    total = _vector_norm(_flat(arrays), _check_norm_type(norm_type))
    if error_if_nonfinite and not math.isfinite(total):
        raise ValueError(
            f"The total norm of order {float(norm_type)} for gradients is non-finite, so it cannot "
            "be clipped. To disable this error and scale the gradients by the non-finite norm "
            "anyway, set error_if_nonfinite=False"
        )
    with np.errstate(invalid="ignore"):  # inf/inf and 0 * inf -> nan are documented outcomes
        coef = np.float64(max_norm) / np.float64(total + EPS)
        coef = np.minimum(coef, 1.0)  # clamp(max=1): NaN stays NaN, like torch.clamp
        return [a * coef for a in arrays], total


def clip_grad_value(grads: np.ndarray | Sequence, clip_value: float) -> ArrayList:
    """Clamp every gradient entry to [-clip_value, clip_value]; NaN stays NaN (torch.clamp)."""
    v = _check_threshold(clip_value, "clip_value", allow_inf=True)
    return [np.clip(a, -v, v) for a in _as_list(grads)]


def clip_weights(weights: np.ndarray | Sequence, c: float) -> ArrayList:
    """Clamp every weight to [-c, c], as WGAN does after each step (Arjovsky et al. 2017)."""
    c = _check_threshold(c, "c", allow_inf=True)
    return [np.clip(w, -c, c) for w in _as_list(weights, "weights")]


# ---------------------------------------------------------------- measures for the page


def _unit_pair(
    a: np.ndarray | Sequence, b: np.ndarray | Sequence, what: str
) -> tuple[np.ndarray, np.ndarray]:
    """Both lists concatenated and divided by their 2-norms (they must be finite and nonzero)."""
    la, lb = _as_list(a, "a"), _as_list(b, "b")
    _same_shapes(la, lb, what)
    out = []
    for name, x in (("a", _flat(la)), ("b", _flat(lb))):
        if not np.all(np.isfinite(x)):
            raise ValueError(f"{what}: {name} contains inf or NaN")
        m = np.max(np.abs(x)) if x.size else 0.0
        if m == 0.0:
            raise ValueError(f"{what} is undefined: {name} is the zero vector (or empty)")
        s = x / m  # scale first: no overflow for 1e200 entries
        out.append(s / np.linalg.norm(s))
    return out[0], out[1]


def cosine_similarity(a: np.ndarray | Sequence, b: np.ndarray | Sequence) -> float:
    """cos of the angle between the concatenations of `a` and `b`, in [-1, 1]."""
    ua, ub = _unit_pair(a, b, "cosine similarity")
    return float(np.clip(np.dot(ua, ub), -1.0, 1.0))


def angle_degrees(a: np.ndarray | Sequence, b: np.ndarray | Sequence) -> float:
    """Angle in degrees between `a` and `b`, as 2*atan2(|u-v|, |u+v|) (Kahan): exact near 0."""
    ua, ub = _unit_pair(a, b, "angle")
    return math.degrees(2.0 * math.atan2(np.linalg.norm(ua - ub), np.linalg.norm(ua + ub)))


def fraction_changed(before: np.ndarray | Sequence, after: np.ndarray | Sequence) -> float:
    """Fraction of entries that differ between `before` and `after` (NaN == NaN counts as same)."""
    lb, la = _as_list(before, "before"), _as_list(after, "after")
    _same_shapes(lb, la, "fraction_changed")
    x, y = _flat(lb), _flat(la)
    if x.size == 0:
        raise ValueError("fraction_changed needs at least one entry, got empty arrays")
    same = (x == y) | (np.isnan(x) & np.isnan(y))
    return float(np.mean(~same))


# ---------------------------------------------------------------- geometry: one 2-D vector

METHODS = ("none", "value", "norm")  # no clipping, clip_grad_value, clip_grad_norm
ANGLE_KEPT = 0.005  # degrees: clipping by value "kept the direction" below this turn
SHORTENED = 1e-5  # relative: clipping by norm "shortened" a vector by more than this


def polar_vector(magnitude: float, angle_deg: float) -> np.ndarray:
    """(magnitude cos a, magnitude sin a) for an angle in degrees."""
    a = math.radians(angle_deg)
    return np.array([magnitude * math.cos(a), magnitude * math.sin(a)])


def clip_2d(g: np.ndarray, threshold: float) -> dict[str, np.ndarray]:
    """The vector unclipped, clipped by value (box [-t, t]^2) and by norm (circle of radius t)."""
    g = np.asarray(g, dtype=np.float64)
    return {
        "none": g.copy(),
        "value": clip_grad_value([g], threshold)[0],
        "norm": clip_grad_norm([g], threshold)[0][0],
    }


def compare_to_original(original, clipped) -> dict[str, float]:
    """Norm of `clipped`, its cosine and angle (degrees) to `original`, share of entries changed."""
    return {
        "norm": global_norm(clipped),
        "cosine": cosine_similarity(original, clipped),
        "angle": angle_degrees(original, clipped),
        "changed": fraction_changed(original, clipped),
    }


def clip_2d_measures(magnitude: float, angle_deg: float, threshold: float) -> list[dict]:
    """Per method: the clipped vector (x, y), its norm, angle and cosine to the original, and
    how many of its two components the rule changed."""
    g = polar_vector(magnitude, angle_deg)
    rows = []
    for method, vec in clip_2d(g, threshold).items():
        measures = compare_to_original(g, vec)
        rows.append({"method": method, "x": vec[0], "y": vec[1], "norm": measures["norm"],
                     "angle_to_original": measures["angle"], "cosine": measures["cosine"],
                     "changed": int(np.sum(vec != g))})
    return rows


def value_clip_outcome(changed: int, angle: float) -> str:
    """What clipping by value did to a 2-D vector: "inside" (nothing), "kept" (its direction),
    or "bent_one" / "bent_both" (turned it, capping one or both components)."""
    if changed == 0:
        return "inside"
    if angle <= ANGLE_KEPT:
        return "kept"
    return "bent_both" if changed == 2 else "bent_one"


def norm_clip_shortened(before: float, after: float) -> bool:
    """Whether clipping by norm shortened a vector of length `before` to `after` (beyond
    rounding: by more than SHORTENED of its length)."""
    return after < before * (1 - SHORTENED)
