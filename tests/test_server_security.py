"""``make run`` keeps Streamlit's protections on and listens on this machine only.

Three layers: the command line that ``make run`` executes (read with
``make -n``) switches nothing off; Streamlit's own configuration loader, given
the project's ``.streamlit/config.toml`` and that command line's flags (and no
user configuration), ends with XSRF protection and CORS protection on and a
loopback address; and the server started with exactly that command listens on
loopback only and does not allow a foreign origin. Serving a room is an explicit
``--server.address 0.0.0.0`` (``make room``; docs/serving.md, "What is exposed").
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.streamlit_server import free_port, start_command
from tests.helpers import handshake, upload, xsrf_cookie

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = {"localhost", "127.0.0.1", "::1"}
SAFETY = ("server.address", "server.enableCORS", "server.enableXsrfProtection")


def make_run_command(port: int = 8501) -> list[str]:
    """The ``streamlit run`` command line of ``make run`` (not executed)."""
    make = ["make", "-n", "run", f"PORT={port}"]
    out = subprocess.check_output(make, cwd=ROOT, text=True, timeout=60)
    (line,) = [line for line in out.splitlines() if "streamlit run" in line]
    return shlex.split(line)


def flags(command: list[str]) -> dict[str, str]:
    """``--section.option value`` and ``--section.option=value`` pairs."""
    found: dict[str, str] = {}
    for token, after in zip(command, [*command[1:], ""], strict=True):
        if token.startswith("--") and "." in token:
            name, equals, value = token[2:].partition("=")
            found[name] = value if equals else after
    return found


def test_make_run_switches_no_protection_off() -> None:
    command = make_run_command()
    assert command[-4:-2] == ["run", "app.py"] or "app.py" in command
    given = flags(command)
    assert given.get("server.address", "localhost") in LOOPBACK, given
    assert given.get("server.enableCORS", "true").lower() == "true", given
    assert given.get("server.enableXsrfProtection", "true").lower() == "true", given
    assert not [t for t in command if t.startswith("STREAMLIT_")], command


# Streamlit's loader, in a clean process: the project's config.toml (found from
# the working directory) plus make run's flags; HOME is empty, so no user file.
_EFFECTIVE = """
import json, sys
from streamlit import config
flags = json.loads(sys.argv[1])
config.get_config_options(force_reparse=True, options_from_flags=flags)
print(json.dumps({name: config.get_option(name) for name in json.loads(sys.argv[2])}))
"""


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What a test starts has no ``STREAMLIT_`` variable and an empty HOME."""
    for key in [key for key in os.environ if key.startswith("STREAMLIT_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path))


def test_streamlit_reads_the_protections_as_on(clean_env: None) -> None:
    given = {
        name: value
        for name, value in flags(make_run_command()).items()
        if name.startswith("server.")
    }
    done = subprocess.run(
        [sys.executable, "-c", _EFFECTIVE, json.dumps(given), json.dumps(SAFETY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    effective = json.loads(done.stdout.strip().splitlines()[-1])
    assert effective["server.enableXsrfProtection"] is True
    assert effective["server.enableCORS"] is True
    # unset, Streamlit listens on every interface: make run must name loopback
    assert effective["server.address"] in LOOPBACK, effective


# ---------------------------------------------------------------- a real server


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (Linux /proc)."""
    found = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for row in table.read_text().splitlines()[1:] if table.exists() else []:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def _is_loopback(address: str) -> bool:
    if len(address) == 8:  # IPv4, little-endian: 127.x.x.x ends with 7F
        return address.endswith("7F")
    return address in (
        "00000000000000000000000001000000",  # ::1
        "0000000000000000FFFF00000100007F",  # ::ffff:127.0.0.1
    )


@pytest.fixture
def make_run_server(request: pytest.FixtureRequest, clean_env: None) -> Iterator[int]:
    """``make run``'s own command (plus an indirect parameter's flags) on a free
    port; yields the port."""
    port = free_port()
    extra = list(getattr(request, "param", ()))
    server = start_command(make_run_command(port) + extra, port)
    try:
        yield port
    finally:
        server.stop()


def test_make_run_listens_on_loopback_only(make_run_server: int) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs Linux /proc/net/tcp")
    addresses = _listening(make_run_server)
    assert addresses, "no listening socket found"
    assert all(_is_loopback(a) for a in addresses), addresses


def test_make_run_does_not_allow_a_foreign_origin(make_run_server: int) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{make_run_server}/_stcore/health",
        headers={"Origin": "http://evil.example"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        allowed = response.headers.get("Access-Control-Allow-Origin")
    assert allowed not in ("*", "http://evil.example"), allowed


# ------------------------- what docs/serving.md ("What is exposed") promises, live


def test_make_run_refuses_a_websocket_from_another_site(make_run_server: int) -> None:
    """CORS on: the websocket is accepted only from a page of the same origin,
    so another web site cannot drive a student's session."""
    base = f"http://127.0.0.1:{make_run_server}"
    cookies = xsrf_cookie(base)
    token = cookies["_streamlit_xsrf"]
    assert handshake(base, base, token, cookies) == 101  # the app's own page
    for foreign in (
        "http://evil.example",
        f"http://evil.example:{make_run_server}",
        "https://focal.example.edu.evil.example",
        "null",  # a sandboxed frame or a file
    ):
        assert handshake(base, foreign, token, cookies) == 403, foreign
    # Streamlit compares host names only, and trusts this machine's own names:
    # a page from another port of this machine is let in
    assert handshake(base, f"http://127.0.0.1:{make_run_server + 1}", token) == 101


def test_make_run_refuses_a_request_without_its_xsrf_token(
    make_run_server: int,
) -> None:
    """XSRF protection on: a state-changing request (an upload) needs the token
    of the cookie the page set, in its header; without it, 403."""
    base = f"http://127.0.0.1:{make_run_server}"
    cookies = xsrf_cookie(base)
    token = cookies["_streamlit_xsrf"]
    assert upload(base, cookies, None) == 403
    assert upload(base, cookies, "2|00000000|" + "0" * 32 + "|1") == 403
    assert upload(base, {}, token) == 403  # the token without its cookie
    # with both, the token is accepted: the upload fails later, for its session
    assert upload(base, cookies, token) == 400


def test_make_run_s_websocket_is_guarded_by_its_origin(make_run_server: int) -> None:
    """What Streamlit 1.67 does with the websocket's XSRF token: it only gates
    the login cookie (the app has no login), so a websocket without the token,
    or with a wrong one, is accepted from the same origin. Another site is
    still refused by its Origin, whatever token it sends; a program that sends
    no Origin is no browser, and could read a token from the page anyway."""
    base = f"http://127.0.0.1:{make_run_server}"
    cookies = xsrf_cookie(base)
    assert handshake(base, base, None, cookies) == 101
    assert handshake(base, base, "wrong", cookies) == 101
    assert handshake(base, "http://evil.example", None, cookies) == 403
    assert handshake(base, "http://evil.example", "wrong", cookies) == 403


@pytest.mark.parametrize(
    "make_run_server",
    [("--server.enableCORS=false", "--server.enableXsrfProtection=false")],
    indirect=True,
    ids=["protections-off"],
)
def test_the_checks_see_a_server_without_protections(make_run_server: int) -> None:
    # the checks above, on a planted fault: protections switched off
    base = f"http://127.0.0.1:{make_run_server}"
    cookies = xsrf_cookie(base)
    assert handshake(base, "http://evil.example", None, cookies) == 101
    assert upload(base, cookies, None) != 403
