""""Copy as PyTorch": a folded code block (with Streamlit's copy button) holding the plain
PyTorch script that reproduces the view (``core/pytorch_code.py``), and one caption line.

On a page whose controls live in sections (``ui.controls.section`` fragments), a section's
slider reruns only that section: pass the code as a function of the controls' current values
and the page's ``Controls``, and the block becomes a fragment that reruns with every section::

    pytorch_block(lang, lambda: clipping_code(controls.current_values()), controls)
"""

from collections.abc import Callable

import streamlit as st

from ui.i18n import t

PYTORCH_FRAGMENT = "pytorch"  # the block's fragment key (rerun with every section)


def draw_block(lang: str, code: str) -> None:
    """The expander, collapsed, with the script and what it does."""
    with st.expander(t("pytorch.title", lang), icon=":material/code:"):
        st.code(code, language="python")
        st.caption(t("pytorch.caption", lang))


@st.fragment(key=PYTORCH_FRAGMENT)
def _live_block(lang: str, make_code: Callable[[], str]) -> None:
    draw_block(lang, make_code())


def pytorch_block(lang: str, code: str | Callable[[], str], controls=None) -> None:
    """Draw the "Copy as PyTorch" block at the end of a page.

    ``code``: the script, or a function that writes it from the controls' current values;
    with ``controls`` (a page with sections) the block reruns whenever a section does.
    """
    if controls is None or not callable(code):
        draw_block(lang, code() if callable(code) else code)
        return
    if PYTORCH_FRAGMENT not in controls.followers:
        controls.followers.append(PYTORCH_FRAGMENT)
    _live_block(lang, code)
