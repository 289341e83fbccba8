"""Live records: train()'s ``live`` callback sees the run so far, exactly the prefix of the
finished run; core.lab.live_summary shapes it as the final summary's curves."""

import numpy as np

from core import lab
from core.datasets import make_dataset
from core.training import PROGRESS_CALLS, TrainConfig, train

CONFIG = TrainConfig(depth=3, width=16, steps=200, eval_every=4, grad_clip=0.5)
DATA = make_dataset("moons", 400, 0.1, 0)


def test_live_records_are_the_prefix_of_the_finished_run():
    seen = []
    final = train(CONFIG, DATA, live=lambda done, total, records: seen.append(
        (done, total, records())))
    assert len(seen) == PROGRESS_CALLS and seen[-1][:2] == (200, 200)
    assert [done for done, _, _ in seen] == list(range(8, 201, 8))
    for done, _, partial in seen:
        assert partial.steps_run == done
        for name in ("grad_norm", "grad_norm_clipped", "clipped", "batch_loss", "lr"):
            assert np.array_equal(getattr(partial, name), getattr(final, name)[:done]), name
        k = len(partial.loss)
        assert k == int(np.sum(final.eval_steps <= done))
        assert np.array_equal(partial.loss, final.loss[:k])
    assert np.array_equal(seen[-1][2].weights[0], final.weights[0])


def test_live_summary_draws_what_the_final_summary_draws():
    partials = []
    final = lab.trained_summary(CONFIG, "moons",
                                live=lambda done, total, partial: partials.append(partial()))
    last = partials[-1]
    for name in ("step", "loss", "acc"):
        assert np.array_equal(last["eval"][name], final["eval"][name])
    for name in ("step", "before", "after", "fired"):
        assert np.array_equal(last["line"][name], final["line"][name])
    assert last["divergence"] is None and last["steps"] == final["steps"]
    assert len(partials[0]["eval"]["step"]) < len(last["eval"]["step"])
