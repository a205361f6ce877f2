"""Plotly figure builders: arrays and numbers from the core in, ``go.Figure`` out.

Builders compute nothing: every value they draw arrives from the core. Text
arrives in ``labels`` (from the string tables), so a figure reads the same in
every language. ``presenter=True`` gives fonts and lines a projector can carry.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from focal.curves import LossCurves

#: Line colours; the formulas write their terms in the same colours on white, so
#: those (CE, FL, α-balanced, the point) keep 4.5:1 there (WCAG AA). FL's red is
#: the app's primaryColor (``.streamlit/config.toml``).
COLORS: dict[str, str] = {
    "ce": "#2f6eba",
    "fl": "#c73246",
    "ce_balanced": "#337f58",
    "fl_star": "#8e6bbf",
    "point": "#1b1f24",
    "family": "#9aa5b1",
    "shade": "rgba(51, 127, 88, 0.10)",
}

#: The app's own typeface first (Streamlit serves it), then CJK for Chinese labels.
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "Noto Sans CJK SC", sans-serif'

#: Linear loss axis as in the paper's Figure 1; log axis in decades.
LINEAR_LOSS_RANGE = (0.0, 5.0)
LOG_LOSS_RANGE = (-6.0, 1.5)


@dataclass(frozen=True)
class Look:
    """Sizes for a laptop screen or for a projector."""

    font: int
    line: float
    bold: float
    marker: int
    height: int

    @classmethod
    def of(cls, presenter: bool) -> Look:
        if presenter:
            return cls(font=22, line=4.5, bold=7.0, marker=18, height=440)
        return cls(font=14, line=2.5, bold=4.5, marker=11, height=420)


def _hover(name: str, x_name: str, x_format: str = ".4f") -> str:
    """Hover text: the curve's name, then ``x = …: value`` with exact digits."""
    return f"{name}<br>{x_name} = %{{x:{x_format}}}: %{{y:.6g}}<extra></extra>"


def _gaps(values: np.ndarray) -> np.ndarray:
    """The values as float64, an infinite loss as NaN: a gap in the line."""
    values = np.array(values, dtype=np.float64)
    values[~np.isfinite(values)] = np.nan
    return values


def _binary(values: np.ndarray) -> dict[str, str]:
    """The values (NaN for gaps) as Plotly's typed-array spec: base64 float64.

    Used for the animation frames: Plotly would otherwise copy and re-encode
    every frame's array on each rerun, the largest cost of the Explorer's run.
    """
    data = _gaps(values).astype("<f8").tobytes()
    return {"dtype": "f8", "bdata": base64.b64encode(data).decode("ascii")}


def _figure(
    data: list[dict], layout: dict, frames: list[dict] | None = None
) -> go.Figure:
    # Specs are built as plain dicts and not validated again: Plotly's validation
    # of every trace and frame costs far more than the numbers themselves.
    spec = {"data": data, "layout": layout, "frames": frames or []}
    return go.Figure(spec, _validate=False)


_AXIS = {
    "automargin": True,
    "gridcolor": "#e6ebf1",
    "linecolor": "#c9d1db",
    "zerolinecolor": "#d5dce4",
    "showline": True,
}


def _layout(look: Look, title: str, x_title: str, y_title: str) -> dict:
    return {
        "title": {"text": title, "x": 0.01, "xanchor": "left"},
        "font": {"size": look.font, "family": FONT_FAMILY, "color": "#1b2a3a"},
        "height": look.height,
        "margin": {"l": 10, "r": 10, "t": 60 + look.font, "b": 10},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "right",
            "x": 1.0,
        },
        "hovermode": "closest",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": {"title": {"text": x_title}, **_AXIS},
        "yaxis": {"title": {"text": y_title}, **_AXIS},
        "shapes": [],
        "annotations": [],
    }


def _fixed_margins(layout: dict, look: Look) -> None:
    """Margins set here instead of measured by Plotly (``automargin``).

    With ``automargin`` Plotly draws a figure, measures its tick labels and axis
    titles, and draws it again with the margins they need: on every slider move,
    as the browser draws a changed chart anew. The Explorer's and the Gradients
    page's charts have short tick labels (at most five characters, "10⁻⁶",
    "100k"), so margins in units of the font hold them in both languages and
    both sizes; a browser test checks that every label lies inside its chart.
    """
    layout["xaxis"]["automargin"] = False
    layout["yaxis"]["automargin"] = False
    # the right margin holds half of the last x tick label ("10" on a logit axis)
    layout["margin"].update(l=5 * look.font, r=look.font, b=4 * look.font + 10)


def _line(
    x: np.ndarray, y: np.ndarray, name: str, color: str, width: float, hover: str
) -> dict:
    return {
        "type": "scatter",
        "x": np.asarray(x, dtype=np.float64),
        "y": _gaps(y),
        "mode": "lines",
        "name": name,
        "line": {"color": color, "width": width},
        "hovertemplate": hover,
    }


def _shade(layout: dict, x0: float, x1: float, text: str, look: Look) -> None:
    """Shade ``x0 <= x <= x1`` behind the curves, with a label at its top."""
    layout["shapes"].append(
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": x0,
            "x1": x1,
            "y0": 0.0,
            "y1": 1.0,
            "fillcolor": COLORS["shade"],
            "line": {"width": 0},
            "layer": "below",
        }
    )
    left = x0 == 0.5
    layout["annotations"].append(
        {
            "text": text,
            "xref": "x",
            "yref": "paper",
            "x": x0 if left else x1,
            "y": 1.0,
            "xanchor": "left" if left else "right",
            "yanchor": "top",
            "showarrow": False,
            "font": {"size": look.font - 2},
        }
    )


def _point_marker(
    x: float, value: float, color: str, name: str, look: Look, log: bool
) -> dict:
    """Mark the current point; an infinite value sits at the top edge, read "∞"."""
    top = 10 ** LOG_LOSS_RANGE[1] if log else LINEAR_LOSS_RANGE[1]
    infinite = not np.isfinite(value)
    shown = top if infinite or value > top else value
    return {
        "type": "scatter",
        "x": [x],
        "y": [shown],
        "mode": "markers+text" if infinite else "markers",
        "text": ["∞"] if infinite else None,
        "textposition": "bottom center",
        "marker": {
            "size": look.marker,
            "color": color,
            "symbol": "triangle-up" if infinite or value > top else "circle",
            "line": {"width": 2, "color": "white"},
        },
        "name": name,
        "showlegend": False,
        "hovertemplate": f"{name}<br>%{{x:.4g}}: {'∞' if infinite else f'{value:.6g}'}"
        "<extra></extra>",
        "cliponaxis": False,
    }


def loss_figure(
    curves: LossCurves,
    point: Mapping[str, float],
    *,
    y: int,
    axis: str,
    log: bool,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """CE and FL (and α-balanced CE) against ``p`` or ``p_t``, the current point marked.

    Parameters
    ----------
    curves : LossCurves
        The series from :func:`focal.curves.loss_curves`.
    point : mapping
        The current point: ``x`` (``p`` or ``p_t``, matching ``axis``) and the
        values ``ce``, ``fl`` and, with α, ``ce_balanced``.
    y : int
        The label, which decides on which side of ``p = 0.5`` examples are
        well classified.
    axis : {"p", "p_t"}
        The quantity on the x axis.
    log : bool
        Logarithmic loss axis.
    labels : mapping of str to str
        Texts: ``title``, ``x_p``, ``x_p_t``, ``y``, ``ce``, ``fl``,
        ``ce_balanced``, ``well_classified``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        Traces, in order: CE, FL, [α-balanced CE], then one marker per curve.
        Infinite losses are NaN, a gap in the line.
    """
    look = Look.of(presenter)
    x = curves.p if axis == "p" else curves.p_t
    x_name = "p" if axis == "p" else "p_t"
    series = [("ce", curves.ce), ("fl", curves.fl)]
    if curves.ce_balanced is not None:
        series.append(("ce_balanced", curves.ce_balanced))
    data = []
    for key, values in series:
        width = look.bold if key == "fl" else look.line
        trace = _line(
            x, values, labels[key], COLORS[key], width, _hover(labels[key], x_name)
        )
        if key == "ce_balanced":
            trace["line"]["dash"] = "dot"
        data.append(trace)
    data += [
        _point_marker(point["x"], point[key], COLORS[key], labels[key], look, log)
        for key, _ in series
    ]
    x_title = labels["x_p"] if axis == "p" else labels["x_p_t"]
    layout = _layout(look, labels["title"], x_title, labels["y"])
    _fixed_margins(layout, look)
    well = (0.5, 1.0) if axis == "p_t" or y == 1 else (0.0, 0.5)
    _shade(layout, *well, labels["well_classified"], look)
    layout["xaxis"]["range"] = [0.0, 1.0]
    if log:
        layout["yaxis"].update(
            type="log", range=list(LOG_LOSS_RANGE), exponentformat="power"
        )
    else:
        layout["yaxis"]["range"] = list(LINEAR_LOSS_RANGE)
    return _figure(data, layout)


def _is_slider_stop(gamma: float) -> bool:
    # the slider under Figure 1 stops every 0.5 so its labels stay readable
    return float(2 * gamma).is_integer()


def family_figure(
    p_t: np.ndarray,
    gammas: Sequence[float],
    family: np.ndarray,
    gamma: float,
    current: np.ndarray,
    frames: tuple[np.ndarray, np.ndarray] | None = None,
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """The paper's Figure 1: FL against ``p_t`` for several γ, the current γ bold.

    Parameters
    ----------
    p_t : ndarray
        The ``p_t`` grid.
    gammas : sequence of float
        The γ of the thin reference curves.
    family : ndarray, shape (len(gammas), len(p_t))
        FL for each of ``gammas``.
    gamma : float
        The current γ.
    current : ndarray
        FL at the current γ, drawn bold.
    frames : (ndarray, ndarray), optional
        The γ of each animation frame and FL for each, shape (frames, len(p_t)).
        The play button sweeps the bold curve through them in the browser. Each
        frame's ``y`` is a typed-array spec ``{"dtype": "f8", "bdata": ...}``.
        Without frames, a still figure: no play button, no slider.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``gamma`` (a format string with
        ``{gamma}``), ``current``, ``well_classified``; with frames also
        ``play`` and ``pause``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One thin trace per γ of ``gammas``, then the bold current trace (the
        one the frames animate).
    """
    look = Look.of(presenter)
    data = [
        _line(
            p_t,
            values,
            labels["gamma"].format(gamma=f"{g:g}"),
            COLORS["family"],
            look.line,
            _hover(f"γ = {g:g}", "p_t"),
        )
        for g, values in zip(gammas, family, strict=True)
    ]
    bold_name = labels["current"].format(gamma=f"{gamma:g}")
    data.append(
        _line(
            p_t, current, bold_name, COLORS["fl"], look.bold, _hover(bold_name, "p_t")
        )
    )
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _fixed_margins(layout, look)
    _shade(layout, 0.5, 1.0, labels["well_classified"], look)
    layout["xaxis"]["range"] = [0.0, 1.0]
    layout["yaxis"]["range"] = list(LINEAR_LOSS_RANGE)
    if frames is None:
        return _figure(data, layout)
    return _animated(data, layout, len(gammas), gamma, frames, labels, look)


def _animated(
    data: list[dict],
    layout: dict,
    bold: int,
    gamma: float,
    frames: tuple[np.ndarray, np.ndarray],
    labels: Mapping[str, str],
    look: Look,
) -> go.Figure:
    """Figure 1 with frames that sweep trace ``bold``, a play button and slider."""
    frame_gammas, frame_values = frames
    animation_frames = [
        {
            "name": f"{g:g}",
            "traces": [bold],
            "data": [
                {"y": _binary(values), "name": labels["current"].format(gamma=f"{g:g}")}
            ],
        }
        for g, values in zip(frame_gammas, frame_values, strict=True)
    ]
    slider_stops = np.array([g for g in frame_gammas if _is_slider_stop(g)])
    play = {
        "frame": {"duration": 80, "redraw": False},
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    jump = {
        "mode": "immediate",
        "frame": {"duration": 0, "redraw": False},
        "transition": {"duration": 0},
    }
    # Buttons and slider go under the tick labels and the x-axis title, whose
    # heights grow with the font; Plotly places them in fractions of the plot.
    layout["height"] = look.height + 90
    layout["margin"]["b"] = 110 + 3 * look.font
    plot_height = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    below = (3 * look.font + 12) / plot_height
    layout["xaxis"].update(automargin=False, title={"text": labels["x"], "standoff": 6})
    layout["updatemenus"] = [
        {
            "type": "buttons",
            "direction": "left",
            "x": 0.0,
            "y": -below - 0.04,
            "xanchor": "left",
            "yanchor": "top",
            "showactive": False,
            "buttons": [
                {
                    "label": "▶ " + labels["play"],
                    "method": "animate",
                    "args": [None, play],
                },
                {
                    "label": "■ " + labels["pause"],
                    "method": "animate",
                    "args": [[None], jump],
                },
            ],
        }
    ]
    layout["sliders"] = [
        {
            "active": int(np.argmin(np.abs(slider_stops - gamma))),
            "x": 0.25,
            "len": 0.75,
            "y": -below,
            "yanchor": "top",
            "currentvalue": {"prefix": "γ = "},
            "steps": [
                {"label": f"{g:g}", "method": "animate", "args": [[f"{g:g}"], jump]}
                for g in slider_stops
            ],
        }
    ]
    return _figure(data, layout, animation_frames)


def gradient_figure(
    x: np.ndarray,
    series: Mapping[str, np.ndarray],
    current_x: float,
    current: Mapping[str, float],
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Derivatives of the losses with respect to the logit (the paper's Figure 6).

    Parameters
    ----------
    x : ndarray
        The logit grid.
    series : mapping of str to ndarray
        Derivative curves keyed ``ce``, ``fl`` and optionally ``fl_star``.
    current_x : float
        The current example's logit (may be ``±inf``; then no marker).
    current : mapping of str to float
        The derivatives at the current example, by the same keys.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y`` and one per key of ``series``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One line per series, then one marker per series when ``current_x``
        is finite.
    """
    look = Look.of(presenter)
    data = [
        _line(
            x,
            values,
            labels[key],
            COLORS[key],
            look.bold if key == "fl" else look.line,
            _hover(labels[key], "x", ".3f"),
        )
        for key, values in series.items()
    ]
    if np.isfinite(current_x) and abs(current_x) <= abs(x).max():
        data += [
            {
                "type": "scatter",
                "x": [current_x],
                "y": [current[key]],
                "mode": "markers",
                "marker": {
                    "size": look.marker,
                    "color": COLORS[key],
                    "line": {"width": 2, "color": "white"},
                },
                "showlegend": False,
                "name": labels[key],
                "hovertemplate": _hover(labels[key], "x", ".4g"),
            }
            for key in series
        ]
    layout = _layout(look, labels["title"], labels["x"], labels["y"])
    _fixed_margins(layout, look)
    return _figure(data, layout)
