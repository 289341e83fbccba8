"""Screenshots of every page, English and Chinese, at a laptop and a projector size.

    python scripts/screenshots.py [--out docs/screenshots] [--pages chain_rule,clipping] [--query "depth=200"]

Starts `streamlit run app.py` on a free port, drives Debian's Chromium (/usr/bin/chromium)
with Playwright, and writes <page>-<lang>-<width>.png files.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"home": "", "chain_rule": "chain_rule", "clipping": "gradient_clipping",
         "weight_clipping": "weight_clipping", "descent": "gradient_descent",
         "explosion": "explosion_vs_vanishing"}
SIZES = {"laptop": (1366, 2400), "projector": (1920, 2600)}
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as answer:
                if answer.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


def wait_for_charts(page, timeout_ms: int = 30000) -> None:
    page.wait_for_selector(f"{READY} h1", timeout=timeout_ms)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    for index in range(charts.count()):
        charts.nth(index).locator(".marks").wait_for(timeout=timeout_ms)
    page.wait_for_timeout(800)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--langs", default="en,zh")
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--query", default="")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size in args.sizes.split(","):
                width, height = SIZES[size]
                page = browser.new_page(viewport={"width": width, "height": height})
                for page_id in args.pages.split(","):
                    for lang in args.langs.split(","):
                        query = "&".join(q for q in (args.query, "lang=zh" if lang == "zh" else "")
                                         if q)
                        url = f"http://127.0.0.1:{port}/{PAGES[page_id]}" + (f"?{query}" if query
                                                                               else "")
                        page.goto(url)
                        wait_for_charts(page)
                        path = out / f"{page_id}-{lang}-{size}.png"
                        page.screenshot(path=str(path))
                        print(path)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
