"""What docs/serving.md ("Several hundred students: nginx") promises of
deploy/nginx/focal.conf, checked through it: two replicas behind nginx, as
``tests/test_nginx.py`` starts them.

- Streamlit's protections stay on behind the proxy: a websocket from another
  site is refused, the app's own page is let in, and a state-changing request
  without its XSRF token is refused;
- a download under ``/media/`` reaches the replica that drew the page (the file
  lives in that replica's memory only);
- a reconnect with the same cookie lands on the same session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.load import run_async
from bench.streamlit_server import Server
from tests.helpers import (
    cookie_header,
    handshake,
    http,
    open_tab,
    upload,
    xsrf_cookie,
)
from tests.test_nginx import nginx, proxy, replicas  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.load]

Proxy = tuple[str, Path]


def test_protections_stay_on_behind_nginx(proxy: Proxy) -> None:  # noqa: F811
    base, _ = proxy
    cookies = xsrf_cookie(base)
    token = cookies["_streamlit_xsrf"]
    assert "focal_replica" in cookies  # the sticky key
    assert handshake(base, base, token, cookies) == 101  # the app's own page
    assert handshake(base, "http://evil.example", token, cookies) == 403
    assert handshake(base, "null", token, cookies) == 403
    assert upload(base, cookies, None) == 403
    assert upload(base, cookies, "wrong") == 403
    assert upload(base, cookies, token) == 400  # token accepted: no such session


def test_a_download_reaches_the_replica_that_drew_the_page(
    proxy: Proxy,  # noqa: F811
    replicas: list[Server],  # noqa: F811
) -> None:
    base, _ = proxy

    async def click_csv() -> tuple[str, str, list[str]]:
        page = await open_tab(base, "/", "view=table&gamma=3")
        (label,) = [label for label in page.downloads if "CSV" in label]
        url = await page.download(label)
        await page.close()
        return url, cookie_header(page.cookies), page.stats.errors

    url, cookies, errors = run_async(click_csv)
    assert errors == []
    assert url.startswith("/media/"), url
    # each time through nginx (a replica picked at random would fail half)
    answers = [http("GET", base + url, {"Cookie": cookies}) for _ in range(8)]
    assert [status for status, _, _ in answers] == [200] * 8
    lines = answers[0][2].decode().splitlines()
    assert lines[0].startswith("y,gamma,p,p_t,ce,modulating,fl")
    assert lines[1].startswith("1,3.0,0.9,0.9,")
    # the file is in one replica's memory: asked of each directly, one has it
    found = [http("GET", server.base + url)[0] for server in replicas]
    assert sorted(found) == [200, 404], found


def test_a_reconnect_with_the_same_cookie_lands_on_the_same_session(
    proxy: Proxy,  # noqa: F811
    replicas: list[Server],  # noqa: F811
) -> None:
    base, _ = proxy

    async def reconnect(through: str, session_id: str = "") -> tuple[str, str]:
        """Open a tab (on a session of its own), then reconnect it naming
        ``session_id`` (default: its own): the session ids before and after."""
        page = await open_tab(through, "/", "gamma=3")
        first = page.session_id
        page.session_id = session_id or first
        await page.reconnect()  # the same cookies, a session id asked for
        if not session_id:  # again (a replica picked at random would fail half)
            for _ in range(5):
                await page.reconnect()
        await page.close()
        assert page.stats.errors == []
        return first, page.session_id

    first, again = run_async(lambda: reconnect(base))
    assert first and again == first
    # the control: the session lives on one replica only; asked of each
    # directly, one gives it back and the other starts a new session
    back = [
        run_async(lambda base=server.base: reconnect(base, first))[1]
        for server in replicas
    ]
    assert sorted(session == first for session in back) == [False, True], back
