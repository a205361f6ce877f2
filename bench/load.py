"""A lecture hall on one server: N sessions over Streamlit's own websocket protocol.

Starts ``streamlit run app.py`` exactly as ``make run`` does (from the project
root, so with its ``.streamlit/config.toml``; only the port differs) and the
stock one-slider, one-chart app (``bench/minimal_app.py``) with Streamlit's
default configuration (from an empty working directory), then drives each with
the same load, one after the other, and prints both and their ratio.

Each simulated student does what the browser does: loads the page of a share
link, fetches ``/_stcore/health`` (which sets the XSRF cookie) and
``/_stcore/host-config``, opens ``/_stcore/stream`` with the subprotocols
``["streamlit", <xsrf token>]``, and sends a ``BackMsg.rerun_script`` with the
link's query string. Then, after a random think time (mean ``--think`` s,
seeded), it moves α, γ, p or y to a random new value (a ``rerun_script`` whose
``widget_states`` carry every tracked control, as the frontend sends them) and
waits for the rerun to finish: the latency is from the send to the
``script_finished`` ForwardMsg. It keeps the frontend's message cache (it
announces the hashes it holds, so the server sends references, as to a browser).

Errors: an exception element in the deltas, a script that fails to compile, a
dropped connection, a reference to a message the client never got, and a rerun
that does not finish within ``--timeout`` seconds.

Memory: the server's resident set (``VmRSS`` in ``/proc/<pid>/status``), polled
during the load (peak), a few seconds after every session closed, and, with
``--rounds`` above 1, again after the disconnected-session TTL has passed
(``server.disconnectedSessionTTL``, 120 s unless the config sets it).

Bounded: at most 500 sessions, 900 s per run, 5 rounds; loopback addresses only.

Usage::

    .venv/bin/python bench/load.py --sessions 60 --duration 60
    .venv/bin/python bench/load.py --sessions 1 --duration 60 --target both
    .venv/bin/python bench/load.py --sessions 60 --duration 60 --rounds 3
    .venv/bin/python bench/load.py --sessions 60 --duration 60 --phone
    .venv/bin/python bench/load.py --url-base http://127.0.0.1:8080 --sessions 6
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import math
import random
import socket
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
import urllib.request
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.exceptions import ConnectionClosed, WebSocketException  # noqa: E402

from bench.streamlit_server import PHONE_AGENT, Server, start_server  # noqa: E402

T = TypeVar("T")

MINIMAL_APP = ROOT / "bench" / "minimal_app.py"
CONFIG = ROOT / ".streamlit" / "config.toml"

MAX_SESSIONS = 500
MAX_DURATION_S = 900.0
MAX_ROUNDS = 5
#: Streamlit's default ``server.disconnectedSessionTTL``.
DEFAULT_TTL_S = 120
#: The frontend's default, until ``new_session`` says otherwise.
DEFAULT_MAX_MESSAGE_AGE = 2

#: The controls a student moves, by widget key (= URL key in this app).
CONTROLS = ("alpha", "gamma", "p", "y")

#: Share links a lecturer might hand out; each session opens one of them.
#: Every view of the Explorer is among them (Figure 1, the heaviest, twice).
SHARE_LINKS = (
    "",
    "gamma=3&p=0.2&view=family",
    "gamma=0.5&p=0.7&y=0&view=ratio",
    "balance=true&alpha=0.5&gamma=1&view=table",
    "p=0.95&lang=zh&view=family",
    "gamma=2&p=0.1&y=0&present=true",
)

FINISHED_OK = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}


# --------------------------------------------------------------------------- memory


def rss_mb(pid: int) -> float | None:
    """Resident set size of ``pid`` in MiB, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def total_rss_mb(pids: Sequence[int]) -> float | None:
    """The summed RSS of ``pids`` in MiB; None when one of them is gone."""
    values = [rss_mb(pid) for pid in pids]
    return None if None in values else sum(values)


class RssMonitor:
    """Polls the summed RSS of processes in a thread (a busy loop cannot starve it)."""

    def __init__(self, pids: Sequence[int], interval_s: float = 0.1) -> None:
        self.pids = list(pids)
        self.interval_s = interval_s
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while True:
            value = total_rss_mb(self.pids)
            if value is not None:
                self.peak_mb = max(self.peak_mb, value)
            if self._stop.wait(self.interval_s):
                return

    def __enter__(self) -> RssMonitor:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


# --------------------------------------------------------------------------- client


class SessionError(Exception):
    """Ends a session: the connection dropped or a rerun never finished."""


@dataclass
class Control:
    """A slider or radio the student can move, as the last delta described it."""

    key: str
    widget_id: str
    kind: str  # "slider" or "radio"
    low: float = 0.0
    high: float = 1.0
    step: float = 0.01
    options: tuple[str, ...] = ()
    value: float | str = 0.0

    def state(self, widget_state) -> None:
        widget_state.id = self.widget_id
        if self.kind == "slider":
            widget_state.double_array_value.data.append(float(self.value))
        else:
            widget_state.string_value = str(self.value)

    def new_value(self, rng: random.Random) -> float | str:
        """A random value in range, different from the current one."""
        if self.kind == "radio":
            others = [option for option in self.options if option != self.value]
            return rng.choice(others) if others else self.value
        steps = round((self.high - self.low) / self.step)
        decimals = max(0, -math.floor(math.log10(self.step)))
        while True:
            value = round(self.low + rng.randint(0, steps) * self.step, decimals)
            if steps == 0 or value != self.value:
                return value


@dataclass
class SessionStats:
    """What one session saw."""

    open_s: float | None = None
    latencies_s: list[float] = field(default_factory=list)
    sent: int = 0
    finished: int = 0
    errors: list[str] = field(default_factory=list)
    moved: dict[str, int] = field(default_factory=dict)


def _loopback(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(
        ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos
    )


#: HTTP without the environment's proxies: the servers are on loopback.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Student:
    """One browser tab of the app, speaking the websocket protocol."""

    def __init__(
        self,
        base: str,
        path: str,
        query: str,
        rng: random.Random,
        timeout_s: float,
        user_agent: str | None = None,
    ) -> None:
        self.base = base.rstrip("/")
        #: Sent with every request, as a browser does (the app's layout reads it).
        self.user_agent = user_agent
        self.path = path
        self.query = query
        self.rng = rng
        self.timeout_s = timeout_s
        self.cookies: dict[str, str] = {}
        self.controls: dict[str, Control] = {}
        self.cache: dict[str, int] = {}  # message hash -> run count of last access
        self.runs = 0
        self.max_age = DEFAULT_MAX_MESSAGE_AGE
        self.stats = SessionStats()
        self.ws = None
        #: The text of the code blocks the last run drew (e.g. a share link).
        self.code: list[str] = []

    # -- HTTP, as the browser does before opening the websocket

    def _get(self, path: str) -> None:
        request = urllib.request.Request(self.base + path)
        if self.user_agent:
            request.add_header("User-Agent", self.user_agent)
        if self.cookies:
            jar = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            request.add_header("Cookie", jar)
        with _DIRECT.open(request, timeout=self.timeout_s) as response:
            response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                # By hand: the XSRF token contains "|", which SimpleCookie quotes.
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0].strip()

    def _page_load(self) -> None:
        self._get(self.path + (f"?{self.query}" if self.query else ""))
        self._get("/_stcore/health")
        self._get("/_stcore/host-config")

    # -- websocket

    async def open(self) -> None:
        await asyncio.to_thread(self._page_load)
        token = self.cookies.get("_streamlit_xsrf")
        protocols = ["streamlit", token] if token else ["streamlit"]
        ws_base = "ws" + self.base.removeprefix("http")
        headers = {"User-Agent": self.user_agent} if self.user_agent else {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.ws = await connect(
            ws_base + "/_stcore/stream",
            subprotocols=protocols,
            origin=self.base,
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout_s,
            proxy=None,  # loopback only: never through a proxy from the environment
        )
        self.stats.open_s = await self.rerun(widgets=False)

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()

    def _client_state(self, widgets: bool) -> BackMsg:
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = ""
        state.page_name = self.path.strip("/")
        url = self.base + self.path + (f"?{self.query}" if self.query else "")
        state.context_info.url = url
        state.context_info.timezone = "UTC"
        state.context_info.timezone_offset = 0
        state.context_info.locale = "en-US"
        state.cached_message_hashes.extend(sorted(self.cache))
        if widgets:
            for control in self.controls.values():
                control.state(state.widget_states.widgets.add())
        return message

    async def rerun(self, widgets: bool = True) -> float:
        """Send a rerun and read until it finishes; the latency in seconds."""
        assert self.ws is not None
        data = self._client_state(widgets).SerializeToString()
        start = time.perf_counter()
        self.stats.sent += 1
        self.code = []
        try:
            await self.ws.send(data)
            async with asyncio.timeout(self.timeout_s):
                while True:
                    message = ForwardMsg.FromString(await self.ws.recv())
                    status = self._read(message)
                    if status is None:
                        continue
                    if status in FINISHED_OK:
                        break
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        self.stats.errors.append("compile error")
                        break
                    # FINISHED_EARLY_FOR_RERUN: the app asked for a rerun; go on.
        except TimeoutError as exc:
            raise SessionError(f"rerun not finished in {self.timeout_s:g} s") from exc
        except (ConnectionClosed, WebSocketException, OSError) as exc:
            raise SessionError(f"connection dropped: {exc!r}") from exc
        elapsed = time.perf_counter() - start
        self.stats.finished += 1
        self._age_cache()
        return elapsed

    def _age_cache(self) -> None:
        # ForwardMsgCache.incrementRunCount in the frontend.
        self.runs += 1
        oldest = self.runs - self.max_age
        self.cache = {key: run for key, run in self.cache.items() if run >= oldest}

    def _read(self, message: ForwardMsg) -> int | None:
        """Account for one ForwardMsg; the script_finished status, else None."""
        kind = message.WhichOneof("type")
        if kind == "ref_hash":
            if message.ref_hash not in self.cache:
                self.stats.errors.append(f"unknown reference {message.ref_hash}")
            else:
                self.cache[message.ref_hash] = self.runs
            return None
        if message.metadata.cacheable and message.hash:
            self.cache[message.hash] = self.runs
        if kind == "delta":
            delta = message.delta
            if delta.WhichOneof("type") == "new_element":
                self._element(delta.new_element)
        elif kind == "script_finished":
            return message.script_finished
        elif kind == "new_session":
            age = message.new_session.config.max_cached_message_age
            self.max_age = age or DEFAULT_MAX_MESSAGE_AGE
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "page_not_found":
            self.stats.errors.append(f"page not found: {self.path}")
        return None

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            exception = element.exception
            self.stats.errors.append(
                f"exception: {exception.type}: {exception.message}"[:300]
            )
            return
        if kind == "code":
            self.code.append(element.code.code_text)
            return
        if kind not in ("slider", "radio"):
            return
        widget = getattr(element, kind)
        key = widget.query_param_key or widget.id.rsplit("-", 1)[-1]
        if key not in CONTROLS:
            return
        known = self.controls.get(key)
        if kind == "slider":
            set_here = widget.set_value and widget.value
            shown = widget.value if set_here else widget.default
            control = Control(
                key,
                widget.id,
                kind,
                low=widget.min,
                high=widget.max,
                step=widget.step or 1.0,
                value=float(shown[0]) if shown else widget.min,
            )
        else:
            options = tuple(widget.options)
            if widget.set_value and widget.HasField("raw_value"):
                shown_option = widget.raw_value
            elif widget.HasField("default") and 0 <= widget.default < len(options):
                shown_option = options[widget.default]
            else:
                shown_option = options[0] if options else ""
            control = Control(key, widget.id, kind, options=options, value=shown_option)
        if known is not None and known.widget_id == control.widget_id:
            control.value = known.value  # what this student last set wins
        self.controls[key] = control

    async def move(self, key: str | None = None, value: float | str | None = None):
        """Move a control (random one, random new value); the rerun's latency."""
        if not self.controls:
            raise SessionError("the page shows none of the controls " + str(CONTROLS))
        key = key or self.rng.choice(sorted(self.controls))
        control = self.controls[key]
        control.value = control.new_value(self.rng) if value is None else value
        self.stats.moved[key] = self.stats.moved.get(key, 0) + 1
        # Bound widgets: the frontend writes the new value into the URL.
        query = dict(urllib.parse.parse_qsl(self.query, keep_blank_values=True))
        query[key] = (
            f"{control.value:g}" if isinstance(control.value, float) else control.value
        )
        self.query = urllib.parse.urlencode(query)
        return await self.rerun()


async def _student(
    index: int,
    base: str,
    path: str,
    seed: int,
    start_at: float,
    stop_at: float,
    think_s: float,
    timeout_s: float,
    min_moves: int,
    user_agent: str | None = None,
) -> SessionStats:
    rng = random.Random(seed * 1_000_003 + index)
    query = SHARE_LINKS[index % len(SHARE_LINKS)]
    student = Student(base, path, query, rng, timeout_s, user_agent)
    loop = asyncio.get_running_loop()
    await asyncio.sleep(max(0.0, start_at - loop.time()))
    try:
        await student.open()
        while True:
            pause = rng.uniform(0.0, 2.0 * think_s)
            done = len(student.stats.latencies_s) >= min_moves
            if done and loop.time() + pause >= stop_at:
                break
            await asyncio.sleep(pause)
            student.stats.latencies_s.append(await student.move())
    except SessionError as exc:
        student.stats.errors.append(str(exc))
    except (OSError, WebSocketException, TimeoutError) as exc:
        student.stats.errors.append(f"could not open the page: {exc!r}")
    except Exception as exc:  # counted, so that one odd message ends one session only
        student.stats.errors.append(f"client error: {exc!r}")
    finally:
        await student.close()
    return student.stats


def run_async(factory: Callable[[], Awaitable[T]]) -> T:
    """``asyncio.run(factory())`` in a thread of its own.

    A caller may already run an event loop in this thread (Playwright's sync API
    does, for a whole pytest session), where ``asyncio.run`` is refused.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(factory())
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="load-client")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def check_bounds(sessions: int, duration_s: float, rounds: int) -> None:
    """Raise ValueError unless the load stays within the bounds of this tool."""
    if not 1 <= sessions <= MAX_SESSIONS:
        raise ValueError(f"sessions must be in [1, {MAX_SESSIONS}], got {sessions}")
    if not 0 < duration_s <= MAX_DURATION_S:
        raise ValueError(f"duration must be in (0, {MAX_DURATION_S:g}] s")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise ValueError(f"rounds must be in [1, {MAX_ROUNDS}], got {rounds}")


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in [0, 100]); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class LoadResult:
    """One load run against one server."""

    target: str
    round: int
    sessions: int
    duration_s: float
    opened: int
    reruns: int
    sent: int
    finished: int
    errors: int
    p50_ms: float | None
    p95_ms: float | None
    max_ms: float | None
    open_p50_ms: float | None
    open_max_ms: float | None
    client_cpu_s: float | None = None
    peak_rss_mb: float | None = None
    rss_closed_mb: float | None = None
    rss_after_ttl_mb: float | None = None
    error_samples: list[str] = field(default_factory=list)
    moves: dict[str, int] = field(default_factory=dict)

    @property
    def all_finished(self) -> bool:
        return self.sent == self.finished


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def run_load(
    base: str,
    sessions: int,
    duration_s: float,
    *,
    seed: int = 0,
    path: str = "/",
    think_s: float = 2.0,
    ramp_s: float | None = None,
    timeout_s: float = 30.0,
    target: str = "url",
    round_: int = 1,
    min_moves: int = 0,
    user_agent: str | None = None,
) -> LoadResult:
    """Drive ``sessions`` students against ``base`` for ``duration_s`` seconds.

    Sessions open over the first ``ramp_s`` seconds (default: a quarter of the
    duration, at most 5 s), each from one of :data:`SHARE_LINKS`, then move a
    control every ``think_s`` seconds on average until the duration is over,
    but at least ``min_moves`` times each (for tests: a count that does not
    depend on how busy the machine is). ``user_agent`` goes with every request
    (:data:`PHONE_AGENT` for a room of phones).
    """
    check_bounds(sessions, duration_s, 1)
    host = urllib.parse.urlsplit(base).hostname or ""
    if not _loopback(host):
        raise ValueError(f"loopback addresses only, got {host!r}")
    ramp = min(duration_s / 4, 5.0) if ramp_s is None else ramp_s

    async def main() -> list[SessionStats]:
        loop = asyncio.get_running_loop()
        now = loop.time()
        stop_at = now + duration_s
        rng = random.Random(seed)
        starts = sorted(now + rng.uniform(0, ramp) for _ in range(sessions))
        tasks = [
            _student(
                i,
                base,
                path,
                seed,
                starts[i],
                stop_at,
                think_s,
                timeout_s,
                min_moves,
                user_agent,
            )
            for i in range(sessions)
        ]
        return await asyncio.gather(*tasks)

    cpu = time.process_time()
    stats = run_async(main)
    client_cpu_s = round(time.process_time() - cpu, 1)
    latencies = [value for one in stats for value in one.latencies_s]
    opens = [one.open_s for one in stats if one.open_s is not None]
    errors = [error for one in stats for error in one.errors]
    moves: dict[str, int] = {}
    for one in stats:
        for key, count in one.moved.items():
            moves[key] = moves.get(key, 0) + count
    return LoadResult(
        target=target,
        round=round_,
        sessions=sessions,
        duration_s=duration_s,
        opened=len(opens),
        reruns=len(latencies),
        sent=sum(one.sent for one in stats),
        finished=sum(one.finished for one in stats),
        errors=len(errors),
        p50_ms=_ms(percentile(latencies, 50)),
        p95_ms=_ms(percentile(latencies, 95)),
        max_ms=_ms(max(latencies, default=None)),
        open_p50_ms=_ms(percentile(opens, 50)),
        open_max_ms=_ms(max(opens, default=None)),
        client_cpu_s=client_cpu_s,
        error_samples=sorted(set(errors))[:10],
        moves=dict(sorted(moves.items())),
    )


# --------------------------------------------------------------------------- servers


def session_ttl_s(config: Path | None) -> int:
    """``server.disconnectedSessionTTL`` of a config file (Streamlit's default)."""
    if config is None or not config.exists():
        return DEFAULT_TTL_S
    settings = tomllib.loads(config.read_text(encoding="utf-8"))
    return int(settings.get("server", {}).get("disconnectedSessionTTL", DEFAULT_TTL_S))


@dataclass
class Target:
    name: str
    server: Server
    ttl_s: int


@contextlib.contextmanager
def targets(names: Sequence[str]) -> Iterator[list[Target]]:
    """Start the servers: ``app`` as ``make run`` does, ``stock`` with defaults."""
    started: list[Target] = []
    with tempfile.TemporaryDirectory(prefix="focal-stock-") as empty:
        try:
            for name in names:
                if name == "app":
                    server = start_server("app.py")
                    started.append(Target(name, server, session_ttl_s(CONFIG)))
                else:
                    server = start_server(MINIMAL_APP, cwd=empty)
                    started.append(Target(name, server, DEFAULT_TTL_S))
            yield started
        finally:
            for target in started:
                target.server.stop()


def measure(
    names: Sequence[str],
    sessions: int,
    duration_s: float,
    rounds: int,
    *,
    seed: int = 0,
    think_s: float = 2.0,
    timeout_s: float = 30.0,
    settle_s: float = 3.0,
    ttl_wait: bool | None = None,
    log=print,
    user_agent: str | None = None,
) -> list[LoadResult]:
    """Run the load on each target in turn, ``rounds`` times; RSS after each."""
    check_bounds(sessions, duration_s, rounds)
    wait_ttl = rounds > 1 if ttl_wait is None else ttl_wait
    results: list[LoadResult] = []
    with targets(names) as started:
        for round_ in range(1, rounds + 1):
            this_round = []
            for target in started:
                pid = target.server.process.pid
                log(f"round {round_}: {target.name}, {sessions} × {duration_s:g} s")
                with RssMonitor([pid]) as monitor:
                    result = run_load(
                        target.server.base,
                        sessions,
                        duration_s,
                        seed=seed + round_,
                        think_s=think_s,
                        timeout_s=timeout_s,
                        target=target.name,
                        round_=round_,
                        user_agent=user_agent,
                    )
                    time.sleep(settle_s)
                result.peak_rss_mb = round(monitor.peak_mb, 1)
                closed = rss_mb(pid)
                result.rss_closed_mb = None if closed is None else round(closed, 1)
                if target.server.process.poll() is not None:
                    result.errors += 1
                    result.error_samples.append("the server exited")
                this_round.append(result)
                log(format_row(result))
            if wait_ttl:
                wait = max(target.ttl_s for target in started) + 5
                log(f"waiting {wait} s for the disconnected-session TTL")
                time.sleep(wait)
                for target, result in zip(started, this_round, strict=True):
                    after = rss_mb(target.server.process.pid)
                    result.rss_after_ttl_mb = None if after is None else round(after, 1)
            results += this_round
    return results


# --------------------------------------------------------------------------- report

COLUMNS = (
    ("target", "target", "{}"),
    ("round", "round", "{}"),
    ("sessions", "sessions", "{}"),
    ("reruns", "reruns", "{}"),
    ("errors", "errors", "{}"),
    ("unfinished", None, "{}"),
    ("p50 ms", "p50_ms", "{:.0f}"),
    ("p95 ms", "p95_ms", "{:.0f}"),
    ("max ms", "max_ms", "{:.0f}"),
    ("open p50 ms", "open_p50_ms", "{:.0f}"),
    ("peak RSS MB", "peak_rss_mb", "{:.0f}"),
    ("RSS closed", "rss_closed_mb", "{:.0f}"),
    ("RSS after TTL", "rss_after_ttl_mb", "{:.0f}"),
    ("client CPU s", "client_cpu_s", "{:.1f}"),
)


def _cells(result: LoadResult) -> list[str]:
    cells = []
    for _, attribute, form in COLUMNS:
        value = result.sent - result.finished if attribute is None else None
        if attribute is not None:
            value = getattr(result, attribute)
        cells.append("-" if value is None else form.format(value))
    return cells


def format_row(result: LoadResult) -> str:
    return "  ".join(_cells(result)) + (
        f"  errors: {result.error_samples}" if result.error_samples else ""
    )


def format_table(results: Sequence[LoadResult]) -> str:
    header = [title for title, _, _ in COLUMNS]
    rows = [header] + [_cells(result) for result in results]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratios(results: Sequence[LoadResult]) -> list[dict]:
    """app / stock per round, for the p50, p95 and peak RSS."""
    out = []
    by = {(result.target, result.round): result for result in results}
    for (target, round_), app in sorted(by.items()):
        stock = by.get(("stock", round_))
        if target != "app" or stock is None:
            continue
        row = {"round": round_}
        for key in ("p50_ms", "p95_ms", "peak_rss_mb"):
            a, s = getattr(app, key), getattr(stock, key)
            row[key] = round(a / s, 2) if a is not None and s else None
        out.append(row)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--target", choices=("app", "stock", "both"), default="both")
    parser.add_argument(
        "--url-base",
        help="drive an app that is already running (e.g. behind nginx) instead",
    )
    parser.add_argument("--path", default="/", help="page path (with --url-base)")
    parser.add_argument("--think", type=float, default=2.0, help="mean think time s")
    parser.add_argument("--timeout", type=float, default=30.0, help="per rerun, s")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--wait-ttl",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="wait for the session TTL after each round (default: with --rounds > 1)",
    )
    parser.add_argument(
        "--pid",
        type=int,
        action="append",
        default=[],
        help="with --url-base: a server process whose RSS to poll (repeatable; "
        "the RSS columns are then the sum over these processes)",
    )
    parser.add_argument(
        "--phone",
        action="store_true",
        help="every student's browser is a phone's (the app's phone layout)",
    )
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    user_agent = PHONE_AGENT if args.phone else None

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    try:
        check_bounds(args.sessions, args.duration, args.rounds)
        if args.url_base:
            results = []
            for round_ in range(1, args.rounds + 1):
                with RssMonitor(args.pid) as monitor:
                    result = run_load(
                        args.url_base,
                        args.sessions,
                        args.duration,
                        seed=args.seed + round_,
                        path=args.path,
                        think_s=args.think,
                        timeout_s=args.timeout,
                        round_=round_,
                        user_agent=user_agent,
                    )
                    time.sleep(3.0)
                if args.pid:
                    result.peak_rss_mb = round(monitor.peak_mb, 1)
                    closed = total_rss_mb(args.pid)
                    result.rss_closed_mb = None if closed is None else round(closed, 1)
                results.append(result)
        else:
            names = ("app", "stock") if args.target == "both" else (args.target,)
            results = measure(
                names,
                args.sessions,
                args.duration,
                args.rounds,
                seed=args.seed,
                think_s=args.think,
                timeout_s=args.timeout,
                ttl_wait=args.wait_ttl,
                log=log,
                user_agent=user_agent,
            )
    except ValueError as exc:
        parser.error(str(exc))
    print(format_table(results))
    for result in results:
        for sample in result.error_samples:
            print(f"{result.target} round {result.round} error: {sample}")
    compared = ratios(results)
    for row in compared:
        print(
            f"round {row['round']} app/stock: p50 {row['p50_ms']}x, "
            f"p95 {row['p95_ms']}x, peak RSS {row['peak_rss_mb']}x"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "command": " ".join(sys.argv),
            "sessions": args.sessions,
            "duration_s": args.duration,
            "think_s": args.think,
            "seed": args.seed,
            "phone": args.phone,
            "results": [asdict(result) for result in results],
            "ratios": compared,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    failed = any(result.errors or not result.all_finished for result in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
