"""What crosses the wire per slider move, read off Streamlit's own messages.

A student's browser keeps the messages it was sent and tells the server which
(``bench/load.py``'s client does the same): a message the browser holds comes
again as a reference of a few bytes. Figure 1's animation is 51 frames; a move
of γ must not send them: the still figure has none, and the sweep's message
is the same for every γ, so it arrives as a reference. The counting relay of
``bench/network.py`` is checked here too (bytes in, bytes out).
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load import run_async
from bench.wire import Relay
from tests.helpers import open_tab

pytestmark = pytest.mark.load


def charts(messages: list[ForwardMsg]) -> list[dict]:
    """The Plotly figures sent in full in ``messages``."""
    elements = [message.delta.new_element for message in messages]
    return [
        json.loads(element.plotly_chart.spec)
        for element in elements
        if element.WhichOneof("type") == "plotly_chart"
    ]


def references(messages: list[ForwardMsg]) -> int:
    return sum(message.WhichOneof("type") == "ref_hash" for message in messages)


def moves_of_gamma(base: str, query: str) -> list[list[ForwardMsg]]:
    """A student opens the Explorer at ``query`` and moves γ three times: the
    messages of the opening run, then of each move."""

    async def drive() -> list[list[ForwardMsg]]:
        student = await open_tab(base, "/", query)
        runs = [student.messages]
        for value in (3.0, 0.5, 4.2):
            await student.move("gamma", value)
            runs.append(student.messages)
        await student.close()
        assert student.stats.errors == []
        return runs

    return run_async(drive)


def test_a_gamma_move_sends_no_animation_frames(app_base: str) -> None:
    opening, *moves = moves_of_gamma(app_base, "view=family")
    for messages in [opening, *moves]:
        (figure,) = charts(messages)
        assert not figure.get("frames")  # the still figure follows γ
        assert "sliders" not in figure["layout"]


def test_the_sweep_comes_once_then_as_a_reference(app_base: str) -> None:
    opening, *moves = moves_of_gamma(app_base, "view=family&sweep=true")
    (sweep,) = charts(opening)
    assert len(sweep["frames"]) == 51
    for messages in moves:
        assert charts(messages) == []  # no chart sent in full: nothing changed
        assert references(messages) >= 1  # the sweep, as its hash


def test_the_relay_counts_what_passes() -> None:
    """Bytes each way, by connection kind, as they cross the socket."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def echo() -> None:
        for _ in range(2):
            connection, _ = server.accept()
            with connection:
                request = connection.recv(65536)
                connection.sendall(b"x" * 1000 + request[:10])

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()

    async def ask(relay: Relay, head: bytes) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", relay.port)
        writer.write(head)
        await writer.drain()
        answer = await reader.read()
        writer.close()
        return answer

    plain = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
    upgrade = b"GET /_stcore/stream HTTP/1.1\r\nUpgrade: websocket\r\n\r\n"
    with Relay("127.0.0.1", port) as relay:
        before = relay.snapshot()
        assert len(run_async(lambda: ask(relay, plain))) == 1010
        assert len(run_async(lambda: ask(relay, upgrade))) == 1010
        used = relay.snapshot() - before
    thread.join(5)
    server.close()
    assert used[("http", "up")] == len(plain)
    assert used[("ws", "up")] == len(upgrade)
    assert used[("http", "down")] == used[("ws", "down")] == 1010
    assert used.total == len(plain) + len(upgrade) + 2020
    assert used.connections == {"http": 1, "ws": 1}
