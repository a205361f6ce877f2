"""The entry script's work: page config, shared controls, navigation.

``app.py`` only calls :func:`main`. Streamlit compiles the entry script on
every run under ``AppTest`` (the server compiles it once); a module is
compiled once everywhere.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from focal.ui import admission, join
from focal.ui.controls import link_notices, peek, render, reset, share_link
from focal.ui.params import BY_KEY, PARAMS
from focal.ui.screen import Screen, current
from focal.ui.strings import strings
from focal.ui.style import STRIP_KEY, base_style, phone_style, presenter_style

#: The repository's root, where the page scripts are (``pages/``).
HERE = Path(__file__).resolve().parents[2]


def navigation(text: Mapping[str, str]) -> list[StreamlitPage]:
    """The pages, in the order of the navigation bar."""
    explorer = HERE / "pages" / "explorer.py"
    return [
        # The Explorer is served at "/" and, for links that name it, at "/explorer".
        st.Page(
            explorer,
            title=text["nav.explorer"],
            icon=":material/insights:",
            url_path="home",
            default=True,
        ),
        st.Page(
            explorer,
            title=text["nav.explorer"],
            icon=":material/insights:",
            url_path="explorer",
            visibility="hidden",
        ),
        st.Page(
            HERE / "pages" / "walkthrough.py",
            title=text["walkthrough.nav"],
            icon=":material/school:",
            url_path="walkthrough",
        ),
        st.Page(
            HERE / "pages" / "gradients.py",
            title=text["nav.gradients"],
            icon=":material/trending_down:",
            url_path="gradients",
        ),
        st.Page(
            HERE / "pages" / "imbalance.py",
            title=text["imbalance.nav"],
            icon=":material/balance:",
            url_path="imbalance",
        ),
        st.Page(
            HERE / "pages" / "training.py",
            title=text["training.nav"],
            icon=":material/model_training:",
            url_path="training",
        ),
        st.Page(
            HERE / "pages" / "variants.py",
            title=text["variants.nav"],
            icon=":material/compare:",
            url_path="variants",
        ),
    ]


#: On a phone, the shared sliders each page's charts follow, in the strip that
#: stays on screen above them (by the page's URL path; the rest go in the drawer).
PHONE_STRIP: dict[str, tuple[str, ...]] = {
    "home": ("gamma", "p"),
    "explorer": ("gamma", "p"),
    "walkthrough": ("gamma", "p"),
    "gradients": ("gamma", "p"),
    "imbalance": ("gamma",),
    "training": ("gamma",),
    "variants": ("gamma", "p"),
}


def shared_controls(text: Mapping[str, str], screen: Screen, url_path: str) -> Any:
    """Draw the shared controls where ``screen`` wants them.

    Parameters
    ----------
    text : mapping of str to str
        The string table of the current language.
    screen : Screen
        Laptop: all in the sidebar. Projector: one row of compact controls
        above the charts, one column each. Phone: the sliders of
        :data:`PHONE_STRIP` in a strip above the page that stays on screen
        (short labels, side by side), the others in the sidebar's drawer.
    url_path : str
        The current page's URL path (empty for the Explorer at ``/``).

    Returns
    -------
    Streamlit container
        The panel that holds the footer's reset and share link (the sidebar,
        or the projector's bordered container).
    """
    shared = [param for param in PARAMS if param.shared]
    if screen is Screen.PROJECTOR:
        panel = st.container(border=True)
        widths = [3 if param.kind == "slider" else 2.6 for param in shared]
        for param, column in zip(
            shared, panel.columns(widths, gap="small"), strict=True
        ):
            render(param, text, column, compact=True)
        return panel
    panel = st.sidebar
    if screen is Screen.PHONE:
        keys = PHONE_STRIP.get(url_path or "home", ("gamma",))
        strip = st.container(key=STRIP_KEY)
        for key, column in zip(keys, strip.columns(len(keys)), strict=True):
            render(BY_KEY[key], text, column, compact=True)
        shared = [param for param in shared if param.key not in keys]
    panel.header(text["controls.header"])
    for param in shared:
        render(param, text, panel)
    return panel


def main() -> None:
    """Run the app: everything around the page, then the page itself."""
    screen = current()
    present = screen is Screen.PROJECTOR
    text = strings(str(peek("lang")))

    st.set_page_config(
        page_title=text["app.title"],
        page_icon="🎯",
        layout="wide",
        initial_sidebar_state="expanded" if screen is Screen.LAPTOP else "collapsed",
    )
    base_style()
    if present:
        presenter_style()
    elif screen is Screen.PHONE:
        phone_style()

    # st.Page resolves its file on disk: build the pages once per session and
    # language, not on every rerun (they hold per-run state, so not across sessions).
    memo = f"_pages_{peek('lang')}"
    if memo not in st.session_state:
        st.session_state[memo] = navigation(text)
    pages = st.session_state[memo]
    page = st.navigation(pages, position="top" if present else "sidebar")

    # Before any widget: binding removes a refused value from the URL as it reads it.
    link_notices(text)

    if join.requested():  # a QR code for the room instead of the page
        join.screen(text, page.url_path)
        return

    panel = shared_controls(text, screen, page.url_path)

    with admission.turn:  # a few page scripts at a time (focal/ui/admission.py)
        page.run()

    footer = panel.container() if not present else st.expander(text["share.label"])
    footer.button(text["reset.label"], on_click=reset, icon=":material/restart_alt:")
    share_link(text, footer, page.url_path)
    join.open_button(text, st if present else footer)
