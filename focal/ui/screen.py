"""Which screen this session is drawn for: a laptop, a projector or a phone.

One decision per session, taken here next to the shared controls; pages ask
:func:`current` ("where do my controls go, how much text") rather than testing
user agents themselves.

- **laptop**: controls in the sidebar, full explanations (the default);
- **projector** (``present=true``): controls in one row above the charts, large
  fonts, the lecturer says the explanations;
- **phone** (a mobile browser's user agent): the chart first, the sliders that
  move it in a strip that stays on screen, explanations after, nothing wider
  than the screen. A narrow desktop window keeps the laptop layout.
"""

from __future__ import annotations

import re
from enum import StrEnum

import streamlit as st

from focal.ui.controls import peek

# "Mobi" is what mobile browsers put in their user agent (MDN's advice for
# telling phones from tablets and desktops); older Android and iOS builds also
# say "Android ... Mobile", "iPhone" or "iPod".
_PHONE_AGENT = re.compile(r"Mobi|iPhone|iPod|Android.+Mobile", re.IGNORECASE)


class Screen(StrEnum):
    """The three layouts of the app."""

    LAPTOP = "laptop"
    PROJECTOR = "projector"
    PHONE = "phone"


def is_phone(user_agent: str | None) -> bool:
    """Whether ``user_agent`` (an HTTP ``User-Agent`` header) is a phone's browser.

    Parameters
    ----------
    user_agent : str or None
        The header's value; None or empty when the client sent none.

    Returns
    -------
    bool
        True for a mobile browser (Android Chrome, iPhone Safari, ...), False
        for desktops, tablets that present themselves as desktops, and robots.
    """
    return bool(user_agent) and _PHONE_AGENT.search(user_agent) is not None


def current() -> Screen:
    """The screen of this session: presenter mode wins, then the user agent.

    Returns
    -------
    Screen
        ``PROJECTOR`` when presenter mode is on, ``PHONE`` for a mobile browser,
        else ``LAPTOP``.
    """
    if peek("present"):
        return Screen.PROJECTOR
    return Screen.PHONE if is_phone(_user_agent()) else Screen.LAPTOP


def _user_agent() -> str | None:
    """The session's ``User-Agent`` (sent with the page's first request)."""
    return st.context.headers.get("User-Agent")
