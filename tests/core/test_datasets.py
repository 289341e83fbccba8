"""Toy data sets: shapes, balanced labels, reproducible, and actually two different classes."""

import numpy as np
import pytest

from core.datasets import DATASETS, make_dataset


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("n", [2, 7, 400])
def test_shapes_and_balanced_labels(name, n):
    x, y = make_dataset(name, n, 0.1, seed=3)
    assert x.shape == (n, 2) and x.dtype == np.float64
    assert y.shape == (n,) and y.dtype == np.int64
    assert set(np.unique(y)) <= {0, 1}
    assert np.sum(y == 0) == n // 2 and np.sum(y == 1) == n - n // 2
    assert np.all(np.isfinite(x)) and np.abs(x).max() < 3


@pytest.mark.parametrize("name", DATASETS)
def test_reproducible_and_seed_dependent(name):
    a, b, c = (make_dataset(name, 100, 0.2, seed) for seed in (5, 5, 6))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


@pytest.mark.parametrize("name", DATASETS)
def test_labels_are_shuffled(name):
    _, y = make_dataset(name, 400, 0.1, seed=0)
    assert 0.3 < y[:100].mean() < 0.7  # not 200 zeros followed by 200 ones


def test_noise_free_geometry():
    x, y = make_dataset("circles", 200, 0.0, seed=0)
    radius = np.linalg.norm(x, axis=1)
    np.testing.assert_allclose(radius[y == 0], 1.0)
    np.testing.assert_allclose(radius[y == 1], 0.5)
    x, y = make_dataset("xor", 200, 0.0, seed=0)
    np.testing.assert_array_equal(x[:, 0] * x[:, 1] < 0, y == 1)
    x, y = make_dataset("moons", 200, 0.0, seed=0)
    np.testing.assert_allclose(np.linalg.norm(x[y == 0] + [0.5, 0.25], axis=1), 1.0)
    np.testing.assert_allclose(np.linalg.norm(x[y == 1] - [0.5, 0.25], axis=1), 1.0)


def test_noise_spreads_the_points():
    noisy, y = make_dataset("circles", 4000, 0.05, seed=1)
    spread = np.std(np.linalg.norm(noisy[y == 0], axis=1))
    assert 0.04 < spread < 0.06  # radial spread of a ring ~ the noise std


@pytest.mark.parametrize("args", [("blobs", 10, 0.1), ("moons", 1, 0.1), ("moons", 10.5, 0.1),
                                  ("moons", True, 0.1), ("moons", 10, -0.1),
                                  ("moons", 10, float("nan"))])
def test_bad_arguments_raise(args):
    with pytest.raises(ValueError):
        make_dataset(*args)
