"""Show a chart with its export menu (SVG, PNG at 2x, CSV of its data), presenter-aware.

Files are made only when their button is clicked (vl-convert renders offline), are named after
the page, the chart and the settings, and carry the chart's translated title and axis titles.
"""

import functools
import re

import altair as alt
import pandas as pd
import streamlit as st

from ui.charts.common import for_presenter
from ui.i18n import t
from ui.shell import presenter_mode

EXPORT_WIDTH = 900  # a file has no container to stretch to


def file_stem(page_id: str, chart_id: str, settings: dict[str, object]) -> str:
    """``gradient-lab_chain_rule_gradients_depth-200_gain-4``: page, chart and settings."""
    parts = ["gradient-lab", page_id, chart_id]
    parts += [f"{key}-{value}" for key, value in sorted(settings.items())]
    return re.sub(r"[^A-Za-z0-9._=]+", "-", "_".join(parts))[:180]


def export_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec at a fixed width, with every data row (no 5000-row limit)."""
    with alt.data_transformers.disable_max_rows():
        spec = chart.to_dict()
    if "width" not in spec and not any(k in spec for k in ("hconcat", "vconcat", "concat",
                                                           "facet", "repeat")):
        spec["width"] = EXPORT_WIDTH
    return spec


def chart_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(export_spec(chart))


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(export_spec(chart), scale=scale)


def chart_data(chart: alt.TopLevelMixin) -> pd.DataFrame:
    """The largest dataset a chart plots (its main data), as a DataFrame."""
    with alt.data_transformers.disable_max_rows():
        datasets = chart.to_dict().get("datasets", {})
    frames = [pd.DataFrame(rows) for rows in datasets.values()]
    return max(frames, key=len) if frames else pd.DataFrame()


def _without_revalidation(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart, made to skip Altair's JSON-schema validation when Streamlit serialises it.

    Validation is half the cost of drawing a chart on every rerun; the chart builders' tests
    validate every spec they produce, so the server need not do it again.
    """
    fast = chart.copy(deep=False)
    object.__setattr__(fast, "to_dict", functools.partial(type(fast).to_dict, fast, validate=False))
    return fast


def show_chart(chart: alt.TopLevelMixin, chart_id: str, controls, *, container=None,
               width: str = "stretch", data: pd.DataFrame | None = None) -> None:
    """Draw ``chart`` (larger in presenter mode) with a download menu under it.

    ``chart_id`` names the exported files; ``container`` (default: the page) is where it goes;
    ``width="content"`` keeps a chart's own size (e.g. an equal-aspect plot).
    """
    place = container if container is not None else st
    if presenter_mode():
        chart = for_presenter(chart)
    place.altair_chart(_without_revalidation(chart), width=width)
    lang = controls.lang
    stem = file_stem(controls.page_id, chart_id, controls.changed_settings())
    with place.popover(t("export.menu", lang), icon=":material/download:"):
        st.download_button(t("export.svg", lang), data=lambda: chart_svg(chart),
                           file_name=f"{stem}.svg", mime="image/svg+xml", on_click="ignore",
                           key=f"export_svg_{chart_id}", icon=":material/image:")
        st.download_button(t("export.png", lang), data=lambda: chart_png(chart),
                           file_name=f"{stem}.png", mime="image/png", on_click="ignore",
                           key=f"export_png_{chart_id}", icon=":material/image:")
        st.download_button(t("export.csv", lang),
                           data=lambda: (chart_data(chart) if data is None else data).to_csv(
                               index=False),
                           file_name=f"{stem}.csv", mime="text/csv", on_click="ignore",
                           key=f"export_csv_{chart_id}", icon=":material/table:")


def explain(markdown: str, lang: str) -> None:
    """Explanatory text: shown in place, folded into an expander in presenter mode."""
    if presenter_mode():
        with st.expander(t("shell.explanation", lang), icon=":material/menu_book:"):
            st.markdown(markdown)
    else:
        st.markdown(markdown)
