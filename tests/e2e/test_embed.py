"""A figure-only link in a real browser: one chart, no sidebar, sized for an iframe."""

from scripts.browser import MARKS, READY, page_url
from ui.display import iframe_snippet

CHART = '[data-testid="stVegaLiteChart"]'
WIDTH, HEIGHT = 640, 400


def wait_for_figure(frame) -> None:
    """The run finished and the chart drew its marks (the page's title is hidden: no h1)."""
    frame.wait_for_selector(f"{READY} {CHART} :is({MARKS})", timeout=30000)
    frame.wait_for_timeout(500)


def assert_figure_only(frame, stretched: bool) -> None:
    charts = frame.locator(CHART)
    assert charts.count() == 1
    drawn = charts.first.locator(MARKS).first.evaluate(
        "e => e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML")
    assert len(drawn) > 200  # drawn, not blank
    assert not frame.locator('[data-testid="stSidebar"]').is_visible()
    assert not frame.locator("h1").first.is_visible()  # the page's text is hidden
    assert frame.locator('[data-testid="stException"]').count() == 0
    box = charts.first.bounding_box()
    assert (WIDTH * 0.8 if stretched else 200) <= box["width"] <= WIDTH  # never wider
    overflow = frame.evaluate("() => document.scrollingElement.scrollWidth")
    assert overflow <= WIDTH


def test_a_figure_link_draws_one_chart_in_an_iframe_sized_window(browser, base_url):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    tab = context.new_page()
    try:
        url = page_url(base_url, "chain_rule", "depth=30&lang=zh&figure=gradient_per_layer"
                                               "&embed=true")
        tab.goto(url)
        wait_for_figure(tab)
        assert_figure_only(tab, stretched=True)
        assert "梯度" in tab.locator(CHART).first.inner_text()  # titles in the link's language
        assert "figure=gradient_per_layer" in tab.url and "depth=30" in tab.url

        # The share menu's snippet, in a host page: the same chart inside a real iframe.
        snippet = iframe_snippet(page_url(base_url, "clipping"), {"lang": "zh"}, "cliff_map",
                                 height=HEIGHT - 120)
        tab.set_viewport_size({"width": WIDTH + 40, "height": 900})
        tab.set_content(f'<body style="margin:20px">{snippet}</body>')
        frame = tab.locator("iframe").element_handle().content_frame()
        wait_for_figure(frame)
        assert_figure_only(frame, stretched=False)  # an equal-aspect map keeps its size
    finally:
        context.close()
