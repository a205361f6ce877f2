"""Walkthrough: the document's argument in six steps, one screen each."""

import streamlit as st

import focal
from focal import curves
from focal.figures import family_figure, loss_figure
from focal.figures.walkthrough import lines_figure, share_figure
from focal.ui.controls import render, value
from focal.ui.display import number, times
from focal.ui.latex import focal_formula
from focal.ui.params import BY_KEY
from focal.ui.phone import Later, fitted
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.screen import Screen, current
from focal.ui.strings import strings
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

text = strings(str(value("lang")))
screen = current()
present = screen is Screen.PROJECTOR
phone = screen is Screen.PHONE
later = Later(phone)  # on a phone: after the step's chart and words
y = int(value("y"))
p = float(value("p"))
gamma = float(value("gamma"))
alpha_slider = float(value("alpha"))
alpha = alpha_slider if value("balance") else None
chart = {"width": "stretch", "theme": None, "config": {"displaylogo": False}}
STEPS = BY_KEY["step"].options


def go_to(step: str) -> None:
    """Previous/next: move the bound step widget, and with it the URL."""
    st.session_state["step"] = step


if not present:
    st.title(text["walkthrough.title"])
    later(st.caption, text["walkthrough.intro"])

# Where we are: the step titles, previous/next (also PageUp/PageDown, the keys a
# presentation remote sends) and progress. On a projector: one compact row. On a
# phone: the step numbers, then previous and next side by side.
if present:
    back, steps_column, forward = st.columns([2, 3, 2], vertical_alignment="bottom")
    step_key = str(render(BY_KEY["step"], text, steps_column, compact=True))
elif phone:
    step_key = str(
        render(BY_KEY["step"], text, compact=True, label_visibility="collapsed")
    )
    back = forward = st.container(horizontal=True)
else:
    step_key = str(render(BY_KEY["step"], text))
    back, progress, forward = st.columns([2, 5, 2], vertical_alignment="center")
index = STEPS.index(step_key)
step = index + 1
back.button(
    text["walkthrough.previous"],
    key="walkthrough_previous",
    icon=":material/arrow_back:",
    on_click=go_to,
    args=(STEPS[max(index - 1, 0)],),
    disabled=index == 0,
    width="stretch",
    shortcut="PageUp",
)
forward.button(
    text["walkthrough.next"],
    key="walkthrough_next",
    icon=":material/arrow_forward:",
    icon_position="right",
    on_click=go_to,
    args=(STEPS[min(index + 1, len(STEPS) - 1)],),
    disabled=index == len(STEPS) - 1,
    width="stretch",
    shortcut="PageDown",
)
if screen is Screen.LAPTOP:
    progress.progress(
        step / len(STEPS),
        text=text["walkthrough.progress"].format(step=step, total=len(STEPS)),
    )

if present:
    st.subheader(text[f"walkthrough.s{step}.title"])
else:
    st.header(text[f"walkthrough.s{step}.title"], divider="gray")
# Beside the chart: its formula and explanation, then what moves it (``near``:
# the step's own control, its numbers). A phone stacks them: the chart, what
# moves it, then the words.
if phone:
    figure, near, words = st.container(), st.container(), st.container()
else:
    words, figure = st.columns([2, 3], gap="large")
    near = words
words.latex(STEP_FORMULAS[step])
if present:
    words.expander(text["walkthrough.explain_label"]).write(
        text[f"walkthrough.s{step}.explain"]
    )
else:
    words.write(text[f"walkthrough.s{step}.explain"])

point_p_t = focal.p_t(p, y)

if step == 1:
    size = int(render(BY_KEY["wt_size"], text, near))
    example = yolo_v3_example(size, gamma, alpha)
    words.latex(yolo_formula(focal.YOLO_V3_ANCHORS, example.sides, example.predictions))
    words.caption(
        text["walkthrough.s1.setting"].format(
            objects=f"{example.objects:g}",
            p_object=f"{example.p_object:g}",
            total=f"{example.predictions:,.0f}",
            background=f"{example.background:,.0f}",
            p_background=f"{example.p_background:g}",
        )
    )
    words.caption(text["imbalance.yolo_note"])  # YOLO v3's own finding
    first, second = near.columns(2)
    first.metric(text["walkthrough.s1.predictions"], f"{example.predictions:,.0f}")
    second.metric(
        text["walkthrough.s1.per_object"], times(example.background_per_object)
    )
    first.metric(text["walkthrough.s1.share_ce"], share_percent(example.share_ce))
    second.metric(text["walkthrough.s1.share_fl"], share_percent(example.share_fl))
    fl_key = "walkthrough.s1.bar_fl" if alpha is None else "walkthrough.s1.bar_fl_alpha"
    alpha_text = f"{alpha:g}" if alpha is not None else ""
    plot(
        figure,
        text,
        "wt_background",
        fitted(
            share_figure(
                {"ce": example.share_ce, "fl": example.share_fl},
                labels={
                    "title": text["walkthrough.s1.chart_title"],
                    "y": text["walkthrough.s1.chart_y"],
                    "ce": text["walkthrough.s1.bar_ce"],
                    "fl": text[fl_key].format(gamma=f"{gamma:g}", alpha=alpha_text),
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )

elif step == 2:
    grid = curves.probability_grid()
    current = "ce_y1" if y == 1 else "ce_y0"
    ce = focal.cross_entropy(p, y)
    near.metric(text["walkthrough.s2.metric"], number(ce))
    plot(
        figure,
        text,
        "wt_ce_by_label",
        fitted(
            lines_figure(
                {
                    "ce_y1": (grid, focal.cross_entropy(grid, 1)),
                    "ce_y0": (grid, focal.cross_entropy(grid, 0)),
                },
                p,
                {current: ce},
                x_name="p",
                labels={
                    "title": text["walkthrough.s2.chart_title"],
                    "x": text["curves.x_p"],
                    "y": text["curves.y"],
                    "ce_y1": text["walkthrough.s2.ce_y1"],
                    "ce_y0": text["walkthrough.s2.ce_y0"],
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )

elif step == 3:
    p_t_curves = curves.loss_curves(1, 0.0)  # for y = 1, p is p_t
    ce = focal.cross_entropy(p, y)
    first, second = near.columns(2)
    first.metric(text["numbers.p_t"], number(point_p_t))
    second.metric(text["numbers.ce"], number(ce))
    plot(
        figure,
        text,
        "wt_ce_p_t",
        fitted(
            lines_figure(
                {"ce": (p_t_curves.p_t, p_t_curves.ce)},
                point_p_t,
                {"ce": ce},
                x_name="p_t",
                labels={
                    "title": text["walkthrough.s3.chart_title"],
                    "x": text["curves.x_p_t"],
                    "y": text["curves.y"],
                    "ce": text["walkthrough.s3.ce"],
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )

elif step == 4:
    p_t_curves = curves.loss_curves(1, 0.0, alpha_slider)  # for y = 1, p is p_t
    negatives = curves.loss_curves(0, 0.0, alpha_slider)
    first, second = near.columns(2)
    first.metric(
        text["walkthrough.s4.alpha_object"], number(focal.alpha_t(alpha_slider, 1))
    )
    second.metric(
        text["walkthrough.s4.alpha_background"], number(focal.alpha_t(alpha_slider, 0))
    )
    if alpha is None:
        words.caption(text["walkthrough.alpha_note"])
    words.warning(text["walkthrough.s4.warning"], icon=":material/warning:")
    plot(
        figure,
        text,
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
                    "alpha_y1" if y == 1 else "alpha_y0": focal.focal_loss(
                        p, y, 0.0, alpha_slider
                    )
                },
                x_name="p_t",
                labels={
                    "title": text["walkthrough.s4.chart_title"].format(
                        alpha=f"{alpha_slider:g}"
                    ),
                    "x": text["curves.x_p_t"],
                    "y": text["curves.y"],
                    "ce": text["walkthrough.s4.ce"],
                    "alpha_y1": text["walkthrough.s4.alpha_y1"],
                    "alpha_y0": text["walkthrough.s4.alpha_y0"],
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )
    figure.caption(text["walkthrough.s4.table"])
    figure.markdown(best_alpha_table(PAPER_BEST_ALPHA, gamma, text))

elif step == 5:
    (_, easy_p), (_, hard_p) = focal.DOCUMENT_EXAMPLES[:2]
    ratio = focal.hard_easy_ratio(hard_p, easy_p, 1, gamma)
    ratios, amplification = near.columns(2)
    ratios.metric(text["ratio.ce"], times(ratio.ce_ratio))
    ratios.metric(text["ratio.fl"], times(ratio.fl_ratio))
    amplification.metric(text["ratio.amplification"], times(ratio.amplification, "×"))
    words.caption(text["walkthrough.s5.ratio_note"])
    FIGURE1_POINTS = 201
    p_t_grid = curves.probability_grid(FIGURE1_POINTS)
    frame_gammas = curves.gamma_grid()
    plot(
        figure,
        text,
        "family",
        fitted(
            family_figure(
                p_t_grid,
                curves.FIGURE1_GAMMAS,
                curves.focal_family(curves.FIGURE1_GAMMAS, FIGURE1_POINTS),
                gamma,
                curves.focal_family((gamma,), FIGURE1_POINTS)[0],
                (frame_gammas, curves.focal_family(frame_gammas, FIGURE1_POINTS)),
                labels={
                    "title": "",  # the step's header names it
                    "x": text["family.x"],
                    "y": text["family.y"],
                    "gamma": text["family.gamma"],
                    "current": text["family.current"],
                    "play": text["family.play"],
                    "pause": text["family.pause"],
                    "well_classified": text["curves.well_classified"],
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )
    st.caption(text["table.explain"].format(alpha=""))
    row = focal.table_row(p, y, gamma)
    # a phone gets one column per example: narrow tables, not a dozen columns
    st.markdown(markdown_table(focal.document_table(gamma), row, text, transpose=phone))
    st.caption(table_note(gamma, text))

else:
    row = focal.table_row(p, y, gamma, alpha_slider)
    words.latex(FULL_FL_BY_LABEL)
    words.caption(text["walkthrough.s6.substituted"])
    words.latex(focal_formula(row))
    if alpha is None:
        words.caption(text["walkthrough.alpha_note"])
    alpha_text = f"{alpha_slider:g}"
    plot(
        figure,
        text,
        "loss",
        fitted(
            loss_figure(
                curves.loss_curves(y, gamma, alpha_slider),
                {
                    "x": p,
                    "ce": row.ce,
                    "fl": row.fl_alpha,
                    "ce_balanced": focal.focal_loss(p, y, 0.0, alpha_slider),
                },
                y=y,
                axis="p",
                log=False,
                labels={
                    "title": text["curves.title"].format(y=y),
                    "x_p": text["curves.x_p"],
                    "x_p_t": text["curves.x_p_t"],
                    "y": text["curves.y"],
                    "ce": text["curves.ce"],
                    "fl": text["curves.fl_balanced"].format(
                        gamma=f"{gamma:g}", alpha=alpha_text
                    ),
                    "ce_balanced": text["curves.ce_balanced"].format(alpha=alpha_text),
                    "well_classified": text["curves.well_classified"],
                },
                presenter=present,
            ),
            phone,
        ),
        key="walkthrough_chart",
        **chart,
    )

near.info(
    text["walkthrough.try"].format(hint=text[f"walkthrough.s{step}.try"]),
    icon=":material/lightbulb:",
)
later.draw()
