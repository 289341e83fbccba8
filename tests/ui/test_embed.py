"""Figure-only embed (``?figure=<chart id>&embed=true``) and the share menu's iframe snippet."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import APP, TIMEOUT, chart_datasets, charts, export_ids, open_page
from ui.i18n import t

CHAIN = "pages/1_chain_rule.py"
CLIPPING = "pages/2_gradient_clipping.py"
HIDDEN = "gl-figure-hidden"
TEXT_KINDS = {"markdown", "title", "header", "subheader", "caption", "latex", "metric", "code",
              "info", "error", "success", "exception"}


def visible(node) -> list:
    """The main area's elements, outside the container a figure-only page hides."""
    found = []
    for child in node.children.values():
        if child.type == "flex_container" and str(child.proto.id).endswith(HIDDEN):
            continue
        found += visible(child) if hasattr(child, "children") else [child]
    return found


def kinds(elements) -> list[str]:
    return [element.type for element in elements if element.type != "empty"]


def full_page_chart(page: str, chart_id: str, params: dict[str, str]):
    """The chart ``chart_id`` as the whole page draws it with ``params``."""
    at = open_page(page, params)
    return charts(at)[export_ids(at).index(chart_id)]


@pytest.mark.parametrize(("page", "chart_id", "params"), [
    (CHAIN, "gradient_per_layer", {"depth": "20", "gain": "1.5"}),
    (CHAIN, "factor_split", {"act": "tanh", "lang": "zh"}),
    (CLIPPING, "cliff_map", {"present": "1"}),
])
def test_a_figure_link_shows_that_chart_alone_with_the_links_settings(page, chart_id, params):
    at = open_page(page, {**params, "figure": chart_id})
    assert not at.exception, at.exception
    shown = visible(at.main)
    assert kinds(shown) == ["vega_lite_chart"]
    assert len(charts(at)) == 1  # the other charts are not even sent
    assert not at.get("download_button") and not at.get("page_link")  # no menus, no navigation
    # The same chart, same data, as the whole page draws it with these settings (language and
    # presenter mode included): the chart's spec carries its titles and presenter sizes.
    expected = full_page_chart(page, chart_id, params)
    assert shown[0].proto.spec == expected.proto.spec
    got, want = chart_datasets(shown[0]), chart_datasets(expected)
    assert got.keys() == want.keys()
    assert all(got[name].equals(want[name]) for name in got)


def test_the_figure_follows_the_link_not_the_default():
    default = full_page_chart(CHAIN, "gradient_per_layer", {})
    deep = open_page(CHAIN, {"figure": "gradient_per_layer", "depth": "20"})
    assert not chart_datasets(charts(deep)[0])["profile"].equals(
        chart_datasets(default)["profile"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_chart_id_names_the_pages_charts(lang):
    ids = export_ids(open_page(CHAIN))
    at = open_page(CHAIN, {"figure": "no_such_chart", "lang": lang})
    assert not at.exception, at.exception
    assert kinds(visible(at.main)) == ["warning"]
    [notice] = at.warning
    assert notice.value.startswith(t("figure.unknown", lang, chart="x", charts="")[:8])
    assert "`no_such_chart`" in notice.value and all(f"`{i}`" in notice.value for i in ids)
    assert not charts(at)


def test_a_figure_link_to_a_page_without_charts_says_so_instead_of_a_blank_page():
    at = open_page("pages/8_walkthrough.py", {"figure": "gradient_per_layer"})
    assert not at.exception, at.exception
    assert kinds(visible(at.main)) == ["warning"]
    assert t("figure.none", "en") in at.warning[0].value


def test_a_bad_setting_in_a_figure_link_is_named_above_the_chart():
    at = open_page(CHAIN, {"figure": "gradient_per_layer", "depth": "abc"})
    shown = kinds(visible(at.main))
    assert shown.count("vega_lite_chart") == 1 and len(at.warning) == 1
    assert "depth" in at.warning[0].value


def test_a_figure_id_is_sanitised():
    at = open_page(CHAIN, {"figure": "<b>x</b>"})
    assert "<b>" not in at.warning[0].value and "`bxb`" in at.warning[0].value


def share_snippet(at: AppTest) -> str:
    [snippet] = [code.value for code in at.sidebar.get("code")
                 if code.value.startswith("<iframe")]
    return snippet


def test_the_share_menu_gives_an_iframe_of_one_chart_that_opens_it_alone():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.context = {"url": "http://lab.example:8501"}
    for key, value in {"lang": "zh", "present": "1"}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(CLIPPING).run()
    snippet = share_snippet(at)
    src = html.unescape(re.search(r'src="([^"]+)"', snippet).group(1))
    url = urlsplit(src)
    assert f"{url.scheme}://{url.netloc}{url.path}" == "http://lab.example:8501/gradient_clipping"
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    first = export_ids(at)[0]
    assert query["figure"] == first and query["embed"] == "true"
    assert query["lang"] == "zh" and query["present"] == "1"
    assert int(re.search(r'height="(\d+)"', snippet).group(1)) > 400  # presenter charts: tall
    # Choosing another chart gives its snippet; the link opens that chart alone.
    [chooser] = [box for box in at.sidebar.selectbox
                 if box.label == t("share.iframe.chart", "zh")]
    assert chooser.options == export_ids(at)
    chooser.set_value("cliff_map").run()
    query = parse_qs(urlsplit(html.unescape(re.search(r'src="([^"]+)"', share_snippet(at))
                                            .group(1))).query)
    assert query["figure"] == ["cliff_map"]
    params = {key: values[0] for key, values in query.items() if key != "embed"}
    alone = open_page(CLIPPING, params)
    assert kinds(visible(alone.main)) == ["vega_lite_chart"]
    assert alone.get("vega_lite_chart")[0].proto.spec == full_page_chart(
        CLIPPING, "cliff_map", {"lang": "zh", "present": "1"}).proto.spec
