"""The training lab in a real browser: the loss and gradient-norm curves are drawn while the
runs train, then give way to the final charts; a cached rerun draws no live frame."""

from urllib.parse import urlencode

from scripts.browser import page_url, wait_for_page
from tests.e2e.test_browser import OWN_FIELD_WARNING

CHART = '[data-testid="stVegaLiteChart"]'
PROGRESS = '[data-testid="stProgress"]'
# Counts, on every change of the page, the charts shown while a progress bar (a run training) is.
LIVE_WATCH = """
window.__sawProgress = false;
window.__liveCharts = 0;
new MutationObserver(() => {
  if (document.querySelector('[data-testid="stProgress"]')) {
    window.__sawProgress = true;
    window.__liveCharts = Math.max(window.__liveCharts,
      document.querySelectorAll('[data-testid="stVegaLiteChart"]').length);
  }
}).observe(document, {childList: true, subtree: true});
"""
# a cold link near the work cap (each run ~0.7 s; a seed no other test uses), with a switch
SLOW = {"steps": "2000", "cmp": "true", "seed": "4321", "bswitch": "lower_lr", "bat": "800",
        "blr": "0.01"}


def test_curves_are_drawn_while_training_and_the_page_ends_clean(page, base_url):
    # The runs train for about a second; a DOM observer, not polling, sees the live frame.
    page.add_init_script(LIVE_WATCH)
    page.goto(page_url(base_url, "training", urlencode(SLOW)))
    wait_for_page(page, timeout_ms=60000)
    assert page.evaluate("window.__sawProgress"), "no run trained (a cached page?)"
    assert page.evaluate("window.__liveCharts") >= 1, "no chart was drawn while the runs trained"
    assert page.locator(CHART).count() == 7  # the final charts only
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not [text for text in page.console_problems if OWN_FIELD_WARNING.search(text)]
    page.reload()  # cached: no training, no live frame, the same charts
    wait_for_page(page, timeout_ms=30000)
    assert page.locator(PROGRESS).count() == 0 and page.locator(CHART).count() == 7
    assert not page.evaluate("window.__sawProgress")  # not even for a moment
