"""The "Copy as PyTorch" block in a real browser: a section's slider reruns only its section
(an st.fragment), and the block, a fragment that follows every section, shows the new value.
AppTest cannot see this: it reruns the whole script for a fragment's widget."""

import re

from scripts.browser import page_url, wait_for_page
from ui.i18n import t


def script_line(page, start: str) -> str:
    code = page.locator('[data-testid="stCode"]').filter(has_text=start).first
    return next(line for line in code.inner_text().splitlines() if line.startswith(start))


def test_a_section_slider_updates_the_pytorch_block(page, base_url):
    page.goto(page_url(base_url, "clipping"))
    wait_for_page(page)
    page.get_by_text(t("pytorch.title", "en")).click()
    assert script_line(page, "MAGNITUDE").startswith("MAGNITUDE, ANGLE, THRESHOLD = 3.0, 30,")
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first  # magnitude
    thumb.focus()
    thumb.press("ArrowRight")
    page.wait_for_url(re.compile(r"[?&]mag=3\.1(&|$)"))
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stCode\"]')]"
        ".some(e => e.innerText.includes('MAGNITUDE, ANGLE, THRESHOLD = 3.1,'))", timeout=20000)
    assert page.locator('[data-testid="stException"]').count() == 0
