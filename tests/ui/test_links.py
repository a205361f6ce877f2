"""The public address rules of the links the app hands out (focal/ui/links.py)."""

from __future__ import annotations

import pytest

from focal.ui.links import browser_root, is_loopback, page_link, public_root
from focal.ui.params import BY_KEY, share_query

BROWSER = "http://127.0.0.1:8501"


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST",
        "localhost.",
        "app.localhost",
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "[::1]",
        "0:0:0:0:0:0:0:1",
        "::ffff:127.0.0.1",
        "0.0.0.0",
        "::",
        "",
        "  ",
        "localhost/focal",
    ],
)
def test_loopback_and_unspecified_names_are_not_for_the_room(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize(
    "host",
    [
        "192.0.2.10",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.20",
        "fe80::1",
        "2001:db8::5",
        "[2001:db8::5]",
        "focal.example.edu",
        "lecture-pc",
        "localhost.example.edu",  # a real name that merely starts so
        "128.0.0.1",
    ],
)
def test_other_addresses_are_for_the_room(host: str) -> None:
    assert not is_loopback(host)


def test_public_url_comes_first() -> None:
    root = public_root("https://focal.example.edu/", "192.0.2.10", 8501, BROWSER)
    assert root == "https://focal.example.edu"
    # a path prefix (a proxy's location) is kept
    assert (
        public_root(" https://example.edu/focal ", None, None, BROWSER)
        == "https://example.edu/focal"
    )


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_public_url_is_unset(blank: str | None) -> None:
    assert public_root(blank, "192.0.2.10", 8502, BROWSER) == "http://192.0.2.10:8502"


def test_server_address_and_port_when_not_loopback() -> None:
    assert public_root(None, "192.0.2.10", 8501, BROWSER) == "http://192.0.2.10:8501"
    assert public_root(None, "lecture-pc", 80, "") == "http://lecture-pc:80"
    assert (
        public_root(None, "2001:db8::5", 8501, BROWSER) == "http://[2001:db8::5]:8501"
    )
    assert (
        public_root(None, "[2001:db8::5]", 8501, BROWSER) == "http://[2001:db8::5]:8501"
    )
    # Streamlit's server.baseUrlPath and TLS, as Streamlit builds its own URL
    assert (
        public_root(None, "192.0.2.10", 8501, BROWSER, "/focal/", "https")
        == "https://192.0.2.10:8501/focal"
    )


@pytest.mark.parametrize("address", ["localhost", "127.0.0.1", "::1", "0.0.0.0", ""])
def test_the_browsers_address_otherwise(address: str) -> None:
    assert public_root(None, address, 8501, BROWSER + "/") == BROWSER
    assert public_root(None, address, 8501, "") == ""


def test_browser_root_drops_the_page() -> None:
    assert browser_root("http://h:1/gradients", "gradients") == "http://h:1"
    assert browser_root("http://h:1/base/gradients", "gradients") == "http://h:1/base"
    assert browser_root("http://h:1", "") == "http://h:1"
    assert browser_root("http://h:1/", "") == "http://h:1"
    assert browser_root(None, "gradients") == ""


def test_page_link() -> None:
    root = "http://192.0.2.10:8501"
    assert page_link(root, "", "") == root + "/"
    assert page_link(root, "", "gamma=3") == root + "/?gamma=3"
    assert page_link(root + "/", "gradients", "p=0.2") == root + "/gradients?p=0.2"


def test_join_is_never_linked() -> None:
    assert not BY_KEY["join"].linked
    assert all(BY_KEY[key].linked for key in ("present", "gamma", "lang", "view"))
    assert share_query({"join": True, "gamma": 3.0}) == "gamma=3"
    assert share_query({"join": True}) == ""
