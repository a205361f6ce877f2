"""The join screen: a QR code of the current page and state, for the room's phones.

``?join=true`` (or one click on :func:`open_button`) shows, instead of the
page, a QR code as tall as the screen allows and the link in large text under
it; "back" returns to the page with its state. The link comes from
:func:`focal.ui.links.room_link`, without ``join`` (never linked) and without
``present``: a student's phone opens the normal view.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import segno
import streamlit as st

from focal.ui.controls import peek
from focal.ui.links import room_link
from focal.ui.params import BY_KEY, PARAMS

#: Keys left out of the join link besides ``join`` itself.
LEFT_OUT = ("present",)

#: Modules of light margin around the code (the quiet zone the standard asks for).
QUIET_ZONE = 4

# The code fills most of the height (at least 60 % of a 1280x720 screen) and
# never more than the width; nothing else on screen but "back" and the link.
_CSS = """
<style>
[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] {
  padding-top: 1rem !important; padding-bottom: 1rem !important;
}
.focal-join { display: flex; flex-direction: column; align-items: center; }
.focal-join h1 {
  font-size: clamp(1.1rem, 4vh, 2rem) !important; font-weight: 600;
  margin: 0 !important; padding: 0 0 0.25rem 0 !important; text-align: center;
}
.focal-join img {
  display: block; height: min(66vh, 92vw); width: auto; aspect-ratio: 1;
  background: #ffffff;
}
.focal-join p {
  margin: 0.5rem 0 0 0; text-align: center; overflow-wrap: anywhere;
  font-family: "Source Code Pro", monospace; font-size: clamp(1rem, 2.2vw, 2rem);
  line-height: 1.3; color: #1b1f24;
}
</style>
"""


def requested() -> bool:
    """Whether the URL asks for the join screen (``join=true``)."""
    return BY_KEY["join"].read(st.query_params.get_all("join")) is True


def _show() -> None:
    st.query_params["join"] = "true"


def _leave() -> None:
    if "join" in st.query_params:
        del st.query_params["join"]


def open_button(text: Mapping[str, str], where: Any = st) -> None:
    """Draw the button that opens the join screen.

    Parameters
    ----------
    text : mapping of str to str
        The string table of the current language.
    where : Streamlit container, default ``st``
        Where to draw it (the share section).
    """
    where.button(
        text["join.open"],
        on_click=_show,
        icon=":material/qr_code_2:",
        help=text["join.help"],
    )


def qr_data_uri(link: str) -> str:
    """An SVG image of the QR code of ``link``, as a ``data:`` URI.

    Dark modules on white, with a quiet zone of :data:`QUIET_ZONE` modules;
    error correction at least M (segno raises it when the size allows).
    The SVG has a ``viewBox`` and no size, so CSS scales it.
    """
    code = segno.make(link, error="m", micro=False)
    return code.svg_data_uri(
        dark="#000000", light="#ffffff", border=QUIET_ZONE, omitsize=True
    )


def figure(link: str, text: Mapping[str, str]) -> str:
    """The join screen's HTML: a heading, the QR code of ``link``, the link.

    Every text is escaped; the image is a ``data:`` URI (nothing is fetched).
    """
    return (
        '<div class="focal-join">'
        f"<h1>{html.escape(text['join.title'])}</h1>"
        f'<img src="{html.escape(qr_data_uri(link))}" '
        f'alt="{html.escape(text["join.alt"])}">'
        f"<p>{html.escape(link)}</p>"
        "</div>"
    )


def screen(text: Mapping[str, str], page_path: str) -> str:
    """Draw the join screen for the page at ``page_path`` and return its link.

    Parameters
    ----------
    text : mapping of str to str
        The string table of the current language.
    page_path : str
        The current page's URL path (``StreamlitPage.url_path``).

    Returns
    -------
    str
        The link the QR code holds.
    """
    values = {param.key: peek(param.key) for param in PARAMS}
    link = room_link(values, page_path, leave_out=LEFT_OUT)
    st.html(_CSS)
    st.button(text["join.back"], on_click=_leave, icon=":material/arrow_back:")
    st.html(figure(link, text))
    return link
