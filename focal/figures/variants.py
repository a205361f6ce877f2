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


def _legend_below(layout: dict, look: Look, rows: int) -> None:
    """A horizontal legend of ``rows`` rows under the x-axis title, not over it.

    Plotly places a legend in fractions of the plot's height, which changes with
    the font; so the bottom margin is fixed here and the legend's place computed
    from it (as for Figure 1's buttons in :func:`focal.figures.family_figure`).
    """
    below_axis = 3 * look.font + 12  # tick labels and the axis title
    layout["margin"]["b"] = below_axis + rows * int(1.6 * look.font) + 8
    plot_height = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    layout["xaxis"].update(automargin=False)
    layout["xaxis"]["title"]["standoff"] = 6
    layout["legend"].update(
        orientation="h",
        x=0.0,
        xanchor="left",
        y=-below_axis / plot_height,
        yanchor="top",
    )


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
        Texts: ``title``, ``x``, ``y``, ``well_classified``; per key of
        ``series`` its full label with parameters (hover) and, under
        ``<key>_short``, its name in the legend.
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
            p_t,
            values,
            labels[f"{key}_short"],
            color,
            width,
            _hover(labels[key], "p_t"),
        )
        trace["line"]["dash"] = dash
        data.append(trace)
    data += [
        _point_marker(point_x, point[key], STYLES[key][0], labels[key], look, log)
        for key in series
    ]
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _shade(layout, 0.5, 1.0, labels["well_classified"], look)
    # below the plot, clear of the curves and the shading
    layout["height"] = look.height + 3 * look.font
    _legend_below(layout, look, rows=2)
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
        A label under each point of the AP line (its value, or the best α);
        empty strings get none.
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
        data.append(trace)
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    # labels under the AP points, on arrows of alternating length: close
    # settings (α = .99 and .999, γ = 0 to 0.5) would otherwise overlap
    labelled = [
        (xi, yi, t) for xi, yi, t in zip(x, series["ap"], point_text, strict=True) if t
    ]
    span = max(x) - min(x)
    # two labels within 3% of the axis apart lean away from each other
    lean = [0.0] * len(labelled)
    for index in range(1, len(labelled)):
        if labelled[index][0] - labelled[index - 1][0] < 0.03 * span:
            lean[index - 1], lean[index] = -1.5 * look.font, 1.5 * look.font
    layout["annotations"] += [
        {
            "text": label,
            "x": xi,
            "y": yi,
            "xref": "x",
            "yref": "y",
            "ax": lean[index],
            "ay": (1.6 if index % 2 == 0 else 3.2) * look.font,
            "showarrow": True,
            "arrowwidth": 1,
            "arrowcolor": AP_STYLES["ap"][0],
            "font": {"size": look.font - 2, "color": AP_STYLES["ap"][0]},
            "bgcolor": "rgba(255, 255, 255, 0.85)",
        }
        for index, (xi, yi, label) in enumerate(labelled)
    ]
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
            "y": 1.0,
            "xanchor": "left" if current < 0.5 * max(x) else "right",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": look.font - 2},
            "bgcolor": "rgba(255, 255, 255, 0.8)",
        },
    ]
    top = max(max(values) for values in series.values())
    layout["yaxis"]["range"] = [0.0, 1.15 * top]
    layout["height"] = look.height + 40
    _legend_below(layout, look, rows=1)
    return _figure(data, layout)
