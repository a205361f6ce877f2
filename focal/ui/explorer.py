"""The Explorer: CE against FL, the numbers at one point, hard/easy, Figure 1,
the document's table.

One view at a time (``?view=``): only the view on screen is computed, sent and
redrawn when a slider moves, so the lecturer's chart follows at once. The page
script ``pages/explorer.py`` only calls :func:`main`: Streamlit compiles a page
script on every run under ``AppTest`` (the server compiles it once), while a
module is compiled once everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

import focal
from focal.formats import DOWNLOADS, format_table
from focal.ui import drag, drag_ratio
from focal.ui.charts import figure_1, figure_1_sweep
from focal.ui.controls import render
from focal.ui.latex import focal_formula
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted
from focal.ui.plot import plot
from focal.ui.screen import Screen
from focal.ui.shared import CHART, Shared
from focal.ui.style import RATIO_SLIDERS_KEY, phone_curves_style, ratio_style
from focal.ui.tables import markdown_table, table_note


def curves_view(now: Shared) -> None:
    """CE and FL against p (or p_t), the current point marked, and its numbers.

    The chart and the numbers beside it follow a drag of the chart's own γ and
    p sliders in the browser (:mod:`focal.ui.drag`); on release the page reruns
    once and the formula, the URL and the shared sliders follow.
    """
    text, alpha = now.text, now.alpha
    now.heading("curves.header")
    row = focal.table_row(now.p, now.y, now.gamma, alpha)
    if now.phone:  # the chart's own γ and p take the strip's place (one of each)
        phone_curves_style()
    chart_column, numbers_column = st.columns([3, 2])
    chart_slot = chart_column.container()
    axis_column, log_column = chart_column.columns(2)
    axis = render(BY_KEY["axis"], text, axis_column)
    log = render(BY_KEY["log"], text, log_column)
    drag.curves_chart(
        chart_slot,
        text,
        now.y,
        alpha,
        str(axis),
        bool(log),
        now.p,
        now.gamma,
        now.lang,
        now.screen,
    )
    now.off_projector("curves.caption", chart_column.caption)

    now.off_projector("numbers.header", numbers_column.subheader)
    drag.numbers(numbers_column, text, alpha)
    now.off_projector("numbers.formula", numbers_column.caption)
    numbers_column.latex(focal_formula(row))


def ratio_view(now: Shared) -> None:
    """Hard against easy examples: their loss ratios and the amplification.

    The chart and the numbers beside it follow a drag of the chart's own γ,
    p_hard and p_easy sliders in the browser (:mod:`focal.ui.drag_ratio`); on
    release the page reruns once and the URL and the shared γ follow. The
    hard and easy sliders stay on the page, hidden (:func:`ratio_style`): they
    bind the URL and take a link's value; the chart's own show it.
    """
    text = now.text
    now.heading("ratio.header")
    now.explain("ratio.explain")
    ratio_style()
    if now.phone:  # the chart's own γ takes the strip's place (one of each)
        phone_curves_style()
    sliders = st.container(key=RATIO_SLIDERS_KEY)
    hard = float(render(BY_KEY["hard"], text, sliders))
    easy = float(render(BY_KEY["easy"], text, sliders))
    chart_column, numbers_column = st.columns([3, 2])
    drag_ratio.ratio_chart(chart_column, hard, easy, now.gamma, now.lang, now.screen)
    drag_ratio.numbers(numbers_column, text)


def family_view(now: Shared) -> None:
    """The paper's Figure 1 at the current γ, or its γ sweep played in the browser.

    The still figure follows γ and carries no frames. The sweep's 51 frames do
    not depend on γ: while it is on, every rerun sends the same message, which
    reaches a browser that holds it as a reference of a few bytes.
    """
    now.heading("family.header")
    now.explain("family.explain")
    chart_slot = st.container()
    if render(BY_KEY["sweep"], now.text):
        figure, about = figure_1_sweep(now.lang, now.present), "family_sweep"
    else:
        figure, about = figure_1(now.gamma, now.lang, now.present), "family"
    plot(
        chart_slot,
        now.text,
        about,
        fitted(figure, now.phone),
        key="family_chart",
        **CHART,
    )


def table_view(now: Shared) -> None:
    """The document's table, regenerated, beside its printed values."""
    text, gamma, alpha = now.text, now.gamma, now.alpha
    now.heading("table.header")
    alpha_note = (
        text["table.alpha_note"].format(alpha=f"{alpha:g}") if alpha is not None else ""
    )
    st.write(text["table.explain"].format(alpha=alpha_note))
    rows = focal.document_table(gamma, alpha)
    row = focal.table_row(now.p, now.y, gamma, alpha)
    # a phone gets one column per example: six narrow columns, not a dozen
    st.markdown(markdown_table(rows, row, text, transpose=now.screen is Screen.PHONE))
    st.caption(table_note(gamma, text))
    for column, (fmt, mime, suffix) in zip(
        st.columns(len(DOWNLOADS)), DOWNLOADS, strict=True
    ):
        column.download_button(
            text[f"table.download_{fmt}"],
            # made when clicked, not on every rerun of every session
            data=partial(format_table, [*rows, row], fmt, printed=True),
            file_name=f"focal-table-gamma{gamma:g}.{suffix}",
            mime=mime,
            key=f"download_{fmt}",
            on_click="ignore",
        )


#: The views by their ``?view=`` value, in the order of the radio.
VIEWS: dict[str, Callable[[Shared], None]] = {
    "curves": curves_view,
    "ratio": ratio_view,
    "family": family_view,
    "table": table_view,
}


def main() -> None:
    """Draw the Explorer: title, the view radio, and the chosen view."""
    now = Shared.now()
    now.heading("explorer.title", st.title)
    now.explain("explorer.intro")
    # on a projector or a phone the radio's options say enough: no room for a label
    shown = "visible" if now.screen is Screen.LAPTOP else "collapsed"
    VIEWS[str(render(BY_KEY["view"], now.text, label_visibility=shown))](now)
    now.later.draw()
