"""Entry point: page config, shared controls bound to the URL, navigation."""

from pathlib import Path

import streamlit as st

from focal.ui.controls import link_notices, peek, render, reset, share_link
from focal.ui.params import PARAMS
from focal.ui.strings import strings
from focal.ui.style import presenter_style

HERE = Path(__file__).parent

present = bool(peek("present"))
text = strings(str(peek("lang")))

st.set_page_config(
    page_title=text["app.title"],
    page_icon="🎯",
    layout="wide",
    initial_sidebar_state="collapsed" if present else "expanded",
)
if present:
    presenter_style()

pages = [
    st.Page(
        HERE / "pages" / "explorer.py",
        title=text["nav.explorer"],
        icon="🔍",
        url_path="explorer",
        default=True,
    ),
    st.Page(
        HERE / "pages" / "gradients.py",
        title=text["nav.gradients"],
        icon="📉",
        url_path="gradients",
    ),
]
page = st.navigation(pages, position="top" if present else "sidebar")

# Shared controls: in the sidebar, or above the charts for a projector.
panel = st.container(border=True) if present else st.sidebar
if not present:
    panel.header(text["controls.header"])
shared = [param for param in PARAMS if param.shared]
# On a projector: one column per control, language and presenter mode together.
columns = panel.columns(len(shared) - 1) if present else [panel] * len(shared)
for index, param in enumerate(shared):
    render(param, text, columns[min(index, len(columns) - 1)])

link_notices(text)
page.run()

footer = panel.container() if not present else st.expander(text["share.label"])
footer.button(text["reset.label"], on_click=reset, icon=":material/restart_alt:")
share_link(text, footer)
