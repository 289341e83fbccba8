"""A room in real browsers: the presenter opens it, two participants (a phone, and a laptop in
Chinese) answer, the presenter's live chart counts them, and the reveal reaches both.

The presenter's card polls the store every few seconds (``st.fragment(run_every=...)``), so
nothing is clicked on the presenter's side between the answers and the new counts.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.room_sessions import crowd
from scripts.browser import page_url, wait_for_page
from tests.room_steps import LIGHT, PAGE, PHONE, POLL_WAIT_MS, answer, card, open_room, option
from ui.i18n import t
from ui.room_store import RoomStore


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


def test_participants_sessions_answer_into_one_room(base_url, rooms_db):
    """bench/room_sessions.py, small: 6 sessions x 3 questions over the websocket, 0 errors,
    every answer stored once."""
    work = asyncio.wait_for(
        crowd(base_url, RoomStore(rooms_db), participants=6, questions=3, think=0.05), 120)
    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API holds this thread's loop
        found = pool.submit(asyncio.run, work).result()
    assert found["errors"] == [] and len(found["sends"]) == 18



def blurred(page, chart_id: str) -> bool:
    """Whether the chart, or a block around it, is drawn blurred."""
    return page.eval_on_selector(
        f".st-key-gl-chart-{chart_id} [data-testid='stVegaLiteChart']",
        """el => { for (; el; el = el.parentElement) {
                     if (getComputedStyle(el).filter.includes('blur')) return true; }
                   return false; }""")


def test_the_chart_stays_blurred_until_the_answer(browser, base_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(page_url(base_url, PAGE, LIGHT))
        wait_for_page(page)
        assert not blurred(page, "factor_split")
        quiz = card(page)
        quiz.get_by_text(t("quiz.start", "en", count=3)).click()
        quiz.locator("[data-testid=stButtonGroup] button", has_text="3").click()  # factor
        page.wait_for_function("() => document.querySelector('.gl-blur') !== null")
        assert blurred(page, "factor_split") and blurred(page, "gradient_per_layer")
        assert not page.locator(".st-key-gl-quiz").evaluate(
            "el => getComputedStyle(el).filter.includes('blur')")  # the card stays sharp
        quiz.get_by_text(t("q.chain_rule.factor.activation", "en"), exact=True).click()
        quiz.get_by_role("button", name=t("quiz.check", "en")).click()
        quiz.get_by_text(t("quiz.right", "en", option=t("q.chain_rule.factor.activation", "en"))
                         ).wait_for(timeout=30000)
        assert not blurred(page, "factor_split")
    finally:
        context.close()
