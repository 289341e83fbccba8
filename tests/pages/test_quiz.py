"""The predict-then-check card and the room poll, in AppTest (chain-rule page).

Alone: the card is off until turned on; a question about what the page shows at the current
settings blurs the page below the card until checked, then outlines the chart that answers
it; checking says right or wrong with the computed option; "show it" sets the controls.
In a room (a temporary SQLite file): participants' answers reach the presenter's chart, the
reveal reaches the participants, and bad, unknown, expired and full rooms each say so without
losing other answers.
"""

import pytest

import ui.room_store as room_store
from tests.apptest import chart_datasets, charts, open_page
from ui.questions.chain_rule import QUESTIONS
from ui.room_store import RoomStore, default_store

PAGE = "pages/1_chain_rule.py"
LIGHT = {"width": "16", "samples": "2"}  # the card, not the page's speed, is under test
KEYS = {q.id: f"chain_rule.{q.id}" for q in QUESTIONS}


@pytest.fixture(autouse=True)
def rooms_db(tmp_path, monkeypatch):
    """Every test gets its own room database (the app's store reads the variable once)."""
    monkeypatch.setenv(room_store.ENV_VAR, str(tmp_path / "rooms.sqlite3"))
    default_store.cache_clear()
    yield
    default_store.cache_clear()


def blur_styles(at) -> list[str]:
    return [el.proto.body for el in at.get("html") if "blur(" in el.proto.body]


def outlined(at) -> list[str]:
    """The charts the card outlines (the ones that show the answer)."""
    return [body.split(".st-key-gl-chart-")[1].split()[0] for body in
            (el.proto.body for el in at.get("html")) if ".st-key-gl-chart-" in body]


def texts(at, kind: str) -> list[str]:
    return [el.value for el in getattr(at, kind)]


def pick(at, index: int) -> None:
    at.get("button_group")[0].set_value(index).run()


def test_the_card_is_off_until_turned_on_and_blurs_only_then():
    at = open_page(PAGE, LIGHT)
    assert not at.exception
    assert not [r for r in at.radio if r.key.startswith("quiz_")] and not blur_styles(at)
    at.toggle(key="quiz_on_chain_rule").set_value(True).run()
    pick(at, 2)  # the factor question: about the current settings' factor chart
    assert not at.exception
    assert blur_styles(at) and not outlined(at)
    radio = at.radio(key="quiz_chain_rule_factor")
    radio.set_value("weights").run()
    at.button(key="quiz_check_chain_rule").click().run()
    assert not at.exception
    assert texts(at, "error") == ["Not quite: the computation says the activation's part "
                                  "E[φ′(z)²]."]
    assert not blur_styles(at)  # answered: the page shows
    assert outlined(at) == ["factor_split"]  # and points at the chart that answers it
    at.radio(key="quiz_chain_rule_factor").set_value("both").run()
    assert not texts(at, "error") and not texts(at, "success")  # a new choice is checked anew
    assert not blur_styles(at)  # the chart, once seen, stays in view
    at.radio(key="quiz_chain_rule_factor").set_value("weights").run()
    assert any(m.startswith("Measured: weights ") for m in texts(at, "markdown"))


def test_a_right_answer_then_show_it_sets_the_controls():
    at = open_page(PAGE, LIGHT)
    at.toggle(key="quiz_on_chain_rule").set_value(True).run()
    assert not blur_styles(at)  # depth 100 is not on screen yet: nothing to hide
    at.radio(key="quiz_chain_rule_depth_100").set_value("beyond_1e12").run()
    at.button(key="quiz_check_chain_rule").click().run()
    assert texts(at, "success") == ["Right: more than 10¹²×."]
    at.button(key="quiz_show_chain_rule").click().run()
    assert not at.exception
    assert (at.slider(key="depth").value, at.slider(key="gain").value) == (100, 1.5)
    assert not [b for b in at.button if b.key == "quiz_show_chain_rule"]  # now on screen


def test_chinese_card():
    at = open_page(PAGE, {**LIGHT, "lang": "zh"})
    at.toggle(key="quiz_on_chain_rule").set_value(True).run()
    at.radio(key="quiz_chain_rule_depth_100").set_value("under_10").run()
    at.button(key="quiz_check_chain_rule").click().run()
    assert texts(at, "error") == ["不对：计算结果是超过 10¹² 倍。"]


def room_page(code: str, **params) -> object:
    return open_page(PAGE, {**LIGHT, "room": code, **params})


def poll_chart(at):
    found = [c for c in charts(at) if "answers" in chart_datasets(c)]
    assert len(found) == 1
    return chart_datasets(found[0])["answers"]


def test_a_room_from_answers_to_reveal():
    room = default_store().create_room()
    host = room_page(room.code, host=room.host_token, present="1")
    alice, bob = room_page(room.code), room_page(room.code.lower(), lang="zh")
    for at in (host, alice, bob):
        assert not at.exception
    assert not blur_styles(alice) and not [r for r in host.radio if r.key.startswith("quiz_")]
    assert set(poll_chart(host)["count"]) == {0}
    alice.radio(key="quiz_chain_rule_depth_100").set_value("beyond_1e12").run()
    alice.button(key="quiz_send_chain_rule").click().run()
    bob.radio(key="quiz_chain_rule_depth_100").set_value("under_10").run()
    bob.button(key="quiz_send_chain_rule").click().run()
    bob.radio(key="quiz_chain_rule_depth_100").set_value("up_to_1e4").run()
    bob.button(key="quiz_send_chain_rule").click().run()  # changed, not counted twice
    assert any("已发送" in c for c in texts(bob, "caption"))
    host.run()
    counts = poll_chart(host).set_index("option")["count"].to_dict()
    assert counts == {"under_10": 0, "up_to_1e4": 1, "up_to_1e12": 0, "beyond_1e12": 1}
    assert set(poll_chart(host)["state"]) == {"hidden"}
    assert "chain_rule.depth_100" not in default_store().revealed(room.code)
    host.button(key="quiz_reveal_chain_rule").click().run()
    assert poll_chart(host).set_index("option")["state"]["beyond_1e12"] == "correct"
    alice.run()
    bob.run()
    assert texts(alice, "success") == ["Right: more than 10¹²×."]
    assert texts(bob, "error") == ["不对：计算结果是超过 10¹² 倍。"]
    assert alice.radio(key="quiz_chain_rule_depth_100").disabled


def test_a_participant_cannot_reveal_and_the_link_carries_no_host_token():
    room = default_store().create_room()
    guest = room_page(room.code, host="not-the-token", present="1")
    assert not [b for b in guest.button if b.key == "quiz_reveal_chain_rule"]
    assert guest.query_params.get("host") in (None, [])
    shared = [c.value for c in guest.code if "room=" in c.value]
    assert shared and all(room.code in link and room.host_token not in link for link in shared)


@pytest.mark.parametrize(("code", "message"), [
    ("xyz", "is not a room code"),
    ("ABCDEF", "There is no room ABCDEF"),
    ("[x](http://example.com)", "“xhttpexample” is not a room code"),
])
def test_bad_room_codes_open_the_page_with_a_notice(code, message):
    at = room_page(code)
    assert not at.exception
    assert any(message in w for w in texts(at, "warning"))
    assert charts(at)  # the page itself is there
    assert not [b for b in at.button if b.key == "room_leave"]


def test_an_expired_room_says_so():
    past = RoomStore(clock=lambda: 0.0).create_room()  # created at t=0: long expired now
    at = room_page(past.code)
    assert any("has expired" in w for w in texts(at, "warning"))


def test_a_full_room_says_so_and_keeps_the_answers(monkeypatch):
    monkeypatch.setattr(room_store, "MAX_ANSWERS_PER_ROOM", 1)
    room = default_store().create_room()
    first, second = room_page(room.code), room_page(room.code)
    for at, option in ((first, "under_10"), (second, "beyond_1e12")):
        at.radio(key="quiz_chain_rule_depth_100").set_value(option).run()
        at.button(key="quiz_send_chain_rule").click().run()
    assert any("is full" in w for w in texts(second, "warning"))
    assert default_store().counts(room.code, [KEYS["depth_100"]]) == {
        KEYS["depth_100"]: {"under_10": 1}}


def test_presenter_opens_and_leaves_a_room():
    at = open_page(PAGE, {**LIGHT, "present": "1"})
    at.button(key="room_open").click().run()
    assert not at.exception
    code = at.query_params["room"][0] if isinstance(at.query_params["room"], list) \
        else at.query_params["room"]
    assert default_store().room(code).code == code
    assert [b for b in at.button if b.key == "quiz_reveal_chain_rule"]
    at.button(key="room_leave").click().run()
    assert not [b for b in at.button if b.key == "quiz_reveal_chain_rule"]
