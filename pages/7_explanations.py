"""Placeholder until the page is written."""

import streamlit as st

from ui.i18n import t
from ui.shell import page_setup

lang = page_setup("explanations")
st.title(t("page.explanations", lang))
