"""Mid-run switches: before the switch step the run is bit for bit the run without it; from
that step on the new setting acts (and not a step earlier); what the switch did is measured
from the records; the page's control values build the switch."""

from dataclasses import replace

import numpy as np
import pytest

from core import lab
from core.datasets import make_dataset
from core.optimizers import step_learning_rates
from core.switches import Switch, after_switch, switch_clauses, switch_measures
from core.training import TrainConfig, train
from ui.tables.training import TABLE

# the switch_clip preset's A, shortened: momentum at lr 0.3 on circles, diverging at step 78
BASE = TrainConfig(depth=8, width=32, lr=0.3, steps=120, optimizer="momentum", eval_every=2)
DATA = make_dataset("circles", 400, 0.1, 0)
AT = 40
SWITCHES = [("clip_norm", 0.1), ("lower_lr", 0.03), ("weight_clip", 0.2)]


@pytest.fixture(scope="module")
def base():
    return train(BASE, DATA)


def switched(kind: str, value: float, config: TrainConfig = BASE, at: int = AT):
    b = replace(config, switch=Switch(at, kind, value))
    return b, train(b, DATA)


PER_STEP = ("batch_loss", "grad_norm", "grad_norm_clipped", "clipped", "update_norm", "lr",
            "at_clip", "layer_grad_norms")


@pytest.mark.parametrize(("kind", "value"), SWITCHES)
def test_before_the_switch_step_the_run_is_the_run_without_it_bit_for_bit(base, kind, value):
    _, b = switched(kind, value)
    for name in PER_STEP:
        assert np.array_equal(getattr(b, name)[:AT - 1], getattr(base, name)[:AT - 1]), name
    # the gradient of step AT is still taken at the same weights ...
    assert b.batch_loss[AT - 1] == base.batch_loss[AT - 1]
    assert b.grad_norm[AT - 1] == base.grad_norm[AT - 1]
    # ... and the evaluations up to it (weights after AT - 1 updates) agree exactly
    early = base.eval_steps <= AT
    assert np.array_equal(b.loss[:early.sum()], base.loss[early])
    assert b.update_norm[AT - 1] != base.update_norm[AT - 1]  # the switch acts in step AT


def test_norm_clipping_acts_from_the_switch_step_on(base):
    b, result = switched("clip_norm", 0.1)
    assert not result.clipped[:AT - 1].any()
    tail = result.grad_norm[AT - 1:]
    assert np.array_equal(result.clipped[AT - 1:], tail > 0.1)
    assert result.clipped[AT - 1]  # BASE's gradient norm exceeds 0.1 at the switch step
    assert np.all(result.grad_norm_clipped[AT - 1:] <= 0.1 * (1 + 1e-12))
    measures = switch_measures(result, b)
    assert measures["clipped_after"] == int(np.sum(tail > 0.1)) == int(result.clipped.sum())
    assert measures["steps_after"] == result.steps_run - AT + 1


@pytest.mark.parametrize("schedule", ["constant", "cosine"])
def test_the_learning_rate_changes_exactly_at_the_switch_step(schedule):
    config = replace(BASE, schedule=schedule, lr=0.1, optimizer="sgd")
    b, result = switched("lower_lr", 0.03, config)
    before, after = step_learning_rates(config), step_learning_rates(replace(config, lr=0.03))
    assert np.array_equal(result.lr[:AT - 1], before[:AT - 1])
    assert np.array_equal(result.lr[AT - 1:], after[AT - 1:result.steps_run])
    if schedule == "constant":
        assert set(result.lr[AT - 1:]) == {0.03} and set(result.lr[:AT - 1]) == {0.1}
    assert switch_measures(result, b)["lr_before"] == before[AT - 2]


def test_weight_clipping_acts_from_the_switch_step_on():
    config = replace(BASE, lr=0.1)
    _, result = switched("weight_clip", 0.05, config)
    assert np.all(result.at_clip[:AT - 1] == 0) and result.at_clip[AT - 1] > 0
    assert max(np.abs(w).max() for w in result.weights + result.biases) <= 0.05


@pytest.mark.parametrize(("kind", "value"), [("clip_norm", 0.5), ("lower_lr", 0.03)])
def test_a_switch_at_step_one_is_the_switched_run_from_the_start(kind, value):
    b, result = switched(kind, value, at=1)
    plain = train(after_switch(b), DATA)
    for name in (*PER_STEP, "loss"):
        assert np.array_equal(getattr(result, name), getattr(plain, name)), name


def test_measures_and_sentences_follow_the_records(base):
    b, result = switched("clip_norm", 0.1)
    m = switch_measures(result, b)
    assert m["acted"] and m["diverged"] is None and base.diverged_at is not None
    assert m["grad_at"] == result.grad_norm[AT - 1]
    assert m["loss_at"] == result.loss[result.eval_steps <= AT][-1]
    assert m["loss_end"] == result.loss[-1]
    assert switch_clauses(m) == ["tl.switch.did.clip_norm",
                                 "tl.switch.fell" if m["loss_end"] < m["loss_at"]
                                 else "tl.switch.not_fell"]
    late = replace(BASE, switch=Switch(100, "clip_norm", 0.5))  # BASE diverges at step 78
    m = switch_measures(train(late, DATA), late)
    assert not m["acted"] and m["diverged"] == base.diverged_at
    assert switch_clauses(m) == ["tl.switch.diverged_before"]
    never = replace(BASE, steps=30, switch=Switch(31, "lower_lr", 0.01))
    m = switch_measures(train(never, DATA), never)
    assert not m["acted"] and switch_clauses(m) == ["tl.switch.never"]
    assert switch_measures(base, BASE) is None


@pytest.mark.parametrize("bad", [dict(step=0), dict(step=2.0), dict(kind="nope"),
                                 dict(value=0.0), dict(value=float("nan")), dict(value=True)])
def test_bad_switch_raises(bad):
    with pytest.raises(ValueError):
        Switch(**{"step": 5, "kind": "clip_norm", "value": 1.0, **bad})
    with pytest.raises(ValueError):
        TrainConfig(switch="clip_norm")


def test_the_page_controls_build_the_switch_from_b_controls():
    v = {**TABLE.defaults, "cmp": True, "lr": "0.3", "bclip": "value", "bthr": 2.0,
         "blr": "0.01", "bwc": "0.1", "bat": 25}
    a = lab.config_a(v)
    clip = lab.config_b(a, {**v, "bswitch": "clip_norm"})
    assert clip.switch == Switch(25, "clip_norm", 2.0)
    assert (clip.grad_clip, clip.lr, clip.weight_clip) == (None, 0.01, 0.1)  # bclip waits
    lower = lab.config_b(a, {**v, "bswitch": "lower_lr"})
    assert lower.switch == Switch(25, "lower_lr", 0.01) and lower.lr == 0.3
    clamp = lab.config_b(a, {**v, "bswitch": "weight_clip"})
    assert clamp.switch == Switch(25, "weight_clip", 0.1) and clamp.weight_clip is None
    assert lab.config_b(a, {**v, "bswitch": "weight_clip", "bwc": "off"}).switch is None
    assert lab.config_b(a, {**v, "bswitch": "none"}).switch is None
    preset = dict(TABLE.presets["switch_clip"])
    a = lab.config_a(preset)
    assert replace(lab.config_b(a, preset), switch=None) == a  # B is A until the switch
