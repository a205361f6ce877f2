"""The least the Explorer can be: ``st.navigation``, the shared controls, one chart.

What the issue requires around the CE and FL chart, built from the app's own
parts: the seven shared controls in the sidebar (drawn by the app's own
``focal.ui.entry.shared_controls``) and the Explorer's loss chart
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
from focal.ui.entry import shared_controls
from focal.ui.screen import Screen
from focal.ui.shared import CHART, Shared
from focal.ui.strings import strings


def chart() -> None:
    now = Shared.now()
    # the Explorer's defaults: x axis p, linear loss axis
    figure = loss_chart(
        now.p, now.y, now.gamma, now.alpha, "p", False, now.lang, now.present
    )
    st.plotly_chart(figure, key="loss_chart", **CHART)


def other() -> None:
    st.write("Another page.")


page = st.navigation(
    [
        st.Page(chart, title="Chart", default=True),
        st.Page(other, title="Other", url_path="other"),
    ]
)
shared_controls(strings("en"), Screen.LAPTOP, "")
page.run()
