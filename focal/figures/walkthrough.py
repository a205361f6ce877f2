"""Figure builders of the walkthrough and of the gradient ratio.

Like every builder in :mod:`focal.figures`, these draw the core's arrays as
they are and take their words from ``labels``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from focal.figures import (
    COLORS,
    LINEAR_LOSS_RANGE,
    Look,
    _figure,
    _fixed_margins,
    _hover,
    _layout,
    _line,
    _point_marker,
)

#: Colour and dash of each series a walkthrough line chart may hold.
SERIES_STYLE: dict[str, tuple[str, str]] = {
    "ce": (COLORS["ce"], "solid"),
    "ce_y1": (COLORS["ce"], "solid"),
    "ce_y0": ("#e07b39", "solid"),
    "alpha_y1": (COLORS["ce_balanced"], "solid"),
    "alpha_y0": ("#b5651d", "dash"),
}

#: Bars of the imbalance chart: background share under CE, then under FL.
SHARE_COLORS: dict[str, str] = {"ce": COLORS["ce"], "fl": COLORS["fl"]}


def _legend_below(layout: dict) -> None:
    """The legend under the plot, so that a narrow chart keeps its title clear."""
    layout["legend"] = {
        "orientation": "h",
        "yref": "container",
        "y": 0.0,
        "yanchor": "bottom",
        "x": 0.0,
        "xanchor": "left",
    }


def lines_figure(
    series: Mapping[str, tuple[np.ndarray, np.ndarray]],
    point_x: float,
    points: Mapping[str, float],
    *,
    x_name: str,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Loss curves against ``p`` or ``p_t`` on the paper's 0–5 axis, points marked.

    Parameters
    ----------
    series : mapping of str to (ndarray, ndarray)
        Curves ``(x, loss)`` keyed by names of :data:`SERIES_STYLE`, drawn in
        this order; ``x`` is ``p`` or ``p_t``.
    point_x : float
        Where the current example sits on ``x``.
    points : mapping of str to float
        The current example's value on some of the curves, by the same keys;
        an infinite value sits at the top edge and reads "∞".
    x_name : str
        The variable's name in hover text (``"p"`` or ``"p_t"``).
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y`` and one per key of ``series``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line per series, then one marker per key of ``points``.
    """
    look = Look.of(presenter)
    data = []
    for key, (x, values) in series.items():
        color, dash = SERIES_STYLE[key]
        hover = _hover(labels[key], x_name)
        trace = _line(x, values, labels[key], color, look.line, hover)
        trace["line"]["dash"] = dash
        data.append(trace)
    data += [
        _point_marker(point_x, value, SERIES_STYLE[key][0], labels[key], look, False)
        for key, value in points.items()
    ]
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _legend_below(layout)
    layout["xaxis"]["range"] = [0.0, 1.0]
    layout["yaxis"]["range"] = list(LINEAR_LOSS_RANGE)
    return _figure(data, layout)


def share_figure(
    shares: Mapping[str, float],
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Bars: the share of an image's summed loss that comes from background.

    Parameters
    ----------
    shares : mapping of str to float
        Shares in [0, 1] keyed ``ce`` and ``fl`` (NaN, an undefined share,
        draws no bar).
    labels : mapping of str to str
        Texts: ``title``, ``y`` and one bar name per key.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One bar trace, a bar per key, its value printed as a percentage.
    """
    look = Look.of(presenter)
    values = np.array([shares[key] for key in shares], dtype=np.float64)
    shown = np.where(np.isfinite(values), values, np.nan)
    data = [
        {
            "type": "bar",
            "x": [labels[key] for key in shares],
            "y": shown,
            "marker": {"color": [SHARE_COLORS[key] for key in shares]},
            "texttemplate": "%{y:.1%}",
            "textposition": "outside",
            "cliponaxis": False,
            "textfont": {"size": look.font},
            "hovertemplate": "%{x}: %{y:.4%}<extra></extra>",
            "showlegend": False,
        }
    ]
    layout = _layout(look, labels["title"], "", labels["y"])
    layout["yaxis"].update(range=[0.0, 1.15], tickformat=".0%", dtick=0.25)
    layout["bargap"] = 0.45
    return _figure(data, layout)


def gradient_ratio_figure(
    x: np.ndarray,
    ratio: np.ndarray,
    current_x: float,
    current: float,
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """``(dFL/dx) / (dCE/dx)`` against the logit, the current example marked.

    Parameters
    ----------
    x : ndarray
        The logit grid.
    ratio : ndarray
        The ratio on the grid, from :func:`focal.focal_gradient_ratio`.
    current_x : float
        The current example's logit (``±inf`` or beyond the grid: no marker).
    current : float
        The ratio at the current example.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``ratio`` and ``ce`` (the reference
        line at 1, where FL pushes as hard as CE).
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        The ratio line, then the marker when the example is on the grid.
    """
    look = Look.of(presenter)
    data = [
        _line(
            x,
            ratio,
            labels["ratio"],
            COLORS["fl"],
            look.bold,
            _hover(labels["ratio"], "x", ".3f"),
        )
    ]
    if np.isfinite(current_x) and abs(current_x) <= abs(x).max():
        data.append(
            {
                "type": "scatter",
                "x": [current_x],
                "y": [current],
                "mode": "markers",
                "marker": {
                    "size": look.marker,
                    "color": COLORS["fl"],
                    "line": {"width": 2, "color": "white"},
                },
                "showlegend": False,
                "name": labels["ratio"],
                "hovertemplate": _hover(labels["ratio"], "x", ".4g"),
            }
        )
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _fixed_margins(layout, look)
    layout["shapes"].append(
        {
            "type": "line",
            "xref": "paper",
            "yref": "y",
            "x0": 0.0,
            "x1": 1.0,
            "y0": 1.0,
            "y1": 1.0,
            "line": {"color": COLORS["ce"], "width": look.line, "dash": "dash"},
        }
    )
    layout["annotations"].append(
        {
            "text": labels["ce"],
            "xref": "paper",
            "yref": "y",
            "x": 0.0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": look.font - 2, "color": COLORS["ce"]},
        }
    )
    layout["yaxis"]["rangemode"] = "tozero"
    return _figure(data, layout)
