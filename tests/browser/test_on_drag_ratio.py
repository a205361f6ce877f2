"""The hard/easy ratio chart follows a drag (issue 16): laptop, projector, phone.

A mouse (or, on the phone, a finger: DevTools touch events) drags the chart's
own γ input, then its p_hard input, across many steps. While it moves, the
drawn SVG changes in the page (the current γ's line, or the curves) and the
browser asks for no rerun (the websocket's outgoing ``rerun_script`` messages
are counted); after release it asks for exactly one, and the URL and the
numbers show the value. An arrow key moves it too (one rerun). Nothing here
waits on a timer or asserts a duration.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import focal
from focal.ui.display import times

from .dragging import RECORD, STOP, drag, drawn_part, open_chart
from .test_app import settle, shoot, wait_until

pytestmark = pytest.mark.browser

CHART = ".st-key-drag_ratio_chart"
NUMBERS = ".st-key-drag_ratio_numbers"

#: (link, viewport, phone)
SCREENS = {
    "laptop": ("/?view=ratio", (1440, 900), False),
    "projector": ("/?view=ratio&present=true", (1280, 720), False),
    "phone": ("/?view=ratio", (390, 844), True),
    "zh-phone": ("/?view=ratio&lang=zh", (390, 844), True),
}

#: Each slider's top and the values a drag passes through, one step apart.
HIGH = {"gamma": 5.0, "hard": 1.0}
MOVES = {
    # 2.0 → 4.0 → 0.5 → 2.5: 20 + 35 + 20 = 75 one-step moves
    "gamma": [round(2.0 + k / 10, 1) for k in range(1, 21)]
    + [round(4.0 - k / 10, 1) for k in range(1, 36)]
    + [round(0.5 + k / 10, 1) for k in range(1, 21)],
    # 0.10 → 0.50 → 0.30: 40 + 20 = 60 one-step moves
    "hard": [round(0.1 + k / 100, 2) for k in range(1, 41)]
    + [round(0.5 - k / 100, 2) for k in range(1, 21)],
}
START = {"gamma": 2.0, "hard": 0.1}


def shown(page: Page) -> list[str]:
    return page.locator(f"{NUMBERS} dd").all_inner_texts()


def expected(hard: float, easy: float, gamma: float) -> list[str]:
    ratio = focal.hard_easy_ratio(hard, easy, 1, gamma)
    amplification = times(ratio.amplification, "×")
    return [times(ratio.ce_ratio), times(ratio.fl_ratio), amplification]


@pytest.mark.parametrize("screen", SCREENS)
def test_a_drag_redraws_in_the_page_and_reruns_once_on_release(
    open_app, screen: str
) -> None:
    page, reruns = open_chart(open_app, SCREENS[screen], drawn_part(CHART, ".fr-fl"))
    phone = SCREENS[screen][2]
    assert shown(page) == expected(0.1, 0.9, 2.0)
    shoot(page, f"on-drag-ratio-{screen}-start", full=False, min_charts=0)
    state = {"hard": 0.1, "easy": 0.9, "gamma": 2.0}
    final = {"gamma": 2.5, "hard": 0.3}
    for name in ("gamma", "hard"):
        before = len(reruns)
        page.evaluate(RECORD, [CHART, [".fr-ce", ".fr-fl", ".fr-now"], f".fr-{name}"])
        release = drag(
            page,
            phone,
            f"{CHART} input.fr-{name}",
            HIGH[name],
            [START[name], *MOVES[name]],
        )
        seen = page.evaluate(STOP)
        # during the drag: the drawing changed step by step, and no rerun was asked
        # (a phone's p_t input is about 2 px a step: a finger skips a few)
        moves, values = len(MOVES[name]), len(set(MOVES[name]))
        assert seen["inputs"] >= 0.8 * moves, seen
        assert seen["changed"] >= 0.8 * moves, seen
        assert seen["seen"] >= 0.6 * values, seen  # distinct drawings
        assert len(reruns) == before, reruns
        state[name] = final[name]
        shown_value = f"{final[name]:.1f}" if name == "gamma" else f"{final[name]:.2f}"
        expect(page.locator(f"{CHART} output.fr-{name}-o")).to_have_text(shown_value)
        assert shown(page) == expected(**state)  # before any rerun
        shoot(page, f"on-drag-ratio-{screen}-{name}-during", full=False, min_charts=0)

        release()
        fragment = f"{name}={final[name]:g}"
        wait_until(
            page,
            f"() => location.search.includes('{fragment}')",
            what=f"{fragment} in the URL after release",
        )
        settle(page, 0)
        assert len(reruns) == before + 1, reruns
        assert shown(page) == expected(**state)
        expect(page.locator(f"{CHART} output.fr-{name}-o")).to_have_text(shown_value)
    shoot(page, f"on-drag-ratio-{screen}-released", full=False, min_charts=0)


@pytest.mark.parametrize("screen", ["laptop", "projector", "phone"])
def test_an_arrow_key_moves_the_chart_with_one_rerun(open_app, screen: str) -> None:
    page, reruns = open_chart(open_app, SCREENS[screen], drawn_part(CHART, ".fr-fl"))
    easy = page.locator(f"{CHART} input.fr-easy")
    expect(easy).to_have_accessible_name("p_t of the easy example")
    before = len(reruns)
    easy.focus()
    page.keyboard.press("ArrowLeft")
    wait_until(page, "() => location.search.includes('easy=0.89')", what="easy 0.89")
    settle(page, 0)
    assert len(reruns) == before + 1
    assert shown(page) == expected(0.1, 0.89, 2.0)
    gamma = page.locator(f"{CHART} input.fr-gamma")
    gamma.focus()
    page.keyboard.press("ArrowRight")
    wait_until(page, "() => location.search.includes('gamma=2.1')", what="γ 2.1")
    settle(page, 0)
    assert len(reruns) == before + 2
    assert shown(page) == expected(0.1, 0.89, 2.1)


def test_the_sidebar_and_a_reset_move_the_chart_hover_and_export(open_app) -> None:
    page, _ = open_chart(open_app, SCREENS["laptop"], drawn_part(CHART, ".fr-fl"))
    thumb = (
        page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
        .filter(has_text="γ")
        .get_by_role("slider")
    )
    thumb.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f"{CHART} output.fr-gamma-o")).to_have_text("1.9")
    settle(page, 0)
    assert shown(page) == expected(0.1, 0.9, 1.9)
    easy = page.locator(f"{CHART} input.fr-easy")
    easy.focus()
    page.keyboard.press("ArrowLeft")
    wait_until(page, "() => location.search.includes('easy=0.89')", what="easy 0.89")
    settle(page, 0)
    page.get_by_role("button", name="Reset").click()  # every value, the view too
    wait_until(
        page,
        "() => !location.search.includes('view=')"
        " && document.querySelector('.st-key-drag_chart')",
        what="the CE and FL view after Reset",
    )
    settle(page, 0)
    page.get_by_text("2 · Hard vs easy").click()
    expect(page.locator(f"{CHART} output.fr-gamma-o")).to_have_text("2.0")
    expect(page.locator(f"{CHART} output.fr-easy-o")).to_have_text("0.90")
    settle(page, 0)
    assert shown(page) == expected(0.1, 0.9, 2.0)
    svg = page.locator(f"{CHART} svg").bounding_box()
    assert svg is not None
    line = page.locator(f"{CHART} .fr-now").bounding_box()  # the line at γ = 2
    assert line is not None
    page.mouse.move(line["x"] + line["width"] / 2, svg["y"] + svg["height"] / 2)
    hover = page.locator(f"{CHART} output.fd-hover")
    expect(hover).to_contain_text("γ = 2.0:")
    expect(hover).to_contain_text(expected(0.1, 0.9, 2.0)[1])
    for button, suffix in (("Download SVG", ".svg"), ("Download PNG", ".png")):
        with page.expect_download() as download:
            page.locator(CHART).get_by_role("button", name=button).click()
        name = download.value.suggested_filename
        assert name == f"focal-hard-easy-ratio-gamma2.0{suffix}"
