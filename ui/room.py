"""A room: a presenter's live poll that everyone who opens its link answers into.

``?room=<code>`` joins a room (the share link and QR code carry it); the presenter's own address
also carries ``host=<token>``, which never goes into a shared link. The answers live in
``ui/room_store.py`` (SQLite, shared by the replicas on one host); the session keeps only the
room's code, the host token and a random participant id.
"""

import re
import sqlite3
from dataclasses import dataclass

import streamlit as st

from ui.i18n import t
from ui.room_store import ROOM_TTL_SECONDS, RoomError, default_store, new_participant_id
from ui.shell import HOST_PARAM, ROOM_PARAM, presenter_mode, sync_url_param

POLL_SECONDS = 3.0  # how often a room's cards ask the store for news
_ROOM_STATE = "room_session"
_PARTICIPANT_STATE = "room_participant"
_NOTICE_STATE = "room_notice"


@dataclass(frozen=True)
class RoomSession:
    code: str
    host_token: str | None  # set for the presenter who opened the room

    @property
    def host(self) -> bool:
        return self.host_token is not None


def room_code() -> str | None:
    """The code of the session's room (what a shared link carries), or None."""
    session = st.session_state.get(_ROOM_STATE)
    return session.code if session else None


def room_error_text(error: Exception, lang: str, code: str = "") -> str:
    """A room problem in words: bad, unknown, expired or full room, or unreachable storage."""
    kind = getattr(error, "kind", None)
    key = f"room.error.{kind}"
    if kind is None or key not in _KNOWN_ERRORS:
        return t("room.error.storage", lang, detail=type(error).__name__)
    # a link's code is shown back as letters and digits only: no markdown from a hostile link
    shown = re.sub(r"[^A-Za-z0-9]", "", code)[:12] or "?"
    return t(key, lang, code=shown, hours=round(ROOM_TTL_SECONDS / 3600))


_KNOWN_ERRORS = {f"room.error.{kind}" for kind in
                 ("malformed", "unknown", "expired", "full", "question_full", "server_full",
                  "not_host")}
STORAGE_ERRORS = (RoomError, sqlite3.Error, OSError)


def participant_id() -> str:
    """This session's random participant id (no personal data)."""
    if _PARTICIPANT_STATE not in st.session_state:
        st.session_state[_PARTICIPANT_STATE] = new_participant_id()
    return st.session_state[_PARTICIPANT_STATE]


def current_room(lang: str) -> RoomSession | None:
    """The session's room, joined from ``?room=`` (checked once per code), or None.

    A bad, unknown or expired code leaves the session without a room and a notice for
    ``room_notice``; the address then drops the parameter.
    """
    raw = st.query_params.get(ROOM_PARAM)
    session = st.session_state.get(_ROOM_STATE)
    if raw is not None and (session is None or raw != session.code):
        session = _join(raw[:40], st.query_params.get(HOST_PARAM), lang)
    elif raw is None and session is not None and not _room_alive(session, lang):
        session = None
    st.session_state[_ROOM_STATE] = session
    sync_url_param(ROOM_PARAM, session.code if session else None)
    sync_url_param(HOST_PARAM, session.host_token if session else None)
    return session


def _join(raw: str, token: str | None, lang: str) -> RoomSession | None:
    try:
        store = default_store()
        room = store.room(raw)
        host = store.is_host(room.code, token)
    except STORAGE_ERRORS as error:
        note_room_problem(error, lang, raw)
        return None
    return RoomSession(room.code, token if host else None)


def _room_alive(session: RoomSession, lang: str) -> bool:
    """False (with a notice) once the room has expired or its storage is gone."""
    try:
        default_store().room(session.code)
    except STORAGE_ERRORS as error:
        note_room_problem(error, lang, session.code)
        return False
    return True


def note_room_problem(error: Exception, lang: str, code: str = "") -> None:
    """Keep a room problem in words for ``room_notice`` (a callback cannot draw it)."""
    st.session_state[_NOTICE_STATE] = room_error_text(error, lang, code)


def room_notice() -> None:
    """Show (once) why a room link did not open a room, or why an action in it failed."""
    notice = st.session_state.pop(_NOTICE_STATE, None)
    if notice:
        st.warning(notice, icon=":material/meeting_room:")


def room_controls(lang: str, session: RoomSession | None) -> None:
    """Sidebar: in presenter mode "Open a room"; in a room "Leave the room"."""
    if session is not None:
        st.sidebar.button(t("room.leave", lang), icon=":material/logout:", width="stretch",
                          on_click=_leave, key="room_leave")
    elif presenter_mode():
        st.sidebar.button(t("room.open", lang), icon=":material/groups:", width="stretch",
                          help=t("room.open.help", lang), on_click=_open, args=(lang,),
                          key="room_open")


def _open(lang: str) -> None:
    try:
        room = default_store().create_room()
    except STORAGE_ERRORS as error:
        note_room_problem(error, lang)
        return
    st.session_state[_ROOM_STATE] = RoomSession(room.code, room.host_token)
    st.query_params[ROOM_PARAM] = room.code
    st.query_params[HOST_PARAM] = room.host_token


def _leave() -> None:
    st.session_state[_ROOM_STATE] = None
    for param in (ROOM_PARAM, HOST_PARAM):
        if param in st.query_params:
            del st.query_params[param]


def room_banner(lang: str, session: RoomSession, people: int) -> None:
    """Who is in which room, and what happens next."""
    if session.host:
        st.info(t("room.host.banner", lang, code=session.code, people=people),
                icon=":material/groups:")
    else:
        st.info(t("room.guest.banner", lang, code=session.code), icon=":material/groups:")
