"""The least the Explorer can be: ``st.navigation``, the shared controls, one chart.

What the issue requires around the CE and FL chart, built from the app's own
parts: the seven shared controls in the sidebar (``focal.ui.controls.render``
over the parameter table, as the app draws them) and the Explorer's loss chart
(``focal.ui.charts.loss_chart``), on a page of ``st.navigation``. No title, no
view radio, no numbers, no formula, no share link. ``bench/latency.py``
measures it beside the Explorer and the floor: what no layout of the required
parts can go below, so the part of the gap that the Explorer's own extras cost.
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from focal.ui.charts import loss_chart
from focal.ui.controls import render, value
from focal.ui.explorer import CHART
from focal.ui.params import PARAMS
from focal.ui.strings import strings


def chart() -> None:
    alpha = float(value("alpha")) if value("balance") else None
    p, y, gamma = float(value("p")), int(value("y")), float(value("gamma"))
    # the Explorer's defaults: x axis p, linear loss axis, English, no projector
    figure = loss_chart(p, y, gamma, alpha, "p", False, "en", False)
    st.plotly_chart(figure, key="loss_chart", **CHART)


def other() -> None:
    st.write("Another page.")


page = st.navigation(
    [
        st.Page(chart, title="Chart", default=True),
        st.Page(other, title="Other", url_path="other"),
    ]
)
text = strings("en")
st.sidebar.header(text["controls.header"])
for param in PARAMS:
    if param.shared:
        render(param, text, st.sidebar)
page.run()
