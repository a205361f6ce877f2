"""Streamlit's frontend compressed once (focal.ui.static): the copy, and the
middleware that answers ``make room``'s ``/static/`` requests with it."""

from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from bench.load import run_async
from focal.ui import static
from focal.ui.static import IMMUTABLE, Precompressed, find_brotli, precompress
from tests.helpers import missing


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A small stand-in for Streamlit's ``static`` folder."""
    folder = tmp_path / "source"
    (folder / "static" / "js").mkdir(parents=True)
    (folder / "static" / "media").mkdir()
    (folder / "index.html").write_text("<html>" + "x" * 5000 + "</html>")
    (folder / "static" / "js" / "index.abc123.js").write_text("let a = 1;\n" * 3000)
    (folder / "static" / "js" / "tiny.def456.js").write_text("export{};")
    (folder / "static" / "media" / "font.woff2").write_bytes(os.urandom(3000))
    return folder


def test_the_copy_has_a_gzip_beside_every_text_file(
    source: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "dest"
    counts = precompress(dest, source, brotli=None)
    assert counts == {"files": 4, "gz": 3, "br": 0}
    script = dest / "static" / "js" / "index.abc123.js"
    packed = script.with_name(script.name + ".gz").read_bytes()
    assert gzip.decompress(packed) == script.read_bytes()
    assert len(packed) < script.stat().st_size / 20
    assert not (dest / "static" / "media" / "font.woff2.gz").exists()  # woff2: no
    # a second run compresses nothing again
    before = script.with_name(script.name + ".gz").stat().st_mtime_ns
    precompress(dest, source, brotli=None)
    assert script.with_name(script.name + ".gz").stat().st_mtime_ns == before


def test_the_copy_has_a_brotli_file_with_the_command(
    source: Path, tmp_path: Path
) -> None:
    brotli = find_brotli()
    if brotli is None:
        missing("no brotli command (apt-get install brotli)")
    dest = tmp_path / "dest"
    assert precompress(dest, source, brotli=brotli, quality=5)["br"] == 3
    script = dest / "static" / "js" / "index.abc123.js"
    plain = subprocess.run(
        [brotli, "-d", "-c", str(script) + ".br"],
        capture_output=True,
        check=True,
    ).stdout
    assert plain == script.read_bytes()


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("gzip;q=1.0, br;q=0", {"gzip"}),
        ("identity", {"identity"}),
        ("", set()),
        ("BR , GZip;q=0.5", {"br", "gzip"}),
    ],
)
def test_accept_encoding(header: str, allowed: set[str]) -> None:
    assert static._accepted(header) == allowed


class Downstream:
    """Streamlit's app in place: records what reaches it, answers 200 plain."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        self.paths.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"from streamlit"})


def request(
    app: Precompressed, path: str, accept: str = "", method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request through the middleware: status, headers, body."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"accept-encoding", accept.encode())] if accept else [],
    }

    receive = mock.AsyncMock(return_value={"type": "http.request", "body": b""})
    send = mock.AsyncMock()
    # in a thread of its own: after the browser tests, Playwright holds an event
    # loop in the main thread, where asyncio.run is refused
    run_async(lambda: app(scope, receive, send))
    (start,), (body,) = (call.args for call in send.await_args_list)
    headers = {key.decode(): value.decode() for key, value in start["headers"]}
    return start["status"], headers, body["body"]


def test_the_middleware_sends_the_compressed_file(source: Path, tmp_path) -> None:
    dest = tmp_path / "dest"
    precompress(dest, source, brotli=None)
    streamlit = Downstream()
    app = Precompressed(streamlit, dest)
    script = "/static/js/index.abc123.js"
    status, headers, body = request(app, script, "gzip, deflate, br")
    assert status == 200
    assert headers["content-encoding"] == "gzip"  # no .br in this copy
    assert headers["cache-control"] == IMMUTABLE
    assert headers["vary"] == "Accept-Encoding"
    assert "javascript" in headers["content-type"]
    assert int(headers["content-length"]) == len(body)
    assert gzip.decompress(body) == (source / script.lstrip("/")).read_bytes()
    assert streamlit.paths == []  # Streamlit never saw it
    # HEAD: the headers, no body
    assert request(app, script, "gzip", method="HEAD")[2] == b""


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/static/js/index.abc123.js", ""),  # no compression accepted
        ("/static/js/index.abc123.js", "gzip;q=0"),
        ("/static/media/font.woff2", "gzip"),  # compressed already: no .gz
        ("/static/js/other.999.js", "gzip"),  # not in the copy
        ("/static/../../etc/passwd", "gzip"),  # a name, never a path joined
        ("/", "gzip"),  # the page: Streamlit's
        ("/_stcore/health", "gzip"),
    ],
)
def test_everything_else_goes_to_streamlit(
    source: Path, tmp_path: Path, path: str, accept: str
) -> None:
    dest = tmp_path / "dest"
    precompress(dest, source, brotli=None)
    streamlit = Downstream()
    status, _, body = request(Precompressed(streamlit, dest), path, accept)
    assert (status, body) == (200, b"from streamlit")
    assert streamlit.paths == [path]
