"""Shared test fixtures: a cold cache per test, and one headless Chromium for the browser tests."""

import os

import pytest
import streamlit as st

from scripts.browser import INSTALL_HINT, chromium_path, launch


@pytest.fixture(autouse=True)
def _cold_cache():
    """Each test starts with an empty st.cache_data (it persists across AppTest instances)."""
    st.cache_data.clear()
    yield


def require(found: bool, what: str, hint: str) -> None:
    """Skip a test whose tool is missing, with how to install it; under CI=true, fail."""
    if found:
        return
    message = f"{what} not found; {hint}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, shared by every browser test of the session."""
    require(chromium_path() is not None, "Chromium", INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
