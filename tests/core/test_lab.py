"""The training lab's runs: configurations from control values, the work cap, bucketed
summaries against hand-made cases, and outcomes."""

import math

import numpy as np
import pytest

from core import lab
from core.switches import Switch
from core.training import TrainConfig, train
from ui.tables.training import TABLE

CONTROLS = {**TABLE.defaults, "seed": 3}


def test_per_step_and_cap_follow_the_work_formula():
    config = TrainConfig(depth=10, width=64, steps=2000, batch_norm=True)
    assert lab.per_step(config) == 10 * 64**2 * 1.5
    steps = int(lab.MAX_WORK // (10 * 64**2 * 1.5))
    assert lab.capped(config).steps == steps
    assert lab.capped(config).eval_every == lab.eval_every(steps)
    small = TrainConfig(depth=2, width=4, steps=100)
    assert lab.capped(small) is small  # 2 x 32^2 per step is far under the cap


def test_cap_keeps_at_least_min_steps():
    huge = TrainConfig(depth=16, width=64, steps=2000, batch_norm=True)
    assert lab.capped(TrainConfig(depth=16, width=64, steps=20)).steps == lab.MIN_STEPS
    assert lab.capped(huge).steps >= lab.MIN_STEPS


@pytest.mark.parametrize(("steps", "every"), [(50, 2), (199, 2), (500, 5), (2000, 20)])
def test_eval_every_is_about_100_evaluations(steps, every):
    assert lab.eval_every(steps) == every


def test_config_a_reads_the_controls():
    v = {**CONTROLS, "wc": "0.5", "clip": "value", "thr": 2.0, "lr": "0.01"}
    a = lab.config_a(v)
    assert (a.depth, a.width, a.lr, a.seed, a.batch_size) == (
        v["depth"], v["width"], 0.01, 3, lab.BATCH)
    assert (a.weight_clip, a.grad_clip, a.grad_clip_method) == (0.5, 2.0, "value")
    off = lab.config_a({**CONTROLS, "clip": "none", "wc": "off"})
    assert (off.weight_clip, off.grad_clip, off.grad_clip_method) == (None, None, "norm")


def test_config_b_overrides_only_what_is_not_same():
    a = lab.config_a(CONTROLS)
    same = {**CONTROLS, **{key: "same" for key in
                           ("bclip", "blr", "bsched", "bopt", "binit", "bbn", "bres", "bwc")}}
    assert lab.config_b(a, same) == a
    b = lab.config_b(a, {**same, "bclip": "norm", "bthr": 3.0, "blr": "1", "bbn": "on",
                         "bres": "off", "bopt": "adam", "bwc": "0.1"})
    assert (b.grad_clip, b.grad_clip_method, b.lr, b.batch_norm, b.residual, b.optimizer,
            b.weight_clip) == (3.0, "norm", 1.0, True, False, "adam", 0.1)
    assert b.depth == a.depth and b.seed == a.seed


def test_asked_configs_has_b_only_when_comparing():
    assert list(lab.asked_configs({**CONTROLS, "cmp": False})) == ["A"]
    assert list(lab.asked_configs({**CONTROLS, "cmp": True})) == ["A", "B"]


def test_clipping_flags():
    plain, by_value = TrainConfig(), TrainConfig(grad_clip=1.0, grad_clip_method="value")
    assert not lab.clips_gradients({"A": plain})
    assert lab.clips_gradients({"A": plain, "B": by_value})
    assert not lab.has_norm_threshold({"A": by_value})
    assert lab.has_norm_threshold({"A": TrainConfig(grad_clip=1.0)})


def test_bucket_starts_cover_the_steps_in_equal_groups():
    assert lab.bucket_starts(10, 20).tolist() == list(range(10))
    assert lab.bucket_starts(10, 3).tolist() == [0, 4, 8]


def test_bucket_mean_log10_leaves_out_zeros():
    values = np.array([[10.0, 0.0], [1000.0, 0.0], [0.0, 0.0], [100.0, 1.0]])
    means = lab.bucket_mean_log10(values, np.array([0, 2]))
    assert means[0, 0] == pytest.approx(2.0) and math.isnan(means[0, 1])
    assert means[1].tolist() == pytest.approx([2.0, 0.0])


@pytest.fixture(scope="module")
def short_run():
    config = TrainConfig(depth=3, width=8, steps=30, eval_every=3, grad_clip=0.5)
    return config, lab.trained_summary(config, "moons")


def test_summary_matches_the_run(short_run):
    config, s = short_run
    data = lab.training_data("moons", config.seed)
    result = train(config, data)
    assert s["steps"] == 30 and s["clipped"] == int(result.clipped.sum())
    assert s["max_grad"] == pytest.approx(result.grad_norm.max())
    assert s["line"]["before"].tolist() == pytest.approx(result.grad_norm.tolist())
    assert s["p"].shape == (lab.GRID, lab.GRID) and len(s["edges"][0]) == lab.GRID + 1
    assert lab.line_bucket([s]) == 1 and lab.heat_bucket(s) == 1
    assert lab.final_accuracy(s) == pytest.approx(100 * result.accuracy[-1])


def test_start_measures_describe_the_initial_network(short_run):
    config, _ = short_run
    start = lab.start_measures(config, "moons")
    assert start["hidden"] == 2 and len(start["spectral"]) == 3


def summary(acc: list[float], divergence=None) -> dict:
    return {"eval": {"acc": np.array(acc)}, "divergence": divergence}


def test_outcomes():
    assert lab.outcome(summary([50.0, 90.0])) == "trained"
    assert lab.outcome(summary([50.0, lab.LEARNT - 1])) == "stalled"
    diverged = summary([50.0], (7, "loss", 40.0))
    assert lab.outcome(diverged) == "diverged" and lab.last_finite_step(diverged) == 6
    assert lab.final_accuracy(summary([])) == 0.0


@pytest.mark.parametrize("log10_value, kind", [
    (float("nan"), "nan"), (float("inf"), "inf"), (float("-inf"), "inf"), (40.0, "large")])
def test_divergence_kind_names_what_the_quantity_became(log10_value, kind):
    assert lab.divergence_kind(summary([50.0], (7, "grad", log10_value))) == kind


def test_buckets_of_long_runs():
    assert lab.line_bucket([{"line_bucket": 4}, {}]) == 4
    assert lab.heat_bucket({"heat": {"starts": np.array([0, 5]),
                                     "ends": np.array([5, 9])}}) == 5


def test_readouts_are_the_last_numbers_or_none_where_a_run_has_none():
    s = {"eval": {"acc": np.array([50.0, 97.25]), "loss": np.array([0.7, 0.01234])},
         "max_grad": 12345.0, "clipped": 3}
    assert lab.readouts(s, TrainConfig(grad_clip=1.0)) == (97.25, 0.01234, 12345.0, 3)
    assert lab.readouts(s, TrainConfig())[3] is None  # nothing is clipped without a threshold
    empty = {"eval": {"acc": np.array([]), "loss": np.array([])}, "clipped": 0}
    assert lab.readouts(empty, TrainConfig()) == (None,) * 4
    switched = TrainConfig(steps=100, switch=Switch(60, "clip_norm", 1.0))
    assert lab.readouts(s, switched)[3] == 3  # clipping switched on mid-run counts its steps


def test_the_readout_of_a_switched_run_counts_the_steps_its_story_tells():
    values = dict(TABLE.presets["switch_clip"])
    b = lab.capped(lab.asked_configs(values)["B"])
    summary = lab.trained_summary(b, values["data"])
    clipped = lab.readouts(summary, b)[3]
    assert clipped == summary["switch"]["clipped_after"] > 0  # all of them after the switch
