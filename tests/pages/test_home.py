"""The home page: runs, draws its live chart with finite values, speaks both languages."""

from tests.apptest import assert_all_finite, chart_datasets, chart_specs, charts, open_page, texts


def test_home_runs_and_draws_the_live_chart():
    at = open_page()
    assert not at.exception
    assert len(charts(at)) == 1
    assert_all_finite(at)
    assert len(at.get("page_link")) >= 5 + 6  # a card per page and a link per myth


def test_home_in_chinese():
    at = open_page(params={"lang": "zh"})
    assert not at.exception
    body = texts(at)
    assert "梯度实验室" in body and "误区与事实" in body
    assert "Myths and facts" not in body


def test_home_chart_separates_the_three_weight_scales():
    at = open_page()
    frame = next(f for f in __import__("tests.apptest", fromlist=["x"]).chart_frames(charts(at)[0])
                 if "median" in f)
    at_input = frame[frame.layer == 0].set_index("series")["median"]
    assert at_input.iloc[0] < -3 and abs(at_input.iloc[1]) < 1 and at_input.iloc[2] > 3


def test_home_names_a_stray_link_parameter_and_offers_export():
    at = open_page(params={"depth": "5"})
    assert not at.exception
    assert "depth" in at.warning[0].value
    labels = [button.proto.label for button in at.get("download_button")]
    assert {"Chart as SVG", "Chart as PNG (2×)", "Data as CSV"} <= set(labels)


def test_home_chart_is_a_cached_template_with_its_data_in_named_datasets():
    first, second = open_page(), open_page()
    assert chart_specs(first) == chart_specs(second)
    data = chart_datasets(charts(first)[0])
    assert set(data) == {"profile", "extent"}
    assert data["extent"].y.min() <= data["profile"]["low"].min()
    assert data["extent"].y.max() >= data["profile"]["high"].max()
