"""Predict, then check: a page's questions as a card, answered alone or in a room.

Alone: the learner turns the card on, picks a prediction and checks it; while the page shows
the question's setting, everything below the card (charts, metrics, the sentences that state
the outcome) stays blurred until then, and the chart that answers it is outlined after. In a
room (``ui/room.py``), every participant sends a prediction, the presenter sees the answers
arrive and reveals the computed one to the room. The card is a fragment: its widgets rerun
only the card; in a room it also reruns every few seconds, to show new answers and the
reveal. The correct option is computed only when it is shown (checked or revealed), from the
question's own core call, cached per setting.
"""

import streamlit as st

from ui.charts.common import GREEN, arrow_table, check_datasets, template_spec
from ui.charts.quiz import STATES, answer_counts, answers_template
from ui.i18n import t
from ui.questions import Answer, Question
from ui.questions.registry import QUESTIONS
from ui.room import (
    POLL_SECONDS,
    STORAGE_ERRORS,
    RoomSession,
    current_room,
    note_room_problem,
    participant_id,
    room_banner,
    room_controls,
    room_error_text,
    room_notice,
)
from ui.room_store import default_store
from ui.shell import figure_view, presenter_mode

_CHECKED = "quiz_checked"  # {(page, question id): the option checked} alone, this session


@st.cache_data(max_entries=256, show_spinner=False)
def computed_answer(page_id: str, question_id: str, settings: tuple) -> Answer:
    """The question's answer at ``settings`` (sorted (control, value) pairs)."""
    return _question(page_id, question_id).answer(dict(settings))


def _question(page_id: str, question_id: str) -> Question:
    return next(q for q in QUESTIONS[page_id] if q.id == question_id)


def question_key(page_id: str, question: Question) -> str:
    """The question's id in a room: ``<page>.<id>``."""
    return f"{page_id}.{question.id}"


def quiz_card(lang: str, controls) -> None:
    """The page's questions (none on a page without any, or in a figure-only view)."""
    questions = QUESTIONS.get(controls.page_id)
    if not questions or figure_view() is not None:
        return
    room = current_room(lang)
    room_controls(lang, room)
    controls.followers.append(QUIZ_FRAGMENT)
    (_live_card if room is not None else _card)(lang, controls, room)


def _body(lang: str, controls, room: RoomSession | None) -> None:
    page_id, questions = controls.page_id, QUESTIONS[controls.page_id]
    with st.container(border=True, key="gl-quiz"):
        room_notice()  # in the card: a failed reveal reruns only the card
        if room is None and not st.toggle(
                ":material/quiz: " + t("quiz.start", lang, count=len(questions)),
                key=f"quiz_on_{page_id}", help=t("quiz.start.help", lang)):
            return
        store_state = _room_state(lang, room, page_id, questions) if room else None
        if room is not None and store_state is not None:
            room_banner(lang, room, store_state["people"])
        index = st.segmented_control(
            t("quiz.which", lang), range(len(questions)), format_func=lambda i: str(i + 1),
            default=0, key=f"quiz_pick_{page_id}", required=True)
        question = questions[index or 0]
        current = controls.current_values()
        settings = question.scenario(controls.table, current)
        labels = _labels(lang, page_id, question, settings)
        st.markdown(f"**{labels['prompt']}**")
        shown = (_room_question(lang, room, store_state, page_id, question, labels, settings)
                 if room and store_state is not None
                 else _alone(lang, page_id, question, labels, settings))
        at_scenario = all(current.get(k) == v for k, v in settings.items() if k in current)
        if shown and not at_scenario:
            st.button(t("quiz.show", lang), icon=":material/visibility:",
                      help=t("quiz.show.help", lang), key=f"quiz_show_{page_id}",
                      on_click=_apply, args=(settings,))
        if at_scenario and not shown:  # the page shows the answer: hide it until answered
            st.caption(":material/blur_on: " + t("quiz.blurred", lang))
            st.html(_BLUR_BELOW)
        elif at_scenario and question.chart:
            st.html(_highlight(question.chart))


QUIZ_FRAGMENT = "quiz"  # a section's controls rerun the card too (its prompt has their values)
_card = st.fragment(_body, key=QUIZ_FRAGMENT)
_live_card = st.fragment(run_every=POLL_SECONDS, key=QUIZ_FRAGMENT)(_body)


def _labels(lang: str, page_id: str, question: Question, settings: dict) -> dict[str, str]:
    """The prompt and each option in ``lang``, with the scenario's numbers."""
    values = question.prompt_values(settings, lang) if question.prompt_values else {}
    key = f"q.{page_id}.{question.id}"
    return {"prompt": t(key, lang, **values),
            **{option: t(f"{key}.{option}", lang, **values) for option in question.options}}


def _choice(lang: str, page_id: str, question: Question, labels: dict, disabled: bool = False):
    return st.radio(t("quiz.choice", lang), question.options, index=None,
                    format_func=labels.get, key=f"quiz_{page_id}_{question.id}",
                    disabled=disabled)


def _alone(lang: str, page_id: str, question: Question, labels: dict, settings: dict) -> bool:
    """Predict and check on one's own; True once checked (the chart then stays in view)."""
    choice = _choice(lang, page_id, question, labels)
    checked = st.session_state.setdefault(_CHECKED, {})
    mark = (page_id, question.id)
    if st.button(t("quiz.check", lang), icon=":material/fact_check:", disabled=choice is None,
                 key=f"quiz_check_{page_id}"):
        checked[mark] = choice
    if mark in checked and checked[mark] == choice:  # another choice: check it first
        _verdict(lang, page_id, question, labels, settings, choice)
    return mark in checked


def _verdict(lang: str, page_id: str, question: Question, labels: dict, settings: dict,
             choice: str | None) -> None:
    """Right or wrong (or, for the presenter, just the answer), and one sentence of why."""
    answer = computed_answer(page_id, question.id, tuple(sorted(settings.items())))
    option = labels[answer.correct]
    if choice is None:
        st.success(t("quiz.answer", lang, option=option), icon=":material/lightbulb:")
    elif choice == answer.correct:
        st.success(t("quiz.right", lang, option=option), icon=":material/check_circle:")
    else:
        st.error(t("quiz.wrong", lang, option=option), icon=":material/cancel:")
    st.markdown(t(f"q.{page_id}.{question.id}.{answer.why}", lang, **answer.numbers))


def _room_state(lang: str, room: RoomSession, page_id: str, questions) -> dict | None:
    """What the store says now: counts per question, who answered, what is revealed."""
    keys = [question_key(page_id, q) for q in questions]
    try:
        store = default_store()
        return {"counts": store.counts(room.code, keys), "revealed": store.revealed(room.code),
                "people": store.participants(room.code),
                "mine": {k: store.my_answer(room.code, k, participant_id()) for k in keys}}
    except STORAGE_ERRORS as error:
        st.warning(room_error_text(error, lang, room.code), icon=":material/meeting_room:")
        return None


def _room_question(lang: str, room: RoomSession, state: dict, page_id: str,
                   question: Question, labels: dict, settings: dict) -> bool:
    """The room's side of a question; True once it is revealed."""
    key = question_key(page_id, question)
    revealed = key in state["revealed"]
    counts = state["counts"].get(key, {})
    if room.host:
        correct = (computed_answer(page_id, question.id, tuple(sorted(settings.items()))).correct
                   if revealed else None)
        _answers_chart(lang, question, labels, counts, correct)
        if not revealed:
            st.button(t("room.reveal", lang), icon=":material/campaign:", type="primary",
                      key=f"quiz_reveal_{page_id}", on_click=_reveal, args=(lang, room, key))
        else:
            _verdict(lang, page_id, question, labels, settings, None)
        return revealed
    mine = state["mine"].get(key)
    choice = _choice(lang, page_id, question, labels, disabled=revealed)
    if not revealed and st.button(t("room.send", lang), icon=":material/send:",
                                  disabled=choice is None, key=f"quiz_send_{page_id}"):
        mine = _send(lang, room, key, choice) or mine
    if mine is not None and not revealed:
        st.caption(t("room.sent", lang, option=labels[mine]) + " " + t("room.waiting", lang))
    if revealed:
        _verdict(lang, page_id, question, labels, settings, mine or choice)
    return revealed


def _send(lang: str, room: RoomSession, key: str, choice: str) -> str | None:
    try:
        default_store().answer(room.code, key, participant_id(), choice)
    except STORAGE_ERRORS as error:
        st.warning(room_error_text(error, lang, room.code), icon=":material/meeting_room:")
        return None
    return choice


def _reveal(lang: str, room: RoomSession, key: str) -> None:
    try:
        default_store().reveal(room.code, key, room.host_token)
    except STORAGE_ERRORS as error:
        note_room_problem(error, lang, room.code)


def _answers_chart(lang: str, question: Question, labels: dict, counts: dict,
                   correct: str | None) -> None:
    chart = answers_template(
        x_title=t("room.axis.count", lang), legend_title=t("room.legend", lang),
        state_labels=tuple(t(f"room.legend.{state}", lang) for state in STATES))
    data = answer_counts(question.options, labels, counts, correct)
    st.caption(t("room.answers", lang, count=int(data["count"].sum())))
    tables = {"answers": arrow_table(data)}
    check_datasets(chart, tables)
    spec = template_spec(chart, presenter_mode())
    spec["datasets"] = {**spec.get("datasets", {}), **tables}
    st.vega_lite_chart(spec, width="stretch")  # no export menu: a poll is not a figure


def _apply(settings: dict) -> None:
    """Set the page's controls to a question's scenario (the whole page reruns)."""
    for key, value in settings.items():
        st.session_state[key] = value
    st.rerun()


# Everything below the card: charts, metrics and the sentences that state an outcome. The style
# comes with an element: Streamlit sends a style-only st.html to a container outside the page's
# flow, which a fragment's rerun does not clear; in the flow, the card's next run removes it.
_BLUR_BELOW = """<span class="gl-blur" hidden></span><style>
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > :has(.st-key-gl-quiz) ~ *
{ filter: blur(7px); pointer-events: none; user-select: none; }
</style>"""


def _highlight(chart_id: str) -> str:
    """An outline around the chart that shows the answer (show_chart's keyed container)."""
    return f"""<span class="gl-answer-chart" hidden></span><style>
.st-key-gl-chart-{chart_id} {{ outline: 3px solid {GREEN}; outline-offset: 4px;
  border-radius: 4px; }}
</style>"""
