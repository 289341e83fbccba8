"""What makes a slider move cheap, seen in a real browser: each chart keeps its Vega view and
only swaps its data, and a section's slider reruns that section alone while the address, the
share link, the presets box, the export file names and the notices stay right."""

import re

import pytest

from scripts.browser import page_url, wait_for_page
from ui.i18n import t

CHART = '[data-testid="stVegaLiteChart"]'
MARK_VIEWS = ("els => els.forEach((e, i) => e.__view = i)")
VIEWS = "els => els.map(e => e.__view === undefined ? null : e.__view)"
DRAWN = "els => els.map(e => e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML)"

# A sectioned page opened with a query: the label key of a slider in one of its sections, its
# URL key, its value after one ArrowRight, the index (in page order) of one of that section's
# charts, and the indices of the charts that belong to other sections.
SECTIONS = {
    "clipping": ("", "cl.b.depth", "depth", "13", 1, [0, 3, 4, 5]),
    "descent": ("", "gd.b.L", "L", "10.5", 3, [0, 1, 2, 5, 6]),
    "weight_clipping": ("", "wc.control.depth", "depth", "51", 1, [2, 3]),
    "explosion": ("l_clip=true&r_clip=true&", "ex.max_norm", "max_norm", "1.1", 2,
                  [0, 1, 4, 5, 6, 7]),
    "chain_rule": ("depth=30&width=64&samples=4&", "cr.layers", "layers", "7", 3, [0, 1, 2]),
}


def svg_marks(page):
    """Every chart's drawing: an svg.marks, or a canvas.marks for a chart of many marks."""
    return page.locator(f"{CHART} :is(svg.marks, canvas.marks)")


def slider_input(page, label: str):
    return page.locator('[data-testid="stSlider"]', has_text=label).locator(
        'input[type="range"]').first


def press_right(page, label: str) -> None:
    thumb = slider_input(page, label)
    thumb.focus()
    thumb.press("ArrowRight")


def wait_until_redrawn(page, before: list[str], index: int) -> None:
    page.wait_for_function(
        "([sel, i, old]) => { const e = document.querySelectorAll(sel)[i];"
        " return e && e.innerHTML !== old; }",
        arg=[f"{CHART} :is(svg.marks, canvas.marks)", index, before[index]], timeout=20000)


def test_a_slider_move_keeps_every_chart_view_and_swaps_its_data(page, base_url):
    page.goto(page_url(base_url, "chain_rule", "depth=30&width=64&samples=4"))
    wait_for_page(page)
    marks = svg_marks(page)
    marks.first.wait_for()
    marks.evaluate_all(MARK_VIEWS)
    before = marks.evaluate_all(DRAWN)
    press_right(page, t("cr.gain", "en"))
    wait_until_redrawn(page, before, 0)
    wait_for_page(page)
    assert marks.evaluate_all(VIEWS) == list(range(len(before)))  # the same Vega views
    assert marks.evaluate_all(DRAWN) != before  # with new data
    assert re.search(r"gain=1\.05", page.url)


@pytest.mark.parametrize("page_id", list(SECTIONS))
def test_a_section_slider_reruns_only_its_section_and_keeps_the_page_right(page, base_url,
                                                                          page_id):
    query, label_key, url_key, value, own_chart, elsewhere = SECTIONS[page_id]
    page.goto(page_url(base_url, page_id, query + "bogus=1"))
    wait_for_page(page)
    assert "bogus" in page.locator('[data-testid="stAlert"]').first.inner_text()
    marks = svg_marks(page)
    marks.evaluate_all(MARK_VIEWS)
    before = marks.evaluate_all(DRAWN)
    press_right(page, t(label_key, "en"))
    page.wait_for_url(re.compile(rf"[?&]{url_key}={re.escape(value)}(&|$)"))
    wait_until_redrawn(page, before, own_chart)
    wait_for_page(page)
    after = marks.evaluate_all(DRAWN)
    for index in elsewhere:  # the other sections were not even redrawn
        assert after[index] == before[index], f"chart {index} was redrawn"
    assert marks.evaluate_all(VIEWS) == list(range(len(before)))  # every view kept
    assert "bogus" in page.locator('[data-testid="stAlert"]').first.inner_text()  # notice kept
    preset = page.locator('[data-testid="stSidebar"] input[role="combobox"]'
                          f'[aria-label*="{t("preset.label", "en")}"]')
    assert preset.input_value() == t("preset.custom", "en")
    page.get_by_text(t("share.menu", "en")).click()
    link = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]').first
    link = link.inner_text()
    assert f"{url_key}={value}" in link
    page.keyboard.press("Escape")
    page.locator('[data-testid="stPopover"]', has_text=t("export.menu", "en")).nth(
        own_chart).click()
    with page.expect_download() as download:
        page.get_by_role("button", name=t("export.csv", "en")).first.click()
    assert f"{url_key}-{value}" in download.value.suggested_filename
