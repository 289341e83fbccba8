"""Interaction latency in headless Chromium, each page against a minimal reference app.

    python -m bench.latency [--trials 7] [--pages chain_rule,clipping]

For each page (at its defaults and at its heaviest settings) it measures
(1) cold load: from navigation to every chart drawn, and
(2) interaction: from an ArrowRight on the first sidebar slider to the charts redrawn,
and prints the median over trials and the ratio to bench/hello_app.py measured in the same run.
Absolute times on a shared machine are noisy; the ratios are what to compare.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import (
    CHARTLESS_PAGES,
    HEAVY_QUERIES,
    MARKS,
    PAGE_PATHS,
    READY,
    app_server,
    launch,
    page_url,
    wait_for_page,
)

ROOT = Path(__file__).resolve().parent.parent

CHART_MARKS = f"[data-testid='stVegaLiteChart'] :is({MARKS})"
MARKS_JS = ("sel => JSON.stringify([...document.querySelectorAll(sel)].map(e => "
            "e.tagName === 'CANVAS' ? e.toDataURL() : e.innerHTML))")


def cold_load(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    wait_for_page(page, settle_ms=0)
    elapsed = time.perf_counter() - start
    wait_for_page(page)  # let late elements settle before the next measurement
    return elapsed


def interaction(page) -> float:
    """Seconds from one key press on the first slider to every chart redrawn."""
    before = page.evaluate(MARKS_JS, CHART_MARKS)
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    at_max = thumb.get_attribute("value") == thumb.get_attribute("max")
    thumb.focus()
    start = time.perf_counter()
    thumb.press("ArrowLeft" if at_max else "ArrowRight")
    page.wait_for_function(
        f"([sel, old]) => ({MARKS_JS})(sel) !== old && "
        f"document.querySelector('{READY}') !== null",
        arg=[CHART_MARKS, before], timeout=30000, polling=10)
    return time.perf_counter() - start


def measure(browser, url: str, trials: int) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    loads, moves = [], []
    for _ in range(trials):
        loads.append(cold_load(page, url))
        moves.append(interaction(page))
    page.close()
    return statistics.median(loads), statistics.median(moves)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=7)
    chart_pages = [p for p in list(PAGE_PATHS)[1:] if p not in CHARTLESS_PAGES]
    parser.add_argument("--pages", default=",".join(chart_pages))
    args = parser.parse_args()
    results = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        with app_server("bench/hello_app.py") as hello:
            results["hello (reference)"] = measure(browser, hello, args.trials)
        with app_server() as base:
            for page_id in args.pages.split(","):
                results[page_id] = measure(browser, page_url(base, page_id), args.trials)
                heavy = HEAVY_QUERIES.get(page_id)
                if heavy:
                    results[f"{page_id} (heaviest)"] = measure(
                        browser, page_url(base, page_id, heavy), args.trials)
        browser.close()
    ref_load, ref_move = results["hello (reference)"]
    print(f"{'page':32} {'load s':>8} {'x ref':>6} {'interact s':>11} {'x ref':>6}")
    for name, (load, move) in results.items():
        print(f"{name:32} {load:8.3f} {load / ref_load:6.2f} {move:11.3f} {move / ref_move:6.2f}")
    print(json.dumps({k: {"load": v[0], "interaction": v[1]} for k, v in results.items()}))


if __name__ == "__main__":
    main()
