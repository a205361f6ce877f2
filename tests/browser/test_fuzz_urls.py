"""A sample of hostile links in the browser, over every page of the navigation.

The AppTest fuzzing (``tests/ui/test_fuzz_urls.py``) checks values and notices
on many random links; here a handful of links per page check what only a
browser shows: nothing from a payload becomes markup (no element, script,
handler or bold text created from it, no script run, no dialog), the marker
appears nowhere in the page's text, every refused parameter is named by a
notice, and the console stays clean (the ``open_app`` fixture fails the test on
console errors, page errors, dialogs and Streamlit's exception box).
Pages and parameters come from ``app.py`` and the parameter table.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from focal.ui.params import PARAMS
from tests.ui.hostile import HTML_PAYLOADS, MARK, PAGES, link_outcome

from .test_app import SCREENSHOTS, settle, wait_until

pytestmark = pytest.mark.browser

KEYS = [param.key for param in PARAMS]
SLIDERS = [param.key for param in PARAMS if param.kind == "slider"]
TEN_KB = 10 * 1024

#: Links as (name, query pairs): every parameter with one payload, and a mix of
#: broken numbers, repeated keys, unicode and a 10 kB value.
LINKS: list[tuple[str, list[tuple[str, str]]]] = [
    ("img", [(key, HTML_PAYLOADS[1]) for key in KEYS]),
    (
        "script-svg-bold",
        [(key, HTML_PAYLOADS[(0, 2, 3)[i % 3]]) for i, key in enumerate(KEYS)],
    ),
    (
        "numbers",
        [
            *[(SLIDERS[i], v) for i, v in enumerate(("nan", "inf", "1e400", "-1"))],
            *[(key, "0.5") for key in SLIDERS[:2]],  # repeated: refused
            ("lang", "中文" + MARK),
            ("present", MARK * (TEN_KB // len(MARK))),
            ("not_a_param", HTML_PAYLOADS[4]),
        ],
    ),
]

# Nothing created from a payload: no element with the marker as id, no script,
# image, frame, SVG or bold text whose markup holds it, no script that ran.
INJECTED = """(mark) => {
  const found = [];
  if (document.getElementById(mark)) found.push('element with id ' + mark);
  if (window[mark] !== undefined) found.push('a payload script ran');
  const made = 'script, img, svg, iframe, b, strong, a[href^="javascript"]';
  for (const el of document.querySelectorAll(made)) {
    if (el.outerHTML.includes(mark)) found.push(el.outerHTML.slice(0, 200));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') && attr.value.includes(mark)) {
        found.push(el.tagName + ' ' + attr.name);
      }
    }
  }
  if (document.body.innerText.includes(mark)) found.push('the marker in the text');
  return found;
}"""

# The app has finished its first run: the share link, drawn last, is there.
DRAWN = """() => !!document.querySelector(
  '[data-testid="stSidebar"] [data-testid="stCode"]')"""


CASES = [
    pytest.param(page.path, name, pairs, id=f"{page.url_path}-{name}")
    for page in PAGES
    for name, pairs in LINKS
]


def alerts(page: Page) -> str:
    return " ".join(page.locator('[data-testid="stAlert"]').all_inner_texts())


@pytest.mark.parametrize(("path", "name", "pairs"), CASES)
def test_hostile_link(
    open_app, path: str, name: str, pairs: list[tuple[str, str]]
) -> None:
    app = open_app(f"{path}?{urlencode(pairs)}", width=1280, height=720)
    page = app.page
    wait_until(page, DRAWN, what="the app's first run")
    settle(page, 0)
    assert page.evaluate(INJECTED, MARK) == []
    content = page.content()
    markup = {value for _, value in pairs if "<" in value}
    assert not [value for value in markup if value in content], "markup from the link"
    query: dict[str, str | list[str]] = {}
    for key, value in pairs:
        query[key] = [*query[key], value] if key in query else value
    _, refused = link_outcome(query)
    assert refused, "every link has refused values"
    shown = alerts(page)
    missing = [key for key in refused if f"“{key}”" not in shown]
    assert not missing, f"no notice names {missing}; alerts: {shown[:500]!r}"
    if name == "img":
        slug = path.strip("/") or "home"
        page.screenshot(path=str(SCREENSHOTS / f"fuzz-{slug}.png"))
    app.assert_clean()


def test_negative_zero_link(open_app) -> None:
    # -0 is in range: no notice; the charts and numbers say 0 (see the AppTest
    # test_negative_zero_is_zero), and so do the slider thumbs: "0.0", not "-0.0"
    app = open_app("/?gamma=-0&p=-0", width=1280, height=720)
    page = app.page
    settle(page, 1)
    assert "“gamma”" not in alerts(page) and "“p”" not in alerts(page)
    thumbs = page.locator('[data-testid="stSliderThumbValue"]').all_inner_texts()
    assert "0.0" in thumbs and "0.00" in thumbs, thumbs
    app.assert_clean()
