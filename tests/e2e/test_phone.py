"""Every page on a phone (390x844 CSS px, touch): nothing wider than the screen, formulas that
scroll inside their own block, every chart drawn with its titles and legends whole."""

import pytest

from scripts.browser import CHARTLESS_PAGES, MARKS, PAGE_PATHS, page_url, wait_for_page

PHONE = {"width": 390, "height": 844}
CASES = [(page_id, "en") for page_id in PAGE_PATHS] + [("clipping", "zh"), ("descent", "zh")]
CHART = '[data-testid="stVegaLiteChart"]'

# What sticks out past the screen's right (or left) edge inside the main area, and what is cut
# inside a chart. Not counted: what lies inside a block that scrolls sideways on purpose (a
# formula, a code block, a table; the block itself is counted), and visually hidden text for
# screen readers (a 1 px box that hides its overflow: KaTeX's MathML, a slider's input).
LAYOUT_PROBLEMS = """() => {
  const W = window.innerWidth, main = document.querySelector('[data-testid="stMain"]');
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const tiny = el => { const r = el.getBoundingClientRect();
    return (r.width <= 1 || r.height <= 1) && getComputedStyle(el).overflow !== 'visible'; };
  const exempt = el => { for (let p = el.parentElement; p && p !== main; p = p.parentElement)
    if (scrolls(p) || tiny(p)) return true; return false; };
  const name = el => `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''} `
    + `"${(el.textContent || '').trim().slice(0, 50)}"`;
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    const svg = el.closest('svg');
    if (svg && svg !== el) continue;  // a chart's inside: its texts are checked below
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.right <= W + 1 && r.left >= -1)) continue;
    if (!exempt(el)) wide.push(`${name(el)} spans x ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const cut = [];
  for (const svg of main.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.width === 0) continue;
      const out = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
        || r.bottom > box.bottom + 1;
      if (out || text.textContent.endsWith('…')) cut.push(`"${text.textContent}"`);
    }
  }
  return {page: document.scrollingElement.scrollWidth, main: main.scrollWidth, W, wide, cut};
}"""


@pytest.fixture(scope="module")
def phones(browser):
    """One phone-sized tab per language, reused across pages (lazily opened)."""
    tabs, contexts = {}, []

    def tab(lang: str):
        if lang not in tabs:
            context = browser.new_context(viewport=PHONE, device_scale_factor=2,
                                          is_mobile=True, has_touch=True)
            contexts.append(context)
            tabs[lang] = context.new_page()
        return tabs[lang]

    yield tab
    for context in contexts:
        context.close()


@pytest.mark.parametrize(("page_id", "lang"), CASES)
def test_a_page_fits_a_phone_with_its_charts_whole(phones, base_url, page_id, lang):
    tab = phones(lang)
    tab.goto(page_url(base_url, page_id, "lang=zh" if lang == "zh" else ""))
    wait_for_page(tab, charts=page_id not in CHARTLESS_PAGES)
    assert tab.locator('[data-testid="stException"]').count() == 0
    charts = tab.locator(CHART)
    if page_id not in CHARTLESS_PAGES:
        assert charts.count() > 0
        assert tab.locator(f"{CHART} :is({MARKS})").count() == charts.count()
    found = tab.evaluate(LAYOUT_PROBLEMS)
    assert found["page"] <= found["W"] and found["main"] <= found["W"], found
    assert not found["wide"], f"{page_id} ({lang}) wider than the phone: {found['wide'][:5]}"
    assert not found["cut"], f"{page_id} ({lang}) chart text cut: {found['cut'][:5]}"


def test_the_formula_scrolls_inside_its_block_and_titles_break_on_a_phone(phones, base_url):
    """The home page's wide formula scrolls in its own block; its long chart title is whole,
    on two lines."""
    tab = phones("en")
    tab.goto(page_url(base_url, "home"))
    wait_for_page(tab)
    block = tab.locator(".katex-display").first
    sizes = block.evaluate("e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX]")
    assert sizes[0] > sizes[1] and sizes[2] == "auto"  # wider than the phone, so it scrolls
    assert block.bounding_box()["width"] <= PHONE["width"]
    title = tab.locator(f"{CHART} svg.marks .role-title-text text").first
    assert title.locator("tspan").count() == 2
