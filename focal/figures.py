"""Plotly figure builders: arrays and numbers from the core in, ``go.Figure`` out.

Builders compute nothing: every value they draw arrives from the core. Text
arrives in ``labels`` (from the string tables), so a figure reads the same in
every language. ``presenter=True`` gives fonts and lines a projector can carry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from focal.curves import LossCurves, RatioCurves

COLORS: dict[str, str] = {
    "ce": "#2f6eba",
    "fl": "#d1495b",
    "ce_balanced": "#3f9e6e",
    "fl_star": "#8e6bbf",
    "point": "#1b1f24",
    "family": "#9aa5b1",
    "shade": "rgba(63, 158, 110, 0.10)",
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
            return cls(font=22, line=4.5, bold=7.0, marker=18, height=520)
        return cls(font=14, line=2.5, bold=4.5, marker=11, height=420)


def _hover(name: str, x_name: str, x_format: str = ".4f") -> str:
    """Hover text: the curve's name, then ``x = …: value`` with exact digits."""
    return f"{name}<br>{x_name} = %{{x:{x_format}}}: %{{y:.6g}}<extra></extra>"


def _finite_or_none(values: np.ndarray) -> list[float | None]:
    # JSON has no infinity: an infinite loss is a gap in the line
    return [float(v) if np.isfinite(v) else None for v in np.asarray(values)]


def _layout(fig: go.Figure, look: Look, title: str, x_title: str, y_title: str) -> None:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        font={"size": look.font, "family": FONT_FAMILY},
        height=look.height,
        margin={"l": 10, "r": 10, "t": 60 + look.font, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "xanchor": "right",
            "x": 1.0,
        },
        hovermode="closest",
        template="plotly_white",
        xaxis={"title": {"text": x_title}, "automargin": True},
        yaxis={"title": {"text": y_title}, "automargin": True},
    )


def _point_marker(
    fig: go.Figure, x: float, value: float, color: str, name: str, look: Look, log: bool
) -> None:
    """Mark the current point; an infinite value sits at the top edge, read "∞"."""
    top = 10 ** LOG_LOSS_RANGE[1] if log else LINEAR_LOSS_RANGE[1]
    infinite = not np.isfinite(value)
    shown = top if infinite or value > top else value
    fig.add_trace(
        go.Scatter(
            x=[x],
            y=[shown],
            mode="markers+text" if infinite else "markers",
            text=["∞"] if infinite else None,
            textposition="bottom center",
            marker={
                "size": look.marker,
                "color": color,
                "symbol": "triangle-up" if infinite or value > top else "circle",
                "line": {"width": 2, "color": "white"},
            },
            name=name,
            showlegend=False,
            hovertemplate=f"{name}<br>%{{x:.4g}}: {'∞' if infinite else f'{value:.6g}'}"
            "<extra></extra>",
            cliponaxis=False,
        )
    )


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
    """
    look = Look.of(presenter)
    x = curves.p if axis == "p" else curves.p_t
    x_name = "p" if axis == "p" else "p_t"
    fig = go.Figure()
    series = [("ce", curves.ce), ("fl", curves.fl)]
    if curves.ce_balanced is not None:
        series.append(("ce_balanced", curves.ce_balanced))
    for key, values in series:
        fig.add_trace(
            go.Scatter(
                x=x,
                y=_finite_or_none(values),
                mode="lines",
                name=labels[key],
                line={
                    "color": COLORS[key],
                    "width": look.bold if key == "fl" else look.line,
                    "dash": "dot" if key == "ce_balanced" else "solid",
                },
                hovertemplate=_hover(labels[key], x_name),
            )
        )
    for key, _ in series:
        _point_marker(fig, point["x"], point[key], COLORS[key], labels[key], look, log)
    well = (0.5, 1.0) if axis == "p_t" or y == 1 else (0.0, 0.5)
    fig.add_vrect(
        x0=well[0],
        x1=well[1],
        fillcolor=COLORS["shade"],
        line_width=0,
        layer="below",
        annotation_text=labels["well_classified"],
        annotation_position="top left" if well[0] == 0.5 else "top right",
        annotation_font_size=look.font - 2,
    )
    x_title = labels["x_p"] if axis == "p" else labels["x_p_t"]
    _layout(fig, look, labels["title"], x_title, labels["y"])
    fig.update_xaxes(range=[0.0, 1.0])
    if log:
        fig.update_yaxes(type="log", range=list(LOG_LOSS_RANGE), exponentformat="power")
    else:
        fig.update_yaxes(range=list(LINEAR_LOSS_RANGE))
    return fig


def ratio_figure(
    curves: RatioCurves,
    gamma: float,
    *,
    labels: Mapping[str, str],
    presenter: bool = False,
) -> go.Figure:
    """Hard/easy loss ratio against γ under CE and FL, on a log axis.

    Parameters
    ----------
    curves : RatioCurves
        The series from :func:`focal.curves.ratio_curves`.
    gamma : float
        The current γ, marked by a vertical line.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``ce``, ``fl``, ``current``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        Traces, in order: CE ratio, FL ratio.
    """
    look = Look.of(presenter)
    fig = go.Figure()
    for key, values in (("ce", curves.ce_ratio), ("fl", curves.fl_ratio)):
        fig.add_trace(
            go.Scatter(
                x=curves.gamma,
                y=_finite_or_none(values),
                mode="lines",
                name=labels[key],
                line={
                    "color": COLORS[key],
                    "width": look.bold if key == "fl" else look.line,
                },
                hovertemplate=_hover(labels[key], "γ", ".1f"),
            )
        )
    fig.add_vline(
        x=gamma,
        line={"color": COLORS["point"], "width": look.line, "dash": "dash"},
        annotation_text=labels["current"],
        annotation_position="top right",
        annotation_font_size=look.font - 2,
    )
    _layout(fig, look, labels["title"], labels["x"], labels["y"])
    fig.update_yaxes(type="log", exponentformat="power", dtick=1)
    return fig


def _is_slider_stop(gamma: float) -> bool:
    # the slider under Figure 1 stops every 0.5 so its labels stay readable
    return float(2 * gamma).is_integer()


def family_figure(
    p_t: np.ndarray,
    gammas: Sequence[float],
    family: np.ndarray,
    gamma: float,
    current: np.ndarray,
    frames: tuple[np.ndarray, np.ndarray],
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
    frames : (ndarray, ndarray)
        The γ of each animation frame and FL for each, shape (frames, len(p_t)).
        The play button sweeps the bold curve through them in the browser.
    labels : mapping of str to str
        Texts: ``title``, ``x``, ``y``, ``gamma`` (a format string with
        ``{gamma}``), ``current``, ``play``, ``pause``, ``well_classified``.
    presenter : bool, default False
        Projector sizes.

    Returns
    -------
    go.Figure
        One thin trace per γ of ``gammas``, then the bold current trace (the
        one the frames animate).
    """
    look = Look.of(presenter)
    fig = go.Figure()
    for g, values in zip(gammas, family, strict=True):
        fig.add_trace(
            go.Scatter(
                x=p_t,
                y=_finite_or_none(values),
                mode="lines",
                name=labels["gamma"].format(gamma=f"{g:g}"),
                line={"color": COLORS["family"], "width": look.line},
                hovertemplate=_hover(f"γ = {g:g}", "p_t"),
            )
        )
    bold_name = labels["current"].format(gamma=f"{gamma:g}")
    fig.add_trace(
        go.Scatter(
            x=p_t,
            y=_finite_or_none(current),
            mode="lines",
            name=bold_name,
            line={"color": COLORS["fl"], "width": look.bold},
            hovertemplate=_hover(bold_name, "p_t"),
        )
    )
    bold = len(gammas)
    frame_gammas, frame_values = frames
    slider_stops = np.array([g for g in frame_gammas if _is_slider_stop(g)])
    fig.frames = [
        go.Frame(
            name=f"{g:g}",
            traces=[bold],
            data=[
                go.Scatter(
                    y=_finite_or_none(values),
                    name=labels["current"].format(gamma=f"{g:g}"),
                )
            ],
        )
        for g, values in zip(frame_gammas, frame_values, strict=True)
    ]
    play = {
        "frame": {"duration": 80, "redraw": False},
        "fromcurrent": True,
        "transition": {"duration": 0},
    }
    fig.update_layout(
        updatemenus=[
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": -0.18,
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
                        "label": "⏸ " + labels["pause"],
                        "method": "animate",
                        "args": [
                            [None],
                            {"mode": "immediate", "frame": {"duration": 0}},
                        ],
                    },
                ],
            }
        ],
        sliders=[
            {
                "active": int(np.argmin(np.abs(slider_stops - gamma))),
                "x": 0.25,
                "len": 0.75,
                "y": -0.12,
                "yanchor": "top",
                "currentvalue": {"prefix": "γ = "},
                "steps": [
                    {
                        "label": f"{g:g}",
                        "method": "animate",
                        "args": [
                            [f"{g:g}"],
                            {
                                "mode": "immediate",
                                "frame": {"duration": 0, "redraw": False},
                                "transition": {"duration": 0},
                            },
                        ],
                    }
                    for g in frame_gammas
                    if _is_slider_stop(g)
                ],
            }
        ],
    )
    fig.add_vrect(
        x0=0.5,
        x1=1.0,
        fillcolor=COLORS["shade"],
        line_width=0,
        layer="below",
        annotation_text=labels["well_classified"],
        annotation_position="top left",
        annotation_font_size=look.font - 2,
    )
    _layout(fig, look, labels["title"], labels["x"], labels["y"])
    fig.update_layout(height=look.height + 90, margin={"b": 120 + 2 * look.font})
    fig.update_xaxes(range=[0.0, 1.0])
    fig.update_yaxes(range=list(LINEAR_LOSS_RANGE))
    return fig


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
        One line per series, then one marker per series when ``current_x_t``
        is finite.
    """
    look = Look.of(presenter)
    fig = go.Figure()
    for key, values in series.items():
        fig.add_trace(
            go.Scatter(
                x=x,
                y=values,
                mode="lines",
                name=labels[key],
                line={
                    "color": COLORS[key],
                    "width": look.bold if key == "fl" else look.line,
                },
                hovertemplate=_hover(labels[key], "x", ".3f"),
            )
        )
    if np.isfinite(current_x) and abs(current_x) <= abs(x).max():
        for key in series:
            fig.add_trace(
                go.Scatter(
                    x=[current_x],
                    y=[current[key]],
                    mode="markers",
                    marker={
                        "size": look.marker,
                        "color": COLORS[key],
                        "line": {"width": 2, "color": "white"},
                    },
                    showlegend=False,
                    name=labels[key],
                    hovertemplate=_hover(labels[key], "x", ".4g"),
                )
            )
    _layout(fig, look, labels["title"], labels["x"], labels["y"])
    return fig
