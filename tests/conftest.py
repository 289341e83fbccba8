"""Shared test helpers: run pages with AppTest and read back what their charts plot."""

import sys
from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _cold_cache():
    """Each test starts with an empty st.cache_data (it persists across AppTest instances)."""
    st.cache_data.clear()
    yield
