"""Start the app on a free local port and drive Debian's Chromium: shared by the browser
tests, the screenshot script and the latency benchmark."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
# The page has finished a run; wait for an element inside it (the state flips before the
# elements exist: GUIDE §4).
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
MARKS = "svg.marks, canvas.marks"  # a chart's drawing (inner <g class="marks"> groups excluded)
INSTALL_HINT = "install it with: apt-get install -y chromium fonts-noto-cjk"

# URL path of each page (Streamlit strips the number prefix of pages/N_name.py).
PAGE_PATHS = {"home": "", "chain_rule": "chain_rule", "clipping": "gradient_clipping",
              "weight_clipping": "weight_clipping", "descent": "gradient_descent",
              "explosion": "explosion_vs_vanishing", "training": "training_lab",
              "explanations": "explanations", "walkthrough": "walkthrough"}


def chromium_path() -> str | None:
    """Debian's Chromium, or $CHROMIUM if set; None when neither exists."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(port: int, timeout: float = 60.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit on port {port} was not healthy within {timeout:.0f} s")


@contextmanager
def app_server(app: str = "app.py", cwd: Path = ROOT):
    """`streamlit run app` on a free loopback port; yields the base URL; stops it by its pid."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", app, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    server = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        wait_healthy(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def launch(playwright):
    """Headless Debian Chromium, with the flags this machine's closed network needs."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def page_url(base: str, page_id: str, query: str = "") -> str:
    return f"{base}/{PAGE_PATHS[page_id]}" + (f"?{query}" if query else "")


# Pages without a chart (the others all have at least one).
CHARTLESS_PAGES = ("walkthrough",)


def wait_for_page(page, timeout_ms: int = 30000, settle_ms: int = 400, charts: bool = True
                  ) -> None:
    """Wait until the run finished and every chart has drawn its marks.

    The elements arrive after the run state flips, so wait for a chart (unless ``charts`` is
    False), then until the number of drawn charts stops changing.
    """
    page.wait_for_selector(f"{READY} h1", timeout=timeout_ms)
    if charts:
        page.wait_for_selector(f"{READY} [data-testid='stVegaLiteChart'] :is({MARKS})",
                               timeout=timeout_ms)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    seen = -1
    while seen != charts.count():
        seen = charts.count()
        for index in range(seen):
            charts.nth(index).locator(MARKS).wait_for(timeout=timeout_ms)
        page.wait_for_timeout(settle_ms)

# Each page at its heaviest settings (the e2e extremes test and the latency benchmark use these).
HEAVY_QUERIES: dict[str, str] = {
    "chain_rule": "depth=200&width=512&samples=32&gain=4&act=tanh",
    "clipping": "depth=40&width=64&gain=3&steps=200&lr=2",
    "weight_clipping": "depth=100&width=256&gain=2&act=tanh&data=spirals",
    "descent": "lam=10&eta=2&k=100&L=50&mu=0.1&k2=200&eta0=4&k3=1000",
    "explosion": "l_depth=100&r_depth=100&width=128&l_act=tanh&l_bn=true&l_res=true"
                 "&l_clip=true&r_bn=true&r_res=true&r_clip=true",
    "training": "depth=16&width=64&steps=2000&act=sigmoid&opt=adam&bn=true&res=true&cmp=true",
    "explanations": "depth=8&width=64&steps=1000&clip=true",
}
