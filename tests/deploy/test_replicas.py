"""Two replicas of the app behind nginx (deploy/nginx.conf.template): sticky and distributed.

Starts two `streamlit run app.py` replicas on free loopback ports with one shared cookie secret,
renders the nginx template into a temporary directory (its own pid file, logs and temp paths)
and runs `nginx -g 'daemon off;'` on another free port. Headless Chromium then opens fresh
browser contexts through nginx until two of them landed on different replicas, renders the
chain-rule page in both, moves a slider (a rerun through the proxied websocket), and reads
nginx's access log: every request of one browser, the websocket included, went to one replica,
and the two browsers used both.

Without nginx the test skips locally and fails under CI=true (as tests/e2e does for Chromium).
"""

import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.browser import (
    INSTALL_HINT,
    MARKS,
    READY,
    ROOT,
    chromium_path,
    free_port,
    page_url,
    wait_for_page,
    wait_healthy,
)
from tests.conftest import require
from tests.room_steps import answer, card, open_room, option
from ui import room_store
from ui.i18n import t

TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
NGINX_HINT = "install it with: apt-get install -y nginx"
MAX_CONTEXTS = 16  # fresh browsers tried until two land on different replicas (p(fail) ~ 2^-15)
PAGE = "chain_rule"
QUERY = "width=16&samples=2"  # a light setting: this tests the proxy, not the page's speed


def nginx_path() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)


def render(run_dir: Path, listen: str, ports: list[int]) -> Path:
    """The template with this run's directory, listen address and replica ports filled in."""
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=0;" for port in ports)
    values = {"@@RUN_DIR@@": str(run_dir), "@@LISTEN@@": listen, "@@SERVERS@@": servers}
    lines = []
    for line in TEMPLATE.read_text().splitlines():
        if not line.lstrip().startswith("#"):  # the comments name the placeholders
            for name, value in values.items():
                line = line.replace(name, value)
            assert "@@" not in line, line
        lines.append(line)
    conf = run_dir / "nginx.conf"
    conf.write_text("\n".join(lines) + "\n")
    return conf


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def wait_up(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll a replica's /_stcore/health; fail at once with its stderr if it exited."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"replica on port {port} exited: {process.stderr.read()}")
        try:
            wait_healthy(port, timeout=0.5)
            return
        except RuntimeError:
            continue
    raise RuntimeError(f"replica on port {port} was not healthy within {timeout:.0f} s")


def wait_proxy(url: str, timeout: float = 20.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nginx at {url} did not proxy /_stcore/health within {timeout:.0f} s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two replicas and nginx in front; yields (proxy URL, access log path, replica ports)."""
    nginx = nginx_path()
    require(nginx is not None, "nginx", NGINX_HINT)
    require(chromium_path() is not None, "Chromium", INSTALL_HINT)
    run_dir = tmp_path_factory.mktemp("nginx")
    run_dir.chmod(0o755)  # nginx's workers drop root to `nobody` and write temp files here
    secret = secrets.token_hex(32)
    ports = [free_port(), free_port()]
    while ports[1] == ports[0]:
        ports[1] = free_port()
    processes = []
    try:
        for port in ports:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py",
                 "--server.headless", "true", "--server.port", str(port),
                 "--server.address", "127.0.0.1",
                 "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                # Streamlit refuses --server.cookieSecret on the command line: use the env.
                # one room database for both, as replicas on one host share data/rooms.sqlite3
                env={**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secret,
                     room_store.ENV_VAR: str(run_dir / "rooms.sqlite3")},
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        proxy_port = free_port()
        conf = render(run_dir, f"127.0.0.1:{proxy_port}", ports)
        check = subprocess.run([nginx, "-t", "-p", str(run_dir), "-e", str(run_dir / "error.log"),
                                "-c", str(conf)], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        processes.append(subprocess.Popen(
            [nginx, "-p", str(run_dir), "-e", str(run_dir / "error.log"), "-c", str(conf),
             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port, replica in zip(ports, processes[:len(ports)], strict=True):
            wait_up(port, replica)
        url = f"http://127.0.0.1:{proxy_port}"
        wait_proxy(url)
        yield url, run_dir / "access.log", ports
    finally:
        for process in reversed(processes):
            stop(process)


def log_lines(log: Path, key: str) -> list[str]:
    return [line for line in log.read_text().splitlines() if f"key={key} " in line]


def upstreams(lines: list[str]) -> set[str]:
    """The replicas ("127.0.0.1:PORT") that served these log lines."""
    return {line.split("upstream=", 1)[1].split()[0] for line in lines} - {"-"}


def replica_of(context, url: str, log: Path) -> tuple[str, str]:
    """Visit the proxy once with a fresh context; return its affinity cookie and its replica."""
    answer = context.request.get(url + "/")
    assert answer.ok
    key = next(c["value"] for c in context.cookies() if c["name"] == "gl_replica")
    deadline = time.time() + 5
    while not (served := upstreams(log_lines(log, key))) and time.time() < deadline:
        time.sleep(0.1)
    assert len(served) == 1, served
    return key, served.pop()


def move_first_slider(page) -> None:
    """One ArrowRight on the first sidebar slider; wait for the server's rerun to finish."""
    before = page.evaluate("location.search")
    thumb = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]')
    thumb.first.focus()
    thumb.first.press("ArrowRight")
    # The URL parameter is written back by the rerun on the server, through the websocket.
    page.wait_for_function("old => location.search !== old", arg=before, timeout=30000)
    page.wait_for_selector(f"{READY} [data-testid='stVegaLiteChart'] :is({MARKS})",
                           timeout=30000)
    wait_for_page(page)


def contexts_on_both_replicas(browser, url: str, log: Path, ports: list[int]) -> dict:
    """Fresh browser contexts until one landed on each replica: {replica: (context, key)}."""
    chosen: dict[str, tuple] = {}
    for _ in range(MAX_CONTEXTS):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        key, replica = replica_of(context, url, log)
        if replica in chosen:
            context.close()
            continue
        chosen[replica] = (context, key)
        if len(chosen) == 2:
            break
    assert set(chosen) == {f"127.0.0.1:{port}" for port in ports}, (
        f"{MAX_CONTEXTS} fresh browsers all landed on {set(chosen)}")
    return chosen


def test_sessions_are_sticky_and_use_both_replicas(cluster, browser):
    url, log, ports = cluster
    try:
        chosen = contexts_on_both_replicas(browser, url, log, ports)
        pages = [context.new_page() for context, _ in chosen.values()]
        for page in pages:  # both load at once: two live sessions, one per replica
            page.goto(page_url(url, PAGE, QUERY))
        for page in pages:
            wait_for_page(page)
            move_first_slider(page)
            assert page.locator('[data-testid="stException"]').count() == 0
        for context, _ in chosen.values():
            context.close()  # closes the websockets, so nginx logs them
    finally:
        for context in browser.contexts:
            context.close()

    for replica, (_, key) in chosen.items():
        deadline = time.time() + 10
        while time.time() < deadline:
            lines = log_lines(log, key)
            if any('"GET /_stcore/stream ' in line and " 101 " in line for line in lines):
                break
            time.sleep(0.2)
        assert any('"GET /_stcore/stream ' in line and " 101 " in line for line in lines), lines
        assert upstreams(lines) == {replica}, f"browser {key} was not sticky: {lines}"
        assert len(lines) > 5  # page, scripts, host config, websocket: all on one replica


def test_two_replicas_share_one_room(cluster, browser):
    """The presenter on one replica opens a room; a participant on the other answers into it;
    the presenter's live chart counts the answer and the reveal reaches the participant."""
    url, log, ports = cluster
    try:
        (presenter_context, _), (guest_context, _) = contexts_on_both_replicas(
            browser, url, log, ports).values()
        presenter, guest = presenter_context.new_page(), guest_context.new_page()
        code = open_room(presenter, url)
        answer(guest, url, code, "en", option("en", "up_to_1e4"))
        card(presenter).get_by_text(t("room.answers", "en", count=1)).wait_for(timeout=20000)
        card(presenter).get_by_role("button", name=t("room.reveal", "en")).click()
        card(guest).get_by_text(t("quiz.wrong", "en", option=option("en", "beyond_1e12"))
                                ).wait_for(timeout=20000)
    finally:
        for context in browser.contexts:
            context.close()
