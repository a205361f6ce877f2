"""Explorer: CE against FL, the numbers at one point, hard/easy, Figure 1, the table.

One view at a time (``?view=``): only the view on screen is computed, sent and
redrawn when a slider moves, so the lecturer's chart follows at once.
"""

from functools import partial

import streamlit as st

import focal
from focal.formats import DOWNLOADS, format_table
from focal.ui.charts import figure_1, loss_chart, ratio_chart
from focal.ui.controls import render, value
from focal.ui.display import number, times
from focal.ui.latex import focal_formula
from focal.ui.params import BY_KEY
from focal.ui.strings import strings
from focal.ui.tables import markdown_table

lang = str(value("lang"))
text = strings(lang)
present = bool(value("present"))
y = int(value("y"))
p = float(value("p"))
gamma = float(value("gamma"))
alpha = float(value("alpha")) if value("balance") else None
# theme=None: the figure's own sizes, which presenter mode enlarges
chart = {"width": "stretch", "theme": None, "config": {"displaylogo": False}}


def heading(key: str) -> None:
    """A view's header; on a projector the view's radio names it instead."""
    if not present:
        st.header(text[key], divider="gray")


def curves_view() -> None:
    """CE and FL against p (or p_t), the current point marked, and its numbers."""
    heading("curves.header")
    row = focal.table_row(p, y, gamma, alpha)
    chart_column, numbers_column = st.columns([3, 2])
    chart_slot = chart_column.container()
    axis_column, log_column = chart_column.columns(2)
    axis = render(BY_KEY["axis"], text, axis_column)
    log = render(BY_KEY["log"], text, log_column)
    chart_slot.plotly_chart(
        loss_chart(p, y, gamma, alpha, str(axis), bool(log), lang, present),
        key="loss_chart",
        **chart,
    )
    if not present:
        chart_column.caption(text["curves.caption"])

    numbers_column.subheader(text["numbers.header"])
    metrics = numbers_column.columns(3)
    metrics[0].metric(text["numbers.p_t"], number(row.p_t))
    metrics[1].metric(
        text["numbers.alpha_t"],
        number(row.alpha_t) if row.alpha_t is not None else text["numbers.off"],
    )
    metrics[2].metric(text["numbers.modulating"], number(row.modulating))
    metrics = numbers_column.columns(2)
    metrics[0].metric(text["numbers.ce"], number(row.ce))
    fl_metric = "numbers.fl" if alpha is None else "numbers.fl_balanced"
    metrics[1].metric(
        text[fl_metric], number(row.fl if alpha is None else row.fl_alpha)
    )
    reduction = focal.focal_reduction(p, y, gamma, alpha)
    if row.ce == 0.0:
        numbers_column.info(text["numbers.both_zero"])
    elif reduction == 1.0:
        numbers_column.info(text["numbers.equal"])
    elif reduction == float("inf"):
        numbers_column.info(text["numbers.smaller_inf"])
    else:
        numbers_column.info(text["numbers.smaller"].format(times=times(reduction)))
    numbers_column.caption(text["numbers.formula"])
    numbers_column.latex(focal_formula(row))


def ratio_view() -> None:
    """Hard against easy examples: their loss ratios and the amplification."""
    heading("ratio.header")
    st.write(text["ratio.explain"])
    controls_column, ratio_column = st.columns([2, 3])
    hard = float(render(BY_KEY["hard"], text, controls_column))
    easy = float(render(BY_KEY["easy"], text, controls_column))
    ratio = focal.hard_easy_ratio(hard, easy, 1, gamma, alpha)
    metrics = controls_column.columns(3)
    for column, key, ratio_value in (
        (metrics[0], "ratio.ce", ratio.ce_ratio),
        (metrics[1], "ratio.fl", ratio.fl_ratio),
        (metrics[2], "ratio.amplification", ratio.amplification),
    ):
        unit = "×" if key == "ratio.amplification" else ""
        column.metric(text[key], times(ratio_value, unit))
    ratio_column.plotly_chart(
        ratio_chart(hard, easy, gamma, lang, present), key="ratio_chart", **chart
    )


def family_view() -> None:
    """The paper's Figure 1, with a γ sweep played in the browser."""
    heading("family.header")
    st.write(text["family.explain"])
    st.plotly_chart(figure_1(gamma, lang, present), key="family_chart", **chart)


def table_view() -> None:
    """The document's table, regenerated, beside its printed values."""
    heading("table.header")
    alpha_note = (
        text["table.alpha_note"].format(alpha=f"{alpha:g}") if alpha is not None else ""
    )
    st.write(text["table.explain"].format(alpha=alpha_note))
    rows = focal.document_table(gamma, alpha)
    row = focal.table_row(p, y, gamma, alpha)
    st.markdown(markdown_table(rows, row, text))
    if gamma == focal.DOCUMENT_GAMMA:
        st.caption(text["table.errata"])
    else:
        st.caption(text["table.other_gamma"].format(gamma=f"{gamma:g}"))
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


VIEWS = {
    "curves": curves_view,
    "ratio": ratio_view,
    "family": family_view,
    "table": table_view,
}

if not present:
    st.title(text["explorer.title"])
    st.write(text["explorer.intro"])
VIEWS[str(render(BY_KEY["view"], text))]()
