"""Bytes on the wire: a counting TCP relay on loopback.

Between a client (Chromium, or the protocol client of ``bench/load.py``) and a
server, the relay copies bytes both ways and counts them as they pass the
socket, so what it counts is what a network would carry (TCP payload: HTTP
headers and bodies after any compression, websocket frames after
``permessage-deflate``; not the IP and TCP headers). Each connection is sorted
by its first request: a websocket upgrade (``ws``) or plain HTTP (``http``).

The relay runs its own event loop in a thread, so a synchronous caller
(Playwright's sync API) and an asynchronous one can both use it::

    with Relay("127.0.0.1", 8501) as relay:
        before = relay.snapshot()
        ...  # drive a client at relay.base
        used = relay.snapshot() - before
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import Counter
from dataclasses import dataclass, field

#: Where a byte went: (kind of connection, direction).
Key = tuple[str, str]

KINDS = ("http", "ws")
DIRECTIONS = ("down", "up")  # down: server to client


@dataclass(frozen=True)
class Bytes:
    """Bytes counted, by connection kind and direction; subtract two snapshots."""

    counts: dict[Key, int] = field(default_factory=dict)
    connections: dict[str, int] = field(default_factory=dict)

    def __sub__(self, other: Bytes) -> Bytes:
        counts = {key: self[key] - other[key] for key in _keys()}
        connections = {
            kind: self.connections.get(kind, 0) - other.connections.get(kind, 0)
            for kind in KINDS
        }
        return Bytes(counts, connections)

    def __getitem__(self, key: Key) -> int:
        return self.counts.get(key, 0)

    @property
    def total(self) -> int:
        """Every byte, both kinds, both directions."""
        return sum(self.counts.values())

    def of(self, kind: str | None = None, direction: str | None = None) -> int:
        """Bytes of one kind and/or one direction (None: all)."""
        return sum(
            value
            for (k, d), value in self.counts.items()
            if kind in (None, k) and direction in (None, d)
        )


def _keys() -> list[Key]:
    return [(kind, direction) for kind in KINDS for direction in DIRECTIONS]


def _kind(first: bytes) -> str:
    """``ws`` for a websocket upgrade request, else ``http``."""
    head = first.split(b"\r\n\r\n", 1)[0].lower()
    return "ws" if b"upgrade: websocket" in head else "http"


class Relay:
    """A TCP relay from a free loopback port to ``host:port`` that counts bytes.

    Parameters
    ----------
    host, port : str, int
        The server to relay to.
    """

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._counts: Counter[Key] = Counter()
        self._connections: Counter[str] = Counter()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="relay", daemon=True)
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None

    @property
    def base(self) -> str:
        """The relay's URL: open this instead of the server's."""
        return f"http://127.0.0.1:{self.port}"

    def snapshot(self) -> Bytes:
        """The bytes counted so far (a copy)."""
        counts = dict(self._counts)
        return Bytes(counts, dict(self._connections))

    # -- lifecycle

    def __enter__(self) -> Relay:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the relay did not start")
        return self

    def __exit__(self, *_: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            tasks = asyncio.all_tasks(self._loop)
            for task in tasks:
                task.cancel()
            with contextlib.suppress(Exception):
                self._loop.run_until_complete(
                    asyncio.gather(*tasks, return_exceptions=True)
                )
            self._loop.close()

    # -- relaying

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        try:
            first = await reader.read(65536)
            kind = _kind(first)
            self._connections[kind] += 1
            if first:
                self._counts[(kind, "up")] += len(first)
                up_writer.write(first)
            await asyncio.gather(
                self._pump(reader, up_writer, (kind, "up")),
                self._pump(up_reader, writer, (kind, "down")),
                return_exceptions=True,
            )
        except asyncio.CancelledError:
            pass  # the relay is closing: the connection ends with it
        finally:
            for end in (writer, up_writer):
                with contextlib.suppress(Exception):
                    end.close()

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, key: Key
    ) -> None:
        try:
            while chunk := await reader.read(65536):
                self._counts[key] += len(chunk)
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                if writer.can_write_eof():
                    writer.write_eof()
                else:
                    writer.close()
