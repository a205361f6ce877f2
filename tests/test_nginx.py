"""deploy/nginx/focal.conf, run: two replicas behind nginx, students through it.

Starts two ``streamlit run app.py`` replicas (as ``make run`` does, on free
ports) and Debian's nginx on loopback with the repository's configuration (only
the replica ports, the listen address, the log path and the static folder
replaced; pid, logs and temporary files in a temporary folder, so no root is
needed; ``bench/nginx.py``), its static folder made by
``deploy/nginx/precompress.py`` as at deploy time. It asserts:

- students through nginx: no errors and every rerun finished, both replicas got
  sessions, and every student's requests (page, health check, websocket) went
  to one replica;
- Streamlit's frontend files come from nginx, not Python: compressed (brotli
  where Debian's module is installed, else gzip), with the year-long immutable
  cache header, and the app loads through nginx in Chromium that way.

Skipped when nginx is missing, except in CI (``CI=true``), where that fails.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.load import run_load
from bench.nginx import CONF, brotli_module, nginx_binary, precompress, render_conf
from bench.nginx import serve as serve_nginx
from bench.streamlit_server import (
    CHROMIUM_ARGS,
    FIRST_CHART,
    Server,
    free_port,
    start_server,
)
from focal.ui.static import find_brotli
from tests.helpers import http, missing

pytestmark = [pytest.mark.slow, pytest.mark.load]

ROOT = Path(__file__).resolve().parents[1]

# With a random sticky key per student, all of them land on one of the two
# replicas with probability 2 / 2**16.
SESSIONS = 16
DURATION_S = 8.0

LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) .* '
    r"upstream=(?P<upstream>\S+) sticky=(?P<sticky>\S+)$"
)

#: Brotli's quality in the test: the deploy's 11 takes half a minute, and the
#: test checks which file nginx sends, not how small it is.
TEST_QUALITY = "5"


@pytest.fixture(scope="module")
def nginx() -> str:
    return nginx_binary() or missing("nginx is not installed (apt-get install nginx)")


@pytest.fixture(scope="module")
def replicas() -> Iterator[list[Server]]:
    started: list[Server] = []
    try:
        for _ in range(2):
            started.append(start_server("app.py"))
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def proxy(
    nginx: str, replicas: list[Server], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """nginx in front of the replicas: its base URL and its access log."""
    folder = tmp_path_factory.mktemp("nginx")
    static = folder / "static"
    precompress(static, "--brotli-quality", TEST_QUALITY)
    upstreams = [server.base.removeprefix("http://") for server in replicas]
    with serve_nginx(nginx, folder, free_port(), upstreams, static) as running:
        yield running.base, running.access_log


def test_students_through_nginx_stick_to_one_of_two_replicas(
    proxy: tuple[str, Path], replicas: list[Server]
) -> None:
    base, access_log = proxy
    result = run_load(base, SESSIONS, DURATION_S, seed=11, ramp_s=2.0, min_moves=1)
    assert result.error_samples == []
    assert result.errors == 0
    assert result.opened == SESSIONS
    assert result.sent == result.finished
    assert result.reruns >= SESSIONS  # at least one move each

    # The websocket lines are written when the connections close: all closed now.
    upstreams: dict[str, set[str]] = defaultdict(set)
    sockets: dict[str, int] = defaultdict(int)
    students: set[str] = set()
    for line in access_log.read_text().splitlines():
        match = LOG_LINE.search(line)
        assert match, line
        if match["upstream"] == "-":  # a static file, sent by nginx itself
            continue
        upstreams[match["sticky"]].add(match["upstream"])
        if match["path"] == "/_stcore/stream":
            assert match["status"] == "101", line
            sockets[match["upstream"]] += 1
            students.add(match["sticky"])
    replica_addresses = {server.base.removeprefix("http://") for server in replicas}
    # One sticky key per student (plus the fixture's health probe), each key
    # served by one replica only, the websockets spread over both.
    assert len(students) == SESSIONS
    assert all(len(used) == 1 for used in upstreams.values()), upstreams
    assert set(sockets) == replica_addresses, sockets
    assert sum(sockets.values()) == SESSIONS


def test_render_conf_keeps_the_rest(tmp_path: Path) -> None:
    original = CONF.read_text()
    rendered = render_conf(
        original, 9, ["127.0.0.1:1", "127.0.0.1:2"], tmp_path, tmp_path / "static"
    )
    assert "listen 127.0.0.1:9;" in rendered
    assert rendered.count(";  # replica\n") == 2
    assert "hash $focal_sticky_key consistent;" in rendered
    assert rendered.count("proxy_set_header Host $http_host;") == 3
    assert f"root {tmp_path / 'static'};" in rendered
    assert "brotli_static on;" in rendered
    assert "brotli_static on;" not in render_conf(
        original, 9, ["127.0.0.1:1"], tmp_path, tmp_path, brotli=False
    )


# ------------------------------------------------------------ the frontend files

#: A file every page loads (the entry script), and one only some pages load.
ENTRY = re.compile(r'src="\./(static/js/index\.[^"]+\.js)"')


def best_coding() -> str:
    """br where nginx has the module and precompress.py the brotli command."""
    return "br" if brotli_module() and find_brotli() else "gzip"


def test_static_files_come_compressed_from_nginx_with_a_long_cache(
    proxy: tuple[str, Path],
) -> None:
    base, access_log = proxy
    _, _, page = http("GET", base + "/")
    (entry,) = ENTRY.findall(page.decode())
    best = best_coding()
    for accepted, coding in (("gzip, deflate, br", best), ("gzip", "gzip")):
        status, headers, body = http(
            "GET", f"{base}/{entry}", {"Accept-Encoding": accepted}
        )
        assert status == 200
        assert headers.get("content-encoding") == coding, headers
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "Accept-Encoding" in headers.get("vary", "")
        assert "javascript" in headers["content-type"]
        assert int(headers["content-length"]) == len(body) < 200_000  # of 480 kB
        assert "set-cookie" not in headers  # cacheable anywhere
    # nginx sent them itself: no replica in the access log's line
    lines = [line for line in access_log.read_text().splitlines() if entry in line]
    assert lines and all(" upstream=- " in line for line in lines), lines
    # a file missing from the copy still comes, from a replica
    status, headers, _ = http("GET", f"{base}/static/js/not-copied.js")
    assert status == 200


def test_the_app_loads_through_nginx_in_chromium(
    proxy: tuple[str, Path], chromium: str
) -> None:
    base, access_log = proxy
    from playwright.sync_api import sync_playwright

    static: dict[str, str] = {}
    errors: list[str] = []

    def load() -> None:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.on("pageerror", lambda error: errors.append(str(error)))

                def seen(response) -> None:
                    if "/static/" in response.url:
                        coding = response.headers.get("content-encoding", "")
                        static[response.url] = coding

                page.on("response", seen)
                page.goto(base + "/?gamma=3")
                page.wait_for_function(FIRST_CHART, timeout=90_000)
            finally:
                browser.close()

    # In a thread of its own: after the browser tests, the session's Playwright
    # holds an event loop in the main thread, where a second sync API is refused.
    with ThreadPoolExecutor(1) as worker:
        worker.submit(load).result()  # re-raises the thread's failure here
    assert errors == []
    scripts = {url: coding for url, coding in static.items() if url.endswith(".js")}
    assert len(scripts) > 20, static
    assert set(scripts.values()) == {best_coding()}, scripts
    log = access_log.read_text().splitlines()
    # every file Chromium asked for (not the other test's missing one)
    served = [line for line in log if "/static/" in line and "not-copied" not in line]
    assert served
    assert [line for line in served if " upstream=- " not in line] == []
