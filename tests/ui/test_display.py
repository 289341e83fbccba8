"""Chart export and presenter mode, without Streamlit."""

import altair as alt
import pandas as pd
import pyarrow as pa

from ui.charts.common import PRESENTER_HEIGHT, finish, for_presenter, template
from ui.display import (
    EXPORT_WIDTH,
    _csv,
    export_template_spec,
    file_stem,
    vl_convert_png,
    vl_convert_svg,
)


@template
def sample_chart(title: str = "梯度范数"):
    chart = alt.Chart(alt.NamedData("curve")).mark_line().encode(
        x=alt.X("layer:Q", title="层 l"), y=alt.Y("value:Q", title="log10"))
    return finish(chart, title=title)


DATA = {"curve": pd.DataFrame({"layer": range(5), "value": [0.0, 1.0, 2.0, 3.0, 4.0]}),
        "mark": pa.table({"y": [1.0]})}


def test_file_names_carry_page_chart_and_settings():
    stem = file_stem("chain_rule", "gradients", {"gain": 1.5, "depth": 200, "act": "<b>"})
    assert stem == "gradient-lab_chain_rule_gradients_act-b-_depth-200_gain-1.5"


def test_export_is_fixed_width_with_the_data_inline_and_an_export_title():
    spec = export_template_spec(sample_chart(), DATA, title="梯度范数（深度 200）")
    assert spec["width"] == EXPORT_WIDTH and spec["title"] == "梯度范数（深度 200）"
    assert spec["datasets"]["curve"][4] == {"layer": 4, "value": 4.0}
    assert spec["datasets"]["mark"] == [{"y": 1.0}]  # Arrow tables export too
    svg = vl_convert_svg(spec)
    assert svg.startswith("<svg") and "梯度范数（深度 200）" in svg and "层 l" in svg


def test_png_is_a_png_at_twice_the_size():
    png = vl_convert_png(export_template_spec(sample_chart(), DATA))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width >= 2 * EXPORT_WIDTH


def test_csv_is_the_main_dataset_or_the_named_one():
    assert _csv(DATA, None).splitlines()[-1] == "4,4.0"
    assert _csv(DATA, "mark").splitlines() == ["y", "1.0"]


def test_presenter_charts_are_taller_with_larger_type_and_leave_the_original_alone():
    chart = sample_chart().chart()
    big = for_presenter(chart).to_dict()
    assert big["height"] == PRESENTER_HEIGHT
    normal = chart.to_dict()["config"]["axis"]["labelFontSize"]
    assert big["config"]["axis"]["labelFontSize"] > normal
    assert chart.to_dict()["height"] != PRESENTER_HEIGHT
