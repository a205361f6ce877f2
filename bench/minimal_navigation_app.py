"""The floor of a Streamlit app with ``st.navigation``: one slider, one chart.

The same slider and chart as ``bench/minimal_app.py``, but laid out as the
Explorer is: the slider in the sidebar and the chart on a page of
``st.navigation`` (two pages, the navigation in the sidebar). Streamlit sends
the navigation on every rerun and the browser redraws the app's frame with it,
so this is the floor any app built on ``st.navigation`` starts from.
``bench/latency.py`` measures it beside the minimal app.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st


def chart() -> None:
    gamma = st.session_state["gamma"]
    p = np.linspace(0.002, 1.0, 501)
    focal = (1.0 - p) ** gamma * -np.log(p)
    st.plotly_chart(
        go.Figure(go.Scatter(x=p, y=focal, mode="lines", name=f"FL (γ = {gamma:g})")),
        key="chart",
    )


def other() -> None:
    st.write("Another page.")


page = st.navigation(
    [
        st.Page(chart, title="Chart", default=True),
        st.Page(other, title="Other", url_path="other"),
    ]
)
st.sidebar.slider("γ", 0.0, 5.0, 2.0, 0.1, key="gamma")
page.run()
