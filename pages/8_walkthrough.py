"""Walkthrough: a workshop session as an ordered list of scenes (page + preset + a sentence)."""

import numpy as np
import streamlit as st

from core import remedies, theory
from core.activations import activation as activation_functions
from core.clipping import clip_weights
from core.clipping_demo import clip_2d, compare_to_original, polar_vector
from core.descent import gd_quadratic, step_factors
from core.network import init_weights
from core.training import share_at_bound
from ui.controls import Controls, url_value
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS, SCENES
from ui.shell import PAGES_BY_ID, page_setup

SCENE_KEY = "scene"
SIDES = ("l", "r")  # the explosion page's columns (URL prefixes)


def preset_label(page_id: str, preset_id: str, lang: str) -> str:
    return t(LABEL_PREFIXES[page_id] + preset_id, lang)


# ---------------------------------------------------------------- numbers the sentences quote


def shown(value) -> str:
    """A preset value as a sentence shows it (1.0 -> "1", 0.01 -> "0.01")."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def chain_rule_values(p: dict) -> dict[str, str]:
    """Expected growth (theory) or, for sigmoid, its bound from sigma' <= 1/4."""
    widths = [p["width"]] * (p["depth"] + 1)
    n_var = theory.weight_factor(p["init"], p["gain"], p["width"], p["width"])
    values = {"nvar": f"{n_var:.3g}", "before": shown(PRESETS["chain_rule"]["healthy"]["gain"])}
    if theory.theory_applies(p["act"]):
        growth = theory.expected_log10_growth(widths, p["act"], p["init"], p["gain"])[0]
        factor = theory.gradient_factor(p["act"], p["init"], p["gain"], p["width"], p["width"])
        return {**values, "decades": f"{growth:+.1f}", "factor": f"{factor:.3g}"}
    _, slope = activation_functions(p["act"])
    bound = n_var * float(slope(np.zeros(1))[0]) ** 2  # sigma' peaks at 0: E[sigma'^2] <= 1/16
    return {**values, "bound": f"{bound:.3g}",
            "decades": f"{-0.5 * p['depth'] * np.log10(bound):.1f}"}


def column(p: dict, side: str, **changes) -> dict:
    """The simulated median growth and clip factor of one explosion column of preset ``p``."""
    s = {key: p[f"{side}_{key}"] for key in ("act", "init", "gain", "depth", "good", "bn",
                                              "res", "clip")} | changes
    fix = remedies.Remedies(s["good"], s["bn"], s["res"], p["max_norm"] if s["clip"] else None)
    run = remedies.simulate(s["act"], s["init"], float(s["gain"]), s["depth"], p["width"], fix,
                            remedies.SAMPLES, remedies.BATCH, p["seed"])
    return {"growth": remedies.median_growth(remedies.total_growth(run["input"])),
            "shift": -float(np.median(run["coef"]))}


def explosion_values(p: dict) -> dict[str, str]:
    """Both columns' growth, the shift clipping gives them, and the right one at full depth."""
    cols = {side: column(p, side) for side in SIDES}
    plain = column(PRESETS["explosion"]["defaults"], "l")
    deep = remedies.DEPTH_CURVE[-1]
    return {"left": f"{cols['l']['growth']:+.1f}", "right": f"{cols['r']['growth']:+.1f}",
            "before": f"{plain['growth']:+.1f}", "deep": str(deep),
            "left_shift": f"{cols['l']['shift']:.1f}", "right_shift": f"{cols['r']['shift']:.1f}",
            "deep_right": f"{column(p, 'r', depth=deep)['growth']:+.1f}"}


def clipping_values(p: dict) -> dict[str, str]:
    """The angle clipping by value turns the 2-D gradient by."""
    g = polar_vector(p["mag"], p["ang"])
    return {"angle": f"{compare_to_original(g, clip_2d(g, p['thr'])['value'])['angle']:.0f}"}


def weight_clipping_values(p: dict) -> dict[str, str]:
    """Share of the page's He-initialised weights that clipping at c puts exactly at +-c."""
    weights = init_weights([p["width"]] * (p["depth"] + 1), "he", p["gain"], p["seed"])
    return {"share": f"{share_at_bound(clip_weights(weights, p['c']), p['c']):.0%}"}


def descent_values(p: dict) -> dict[str, str]:
    """The step factor 1 - eta*lambda and x after k steps on f(x) = lambda x^2 / 2."""
    factor = float(step_factors([p["lam"]], p["eta"], 1)[0, 0])
    x_k = float(gd_quadratic([p["lam"]], [p["x0"]], p["eta"], p["k"])[-1, 0])
    return {"factor": f"{factor:+.3g}", "size": f"{abs(factor):.3g}", "xk": f"{x_k:.3g}",
            "last": f"{p['eta0'] * p['end']:g}"}


COMPUTED = {"chain_rule": chain_rule_values, "explosion": explosion_values,
            "clipping": clipping_values, "weight_clipping": weight_clipping_values,
            "descent": descent_values}


@st.cache_data(max_entries=32)
def scene_values(page_id: str, preset_id: str) -> dict[str, str]:
    """The placeholders of a scene's sentence: its preset's values and what core computes."""
    preset = PRESETS[page_id][preset_id]
    values = {key: shown(value) for key, value in preset.items()}
    compute = COMPUTED.get(page_id)
    return values | (compute(preset) if compute else {})


def scene_text(page_id: str, preset_id: str, lang: str) -> str:
    """What to say in a scene, with its numbers filled in."""
    return t(f"wt.scene.{page_id}.{preset_id}", lang, **scene_values(page_id, preset_id))


# ---------------------------------------------------------------- the page


def step_scene(delta: int) -> None:
    """Previous/next: move the (URL-bound) scene slider."""
    current = st.session_state.get(SCENE_KEY, 1)
    st.session_state[SCENE_KEY] = min(max(current + delta, 1), len(SCENES))


def scene_card(lang: str, number: int) -> None:
    page_id, preset_id = SCENES[number - 1]
    page = PAGES_BY_ID[page_id]
    with st.container(border=True):
        st.subheader(t("wt.heading", lang, n=number, total=len(SCENES),
                       page=t(f"page.{page_id}", lang)))
        st.caption(t("wt.preset", lang, preset=preset_label(page_id, preset_id, lang)))
        st.info(f"**{t('wt.say', lang)}** {scene_text(page_id, preset_id, lang)}",
                icon=":material/record_voice_over:")
        st.page_link(page.path, label=f"**{t('wt.open', lang)}**", icon=page.icon,
                     query_params=link_params(page_id, preset_id))
    previous, _, following = st.columns([1, 3, 1])
    previous.button(t("wt.previous", lang), icon=":material/arrow_back:", width="stretch",
                    disabled=number == 1, on_click=step_scene, args=(-1,))
    following.button(t("wt.next", lang), icon=":material/arrow_forward:", width="stretch",
                     disabled=number == len(SCENES), on_click=step_scene, args=(1,))


def link_params(page_id: str, preset_id: str) -> dict[str, str]:
    """The preset as link parameters, written as the controls write them."""
    return {key: url_value(value) for key, value in PRESETS[page_id][preset_id].items()}


def scene_list(lang: str) -> None:
    st.subheader(t("wt.all", lang))
    for number, (page_id, preset_id) in enumerate(SCENES, start=1):
        page = PAGES_BY_ID[page_id]
        st.page_link(page.path, icon=page.icon, query_params=link_params(page_id, preset_id),
                     label=t("wt.item", lang, n=number, page=t(f"page.{page_id}", lang),
                             preset=preset_label(page_id, preset_id, lang)))


lang = page_setup("walkthrough")
st.title(t("page.walkthrough", lang))
controls = Controls(lang)
number = controls.slider(SCENE_KEY, "wt.scene", 1, len(SCENES), 1, help_key="wt.scene.help")
controls.report()
st.markdown(t("wt.intro", lang))
scene_card(lang, number)
scene_list(lang)
