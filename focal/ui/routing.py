"""Every page script's first call: run the page inside ``app.py``, never alone.

Streamlit 1.67 treats a folder named ``pages/`` beside the entry script as its
legacy multipage mode (``PagesManager.uses_pages_directory``, read from the
folder's existence when the server starts) until the first ``st.navigation``
call in the process clears it. So the very first request after a start, if it
is a deep link such as ``/gradients?gamma=3``, runs ``pages/gradients.py``
directly: no shared controls, no navigation of ours, Streamlit's file list.

A page script that finds itself run that way clears the flag and asks for a
rerun; the rerun goes through ``app.py`` to the same page (the legacy page and
ours share their URL path, hence their hash) with the link's query values.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_entry() -> None:
    """Rerun through ``app.py`` if Streamlit ran this page script by itself.

    Call it first in every page script. A no-op once any session has called
    ``st.navigation`` (that is, on every run but possibly the first of a
    server's life).
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
