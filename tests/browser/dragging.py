"""Dragging an on-drag chart's own range input (issue 16), shared by its tests.

A mouse, or on a phone a finger (DevTools touch events), presses on an input's
thumb and moves through slider steps; the browser's requests for a script run
are counted on the websocket.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from playwright.sync_api import Page
from streamlit.proto.BackMsg_pb2 import BackMsg

from .test_app import settle, wait_until

# The chart's shadow root (the component draws in one), or the host itself.
_ROOT = """const host = document.querySelector(chart);
  const inner = host && [...host.querySelectorAll('*')].find(e => e.shadowRoot);
  const root = inner ? inner.shadowRoot : host;"""

#: In the page, from ``[chart, parts, input]``: every animation frame, whether
#: the ``d`` of the chart's ``parts`` changed since the frame before; the
#: distinct drawings seen and the ``input`` events of the ``input`` selector.
RECORD = f"""([chart, parts, input]) => {{
  {_ROOT}
  const drawn = () => parts.map(s => root.querySelector(s).getAttribute('d')).join('|');
  const log = window.__drag = {{frames: 0, changed: 0, seen: new Set([drawn()]),
                               inputs: 0, on: true}};
  root.querySelector(input).addEventListener('input', () => {{ log.inputs += 1; }});
  let last = drawn();
  const tick = () => {{
    if (!log.on) return;
    const now = drawn();
    log.frames += 1;
    if (now !== last) {{ log.changed += 1; log.seen.add(now); last = now; }}
    requestAnimationFrame(tick);
  }};
  requestAnimationFrame(tick);
}}"""
#: Stop recording: frames, frames changed, distinct drawings, input events.
STOP = """() => { const log = window.__drag; log.on = false;
  return {frames: log.frames, changed: log.changed, seen: log.seen.size,
          inputs: log.inputs}; }"""


def drawn_part(chart: str, part: str) -> str:
    """In the page: the chart's ``part`` (a path) has been drawn."""
    return f"""() => {{
  const chart = '{chart}';
  {_ROOT}
  const part = root && root.querySelector('{part}');
  return !!(part && part.getAttribute('d'));
}}"""


def open_chart(open_app: Any, screen: tuple, drawn: str) -> tuple[Page, list[str]]:
    """Open ``screen`` = (link, (width, height), phone) in a new session, once the
    chart is drawn (``drawn``); the browser's requests for a script run, counted
    on its websocket from the start."""
    link, (width, height), phone = screen
    page = open_app(link, width=width, height=height, phone=phone).page
    reruns: list[str] = []

    def sent(payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            kind = BackMsg.FromString(payload).WhichOneof("type")
            if kind == "rerun_script":
                reruns.append(kind)

    page.on("websocket", lambda socket: socket.on("framesent", sent))
    page.reload()
    wait_until(page, drawn, what="the on-drag chart drawn")
    settle(page, 0)
    return page, reruns


def drag(
    page: Page, phone: bool, selector: str, high: float, values: Sequence[float]
) -> Callable[[], None]:
    """Press on the range input ``selector`` (from 0 to ``high``; Chromium's
    thumb is 16 px wide) at ``values[0]`` and move through the rest."""
    box = page.locator(selector).bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    at = [box["x"] + 8 + value / high * (box["width"] - 16) for value in values]
    return press_and_move(page, phone, [(x, y) for x in at])


def press_and_move(
    page: Page, phone: bool, points: Sequence[tuple[float, float]]
) -> Callable[[], None]:
    """Press at ``points[0]`` (a mouse, or a ``phone``'s finger: DevTools touch
    events) and move through the rest; returns the release, for the caller to
    call when it has looked at the page."""
    if not phone:
        page.mouse.move(*points[0])
        page.mouse.down()
        for point in points[1:]:
            page.mouse.move(*point)
        return page.mouse.up
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, at: Sequence[tuple[float, float]]) -> None:
        touches = [{"x": x, "y": y} for x, y in at]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": touches})

    touch("touchStart", points[:1])
    for point in points[1:]:
        touch("touchMove", [point])
    return lambda: (touch("touchEnd", []), cdp.detach())
