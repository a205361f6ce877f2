"""Debian's nginx with ``deploy/nginx/focal.conf``, on loopback, without root.

Shared by ``tests/test_nginx.py`` and ``bench/network.py``: the repository's
site file with only the replica ports, the listen address, the access log and
the static folder replaced, inside a minimal ``nginx.conf`` whose pid, logs and
temporary files live in one folder. The static folder is filled by
``deploy/nginx/precompress.py``, as at deploy time.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "nginx" / "focal.conf"
PRECOMPRESS = ROOT / "deploy" / "nginx" / "precompress.py"
#: Debian's ``libnginx-mod-http-brotli-static``.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def nginx_binary() -> str | None:
    """Debian's nginx (``/usr/sbin`` may be missing from a non-root PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None


def brotli_module() -> bool:
    """Whether nginx's brotli_static module is installed."""
    return BROTLI_MODULE.exists()


def _sub(pattern: str, replacement: str, text: str, what: str) -> str:
    text, count = re.subn(pattern, replacement, text)
    assert count == 1, f"focal.conf: the {what} line moved"
    return text


def render_conf(
    text: str,
    listen: int,
    replicas: list[str],
    access_log: Path,
    static: Path = Path("/var/lib/focal/static"),
    brotli: bool = True,
) -> str:
    """The repository's configuration with local ports and paths.

    ``brotli=False`` deletes the ``brotli_static`` line, as the file's header
    says to do where the module is not installed.
    """
    servers = "".join(f"    server {replica};  # replica\n" for replica in replicas)
    text = _sub(r"(    server \S+;  # replica\n)+", servers, text, "replica")
    listen_line = f"listen 127.0.0.1:{listen};  # listen"
    text = _sub(r"listen \S+;  # listen", listen_line, text, "listen")
    log_line = f"access_log {access_log} focal;"
    text = _sub(r"access_log \S+ focal;", log_line, text, "access_log")
    root_line = f"root {static};  # static root"
    text = _sub(r"root \S+;  # static root", root_line, text, "root")
    if not brotli:
        text = _sub(r"\n *brotli_static on;  # brotli", "", text, "brotli_static")
    return text


def main_conf(folder: Path, site: Path, brotli: bool) -> str:
    """A whole nginx.conf around the site file, everything under ``folder``."""
    user = "user root;\n" if os.geteuid() == 0 else ""
    module = f"load_module {BROTLI_MODULE};\n" if brotli else ""
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{module}{user}worker_processes 1;\n"
        "daemon off;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    access_log {folder / 'other.log'};\n"
        f"{temp}"
        f"    include {site};\n"
        "}\n"
    )


def precompress(static: Path, *options: str) -> None:
    """Fill ``static`` as at deploy time (``deploy/nginx/precompress.py``)."""
    subprocess.run(
        [sys.executable, str(PRECOMPRESS), str(static), *options],
        check=True,
        capture_output=True,
        timeout=600,
    )


def _answers(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class Nginx:
    """A running nginx: its base URL, access log, process and folder."""

    base: str
    access_log: Path
    process: subprocess.Popen
    folder: Path


@contextlib.contextmanager
def serve(
    binary: str,
    folder: Path,
    port: int,
    replicas: list[str],
    static: Path,
    brotli: bool | None = None,
) -> Iterator[Nginx]:
    """nginx with ``focal.conf`` in front of ``replicas`` (``host:port``).

    Raises ``RuntimeError`` when the configuration is refused or nginx does not
    answer ``/_stcore/health`` (its error log in the message).
    """
    brotli = brotli_module() if brotli is None else brotli
    folder.mkdir(parents=True, exist_ok=True)
    access_log = folder / "focal.access.log"
    site = folder / "focal.conf"
    site.write_text(
        render_conf(CONF.read_text(), port, replicas, access_log, static, brotli)
    )
    conf = folder / "nginx.conf"
    conf.write_text(main_conf(folder, site, brotli))
    prefix = ["-p", str(folder), "-c", str(conf)]
    check = subprocess.run(
        [binary, "-t", *prefix, "-e", str(folder / "t.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if check.returncode != 0:
        raise RuntimeError(check.stderr)
    process = subprocess.Popen(
        [binary, *prefix, "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if _answers(f"{base}/_stcore/health") or process.poll() is not None:
                break
            time.sleep(0.1)
        if process.poll() is not None or not _answers(f"{base}/_stcore/health"):
            log = folder / "error.log"
            raise RuntimeError(log.read_text() if log.exists() else "nginx failed")
        yield Nginx(base, access_log, process, folder)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
