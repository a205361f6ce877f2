"""Figures of the Imbalance page: who makes the loss, and the paper's Figure 4."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from focal.figures import COLORS, Look, _figure, _layout, _line

#: One colour per group of :data:`focal.imbalance.GROUPS`; easy negatives are
#: the grey crowd.
GROUP_COLORS: tuple[str, str, str] = ("#2a9d8f", "#e9a23b", "#9aa5b1")

#: Thin reference curves of Figure 4, by position: light (γ = 0) to dark (γ = 2).
FIGURE4_COLORS: tuple[str, ...] = ("#9ecae1", "#4292c6", "#2166ac", "#08306b")


def share_figure(
    shares: np.ndarray,
    totals: np.ndarray,
    per_positive: np.ndarray,
    *,
    bars: Sequence[str],
    groups: Sequence[str],
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Stacked bars, one per loss: each group's share of that loss's total.

    Parameters
    ----------
    shares, totals, per_positive : ndarray, shape (len(bars), len(groups))
        The groups' shares of each loss (rows add up to 1), their sums, and
        their sums divided by the number of positives
        (:class:`focal.GroupLosses`).
    bars : sequence of str
        Name of each loss (row), shown under its bar.
    groups : sequence of str
        Name of each group (column); the first is drawn on top.
    labels : mapping of str to str
        Texts: ``title``, ``y``, ``total``, ``per_positive``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One bar trace per group, the last group first (at the bottom), each
        with ``customdata`` = (total, per positive) for the hover.
    """
    look = Look.of(presenter)
    names = list(bars)
    data = []
    for g in reversed(range(len(groups))):
        hover = (
            f"<b>{groups[g]}</b> · %{{x}}<br>%{{y:.2%}}<br>"
            f"{labels['total']}: %{{customdata[0]:.4g}}<br>"
            f"{labels['per_positive']}: %{{customdata[1]:.4g}}<extra></extra>"
        )
        data.append(
            {
                "type": "bar",
                "x": names,
                "y": np.asarray(shares[:, g], dtype=np.float64),
                "name": groups[g],
                "marker": {"color": GROUP_COLORS[g], "line": {"width": 0}},
                "customdata": np.column_stack([totals[:, g], per_positive[:, g]]),
                "hovertemplate": hover,
                "texttemplate": "%{y:.1%}",
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textfont": {"size": look.font, "color": "white"},
            }
        )
    layout = _layout(look, labels["title"], "", labels["y"])
    layout["barmode"] = "stack"
    layout["bargap"] = 0.35
    layout["hovermode"] = "closest"
    # a segment too thin for its label shows none rather than a smaller font
    layout["uniformtext"] = {"mode": "hide", "minsize": look.font - 2}
    layout["yaxis"].update(range=[0.0, 1.0], tickformat=".0%")
    layout["legend"]["traceorder"] = "reversed"
    return _figure(data, layout)


def cumulative_figure(
    fraction: np.ndarray,
    curves: np.ndarray,
    gammas: Sequence[float],
    gamma: float,
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """The paper's Figure 4 for one class: cumulative normalised loss.

    Parameters
    ----------
    fraction : ndarray, shape (m,)
        Fraction of the class's examples, from 0 to 1.
    curves : ndarray, shape (len(gammas), m)
        Cumulative normalised loss for each γ (:class:`focal.CumulativeLoss`).
    gammas : sequence of float
        The γ of each curve.
    gamma : float
        The current γ: its curve is drawn bold, in FL's colour.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``gamma`` and ``current`` (format
        strings with ``{gamma}``).
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line per γ, in the order of ``gammas``.
    """
    look = Look.of(presenter)
    data = []
    for index, (g, values) in enumerate(zip(gammas, curves, strict=True)):
        current = g == gamma
        name = labels["current" if current else "gamma"].format(gamma=f"{g:g}")
        thin = FIGURE4_COLORS[index] if index < len(FIGURE4_COLORS) else None
        color = COLORS["fl"] if current else thin or COLORS["family"]
        hover = f"{name}<br>%{{x:.4f}}: %{{y:.4f}}<extra></extra>"
        trace = _line(
            fraction, values, name, color, look.bold if current else look.line, hover
        )
        data.append(trace)
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    layout["xaxis"]["range"] = [0.0, 1.0]
    layout["yaxis"]["range"] = [0.0, 1.0]
    # the legend goes inside, top left, where every curve is still near 0
    layout["legend"].update(
        orientation="v", x=0.02, xanchor="left", y=0.98, yanchor="top"
    )
    layout["legend"]["bgcolor"] = "rgba(255, 255, 255, 0.8)"
    return _figure(data, layout)
