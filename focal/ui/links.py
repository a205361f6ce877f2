"""The links the app hands out (share link, join QR code), built in one place.

A link names the app's root as the room reaches it, in this order:

1. ``FOCAL_PUBLIC_URL`` when set, e.g. ``https://focal.example.edu`` behind the
   nginx of ``deploy/``;
2. else Streamlit's ``browser.serverAddress`` and ``browser.serverPort`` when
   the address is not a loopback name (``make room`` sets them to the
   machine's LAN address);
3. else the address the browser used.

The rules are pure functions of those values (:func:`public_root`,
:func:`page_link`); :func:`room_link` reads them from the environment,
Streamlit's options and the session.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping

import streamlit as st

from focal.ui.params import Value, share_query

#: The environment variable naming the app's public root.
PUBLIC_URL_ENV = "FOCAL_PUBLIC_URL"


def is_loopback(host: str) -> bool:
    """Whether a server address names only this machine (or no machine).

    Loopback names (``localhost``, ``*.localhost``, ``127.0.0.0/8``, ``::1``)
    and the unspecified addresses (``0.0.0.0``, ``::``), which a server binds
    to but nobody can open, are no address to give a room; an empty one
    neither.

    Parameters
    ----------
    host : str
        A host name or IP address, IPv6 with or without brackets; anything
        after a ``/`` (Streamlit allows "a DNS name and path") is ignored.

    Returns
    -------
    bool
        True when a phone in the room could not reach the app by this name.
    """
    name = host.strip().partition("/")[0].strip("[]").rstrip(".").lower()
    if not name or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a host name: the room's DNS decides
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def _is_ipv6(host: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
    except ValueError:
        return False


def public_root(
    public_url: str | None,
    server_address: str | None,
    server_port: int | None,
    browser_root: str,
    base_url_path: str = "",
    scheme: str = "http",
) -> str:
    """The app's root as the room reaches it, without a trailing slash.

    Parameters
    ----------
    public_url : str or None
        ``FOCAL_PUBLIC_URL``: used as it is when set and not blank.
    server_address : str or None
        ``browser.serverAddress``: used with ``server_port`` unless it is a
        loopback name (:func:`is_loopback`).
    server_port : int or None
        ``browser.serverPort``.
    browser_root : str
        The app's root as the browser opened it (may be empty when unknown).
    base_url_path : str, default ""
        ``server.baseUrlPath``, appended to the server address as Streamlit
        does.
    scheme : str, default "http"
        ``https`` when Streamlit serves TLS itself.

    Returns
    -------
    str
        E.g. ``https://focal.example.edu`` or ``http://192.0.2.10:8501``.
    """
    if public_url and public_url.strip():
        return public_url.strip().rstrip("/")
    address = (server_address or "").strip().strip("/")
    if address and not is_loopback(address):
        host, _, path = address.partition("/")
        if _is_ipv6(host):
            host = f"[{host}]"  # an IPv6 address in a URL
        port = f":{server_port}" if server_port else ""
        prefix = "/".join(part for part in (path, base_url_path.strip("/")) if part)
        return f"{scheme}://{host}{port}" + (f"/{prefix}" if prefix else "")
    return browser_root.rstrip("/")


def page_link(root: str, page_path: str, query: str) -> str:
    """The link to a page of the app under ``root`` with a query string.

    Parameters
    ----------
    root : str
        The app's root (:func:`public_root`).
    page_path : str
        The page's URL path, empty for the default page.
    query : str
        The query string without ``?``, empty for none.

    Returns
    -------
    str
        E.g. ``http://192.0.2.10:8501/gradients?gamma=3``.
    """
    path = "/" + page_path.strip("/") if page_path.strip("/") else "/"
    return root.rstrip("/") + path + (f"?{query}" if query else "")


def browser_root(browser_url: str | None, page_path: str) -> str:
    """The app's root from the URL the browser shows (``st.context.url``).

    That URL is the root followed by ``/<page_path>`` (nothing for the
    default page), without the query.
    """
    url = (browser_url or "").split("?")[0].split("#")[0].rstrip("/")
    suffix = "/" + page_path.strip("/")
    if page_path.strip("/") and url.endswith(suffix):
        url = url[: -len(suffix)]
    return url


def room_link(
    values: Mapping[str, Value], page_path: str, leave_out: tuple[str, ...] = ()
) -> str:
    """The link that opens ``values`` on a page, for the room.

    Parameters
    ----------
    values : mapping of str to value
        Current parameter values by key (defaults and parameters that are
        never linked are left out, see :func:`focal.ui.params.share_query`).
    page_path : str
        The current page's URL path (``StreamlitPage.url_path``).
    leave_out : tuple of str, default ()
        Further keys to leave out of this link.

    Returns
    -------
    str
        The link, from the address rules of this module.
    """
    root = public_root(
        os.environ.get(PUBLIC_URL_ENV),
        st.get_option("browser.serverAddress"),
        st.get_option("browser.serverPort"),
        browser_root(st.context.url, page_path),
        st.get_option("server.baseUrlPath") or "",
        "https" if st.get_option("server.sslCertFile") else "http",
    )
    kept = {key: value for key, value in values.items() if key not in leave_out}
    return page_link(root, page_path, share_query(kept))
