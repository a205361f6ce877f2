"""Variants: FL next to FL*, Poly-1 FL, QFL, VFL and ASL, and the paper's Table 1."""

import streamlit as st

import focal
from focal import curves, paper
from focal.figures.variants import table1_figure, variants_figure
from focal.ui.controls import render, value
from focal.ui.display import number
from focal.ui.params import BY_KEY
from focal.ui.phone import Later, fitted
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.screen import Screen, current
from focal.ui.strings import strings
from focal.variants import VariantSettings, variant_losses

through_entry()  # first: run inside app.py (focal/ui/routing.py)

text = strings(str(value("lang")))
screen = current()
present = screen is Screen.PROJECTOR
phone = screen is Screen.PHONE
later = Later(phone)  # on a phone: after the chart they explain
y = int(value("y"))
p = float(value("p"))
gamma = float(value("gamma"))
alpha = float(value("alpha")) if value("balance") else None
chart = {"width": "stretch", "theme": None, "config": {"displaylogo": False}}


def control(key: str, where=st):
    return render(BY_KEY[key], text, where)


if not present:
    st.title(text["variants.title"])
    later(st.write, text["variants.intro"])

# 1 · Every loss against p_t: the chart first, drawn once the controls are read
chart_column, values_column = st.columns([3, 1.4])
chart_slot = chart_column.container()
q_column, log_column = chart_column.columns([3, 1])
q = float(control("var_q", q_column))
log = bool(control("var_log", log_column))
if not present:
    later(chart_column.caption, text["variants.axis_note"])
later.draw()  # on a phone: under the chart and the values beside it

st.subheader(text["variants.controls_header"])
cards = [column.container(border=True) for column in st.columns(5)]
# (variant, its "show" toggle, its sliders) in the order of the cards
VARIANT_CONTROLS = (
    ("fl_star", "var_star", ("var_star_gamma", "var_star_beta")),
    ("poly1", "var_poly", ("var_poly_epsilon",)),
    ("qfl", "var_qfl", ("var_qfl_beta",)),
    ("vfl", "var_vfl", ("var_vfl_alpha", "var_vfl_gamma")),
    ("asl", "var_asl", ("var_asl_gamma_pos", "var_asl_gamma_neg", "var_asl_margin")),
)
shown = ["ce", "fl"]
slider_values: dict[str, float] = {}
for card, (name, toggle, sliders) in zip(cards, VARIANT_CONTROLS, strict=True):
    if control(toggle, card):
        shown.append(name)
    card.caption(text[f"variants.note.{name}"])
    for key in sliders:
        slider_values[key] = float(control(key, card))

settings = VariantSettings(
    star_gamma=slider_values["var_star_gamma"],
    star_beta=slider_values["var_star_beta"],
    poly_epsilon=slider_values["var_poly_epsilon"],
    qfl_beta=slider_values["var_qfl_beta"],
    vfl_alpha=slider_values["var_vfl_alpha"],
    vfl_gamma=slider_values["var_vfl_gamma"],
    asl_gamma_pos=slider_values["var_asl_gamma_pos"],
    asl_gamma_neg=slider_values["var_asl_gamma_neg"],
    asl_margin=slider_values["var_asl_margin"],
    q=q,
)
fmt = {
    "gamma": f"{gamma:g}",
    "alpha": f"{alpha:g}" if alpha is not None else "",
    "q": f"{q:g}",
}
params = {
    "ce": text["variants.params.ce"],
    "fl": text[
        "variants.params.fl_alpha" if alpha is not None else "variants.params.fl"
    ].format(**fmt),
    "fl_star": text["variants.params.fl_star"].format(
        gamma=f"{settings.star_gamma:g}", beta=f"{settings.star_beta:g}"
    ),
    "poly1": text[
        "variants.params.poly1_alpha" if alpha is not None else "variants.params.poly1"
    ].format(**fmt, epsilon=f"{settings.poly_epsilon:g}"),
    "qfl": text["variants.params.qfl"].format(
        beta=f"{settings.qfl_beta:g}", q=fmt["q"] if y == 1 else "0"
    ),
    "vfl": text["variants.params.vfl"].format(
        alpha=f"{settings.vfl_alpha:g}",
        gamma=f"{settings.vfl_gamma:g}",
        q=fmt["q"] if y == 1 else "0",
    ),
    "asl": text["variants.params.asl"].format(
        gamma_pos=f"{settings.asl_gamma_pos:g}",
        gamma_neg=f"{settings.asl_gamma_neg:g}",
        margin=f"{settings.asl_margin:g}",
    ),
}
names = {name: text[f"variants.name.{name}"] for name in shown}
grid = curves.probability_grid()
every = variant_losses(grid, y, gamma, alpha, settings)
at_point = variant_losses(p, y, gamma, alpha, settings)
p_t = focal.p_t(p, y)
labels = {
    "title": text[
        "variants.chart_title_pos" if y == 1 else "variants.chart_title_neg"
    ].format(q=fmt["q"]),
    "x": text["variants.x"],
    "y": text["variants.y"],
    "well_classified": text["curves.well_classified"],
    **{
        name: text["variants.legend"].format(name=names[name], params=params[name])
        for name in shown
    },
    **{f"{name}_short": names[name] for name in shown},
}
plot(
    chart_slot,
    text,
    "variants",
    fitted(
        variants_figure(
            focal.p_t(grid, y),
            {name: every[name] for name in shown},
            p_t,
            {name: at_point[name] for name in shown},
            labels=labels,
            log=log,
            presenter=present,
        ),
        phone,
    ),
    key="variants_chart",
    **chart,
)

# The numbers at the current point
values_column.subheader(text["variants.values_header"])
values_column.caption(
    text["variants.values_explain"].format(p=number(p), y=y, p_t=number(p_t))
)
rows = [
    f"| {text['variants.column_loss']} | {text['variants.column_params']} "
    f"| {text['variants.column_value']} |",
    "|---|---|---:|",
]
rows += [f"| {names[n]} | {params[n]} | {number(at_point[n])} |" for n in shown]
values_column.markdown("\n".join(rows))
if not present:
    values_column.caption(text["variants.note.fl"])

# 2 · What the paper measured: its Table 1, the current α and γ marked
st.header(text["variants.paper_header"], divider="gray")
later(st.write, text["variants.paper_explain"])
measures = {key: text[f"variants.{key}"] for key in ("ap", "ap50", "ap75")}
left, right = st.columns(2)
plot(
    left,
    text,
    "table1",
    fitted(
        table1_figure(
            [row.alpha for row in paper.TABLE_1A],
            {key: [getattr(row, key) for row in paper.TABLE_1A] for key in measures},
            float(value("alpha")),
            point_text=[f"{row.ap:.1f}" for row in paper.TABLE_1A],
            labels={
                "title": text["variants.table1a_title"],
                "x": text["variants.table1a_x"],
                "x_name": "α",
                "y": text["variants.table1_y"],
                "current": text["variants.current_alpha"].format(
                    alpha=f"{float(value('alpha')):g}"
                ),
                "source": text["variants.table1_source"],
                **measures,
            },
            presenter=present,
        ),
        phone,
    ),
    key="table1a_chart",
    **chart,
)
plot(
    right,
    text,
    "table1",
    fitted(
        table1_figure(
            [row.gamma for row in paper.TABLE_1B],
            {key: [getattr(row, key) for row in paper.TABLE_1B] for key in measures},
            gamma,
            # the best α, written where it changes
            point_text=[
                text["variants.table1_best_alpha"].format(alpha=f"{row.alpha:g}")
                if index == 0 or row.alpha != paper.TABLE_1B[index - 1].alpha
                else ""
                for index, row in enumerate(paper.TABLE_1B)
            ],
            labels={
                "title": text["variants.table1b_title"],
                "x": text["variants.table1b_x"],
                "x_name": "γ",
                "y": text["variants.table1_y"],
                "current": text["variants.current_gamma"].format(gamma=fmt["gamma"]),
                "source": text["variants.table1_source"],
                **measures,
            },
            presenter=present,
        ),
        phone,
    ),
    key="table1b_chart",
    **chart,
)
st.caption(
    text["variants.table1_caption"].format(
        gamma=f"{paper.BEST_FL.gamma:g}",
        alpha=f"{paper.BEST_FL.alpha:g}",
        ap=f"{paper.BEST_FL.ap:.1f}",
        gain=f"{paper.AP_GAIN:.1f}",
    )
)
later.draw()
