"""core.weight_clipping against the plain reference: core.training's measures and train()."""

import numpy as np
import pytest

from core.clipping import clip_weights
from core.datasets import make_dataset
from core.ensemble import init_weights
from core.param_measures import share_at_bound, weight_histogram
from core.training import TrainConfig, train
from core.weight_clipping import (
    clip_in_place,
    clip_stats,
    flatten,
    parameter_views,
    train_clip_sweep,
)

WEIGHTS = init_weights([32] * 6, "he", 1.2, 3, samples=4)  # std 0.3


@pytest.mark.parametrize("c", [0.005, 0.1, 0.3, 5.0])
def test_clip_stats_match_the_direct_measures(c):
    edges = np.linspace(-1.2, 1.2, 61)
    stats = clip_stats(WEIGHTS, c, edges)
    clipped = clip_weights(WEIGHTS, c)
    flat, flat_clipped = (np.concatenate([w.ravel() for w in ws]) for ws in (WEIGHTS, clipped))
    np.testing.assert_allclose(stats["before"], weight_histogram(WEIGHTS, edges), atol=1e-12)
    inside = [w[np.abs(w) < c] for w in clipped]
    share_inside = np.mean(np.abs(flat_clipped) < c)
    np.testing.assert_allclose(stats["inside"], weight_histogram(inside, edges) * share_inside,
                               atol=1e-12)
    assert stats["at_low"] == pytest.approx(np.mean(flat_clipped == -c))
    assert stats["at_low"] + stats["at_high"] == pytest.approx(share_at_bound(clipped, c))
    before, after = stats["factor"]
    assert before == pytest.approx(32 * np.mean(flat ** 2))
    assert after == pytest.approx(32 * np.mean(flat_clipped ** 2))
    assert after <= before


def test_clip_stats_put_a_value_on_the_last_edge_into_the_last_bin():
    stats = clip_stats([np.array([[-1.0, 0.0, 1.0]])], 2.0, np.linspace(-1, 1, 5))
    assert stats["before"].tolist() == pytest.approx([1 / 3, 0, 1 / 3, 1 / 3])


@pytest.mark.parametrize(("activation", "gain", "data", "lr", "steps"), [
    ("relu", 1.2, "moons", 0.1, 300),
    ("tanh", 2.0, "spirals", 0.1, 60),
    ("relu", 2.0, "xor", 3.0, 60),  # the unclipped run diverges at step 7
])
def test_the_sweep_trains_exactly_like_train(activation, gain, data, lr, steps):
    dataset = make_dataset(data, 400, 0.1, 0)
    base = {"depth": 4, "width": 32, "steps": steps, "batch_size": 64, "lr": lr,
            "eval_every": 5, "activation": activation, "gain": gain, "seed": 0}
    clips = (None, 0.4, 0.2, 0.1)
    sweep = train_clip_sweep(TrainConfig(**base), clips, dataset)
    for run, clip in zip(sweep, clips, strict=True):
        ref = train(TrainConfig(**base, weight_clip=clip, snapshot_steps=(0,)), dataset)
        assert run.clip == clip and run.diverged_at == ref.diverged_at
        np.testing.assert_array_equal(run.eval_steps, ref.eval_steps)
        np.testing.assert_allclose(run.loss, ref.loss, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(run.accuracy, ref.accuracy)
        for mine, theirs in zip(run.start, ref.snapshots[0], strict=True):
            np.testing.assert_array_equal(mine, theirs)
        for mine, theirs in zip(run.weights, ref.weights, strict=True):
            np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)
    if lr == 3.0:
        assert sweep[0].diverged_at is not None and sweep[-1].diverged_at is None


def test_the_sweep_refuses_what_it_does_not_implement():
    with pytest.raises(ValueError, match="not optimizer"):
        train_clip_sweep(TrainConfig(optimizer="momentum"), (None,), make_dataset("moons"))


def test_clip_in_place_clamps_the_arrays_themselves():
    weights = [w.copy() for w in WEIGHTS]
    same = clip_in_place(weights, 0.1)
    assert same is weights and all(np.abs(w).max() <= 0.1 for w in weights)
    for mine, reference in zip(weights, clip_weights(WEIGHTS, 0.1), strict=True):
        np.testing.assert_array_equal(mine, reference)


def test_init_weights_returns_fresh_arrays_that_may_be_clipped_in_place():
    # the weight-clipping page clamps the fresh networks in place; core.ensemble keeps the
    # standard normals per seed, so a call must never hand those (or a shared array) out
    first = init_weights([16] * 4, "he", 1.0, 7, samples=2)
    clip_in_place(first, 1e-3)
    again = init_weights([16] * 4, "he", 1.0, 7, samples=2)
    assert all(np.abs(w).max() > 1e-3 for w in again)
    assert not any(np.shares_memory(a, b) for a, b in zip(first, again, strict=True))


def test_parameter_views_read_what_flatten_wrote_and_share_its_memory():
    rng = np.random.default_rng(2)
    weights = [rng.standard_normal((3, 5, 2)), rng.standard_normal((3, 4, 5))]
    biases = [rng.standard_normal((3, 5)), rng.standard_normal((3, 4))]
    flat = flatten((weights, biases))
    assert flat.shape == (3, 10 + 5 + 20 + 4)
    views = parameter_views(flat, [(5, 2), (4, 5)])
    for mine, theirs in zip((*views[0], *views[1]), (*weights, *biases), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    assert views[0][1].swapaxes(-1, -2)[0].flags.c_contiguous  # a @ W.T reads a plain block
    flat[1] = 0.0
    assert not any(view[1].any() for view in (*views[0], *views[1]))
