"""Chart export and presenter mode, without Streamlit."""

import altair as alt
import pandas as pd

from ui.charts.common import PRESENTER_HEIGHT, finish, for_presenter
from ui.display import EXPORT_WIDTH, chart_data, chart_png, chart_svg, export_spec, file_stem


def sample_chart(title="梯度范数"):
    data = pd.DataFrame({"layer": range(5), "value": [0.0, 1.0, 2.0, 3.0, 4.0]})
    chart = alt.Chart(data).mark_line().encode(
        x=alt.X("layer:Q", title="层 l"), y=alt.Y("value:Q", title="log10"))
    return finish(chart, title=title)


def test_file_names_carry_page_chart_and_settings():
    stem = file_stem("chain_rule", "gradients", {"gain": 1.5, "depth": 200, "act": "<b>"})
    assert stem == "gradient-lab_chain_rule_gradients_act-b-_depth-200_gain-1.5"


def test_export_is_fixed_width_and_keeps_translated_titles():
    spec = export_spec(sample_chart())
    assert spec["width"] == EXPORT_WIDTH
    svg = chart_svg(sample_chart())
    assert svg.startswith("<svg") and "梯度范数" in svg and "层 l" in svg


def test_png_is_a_png_at_twice_the_size():
    png = chart_png(sample_chart())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width >= 2 * EXPORT_WIDTH


def test_csv_data_is_what_the_chart_plots():
    frame = chart_data(sample_chart())
    assert list(frame["value"]) == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_presenter_charts_are_taller_with_larger_type_and_leave_the_original_alone():
    chart = sample_chart()
    big = for_presenter(chart).to_dict()
    assert big["height"] == PRESENTER_HEIGHT
    normal = chart.to_dict()["config"]["axis"]["labelFontSize"]
    assert big["config"]["axis"]["labelFontSize"] > normal
    assert chart.to_dict()["height"] != PRESENTER_HEIGHT
