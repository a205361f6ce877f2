"""A student's phone: the chart and the sliders that move it on one screen.

Every page is opened as a phone opens it (``open_app(..., phone=True)``: an
Android Chrome user agent, a mobile viewport, touch) at 390×844 and 360×740.
The checks read element boxes (``getBoundingClientRect``) and what is drawn on
top at a point (``elementFromPoint``): what a student could see and touch
without opening a drawer or scrolling. Screenshots go to
``artifacts/screenshots/phone-*.png``; look at them after a run.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import PHONES
from .dragging import press_and_move
from .test_app import (
    ANY_CHART,
    CHART_JSON,
    CHART_TEXT_OUTSIDE,
    DRAG_SVG,
    chart_json,
    settle,
    shoot,
    wait_until,
)

pytestmark = pytest.mark.browser

#: Every page and Explorer view, with the number of charts it draws.
PAGES = {
    "/": 1,
    "/?view=ratio": 1,
    "/?view=family": 1,
    "/?view=table": 0,
    "/walkthrough": 1,
    "/walkthrough?step=2": 1,
    "/walkthrough?step=3": 1,
    "/walkthrough?step=4": 1,
    "/walkthrough?step=5": 1,
    "/walkthrough?step=6": 1,
    "/gradients": 2,
    "/imbalance": 3,
    "/training": 3,
    "/variants": 3,
}

#: The Explorer's chart views: their whole plot area shares the first screen
#: with the γ and p sliders.
EXPLORER_CHART_VIEWS = ["/", "/?view=ratio", "/?view=family"]

# Elements of the page that reach past the screen's sides and are not inside a
# box that scrolls by itself and fits the screen: what would make the page
# scroll sideways, or be cut off at its edge.
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const main = document.querySelector('[data-testid="stMain"]');
  const boxed = (el) => {
    for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      const box = up.getBoundingClientRect();
      if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden')
          && box.left >= -1 && box.right <= width + 1) return true;
    }
    return false;
  };
  const wide = [...main.querySelectorAll('*')].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.left >= -1 && box.right <= width + 1) return false;
    return !boxed(el);
  });
  const name = el => el.getAttribute('data-testid') || el.getAttribute('class')
    || el.tagName;
  return {
    page: document.documentElement.scrollWidth - width,
    main: main.scrollWidth - main.clientWidth,
    wide: wide.slice(0, 8).map(el => {
      const box = el.getBoundingClientRect();
      return `${name(el)} [${Math.round(box.left)}, ${Math.round(box.right)}]`;
    }),
  };
}"""

# Whether each named thing is wholly inside the viewport and drawn on top at
# its centre and (for "plot", the first chart's plot area) its four corners,
# 3 px in: nothing covers it. Sliders are found by their labels.
ON_SCREEN = f"""(names) => {{
  const width = innerWidth, height = innerHeight;
  const sliders = [...document.querySelectorAll('input[type="range"]')];
  // an on-drag chart (issue 16): its own sliders (γ and p, or γ and both p_t), its SVG
  const svg = {DRAG_SVG};
  const own = svg ? [...svg.getRootNode().querySelectorAll('label.fd-in')] : [];
  const found = {{}};
  for (const name of names.filter(n => n !== 'plot')) {{
    const input = sliders.find(s => s.getAttribute('aria-label') === name
      || (s.closest('[data-testid="stSlider"]')
          && s.closest('[data-testid="stSlider"]').innerText.split('\\n')[0] === name));
    const box = input && input.closest('[data-testid="stSlider"]');
    found[name] = (box && box.getClientRects().length ? box : null)  // not hidden
      || own.find(label => label.querySelector('span').textContent === name);
  }}
  const chart = document.querySelector('.js-plotly-plot') || svg;
  if (names.includes('plot')) {{
    found.plot = chart && (chart === svg ? svg : chart.querySelector('.nsewdrag'));
  }}
  const report = {{}};
  for (const [name, el] of Object.entries(found)) {{
    if (!el) {{ report[name] = 'missing'; continue; }}
    const box = el.getBoundingClientRect();
    const inside = box.left >= 0 && box.top >= 0 && box.right <= width
      && box.bottom <= height && box.width > 0 && box.height > 0;
    const owner = name === 'plot' ? chart : el;
    const points = name === 'plot'
      ? [[box.left + 3, box.top + 3], [box.right - 3, box.top + 3],
         [box.left + 3, box.bottom - 3], [box.right - 3, box.bottom - 3],
         [(box.left + box.right) / 2, (box.top + box.bottom) / 2]]
      : [[(box.left + box.right) / 2, (box.top + box.bottom) / 2]];
    const covered = points.filter(([x, y]) => {{
      const top = el.getRootNode().elementFromPoint(x, y);  // a shadow root too
      return !(top && owner.contains(top));
    }});
    report[name] = {{box: [box.left, box.top, box.right, box.bottom].map(Math.round),
                    inside, covered: covered.length}};
  }}
  return report;
}}"""


def open_phone(open_app, path: str, size: str, charts: int) -> Page:
    width, height = PHONES[size]
    page = open_app(path, width=width, height=height, phone=True).page
    # every page has the strip: with no chart to wait for, its slider shows
    # that the page has been drawn, not just the app's stylesheet
    expect(page.locator('[data-testid="stSlider"]').first).to_be_visible()
    settle(page, charts)
    return page


def shot_name(path: str, size: str) -> str:
    slug = path.strip("/?").replace("?", "-").replace("&", "-").replace("=", "")
    return f"phone-{slug or 'explorer'}-{size}"


def assert_on_screen(page: Page, names: list[str]) -> None:
    report = page.evaluate(ON_SCREEN, names)
    wrong = {
        name: where
        for name, where in report.items()
        if where == "missing" or not where["inside"] or where["covered"]
    }
    assert not wrong, f"not wholly on the first screen, uncovered: {wrong}"


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("path", PAGES)
def test_phone_page_fits_the_screen(open_app, path: str, size: str) -> None:
    # No page scrolls sideways, chart text stays inside its chart, the strip's
    # γ slider is on the first screen, uncovered; a screenshot of each page.
    charts = PAGES[path]
    page = open_phone(open_app, path, size, charts)
    sideways = page.evaluate(SIDEWAYS)
    assert sideways == {"page": 0, "main": 0, "wide": []}, sideways
    assert page.evaluate(CHART_TEXT_OUTSIDE) == []
    assert_on_screen(page, ["γ"])
    if charts:
        first = page.locator(ANY_CHART).first.bounding_box()
        assert first is not None and first["y"] < PHONES[size][1], (
            f"the first chart starts below the first screen: {first}"
        )
    shoot(page, shot_name(path, size), full=False, min_charts=charts)
    shoot(page, shot_name(path, size) + "-full", full=True, min_charts=charts)


@pytest.mark.parametrize("size", PHONES)
@pytest.mark.parametrize("path", EXPLORER_CHART_VIEWS)
def test_explorer_chart_and_its_sliders_share_the_first_screen(
    open_app, path: str, size: str
) -> None:
    page = open_phone(open_app, path, size, 1)
    # the hard/easy view's chart has its own γ and p_t of both examples
    own = ["γ", "hard p_t", "easy p_t"] if "view=ratio" in path else ["γ", "p"]
    assert_on_screen(page, [*own, "plot"])


def test_touch_on_gamma_redraws_the_chart(open_app) -> None:
    # A tap on γ's track (at 80 %: γ = 4) moves the slider, the chart and the URL.
    page = open_phone(open_app, "/", "390x844", 1)
    before = chart_json(page, "fl")
    # the CE and FL view: the chart's own γ (issue 16; the strip gives way)
    track = page.locator(".st-key-drag_chart input.fd-g").bounding_box()
    assert track is not None
    page.touchscreen.tap(
        track["x"] + 0.8 * track["width"], track["y"] + track["height"] / 2
    )
    wait_until(
        page,
        f"""([before]) => {{
          const now = ({CHART_JSON})('fl');
          return now && now !== before && location.search.includes('gamma=');
        }}""",
        [before],
        "a new FL curve and γ in the URL after a tap",
    )
    settle(page)
    gamma = page.evaluate("() => new URLSearchParams(location.search).get('gamma')")
    assert float(gamma) > 3, gamma  # the tap was at 80 % of 0..5
    expect(page.locator(".st-key-drag_chart output.fd-go")).to_have_text(
        f"{float(gamma):.1f}"
    )
    assert_on_screen(page, ["γ", "p", "plot"])


def test_strip_stays_on_screen_when_the_page_scrolls(open_app) -> None:
    # Reading the explanation under the chart, the sliders stay within reach
    # (on the Figure 1 view: on the CE and FL and the hard/easy views the
    # chart's own sliders take the strip's place, issue 16).
    page = open_phone(open_app, "/?view=family", "390x844", 1)
    # to the end of the page: the explanation after the numbers and the formula
    page.locator(
        '[data-testid="stMarkdownContainer"] p'
    ).last.scroll_into_view_if_needed()
    wait_until(
        page,
        "() => document.querySelector('.js-plotly-plot')"
        ".getBoundingClientRect().top < 0",
        what="the chart scrolled up past the top of the screen",
    )
    assert_on_screen(page, ["γ", "p"])
    shoot(page, "phone-explorer-scrolled-390x844", full=False, min_charts=1)


def test_keyboard_on_gamma_redraws_the_chart(open_app) -> None:
    page = open_phone(open_app, "/", "360x740", 1)
    before = chart_json(page, "fl")
    page.locator(".st-key-drag_chart input.fd-g").focus()  # the chart's own γ
    page.keyboard.press("ArrowRight")
    wait_until(
        page,
        f"""([before]) => {{
          const now = ({CHART_JSON})('fl');
          return now && now !== before && location.search.includes('gamma=2.1');
        }}""",
        [before],
        "a new FL curve and gamma=2.1 in the URL after ArrowRight",
    )
    settle(page)
    expect(page.locator(".st-key-drag_chart output.fd-go")).to_have_text("2.1")


@pytest.mark.parametrize("path", ["/", "/?view=family", "/imbalance"])
def test_a_swipe_over_a_chart_scrolls_the_page(open_app, path: str) -> None:
    # A chart as wide as the phone must not swallow the finger that scrolls the
    # page (Plotly's drag-to-zoom would): the page moves under the swipe.
    page = open_phone(open_app, path, "390x844", PAGES[path])
    plot = page.locator(".js-plotly-plot .nsewdrag, .st-key-drag_chart svg")
    plot = plot.first.bounding_box()
    assert plot is not None
    top = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"
    assert page.evaluate(top) == 0
    # a finger drawn 300 px upwards from low on the chart, in ten moves
    x, y = plot["x"] + plot["width"] / 2, plot["y"] + 0.8 * plot["height"]
    press_and_move(page, True, [(x, y - 30 * step) for step in range(11)])()
    wait_until(page, f"() => ({top})() > 100", what="the page scrolled under the swipe")
