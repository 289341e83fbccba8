"""The "Explanations" page: saliency fields, seed agreement and the scaling law, told by numbers."""

import math

import numpy as np
import pytest

from core import saliency as S
from core.datasets import make_dataset
from core.training import TrainConfig, train
from tests.apptest import (
    assert_all_finite,
    chart_datasets,
    chart_frames,
    charts,
    cold_rerun_seconds,
    move_widget,
    open_page,
    texts,
)

PAGE = "pages/7_explanations.py"
CHARTS = 7  # 4 seed fields, agreement dots, the scaled field, the per-layer profile
PRESETS = {
    "healthy": {"gain": 1.0, "lr": 0.1, "clip": False},
    "exploding": {"gain": 2.0, "lr": 0.5, "clip": False},
    "exploding_clipped": {"gain": 2.0, "lr": 0.5, "clip": True},
}


def metric(at, label_start: str):
    """The first metric whose label starts with ``label_start``."""
    return next(m for m in at.metric if m.label.startswith(label_start))


def agreement_metrics(at) -> dict[str, float]:
    """Seed agreement per model label, as shown."""
    prefix = "seed agreement: "
    return {m.label[len(prefix):]: float(m.value) for m in at.metric
            if m.label.startswith(prefix)}


def seed_agreement(gain: float, lr: float, clip: float | None, seed: int = 0) -> float:
    """The page's seed agreement recomputed from core: moons, depth 4, width 32, 400 steps."""
    x, y = make_dataset("moons", 400, 0.1, seed)
    units = []
    for s in (seed, seed + 1):
        config = TrainConfig(depth=4, width=32, gain=gain, lr=lr, steps=400, grad_clip=clip,
                             eval_every=400, seed=s)
        result = train(config, (x, y))
        _, _, points = S.grid_points(*S.data_extent(x), 25)
        units.append(S.saliency((result.weights, result.biases), points, "relu")[0])
    return S.cosine_agreement(*units)[0]


def test_default_view_draws_every_chart_with_finite_values():
    at = open_page(PAGE)
    assert not at.exception
    assert len(charts(at)) == CHARTS
    assert_all_finite(at)
    body = texts(at)
    assert "Saliency fields" in body and "Only scaled" in body and "What these numbers say" in body
    assert not at.warning
    fields = [f for chart in charts(at)[:4] for f in chart_frames(chart) if "p" in f]
    assert all(((f.p >= 0) & (f.p <= 1)).all() for f in fields)


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_tell_the_agreement_story_the_simulation_gives(name):
    preset = PRESETS[name]
    params = {"gain": str(preset["gain"]), "lr": str(preset["lr"]),
              "clip": str(preset["clip"]).lower()}
    at = open_page(PAGE, params)
    assert not at.exception
    shown = agreement_metrics(at)
    reference = seed_agreement(1.0, 0.1, None)
    studied = seed_agreement(preset["gain"], preset["lr"], 1.0 if preset["clip"] else None)
    assert shown["reference (gain 1, lr 0.1)"] == pytest.approx(reference, abs=0.005)
    studied_label = next(label for label in shown if label.startswith("studied"))
    assert shown[studied_label] == pytest.approx(studied, abs=0.005)
    body = texts(at)
    if studied < reference - 0.05:
        assert "below the reference model's" in body
        assert "above the reference model's" not in body
    elif studied > reference + 0.05:
        assert "above the reference model's" in body
    else:
        assert "about the same as the reference model's" in body
    if preset["clip"]:  # the unclipped twin is measured and the verdict follows its number
        unclipped = shown[f"same gain {preset['gain']:g} and lr {preset['lr']:g}, no clipping"]
        assert unclipped == pytest.approx(seed_agreement(preset["gain"], preset["lr"], None),
                                          abs=0.005)
        expected = ("made the explanation more consistent" if studied > unclipped + 0.05
                    else "less consistent here" if studied < unclipped - 0.05
                    else "changed little here")
        assert expected in body


def test_scaling_law_shows_on_screen_and_moves_with_gain():
    at = open_page(PAGE)
    shown = float(metric(at, "saliency magnitude change").value)
    assert shown == pytest.approx(4 * math.log10(2.0), abs=5e-4)
    assert metric(at, "direction: cosine").value == "1.0000"
    assert metric(at, "grid points that changed class").value.startswith("0 /")
    assert "Scaling alone does not scramble the explanation" in texts(at)
    agreements = agreement_metrics(at)
    assert agreements["reference (gain 1, lr 0.1)"] == agreements["reference × g = 2"]
    at.slider(key="gain").set_value(3.0).run()
    assert float(metric(at, "saliency magnitude change").value) == pytest.approx(
        4 * math.log10(3.0), abs=5e-4)


def test_layer_profile_of_the_scaled_copy_follows_the_law():
    at = open_page(PAGE, {"depth": "5", "gain": "1.5"})
    profile = chart_datasets(charts(at)[-1])["profile"]
    ref = profile[profile.series == "reference"].set_index("layer")["median"]
    scaled = profile[profile.series == "reference × g"].set_index("layer")["median"]
    assert len(ref) == 6 and ref.index.equals(scaled.index)  # layers 0 (input) .. 5 (logits)
    assert np.allclose(scaled - ref, (5 - ref.index) * math.log10(1.5), atol=1e-9)


def test_clipping_adds_the_unclipped_twin_to_the_comparison():
    at = open_page(PAGE)
    assert len(agreement_metrics(at)) == 3
    at.checkbox(key="clip").check().run()
    assert not at.exception
    assert len(agreement_metrics(at)) == 4
    assert "clipped at 1" in texts(at)


def test_choosing_a_preset_sets_every_control():
    at = open_page(PAGE, {"gain": "1", "lr": "0.1"})
    assert at.selectbox(key="preset").value == "healthy"
    at.selectbox(key="preset").set_value("exploding_clipped").run()
    assert not at.exception
    assert at.checkbox(key="clip").value is True
    assert at.slider(key="gain").value == 2.0 and at.slider(key="lr").value == 0.5
    assert at.selectbox(key="preset").value == "exploding_clipped"


def test_controls_at_their_minimum_and_maximum_run_cleanly():
    lows = {"data": "xor", "depth": "2", "width": "8", "gain": "0.5", "lr": "0.01",
            "steps": "100", "c": "0.1", "seed": "0"}
    highs = {"data": "spirals", "depth": "8", "width": "64", "gain": "4", "lr": "1",
             "steps": "1000", "clip": "true", "c": "10", "seed": "9999"}
    for params in (lows, highs):
        at = open_page(PAGE, params)
        assert not at.exception, params
        assert not at.warning, params
        assert len(charts(at)) == CHARTS
        assert_all_finite(at)


def test_heaviest_link_is_capped_and_answers_quickly():
    params = {"depth": "8", "width": "64", "steps": "1000", "clip": "true", "gain": "1.1",
              "lr": "0.05"}  # a gentle studied run: no early divergence, every step is trained
    at = open_page(PAGE, params)
    assert not at.exception
    assert any("reduced from 1000 to" in info.value for info in at.info)
    elapsed = cold_rerun_seconds(at)
    assert not at.exception
    assert elapsed < 12, elapsed  # about 2 s on an idle 2-core machine; generous under load


def test_url_seeds_the_controls():
    at = open_page(PAGE, {"data": "circles", "depth": "3", "gain": "2.5", "clip": "true",
                          "seed": "7"})
    assert at.selectbox(key="data").value == "circles"
    assert at.slider(key="depth").value == 3 and at.slider(key="gain").value == 2.5
    assert at.checkbox(key="clip").value is True and at.slider(key="seed").value == 7
    assert "The first seed is 7, the second 8" in texts(at)


def test_malformed_link_warns_and_still_draws():
    at = open_page(PAGE, {"depth": "abc", "width": "100000", "gain": "-1",
                          "data": "<script>", "clip": "maybe", "bogus": "1"})
    assert not at.exception
    assert len(at.warning) == 1
    warning = at.warning[0].value
    for key in ("depth", "width", "gain", "data", "clip", "bogus"):
        assert f"`{key}" in warning
    assert at.slider(key="width").value == 64 and at.slider(key="gain").value == 0.5
    assert len(charts(at)) == CHARTS
    assert_all_finite(at)


def test_chinese():
    at = open_page(PAGE, {"lang": "zh"})
    assert not at.exception
    body = texts(at)
    assert "显著性" in body and "种子一致性" in body and "参照" in body and "研究模型" in body
    assert "Saliency fields" not in body and "seed agreement" not in body


@pytest.mark.parametrize(("params", "key", "value"), [
    ({}, "depth", 3),  # the page's first slider
    ({}, "gain", 3.0),
    ({"clip": "true"}, "c", 2.0),
    ({}, "seed", 4),
])
def test_a_slider_move_changes_the_data_and_leaves_every_chart_spec_as_it_was(params, key,
                                                                               value):
    at = open_page(PAGE, params)
    changed = move_widget(at, at.slider(key=key), value)
    studied = [1, 3]  # the studied model's two fields (row-wise: reference, studied)
    assert all(changed[i] for i in studied) and changed[4]  # and the agreement dots


@pytest.mark.parametrize(("key", "value", "retrained"), [
    ("c", 2.0, 0),      # clipping is off: the threshold changes no model
    ("gain", 3.0, 2),   # the studied model's two seeds; the reference is not retrained
])
def test_a_slider_retrains_only_the_models_that_depend_on_it(monkeypatch, key, value,
                                                              retrained):
    import core.training

    at = open_page(PAGE)
    calls = []
    original = core.training.train
    monkeypatch.setattr(core.training, "train",
                        lambda config, *a, **k: calls.append(config) or original(config, *a, **k))
    at.slider(key=key).set_value(value).run()
    assert not at.exception
    assert len(calls) == retrained
    assert all(config.gain == value for config in calls)
