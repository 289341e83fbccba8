"""What every chart shares: one colour-blind-safe palette, sizes, and data safety checks.

Colours are the Okabe-Ito palette, and each colour means the same thing on every page.
"""

import altair as alt
import numpy as np
import pandas as pd

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


def finish(chart: alt.TopLevelMixin, title: str | None = None,
           height: int = CHART_HEIGHT) -> alt.TopLevelMixin:
    """Give a chart the app's sizes: legible on a projector, titled, responsive width."""
    if title is not None:
        chart = chart.properties(title=title)
    return (
        chart.properties(height=height, padding={"top": 28, "left": 8, "right": 16, "bottom": 8})
        .configure_axis(labelFontSize=FONT_SIZES["label"], titleFontSize=FONT_SIZES["title"],
                        labelLimit=240, titleLimit=600)
        .configure_legend(labelFontSize=FONT_SIZES["legend"], titleFontSize=FONT_SIZES["legend"],
                          orient="top", labelLimit=400, symbolLimit=20, symbolOpacity=1,
                          symbolType="stroke", symbolStrokeWidth=4)
        .configure_title(fontSize=FONT_SIZES["chart_title"], anchor="start")
        .configure_view(strokeWidth=0)
    )


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


def assert_plottable(df: pd.DataFrame, columns: list[str], positive: tuple[str, ...] = ()) -> None:
    """Raise if any plotted value is non-finite, or not positive where the axis is logarithmic."""
    _, dropped = finite_rows(df, columns, positive)
    if dropped:
        raise ValueError(f"{dropped} rows with non-finite or non-positive values in {columns}")


PRESENTER_HEIGHT = 560
PRESENTER_FONT_SIZES = {"label": 18, "title": 20, "chart_title": 24, "legend": 18}


def for_presenter(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The same chart taller and with larger type, readable from the back of a room."""
    sizes = PRESENTER_FONT_SIZES
    big = chart.copy(deep=True)
    if isinstance(big, alt.Chart | alt.LayerChart):  # compound charts keep their own sizes
        big = big.properties(height=PRESENTER_HEIGHT)
    config = big.config if big.config is not alt.Undefined else alt.Config()
    axis = config.axis if config.axis is not alt.Undefined else alt.AxisConfig()
    legend = config.legend if config.legend is not alt.Undefined else alt.LegendConfig()
    axis.labelFontSize, axis.titleFontSize = sizes["label"], sizes["title"]
    legend.labelFontSize = legend.titleFontSize = sizes["legend"]
    config.axis, config.legend = axis, legend
    config.title = alt.TitleConfig(fontSize=sizes["chart_title"], anchor="start")
    big.config = config
    return big
