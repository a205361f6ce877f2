"""The Training page in the browser: both runs drawn, a slider retrains, languages.

Screenshots (English, Chinese, presenter at 1280x720) go to
``artifacts/screenshots/training-*.png``; look at them after a run.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_app import (
    assert_presenter_fonts,
    expect_slider_value,
    heading,
    settle,
    shoot,
    thumb,
    wait_until,
)

pytestmark = pytest.mark.browser

CHARTS = 3  # two decision boundaries, one loss chart
TITLE_EN = "Watch it learn"
TITLE_ZH = "看模型学习"

# Trace names and sizes of every chart, as Plotly.js drew them.
DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')].map(c =>
  c._fullData.map(t => [t.type, t.name,
    t.z ? t.z.length : (t.y ? t.y.length : 0)]))"""

# The z grid of the left boundary chart (a summary) and the loss chart's data.
STATE = """() => {
  const charts = [...document.querySelectorAll('.js-plotly-plot')];
  if (charts.length < 3 || !charts[0]._fullData || !charts[2]._fullData) return null;
  const z = charts[0]._fullData[0].z;
  const sum = z ? z.flat().reduce((a, b) => a + b, 0) : null;
  const losses = charts[2]._fullData.map(t => Array.from(t.y).slice(-3));
  return JSON.stringify([sum, losses]);
}"""

LEFT_IS_ALPHA_FL = """() => {
  const c = document.querySelectorAll('.js-plotly-plot')[2];
  return c && c._fullData && c._fullData[0].name.startsWith('α-balanced FL');
}"""

CHANGED = f"""([before, fragment]) => {{
  const now = ({STATE})();
  return now !== null && now !== before && location.search.includes(fragment);
}}"""


def test_both_runs_are_drawn(open_app) -> None:
    app = open_app("/training", width=1400, height=1900)
    page = app.page
    settle(page, CHARTS)
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(page.locator(".js-plotly-plot")).to_have_count(CHARTS)
    drawn = page.evaluate(DRAWN)
    left, right, loss = drawn
    for boundary in (left, right):
        kinds = [kind for kind, _, _ in boundary]
        assert kinds == ["contour", "contour", "scatter", "scatter"], boundary
        assert boundary[0][2] == 81, "the decision grid arrives as 81 rows"
        assert boundary[2][2] > 1000, "the negatives are drawn"
    assert [name for _, name, _ in loss] == ["CE", "FL (γ = 2)"]
    # 200 steps, drawn through the points their picture needs (focal.figures.wire)
    steps = page.evaluate(
        "() => document.querySelectorAll('.js-plotly-plot')[2]._fullData"
        ".map(t => [t.x[0], t.x[t.x.length - 1]])"
    )
    assert steps == [[0, 200], [0, 200]], steps
    assert all(20 < length <= 201 for _, _, length in loss), loss
    metrics = page.locator('[data-testid="stMetric"]')
    expect(metrics).to_have_count(6)
    shoot(page, "training-en", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_imbalance_slider_retrains_both_runs(open_app) -> None:
    app = open_app("/training?train_steps=60", width=1400, height=1200)
    page = app.page
    settle(page, CHARTS)
    before = page.evaluate(STATE)
    assert before is not None
    slider = thumb(page, "Negatives per positive")
    slider.focus()
    page.keyboard.press("ArrowRight")
    wait_until(
        page,
        CHANGED,
        arg=[before, "train_imbalance=110"],
        what="new boundaries and losses after the imbalance moved",
    )
    settle(page, CHARTS)
    expect_slider_value(page, "Negatives per positive", "110")
    app.assert_clean()


def test_choosing_a_loss_retrains_that_side(open_app) -> None:
    app = open_app("/training?train_steps=60", width=1400, height=1200)
    page = app.page
    settle(page, CHARTS)
    left = page.locator('[data-testid="stRadio"]').filter(
        has=page.get_by_role("radiogroup", name=re.compile("Left: loss"))
    )
    left.locator('[data-testid="stRadioOption"]').filter(
        has_text=re.compile(r"^α-balanced FL")
    ).click()
    page.wait_for_function("() => location.search.includes('train_left=alpha_fl')")
    wait_until(page, LEFT_IS_ALPHA_FL, what="the loss chart to name the new left loss")
    settle(page, CHARTS)
    app.assert_clean()


def test_named_choice_keeps_its_url_value_across_languages(open_app) -> None:
    """The radios show names ("Gradient descent"), the URL holds ``gd``."""
    app = open_app(
        "/training?train_steps=60&train_points=2000&train_model=mlp",
        width=1400,
        height=1200,
    )
    page = app.page
    settle(page, CHARTS)
    model = page.get_by_role("radiogroup", name=re.compile("Model"))
    expect(
        model.get_by_role("radio", name="One hidden layer (16 ReLU)")
    ).to_be_checked()
    page.get_by_text("More settings").click()
    optimiser = page.get_by_role("radiogroup", name=re.compile("Optimiser"))
    # The expander open and nothing in flight: a rerun's deltas arriving
    # between the press and the release re-render the radio and cancel the
    # press (a lost click, once in a loaded CI run).
    expect(optimiser).to_be_visible()
    settle(page, CHARTS)
    optimiser.get_by_text("Gradient descent").click()
    # One step at a time, so that a failure says which one: the click took,
    # then the rerun wrote the raw value into the address.
    expect(optimiser.get_by_role("radio", name="Gradient descent")).to_be_checked()
    wait_until(
        page,
        "() => location.search.includes('train_optimizer=gd')",
        what="train_optimizer=gd in the address",
    )
    settle(page, CHARTS)
    language = page.locator('[data-testid="stRadio"]').filter(
        has=page.get_by_role("radiogroup", name=re.compile("Language"))
    )
    language.locator('[data-testid="stRadioOption"]').filter(
        has_text=re.compile(r"^zh|中文")
    ).click()
    expect(heading(page)).to_have_text(TITLE_ZH)  # the suite's timeout: it retrains
    page.wait_for_function("() => location.search.includes('lang=zh')")
    model = page.get_by_role("radiogroup", name=re.compile("模型"))
    expect(
        model.get_by_role("radio", name="单隐藏层网络（16 个 ReLU）")
    ).to_be_checked()
    page.get_by_text("更多设置").click()  # a new label: the expander is folded again
    optimiser = page.get_by_role("radiogroup", name=re.compile("优化器"))
    expect(optimiser.get_by_role("radio", name="梯度下降")).to_be_checked()
    query = page.evaluate("() => location.search")
    assert "train_model=mlp" in query and "train_optimizer=gd" in query, query
    settle(page, CHARTS)
    app.assert_clean()


def test_chinese_page(open_app) -> None:
    app = open_app("/training?lang=zh&train_model=mlp", width=1400, height=1900)
    page = app.page
    settle(page, CHARTS)
    expect(heading(page)).to_have_text(TITLE_ZH)
    names = page.evaluate(DRAWN)[0]
    assert [name for _, name, _ in names][2:] == ["负样本", "正样本"]
    expect(page.get_by_text("召回率").first).to_be_visible()
    shoot(page, "training-zh", full=True, min_charts=CHARTS)
    app.assert_clean()


def test_presenter_mode_is_legible(open_app) -> None:
    app = open_app("/training?present=true", width=1280, height=720)
    page = app.page
    settle(page, CHARTS)
    assert_presenter_fonts(page, CHARTS)
    shoot(page, "training-presenter-1280x720", full=False, min_charts=CHARTS)
    shoot(page, "training-presenter-full", full=True, min_charts=CHARTS)
    app.assert_clean()
