"""Readable by everyone: axe-core finds no WCAG 2 A or AA violation on any page.

Every page, Explorer view and walkthrough step, in English and Chinese, on a
laptop, a projector (presenter mode) and a phone, is checked by axe-core (the
copy that ``axe-playwright-python`` ships: nothing is fetched) once the page has
settled; a failure names the rule, the page and screen, and the offending
elements. Every chart must also carry its text alternative (``role="figure"``
with an ``aria-label``, see ``focal.ui.plot``).

One browser context per screen and language serves all its pages, so the app's
scripts load once per context; each page is a fresh Streamlit session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from .conftest import SCREENSHOTS, new_page
from .test_app import settle

pytestmark = pytest.mark.browser

#: WCAG 2.0 and 2.1, levels A and AA: axe's tags for them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


#: The screens the room uses: width, height, query, and whether it is a phone.
SCREENS: dict[str, tuple[int, int, str, bool]] = {
    "laptop": (1440, 900, "", False),
    "presenter": (1280, 720, "present=true", False),
    "phone": (390, 844, "", True),
}
LANGS: dict[str, str] = {"en": "", "zh": "lang=zh"}

#: Every page, Explorer view and walkthrough step, and the charts each draws.
PAGES: dict[str, tuple[str, int]] = {
    "explorer-curves": ("/", 1),
    "explorer-ratio": ("/?view=ratio", 1),
    "explorer-family": ("/?view=family", 1),
    "explorer-table": ("/?view=table", 0),
    **{f"walkthrough-{step}": (f"/walkthrough?step={step}", 1) for step in range(1, 7)},
    "gradients": ("/gradients", 2),
    "imbalance": ("/imbalance", 3),
    "training": ("/training", 3),
    "variants": ("/variants", 3),
}

#: The views whose screenshots (English) show the theme's contrast and formulas.
SHOTS = {"explorer-curves", "walkthrough-6"}

# Every chart is a figure with a name (its text alternative); the charts without.
UNNAMED_CHARTS = """() => {
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  return [...charts].map((chart, index) => ({
    index,
    role: chart.getAttribute('role'),
    label: (chart.getAttribute('aria-label') || '').trim(),
  })).filter(chart => chart.role !== 'figure' || !chart.label);
}"""

AXE = Axe()


def link_to(path: str, *queries: str) -> str:
    """``path`` with the screen's and the language's query parameters added."""
    extra = "&".join(query for query in queries if query)
    return f"{path}{'&' if '?' in path else '?'}{extra}" if extra else path


def report(violations: list[dict]) -> str:
    """Each violation: its rule, impact and help, then each element's selector
    and axe's first reason."""
    lines = []
    for violation in violations:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{len(violation['nodes'])} elements]"
        )
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            reason = checks[0]["message"] if checks else ""
            lines.append(f"    {' > '.join(map(str, node['target']))}: {reason}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Callable[[str, str], Page]]:
    """``tab(screen, lang)``: one page per screen and language, opened on first use."""
    opened: dict[tuple[str, str], Page] = {}

    def open_(screen: str, lang: str) -> Page:
        if (screen, lang) not in opened:
            width, height, _, phone = SCREENS[screen]
            opened[screen, lang] = new_page(browser, width, height, phone)
        return opened[screen, lang]

    yield open_
    for page in opened.values():
        page.context.close()


#: Violations that wait for work in progress elsewhere, by screen and page: each
#: fails the run once it is fixed (strict), so that its mark is removed then.
PENDING: dict[tuple[str, str], str] = {}

#: The matrix, screen by screen and language by language (one context each).
CASES = [
    pytest.param(
        screen,
        lang,
        page_name,
        id=f"{screen}-{lang}-{page_name}",
        marks=[pytest.mark.xfail(reason=PENDING[screen, page_name], strict=True)]
        if (screen, page_name) in PENDING
        else [],
    )
    for screen in SCREENS
    for lang in LANGS
    for page_name in PAGES
]


@pytest.mark.parametrize(("screen", "lang", "page_name"), CASES)
def test_no_wcag_violations(
    tab, app_base: str, screen: str, lang: str, page_name: str
) -> None:
    path, charts = PAGES[page_name]
    address = link_to(path, SCREENS[screen][2], LANGS[lang])
    page = tab(screen, lang)
    page.goto(app_base + address)
    settle(page, charts)

    results = AXE.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    unnamed = page.evaluate(UNNAMED_CHARTS)
    if lang == "en" and page_name in SHOTS:
        page.screenshot(path=str(SCREENSHOTS / f"a11y-{screen}-{page_name}.png"))

    where = f"{address} on the {screen} screen"
    assert not violations, (
        f"{where}: {len(violations)} WCAG 2 A/AA rules violated\n{report(violations)}"
    )
    assert not unnamed, f"{where}: charts without a text alternative: {unnamed}"
