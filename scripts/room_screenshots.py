"""Screenshots of a room for the README: the presenter's card with the live answers after the
reveal (projector size) and a participant's card on a phone.

    python -m scripts.room_screenshots [--out docs/screenshots]
"""

import argparse
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import sync_playwright

from scripts.browser import ROOT, app_server, launch, page_url, wait_for_page
from ui.i18n import t

QUERY = "width=64&samples=4"
ANSWERS = ("beyond_1e12", "up_to_1e12", "beyond_1e12", "under_10", "beyond_1e12")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with app_server() as base, sync_playwright() as playwright:
        browser = launch(playwright)
        host = browser.new_context(viewport={"width": 1600, "height": 1500}).new_page()
        host.goto(page_url(base, "chain_rule", QUERY + "&present=1"))
        wait_for_page(host)
        host.get_by_role("button", name=t("room.open", "en")).click()
        host.wait_for_function("() => new URLSearchParams(location.search).has('room')")
        code = parse_qs(urlparse(host.url).query)["room"][0]
        phone = None
        for choice in ANSWERS:
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                        has_touch=True, device_scale_factor=2).new_page()
            phone.goto(page_url(base, "chain_rule", f"{QUERY}&room={code}"))
            wait_for_page(phone)
            quiz = phone.locator(".st-key-gl-quiz")
            quiz.get_by_text(t(f"q.chain_rule.depth_100.{choice}", "en"), exact=True).click()
            quiz.get_by_role("button", name=t("room.send", "en")).click()
            quiz.get_by_text(t("room.waiting", "en"), exact=False).wait_for()
        phone.locator(".st-key-gl-quiz").scroll_into_view_if_needed()
        phone.screenshot(path=str(out / "room-participant-phone.png"))
        card = host.locator(".st-key-gl-quiz")
        card.get_by_text(t("room.answers", "en", count=len(ANSWERS))).wait_for(timeout=20000)
        card.get_by_role("button", name=t("room.reveal", "en")).click()
        card.get_by_text(t("quiz.answer", "en", option=t(
            "q.chain_rule.depth_100.beyond_1e12", "en"))).wait_for()
        host.wait_for_timeout(800)
        card.screenshot(path=str(out / "room-presenter.png"))
        browser.close()


if __name__ == "__main__":
    main()
