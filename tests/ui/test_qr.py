"""The share link's QR code: decoded by zxing-cpp, it gives back the link, in the share menu as
in presenter mode's large view."""

import base64
import io

import pytest
import vl_convert
from streamlit.testing.v1 import AppTest

from tests.apptest import APP, TIMEOUT
from ui.i18n import t
from ui.qr import qr_png, qr_svg

zxingcpp = pytest.importorskip("zxingcpp", reason="pip install -r requirements-dev.txt")
Image = pytest.importorskip("PIL.Image")

LINKS = [
    "http://localhost:8501/chain_rule",
    "https://gradient-lab.example.org/gradient_clipping?depth=40&gain=3&steps=200&lr=2&lang=zh"
    "&present=1",
    "https://lab.example/training_lab?" + "&".join(f"p{i}={i * 0.37:.3f}" for i in range(40)),
]


def decode_png(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def decode_svg(svg: str) -> list[str]:
    """Rasterise the SVG as the browser would show it (vl-convert), then decode."""
    return decode_png(vl_convert.svg_to_png(svg, scale=6))


@pytest.mark.parametrize("link", LINKS)
def test_the_png_decodes_to_the_link(link):
    assert decode_png(qr_png(link)) == [link]


@pytest.mark.parametrize("link", LINKS)
def test_the_svg_decodes_to_the_link(link):
    svg = qr_svg(link)
    assert svg.startswith("<svg") and decode_svg(svg) == [link]


def test_different_links_give_different_codes():
    assert qr_svg(LINKS[0]) != qr_svg(LINKS[0] + "?lang=zh")


def shown_codes(at: AppTest) -> list[str]:
    """Every QR image on the page, decoded."""
    found = []
    for image in at.get("image"):
        for img in image.proto.imgs:
            prefix = "data:image/svg+xml;base64,"
            assert img.url.startswith(prefix)
            found += decode_svg(base64.b64decode(img.url.removeprefix(prefix)).decode())
    return found


def open_with_address(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.context = {"url": "http://lab.example:8501"}
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def show_codes(at: AppTest, lang: str = "en") -> AppTest:
    """Turn on the share menu's QR code."""
    [toggle] = [box for box in at.sidebar.toggle if box.label == t("share.qr", lang)]
    toggle.set_value(True).run()
    assert not at.exception, at.exception
    return at


def share_link(at: AppTest) -> str:
    [link] = [code.value for code in at.sidebar.get("code") if code.value.startswith("http")]
    return link


def test_the_share_menus_qr_code_is_the_share_link_and_follows_the_controls():
    at = open_with_address("pages/3_weight_clipping.py", {"lang": "zh"})
    assert not at.get("image")  # made only when asked for
    show_codes(at, "zh")
    before = share_link(at)
    assert shown_codes(at) == [before] and "lang=zh" in before
    slider = at.sidebar.slider[0]
    slider.set_value(slider.max).run()
    after = share_link(at)
    assert after != before and shown_codes(at) == [after]


def test_presenter_mode_shows_the_qr_code_large():
    at = open_with_address("pages/4_gradient_descent.py", {"present": "1"})
    assert not at.get("image")
    at.button(key="share_qr_large").click().run()
    link = share_link(at)
    assert "present=1" in link
    assert shown_codes(at) == [link]  # in the dialog, the menu's own is still off
    [dialog] = at.get("dialog")
    assert dialog.proto.dialog.title == t("share.qr.large.title", "en")


def test_no_large_button_outside_presenter_mode():
    at = open_with_address("pages/4_gradient_descent.py", {})
    assert "share_qr_large" not in [button.key for button in at.button]
