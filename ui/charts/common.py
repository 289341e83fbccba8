"""What every chart shares: one colour-blind-safe palette, sizes, and data safety checks.

Colours are the Okabe-Ito palette, and each colour means the same thing on every page.
"""

import functools
import json
from collections.abc import Callable, Iterator
from typing import NamedTuple

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
SKY, PURPLE, YELLOW, BLACK, GREY = "#56B4E9", "#CC79A7", "#F0E442", "#000000", "#7F7F7F"

COLORS = {
    # clipping methods
    "none": BLUE,
    "value": ORANGE,
    "norm": GREEN,
    # regimes
    "vanishing": SKY,
    "stable": GREEN,
    "exploding": VERMILLION,
    # layers of meaning
    "simulated": BLUE,
    "theory": BLACK,
    "limit": VERMILLION,
    "weights": PURPLE,
    "activation": ORANGE,
    "clipped": PURPLE,
    "unclipped": BLUE,
}

CHART_HEIGHT = 400
FONT_SIZES = {"label": 13, "title": 14, "chart_title": 16, "legend": 13}


def color_scale(keys: list[str], labels: list[str] | None = None) -> alt.Scale:
    """A colour scale that maps each semantic key (or its translated label) to its colour."""
    return alt.Scale(domain=labels or keys, range=[COLORS[key] for key in keys])


# Axis, legend, title and view settings shared by every chart.
APP_CONFIG = alt.Config(
    axis=alt.AxisConfig(labelFontSize=FONT_SIZES["label"], titleFontSize=FONT_SIZES["title"],
                        labelLimit=240, titleLimit=600),
    legend=alt.LegendConfig(labelFontSize=FONT_SIZES["legend"], titleFontSize=FONT_SIZES["legend"],
                            orient="top", labelLimit=400, symbolLimit=20, symbolOpacity=1,
                            symbolType="stroke", symbolStrokeWidth=4),
    title=alt.TitleConfig(fontSize=FONT_SIZES["chart_title"], anchor="start"),
    view=alt.ViewConfig(strokeWidth=0),
).to_dict()
# On a phone (a window at most PHONE_WIDTH px wide, as the phone CSS in ui/shell.py) a long
# chart or axis title (over 30 characters, or 15 with Chinese in it) breaks into two lines
# after its first ":" or "," (or before its first "("), and a legend on top wraps into two
# columns (``_phone_legends``). Wider windows and exported files (no window) are unchanged.
PHONE_WIDTH = 640
_PHONE = f"windowSize()[0] > 0 && windowSize()[0] <= {PHONE_WIDTH}"
_LONG = "^(?=.{31}|(?=.*[一-鿿]).{16})[^:,：，(（]*"
_FIRST_BREAK = f"(?<={_LONG}[:,：，]) ?|(?<={_LONG}) ?(?=[(（])"
_PHONE_BREAK = {"lineBreak": {"expr": f"{_PHONE} ? regexp('{_FIRST_BREAK}') : ''"}}
APP_CONFIG["style"] = {"group-title": _PHONE_BREAK, "guide-title": _PHONE_BREAK}
# An axis' ``labelExpr`` for long row labels: on a phone, a line break before " (" or "（".
PHONE_LABEL_LINES = (f"{_PHONE} ? split(replace(replace(datum.label, ' (', '\\n('), '（', "
                     "'\\n（'), '\\n') : datum.label")


def _phone_legends(spec: dict) -> None:
    """On a phone a legend on top wraps into two columns with smaller labels, unless some
    legend or axis stands vertically: there the default is one column, and 0 (one row, the
    default on top) would turn it into a row."""
    if any(obj.get("direction") == "vertical" or obj.get("orient") in ("left", "right")
           for obj in spec_objects(spec)):
        return
    legend = spec.setdefault("config", {}).setdefault("legend", {})
    legend["columns"] = {"expr": f"{_PHONE} ? 2 : 0"}
    size = legend.get("labelFontSize", FONT_SIZES["legend"])
    legend["labelFontSize"] = {"expr": f"{_PHONE} ? {size - 1} : {size}"}


def finish(chart: alt.TopLevelMixin, title: str | None = None,
           height: int = CHART_HEIGHT) -> alt.TopLevelMixin:
    """Give a chart the app's sizes: legible on a projector, titled, responsive width.

    One shallow copy with the settings assigned directly: Altair's ``properties`` and
    ``configure_*`` each copy and re-validate, which cost more than the chart on every rerun.
    (The builders' tests validate the resulting specs.)
    """
    finished = _with_config(chart, APP_CONFIG, override=False)  # a builder's settings win
    if title is not None:
        finished.title = title
    finished.height = height
    finished.padding = {"top": 28, "left": 8, "right": 16, "bottom": 8}
    return finished


def _with_config(chart: alt.TopLevelMixin, settings: dict, override: bool) -> alt.TopLevelMixin:
    """A shallow copy of ``chart`` with ``settings`` merged into its config, one level deep."""
    copy = chart.copy(deep=False)
    own = chart.config.to_dict() if chart.config is not alt.Undefined else {}
    low, high = (own, settings) if override else (settings, own)
    merged = {**low, **high}
    for key in low.keys() & high.keys():
        if isinstance(low[key], dict) and isinstance(high[key], dict):
            merged[key] = {**low[key], **high[key]}
    copy.config = alt.Config(**merged)
    return copy


def finite_rows(df: pd.DataFrame, columns: list[str], positive: tuple[str, ...] = ()
                ) -> tuple[pd.DataFrame, int]:
    """Rows whose ``columns`` are all finite (and ``positive`` ones > 0), and how many were dropped.

    Vega draws a blank chart for ``inf`` and no axis for a 0 on a log scale, silently; the
    page says what was dropped instead.
    """
    ok = np.ones(len(df), dtype=bool)
    for column in columns:
        values = pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=float)
        ok &= np.isfinite(values)
        if column in positive:
            ok &= values > 0
    return df[ok].reset_index(drop=True), int((~ok).sum())


PRESENTER_HEIGHT = 560
PRESENTER_FONT_SIZES = {"label": 18, "title": 20, "chart_title": 24, "legend": 18}


def for_presenter(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The same chart taller and with larger type, readable from the back of a room."""
    sizes = PRESENTER_FONT_SIZES
    big = _with_config(chart, {
        "axis": {"labelFontSize": sizes["label"], "titleFontSize": sizes["title"]},
        "legend": {"labelFontSize": sizes["legend"], "titleFontSize": sizes["legend"]},
        "title": {"fontSize": sizes["chart_title"], "anchor": "start"},
    }, override=True)
    if isinstance(big, alt.Chart | alt.LayerChart):  # compound charts keep their own sizes
        big.height = PRESENTER_HEIGHT
    return big


# ---------------------------------------------------------------- templates
#
# A chart is drawn as a *template* (a Vega-Lite spec whose data are named datasets) plus the
# data. The template depends only on what shapes the chart (which chart, the language's titles,
# which layers exist, presenter mode) and is built once per process; a slider move sends new
# data under the same spec, so the browser keeps the chart's view and only swaps its data.


class Template(NamedTuple):
    """A chart builder and its keyword arguments (hashable: strings, numbers, tuples, bools)."""

    builder: Callable[..., alt.TopLevelMixin]
    kwargs: tuple[tuple[str, object], ...]

    def chart(self, presenter: bool = False) -> alt.TopLevelMixin:
        """The Altair chart this template describes (larger in presenter mode)."""
        chart = self.builder(**dict(self.kwargs))
        return for_presenter(chart) if presenter else chart


def template(builder: Callable[..., alt.TopLevelMixin]) -> Callable[..., Template]:
    """Decorator: calling a chart builder returns its ``Template`` instead of building it.

    Builders read their data from named datasets (``alt.NamedData("profile")``) and take
    only keyword arguments that shape the chart; ``Template.chart()`` runs the builder.
    """

    @functools.wraps(builder)
    def make(**kwargs) -> Template:
        return Template(builder, tuple(sorted(kwargs.items())))

    return make


@functools.lru_cache(maxsize=512)
def _spec_json(chart_template: Template, presenter: bool) -> tuple[str, frozenset[str]]:
    spec = chart_template.chart(presenter).to_dict(validate=False)  # builders' tests validate
    _phone_legends(spec)
    return json.dumps(spec), frozenset(log_scale_fields(spec))


def template_spec(chart_template: Template, presenter: bool = False) -> dict:
    """A fresh copy of the template's Vega-Lite spec, built once per process."""
    return json.loads(_spec_json(chart_template, presenter)[0])


def spec_objects(spec: object) -> Iterator[dict]:
    """Every JSON object nested in a Vega-Lite spec (layers, encodings, scales ...)."""
    if isinstance(spec, dict):
        yield spec
        for value in spec.values():
            yield from spec_objects(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from spec_objects(item)


def log_scale_fields(spec: object) -> set[str]:
    """The fields that any layer of ``spec`` encodes on a logarithmic scale."""
    return {obj["field"] for obj in spec_objects(spec)
            if isinstance(obj.get("scale"), dict) and obj["scale"].get("type") == "log"
            and "field" in obj}


def check_datasets(chart_template: Template, datasets: dict[str, pd.DataFrame | pa.Table]
                   ) -> None:
    """Raise if a dataset holds a non-finite number, or a value <= 0 in a log-scale field.

    Vega draws a blank chart for ``inf`` and no axis for a 0 on a log scale, silently: pages
    drop such rows themselves (``finite_rows``) and say so.
    """
    log_fields = _spec_json(chart_template, False)[1]
    for name, data in datasets.items():
        table = data if isinstance(data, pa.Table) else arrow_table(data)
        for field, column in zip(table.column_names, table.columns, strict=True):
            if not (pa.types.is_floating(column.type) or pa.types.is_integer(column.type)):
                continue
            # NumPy, not pyarrow.compute: its thread pool contends with the sessions' threads
            values = column.to_numpy().astype(float, copy=False)  # a null becomes NaN
            bad = ~np.isfinite(values)
            if field in log_fields:
                bad |= values <= 0
            if bad.any():
                raise ValueError(f"dataset {name!r}: non-finite values or values <= 0 on a "
                                 f"log scale in {field!r}")


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """A DataFrame as the Arrow table a chart sends (no index)."""
    return pa.Table.from_pandas(frame, preserve_index=False)
