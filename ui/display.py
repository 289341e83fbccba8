"""Show a chart with its export menu (SVG, PNG at 2x, CSV of its data), presenter-aware.

Files are made only when their button is clicked (vl-convert renders offline), are named after
the page, the chart and the settings, and carry the chart's translated title and axis titles.
"""

import functools
import html
import json
import re
from urllib.parse import urlencode

import pandas as pd
import pyarrow as pa
import streamlit as st

from ui.charts.common import (
    CHART_HEIGHT,
    Template,
    arrow_table,
    check_datasets,
    template_spec,
)
from ui.i18n import t
from ui.shell import (
    FIGURE_PARAM,
    current_page,
    figure_view,
    page_charts,
    presenter_mode,
    register_chart,
    unknown_figure_notice,
)

EXPORT_WIDTH = 900  # a file has no container to stretch to
IFRAME_MARGIN = 120  # px around a chart's plot in an iframe: its title, axes and legend


def file_stem(page_id: str, chart_id: str, settings: dict[str, object]) -> str:
    """``gradient-lab_chain_rule_gradients_depth-200_gain-4``: page, chart and settings."""
    parts = ["gradient-lab", page_id, chart_id]
    parts += [f"{key}-{value}" for key, value in sorted(settings.items())]
    return re.sub(r"[^A-Za-z0-9._=]+", "-", "_".join(parts))[:180]


def show_chart(chart: Template, chart_id: str, controls, *, data: dict, container=None,
               width: str = "stretch", export_title: str | None = None,
               csv: str | None = None) -> None:
    """Draw a chart (larger in presenter mode) with a download menu under it.

    ``chart`` is a ``Template`` and ``data`` its named datasets (DataFrames or Arrow tables):
    the spec is built once per process and only the data travel on a rerun.
    ``chart_id`` names the exported files; ``container`` (default: the page) is where it goes;
    ``width="content"`` keeps a chart's own size (e.g. an equal-aspect plot);
    ``export_title`` replaces the title in exported files (e.g. with the settings in it);
    ``csv`` names the dataset the CSV download holds (default: the largest).
    In figure-only mode (``?figure=<chart id>``) only that chart is drawn, in the figure's
    slot, without the menu; every other chart is skipped.
    """
    spec = template_spec(chart, presenter_mode())
    page_id = current_page()
    register_chart(page_id, chart_id, _plot_height(spec))
    view = figure_view()
    if view is not None and (view.drawn or chart_id != view.chart_id):
        if not view.drawn and view.chart_id not in page_charts(page_id):
            unknown_figure_notice(view, controls.lang, list(page_charts(page_id)))
        return
    tables = {name: frame if isinstance(frame, pa.Table) else arrow_table(frame)
              for name, frame in data.items()}
    check_datasets(chart, tables)
    spec["datasets"] = {**spec.get("datasets", {}), **tables}  # + the template's constants
    if view is not None:
        view.slot.vega_lite_chart(spec, width=width)
        view.drawn = True
        return
    place = container if container is not None else st
    # keyed, so a question (ui/quiz.py) can blur this chart until it is answered
    place.container(key=f"gl-chart-{chart_id}").vega_lite_chart(spec, width=width)
    _export_menu(place, chart_id, controls,
                 make_svg=functools.partial(_export, vl_convert_svg, chart, data, export_title),
                 make_png=functools.partial(_export, vl_convert_png, chart, data, export_title),
                 make_csv=functools.partial(_csv, data, csv))


def _plot_height(spec: dict) -> int:
    """A chart's height in px: its own, or the sum / maximum of its parts'."""
    if isinstance(spec.get("height"), int | float):
        return int(spec["height"])
    if "vconcat" in spec:
        return sum(_plot_height(part) for part in spec["vconcat"])
    parts = spec.get("hconcat") or spec.get("concat") or spec.get("layer") or []
    return max((_plot_height(part) for part in parts), default=CHART_HEIGHT)


def iframe_snippet(page_url: str, params: dict[str, str], chart_id: str, height: int) -> str:
    """An ``<iframe>`` that shows only the chart ``chart_id`` of the page at ``page_url`` with
    ``params`` (its settings, language, presenter mode); Streamlit's ``embed=true`` drops the
    toolbar and padding."""
    query = urlencode({**params, FIGURE_PARAM: chart_id, "embed": "true"})
    src = html.escape(f"{page_url}?{query}", quote=True)
    return (f'<iframe src="{src}" width="100%" height="{height + IFRAME_MARGIN}" '
            f'style="border:0" loading="lazy" title="{html.escape(chart_id)}"></iframe>')


def iframe_menu(lang: str, charts: dict[str, int], page_url: str,
                params: dict[str, str]) -> None:
    """The share menu's "copy iframe snippet": choose one of the page's ``charts`` (id: height)."""
    if not charts:
        return
    st.caption(t("share.iframe", lang))
    # No key: pages' tests take keyed widgets for page controls (their URL parameters).
    chosen = st.selectbox(t("share.iframe.chart", lang), list(charts))
    st.code(iframe_snippet(page_url, params, chosen, charts[chosen]), language="html",
            wrap_lines=True)


def _export_menu(place, chart_id: str, controls, make_svg, make_png, make_csv) -> None:
    """SVG, PNG and CSV downloads; each file is made only when its button is clicked."""
    lang = controls.lang
    stem = file_stem(controls.page_id, chart_id, controls.changed_settings())
    with place.popover(t("export.menu", lang), icon=":material/download:"):
        st.download_button(t("export.svg", lang), data=make_svg, file_name=f"{stem}.svg",
                           mime="image/svg+xml", on_click="ignore",
                           key=f"export_svg_{chart_id}", icon=":material/image:")
        st.download_button(t("export.png", lang), data=make_png, file_name=f"{stem}.png",
                           mime="image/png", on_click="ignore",
                           key=f"export_png_{chart_id}", icon=":material/image:")
        st.download_button(t("export.csv", lang), data=make_csv, file_name=f"{stem}.csv",
                           mime="text/csv", on_click="ignore",
                           key=f"export_csv_{chart_id}", icon=":material/table:")


def export_template_spec(chart: Template, data: dict[str, pd.DataFrame],
                         title: str | None = None) -> dict:
    """The full Vega-Lite spec of a template with its data inline, for a file."""
    spec = template_spec(chart, presenter_mode())
    spec["datasets"] = {**spec.get("datasets", {}),
                        **{name: _records(frame) for name, frame in data.items()}}
    if title is not None:
        spec["title"] = title
    if "width" not in spec and not any(k in spec for k in ("hconcat", "vconcat", "concat",
                                                           "facet", "repeat")):
        spec["width"] = EXPORT_WIDTH
    return spec


def vl_convert_svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(spec)


def vl_convert_png(spec: dict) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(spec, scale=2.0)


def _export(convert, chart: Template, data: dict[str, pd.DataFrame], title: str | None):
    return convert(export_template_spec(chart, data, title))


def _frame(data: pd.DataFrame | pa.Table) -> pd.DataFrame:
    return data.to_pandas() if isinstance(data, pa.Table) else data


def _records(data: pd.DataFrame | pa.Table) -> list[dict]:
    return json.loads(_frame(data).to_json(orient="records", double_precision=15))


def _csv(data: dict[str, pd.DataFrame | pa.Table], name: str | None) -> str:
    """One dataset of the chart as CSV: ``name``, or its main data (the largest dataset)."""
    chosen = data[name] if name is not None else max(data.values(), key=len)
    return _frame(chosen).to_csv(index=False)


def explain(markdown: str, lang: str) -> None:
    """Explanatory text: shown in place, folded into an expander in presenter mode."""
    if presenter_mode():
        with st.expander(t("shell.explanation", lang), icon=":material/menu_book:"):
            st.markdown(markdown)
    else:
        st.markdown(markdown)


def work_capped_notice(lang: str, what: str, asked: int, used: int) -> None:
    """The info note that ``what`` (already translated) was reduced from asked to used."""
    st.info(t("notice.work_capped", lang, what=what, asked=asked, used=used),
            icon=":material/speed:")
