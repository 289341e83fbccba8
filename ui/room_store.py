"""Storage of the room poll: rooms, answers and reveals in one SQLite file (standard library).

Every call opens its own connection (safe under Streamlit's script threads and across
processes), and every write is one ``BEGIN IMMEDIATE`` transaction, so several replicas on one
host can share a room through the same file (WAL mode: readers never wait for the writer;
it needs every process on one host, so never put the file on a network filesystem).
Nothing personal is stored: a room's code, its host token and times; per answer the question
id, the option id and a random participant id (``new_participant_id``).

An expired room keeps answering ``RoomError("expired")``: ``purge_expired`` deletes its answers
and reveals at once but keeps its code and times for another ``TOMBSTONE_SECONDS``, so the
message stays clear (and the code is not handed out again) until then.
"""

import contextlib
import functools
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "GRADIENT_LAB_ROOMS_DB"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "rooms.sqlite3"
ROOM_TTL_SECONDS = 12 * 3600
TOMBSTONE_SECONDS = 12 * 3600  # how long an expired room's code still says "expired"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 6
MAX_OPEN_ROOMS = 1000
MAX_ANSWERS_PER_QUESTION = 300
MAX_ANSWERS_PER_ROOM = 3000
BUSY_TIMEOUT_SECONDS = 5.0

KINDS = ("malformed", "unknown", "expired", "full", "question_full", "not_host",
         "bad_question", "bad_option", "bad_participant", "server_full")
_QUESTION = re.compile(r"[a-z0-9_.]{1,64}")
_OPTION = re.compile(r"[a-z0-9_]{1,32}")
_PARTICIPANT = re.compile(r"[0-9a-f]{32}")
_SEPARATORS = re.compile(r"[\s\-]+")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (
    code TEXT PRIMARY KEY,
    host_token TEXT NOT NULL,
    created REAL NOT NULL,
    expires REAL NOT NULL,
    purged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS rooms_expires ON rooms (expires);
CREATE TABLE IF NOT EXISTS answers (
    code TEXT NOT NULL,
    question TEXT NOT NULL,
    participant TEXT NOT NULL,
    option TEXT NOT NULL,
    PRIMARY KEY (code, question, participant)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS answers_option ON answers (code, question, option);
CREATE INDEX IF NOT EXISTS answers_participant ON answers (code, participant);
CREATE TABLE IF NOT EXISTS reveals (
    code TEXT NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (code, question)
) WITHOUT ROWID;
"""


class RoomError(ValueError):
    """A room call that cannot be served; ``kind`` says why (one of ``KINDS``)."""

    def __init__(self, kind: str, detail: str = ""):
        assert kind in KINDS, kind
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


@dataclass(frozen=True)
class Room:
    code: str
    host_token: str
    created: float
    expires: float


def normalise_code(raw: str) -> str:
    """``raw`` as a room code: spaces and dashes dropped, upper case; else RoomError malformed."""
    if not isinstance(raw, str):
        raise RoomError("malformed", "not a string")
    code = _SEPARATORS.sub("", raw.strip())
    if not code.isascii():  # "ſ".upper() == "S": only ASCII letters may change case
        raise RoomError("malformed", "not ASCII")
    code = code.upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise RoomError("malformed", f"not {CODE_LENGTH} characters of {CODE_ALPHABET}")
    return code


def new_participant_id() -> str:
    """A random participant id: 32 lowercase hex digits, nothing personal."""
    return secrets.token_hex(16)


def _check(pattern: re.Pattern, value: object, kind: str) -> str:
    if not isinstance(value, str) or pattern.fullmatch(value) is None:
        raise RoomError(kind, repr(value)[:80])
    return value


def default_path() -> Path:
    """The database file: ``$GRADIENT_LAB_ROOMS_DB``, else ``data/rooms.sqlite3`` beside the app."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_PATH


class RoomStore:
    """Rooms, answers and reveals in one SQLite file; every method is one short transaction."""

    def __init__(self, path: str | os.PathLike | None = None,
                 clock: Callable[[], float] = time.time):
        self.path = Path(path) if path is not None else default_path()
        self.clock = clock
        self._write_lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # This connection stays open, idle, for the store's life: while one connection is
        # open, closing the per-call ones does not checkpoint and delete the WAL file every
        # time (1-2 ms of disk per call measured on ext4).
        self._keeper = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS,
                                       isolation_level=None, check_same_thread=False)
        mode = self._keeper.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            self._keeper.close()
            raise sqlite3.OperationalError(f"{self.path}: journal mode {mode}, not WAL")
        self._keeper.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the idle connection (the store still works; calls just cost more)."""
        self._keeper.close()

    @contextlib.contextmanager
    def _transaction(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A fresh connection in one transaction (IMMEDIATE for writes), committed on success."""
        # Writers of one process queue on a lock (woken in turn) rather than in SQLite's busy
        # handler, which polls with sleeps of up to 100 ms; other processes still use it.
        with self._write_lock if write else contextlib.nullcontext():
            yield from self._connected(write)

    def _connected(self, write: bool) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            con.execute("PRAGMA synchronous=NORMAL")  # WAL: durable except on power loss
            con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def _open_room(self, con: sqlite3.Connection, raw_code: str) -> Room:
        code = normalise_code(raw_code)
        row = con.execute("SELECT code, host_token, created, expires FROM rooms WHERE code = ?",
                          (code,)).fetchone()
        if row is None:
            raise RoomError("unknown", code)
        room = Room(*row)
        if room.expires <= self.clock():
            raise RoomError("expired", code)
        return room

    def create_room(self) -> Room:
        """A new room with a random unused code and host token; purges expired rooms first."""
        self.purge_expired()
        now = self.clock()
        with self._transaction(write=True) as con:
            (open_rooms,) = con.execute("SELECT COUNT(*) FROM rooms WHERE expires > ?",
                                        (now,)).fetchone()
            if open_rooms >= MAX_OPEN_ROOMS:
                raise RoomError("server_full", f"{open_rooms} open rooms")
            while True:
                code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                room = Room(code, secrets.token_urlsafe(16), now, now + ROOM_TTL_SECONDS)
                with contextlib.suppress(sqlite3.IntegrityError):  # taken: draw again
                    con.execute("INSERT INTO rooms (code, host_token, created, expires) "
                                "VALUES (?, ?, ?, ?)", (room.code, room.host_token,
                                                        room.created, room.expires))
                    return room

    def room(self, code: str) -> Room:
        """The open room ``code``; RoomError malformed, unknown or expired."""
        with self._transaction() as con:
            return self._open_room(con, code)

    def is_host(self, code: str, token: str | None) -> bool:
        """Whether ``token`` is the room's host token (constant time); room errors as ``room``."""
        room = self.room(code)
        if not isinstance(token, str):
            return False
        return hmac.compare_digest(room.host_token.encode(), token.encode())

    def answer(self, code: str, question: str, participant: str, option: str) -> None:
        """Record (or change) ``participant``'s answer to ``question``.

        A new answer beyond ``MAX_ANSWERS_PER_QUESTION`` raises question_full, beyond
        ``MAX_ANSWERS_PER_ROOM`` full; changing an existing answer is always accepted.
        """
        _check(_QUESTION, question, "bad_question")
        _check(_PARTICIPANT, participant, "bad_participant")
        _check(_OPTION, option, "bad_option")
        with self._transaction(write=True) as con:
            room = self._open_room(con, code)
            key = (room.code, question, participant)
            if con.execute("UPDATE answers SET option = ? WHERE code = ? AND question = ? "
                           "AND participant = ?", (option, *key)).rowcount:
                return
            (in_question,) = con.execute("SELECT COUNT(*) FROM answers WHERE code = ? AND "
                                         "question = ?", key[:2]).fetchone()
            if in_question >= MAX_ANSWERS_PER_QUESTION:
                raise RoomError("question_full", f"{room.code} {question}")
            (in_room,) = con.execute("SELECT COUNT(*) FROM answers WHERE code = ?",
                                     key[:1]).fetchone()
            if in_room >= MAX_ANSWERS_PER_ROOM:
                raise RoomError("full", room.code)
            con.execute("INSERT INTO answers (code, question, participant, option) "
                        "VALUES (?, ?, ?, ?)", (*key, option))

    def my_answer(self, code: str, question: str, participant: str) -> str | None:
        """``participant``'s option for ``question``, or None."""
        _check(_QUESTION, question, "bad_question")
        _check(_PARTICIPANT, participant, "bad_participant")
        with self._transaction() as con:
            room = self._open_room(con, code)
            row = con.execute("SELECT option FROM answers WHERE code = ? AND question = ? AND "
                              "participant = ?", (room.code, question, participant)).fetchone()
        return None if row is None else row[0]

    def counts(self, code: str, questions: Iterable[str]) -> dict[str, dict[str, int]]:
        """``{question: {option: count}}`` for each of ``questions`` ({} where none answered)."""
        if isinstance(questions, str):
            raise TypeError("counts() takes a list of question ids, not one string")
        result = {_check(_QUESTION, q, "bad_question"): {} for q in questions}
        with self._transaction() as con:
            room = self._open_room(con, code)
            rows = con.execute("SELECT question, option, COUNT(*) FROM answers WHERE code = ? "
                               "GROUP BY question, option ORDER BY question, option",
                               (room.code,)).fetchall()
        for question, option, count in rows:
            if question in result:
                result[question][option] = count
        return result

    def participants(self, code: str) -> int:
        """How many distinct participants answered anything in the room."""
        with self._transaction() as con:
            room = self._open_room(con, code)
            return con.execute("SELECT COUNT(DISTINCT participant) FROM answers WHERE code = ?",
                               (room.code,)).fetchone()[0]

    def reveal(self, code: str, question: str, host_token: str | None) -> None:
        """Show ``question``'s answer to the room; RoomError not_host unless the host's token."""
        _check(_QUESTION, question, "bad_question")
        with self._transaction(write=True) as con:
            room = self._open_room(con, code)
            if not isinstance(host_token, str) or not hmac.compare_digest(
                    room.host_token.encode(), host_token.encode()):
                raise RoomError("not_host", room.code)
            con.execute("INSERT OR IGNORE INTO reveals (code, question) VALUES (?, ?)",
                        (room.code, question))

    def revealed(self, code: str) -> set[str]:
        """The questions the host has revealed."""
        with self._transaction() as con:
            room = self._open_room(con, code)
            rows = con.execute("SELECT question FROM reveals WHERE code = ?", (room.code,))
            return {question for (question,) in rows}

    def purge_expired(self) -> int:
        """Delete expired rooms' answers and reveals; return how many rooms were purged now.

        The rooms' rows stay ``TOMBSTONE_SECONDS`` longer, so their codes still say "expired".
        """
        now = self.clock()
        with self._transaction(write=True) as con:
            codes = [(c,) for (c,) in con.execute(
                "SELECT code FROM rooms WHERE expires <= ? AND purged = 0", (now,))]
            con.executemany("DELETE FROM answers WHERE code = ?", codes)
            con.executemany("DELETE FROM reveals WHERE code = ?", codes)
            con.executemany("UPDATE rooms SET purged = 1 WHERE code = ?", codes)
            con.execute("DELETE FROM rooms WHERE expires <= ?", (now - TOMBSTONE_SECONDS,))
        return len(codes)


@functools.cache
def default_store() -> RoomStore:
    """The process's store, at ``default_path()`` (read once, at the first call)."""
    return RoomStore()
