"""Walkthrough: the document's argument in six steps, one screen each."""

import streamlit as st

import focal
from focal import curves
from focal.figures import loss_figure
from focal.figures.walkthrough import lines_figure, share_figure
from focal.ui.charts import figure_1, figure_1_sweep
from focal.ui.controls import render
from focal.ui.display import number, times
from focal.ui.latex import focal_formula
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.screen import Screen, current
from focal.ui.shared import CHART, Shared
from focal.ui.tables import markdown_table, table_note
from focal.ui.walkthrough import (
    FULL_FL_BY_LABEL,
    STEP_FORMULAS,
    best_alpha_table,
    share_percent,
    yolo_formula,
)
from focal.walkthrough import PAPER_BEST_ALPHA, yolo_v3_example

through_entry()  # first: run inside app.py (focal/ui/routing.py)

now = Shared.now()
alpha_slider = now.alpha_slider
alpha = now.alpha
STEPS = BY_KEY["step"].options


def go_to(step: str) -> None:
    """Previous/next: move the bound step widget, and with it the URL."""
    st.session_state["step"] = step


if not now.present:
    st.title(now.text["walkthrough.title"])
    now.later(st.caption, now.text["walkthrough.intro"])

# Where we are: the step titles, previous/next (also PageUp/PageDown, the keys a
# presentation remote sends) and progress. On a projector: one compact row. On a
# phone: the step numbers, then previous and next side by side.
if now.present:
    back, steps_column, forward = st.columns([2, 3, 2], vertical_alignment="bottom")
    step_key = str(render(BY_KEY["step"], now.text, steps_column, compact=True))
elif now.phone:
    step_key = str(
        render(BY_KEY["step"], now.text, compact=True, label_visibility="collapsed")
    )
    back = forward = st.container(horizontal=True)
else:
    step_key = str(render(BY_KEY["step"], now.text))
    back, progress, forward = st.columns([2, 5, 2], vertical_alignment="center")
index = STEPS.index(step_key)
step = index + 1
back.button(
    now.text["walkthrough.previous"],
    key="walkthrough_previous",
    icon=":material/arrow_back:",
    on_click=go_to,
    args=(STEPS[max(index - 1, 0)],),
    disabled=index == 0,
    width="stretch",
    shortcut="PageUp",
)
forward.button(
    now.text["walkthrough.next"],
    key="walkthrough_next",
    icon=":material/arrow_forward:",
    icon_position="right",
    on_click=go_to,
    args=(STEPS[min(index + 1, len(STEPS) - 1)],),
    disabled=index == len(STEPS) - 1,
    width="stretch",
    shortcut="PageDown",
)
if now.screen is Screen.LAPTOP:
    progress.progress(
        step / len(STEPS),
        text=now.text["walkthrough.progress"].format(step=step, total=len(STEPS)),
    )

if now.present:
    st.subheader(now.text[f"walkthrough.s{step}.title"])
else:
    st.header(now.text[f"walkthrough.s{step}.title"], divider="gray")
# Beside the chart: its formula and explanation, then what moves it (``near``:
# the step's own control, its numbers). A phone stacks them: the chart, what
# moves it, then the words.
if now.phone:
    figure, near, words = st.container(), st.container(), st.container()
else:
    words, figure = st.columns([2, 3], gap="large")
    near = words
words.latex(STEP_FORMULAS[step])
if now.present:
    words.expander(now.text["walkthrough.explain_label"]).write(
        now.text[f"walkthrough.s{step}.explain"]
    )
else:
    words.write(now.text[f"walkthrough.s{step}.explain"])

point_p_t = focal.p_t(now.p, now.y)

if step == 1:
    size = int(render(BY_KEY["wt_size"], now.text, near))
    example = yolo_v3_example(size, now.gamma, alpha)
    words.latex(yolo_formula(focal.YOLO_V3_ANCHORS, example.sides, example.predictions))
    words.caption(
        now.text["walkthrough.s1.setting"].format(
            objects=f"{example.objects:g}",
            p_object=f"{example.p_object:g}",
            total=f"{example.predictions:,.0f}",
            background=f"{example.background:,.0f}",
            p_background=f"{example.p_background:g}",
        )
    )
    words.caption(now.text["imbalance.yolo_note"])  # YOLO v3's own finding
    first, second = near.columns(2)
    first.metric(now.text["walkthrough.s1.predictions"], f"{example.predictions:,.0f}")
    second.metric(
        now.text["walkthrough.s1.per_object"], times(example.background_per_object)
    )
    first.metric(now.text["walkthrough.s1.share_ce"], share_percent(example.share_ce))
    second.metric(now.text["walkthrough.s1.share_fl"], share_percent(example.share_fl))
    fl_key = "walkthrough.s1.bar_fl" if alpha is None else "walkthrough.s1.bar_fl_alpha"
    alpha_text = f"{alpha:g}" if alpha is not None else ""
    plot(
        figure,
        now.text,
        "wt_background",
        fitted(
            share_figure(
                {"ce": example.share_ce, "fl": example.share_fl},
                labels={
                    "title": now.text["walkthrough.s1.chart_title"],
                    "y": now.text["walkthrough.s1.chart_y"],
                    "ce": now.text["walkthrough.s1.bar_ce"],
                    "fl": now.text[fl_key].format(
                        gamma=f"{now.gamma:g}", alpha=alpha_text
                    ),
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key="walkthrough_chart",
        **CHART,
    )

elif step == 2:
    grid = curves.probability_grid()
    current = "ce_y1" if now.y == 1 else "ce_y0"
    ce = focal.cross_entropy(now.p, now.y)
    near.metric(now.text["walkthrough.s2.metric"], number(ce))
    plot(
        figure,
        now.text,
        "wt_ce_by_label",
        fitted(
            lines_figure(
                {
                    "ce_y1": (grid, focal.cross_entropy(grid, 1)),
                    "ce_y0": (grid, focal.cross_entropy(grid, 0)),
                },
                now.p,
                {current: ce},
                x_name="p",
                labels={
                    "title": now.text["walkthrough.s2.chart_title"],
                    "x": now.text["curves.x_p"],
                    "y": now.text["curves.y"],
                    "ce_y1": now.text["walkthrough.s2.ce_y1"],
                    "ce_y0": now.text["walkthrough.s2.ce_y0"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key="walkthrough_chart",
        **CHART,
    )

elif step == 3:
    p_t_curves = curves.loss_curves(1, 0.0)  # for y = 1, p is p_t
    ce = focal.cross_entropy(now.p, now.y)
    first, second = near.columns(2)
    first.metric(now.text["numbers.p_t"], number(point_p_t))
    second.metric(now.text["numbers.ce"], number(ce))
    plot(
        figure,
        now.text,
        "wt_ce_p_t",
        fitted(
            lines_figure(
                {"ce": (p_t_curves.p_t, p_t_curves.ce)},
                point_p_t,
                {"ce": ce},
                x_name="p_t",
                labels={
                    "title": now.text["walkthrough.s3.chart_title"],
                    "x": now.text["curves.x_p_t"],
                    "y": now.text["curves.y"],
                    "ce": now.text["walkthrough.s3.ce"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key="walkthrough_chart",
        **CHART,
    )

elif step == 4:
    p_t_curves = curves.loss_curves(1, 0.0, alpha_slider)  # for y = 1, p is p_t
    negatives = curves.loss_curves(0, 0.0, alpha_slider)
    first, second = near.columns(2)
    first.metric(
        now.text["walkthrough.s4.alpha_object"], number(focal.alpha_t(alpha_slider, 1))
    )
    second.metric(
        now.text["walkthrough.s4.alpha_background"],
        number(focal.alpha_t(alpha_slider, 0)),
    )
    if alpha is None:
        words.caption(now.text["walkthrough.alpha_note"])
    words.warning(now.text["walkthrough.s4.warning"], icon=":material/warning:")
    plot(
        figure,
        now.text,
        "wt_alpha",
        fitted(
            lines_figure(
                {
                    "ce": (p_t_curves.p_t, p_t_curves.ce),
                    "alpha_y1": (p_t_curves.p_t, p_t_curves.ce_balanced),
                    "alpha_y0": (negatives.p_t, negatives.ce_balanced),
                },
                point_p_t,
                {
                    "alpha_y1" if now.y == 1 else "alpha_y0": focal.focal_loss(
                        now.p, now.y, 0.0, alpha_slider
                    )
                },
                x_name="p_t",
                labels={
                    "title": now.text["walkthrough.s4.chart_title"].format(
                        alpha=f"{alpha_slider:g}"
                    ),
                    "x": now.text["curves.x_p_t"],
                    "y": now.text["curves.y"],
                    "ce": now.text["walkthrough.s4.ce"],
                    "alpha_y1": now.text["walkthrough.s4.alpha_y1"],
                    "alpha_y0": now.text["walkthrough.s4.alpha_y0"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key="walkthrough_chart",
        **CHART,
    )
    figure.caption(now.text["walkthrough.s4.table"])
    figure.markdown(best_alpha_table(PAPER_BEST_ALPHA, now.gamma, now.text))

elif step == 5:
    (_, easy_p), (_, hard_p) = focal.DOCUMENT_EXAMPLES[:2]
    ratio = focal.hard_easy_ratio(hard_p, easy_p, 1, now.gamma)
    ratios, amplification = near.columns(2)
    ratios.metric(now.text["ratio.ce"], times(ratio.ce_ratio))
    ratios.metric(now.text["ratio.fl"], times(ratio.fl_ratio))
    amplification.metric(
        now.text["ratio.amplification"], times(ratio.amplification, "×")
    )
    words.caption(now.text["walkthrough.s5.ratio_note"])
    # still, following γ; or the sweep's frames, which do not depend on γ: a
    # γ move then sends a reference to them, not the 51 frames again
    if render(BY_KEY["sweep"], now.text, near):
        family, about = figure_1_sweep(now.lang, now.present, False), "family_sweep"
    else:
        family, about = figure_1(now.gamma, now.lang, now.present, False), "family"
    plot(
        figure,
        now.text,
        about,
        fitted(family, now.phone),
        key="walkthrough_chart",
        **CHART,
    )
    st.caption(now.text["table.explain"].format(alpha=""))
    row = focal.table_row(now.p, now.y, now.gamma)
    # a phone gets one column per example: narrow tables, not a dozen columns
    st.markdown(
        markdown_table(
            focal.document_table(now.gamma), row, now.text, transpose=now.phone
        )
    )
    st.caption(table_note(now.gamma, now.text))

else:
    row = focal.table_row(now.p, now.y, now.gamma, alpha_slider)
    words.latex(FULL_FL_BY_LABEL)
    words.caption(now.text["walkthrough.s6.substituted"])
    words.latex(focal_formula(row))
    if alpha is None:
        words.caption(now.text["walkthrough.alpha_note"])
    alpha_text = f"{alpha_slider:g}"
    plot(
        figure,
        now.text,
        "loss",
        fitted(
            loss_figure(
                curves.loss_curves(now.y, now.gamma, alpha_slider),
                {
                    "x": now.p,
                    "ce": row.ce,
                    "fl": row.fl_alpha,
                    "ce_balanced": focal.focal_loss(now.p, now.y, 0.0, alpha_slider),
                },
                y=now.y,
                axis="p",
                log=False,
                labels={
                    "title": now.text["curves.title"].format(y=now.y),
                    "x_p": now.text["curves.x_p"],
                    "x_p_t": now.text["curves.x_p_t"],
                    "y": now.text["curves.y"],
                    "ce": now.text["curves.ce"],
                    "fl": now.text["curves.fl_balanced"].format(
                        gamma=f"{now.gamma:g}", alpha=alpha_text
                    ),
                    "ce_balanced": now.text["curves.ce_balanced"].format(
                        alpha=alpha_text
                    ),
                    "well_classified": now.text["curves.well_classified"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key="walkthrough_chart",
        **CHART,
    )

near.info(
    now.text["walkthrough.try"].format(hint=now.text[f"walkthrough.s{step}.try"]),
    icon=":material/lightbulb:",
)
now.later.draw()
