"""Latency of the Explorer against the floor Streamlit itself sets, in one run.

The floor is ``bench/minimal_app.py``: one ``st.slider`` (key ``gamma``, same
range and step as the Explorer's γ) and one ``st.plotly_chart`` of a 501-point
NumPy curve that depends on it. Every measurement alternates between the two
apps, so the noise of this shared machine falls on both alike, and the result
is a ratio Explorer / minimal.

(a) Browser: keypress to changed chart data
    Both apps run under ``streamlit run`` on free local ports; one headless
    system Chromium opens each in its own context. Each round presses a key on
    the γ slider's thumb in both pages (the order alternates every round; the
    direction alternates ArrowRight / ArrowLeft so γ stays at 2.0 / 2.1).
    Method, identical for both apps and all in the page: before the press, a
    script reads the JSON of the traces' ``y`` of the first and of the last
    chart on the page (``.js-plotly-plot`` ``.data``, which Plotly keeps on the
    element) and listens for ``keydown`` in the capture phase. The press is
    dispatched from Python; the listener takes ``performance.now()`` when the
    key event reaches the page, then looks at both charts once per animation
    frame (comparing the JSON only when the element holds a new ``data``
    array); the first frame in which a chart's data differs gives its time. So a
    sample is key event -> the frame in which the new data is on the chart,
    including the websocket round trip, the script rerun on the server (up to
    that chart) and Plotly's redraw, excluding Playwright's own protocol
    overhead, with a resolution of one frame (about 17 ms).
    The Explorer shows one view at a time (``?view=``); two of its views are
    measured, each in its own browser context on the same server: the default
    one (``/``, CE and FL: the loss chart with the numbers and the formula
    beside it) and Figure 1 (``/?view=family``: the heaviest chart, 51
    animation frames). Each has one chart, as the minimal app does.
    A third reference, ``bench/minimal_navigation_app.py``, is the minimal app
    laid out as the Explorer is (slider in the sidebar, chart on a page of
    ``st.navigation``): the part of the gap that ``st.navigation`` itself
    costs, which any app built on it pays (reported, no target). A fourth,
    ``bench/skeleton_app.py``, is what the issue requires around the loss
    chart and nothing more: ``st.navigation``, the app's seven shared controls
    in the sidebar and the Explorer's loss chart (reported, no target): the
    least any layout of the required parts can cost.
    Before the next press the page must be idle: no status widget, no stale
    element, and no DOM change for ``QUIET_MS``. Two warm-up presses per app
    are not counted. Reported: p50 and p95 (inclusive quantiles) over
    ``--presses`` samples.

(b) Server: script rerun with ``streamlit.testing.v1.AppTest``
    ``at.slider(key="gamma").set_value(v).run()`` timed with
    ``time.perf_counter``, v alternating 2.1 / 2.0, apps alternating, after one
    first run and two warm-up reruns each. Reported: median over ``--reruns``.

(c) Cold start: from ``subprocess.Popen(["streamlit", "run", ...])`` to the
    first chart drawn with data in a new browser context (health polled every
    50 ms), ``--cold-starts`` times per app, alternating. Reported: median.

Targets: Explorer / minimal <= 1.25x in the browser (p50, each view),
<= 2x on the server (median).

Run it from the repository root::

    .venv/bin/python bench/latency.py
    .venv/bin/python bench/latency.py --presses 40 --json bench/results/latency.json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shlex
import statistics
import sys
import tempfile
import time
import urllib.parse
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright
from streamlit_server import CHARTS, CHROMIUM_ARGS, FIRST_CHART, Server, start_server
from streamlit_server import chromium_path as system_chromium

ROOT = Path(__file__).resolve().parents[1]
# AppTest runs the scripts in this process: they import ``focal`` from the root.
sys.path.insert(0, str(ROOT))

APPS: dict[str, Path] = {
    "explorer": ROOT / "app.py",
    "minimal": ROOT / "bench" / "minimal_app.py",
    "navigation": ROOT / "bench" / "minimal_navigation_app.py",
    "skeleton": ROOT / "bench" / "skeleton_app.py",
}
#: What is measured: (app, link). The Explorer shows one view at a time; its
#: default view (CE and FL) and its heaviest, Figure 1 with 51 animation frames.
PAGES: dict[str, tuple[str, str]] = {
    "explorer": ("explorer", "/"),
    "figure1": ("explorer", "/?view=family"),
    "minimal": ("minimal", "/"),
    "navigation": ("navigation", "/"),
    "skeleton": ("skeleton", "/"),
}
LABELS = {
    "explorer": "Explorer, CE and FL view",
    "figure1": "Explorer, Figure 1 view",
    "navigation": "floor with st.navigation (reference)",
    "skeleton": "required parts only (reference)",
}
#: References: reported beside the Explorer, without a target.
REFERENCES = ("navigation", "skeleton")
# two pages measured in turn: neither may be throttled as "in background"
BROWSER_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
WARMUP = 2
QUIET_MS = 300
TIMEOUT_MS = 60_000
TARGETS = {"browser": 1.25, "server": 2.0}

# Arm the measurement of the next keypress (see the module docstring, (a)).
ARM = f"""() => {{
  const chart = (which) => {{
    const charts = ({CHARTS})();
    return which === 'first' ? charts[0] : charts[charts.length - 1];
  }};
  const json = (data) => JSON.stringify(data.map(t => t.y));
  // the JSON is compared only when the chart holds a new data array, so the
  // per-frame cost is the same small constant for both apps
  const seen = {{}}, before = {{}};
  for (const which of ['first', 'last']) {{
    const c = chart(which);
    if (!c || !Array.isArray(c.data)) return false;
    seen[which] = c.data;
    before[which] = json(c.data);
  }}
  const state = window.__latency = {{start: null, first: null, last: null}};
  const onKey = () => {{
    window.removeEventListener('keydown', onKey, true);
    state.start = performance.now();
    const tick = () => {{
      for (const which of ['first', 'last']) {{
        if (state[which] !== null) continue;
        const c = chart(which);
        if (!c || !Array.isArray(c.data) || c.data === seen[which]) continue;
        seen[which] = c.data;
        if (json(c.data) !== before[which]) {{
          state[which] = performance.now() - state.start;
        }}
      }}
      if (state.first === null || state.last === null) requestAnimationFrame(tick);
    }};
    requestAnimationFrame(tick);
  }};
  window.addEventListener('keydown', onKey, true);
  return true;
}}"""

# Record the time of the last DOM change (for the quiet period between presses).
WATCH_MUTATIONS = """() => {
  if (window.__lastMutation !== undefined) return;
  window.__lastMutation = performance.now();
  new MutationObserver(() => { window.__lastMutation = performance.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true});
}"""

IDLE = f"""() => {{
  const charts = ({CHARTS})();
  return charts.length > 0
    && charts.every(c => Array.isArray(c.data) && c.data.length > 0)
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')
    && performance.now() - window.__lastMutation > {QUIET_MS};
}}"""

STATE = """() => ({
  url: location.href,
  running: !!document.querySelector('[data-testid="stStatusWidget"]'),
  stale: document.querySelectorAll('[data-stale="true"]').length,
  quietMs: performance.now() - window.__lastMutation,
  exceptions: [...document.querySelectorAll('[data-testid="stException"]')]
    .map(e => e.innerText.slice(0, 300)),
})"""

# --- servers -------------------------------------------------------------------


def launch(script: Path) -> Server:
    # measure the app, not the reloader: no watching of source files
    return start_server(script, "--server.fileWatcherType", "none")


@contextlib.contextmanager
def servers(names: list[str]) -> Iterator[dict[str, Server]]:
    started: dict[str, Server] = {}
    try:
        for name in names:
            started[name] = launch(APPS[name])
        yield started
    finally:
        for server in started.values():
            server.stop()


# --- statistics ----------------------------------------------------------------


def percentile(samples: list[float], q: int) -> float:
    """The q-th percentile (inclusive method, as ``statistics.quantiles``)."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def orders(rounds: int, names: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Round numbers with the apps' order, reversed every other round."""
    for index in range(rounds):
        yield index, names if index % 2 == 0 else names[::-1]


# --- (a) browser -----------------------------------------------------------------


@dataclass
class BrowserPage:
    page: Any
    presses: int = 0
    first: list[float] = field(default_factory=list)

    def thumb(self) -> Any:
        box = self.page.locator('[data-testid="stSlider"]').filter(has_text="γ")
        return box.first.get_by_role("slider")

    def press(self) -> tuple[float, float]:
        """Press the next key on the γ thumb; in-page ms to first and last chart."""
        key = "ArrowRight" if self.presses % 2 == 0 else "ArrowLeft"
        self.presses += 1
        try:
            self.page.wait_for_function(IDLE)
        except PlaywrightTimeoutError:
            state = self.page.evaluate(STATE)
            raise RuntimeError(f"the page never became idle: {state}") from None
        self.thumb().focus()
        if not self.page.evaluate(ARM):
            raise RuntimeError("no chart with data to watch")
        self.page.keyboard.press(key)
        self.page.wait_for_function(
            "() => window.__latency.first !== null && window.__latency.last !== null"
        )
        first, last = self.page.evaluate(
            "() => [window.__latency.first, window.__latency.last]"
        )
        return float(first), float(last)


def measure_browser(browser: Any, presses: int) -> dict[str, list[float]]:
    """Samples (ms) per page: keypress to changed chart data (one chart each)."""
    names = list(PAGES)
    with servers(list(APPS)) as running:
        pages: dict[str, BrowserPage] = {}
        for name in names:
            app, link = PAGES[name]
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            page.goto(running[app].base + link)
            page.wait_for_function(FIRST_CHART)
            page.evaluate(WATCH_MUTATIONS)
            pages[name] = BrowserPage(page)
        for _, order in orders(WARMUP, names):
            for name in order:
                pages[name].press()
        for _, order in orders(presses, names):
            for name in order:
                first, _ = pages[name].press()
                pages[name].first.append(first)
        for entry in pages.values():
            entry.page.context.close()
    return {name: entry.first for name, entry in pages.items()}


# --- (b) server ------------------------------------------------------------------


def measure_server(reruns: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    names = list(PAGES)
    tests = {}
    for name in names:
        app, link = PAGES[name]
        at = AppTest.from_file(str(APPS[app]), default_timeout=120)
        for key, value in urllib.parse.parse_qsl(link.partition("?")[2]):
            at.query_params[key] = value
        at.run()
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].message}")
        tests[name] = at
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index, order in orders(WARMUP + reruns, names):
        value = 2.1 if index % 2 == 0 else 2.0
        for name in order:
            at = tests[name]
            start = time.perf_counter()
            at.slider(key="gamma").set_value(value).run()
            elapsed = (time.perf_counter() - start) * 1000
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
            if index >= WARMUP:
                samples[name].append(elapsed)
    return samples


# --- (c) cold start ----------------------------------------------------------------


def measure_cold(browser: Any, starts: int) -> dict[str, list[float]]:
    names = ["explorer", "minimal"]
    samples: dict[str, list[float]] = {name: [] for name in names}
    for _, order in orders(starts, names):
        for name in order:
            start = time.perf_counter()
            server = launch(APPS[name])
            try:
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                page.goto(server.base + "/")
                page.wait_for_function(FIRST_CHART)
                samples[name].append((time.perf_counter() - start) * 1000)
                context.close()
            finally:
                server.stop()
    return samples


# --- (d) on-drag: the CE and FL chart follows a drag (issue 16) -------------------

# In the Explorer's page, before a drag of the chart's own γ input: every input
# event's time (``event.timeStamp``), every animation frame's time and whether
# the chart (its FL path and marker) changed since the frame before, the
# release (pointerup, capture phase) and the first frame after it in which the
# page has settled on ``target``: γ in the URL and on the shared slider, no
# element stale, no run in progress.
DRAG_ARM = """(target) => {
  const host = document.querySelector('.st-key-drag_chart');
  const inner = [...host.querySelectorAll('*')].find(e => e.shadowRoot);
  const root = inner ? inner.shadowRoot : host;
  const fl = root.querySelector('.fd-fl'), point = root.querySelector('.fd-pt-fl');
  const drawn = () => fl.getAttribute('d') + '|' + point.getAttribute('cy');
  const log = window.__drag = {inputs: [], frames: [], latency: [],
                               release: null, settled: null};
  let last = drawn(), pending = [];
  root.querySelector('.fd-g').addEventListener('input', (event) => {
    log.inputs.push(event.timeStamp);
    pending.push(event.timeStamp);
  });
  window.addEventListener('pointerup', (event) => {
    log.release = event.timeStamp;
  }, {capture: true, once: true});
  const shared = () => [...document.querySelectorAll(
      '[data-testid="stSidebar"] [data-testid="stSlider"]')]
    .find(s => s.innerText.trim().startsWith('γ'));
  const settled = () => {
    const slider = shared();
    const value = slider && slider.querySelector('[data-testid="stSliderThumbValue"]');
    return new URLSearchParams(location.search).get('gamma') === target
      && value && value.innerText.trim() === target
      && !document.querySelector('[data-stale="true"]')
      && !document.querySelector('[data-testid="stStatusWidget"]');
  };
  const tick = () => {
    const now = performance.now(), shown = drawn();
    const changed = shown !== last;
    last = shown;
    if (log.release === null) {
      log.frames.push([now, changed]);
      if (changed) { for (const t of pending) log.latency.push(now - t); pending = []; }
    } else if (settled()) {
      log.settled = now;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return true;
}"""

DRAG_INPUT = """() => {
  const host = document.querySelector('.st-key-drag_chart');
  const inner = [...host.querySelectorAll('*')].find(e => e.shadowRoot);
  const root = inner ? inner.shadowRoot : host;
  const box = root.querySelector('.fd-g').getBoundingClientRect();
  return {x: box.x, y: box.y, width: box.width, height: box.height,
          value: parseFloat(root.querySelector('.fd-g').value)};
}"""

#: Targets of the drags in turn; each drag goes from where γ is up to 5, down
#: to 0 and up to the target, one 0.1 step per mouse move (90-110 moves).
DRAG_TARGETS = (2.5, 1.5)


def drag_path(start: float, target: float) -> list[float]:
    up = [round(start + k / 10, 1) for k in range(1, round((5.0 - start) * 10) + 1)]
    down = [round(5.0 - k / 10, 1) for k in range(1, 51)]
    back = [round(k / 10, 1) for k in range(1, round(target * 10) + 1)]
    return up + down + back


@dataclass
class Wire:
    """A page's websocket: rerun requests sent, and message sizes received
    (the payload, inflated, and each message deflated alone: an upper bound of
    what ``permessage-deflate`` puts on the wire)."""

    reruns: int = 0
    received: list[tuple[int, int]] = field(default_factory=list)

    def watch(self, socket: Any) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload: bytes | str) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if not isinstance(payload, bytes):
            return
        if BackMsg.FromString(payload).WhichOneof("type") == "rerun_script":
            self.reruns += 1

    def _received(self, payload: bytes | str) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        deflated = len(packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH))
        self.received.append((len(data), deflated))

    def since(self, mark: int) -> tuple[int, int]:
        sizes = self.received[mark:]
        return sum(s for s, _ in sizes), sum(d for _, d in sizes)


def open_watched(browser: Any, url: str, wire: Wire) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("websocket", wire.watch)
    page.goto(url)
    page.wait_for_function(FIRST_CHART)
    page.evaluate(WATCH_MUTATIONS)
    page.wait_for_function(IDLE)
    return page


def one_drag(page: Any, wire: Wire, target: float) -> dict[str, Any]:
    """Drag the chart's γ to ``target`` with the mouse; what the page saw."""
    box = page.evaluate(DRAG_INPUT)
    inset = 8.0  # half of Chromium's range thumb

    def at(value: float) -> tuple[float, float]:
        x = box["x"] + inset + value / 5.0 * (box["width"] - 2 * inset)
        return x, box["y"] + box["height"] / 2

    path = drag_path(box["value"], target)
    page.evaluate(DRAG_ARM, f"{target:g}")
    page.mouse.move(*at(box["value"]))
    before = wire.reruns
    page.mouse.down()
    for value in path:
        page.mouse.move(*at(value))
    during = wire.reruns - before
    release_mark = len(wire.received)
    page.mouse.up()
    page.wait_for_function("() => window.__drag.settled !== null")
    page.wait_for_function(IDLE)  # and quiet: a late second rerun would show here
    log = page.evaluate("() => window.__drag")
    first, last = log["inputs"][0], log["inputs"][-1]
    # the frames of the drag: from the first input to the frame showing the last
    shown_last = next(
        (i for i, (t, _) in enumerate(log["frames"]) if t >= last), len(log["frames"])
    )
    frames = [c for t, c in log["frames"][: shown_last + 1] if t >= first]
    payload, deflated = wire.since(release_mark)
    return {
        "moves": len(path),
        "inputs": len(log["inputs"]),
        "latency_ms": log["latency"],
        "frames": len(frames),
        "changed": sum(frames),
        "reruns_during": during,
        "reruns_after": wire.reruns - before - during,
        "release_to_settled_ms": log["settled"] - log["release"],
        "commit_bytes": payload,
        "commit_bytes_deflated": deflated,
    }


def measure_drag(browser: Any, drags: int, today: Path | None) -> dict[str, Any]:
    """(d): ``drags`` mouse drags of the Explorer's γ, interleaved with
    keypresses on the γ slider of today's Explorer (``today``, a checkout of
    the code before issue 16) and of the minimal app."""
    names = ["explorer", "minimal"]
    with contextlib.ExitStack() as stack:
        running = {name: stack.enter_context(servers([name]))[name] for name in names}
        if today is not None:
            running["today"] = start_server(
                today / "app.py", "--server.fileWatcherType", "none", cwd=today
            )
            stack.callback(running["today"].stop)
        wires = {name: Wire() for name in running}
        pages = {
            name: open_watched(browser, server.base + "/", wires[name])
            for name, server in running.items()
        }
        presses = {
            name: BrowserPage(page)
            for name, page in pages.items()
            if name != "explorer"
        }
        for entry in presses.values():  # warm-up, not counted
            for _ in range(WARMUP):
                entry.press()
        drags_seen: list[dict[str, Any]] = []
        keys: dict[str, list[float]] = {name: [] for name in presses}
        key_bytes: dict[str, list[tuple[int, int]]] = {name: [] for name in presses}
        for index in range(drags):
            drags_seen.append(
                one_drag(pages["explorer"], wires["explorer"], DRAG_TARGETS[index % 2])
            )
            for name in sorted(presses, reverse=index % 2 == 1):
                mark = len(wires[name].received)
                first, _ = presses[name].press()
                presses[name].page.wait_for_function(IDLE)
                keys[name].append(first)
                key_bytes[name].append(wires[name].since(mark))
        for page in pages.values():
            page.context.close()
    return {"drags": drags_seen, "keypress_ms": keys, "keypress_bytes": key_bytes}


def summarise_drag(result: dict[str, Any]) -> dict[str, Any]:
    drags = result["drags"]
    latency = [ms for d in drags for ms in d["latency_ms"]]
    settled = [d["release_to_settled_ms"] for d in drags]
    summary: dict[str, Any] = {
        "drags": len(drags),
        "moves": [d["moves"] for d in drags],
        "input_to_frame_p50_ms": percentile(latency, 50),
        "input_to_frame_p95_ms": percentile(latency, 95),
        "inputs": len(latency),
        "changed_fraction": [d["changed"] / max(d["frames"], 1) for d in drags],
        "reruns_during": [d["reruns_during"] for d in drags],
        "reruns_after": [d["reruns_after"] for d in drags],
        "release_to_settled_p50_ms": percentile(settled, 50),
        "release_to_settled_p95_ms": percentile(settled, 95),
        "commit_bytes_p50": statistics.median(d["commit_bytes"] for d in drags),
        "commit_bytes_deflated_p50": statistics.median(
            d["commit_bytes_deflated"] for d in drags
        ),
    }
    for name, samples in result["keypress_ms"].items():
        summary[f"{name}_keypress_p50_ms"] = percentile(samples, 50)
        summary[f"{name}_keypress_p95_ms"] = percentile(samples, 95)
        sizes = result["keypress_bytes"][name]
        summary[f"{name}_keypress_bytes_p50"] = statistics.median(s for s, _ in sizes)
        summary[f"{name}_keypress_bytes_deflated_p50"] = statistics.median(
            d for _, d in sizes
        )
    if "today" in result["keypress_ms"]:
        summary["release_vs_today_keypress"] = (
            summary["release_to_settled_p50_ms"] / summary["today_keypress_p50_ms"]
        )
    return summary


def print_drag(summary: dict[str, Any]) -> None:
    s = summary
    fractions = s["changed_fraction"]
    print("(d) on-drag, the CE and FL view's own γ input, mouse drags")
    print(f"  drags: {s['drags']} of {min(s['moves'])}-{max(s['moves'])} moves")
    print(
        f"  input -> next frame with the chart changed: p50 "
        f"{s['input_to_frame_p50_ms']:.1f} ms, p95 {s['input_to_frame_p95_ms']:.1f} ms"
        f" over {s['inputs']} inputs (target p95 <= 16.7 ms: "
        f"{'met' if s['input_to_frame_p95_ms'] <= 16.7 else 'NOT met'})"
    )
    print(
        f"  frames of a drag with the chart changed: median "
        f"{statistics.median(fractions):.0%}, lowest {min(fractions):.0%} (target "
        f">= 50%: {'met' if min(fractions) >= 0.5 else 'NOT met'})"
    )
    print(
        f"  reruns during a drag: {s['reruns_during']}; after release: "
        f"{s['reruns_after']} (target 0 and 1)"
    )
    print(
        f"  release -> settled page: p50 {s['release_to_settled_p50_ms']:.1f} ms, "
        f"p95 {s['release_to_settled_p95_ms']:.1f} ms"
    )
    for name in ("today", "minimal"):
        if f"{name}_keypress_p50_ms" in s:
            print(
                f"  {name}: keypress -> chart changed: p50 "
                f"{s[f'{name}_keypress_p50_ms']:.1f} ms, p95 "
                f"{s[f'{name}_keypress_p95_ms']:.1f} ms; bytes received per move "
                f"{s[f'{name}_keypress_bytes_p50']:.0f} "
                f"({s[f'{name}_keypress_bytes_deflated_p50']:.0f} deflated)"
            )
    if "release_vs_today_keypress" in s:
        ratio = s["release_vs_today_keypress"]
        print(
            f"  release -> settled / today's keypress -> chart: {ratio:.2f}x (target "
            f"<= 1.25x: {'met' if ratio <= 1.25 else 'NOT met'})"
        )
    print(
        f"  bytes received per commit: {s['commit_bytes_p50']:.0f} "
        f"({s['commit_bytes_deflated_p50']:.0f} deflated, each message alone)"
    )


@contextlib.contextmanager
def checkout(ref: str | None) -> Iterator[Path | None]:
    """The tree of git ``ref`` in a temporary folder (``git archive``), or None."""
    if ref is None:
        yield None
        return
    import subprocess
    import tarfile

    with tempfile.TemporaryDirectory(prefix="focal-today-") as folder:
        archive = subprocess.run(
            ["git", "archive", ref], cwd=ROOT, check=True, capture_output=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder)


# --- report ----------------------------------------------------------------------


def chromium_path() -> str:
    found = system_chromium()
    if found is None:
        sys.exit("the system Chromium is missing (apt-get install chromium)")
    return found


def machine(browser_version: str) -> dict[str, Any]:
    import plotly
    import streamlit

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "plotly": plotly.__version__,
        "chromium": browser_version,
        "load_average": load,
    }


def summarise(results: dict[str, dict[str, list[float]]]) -> list[dict[str, Any]]:
    rows = []
    for kind, label, stat, target in (
        ("browser", "keypress -> chart changed, p50", 50, TARGETS["browser"]),
        ("browser", "keypress -> chart changed, p95", 95, None),
        ("server", "server rerun (AppTest), median", 50, TARGETS["server"]),
        ("cold", "cold start -> first chart, median", 50, None),
    ):
        values = {
            name: percentile(samples, stat) for name, samples in results[kind].items()
        }
        for page in ("explorer", "figure1", *REFERENCES):
            if page not in values:
                continue
            ratio = values[page] / values["minimal"]
            goal = None if page in REFERENCES else target
            rows.append(
                {
                    "measure": f"{label}: {LABELS[page]}",
                    "explorer_ms": values[page],
                    "minimal_ms": values["minimal"],
                    "ratio": ratio,
                    "target": goal,
                    "met": None if goal is None else ratio <= goal,
                    "samples": len(results[kind][page]),
                }
            )
    return rows


def print_report(rows: list[dict[str, Any]], info: dict[str, Any], command: str):
    print("Focal latency: Explorer (app.py) against bench/minimal_app.py")
    load = info["load_average"]
    load_text = " / ".join(f"{x:.2f}" for x in load) if load else "n/a"
    print(
        f"machine: {info['cpus']} CPUs, {info['platform']}, load {load_text}\n"
        f"versions: Python {info['python']}, Streamlit {info['streamlit']}, "
        f"Plotly {info['plotly']}, Chromium {info['chromium']}"
    )
    print()
    header = (
        f"{'measure':68} {'n':>3} {'explorer':>11} {'minimal':>11} {'ratio':>7}  target"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        target = (
            "-"
            if row["target"] is None
            else f"<= {row['target']:g}x {'met' if row['met'] else 'NOT met'}"
        )
        print(
            f"{row['measure']:68} {row['samples']:>3} "
            f"{row['explorer_ms']:>8.1f} ms {row['minimal_ms']:>8.1f} ms "
            f"{row['ratio']:>6.3g}x  {target}"
        )
    print()
    print(f"reproduce: {command}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--presses", type=int, default=30, help="keypresses per app (>= 20)"
    )
    parser.add_argument("--reruns", type=int, default=30, help="AppTest reruns per app")
    parser.add_argument(
        "--cold-starts", type=int, default=3, help="cold starts per app"
    )
    parser.add_argument(
        "--drags", type=int, default=10, help="on-drag: mouse drags of gamma"
    )
    parser.add_argument(
        "--today",
        metavar="REF",
        help="on-drag: compare with this git ref's Explorer (e.g. the commit "
        "before issue 16), checked out to a temporary folder",
    )
    parser.add_argument(
        "--only-drag", action="store_true", help="run (d) only, not (a)-(c)"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    if args.presses < 20:
        parser.error("--presses must be at least 20 for a meaningful p95")

    command = shlex.join(
        [os.path.relpath(sys.executable, ROOT), "bench/latency.py", *sys.argv[1:]]
    )
    results: dict[str, dict[str, list[float]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=BROWSER_ARGS
        )
        try:
            if not args.only_drag:
                print(f"(a) browser: {args.presses} presses per app ...", flush=True)
                results["browser"] = measure_browser(browser, args.presses)
                print(f"(b) server: {args.reruns} AppTest reruns ...", flush=True)
                results["server"] = measure_server(args.reruns)
                print(f"(c) cold start: {args.cold_starts} per app ...", flush=True)
                results["cold"] = measure_cold(browser, args.cold_starts)
            print(f"(d) on-drag: {args.drags} drags ...", flush=True)
            with checkout(args.today) as today:
                drag = measure_drag(browser, args.drags, today)
            info = machine(browser.version)
        finally:
            browser.close()
    print()
    rows = [] if args.only_drag else summarise(results)
    if rows:
        print_report(rows, info, command)
    else:
        load = info["load_average"]
        print(f"machine: {info['cpus']} CPUs, load {load}; reproduce: {command}")
    drag_summary = summarise_drag(drag)
    print()
    print_drag(drag_summary)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "command": command,
                    "summary": rows,
                    "samples_ms": results,
                    "on_drag": {"summary": drag_summary, "samples": drag},
                },
                indent=2,
            )
        )
        print(f"results: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
