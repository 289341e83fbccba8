"""The page shell: page config, sidebar navigation, the language switch and presenter mode.

Every page (``app.py`` included) starts with ``lang = page_setup("<page id>")``.
"""

import ctypes
import gc
import re
from dataclasses import dataclass

import streamlit as st
from threadpoolctl import threadpool_limits

from ui.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t

LANG_PARAM = "lang"
_LANG_STATE = "lang"
_LANG_WIDGET = "lang_choice"
PRESENT_PARAM = "present"
_PRESENT_STATE = "presenter"
_PRESENT_WIDGET = "presenter_choice"
_PAGE_STATE = "page_id"
# Figure-only embed: ``?figure=<chart id>&embed=true``. Streamlit reserves ``embed`` (its own
# ``embed=true`` hides the toolbar and padding, and st.query_params never shows it to the
# script), so the chart is named in a parameter of our own.
FIGURE_PARAM = "figure"
ROOM_PARAM, HOST_PARAM = "room", "host"  # a room poll (ui/room.py); host only in the presenter's
SHELL_PARAMS = (LANG_PARAM, PRESENT_PARAM, FIGURE_PARAM, ROOM_PARAM, HOST_PARAM)
_FIGURE_STATE = "figure_view"
_HIDDEN_KEY = "gl-figure-hidden"
_FIGURE_CSS = f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], .st-key-{_HIDDEN_KEY}
{{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100%; padding: 0.5rem 0.75rem; }}
</style>"""

# Presenter mode: larger type and full width, for a projector.
_PRESENTER_CSS = """<style>
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-left: 3rem; padding-right: 3rem; }
[data-testid="stMainBlockContainer"] :is(p, li) { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3.2rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.8rem; }
[data-testid="stMetricLabel"] p { font-size: 1.25rem; }
</style>"""

# Phones (up to 640 px): a formula scrolls inside its own block, and a fixed-size chart (an
# equal-aspect picture) shrinks to the column keeping its shape, so the page never scrolls
# sideways. Chart titles and legends wrap through ui/charts/common.py.
_PHONE_CSS = """<style>
@media (max-width: 640px) {
[data-testid="stMain"] .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
[data-testid="stVegaLiteChart"] { max-width: 100%; }
[data-testid="stVegaLiteChart"] :is(svg, canvas).marks { max-width: 100%; height: auto !important; }
}
</style>"""

# One BLAS thread per computation: the server runs many sessions' reruns at once on few cores,
# and OpenBLAS threads fighting each other were measured 10x slower under load than one thread.
threadpool_limits(limits=1, user_api="blas")

# Streamlit, NumPy, pandas and Altair leave ~130,000 long-lived objects that every full garbage
# collection walks (~65 ms, blocking every session). Freezing them once here, after the imports,
# makes later collections cheap; .streamlit/config.toml also turns off the collection Streamlit
# runs after every script run.
gc.freeze()


def _limit_malloc_arenas(arenas: int = 2) -> None:
    """Ask glibc for at most ``arenas`` malloc arenas (like MALLOC_ARENA_MAX=2).

    Each session's script thread otherwise gets an arena of its own, and memory a NumPy run
    freed there is not returned: 30 sessions left the server at 1.5 GB RSS instead of 0.44 GB
    (bench/README.md). Elsewhere than glibc this does nothing.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_ARENA_MAX, arenas)
    except (OSError, AttributeError):
        pass


_M_ARENA_MAX = -8  # glibc's malloc.h
_limit_malloc_arenas()


@dataclass
class FigureView:
    """Figure-only mode: the chosen chart goes to ``slot``, the link's notices to ``notices``;
    everything else the page draws lands in a hidden container."""

    chart_id: str
    slot: object
    notices: object
    drawn: bool = False


# Each page's chart ids (and heights) in the order the page draws them, as show_chart meets
# them: the same code for every session, so one table for the process.
_PAGE_CHARTS: dict[str, dict[str, int]] = {}


@dataclass(frozen=True)
class Page:
    id: str
    path: str
    icon: str


PAGES = (
    Page("home", "app.py", ":material/home:"),
    Page("chain_rule", "pages/1_chain_rule.py", ":material/link:"),
    Page("clipping", "pages/2_gradient_clipping.py", ":material/content_cut:"),
    Page("weight_clipping", "pages/3_weight_clipping.py", ":material/compress:"),
    Page("descent", "pages/4_gradient_descent.py", ":material/trending_down:"),
    Page("explosion", "pages/5_explosion_vs_vanishing.py", ":material/compare_arrows:"),
    Page("training", "pages/6_training_lab.py", ":material/model_training:"),
    Page("explanations", "pages/7_explanations.py", ":material/visibility:"),
    Page("walkthrough", "pages/8_walkthrough.py", ":material/slideshow:"),
)
PAGES_BY_ID = {page.id: page for page in PAGES}


def page_setup(page_id: str) -> str:
    """Configure the page, draw the sidebar and return the chosen language ("en" or "zh")."""
    lang = _current_language()
    st.session_state[_PAGE_STATE] = page_id
    page = PAGES_BY_ID[page_id]
    title = t("app.name", lang)
    if page_id != "home":
        title = f"{t('page.' + page_id, lang)} · {title}"
    figure = figure_request()
    st.set_page_config(page_title=title, page_icon=page.icon, layout="wide",
                       initial_sidebar_state="collapsed" if figure else None)
    if figure is None:
        st.session_state.pop(_FIGURE_STATE, None)
        _draw_sidebar(lang)
    sync_url_param(LANG_PARAM, lang if lang != DEFAULT_LANGUAGE else None)
    sync_url_param(PRESENT_PARAM, "1" if presenter_mode() else None)
    st.html(_PHONE_CSS)
    if presenter_mode():
        st.html(_PRESENTER_CSS)
    if figure is not None:
        _enter_figure_view(page_id, figure, lang)
    return lang


def figure_request() -> str | None:
    """The chart id of ``?figure=`` (letters, digits, ``_`` and ``-`` only), or None."""
    raw = st.query_params.get(FIGURE_PARAM)
    if raw is None:
        return None
    return re.sub(r"[^A-Za-z0-9_-]", "", raw)[:60]


def figure_view() -> FigureView | None:
    """This run's figure-only view, or None when the whole page is shown."""
    return st.session_state.get(_FIGURE_STATE)


def register_chart(page_id: str, chart_id: str, height: int) -> None:
    """Note that ``page_id`` draws the chart ``chart_id`` (``height`` px high)."""
    _PAGE_CHARTS.setdefault(page_id, {})[chart_id] = height


def page_charts(page_id: str) -> dict[str, int]:
    """The chart ids ``page_id`` has drawn so far in this process, with their heights."""
    return dict(_PAGE_CHARTS.get(page_id, {}))


def _enter_figure_view(page_id: str, chart_id: str, lang: str) -> None:
    """Show only the chart ``chart_id``: the page still runs every section it needs, but all it
    draws outside ``show_chart``'s chosen chart goes into a container nobody sees."""
    st.html(_FIGURE_CSS)
    view = FigureView(chart_id, slot=st.empty(), notices=st.container())
    st.session_state[_FIGURE_STATE] = view
    # Until the chart is drawn into the slot, the slot says which charts the page has drawn so
    # far (show_chart updates it); a page that never draws the chart ends with the full list.
    unknown_figure_notice(view, lang, list(page_charts(page_id)))
    # Entered for the rest of the run: Streamlit resets its container stack on the next run.
    st.container(key=_HIDDEN_KEY).__enter__()


def unknown_figure_notice(view: FigureView, lang: str, chart_ids: list[str]) -> None:
    """In the figure's place: which charts this page has (the link names none of them)."""
    names = ", ".join(f"`{name}`" for name in chart_ids) or t("figure.none", lang)
    view.slot.warning(t("figure.unknown", lang, chart=view.chart_id or "?", charts=names),
                      icon=":material/image_not_supported:")


def current_page() -> str:
    """The id of the page this run draws."""
    return st.session_state.get(_PAGE_STATE, "home")


def presenter_mode() -> bool:
    """Whether presenter mode is on (seeded once from ``?present=1``)."""
    if _PRESENT_STATE not in st.session_state:
        raw = st.query_params.get(PRESENT_PARAM, "").lower()
        st.session_state[_PRESENT_STATE] = raw in ("1", "true", "yes", "on")
    return st.session_state[_PRESENT_STATE]


def _current_language() -> str:
    """The session's language, seeded once from the URL's ``lang`` parameter."""
    if _LANG_STATE not in st.session_state:
        requested = st.query_params.get(LANG_PARAM, DEFAULT_LANGUAGE)
        st.session_state[_LANG_STATE] = requested if requested in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state[_LANG_STATE]


def _copy_language_choice() -> None:
    st.session_state[_LANG_STATE] = st.session_state[_LANG_WIDGET]


def _copy_presenter_choice() -> None:
    st.session_state[_PRESENT_STATE] = st.session_state[_PRESENT_WIDGET]


def _draw_sidebar(lang: str) -> None:
    with st.sidebar:
        st.markdown(f"### {t('app.name', lang)}")
        st.caption(t("app.tagline", lang))
        for page in PAGES:
            st.page_link(page.path, label=t(f"page.{page.id}", lang), icon=page.icon)
        st.divider()
        # The widget's own key differs from the stored language: each page has its own copy of
        # this widget, and a bound widget would lose the choice on a page switch (GUIDE §2).
        st.session_state[_LANG_WIDGET] = lang
        st.selectbox(
            ":material/translate: " + t("shell.language", lang),
            LANGUAGES,
            key=_LANG_WIDGET,
            format_func=LANGUAGE_NAMES.get,
            on_change=_copy_language_choice,
        )
        st.session_state[_PRESENT_WIDGET] = presenter_mode()
        st.toggle(":material/co_present: " + t("shell.presenter", lang), key=_PRESENT_WIDGET,
                  on_change=_copy_presenter_choice, help=t("shell.presenter.help", lang))
        st.caption(t("shell.about", lang))


def sync_url_param(param: str, value: str | None) -> None:
    """Write a setting into the address; ``None`` (its default) removes it."""
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
