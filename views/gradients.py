"""Gradients: dCE/dx, dFL/dx and dFL*/dx against x_t (the paper's Figure 6)."""

import streamlit as st

import focal
from focal import curves
from focal.figures import gradient_figure
from focal.ui.controls import value
from focal.ui.display import number
from focal.ui.strings import strings

text = strings(str(value("lang")))
present = bool(value("present"))
y = int(value("y"))
p = float(value("p"))
gamma = float(value("gamma"))
alpha = float(value("alpha")) if value("balance") else None

st.title(text["gradients.title"])
st.write(text["gradients.intro"])

x = focal.logit(p)
gamma_star, beta = curves.FL_STAR_SETTING
grads = curves.gradient_curves(y, gamma, alpha)
fl_label = text["gradients.fl" if alpha is None else "gradients.fl_balanced"].format(
    gamma=f"{gamma:g}", alpha=f"{alpha:g}" if alpha is not None else ""
)
at_point = {
    "ce": focal.grad_cross_entropy(x, y),
    "fl": focal.grad_focal_loss(x, y, gamma, alpha),
    "fl_star": focal.grad_focal_loss_star(x, y, gamma_star, beta),
}
st.plotly_chart(
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
            "fl_star": text["gradients.fl_star"],
        },
        presenter=present,
    ),
    key="gradient_chart",
    width="stretch",
    theme=None,
    config={"displaylogo": False},
)
st.write(text["gradients.point"].format(x=number(x)))
left, middle, right = st.columns(3)
left.metric(text["gradients.ce"], number(at_point["ce"]))
middle.metric(fl_label, number(at_point["fl"]))
right.metric(text["gradients.fl_star"], number(at_point["fl_star"]))
st.info(text["gradients.prior"].format(bias=number(focal.prior_bias(0.01))))
