"""What only a real browser shows: charts Vega actually draws, deep links, the language across
page switches, keyboard interaction reaching the server."""

import json
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from scripts.browser import (
    CHARTLESS_PAGES,
    HEAVY_QUERIES,
    MARKS,
    PAGE_PATHS,
    app_server,
    page_url,
    wait_for_page,
)
from ui.i18n import t
from ui.presets import PRESETS

PAGE_IDS = list(PAGE_PATHS)
CHART_PAGES = [page_id for page_id in PAGE_IDS if page_id not in CHARTLESS_PAGES]
CHART = '[data-testid="stVegaLiteChart"]'
# Vega's own warnings name the field: 'Infinite extent for field "median"', 'Log scale domain
# includes zero: ...'. Streamlit logs an unnamed "Infinite extent" for some charts: harmless.
OWN_FIELD_WARNING = re.compile(r'(Infinite extent for field|Log scale domain includes zero)')


def document_title(page_id: str, lang: str) -> str:
    name = t("app.name", lang)
    return name if page_id == "home" else f"{t('page.' + page_id, lang)} · {name}"


def chart_marks(page) -> list[str]:
    """The drawn marks of every chart (SVG markup, or the canvas' pixels as a data URL)."""
    return page.eval_on_selector_all(
        f"{CHART} :is({MARKS})",
        "els => els.map(e => e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML)")


def combobox(page, label: str):
    """A select box's input, by (part of) its label."""
    return page.locator(f'input[role="combobox"][aria-label*="{label}"]')


def choose(page, label: str, option: str) -> None:
    """Pick a select box's option as a keyboard user does: type to filter, then Enter."""
    box = combobox(page, label)
    box.click()
    box.fill(option)
    page.locator('[role="option"]', has_text=option).first.wait_for()
    box.press("Enter")


def open_page(page, url: str, page_id: str) -> None:
    page.goto(url)
    wait_for_page(page, charts=page_id not in CHARTLESS_PAGES)


def assert_page_healthy(page, page_id: str, lang: str) -> None:
    assert page.title() == document_title(page_id, lang)
    assert page.locator('[data-testid="stException"]').count() == 0
    marks = chart_marks(page)
    assert marks or page_id in CHARTLESS_PAGES, f"{page_id}: no chart drawn"
    for drawn in marks:
        assert len(drawn) > 200, f"{page_id}: a chart has empty marks"
    bad = [text for text in page.console_problems if OWN_FIELD_WARNING.search(text)]
    assert not bad, f"{page_id}: {bad}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_page_opens_from_its_url_with_charts_drawn(page, base_url, page_id, lang):
    open_page(page, page_url(base_url, page_id, "lang=zh" if lang == "zh" else ""), page_id)
    assert_page_healthy(page, page_id, lang)


def test_every_page_opens_from_the_sidebar_and_chinese_survives(page, base_url):
    page.goto(page_url(base_url, "home", "lang=zh"))
    wait_for_page(page)
    for page_id in PAGE_IDS[1:] + ["home"]:
        page.locator('[data-testid="stSidebar"] a', has_text=t(f"page.{page_id}", "zh")).click()
        page.wait_for_function("t => document.title === t", arg=document_title(page_id, "zh"))
        wait_for_page(page, charts=page_id not in CHARTLESS_PAGES)
        assert_page_healthy(page, page_id, "zh")
        assert "lang=zh" in page.url, page.url


def test_switching_the_language_translates_and_updates_the_address(page, base_url):
    page.goto(page_url(base_url, "chain_rule"))
    wait_for_page(page)
    choose(page, t("shell.language", "en"), "中文")
    page.wait_for_function("t => document.title === t", arg=document_title("chain_rule", "zh"))
    page.wait_for_url(re.compile(r"lang=zh"))
    wait_for_page(page)
    assert_page_healthy(page, "chain_rule", "zh")


@pytest.mark.parametrize("page_id", [p for p in CHART_PAGES if p != "home"])
def test_a_slider_moved_with_the_keyboard_redraws_a_chart(page, base_url, page_id):
    page.goto(page_url(base_url, page_id))
    wait_for_page(page)
    before = chart_marks(page)
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]')
    thumb.first.focus()
    for _ in range(3):
        thumb.first.press("ArrowRight")
    page.wait_for_function(
        "([sel, old]) => { const now = [...document.querySelectorAll(sel)].map(e =>"
        " e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML); "
        "return now.length > 0 && JSON.stringify(now) !== old; }",
        arg=[f"{CHART} :is({MARKS})", json.dumps(before)], timeout=20000)
    wait_for_page(page)
    assert_page_healthy(page, page_id, "en")


def test_a_malformed_link_opens_the_page_with_a_notice(page, base_url):
    page.goto(page_url(base_url, "chain_rule", "depth=abc&gain=-1&act=%3Cscript%3E&bogus=1"))
    wait_for_page(page)
    notice = page.locator('[data-testid="stAlert"]').first
    assert "depth=abc" in notice.inner_text()
    assert_page_healthy(page, "chain_rule", "en")


def test_a_cold_deep_link_in_chinese_is_complete(browser):
    """The first request after a server start is a deep link: it must get the whole app."""
    with app_server() as fresh:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        tab = context.new_page()
        tab.console_problems = []
        tab.goto(page_url(fresh, "chain_rule", "lang=zh&depth=30"))
        wait_for_page(tab)
        assert_page_healthy(tab, "chain_rule", "zh")
        sidebar = tab.locator('[data-testid="stSidebar"]')
        for page_id in PAGE_IDS:
            assert sidebar.get_by_text(t(f"page.{page_id}", "zh"), exact=True).count() >= 1
        assert "30" in tab.locator('[data-testid="stSliderThumbValue"]').first.inner_text()
        context.close()


def test_changing_a_select_box_redraws_a_chart(page, base_url):
    page.goto(page_url(base_url, "chain_rule"))
    wait_for_page(page)
    before = json.dumps(chart_marks(page))
    assert combobox(page, t("cr.act", "en")).input_value() == t("act.relu", "en")
    choose(page, t("cr.act", "en"), t("act.tanh", "en"))
    page.wait_for_url(re.compile(r"act=tanh"))
    page.wait_for_function(
        "([sel, old]) => JSON.stringify([...document.querySelectorAll(sel)].map(e =>"
        " e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML)) !== old",
        arg=[f"{CHART} :is({MARKS})", before], timeout=20000)
    wait_for_page(page)
    assert_page_healthy(page, "chain_rule", "en")


def test_a_deep_link_shows_its_values_in_the_widgets(page, base_url):
    page.goto(page_url(base_url, "chain_rule", "depth=30&gain=1.5&act=tanh"))
    wait_for_page(page)
    values = page.locator('[data-testid="stSliderThumbValue"]').all_inner_texts()
    assert "30" in values and "1.50" in values
    assert combobox(page, t("cr.act", "en")).input_value() == t("act.tanh", "en")


@pytest.mark.parametrize("page_id", sorted(HEAVY_QUERIES))
def test_the_heaviest_link_of_a_page_draws_within_seconds(page, base_url, page_id):
    start = time.perf_counter()
    page.goto(page_url(base_url, page_id, HEAVY_QUERIES[page_id]))
    wait_for_page(page, timeout_ms=20000)
    assert time.perf_counter() - start < 20
    assert_page_healthy(page, page_id, "en")


PRESET_CASES = [(page_id, name) for page_id, presets in PRESETS.items() for name in presets]


@pytest.mark.parametrize(("page_id", "preset"), PRESET_CASES)
def test_every_preset_link_draws_cleanly(page, base_url, page_id, preset):
    """What a presenter opens: each preset's link, drawn with no exception or Vega warning."""
    values = PRESETS[page_id][preset]
    query = urlencode({key: str(value).lower() if isinstance(value, bool) else value
                       for key, value in values.items()})
    open_page(page, page_url(base_url, page_id, query), page_id)
    assert_page_healthy(page, page_id, "en")
    assert page.locator('[data-testid="stAlert"]', has_text="link").count() == 0


@pytest.mark.parametrize(("button", "suffix"), [("Chart as SVG", ".svg"),
                                                ("Chart as PNG (2×)", ".png"),
                                                ("Data as CSV", ".csv")])
def test_a_chart_exports_as_svg_png_and_csv_named_after_its_settings(page, base_url, button,
                                                                      suffix):
    page.goto(page_url(base_url, "chain_rule", "depth=30&lang=zh"))
    wait_for_page(page)
    page.get_by_role("button", name=re.compile(t("export.menu", "zh"))).first.click()
    label = {"Chart as SVG": "export.svg", "Chart as PNG (2×)": "export.png",
             "Data as CSV": "export.csv"}[button]
    with page.expect_download(timeout=30000) as download_info:
        page.get_by_role("button", name=re.compile(re.escape(t(label, "zh")))).first.click()
    download = download_info.value
    stem = "gradient-lab_chain_rule_gradient_per_layer_depth-30"
    assert download.suggested_filename == stem + suffix
    content = Path(download.path()).read_bytes()
    if suffix == ".svg":
        title = t("cr.grad.title", "zh", depth=30, width=128)
        assert content.startswith(b"<svg") and title.encode() in content
    elif suffix == ".png":
        assert content[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert content.splitlines()[0].startswith(b"layer,")


def test_presenter_mode_from_a_link_is_bigger_and_stays_on_across_pages(page, base_url):
    page.goto(page_url(base_url, "chain_rule"))
    wait_for_page(page)
    normal = page.locator(CHART).first.bounding_box()["height"]
    page.goto(page_url(base_url, "chain_rule", "present=1"))
    wait_for_page(page)
    assert page.locator(CHART).first.bounding_box()["height"] > normal + 100
    assert page.locator('[data-testid="stExpander"]').count() >= 1  # explanations folded
    page.locator('[data-testid="stSidebar"] a', has_text=t("page.explosion", "en")).click()
    page.wait_for_function("t => document.title === t", arg=document_title("explosion", "en"))
    wait_for_page(page)
    assert "present=1" in page.url
