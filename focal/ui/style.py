"""Page-wide styling: the projector look of presenter mode."""

from __future__ import annotations

import streamlit as st

# Larger type everywhere, no menu or decorations (the header keeps the page
# navigation), tighter top margin and spacing: a whole chart on a 1280×720 screen.
_PRESENTER_CSS = """
<style>
html { font-size: 20px; }
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 3.5rem !important; }
[data-testid="stVerticalBlock"] { gap: 0.5rem !important; }
[data-testid="stMetricValue"] { font-size: 1.9rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem !important; }
.katex { font-size: 1.45em !important; }
h1 { font-size: 2.2rem !important; }
h2 { font-size: 1.7rem !important; padding-top: 0.5rem !important; }
h3 { font-size: 1.4rem !important; }
[data-testid="stCaptionContainer"] { font-size: 1rem !important; }
</style>
"""


def presenter_style() -> None:
    """Apply presenter mode's CSS to the page (call once per run when it is on)."""
    st.html(_PRESENTER_CSS)
