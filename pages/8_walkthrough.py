"""Walkthrough: a workshop session as an ordered list of scenes (page + preset + a sentence)."""

import streamlit as st

from ui.controls import Controls, url_value
from ui.i18n import t
from ui.presets import LABEL_PREFIXES, PRESETS, SCENES
from ui.shell import PAGES_BY_ID, page_setup

SCENE_KEY = "scene"


def preset_label(page_id: str, preset_id: str, lang: str) -> str:
    return t(LABEL_PREFIXES[page_id] + preset_id, lang)


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
        st.info(f"**{t('wt.say', lang)}** {t(f'wt.scene.{page_id}.{preset_id}', lang)}",
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
