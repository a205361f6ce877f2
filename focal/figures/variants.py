"""Figures of the Variants page: every loss against ``p_t``, and the paper's Table 1."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from focal.figures import (
    COLORS,
    LINEAR_LOSS_RANGE,
    LOG_LOSS_RANGE,
    Look,
    _figure,
    _hover,
    _layout,
    _line,
    _point_marker,
    _shade,
)

#: Colour and dash of each loss; FL keeps the app's red and is drawn bold.
STYLES: dict[str, tuple[str, str]] = {
    "ce": (COLORS["ce"], "dot"),
    "fl": (COLORS["fl"], "solid"),
    "fl_star": (COLORS["fl_star"], "solid"),
    "poly1": ("#e08e0b", "solid"),
    "qfl": ("#3f9e6e", "dash"),
    "vfl": ("#1f9bb4", "dashdot"),
    "asl": ("#7a5230", "longdash"),
}

#: Colours of Table 1's three measures; AP is drawn bold.
AP_STYLES: dict[str, tuple[str, str]] = {
    "ap": (COLORS["fl"], "solid"),
    "ap50": (COLORS["ce"], "dot"),
    "ap75": (COLORS["fl_star"], "dash"),
}


def variants_figure(
    p_t: np.ndarray,
    series: Mapping[str, np.ndarray],
    point_x: float,
    point: Mapping[str, float],
    *,
    labels: Mapping[str, str],
    log: bool = False,
    presenter: bool = False,
) -> go.Figure:
    """Several losses against ``p_t``, the current point marked on each.

    Parameters
    ----------
    p_t : ndarray
        The grid of ``p_t``.
    series : mapping of str to ndarray
        Loss curves keyed by :data:`STYLES` keys, in drawing order.
    point_x : float
        ``p_t`` of the current example.
    point : mapping of str to float
        Each loss at the current example, by the keys of ``series``.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``well_classified`` and one legend name
        per key of ``series``.
    log : bool, default False
        Logarithmic loss axis.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line per series, then one marker per series. Infinite losses are
        gaps in the lines and ▲ "∞" at the top edge for the markers.
    """
    look = Look.of(presenter)
    data = []
    for key, values in series.items():
        color, dash = STYLES[key]
        width = look.bold if key == "fl" else look.line
        trace = _line(
            p_t, values, labels[key], color, width, _hover(labels[key], "p_t")
        )
        trace["line"]["dash"] = dash
        data.append(trace)
    data += [
        _point_marker(point_x, point[key], STYLES[key][0], labels[key], look, log)
        for key in series
    ]
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _shade(layout, 0.5, 1.0, labels["well_classified"], look)
    layout["legend"].update(orientation="v", yanchor="top", y=1.0, x=1.0)
    layout["xaxis"]["range"] = [0.0, 1.0]
    if log:
        layout["yaxis"].update(
            type="log", range=list(LOG_LOSS_RANGE), exponentformat="power"
        )
    else:
        # Poly-1 with α and ε < 0 can dip below 0: keep that part in view
        lowest = min(
            (float(np.nanmin(v)) for v in series.values() if np.isfinite(v).any()),
            default=0.0,
        )
        layout["yaxis"]["range"] = [min(LINEAR_LOSS_RANGE[0], 1.1 * lowest), 5.0]
    return _figure(data, layout)


def table1_figure(
    x: Sequence[float],
    series: Mapping[str, Sequence[float]],
    current: float,
    *,
    point_text: Sequence[str],
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Reported AP against one setting (α or γ), the current setting as a dashed line.

    Parameters
    ----------
    x : sequence of float
        The setting of each row (α for Table 1(a), γ for Table 1(b)).
    series : mapping of str to sequence of float
        ``ap``, ``ap50``, ``ap75`` as reported, one value per row.
    current : float
        The current α or γ, drawn as a vertical dashed line.
    point_text : sequence of str
        A label beside each point of the AP line (its value, or the best α).
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``current``, ``source`` and one legend
        name per key of ``series``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line with markers per measure, in the order of ``series``.
    """
    look = Look.of(presenter)
    data = []
    for key, values in series.items():
        color, dash = AP_STYLES[key]
        trace = _line(
            x,
            np.asarray(values, dtype=np.float64),
            labels[key],
            color,
            look.bold if key == "ap" else look.line,
            _hover(labels[key], labels["x_name"], ".3g"),
        )
        trace["mode"] = "lines+markers"
        trace["line"]["dash"] = dash
        trace["marker"] = {"size": look.marker - 3, "color": color}
        if key == "ap":
            trace["mode"] = "lines+markers+text"
            trace["text"] = list(point_text)
            trace["textposition"] = "top center"
            trace["textfont"] = {"size": look.font - 3, "color": color}
            trace["cliponaxis"] = False
        data.append(trace)
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    # where the numbers come from, right under the title
    layout["title"]["subtitle"] = {
        "text": labels["source"],
        "font": {"size": look.font - 2, "color": "#5b6b7b"},
    }
    layout["margin"]["t"] += look.font + 8
    layout["shapes"].append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": current,
            "x1": current,
            "y0": 0.0,
            "y1": 1.0,
            "line": {"color": COLORS["point"], "width": look.line, "dash": "dash"},
        }
    )
    layout["annotations"] += [
        {
            "text": labels["current"],
            "xref": "x",
            "yref": "paper",
            "x": current,
            "y": 0.0,
            "xanchor": "left" if current < 0.5 * max(x) else "right",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": look.font - 3},
            "bgcolor": "rgba(255, 255, 255, 0.8)",
        },
    ]
    top = max(max(values) for values in series.values())
    layout["yaxis"]["range"] = [0.0, 1.15 * top]
    layout["legend"].update(y=-0.2, yanchor="top", x=0.0, xanchor="left")
    layout["height"] = look.height + 40
    return _figure(data, layout)
