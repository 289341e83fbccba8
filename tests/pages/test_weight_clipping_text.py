"""The weight-clipping page's outcome sentences agree with the numbers, at every setting.

The cap's verdict is worked out here from its closed form (c·√(mn))^L; the other sentences are
checked against the numbers the page plots (the clipped weights at ±c, the gradient ratios, the
training runs), never against the page's own choice of sentence. The claims themselves are
checked too: the cap bounds every plotted ratio, a "vanishing" label means below 10^-1, ...
"""

import math
import re
import string

import numpy as np
import pytest

from tests.apptest import chart_frames, charts, open_page, texts
from ui.i18n import t
from ui.presets import PRESETS

PAGE = "pages/3_weight_clipping.py"
LIMIT = 1.0  # decades: beyond +-1 the page calls a ratio exploding or vanishing
PILE_MOVE = 2.0  # percentage points
TRAIN_STEPS = 300
LAST_EVAL = 295  # the loss is taken every 5 steps before the step's update: at 0, 5, ..., 295
LIMITS = {"low": "10^-1", "high": "10^1"}
CAP_KEYS = ("forced", "shrinks", "rules_out", "loose")
PILE_KEYS = ("none", "grew", "shrank", "same")


def literal_parts(key: str) -> list[str]:
    """The English template's text between placeholders (the parts long enough to be telling)."""
    parts = [text.strip(" .:,") for text, *_ in string.Formatter().parse(t(key, "en"))]
    return [part for part in parts if len(part) >= 12]


def shows(body: str, key: str) -> bool:
    parts = literal_parts(key)
    assert parts, key
    return all(part in body for part in parts)


def frames(at, index: int, column: str) -> list:
    return [f for f in chart_frames(charts(at)[index]) if column in f]


def metric(at, label_start: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def expected_cap(c: float, depth: int, width: int) -> tuple[str, float, float]:
    """(verdict key, bound c·√(n·n), log10 of the cap) from the closed form."""
    bound = c * width
    cap = depth * math.log10(bound)
    if bound < 1:
        return ("forced" if cap < -LIMIT else "shrinks"), bound, cap
    return ("rules_out" if cap <= LIMIT else "loose"), bound, cap


def expected_regime(log10_ratio: float) -> str:
    if log10_ratio < -LIMIT:
        return "vanishing"
    return "exploding" if log10_ratio > LIMIT else "stable"


def atoms_of(at, index: int):
    """The spikes at +-c of histogram chart ``index`` (None: the chart has no spike at all)."""
    found = frames(at, index, "at")
    return found[0] if found else None


def at_bound_shares(atoms, series: str) -> float:
    """Share (%) of the weights sitting at -c or +c in one series of a histogram."""
    return 0.0 if atoms is None else float(atoms[atoms.series == series]["share"].sum())


def check_gradient_section(at, body: str, c: float, depth: int, width: int) -> None:
    key, bound, cap = expected_cap(c, depth, width)
    assert t(f"wc.verdict.{key}", "en", bound=f"{bound:.3g}", cap=f"10^{cap:.1f}",
             **LIMITS) in body, (key, c, depth, width)
    for other in CAP_KEYS:
        if other != key:
            assert not shows(body, f"wc.verdict.{other}"), other
    # the cap holds for every network and layer that is plotted
    profile = frames(at, 1, "median")[0]
    clipped = profile[profile.series.str.startswith("clipped")]
    assert np.all(clipped["high"] <= (depth - clipped["layer"]) * math.log10(bound) + 1e-9)
    # the regime word follows the clipped median at the input
    first = clipped[clipped.layer == 0]["median"]
    after = float(first.iloc[0]) if len(first) else -math.inf
    regime = expected_regime(after)
    rule = t(f"wc.rule.{regime}", "en", **LIMITS)
    assert f"**{t(f'regime.{regime}', 'en')}** ({rule})" in body
    assert metric(at, "‖g₀‖/‖g_L‖ clipped") == f"10^{after:.1f}"
    if key == "forced":
        assert regime == "vanishing"
    if key in ("forced", "shrinks", "rules_out"):
        assert regime != "exploding"


def check_histogram_section(at, body: str) -> bool:
    """The caption and the verdict's last sentence; True if clipping moved some weight."""
    clipped = at_bound_shares(atoms_of(at, 0), "clipped at c")
    touched = clipped > 0
    assert shows(body, "wc.hist.caption.none") == (not touched)
    assert shows(body, "wc.verdict.untouched") == (not touched)
    before = re.search(r"before clipping: (\S+)", body).group(1)
    after = metric(at, "n·Var[w] after clipping")
    if touched:
        assert float(after) < float(before)
        assert t("wc.hist.factor.lowered", "en", before=before, after=after) in body
    else:
        assert after == before and not shows(body, "wc.hist.factor.lowered")
    return touched


def check_training_section(at, body: str) -> None:
    # pile-up: the sentence follows the shares at +-c that the chart shows
    atoms = atoms_of(at, 3)
    start = at_bound_shares(atoms, "at step 0 (clipped He init)")
    end = at_bound_shares(atoms, f"after {TRAIN_STEPS} steps")
    if max(start, end) < PILE_MOVE:
        key = "none"
    else:
        key = "grew" if end > start + PILE_MOVE else "shrank" if end < start - PILE_MOVE else "same"
    for other in PILE_KEYS:
        assert shows(body, f"wc.pile.{other}") == (other == key), (other, start, end)
    assert f"{start:.1f}%" in body and f"{end:.1f}%" in body
    # a run is said to diverge exactly when its loss curve stops early
    losses = frames(at, 2, "loss")[0]
    warned = {w.value for w in at.warning}
    for series, curve in losses.groupby("series"):
        stopped = curve["step"].max() < LAST_EVAL
        named = [w for w in warned if w.startswith(f"The run “{series}")]  # “clipped at 4c = …”
        assert bool(named) == stopped, series


def check_page(params: dict):
    at = open_page(PAGE, {key: str(value) for key, value in params.items()})
    assert not at.exception, params
    body = texts(at)
    c, depth, width = (at.slider(key=k).value for k in ("c", "depth", "width"))
    check_gradient_section(at, body, c, depth, width)
    touched = check_histogram_section(at, body)
    if touched and c * width >= 1:
        assert "What clipping changes in practice is n·Var[w]" in body
    check_training_section(at, body)
    return at, body


# Grouped by the training the settings share (c, gain, activation, data, seed), so each group
# trains once: the cache is cleared per test, not per page run.
GROUPS = {
    "defaults_depth_width_seed0": [{}, {"depth": 1}, {"depth": 100}, {"width": 8},
                                   {"width": 256}, {"seed": 0}],
    "c_min_and_tight_preset": [{"c": 0.005}, PRESETS["weight_clipping"]["tight_clip_vanishes"]],
    "c_max_and_loose_preset": [{"c": 1.0}, PRESETS["weight_clipping"]["no_real_clipping"]],
    "wgan_preset_and_cap_that_rules_out": [PRESETS["weight_clipping"]["wgan_c_001"],
                                           {"c": 0.01, "width": 104}],
    "gain_min": [{"gain": 0.5}],
    "gain_max": [{"gain": 2.0}],
    "seed_max": [{"seed": 9999}],
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_outcome_sentences_at_defaults_presets_and_slider_limits(group):
    for params in GROUPS[group]:
        check_page(params)


def test_preset_labels_hold():
    presets = PRESETS["weight_clipping"]
    # "c = 0.005: vanishes": the clipped ratio is below 10^-1 (and the cap guarantees it)
    tight = presets["tight_clip_vanishes"]
    assert expected_cap(tight["c"], tight["depth"], tight["width"])[0] == "forced"
    # "c = 1: a loose bound": the cap does not rule out explosion
    loose = presets["no_real_clipping"]
    assert expected_cap(loose["c"], loose["depth"], loose["width"])[0] == "loose"
    assert t("wc.preset.tight_clip_vanishes", "en").endswith("vanishes")
    assert "loose" in t("wc.preset.no_real_clipping", "en")


def test_the_issue_example_cap_below_ten_rules_out_explosion():
    # c = 0.01, width 104, depth 50: (1.04)^50 = 10^0.85, which does prevent explosion
    at, body = check_page({"c": 0.01, "width": 104})
    assert "cap 10^0.9" in body and "rules out explosion" in body
    assert "astronomically" not in body


def test_random_small_settings():
    rng = np.random.default_rng(3)
    for _ in range(3):
        check_page({"c": round(float(rng.choice([0.005, 0.01, 0.02, 0.05, 0.1, 0.3])), 3),
                    "depth": int(rng.integers(1, 30)), "width": int(rng.integers(1, 9)) * 8,
                    "gain": round(round(float(rng.uniform(0.5, 2.0)) / 0.05) * 0.05, 2),
                    "act": str(rng.choice(["relu", "tanh", "sigmoid", "linear", "leaky_relu"])),
                    "seed": 0})


def test_chinese_verdict_is_chosen_the_same_way_and_uses_full_width_parentheses():
    at = open_page(PAGE, {"lang": "zh", "c": "0.01", "width": "104"})
    body = texts(at)
    assert "单凭这个上限就排除了梯度爆炸" in body and "不能排除" not in body
    assert "裁剪边界 c" == at.slider(key="c").label
    verdict = next(md.value for md in at.markdown if md.value.startswith("在 c = 0.01 时"))
    assert "(" not in verdict.replace("(c√(mn))", "") and "（" in verdict
