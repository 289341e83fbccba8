"""The chain-rule page's forward distributions: what phi sees per layer, dead or saturated units,
finite at any depth, a layer control that changes data only, the story in both languages."""

import pytest

from tests.apptest import assert_all_finite, chart_datasets, charts, move_widget, texts
from tests.pages.test_chain_rule import LIGHT, chart_titled, page


def distribution_data(at):
    """(bands, thresholds, lines, points) of the two forward-distribution charts."""
    bands = chart_datasets(chart_titled(at, "Pre-activations z_l"))
    shares = chart_datasets(chart_titled(at, "weak units and E["))
    return bands["bands"], bands["thresholds"], shares["lines"], shares["points"]


@pytest.mark.parametrize("act", ["relu", "sigmoid"])
def test_forward_distributions_are_finite_at_depth_200_gain_4(act):
    at = page(depth=200, gain=4, act=act)
    assert len(charts(at)) == 5
    assert_all_finite(at)
    bands, thresholds, lines, points = distribution_data(at)
    assert list(bands["layer"]) == [1, 41, 81, 120, 160, 200]  # 6 layers, spread over depth
    assert len(lines) == 2 * 200 and len(points) == 2 * 6
    assert lines["value"].between(0, 1).all()
    body = texts(at)
    if act == "relu":  # He x 4: z_200 ~ 4^200 = 1e120, beyond float32
        assert 117 < int(bands["rms"].iloc[-1].removeprefix("1e")) < 122  # 200 log10(4) = 120.4
        assert "dead units (z ≤ 0)" in set(lines["series"]) and "leave float32's range" in body
        assert list(thresholds["y"]) == [0.0] * 6  # dead below z = 0
        weak = lines[lines["series"] == "dead units (z ≤ 0)"]["value"]
        assert weak.mean() == pytest.approx(0.5, abs=0.02)  # He init: half the units dead
    else:  # sigmoid is bounded: z stays small, and the units saturate
        assert "units are saturated" in body and "leave float" not in body
        assert "Sigmoid's φ′ is at most ¼" in body


def test_the_layer_control_changes_the_data_and_not_the_spec():
    at = page(**LIGHT)
    # the slider sits in the section's fragment: only its two charts are drawn again
    changed = move_widget(at, at.slider(key="layers"), 3, redrawn=[3, 4])
    assert changed == {3: True, 4: True}  # the shown layers' bands and dots
    bands, _, lines, points = distribution_data(at)
    assert list(bands["layer"]) == [1, 16, 30] and len(points) == 2 * 3
    assert len(lines) == 2 * 30  # every layer's line stays


def test_the_layer_count_comes_from_the_link_and_caps_at_the_depth():
    at = page(layers=12, depth=5, width=16, samples=2)
    assert at.slider(key="layers").value == 12 and not at.warning
    bands, *_ = distribution_data(at)
    assert list(bands["layer"]) == [1, 2, 3, 4, 5]


def test_the_story_follows_the_measured_shares():
    at = page(act="tanh", init="xavier", gain=3, **LIGHT)
    bands, thresholds, lines, _ = distribution_data(at)
    saturated = lines[lines["series"] == "saturated units (φ′ < 10% of max)"]["value"].mean()
    assert 0.3 < saturated < 0.6
    body = texts(at)
    assert f"**{100 * saturated:.1f}% of the units are saturated** (|z| > 1.82" in body
    assert (thresholds["show"] == 1).all() and len(thresholds) == 2 * len(bands)  # +-z*/rms
    # the mean E[phi'(z)^2] is the factor chart's activation bar
    factor = chart_datasets(chart_titled(at, "split into its two parts"))["bars"]
    activation = float(factor.set_index("part")["value"]["activation"])
    assert f"activation bar of the factor chart above ({activation:#.3g})" in body
    narrow = texts(page(depth=50, width=4, samples=4))
    assert "more than half" in narrow and "grows with depth" in narrow


def test_forward_distributions_in_chinese():
    at = page(lang="zh", act="linear", **LIGHT)
    body = texts(at)
    assert "前向分布" in body and "没有单元死亡或饱和" in body and "显示的层数" in \
        at.slider(key="layers").label
    assert "units" not in body.split("前向分布")[1].split("乘积为什么")[0]
