"""Bytes on the wire per student: first loads, slider moves, and a room's total.

A lecture hall's wifi is shared: sixty phones open the link in the same minute.
This benchmark counts what each student costs the network, at the socket,
after compression, with a counting relay on loopback (``bench/wire.py``)
between the client and the server; the server runs as one of:

``run``
    ``make run``: ``streamlit run app.py`` with ``.streamlit/config.toml``.
``room``
    ``make room``'s command (``focal.ui.room.command``), bound to loopback.
``nginx``
    ``deploy/nginx/focal.conf`` in front of two replicas, its static folder
    made by ``deploy/nginx/precompress.py`` (``bench/nginx.py``).

(a) First load, in the system Chromium, a new browser context per page (an
    empty cache): every HTTP request and the websocket, until the first chart
    holds data ("first chart") and until nothing has moved on the wire for
    ``QUIET_S`` ("settled"); then the same page in a second tab of the same
    context ("second visit": the browser's cache). Requests are Chromium's.

(b) Per slider move, over Streamlit's websocket protocol (``bench/load.py``'s
    client, which keeps the frontend's message cache and offers
    ``permessage-deflate`` as browsers do): one student opens a view and moves
    γ ``--moves`` times to random values; each move's bytes, down (server to
    client) and up, on the wire, and the payload the client received
    (decompressed websocket messages).

(c) The room: ``--sessions`` students of ``bench/load.py`` for ``--duration``
    seconds (a move every 2 s on average) through the relay: the bytes per
    student per minute, the latencies, and the server's CPU time.

The room's totals are worked out from (a) and (c): the first minute is N
first loads (``/``, settled) in 60 s; then N students moving sliders at the
bench's pace.

``--compression both`` runs (b) and (c) with websocket compression
(``server.enableWebsocketCompression``) off and on, interleaved, to compare.

Usage::

    .venv/bin/python bench/network.py --json bench/results/network.json
    .venv/bin/python bench/network.py --deployments run --compression both \
        --skip-browser --sessions 60 --duration 60 --rounds 2

Loopback only; at most 500 sessions (``bench/load.py``'s bounds).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402

from bench import nginx  # noqa: E402
from bench.load import Student, percentile, run_async, run_load  # noqa: E402
from bench.streamlit_server import (  # noqa: E402
    CHROMIUM_ARGS,
    FIRST_CHART,
    Server,
    chromium_path,
    free_port,
    start_command,
    start_server,
)
from bench.wire import Bytes, Relay  # noqa: E402
from focal.ui import room  # noqa: E402

DEPLOYMENTS = ("run", "room", "nginx")

#: First loads: (name, path and query), each in an empty browser cache.
PAGES: tuple[tuple[str, str], ...] = (
    ("explorer", "/"),
    ("figure 1", "/?view=family"),
    ("walkthrough", "/walkthrough"),
    ("gradients", "/gradients"),
    ("imbalance", "/imbalance"),
    ("training", "/training"),
    ("variants", "/variants"),
)

#: Per-move views: (name, page path, query, target in kB on the wire, median).
VIEWS: tuple[tuple[str, str, str, float | None], ...] = (
    ("explorer CE and FL", "/", "", 15.0),
    ("explorer hard/easy", "/", "view=ratio", 15.0),
    ("explorer Figure 1", "/", "view=family", 40.0),
    ("explorer table", "/", "view=table", 15.0),
    ("walkthrough", "/walkthrough", "", None),
    ("gradients", "/gradients", "", None),
    ("imbalance", "/imbalance", "", 40.0),
    ("variants", "/variants", "", None),
    ("training", "/training", "", None),
)

#: Targets of the first load through nginx (kB): empty cache, second visit.
FIRST_LOAD_TARGET_KB = 3000.0
SECOND_VISIT_TARGET_KB = 100.0

QUIET_S = 1.5
TIMEOUT_MS = 90_000
ROOMS = (60, 300)

BUSY = """() => !!document.querySelector('[data-testid="stStatusWidget"]')"""


# --------------------------------------------------------------------------- servers


@dataclass
class Deployment:
    """A running deployment: where students connect, which processes serve."""

    name: str
    host: str
    port: int
    pids: list[int]


def _ws_option(compression: bool | None) -> list[str]:
    if compression is None:
        return []
    return ["--server.enableWebsocketCompression", str(compression).lower()]


def room_command(port: int, compression: bool | None) -> list[str]:
    """``make room``'s command on ``port``, bound to loopback instead of all."""
    command = room.command(None, port)
    command[command.index("--server.address") + 1] = "127.0.0.1"
    return [*command, *_ws_option(compression)]


def static_folder() -> Path:
    """The precompressed copy for nginx, kept between runs (one per version)."""
    name = f"focal-nginx-static-{streamlit.__version__}"
    folder = Path(tempfile.gettempdir()) / name
    nginx.precompress(folder)  # a no-op when the copy is fresh
    return folder


@contextlib.contextmanager
def deployment(name: str, compression: bool | None = None) -> Iterator[Deployment]:
    """Start deployment ``name`` (see the module's docstring); stop it after."""
    servers: list[Server] = []
    try:
        if name == "run":
            servers.append(start_server("app.py", *_ws_option(compression)))
        elif name == "room":
            port = free_port()
            servers.append(start_command(room_command(port, compression), port))
        if name in ("run", "room"):
            port = int(servers[0].base.rsplit(":", 1)[1])
            yield Deployment(name, "127.0.0.1", port, [servers[0].process.pid])
            return
        binary = nginx.nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed (apt-get install nginx)")
        for _ in range(2):
            servers.append(start_server("app.py", *_ws_option(compression)))
        replicas = [server.base.removeprefix("http://") for server in servers]
        with tempfile.TemporaryDirectory(prefix="focal-nginx-") as folder:
            port = free_port()
            with nginx.serve(
                binary, Path(folder), port, replicas, static_folder()
            ) as proxy:
                pids = [server.process.pid for server in servers]
                yield Deployment(name, "127.0.0.1", port, [*pids, proxy.process.pid])
    finally:
        for server in servers:
            server.stop()


def cpu_s(pids: Sequence[int]) -> float:
    """User and system CPU seconds of ``pids`` (and their reaped children)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(value) for value in fields[11:15])
    return total / ticks


# --------------------------------------------------------------------------- (a)


@dataclass
class FirstLoad:
    """One page's first load in an empty cache, and a second visit."""

    page: str
    path: str
    first_chart_s: float
    requests: int
    chart: dict[str, int]
    settled: dict[str, int]
    second: dict[str, int]


def _split(used: Bytes) -> dict[str, int]:
    return {
        "total": used.total,
        "http_down": used[("http", "down")],
        "http_up": used[("http", "up")],
        "ws_down": used[("ws", "down")],
        "ws_up": used[("ws", "up")],
    }


def _settle(page: Any, relay: Relay) -> None:
    """Wait until the app is idle and nothing has crossed the wire for QUIET_S."""
    last, quiet_since = relay.snapshot().total, time.monotonic()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = relay.snapshot().total
        if now != last or page.evaluate(BUSY):
            last, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_S:
            return


def first_loads(where: Deployment, pages: Sequence[tuple[str, str]]) -> list:
    """(a) for each page, each in a new browser context."""
    from playwright.sync_api import sync_playwright

    results = []
    with Relay(where.host, where.port) as relay, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
        try:
            for name, path in pages:
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                requests: list[Any] = []

                def finished(request: Any, into: list[Any] = requests) -> None:
                    into.append(request)

                page.on("requestfinished", finished)
                start = relay.snapshot()
                began = time.perf_counter()
                page.goto(relay.base + path)
                page.wait_for_function(FIRST_CHART)
                chart_s = time.perf_counter() - began
                chart = relay.snapshot() - start
                _settle(page, relay)
                settled = relay.snapshot() - start
                count = len(requests)
                page.close()
                again = relay.snapshot()
                second_page = context.new_page()
                second_page.goto(relay.base + path)
                second_page.wait_for_function(FIRST_CHART)
                _settle(second_page, relay)
                second = relay.snapshot() - again
                context.close()
                results.append(
                    FirstLoad(
                        name,
                        path,
                        round(chart_s, 2),
                        count,
                        _split(chart),
                        _split(settled),
                        _split(second),
                    )
                )
        finally:
            browser.close()
    return results


# --------------------------------------------------------------------------- (b)


class _Counted:
    """A websocket that adds up the payload it sends and receives."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.received = 0
        self.sent = 0

    async def recv(self) -> bytes:
        data = await self.ws.recv()
        self.received += len(data)
        return data

    async def send(self, data: bytes) -> None:
        self.sent += len(data)
        await self.ws.send(data)

    async def close(self) -> None:
        await self.ws.close()


@dataclass
class Moves:
    """One view's γ moves: bytes per move on the wire and in the payload."""

    view: str
    compression: bool | None
    target_kb: float | None
    open_wire: int
    down: list[int] = field(default_factory=list)
    up: list[int] = field(default_factory=list)
    payload: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def median(self, name: str) -> float:
        values = getattr(self, name)
        return statistics.median(values) if values else float("nan")

    @property
    def wire(self) -> list[int]:
        return [down + up for down, up in zip(self.down, self.up, strict=True)]


def moves(
    where: Deployment, views: Sequence, count: int, compression: bool | None, seed: int
) -> list[Moves]:
    """(b) for each view: one student, ``count`` moves of γ."""

    async def drive(relay: Relay, view: tuple) -> Moves:
        name, path, query, target = view
        student = Student(relay.base, path, query, random.Random(seed), 60.0)
        before = relay.snapshot()
        result = Moves(name, compression, target, 0)
        try:
            await student.open()
            result.open_wire = (relay.snapshot() - before).of("ws")
            student.ws = counted = _Counted(student.ws)
            for _ in range(count):
                before, payload = relay.snapshot(), counted.received
                await student.move("gamma")
                used = relay.snapshot() - before
                result.down.append(used.of("ws", "down"))
                result.up.append(used.of("ws", "up"))
                result.payload.append(counted.received - payload)
        finally:
            await student.close()
        result.errors = student.stats.errors
        return result

    with Relay(where.host, where.port) as relay:
        return [run_async(lambda v=view: drive(relay, v)) for view in views]


# --------------------------------------------------------------------------- (c)


@dataclass
class RoomLoad:
    """The load run through the relay: bytes, latencies, server CPU."""

    deployment: str
    compression: bool | None
    round: int
    sessions: int
    duration_s: float
    reruns: int
    errors: int
    p50_ms: float | None
    p95_ms: float | None
    server_cpu_s: float
    ws_down: int
    ws_up: int
    http: int
    error_samples: list[str]

    @property
    def per_student_minute(self) -> float:
        """Bytes per student per minute of the run (websocket and HTTP)."""
        total = self.ws_down + self.ws_up + self.http
        return total / self.sessions / (self.duration_s / 60)


def room_load(
    where: Deployment,
    sessions: int,
    duration_s: float,
    compression: bool | None,
    seed: int,
    round_: int = 1,
) -> RoomLoad:
    """(c): ``sessions`` students of ``bench/load.py`` through the relay."""
    with Relay(where.host, where.port) as relay:
        before, cpu = relay.snapshot(), cpu_s(where.pids)
        result = run_load(relay.base, sessions, duration_s, seed=seed)
        used = relay.snapshot() - before
        spent = cpu_s(where.pids) - cpu
    return RoomLoad(
        where.name,
        compression,
        round_,
        sessions,
        duration_s,
        result.reruns,
        result.errors + result.sent - result.finished,
        result.p50_ms,
        result.p95_ms,
        round(spent, 1),
        used.of("ws", "down"),
        used.of("ws", "up"),
        used.of("http"),
        result.error_samples,
    )


# --------------------------------------------------------------------------- report


def kb(value: float) -> str:
    return f"{value / 1000:,.1f}"


def mbit_s(bytes_per_minute: float) -> float:
    return bytes_per_minute * 8 / 60 / 1e6


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [
        max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))
    ]
    lines = ["  ".join(str(c).rjust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(lines)


def report_first_loads(name: str, loads: Sequence[FirstLoad]) -> str:
    header = ["page", "requests", "chart s", "chart kB", "settled kB", "of it ws"]
    header += ["2nd visit kB"]
    rows = [
        [
            load.page,
            load.requests,
            f"{load.first_chart_s:.1f}",
            kb(load.chart["total"]),
            kb(load.settled["total"]),
            kb(load.settled["ws_down"] + load.settled["ws_up"]),
            kb(load.second["total"]),
        ]
        for load in loads
    ]
    return f"(a) first loads, {name}\n" + _table(header, rows)


def _on_off(value: bool | None) -> str:
    return {None: "config", True: "on", False: "off"}[value]


def report_moves(name: str, results: Sequence[Moves]) -> str:
    header = ["view", "ws compression", "moves", "down kB", "up kB", "wire kB"]
    header += ["p90 wire kB", "payload kB", "target kB", "errors"]
    rows = []
    for result in results:
        wire = result.wire
        p90 = percentile(wire, 90) or 0
        rows.append(
            [
                result.view,
                _on_off(result.compression),
                len(result.down),
                kb(result.median("down")),
                kb(result.median("up")),
                kb(statistics.median(wire)) if wire else "-",
                kb(p90),
                kb(result.median("payload")),
                "-" if result.target_kb is None else f"{result.target_kb:g}",
                len(result.errors),
            ]
        )
    return f"(b) per γ move (medians), {name}\n" + _table(header, rows)


def report_rooms(loads: Sequence[RoomLoad]) -> str:
    header = ["deployment", "ws compression", "round", "sessions", "reruns"]
    header += ["errors", "p50 ms", "p95 ms", "server CPU s", "down MB", "up MB"]
    header += ["kB/student/min"]
    rows = [
        [
            load.deployment,
            _on_off(load.compression),
            load.round,
            load.sessions,
            load.reruns,
            load.errors,
            f"{load.p50_ms:.0f}" if load.p50_ms is not None else "-",
            f"{load.p95_ms:.0f}" if load.p95_ms is not None else "-",
            f"{load.server_cpu_s:.1f}",
            f"{load.ws_down / 1e6:.1f}",
            f"{load.ws_up / 1e6:.2f}",
            kb(load.per_student_minute),
        ]
        for load in loads
    ]
    return "(c) the room's load\n" + _table(header, rows)


def room_totals(first_load: float, per_minute: float) -> list[dict[str, float]]:
    """Mbit/s of the room: N first loads in a minute, then N students moving."""
    return [
        {
            "students": students,
            "first_minute_mbit_s": round(mbit_s(students * first_load), 1),
            "moving_mbit_s": round(mbit_s(students * per_minute), 2),
        }
        for students in ROOMS
    ]


def report_totals(name: str, first_load: float, per_minute: float) -> str:
    rows = [
        [
            row["students"],
            kb(first_load),
            f"{row['first_minute_mbit_s']:.1f}",
            kb(per_minute),
            f"{row['moving_mbit_s']:.2f}",
        ]
        for row in room_totals(first_load, per_minute)
    ]
    header = ["students", "first load kB", "first minute Mbit/s"]
    header += ["kB/student/min", "moving Mbit/s"]
    return f"the room, {name}\n" + _table(header, rows)


# --------------------------------------------------------------------------- main


def _compressions(choice: str) -> list[bool | None]:
    return {"config": [None], "on": [True], "off": [False], "both": [False, True]}[
        choice
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--deployments", nargs="+", choices=DEPLOYMENTS, default=list(DEPLOYMENTS)
    )
    parser.add_argument(
        "--compression",
        choices=("config", "on", "off", "both"),
        default="config",
        help="websocket compression for (b) and (c); config: the app's setting",
    )
    parser.add_argument("--moves", type=int, default=30, help="γ moves per view")
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--rounds", type=int, default=1, help="of (c)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-browser", action="store_true", help="no (a)")
    parser.add_argument("--skip-moves", action="store_true", help="no (b)")
    parser.add_argument("--skip-load", action="store_true", help="no (c)")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    if not args.skip_browser and chromium_path() is None:
        parser.error("no system Chromium (apt-get install chromium); --skip-browser")

    def log(text: str) -> None:
        print(text, flush=True)

    load_average = os.getloadavg()
    log(f"load average at the start: {load_average[0]:.2f}")
    out: dict[str, Any] = {"command": " ".join(sys.argv), "load": load_average}
    for name in args.deployments:
        found: dict[str, Any] = {"first_loads": [], "moves": [], "rooms": []}
        out[name] = found
        with deployment(name) as where:
            if not args.skip_browser:
                loads = first_loads(where, PAGES)
                found["first_loads"] = [asdict(load) for load in loads]
                log(report_first_loads(name, loads) + "\n")
        for round_ in range(1, args.rounds + 1):
            for compression in _compressions(args.compression):
                with deployment(name, compression) as where:
                    if not args.skip_moves and round_ == 1:
                        measured = moves(
                            where, VIEWS, args.moves, compression, args.seed
                        )
                        found["moves"] += [asdict(one) for one in measured]
                        log(report_moves(f"{name}", measured) + "\n")
                    if not args.skip_load:
                        load = room_load(
                            where,
                            args.sessions,
                            args.duration,
                            compression,
                            args.seed + round_,
                            round_,
                        )
                        found["rooms"].append(
                            {
                                **asdict(load),
                                "per_student_minute": load.per_student_minute,
                            }
                        )
                        log(report_rooms([load]) + "\n")
        if found["first_loads"] and found["rooms"]:
            first = found["first_loads"][0]["settled"]["total"]
            found["totals"] = {}
            for compression in _compressions(args.compression):
                minute = statistics.median(
                    room["per_student_minute"]
                    for room in found["rooms"]
                    if room["compression"] == compression
                )
                found["totals"][_on_off(compression)] = room_totals(first, minute)
                title = f"{name}, websocket compression {_on_off(compression)}"
                log(report_totals(title, first, minute) + "\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
