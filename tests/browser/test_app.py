"""What a person sees in the browser: charts, links, keyboard, languages, modes.

Each test opens the app in a fresh browser context (see ``conftest.open_app``),
which fails the test on console errors, page errors, dialogs, requests to other
hosts and Streamlit exception boxes. Waiting is always for a condition in the
page (``wait_for_function``, locator assertions), never for a timer.
Screenshots go to ``artifacts/screenshots/``; look at them after a run.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import focal
from focal.ui.drag import Frame
from focal.ui.params import BY_KEY
from focal.ui.screen import Screen
from focal.ui.strings import EN
from tests.helpers import PRINTED_TABLE

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

TITLE_EN = "Focal loss explorer"
TITLE_ZH = "Focal Loss 探索"
GRADIENTS_TITLE_EN = "Gradients with respect to the logit"
EXPLORER_CHARTS = 1  # the default view: CE and FL (an SVG component, issue 16)
#: Every chart: Plotly's, and the on-drag charts of the CE and FL view
#: (focal/ui/drag.py) and of the hard/easy view (focal/ui/drag_ratio.py).
ANY_CHART = ".js-plotly-plot, .st-key-drag_chart, .st-key-drag_ratio_chart"

# The on-drag chart's SVG, inside the component's shadow root, or null.
DRAG_SVG = """(() => {
  const host = document.querySelector('.st-key-drag_chart, .st-key-drag_ratio_chart');
  const inner = host && [...host.querySelectorAll('*')].find(e => e.shadowRoot);
  const root = inner ? inner.shadowRoot : host;
  const svg = root && root.querySelector('svg');
  const fl = svg && svg.querySelector('.fd-fl, .fr-fl');
  return fl && fl.getAttribute('d') ? svg : null;
})()"""
#: The Explorer's views: the radio's English name and the charts each draws.
VIEWS = {
    view: (EN[f"name.view.{view}"], 0 if view == "table" else 1)
    for view in BY_KEY["view"].options
}
GRADIENTS_CHARTS = 2  # the derivatives and their ratio
FULL_WIDTH = 1400
FULL_HEIGHT = 4300
HOSTILE = "<script>alert(1)</script>"

# The app drawn (not its loading skeleton, and no widget's code still loading,
# which shows a grey box), every chart drawn with data, fonts loaded, and
# Streamlit idle: no status widget (Streamlit mounts it once a run has lasted
# 500 ms) and no element still marked stale (from the moment a rerun is
# requested until the run reaches it).
# Right after an interaction that is not proof enough that the rerun happened:
# tests first wait for its visible effect, then settle.
SETTLED = f"""(minCharts) => {{
  const charts = [...document.querySelectorAll('.js-plotly-plot')];
  return charts.length + ({DRAG_SVG} ? 1 : 0) >= minCharts
    && document.querySelector('[data-testid="stElementContainer"]')  // the app drew
    && !document.querySelector('[data-testid="stAppSkeleton"]')
    && charts.every(c => Array.isArray(c.data) && c.data.length > 0
                         && c._fullLayout && c.querySelector('.main-svg'))
    && document.fonts.status === 'loaded'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stSkeleton"]');  // a widget still loading
}}"""

# The y values of the first chart's FL trace (the Explorer's loss chart: CE, FL,
# ...), or of all its traces, as JSON, read from the chart Plotly drew.
# Trace values as Plotly.js decoded them (the figure sends binary typed arrays;
# ``_fullData`` holds them decoded), as JSON text for comparison.
CHART_JSON = f"""(part) => {{
  const svg = {DRAG_SVG};  // the on-drag chart: its FL path, or all it draws
  if (svg) return part === 'fl' ? svg.querySelector('.fd-fl, .fr-fl').getAttribute('d')
    : [...svg.querySelectorAll('path, circle')].map(e => e.outerHTML).join('');
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  if (!chart || !chart._fullData) return null;
  const data = chart._fullData;
  const values = (a) => (a ? Array.from(a) : null);
  if (part === 'fl') return JSON.stringify(values(data[1] && data[1].y));
  return JSON.stringify(data.map(t => [values(t.x), values(t.y)]));
}}"""

CHART_CHANGED = f"""([part, before, fragment]) => {{
  const now = ({CHART_JSON})(part);
  return now !== null && now !== before && location.search.includes(fragment);
}}"""

# Rendered font sizes of each chart: the layout's base size and, per kind of
# text, the largest size drawn (log axes also draw smaller minor labels).
CHART_FONTS = f"""() => [...document.querySelectorAll('.js-plotly-plot')].map(c => {{
  const largest = sel => Math.max(0, ...[...c.querySelectorAll(sel)]
      .map(t => parseFloat(getComputedStyle(t).fontSize)));
  return {{
    layout: c._fullLayout.font.size,
    title: largest('.gtitle'), xtitle: largest('.xtitle'),
    ytitle: largest('.ytitle'), xtick: largest('.xtick text'),
    ytick: largest('.ytick text'), legend: largest('.legendtext'),
  }};
}}).concat((svg => svg ? [{{
  // the on-drag chart: its smallest text, in px as drawn (SVG units scaled)
  svg: Math.min(...[...svg.querySelectorAll('text')].map(t =>
    parseFloat(t.getAttribute('font-size')) * svg.getBoundingClientRect().width
    / svg.viewBox.baseVal.width)),
}}] : [])({DRAG_SVG}))"""

PRESENTER_FONTS = f"""(count) => {{
  const sizes = ({CHART_FONTS})();
  return sizes.length === count
    && sizes.every(s => Object.values(s).every(px => px === 0 || px >= 20));
}}"""

# Text of each chart drawn outside its own SVG (cut off) or hidden by Plotly for
# lack of room: tick labels, axis and chart titles, legend entries and
# annotations, with a pixel of tolerance.
CHART_TEXT_OUTSIDE = f"""() => [...document.querySelectorAll('.js-plotly-plot')]
.flatMap(c => {{
  const svg = c.querySelector('.main-svg').getBoundingClientRect();
  const texts = c.querySelectorAll('.xtick text, .ytick text, .xtitle, .ytitle,'
    + ' .gtitle, .legendtext, .annotation-text');
  return [...texts].filter(t => t.textContent.trim()).flatMap(t => {{
    const box = t.getBoundingClientRect();
    // Plotly hides a tick label that would overflow the chart: that is cut too
    const shown = box.width > 0 || box.height > 0;
    const inside = shown && box.left >= svg.left - 1 && box.right <= svg.right + 1
      && box.top >= svg.top - 1 && box.bottom <= svg.bottom + 1;
    return inside ? [] : [`${{t.getAttribute('class')}} "${{t.textContent}}"`];
  }});
}}).concat((svg => !svg ? [] : [...svg.querySelectorAll('text')].flatMap(t => {{
  // the on-drag chart's text, inside its SVG
  const box = t.getBoundingClientRect(), out = svg.getBoundingClientRect();
  const inside = box.left >= out.left - 1 && box.right <= out.right + 1
    && box.top >= out.top - 1 && box.bottom <= out.bottom + 1;
  return inside ? [] : [`svg text "${{t.textContent}}"`];
}}))({DRAG_SVG}))"""

# Where the first chart's x-axis title and its play buttons (if any) end, in
# pixels from the top of the viewport, and the viewport's height.
CHART_BOTTOM = f"""() => {{
  const chart = document.querySelector('.js-plotly-plot') || {DRAG_SVG};
  const bottom = sel => {{
    // the on-drag chart's x-axis title is its SVG's last line
    const el = chart && (chart.tagName === 'svg' && sel === '.xtitle'
      ? chart : chart.querySelector(sel));
    return el ? Math.ceil(el.getBoundingClientRect().bottom) : 0;
  }};
  const formulas = document.querySelectorAll('.katex');
  const formula = formulas[formulas.length - 1];
  return {{xtitle: bottom('.xtitle'), buttons: bottom('.updatemenu-button'),
          formula: formula ? Math.ceil(formula.getBoundingClientRect().bottom) : 0,
          viewport: window.innerHeight}};
}}"""


def assert_chart_on_screen(page: Page, formula: bool = False) -> None:
    """The chart down to its x-axis title (and its play buttons) is in view;
    with ``formula``, also the page's last formula (the CE and FL view's, with
    the current values substituted) down to its last line."""
    where = page.evaluate(CHART_BOTTOM)
    assert 0 < where["xtitle"] <= where["viewport"], where
    assert where["buttons"] <= where["viewport"], where
    if formula:
        assert 0 < where["formula"] <= where["viewport"], where


# Whether the sidebar takes room on screen (absent, collapsed off-screen,
# hidden and zero-width all count as not shown).
SIDEBAR_SHOWN = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  if (!bar) return false;
  const style = getComputedStyle(bar);
  const box = bar.getBoundingClientRect();
  return style.display !== 'none' && style.visibility !== 'hidden'
    && bar.getAttribute('aria-expanded') !== 'false'
    && box.width > 1 && box.right > 1;
}"""

# Height of the app's content, which scrolls inside its own container.
CONTENT_HEIGHT = """() => {
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  return block ? Math.ceil(block.getBoundingClientRect().bottom) : 0;
}"""


# What SETTLED looks at, for the message of a test that waited in vain.
PAGE_STATE = """() => ({
  url: location.href,
  charts: [...document.querySelectorAll('.js-plotly-plot')]
    .map(c => Array.isArray(c.data) ? c.data.length : null),
  fonts: document.fonts.status,
  running: !!document.querySelector('[data-testid="stStatusWidget"]'),
  stale: document.querySelectorAll('[data-stale="true"]').length,
  exceptions: [...document.querySelectorAll('[data-testid="stException"]')]
    .map(e => e.innerText.slice(0, 300)),
  headings: [...document.querySelectorAll('h1')].map(h => h.innerText),
})"""


def assert_presenter_fonts(page: Page, charts: int) -> None:
    """``charts`` charts, all their text at least 20 px (presenter mode), once
    Plotly has redrawn."""
    wait_until(page, PRESENTER_FONTS, charts, "presenter text", state=CHART_FONTS)


def wait_until(page: Page, condition: str, arg=None, what="", state=PAGE_STATE):
    """``wait_for_function``; on timeout, fail with the page's ``state``."""
    try:
        page.wait_for_function(condition, arg=arg)
    except PlaywrightTimeoutError:
        found = page.evaluate(state)
        pytest.fail(f"timed out waiting for {what or condition}; page: {found}")


def settle(page: Page, min_charts: int = 1) -> None:
    """Wait until the charts are drawn and Streamlit has finished its run."""
    wait_until(page, SETTLED, min_charts, f"{min_charts}+ charts drawn and idle")


def chart_json(page: Page, part: str) -> str:
    value = page.evaluate(CHART_JSON, part)
    assert value is not None, "no chart with data on the page"
    return value


def press_and_wait(page: Page, thumb: Locator, key: str, fragment: str, part: str):
    """Press ``key`` on a slider thumb; wait for new chart data and the URL."""
    before = chart_json(page, part)
    thumb.focus()
    page.keyboard.press(key)
    page.wait_for_function(CHART_CHANGED, arg=[part, before, fragment])
    settle(page)


def drag_legend(page: Page) -> list[str]:
    """The on-drag chart's legend texts (CE, FL at the current γ, ...)."""
    return page.evaluate(
        f"() => [...{DRAG_SVG}.querySelectorAll('text')].filter(t => "
        "t.previousElementSibling?.tagName === 'path'"
        " && t.previousElementSibling.getAttribute('stroke-width'))"
        ".map(t => t.textContent)"
    )


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1).first


def slider(page: Page, name: str) -> Locator:
    """The ``stSlider`` whose label starts with ``name`` (then a space or end)."""
    thumb = page.get_by_role("slider", name=re.compile(rf"^{re.escape(name)}(\s|$)"))
    return page.locator('[data-testid="stSlider"]').filter(has=thumb)


def thumb(page: Page, name: str) -> Locator:
    """A slider's thumb (``<input type="range">``, an ARIA role CSS misses)."""
    return slider(page, name).get_by_role("slider")


def expect_slider_value(page: Page, name: str, shown: str) -> None:
    box = slider(page, name)
    expect(box).to_have_count(1)
    expect(box.locator('[data-testid="stSliderThumbValue"]')).to_have_text(shown)


def shoot(page: Page, name: str, *, full: bool, min_charts: int) -> None:
    """Save a screenshot; ``full``: of every section, in a viewport as tall as
    the content (Streamlit scrolls an inner container: ``full_page`` would not)."""
    if full:
        width = page.viewport_size["width"]
        page.set_viewport_size({"width": width, "height": FULL_HEIGHT})
        settle(page, min_charts)
        needed = max(page.evaluate(CONTENT_HEIGHT) + 40, 720)
        page.set_viewport_size({"width": width, "height": needed})
    settle(page, min_charts)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_settled(open_app, path: str, min_charts: int = EXPLORER_CHARTS, **size):
    app = open_app(path, **size)
    settle(app.page, min_charts)
    return app


def test_home_draws_the_charts(open_app) -> None:
    app = open_settled(open_app, "/", width=FULL_WIDTH, height=FULL_HEIGHT)
    page = app.page
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(page.locator(ANY_CHART)).to_have_count(EXPLORER_CHARTS)
    # the on-drag chart (issue 16): its legend, and a curve of many corners (its
    # path keeps the points off a straight line by 0.1 px: about 25 at γ = 2)
    assert drag_legend(page)[:2] == ["CE", "FL (γ = 2)"]
    fl = chart_json(page, "fl")
    assert fl.count("L") > 15, fl
    # FL at p = 1 (y = 1) is 0: the curve ends on the x axis (the plot's bottom)
    frame = Frame.of(Screen.LAPTOP)
    assert fl.endswith(f"{frame.width - frame.right:.1f},{frame.bottom:.1f}"), fl
    expect_slider_value(page, "γ", "2.0")
    expect_slider_value(page, "p", "0.90")
    shoot(page, "explorer-en", full=True, min_charts=EXPLORER_CHARTS)
    app.assert_clean()


def test_seeded_link_opens_that_state_in_chinese(open_app) -> None:
    app = open_settled(
        open_app, "/?gamma=3&p=0.2&y=0&lang=zh", width=FULL_WIDTH, height=FULL_HEIGHT
    )
    page = app.page
    expect(heading(page)).to_have_text(TITLE_ZH)
    expect_slider_value(page, "γ", "3.0")
    expect_slider_value(page, "p", "0.20")
    assert drag_legend(page)[1] == "FL（γ = 3）"
    expect(page).to_have_title(re.compile("图解"))
    shoot(page, "explorer-zh", full=True, min_charts=EXPLORER_CHARTS)
    app.assert_clean()


def test_keyboard_moves_sliders_charts_and_url(open_app) -> None:
    app = open_settled(open_app, "/")
    page = app.page
    press_and_wait(page, thumb(page, "γ"), "ArrowRight", "gamma=2.1", part="fl")
    expect_slider_value(page, "γ", "2.1")
    assert "gamma=2.1" in page.url
    # p moves the marked point, not the curves: wait for any change in the data
    press_and_wait(page, thumb(page, "p"), "ArrowLeft", "p=0.89", part="all")
    expect_slider_value(page, "p", "0.89")
    assert "p=0.89" in page.url and "gamma=2.1" in page.url
    app.assert_clean()


def test_language_switch_to_chinese(open_app) -> None:
    app = open_settled(open_app, "/")
    page = app.page
    expect(heading(page)).to_have_text(TITLE_EN)
    language = page.locator('[data-testid="stRadio"]').filter(
        has=page.get_by_role("radiogroup", name=re.compile("Language"))
    )
    language.locator('[data-testid="stRadioOption"]').filter(
        has_text=re.compile(r"^zh|中文")
    ).click()
    expect(heading(page)).to_have_text(TITLE_ZH)
    page.wait_for_function("() => location.search.includes('lang=zh')")
    settle(page, EXPLORER_CHARTS)
    app.assert_clean()


def test_presenter_mode_is_legible(open_app) -> None:
    app = open_settled(open_app, "/", width=1280, height=720)
    page = app.page
    assert page.evaluate(SIDEBAR_SHOWN), "the sidebar should show outside presenter"
    toggle = page.locator('[data-testid="stCheckbox"]').filter(
        has_text="Presenter mode"
    )
    toggle.locator("label").first.click()
    page.wait_for_function("() => location.search.includes('present=true')")
    settle(page, EXPLORER_CHARTS)
    wait_until(page, f"() => !({SIDEBAR_SHOWN})()", what="the sidebar to go")
    assert_presenter_fonts(page, EXPLORER_CHARTS)
    # the controls are still there, above the charts, and the chart is whole
    expect_slider_value(page, "γ", "2.0")
    assert_chart_on_screen(page, formula=True)
    shoot(page, "presenter-1280x720", full=False, min_charts=EXPLORER_CHARTS)
    shoot(page, "presenter-full", full=True, min_charts=EXPLORER_CHARTS)
    app.assert_clean()


def test_presenter_mode_can_still_switch_pages(open_app) -> None:
    # On a projector the lecturer must reach the Gradients page too.
    app = open_settled(open_app, "/?present=true", width=1280, height=720)
    page = app.page
    link = page.get_by_role("link", name=re.compile("Gradients"))
    expect(link.first).to_be_visible()
    link.first.click()
    expect(heading(page)).to_have_text(GRADIENTS_TITLE_EN)
    settle(page, GRADIENTS_CHARTS)
    assert "present=true" in page.url
    app.assert_clean()


def test_switching_pages_keeps_the_values(open_app) -> None:
    app = open_settled(open_app, "/")
    page = app.page
    press_and_wait(page, thumb(page, "γ"), "ArrowRight", "gamma=2.1", part="fl")

    page.get_by_role("link", name=re.compile("Gradients")).first.click()
    expect(heading(page)).to_have_text(GRADIENTS_TITLE_EN)
    page.wait_for_function("() => location.pathname.endsWith('/gradients')")
    settle(page, GRADIENTS_CHARTS)
    assert "gamma=2.1" in page.url
    expect_slider_value(page, "γ", "2.1")
    names = page.evaluate(
        "() => document.querySelectorAll('.js-plotly-plot')[0].data.map(t => t.name)"
    )
    assert any("γ = 2.1" in str(name) for name in names), names
    shoot(page, "gradients", full=True, min_charts=GRADIENTS_CHARTS)

    page.get_by_role("link", name=re.compile("Explorer")).first.click()
    expect(heading(page)).to_have_text(TITLE_EN)
    page.wait_for_function("() => !location.pathname.endsWith('/gradients')")
    settle(page, EXPLORER_CHARTS)
    assert "gamma=2.1" in page.url
    expect_slider_value(page, "γ", "2.1")
    assert drag_legend(page)[1] == "FL (γ = 2.1)"
    app.assert_clean()


def test_hostile_link_is_refused_with_a_notice(open_app) -> None:
    app = open_settled(open_app, f"/?gamma={HOSTILE}&lang=fr", width=1400, height=1000)
    page = app.page
    shoot(page, "hostile-link-notice", full=False, min_charts=EXPLORER_CHARTS)
    expect_slider_value(page, "γ", "2.0")
    expect(heading(page)).to_have_text(TITLE_EN)
    injected = page.evaluate(
        "() => [...document.querySelectorAll('script')]"
        ".filter(s => s.textContent.includes('alert(1)')).length"
    )
    assert injected == 0
    assert HOSTILE not in page.content()
    notices = " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())
    assert "gamma" in notices and "lang" in notices, (
        f"no notice names the refused parameters; alerts on the page: {notices!r}"
    )
    app.assert_clean()


#: The navigation's links, as the app names them (not Streamlit's file list,
#: which would also list "app" and name pages by their file).
NAV_LINKS = [
    "Explorer",
    "Walkthrough",
    "Gradients",
    "Imbalance",
    "Training",
    "Variants",
]
NAV_JSON = json.dumps(NAV_LINKS, separators=(",", ":"))  # as JSON.stringify
NAV_TEXTS = (
    "() => [...document.querySelectorAll('[data-testid=\"stSidebarNavLink\"]')]"
    # the link's text after its icon's name
    ".map(a => a.innerText.trim().split('\\n').pop())"
)


@pytest.mark.parametrize(
    ("path", "title", "charts"),
    [
        ("/explorer?gamma=3", TITLE_EN, EXPLORER_CHARTS),
        ("/gradients?gamma=3", GRADIENTS_TITLE_EN, GRADIENTS_CHARTS),
        (
            "/walkthrough?step=3&gamma=3",
            EN["walkthrough.s3.title"],
            1,
        ),
    ],
    ids=["explorer", "gradients", "walkthrough"],
)
def test_deep_link_is_the_first_visit(
    open_app, fresh_app_base: str, path: str, title: str, charts: int
) -> None:
    # The first visitor of a freshly started server, arriving by a page's own
    # URL: with the page scripts in pages/, Streamlit starts in its legacy
    # multipage mode, which would run the page without app.py. The page must
    # come inside the app's frame (controls, navigation) with the link's values.
    app = open_app(path, base=fresh_app_base)
    page = app.page
    settle(page, charts)
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.locator(ANY_CHART)).to_have_count(charts)
    expect(page.get_by_role("heading", name="Controls")).to_be_visible()
    wait_until(
        page,
        f"() => JSON.stringify(({NAV_TEXTS})()) === {json.dumps(NAV_JSON)}",
        what=f"the app's navigation {NAV_LINKS}",
    )
    expect_slider_value(page, "γ", "3.0")
    app.assert_clean()


def test_explorer_path_serves_the_explorer(open_app) -> None:
    # the session's server, after "/" has been opened (a returning visitor)
    open_settled(open_app, "/")
    app = open_settled(open_app, "/explorer?gamma=3")
    page = app.page
    expect(heading(page)).to_have_text(TITLE_EN)
    expect(page.locator(ANY_CHART)).to_have_count(EXPLORER_CHARTS)
    expect_slider_value(page, "γ", "3.0")
    app.assert_clean()


# The bold Figure 1 curve (after the five reference curves), by name and values.
FIGURE1_BOLD = """() => {
  const chart = document.querySelectorAll('.js-plotly-plot')[0];
  const bold = chart && chart._fullData && chart._fullData[5];
  return bold ? [bold.name, Array.from(bold.y).slice(90, 110)] : null;
}"""


def test_play_sweeps_gamma_in_the_browser(open_app) -> None:
    # The γ sweep is a Plotly animation: the bold curve changes with no rerun.
    # Its frames do not depend on γ (a move does not send them again): it
    # starts at γ = 0, whatever γ is.
    link = "/?view=family&sweep=true"
    app = open_settled(open_app, link, width=FULL_WIDTH, height=1000)
    page = app.page
    before = page.evaluate(FIGURE1_BOLD)
    assert before is not None and before[0].endswith("γ = 0"), before
    figure1 = page.locator(".js-plotly-plot").first
    figure1.locator(".updatemenu-button").filter(has_text="Play").click()
    moved = f"""(before) => {{ const now = ({FIGURE1_BOLD})();
        return now && now[0] !== before[0]
          && JSON.stringify(now[1]) !== JSON.stringify(before[1]); }}"""
    wait_until(
        page,
        moved,
        arg=before,
        what="the bold Figure 1 curve to follow the animation",
    )
    assert "gamma=" not in page.url  # the browser played it; γ itself is unchanged
    app.assert_clean()


def test_table_downloads_as_csv(open_app) -> None:
    """The CSV is made when the button is clicked and holds the current γ's table."""
    watched = open_settled(open_app, "/?gamma=3&p=0.2&y=0&view=table", min_charts=0)
    page = watched.page
    button = page.get_by_role("button", name="Download CSV")
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "focal-table-gamma3.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    records = list(csv.DictReader(io.StringIO(text)))
    # the document's four rows and the current (p, y) = (0.2, 0); the printed
    # values are the document's (printed for γ = 2), the exact ones γ = 3's
    examples = [(y, p) for y, p, *_ in PRINTED_TABLE] + [(0, 0.2)]
    assert [(int(r["y"]), float(r["p"])) for r in records] == examples
    for record, (y, p) in zip(records, examples, strict=True):
        assert float(record["gamma"]) == 3.0
        p_t = p if y == 1 else 1.0 - p
        assert float(record["p_t"]) == pytest.approx(p_t, rel=1e-15)
        assert float(record["ce"]) == focal.cross_entropy(p, y)
        assert float(record["modulating"]) == pytest.approx((1 - p_t) ** 3, rel=1e-14)
        assert float(record["fl"]) == focal.focal_loss(p, y, 3.0)
    for record, (*_, p_t, ce, modulating, fl) in zip(
        records[:4], PRINTED_TABLE, strict=True
    ):
        printed = [record[f"printed_{k}"] for k in ("p_t", "ce", "modulating", "fl")]
        assert printed == [p_t, ce, modulating, fl]
    assert float(records[1]["ce"]) == pytest.approx(2.302585093, rel=1e-9)
    assert records[4]["printed_fl"] == ""  # the current row has no printed value


def view_radio(page: Page) -> Locator:
    return page.locator('[data-testid="stRadio"]').filter(
        has=page.get_by_role("radiogroup", name=re.compile("^Show"))
    )


def test_every_view_is_one_click_away(open_app) -> None:
    """Each view from the radio: its chart drawn, the URL names it, γ kept."""
    app = open_settled(open_app, "/?gamma=3", width=FULL_WIDTH, height=1000)
    page = app.page
    for view, (name, charts) in [*list(VIEWS.items())[1:], ("curves", VIEWS["curves"])]:
        view_radio(page).locator('[data-testid="stRadioOption"]').filter(
            has_text=name
        ).click()
        if view == "curves":
            page.wait_for_function("() => !location.search.includes('view=')")
        else:
            page.wait_for_function(f"() => location.search.includes('view={view}')")
        expect(page.locator(ANY_CHART)).to_have_count(charts)
        settle(page, charts)
        expect_slider_value(page, "γ", "3.0")
        assert "gamma=3" in page.url
        shoot(page, f"explorer-{view}", full=True, min_charts=charts)
    app.assert_clean()


@pytest.mark.parametrize("view", ["curves", "ratio", "family", "table"])
def test_presenter_views_fit_a_projector(open_app, view: str) -> None:
    """Every view in presenter mode at 1280×720: chart text at least 20 px, and
    the chart down to its x axis (and Figure 1's play buttons, and the CE and
    FL view's formula) on screen."""
    charts = VIEWS[view][1]
    app = open_settled(
        open_app, f"/?present=true&lang=zh&view={view}", charts, width=1280, height=720
    )
    page = app.page
    wait_until(page, f"() => !({SIDEBAR_SHOWN})()", what="no sidebar")
    assert_presenter_fonts(page, charts)
    if charts:
        assert_chart_on_screen(page, formula=view == "curves")
    shoot(page, f"presenter-zh-{view}-1280x720", full=False, min_charts=charts)
    app.assert_clean()


@pytest.mark.parametrize(
    ("link", "charts"),
    [
        ("/", EXPLORER_CHARTS),
        ("/?log=true&y=0&p=0.02", EXPLORER_CHARTS),
        ("/?view=ratio", 1),
        ("/?view=family", 1),
        ("/?present=true&lang=zh&log=true", EXPLORER_CHARTS),
        ("/?present=true&lang=zh&view=ratio&gamma=5", 1),
        ("/?present=true&view=family", 1),
        ("/?present=true&view=family&sweep=true", 1),
        ("/gradients?p=0.01&gamma_star=5&beta_star=-5", GRADIENTS_CHARTS),
        ("/gradients?present=true&lang=zh&gamma=5&y=0", GRADIENTS_CHARTS),
    ],
)
def test_chart_text_stays_inside_the_chart(open_app, link: str, charts: int) -> None:
    """Charts that set their margins (no ``automargin``): no label is cut."""
    app = open_settled(open_app, link, charts, width=1280, height=720)
    page = app.page
    if "present=true" in link:
        assert_presenter_fonts(page, charts)
    assert page.evaluate(CHART_TEXT_OUTSIDE) == []
    app.assert_clean()
