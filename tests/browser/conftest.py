"""Fixtures of the browser tests: the app under ``streamlit run``, the system Chromium.

The app runs once per session on a free local port; every test opens its own
browser context (a fresh Streamlit session) through :func:`open_app`, which
records what a person would call broken: console errors, uncaught page errors,
dialogs, requests to any host other than this machine, and Streamlit's
exception box. :meth:`Watched.assert_clean` fails the test on any of them; it
runs again after each test that passed, so a test cannot forget it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    expect,
    sync_playwright,
)

from bench.streamlit_server import CHROMIUM_ARGS, PHONE_AGENT
from tests.helpers import serve_app

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

#: The phone screens every phone check runs on (CSS pixels).
PHONES = {"390x844": (390, 844), "360x740": (360, 740)}

# Default Playwright timeouts (ms): generous, since the machine is shared and
# a busy 2-CPU box has been seen to take 30 s to settle a page.
TIMEOUT_MS = 60_000
# The same for every locator assertion (``expect``), whose own default is 5 s:
# a radio clicked on a busy machine was seen checked only after that.
expect.set_options(timeout=TIMEOUT_MS)

# Streamlit issue #7074 (open): a page loaded directly at /<page> first asks
# /<page>/_stcore/health and /<page>/_stcore/host-config, gets 404, and then
# falls back to /_stcore/...; the browser logs each 404 as a console error.
# Exactly those two requests are tolerated, nothing else.
_KNOWN_404 = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


@dataclass
class Watched:
    """A page of the app and everything wrong that it reported."""

    page: Page
    base: str
    problems: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        source = urlsplit(message.location.get("url", "") or "")
        known_404 = (
            "404" in message.text
            and source.hostname in LOCAL_HOSTS
            and _KNOWN_404.match(source.path)
        )
        if message.type == "error" and not known_404:
            self.problems.append(f"console error: {message.text} ({source.geturl()})")

    def on_request(self, request: Request) -> None:
        local = urlsplit(request.url).hostname in LOCAL_HOSTS
        if not (local or request.url.startswith(("data:", "blob:"))):
            self.problems.append(f"request to another host: {request.url}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog opened: {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_clean(self) -> None:
        found = list(self.problems)
        if not self.page.is_closed():
            boxes = self.page.locator('[data-testid="stException"]')
            found += [
                f"Streamlit exception box: {text[:500]}"
                for text in boxes.all_inner_texts()
            ]
        assert not found, "the page reported problems:\n" + "\n".join(found)


def new_page(browser: Browser, width: int, height: int, phone: bool = False) -> Page:
    """A page in a new context of ``width`` x ``height``; ``phone``: as a phone
    opens it (:data:`PHONE_AGENT`, a mobile viewport and touch)."""
    mobile = {"user_agent": PHONE_AGENT, "is_mobile": True, "has_touch": True}
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="en-US",
        **(mobile if phone else {}),
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:  # its end closes the browser
        yield playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )


@pytest.fixture
def fresh_app_base() -> Iterator[str]:
    """Base URL of a new ``streamlit run app.py`` that no browser has opened yet:
    before any session has run app.py, Streamlit routes as for a ``pages/`` folder."""
    yield from serve_app()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


OpenApp = Callable[..., Watched]


@pytest.fixture
def open_app(
    request: pytest.FixtureRequest, browser: Browser, app_base: str
) -> Iterator[OpenApp]:
    """``open_app(path, width, height, base, phone)``: a :class:`Watched` page in a
    fresh context, navigated to ``path`` on ``base`` (default: the session's
    server); waiting for the app to render is the test's (``test_app.settle``)."""
    opened: list[Watched] = []

    def open_(
        path: str = "/",
        width: int = 1400,
        height: int = 1000,
        base: str | None = None,
        phone: bool = False,
    ) -> Watched:
        watched = Watched(new_page(browser, width, height, phone), base or app_base)
        watched.page.on("console", watched.on_console)
        watched.page.on(
            "pageerror", lambda error: watched.problems.append(f"page error: {error}")
        )
        watched.page.on("dialog", watched.on_dialog)
        watched.page.context.on("request", watched.on_request)
        opened.append(watched)
        watched.page.goto(watched.base + path)
        return watched

    yield open_
    try:
        passed = getattr(request.node, "report_call", None)
        if passed is not None and passed.passed:
            for watched in opened:
                watched.assert_clean()
    finally:
        for watched in opened:
            with contextlib.suppress(Exception):
                watched.page.context.close()
