"""Gradients: dCE/dx, dFL/dx and dFL*/dx against x_t (the paper's Figure 6), the
share of the CE gradient that FL keeps, and why autograd gives NaN for γ < 1."""

import streamlit as st

import focal
from focal import curves
from focal.figures import gradient_figure
from focal.figures.walkthrough import gradient_ratio_figure
from focal.ui.controls import render
from focal.ui.display import number
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted, row
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.shared import CHART, Shared
from focal.ui.walkthrough import (
    NAIVE_CHAIN_RULE,
    NAIVE_CHAIN_RULE_NARROW,
    NAN_DEMO_LOGITS,
    gradient_text,
    naive_gradient_table,
    ratio_peak_text,
)

through_entry()  # first: run inside app.py (focal/ui/routing.py)

now = Shared.now()
alpha = now.alpha
alpha_text = f"{alpha:g}" if alpha is not None else ""

st.title(now.text["gradients.title"])
if not now.present:
    now.later(st.write, now.text["gradients.intro"])

# FL*'s own parameters (Appendix A), above the chart they change; on a phone
# under it, side by side, short labels
chart_slot = st.container() if now.phone else st
star_gamma_column, star_beta_column = row(st, 2, now.phone)
gamma_star = float(
    render(BY_KEY["gamma_star"], now.text, star_gamma_column, compact=now.phone)
)
beta = float(render(BY_KEY["beta_star"], now.text, star_beta_column, compact=now.phone))

x = focal.logit(now.p)
grads = curves.gradient_curves(
    now.y, now.gamma, alpha, gamma_star=gamma_star, beta=beta
)
fl_label = now.text[
    "gradients.fl" if alpha is None else "gradients.fl_balanced"
].format(gamma=f"{now.gamma:g}", alpha=alpha_text)
fl_star_label = now.text["gradients.fl_star"].format(
    gamma_star=f"{gamma_star:g}", beta=f"{beta:g}"
)
at_point = {
    "ce": focal.grad_cross_entropy(x, now.y),
    "fl": focal.grad_focal_loss(x, now.y, now.gamma, alpha),
    "fl_star": focal.grad_focal_loss_star(x, now.y, gamma_star, beta),
}
plot(
    chart_slot,
    now.text,
    "gradients",
    fitted(
        gradient_figure(
            grads.x,
            {"ce": grads.ce, "fl": grads.fl, "fl_star": grads.fl_star},
            x,
            at_point,
            labels={
                "title": now.text["gradients.chart_title"].format(y=now.y),
                "x": now.text["gradients.x"],
                "y": now.text["gradients.y"],
                "ce": now.text["gradients.ce"],
                "fl": fl_label,
                "fl_star": fl_star_label,
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="gradient_chart",
    **CHART,
)
st.write(now.text["gradients.point"].format(x=number(x)))
# on a phone one row that wraps: columns would cut the long numbers short
left, middle, right = row(st, 3, now.phone)
left.metric(now.text["gradients.ce"], number(at_point["ce"]))
middle.metric(fl_label, number(at_point["fl"]))
right.metric(fl_star_label, number(at_point["fl_star"]))
if not now.present:
    st.info(now.text["gradients.prior"].format(bias=number(focal.prior_bias(0.01))))
now.later.draw()

# How much of the CE gradient focal loss keeps: a phone draws the chart first
st.header(now.text["gradients.ratio_header"], divider="gray")
if now.phone:
    ratio_column, explain_column = st.container(), st.container()
else:
    explain_column, ratio_column = st.columns([2, 3], gap="large")
now.later(explain_column.write, now.text["gradients.ratio_explain"])
ratio_here = focal.focal_gradient_ratio(x, now.y, now.gamma, alpha)
ratio_name = now.text[
    "gradients.ratio_line" if alpha is None else "gradients.ratio_line_alpha"
].format(gamma=f"{now.gamma:g}", alpha=alpha_text)
explain_column.metric(now.text["gradients.ratio_metric"], number(ratio_here))
explain_column.caption(ratio_peak_text(now.gamma, now.text))
now.later.draw()
plot(
    ratio_column,
    now.text,
    "gradients_ratio",
    fitted(
        gradient_ratio_figure(
            grads.x,
            grads.ratio,
            x,
            ratio_here,
            labels={
                "title": now.text["gradients.ratio_title"].format(y=now.y),
                "x": now.text["gradients.x"],
                "y": now.text["gradients.ratio_y"],
                "ratio": ratio_name,
                "ce": now.text["gradients.ratio_ce"],
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="gradient_ratio_chart",
    **CHART,
)

# Autograd through (1 - p_t)^γ: 0 · ∞ = NaN for 0 < γ < 1
st.header(now.text["gradients.nan_header"], divider="gray")
st.write(now.text["gradients.nan_explain"])
st.latex(NAIVE_CHAIN_RULE_NARROW if now.phone else NAIVE_CHAIN_RULE)
demo_x, demo_gamma = 40.0, 0.5
analytic_column, naive_column = row(st, 2, now.phone)
analytic_column.metric(
    now.text["gradients.nan_demo_analytic"],
    gradient_text(focal.grad_focal_loss(demo_x, 1, demo_gamma)),
)
naive_column.metric(
    now.text["gradients.nan_demo_naive"],
    gradient_text(focal.grad_focal_loss_autograd_naive(demo_x, 1, demo_gamma)),
)
alpha_note = (
    now.text["table.alpha_note"].format(alpha=alpha_text) if alpha is not None else ""
)
st.caption(
    now.text["gradients.nan_table"].format(gamma=f"{now.gamma:g}", alpha=alpha_note)
)
st.markdown(
    naive_gradient_table(
        NAN_DEMO_LOGITS,
        focal.grad_focal_loss(NAN_DEMO_LOGITS, 1, now.gamma, alpha),
        focal.grad_focal_loss_autograd_naive(NAN_DEMO_LOGITS, 1, now.gamma, alpha),
        now.text,
    )
)
if not 0.0 < now.gamma < 1.0:
    st.caption(now.text["gradients.nan_fine"].format(gamma=f"{now.gamma:g}"))
