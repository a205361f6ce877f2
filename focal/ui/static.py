"""Streamlit's frontend files, compressed once: for nginx, and for ``make room``.

Streamlit serves its JavaScript, CSS and fonts uncompressed on purpose
(``starlette_gzip_middleware.py``: compressing per request costs the server
CPU on every first load): 9.6 MB per student. Compressed once, the same files
are about 2.5 MB. :func:`precompress` copies Streamlit's ``static`` folder and
writes ``FILE.gz`` (gzip -9) and, with the ``brotli`` command (Debian's
``brotli`` package), ``FILE.br`` beside each text file:

- behind nginx (``deploy/nginx/precompress.py``), ``gzip_static`` and
  ``brotli_static`` send them as they are;
- in ``make room`` (one Streamlit process, no proxy), :class:`Precompressed`
  answers ``/static/...`` with them before Streamlit's own handler would send
  the uncompressed file. Nothing is compressed per request.

The file names carry a hash of their content, so a copy made for one version
of Streamlit never serves another's files under the same name.
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import shutil
import subprocess
import tempfile
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

#: Worth compressing: text. Fonts (woff2) and images are compressed already.
COMPRESSIBLE = {".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt", ".ttf"}


#: What browsers may keep for a year without asking again (hashed names).
IMMUTABLE = "public, max-age=31536000, immutable"

#: The encodings :class:`Precompressed` sends, best first, and their suffixes.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def streamlit_static() -> Path:
    """The ``static`` folder of the Streamlit this Python imports."""
    from streamlit import file_util

    return Path(file_util.get_static_dir())


def find_brotli() -> str | None:
    """The ``brotli`` command (Debian's ``brotli`` package), or None."""
    return shutil.which("brotli")


def _files(root: Path) -> Iterator[Path]:
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            yield Path(folder) / name


def _fresh(copy: Path, source: Path) -> bool:
    # whole seconds: the brotli command gives its output the input's time, cut
    return copy.exists() and int(copy.stat().st_mtime) >= int(source.stat().st_mtime)


def _gzip(path: Path) -> None:
    target = path.with_name(path.name + ".gz")
    if not _fresh(target, path):
        target.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def _brotli(path: Path, command: str, quality: int) -> None:
    target = path.with_name(path.name + ".br")
    if not _fresh(target, path):
        options = ["--force", f"--quality={quality}", f"--output={target}"]
        subprocess.run([command, *options, str(path)], check=True, capture_output=True)


def precompress(
    dest: Path,
    source: Path | None = None,
    *,
    brotli: str | None,
    quality: int = 11,
    workers: int | None = None,
) -> dict[str, int]:
    """Copy ``source`` (Streamlit's ``static`` folder) to ``dest``, compressed.

    Parameters
    ----------
    dest : Path
        Where the copy goes (nginx's ``root`` of ``/static/``).
    source : Path, optional
        Default: the ``static`` folder of the Streamlit this Python imports.
    brotli : str or None
        The ``brotli`` command (:func:`find_brotli`); None: no ``.br`` files.
    quality : int, default 11
        Brotli's quality, 0 to 11.
    workers : int, optional
        Files compressed at once; default: one per CPU.

    Returns
    -------
    dict
        Counts: ``files`` copied, ``gz`` and ``br`` files present.

    Notes
    -----
    A compressed file newer than its source is kept, so a second run only
    copies. gzip -9 of the 22 MB takes about a second on one core; brotli
    at quality 11 about 30 s, at 5 about 2 s.
    """
    source = source or streamlit_static()
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, dest, dirs_exist_ok=True)
    # every text file, however small: a page loads dozens of tiny modules
    chosen = [path for path in _files(dest) if path.suffix in COMPRESSIBLE]
    jobs: list[tuple[Callable[..., None], tuple]] = [(_gzip, (p,)) for p in chosen]
    if brotli:
        jobs += [(_brotli, (path, brotli, quality)) for path in chosen]
    # the biggest first, so that the last job to finish is a short one
    jobs.sort(key=lambda job: -job[1][0].stat().st_size)
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        for future in [pool.submit(work, *args) for work, args in jobs]:
            future.result()
    everything = list(_files(dest))
    return {
        "files": sum(path.suffix not in {".gz", ".br"} for path in everything),
        "gz": sum(path.suffix == ".gz" for path in everything),
        "br": sum(path.suffix == ".br" for path in everything),
    }


def cached_copy(quality: int = 5) -> Path:
    """A compressed copy for this Streamlit, made once in the temporary folder.

    ``make room`` calls it at start: the first start of a Streamlit version
    compresses (a few seconds), later ones only check the copy.
    """
    import streamlit

    name = f"focal-room-static-{streamlit.__version__}"
    folder = Path(tempfile.gettempdir()) / name
    precompress(folder, brotli=find_brotli(), quality=quality)
    return folder


def _accepted(header: str) -> set[str]:
    """The codings an ``Accept-Encoding`` header allows (``q=0`` refuses)."""
    allowed = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        weight = params.strip().removeprefix("q=")
        if name and not (params.strip().startswith("q=") and float(weight or 0) == 0):
            allowed.add(name.strip().lower())
    return allowed


class Precompressed:
    """ASGI middleware: ``GET /static/...`` from the compressed copy.

    A request for a file that has a ``.br`` or ``.gz`` beside it in ``folder``
    and a browser that accepts that coding gets those bytes (from memory after
    the first request), with the year-long cache header; every other request,
    and every file not in the copy, goes on to Streamlit.

    Parameters
    ----------
    app : ASGI application
        Streamlit's.
    folder : Path
        A copy made by :func:`precompress`.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], folder: Path) -> None:
        self.app = app
        # only the names found when the copy was made: a path is looked up,
        # never joined onto the folder
        self.files = {
            "/" + path.relative_to(folder).as_posix(): path
            for path in _files(folder)
            if path.suffix not in {".gz", ".br"}
        }
        self.loaded: dict[tuple[str, str], bytes] = {}

    def _body(self, path: str, coding: str, suffix: str) -> bytes | None:
        key = (path, coding)
        if key not in self.loaded:
            compressed = self.files[path].with_name(self.files[path].name + suffix)
            if not compressed.exists():
                return None
            self.loaded[key] = compressed.read_bytes()
        return self.loaded[key]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or not path.startswith("/static/")
            or path not in self.files
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        allowed = _accepted(headers.get(b"accept-encoding", b"").decode("latin-1"))
        for coding, suffix in ENCODINGS:
            body = self._body(path, coding, suffix) if coding in allowed else None
            if body is not None:
                await self._send(send, scope, path, coding, body)
                return
        await self.app(scope, receive, send)

    @staticmethod
    async def _send(send: Send, scope: Scope, path: str, coding: str, body: bytes):
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        head = [
            (b"content-type", kind.encode("latin-1")),
            (b"content-encoding", coding.encode("latin-1")),
            (b"content-length", str(len(body)).encode("latin-1")),
            (b"cache-control", IMMUTABLE.encode("latin-1")),
            (b"vary", b"Accept-Encoding"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": head})
        data = b"" if scope.get("method") == "HEAD" else body
        await send({"type": "http.response.body", "body": data})
