"""The floor Streamlit itself sets: one slider, one Plotly chart of a NumPy curve.

``bench/latency.py`` compares the Explorer against this app, measured the same
way in the same run. The slider has the Explorer's key, label symbol, range and
step, and the curve has as many points as the Explorer's loss curves, so the
only difference left is everything else the Explorer draws.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

gamma = st.slider("γ", 0.0, 5.0, 2.0, 0.1, key="gamma")
p = np.linspace(0.002, 1.0, 501)
focal = (1.0 - p) ** gamma * -np.log(p)
st.plotly_chart(
    go.Figure(go.Scatter(x=p, y=focal, mode="lines", name=f"FL (γ = {gamma:g})")),
    key="chart",
)
