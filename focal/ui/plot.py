"""Every chart of the app, drawn with a text alternative a screen reader reaches.

Pages draw charts through :func:`plot` only, never ``st.plotly_chart`` itself
(a test reads the sources for that). Streamlit gives the chart
``role="figure"`` and the text as its ``aria-label``: the chart's title, then
what it shows, from the string tables (``alt.*`` in :mod:`focal.ui.text.alt`).
Every chart leaves trimmed to what the screen shows
(:func:`focal.figures.wire.lean`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from focal.figures.wire import lean
from focal.ui.charts import SharedFigure

_MARKUP = re.compile(r"<[^>]*>")


def chart_title(figure: go.Figure) -> str:
    """The title a figure shows, as plain text ("" when it has none).

    Plotly titles may hold markup (``<br>``, ``<b>``): tags become spaces.
    """
    if isinstance(figure, SharedFigure):  # it keeps only its finished dict
        title = figure.to_dict().get("layout", {}).get("title") or {}
        text = title.get("text") if isinstance(title, dict) else title
    else:
        text = figure.layout.title.text
    return " ".join(_MARKUP.sub(" ", text or "").split())


def chart_alt(text: Mapping[str, str], about: str, figure: go.Figure) -> str:
    """A chart's text alternative: its title, then what it shows.

    Parameters
    ----------
    text : mapping of str to str
        The string table of the current language.
    about : str
        The kind of chart: ``text["alt." + about]`` says what it shows.
    figure : go.Figure
        The chart; its title starts the text.

    Returns
    -------
    str
        ``"<title>. <what it shows>"``, or only the second part for a chart
        without a title.
    """
    shows = text[f"alt.{about}"]
    title = chart_title(figure)
    return text["alt.chart"].format(title=title, shows=shows) if title else shows


def plot(
    where: Any, text: Mapping[str, str], about: str, figure: go.Figure, **options: Any
) -> Any:
    """``where.plotly_chart(figure, **options)`` with the chart's text alternative.

    Parameters
    ----------
    where : streamlit module or container
        Where the chart goes: ``st``, a column, a placeholder.
    text : mapping of str to str
        The string table of the current language.
    about : str
        The kind of chart, a key ``alt.<about>`` of the string tables.
    figure : go.Figure
        The chart.
    **options
        Passed on to ``plotly_chart`` (``key``, ``width``, ``theme``, ...).

    Returns
    -------
    Any
        What ``plotly_chart`` returns.

    Notes
    -----
    The figure goes out trimmed to what the screen shows
    (:func:`focal.figures.wire.lean`); a :class:`SharedFigure` was trimmed
    once, when it was cached.
    """
    alt = chart_alt(text, about, figure)
    if not isinstance(figure, SharedFigure):
        figure = SharedFigure(lean(figure.to_dict()))
    return where.plotly_chart(figure, alt=alt, **options)
