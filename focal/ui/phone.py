"""What a page does differently on a phone: the chart first, the controls that
move it right beside it, long explanations after.

A page asks :func:`focal.ui.screen.current` once and passes ``phone`` to these
helpers; on a laptop and on a projector each one does what the page did
before, so those layouts stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import plotly.graph_objects as go

from focal.figures.phone import for_phone
from focal.ui.charts import SharedFigure


def fitted(figure: go.Figure, phone: bool) -> go.Figure:
    """``figure``, on a phone fitted to its narrow screen
    (:func:`focal.figures.phone.for_phone`).

    A figure shared by sessions (:class:`focal.ui.charts.SharedFigure`, the
    Explorer's) is left as it is but for ``dragmode=False``, set on a shallow
    copy: a swipe over it scrolls the page.
    """
    if not phone:
        return figure
    if isinstance(figure, SharedFigure):
        spec = figure.to_dict()
        return SharedFigure({**spec, "layout": {**spec["layout"], "dragmode": False}})
    return for_phone(figure)


def row(where: Any, spec: int | list[float], phone: bool, **options: Any) -> list[Any]:
    """``where.columns(spec, **options)``; on a phone one row that wraps.

    Streamlit stacks columns below 640 px, so a row of sliders would take
    most of a screen; a horizontal container keeps them side by side as far
    as they fit, and wraps the rest. (The phone's stylesheet keeps columns of
    metrics side by side, in equal shares that cut a long number short: this
    row gives each number the room it needs.) On a phone every "column"
    returned is that one row: elements follow in the order they are drawn.
    """
    if not phone:
        return where.columns(spec, **options)
    count = spec if isinstance(spec, int) else len(spec)
    return [where.container(horizontal=True)] * count


class Later:
    """Explanations that a phone draws after the chart, other screens in place.

    ``later(draw, *args)`` calls ``draw(*args)`` now on a laptop or projector;
    on a phone it keeps the call for :meth:`draw`, which the page makes after
    its chart (``draw`` may be a container's method: the text lands there).
    """

    def __init__(self, phone: bool) -> None:
        self.phone = phone
        self._calls: list[Callable[[], object]] = []

    def __call__(self, draw: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        if self.phone:
            self._calls.append(partial(draw, *args, **kwargs))
        else:
            draw(*args, **kwargs)

    def draw(self) -> None:
        """Draw what was kept, in order (nothing on a laptop or projector)."""
        for call in self._calls:
            call()
        self._calls.clear()
