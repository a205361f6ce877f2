"""Streamlit helpers of the Imbalance page: presets, cached results, display."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from focal.imbalance import (
    FIGURE4_GAMMAS,
    GROUPS,
    PRESET_BY_NAME,
    CumulativeLoss,
    GroupLosses,
    Population,
    cumulative_loss,
    draw_population,
    loss_by_group,
)
from focal.ui.display import number
from focal.ui.params import BY_KEY

#: The page's controls that a preset sets, with the preset's attribute for each.
PRESET_KEYS: dict[str, str] = {
    "imb_positives": "positives",
    "imb_hard": "hard_negatives",
    "imb_easy": "easy_negatives",
    "imb_spread": "spread",
}
#: Session key: the preset the counts last followed.
_APPLIED = "_imb_preset_applied"


def follow_preset(name: str) -> None:
    """Give the counts and the spread the values of preset ``name`` when it
    was just chosen.

    Call it after drawing the preset's widget and before the others. A
    control also takes the preset's value when it has none yet and the link
    does not set it, so ``?imb_preset=retinanet`` opens RetinaNet's counts.
    """
    preset = PRESET_BY_NAME[name]
    chosen = st.session_state.get(_APPLIED, name) != name
    for key, attribute in PRESET_KEYS.items():
        raw = st.query_params.get(key)
        from_link = raw is not None and BY_KEY[key].parse(raw) is not None
        if chosen or (key not in st.session_state and not from_link):
            st.session_state[key] = float(getattr(preset, attribute))
    st.session_state[_APPLIED] = name


@st.cache_data(max_entries=8, show_spinner=False)
def population(
    positives: int, hard: int, easy: int, spread: float, seed: int
) -> Population:
    """:func:`focal.draw_population`, cached by its arguments."""
    return draw_population(positives, hard, easy, spread, seed)


@dataclass(frozen=True)
class Results:
    """What the page shows for one population, γ and α."""

    losses: GroupLosses
    figure4: CumulativeLoss
    total: int
    per_positive: int  # predictions per positive, rounded


@st.cache_data(max_entries=32, show_spinner=False)
def results(
    positives: int,
    hard: int,
    easy: int,
    spread: float,
    seed: int,
    gamma: float,
    alpha: float,
) -> Results:
    """Group losses and Figure 4's curves (its γ and the current one), cached."""
    drawn = population(positives, hard, easy, spread, seed)
    gammas = FIGURE4_GAMMAS if gamma in FIGURE4_GAMMAS else (*FIGURE4_GAMMAS, gamma)
    return Results(
        losses=loss_by_group(drawn.x, drawn.y, drawn.group, gamma, alpha),
        figure4=cumulative_loss(drawn.x, drawn.y, gammas),
        total=drawn.x.size,
        per_positive=round(drawn.x.size / positives),
    )


def percent(share: float) -> str:
    """A share as a percentage: "87%", "6.9%", "0.31%"; never "100%" below 1.

    Parameters
    ----------
    share : float
        The share, in [0, 1]; NaN reads "—".

    Returns
    -------
    str
        Two significant digits below 10%, whole percents above (with more
        digits where rounding would show 100% for less than all of it).
    """
    if not math.isfinite(share):
        return "—"
    value = 100.0 * share
    if value == 0.0 or share == 1.0:
        return f"{value:.0f}%"
    if value >= 10.0:
        decimals = 0
        while decimals < 6 and float(f"{value:.{decimals}f}") >= 100.0:
            decimals += 1
        return f"{value:.{decimals}f}%"
    return number(float(f"{value:.2g}"), 2) + "%"


def count(value: int) -> str:
    """An integer with thousands separated: "10,647"."""
    return f"{value:,}"


def per_positive_table(
    losses: GroupLosses,
    rows: Mapping[int, str],
    text: Mapping[str, str],
    transpose: bool = False,
) -> str:
    """Markdown table: the loss per positive of each group and of the image.

    Parameters
    ----------
    losses : GroupLosses
        The numbers.
    rows : mapping of int to str
        Row of ``losses`` (index into :data:`focal.imbalance.LOSSES`) to its name.
    text : mapping of str to str
        The string table.
    transpose : bool, default False
        One column per loss and one row per group, the image last: narrow
        enough for a phone, where a loss's long name wraps in its header.
    """
    header = [
        text["imbalance.table.loss"],
        *(text[f"imbalance.group.{group}"] for group in GROUPS),
        text["imbalance.table.all"],
    ]
    grid = [header]
    for row, name in rows.items():
        cells = [number(value, 4) for value in losses.per_positive[row]]
        cells.append(f"**{number(losses.image_loss[row], 4)}**")
        grid.append([name, *cells])
    if transpose:
        grid = [list(line) for line in zip(*grid, strict=True)]
    lines = [
        "| " + " | ".join(grid[0]) + " |",
        "|:--" + "|--:" * (len(grid[0]) - 1) + "|",
    ]
    lines += ["| " + " | ".join(line) + " |" for line in grid[1:]]
    return "\n".join(lines)
