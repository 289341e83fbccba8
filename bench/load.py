"""Load test: N concurrent Streamlit sessions against one local instance of the app.

    python -m bench.load [--sessions 30] [--interactions 10] [--page chain_rule]
                         [--think 1.0] [--settings 1000] [--timeout 600]

Each session is a real Streamlit session over the app's websocket (/_stcore/stream), driven by
a small protobuf client instead of a browser: it sends the same BackMsg the frontend sends
(`rerun_script` with the page name, the query string and the widget states) and reads the
ForwardMsgs until `script_finished`. 30 Chromium pages would swamp a 2-core machine and measure
the browsers, not the server; this client costs almost nothing, so the figures are the server's.

Phases (one server, started here on a free loopback port):
1. one session alone: page load, then `--interactions` moves of the first sidebar slider (or,
   with `--slider section`, of the first slider in a page section: a fragment rerun);
2. `--sessions` sessions at once, the same script each, every session with its own seed
   (`?seed=k`), so each run computes instead of hitting another session's st.cache_data entry
   (the worst case); with `--shared` they all use one seed, like a room following the presenter;
3. `--settings` distinct settings (the widest slider, e.g. the seed, set to 0, 1, 2, ...) to show
   that the server's memory levels off (the pages bound st.cache_data with max_entries); the
   page is opened with `--settings-query` (default: a light chain-rule setting).
It prints errors, the latency per interaction (p50/p95/max, seconds from sending the rerun to
`script_finished`: server time plus delivery, not browser rendering) for one session and for N,
and the server's resident memory (VmRSS from /proc) between phases. Everything is bounded by
`--timeout` and stops by itself.
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from scripts.browser import PAGE_PATHS, app_server

ROOT = Path(__file__).resolve().parent.parent

SIDEBAR = 1  # delta_path[0] of elements in st.sidebar (0 is the main area)
RUN_TIMEOUT = 120.0  # seconds one run may take before it counts as an error


@dataclass
class Slider:
    id: str
    low: float
    high: float
    step: float
    value: float
    integer: bool
    sidebar: bool
    fragment: str  # the fragment it reruns ("" outside any fragment)


@dataclass
class Run:
    seconds: float
    errors: list[str] = field(default_factory=list)


class Session:
    """One Streamlit session: a websocket to /_stcore/stream speaking BackMsg/ForwardMsg."""

    def __init__(self, base_url: str, page: str, query: str = ""):
        self.ws_url = base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.page, self.query = page, query
        self.sliders: dict[str, Slider] = {}
        self.ws = None

    async def __aenter__(self):
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"],
                                           max_size=None, open_timeout=30)
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def rerun(self, changes: dict[str, float] | None = None) -> Run:
        """Send a rerun with every known slider (``changes`` applied) and wait for its end.

        A slider inside a fragment reruns that fragment only, as the browser asks for it.
        """
        for slider_id, value in (changes or {}).items():
            self.sliders[slider_id].value = value
        msg = BackMsg()
        state = msg.rerun_script
        state.page_name, state.query_string = self.page, self.query
        fragments = {self.sliders[slider_id].fragment for slider_id in changes or {}}
        if len(fragments) == 1 and "" not in fragments:
            state.fragment_id = fragments.pop()
        for slider in self.sliders.values():
            widget = state.widget_states.widgets.add()
            widget.id = slider.id
            widget.double_array_value.data.append(slider.value)
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        errors = await asyncio.wait_for(self._read_until_finished(), RUN_TIMEOUT)
        return Run(time.perf_counter() - start, errors)

    async def _read_until_finished(self) -> list[str]:
        errors = []
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # a callback asked for another run (a section's keyed rerun)
                if forward.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                                   ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    errors.append(f"script_finished status {forward.script_finished}")
                return errors
            if kind == "page_not_found":
                errors.append(f"page not found: {self.page}")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                what = element.WhichOneof("type")
                if what == "exception":
                    errors.append(f"{element.exception.type}: {element.exception.message}")
                elif what == "slider":
                    self._remember(element.slider, forward.metadata.delta_path,
                                   forward.delta.fragment_id)

    def _remember(self, proto, path, fragment: str) -> None:
        if len(proto.default) != 1 or proto.id in self.sliders:  # range sliders: not moved
            return
        value = proto.value[0] if proto.value else proto.default[0]
        self.sliders[proto.id] = Slider(proto.id, proto.min, proto.max, proto.step, value,
                                        proto.data_type == proto.INT, path[0] == SIDEBAR,
                                        fragment)

    def first_slider(self, where: str) -> Slider:
        """The first slider in the sidebar, or the first one in a page section (a fragment)."""
        if where == "sidebar":
            return next(s for s in self.sliders.values() if s.sidebar)
        return next(s for s in self.sliders.values() if s.fragment)

    def widest_slider(self) -> Slider:
        return max(self.sliders.values(), key=lambda s: (s.high - s.low) / s.step)


def step_value(slider: Slider, start: float, moves: int) -> float:
    """Where ``moves`` ArrowRight presses from ``start`` end, bouncing back at the maximum."""
    span = round((slider.high - slider.low) / slider.step)
    index = round((start - slider.low) / slider.step) + moves
    index %= 2 * span
    index = index if index <= span else 2 * span - index
    return slider.low + index * slider.step


async def user(base_url: str, page: str, seed: int, interactions: int, think: float,
               where: str = "sidebar") -> dict:
    """One user: open the page, then move its first slider in the sidebar, or in a section
    (``where="section"``: a fragment rerun), one step at a time."""
    rng = random.Random(seed)
    result = {"load": None, "moves": [], "errors": []}
    try:
        async with Session(base_url, page, f"seed={seed}") as session:
            first = await session.rerun()
            result["load"] = first.seconds
            result["errors"] += first.errors
            slider = session.first_slider(where)
            start = slider.value
            for move in range(1, interactions + 1):
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
                run = await session.rerun({slider.id: step_value(slider, start, move)})
                result["moves"].append(run.seconds)
                result["errors"] += run.errors
    except (TimeoutError, OSError, websockets.WebSocketException, StopIteration) as exc:
        result["errors"].append(f"{type(exc).__name__}: {exc}")
    return result


async def crowd(base_url: str, page: str, sessions: int, interactions: int, think: float,
                first_seed: int, shared: bool = False, where: str = "sidebar") -> list[dict]:
    seeds = [first_seed if shared else first_seed + k for k in range(sessions)]
    tasks = [user(base_url, page, seed, interactions, think, where) for seed in seeds]
    return await asyncio.gather(*tasks)


async def many_settings(base_url: str, page: str, settings: int, rss, report_every: int,
                        query: str) -> tuple[list, list]:
    """Run ``settings`` distinct values of the page's widest slider in one session."""
    readings, errors = [], []
    async with Session(base_url, page, query) as session:
        errors += (await session.rerun()).errors
        slider = session.widest_slider()
        for k in range(settings):
            value = min(slider.low + k * slider.step, slider.high)
            errors += (await session.rerun({slider.id: value})).errors
            if (k + 1) % report_every == 0:
                readings.append((k + 1, rss()))
                print(f"  after {k + 1:5d} settings: server RSS {readings[-1][1]:7.1f} MiB",
                      flush=True)
    return readings, errors


def server_pid(port: int) -> int:
    """The pid of our own `streamlit run ... --server.port <port>` child."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"--server.port" in args and str(port).encode() in args:
            return int(entry.name)
    raise RuntimeError(f"no streamlit child on port {port}")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarise(label: str, results: list[dict]) -> tuple[float, list[str]]:
    moves = [m for r in results for m in r["moves"]]
    loads = [r["load"] for r in results if r["load"] is not None]
    errors = [e for r in results for e in r["errors"]]
    if not moves:
        print(f"{label}: no interaction completed, {len(errors)} errors")
        for error in sorted(set(errors))[:10]:
            print(f"  error: {error}")
        return float("nan"), errors
    print(f"{label}: {len(results)} session(s), {len(moves)} interactions, {len(errors)} errors")
    print(f"  interaction s: p50 {statistics.median(moves):.3f}  p95 {quantile(moves, 0.95):.3f}"
          f"  max {max(moves):.3f}")
    if loads:
        print(f"  page load   s: p50 {statistics.median(loads):.3f}"
              f"  p95 {quantile(loads, 0.95):.3f}  max {max(loads):.3f}")
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    return quantile(moves, 0.95), errors


async def main_async(args, base_url: str, pid: int) -> int:
    rss = lambda: rss_mib(pid) if pid else float("nan")  # noqa: E731
    page = PAGE_PATHS.get(args.page, args.page)
    print(f"server pid {pid}, page /{page}, RSS at start {rss():.1f} MiB", flush=True)
    # Warm-up: imports and first compilation, so neither pass pays them.
    await crowd(base_url, page, 1, 1, 0.0, first_seed=9000)
    print(f"RSS after warm-up {rss():.1f} MiB", flush=True)

    single = await crowd(base_url, page, 1, args.interactions, args.think, first_seed=1,
                         where=args.slider)
    p95_one, errors_one = summarise("one session", single)
    before = rss()
    many = await crowd(base_url, page, args.sessions, args.interactions, args.think,
                       first_seed=100, shared=args.shared, where=args.slider)
    p95_many, errors_many = summarise(f"{args.sessions} sessions", many)
    print(f"RSS before the crowd {before:.1f} MiB, after {rss():.1f} MiB", flush=True)
    ratio = p95_many / p95_one
    print(f"p95 ratio (N sessions / one session): {ratio:.2f}", flush=True)

    errors_settings = []
    if args.settings:
        print(f"{args.settings} distinct settings, one session:", flush=True)
        readings, errors_settings = await many_settings(
            base_url, page, args.settings, rss, max(1, args.settings // 10), args.settings_query)
        half = [mib for count, mib in readings if count >= args.settings // 2]
        print(f"  errors {len(errors_settings)}; RSS growth over the second half "
              f"{max(half) - min(half):.1f} MiB", flush=True)
    failed = errors_one or errors_many or errors_settings
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--interactions", type=int, default=10)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a session's interactions, s (0.5x-1.5x)")
    parser.add_argument("--shared", action="store_true",
                        help="every session uses the same seed (a room following the presenter:"
                             " one computes, the others hit st.cache_data)")
    parser.add_argument("--page", default="chain_rule",
                        help="page id from scripts.browser.PAGE_PATHS or a URL path")
    parser.add_argument("--app", default="app.py", help="entrypoint, e.g. bench/hello_app.py")
    parser.add_argument("--slider", choices=("sidebar", "section"), default="sidebar",
                        help="move the first sidebar slider (a full rerun) or the first slider "
                             "of a page section (a fragment rerun)")
    parser.add_argument("--settings", type=int, default=1000,
                        help="distinct settings for the memory phase (0 skips it)")
    parser.add_argument("--settings-query", default="width=16&samples=2",
                        help="query string the memory phase opens the page with (keeps runs light)")
    parser.add_argument("--timeout", type=float, default=600, help="overall limit, s")
    parser.add_argument("--url", help="measure a running deployment instead (e.g. nginx in "
                        "front of replicas, http://127.0.0.1:8080); no memory readings")
    args = parser.parse_args()
    if args.url:
        return run(args, args.url.rstrip("/"), None)
    with app_server(args.app) as base_url:
        return run(args, base_url, server_pid(int(base_url.rsplit(":", 1)[1])))


def run(args, base_url: str, pid: int | None) -> int:
    try:
        return asyncio.run(asyncio.wait_for(main_async(args, base_url, pid), args.timeout))
    except TimeoutError:
        print(f"stopped: over the overall timeout of {args.timeout:.0f} s")
        return 2


if __name__ == "__main__":
    sys.exit(main())
