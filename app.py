"""Gradient Lab: the entrypoint and home page. Run with `streamlit run app.py`."""

import pandas as pd
import streamlit as st

from core.descent import ARTICLE_EPOCHS, ARTICLE_LR, seed_article_loop
from core.profiles import relu_gain_profiles
from core.remedies import verdict
from ui.charts.layers import profile_template
from ui.control_table import ControlTable
from ui.controls import Controls
from ui.display import show_chart
from ui.format import percent_number, plain, superscript_digits, superscript_scientific
from ui.frames import BAND_QUANTILES, decade_extent, profile_frame
from ui.i18n import t
from ui.shell import PAGES, PAGES_BY_ID, page_setup

HOME_DEPTH, HOME_WIDTH, HOME_SAMPLES, HOME_BATCH = 50, 128, 8, 4
HOME_GAINS = (0.8, 1.0, 1.2)  # He init times these: below, at and above the critical gain 1
MYTHS = (  # (myth key suffix, page that shows the fact)
    ("relu", "chain_rule"),
    ("clip_formula", "clipping"),
    ("gd_loop", "descent"),
    ("deeper", "explosion"),
    ("bn_name", "explosion"),
    ("weight_clip", "weight_clipping"),
)


@st.cache_data(max_entries=4)
def gradient_profiles(depth: int, width: int, samples: int, batch: int, seed: int = 0
                      ) -> tuple[pd.DataFrame, dict[float, float], int]:
    """The chart's per-layer bands per gain (series: the gain), the median growth at the input
    per gain, and the number of gradients behind each band."""
    profiles = relu_gain_profiles(depth, width, samples, batch, seed, HOME_GAINS)
    frame = pd.concat([profile_frame(values, plain(gain))
                       for gain, values in profiles.relative.items()], ignore_index=True)
    return frame, profiles.growth, profiles.runs


def home_chart(lang: str, controls: Controls) -> tuple[dict[float, float], int]:
    """Draw the chart; return the plotted median growth at the input per gain and the number of
    gradients behind each band (the caption's)."""
    profile, growth, runs = gradient_profiles(HOME_DEPTH, HOME_WIDTH, HOME_SAMPLES, HOME_BATCH)
    keys = tuple(verdict(growth[gain]) for gain in HOME_GAINS)  # the regime each line shows
    labels = {plain(gain): t("home.series", lang, gain=plain(gain),
                             regime=t(f"regime.{key}", lang))
              for gain, key in zip(HOME_GAINS, keys, strict=True)}
    chart = profile_template(
        x_title=t("label.layer", lang),
        y_title=t("label.grad_ratio", lang),
        series_title=t("home.series_title", lang),
        series_keys=keys,
        series_labels=tuple(labels.values()),
        title=t("home.chart_title", lang, depth=HOME_DEPTH, width=HOME_WIDTH),
    )
    show_chart(chart, "gradient_per_layer", controls,
               data={"profile": profile.assign(series=profile["series"].map(labels)),
                     "extent": decade_extent(profile["low"], profile["high"])})
    return growth, runs


def chart_caption(growth: dict[float, float], runs: int, lang: str) -> str:
    """The chart's caption: every number from the constants or the plotted medians."""
    (g_low, low), (g_mid, mid), (g_high, high) = sorted(growth.items())
    return t("home.chart_caption", lang, depth=HOME_DEPTH, samples=HOME_SAMPLES,
             batch=HOME_BATCH, n=runs, g_low=g_low, low=low, g_mid=g_mid,
             mid=mid, g_high=g_high, high=high, q_low=percent_number(BAND_QUANTILES[0], None),
             q_high=percent_number(BAND_QUANTILES[1], None))


def myth_values() -> dict[str, dict[str, str]]:
    """The placeholders of the myths and facts (the article's loop, run as written)."""
    epochs = str(ARTICLE_EPOCHS)
    loop = {"lr": plain(ARTICLE_LR), "epochs": epochs, "power": superscript_digits(epochs),
            "factor": superscript_scientific(seed_article_loop())}
    return {"gd_loop": loop}


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
    values = myth_values()
    for left, right in zip(MYTHS[::2], MYTHS[1::2], strict=True):
        for column, (myth, page_id) in zip(st.columns(2), (left, right), strict=True):
            filled = values.get(myth, {})
            with column.container(border=True):
                st.markdown(f":red[**{t('myth.label', lang)}**] "
                            f"*{t('myth.' + myth, lang, **filled)}*")
                st.markdown(f":green[**{t('fact.label', lang)}**] "
                            f"{t('fact.' + myth, lang, **filled)}")
                page = PAGES_BY_ID[page_id]
                st.page_link(page.path, label=f"{t('home.see_it', lang)}: "
                             f"{t('page.' + page_id, lang)}", icon=":material/arrow_forward:")


lang = page_setup("home")
st.title(t("app.name", lang))
# Home has no settings: an empty table, so the controls only name stray link parameters.
controls = Controls(lang, ControlTable("home", "", ()))
controls.report()
st.markdown(f"#### {t('app.tagline', lang)}")
st.markdown(t("home.intro", lang))
st.latex(r"\frac{\partial \mathcal{L}}{\partial a_0} = W_1^{\top} D_1 \, W_2^{\top} D_2 \cdots "
         r"W_L^{\top} D_L \, \frac{\partial \mathcal{L}}{\partial a_L},\qquad "
         r"D_l = \operatorname{diag}\big(\varphi'(h_l)\big)")
growth, runs = home_chart(lang, controls)
st.caption(chart_caption(growth, runs, lang))
st.subheader(t("home.pages_title", lang))
page_cards(lang)
myths_and_facts(lang)
