"""The join screen under AppTest, its QR code, and ``make room``'s announcement.

The browser tests (``tests/browser/test_join.py``) decode the code from a
screenshot; here the screen's link, the way in and out, and the terminal code
printed by ``python -m focal.ui.room`` (decoded with zxing-cpp).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import numpy as np
import pytest
import streamlit as st
import zxingcpp
from PIL import Image
from streamlit.testing.v1 import AppTest

from focal.ui import room
from focal.ui.join import figure, qr_data_uri
from focal.ui.links import PUBLIC_URL_ENV, is_loopback
from focal.ui.strings import EN, ZH
from tests.helpers import app, run

ROOT = Path(__file__).resolve().parents[2]
GRADIENTS = "pages/gradients.py"
LINK_TEXT = re.compile(r"<p>(.*?)</p>", re.S)


def join_link(at: AppTest) -> str | None:
    """The link under the join screen's QR code, or None off the join screen."""
    for element in at.get("html"):
        body = element.proto.body
        if 'class="focal-join"' in body:
            (text,) = LINK_TEXT.findall(body)
            return html.unescape(text)
    return None


def query_of(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query))


def click(at: AppTest, label: str) -> AppTest:
    (button,) = [b for b in at.button if b.label == label]
    button.click()
    return run(at)


@pytest.fixture
def server_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--browser.serverAddress 192.0.2.10 --browser.serverPort 8765``, as
    ``st.get_option`` gives the app its options."""
    given = {"browser.serverAddress": "192.0.2.10", "browser.serverPort": 8765}
    option = st.get_option
    monkeypatch.setattr(st, "get_option", lambda name: given.get(name, option(name)))


# --------------------------------------------------------------- the screen


def test_a_join_link_shows_the_code_without_join_or_present() -> None:
    at = app(join="true", present="true", gamma="3")
    link = join_link(at)
    assert link is not None, "no join screen"
    assert query_of(link) == {"gamma": "3"}
    assert "join" not in link and "present" not in link
    # instead of the page: no controls, no chart, no share link; one way back
    assert not at.slider and not at.get("plotly_chart") and not at.code
    assert not at.get("bidi_component")  # nor the on-drag chart (issue 16)
    assert [b.label for b in at.button] == [EN["join.back"]]

    click(at, EN["join.back"])
    assert join_link(at) is None
    assert at.slider(key="gamma").value == 3.0
    assert at.toggle(key="present").value is True
    assert "join" not in at.query_params
    assert at.get("plotly_chart") or at.get("bidi_component")  # issue 16's chart


def test_one_click_from_the_page_and_back_keeps_the_state() -> None:
    at = app(GRADIENTS, gamma="3.5", y="0", lang="zh")
    at.slider(key="gamma_star").set_value(3.0)
    run(at)
    click(at, ZH["join.open"])
    link = join_link(at)
    assert link is not None
    assert urlsplit(link).path == "/gradients"
    assert query_of(link) == {"y": "0", "gamma": "3.5", "lang": "zh", "gamma_star": "3"}
    assert at.query_params["join"] == "true"
    # the screen speaks the page's language
    (screen,) = [
        e.proto.body for e in at.get("html") if 'class="focal-join"' in e.proto.body
    ]
    assert ZH["join.title"] in screen and ZH["join.alt"] in screen

    click(at, ZH["join.back"])
    assert join_link(at) is None
    assert at.slider(key="gamma").value == 3.5
    assert at.slider(key="gamma_star").value == 3.0
    assert at.radio(key="y").value == "0"


def test_presenter_mode_opens_it_in_one_click() -> None:
    at = app(present="true", p="0.3")
    click(at, EN["join.open"])
    link = join_link(at)
    assert link is not None and query_of(link) == {"p": "0.3"}


def test_refused_values_keep_their_notices_on_the_join_screen() -> None:
    at = app(join="true", gamma="abc", p="0.2")
    link = join_link(at)
    assert link is not None and query_of(link) == {"p": "0.2"}
    assert [w.value for w in at.warning] == [
        EN["notice.bad_param"].format(name="gamma", default="2")
    ]


@pytest.mark.parametrize("raw", ["false", "maybe", "<b>x</b>"])
def test_anything_but_true_shows_the_page(raw: str) -> None:
    at = app(join=raw)
    assert join_link(at) is None
    assert at.get("plotly_chart") or at.get("bidi_component")  # issue 16's chart
    notices = [w.value for w in at.warning]
    if raw != "false":
        assert notices == [EN["notice.bad_param"].format(name="join", default="false")]


def test_the_public_url_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://focal.example.edu/")
    at = app(GRADIENTS, join="true", gamma="3")
    assert join_link(at) == "https://focal.example.edu/gradients?gamma=3"


def test_the_server_address_names_host_and_port(server_address: None) -> None:
    at = app(join="true", present="true", gamma="3")
    assert join_link(at) == "http://192.0.2.10:8765/?gamma=3"
    # the share link follows the same rules (and keeps presenter mode)
    click(at, EN["join.back"])
    (share,) = at.code
    assert share.value == "http://192.0.2.10:8765/?gamma=3&present=true"


# ------------------------------------------------------------------ the code


def test_the_code_is_dark_on_light_with_a_quiet_zone() -> None:
    svg = unquote(qr_data_uri("http://192.0.2.10:8501/?gamma=3"))
    assert svg.startswith("data:image/svg+xml")
    # a white square under everything, black modules, 4 modules of margin
    assert "fill='#fff'" in svg and "stroke='#000'" in svg
    (box,) = re.findall(r"viewBox='0 0 (\d+) (\d+)'", svg)
    assert box[0] == box[1]
    assert (int(box[0]) - 2 * 4 - 17) % 4 == 0  # 17 + 4v modules, 4 each side


def test_the_screen_escapes_its_texts() -> None:
    hostile = {**EN, "join.title": "<script>x</script>", "join.alt": '"><b>'}
    body = figure("http://h/?a=<b>&c=1", hostile)
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;" in body and "http://h/?a=&lt;b&gt;&amp;c=1" in body


# -------------------------------------------------------------- make room


def terminal_image(drawing: str) -> Image.Image:
    """The image a compact terminal drawing shows: █ light, space dark, ▀▄ halves."""
    halves = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}
    lines = [line for line in drawing.splitlines() if line and set(line) <= set(halves)]
    width = max(len(line) for line in lines)
    cells = np.array([[halves[c] for c in line.ljust(width)] for line in lines])
    pixels = 255 * cells.transpose(0, 2, 1).reshape(-1, width)  # top, bottom rows
    image = Image.fromarray(pixels.astype(np.uint8))
    return image.resize((width * 8, len(pixels) * 8), Image.Resampling.NEAREST)


def test_the_room_address_is_on_the_network() -> None:
    address = room.lan_address()
    assert address is None or not is_loopback(address)


def test_the_room_command_serves_every_interface_with_the_room_address() -> None:
    args = room.command("192.0.2.10", 8600)
    server = ROOT / "focal" / "ui" / "room_server.py"  # app.py, its files compressed
    assert args[:5] == [sys.executable, "-m", "streamlit", "run", str(server)]
    options = dict(zip(args[5::2], args[6::2], strict=True))
    assert options == {
        "--server.address": "0.0.0.0",
        "--server.port": "8600",
        "--browser.serverAddress": "192.0.2.10",
        "--browser.serverPort": "8600",
    }
    assert "--browser.serverAddress" not in room.command(None, 8600)


def test_the_room_announcement_decodes_to_its_link() -> None:
    link = "http://192.0.2.10:8600/"
    text = room.announcement(link)
    assert text.startswith(f"Students open: {link}\n")
    (found,) = zxingcpp.read_barcodes(terminal_image(text))
    assert found.text == link


def test_make_room_dry_run_prints_the_link_and_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "focal.ui.room", "--dry-run", "--port", "8600"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    address = room.lan_address()
    if address is None:
        assert done.stderr.strip() == room.NO_ADDRESS
        return
    link = f"http://{address}:8600/"
    assert done.stdout.startswith(f"Students open: {link}\n")
    (found,) = zxingcpp.read_barcodes(terminal_image(done.stdout))
    assert found.text == link
    assert f"--browser.serverAddress {address} --browser.serverPort 8600" in (
        done.stdout
    )
