"""Browser fixtures for the end-to-end tests: one app server for the session, a fresh tab per
test. The shared Chromium (``browser``) is in tests/conftest.py."""

import os

import pytest

from scripts.browser import app_server
from ui.room_store import ENV_VAR


@pytest.fixture(scope="session")
def rooms_db(tmp_path_factory):
    """The room database of the session's app server (a temporary file)."""
    return tmp_path_factory.mktemp("rooms") / "rooms.sqlite3"


@pytest.fixture(scope="session")
def base_url(rooms_db):
    previous = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(rooms_db)  # the server inherits it
    try:
        with app_server() as url:
            yield url
    finally:
        if previous is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = previous


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
