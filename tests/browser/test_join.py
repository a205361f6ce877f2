"""The join screen in the browser: a QR code a phone can read, and the way back.

Each code is decoded from a screenshot with zxing-cpp and compared with the
link shown under it and with the link expected from the address rules
(``focal/ui/links.py``). One server runs with ``--browser.serverAddress
192.0.2.10`` (a documentation address: nothing is sent there); the link's
path is then opened on loopback in a phone-sized page. Screenshots go to
``artifacts/screenshots/join-*.png``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page, expect

from focal.ui.strings import EN, ZH
from tests.helpers import serve_app

from .test_app import (
    SCREENSHOTS,
    SIDEBAR_SHOWN,
    expect_slider_value,
    settle,
    wait_until,
)

pytestmark = pytest.mark.browser

ROOM_ADDRESS = "192.0.2.10"
PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}

# The join screen drawn: its code's image decoded, fonts loaded, Streamlit idle.
JOIN_READY = """() => {
  const img = document.querySelector('.focal-join img');
  return !!img && img.complete && img.naturalWidth > 0
    && document.fonts.status === 'loaded'
    && !document.querySelector('[data-testid="stAppSkeleton"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]');
}"""

# Where the code and the link sit on screen, and what else is shown.
JOIN_LAYOUT = """() => {
  const img = document.querySelector('.focal-join img').getBoundingClientRect();
  const link = document.querySelector('.focal-join p');
  const header = document.querySelector('[data-testid="stHeader"]');
  return {
    top: img.top, bottom: img.bottom, height: img.height, width: img.width,
    linkBottom: link.getBoundingClientRect().bottom, link: link.innerText,
    linkPx: parseFloat(getComputedStyle(link).fontSize),
    viewport: innerHeight,
    header: !!header && getComputedStyle(header).display !== 'none',
    charts: document.querySelectorAll('.js-plotly-plot').length,
  };
}"""


@pytest.fixture(scope="module")
def room_base() -> Iterator[str]:
    """A server that names ``192.0.2.10`` as its address (as ``make room`` does)."""
    yield from serve_app("--browser.serverAddress", ROOM_ADDRESS)


def wait_for_join(page: Page) -> dict:
    wait_until(page, JOIN_READY, what="the join screen's code")
    return page.evaluate(JOIN_LAYOUT)


def decoded(page: Page, name: str) -> str:
    """The one QR code in a screenshot of the page (saved as ``name``)."""
    png = page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [code.format for code in found] == [zxingcpp.BarcodeFormat.QRCode], found
    return found[0].text


def assert_fills_the_screen(layout: dict) -> None:
    """At least 60 % of the height, square, the link in large text on screen."""
    assert layout["height"] >= 0.6 * layout["viewport"], layout
    assert abs(layout["width"] - layout["height"]) < 1, layout
    assert layout["top"] >= 0 and layout["linkBottom"] <= layout["viewport"], layout
    assert layout["linkPx"] >= 20, layout
    assert not layout["header"] and layout["charts"] == 0, layout


def test_the_code_names_the_room_address_and_opens_the_state_on_a_phone(
    open_app, room_base: str
) -> None:
    app = open_app(
        "/gradients?join=true&present=true&gamma=3&p=0.2", base=room_base, **PROJECTOR
    )
    page = app.page
    layout = wait_for_join(page)
    assert_fills_the_screen(layout)
    link = decoded(page, "join-room")
    assert link == layout["link"]
    parts = urlsplit(link)
    assert parts.scheme == "http" and parts.hostname == ROOM_ADDRESS
    assert parts.port == urlsplit(room_base).port
    assert parts.path == "/gradients"
    assert dict(parse_qsl(parts.query)) == {"gamma": "3", "p": "0.2"}
    app.assert_clean()

    phone = open_app(f"{parts.path}?{parts.query}", base=room_base, **PHONE).page
    settle(phone, 2)
    expect_slider_value(phone, "γ", "3.0")
    expect_slider_value(phone, "p", "0.20")
    legend = phone.evaluate(
        "() => document.querySelector('.js-plotly-plot')._fullData.map(t => t.name)"
    )
    assert any("γ = 3" in name for name in legend), legend
    assert "present" not in phone.url and "join" not in phone.url
    phone.screenshot(path=str(SCREENSHOTS / "join-phone-opened.png"))


@pytest.mark.parametrize(("lang", "table"), [("en", EN), ("zh", ZH)], ids=["en", "zh"])
def test_the_join_screen_in_each_language(open_app, lang: str, table) -> None:
    query = "join=true&gamma=3&y=0" + ("&lang=zh" if lang == "zh" else "")
    app = open_app(f"/?{query}", **PROJECTOR)
    page = app.page
    layout = wait_for_join(page)
    assert_fills_the_screen(layout)
    assert not page.evaluate(SIDEBAR_SHOWN)
    expect(page.get_by_role("heading", level=1)).to_have_text(table["join.title"])
    expect(page.get_by_role("img", name=table["join.alt"])).to_be_visible()
    link = decoded(page, f"join-{lang}")
    assert link == layout["link"]
    # no public address configured: the address this browser used
    assert link.startswith(app.base + "/?")
    expected = {"y": "0", "gamma": "3"} | ({"lang": "zh"} if lang == "zh" else {})
    assert dict(parse_qsl(urlsplit(link).query)) == expected
    app.assert_clean()


def test_one_click_from_the_sidebar_and_back(open_app) -> None:
    app = open_app("/?gamma=3", **PROJECTOR)
    page = app.page
    settle(page, 1)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name=EN["join.open"]).click()
    layout = wait_for_join(page)
    assert_fills_the_screen(layout)
    assert decoded(page, "join-from-sidebar") == layout["link"]
    assert dict(parse_qsl(urlsplit(layout["link"]).query)) == {"gamma": "3"}

    page.get_by_role("button", name=EN["join.back"]).click()
    wait_until(page, "() => !location.search.includes('join')", what="join left")
    settle(page, 1)
    expect_slider_value(page, "γ", "3.0")
    assert "gamma=3" in page.url
    app.assert_clean()


def test_one_click_from_presenter_mode_and_back(open_app) -> None:
    app = open_app("/?present=true&p=0.3", **PROJECTOR)
    page = app.page
    settle(page, 1)
    page.get_by_role("button", name=EN["join.open"]).click()
    layout = wait_for_join(page)
    assert_fills_the_screen(layout)
    link = decoded(page, "join-presenter")
    assert link == layout["link"]
    assert dict(parse_qsl(urlsplit(link).query)) == {"p": "0.3"}

    page.get_by_role("button", name=EN["join.back"]).click()
    wait_until(page, "() => !location.search.includes('join')", what="join left")
    settle(page, 1)
    expect_slider_value(page, "p", "0.30")
    assert "present=true" in page.url
    app.assert_clean()
