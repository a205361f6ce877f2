"""The CE and FL chart follows a drag (issue 16): laptop, projector, phone.

A mouse (or, on the phone, a finger: DevTools touch events) drags the chart's
own γ input across many steps. While it moves, the chart's FL path changes in
the page and the browser asks for no rerun (the websocket's outgoing
``rerun_script`` messages are counted); after release it asks for exactly one,
and the shared slider, the numbers, the formula and the URL show the value.
The arrow keys and PageUp/PageDown move it too (one rerun per key press).
Nothing here waits on a timer or asserts a duration: bench/latency.py times it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import focal
from focal.ui.display import number
from focal.ui.drag import Frame
from focal.ui.screen import Screen

from .dragging import RECORD, STOP, drag, drawn_part, open_chart
from .test_app import expect_slider_value, settle, shoot, wait_until

pytestmark = pytest.mark.browser

CHART = ".st-key-drag_chart"
NUMBERS = ".st-key-drag_numbers"

#: (name, link, viewport, phone)
SCREENS = {
    "laptop": ("/", (1440, 900), False),
    "projector": ("/?present=true", (1280, 720), False),
    "phone": ("/", (390, 844), True),
}

#: γ one 0.1 step apart: 2.0 → 5.0 → 0.0 → 2.5 (105 moves).
GAMMAS = (
    [2.0]
    + [round(2.0 + k / 10, 1) for k in range(1, 31)]
    + [round(5.0 - k / 10, 1) for k in range(1, 51)]
    + [round(k / 10, 1) for k in range(1, 26)]
)


def fl_shown(page: Page) -> str:
    return page.locator(f"{NUMBERS} dd").nth(4).inner_text()


@pytest.mark.parametrize("screen", SCREENS)
def test_a_drag_redraws_in_the_page_and_reruns_once_on_release(
    open_app, screen: str
) -> None:
    page, reruns = open_chart(open_app, SCREENS[screen], drawn_part(CHART, ".fd-fl"))
    phone = SCREENS[screen][2]
    assert fl_shown(page) == number(focal.focal_loss(0.9, 1, 2.0))
    before = len(reruns)
    page.evaluate(RECORD, [CHART, [".fd-fl"], ".fd-g"])
    release = drag(page, phone, f"{CHART} input.fd-g", 5.0, GAMMAS)
    seen = page.evaluate(STOP)
    # during the drag: the chart changed step by step, and no rerun was asked for
    assert seen["inputs"] >= 50, seen
    assert seen["seen"] >= 50, seen  # distinct FL curves drawn while moving
    assert seen["changed"] >= 50, seen
    assert len(reruns) == before, reruns
    expect(page.locator(f"{CHART} output.fd-go")).to_have_text("2.5")
    assert fl_shown(page) == number(focal.focal_loss(0.9, 1, 2.5))  # no rerun yet
    shoot(page, f"on-drag-{screen}-during", full=False, min_charts=0)

    release()
    wait_until(
        page,
        "() => location.search.includes('gamma=2.5')",
        what="gamma=2.5 in the URL after release",
    )
    settle(page, 0)
    assert len(reruns) == before + 1, reruns
    if not phone:  # the shared slider (the phone's strip gives way on this view)
        expect_slider_value(page, "γ", "2.5")
    expect(page.locator(".katex").last).to_contain_text("2.5")
    assert fl_shown(page) == number(focal.focal_loss(0.9, 1, 2.5))
    shoot(page, f"on-drag-{screen}-released", full=False, min_charts=0)


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_keys_move_the_chart_one_rerun_each(open_app, screen: str) -> None:
    page, reruns = open_chart(open_app, SCREENS[screen], drawn_part(CHART, ".fd-fl"))
    gamma = page.locator(f"{CHART} input.fd-g")
    expect(gamma).to_have_accessible_name("γ — focusing parameter")
    before = len(reruns)
    gamma.focus()
    page.keyboard.press("ArrowRight")
    wait_until(page, "() => location.search.includes('gamma=2.1')", what="γ 2.1")
    settle(page, 0)
    assert len(reruns) == before + 1
    assert fl_shown(page) == number(focal.focal_loss(0.9, 1, 2.1))
    page.keyboard.press("PageUp")  # a larger step, as every range input has
    wait_until(
        page,
        "() => { const g = new URLSearchParams(location.search).get('gamma');"
        " return g !== null && parseFloat(g) > 2.1; }",
        what="γ above 2.1 after PageUp",
    )
    settle(page, 0)
    assert len(reruns) == before + 2
    gamma_now = float(
        page.evaluate("() => new URLSearchParams(location.search).get('gamma')")
    )
    expect(page.locator(f"{CHART} output.fd-go")).to_have_text(f"{gamma_now:.1f}")
    p = page.locator(f"{CHART} input.fd-p")
    p.focus()
    page.keyboard.press("ArrowLeft")
    wait_until(page, "() => location.search.includes('p=0.89')", what="p 0.89")
    settle(page, 0)
    assert len(reruns) == before + 3
    assert fl_shown(page) == number(focal.focal_loss(0.89, 1, gamma_now))


def test_the_sidebar_and_a_reset_move_the_chart(open_app) -> None:
    page, _ = open_chart(open_app, SCREENS["laptop"], drawn_part(CHART, ".fd-fl"))
    thumb = (
        page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        .filter(has_text="γ")
        .get_by_role("slider")
    )
    thumb.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f"{CHART} output.fd-go")).to_have_text("1.9")
    assert page.locator(f"{CHART} input.fd-g").input_value() == "1.9"
    page.get_by_role("button", name="Reset").click()
    expect(page.locator(f"{CHART} output.fd-go")).to_have_text("2.0")
    settle(page, 0)
    assert fl_shown(page) == number(focal.focal_loss(0.9, 1, 2.0))


def test_hover_reads_the_values_and_the_chart_exports(open_app) -> None:
    page, _ = open_chart(open_app, SCREENS["laptop"], drawn_part(CHART, ".fd-fl"))
    svg = page.locator(f"{CHART} svg").bounding_box()
    assert svg is not None
    # the p = 0.5 column: half-way between the plot's edges (laptop frame)
    frame = Frame.of(Screen.LAPTOP)
    middle = (frame.left + frame.width - frame.right) / 2 / frame.width
    page.mouse.move(svg["x"] + svg["width"] * middle, svg["y"] + svg["height"] / 2)
    hover = page.locator(f"{CHART} output.fd-hover")
    expect(hover).to_contain_text("p = 0.50:")
    expect(hover).to_contain_text(number(focal.focal_loss(0.5, 1, 2.0)))
    for button, suffix in (("Download SVG", ".svg"), ("Download PNG", ".png")):
        with page.expect_download() as download:
            page.locator(CHART).get_by_role("button", name=button).click()
        assert download.value.suggested_filename == f"focal-loss-gamma2.0{suffix}"
