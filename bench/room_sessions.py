"""Load test of a room through the app: N participants' Streamlit sessions answer the questions
of several pages into one room, as their browsers would.

    python -m bench.room_sessions [--participants 30] [--questions 10] [--think 8]

One server is started here (its room database in a temporary folder) and one room is opened
in that database. Every participant is a session over the app's websocket (the protobuf
client of bench/load.py): it opens each page with ``?room=<code>``, and for each question picks
it in the card, chooses an option (a random one) and presses "Send my answer" — one fragment
rerun of the card, as the browser sends it; while a participant thinks, its card reruns every
few seconds to poll the room, as in the browser. It prints errors (exceptions, failed runs, the
card's warnings), the latency of a send (p50/p95/max: from the BackMsg to the end of the run)
and of a poll, and checks the store: every question holds exactly one answer per participant.
"""

import argparse
import asyncio
import importlib
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load import quantile
from scripts.browser import PAGE_PATHS, app_server
from ui import room_store
from ui.i18n import t
from ui.questions.registry import QUESTIONS
from ui.room import POLL_SECONDS

RUN_TIMEOUT = 120.0


@dataclass
class Card:
    """What the last run drew of the quiz card: its fragment and its widgets' ids."""

    fragment: str = ""
    ids: dict[str, str] = field(default_factory=dict)  # user key -> widget id
    warnings: list[str] = field(default_factory=list)


class Participant:
    """One session over /_stcore/stream that answers through the room card's widgets."""

    def __init__(self, base_url: str, code: str):
        self.ws_url = base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.code = code
        self.page = ""
        self.card = Card()

    async def __aenter__(self):
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"],
                                           max_size=None, open_timeout=30)
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def open(self, page_id: str) -> list[str]:
        self.page = PAGE_PATHS[page_id]
        return await self._run([], "")

    async def answer(self, page_id: str, index: int, label: str, option_label: str
                     ) -> tuple[float, list[str]]:
        """Pick question ``index`` (a card rerun), then choose ``option_label`` and send it;
        returns (seconds of the send, errors)."""
        pick = self.card.ids[f"quiz_pick_{page_id}"]
        errors = await self._run([_strings(pick, [str(index + 1)])], self.card.fragment)
        radio = self.card.ids.get(f"quiz_{page_id}_{label}")
        send = self.card.ids.get(f"quiz_send_{page_id}")
        if radio is None or send is None:
            return 0.0, errors + [f"{page_id}.{label}: no radio or send button drawn"]
        states = [_strings(pick, [str(index + 1)]), _string(radio, option_label),
                  _trigger(send)]
        start = time.perf_counter()
        errors += await self._run(states, self.card.fragment)
        return time.perf_counter() - start, errors + self.card.warnings

    async def poll(self, page_id: str, index: int) -> tuple[float, list[str]]:
        """The card's timed rerun (``st.fragment(run_every=...)``), as the browser asks for it
        every few seconds; returns (seconds, errors)."""
        pick = self.card.ids[f"quiz_pick_{page_id}"]
        start = time.perf_counter()
        errors = await self._run([_strings(pick, [str(index + 1)])], self.card.fragment,
                                 auto=True)
        return time.perf_counter() - start, errors

    async def _run(self, states: list, fragment: str, auto: bool = False) -> list[str]:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.page_name, rerun.query_string = self.page, f"room={self.code}"
        rerun.is_auto_rerun = auto
        if fragment:
            rerun.fragment_id = fragment
        for state in states:
            rerun.widget_states.widgets.add().CopyFrom(state)
        await self.ws.send(msg.SerializeToString())
        return await asyncio.wait_for(self._read(), RUN_TIMEOUT)

    async def _read(self) -> list[str]:
        errors, card = [], Card(fragment=self.card.fragment, ids=dict(self.card.ids))
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if forward.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                                   ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    errors.append(f"script_finished status {forward.script_finished}")
                self.card = card
                return errors
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._note(forward, card, errors)

    @staticmethod
    def _note(forward, card: Card, errors: list[str]) -> None:
        element = forward.delta.new_element
        what = element.WhichOneof("type")
        if what == "exception":
            errors.append(f"{element.exception.type}: {element.exception.message}")
        elif what == "alert" and element.alert.format == element.alert.WARNING:
            card.warnings.append(element.alert.body[:120])
        proto = getattr(element, what, None) if what else None
        widget_id = getattr(proto, "id", "")
        if widget_id and "-quiz_" in widget_id:
            card.ids[widget_id.rsplit("-", 1)[1]] = widget_id
            card.fragment = forward.delta.fragment_id or card.fragment


def _strings(widget_id: str, values: list[str]):
    state = BackMsg().rerun_script.widget_states.widgets.add()
    state.id = widget_id
    state.string_array_value.data.extend(values)
    return state


def _string(widget_id: str, value: str):
    state = BackMsg().rerun_script.widget_states.widgets.add()
    state.id, state.string_value = widget_id, value
    return state


def _trigger(widget_id: str):
    state = BackMsg().rerun_script.widget_states.widgets.add()
    state.id, state.trigger_value = widget_id, True
    return state


def chosen_questions(count: int) -> list[tuple[str, int, object]]:
    """The first ``count`` questions, page by page: (page id, index in its card, question)."""
    found = [(page, index, q) for page, questions in QUESTIONS.items()
             for index, q in enumerate(questions)]
    return found[:count]


async def participant(base_url: str, code: str, questions, think: float, seed: int) -> dict:
    rng = random.Random(seed)
    result = {"sends": [], "polls": [], "errors": [], "answers": {}}
    try:
        async with Participant(base_url, code) as me:
            page = None
            for page_id, index, question in questions:
                if page_id != page:
                    result["errors"] += await me.open(page_id)
                    page = page_id
                pause = think * rng.uniform(0.5, 1.5)
                while pause > POLL_SECONDS:  # thinking: the card polls the room meanwhile
                    await asyncio.sleep(POLL_SECONDS)
                    pause -= POLL_SECONDS
                    seconds, errors = await me.poll(page_id, index)
                    result["polls"].append(seconds)
                    result["errors"] += errors
                await asyncio.sleep(pause)
                option = rng.choice(question.options)
                label = t(f"q.{page_id}.{question.id}.{option}", "en",
                          **_prompt_values(page_id, question))
                seconds, errors = await me.answer(page_id, index, question.id, label)
                result["sends"].append(seconds)
                result["errors"] += errors
                result["answers"][f"{page_id}.{question.id}"] = option
    except (TimeoutError, OSError, websockets.WebSocketException, KeyError) as exc:
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    return result


def _prompt_values(page_id: str, question) -> dict:
    """The option labels' placeholders at the page's default settings (what a link opens)."""
    if question.prompt_values is None:
        return {}
    table = importlib.import_module(f"ui.tables.{page_id}").TABLE
    return question.prompt_values(question.scenario(table, {}), "en")


def check_store(store, code: str, results: list[dict]) -> list[str]:
    """Every participant's last answer is in the room, once."""
    expected: dict[str, dict[str, int]] = {}
    for result in results:
        for key, option in result["answers"].items():
            expected.setdefault(key, {}).setdefault(option, 0)
            expected[key][option] += 1
    found = store.counts(code, list(expected))
    return [f"{key}: stored {found[key]}, sent {expected[key]}"
            for key in expected if found[key] != expected[key]]


async def crowd(base_url: str, store, participants: int, questions: int, think: float
                ) -> dict:
    """A warm-up participant in a room of its own, then ``participants`` at once in a fresh
    room; {"questions", "sends", "errors" (incl. the store check), "wall"}."""
    chosen = chosen_questions(questions)
    # warm-up: imports and the pages' first computations, so the crowd measures the room
    await participant(base_url, store.create_room().code, chosen, 0.0, seed=-1)
    code = store.create_room().code
    start = time.perf_counter()
    results = await asyncio.gather(*(participant(base_url, code, chosen, think, seed)
                                     for seed in range(participants)))
    return {"questions": chosen, "wall": time.perf_counter() - start,
            "sends": [s for r in results for s in r["sends"]],
            "polls": [s for r in results for s in r["polls"]],
            "errors": [e for r in results for e in r["errors"]]
            + check_store(store, code, results)}


async def main_async(args, base_url: str, store) -> int:
    found = await crowd(base_url, store, args.participants, args.questions, args.think)
    sends, errors = found["sends"], found["errors"]
    pages = sorted({page for page, _, _ in found["questions"]})
    print(f"{args.participants} participants x {len(found['questions'])} questions on "
          f"{len(pages)} pages ({', '.join(pages)}), think {args.think} s: {len(sends)} sends "
          f"in {found['wall']:.1f} s")
    if sends:
        print(f"  send s: p50 {statistics.median(sends):.3f}  p95 {quantile(sends, 0.95):.3f}"
              f"  max {max(sends):.3f}")
    if found["polls"]:
        polls = found["polls"]
        print(f"  {len(polls)} polls of the card (every {POLL_SECONDS:g} s while thinking): "
              f"p50 {statistics.median(polls):.3f}  p95 {quantile(polls, 0.95):.3f}")
    print(f"  errors: {len(errors)}")
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--think", type=float, default=8.0,
                        help="mean pause before each answer, s (0.5x-1.5x); the card polls "
                             "the room meanwhile")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "rooms.sqlite3"
        os.environ[room_store.ENV_VAR] = str(db)  # the server inherits it
        store = room_store.RoomStore(db)
        with app_server() as base_url:
            try:
                return asyncio.run(asyncio.wait_for(main_async(args, base_url, store),
                                                    args.timeout))
            except TimeoutError:
                print(f"stopped: over the overall timeout of {args.timeout:.0f} s")
                return 2


if __name__ == "__main__":
    sys.exit(main())
