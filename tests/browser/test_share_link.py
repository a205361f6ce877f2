"""The share link as a whole: what the sidebar hands out reopens the same page
and values in a browser that has never seen the app (a fresh context)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Page, expect

from focal.ui.strings import ZH

from .test_app import expect_slider_value, heading, open_settled

pytestmark = pytest.mark.browser

#: The sidebar's share link (``st.code``).
SHARE_LINK = '[data-testid="stSidebar"] [data-testid="stCode"]'

#: A link with a page path, a shared control with more digits than its slider
#: shows, a page's own controls, a label and a language.
QUERY = {
    "y": "0",
    "p": "0.123456789",
    "gamma": "3",
    "lang": "zh",
    "gamma_star": "4",
    "beta_star": "-2.5",
}


def share_link(page: Page) -> str:
    code = page.locator(SHARE_LINK)
    expect(code).to_have_count(1)
    return code.inner_text().strip()


def test_the_share_link_reopens_the_page_and_values(open_app, app_base) -> None:
    path = "/gradients?" + "&".join(f"{key}={raw}" for key, raw in QUERY.items())
    first = open_settled(open_app, path, min_charts=1)
    link = share_link(first.page)

    # host and port are the browser's (a loopback server, no FOCAL_PUBLIC_URL),
    # the path is the page's, the query holds every value, digits and all
    parts = urlsplit(link)
    served = urlsplit(app_base)
    assert (parts.scheme, parts.netloc) == (served.scheme, served.netloc), link
    assert parts.path == "/gradients", link
    assert dict(parse_qsl(parts.query)) == QUERY, link
    assert parts.fragment == ""

    # a fresh context: no cookie, no session, no history
    again = open_settled(open_app, f"{parts.path}?{parts.query}", min_charts=1)
    page = again.page
    assert urlsplit(page.url).path == "/gradients"
    expect(heading(page)).to_have_text(ZH["gradients.title"])
    expect_slider_value(page, "γ", "3.0")
    expect_slider_value(page, "p", "0.12")  # the slider shows two decimals
    assert share_link(page) == link  # the same state, to the last digit
    first.assert_clean()
    again.assert_clean()
