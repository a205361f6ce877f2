"""deploy/nginx/focal.conf, run: two replicas behind nginx, students through it.

Starts two ``streamlit run app.py`` replicas (as ``make run`` does, on free
ports) and Debian's nginx on loopback with the repository's configuration (only
the replica ports, the listen address and the log path replaced; pid, logs and
temporary files in a temporary folder, so no root is needed), then drives
students through nginx with the load client of ``bench/load.py``. It asserts:
no errors and every rerun finished, both replicas got sessions, and every
student's requests (page, health check, websocket) went to one replica.

Skipped when nginx is missing, except in CI (``CI=true``), where that fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.load import run_load
from bench.streamlit_server import Server, free_port, start_server, stop_process

pytestmark = [pytest.mark.slow, pytest.mark.load]

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "nginx" / "focal.conf"

# With a random sticky key per student, all of them land on one of the two
# replicas with probability 2 / 2**16.
SESSIONS = 16
DURATION_S = 8.0

LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) .* '
    r"upstream=(?P<upstream>\S+) sticky=(?P<sticky>\S+)$"
)


def nginx_binary() -> str | None:
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None


@pytest.fixture(scope="module")
def nginx() -> str:
    path = nginx_binary()
    if path is None:
        message = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def render_conf(text: str, listen: int, replicas: list[str], access_log: Path) -> str:
    """The repository's configuration with test ports and paths."""
    servers = "".join(f"    server {replica};  # replica\n" for replica in replicas)
    text, count = re.subn(r"(    server \S+;  # replica\n)+", servers, text)
    assert count == 1, "focal.conf: the replica lines moved"
    text, count = re.subn(
        r"listen \S+;  # listen", f"listen 127.0.0.1:{listen};  # listen", text
    )
    assert count == 1, "focal.conf: the listen line moved"
    text, count = re.subn(
        r"access_log \S+ focal;", f"access_log {access_log} focal;", text
    )
    assert count == 1, "focal.conf: the access_log line moved"
    return text


def main_conf(folder: Path, site: Path) -> str:
    """A whole nginx.conf around the site file, everything under ``folder``."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\n"
        "daemon off;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    access_log {folder / 'other.log'};\n"
        f"{temp}"
        f"    include {site};\n"
        "}\n"
    )


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


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
    port = free_port()
    access_log = folder / "focal.access.log"
    upstreams = [server.base.removeprefix("http://") for server in replicas]
    site = folder / "focal.conf"
    site.write_text(render_conf(CONF.read_text(), port, upstreams, access_log))
    conf = folder / "nginx.conf"
    conf.write_text(main_conf(folder, site))
    check = subprocess.run(
        [nginx, "-t", "-p", str(folder), "-c", str(conf), "-e", str(folder / "t.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [nginx, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if _answers(f"{base}/_stcore/health"):
                break
            if process.poll() is not None:
                break
            time.sleep(0.1)
        else:
            pytest.fail("nginx did not answer")
        if process.poll() is not None:
            pytest.fail((folder / "error.log").read_text())
        yield base, access_log
    finally:
        stop_process(process)


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
    rendered = render_conf(original, 9, ["127.0.0.1:1", "127.0.0.1:2"], tmp_path)
    assert "listen 127.0.0.1:9;" in rendered
    assert rendered.count(";  # replica\n") == 2
    assert "hash $focal_sticky_key consistent;" in rendered
    assert rendered.count("proxy_set_header Host $http_host;") == 2
