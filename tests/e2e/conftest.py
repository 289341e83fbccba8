"""Browser fixtures for the end-to-end tests: one app server for the session, a fresh tab per
test. The shared Chromium (``browser``) is in tests/conftest.py."""

import pytest

from scripts.browser import app_server


@pytest.fixture(scope="session")
def base_url():
    with app_server() as url:
        yield url


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
