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
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def problems(self) -> list[str]:
        found = [f"console error: {text}" for text in self.console_errors]
        found += [f"page error: {text}" for text in self.page_errors]
        found += [f"request to another host: {url}" for url in self.foreign_requests]
        found += [f"dialog opened: {text}" for text in self.dialogs]
        if not self.page.is_closed():
            boxes = self.page.locator('[data-testid="stException"]')
            found += [
                f"Streamlit exception box: {text[:500]}"
                for text in boxes.all_inner_texts()
            ]
        return found

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "the page reported problems:\n" + "\n".join(problems)


def _on_console(watched: Watched, message: ConsoleMessage) -> None:
    if message.type != "error":
        return
    source = urlsplit(message.location.get("url", "") or "")
    if (
        "404" in message.text
        and source.hostname in LOCAL_HOSTS
        and _KNOWN_404.match(source.path)
    ):
        return
    where = message.location.get("url", "")
    watched.console_errors.append(f"{message.text} ({where})")


def _on_request(watched: Watched, request: Request) -> None:
    url = request.url
    if url.startswith(("data:", "blob:")):
        return
    if urlsplit(url).hostname not in LOCAL_HOSTS:
        watched.foreign_requests.append(url)


def _on_dialog(watched: Watched, dialog: Dialog) -> None:
    watched.dialogs.append(f"{dialog.type}: {dialog.message}")
    dialog.dismiss()


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def fresh_app_base() -> Iterator[str]:
    """Base URL of a new ``streamlit run app.py`` that no browser has opened yet.

    For what only a first visitor sees: before any session has run the entry
    script, Streamlit would route by a legacy ``pages/`` directory, were there one.
    """
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
    """Open a path of the app in a fresh context; ``open_app(path, width, height)``.

    The returned :class:`Watched` has navigated to the path (on ``base`` when
    given, else on the session's server); waiting for the app to render is the
    test's business (see ``test_app.settle``). ``phone=True`` opens it as a
    phone does: :data:`PHONE_AGENT`, a mobile viewport and touch.
    """
    opened: list[tuple[Watched, object]] = []

    def open_(
        path: str = "/",
        width: int = 1400,
        height: int = 1000,
        base: str | None = None,
        phone: bool = False,
    ) -> Watched:
        mobile = {"user_agent": PHONE_AGENT, "is_mobile": True, "has_touch": True}
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale="en-US",
            **(mobile if phone else {}),
        )
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        watched = Watched(page, base or app_base)
        page.on("console", lambda message: _on_console(watched, message))
        page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
        page.on("dialog", lambda dialog: _on_dialog(watched, dialog))
        context.on("request", lambda req: _on_request(watched, req))
        opened.append((watched, context))
        page.goto(watched.url(path))
        return watched

    yield open_
    try:
        passed = getattr(request.node, "report_call", None)
        if passed is not None and passed.passed:
            for watched, _ in opened:
                watched.assert_clean()
    finally:
        for _, context in opened:
            with contextlib.suppress(Exception):
                context.close()
