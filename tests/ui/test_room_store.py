"""The room poll's storage (ui/room_store.py): codes, expiry, one answer per participant, caps,
validation, the host's reveal, two stores on one file, and answers from many processes."""

import re
import sqlite3
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import room_load
from ui import room_store
from ui.room_store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ROOM_TTL_SECONDS,
    TOMBSTONE_SECONDS,
    RoomError,
    RoomStore,
    new_participant_id,
    normalise_code,
)

T0 = 1_800_000_000.0
P1, P2, P3, P4 = (f"{k:032x}" for k in (1, 2, 3, 4))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    return RoomStore(tmp_path / "rooms.sqlite3", clock=clock)


def kind_of(call, *args) -> str:
    with pytest.raises(RoomError) as info:
        call(*args)
    return info.value.kind


# Codes ------------------------------------------------------------------------------------

valid_codes = st.text(alphabet=CODE_ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH)
separators = st.text(alphabet=" -\t", max_size=3)


@given(valid_codes, st.lists(st.booleans(), min_size=CODE_LENGTH, max_size=CODE_LENGTH),
       st.lists(separators, min_size=CODE_LENGTH + 1, max_size=CODE_LENGTH + 1))
def test_every_valid_code_is_accepted_in_any_case_with_spaces(code, lower, gaps):
    shown = [c.lower() if low else c for c, low in zip(code, lower, strict=True)]
    raw = gaps[0] + "".join(c + gap for c, gap in zip(shown, gaps[1:], strict=True))
    assert normalise_code(raw) == code


def oracle(raw: str) -> str | None:
    """The code ``raw`` names, from the rule written out plainly, or None."""
    kept = "".join(c for c in raw if not c.isspace() and c != "-")
    if len(kept) != CODE_LENGTH or not all(c in CODE_ALPHABET + CODE_ALPHABET.lower()
                                           for c in kept):
        return None
    return kept.upper()


near_codes = st.text(alphabet=CODE_ALPHABET + "abcxyz0OoIiLl1_.-  \u00a0ſéß", max_size=10)


@given(st.one_of(near_codes, st.text(max_size=12)))
def test_normalise_code_accepts_exactly_the_valid_codes(raw):
    expected = oracle(raw)
    if expected is None:
        assert kind_of(normalise_code, raw) == "malformed"
    else:
        assert normalise_code(raw) == expected


@pytest.mark.parametrize("raw", ["", "ABCDE", "ABCDEFG", "ABCDE0", "abcdeo", "ABCDE1", "ABCDEI",
                                 "abcdel", "ABC_DE", "ABC.DE", "ſABCDE", "ＡBCDEF", None, 123456])
def test_malformed_codes(raw):
    assert kind_of(normalise_code, raw) == "malformed"


def test_codes_of_new_rooms_are_valid_and_distinct(store):
    codes = [store.create_room().code for _ in range(50)]
    assert len(set(codes)) == 50
    assert all(normalise_code(code) == code for code in codes)


def test_participant_ids_are_random_hex():
    ids = {new_participant_id() for _ in range(100)}
    assert len(ids) == 100 and all(re.fullmatch(r"[0-9a-f]{32}", p) for p in ids)


# Rooms and expiry -------------------------------------------------------------------------

def test_a_room_is_found_by_its_code_in_any_form(store, clock):
    room = store.create_room()
    assert room.created == T0 and room.expires == T0 + ROOM_TTL_SECONDS
    assert len(room.host_token) >= 20
    spaced = " " + room.code[:3].lower() + "-" + room.code[3:] + " "
    assert store.room(spaced) == room
    unused = next(c * CODE_LENGTH for c in CODE_ALPHABET if c * CODE_LENGTH != room.code)
    assert kind_of(store.room, unused) == "unknown"
    assert kind_of(store.room, "nope") == "malformed"


def rows(store, table: str, code: str) -> int:
    with sqlite3.connect(store.path) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table} WHERE code = ?", (code,)).fetchone()[0]


def test_a_room_expires_after_12_hours_and_purge_deletes_its_answers(store, clock):
    old = store.create_room()
    store.answer(old.code, "q1", P1, "a")
    store.reveal(old.code, "q1", old.host_token)
    clock.now = T0 + ROOM_TTL_SECONDS - 1
    assert store.room(old.code) == old
    young = store.create_room()  # purges nothing yet
    store.answer(young.code, "q1", P1, "b")
    assert rows(store, "answers", old.code) == 1
    clock.now = T0 + ROOM_TTL_SECONDS
    for call, args in [(store.room, ()), (store.answer, ("q1", P2, "a")),
                       (store.counts, (["q1"],)), (store.participants, ()),
                       (store.revealed, ()), (store.is_host, (old.host_token,))]:
        assert kind_of(call, old.code, *args) == "expired"
    assert store.purge_expired() == 1
    assert rows(store, "answers", old.code) == 0 and rows(store, "reveals", old.code) == 0
    assert store.purge_expired() == 0
    assert kind_of(store.room, old.code) == "expired"  # the code still says why
    assert store.counts(young.code, ["q1"]) == {"q1": {"b": 1}}  # the other room keeps its own
    clock.now = T0 + ROOM_TTL_SECONDS + TOMBSTONE_SECONDS
    store.purge_expired()
    assert kind_of(store.room, old.code) == "unknown"


def test_create_room_purges_expired_rooms_first(store, clock):
    old = store.create_room()
    store.answer(old.code, "q1", P1, "a")
    clock.now += ROOM_TTL_SECONDS + 1
    store.create_room()
    assert rows(store, "answers", old.code) == 0


# Answers ----------------------------------------------------------------------------------

def test_one_answer_per_participant_per_question_and_changing_it(store):
    code = store.create_room().code
    store.answer(code, "q1", P1, "a")
    store.answer(code, "q1", P2, "a")
    store.answer(code, "q2", P1, "c")
    assert store.counts(code, ["q1", "q2", "q3"]) == {"q1": {"a": 2}, "q2": {"c": 1}, "q3": {}}
    store.answer(code.lower(), "q1", P1, "b")  # a change replaces the answer
    store.answer(code, "q1", P1, "b")  # the same answer again changes nothing
    assert store.counts(code, ["q1"]) == {"q1": {"a": 1, "b": 1}}
    assert store.my_answer(code, "q1", P1) == "b" and store.my_answer(code, "q1", P3) is None
    assert store.participants(code) == 2
    other = store.create_room().code
    assert store.counts(other, ["q1"]) == {"q1": {}} and store.participants(other) == 0
    with pytest.raises(TypeError):
        store.counts(code, "q1")


def test_a_full_question_or_room_refuses_new_answers_and_keeps_the_others(store, monkeypatch):
    monkeypatch.setattr(room_store, "MAX_ANSWERS_PER_QUESTION", 2)
    monkeypatch.setattr(room_store, "MAX_ANSWERS_PER_ROOM", 3)
    code = store.create_room().code
    store.answer(code, "q1", P1, "a")
    store.answer(code, "q1", P2, "b")
    assert kind_of(store.answer, code, "q1", P3, "a") == "question_full"
    store.answer(code, "q1", P2, "a")  # a change is always accepted
    store.answer(code, "q2", P3, "c")
    assert kind_of(store.answer, code, "q3", P4, "a") == "full"
    assert kind_of(store.answer, code, "q2", P4, "a") == "full"
    store.answer(code, "q2", P3, "d")
    assert store.counts(code, ["q1", "q2", "q3"]) == {"q1": {"a": 2}, "q2": {"d": 1}, "q3": {}}
    assert store.my_answer(code, "q1", P3) is None and store.participants(code) == 3
    assert store.counts(store.create_room().code, ["q1"]) == {"q1": {}}  # caps are per room
    store.answer(store.create_room().code, "q1", P3, "a")


def test_a_full_server_refuses_new_rooms_until_some_expire(store, clock, monkeypatch):
    monkeypatch.setattr(room_store, "MAX_OPEN_ROOMS", 2)
    first = store.create_room()
    store.create_room()
    assert kind_of(store.create_room) == "server_full"
    assert store.room(first.code) == first
    clock.now += ROOM_TTL_SECONDS
    store.create_room()


@pytest.mark.parametrize("question, participant, option, kind", [
    ("Q1", P1, "a", "bad_question"), ("", P1, "a", "bad_question"),
    ("q" * 65, P1, "a", "bad_question"), ("q-1", P1, "a", "bad_question"),
    (None, P1, "a", "bad_question"),
    ("q1", P1, "A", "bad_option"), ("q1", P1, "a" * 33, "bad_option"),
    ("q1", P1, "a.b", "bad_option"), ("q1", P1, "", "bad_option"),
    ("q1", "xyz", "a", "bad_participant"), ("q1", P1.upper().replace("0", "A"), "a",
                                            "bad_participant"),
    ("q1", P1[:-1], "a", "bad_participant"), ("q1", P1 + "\n", "a", "bad_participant"),
])
def test_bad_input_is_refused_by_kind_and_writes_nothing(store, question, participant, option,
                                                         kind):
    code = store.create_room().code
    assert kind_of(store.answer, code, question, participant, option) == kind
    assert rows(store, "answers", code) == 0
    store.answer(code, "a.b_c.9" + "x" * 57, P1, "opt_1" + "z" * 27)  # the limits themselves
    assert rows(store, "answers", code) == 1


def test_bad_codes_are_refused_by_kind(store):
    for code, kind in [("O0I1L!", "malformed"), ("AAAAAA", "unknown")]:
        for call, args in [(store.answer, ("q1", P1, "a")), (store.my_answer, ("q1", P1)),
                           (store.counts, (["q1"],)), (store.reveal, ("q1", "x"))]:
            assert kind_of(call, code, *args) == kind


# Host and reveal --------------------------------------------------------------------------

def test_only_the_host_token_reveals(store):
    room = store.create_room()
    assert store.is_host(room.code.lower(), room.host_token)
    for wrong in [None, "", room.host_token[:-1], room.host_token + "x", "é"]:
        assert not store.is_host(room.code, wrong)
        assert kind_of(store.reveal, room.code, "q1", wrong) == "not_host"
    assert store.revealed(room.code) == set()
    store.reveal(room.code, "q1", room.host_token)
    store.reveal(room.code, "q1", room.host_token)  # idempotent
    store.reveal(room.code, "q2", room.host_token)
    assert store.revealed(room.code) == {"q1", "q2"}
    other = store.create_room()
    assert store.revealed(other.code) == set()
    assert kind_of(store.reveal, other.code, "q1", room.host_token) == "not_host"


# Replicas and concurrency -----------------------------------------------------------------

def test_two_stores_on_one_file_share_rooms(tmp_path, clock):
    one = RoomStore(tmp_path / "shared.sqlite3", clock=clock)
    two = RoomStore(tmp_path / "shared.sqlite3", clock=clock)
    room = one.create_room()
    two.answer(room.code, "q1", P1, "a")
    one.answer(room.code, "q1", P2, "b")
    two.reveal(room.code, "q1", room.host_token)
    for store in (one, two):
        assert store.room(room.code) == room
        assert store.counts(room.code, ["q1"]) == {"q1": {"a": 1, "b": 1}}
        assert store.revealed(room.code) == {"q1"} and store.participants(room.code) == 2
    assert sqlite3.connect(one.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_four_processes_of_eight_threads_count_exactly(tmp_path):
    path = tmp_path / "rooms.sqlite3"
    report = room_load.run(participants=32, questions=4, replicas=4, changes=2, think=0.0,
                           seed=7, path=path)
    assert report["errors"] == [] and report["calls"] == 32 * (4 + 2)
    expected: dict[str, dict[str, int]] = {q: {} for q in room_load.question_ids(4)}
    for steps in room_load.make_plan(32, 4, 2, seed=7).values():
        last = dict(steps)  # the later of two answers to a question wins
        for question, option in last.items():
            expected[question][option] = expected[question].get(option, 0) + 1
    store = RoomStore(path)
    assert store.counts(report["code"], list(expected)) == expected
    assert sum(sum(c.values()) for c in expected.values()) == 32 * 4
    assert store.participants(report["code"]) == 32


def test_the_load_test_runs_clean_with_small_numbers():
    report = room_load.run(participants=6, questions=3, replicas=2, changes=2, think=0.01)
    assert report["errors"] == [] and report["calls"] == 6 * (3 + 2)
    assert report["counts_exact"] and report["participants_exact"] and report["answers_exact"]
    assert report["ok"] and 0 < report["p50"] <= report["p95"] <= report["max"] < 5


# Configuration and privacy ----------------------------------------------------------------

def test_default_store_reads_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(room_store.ENV_VAR, str(tmp_path / "deep" / "poll.sqlite3"))
    room_store.default_store.cache_clear()
    try:
        store = room_store.default_store()
        assert store is room_store.default_store()
        assert store.path == tmp_path / "deep" / "poll.sqlite3" and store.path.exists()
    finally:
        room_store.default_store.cache_clear()
    monkeypatch.delenv(room_store.ENV_VAR)
    assert room_store.default_path().parts[-2:] == ("data", "rooms.sqlite3")


def test_only_codes_tokens_times_and_random_ids_are_stored(store):
    with sqlite3.connect(store.path) as con:
        tables = {name: [c[1] for c in con.execute(f"PRAGMA table_info({name})")]
                  for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"rooms": ["code", "host_token", "created", "expires", "purged"],
                      "answers": ["code", "question", "participant", "option"],
                      "reveals": ["code", "question"]}
    assert set(string.hexdigits.lower()) >= set(new_participant_id())
