"""The share link as a QR code (segno: pure Python, SVG), small in the share menu and large on
the projector in presenter mode.

Error correction "M" with a 4-module quiet zone reads reliably from a phone across a room.
"""

import functools
import io

import segno
import streamlit as st

from ui.i18n import t
from ui.shell import presenter_mode

ERROR = "m"
BORDER = 4
MENU_WIDTH = 200  # px in the sidebar's share menu
LARGE_WIDTH = 560  # px in presenter mode's dialog, readable from the back of a room


def qr_code(link: str) -> segno.QRCode:
    """The QR code of ``link`` (byte mode; the smallest version that holds it)."""
    return segno.make(link, error=ERROR, micro=False, boost_error=False)


@functools.lru_cache(maxsize=64)
def qr_svg(link: str) -> str:
    """The QR code as a standalone SVG document (black modules, white quiet zone)."""
    buffer = io.BytesIO()
    qr_code(link).save(buffer, kind="svg", scale=1, border=BORDER, dark="#000",
                       light="#fff", xmldecl=False, svgns=True, omitsize=False)
    return buffer.getvalue().decode("utf-8")


def qr_png(link: str, scale: int = 8) -> bytes:
    """The QR code as a PNG, ``scale`` pixels per module."""
    buffer = io.BytesIO()
    qr_code(link).save(buffer, kind="png", scale=scale, border=BORDER)
    return buffer.getvalue()


def qr_menu(link: str, lang: str) -> None:
    """The share menu's QR code, made only when asked for: choosing the mask alone costs
    ~10 ms, too much for every section rerun."""
    # No key: pages' tests take keyed widgets for page controls (their URL parameters).
    if st.toggle(t("share.qr", lang), help=t("share.qr.help", lang)):
        show_qr(link, lang)


def show_qr(link: str, lang: str, width: int = MENU_WIDTH) -> None:
    """The QR code of ``link`` as an image with its caption."""
    st.image(qr_svg(link), width=width, caption=t("share.qr.caption", lang))


def _large_qr(link: str, lang: str) -> None:
    """A large dialog (titled in ``lang``) with the QR code and the link under it."""

    @st.dialog(t("share.qr.large.title", lang), width="large")
    def dialog() -> None:
        show_qr(link, lang, width=LARGE_WIDTH)
        st.code(link, language=None, wrap_lines=True)

    dialog()


def large_qr_button(link: str, lang: str) -> None:
    """Presenter mode: a button that shows the QR code large, for the room to scan (beside the
    share menu, not in it: an open menu would cover the dialog)."""
    if not presenter_mode():
        return
    if st.button(t("share.qr.large", lang), icon=":material/qr_code_2:", key="share_qr_large",
                 width="stretch"):
        _large_qr(link, lang)
