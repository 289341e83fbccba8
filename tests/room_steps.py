"""Steps of a room in a real browser, shared by tests/e2e and tests/deploy: the presenter opens
a room, a participant answers into it."""

from urllib.parse import parse_qs, urlparse

from scripts.browser import page_url, wait_for_page
from ui.i18n import t

PAGE = "chain_rule"
LIGHT = "width=16&samples=2"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
POLL_WAIT_MS = 20000  # a few polls of the presenter's card


def card(page):
    return page.locator(".st-key-gl-quiz")


def open_room(page, base_url: str) -> str:
    """As the presenter: open the page in presenter mode, click "Open a room"; the room code."""
    page.goto(page_url(base_url, PAGE, f"{LIGHT}&present=1"))
    wait_for_page(page)
    page.get_by_role("button", name=t("room.open", "en")).click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('room')",
                           timeout=30000)
    card(page).get_by_text(t("room.reveal", "en")).wait_for(timeout=30000)
    query = parse_qs(urlparse(page.url).query)
    assert "host" in query  # the presenter's own address keeps the host token
    return query["room"][0]


def answer(page, base_url: str, code: str, lang: str, option_label: str) -> None:
    """As a participant: open the room's link, choose an option, send it."""
    query = f"{LIGHT}&room={code}" + (f"&lang={lang}" if lang != "en" else "")
    page.goto(page_url(base_url, PAGE, query))
    wait_for_page(page)
    quiz = card(page)
    quiz.get_by_text(option_label, exact=True).click()
    quiz.get_by_role("button", name=t("room.send", lang)).click()
    quiz.get_by_text(t("room.waiting", lang), exact=False).wait_for(timeout=30000)


def option(lang: str, name: str) -> str:
    return t(f"q.chain_rule.depth_100.{name}", lang)
