"""The Variants page in the browser: its charts, its own controls, languages, modes.

Same rules as ``test_app``: a fresh context per test (``open_app``), waiting only
for conditions in the page, screenshots in ``artifacts/screenshots/variants-*``.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

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
    wait_until,
)

pytestmark = pytest.mark.browser

CHARTS = 3
SIZE = {"width": 1280, "height": 720}
TITLE_EN = "Focal loss and what came after"
TITLE_ZH = "Focal Loss 及其后继"
LEGEND_EN = ["CE", "FL", "FL*", "Poly-1 FL", "QFL", "VFL", "ASL"]

# Names of the lines (not the markers) of the first chart, as Plotly drew them.
LINE_NAMES = """() => {
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  if (!chart || !chart._fullData) return null;
  return chart._fullData.filter(t => t.mode === 'lines').map(t => t.name);
}"""


# Hover texts of those lines: the full label, with each loss's parameters.
LINE_HOVERS = """() => {
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  if (!chart || !chart._fullData) return null;
  return chart._fullData.filter(t => t.mode === 'lines')
    .map(t => t.hovertemplate.split('<br>')[0]);
}"""


def test_variants_page_draws_every_loss(open_app) -> None:
    app = open_settled(open_app, "/variants", CHARTS, **SIZE)
    page = app.page
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(page.locator(".js-plotly-plot")).to_have_count(CHARTS)
    names = page.evaluate(LINE_NAMES)
    assert names == LEGEND_EN, names
    lines = json.loads(chart_json(page, "all"))
    # FL at p_t = 1 is 0 and at p_t = 0 a gap (infinite), as the core says
    fl_y = lines[1][1]
    assert fl_y[-1] == 0.0 and fl_y[0] is None, (fl_y[0], fl_y[-1])
    # the paper's numbers are labelled as the paper's
    subtitles = page.locator(".js-plotly-plot .gtitle-subtitle").all_text_contents()
    assert subtitles == ["reported in Lin et al. 2017, Table 1"] * 2, subtitles
    shoot(page, "variants-en", full=False, min_charts=CHARTS)
    shoot(page, "variants-en-full", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_keyboard_moves_a_variant_slider_and_the_shared_gamma(open_app) -> None:
    app = open_settled(open_app, "/variants", CHARTS, width=1400, height=1000)
    page = app.page
    press_and_wait(
        page,
        thumb(page, "ε of Poly-1 FL"),
        "ArrowRight",
        "var_poly_epsilon=1.1",
        part="all",
    )
    expect_slider_value(page, "ε of Poly-1 FL", "1.1")
    hovers = page.evaluate(LINE_HOVERS)
    assert "Poly-1 FL (γ = 2, ε = 1.1)" in hovers, hovers
    press_and_wait(page, thumb(page, "γ —"), "ArrowLeft", "gamma=1.9", part="fl")
    assert "var_poly_epsilon=1.1" in page.url
    hovers = page.evaluate(LINE_HOVERS)
    assert "FL (γ = 1.9)" in hovers and "Poly-1 FL (γ = 1.9, ε = 1.1)" in hovers
    app.assert_clean()


def test_a_variant_can_be_hidden(open_app) -> None:
    app = open_settled(open_app, "/variants", CHARTS, width=1400, height=1000)
    page = app.page
    toggle = page.locator('[data-testid="stCheckbox"]').filter(has_text="Show ASL")
    toggle.locator("label").first.click()
    page.wait_for_function("() => location.search.includes('var_asl=false')")
    wait_until(
        page,
        f"() => {{ const n = ({LINE_NAMES})(); return n && n.length === 6; }}",
        what="the ASL line to go",
    )
    settle(page, CHARTS)
    names = page.evaluate(LINE_NAMES)
    assert not any(name.startswith("ASL") for name in names), names
    app.assert_clean()


def test_seeded_link_in_chinese(open_app) -> None:
    app = open_settled(
        open_app, "/variants?lang=zh&y=0&var_asl_margin=0.2", CHARTS, **SIZE
    )
    page = app.page
    expect(heading(page)).to_have_text(TITLE_ZH)
    hovers = page.evaluate(LINE_HOVERS)
    assert "ASL（γ+ = 1，γ− = 4，m = 0.2）" in hovers, hovers
    expect_slider_value(page, "ASL 的 m（概率间隔）", "0.20")
    shoot(page, "variants-zh", full=False, min_charts=CHARTS)
    shoot(page, "variants-zh-full", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_presenter_mode_is_legible(open_app) -> None:
    app = open_settled(open_app, "/variants?present=true", CHARTS, **SIZE)
    page = app.page
    assert_presenter_fonts(page, CHARTS)
    expect(page.get_by_role("link", name=re.compile("Variants")).first).to_be_visible()
    shoot(page, "variants-presenter", full=False, min_charts=CHARTS)
    shoot(page, "variants-presenter-full", full=True, min_charts=CHARTS)
    app.assert_clean()
