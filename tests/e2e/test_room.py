"""A room in real browsers: the presenter opens it, two participants (a phone, and a laptop in
Chinese) answer, the presenter's live chart counts them, and the reveal reaches both.

The presenter's card polls the store every few seconds (``st.fragment(run_every=...)``), so
nothing is clicked on the presenter's side between the answers and the new counts.
"""

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


def test_presenter_sees_answers_arrive_and_reveals_them(browser, base_url):
    contexts = [browser.new_context(viewport={"width": 1366, "height": 900}),
                browser.new_context(**PHONE), browser.new_context(viewport={"width": 1280,
                                                                            "height": 900})]
    try:
        presenter, phone, chinese = (context.new_page() for context in contexts)
        code = open_room(presenter, base_url)
        answer(phone, base_url, code, "en", option("en", "beyond_1e12"))
        answer(chinese, base_url, code, "zh", option("zh", "under_10"))
        # no click on the presenter's side: the card's poll brings the counts
        card(presenter).get_by_text(t("room.answers", "en", count=2)).wait_for(
            timeout=POLL_WAIT_MS)
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= 390
        card(presenter).get_by_role("button", name=t("room.reveal", "en")).click()
        card(presenter).get_by_text(t("quiz.answer", "en", option=option("en", "beyond_1e12"))
                                    ).wait_for(timeout=30000)
        # the participants' cards poll too: the reveal reaches them without a click
        card(phone).get_by_text(t("quiz.right", "en", option=option("en", "beyond_1e12"))
                                ).wait_for(timeout=POLL_WAIT_MS)
        card(chinese).get_by_text(t("quiz.wrong", "zh", option=option("zh", "beyond_1e12"))
                                  ).wait_for(timeout=POLL_WAIT_MS)
        for page in (presenter, phone, chinese):
            assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        for context in contexts:
            context.close()


def test_a_learner_alone_answers_on_a_phone(browser, base_url):
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(page_url(base_url, PAGE, LIGHT))
        wait_for_page(page)
        quiz = card(page)
        quiz.get_by_text(t("quiz.start", "en", count=3)).click()
        quiz.get_by_text(option("en", "up_to_1e4"), exact=True).click()
        quiz.get_by_role("button", name=t("quiz.check", "en")).click()
        quiz.get_by_text(t("quiz.wrong", "en", option=option("en", "beyond_1e12"))).wait_for(
            timeout=30000)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    finally:
        context.close()
