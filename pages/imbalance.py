"""Imbalance: the loss of one image by group under CE, α-balanced CE and FL."""

import streamlit as st

from focal.figures.imbalance import cumulative_figure, share_figure
from focal.imbalance import EASY_NEGATIVES, GROUPS, LOSSES
from focal.ui.controls import render
from focal.ui.display import number
from focal.ui.imbalance import (
    count,
    follow_preset,
    per_positive_table,
    percent,
    results,
)
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted, row
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.shared import CHART, Shared

through_entry()  # first: run inside app.py (focal/ui/routing.py)

now = Shared.now()
alpha = now.alpha_slider
balance = now.alpha is not None

if not now.present:
    st.title(now.text["imbalance.title"])
    now.later(st.write, now.text["imbalance.intro"])
    now.later(st.caption, now.text["imbalance.yolo_note"])
headline = st.container()

# A phone draws the first chart here, over the controls that move it
if now.phone:
    st.header(now.text["imbalance.shares.header"], divider="gray")
    bars_column = st.container()

# The population: a detector's preset, then its spread, seed and counts
controls = st.container(border=True)
if now.present:  # one row, short labels: the charts stay on the projector
    cells = controls.columns([2.4, 2, 1.4, 2, 2, 2.4], gap="small")
elif now.phone:  # short labels, side by side as far as they fit
    cells = row(controls, 6, now.phone)
else:
    top, middle = controls.columns([3, 2, 2]), controls.columns(3)
    cells = [top[0], top[1], top[2], *middle]
keys = ("imb_preset", "imb_spread", "imb_seed", "imb_positives", "imb_hard", "imb_easy")
shown = {}
for key, cell in zip(keys, cells, strict=True):
    shown[key] = render(BY_KEY[key], now.text, cell, compact=now.present or now.phone)
    if key == "imb_preset":  # before the controls it sets
        follow_preset(str(shown[key]))
spread, seed = float(shown["imb_spread"]), int(shown["imb_seed"])
positives, hard, easy = (int(shown[k]) for k in keys[3:])
found = results(positives, hard, easy, spread, seed, now.gamma, alpha)
losses = found.losses
controls.caption(
    now.text["imbalance.total"].format(
        total=count(found.total), per_positive=count(found.per_positive)
    )
)
if not now.present:
    controls.caption(now.text["imbalance.model"])

# The headline: easy negatives' share of the loss under CE and under FL
fl_row = LOSSES.index("fl_balanced" if balance else "fl")
names = {
    row: now.text[f"imbalance.loss.{LOSSES[row]}"].format(
        gamma=f"{now.gamma:g}", alpha=f"{alpha:g}"
    )
    for row in (LOSSES.index("ce"), LOSSES.index("ce_balanced"), fl_row)
}
headline.subheader(
    now.text["imbalance.headline"].format(
        ce_share=percent(losses.shares[LOSSES.index("ce"), EASY_NEGATIVES]),
        fl_name=names[fl_row],
        fl_share=percent(losses.shares[fl_row, EASY_NEGATIVES]),
    )
)
headline.write(
    now.text["imbalance.headline_count"].format(
        count_share=percent(losses.count_shares[EASY_NEGATIVES]),
        total=count(found.total),
    )
)

# 1 · Who makes the loss: shares by group, and the loss per positive
if not now.phone:
    st.header(now.text["imbalance.shares.header"], divider="gray")
if not now.present:
    now.later(st.write, now.text["imbalance.shares.explain"].format(alpha=f"{alpha:g}"))
rows = list(names)
groups = [now.text[f"imbalance.group.{group}"] for group in GROUPS]
if now.phone:
    numbers_column = st.container()
else:
    bars_column, numbers_column = st.columns([3, 1])
plot(
    bars_column,
    now.text,
    "imbalance_shares",
    fitted(
        share_figure(
            losses.shares[rows],
            losses.totals[rows],
            losses.per_positive[rows],
            bars=list(names.values()),
            groups=groups,
            labels={
                "title": now.text["imbalance.shares.title"],
                "y": now.text["imbalance.shares.y"],
                "total": now.text["imbalance.shares.total"],
                "per_positive": now.text["imbalance.shares.per_positive"],
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="imbalance_shares",
    **CHART,
)
numbers_column.subheader(now.text["imbalance.table.header"])
# on a phone the three numbers side by side, as far as they fit
metrics = numbers_column.container(horizontal=True) if now.phone else numbers_column
for loss in rows:
    metrics.metric(names[loss], number(losses.image_loss[loss], 4))
numbers_column.caption(now.text["imbalance.table.explain"].format(positives=positives))
# a phone gets one column per loss: four narrow columns, not five wide ones
st.markdown(per_positive_table(losses, names, now.text, transpose=now.phone))
now.later.draw()

# 2 · The paper's Figure 4: cumulative normalised loss of each class
st.header(now.text["imbalance.figure4.header"], divider="gray")
if not now.present:
    now.later(st.write, now.text["imbalance.figure4.explain"])
figure4 = found.figure4
curve_labels = {
    "y": now.text["imbalance.figure4.y"],
    "gamma": now.text["imbalance.figure4.gamma"],
    "current": now.text["imbalance.figure4.current"],
}
positives_column, negatives_column = st.columns(2)
for column, fraction, curves, kind in (
    (positives_column, figure4.fraction_positives, figure4.positives, "positives"),
    (negatives_column, figure4.fraction_negatives, figure4.negatives, "negatives"),
):
    if fraction.size == 0:
        column.info(now.text["imbalance.figure4.empty"])
        continue
    plot(
        column,
        now.text,
        "imbalance_figure4",
        fitted(
            cumulative_figure(
                fraction,
                curves,
                figure4.gamma,
                now.gamma,
                labels={
                    **curve_labels,
                    "title": now.text[f"imbalance.figure4.{kind}"],
                    "x": now.text[f"imbalance.figure4.x_{kind}"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key=f"imbalance_figure4_{kind}",
        **CHART,
    )
now.later.draw()
