"""Figures of the Training page: loss against step, and ``p`` over the plane.

Like every builder, these draw arrays from the core as they are; the larger
arrays (the grid of ``p``, the scattered points) travel as binary typed arrays.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from focal.figures import COLORS, Look, _binary, _figure, _hover, _layout, _line

#: Colours of the two runs, in the order the page shows them.
SIDE_COLORS: dict[str, str] = {"left": COLORS["ce"], "right": COLORS["fl"]}
NEGATIVE_COLOR = "#5b6b7d"
POSITIVE_COLOR = "#e8590c"
#: ``p`` from 0 (pale) to 1 (the positive colour); most of the change below 0.5,
#: where CE and FL differ most.
P_COLORSCALE = [
    [0.0, "#f7f9fb"],
    [0.05, "#fdeee2"],
    [0.2, "#f9cfae"],
    [0.5, "#f09a5d"],
    [1.0, "#c2410c"],
]


def _binary_grid(values: np.ndarray) -> dict[str, str]:
    """A 2-D grid of ``p`` as Plotly's typed-array spec, with its shape.

    Rounded to the hover's three decimals and sent as float32: the colours and
    the ``p = 0.5`` line cannot show more, and the rounded grid compresses to
    a third of float64's bytes on the wire (the page's second visit).
    """
    values = np.round(np.asarray(values, dtype=np.float64), 3)
    data = values.astype("<f4").tobytes()
    return {
        "dtype": "f4",
        "bdata": base64.b64encode(data).decode("ascii"),
        "shape": f"{values.shape[0]},{values.shape[1]}",
    }


def loss_history_figure(
    steps: np.ndarray,
    losses: Mapping[str, np.ndarray],
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """The training loss against the step, one line per run, on a log axis.

    Parameters
    ----------
    steps : ndarray
        Step numbers (0 is the initial model).
    losses : mapping of str to ndarray
        Loss per step by side, ``left`` and/or ``right``.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y`` and one per side.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line per side, in the order of ``losses``.
    """
    look = Look.of(presenter)
    data = [
        _line(
            steps,
            values,
            labels[side],
            SIDE_COLORS[side],
            look.bold,
            _hover(labels[side], labels["x"], ".0f"),
        )
        for side, values in losses.items()
    ]
    for trace, side in zip(data, losses, strict=True):
        if side == "right":
            trace["line"]["dash"] = "dash"
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    # few ticks: a log axis spanning less than a decade otherwise labels every
    # minor tick, which overlap at a projector's font size
    layout["yaxis"].update(type="log", exponentformat="power", nticks=6)
    layout["xaxis"]["rangemode"] = "tozero"
    return _figure(data, layout)


def boundary_figure(
    grid: tuple[np.ndarray, np.ndarray, np.ndarray],
    points: np.ndarray,
    y: np.ndarray,
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """The model's ``p`` over the plane, its 0.5 line, and the points on top.

    Parameters
    ----------
    grid : (ndarray, ndarray, ndarray)
        First and second coordinates of the grid and ``p`` on it, shape
        (len(second), len(first)), as from :func:`focal.training.decision_grid`.
    points : ndarray, shape (n, 2)
        The points to draw (a sample, for a large data set).
    y : ndarray, shape (n,)
        Their labels.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``p``, ``boundary``, ``negatives``,
        ``positives``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        Traces, in order: filled contours of ``p``, the ``p = 0.5`` line,
        the negatives, the positives.
    """
    look = Look.of(presenter)
    first, second, p = grid
    z = _binary_grid(p)
    common = {
        "type": "contour",
        # float32 like the grid: the contours are drawn from exactly what is sent
        "x": np.asarray(first, dtype=np.float32),
        "y": np.asarray(second, dtype=np.float32),
        "z": z,
        "zmin": 0.0,
        "zmax": 1.0,
    }
    data: list[dict] = [
        {
            **common,
            "name": labels["p"],
            "colorscale": P_COLORSCALE,
            "contours": {"start": 0.0, "end": 1.0, "size": 0.05, "coloring": "fill"},
            "line": {"width": 0},
            "colorbar": {
                "title": {"text": labels["p"]},
                "thickness": 12 if not presenter else 18,
                "len": 0.8,
                "tickvals": [0.0, 0.5, 1.0],
            },
            "hovertemplate": "p = %{z:.3f}<extra></extra>",
            "showlegend": False,
        },
        {
            **common,
            "name": labels["boundary"],
            "contours": {
                "start": 0.5,
                "end": 0.5,
                "size": 1.0,
                "coloring": "none",
            },
            "line": {"color": COLORS["point"], "width": look.line, "dash": "solid"},
            "showscale": False,
            "showlegend": True,
            "hoverinfo": "skip",
        },
    ]
    points = np.asarray(points, dtype=np.float64)
    y = np.asarray(y)
    for label, key, color, size in (
        (0.0, "negatives", NEGATIVE_COLOR, max(3, look.marker // 3)),
        (1.0, "positives", POSITIVE_COLOR, max(6, look.marker // 2)),
    ):
        chosen = points[y == label]
        data.append(
            {
                "type": "scatter",
                "x": _binary(chosen[:, 0]),
                "y": _binary(chosen[:, 1]),
                "mode": "markers",
                "name": labels[key],
                "marker": {
                    "size": size,
                    "color": color,
                    "opacity": 0.55 if label == 0.0 else 0.95,
                    "line": {"width": 0.5 if label == 1.0 else 0, "color": "white"},
                },
                "hoverinfo": "skip",
            }
        )
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    low, high = float(first[0]), float(first[-1])
    layout["xaxis"].update(range=[low, high], constrain="domain", showgrid=False)
    layout["yaxis"].update(
        range=[float(second[0]), float(second[-1])],
        scaleanchor="x",
        scaleratio=1.0,
        constrain="domain",
        showgrid=False,
    )
    layout["height"] = look.height + 20
    return _figure(data, layout)
