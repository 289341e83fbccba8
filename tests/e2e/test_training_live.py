"""The training lab in a real browser: the loss and gradient-norm curves are drawn while the
runs train, then give way to the final charts; a cached rerun draws no live frame."""

from urllib.parse import urlencode

from scripts.browser import page_url, wait_for_page
from tests.e2e.test_browser import OWN_FIELD_WARNING

CHART = '[data-testid="stVegaLiteChart"]'
PROGRESS = '[data-testid="stProgress"]'
# a cold link near the work cap (each run ~0.7 s; a seed no other test uses), with a switch
SLOW = {"steps": "2000", "cmp": "true", "seed": "4321", "bswitch": "lower_lr", "bat": "800",
        "blr": "0.01"}


def test_curves_are_drawn_while_training_and_the_page_ends_clean(page, base_url):
    page.goto(page_url(base_url, "training", urlencode(SLOW)))
    page.wait_for_selector(PROGRESS, timeout=30000)
    live = 0
    while page.locator(PROGRESS).count():  # while a run trains
        live = max(live, page.locator(CHART).count())
        page.wait_for_timeout(100)
    assert live >= 1, "no chart was drawn while the runs trained"
    wait_for_page(page, timeout_ms=60000)
    assert page.locator(CHART).count() == 7  # the final charts only
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not [text for text in page.console_problems if OWN_FIELD_WARNING.search(text)]
    page.reload()  # cached: no training, no live frame, the same charts
    wait_for_page(page, timeout_ms=30000)
    assert page.locator(PROGRESS).count() == 0 and page.locator(CHART).count() == 7
