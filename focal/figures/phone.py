"""A finished figure fitted to a phone's screen, about 330 px wide.

The builders lay a chart out for a laptop or a projector: the title at the top
left of the chart, the legend in one row over the plot's top right. On a phone
both share some 330 px: a long title runs past the chart's edge, and a legend
that wraps to several rows grows up into the title. :func:`for_phone` breaks
such a title into lines and puts such a legend under it, from the left edge;
a chart whose title and legend fit is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

import plotly.graph_objects as go

#: The width of a phone's chart (a 360 px screen less the page's margins), px.
PHONE_WIDTH = 330

#: What a phone's chart gives its y axis and margins, px: the plot is narrower.
PLOT_INSET = 90

#: What a colour bar takes beside a plot on a phone, px.
COLORBAR = 60

#: Plotly's line spacing of multi-line text, and its title size by default
#: (1.4 × the layout's font).
LINE_SPACING = 1.3
TITLE_SCALE = 1.4
#: Height of a legend's row, in the layout's font size.
LEGEND_ROW = 1.5

#: Above the title, and between the title and the legend, px.
GAP = 8

# Widths of characters in em, roughly as the app's typeface (Source Sans) draws
# them, a little generous: Chinese 1, narrow Latin letters and punctuation 0.3,
# wide letters 0.8, others 0.55.
_NARROW = set(" iljI!.,:;'|()[]ftr")
_WIDE = set("mwMW")
# A Chinese character, or a run of other characters with the spaces after it:
# the pieces a title breaks between; a space beside "=" does not break.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_PIECES = re.compile(rf"[{_CJK}]|(?:[^ {_CJK}]| (?==)|(?<==) )+ *| +")


def text_width(text: str, size: float) -> float:
    """Roughly how wide ``text`` is drawn at font size ``size``, px."""
    em = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            em += 1.0
        elif c in _NARROW:
            em += 0.3
        elif c in _WIDE:
            em += 0.8
        else:
            em += 0.55
    return em * size


def wrap_title(title: str, width: float, size: float) -> list[str]:
    """The lines of ``title``, each at most ``width`` px wide at font ``size``.

    Latin text breaks at spaces (not beside "=": "γ = 2" stays whole; a longer
    word keeps a line of its own), Chinese between any two characters; a
    ``<br>`` in the title stays a break.
    """
    lines: list[str] = []
    for given in title.split("<br>"):
        line = ""
        for piece in _PIECES.findall(given):
            if line.strip() and text_width(line + piece.rstrip(), size) > width:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        lines.append(line.rstrip())
    return lines


def _legend_rows(figure: go.Figure, width: float) -> int:
    """Rows of a horizontal legend of ``figure`` at most ``width`` px wide.

    As Plotly lays it out: one row when its entries (a 40 px symbol and gaps,
    then the name) fit; else a grid of columns as wide as the widest entry.
    """
    size = figure.layout.font.size or 12
    entries = [
        40 + text_width(trace.name, size)
        for trace in figure.data
        if trace.name and trace.showlegend is not False
    ]
    if sum(entries) + 5 * (len(entries) - 1) < width:
        return min(len(entries), 1)
    columns = max(1, int(width // (max(entries) + 5)))
    return -(-len(entries) // columns)


def _square(figure: go.Figure, width: int) -> None:
    """Make a square plot's chart as tall as the plot is wide, with its margins:
    the title's and the axis' (tick labels and title, 4 em), less a colour
    bar's room on the right."""
    layout = figure.layout
    font = layout.font.size or 12
    scale = any(
        trace.type in ("contour", "heatmap") and trace.showscale is not False
        for trace in figure.data
    )
    side = width - PLOT_INSET - (COLORBAR if scale else 0)
    layout.height = min(layout.height, (layout.margin.t or 0) + side + 4 * font)


def for_phone(figure: go.Figure, width: int = PHONE_WIDTH) -> go.Figure:
    """Fit ``figure`` to a phone's narrow chart, in place.

    - A title too long for one line is broken into lines.
    - A legend in the builders' place (a row over the plot's top right) that
      would not fit one row there moves under the title, from the chart's
      left edge, in as many rows as it needs.
    - The chart grows by what its title and legend take beyond the builder's
      top margin, so that the plot keeps its height.
    - The right margin holds half of the last x tick label, which sits on the
      plot's edge (Plotly hides a label that would pass the chart's edge).
    - A square plot (the y axis scaled to the x axis) gets a chart only as
      tall as the phone's width makes it, not bands of white above and below.
    - A finger drawn over the chart scrolls the page (``dragmode=False``):
      a chart as wide as the screen would otherwise take every swipe as a zoom.

    (The modebar, which a touch screen would keep over the title and legend,
    the phone's stylesheet leaves out: :mod:`focal.ui.style`.)

    Parameters
    ----------
    figure : go.Figure
        A figure from a builder of :mod:`focal.figures`, with its height set.
    width : int, default :data:`PHONE_WIDTH`
        The chart's width on the phone, px.

    Returns
    -------
    go.Figure
        ``figure`` itself.
    """
    layout = figure.layout
    layout.dragmode = False
    legend = layout.legend
    font = layout.font.size or 12
    layout.margin.r = max(layout.margin.r or 0, font)
    if layout.yaxis.scaleanchor == "x":
        _square(figure, width)
    size = layout.title.font.size or round(TITLE_SCALE * font)
    # the title starts a few px in (x = 0.01)
    lines = wrap_title(layout.title.text, width - 10, size) if layout.title.text else []
    over_plot = (
        legend.orientation == "h"
        and legend.yref in (None, "paper")
        and legend.y == 1.0
        and legend.yanchor == "bottom"
    )
    # Plotly fits such a legend to the plot: the chart less its y axis
    rows = _legend_rows(figure, width - PLOT_INSET) if over_plot else 0
    if len(lines) <= 1 and rows <= 1:
        return figure
    block = len(lines) * LINE_SPACING * size
    if layout.title.subtitle.text:
        block += LINE_SPACING * (layout.title.subtitle.font.size or font)
    legend_top = GAP + block + GAP
    top = legend_top + (rows * LEGEND_ROW * font + GAP if rows > 1 else 0)
    if top > (layout.margin.t or 0):
        layout.height += round(top - (layout.margin.t or 0))
        layout.margin.t = round(top)
    height = layout.height
    layout.title.update(
        text="<br>".join(lines),
        yref="container",
        y=1.0 - (GAP + block / 2) / height,
        yanchor="middle",
    )
    if rows > 1:
        # on the chart, not on the plot: from the chart's left edge, and
        # Plotly keeps the top margin clear down to the legend's last row
        legend.update(
            xref="container",
            x=0.0,
            xanchor="left",
            yref="container",
            y=1.0 - legend_top / height,
            yanchor="top",
        )
    return figure
