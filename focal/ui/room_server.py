"""What ``make room`` serves: the app, and Streamlit's frontend compressed once.

``streamlit run focal/ui/room_server.py`` finds :data:`app`, an ``st.App`` (the
Streamlit server on Starlette, with middleware of one's own), and serves it as
``streamlit run app.py`` would, plus :class:`focal.ui.static.Precompressed`:
the JavaScript, CSS and fonts leave as gzip or brotli files made once per
Streamlit version (:func:`focal.ui.static.cached_copy`), about 2.5 MB per
student's first load instead of 9.6 MB. The scripts, the configuration
(``.streamlit/config.toml`` in the working folder) and the websocket are the
same. :mod:`focal.ui.room` starts it.
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from focal.ui.room import APP
from focal.ui.static import Precompressed, cached_copy

app = st.App(APP, middleware=[Middleware(Precompressed, folder=cached_copy())])
