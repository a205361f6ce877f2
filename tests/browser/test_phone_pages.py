"""The five teaching pages on a phone, used as a student would: the shared γ
moves every page's charts, a page's own controls (under its first chart) move
that chart by touch and by keyboard, the walkthrough's buttons step through it,
and the Chinese pages fit the screen too.

Opened as ``tests/browser/test_phone.py`` opens them (an Android Chrome user
agent, a mobile viewport, touch). Screenshots go to
``artifacts/screenshots/phone-*.png``; look at them after a run.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from focal.ui.params import BY_KEY
from focal.ui.style import STRIP_KEY

from .conftest import PHONES
from .test_app import (
    CHART_TEXT_OUTSIDE,
    expect_slider_value,
    settle,
    shoot,
    slider,
    thumb,
    wait_until,
)
from .test_phone import SIDEWAYS, assert_on_screen, open_phone, shot_name

pytestmark = pytest.mark.browser

#: The five pages and the charts each draws.
PAGES = {
    "/walkthrough": 1,
    "/gradients": 2,
    "/imbalance": 3,
    "/training": 3,
    "/variants": 3,
}

# What every chart on the page draws, as JSON: each trace's name and values
# (as Plotly decoded them), to see that a rerun brought new data.
CHARTS_DATA = """() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]
  .map(c => (c._fullData || []).map(t => [t.name,
    t.y ? Array.from(t.y).slice(0, 400) : null])))"""

# The same, once it differs from ``before`` and the URL holds ``fragment``.
CHARTS_CHANGED = f"""([before, fragment]) => {{
  const now = ({CHARTS_DATA})();
  return now !== before && location.search.includes(fragment);
}}"""


def tap_track(page: Page, name: str, fraction: float) -> None:
    """Tap slider ``name``'s track at ``fraction`` of its length."""
    # React Aria's track: the group's first child, which takes pointer events
    track = slider(page, name).locator('[role="group"] > div').first.bounding_box()
    assert track is not None, f"no track for {name}"
    page.touchscreen.tap(
        track["x"] + fraction * track["width"], track["y"] + track["height"] / 2
    )


@pytest.mark.parametrize("path", PAGES)
def test_keyboard_on_gamma_redraws_each_page(open_app, path: str) -> None:
    # γ in the strip above the page: one step right, new charts and γ in the URL
    charts = PAGES[path]
    page = open_phone(open_app, path, "360x740", charts)
    # the strip's γ (the Variants page has a "γ of VFL" too), its first slider
    gamma = page.locator(f".st-key-{STRIP_KEY}").locator('[data-testid="stSlider"]')
    before = page.evaluate(CHARTS_DATA)
    gamma.first.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    wait_until(
        page, CHARTS_CHANGED, [before, "gamma=2.1"], f"{path}: new charts, gamma=2.1"
    )
    settle(page, charts)
    expect(gamma.first.locator('[data-testid="stSliderThumbValue"]')).to_have_text(
        "2.1"
    )


def test_gradients_chart_and_its_own_sliders_share_the_first_screen(
    open_app,
) -> None:
    # γ and p above the chart, FL*'s γ* and β right under it, side by side
    page = open_phone(open_app, "/gradients", "390x844", 2)
    assert_on_screen(page, ["γ", "p", "plot", "γ* of FL*", "β of FL*"])
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    own = slider(page, "γ* of FL*").bounding_box()
    beta = slider(page, "β of FL*").bounding_box()
    assert chart and own and beta
    assert own["y"] >= chart["y"] + chart["height"] - 1
    assert abs(own["y"] - beta["y"]) < 2, "γ* and β side by side"


def test_touch_and_keyboard_on_a_pages_own_slider_redraw_its_chart(
    open_app,
) -> None:
    page = open_phone(open_app, "/gradients", "390x844", 2)
    # a tap at 80 % of γ*'s track (0.5 to 5): FL*'s curve and the URL follow
    before = page.evaluate(CHARTS_DATA)
    tap_track(page, "γ* of FL*", 0.8)
    wait_until(
        page, CHARTS_CHANGED, [before, "gamma_star="], "new FL* after a tap on γ*"
    )
    settle(page, 2)
    tapped = float(
        page.evaluate("new URLSearchParams(location.search).get('gamma_star')")
    )
    assert tapped > 3.0, tapped
    expect_slider_value(page, "γ* of FL*", f"{tapped:.1f}")
    # the keyboard: β one step left
    beta = BY_KEY["beta_star"]
    moved = f"{beta.default - beta.step:g}"
    before = page.evaluate(CHARTS_DATA)
    thumb(page, "β of FL*").focus()
    page.keyboard.press("ArrowLeft")
    wait_until(
        page, CHARTS_CHANGED, [before, f"beta_star={moved}"], "new FL* after β ←"
    )
    settle(page, 2)
    expect_slider_value(page, "β of FL*", f"{float(moved):.1f}")


def test_walkthrough_next_and_previous_by_touch(open_app) -> None:
    page = open_phone(open_app, "/walkthrough", "390x844", 1)
    step_title = re.compile(r"^2 · ")
    before = page.evaluate(CHARTS_DATA)
    page.get_by_role("button", name=re.compile("^Next")).tap()
    wait_until(page, CHARTS_CHANGED, [before, "step=2"], "step 2 after Next")
    settle(page)
    expect(page.get_by_role("heading", name=step_title)).to_be_visible()
    # the step's chart starts on the first screen, under the buttons
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    assert chart is not None and chart["y"] < PHONES["390x844"][1]
    shoot(page, "phone-walkthrough-next-390x844", full=False, min_charts=1)
    before = page.evaluate(CHARTS_DATA)
    page.get_by_role("button", name=re.compile("^Previous")).tap()
    wait_until(
        page,
        f"""([before]) => ({CHARTS_DATA})() !== before
          && !new URLSearchParams(location.search).has('step')""",
        [before],
        "step 1 after Previous",
    )
    settle(page)
    expect(page.get_by_role("button", name=re.compile("^Previous"))).to_be_disabled()


def test_walkthrough_input_size_under_the_chart_moves_it(open_app) -> None:
    # step 1's own control, under its chart: 608 px adds background
    page = open_phone(open_app, "/walkthrough", "390x844", 1)
    size = page.get_by_role("radiogroup", name=re.compile("YOLO v3 input size"))
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    radio = size.bounding_box()
    assert chart and radio and radio["y"] >= chart["y"] + chart["height"] - 1
    before = page.evaluate(CHARTS_DATA)
    size.get_by_text("608 × 608").tap()
    wait_until(page, CHARTS_CHANGED, [before, "wt_size=608"], "the chart at 608 px")
    settle(page)


def test_imbalance_controls_under_the_chart_move_it_and_the_headline(
    open_app,
) -> None:
    page = open_phone(open_app, "/imbalance", "360x740", 3)
    headline = page.get_by_role("heading", name=re.compile("easy negatives"))
    said = headline.inner_text()
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    preset = page.get_by_role("radiogroup", name="Detector").bounding_box()
    assert chart and preset and preset["y"] >= chart["y"] + chart["height"] - 1
    before = page.evaluate(CHARTS_DATA)
    page.get_by_role("radiogroup", name="Detector").get_by_text("RetinaNet").tap()
    wait_until(
        page, CHARTS_CHANGED, [before, "imb_preset=retinanet"], "RetinaNet's shares"
    )
    settle(page, 3)
    expect(headline).not_to_have_text(said)
    # the counts took RetinaNet's values, side by side and still on the screen
    assert page.evaluate(SIDEWAYS) == {"page": 0, "main": 0, "wide": []}
    shoot(page, "phone-imbalance-retinanet-360x740", full=True, min_charts=3)


@pytest.mark.parametrize("path", PAGES)
def test_chinese_pages_fit_a_phone(open_app, path: str) -> None:
    # Chinese titles break between characters: none runs past its chart
    charts = PAGES[path]
    separator = "&" if "?" in path else "?"
    address = f"{path}{separator}lang=zh"
    page = open_phone(open_app, address, "360x740", charts)
    assert page.evaluate(SIDEWAYS) == {"page": 0, "main": 0, "wide": []}
    assert page.evaluate(CHART_TEXT_OUTSIDE) == []
    shoot(page, shot_name(address, "360x740") + "-full", full=True, min_charts=charts)
