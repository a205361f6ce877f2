"""Variants: FL next to FL*, Poly-1 FL, QFL, VFL and ASL, and the paper's Table 1."""

import streamlit as st

import focal
from focal import curves, paper
from focal.figures.variants import table1_figure, variants_figure
from focal.ui.controls import render, value
from focal.ui.display import number
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.shared import CHART, Shared
from focal.variants import VariantSettings, variant_losses

through_entry()  # first: run inside app.py (focal/ui/routing.py)

now = Shared.now()
alpha = now.alpha


def control(key: str, where=st):
    return render(BY_KEY[key], now.text, where)


if not now.present:
    st.title(now.text["variants.title"])
    now.later(st.write, now.text["variants.intro"])

# 1 · Every loss against p_t: the chart first, drawn once the controls are read
chart_column, values_column = st.columns([3, 1.4])
chart_slot = chart_column.container()
q_column, log_column = chart_column.columns([3, 1])
q = float(control("var_q", q_column))
log = bool(control("var_log", log_column))
if not now.present:
    now.later(chart_column.caption, now.text["variants.axis_note"])
now.later.draw()  # on a phone: under the chart and the values beside it

st.subheader(now.text["variants.controls_header"])
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
    card.caption(now.text[f"variants.note.{name}"])
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
    "gamma": f"{now.gamma:g}",
    "alpha": f"{alpha:g}" if alpha is not None else "",
    "q": f"{q:g}",
}
params = {
    "ce": now.text["variants.params.ce"],
    "fl": now.text[
        "variants.params.fl_alpha" if alpha is not None else "variants.params.fl"
    ].format(**fmt),
    "fl_star": now.text["variants.params.fl_star"].format(
        gamma=f"{settings.star_gamma:g}", beta=f"{settings.star_beta:g}"
    ),
    "poly1": now.text[
        "variants.params.poly1_alpha" if alpha is not None else "variants.params.poly1"
    ].format(**fmt, epsilon=f"{settings.poly_epsilon:g}"),
    "qfl": now.text["variants.params.qfl"].format(
        beta=f"{settings.qfl_beta:g}", q=fmt["q"] if now.y == 1 else "0"
    ),
    "vfl": now.text["variants.params.vfl"].format(
        alpha=f"{settings.vfl_alpha:g}",
        gamma=f"{settings.vfl_gamma:g}",
        q=fmt["q"] if now.y == 1 else "0",
    ),
    "asl": now.text["variants.params.asl"].format(
        gamma_pos=f"{settings.asl_gamma_pos:g}",
        gamma_neg=f"{settings.asl_gamma_neg:g}",
        margin=f"{settings.asl_margin:g}",
    ),
}
names = {name: now.text[f"variants.name.{name}"] for name in shown}
grid = curves.probability_grid()
every = variant_losses(grid, now.y, now.gamma, alpha, settings)
at_point = variant_losses(now.p, now.y, now.gamma, alpha, settings)
p_t = focal.p_t(now.p, now.y)
labels = {
    "title": now.text[
        "variants.chart_title_pos" if now.y == 1 else "variants.chart_title_neg"
    ].format(q=fmt["q"]),
    "x": now.text["variants.x"],
    "y": now.text["variants.y"],
    "well_classified": now.text["curves.well_classified"],
    **{
        name: now.text["variants.legend"].format(name=names[name], params=params[name])
        for name in shown
    },
    **{f"{name}_short": names[name] for name in shown},
}
plot(
    chart_slot,
    now.text,
    "variants",
    fitted(
        variants_figure(
            focal.p_t(grid, now.y),
            {name: every[name] for name in shown},
            p_t,
            {name: at_point[name] for name in shown},
            labels=labels,
            log=log,
            presenter=now.present,
        ),
        now.phone,
    ),
    key="variants_chart",
    **CHART,
)

# The numbers at the current point
values_column.subheader(now.text["variants.values_header"])
values_column.caption(
    now.text["variants.values_explain"].format(
        p=number(now.p), y=now.y, p_t=number(p_t)
    )
)
rows = [
    f"| {now.text['variants.column_loss']} | {now.text['variants.column_params']} "
    f"| {now.text['variants.column_value']} |",
    "|---|---|---:|",
]
rows += [f"| {names[n]} | {params[n]} | {number(at_point[n])} |" for n in shown]
values_column.markdown("\n".join(rows))
if not now.present:
    values_column.caption(now.text["variants.note.fl"])

# 2 · What the paper measured: its Table 1, the current α and γ marked
st.header(now.text["variants.paper_header"], divider="gray")
now.later(st.write, now.text["variants.paper_explain"])
measures = {key: now.text[f"variants.{key}"] for key in ("ap", "ap50", "ap75")}
left, right = st.columns(2)
plot(
    left,
    now.text,
    "table1",
    fitted(
        table1_figure(
            [row.alpha for row in paper.TABLE_1A],
            {key: [getattr(row, key) for row in paper.TABLE_1A] for key in measures},
            float(value("alpha")),
            point_text=[f"{row.ap:.1f}" for row in paper.TABLE_1A],
            labels={
                "title": now.text["variants.table1a_title"],
                "x": now.text["variants.table1a_x"],
                "x_name": "α",
                "y": now.text["variants.table1_y"],
                "current": now.text["variants.current_alpha"].format(
                    alpha=f"{float(value('alpha')):g}"
                ),
                "source": now.text["variants.table1_source"],
                **measures,
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="table1a_chart",
    **CHART,
)
plot(
    right,
    now.text,
    "table1",
    fitted(
        table1_figure(
            [row.gamma for row in paper.TABLE_1B],
            {key: [getattr(row, key) for row in paper.TABLE_1B] for key in measures},
            now.gamma,
            # the best α, written where it changes
            point_text=[
                now.text["variants.table1_best_alpha"].format(alpha=f"{row.alpha:g}")
                if index == 0 or row.alpha != paper.TABLE_1B[index - 1].alpha
                else ""
                for index, row in enumerate(paper.TABLE_1B)
            ],
            labels={
                "title": now.text["variants.table1b_title"],
                "x": now.text["variants.table1b_x"],
                "x_name": "γ",
                "y": now.text["variants.table1_y"],
                "current": now.text["variants.current_gamma"].format(
                    gamma=fmt["gamma"]
                ),
                "source": now.text["variants.table1_source"],
                **measures,
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="table1b_chart",
    **CHART,
)
st.caption(
    now.text["variants.table1_caption"].format(
        gamma=f"{paper.BEST_FL.gamma:g}",
        alpha=f"{paper.BEST_FL.alpha:g}",
        ap=f"{paper.BEST_FL.ap:.1f}",
        gain=f"{paper.AP_GAIN:.1f}",
    )
)
now.later.draw()
