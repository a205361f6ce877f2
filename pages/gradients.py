"""Gradients: dCE/dx, dFL/dx and dFL*/dx against x_t (the paper's Figure 6), the
share of the CE gradient that FL keeps, and why autograd gives NaN for γ < 1."""

import streamlit as st

import focal
from focal import curves
from focal.figures import gradient_figure
from focal.figures.walkthrough import gradient_ratio_figure
from focal.ui.controls import render, value
from focal.ui.display import number
from focal.ui.params import BY_KEY
from focal.ui.phone import Later, fitted, row
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.screen import Screen, current
from focal.ui.strings import strings
from focal.ui.walkthrough import (
    NAIVE_CHAIN_RULE,
    NAIVE_CHAIN_RULE_NARROW,
    NAN_DEMO_LOGITS,
    gradient_text,
    naive_gradient_table,
    ratio_peak_text,
)

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
alpha_text = f"{alpha:g}" if alpha is not None else ""
chart = {"width": "stretch", "theme": None, "config": {"displaylogo": False}}

st.title(text["gradients.title"])
if not present:
    later(st.write, text["gradients.intro"])

# FL*'s own parameters (Appendix A), above the chart they change; on a phone
# under it, side by side, short labels
chart_slot = st.container() if phone else st
star_gamma_column, star_beta_column = row(st, 2, phone)
gamma_star = float(render(BY_KEY["gamma_star"], text, star_gamma_column, compact=phone))
beta = float(render(BY_KEY["beta_star"], text, star_beta_column, compact=phone))

x = focal.logit(p)
grads = curves.gradient_curves(y, gamma, alpha, gamma_star=gamma_star, beta=beta)
fl_label = text["gradients.fl" if alpha is None else "gradients.fl_balanced"].format(
    gamma=f"{gamma:g}", alpha=alpha_text
)
fl_star_label = text["gradients.fl_star"].format(
    gamma_star=f"{gamma_star:g}", beta=f"{beta:g}"
)
at_point = {
    "ce": focal.grad_cross_entropy(x, y),
    "fl": focal.grad_focal_loss(x, y, gamma, alpha),
    "fl_star": focal.grad_focal_loss_star(x, y, gamma_star, beta),
}
plot(
    chart_slot,
    text,
    "gradients",
    fitted(
        gradient_figure(
            grads.x,
            {"ce": grads.ce, "fl": grads.fl, "fl_star": grads.fl_star},
            x,
            at_point,
            labels={
                "title": text["gradients.chart_title"].format(y=y),
                "x": text["gradients.x"],
                "y": text["gradients.y"],
                "ce": text["gradients.ce"],
                "fl": fl_label,
                "fl_star": fl_star_label,
            },
            presenter=present,
        ),
        phone,
    ),
    key="gradient_chart",
    **chart,
)
st.write(text["gradients.point"].format(x=number(x)))
# on a phone one row that wraps: columns would cut the long numbers short
left, middle, right = row(st, 3, phone)
left.metric(text["gradients.ce"], number(at_point["ce"]))
middle.metric(fl_label, number(at_point["fl"]))
right.metric(fl_star_label, number(at_point["fl_star"]))
if not present:
    st.info(text["gradients.prior"].format(bias=number(focal.prior_bias(0.01))))
later.draw()

# How much of the CE gradient focal loss keeps: a phone draws the chart first
st.header(text["gradients.ratio_header"], divider="gray")
if phone:
    ratio_column, explain_column = st.container(), st.container()
else:
    explain_column, ratio_column = st.columns([2, 3], gap="large")
later(explain_column.write, text["gradients.ratio_explain"])
ratio_here = focal.focal_gradient_ratio(x, y, gamma, alpha)
ratio_name = text[
    "gradients.ratio_line" if alpha is None else "gradients.ratio_line_alpha"
].format(gamma=f"{gamma:g}", alpha=alpha_text)
explain_column.metric(text["gradients.ratio_metric"], number(ratio_here))
explain_column.caption(ratio_peak_text(gamma, text))
later.draw()
plot(
    ratio_column,
    text,
    "gradients_ratio",
    fitted(
        gradient_ratio_figure(
            grads.x,
            grads.ratio,
            x,
            ratio_here,
            labels={
                "title": text["gradients.ratio_title"].format(y=y),
                "x": text["gradients.x"],
                "y": text["gradients.ratio_y"],
                "ratio": ratio_name,
                "ce": text["gradients.ratio_ce"],
            },
            presenter=present,
        ),
        phone,
    ),
    key="gradient_ratio_chart",
    **chart,
)

# Autograd through (1 - p_t)^γ: 0 · ∞ = NaN for 0 < γ < 1
st.header(text["gradients.nan_header"], divider="gray")
st.write(text["gradients.nan_explain"])
st.latex(NAIVE_CHAIN_RULE_NARROW if phone else NAIVE_CHAIN_RULE)
demo_x, demo_gamma = 40.0, 0.5
analytic_column, naive_column = row(st, 2, phone)
analytic_column.metric(
    text["gradients.nan_demo_analytic"],
    gradient_text(focal.grad_focal_loss(demo_x, 1, demo_gamma)),
)
naive_column.metric(
    text["gradients.nan_demo_naive"],
    gradient_text(focal.grad_focal_loss_autograd_naive(demo_x, 1, demo_gamma)),
)
alpha_note = (
    text["table.alpha_note"].format(alpha=alpha_text) if alpha is not None else ""
)
st.caption(text["gradients.nan_table"].format(gamma=f"{gamma:g}", alpha=alpha_note))
st.markdown(
    naive_gradient_table(
        NAN_DEMO_LOGITS,
        focal.grad_focal_loss(NAN_DEMO_LOGITS, 1, gamma, alpha),
        focal.grad_focal_loss_autograd_naive(NAN_DEMO_LOGITS, 1, gamma, alpha),
        text,
    )
)
if not 0.0 < gamma < 1.0:
    st.caption(text["gradients.nan_fine"].format(gamma=f"{gamma:g}"))
