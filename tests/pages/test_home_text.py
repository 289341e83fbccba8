"""The home page's numbers and outcome words agree with an independent computation.

The page has no controls, so its one setting is checked in both languages: the caption's
growth per gain against a fresh run of core.mlp_logspace with the sizes the page states, the
legend's regime words against those numbers, and the myth's loop against its closed form.
"""

import json
import re

import numpy as np
import pytest

from core.ensemble import init_weights
from core.mlp import Mlp
from core.mlp_logspace import log10_gradient_norms
from tests.apptest import chart_frames, charts, open_page, texts
from ui.i18n import STRINGS, t

NUMBER = r"([-+−]?\d[\d.]*)"
STABLE_DECADES = 1.0  # the app's verdict: more than one decade (a factor 10) is not stable


def placeholders(key: str, body: str, lang: str) -> dict[str, str]:
    """The placeholders of string ``key`` as shown once in ``body``."""
    template = STRINGS[key][lang]
    names = re.findall(r"\{(\w+)[^}]*\}", template)
    parts = [re.escape(part) for part in re.split(r"\{\w+[^}]*\}", template)]
    regex = parts[0] + "".join(NUMBER + part for part in parts[1:])
    found = [m.groups() for m in re.finditer(regex, body)]
    assert len(found) == 1, (key, found)
    return dict(zip(names, found[0], strict=True))


def independent_growth(depth: int, width: int, samples: int, batch: int,
                       gains: list[float]) -> dict[float, float]:
    """Median log10(||g_0|| / ||g_L||) of He/ReLU nets, drawn as the page says it draws them."""
    weights = init_weights([width] * (depth + 1), "he", 1.0, 0, samples=samples)
    rng = np.random.default_rng([0, 1])  # core.ensemble's inputs of seed 0: x, then upstream
    x = rng.standard_normal((samples, batch, width))
    upstream = rng.standard_normal((samples, batch, width))
    out = {}
    for gain in gains:
        norms = log10_gradient_norms(Mlp([gain * w for w in weights], "relu"), x, upstream)
        out[gain] = float(np.median(norms[0] - norms[-1]))
    return out


def regime(growth: float) -> str:
    if growth > STABLE_DECADES:
        return "exploding"
    return "vanishing" if growth < -STABLE_DECADES else "stable"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_caption_numbers_and_regime_words_agree_with_the_networks(lang):
    at = open_page(params={"lang": lang} if lang != "en" else None)
    assert not at.exception
    body = texts(at)
    caption = placeholders("home.chart_caption", body, lang)
    depth, samples, batch = (int(caption[k]) for k in ("depth", "samples", "batch"))
    assert int(caption["n"]) == samples * batch  # the band is over networks × inputs
    title = json.loads(charts(at)[0].proto.spec)["title"]
    width = int(re.findall(r"\d+", title if isinstance(title, str) else title["text"])[1])
    gains = [float(caption[k]) for k in ("g_low", "g_mid", "g_high")]
    growth = independent_growth(depth, width, samples, batch, gains)
    for gain, key in zip(gains, ("low", "mid", "high"), strict=True):
        assert float(caption[key].replace("−", "-")) == pytest.approx(growth[gain], abs=0.006)
    # The legend names each line's regime; the word must fit that line's number.
    frame = next(f for f in chart_frames(charts(at)[0]) if "median" in f.columns)
    for gain in gains:
        label = t("home.series", lang, gain=f"{gain:g}", regime=t(f"regime.{regime(growth[gain])}",
                                                                  lang))
        assert label in set(frame.series), (label, set(frame.series))
        at_input = frame[(frame.series == label) & (frame.layer == 0)]["median"].iloc[0]
        assert at_input == pytest.approx(growth[gain], abs=1e-9)
    assert frame.layer.max() == depth


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_loop_myth_s_numbers_are_the_closed_form(lang):
    at = open_page(params={"lang": lang} if lang != "en" else None)
    body = texts(at)
    epochs = int(placeholders("myth.gd_loop", body, lang)["epochs"])
    template = STRINGS["fact.gd_loop"][lang]
    lr = float(re.search(r"lr = ([\d.]+)", body).group(1))
    superscripts = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
    head = re.escape(template.split("{power}")[0])
    match = re.search(head + r"(\S+?)( = |，)", body)
    assert int(match.group(1).translate(superscripts)) == epochs
    factor = re.search(r"([\d.]+)×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)", body)
    value = float(factor.group(1)) * 10 ** int(factor.group(2).translate(superscripts))
    assert value == pytest.approx((1 - lr) ** epochs, rel=0.02)
