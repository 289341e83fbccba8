"""Walkthrough: a workshop session as an ordered list of scenes (page + preset + a sentence)."""

import streamlit as st

from core import scenes
from ui.controls import Controls, url_value
from ui.format import fixed, percent, plain, signed_fixed, signed_significant, significant
from ui.i18n import t
from ui.presets import PRESETS, SCENES, preset_label
from ui.shell import PAGES_BY_ID, page_setup
from ui.tables.walkthrough import TABLE

SCENE_KEY = "scene"  # the table's one control: the scene shown


# ---------------------------------------------------------------- numbers the sentences quote


def shown(value) -> str:
    """A preset value as a sentence shows it (1.0 -> "1", 0.01 -> "0.01")."""
    return plain(value) if isinstance(value, float) else str(value)


def chain_rule_values(p: dict) -> dict[str, str]:
    """Expected growth (theory) or, for sigmoid, its bound from sigma' <= 1/4."""
    n = scenes.chain_rule_numbers(p)
    values = {"nvar": significant(n["nvar"]),
              "before": shown(PRESETS["chain_rule"]["healthy"]["gain"])}
    if "bound" in n:
        return {**values, "bound": significant(n["bound"]), "decades": fixed(n["decades"], 1)}
    return {**values, "decades": signed_fixed(n["decades"], 1),
            "factor": significant(n["factor"])}


def explosion_values(p: dict) -> dict[str, str]:
    """Both columns' growth, the shift clipping gives them, and the right one at full depth."""
    n = scenes.explosion_numbers(p, PRESETS["explosion"]["defaults"])
    return {**{key: signed_fixed(n[key], 1) for key in ("left", "right", "before", "deep_right")},
            **{key: fixed(n[key], 1) for key in ("left_shift", "right_shift")},
            "deep": str(n["deep"])}


def clipping_values(p: dict) -> dict[str, str]:
    """The angle clipping by value turns the 2-D gradient by."""
    return {"angle": fixed(scenes.value_clipping_angle(p), 0)}


def weight_clipping_values(p: dict) -> dict[str, str]:
    """Share of the page's He-initialised weights that clipping at c puts exactly at +-c."""
    return {"share": percent(scenes.share_pinned(p))}


def descent_values(p: dict) -> dict[str, str]:
    """The step factor 1 - eta*lambda and x after k steps on f(x) = lambda x^2 / 2."""
    n = scenes.descent_numbers(p)
    return {"factor": signed_significant(n["factor"]), "size": significant(n["size"]),
            "xk": significant(n["xk"]), "last": plain(n["last"])}


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
    current = st.session_state.get(SCENE_KEY, TABLE.defaults[SCENE_KEY])
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
controls = Controls(lang, TABLE)
number = controls.widget(SCENE_KEY)
controls.report()
st.markdown(t("wt.intro", lang))
scene_card(lang, number)
scene_list(lang)
