"""The Imbalance page in Chromium: charts, keyboard, presets, languages, presenter."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from .test_app import (
    assert_presenter_fonts,
    chart_json,
    expect_slider_value,
    heading,
    open_settled,
    press_and_wait,
    settle,
    shoot,
    thumb,
)

pytestmark = pytest.mark.browser

CHARTS = 3
TITLE_EN = "Why imbalance matters in a one-stage detector"
TITLE_ZH = "样本不平衡为何困扰一阶段检测器"
HEADLINE_EN = "Under CE, easy negatives make 87% of the loss; under FL (γ = 2), 6.9%."
HEADLINE_RETINANET = (
    "Under CE, easy negatives make 71% of the loss; under FL (γ = 2), 2.4%."
)
SIZE = {"width": 1280, "height": 720}

# Names of the first chart's traces (the stacked shares) as Plotly drew them.
BAR_NAMES = """() => {
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  return chart && chart._fullData ? chart._fullData.map(t => t.name) : null;
}"""


def headline(page: Page):
    return page.get_by_role("heading", level=3).first


def test_imbalance_page_draws_its_charts(open_app) -> None:
    app = open_settled(open_app, "/imbalance", CHARTS, **SIZE)
    page = app.page
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(headline(page)).to_have_text(HEADLINE_EN)
    expect(page.locator(".js-plotly-plot")).to_have_count(CHARTS)
    names = page.evaluate(BAR_NAMES)
    assert names == ["easy negatives", "hard negatives", "positives"], names
    expect_slider_value(page, "Positives", "7")
    expect_slider_value(page, "Easy negatives", "10600")
    shoot(page, "imbalance-en", full=False, min_charts=CHARTS)
    shoot(page, "imbalance-en-full", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_keyboard_moves_a_count_and_the_charts_follow(open_app) -> None:
    app = open_settled(open_app, "/imbalance", CHARTS, **SIZE)
    page = app.page
    before = json.loads(chart_json(page, "all"))
    press_and_wait(
        page, thumb(page, "Positives"), "ArrowRight", "imb_positives=8", part="all"
    )
    expect_slider_value(page, "Positives", "8")
    after = json.loads(chart_json(page, "all"))
    assert after != before
    press_and_wait(
        page, thumb(page, "Hard negatives"), "ArrowRight", "imb_hard=50", part="all"
    )
    expect_slider_value(page, "Hard negatives", "50")
    assert "imb_positives=8" in page.url and "imb_hard=50" in page.url
    app.assert_clean()


def test_choosing_a_preset_sets_the_counts(open_app) -> None:
    app = open_settled(open_app, "/imbalance", CHARTS, **SIZE)
    page = app.page
    detector = page.locator('[data-testid="stRadio"]').filter(
        has=page.get_by_role("radiogroup", name=re.compile("Detector"))
    )
    detector.locator('[data-testid="stRadioOption"]').filter(
        has_text="retinanet"
    ).click()
    expect(headline(page)).to_have_text(HEADLINE_RETINANET)
    page.wait_for_function("() => location.search.includes('imb_preset=retinanet')")
    settle(page, CHARTS)
    expect_slider_value(page, "Positives", "100")
    expect_slider_value(page, "Hard negatives", "1000")
    expect_slider_value(page, "Easy negatives", "98900")
    app.assert_clean()


def test_seeded_link_in_chinese(open_app) -> None:
    app = open_settled(
        open_app, "/imbalance?lang=zh&imb_preset=retinanet&gamma=1", CHARTS, **SIZE
    )
    page = app.page
    expect(heading(page)).to_have_text(TITLE_ZH)
    expect(headline(page)).to_contain_text("用 CE 时，简单负样本占损失的 71%")
    expect_slider_value(page, "正样本（有目标）", "100")
    names = page.evaluate(BAR_NAMES)
    assert names == ["简单负样本", "困难负样本", "正样本"], names
    shoot(page, "imbalance-zh", full=False, min_charts=CHARTS)
    shoot(page, "imbalance-zh-full", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_presenter_mode_is_legible(open_app) -> None:
    app = open_settled(open_app, "/imbalance?present=true", CHARTS, **SIZE)
    page = app.page
    expect(headline(page)).to_have_text(HEADLINE_EN)
    assert_presenter_fonts(page, CHARTS)
    # the page's own controls are there too, with short labels
    expect_slider_value(page, "Easy negatives", "10600")
    shoot(page, "imbalance-presenter", full=False, min_charts=CHARTS)
    shoot(page, "imbalance-presenter-full", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_deep_link_is_the_first_visit(open_app, fresh_app_base: str) -> None:
    app = open_app("/imbalance?imb_preset=retinanet", base=fresh_app_base)
    page = app.page
    settle(page, CHARTS)
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(headline(page)).to_have_text(HEADLINE_RETINANET)
    expect(page.get_by_role("heading", name="Controls")).to_be_visible()
    expect_slider_value(page, "Easy negatives", "98900")
    app.assert_clean()
