"""Two-class toy data in the plane, generated in NumPy from a seed.

``make_dataset(name, n, noise, seed) -> (X, y)``: X has shape (n, 2), float64, roughly within
[-1.5, 1.5]; y has shape (n,), int64 labels 0 and 1, n // 2 of class 0 and the rest class 1,
in shuffled order. The same arguments always give the same arrays.
"""

import math

import numpy as np

DATASETS = ("moons", "spirals", "circles", "xor")


def _check_args(name: str, n: int, noise: float) -> None:
    """Raise ValueError with a clear message on bad make_dataset arguments."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    if not (isinstance(n, int | np.integer) and not isinstance(n, bool) and n >= 2):
        raise ValueError(f"n must be an integer >= 2, got {n!r}")
    if not (isinstance(noise, int | float | np.floating) and math.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")


def _moons(counts: tuple[int, int], rng: np.random.Generator) -> list[np.ndarray]:
    """Two interleaving half circles (as scikit-learn's make_moons), centred on the origin."""
    upper = rng.uniform(0.0, math.pi, counts[0])
    lower = rng.uniform(0.0, math.pi, counts[1])
    first = np.stack([np.cos(upper), np.sin(upper)], axis=1)
    second = np.stack([1.0 - np.cos(lower), 0.5 - np.sin(lower)], axis=1)
    return [first - [0.5, 0.25], second - [0.5, 0.25]]


def _spirals(counts: tuple[int, int], rng: np.random.Generator) -> list[np.ndarray]:
    """Two interleaved arms r = t, angle = 3 pi t (+ pi for the second arm), t in (0.05, 1)."""
    arms = []
    for k, count in enumerate(counts):
        t = rng.uniform(0.05, 1.0, count)
        angle = 3.0 * math.pi * t + k * math.pi
        arms.append(np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1))
    return arms


def _circles(counts: tuple[int, int], rng: np.random.Generator) -> list[np.ndarray]:
    """An outer circle of radius 1 (class 0) around an inner one of radius 0.5 (class 1)."""
    rings = []
    for radius, count in zip((1.0, 0.5), counts, strict=True):
        angle = rng.uniform(0.0, 2.0 * math.pi, count)
        rings.append(radius * np.stack([np.cos(angle), np.sin(angle)], axis=1))
    return rings


def _xor(counts: tuple[int, int], rng: np.random.Generator) -> list[np.ndarray]:
    """Class 0 in the quadrants where x1 * x2 > 0, class 1 where x1 * x2 < 0."""
    quadrants = []
    for k, count in enumerate(counts):
        magnitude = rng.uniform(0.05, 1.0, (count, 2))
        sign = rng.choice([-1.0, 1.0], count)
        quadrants.append(magnitude * np.stack([sign, sign * (1 - 2 * k)], axis=1))
    return quadrants


_MAKERS = {"moons": _moons, "spirals": _spirals, "circles": _circles, "xor": _xor}


def make_dataset(name: str, n: int = 400, noise: float = 0.1,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(X, y): n points of the named toy set, Gaussian noise of std ``noise``, shuffled."""
    _check_args(name, n, noise)
    rng = np.random.default_rng(seed)
    counts = (int(n) // 2, int(n) - int(n) // 2)
    parts = _MAKERS[name](counts, rng)
    x = np.concatenate(parts) + noise * rng.standard_normal((int(n), 2))
    y = np.repeat(np.arange(2), counts)
    order = rng.permutation(int(n))
    return x[order], y[order].astype(np.int64)
