"""``streamlit run`` on a free local port, and the system Chromium to drive it.

Shared by the browser tests (``tests/browser/conftest.py``) and the latency
benchmark (``bench/latency.py``), so both start and probe the app the same way.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Headless Chromium as root on a machine with no network beyond the registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

#: A phone's browser (Android Chrome): the user agent that gives the app's phone
#: layout, for the browser tests and for ``bench/load.py --phone``.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
)

# The charts on the page: Plotly's, or else the CE and FL view's on-drag SVG
# chart (issue 16) as {data: [{y: what it draws}]}: its FL path, its markers and
# its numbers, read from the component's shadow root.
CHARTS = """() => {
  const plotly = [...document.querySelectorAll('.js-plotly-plot')];
  if (plotly.length) return plotly;
  const host = document.querySelector('.st-key-drag_chart');
  const inner = host && [...host.querySelectorAll('*')].find(e => e.shadowRoot);
  const root = inner ? inner.shadowRoot : host;
  const fl = root && root.querySelector('.fd-fl');
  if (!fl || !fl.getAttribute('d')) return [];
  const marks = [...root.querySelectorAll('circle')].map(c => c.getAttribute('cy'));
  const numbers = document.querySelector('.st-key-drag_numbers');
  return [{data: [{y: [fl.getAttribute('d'), ...marks,
                       numbers ? numbers.innerText : '']}]}];
}"""

# The page drew its first chart.
FIRST_CHART = f"""() => {{
  const chart = ({CHARTS})()[0];
  return !!chart && Array.isArray(chart.data) && chart.data.length > 0;
}}"""

# Health polling: bounded attempts; the interval is a wait on the process itself,
# so a server that dies is noticed at once instead of after the last attempt.
HEALTH_ATTEMPTS = 600
HEALTH_INTERVAL_S = 0.1
HEALTH_TIMEOUT_S = 2.0


def chromium_path() -> str | None:
    """The system Chromium, or None."""
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def free_port() -> int:
    """A TCP port that was free a moment ago (bind to port 0, read, release)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether a Streamlit server answers ``ok`` at ``url`` (its health path)."""
    try:
        with urllib.request.urlopen(url, timeout=HEALTH_TIMEOUT_S) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class Server:
    """A running ``streamlit run``: its process, base URL and log file."""

    process: subprocess.Popen
    base: str
    log: Path

    def stop(self) -> None:
        """Terminate it (kill it if it does not stop) and remove its log."""
        stop_process(self.process)
        self.log.unlink(missing_ok=True)


def stop_process(process: subprocess.Popen, timeout_s: float = 10) -> None:
    """Terminate ``process``; kill it if it has not ended after ``timeout_s``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout_s)


def start_server(
    script: str | Path, *options: str, cwd: str | Path | None = None
) -> Server:
    """Start ``streamlit run script`` from the project root on a free port.

    Returns once ``/_stcore/health`` answers "ok". Raises ``RuntimeError`` when
    the server exits or never becomes healthy (the log is in the message).
    ``options`` are passed on, e.g. ``"--server.fileWatcherType", "none"``.
    ``cwd`` replaces the project root as the working directory: Streamlit reads
    ``.streamlit/config.toml`` from there, so a folder without one gives the
    default configuration (``script`` should then be an absolute path).
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script)]
    command += ["--server.port", str(port), "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false", *options]
    return start_command(command, port, cwd=cwd, name=str(script))


def start_command(
    command: list[str], port: int, cwd: str | Path | None = None, name: str = ""
) -> Server:
    """Start ``command``, which serves the app on loopback ``port``.

    For a server started its own way (``make room``'s command, for instance).
    Returns once ``/_stcore/health`` answers "ok", else raises ``RuntimeError``.
    """
    log = Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=cwd or ROOT, stdout=sink, stderr=subprocess.STDOUT
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    for _ in range(HEALTH_ATTEMPTS):
        if healthy(f"{server.base}/_stcore/health"):
            return server
        try:
            process.wait(timeout=HEALTH_INTERVAL_S)
        except subprocess.TimeoutExpired:
            continue
        break
    text = log.read_text()
    server.stop()
    raise RuntimeError(f"{name or command}: streamlit did not become healthy:\n{text}")
