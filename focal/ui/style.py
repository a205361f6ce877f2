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


# On every screen, so that no formula is a scroll region, which a keyboard cannot
# reach (axe: scrollable-region-focusable). KaTeX draws a 2 px strut past a
# formula's own box (.vlist-s beside a -2 px margin): room for it. And a formula
# in a narrow column shrinks to fit it: its text is at most 4.4 % of the column's
# width, so the widest (15.4 em at KaTeX's size) fits a projector's 392 px column
# at presenter size (1.45 em); on a wider column nothing changes.
_BASE_CSS = """
<style>
[data-testid="stElementContainer"]:has(.katex-display) { container-type: inline-size; }
.katex-display { padding: 0 2px; font-size: min(1em, 4.4cqi); }
.st-key-drag_grid { display: none !important; }
</style>
"""


#: The key of the phone's strip of sliders (Streamlit gives it the class
#: ``st-key-<key>``, which the phone's stylesheet makes sticky).
STRIP_KEY = "phone_strip"

# A phone (a mobile user agent): the strip of sliders stays on screen under
# Streamlit's header while the page scrolls (sticky on the wrapper Streamlit
# puts around a keyed container, the same size); its sliders side by side
# (Streamlit stacks columns below 640 px), as are rows of metrics, in smaller
# figures; no Plotly toolbar over a chart's title; less space above the page,
# smaller titles; tables (transposed for a phone) in smaller type.
_PHONE_CSS = f"""
<style>
[data-testid="stMainBlockContainer"] {{
  padding: 3.25rem 0.9rem 3rem !important; }}
[data-testid="stLayoutWrapper"]:has(> .st-key-{STRIP_KEY}) {{
  position: sticky; top: 3.25rem; z-index: 90; }}
.st-key-{STRIP_KEY} {{
  background: #ffffff; padding: 0.15rem 0.25rem 0;
  border-bottom: 1px solid #d5dce4; }}
.st-key-{STRIP_KEY} [data-testid="stColumn"],
.stHorizontalBlock:has(.stMetric):not(:has(.stHorizontalBlock)) > .stColumn {{
  min-width: 0 !important; flex: 1 1 0 !important; }}
[data-testid="stMetricValue"] {{ font-size: 1.35rem !important; }}
.modebar-container {{ display: none !important; }}
h1 {{ font-size: 1.6rem !important; }}
h2 {{ font-size: 1.3rem !important; }}
[data-testid="stMarkdownContainer"] table {{ font-size: 0.85rem; }}
[data-testid="stMarkdownContainer"] :is(th, td) {{ padding: 0.3rem 0.4rem; }}
</style>
"""


def base_style() -> None:
    """Apply the CSS every screen needs (call once per run, before the page)."""
    st.html(_BASE_CSS)


def presenter_style() -> None:
    """Apply presenter mode's CSS to the page (call once per run when it is on)."""
    st.html(_PRESENTER_CSS)


def phone_style() -> None:
    """Apply the phone's CSS to the page (call once per run on a phone)."""
    st.html(_PHONE_CSS)


# The phone's CE and FL view: the chart's own γ and p sliders, right above it,
# move it while the finger moves; the strip's copies of the same two would only
# repeat them (and move nothing until release), so the strip goes on that view.
_PHONE_CURVES_CSS = f"""
<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-{STRIP_KEY}) {{
  display: none !important; }}
</style>
"""


def phone_curves_style() -> None:
    """Hide the phone's strip on the Explorer's CE and FL view (call on a phone)."""
    st.html(_PHONE_CURVES_CSS)


#: The key of the hard/easy view's hidden sliders (the chart's own show them).
RATIO_SLIDERS_KEY = "ratio_sliders"

# The Explorer's hard/easy view: its chart's hidden grid mount, and the hard and
# easy sliders, which stay on the page only to bind the URL (one visible control
# each: the chart's own, right above the chart).
_RATIO_CSS = f"""
<style>
.st-key-drag_ratio_grid, .st-key-drag_ratio_curves,
[data-testid="stLayoutWrapper"]:has(> .st-key-{RATIO_SLIDERS_KEY}),
.st-key-{RATIO_SLIDERS_KEY} {{ display: none !important; }}
</style>
"""


def ratio_style() -> None:
    """Hide the hard/easy view's grid mount and its URL-bound sliders."""
    st.html(_RATIO_CSS)
