"""Server time of one rerun after a slider move (a cache miss), each page against the hello app.

    python -m bench.rerun [--values 7] [--pages chain_rule,clipping]

For each page it opens the page in AppTest, moves its first slider to ``--values`` values it
has not had (so every run misses st.cache_data), times each rerun and prints the median and
its ratio to bench/hello_app.py measured the same way in the same process. AppTest reruns
the whole script even for a slider inside a fragment, so this is the cost of a full rerun;
a fragment's saving shows in bench/latency.py and bench/load.py.
"""

import argparse
import statistics
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from scripts.browser import CHARTLESS_PAGES, PAGE_PATHS
from ui.shell import PAGES_BY_ID

ROOT = Path(__file__).resolve().parent.parent

HELLO = str(ROOT / "bench" / "hello_app.py")
TIMEOUT = 120


def unseen_values(slider, count: int) -> list:
    """``count`` slider values on its grid, none equal to the current one, stepping away from it
    (upward, then downward from the start when the top is reached)."""
    step, value = slider.step, slider.value
    up = [value + k * step for k in range(1, count + 1) if value + k * step <= slider.max]
    down = [value - k * step for k in range(1, count + 1) if value - k * step >= slider.min]
    values = (up + down)[:count]
    return [round(v, 10) if isinstance(step, float) else int(v) for v in values]


MOVED = ("depth",)  # moved where a page has it: the chain rule's section sliders come first


def time_moves(at: AppTest, count: int) -> tuple[str, float]:
    """(the slider's key, median seconds of a rerun after moving it to an unseen value).

    A page without a slider (home) is rerun with an empty st.cache_data instead.
    """
    if not at.slider:
        return "(none)", statistics.median(cold_rerun(at) for _ in range(count))
    keys = [slider.key for slider in at.slider]
    key = next((k for k in MOVED if k in keys), keys[0])  # the page's main slider, else the first
    slider = at.slider(key=key) if key else at.slider[0]
    times = []
    for value in unseen_values(slider, count):
        (at.slider(key=key) if key else at.slider[0]).set_value(value)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{key}={value}: {at.exception[0].message}")
    return key or "(unkeyed)", statistics.median(times)


def cold_rerun(at: AppTest) -> float:
    st.cache_data.clear()
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def open_page(page_id: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    if page_id != "home":
        at.switch_page(PAGES_BY_ID[page_id].path).run()
    return at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=7)
    parser.add_argument("--pages", default=",".join(p for p in PAGE_PATHS
                                                    if p not in CHARTLESS_PAGES))
    args = parser.parse_args()
    hello = AppTest.from_file(HELLO, default_timeout=TIMEOUT).run()
    _, reference = time_moves(hello, args.values)
    print(f"{'page':<16} {'slider':<10} {'rerun ms':>9} {'x hello':>8}")
    print(f"{'hello':<16} {'':<10} {1000 * reference:>9.1f} {1.0:>8.2f}")
    for page_id in args.pages.split(","):
        key, seconds = time_moves(open_page(page_id), args.values)
        print(f"{page_id:<16} {key:<10} {1000 * seconds:>9.1f} {seconds / reference:>8.2f}",
              flush=True)


if __name__ == "__main__":
    main()
