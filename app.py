"""Gradient Lab: the entrypoint and home page. Run with `streamlit run app.py`."""

import numpy as np
import pandas as pd
import streamlit as st

from core.network import init_weights, log10_gradient_norms
from ui.charts.layers import layer_profile_chart
from ui.controls import Controls
from ui.display import show_chart
from ui.frames import profile_frame
from ui.i18n import t
from ui.shell import PAGES, PAGES_BY_ID, page_setup

HOME_DEPTH, HOME_WIDTH, HOME_SAMPLES, HOME_BATCH = 50, 128, 8, 4
HOME_GAINS = {"vanishing": 0.8, "stable": 1.0, "exploding": 1.2}
MYTHS = (  # (myth key suffix, page that shows the fact)
    ("relu", "chain_rule"),
    ("clip_formula", "clipping"),
    ("gd_loop", "descent"),
    ("deeper", "explosion"),
    ("bn_name", "explosion"),
    ("weight_clip", "weight_clipping"),
)


@st.cache_data(max_entries=4)
def gradient_profiles(depth: int, width: int, samples: int, batch: int, seed: int = 0):
    """log10(||g_l|| / ||g_L||) per layer of He/ReLU networks at each of HOME_GAINS."""
    widths = [width] * (depth + 1)
    weights = init_weights(widths, "he", 1.0, seed, samples=samples)
    rng = np.random.default_rng(seed + 1)
    x = rng.standard_normal((samples, batch, width))
    upstream = rng.standard_normal((samples, batch, width))
    profiles = {}
    for regime, gain in HOME_GAINS.items():
        log10_norms = log10_gradient_norms([gain * w for w in weights], x, "relu", upstream)
        profiles[regime] = log10_norms - log10_norms[-1]
    return profiles


def home_chart(lang: str):
    profiles = gradient_profiles(HOME_DEPTH, HOME_WIDTH, HOME_SAMPLES, HOME_BATCH)
    keys = list(HOME_GAINS)
    labels = [t("home.series", lang, gain=HOME_GAINS[k], regime=t(f"regime.{k}", lang))
              for k in keys]
    frames = [profile_frame(profiles[k], label) for k, label in zip(keys, labels, strict=True)]
    return layer_profile_chart(
        pd.concat(frames, ignore_index=True),
        x_title=t("label.layer", lang),
        y_title=t("label.grad_ratio", lang),
        series_title=t("home.series_title", lang),
        series_keys=keys,
        series_labels=labels,
        title=t("home.chart_title", lang, depth=HOME_DEPTH, width=HOME_WIDTH),
    )


def page_cards(lang: str) -> None:
    pages = [page for page in PAGES if page.id != "home"]
    columns = [column for _ in range(0, len(pages), 4) for column in st.columns(4)]
    for column, page in zip(columns, pages, strict=False):
        with column.container(border=True, height="stretch"):
            st.page_link(page.path, label=f"**{t('page.' + page.id, lang)}**", icon=page.icon)
            st.caption(t(f"question.{page.id}", lang))


def myths_and_facts(lang: str) -> None:
    st.subheader(t("home.myths_title", lang))
    st.caption(t("home.myths_caption", lang))
    for left, right in zip(MYTHS[::2], MYTHS[1::2], strict=True):
        for column, (myth, page_id) in zip(st.columns(2), (left, right), strict=True):
            with column.container(border=True):
                st.markdown(f":red[**{t('myth.label', lang)}**] *{t('myth.' + myth, lang)}*")
                st.markdown(f":green[**{t('fact.label', lang)}**] {t('fact.' + myth, lang)}")
                page = PAGES_BY_ID[page_id]
                st.page_link(page.path, label=f"{t('home.see_it', lang)}: "
                             f"{t('page.' + page_id, lang)}", icon=":material/arrow_forward:")


lang = page_setup("home")
st.title(t("app.name", lang))
controls = Controls(lang)  # home has no settings: this names stray link parameters, if any
controls.report()
st.markdown(f"#### {t('app.tagline', lang)}")
st.markdown(t("home.intro", lang))
st.latex(r"\frac{\partial \mathcal{L}}{\partial a_0} = W_1^{\top} D_1 \, W_2^{\top} D_2 \cdots "
         r"W_L^{\top} D_L \, \frac{\partial \mathcal{L}}{\partial a_L},\qquad "
         r"D_l = \operatorname{diag}\big(\varphi'(h_l)\big)")
show_chart(home_chart(lang), "gradient_per_layer", controls)
st.caption(t("home.chart_caption", lang, depth=HOME_DEPTH, samples=HOME_SAMPLES))
st.subheader(t("home.pages_title", lang))
page_cards(lang)
myths_and_facts(lang)
