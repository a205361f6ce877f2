"""The three screens: which user agents are phones, and what a phone is drawn.

AppTest cannot send headers (``st.context.headers`` is empty there), so the
phone's runs replace :func:`focal.ui.screen._user_agent`, looked up on every
run, by a phone's user agent. The browser tests (``tests/browser/test_phone.py``)
check the same layout with a real phone's user agent and real element boxes.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from focal.ui import screen
from focal.ui.entry import PHONE_STRIP
from focal.ui.params import PARAMS
from focal.ui.strings import EN
from focal.ui.style import STRIP_KEY
from tests.helpers import app

ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
)
PHONES = [
    ANDROID_CHROME,
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0",
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like "
    "Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android 4.0.3; ko-kr; LG-L160L Build/IML74K) "
    "AppleWebkit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30",
]
NOT_PHONES = [
    # desktops
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
    # an iPad presents itself as a Mac; an Android tablet leaves out "Mobile"
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/126.0.0.0 Safari/537.36",
    # headless tools and nothing at all
    "python-requests/2.32.3",
    "",
    None,
]


@pytest.mark.parametrize("agent", PHONES)
def test_phones_are_phones(agent: str) -> None:
    assert screen.is_phone(agent)


@pytest.mark.parametrize("agent", NOT_PHONES)
def test_desktops_tablets_and_tools_are_not(agent: str | None) -> None:
    assert not screen.is_phone(agent)


def opened(
    monkeypatch: pytest.MonkeyPatch,
    page: str = "explorer",
    phone: bool = True,
    **query: str,
) -> AppTest:
    """``page`` opened by a link with ``query``, on a phone or not."""
    agent = ANDROID_CHROME if phone else None  # AppTest itself sends none
    monkeypatch.setattr(screen, "_user_agent", lambda: agent)
    return app(f"pages/{page}.py", **query)


def strip_keys(at: AppTest) -> list[str]:
    """Keys of the sliders drawn in the main area (on a phone: the strip's)."""
    return [s.key for s in at.main.slider]


def test_phone_draws_the_strip_above_the_chart_and_the_rest_in_the_drawer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = opened(monkeypatch, gamma="3")
    assert strip_keys(at) == ["gamma", "p"]
    assert at.main.slider[0].value == 3.0
    # short labels: two sliders side by side on a 390 px screen
    assert [s.label for s in at.main.slider] == [EN["short.gamma"], EN["short.p"]]
    drawer = {
        w.key for w in [*at.sidebar.slider, *at.sidebar.radio, *at.sidebar.toggle]
    }
    shared = {param.key for param in PARAMS if param.shared}
    assert drawer == shared - {"gamma", "p"}
    # the chart first: no title or view header before it, the intro after it
    assert not at.title
    assert EN["curves.header"] not in [h.value for h in at.header]
    texts = [m.value for m in at.main.markdown]
    assert EN["explorer.intro"] in texts
    assert texts.index(EN["explorer.intro"]) == len(texts) - 1


def test_phone_strip_holds_what_each_page_follows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = opened(monkeypatch)
    for path, keys in PHONE_STRIP.items():
        if path in ("home", "explorer"):
            continue
        at.switch_page(f"pages/{path}.py").run()
        assert not at.exception, (path, [e.value for e in at.exception])
        assert strip_keys(at)[: len(keys)] == list(keys), path


def test_laptop_and_projector_have_no_strip(monkeypatch: pytest.MonkeyPatch) -> None:
    for query in ({}, {"present": "true"}):
        at = app(**query)
        assert STRIP_KEY not in str(at.main)
        assert at.title or query  # a laptop keeps its title


def test_presenter_mode_wins_over_a_phone(monkeypatch: pytest.MonkeyPatch) -> None:
    at = opened(monkeypatch, present="true")
    # the projector's row of every shared control, no drawer
    shared = [param.key for param in PARAMS if param.shared and param.kind == "slider"]
    assert [s.key for s in at.main.slider] == shared
    assert not at.sidebar.slider
