"""Browser fixtures: one app server and one headless Chromium for the whole e2e session.

Without Chromium the tests skip with a hint; under CI=true a missing browser is a failure.
"""

import os

import pytest

from scripts.browser import INSTALL_HINT, app_server, chromium_path, launch


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but Chromium is missing: {INSTALL_HINT}")
    skip = pytest.mark.skip(reason=f"Chromium not found; {INSTALL_HINT}")
    for item in items:
        if "e2e" in item.nodeid.split("/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def base_url():
    with app_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab at laptop size that records console warnings and page errors."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.console_problems = []
    tab.on("console", lambda message: message.type in ("warning", "error")
           and tab.console_problems.append(message.text))
    tab.on("pageerror", lambda error: tab.console_problems.append(str(error)))
    yield tab
    context.close()
