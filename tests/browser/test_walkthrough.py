"""The Walkthrough and the extended Gradients page in the browser: buttons and
keys that step through the argument with the URL following, sliders moved by
keyboard, both languages and the projector. Screenshots go to
``artifacts/screenshots/walkthrough-*.png``; look at them after a run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_app import (
    assert_presenter_fonts,
    chart_json,
    expect_slider_value,
    press_and_wait,
    settle,
    shoot,
    thumb,
    wait_until,
)

pytestmark = pytest.mark.browser

TITLE_EN = "Focal loss in six steps"
TITLE_ZH = "六步读懂 Focal Loss"
STEP_TITLES_EN = {
    1: "1 · The imbalance in YOLO v3's confidence loss",
    2: "2 · Binary cross-entropy",
    4: "4 · α-balancing, and a warning",
    5: "5 · The modulating factor (1 − p_t)^γ",
}
GRADIENT_CHARTS = 2


def step_heading(page: Page, step: int) -> None:
    expect(page.get_by_role("heading", name=STEP_TITLES_EN[step])).to_be_visible()


#: The first chart's trace names as JSON, or null before it has data.
CHART_NAMES = """() => {
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  return chart && chart._fullData ? JSON.stringify(chart._fullData.map(t => t.name))
    : null;
}"""


def wait_for_step(page: Page, step: int, before: str) -> None:
    """The URL names ``step`` (step 1, the default, is left out) and the chart
    holds new data."""
    named = rf"[?&]step={step}(&|$)" if step > 1 else r"^(?!.*[?&]step=)"
    expect(page).to_have_url(re.compile(named))
    changed = f"(before) => ![null, before].includes(({CHART_NAMES})())"
    wait_until(page, changed, before, f"step {step}'s chart")
    settle(page)


def chart_names(page: Page) -> str:
    return page.evaluate(CHART_NAMES)


def test_next_and_previous_move_the_step_and_the_url(open_app) -> None:
    app = open_app("/walkthrough", width=1280, height=900)
    page = app.page
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_EN)
    step_heading(page, 1)
    expect(page.get_by_text("Step 1 of 6")).to_be_visible()
    shoot(page, "walkthrough-en", full=True, min_charts=1)

    before = chart_names(page)
    page.get_by_role("button", name=re.compile("^Next")).click()
    wait_for_step(page, 2, before)
    step_heading(page, 2)
    expect(page.get_by_text("Step 2 of 6")).to_be_visible()
    assert "step=2" in page.url

    before = chart_names(page)
    page.get_by_role("button", name=re.compile("^Previous")).click()
    wait_for_step(page, 1, before)
    step_heading(page, 1)
    assert "step=" not in page.url
    expect(page.get_by_role("button", name=re.compile("^Previous"))).to_be_disabled()
    app.assert_clean()


def test_page_down_and_page_up_step_like_a_presentation_remote(open_app) -> None:
    app = open_app("/walkthrough?step=4", width=1280, height=900)
    page = app.page
    settle(page)
    step_heading(page, 4)
    before = chart_names(page)
    # focus on a heading, not on a control (a slider would take the key)
    page.get_by_role("heading", name=STEP_TITLES_EN[4]).click()
    page.keyboard.press("PageDown")
    wait_for_step(page, 5, before)
    step_heading(page, 5)
    before = chart_names(page)
    page.keyboard.press("PageUp")
    wait_for_step(page, 4, before)
    step_heading(page, 4)
    app.assert_clean()


def test_a_slider_moves_the_steps_chart(open_app) -> None:
    app = open_app("/walkthrough?step=2", width=1280, height=900)
    page = app.page
    settle(page)
    step_heading(page, 2)
    press_and_wait(page, thumb(page, "p"), "ArrowLeft", "p=0.89", part="all")
    expect_slider_value(page, "p", "0.89")
    assert "step=2" in page.url and "p=0.89" in page.url
    marker = page.evaluate(
        "() => document.querySelectorAll('.js-plotly-plot')[0]._fullData[2].x[0]"
    )
    assert marker == pytest.approx(0.89)
    app.assert_clean()


def test_deep_link_in_chinese(open_app) -> None:
    app = open_app("/walkthrough?step=4&lang=zh&gamma=1", width=1280, height=900)
    page = app.page
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_ZH)
    expect(page.get_by_role("heading", name="4 · α 加权，以及一个提醒")).to_be_visible()
    expect(page.get_by_text("第 4 步，共 6 步")).to_be_visible()
    expect_slider_value(page, "γ", "1.0")
    shoot(page, "walkthrough-zh", full=True, min_charts=1)
    app.assert_clean()


def test_presenter_mode_is_big_and_uncluttered(open_app) -> None:
    app = open_app("/walkthrough?step=5&present=true", width=1280, height=720)
    page = app.page
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_count(0)
    expect(page.get_by_role("heading", name=STEP_TITLES_EN[5])).to_be_visible()
    assert_presenter_fonts(page, 1)
    shoot(page, "walkthrough-presenter-1280x720", full=False, min_charts=1)
    app.assert_clean()


def test_gradients_fl_star_slider_moves_its_curve(open_app) -> None:
    app = open_app("/gradients?gamma=0.5", width=1280, height=900)
    page = app.page
    settle(page, GRADIENT_CHARTS)
    before = chart_json(page, "all")
    press_and_wait(page, thumb(page, "γ*"), "ArrowRight", "gamma_star=2.5", part="all")
    expect_slider_value(page, "γ*", "2.5")
    assert chart_json(page, "all") != before
    names = page.evaluate(
        "() => document.querySelectorAll('.js-plotly-plot')[0]._fullData"
        ".map(t => t.name)"
    )
    assert "dFL*/dx (γ* = 2.5, β = 1)" in names, names
    # the NaN of autograd, next to the closed form, at γ = 0.5
    expect(page.get_by_text("NaN", exact=True).first).to_be_visible()
    shoot(page, "walkthrough-gradients", full=True, min_charts=GRADIENT_CHARTS)
    app.assert_clean()


def test_gradients_presenter(open_app) -> None:
    app = open_app("/gradients?present=true&lang=zh", width=1280, height=720)
    page = app.page
    settle(page, GRADIENT_CHARTS)
    assert_presenter_fonts(page, GRADIENT_CHARTS)
    shoot(
        page,
        "walkthrough-gradients-presenter-zh",
        full=True,
        min_charts=GRADIENT_CHARTS,
    )
    app.assert_clean()
